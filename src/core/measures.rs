//! Measuring a meeting from its record: the facts a rubric bands into points, so that a rating
//! cannot quietly disagree with the minutes. Pure: takes the roster and meetings, returns numbers.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::core::model::{Kind, Meeting, MeetingRules, Role, Roster};
use crate::core::rubric::{Measure, Measures};
use crate::core::{attendance, cadence};

/// What a meeting's measures need from the ledger besides the roster and earlier meetings.
#[derive(Debug, Clone, Copy)]
pub struct Setting<'a> {
    /// The ledger's `[meetings]`: the required length and the voting base.
    pub rules: &'a MeetingRules,
    /// The held meetings of this meeting's month, `this` included or not, in any order.
    pub month: &'a [&'a Meeting],
}

/// The measures of `this` with the default `[meetings]` rules and no other meeting that month.
pub fn measure(roster: &Roster, earlier: &[&Meeting], this: &Meeting) -> Measures {
    let rules = MeetingRules::default();
    measure_in(
        roster,
        earlier,
        this,
        Setting {
            rules: &rules,
            month: &[],
        },
    )
}

/// The measures of `this`, given the held meetings before it (`earlier`, in date order; it
/// needs this calendar year's and the last one before this meeting). A measure that cannot be
/// computed is left out, never guessed.
pub fn measure_in(
    roster: &Roster,
    earlier: &[&Meeting],
    this: &Meeting,
    setting: Setting<'_>,
) -> Measures {
    let mut m = Measures::new();
    let date = this.date;
    let Some(rec) = &this.record else { return m };
    m.insert(
        Measure::LeadershipSize,
        attendance::roll(roster, date)
            .filter(|p| p.role != Role::Member)
            .count() as f64,
    );
    m.insert(
        Measure::ThematicMonth,
        flag(
            this.kind == Kind::Thematic
                || earlier
                    .iter()
                    .chain(setting.month)
                    .any(|o| is_thematic_of_month(o, date)),
        ),
    );
    if let Some(d) = rec.duration_minutes() {
        let need = f64::from(required_minutes(roster, this, setting));
        m.insert(Measure::DurationMinutes, d as f64);
        m.insert(Measure::DurationShortMinutes, (need - d as f64).max(0.0));
        m.insert(Measure::DurationRatio, d as f64 / need.max(1.0));
    }
    m.extend(record_measures(roster, earlier, this, setting));
    m
}

/// The shortest `this` may last: a regular and a thematic meeting recorded on the same date
/// share one sitting, and the roll on the date says whether the cell is large.
pub fn required_minutes(roster: &Roster, this: &Meeting, setting: Setting<'_>) -> u32 {
    let shares_sitting = cadence::shares_sitting(this, setting.month.iter().copied());
    let roll = attendance::roll(roster, this.date).count();
    cadence::required_minutes(setting.rules, roll, shares_sitting)
}

/// What a held meeting's record gives besides the measures: the figures `show --json` prints.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Members on the roll on the meeting's date.
    pub roll: u32,
    /// Members counted in the attendance base (exempted members only when present).
    pub counted: u32,
    pub present: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// `present / counted`; `None` when nobody is counted.
    pub attendance_rate: Option<f64>,
    /// The full members a resolution needs more than half of (`[meetings] voting_base`).
    pub voting_base: u32,
    /// Whether the vote passed; `None` when no vote is recorded.
    pub vote_passed: Option<bool>,
    /// `None` when the start or the end is not recorded.
    pub duration_minutes: Option<i64>,
    pub required_minutes: u32,
}

/// The figures of a held meeting; `None` for a meeting not recorded yet.
pub fn figures(roster: &Roster, this: &Meeting, setting: Setting<'_>) -> Option<Figures> {
    let rec = this.record.as_ref()?;
    let date = this.date;
    let att = attendance::attendance(roster, date, rec);
    let base = attendance::voting_base(roster, date, rec, setting.rules.voting_base);
    Some(Figures {
        roll: u32::try_from(attendance::roll(roster, date).count()).unwrap_or(u32::MAX),
        counted: att.counted,
        present: att.present,
        excused: att.excused,
        unexcused: att.unexcused,
        attendance_rate: att.rate,
        voting_base: base,
        vote_passed: rec.vote.map(|v| attendance::passes(v.in_favour, base)),
        duration_minutes: rec.duration_minutes(),
        required_minutes: required_minutes(roster, this, setting),
    })
}

/// A thematic meeting held in `date`'s month by `date`: the month's thematic line counts from
/// then on, so a rating never changes because of a meeting held after it.
fn is_thematic_of_month(other: &Meeting, date: chrono::NaiveDate) -> bool {
    other.kind == Kind::Thematic
        && other.record.is_some()
        && other.date <= date
        && other.date.year() == date.year()
        && other.date.month() == date.month()
}

