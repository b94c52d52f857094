//! `cellbook member`: keep the roster.

use crate::args::{line, parse_date};
use crate::core::model::ids::{
    MemberIdError, RESERVED_MEMBER_IDS, check_member_id, generate_member_id, suggest_member_id,
};
use crate::core::model::{ExemptionKind, Role};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use comfy_table::Cell;

use crate::context::Context;
use crate::core::attendance;
use crate::core::dates::show_date;
use crate::core::lookup;
use crate::core::model::{Exemption, Member, Status};
use crate::core::names::{self, nfc};
use crate::core::roster_import;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::meetings::save_roster;
use crate::output::Output;
use crate::prompt;
use crate::render::table;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a member to the roster
    #[command(
        after_help = "Example:\n  cellbook member add \"Nguyễn Thị Lan\" --id lan --role deputy --joined 2010-05-19"
    )]
    Add(MemberAddArgs),
    /// Change a member's role or status, or record that they left
    #[command(
        after_help = "Examples:\n  cellbook member set lan --role secretary\n  cellbook member set \"Bình\" --full\n  cellbook member set hung --left 2021-01-01"
    )]
    Set(MemberSetArgs),
    /// Record a period in which a member is exempted from meetings
    #[command(
        after_help = "Example:\n  cellbook member exempt tam --from 2020-01-01 --kind exempt --reason \"Sức khỏe yếu\""
    )]
    Exempt(MemberExemptArgs),
    /// List the roster (or the roll on a date)
    #[command(
        after_help = "Examples:\n  cellbook member list\n  cellbook member list --on 2020-08-10"
    )]
    List(MemberListArgs),
    /// Add the members of a spreadsheet (.csv or .xlsx): shows what it adds and refuses first
    #[command(
        after_help = "Columns, matched by their heading (Vietnamese or English, any case, with or without diacritics):\n  Họ và tên / Name (required), Mã / Id, Chức vụ / Role, Tư cách / Status,\n  Ngày vào chi bộ / Joined, Ngày kết nạp / Admitted\n\nExamples:\n  cellbook member import danh-sach.xlsx --dry-run\n  cellbook member import danh-sach.csv --yes"
    )]
    Import(MemberImportArgs),
}

#[derive(Debug, Args)]
pub struct MemberImportArgs {
    /// The spreadsheet: .csv (UTF-8 or windows-1258) or .xlsx, a heading row then one member a row
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub file: std::path::PathBuf,
    /// The sheet of an Excel workbook to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Show what would be added and refused, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Add without asking (needed when nobody can be asked: in a script)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Add the members even if the record of a meeting already held would no longer add up
    /// (`cellbook check` then reports it)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct MemberAddArgs {
    /// Full name, with diacritics
    pub name: String,
    /// Short ASCII handle (a-z, 0-9, -, _); default: the given name without diacritics
    /// (`Lê Văn Đạo` → dao, or dao2 when dao is taken)
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long, value_enum, default_value = "member")]
    pub role: Role,
    /// A probationary member (attends, does not vote)
    #[arg(long)]
    pub probationary: bool,
    /// Date joined the cell (default: today)
    #[arg(long, value_parser = parse_date)]
    pub joined: Option<NaiveDate>,
    /// Date of the admission ceremony (lễ kết nạp), when not the date joined: a probationary
    /// member's 12 months count from it
    #[arg(long, value_parser = parse_date)]
    pub admitted: Option<NaiveDate>,
    /// Attends this cell temporarily
    #[arg(long)]
    pub temporary: bool,
    /// Change the roster even if the record of a meeting already held would no longer add up
    /// (`cellbook check` then reports it)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct MemberSetArgs {
    /// Member id or name
    pub member: String,
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// Now a full member (after the probationary period)
    #[arg(long)]
    pub full: bool,
    /// Date the member left the cell
    #[arg(long, value_parser = parse_date)]
    pub left: Option<NaiveDate>,
    /// Date of the admission ceremony (lễ kết nạp): a probationary member's 12 months count
    /// from it
    #[arg(long, value_parser = parse_date)]
    pub admitted: Option<NaiveDate>,
    /// Change the roster even if the record of a meeting already held would no longer add up
    /// (`cellbook check` then reports it)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct MemberExemptArgs {
    /// Member id or name
    pub member: String,
    #[arg(long, value_parser = parse_date)]
    pub from: NaiveDate,
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "exempt")]
    pub kind: ExemptionKind,
    #[arg(long, value_parser = line)]
    pub reason: Option<String>,
    /// Change the roster even if the record of a meeting already held would no longer add up
    /// (`cellbook check` then reports it)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct MemberListArgs {
    /// Show the roll of this date: who is counted, who is exempted
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

