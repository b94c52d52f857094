//! `cellbook report`: a quarter's or a year's figures for one cell, or for many cells rolled
//! up, in the format asked for.

use crate::output::{emit_bytes, guard_out};
use clap::Args;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::core::lang::Lang;
use crate::core::period::Period;
use crate::core::report::aggregate;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::Ledger;
use crate::ledger::period as load;
use crate::output::{Output, Stream};
use crate::render::report::{self, Format};

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("period")
        .required(true)
        .args(["quarter", "year", "last_quarter"])
))]
pub struct ReportArgs {
    /// Ledgers, and JSON reports (a cell's or a roll-up's), to roll up together (default: the
    /// current ledger)
    #[arg(value_name = "INPUT")]
    pub ledgers: Vec<PathBuf>,
    /// A quarter: 2020-Q3, Q3/2020, III/2020, "quý 3/2020" or "quý III năm 2020"
    #[arg(long, value_parser = crate::args::period)]
    pub quarter: Option<String>,
    /// A year, e.g. 2020 (adds the year's classification where the rubric has one)
    #[arg(long)]
    pub year: Option<String>,
    /// The quarter before today's
    #[arg(long)]
    pub last_quarter: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: crate::render::report::Format,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel reads Vietnamese text (the default
    /// for a file written with --out; this adds it on stdout too)
    #[arg(long, conflicts_with = "no_bom")]
    pub bom: bool,
    /// Write the CSV file without the byte-order mark (plain UTF-8, as on stdout)
    #[arg(long)]
    pub no_bom: bool,
    /// The report's number, as in "Số 05-BC/CB" (md, html, docx; without it the number is left
    /// blank to write in)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=99_999))]
    pub number: Option<u32>,
    /// The report's own words in Markdown (assessment, shortcomings, directions, requests): each
    /// heading becomes a numbered section after the figures (md, html, docx and table)
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
    /// The higher committee that issues a roll-up: a TOML file with name, parent, locality,
    /// symbol, recipients, signer_title, signer_name (md, html, docx; without it a roll-up is a
    /// compilation)
    #[arg(long, value_name = "FILE")]
    pub committee: Option<PathBuf>,
    /// Leave out the meeting rows and the members' names: the summary a committee sends upward
    #[arg(long)]
    pub summary_only: bool,
    /// The cells that should report, one a line, by id or by name: lists those missing from the
    /// inputs and those whose period is incomplete
    #[arg(long, value_name = "FILE")]
    pub expect: Option<PathBuf>,
    /// The period before, beside this one: its JSON report or its ledgers (repeat for many)
    #[arg(long, value_name = "INPUT")]
    pub previous: Vec<PathBuf>,
    /// The period before, beside this one, from the same ledgers
    #[arg(long, conflicts_with = "previous")]
    pub trend: bool,
}

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<Output> {
    // A usage error is said in the language of the command line.
    ctx.speak_command_line();
    let period = period_of(args, ctx)?;
    csv_only(args)?;
    if args.format.is_binary() {
        crate::output::refuse_binary_on_terminal("docx", args.out.as_deref())?;
    }
    let opts = load::Options {
        period,
        today: ctx.today,
        classify_year: matches!(period, Period::Year { .. }),
    };
    let mut warnings = String::new();
    let mut head = report::Letterhead::default();
    let mut first = None;
    let mut here = None;
    let language;
    let cells = if args.ledgers.is_empty() {
        let ledger = ctx.open()?;
        here = Some(ledger.root.clone());
        if let Some(out) = &args.out {
            guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
        }
        head.locality = ledger.config.cell.locality.clone();
        language = Some(ledger.config.cell.language);
        first = Some(ledger.config.cell.clone());
        vec![load::cell(&ledger, &opts)?]
    } else {
        let (lang, ledger) = first_of_inputs(&args.ledgers);
        language = lang;
        if ctx.lang.is_none() && language.is_some() {
            ctx.speak(language);
        }
        if let Some(ledger) = ledger {
            head.locality = ledger.config.cell.locality.clone();
            first = Some(ledger.config.cell);
        }
        if let Some(out) = &args.out {
            let roots: Vec<&Path> = args.ledgers.iter().map(PathBuf::as_path).collect();
            guard_out(out, &ctx.cwd, &roots)?;
        }
        if args.format == Format::Json {
            // `--notes`, `--number` and `--committee` are refused for JSON, before any output.
            documents(&mut head, args, true)?;
            return streamed(args, opts, language);
        }
        let (cells, said) = load::inputs(&args.ledgers, &opts)?;
        warnings.push_str(&said);
        cells
    };
    let mut report = aggregate::report(period, cells, ctx.today);
    report.language = language;
    documents(&mut head, args, report.is_rollup())?;
    warnings.push_str(&rollup_extras(args, here.as_ref(), &mut report, &opts)?);
    number(&mut head, args, report.is_rollup(), first)?;
    let (format, bom) = (args.format, wants_bom(args));
    let write = move |w: &mut dyn std::io::Write| {
        if bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        report::write_with(&report, format, &head, w)
    };
    match &args.out {
        // Straight to stdout, a cell at a time.
        None => Ok(Output {
            stream: Some(Stream(Box::new(write))),
            stderr: warnings,
            ..Output::default()
        }),
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes).map_err(|e| Error::io(path, e))?;
            // Bytes as written: a Word document is binary.
            let mut out = emit_bytes(path, &bytes)?;
            out.stderr.insert_str(0, &warnings);
            Ok(out)
        }
    }
}

