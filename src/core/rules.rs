//! The rules a meeting file must keep, written once: `check` and `edit` report every broken
//! rule as a located diagnostic, `record` refuses a change that breaks one. Each rule returns
//! typed [`RecordProblem`]s with the path of the value it objects to; finding that path in the
//! TOML text is the shell's work.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::core::attendance::{self, AttendanceProblem, List};
use crate::core::lang::Lang;
use crate::core::model::{Meeting, MeetingId, Record, Roster};
use crate::core::problem::{Code, Seg};

/// A path into a meeting file, as the rules name the value they object to.
pub type Path = Vec<Seg<'static>>;

/// One broken rule of a meeting file, with what its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// E020: `date` is not the date the file is named after.
    DateNotFileName { file_id: MeetingId },
    /// E025: documents sent, or the committee met, after the meeting.
    PreparationAfterMeeting,
    /// E034: a record without `present`, `excused` or `unexcused`.
    NoAttendance,
    /// E030, E031, E010, E032: the attendance lists do not add up.
    Attendance(AttendanceProblem),
    /// E033: a speaker who is not in `present`.
    SpokeNotPresent { member: String },
    /// E024: `end` not after `start`.
    EndNotAfterStart,
    /// W001: shorter than `[meetings] min_minutes`.
    TooShort { minutes: i64, required: u32 },
    /// E061: an action id of 0, or one used twice in the meeting.
    DuplicateActionId { id: u32 },
    /// E023: an action done before the meeting that set it.
    DoneBeforeSet,
    /// E026: an action due before the meeting that set it.
    DueBeforeSet,
    /// E027: the finished documents posted before the meeting was held.
    PostedBeforeMeeting,
    /// W002: an open action past its due date.
    Overdue {
        meeting: MeetingId,
        id: u32,
        task: String,
    },
    /// E040: more votes than voters. `counted` are the full members counted, `present` those
    /// present; the message names whichever the votes exceed first.
    TooManyVotes {
        cast: u64,
        counted: u32,
        present: u32,
    },
    /// E010: an id no member has.
    UnknownMember { id: String },
    /// E032: a member who is not on the roll on the meeting's date.
    NotOnRoll { id: String, name: String },
}

/// A broken rule and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub problem: RecordProblem,
    pub at: Path,
}

fn found(problem: RecordProblem, at: Path) -> Found {
    Found { problem, at }
}

impl RecordProblem {
    pub fn code(&self) -> Code {
        match self {
            RecordProblem::DateNotFileName { .. } => Code::E020,
            RecordProblem::PreparationAfterMeeting => Code::E025,
            RecordProblem::NoAttendance => Code::E034,
            RecordProblem::Attendance(p) => match p {
                AttendanceProblem::Missing { .. } => Code::E030,
                AttendanceProblem::Doubled { .. } => Code::E031,
                AttendanceProblem::Unknown { .. } => Code::E010,
                AttendanceProblem::NotOnRoll { .. } => Code::E032,
            },
            RecordProblem::SpokeNotPresent { .. } => Code::E033,
            RecordProblem::EndNotAfterStart => Code::E024,
            RecordProblem::TooShort { .. } => Code::W001,
            RecordProblem::DuplicateActionId { .. } => Code::E061,
            RecordProblem::DoneBeforeSet => Code::E023,
            RecordProblem::DueBeforeSet => Code::E026,
            RecordProblem::PostedBeforeMeeting => Code::E027,
            RecordProblem::Overdue { .. } => Code::W002,
            RecordProblem::TooManyVotes { .. } => Code::E040,
            RecordProblem::UnknownMember { .. } => Code::E010,
            RecordProblem::NotOnRoll { .. } => Code::E032,
        }
    }

