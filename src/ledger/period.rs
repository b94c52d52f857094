//! Reading what a report needs, and nothing more: the settings, the roster and the meeting
//! files of the period's years (filtered by the date in their names before any is parsed), so
//! the cost follows the period asked for, not the length of the history. Many ledgers are read
//! in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::core::lang::Lang;
use crate::core::period::Period;
use crate::core::report::aggregate::{self, CellInput};
use crate::core::report::model::{CellReport, Expected, REPORT_SCHEMA, Report, Totals, Trend};
use crate::core::report::rollup::{self, Conflict, InputProblem, Repeat, ReportIn};
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::Ledger;

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
    let entries = ledger.meeting_entries(Some(years))?;
    for entry in &entries {
        if !opts.period.contains(entry.id.date) {
            continue;
        }
        let file = ledger.load_meeting(entry)?;
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
    let since = ledger.first_meeting_date_knowing(&entries, Some(years))?;
    let id = cfg.cell.identity();
    Ok(aggregate::cell(&CellInput {
        id: &id,
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
    match Ledger::open(root) {
        Err(Error::NotALedger { .. }) => Err(not_a_ledger(root)),
        opened => opened,
    }
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

/// The warning for a JSON report named twice.
fn repeat_file_warning(repeat: &Path, first: &Path) -> String {
    format!(
        "{}: {} {} {}; {}\n",
        tr("cảnh báo", "warning"),
        repeat.display(),
        tr("là cùng tệp với", "is the same file as"),
        first.display(),
        tr("chỉ tính một lần", "it is counted once"),
    )
}

/// The warning for cells of one input already counted from another, the same in both.
pub fn repeat_cells_warning(r: &Repeat) -> String {
    shown(&format!(
        "{}: {}: {} {} {} ({} {} {}); {}\n",
        tr("cảnh báo", "warning"),
        r.repeat,
        r.count,
        tr("chi bộ đã có trong", "cells already counted from"),
        r.first,
        tr("ví dụ", "e.g."),
        r.example.0,
        r.example.1,
        tr("chỉ tính một lần", "counted once"),
    ))
}

/// Text from a JSON report or a list, for the terminal: its control characters shown as
/// `\u{1b}`, so a cell named with an escape sequence cannot repaint the screen.
fn shown(text: &str) -> String {
    crate::core::text::visible(text).into_owned()
}

/// An input of a roll-up: a ledger folder, or a JSON report (a file).
fn is_report_file(path: &Path) -> bool {
    path.is_file()
}

/// Inputs read at a time, on every core: a roll-up keeps one batch of cells in memory, not all.
const BATCH: usize = 256;

/// How the cells of a roll-up are wanted, as they are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk {
    /// Without their meeting rows and names (`--summary-only`).
    pub summary_only: bool,
    /// With their JSON bytes, made by the worker that read them (`--format json`, streamed).
    pub json: bool,
}

/// A roll-up's inputs, ledger folders and JSON reports mixed, read a batch at a time on every
/// core, and each cell handed to `f` once, in the order of the inputs: the same folder or file
/// named twice is read once, with a warning; a cell met again is dropped when its figures are
/// the same ([`rollup::Dedup`]), with a warning for each input whose cells were already
/// counted, and the roll-up refused when they differ. Returns the warnings.
pub fn each_cell(
    paths: &[PathBuf],
    opts: &Options,
    walk: Walk,
    mut f: impl FnMut(CellReport, Option<Vec<u8>>) -> Result<()>,
) -> Result<String> {
    let (kept, repeats) = distinct(paths);
    let mut warnings = String::new();
    for (repeat, first) in &repeats {
        if is_report_file(first) {
            warnings.push_str(&repeat_file_warning(repeat, first));
        } else {
            warnings.push_str(&repeat_warning(repeat, first));
        }
    }
    let labels: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
    let mut dedup = rollup::Dedup::default();
    let mut start = 0;
    let read = |batch: &[PathBuf]| crate::parallel::try_map(batch, |p| read_input(p, opts, walk));
    // The next batch is read while this one is counted and written: the counting is in order,
    // on this thread, and would otherwise leave the other cores idle.
    std::thread::scope(|s| -> Result<()> {
        let mut batches = batches(&kept).into_iter();
        let mut reading = batches.next().map(|b| (b.len(), s.spawn(move || read(b))));
        while let Some((len, handle)) = reading.take() {
            let cells = handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))?;
            reading = batches.next().map(|b| (b.len(), s.spawn(move || read(b))));
            for (i, cells) in cells.into_iter().enumerate() {
                for (cell, prints, bytes) in cells {
                    let counted = dedup
                        .offer_printed(start + i, &cell, prints)
                        .map_err(|c| conflict(&c.named(&labels)))?;
                    if counted {
                        f(cell, bytes)?;
                    }
                }
            }
            start += len;
        }
        Ok(())
    })?;
    for r in dedup.repeats(&labels) {
        warnings.push_str(&repeat_cells_warning(&r));
    }
    Ok(warnings)
}

/// The inputs cut into batches of at most [`BATCH`] inputs and about [`BATCH_BYTES`] of JSON
/// reports (a district's report holds a hundred cells; a ledger counts as one cell).
fn batches(inputs: &[PathBuf]) -> Vec<&[PathBuf]> {
    let mut out = Vec::new();
    let (mut from, mut bytes) = (0, 0u64);
    for (i, path) in inputs.iter().enumerate() {
        bytes += std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map_or(LEDGER_BYTES, |m| m.len());
        if i + 1 - from == BATCH || bytes >= BATCH_BYTES || i + 1 == inputs.len() {
            out.push(&inputs[from..=i]);
            (from, bytes) = (i + 1, 0);
        }
    }
    out
}

/// About what a ledger's cell weighs in memory while it is read, against a JSON report's size.
const LEDGER_BYTES: u64 = 16 * 1024;
/// JSON read at a time.
const BATCH_BYTES: u64 = 24 * 1024 * 1024;

/// A cell as a worker hands it over: with its fingerprints and, when asked, its JSON.
type Ready = (CellReport, rollup::Prints, Option<Vec<u8>>);

/// One input's cells, as `walk` wants them (the work done here is done on every core).
fn read_input(path: &Path, opts: &Options, walk: Walk) -> Result<Vec<Ready>> {
    let mut cells = if is_report_file(path) {
        read_report(path, opts.period)?
    } else {
        vec![open(path).and_then(|l| cell(&l, opts))?]
    };
    if walk.summary_only {
        cells.iter_mut().for_each(rollup::summarize_cell);
    }
    cells
        .into_iter()
        .map(|c| {
            if !walk.json {
                let prints = rollup::Prints::of(&c);
                return Ok((c, prints, None));
            }
            let bytes = crate::render::report::json::cell_bytes(&c, walk.summary_only)
                .map_err(|e| Error::refused(e.to_string()))?;
            // A summary's line is its figures and nothing else: its fingerprint is theirs.
            let prints = if walk.summary_only {
                rollup::Prints::of_summary_line(&bytes)
            } else {
                rollup::Prints::of(&c)
            };
            Ok((c, prints, Some(bytes)))
        })
        .collect()
}

/// A roll-up's cells, each once, in the order of the inputs ([`each_cell`]), and the warnings.
pub fn inputs(paths: &[PathBuf], opts: &Options) -> Result<(Vec<CellReport>, String)> {
    let mut cells = Vec::new();
    let warnings = each_cell(paths, opts, Walk::default(), |c, _| {
        cells.push(c);
        Ok(())
    })?;
    Ok((cells, warnings))
}

/// A roll-up written as JSON while its inputs are read: the head, each cell as it comes, then
/// the totals and what the extras add. Memory follows a batch of inputs, not the number of cells
/// (docs/report.md, "At national scale"). Returns the warnings.
pub fn stream_json(
    paths: &[PathBuf],
    opts: &Options,
    x: &Extras,
    out: &mut dyn std::io::Write,
) -> Result<String> {
    use crate::render::report::json;
    let io = |e: std::io::Error| Error::refused(e.to_string());
    // The list and the period before first: their problems stop the roll-up before its output
    // has begun.
    let list = x.expect.map(expect_list).transpose()?;
    let mut warnings = String::new();
    let before = previous_totals(x.previous, opts, &mut warnings)?;
    json::head(opts.period, x.language, x.summary_only, out).map_err(io)?;
    let mut totals = Totals::default();
    let mut entries = Vec::new();
    let mut any = false;
    let walk = Walk {
        summary_only: x.summary_only,
        json: true,
    };
    warnings.push_str(&each_cell(paths, opts, walk, |cell, bytes| {
        totals.add(&cell.totals);
        if list.is_some() {
            entries.push(rollup::Entry::of(&cell));
        }
        out.write_all(json::separator(!any)).map_err(io)?;
        out.write_all(&bytes.unwrap_or_default()).map_err(io)?;
        any = true;
        Ok(())
    })?);
    let expected = list.map(|list| rollup::expected(&list, &entries));
    let previous = before.map(|(period, t)| rollup::trend(&totals, period, t));
    json::tail(any, &totals, expected.as_ref(), previous.as_ref(), out).map_err(io)?;
    Ok(warnings)
}

/// The lines of an `--expect` file.
fn expect_list(path: &Path) -> Result<Vec<String>> {
    use crate::ledger::storage::{Bounded, read_at_most};
    // A regular file only: a FIFO or a device named here would hang the roll-up; and a list,
    // not a disk: a million cells' ids or names are some 60 MB.
    const MAX_LIST_BYTES: u64 = 256 << 20;
    match read_at_most(path, MAX_LIST_BYTES).map_err(|e| Error::io(path, e))? {
        Bounded::Bytes(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::io(
                    path,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
                )
            })?;
            Ok(text.lines().map(str::to_owned).collect())
        }
        Bounded::TooLarge(_) => Err(Error::refused(format!(
            "{}: {} {} MiB",
            path.display(),
            tr(
                "danh sách chi bộ phải báo cáo quá lớn, tối đa",
                "the list of cells that should report is too large; at most"
            ),
            MAX_LIST_BYTES >> 20
        ))),
    }
}

