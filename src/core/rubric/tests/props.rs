//! Property tests: doing better never rates a meeting worse, and band coverage is exact.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::rubric;
use crate::core::rubric::{
    Bound, Bounds, GateCondition, Measure, Measures, Rubric, builtin, score, scored_criteria,
};

use Measure::*;

/// Measures where a higher value is a better meeting.
const HIGHER_IS_BETTER: [Measure; 11] = [
    AttendanceRate,
    DurationMinutes,
    SpeakersRate,
    DocsLeadDays,
    CommitteeMet,
    DraftResolution,
    MinutesRecorded,
    ResolutionPassed,
    PreviousActionsDoneRate,
    DurationRatio,
    NoticeSent,
];
/// Measures where a lower value is a better meeting.
const LOWER_IS_BETTER: [Measure; 4] = [
    UnexcusedAbsences,
    MaxExcusedStreak,
    DurationShortMinutes,
    PostedAfterDays,
];
/// Facts about the meeting's setting rather than its quality: they decide whether a
/// criterion applies (`applies_when`), not how well the meeting did.
const CONDITIONS: [Measure; 2] = [ThematicMonth, LeadershipSize];

/// Map `u` in 0..=1 onto a realistic value of `m`, monotonically.
fn scale(m: Measure, u: f64) -> f64 {
    match m {
        AttendanceRate | SpeakersRate | PreviousActionsDoneRate => u,
        CommitteeMet | DraftResolution | MinutesRecorded | ResolutionPassed => u.round(),
        UnexcusedAbsences | MaxExcusedStreak => (u * 6.0).floor(),
        DurationMinutes => u * 200.0,
        DocsLeadDays => (u * 12.0).floor() - 2.0,
        DurationShortMinutes => u * 120.0,
        DurationRatio => u * 2.0,
        ThematicMonth => u.round(),
        LeadershipSize => (u * 5.0).floor(),
        NoticeSent => u.round(),
        PostedAfterDays => (u * 6.0).floor(),
    }
}

fn builtins() -> Vec<Rubric> {
    builtin().into_iter().map(|(_, src)| rubric(src)).collect()
}

/// Measures from `(present, u)` pairs, one per `Measure::ALL`.
fn measures_from(raw: &[(bool, f64)]) -> Measures {
    Measure::ALL
        .iter()
        .zip(raw)
        .filter(|(_, (present, _))| *present)
        .map(|(&m, &(_, u))| (m, scale(m, u)))
        .collect()
}

/// The raters' scores for whatever the meeting needs scored, from fractions of each max.
fn scores_from(r: &Rubric, m: &Measures, fractions: &[f64]) -> BTreeMap<String, u32> {
    scored_criteria(r, m)
        .into_iter()
        .zip(fractions.iter().cycle())
        .map(|(c, f)| (c.id.clone(), (f * f64::from(c.max)).round() as u32))
        .collect()
}

