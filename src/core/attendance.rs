//! The attendance rule everything else depends on.
//!
//! On a meeting's date the **roll** is every member who has joined and not yet left. The
//! **counted** members are the roll minus those inside an exemption period, plus any exempted
//! member who came anyway. Every counted member is in exactly one of `present`, `excused`,
//! `unexcused`. Attendance rate = counted present ÷ counted.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::model::{Member, Record, Roster, VotingBase};

/// One of the three attendance lists of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum List {
    Present,
    Excused,
    Unexcused,
}

impl List {
    pub fn key(self) -> &'static str {
        match self {
            List::Present => "present",
            List::Excused => "excused",
            List::Unexcused => "unexcused",
        }
    }
}

/// The counts a report shows for one held meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    pub counted: u32,
    pub present: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// Counted present ÷ counted; `None` when nobody is counted.
    pub rate: Option<f64>,
}

/// Members on the roll of a meeting held on `date`.
pub fn roll(roster: &Roster, date: NaiveDate) -> impl Iterator<Item = &Member> {
    roster.members.iter().filter(move |m| m.on_roll(date))
}

/// Whether `member` is counted at a meeting on `date` whose present list is `present`.
pub fn is_counted(member: &Member, date: NaiveDate, present: &[String]) -> bool {
    member.on_roll(date) && (member.exemption_on(date).is_none() || present.contains(&member.id))
}

/// The counted members of a meeting held on `date` with the given record.
pub fn counted<'a>(
    roster: &'a Roster,
    date: NaiveDate,
    record: &'a Record,
) -> impl Iterator<Item = &'a Member> {
    roster
        .members
        .iter()
        .filter(move |m| is_counted(m, date, &record.present))
}

/// Attendance figures of a held meeting.
pub fn attendance(roster: &Roster, date: NaiveDate, record: &Record) -> Attendance {
    let mut a = Attendance::default();
    for m in counted(roster, date, record) {
        a.counted += 1;
        if record.present.contains(&m.id) {
            a.present += 1;
        } else if record.excused.iter().any(|e| e.member == m.id) {
            a.excused += 1;
        } else if record.unexcused.contains(&m.id) {
            a.unexcused += 1;
        }
    }
    a.rate = (a.counted > 0).then(|| f64::from(a.present) / f64::from(a.counted));
    a
}

/// Full members counted at the meeting: the base a resolution needs more than half of.
pub fn counted_voters(roster: &Roster, date: NaiveDate, record: &Record) -> u32 {
    counted(roster, date, record).filter(|m| m.votes()).count() as u32
}

/// The full members a resolution needs more than half of, by the ledger's `voting_base`.
///
/// `Summoned` (the default) follows Quy chế bầu cử trong Đảng, Điều 32.2 and Quy định
/// 294-QĐ/TW: the full members summoned, less those transferred elsewhere for now or exempted
/// who did not come (both already left out of the counted members unless present) and the full
/// members absent for the whole meeting with a reason (`excused`). `Counted` keeps the excused.
pub fn voting_base(roster: &Roster, date: NaiveDate, record: &Record, base: VotingBase) -> u32 {
    counted(roster, date, record)
        .filter(|m| m.votes())
        .filter(|m| base == VotingBase::Counted || !record.excused.iter().any(|e| e.member == m.id))
        .count() as u32
}

/// Whether a vote of `in_favour` passes: more than half of a base that is not empty.
pub fn passes(in_favour: u32, base: u32) -> bool {
    base > 0 && 2 * u64::from(in_favour) > u64::from(base)
}

/// Full members present: nobody else can have voted.
pub fn present_voters(roster: &Roster, date: NaiveDate, record: &Record) -> u32 {
    counted(roster, date, record)
        .filter(|m| m.votes() && record.present.contains(&m.id))
        .count() as u32
}

/// Something wrong with a record's attendance lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttendanceProblem {
    /// A counted member is in none of the lists.
    Missing { member: String },
    /// A member is listed more than once (in one list or across lists); `at` is the later place.
    Doubled {
        member: String,
        first: List,
        at: (List, usize),
    },
    /// Not a member of the roster at all.
    Unknown { member: String, at: (List, usize) },
    /// A member of the roster, but not on the roll that day (not yet joined, or left).
    NotOnRoll { member: String, at: (List, usize) },
}

