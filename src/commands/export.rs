//! `cellbook export --ics`: the planned meetings as an iCalendar file for phones and mail
//! clients (the format itself is written in `ics.rs`).

use chrono::{Datelike, NaiveTime};
use clap::Args;
use std::path::PathBuf;

use crate::context::Context;
use crate::core::model::Kind;
use crate::error::Result;
use crate::i18n::tr;
use crate::ledger::storage::write_output;
use crate::ledger::{Ledger, MeetingFile};
use crate::output::Output;
use crate::output::guard_out;
use crate::render::ics::{self, Event, TimeMode};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write iCalendar (RFC 5545), the format calendars import
    #[arg(long, required = true)]
    pub ics: bool,
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
