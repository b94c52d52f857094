//! `--format docx`: a Word document in the layout of Hướng dẫn 36-HD/VPTW (docs/report.md): A4,
//! the guidelines' margins, Times New Roman, the two-column header as a borderless table (the right column wider, for the date line) with
//! "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, tables whose header row repeats on each page, and the
//! signature block kept on the page of the last lines.
//!
//! [`Doc`] is the few building blocks the report and the minutes use; they fill it from the same
//! content model as their HTML and Markdown ([`crate::render::report::sections`],
//! [`crate::render::minutes::build`]). The file format itself is the `docx-rust` crate's. Every
//! piece of text passes through [`crate::core::text::visible`], as in the other printed formats.

use std::io::Cursor;

use docx_rust::Docx;
use docx_rust::document::TextSpace;
use docx_rust::document::{
    BodyContent, GridColumn, Paragraph, Run, Table, TableCell, TableCellContent, TableGrid,
    TableRow, TableRowContent,
};
use docx_rust::formatting::{
    Bold, BorderStyle, BottomBorder, CharacterProperty, Fonts, Indent, InsideHorizonBorder,
    InsideVerticalBorder, Italics, Justification, JustificationVal, KeepNext, LeftBorder,
    OnOffOnlyType, PageMargin, PageSize, ParagraphProperty, RightBorder, SectionProperty, Size,
    Spacing, TableBorders, TableCellProperty, TableCellWidth, TableHeader, TableProperty,
    TableRowProperty, TableWidth, TableWidthUnit, TopBorder, Underline, UnderlineStyle,
};

/// The header's two columns: the right one wider, so the place-and-date line ("Phan Rang, ngày
/// 05 tháng 10 năm 2020", 14 pt italic) stays on one line under the Party's name, as the
/// guidelines' samples set it; the committees' names wrap on the left as they do there.
const HEAD_COLUMNS: (isize, isize) = (TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5);
/// A4 in twentieths of a point (210 × 297 mm).
pub const A4: (isize, isize) = (11906, 16838);
/// The margins of HD 36 (top, right, bottom, left), at the narrow end of each range: 20 mm,
/// 15 mm, 20 mm, 30 mm. The HTML page uses the same.
pub const MARGINS: (isize, isize, isize, isize) = (1134, 850, 1134, 1701);
/// The width between the margins.
const TEXT_WIDTH: isize = A4.0 - MARGINS.1 - MARGINS.3;
const FONT: &str = "Times New Roman";
/// Body text, in half-points: 14 pt (HD 36: 13–14 pt).
const BODY: isize = 28;
/// Tables, in half-points: 12 pt, so nine columns fit the width.
const SMALL: isize = 24;
/// A title's document type, in half-points: 15 pt.
const LARGE: isize = 30;
/// The title: bold, 15 pt, as HD 36 sets the document type ("BÁO CÁO", "THÔNG BÁO").
pub const TITLE: Style = Style {
    large: true,
    ..BOLD
};

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub small: bool,
    /// 15 pt: the document type of a title (HD 36: 15–16 pt, bold capitals).
    pub large: bool,
}

pub const PLAIN: Style = Style {
    bold: false,
    italic: false,
    underline: false,
    small: false,
    large: false,
};
pub const BOLD: Style = Style {
    bold: true,
    ..PLAIN
};
pub const ITALIC: Style = Style {
    italic: true,
    ..PLAIN
};

/// How a paragraph sits on the line.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
    Right,
}

/// A document being built, top to bottom.
pub struct Doc {
    body: Vec<BodyContent<'static>>,
}

impl Default for Doc {
    fn default() -> Self {
        Doc::new()
    }
}

impl Doc {
    pub fn new() -> Doc {
        Doc { body: Vec::new() }
    }

    /// The header of a Party document: the committees on the left (the cell in bold, a star
    /// under them); "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the place-and-date line in italics on
    /// the right. A table with no borders, two equal columns.
    pub fn party_header(&mut self, left: &[(String, Style)], right: &[(String, Style)]) {
        let column = |lines: &[(String, Style)], width: isize| {
            let mut cell = cell(width);
            for (text, style) in lines {
                cell = cell.push_content(para(&[(text.as_str(), *style)], Align::Center, 0));
            }
            cell
        };
        let row = TableRow::default()
            .push_cell(column(left, HEAD_COLUMNS.0))
            .push_cell(column(right, HEAD_COLUMNS.1));
        self.body
            .push(table(vec![row], &[HEAD_COLUMNS.0, HEAD_COLUMNS.1], false).into());
        self.gap();
    }

    /// A paragraph of runs, each with its own style.
    pub fn runs(&mut self, runs: &[(&str, Style)], align: Align) {
        self.body.push(para(runs, align, 0).into());
    }

