//! `cellbook status`: what is due today, from the meetings of last year, this year and next
//! year (the reminders themselves are worked out in `reminders.rs`).

use chrono::{Datelike, NaiveDate, NaiveTime};
use clap::Args;
use comfy_table::Cell;
use serde_json::{Value, json};

use crate::context::Context;
use crate::core::dates::{show_date, show_time};
use crate::core::model::{ExemptionKind, Kind, Meeting, MeetingId};
use crate::core::period::Period;
use crate::core::reminders::{self, DOCS_LEAD_DAYS, Input, Reminder, Urgency};
use crate::error::{Error, Result};
use crate::i18n::{Lang, lang, tr};
use crate::ledger::{Ledger, MeetingFile};
use crate::output::Output;
use crate::render::table;

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: a list, most urgent first, and a table of open actions
    #[default]
    Text,
    /// For scripts: every reminder with its fields
    Json,
}

pub fn run(ctx: &Context, args: &StatusArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let today = ctx.today;
    let y = today.year();
    // Cost follows the calendar, not the history: last year (a quarter or year to report, an
    // action still open), this year, and next year (a meeting planned for January).
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for entry in ledger.meeting_entries(Some((y - 1, y + 1)))? {
        match ledger.load_meeting(&entry) {
            Ok(f) => files.push(f),
            Err(Error::Invalid(_)) => unreadable.push(entry.path),
            Err(e) => return Err(e),
        }
    }
    let meetings: Vec<(MeetingId, &Meeting)> = files.iter().map(|f| (f.id, &f.meeting)).collect();
    let mut list = reminders::reminders(&Input {
        today,
        rules: &ledger.config.meetings,
        rating: &ledger.config.rating,
        roster: &ledger.roster,
        meetings: &meetings,
    });
    list.extend(crate::ledger::reviews::open_reviews(&ledger, today));
    reminders::sort(&mut list, today);
    let view = View {
        ledger: &ledger,
        files: &files,
        today,
    };
    let text = match args.format {
        Format::Text => crate::render::shown(view.text(&list, &unreadable)),
        Format::Json => {
            // A `Value` always serialises.
            let mut s =
                serde_json::to_string_pretty(&view.json(&list, &unreadable)).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    Ok(Output::text(text))
}

struct View<'a> {
    ledger: &'a Ledger,
    files: &'a [MeetingFile],
    today: NaiveDate,
}

impl View<'_> {
    fn text(&self, list: &[Reminder], unreadable: &[std::path::PathBuf]) -> String {
        let mut out = format!(
            "{} · {} {}\n\n",
            self.ledger.config.cell.name,
            tr("hôm nay", "today"),
            show_date(self.today, lang())
        );
        for path in unreadable {
            out.push_str(&format!(
                "!! {}: {}\n   → cellbook check\n",
                path.display(),
                tr(
                    "không đọc được tệp buổi sinh hoạt này; các nhắc việc bỏ qua nó",
                    "this meeting file cannot be read; the reminders leave it out"
                )
            ));
        }
        let (actions, others): (Vec<&Reminder>, Vec<&Reminder>) = list
            .iter()
            .partition(|r| matches!(r, Reminder::Action { .. }));
        for r in &others {
            let marker = match r.urgency(self.today) {
                Urgency::Urgent => "!!",
                Urgency::Due => "! ",
                Urgency::Info => "- ",
            };
            out.push_str(&format!("{marker} {}\n", self.message(r)));
            if let Some(hint) = self.hint(r) {
                out.push_str(&format!("   → {hint}\n"));
            }
        }
        if !actions.is_empty() {
            if !others.is_empty() || !unreadable.is_empty() {
                out.push('\n');
            }
            out.push_str(&self.actions_table(&actions));
        }
        if list.is_empty() && unreadable.is_empty() {
            out.push_str(tr("Không có việc gì đến hạn.\n", "Nothing is due.\n"));
        }
        out
    }

    fn actions_table(&self, actions: &[&Reminder]) -> String {
        let overdue = actions
            .iter()
            .filter(|r| matches!(r, Reminder::Action { overdue: true, .. }))
            .count();
        let mut t = table::new(vec![
            tr("Mã", "Id"),
            tr("Người thực hiện", "Who"),
            tr("Nội dung", "Task"),
            tr("Giao ngày", "Assigned"),
            tr("Hạn", "Due"),
            tr("Tình trạng", "Status"),
        ]);
        for r in actions {
            if let Reminder::Action {
                id,
                member,
                task,
                since,
                due,
                ..
            } = r
            {
                t.add_row(vec![
                    Cell::new(id),
                    Cell::new(self.name(member)),
                    Cell::new(task),
                    Cell::new(show_date(*since, lang())),
                    Cell::new(due.map(|d| show_date(d, lang())).unwrap_or_default()),
                    Cell::new(self.action_status(*due)),
                ]);
            }
        }
        format!(
            "{} ({}{}):\n{t}\n",
            tr("Việc chưa xong", "Open actions"),
            actions.len(),
            if overdue > 0 {
                format!(", {overdue} {}", tr("quá hạn", "overdue"))
            } else {
                String::new()
            }
        )
    }

    fn action_status(&self, due: Option<NaiveDate>) -> String {
        let Some(due) = due else {
            return tr("đang làm", "open").to_owned();
        };
        let days = (due - self.today).num_days();
        match days {
            d if d < 0 => format!("{} {}", tr("quá hạn", "overdue by"), days_text(-d)),
            0 => tr("đến hạn hôm nay", "due today").to_owned(),
            d => format!("{} {}", tr("còn", "due in"), days_text(d)),
        }
    }

    fn name(&self, id: &str) -> String {
        self.ledger
            .roster
            .get(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    }

    fn file(&self, id: MeetingId) -> Option<&MeetingFile> {
        self.files.iter().find(|f| f.id == id)
    }

    /// What a person reads.
    fn message(&self, r: &Reminder) -> String {
        match r {
            Reminder::RegularMissing {
                year,
                month,
                have,
                need,
                current,
                days_left,
            } => {
                let month = month_name(*year, *month);
                regular_missing_text(&month, *have, *need, *current, *days_left)
            }
            Reminder::NextMeeting {
                id,
                kind,
                title,
                time,
                place,
                in_days,
            } => next_meeting_text(
                *id,
                *kind,
                *time,
                place.as_deref(),
                title.as_deref(),
                *in_days,
            ),
            Reminder::DocsToSend { id, send_by } => self.docs_to_send_text(*id, *send_by),
            Reminder::NotRecorded { id } => self.not_recorded_text(*id),
            Reminder::ThematicOwed {
                quarter,
                have,
                need,
            } => thematic_owed_text(*quarter, *have, *need),
            Reminder::Unrated { id, days_since } => unrated_text(*id, *days_since),
            Reminder::Action {
                id, member, task, ..
            } => format!("{id} {}: {task}", self.name(member)),
            Reminder::Absences {
                member,
                year,
                months,
            } => self.absences_text(member, *year, months),
            Reminder::QuarterReport { quarter } => self.quarter_report_text(*quarter),
            Reminder::YearReport { year } => year_report_text(*year),
            Reminder::ReviewsOpen {
                period,
                total,
                self_missing,
                cell_missing,
                decision_missing,
            } => reviews_open_text(
                *period,
                *total,
                [*self_missing, *cell_missing, *decision_missing],
            ),
            Reminder::ProbationEnds {
                member,
                ends,
                in_days,
            } => probation_text(&self.name(member), *ends, *in_days),
            Reminder::ExemptionEnds {
                member,
                kind,
                ends,
                in_days,
            } => exemption_ends_text(&self.name(member), *kind, *ends, *in_days),
        }
    }

    /// Once the documents are sent: `cellbook plan DATE --docs-sent TODAY` when `plan` names
    /// the meeting (the first of its kind that day), else the line to write in its file.
    fn docs_hint(&self, id: MeetingId) -> String {
        let today = self.today.format("%Y-%m-%d");
        let kind = self.file(id).map(|f| f.meeting.kind);
        let first_of_kind = kind.is_some_and(|k| {
            !self
                .files
                .iter()
                .any(|f| f.id.date == id.date && f.id.seq < id.seq && f.meeting.kind == k)
        });
        match kind {
            Some(k) if first_of_kind => format!(
                "{} `cellbook plan {}{} --docs-sent {today}`",
                tr("khi đã gửi:", "once sent:"),
                id.date.format("%Y-%m-%d"),
                if k == Kind::Thematic {
                    " --kind thematic"
                } else {
                    ""
                }
            ),
            _ => format!(
                "{} `docs_sent = {today}` {} [plan] {} {}",
                tr("khi đã gửi, ghi", "once sent, write"),
                tr("vào bảng", "under"),
                tr("của", "in"),
                id.rel_path()
            ),
        }
    }

    /// The documents of a meeting are to be sent by `send_by`, today, or are late.
    fn docs_to_send_text(&self, id: MeetingId, send_by: NaiveDate) -> String {
        let date = |d: NaiveDate| show_date(d, lang());
        let lead = format!(
            "{} {DOCS_LEAD_DAYS} {}",
            tr("trước ít nhất", "at least"),
            tr("ngày", "day before")
        );
        match send_by.cmp(&self.today) {
            std::cmp::Ordering::Greater => format!(
                "{} {} {} {} ({lead}).",
                tr(
                    "Gửi tài liệu buổi sinh hoạt",
                    "Send the documents of the meeting of"
                ),
                date(id.date),
                tr("cho đảng viên chậm nhất ngày", "to the members by"),
                date(send_by)
            ),
            std::cmp::Ordering::Equal => format!(
                "{} {} ({lead}).",
                tr(
                    "Hôm nay là hạn cuối gửi tài liệu buổi sinh hoạt",
                    "Today is the last day to send the documents of the meeting of"
                ),
                date(id.date)
            ),
            std::cmp::Ordering::Less => format!(
                "{} {} {} ({lead}).",
                tr("Tài liệu buổi sinh hoạt", "The documents of the meeting of"),
                date(id.date),
                tr("chưa được ghi là đã gửi", "are not recorded as sent")
            ),
        }
    }

    /// A meeting whose day has passed without a record.
    fn not_recorded_text(&self, id: MeetingId) -> String {
        let kind = self
            .file(id)
            .map(|f| f.meeting.kind.label(lang()))
            .unwrap_or_default();
        let date = show_date(id.date, lang());
        match lang() {
            Lang::Vi => {
                format!("Buổi sinh hoạt {kind} ngày {date} đã qua nhưng chưa ghi biên bản.")
            }
            Lang::En => format!("The {kind} meeting of {date} has passed and is not recorded."),
        }
    }

    /// A member absent without a reason in too many months of a year, and what follows.
    fn absences_text(&self, member: &str, year: i32, months: &[u32]) -> String {
        let list = months
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let consequence = if months.len() >= reminders::ABSENCE_MONTHS_LIMIT {
            tr(
                "chi bộ phải xem xét, đề nghị xóa tên khỏi danh sách đảng viên (Quy định 24-QĐ/TW, điểm 8.1)",
                "the cell must consider removing the member from the Party rolls (Quy định 24-QĐ/TW, point 8.1)",
            )
        } else {
            tr(
                "thêm một tháng nữa là chi bộ phải xem xét xóa tên (Quy định 24-QĐ/TW, điểm 8.1)",
                "one month more and the cell must consider removing the member from the rolls (Quy định 24-QĐ/TW, point 8.1)",
            )
        };
        let name = self.name(member);
        let count = months.len();
        match lang() {
            Lang::Vi => format!(
                "{name} vắng mặt không lý do trong {count} tháng của năm {year} (tháng {list}): {consequence}."
            ),
            Lang::En => format!(
                "{name} was absent without a reason in {count} months of {year} (months {list}): {consequence}."
            ),
        }
    }

    /// A quarter has ended: report it to the committee above (named, when the ledger knows it).
    fn quarter_report_text(&self, quarter: Period) -> String {
        let to = self
            .ledger
            .config
            .cell
            .parent
            .clone()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| tr("cấp ủy cấp trên", "the committee above").to_owned());
        let quarter = capitalise(&quarter.words(lang()));
        format!(
            "{quarter} {}: {} {to}.",
            tr("đã kết thúc", "has ended"),
            tr("lập báo cáo quý gửi", "report it to")
        )
    }

    /// The command (or edit) that deals with the reminder.
    fn hint(&self, r: &Reminder) -> Option<String> {
        Some(match r {
            Reminder::RegularMissing { .. } => {
                tr("cellbook plan NGÀY", "cellbook plan DATE").to_owned()
            }
            Reminder::ThematicOwed { .. } => tr(
                "cellbook plan NGÀY --kind thematic",
                "cellbook plan DATE --kind thematic",
            )
            .to_owned(),
            Reminder::NextMeeting { id, .. } => format!("cellbook show {id}"),
            Reminder::DocsToSend { id, .. } => self.docs_hint(*id),
            Reminder::NotRecorded { id } => format!("cellbook record {id}"),
            Reminder::Unrated { id, .. } => format!("cellbook rate {id}"),
            Reminder::Action { id, .. } => format!("cellbook action done {id}"),
            Reminder::Absences { .. } => return None,
            Reminder::QuarterReport { quarter } => {
                if *quarter == Period::previous_quarter(self.today) {
                    "cellbook report --last-quarter".to_owned()
                } else {
                    format!("cellbook report --quarter {quarter}")
                }
            }
            Reminder::YearReport { year } => format!("cellbook report --year {year}"),
            Reminder::ReviewsOpen { period, .. } => format!("cellbook review list {period}"),
            Reminder::ProbationEnds { member, .. } => format!(
                "{} `cellbook member set {member} --full`",
                tr(
                    "khi cấp ủy có thẩm quyền đã quyết định công nhận:",
                    "once the competent committee has decided:"
                )
            ),
            Reminder::ExemptionEnds { member, ends, .. } => format!(
                "{} `cellbook member exempt {member} --from {} --to …`",
                tr("để gia hạn:", "to extend it:"),
                ends.succ_opt().unwrap_or(*ends).format("%Y-%m-%d")
            ),
        })
    }

    /// The fields a reminder of each kind adds to its JSON object.
    fn fields(&self, r: &Reminder) -> Value {
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match r {
            Reminder::RegularMissing {
                year,
                month,
                have,
                need,
                current,
                days_left,
            } => json!({
                "month": crate::core::period::month_label(*year, *month),
                "have": have, "need": need, "current_month": current,
                "days_left": days_left,
            }),
            Reminder::NextMeeting {
                id,
                kind,
                title,
                time,
                place,
                in_days,
            } => json!({
                "meeting": id.to_string(), "date": iso(id.date), "meeting_kind": kind.key(),
                "title": title, "time": time.map(crate::core::dates::show_time),
                "place": place, "in_days": in_days,
            }),
            Reminder::DocsToSend { id, send_by } => json!({
                "meeting": id.to_string(), "date": iso(id.date), "send_by": iso(*send_by),
            }),
            Reminder::NotRecorded { id } => {
                json!({ "meeting": id.to_string(), "date": iso(id.date) })
            }
            Reminder::ThematicOwed {
                quarter,
                have,
                need,
            } => json!({
                "quarter": quarter.to_string(), "have": have, "need": need,
                "quarter_ends": iso(quarter.end()),
            }),
            Reminder::Unrated { id, days_since } => json!({
                "meeting": id.to_string(), "date": iso(id.date), "days_since": days_since,
            }),
            Reminder::Action {
                id,
                member,
                task,
                since,
                due,
                overdue,
            } => json!({
                "action": id.to_string(), "member": member, "name": self.name(member),
                "task": task, "since": iso(*since), "due": due.map(iso),
                "overdue": overdue,
            }),
            Reminder::Absences {
                member,
                year,
                months,
            } => json!({
                "member": member, "name": self.name(member), "year": year,
                "months": months,
            }),
            Reminder::QuarterReport { quarter } => {
                json!({ "quarter": quarter.to_string() })
            }
            Reminder::YearReport { year } => json!({ "year": year }),
            Reminder::ReviewsOpen { .. }
            | Reminder::ProbationEnds { .. }
            | Reminder::ExemptionEnds { .. } => self.members_year_fields(r),
        }
    }

    /// The fields of the reminders of the members' year: reviews, probation, exemptions.
    fn members_year_fields(&self, r: &Reminder) -> Value {
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match r {
            Reminder::ReviewsOpen {
                period,
                total,
                self_missing,
                cell_missing,
                decision_missing,
            } => json!({
                "period": period.to_string(), "total": total, "self_missing": self_missing,
                "cell_missing": cell_missing, "decision_missing": decision_missing,
            }),
            Reminder::ProbationEnds {
                member,
                ends,
                in_days,
            } => json!({
                "member": member, "name": self.name(member), "ends": iso(*ends),
                "in_days": in_days,
            }),
            Reminder::ExemptionEnds {
                member,
                kind,
                ends,
                in_days,
            } => json!({
                "member": member, "name": self.name(member), "ends": iso(*ends),
                "in_days": in_days, "exemption_kind": exemption_key(*kind),
            }),
            _ => Value::Null,
        }
    }

    fn json(&self, list: &[Reminder], unreadable: &[std::path::PathBuf]) -> Value {
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let items: Vec<Value> = list
            .iter()
            .map(|r| {
                let mut v = json!({
                    "kind": r.key(),
                    "urgency": r.urgency(self.today).key(),
                    "message": self.message(r),
                    "hint": self.hint(r),
                });
                let fields = self.fields(r);
                if let (Some(obj), Value::Object(extra)) = (v.as_object_mut(), fields) {
                    // The common keys above win over a field of the same name.
                    for (k, val) in extra {
                        obj.entry(k).or_insert(val);
                    }
                }
                v
            })
            .collect();
        json!({
            "cell": self.ledger.config.cell.name,
            "today": iso(self.today),
            "reminders": items,
            "unreadable": unreadable.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        })
    }
}

