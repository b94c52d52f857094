//! A meeting file: the plan before it, the record of it, the rating after it.

use std::collections::BTreeMap;

use crate::core::lang::Lang;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::core::level::Level;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub schema: u32,
    #[serde(with = "crate::core::dates::date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

impl Meeting {
    pub fn new(date: NaiveDate, kind: Kind) -> Self {
        Meeting {
            schema: super::SCHEMA,
            date,
            kind,
            title: None,
            plan: None,
            record: None,
            rating: None,
        }
    }

    pub fn status(&self) -> MeetingStatus {
        match (&self.record, &self.rating) {
            (None, _) => MeetingStatus::Planned,
            (Some(_), None) => MeetingStatus::Held,
            (Some(_), Some(_)) => MeetingStatus::Rated,
        }
    }
}

/// Where a meeting stands: planned, held (recorded) or rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Planned,
    Held,
    Rated,
    /// Held, of a kind the ledger does not rate (`[rating] thematic = "none"`): not waiting
    /// for a rating. [`Meeting::status`] never gives it; `RatingConfig::status` does.
    #[serde(rename = "not_rated")]
    NotRated,
}

impl MeetingStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MeetingStatus::Planned => lang.pick("dự kiến", "planned"),
            MeetingStatus::Held => lang.pick("đã họp", "held"),
            MeetingStatus::Rated => lang.pick("đã xếp loại", "rated"),
            MeetingStatus::NotRated => lang.pick("không xếp loại", "not rated by design"),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Sinh hoạt thường kỳ: the monthly meeting.
    #[default]
    Regular,
    /// Sinh hoạt chuyên đề: a meeting on one theme, at least once a quarter.
    Thematic,
}

impl Kind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Regular => lang.pick("thường kỳ", "regular"),
            Kind::Thematic => lang.pick("chuyên đề", "thematic"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Regular => "regular",
            Kind::Thematic => "thematic",
        }
    }
}

/// The preparation (chuẩn bị).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(
        default,
        with = "crate::core::dates::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub docs_sent: Option<NaiveDate>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub committee_met: Option<NaiveDate>,
    /// When the time, place and content were sent to every member and to the higher
    /// committee's liaison (the 2025 form's preparation point for the notice).
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub notified: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub draft_resolution: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignments: Vec<Assignment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<Directive>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub member: String,
    pub task: String,
}

/// A directive, resolution or guidance passed on (văn bản mới), e.g. `12-HD/BTCTW`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// What happened at the meeting (the biên bản).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    #[serde(
        default,
        with = "crate::core::dates::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<NaiveTime>,
    #[serde(
        default,
        with = "crate::core::dates::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute_taker: Option<String>,
    #[serde(default)]
    pub present: Vec<String>,
    #[serde(default)]
    pub excused: Vec<Excuse>,
    #[serde(default)]
    pub unexcused: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub news: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// When the finished documents (minutes, resolution, assignments) were posted for the
    /// members, e.g. on the Sổ tay đảng viên app: the 2025 form gives a point within 2 days.
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub posted: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

impl Record {
    /// Whether attendance was taken: any of the three lists has a name. A record without it
    /// is incomplete, and nothing is measured from its (empty) lists.
    pub fn has_attendance(&self) -> bool {
        !(self.present.is_empty() && self.excused.is_empty() && self.unexcused.is_empty())
    }

    pub fn duration_minutes(&self) -> Option<i64> {
        crate::core::dates::minutes_between(self.start?, self.end?)
    }
}

/// An absence with a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excuse {
    pub member: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// The vote on the resolution or conclusion (tán thành / không tán thành / ý kiến khác).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    #[serde(rename = "for")]
    pub in_favour: u32,
    #[serde(default)]
    pub against: u32,
    #[serde(default)]
    pub abstain: u32,
}

impl Vote {
    /// All votes cast. Counts come from hand-written files, so they are added without overflow.
    pub fn cast(&self) -> u64 {
        u64::from(self.in_favour) + u64::from(self.against) + u64::from(self.abstain)
    }
}

/// A task assigned at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: u32,
    pub member: String,
    pub task: String,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<NaiveDate>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub done: Option<NaiveDate>,
}

impl Action {
    pub fn is_open_on(&self, date: NaiveDate) -> bool {
        self.done.is_none_or(|done| done > date)
    }

    pub fn is_overdue_on(&self, date: NaiveDate) -> bool {
        self.is_open_on(date) && self.due.is_some_and(|due| due < date)
    }
}

/// The quality rating (đánh giá chất lượng sinh hoạt), written by `cellbook rate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub rubric: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The total decided; `check` recomputes it from the rubric and the record.
    pub total: u32,
    pub level: Level,
    /// The raters' points for the scored criteria only; measured ones come from the record.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u32>,
}
