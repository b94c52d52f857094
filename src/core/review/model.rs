//! A review file (`reviews/PERIOD/MEMBER.toml`, `reviews/PERIOD/_cell.toml`): what the files
//! say, nothing derived.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::model::Vote;
use crate::core::review::level::ReviewLevel;
use crate::core::review::score::Facts;

/// One subject's review of one period: the member's self-assessment, the cell's assessment and
/// vote, and the competent committee's decision, each written when it happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    pub schema: u32,
    /// `2020` or `2020-Q3`.
    pub period: String,
    /// The member reviewed; absent in the collective's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The cell as a collective.
    #[serde(default, skip_serializing_if = "crate::core::model::is_false")]
    pub collective: bool,
    /// The review scheme the points and levels are judged by.
    pub scheme: String,
    /// Reviewed but not classified (admitted too recently, see the scheme's limits).
    #[serde(default, skip_serializing_if = "crate::core::model::is_false")]
    pub unclassified: bool,
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_review: Option<SelfStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decision>,
}

/// The self-assessment (*bản tự kiểm điểm*).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfStage {
    /// Points by criterion group.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u32>,
    /// The total (the sum of `scores` when they are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_done: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_on_time: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_exceeded: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disciplined: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strengths: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcomings: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub causes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedies: Option<String>,
    /// The level the member proposes for themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<ReviewLevel>,
}

impl SelfStage {
    pub fn facts(&self) -> Facts {
        Facts {
            tasks_done: self.tasks_done,
            tasks_on_time: self.tasks_on_time,
            tasks_exceeded: self.tasks_exceeded,
            disciplined: self.disciplined,
        }
    }

    /// The total: `points`, else the sum of `scores`, else nothing yet.
    pub fn total(&self) -> Option<u32> {
        self.points.or_else(|| {
            (!self.scores.is_empty())
                .then(|| self.scores.values().copied().map(|v| v.min(1000)).sum())
        })
    }
}

/// The cell's assessment and vote (*chi bộ đánh giá, biểu quyết*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellStage {
    pub level: ReviewLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The competent committee's decision (*cấp ủy có thẩm quyền quyết định*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub level: ReviewLevel,
    #[serde(with = "crate::core::dates::date")]
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl ReviewFile {
    /// A new, empty review.
    pub fn new(period: &str, member: Option<&str>, scheme: &str) -> ReviewFile {
        ReviewFile {
            schema: crate::core::model::SCHEMA,
            period: period.to_owned(),
            member: member.map(str::to_owned),
            collective: member.is_none(),
            scheme: scheme.to_owned(),
            unclassified: false,
            self_review: None,
            cell: None,
            decided: None,
        }
    }

    /// The level of the latest stage: decided, else the cell's, else the self-proposed one.
    pub fn level(&self) -> Option<ReviewLevel> {
        self.decided
            .as_ref()
            .map(|d| d.level)
            .or(self.cell.as_ref().map(|c| c.level))
            .or(self.self_review.as_ref().and_then(|s| s.proposed))
    }

    /// Whether every stage is done: a self-assessment with points, the cell's level, the
    /// decision.
    pub fn is_complete(&self) -> bool {
        self.self_review
            .as_ref()
            .and_then(SelfStage::total)
            .is_some()
            && (self.unclassified || (self.cell.is_some() && self.decided.is_some()))
    }

    /// The stage the review waits for.
    pub fn next_stage(&self) -> Option<Stage> {
        if self
            .self_review
            .as_ref()
            .and_then(SelfStage::total)
            .is_none()
        {
            Some(Stage::SelfAssessment)
        } else if self.unclassified {
            None
        } else if self.cell.is_none() {
            Some(Stage::Cell)
        } else if self.decided.is_none() {
            Some(Stage::Decision)
        } else {
            None
        }
    }
}

/// A step of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SelfAssessment,
    Cell,
    Decision,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::SelfAssessment => "self",
            Stage::Cell => "cell",
            Stage::Decision => "decided",
        }
    }

    pub fn label(self, lang: crate::core::lang::Lang) -> &'static str {
        match self {
            Stage::SelfAssessment => lang.pick("tự kiểm điểm", "self-assessment"),
            Stage::Cell => lang.pick("chi bộ đánh giá", "the cell's assessment"),
            Stage::Decision => lang.pick("cấp ủy quyết định", "the committee's decision"),
        }
    }
}
