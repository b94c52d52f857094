//! The pure core of `cellbook report`: a cell's meetings, roster and rules in, its figures out.
//! No files, no clock, no language: every input is an argument.

use chrono::{Datelike, NaiveDate};

use super::model::{
    ActionCounts, CellReport, Compliance, Directives, LevelCounts, MeetingRow, REPORT_SCHEMA,
    Report, Totals, YearReport,
};
use crate::core::attendance;
use crate::core::model::meeting::MeetingStatus;
use crate::core::model::meeting::Record;
use crate::core::model::{Kind, Meeting, MeetingId, MeetingRules, RatingConfig, Role, Roster};
use crate::core::period::Period;
use crate::core::rubric::{Rubric, classify_year_from};

/// What the report needs to know about one cell.
#[derive(Debug, Clone, Copy)]
pub struct CellInput<'a> {
    /// The cell's identity (`Cell::identity`).
    pub id: &'a str,
    pub name: &'a str,
    pub parent: Option<&'a str>,
    pub place: Option<&'a str>,
    pub rules: &'a MeetingRules,
    /// `[rating]`: a held meeting of a kind the ledger does not rate is not waiting for a rating.
    pub rating: &'a RatingConfig,
    pub roster: &'a Roster,
    /// The period's meetings (others are ignored), in any order.
    pub meetings: &'a [(MeetingId, Meeting)],
    pub period: Period,
    pub today: NaiveDate,
    /// The rubric whose `[year]` rules classify the year; `None` for no year classification.
    pub year_rubric: Option<&'a Rubric>,
    /// The date of the ledger's first meeting: the months and quarters that ended before its
    /// month began are not the cell's to have met, and a year begun late is classified on the
    /// months it had. `None` when the ledger has no meeting.
    pub since: Option<NaiveDate>,
}

/// One cell's figures for the period.
pub fn cell(input: &CellInput) -> CellReport {
    let period = input.period;
    let mut meetings: Vec<(MeetingId, &Meeting)> = input
        .meetings
        .iter()
        .filter(|(id, _)| period.contains(id.date))
        .map(|(id, m)| (*id, m))
        .collect();
    meetings.sort_by_key(|(id, _)| *id);

    let as_of = period.end().min(input.today);
    let mut tally = Tally {
        rows: Vec::with_capacity(meetings.len()),
        totals: Totals::default(),
        directives: Directives::default(),
        actions: ActionCounts {
            open: 0,
            overdue: 0,
            as_of,
        },
        compliance: Compliance {
            regular_required: input.rules.regular_per_month,
            thematic_required: input.rules.thematic_per_quarter,
            ..Compliance::default()
        },
    };
    for &(id, m) in &meetings {
        tally.add(input, id, m);
    }
    let Tally {
        rows,
        mut totals,
        directives,
        actions,
        mut compliance,
    } = tally;
    totals.update_rate();
    quotas(input, &meetings, &mut compliance);
    // The month the ledger began in, within the period's year (January if earlier).
    let first = input
        .since
        .filter(|d| d.year() == period.end().year())
        .map_or(1, |d| d.month());
    let year = year(input.year_rubric, &rows, first);

    let secretary = input
        .roster
        .members
        .iter()
        .find(|m| m.role == Role::Secretary && m.on_roll(as_of))
        .map(|m| m.name.clone());

    let mut cell = CellReport {
        id: input.id.to_owned(),
        name: input.name.to_owned(),
        parent: input.parent.map(str::to_owned),
        place: input.place.map(str::to_owned),
        secretary,
        meetings_omitted: false,
        meetings: rows,
        totals,
        compliance,
        actions,
        directives,
        year,
    };
    finish(&mut cell);
    cell
}

