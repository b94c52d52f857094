//! `--format table` (the default): the report on a terminal, within 100 columns.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, ColumnConstraint, TableComponent, Width};

use super::notes::{Block, NoteSection};
use super::sections::{self, Part};
use super::{attendance_text, compliance_lines, compliance_word, date, percent, period_words};
use crate::core::level::Level;
use crate::core::report::model::{
    CellReport, Compliance, LevelCounts, MeetingRow, Report, Totals, Trend, YearReport,
};
use crate::i18n::{lang, tr};
use crate::render::table;

/// The longest bar, in characters.
const BAR_WIDTH: u32 = 30;

pub fn write(
    report: &Report,
    notes: &[NoteSection],
    to: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    // One cell's text at a time, written out before the next is drawn.
    let mut out = String::new();
    let p = report.period;
    let period = format!(
        "{} ({} – {})",
        period_words(p),
        date(p.start()),
        date(p.end())
    );
    match report.cells.first() {
        Some(cell) if !report.is_rollup() => {
            let _ = writeln!(out, "{} — {period}", cell.name);
        }
        _ => {
            let _ = writeln!(
                out,
                "{} — {} {} — {period}",
                tr("TỔNG HỢP", "ALL CELLS"),
                report.cells.len(),
                tr("chi bộ", "cells")
            );
        }
    }
    for section in sections::outline(report, notes) {
        let _ = writeln!(out, "\n{}", section.heading());
        match section.part {
            Part::Meetings => {
                if let Some(cell) = report.cells.first() {
                    render_cell_meetings(cell, &mut out);
                }
            }
            Part::Results => {
                if let Some(cell) = report.cells.first() {
                    render_results(cell, &mut out);
                }
            }
            Part::Summary => {
                to.write_all(out.as_bytes())?;
                out.clear();
                write_summary(report, to)?;
                render_totals(&report.totals, &mut out);
            }
            Part::Cells => {
                for (i, cell) in report.cells.iter().enumerate() {
                    to.write_all(out.as_bytes())?;
                    out.clear();
                    if i > 0 {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "{}. {}", i + 1, cell.name);
                    render_cell_meetings(cell, &mut out);
                    render_results(cell, &mut out);
                }
            }
            Part::Trend => {
                if let Some(trend) = &report.previous {
                    render_trend(report, trend, &mut out);
                }
            }
            Part::Note(i) => {
                if let Some(note) = notes.get(i) {
                    render_note(note, &mut out);
                }
            }
        }
    }
    to.write_all(out.as_bytes())
}

/// The period before beside this one, a line a figure: `Đã họp: 5 → 9 (+4)`.
fn render_trend(report: &Report, trend: &Trend, out: &mut String) {
    let [_, before, _, _] = sections::trend_headers(report, trend);
    let _ = writeln!(out, "{before} → {}", period_words(report.period));
    for [what, before, now, change] in sections::trend_rows(&report.totals, trend) {
        let _ = writeln!(out, "{what}: {before} → {now} ({change})");
    }
}

/// A cell's meetings, or the line that says there are none or that a summary leaves them out.
fn render_cell_meetings(cell: &CellReport, out: &mut String) {
    if cell.meetings.is_empty() {
        let _ = writeln!(out, "{}", super::no_meetings_line(cell));
    } else {
        render_meetings(&cell.meetings, out);
    }
}

/// A cell's results: its totals, what its meetings set in motion, its quotas and its year.
fn render_results(cell: &CellReport, out: &mut String) {
    render_totals(&cell.totals, out);
    render_follow_up(cell, out);
    render_compliance(&cell.compliance, out);
    if let Some(y) = &cell.year {
        render_year(y, out);
    }
}

/// A section of the notes as plain lines: sub-headings, paragraphs, "  - " items.
fn render_note(note: &NoteSection, out: &mut String) {
    for block in &note.blocks {
        match block {
            Block::Heading(Some(n), t) => {
                let _ = writeln!(out, "{n}. {t}");
            }
            Block::Heading(None, t) => {
                let _ = writeln!(out, "{t}");
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{}", super::notes::plain(p));
            }
            Block::Item(i) => {
                let _ = writeln!(out, "  - {}", super::notes::plain(i));
            }
        }
    }
}

/// One row per meeting in the period (there is at least one).
fn render_meetings(meetings: &[MeetingRow], out: &mut String) {
    let mut t = table::new(vec![
        tr("Mã", "Id"),
        tr("Ngày", "Date"),
        tr("Loại", "Kind"),
        tr("Tình trạng", "Status"),
        tr("Có mặt", "Present"),
        tr("Phút", "Minutes"),
        tr("Điểm", "Score"),
        tr("Xếp loại", "Level"),
    ]);
    for row in meetings {
        let present = match row.attendance {
            Some(a) => format!("{} ({})", attendance_text(row), percent(a.rate)),
            None => "—".to_owned(),
        };
        t.add_row(vec![
            Cell::new(row.id),
            Cell::new(date(row.date)),
            Cell::new(row.kind.label(lang())),
            Cell::new(row.status.label(lang())),
            Cell::new(present),
            Cell::new(row.duration_minutes.map_or("—".into(), |d| d.to_string()))
                .set_alignment(CellAlignment::Right),
            Cell::new(row.score.map_or("—".into(), |d| d.to_string()))
                .set_alignment(CellAlignment::Right),
            Cell::new(row.level.map_or("—", |l| l.label(lang()))),
        ]);
    }
    let _ = writeln!(out, "{t}");
}

