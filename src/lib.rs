//! cellbook keeps the books of an organisation's periodic meetings in a folder of plain TOML
//! files: it plans each meeting, records what happened, rates the meeting against a rubric and
//! summarises each quarter.
//!
//! The crate is a pure core (model, attendance, measures, rubric, period maths) that takes and
//! returns plain data, and an imperative shell (ledger storage, checks, commands, rendering)
//! around it. `main.rs` only parses the command line and prints.

pub mod args;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod context;
pub mod core;
pub mod diagnostic;
pub mod editor;
pub mod error;
pub mod help_vi;
pub mod i18n;
pub mod import;
pub mod ledger;
pub mod output;
pub mod parallel;
pub mod prompt;
pub mod rating;
pub mod render;

pub use error::{Error, Result};

/// The ledger format specification, printed by `cellbook spec`.
pub const SPEC: &str = include_str!("../docs/ledger-format.md");
/// The same specification in Vietnamese, which `cellbook spec` prints in Vietnamese.
pub const SPEC_VI: &str = include_str!("../docs/ledger-format.vi.md");
