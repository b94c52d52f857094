//! The reviews for people and programs: what `review open` and `review self` say, the list of
//! a period, the report (table, JSON, CSV, Markdown, HTML) and the self-assessment form.

use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::Cell;
use serde_json::{Value, json};

use crate::core::model::{CellFile, Member, Vote};
use crate::core::period::Period;
use crate::core::review::model::ReviewFile;
use crate::core::review::score::{Allowed, condition_text};
use crate::core::review::summary::{CellSummary, Row, Totals};
use crate::core::review::{ReviewLevel, Scheme};
use crate::i18n::{lang, tr};
use crate::render::report::{html as h, md, period_words, place_dateline};
use crate::render::table;

/// The formats `review report` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A terminal report
    #[default]
    Table,
    /// The stable interface for scripts
    Json,
    /// One row per member, for a spreadsheet
    Csv,
    /// A Markdown document
    Md,
    /// A self-contained A4 page to print
    Html,
}

/// The formats `review form` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FormFormat {
    /// A Markdown document
    #[default]
    Md,
    /// A self-contained A4 page to print
    Html,
    /// A Word document (A4) to edit, sign and file
    Docx,
}

fn level_text(l: Option<ReviewLevel>) -> String {
    l.map_or_else(|| "—".to_owned(), |l| l.label(lang()).to_owned())
}

fn vote_text(v: Option<Vote>) -> String {
    v.map_or_else(String::new, |v| {
        format!("{}/{}/{}", v.in_favour, v.against, v.abstain)
    })
}

/// What `review open` did.
pub fn opened(
    key: &str,
    scheme: &Scheme,
    created: &[String],
    kept: usize,
    skipped: &[String],
) -> String {
    let mut out = format!(
        "{} {key} ({}: {})\n",
        tr("Mở đợt đánh giá", "Opened the review of"),
        tr("bộ quy tắc", "scheme"),
        scheme.name
    );
    let _ = writeln!(
        out,
        "  {} {}: {}",
        created.len(),
        tr("tệp mới", "new files"),
        created.join(", ")
    );
    if kept > 0 {
        let _ = writeln!(
            out,
            "  {kept} {}",
            tr("tệp đã có, giữ nguyên", "files already there, kept")
        );
    }
    for s in skipped {
        let _ = writeln!(out, "  {} {s}", tr("không đánh giá:", "not reviewed:"));
    }
    let _ = writeln!(
        out,
        "{} cellbook review self MEMBER {key} --points … --proposed …",
        tr("Tiếp theo:", "Next:")
    );
    out
}

/// What `review self` saved, with the level the rules allow beside the proposed one.
pub fn self_saved(name: &str, key: &str, file: &ReviewFile, allowed: Option<&Allowed>) -> String {
    let s = file.self_review.clone().unwrap_or_default();
    let mut out = format!(
        "{name} {key}: {}\n",
        tr("đã ghi bản tự kiểm điểm", "self-assessment saved")
    );
    let points = s.total().map_or_else(|| "—".to_owned(), |p| p.to_string());
    let _ = writeln!(out, "  {}: {points}", tr("Tổng điểm", "Points"));
    if file.unclassified {
        let _ = writeln!(
            out,
            "  {}",
            tr(
                "Chỉ kiểm điểm, chưa xếp loại (mới kết nạp)",
                "Reviewed, not classified (newly admitted)"
            )
        );
        return out;
    }
    if let Some(a) = allowed {
        let _ = writeln!(
            out,
            "  {}: {}",
            tr("Quy định cho phép", "The rules allow"),
            a.level.label(lang())
        );
        if let Some(better) = ReviewLevel::ALL.iter().rev().find(|l| **l > a.level) {
            for r in a.reasons_against(*better) {
                let _ = writeln!(out, "    - {}", r.message(a.points, lang()));
            }
        }
    }
    let _ = writeln!(
        out,
        "  {}: {}",
        tr("Tự xếp loại", "Proposed"),
        level_text(s.proposed)
    );
    out
}

fn next_text(r: &Row) -> String {
    match r.next {
        Some(stage) => stage.label(lang()).to_owned(),
        None if r.unclassified => tr("chỉ kiểm điểm", "reviewed only").to_owned(),
        None => tr("xong", "done").to_owned(),
    }
}