    /// A paragraph that introduces a list ("Phân công:"): kept on the page of its first item.
    pub fn lead(&mut self, runs: &[(&str, Style)], align: Align) {
        self.body.push(keep(para(runs, align, 0)).into());
    }

    /// A paragraph in one style.
    pub fn para(&mut self, text: &str, style: Style, align: Align) {
        self.runs(&[(text, style)], align);
    }

    /// A heading: a line of space before it, and kept on the page of what it heads.
    pub fn heading(&mut self, text: &str, style: Style) {
        let mut p = keep(para(&[(text, style)], Align::Left, 0));
        if let Some(prop) = p.property.as_mut() {
            prop.spacing = Some(Spacing {
                before: Some(120),
                after: Some(60),
                ..Spacing::default()
            });
        }
        self.body.push(p.into());
    }

    /// An empty line: the space between the header and the title, or before the signatures.
    pub fn gap(&mut self) {
        self.body.push(para(&[], Align::Left, 0).into());
    }

    /// A paragraph of body text, justified, its first line indented (1 cm).
    pub fn indented(&mut self, text: &str) {
        self.indented_runs(&[(text.to_owned(), PLAIN)]);
    }

    /// [`Doc::indented`], in runs of their own styles.
    pub fn indented_runs(&mut self, runs: &[(String, Style)]) {
        let runs: Vec<(&str, Style)> = runs.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        let mut p = para(&runs, Align::Justify, 0);
        if let Some(prop) = p.property.take() {
            p.property = Some(prop.indent(Indent::default().first_line(567_isize)));
        }
        self.body.push(p.into());
    }

    /// A list item: a dash, indented.
    pub fn item(&mut self, text: &str, level: usize) {
        self.item_runs(&[(text.to_owned(), PLAIN)], level);
    }

    /// [`Doc::item`], in runs of their own styles.
    pub fn item_runs(&mut self, runs: &[(String, Style)], level: usize) {
        let indent = 360 * isize::try_from(level + 1).unwrap_or(1);
        let mut all: Vec<(&str, Style)> = vec![("– ", PLAIN)];
        all.extend(runs.iter().map(|(t, s)| (t.as_str(), *s)));
        let mut p = para(&all, Align::Justify, 0);
        if let Some(prop) = p.property.take() {
            p.property = Some(prop.indent(Indent::default().left(indent)));
        }
        self.body.push(p.into());
    }

    /// A table with borders, its first row a header repeated at the top of each page.
    pub fn data_table(&mut self, headers: &[String], rows: &[Vec<String>], numeric: &[bool]) {
        self.ruled_table(headers, rows, numeric, false);
    }

    /// [`Doc::data_table`] for a few rows that read as one: every row's paragraphs but the last
    /// row's keep with the next, so the table moves to a new page whole rather than split.
    pub fn kept_table(&mut self, headers: &[String], rows: &[Vec<String>], numeric: &[bool]) {
        self.ruled_table(headers, rows, numeric, true);
    }

    fn ruled_table(
        &mut self,
        headers: &[String],
        rows: &[Vec<String>],
        numeric: &[bool],
        kept: bool,
    ) {
        let widths = column_widths(headers, rows);
        let row_of = |cells: &[String], style: Style, last: bool| {
            cells
                .iter()
                .enumerate()
                .fold(TableRow::default(), |row, (i, text)| {
                    let width = widths.get(i).copied().unwrap_or(TEXT_WIDTH);
                    let align = match (style.bold, numeric.get(i)) {
                        (true, _) => Align::Center,
                        (false, Some(true)) => Align::Right,
                        _ => Align::Left,
                    };
                    let p = para(&[(text, style)], align, 0);
                    let p = if kept && !last { keep(p) } else { p };
                    row.push_cell(cell(width).push_content(p))
                })
        };
        let small = Style {
            small: true,
            ..PLAIN
        };
        let header = row_of(
            headers,
            Style {
                bold: true,
                ..small
            },
            rows.is_empty(),
        )
        .property(TableRowProperty::default().table_header(TableHeader::from(OnOffOnlyType::On)));
        let mut all = vec![header];
        all.extend(
            rows.iter()
                .enumerate()
                .map(|(i, r)| row_of(r, small, i + 1 == rows.len())),
        );
        self.body.push(table(all, &widths, true).into());
    }

    /// The signature block: two columns, each (heading lines, name); a side with no lines is left
    /// empty. The paragraph before it is kept on its page, and so is each line of the block.
    pub fn signatures(&mut self, left: &[String], right: &[String], names: (&str, &str)) {
        self.signatures_with(left, right, names, &[]);
    }

