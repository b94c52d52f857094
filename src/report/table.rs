//! `--format table` (the default): the report on a terminal, within 100 columns.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment};

use super::model::{CellReport, LevelCounts, Report, Totals};
use super::sections;
use super::{
    attendance_text, compliance_lines, compliance_word, date, level_name, percent, period_words,
};
use crate::i18n::tr;
use crate::level::Level;
use crate::render::table;

/// The longest bar, in characters.
const BAR_WIDTH: u32 = 30;

pub fn write(report: &Report, to: &mut dyn std::io::Write) -> std::io::Result<()> {
    // One cell's text at a time, written out before the next is drawn.
    let mut out = String::new();
    let p = report.period;
    for (i, cell) in report.cells.iter().enumerate() {
        to.write_all(out.as_bytes())?;
        out.clear();
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} — {} ({} – {})",
            cell.name,
            period_words(p),
            date(p.start()),
            date(p.end())
        );
        render_cell(cell, &mut out);
    }
    if report.is_rollup() {
        let _ = writeln!(
            out,
            "\n{} — {} {}",
            tr("TỔNG HỢP", "ALL CELLS"),
            report.cells.len(),
            tr("chi bộ", "cells")
        );
        out.push_str(&summary_table(report));
        render_totals(&report.totals, &mut out);
    }
    to.write_all(out.as_bytes())
}

fn render_cell(cell: &CellReport, out: &mut String) {
    if cell.meetings.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr(
                "Không có cuộc họp nào trong kỳ.",
                "No meetings in the period."
            )
        );
    } else {
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
        for row in &cell.meetings {
            let present = match row.attendance {
                Some(a) => format!("{} ({})", attendance_text(row), percent(a.rate)),
                None => "—".to_owned(),
            };
            t.add_row(vec![
                Cell::new(row.id),
                Cell::new(date(row.date)),
                Cell::new(row.kind.label()),
                Cell::new(row.status.label()),
                Cell::new(present),
                Cell::new(row.duration_minutes.map_or("—".into(), |d| d.to_string()))
                    .set_alignment(CellAlignment::Right),
                Cell::new(row.score.map_or("—".into(), |d| d.to_string()))
                    .set_alignment(CellAlignment::Right),
                Cell::new(row.level.map_or("—", level_name)),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }
    render_totals(&cell.totals, out);
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
    let c = &cell.compliance;
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
    if let Some(y) = &cell.year {
        let months = y
            .months
            .iter()
            .map(|m| format!("{}: {}", m.month, level_name(m.level)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "{}: {} ({}: {})",
            tr("Xếp loại cả năm", "The year's level"),
            level_name(y.level),
            tr("theo tháng", "by month"),
            if months.is_empty() {
                "—".to_owned()
            } else {
                months
            }
        );
    }
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
        tr("Tỷ lệ đảng viên dự họp", "Attendance"),
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
        .map(|&l| level_name(l).chars().count())
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
        let name = level_name(level);
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

fn summary_table(report: &Report) -> String {
    let mut t = table::new(sections::summary_headers().to_vec());
    let row = |name: String, cells: [String; 8]| {
        std::iter::once(Cell::new(name))
            .chain(
                cells
                    .into_iter()
                    .zip(&sections::SUMMARY_NUMERIC[1..])
                    .map(|(c, &n)| {
                        let cell = Cell::new(c);
                        if n {
                            cell.set_alignment(CellAlignment::Right)
                        } else {
                            cell
                        }
                    }),
            )
            .collect::<Vec<_>>()
    };
    for c in &report.cells {
        t.add_row(row(
            c.name.clone(),
            sections::summary_cells(&c.totals, Some(c.compliance.ok)),
        ));
    }
    t.add_row(row(
        tr("Tổng cộng", "Total").to_owned(),
        sections::summary_cells(&report.totals, None),
    ));
    format!("{t}\n")
}
