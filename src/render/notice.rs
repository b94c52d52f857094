//! `cellbook notice`: the notice of a meeting (*thông báo sinh hoạt chi bộ*) from its plan — the
//! time, the place, the content, who prepares what, the documents to read first. Criterion 3 of
//! the 2025 form gives a point for telling every member (and the higher committee's liaison) the
//! time, place and content (docs/report.md, "The notice of a meeting").
//!
//! [`build`] is pure (settings, roster and meeting in, [`Notice`] out); [`text`] is short enough
//! to paste into a message, [`markdown`], [`html`] and [`docx`] are the printable document in
//! the layout of the minutes (the Party header, the title, numbered points, the signature and
//! the recipients).

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::core::model::{CellFile, Kind, Meeting, MeetingId, Role, Roster};
use crate::i18n::{Lang, lang, tr};
use crate::render::report::{
    date as short_date, dateline, html as h, md, number_line, place_dateline,
};

/// Everything the notice says.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub kind: Kind,
    pub title: Option<String>,
    pub parent: Option<String>,
    pub cell: String,
    pub locality: Option<String>,
    /// The day the notice is issued (today).
    pub issued: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place: Option<String>,
    pub topics: Vec<String>,
    /// (member's name, task)
    pub assignments: Vec<(String, String)>,
    /// (reference, title)
    pub documents: Vec<(String, Option<String>)>,
    /// When the documents were (or are to be) sent.
    pub docs_sent: Option<NaiveDate>,
    /// The secretary on the roll on the day of issue, who signs.
    pub secretary: Option<String>,
}

/// The notice of a meeting, from its plan (or the ledger's usual time and place).
pub fn build(
    config: &CellFile,
    roster: &Roster,
    id: MeetingId,
    m: &Meeting,
    issued: NaiveDate,
) -> Notice {
    let plan = m.plan.clone().unwrap_or_default();
    let name = |id: &str| {
        roster
            .get(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    };
    Notice {
        id,
        date: m.date,
        kind: m.kind,
        title: m.title.clone(),
        parent: config.cell.parent.clone(),
        cell: config.cell.name.clone(),
        locality: config.cell.locality.clone(),
        issued,
        time: plan.time.or(config.meetings.time),
        place: plan.place.or_else(|| config.meetings.place.clone()),
        topics: plan.topics,
        assignments: plan
            .assignments
            .iter()
            .map(|a| (name(&a.member), a.task.clone()))
            .collect(),
        documents: plan
            .directives
            .iter()
            .map(|d| (d.reference.clone(), d.title.clone()))
            .collect(),
        docs_sent: plan.docs_sent,
        secretary: [issued, m.date]
            .iter()
            .find_map(|&day| {
                roster
                    .members
                    .iter()
                    .find(|p| p.role == Role::Secretary && p.on_roll(day))
            })
            .map(|p| p.name.clone()),
    }
}

/// "thường kỳ tháng 7 năm 2020" / "regular meeting, July 2020".
fn what(n: &Notice) -> String {
    match lang() {
        Lang::Vi => format!(
            "sinh hoạt chi bộ {} tháng {} năm {}",
            n.kind.label(Lang::Vi),
            n.date.month(),
            n.date.year()
        ),
        Lang::En => format!(
            "the cell's {} meeting, {}",
            n.kind.label(Lang::En),
            n.date.format("%B %Y")
        ),
    }
}

fn weekday(d: NaiveDate) -> &'static str {
    match (d.weekday(), lang()) {
        (Weekday::Mon, Lang::Vi) => "thứ Hai",
        (Weekday::Tue, Lang::Vi) => "thứ Ba",
        (Weekday::Wed, Lang::Vi) => "thứ Tư",
        (Weekday::Thu, Lang::Vi) => "thứ Năm",
        (Weekday::Fri, Lang::Vi) => "thứ Sáu",
        (Weekday::Sat, Lang::Vi) => "thứ Bảy",
        (Weekday::Sun, Lang::Vi) => "Chủ nhật",
        (Weekday::Mon, Lang::En) => "Monday",
        (Weekday::Tue, Lang::En) => "Tuesday",
        (Weekday::Wed, Lang::En) => "Wednesday",
        (Weekday::Thu, Lang::En) => "Thursday",
        (Weekday::Fri, Lang::En) => "Friday",
        (Weekday::Sat, Lang::En) => "Saturday",
        (Weekday::Sun, Lang::En) => "Sunday",
    }
}

