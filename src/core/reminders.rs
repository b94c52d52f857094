//! What is due today: the reminders `cellbook status` shows, worked out from plain data.
//!
//! The core takes the cadence, the roster, the meetings of a few years and the day, and returns
//! a list of typed reminders, most urgent first. It reads no files and prints nothing: the
//! command (`commands/status.rs`) loads the data and renders the list.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::core::model::{
    ActionId, ExemptionKind, Kind, Meeting, MeetingId, MeetingRules, Member, RatingConfig, Roster,
    Status,
};
use crate::core::period::{Period, last_day_of_month};

/// Documents go out at least this many days before a meeting (since 2025: at least 1 day
/// before, through the members' handbook app).
pub const DOCS_LEAD_DAYS: i64 = 1;
/// How many days ahead of the send-by date the documents reminder starts.
pub const DOCS_WINDOW_DAYS: i64 = 3;
/// A held meeting unrated for longer than this is late (the same limit as `check`'s W003).
pub const RATE_WITHIN_DAYS: i64 = 7;
/// In the last days of a month, next month's regular meeting is due to be planned.
pub const PLAN_AHEAD_DAYS: i64 = 7;
/// An open action due within this many days is shown as due rather than as information.
pub const ACTION_SOON_DAYS: i64 = 7;
/// Months of unexcused absence in a year at which a member is to be considered for removal
/// from the rolls (Quy định 24-QĐ/TW 2021, point 8.1); one month fewer is a warning.
pub const ABSENCE_MONTHS_LIMIT: usize = 3;
/// A probationary member's term: twelve months from the admission ceremony (Điều lệ Đảng,
/// Điều 5.1); then the cell considers full membership (Điều 5.2), within 30 working days
/// (Quy định 29-QĐ/TW 2016, point 4).
pub const PROBATION_MONTHS: u32 = 12;
/// How many days before a probationary term ends the reminder starts.
pub const PROBATION_NOTICE_DAYS: i64 = 30;
/// How many days before an exemption ends the reminder starts; within a week it is due.
pub const EXEMPTION_NOTICE_DAYS: i64 = 30;
/// An exemption ending within this many days is due rather than for information.
pub const EXEMPTION_SOON_DAYS: i64 = 7;

/// What the reminders are worked out from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub today: NaiveDate,
    pub rules: &'a MeetingRules,
    /// `[rating]`: a held meeting of a kind the ledger does not rate needs no rating.
    pub rating: &'a RatingConfig,
    pub roster: &'a Roster,
    /// The meetings of the years around today (last year, this year, next year), any order.
    pub meetings: &'a [(MeetingId, &'a Meeting)],
}

/// How soon something needs doing. Sorted most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// Late, or due today: act now.
    Urgent,
    /// Due soon.
    Due,
    /// Worth knowing.
    Info,
}

impl Urgency {
    pub fn key(self) -> &'static str {
        match self {
            Urgency::Urgent => "urgent",
            Urgency::Due => "due",
            Urgency::Info => "info",
        }
    }
}

/// One thing the secretary should know or do today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reminder {
    /// A month has fewer regular meetings, held or planned, than the cadence asks
    /// (`[meetings] regular_per_month`). `current` is false for next month, shown in the last
    /// days of this one.
    RegularMissing {
        year: i32,
        month: u32,
        have: u32,
        need: u32,
        current: bool,
        /// Days left in the month, today included.
        days_left: i64,
    },
    /// The next planned meeting.
    NextMeeting {
        id: MeetingId,
        kind: Kind,
        title: Option<String>,
        time: Option<NaiveTime>,
        place: Option<String>,
        /// Days from today (0: today).
        in_days: i64,
    },
    /// The documents of a coming meeting are not recorded as sent.
    DocsToSend {
        id: MeetingId,
        /// The last day to send them: `DOCS_LEAD_DAYS` before the meeting.
        send_by: NaiveDate,
    },
    /// A meeting dated before today has no record.
    NotRecorded { id: MeetingId },
    /// The quarter has fewer thematic meetings, held or planned, than the cadence asks
    /// (`[meetings] thematic_per_quarter`).
    ThematicOwed {
        quarter: Period,
        have: u32,
        need: u32,
    },
    /// A held meeting has no rating yet.
    Unrated { id: MeetingId, days_since: i64 },
    /// An action not yet done.
    Action {
        id: ActionId,
        member: String,
        task: String,
        /// The day it was assigned: the meeting's date.
        since: NaiveDate,
        due: Option<NaiveDate>,
        overdue: bool,
    },
    /// A member absent without a reason in two or more distinct months of this year.
    Absences {
        member: String,
        year: i32,
        months: Vec<u32>,
    },
    /// A probationary member's twelve months end soon, or have ended: the cell must consider
    /// full membership.
    ProbationEnds {
        member: String,
        /// The last day of the term: twelve months from the admission ceremony.
        ends: NaiveDate,
        /// Days from today to `ends` (negative once it has passed).
        in_days: i64,
    },
    /// A member's exemption from meetings ends soon: from the day after, they are counted.
    ExemptionEnds {
        member: String,
        kind: ExemptionKind,
        /// The exemption's last day.
        ends: NaiveDate,
        /// Days from today to `ends` (0: today is the last day).
        in_days: i64,
    },
    /// A quarter ended last month: its report is due to the committee above.
    QuarterReport { quarter: Period },
    /// A year ended last month: its report is due.
    YearReport { year: i32 },
    /// A period's review (`reviews/PERIOD/`) is open and not done: `waiting` of `total` files
    /// wait for the self-assessment, the cell's vote or the decision (`self_missing`,
    /// `cell_missing`, `decision_missing`). Found by the command from the review files.
    ReviewsOpen {
        period: Period,
        total: usize,
        self_missing: usize,
        cell_missing: usize,
        decision_missing: usize,
    },
}

