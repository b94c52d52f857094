//! Dates and times as people write them: native TOML values in files, `2020-07-09` or
//! `09/07/2020` on the command line, `09/07/2020` in Vietnamese output.
//!
//! `chrono` types do not deserialize from a native TOML date, so the serde adapters here go
//! through `toml::value::Datetime`.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::value::{Date as TomlDate, Datetime, Time as TomlTime};

use crate::core::lang::Lang;

/// The first year a date may have, on the command line and in files.
pub const MIN_YEAR: i32 = 1900;
/// The last year a date may have, on the command line and in files.
pub const MAX_YEAR: i32 = 2200;

/// Why a typed or written date was refused; the shell words it with [`DateError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not one of the accepted forms (`2020-07-09`, `09/07/2020`).
    Form(String),
    /// The form is right but the calendar has no such day (`31/09/2020`).
    NoSuchDay(String),
    /// The year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    OutOfRange(String),
}

impl DateError {
    /// What went wrong and how to write it instead, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Form(s) => format!(
                "'{s}' {}",
                lang.pick(
                    "không phải là ngày: hãy viết 2020-07-09 hoặc 09/07/2020 (ngày/tháng/năm)",
                    "is not a valid date: write it as 2020-07-09 or 09/07/2020 (day/month/year)",
                )
            ),
            DateError::NoSuchDay(s) => format!(
                "'{s}' {}",
                lang.pick(
                    "không phải là ngày hợp lệ: lịch không có ngày này; kiểm tra lại ngày và tháng",
                    "is not a valid date: the calendar has no such day; check the day and the month",
                )
            ),
            DateError::OutOfRange(s) => format!(
                "'{s}' {} {MIN_YEAR}–{MAX_YEAR} {}",
                lang.pick(
                    "không phải là ngày hợp lệ: năm phải từ",
                    "is not a valid date: the year must be from"
                ),
                lang.pick("và có bốn chữ số", "and have four digits"),
            ),
        }
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Whether a date lies in the years a ledger can hold, [`MIN_YEAR`] to [`MAX_YEAR`].
pub fn in_range(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// Read a date typed by a person, strictly: ISO `2020-07-09` (four-digit year, two-digit month
/// and day) or Vietnamese `09/07/2020` (day and month of one or two digits, four-digit year),
/// in the years [`MIN_YEAR`] to [`MAX_YEAR`]. Nothing is clamped or guessed.
pub fn read_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let digits = |p: &str, min: usize, max: usize| {
        (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let form = || DateError::Form(s.to_owned());
    // The year: four digits; a year with a sign or more or fewer digits (`+10000`, `12345`,
    // `20`) is out of range rather than malformed, so the message can say which part is wrong.
    let year_of = |p: &str| {
        let unsigned = p.strip_prefix(['+', '-']).unwrap_or(p);
        if !digits(unsigned, 1, usize::MAX) {
            Err(form())
        } else if unsigned.len() != p.len() || p.len() != 4 {
            Err(DateError::OutOfRange(s.to_owned()))
        } else {
            Ok(())
        }
    };
    let (y, m, d) = if s.contains('/') {
        match s.split('/').collect::<Vec<_>>().as_slice() {
            [d, m, y] if digits(d, 1, 2) && digits(m, 1, 2) => {
                year_of(y)?;
                (*y, *m, *d)
            }
            _ => return Err(form()),
        }
    } else {
        // A leading sign belongs to the year: `+10000-01-01`, `-0001-01-01`.
        let body = s.strip_prefix(['+', '-']).unwrap_or(s);
        let sign = &s[..s.len() - body.len()];
        match body.split('-').collect::<Vec<_>>().as_slice() {
            [y, m, d] if digits(m, 2, 2) && digits(d, 2, 2) => {
                year_of(&s[..sign.len() + y.len()])?;
                (*y, *m, *d)
            }
            _ => return Err(form()),
        }
    };
    let number = |p: &str| p.parse::<u32>().map_err(|_| form());
    let year = i32::try_from(number(y)?).map_err(|_| form())?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(s.to_owned()));
    }
    NaiveDate::from_ymd_opt(year, number(m)?, number(d)?)
        .ok_or_else(|| DateError::NoSuchDay(s.to_owned()))
}

/// Parse a date typed on the command line: ISO `2020-07-09` or Vietnamese `09/07/2020`
/// (also `9/7/2020`), in the years [`MIN_YEAR`] to [`MAX_YEAR`]; the error is in English
/// (the shell words it in the ledger's language with [`read_date`]).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    read_date(s).map_err(|e| e.to_string())
}

/// Split `TASK@DUE` as typed for an action: the text after the last `@` is the due date when it
/// looks like a date (digits with `/` or `-` between them). Such a date must then be valid: a
/// wrong one (`31/09/2020`, `+10000-01-01`) is an error, never part of the task. Anything else
/// after an `@` (`tổ@chi bộ`, `a@b.vn`) belongs to the task. The task comes back trimmed.
pub fn split_due(text: &str) -> Result<(&str, Option<NaiveDate>), DateError> {
    match text.rsplit_once('@') {
        Some((task, due)) if looks_like_date(due) => Ok((task.trim(), Some(read_date(due)?))),
        _ => Ok((text.trim(), None)),
    }
}