/// The period before, rolled up from `inputs` (summed as they stream by), beside `now`.
fn previous(
    inputs: &[PathBuf],
    now: &Totals,
    opts: &Options,
    warnings: &mut String,
) -> Result<Option<Trend>> {
    Ok(previous_totals(inputs, opts, warnings)?
        .map(|(period, before)| rollup::trend(now, period, before)))
}

/// The period before and its totals, rolled up from `inputs` (summed as they stream by); `None`
/// without inputs.
fn previous_totals(
    inputs: &[PathBuf],
    opts: &Options,
    warnings: &mut String,
) -> Result<Option<(Period, Totals)>> {
    if inputs.is_empty() {
        return Ok(None);
    }
    let before = opts.period.before();
    let opts = Options {
        period: before,
        ..*opts
    };
    let mut totals = Totals::default();
    warnings.push_str(&each_cell(inputs, &opts, Walk::default(), |c, _| {
        totals.add(&c.totals);
        Ok(())
    })?);
    Ok(Some((before, totals)))
}

fn conflict(c: &Conflict) -> Error {
    Error::refused_with(
        shown(&format!(
            "{} {} ({}) {} {} {} {} {}",
            tr("chi bộ", "the cell"),
            c.id,
            c.name,
            tr("có trong cả", "is in both"),
            c.first,
            tr("và", "and"),
            c.repeat,
            tr("với số liệu khác nhau", "with different figures"),
        )),
        tr(
            "một cấp chỉ tính mỗi chi bộ một lần: bỏ bản cũ hoặc sai khỏi danh sách đầu vào",
            "each cell is counted once: leave the old or wrong copy out of the inputs",
        ),
    )
}