    /// The check it is reported under: its code's, but a member off the roll in the
    /// attendance lists is an attendance problem.
    pub fn check(&self) -> &'static str {
        match self {
            RecordProblem::Attendance(AttendanceProblem::NotOnRoll { .. }) => "attendance",
            p => p.code().check(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let t = |vi, en| lang.pick(vi, en);
        match self {
            RecordProblem::DateNotFileName { file_id } => format!(
                "{} {file_id}",
                t(
                    "ngày không khớp tên tệp",
                    "the date does not match the file name"
                )
            ),
            RecordProblem::PreparationAfterMeeting => t(
                "ngày chuẩn bị sau ngày sinh hoạt",
                "a preparation date after the meeting",
            )
            .to_owned(),
            RecordProblem::NoAttendance => t(
                "buổi sinh hoạt đã ghi nhưng chưa có điểm danh",
                "the meeting is recorded but has no attendance",
            )
            .to_owned(),
            RecordProblem::Attendance(p) => attendance_message(p, lang),
            RecordProblem::SpokeNotPresent { member } => format!(
                "{member} {}",
                t(
                    "phát biểu nhưng không có mặt",
                    "spoke but is not listed present"
                )
            ),
            RecordProblem::EndNotAfterStart => t(
                "giờ kết thúc không sau giờ bắt đầu",
                "`end` is not after `start`",
            )
            .to_owned(),
            RecordProblem::TooShort { minutes, required } => format!(
                "{} {minutes} {} {required} {}",
                t("buổi sinh hoạt chỉ", "the meeting lasted"),
                t("phút, ít hơn", "minutes, less than"),
                t("phút quy định", "required")
            ),
            RecordProblem::DuplicateActionId { id } => format!(
                "{} {id}",
                t("mã việc trùng hoặc bằng 0:", "duplicate or zero action id:")
            ),
            RecordProblem::DoneBeforeSet => t(
                "việc xong trước khi được giao",
                "the action was done before it was set",
            )
            .to_owned(),
            RecordProblem::DueBeforeSet => t(
                "hạn trước ngày giao việc",
                "the action is due before it was set",
            )
            .to_owned(),
            RecordProblem::PostedBeforeMeeting => t(
                "văn bản hoàn chỉnh đăng trước ngày sinh hoạt",
                "the finished documents were posted before the meeting",
            )
            .to_owned(),
            RecordProblem::Overdue { meeting, id, task } => format!(
                "{} {meeting}/{id}: {task}",
                t("việc quá hạn", "overdue action")
            ),
            RecordProblem::TooManyVotes {
                cast,
                counted,
                present,
            } => votes_message(*cast, *counted, *present, lang),
            RecordProblem::UnknownMember { id } => format!(
                "{} '{id}'",
                t("không có đảng viên mã", "no member has the id")
            ),
            RecordProblem::NotOnRoll { id, name } => format!(
                "{name} ({id}) {}",
                t(
                    "không có trong danh sách vào ngày sinh hoạt",
                    "is not on the roll on the meeting's date"
                )
            ),
        }
    }

    /// How to fix it, if there is more to say than the message.
    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        let t = |vi, en| Some(lang.pick(vi, en));
        let unknown = t(
            "dùng mã trong members.toml (xem `cellbook member list`)",
            "use an id from members.toml (see `cellbook member list`)",
        );
        match self {
            RecordProblem::DateNotFileName { .. } => t(
                "sửa `date` hoặc đổi tên tệp",
                "fix `date` or rename the file",
            ),
            RecordProblem::PreparationAfterMeeting => t(
                "việc chuẩn bị diễn ra trước buổi sinh hoạt",
                "preparation happens before the meeting",
            ),
            RecordProblem::NoAttendance => t(
                "ghi `present` (và `excused`, `unexcused`), ví dụ `cellbook record ID --present all`",
                "fill in `present` (and `excused`, `unexcused`), e.g. `cellbook record ID --present all`",
            ),
            RecordProblem::Attendance(p) => match p {
                AttendanceProblem::Unknown { .. } => unknown,
                AttendanceProblem::NotOnRoll { .. } => t(
                    "kiểm tra ngày vào/ngày rời trong members.toml",
                    "check the joined/left dates in members.toml",
                ),
                AttendanceProblem::Missing { .. } | AttendanceProblem::Doubled { .. } => t(
                    "mỗi đảng viên được tính có tên đúng một lần trong present, excused hoặc unexcused",
                    "every counted member is in exactly one of present, excused, unexcused",
                ),
            },
            RecordProblem::SpokeNotPresent { .. } => t(
                "thêm vào `present` hoặc bỏ khỏi `speakers`",
                "add them to `present` or remove them from `speakers`",
            ),
            RecordProblem::EndNotAfterStart => t(
                "ghi giờ theo dạng 24 giờ, ví dụ 15:45:00",
                "use the 24-hour clock, e.g. 15:45:00",
            ),
            RecordProblem::TooShort { .. } | RecordProblem::NotOnRoll { .. } => None,
            RecordProblem::DuplicateActionId { .. } => t(
                "mỗi việc trong một buổi sinh hoạt có số riêng 1, 2, 3…",
                "each action of a meeting has its own number 1, 2, 3…",
            ),
            RecordProblem::DoneBeforeSet => t(
                "ngày xong phải từ ngày sinh hoạt trở đi",
                "`done` must be on or after the meeting's date",
            ),
            RecordProblem::DueBeforeSet => t("sửa `due`", "fix `due`"),
            RecordProblem::PostedBeforeMeeting => t(
                "ghi ngày đăng văn bản từ ngày sinh hoạt trở đi, hoặc xóa `posted`",
                "write a posting date on or after the meeting, or remove `posted`",
            ),
            RecordProblem::Overdue { .. } => t(
                "ghi xong bằng `cellbook action done`",
                "mark it done with `cellbook action done`",
            ),
            RecordProblem::TooManyVotes { cast, counted, .. } => {
                if *cast > u64::from(*counted) {
                    t(
                        "đảng viên dự bị không biểu quyết",
                        "probationary members do not vote",
                    )
                } else {
                    t(
                        "chỉ đảng viên chính thức có mặt mới biểu quyết",
                        "only full members who are present vote",
                    )
                }
            }
            RecordProblem::UnknownMember { .. } => unknown,
        }
    }
}

