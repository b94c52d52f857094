//! `cellbook.toml`: who the cell is and the rules it keeps.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::core::lang::Lang;

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
}

/// The cadence and the minimum length of meetings: configuration, since they differ by body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRules {
    #[serde(default = "one")]
    pub regular_per_month: u32,
    #[serde(default = "one")]
    pub thematic_per_quarter: u32,
    #[serde(default = "ninety")]
    pub min_minutes: u32,
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
}

impl Default for MeetingRules {
    fn default() -> Self {
        MeetingRules {
            regular_per_month: 1,
            thematic_per_quarter: 1,
            min_minutes: 90,
            time: None,
            place: None,
        }
    }
}

/// Which rubric rates the meetings by default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
}

fn one() -> u32 {
    1
}

fn ninety() -> u32 {
    90
}
