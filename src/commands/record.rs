//! `cellbook record`: write down what happened at a meeting.

use crate::args::{parse_date, parse_time, parse_vote, text_block};
use crate::core::model::Kind;
use chrono::NaiveTime;
use clap::Args;
use std::fs;
use std::path::PathBuf;
use std::rc::Rc;

use crate::args::split_pair;
use crate::context::Context;
use crate::core::attendance::{self, AttendanceProblem};
use crate::core::dates::{self, show_date};
use crate::core::lookup::{self, MeetingRef};
use crate::core::model::{Action, Excuse, Meeting, MeetingId, Member, Record, Role, Roster};
use crate::core::names::nfc;
use crate::core::rules;
use crate::editor::session::{Start, session, with_record_hint, without_record_hint};
use crate::error::{Error, MeetingHint, Result};
use crate::i18n::{lang, tr};
use crate::ledger::meetings::{find_meeting, save_meeting};
use crate::ledger::{Ledger, MeetingEntry, MeetingFile, Source, merge};
use crate::output::Output;
use crate::prompt::{self, shell_word};
use chrono::NaiveDate;

#[derive(Debug, Clone, Args)]
pub struct RecordArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    #[arg(long, value_parser = text_block)]
    pub title: Option<String>,
    #[arg(long, value_parser = parse_time)]
    pub start: Option<NaiveTime>,
    #[arg(long, value_parser = parse_time)]
    pub end: Option<NaiveTime>,
    #[arg(long, value_name = "ID")]
    pub chair: Option<String>,
    #[arg(long, value_name = "ID")]
    pub minute_taker: Option<String>,
    /// Who came: `all` (every counted member not listed as absent) or ID,ID,...
    #[arg(long, value_name = "all|ID,ID...")]
    pub present: Vec<String>,
    /// Absent with a reason: ID=REASON (repeatable)
    #[arg(long = "excused", value_name = "ID=REASON", value_parser = text_block)]
    pub excused: Vec<String>,
    /// Absent without a reason (repeatable, or ID,ID...)
    #[arg(long = "unexcused", value_name = "ID")]
    pub unexcused: Vec<String>,
    /// Who spoke: `all` (everyone present) or ID,ID,...
    #[arg(long, value_name = "all|ID,ID...")]
    pub spoke: Vec<String>,
    /// A guest (repeatable)
    #[arg(long = "guest", value_name = "TEXT", value_parser = text_block)]
    pub guests: Vec<String>,
    /// Current events or new directives passed on (repeatable)
    #[arg(long = "news", value_name = "TEXT", value_parser = text_block)]
    pub news: Vec<String>,
    /// The vote on the resolution: FOR/AGAINST/ABSTAIN, e.g. 9/0/0
    #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
    pub vote: Option<String>,
    /// The proceedings
    #[arg(long, conflicts_with = "minutes_file", value_parser = text_block)]
    pub minutes: Option<String>,
    /// Read the proceedings from a file
    #[arg(long, value_name = "FILE")]
    pub minutes_file: Option<PathBuf>,
    #[arg(long, value_parser = text_block)]
    pub conclusion: Option<String>,
    /// Date the finished minutes, resolution and tasks were posted for the members (e.g. on the app)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub posted: Option<NaiveDate>,
    /// A task assigned: "ID=TASK[@DUE]" (repeatable)
    #[arg(long = "action", value_name = "ID=TASK[@DUE]", value_parser = text_block)]
    pub actions: Vec<String>,
    /// Review the record in $VISUAL/$EDITOR before it is saved (attendance may be filled in there)
    #[arg(long)]
    pub edit: bool,
}

pub fn run(ctx: &Context, args: &RecordArgs) -> Result<Output> {
    if args.edit {
        return edit(ctx, args);
    }
    match interview(ctx, args)? {
        // Whatever stops the command after the interview (the lock, a refusal, a full disk),
        // the answers are not lost: the error carries the command line that gives them.
        Some(asked) => record(ctx, &asked).map_err(|cause| Error::AnswersKept {
            cause: Box::new(cause),
            again: command_line(&asked),
        }),
        None => record(ctx, args),
    }
}

