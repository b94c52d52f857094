//! `cellbook show`: one meeting, as a person reads it.

use clap::Args;
use std::fmt::Write;

use crate::context::Context;
use crate::core::attendance;
use crate::core::dates::{show_date, show_time};
use crate::core::level::Level;
use crate::core::measures::Figures;
use crate::core::model::meeting::MeetingStatus;
use crate::core::model::{ActionId, Kind, Meeting, MeetingId, Plan, Rating, Record};
use crate::core::rubric::{Loss, Measures, Sheet};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::meetings::load_meeting_ref;
use crate::ledger::{Ledger, MeetingFile};
use crate::output::Output;
use crate::rating::{figures_at, history_years, measures_at, sheet_for};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    /// Print the meeting and every figure derived from it as JSON, for scripts
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &ShowArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let file = load_meeting_ref(&ledger, &args.meeting, ctx.today)?;
    if args.json {
        return json(&ledger, &file);
    }
    let mut out = String::new();
    render(&ledger, file.id, &file.meeting, &mut out);
    Ok(Output::text(crate::render::shown(out)))
}

/// A member's name for display, falling back to the id for someone not on the roster.
pub fn name_of(ledger: &Ledger, id: &str) -> String {
    ledger
        .roster
        .get(id)
        .map_or_else(|| id.to_owned(), |m| m.name.clone())
}

/// The title a meeting is shown under: its own, or one made from its kind and month.
pub fn display_title(m: &Meeting) -> String {
    use chrono::Datelike;
    m.title.clone().unwrap_or_else(|| match lang() {
        crate::i18n::Lang::Vi => format!(
            "Sinh hoạt {} tháng {} năm {}",
            m.kind.label(lang()),
            m.date.month(),
            m.date.year()
        ),
        crate::i18n::Lang::En => format!(
            "The {} meeting of {}",
            m.kind.label(lang()),
            m.date.format("%B %Y")
        ),
    })
}

fn names(ledger: &Ledger, ids: &[String]) -> String {
    ids.iter()
        .map(|id| name_of(ledger, id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn render(ledger: &Ledger, id: MeetingId, m: &Meeting, out: &mut String) {
    let l = lang();
    let _ = writeln!(out, "{}", display_title(m));
    let _ = writeln!(
        out,
        "{}: {id}  {}: {}  {}: {}  {}: {}",
        tr("Mã", "Id"),
        tr("Ngày", "Date"),
        show_date(m.date, l),
        tr("Loại", "Kind"),
        m.kind.label(lang()),
        tr("Tình trạng", "Status"),
        ledger.config.rating.status(m).label(lang())
    );
    if let Some(p) = &m.plan {
        render_plan(ledger, p, out);
    }
    if let Some(r) = &m.record {
        let _ = writeln!(out, "\n{}", tr("DIỄN BIẾN", "RECORD"));
        render_timing(ledger, r, out);
        render_attendance(ledger, m.date, r, out);
        render_outcome(r, out);
        render_actions(ledger, id, r, out);
    }
    if let Some(rt) = &m.rating {
        render_rating(ledger, rt, &crate::rating::losses_of(ledger, id), out);
    }
}

/// The preparation: time, place, topics, documents, assignments and directives.
fn render_plan(ledger: &Ledger, p: &Plan, out: &mut String) {
    let l = lang();
    let _ = writeln!(out, "\n{}", tr("CHUẨN BỊ", "PLAN"));
    if let Some(t) = p.time {
        let _ = writeln!(out, "  {}: {}", tr("Thời gian", "Time"), show_time(t));
    }
    if let Some(place) = &p.place {
        let _ = writeln!(out, "  {}: {place}", tr("Địa điểm", "Place"));
    }
    for t in &p.topics {
        let _ = writeln!(out, "  - {t}");
    }
    if let Some(d) = p.docs_sent {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Gửi tài liệu", "Documents sent"),
            show_date(d, l)
        );
    }
    if let Some(d) = p.committee_met {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Chi ủy họp chuẩn bị", "Committee met"),
            show_date(d, l)
        );
    }
    if let Some(d) = p.notified {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Thông báo đến đảng viên", "Members notified"),
            show_date(d, l)
        );
    }
    if p.draft_resolution {
        let _ = writeln!(
            out,
            "  {}",
            tr("Có dự thảo nghị quyết", "Draft resolution prepared")
        );
    }
    for a in &p.assignments {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            tr("Phân công", "Assigned to"),
            name_of(ledger, &a.member),
            a.task
        );
    }
    for d in &p.directives {
        let date = d
            .date
            .map(|d| format!(" ({})", show_date(d, l)))
            .unwrap_or_default();
        let title = d
            .title
            .as_deref()
            .map(|t| format!(": {t}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}{date}{title}",
            tr("Văn bản", "Directive"),
            d.reference
        );
    }
}

