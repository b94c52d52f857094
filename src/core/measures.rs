//! Measuring a meeting from its record: the facts a rubric bands into points, so that a rating
//! cannot quietly disagree with the minutes. Pure: takes the roster and meetings, returns numbers.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::core::attendance;
use crate::core::model::{Meeting, Roster};
use crate::core::rubric::{Measure, Measures};

/// The measures of `this`, given the held meetings before it (`earlier`, in date order; it
/// needs this calendar year's and the last one before this meeting). A measure that cannot be
/// computed is left out, never guessed.
pub fn measure(roster: &Roster, earlier: &[&Meeting], this: &Meeting) -> Measures {
    let mut m = Measures::new();
    let date = this.date;
    let Some(rec) = &this.record else { return m };
    if rec.has_attendance() {
        let att = attendance::attendance(roster, date, rec);
        if let Some(rate) = att.rate {
            m.insert(Measure::AttendanceRate, rate);
        }
        m.insert(Measure::UnexcusedAbsences, f64::from(att.unexcused));
        let year: Vec<&Meeting> = earlier
            .iter()
            .copied()
            .filter(|e| e.date.year() == date.year() && e.date <= date && e.record.is_some())
            .chain(std::iter::once(this))
            .collect();
        m.insert(
            Measure::MaxExcusedStreak,
            f64::from(max_excused_streak(&year)),
        );
        if !rec.present.is_empty() {
            let spoke = rec
                .speakers
                .iter()
                .filter(|s| rec.present.contains(s))
                .count();
            m.insert(
                Measure::SpeakersRate,
                spoke as f64 / rec.present.len() as f64,
            );
        }
        if let Some(v) = rec.vote {
            let voters = attendance::counted_voters(roster, date, rec);
            m.insert(
                Measure::ResolutionPassed,
                if voters > 0 && 2 * u64::from(v.in_favour) > u64::from(voters) {
                    1.0
                } else {
                    0.0
                },
            );
        }
    }
    if let Some(d) = rec.duration_minutes() {
        m.insert(Measure::DurationMinutes, d as f64);
    }
    let plan = this.plan.clone().unwrap_or_default();
    if let Some(sent) = plan.docs_sent {
        m.insert(Measure::DocsLeadDays, (date - sent).num_days() as f64);
    }
    m.insert(
        Measure::CommitteeMet,
        flag(plan.committee_met.is_some_and(|d| d <= date)),
    );
    m.insert(Measure::DraftResolution, flag(plan.draft_resolution));
    m.insert(
        Measure::MinutesRecorded,
        flag(rec.minutes.as_deref().is_some_and(|t| !t.trim().is_empty())),
    );
    let previous = earlier
        .iter()
        .rev()
        .find(|e| e.date <= date && e.record.is_some());
    if let Some(actions) = previous.and_then(|p| p.record.as_ref()).map(|r| &r.actions)
        && !actions.is_empty()
    {
        let done = actions
            .iter()
            .filter(|a| a.done.is_some_and(|d| d <= date))
            .count();
        m.insert(
            Measure::PreviousActionsDoneRate,
            done as f64 / actions.len() as f64,
        );
    }
    m
}

fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// The longest run of consecutive held meetings (in the order given) at which one member was
/// excused. A meeting at which the member was not excused ends their run.
pub fn max_excused_streak(meetings: &[&Meeting]) -> u32 {
    let mut runs: BTreeMap<&str, u32> = BTreeMap::new();
    let mut best = 0;
    for m in meetings {
        let Some(rec) = &m.record else { continue };
        let excused: Vec<&str> = rec.excused.iter().map(|e| e.member.as_str()).collect();
        runs.retain(|id, _| excused.contains(id));
        for id in excused {
            let run = runs.entry(id).or_insert(0);
            *run += 1;
            best = best.max(*run);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Action, Excuse, Kind, Member, Plan, Record, Role, Status, Vote};
    use chrono::{NaiveDate, NaiveTime};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn roster() -> Roster {
        let m = |id: &str, status| Member {
            id: id.into(),
            name: id.into(),
            role: Role::Member,
            status,
            joined: d("2000-01-01"),
            left: None,
            temporary: false,
            exempt: vec![],
        };
        Roster {
            schema: 1,
            members: vec![
                m("a", Status::Full),
                m("b", Status::Full),
                m("c", Status::Full),
                m("p", Status::Probationary),
            ],
        }
    }

    fn held(date: &str, present: &[&str], excused: &[&str], unexcused: &[&str]) -> Meeting {
        let mut m = Meeting::new(d(date), Kind::Regular);
        m.record = Some(Record {
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
        });
        m
    }

    #[test]
    fn record_measures() {
        let mut m = held("2020-07-09", &["a", "b", "p"], &[], &["c"]);
        let rec = m.record.as_mut().unwrap();
        rec.start = NaiveTime::from_hms_opt(14, 0, 0);
        rec.end = NaiveTime::from_hms_opt(15, 30, 0);
        rec.speakers = vec!["a".into(), "p".into()];
        rec.minutes = Some("…".into());
        rec.vote = Some(Vote {
            in_favour: 2,
            against: 0,
            abstain: 0,
        });
        m.plan = Some(Plan {
            docs_sent: Some(d("2020-07-07")),
            committee_met: Some(d("2020-07-06")),
            ..Plan::default()
        });
        let x = measure(&roster(), &[], &m);
        assert_eq!(x[&Measure::AttendanceRate], 0.75);
        assert_eq!(x[&Measure::UnexcusedAbsences], 1.0);
        assert_eq!(x[&Measure::DurationMinutes], 90.0);
        assert!((x[&Measure::SpeakersRate] - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(x[&Measure::DocsLeadDays], 2.0);
        assert_eq!(x[&Measure::CommitteeMet], 1.0);
        assert_eq!(x[&Measure::DraftResolution], 0.0);
        assert_eq!(x[&Measure::MinutesRecorded], 1.0);
        // 3 full members counted (a, b, c): 2 of 3 is more than half.
        assert_eq!(x[&Measure::ResolutionPassed], 1.0);
        assert!(!x.contains_key(&Measure::PreviousActionsDoneRate));
    }

    #[test]
    fn probationary_members_do_not_count_toward_the_majority() {
        let mut m = held("2020-07-09", &["a", "p"], &["b", "c"], &[]);
        m.record.as_mut().unwrap().vote = Some(Vote {
            in_favour: 1,
            against: 0,
            abstain: 0,
        });
        // Counted full members: a, b, c. One vote for is not more than half of three.
        assert_eq!(measure(&roster(), &[], &m)[&Measure::ResolutionPassed], 0.0);
    }

    #[test]
    fn missing_facts_are_not_guessed() {
        let m = held("2020-07-09", &[], &[], &[]);
        let x = measure(&roster(), &[], &m);
        for k in [
            Measure::AttendanceRate,
            Measure::DurationMinutes,
            Measure::ResolutionPassed,
            Measure::DocsLeadDays,
            Measure::SpeakersRate,
        ] {
            assert!(!x.contains_key(&k), "{k:?}");
        }
        assert!(
            measure(
                &roster(),
                &[],
                &Meeting::new(d("2020-07-09"), Kind::Regular)
            )
            .is_empty()
        );
    }

    #[test]
    fn excused_streaks_reset_at_the_year_boundary_and_on_attendance() {
        let nov = held("2019-11-10", &["a", "b", "c"], &["p"], &[]);
        let dec = held("2019-12-10", &["a", "b", "c"], &["p"], &[]);
        let jan = held("2020-01-10", &["a", "b", "c"], &["p"], &[]);
        let feb = held("2020-02-10", &["a", "b", "c", "p"], &[], &[]);
        let mar = held("2020-03-10", &["a", "b", "c"], &["p"], &[]);
        assert_eq!(
            measure(&roster(), &[&nov], &dec)[&Measure::MaxExcusedStreak],
            2.0
        );
        assert_eq!(
            measure(&roster(), &[&nov, &dec], &jan)[&Measure::MaxExcusedStreak],
            1.0
        );
        assert_eq!(
            measure(&roster(), &[&nov, &dec, &jan, &feb], &mar)[&Measure::MaxExcusedStreak],
            1.0
        );
        assert_eq!(max_excused_streak(&[&nov, &dec, &jan]), 3);
    }

    #[test]
    fn a_second_meeting_the_same_day_follows_the_first() {
        let mut first = held("2020-07-09", &["a", "b", "c", "p"], &[], &[]);
        first.record.as_mut().unwrap().actions = vec![Action {
            id: 1,
            member: "a".into(),
            task: "t".into(),
            due: None,
            done: Some(d("2020-07-09")),
        }];
        let second = held("2020-07-09", &["a", "b", "c", "p"], &[], &[]);
        assert_eq!(
            measure(&roster(), &[&first], &second)[&Measure::PreviousActionsDoneRate],
            1.0
        );
    }

    #[test]
    fn previous_actions_done_by_this_meeting() {
        let mut jul = held("2020-07-09", &["a", "b", "c", "p"], &[], &[]);
        jul.record.as_mut().unwrap().actions = vec![
            Action {
                id: 1,
                member: "a".into(),
                task: "t".into(),
                due: None,
                done: Some(d("2020-07-20")),
            },
            Action {
                id: 2,
                member: "b".into(),
                task: "t".into(),
                due: None,
                done: Some(d("2020-08-20")),
            },
            Action {
                id: 3,
                member: "c".into(),
                task: "t".into(),
                due: None,
                done: None,
            },
        ];
        let aug = held("2020-08-10", &["a", "b", "c", "p"], &[], &[]);
        assert!(
            (measure(&roster(), &[&jul], &aug)[&Measure::PreviousActionsDoneRate] - 1.0 / 3.0)
                .abs()
                < 1e-9
        );
    }
}