/// What a roll-up takes from its inputs before reading them: the language of the first input
/// that names one (a ledger's `[cell] language`, or a JSON report's `"language"`; only the first
/// JSON report is looked at, so that a thousand older reports are not read twice), and the first
/// ledger, whose place dates the printed roll-up. A broken ledger is passed over (its error
/// comes when it is read).
fn first_of_inputs(inputs: &[PathBuf]) -> (Option<Lang>, Option<Ledger>) {
    let mut language = None;
    let mut json_looked_at = false;
    for path in inputs {
        if path.is_file() {
            if language.is_none() && !json_looked_at {
                language = load::report_language(path);
                json_looked_at = true;
            }
        } else if let Ok(ledger) = Ledger::open(path) {
            return (language.or(Some(ledger.config.cell.language)), Some(ledger));
        }
    }
    (language, None)
}

/// `--number`: a cell's report is numbered with its symbol; a roll-up only when a committee
/// issues it (`--committee` numbers it itself).
fn number(
    head: &mut report::Letterhead,
    args: &ReportArgs,
    rollup: bool,
    first: Option<crate::core::model::cell::Cell>,
) -> Result<()> {
    match (rollup, first) {
        (true, _) if args.number.is_some() && args.committee.is_none() => Err(Error::Usage(
            tr(
                "--number dành cho báo cáo của một chi bộ, hoặc báo cáo tổng hợp có --committee",
                "--number is for one cell's report, or a roll-up with --committee",
            )
            .to_owned(),
        )),
        (false, Some(cell)) => {
            numbered(head, &cell, args.number);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The files that make the printed report a document (`--notes`, `--committee`); read once the
/// ledger's language is known, so their errors speak it.
fn documents(head: &mut report::Letterhead, args: &ReportArgs, rollup: bool) -> Result<()> {
    printed_only(args)?;
    if let Some(path) = &args.notes {
        head.notes = read_notes(path, args.format)?;
    }
    if let Some(path) = &args.committee {
        issued_by(head, path, rollup, args.number)?;
    }
    Ok(())
}

/// `--number` and `--committee` make the printed document's header and signature, which only md,
/// html and docx have: with table, JSON or CSV they would be silently ignored, so they are
/// refused (exit 2), as `--notes` is for JSON and CSV.
fn printed_only(args: &ReportArgs) -> Result<()> {
    let flag = match (args.number.is_some(), args.committee.is_some()) {
        (_, true) => "--committee",
        (true, false) => "--number",
        (false, false) => return Ok(()),
    };
    if matches!(args.format, Format::Md | Format::Html | Format::Docx) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{flag} {}",
        tr(
            "dùng với --format md, html hoặc docx (văn bản in có tiêu đề, số và chữ ký); bảng, JSON và CSV không có các phần đó",
            "goes with --format md, html or docx (the printed document, with its header, number and signature); table, JSON and CSV have none of these",
        )
    )))
}

/// The largest notes or committee file read: a report's words, not a book.
const SMALL_FILE: u64 = 1 << 20;

/// A small text file the person names on the command line (`--notes`, `--committee`): at most
/// [`SMALL_FILE`] bytes of UTF-8, so a device or a wrong file fails at once.
fn read_small(path: &Path) -> Result<String> {
    use crate::ledger::storage::{Bounded, read_at_most};
    // A regular file only: a FIFO or a device named here would hang the report.
    let Bounded::Bytes(bytes) = read_at_most(path, SMALL_FILE).map_err(|e| Error::io(path, e))?
    else {
        return Err(Error::refused(format!(
            "{}: {}",
            path.display(),
            tr(
                "tệp quá lớn (tối đa 1 MiB)",
                "the file is too large (at most 1 MiB)"
            )
        )));
    };
    String::from_utf8(bytes).map_err(|_| {
        Error::refused_with(
            format!(
                "{}: {}",
                path.display(),
                tr("không phải văn bản UTF-8", "not UTF-8 text")
            ),
            tr(
                "lưu tệp dạng UTF-8 (trong Notepad: Lưu thành… → Mã hóa UTF-8)",
                "save the file as UTF-8 text",
            ),
        )
    })
}