/// Whether text is shaped like a date, right or wrong: only digits, `/`, `-`, `+` and spaces,
/// with a digit and a `/` or `-`.
fn looks_like_date(s: &str) -> bool {
    let s = s.trim();
    s.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '+' | ' '))
        && s.chars().any(|c| c.is_ascii_digit())
        && s.contains(['/', '-'])
}

/// Parse a time of day typed on the command line: `14:00` or `14:00:00`.
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| format!("'{s}' is not a valid time: write it as HH:MM, e.g. 14:00"))
}

/// A date as shown to a person in the ledger's language.
pub fn show_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// A time of day as shown to a person: `14:00`.
pub fn show_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Minutes from `start` to `end`, or `None` when the end is not after the start.
pub fn minutes_between(start: NaiveTime, end: NaiveTime) -> Option<i64> {
    let minutes = (end - start).num_minutes();
    (minutes > 0).then_some(minutes)
}

/// The TOML date of `d`, or `None` for a date outside the years a ledger holds: such a date is
/// refused, never clamped to another day.
fn to_toml_date(d: NaiveDate) -> Option<TomlDate> {
    use chrono::Datelike;
    if !in_range(d) {
        return None;
    }
    Some(TomlDate {
        year: u16::try_from(d.year()).ok()?,
        month: u8::try_from(d.month()).ok()?,
        day: u8::try_from(d.day()).ok()?,
    })
}

fn to_toml_time(t: NaiveTime) -> TomlTime {
    TomlTime {
        hour: t.hour() as u8,
        minute: t.minute() as u8,
        // Always write seconds: TOML 1.0 readers (Python's tomllib, editors) require them.
        second: Some(t.second() as u8),
        nanosecond: None,
    }
}

fn date_from_datetime<E: serde::de::Error>(dt: Datetime) -> Result<NaiveDate, E> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            if !(MIN_YEAR..=MAX_YEAR).contains(&i32::from(d.year)) {
                return Err(E::custom(DateError::OutOfRange(d.to_string())));
            }
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| E::custom(DateError::NoSuchDay(d.to_string())))
        }
        _ => Err(E::custom(format!(
            "expected a date like 2020-07-09, found {dt} (a date has no time part)"
        ))),
    }
}

fn time_from_datetime<E: serde::de::Error>(dt: Datetime) -> Result<NaiveTime, E> {
    match (dt.date, dt.time, dt.offset) {
        (None, Some(t), None) => NaiveTime::from_hms_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
        )
        .ok_or_else(|| E::custom(format!("{t} is not a time of day"))),
        _ => Err(E::custom(format!(
            "expected a time of day like 14:00:00, found {dt}"
        ))),
    }
}

/// A native TOML date or time, or, for hand-written files, a string in an accepted form.
enum DateOrString {
    Date(Datetime),
    Text(String),
}

/// Reads a [`DateOrString`] in one pass. (A `#[serde(untagged)]` enum would first copy every
/// value into a buffer and then try each variant: that was a fifth of the time to load a
/// meeting file.)
struct DateOrStringVisitor(&'static str);

impl<'de> serde::de::Visitor<'de> for DateOrStringVisitor {
    type Value = DateOrString;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateOrString, E> {
        Ok(DateOrString::Text(s.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<DateOrString, E> {
        Ok(DateOrString::Text(s))
    }

    /// TOML hands a native date or time to serde as a one-key map, which `Datetime` reads.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<DateOrString, A::Error> {
        Datetime::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(DateOrString::Date)
    }
}

impl DateOrString {
    fn read<'de, D: Deserializer<'de>>(d: D, expecting: &'static str) -> Result<Self, D::Error> {
        d.deserialize_any(DateOrStringVisitor(expecting))
    }
}

/// Serde adapter for `NaiveDate` fields (`#[serde(with = "crate::core::dates::date")]`).
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match to_toml_date(*d) {
            Some(date) => Datetime::from(date).serialize(s),
            None => Err(serde::ser::Error::custom(DateError::OutOfRange(
                d.format("%Y-%m-%d").to_string(),
            ))),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        match DateOrString::read(d, "a date like 2020-07-09")? {
            DateOrString::Date(dt) => date_from_datetime(dt),
            DateOrString::Text(s) => read_date(&s).map_err(serde::de::Error::custom),
        }
    }
}

/// Serde adapter for `Option<NaiveDate>` fields.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        super::date::deserialize(d).map(Some)
    }
}

/// Serde adapter for `Option<NaiveTime>` fields.
pub mod opt_time {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => Datetime::from(to_toml_time(*t)).serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match DateOrString::read(d, "a time of day like 14:00:00")? {
            DateOrString::Date(dt) => time_from_datetime(dt).map(Some),
            DateOrString::Text(s) => parse_time(&s).map(Some).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_date_orders_parse_to_the_same_day() {
        let iso = parse_date("2020-07-09").unwrap();
        assert_eq!(parse_date("09/07/2020").unwrap(), iso);
        assert_eq!(parse_date("9/7/2020").unwrap(), iso);
    }