impl Reminder {
    /// How soon this needs doing, seen from `today`.
    pub fn urgency(&self, today: NaiveDate) -> Urgency {
        match self {
            Reminder::RegularMissing {
                current, days_left, ..
            } => match (current, *days_left <= PLAN_AHEAD_DAYS) {
                (false, _) => Urgency::Info,
                (true, true) => Urgency::Urgent,
                (true, false) => Urgency::Due,
            },
            Reminder::NextMeeting { in_days, .. } => {
                if *in_days <= 1 {
                    Urgency::Due
                } else {
                    Urgency::Info
                }
            }
            Reminder::DocsToSend { send_by, .. } => {
                if *send_by <= today {
                    Urgency::Urgent
                } else {
                    Urgency::Due
                }
            }
            Reminder::NotRecorded { .. } => Urgency::Due,
            Reminder::ThematicOwed { quarter, .. } => {
                // In the quarter's last month the meeting has to happen this month.
                if today.month() == quarter.end().month() {
                    Urgency::Urgent
                } else {
                    Urgency::Due
                }
            }
            Reminder::Unrated { days_since, .. } => {
                if *days_since > RATE_WITHIN_DAYS {
                    Urgency::Urgent
                } else {
                    Urgency::Due
                }
            }
            Reminder::Action { due, overdue, .. } => {
                if *overdue {
                    Urgency::Urgent
                } else if due.is_some_and(|d| (d - today).num_days() <= ACTION_SOON_DAYS) {
                    Urgency::Due
                } else {
                    Urgency::Info
                }
            }
            Reminder::Absences { months, .. } => {
                if months.len() >= ABSENCE_MONTHS_LIMIT {
                    Urgency::Urgent
                } else {
                    Urgency::Due
                }
            }
            Reminder::ProbationEnds { in_days, .. } => {
                if *in_days < 0 {
                    Urgency::Urgent
                } else {
                    Urgency::Due
                }
            }
            Reminder::ExemptionEnds { in_days, .. } => {
                if *in_days <= EXEMPTION_SOON_DAYS {
                    Urgency::Due
                } else {
                    Urgency::Info
                }
            }
            Reminder::QuarterReport { .. } | Reminder::YearReport { .. } => Urgency::Due,
            Reminder::ReviewsOpen { period, .. } => {
                if today > period.end() {
                    Urgency::Due
                } else {
                    Urgency::Info
                }
            }
        }
    }

