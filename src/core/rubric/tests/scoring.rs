//! `score` and `scored_criteria`: bands, cut-offs, gates, caps and every `ScoreError`.

use super::{HEAD, measures, rubric, scores};
use crate::core::level::Level;
use crate::core::rubric::{
    GateFailure, Measure, Measures, PointsSource, Rubric, ScoreError, Shortfall, score,
    scored_criteria,
};

use Measure::{
    AttendanceRate as Rate, DurationMinutes as Duration, UnexcusedAbsences as Unexcused,
};

/// The points a band list gives `value` of `duration_minutes`, through `score`.
fn band_points(bands: &str, value: f64) -> u32 {
    let src = format!(
        "{HEAD}\n[[criteria]]\nid = \"m\"\ntitle = \"M\"\nmax = 100\nmeasure = \"duration_minutes\"\nbands = [ {bands} ]\n"
    );
    let sheet = score(&rubric(&src), &measures(&[(Duration, value)]), &scores(&[]))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.criteria[0].source, PointsSource::Measured);
    assert_eq!(sheet.criteria[0].value, Some(value));
    sheet.criteria[0].points
}

#[test]
fn band_with_min_only() {
    let bands = "{ min = 90, points = 10 }";
    assert_eq!(band_points(bands, 90.0), 10);
    assert_eq!(band_points(bands, 200.0), 10);
    assert_eq!(band_points(bands, 89.9), 0);
}

#[test]
fn band_with_max_only() {
    let bands = "{ max = 30, points = 7 }";
    assert_eq!(band_points(bands, 30.0), 7);
    assert_eq!(band_points(bands, 0.0), 7);
    assert_eq!(band_points(bands, 30.5), 0);
}

#[test]
fn band_with_min_and_max() {
    let bands = "{ min = 60, max = 90, points = 5 }";
    assert_eq!(band_points(bands, 60.0), 5);
    assert_eq!(band_points(bands, 90.0), 5);
    assert_eq!(band_points(bands, 59.0), 0);
    assert_eq!(band_points(bands, 91.0), 0);
}

#[test]
fn band_with_exclusive_bounds() {
    let bands = "{ above = 60, below = 90, points = 5 }";
    assert_eq!(band_points(bands, 60.0), 0);
    assert_eq!(band_points(bands, 61.0), 5);
    assert_eq!(band_points(bands, 90.0), 0);
}

#[test]
fn first_matching_band_wins() {
    let bands = "{ min = 90, points = 20 }, { min = 60, points = 10 }, { points = 1 }";
    assert_eq!(band_points(bands, 120.0), 20);
    assert_eq!(band_points(bands, 90.0), 20);
    assert_eq!(band_points(bands, 75.0), 10);
    assert_eq!(band_points(bands, 10.0), 1);
    // Overlapping bands: the earlier one decides even if a later one pays more.
    let bands = "{ min = 60, max = 100, points = 3 }, { min = 90, points = 50 }";
    assert_eq!(band_points(bands, 95.0), 3);
    assert_eq!(band_points(bands, 101.0), 50);
}

#[test]
fn no_matching_band_gives_zero() {
    let bands = "{ min = 90, points = 20 }, { min = 60, max = 80, points = 10 }";
    assert_eq!(band_points(bands, 85.0), 0);
    assert_eq!(band_points(bands, 30.0), 0);
}

#[test]
fn level_cut_offs_are_inclusive_thresholds() {
    let r = rubric(&format!(
        "{HEAD}\n[[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = 100\n"
    ));
    let cases = [
        (100, Level::Good),
        (90, Level::Good),
        (89, Level::Fair),
        (70, Level::Fair),
        (69, Level::Average),
        (50, Level::Average),
        (49, Level::Poor),
        (0, Level::Poor),
    ];
    for (total, want) in cases {
        let sheet = score(&r, &Measures::new(), &scores(&[("a", total)]))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(sheet.total, total);
        assert_eq!(sheet.max_total, 100);
        assert_eq!(sheet.level, want, "total {total}");
        assert!(sheet.gates_applied.is_empty());
    }
}

