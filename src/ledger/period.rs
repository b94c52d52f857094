//! Reading what a report needs, and nothing more: the settings, the roster and the meeting
//! files of the period's years (filtered by the date in their names before any is parsed), so
//! the cost follows the period asked for, not the length of the history. Many ledgers are read
//! in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::core::period::Period;
use crate::core::report::aggregate::{self, CellInput};
use crate::core::report::model::CellReport;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::{CONFIG_FILE, Ledger};

/// What to read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub period: Period,
    pub today: NaiveDate,
    /// Classify the year with the ledger's rubric (`--year`).
    pub classify_year: bool,
}

/// One open ledger's report for the period.
pub fn cell(ledger: &Ledger, opts: &Options) -> Result<CellReport> {
    let years = (opts.period.start().year(), opts.period.end().year());
    let mut meetings = Vec::new();
    for entry in ledger.meeting_entries(Some(years))? {
        if !opts.period.contains(entry.id.date) {
            continue;
        }
        let file = ledger.load_meeting(&entry)?;
        meetings.push((file.id, file.meeting));
    }
    // The year is classified by the ledger's own rubric; with none chosen there is no year line
    // (no body's rules are assumed). A rubric that cannot be read only costs the year line;
    // `check` reports the rubric.
    let rubric = opts
        .classify_year
        .then_some(ledger.config.rating.rubric.as_deref())
        .flatten()
        .and_then(|id| crate::ledger::rubrics::load(&ledger.root, id).ok())
        .map(|(_, r)| r);
    let cfg = &ledger.config;
    // The ledger's first meeting: the months before it are not the cell's to have met.
    let since = ledger.first_meeting_date()?;
    Ok(aggregate::cell(&CellInput {
        name: &cfg.cell.name,
        parent: cfg.cell.parent.as_deref(),
        place: cfg.meetings.place.as_deref(),
        rules: &cfg.meetings,
        rating: &cfg.rating,
        roster: &ledger.roster,
        meetings: &meetings,
        period: opts.period,
        today: opts.today,
        year_rubric: rubric.as_ref(),
        since,
    }))
}

/// Open a ledger named on the command line, saying clearly when the path is not one.
pub fn open(root: &Path) -> Result<Ledger> {
    if !root.join(CONFIG_FILE).is_file() {
        return Err(not_a_ledger(root));
    }
    Ledger::open(root)
}

pub fn not_a_ledger(root: &Path) -> Error {
    Error::NotALedgerFolder {
        path: root.to_path_buf(),
    }
}

/// The ledgers named, each once: a folder named twice (`L`, `L/`, `./L`, a link to `L`) is the
/// same cell and is counted once. Returns the distinct roots in the order first given, and each
/// repeat with the root it repeats. Only the folders are resolved; no file is read.
pub fn distinct(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, PathBuf)>) {
    // Looked up by the resolved folder: a province's 10,000 cells cost 10,000 look-ups, not
    // 50 million comparisons.
    let mut first_of: HashMap<PathBuf, &PathBuf> = HashMap::with_capacity(roots.len());
    let mut kept = Vec::with_capacity(roots.len());
    let mut repeats = Vec::new();
    for root in roots {
        // A folder that cannot be resolved is kept as given: opening it reports the problem.
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        match first_of.get(&real) {
            Some(first) => repeats.push((root.clone(), (*first).clone())),
            None => {
                first_of.insert(real, root);
                kept.push(root.clone());
            }
        }
    }
    (kept, repeats)
}

/// The warning for a ledger named twice, in the shell's language.
pub fn repeat_warning(repeat: &Path, first: &Path) -> String {
    format!(
        "{}: {} {} {}; {}\n",
        tr("cảnh báo", "warning"),
        repeat.display(),
        tr("là cùng sổ với", "is the same ledger as"),
        first.display(),
        tr("chỉ tính một lần", "it is counted once"),
    )
}

/// Read many ledgers in parallel ([`crate::parallel`]), keeping their order. The first broken
/// ledger (in the order given) stops the report; the others stop taking new work as soon as one
/// fails.
pub fn cells(roots: &[PathBuf], opts: &Options) -> Result<Vec<CellReport>> {
    crate::parallel::try_map(roots, |root| open(root).and_then(|l| cell(&l, opts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_named_twice_is_kept_once_in_the_order_given() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let roots = vec![a.clone(), b.clone(), a.join("."), dir.path().join("b/../a")];
        let (kept, repeats) = distinct(&roots);
        assert_eq!(kept, vec![a.clone(), b]);
        assert_eq!(repeats.len(), 2);
        assert!(repeats.iter().all(|(_, first)| *first == a));
    }

    #[test]
    fn a_folder_without_cellbook_toml_is_not_a_ledger_folder() {
        let dir = tempfile::tempdir().unwrap();
        let err = open(dir.path()).err();
        assert!(
            matches!(&err, Some(Error::NotALedgerFolder { path }) if path == dir.path()),
            "{err:?}"
        );
    }
}