    /// A stable machine name for the kind of reminder (used in JSON).
    pub fn key(&self) -> &'static str {
        match self {
            Reminder::RegularMissing { .. } => "regular-missing",
            Reminder::NextMeeting { .. } => "next-meeting",
            Reminder::DocsToSend { .. } => "docs-to-send",
            Reminder::NotRecorded { .. } => "not-recorded",
            Reminder::ThematicOwed { .. } => "thematic-owed",
            Reminder::Unrated { .. } => "unrated",
            Reminder::Action { .. } => "action",
            Reminder::Absences { .. } => "absences",
            Reminder::QuarterReport { .. } => "quarter-report",
            Reminder::YearReport { .. } => "year-report",
            Reminder::ProbationEnds { .. } => "probation-ends",
            Reminder::ExemptionEnds { .. } => "exemption-ends",
            Reminder::ReviewsOpen { .. } => "reviews-open",
        }
    }

    /// Order within one urgency: meetings first, then the books, then people, then reports.
    fn rank(&self) -> u8 {
        match self {
            Reminder::DocsToSend { .. } => 0,
            Reminder::NextMeeting { .. } => 1,
            Reminder::RegularMissing { .. } => 2,
            Reminder::ThematicOwed { .. } => 3,
            Reminder::NotRecorded { .. } => 4,
            Reminder::Unrated { .. } => 5,
            Reminder::Absences { .. } => 6,
            Reminder::Action { .. } => 7,
            Reminder::QuarterReport { .. } => 8,
            Reminder::YearReport { .. } => 9,
            Reminder::ProbationEnds { .. } => 10,
            Reminder::ExemptionEnds { .. } => 11,
            Reminder::ReviewsOpen { .. } => 12,
        }
    }

    /// The date the reminder is about, to order reminders of one kind.
    fn date(&self) -> Option<NaiveDate> {
        match self {
            Reminder::NextMeeting { id, .. }
            | Reminder::DocsToSend { id, .. }
            | Reminder::NotRecorded { id }
            | Reminder::Unrated { id, .. } => Some(id.date),
            Reminder::Action { due, since, .. } => Some(due.unwrap_or(*since)),
            Reminder::ProbationEnds { ends, .. } | Reminder::ExemptionEnds { ends, .. } => {
                Some(*ends)
            }
            _ => None,
        }
    }
}

/// A meeting seen from today: held means recorded and dated today or earlier. A record dated
/// after today (which `check` would question) does not make a meeting held.
fn is_held(m: &Meeting, today: NaiveDate) -> bool {
    m.record.is_some() && m.date <= today
}

/// Every reminder for `input.today`, most urgent first.
pub fn reminders(input: &Input) -> Vec<Reminder> {
    let today = input.today;
    let mut meetings: Vec<(MeetingId, &Meeting)> = input.meetings.to_vec();
    meetings.sort_by_key(|(id, _)| *id);
    let mut out = Vec::new();

    cadence(input, &meetings, &mut out);
    next_meeting(today, &meetings, &mut out);
    for &(id, m) in &meetings {
        if m.date < today && m.record.is_none() {
            out.push(Reminder::NotRecorded { id });
        }
        if is_held(m, today) && m.rating.is_none() && input.rating.rates(m.kind) {
            out.push(Reminder::Unrated {
                id,
                days_since: (today - m.date).num_days(),
            });
        }
    }
    actions(today, &meetings, &mut out);
    absences(input, &meetings, &mut out);
    members_calendar(input, &mut out);
    reports(today, &meetings, &mut out);

    sort(&mut out, today);
    out
}

/// Most urgent first; within one urgency, by kind, then by date. For a list that reminders
/// from elsewhere (the reviews) were added to.
pub fn sort(list: &mut [Reminder], today: NaiveDate) {
    list.sort_by(|a, b| {
        (a.urgency(today), a.rank(), a.date()).cmp(&(b.urgency(today), b.rank(), b.date()))
    });
}

/// Regular meetings this month (and next month near the month's end), the thematic meeting
/// this quarter.
fn cadence(input: &Input, meetings: &[(MeetingId, &Meeting)], out: &mut Vec<Reminder>) {
    let today = input.today;
    let count = |kind: Kind, from: NaiveDate, to: NaiveDate| {
        meetings
            .iter()
            .filter(|(_, m)| m.kind == kind && from <= m.date && m.date <= to)
            .count() as u32
    };
    let need = input.rules.regular_per_month;
    if need > 0 {
        let this_month = Period::Month {
            year: today.year(),
            month: today.month(),
        };
        let days_left = (this_month.end() - today).num_days() + 1;
        let mut months = vec![(this_month, true)];
        if days_left <= PLAN_AHEAD_DAYS {
            let first_of_next = this_month.end().succ_opt();
            if let Some(next) = first_of_next {
                months.push((
                    Period::Month {
                        year: next.year(),
                        month: next.month(),
                    },
                    false,
                ));
            }
        }
        for (period, current) in months {
            let have = count(Kind::Regular, period.start(), period.end());
            if have < need
                && let Period::Month { year, month } = period
            {
                out.push(Reminder::RegularMissing {
                    year,
                    month,
                    have,
                    need,
                    current,
                    days_left: (last_day_of_month(year, month) - today).num_days() + 1,
                });
            }
        }
    }
    let need = input.rules.thematic_per_quarter;
    if need > 0 {
        let quarter = Period::quarter_of(today);
        let have = count(Kind::Thematic, quarter.start(), quarter.end());
        if have < need {
            out.push(Reminder::ThematicOwed {
                quarter,
                have,
                need,
            });
        }
    }
}

