//! `cellbook review`: the members' yearly (and quarterly) review and classification, the second
//! book of the ledger. Open a period, record each member's self-assessment, the cell's
//! assessment and vote, the committee's decision; list, report and print the forms.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::args::{line, parse_date, parse_vote, text_block};
use crate::context::Context;
use crate::core::lang::Lang;
use crate::core::lookup;
use crate::core::names::fold;
use crate::core::period::Period;
use crate::core::review::builtin::DEFAULT_SCHEME;
use crate::core::review::check::{self as rules, Found};
use crate::core::review::model::{CellStage, Decision, Stage};
use crate::core::review::roll::{self, Due};
use crate::core::review::summary::{self, CellSummary};
use crate::core::review::{ReviewFile, ReviewLevel, ReviewProblem, Scheme};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::Ledger;
use crate::ledger::reviews::{self, ReviewDoc};
use crate::output::{Output, emit, guard_out};
use crate::render::review::{self as view, FormFormat, ReportFormat};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Open a period's review: one file per member to review, and one for the cell
    #[command(
        after_help = "Examples:\n  cellbook review open 2020\n  cellbook review open 2026-Q3 --scheme qd366-2025"
    )]
    Open(OpenArgs),
    /// Record a member's self-assessment (or the cell's own, with MEMBER `cell`)
    #[command(
        name = "self",
        after_help = "Examples:\n  cellbook review self lan 2020 --score general=27 --score tasks=65 \\\n    --tasks-done 100 --tasks-on-time 100 --tasks-exceeded 35 --proposed excellent\n  cellbook review self hung --points 75 --tasks-done 100 --tasks-on-time 100 --proposed \"hoàn thành tốt\"\n  cellbook review self lan --edit"
    )]
    SelfAssessment(SelfArgs),
    /// Record the level the cell assessed and voted for a member
    #[command(
        after_help = "Example:\n  cellbook review cell lan 2020 --level good --vote 8/0/0 --on 2020-12-15"
    )]
    Cell(CellArgs),
    /// Record the competent committee's decision on a member's level
    #[command(
        after_help = "Example:\n  cellbook review decide lan 2020 --level good --on 2021-01-10 --by \"Đảng ủy KBNN Ninh Thuận\""
    )]
    Decide(DecideArgs),
    /// Who has done what in a period's review, and what is missing
    #[command(after_help = "Examples:\n  cellbook review list\n  cellbook review list 2020")]
    List(ListArgs),
    /// Report a period's reviews: one cell, or many cells rolled up
    #[command(
        after_help = "Examples:\n  cellbook review report 2020\n  cellbook review report 2020 --format json\n  cellbook review report 2020 --format html --out xep-loai-2020.html chi-bo-1 chi-bo-2"
    )]
    Report(ReportArgs),
    /// Print a member's self-assessment form (bản kiểm điểm)
    #[command(
        after_help = "Examples:\n  cellbook review form lan 2020\n  cellbook review form lan 2020 --format html --out kiem-diem-lan.html\n  cellbook review form lan 2020 --format docx --out kiem-diem-lan.docx"
    )]
    Form(FormArgs),
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The period: a year (2020) or a quarter (2020-Q3)
    pub period: String,
    /// The review scheme (default: qd366-2025)
    #[arg(long)]
    pub scheme: Option<String>,
}

