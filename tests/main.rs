//! Integration tests: the real binary on real ledgers in temporary folders. One test binary
//! (see `[[test]]` in Cargo.toml) so the suite links once.

mod util;

mod architecture;
mod daily;
mod documents;
mod editing;
mod flow;
mod forgiving_input;
mod generator;
mod help_vi;
mod hostile_editing;
mod hostile_input;
mod hostile_io;
mod hostile_paths;
mod import;
mod input;
mod language;
mod prompts;
mod rating;
mod report;
mod reviews;
mod rollup;
mod safety;
mod true_books;
mod words;