/// The language a JSON report says its cells speak (`"language"`), if it is a JSON report that
/// says one: what a roll-up of reports alone speaks. The rest of the file is only skipped over
/// (nothing of it is kept); a file that cannot be read or parsed names no language, and its
/// error comes when the roll-up reads it.
pub fn report_language(path: &Path) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(default)]
        language: Option<Lang>,
    }
    let crate::ledger::storage::Bounded::Bytes(bytes) =
        crate::ledger::storage::read_at_most(path, MAX_REPORT_BYTES).ok()?
    else {
        return None;
    };
    match serde_json::from_slice::<Head>(&bytes) {
        Ok(head) => head.language,
        // A broken report still names its language near its top (where cellbook writes it),
        // so that the error about it is said in that language.
        Err(_) => language_near_the_top(&bytes),
    }
}

/// `"language": "vi"` (or `"en"`) in the first kilobyte of a file, spaces allowed around the
/// colon.
fn language_near_the_top(bytes: &[u8]) -> Option<Lang> {
    let top = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let (_, after) = top.split_once("\"language\"")?;
    let value = after.trim_start().strip_prefix(':')?.trim_start();
    match value.get(..4)? {
        "\"vi\"" => Some(Lang::Vi),
        "\"en\"" => Some(Lang::En),
        _ => None,
    }
}

