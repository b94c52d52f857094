//! Reading a rubric file: TOML into raw structs that keep each value's place in the source,
//! then checks that report every problem at once, each pointing at the spot to fix.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::bounds::{Bound, Bounds};
use super::measure::Measure;
use super::model::{
    Applies, Band, Cap, Criterion, Gate, GateCondition, Measured, MinMonths, NotApplicable, Rubric,
    Thresholds, YearRule, YearRules,
};
use crate::core::level::Level;
use crate::core::problem::{Words, w};

/// The only file format version so far.
pub const SCHEMA: i64 = 1;

/// One thing wrong with a rubric file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RubricProblem {
    pub code: ProblemCode,
    pub message: Words,
    /// How to fix it.
    pub hint: Words,
    /// Byte range in the source, for `FILE:LINE:COL`; `None` when the problem has no one spot.
    pub span: Option<Range<usize>>,
}

/// Stable codes of rubric problems, documented in docs/rubrics.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemCode {
    /// Not TOML, or a key, type or value the format does not allow.
    Toml,
    /// `schema` is not 1.
    Schema,
    /// An id with characters other than `a-z`, `0-9`, `-` (and `_` for criteria).
    BadId,
    DuplicateCriterion,
    ZeroMax,
    /// Thresholds not in the order good > fair > average.
    Thresholds,
    /// `good` is more than the sum of the maxima.
    GoodUnreachable,
    NoCriteria,
    /// `bands` or `caps` on a criterion without `measure`.
    BandsWithoutMeasure,
    MeasureWithoutBands,
    /// A band or cap gives more points than the criterion's `max`.
    PointsOverMax,
    /// `min` greater than `max`: nothing can match.
    EmptyRange,
    /// A band that earlier bands (or the measure's range) leave nothing to.
    UnreachableBand,
    /// A bound that is `nan`, or `min` with `above` / `max` with `below`.
    BadBound,
    UnknownMeasure,
    UnknownLevel,
    /// A gate's `full_marks` names no criterion of this rubric.
    GateUnknownCriterion,
    /// A gate with both or neither of `full_marks` and `measure`, or bounds without `measure`.
    GateForm,
    /// A gate that checks nothing: empty `full_marks`, or `measure` without bounds.
    GateIncomplete,
    /// A gate for `poor`, which there is no level below.
    GatePoor,
    /// `[year]` without rules.
    YearNoRules,
    /// `min_months.count` outside 1–12.
    YearCount,
}

impl ProblemCode {
    pub const ALL: [ProblemCode; 22] = [
        ProblemCode::Toml,
        ProblemCode::Schema,
        ProblemCode::BadId,
        ProblemCode::DuplicateCriterion,
        ProblemCode::ZeroMax,
        ProblemCode::Thresholds,
        ProblemCode::GoodUnreachable,
        ProblemCode::NoCriteria,
        ProblemCode::BandsWithoutMeasure,
        ProblemCode::MeasureWithoutBands,
        ProblemCode::PointsOverMax,
        ProblemCode::EmptyRange,
        ProblemCode::UnreachableBand,
        ProblemCode::BadBound,
        ProblemCode::UnknownMeasure,
        ProblemCode::UnknownLevel,
        ProblemCode::GateUnknownCriterion,
        ProblemCode::GateForm,
        ProblemCode::GateIncomplete,
        ProblemCode::GatePoor,
        ProblemCode::YearNoRules,
        ProblemCode::YearCount,
    ];

    /// The code printed in `error[R004]`, from the catalogue of codes.
    pub fn as_str(self) -> &'static str {
        crate::core::problem::Code::from(self).as_str()
    }
}