/// "14 giờ 00 phút, thứ Năm, ngày 09 tháng 7 năm 2020"; `short` for a message:
/// "14 giờ 00, thứ Năm 09/07/2020".
fn when(n: &Notice, short: bool) -> String {
    let day = if short {
        format!("{} {}", weekday(n.date), short_date(n.date))
    } else {
        format!("{}, {}", weekday(n.date), dateline(n.date))
    };
    match (n.time, lang()) {
        (Some(t), Lang::Vi) if short => format!("{} giờ {:02}, {day}", t.hour(), t.minute()),
        (Some(t), Lang::Vi) => format!("{} giờ {:02} phút, {day}", t.hour(), t.minute()),
        (Some(t), Lang::En) => format!("{}, {day}", t.format("%H:%M")),
        (None, _) => format!("{day} ({})", tr("giờ sẽ báo sau", "the time will follow")),
    }
}

/// A document to read: "12-HD/BTCTW: Hướng dẫn …".
fn document(reference: &str, title: Option<&String>) -> String {
    match title {
        Some(t) => format!("{reference}: {t}"),
        None => reference.to_owned(),
    }
}

/// The points of the notice, numbered by the renderers: (label, text, items).
fn points(n: &Notice) -> Vec<(&'static str, String, Vec<String>)> {
    let mut out = vec![
        (tr("Thời gian", "Time"), when(n, false), vec![]),
        (
            tr("Địa điểm", "Place"),
            n.place
                .clone()
                .unwrap_or_else(|| tr("sẽ báo sau", "to follow").to_owned()),
            vec![],
        ),
    ];
    // A thematic meeting's title is its theme; a regular one's only names the month again.
    if let (Some(t), Kind::Thematic) = (&n.title, n.kind) {
        out.push((tr("Chuyên đề", "Theme"), t.clone(), vec![]));
    }
    let content = match (&n.title, n.topics.is_empty()) {
        (_, false) => String::new(),
        (Some(t), true) if n.kind == Kind::Regular => t.clone(),
        _ => tr("sẽ báo sau", "to follow").to_owned(),
    };
    out.push((tr("Nội dung", "Content"), content, n.topics.clone()));
    if !n.assignments.is_empty() {
        out.push((
            tr("Phân công chuẩn bị", "Who prepares what"),
            String::new(),
            n.assignments
                .iter()
                .map(|(who, task)| format!("{}{who}: {task}", honorific()))
                .collect(),
        ));
    }
    if !n.documents.is_empty() {
        let sent = n.docs_sent.map_or_else(String::new, |d| {
            format!(
                "{} {}",
                tr("gửi các đồng chí ngày", "sent on"),
                short_date(d)
            )
        });
        out.push((
            tr("Tài liệu nghiên cứu trước", "Documents to read first"),
            sent,
            n.documents
                .iter()
                .map(|(r, t)| document(r, t.as_ref()))
                .collect(),
        ));
    }
    out.push((
        tr("Thành phần", "Who attends"),
        tr(
            "toàn thể đảng viên trong chi bộ; kính mời đại diện cấp ủy cấp trên dự",
            "every member of the cell; the higher committee's liaison is invited",
        )
        .to_owned(),
        vec![],
    ));
    out
}

/// Vietnamese names a member "Đồng chí …" (comrade); English uses the name alone.
fn honorific() -> &'static str {
    match lang() {
        Lang::Vi => "Đồng chí ",
        Lang::En => "",
    }
}

/// The opening sentence of the printed notice.
fn opening(n: &Notice) -> String {
    match lang() {
        Lang::Vi => format!(
            "{} thông báo đến các đồng chí đảng viên về buổi {} như sau:",
            n.cell,
            what(n)
        ),
        Lang::En => format!("{} gives notice to its members of {}:", n.cell, what(n)),
    }
}

