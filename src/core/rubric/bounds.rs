//! Ranges of a measure's value, shared by bands, caps and gates.
//!
//! Files write `min`/`max` (inclusive) and `above`/`below` (exclusive): the rubrics say both
//! "90% or more" and "more than 50%", and a meeting with exactly half its members speaking
//! must land in the right band.

use std::fmt;

use crate::core::lang::Lang;

use serde::Serialize;
use serde::ser::SerializeMap;

/// One end of a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    /// `min`/`max` include the value; `above`/`below` exclude it.
    pub inclusive: bool,
}

impl Bound {
    pub fn inclusive(value: f64) -> Bound {
        Bound {
            value,
            inclusive: true,
        }
    }

    pub fn exclusive(value: f64) -> Bound {
        Bound {
            value,
            inclusive: false,
        }
    }

    /// The lower bound that starts where this upper bound stops (`max = 3` → `above = 3`).
    fn after(self) -> Bound {
        Bound {
            value: self.value,
            inclusive: !self.inclusive,
        }
    }
}

/// A range of values; a missing end is unbounded, so `Bounds::default()` holds every value.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bounds {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

impl Bounds {
    pub fn contains(&self, value: f64) -> bool {
        let above_lower = self.lower.is_none_or(|b| {
            if b.inclusive {
                value >= b.value
            } else {
                value > b.value
            }
        });
        let below_upper = self.upper.is_none_or(|b| {
            if b.inclusive {
                value <= b.value
            } else {
                value < b.value
            }
        });
        above_lower && below_upper
    }

    /// No value fits, e.g. `min = 5, max = 3` or `above = 3, max = 3`.
    pub fn is_empty(&self) -> bool {
        match (self.lower, self.upper) {
            (Some(lo), Some(hi)) => {
                lo.value > hi.value || (lo.value == hi.value && !(lo.inclusive && hi.inclusive))
            }
            _ => false,
        }
    }

    /// The values in both ranges.
    pub fn intersect(&self, other: &Bounds) -> Bounds {
        Bounds {
            lower: tighter(self.lower, other.lower, |a, b| a > b),
            upper: tighter(self.upper, other.upper, |a, b| a < b),
        }
    }

    /// Whether every value of `self` lies in some range of `others`: a band shadowed by the
    /// bands before it can never give its points.
    pub fn is_covered_by(&self, others: &[Bounds]) -> bool {
        let mut rest = vec![*self];
        for other in others {
            rest = rest
                .iter()
                .flat_map(|piece| piece.minus(other))
                .filter(|piece| !piece.is_empty())
                .collect();
        }
        rest.iter().all(Bounds::is_empty)
    }

    /// `self` without `other`: what lies below it and what lies above it.
    fn minus(&self, other: &Bounds) -> Vec<Bounds> {
        let mut pieces = Vec::with_capacity(2);
        if let Some(lo) = other.lower {
            let below = Bounds {
                lower: None,
                upper: Some(lo.after()),
            };
            pieces.push(self.intersect(&below));
        }
        if let Some(hi) = other.upper {
            let above = Bounds {
                lower: Some(hi.after()),
                upper: None,
            };
            pieces.push(self.intersect(&above));
        }
        pieces
    }

    /// Describe the range in words for messages ("at least 0.9", "trên 0,5").
    pub fn describe(&self, vi: bool) -> String {
        let lower = self.lower.map(|b| {
            let word = match (b.inclusive, vi) {
                (true, false) => "at least",
                (false, false) => "above",
                (true, true) => "từ",
                (false, true) => "trên",
            };
            format!("{word} {}", number(b.value, vi))
        });
        let upper = self.upper.map(|b| {
            let word = match (b.inclusive, vi) {
                (true, false) => "at most",
                (false, false) => "below",
                (true, true) => "không quá",
                (false, true) => "dưới",
            };
            format!("{word} {}", number(b.value, vi))
        });
        match (lower, upper) {
            (Some(lo), Some(hi)) => format!("{lo} {} {hi}", if vi { "và" } else { "and" }),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => (if vi { "bất kỳ" } else { "any value" }).to_owned(),
        }
    }
}

