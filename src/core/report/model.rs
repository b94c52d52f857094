//! The report as plain data: what `aggregate` produces and every renderer reads.
//!
//! The serde field names here are the JSON interface (`cellbook report --format json`), which
//! scripts depend on: add fields, never rename or remove them. Values that do not exist are
//! `null` (the attendance of a meeting not held, the score of one not rated). Fields marked
//! `#[serde(skip)]` are for the printed formats only.
//!
//! The JSON is also an *input*: a roll-up reads cells' and roll-ups' JSON reports
//! (`docs/report.md`, "Roll-ups of roll-ups"; `docs/report.schema.json`). So every figure a
//! roll-up adds up is carried as an exact count (present and counted, not only the rate), and
//! [`REPORT_SCHEMA`] says which version of this model a file holds.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::attendance::Attendance;
use crate::core::lang::Lang;
use crate::core::level::Level;
use crate::core::model::meeting::MeetingStatus;
use crate::core::model::{Kind, MeetingId};
use crate::core::period::Period;
use crate::core::rubric::MonthLevel;

/// The version of the JSON report: 2 added the cell ids, the exact sums and the roll-up counts
/// (a report without `"schema"` is version 1, which a roll-up cannot read exactly).
pub const REPORT_SCHEMA: u32 = 2;

/// A report over one period: one cell, or the roll-up of many.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: u32,
    /// The language the cells keep their books in (`[cell] language` of the first input that
    /// says one): what the next level speaks when it rolls this report up without a ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    pub period: Period,
    /// Written with `--summary-only`: no meeting rows (what a committee sends upward).
    pub summary_only: bool,
    pub cells: Vec<CellReport>,
    /// The cells' totals summed (the attendance rate is Σ present ÷ Σ counted, not a mean).
    pub totals: Totals,
    /// `--expect FILE`: the cells that should have reported and have not, and those whose
    /// period is incomplete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Expected>,
    /// `--previous` / `--trend`: the period before, beside this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Trend>,
    /// The day the report was made, for the dateline of printed reports.
    #[serde(skip)]
    pub made: NaiveDate,
}

impl Report {
    /// More than one cell: the report of a higher committee.
    pub fn is_rollup(&self) -> bool {
        self.cells.len() > 1
    }
}

/// One cell's period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CellReport {
    /// The cell's identity (`[cell] id`, or the one derived for a ledger without it): the key
    /// that counts a cell once in a roll-up.
    pub id: String,
    pub name: String,
    /// The higher committee (`[cell] parent`).
    #[serde(default)]
    pub parent: Option<String>,
    /// The usual meeting place, for the printed minutes' and reports' dateline.
    #[serde(skip)]
    pub place: Option<String>,
    /// The secretary at the end of the period, who signs the printed report.
    #[serde(skip)]
    pub secretary: Option<String>,
    /// The meeting rows were left out (`--summary-only`): `meetings` is empty, `totals` hold.
    #[serde(default, skip_serializing_if = "is_false")]
    pub meetings_omitted: bool,
    pub meetings: Vec<MeetingRow>,
    pub totals: Totals,
    pub compliance: Compliance,
    pub actions: ActionCounts,
    pub directives: Directives,
    /// The year's classification (only with `--year`, when the rubric defines one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<YearReport>,
}

/// One meeting of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRow {
    #[serde(serialize_with = "display", deserialize_with = "meeting_id")]
    pub id: MeetingId,
    #[serde(serialize_with = "iso_date", deserialize_with = "parse_date")]
    pub date: NaiveDate,
    pub kind: Kind,
    pub status: MeetingStatus,
    /// `null` for a meeting not held.
    pub attendance: Option<Attendance>,
    pub duration_minutes: Option<i64>,
    /// The stored `[rating] total`; `null` when not rated.
    pub score: Option<u32>,
    /// The stored `[rating] level`; `null` when not rated.
    pub level: Option<Level>,
    #[serde(skip)]
    pub title: Option<String>,
}