    /// [`Doc::signatures`], with the recipients block (*Nơi nhận*) in the left column when
    /// `recipients` is not empty, as Hướng dẫn 36-HD/VPTW places it.
    pub fn signatures_with(
        &mut self,
        left: &[String],
        right: &[String],
        names: (&str, &str),
        recipients: &[String],
    ) {
        self.keep_last_with_next();
        // A line of space, kept with the block too.
        self.body.push(keep(para(&[], Align::Left, 0)).into());
        // One row a line, each paragraph kept with the next: a row of one line cannot split,
        // and rows whose paragraphs keep with the next stay together, so the block moves to a
        // new page whole, with the line before it.
        let hint = crate::i18n::tr("(Ký, ghi rõ họ tên)", "(signature)");
        let side = |lines: &[String], name: &str| -> Vec<(String, Style)> {
            if lines.is_empty() {
                return Vec::new();
            }
            let mut block: Vec<(String, Style)> = lines.iter().map(|l| (l.clone(), BOLD)).collect();
            block.push((hint.to_owned(), ITALIC));
            block.extend(std::iter::repeat_n((String::new(), PLAIN), 3));
            block.push((name.to_owned(), BOLD));
            block
        };
        let (left, left_align) = if recipients.is_empty() {
            (side(left, names.0), Align::Center)
        } else {
            (recipients_lines(recipients), Align::Left)
        };
        let right = side(right, names.1);
        let count = left.len().max(right.len());
        let blank = (String::new(), PLAIN);
        let rows: Vec<TableRow<'static>> = (0..count)
            .map(|i| {
                let last = i + 1 == count;
                let line = |side: &[(String, Style)], align: Align| {
                    let (text, style) = side.get(i).unwrap_or(&blank);
                    let p = para(&[(text.as_str(), *style)], align, 0);
                    let p = if last { p } else { keep(p) };
                    cell(TEXT_WIDTH / 2).push_content(p)
                };
                TableRow::default()
                    .push_cell(line(&left, left_align))
                    .push_cell(line(&right, Align::Center))
            })
            .collect();
        self.body
            .push(table(rows, &[TEXT_WIDTH / 2, TEXT_WIDTH / 2], false).into());
    }