/// Every way the record's lists break the attendance rule, in file order.
pub fn check(roster: &Roster, date: NaiveDate, record: &Record) -> Vec<AttendanceProblem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, List> = BTreeMap::new();
    let listed = record
        .present
        .iter()
        .enumerate()
        .map(|(i, m)| (List::Present, i, m.as_str()))
        .chain(
            record
                .excused
                .iter()
                .enumerate()
                .map(|(i, e)| (List::Excused, i, e.member.as_str())),
        )
        .chain(
            record
                .unexcused
                .iter()
                .enumerate()
                .map(|(i, m)| (List::Unexcused, i, m.as_str())),
        );
    for (list, i, id) in listed {
        if let Some(first) = seen.get(id) {
            problems.push(AttendanceProblem::Doubled {
                member: id.to_owned(),
                first: *first,
                at: (list, i),
            });
            continue;
        }
        seen.insert(id, list);
        match roster.get(id) {
            None => problems.push(AttendanceProblem::Unknown {
                member: id.to_owned(),
                at: (list, i),
            }),
            Some(m) if !m.on_roll(date) => problems.push(AttendanceProblem::NotOnRoll {
                member: id.to_owned(),
                at: (list, i),
            }),
            Some(_) => {}
        }
    }
    for m in counted(roster, date, record) {
        if !seen.contains_key(m.id.as_str()) {
            problems.push(AttendanceProblem::Missing {
                member: m.id.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Excuse, Exemption, ExemptionKind, Role, Status};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn member(id: &str, joined: &str) -> Member {
        Member {
            id: id.into(),
            name: id.into(),
            role: Role::Member,
            status: Status::Full,
            joined: d(joined),
            left: None,
            temporary: false,
            admitted: None,
            exempt: vec![],
        }
    }

    fn roster() -> Roster {
        let mut old = member("old", "1990-01-01");
        old.exempt.push(Exemption {
            from: d("2020-01-01"),
            to: None,
            kind: ExemptionKind::Exempt,
            reason: None,
        });
        let mut gone = member("gone", "2000-01-01");
        gone.left = Some(d("2020-08-01"));
        let mut away = member("away", "2000-01-01");
        away.exempt.push(Exemption {
            from: d("2020-07-01"),
            to: Some(d("2020-07-31")),
            kind: ExemptionKind::Away,
            reason: None,
        });
        let mut prob = member("prob", "2020-02-01");
        prob.status = Status::Probationary;
        Roster {
            schema: 1,
            members: vec![
                member("a", "2000-01-01"),
                member("new", "2020-08-05"),
                old,
                gone,
                away,
                prob,
            ],
        }
    }

    fn record(present: &[&str], excused: &[&str], unexcused: &[&str]) -> Record {
        Record {
            present: present.iter().map(|s| s.to_string()).collect(),
            excused: excused
                .iter()
                .map(|s| Excuse {
                    member: s.to_string(),
                    reason: "x".into(),
                })
                .collect(),
            unexcused: unexcused.iter().map(|s| s.to_string()).collect(),
            ..Record::default()
        }
    }

    #[test]
    fn joins_leaves_and_exemptions_shape_the_count() {
        let r = roster();
        // July: a, gone, prob counted; away exempted (July), old exempted, new not yet joined.
        let rec = record(&["a", "prob"], &["gone"], &[]);
        assert!(check(&r, d("2020-07-09"), &rec).is_empty());
        let att = attendance(&r, d("2020-07-09"), &rec);
        assert_eq!((att.counted, att.present, att.excused), (3, 2, 1));
        // August 10: gone has left, new has joined, away is back.
        let rec = record(&["a", "new", "away"], &[], &["prob"]);
        assert!(check(&r, d("2020-08-10"), &rec).is_empty());
        assert_eq!(attendance(&r, d("2020-08-10"), &rec).counted, 4);
    }

    #[test]
    fn exempted_member_who_comes_is_counted() {
        let r = roster();
        let rec = record(&["a", "prob", "old"], &["gone"], &[]);
        assert!(check(&r, d("2020-07-09"), &rec).is_empty());
        let att = attendance(&r, d("2020-07-09"), &rec);
        assert_eq!((att.counted, att.present), (4, 3));
        assert_eq!(att.rate, Some(0.75));
    }

    #[test]
    fn missing_doubled_unknown_and_off_roll_are_reported() {
        let r = roster();
        let rec = record(&["a", "a", "ghost", "new"], &["prob"], &["prob"]);
        let problems = check(&r, d("2020-07-09"), &rec);
        assert!(problems.contains(&AttendanceProblem::Doubled {
            member: "a".into(),
            first: List::Present,
            at: (List::Present, 1)
        }));
        assert!(problems.contains(&AttendanceProblem::Unknown {
            member: "ghost".into(),
            at: (List::Present, 2)
        }));
        assert!(problems.contains(&AttendanceProblem::NotOnRoll {
            member: "new".into(),
            at: (List::Present, 3)
        }));
        assert!(problems.contains(&AttendanceProblem::Doubled {
            member: "prob".into(),
            first: List::Excused,
            at: (List::Unexcused, 0)
        }));
        assert!(problems.contains(&AttendanceProblem::Missing {
            member: "gone".into()
        }));
    }

    #[test]
    fn probationary_members_do_not_vote() {
        let r = roster();
        let rec = record(&["a", "prob"], &["gone"], &[]);
        assert_eq!(counted_voters(&r, d("2020-07-09"), &rec), 2);
        assert_eq!(present_voters(&r, d("2020-07-09"), &rec), 1);
    }
}
