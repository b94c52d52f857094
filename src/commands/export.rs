//! `cellbook export --ics`: the planned meetings as an iCalendar file for phones and mail
//! clients (the format itself is written in `ics.rs`).
//!
//! `cellbook export --jsonl [--period P] [LEDGER...]`: one JSON object a line per meeting, with
//! its derived figures, for analysts (DuckDB's `read_json`, pandas, jq).

use chrono::{Datelike, NaiveTime};
use clap::Args;
use std::path::PathBuf;

use crate::context::Context;
use crate::core::level::Level;
use crate::core::model::Kind;
use crate::core::model::meeting::MeetingStatus;
use crate::core::period::Period;
use crate::core::report::aggregate;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::period as load;
use crate::ledger::storage::write_output;
use crate::ledger::{Ledger, MeetingFile};
use crate::output::Output;
use crate::output::Stream;
use crate::output::guard_out;
use crate::render::ics::{self, Event, TimeMode};
use serde::Serialize;

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("what")
        .required(true)
        .args(["ics", "jsonl"])
))]
pub struct ExportArgs {
    /// Ledgers to export with --jsonl (default: the current ledger)
    #[arg(value_name = "LEDGER", requires = "jsonl")]
    pub ledgers: Vec<PathBuf>,
    /// Write iCalendar (RFC 5545), the format calendars import
    #[arg(long)]
    pub ics: bool,
    /// Write one JSON object a line per meeting, with its figures, for DuckDB, pandas or jq
    #[arg(long, conflicts_with_all = ["ics", "all", "floating"])]
    pub jsonl: bool,
    /// The meetings of one period with --jsonl: 2020-Q3, 2020 or 2020-07 (default: all)
    #[arg(long, value_name = "PERIOD", requires = "jsonl")]
    pub period: Option<String>,
    /// Every meeting of the ledger, not only those dated today or later
    #[arg(long)]
    pub all: bool,
    /// Floating local times (no time zone) instead of Vietnam time
    #[arg(long)]
    pub floating: bool,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<Output> {
    if args.jsonl {
        return jsonl(ctx, args);
    }
    if !args.ledgers.is_empty() {
        return Err(Error::Usage(
            tr(
                "--ics xuất sổ hiện tại (--ledger SỔ); chỉ --jsonl nhận nhiều sổ",
                "--ics exports the current ledger (--ledger DIR); only --jsonl takes ledgers",
            )
            .to_owned(),
        ));
    }
    let ledger = ctx.open()?;
    if let Some(out) = &args.out {
        guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
    }
    let today = ctx.today;
    let years = (!args.all).then_some((today.year(), i32::MAX));
    let uid_host = format!("{}.cellbook", ics::slug(&ledger.config.cell.name));
    let mut events = Vec::new();
    for entry in ledger.meeting_entries(years)? {
        if !args.all && entry.id.date < today {
            continue;
        }
        let file = ledger.load_meeting(&entry)?;
        events.push(event(&ledger, &file, &uid_host));
    }
    let mode = if args.floating {
        TimeMode::Floating
    } else {
        TimeMode::Vietnam
    };
    let text = ics::calendar(
        &ledger.config.cell.name,
        &events,
        mode,
        today.and_time(NaiveTime::MIN),
    );
    let mut out = Output::default();
    if events.is_empty() {
        out.stderr = format!(
            "{}\n",
            if args.all {
                tr(
                    "Sổ chưa có buổi sinh hoạt nào.",
                    "The ledger has no meetings.",
                )
            } else {
                tr(
                    "Không có buổi sinh hoạt nào từ hôm nay trở đi; --all xuất mọi buổi sinh hoạt.",
                    "No meetings from today on; --all exports every meeting.",
                )
            }
        );
    }
    match &args.out {
        None => out.stdout = text,
        Some(path) => {
            write_output(path, text.as_bytes())?;
            out.stdout = format!(
                "{} {} {} {}\n",
                tr("Đã ghi", "Wrote"),
                events.len(),
                tr("buổi sinh hoạt vào", "meetings to"),
                path.display()
            );
        }
    }
    Ok(out)
}

/// One meeting as a calendar event: its title, place and topics; the recorded times once it
/// was held, else the planned time and the ledger's minimum length.
fn event(ledger: &Ledger, file: &MeetingFile, uid_host: &str) -> Event {
    let m = &file.meeting;
    let plan = m.plan.as_ref();
    let rec = m.record.as_ref();
    let start = rec.and_then(|r| r.start).or(plan.and_then(|p| p.time));
    let end = rec.filter(|r| r.start.is_some()).and_then(|r| r.end);
    let minutes = match ledger.config.meetings.min_minutes {
        0 => 90,
        n => n,
    };
    let summary = m
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            let what = match m.kind {
                Kind::Regular => tr("Sinh hoạt chi bộ thường kỳ", "Regular meeting"),
                Kind::Thematic => tr("Sinh hoạt chuyên đề", "Thematic meeting"),
            };
            format!("{what} – {}", ledger.config.cell.name)
        });
    let topics: Vec<String> = plan
        .map(|p| p.topics.iter().map(|t| format!("• {t}")).collect())
        .unwrap_or_default();
    Event {
        uid: format!("{}@{uid_host}", file.id),
        when: ics::when(m.date, start, end, minutes),
        summary,
        location: plan.and_then(|p| p.place.clone()),
        description: (!topics.is_empty()).then(|| topics.join("\n")),
    }
}