fn row_cells(r: &Row) -> Vec<String> {
    vec![
        r.id.clone()
            .unwrap_or_else(|| tr("chi bộ", "cell").to_owned()),
        r.name.clone(),
        r.points.map_or_else(String::new, |p| p.to_string()),
        level_text(r.allowed),
        level_text(r.proposed),
        match (r.cell, r.vote) {
            (Some(l), Some(v)) => format!("{} ({})", l.label(lang()), vote_text(Some(v))),
            (l, _) => level_text(l),
        },
        level_text(r.decided),
        next_text(r),
    ]
}

fn headers() -> Vec<&'static str> {
    vec![
        tr("Mã", "Id"),
        tr("Họ tên", "Name"),
        tr("Điểm", "Points"),
        tr("Quy định cho phép", "Rules allow"),
        tr("Tự xếp loại", "Proposed"),
        tr("Chi bộ (biểu quyết)", "Cell (vote)"),
        tr("Cấp ủy quyết định", "Decided"),
        tr("Bước tiếp", "Next"),
    ]
}

fn totals_line(t: &Totals) -> String {
    format!(
        "{}: {} ({} {}) — {}: {}, {}: {}, {}: {}, {}: {}",
        tr("Đảng viên được đánh giá", "Members reviewed"),
        t.reviewed,
        t.done,
        tr("xong", "done"),
        ReviewLevel::Excellent.label(lang()),
        t.levels.excellent,
        ReviewLevel::Good.label(lang()),
        t.levels.good,
        ReviewLevel::Complete.label(lang()),
        t.levels.complete,
        ReviewLevel::Incomplete.label(lang()),
        t.levels.incomplete,
    )
}

/// `review list`: who has done what, and what is missing.
pub fn list(s: &CellSummary, scheme: &Scheme) -> String {
    let mut t = table::new(headers());
    for r in s.collective.iter().chain(&s.members) {
        t.add_row(row_cells(r).into_iter().map(Cell::new).collect::<Vec<_>>());
    }
    let mut out = format!(
        "{} — {} {} ({})\n{t}\n{}\n",
        s.cell,
        tr("đánh giá, xếp loại", "review of"),
        period_words(s.period),
        scheme.name,
        totals_line(&s.totals)
    );
    if let Some(cap) = crate::core::review::summary::excellent_cap(scheme, &s.totals.levels) {
        let _ = writeln!(
            out,
            "{}: {}/{cap}",
            tr(
                "Hoàn thành xuất sắc nhiệm vụ / tối đa",
                "Excellent / at most"
            ),
            s.totals.levels.excellent
        );
    }
    for (id, name) in &s.missing {
        let _ = writeln!(
            out,
            "{} {name} ({id}): cellbook review open {}",
            tr("Chưa có tệp đánh giá:", "No review file:"),
            s.period
        );
    }
    out
}

/// `review report` in the format asked for.
pub fn report(cells: &[CellSummary], period: Period, format: ReportFormat) -> String {
    match format {
        ReportFormat::Table => report_table(cells, period),
        ReportFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&report_json(cells, period)).unwrap_or_default();
            text.push('\n');
            text
        }
        ReportFormat::Csv => report_csv(cells),
        ReportFormat::Md => report_md(cells, period),
        ReportFormat::Html => report_html(cells, period),
    }
}

fn grand_totals(cells: &[CellSummary]) -> Totals {
    cells
        .iter()
        .fold(Totals::default(), |t, c| t.plus(c.totals))
}

fn report_table(cells: &[CellSummary], period: Period) -> String {
    let mut out = String::new();
    for c in cells {
        let mut t = table::new(headers());
        for r in c.collective.iter().chain(&c.members) {
            t.add_row(row_cells(r).into_iter().map(Cell::new).collect::<Vec<_>>());
        }
        let _ = writeln!(
            out,
            "{} — {}\n{t}\n{}\n",
            c.cell,
            period_words(period),
            totals_line(&c.totals)
        );
    }
    if cells.len() > 1 {
        let _ = writeln!(
            out,
            "{} ({} {})\n{}",
            tr("Tổng cộng", "Total"),
            cells.len(),
            tr("chi bộ", "cells"),
            totals_line(&grand_totals(cells))
        );
    }
    out
}