/// A month short of regular meetings: a later month not planned yet, or the current month
/// with none or too few.
fn regular_missing_text(
    month: &str,
    have: u32,
    need: u32,
    current: bool,
    days_left: i64,
) -> String {
    match (current, have) {
        (false, _) => format!(
            "{month} {}",
            tr(
                "chưa có buổi sinh hoạt thường kỳ nào được lên kế hoạch.",
                "has no regular meeting planned yet."
            )
        ),
        (true, 0) => format!(
            "{month} {}; {}.",
            tr(
                "chưa có buổi sinh hoạt thường kỳ nào (đã họp hoặc dự kiến)",
                "has no regular meeting yet, held or planned"
            ),
            days_left_text(days_left)
        ),
        (true, _) => format!(
            "{month} {} {have}/{need} {}; {}.",
            tr("mới có", "has"),
            tr(
                "buổi sinh hoạt thường kỳ (đã họp hoặc dự kiến)",
                "regular meetings, held or planned"
            ),
            days_left_text(days_left)
        ),
    }
}

/// `Next meeting: DATE TIME (when), KIND, PLACE: TITLE`, leaving out what is not known.
fn next_meeting_text(
    id: MeetingId,
    kind: Kind,
    time: Option<NaiveTime>,
    place: Option<&str>,
    title: Option<&str>,
    in_days: i64,
) -> String {
    let date = show_date(id.date, lang());
    let mut s = format!("{}: {date}", tr("Buổi sinh hoạt tới", "Next meeting"));
    if let Some(t) = time {
        s.push_str(&format!(" {}", show_time(t)));
    }
    s.push_str(&format!(
        " ({}), {}",
        when_text(in_days),
        kind.label(lang())
    ));
    if let Some(p) = place.filter(|p| !p.is_empty()) {
        s.push_str(&format!(", {p}"));
    }
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        s.push_str(&format!(": {t}"));
    }
    s
}