#[derive(Debug, Args)]
pub struct SelfArgs {
    /// Member id or name, or `cell` for the cell as a collective
    #[arg(index = 1)]
    pub member: String,
    /// The period (default: the latest one opened)
    #[arg(index = 2)]
    pub period: Option<String>,
    /// Points of one criterion group, e.g. tasks=65 (repeatable)
    #[arg(long = "score", value_name = "GROUP=POINTS")]
    pub scores: Vec<String>,
    /// The total points, when the groups are not given one by one
    #[arg(long)]
    pub points: Option<u32>,
    /// Share of the assigned tasks done, in percent
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub tasks_done: Option<u32>,
    /// Share of the tasks done on time and with quality, in percent
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub tasks_on_time: Option<u32>,
    /// Share of the tasks done beyond what was asked, in percent
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub tasks_exceeded: Option<u32>,
    /// Disciplined in the period (for the cell: a member of it was)
    #[arg(long, conflicts_with = "not_disciplined")]
    pub disciplined: bool,
    /// Not disciplined in the period (undoes --disciplined)
    #[arg(long)]
    pub not_disciplined: bool,
    /// Strengths (ưu điểm)
    #[arg(long, value_name = "TEXT", value_parser = text_block)]
    pub strengths: Option<String>,
    /// Shortcomings (hạn chế, khuyết điểm)
    #[arg(long, value_name = "TEXT", value_parser = text_block)]
    pub shortcomings: Option<String>,
    /// Their causes (nguyên nhân)
    #[arg(long, value_name = "TEXT", value_parser = text_block)]
    pub causes: Option<String>,
    /// Remedies (biện pháp khắc phục)
    #[arg(long, value_name = "TEXT", value_parser = text_block)]
    pub remedies: Option<String>,
    /// The level the member proposes: excellent, good, complete, incomplete (or the Vietnamese names)
    #[arg(long, value_name = "LEVEL")]
    pub proposed: Option<String>,
    /// Open the review file in $VISUAL/$EDITOR (after the flags above); checked before it is saved
    #[arg(long)]
    pub edit: bool,
}

#[derive(Debug, Args)]
pub struct CellArgs {
    /// Member id or name, or `cell` for the cell as a collective
    #[arg(index = 1)]
    pub member: String,
    /// The period (default: the latest one opened)
    #[arg(index = 2)]
    pub period: Option<String>,
    /// The level the cell voted: excellent, good, complete, incomplete (or the Vietnamese names)
    #[arg(long, value_name = "LEVEL")]
    pub level: String,
    /// The vote, counted as for a meeting's resolution
    #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
    pub vote: Option<String>,
    /// The day of the cell's meeting (default: today)
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    #[arg(long, value_parser = line)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// Member id or name, or `cell` for the cell as a collective
    #[arg(index = 1)]
    pub member: String,
    /// The period (default: the latest one opened)
    #[arg(index = 2)]
    pub period: Option<String>,
    /// The level decided: excellent, good, complete, incomplete (or the Vietnamese names)
    #[arg(long, value_name = "LEVEL")]
    pub level: String,
    /// The day of the decision
    #[arg(long, value_parser = parse_date)]
    pub on: NaiveDate,
    /// The committee that decided
    #[arg(long = "by", value_name = "TEXT", value_parser = line)]
    pub committee: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The period (default: the latest one opened)
    pub period: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period (default: the latest one opened)
    pub period: Option<String>,
    /// Ledger folders to roll up (default: the current ledger)
    #[arg(value_name = "LEDGER")]
    pub ledgers: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FormArgs {
    /// Member id or name, or `cell` for the cell as a collective
    #[arg(index = 1)]
    pub member: String,
    /// The period (default: the latest one opened)
    #[arg(index = 2)]
    pub period: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: FormFormat,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, cmd: ReviewCommand) -> Result<Output> {
    // Levels and periods are parsed before the ledger is opened: speak its language already.
    ctx.speak_command_line();
    match cmd {
        ReviewCommand::Open(args) => open(ctx, &args),
        ReviewCommand::SelfAssessment(args) => self_assessment(ctx, &args),
        ReviewCommand::Cell(args) => cell(ctx, &args),
        ReviewCommand::Decide(args) => decide(ctx, &args),
        ReviewCommand::List(args) => list(ctx, &args),
        ReviewCommand::Report(args) => report(ctx, &args),
        ReviewCommand::Form(args) => form(ctx, &args),
    }
}

/// A level as typed, or a usage error that lists the accepted names.
fn parse_level(flag: &str, s: &str) -> Result<ReviewLevel> {
    s.parse::<ReviewLevel>().map_err(|e| {
        let l = lang();
        let names: Vec<&str> = ReviewLevel::ALL.iter().map(|v| v.label(l)).collect();
        Error::Usage(match l {
            Lang::Vi => format!(
                "{flag}: không có mức `{}`; các mức: {} (có dấu hay không dấu, hoặc viết tắt xuất sắc, tốt, hoàn thành, không hoàn thành)",
                e.input,
                names.join(", ")
            ),
            Lang::En => format!(
                "{flag}: unknown level `{}`; the levels: excellent, good, complete, incomplete (or their Vietnamese names: {})",
                e.input,
                ReviewLevel::ALL.map(ReviewLevel::label_vi).join(", ")
            ),
        })
    })
}

/// A refusal in the words of a review problem.
fn refuse(p: &ReviewProblem) -> Error {
    let l = lang();
    match p.hint(l) {
        Some(hint) => Error::refused_with(format!("[{}] {}", p.code(), p.message(l)), hint),
        None => Error::refused(format!("[{}] {}", p.code(), p.message(l))),
    }
}

/// The period named, else the latest one opened.
fn period_of(ledger: &Ledger, given: Option<&str>) -> Result<(Period, String)> {
    if let Some(text) = given {
        return reviews::read_period(text);
    }
    reviews::periods(&ledger.root)?.pop().ok_or_else(|| {
        Error::refused_with(
            tr("chưa mở đợt đánh giá nào", "no review is open"),
            tr(
                "mở một đợt bằng `cellbook review open 2020`",
                "open one with `cellbook review open 2020`",
            ),
        )
    })
}

/// The subject a person names: a member (`Some(id)`), or the cell itself (`None`) for `cell`,
/// `chi bộ`, `tập thể` — unless a member has that very id.
fn subject(ledger: &Ledger, text: &str, period: Period) -> Result<Option<String>> {
    if let Some(m) = ledger.roster.get(text.trim()) {
        return Ok(Some(m.id.clone()));
    }
    let f = fold(&text.replace(['-', '_'], " "));
    if matches!(f.trim(), "cell" | "chi bo" | "tap the" | "collective") {
        return Ok(None);
    }
    Ok(Some(
        lookup::member(&ledger.roster, text, Some(period.end()))?
            .id
            .clone(),
    ))
}

/// The words for a subject: the member's name, or the cell's.
fn subject_name(ledger: &Ledger, who: Option<&str>) -> String {
    match who {
        Some(id) => summary::name_of(&ledger.roster, id),
        None => ledger.config.cell.name.clone(),
    }
}

/// The review file of a subject in a period, which `review open` must have created.
fn existing(ledger: &Ledger, key: &str, who: Option<&str>) -> Result<ReviewDoc> {
    let path = reviews::file_path(&ledger.root, key, who);
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(Error::refused_with(
            format!(
                "{} {} {key}",
                subject_name(ledger, who),
                tr("không có trong đợt đánh giá", "has no review in"),
            ),
            format!(
                "{} `cellbook review open {key}`",
                tr("mở đợt đánh giá trước:", "open the review first:")
            ),
        ));
    }
    reviews::load(&ledger.root, &path)
}

