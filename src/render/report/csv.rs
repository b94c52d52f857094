//! `--format csv`: one row per meeting, the cell's name first, for a spreadsheet.
//!
//! Headers and labels are in the report's language; numbers are plain (`.` decimal point) so a
//! script can read them too. A cell that a spreadsheet would take for a formula (it starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so a cell or a meeting
//! named `=HYPERLINK(…)` stays text. The command adds the byte-order mark Excel needs to read UTF-8
//! (by default in a file, with `--bom` on stdout).

use crate::core::report::model::{MeetingRow, Report};
use crate::i18n::{lang, tr};

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    let header = [
        tr("Chi bộ", "Cell"),
        tr("Mã", "Id"),
        tr("Ngày", "Date"),
        tr("Loại", "Kind"),
        tr("Tình trạng", "Status"),
        tr("Tiêu đề", "Title"),
        tr("Phải dự", "Counted"),
        tr("Có mặt", "Present"),
        tr("Vắng có lý do", "Excused"),
        tr("Vắng không lý do", "Unexcused"),
        tr("Tỷ lệ dự sinh hoạt (%)", "Attendance (%)"),
        tr("Thời lượng (phút)", "Duration (minutes)"),
        tr("Điểm", "Score"),
        tr("Xếp loại", "Level"),
    ];
    w.write_record(header.iter().map(|h| safe(h)))?;
    for cell in &report.cells {
        if cell.meetings.is_empty() {
            let mut rec = vec![safe(&cell.name)];
            rec.extend(std::iter::repeat_n(String::new(), 3));
            rec.push(tr("không có buổi sinh hoạt", "no meetings").to_owned());
            rec.extend(std::iter::repeat_n(String::new(), header.len() - rec.len()));
            w.write_record(&rec)?;
        }
        for row in &cell.meetings {
            w.write_record(record(&cell.name, row))?;
        }
    }
    w.flush()
}

fn record(cell: &str, row: &MeetingRow) -> Vec<String> {
    let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let a = row.attendance;
    vec![
        safe(cell),
        row.id.to_string(),
        row.date.format("%Y-%m-%d").to_string(),
        row.kind.label(lang()).to_owned(),
        row.status.label(lang()).to_owned(),
        safe(row.title.as_deref().unwrap_or_default()),
        num(a.map(|a| a.counted)),
        num(a.map(|a| a.present)),
        num(a.map(|a| a.excused)),
        num(a.map(|a| a.unexcused)),
        a.and_then(|a| a.rate)
            .map(|r| format!("{:.1}", r * 100.0))
            .unwrap_or_default(),
        row.duration_minutes
            .map(|d| d.to_string())
            .unwrap_or_default(),
        num(row.score),
        row.level
            .map(|l| l.label(lang()).to_owned())
            .unwrap_or_default(),
    ]
}

/// Keep a spreadsheet from reading text as a formula.
pub fn safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formulas_become_text() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(safe(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(safe("Chi bộ 7"), "Chi bộ 7");
        assert_eq!(safe("a=1"), "a=1");
    }
}