/// A scored 80-pointer, attendance measured (20 at 90%+, else 10), gates: good needs full
/// attendance and no unexcused absence; fair needs 90 minutes.
fn gated() -> Rubric {
    rubric(&format!(
        r#"{HEAD}
[[criteria]]
id = "a"
title = "Nội dung"
max = 80

[[criteria]]
id = "att"
title = "Dự họp"
max = 20
measure = "attendance_rate"
bands = [ {{ min = 0.9, points = 20 }}, {{ points = 10 }} ]

[[gates]]
level = "good"
full_marks = ["att"]

[[gates]]
level = "good"
measure = "unexcused_absences"
max = 0

[[gates]]
level = "fair"
measure = "duration_minutes"
min = 90
"#
    ))
}

fn all_fine() -> Measures {
    measures(&[(Rate, 0.95), (Unexcused, 0.0), (Duration, 90.0)])
}

#[test]
fn gates_that_hold_change_nothing() {
    let sheet =
        score(&gated(), &all_fine(), &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.total, 100);
    assert_eq!(sheet.level, Level::Good);
    assert!(sheet.gates_applied.is_empty());
    assert_eq!(sheet.level_before_gates(), Level::Good);
}

#[test]
fn full_marks_gate_fails() {
    let mut m = all_fine();
    m.insert(Rate, 0.8);
    let sheet = score(&gated(), &m, &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.total, 90);
    assert_eq!(sheet.level, Level::Fair);
    assert_eq!(sheet.level_before_gates(), Level::Good);
    let [g] = sheet.gates_applied.as_slice() else {
        panic!("one gate expected: {:?}", sheet.gates_applied);
    };
    assert_eq!(
        (g.level, g.lowered_from, g.lowered_to),
        (Level::Good, Level::Good, Level::Fair)
    );
    assert_eq!(g.reason, "att needs full marks (10 of 20)");
    assert_eq!(
        g.failure,
        GateFailure::NotFullMarks {
            short: vec![Shortfall {
                id: "att".into(),
                title: "Dự họp".into(),
                points: 10,
                max: 20
            }]
        }
    );
    assert_eq!(
        g.failure.reason(true),
        "“Dự họp” chưa đạt điểm tối đa (10/20)"
    );
}

#[test]
fn measure_gate_with_max_fails_above_it() {
    let mut m = all_fine();
    m.insert(Unexcused, 1.0);
    let sheet = score(&gated(), &m, &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.level, Level::Fair);
    let g = &sheet.gates_applied[0];
    assert_eq!(
        g.reason,
        "Absences without a reason must be at most 0 (it is 1)"
    );
    assert_eq!(
        g.failure.reason(true),
        "Số đảng viên vắng không có lý do phải không quá 0 (thực tế: 1)"
    );
}

