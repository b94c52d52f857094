//! Turning what a person types into the member or meeting they mean.

use chrono::NaiveDate;

use crate::core::model::{MeetingId, Member, Roster};
use crate::core::names::{self, NameMatch};

/// Why what a person typed names no member or meeting; the shell words it in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// No member has this name or id; `candidates` are the closest ones (`id (Name)`).
    UnknownMember {
        query: String,
        candidates: Vec<String>,
    },
    /// Several members have this name; `candidates` lists them (`id (Name)`).
    AmbiguousMember {
        query: String,
        candidates: Vec<String>,
    },
    /// The text is not a meeting id, a date, `last` or `next`.
    NotAMeeting { text: String },
}

/// Find the member a query names: an id, a full name, or the trailing part of a name (the
/// given name), with or without diacritics. When several people match, those on the roll on
/// `on` are preferred, then those whose name matches with the accents as typed.
pub fn member<'a>(
    roster: &'a Roster,
    query: &str,
    on: Option<NaiveDate>,
) -> Result<&'a Member, LookupError> {
    let query = names::nfc(query.trim());
    if let Some(m) = roster
        .members
        .iter()
        .find(|m| m.id.eq_ignore_ascii_case(&query))
    {
        return Ok(m);
    }
    let matches: Vec<(&Member, NameMatch)> = roster
        .members
        .iter()
        .filter_map(|m| names::name_matches(&query, &m.name).map(|q| (m, q)))
        .collect();
    let best = matches.iter().map(|(_, q)| *q).max();
    let mut found: Vec<&Member> = matches
        .iter()
        .filter(|(_, q)| Some(*q) == best)
        .map(|(m, _)| *m)
        .collect();
    if found.len() > 1
        && let Some(date) = on
    {
        let on_roll: Vec<&Member> = found.iter().copied().filter(|m| m.on_roll(date)).collect();
        if !on_roll.is_empty() {
            found = on_roll;
        }
    }
    if found.len() > 1 && !query.is_ascii() {
        let accented: Vec<&Member> = found
            .iter()
            .copied()
            .filter(|m| names::matches_with_accents(&query, &m.name))
            .collect();
        if !accented.is_empty() {
            found = accented;
        }
    }
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(LookupError::UnknownMember {
            query: query.clone(),
            candidates: suggestions(roster, &query),
        }),
        many => Err(LookupError::AmbiguousMember {
            query: query.clone(),
            candidates: many.iter().map(|m| describe(m)).collect(),
        }),
    }
}

fn describe(m: &Member) -> String {
    format!("{} ({})", m.id, m.name)
}

/// Members whose id or any word of whose name is close to the query: what the person probably
/// meant.
fn suggestions(roster: &Roster, query: &str) -> Vec<String> {
    let q = names::fold(query);
    let mut scored: Vec<(usize, &Member)> = roster
        .members
        .iter()
        .map(|m| {
            let name = names::fold(&m.name);
            let d = std::iter::once(m.id.to_ascii_lowercase().as_str().to_owned())
                .chain(name.split(' ').map(str::to_owned))
                .chain(std::iter::once(name.clone()))
                // Optimal string alignment: swapping two neighbours counts as one typo ("trihn").
                .map(|w| strsim::osa_distance(&q, &w))
                .min()
                .unwrap_or(usize::MAX);
            (d, m)
        })
        .filter(|(d, _)| *d <= 2.max(q.chars().count() / 3))
        .collect();
    scored.sort_by_key(|(d, m)| (*d, m.id.clone()));
    scored
        .into_iter()
        .take(5)
        .map(|(_, m)| describe(m))
        .collect()
}

/// How a meeting is named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingRef {
    Id(MeetingId),
    Date(NaiveDate),
    /// The latest meeting dated today or earlier.
    Last,
    /// The earliest meeting dated today or later that is not yet recorded.
    Next,
}

