//! iCalendar (RFC 5545) output for the planned meetings, written by hand: a few properties,
//! escaped and folded as the RFC says, so that phones and mail clients import the file.
//!
//! Times are the cell's local times. By default they carry `TZID=Asia/Ho_Chi_Minh` with an
//! embedded `VTIMEZONE` (Vietnam keeps +07:00 all year, without daylight saving time), so a
//! member abroad sees the meeting at the right moment; `TimeMode::Floating` writes floating
//! local times instead (shown at that clock time wherever the reader is), for bodies outside
//! Vietnam. A meeting without a time is an all-day event.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

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
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(&fold(s));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//cellbook//cellbook {}//VI",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    let timed = events.iter().any(|e| matches!(e.when, When::Timed { .. }));
    if mode == TimeMode::Vietnam && timed {
        line(&format!("X-WR-TIMEZONE:{TZID}"));
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
            line(l);
        }
    }
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&e.uid)));
        line(&format!("DTSTAMP:{}Z", stamp.format("%Y%m%dT%H%M%S")));
        match e.when {
            When::AllDay(date) => {
                line(&format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")));
                let next = date.succ_opt().unwrap_or(date);
                line(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
            }
            When::Timed { start, end } => {
                line(&format!("DTSTART{}", date_time(start, mode)));
                line(&format!("DTEND{}", date_time(end, mode)));
            }
        }
        line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(place) = e.location.as_deref().filter(|p| !p.trim().is_empty()) {
            line(&format!("LOCATION:{}", escape_text(place)));
        }
        if let Some(text) = e.description.as_deref().filter(|t| !t.trim().is_empty()) {
            line(&format!("DESCRIPTION:{}", escape_text(text)));
        }
        line("STATUS:CONFIRMED");
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `;TZID=Asia/Ho_Chi_Minh:20200709T140000` or `:20200709T140000`.
fn date_time(t: NaiveDateTime, mode: TimeMode) -> String {
    let value = t.format("%Y%m%dT%H%M%S");
    match mode {
        TimeMode::Vietnam => format!(";TZID={TZID}:{value}"),
        TimeMode::Floating => format!(":{value}"),
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

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. Other
/// control characters, which TEXT does not allow, are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space,
/// which counts towards their 75. Never splits a UTF-8 character.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
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
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{7}g"),
            "a\\,b\\;c\\\\d\\ne\\nfg"
        );
        assert_eq!(escape_text("Nghị quyết: tháng 7"), "Nghị quyết: tháng 7");
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let line = format!(
            "SUMMARY:{}",
            "Sinh hoạt chi bộ định kỳ tháng 9 năm 2020 ".repeat(5)
        );
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        assert!(folded.split("\r\n").skip(1).all(|p| p.starts_with(' ')));
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT:x"), "SHORT:x");
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
        assert!(text.contains("DTSTART;VALUE=DATE:20200709\r\nDTEND;VALUE=DATE:20200710\r\n"));
    }
}
