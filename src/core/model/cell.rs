//! `cellbook.toml`: who the cell is and the rules it keeps.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::core::lang::Lang;
use crate::core::model::meeting::{Kind, Meeting, MeetingStatus};

/// The whole of `cellbook.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellFile {
    pub schema: u32,
    pub cell: Cell,
    #[serde(default)]
    pub meetings: MeetingRules,
    #[serde(default)]
    pub rating: RatingConfig,
}

/// The cell (or club, chapter, board) whose meetings the ledger keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub name: String,
    /// The higher committee the quarterly report goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default)]
    pub language: Lang,
    // The documents' settings (docs/report.md, "Word documents"; issue 14), kept together.
    /// The place name of the documents' date line: "Phan Rang, ngày 05 tháng 10 năm 2020".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// The symbol of the report's number, "BC/CB" in "Số 05-BC/CB" (absent: "BC/CB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_symbol: Option<String>,
    /// The report's recipients (*Nơi nhận*); absent: the higher committee and the cell's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<String>>,
}

/// The cadence and the minimum length of meetings: configuration, since they differ by body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRules {
    #[serde(default = "one")]
    pub regular_per_month: u32,
    #[serde(default = "one")]
    pub thematic_per_quarter: u32,
    /// The shortest regular meeting, in minutes (Hướng dẫn 42-HD/BTCTW: 90; a competent
    /// committee may set another for a cell with few members).
    #[serde(default = "ninety")]
    pub min_minutes: u32,
    /// The shortest sitting that holds a regular and a thematic meeting together (42-HD: 120).
    #[serde(default = "one_twenty", skip_serializing_if = "is_120")]
    pub min_minutes_combined: u32,
    /// A cell with at least this many members on the roll is large (the 2025 ward form: 30) …
    #[serde(default = "thirty", skip_serializing_if = "is_30")]
    pub large_cell: u32,
    /// … and its meetings last at least this long (the form: 120).
    #[serde(default = "one_twenty", skip_serializing_if = "is_120")]
    pub min_minutes_large: u32,
    /// Who a resolution needs more than half of (Quy chế bầu cử trong Đảng, Điều 32.2).
    #[serde(default, skip_serializing_if = "VotingBase::is_default")]
    pub voting_base: VotingBase,
    /// The usual start time, used when a plan gives none.
    #[serde(
        default,
        with = "crate::core::dates::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<NaiveTime>,
    /// The usual place, used when a plan gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The usual day of the month (1–31; a month without it takes its last day): the date an
    /// interactive `plan` offers first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

impl Default for MeetingRules {
    fn default() -> Self {
        MeetingRules {
            regular_per_month: 1,
            thematic_per_quarter: 1,
            min_minutes: 90,
            min_minutes_combined: 120,
            large_cell: 30,
            min_minutes_large: 120,
            voting_base: VotingBase::default(),
            time: None,
            place: None,
            day: None,
        }
    }
}

/// The members a resolution needs the votes of more than half of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VotingBase {
    /// The full members summoned: the counted full members less those absent for the whole
    /// meeting with a reason (Quy chế bầu cử trong Đảng, Điều 32.2; Quy định 294-QĐ/TW).
    #[default]
    Summoned,
    /// Every counted full member, excused absentees included (cellbook before 2026).
    Counted,
}

impl VotingBase {
    fn is_default(&self) -> bool {
        *self == VotingBase::default()
    }
}

/// Which rubric rates the meetings by default, and whether thematic meetings are rated at all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    /// How thematic meetings are rated; absent, like regular ones (with `rubric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thematic: Option<KindRating>,
}

impl RatingConfig {
    /// Whether the ledger rates meetings of this kind (`thematic = "none"` says it does not).
    pub fn rates(&self, kind: Kind) -> bool {
        !(kind == Kind::Thematic && self.thematic == Some(KindRating::NotRated))
    }

    /// The rubric that rates a meeting of this kind by default: `None` when the ledger
    /// chose none, or does not rate the kind.
    pub fn rubric_for(&self, kind: Kind) -> Option<&str> {
        match (kind, &self.thematic) {
            (Kind::Thematic, Some(KindRating::NotRated)) => None,
            (Kind::Thematic, Some(KindRating::Rubric(id))) => Some(id),
            _ => self.rubric.as_deref(),
        }
    }

    /// Where a meeting stands, with a held meeting of a kind the ledger does not rate
    /// "not rated by design" rather than waiting for its rating.
    pub fn status(&self, m: &Meeting) -> MeetingStatus {
        match m.status() {
            MeetingStatus::Held if !self.rates(m.kind) => MeetingStatus::NotRated,
            status => status,
        }
    }
}

/// How the meetings of one kind are rated: on a rubric of their own, or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum KindRating {
    /// `"none"`: not rated by design (the 2025 ward form adds a thematic meeting's content to
    /// its month's sheet rather than rating it alone).
    NotRated,
    /// A rubric id: rated on a sheet of their own (Nghệ An, Quy định 27-QĐ/TU, Biểu số 2).
    Rubric(String),
}

/// The word that says a kind of meeting is not rated.
pub const NOT_RATED: &str = "none";

impl From<String> for KindRating {
    fn from(s: String) -> Self {
        if s == NOT_RATED {
            KindRating::NotRated
        } else {
            KindRating::Rubric(s)
        }
    }
}

impl From<KindRating> for String {
    fn from(k: KindRating) -> Self {
        match k {
            KindRating::NotRated => NOT_RATED.to_owned(),
            KindRating::Rubric(id) => id,
        }
    }
}

fn one() -> u32 {
    1
}

fn ninety() -> u32 {
    90
}

fn one_twenty() -> u32 {
    120
}

fn thirty() -> u32 {
    30
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_120(n: &u32) -> bool {
    *n == 120
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_30(n: &u32) -> bool {
    *n == 30
}