/// The measures taken from the record's lists, the plan and the previous regular meeting.
fn record_measures(
    roster: &Roster,
    earlier: &[&Meeting],
    this: &Meeting,
    setting: Setting<'_>,
) -> Measures {
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
            let base = attendance::voting_base(roster, date, rec, setting.rules.voting_base);
            m.insert(
                Measure::ResolutionPassed,
                flag(attendance::passes(v.in_favour, base)),
            );
        }
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
    // Measured only when written down; a meeting without the date leaves the line to the
    // raters, as it was before the field existed.
    if let Some(notified) = plan.notified {
        m.insert(Measure::NoticeSent, flag(notified <= date));
    }
    if let Some(posted) = rec.posted {
        m.insert(
            Measure::PostedAfterDays,
            (posted - date).num_days().max(0) as f64,
        );
    }
    m.insert(
        Measure::MinutesRecorded,
        flag(rec.minutes.as_deref().is_some_and(|t| !t.trim().is_empty())),
    );
    // The form's "previous month" is the last regular meeting before this one: a thematic
    // meeting held in between sets no targets of its own to follow up.
    let previous = earlier
        .iter()
        .rev()
        .find(|e| e.date <= date && e.record.is_some() && e.kind == Kind::Regular);
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
            admitted: None,
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

    fn with_rules(roster: &Roster, this: &Meeting, rules: &MeetingRules) -> Measures {
        measure_in(roster, &[], this, Setting { rules, month: &[] })
    }

    #[test]
    fn probationary_members_do_not_count_toward_the_majority() {
        let mut m = held("2020-07-09", &["a", "b", "p"], &[], &["c"]);
        m.record.as_mut().unwrap().vote = Some(Vote {
            in_favour: 1,
            against: 0,
            abstain: 0,
        });
        // Summoned full members: a, b, c (p is probationary). One vote is not more than half.
        assert_eq!(measure(&roster(), &[], &m)[&Measure::ResolutionPassed], 0.0);
    }

    #[test]
    fn excused_full_members_are_not_summoned_unless_the_ledger_says_so() {
        // Issue 12's example: 10 full members, 3 absent with a reason, 5 in favour.
        let mut r = roster();
        r.members.truncate(3);
        for i in 3..10 {
            let mut extra = r.members[0].clone();
            extra.id = format!("f{i}");
            r.members.push(extra);
        }
        let present = ["a", "b", "c", "f3", "f4", "f5", "f6"];
        let mut m = held("2020-07-09", &present, &["f7", "f8", "f9"], &[]);
        m.record.as_mut().unwrap().vote = Some(Vote {
            in_favour: 5,
            against: 2,
            abstain: 0,
        });
        // The base is the 7 summoned: 5 of 7 passes.
        let rules = MeetingRules::default();
        assert_eq!(with_rules(&r, &m, &rules)[&Measure::ResolutionPassed], 1.0);
        // Counting the excused, the base is 10: 5 of 10 is not more than half.
        let counted = MeetingRules {
            voting_base: crate::core::model::VotingBase::Counted,
            ..MeetingRules::default()
        };
        assert_eq!(
            with_rules(&r, &m, &counted)[&Measure::ResolutionPassed],
            0.0
        );
    }

    #[test]
    fn duration_against_the_required_minutes() {
        let mut m = held("2020-07-09", &["a", "b", "c", "p"], &[], &[]);
        let rec = m.record.as_mut().unwrap();
        rec.start = NaiveTime::from_hms_opt(14, 0, 0);
        rec.end = NaiveTime::from_hms_opt(15, 40, 0);
        let alone = measure(&roster(), &[], &m);
        assert_eq!(alone[&Measure::DurationShortMinutes], 0.0);
        assert_eq!(alone[&Measure::ThematicMonth], 0.0);
        // A thematic meeting in the same sitting: 120 minutes are required, 100 is 20 short.
        let mut thematic = m.clone();
        thematic.kind = Kind::Thematic;
        let rules = MeetingRules::default();
        let month = [&thematic];
        let shared = measure_in(
            &roster(),
            &[],
            &m,
            Setting {
                rules: &rules,
                month: &month,
            },
        );
        assert_eq!(shared[&Measure::DurationShortMinutes], 20.0);
        assert!((shared[&Measure::DurationRatio] - 100.0 / 120.0).abs() < 1e-9);
        assert_eq!(shared[&Measure::ThematicMonth], 1.0);
        // Earlier the same month, not the same sitting: 90 minutes, and a thematic month.
        thematic.date = d("2020-07-02");
        let later = measure(&roster(), &[&thematic], &m);
        assert_eq!(later[&Measure::DurationShortMinutes], 0.0);
        assert_eq!(later[&Measure::ThematicMonth], 1.0);
        // Held after this meeting: it does not change this meeting's rating.
        thematic.date = d("2020-07-24");
        let month = [&thematic];
        let after = measure_in(
            &roster(),
            &[],
            &m,
            Setting {
                rules: &rules,
                month: &month,
            },
        );
        assert_eq!(after[&Measure::ThematicMonth], 0.0);
        // The roster's secretary, deputy and committee: none in this roster.
        assert_eq!(later[&Measure::LeadershipSize], 0.0);
    }

    #[test]
    fn the_previous_regular_meeting_sets_the_targets_not_a_thematic_one() {
        let mut jul = held("2020-07-09", &["a", "b", "c", "p"], &[], &[]);
        jul.record.as_mut().unwrap().actions = vec![Action {
            id: 1,
            member: "a".into(),
            task: "t".into(),
            due: None,
            done: None,
        }];
        let mut theme = held("2020-07-24", &["a", "b", "c", "p"], &[], &[]);
        theme.kind = Kind::Thematic;
        theme.record.as_mut().unwrap().actions = vec![Action {
            id: 1,
            member: "a".into(),
            task: "t".into(),
            due: None,
            done: Some(d("2020-07-30")),
        }];
        let aug = held("2020-08-10", &["a", "b", "c", "p"], &[], &[]);
        assert_eq!(
            measure(&roster(), &[&jul, &theme], &aug)[&Measure::PreviousActionsDoneRate],
            0.0
        );
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
