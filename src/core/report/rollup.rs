//! Roll-ups of roll-ups: the cells of ledgers and of JSON reports (a cell's or a roll-up's),
//! mixed freely, each cell counted once, and the totals summed from the cells alone, so that any
//! grouping of the same cells gives the same totals to the byte.
//!
//! Pure: the shell reads the files and hands over what they hold.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::aggregate::{finish, row_counts};
use super::model::{
    CellName, CellReport, Change, Expected, Incomplete, REPORT_SCHEMA, Report, Totals, Trend,
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
        // The JSON does not say when its tasks were counted: as of the period's end, as a report
        // of a period over says it (a default date would print 1970-01-01).
        cell.actions.as_of = period.end();
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

/// Every cell of the sources once, in the order first met ([`Dedup`], over sources held in
/// memory).
pub fn merge(sources: Vec<Source>) -> Result<(Vec<CellReport>, Vec<Repeat>), Box<Conflict>> {
    let labels: Vec<String> = sources.iter().map(|s| s.label.clone()).collect();
    let mut dedup = Dedup::default();
    let mut cells = Vec::new();
    for (s, source) in sources.into_iter().enumerate() {
        for cell in source.cells {
            if dedup
                .offer(s, &cell)
                .map_err(|c| Box::new(c.named(&labels)))?
            {
                cells.push(cell);
            }
        }
    }
    Ok((cells, dedup.repeats(&labels)))
}

/// Which cells have been counted, by id, with a fingerprint of their figures: what counts each
/// cell once while a roll-up of 100,000 cells streams by, without keeping the cells.
#[derive(Debug, Default)]
pub struct Dedup {
    /// Cell id → the source it was first met in, its figures' fingerprint, and its rows'
    /// (`None` when left out).
    seen: HashMap<String, (usize, u64, Option<u64>)>,
    /// (repeating source, first source) → how many cells, and one of them.
    repeats: Vec<RepeatCount>,
    repeat_at: HashMap<(usize, usize), usize>,
}

/// (repeating source, first source), how many cells, and one of them (id, name).
type RepeatCount = ((usize, usize), u32, (String, String));

/// A [`Conflict`] before the sources have names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub id: String,
    pub name: String,
    pub first: usize,
    pub repeat: usize,
}

impl Clash {
    pub fn named(self, labels: &[String]) -> Conflict {
        let label = |i: usize| labels.get(i).cloned().unwrap_or_default();
        Conflict {
            first: label(self.first),
            repeat: label(self.repeat),
            id: self.id,
            name: self.name,
        }
    }
}

impl Dedup {
    /// Whether to count `cell`, met in the source numbered `source`: yes the first time its id
    /// is met; no when met again with the same figures (a [`Repeat`]); a [`Clash`] when met
    /// again with other figures (the meeting rows compared only when both copies have them).
    pub fn offer(&mut self, source: usize, cell: &CellReport) -> Result<bool, Clash> {
        self.offer_printed(source, cell, Prints::of(cell))
    }

    /// [`Dedup::offer`] with the cell's fingerprints already made (by the worker that read it).
    pub fn offer_printed(
        &mut self,
        source: usize,
        cell: &CellReport,
        prints: Prints,
    ) -> Result<bool, Clash> {
        let Prints { figures, rows } = prints;
        let Some(&(first, seen_figures, seen_rows)) = self.seen.get(&cell.id) else {
            self.seen.insert(cell.id.clone(), (source, figures, rows));
            return Ok(true);
        };
        let rows_agree = match (rows, seen_rows) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if figures != seen_figures || !rows_agree {
            return Err(Clash {
                id: cell.id.clone(),
                name: cell.name.clone(),
                first,
                repeat: source,
            });
        }
        let key = (source, first);
        let at = match self.repeat_at.get(&key) {
            Some(&at) => at,
            None => {
                self.repeats
                    .push((key, 0, (cell.id.clone(), cell.name.clone())));
                self.repeat_at.insert(key, self.repeats.len() - 1);
                self.repeats.len() - 1
            }
        };
        self.repeats[at].1 += 1;
        Ok(false)
    }

    /// The repeats met, in the order first met, with the sources' names.
    pub fn repeats(&self, labels: &[String]) -> Vec<Repeat> {
        let label = |i: usize| labels.get(i).cloned().unwrap_or_default();
        self.repeats
            .iter()
            .map(|((repeat, first), count, example)| Repeat {
                repeat: label(*repeat),
                first: label(*first),
                count: *count,
                example: example.clone(),
            })
            .collect()
    }
}