    /// Keep the last paragraph on the page of what follows it; after a table, its last row (a
    /// section that ends with a table, as the trend does, keeps that row with the signatures).
    fn keep_last_with_next(&mut self) {
        let set = |p: &mut Paragraph<'static>| {
            let prop = p.property.take().unwrap_or_default();
            p.property = Some(ParagraphProperty {
                keep_next: Some(KeepNext { value: Some(true) }),
                ..prop
            });
        };
        match self.body.last_mut() {
            Some(BodyContent::Paragraph(p)) => set(p),
            Some(BodyContent::Table(t)) => {
                let cells = t.rows.last_mut().map(|r| r.cells.iter_mut());
                for c in cells.into_iter().flatten() {
                    if let TableRowContent::TableCell(c) = c {
                        for TableCellContent::Paragraph(p) in &mut c.content {
                            set(p);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The finished file: A4, the margins, the body.
    pub fn into_bytes(self) -> std::io::Result<Vec<u8>> {
        let mut docx = Docx::default();
        for content in self.body {
            docx.document.body.push(content);
        }
        docx.document.body.push(SectionProperty {
            page_size: Some(PageSize {
                weight: A4.0,
                height: A4.1,
            }),
            page_margin: Some(PageMargin {
                top: Some(MARGINS.0),
                right: Some(MARGINS.1),
                bottom: Some(MARGINS.2),
                left: Some(MARGINS.3),
                header: Some(720),
                footer: Some(720),
                gutter: Some(0),
            }),
            ..SectionProperty::default()
        });
        let cursor = docx
            .write(Cursor::new(Vec::new()))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(cursor.into_inner())
    }
}

/// A paragraph of runs; `after` is the space after it in twentieths of a point.
fn para(runs: &[(&str, Style)], align: Align, after: isize) -> Paragraph<'static> {
    let jc = match align {
        Align::Left => JustificationVal::Left,
        Align::Center => JustificationVal::Center,
        Align::Justify => JustificationVal::Both,
        Align::Right => JustificationVal::Right,
    };
    let spacing = Spacing {
        before: Some(0),
        after: Some(after.max(60)),
        ..Spacing::default()
    };
    let mut p = Paragraph::default().property(
        ParagraphProperty::default()
            .justification(Justification::from(jc))
            .spacing(spacing),
    );
    for (text, style) in runs {
        p = p.push(run(text, *style));
    }
    p
}

/// A run of text: the font, the size, and the style asked for.
fn run(text: &str, style: Style) -> Run<'static> {
    let fonts = Fonts::default()
        .ascii(FONT)
        .h_ansi(FONT)
        .custom(FONT)
        .east_asia(FONT);
    let mut prop = CharacterProperty::default().fonts(fonts).size(Size::from(
        match (style.small, style.large) {
            (true, _) => SMALL,
            (_, true) => LARGE,
            _ => BODY,
        },
    ));
    if style.bold {
        prop = prop.bold(Bold::from(true));
    }
    if style.italic {
        prop = prop.italics(Italics::from(true));
    }
    if style.underline {
        prop = prop.underline(Underline::from(UnderlineStyle::Single));
    }
    let text = crate::core::text::visible(text).into_owned();
    // Kept as written: the space after "Thời gian:" is part of the line.
    Run::default()
        .property(prop)
        .push_text((text, TextSpace::Preserve))
}

/// Adds a paragraph to a table cell.
trait CellExt {
    fn push_content(self, p: Paragraph<'static>) -> Self;
}

impl CellExt for TableCell<'static> {
    fn push_content(mut self, p: Paragraph<'static>) -> Self {
        self.content.push(TableCellContent::Paragraph(p));
        self
    }
}

/// The recipients block: "Nơi nhận:" in bold italics, then one line per recipient.
/// The recipients block's lines: "Nơi nhận:" in bold italics, then one line per recipient.
fn recipients_lines(recipients: &[String]) -> Vec<(String, Style)> {
    let heading = crate::i18n::tr("Nơi nhận:", "Recipients:");
    let style = Style {
        italic: true,
        ..BOLD
    };
    // The list in 12 pt, as the HTML sets it smaller than the text.
    let small = Style {
        small: true,
        ..PLAIN
    };
    let mut lines = vec![(heading.to_owned(), style)];
    lines.extend(
        crate::render::report::recipient_lines(recipients)
            .into_iter()
            .map(|l| (l, small)),
    );
    lines
}

fn keep(p: Paragraph<'static>) -> Paragraph<'static> {
    let mut p = p;
    let prop = p.property.take().unwrap_or_default();
    p.property(ParagraphProperty {
        keep_next: Some(KeepNext { value: Some(true) }),
        ..prop
    })
}

fn cell(width: isize) -> TableCell<'static> {
    TableCell::default().property(TableCellProperty::default().wide(TableCellWidth {
        value: Some(width),
        unit: Some(TableWidthUnit::Dxa),
    }))
}

/// The columns' widths across the text width, each in proportion to its longest word or value
/// (a date must not break in two), at least five characters, plus room for the padding.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<isize> {
    let longest_word = |s: &str| s.split_whitespace().map(|w| w.chars().count()).max();
    let weights: Vec<usize> = (0..headers.len())
        .map(|i| {
            let header = headers.get(i).and_then(|h| longest_word(h)).unwrap_or(0);
            let cells = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| {
                    if c.chars().count() <= 12 {
                        c.chars().count()
                    } else {
                        12
                    }
                })
                .max()
                .unwrap_or(0);
            header.max(cells).max(5) + 2
        })
        .collect();
    let total = isize::try_from(weights.iter().sum::<usize>().max(1)).unwrap_or(1);
    weights
        .iter()
        .map(|&w| TEXT_WIDTH * isize::try_from(w).unwrap_or(1) / total)
        .collect()
}

/// A table with these column widths across the text width, ruled or not.
fn table(rows: Vec<TableRow<'static>>, widths: &[isize], ruled: bool) -> Table<'static> {
    let style = || {
        if ruled {
            BorderStyle::Single
        } else {
            BorderStyle::Nil
        }
    };
    let size = ruled.then_some(4);
    let borders = TableBorders {
        top: Some(TopBorder {
            style: style(),
            size,
            ..TopBorder::default()
        }),
        left: Some(LeftBorder {
            style: style(),
            size,
            ..LeftBorder::default()
        }),
        bottom: Some(BottomBorder {
            style: style(),
            size,
            ..BottomBorder::default()
        }),
        right: Some(RightBorder {
            style: style(),
            size,
            ..RightBorder::default()
        }),
        inside_horizon: Some(InsideHorizonBorder {
            style: style(),
            size,
            ..InsideHorizonBorder::default()
        }),
        inside_vertical: Some(InsideVerticalBorder {
            style: style(),
            size,
            ..InsideVerticalBorder::default()
        }),
    };
    let mut t = Table::default().property(
        TableProperty::default()
            .width(TableWidth::from((TEXT_WIDTH, TableWidthUnit::Dxa)))
            .borders(borders),
    );
    t.grids = TableGrid {
        columns: widths.iter().map(|&width| GridColumn { width }).collect(),
    };
    for row in rows {
        t = t.push_row(row);
    }
    t
}
