//! The built-in rubrics and the example in docs/rubrics.md.

use super::{measures, rubric, scores};
use crate::core::level::Level;
use crate::core::rubric::{Measure, Rubric, builtin, find_builtin, score};

use Measure::*;

fn get(id: &str) -> Rubric {
    rubric(find_builtin(id).unwrap_or_else(|| panic!("no built-in {id}")))
}

#[test]
fn every_builtin_passes_the_validator() {
    let all = builtin();
    assert_eq!(
        all.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        ["phu-tho-2019", "binh-thuan-2019", "hd42-2025"]
    );
    for (id, src) in all {
        let r = rubric(src);
        assert_eq!(r.id(), id, "the key matches the file's id");
        assert_eq!(r.max_total(), 100, "{id}");
        let l = r.levels();
        assert_eq!((l.good, l.fair, l.average), (90, 70, 50), "{id}");
        assert!(r.year().is_some(), "{id}");
        assert!(r.description().is_some(), "{id}");
    }
    assert_eq!(find_builtin("nope"), None);
}

#[test]
fn the_docs_example_is_valid() {
    let docs = include_str!("../../../../docs/rubrics.md");
    let start = docs
        .find("```toml\n")
        .map(|i| i + "```toml\n".len())
        .unwrap_or(0);
    let example = docs[start..].split("```").next().unwrap_or("");
    let r = rubric(example);
    assert_eq!(r.id(), "phu-tho-2019-example");
    assert!(r.gates().len() >= 2 && r.year().is_some());
}

#[test]
fn phu_tho_weights_and_attendance_bands() {
    let r = get("phu-tho-2019");
    let maxima: Vec<_> = r
        .criteria()
        .iter()
        .map(|c| (c.id.as_str(), c.max))
        .collect();
    assert_eq!(
        maxima,
        [
            ("preparation", 15),
            ("attendance", 20),
            ("conduct", 45),
            ("closing", 20)
        ]
    );
    let band = |rate: f64| {
        let sheet = score(
            &r,
            &measures(&[(AttendanceRate, rate)]),
            &scores(&[("preparation", 15), ("conduct", 45), ("closing", 20)]),
        );
        sheet.map_or(u32::MAX, |s| s.criteria[1].points)
    };
    assert_eq!(
        [
            band(1.0),
            band(0.95),
            band(0.9),
            band(0.85),
            band(0.7),
            band(0.5)
        ],
        [20, 20, 15, 10, 10, 5]
    );
    // 17 of 20 present is exactly 85%: not "more than 85%".
    assert_eq!(band(17.0 / 20.0), 10);
}

#[test]
fn binh_thuan_good_is_gated() {
    let r = get("binh-thuan-2019");
    let full = measures(&[
        (AttendanceRate, 0.9),
        (DurationMinutes, 95.0),
        (SpeakersRate, 0.6),
        (MinutesRecorded, 1.0),
        (UnexcusedAbsences, 0.0),
    ]);
    let rated = scores(&[
        ("preparation", 15),
        ("content", 25),
        ("criticism", 10),
        ("closing", 15),
    ]);
    let sheet = score(&r, &full, &rated).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((sheet.total, sheet.level), (100, Level::Good));

    // Ninety-odd points but only 80 minutes: fair.
    let mut short = full.clone();
    short.insert(DurationMinutes, 80.0);
    let sheet = score(&r, &short, &rated).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((sheet.total, sheet.level), (95, Level::Fair));
    assert_eq!(
        sheet.gates_applied[0].reason,
        "duration needs full marks (5 of 10)"
    );

    // An unexcused absence: fair too.
    let mut absent = full.clone();
    absent.insert(UnexcusedAbsences, 1.0);
    let sheet = score(&r, &absent, &rated).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((sheet.total, sheet.level), (100, Level::Fair));
}
