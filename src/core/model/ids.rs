//! Meeting and action ids: the names a person types to point at a meeting or a task.

use std::fmt;

use chrono::NaiveDate;

/// A meeting's id is its file stem: `2020-07-09`, or `2020-07-09-2` for a second meeting that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingId {
    pub date: NaiveDate,
    /// 1 for the first meeting of the day (no suffix), 2 for `-2`, …
    pub seq: u32,
}

impl MeetingId {
    pub fn new(date: NaiveDate, seq: u32) -> Self {
        MeetingId { date, seq }
    }

    /// Parse a strict id. Anything else (a path, `..`, spaces) is refused, which also keeps file
    /// names derived from ids inside the ledger.
    pub fn parse(s: &str) -> Option<MeetingId> {
        let bytes = s.as_bytes();
        if bytes.len() < 10 || !s.is_ascii() {
            return None;
        }
        let date = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").ok()?;
        if s[..10] != date.format("%Y-%m-%d").to_string() || !crate::core::dates::in_range(date) {
            return None;
        }
        match &s[10..] {
            "" => Some(MeetingId::new(date, 1)),
            rest => {
                let n = rest.strip_prefix('-')?;
                if n.is_empty()
                    || n.len() > 3
                    || !n.bytes().all(|b| b.is_ascii_digit())
                    || n.starts_with('0')
                {
                    return None;
                }
                let seq: u32 = n.parse().ok()?;
                (seq >= 2).then_some(MeetingId::new(date, seq))
            }
        }
    }

    /// The file name of the meeting, relative to the ledger root.
    pub fn rel_path(&self) -> String {
        use chrono::Datelike;
        format!("meetings/{:04}/{self}.toml", self.date.year())
    }
}

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if self.seq > 1 {
            write!(f, "-{}", self.seq)?;
        }
        Ok(())
    }
}

/// Words the command line gives a meaning where a member or a meeting is expected: `all`
/// (`record --present all`, `--spoke all`), `last` and `next` (meetings), and `none`, kept for
/// "nobody". A member with such an id could never be named by it, so none may have one.
pub const RESERVED_MEMBER_IDS: [&str; 4] = ["all", "none", "last", "next"];

/// Why a member id is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberIdError {
    /// Not lowercase ASCII letters, digits, `-` or `_`, starting with a letter, at most 32.
    Form,
    /// One of [`RESERVED_MEMBER_IDS`].
    Reserved,
}

/// Check a member id: a short ASCII handle that starts with a letter, so it can never be
/// mistaken for a date, an action id or a path, and not a word the command line reserves.
pub fn check_member_id(id: &str) -> Result<(), MemberIdError> {
    let well_formed = id.len() <= 32
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !well_formed {
        Err(MemberIdError::Form)
    } else if RESERVED_MEMBER_IDS.contains(&id) {
        Err(MemberIdError::Reserved)
    } else {
        Ok(())
    }
}

/// The nearest well-formed id to what a person typed as one: diacritics dropped (`Đạo` →
/// `dao`), lowercase, spaces and other characters turned into `-`, leading characters that are
/// not letters dropped, at most 32 characters; a reserved word gets a `2`. `None` when nothing
/// of it is left (`--id 123`).
pub fn suggest_member_id(typed: &str) -> Option<String> {
    let folded = crate::core::names::fold(typed);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' {
            if id.is_empty() && !c.is_ascii_lowercase() {
                continue;
            }
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches(['-', '_']).chars().take(32).collect();
    while id.ends_with(['-', '_']) {
        id.pop();
    }
    if RESERVED_MEMBER_IDS.contains(&id.as_str()) {
        id.push('2');
    }
    (!id.is_empty() && check_member_id(&id).is_ok()).then_some(id)
}

