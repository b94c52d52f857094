//! Rubrics: how a meeting's quality is rated (*đánh giá chất lượng sinh hoạt chi bộ*).
//!
//! Provinces and years differ, so the rules live in TOML files (docs/rubrics.md), and this
//! module is a pure core: it takes text and numbers and returns data, never touching files.
//!
//! - [`Rubric::parse`] reads and checks a rubric file, reporting every problem with a span.
//! - [`score`] turns a meeting's [`Measures`] and the raters' scores into a [`Sheet`].
//! - [`classify_year`] rolls a year of monthly levels up into the year's level.
//! - [`builtin`] / [`find_builtin`] give the rubrics that ship with cellbook.

mod bounds;
mod builtin;
mod data;
mod explain;
mod measure;
mod model;
mod parse;
mod score;
mod year;

pub use bounds::{Bound, Bounds};
pub use builtin::{builtin, find_builtin};
pub use data::{
    AppliesData, BandData, CapData, CriterionData, GateData, How, LevelsData, RubricData, YearData,
    YearRuleData,
};
pub use explain::{Loss, losses};
pub use measure::{Measure, Measures, ParseMeasureError};
pub use model::{
    Applies, Band, Cap, Criterion, Gate, GateCondition, Measured, MinMonths, Missing,
    NotApplicable, Rubric, Thresholds, YearRule, YearRules,
};
pub use parse::{ProblemCode, RubricProblem, SCHEMA};
pub use score::{
    GateApplied, GateFailure, PointsSource, ScoreError, Sheet, SheetLine, Shortfall, score,
    scored_criteria,
};
pub use year::{MonthLevel, YearClass, classify_year, classify_year_from, month_levels};

#[cfg(test)]
mod tests;