#[test]
fn measure_gate_with_min_holds_at_and_fails_below() {
    let sheet =
        score(&gated(), &all_fine(), &scores(&[("a", 60)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((sheet.total, sheet.level), (80, Level::Fair)); // 90 minutes exactly: holds
    let mut m = all_fine();
    m.insert(Duration, 89.0);
    let sheet = score(&gated(), &m, &scores(&[("a", 60)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.level, Level::Average);
    assert_eq!(sheet.gates_applied[0].level, Level::Fair);
    assert_eq!(
        sheet.gates_applied[0].reason,
        "Length of the meeting must be at least 90 minutes (it is 89 minutes)"
    );
}

#[test]
fn absent_measure_fails_its_gate() {
    let mut m = all_fine();
    m.remove(&Unexcused);
    let sheet = score(&gated(), &m, &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.level, Level::Fair);
    assert_eq!(
        sheet.gates_applied[0].failure,
        GateFailure::MeasureMissing { measure: Unexcused }
    );
}

#[test]
fn gates_below_the_reached_level_do_not_apply_and_above_chain_down() {
    // 75 points is fair: the good gates are irrelevant even though both fail.
    let m = measures(&[(Rate, 0.5), (Unexcused, 3.0), (Duration, 90.0)]);
    let sheet = score(&gated(), &m, &scores(&[("a", 65)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((sheet.total, sheet.level), (75, Level::Fair));
    assert!(sheet.gates_applied.is_empty());

    // 90 points, every gate failing: good → fair (two reasons), then fair → average.
    let m = measures(&[(Rate, 0.5), (Unexcused, 3.0), (Duration, 30.0)]);
    let sheet = score(&gated(), &m, &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(sheet.level, Level::Average);
    let steps: Vec<_> = sheet
        .gates_applied
        .iter()
        .map(|g| (g.level, g.lowered_from, g.lowered_to))
        .collect();
    assert_eq!(
        steps,
        [
            (Level::Good, Level::Good, Level::Fair),
            (Level::Good, Level::Good, Level::Fair),
            (Level::Fair, Level::Fair, Level::Average),
        ]
    );
    assert_eq!(sheet.level_before_gates(), Level::Good);
}

#[test]
fn error_unknown_criterion() {
    let err = score(&gated(), &all_fine(), &scores(&[("a", 80), ("zz", 1)])).unwrap_err();
    assert_eq!(
        err,
        [ScoreError::UnknownCriterion {
            id: "zz".into(),
            known: vec!["a".into(), "att".into()]
        }]
    );
    assert_eq!(
        err[0].to_string(),
        "unknown criterion `zz`; this rubric has: a, att"
    );
}

#[test]
fn error_out_of_range() {
    let err = score(&gated(), &all_fine(), &scores(&[("a", 81)])).unwrap_err();
    assert_eq!(
        err,
        [ScoreError::OutOfRange {
            id: "a".into(),
            points: 81,
            max: 80
        }]
    );
}

#[test]
fn error_score_for_a_measured_criterion() {
    let err = score(&gated(), &all_fine(), &scores(&[("a", 80), ("att", 20)])).unwrap_err();
    assert_eq!(
        err,
        [ScoreError::MeasuredHasValue {
            id: "att".into(),
            measure: Rate,
            value: 0.95
        }]
    );
    assert!(err[0].to_string().contains("fix the record instead"));
}

#[test]
fn error_missing_score() {
    let err = score(&gated(), &all_fine(), &scores(&[])).unwrap_err();
    assert_eq!(
        err,
        [ScoreError::MissingScore {
            id: "a".into(),
            title: "Nội dung".into(),
            max: 80,
            because_measure_missing: None
        }]
    );
    let err = score(&gated(), &measures(&[]), &scores(&[("a", 1)])).unwrap_err();
    assert_eq!(
        err,
        [ScoreError::MissingScore {
            id: "att".into(),
            title: "Dự họp".into(),
            max: 20,
            because_measure_missing: Some(Rate)
        }]
    );
    assert!(
        err[0]
            .to_string()
            .ends_with("attendance_rate cannot be computed from the record")
    );
}

#[test]
fn all_errors_come_at_once() {
    let err = score(&gated(), &all_fine(), &scores(&[("zz", 1), ("att", 3)])).unwrap_err();
    assert_eq!(err.len(), 3, "{err:?}");
    assert!(matches!(err[0], ScoreError::UnknownCriterion { .. }));
    assert!(matches!(err[1], ScoreError::MissingScore { .. }));
    assert!(matches!(err[2], ScoreError::MeasuredHasValue { .. }));
}

#[test]
fn a_missing_measure_is_scored_by_the_raters() {
    let r = gated();
    let ids = |m: &Measures| {
        scored_criteria(&r, m)
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&all_fine()), ["a"]);
    assert_eq!(ids(&measures(&[])), ["a", "att"]);
    // NaN cannot be banded, so it counts as missing.
    assert_eq!(ids(&measures(&[(Rate, f64::NAN)])), ["a", "att"]);

    let m = measures(&[(Unexcused, 0.0), (Duration, 95.0)]);
    let sheet =
        score(&r, &m, &scores(&[("a", 70), ("att", 15)])).unwrap_or_else(|e| panic!("{e:?}"));
    let att = &sheet.criteria[1];
    assert_eq!(att.source, PointsSource::Scored);
    assert_eq!((att.measure, att.value, att.points), (Some(Rate), None, 15));
    assert_eq!(sheet.total, 85);
}

/// Attendance worth 4, capped at 1 by any unexcused absence (the 2025 ward rubric).
fn capped() -> Rubric {
    rubric(&format!(
        r#"{HEAD}
[[criteria]]
id = "a"
title = "A"
max = 96

[[criteria]]
id = "att"
title = "Dự họp"
max = 4
measure = "attendance_rate"
bands = [ {{ min = 0.9, points = 4 }}, {{ min = 0.65, points = 2 }}, {{ points = 0 }} ]
caps = [ {{ measure = "unexcused_absences", min = 1, points = 1 }} ]
"#
    ))
}

#[test]
fn caps_lower_but_never_raise() {
    let r = capped();
    let att = |m: &Measures| -> u32 {
        let sheet = score(&r, m, &scores(&[("a", 0)])).unwrap_or_else(|e| panic!("{e:?}"));
        sheet.criteria[1].points
    };
    assert_eq!(att(&measures(&[(Rate, 0.95), (Unexcused, 0.0)])), 4);
    assert_eq!(att(&measures(&[(Rate, 0.95), (Unexcused, 2.0)])), 1);
    assert_eq!(att(&measures(&[(Rate, 0.7), (Unexcused, 1.0)])), 1);
    assert_eq!(att(&measures(&[(Rate, 0.1), (Unexcused, 1.0)])), 0);
    // Without the cap's measure the points cannot be known: the raters score it.
    let err = score(&r, &measures(&[(Rate, 0.95)]), &scores(&[("a", 0)])).unwrap_err();
    assert!(matches!(
        err.as_slice(),
        [ScoreError::MissingScore {
            because_measure_missing: Some(Unexcused),
            ..
        }]
    ));
    assert_eq!(scored_criteria(&r, &measures(&[(Rate, 0.95)])).len(), 2);
}

#[test]
fn the_sheet_serialises_with_lowercase_names() {
    let mut m = all_fine();
    m.insert(Rate, 0.8);
    let sheet = score(&gated(), &m, &scores(&[("a", 80)])).unwrap_or_else(|e| panic!("{e:?}"));
    let value = toml::Value::try_from(&sheet).unwrap_or_else(|e| panic!("{e}"));
    let get = |path: &[&str]| -> String {
        let mut v = &value;
        for key in path {
            v = match key.parse::<usize>() {
                Ok(i) => &v[i],
                Err(_) => &v[*key],
            };
        }
        v.to_string()
    };
    assert_eq!(get(&["rubric"]), "\"test\"");
    assert_eq!(get(&["level"]), "\"fair\"");
    assert_eq!(get(&["total"]), "90");
    assert_eq!(get(&["criteria", "0", "source"]), "\"scored\"");
    assert_eq!(get(&["criteria", "1", "source"]), "\"measured\"");
    assert_eq!(get(&["criteria", "1", "measure"]), "\"attendance_rate\"");
    assert_eq!(get(&["criteria", "1", "value"]), "0.8");
    assert_eq!(get(&["gates_applied", "0", "lowered_from"]), "\"good\"");
    assert_eq!(get(&["gates_applied", "0", "lowered_to"]), "\"fair\"");
    assert_eq!(
        get(&["gates_applied", "0", "failure", "kind"]),
        "\"not_full_marks\""
    );
}
