//! `cellbook rate`: score a held meeting against a rubric and record the result.

use crate::args::parse_date;
use chrono::NaiveDate;
use clap::Args;
use std::collections::BTreeMap;

use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use crate::context::Context;
use crate::core::lookup::{self, MeetingRef};
use crate::core::model::{Meeting, Rating, Role};
use crate::core::names::nfc;
use crate::core::rubric::{Loss, Measures, PointsSource, Rubric, Sheet, losses, score};
use crate::core::rules;
use crate::error::{Error, MeetingHint, RecordNeededFor, Result};
use crate::i18n::{Lang, lang, tr};
use crate::ledger::meetings::{find_meeting, save_meeting};
use crate::ledger::storage::{LedgerLock, read_bytes_on_disk};
use crate::ledger::{Ledger, MeetingFile};
use crate::output::Output;
use crate::rating::{history_years, measures_at};
use crate::render::table;

#[derive(Debug, Clone, Args)]
pub struct RateArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    /// A rater (repeatable; default: the earlier raters, else the secretary and deputy)
    #[arg(long = "by", value_name = "ID")]
    pub by: Vec<String>,
    /// Points for a scored criterion: CRITERION=POINTS (repeatable)
    #[arg(long = "score", value_name = "CRITERION=POINTS")]
    pub scores: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// Date of the rating (default: today)
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// The rubric (default: the meeting's earlier rating's, else the ledger's)
    #[arg(long)]
    pub rubric: Option<String>,
    /// Print the score sheet as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &RateArgs) -> Result<Output> {
    if !crate::prompt::interactive() {
        // Nobody is asked anything: read, score and write under the lock, as any writer.
        let (_lock, ledger) = ctx.open_for_write()?;
        let rated = score_meeting(ctx, &ledger, args)?;
        return save(&ledger, args, rated);
    }
    // A person may be asked for scores: nothing is locked while they think. The lock is taken
    // to write, and the meeting must still be the bytes that were scored.
    let ledger = ctx.open()?;
    let rated = score_meeting(ctx, &ledger, args)?;
    let _lock = LedgerLock::acquire(&ledger.root)?;
    let path = &rated.file.source.path;
    let now = read_bytes_on_disk(path).map_err(|e| Error::io(path, e))?;
    if now != rated.on_disk {
        return Err(Error::ChangedMeanwhile {
            path: path.clone(),
            again: again_command(args, &rated),
        });
    }
    save(&ledger, args, rated)
}

/// A meeting scored, ready to be written.
struct Rated {
    /// The meeting as read, and the bytes of its file on disk before it was read.
    file: MeetingFile,
    on_disk: Option<Vec<u8>>,
    rubric_name: String,
    sheet: Sheet,
    /// Why each criterion short of its maximum lost its points, in words.
    losses: Vec<Loss>,
    rating: Rating,
}

/// Score the meeting `args` names (asking a person for missing scores on a terminal).
fn score_meeting(ctx: &Context, ledger: &Ledger, args: &RateArgs) -> Result<Rated> {
    let (meetings, i, on_disk) = meeting_and_history(ledger, args, ctx.today)?;
    let m = &meetings[i].meeting;
    let rubric_id = rubric_id(ledger, args, m)?;
    let (_, rubric) = crate::ledger::rubrics::load(&ledger.root, &rubric_id)?;
    // Earlier scores carry over when the same rubric rates again; new ones override.
    let mut scores: BTreeMap<String, u32> = match &m.rating {
        Some(old) if old.rubric == rubric_id => old.scores.clone(),
        _ => BTreeMap::new(),
    };
    add_given_scores(args, &mut scores)?;
    let measures = measures_at(ledger, &meetings, i);
    complete_scores(args, &rubric, &measures, &mut scores)?;
    let sheet = score(&rubric, &measures, &scores).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(lang())).collect();
        let cannot = tr("không thể xếp loại", "cannot rate the meeting");
        let hint = tr(
            "chấm các tiêu chí còn thiếu bằng --score TIÊU-CHÍ=ĐIỂM (xem `cellbook rubric show`)",
            "score what is missing with --score CRITERION=POINTS (see `cellbook rubric show`)",
        );
        Error::refused_with(format!("{cannot}:\n  {}", lines.join("\n  ")), hint)
    })?;
    let by = raters(ledger, args, m)?;
    let on = args.on.unwrap_or(ctx.today);
    if on < m.date {
        return Err(Error::refused(tr(
            "không thể xếp loại trước ngày sinh hoạt",
            "a meeting cannot be rated before it is held",
        )));
    }
    let rating = Rating {
        rubric: rubric_id,
        by,
        on: Some(on),
        scores: sheet
            .criteria
            .iter()
            .filter(|l| l.source == PointsSource::Scored)
            .map(|l| (l.id.clone(), l.points))
            .collect(),
        note: args
            .note
            .as_deref()
            .map(nfc)
            .or_else(|| m.rating.as_ref().and_then(|r| r.note.clone())),
        total: sheet.total,
        level: sheet.level,
    };
    Ok(Rated {
        file: meetings[i].clone(),
        on_disk,
        rubric_name: rubric.name().to_owned(),
        losses: losses(&rubric, &measures, &sheet, lang()),
        sheet,
        rating,
    })
}