/// What the meetings set in motion: the tasks still open or overdue, the directives passed on.
fn render_follow_up(cell: &CellReport, out: &mut String) {
    let a = cell.actions;
    let _ = writeln!(
        out,
        "{} ({} {}): {} {}, {} {}",
        tr("Việc được giao", "Tasks set"),
        tr("tính đến", "as of"),
        date(a.as_of),
        a.open,
        tr("chưa xong", "open"),
        a.overdue,
        tr("quá hạn", "overdue")
    );
    let d = &cell.directives;
    let _ = write!(
        out,
        "{}: {}",
        tr("Văn bản mới đã quán triệt", "Directives passed on"),
        d.count
    );
    if !d.refs.is_empty() {
        let _ = write!(out, " ({})", d.refs.join(", "));
    }
    out.push('\n');
}

/// Whether the cell met its quotas of regular and thematic meetings, and where it fell short.
fn render_compliance(c: &Compliance, out: &mut String) {
    let _ = writeln!(
        out,
        "{}: {} ({} {} {}, {} {} {})",
        tr("Chế độ sinh hoạt", "Meeting quotas"),
        compliance_word(c.ok),
        c.regular_required,
        tr("buổi thường kỳ", "regular"),
        tr("mỗi tháng", "a month"),
        c.thematic_required,
        tr("buổi chuyên đề", "thematic"),
        tr("mỗi quý", "a quarter")
    );
    for line in compliance_lines(c) {
        let _ = writeln!(out, "  - {line}");
    }
}

/// The year's level, and the level of each month it rests on.
fn render_year(y: &YearReport, out: &mut String) {
    let months = y
        .months
        .iter()
        .map(|m| format!("{}: {}", m.month, m.level.label(lang())))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "{}: {} ({}: {})",
        tr("Xếp loại cả năm", "The year's level"),
        y.level.label(lang()),
        tr("theo tháng", "by month"),
        if months.is_empty() {
            "—".to_owned()
        } else {
            months
        }
    );
}

fn render_totals(t: &Totals, out: &mut String) {
    let _ = writeln!(
        out,
        "{}: {} ({} {}, {} {}); {}: {}; {}: {}",
        tr("Đã họp", "Held"),
        t.held,
        tr("thường kỳ", "regular"),
        t.regular_held,
        tr("chuyên đề", "thematic"),
        t.thematic_held,
        tr("đã xếp loại", "rated"),
        t.rated,
        tr("chưa họp (chỉ có kế hoạch)", "planned only"),
        t.planned_only
    );
    let _ = writeln!(
        out,
        "{}: {} ({}/{})",
        tr("Tỷ lệ đảng viên dự sinh hoạt", "Attendance"),
        percent(t.attendance_rate),
        t.present,
        t.counted
    );
    let _ = writeln!(out, "{}:", tr("Xếp loại", "Levels"));
    out.push_str(&bars(&t.levels));
}

