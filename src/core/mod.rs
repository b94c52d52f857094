//! The pure core: everything cellbook computes without I/O.
//!
//! Every function here takes plain data and returns plain data: no files, no clock, no
//! environment, no terminal, no process, and no global language (a message is written in the
//! [`Lang`](lang::Lang) it is given). `tests/architecture.rs` scans this folder and fails if
//! any of that creeps in, so the rules can be tested, benchmarked and reused on their own.

pub mod attendance;
pub mod cadence;
pub mod dates;
pub mod lang;
pub mod level;
pub mod lookup;
pub mod measures;
pub mod model;
pub mod names;
pub mod parser_words;
pub mod period;
pub mod plan_change;
pub mod problem;
pub mod reminders;
pub mod report;
pub mod review;
pub mod roster_import;
pub mod rubric;
pub mod rules;
pub mod text;