/// Counts of a cell (or of all cells). Every field but the rate is an exact count, so the
/// totals of a roll-up are the sum of its cells' whatever way they are grouped.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Cells counted (1 for a cell).
    #[serde(default)]
    pub cells: u32,
    /// Meetings with a record.
    pub held: u32,
    pub regular_held: u32,
    pub thematic_held: u32,
    /// Meetings with a plan but no record (past or future).
    pub planned_only: u32,
    pub rated: u32,
    pub levels: LevelCounts,
    /// Σ present ÷ Σ counted over the held meetings; `null` when none was held.
    pub attendance_rate: Option<f64>,
    /// Σ present over the held meetings.
    #[serde(default)]
    pub present: u64,
    /// Σ counted over the held meetings.
    #[serde(default)]
    pub counted: u64,
    /// Cells whose compliance is `ok`.
    #[serde(default)]
    pub cells_ok: u32,
    /// Σ of the cells' short months, short quarters, unrecorded and unrated meetings.
    #[serde(default)]
    pub short_months: u32,
    #[serde(default)]
    pub short_quarters: u32,
    #[serde(default)]
    pub unrecorded: u32,
    #[serde(default)]
    pub unrated: u32,
    /// Σ of the cells' open and overdue actions.
    #[serde(default)]
    pub actions_open: u32,
    #[serde(default)]
    pub actions_overdue: u32,
    /// Σ of the times documents were passed on.
    #[serde(default)]
    pub directives: u32,
    /// With `--year`: how many cells were classified at each level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_levels: Option<LevelCounts>,
}

impl Totals {
    /// Add another cell's counts to these, and bring the rate up to date.
    /// Sums saturate: no input, however absurd, makes the tool panic (a real count is far
    /// from the limits).
    pub fn add(&mut self, other: &Totals) {
        self.cells = self.cells.saturating_add(other.cells);
        self.held = self.held.saturating_add(other.held);
        self.regular_held = self.regular_held.saturating_add(other.regular_held);
        self.thematic_held = self.thematic_held.saturating_add(other.thematic_held);
        self.planned_only = self.planned_only.saturating_add(other.planned_only);
        self.rated = self.rated.saturating_add(other.rated);
        for level in Level::ALL {
            let n = self.levels.get_mut(level);
            *n = n.saturating_add(other.levels.get(level));
        }
        self.present = self.present.saturating_add(other.present);
        self.counted = self.counted.saturating_add(other.counted);
        self.cells_ok = self.cells_ok.saturating_add(other.cells_ok);
        self.short_months = self.short_months.saturating_add(other.short_months);
        self.short_quarters = self.short_quarters.saturating_add(other.short_quarters);
        self.unrecorded = self.unrecorded.saturating_add(other.unrecorded);
        self.unrated = self.unrated.saturating_add(other.unrated);
        self.actions_open = self.actions_open.saturating_add(other.actions_open);
        self.actions_overdue = self.actions_overdue.saturating_add(other.actions_overdue);
        self.directives = self.directives.saturating_add(other.directives);
        if let Some(theirs) = other.year_levels {
            let ours = self.year_levels.get_or_insert_with(LevelCounts::default);
            for level in Level::ALL {
                let n = ours.get_mut(level);
                *n = n.saturating_add(theirs.get(level));
            }
        }
        self.update_rate();
    }

    /// Recompute `attendance_rate` from the sums.
    pub fn update_rate(&mut self) {
        self.attendance_rate =
            (self.counted > 0).then(|| self.present as f64 / self.counted as f64);
    }
}

/// How many rated meetings reached each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts {
    pub good: u32,
    pub fair: u32,
    pub average: u32,
    pub poor: u32,
}

impl LevelCounts {
    pub fn get(&self, level: Level) -> u32 {
        match level {
            Level::Good => self.good,
            Level::Fair => self.fair,
            Level::Average => self.average,
            Level::Poor => self.poor,
        }
    }