fn level_json(l: Option<ReviewLevel>) -> Value {
    l.map_or(Value::Null, |l| Value::String(l.key().to_owned()))
}

fn row_json(r: &Row) -> Value {
    json!({
        "id": r.id,
        "name": r.name,
        "self": { "points": r.points, "level": level_json(r.proposed) },
        "allowed": level_json(r.allowed),
        "cell": {
            "level": level_json(r.cell),
            "vote": r.vote.map(|v| json!({"for": v.in_favour, "against": v.against, "abstain": v.abstain})),
        },
        "decided": { "level": level_json(r.decided) },
        "level": level_json(r.level()),
        "unclassified": r.unclassified,
        "next": r.next.map(|s| s.key()),
    })
}

fn totals_json(t: &Totals) -> Value {
    json!({
        "reviewed": t.reviewed,
        "done": t.done,
        "levels": t.levels,
    })
}

/// The stable JSON of docs/reviews.md.
pub fn report_json(cells: &[CellSummary], period: Period) -> Value {
    json!({
        "period": period,
        "cells": cells.iter().map(|c| json!({
            "name": c.cell,
            "parent": c.parent,
            "scheme": c.scheme,
            "members": c.members.iter().map(row_json).collect::<Vec<_>>(),
            "collective": c.collective.as_ref().map(row_json),
            "missing": c.missing.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
            "totals": totals_json(&c.totals),
        })).collect::<Vec<_>>(),
        "totals": totals_json(&grand_totals(cells)),
    })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn report_csv(cells: &[CellSummary]) -> String {
    let mut out = String::from(
        "cell,id,name,points,allowed,proposed,cell_level,vote_for,vote_against,vote_abstain,decided,level,unclassified,next\n",
    );
    let key = |l: Option<ReviewLevel>| l.map_or("", ReviewLevel::key);
    for c in cells {
        for r in c.collective.iter().chain(&c.members) {
            let v = |f: fn(&Vote) -> u32| {
                r.vote
                    .as_ref()
                    .map_or_else(String::new, |v| f(v).to_string())
            };
            let fields = [
                csv_field(&c.cell),
                r.id.clone().unwrap_or_default(),
                csv_field(&r.name),
                r.points.map_or_else(String::new, |p| p.to_string()),
                key(r.allowed).to_owned(),
                key(r.proposed).to_owned(),
                key(r.cell).to_owned(),
                v(|v| v.in_favour),
                v(|v| v.against),
                v(|v| v.abstain),
                key(r.decided).to_owned(),
                key(r.level()).to_owned(),
                r.unclassified.to_string(),
                r.next.map_or("", |s| s.key()).to_owned(),
            ];
            let _ = writeln!(out, "{}", fields.join(","));
        }
    }
    out
}

fn report_title(period: Period) -> String {
    format!(
        "{} {}",
        tr(
            "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
            "REPORT ON THE REVIEW AND CLASSIFICATION OF MEMBERS"
        ),
        period_words(period).to_uppercase()
    )
}

fn report_md(cells: &[CellSummary], period: Period) -> String {
    let mut out = String::new();
    let one = (cells.len() == 1).then(|| &cells[0]);
    md::header_table(
        &mut out,
        one.and_then(|c| c.parent.as_deref()),
        one.map(|c| c.cell.as_str()),
        &place_dateline(None, period.end()),
        None,
    );
    let _ = writeln!(out, "# {}\n", md::esc(&report_title(period)));
    for c in cells {
        let _ = writeln!(out, "## {}\n", md::esc(&c.cell));
        let _ = writeln!(out, "| {} |", headers().join(" | "));
        let _ = writeln!(out, "|{}|", vec!["---"; headers().len()].join("|"));
        for r in c.collective.iter().chain(&c.members) {
            let cells: Vec<String> = row_cells(r).iter().map(|s| md::esc(s)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        let _ = writeln!(out, "\n{}\n", md::esc(&totals_line(&c.totals)));
    }
    if cells.len() > 1 {
        let _ = writeln!(
            out,
            "**{}**: {}\n",
            tr("Tổng cộng", "Total"),
            md::esc(&totals_line(&grand_totals(cells)))
        );
    }
    out
}

fn report_html(cells: &[CellSummary], period: Period) -> String {
    let mut body = String::new();
    let one = (cells.len() == 1).then(|| &cells[0]);
    h::party_header(
        &mut body,
        one.and_then(|c| c.parent.as_deref()),
        one.map(|c| c.cell.as_str()),
        &place_dateline(None, period.end()),
        None,
    );
    let title = report_title(period);
    let _ = writeln!(body, "<h1>{}</h1>", h::esc(&title));
    for c in cells {
        let _ = writeln!(
            body,
            "<h2>{}</h2>\n<table class=\"data\"><tr>",
            h::esc(&c.cell)
        );
        for head in headers() {
            let _ = write!(body, "<th>{}</th>", h::esc(head));
        }
        body.push_str("</tr>\n");
        for r in c.collective.iter().chain(&c.members) {
            body.push_str("<tr>");
            for cell in row_cells(r) {
                let _ = write!(body, "<td>{}</td>", h::esc(&cell));
            }
            body.push_str("</tr>\n");
        }
        let _ = writeln!(body, "</table>\n<p>{}</p>", h::esc(&totals_line(&c.totals)));
    }
    if cells.len() > 1 {
        let _ = writeln!(
            body,
            "<p><b>{}:</b> {}</p>",
            h::esc(tr("Tổng cộng", "Total")),
            h::esc(&totals_line(&grand_totals(cells)))
        );
    }
    h::page(&title, &body)
}

/// What the self-assessment form is made of.
pub struct Form<'a> {
    pub config: &'a CellFile,
    pub member: Option<&'a Member>,
    /// The secretary, who signs the cell's own report.
    pub secretary: Option<&'a Member>,
    pub period: Period,
    pub file: &'a ReviewFile,
    pub scheme: &'a Scheme,
    pub allowed: Option<&'a Allowed>,
    pub today: NaiveDate,
}

/// A line of the form, rendered the same way in Markdown and HTML.
enum Line {
    Section(String),
    Field(String, String),
    Para(String),
}

fn form_title(f: &Form) -> (String, String) {
    let first = if f.file.collective {
        tr(
            "BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ",
            "THE CELL'S COLLECTIVE SELF-ASSESSMENT",
        )
    } else {
        tr("BẢN KIỂM ĐIỂM ĐẢNG VIÊN", "A MEMBER'S SELF-ASSESSMENT")
    };
    (first.to_owned(), period_words(f.period).to_uppercase())
}

fn form_lines(f: &Form) -> Vec<Line> {
    let mut out = Vec::new();
    let s = f.file.self_review.clone().unwrap_or_default();
    if let Some(m) = f.member {
        out.push(Line::Field(tr("Họ và tên", "Name").into(), m.name.clone()));
        out.push(Line::Field(
            tr("Chức vụ", "Role").into(),
            format!("{} ({})", m.role.label(lang()), m.status.label(lang())),
        ));
    }
    out.push(Line::Field(
        tr("Chi bộ", "Cell").into(),
        f.config.cell.name.clone(),
    ));
    let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "…".to_owned());
    out.push(Line::Section(tr("I. Ưu điểm", "I. Strengths").into()));
    out.push(Line::Para(text(&s.strengths)));
    out.push(Line::Section(
        tr(
            "II. Hạn chế, khuyết điểm và nguyên nhân",
            "II. Shortcomings and their causes",
        )
        .into(),
    ));
    out.push(Line::Para(text(&s.shortcomings)));
    out.push(Line::Field(
        tr("Nguyên nhân", "Causes").into(),
        text(&s.causes),
    ));
    out.push(Line::Section(
        tr("III. Biện pháp khắc phục", "III. Remedies").into(),
    ));
    out.push(Line::Para(text(&s.remedies)));
    self_level(f, &s, &mut out);
    later_stages(f, &mut out);
    out
}

/// Part IV: the points by group, the facts, the level the rules allow and the proposed one.
fn self_level(f: &Form, s: &crate::core::review::SelfStage, out: &mut Vec<Line>) {
    out.push(Line::Section(
        tr("IV. Tự đánh giá, xếp loại", "IV. Self-assessment and level").into(),
    ));
    for g in &f.scheme.subject(f.file.collective).groups {
        let got = s
            .scores
            .get(&g.id)
            .map_or_else(|| "…".to_owned(), u32::to_string);
        out.push(Line::Field(g.title.clone(), format!("{got}/{}", g.max)));
    }
    let total = s.total().map_or_else(|| "…".to_owned(), |p| p.to_string());
    out.push(Line::Field(tr("Tổng điểm", "Points").into(), total));
    let pct = |v: Option<u32>| v.map_or_else(|| "…".to_owned(), |v| format!("{v}%"));
    out.push(Line::Field(
        tr("Nhiệm vụ hoàn thành", "Tasks done").into(),
        pct(s.tasks_done),
    ));
    out.push(Line::Field(
        tr("Đúng hạn, bảo đảm chất lượng", "On time, with quality").into(),
        pct(s.tasks_on_time),
    ));
    out.push(Line::Field(
        tr("Vượt mức yêu cầu", "Beyond what was asked").into(),
        pct(s.tasks_exceeded),
    ));
    let disciplined = if s.disciplined.unwrap_or(false) {
        tr("có", "yes")
    } else {
        tr("không", "no")
    };
    out.push(Line::Field(
        tr("Bị kỷ luật trong kỳ", "Disciplined in the period").into(),
        disciplined.into(),
    ));
    if f.file.unclassified {
        out.push(Line::Para(
            tr(
                "Đảng viên mới kết nạp: kiểm điểm, không xếp loại.",
                "Newly admitted: reviewed, not classified.",
            )
            .into(),
        ));
    } else {
        if let Some(a) = f.allowed {
            out.push(Line::Field(
                tr("Mức quy định cho phép", "Level the rules allow").into(),
                a.level.label(lang()).into(),
            ));
        }
        out.push(Line::Field(
            tr("Tự xếp loại", "Proposed level").into(),
            level_text(s.proposed),
        ));
    }
}

/// The cell's assessment and the decision, once made; the levels' conditions as a reminder.
fn later_stages(f: &Form, out: &mut Vec<Line>) {
    if let Some(c) = &f.file.cell {
        out.push(Line::Section(
            tr("V. Chi bộ đánh giá, xếp loại", "V. The cell's assessment").into(),
        ));
        let mut v = c.level.label(lang()).to_owned();
        if let Some(vote) = c.vote {
            let _ = write!(
                v,
                " ({} {})",
                tr("biểu quyết", "vote"),
                vote_text(Some(vote))
            );
        }
        out.push(Line::Field(tr("Mức", "Level").into(), v));
        if let Some(n) = &c.note {
            out.push(Line::Para(n.clone()));
        }
    }
    if let Some(d) = &f.file.decided {
        out.push(Line::Section(
            tr(
                "VI. Cấp ủy có thẩm quyền quyết định",
                "VI. The competent committee's decision",
            )
            .into(),
        ));
        let by = d.by.clone().unwrap_or_default();
        out.push(Line::Field(
            tr("Mức", "Level").into(),
            format!(
                "{} — {} {by}",
                d.level.label(lang()),
                crate::render::report::date(d.on)
            ),
        ));
    }
    let subject = f.scheme.subject(f.file.collective);
    let rules: Vec<String> = subject
        .levels
        .iter()
        .filter(|l| !l.conditions.is_empty() || l.min > 0)
        .map(|l| {
            let conds: Vec<String> = l
                .conditions
                .iter()
                .map(|c| condition_text(c, lang()))
                .collect();
            format!(
                "{} ≥ {}: {}",
                l.level.label(lang()),
                l.min,
                conds.join("; ")
            )
        })
        .collect();
    out.push(Line::Para(format!(
        "{} ({}): {}",
        tr("Căn cứ", "Rules"),
        f.scheme.name,
        rules.join(" · ")
    )));
}

/// Who signs: the member, or for the cell "T/M CHI BỘ" with the secretary's title and name.
fn signer(f: &Form) -> (&'static str, Option<&'static str>, String) {
    if f.file.collective {
        let name = f.secretary.map_or_else(String::new, |m| m.name.clone());
        return (
            tr("T/M CHI BỘ", "FOR THE CELL"),
            Some(tr("BÍ THƯ", "SECRETARY")),
            name,
        );
    }
    let name = f.member.map_or_else(String::new, |m| m.name.clone());
    (tr("NGƯỜI TỰ KIỂM ĐIỂM", "SIGNED"), None, name)
}

/// The form as Markdown.
pub fn form_md(f: &Form) -> String {
    let mut out = String::new();
    md::header_table(
        &mut out,
        f.config.cell.parent.as_deref(),
        Some(&f.config.cell.name),
        &place_dateline(f.config.cell.locality.as_deref(), f.today),
        None,
    );
    let (t1, t2) = form_title(f);
    let _ = writeln!(out, "# {}\n\n**{}**\n", md::esc(&t1), md::esc(&t2));
    for line in form_lines(f) {
        match line {
            Line::Section(s) => {
                let _ = writeln!(out, "\n## {}\n", md::esc(&s));
            }
            Line::Field(k, v) => {
                let _ = writeln!(out, "**{}:** {}  ", md::esc(&k), md::esc(&v));
            }
            Line::Para(p) => {
                let _ = writeln!(out, "\n{}\n", md::esc(&p));
            }
        }
    }
    let (heading, title, name) = signer(f);
    let _ = writeln!(out, "\n**{}**  ", md::esc(heading));
    if let Some(t) = title {
        let _ = writeln!(out, "**{}**  ", md::esc(t));
    }
    let _ = writeln!(out, "\n{}", md::esc(&name));
    // One blank line between blocks.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

/// The form as a self-contained A4 page.
pub fn form_html(f: &Form) -> String {
    let mut body = String::new();
    h::party_header(
        &mut body,
        f.config.cell.parent.as_deref(),
        Some(&f.config.cell.name),
        &place_dateline(f.config.cell.locality.as_deref(), f.today),
        None,
    );
    let (t1, t2) = form_title(f);
    let _ = writeln!(body, "<h1>{}<br>{}</h1>", h::esc(&t1), h::esc(&t2));
    for line in form_lines(f) {
        match line {
            Line::Section(s) => {
                let _ = writeln!(body, "<h2>{}</h2>", h::esc(&s));
            }
            Line::Field(k, v) => {
                let _ = writeln!(body, "<p><b>{}:</b> {}</p>", h::esc(&k), h::esc(&v));
            }
            Line::Para(p) => {
                let _ = writeln!(body, "<p>{}</p>", h::esc(&p));
            }
        }
    }
    let (heading, title, name) = signer(f);
    h::signatures(&mut body, None, Some((heading, title, Some(&name))), &[]);
    h::page(&format!("{t1} {t2}"), &body)
}

/// The form as a Word document (A4), in the layout of the minutes and the report: the Party
/// header, the title, the four parts, and the signature on the right.
pub fn form_docx(f: &Form) -> std::io::Result<Vec<u8>> {
    use crate::render::docx::{Align, BOLD, Doc, PLAIN, TITLE};
    let mut doc = Doc::new();
    crate::render::report::docx::party_header(
        &mut doc,
        f.config.cell.parent.as_deref(),
        Some(&f.config.cell.name),
        &place_dateline(f.config.cell.locality.as_deref(), f.today),
        None,
    );
    let (t1, t2) = form_title(f);
    doc.para(&t1, TITLE, Align::Center);
    doc.para(&t2, BOLD, Align::Center);
    for line in form_lines(f) {
        match line {
            Line::Section(s) => doc.heading(&s, BOLD),
            Line::Field(k, v) => {
                doc.runs(&[(&format!("{k}: "), BOLD), (&v, PLAIN)], Align::Justify)
            }
            Line::Para(p) => doc.para(&p, PLAIN, Align::Justify),
        }
    }
    let (heading, title, name) = signer(f);
    let right: Vec<String> = std::iter::once(heading)
        .chain(title)
        .map(str::to_owned)
        .collect();
    doc.signatures(&[], &right, ("", &name));
    doc.into_bytes()
}
