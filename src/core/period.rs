//! Period maths: months, quarters and years, the units a cell reports in.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::core::lang::Lang;

/// A reporting period: a month, a quarter or a year, with its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year { year: i32 },
}

impl Period {
    /// Parse `2020-Q3`, `2020-07` or `2020`, or a quarter as people write it (see
    /// [`Period::read`]); the error in English.
    pub fn parse(s: &str) -> Result<Period, String> {
        Period::read(s).map_err(|e| e.message(Lang::En))
    }

    /// Parse a period: a year (`2020`), a month (`2020-07`), or a quarter in any of the ways
    /// people write one: `2020-Q3`, `2020 Q3`, `Q3/2020`, `III/2020`, `quý 3/2020`,
    /// `quý III năm 2020` (with or without diacritics, in any case).
    pub fn read(s: &str) -> Result<Period, PeriodError> {
        let bad = || PeriodError(s.trim().to_owned());
        let folded = crate::core::names::fold(s);
        if let Some(q) = read_quarter(&folded) {
            return q.ok_or_else(bad);
        }
        let t = folded.as_str();
        if let Some((y, m)) = t.split_once(['-', ' ']) {
            let year: i32 = y.parse().map_err(|_| bad())?;
            let month: u32 = m.parse().map_err(|_| bad())?;
            return Period::month(year, month).ok_or_else(bad);
        }
        let year: i32 = t.parse().map_err(|_| bad())?;
        Period::year(year).ok_or_else(bad)
    }

    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        ((1..=4).contains(&quarter) && (1..=9999).contains(&year))
            .then_some(Period::Quarter { year, quarter })
    }

    pub fn month(year: i32, month: u32) -> Option<Period> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year))
            .then_some(Period::Month { year, month })
    }

    pub fn year(year: i32) -> Option<Period> {
        (1..=9999).contains(&year).then_some(Period::Year { year })
    }

    /// The quarter a day falls in.
    pub fn quarter_of(date: NaiveDate) -> Period {
        Period::Quarter {
            year: date.year(),
            quarter: (date.month() - 1) / 3 + 1,
        }
    }

    /// The quarter before the one `date` falls in (for `--last-quarter`).
    pub fn previous_quarter(date: NaiveDate) -> Period {
        Period::quarter_of(date).before()
    }

    /// The period just before, of the same kind: the quarter before a quarter, the year before
    /// a year, the month before a month (a roll-up's trend, `--last-quarter`).
    pub fn before(self) -> Period {
        match self {
            Period::Quarter { year, quarter: 1 } => Period::Quarter {
                year: year - 1,
                quarter: 4,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter - 1,
            },
            Period::Year { year } => Period::Year { year: year - 1 },
            Period::Month { year, month: 1 } => Period::Month {
                year: year - 1,
                month: 12,
            },
            Period::Month { year, month } => Period::Month {
                year,
                month: month - 1,
            },
        }
    }

    /// First day of the period.
    pub fn start(self) -> NaiveDate {
        let (y, m) = match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, (quarter - 1) * 3 + 1),
            Period::Year { year } => (year, 1),
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Last day of the period.
    pub fn end(self) -> NaiveDate {
        let (y, m) = match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, quarter * 3),
            Period::Year { year } => (year, 12),
        };
        last_day_of_month(y, m)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// The years the period touches (one, for every period here); the ledger keeps a folder
    /// per year, so this is what a command must read.
    pub fn first_year(self) -> i32 {
        self.start().year()
    }

    /// The months of the period, as (year, month).
    pub fn months(self) -> Vec<(i32, u32)> {
        months_between(self.start(), self.end())
    }

    /// The quarters of the period (for thematic-meeting compliance).
    pub fn quarters(self) -> Vec<Period> {
        let mut out: Vec<Period> = Vec::new();
        for (y, m) in self.months() {
            let q = Period::Quarter {
                year: y,
                quarter: (m - 1) / 3 + 1,
            };
            if !out.contains(&q) {
                out.push(q);
            }
        }
        out
    }

    pub fn label(self) -> String {
        self.to_string()
    }

    /// The period as a person reads it, the one way every message and report names it:
    /// "quý III năm 2020", "tháng 7 năm 2020", "năm 2020"; "Q3 2020", "July 2020", "2020".
    /// Files, flags and JSON keep [`Period::label`] (`2020-Q3`).
    pub fn words(self, lang: Lang) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let index = |n: u32| usize::try_from(n.saturating_sub(1)).unwrap_or(0);
        match (self, lang) {
            (Period::Quarter { year, quarter }, Lang::Vi) => {
                let q = ROMAN.get(index(quarter)).copied().unwrap_or("?");
                format!("quý {q} năm {year}")
            }
            (Period::Quarter { year, quarter }, Lang::En) => format!("Q{quarter} {year}"),
            (Period::Month { year, month }, Lang::Vi) => format!("tháng {month} năm {year}"),
            (Period::Month { year, month }, Lang::En) => {
                let m = MONTHS.get(index(month)).copied().unwrap_or("?");
                format!("{m} {year}")
            }
            (Period::Year { year }, Lang::Vi) => format!("năm {year}"),
            (Period::Year { year }, Lang::En) => year.to_string(),
        }
    }
}

