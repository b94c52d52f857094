//! From points and facts to the highest level the rules allow, and the limits across a cell.

use std::collections::BTreeMap;

use crate::core::lang::Lang;
use crate::core::review::level::ReviewLevel;
use crate::core::review::problem::ReviewProblem;
use crate::core::review::scheme::{Condition, Fact, Limits, Subject};

/// The facts of a period the conditions test. A percentage not recorded meets no condition;
/// `disciplined` not recorded counts as not disciplined (nobody is, unless the file says so).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub tasks_done: Option<u32>,
    pub tasks_on_time: Option<u32>,
    pub tasks_exceeded: Option<u32>,
    pub disciplined: Option<bool>,
}

impl Facts {
    fn percent(&self, fact: Fact) -> Option<u32> {
        match fact {
            Fact::TasksDone => self.tasks_done,
            Fact::TasksOnTime => self.tasks_on_time,
            Fact::TasksExceeded => self.tasks_exceeded,
            Fact::Disciplined => None,
        }
    }

    /// Whether the facts meet a condition.
    pub fn meets(&self, c: &Condition) -> bool {
        if c.fact.is_flag() {
            let value = self.disciplined.unwrap_or(false);
            return c.is.is_none_or(|is| is == value);
        }
        match self.percent(c.fact) {
            Some(v) => c.min.is_none_or(|min| v >= min) && c.max.is_none_or(|max| v <= max),
            None => false,
        }
    }
}

/// Why a level above the allowed one was not reached.
#[derive(Debug, Clone, PartialEq)]
pub enum Shortfall {
    /// Too few points.
    Points { level: ReviewLevel, need: u32 },
    /// A condition not met; `have` is the recorded value (a percentage, or 1/0 for yes/no).
    Condition {
        level: ReviewLevel,
        condition: Condition,
        have: Option<u32>,
    },
}

impl Shortfall {
    pub fn level(&self) -> ReviewLevel {
        match self {
            Shortfall::Points { level, .. } | Shortfall::Condition { level, .. } => *level,
        }
    }

    pub fn message(&self, points: u32, lang: Lang) -> String {
        match self {
            Shortfall::Points { level, need } => format!(
                "{} {} {need} {}, {} {points}",
                level.label(lang),
                lang.pick("cần từ", "needs at least"),
                lang.pick("điểm", "points"),
                lang.pick("mới có", "has"),
            ),
            Shortfall::Condition {
                level,
                condition,
                have,
            } => {
                let need = condition_text(condition, lang);
                let recorded = lang.pick("ghi nhận:", "recorded:");
                let have = match (condition.fact.is_flag(), have) {
                    (true, Some(1)) => format!("{recorded} {}", lang.pick("có", "yes")),
                    (true, _) => format!("{recorded} {}", lang.pick("không", "no")),
                    (false, Some(v)) => format!("{recorded} {v}%"),
                    (false, None) => lang.pick("chưa ghi", "not recorded").to_owned(),
                };
                format!(
                    "{} {} {need} ({have})",
                    level.label(lang),
                    lang.pick("cần", "needs"),
                )
            }
        }
    }
}

/// A condition in words: "tasks done on time ≥ 100%", "not disciplined in the period".
pub fn condition_text(c: &Condition, lang: Lang) -> String {
    if c.fact.is_flag() {
        return match c.is {
            Some(false) => format!("{} {}", lang.pick("không", "not"), c.fact.label(lang)),
            _ => c.fact.label(lang).to_owned(),
        };
    }
    let mut parts = Vec::new();
    if let Some(min) = c.min {
        parts.push(format!("≥ {min}%"));
    }
    if let Some(max) = c.max {
        parts.push(format!("≤ {max}%"));
    }
    format!("{} {}", c.fact.label(lang), parts.join(" "))
}

/// The highest level the rules allow, with why each better level was not reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Allowed {
    pub points: u32,
    pub level: ReviewLevel,
    /// For each level above `level`, what it lacked (best level first).
    pub shortfalls: Vec<Shortfall>,
}

