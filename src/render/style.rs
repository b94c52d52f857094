//! Colour for people, none for pipes: on only when stderr is a terminal, never with `NO_COLOR`
//! set (no-color.org), forced with `CLICOLOR_FORCE=1` (for tests and `less -R`).

use std::borrow::Cow;
use std::ffi::OsString;
use std::sync::atomic::{AtomicBool, Ordering};

static ON: AtomicBool = AtomicBool::new(false);

/// What a piece of text is, and so its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Error,
    Warning,
    Hint,
}

/// Whether to colour, from the facts of the environment.
pub fn decide(
    stderr_is_terminal: bool,
    no_color: Option<OsString>,
    force: Option<OsString>,
) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    force.is_some_and(|v| !v.is_empty() && v != "0") || stderr_is_terminal
}

/// Turn colour on or off for the rest of the run (the binary decides once, at start).
pub fn enable(on: bool) {
    ON.store(on, Ordering::Relaxed);
}

/// `text` in the colour of `style`, or as it is when colour is off.
pub fn paint(text: &str, style: Style) -> Cow<'_, str> {
    if !ON.load(Ordering::Relaxed) {
        return Cow::Borrowed(text);
    }
    let code = match style {
        Style::Error => "1;31",
        Style::Warning => "1;33",
        Style::Hint => "36",
    };
    Cow::Owned(format!("\x1b[{code}m{text}\x1b[0m"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_and_pipes_stay_plain() {
        let set = |s: &str| Some(OsString::from(s));
        assert!(decide(true, None, None));
        assert!(!decide(false, None, None));
        assert!(!decide(true, set("1"), None));
        assert!(!decide(true, set("1"), set("1")));
        assert!(decide(true, set(""), None), "an empty NO_COLOR is not set");
        assert!(decide(false, None, set("1")));
        assert!(!decide(false, None, set("0")));
    }
}