/// A period that could not be read: the text as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl PeriodError {
    /// What went wrong and how to write it instead, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "'{}' {}",
            self.0,
            lang.pick(
                "không phải là một kỳ: viết quý là 2020-Q3, III/2020 hoặc \"quý 3/2020\", tháng là 2020-07, năm là 2020",
                "is not a period: write a quarter as 2020-Q3, a month as 2020-07, a year as 2020",
            )
        )
    }
}

/// A quarter in folded text (no diacritics, lower case, single spaces): `Some(None)` when the
/// text is shaped like a quarter but is not one (`2020-q5`), `None` when it is no quarter.
fn read_quarter(t: &str) -> Option<Option<Period>> {
    let (named, t) = match t.strip_prefix("quy") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    // `2020-q3`, `2020 q3`: the year first.
    if let Some((y, q)) = t.split_once(['-', ' '])
        && let Some(q) = q.trim().strip_prefix('q')
        && !y.is_empty()
        && y.chars().all(|c| c.is_ascii_digit())
    {
        return Some(quarter_of(q.trim(), y));
    }
    // `q3/2020`, `iii/2020`, `q3-2020`; after `quy`, also `3/2020` and `iii nam 2020`.
    let (q, y) = t
        .split_once(" nam ")
        .or_else(|| t.split_once(['/', '-', ' ']))
        .map(|(q, y)| (q.trim(), y.trim()))?;
    match q.strip_prefix('q') {
        Some(n) => Some(quarter_of(n.trim(), y)),
        None if named || roman(q).is_some() => Some(quarter_of(q, y)),
        None => None,
    }
}

/// Quarter `q` (`3` or `iii`) of year `y`, if both are valid.
fn quarter_of(q: &str, y: &str) -> Option<Period> {
    let quarter = roman(q).or_else(|| q.parse().ok())?;
    let year = y.strip_prefix("nam ").unwrap_or(y).trim().parse().ok()?;
    Period::quarter(year, quarter)
}

/// `i` to `iv`, the way quarters are numbered in Vietnamese documents.
fn roman(s: &str) -> Option<u32> {
    match s {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Period", 3)?;
        st.serialize_field("label", &self.label())?;
        st.serialize_field("start", &self.start().to_string())?;
        st.serialize_field("end", &self.end().to_string())?;
        st.end()
    }
}