    #[test]
    fn impossible_dates_and_times_are_refused() {
        assert!(parse_date("31/02/2020").is_err());
        assert!(parse_date("2020-13-01").is_err());
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("14:60").is_err());
        assert_eq!(parse_time("14:05").unwrap().minute(), 5);
    }

    #[test]
    fn only_the_documented_forms_are_dates() {
        let d = NaiveDate::from_ymd_opt(2020, 7, 9).unwrap();
        assert_eq!(read_date(" 2020-07-09 "), Ok(d));
        assert_eq!(read_date("09/07/2020"), Ok(d));
        for s in [
            "2020-7-9",
            "2020/07/09",
            "09-07-2020",
            "9.7.2020",
            "2020-07-09T00:00",
            "2020 -07-09",
            "09/07/2020/1",
            "",
            "last",
            "+",
            "020/07/2020x",
        ] {
            assert!(
                matches!(read_date(s), Err(DateError::Form(_))),
                "{s}: {:?}",
                read_date(s)
            );
        }
    }

    #[test]
    fn years_outside_the_range_are_refused_not_clamped() {
        assert_eq!(MIN_YEAR, 1900);
        assert_eq!(MAX_YEAR, 2200);
        assert!(read_date("1900-01-01").is_ok());
        assert!(read_date("31/12/2200").is_ok());
        for s in [
            "+12345-06-07",
            "12345-06-07",
            "+10000-01-01",
            "-0001-01-01",
            "+2020-07-09",
            "0999-01-01",
            "1899-12-31",
            "2201-01-01",
            "9999-01-01",
            "01/01/20",
            "01/01/+2020",
            "01/01/10000",
            "31/12/1899",
        ] {
            assert!(
                matches!(read_date(s), Err(DateError::OutOfRange(_))),
                "{s}: {:?}",
                read_date(s)
            );
        }
        let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        assert!(in_range(d));
        assert!(!in_range(NaiveDate::from_ymd_opt(9999, 1, 1).unwrap()));
    }

    #[test]
    fn impossible_days_say_so_in_both_languages() {
        let e = read_date("31/09/2020").unwrap_err();
        assert_eq!(e, DateError::NoSuchDay("31/09/2020".into()));
        assert!(e.message(Lang::En).contains("'31/09/2020'"));
        assert!(e.message(Lang::Vi).contains("lịch không có ngày này"));
        assert!(read_date("29/02/2021").is_err());
        assert!(read_date("29/02/2020").is_ok());
        let far = read_date("+10000-01-01").unwrap_err().message(Lang::Vi);
        assert!(far.contains("1900–2200"), "{far}");
    }

    #[test]
    fn a_due_date_that_looks_like_one_must_be_one() {
        let d = NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
        assert_eq!(split_due("Báo cáo @ 30/09/2020"), Ok(("Báo cáo", Some(d))));
        assert_eq!(split_due("Báo cáo@2020-09-30"), Ok(("Báo cáo", Some(d))));
        assert_eq!(split_due("Báo cáo "), Ok(("Báo cáo", None)));
        assert_eq!(
            split_due("Gửi thư tới a@b.vn"),
            Ok(("Gửi thư tới a@b.vn", None))
        );
        assert_eq!(split_due("Họp tổ@12"), Ok(("Họp tổ@12", None)));
        assert_eq!(
            split_due("Báo cáo@31/09/2020"),
            Err(DateError::NoSuchDay("31/09/2020".into()))
        );
        assert!(matches!(
            split_due("x@+10000-01-01"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(split_due("x@2020-7-9"), Err(DateError::Form(_))));
    }

    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    struct Dated {
        #[serde(with = "date")]
        date: NaiveDate,
    }

    #[test]
    fn files_with_dates_out_of_range_are_refused() {
        for text in [
            "date = 1800-01-01",
            "date = 9999-01-01",
            "date = \"+10000-01-01\"",
            "date = \"31/09/2020\"",
            "date = 2020-02-30",
        ] {
            assert!(toml::from_str::<Dated>(text).is_err(), "{text}");
        }
        let ok: Dated = toml::from_str("date = \"09/07/2020\"").unwrap();
        assert_eq!(ok.date, NaiveDate::from_ymd_opt(2020, 7, 9).unwrap());
        let far = Dated {
            date: NaiveDate::from_ymd_opt(12345, 6, 7).unwrap(),
        };
        assert!(toml::to_string(&far).is_err(), "written clamped");
    }

    #[test]
    fn duration_needs_end_after_start() {
        let t = |s| parse_time(s).unwrap();
        assert_eq!(minutes_between(t("14:00"), t("15:45")), Some(105));
        assert_eq!(minutes_between(t("15:00"), t("14:00")), None);
    }

    #[test]
    fn vietnamese_dates_are_day_first() {
        let d = parse_date("2020-07-09").unwrap();
        assert_eq!(show_date(d, Lang::Vi), "09/07/2020");
        assert_eq!(show_date(d, Lang::En), "2020-07-09");
    }
}