/// Fill the counts of a cell's totals that come from its own compliance, actions, directives
/// and year (the sums a roll-up adds up), and its rate. The same for a cell read from a ledger
/// and one read from a JSON report: what a JSON says about them is recomputed, never trusted.
pub fn finish(cell: &mut CellReport) {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let t = &mut cell.totals;
    let c = &cell.compliance;
    t.cells = 1;
    t.cells_ok = u32::from(c.ok);
    t.short_months = count(c.short_months.len());
    t.short_quarters = count(c.short_quarters.len());
    t.unrecorded = count(c.unrecorded.len());
    t.unrated = count(c.unrated.len());
    t.actions_open = cell.actions.open;
    t.actions_overdue = cell.actions.overdue;
    t.directives = cell.directives.count;
    t.year_levels = cell.year.as_ref().map(|y| {
        let mut levels = LevelCounts::default();
        *levels.get_mut(y.level) += 1;
        levels
    });
    t.update_rate();
}

/// The counts that come from a cell's meeting rows: held (by kind), planned only, rated (by
/// level), present and counted. `aggregate::cell` counts them meeting by meeting; a JSON cell
/// with its rows must say the same.
pub fn row_counts(rows: &[MeetingRow]) -> Totals {
    let mut t = Totals::default();
    for row in rows {
        match row.attendance {
            Some(a) => {
                t.held += 1;
                match row.kind {
                    Kind::Regular => t.regular_held += 1,
                    Kind::Thematic => t.thematic_held += 1,
                }
                t.present += u64::from(a.present);
                t.counted += u64::from(a.counted);
            }
            None => t.planned_only += 1,
        }
        if let Some(level) = row.level {
            t.rated += 1;
            *t.levels.get_mut(level) += 1;
        }
    }
    t
}

/// One meeting's row: its status, attendance (held), duration, and its score and level (rated).
/// The report and `export --jsonl` both take a meeting's figures from here.
pub fn row(rating: &RatingConfig, roster: &Roster, id: MeetingId, m: &Meeting) -> MeetingRow {
    let status = rating.status(m);
    let rated = m.rating.as_ref().filter(|_| status == MeetingStatus::Rated);
    MeetingRow {
        id,
        date: id.date,
        kind: m.kind,
        status,
        attendance: m
            .record
            .as_ref()
            .map(|r| attendance::attendance(roster, id.date, r)),
        duration_minutes: m.record.as_ref().and_then(|r| r.duration_minutes()),
        score: rated.map(|r| r.total),
        level: rated.map(|r| r.level),
        title: m.title.clone(),
    }
}

/// A cell's figures as they add up, one meeting at a time (in date order).
struct Tally {
    rows: Vec<MeetingRow>,
    totals: Totals,
    directives: Directives,
    actions: ActionCounts,
    compliance: Compliance,
}

impl Tally {
    fn add(&mut self, input: &CellInput, id: MeetingId, m: &Meeting) {
        let row = row(input.rating, input.roster, id, m);
        let (status, attendance) = (row.status, row.attendance);
        let totals = &mut self.totals;
        match &m.record {
            Some(record) => {
                totals.held += 1;
                match m.kind {
                    Kind::Regular => totals.regular_held += 1,
                    Kind::Thematic => totals.thematic_held += 1,
                }
                if let Some(a) = attendance {
                    totals.present += u64::from(a.present);
                    totals.counted += u64::from(a.counted);
                }
                self.add_held(id, m, record, status);
            }
            None => {
                totals.planned_only += 1;
                if id.date < input.today {
                    self.compliance.unrecorded.push(id.to_string());
                }
            }
        }
        if let Some(level) = row.level {
            self.totals.rated += 1;
            *self.totals.levels.get_mut(level) += 1;
        }
        self.rows.push(row);
    }

    /// A held meeting's actions, directives and whether it still waits for its rating.
    fn add_held(&mut self, id: MeetingId, m: &Meeting, record: &Record, status: MeetingStatus) {
        let as_of = self.actions.as_of;
        for action in &record.actions {
            if action.is_open_on(as_of) {
                self.actions.open += 1;
            }
            if action.is_overdue_on(as_of) {
                self.actions.overdue += 1;
            }
        }
        let directives = &mut self.directives;
        for d in m.plan.iter().flat_map(|p| &p.directives) {
            directives.count += 1;
            if !directives.refs.contains(&d.reference) {
                directives.refs.push(d.reference.clone());
            }
        }
        if status == MeetingStatus::Held {
            self.compliance.unrated.push(id.to_string());
        }
    }
}