pub fn run(ctx: &Context, cmd: MemberCommand) -> Result<Output> {
    match cmd {
        MemberCommand::Add(args) => add(ctx, &args),
        MemberCommand::Set(args) => set(ctx, &args),
        MemberCommand::Exempt(args) => exempt(ctx, &args),
        MemberCommand::List(args) => list(ctx, &args),
        MemberCommand::Import(args) => import(ctx, &args),
    }
}

/// Refuse an id that is not a short ASCII handle, or a word the command line reserves.
fn refuse_bad_id(id: &str) -> Result<()> {
    match check_member_id(id) {
        Ok(()) => Ok(()),
        Err(MemberIdError::Form) => Err(Error::refused_with(
            format!("{} '{id}'", tr("mã không hợp lệ", "invalid id")),
            match suggest_member_id(id) {
                Some(near) => format!(
                    "{} --id {near}? {}",
                    tr("ý bạn là", "did you mean"),
                    tr(
                        "(mã gồm chữ thường không dấu, số, - hoặc _, bắt đầu bằng chữ, tối đa 32 ký tự)",
                        "(an id is lowercase ASCII letters, digits, - or _, starting with a letter, at most 32 characters)",
                    )
                ),
                None => tr(
                    "mã gồm chữ thường không dấu, số, - hoặc _, bắt đầu bằng chữ, tối đa 32 ký tự (ví dụ: lan, hung2)",
                    "an id is lowercase ASCII letters, digits, - or _, starting with a letter, at most 32 characters (e.g. lan, hung2)",
                )
                .to_owned(),
            },
        )),
        Err(MemberIdError::Reserved) => Err(Error::refused_with(
            format!(
                "{} '{id}' {} ({})",
                tr("mã", "the id"),
                tr(
                    "là từ có nghĩa riêng trên dòng lệnh",
                    "is a word with its own meaning on the command line"
                ),
                RESERVED_MEMBER_IDS.join(", ")
            ),
            tr(
                "chọn mã khác, ví dụ thêm chữ cái hoặc số (all2, lan)",
                "choose another id, e.g. add a letter or a digit (all2, lan)",
            ),
        )),
    }
}

fn add(ctx: &Context, args: &MemberAddArgs) -> Result<Output> {
    let (_lock, mut ledger) = ctx.open_for_write()?;
    let id = match &args.id {
        Some(id) => id.trim().to_owned(),
        None => generate_member_id(&args.name, |id| ledger.roster.get(id).is_some()).ok_or_else(
            || {
                Error::Usage(
                    tr(
                        "không tạo được mã từ tên này: hãy cho --id",
                        "cannot make an id from this name: give --id",
                    )
                    .into(),
                )
            },
        )?,
    };
    refuse_bad_id(&id)?;
    if let Some(other) = ledger.roster.get(&id) {
        return Err(Error::MemberIdTaken {
            holder: other.name.clone(),
            id,
        });
    }
    let name = nfc(args.name.trim());
    // Control characters and bidirectional overrides would act on the terminal of whoever
    // lists the roster later.
    if name.is_empty() || crate::core::text::hidden_in(&name, false).is_some() {
        return Err(Error::refused(tr(
            "tên không được trống hoặc chứa ký tự điều khiển",
            "the name must not be empty or contain control characters",
        )));
    }
    let joined = args.joined.unwrap_or(ctx.today);
    let mut notes = String::new();
    if let Some(twin) = ledger
        .roster
        .members
        .iter()
        .find(|m| names::fold(&m.name) == names::fold(&name))
    {
        notes.push_str(&format!(
            "{}: {} ({}) {}\n",
            tr("lưu ý", "note"),
            twin.name,
            twin.id,
            tr(
                "có tên giống; hãy gọi bằng mã",
                "has the same name; refer to them by id"
            )
        ));
    }
    let before = ledger.roster.clone();
    ledger.roster.members.push(Member {
        id: id.clone(),
        name: name.clone(),
        role: args.role,
        status: if args.probationary {
            Status::Probationary
        } else {
            Status::Full
        },
        joined,
        admitted: args.admitted,
        left: None,
        temporary: args.temporary,
        exempt: vec![],
    });
    let forced = guard_history(ctx, &ledger, &before, &id, args.force)?;
    save_roster(&ledger)?;
    Ok(Output {
        stderr: forced,
        ..Output::text(crate::render::shown(format!(
            "{notes}{} {name} ({id})\n",
            tr("Đã thêm", "Added")
        )))
    })
}

