//! The year's level from the levels of its months (`[year]` in a rubric).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Rubric, YearRule};
use crate::core::level::Level;

/// One month's level: the lowest level among its rated regular meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthLevel {
    pub month: u32,
    pub level: Level,
}

/// A year's classification and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearClass {
    pub level: Level,
    /// The index (in file order) of the rule that gave the level; `None` for the default.
    pub rule: Option<usize>,
    /// The months that counted, in month order.
    pub months: Vec<MonthLevel>,
}

/// Group meeting levels by month, keeping each month's lowest: a month with one good and one
/// poor meeting did not meet the standard, and a second meeting must not hide the first.
pub fn month_levels(meetings: &[(u32, Level)]) -> Vec<MonthLevel> {
    let mut by_month: BTreeMap<u32, Level> = BTreeMap::new();
    for &(month, level) in meetings {
        by_month
            .entry(month)
            .and_modify(|l| *l = (*l).min(level))
            .or_insert(level);
    }
    by_month
        .into_iter()
        .map(|(month, level)| MonthLevel { month, level })
        .collect()
}

/// Classify a year from the levels of its rated regular meetings (`(month, level)`, several
/// per month allowed). `None` when the rubric has no `[year]` section.
///
/// Rules are tried best level first (file order among equals); the first whose conditions all
/// hold gives the level. Months without a rated meeting are not counted either way; a year
/// with no rated month gets the default.
pub fn classify_year(rubric: &Rubric, meetings: &[(u32, Level)]) -> Option<YearClass> {
    classify_year_from(rubric, meetings, 1)
}

/// [`classify_year`] for a ledger that began in month `first` (1–12) of the year: the months
/// before it did not exist for the cell, so a rule's `min_months` count shrinks in proportion
/// to the months it had (rounded up): 7 of 12 becomes 4 of 6 for a ledger begun in July.
pub fn classify_year_from(
    rubric: &Rubric,
    meetings: &[(u32, Level)],
    first: u32,
) -> Option<YearClass> {
    let year = rubric.year()?;
    let open = 13 - first.clamp(1, 12);
    let months = month_levels(meetings);
    let mut order: Vec<(usize, &YearRule)> = year.rules.iter().enumerate().collect();
    order.sort_by_key(|&(_, rule)| std::cmp::Reverse(rule.level));
    let found = order
        .into_iter()
        .find(|&(_, rule)| !months.is_empty() && holds(rule, &months, open));
    Some(YearClass {
        level: found.map_or(year.default, |(_, rule)| rule.level),
        rule: found.map(|(index, _)| index),
        months,
    })
}

/// Whether `rule` holds over `months`, for a year of which the cell had `open` months.
fn holds(rule: &YearRule, months: &[MonthLevel], open: u32) -> bool {
    let every = rule
        .every_month_at_least
        .is_none_or(|floor| months.iter().all(|m| m.level >= floor));
    let enough = rule.min_months.is_none_or(|need| {
        let count = months.iter().filter(|m| m.level >= need.level).count();
        u32::try_from(count).unwrap_or(u32::MAX) >= (need.count * open).div_ceil(12)
    });
    every && enough
}

impl YearRule {
    /// The rule in words, for reports ("every month at least Khá; at least 7 months Tốt").
    pub fn describe(&self, vi: bool) -> String {
        let label = |l: Level| if vi { l.label_vi() } else { l.label_en() };
        let mut parts = Vec::new();
        if let Some(floor) = self.every_month_at_least {
            parts.push(if vi {
                format!("mọi tháng đạt {} trở lên", label(floor))
            } else {
                format!("every month {} or better", label(floor))
            });
        }
        if let Some(need) = self.min_months {
            parts.push(if vi {
                format!(
                    "ít nhất {} tháng đạt {} trở lên",
                    need.count,
                    label(need.level)
                )
            } else {
                format!(
                    "at least {} months {} or better",
                    need.count,
                    label(need.level)
                )
            });
        }
        if parts.is_empty() {
            parts.push(
                (if vi {
                    "có tháng được đánh giá"
                } else {
                    "any rated month"
                })
                .to_owned(),
            );
        }
        format!("{}: {}", label(self.level), parts.join("; "))
    }
}
