//! `--format docx`: the report as a Word document, laid out like the HTML page (without the
//! chart) from the same content ([`super::sections`]); see [`crate::render::docx`].

use super::notes::{Block, NoteSection};
use super::sections::{self, Item, Part};
use super::{Letterhead, date, report_title};
use crate::core::report::model::{CellReport, Report, Trend};
use crate::i18n::{Lang, lang, tr};
use crate::render::docx::{Align, BOLD, Doc, ITALIC, PLAIN, Style, TITLE};

pub fn write(
    report: &Report,
    line: &str,
    head: &Letterhead,
    to: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    to.write_all(&bytes(report, line, head)?)
}

/// The report as the bytes of a .docx file.
pub fn bytes(report: &Report, line: &str, head: &Letterhead) -> std::io::Result<Vec<u8>> {
    let mut doc = Doc::new();
    let (parent, issuer) = super::issuer(report, head);
    let number = head.number.as_deref();
    party_header(&mut doc, parent.as_deref(), issuer.as_deref(), line, number);
    let p = report.period;
    let (kind, subject) = report_title(report, head);
    doc.para(&kind, TITLE, Align::Center);
    doc.para(&subject, BOLD, Align::Center);
    if let Some(note) = super::compilation_note(report, head) {
        doc.para(&note, ITALIC, Align::Center);
    }
    doc.para(
        &format!(
            "{}: {} – {}",
            tr("Kỳ báo cáo", "Period"),
            date(p.start()),
            date(p.end())
        ),
        ITALIC,
        Align::Center,
    );
    for section in sections::outline(report, &head.notes) {
        doc.heading(&section.heading(), BOLD);
        match section.part {
            Part::Meetings => {
                if let Some(cell) = report.cells.first() {
                    meetings(cell, &mut doc);
                }
            }
            Part::Results => {
                if let Some(cell) = report.cells.first() {
                    list(&sections::cell_items(cell), &mut doc);
                }
            }
            Part::Summary => {
                summary_table(report, &mut doc);
                list(&sections::totals_items(&report.totals), &mut doc);
            }
            Part::Cells => {
                for (i, cell) in report.cells.iter().enumerate() {
                    let heading = format!("{}. {}", i + 1, cell.name);
                    let style = Style {
                        italic: true,
                        ..BOLD
                    };
                    doc.heading(&heading, style);
                    meetings(cell, &mut doc);
                    list(&sections::cell_items(cell), &mut doc);
                }
            }
            Part::Trend => {
                if let Some(trend) = &report.previous {
                    trend_table(report, trend, &mut doc);
                }
            }
            Part::Note(i) => {
                if let Some(note) = head.notes.get(i) {
                    note_body(note, &mut doc);
                }
            }
        }
    }
    let s = super::signer(report, head);
    let mut right = vec![s.on_behalf];
    right.extend(s.title);
    let name = s.name.as_deref().unwrap_or("……………………………");
    doc.signatures_with(&[], &right, ("", name), &head.recipients);
    doc.into_bytes()
}

/// The Party header: the committees on the left, the Party and the date on the right.
/// `number` is the number-and-symbol line, under the star.
pub fn party_header(
    doc: &mut Doc,
    parent: Option<&str>,
    cell: Option<&str>,
    dateline: &str,
    number: Option<&str>,
) {
    let mut left = Vec::new();
    if let Some(p) = parent {
        left.push((p.to_uppercase(), PLAIN));
    }
    if let Some(c) = cell {
        left.push((c.to_uppercase(), BOLD));
    }
    left.push(("*".to_owned(), PLAIN));
    if let Some(n) = number {
        left.push((n.to_owned(), PLAIN));
    }
    let mut right = Vec::new();
    if lang() == Lang::Vi {
        let party = Style {
            underline: true,
            ..BOLD
        };
        right.push(("ĐẢNG CỘNG SẢN VIỆT NAM".to_owned(), party));
    }
    right.push((dateline.to_owned(), ITALIC));
    doc.party_header(&left, &right);
}

/// A section of the notes: sub-headings in bold, paragraphs indented, list items.
fn note_body(note: &NoteSection, doc: &mut Doc) {
    for block in &note.blocks {
        match block {
            Block::Heading(Some(n), t) => doc.heading(&format!("{n}. {t}"), BOLD),
            Block::Heading(None, t) => doc.heading(
                t,
                Style {
                    italic: true,
                    ..BOLD
                },
            ),
            Block::Para(p) => doc.indented_runs(&runs(p)),
            Block::Item(i) => doc.item_runs(&runs(i), 0),
        }
    }
}

/// A paragraph of the notes as runs: its emphasis in bold or italics.
fn runs(text: &str) -> Vec<(String, Style)> {
    super::notes::spans(text)
        .into_iter()
        .map(|s| {
            let style = match (s.bold, s.italic) {
                (true, _) => BOLD,
                (_, true) => ITALIC,
                _ => PLAIN,
            };
            (s.text, style)
        })
        .collect()
}

/// A cell's meetings table, or a line saying there were none.
fn meetings(cell: &CellReport, doc: &mut Doc) {
    if cell.meetings.is_empty() {
        doc.para(super::no_meetings_line(cell), PLAIN, Align::Justify);
    } else {
        let headers = sections::meeting_headers().map(str::to_owned);
        let rows: Vec<Vec<String>> = cell
            .meetings
            .iter()
            .map(|row| sections::meeting_cells(row).to_vec())
            .collect();
        doc.data_table(&headers, &rows, &sections::MEETING_NUMERIC);
    }
}

/// The results: "label: value", the verdicts in bold, the findings under them.
fn list(items: &[Item], doc: &mut Doc) {
    for item in items {
        let value_style = if item.strong { BOLD } else { PLAIN };
        doc.runs(
            &[
                (&format!("– {}: ", item.label), PLAIN),
                (&item.value, value_style),
            ],
            Align::Justify,
        );
        for line in &item.sub {
            doc.item(line, 1);
        }
    }
}

fn summary_table(report: &Report, doc: &mut Doc) {
    let headers = sections::summary_headers().map(str::to_owned);
    let mut rows = Vec::new();
    for c in &report.cells {
        let mut cells = vec![c.name.clone()];
        cells.extend(sections::summary_cells(&c.totals, Some(c.compliance.ok)));
        rows.push(cells);
    }
    let mut total = vec![tr("Tổng cộng", "Total").to_owned()];
    total.extend(sections::summary_cells(&report.totals, None));
    rows.push(total);
    doc.data_table(&headers, &rows, &sections::SUMMARY_NUMERIC);
}

/// The period before beside this one: a small table kept whole on a page, after its heading.
fn trend_table(report: &Report, trend: &Trend, doc: &mut Doc) {
    let headers = sections::trend_headers(report, trend).to_vec();
    let rows: Vec<Vec<String>> = sections::trend_rows(&report.totals, trend)
        .into_iter()
        .map(Vec::from)
        .collect();
    doc.kept_table(&headers, &rows, &sections::TREND_NUMERIC);
}