/// Text that starts a sentence: "Quý III năm 2020 …".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A quarter short of thematic meetings, and the day it ends.
fn thematic_owed_text(quarter: Period, have: u32, need: u32) -> String {
    let q = capitalise(&quarter.words(lang()));
    let body = if have == 0 {
        tr(
            "chưa có buổi sinh hoạt chuyên đề nào (đã họp hoặc dự kiến)",
            "has no thematic meeting yet, held or planned",
        )
        .to_owned()
    } else {
        format!(
            "{} {have}/{need} {}",
            tr("mới có", "has"),
            tr(
                "buổi sinh hoạt chuyên đề (đã họp hoặc dự kiến)",
                "thematic meetings, held or planned"
            )
        )
    };
    format!(
        "{q} {body}; {} {}.",
        tr("quý kết thúc ngày", "the quarter ends on"),
        show_date(quarter.end(), lang())
    )
}

/// A held meeting not rated yet, and how long ago it was held.
fn unrated_text(id: MeetingId, days_since: i64) -> String {
    let held = match days_since {
        0 => tr("họp hôm nay", "was held today").to_owned(),
        n => format!(
            "{} {} {}",
            tr("đã họp", "was held"),
            days_text(n),
            tr("trước", "ago")
        ),
    };
    format!(
        "{} {} {held} {}.",
        tr("Buổi sinh hoạt", "The meeting of"),
        show_date(id.date, lang()),
        tr("nhưng chưa xếp loại chất lượng", "and is not rated yet")
    )
}

