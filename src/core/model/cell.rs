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
    /// The cell's stable identity in roll-ups (`cellbook init` writes one); absent in ledgers
    /// made before it: [`Cell::identity`] then derives one from the name and the parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
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

impl Cell {
    /// The cell's identity: `[cell] id` when set (trimmed), else the id derived from the name
    /// and the parent ([`derived_id`]), so a ledger made before ids existed has one, the same
    /// on every machine, without a write.
    pub fn identity(&self) -> String {
        match self.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => id.to_owned(),
            None => derived_id(&self.name, self.parent.as_deref()),
        }
    }
}

/// The id of a cell whose `cellbook.toml` has none: `cb-` and 16 hex digits of the 64-bit
/// FNV-1a hash of the NFC name and parent (trimmed), stable across machines and versions.
pub fn derived_id(name: &str, parent: Option<&str>) -> String {
    let text = format!(
        "{}\u{1f}{}",
        crate::core::names::nfc(name.trim()),
        crate::core::names::nfc(parent.unwrap_or("").trim())
    );
    format!("cb-{:016x}", fnv1a(text.as_bytes()))
}

/// FNV-1a, 64 bits: a fixed, documented hash (std's `DefaultHasher` may change between
/// releases, and an id must not).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether `id` is a usable cell id: 1 to 64 ASCII letters, digits, `-`, `_` or `.`, not
/// starting with `.` or `-` (it names the cell in file names, command lines and JSON).
pub fn valid_cell_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !id.starts_with(['.', '-'])
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

#[cfg(test)]
mod id_tests {
    use super::*;

    fn cell(name: &str, parent: Option<&str>, id: Option<&str>) -> Cell {
        Cell {
            name: name.into(),
            id: id.map(Into::into),
            parent: parent.map(Into::into),
            language: Lang::Vi,
            locality: None,
            report_symbol: None,
            recipients: None,
        }
    }

    #[test]
    fn a_ledger_without_an_id_gets_the_same_derived_one_every_time() {
        let a = cell("Chi bộ 7", Some("Đảng bộ KBNN"), None);
        // Fixed forever: a change here changes every old ledger's identity in roll-ups.
        assert_eq!(a.identity(), derived_id("Chi bộ 7", Some("Đảng bộ KBNN")));
        assert_eq!(a.identity(), "cb-d3a50f4c63810f91");
        // NFD input and stray spaces name the same cell.
        let nfd = cell(" Chi bo\u{323}\u{302} 7", Some("Đảng bộ KBNN "), None);
        assert_eq!(nfd.identity(), a.identity());
        // Another parent is another cell.
        assert_ne!(
            cell("Chi bộ 7", Some("Đảng bộ X"), None).identity(),
            a.identity()
        );
        assert_ne!(cell("Chi bộ 7", None, None).identity(), a.identity());
    }

    #[test]
    fn a_written_id_wins_and_a_blank_one_is_derived() {
        assert_eq!(cell("X", None, Some(" cb-7 ")).identity(), "cb-7");
        assert_eq!(
            cell("X", None, Some("  ")).identity(),
            cell("X", None, None).identity()
        );
    }

    #[test]
    fn ids_are_short_plain_ascii() {
        for ok in ["cb-7", "0301.012", "A_b-9"] {
            assert!(valid_cell_id(ok), "{ok}");
        }
        for bad in ["", "-x", ".x", "a b", "chi-bộ", "a/b", &"x".repeat(65)] {
            assert!(!valid_cell_id(bad), "{bad:?}");
        }
    }
}
