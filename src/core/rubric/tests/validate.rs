//! `Rubric::parse`: one test per problem code, plus reporting behaviour.

use super::{HEAD, codes, problems, rubric, spanned};
use crate::core::level::Level;
use crate::core::rubric::{GateCondition, ProblemCode as P};

/// HEAD plus one scored criterion worth 100, so thresholds are reachable.
fn with_scored(extra: &str) -> String {
    format!("{HEAD}\n[[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = 100\n{extra}")
}

/// HEAD plus a scored 60-pointer and a measured 40-pointer with the given band lines.
fn with_bands(measure: &str, bands: &str) -> String {
    format!(
        "{HEAD}\n[[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = 60\n\
         [[criteria]]\nid = \"m\"\ntitle = \"M\"\nmax = 40\nmeasure = \"{measure}\"\nbands = [\n{bands}\n]\n"
    )
}

#[test]
fn a_minimal_rubric_parses() {
    let r = rubric(&with_scored(""));
    assert_eq!(r.id(), "test");
    assert_eq!(r.name(), "Test");
    assert_eq!(r.max_total(), 100);
    assert_eq!(r.criteria().len(), 1);
    assert!(r.year().is_none());
}

#[test]
fn r001_toml_syntax_type_and_unknown_keys_point_at_the_spot() {
    let src = format!("{HEAD}\n[[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = -3\n");
    let p = problems(&src);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].code, P::Toml);
    assert_eq!(spanned(&src, &p[0]), "-3");

    let src = with_scored("maxx = 3\n");
    let p = problems(&src);
    assert_eq!(p[0].code, P::Toml);
    assert!(
        p[0].message.en.contains("unknown field `maxx`"),
        "{}",
        p[0].message
    );
    assert_eq!(spanned(&src, &p[0]), "maxx");

    assert_eq!(codes("schema = 1\nid = \n"), [P::Toml]);
    assert_eq!(codes("schema = 1\nid = \"x\"\nname = \"X\"\n"), [P::Toml]); // no [levels]
}

#[test]
fn r002_schema_must_be_1() {
    let src = with_scored("").replace("schema = 1", "schema = 2");
    let p = problems(&src);
    assert_eq!(p.iter().map(|p| p.code).collect::<Vec<_>>(), [P::Schema]);
    assert_eq!(spanned(&src, &p[0]), "2");
}

#[test]
fn r003_ids_must_be_plain_ascii() {
    let src = with_scored("").replace("id = \"test\"", "id = \"Phú Thọ\"");
    let p = problems(&src);
    assert_eq!(p[0].code, P::BadId);
    assert!(p[0].hint.en.contains("`ph-th`"), "{}", p[0].hint.en);
    assert_eq!(
        codes(&with_scored("").replace("id = \"test\"", "id = \"\"")),
        [P::BadId]
    );
    assert_eq!(
        codes(&with_scored("").replace("id = \"test\"", "id = \"a_b\"")),
        [P::BadId]
    );
    // Criterion ids may also use `_`, but not spaces.
    rubric(&with_scored("").replace("id = \"a\"", "id = \"a_b-2\""));
    assert_eq!(
        codes(&with_scored("").replace("id = \"a\"", "id = \"chuẩn bị\"")),
        [P::BadId]
    );
}

#[test]
fn r004_duplicate_criterion_points_at_the_second() {
    let src = format!(
        "{}\n[[criteria]]\nid = \"a\"\ntitle = \"Again\"\nmax = 1\n",
        with_scored("")
    );
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::DuplicateCriterion]
    );
    assert_eq!(spanned(&src, &p[0]), "\"a\"");
    let first = src.find("id = \"a\"").unwrap_or(usize::MAX);
    assert!(
        p[0].span.clone().is_some_and(|s| s.start > first + 5),
        "points at the second definition"
    );
}

#[test]
fn r005_max_must_be_positive() {
    let src = format!(
        "{}\n[[criteria]]\nid = \"z\"\ntitle = \"Z\"\nmax = 0\n",
        with_scored("")
    );
    assert_eq!(codes(&src), [P::ZeroMax]);
}

