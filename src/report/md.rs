//! `--format md`: the report as a Markdown document a secretary can print or paste into the
//! report to the higher committee. Every piece of ledger text is escaped, so a name with `|`,
//! `*` or `<` stays text.

use std::fmt::Write;

use super::model::{CellReport, Report, Totals};
use super::{
    attendance_text, compliance_lines, compliance_word, date, dateline, level_name, percent,
    report_title,
};
use crate::i18n::{Lang, lang, tr};
use crate::level::Level;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    header(
        &mut out,
        common_parent(report).as_deref(),
        (!report.is_rollup())
            .then(|| report.cells.first().map(|c| c.name.as_str()))
            .flatten(),
        report.made,
    );
    let p = report.period;
    let _ = writeln!(out, "# {}\n", esc(&report_title(report)));
    let _ = writeln!(
        out,
        "{}: {} – {}\n",
        tr("Kỳ báo cáo", "Period"),
        date(p.start()),
        date(p.end())
    );
    if report.is_rollup() {
        let _ = writeln!(out, "## {}\n", tr("Tổng hợp", "Summary"));
        summary_table(report, &mut out);
        out.push('\n');
        totals_list(&report.totals, &mut out);
        for (i, cell) in report.cells.iter().enumerate() {
            let _ = writeln!(out, "\n## {}. {}\n", i + 1, esc(&cell.name));
            cell_body(cell, "###", &mut out);
        }
        signature(&mut out, tr("NGƯỜI TỔNG HỢP", "Compiled by"), None, None);
    } else if let Some(cell) = report.cells.first() {
        cell_body(cell, "##", &mut out);
        signature(
            &mut out,
            tr("T/M CHI BỘ", "For the cell"),
            Some(tr("BÍ THƯ", "Secretary")),
            cell.secretary.as_deref(),
        );
    }
    out
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

