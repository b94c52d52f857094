//! `cellbook record`: write down what happened at a meeting.

use std::fs;

use crate::attendance::{self, AttendanceProblem};
use crate::cli::RecordArgs;
use crate::commands::plan::split_pair;
use crate::commands::{Context, Output, find_meeting, save_meeting};
use crate::dates::{self, show_date};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::{Ledger, MeetingFile, Source};
use crate::lookup::{self, MeetingRef};
use crate::model::{Action, Excuse, Meeting, MeetingId, Record, Vote};
use crate::names::nfc;

pub fn run(ctx: &Context, args: &RecordArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let r = MeetingRef::parse(&args.meeting)?;
    let (mut file, original) = match find_meeting(&ledger, r, ctx.today)? {
        Some(entry) => {
            let file = ledger.load_meeting(&entry)?;
            let original = file.source.text.clone();
            (file, Some(original))
        }
        None => {
            let id = match r {
                MeetingRef::Id(id) => id,
                MeetingRef::Date(date) => MeetingId::new(date, 1),
                MeetingRef::Last | MeetingRef::Next => {
                    return Err(Error::refused_with(
                        format!(
                            "{} '{}'",
                            tr("không có cuộc họp", "there is no meeting"),
                            args.meeting
                        ),
                        tr(
                            "ghi cuộc họp theo ngày, ví dụ `cellbook record 2020-07-09`",
                            "record a meeting by its date, e.g. `cellbook record 2020-07-09`",
                        ),
                    ));
                }
            };
            let meeting = Meeting::new(id.date, args.kind.unwrap_or_default());
            let path = ledger.meeting_path(id);
            (
                MeetingFile {
                    id,
                    source: Source {
                        path,
                        text: String::new(),
                    },
                    meeting,
                },
                None,
            )
        }
    };
    let mut warnings = Vec::new();
    apply(&ledger, &mut file.meeting, args, &mut warnings)?;
    save_meeting(&ledger, &file, original.as_deref())?;
    let rec = file.meeting.record.as_ref();
    let att = rec
        .map(|r| attendance::attendance(&ledger.roster, file.meeting.date, r))
        .unwrap_or_default();
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!("{}: {w}\n", tr("cảnh báo", "warning")));
    }
    out.push_str(&format!(
        "{} {} ({}): {} {}/{}{}\n",
        tr("Đã ghi biên bản cuộc họp", "Recorded the meeting of"),
        show_date(file.meeting.date, lang()),
        file.id,
        tr("có mặt", "present"),
        att.present,
        att.counted,
        att.rate
            .map(|r| format!(" ({:.0}%)", r * 100.0))
            .unwrap_or_default()
    ));
    Ok(Output::text(out))
}