fn set(ctx: &Context, args: &MemberSetArgs) -> Result<Output> {
    let (_lock, mut ledger) = ctx.open_for_write()?;
    let id = lookup::member(&ledger.roster, &args.member, None)?
        .id
        .clone();
    if args.role.is_none() && !args.full && args.left.is_none() && args.admitted.is_none() {
        return Err(Error::Usage(
            tr(
                "không có gì để đổi: dùng --role, --full, --left hoặc --admitted",
                "nothing to change: give --role, --full, --left or --admitted",
            )
            .into(),
        ));
    }
    let before = ledger.roster.clone();
    let Some(member) = ledger.roster.members.iter_mut().find(|m| m.id == id) else {
        return Err(Error::UnknownMember {
            query: id,
            candidates: vec![],
        });
    };
    if let Some(role) = args.role {
        member.role = role;
    }
    if args.full {
        member.status = Status::Full;
    }
    if let Some(admitted) = args.admitted {
        member.admitted = Some(admitted);
    }
    if let Some(left) = args.left {
        if left <= member.joined {
            return Err(Error::refused_with(
                format!(
                    "{} ({}) {} ({})",
                    tr("ngày rời", "the date left"),
                    show_date(left, lang()),
                    tr("phải sau ngày vào", "must be after the date joined"),
                    show_date(member.joined, lang())
                ),
                tr("kiểm tra lại ngày", "check the date"),
            ));
        }
        member.left = Some(left);
    }
    let summary = format!(
        "{} {} ({})\n",
        tr("Đã cập nhật", "Updated"),
        member.name,
        member.id
    );
    let forced = guard_history(ctx, &ledger, &before, &id, args.force)?;
    save_roster(&ledger)?;
    Ok(Output {
        stderr: forced,
        ..Output::text(crate::render::shown(summary))
    })
}

fn exempt(ctx: &Context, args: &MemberExemptArgs) -> Result<Output> {
    let (_lock, mut ledger) = ctx.open_for_write()?;
    let id = lookup::member(&ledger.roster, &args.member, Some(args.from))?
        .id
        .clone();
    if let Some(to) = args.to
        && to < args.from
    {
        return Err(Error::refused_with(
            tr(
                "thời gian miễn kết thúc trước khi bắt đầu",
                "the exemption ends before it starts",
            ),
            tr(
                "--to phải từ ngày --from trở đi",
                "--to must be on or after --from",
            ),
        ));
    }
    let before = ledger.roster.clone();
    let Some(member) = ledger.roster.members.iter_mut().find(|m| m.id == id) else {
        return Err(Error::UnknownMember {
            query: id,
            candidates: vec![],
        });
    };
    member.exempt.push(Exemption {
        from: args.from,
        to: args.to,
        kind: args.kind,
        reason: args.reason.as_deref().map(nfc),
    });
    let summary = format!(
        "{} {} ({}): {} {}{}\n",
        tr("Đã ghi miễn sinh hoạt cho", "Recorded an exemption for"),
        member.name,
        args.kind.label(lang()),
        tr("từ", "from"),
        show_date(args.from, lang()),
        args.to
            .map(|t| format!(" {} {}", tr("đến", "to"), show_date(t, lang())))
            .unwrap_or_default()
    );
    let forced = guard_history(ctx, &ledger, &before, &id, args.force)?;
    save_roster(&ledger)?;
    Ok(Output {
        stderr: forced,
        ..Output::text(crate::render::shown(summary))
    })
}