/// The request that closes the notice.
fn request() -> &'static str {
    tr(
        "Đề nghị các đồng chí đảng viên sắp xếp công việc, nghiên cứu trước tài liệu và dự sinh hoạt đầy đủ, đúng giờ; đồng chí nào vắng mặt phải báo cáo lý do với bí thư chi bộ.",
        "Members are asked to read the documents beforehand and to attend on time; a member who cannot come tells the secretary why.",
    )
}

/// The document's title: the type in capitals, the subject under it (Hướng dẫn 36-HD/VPTW).
fn title_lines(n: &Notice) -> (String, String) {
    let subject = match lang() {
        Lang::Vi => format!("Về việc {}", what(n)),
        Lang::En => sentence_case(&what(n)),
    };
    (tr("THÔNG BÁO", "NOTICE").to_owned(), subject)
}

/// The recipients: the members, the higher committee (to report), the file copy.
fn recipients(n: &Notice) -> Vec<String> {
    let mut out = vec![tr("Các đồng chí đảng viên trong chi bộ", "The cell's members").to_owned()];
    if let Some(p) = &n.parent {
        out.push(format!("{p} ({})", tr("để báo cáo", "for information")));
    }
    out.push(tr("Lưu chi bộ", "File copy (the cell)").to_owned());
    out
}

fn number() -> String {
    number_line(None, "TB/CB")
}

/// The notice as a message to paste into Zalo or a text: no markup, one line a point.
pub fn text(n: &Notice) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {}",
        tr("THÔNG BÁO SINH HOẠT CHI BỘ", "MEETING NOTICE"),
        n.cell
    );
    let subject = match (&n.title, n.kind) {
        (Some(t), Kind::Thematic) => format!("{}: {t}", sentence_case(&what(n))),
        _ => sentence_case(&what(n)),
    };
    let _ = writeln!(out, "{subject}");
    let _ = writeln!(out, "- {}: {}", tr("Thời gian", "Time"), when(n, true));
    if let Some(p) = &n.place {
        let _ = writeln!(out, "- {}: {p}", tr("Địa điểm", "Place"));
    }
    if !n.topics.is_empty() {
        let _ = writeln!(out, "- {}:", tr("Nội dung", "Content"));
        for (i, c) in n.topics.iter().enumerate() {
            let _ = writeln!(out, "  {}. {c}", i + 1);
        }
    }
    if !n.assignments.is_empty() {
        let _ = writeln!(out, "- {}:", tr("Phân công", "Prepares"));
        for (who, task) in &n.assignments {
            let _ = writeln!(out, "  + {who}: {task}");
        }
    }
    if !n.documents.is_empty() {
        let _ = writeln!(out, "- {}:", tr("Tài liệu đọc trước", "Read first"));
        for (r, t) in &n.documents {
            let _ = writeln!(out, "  + {}", document(r, t.as_ref()));
        }
    }
    let _ = writeln!(
        out,
        "{}",
        tr(
            "Đề nghị các đồng chí dự đầy đủ, đúng giờ; vắng mặt báo lý do với bí thư chi bộ.",
            "Please attend on time; if you cannot come, tell the secretary why.",
        )
    );
    let signer = match &n.secretary {
        Some(s) => format!(
            "{} — {} {s}",
            tr("T/M Chi bộ", "For the cell"),
            tr("Bí thư", "Secretary")
        ),
        None => tr("T/M Chi bộ", "For the cell").to_owned(),
    };
    let _ = writeln!(out, "{signer}");
    out
}

fn sentence_case(s: &str) -> String {
    crate::render::report::sections::upper_first(s)
}

