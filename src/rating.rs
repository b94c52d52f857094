//! Rating a meeting in the context of its ledger: which earlier meetings its measures need,
//! and checking that a recorded rating still matches its rubric and record.

use chrono::{Datelike, NaiveDate};

use crate::core::model::{Meeting, Rating};
use crate::core::rubric::{Measures, Rubric, ScoreError, Sheet, score};
use crate::diagnostic::{Code, Diagnostic};
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
    crate::core::measures::measure(&ledger.roster, &earlier, this)
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
        if m.record.is_some() && (today - m.date).num_days() > 7 {
            diags.push(
                Diagnostic::new(
                    Code::W003,
                    &src.path,
                    tr(
                        "cuộc họp đã qua hơn 7 ngày nhưng chưa xếp loại",
                        "the meeting was held more than 7 days ago and is not rated",
                    ),
                )
                .hint(format!("cellbook rate {}", file.id)),
            );
        }
        return;
    };
    if m.record.is_none() {
        diags.push(
            src.problem_at(
                Code::E052,
                &[Seg::Key("rating")],
                tr(
                    "cuộc họp chưa ghi biên bản mà đã xếp loại",
                    "the meeting is rated but not recorded",
                ),
            )
            .hint(tr(
                "ghi biên bản trước (`cellbook record`), rồi xếp loại",
                "record it first (`cellbook record`), then rate it",
            )),
        );
        return;
    }
    let Some(rubric) = rubrics.get(&rating.rubric) else {
        diags.push(
            src.problem_at(
                Code::E011,
                &[Seg::Key("rating"), Seg::Key("rubric")],
                format!(
                    "{} '{}'",
                    tr("không có bộ tiêu chí", "unknown rubric"),
                    rating.rubric
                ),
            )
            .hint(tr(
                "xem `cellbook rubric list`",
                "see `cellbook rubric list`",
            )),
        );
        return;
    };
    check_raters(ledger, file, rating, diags);
    let measures = measures_at(ledger, meetings, i);
    check_sheet(file, rating, sheet_for(&rubric, &measures, rating), diags);
}

/// E010: every rater is a member on the roll on the meeting's date.
fn check_raters(ledger: &Ledger, file: &MeetingFile, rating: &Rating, diags: &mut Vec<Diagnostic>) {
    for (j, by) in rating.by.iter().enumerate() {
        if ledger
            .roster
            .get(by)
            .is_some_and(|mem| mem.on_roll(file.meeting.date))
        {
            continue;
        }
        diags.push(
            file.source
                .problem_at(
                    Code::E010,
                    &[Seg::Key("rating"), Seg::Key("by"), Seg::Index(j)],
                    format!(
                        "{} '{by}' {}",
                        tr("người đánh giá", "rater"),
                        tr("không có trong danh sách", "is not on the roll")
                    ),
                )
                .hint(tr(
                    "dùng mã trong members.toml",
                    "use an id from members.toml",
                )),
        );
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
    let rate_again = |why: &str| format!("{why} `cellbook rate {}`", file.id);
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(errors) => {
            for e in errors {
                diags.push(
                    src.problem_at(
                        Code::E051,
                        &[Seg::Key("rating"), Seg::Key("scores")],
                        e.message(lang()),
                    )
                    .hint(rate_again(tr("chấm lại bằng", "rate it again with"))),
                );
            }
            return;
        }
    };
    if sheet.total != rating.total {
        let message = format!(
            "{} {}, {} {}",
            tr("tổng điểm ghi", "the recorded total is"),
            rating.total,
            tr(
                "nhưng theo bộ tiêu chí và biên bản là",
                "but the rubric and the record give"
            ),
            sheet.total
        );
        diags.push(
            src.problem_at(
                Code::E050,
                &[Seg::Key("rating"), Seg::Key("total")],
                message,
            )
            .hint(rate_again(tr(
                "biên bản đã thay đổi từ khi xếp loại; chấm lại bằng",
                "the record changed since it was rated; rate it again with",
            ))),
        );
    }
    if sheet.level != rating.level {
        let message = format!(
            "{} {}, {} {}",
            tr("mức ghi là", "the recorded level is"),
            rating.level.key(),
            tr("nhưng theo bộ tiêu chí là", "but the rubric gives"),
            sheet.level.key()
        );
        diags.push(
            src.problem_at(
                Code::E050,
                &[Seg::Key("rating"), Seg::Key("level")],
                message,
            )
            .hint(rate_again(tr("chấm lại bằng", "rate it again with"))),
        );
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