/// The command line that records what `args` says, every answer of the interview a flag.
fn command_line(args: &RecordArgs) -> String {
    let mut words = vec![
        "cellbook".to_owned(),
        "record".to_owned(),
        shell_word(&args.meeting),
    ];
    let mut flag = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            words.push(format!("--{name}"));
            words.push(shell_word(&v));
        }
    };
    flag("kind", args.kind.map(|k| k.key().to_owned()));
    flag("title", args.title.clone());
    flag("start", args.start.map(dates::show_time));
    flag("end", args.end.map(dates::show_time));
    flag("chair", args.chair.clone());
    flag("minute-taker", args.minute_taker.clone());
    flag("present", joined(&args.present));
    for (name, list) in [
        ("excused", &args.excused),
        ("unexcused", &args.unexcused),
        ("guest", &args.guests),
        ("news", &args.news),
        ("action", &args.actions),
    ] {
        for v in list {
            flag(name, Some(v.clone()));
        }
    }
    flag("spoke", joined(&args.spoke));
    flag("vote", args.vote.clone());
    flag("minutes", args.minutes.clone());
    flag(
        "minutes-file",
        args.minutes_file.as_ref().map(|p| p.display().to_string()),
    );
    flag("conclusion", args.conclusion.clone());
    flag("posted", args.posted.map(|d| d.to_string()));
    words.join(" ")
}

/// `args` recorded under the lock.
fn record(ctx: &Context, args: &RecordArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let (mut file, original) = target(&ledger, args, ctx.today)?;
    apply(&ledger, &mut file.meeting, args)?;
    // A rated meeting's rating follows its record, or the change is refused.
    let rerated = crate::rating::rerate(&ledger, &mut file)?;
    // The record is written: the commented template an edit left for it goes.
    let original = original.as_deref().map(without_record_hint);
    save_meeting(&ledger, &file, original.as_deref())?;
    let rec = file.meeting.record.as_ref();
    let att = rec
        .map(|r| attendance::attendance(&ledger.roster, file.meeting.date, r))
        .unwrap_or_default();
    let out = format!(
        "{} {} ({}): {} {}/{}{}\n",
        tr("Đã ghi biên bản buổi sinh hoạt", "Recorded the meeting of"),
        show_date(file.meeting.date, lang()),
        file.id,
        tr("có mặt", "present"),
        att.present,
        att.counted,
        att.rate
            .map(|r| format!(" ({})", crate::core::text::percent(r, lang())))
            .unwrap_or_default()
    ) + &crate::rating::rerated_line(rerated);
    Ok(Output::text(crate::render::shown(out)))
}

/// `record --edit`: apply the flags given, then let the person finish the record in the
/// editor; the editor replaces the attendance interview. Closing the editor on the flags'
/// result saves it, as `record` without `--edit` would.
fn edit(ctx: &Context, args: &RecordArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let found = find_target(&ledger, args, ctx.today)?;
    // The bytes on disk before the meeting is read (and normalised): any change after this
    // one is seen when the edit is saved, and a BOM or NFD text is no change.
    let on_disk = match &found {
        Found::Existing(entry) => crate::editor::session::on_disk(&ledger, entry)?,
        Found::New(_) => None,
    };
    let (mut file, original) = load_target(&ledger, found, args)?;
    let before = file.meeting.clone();
    apply(&ledger, &mut file.meeting, args)?;
    // `apply` gives every meeting a record; an empty one alone is not a change to save.
    let mut compared = file.meeting.clone();
    if before.record.is_none() && compared.record.as_ref() == Some(&Record::default()) {
        compared.record = None;
    }
    let text = merge::render(original.as_deref(), &file.meeting)?;
    let start = Start {
        text: with_record_hint(&ledger, &text, file.meeting.date),
        on_disk,
        is_change: compared != before,
    };
    session(ctx, &ledger, file.id, start)
}

/// The meeting a command names: one with a file, or the id a new one takes.
enum Found {
    Existing(MeetingEntry),
    New(MeetingId),
}