/// The premise of the measure property: in the built-ins, every band, cap and gate on a
/// higher-is-better measure rewards higher values, and the reverse for lower-is-better ones.
#[test]
fn builtin_bands_caps_and_gates_are_monotonic() {
    for r in builtins() {
        for c in r.criteria() {
            let Some(measured) = &c.measured else {
                continue;
            };
            let m = measured.measure;
            let higher = HIGHER_IS_BETTER.contains(&m);
            assert!(higher || LOWER_IS_BETTER.contains(&m));
            let points: Vec<u32> = (0..=1000)
                .map(|i| measured.band_points(scale(m, f64::from(i) / 1000.0)))
                .collect();
            let ok = points
                .windows(2)
                .all(|w| if higher { w[0] <= w[1] } else { w[0] >= w[1] });
            assert!(ok, "{} / {}: bands not monotonic", r.id(), c.id);
            // A cap holds the points down at the bad end of its measure.
            for cap in &measured.caps {
                if LOWER_IS_BETTER.contains(&cap.measure) {
                    assert!(cap.bounds.upper.is_none(), "{} / {}", r.id(), c.id);
                } else {
                    assert!(HIGHER_IS_BETTER.contains(&cap.measure));
                    assert!(cap.bounds.lower.is_none(), "{} / {}", r.id(), c.id);
                }
            }
        }
        for g in r.gates() {
            if let GateCondition::Measure { measure, bounds } = &g.condition {
                if HIGHER_IS_BETTER.contains(measure) {
                    assert!(bounds.upper.is_none());
                } else {
                    assert!(bounds.lower.is_none());
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn raising_a_scored_criterion_never_lowers_the_level(
        which in 0usize..3,
        raw in prop::collection::vec((any::<bool>(), 0.0f64..=1.0), Measure::ALL.len()),
        fractions in prop::collection::vec(0.0f64..=1.0, 16),
        pick in any::<prop::sample::Index>(),
        raise in 0.0f64..=1.0,
    ) {
        let r = &builtins()[which];
        let m = measures_from(&raw);
        let before = scores_from(r, &m, &fractions);
        let scored = scored_criteria(r, &m);
        let c = scored[pick.index(scored.len())];
        let mut after = before.clone();
        let old = before.get(&c.id).copied().unwrap_or(0);
        let new = old + ((f64::from(c.max - old)) * raise).round() as u32;
        after.insert(c.id.clone(), new);

        let a = score(r, &m, &before).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let b = score(r, &m, &after).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert!(b.total >= a.total);
        prop_assert!(b.level >= a.level, "{}: {} {old}→{new} lowered {:?} to {:?}", r.id(), c.id, a.level, b.level);
    }

    #[test]
    fn a_better_measure_never_lowers_the_level(
        which in 0usize..3,
        raw in prop::collection::vec(0.0f64..=1.0, Measure::ALL.len()),
        fractions in prop::collection::vec(0.0f64..=1.0, 16),
        pick in 0usize..Measure::ALL.len(),
        better in 0.0f64..=1.0,
    ) {
        let r = &builtins()[which];
        let all: Vec<(bool, f64)> = raw.iter().map(|&u| (true, u)).collect();
        let m = measures_from(&all);
        let rated = scores_from(r, &m, &fractions);
        let measure = Measure::ALL[pick];
        prop_assume!(!CONDITIONS.contains(&measure));
        let u = raw[pick];
        // Move u towards the better end of the measure.
        let u2 = if HIGHER_IS_BETTER.contains(&measure) { u + (1.0 - u) * better } else { u * (1.0 - better) };
        let mut m2 = m.clone();
        m2.insert(measure, scale(measure, u2));

        let a = score(r, &m, &rated).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let b = score(r, &m2, &rated).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert!(b.total >= a.total, "{}: {measure} {} → {}", r.id(), m[&measure], m2[&measure]);
        prop_assert!(b.level >= a.level, "{}: {measure} {} → {} lowered {:?} to {:?}", r.id(), m[&measure], m2[&measure], a.level, b.level);
    }

    /// `is_covered_by` agrees with checking every point that could tell the answer apart:
    /// with integer ends in 0..=6, the half-integers from -1 to 7 are enough.
    #[test]
    fn band_coverage_is_exact(
        target in bounds_strategy(),
        others in prop::collection::vec(bounds_strategy(), 0..4),
    ) {
        let probes: Vec<f64> = (-2..=14).map(|i| f64::from(i) / 2.0).collect();
        let brute = probes
            .iter()
            .filter(|&&v| target.contains(v))
            .all(|&v| others.iter().any(|o| o.contains(v)));
        prop_assert_eq!(target.is_covered_by(&others), brute);
    }
}

fn bound_strategy() -> impl Strategy<Value = Option<Bound>> {
    prop::option::of((0i32..=6, any::<bool>()).prop_map(|(v, inclusive)| Bound {
        value: f64::from(v),
        inclusive,
    }))
}

fn bounds_strategy() -> impl Strategy<Value = Bounds> {
    (bound_strategy(), bound_strategy()).prop_map(|(lower, upper)| Bounds { lower, upper })
}
