//! Rating a meeting in the context of its ledger: which earlier meetings its measures need,
//! and checking that a recorded rating still matches its rubric and record.

use chrono::{Datelike, NaiveDate};

use crate::core::level::Level;
use crate::core::measures::Figures;
use crate::core::model::{Meeting, Rating};
use crate::core::rubric::{Loss, Measures, PointsSource, Rubric, ScoreError, Sheet, losses, score};
use crate::core::rules;
use crate::diagnostic::{Diagnostic, Problem};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::locate::Seg;
use crate::ledger::rubrics::Cache;
use crate::ledger::{Ledger, MeetingFile};

/// The years a meeting's measures look at: its own (excused streaks) and the one before (the
/// previous meeting of a January meeting may be in December).
pub fn history_years(date: NaiveDate) -> (i32, i32) {
    (date.year() - 1, date.year())
}

/// The measures of `meetings[i]`, given meetings sorted by id that include its history.
pub fn measures_at(ledger: &Ledger, meetings: &[MeetingFile], i: usize) -> Measures {
    let this = &meetings[i].meeting;
    let earlier: Vec<&Meeting> = meetings[..i]
        .iter()
        .map(|f| &f.meeting)
        // Sorted by id, so a second meeting of the day (`-2`) follows the first.
        .filter(|m| m.record.is_some() && m.date <= this.date)
        .collect();
    let month = month_of(meetings, this);
    let setting = crate::core::measures::Setting {
        rules: &ledger.config.meetings,
        month: &month,
    };
    crate::core::measures::measure_in(&ledger.roster, &earlier, this, setting)
}

/// The figures of `meetings[i]` (attendance, vote, duration against the required minutes),
/// given meetings that include its month; `None` when it is not recorded.
pub fn figures_at(ledger: &Ledger, meetings: &[MeetingFile], i: usize) -> Option<Figures> {
    let this = &meetings[i].meeting;
    let month = month_of(meetings, this);
    let setting = crate::core::measures::Setting {
        rules: &ledger.config.meetings,
        month: &month,
    };
    crate::core::measures::figures(&ledger.roster, this, setting)
}

/// The meetings of `this` meeting's month.
fn month_of<'a>(meetings: &'a [MeetingFile], this: &Meeting) -> Vec<&'a Meeting> {
    meetings
        .iter()
        .map(|f| &f.meeting)
        .filter(|m| m.date.year() == this.date.year() && m.date.month() == this.date.month())
        .collect()
}

/// Recompute a recorded rating and report where it no longer matches; warn about a held
/// meeting left unrated for more than a week.
pub fn check_rating(
    ledger: &Ledger,
    meetings: &[MeetingFile],
    i: usize,
    rubrics: &Cache,
    today: NaiveDate,
    diags: &mut Vec<Diagnostic>,
) {
    let file = &meetings[i];
    let m = &file.meeting;
    let src = &file.source;
    let Some(rating) = &m.rating else {
        // A kind the ledger does not rate (`[rating] thematic = "none"`) waits for nothing.
        let owed = ledger.config.rating.rates(m.kind);
        if owed && m.record.is_some() && (today - m.date).num_days() > 7 {
            diags.push(Diagnostic::of(
                &Problem::Unrated {
                    meeting: file.id.to_string(),
                },
                &src.path,
            ));
        }
        return;
    };
    if m.record.is_none() {
        diags.push(src.report(&Problem::RatedNotRecorded, &[Seg::Key("rating")]));
        return;
    }
    let Some(rubric) = rubrics.get(&rating.rubric) else {
        diags.push(src.report(
            &Problem::UnknownRatingRubric {
                id: rating.rubric.clone(),
            },
            &[Seg::Key("rating"), Seg::Key("rubric")],
        ));
        return;
    };
    check_raters(ledger, file, rating, diags);
    let measures = measures_at(ledger, meetings, i);
    check_sheet(file, rating, sheet_for(&rubric, &measures, rating), diags);
}

/// E010: every rater is a member on the roll on the meeting's date.
fn check_raters(ledger: &Ledger, file: &MeetingFile, rating: &Rating, diags: &mut Vec<Diagnostic>) {
    for (j, by) in rules::raters_off_roll(&ledger.roster, file.meeting.date, &rating.by) {
        diags.push(file.source.report(
            &Problem::RaterNotOnRoll { id: by.to_owned() },
            &[Seg::Key("rating"), Seg::Key("by"), Seg::Index(j)],
        ));
    }
}

/// E051 when the scores no longer score, E050 when the recorded total or level is not what
/// the rubric and the record give today.
fn check_sheet(
    file: &MeetingFile,
    rating: &Rating,
    sheet: Result<Sheet, Vec<ScoreError>>,
    diags: &mut Vec<Diagnostic>,
) {
    let src = &file.source;
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(errors) => {
            for e in errors {
                diags.push(src.report(
                    &Problem::Unscorable {
                        error: e,
                        meeting: file.id.to_string(),
                    },
                    &[Seg::Key("rating"), Seg::Key("scores")],
                ));
            }
            return;
        }
    };
    if sheet.total != rating.total {
        diags.push(src.report(
            &Problem::TotalChanged {
                recorded: rating.total,
                computed: sheet.total,
                meeting: file.id.to_string(),
            },
            &[Seg::Key("rating"), Seg::Key("total")],
        ));
    }
    if sheet.level != rating.level {
        diags.push(src.report(
            &Problem::LevelChanged {
                recorded: rating.level,
                computed: sheet.level,
                meeting: file.id.to_string(),
            },
            &[Seg::Key("rating"), Seg::Key("level")],
        ));
    }
}