/// Quotas, over the months and quarters that have ended (one still running may yet catch up),
/// and whether the cell complied.
fn quotas(input: &CellInput, meetings: &[(MeetingId, &Meeting)], compliance: &mut Compliance) {
    let period = input.period;
    let held: Vec<(NaiveDate, Kind)> = meetings
        .iter()
        .filter(|(_, m)| m.record.is_some())
        .map(|(id, m)| (id.date, m.kind))
        .collect();
    // Months and quarters that ended before the ledger's first month did not exist for it.
    let began = input
        .since
        .and_then(|d| Period::month(d.year(), d.month()))
        .map(|p| p.start());
    let existed = |p: &Period| began.is_none_or(|b| p.start() >= b);
    let months: Vec<(i32, u32)> = period
        .months()
        .into_iter()
        .filter(|&(y, m)| Period::month(y, m).is_some_and(|p| existed(&p)))
        .collect();
    let quarters: Vec<Period> = period.quarters().into_iter().filter(existed).collect();
    for s in crate::core::cadence::shortfalls(&held, input.rules, &months, &quarters, input.today) {
        match s.kind {
            Kind::Regular => compliance.short_months.push(s.period.label()),
            Kind::Thematic => compliance.short_quarters.push(s.period.label()),
        }
    }
    compliance.ok = compliance.short_months.is_empty()
        && compliance.short_quarters.is_empty()
        && compliance.unrecorded.is_empty()
        && compliance.unrated.is_empty();
}

/// The year's classification by the rubric's `[year]` rules, from the regular meetings' levels.
fn year(rubric: Option<&Rubric>, rows: &[MeetingRow], first: u32) -> Option<YearReport> {
    let rubric = rubric?;
    let levels: Vec<(u32, crate::core::level::Level)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Regular)
        .filter_map(|r| r.level.map(|l| (r.date.month(), l)))
        .collect();
    classify_year_from(rubric, &levels, first).map(|c| YearReport {
        level: c.level,
        months: c.months,
    })
}

