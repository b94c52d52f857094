//! Rating a meeting in the context of its ledger: which earlier meetings its measures need,
//! and checking that a recorded rating still matches its rubric and record.

use chrono::{Datelike, NaiveDate};

use crate::core::measures::Figures;
use crate::core::model::{Meeting, Rating};
use crate::core::rubric::{Measures, Rubric, ScoreError, Sheet, score};
use crate::core::rules;
use crate::diagnostic::{Diagnostic, Problem};
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
                recorded: rating.level.key(),
                computed: sheet.level.key(),
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
) -> Result<Sheet, Vec<ScoreError>> {
    score(rubric, measures, &rating.scores)
}
