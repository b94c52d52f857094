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
            query: crate::core::text::visible(&query).into_owned(),
            candidates: suggestions(roster, &query),
        }),
        many => Err(LookupError::AmbiguousMember {
            query: crate::core::text::visible(&query).into_owned(),
            candidates: many.iter().map(|m| describe(m)).collect(),
        }),
    }
}

/// A member as a candidate in a message: `id (Name)`, the name with any control character a
/// hand-written roster may hold made visible, since the message goes to a terminal.
fn describe(m: &Member) -> String {
    format!("{} ({})", m.id, crate::core::text::visible(&m.name))
}

/// How many members a failed lookup suggests at most (ledger-format §8: "up to five").
pub const MAX_SUGGESTIONS: usize = 5;

/// How far the folded query is from a member: the closest of their id, each word of their name
/// and their whole name by string distance, and, for a query of several words, the number of
/// its words that are not words of the name when the given names (the last words) agree, so
/// that `Nguyễn Văn Đức` is one word away from `Đặng Văn Đức`.
fn distance(q: &str, m: &Member) -> usize {
    let name = names::fold(&m.name);
    let by_spelling = std::iter::once(m.id.to_ascii_lowercase())
        .chain(name.split(' ').map(str::to_owned))
        .chain(std::iter::once(name.clone()))
        // Optimal string alignment: swapping two neighbours counts as one typo ("trihn").
        .map(|w| strsim::osa_distance(q, &w))
        .min()
        .unwrap_or(usize::MAX);
    let q_words: Vec<&str> = q.split(' ').collect();
    let n_words: Vec<&str> = name.split(' ').collect();
    let by_words = match (q_words.as_slice(), n_words.last()) {
        ([_, .., given], Some(their_given)) if given == their_given => {
            q_words.iter().filter(|w| !n_words.contains(w)).count()
        }
        _ => usize::MAX,
    };
    by_spelling.min(by_words)
}

/// Members whose id or name is close to the query: what the person probably meant, closest
/// first, at most [`MAX_SUGGESTIONS`].
fn suggestions(roster: &Roster, query: &str) -> Vec<String> {
    let q = names::fold(query);
    let mut scored: Vec<(usize, &Member)> = roster
        .members
        .iter()
        .map(|m| (distance(&q, m), m))
        .filter(|(d, _)| *d <= 2.max(q.chars().count() / 3))
        .collect();
    scored.sort_by_key(|(d, m)| (*d, m.id.clone()));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
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
            admitted: None,
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
    fn a_name_typed_with_other_diacritics_is_not_found_but_suggested() {
        let mut r = roster();
        r.members.push(m("hung", "Võ Văn Hùng"));
        match member(&r, "Hưng", None) {
            Err(LookupError::UnknownMember { candidates, .. }) => {
                assert_eq!(candidates[0], "hung (Võ Văn Hùng)", "{candidates:?}")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(member(&r, "Hùng", None), Ok(found) if found.id == "hung"));
        assert!(matches!(member(&r, "hung", None), Ok(found) if found.id == "hung"));
        r.members.push(m("hung2", "Lê Văn Hưng"));
        assert!(matches!(member(&r, "Hưng", None), Ok(found) if found.id == "hung2"));
        assert!(matches!(member(&r, "Văn Hùng", None), Ok(found) if found.id == "hung"));
        assert!(matches!(
            member(&r, "van hung", None),
            Err(LookupError::AmbiguousMember { .. })
        ));
    }

    #[test]
    fn a_wrong_family_name_suggests_the_same_given_name() {
        let mut r = roster();
        r.members.push(m("duc", "Đặng Văn Đức"));
        r.members.push(m("minh", "Nguyễn Văn Minh"));
        match member(&r, "Nguyễn Văn Đức", None) {
            // The same given name first; a near spelling of the whole name after it.
            Err(LookupError::UnknownMember { candidates, .. }) => assert_eq!(
                candidates,
                vec!["duc (Đặng Văn Đức)", "minh (Nguyễn Văn Minh)"]
            ),
            other => panic!("{other:?}"),
        }
        match member(&r, "Trần Thị Lan", None) {
            Err(LookupError::UnknownMember { candidates, .. }) => {
                assert!(candidates.is_empty(), "{candidates:?}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn at_most_five_suggestions_closest_first() {
        let mut r = roster();
        for i in 0..8 {
            r.members
                .push(m(&format!("duc{i}"), &format!("Họ{i} Văn Đức")));
        }
        r.members.push(m("duc", "Đặng Văn Đức"));
        match member(&r, "Nguyễn Văn Đức", None) {
            Err(LookupError::UnknownMember { candidates, .. }) => {
                assert_eq!(candidates.len(), MAX_SUGGESTIONS);
                assert_eq!(candidates[0], "duc (Đặng Văn Đức)");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn candidates_show_hidden_characters_in_names() {
        let mut r = roster();
        r.members.push(m("x", "Lê\u{1b}[2J Thị Dung"));
        match member(&r, "thi dung", None) {
            Err(LookupError::AmbiguousMember { candidates, .. }) => assert_eq!(
                candidates,
                vec!["dung (Đỗ Thị Dung)", "x (Lê\\u{1b}[2J Thị Dung)"]
            ),
            other => panic!("{other:?}"),
        }
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
