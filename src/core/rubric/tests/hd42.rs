//! `hd42-2025` against the 2025 ward form, band by band: each test changes one measure of a
//! meeting that earns full marks and reads the points of the criterion it feeds.

use super::{measures, scores};
use crate::core::level::Level;
use crate::core::rubric::{
    Measure, Measures, PointsSource, Rubric, ScoreError, Sheet, find_builtin, score,
    scored_criteria,
};

use Measure::*;

fn hd42() -> Rubric {
    super::rubric(find_builtin("hd42-2025").unwrap_or_else(|| panic!("no hd42-2025")))
}

/// A 100-minute meeting of a cell with a committee, in a month with a thematic meeting, that
/// the record shows met every measured line.
fn all() -> Measures {
    measures(&[
        (DurationMinutes, 100.0),
        (DurationShortMinutes, 0.0),
        (DurationRatio, 100.0 / 90.0),
        (AttendanceRate, 0.95),
        (UnexcusedAbsences, 0.0),
        (MaxExcusedStreak, 1.0),
        (DocsLeadDays, 2.0),
        (CommitteeMet, 1.0),
        (LeadershipSize, 3.0),
        (ThematicMonth, 1.0),
        (DraftResolution, 1.0),
        (SpeakersRate, 0.6),
        (PreviousActionsDoneRate, 1.0),
        (ResolutionPassed, 1.0),
        (MinutesRecorded, 1.0),
    ])
}

/// Full marks on every line the raters score, the thematic line included.
const RATED: [(&str, u32); 12] = [
    ("prep-content", 3),
    ("prep-notice", 1),
    ("procedure", 5),
    ("content", 10),
    ("thematic", 5),
    ("criticism", 2),
    ("thinking", 1),
    ("conduct-docs", 1),
    ("chairing", 10),
    ("principles", 5),
    ("closing-minutes", 2),
    ("closing-posted", 1),
];

