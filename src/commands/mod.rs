//! One module per command, each whole in its file: its clap arguments next to its `run`. A
//! command reads the ledger, calls the pure core, writes through `ledger::storage`, and returns
//! an [`Output`](crate::output::Output). No command imports another; what several share lives
//! in a named module (`args`, `output`, `context`, `ledger`, `render`).

pub mod action;
pub mod check;
pub mod completions;
pub mod edit;
pub mod export;
pub mod init;
pub mod list;
pub mod man;
pub mod member;
pub mod minutes;
pub mod notice;
pub mod plan;
pub mod rate;
pub mod record;
pub mod report;
pub mod review;
pub mod rubric;
pub mod show;
pub mod status;