/// E040's message names the count the votes exceed first: counted full members, else those
/// present.
fn votes_message(cast: u64, counted: u32, present: u32, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let (n, whom) = if cast > u64::from(counted) {
        (
            counted,
            t("đảng viên chính thức được tính", "counted full members"),
        )
    } else {
        (
            present,
            t("đảng viên chính thức có mặt", "full members present"),
        )
    };
    format!(
        "{cast} {} {n} {whom}",
        t("phiếu, nhiều hơn", "votes, more than the")
    )
}

fn attendance_message(p: &AttendanceProblem, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    match p {
        AttendanceProblem::Missing { member } => format!(
            "{member} {}",
            t(
                "không có trong present, excused hay unexcused",
                "is in none of present, excused, unexcused"
            )
        ),
        AttendanceProblem::Doubled { member, first, .. } => format!(
            "{member} {} {}",
            t("đã có trong", "is already in"),
            first.key()
        ),
        AttendanceProblem::Unknown { member, .. } => format!(
            "{} '{member}'",
            t("không có đảng viên mã", "no member has the id")
        ),
        AttendanceProblem::NotOnRoll { member, .. } => format!(
            "{member} {}",
            t(
                "không có trong danh sách vào ngày sinh hoạt (chưa vào hoặc đã rời)",
                "is not on the roll on the meeting's date (not yet joined, or left)"
            )
        ),
    }
}

/// What the rules of a meeting need besides the meeting and the roster.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The id the file is named after.
    pub file_id: MeetingId,
    /// `[meetings] min_minutes` of the ledger.
    pub min_minutes: u32,
    /// For overdue actions.
    pub today: NaiveDate,
}

