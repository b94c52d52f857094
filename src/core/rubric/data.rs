//! A rubric as data (`cellbook rubric show ID --json`): what a script needs to fill in a score
//! sheet. The shape is a stable interface, documented in docs/rubrics.md.

use serde::Serialize;

use super::bounds::Bounds;
use super::measure::Measure;
use super::model::{Criterion, GateCondition, NotApplicable, Rubric};
use crate::core::level::Level;

/// The whole rubric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RubricData<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: Option<&'a str>,
    /// The description in English, when the file gives one.
    pub description_en: Option<&'a str>,
    /// The sum of the criteria's maxima.
    pub max_total: u32,
    /// The lowest total for each level.
    pub levels: LevelsData,
    pub criteria: Vec<CriterionData<'a>>,
    pub gates: Vec<GateData<'a>>,
    /// The year roll-up, when the rubric has one.
    pub year: Option<YearData>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LevelsData {
    pub good: u32,
    pub fair: u32,
    pub average: u32,
}

/// One criterion: how many points, and who gives them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionData<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub max: u32,
    /// `measured` (the record gives the points, unless its measure cannot be computed for a
    /// meeting: then the raters score it) or `scored` (the raters always do).
    pub how: How,
    pub measure: Option<Measure>,
    /// Measured criteria only: the first band holding the value gives the points.
    pub bands: Vec<BandData<'a>>,
    pub caps: Vec<CapData<'a>>,
    /// When the criterion counts; `None` when it always does.
    pub applies_when: Option<AppliesData<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    Measured,
    Scored,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandData<'a> {
    pub bounds: &'a Bounds,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapData<'a> {
    pub measure: Measure,
    pub bounds: &'a Bounds,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliesData<'a> {
    pub measure: Measure,
    pub bounds: &'a Bounds,
    /// What the criterion gives when it does not apply: `full_marks` or `excluded`.
    pub otherwise: NotApplicable,
}

/// A gate: `full_marks` names criteria, or `measure` with `bounds`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateData<'a> {
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_marks: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bounds: Option<&'a Bounds>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearData {
    pub default: Level,
    pub rules: Vec<YearRuleData>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearRuleData {
    pub level: Level,
    pub every_month_at_least: Option<Level>,
    /// `[level, count]`: at least `count` months at `level` or better.
    pub min_months: Option<(Level, u32)>,
}

impl Rubric {
    /// The rubric as data, for `rubric show --json`.
    pub fn data(&self) -> RubricData<'_> {
        RubricData {
            id: &self.id,
            name: &self.name,
            description: self.description.as_deref(),
            description_en: self.description_en.as_deref(),
            max_total: self.max_total(),
            levels: LevelsData {
                good: self.levels.good,
                fair: self.levels.fair,
                average: self.levels.average,
            },
            criteria: self.criteria.iter().map(criterion).collect(),
            gates: self
                .gates
                .iter()
                .map(|g| match &g.condition {
                    GateCondition::FullMarks(ids) => GateData {
                        level: g.level,
                        full_marks: Some(ids),
                        measure: None,
                        bounds: None,
                    },
                    GateCondition::Measure { measure, bounds } => GateData {
                        level: g.level,
                        full_marks: None,
                        measure: Some(*measure),
                        bounds: Some(bounds),
                    },
                })
                .collect(),
            year: self.year.as_ref().map(|y| YearData {
                default: y.default,
                rules: y
                    .rules
                    .iter()
                    .map(|r| YearRuleData {
                        level: r.level,
                        every_month_at_least: r.every_month_at_least,
                        min_months: r.min_months.map(|m| (m.level, m.count)),
                    })
                    .collect(),
            }),
        }
    }
}

fn criterion(c: &Criterion) -> CriterionData<'_> {
    let measured = c.measured.as_ref();
    CriterionData {
        id: &c.id,
        title: &c.title,
        max: c.max,
        how: if measured.is_some() {
            How::Measured
        } else {
            How::Scored
        },
        measure: c.measure(),
        bands: measured
            .iter()
            .flat_map(|m| &m.bands)
            .map(|b| BandData {
                bounds: &b.bounds,
                points: b.points,
            })
            .collect(),
        caps: measured
            .iter()
            .flat_map(|m| &m.caps)
            .map(|cap| CapData {
                measure: cap.measure,
                bounds: &cap.bounds,
                points: cap.points,
            })
            .collect(),
        applies_when: c.applies.as_ref().map(|a| AppliesData {
            measure: a.measure,
            bounds: &a.bounds,
            otherwise: a.otherwise,
        }),
    }
}