#[test]
fn r006_thresholds_must_decrease() {
    let src = with_scored("").replace("fair = 70", "fair = 90");
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::Thresholds]
    );
    assert_eq!(spanned(&src, &p[0]), "90");
    let src = with_scored("").replace("average = 50", "average = 70");
    assert_eq!(codes(&src), [P::Thresholds]);
    let both = with_scored("")
        .replace("fair = 70", "fair = 95")
        .replace("average = 50", "average = 96");
    assert_eq!(codes(&both), [P::Thresholds, P::Thresholds]);
}

#[test]
fn r007_good_must_be_reachable() {
    let src = with_scored("").replace("max = 100", "max = 80");
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::GoodUnreachable]
    );
    assert!(p[0].message.en.contains("80"));
    // Exactly reachable is fine.
    rubric(&with_scored("").replace("max = 100", "max = 90"));
}

#[test]
fn r008_no_criteria() {
    assert_eq!(codes(HEAD), [P::NoCriteria]);
}

#[test]
fn r009_bands_or_caps_need_a_measure() {
    assert_eq!(
        codes(&with_scored("bands = [ { points = 1 } ]")),
        [P::BandsWithoutMeasure]
    );
    let caps = "caps = [ { measure = \"unexcused_absences\", min = 1, points = 1 } ]";
    assert_eq!(codes(&with_scored(caps)), [P::BandsWithoutMeasure]);
}

#[test]
fn r010_measure_needs_bands() {
    assert_eq!(
        codes(&with_scored("measure = \"attendance_rate\"")),
        [P::MeasureWithoutBands]
    );
    assert_eq!(
        codes(&with_scored("measure = \"attendance_rate\"\nbands = []")),
        [P::MeasureWithoutBands]
    );
}

#[test]
fn r011_points_within_max() {
    assert_eq!(
        codes(&with_bands("attendance_rate", "{ points = 41 }")),
        [P::PointsOverMax]
    );
    let src = with_bands("attendance_rate", "{ points = 40 }")
        + "caps = [ { measure = \"unexcused_absences\", min = 1, points = 50 } ]\n";
    assert_eq!(codes(&src), [P::PointsOverMax]);
}

#[test]
fn r012_empty_ranges() {
    let src = with_bands("attendance_rate", "{ min = 0.9, max = 0.5, points = 1 }");
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::EmptyRange]
    );
    assert_eq!(spanned(&src, &p[0]), "{ min = 0.9, max = 0.5, points = 1 }");
    assert_eq!(
        codes(&with_bands(
            "duration_minutes",
            "{ above = 90, max = 90, points = 1 }"
        )),
        [P::EmptyRange]
    );
    // A single point is not empty.
    rubric(&with_bands(
        "duration_minutes",
        "{ min = 90, max = 90, points = 1 }",
    ));
    let gate = "[[gates]]\nlevel = \"good\"\nmeasure = \"duration_minutes\"\nmin = 120\nmax = 90\n";
    assert_eq!(codes(&(with_scored("") + gate)), [P::EmptyRange]);
}

#[test]
fn r013_unreachable_bands() {
    // Shadowed: the catch-all comes first.
    let src = with_bands(
        "attendance_rate",
        "{ points = 5 }, { min = 0.9, points = 40 }",
    );
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::UnreachableBand]
    );
    assert_eq!(spanned(&src, &p[0]), "{ min = 0.9, points = 40 }");
    assert!(p[0].message.en.contains("band 2"));
    // Shadowed by the union of two earlier bands.
    let src = with_bands(
        "speakers_rate",
        "{ max = 0.5, points = 1 }, { min = 0.5, points = 2 }, { min = 0.2, max = 0.8, points = 3 }",
    );
    assert_eq!(codes(&src), [P::UnreachableBand]);
    // Ascending order: a lower `min` after a higher one is fine, the reverse is not.
    rubric(&with_bands(
        "attendance_rate",
        "{ min = 0.9, points = 40 }, { min = 0.5, points = 20 }",
    ));
    assert_eq!(
        codes(&with_bands(
            "attendance_rate",
            "{ min = 0.5, points = 20 }, { min = 0.9, points = 40 }"
        )),
        [P::UnreachableBand]
    );
    // Outside the measure's range: the percent slip gets a hint.
    let p = problems(&with_bands(
        "attendance_rate",
        "{ min = 85, points = 40 }, { points = 1 }",
    ));
    assert_eq!(p[0].code, P::UnreachableBand);
    assert!(p[0].hint.en.contains("0.85"), "{}", p[0].hint.en);
    // `above = 0.5` after `min = 0.5` is shadowed; `min = 0.5` after `above = 0.5` is not.
    assert_eq!(
        codes(&with_bands(
            "speakers_rate",
            "{ min = 0.5, points = 4 }, { above = 0.5, points = 5 }"
        )),
        [P::UnreachableBand]
    );
    rubric(&with_bands(
        "speakers_rate",
        "{ above = 0.5, points = 5 }, { min = 0.5, points = 4 }",
    ));
}