/// When the meeting ran, who chaired it and who took the minutes.
fn render_timing(ledger: &Ledger, r: &Record, out: &mut String) {
    if let (Some(s), Some(e)) = (r.start, r.end) {
        let dur = r
            .duration_minutes()
            .map(|d| format!(" ({d} {})", tr("phút", "minutes")))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}: {} – {}{dur}",
            tr("Thời gian", "Time"),
            show_time(s),
            show_time(e)
        );
    }
    if let Some(c) = &r.chair {
        let _ = writeln!(out, "  {}: {}", tr("Chủ trì", "Chair"), name_of(ledger, c));
    }
    if let Some(c) = &r.minute_taker {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Thư ký", "Minute-taker"),
            name_of(ledger, c)
        );
    }
}

/// Who was counted present or absent, the guests and the speakers.
fn render_attendance(ledger: &Ledger, date: NaiveDate, r: &Record, out: &mut String) {
    let a = attendance::attendance(&ledger.roster, date, r);
    let rate = a
        .rate
        .map(|r| format!(" ({})", crate::core::text::percent(r, lang())))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {}: {}/{}{rate}: {}",
        tr("Có mặt", "Present"),
        a.present,
        a.counted,
        names(ledger, &r.present)
    );
    for e in &r.excused {
        let _ = writeln!(
            out,
            "  {}: {} ({})",
            tr("Vắng có lý do", "Absent with reason"),
            name_of(ledger, &e.member),
            e.reason
        );
    }
    if !r.unexcused.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Vắng không lý do", "Absent without reason"),
            names(ledger, &r.unexcused)
        );
    }
    if !r.guests.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Khách mời", "Guests"),
            r.guests.join("; ")
        );
    }
    if !r.speakers.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Phát biểu", "Spoke"),
            names(ledger, &r.speakers)
        );
    }
}

/// The news, the minutes' text, the conclusion and the vote.
fn render_outcome(r: &Record, out: &mut String) {
    for n in &r.news {
        let _ = writeln!(out, "  {}: {n}", tr("Thời sự", "News"));
    }
    if let Some(text) = &r.minutes {
        let _ = writeln!(out, "\n{}", text.trim_end());
    }
    if let Some(c) = &r.conclusion {
        let _ = writeln!(out, "\n  {}: {c}", tr("Kết luận", "Conclusion"));
    }
    if let Some(v) = r.vote {
        let _ = writeln!(
            out,
            "  {}: {} {}, {} {}, {} {}",
            tr("Biểu quyết", "Vote"),
            v.in_favour,
            tr("tán thành", "for"),
            v.against,
            tr("không tán thành", "against"),
            v.abstain,
            tr("ý kiến khác", "abstain")
        );
    }
    if let Some(d) = r.posted {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Đăng văn bản hoàn chỉnh", "Finished documents posted"),
            show_date(d, lang())
        );
    }
}

