//! `--format html`: the report as one self-contained A4 page (no scripts, no external files):
//! the Party document header, the meetings table, the results, an inline SVG chart of the
//! levels by month, and the signature lines.
//!
//! Every piece of text that comes from a ledger goes through [`esc`]: a cell or a member named
//! `<script>` is printed as text.

use std::fmt::Write;

use super::notes::{Block, NoteSection};
use super::sections::{self, Item, Part};
use super::{Letterhead, date, levels_by_month, recipient_lines, report_title};
use chrono::NaiveDate;

use crate::core::level::Level;
use crate::core::report::model::{CellReport, LevelCounts, Report, Trend};
use crate::i18n::{Lang, lang, tr};

pub fn write(
    report: &Report,
    line: &str,
    head: &Letterhead,
    to: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let (kind, subject) = report_title(report, head);
    to.write_all(page_head(&format!("{kind} {subject}")).as_bytes())?;
    let mut body = String::new();
    let (parent, issuer) = super::issuer(report, head);
    let number = head.number.as_deref();
    party_header(
        &mut body,
        parent.as_deref(),
        issuer.as_deref(),
        line,
        number,
    );
    let p = report.period;
    let _ = writeln!(body, "<h1>{}<br>{}</h1>", esc(&kind), esc(&subject));
    if let Some(note) = super::compilation_note(report, head) {
        let _ = writeln!(body, "<p class=\"center\"><i>{}</i></p>", esc(&note));
    }
    let _ = writeln!(
        body,
        "<p class=\"center\"><i>{}: {} – {}</i></p>",
        tr("Kỳ báo cáo", "Period"),
        date(p.start()),
        date(p.end())
    );
    for section in sections::outline(report, &head.notes) {
        let _ = writeln!(body, "<h2>{}</h2>", esc(&section.heading()));
        match section.part {
            Part::Meetings => {
                if let Some(cell) = report.cells.first() {
                    meetings(cell, &mut body);
                }
            }
            Part::Results => {
                // The chart first: the list then ends the section, and it is the list, not a
                // chart, that goes to a new page with the signatures when they do not fit.
                chart_section(report, &mut body);
                if let Some(cell) = report.cells.first() {
                    list(&sections::cell_items(cell), &mut body);
                }
            }
            Part::Summary => {
                summary_table(report, &mut body);
                list(&sections::totals_items(&report.totals), &mut body);
                chart_section(report, &mut body);
            }
            Part::Cells => {
                for (i, cell) in report.cells.iter().enumerate() {
                    // One cell's text at a time, written out before the next is drawn.
                    to.write_all(body.as_bytes())?;
                    body.clear();
                    let _ = writeln!(body, "<h3>{}. {}</h3>", i + 1, esc(&cell.name));
                    meetings(cell, &mut body);
                    list(&sections::cell_items(cell), &mut body);
                }
            }
            Part::Trend => {
                if let Some(trend) = &report.previous {
                    trend_table(report, trend, &mut body);
                }
            }
            Part::Note(i) => {
                if let Some(note) = head.notes.get(i) {
                    note_body(note, &mut body);
                }
            }
        }
    }
    let s = super::signer(report, head);
    let signer = (s.on_behalf.as_str(), s.title.as_deref(), s.name.as_deref());
    signatures(&mut body, None, Some(signer), &head.recipients);
    to.write_all(body.as_bytes())?;
    to.write_all(PAGE_TAIL.as_bytes())
}

/// A complete page around `body`, styled for A4 paper.
pub fn page(title: &str, body: &str) -> String {
    format!("{}{body}{PAGE_TAIL}", page_head(title))
}

/// A page up to the start of its body.
fn page_head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        lang().code(),
        esc(title)
    )
}

const PAGE_TAIL: &str = "</body>\n</html>\n";

const STYLE: &str = "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: \"Times New Roman\", Times, serif; font-size: 13pt; line-height: 1.35;
  color: #000; background: #fff; max-width: 165mm; margin: 1em auto; }
