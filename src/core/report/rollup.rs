//! Roll-ups of roll-ups: the cells of ledgers and of JSON reports (a cell's or a roll-up's),
//! mixed freely, each cell counted once, and the totals summed from the cells alone, so that any
//! grouping of the same cells gives the same totals to the byte.
//!
//! Pure: the shell reads the files and hands over what they hold.

use std::collections::HashMap;

use serde::Deserialize;

use super::aggregate::{finish, row_counts};
use super::model::{
    CellName, CellReport, Change, Expected, Incomplete, MeetingRow, REPORT_SCHEMA, Report, Totals,
    Trend,
};
use crate::core::names::nfc;
use crate::core::period::Period;

/// A JSON report as a roll-up reads it: what it needs, the rest of the file ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportIn {
    /// Absent in reports made before version 2, which lack the exact sums.
    #[serde(default)]
    pub schema: Option<u32>,
    pub period: PeriodIn,
    pub cells: Vec<CellReport>,
    pub totals: Totals,
}

/// The period of a JSON report, by its label (`2020-Q3`).
#[derive(Debug, Clone, Deserialize)]
pub struct PeriodIn {
    pub label: String,
}

/// Why a JSON report cannot be rolled up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    /// Made by a cellbook before schema 2: no cell ids, no exact sums.
    Old,
    /// A schema this cellbook does not know (a newer one).
    Schema(u32),
    /// A report of another period.
    Period(String),
    /// A cell without an id.
    NoId(String),
    /// A cell whose totals do not add up from its meetings or its lists.
    CellTotals(String),
    /// The report's totals are not the sum of its cells.
    Totals,
}

/// Check a JSON report against the period asked for and against itself, and give its cells with
/// every derived figure recomputed ([`finish`]). A cell with its meeting rows must count what
/// they say; one without them (`meetings_omitted`) is taken at its counts.
pub fn accept(input: ReportIn, period: Period) -> Result<Vec<CellReport>, InputProblem> {
    match input.schema {
        None => return Err(InputProblem::Old),
        Some(REPORT_SCHEMA) => {}
        Some(n) => return Err(InputProblem::Schema(n)),
    }
    if input.period.label != period.label() {
        return Err(InputProblem::Period(input.period.label));
    }
    let mut cells = input.cells;
    let mut sum = Totals::default();
    for cell in &mut cells {
        if cell.id.trim().is_empty() {
            return Err(InputProblem::NoId(cell.name.clone()));
        }
        let mut given = cell.totals.clone();
        // A rate is derived: recomputed from the counts, as the ledger path computes it.
        for a in cell
            .meetings
            .iter_mut()
            .filter_map(|r| r.attendance.as_mut())
        {
            a.rate = (a.counted > 0).then(|| f64::from(a.present) / f64::from(a.counted));
        }
        if cell.meetings_omitted {
            cell.meetings.clear();
        } else if !same_row_counts(&row_counts(&cell.meetings), &given) {
            return Err(InputProblem::CellTotals(cell.id.clone()));
        }
        finish(cell);
        given.attendance_rate = cell.totals.attendance_rate;
        if given != cell.totals {
            return Err(InputProblem::CellTotals(cell.id.clone()));
        }
        sum.add(&cell.totals);
    }
    let mut given = input.totals;
    given.attendance_rate = sum.attendance_rate;
    if given != sum {
        return Err(InputProblem::Totals);
    }
    Ok(cells)
}

fn same_row_counts(rows: &Totals, given: &Totals) -> bool {
    (
        rows.held,
        rows.regular_held,
        rows.thematic_held,
        rows.planned_only,
        rows.rated,
        rows.levels,
        rows.present,
        rows.counted,
    ) == (
        given.held,
        given.regular_held,
        given.thematic_held,
        given.planned_only,
        given.rated,
        given.levels,
        given.present,
        given.counted,
    )
}

/// The cells of one input: a ledger (one cell) or a JSON report (one or many), with the name
/// the warnings give it (its path as typed).
#[derive(Debug, Clone)]
pub struct Source {
    pub label: String,
    pub cells: Vec<CellReport>,
}

/// Cells of `repeat` already counted from `first`, the same figures in both: counted once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub repeat: String,
    pub first: String,
    pub count: u32,
    /// One of the cells, for the warning: `id` and name.
    pub example: (String, String),
}

/// The same cell in two inputs with different figures: which copy is right is not the tool's
/// to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub name: String,
    pub first: String,
    pub repeat: String,
}

