//! iCalendar (RFC 5545) output for the planned meetings, so that phones and mail clients import
//! the file. The `icalendar` crate writes the properties and the events: it escapes TEXT values,
//! folds lines at 75 octets and ends them with CRLF.
//!
//! Two things stay written here, for reasons checked against the crate (0.17): the `VTIMEZONE`
//! block, because the crate writes a `DTSTAMP` and a random `UID` into every component it prints,
//! which RFC 5545 (3.6.5) does not allow in a `VTIMEZONE` or its `STANDARD` and which would make
//! the file differ on every run; and the removal of control characters from TEXT values, which
//! the crate passes through (a bare CR would break the line).
//!
//! Times are the cell's local times. By default they carry `TZID=Asia/Ho_Chi_Minh` with an
//! embedded `VTIMEZONE` (Vietnam keeps +07:00 all year, without daylight saving time), so a
//! member abroad sees the meeting at the right moment; `TimeMode::Floating` writes floating
//! local times instead (shown at that clock time wherever the reader is), for bodies outside
//! Vietnam. A meeting without a time is an all-day event.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{CalendarDateTime, Component, EventLike, EventStatus, Property};

/// The time zone written with the events.
pub const TZID: &str = "Asia/Ho_Chi_Minh";

/// How event times are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeMode {
    /// `DTSTART;TZID=Asia/Ho_Chi_Minh:…` with a `VTIMEZONE` for +07:00.
    Vietnam,
    /// `DTSTART:…` with no zone: the same clock time wherever the calendar is.
    Floating,
}

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The whole day (a meeting with no time).
    AllDay(NaiveDate),
    /// From `start` to `end`, local times.
    Timed {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// One calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
}

/// The whole calendar, with CRLF line ends. `stamp` is the `DTSTAMP` of every event (UTC).
pub fn calendar(name: &str, events: &[Event], mode: TimeMode, stamp: NaiveDateTime) -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\n");
    let version = format!("-//cellbook//cellbook {}//VI", env!("CARGO_PKG_VERSION"));
    let mut head = vec![
        Property::new("VERSION", "2.0"),
        Property::new("PRODID", version),
        Property::new("CALSCALE", "GREGORIAN"),
        Property::new("METHOD", "PUBLISH"),
        Property::new("X-WR-CALNAME", clean_text(name)),
    ];
    let timed = events.iter().any(|e| matches!(e.when, When::Timed { .. }));
    let zone = mode == TimeMode::Vietnam && timed;
    if zone {
        head.push(Property::new("X-WR-TIMEZONE", TZID));
    }
    for p in head {
        out.push_str(&text_of(p));
    }
    if zone {
        for l in [
            "BEGIN:VTIMEZONE",
            &format!("TZID:{TZID}"),
            &format!("X-LIC-LOCATION:{TZID}"),
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0700",
            "TZOFFSETTO:+0700",
            "TZNAME:+07",
            "DTSTART:19700101T000000",
            "END:STANDARD",
            "END:VTIMEZONE",
        ] {
            out.push_str(l);
            out.push_str("\r\n");
        }
    }
    for e in events {
        out.push_str(&text_of(event(e, mode, stamp)));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// One event as the crate builds it; the TEXT values are cleaned of what TEXT cannot hold.
fn event(e: &Event, mode: TimeMode, stamp: NaiveDateTime) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    ev.uid(&clean_text(&e.uid)).timestamp(stamp.and_utc());
    match e.when {
        When::AllDay(date) => {
            ev.starts(date).ends(date.succ_opt().unwrap_or(date));
        }
        When::Timed { start, end } => {
            ev.starts(date_time(start, mode)).ends(date_time(end, mode));
        }
    }
    ev.summary(&clean_text(&e.summary));
    if let Some(place) = e.location.as_deref().filter(|p| !p.trim().is_empty()) {
        ev.location(&clean_text(place));
    }
    if let Some(text) = e.description.as_deref().filter(|t| !t.trim().is_empty()) {
        ev.description(&clean_text(text));
    }
    ev.status(EventStatus::Confirmed)
        .add_property("TRANSP", "OPAQUE");
    ev
}

/// The crate's text of a property or an event. Formatting into a `String` cannot fail (the
/// crate's `fmt::Error` only passes on the writer's), whatever the ledger holds.
fn text_of(item: impl TryInto<String, Error = std::fmt::Error>) -> String {
    item.try_into()
        .expect("formatting into a String does not fail")
}

/// A local time with `TZID=Asia/Ho_Chi_Minh`, or floating.
fn date_time(t: NaiveDateTime, mode: TimeMode) -> CalendarDateTime {
    match mode {
        TimeMode::Vietnam => CalendarDateTime::WithTimezone {
            date_time: t,
            tzid: TZID.to_owned(),
        },
        TimeMode::Floating => CalendarDateTime::Floating(t),
    }
}