/// The actions set at the meeting, each with its id, due date and date done.
fn render_actions(ledger: &Ledger, id: MeetingId, r: &Record, out: &mut String) {
    let l = lang();
    for act in &r.actions {
        let due = act
            .due
            .map(|d| format!(", {} {}", tr("hạn", "due"), show_date(d, l)))
            .unwrap_or_default();
        let done = act
            .done
            .map(|d| format!(", {} {}", tr("xong", "done"), show_date(d, l)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  [{}] {}: {}{due}{done}",
            ActionId {
                meeting: id,
                number: act.id
            },
            name_of(ledger, &act.member),
            act.task
        );
    }
}

/// The rating: its level, points, rubric, raters and note.
fn render_rating(ledger: &Ledger, rt: &Rating, losses: &[Loss], out: &mut String) {
    let _ = writeln!(out, "\n{}", tr("XẾP LOẠI", "RATING"));
    let _ = writeln!(
        out,
        "  {}: {} ({} {}, {})",
        tr("Kết quả", "Result"),
        rt.level.label(lang()),
        rt.total,
        tr("điểm", "points"),
        rt.rubric
    );
    if !rt.by.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Người đánh giá", "Rated by"),
            names(ledger, &rt.by)
        );
    }
    if let Some(n) = &rt.note {
        let _ = writeln!(out, "  {}: {n}", tr("Ghi chú", "Note"));
    }
    if !losses.is_empty() {
        let _ = writeln!(
            out,
            "  {}:",
            tr("Lý do bị trừ điểm", "Why points were lost")
        );
        for loss in losses {
            let _ = writeln!(out, "    {}", loss.line());
        }
    }
}

/// `show --json`: the meeting with everything derived from it (docs/daily.md).
#[derive(Serialize)]
struct MeetingJson<'a> {
    id: String,
    /// `YYYY-MM-DD`.
    date: String,
    kind: Kind,
    title: Option<&'a str>,
    status: MeetingStatus,
    /// Attendance, vote and duration; `null` until the meeting is recorded.
    figures: Option<Figures>,
    /// Every measure the record gives (docs/rubrics.md), by key.
    measures: Measures,
    rating: Option<RatingJson<'a>>,
}

#[derive(Serialize)]
struct RatingJson<'a> {
    rubric: &'a str,
    by: &'a [String],
    on: Option<String>,
    note: Option<&'a str>,
    /// As recorded in the file.
    total: u32,
    level: Level,
    /// The sheet as the rubric and the record give it today; `null` when it cannot be
    /// computed, and `errors` says why.
    sheet: Option<Sheet>,
    errors: Vec<String>,
}

fn json(ledger: &Ledger, file: &MeetingFile) -> Result<Output> {
    let m = &file.meeting;
    let mut meetings = ledger.load_meetings(Some(history_years(m.date)))?;
    meetings.sort_by_key(|f| f.id);
    let i = meetings.iter().position(|f| f.id == file.id);
    let (figures, measures) = match i {
        Some(i) => (
            figures_at(ledger, &meetings, i),
            measures_at(ledger, &meetings, i),
        ),
        None => (None, Measures::new()),
    };
    let rating = m.rating.as_ref().map(|rt| {
        let (sheet, errors) = match crate::ledger::rubrics::load(&ledger.root, &rt.rubric) {
            Ok((_, rubric)) => match sheet_for(&rubric, &measures, rt) {
                Ok(sheet) => (Some(sheet), vec![]),
                Err(errors) => (None, errors.iter().map(|e| e.message(lang())).collect()),
            },
            Err(e) => (None, vec![e.to_string()]),
        };
        RatingJson {
            rubric: &rt.rubric,
            by: &rt.by,
            on: rt.on.map(|d| d.to_string()),
            note: rt.note.as_deref(),
            total: rt.total,
            level: rt.level,
            sheet,
            errors,
        }
    });
    let out = MeetingJson {
        id: file.id.to_string(),
        date: m.date.to_string(),
        kind: m.kind,
        title: m.title.as_deref(),
        status: ledger.config.rating.status(m),
        figures,
        measures,
        rating,
    };
    let text = serde_json::to_string_pretty(&out).map_err(|e| Error::refused(e.to_string()))?;
    Ok(Output::text(text + "\n"))
}