/// The report over the given cells, with their totals summed, made on `made`.
pub fn report(period: Period, cells: Vec<CellReport>, made: NaiveDate) -> Report {
    let mut totals = Totals::default();
    for c in &cells {
        totals.add(&c.totals);
    }
    totals.update_rate();
    Report {
        schema: REPORT_SCHEMA,
        language: None,
        period,
        summary_only: false,
        cells,
        totals,
        expected: None,
        previous: None,
        made,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::level::Level;
    use crate::core::model::{Action, Member, Rating, Record, Status};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn roster() -> Roster {
        let m = |id: &str| Member {
            id: id.into(),
            name: id.into(),
            role: Role::Member,
            status: Status::Full,
            joined: d("2010-01-01"),
            left: None,
            temporary: false,
            admitted: None,
            exempt: vec![],
        };
        Roster {
            schema: 1,
            members: vec![m("a"), m("b"), m("c"), m("e")],
        }
    }

    fn held(
        date: &str,
        kind: Kind,
        present: &[&str],
        level: Option<Level>,
    ) -> (MeetingId, Meeting) {
        let mut m = Meeting::new(d(date), kind);
        let all = ["a", "b", "c", "e"];
        m.record = Some(Record {
            present: present.iter().map(|s| s.to_string()).collect(),
            unexcused: all
                .iter()
                .filter(|x| !present.contains(x))
                .map(|s| s.to_string())
                .collect(),
            ..Record::default()
        });
        m.rating = level.map(|level| Rating {
            rubric: "hd42-2025".into(),
            by: vec!["a".into()],
            on: None,
            note: None,
            total: 90,
            level,
            scores: Default::default(),
        });
        (MeetingId::new(d(date), 1), m)
    }

    /// The usual `[rating]`: every kind rated.
    static RATES_ALL: RatingConfig = RatingConfig {
        rubric: None,
        thematic: None,
    };

    #[test]
    fn a_thematic_meeting_the_ledger_does_not_rate_is_not_waiting_for_a_rating() {
        let roster = roster();
        let rules = MeetingRules::default();
        let meetings = vec![
            held("2020-07-09", Kind::Regular, &["a", "b"], Some(Level::Good)),
            held("2020-07-20", Kind::Thematic, &["a", "b"], None),
            held("2020-08-10", Kind::Regular, &["a", "b"], Some(Level::Good)),
            held("2020-09-09", Kind::Regular, &["a", "b"], Some(Level::Fair)),
        ];
        let rated = cell(&input(&meetings, &roster, &rules, "2020-11-28"));
        assert_eq!(rated.compliance.unrated, ["2020-07-20"]);
        assert!(!rated.compliance.ok);
        let none = RatingConfig {
            rubric: Some("hd42-2025".into()),
            thematic: Some(crate::core::model::KindRating::NotRated),
        };
        let c = cell(&CellInput {
            rating: &none,
            ..input(&meetings, &roster, &rules, "2020-11-28")
        });
        assert!(c.compliance.unrated.is_empty());
        assert!(c.compliance.ok);
        assert_eq!(c.meetings[1].status, MeetingStatus::NotRated);
        assert_eq!((c.totals.held, c.totals.rated), (4, 3));
    }

    fn input<'a>(
        meetings: &'a [(MeetingId, Meeting)],
        roster: &'a Roster,
        rules: &'a MeetingRules,
        today: &str,
    ) -> CellInput<'a> {
        CellInput {
            id: "x",
            name: "X",
            parent: None,
            place: None,
            rules,
            rating: &RATES_ALL,
            roster,
            meetings,
            period: Period::parse("2020-Q3").unwrap(),
            today: d(today),
            year_rubric: None,
            since: None,
        }
    }

    #[test]
    fn a_ledger_begun_mid_year_is_not_short_before_it_began() {
        let roster = roster();
        let rules = MeetingRules::default();
        let phu_tho = crate::core::rubric::find_builtin("phu-tho-2019")
            .and_then(|src| Rubric::parse(src).ok())
            .unwrap_or_else(|| panic!("phu-tho-2019"));
        // July to December, every month good: the ledger began in July.
        let meetings: Vec<(MeetingId, Meeting)> = (7..=12)
            .map(|m| {
                let date = format!("2020-{m:02}-09");
                held(
                    &date,
                    Kind::Regular,
                    &["a", "b", "c", "e"],
                    Some(Level::Good),
                )
            })
            .collect();
        let year = |since: Option<&str>| {
            cell(&CellInput {
                period: Period::parse("2020").unwrap_or_else(|e| panic!("{e}")),
                year_rubric: Some(&phu_tho),
                since: since.map(d),
                ..input(&meetings, &roster, &rules, "2021-01-15")
            })
        };
        let begun = year(Some("2020-07-09"));
        assert_eq!(begun.compliance.short_months, Vec::<String>::new());
        // No thematic meeting was held: the quarters since July are short, not Q1 and Q2.
        assert_eq!(begun.compliance.short_quarters, ["2020-Q3", "2020-Q4"]);
        // 6 good months of 6: good (7 of 12 becomes 4 of 6).
        assert_eq!(begun.year.map(|y| y.level), Some(Level::Good));
        // The same months in a ledger that existed all year: January to June are short, and 6
        // good months are fewer than 7.
        let all_year = year(Some("2019-03-01"));
        assert_eq!(all_year.compliance.short_months.len(), 6);
        assert_eq!(all_year.compliance.short_quarters.len(), 4);
        assert_eq!(all_year.year.map(|y| y.level), Some(Level::Poor));
    }

    #[test]
    fn counts_levels_attendance_and_short_months() {
        let roster = roster();
        let rules = MeetingRules::default();
        let mut meetings = vec![
            held(
                "2020-07-09",
                Kind::Regular,
                &["a", "b", "c", "e"],
                Some(Level::Good),
            ),
            held("2020-09-09", Kind::Regular, &["a", "b"], None),
            held(
                "2020-09-24",
                Kind::Thematic,
                &["a", "b", "c"],
                Some(Level::Fair),
            ),
            // Outside the period: ignored.
            held("2020-10-01", Kind::Regular, &["a"], Some(Level::Poor)),
        ];
        meetings.push((
            MeetingId::new(d("2020-09-30"), 1),
            Meeting::new(d("2020-09-30"), Kind::Regular),
        ));
        let c = cell(&input(&meetings, &roster, &rules, "2020-11-28"));
        assert_eq!(c.meetings.len(), 4);
        assert_eq!(
            (c.totals.held, c.totals.regular_held, c.totals.thematic_held),
            (3, 2, 1)
        );
        assert_eq!((c.totals.planned_only, c.totals.rated), (1, 2));
        assert_eq!((c.totals.levels.good, c.totals.levels.fair), (1, 1));
        assert_eq!(c.totals.attendance_rate, Some(9.0 / 12.0));
        assert_eq!(c.compliance.short_months, ["2020-08"]);
        assert!(c.compliance.short_quarters.is_empty());
        assert_eq!(c.compliance.unrecorded, ["2020-09-30"]);
        assert_eq!(c.compliance.unrated, ["2020-09-09"]);
        assert!(!c.compliance.ok);
        assert_eq!(c.meetings[1].score, None);
        assert_eq!(c.meetings[3].attendance, None);
    }

    #[test]
    fn months_not_yet_over_are_not_short_and_actions_count_at_the_period_end() {
        let roster = roster();
        let rules = MeetingRules::default();
        let mut m = held("2020-07-09", Kind::Regular, &["a"], None);
        let rec = m.1.record.as_mut().unwrap();
        for (id, due, done) in [
            (1, Some("2020-07-20"), None),
            (2, Some("2020-12-01"), None),
            (3, Some("2020-07-20"), Some("2020-08-01")),
        ] {
            rec.actions.push(Action {
                id,
                member: "a".into(),
                task: "t".into(),
                due: due.map(d),
                done: done.map(d),
            });
        }
        let meetings = vec![m];
        let c = cell(&input(&meetings, &roster, &rules, "2020-08-15"));
        // July is over and has its meeting; August and September are not over.
        assert!(c.compliance.short_months.is_empty());
        assert!(c.compliance.short_quarters.is_empty());
        // As of today (2020-08-15): 1 and 2 open, 1 overdue; 3 done on 08-01.
        assert_eq!((c.actions.open, c.actions.overdue), (2, 1));
        let c = cell(&input(&meetings, &roster, &rules, "2021-01-10"));
        assert_eq!(c.actions.as_of, d("2020-09-30"));
        assert_eq!((c.actions.open, c.actions.overdue), (2, 1));
        assert_eq!(c.compliance.short_months, ["2020-08", "2020-09"]);
        assert_eq!(c.compliance.short_quarters, ["2020-Q3"]);
    }

    #[test]
    fn rollup_sums_and_rates_over_all_members_counted() {
        let roster = roster();
        let rules = MeetingRules::default();
        let a = vec![held(
            "2020-07-09",
            Kind::Regular,
            &["a", "b", "c", "e"],
            Some(Level::Good),
        )];
        let b = vec![held("2020-07-10", Kind::Regular, &["a"], Some(Level::Poor))];
        let none: Vec<(MeetingId, Meeting)> = vec![];
        let cells = vec![
            cell(&input(&a, &roster, &rules, "2020-11-28")),
            cell(&input(&b, &roster, &rules, "2020-11-28")),
            cell(&input(&none, &roster, &rules, "2020-11-28")),
        ];
        assert_eq!(cells[2].totals.attendance_rate, None);
        let r = report(Period::parse("2020-Q3").unwrap(), cells, d("2020-11-28"));
        assert_eq!(r.totals.held, 2);
        assert_eq!((r.totals.levels.good, r.totals.levels.poor), (1, 1));
        assert_eq!(r.totals.attendance_rate, Some(5.0 / 8.0));
    }
}
