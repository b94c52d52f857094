//! `cellbook minutes`: the printable *biên bản* of one held meeting, laid out like the official
//! template (docs/report.md, "The minutes follow the official template"): header, title, time and place, who chaired and who
//! took the minutes, the member counts, who came and who did not, the proceedings, the
//! conclusion, the vote and the signatures.
//!
//! [`build`] is pure (settings, roster and meeting in, [`Minutes`] out); [`markdown`] and
//! [`html`] lay it out in the current language.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::core::attendance;
use crate::core::level::Level;
use crate::core::model::{
    ActionId, CellFile, Directive, Kind, Meeting, MeetingId, Record, Roster, Status, Vote,
};
use crate::i18n::{Lang, lang, tr};
use crate::render::report::{dateline, html as h, md, percent, place_dateline};

/// A person as the minutes name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// The member's role label ("Bí thư"), when they have one beyond member.
    pub role: Option<&'static str>,
}

/// The member counts of the day.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// On the roll on the day.
    pub total: u32,
    pub full: u32,
    pub probationary: u32,
    /// Attending here temporarily (*sinh hoạt tạm thời*).
    pub temporary: u32,
    /// In an exemption period on the day (*miễn sinh hoạt*, *tạm miễn*, …).
    pub exempted: u32,
    /// Expected to attend (the attendance base).
    pub counted: u32,
    pub present: u32,
    pub rate: Option<f64>,
}

/// Everything the printed minutes show.
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub kind: Kind,
    pub title: Option<String>,
    pub parent: Option<String>,
    pub cell: String,
    /// The place name of the date line (`[cell] locality`).
    pub locality: Option<String>,
    pub topics: Vec<String>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub place: Option<String>,
    pub guests: Vec<String>,
    pub chair: Option<Person>,
    pub minute_taker: Option<Person>,
    pub counts: Counts,
    pub present: Vec<String>,
    /// (name, reason)
    pub excused: Vec<(String, String)>,
    pub unexcused: Vec<String>,
    pub speakers: Vec<String>,
    pub news: Vec<String>,
    pub directives: Vec<Directive>,
    pub proceedings: Option<String>,
    pub conclusion: Option<String>,
    pub vote: Option<Vote>,
    /// Full members counted: the base a resolution needs more than half of.
    pub voters: u32,
    /// (action id, name, task, due)
    pub actions: Vec<(String, String, String, Option<NaiveDate>)>,
    /// The meeting's rating, when it has one: its level and points.
    pub rating: Option<(Level, u32)>,
}