/// Pick the stricter of two optional bounds; at the same value the exclusive one is stricter.
fn tighter(a: Option<Bound>, b: Option<Bound>, beyond: fn(f64, f64) -> bool) -> Option<Bound> {
    match (a, b) {
        (Some(a), Some(b)) => {
            if beyond(a.value, b.value) || (a.value == b.value && !a.inclusive) {
                Some(a)
            } else {
                Some(b)
            }
        }
        (a, None) => a,
        (None, b) => b,
    }
}

/// A number as people write it: `0.9`, `90`; Vietnamese uses a decimal comma.
pub(crate) fn number(value: f64, vi: bool) -> String {
    let lang = if vi { Lang::Vi } else { Lang::En };
    crate::core::text::decimal(value, 3, lang)
}

/// The keys a file would use (`min = 0.9`), so a message quotes what the user wrote.
impl fmt::Display for Bounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::with_capacity(2);
        if let Some(b) = self.lower {
            let key = if b.inclusive { "min" } else { "above" };
            parts.push(format!("{key} = {}", b.value));
        }
        if let Some(b) = self.upper {
            let key = if b.inclusive { "max" } else { "below" };
            parts.push(format!("{key} = {}", b.value));
        }
        if parts.is_empty() {
            f.write_str("no bounds")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Serialized with the file's keys (`{"min": 0.9}`), not as nested structs.
impl Serialize for Bounds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(b) = self.lower {
            map.serialize_entry(if b.inclusive { "min" } else { "above" }, &b.value)?;
        }
        if let Some(b) = self.upper {
            map.serialize_entry(if b.inclusive { "max" } else { "below" }, &b.value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(lower: Option<Bound>, upper: Option<Bound>) -> Bounds {
        Bounds { lower, upper }
    }
    fn min(v: f64) -> Option<Bound> {
        Some(Bound::inclusive(v))
    }
    fn above(v: f64) -> Option<Bound> {
        Some(Bound::exclusive(v))
    }

    #[test]
    fn contains_respects_inclusive_and_exclusive_ends() {
        let r = range(min(0.4), Some(Bound::exclusive(0.5)));
        assert!(r.contains(0.4));
        assert!(r.contains(0.45));
        assert!(!r.contains(0.5));
        assert!(!r.contains(0.39));
        assert!(range(above(0.5), None).contains(0.51));
        assert!(!range(above(0.5), None).contains(0.5));
        assert!(Bounds::default().contains(-1e9));
        assert!(!range(min(0.0), None).contains(f64::NAN));
    }

    #[test]
    fn emptiness() {
        assert!(range(min(5.0), min(3.0)).is_empty());
        assert!(!range(min(3.0), min(3.0)).is_empty());
        assert!(range(above(3.0), min(3.0)).is_empty());
        assert!(!range(min(3.0), None).is_empty());
    }

    #[test]
    fn coverage() {
        let at_least_half = range(min(0.5), None);
        let above_half = range(above(0.5), None);
        // [0.5, ∞) covers (0.5, ∞) but not the other way round.
        assert!(above_half.is_covered_by(&[at_least_half]));
        assert!(!at_least_half.is_covered_by(&[above_half]));
        // Two touching closed ranges cover their union.
        let parts = [range(min(0.0), min(0.5)), range(min(0.5), min(1.0))];
        assert!(range(min(0.2), min(0.8)).is_covered_by(&parts));
        // A gap at exactly 0.5 is not covered.
        let gap = [range(min(0.0), Some(Bound::exclusive(0.5))), above_half];
        assert!(!range(min(0.2), min(0.8)).is_covered_by(&gap));
        assert!(!Bounds::default().is_covered_by(&[]));
        assert!(range(min(0.3), None).is_covered_by(&[Bounds::default()]));
    }

    #[test]
    fn display_and_describe() {
        let r = range(min(0.4), Some(Bound::exclusive(0.5)));
        assert_eq!(r.to_string(), "min = 0.4, below = 0.5");
        assert_eq!(r.describe(false), "at least 0.4 and below 0.5");
        assert_eq!(r.describe(true), "từ 0,4 và dưới 0,5");
        assert_eq!(Bounds::default().to_string(), "no bounds");
    }
}