/// The scheme of a period: the one its files already use (a period is judged by one scheme;
/// naming another is refused), else the one named, else the built-in default.
fn open_scheme(ledger: &Ledger, key: &str, asked: Option<&str>) -> Result<String> {
    let docs = reviews::load_period(&ledger.root, key)?;
    let Some(used) = docs.first().map(|d| d.file.scheme.clone()) else {
        return Ok(asked.unwrap_or(DEFAULT_SCHEME).to_owned());
    };
    match asked {
        Some(a) if a != used => Err(Error::refused_with(
            format!(
                "{key}: {} '{used}'",
                tr(
                    "các tệp đánh giá của kỳ này dùng bộ quy tắc",
                    "the review files of this period use the scheme"
                )
            ),
            format!("cellbook review open {key} --scheme {used}"),
        )),
        _ => Ok(used),
    }
}

/// `review open`: create the files of everyone to review, keeping those already there.
fn open(ctx: &Context, args: &OpenArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let (period, key) = reviews::read_period(&args.period)?;
    let scheme_id = open_scheme(&ledger, &key, args.scheme.as_deref())?;
    let scheme_id = scheme_id.as_str();
    let scheme = reviews::load_scheme(&ledger.root, scheme_id)?;
    let due = roll::due(&ledger.roster, period.start(), period.end(), &scheme.limits);
    let mut created = Vec::new();
    let mut kept = 0;
    let mut skipped = Vec::new();
    let mut subjects: Vec<(Option<&str>, bool)> = vec![(None, false)];
    for d in &due {
        match d {
            Due::Review {
                member,
                unclassified,
            } => subjects.push((Some(member.id.as_str()), *unclassified)),
            Due::Skipped { member, why } => {
                skipped.push(format!("{} ({})", member.name, why.label(lang())));
            }
        }
    }
    for (who, unclassified) in subjects {
        let path = reviews::file_path(&ledger.root, &key, who);
        if std::fs::symlink_metadata(&path).is_ok() {
            kept += 1;
            continue;
        }
        let mut file = ReviewFile::new(&key, who, &scheme.id);
        file.unclassified = unclassified;
        reviews::save(&path, &file, None)?;
        created.push(subject_name(&ledger, who));
    }
    Ok(Output::text(crate::render::shown(view::opened(
        &key, &scheme, &created, kept, &skipped,
    ))))
}

