//! `cellbook plan`: create a meeting file with its preparation.

use crate::args::{parse_date, parse_time, split_pair, text_block};
use crate::context::Context;
use crate::core::dates::{self, show_date};
use crate::core::lookup;
use crate::core::model::{Assignment, Directive, Kind, Meeting, MeetingId, Plan};
use crate::core::names::nfc;
use crate::core::plan_change;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::meetings::save_meeting;
use crate::ledger::{Ledger, MeetingEntry, MeetingFile, Source};
use crate::output::Output;
use crate::prompt;
use chrono::NaiveTime;
use chrono::{Datelike, NaiveDate};
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// The meeting's date (asked for on a terminal when left out)
    #[arg(value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "regular")]
    pub kind: Kind,
    #[arg(long, value_parser = text_block)]
    pub title: Option<String>,
    /// Start time, HH:MM (default: the ledger's usual time)
    #[arg(long, value_parser = parse_time)]
    pub time: Option<NaiveTime>,
    /// Place (default: the ledger's usual place)
    #[arg(long, value_parser = text_block)]
    pub place: Option<String>,
    /// A topic on the agenda (repeatable)
    #[arg(long = "topic", value_name = "TEXT", value_parser = text_block)]
    pub topics: Vec<String>,
    /// A part assigned to a member: ID=TASK (repeatable)
    #[arg(long = "assign", value_name = "ID=TASK", value_parser = text_block)]
    pub assignments: Vec<String>,
    /// A directive to pass on: "REF|DATE|TITLE" (repeatable)
    #[arg(long = "directive", value_name = "REF|DATE|TITLE", value_parser = text_block)]
    pub directives: Vec<String>,
    /// Date the documents were sent to members
    #[arg(long, value_parser = parse_date)]
    pub docs_sent: Option<NaiveDate>,
    /// Date the committee met to prepare
    #[arg(long, value_parser = parse_date)]
    pub committee_met: Option<NaiveDate>,
    /// Date the time, place and content were sent to every member and the higher committee's liaison
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub notified: Option<NaiveDate>,
    /// A draft resolution was prepared
    #[arg(long)]
    pub draft_resolution: bool,
    /// Plan a further meeting on a day that already has one of this kind
    #[arg(long)]
    pub another: bool,
    /// Review the plan in $VISUAL/$EDITOR before it is saved
    #[arg(long)]
    pub edit: bool,
}

pub fn run(ctx: &Context, args: &PlanArgs) -> Result<Output> {
    let asked;
    let (args, date) = match args.date {
        Some(date) => (args, date),
        None => {
            asked = interview(ctx, args)?;
            (&asked.0, asked.1)
        }
    };
    let (lock, ledger) = ctx.open_for_write()?;
    if !args.another
        && let Some(entry) = planned_of_kind(&ledger, date, args.kind)?
    {
        return update(ctx, &ledger, lock, &entry, args);
    }
    let id = free_id(&ledger, date, args.kind, args.another)?;
    let plan = build_plan(&ledger, args, date)?;
    check_preparation_dates(&plan, date)?;
    let mut meeting = Meeting::new(date, args.kind);
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
    if args.edit {
        // The editor session takes the lock itself when it saves; nobody waits on a person typing.
        // The editor opens on the meeting the flags make; closing it untouched saves that.
        drop(lock);
        let start = crate::editor::session::Start {
            text: crate::editor::session::template(&file.meeting)?,
            on_disk: None,
            is_change: true,
        };
        return crate::editor::session::session(ctx, &ledger, id, start);
    }
    save_meeting(&ledger, &file, None)?;
    drop(lock);
    Ok(Output::text(format!(
        "{} {} {} {}\n{id}\n",
        tr("Đã lên kế hoạch buổi sinh hoạt", "Planned a"),
        args.kind.label(lang()),
        tr("ngày", "meeting on"),
        show_date(date, lang())
    )))
}

/// The id the new meeting takes: the first free number on its day, unless a meeting of the same
/// kind is already there (`--another` says a second one is meant).
fn free_id(ledger: &Ledger, date: NaiveDate, kind: Kind, another: bool) -> Result<MeetingId> {
    let mut seq = 1;
    while let Some(entry) = ledger.entry(MeetingId::new(date, seq)) {
        let existing = ledger.load_meeting(&entry)?;
        if existing.meeting.kind == kind && !another {
            return Err(Error::MeetingExists { id: entry.id, kind });
        }
        seq += 1;
        if seq > 999 {
            return Err(Error::refused(tr(
                "quá nhiều buổi sinh hoạt trong một ngày",
                "too many meetings on one day",
            )));
        }
    }
    Ok(MeetingId::new(date, seq))
}

