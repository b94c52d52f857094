//! `classify_year` and `month_levels`.

use super::{HEAD, rubric};
use crate::core::level::Level::{self, Average as A, Fair as F, Good as G, Poor as P};
use crate::core::rubric::{
    MonthLevel, Rubric, YearClass, classify_year, find_builtin, month_levels,
};

fn phu_tho() -> Rubric {
    rubric(find_builtin("phu-tho-2019").unwrap_or_default())
}

/// Months 1, 2, … with these levels.
fn year(levels: &[Level]) -> Vec<(u32, Level)> {
    (1..).zip(levels.iter().copied()).collect()
}

fn class(r: &Rubric, meetings: &[(u32, Level)]) -> (Level, Option<usize>) {
    let c = classify_year(r, meetings).unwrap_or_else(|| panic!("rubric has a [year]"));
    (c.level, c.rule)
}

#[test]
fn no_year_section_means_no_classification() {
    let r = rubric(&format!(
        "{HEAD}\n[[criteria]]\nid = \"a\"\ntitle = \"A\"\nmax = 100\n"
    ));
    assert_eq!(classify_year(&r, &year(&[G; 12])), None);
}

#[test]
fn phu_tho_good_needs_every_month_fair_and_seven_good() {
    let r = phu_tho();
    assert_eq!(class(&r, &year(&[G; 12])), (G, Some(0)));
    assert_eq!(
        class(&r, &year(&[G, G, G, G, G, G, G, F, F, F, F, F])),
        (G, Some(0))
    );
    // Six good months are not enough.
    assert_eq!(
        class(&r, &year(&[G, G, G, G, G, G, F, F, F, F, F, F])),
        (F, Some(1))
    );
    // One average month spoils good even with eleven good ones.
    assert_eq!(
        class(&r, &year(&[G, G, G, G, G, G, G, G, G, G, G, A])),
        (F, Some(1))
    );
}

#[test]
fn phu_tho_lower_rules_and_default() {
    let r = phu_tho();
    // A poor month rules out fair: seven average-or-better months give average.
    assert_eq!(
        class(&r, &year(&[G, G, G, G, G, G, G, P, F, F, F, F])),
        (A, Some(2))
    );
    assert_eq!(
        class(&r, &year(&[A, A, A, A, A, A, P, P, P, P, P, P])),
        (P, None)
    );
    assert_eq!(class(&r, &[]), (P, None));
}

#[test]
fn a_month_counts_at_its_lowest_meeting() {
    let months = month_levels(&[(3, G), (1, F), (3, A), (1, G)]);
    assert_eq!(
        months,
        [
            MonthLevel { month: 1, level: F },
            MonthLevel { month: 3, level: A }
        ]
    );
    // Seven good months, but a second meeting in July was only average.
    let mut meetings = year(&[G, G, G, G, G, G, G, F, F, F, F, F]);
    meetings.push((7, A));
    let c = classify_year(&phu_tho(), &meetings);
    assert_eq!(
        c,
        Some(YearClass {
            level: F,
            rule: Some(1),
            months: month_levels(&meetings)
        })
    );
}

#[test]
fn rules_are_tried_best_first_whatever_their_order_in_the_file() {
    let r = rubric(&format!(
        r#"{HEAD}
[[criteria]]
id = "a"
title = "A"
max = 100

[year]
default = "average"

[[year.rules]]
level = "fair"
min_months = {{ level = "fair", count = 1 }}

[[year.rules]]
level = "good"
every_month_at_least = "good"
"#
    ));
    assert_eq!(class(&r, &year(&[G, G])), (G, Some(1)));
    assert_eq!(class(&r, &year(&[G, F])), (F, Some(0)));
    assert_eq!(class(&r, &year(&[A, P])), (A, None));
    // No rated month: nothing holds vacuously.
    assert_eq!(class(&r, &[]), (A, None));
}

#[test]
fn rules_describe_themselves() {
    let r = phu_tho();
    let rules = &r.year().map(|y| y.rules.clone()).unwrap_or_default();
    assert_eq!(
        rules[0].describe(false),
        "Good: every month Fair or better; at least 7 months Good or better"
    );
    assert_eq!(
        rules[0].describe(true),
        "Tốt: mọi tháng đạt Khá trở lên; ít nhất 7 tháng đạt Tốt trở lên"
    );
}

#[test]
fn a_year_begun_late_needs_its_share_of_the_months() {
    use crate::core::rubric::classify_year_from;
    let r = phu_tho();
    // July to December, all good: 6 good months of the 6 the cell had.
    let late: Vec<(u32, Level)> = (7..=12).map(|m| (m, G)).collect();
    let from = |first: u32, months: &[(u32, Level)]| {
        classify_year_from(&r, months, first).map(|c| c.level)
    };
    assert_eq!(from(7, &late), Some(G));
    // Counted over the whole year, 6 good months are not the 7 needed: poor.
    assert_eq!(from(1, &late), Some(P));
    assert_eq!(classify_year(&r, &late).map(|c| c.level), Some(P));
    // 7 of 12 becomes 4 of 6: three good months of six are fair only.
    let mixed = [(7, G), (8, G), (9, G), (10, F), (11, F), (12, F)];
    assert_eq!(from(7, &mixed), Some(F));
}