/// The meeting to record, refused when it is dated after today: a meeting is recorded once
/// it is held, never before (it is planned with `plan`).
fn find_target(ledger: &Ledger, args: &RecordArgs, today: NaiveDate) -> Result<Found> {
    let r = MeetingRef::parse(&args.meeting)?;
    let found = match find_meeting(ledger, r, today)? {
        Some(entry) => Found::Existing(entry),
        None => match r {
            MeetingRef::Id(id) => Found::New(id),
            MeetingRef::Date(date) => Found::New(MeetingId::new(date, 1)),
            MeetingRef::Last | MeetingRef::Next => {
                return Err(Error::UnknownMeeting {
                    reference: args.meeting.clone(),
                    next_step: MeetingHint::RecordByDate,
                });
            }
        },
    };
    let date = match &found {
        Found::Existing(entry) => entry.id.date,
        Found::New(id) => id.date,
    };
    if date > today {
        return Err(not_held_yet(date, today));
    }
    Ok(found)
}

/// The refusal of a record dated after today.
fn not_held_yet(date: NaiveDate, today: NaiveDate) -> Error {
    Error::refused_with(
        format!(
            "{} {} {} ({} {})",
            tr("buổi sinh hoạt ngày", "the meeting of"),
            show_date(date, lang()),
            tr(
                "chưa diễn ra nên chưa thể ghi biên bản",
                "has not been held yet, so it cannot be recorded"
            ),
            tr("hôm nay là", "today is"),
            show_date(today, lang())
        ),
        tr(
            "ghi biên bản vào ngày sinh hoạt hoặc sau đó; trước đó, lập kế hoạch bằng `cellbook plan`",
            "record it on or after its date; until then, plan it with `cellbook plan`",
        ),
    )
}

/// The meeting the command names, read from its file, or a new one for a date with none.
fn target(
    ledger: &Ledger,
    args: &RecordArgs,
    today: NaiveDate,
) -> Result<(MeetingFile, Option<String>)> {
    let found = find_target(ledger, args, today)?;
    load_target(ledger, found, args)
}

/// The meeting found, with its file's text (as read), or a new meeting.
fn load_target(
    ledger: &Ledger,
    found: Found,
    args: &RecordArgs,
) -> Result<(MeetingFile, Option<String>)> {
    let id = match found {
        Found::Existing(entry) => {
            let file = ledger.load_meeting(&entry)?;
            let original = file.source.text.clone();
            return Ok((file, Some(original)));
        }
        Found::New(id) => id,
    };
    let meeting = Meeting::new(id.date, args.kind.unwrap_or_default());
    let source = Source {
        path: ledger.meeting_path(id),
        text: String::new(),
    };
    Ok((
        MeetingFile {
            id,
            source,
            meeting,
        },
        None,
    ))
}

/// A meeting recorded without attendance is incomplete: on a terminal, ask for it (with the
/// other facts of the meeting); elsewhere, name the missing flag. `None` when nothing is missing.
fn interview(ctx: &Context, args: &RecordArgs) -> Result<Option<RecordArgs>> {
    if !args.present.is_empty() || !args.excused.is_empty() || !args.unexcused.is_empty() {
        return Ok(None);
    }
    let ledger = ctx.open()?;
    let (file, _) = target(&ledger, args, ctx.today)?;
    let m = &file.meeting;
    if m.record.as_ref().is_some_and(Record::has_attendance) {
        return Ok(None);
    }
    if !prompt::interactive() {
        return Err(prompt::missing("--present"));
    }
    let date = m.date;
    let rec = m.record.clone().unwrap_or_default();
    let mut asked = args.clone();
    let roll: Vec<&Member> = attendance::roll(&ledger.roster, date).collect();
    // Every answer is checked as it is typed, with the rules `apply` refuses by: a wrong one
    // is asked again, never the end of the interview.
    let roster = Rc::new(ledger.roster.clone());
    ask_times(&mut asked, &rec, m.plan.as_ref().and_then(|p| p.time))?;
    ask_roles(&mut asked, &rec, &roll, &roster, date)?;
    ask_attendance(&mut asked, &roll, date)?;
    if asked.vote.is_none() {
        let mut voters = rec.clone();
        voters.present = joined(&asked.present)
            .as_deref()
            .map(|p| members_on_roll(&roster, date, p))
            .transpose()?
            .unwrap_or_default();
        let roster = Rc::clone(&roster);
        let vote = prompt::text_checked(
            tr(
                "Biểu quyết TÁN-THÀNH/KHÔNG/KHÁC (để trống nếu không)",
                "Vote FOR/AGAINST/ABSTAIN (empty if none)",
            ),
            None,
            move |s| {
                if s.trim().is_empty() {
                    return Ok(());
                }
                let mut rec = voters.clone();
                rec.vote = Some(parse_vote(s).map_err(|e| prompt::one_line(&e))?);
                refuse_too_many_votes(&roster, date, &rec).map_err(|e| prompt::one_line(&e))
            },
        )?;
        asked.vote = Some(vote).filter(|v| !v.trim().is_empty());
    }
    Ok(Some(asked))
}