/// The preparation as given on the command line, the ledger's usual time and place filling in.
fn build_plan(ledger: &Ledger, args: &PlanArgs, date: NaiveDate) -> Result<Plan> {
    let roster = &ledger.roster;
    let mut assignments = Vec::new();
    for a in &args.assignments {
        let (who, task) = split_pair(a, "--assign", "ID=TASK")?;
        let member = lookup::member(roster, who, Some(date))?;
        assignments.push(Assignment {
            member: member.id.clone(),
            task: nfc(task),
        });
    }
    let mut directives = Vec::new();
    for d in &args.directives {
        directives.push(parse_directive(d)?);
    }
    Ok(Plan {
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
        notified: args.notified,
        draft_resolution: args.draft_resolution,
        assignments,
        directives,
    })
}

/// Documents are sent and the committee meets before the meeting, not after.
fn check_preparation_dates(plan: &Plan, date: NaiveDate) -> Result<()> {
    for (flag, when) in [
        ("--docs-sent", plan.docs_sent),
        ("--committee-met", plan.committee_met),
        ("--notified", plan.notified),
    ] {
        if let Some(d) = when
            && d > date
        {
            return Err(Error::refused_with(
                format!(
                    "{flag} {} {}",
                    show_date(d, lang()),
                    tr("là sau ngày sinh hoạt", "is after the meeting's date")
                ),
                tr(
                    "việc chuẩn bị phải diễn ra trước buổi sinh hoạt",
                    "preparation happens before the meeting",
                ),
            ));
        }
    }
    Ok(())
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

/// `cellbook plan` with no date, on a terminal: ask for the meeting, offering what the ledger
/// suggests (the usual time and place, the last meeting's topics, a month after it).
fn interview(ctx: &Context, args: &PlanArgs) -> Result<(PlanArgs, NaiveDate)> {
    if !prompt::interactive() {
        return Err(prompt::missing("DATE"));
    }
    let ledger = ctx.open()?;
    let year = ctx.today.year();
    let mut meetings = Vec::new();
    for e in ledger.meeting_entries(Some((year - 1, year + 1)))? {
        // Only suggestions: a file that cannot be read is left to `check`.
        if let Ok(file) = ledger.load_meeting(&e) {
            meetings.push(file.meeting);
        }
    }
    // The last meeting of each kind up to today: a regular meeting's topics are not a thematic
    // one's; time and place come from the one of the same kind.
    let last_of = |kind: Kind| {
        meetings
            .iter()
            .filter(|m| m.kind == kind && m.date <= ctx.today)
            .max_by_key(|m| m.date)
            .and_then(|m| m.plan.clone())
            .unwrap_or_default()
    };
    let regular: Vec<NaiveDate> = meetings
        .iter()
        .filter(|m| m.kind == Kind::Regular)
        .map(|m| m.date)
        .collect();
    let suggested =
        crate::core::cadence::suggest_regular_date(ctx.today, ledger.config.meetings.day, &regular);
    let mut asked = args.clone();
    let date = prompt::date(tr("Ngày sinh hoạt", "Date of the meeting"), suggested)?;
    if prompt::confirm(
        tr("Sinh hoạt chuyên đề?", "A thematic meeting?"),
        args.kind == Kind::Thematic,
    )? {
        asked.kind = Kind::Thematic;
    }
    let last_plan = last_of(asked.kind);
    asked.time = prompt::time(
        tr("Giờ bắt đầu (HH:MM)", "Start time (HH:MM)"),
        args.time.or(ledger.config.meetings.time).or(last_plan.time),
    )?;
    let place = prompt::text_checked(
        tr("Địa điểm", "Place"),
        args.place
            .as_deref()
            .or(ledger.config.meetings.place.as_deref())
            .or(last_plan.place.as_deref()),
        |s| crate::args::refuse_hidden(s, false),
    )?;
    asked.place = Some(place).filter(|p| !p.trim().is_empty());
    // A thematic meeting has a theme of its own: nothing to offer.
    let offered = match asked.kind {
        Kind::Regular => last_plan.topics.join("; "),
        Kind::Thematic => String::new(),
    };
    let topics = prompt::text_checked(
        tr("Nội dung (phân cách bằng ;)", "Topics (separated by ;)"),
        Some(&offered).filter(|t| !t.is_empty()).map(String::as_str),
        |s| crate::args::refuse_hidden(s, false),
    )?;
    asked.topics = topics
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    asked.draft_resolution = prompt::confirm(
        tr("Đã có dự thảo nghị quyết?", "Is a draft resolution ready?"),
        args.draft_resolution,
    )?;
    asked.date = Some(date);
    Ok((asked, date))
}

/// The meeting of this kind already on that day, if any: `plan` then changes it.
fn planned_of_kind(ledger: &Ledger, date: NaiveDate, kind: Kind) -> Result<Option<MeetingEntry>> {
    for seq in 1..=999 {
        let Some(entry) = ledger.entry(MeetingId::new(date, seq)) else {
            return Ok(None);
        };
        if ledger.load_meeting(&entry)?.meeting.kind == kind {
            return Ok(Some(entry));
        }
    }
    Ok(None)
}

/// `plan` on a meeting already planned: the fields given change its plan, with the person's
/// comments and layout kept, and each change is said back. A meeting already held is refused:
/// its preparation is history, changed by `edit` if at all.
fn update(
    ctx: &Context,
    ledger: &Ledger,
    lock: crate::ledger::storage::LedgerLock,
    entry: &MeetingEntry,
    args: &PlanArgs,
) -> Result<Output> {
    let on_disk = crate::editor::session::on_disk(ledger, entry)?;
    let file = ledger.load_meeting(entry)?;
    let id = file.id;
    let mut given = build_plan(ledger, args, file.meeting.date)?;
    // Only what was typed: the usual time and place are for new meetings.
    given.time = args.time;
    given.place = args.place.as_deref().map(nfc);
    if given == Plan::default() && args.title.is_none() && !args.edit {
        return Err(Error::MeetingExists {
            id,
            kind: args.kind,
        });
    }
    if file.meeting.record.is_some() {
        return Err(Error::refused_with(
            format!(
                "{} {id} {}",
                tr("buổi sinh hoạt", "the meeting"),
                tr(
                    "đã họp (đã có biên bản): kế hoạch của nó không đổi bằng `plan` nữa",
                    "has been held (it has a record): its plan is no longer changed by `plan`"
                )
            ),
            format!(
                "{} `cellbook edit {id}`; {}",
                tr("sửa tệp bằng", "change the file with"),
                tr(
                    "một buổi sinh hoạt khác cùng ngày: thêm --another",
                    "for another meeting that day, add --another"
                )
            ),
        ));
    }
    let mut meeting = file.meeting.clone();
    let mut changes = Vec::new();
    if let Some(title) = args.title.as_deref().map(|t| nfc(t.trim()))
        && !title.is_empty()
        && meeting.title.as_ref() != Some(&title)
    {
        let from = meeting.title.replace(title.clone());
        changes.push(plan_change::PlanChange::Title { from, to: title });
    }
    let plan = meeting.plan.get_or_insert_with(Plan::default);
    changes.extend(plan_change::merge(plan, &given));
    check_preparation_dates(plan, meeting.date)?;
    if args.edit {
        drop(lock);
        let start = crate::editor::session::Start {
            text: crate::ledger::merge::render(Some(&file.source.text), &meeting)?,
            on_disk,
            is_change: !changes.is_empty(),
        };
        return crate::editor::session::session(ctx, ledger, id, start);
    }
    if changes.is_empty() {
        return Ok(Output::text(format!(
            "{} {id}\n{id}\n",
            tr("Kế hoạch không đổi:", "The plan is unchanged:")
        )));
    }
    let updated = MeetingFile { meeting, ..file };
    save_meeting(ledger, &updated, Some(&updated.source.text))?;
    drop(lock);
    let lines: String = changes
        .iter()
        .map(|c| format!("  - {}\n", plan_change::describe(c, lang())))
        .collect();
    Ok(Output::text(crate::render::shown(format!(
        "{} {} {} {}:\n{lines}{id}\n",
        tr(
            "Đã cập nhật kế hoạch buổi sinh hoạt",
            "Updated the plan of the"
        ),
        args.kind.label(lang()),
        tr("ngày", "meeting on"),
        show_date(updated.meeting.date, lang())
    ))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::testing::example_ledger;
    use clap::Parser;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: PlanArgs,
    }

    #[test]
    fn a_second_meeting_of_a_kind_on_a_day_is_refused_as_existing() {
        let (_dir, ctx) = example_ledger();
        let line = Line::try_parse_from(["plan", "2020-09-24", "--kind", "thematic"]).unwrap();
        let err = run(&ctx, &line.args).err();
        let existing = MeetingId::parse("2020-09-24").unwrap();
        assert!(
            matches!(err, Some(Error::MeetingExists { id, kind: Kind::Thematic }) if id == existing),
            "{err:?}"
        );
    }
}