/// Every rule of one meeting file, its problems in the order `check` reports them.
pub fn check_meeting(roster: &Roster, meeting: &Meeting, cx: Context) -> Vec<Found> {
    let mut out = Vec::new();
    if meeting.date != cx.file_id.date {
        out.push(found(
            RecordProblem::DateNotFileName {
                file_id: cx.file_id,
            },
            vec![Seg::Key("date")],
        ));
    }
    out.extend(preparation_dates(meeting));
    if let Some(rec) = &meeting.record {
        out.extend(posted_after_meeting(rec, meeting.date));
        out.extend(speakers_present(rec));
        out.extend(attendance_adds_up(roster, meeting.date, rec));
        out.extend(times(rec, cx.min_minutes));
        out.extend(actions(rec, meeting.date, cx.file_id, cx.today));
        out.extend(votes(roster, meeting.date, rec));
    }
    out.extend(references(roster, meeting));
    out
}

/// E025: documents are sent and the committee meets before the meeting, not after.
pub fn preparation_dates(meeting: &Meeting) -> Vec<Found> {
    let Some(plan) = &meeting.plan else {
        return vec![];
    };
    [
        ("docs_sent", plan.docs_sent),
        ("committee_met", plan.committee_met),
        ("notified", plan.notified),
    ]
    .into_iter()
    .filter(|(_, d)| d.is_some_and(|d| d > meeting.date))
    .map(|(key, _)| {
        found(
            RecordProblem::PreparationAfterMeeting,
            vec![Seg::Key("plan"), Seg::Key(key)],
        )
    })
    .collect()
}

/// E027: documents finished at a meeting are posted on or after its date.
pub fn posted_after_meeting(rec: &Record, date: NaiveDate) -> Vec<Found> {
    rec.posted
        .filter(|posted| *posted < date)
        .map(|_| {
            found(
                RecordProblem::PostedBeforeMeeting,
                vec![Seg::Key("record"), Seg::Key("posted")],
            )
        })
        .into_iter()
        .collect()
}

/// E033: whoever spoke was present.
pub fn speakers_present(rec: &Record) -> Vec<Found> {
    rec.speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| !rec.present.contains(s))
        .map(|(i, s)| {
            found(
                RecordProblem::SpokeNotPresent { member: s.clone() },
                vec![Seg::Key("record"), Seg::Key("speakers"), Seg::Index(i)],
            )
        })
        .collect()
}

/// E034 and the attendance rule: every counted member in exactly one list.
pub fn attendance_adds_up(roster: &Roster, date: NaiveDate, rec: &Record) -> Vec<Found> {
    if !rec.has_attendance() {
        return vec![found(RecordProblem::NoAttendance, vec![Seg::Key("record")])];
    }
    attendance::check(roster, date, rec)
        .into_iter()
        .map(|p| {
            let at = match &p {
                AttendanceProblem::Missing { .. } => {
                    vec![Seg::Key("record"), Seg::Key("present")]
                }
                AttendanceProblem::Doubled { at, .. }
                | AttendanceProblem::Unknown { at, .. }
                | AttendanceProblem::NotOnRoll { at, .. } => list_path(*at),
            };
            found(RecordProblem::Attendance(p), at)
        })
        .collect()
}

/// The path of the `index`th entry of an attendance list (an excuse's `member`).
fn list_path((list, index): (List, usize)) -> Path {
    match list {
        List::Excused => vec![
            Seg::Key("record"),
            Seg::Key("excused"),
            Seg::Index(index),
            Seg::Key("member"),
        ],
        l => vec![Seg::Key("record"), Seg::Key(l.key()), Seg::Index(index)],
    }
}

/// E024 and W001: the meeting ends after it starts, and lasts the ledger's minimum.
pub fn times(rec: &Record, min_minutes: u32) -> Option<Found> {
    let (start, end) = (rec.start?, rec.end?);
    let at = vec![Seg::Key("record"), Seg::Key("end")];
    match crate::core::dates::minutes_between(start, end) {
        None => Some(found(RecordProblem::EndNotAfterStart, at)),
        Some(minutes) if minutes < i64::from(min_minutes) => Some(found(
            RecordProblem::TooShort {
                minutes,
                required: min_minutes,
            },
            at,
        )),
        Some(_) => None,
    }
}

