//! The report's content once, in plain text: the tables' headers and cells and the results
//! list. The Markdown and HTML renderers only add their markup and escaping, so the two
//! documents cannot drift apart.

use super::notes::NoteSection;
use super::{attendance_text, compliance_lines, compliance_word, date, percent, period_words};
use crate::core::level::Level;
use crate::core::report::model::{CellReport, MeetingRow, Report, Totals, Trend};
use crate::i18n::{lang, tr};

/// A line of the results list: `label: value`, the value in bold where it is the verdict,
/// with sub-items (the findings under the quotas line).
pub struct Item {
    pub label: String,
    pub value: String,
    pub strong: bool,
    pub sub: Vec<String>,
}

impl Item {
    fn new(label: impl Into<String>, value: impl Into<String>) -> Item {
        Item {
            label: label.into(),
            value: value.into(),
            strong: false,
            sub: vec![],
        }
    }
}

/// Headers of the meetings table.
pub fn meeting_headers() -> [&'static str; 9] {
    [
        tr("Mã", "Id"),
        tr("Ngày", "Date"),
        tr("Loại", "Kind"),
        tr("Tình trạng", "Status"),
        tr("Có mặt", "Present"),
        tr("Tỷ lệ", "Rate"),
        tr("Phút", "Minutes"),
        tr("Điểm", "Score"),
        tr("Xếp loại", "Level"),
    ]
}

/// Which columns of the meetings table hold numbers (right-aligned).
pub const MEETING_NUMERIC: [bool; 9] = [false, false, false, false, true, true, true, true, false];

/// One meeting's cells, `—` where there is no value.
pub fn meeting_cells(row: &MeetingRow) -> [String; 9] {
    [
        row.id.to_string(),
        date(row.date),
        row.kind.label(lang()).to_owned(),
        row.status.label(lang()).to_owned(),
        attendance_text(row),
        row.attendance.map_or("—".to_owned(), |a| percent(a.rate)),
        row.duration_minutes.map_or("—".into(), |d| d.to_string()),
        row.score.map_or("—".into(), |d| d.to_string()),
        row.level.map_or("—", |l| l.label(lang())).to_owned(),
    ]
}

/// Headers of the roll-up's summary table.
pub fn summary_headers() -> [&'static str; 9] {
    [
        tr("Chi bộ", "Cell"),
        tr("Đã họp", "Held"),
        tr("Đã xếp loại", "Rated"),
        Level::Good.label(lang()),
        Level::Fair.label(lang()),
        Level::Average.label(lang()),
        Level::Poor.label(lang()),
        tr("Tỷ lệ dự sinh hoạt", "Attendance"),
        tr("Chế độ sinh hoạt", "Quotas"),
    ]
}

/// Which columns of the summary table hold numbers.
pub const SUMMARY_NUMERIC: [bool; 9] = [false, true, true, true, true, true, true, true, false];

/// A summary row (the name is the caller's, already marked up); `ok` is `None` on the total.
pub fn summary_cells(t: &Totals, ok: Option<bool>) -> [String; 8] {
    [
        t.held.to_string(),
        t.rated.to_string(),
        t.levels.good.to_string(),
        t.levels.fair.to_string(),
        t.levels.average.to_string(),
        t.levels.poor.to_string(),
        percent(t.attendance_rate),
        match ok {
            Some(true) => tr("đạt", "met"),
            Some(false) => tr("chưa đạt", "not met"),
            None => "",
        }
        .to_owned(),
    ]
}

/// The totals as list items.
pub fn totals_items(t: &Totals) -> Vec<Item> {
    let mut items = vec![Item::new(
        tr("Số buổi đã sinh hoạt", "Meetings held"),
        format!(
            "{} ({} {}, {} {})",
            t.held,
            tr("thường kỳ", "regular"),
            t.regular_held,
            tr("chuyên đề", "thematic"),
            t.thematic_held
        ),
    )];
    if t.planned_only > 0 {
        items.push(Item::new(
            tr("Số buổi mới có kế hoạch", "Meetings planned only"),
            t.planned_only.to_string(),
        ));
    }
    let levels = Level::ALL
        .iter()
        .map(|&l| format!("{} {}", l.label(lang()), t.levels.get(l)))
        .collect::<Vec<_>>()
        .join(", ");
    items.push(Item::new(
        tr("Số buổi đã xếp loại", "Meetings rated"),
        format!("{} — {levels}", t.rated),
    ));
    items.push(Item::new(
        tr("Tỷ lệ đảng viên dự sinh hoạt", "Attendance"),
        format!(
            "{} ({}/{})",
            percent(t.attendance_rate),
            t.present,
            t.counted
        ),
    ));
    items
}

/// A cell's results: its totals, then tasks, directives, quotas and the year's level.
pub fn cell_items(cell: &CellReport) -> Vec<Item> {
    let mut items = totals_items(&cell.totals);
    let a = cell.actions;
    items.push(Item::new(
        format!(
            "{} {}",
            tr("Việc được giao, tính đến", "Tasks set, as of"),
            date(a.as_of)
        ),
        format!(
            "{} {}, {} {}",
            a.open,
            tr("chưa hoàn thành", "open"),
            a.overdue,
            tr("quá hạn", "overdue")
        ),
    ));
    let d = &cell.directives;
    let refs = if d.refs.is_empty() {
        String::new()
    } else {
        format!(" ({})", d.refs.join(", "))
    };
    items.push(Item::new(
        tr("Văn bản mới đã quán triệt (lượt)", "Directives passed on"),
        format!("{}{refs}", d.count),
    ));
    let c = &cell.compliance;
    items.push(Item {
        strong: true,
        sub: compliance_lines(c),
        ..Item::new(
            tr("Thực hiện chế độ sinh hoạt", "Meeting quotas"),
            compliance_word(c.ok),
        )
    });
    if let Some(y) = &cell.year {
        items.push(Item {
            strong: true,
            ..Item::new(
                tr("Xếp loại chất lượng sinh hoạt cả năm", "The year's level"),
                y.level.label(lang()),
            )
        });
    }
    items
}

