//! Rendering for people: terminal tables and meeting sheets.

pub mod table;