/// Refuse a change of member `id` (`ledger` holds the roster after it, `before` the roster
/// before it) that would make the record of a meeting already held inconsistent, naming the
/// meetings and the problems as `check` words them. With `--force` the change is made, and the
/// same words come back as a warning for stderr.
fn guard_history(
    ctx: &Context,
    ledger: &crate::ledger::Ledger,
    before: &crate::core::model::Roster,
    id: &str,
    force: bool,
) -> Result<String> {
    let problems = crate::checks::roster_change_problems(ledger, before, id, ctx.today)?;
    if problems.is_empty() {
        return Ok(String::new());
    }
    let mut meetings: Vec<String> = problems
        .iter()
        .filter_map(|d| d.file.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    meetings.dedup();
    let said = format!(
        "{} ({}):\n{}",
        tr(
            "thay đổi này làm biên bản của buổi sinh hoạt đã họp không còn khớp với danh sách",
            "this change would make the record of meetings already held disagree with the roster"
        ),
        meetings.join(", "),
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    if force {
        return Ok(format!(
            "{}: {said}\n{}\n",
            tr("cảnh báo", "warning"),
            tr(
                "đã đổi vì có --force; `cellbook check` sẽ báo các lỗi này",
                "changed anyway (--force); `cellbook check` will report these problems"
            )
        ));
    }
    Err(Error::refused_with(
        said,
        tr(
            "kiểm tra lại ngày; nếu biên bản mới sai, sửa các buổi sinh hoạt đó trước (`cellbook edit ID`), hoặc thêm --force để vẫn đổi",
            "check the date; if the records are what is wrong, fix those meetings first (`cellbook edit ID`), or give --force to change the roster anyway",
        ),
    ))
}

fn list(ctx: &Context, args: &MemberListArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let mut t = table::new(vec![
        tr("Mã", "Id"),
        tr("Họ và tên", "Name"),
        tr("Chức vụ", "Role"),
        tr("Đảng viên", "Status"),
        tr("Ngày vào", "Joined"),
        tr("Ghi chú", "Notes"),
    ]);
    let mut shown = 0;
    for m in &ledger.roster.members {
        let note = match args.on {
            Some(date) => {
                if !m.on_roll(date) {
                    continue;
                }
                match m.exemption_on(date) {
                    Some(e) => format!(
                        "{} ({})",
                        tr("không tính", "not counted"),
                        e.kind.label(lang())
                    ),
                    None => tr("được tính", "counted").to_owned(),
                }
            }
            None => {
                let mut notes = Vec::new();
                if let Some(left) = m.left {
                    notes.push(format!("{} {}", tr("rời", "left"), show_date(left, lang())));
                }
                if m.temporary {
                    notes.push(tr("sinh hoạt tạm thời", "temporary").to_owned());
                }
                if let Some(e) = m.exemption_on(ctx.today) {
                    notes.push(e.kind.label(lang()).to_owned());
                }
                notes.join(", ")
            }
        };
        shown += 1;
        t.add_row(vec![
            Cell::new(&m.id),
            Cell::new(&m.name),
            Cell::new(m.role.label(lang())),
            Cell::new(m.status.label(lang())),
            Cell::new(show_date(m.joined, lang())),
            Cell::new(note),
        ]);
    }
    let mut out = format!("{t}\n");
    if let Some(date) = args.on {
        let counted = ledger
            .roster
            .members
            .iter()
            .filter(|m| attendance::is_counted(m, date, &[]))
            .count();
        out.push_str(&format!(
            "{}: {shown}, {}: {counted}\n",
            tr("Danh sách", "On the roll"),
            tr("được tính", "counted")
        ));
    }
    Ok(Output::text(crate::render::shown(out)))
}

/// `member import FILE`: read the sheet, show what it adds and refuses, ask (or take `--yes`),
/// then add every member at once under the lock, or none.
fn import(ctx: &Context, args: &MemberImportArgs) -> Result<Output> {
    // The ledger first: it sets the language the file's problems are told in.
    let roster = ctx.open()?.roster;
    let read = crate::import::read(&args.file, args.sheet.as_deref())?;
    let plan_on = |roster: &crate::core::model::Roster| plan_import(args, &read, roster, ctx.today);
    let plan = plan_on(&roster)?;
    let preview = import_preview(args, read.note.as_deref(), &plan);
    let stop = |why: String, code: u8| Output {
        stdout: preview.clone(),
        stderr: format!("{}: {why}\n", tr("lỗi", "error")),
        code,
        stream: None,
    };
    if !plan.refused.is_empty() {
        return Ok(stop(
            format!(
                "{} {}; {} {}",
                counted(plan.refused.len(), "lỗi", "problem"),
                tr("trong tệp", "in the file"),
                tr(
                    "không thêm ai. Sửa các ô trên rồi nhập lại",
                    "nobody was added. Fix the cells above and import again"
                ),
                tr("(xem trước: --dry-run)", "(to preview: --dry-run)")
            ),
            1,
        ));
    }
    if plan.added.is_empty() || args.dry_run {
        let note = if plan.added.is_empty() {
            tr("Không có ai mới để thêm.", "Nobody new to add.")
        } else {
            tr("--dry-run: chưa ghi gì.", "--dry-run: nothing was written.")
        };
        return Ok(Output::text(format!("{preview}{note}\n")));
    }
    if !args.yes {
        if !prompt::interactive() {
            return Ok(stop(
                tr(
                    "chưa ghi gì: thêm --yes để thêm những người trên (hoặc chạy trong cửa sổ dòng lệnh để được hỏi)",
                    "nothing was written: add --yes to add the members above (or run in a terminal to be asked)",
                )
                .into(),
                2,
            ));
        }
        let _ = std::io::Write::write_all(&mut std::io::stderr(), preview.as_bytes());
        let n = plan.added.len();
        let question = match lang() {
            crate::i18n::Lang::Vi => format!("Thêm {n} đảng viên vào danh sách?"),
            crate::i18n::Lang::En => format!("Add the {n} listed above to the roster?"),
        };
        if !prompt::confirm(&question, false)? {
            return Err(Error::Cancelled);
        }
    }
    let (_lock, mut ledger) = ctx.open_for_write()?;
    // The roster may have changed while the person read the preview: add only what was shown.
    if plan_on(&ledger.roster)?.added != plan.added {
        return Err(Error::refused(tr(
            "danh sách đã thay đổi trong lúc chờ xác nhận; không thêm ai, hãy chạy lại",
            "the roster changed while waiting for the answer; nobody was added, run it again",
        )));
    }
    let forced = add_all(ctx, &mut ledger, &plan.added, args.force)?;
    let shown = if args.yes { preview } else { String::new() };
    Ok(Output {
        stderr: forced,
        ..Output::text(format!(
            "{shown}{} {} {}\n",
            tr("Đã thêm", "Added"),
            counted(plan.added.len(), "đảng viên", "member"),
            tr("vào danh sách.", "to the roster.")
        ))
    })
}

/// Add the members at once, refusing (unless `force`) what would make held meetings' records
/// disagree with the roster, from the earliest date joined on; the roster written once.
fn add_all(
    ctx: &Context,
    ledger: &mut crate::ledger::Ledger,
    added: &[roster_import::Added],
    force: bool,
) -> Result<String> {
    let before = ledger.roster.clone();
    let first = added.iter().min_by_key(|a| a.member.joined);
    let first_id = first.map(|a| a.member.id.clone()).unwrap_or_default();
    ledger
        .roster
        .members
        .extend(added.iter().map(|a| a.member.clone()));
    let forced = guard_history(ctx, ledger, &before, &first_id, force)?;
    save_roster(ledger)?;
    Ok(forced)
}

/// What importing the sheet read into `roster` would do, or why the sheet is no roster (with
/// the workbook's other sheets named).
fn plan_import(
    args: &MemberImportArgs,
    read: &crate::import::Spreadsheet,
    roster: &crate::core::model::Roster,
    today: NaiveDate,
) -> Result<roster_import::Plan> {
    roster_import::plan(&read.sheet, roster, today).map_err(|e| {
        let message = format!("{}: {}", args.file.display(), e.message(lang()));
        match read.sheets.as_slice() {
            [_, _, ..] => Error::refused_with(
                message,
                format!(
                    "{} --sheet ({})",
                    tr("đọc trang tính khác bằng", "read another sheet with"),
                    read.sheets.join(", ")
                ),
            ),
            _ => Error::refused(message),
        }
    })
}

/// `3 đảng viên`, `1 member`, `3 members`.
fn counted(n: usize, vi: &str, en: &str) -> String {
    match (lang(), n) {
        (crate::i18n::Lang::Vi, n) => format!("{n} {vi}"),
        (crate::i18n::Lang::En, 1) => format!("1 {en}"),
        (crate::i18n::Lang::En, n) => format!("{n} {en}s"),
    }
}

/// The members an import adds, a row each, with the row of the file they come from.
fn added_table(added: &[roster_import::Added]) -> comfy_table::Table {
    let l = lang();
    let mut t = table::new(vec![
        tr("Dòng", "Row"),
        tr("Mã", "Id"),
        tr("Họ và tên", "Name"),
        tr("Chức vụ", "Role"),
        tr("Đảng viên", "Status"),
        tr("Ngày vào", "Joined"),
    ]);
    for a in added {
        let m = &a.member;
        let id = if a.id_made {
            format!("{} ({})", m.id, tr("tạo từ tên", "from the name"))
        } else {
            m.id.clone()
        };
        t.add_row(vec![
            Cell::new(a.row),
            Cell::new(id),
            Cell::new(&m.name),
            Cell::new(m.role.label(l)),
            Cell::new(m.status.label(l)),
            Cell::new(roster_import::show_joined(a, l)),
        ]);
    }
    t
}

/// What an import reads and would do: the columns found, the members to add (a table), and
/// the refused rows, one line each naming the row and the column.
fn import_preview(
    args: &MemberImportArgs,
    note: Option<&str>,
    plan: &roster_import::Plan,
) -> String {
    let l = lang();
    let columns: Vec<String> = plan
        .columns
        .iter()
        .map(|(f, c)| format!("{} = {}", f.label(l), roster_import::column_name(*c)))
        .collect();
    let mut out = format!(
        "{} {}{}: {} {}; {}: {}\n",
        tr("Tệp", "File"),
        args.file.display(),
        note.map(|n| format!(" ({n})")).unwrap_or_default(),
        tr("dòng tiêu đề", "heading row"),
        plan.header_row,
        tr("cột", "columns"),
        columns.join(", ")
    );
    if !plan.ignored.is_empty() {
        out.push_str(&format!(
            "{}: {}\n",
            tr("Cột không dùng", "Columns not read"),
            plan.ignored.join(", ")
        ));
    }
    if !plan.added.is_empty() {
        out.push_str(&format!(
            "{} {}:\n{}\n",
            tr("Sẽ thêm", "To add:"),
            counted(plan.added.len(), "đảng viên", "member"),
            added_table(&plan.added)
        ));
    }
    if !plan.already.is_empty() {
        let list: Vec<String> = plan
            .already
            .iter()
            .map(|(row, id, name)| format!("{name} ({id}, {} {row})", tr("dòng", "row")))
            .collect();
        out.push_str(&format!(
            "{} ({}): {}\n",
            tr(
                "Đã có trong danh sách, giữ nguyên",
                "Already on the roster, left as they are"
            ),
            list.len(),
            list.join(", ")
        ));
    }
    if !plan.refused.is_empty() {
        out.push_str(&format!(
            "{} ({}):\n",
            tr("Không thêm được", "Refused"),
            counted(plan.refused.len(), "lỗi", "problem")
        ));
        for (at, why) in &plan.refused {
            out.push_str(&format!(
                "  {}\n",
                roster_import::describe_refusal(at, why, l)
            ));
        }
    }
    crate::render::shown(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::testing::example_ledger;
    use clap::Parser;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: MemberAddArgs,
    }

    #[test]
    fn an_id_in_use_is_refused_with_its_holder() {
        let (_dir, ctx) = example_ledger();
        let line = Line::try_parse_from(["add", "Lê Văn Lan", "--id", "lan"]).unwrap();
        let err = add(&ctx, &line.args).err();
        assert!(
            matches!(&err, Some(Error::MemberIdTaken { id, holder }) if id == "lan" && !holder.is_empty()),
            "{err:?}"
        );
    }
}