table.head { width: 100%; border-collapse: collapse; margin-bottom: 1em; }
table.head td { width: 60%; text-align: center; vertical-align: top; padding: 0; }
table.head td:first-child { width: 40%; }
.party { font-weight: bold; text-decoration: underline; }
h1 { font-size: 14pt; text-align: center; margin: 1.2em 0 0.2em; }
h2 { font-size: 13pt; margin: 1em 0 0.4em; }
h3 { font-size: 13pt; font-style: italic; margin: 0.8em 0 0.3em; }
p { margin: 0.3em 0; text-align: justify; }
p.note { text-indent: 1cm; }
.center { text-align: center; }
table.data { width: 100%; border-collapse: collapse; font-size: 11pt; margin: 0.4em 0; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; }
table.data th { background: #eee; }
td.num { text-align: right; }
tr.total td { font-weight: bold; }
ul { margin: 0.3em 0; padding-left: 1.4em; }
.chart { display: block; max-width: 150mm; margin: 0.3em auto; break-inside: avoid; page-break-inside: avoid; }
table.sign { width: 100%; margin-top: 1.2em; border-collapse: collapse; page-break-inside: avoid; break-inside: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3, p.sub { break-after: avoid; page-break-after: avoid; }
table.sign td { width: 50%; text-align: center; vertical-align: top; }
.sign-space { height: 4.5em; }
@media print { body { margin: 0; max-width: none; } }
";

/// The header of a Party document: committees on the left; the Party (in Vietnamese) and the
/// place-and-date line ([`super::place_dateline`]) on the right.
/// `number` is the number-and-symbol line, under the star.
pub fn party_header(
    out: &mut String,
    parent: Option<&str>,
    cell: Option<&str>,
    line: &str,
    number: Option<&str>,
) {
    let _ = writeln!(out, "<table class=\"head\"><tr><td>");
    if let Some(p) = parent {
        let _ = writeln!(out, "{}<br>", esc(&p.to_uppercase()));
    }
    if let Some(c) = cell {
        let _ = writeln!(out, "<b>{}</b><br>", esc(&c.to_uppercase()));
    }
    out.push('*');
    if let Some(n) = number {
        let _ = write!(out, "<br>{}", esc(n));
    }
    let _ = writeln!(out, "</td><td>");
    if lang() == Lang::Vi {
        let _ = writeln!(
            out,
            "<span class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</span><br>"
        );
    }
    let _ = writeln!(out, "<i>{}</i></td></tr></table>", esc(line));
}

/// The signature block: each side a (heading, title, name); the space between is for the pen.
/// With no left signature, the left column holds the recipients (*Nơi nhận*), if any.
pub fn signatures(
    out: &mut String,
    left: Option<(&str, Option<&str>, Option<&str>)>,
    right: Option<(&str, Option<&str>, Option<&str>)>,
    recipients: &[String],
) {
    let side = |out: &mut String, s: Option<(&str, Option<&str>, Option<&str>)>| {
        let _ = write!(out, "<td>");
        if let Some((heading, title, name)) = s {
            let _ = write!(out, "<b>{}</b>", esc(heading));
            if let Some(t) = title {
                let _ = write!(out, "<br><b>{}</b>", esc(t));
            }
            let _ = write!(
                out,
                "<br><i>{}</i><div class=\"sign-space\"></div><b>{}</b>",
                tr("(Ký, ghi rõ họ tên)", "(signature)"),
                esc(name.unwrap_or("……………………………"))
            );
        }
        let _ = writeln!(out, "</td>");
    };
    let kept = keep_last_block(out);
    let _ = writeln!(out, "<table class=\"sign\"><tr>");
    if left.is_none() && !recipients.is_empty() {
        let _ = write!(
            out,
            "<td style=\"text-align: left; font-size: 11pt\"><b><i>{}</i></b>",
            tr("Nơi nhận:", "Recipients:")
        );
        for line in recipient_lines(recipients) {
            let _ = write!(out, "<br>{}", esc(&line));
        }
        let _ = writeln!(out, "</td>");
    } else {
        side(out, left);
    }
    side(out, right);
    let _ = writeln!(out, "</tr></table>");
    if kept {
        out.push_str("</div>\n");
    }
}

/// Open a block that keeps the last element written (with its heading, when it follows one)
/// on the page of the signature block that comes next, so the signatures never fall alone onto
/// a page (`break-inside: avoid` on `.keep`). The elements this module writes each start a
/// line; `false` when there is none to keep.
fn keep_last_block(out: &mut String) -> bool {
    const STARTS: [&str; 7] = [
        "\n<ul>",
        "\n<p>",
        "\n<p ",
        "\n<table ",
        "\n<h2>",
        "\n<h3>",
        "\n<svg ",
    ];
    let start_of = |text: &str| STARTS.iter().filter_map(|s| text.rfind(s)).max();
    let Some(mut at) = start_of(out) else {
        return false;
    };
    // A heading, or a sub-heading in bold, stays with what it heads.
    if let Some(before) = start_of(&out[..at])
        && (out[before..].starts_with("\n<h") || out[before..].starts_with("\n<p class=\"sub\">"))
    {
        at = before;
    }
    out.insert_str(at + 1, "<div class=\"keep\">\n");
    true
}

/// A section of the notes: sub-headings in bold, paragraphs, list items.
fn note_body(note: &NoteSection, out: &mut String) {
    let mut in_list = false;
    for block in &note.blocks {
        let item = matches!(block, Block::Item(_));
        if in_list && !item {
            out.push_str("</ul>\n");
        }
        if item && !in_list {
            out.push_str("<ul>\n");
        }
        in_list = item;
        match block {
            Block::Heading(Some(n), t) => {
                let _ = writeln!(out, "<p class=\"sub\"><b>{n}. {}</b></p>", esc(t));
            }
            Block::Heading(None, t) => {
                let _ = writeln!(out, "<p class=\"sub\"><b><i>{}</i></b></p>", esc(t));
            }
            Block::Para(p) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", emphasised(p));
            }
            Block::Item(i) => {
                let _ = writeln!(out, "<li>{}</li>", emphasised(i));
            }
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
}

/// A paragraph of the notes with its emphasis, the rest escaped.
fn emphasised(text: &str) -> String {
    super::notes::spans(text)
        .iter()
        .map(|s| match (s.bold, s.italic) {
            (true, _) => format!("<b>{}</b>", esc(&s.text)),
            (_, true) => format!("<i>{}</i>", esc(&s.text)),
            _ => esc(&s.text),
        })
        .collect()
}

/// A cell's meetings table, or a line saying there were none.
fn meetings(cell: &CellReport, out: &mut String) {
    if cell.meetings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", super::no_meetings_line(cell));
    } else {
        let _ = writeln!(out, "<table class=\"data\">");
        header_row(out, &sections::meeting_headers());
        for row in &cell.meetings {
            let cells = sections::meeting_cells(row).map(|c| esc(&c));
            data_row(out, "", &cells, &sections::MEETING_NUMERIC);
        }
        let _ = writeln!(out, "</table>");
    }
}

/// The results as a bulleted list.
fn list(items: &[Item], out: &mut String) {
    let _ = writeln!(out, "<ul>");
    for item in items {
        let value = esc(&item.value);
        let value = if item.strong {
            format!("<b>{value}</b>")
        } else {
            value
        };
        let _ = write!(out, "<li>{}: {value}", esc(&item.label));
        if !item.sub.is_empty() {
            let _ = write!(out, "<ul>");
            for line in &item.sub {
                let _ = write!(out, "<li>{}</li>", esc(line));
            }
            let _ = write!(out, "</ul>");
        }
        let _ = writeln!(out, "</li>");
    }
    let _ = writeln!(out, "</ul>");
}

fn header_row(out: &mut String, headers: &[&str]) {
    let cells: String = headers
        .iter()
        .map(|h| format!("<th>{}</th>", esc(h)))
        .collect();
    let _ = writeln!(out, "<tr>{cells}</tr>");
}

/// A row of already-escaped cells; numeric columns are right-aligned.
fn data_row(out: &mut String, class: &str, cells: &[String], numeric: &[bool]) {
    let cells: String = cells
        .iter()
        .zip(numeric)
        .map(|(c, &n)| {
            if n {
                format!("<td class=\"num\">{c}</td>")
            } else {
                format!("<td>{c}</td>")
            }
        })
        .collect();
    let _ = writeln!(out, "<tr{class}>{cells}</tr>");
}

fn summary_table(report: &Report, out: &mut String) {
    let _ = writeln!(out, "<table class=\"data\">");
    header_row(out, &sections::summary_headers());
    for c in &report.cells {
        let mut cells = vec![esc(&c.name)];
        cells.extend(sections::summary_cells(&c.totals, Some(c.compliance.ok)).map(|v| esc(&v)));
        data_row(out, "", &cells, &sections::SUMMARY_NUMERIC);
    }
    let mut total = vec![esc(tr("Tổng cộng", "Total"))];
    total.extend(sections::summary_cells(&report.totals, None).map(|v| esc(&v)));
    data_row(out, " class=\"total\"", &total, &sections::SUMMARY_NUMERIC);
    let _ = writeln!(out, "</table>");
}

/// The period before beside this one: a small table, kept whole on a page (`.keep`), its
/// heading with it (`h2` breaks after itself only onto what follows).
fn trend_table(report: &Report, trend: &Trend, out: &mut String) {
    let _ = writeln!(out, "<table class=\"data keep\">");
    header_row(
        out,
        &sections::trend_headers(report, trend)
            .each_ref()
            .map(String::as_str),
    );
    for row in sections::trend_rows(&report.totals, trend) {
        data_row(out, "", &row.map(|c| esc(&c)), &sections::TREND_NUMERIC);
    }
    let _ = writeln!(out, "</table>");
}

fn chart_section(report: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "<p class=\"sub\"><b>{}</b></p>",
        tr(
            "Xếp loại các buổi sinh hoạt theo tháng",
            "Meetings by level and month"
        )
    );
    out.push_str(&chart(&levels_by_month(report)));
}

/// The fill of each level in the chart and its legend: a colour on screen, and a pattern whose
/// grey differs from the others' on a black-and-white printer — Tốt solid dark, Khá diagonal
/// lines, Trung bình dots, Kém a light cross-hatch.
fn fill(level: Level) -> &'static str {
    match level {
        Level::Good => "url(#lv-good)",
        Level::Fair => "url(#lv-fair)",
        Level::Average => "url(#lv-average)",
        Level::Poor => "url(#lv-poor)",
    }
}