/// Ledgers exported together, a batch at a time: the output never exists whole in memory.
const BATCH: usize = 256;

/// `--jsonl`: every meeting of the ledgers (of the period), one JSON object a line.
fn jsonl(ctx: &Context, args: &ExportArgs) -> Result<Output> {
    let period = match &args.period {
        Some(p) => Some(Period::parse(p).map_err(Error::Usage)?),
        None => None,
    };
    let roots = if args.ledgers.is_empty() {
        vec![ctx.open()?.root]
    } else {
        if ctx.lang.is_none()
            && let Ok(first) = Ledger::open(&args.ledgers[0])
        {
            ctx.speak(Some(first.config.cell.language));
        }
        args.ledgers.clone()
    };
    if let Some(out) = &args.out {
        let shown: Vec<&std::path::Path> = roots.iter().map(PathBuf::as_path).collect();
        guard_out(out, &ctx.cwd, &shown)?;
    }
    let (roots, repeats) = load::distinct(&roots);
    let mut out = Output::default();
    for (repeat, first) in &repeats {
        out.stderr.push_str(&load::repeat_warning(repeat, first));
    }
    // Every ledger's settings first: a missing or broken ledger stops the export before a line
    // is written, and a cell reached through two folders (the same id) is exported once.
    let opened = crate::parallel::try_map(&roots, |root| {
        load::open(root).map(|l| (l.config.cell.identity(), l.root))
    })?;
    let mut ids: std::collections::HashMap<String, PathBuf> =
        std::collections::HashMap::with_capacity(opened.len());
    let mut ledgers = Vec::with_capacity(opened.len());
    for (id, root) in opened {
        match ids.get(&id) {
            Some(first) => out.stderr.push_str(&same_cell_warning(&id, &root, first)),
            None => {
                ids.insert(id.clone(), root.clone());
                ledgers.push((id, root));
            }
        }
    }
    let write = move |w: &mut dyn std::io::Write| -> std::io::Result<()> {
        for batch in ledgers.chunks(BATCH) {
            let texts = crate::parallel::try_map(batch, |(id, root)| {
                Ledger::open(root).and_then(|l| lines(&l, id, period))
            })
            .map_err(std::io::Error::other)?;
            for text in texts {
                w.write_all(&text)?;
            }
        }
        Ok(())
    };
    match &args.out {
        None => out.stream = Some(Stream(Box::new(write))),
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes).map_err(|e| Error::refused(e.to_string()))?;
            write_output(path, &bytes)?;
            out.stdout = format!(
                "{} {} {} {}\n",
                tr("Đã ghi", "Wrote"),
                bytes.iter().filter(|&&b| b == b'\n').count(),
                tr("cuộc họp vào", "meetings to"),
                path.display()
            );
        }
    }
    Ok(out)
}

fn same_cell_warning(id: &str, repeat: &std::path::Path, first: &std::path::Path) -> String {
    let id = crate::core::text::visible(id);
    format!(
        "{}: {} {} {id} {} {}; {}\n",
        tr("cảnh báo", "warning"),
        repeat.display(),
        tr("có cùng mã chi bộ", "has the cell id"),
        tr("với", "of"),
        first.display(),
        tr("chỉ xuất một lần", "it is exported once"),
    )
}

/// One line of `--jsonl`: a meeting and its figures (docs/report.md, "export --jsonl").
#[derive(Serialize)]
struct Line<'a> {
    cell_id: &'a str,
    cell: &'a str,
    parent: Option<&'a str>,
    meeting: String,
    date: String,
    kind: Kind,
    status: MeetingStatus,
    held: bool,
    counted: Option<u32>,
    present: Option<u32>,
    excused: Option<u32>,
    unexcused: Option<u32>,
    rate: Option<f64>,
    duration_minutes: Option<i64>,
    points: Option<u32>,
    level: Option<Level>,
}

/// A ledger's lines: its meetings of the period (all without one), in date order.
fn lines(ledger: &Ledger, id: &str, period: Option<Period>) -> Result<Vec<u8>> {
    let years = period.map(|p| (p.start().year(), p.end().year()));
    let cfg = &ledger.config;
    let mut out = Vec::new();
    for entry in ledger.meeting_entries(years)? {
        if period.is_some_and(|p| !p.contains(entry.id.date)) {
            continue;
        }
        let file = ledger.load_meeting(&entry)?;
        let row = aggregate::row(&cfg.rating, &ledger.roster, file.id, &file.meeting);
        let a = row.attendance;
        let line = Line {
            cell_id: id,
            cell: &cfg.cell.name,
            parent: cfg.cell.parent.as_deref(),
            meeting: row.id.to_string(),
            date: row.date.format("%Y-%m-%d").to_string(),
            kind: row.kind,
            status: row.status,
            held: a.is_some(),
            counted: a.map(|a| a.counted),
            present: a.map(|a| a.present),
            excused: a.map(|a| a.excused),
            unexcused: a.map(|a| a.unexcused),
            rate: a.and_then(|a| a.rate),
            duration_minutes: row.duration_minutes,
            points: row.score,
            level: row.level,
        };
        // Writing to a Vec fails only on a value JSON cannot hold, which a Line has none of.
        serde_json::to_writer(&mut out, &line)
            .map_err(|e| Error::refused(format!("{}: {e}", entry.path.display())))?;
        out.push(b'\n');
    }
    Ok(out)
}