/// Apply the self-assessment's flags to the file.
fn apply_self(file: &mut ReviewFile, args: &SelfArgs) -> Result<()> {
    let mut s = file.self_review.take().unwrap_or_default();
    for pair in &args.scores {
        let (group, points) = crate::args::split_pair(pair, "--score", "GROUP=POINTS")?;
        let points: u32 = points.trim().parse().map_err(|_| {
            Error::Usage(format!(
                "--score {pair}: {}",
                tr("điểm phải là số nguyên", "points must be a whole number")
            ))
        })?;
        s.scores.insert(group.trim().to_owned(), points);
    }
    if !args.scores.is_empty() && args.points.is_none() {
        // The groups given one by one make the total.
        s.points = None;
    }
    s.points = args.points.or(s.points);
    s.tasks_done = args.tasks_done.or(s.tasks_done);
    s.tasks_on_time = args.tasks_on_time.or(s.tasks_on_time);
    s.tasks_exceeded = args.tasks_exceeded.or(s.tasks_exceeded);
    if args.disciplined {
        s.disciplined = Some(true);
    } else if args.not_disciplined {
        s.disciplined = Some(false);
    }
    let texts = [
        (&args.strengths, &mut s.strengths),
        (&args.shortcomings, &mut s.shortcomings),
        (&args.causes, &mut s.causes),
        (&args.remedies, &mut s.remedies),
    ];
    for (given, field) in texts {
        if let Some(t) = given {
            *field = Some(crate::core::names::nfc(t));
        }
    }
    if let Some(p) = &args.proposed {
        s.proposed = Some(parse_level("--proposed", p)?);
    }
    file.self_review = Some(s);
    Ok(())
}

/// The rules a file must keep before it is saved: the points, and each stage's level.
fn refuse_broken(file: &ReviewFile, scheme: &Scheme, ledger: &Ledger, key: &str) -> Result<()> {
    let stem = file.member.clone().unwrap_or_else(|| "_cell".to_owned());
    let found: Vec<Found> = rules::file(file, scheme, &ledger.roster, key, &stem);
    match found.first() {
        Some(f) => Err(refuse(&f.problem)),
        None => Ok(()),
    }
}

/// `review self`.
fn self_assessment(ctx: &Context, args: &SelfArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let (period, key) = period_of(&ledger, args.period.as_deref())?;
    let who = subject(&ledger, &args.member, period)?;
    let doc = existing(&ledger, &key, who.as_deref())?;
    let scheme = reviews::load_scheme(&ledger.root, &doc.file.scheme)?;
    let mut file = doc.file.clone();
    apply_self(&mut file, args)?;
    refuse_broken(&file, &scheme, &ledger, &key)?;
    let mut text = crate::ledger::merge::render(Some(&doc.source.text), &file)?;
    if args.edit {
        text = edit_text(&text, &scheme, &ledger, &key, &doc.path)?;
        file = toml::from_str(&text).map_err(|e| Error::refused(e.to_string()))?;
    }
    crate::ledger::storage::write_atomic(&doc.path, text.as_bytes())?;
    let allowed = rules::allowed(&file, &scheme).ok().flatten();
    Ok(Output::text(crate::render::shown(view::self_saved(
        &subject_name(&ledger, who.as_deref()),
        &key,
        &file,
        allowed.as_ref(),
    ))))
}