/// What is wrong with a JSON input, in the person's language: in English serde_json's own
/// words; in Vietnamese the line, the column and the kind of fault, with the field or value
/// it names (its other words are English).
fn json_error_words(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    if crate::i18n::lang() == Lang::En {
        return e.to_string();
    }
    let message = e.to_string();
    let quoted = message.split('`').nth(1).map(|q| format!(" `{q}`"));
    let kind = match e.classify() {
        Category::Io => "không đọc được tệp".to_owned(),
        Category::Eof => "tệp dừng giữa chừng".to_owned(),
        Category::Syntax => "sai cú pháp JSON".to_owned(),
        Category::Data if message.starts_with("missing field") => {
            format!("thiếu trường{}", quoted.unwrap_or_default())
        }
        Category::Data if message.starts_with("duplicate field") => {
            format!("trường{} lặp lại", quoted.unwrap_or_default())
        }
        Category::Data if message.starts_with("unknown variant") => {
            format!("giá trị{} không hợp lệ", quoted.unwrap_or_default())
        }
        Category::Data if message.starts_with("invalid type") => "sai kiểu dữ liệu".to_owned(),
        Category::Data => "dữ liệu không đúng mẫu báo cáo".to_owned(),
    };
    format!("dòng {}, cột {}: {kind}", e.line(), e.column())
}

/// The largest JSON report a roll-up reads: a national report with every meeting row of a
/// million cells is about 3 GB; a file that claims more (a sparse file of zeros) is refused
/// before it is read into memory.
const MAX_REPORT_BYTES: u64 = 4 << 30;

/// Read a JSON report (`report --format json`, a cell's or a roll-up's) for a roll-up of
/// `period`: checked ([`rollup::accept`]), its cells returned.
pub fn read_report(path: &Path, period: Period) -> Result<Vec<CellReport>> {
    let bad = |why: String| {
        Error::refused(format!(
            "{}: {} ({why})",
            path.display(),
            tr(
                "không phải báo cáo JSON của cellbook",
                "not a cellbook JSON report"
            ),
        ))
    };
    use crate::ledger::storage::{Bounded, read_at_most};
    let bytes = match read_at_most(path, MAX_REPORT_BYTES).map_err(|e| Error::io(path, e))? {
        Bounded::Bytes(bytes) => bytes,
        Bounded::TooLarge(size) => {
            return Err(bad(format!(
                "{} MiB, {} {} MiB",
                size >> 20,
                tr("quá", "over"),
                MAX_REPORT_BYTES >> 20
            )));
        }
    };
    // The text checked as UTF-8 once, quickly (simdutf8), rather than string by string by
    // serde_json's byte reader: the names are Vietnamese, which the standard check walks slowly.
    let text = simdutf8::basic::from_utf8(&bytes).map_err(|_| {
        let at = std::str::from_utf8(&bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        bad(format!(
            "{} {at}",
            tr("không phải UTF-8 từ byte", "not UTF-8 from byte")
        ))
    })?;
    let input: ReportIn = serde_json::from_str(text).map_err(|e| bad(json_error_words(&e)))?;
    rollup::accept(input, period).map_err(|p| {
        let why = match p {
            InputProblem::Old => tr(
                "báo cáo do cellbook bản cũ lập, thiếu mã chi bộ và các tổng cần để cộng đúng; hãy lập lại bằng bản này",
                "made by an older cellbook, without the cell ids and sums an exact roll-up needs; make it again with this version",
            )
            .to_owned(),
            InputProblem::Schema(n) => format!(
                "\"schema\": {n}: {} {REPORT_SCHEMA}",
                tr("bản này chỉ đọc được", "this version reads only")
            ),
            InputProblem::Period(label) => format!(
                "{} {label}, {} {}",
                tr("báo cáo kỳ", "a report of"),
                tr("không phải kỳ", "not of"),
                period.label()
            ),
            InputProblem::NoId(name) => format!("{name}: {}", tr("thiếu mã chi bộ", "no cell id")),
            InputProblem::CellTotals(id) => format!(
                "{id}: {}",
                tr(
                    "các tổng không khớp với các buổi sinh hoạt và danh sách của chi bộ",
                    "the totals do not add up from the cell's meetings and lists"
                )
            ),
            InputProblem::Totals => tr(
                "tổng cộng không bằng tổng của các chi bộ",
                "the totals are not the sum of the cells'"
            )
            .to_owned(),
        };
        bad(why)
    })
}

/// What a report adds around its cells: `--summary-only`, `--expect FILE`, `--previous`.
#[derive(Debug, Clone, Copy)]
pub struct Extras<'a> {
    /// The language the report says its cells speak (see `Report::language`).
    pub language: Option<Lang>,
    pub summary_only: bool,
    pub expect: Option<&'a Path>,
    /// The inputs of the period before (ledgers or JSON reports); none for no trend.
    pub previous: &'a [PathBuf],
    /// Also say on stderr who has not reported (for the formats that do not carry it).
    pub expect_on_stderr: bool,
}

