//! The catalogue of diagnostic codes: every code `check`, `rubric check` and `rate` can print,
//! with its severity and the check it belongs to. This enum is the one list of codes;
//! `docs/errors.md` (and `docs/rubrics.md` for the R codes) document exactly these, which a test
//! in this module holds to. Locating a problem in a file and drawing it stay in the shell
//! (`crate::diagnostic`).

use serde::Serialize;

use crate::core::lang::Lang;
use crate::core::rubric::ProblemCode;

/// How bad a problem is: a warning is reported, an error also fails `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One step of a path into a ledger file: a key, or an index into an array. A rule of the
/// core names the value it objects to with such a path; the shell finds it in the TOML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A text in both languages, for a message composed before the language is known (a rubric
/// is parsed once, then reported in the language of whoever reads it). `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Words {
    pub vi: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }

    pub fn is_empty(&self) -> bool {
        self.vi.is_empty() && self.en.is_empty()
    }
}

/// Both versions of a text, Vietnamese first as everywhere in cellbook.
pub fn w(vi: impl Into<String>, en: impl Into<String>) -> Words {
    Words {
        vi: vi.into(),
        en: en.into(),
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Declares [`Code`] with its severity and default check in one table, so a code cannot be
/// added without them.
macro_rules! codes {
    ($($code:ident $sev:ident $check:literal;)*) => {
        /// A stable diagnostic code, documented in docs/errors.md (R codes in docs/rubrics.md).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($code,)* }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as printed in `error[E010]`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$sev,)* }
            }

            /// The check (`syntax`, `attendance`, …) `check --only` selects it by. E032 is
            /// reported by two checks; this is the one of a reference outside the attendance.
            pub fn check(self) -> &'static str {
                match self { $(Code::$code => $check,)* }
            }
        }
    };
}

codes! {
    E001 Error "syntax";
    E002 Error "schema";
    E003 Error "syntax";
    E004 Error "syntax";
    E005 Error "syntax";
    E006 Error "files";
    E010 Error "references";
    E011 Error "references";
    E012 Error "schema";
    E013 Error "schema";
    E020 Error "dates";
    E021 Error "dates";
    E022 Error "dates";
    E023 Error "dates";
    E024 Error "dates";
    E025 Error "dates";
    E026 Error "dates";
    E030 Error "attendance";
    E031 Error "attendance";
    E032 Error "references";
    E033 Error "attendance";
    E034 Error "attendance";
    E040 Error "votes";
    E050 Error "ratings";
    E051 Error "ratings";
    E052 Error "ratings";
    E060 Error "duplicates";
    E061 Error "duplicates";
    W001 Warning "dates";
    W002 Warning "dates";
    W003 Warning "ratings";
    W004 Warning "files";
    W005 Warning "files";
    W007 Warning "cadence";
    W008 Warning "cadence";
    W009 Warning "cadence";
    R001 Error "rubric";
    R002 Error "rubric";
    R003 Error "rubric";
    R004 Error "rubric";
    R005 Error "rubric";
    R006 Error "rubric";
    R007 Error "rubric";
    R008 Error "rubric";
    R009 Error "rubric";
    R010 Error "rubric";
    R011 Error "rubric";
    R012 Error "rubric";
    R013 Error "rubric";
    R014 Error "rubric";
    R015 Error "rubric";
    R016 Error "rubric";
    R017 Error "rubric";
    R018 Error "rubric";
    R019 Error "rubric";
    R020 Error "rubric";
    R021 Error "rubric";
    R022 Error "rubric";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<ProblemCode> for Code {
    fn from(p: ProblemCode) -> Code {
        match p {
            ProblemCode::Toml => Code::R001,
            ProblemCode::Schema => Code::R002,
            ProblemCode::BadId => Code::R003,
            ProblemCode::DuplicateCriterion => Code::R004,
            ProblemCode::ZeroMax => Code::R005,
            ProblemCode::Thresholds => Code::R006,
            ProblemCode::GoodUnreachable => Code::R007,
            ProblemCode::NoCriteria => Code::R008,
            ProblemCode::BandsWithoutMeasure => Code::R009,
            ProblemCode::MeasureWithoutBands => Code::R010,
            ProblemCode::PointsOverMax => Code::R011,
            ProblemCode::EmptyRange => Code::R012,
            ProblemCode::UnreachableBand => Code::R013,
            ProblemCode::BadBound => Code::R014,
            ProblemCode::UnknownMeasure => Code::R015,
            ProblemCode::UnknownLevel => Code::R016,
            ProblemCode::GateUnknownCriterion => Code::R017,
            ProblemCode::GateForm => Code::R018,
            ProblemCode::GateIncomplete => Code::R019,
            ProblemCode::GatePoor => Code::R020,
            ProblemCode::YearNoRules => Code::R021,
            ProblemCode::YearCount => Code::R022,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes a document names as `### E010` headings or as `` `R001` `` table cells.
    fn documented(doc: &str) -> std::collections::BTreeSet<String> {
        doc.lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("### ")
                    .or_else(|| l.strip_prefix("| `"))
                    .map(|rest| rest.chars().take(4).collect::<String>())
            })
            .filter(|c| {
                c.len() == 4
                    && matches!(c.as_bytes()[0], b'E' | b'W' | b'R')
                    && c[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .collect()
    }

    #[test]
    fn the_docs_name_exactly_the_codes_of_the_enum() {
        let errors = documented(include_str!("../../docs/errors.md"));
        let rubrics = documented(include_str!("../../docs/rubrics.md"));
        assert!(!rubrics.iter().any(|c| !c.starts_with('R')), "{rubrics:?}");
        let in_docs: std::collections::BTreeSet<String> = errors.union(&rubrics).cloned().collect();
        let in_enum: std::collections::BTreeSet<String> =
            Code::ALL.iter().map(|c| c.as_str().to_owned()).collect();
        let undocumented: Vec<_> = in_enum.difference(&in_docs).collect();
        let unknown: Vec<_> = in_docs.difference(&in_enum).collect();
        assert!(
            undocumented.is_empty(),
            "codes missing from the docs: {undocumented:?}"
        );
        assert!(
            unknown.is_empty(),
            "the docs name codes that do not exist: {unknown:?}"
        );
    }

    #[test]
    fn each_rubric_problem_has_an_r_code_of_its_own() {
        let mapped: std::collections::BTreeSet<Code> =
            ProblemCode::ALL.iter().map(|&p| Code::from(p)).collect();
        let r_codes: std::collections::BTreeSet<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|c| c.as_str().starts_with('R'))
            .collect();
        assert_eq!(mapped, r_codes);
    }

    #[test]
    fn severity_follows_the_letter() {
        for c in Code::ALL {
            let warning = c.as_str().starts_with('W');
            assert_eq!(c.severity() == Severity::Warning, warning, "{c}");
        }
    }
}