/// Apply the flags to the meeting, refusing anything that would make the record inconsistent.
fn apply(
    ledger: &Ledger,
    meeting: &mut Meeting,
    args: &RecordArgs,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let date = meeting.date;
    let roster = &ledger.roster;
    let who = |q: &str| -> Result<String> {
        let m = lookup::member(roster, q, Some(date))?;
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
    };
    if let Some(kind) = args.kind {
        meeting.kind = kind;
    }
    if let Some(title) = &args.title {
        meeting.title = Some(nfc(title));
    }
    let rec = meeting.record.get_or_insert_with(Record::default);
    if let Some(t) = args.start {
        rec.start = Some(t);
    }
    if let Some(t) = args.end {
        rec.end = Some(t);
    }
    if let (Some(start), Some(end)) = (rec.start, rec.end)
        && dates::minutes_between(start, end).is_none()
    {
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
    if let Some(c) = &args.chair {
        rec.chair = Some(who(c)?);
    }
    if let Some(c) = &args.minute_taker {
        rec.minute_taker = Some(who(c)?);
    }
    let attendance_given =
        args.present.is_some() || !args.excused.is_empty() || !args.unexcused.is_empty();
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
        for u in args
            .unexcused
            .iter()
            .flat_map(|u| u.split(','))
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            rec.unexcused.push(who(u)?);
        }
    }
    if let Some(p) = &args.present {
        rec.present = if p.trim().eq_ignore_ascii_case("all") {
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
        } else {
            p.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(who)
                .collect::<Result<_>>()?
        };
    }
    if let Some(s) = &args.spoke {
        rec.speakers = if s.trim().eq_ignore_ascii_case("all") {
            rec.present.clone()
        } else {
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(who)
                .collect::<Result<_>>()?
        };
    }
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
        rec.minutes = Some(nfc(&text));
    }
    if let Some(c) = &args.conclusion {
        rec.conclusion = Some(nfc(c));
    }
    if let Some(v) = &args.vote {
        rec.vote = Some(parse_vote(v)?);
    }
    for a in &args.actions {
        let (m, rest) = split_pair(a, "--action", "ID=TASK[@DUE]")?;
        let (task, due) = match rest.rsplit_once('@') {
            Some((task, due)) if dates::parse_date(due).is_ok() => {
                (task.trim(), dates::parse_date(due).ok())
            }
            _ => (rest, None),
        };
        if let Some(due) = due
            && due < date
        {
            return Err(Error::refused(format!(
                "--action '{a}': {} {}",
                tr("hạn trước ngày họp", "is due before the meeting's date"),
                show_date(date, lang())
            )));
        }
        let id = rec.actions.iter().map(|a| a.id).max().unwrap_or(0) + 1;
        rec.actions.push(Action {
            id,
            member: who(m)?,
            task: nfc(task),
            due,
            done: None,
        });
    }

    // The record as a whole must add up.
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
    } else if !attendance_given {
        warnings.push(
            tr(
                "chưa ghi điểm danh (--present)",
                "attendance not recorded yet (--present)",
            )
            .to_owned(),
        );
    }
    for s in &rec.speakers {
        if !rec.present.contains(s) {
            return Err(Error::refused_with(
                format!(
                    "{s} {}",
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
    }
    if let Some(v) = rec.vote {
        let voters = attendance::present_voters(roster, date, rec);
        let cast = v.in_favour + v.against + v.abstain;
        if cast > voters {
            return Err(Error::refused_with(
                format!(
                    "{cast} {} {voters} {}",
                    tr("phiếu nhưng chỉ có", "votes, but only"),
                    tr("đảng viên chính thức có mặt", "full members are present")
                ),
                tr(
                    "chỉ đảng viên chính thức có mặt mới biểu quyết; đảng viên dự bị không biểu quyết",
                    "only full members who are present vote; probationary members do not",
                ),
            ));
        }
    }
    Ok(())
}

fn parse_vote(s: &str) -> Result<Vote> {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    let bad = || {
        Error::Usage(format!(
            "--vote '{s}': {}",
            tr(
                "cần có dạng TÁN-THÀNH/KHÔNG/Ý-KIẾN-KHÁC, ví dụ 9/0/0",
                "must be FOR/AGAINST/ABSTAIN, e.g. 9/0/0"
            )
        ))
    };
    let n = |p: &&str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [f] => Ok(Vote {
            in_favour: n(f)?,
            against: 0,
            abstain: 0,
        }),
        [f, a] => Ok(Vote {
            in_favour: n(f)?,
            against: n(a)?,
            abstain: 0,
        }),
        [f, a, b] => Ok(Vote {
            in_favour: n(f)?,
            against: n(a)?,
            abstain: n(b)?,
        }),
        _ => Err(bad()),
    }
}

pub fn describe_problem(p: &AttendanceProblem) -> String {
    match p {
        AttendanceProblem::Missing { member } => format!(
            "{member}: {}",
            tr("không có trong danh sách nào", "is in none of the lists")
        ),
        AttendanceProblem::Doubled { member, first, at } => {
            format!(
                "{member}: {} {} {} {}",
                tr("có trong", "is in"),
                first.key(),
                tr("và cả", "and also in"),
                at.0.key()
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