    pub fn get_mut(&mut self, level: Level) -> &mut u32 {
        match level {
            Level::Good => &mut self.good,
            Level::Fair => &mut self.fair,
            Level::Average => &mut self.average,
            Level::Poor => &mut self.poor,
        }
    }
}

/// Whether the cell met its meeting quotas and kept its books up to date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Compliance {
    /// `[meetings] regular_per_month`.
    pub regular_required: u32,
    /// `[meetings] thematic_per_quarter`.
    pub thematic_required: u32,
    /// Nothing below is listed.
    pub ok: bool,
    /// Ended months with fewer held regular meetings than required (`2020-08`).
    pub short_months: Vec<String>,
    /// Ended quarters with fewer held thematic meetings than required (`2020-Q3`).
    pub short_quarters: Vec<String>,
    /// Meetings planned for a day already past but never recorded.
    pub unrecorded: Vec<String>,
    /// Meetings recorded but not rated.
    pub unrated: Vec<String>,
}

/// The tasks set at the period's meetings, as they stood at the end of the period (or today,
/// for a period not yet over).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionCounts {
    pub open: u32,
    pub overdue: u32,
    #[serde(skip)]
    pub as_of: NaiveDate,
}

/// The new documents passed on at the period's held meetings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directives {
    /// Every time a document was passed on (one document at two meetings counts twice).
    pub count: u32,
    /// The distinct documents, in the order first passed on.
    pub refs: Vec<String>,
}

/// The year's classification under the rubric's `[year]` rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearReport {
    pub level: Level,
    /// Each month's level: the lowest of its rated regular meetings.
    pub months: Vec<MonthLevel>,
}

/// The cells that should have reported (`--expect FILE`), against those that did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Expected {
    /// How many cells the list names.
    pub listed: u32,
    /// The lines of the list that no cell in the inputs answers to (by id or by name), as
    /// written.
    pub missing: Vec<String>,
    /// The cells in the inputs whose period is incomplete, with what is missing.
    pub incomplete: Vec<Incomplete>,
    /// The cells in the inputs that the list does not name.
    pub unexpected: Vec<CellName>,
}

/// A cell whose period is incomplete: meetings unrecorded or unrated, months or quarters short.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incomplete {
    pub id: String,
    pub name: String,
    pub unrecorded: u32,
    pub unrated: u32,
    pub short_months: u32,
    pub short_quarters: u32,
}

/// A cell named by its id and name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellName {
    pub id: String,
    pub name: String,
}

/// The period before, beside this one: its totals, and the change from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub period: Period,
    pub totals: Totals,
    pub change: Change,
}

/// This period less the one before (negative: fewer or lower).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    pub held: i64,
    pub rated: i64,
    pub good: i64,
    pub fair: i64,
    pub average: i64,
    pub poor: i64,
    /// The difference of the two rates (0.05 is five points up); `null` when either has none.
    pub attendance_rate: Option<f64>,
}

impl Change {
    pub fn between(now: &Totals, before: &Totals) -> Change {
        let d = |a: u32, b: u32| i64::from(a) - i64::from(b);
        Change {
            held: d(now.held, before.held),
            rated: d(now.rated, before.rated),
            good: d(now.levels.good, before.levels.good),
            fair: d(now.levels.fair, before.levels.fair),
            average: d(now.levels.average, before.levels.average),
            poor: d(now.levels.poor, before.levels.poor),
            attendance_rate: now
                .attendance_rate
                .zip(before.attendance_rate)
                .map(|(a, b)| a - b),
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

fn meeting_id<'de, D: Deserializer<'de>>(d: D) -> Result<MeetingId, D::Error> {
    let s = String::deserialize(d)?;
    MeetingId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a meeting id: {s:?}")))
}

fn parse_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map_err(|_| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {s:?}")))
}

fn display<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

fn iso_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}