/// Write the rating into the meeting's file and show the score sheet.
fn save(ledger: &Ledger, args: &RateArgs, rated: Rated) -> Result<Output> {
    let id = rated.file.id;
    let original = rated.file.source.text.clone();
    let mut updated = rated.file;
    updated.meeting.rating = Some(rated.rating);
    save_meeting(ledger, &updated, Some(&original))?;
    if args.json {
        return Ok(Output::text(sheet_json(&id.to_string(), &rated.sheet)?));
    }
    let sheet = render_sheet(
        &id.to_string(),
        &rated.rubric_name,
        &rated.sheet,
        &rated.losses,
    );
    Ok(Output::text(crate::render::shown(sheet)))
}

/// The command that rates the meeting again with the scores a person gave, so that nothing
/// they answered has to be found again.
fn again_command(args: &RateArgs, rated: &Rated) -> String {
    let word = crate::prompt::shell_word;
    let mut line = format!(
        "cellbook rate {} --rubric {}",
        rated.file.id,
        word(&rated.rating.rubric)
    );
    for (criterion, points) in &rated.rating.scores {
        line.push_str(&format!(
            " --score {}",
            word(&format!("{criterion}={points}"))
        ));
    }
    for by in &args.by {
        line.push_str(&format!(" --by {}", crate::prompt::shell_word(by)));
    }
    line
}

/// The meeting to rate and, before it, the history its measures need, sorted by id; the
/// meeting is the last one. Refused when the meeting is not recorded yet.
fn meeting_and_history(
    ledger: &Ledger,
    args: &RateArgs,
    today: NaiveDate,
) -> Result<(Vec<MeetingFile>, usize, Option<Vec<u8>>)> {
    let r = MeetingRef::parse(&args.meeting)?;
    let Some(entry) = find_meeting(ledger, r, today)? else {
        return Err(Error::UnknownMeeting {
            reference: args.meeting.clone(),
            next_step: MeetingHint::List,
        });
    };
    // Its bytes on disk before it is read: a change after this one is seen at save time.
    let on_disk = crate::editor::session::on_disk(ledger, &entry)?;
    // The meeting and the history its measures need, sorted by id.
    let mut meetings = ledger.load_meetings(Some(history_years(entry.id.date)))?;
    meetings.retain(|f| f.id <= entry.id);
    let i = meetings
        .len()
        .checked_sub(1)
        .filter(|&i| meetings[i].id == entry.id)
        .ok_or_else(|| {
            Error::refused(tr(
                "buổi sinh hoạt vừa bị xóa hoặc đổi tên trong lúc đọc; hãy thử lại",
                "the meeting vanished while it was being read; try again",
            ))
        })?;
    let file = &meetings[i];
    if file.meeting.record.is_none() {
        return Err(Error::NotRecorded {
            id: file.id,
            needed_for: RecordNeededFor::Rating,
        });
    }
    Ok((meetings, i, on_disk))
}

/// The rubric: `--rubric`, else the one the meeting was rated with, else the ledger's for the
/// meeting's kind. A kind the ledger does not rate is refused unless `--rubric` names one.
fn rubric_id(ledger: &Ledger, args: &RateArgs, m: &Meeting) -> Result<String> {
    let chosen = args
        .rubric
        .clone()
        .or_else(|| m.rating.as_ref().map(|r| r.rubric.clone()));
    if chosen.is_none() && !ledger.config.rating.rates(m.kind) {
        return Err(Error::refused_with(
            tr(
                "sổ này không xếp loại buổi sinh hoạt chuyên đề ([rating] thematic = \"none\")",
                "this ledger does not rate thematic meetings ([rating] thematic = \"none\")",
            ),
            tr(
                "để xếp loại riêng buổi này, dùng --rubric ID",
                "to rate this one all the same, pass --rubric ID",
            ),
        ));
    }
    chosen
        .or_else(|| ledger.config.rating.rubric_for(m.kind).map(str::to_owned))
        .ok_or_else(|| {
            Error::refused_with(
                tr("chưa chọn bộ tiêu chí", "no rubric chosen"),
                tr("dùng --rubric ID, hoặc đặt [rating] rubric trong cellbook.toml (xem `cellbook rubric list`)", "pass --rubric ID, or set [rating] rubric in cellbook.toml (see `cellbook rubric list`)"),
            )
        })
}

/// `--score CRITERION=POINTS`, over the scores carried over.
fn add_given_scores(args: &RateArgs, scores: &mut BTreeMap<String, u32>) -> Result<()> {
    for s in &args.scores {
        let (id, pts) = s.split_once('=').ok_or_else(|| {
            Error::Usage(format!(
                "--score '{s}': {}",
                tr(
                    "cần có dạng TIÊU_CHÍ=ĐIỂM",
                    "must have the form CRITERION=POINTS"
                )
            ))
        })?;
        let pts: u32 = pts.trim().parse().map_err(|_| {
            Error::Usage(format!(
                "--score '{s}': {}",
                tr(
                    "điểm phải là số nguyên không âm",
                    "points must be a whole number, 0 or more"
                )
            ))
        })?;
        scores.insert(id.trim().to_owned(), pts);
    }
    Ok(())
}