/// Open `text` in the person's editor; the edited text is checked like a saved file. A text
/// that breaks a rule is refused, and kept in a file named in the error.
fn edit_text(
    text: &str,
    scheme: &Scheme,
    ledger: &Ledger,
    key: &str,
    path: &Path,
) -> Result<String> {
    let tmp = tempfile::Builder::new()
        .prefix("cellbook-review-")
        .suffix(".toml")
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    std::fs::write(tmp.path(), text).map_err(|e| Error::io(tmp.path(), e))?;
    crate::editor::edit(tmp.path())?;
    let edited = crate::ledger::storage::read_regular_to_string(tmp.path())
        .map_err(|e| Error::io(tmp.path(), e))?;
    let problem = match toml::from_str::<ReviewFile>(&edited) {
        Err(e) => Some(e.message().trim().to_owned()),
        Ok(file) => {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            rules::file(&file, scheme, &ledger.roster, key, &stem)
                .first()
                .map(|f| format!("[{}] {}", f.problem.code(), f.problem.message(lang())))
        }
    };
    match problem {
        None => Ok(edited),
        Some(why) => {
            let (_, kept) = tmp
                .keep()
                .map_err(|e| Error::io(std::env::temp_dir(), e.error))?;
            Err(Error::refused_with(
                format!("{why}; {}", tr("không lưu gì", "nothing was saved")),
                format!(
                    "{} {}",
                    tr("bản đã sửa được giữ ở", "your text is kept in"),
                    kept.display()
                ),
            ))
        }
    }
}

/// `review cell`: the cell's level and vote, held to the rules and to the voting base.
fn cell(ctx: &Context, args: &CellArgs) -> Result<Output> {
    let level = parse_level("--level", &args.level)?;
    let vote = args.vote.as_deref().map(parse_vote).transpose()?;
    let (_lock, ledger) = ctx.open_for_write()?;
    let (period, key) = period_of(&ledger, args.period.as_deref())?;
    let who = subject(&ledger, &args.member, period)?;
    let doc = existing(&ledger, &key, who.as_deref())?;
    let scheme = reviews::load_scheme(&ledger.root, &doc.file.scheme)?;
    require_stage(&ledger, &doc.file, who.as_deref(), Stage::SelfAssessment)?;
    let on = args.on.unwrap_or(ctx.today);
    refuse_before(on, period.start(), "--on")?;
    if let Some(v) = &vote {
        let base = reviews::vote_base(&ledger, on)?;
        if let Some(p) = rules::vote(v, base) {
            return Err(refuse(&p));
        }
    }
    let mut file = doc.file.clone();
    file.cell = Some(CellStage {
        level,
        vote,
        on: Some(on),
        note: args.note.clone(),
    });
    refuse_broken(&file, &scheme, &ledger, &key)?;
    reviews::save(&doc.path, &file, Some(&doc.source.text))?;
    finish(&ledger, &key, &scheme, who.as_deref(), Stage::Cell, level)
}

/// `review decide`: the committee's decision, held to the rules.
fn decide(ctx: &Context, args: &DecideArgs) -> Result<Output> {
    let level = parse_level("--level", &args.level)?;
    let (_lock, ledger) = ctx.open_for_write()?;
    let (period, key) = period_of(&ledger, args.period.as_deref())?;
    let who = subject(&ledger, &args.member, period)?;
    let doc = existing(&ledger, &key, who.as_deref())?;
    let scheme = reviews::load_scheme(&ledger.root, &doc.file.scheme)?;
    require_stage(&ledger, &doc.file, who.as_deref(), Stage::Cell)?;
    let voted = doc.file.cell.as_ref().and_then(|c| c.on);
    refuse_before(args.on, voted.unwrap_or(period.start()), "--on")?;
    let mut file = doc.file.clone();
    file.decided = Some(Decision {
        level,
        on: args.on,
        by: args.committee.clone(),
    });
    refuse_broken(&file, &scheme, &ledger, &key)?;
    reviews::save(&doc.path, &file, Some(&doc.source.text))?;
    finish(
        &ledger,
        &key,
        &scheme,
        who.as_deref(),
        Stage::Decision,
        level,
    )
}

