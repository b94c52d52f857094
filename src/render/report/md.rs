//! `--format md`: the report as a Markdown document a secretary can print or paste into the
//! report to the higher committee. Every piece of ledger text is escaped, so a name with `|`,
//! `*` or `<` stays text.

use std::fmt::Write;

use super::notes::{Block, NoteSection};
use super::sections::{self, Item, Part};
use super::{Letterhead, Signer, date, recipient_lines, report_title};
use crate::core::report::model::{CellReport, Report, Trend};
use crate::i18n::{Lang, lang, tr};

pub fn write(
    report: &Report,
    line: &str,
    head: &Letterhead,
    to: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    let (parent, issuer) = super::issuer(report, head);
    header_table(
        &mut out,
        parent.as_deref(),
        issuer.as_deref(),
        line,
        head.number.as_deref(),
    );
    let p = report.period;
    let (kind, subject) = report_title(report, head);
    let _ = writeln!(out, "# {}\n\n**{}**\n", esc(&kind), esc(&subject));
    if let Some(note) = super::compilation_note(report, head) {
        let _ = writeln!(out, "*{}*\n", esc(&note));
    }
    let _ = writeln!(
        out,
        "{}: {} – {}\n",
        tr("Kỳ báo cáo", "Period"),
        date(p.start()),
        date(p.end())
    );
    for section in sections::outline(report, &head.notes) {
        let _ = writeln!(out, "## {}\n", esc(&section.heading()));
        match section.part {
            Part::Meetings | Part::Results => {
                if let Some(cell) = report.cells.first() {
                    if section.part == Part::Meetings {
                        meetings(cell, &mut out);
                    } else {
                        list(&sections::cell_items(cell), &mut out);
                        out.push('\n');
                    }
                }
            }
            Part::Summary => {
                summary_table(report, &mut out);
                out.push('\n');
                list(&sections::totals_items(&report.totals), &mut out);
                out.push('\n');
            }
            Part::Cells => {
                for (i, cell) in report.cells.iter().enumerate() {
                    // One cell's text at a time, written out before the next is drawn.
                    to.write_all(out.as_bytes())?;
                    out.clear();
                    let _ = writeln!(out, "### {}. {}\n", i + 1, esc(&cell.name));
                    meetings(cell, &mut out);
                    list(&sections::cell_items(cell), &mut out);
                    out.push('\n');
                }
            }
            Part::Trend => {
                if let Some(trend) = &report.previous {
                    trend_table(report, trend, &mut out);
                }
            }
            Part::Note(i) => {
                if let Some(note) = head.notes.get(i) {
                    note_body(note, &mut out);
                }
            }
        }
    }
    signature_table(&mut out, &head.recipients, &super::signer(report, head));
    to.write_all(out.as_bytes())
}

/// A section of the notes: sub-headings in bold, paragraphs, list items.
fn note_body(note: &NoteSection, out: &mut String) {
    let mut in_list = false;
    for block in &note.blocks {
        let item = matches!(block, Block::Item(_));
        if in_list && !item {
            out.push('\n');
        }
        in_list = item;
        match block {
            Block::Heading(Some(n), t) => {
                let _ = writeln!(out, "**{n}. {}**\n", esc(t));
            }
            Block::Heading(None, t) => {
                let _ = writeln!(out, "***{}***\n", esc(t));
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{}\n", emphasised(p));
            }
            Block::Item(i) => {
                let _ = writeln!(out, "- {}", emphasised(i));
            }
        }
    }
    if in_list {
        out.push('\n');
    }
}

/// A paragraph of the notes with its emphasis, the rest escaped.
fn emphasised(text: &str) -> String {
    super::notes::spans(text)
        .iter()
        .map(|s| match (s.bold, s.italic) {
            (true, _) => format!("**{}**", esc(&s.text)),
            (_, true) => format!("*{}*", esc(&s.text)),
            _ => esc(&s.text),
        })
        .collect()
}

