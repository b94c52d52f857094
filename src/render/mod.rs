//! Rendering for people and for other programs: terminal styles and tables, diagnostics,
//! the report in every format, the minutes and the calendar.

pub mod ics;
pub mod minutes;
pub mod report;
pub mod style;
pub mod table;