/// The notice as Markdown, in the layout of the minutes.
pub fn markdown(n: &Notice) -> String {
    let mut out = String::new();
    let line = place_dateline(n.locality.as_deref(), n.issued);
    let number = number();
    md::header_table(
        &mut out,
        n.parent.as_deref(),
        Some(&n.cell),
        &line,
        Some(&number),
    );
    let (t1, t2) = title_lines(n);
    let _ = writeln!(out, "# {}\n", md::esc(&t1));
    let _ = writeln!(out, "**{}**\n", md::esc(&t2));
    let _ = writeln!(out, "{}\n", md::esc(&opening(n)));
    for (i, (label, text, items)) in points(n).iter().enumerate() {
        if text.is_empty() {
            let _ = writeln!(out, "**{}. {label}:**\n", i + 1);
        } else {
            let _ = writeln!(out, "**{}. {label}:** {}\n", i + 1, md::esc(text));
        }
        for item in items {
            let _ = writeln!(out, "- {}", md::esc(item));
        }
        if !items.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{}\n", md::esc(request()));
    md::signature_table(&mut out, &recipients(n), &signer(n));
    out
}

fn signer(n: &Notice) -> crate::render::report::Signer {
    crate::render::report::Signer {
        on_behalf: tr("T/M CHI BỘ", "FOR THE CELL").to_owned(),
        title: Some(tr("BÍ THƯ", "SECRETARY").to_owned()),
        name: n.secretary.clone(),
    }
}

/// The notice as a self-contained A4 page.
pub fn html(n: &Notice) -> String {
    let mut body = String::new();
    let line = place_dateline(n.locality.as_deref(), n.issued);
    let number = number();
    h::party_header(
        &mut body,
        n.parent.as_deref(),
        Some(&n.cell),
        &line,
        Some(&number),
    );
    let (t1, t2) = title_lines(n);
    let _ = writeln!(body, "<h1>{}<br>{}</h1>", h::esc(&t1), h::esc(&t2));
    let _ = writeln!(body, "<p class=\"note\">{}</p>", h::esc(&opening(n)));
    for (i, (label, text, items)) in points(n).iter().enumerate() {
        let _ = writeln!(
            body,
            "<p><b>{}. {}:</b> {}</p>",
            i + 1,
            h::esc(label),
            h::esc(text)
        );
        if !items.is_empty() {
            body.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(body, "<li>{}</li>", h::esc(item));
            }
            body.push_str("</ul>\n");
        }
    }
    let _ = writeln!(body, "<p class=\"note\">{}</p>", h::esc(request()));
    h::signatures(
        &mut body,
        None,
        Some((
            tr("T/M CHI BỘ", "FOR THE CELL"),
            Some(tr("BÍ THƯ", "SECRETARY")),
            n.secretary.as_deref(),
        )),
        &recipients(n),
    );
    h::page(&format!("{t1} {t2} — {}", n.cell), &body)
}

/// The notice as a Word document.
pub fn docx(n: &Notice) -> std::io::Result<Vec<u8>> {
    use crate::render::docx::{Align, BOLD, Doc, PLAIN};
    let mut doc = Doc::new();
    let number = number();
    crate::render::report::docx::party_header(
        &mut doc,
        n.parent.as_deref(),
        Some(&n.cell),
        &place_dateline(n.locality.as_deref(), n.issued),
        Some(&number),
    );
    let (t1, t2) = title_lines(n);
    doc.para(&t1, crate::render::docx::TITLE, Align::Center);
    doc.para(&t2, BOLD, Align::Center);
    doc.indented(&opening(n));
    for (i, (label, text, items)) in points(n).iter().enumerate() {
        let runs = [
            (format!("{}. {label}: ", i + 1), BOLD),
            (text.clone(), PLAIN),
        ];
        let runs: Vec<(&str, _)> = runs.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        if items.is_empty() {
            doc.runs(&runs, Align::Justify);
        } else {
            doc.lead(&runs, Align::Justify);
        }
        for item in items {
            doc.item(item, 0);
        }
    }
    doc.indented(request());
    let right = [
        tr("T/M CHI BỘ", "FOR THE CELL").to_owned(),
        tr("BÍ THƯ", "SECRETARY").to_owned(),
    ];
    let name = n.secretary.as_deref().unwrap_or("……………………………");
    doc.signatures_with(&[], &right, ("", name), &recipients(n));
    doc.into_bytes()
}
