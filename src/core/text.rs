//! Text that reaches a terminal. Files may hold control characters (ESC, BEL, a lone carriage
//! return) and bidirectional overrides (U+202E) that would move the cursor, recolour the screen
//! or reverse what a person reads. Text from the files is printed with them made visible, as
//! `\u{1b}`; text typed on the command line that holds them is refused.

use std::borrow::Cow;

use crate::core::lang::Lang;

/// A number as a person reads it: at most `places` decimals, trailing zeros dropped, and a
/// decimal comma in Vietnamese (`0,56`, `80`); English keeps the point. The one place every
/// printed number goes through; JSON and CSV carry the plain number instead.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let mut text = format!("{value:.places$}");
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(trimmed);
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A rate (0–1) as a percentage with at most one decimal: `90,9%` in Vietnamese, `90.9%` in
/// English.
pub fn percent(rate: f64, lang: Lang) -> String {
    format!("{}%", decimal(rate * 100.0, 1, lang))
}

/// Whether `c` would act on the terminal or the reading order instead of being read: a control
/// character (C0, DEL, C1), a bidirectional mark, embedding, override or isolate, or a line or
/// paragraph separator.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Whether the character at this point of multi-line text is layout, not a hidden character: a
/// line feed, a tab, or a carriage return that ends a line (CRLF).
fn is_layout(c: char, next: Option<char>) -> bool {
    matches!(c, '\n' | '\t') || (c == '\r' && next == Some('\n'))
}

/// Text read from a file, fit to print: every hidden character ([`is_hidden`]) other than line
/// feeds, tabs and the CR of a CRLF is written as `\u{…}` with its code in hex (ESC is
/// `\u{1b}`, U+202E is `\u{202e}`). Text without any comes back as it is.
pub fn visible(s: &str) -> Cow<'_, str> {
    let mut chars = s.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if is_hidden(c) && !is_layout(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_hidden(c) && !is_layout(c, chars.peek().copied()) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first hidden character in text typed on the command line, if any. A single line takes
/// none; multi-line text (minutes) takes line feeds, tabs and CRLF line ends.
pub fn hidden_in(s: &str, multiline: bool) -> Option<char> {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_hidden(c) && !(multiline && is_layout(c, chars.peek().copied())) {
            return Some(c);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma_in_vietnamese() {
        assert_eq!(decimal(0.9, 2, Lang::Vi), "0,9");
        assert_eq!(decimal(0.9, 2, Lang::En), "0.9");
        assert_eq!(decimal(80.0, 2, Lang::Vi), "80");
        assert_eq!(decimal(0.5555, 2, Lang::Vi), "0,56");
        assert_eq!(decimal(-0.0001, 2, Lang::Vi), "0");
        assert_eq!(percent(10.0 / 11.0, Lang::Vi), "90,9%");
        assert_eq!(percent(0.9, Lang::En), "90%");
    }

    #[test]
    fn escapes_and_overrides_are_made_visible() {
        assert_eq!(
            visible("Họp \u{1b}[2Jchi bộ\u{7}"),
            "Họp \\u{1b}[2Jchi bộ\\u{7}"
        );
        assert_eq!(visible("abc\u{202E}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("a\u{2066}b\u{2069}"), "a\\u{2066}b\\u{2069}");
        assert_eq!(visible("x\ry"), "x\\u{d}y");
        assert_eq!(visible("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(visible("\u{7f}"), "\\u{7f}");
        assert_eq!(visible("a\u{0}b"), "a\\u{0}b");
    }

    #[test]
    fn plain_text_and_layout_are_kept_as_they_are() {
        let text = "Nguyễn Thị Lan\tphát biểu.\r\nĐồng ý: 8/8 — “thông qua”.\n";
        assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(visible(""), Cow::Borrowed("")));
    }

    #[test]
    fn typed_text_with_hidden_characters_is_found() {
        assert_eq!(hidden_in("Báo cáo\u{1b}[31m", false), Some('\u{1b}'));
        assert_eq!(hidden_in("abc\u{202E}", true), Some('\u{202E}'));
        assert_eq!(hidden_in("một\ndòng", false), Some('\n'));
        assert_eq!(hidden_in("a\tb", false), Some('\t'));
        assert_eq!(hidden_in("một\r\nhai\n\tba", true), None);
        assert_eq!(hidden_in("một\rhai", true), Some('\r'));
        assert_eq!(hidden_in("Nguyễn Thị Lan", false), None);
    }
}