/// One line per level: its name, a bar, the count.
pub fn bars(levels: &LevelCounts) -> String {
    let max = Level::ALL.iter().map(|&l| levels.get(l)).max().unwrap_or(0);
    let name_width = Level::ALL
        .iter()
        .map(|&l| l.label(lang()).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for level in Level::ALL {
        let n = levels.get(level);
        let len = if max <= BAR_WIDTH {
            n
        } else {
            // Scale, keeping any non-zero count visible.
            (u64::from(n) * u64::from(BAR_WIDTH)).div_ceil(u64::from(max)) as u32
        };
        let name = level.label(lang());
        let pad = name_width - name.chars().count();
        let bar = "█".repeat(len as usize);
        let _ = writeln!(
            out,
            "  {name}{}  {bar}{}{n}",
            " ".repeat(pad),
            if len > 0 { " " } else { "" }
        );
    }
    out
}

/// Rows of the summary drawn at once: a roll-up of 10,000 cells is drawn a piece at a time,
/// every piece with the same column widths and only the first with a header and a top border,
/// so it reads as one table while only one piece is ever in memory.
const SUMMARY_PIECE: usize = 500;

/// The roll-up's summary table: a row per cell, then the total.
fn write_summary(report: &Report, to: &mut dyn std::io::Write) -> std::io::Result<()> {
    let headers = sections::summary_headers();
    let row = |i: usize| match report.cells.get(i) {
        Some(c) => (
            c.name.clone(),
            sections::summary_cells(&c.totals, Some(c.compliance.ok)),
        ),
        None => (
            tr("Tổng cộng", "Total").to_owned(),
            sections::summary_cells(&report.totals, None),
        ),
    };
    let rows = report.cells.len() + 1;
    let widths = summary_widths(&headers, (0..rows).map(row));
    let mut start = 0;
    while start < rows {
        let end = (start + SUMMARY_PIECE).min(rows);
        let mut t = if start == 0 {
            table::new(headers.to_vec())
        } else {
            table::headless()
        };
        if start > 0 {
            for c in [
                TableComponent::TopBorder,
                TableComponent::TopBorderIntersections,
                TableComponent::TopLeftCorner,
                TableComponent::TopRightCorner,
            ] {
                t.remove_style(c);
            }
        }
        if end < rows {
            for c in [
                TableComponent::BottomBorder,
                TableComponent::BottomBorderIntersections,
                TableComponent::BottomLeftCorner,
                TableComponent::BottomRightCorner,
            ] {
                t.remove_style(c);
            }
        }
        for i in start..end {
            let (name, cells) = row(i);
            let mut line = vec![Cell::new(name)];
            for (c, &numeric) in cells.into_iter().zip(&sections::SUMMARY_NUMERIC[1..]) {
                let cell = Cell::new(c);
                line.push(if numeric {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                });
            }
            t.add_row(line);
        }
        // Columns exist once there are rows: now fix their widths.
        for (col, w) in widths.iter().enumerate() {
            if let Some(column) = t.column_mut(col) {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*w)));
            }
        }
        writeln!(to, "{t}")?;
        start = end;
    }
    Ok(())
}

/// Column widths (padding included) that fit the whole summary within the table's width: every
/// column as wide as its longest value or header word, the cell names taking what is left.
fn summary_widths(
    headers: &[&str; 9],
    rows: impl Iterator<Item = (String, [String; 8])>,
) -> [u16; 9] {
    let text_width = |s: &str| s.chars().count();
    let mut content = [0usize; 9];
    for (i, h) in headers.iter().enumerate() {
        content[i] = h.split_whitespace().map(text_width).max().unwrap_or(1);
    }
    for (name, cells) in rows {
        content[0] = content[0].max(text_width(&name));
        for (i, c) in cells.iter().enumerate() {
            content[i + 1] = content[i + 1].max(text_width(c));
        }
    }
    let total = usize::from(table::new(vec![]).width().unwrap_or(100));
    // One border character per column and one at the end, one space of padding on each side.
    let frame = headers.len() + 1 + 2 * headers.len();
    let others: usize = content[1..].iter().sum();
    content[0] = content[0].min(total.saturating_sub(frame + others)).max(8);
    // Room left over lets headers stand on fewer lines, left to right.
    let mut spare = total.saturating_sub(frame + content.iter().sum::<usize>());
    for (i, h) in headers.iter().enumerate().skip(1) {
        let grow = text_width(h).saturating_sub(content[i]).min(spare);
        content[i] += grow;
        spare -= grow;
    }
    content.map(|w| u16::try_from(w + 2).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{MeetingRules, Roster};
    use crate::core::period::Period;
    use crate::core::report::aggregate::{CellInput, cell, report};

    #[test]
    fn a_long_summary_is_drawn_in_pieces_that_read_as_one_table() {
        let rules = MeetingRules::default();
        let roster = Roster {
            schema: 1,
            members: vec![],
        };
        let period = Period::parse("2020-Q3").unwrap();
        let today = period.end();
        let cells = (0..2 * SUMMARY_PIECE + 7)
            .map(|i| {
                let name = format!("Chi bộ số {i}");
                cell(&CellInput {
                    id: &name,
                    name: &name,
                    parent: None,
                    place: None,
                    rules: &rules,
                    rating: &Default::default(),
                    roster: &roster,
                    meetings: &[],
                    period,
                    today,
                    year_rubric: None,
                    since: None,
                })
            })
            .collect();
        let r = report(period, cells, today);
        let mut out = Vec::new();
        write_summary(&r, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.iter().filter(|l| l.starts_with('┌')).count(),
            1,
            "one top border"
        );
        assert_eq!(
            lines.iter().filter(|l| l.starts_with('└')).count(),
            1,
            "one bottom border"
        );
        assert_eq!(
            lines.iter().filter(|l| l.starts_with('╞')).count(),
            1,
            "one header"
        );
        let width = lines[0].chars().count();
        assert!(width <= 100);
        let odd: Vec<&&str> = lines
            .iter()
            .filter(|l| l.chars().count() != width)
            .take(3)
            .collect();
        assert!(
            odd.is_empty(),
            "every piece has the same columns: {width} vs {odd:?}\n{}",
            lines[..4].join("\n")
        );
        assert!(text.contains(&format!("Chi bộ số {}", 2 * SUMMARY_PIECE + 6)));
        assert!(
            lines[lines.len() - 2].contains("Total")
                || lines[lines.len() - 2].contains("Tổng cộng")
        );
    }
}