impl Allowed {
    /// The reasons a level above the allowed one is refused: those of `level` itself.
    pub fn reasons_against(&self, level: ReviewLevel) -> Vec<&Shortfall> {
        self.shortfalls
            .iter()
            .filter(|s| s.level() == level)
            .collect()
    }
}

/// The highest level the subject's rules allow for `points` and `facts`: the first level (best
/// first) whose minimum the points reach and whose every condition the facts meet.
pub fn allowed(subject: &Subject, points: u32, facts: &Facts) -> Allowed {
    let mut shortfalls = Vec::new();
    for rule in &subject.levels {
        let mut lacks = Vec::new();
        if points < rule.min {
            lacks.push(Shortfall::Points {
                level: rule.level,
                need: rule.min,
            });
        }
        for c in rule.conditions.iter().filter(|c| !facts.meets(c)) {
            let have = if c.fact.is_flag() {
                Some(u32::from(facts.disciplined.unwrap_or(false)))
            } else {
                facts.percent(c.fact)
            };
            lacks.push(Shortfall::Condition {
                level: rule.level,
                condition: c.clone(),
                have,
            });
        }
        if lacks.is_empty() {
            return Allowed {
                points,
                level: rule.level,
                shortfalls,
            };
        }
        shortfalls.extend(lacks);
    }
    Allowed {
        points,
        level: ReviewLevel::Incomplete,
        shortfalls,
    }
}

/// The total of the groups' points, refusing a group the scheme does not have or points over
/// a group's maximum.
pub fn total(subject: &Subject, scores: &BTreeMap<String, u32>) -> Result<u32, ReviewProblem> {
    let mut sum = 0u32;
    for (id, &points) in scores {
        let Some(group) = subject.groups.iter().find(|g| &g.id == id) else {
            return Err(ReviewProblem::UnknownGroup {
                group: id.clone(),
                known: subject.groups.iter().map(|g| g.id.clone()).collect(),
            });
        };
        if points > group.max {
            return Err(ReviewProblem::OverMax {
                group: id.clone(),
                points,
                max: group.max,
            });
        }
        sum += points;
    }
    Ok(sum)
}

/// The most points the subject's groups give.
pub fn max_points(subject: &Subject) -> u32 {
    subject.groups.iter().map(|g| g.max.min(1000)).sum()
}

/// The most members that may be rated excellent when `good` are rated good; `None` when the
/// scheme sets no limit. Rounded down: 20% of 9 is 1.
pub fn excellent_cap(limits: &Limits, good: usize) -> Option<usize> {
    limits
        .excellent_share_of_good
        .map(|pct| good.saturating_mul(pct as usize) / 100)
}