/// Ask for the start and end times (the planned time offered) unless given; an end that is
/// not after the start is asked again.
fn ask_times(asked: &mut RecordArgs, rec: &Record, planned: Option<NaiveTime>) -> Result<()> {
    if asked.start.is_none() {
        asked.start = prompt::time(
            tr("Giờ bắt đầu (HH:MM)", "Start time (HH:MM)"),
            rec.start.or(planned),
        )?;
    }
    if asked.end.is_none() {
        let start = asked.start.or(rec.start);
        asked.end = prompt::time_checked(
            tr("Giờ kết thúc (HH:MM)", "End time (HH:MM)"),
            rec.end,
            move |end| {
                let rec = Record {
                    start,
                    end,
                    ..Record::default()
                };
                // The words alone: the hint is about the command line's flags.
                refuse_end_before_start(&rec)
                    .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_owned())
            },
        )?;
    }
    Ok(())
}

/// Ask for the chair (the secretary offered) and the minute-taker (the deputy offered), unless
/// given; a name or id of nobody on the roll is asked again.
fn ask_roles(
    asked: &mut RecordArgs,
    rec: &Record,
    roll: &[&Member],
    roster: &Rc<Roster>,
    date: NaiveDate,
) -> Result<()> {
    let by_role = |role: Role| roll.iter().find(|x| x.role == role).map(|x| x.id.clone());
    let on_roll = |roster: Rc<Roster>| {
        move |s: &str| {
            if s.trim().is_empty() {
                return Ok(());
            }
            member_on_roll(&roster, date, s)
                .map(drop)
                .map_err(|e| prompt::one_line(&e))
        }
    };
    if asked.chair.is_none() {
        let default = rec.chair.clone().or_else(|| by_role(Role::Secretary));
        asked.chair = Some(prompt::text_checked(
            tr("Chủ trì (mã hoặc tên)", "Chair (id or name)"),
            default.as_deref(),
            on_roll(Rc::clone(roster)),
        )?)
        .filter(|c| !c.trim().is_empty());
    }
    if asked.minute_taker.is_none() {
        let default = rec.minute_taker.clone().or_else(|| by_role(Role::Deputy));
        asked.minute_taker = Some(prompt::text_checked(
            tr("Thư ký (mã hoặc tên)", "Minute-taker (id or name)"),
            default.as_deref(),
            on_roll(Rc::clone(roster)),
        )?)
        .filter(|c| !c.trim().is_empty());
    }
    Ok(())
}

/// Ask who came, why each absent member was absent, and who spoke.
fn ask_attendance(asked: &mut RecordArgs, roll: &[&Member], date: NaiveDate) -> Result<()> {
    let choice = |x: &Member| prompt::Choice {
        id: x.id.clone(),
        name: x.name.clone(),
    };
    // Everyone expected is ticked; exempted members are offered, unticked, in case they came.
    let expected: Vec<&Member> = roll
        .iter()
        .copied()
        .filter(|x| x.exemption_on(date).is_none())
        .collect();
    let exempted: Vec<&Member> = roll
        .iter()
        .copied()
        .filter(|x| x.exemption_on(date).is_some())
        .collect();
    let options: Vec<prompt::Choice> = expected
        .iter()
        .chain(&exempted)
        .map(|x| choice(x))
        .collect();
    let ticked: Vec<usize> = (0..expected.len()).collect();
    let present = prompt::checklist(tr("Có mặt", "Present"), options, &ticked)?;
    let present_ids: Vec<String> = present.iter().map(|c| c.id.clone()).collect();
    for x in expected.iter().filter(|x| !present_ids.contains(&x.id)) {
        let reason = prompt::text_checked(
            &format!(
                "{} {}: {}",
                crate::core::text::visible(&x.name),
                tr("vắng", "absent"),
                tr(
                    "lý do (để trống nếu không có lý do)",
                    "reason (empty if none)"
                )
            ),
            None,
            |s| crate::args::refuse_hidden(s, false),
        )?;
        if reason.trim().is_empty() {
            asked.unexcused.push(x.id.clone());
        } else {
            asked.excused.push(format!("{}={}", x.id, reason.trim()));
        }
    }
    asked.present = vec![present_ids.join(",")];
    if asked.spoke.is_empty() {
        let spoke = prompt::checklist(tr("Phát biểu", "Spoke"), present, &[])?;
        if !spoke.is_empty() {
            asked.spoke = vec![
                spoke
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            ];
        }
    }
    Ok(())
}