/// The header of a Party document: the committees on the left, the Party and the date on the right.
pub fn header(out: &mut String, parent: Option<&str>, cell: Option<&str>, made: chrono::NaiveDate) {
    if let Some(p) = parent {
        let _ = writeln!(out, "{}  ", esc(&p.to_uppercase()));
    }
    if let Some(c) = cell {
        let _ = writeln!(out, "**{}**  ", esc(&c.to_uppercase()));
    }
    if lang() == Lang::Vi {
        let _ = writeln!(out, "\n**ĐẢNG CỘNG SẢN VIỆT NAM**  ");
    }
    let _ = writeln!(out, "*{}*\n", esc(&upper_first(&dateline(made))));
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn cell_body(cell: &CellReport, h: &str, out: &mut String) {
    let _ = writeln!(
        out,
        "{h} {}\n",
        tr("Các buổi sinh hoạt trong kỳ", "Meetings in the period")
    );
    if cell.meetings.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "Không có cuộc họp nào trong kỳ.",
                "No meetings in the period."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            tr("Mã", "Id"),
            tr("Ngày", "Date"),
            tr("Loại", "Kind"),
            tr("Tình trạng", "Status"),
            tr("Có mặt", "Present"),
            tr("Tỷ lệ", "Rate"),
            tr("Phút", "Minutes"),
            tr("Điểm", "Score"),
            tr("Xếp loại", "Level")
        );
        let _ = writeln!(out, "|---|---|---|---|--:|--:|--:|--:|---|");
        for row in &cell.meetings {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                row.id,
                date(row.date),
                row.kind.label(),
                row.status.label(),
                attendance_text(row),
                row.attendance.map_or("—".to_owned(), |a| percent(a.rate)),
                row.duration_minutes.map_or("—".into(), |d| d.to_string()),
                row.score.map_or("—".into(), |d| d.to_string()),
                row.level.map_or("—", level_name)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{h} {}\n", tr("Kết quả", "Results"));
    totals_list(&cell.totals, out);
    let a = cell.actions;
    let _ = writeln!(
        out,
        "- {} {}: {} {}, {} {}",
        tr("Việc được giao, tính đến", "Tasks set, as of"),
        date(a.as_of),
        a.open,
        tr("chưa hoàn thành", "open"),
        a.overdue,
        tr("quá hạn", "overdue")
    );
    let d = &cell.directives;
    let refs = if d.refs.is_empty() {
        String::new()
    } else {
        format!(
            " ({})",
            d.refs.iter().map(|r| esc(r)).collect::<Vec<_>>().join(", ")
        )
    };
    let _ = writeln!(
        out,
        "- {}: {}{refs}",
        tr("Văn bản mới đã quán triệt (lượt)", "Directives passed on"),
        d.count
    );
    let c = &cell.compliance;
    let _ = writeln!(
        out,
        "- {}: {}",
        tr("Thực hiện chế độ sinh hoạt", "Meeting quotas"),
        compliance_word(c.ok)
    );
    for line in compliance_lines(c) {
        let _ = writeln!(out, "  - {}", esc(&line));
    }
    if let Some(y) = &cell.year {
        let _ = writeln!(
            out,
            "- {}: **{}**",
            tr("Xếp loại chất lượng sinh hoạt cả năm", "The year's level"),
            level_name(y.level)
        );
    }
}

fn totals_list(t: &Totals, out: &mut String) {
    let _ = writeln!(
        out,
        "- {}: {} ({} {}, {} {})",
        tr("Số buổi đã sinh hoạt", "Meetings held"),
        t.held,
        tr("thường kỳ", "regular"),
        t.regular_held,
        tr("chuyên đề", "thematic"),
        t.thematic_held
    );
    if t.planned_only > 0 {
        let _ = writeln!(
            out,
            "- {}: {}",
            tr("Số buổi mới có kế hoạch", "Meetings planned only"),
            t.planned_only
        );
    }
    let levels = Level::ALL
        .iter()
        .map(|&l| format!("{} {}", level_name(l), t.levels.get(l)))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "- {}: {} — {levels}",
        tr("Số buổi đã xếp loại", "Meetings rated"),
        t.rated
    );
    let _ = writeln!(
        out,
        "- {}: {} ({}/{})",
        tr("Tỷ lệ đảng viên dự sinh hoạt", "Attendance"),
        percent(t.attendance_rate),
        t.present,
        t.counted
    );
}

fn summary_table(report: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        tr("Chi bộ", "Cell"),
        tr("Đã họp", "Held"),
        tr("Đã xếp loại", "Rated"),
        level_name(Level::Good),
        level_name(Level::Fair),
        level_name(Level::Average),
        level_name(Level::Poor),
        tr("Tỷ lệ dự họp", "Attendance"),
        tr("Chế độ sinh hoạt", "Quotas")
    );
    let _ = writeln!(out, "|---|--:|--:|--:|--:|--:|--:|--:|---|");
    let row = |out: &mut String, name: &str, t: &Totals, ok: &str| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {ok} |",
            t.held,
            t.rated,
            t.levels.good,
            t.levels.fair,
            t.levels.average,
            t.levels.poor,
            percent(t.attendance_rate)
        );
    };
    for c in &report.cells {
        row(
            out,
            &esc(&c.name),
            &c.totals,
            if c.compliance.ok {
                tr("đạt", "met")
            } else {
                tr("chưa đạt", "not met")
            },
        );
    }
    row(
        out,
        &format!("**{}**", tr("Tổng cộng", "Total")),
        &report.totals,
        "",
    );
}

fn signature(out: &mut String, on_behalf: &str, title: Option<&str>, name: Option<&str>) {
    let _ = writeln!(out, "\n**{on_behalf}**  ");
    if let Some(t) = title {
        let _ = writeln!(out, "**{t}**  ");
    }
    let _ = writeln!(out, "*{}*\n\n", tr("(Ký, ghi rõ họ tên)", "(signature)"));
    if let Some(n) = name {
        let _ = writeln!(out, "{}", esc(n));
    } else {
        let _ = writeln!(out, "……………………………");
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