/// The patterns [`fill`] names.
const PATTERNS: &str = r##"<defs>
<pattern id="lv-good" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1b5e20"/></pattern>
<pattern id="lv-fair" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#bbdefb"/><rect width="3.5" height="8" fill="#0d47a1"/></pattern>
<pattern id="lv-average" width="7" height="7" patternUnits="userSpaceOnUse"><rect width="7" height="7" fill="#fff8e1"/><circle cx="3.5" cy="3.5" r="2" fill="#bf360c"/></pattern>
<pattern id="lv-poor" width="9" height="9" patternUnits="userSpaceOnUse"><rect width="9" height="9" fill="#fff"/><path d="M0 0L9 9M9 0L0 9" stroke="#b71c1c" stroke-width="1.4"/></pattern>
</defs>
"##;

/// Whether a count on this level's fill is written in white (on the solid dark fill).
fn light_text(level: Level) -> bool {
    level == Level::Good
}

/// A stacked bar per month: how many rated meetings reached each level, each part labelled with
/// its count, the bar with its total; the axes named. Readable printed in black and white.
pub fn chart(months: &[((i32, u32), LevelCounts)]) -> String {
    const W: f64 = 600.0;
    const H: f64 = 250.0;
    const LEFT: f64 = 56.0;
    const TOP: f64 = 22.0;
    const PLOT_H: f64 = 150.0;
    let total = |c: &LevelCounts| Level::ALL.iter().map(|&l| c.get(l)).sum::<u32>();
    let max = months
        .iter()
        .map(|(_, c)| total(c))
        .max()
        .unwrap_or(0)
        .max(1);
    // At most five grid lines, at whole counts.
    let step = max.div_ceil(5).max(1);
    let top_count = max.div_ceil(step) * step;
    let unit = PLOT_H / f64::from(top_count);
    let n = months.len().max(1) as f64;
    let slot = (W - LEFT - 10.0) / n;
    let bar = (slot * 0.55).clamp(4.0, 90.0);
    let base = TOP + PLOT_H;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" font-family=\"Times New Roman, serif\" font-size=\"15\">",
        esc(tr(
            "Xếp loại các buổi sinh hoạt theo tháng",
            "Meetings by level and month"
        ))
    );
    svg.push_str(PATTERNS);
    let mut k = 0;
    while k <= top_count {
        let y = base - f64::from(k) * unit;
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{}\" y2=\"{y:.1}\" stroke=\"#999\" stroke-width=\"0.6\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{k}</text>",
            W - 10.0,
            LEFT - 6.0,
            y + 5.0
        );
        k += step;
    }
    // The axes and their names.
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base}\" stroke=\"#000\"/><line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#000\"/><text transform=\"translate(16 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        W - 10.0,
        TOP + PLOT_H / 2.0,
        esc(tr("Số buổi", "Meetings"))
    );
    for (i, ((y, m), counts)) in months.iter().enumerate() {
        let x = LEFT + i as f64 * slot + (slot - bar) / 2.0;
        let all_labelled = bar_of(&mut svg, counts, (x, bar), (base, unit));
        let sum = total(counts);
        let parts = Level::ALL.iter().filter(|&&l| counts.get(l) > 0).count();
        // The total over the bar, unless its one part already says it.
        if parts > 1 || !all_labelled || sum == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{sum}</text>",
                x + bar / 2.0,
                base - f64::from(sum) * unit - 5.0
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + bar / 2.0,
            base + 19.0,
            esc(&month_label(*y, *m, months.len() > 6))
        );
    }
    legend(&mut svg, H);
    svg.push_str("</svg>\n");
    svg
}