/// Apply the flags to the meeting, refusing anything that would make the record inconsistent.
fn apply(ledger: &Ledger, meeting: &mut Meeting, args: &RecordArgs) -> Result<()> {
    let date = meeting.date;
    let roster = &ledger.roster;
    if let Some(kind) = args.kind {
        meeting.kind = kind;
    }
    if let Some(title) = &args.title {
        meeting.title = Some(nfc(title));
    }
    let rec = meeting.record.get_or_insert_with(Record::default);
    apply_times(rec, args)?;
    apply_people(roster, date, rec, args)?;
    apply_texts(rec, args)?;
    apply_posted(rec, date, args)?;
    apply_actions(roster, date, rec, args)?;
    refuse_broken_rules(roster, date, rec)
}

/// The id of the member `query` names, refusing one who is not on the roll on `date`.
fn member_on_roll(roster: &Roster, date: NaiveDate, query: &str) -> Result<String> {
    let m = lookup::member(roster, query, Some(date))?;
    if !m.on_roll(date) {
        return Err(Error::refused_with(
            format!(
                "{} ({}) {} {}",
                m.name,
                m.id,
                tr(
                    "không có trong danh sách chi bộ ngày",
                    "is not on the roll on"
                ),
                show_date(date, lang())
            ),
            tr(
                "kiểm tra ngày vào/ngày rời trong members.toml",
                "check the joined/left dates in members.toml",
            ),
        ));
    }
    Ok(m.id.clone())
}

/// `--start` and `--end`, refused when the meeting would end before it starts.
fn apply_times(rec: &mut Record, args: &RecordArgs) -> Result<()> {
    if let Some(t) = args.start {
        rec.start = Some(t);
    }
    if let Some(t) = args.end {
        rec.end = Some(t);
    }
    refuse_end_before_start(rec)
}

/// The record's end must come after its start (the core's rule).
fn refuse_end_before_start(rec: &Record) -> Result<()> {
    // No minimum length here (0): a short meeting is a warning of `check`, not a refusal.
    let ends_too_early =
        rules::times(rec, 0).is_some_and(|f| f.problem == rules::RecordProblem::EndNotAfterStart);
    if let (true, Some(start), Some(end)) = (ends_too_early, rec.start, rec.end) {
        return Err(Error::refused_with(
            format!(
                "{} {} {} {}",
                tr("giờ kết thúc", "the end time"),
                dates::show_time(end),
                tr("không sau giờ bắt đầu", "is not after the start time"),
                dates::show_time(start)
            ),
            tr(
                "ghi giờ theo dạng 24 giờ, ví dụ --start 14:00 --end 15:45",
                "write times on the 24-hour clock, e.g. --start 14:00 --end 15:45",
            ),
        ));
    }
    Ok(())
}

/// The ids of a comma-separated list of members, each on the roll.
fn members_on_roll(roster: &Roster, date: NaiveDate, list: &str) -> Result<Vec<String>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|q| member_on_roll(roster, date, q))
        .collect()
}