/// The minutes of a held meeting; `None` when it has no record yet.
pub fn build(config: &CellFile, roster: &Roster, id: MeetingId, m: &Meeting) -> Option<Minutes> {
    let r = m.record.as_ref()?;
    let name = |id: &str| {
        roster
            .get(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    };
    let person = |id: &String| {
        let member = roster.get(id);
        Person {
            name: name(id),
            role: member
                .filter(|m| m.role != crate::core::model::Role::Member)
                .map(|m| m.role.label(lang())),
        }
    };
    let day = m.date;
    let counts = count(roster, day, r);
    let plan = m.plan.as_ref();
    Some(Minutes {
        id,
        date: day,
        kind: m.kind,
        title: m.title.clone(),
        parent: config.cell.parent.clone(),
        cell: config.cell.name.clone(),
        locality: config.cell.locality.clone(),
        topics: plan.map(|p| p.topics.clone()).unwrap_or_default(),
        start: r.start,
        end: r.end,
        place: plan
            .and_then(|p| p.place.clone())
            .or_else(|| config.meetings.place.clone()),
        guests: r.guests.clone(),
        chair: r.chair.as_ref().map(person),
        minute_taker: r.minute_taker.as_ref().map(person),
        counts,
        present: r.present.iter().map(|p| name(p)).collect(),
        excused: r
            .excused
            .iter()
            .map(|e| (name(&e.member), e.reason.clone()))
            .collect(),
        unexcused: r.unexcused.iter().map(|p| name(p)).collect(),
        speakers: r.speakers.iter().map(|p| name(p)).collect(),
        news: r.news.clone(),
        directives: plan.map(|p| p.directives.clone()).unwrap_or_default(),
        proceedings: r.minutes.clone().filter(|t| !t.trim().is_empty()),
        conclusion: r.conclusion.clone(),
        vote: r.vote,
        // Out of the voting base the ledger chose (issue 12): by default the full members summoned.
        voters: attendance::voting_base(roster, day, r, config.meetings.voting_base),
        actions: r
            .actions
            .iter()
            .map(|act| {
                (
                    ActionId {
                        meeting: id,
                        number: act.id,
                    }
                    .to_string(),
                    name(&act.member),
                    act.task.clone(),
                    act.due,
                )
            })
            .collect(),
        rating: m.rating.as_ref().map(|r| (r.level, r.total)),
    })
}

/// Who is on the roll on the day, by status, and how many of those counted came.
fn count(roster: &Roster, day: NaiveDate, r: &Record) -> Counts {
    let mut counts = Counts::default();
    for member in attendance::roll(roster, day) {
        counts.total += 1;
        match member.status {
            Status::Full => counts.full += 1,
            Status::Probationary => counts.probationary += 1,
        }
        if member.temporary {
            counts.temporary += 1;
        }
        if member.exemption_on(day).is_some() {
            counts.exempted += 1;
        }
    }
    let a = attendance::attendance(roster, day, r);
    counts.counted = a.counted;
    counts.present = a.present;
    counts.rate = a.rate;
    counts
}

/// The title as Hướng dẫn 36-HD/VPTW writes it: the document type alone in capitals ("BIÊN
/// BẢN"), then what it is about in ordinary letters ("Sinh hoạt chi bộ thường kỳ tháng 7 năm
/// 2020"), with the guidelines' word for a regular meeting, *thường kỳ*.
fn title_lines(m: &Minutes) -> (String, String) {
    let what = match lang() {
        Lang::Vi => format!(
            "Sinh hoạt chi bộ {} tháng {} năm {}",
            match m.kind {
                Kind::Regular => "thường kỳ",
                Kind::Thematic => "chuyên đề",
            },
            m.date.month(),
            m.date.year()
        ),
        Lang::En => format!(
            "{} of the cell, {}",
            match m.kind {
                Kind::Regular => "Regular meeting",
                Kind::Thematic => "Thematic meeting",
            },
            m.date.format("%B %Y")
        ),
    };
    (tr("BIÊN BẢN", "MINUTES").to_owned(), what)
}

fn clock(t: NaiveTime) -> String {
    match lang() {
        Lang::Vi => format!("{} giờ {:02} phút", t.hour(), t.minute()),
        Lang::En => t.format("%H:%M").to_string(),
    }
}

/// The lines of the minutes, as (kind, text) pairs that both renderers lay out.
enum Line {
    /// A section heading.
    Section(String),
    /// "Label: text" (the label in bold).
    Field(&'static str, String),
    /// A plain paragraph.
    Para(String),
    /// A bulleted item.
    Item(String),
}

fn person_text(p: &Option<Person>) -> String {
    // Vietnamese minutes name a member "Đồng chí …" (comrade); English ones use the name alone.
    let honorific = match crate::i18n::lang() {
        crate::i18n::Lang::Vi => "Đồng chí ",
        crate::i18n::Lang::En => "",
    };
    match p {
        Some(Person {
            name,
            role: Some(role),
        }) => format!("{honorific}{name}, {role}"),
        Some(Person { name, role: None }) => format!("{honorific}{name}"),
        None => "—".to_owned(),
    }
}

fn lines(m: &Minutes) -> Vec<Line> {
    let mut out = Vec::new();
    attendance_section(m, &mut out);
    proceedings_section(m, &mut out);
    conclusion_section(m, &mut out);
    out
}

/// Section I: when and where, who chaired, who took the minutes, the guests, then the roll.
fn attendance_section(m: &Minutes, out: &mut Vec<Line>) {
    out.push(Line::Section(
        tr(
            "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
            "I. TIME, PLACE AND ATTENDANCE",
        )
        .to_owned(),
    ));
    out.push(Line::Field(tr("Thời gian", "Time"), time_text(m)));
    out.push(Line::Field(
        tr("Địa điểm", "Place"),
        m.place.clone().unwrap_or_else(|| "—".to_owned()),
    ));
    out.push(Line::Field(tr("Chủ trì", "Chair"), person_text(&m.chair)));
    out.push(Line::Field(
        tr("Thư ký", "Minute-taker"),
        person_text(&m.minute_taker),
    ));
    if !m.guests.is_empty() {
        out.push(Line::Field(tr("Khách mời", "Guests"), String::new()));
        for g in &m.guests {
            out.push(Line::Item(g.clone()));
        }
    }
    roll_fields(m, out);
}

/// The end of section I: the roll's make-up and who came.
fn roll_fields(m: &Minutes, out: &mut Vec<Line>) {
    let c = m.counts;
    out.push(Line::Field(
        tr("Tổng số đảng viên của chi bộ", "Members on the roll"),
        format!(
            "{} ({} {}, {} {}; {} {}; {} {})",
            c.total,
            tr("chính thức", "full"),
            c.full,
            tr("dự bị", "probationary"),
            c.probationary,
            tr("sinh hoạt tạm thời", "attending temporarily"),
            c.temporary,
            tr("miễn sinh hoạt", "exempted"),
            c.exempted
        ),
    ));
    out.push(Line::Field(
        tr("Số đảng viên phải dự", "Expected to attend"),
        c.counted.to_string(),
    ));
    out.push(Line::Field(
        tr("Có mặt", "Present"),
        format!("{} ({}): {}", c.present, percent(c.rate), list(&m.present)),
    ));
    out.push(Line::Field(
        tr("Vắng có lý do", "Absent with reason"),
        m.excused.len().to_string(),
    ));
    for (name, reason) in &m.excused {
        out.push(Line::Item(format!("{name}: {reason}")));
    }
    out.push(Line::Field(
        tr("Vắng không lý do", "Absent without reason"),
        if m.unexcused.is_empty() {
            "0".to_owned()
        } else {
            format!("{} ({})", m.unexcused.len(), list(&m.unexcused))
        },
    ));
}

/// Section II: the subject, agenda, news and directives, speakers and the record's text.
fn proceedings_section(m: &Minutes, out: &mut Vec<Line>) {
    out.push(Line::Section(
        tr("II. NỘI DUNG SINH HOẠT", "II. PROCEEDINGS").to_owned(),
    ));
    if let Some(t) = &m.title {
        out.push(Line::Field(tr("Chủ đề", "Subject"), t.clone()));
    }
    if !m.topics.is_empty() {
        out.push(Line::Field(tr("Nội dung", "Agenda"), String::new()));
        for t in &m.topics {
            out.push(Line::Item(t.clone()));
        }
    }
    if !m.news.is_empty() || !m.directives.is_empty() {
        out.push(Line::Field(
            tr(
                "Thông tin thời sự, văn bản mới",
                "News and directives passed on",
            ),
            String::new(),
        ));
        for n in &m.news {
            out.push(Line::Item(n.clone()));
        }
        for d in &m.directives {
            let mut text = d.reference.clone();
            if let Some(date) = d.date {
                let _ = write!(text, " ({})", crate::render::report::date(date));
            }
            if let Some(t) = &d.title {
                let _ = write!(text, ": {t}");
            }
            out.push(Line::Item(text));
        }
    }
    out.push(Line::Field(
        tr("Các đồng chí phát biểu ý kiến", "Speakers"),
        if m.speakers.is_empty() {
            "—".to_owned()
        } else {
            list(&m.speakers)
        },
    ));
    if let Some(text) = &m.proceedings {
        out.push(Line::Field(tr("Diễn biến", "Record"), String::new()));
        for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            out.push(Line::Para(para.replace('\n', " ")));
        }
    }
}

/// Section III: the conclusion, the tasks assigned, the vote and the closing time.
fn conclusion_section(m: &Minutes, out: &mut Vec<Line>) {
    out.push(Line::Section(
        tr("III. KẾT LUẬN VÀ BIỂU QUYẾT", "III. CONCLUSION AND VOTE").to_owned(),
    ));
    out.push(Line::Field(
        tr("Kết luận của chủ trì", "The chair's conclusion"),
        m.conclusion.clone().unwrap_or_else(|| "—".to_owned()),
    ));
    if !m.actions.is_empty() {
        out.push(Line::Field(
            tr("Phân công", "Tasks assigned"),
            String::new(),
        ));
        for (_, name, task, due) in &m.actions {
            let due = due
                .map(|d| format!(" ({} {})", tr("hạn", "due"), crate::render::report::date(d)))
                .unwrap_or_default();
            out.push(Line::Item(format!("{name}: {task}{due}")));
        }
    }
    out.push(Line::Field(tr("Biểu quyết", "Vote"), vote_text(m)));
    closing(m, out);
}

/// How the minutes close: the closing time, the minutes read to the meeting and approved (with
/// the vote when one was recorded), and the meeting's rating when it has one.
fn closing(m: &Minutes, out: &mut Vec<Line>) {
    if let Some(e) = m.end {
        out.push(Line::Para(match lang() {
            Lang::Vi => format!("Buổi sinh hoạt kết thúc lúc {} cùng ngày.", clock(e)),
            Lang::En => format!("The meeting closed at {}.", clock(e)),
        }));
    }
    let read = tr(
        "Biên bản đã được đọc lại trước chi bộ và được chi bộ thông qua",
        "The minutes were read to the meeting and approved",
    );
    out.push(Line::Para(match m.vote {
        Some(_) => format!(
            "{read}{}{}.",
            tr(" với kết quả biểu quyết: ", "; the vote: "),
            vote_text(m)
        ),
        None => format!("{read}."),
    }));
    if let Some((level, points)) = m.rating {
        out.push(Line::Field(
            tr(
                "Xếp loại chất lượng buổi sinh hoạt",
                "Rating of the meeting",
            ),
            format!(
                "{} ({points} {})",
                level.label(lang()),
                tr("điểm", "points")
            ),
        ));
    }
}

/// When the meeting ran: from and to on its day, from alone, or only the day.
fn time_text(m: &Minutes) -> String {
    let when = upper(&dateline(m.date));
    match (m.start, m.end, lang()) {
        (Some(s), Some(e), Lang::Vi) => format!(
            "bắt đầu lúc {}, {}; kết thúc lúc {} cùng ngày",
            clock(s),
            dateline(m.date),
            clock(e)
        ),
        (Some(s), Some(e), Lang::En) => {
            format!("from {} to {}, {}", clock(s), clock(e), dateline(m.date))
        }
        (Some(s), None, _) => format!("{} {}, {}", tr("bắt đầu lúc", "from"), clock(s), when),
        _ => when,
    }
}

/// The vote: those for out of the voting base (the full members summoned), against, and other
/// opinions.
fn vote_text(m: &Minutes) -> String {
    match m.vote {
        Some(v) => {
            let share = (m.voters > 0).then(|| f64::from(v.in_favour) / f64::from(m.voters));
            format!(
                "{} {}/{} {} ({}); {} {}; {} {}",
                tr("tán thành", "for"),
                v.in_favour,
                m.voters,
                tr("đảng viên chính thức", "voting members"),
                percent(share),
                tr("không tán thành", "against"),
                v.against,
                tr("ý kiến khác", "other opinions"),
                v.abstain
            )
        }
        None => tr("không ghi nhận", "not recorded").to_owned(),
    }
}

fn list(names: &[String]) -> String {
    names.join(", ")
}

fn upper(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sign_names(m: &Minutes) -> (String, String) {
    let n = |p: &Option<Person>| {
        p.as_ref()
            .map_or_else(|| "……………………………".to_owned(), |p| p.name.clone())
    };
    (n(&m.minute_taker), n(&m.chair))
}

/// The minutes as Markdown.
pub fn markdown(m: &Minutes) -> String {
    let mut out = String::new();
    let line = place_dateline(m.locality.as_deref(), m.date);
    md::header_table(&mut out, m.parent.as_deref(), Some(&m.cell), &line, None);
    let (t1, t2) = title_lines(m);
    let _ = writeln!(out, "# {}\n", md::esc(&t1));
    let _ = writeln!(out, "**{}**\n", md::esc(&t2));
    let mut in_list = false;
    for line in lines(m) {
        let item = matches!(line, Line::Item(_));
        if in_list && !item {
            // A blank line ends the list, or the next paragraph would continue its last item.
            out.push('\n');
        }
        in_list = item;
        match line {
            Line::Section(s) => {
                let _ = writeln!(out, "\n## {}\n", md::esc(&s));
            }
            Line::Field(label, text) if text.is_empty() => {
                let _ = writeln!(out, "**{label}:**\n");
            }
            Line::Field(label, text) => {
                let _ = writeln!(out, "**{label}:** {}\n", md::esc(&text));
            }
            Line::Para(p) => {
                let _ = writeln!(out, "{}\n", md::esc(&p));
            }
            Line::Item(i) => {
                let _ = writeln!(out, "- {}", md::esc(&i));
            }
        }
    }
    let (taker, chair) = sign_names(m);
    let _ = writeln!(
        out,
        "\n| **{}** | **{}** |\n|:---:|:---:|\n| *{}* | *{}* |\n| | |\n| | |\n| {} | {} |",
        tr("THƯ KÝ", "MINUTE-TAKER"),
        tr("CHỦ TRÌ", "CHAIR"),
        tr("(Ký, ghi rõ họ tên)", "(signature)"),
        tr("(Ký, ghi rõ họ tên)", "(signature)"),
        md::esc(&taker),
        md::esc(&chair)
    );
    tidy(out)
}

/// The minutes as a self-contained A4 page.
pub fn html(m: &Minutes) -> String {
    let mut body = String::new();
    let line = place_dateline(m.locality.as_deref(), m.date);
    h::party_header(&mut body, m.parent.as_deref(), Some(&m.cell), &line, None);
    let (t1, t2) = title_lines(m);
    let _ = writeln!(body, "<h1>{}<br>{}</h1>", h::esc(&t1), h::esc(&t2));
    let mut in_list = false;
    for line in lines(m) {
        let item = matches!(line, Line::Item(_));
        if in_list && !item {
            body.push_str("</ul>\n");
            in_list = false;
        }
        match line {
            Line::Section(s) => {
                let _ = writeln!(body, "<h2>{}</h2>", h::esc(&s));
            }
            Line::Field(label, text) if text.is_empty() => {
                let _ = writeln!(body, "<p><b>{}:</b></p>", h::esc(label));
            }
            Line::Field(label, text) => {
                let _ = writeln!(body, "<p><b>{}:</b> {}</p>", h::esc(label), h::esc(&text));
            }
            Line::Para(p) => {
                let _ = writeln!(body, "<p>{}</p>", h::esc(&p));
            }
            Line::Item(i) => {
                if !in_list {
                    body.push_str("<ul>\n");
                    in_list = true;
                }
                let _ = writeln!(body, "<li>{}</li>", h::esc(&i));
            }
        }
    }
    if in_list {
        body.push_str("</ul>\n");
    }
    let (taker, chair) = sign_names(m);
    h::signatures(
        &mut body,
        Some((tr("THƯ KÝ", "MINUTE-TAKER"), None, Some(&taker))),
        Some((tr("CHỦ TRÌ", "CHAIR"), None, Some(&chair))),
        &[],
    );
    let (t1, t2) = title_lines(m);
    h::page(&format!("{t1} {t2} — {}", m.cell), &body)
}

/// The minutes as a Word document, from the same lines as the Markdown and the HTML.
pub fn docx(m: &Minutes) -> std::io::Result<Vec<u8>> {
    use crate::render::docx::{Align, BOLD, Doc, PLAIN};
    let mut doc = Doc::new();
    crate::render::report::docx::party_header(
        &mut doc,
        m.parent.as_deref(),
        Some(&m.cell),
        &place_dateline(m.locality.as_deref(), m.date),
        None,
    );
    let (t1, t2) = title_lines(m);
    doc.para(&t1, crate::render::docx::TITLE, Align::Center);
    doc.para(&t2, BOLD, Align::Center);
    for line in lines(m) {
        match line {
            Line::Section(s) => doc.heading(&s, BOLD),
            // A label with nothing after it heads the list under it.
            Line::Field(label, text) if text.is_empty() => {
                doc.lead(&[(&format!("{label}:"), BOLD)], Align::Justify);
            }
            Line::Field(label, text) => {
                doc.runs(
                    &[(&format!("{label}: "), BOLD), (&text, PLAIN)],
                    Align::Justify,
                );
            }
            Line::Para(p) => doc.para(&p, PLAIN, Align::Justify),
            Line::Item(i) => doc.item(&i, 0),
        }
    }
    let (taker, chair) = sign_names(m);
    doc.signatures(
        &[tr("THƯ KÝ", "MINUTE-TAKER").to_owned()],
        &[tr("CHỦ TRÌ", "CHAIR").to_owned()],
        (&taker, &chair),
    );
    doc.into_bytes()
}

/// Collapse the blank lines the line-by-line layout leaves between list items and fields.
fn tidy(text: String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