/// The next meeting not yet held, and whether its documents still need sending.
fn next_meeting(today: NaiveDate, meetings: &[(MeetingId, &Meeting)], out: &mut Vec<Reminder>) {
    let coming = meetings
        .iter()
        .filter(|(_, m)| m.date >= today && !is_held(m, today));
    let mut first = true;
    for &(id, m) in coming {
        let plan = m.plan.as_ref();
        if first {
            first = false;
            out.push(Reminder::NextMeeting {
                id,
                kind: m.kind,
                title: m.title.clone(),
                time: plan.and_then(|p| p.time),
                place: plan.and_then(|p| p.place.clone()),
                in_days: (m.date - today).num_days(),
            });
        }
        let send_by = m
            .date
            .checked_sub_days(chrono::Days::new(DOCS_LEAD_DAYS.unsigned_abs()))
            .unwrap_or(m.date);
        let sent = plan.is_some_and(|p| p.docs_sent.is_some());
        if !sent && (send_by - today).num_days() <= DOCS_WINDOW_DAYS {
            out.push(Reminder::DocsToSend { id, send_by });
        }
    }
}

/// Actions assigned at held meetings and not done by today.
fn actions(today: NaiveDate, meetings: &[(MeetingId, &Meeting)], out: &mut Vec<Reminder>) {
    for &(id, m) in meetings {
        let Some(rec) = m.record.as_ref().filter(|_| is_held(m, today)) else {
            continue;
        };
        for a in rec.actions.iter().filter(|a| a.is_open_on(today)) {
            out.push(Reminder::Action {
                id: ActionId {
                    meeting: id,
                    number: a.id,
                },
                member: a.member.clone(),
                task: a.task.clone(),
                since: m.date,
                due: a.due,
                overdue: a.is_overdue_on(today),
            });
        }
    }
}

/// Members on the roll absent without a reason in two or more distinct months of this year.
fn absences(input: &Input, meetings: &[(MeetingId, &Meeting)], out: &mut Vec<Reminder>) {
    let today = input.today;
    let year = today.year();
    let mut months: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for (_, m) in meetings {
        if m.date.year() != year || !is_held(m, today) {
            continue;
        }
        if let Some(rec) = &m.record {
            for who in &rec.unexcused {
                months
                    .entry(who.as_str())
                    .or_default()
                    .insert(m.date.month());
            }
        }
    }
    // Roster order, so the list reads like the roll; ids not on the roster come last.
    let mut ordered: Vec<(&str, BTreeSet<u32>)> = Vec::new();
    for member in &input.roster.members {
        if let Some(ms) = months.remove(member.id.as_str())
            && member.left.is_none_or(|left| today < left)
        {
            ordered.push((member.id.as_str(), ms));
        }
    }
    ordered.extend(
        months
            .into_iter()
            .filter(|(id, _)| input.roster.get(id).is_none()),
    );
    for (member, ms) in ordered {
        if ms.len() >= ABSENCE_MONTHS_LIMIT - 1 {
            out.push(Reminder::Absences {
                member: member.to_owned(),
                year,
                months: ms.into_iter().collect(),
            });
        }
    }
}

/// The last day of a probationary member's twelve months: the day before the same date
/// twelve months after the ceremony (admitted 19/05/2020: the term ends on 18/05/2021, full
/// membership from 19/05/2021).
pub fn probation_ends(m: &Member) -> Option<NaiveDate> {
    // The day before, twelve months on: 29/02/2024 ends on 28/02/2025, never a day early.
    let from = m.admitted.unwrap_or(m.joined);
    from.pred_opt()?
        .checked_add_months(chrono::Months::new(PROBATION_MONTHS))
}

