//! A validated rubric. Only [`Rubric::parse`] builds one, so scoring can rely on its rules
//! (thresholds in order, known measures and criteria, band points within the maximum).

use super::bounds::Bounds;
use super::measure::{Measure, Measures};
use crate::core::level::Level;

/// A province's (or a year's) way of turning a meeting into points and a level.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) description: Option<String>,
    pub(super) description_en: Option<String>,
    pub(super) levels: Thresholds,
    pub(super) criteria: Vec<Criterion>,
    pub(super) gates: Vec<Gate>,
    pub(super) year: Option<YearRules>,
}

impl Rubric {
    /// The id a rating refers to (`rubric = "phu-tho-2019"`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name shown in reports.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the numbers come from, if the file says.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Where the numbers come from, in `lang`: English reads `description_en` when the file
    /// has one, else the `description` it has.
    pub fn description_in(&self, lang: crate::core::lang::Lang) -> Option<&str> {
        match lang {
            crate::core::lang::Lang::En => self
                .description_en
                .as_deref()
                .or(self.description.as_deref()),
            crate::core::lang::Lang::Vi => self.description.as_deref(),
        }
    }

    pub fn levels(&self) -> &Thresholds {
        &self.levels
    }

    /// The criteria in file order, which is the order reports list them in.
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn gates(&self) -> &[Gate] {
        &self.gates
    }

    /// The year roll-up, if the rubric has one.
    pub fn year(&self) -> Option<&YearRules> {
        self.year.as_ref()
    }

    /// The sum of the criteria's maxima (100 for the usual rubrics).
    pub fn max_total(&self) -> u32 {
        self.criteria
            .iter()
            .fold(0u32, |sum, c| sum.saturating_add(c.max))
    }
}

/// The lowest total for each level; anything below `average` is poor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub good: u32,
    pub fair: u32,
    pub average: u32,
}

impl Thresholds {
    /// The highest level whose threshold `total` reaches.
    pub fn level_for(&self, total: u32) -> Level {
        if total >= self.good {
            Level::Good
        } else if total >= self.fair {
            Level::Fair
        } else if total >= self.average {
            Level::Average
        } else {
            Level::Poor
        }
    }

    /// The lowest total for `level` (0 for poor).
    pub fn threshold(&self, level: Level) -> u32 {
        match level {
            Level::Good => self.good,
            Level::Fair => self.fair,
            Level::Average => self.average,
            Level::Poor => 0,
        }
    }
}

/// One line of the rubric, worth 0 to `max` points.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub max: u32,
    /// How the record gives the points; `None` when the raters score it.
    pub measured: Option<Measured>,
    /// When the criterion counts; `None` when it always does.
    pub applies: Option<Applies>,
}

impl Criterion {
    pub fn measure(&self) -> Option<Measure> {
        self.measured.as_ref().map(|m| m.measure)
    }

    /// What the criterion gives when it does not apply to this meeting, or `None` when it
    /// applies. A condition whose measure cannot be computed is taken to hold: the raters
    /// then score the criterion rather than have it waived on a fact nobody checked.
    pub fn not_applicable(&self, measures: &Measures) -> Option<NotApplicable> {
        let applies = self.applies.as_ref()?;
        let value = lookup(measures, applies.measure)?;
        (!applies.bounds.contains(value)).then_some(applies.otherwise)
    }
}

/// A criterion that counts only while a measure is in `bounds` (the 2025 ward form: the
/// thematic content only in a month with a thematic meeting; the committee's preparatory
/// meeting only in a cell that has more than a secretary).
#[derive(Debug, Clone, PartialEq)]
pub struct Applies {
    pub measure: Measure,
    pub bounds: Bounds,
    pub otherwise: NotApplicable,
}

/// What a criterion that does not apply gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotApplicable {
    /// Its maximum, as if met (a cell with only a secretary has no committee to meet).
    FullMarks,
    /// Nothing, and its maximum leaves the total's maximum too (a month with no thematic
    /// meeting is rated out of 95).
    Excluded,
}

/// A criterion's points taken from a measure: bands give the points, caps can lower them.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub measure: Measure,
    pub bands: Vec<Band>,
    pub caps: Vec<Cap>,
}

/// Why a measured criterion could not be computed: the measure it needs is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing(pub Measure);

impl Measured {
    /// The points of the first band holding `value`, or 0 when none does.
    pub fn band_points(&self, value: f64) -> u32 {
        self.bands
            .iter()
            .find(|band| band.bounds.contains(value))
            .map_or(0, |band| band.points)
    }

    /// The criterion's value and points from the meeting's measures, after caps; a missing
    /// measure (its own or a cap's) is reported rather than guessed.
    pub fn evaluate(&self, measures: &Measures) -> Result<(f64, u32), Missing> {
        let value = lookup(measures, self.measure).ok_or(Missing(self.measure))?;
        let mut points = self.band_points(value);
        for cap in &self.caps {
            let other = lookup(measures, cap.measure).ok_or(Missing(cap.measure))?;
            if cap.bounds.contains(other) {
                points = points.min(cap.points);
            }
        }
        Ok((value, points))
    }

    /// The first measure this criterion needs that the meeting lacks.
    pub fn missing(&self, measures: &Measures) -> Option<Measure> {
        std::iter::once(self.measure)
            .chain(self.caps.iter().map(|cap| cap.measure))
            .find(|&m| lookup(measures, m).is_none())
    }
}

/// A measure's value; NaN counts as "cannot be computed" since no band could hold it.
pub(super) fn lookup(measures: &Measures, measure: Measure) -> Option<f64> {
    measures.get(&measure).copied().filter(|v| !v.is_nan())
}

/// Values in `bounds` are worth `points`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub bounds: Bounds,
    pub points: u32,
}

/// While another measure is in `bounds`, the criterion gets at most `points` (the 2025 ward
/// rubric: any unexcused absence leaves 1 point for attendance, whatever the rate).
#[derive(Debug, Clone, PartialEq)]
pub struct Cap {
    pub measure: Measure,
    pub bounds: Bounds,
    pub points: u32,
}

/// A condition a meeting must meet to be rated `level` or better, whatever its total.
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    pub level: Level,
    pub condition: GateCondition,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GateCondition {
    /// These criteria must have their maximum.
    FullMarks(Vec<String>),
    /// This measure must be in `bounds` (and computable).
    Measure { measure: Measure, bounds: Bounds },
}

/// How a year of monthly levels rolls up into the year's level.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRules {
    /// In file order; [`classify_year`](super::classify_year) tries them best level first.
    pub rules: Vec<YearRule>,
    /// The level when no rule holds.
    pub default: Level,
}

/// The year is `level` when all the given conditions hold.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRule {
    pub level: Level,
    /// Every month with a rated meeting is at this level or better.
    pub every_month_at_least: Option<Level>,
    /// At least `count` months are at `level` or better.
    pub min_months: Option<MinMonths>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinMonths {
    pub level: Level,
    pub count: u32,
}