/// The month under a bar: "T7/2020" / "Jul 2020"; with many bars, only "T7" / "Jul", so the
/// names do not run into each other (the period's years are in the title).
fn month_label(year: i32, month: u32, short: bool) -> String {
    match (lang(), short) {
        (Lang::Vi, false) => format!("T{month}/{year}"),
        (Lang::Vi, true) => format!("T{month}"),
        (Lang::En, _) => NaiveDate::from_ymd_opt(year, month, 1).map_or_else(
            || format!("{month}/{year}"),
            |d| d.format(if short { "%b" } else { "%b %Y" }).to_string(),
        ),
    }
}

/// One month's bar: worst at the bottom, best on top, each part with its count inside when
/// there is room for it; `false` when a part was too short to hold its count.
fn bar_of(
    svg: &mut String,
    counts: &LevelCounts,
    (x, width): (f64, f64),
    (base, unit): (f64, f64),
) -> bool {
    let mut labelled = true;
    let mut top = base;
    for level in Level::ALL.iter().rev() {
        let count = counts.get(*level);
        if count == 0 {
            continue;
        }
        let h = f64::from(count) * unit;
        top -= h;
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{h:.1}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.8\"><title>{}: {count}</title></rect>",
            fill(*level),
            esc(level.label(lang()))
        );
        if h >= 16.0 {
            // The count on a white ground, so it reads on any pattern.
            let (cx, cy) = (x + width / 2.0, top + h / 2.0);
            let ink = if light_text(*level) { "#fff" } else { "#000" };
            let ground = if light_text(*level) {
                String::new()
            } else {
                format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"18\" height=\"16\" fill=\"#fff\"/>",
                    cx - 9.0,
                    cy - 8.0
                )
            };
            let _ = writeln!(
                svg,
                "{ground}<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{count}</text>",
                cy + 5.0
            );
        } else {
            // Too short to hold it: the count beside the part, smaller.
            labelled = false;
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{count}</text>",
                x + width + 4.0,
                top + h / 2.0 + 4.0
            );
        }
    }
    labelled
}

/// The legend, under the month names: a swatch of each level's fill and its name.
fn legend(svg: &mut String, height: f64) {
    let mut lx = 56.0;
    for level in Level::ALL {
        let _ = writeln!(
            svg,
            "<rect x=\"{lx}\" y=\"{}\" width=\"22\" height=\"16\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.8\"/><text x=\"{}\" y=\"{}\">{}</text>",
            height - 30.0,
            fill(level),
            lx + 28.0,
            height - 17.0,
            esc(level.label(lang()))
        );
        lx += 135.0;
    }
}

/// Escape text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn html_specials_are_escaped() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