/// A meeting's event time: all day without a start time, else `minutes` long from the start
/// (or until `end`, when the record says when it ended).
pub fn when(
    date: NaiveDate,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    minutes: u32,
) -> When {
    match start {
        None => When::AllDay(date),
        Some(s) => {
            let start = date.and_time(s);
            let end = match end.map(|e| date.and_time(e)).filter(|e| *e > start) {
                Some(e) => e,
                None => start + chrono::Duration::minutes(i64::from(minutes.max(1))),
            };
            When::Timed { start, end }
        }
    }
}

/// A TEXT value (RFC 5545 3.3.11) as the crate should get it: line breaks as `\n` and no other
/// control character, which TEXT does not allow (the crate passes them through).
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if crate::core::text::is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A name as a host-name label for UIDs: `Chi bộ 7 Kho bạc` → `chi-bo-7-kho-bac`.
pub fn slug(name: &str) -> String {
    let folded = crate::core::names::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "ledger".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn text_is_cleaned_then_escaped() {
        assert_eq!(clean_text("d\ne\r\nf\rg\u{7}h\ti"), "d\ne\nf\ngh\ti");
        let e = Event {
            uid: "u".into(),
            when: When::AllDay(NaiveDate::from_ymd_opt(2020, 7, 9).unwrap()),
            summary: "a,b;c\\d\ne\r\nf\u{7}g".into(),
            location: Some("Nghị quyết: tháng 7".into()),
            description: None,
        };
        let text = calendar("X", &[e], TimeMode::Vietnam, dt("2020-07-01 00:00"));
        assert!(
            text.contains("\r\nSUMMARY:a\\,b\\;c\\\\d\\ne\\nfg\r\n"),
            "{text}"
        );
        assert!(
            text.contains("\r\nLOCATION:Nghị quyết: tháng 7\r\n"),
            "{text}"
        );
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let summary = "Sinh hoạt chi bộ định kỳ tháng 9 năm 2020, ".repeat(5);
        let e = Event {
            uid: "2020-09-09@x.cellbook".into(),
            when: When::AllDay(NaiveDate::from_ymd_opt(2020, 9, 9).unwrap()),
            summary: summary.clone(),
            location: Some("Hội trường\r\ntầng 2\u{7}".into()),
            description: None,
        };
        let text = calendar("X, Y", &[e], TimeMode::Vietnam, dt("2020-07-01 00:00"));
        for part in text.trim_end().split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", summary.replace(',', "\\,"))));
        assert!(unfolded.contains("LOCATION:Hội trường\\ntầng 2\r\n"));
        assert!(unfolded.contains("X-WR-CALNAME:X\\, Y\r\n"));
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(
            slug("Chi bộ 7 Kho bạc Nhà nước Thuận Bắc"),
            "chi-bo-7-kho-bac-nha-nuoc-thuan-bac"
        );
        assert_eq!(slug("  Đảng bộ / Phường 1 "), "dang-bo-phuong-1");
        assert_eq!(slug("…"), "ledger");
    }

    #[test]
    fn events_without_a_time_last_all_day() {
        let date = NaiveDate::from_ymd_opt(2020, 7, 9).unwrap();
        assert_eq!(when(date, None, None, 90), When::AllDay(date));
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(
            when(date, t(14, 0), None, 90),
            When::Timed {
                start: dt("2020-07-09 14:00"),
                end: dt("2020-07-09 15:30")
            }
        );
        assert_eq!(
            when(date, t(14, 0), t(16, 10), 90),
            When::Timed {
                start: dt("2020-07-09 14:00"),
                end: dt("2020-07-09 16:10")
            }
        );
        // A late meeting ends the next day rather than before it starts.
        assert_eq!(
            when(date, t(23, 0), None, 90),
            When::Timed {
                start: dt("2020-07-09 23:00"),
                end: dt("2020-07-10 00:30")
            }
        );
    }

    #[test]
    fn a_calendar_has_crlf_lines_and_a_time_zone_only_when_needed() {
        let e = Event {
            uid: "2020-07-09@x.cellbook".into(),
            when: When::AllDay(NaiveDate::from_ymd_opt(2020, 7, 9).unwrap()),
            summary: "S".into(),
            location: None,
            description: None,
        };
        let text = calendar("X", &[e], TimeMode::Vietnam, dt("2020-07-01 00:00"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert!(!text.contains("VTIMEZONE"));
        // The crate writes an event's properties in alphabetical order.
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20200709\r\n"));
        assert!(text.contains("\r\nDTEND;VALUE=DATE:20200710\r\n"));
    }
}