/// Refuse a date before `earliest`: the cell votes once the period has begun, the committee
/// decides after the cell has voted.
fn refuse_before(date: NaiveDate, earliest: NaiveDate, flag: &str) -> Result<()> {
    if date >= earliest {
        return Ok(());
    }
    let show = |d| crate::core::dates::show_date(d, lang());
    Err(Error::refused(format!(
        "{flag} {}: {} {}",
        show(date),
        tr("sớm hơn", "is before"),
        show(earliest)
    )))
}

/// Refuse a stage before the one it follows: the cell assesses a self-assessment with its
/// points, the committee decides on the cell's level.
fn require_stage(
    ledger: &Ledger,
    file: &ReviewFile,
    who: Option<&str>,
    needed: Stage,
) -> Result<()> {
    let missing = match needed {
        Stage::SelfAssessment => file.self_review.as_ref().and_then(|s| s.total()).is_none(),
        Stage::Cell => file.cell.is_none(),
        Stage::Decision => file.decided.is_none(),
    };
    if !missing {
        return Ok(());
    }
    let name = subject_name(ledger, who);
    let next = match needed {
        Stage::SelfAssessment => format!(
            "cellbook review self {} --points …",
            file.member.as_deref().unwrap_or("cell")
        ),
        _ => format!(
            "cellbook review cell {} --level …",
            file.member.as_deref().unwrap_or("cell")
        ),
    };
    Err(Error::refused_with(
        format!(
            "{name}: {} {}",
            tr("chưa có bước", "the review lacks"),
            needed.label(lang())
        ),
        next,
    ))
}

/// The line after a level is recorded, and a warning when the period's excellent ratings
/// are now over the limit.
fn finish(
    ledger: &Ledger,
    key: &str,
    scheme: &Scheme,
    who: Option<&str>,
    stage: Stage,
    level: ReviewLevel,
) -> Result<Output> {
    let docs = reviews::load_period(&ledger.root, key)?;
    let files: Vec<&ReviewFile> = docs.iter().map(|d| &d.file).collect();
    // Warned when an excellent rating is recorded: the moment the limit can be broken.
    let over = rules::limit(&files, scheme).filter(|_| level == ReviewLevel::Excellent);
    let mut out = Output::text(crate::render::shown(format!(
        "{} {key}: {} — {}\n",
        subject_name(ledger, who),
        stage.label(lang()),
        level.label(lang())
    )));
    if let Some(p) = over {
        out.stderr = format!(
            "{}[{}]: {}\n  = {}: {}\n",
            tr("cảnh báo", "warning"),
            p.code(),
            p.message(lang()),
            tr("gợi ý", "hint"),
            p.hint(lang()).unwrap_or_default()
        );
    }
    Ok(out)
}

/// One ledger's summary of a period.
fn summarize(ledger: &Ledger, period: Period, key: &str) -> Result<CellSummary> {
    let docs = reviews::load_period(&ledger.root, key)?;
    let scheme_id = docs
        .iter()
        .find(|d| d.file.collective)
        .or(docs.first())
        .map_or(DEFAULT_SCHEME, |d| d.file.scheme.as_str())
        .to_owned();
    let scheme = reviews::load_scheme(&ledger.root, &scheme_id)?;
    let mut members = Vec::new();
    let mut collective = None;
    for d in &docs {
        let file_scheme = if d.file.scheme == scheme.id {
            scheme.clone()
        } else {
            reviews::load_scheme(&ledger.root, &d.file.scheme)?
        };
        let allowed = rules::allowed(&d.file, &file_scheme)
            .ok()
            .flatten()
            .map(|a| a.level);
        let name = subject_name(ledger, d.file.member.as_deref());
        let row = summary::row(&d.file, name, allowed);
        if d.file.collective {
            collective = Some(row);
        } else {
            members.push(row);
        }
    }
    let missing = roll::due(&ledger.roster, period.start(), period.end(), &scheme.limits)
        .into_iter()
        .filter_map(|d| match d {
            Due::Review { member, .. }
                if !members.iter().any(|r| r.id.as_deref() == Some(&member.id)) =>
            {
                Some((member.id.clone(), member.name.clone()))
            }
            _ => None,
        })
        .collect();
    let totals = summary::totals(&members);
    Ok(CellSummary {
        cell: ledger.config.cell.name.clone(),
        parent: ledger.config.cell.parent.clone(),
        period,
        scheme: scheme.id,
        members,
        collective,
        missing,
        totals,
    })
}