/// `--chair`, `--minute-taker`, the attendance lists and `--spoke`.
fn apply_people(
    roster: &Roster,
    date: NaiveDate,
    rec: &mut Record,
    args: &RecordArgs,
) -> Result<()> {
    let who = |q: &str| member_on_roll(roster, date, q);
    if let Some(c) = &args.chair {
        rec.chair = Some(who(c)?);
    }
    if let Some(c) = &args.minute_taker {
        rec.minute_taker = Some(who(c)?);
    }
    if !args.excused.is_empty() {
        rec.excused.clear();
        for e in &args.excused {
            let (m, reason) = split_pair(e, "--excused", "ID=REASON")?;
            rec.excused.push(Excuse {
                member: who(m)?,
                reason: nfc(reason),
            });
        }
    }
    if !args.unexcused.is_empty() {
        rec.unexcused.clear();
        for u in &args.unexcused {
            rec.unexcused.extend(members_on_roll(roster, date, u)?);
        }
    }
    if let Some(p) = people(roster, date, &args.present, || {
        everyone_expected(roster, date, rec)
    })? {
        rec.present = p;
    }
    if let Some(s) = people(roster, date, &args.spoke, || rec.present.clone())? {
        rec.speakers = s;
    }
    Ok(())
}

/// `--present` or `--spoke` as typed, each repeatable: members (ids or names) separated by
/// commas, where `all` stands for `everyone` and the members named are added to them, each
/// once: `--present all,sau` and `--present all --present sau` are everyone counted and an
/// exempted member who came. `None` when the flag was not given.
fn people(
    roster: &Roster,
    date: NaiveDate,
    typed: &[String],
    everyone: impl FnOnce() -> Vec<String>,
) -> Result<Option<Vec<String>>> {
    if typed.is_empty() {
        return Ok(None);
    }
    let words = typed.iter().flat_map(|t| t.split(',')).map(str::trim);
    let mut all = false;
    let mut named = Vec::new();
    for word in words.filter(|w| !w.is_empty()) {
        if word.eq_ignore_ascii_case("all") {
            all = true;
        } else {
            named.push(member_on_roll(roster, date, word)?);
        }
    }
    let mut ids = if all { everyone() } else { Vec::new() };
    for id in named {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(Some(ids))
}

/// A repeated flag's values as the one comma-separated list they add up to.
fn joined(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join(","))
}

/// `--present all`: everyone on the roll who is neither exempted nor listed absent.
fn everyone_expected(roster: &Roster, date: NaiveDate, rec: &Record) -> Vec<String> {
    let absent: Vec<&String> = rec
        .excused
        .iter()
        .map(|e| &e.member)
        .chain(rec.unexcused.iter())
        .collect();
    attendance::roll(roster, date)
        .filter(|m| m.exemption_on(date).is_none() && !absent.contains(&&m.id))
        .map(|m| m.id.clone())
        .collect()
}

/// Guests, news, minutes, conclusion and the vote.
fn apply_texts(rec: &mut Record, args: &RecordArgs) -> Result<()> {
    for g in &args.guests {
        rec.guests.push(nfc(g));
    }
    for n in &args.news {
        rec.news.push(nfc(n));
    }
    if let Some(m) = &args.minutes {
        rec.minutes = Some(nfc(m));
    }
    if let Some(path) = &args.minutes_file {
        let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        crate::args::refuse_hidden(&text, true)
            .map_err(|e| Error::Usage(format!("--minutes-file {}: {e}", path.display())))?;
        rec.minutes = Some(nfc(&text));
    }
    if let Some(c) = &args.conclusion {
        rec.conclusion = Some(nfc(c));
    }
    if let Some(v) = &args.vote {
        rec.vote = Some(parse_vote(v)?);
    }
    Ok(())
}

/// `--posted DATE`: documents finished at the meeting are posted on or after its date.
fn apply_posted(rec: &mut Record, date: NaiveDate, args: &RecordArgs) -> Result<()> {
    let Some(posted) = args.posted else {
        return Ok(());
    };
    if posted < date {
        return Err(Error::refused_with(
            format!(
                "--posted {posted}: {} ({})",
                tr(
                    "văn bản hoàn chỉnh không thể đăng trước buổi sinh hoạt",
                    "the finished documents cannot be posted before the meeting"
                ),
                show_date(date, lang())
            ),
            tr(
                "ghi ngày đăng từ ngày sinh hoạt trở đi",
                "give a date on or after the meeting",
            ),
        ));
    }
    rec.posted = Some(posted);
    Ok(())
}

