//! The four levels of a member's (or a collective's) classification.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::core::lang::Lang;
use crate::core::names::fold;

/// A classification level. Declared worst first, so `Incomplete < Complete < Good < Excellent`
/// and "good or better" is `level >= ReviewLevel::Good`. Files spell it by its English key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewLevel {
    /// *Không hoàn thành nhiệm vụ*.
    Incomplete,
    /// *Hoàn thành nhiệm vụ*.
    Complete,
    /// *Hoàn thành tốt nhiệm vụ*.
    Good,
    /// *Hoàn thành xuất sắc nhiệm vụ*.
    Excellent,
}

impl ReviewLevel {
    /// Every level, best first.
    pub const ALL: [ReviewLevel; 4] = [
        ReviewLevel::Excellent,
        ReviewLevel::Good,
        ReviewLevel::Complete,
        ReviewLevel::Incomplete,
    ];

    /// The key written in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            ReviewLevel::Excellent => "excellent",
            ReviewLevel::Good => "good",
            ReviewLevel::Complete => "complete",
            ReviewLevel::Incomplete => "incomplete",
        }
    }

    /// The Vietnamese name, as on the forms.
    pub fn label_vi(self) -> &'static str {
        match self {
            ReviewLevel::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            ReviewLevel::Good => "Hoàn thành tốt nhiệm vụ",
            ReviewLevel::Complete => "Hoàn thành nhiệm vụ",
            ReviewLevel::Incomplete => "Không hoàn thành nhiệm vụ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ReviewLevel::Excellent => "Excellent",
            ReviewLevel::Good => "Good",
            ReviewLevel::Complete => "Complete",
            ReviewLevel::Incomplete => "Incomplete",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }
}

impl fmt::Display for ReviewLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A string that names no level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown level `{input}` (expected excellent, good, complete, incomplete or hoàn thành xuất sắc nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm vụ)"
)]
pub struct ParseReviewLevelError {
    pub input: String,
}

/// The English keys and the Vietnamese names, in any case, with or without diacritics, with
/// or without the trailing "nhiệm vụ" ("xuất sắc", "hoan thanh tot").
impl FromStr for ReviewLevel {
    type Err = ParseReviewLevelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = fold(&s.replace(['-', '_'], " "));
        let t = folded.strip_suffix(" nhiem vu").unwrap_or(&folded);
        match t {
            "excellent" | "hoan thanh xuat sac" | "xuat sac" | "httxs" | "htxsnv" => {
                Ok(ReviewLevel::Excellent)
            }
            "good" | "hoan thanh tot" | "tot" | "httnv" | "htt" => Ok(ReviewLevel::Good),
            "complete" | "hoan thanh" | "htnv" | "ht" => Ok(ReviewLevel::Complete),
            "incomplete" | "khong hoan thanh" | "khtnv" | "kht" => Ok(ReviewLevel::Incomplete),
            _ => Err(ParseReviewLevelError {
                input: s.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back() {
        for l in ReviewLevel::ALL {
            assert_eq!(l.key().parse::<ReviewLevel>(), Ok(l));
            assert_eq!(l.label_vi().parse::<ReviewLevel>(), Ok(l));
            assert_eq!(l.label_en().to_uppercase().parse::<ReviewLevel>(), Ok(l));
            let bare = crate::core::names::fold(l.label_vi());
            assert_eq!(bare.parse::<ReviewLevel>(), Ok(l));
        }
        assert_eq!("xuất sắc".parse(), Ok(ReviewLevel::Excellent));
        assert_eq!("Hoàn-thành-tốt".parse(), Ok(ReviewLevel::Good));
        assert!("tốt lắm".parse::<ReviewLevel>().is_err());
        assert!("".parse::<ReviewLevel>().is_err());
    }

    #[test]
    fn levels_are_ordered_worst_first() {
        assert!(ReviewLevel::Incomplete < ReviewLevel::Complete);
        assert!(ReviewLevel::Good < ReviewLevel::Excellent);
    }
}
