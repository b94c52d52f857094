//! Dates and times as people write them: native TOML values in files, `2020-07-09` or
//! `09/07/2020` on the command line, `09/07/2020` in Vietnamese output.
//!
//! `chrono` types do not deserialize from a native TOML date, so the serde adapters here go
//! through `toml::value::Datetime`.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::value::{Date as TomlDate, Datetime, Time as TomlTime};

use crate::core::lang::Lang;

/// Parse a date typed on the command line: ISO `2020-07-09` or Vietnamese `09/07/2020`
/// (also `9/7/2020`).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let parsed = if s.contains('/') {
        NaiveDate::parse_from_str(s, "%d/%m/%Y")
    } else {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
    };
    parsed.map_err(|_| {
        format!("'{s}' is not a valid date: write it as 2020-07-09 or 09/07/2020 (day/month/year)")
    })
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

fn to_toml_date(d: NaiveDate) -> TomlDate {
    use chrono::Datelike;
    TomlDate {
        // Years outside 0..=9999 cannot be written in TOML; clamp rather than wrap.
        year: d.year().clamp(0, 9999) as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    }
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
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| E::custom(format!("{d} is not a day of the calendar")))
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
        Datetime::from(to_toml_date(*d)).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        match DateOrString::read(d, "a date like 2020-07-09")? {
            DateOrString::Date(dt) => date_from_datetime(dt),
            DateOrString::Text(s) => parse_date(&s).map_err(serde::de::Error::custom),
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