/// A cell's fingerprints: of its figures, and of its meeting rows (`None` when left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prints {
    pub figures: u64,
    pub rows: Option<u64>,
}

impl Prints {
    pub fn of(cell: &CellReport) -> Prints {
        Prints {
            figures: fingerprint(&Figures::of(cell)),
            rows: (!cell.meetings_omitted).then(|| fingerprint(&cell.meetings)),
        }
    }

    /// The prints of a summarized cell from its JSON line (`render::report::json::cell_bytes`),
    /// which holds exactly its [`Figures`]: no second serialization. Comparable only with other
    /// prints made this way (a roll-up makes all of its prints one way).
    pub fn of_summary_line(line: &[u8]) -> Prints {
        Prints {
            figures: word_hash(line),
            rows: None,
        }
    }
}

/// A 64-bit hash of bytes read eight at a time (each word folded in by a 128-bit multiply whose
/// halves are mixed, as wyhash and foldhash do, then a final mix): four times faster than
/// SipHash on a cell's line, which a nation's roll-up hashes 100,000 times. Not a defence
/// against crafted collisions (nor was FNV): two copies of a cell are compared to find honest
/// mistakes, and whoever can write a report can write its figures.
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    const L: u64 = 0xbf58_476d_1ce4_e5b9;
    let fold = |a: u64, b: u64| {
        let p = u128::from(a) * u128::from(b);
        (p as u64) ^ ((p >> 64) as u64)
    };
    let mut h = fold(bytes.len() as u64 ^ K, L);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(w);
        h = fold(h ^ u64::from_le_bytes(eight), K);
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = fold(h ^ u64::from_le_bytes(last), K);
    // The final mix of splitmix64, so that every input bit reaches every output bit.
    h ^= h >> 30;
    h = h.wrapping_mul(L);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// What two copies of a cell must agree on, besides their meeting rows.
#[derive(Serialize)]
struct Figures<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<&'a str>,
    totals: &'a Totals,
    compliance: &'a super::model::Compliance,
    actions: (u32, u32),
    directives: &'a super::model::Directives,
    year: Option<&'a super::model::YearReport>,
}

impl<'a> Figures<'a> {
    fn of(c: &'a CellReport) -> Figures<'a> {
        Figures {
            id: &c.id,
            name: &c.name,
            parent: c.parent.as_deref(),
            totals: &c.totals,
            compliance: &c.compliance,
            actions: (c.actions.open, c.actions.overdue),
            directives: &c.directives,
            year: c.year.as_ref(),
        }
    }
}

/// The 64-bit FNV-1a hash of a value's JSON (a meeting row's JSON has no title): equal figures,
/// equal fingerprints; different ones collide with a chance of about 2⁻⁶⁴.
fn fingerprint<T: Serialize>(value: &T) -> u64 {
    serde_json::to_vec(value).map_or(0, |bytes| crate::core::model::cell::fnv1a(&bytes))
}

/// `--summary-only`: no meeting rows and no names of members (the secretary who would sign).
pub fn summarize(report: &mut Report) {
    report.summary_only = true;
    report.cells.iter_mut().for_each(summarize_cell);
}

/// One cell without its meeting rows and names.
pub fn summarize_cell(cell: &mut CellReport) {
    cell.meetings.clear();
    cell.meetings_omitted = true;
    cell.secretary = None;
}

/// What `--expect` needs of a cell (the rest of it need not be kept while a roll-up streams).
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub counts: Incomplete,
}

impl Entry {
    pub fn of(c: &CellReport) -> Entry {
        let t = &c.totals;
        Entry {
            id: c.id.clone(),
            name: c.name.clone(),
            counts: Incomplete {
                id: c.id.clone(),
                name: c.name.clone(),
                unrecorded: t.unrecorded,
                unrated: t.unrated,
                short_months: t.short_months,
                short_quarters: t.short_quarters,
            },
        }
    }
}

