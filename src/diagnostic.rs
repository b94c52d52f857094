//! Problems found in a ledger's files, reported the way hledger and klog do:
//! `FILE:LINE:COL: error[CODE]: message`, the line, a caret under the spot, and a hint.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::core::text::visible;
use crate::render::style::{Style, paint};

pub use crate::core::problem::{Code, Problem, Severity};
use crate::i18n::lang;

/// Where in a file a problem is: 1-based line and column, the line's text and the caret width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub width: usize,
    /// The caret's column in `text` (not `column` when a long line is cut to a window).
    #[serde(skip)]
    pub caret_col: usize,
}

impl Location {
    /// Turn a byte range of `source` into a line, column and caret width. Columns count
    /// characters, not bytes, so the caret lands right under Vietnamese text.
    pub fn from_span(source: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let full: Vec<char> = source[line_start..line_end]
            .trim_end_matches('\r')
            .chars()
            .collect();
        let width = source[start..end.min(line_end)]
            .chars()
            .count()
            .clamp(1, MAX_SHOWN);
        // A very long line (a hand-pasted blob) is shown as a window around the spot.
        let (text, caret_col) = if full.len() <= MAX_SHOWN {
            (full.iter().collect(), column)
        } else {
            let from = column
                .saturating_sub(MAX_SHOWN / 2)
                .min(full.len().saturating_sub(MAX_SHOWN));
            let to = (from + MAX_SHOWN).min(full.len());
            let mut shown = String::new();
            if from > 0 {
                shown.push('…');
            }
            shown.extend(&full[from..to]);
            if to < full.len() {
                shown.push('…');
            }
            (shown, column - from + usize::from(from > 0))
        };
        Location {
            line,
            column,
            text,
            width,
            caret_col,
        }
    }
}

/// The most characters of a line shown under a diagnostic.
const MAX_SHOWN: usize = 100;

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code from the catalogue ([`Code`]), documented in docs/errors.md.
    #[serde(serialize_with = "code_as_text")]
    pub code: Code,
    /// The check it belongs to (`syntax`, `attendance`, …), for `check --only`.
    pub check: &'static str,
    pub file: PathBuf,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

fn code_as_text<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

impl Diagnostic {
    /// A problem with `code` in `file`; its severity and check are the code's. Private: every
    /// diagnostic is made from a [`Problem`] of the catalogue ([`Diagnostic::of`]).
    fn new(code: Code, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            check: code.check(),
            file: file.to_path_buf(),
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem of the catalogue, in the language being spoken.
    pub fn of(problem: &Problem, file: &Path) -> Self {
        let d = Diagnostic::new(problem.code(), file, problem.message(lang()))
            .in_check(problem.check());
        match problem.hint(lang()) {
            Some(hint) => d.hint(hint),
            None => d,
        }
    }

    /// Report it under another check than the code's own (E032 is both a reference and an
    /// attendance problem).
    fn in_check(mut self, check: &'static str) -> Self {
        self.check = check;
        self
    }

    pub fn at(mut self, source: &str, span: Option<Range<usize>>) -> Self {
        self.location = span.map(|s| Location::from_span(source, s));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Text from the file (the line, and any message or hint that quotes it) is printed with its
    /// control characters made visible, so a hostile file cannot drive the terminal; the caret
    /// is placed under the visible text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sev, style) = match self.severity {
            Severity::Error => (crate::i18n::tr("lỗi", "error"), Style::Error),
            Severity::Warning => (crate::i18n::tr("cảnh báo", "warning"), Style::Warning),
        };
        let label = format!("{sev}[{}]", self.code);
        let label = paint(&label, style);
        let file = self.file.display().to_string();
        let (file, message) = (visible(&file), visible(&self.message));
        match &self.location {
            Some(loc) => {
                writeln!(f, "{file}:{}:{}: {label}: {message}", loc.line, loc.column)?;
                let gutter = loc.line.to_string().len();
                writeln!(f, "{:gutter$} |", "")?;
                writeln!(f, "{} | {}", loc.line, visible(&loc.text))?;
                let before: String = loc
                    .text
                    .chars()
                    .take(loc.caret_col.saturating_sub(1))
                    .collect();
                let spot: String = loc
                    .text
                    .chars()
                    .skip(loc.caret_col.saturating_sub(1))
                    .take(loc.width)
                    .collect();
                let pad: String = visible(&before)
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let width = visible(&spot).chars().count().max(loc.width);
                let caret = "^".repeat(width);
                write!(f, "{:gutter$} | {pad}{}", "", paint(&caret, style))?;
            }
            None => write!(f, "{file}: {label}: {message}")?,
        }
        if let Some(hint) = &self.hint {
            let label = paint(crate::i18n::tr("gợi ý", "hint"), Style::Hint);
            write!(f, "\n  = {label}: {}", visible(hint))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_spot_in_vietnamese_text() {
        let src = "a = 1\nname = \"Đặng\" x\n";
        let at = src.find('x').unwrap();
        let loc = Location::from_span(src, at..at + 1);
        assert_eq!((loc.line, loc.column), (2, 15));
        let d = Diagnostic::of(
            &Problem::Toml {
                parser: "bad".into(),
            },
            Path::new("f.toml"),
        )
        .at(src, Some(at..at + 1))
        .hint("fix it");
        let shown = d.to_string();
        assert!(
            shown.starts_with("f.toml:2:15: error[E001]: bad\n"),
            "{shown}"
        );
        assert!(
            shown.contains("2 | name = \"Đặng\" x\n  |               ^\n"),
            "{shown}"
        );
        assert!(shown.ends_with("= hint: fix it"));
    }

    #[test]
    fn control_characters_in_the_file_are_shown_and_the_caret_follows() {
        let src = "title = \"\u{1b}[2J\" x\n";
        let at = src.find('x').unwrap();
        let bad = Problem::Toml {
            parser: "bad \u{7}".into(),
        };
        let d = Diagnostic::of(&bad, Path::new("f.toml")).at(src, Some(at..at + 1));
        let shown = d.to_string();
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[0].ends_with("bad \\u{7}"), "{shown}");
        assert_eq!(lines[2], "1 | title = \"\\u{1b}[2J\" x");
        let caret = lines[3].find('^').unwrap();
        assert_eq!(&lines[2][caret..caret + 1], "x", "{shown}");
    }

    #[test]
    fn long_lines_are_shown_as_a_window() {
        let src = format!("a = {}x{}", "[".repeat(5000), "]".repeat(5000));
        let at = src.find('x').unwrap();
        let loc = Location::from_span(&src, at..at + 1);
        assert_eq!(loc.column, 5005);
        assert!(loc.text.chars().count() <= MAX_SHOWN + 2, "{}", loc.text);
        assert_eq!(loc.text.chars().nth(loc.caret_col - 1), Some('x'));
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let loc = Location::from_span("ab", 10..20);
        assert_eq!(loc.line, 1);
        let loc = Location::from_span("Đ", 1..2);
        assert_eq!(loc.column, 1);
    }
}