#[test]
fn r014_bad_bounds() {
    let src = with_bands("attendance_rate", "{ min = nan, points = 1 }");
    let p = problems(&src);
    assert_eq!(p.iter().map(|p| p.code).collect::<Vec<_>>(), [P::BadBound]);
    assert_eq!(spanned(&src, &p[0]), "nan");
    assert_eq!(
        codes(&with_bands(
            "attendance_rate",
            "{ min = 0.5, above = 0.5, points = 1 }"
        )),
        [P::BadBound]
    );
    assert_eq!(
        codes(&with_bands(
            "attendance_rate",
            "{ max = 0.5, below = 0.6, points = 1 }"
        )),
        [P::BadBound]
    );
}

#[test]
fn r015_unknown_measures_everywhere() {
    let src = with_bands("attendence_rate", "{ points = 1 }");
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::UnknownMeasure]
    );
    assert_eq!(spanned(&src, &p[0]), "\"attendence_rate\"");
    assert!(
        p[0].hint.en.starts_with("did you mean `attendance_rate`?"),
        "{}",
        p[0].hint
    );
    // A Vietnamese ledger reads the problem in Vietnamese.
    assert_eq!(p[0].message.vi, "không có chỉ số `attendence_rate`");
    assert!(
        p[0].hint.vi.starts_with("có phải `attendance_rate`?"),
        "{}",
        p[0].hint.vi
    );

    let cap = "caps = [ { measure = \"absences\", min = 1, points = 1 } ]\n";
    assert_eq!(
        codes(&(with_bands("attendance_rate", "{ points = 1 }") + cap)),
        [P::UnknownMeasure]
    );
    let gate = "[[gates]]\nlevel = \"good\"\nmeasure = \"minutes\"\nmin = 1\n";
    let p = problems(&(with_scored("") + gate));
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::UnknownMeasure]
    );
    assert!(
        p[0].hint.en.starts_with("known measures:"),
        "{}",
        p[0].hint.en
    );
}

#[test]
fn r016_unknown_levels_and_vietnamese_names() {
    let gate = "[[gates]]\nlevel = \"excellent\"\nfull_marks = [\"a\"]\n";
    assert_eq!(codes(&(with_scored("") + gate)), [P::UnknownLevel]);
    let year = "[year]\ndefault = \"meh\"\n[[year.rules]]\nlevel = \"good\"\n";
    assert_eq!(codes(&(with_scored("") + year)), [P::UnknownLevel]);
    // Vietnamese names are accepted in files too.
    let gate = "[[gates]]\nlevel = \"Tốt\"\nfull_marks = [\"a\"]\n";
    let r = rubric(&(with_scored("") + gate));
    assert_eq!(r.gates()[0].level, Level::Good);
}

#[test]
fn r017_gate_unknown_criterion() {
    let gate = "[[gates]]\nlevel = \"good\"\nfull_marks = [\"a\", \"b\"]\n";
    let src = with_scored("") + gate;
    let p = problems(&src);
    assert_eq!(
        p.iter().map(|p| p.code).collect::<Vec<_>>(),
        [P::GateUnknownCriterion]
    );
    assert_eq!(spanned(&src, &p[0]), "\"b\"");
    assert!(
        p[0].hint.en.contains("known criteria: a"),
        "{}",
        p[0].hint.en
    );
}