/// E061, E023, E026, W002: each action has its own number, and is not done or due before the
/// meeting that set it; an open one past its due date is reported.
pub fn actions(rec: &Record, date: NaiveDate, meeting: MeetingId, today: NaiveDate) -> Vec<Found> {
    let mut out = Vec::new();
    let mut ids: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, a) in rec.actions.iter().enumerate() {
        let at = |k: &'static str| {
            vec![
                Seg::Key("record"),
                Seg::Key("actions"),
                Seg::Index(i),
                Seg::Key(k),
            ]
        };
        if a.id == 0 || ids.insert(a.id, i).is_some() {
            out.push(found(
                RecordProblem::DuplicateActionId { id: a.id },
                at("id"),
            ));
        }
        if a.done.is_some_and(|d| d < date) {
            out.push(found(RecordProblem::DoneBeforeSet, at("done")));
        }
        if a.due.is_some_and(|d| d < date) {
            out.push(found(RecordProblem::DueBeforeSet, at("due")));
        }
        if a.is_overdue_on(today) {
            let problem = RecordProblem::Overdue {
                meeting,
                id: a.id,
                task: a.task.clone(),
            };
            out.push(found(problem, at("due")));
        }
    }
    out
}

/// E040: no more votes than full members counted, nor than full members present
/// (probationary members do not vote).
pub fn votes(roster: &Roster, date: NaiveDate, rec: &Record) -> Option<Found> {
    let cast = rec.vote?.cast();
    let counted = attendance::counted_voters(roster, date, rec);
    let present = attendance::present_voters(roster, date, rec);
    (cast > u64::from(counted) || cast > u64::from(present)).then(|| {
        found(
            RecordProblem::TooManyVotes {
                cast,
                counted,
                present,
            },
            vec![Seg::Key("record"), Seg::Key("vote")],
        )
    })
}

/// E010, E032: every member named in the plan and the record (chair, minute taker, speakers,
/// actions) is on the roster and on the roll that day.
pub fn references(roster: &Roster, meeting: &Meeting) -> Vec<Found> {
    let mut named: Vec<(Path, &str)> = Vec::new();
    if let Some(plan) = &meeting.plan {
        for (i, a) in plan.assignments.iter().enumerate() {
            let at = vec![
                Seg::Key("plan"),
                Seg::Key("assignments"),
                Seg::Index(i),
                Seg::Key("member"),
            ];
            named.push((at, &a.member));
        }
    }
    if let Some(rec) = &meeting.record {
        for (key, id) in [("chair", &rec.chair), ("minute_taker", &rec.minute_taker)] {
            if let Some(id) = id {
                named.push((vec![Seg::Key("record"), Seg::Key(key)], id));
            }
        }
        for (i, s) in rec.speakers.iter().enumerate() {
            named.push((
                vec![Seg::Key("record"), Seg::Key("speakers"), Seg::Index(i)],
                s,
            ));
        }
        for (i, a) in rec.actions.iter().enumerate() {
            let at = vec![
                Seg::Key("record"),
                Seg::Key("actions"),
                Seg::Index(i),
                Seg::Key("member"),
            ];
            named.push((at, &a.member));
        }
    }
    named
        .into_iter()
        .filter_map(|(at, id)| {
            let problem = match roster.get(id) {
                None => RecordProblem::UnknownMember { id: id.to_owned() },
                Some(m) if !m.on_roll(meeting.date) => RecordProblem::NotOnRoll {
                    id: id.to_owned(),
                    name: m.name.clone(),
                },
                Some(_) => return None,
            };
            Some(found(problem, at))
        })
        .collect()
}