/// Add the extras to a report; returns the warnings to print.
pub fn extras(report: &mut Report, x: &Extras, opts: &Options) -> Result<String> {
    let mut warnings = String::new();
    if let Some(path) = x.expect {
        let entries: Vec<rollup::Entry> = report.cells.iter().map(rollup::Entry::of).collect();
        let expected = rollup::expected(&expect_list(path)?, &entries);
        if x.expect_on_stderr {
            warnings.push_str(&expected_text(&expected));
        }
        report.expected = Some(expected);
    }
    report.previous = previous(x.previous, &report.totals, opts, &mut warnings)?;
    if x.summary_only {
        rollup::summarize(report);
    }
    Ok(warnings)
}

/// Who has not reported, and whose period is incomplete, in words.
pub fn expected_text(e: &Expected) -> String {
    let mut out = String::new();
    if !e.missing.is_empty() {
        out.push_str(&format!(
            "{} ({}/{}):\n",
            tr("Chưa báo cáo", "Not reported"),
            e.missing.len(),
            e.listed
        ));
        for m in &e.missing {
            out.push_str(&format!("  {m}\n"));
        }
    }
    if !e.incomplete.is_empty() {
        out.push_str(&format!(
            "{} ({}):\n",
            tr("Kỳ báo cáo chưa đủ", "Period incomplete"),
            e.incomplete.len()
        ));
        for i in &e.incomplete {
            out.push_str(&format!(
                "  {} {}: {} {}, {} {}, {} {}, {} {}\n",
                i.id,
                i.name,
                i.unrecorded,
                tr("chưa ghi biên bản", "unrecorded"),
                i.unrated,
                tr("chưa xếp loại", "unrated"),
                i.short_months,
                tr("tháng thiếu", "months short"),
                i.short_quarters,
                tr("quý thiếu chuyên đề", "quarters short"),
            ));
        }
    }
    if !e.unexpected.is_empty() {
        out.push_str(&format!(
            "{} ({}):\n",
            tr("Không có trong danh sách", "Not on the list"),
            e.unexpected.len()
        ));
        for c in &e.unexpected {
            out.push_str(&format!("  {} {}\n", c.id, c.name));
        }
    }
    shown(&out)
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
    fn inputs_are_cut_into_batches_by_count_and_by_size() {
        let dir = tempfile::tempdir().unwrap();
        let roots: Vec<PathBuf> = (0..600).map(|i| dir.path().join(format!("c{i}"))).collect();
        let sizes: Vec<usize> = batches(&roots).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [256, 256, 88]);
        // Two JSON reports of 20 MB each fill a batch.
        let big = dir.path().join("big.json");
        std::fs::File::create(&big)
            .and_then(|f| f.set_len(20 * 1024 * 1024))
            .unwrap();
        let inputs = vec![big.clone(), roots[0].clone(), big.clone(), roots[1].clone()];
        let sizes: Vec<usize> = batches(&inputs).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [3, 1]);
        assert!(batches(&[]).is_empty());
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
