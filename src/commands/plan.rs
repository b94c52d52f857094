//! `cellbook plan`: create a meeting file with its preparation.

use crate::cli::PlanArgs;
use crate::commands::{Context, Output, save_meeting};
use crate::dates::{self, show_date};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::{MeetingFile, Source};
use crate::lookup;
use crate::model::{Assignment, Directive, Meeting, MeetingId, Plan};
use crate::names::nfc;

pub fn run(ctx: &Context, args: &PlanArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let mut seq = 1;
    while let Some(entry) = ledger.entry(MeetingId::new(args.date, seq)) {
        let existing = ledger.load_meeting(&entry)?;
        if existing.meeting.kind == args.kind && !args.another {
            return Err(Error::refused_with(
                format!(
                    "{} {} {} ({})",
                    tr("đã có cuộc họp", "there is already a"),
                    args.kind.label(),
                    tr("vào ngày này:", "meeting on that day:"),
                    entry.id
                ),
                tr(
                    "sửa nó bằng `cellbook record`, hoặc thêm `--another` nếu đây thực sự là cuộc họp thứ hai trong ngày",
                    "change it with `cellbook record`, or add `--another` if this really is a second meeting that day",
                ),
            ));
        }
        seq += 1;
        if seq > 999 {
            return Err(Error::refused(tr(
                "quá nhiều cuộc họp trong một ngày",
                "too many meetings on one day",
            )));
        }
    }
    let id = MeetingId::new(args.date, seq);
    let roster = &ledger.roster;
    let mut assignments = Vec::new();
    for a in &args.assignments {
        let (who, task) = split_pair(a, "--assign", "ID=TASK")?;
        let member = lookup::member(roster, who, Some(args.date))?;
        assignments.push(Assignment {
            member: member.id.clone(),
            task: nfc(task),
        });
    }
    let mut directives = Vec::new();
    for d in &args.directives {
        directives.push(parse_directive(d)?);
    }
    let plan = Plan {
        time: args.time.or(ledger.config.meetings.time),
        place: args
            .place
            .as_deref()
            .map(nfc)
            .or_else(|| ledger.config.meetings.place.clone()),
        topics: args
            .topics
            .iter()
            .map(|t| nfc(t.trim()))
            .filter(|t| !t.is_empty())
            .collect(),
        docs_sent: args.docs_sent,
        committee_met: args.committee_met,
        draft_resolution: args.draft_resolution,
        assignments,
        directives,
    };
    for (flag, date) in [
        ("--docs-sent", plan.docs_sent),
        ("--committee-met", plan.committee_met),
    ] {
        if let Some(d) = date
            && d > args.date
        {
            return Err(Error::refused_with(
                format!(
                    "{flag} {} {}",
                    show_date(d, lang()),
                    tr("là sau ngày họp", "is after the meeting's date")
                ),
                tr(
                    "việc chuẩn bị phải diễn ra trước cuộc họp",
                    "preparation happens before the meeting",
                ),
            ));
        }
    }
    let mut meeting = Meeting::new(args.date, args.kind);
    meeting.title = args.title.as_deref().map(nfc);
    meeting.plan = Some(plan);
    let path = ledger.meeting_path(id);
    let file = MeetingFile {
        id,
        source: Source {
            path: path.clone(),
            text: String::new(),
        },
        meeting,
    };
    save_meeting(&ledger, &file, None)?;
    Ok(Output::text(format!(
        "{} {} {} {}\n{id}\n",
        tr("Đã lên kế hoạch cuộc họp", "Planned a"),
        args.kind.label(),
        tr("ngày", "meeting on"),
        show_date(args.date, lang())
    )))
}

/// Split `ID=TEXT` as typed on the command line.
pub fn split_pair<'a>(s: &'a str, flag: &str, form: &str) -> Result<(&'a str, &'a str)> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim(), b.trim())),
        _ => Err(Error::Usage(format!(
            "{flag} '{s}': {} {form}",
            tr("cần có dạng", "must have the form")
        ))),
    }
}

/// Parse `REF|DATE|TITLE` (date and title optional).
fn parse_directive(s: &str) -> Result<Directive> {
    let mut parts = s.splitn(3, '|').map(str::trim);
    let reference = parts.next().unwrap_or_default();
    if reference.is_empty() {
        return Err(Error::Usage(format!(
            "--directive '{s}': {} \"12-HD/BTCTW|2018-07-06|…\"",
            tr("cần có dạng", "must have the form")
        )));
    }
    let date = match parts.next() {
        Some(d) if !d.is_empty() => Some(dates::parse_date(d).map_err(Error::Usage)?),
        _ => None,
    };
    let title = parts.next().filter(|t| !t.is_empty()).map(nfc);
    Ok(Directive {
        reference: nfc(reference),
        date,
        title,
    })
}