/// `review list`.
fn list(ctx: &Context, args: &ListArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let (period, key) = period_of(&ledger, args.period.as_deref())?;
    let s = summarize(&ledger, period, &key)?;
    let scheme = reviews::load_scheme(&ledger.root, &s.scheme)?;
    Ok(Output::text(crate::render::shown(view::list(&s, &scheme))))
}

/// `review report`: one ledger, or many rolled up.
fn report(ctx: &Context, args: &ReportArgs) -> Result<Output> {
    let mut ledgers = args.ledgers.clone();
    let mut period_text = args.period.clone();
    // `review report chi-bo-1 chi-bo-2`: the first word is a folder, not a period.
    if let Some(p) = &period_text
        && crate::core::period::Period::read(p).is_err()
        && Path::new(p).is_dir()
    {
        ledgers.insert(0, PathBuf::from(p));
        period_text = None;
    }
    let opened: Vec<Ledger> = if ledgers.is_empty() {
        vec![ctx.open()?]
    } else {
        let roots: Vec<PathBuf> = ledgers.iter().map(|l| ctx.cwd.join(l)).collect();
        if let Some(out) = &args.out {
            let refs: Vec<&Path> = roots.iter().map(PathBuf::as_path).collect();
            guard_out(out, &ctx.cwd, &refs)?;
        }
        let mut v = Vec::new();
        for (shown, root) in ledgers.iter().zip(&roots) {
            if !root.join(crate::ledger::CONFIG_FILE).is_file() {
                return Err(Error::NotALedgerFolder {
                    path: shown.clone(),
                });
            }
            v.push(Ledger::open(root)?);
        }
        if let Some(first) = v.first() {
            ctx.speak(Some(first.config.cell.language));
        }
        v
    };
    if ledgers.is_empty()
        && let (Some(out), Some(l)) = (&args.out, opened.first())
    {
        guard_out(out, &ctx.cwd, &[l.root.as_path()])?;
    }
    let (period, key) = match (&period_text, opened.first()) {
        (Some(t), _) => reviews::read_period(t)?,
        (None, Some(l)) => period_of(l, None)?,
        (None, None) => return Err(Error::refused("no ledger")),
    };
    let cells = opened
        .iter()
        .map(|l| summarize(l, period, &key))
        .collect::<Result<Vec<_>>>()?;
    let text = view::report(&cells, period, args.format);
    emit(args.out.as_deref(), crate::render::shown(text))
}

/// `review form`: the printable self-assessment.
fn form(ctx: &Context, args: &FormArgs) -> Result<Output> {
    if args.format == FormFormat::Docx {
        crate::output::refuse_binary_on_terminal("docx", args.out.as_deref())?;
    }
    let ledger = ctx.open()?;
    if let Some(out) = &args.out {
        guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
    }
    let (period, key) = period_of(&ledger, args.period.as_deref())?;
    let who = subject(&ledger, &args.member, period)?;
    let doc = existing(&ledger, &key, who.as_deref())?;
    let scheme = reviews::load_scheme(&ledger.root, &doc.file.scheme)?;
    let allowed = rules::allowed(&doc.file, &scheme).ok().flatten();
    let member = who.as_deref().and_then(|id| ledger.roster.get(id));
    let secretary = crate::core::attendance::roll(&ledger.roster, period.end().min(ctx.today))
        .find(|m| m.role == crate::core::model::Role::Secretary);
    let form = view::Form {
        config: &ledger.config,
        member,
        secretary,
        period,
        file: &doc.file,
        scheme: &scheme,
        allowed: allowed.as_ref(),
        today: ctx.today,
    };
    let text = match args.format {
        FormFormat::Md => view::form_md(&form),
        FormFormat::Html => view::form_html(&form),
        FormFormat::Docx => {
            let bytes = view::form_docx(&form).map_err(|e| Error::refused(e.to_string()))?;
            return match args.out.as_deref() {
                Some(path) => crate::output::emit_bytes(path, &bytes),
                None => Ok(Output {
                    stream: Some(crate::output::Stream(Box::new(move |w| {
                        w.write_all(&bytes)
                    }))),
                    ..Output::default()
                }),
            };
        }
    };
    emit(args.out.as_deref(), crate::render::shown(text))
}
