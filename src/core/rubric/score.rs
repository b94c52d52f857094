//! Scoring one meeting: measured criteria from the record, the rest from the raters, then the
//! thresholds and the gates. Pure: the caller computes the measures and collects the scores.

use crate::core::lang::Lang;
use std::collections::BTreeMap;

use serde::Serialize;

use super::bounds::Bounds;
use super::measure::{Measure, Measures};
use super::model::{Criterion, Gate, GateCondition, Missing, NotApplicable, Rubric, lookup};
use crate::core::level::Level;

/// A meeting's score sheet: what `rate` shows and what `--json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    /// The rubric's id.
    pub rubric: String,
    pub criteria: Vec<SheetLine>,
    pub total: u32,
    pub max_total: u32,
    /// The level after the gates.
    pub level: Level,
    /// The gates that lowered the level, best level first.
    pub gates_applied: Vec<GateApplied>,
}

impl Sheet {
    /// The level the total alone would give, before any gate.
    pub fn level_before_gates(&self) -> Level {
        self.gates_applied
            .first()
            .map_or(self.level, |g| g.lowered_from)
    }
}

/// One criterion's points on the sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetLine {
    pub id: String,
    pub title: String,
    pub max: u32,
    /// The measure the rubric bands for this criterion, even when it was missing.
    pub measure: Option<Measure>,
    /// The measure's value when the points came from it.
    pub value: Option<f64>,
    pub points: u32,
    pub source: PointsSource,
    /// Whether the criterion applied to this meeting (`applies_when`); when it did not,
    /// `source` says what it gave.
    pub applies: bool,
}

/// Where a line's points came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointsSource {
    /// Banded from a measure of the record.
    Measured,
    /// Given by the raters (`--score`), including a measured criterion whose measure was missing.
    Scored,
    /// Not applicable to this meeting, and worth its maximum (`not_applicable = "full_marks"`).
    FullMarks,
    /// Not applicable to this meeting, and left out of the total and of its maximum.
    Excluded,
}

/// A gate that held the meeting below the level its total reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateApplied {
    /// The level the gate guards.
    pub level: Level,
    /// Why, in English ("attendance needs full marks (15 of 20)"); `failure` has the parts
    /// for other languages, see [`GateFailure::reason`].
    pub reason: String,
    pub failure: GateFailure,
    pub lowered_from: Level,
    pub lowered_to: Level,
}

/// What a failed gate found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GateFailure {
    /// These criteria of a `full_marks` gate are short of their maximum.
    NotFullMarks { short: Vec<Shortfall> },
    /// The measure lies outside the gate's bounds.
    OutOfBounds {
        measure: Measure,
        value: f64,
        bounds: Bounds,
    },
    /// The measure cannot be computed, so the gate cannot be shown to hold.
    MeasureMissing { measure: Measure },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    pub id: String,
    pub title: String,
    pub points: u32,
    pub max: u32,
}