/// `--action ID=TASK[@DUE]`: a new action with the next free number.
fn apply_actions(
    roster: &Roster,
    date: NaiveDate,
    rec: &mut Record,
    args: &RecordArgs,
) -> Result<()> {
    for a in &args.actions {
        let (m, rest) = split_pair(a, "--action", "ID=TASK[@DUE]")?;
        let (task, due) = crate::args::task_and_due(rest)?;
        if let Some(due) = due
            && due < date
        {
            return Err(Error::refused(format!(
                "--action '{a}': {} {}",
                tr(
                    "hạn trước ngày sinh hoạt",
                    "is due before the meeting's date"
                ),
                show_date(date, lang())
            )));
        }
        let id = rec
            .actions
            .iter()
            .map(|a| a.id)
            .max()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| Error::refused(tr("hết số cho việc mới", "no action number is left")))?;
        rec.actions.push(Action {
            id,
            member: member_on_roll(roster, date, m)?,
            task: nfc(task),
            due,
            done: None,
        });
    }
    Ok(())
}

/// The record as a whole must add up: the core's attendance, speaker and vote rules (the ones
/// `check` reports), each refused with the flag to fix.
fn refuse_broken_rules(roster: &Roster, date: NaiveDate, rec: &Record) -> Result<()> {
    if rec.has_attendance() {
        let problems = attendance::check(roster, date, rec);
        if !problems.is_empty() {
            let lines: Vec<String> = problems.iter().map(describe_problem).collect();
            return Err(Error::refused_with(
                format!(
                    "{}:\n  {}",
                    tr("điểm danh không khớp", "attendance does not add up"),
                    lines.join("\n  ")
                ),
                tr(
                    "mỗi đảng viên được tính phải có tên đúng một lần trong --present, --excused hoặc --unexcused",
                    "every counted member must be in exactly one of --present, --excused, --unexcused",
                ),
            ));
        }
    }
    if let Some(found) = rules::speakers_present(rec).into_iter().next()
        && let rules::RecordProblem::SpokeNotPresent { member } = found.problem
    {
        return Err(Error::refused_with(
            format!(
                "{member} {}",
                tr(
                    "phát biểu nhưng không có mặt",
                    "spoke but is not listed present"
                )
            ),
            tr(
                "người phát biểu phải có trong --present",
                "speakers must be present",
            ),
        ));
    }
    refuse_too_many_votes(roster, date, rec)
}

/// No more votes than full members present (the core's rule).
fn refuse_too_many_votes(roster: &Roster, date: NaiveDate, rec: &Record) -> Result<()> {
    if let Some(found) = rules::votes(roster, date, rec)
        && let rules::RecordProblem::TooManyVotes { cast, present, .. } = found.problem
    {
        return Err(Error::refused_with(
            format!(
                "{cast} {} {present} {}",
                tr("phiếu nhưng chỉ có", "votes, but only"),
                tr("đảng viên chính thức có mặt", "full members are present")
            ),
            tr(
                "chỉ đảng viên chính thức có mặt mới biểu quyết; đảng viên dự bị không biểu quyết",
                "only full members who are present vote; probationary members do not",
            ),
        ));
    }
    Ok(())
}

pub fn describe_problem(p: &AttendanceProblem) -> String {
    match p {
        AttendanceProblem::Missing { member } => format!(
            "{member}: {}",
            tr("không có trong danh sách nào", "is in none of the lists")
        ),
        AttendanceProblem::Doubled { member, first, at } => {
            // English names the lists by their keys; Vietnamese says them in words.
            let list = |l: crate::core::attendance::List| {
                let words = match l {
                    crate::core::attendance::List::Present => "có mặt",
                    crate::core::attendance::List::Excused => "vắng có lý do",
                    crate::core::attendance::List::Unexcused => "vắng không lý do",
                };
                match lang() {
                    crate::i18n::Lang::Vi => format!("{words} (--{})", l.key()),
                    crate::i18n::Lang::En => l.key().to_owned(),
                }
            };
            format!(
                "{member}: {} {} {} {}",
                tr("có tên ở", "is in"),
                list(*first),
                tr("và cả", "and also in"),
                list(at.0)
            )
        }
        AttendanceProblem::Unknown { member, .. } => format!(
            "{member}: {}",
            tr("không phải đảng viên của chi bộ", "is not a member")
        ),
        AttendanceProblem::NotOnRoll { member, .. } => format!(
            "{member}: {}",
            tr(
                "không có trong danh sách vào ngày này",
                "is not on the roll that day"
            )
        ),
    }
}