/// Score a recorded rating's scores against its rubric.
pub fn sheet_for(
    rubric: &Rubric,
    measures: &Measures,
    rating: &Rating,
) -> std::result::Result<Sheet, Vec<ScoreError>> {
    score(rubric, measures, &rating.scores)
}

/// Why a rated meeting lost each point, in the current language, as the rubric and the record
/// give it today; empty when it is not rated or cannot be scored (`check` says why).
pub fn losses_of(ledger: &Ledger, id: crate::core::model::MeetingId) -> Vec<Loss> {
    let Ok(mut meetings) = ledger.load_meetings(Some(history_years(id.date))) else {
        return Vec::new();
    };
    meetings.sort_by_key(|f| f.id);
    meetings.retain(|f| f.id <= id);
    let Some(i) = meetings.iter().position(|f| f.id == id) else {
        return Vec::new();
    };
    let Some(rating) = &meetings[i].meeting.rating else {
        return Vec::new();
    };
    let Ok((_, rubric)) = crate::ledger::rubrics::load(&ledger.root, &rating.rubric) else {
        return Vec::new();
    };
    let measures = measures_at(ledger, &meetings, i);
    match sheet_for(&rubric, &measures, rating) {
        Ok(sheet) => losses(&rubric, &measures, &sheet, lang()),
        Err(_) => Vec::new(),
    }
}

/// A rated meeting's rating before and after its record changed: (total, level).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rerated {
    pub before: (u32, Level),
    pub after: (u32, Level),
}

/// A rated meeting that is being changed (`file`, not yet saved) gets its rating recomputed
/// from the changed record: the measured points measured again, the raters' scores kept (less
/// those for criteria the record now measures or that no longer apply, as `rate` drops them).
/// `None` when the meeting is not rated. Refused, with the reason, when the rating can no
/// longer be computed (the record gone, the rubric unknown, a score now owed): never saved
/// stale.
pub fn rerate(ledger: &Ledger, file: &mut MeetingFile) -> Result<Option<Rerated>> {
    let Some(rating) = file.meeting.rating.clone() else {
        return Ok(None);
    };
    let cannot = tr(
        "không tính lại được xếp loại của buổi sinh hoạt",
        "the meeting's rating cannot be recomputed",
    );
    if file.meeting.record.is_none() {
        return Err(Error::refused_with(
            format!(
                "{cannot}: {}",
                tr("biên bản đã bị xóa", "its record is gone")
            ),
            tr(
                "giữ [record], hoặc xóa cả [rating]",
                "keep [record], or remove [rating] as well",
            ),
        ));
    }
    let (_, rubric) = crate::ledger::rubrics::load(&ledger.root, &rating.rubric)
        .map_err(|e| Error::refused(format!("{cannot}: {e}")))?;
    let mut meetings = ledger.load_meetings(Some(history_years(file.meeting.date)))?;
    meetings.retain(|f| f.id != file.id);
    meetings.push(file.clone());
    meetings.sort_by_key(|f| f.id);
    let i = meetings.iter().position(|f| f.id == file.id).unwrap_or(0);
    let measures = measures_at(ledger, &meetings, i);
    let mut scores = rating.scores.clone();
    let scored = crate::core::rubric::scored_criteria(&rubric, &measures);
    scores.retain(|id, _| scored.iter().any(|c| &c.id == id));
    let sheet = score(&rubric, &measures, &scores).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(lang())).collect();
        Error::refused_with(
            format!("{cannot}:\n  {}", lines.join("\n  ")),
            format!(
                "{} (`cellbook edit {id}`), {} `cellbook rate {id}`",
                tr(
                    "ghi điểm đó vào [rating] scores của tệp",
                    "give that score in the file's [rating] scores"
                ),
                tr(
                    "hoặc xóa [rating] rồi chấm lại bằng",
                    "or remove [rating] and rate again with"
                ),
                id = file.id,
            ),
        )
    })?;
    file.meeting.rating = Some(Rating {
        scores: sheet
            .criteria
            .iter()
            .filter(|l| l.source == PointsSource::Scored)
            .map(|l| (l.id.clone(), l.points))
            .collect(),
        total: sheet.total,
        level: sheet.level,
        ..rating.clone()
    });
    Ok(Some(Rerated {
        before: (rating.total, rating.level),
        after: (sheet.total, sheet.level),
    }))
}

/// The line that says a rating was recomputed, when its total or level changed.
pub fn rerated_line(r: Option<Rerated>) -> String {
    match r {
        Some(Rerated { before, after }) if before != after => format!(
            "{}: {} → {} {}, {} → {}\n",
            tr("Đã tính lại xếp loại", "Rating recomputed"),
            before.0,
            after.0,
            tr("điểm", "points"),
            before.1.label(lang()),
            after.1.label(lang()),
        ),
        _ => String::new(),
    }
}