fn sheet_with(changes: &[(Measure, f64)], rated: &[(&str, u32)]) -> Sheet {
    let mut m = all();
    m.extend(changes.iter().copied());
    score(&hd42(), &m, &scores(rated)).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The points of criterion `id` when the measures are changed as given.
fn points(id: &str, changes: &[(Measure, f64)]) -> u32 {
    let sheet = sheet_with(changes, &RATED);
    sheet
        .criteria
        .iter()
        .find(|l| l.id == id)
        .map_or(u32::MAX, |l| l.points)
}

#[test]
fn the_form_s_groups_add_up_to_100_and_a_full_meeting_is_good() {
    let r = hd42();
    let group = |ids: &[&str]| -> u32 {
        ids.iter()
            .map(|id| r.criterion(id).map_or(0, |c| c.max))
            .sum()
    };
    assert_eq!(group(&["duration"]), 5);
    assert_eq!(group(&["attendance", "absence-streak"]), 5);
    let prep = [
        "prep-content",
        "prep-draft",
        "prep-committee",
        "prep-notice",
        "prep-docs",
    ];
    assert_eq!(group(&prep), 10);
    let conduct = [
        "procedure",
        "content",
        "thematic",
        "criticism",
        "speakers",
        "minutes",
        "thinking",
        "conduct-docs",
    ];
    assert_eq!(group(&conduct), 30);
    assert_eq!((group(&["chairing"]), group(&["principles"])), (10, 5));
    assert_eq!(group(&["results"]), 30);
    assert_eq!(
        group(&["closing-vote", "closing-minutes", "closing-posted"]),
        5
    );
    assert!(r.gates().is_empty());
    let sheet = sheet_with(&[], &RATED);
    assert_eq!((sheet.total, sheet.max_total), (100, 100));
    assert_eq!(sheet.level, Level::Good);
    // The cut-offs are 90, 70 and 50.
    let l = r.levels();
    assert_eq!((l.good, l.fair, l.average), (90, 70, 50));
}

#[test]
fn group_1_duration_bands_against_the_required_minutes() {
    // Minutes short of the required length → points; never 0.
    let by_short = |short: f64, ratio: f64| {
        points(
            "duration",
            &[(DurationShortMinutes, short), (DurationRatio, ratio)],
        )
    };
    // Required 90: 90 → 5, 75 → 4, 74 → 3, 60 → 3, 59 → 2, 45 → 2, 44 → 1, 1 → 1.
    assert_eq!(by_short(0.0, 1.0), 5);
    assert_eq!(by_short(15.0, 75.0 / 90.0), 4);
    assert_eq!(by_short(16.0, 74.0 / 90.0), 3);
    assert_eq!(by_short(30.0, 60.0 / 90.0), 3);
    assert_eq!(by_short(31.0, 59.0 / 90.0), 2);
    assert_eq!(by_short(45.0, 0.5), 2);
    assert_eq!(by_short(46.0, 44.0 / 90.0), 1);
    assert_eq!(by_short(89.0, 1.0 / 90.0), 1);
    // Required 120 (a shared sitting, or a cell of 30+): 100 minutes is short by 20 → 3.
    assert_eq!(by_short(20.0, 100.0 / 120.0), 3);
}

#[test]
fn group_2_attendance_bands_absence_and_streak() {
    let att = |changes: &[(Measure, f64)]| {
        (
            points("attendance", changes),
            points("absence-streak", changes),
        )
    };
    assert_eq!(att(&[(AttendanceRate, 0.90)]), (4, 1));
    assert_eq!(att(&[(AttendanceRate, 0.89)]), (3, 1));
    assert_eq!(att(&[(AttendanceRate, 0.75)]), (3, 1));
    assert_eq!(att(&[(AttendanceRate, 0.74)]), (2, 1));
    assert_eq!(att(&[(AttendanceRate, 0.65)]), (2, 1));
    assert_eq!(att(&[(AttendanceRate, 0.64)]), (1, 1));
    // Anyone absent without reason: 1, whatever the rate.
    assert_eq!(att(&[(UnexcusedAbsences, 1.0)]), (1, 1));
    // More than 3 excused absences in a row loses the +1; 3 keeps it.
    assert_eq!(att(&[(MaxExcusedStreak, 3.0)]), (4, 1));
    assert_eq!(att(&[(MaxExcusedStreak, 4.0)]), (4, 0));
}

#[test]
fn group_3_committee_line_full_marks_in_a_single_secretary_cell() {
    // A cell with a committee (or a deputy) earns the 2 points by meeting beforehand.
    assert_eq!(points("prep-committee", &[]), 2);
    assert_eq!(points("prep-committee", &[(CommitteeMet, 0.0)]), 0);
    assert_eq!(
        points(
            "prep-committee",
            &[(CommitteeMet, 0.0), (LeadershipSize, 2.0)]
        ),
        0
    );
    // Only a secretary: full marks, whether or not a meeting is recorded.
    let single = sheet_with(&[(CommitteeMet, 0.0), (LeadershipSize, 1.0)], &RATED);
    let line = single
        .criteria
        .iter()
        .find(|l| l.id == "prep-committee")
        .unwrap_or_else(|| panic!("no prep-committee"));
    assert_eq!(
        (line.points, line.source, line.applies),
        (2, PointsSource::FullMarks, false)
    );
    assert_eq!((single.total, single.max_total), (100, 100));
    // The other preparation lines: documents at least a day before, a draft.
    assert_eq!(points("prep-docs", &[(DocsLeadDays, 1.0)]), 2);
    assert_eq!(points("prep-docs", &[(DocsLeadDays, 0.0)]), 0);
    assert_eq!(points("prep-draft", &[(DraftResolution, 0.0)]), 0);
}

#[test]
fn group_4_thematic_line_only_in_a_thematic_month_and_speaker_bands() {
    // A month with a thematic meeting: the line is scored, out of 100.
    let thematic = sheet_with(&[], &RATED);
    assert_eq!((thematic.total, thematic.max_total), (100, 100));
    // A month without: out of the maximum; the raters may not score it.
    let without: Vec<(&str, u32)> = RATED
        .iter()
        .copied()
        .filter(|(id, _)| *id != "thematic")
        .collect();
    let plain = sheet_with(&[(ThematicMonth, 0.0)], &without);
    assert_eq!((plain.total, plain.max_total), (95, 95));
    let line = plain
        .criteria
        .iter()
        .find(|l| l.id == "thematic")
        .unwrap_or_else(|| panic!("no thematic line"));
    assert_eq!(
        (line.points, line.source, line.applies),
        (0, PointsSource::Excluded, false)
    );
    let mut m = all();
    m.insert(ThematicMonth, 0.0);
    let refused = score(&hd42(), &m, &scores(&RATED)).unwrap_err();
    assert_eq!(
        refused,
        [ScoreError::NotApplicable {
            id: "thematic".into()
        }]
    );
    assert!(
        !scored_criteria(&hd42(), &m)
            .iter()
            .any(|c| c.id == "thematic")
    );
    assert!(
        scored_criteria(&hd42(), &all())
            .iter()
            .any(|c| c.id == "thematic")
    );
    // Speakers: more than half 5, 40–50 % 4, 30–40 % 3, less 2.
    let speakers = |rate: f64| points("speakers", &[(SpeakersRate, rate)]);
    assert_eq!(
        [0.51, 0.5, 0.4, 0.39, 0.3, 0.29].map(speakers),
        [5, 4, 4, 3, 3, 2]
    );
}

#[test]
fn group_7_results_bands_by_share_of_targets_met() {
    let results = |rate: f64| points("results", &[(PreviousActionsDoneRate, rate)]);
    assert_eq!(
        [
            1.0, 0.9, 0.89, 0.8, 0.79, 0.7, 0.69, 0.6, 0.59, 0.5, 0.49, 0.0
        ]
        .map(results),
        [30, 30, 27, 27, 24, 24, 20, 20, 15, 15, 10, 10]
    );
    // No previous regular meeting to follow up: the raters score the results.
    let mut first = all();
    first.remove(&PreviousActionsDoneRate);
    let err = score(&hd42(), &first, &scores(&RATED)).unwrap_err();
    assert!(matches!(
        err.as_slice(),
        [ScoreError::MissingScore { id, because_measure_missing: Some(PreviousActionsDoneRate), .. }] if id == "results"
    ));
}

#[test]
fn group_8_closing_vote() {
    assert_eq!(points("closing-vote", &[(ResolutionPassed, 0.0)]), 0);
    assert_eq!(points("minutes", &[(MinutesRecorded, 0.0)]), 0);
}

#[test]
fn group_3_notice_and_group_8_posting_are_measured_when_recorded() {
    // Once the record says when, the raters no longer score those two lines.
    let rated: Vec<(&str, u32)> = RATED
        .iter()
        .copied()
        .filter(|(id, _)| !["prep-notice", "closing-posted"].contains(id))
        .collect();
    let at = |id: &str, notice: f64, posted_after: f64| {
        let sheet = sheet_with(
            &[(NoticeSent, notice), (PostedAfterDays, posted_after)],
            &rated,
        );
        sheet.criteria.iter().find(|l| l.id == id).map(|l| l.points)
    };
    assert_eq!(at("prep-notice", 1.0, 0.0), Some(1));
    assert_eq!(at("prep-notice", 0.0, 0.0), Some(0));
    // Within 2 days of the meeting: the point; a day later: none.
    assert_eq!(at("closing-posted", 1.0, 2.0), Some(1));
    assert_eq!(at("closing-posted", 1.0, 3.0), Some(0));
}