/// The trend table's headers: the figure, the period before and this one (named: "Quý II năm
/// 2020"), the change.
pub fn trend_headers(report: &Report, trend: &Trend) -> [String; 4] {
    [
        tr("Chỉ tiêu", "Figure").to_owned(),
        upper_first(&period_words(trend.period)),
        upper_first(&period_words(report.period)),
        tr("Tăng, giảm", "Change").to_owned(),
    ]
}

/// Which columns of the trend table hold numbers.
pub const TREND_NUMERIC: [bool; 4] = [false, true, true, true];

/// The period before beside this one, a row a figure: the meetings held and rated, the
/// attendance and each level, as `[figure, before, now, change]`; the change signed (`+2`, `-1`, `0`), the attendance's in
/// percentage points with the decimal comma in Vietnamese (`+5,5 điểm phần trăm`).
pub fn trend_rows(now: &Totals, trend: &Trend) -> Vec<[String; 4]> {
    let (before, change) = (&trend.totals, &trend.change);
    let mut rows = vec![
        [
            tr("Đã họp", "Held").to_owned(),
            before.held.to_string(),
            now.held.to_string(),
            signed(change.held),
        ],
        [
            tr("Đã xếp loại", "Rated").to_owned(),
            before.rated.to_string(),
            now.rated.to_string(),
            signed(change.rated),
        ],
        [
            tr("Tỷ lệ đảng viên dự sinh hoạt", "Attendance").to_owned(),
            percent(before.attendance_rate),
            percent(now.attendance_rate),
            change.attendance_rate.map_or_else(
                || "—".to_owned(),
                |d| {
                    let n = crate::core::text::decimal(d * 100.0, 1, lang());
                    let sign = if n == "0" || n.starts_with('-') {
                        ""
                    } else {
                        "+"
                    };
                    format!("{sign}{n} {}", tr("điểm phần trăm", "percentage points"))
                },
            ),
        ],
    ];
    for (level, d) in [
        (Level::Good, change.good),
        (Level::Fair, change.fair),
        (Level::Average, change.average),
        (Level::Poor, change.poor),
    ] {
        rows.push([
            level.label(lang()).to_owned(),
            before.levels.get(level).to_string(),
            now.levels.get(level).to_string(),
            signed(d),
        ]);
    }
    rows
}

/// A change with its sign, and no change as `0` (not `+0`).
fn signed(d: i64) -> String {
    if d == 0 {
        "0".to_owned()
    } else {
        format!("{d:+}")
    }
}

/// "Ngày 09 tháng 7…": the first letter in upper case, as a dateline starts a line.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What a numbered section of the report holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// One cell's meetings table.
    Meetings,
    /// One cell's results (and, in HTML, the chart).
    Results,
    /// A roll-up's summary table, totals (and chart).
    Summary,
    /// A roll-up's cells, one numbered sub-section each.
    Cells,
    /// The period before beside this one (`--previous`, `--trend`).
    Trend,
    /// The notes' section of this index (`report --notes`).
    Note(usize),
}

/// A numbered section of the report: "II. KẾT QUẢ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: String,
    pub title: String,
    pub part: Part,
}

impl Section {
    /// The heading as every format prints it.
    pub fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }
}

/// The report's outline, the same in every format (table, Markdown, HTML, Word): the figures'
/// sections, then the notes' sections numbered after them. The headings are in capitals, as the
/// minutes' are.
///
/// With the period before (`--previous`, `--trend`), its comparison follows the figures it
/// compares: in a roll-up right after the summary, before the cells' detail (which may run to
/// many pages), so a committee reads the totals and how they moved together; in a cell's report
/// after its results. The notes, which judge the figures, come after both.
pub fn outline(report: &Report, notes: &[NoteSection]) -> Vec<Section> {
    const TREND: (&str, &str, Part) = ("So với kỳ trước", "Against the period before", Part::Trend);
    let figures: &[(&str, &str, Part)] = if report.is_rollup() {
        &[
            ("Tổng hợp", "Summary", Part::Summary),
            TREND,
            ("Chi tiết từng chi bộ", "Each cell", Part::Cells),
        ]
    } else {
        &[
            (
                "Các buổi sinh hoạt trong kỳ",
                "Meetings in the period",
                Part::Meetings,
            ),
            ("Kết quả", "Results", Part::Results),
            TREND,
        ]
    };
    let titles = figures
        .iter()
        .filter(|&&(_, _, part)| part != Part::Trend || report.previous.is_some())
        .map(|&(vi, en, part)| (tr(vi, en).to_owned(), part))
        .chain(
            notes
                .iter()
                .enumerate()
                .map(|(i, n)| (n.title.clone(), Part::Note(i))),
        );
    titles
        .enumerate()
        .map(|(i, (title, part))| Section {
            number: roman(i + 1),
            title: title.to_uppercase(),
            part,
        })
        .collect()
}

/// A section's number in Roman numerals, as Party documents number their parts: I, II, … XL.
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::roman;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 9, 14, 40, 1999].map(roman).to_vec();
        assert_eq!(
            got,
            ["I", "II", "III", "IV", "V", "IX", "XIV", "XL", "MCMXCIX"]
        );
    }
}