/// A year has ended: report it and classify it.
/// A review still open: how many subjects wait at each stage.
fn reviews_open_text(period: Period, total: usize, missing: [usize; 3]) -> String {
    let waiting: usize = missing.iter().sum();
    let stages = [
        tr("chưa tự kiểm điểm", "without a self-assessment"),
        tr("chờ chi bộ đánh giá", "waiting for the cell's vote"),
        tr("chờ cấp ủy quyết định", "waiting for the decision"),
    ];
    let parts: Vec<String> = missing
        .iter()
        .zip(stages)
        .filter(|(n, _)| **n > 0)
        .map(|(n, s)| format!("{n} {s}"))
        .collect();
    format!(
        "{} {}: {waiting}/{total} {} ({})",
        tr("Đánh giá, xếp loại", "The review of"),
        crate::render::report::period_words(period),
        tr("chưa xong", "not done"),
        parts.join(", ")
    )
}

fn year_report_text(year: i32) -> String {
    format!(
        "{} {year} {}: {}.",
        tr("Năm", "The year"),
        tr("đã kết thúc", "has ended"),
        tr(
            "lập báo cáo năm và xếp loại cả năm",
            "report the year and its classification"
        )
    )
}

/// `Tháng 10 năm 2020` or `October 2020`.
fn month_name(year: i32, month: u32) -> String {
    Period::month(year, month).map_or_else(
        || format!("{month}/{year}"),
        |p| capitalise(&p.words(lang())),
    )
}

