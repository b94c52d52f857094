//! Rendering for people: terminal tables and meeting sheets.

pub mod style;
pub mod table;