/// The parent committee all cells report to, when they share one.
pub fn common_parent(report: &Report) -> Option<String> {
    let first = report.cells.first()?.parent.clone()?;
    report
        .cells
        .iter()
        .all(|c| c.parent.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// The Party header as two columns, as the HTML lays it out: the committee, the cell and the
/// star on the left (and under it the number and symbol, when the document has one); the
/// Party's name and the place-and-date line on the right. The report, the minutes and the
/// notice share it.
pub fn header_table(
    out: &mut String,
    parent: Option<&str>,
    cell: Option<&str>,
    line: &str,
    number: Option<&str>,
) {
    let mut left: Vec<String> = parent.map(|p| esc(&p.to_uppercase())).into_iter().collect();
    left.extend(cell.map(|c| format!("**{}**", esc(&c.to_uppercase()))));
    left.push(esc("*"));
    left.extend(number.map(esc));
    let mut right = Vec::new();
    if lang() == Lang::Vi {
        right.push("**ĐẢNG CỘNG SẢN VIỆT NAM**".to_owned());
    }
    right.push(format!("*{}*", esc(line)));
    for i in 0..left.len().max(right.len()) {
        let cell = |side: &[String]| side.get(i).map_or("", String::as_str).to_owned();
        let _ = writeln!(out, "| {} | {} |", cell(&left), cell(&right));
        if i == 0 {
            let _ = writeln!(out, "|:---:|:---:|");
        }
    }
    out.push('\n');
}

/// A cell's meetings table, or a line saying there were none.
fn meetings(cell: &CellReport, out: &mut String) {
    if cell.meetings.is_empty() {
        let _ = writeln!(out, "{}\n", super::no_meetings_line(cell));
    } else {
        table_row(out, &sections::meeting_headers().map(esc));
        table_rule(out, &sections::MEETING_NUMERIC);
        for row in &cell.meetings {
            table_row(out, &sections::meeting_cells(row).map(|c| esc(&c)));
        }
        out.push('\n');
    }
}

fn list(items: &[Item], out: &mut String) {
    for item in items {
        let value = esc(&item.value);
        let value = if item.strong {
            format!("**{value}**")
        } else {
            value
        };
        let _ = writeln!(out, "- {}: {value}", esc(&item.label));
        for line in &item.sub {
            let _ = writeln!(out, "  - {}", esc(line));
        }
    }
}

fn table_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// The header rule, right-aligning the numeric columns.
fn table_rule(out: &mut String, numeric: &[bool]) {
    let rule: Vec<&str> = numeric
        .iter()
        .map(|&n| if n { "--:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
}

fn summary_table(report: &Report, out: &mut String) {
    table_row(out, &sections::summary_headers().map(esc));
    table_rule(out, &sections::SUMMARY_NUMERIC);
    for c in &report.cells {
        let mut cells = vec![esc(&c.name)];
        cells.extend(sections::summary_cells(&c.totals, Some(c.compliance.ok)));
        table_row(out, &cells);
    }
    let mut total = vec![format!("**{}**", tr("Tổng cộng", "Total"))];
    total.extend(sections::summary_cells(&report.totals, None));
    table_row(out, &total);
}

/// The period before beside this one: a row a figure, the change last.
fn trend_table(report: &Report, trend: &Trend, out: &mut String) {
    table_row(
        out,
        &sections::trend_headers(report, trend).map(|h| esc(&h)),
    );
    table_rule(out, &sections::TREND_NUMERIC);
    for row in sections::trend_rows(&report.totals, trend) {
        table_row(out, &row.map(|c| esc(&c)));
    }
    out.push('\n');
}

/// The signature block as a two-column table, as the HTML and Word lay it out: the recipients
/// (*Nơi nhận*) on the left, if any, and the signer on the right, with room for the pen.
pub fn signature_table(out: &mut String, recipients: &[String], signer: &Signer) {
    let heading = if recipients.is_empty() {
        String::new()
    } else {
        format!("***{}***", tr("Nơi nhận:", "Recipients:"))
    };
    let _ = writeln!(
        out,
        "| {heading} | **{}** |\n|:---|:---:|",
        esc(&signer.on_behalf)
    );
    let mut right: Vec<String> = signer
        .title
        .iter()
        .map(|t| format!("**{}**", esc(t)))
        .collect();
    right.push(format!("*{}*", tr("(Ký, ghi rõ họ tên)", "(signature)")));
    right.extend([String::new(), String::new()]);
    right.push(
        signer
            .name
            .as_deref()
            .map_or_else(|| "……………………………".to_owned(), |n| format!("**{}**", esc(n))),
    );
    let left: Vec<String> = recipient_lines(recipients).iter().map(|l| esc(l)).collect();
    for i in 0..left.len().max(right.len()) {
        let cell = |side: &[String]| side.get(i).cloned().unwrap_or_default();
        let _ = writeln!(out, "| {} | {} |", cell(&left), cell(&right));
    }
}

/// Escape text so Markdown shows it as written: no emphasis, links, HTML or table breaks.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(esc("<script>"), "\\<script\\>");
        assert_eq!(esc("a|b *c*"), "a\\|b \\*c\\*");
        assert_eq!(esc("Chi bộ 7"), "Chi bộ 7");
    }
}