/// The limit on excellent ratings broken by these levels (one per classified member), as
/// `(excellent, good, cap)`.
pub fn excellent_over_limit(
    limits: &Limits,
    levels: &[ReviewLevel],
) -> Option<(usize, usize, usize)> {
    let excellent = levels
        .iter()
        .filter(|l| **l == ReviewLevel::Excellent)
        .count();
    let good = levels.iter().filter(|l| **l == ReviewLevel::Good).count();
    let cap = excellent_cap(limits, good)?;
    (excellent > cap).then_some((excellent, good, cap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::scheme::Scheme;
    use proptest::prelude::*;

    fn scheme() -> Scheme {
        Scheme::parse(crate::core::review::builtin::builtin()[0].1).expect("built in")
    }

    fn all_met() -> Facts {
        Facts {
            tasks_done: Some(100),
            tasks_on_time: Some(100),
            tasks_exceeded: Some(30),
            disciplined: Some(false),
        }
    }

    #[test]
    fn band_edges_with_every_condition_met() {
        let s = scheme();
        for (points, level) in [
            (100, ReviewLevel::Excellent),
            (90, ReviewLevel::Excellent),
            (89, ReviewLevel::Good),
            (70, ReviewLevel::Good),
            (69, ReviewLevel::Complete),
            (50, ReviewLevel::Complete),
            (49, ReviewLevel::Incomplete),
            (0, ReviewLevel::Incomplete),
        ] {
            assert_eq!(
                allowed(&s.member, points, &all_met()).level,
                level,
                "{points}"
            );
        }
    }

    #[test]
    fn each_condition_caps_the_level() {
        let s = scheme();
        let few_exceeded = Facts {
            tasks_exceeded: Some(29),
            ..all_met()
        };
        assert_eq!(
            allowed(&s.member, 95, &few_exceeded).level,
            ReviewLevel::Good
        );
        let late = Facts {
            tasks_on_time: Some(90),
            ..all_met()
        };
        assert_eq!(allowed(&s.member, 95, &late).level, ReviewLevel::Complete);
        let very_late = Facts {
            tasks_on_time: Some(79),
            ..all_met()
        };
        assert_eq!(
            allowed(&s.member, 95, &very_late).level,
            ReviewLevel::Incomplete
        );
        let disciplined = Facts {
            disciplined: Some(true),
            ..all_met()
        };
        assert_eq!(
            allowed(&s.member, 95, &disciplined).level,
            ReviewLevel::Incomplete
        );
        let unknown = Facts::default();
        let a = allowed(&s.member, 95, &unknown);
        assert_eq!(a.level, ReviewLevel::Incomplete);
        assert!(
            a.reasons_against(ReviewLevel::Excellent)
                .iter()
                .any(|r| r.message(95, Lang::En).contains("not recorded"))
        );
    }

    #[test]
    fn scores_are_held_to_their_groups() {
        let s = scheme();
        let mut scores = BTreeMap::from([("general".to_owned(), 28), ("tasks".to_owned(), 65)]);
        assert_eq!(total(&s.member, &scores), Ok(93));
        scores.insert("tasks".into(), 71);
        assert!(matches!(
            total(&s.member, &scores),
            Err(ReviewProblem::OverMax { max: 70, .. })
        ));
        scores.insert("nope".into(), 1);
        assert!(matches!(
            total(&s.member, &scores),
            Err(ReviewProblem::UnknownGroup { .. })
        ));
    }

    #[test]
    fn the_excellent_limit_rounds_down() {
        let limits = scheme().limits;
        use ReviewLevel::*;
        assert_eq!(excellent_cap(&limits, 9), Some(1));
        assert_eq!(
            excellent_over_limit(&limits, &[Excellent, Good, Good, Good, Good, Good]),
            None
        );
        assert_eq!(
            excellent_over_limit(
                &limits,
                &[Excellent, Excellent, Good, Good, Good, Good, Good]
            ),
            Some((2, 5, 1))
        );
        assert_eq!(excellent_over_limit(&Limits::default(), &[Excellent]), None);
    }

    proptest! {
        /// More points, or better facts, never give a lower level.
        #[test]
        fn the_level_is_monotonic(points in 0u32..=100, more in 0u32..=20, done in 0u32..=100, on_time in 0u32..=100, exceeded in 0u32..=100, disciplined: bool) {
            let s = scheme();
            let facts = Facts { tasks_done: Some(done), tasks_on_time: Some(on_time), tasks_exceeded: Some(exceeded), disciplined: Some(disciplined) };
            let a = allowed(&s.member, points, &facts).level;
            prop_assert!(allowed(&s.member, points + more, &facts).level >= a);
            let better = Facts { tasks_on_time: Some((on_time + more).min(100)), tasks_exceeded: Some((exceeded + more).min(100)), ..facts };
            prop_assert!(allowed(&s.member, points, &better).level >= a);
            let clean = Facts { disciplined: Some(false), ..facts };
            prop_assert!(allowed(&s.member, points, &clean).level >= a);
        }

        /// The level's minimum is always reached, and every level above it has a reason.
        #[test]
        fn the_allowed_level_is_explained(points in 0u32..=100, done in proptest::option::of(0u32..=100), on_time in proptest::option::of(0u32..=100)) {
            let s = scheme();
            let facts = Facts { tasks_done: done, tasks_on_time: on_time, tasks_exceeded: Some(50), disciplined: None };
            let a = allowed(&s.member, points, &facts);
            let rule = s.member.levels.iter().find(|l| l.level == a.level).expect("a level");
            prop_assert!(points >= rule.min);
            for l in ReviewLevel::ALL.iter().filter(|l| **l > a.level) {
                prop_assert!(!a.reasons_against(*l).is_empty());
            }
        }
    }
}