/// Drop carried-over scores the rubric now measures and, on a terminal, ask for the ones
/// still owed.
fn complete_scores(
    args: &RateArgs,
    rubric: &Rubric,
    measures: &Measures,
    scores: &mut BTreeMap<String, u32>,
) -> Result<()> {
    // Drop carried-over scores for criteria that are now measured, so fixing the record
    // (rather than the score) is enough.
    let explicit: Vec<&str> = args
        .scores
        .iter()
        .filter_map(|s| s.split_once('=').map(|(k, _)| k.trim()))
        .collect();
    scores.retain(|id, _| {
        explicit.contains(&id.as_str())
            || crate::core::rubric::scored_criteria(rubric, measures)
                .iter()
                .any(|c| &c.id == id)
    });
    // On a terminal, ask for each score the raters still owe, showing its maximum.
    if crate::prompt::interactive() {
        for c in crate::core::rubric::scored_criteria(rubric, measures) {
            if !scores.contains_key(&c.id) {
                let question = format!("{} ({}, 0–{})", c.title, c.id, c.max);
                scores.insert(c.id.clone(), crate::prompt::points(&question, c.max)?);
            }
        }
    }
    Ok(())
}

/// `--by`, each on the roll on the meeting's date; else the earlier raters; else the secretary
/// and the deputy.
fn raters(ledger: &Ledger, args: &RateArgs, m: &Meeting) -> Result<Vec<String>> {
    let date = m.date;
    let mut by = Vec::new();
    for q in &args.by {
        let member = lookup::member(&ledger.roster, q, Some(date))?;
        let id = std::slice::from_ref(&member.id);
        if rules::raters_off_roll(&ledger.roster, date, id)
            .next()
            .is_some()
        {
            return Err(Error::refused(format!(
                "{} ({}) {}",
                member.name,
                member.id,
                tr(
                    "không có trong danh sách vào ngày sinh hoạt",
                    "is not on the roll on the meeting's date"
                )
            )));
        }
        by.push(member.id.clone());
    }
    if by.is_empty() {
        by = m.rating.as_ref().map(|r| r.by.clone()).unwrap_or_default();
    }
    if by.is_empty() {
        by = ledger
            .roster
            .members
            .iter()
            .filter(|x| x.on_roll(date) && matches!(x.role, Role::Secretary | Role::Deputy))
            .map(|x| x.id.clone())
            .collect();
    }
    Ok(by)
}

#[derive(Serialize)]
struct SheetJson<'a> {
    meeting: &'a str,
    #[serde(flatten)]
    sheet: &'a Sheet,
}

pub fn sheet_json(meeting: &str, sheet: &Sheet) -> Result<String> {
    serde_json::to_string_pretty(&SheetJson { meeting, sheet })
        .map(|s| s + "\n")
        .map_err(|e| Error::refused(e.to_string()))
}

/// The score sheet as a terminal table.
pub fn render_sheet(meeting: &str, rubric_name: &str, sheet: &Sheet, losses: &[Loss]) -> String {
    let vi = lang() == Lang::Vi;
    let mut t = table::new(vec![
        tr("Tiêu chí", "Criterion"),
        tr("Tối đa", "Max"),
        tr("Đo được", "Measured"),
        tr("Điểm", "Points"),
    ]);
    for line in &sheet.criteria {
        let measured = match (line.measure, line.value) {
            _ if !line.applies => tr("không áp dụng", "does not apply").to_owned(),
            (Some(m), Some(v)) => m.cell(v, lang()),
            (Some(m), None) => format!(
                "{}: {}",
                m.name(lang()),
                tr("không tính được, chấm tay", "not computable, scored")
            ),
            _ => String::new(),
        };
        t.add_row(vec![
            Cell::new(if vi { &line.title } else { &line.id }),
            Cell::new(line.max).set_alignment(CellAlignment::Right),
            Cell::new(measured),
            Cell::new(line.points).set_alignment(CellAlignment::Right),
        ]);
    }
    let mut out = format!(
        "{} {meeting} — {rubric_name}\n{t}\n",
        tr("Phiếu đánh giá", "Score sheet")
    );
    out.push_str(&format!(
        "{}: {}/{}  {}: {}\n",
        tr("Tổng", "Total"),
        sheet.total,
        sheet.max_total,
        tr("Xếp loại", "Level"),
        sheet.level.label(lang())
    ));
    if !losses.is_empty() {
        out.push_str(tr("Lý do bị trừ điểm:\n", "Why points were lost:\n"));
        for loss in losses {
            out.push_str(&format!("  {}\n", loss.line()));
        }
    }
    for g in &sheet.gates_applied {
        out.push_str(&format!(
            "{} {} → {}: {}\n",
            tr("Hạ mức", "Lowered from"),
            g.lowered_from.label(lang()),
            g.lowered_to.label(lang()),
            g.failure.reason(vi)
        ));
    }
    out
}