impl GateFailure {
    /// A sentence for reports, in Vietnamese or English.
    pub fn reason(&self, vi: bool) -> String {
        match self {
            GateFailure::NotFullMarks { short } => short
                .iter()
                .map(|s| {
                    if vi {
                        format!(
                            "“{}” chưa đạt điểm tối đa ({}/{})",
                            s.title, s.points, s.max
                        )
                    } else {
                        format!("{} needs full marks ({} of {})", s.id, s.points, s.max)
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            GateFailure::OutOfBounds {
                measure,
                value,
                bounds,
            } => {
                if vi {
                    format!(
                        "{} phải {} (thực tế: {})",
                        capitalise(
                            measure
                                .describe(true)
                                .split(" (")
                                .next()
                                .unwrap_or_default()
                        ),
                        measure.range_words(bounds, Lang::Vi),
                        measure.show_value(*value, Lang::Vi)
                    )
                } else {
                    format!(
                        "{} must be {} (it is {})",
                        capitalise(measure.name(Lang::En)),
                        measure.range_words(bounds, Lang::En),
                        measure.show_value(*value, Lang::En)
                    )
                }
            }
            GateFailure::MeasureMissing { measure } => {
                if vi {
                    format!(
                        "không tính được {} từ biên bản nên chưa thể xác nhận điều kiện",
                        measure.name(Lang::Vi)
                    )
                } else {
                    format!(
                        "the {} cannot be computed from the record, so the condition cannot be shown to hold",
                        measure.name(Lang::En)
                    )
                }
            }
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Why a meeting could not be scored. Every variant carries the facts a message needs in
/// either language.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreError {
    UnknownCriterion {
        id: String,
        known: Vec<String>,
    },
    OutOfRange {
        id: String,
        points: u32,
        max: u32,
    },
    MeasuredHasValue {
        id: String,
        measure: Measure,
        value: f64,
    },
    MissingScore {
        id: String,
        title: String,
        max: u32,
        /// Set when the criterion is normally measured but the record lacks this measure.
        because_measure_missing: Option<Measure>,
    },
    /// A score for a criterion that does not apply to this meeting (`applies_when`).
    NotApplicable {
        id: String,
    },
}

impl ScoreError {
    /// What went wrong, in `lang`: `rate` refuses with it and `check` reports it as E051.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ScoreError::UnknownCriterion { id, known }, Lang::Vi) => format!(
                "không có tiêu chí `{id}`; bộ tiêu chí này có: {}",
                known.join(", ")
            ),
            (ScoreError::UnknownCriterion { id, known }, Lang::En) => format!(
                "unknown criterion `{id}`; this rubric has: {}",
                known.join(", ")
            ),
            (ScoreError::OutOfRange { id, points, max }, Lang::Vi) => {
                format!("`{id}` tối đa {max} điểm, không thể là {points}")
            }
            (ScoreError::OutOfRange { id, points, max }, Lang::En) => {
                format!("`{id}` is worth at most {max} points, not {points}")
            }
            (ScoreError::MeasuredHasValue { id, measure, value }, Lang::Vi) => format!(
                "`{id}` được đo từ biên bản ({}: {}): hãy sửa biên bản thay vì chấm điểm",
                measure.name(lang),
                measure.show_value(*value, lang)
            ),
            (ScoreError::MeasuredHasValue { id, measure, value }, Lang::En) => format!(
                "`{id}` is measured from the record ({measure} = {value}): fix the record instead of scoring it"
            ),
            (ScoreError::NotApplicable { id }, Lang::Vi) => {
                format!("`{id}` không áp dụng cho buổi sinh hoạt này nên không chấm điểm")
            }
            (ScoreError::NotApplicable { id }, Lang::En) => {
                format!("`{id}` does not apply to this meeting, so it takes no score")
            }
            (
                ScoreError::MissingScore {
                    id,
                    title,
                    max,
                    because_measure_missing,
                },
                _,
            ) => {
                let why = because_measure_missing.map(|m| match lang {
                    Lang::Vi => format!(": không tính được {} từ biên bản", m.name(lang)),
                    Lang::En => format!(": {m} cannot be computed from the record"),
                });
                let needs = lang.pick(
                    "cần người đánh giá chấm điểm",
                    "needs a score from the raters",
                );
                format!(
                    "`{id}` ({title}, 0–{max}) {needs}{}",
                    why.unwrap_or_default()
                )
            }
        }
    }
}

/// In English; the shell shows [`ScoreError::message`] in the user's language.
impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ScoreError {}

/// The criteria the raters must score for this meeting: the scored ones, and the measured
/// ones whose measures the record lacks. In rubric order, for prompts.
pub fn scored_criteria<'r>(rubric: &'r Rubric, measures: &Measures) -> Vec<&'r Criterion> {
    rubric
        .criteria()
        .iter()
        .filter(|c| {
            c.not_applicable(measures).is_none()
                && c.measured
                    .as_ref()
                    .is_none_or(|m| m.missing(measures).is_some())
        })
        .collect()
}