/// Every cell of the sources once, in the order first met. A cell met again (same id) with the
/// same figures is dropped and reported as a [`Repeat`]; with other figures the roll-up is
/// refused ([`Conflict`]).
pub fn merge(sources: Vec<Source>) -> Result<(Vec<CellReport>, Vec<Repeat>), Box<Conflict>> {
    let total = sources.iter().map(|s| s.cells.len()).sum();
    let mut cells: Vec<CellReport> = Vec::with_capacity(total);
    // Cell id → (index in `cells`, index of its source).
    let mut seen: HashMap<String, (usize, usize)> = HashMap::with_capacity(total);
    let mut repeats: Vec<Repeat> = Vec::new();
    let mut repeat_of: HashMap<(usize, usize), usize> = HashMap::new();
    let labels: Vec<String> = sources.iter().map(|s| s.label.clone()).collect();
    for (s, source) in sources.into_iter().enumerate() {
        for cell in source.cells {
            if let Some(&(at, first)) = seen.get(&cell.id) {
                if !same_figures(&cells[at], &cell) {
                    return Err(Box::new(Conflict {
                        id: cell.id,
                        name: cell.name,
                        first: labels[first].clone(),
                        repeat: labels[s].clone(),
                    }));
                }
                let slot = *repeat_of.entry((s, first)).or_insert_with(|| {
                    repeats.push(Repeat {
                        repeat: labels[s].clone(),
                        first: labels[first].clone(),
                        count: 0,
                        example: (cell.id.clone(), cell.name.clone()),
                    });
                    repeats.len() - 1
                });
                repeats[slot].count += 1;
                continue;
            }
            seen.insert(cell.id.clone(), (cells.len(), s));
            cells.push(cell);
        }
    }
    Ok((cells, repeats))
}

/// Whether two copies of a cell say the same: its name, parent and every figure, and its
/// meetings when both copies have them.
pub fn same_figures(a: &CellReport, b: &CellReport) -> bool {
    // A row's title is not in the JSON: compared without it.
    let same_row = |x: &MeetingRow, y: &MeetingRow| {
        MeetingRow {
            title: None,
            ..x.clone()
        } == MeetingRow {
            title: None,
            ..y.clone()
        }
    };
    let rows = a.meetings_omitted
        || b.meetings_omitted
        || (a.meetings.len() == b.meetings.len()
            && a.meetings
                .iter()
                .zip(&b.meetings)
                .all(|(x, y)| same_row(x, y)));
    rows && a.id == b.id
        && a.name == b.name
        && a.parent == b.parent
        && a.totals == b.totals
        && a.compliance == b.compliance
        && (a.actions.open, a.actions.overdue) == (b.actions.open, b.actions.overdue)
        && a.directives == b.directives
        && a.year == b.year
}

/// `--summary-only`: no meeting rows and no names of members (the secretary who would sign).
pub fn summarize(report: &mut Report) {
    report.summary_only = true;
    for cell in &mut report.cells {
        cell.meetings.clear();
        cell.meetings_omitted = true;
        cell.secretary = None;
    }
}

/// The cells the list names (one a line, by id or by name) against those in the report.
/// Blank lines and lines starting with `#` are not cells; a line is matched by a cell's id
/// exactly, or by its name (NFC, trimmed, without regard to case).
pub fn expected(list: &[String], cells: &[CellReport]) -> Expected {
    let key = |s: &str| nfc(s.trim()).to_lowercase();
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::with_capacity(cells.len());
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::with_capacity(cells.len());
    for (i, c) in cells.iter().enumerate() {
        by_id.entry(c.id.as_str()).or_default().push(i);
        by_name.entry(key(&c.name)).or_default().push(i);
    }
    let mut named = vec![false; cells.len()];
    let mut out = Expected::default();
    let mut lines_seen = std::collections::HashSet::new();
    for line in list {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || !lines_seen.insert(line.to_owned()) {
            continue;
        }
        out.listed += 1;
        let hits = by_id
            .get(line)
            .or_else(|| by_name.get(&key(line)))
            .cloned()
            .unwrap_or_default();
        if hits.is_empty() {
            out.missing.push(line.to_owned());
        }
        for i in hits {
            named[i] = true;
        }
    }
    for (i, c) in cells.iter().enumerate() {
        let t = &c.totals;
        if t.unrecorded + t.unrated + t.short_months + t.short_quarters > 0 {
            out.incomplete.push(Incomplete {
                id: c.id.clone(),
                name: c.name.clone(),
                unrecorded: t.unrecorded,
                unrated: t.unrated,
                short_months: t.short_months,
                short_quarters: t.short_quarters,
            });
        }
        if !named[i] {
            out.unexpected.push(CellName {
                id: c.id.clone(),
                name: c.name.clone(),
            });
        }
    }
    out
}

/// The period just before: the quarter before a quarter, the year before a year, the month
/// before a month.
pub fn before(period: Period) -> Period {
    match period {
        Period::Quarter { year, quarter: 1 } => Period::Quarter {
            year: year - 1,
            quarter: 4,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year,
            quarter: quarter - 1,
        },
        Period::Year { year } => Period::Year { year: year - 1 },
        Period::Month { year, month: 1 } => Period::Month {
            year: year - 1,
            month: 12,
        },
        Period::Month { year, month } => Period::Month {
            year,
            month: month - 1,
        },
    }
}

/// The period before beside this one.
pub fn trend(now: &Totals, previous: Period, before: Totals) -> Trend {
    Trend {
        period: previous,
        change: Change::between(now, &before),
        totals: before,
    }
}