/// The members' calendar: probationary terms ending (or ended and not yet decided), and
/// exemptions ending, for the members on the roll today.
fn members_calendar(input: &Input, out: &mut Vec<Reminder>) {
    let today = input.today;
    for m in input.roster.members.iter().filter(|m| m.on_roll(today)) {
        if m.status == Status::Probationary
            && let Some(ends) = probation_ends(m)
        {
            let in_days = (ends - today).num_days();
            if in_days <= PROBATION_NOTICE_DAYS {
                out.push(Reminder::ProbationEnds {
                    member: m.id.clone(),
                    ends,
                    in_days,
                });
            }
        }
        // The exemption in force today that ends within the notice; one that another
        // exemption continues the next day does not end.
        if let Some(e) = m.exemption_on(today)
            && let Some(ends) = e.to
            && (ends - today).num_days() <= EXEMPTION_NOTICE_DAYS
            && ends
                .succ_opt()
                .is_some_and(|next| m.exemption_on(next).is_none())
        {
            out.push(Reminder::ExemptionEnds {
                member: m.id.clone(),
                kind: e.kind,
                ends,
                in_days: (ends - today).num_days(),
            });
        }
    }
}

/// In the first month of a quarter, the last quarter's report (and in January, the year's),
/// when the ledger has meetings in that period.
fn reports(today: NaiveDate, meetings: &[(MeetingId, &Meeting)], out: &mut Vec<Reminder>) {
    if !(today.month() - 1).is_multiple_of(3) {
        return;
    }
    let had_meetings = |p: Period| {
        meetings
            .iter()
            .any(|(_, m)| p.contains(m.date) && is_held(m, today))
    };
    let quarter = Period::previous_quarter(today);
    if had_meetings(quarter) {
        out.push(Reminder::QuarterReport { quarter });
    }
    if today.month() == 1
        && let Some(year) = Period::year(today.year() - 1)
        && had_meetings(year)
    {
        out.push(Reminder::YearReport {
            year: today.year() - 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Action, Member, Plan, Rating, Record, Role, Status};

    fn d(s: &str) -> NaiveDate {
        crate::core::dates::parse_date(s).unwrap()
    }

    fn member(id: &str) -> Member {
        Member {
            id: id.into(),
            name: format!("Name of {id}"),
            role: Role::Member,
            status: Status::Full,
            joined: d("2010-01-01"),
            left: None,
            temporary: false,
            admitted: None,
            exempt: vec![],
        }
    }

    fn roster() -> Roster {
        Roster {
            schema: 1,
            members: vec![member("a"), member("b"), member("c")],
        }
    }

    fn planned(date: &str, kind: Kind) -> Meeting {
        let mut m = Meeting::new(d(date), kind);
        m.plan = Some(Plan {
            time: NaiveTime::from_hms_opt(14, 0, 0),
            docs_sent: None,
            ..Plan::default()
        });
        m
    }

    fn held(date: &str, kind: Kind) -> Meeting {
        let mut m = planned(date, kind);
        m.record = Some(Record {
            present: vec!["a".into(), "b".into(), "c".into()],
            ..Record::default()
        });
        m.rating = Some(Rating {
            rubric: "hd42-2025".into(),
            by: vec![],
            on: None,
            note: None,
            total: 90,
            level: crate::core::level::Level::Good,
            scores: Default::default(),
        });
        m
    }

    fn run(today: &str, rules: &MeetingRules, meetings: &[Meeting]) -> Vec<Reminder> {
        let roster = roster();
        let with_ids: Vec<(MeetingId, &Meeting)> = meetings
            .iter()
            .map(|m| (MeetingId::new(m.date, 1), m))
            .collect();
        reminders(&Input {
            today: d(today),
            rules,
            rating: &RatingConfig::default(),
            roster: &roster,
            meetings: &with_ids,
        })
    }

    fn keys(rs: &[Reminder]) -> Vec<&'static str> {
        rs.iter().map(Reminder::key).collect()
    }

    #[test]
    fn an_empty_month_asks_for_a_regular_meeting() {
        let rules = MeetingRules::default();
        let rs = run("2020-10-05", &rules, &[held("2020-09-09", Kind::Regular)]);
        let missing = rs
            .iter()
            .find(|r| matches!(r, Reminder::RegularMissing { .. }))
            .expect("October has no regular meeting");
        assert_eq!(
            missing,
            &Reminder::RegularMissing {
                year: 2020,
                month: 10,
                have: 0,
                need: 1,
                current: true,
                days_left: 27
            }
        );
        assert_eq!(missing.urgency(d("2020-10-05")), Urgency::Due);
        // A week before the month ends it is urgent, and next month is mentioned too.
        let late = run("2020-10-26", &rules, &[]);
        let months: Vec<_> = late
            .iter()
            .filter_map(|r| match r {
                Reminder::RegularMissing { month, current, .. } => Some((*month, *current)),
                _ => None,
            })
            .collect();
        assert_eq!(months, vec![(10, true), (11, false)]);
        assert_eq!(late[0].urgency(d("2020-10-26")), Urgency::Urgent);
    }

    #[test]
    fn a_planned_or_held_meeting_satisfies_the_month() {
        let rules = MeetingRules::default();
        for m in [
            planned("2020-10-20", Kind::Regular),
            held("2020-10-02", Kind::Regular),
        ] {
            let rs = run("2020-10-05", &rules, &[m]);
            assert!(!keys(&rs).contains(&"regular-missing"), "{rs:?}");
        }
        // A thematic meeting is not the regular one.
        let rs = run(
            "2020-10-05",
            &rules,
            &[planned("2020-10-20", Kind::Thematic)],
        );
        assert!(keys(&rs).contains(&"regular-missing"));
        assert!(!keys(&rs).contains(&"thematic-owed"));
        // Two a month when the cadence says so.
        let two = MeetingRules {
            regular_per_month: 2,
            ..MeetingRules::default()
        };
        let rs = run("2020-10-05", &two, &[held("2020-10-02", Kind::Regular)]);
        assert!(rs.contains(&Reminder::RegularMissing {
            year: 2020,
            month: 10,
            have: 1,
            need: 2,
            current: true,
            days_left: 27
        }));
        // And none when the cadence asks for none.
        let none = MeetingRules {
            regular_per_month: 0,
            thematic_per_quarter: 0,
            ..MeetingRules::default()
        };
        assert!(run("2020-10-05", &none, &[]).is_empty());
    }

    #[test]
    fn the_next_meeting_and_its_documents() {
        let rules = MeetingRules::default();
        let ms = [
            held("2020-10-02", Kind::Regular),
            planned("2020-10-09", Kind::Thematic),
            planned("2020-11-09", Kind::Regular),
        ];
        // Far ahead: the next meeting, no documents reminder yet.
        let rs = run("2020-10-03", &rules, &ms);
        assert_eq!(keys(&rs), vec!["next-meeting"]);
        // Within the window: send by the day before the meeting.
        let rs = run("2020-10-06", &rules, &ms);
        assert!(rs.contains(&Reminder::DocsToSend {
            id: MeetingId::new(d("2020-10-09"), 1),
            send_by: d("2020-10-08"),
        }));
        assert_eq!(rs[0].key(), "docs-to-send");
        assert_eq!(rs[0].urgency(d("2020-10-06")), Urgency::Due);
        assert_eq!(rs[0].urgency(d("2020-10-08")), Urgency::Urgent);
        // Sent: no reminder.
        let mut sent = ms.clone();
        if let Some(p) = sent[1].plan.as_mut() {
            p.docs_sent = Some(d("2020-10-05"));
        }
        assert!(!keys(&run("2020-10-06", &rules, &sent)).contains(&"docs-to-send"));
        // The meeting day itself, not sent: urgent.
        let rs = run("2020-10-09", &rules, &ms);
        let docs = rs.iter().find(|r| r.key() == "docs-to-send").unwrap();
        assert_eq!(docs.urgency(d("2020-10-09")), Urgency::Urgent);
        match &rs.iter().find(|r| r.key() == "next-meeting").unwrap() {
            Reminder::NextMeeting { id, in_days, .. } => {
                assert_eq!(id.date, d("2020-10-09"));
                assert_eq!(*in_days, 0);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn past_meetings_without_a_record_or_a_rating() {
        let rules = MeetingRules::default();
        let mut unrated = held("2020-10-02", Kind::Regular);
        unrated.rating = None;
        let ms = [planned("2020-09-30", Kind::Thematic), unrated];
        let rs = run("2020-10-05", &rules, &ms);
        assert!(rs.contains(&Reminder::NotRecorded {
            id: MeetingId::new(d("2020-09-30"), 1)
        }));
        let r = rs.iter().find(|r| r.key() == "unrated").unwrap();
        assert_eq!(
            r,
            &Reminder::Unrated {
                id: MeetingId::new(d("2020-10-02"), 1),
                days_since: 3
            }
        );
        assert_eq!(r.urgency(d("2020-10-05")), Urgency::Due);
        assert_eq!(
            run("2020-10-12", &rules, &ms)
                .iter()
                .find(|r| r.key() == "unrated")
                .unwrap()
                .urgency(d("2020-10-12")),
            Urgency::Urgent
        );
    }

    #[test]
    fn open_and_overdue_actions() {
        let rules = MeetingRules::default();
        let mut m = held("2020-09-09", Kind::Regular);
        if let Some(r) = m.record.as_mut() {
            r.actions = vec![
                Action {
                    id: 1,
                    member: "a".into(),
                    task: "done".into(),
                    due: Some(d("2020-09-20")),
                    done: Some(d("2020-09-19")),
                },
                Action {
                    id: 2,
                    member: "b".into(),
                    task: "late".into(),
                    due: Some(d("2020-10-01")),
                    done: None,
                },
                Action {
                    id: 3,
                    member: "c".into(),
                    task: "open".into(),
                    due: None,
                    done: Some(d("2020-10-30")),
                },
            ];
        }
        let rs = run("2020-10-05", &rules, &[m]);
        let acts: Vec<_> = rs
            .iter()
            .filter_map(|r| match r {
                Reminder::Action {
                    id, overdue, since, ..
                } => Some((id.number, *overdue, *since)),
                _ => None,
            })
            .collect();
        // The overdue one first; one done later than today is still open today.
        assert_eq!(
            acts,
            vec![(2, true, d("2020-09-09")), (3, false, d("2020-09-09"))]
        );
        assert_eq!(rs[0].key(), "action");
        assert_eq!(rs[0].urgency(d("2020-10-05")), Urgency::Urgent);
    }

    #[test]
    fn unexcused_absences_in_distinct_months() {
        let rules = MeetingRules {
            regular_per_month: 0,
            thematic_per_quarter: 0,
            ..MeetingRules::default()
        };
        let absent = |date: &str, who: &[&str]| {
            let mut m = held(date, Kind::Regular);
            if let Some(r) = m.record.as_mut() {
                r.present.retain(|p| !who.contains(&p.as_str()));
                r.unexcused = who.iter().map(|s| s.to_string()).collect();
            }
            m
        };
        let ms = [
            absent("2019-12-09", &["a"]), // last year: does not count
            absent("2020-03-09", &["a", "b"]),
            absent("2020-03-20", &["b"]), // same month twice: one month
            absent("2020-05-09", &["a", "c"]),
            absent("2020-06-09", &["a"]),
            absent("2020-07-09", &["b"]), // after today: not yet held
        ];
        let rs = run("2020-06-30", &rules, &ms);
        let found: Vec<_> = rs
            .iter()
            .filter_map(|r| match r {
                Reminder::Absences { member, months, .. } => {
                    Some((member.as_str(), months.clone(), r.urgency(d("2020-06-30"))))
                }
                _ => None,
            })
            .collect();
        assert_eq!(found, vec![("a", vec![3, 5, 6], Urgency::Urgent)]);
        let rs = run("2020-05-31", &rules, &ms);
        let found: Vec<_> = rs
            .iter()
            .filter_map(|r| match r {
                Reminder::Absences { member, months, .. } => Some((member.as_str(), months.len())),
                _ => None,
            })
            .collect();
        assert_eq!(found, vec![("a", 2)]);
        assert_eq!(rs[0].urgency(d("2020-05-31")), Urgency::Due);
    }

    #[test]
    fn reports_are_due_in_the_first_month_of_a_quarter() {
        let rules = MeetingRules {
            regular_per_month: 0,
            thematic_per_quarter: 0,
            ..MeetingRules::default()
        };
        let ms = [held("2020-12-09", Kind::Regular)];
        let rs = run("2021-01-10", &rules, &ms);
        assert_eq!(
            rs,
            vec![
                Reminder::QuarterReport {
                    quarter: Period::Quarter {
                        year: 2020,
                        quarter: 4
                    }
                },
                Reminder::YearReport { year: 2020 },
            ]
        );
        assert!(run("2021-02-01", &rules, &ms).is_empty());
        // A quarter without meetings has nothing to report.
        assert!(run("2021-04-01", &rules, &ms).is_empty());
    }

    #[test]
    fn the_thematic_meeting_is_urgent_in_the_quarters_last_month() {
        let rules = MeetingRules::default();
        let ms = [held("2020-10-02", Kind::Regular)];
        let owed = |today: &str| {
            run(today, &rules, &ms)
                .into_iter()
                .find(|r| r.key() == "thematic-owed")
                .map(|r| r.urgency(d(today)))
        };
        assert_eq!(owed("2020-10-05"), Some(Urgency::Due));
        assert_eq!(owed("2020-12-01"), Some(Urgency::Urgent));
        let with_one = [ms[0].clone(), held("2020-11-20", Kind::Thematic)];
        assert!(
            !keys(&run("2020-12-01", &rules, &with_one)).contains(&"thematic-owed"),
            "held this quarter"
        );
    }

    fn calendar(today: &str, roster: &Roster) -> Vec<Reminder> {
        let mut out = Vec::new();
        members_calendar(
            &Input {
                today: d(today),
                rules: &MeetingRules::default(),
                rating: &RatingConfig::default(),
                roster,
                meetings: &[],
            },
            &mut out,
        );
        out
    }

    #[test]
    fn a_probationary_term_is_reminded_from_a_month_before_its_end() {
        let mut vy = member("vy");
        vy.status = Status::Probationary;
        vy.joined = d("2020-05-19");
        let roster = Roster {
            schema: 1,
            members: vec![member("a"), vy.clone()],
        };
        assert_eq!(probation_ends(&vy), Some(d("2021-05-18")));
        assert!(calendar("2021-04-17", &roster).is_empty(), "31 days before");
        let r = calendar("2021-04-18", &roster);
        assert_eq!(
            r,
            vec![Reminder::ProbationEnds {
                member: "vy".into(),
                ends: d("2021-05-18"),
                in_days: 30
            }]
        );
        assert_eq!(r[0].urgency(d("2021-04-18")), Urgency::Due);
        let late = calendar("2021-06-01", &roster);
        assert_eq!(late[0].urgency(d("2021-06-01")), Urgency::Urgent);
        // The ceremony, when given, counts rather than the date joined (a transfer).
        vy.admitted = Some(d("2020-01-10"));
        assert_eq!(probation_ends(&vy), Some(d("2021-01-09")));
        // A full member, or one who left, is not reminded.
        vy.status = Status::Full;
        let full = Roster {
            schema: 1,
            members: vec![vy.clone()],
        };
        assert!(calendar("2021-01-01", &full).is_empty());
        vy.status = Status::Probationary;
        vy.left = Some(d("2020-12-01"));
        let left = Roster {
            schema: 1,
            members: vec![vy],
        };
        assert!(calendar("2021-01-01", &left).is_empty());
        // 29 February: the term ends on 28 February, full membership from 1 March.
        let mut leap = member("leap");
        leap.status = Status::Probationary;
        leap.joined = d("2024-02-29");
        assert_eq!(probation_ends(&leap), Some(d("2025-02-28")));
        leap.joined = d("2024-03-01");
        assert_eq!(probation_ends(&leap), Some(d("2025-02-28")));
    }

    #[test]
    fn an_exemption_ending_soon_is_reminded_unless_another_follows() {
        use crate::core::model::{Exemption, ExemptionKind};
        let exemption = |from: &str, to: Option<&str>| Exemption {
            from: d(from),
            to: to.map(d),
            kind: ExemptionKind::Away,
            reason: None,
        };
        let mut son = member("son");
        son.exempt = vec![exemption("2020-01-01", Some("2020-12-31"))];
        let roster = Roster {
            schema: 1,
            members: vec![son.clone()],
        };
        assert!(calendar("2020-11-30", &roster).is_empty(), "31 days before");
        let r = calendar("2020-12-01", &roster);
        assert_eq!(
            r,
            vec![Reminder::ExemptionEnds {
                member: "son".into(),
                kind: ExemptionKind::Away,
                ends: d("2020-12-31"),
                in_days: 30
            }]
        );
        assert_eq!(r[0].urgency(d("2020-12-01")), Urgency::Info);
        assert_eq!(
            calendar("2020-12-24", &roster)[0].urgency(d("2020-12-24")),
            Urgency::Due
        );
        assert_eq!(calendar("2020-12-31", &roster).len(), 1, "the last day");
        assert!(calendar("2021-01-01", &roster).is_empty(), "ended");
        // Extended by a second exemption from the next day: nothing ends.
        son.exempt.push(exemption("2021-01-01", Some("2021-12-31")));
        let extended = Roster {
            schema: 1,
            members: vec![son.clone()],
        };
        assert!(calendar("2020-12-20", &extended).is_empty());
        // Open-ended: nothing ends.
        son.exempt = vec![exemption("2020-01-01", None)];
        let open = Roster {
            schema: 1,
            members: vec![son],
        };
        assert!(calendar("2020-12-20", &open).is_empty());
    }
}
