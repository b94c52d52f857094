//! Rendering for people and for other programs: terminal styles and tables, diagnostics,
//! the report in every format, the minutes and the calendar.

pub mod docx;
pub mod ics;
pub mod minutes;
pub mod notice;
pub mod report;
pub mod review;
pub mod style;
pub mod table;

use std::borrow::Cow;

/// Text built from the ledger's files, fit to print: control characters and bidirectional
/// overrides that a file may hold are made visible (`\u{1b}`, see [`crate::core::text`]) so
/// they never act on the terminal. Every command that echoes file text passes it through here.
pub fn shown(text: String) -> String {
    match crate::core::text::visible(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    }
}