/// E010 in a rating: every rater is a member on the roll on the meeting's date. The index and
/// id of each one who is not: `rate` refuses such a `--by`, `check` reports each one.
pub fn raters_off_roll<'a>(
    roster: &'a Roster,
    date: NaiveDate,
    by: &'a [String],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    by.iter()
        .enumerate()
        .filter(move |(_, id)| !roster.get(id).is_some_and(|m| m.on_roll(date)))
        .map(|(i, id)| (i, id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = r#"
schema = 1
[[member]]
id = "an"
name = "An"
role = "secretary"
status = "full"
joined = 2010-01-01
[[member]]
id = "binh"
name = "Bình"
role = "member"
status = "full"
joined = 2010-01-01
[[member]]
id = "chi"
name = "Chi"
role = "member"
status = "probationary"
joined = 2010-01-01
[[member]]
id = "gone"
name = "Gone"
role = "member"
status = "full"
joined = 2010-01-01
left = 2019-01-01
"#;

    fn run(meeting: &str) -> Vec<(Code, String, Path)> {
        let roster: Roster = toml::from_str(ROSTER).expect("roster");
        let meeting: Meeting = toml::from_str(meeting).expect("meeting");
        let cx = Context {
            file_id: MeetingId::parse("2020-07-09").expect("id"),
            min_minutes: 90,
            today: NaiveDate::from_ymd_opt(2021, 1, 1).expect("date"),
        };
        check_meeting(&roster, &meeting, cx)
            .into_iter()
            .map(|f| (f.problem.code(), f.problem.message(Lang::En), f.at))
            .collect()
    }

    #[test]
    fn a_sound_meeting_breaks_no_rule() {
        let found = run(r#"
schema = 1
date = 2020-07-09
kind = "regular"
[record]
start = 14:00:00
end = 16:00:00
chair = "an"
present = ["an", "binh", "chi"]
speakers = ["an", "chi"]
vote = { for = 2, against = 0, abstain = 0 }
actions = [{ id = 1, member = "binh", task = "x", due = 2020-08-01, done = 2020-07-20 }]
"#);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn each_broken_rule_is_found_at_its_value() {
        let found = run(r#"
schema = 1
date = 2020-07-10
kind = "regular"
[plan]
docs_sent = 2020-07-11
[record]
start = 14:00:00
end = 14:30:00
chair = "gone"
present = ["an", "binh"]
unexcused = ["chi"]
speakers = ["an", "chi"]
vote = { for = 3, against = 0, abstain = 0 }
actions = [
  { id = 1, member = "nobody", task = "x", due = 2020-07-01 },
  { id = 1, member = "binh", task = "y", done = 2020-07-01 },
]
"#);
        let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            codes,
            [
                "E020", "E025", "E033", "W001", "E026", "W002", "E061", "E023", "E040", "E032",
                "E010"
            ]
        );
        assert_eq!(found[2].1, "chi spoke but is not listed present");
        assert_eq!(
            found[2].2,
            [Seg::Key("record"), Seg::Key("speakers"), Seg::Index(1)]
        );
        assert_eq!(found[8].1, "3 votes, more than the 2 counted full members");
        assert_eq!(found[10].1, "no member has the id 'nobody'");
    }

    #[test]
    fn votes_are_held_to_the_full_members_present() {
        let found = run(r#"
schema = 1
date = 2020-07-09
kind = "regular"
[record]
present = ["an", "chi"]
unexcused = ["binh"]
vote = { for = 2, against = 0, abstain = 0 }
"#);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "2 votes, more than the 1 full members present");
        let rec_less = run(r#"
schema = 1
date = 2020-07-09
kind = "regular"
[record]
"#);
        assert_eq!(rec_less[0].0, Code::E034);
    }

    #[test]
    fn raters_are_on_the_roll() {
        let roster: Roster = toml::from_str(ROSTER).expect("roster");
        let date = NaiveDate::from_ymd_opt(2020, 7, 9).expect("date");
        let by: Vec<String> = ["an", "gone", "nobody"].map(String::from).to_vec();
        let off: Vec<_> = raters_off_roll(&roster, date, &by).collect();
        assert_eq!(off, [(1, "gone"), (2, "nobody")]);
    }
}