/// `--notes FILE`: the report's own sections, for the formats people read.
fn read_notes(path: &Path, format: Format) -> Result<Vec<report::notes::NoteSection>> {
    use report::notes::NotesProblem;
    if matches!(format, Format::Json | Format::Csv) {
        return Err(Error::Usage(format!(
            "--notes {}",
            tr(
                "dùng với --format table, md, html hoặc docx (JSON và CSV chỉ chứa số liệu)",
                "goes with --format table, md, html or docx (JSON and CSV hold the figures only)",
            )
        )));
    }
    let text = read_small(path)?;
    report::notes::parse(&text).map_err(|e| {
        let (problem, hint) = match e.problem {
            NotesProblem::TextBeforeHeading => (
                tr(
                    "có chữ trước tiêu đề đầu tiên",
                    "there is text before the first heading",
                ),
                tr(
                    "mỗi phần bắt đầu bằng một tiêu đề, ví dụ: # Đánh giá chung",
                    "start each section with a heading, e.g. # Assessment",
                ),
            ),
            NotesProblem::NoSections => (
                tr("không có tiêu đề nào", "there is no heading"),
                tr(
                    "mỗi tiêu đề (# Ưu điểm, # Hạn chế, # Phương hướng, # Kiến nghị) là một mục của báo cáo",
                    "each heading (# Strengths, # Shortcomings, # Directions, # Requests) is a section of the report",
                ),
            ),
        };
        Error::refused_with(
            format!("{}:{}: {problem}", path.display(), e.line),
            hint,
        )
    })
}

/// `--committee FILE`: the roll-up is the committee's document — its header, number, date line,
/// recipients and signature.
fn issued_by(
    head: &mut report::Letterhead,
    path: &Path,
    rollup: bool,
    number: Option<u32>,
) -> Result<()> {
    if !rollup {
        return Err(Error::Usage(
            tr(
                "--committee dành cho báo cáo tổng hợp nhiều chi bộ (nhiều thư mục SỔ)",
                "--committee is for a roll-up of several cells (several LEDGER folders)",
            )
            .to_owned(),
        ));
    }
    let text = read_small(path)?;
    let c = report::committee::parse(&text).map_err(|e| {
        Error::refused_with(
            format!("{}: {e}", path.display()),
            tr(
                "các khóa: name (bắt buộc), parent, locality, symbol, recipients, signer_title, signer_name",
                "the keys: name (required), parent, locality, symbol, recipients, signer_title, signer_name",
            ),
        )
    })?;
    head.locality = c.locality.clone();
    head.number = Some(report::number_line(
        number,
        c.symbol.as_deref().unwrap_or("BC/ĐU"),
    ));
    head.recipients = match &c.recipients {
        Some(list) => list
            .iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        None => c
            .parent
            .iter()
            .cloned()
            .chain([
                tr("Các chi bộ trực thuộc", "The cells").to_owned(),
                tr("Lưu Văn phòng", "File copy (the office)").to_owned(),
            ])
            .collect(),
    };
    head.committee = Some(c);
    Ok(())
}

/// A roll-up in JSON, written while its inputs are read (`ledger::period::stream_json`): a
/// national roll-up never exists whole in memory. What goes wrong once the output has begun
/// (a broken ledger among 100,000) ends it with an error and exit 1; with `--out` nothing is
/// written then. The warnings follow the output on stderr.
fn streamed(args: &ReportArgs, opts: load::Options, language: Option<Lang>) -> Result<Output> {
    // What can be known before the first byte is: every input is there, and the list.
    for path in args.ledgers.iter().chain(&args.previous) {
        if !path.is_file() && !path.join(crate::ledger::CONFIG_FILE).is_file() {
            return Err(load::not_a_ledger(path));
        }
    }
    if let Some(path) = &args.expect {
        crate::ledger::storage::open_regular(path).map_err(|e| Error::io(path, e))?;
    }
    let inputs = args.ledgers.clone();
    let expect = args.expect.clone();
    let previous = if args.trend {
        args.ledgers.clone()
    } else {
        args.previous.clone()
    };
    let summary_only = args.summary_only;
    let run = move |w: &mut dyn std::io::Write| -> Result<String> {
        let extras = load::Extras {
            language,
            summary_only,
            expect: expect.as_deref(),
            previous: &previous,
            expect_on_stderr: false,
        };
        load::stream_json(&inputs, &opts, &extras, w)
    };
    Ok(match args.out.clone() {
        None => Output {
            stream: Some(Stream(Box::new(move |w: &mut dyn std::io::Write| {
                let warnings = run(w).map_err(std::io::Error::other)?;
                w.flush()?;
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(warnings.as_bytes());
                Ok(())
            }))),
            ..Output::default()
        },
        Some(path) => {
            let mut bytes = Vec::new();
            let warnings = run(&mut bytes)?;
            let mut out = emit_bytes(&path, &bytes)?;
            out.stderr.insert_str(0, &warnings);
            out
        }
    })
}

