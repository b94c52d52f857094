//! The four quality levels of a meeting (*mức chất lượng sinh hoạt chi bộ*).

use crate::core::lang::Lang;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A meeting's (or a month's, or a year's) quality level.
///
/// Declared worst first so that the derived order reads naturally: `Poor < Average < Fair <
/// Good`, and "at least fair" is `level >= Level::Fair`. Files spell it by its English key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// *Kém*.
    Poor,
    /// *Trung bình*.
    Average,
    /// *Khá*.
    Fair,
    /// *Tốt*.
    Good,
}

impl Level {
    /// Every level, best first: the order reports and rubric thresholds list them in.
    pub const ALL: [Level; 4] = [Level::Good, Level::Fair, Level::Average, Level::Poor];

    /// The key written in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Level::Good => "good",
            Level::Fair => "fair",
            Level::Average => "average",
            Level::Poor => "poor",
        }
    }

    /// The Vietnamese name used on the forms reported upward.
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Good => "Tốt",
            Level::Fair => "Khá",
            Level::Average => "Trung bình",
            Level::Poor => "Kém",
        }
    }

    /// The English name, for English output.
    pub fn label_en(self) -> &'static str {
        match self {
            Level::Good => "Good",
            Level::Fair => "Fair",
            Level::Average => "Average",
            Level::Poor => "Poor",
        }
    }

    /// The name people read, in `lang`: the Vietnamese one is the forms' own word.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }

    /// The next level down, where a failed gate drops a meeting; `None` below poor.
    pub fn below(self) -> Option<Level> {
        match self {
            Level::Good => Some(Level::Fair),
            Level::Fair => Some(Level::Average),
            Level::Average => Some(Level::Poor),
            Level::Poor => None,
        }
    }
}

/// The key, as written in files (`good`), so messages quote what the user can type.
impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A string that names no level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown level `{input}` (expected good, fair, average, poor or tốt, khá, trung bình, kém)"
)]
pub struct ParseLevelError {
    pub input: String,
}

/// Accepts the English keys and the Vietnamese labels, in any case and with or without
/// diacritics, because secretaries type "tot" and "Tốt" interchangeably on the command line.
impl FromStr for Level {
    type Err = ParseLevelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match fold(s).as_str() {
            "good" | "tot" => Ok(Level::Good),
            "fair" | "kha" => Ok(Level::Fair),
            "average" | "trung binh" => Ok(Level::Average),
            "poor" | "kem" => Ok(Level::Poor),
            _ => Err(ParseLevelError {
                input: s.to_owned(),
            }),
        }
    }
}

/// Lowercase, strip Vietnamese diacritics (precomposed or combining) and collapse runs of
/// spaces, `-` and `_` into one space, so "Trung-Bình" and "trung binh" compare equal.
fn fold(s: &str) -> String {
    const BASES: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining mark of a decomposed (NFD) letter
        }
        if c.is_whitespace() || c == '-' || c == '_' {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        let base = BASES
            .iter()
            .find(|(accented, _)| accented.contains(c))
            .map_or(c, |&(_, base)| base);
        out.push(base);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_worst_to_best() {
        assert!(Level::Poor < Level::Average);
        assert!(Level::Average < Level::Fair);
        assert!(Level::Fair < Level::Good);
        let mut sorted = Level::ALL;
        sorted.sort();
        assert_eq!(
            sorted,
            [Level::Poor, Level::Average, Level::Fair, Level::Good]
        );
    }

    #[test]
    fn below_walks_down_and_stops() {
        assert_eq!(Level::Good.below(), Some(Level::Fair));
        assert_eq!(Level::Fair.below(), Some(Level::Average));
        assert_eq!(Level::Average.below(), Some(Level::Poor));
        assert_eq!(Level::Poor.below(), None);
    }

    #[test]
    fn labels() {
        let vi: Vec<_> = Level::ALL.iter().map(|l| l.label_vi()).collect();
        assert_eq!(vi, ["Tốt", "Khá", "Trung bình", "Kém"]);
        let en: Vec<_> = Level::ALL.iter().map(|l| l.label_en()).collect();
        assert_eq!(en, ["Good", "Fair", "Average", "Poor"]);
        assert_eq!(Level::Average.to_string(), "average");
    }

    #[test]
    fn parses_keys_and_vietnamese_labels() {
        let cases = [
            ("good", Level::Good),
            ("GOOD", Level::Good),
            ("tot", Level::Good),
            ("Tốt", Level::Good),
            ("TỐT", Level::Good),
            ("To\u{302}\u{301}t", Level::Good), // NFD
            ("kha", Level::Fair),
            ("Khá", Level::Fair),
            ("fair", Level::Fair),
            ("trung binh", Level::Average),
            ("Trung bình", Level::Average),
            ("  trung   BÌNH ", Level::Average),
            ("trung-binh", Level::Average),
            ("average", Level::Average),
            ("kem", Level::Poor),
            ("Kém", Level::Poor),
            ("poor", Level::Poor),
        ];
        for (input, want) in cases {
            assert_eq!(input.parse::<Level>(), Ok(want), "{input:?}");
        }
    }

    #[test]
    fn rejects_other_words() {
        for input in ["", "best", "trungbinh", "tốtt", "k"] {
            let err = input.parse::<Level>().unwrap_err();
            assert_eq!(err.input, input);
        }
    }

    #[test]
    fn keys_round_trip_through_parse_and_serde() {
        for level in Level::ALL {
            assert_eq!(level.key().parse::<Level>(), Ok(level));
            assert_eq!(level.label_vi().parse::<Level>(), Ok(level));
            assert_eq!(level.label_en().parse::<Level>(), Ok(level));
            #[derive(Deserialize, Serialize)]
            struct W {
                level: Level,
            }
            let text = toml::to_string(&W { level }).unwrap();
            assert_eq!(text.trim(), format!("level = \"{}\"", level.key()));
            let back: W = toml::from_str(&text).unwrap();
            assert_eq!(back.level, level);
        }
    }
}