#[test]
fn r018_gate_form() {
    let both = "[[gates]]\nlevel = \"good\"\nfull_marks = [\"a\"]\nmeasure = \"duration_minutes\"\nmin = 90\n";
    assert_eq!(codes(&(with_scored("") + both)), [P::GateForm]);
    let neither = "[[gates]]\nlevel = \"good\"\n";
    let src = with_scored("") + neither;
    let p = problems(&src);
    assert_eq!(p.iter().map(|p| p.code).collect::<Vec<_>>(), [P::GateForm]);
    assert_eq!(spanned(&src, &p[0]), "[[gates]]");
    let stray = "[[gates]]\nlevel = \"good\"\nfull_marks = [\"a\"]\nmax = 0\n";
    assert_eq!(codes(&(with_scored("") + stray)), [P::GateForm]);
}

#[test]
fn r019_gate_that_checks_nothing() {
    let empty = "[[gates]]\nlevel = \"good\"\nfull_marks = []\n";
    assert_eq!(codes(&(with_scored("") + empty)), [P::GateIncomplete]);
    let unbounded = "[[gates]]\nlevel = \"good\"\nmeasure = \"unexcused_absences\"\n";
    assert_eq!(codes(&(with_scored("") + unbounded)), [P::GateIncomplete]);
}

#[test]
fn r020_gate_for_poor() {
    let gate = "[[gates]]\nlevel = \"poor\"\nfull_marks = [\"a\"]\n";
    assert_eq!(codes(&(with_scored("") + gate)), [P::GatePoor]);
}

#[test]
fn r021_year_without_rules() {
    assert_eq!(
        codes(&(with_scored("") + "[year]\ndefault = \"poor\"\n")),
        [P::YearNoRules]
    );
}

#[test]
fn r022_year_month_count() {
    for count in [0, 13] {
        let year = format!(
            "[year]\n[[year.rules]]\nlevel = \"good\"\nmin_months = {{ level = \"good\", count = {count} }}\n"
        );
        assert_eq!(
            codes(&(with_scored("") + &year)),
            [P::YearCount],
            "count {count}"
        );
    }
}

#[test]
fn every_problem_is_reported_in_source_order() {
    let src = "schema = 3\nid = \"Bad Id\"\nname = \"X\"\n[levels]\ngood = 200\nfair = 70\naverage = 80\n\
               [[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = 0\nbands = [ { points = 1 } ]\n\
               [[gates]]\nlevel = \"poor\"\nfull_marks = [\"nope\"]\n";
    let p = problems(src);
    let got: Vec<_> = p.iter().map(|p| p.code).collect();
    assert_eq!(
        got,
        [
            P::Schema,
            P::BadId,
            P::GoodUnreachable,
            P::Thresholds,
            P::ZeroMax,
            P::BandsWithoutMeasure,
            P::GatePoor,
            P::GateUnknownCriterion,
        ]
    );
    assert!(p.iter().all(|p| p.span.is_some() && !p.hint.is_empty()));
}

#[test]
fn a_measure_gate_parses_with_exclusive_bounds() {
    let gate = "[[gates]]\nlevel = \"fair\"\nmeasure = \"attendance_rate\"\nabove = 0.5\n";
    let r = rubric(&(with_scored("") + gate));
    let GateCondition::Measure { bounds, .. } = &r.gates()[0].condition else {
        panic!("expected a measure gate");
    };
    assert!(!bounds.contains(0.5) && bounds.contains(0.51));
}

#[test]
fn codes_are_unique_and_documented() {
    let docs = include_str!("../../../../docs/rubrics.md");
    let mut seen = std::collections::HashSet::new();
    for code in P::ALL {
        assert!(seen.insert(code.as_str()), "duplicate {}", code.as_str());
        assert!(
            docs.contains(&format!("`{}`", code.as_str())),
            "{} not documented",
            code.as_str()
        );
    }
}

#[test]
fn every_problem_is_written_in_both_languages() {
    let broken = [
        with_bands("attendence_rate", "{ points = 1 }"),
        with_scored("").replace("max = ", "max = 0 #"),
        "schema = 2\n".to_owned(),
    ];
    let mut seen = 0;
    for src in broken {
        for p in problems(&src) {
            seen += 1;
            let words = [&p.message.vi, &p.message.en, &p.hint.vi, &p.hint.en];
            assert!(words.iter().all(|w| !w.is_empty()), "{p:?}");
            if p.code != P::Toml {
                assert_ne!(p.message.vi, p.message.en, "{p:?}");
            }
        }
    }
    assert!(seen >= 3, "the broken rubrics should have problems");
}
