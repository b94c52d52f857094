//! The report as plain data: what `aggregate` produces and every renderer reads.
//!
//! The serde field names here are the JSON interface (`cellbook report --format json`), which
//! scripts depend on: add fields, never rename or remove them. Values that do not exist are
//! `null` (the attendance of a meeting not held, the score of one not rated). Fields marked
//! `#[serde(skip)]` are for the printed formats only.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::core::attendance::Attendance;
use crate::core::level::Level;
use crate::core::model::meeting::MeetingStatus;
use crate::core::model::{Kind, MeetingId};
use crate::core::period::Period;
use crate::core::rubric::MonthLevel;

/// A report over one period: one cell, or the roll-up of many.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub period: Period,
    pub cells: Vec<CellReport>,
    /// The cells' totals summed (the attendance rate is Σ present ÷ Σ counted, not a mean).
    pub totals: Totals,
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
#[derive(Debug, Clone, Serialize)]
pub struct CellReport {
    pub name: String,
    /// The higher committee (`[cell] parent`), for the header of printed reports.
    #[serde(skip)]
    pub parent: Option<String>,
    /// The usual meeting place, for the printed minutes' and reports' dateline.
    #[serde(skip)]
    pub place: Option<String>,
    /// The secretary at the end of the period, who signs the printed report.
    #[serde(skip)]
    pub secretary: Option<String>,
    pub meetings: Vec<MeetingRow>,
    pub totals: Totals,
    pub compliance: Compliance,
    pub actions: ActionCounts,
    pub directives: Directives,
    /// The year's classification (only with `--year`, when the rubric defines one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<YearReport>,
}

/// One meeting of the period.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    #[serde(serialize_with = "display")]
    pub id: MeetingId,
    #[serde(serialize_with = "iso_date")]
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

/// Counts of a cell (or of all cells).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
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
    #[serde(skip)]
    pub present: u64,
    #[serde(skip)]
    pub counted: u64,
}

impl Totals {
    /// Add another cell's counts to these, and bring the rate up to date.
    pub fn add(&mut self, other: &Totals) {
        self.held += other.held;
        self.regular_held += other.regular_held;
        self.thematic_held += other.thematic_held;
        self.planned_only += other.planned_only;
        self.rated += other.rated;
        for level in Level::ALL {
            *self.levels.get_mut(level) += other.levels.get(level);
        }
        self.present += other.present;
        self.counted += other.counted;
        self.update_rate();
    }

    /// Recompute `attendance_rate` from the sums.
    pub fn update_rate(&mut self) {
        self.attendance_rate =
            (self.counted > 0).then(|| self.present as f64 / self.counted as f64);
    }
}

/// How many rated meetings reached each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ActionCounts {
    pub open: u32,
    pub overdue: u32,
    #[serde(skip)]
    pub as_of: NaiveDate,
}

/// The new documents passed on at the period's held meetings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Directives {
    /// Every time a document was passed on (one document at two meetings counts twice).
    pub count: u32,
    /// The distinct documents, in the order first passed on.
    pub refs: Vec<String>,
}

/// The year's classification under the rubric's `[year]` rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearReport {
    pub level: Level,
    /// Each month's level: the lowest of its rated regular meetings.
    pub months: Vec<MonthLevel>,
}

fn display<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

fn iso_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}