/// The months from the one `start` falls in to the one `end` falls in, as (year, month).
pub fn months_between(start: NaiveDate, end: NaiveDate) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start.year(), start.month());
    while (y, m) <= (end.year(), end.month()) {
        out.push((y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// The last day of a month.
pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// `2020-08` for a (year, month) pair.
pub fn month_label(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_period_in_words_is_named_one_way() {
        let q = Period::quarter(2026, 3).unwrap();
        assert_eq!(q.words(Lang::Vi), "quý III năm 2026");
        assert_eq!(q.words(Lang::En), "Q3 2026");
        let m = Period::month(2026, 7).unwrap();
        assert_eq!(m.words(Lang::Vi), "tháng 7 năm 2026");
        assert_eq!(m.words(Lang::En), "July 2026");
        assert_eq!(Period::year(2026).unwrap().words(Lang::Vi), "năm 2026");
    }

    #[test]
    fn quarter_bounds() {
        let q = Period::parse("2020-Q3").unwrap();
        assert_eq!(q.start(), d("2020-07-01"));
        assert_eq!(q.end(), d("2020-09-30"));
        assert_eq!(q.months(), vec![(2020, 7), (2020, 8), (2020, 9)]);
        assert_eq!(Period::parse("2020-q1").unwrap().end(), d("2020-03-31"));
    }

    #[test]
    fn leap_february_and_year() {
        assert_eq!(Period::parse("2020-02").unwrap().end(), d("2020-02-29"));
        let y = Period::parse("2021").unwrap();
        assert_eq!(y.end(), d("2021-12-31"));
        assert_eq!(y.quarters().len(), 4);
    }

    #[test]
    fn the_period_before() {
        for (now, before) in [
            ("2020-Q1", "2019-Q4"),
            ("2020-Q3", "2020-Q2"),
            ("2020", "2019"),
            ("2020-01", "2019-12"),
            ("2020-07", "2020-06"),
        ] {
            let p = Period::parse(now).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(p.before().label(), before);
        }
    }

    #[test]
    fn previous_quarter_crosses_the_year() {
        assert_eq!(
            Period::previous_quarter(d("2021-02-10")).to_string(),
            "2020-Q4"
        );
        assert_eq!(
            Period::previous_quarter(d("2020-11-28")).to_string(),
            "2020-Q3"
        );
    }

    #[test]
    fn bad_periods_are_refused() {
        for bad in ["2020-Q5", "2020-Q0", "2020-13", "20x0", "", "2020-Qx"] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quarters_as_people_write_them() {
        let q3 = Period::Quarter {
            year: 2026,
            quarter: 3,
        };
        for form in [
            "2026-Q3",
            "2026-q3",
            "2026 Q3",
            "Q3/2026",
            "q3/2026",
            "Q3-2026",
            "III/2026",
            "iii/2026",
            "III-2026",
            "quý 3/2026",
            "Quý 3/2026",
            "QUÝ III/2026",
            "quy 3/2026",
            "quý III năm 2026",
            "Quý III Năm 2026",
            "quy iii nam 2026",
            "quý 3 năm 2026",
            "  quý   III  năm   2026 ",
            "quý Q3/2026",
        ] {
            assert_eq!(Period::read(form), Ok(q3), "{form}");
        }
        assert_eq!(
            Period::read("IV/2020").map(Period::end),
            Ok(d("2020-12-31"))
        );
        assert_eq!(
            Period::read("quý I năm 2021").map(Period::start),
            Ok(d("2021-01-01"))
        );
        // Months and years are read as before.
        assert_eq!(
            Period::read("2026-07").map(|p| p.to_string()),
            Ok("2026-07".into())
        );
        assert_eq!(
            Period::read("2026 07").map(|p| p.to_string()),
            Ok("2026-07".into())
        );
        assert_eq!(
            Period::read("2026").map(|p| p.to_string()),
            Ok("2026".into())
        );
    }

    #[test]
    fn what_is_not_a_quarter_is_refused() {
        for bad in [
            "Q5/2026",
            "Q0/2026",
            "V/2026",
            "IIII/2026",
            "quý 5/2026",
            "quý 0 năm 2026",
            "quý III",
            "quý/2026",
            "III/",
            "III/20x6",
            "Q3/10000",
            "3/2026",
            "năm 2026",
            "quý III năm",
            "Q/2026",
        ] {
            assert!(Period::read(bad).is_err(), "{bad}");
        }
        let e = Period::read("Q5/2026").unwrap_err();
        assert!(
            e.message(Lang::Vi)
                .contains("'Q5/2026' không phải là một kỳ")
        );
        assert!(e.message(Lang::En).contains("is not a period"));
    }
}