/// An id for a new member named `name` when none is given: the given name (the last word)
/// without diacritics, as colleagues call each other (`Lê Văn Đạo` → `dao`), then the same with
/// 2, 3, … when `taken` says it is in use (`dao2`); the whole name when the last word gives none.
pub fn generate_member_id(name: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let base = name
        .split_whitespace()
        .last()
        .and_then(suggest_member_id)
        .or_else(|| suggest_member_id(name))?;
    if !taken(&base) {
        return Some(base);
    }
    let stem: String = base.chars().take(28).collect();
    (2..10_000)
        .map(|n| format!("{stem}{n}"))
        .find(|id| check_member_id(id).is_ok() && !taken(id))
}

/// An action is named by its meeting and its number there: `2020-07-09/1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId {
    pub meeting: MeetingId,
    pub number: u32,
}

impl ActionId {
    pub fn parse(s: &str) -> Option<ActionId> {
        let (m, n) = s.trim().split_once('/')?;
        let meeting = MeetingId::parse(m)?;
        let number: u32 = n.parse().ok()?;
        (number > 0).then_some(ActionId { meeting, number })
    }
}

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.meeting, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in ["2020-07-09", "2020-07-09-2", "2020-07-09-12"] {
            assert_eq!(MeetingId::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            MeetingId::parse("2020-07-09").unwrap().rel_path(),
            "meetings/2020/2020-07-09.toml"
        );
    }

    #[test]
    fn hostile_ids_are_refused() {
        for s in [
            "../../etc/passwd",
            "2020-07-09/../x",
            "2020-07-09-1",
            "2020-07-09-02",
            "2020-7-9",
            "2020-07-09-",
            "2020-02-30",
            "2020-07-09-x",
            "2020-07-09 ",
            "1899-12-31",
            "2201-01-01",
            "9999-01-01",
        ] {
            assert!(MeetingId::parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn member_ids_are_handles_and_not_reserved_words() {
        for ok in [
            "lan",
            "hung2",
            "a",
            "tran-van_b",
            "alll",
            "nextdoor",
            "lastname",
        ] {
            assert_eq!(check_member_id(ok), Ok(()), "{ok}");
        }
        for reserved in ["all", "none", "last", "next"] {
            assert_eq!(
                check_member_id(reserved),
                Err(MemberIdError::Reserved),
                "{reserved}"
            );
        }
        for bad in ["", "All", "2lan", "-x", "lan!", "lân", &"a".repeat(33)] {
            assert_eq!(check_member_id(bad), Err(MemberIdError::Form), "{bad}");
        }
    }

    #[test]
    fn ids_are_suggested_from_what_was_typed() {
        for (typed, id) in [
            ("Đạo", Some("dao")),
            ("dao x", Some("dao-x")),
            ("Lan!", Some("lan")),
            ("2lan", Some("lan")),
            ("ALL", Some("all2")),
            ("Nguyễn Văn Đức", Some("nguyen-van-duc")),
            ("123", None),
            ("", None),
            ("!!!", None),
        ] {
            assert_eq!(suggest_member_id(typed).as_deref(), id, "{typed}");
        }
        let long = suggest_member_id(&"ư".repeat(50)).unwrap();
        assert_eq!(long.len(), 32);
    }

    #[test]
    fn generated_ids_take_the_given_name_then_a_number() {
        let taken = ["dao", "dao2"];
        assert_eq!(
            generate_member_id("Lê Văn Đạo", |id| taken.contains(&id)).as_deref(),
            Some("dao3")
        );
        assert_eq!(
            generate_member_id("Trần Thị Lan", |_| false).as_deref(),
            Some("lan")
        );
        assert_eq!(
            generate_member_id("Nguyễn 2", |_| false).as_deref(),
            Some("nguyen-2")
        );
        assert_eq!(generate_member_id("  ", |_| false), None);
        assert_eq!(generate_member_id("Lê Văn Đạo", |_| true), None);
    }

    #[test]
    fn action_ids() {
        let a = ActionId::parse("2020-07-09/3").unwrap();
        assert_eq!(a.number, 3);
        assert_eq!(a.to_string(), "2020-07-09/3");
        assert!(ActionId::parse("2020-07-09/0").is_none());
        assert!(ActionId::parse("2020-07-09").is_none());
    }
}