/// Prints the code (`R004`), as `error[R004]` wants.
impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// The file as written. Values the checks point at are `Spanned`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRubric {
    schema: Spanned<i64>,
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    description_en: Option<String>,
    levels: Spanned<RawLevels>,
    #[serde(default)]
    criteria: Vec<Spanned<RawCriterion>>,
    #[serde(default)]
    gates: Vec<Spanned<RawGate>>,
    #[serde(default)]
    year: Option<Spanned<RawYear>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevels {
    good: Spanned<u32>,
    fair: Spanned<u32>,
    average: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: Spanned<String>,
    title: String,
    max: Spanned<u32>,
    #[serde(default)]
    measure: Option<Spanned<String>>,
    #[serde(default)]
    bands: Option<Spanned<Vec<Spanned<RawBand>>>>,
    #[serde(default)]
    caps: Vec<Spanned<RawCap>>,
    #[serde(default)]
    applies_when: Option<Spanned<RawApplies>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplies {
    measure: Spanned<String>,
    #[serde(default)]
    min: Option<Spanned<f64>>,
    #[serde(default)]
    max: Option<Spanned<f64>>,
    #[serde(default)]
    above: Option<Spanned<f64>>,
    #[serde(default)]
    below: Option<Spanned<f64>>,
    otherwise: NotApplicable,
}

/// The four bound keys of a band, cap or gate, gathered for checking.
struct RawBounds {
    min: Option<Spanned<f64>>,
    max: Option<Spanned<f64>>,
    above: Option<Spanned<f64>>,
    below: Option<Spanned<f64>>,
}

impl RawBounds {
    fn is_empty(&self) -> bool {
        self.min.is_none() && self.max.is_none() && self.above.is_none() && self.below.is_none()
    }
}

// `#[serde(flatten)]` would lose `deny_unknown_fields`, so each table repeats the bound keys.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    #[serde(default)]
    min: Option<Spanned<f64>>,
    #[serde(default)]
    max: Option<Spanned<f64>>,
    #[serde(default)]
    above: Option<Spanned<f64>>,
    #[serde(default)]
    below: Option<Spanned<f64>>,
    points: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCap {
    measure: Spanned<String>,
    #[serde(default)]
    min: Option<Spanned<f64>>,
    #[serde(default)]
    max: Option<Spanned<f64>>,
    #[serde(default)]
    above: Option<Spanned<f64>>,
    #[serde(default)]
    below: Option<Spanned<f64>>,
    points: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGate {
    level: Spanned<String>,
    #[serde(default)]
    full_marks: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    measure: Option<Spanned<String>>,
    #[serde(default)]
    min: Option<Spanned<f64>>,
    #[serde(default)]
    max: Option<Spanned<f64>>,
    #[serde(default)]
    above: Option<Spanned<f64>>,
    #[serde(default)]
    below: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    #[serde(default)]
    default: Option<Spanned<String>>,
    #[serde(default)]
    rules: Vec<Spanned<RawYearRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYearRule {
    level: Spanned<String>,
    #[serde(default)]
    every_month_at_least: Option<Spanned<String>>,
    #[serde(default)]
    min_months: Option<Spanned<RawMinMonths>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMinMonths {
    level: Spanned<String>,
    count: Spanned<u32>,
}

fn bounds_of(
    min: &Option<Spanned<f64>>,
    max: &Option<Spanned<f64>>,
    above: &Option<Spanned<f64>>,
    below: &Option<Spanned<f64>>,
) -> RawBounds {
    RawBounds {
        min: min.clone(),
        max: max.clone(),
        above: above.clone(),
        below: below.clone(),
    }
}

// ---------------------------------------------------------------------------------------

impl Rubric {
    /// Read and check a rubric file's text. Every problem found is returned, in source order;
    /// a TOML syntax or type error stops the reading, so it comes alone.
    pub fn parse(src: &str) -> Result<Rubric, Vec<RubricProblem>> {
        let raw: RawRubric = toml::from_str(src).map_err(|e| vec![toml_problem(&e)])?;
        let mut checker = Checker::default();
        let rubric = checker.rubric(raw);
        let mut problems = checker.problems;
        if problems.is_empty() {
            Ok(rubric)
        } else {
            problems.sort_by_key(|p| p.span.as_ref().map_or(usize::MAX, |s| s.start));
            Err(problems)
        }
    }
}

fn toml_problem(e: &toml::de::Error) -> RubricProblem {
    let message = e.message().to_owned();
    let hint = if message.contains("unknown field") {
        w(
            "kiểm tra chính tả; các khóa bảng này nhận có trong thông báo và trong docs/rubrics.md",
            "check the spelling; the keys this table accepts are listed in the message and in docs/rubrics.md",
        )
    } else if message.contains("missing field") {
        w(
            "thêm khóa này; docs/rubrics.md có một ví dụ đầy đủ",
            "add the key; docs/rubrics.md has a complete example",
        )
    } else {
        w(
            "sửa TOML tại đây; docs/rubrics.md mô tả từng khóa và kiểu của nó",
            "fix the TOML here; docs/rubrics.md describes each key and its type",
        )
    };
    RubricProblem {
        code: ProblemCode::Toml,
        // The TOML parser's own words, and in Vietnamese what they say.
        message: w(
            crate::core::parser_words::any(&message, crate::core::lang::Lang::Vi),
            message,
        ),
        hint,
        span: e.span(),
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<RubricProblem>,
}

impl Checker {
    fn report(
        &mut self,
        code: ProblemCode,
        span: Option<Range<usize>>,
        message: Words,
        hint: Words,
    ) {
        self.problems.push(RubricProblem {
            code,
            message,
            hint,
            span,
        });
    }

    /// Build the rubric from the parts that check out; if anything was reported the caller
    /// discards it, so skipping a bad part here never leaks out.
    fn rubric(&mut self, raw: RawRubric) -> Rubric {
        if *raw.schema.get_ref() != SCHEMA {
            self.report(
                ProblemCode::Schema,
                Some(raw.schema.span()),
                w(
                    format!("không hỗ trợ schema {}", raw.schema.get_ref()),
                    format!("unsupported schema {}", raw.schema.get_ref()),
                ),
                w(
                    format!("phiên bản cellbook này đọc `schema = {SCHEMA}`"),
                    format!("this version of cellbook reads `schema = {SCHEMA}`"),
                ),
            );
        }
        self.id(&raw.id, w("bộ tiêu chí", "rubric"), false);
        let levels = self.thresholds(&raw.levels);
        let criteria = self.criteria(&raw.criteria);
        if raw.criteria.is_empty() {
            self.report(
                ProblemCode::NoCriteria,
                None,
                w(
                    "bộ tiêu chí không có tiêu chí nào",
                    "the rubric has no criteria",
                ),
                w(
                    "thêm ít nhất một bảng [[criteria]] có id, title và max",
                    "add at least one [[criteria]] table with id, title and max",
                ),
            );
        } else {
            let sum: u64 = raw
                .criteria
                .iter()
                .map(|c| u64::from(*c.get_ref().max.get_ref()))
                .sum();
            if u64::from(levels.good) > sum {
                self.report(
                    ProblemCode::GoodUnreachable,
                    Some(raw.levels.get_ref().good.span()),
                    w(
                        format!(
                            "`good = {}` không bao giờ đạt được: tổng điểm tối đa các tiêu chí là {sum}",
                            levels.good
                        ),
                        format!(
                            "`good = {}` can never be reached: the criteria add up to {sum}",
                            levels.good
                        ),
                    ),
                    w(
                        format!("hạ `good` xuống tối đa {sum}, hoặc tăng `max` của một tiêu chí"),
                        format!("lower `good` to at most {sum}, or raise some criterion's max"),
                    ),
                );
            }
        }
        let gates = raw
            .gates
            .iter()
            .filter_map(|g| self.gate(g, &raw.criteria))
            .collect();
        let year = raw.year.as_ref().map(|y| self.year(y));
        Rubric {
            id: raw.id.into_inner(),
            name: raw.name,
            description: raw.description,
            description_en: raw.description_en,
            levels,
            criteria,
            gates,
            year,
        }
    }

    fn id(&mut self, id: &Spanned<String>, what: Words, underscore: bool) {
        let text = id.get_ref();
        let ok = !text.is_empty()
            && text.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (underscore && c == '_')
            });
        if !ok {
            let allowed = if underscore {
                w(
                    "chữ thường không dấu, số, `-` và `_`",
                    "lowercase ASCII letters, digits, `-` and `_`",
                )
            } else {
                w(
                    "chữ thường không dấu, số và `-`",
                    "lowercase ASCII letters, digits and `-`",
                )
            };
            self.report(
                ProblemCode::BadId,
                Some(id.span()),
                w(
                    format!("mã {} không hợp lệ `{text}`", what.vi),
                    format!("invalid {} id `{text}`", what.en),
                ),
                w(
                    format!(
                        "chỉ dùng {}, ví dụ `{}`",
                        allowed.vi,
                        suggest_id(text, underscore)
                    ),
                    format!(
                        "use only {}, e.g. `{}`",
                        allowed.en,
                        suggest_id(text, underscore)
                    ),
                ),
            );
        }
    }

    fn thresholds(&mut self, raw: &Spanned<RawLevels>) -> Thresholds {
        let l = raw.get_ref();
        let levels = Thresholds {
            good: *l.good.get_ref(),
            fair: *l.fair.get_ref(),
            average: *l.average.get_ref(),
        };
        if levels.fair >= levels.good {
            self.report(
                ProblemCode::Thresholds,
                Some(l.fair.span()),
                w(
                    format!(
                        "`fair = {}` phải thấp hơn `good = {}`",
                        levels.fair, levels.good
                    ),
                    format!(
                        "`fair = {}` must be lower than `good = {}`",
                        levels.fair, levels.good
                    ),
                ),
                w(
                    "ngưỡng của mỗi mức là tổng điểm thấp nhất của mức đó: good > fair > average",
                    "each level's threshold is the lowest total for it: good > fair > average",
                ),
            );
        }
        if levels.average >= levels.fair {
            self.report(
                ProblemCode::Thresholds,
                Some(l.average.span()),
                w(
                    format!(
                        "`average = {}` phải thấp hơn `fair = {}`",
                        levels.average, levels.fair
                    ),
                    format!(
                        "`average = {}` must be lower than `fair = {}`",
                        levels.average, levels.fair
                    ),
                ),
                w(
                    "ngưỡng của mỗi mức là tổng điểm thấp nhất của mức đó: good > fair > average",
                    "each level's threshold is the lowest total for it: good > fair > average",
                ),
            );
        }
        levels
    }

    fn criteria(&mut self, raw: &[Spanned<RawCriterion>]) -> Vec<Criterion> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut criteria = Vec::with_capacity(raw.len());
        for (index, spanned) in raw.iter().enumerate() {
            let c = spanned.get_ref();
            self.id(&c.id, w("tiêu chí", "criterion"), true);
            if let Some(first) = seen.insert(c.id.get_ref(), index) {
                self.report(
                    ProblemCode::DuplicateCriterion,
                    Some(c.id.span()),
                    w(
                        format!("tiêu chí `{}` được khai báo hai lần", c.id.get_ref()),
                        format!("criterion `{}` is defined twice", c.id.get_ref()),
                    ),
                    w(
                        format!(
                            "tiêu chí thứ {} đã dùng mã này; mỗi tiêu chí cần một mã riêng",
                            first + 1
                        ),
                        format!(
                            "criterion {} already uses this id; give each criterion its own id",
                            first + 1
                        ),
                    ),
                );
            }
            let max = *c.max.get_ref();
            if max == 0 {
                self.report(
                    ProblemCode::ZeroMax,
                    Some(c.max.span()),
                    w(
                        format!("tiêu chí `{}` có `max = 0`", c.id.get_ref()),
                        format!("criterion `{}` has `max = 0`", c.id.get_ref()),
                    ),
                    w(
                        "một tiêu chí phải đáng ít nhất 1 điểm; bỏ nó đi nếu nó không tính điểm",
                        "a criterion must be worth at least 1 point; remove it if it counts for nothing",
                    ),
                );
            }
            let measured = self.measured(c, max);
            let applies = c.applies_when.as_ref().and_then(|a| self.applies(a));
            criteria.push(Criterion {
                id: c.id.get_ref().clone(),
                title: c.title.clone(),
                max,
                measured,
                applies,
            });
        }
        criteria
    }

    /// The measured part of a criterion; `None` for a scored one (or a broken measured one,
    /// which has been reported).
    fn measured(&mut self, c: &RawCriterion, max: u32) -> Option<Measured> {
        let id = c.id.get_ref();
        let Some(raw_measure) = &c.measure else {
            self.unmeasured_bands_or_caps(c);
            return None;
        };
        let measure = self.measure(raw_measure);
        let raw_bands = c.bands.as_ref().map_or(&[][..], |b| b.get_ref().as_slice());
        if raw_bands.is_empty() {
            self.report(
                ProblemCode::MeasureWithoutBands,
                Some(c.bands.as_ref().map_or(raw_measure.span(), |b| b.span())),
                w(
                    format!("tiêu chí đo `{id}` không có `bands`"),
                    format!("measured criterion `{id}` has no bands"),
                ),
                w(
                    "thêm `bands = [ { min = …, points = … }, … ]` để đổi chỉ số thành điểm",
                    "add `bands = [ { min = …, points = … }, … ]` to turn the measure into points",
                ),
            );
        }
        let mut bands = Vec::with_capacity(raw_bands.len());
        let mut earlier: Vec<Bounds> = Vec::new();
        for (index, spanned) in raw_bands.iter().enumerate() {
            let b = spanned.get_ref();
            self.points(&b.points, max, id, w("khoảng", "band"));
            let raw = bounds_of(&b.min, &b.max, &b.above, &b.below);
            let Some(bounds) = self.bounds(&raw, spanned.span()) else {
                continue;
            };
            if let Some(m) = measure {
                self.reachable(m, &bounds, &earlier, index, id, spanned.span());
            }
            earlier.push(bounds);
            bands.push(Band {
                bounds,
                points: *b.points.get_ref(),
            });
        }
        let mut caps = Vec::with_capacity(c.caps.len());
        for spanned in &c.caps {
            let cap = spanned.get_ref();
            let cap_measure = self.measure(&cap.measure);
            self.points(&cap.points, max, id, w("mức trần", "cap"));
            let raw = bounds_of(&cap.min, &cap.max, &cap.above, &cap.below);
            if let (Some(measure), Some(bounds)) = (cap_measure, self.bounds(&raw, spanned.span()))
            {
                caps.push(Cap {
                    measure,
                    bounds,
                    points: *cap.points.get_ref(),
                });
            }
        }
        Some(Measured {
            measure: measure?,
            bands,
            caps,
        })
    }

    /// A criterion's `applies_when`: a known measure and bounds that hold some value (R015,
    /// R012, R014), and at least one bound (R019: a condition with none checks nothing).
    fn applies(&mut self, spanned: &Spanned<RawApplies>) -> Option<Applies> {
        let a = spanned.get_ref();
        let measure = self.measure(&a.measure);
        let raw = bounds_of(&a.min, &a.max, &a.above, &a.below);
        if raw.is_empty() {
            self.report(
                ProblemCode::GateIncomplete,
                Some(spanned.span()),
                w(
                    "`applies_when` không có giới hạn nào nên không kiểm tra gì",
                    "`applies_when` has no bounds, so it checks nothing",
                ),
                w(
                    "thêm `min`, `max`, `above` hoặc `below`, hoặc bỏ `applies_when`",
                    "add `min`, `max`, `above` or `below`, or remove `applies_when`",
                ),
            );
            return None;
        }
        let bounds = self.bounds(&raw, spanned.span())?;
        Some(Applies {
            measure: measure?,
            bounds,
            otherwise: a.otherwise,
        })
    }

    /// R009: bands and caps turn a measure into points, so they need one.
    fn unmeasured_bands_or_caps(&mut self, c: &RawCriterion) {
        let id = c.id.get_ref();
        if let Some(bands) = &c.bands {
            self.report(
                ProblemCode::BandsWithoutMeasure,
                Some(bands.span()),
                w(
                    format!("tiêu chí `{id}` có `bands` nhưng không có `measure`"),
                    format!("criterion `{id}` has bands but no `measure`"),
                ),
                w(
                    "thêm `measure = \"…\"` để chia khoảng một chỉ số, hoặc bỏ `bands` để người đánh giá chấm điểm",
                    "add `measure = \"…\"` to band a measure, or remove `bands` to let the raters score it",
                ),
            );
        }
        if let Some(cap) = c.caps.first() {
            self.report(
                ProblemCode::BandsWithoutMeasure,
                Some(cap.span()),
                w(
                    format!("tiêu chí `{id}` có `caps` nhưng không có `measure`"),
                    format!("criterion `{id}` has caps but no `measure`"),
                ),
                w(
                    "`caps` chỉ hạ điểm lấy từ một chỉ số; bỏ chúng đi hoặc thêm `measure` và `bands`",
                    "caps only lower points taken from a measure; remove them or add `measure` and `bands`",
                ),
            );
        }
    }

    fn points(&mut self, points: &Spanned<u32>, max: u32, id: &str, what: Words) {
        if *points.get_ref() > max {
            self.report(
                ProblemCode::PointsOverMax,
                Some(points.span()),
                w(
                    format!(
                        "một {} của `{id}` cho {} điểm, nhiều hơn tối đa {max}",
                        what.vi,
                        points.get_ref()
                    ),
                    format!(
                        "a {} of `{id}` gives {} points, more than its max {max}",
                        what.en,
                        points.get_ref()
                    ),
                ),
                w(
                    format!("cho tối đa {max} điểm, hoặc tăng `max` của tiêu chí"),
                    format!("give at most {max} points, or raise the criterion's max"),
                ),
            );
        }
    }

    /// Report a band that can never be the first to match.
    fn reachable(
        &mut self,
        measure: Measure,
        bounds: &Bounds,
        earlier: &[Bounds],
        index: usize,
        id: &str,
        span: Range<usize>,
    ) {
        let possible = bounds.intersect(&measure.range());
        if possible.is_empty() {
            let hint = if measure.is_rate() && bounds.lower.is_some_and(|b| b.value > 1.0) {
                w(
                    format!("`{measure}` là một tỉ lệ từ 0 đến 1: ghi 0.85 cho 85%"),
                    format!("`{measure}` is a fraction from 0 to 1: write 0.85 for 85%"),
                )
            } else {
                w(
                    format!("`{measure}` {}", measure.range().describe(true)),
                    format!("`{measure}` is {}", measure.range().describe(false)),
                )
            };
            self.report(
                ProblemCode::UnreachableBand,
                Some(span),
                w(
                    format!(
                        "khoảng {} của `{id}` ({bounds}) không bao giờ khớp: `{measure}` không nhận giá trị như vậy",
                        index + 1
                    ),
                    format!(
                        "band {} of `{id}` ({bounds}) can never match: `{measure}` never takes such a value",
                        index + 1
                    ),
                ),
                hint,
            );
        } else if possible.is_covered_by(earlier) {
            self.report(
                ProblemCode::UnreachableBand,
                Some(span),
                w(
                    format!(
                        "khoảng {} của `{id}` ({bounds}) không bao giờ khớp: các khoảng trước đã nhận hết giá trị của nó",
                        index + 1
                    ),
                    format!(
                        "band {} of `{id}` ({bounds}) can never match: earlier bands already take all its values",
                        index + 1
                    ),
                ),
                w(
                    "khoảng khớp đầu tiên được dùng: xếp các khoảng từ giá trị cao xuống, hoặc bỏ khoảng này",
                    "the first matching band wins: list bands from the highest value down, or remove this one",
                ),
            );
        }
    }

    /// Check the bound keys of a band, cap or gate; `None` if they are unusable.
    fn bounds(&mut self, raw: &RawBounds, table: Range<usize>) -> Option<Bounds> {
        let mut ok = true;
        for value in [&raw.min, &raw.max, &raw.above, &raw.below]
            .into_iter()
            .flatten()
        {
            if value.get_ref().is_nan() {
                self.report(
                    ProblemCode::BadBound,
                    Some(value.span()),
                    w("giới hạn không thể là `nan`", "a bound cannot be `nan`"),
                    w(
                        "ghi một số, hoặc bỏ khóa này nếu không giới hạn",
                        "write a number, or leave the key out for no bound",
                    ),
                );
                ok = false;
            }
        }
        if let (Some(_), Some(above)) = (&raw.min, &raw.above) {
            self.report(
                ProblemCode::BadBound,
                Some(above.span()),
                w(
                    "`min` và `above` cùng đặt giới hạn dưới",
                    "`min` and `above` both give a lower bound",
                ),
                w(
                    "giữ một: `min` gồm cả giá trị đó, `above` thì không",
                    "keep one: `min` includes the value, `above` excludes it",
                ),
            );
            ok = false;
        }
        if let (Some(_), Some(below)) = (&raw.max, &raw.below) {
            self.report(
                ProblemCode::BadBound,
                Some(below.span()),
                w(
                    "`max` và `below` cùng đặt giới hạn trên",
                    "`max` and `below` both give an upper bound",
                ),
                w(
                    "giữ một: `max` gồm cả giá trị đó, `below` thì không",
                    "keep one: `max` includes the value, `below` excludes it",
                ),
            );
            ok = false;
        }
        if !ok {
            return None;
        }
        let lower = match (&raw.min, &raw.above) {
            (Some(v), _) => Some(Bound::inclusive(*v.get_ref())),
            (None, Some(v)) => Some(Bound::exclusive(*v.get_ref())),
            (None, None) => None,
        };
        let upper = match (&raw.max, &raw.below) {
            (Some(v), _) => Some(Bound::inclusive(*v.get_ref())),
            (None, Some(v)) => Some(Bound::exclusive(*v.get_ref())),
            (None, None) => None,
        };
        let bounds = Bounds { lower, upper };
        if bounds.is_empty() {
            self.report(
                ProblemCode::EmptyRange,
                Some(table),
                w(
                    format!("không giá trị nào thỏa `{bounds}`"),
                    format!("no value fits `{bounds}`"),
                ),
                w(
                    "giới hạn dưới phải nhỏ hơn giới hạn trên; hãy đổi chỗ chúng",
                    "the lower bound must be below the upper bound; swap them",
                ),
            );
            return None;
        }
        Some(bounds)
    }

    fn measure(&mut self, raw: &Spanned<String>) -> Option<Measure> {
        let name = raw.get_ref();
        match name.parse::<Measure>() {
            Ok(m) => Some(m),
            Err(_) => {
                let known = Measure::ALL.map(Measure::key);
                self.report(
                    ProblemCode::UnknownMeasure,
                    Some(raw.span()),
                    w(
                        format!("không có chỉ số `{name}`"),
                        format!("unknown measure `{name}`"),
                    ),
                    did_you_mean(name, &known, w("chỉ số", "measures")),
                );
                None
            }
        }
    }

    fn level(&mut self, raw: &Spanned<String>) -> Option<Level> {
        match raw.get_ref().parse::<Level>() {
            Ok(level) => Some(level),
            Err(_) => {
                self.report(
                    ProblemCode::UnknownLevel,
                    Some(raw.span()),
                    w(
                        format!("không có mức `{}`", raw.get_ref()),
                        format!("unknown level `{}`", raw.get_ref()),
                    ),
                    w(
                        "dùng good, fair, average hoặc poor (hoặc tốt, khá, trung bình, kém)",
                        "use good, fair, average or poor (or tốt, khá, trung bình, kém)",
                    ),
                );
                None
            }
        }
    }

    fn gate(
        &mut self,
        spanned: &Spanned<RawGate>,
        criteria: &[Spanned<RawCriterion>],
    ) -> Option<Gate> {
        let g = spanned.get_ref();
        let level = self.level(&g.level);
        if level == Some(Level::Poor) {
            self.report(
                ProblemCode::GatePoor,
                Some(g.level.span()),
                w(
                    "điều kiện cho mức `poor` vô nghĩa: không có mức nào thấp hơn",
                    "a gate for `poor` means nothing: there is no level below it",
                ),
                w(
                    "đặt điều kiện cho good, fair hoặc average",
                    "gate good, fair or average",
                ),
            );
        }
        let raw_bounds = bounds_of(&g.min, &g.max, &g.above, &g.below);
        let condition = match (&g.full_marks, &g.measure) {
            (Some(_), Some(_)) => {
                self.report(
                    ProblemCode::GateForm,
                    Some(spanned.span()),
                    w(
                        "một điều kiện có cả `full_marks` và `measure`",
                        "a gate has both `full_marks` and `measure`",
                    ),
                    w(
                        "tách thành hai bảng [[gates]], mỗi bảng một điều kiện",
                        "split it into two [[gates]] tables, one condition each",
                    ),
                );
                None
            }
            (None, None) => {
                self.report(
                    ProblemCode::GateForm,
                    Some(spanned.span()),
                    w(
                        "một điều kiện không có `full_marks` cũng không có `measure`",
                        "a gate has neither `full_marks` nor `measure`",
                    ),
                    w(
                        "thêm `full_marks = [\"criterion-id\", …]` hoặc `measure = \"…\"` với `min`/`max`",
                        "add `full_marks = [\"criterion-id\", …]` or `measure = \"…\"` with `min`/`max`",
                    ),
                );
                None
            }
            (Some(list), None) => {
                self.gate_full_marks(spanned, list, !raw_bounds.is_empty(), criteria)
            }
            (None, Some(raw_measure)) => {
                let measure = self.measure(raw_measure);
                if raw_bounds.is_empty() {
                    self.report(
                        ProblemCode::GateIncomplete,
                        Some(spanned.span()),
                        w(
                            format!("điều kiện trên `{}` không có giới hạn", raw_measure.get_ref()),
                            format!("the gate on `{}` has no bounds", raw_measure.get_ref()),
                        ),
                        w(
                            "thêm `min`, `max`, `above` hoặc `below` cho các giá trị chỉ số phải giữ trong đó",
                            "add `min`, `max`, `above` or `below` for the values the measure must stay within",
                        ),
                    );
                }
                let bounds = self.bounds(&raw_bounds, spanned.span());
                match (measure, bounds) {
                    (Some(measure), Some(bounds)) => {
                        Some(GateCondition::Measure { measure, bounds })
                    }
                    _ => None,
                }
            }
        };
        Some(Gate {
            level: level?,
            condition: condition?,
        })
    }

    /// A `full_marks` gate: every criterion it names must be one of this rubric's.
    fn gate_full_marks(
        &mut self,
        spanned: &Spanned<RawGate>,
        list: &Spanned<Vec<Spanned<String>>>,
        has_bounds: bool,
        criteria: &[Spanned<RawCriterion>],
    ) -> Option<GateCondition> {
        if has_bounds {
            self.report(
                ProblemCode::GateForm,
                Some(spanned.span()),
                w(
                    "điều kiện `full_marks` có giới hạn (`min`, `max`, `above` hoặc `below`)",
                    "a `full_marks` gate has bounds (`min`, `max`, `above` or `below`)",
                ),
                w(
                    "giới hạn đi với `measure`; bỏ chúng hoặc tạo một điều kiện chỉ số riêng",
                    "bounds go with `measure`; remove them or make a separate measure gate",
                ),
            );
        }
        if list.get_ref().is_empty() {
            self.report(
                ProblemCode::GateIncomplete,
                Some(list.span()),
                w(
                    "`full_marks` trống: điều kiện không kiểm tra gì",
                    "`full_marks` is empty: the gate checks nothing",
                ),
                w(
                    "liệt kê các tiêu chí cần đạt điểm tối đa, hoặc bỏ điều kiện",
                    "list the criteria that need full marks, or remove the gate",
                ),
            );
        }
        let known: Vec<&str> = criteria
            .iter()
            .map(|c| c.get_ref().id.get_ref().as_str())
            .collect();
        let mut ids = Vec::with_capacity(list.get_ref().len());
        for id in list.get_ref() {
            if known.contains(&id.get_ref().as_str()) {
                ids.push(id.get_ref().clone());
            } else {
                self.report(
                    ProblemCode::GateUnknownCriterion,
                    Some(id.span()),
                    w(
                        format!("điều kiện nêu tiêu chí không có `{}`", id.get_ref()),
                        format!("gate names unknown criterion `{}`", id.get_ref()),
                    ),
                    did_you_mean(id.get_ref(), &known, w("tiêu chí", "criteria")),
                );
            }
        }
        Some(GateCondition::FullMarks(ids))
    }

    fn year(&mut self, spanned: &Spanned<RawYear>) -> YearRules {
        let y = spanned.get_ref();
        let default = y
            .default
            .as_ref()
            .and_then(|d| self.level(d))
            .unwrap_or(Level::Poor);
        if y.rules.is_empty() {
            self.report(
                ProblemCode::YearNoRules,
                Some(spanned.span()),
                w("`[year]` không có quy tắc nào", "`[year]` has no rules"),
                w(
                    "thêm các bảng [[year.rules]], hoặc bỏ [year] nếu bộ tiêu chí không xếp loại cả năm",
                    "add [[year.rules]] tables, or remove [year] if the rubric has no year roll-up",
                ),
            );
        }
        let mut rules = Vec::with_capacity(y.rules.len());
        for rule in &y.rules {
            let r = rule.get_ref();
            let level = self.level(&r.level);
            let every = r.every_month_at_least.as_ref().map(|l| self.level(l));
            let min_months = r.min_months.as_ref().map(|m| {
                let m = m.get_ref();
                let count = *m.count.get_ref();
                if !(1..=12).contains(&count) {
                    self.report(
                        ProblemCode::YearCount,
                        Some(m.count.span()),
                        w(
                            format!("`count = {count}` không phải số tháng"),
                            format!("`count = {count}` is not a number of months"),
                        ),
                        w("dùng từ 1 đến 12", "use 1 to 12"),
                    );
                }
                self.level(&m.level).map(|level| MinMonths { level, count })
            });
            // Flatten "absent" and "present but broken" apart: a broken part was reported.
            if let (Some(level), Some(every), Some(min_months)) = (
                level,
                every.map_or(Some(None), |l| l.map(Some)),
                min_months.map_or(Some(None), |m| m.map(Some)),
            ) {
                rules.push(YearRule {
                    level,
                    every_month_at_least: every,
                    min_months,
                });
            }
        }
        YearRules { rules, default }
    }
}

/// A hint that names the closest known word, or lists them all.
fn did_you_mean(word: &str, known: &[&str], what: Words) -> Words {
    let closest = known
        .iter()
        .map(|k| (strsim::levenshtein(word, k), *k))
        .min_by_key(|&(d, _)| d)
        .filter(|&(d, k)| d <= (k.chars().count() / 3).max(2));
    match closest {
        Some((_, k)) => w(
            format!("có phải `{k}`? các {} có: {}", what.vi, known.join(", ")),
            format!(
                "did you mean `{k}`? known {}: {}",
                what.en,
                known.join(", ")
            ),
        ),
        None => w(
            format!("các {} có: {}", what.vi, known.join(", ")),
            format!("known {}: {}", what.en, known.join(", ")),
        ),
    }
}

/// A valid id resembling `text`, to show in the hint.
fn suggest_id(text: &str, underscore: bool) -> String {
    let mut id = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || (underscore && c == '_') {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "my-id".to_owned()
    } else {
        id.to_owned()
    }
}