/// `3 ngày` or `3 days`.
fn days_text(n: i64) -> String {
    match (lang(), n) {
        (Lang::Vi, n) => format!("{n} ngày"),
        (Lang::En, 1) => "1 day".to_owned(),
        (Lang::En, n) => format!("{n} days"),
    }
}

/// `còn 3 ngày` or `3 days left`.
fn days_left_text(n: i64) -> String {
    match lang() {
        Lang::Vi => format!("còn {}", days_text(n)),
        Lang::En => format!("{} left", days_text(n)),
    }
}

/// `today`, `tomorrow`, `in 3 days`.
fn when_text(in_days: i64) -> String {
    match in_days {
        0 => tr("hôm nay", "today").to_owned(),
        1 => tr("ngày mai", "tomorrow").to_owned(),
        n => format!("{} {}", tr("sau", "in"), days_text(n)),
    }
}

/// A probationary member's twelve months end in `in_days` (or ended `-in_days` ago): the cell
/// considers full membership (Điều lệ Đảng, Điều 5; within 30 working days, Quy định
/// 29-QĐ/TW 2016, point 4).
fn probation_text(name: &str, ends: NaiveDate, in_days: i64) -> String {
    let date = show_date(ends, lang());
    match (lang(), in_days) {
        (Lang::Vi, d) if d >= 0 => format!(
            "{name}: 12 tháng dự bị kết thúc ngày {date} ({}); chi bộ chuẩn bị xét công nhận đảng viên chính thức (Điều lệ Đảng, Điều 5).",
            if d == 0 {
                "hôm nay".to_owned()
            } else {
                days_left_text(d)
            }
        ),
        (Lang::En, d) if d >= 0 => format!(
            "{name}: the 12 months of probation end on {date} ({}); the cell should prepare to consider full membership (Party Statute, art. 5).",
            if d == 0 {
                "today".to_owned()
            } else {
                days_left_text(d)
            }
        ),
        (Lang::Vi, d) => format!(
            "{name}: đã hết 12 tháng dự bị ngày {date} ({} trước); chi bộ phải xét công nhận đảng viên chính thức trong 30 ngày làm việc (Điều lệ Đảng, Điều 5; Quy định 29-QĐ/TW, điểm 4).",
            days_text(-d)
        ),
        (Lang::En, d) => format!(
            "{name}: the 12 months of probation ended on {date} ({} ago); the cell must consider full membership within 30 working days (Party Statute, art. 5; Quy định 29-QĐ/TW, point 4).",
            days_text(-d)
        ),
    }
}

/// A member's exemption ends on `ends`: from the next day they are counted again.
fn exemption_ends_text(name: &str, kind: ExemptionKind, ends: NaiveDate, in_days: i64) -> String {
    let date = show_date(ends, lang());
    let next = show_date(ends.succ_opt().unwrap_or(ends), lang());
    let label = kind.label(lang());
    let when = if in_days == 0 {
        tr("hôm nay", "today").to_owned()
    } else {
        days_left_text(in_days)
    };
    match lang() {
        Lang::Vi => format!(
            "{name}: {label} đến hết ngày {date} ({when}); từ ngày {next} đảng viên được tính vào số phải dự sinh hoạt."
        ),
        Lang::En => format!(
            "{name}: {label} until {date} ({when}); from {next} the member is counted among those expected at meetings."
        ),
    }
}

/// The kind of an exemption as it is written in `members.toml`.
fn exemption_key(kind: ExemptionKind) -> &'static str {
    match kind {
        ExemptionKind::Exempt => "exempt",
        ExemptionKind::Away => "away",
        ExemptionKind::TransferredOut => "transferred-out",
    }
}
