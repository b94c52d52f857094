//! The cadence a body keeps (`[meetings] regular_per_month`, `thematic_per_quarter`): which
//! months and quarters fell short. Pure; the report and `check` both ask it.

use chrono::NaiveDate;

use crate::core::model::{Kind, Meeting, MeetingRules};
use crate::core::period::Period;

/// A month or quarter that ended with fewer held meetings of a kind than the rules ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub period: Period,
    pub kind: Kind,
    pub have: u32,
    pub need: u32,
}

/// The shortfalls among `months` (regular meetings) and `quarters` (thematic ones), given the
/// dates and kinds of the held meetings. A period still running on `today` may yet catch up,
/// so only ended ones count.
pub fn shortfalls(
    held: &[(NaiveDate, Kind)],
    rules: &MeetingRules,
    months: &[(i32, u32)],
    quarters: &[Period],
    today: NaiveDate,
) -> Vec<Shortfall> {
    let count = |p: Period, kind: Kind| {
        held.iter()
            .filter(|(d, k)| *k == kind && p.contains(*d))
            .count() as u32
    };
    let wanted = months
        .iter()
        .filter_map(|&(y, m)| Period::month(y, m))
        .map(|p| (p, Kind::Regular, rules.regular_per_month))
        .chain(
            quarters
                .iter()
                .map(|&q| (q, Kind::Thematic, rules.thematic_per_quarter)),
        );
    wanted
        .filter(|(p, _, _)| p.end() < today)
        .filter_map(|(period, kind, need)| {
            let have = count(period, kind);
            (have < need).then_some(Shortfall {
                period,
                kind,
                have,
                need,
            })
        })
        .collect()
}

/// Whether `this` shares its sitting with another meeting: a regular and a thematic meeting
/// recorded on the same date are one sitting (the files do not say more; cellbook's choice).
pub fn shares_sitting<'a>(this: &Meeting, others: impl IntoIterator<Item = &'a Meeting>) -> bool {
    others
        .into_iter()
        .any(|o| o.date == this.date && o.kind != this.kind && o.record.is_some())
}

/// The shortest a meeting may last: `min_minutes`, raised to `min_minutes_combined` when a
/// regular and a thematic meeting share the sitting, and to `min_minutes_large` in a cell of
/// `large_cell` members or more on the roll (Hướng dẫn 42-HD/BTCTW; the 2025 ward form).
pub fn required_minutes(rules: &MeetingRules, roll: usize, shares_sitting: bool) -> u32 {
    let mut need = rules.min_minutes;
    if shares_sitting {
        need = need.max(rules.min_minutes_combined);
    }
    if u32::try_from(roll).unwrap_or(u32::MAX) >= rules.large_cell {
        need = need.max(rules.min_minutes_large);
    }
    need
}

/// The date an interactive `plan` offers for the next regular meeting: in the first month from
/// today's on that has no regular meeting yet (held or planned, in `regular`), on the usual day
/// (`[meetings] day`, else the day of the month of the last regular meeting up to today; a month
/// without that day takes its last day), and never before today. Today when there is no usual day.
pub fn suggest_regular_date(
    today: NaiveDate,
    usual_day: Option<u32>,
    regular: &[NaiveDate],
) -> NaiveDate {
    use chrono::Datelike;
    let inferred = regular
        .iter()
        .filter(|d| **d <= today)
        .max()
        .map(|d| d.day());
    let Some(day) = usual_day.or(inferred).filter(|d| (1..=31).contains(d)) else {
        return today;
    };
    let (mut year, mut month) = (today.year(), today.month());
    for _ in 0..24 {
        let taken = regular
            .iter()
            .any(|d| d.year() == year && d.month() == month);
        if !taken {
            let last = crate::core::period::last_day_of_month(year, month);
            let date = NaiveDate::from_ymd_opt(year, month, day.min(last.day())).unwrap_or(last);
            return date.max(today);
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    today
}

#[cfg(test)]
mod suggest_tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_usual_day_of_the_first_month_without_a_regular_meeting() {
        let today = d("2020-07-20");
        // This month's meeting held on the 9th: next month's 9th.
        assert_eq!(
            suggest_regular_date(today, None, &[d("2020-07-09")]),
            d("2020-08-09")
        );
        // The setting wins over the last meeting's day; a planned August meeting moves it on.
        assert_eq!(
            suggest_regular_date(today, Some(10), &[d("2020-07-09"), d("2020-08-12")]),
            d("2020-09-10")
        );
        // This month has none and its day has passed: today.
        assert_eq!(
            suggest_regular_date(today, Some(10), &[d("2020-06-10")]),
            today
        );
        // This month has none and its day is to come.
        assert_eq!(suggest_regular_date(today, Some(28), &[]), d("2020-07-28"));
        // The 31st in a month of 30 days; December into January.
        assert_eq!(
            suggest_regular_date(d("2020-09-05"), Some(31), &[d("2020-09-01")]),
            d("2020-10-31")
        );
        assert_eq!(
            suggest_regular_date(
                d("2020-11-02"),
                Some(31),
                &[d("2020-11-01"), d("2020-12-31")]
            ),
            d("2021-01-31")
        );
        assert_eq!(
            suggest_regular_date(d("2021-01-20"), Some(30), &[d("2021-01-05")]),
            d("2021-02-28")
        );
        // No usual day at all: today.
        assert_eq!(suggest_regular_date(today, None, &[]), today);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn required_minutes_by_sitting_and_size() {
        let rules = MeetingRules::default();
        assert_eq!(required_minutes(&rules, 10, false), 90);
        assert_eq!(required_minutes(&rules, 10, true), 120);
        assert_eq!(required_minutes(&rules, 29, false), 90);
        assert_eq!(required_minutes(&rules, 30, false), 120);
        let small = MeetingRules {
            min_minutes: 60,
            ..MeetingRules::default()
        };
        assert_eq!(required_minutes(&small, 5, false), 60);
        assert_eq!(required_minutes(&small, 5, true), 120);
    }

    #[test]
    fn only_ended_periods_that_fall_short() {
        let held = [
            (d("2020-07-09"), Kind::Regular),
            (d("2020-09-09"), Kind::Regular),
            (d("2020-09-20"), Kind::Thematic),
        ];
        let q3 = Period::parse("2020-Q3").unwrap();
        let rules = MeetingRules::default();
        let short = shortfalls(&held, &rules, &q3.months(), &[q3], d("2020-09-15"));
        assert_eq!(
            short,
            vec![Shortfall {
                period: Period::parse("2020-08").unwrap(),
                kind: Kind::Regular,
                have: 0,
                need: 1
            }]
        );
        let later = shortfalls(
            &held,
            &MeetingRules {
                thematic_per_quarter: 2,
                ..rules
            },
            &q3.months(),
            &[q3],
            d("2020-10-01"),
        );
        assert_eq!(later.len(), 2, "{later:?}");
        assert_eq!(later[1].kind, Kind::Thematic);
    }
}