/// The cells the list names (one a line, by id or by name) against those in the report.
/// Blank lines and lines starting with `#` are not cells; a line is matched by a cell's id
/// exactly, or by its name (NFC, trimmed, without regard to case).
pub fn expected(list: &[String], cells: &[Entry]) -> Expected {
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
        let t = &c.counts;
        if t.unrecorded + t.unrated + t.short_months + t.short_quarters > 0 {
            out.incomplete.push(t.clone());
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

/// The period before beside this one.
pub fn trend(now: &Totals, previous: Period, before: Totals) -> Trend {
    Trend {
        period: previous,
        change: Change::between(now, &before),
        totals: before,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;
    use crate::core::attendance::Attendance;
    use crate::core::level::Level;
    use crate::core::model::meeting::MeetingStatus;
    use crate::core::model::{Kind, MeetingId};
    use crate::core::report::aggregate::report;
    use crate::core::report::model::{
        ActionCounts, Compliance, Directives, MeetingRow, YearReport,
    };

    fn q3() -> Period {
        Period::parse("2020-Q3").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_summary_line_changed_anywhere_has_another_fingerprint() {
        let line =
            br#"{"id":"g16-000001","name":"Chi b\u1ed9 9","totals":{"held":4,"present":62}}"#;
        let print = |b: &[u8]| Prints::of_summary_line(b).figures;
        assert_eq!(print(line), print(line.as_ref()));
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(print(line)));
        for i in 0..line.len() {
            for bit in 0..8 {
                let mut other = line.to_vec();
                other[i] ^= 1 << bit;
                assert!(seen.insert(print(&other)), "byte {i} bit {bit}");
            }
        }
        // A longer line padded with what the last word's padding would be is not the same.
        for n in 0..=16 {
            assert!(seen.insert(print(&vec![0u8; n])), "{n} zero bytes");
        }
    }

    /// A meeting row: day of July, kind, held (with present and absent), level if rated.
    type RowSeed = (u32, bool, Option<(u32, u32)>, Option<u8>);
    /// A cell: its rows, whether they are left out, compliance list lengths, actions, directives,
    /// year level.
    type CellSeed = (Vec<RowSeed>, bool, [u8; 4], (u32, u32), u32, Option<u8>);

    fn level(n: u8) -> Level {
        Level::ALL[usize::from(n) % 4]
    }

    fn cell(i: usize, seed: &CellSeed) -> CellReport {
        let (rows, omitted, lists, actions, directives, year) = seed;
        let date = |d: u32| NaiveDate::from_ymd_opt(2020, 7, d).unwrap_or_default();
        let meetings: Vec<MeetingRow> = rows
            .iter()
            .enumerate()
            .map(|(n, &(day, thematic, held, lvl))| {
                let id = MeetingId::new(date(day), n as u32 + 1);
                let attendance = held.map(|(present, absent)| Attendance {
                    counted: present + absent,
                    present,
                    excused: absent,
                    unexcused: 0,
                    rate: (present + absent > 0)
                        .then(|| f64::from(present) / f64::from(present + absent)),
                });
                let level = lvl.filter(|_| held.is_some()).map(level);
                MeetingRow {
                    id,
                    date: id.date,
                    kind: if thematic {
                        Kind::Thematic
                    } else {
                        Kind::Regular
                    },
                    status: match (held, level) {
                        (None, _) => MeetingStatus::Planned,
                        (Some(_), None) => MeetingStatus::Held,
                        (Some(_), Some(_)) => MeetingStatus::Rated,
                    },
                    attendance,
                    duration_minutes: Some(90),
                    score: level.map(|_| 90),
                    level,
                    title: None,
                }
            })
            .collect();
        let labels = |n: u8, f: &dyn Fn(u8) -> String| (0..n).map(f).collect::<Vec<_>>();
        let compliance = Compliance {
            regular_required: 1,
            thematic_required: 1,
            ok: lists.iter().all(|&n| n == 0),
            short_months: labels(lists[0], &|k| format!("2020-{:02}", 7 + k % 3)),
            short_quarters: labels(lists[1], &|_| "2020-Q3".into()),
            unrecorded: labels(lists[2], &|k| format!("2020-08-{:02}", k + 1)),
            unrated: labels(lists[3], &|k| format!("2020-09-{:02}", k + 1)),
        };
        let mut c = CellReport {
            id: format!("c{i}"),
            name: format!("Chi bộ {i}"),
            parent: i.is_multiple_of(2).then(|| "Đảng bộ".to_owned()),
            place: None,
            secretary: None,
            meetings_omitted: false,
            totals: aggregate_rows(&meetings),
            meetings,
            compliance,
            actions: ActionCounts {
                open: actions.0,
                overdue: actions.0.min(actions.1),
                as_of: date(30),
            },
            directives: Directives {
                count: *directives,
                refs: (0..*directives).map(|k| format!("{k}-HD/TW")).collect(),
            },
            year: year.map(|l| YearReport {
                level: level(l),
                months: vec![],
            }),
        };
        finish(&mut c);
        if *omitted {
            c.meetings.clear();
            c.meetings_omitted = true;
        }
        c
    }

    fn aggregate_rows(rows: &[MeetingRow]) -> Totals {
        row_counts(rows)
    }

    /// A report over `cells` as the JSON a committee sends, read back as a roll-up reads it.
    fn through_json(cells: Vec<CellReport>, summary: bool) -> Vec<CellReport> {
        let made = NaiveDate::from_ymd_opt(2020, 11, 28).unwrap_or_default();
        let mut r = report(q3(), cells, made);
        if summary {
            summarize(&mut r);
        }
        let text = serde_json::to_string_pretty(&r).unwrap_or_else(|e| panic!("{e}"));
        let input: ReportIn = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        accept(input, q3()).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
    }

    fn totals_json(cells: Vec<CellReport>) -> String {
        let made = NaiveDate::from_ymd_opt(2020, 11, 28).unwrap_or_default();
        serde_json::to_string_pretty(&report(q3(), cells, made).totals)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn row_seed() -> impl Strategy<Value = RowSeed> {
        (
            1..=28u32,
            any::<bool>(),
            proptest::option::of((0..40u32, 0..7u32)),
            proptest::option::of(0..4u8),
        )
    }

    fn cell_seed() -> impl Strategy<Value = CellSeed> {
        (
            proptest::collection::vec(row_seed(), 0..5),
            any::<bool>(),
            [0..3u8, 0..2u8, 0..3u8, 0..3u8],
            (0..9u32, 0..9u32),
            0..5u32,
            proptest::option::of(0..4u8),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Districts of any size, in any order, each sent as JSON (summary or full), some sent
        /// twice, rolled up into provinces sent as JSON, rolled up into the nation: the totals
        /// are the flat roll-up's, byte for byte.
        #[test]
        fn rolling_up_roll_ups_in_any_grouping_gives_the_same_totals(
            seeds in proptest::collection::vec(cell_seed(), 1..14),
            groups in proptest::collection::vec(0..4usize, 14),
            provinces in proptest::collection::vec(0..2usize, 4),
            summary in proptest::collection::vec(any::<bool>(), 6),
            order in Just((0..14usize).collect::<Vec<_>>()).prop_shuffle(),
            again in 0..5usize,
        ) {
            let cells: Vec<CellReport> =
                seeds.iter().enumerate().map(|(i, s)| cell(i, s)).collect();
            let flat = totals_json(cells.clone());
            // Districts: cells in a shuffled order, each to its group.
            let mut districts: Vec<Vec<CellReport>> = vec![Vec::new(); 4];
            for &i in order.iter().filter(|&&i| i < cells.len()) {
                districts[groups[i]].push(cells[i].clone());
            }
            let mut sent: Vec<Vec<Source>> = vec![Vec::new(); 2];
            for (d, members) in districts.into_iter().enumerate() {
                let cells = through_json(members, summary[d]);
                let source = Source { label: format!("d{d}"), cells };
                // A district sent twice, to its province and to the other.
                if d == again {
                    sent[1 - provinces[d]].push(source.clone());
                }
                sent[provinces[d]].push(source);
            }
            let mut nation = Vec::new();
            for (p, sources) in sent.into_iter().enumerate() {
                let (cells, _) = merge(sources).unwrap_or_else(|c| panic!("{c:?}"));
                nation.push(Source {
                    label: format!("p{p}"),
                    cells: through_json(cells, summary[4 + p]),
                });
            }
            let (cells, _) = merge(nation).unwrap_or_else(|c| panic!("{c:?}"));
            prop_assert_eq!(cells.len(), seeds.len());
            prop_assert_eq!(totals_json(cells), flat);
        }
    }

    #[test]
    fn a_cell_whose_copies_disagree_is_refused_and_one_that_agrees_is_counted_once() {
        let seed: CellSeed = (
            vec![(9, false, Some((9, 1)), Some(3))],
            false,
            [0; 4],
            (1, 0),
            2,
            None,
        );
        let a = cell(1, &seed);
        let mut b = a.clone();
        b.meetings_omitted = true;
        b.meetings.clear();
        let (cells, repeats) = merge(vec![
            Source {
                label: "x".into(),
                cells: vec![a.clone()],
            },
            Source {
                label: "y".into(),
                cells: vec![b],
            },
        ])
        .unwrap_or_else(|c| panic!("{c:?}"));
        assert_eq!((cells.len(), repeats.len(), repeats[0].count), (1, 1, 1));
        let mut c = a.clone();
        c.totals.present += 1;
        let err = merge(vec![
            Source {
                label: "x".into(),
                cells: vec![a],
            },
            Source {
                label: "z".into(),
                cells: vec![c],
            },
        ])
        .err();
        assert_eq!(
            err.map(|c| (c.first, c.repeat)),
            Some(("x".into(), "z".into()))
        );
    }
}