impl MeetingRef {
    pub fn parse(s: &str) -> Result<MeetingRef, LookupError> {
        let s = s.trim();
        match s.to_ascii_lowercase().as_str() {
            "last" => return Ok(MeetingRef::Last),
            "next" => return Ok(MeetingRef::Next),
            _ => {}
        }
        if let Some(id) = MeetingId::parse(s) {
            return Ok(MeetingRef::Id(id));
        }
        if s.contains('/')
            && let Ok(d) = crate::core::dates::parse_date(s)
        {
            return Ok(MeetingRef::Date(d));
        }
        Err(LookupError::NotAMeeting { text: s.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Role, Status};

    fn m(id: &str, name: &str) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            role: Role::Member,
            status: Status::Full,
            joined: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            left: None,
            temporary: false,
            exempt: vec![],
        }
    }

    fn roster() -> Roster {
        Roster {
            schema: 1,
            members: vec![
                m("trinh", "Dương Công Trinh"),
                m("trinh2", "Lê Văn Trình"),
                m("dung", "Đỗ Thị Dung"),
            ],
        }
    }

    #[test]
    fn ids_names_and_accentless_names_resolve() {
        let r = roster();
        assert_eq!(member(&r, "TRINH", None).unwrap().id, "trinh");
        assert_eq!(member(&r, "duong cong trinh", None).unwrap().id, "trinh");
        assert_eq!(member(&r, "Dương Công Trinh", None).unwrap().id, "trinh");
        assert_eq!(member(&r, "do thi dung", None).unwrap().id, "dung");
        assert_eq!(member(&r, "Dung", None).unwrap().id, "dung");
    }

    #[test]
    fn accents_break_ties_and_ambiguity_lists_candidates() {
        let r = roster();
        assert_eq!(member(&r, "Trình", None).unwrap().id, "trinh2");
        match member(&r, "van trinh", None) {
            Ok(found) => assert_eq!(found.id, "trinh2"),
            Err(e) => panic!("{e:?}"),
        }
        let mut r2 = roster();
        r2.members.push(m("x", "Phan Trinh"));
        match member(&r2, "cong trinh", None) {
            Ok(found) => assert_eq!(found.id, "trinh"),
            Err(e) => panic!("{e:?}"),
        }
        match member(&r2, "trinh ", None) {
            Ok(found) => assert_eq!(found.id, "trinh"),
            Err(e) => panic!("{e:?}"),
        }
        match member(&roster(), "Trinh", None) {
            Ok(found) => assert_eq!(found.id, "trinh"),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let r = roster();
        match member(&r, "trinhh", None) {
            Err(LookupError::UnknownMember { candidates, .. }) => {
                assert!(candidates[0].starts_with("trinh"))
            }
            other => panic!("{other:?}"),
        }
        let mut r2 = roster();
        r2.members.push(m("x", "Phan Văn Dung"));
        assert!(matches!(member(&r2, "dung", None), Ok(found) if found.id == "dung"));
        assert!(matches!(member(&r2, "Van Dung", None), Ok(found) if found.id == "x"));
        r2.members.push(m("y", "Lê Thị Dung"));
        assert!(matches!(
            member(&r2, "thi dung", None),
            Err(LookupError::AmbiguousMember { .. })
        ));
    }

    #[test]
    fn meeting_refs() {
        assert_eq!(MeetingRef::parse("last").unwrap(), MeetingRef::Last);
        assert!(matches!(
            MeetingRef::parse("09/07/2020").unwrap(),
            MeetingRef::Date(_)
        ));
        assert!(
            matches!(MeetingRef::parse("2020-07-09-2").unwrap(), MeetingRef::Id(id) if id.seq == 2)
        );
        assert!(MeetingRef::parse("../../etc/passwd").is_err());
    }
}

#[cfg(test)]
mod distance_tests {
    #[test]
    fn a_swap_is_one_typo() {
        assert_eq!(strsim::osa_distance("trihn", "trinh"), 1);
        assert_eq!(strsim::osa_distance("trihn", "tran"), 2);
        assert_eq!(strsim::osa_distance("", "abc"), 3);
    }
}