/// Score a meeting. `scores` holds the raters' points by criterion id. Every problem is
/// returned at once so the raters can fix all their `--score`s in one go.
pub fn score(
    rubric: &Rubric,
    measures: &Measures,
    scores: &BTreeMap<String, u32>,
) -> Result<Sheet, Vec<ScoreError>> {
    let mut errors = Vec::new();
    for id in scores.keys() {
        if rubric.criterion(id).is_none() {
            errors.push(ScoreError::UnknownCriterion {
                id: id.clone(),
                known: rubric.criteria().iter().map(|c| c.id.clone()).collect(),
            });
        }
    }

    let lines: Vec<SheetLine> = rubric
        .criteria()
        .iter()
        .filter_map(|c| criterion_line(c, measures, scores.get(&c.id).copied(), &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }

    let total = lines
        .iter()
        .fold(0u32, |sum, l| sum.saturating_add(l.points));
    let (level, gates_applied) =
        apply_gates(rubric, measures, &lines, rubric.levels().level_for(total));
    let max_total = lines
        .iter()
        .filter(|l| l.source != PointsSource::Excluded)
        .fold(0u32, |sum, l| sum.saturating_add(l.max));
    Ok(Sheet {
        rubric: rubric.id().to_owned(),
        criteria: lines,
        total,
        max_total,
        level,
        gates_applied,
    })
}

/// One criterion's line, or `None` with the problems pushed onto `errors`.
fn criterion_line(
    c: &Criterion,
    measures: &Measures,
    given: Option<u32>,
    errors: &mut Vec<ScoreError>,
) -> Option<SheetLine> {
    if let Some(otherwise) = c.not_applicable(measures) {
        if given.is_some() {
            errors.push(ScoreError::NotApplicable { id: c.id.clone() });
        }
        return Some(match otherwise {
            NotApplicable::FullMarks => line(c, None, c.max, PointsSource::FullMarks),
            NotApplicable::Excluded => line(c, None, 0, PointsSource::Excluded),
        });
    }
    let evaluated = c
        .measured
        .as_ref()
        .map(|m| (m.measure, m.evaluate(measures)));
    let missing = match evaluated {
        Some((measure, Ok((value, points)))) => {
            if given.is_some() {
                errors.push(ScoreError::MeasuredHasValue {
                    id: c.id.clone(),
                    measure,
                    value,
                });
            }
            return Some(line(
                c,
                Some(value),
                points.min(c.max),
                PointsSource::Measured,
            ));
        }
        Some((_, Err(Missing(measure)))) => Some(measure),
        None => None,
    };
    match given {
        None => errors.push(ScoreError::MissingScore {
            id: c.id.clone(),
            title: c.title.clone(),
            max: c.max,
            because_measure_missing: missing,
        }),
        Some(points) if points > c.max => errors.push(ScoreError::OutOfRange {
            id: c.id.clone(),
            points,
            max: c.max,
        }),
        Some(points) => return Some(line(c, None, points, PointsSource::Scored)),
    }
    None
}

fn line(c: &Criterion, value: Option<f64>, points: u32, source: PointsSource) -> SheetLine {
    SheetLine {
        id: c.id.clone(),
        title: c.title.clone(),
        max: c.max,
        measure: c.measure(),
        value,
        points,
        source,
        applies: !matches!(source, PointsSource::FullMarks | PointsSource::Excluded),
    }
}

/// Lower the level for each failed gate, best level first. All failed gates of a level are
/// listed (the secretary wants every reason), each showing the same step down.
fn apply_gates(
    rubric: &Rubric,
    measures: &Measures,
    lines: &[SheetLine],
    from_total: Level,
) -> (Level, Vec<GateApplied>) {
    let mut level = from_total;
    let mut applied = Vec::new();
    for guarded in [Level::Good, Level::Fair, Level::Average] {
        if level < guarded {
            continue;
        }
        let failures: Vec<GateFailure> = rubric
            .gates()
            .iter()
            .filter(|g| g.level == guarded)
            .filter_map(|g| check_gate(g, measures, lines))
            .collect();
        if failures.is_empty() {
            continue;
        }
        let lowered_to = guarded.below().unwrap_or(Level::Poor);
        for failure in failures {
            applied.push(GateApplied {
                level: guarded,
                reason: failure.reason(false),
                failure,
                lowered_from: level,
                lowered_to,
            });
        }
        level = lowered_to;
    }
    (level, applied)
}

/// `None` when the gate holds.
fn check_gate(gate: &Gate, measures: &Measures, lines: &[SheetLine]) -> Option<GateFailure> {
    match &gate.condition {
        GateCondition::FullMarks(ids) => {
            let short: Vec<Shortfall> = lines
                .iter()
                .filter(|l| ids.contains(&l.id) && l.points < l.max)
                .filter(|l| l.source != PointsSource::Excluded)
                .map(|l| Shortfall {
                    id: l.id.clone(),
                    title: l.title.clone(),
                    points: l.points,
                    max: l.max,
                })
                .collect();
            (!short.is_empty()).then_some(GateFailure::NotFullMarks { short })
        }
        GateCondition::Measure { measure, bounds } => match lookup(measures, *measure) {
            None => Some(GateFailure::MeasureMissing { measure: *measure }),
            Some(value) if !bounds.contains(value) => Some(GateFailure::OutOfBounds {
                measure: *measure,
                value,
                bounds: *bounds,
            }),
            Some(_) => None,
        },
    }
}