/// `--summary-only`, `--expect`, `--previous` and `--trend` (issue 16); the warnings to print.
fn rollup_extras(
    args: &ReportArgs,
    here: Option<&PathBuf>,
    report: &mut crate::core::report::model::Report,
    opts: &load::Options,
) -> Result<String> {
    let extras = load::Extras {
        language: report.language,
        summary_only: args.summary_only,
        expect: args.expect.as_deref(),
        previous: match (args.trend, here) {
            (true, Some(here)) => std::slice::from_ref(here),
            (true, None) => &args.ledgers,
            (false, _) => &args.previous,
        },
        // The list goes with the document in JSON; beside any other format, on stderr.
        expect_on_stderr: args.format != Format::Json,
    };
    load::extras(report, &extras, opts)
}

/// `--bom` and `--no-bom` are about a CSV only; `--summary-only` writes JSON or a table (the
/// printed documents and the CSV are made of the meeting rows).
fn csv_only(args: &ReportArgs) -> Result<()> {
    if args.summary_only && !matches!(args.format, Format::Json | Format::Table) {
        return Err(Error::Usage(format!(
            "--summary-only {}",
            tr(
                "dùng với --format json hoặc table (văn bản in và CSV liệt kê từng buổi sinh hoạt)",
                "goes with --format json or table (the printed documents and the CSV list the meetings)"
            )
        )));
    }
    for (set, flag) in [(args.bom, "--bom"), (args.no_bom, "--no-bom")] {
        if set && args.format != Format::Csv {
            return Err(Error::Usage(format!(
                "{flag} {}",
                tr("chỉ dùng với --format csv", "goes with --format csv only")
            )));
        }
    }
    Ok(())
}

/// A cell's report carries its number and symbol and its recipients, from the settings or their
/// defaults: "BC/CB", and the higher committee with the cell's own file copy.
fn numbered(
    head: &mut report::Letterhead,
    cell: &crate::core::model::cell::Cell,
    number: Option<u32>,
) {
    let symbol = cell
        .report_symbol
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("BC/CB");
    head.number = Some(report::number_line(number, symbol));
    head.recipients = match &cell.recipients {
        Some(list) => list
            .iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        None => vec![
            cell.parent
                .clone()
                .unwrap_or_else(|| tr("Cấp ủy cấp trên", "The higher committee").to_owned()),
            tr("Lưu chi bộ", "File copy (the cell)").to_owned(),
        ],
    };
}

/// A CSV file written for a person starts with the byte-order mark, so Excel reads Vietnamese;
/// stdout stays plain UTF-8 for scripts unless `--bom` asks for it.
fn wants_bom(args: &ReportArgs) -> bool {
    args.format == Format::Csv && (args.bom || (args.out.is_some() && !args.no_bom))
}

fn period_of(args: &ReportArgs, ctx: &Context) -> Result<Period> {
    let bad = |flag: &str, value: &str, example: &str| {
        Error::Usage(format!(
            "{flag} {value}: {} {example}",
            tr("hãy viết như", "write it like")
        ))
    };
    match (&args.quarter, &args.year, args.last_quarter) {
        (Some(q), _, _) => {
            match Period::read(q).map_err(|e| Error::Usage(e.message(ctx.command_line_lang())))? {
                p @ Period::Quarter { .. } => Ok(p),
                _ => Err(bad("--quarter", q, "2020-Q3")),
            }
        }
        (None, Some(y), _) => {
            match Period::read(y).map_err(|e| Error::Usage(e.message(ctx.command_line_lang())))? {
                p @ Period::Year { .. } => Ok(p),
                _ => Err(bad("--year", y, "2020")),
            }
        }
        (None, None, true) => Ok(Period::previous_quarter(ctx.today)),
        (None, None, false) => Err(Error::Usage(
            tr(
                "chọn kỳ báo cáo: --quarter 2020-Q3, --year 2020 hoặc --last-quarter",
                "choose the period: --quarter 2020-Q3, --year 2020 or --last-quarter",
            )
            .to_owned(),
        )),
    }
}
