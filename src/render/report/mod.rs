//! The report of a period for people and for scripts: one cell or many cells rolled up.
//!
//! The figures come from [`crate::core::report`] (pure) by way of [`crate::ledger::period`]
//! (which reads only the period's files); this module lays them out, one renderer per format
//! ([`table`], [`json`], [`csv`], [`md`], [`html`]), with the words they share.

pub mod committee;
pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod md;
pub mod notes;
pub mod sections;
pub mod table;

pub use crate::core::report::model::{
    ActionCounts, CellReport, Compliance, Directives, LevelCounts, MeetingRow, Report, Totals,
    YearReport,
};

use chrono::{Datelike, NaiveDate};

use crate::core::period::Period;
use crate::i18n::{Lang, lang, tr};

/// The formats `cellbook report` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A terminal report
    #[default]
    Table,
    /// The stable interface for scripts
    Json,
    /// One row per meeting, for a spreadsheet
    Csv,
    /// A Markdown document
    Md,
    /// A self-contained A4 page to print
    Html,
    /// A Word document (A4) to edit, sign and file
    Docx,
}

/// The formats `cellbook minutes` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MinutesFormat {
    /// A Markdown document
    #[default]
    Md,
    /// A self-contained A4 page to print
    Html,
    /// A Word document (A4) to edit, sign and file
    Docx,
}

impl Format {
    /// Whether the output is a binary file rather than text.
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

/// Write a report in the current language, a cell at a time: a roll-up of thousands of cells
/// never exists as one string.
/// The formats people read (table, Markdown, HTML) show the control characters a ledger's text may
/// hold as `\u{1b}` ([`crate::core::text::visible`]); JSON and CSV carry the data as it is, for
/// programs (JSON escapes control characters itself).
pub fn write(report: &Report, format: Format, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_with(report, format, &Letterhead::default(), out)
}

/// What the printed formats put around the figures: the place name of the date line (`[cell]
/// locality`), the number and symbol, and the recipients block.
#[derive(Debug, Clone, Default)]
pub struct Letterhead {
    pub locality: Option<String>,
    /// The number-and-symbol line, "Số 05-BC/CB" (see [`number_line`]); `None` leaves it out.
    pub number: Option<String>,
    /// The recipients (*Nơi nhận*); empty leaves the block out.
    pub recipients: Vec<String>,
    /// The report's own words (`--notes`): numbered sections after the figures'.
    pub notes: Vec<notes::NoteSection>,
    /// The committee that issues a roll-up (`--committee`).
    pub committee: Option<committee::Committee>,
}

/// Who signs, on whose behalf: "T/M CHI BỘ" / "BÍ THƯ" / the name (a dotted line without one).
pub struct Signer {
    pub on_behalf: String,
    pub title: Option<String>,
    pub name: Option<String>,
}

/// The header's left column: the body above and the issuer (in bold), as Hướng dẫn 36-HD/VPTW
/// sets them. A cell's report is the cell's; a roll-up with `--committee` the committee's; a
/// compilation names only the body the cells share, and no issuer.
pub fn issuer(report: &Report, head: &Letterhead) -> (Option<String>, Option<String>) {
    match (&head.committee, report.is_rollup()) {
        (Some(c), _) => (c.parent.clone(), Some(c.name.clone())),
        (None, false) => report
            .cells
            .first()
            .map_or((None, None), |c| (c.parent.clone(), Some(c.name.clone()))),
        (None, true) => (md::common_parent(report), None),
    }
}

/// The signature block's words: the cell's secretary for the cell, the committee's signer for the
/// committee, the person who compiled a compilation.
pub fn signer(report: &Report, head: &Letterhead) -> Signer {
    match (&head.committee, report.is_rollup()) {
        (Some(c), _) => Signer {
            on_behalf: tr("T/M ĐẢNG ỦY", "FOR THE PARTY COMMITTEE").to_owned(),
            title: Some(c.signer_title.clone().map_or_else(
                || tr("BÍ THƯ", "SECRETARY").to_owned(),
                |t| t.to_uppercase(),
            )),
            name: c.signer_name.clone(),
        },
        (None, false) => Signer {
            on_behalf: tr("T/M CHI BỘ", "FOR THE CELL").to_owned(),
            title: Some(tr("BÍ THƯ", "SECRETARY").to_owned()),
            name: report.cells.first().and_then(|c| c.secretary.clone()),
        },
        (None, true) => Signer {
            on_behalf: tr("NGƯỜI TỔNG HỢP", "COMPILED BY").to_owned(),
            title: None,
            name: None,
        },
    }
}

/// A roll-up no committee issued says so under its title: it is a compilation of the cells'
/// books, not a document of the committee.
pub fn compilation_note(report: &Report, head: &Letterhead) -> Option<String> {
    (report.is_rollup() && head.committee.is_none()).then(|| match lang() {
        Lang::Vi => format!(
            "(Bản tổng hợp số liệu từ sổ sinh hoạt của {} chi bộ; không phải văn bản do cấp ủy ban hành)",
            report.cells.len()
        ),
        Lang::En => format!(
            "(A compilation of the figures in the books of {} cells; not a document issued by the committee)",
            report.cells.len()
        ),
    })
}

/// The number-and-symbol line of a document: "Số 05-BC/CB" (a number under 10 with its leading
/// zero), or "Số     -BC/CB" with the number left blank to be written in by hand (non-breaking
/// spaces, so the blank survives every format).
pub fn number_line(number: Option<u32>, symbol: &str) -> String {
    let number = number.map_or_else(|| "\u{a0}".repeat(5), |n| format!("{n:02}"));
    format!("{} {number}-{symbol}", tr("Số", "No."))
}

/// The recipients as the block lists them: "- X," for each, the last ending with a full stop.
pub fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let last = recipients.len().saturating_sub(1);
    recipients
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let r = r.trim().trim_end_matches(['.', ',', ';']);
            format!("- {r}{}", if i == last { "." } else { "," })
        })
        .collect()
}

/// [`write`], with the letterhead of the ledger (the first one, in a roll-up).
pub fn write_with(
    report: &Report,
    format: Format,
    head: &Letterhead,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let line = place_dateline(head.locality.as_deref(), report.made);
    match format {
        Format::Table => table::write(report, &head.notes, &mut Shown(out)),
        Format::Json => json::write(report, out),
        Format::Csv => csv::write(report, out),
        Format::Md => md::write(report, &line, head, &mut Shown(out)),
        Format::Html => html::write(report, &line, head, &mut Shown(out)),
        // Binary: the text is made visible run by run inside (crate::render::docx).
        Format::Docx => docx::write(report, &line, head, out),
    }
}

/// A writer that makes hidden characters visible on the way through. The renderers write whole
/// strings, so each buffer is whole characters; one that is not UTF-8 passes unchanged.
struct Shown<'a>(&'a mut dyn std::io::Write);

impl std::io::Write for Shown<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self
                .0
                .write_all(crate::core::text::visible(text).as_bytes())?,
            Err(_) => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The whole report as a string (for `--out`, and for tests).
pub fn render(report: &Report, format: Format) -> String {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(report, format, &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A rate as a percentage: `97,5%` in Vietnamese, `97.5%` in English; `—` when there is none.
pub fn percent(rate: Option<f64>) -> String {
    percent_in(rate, lang())
}

fn percent_in(rate: Option<f64>, lang: Lang) -> String {
    let Some(rate) = rate else {
        return "—".to_owned();
    };
    crate::core::text::percent(rate, lang)
}

/// The period in words: "quý III năm 2020" / "Q3 2020".
pub fn period_words(period: Period) -> String {
    match (period, lang()) {
        (Period::Year { year }, Lang::En) => format!("the year {year}"),
        (period, lang) => period.words(lang),
    }
}

/// A quarter's number as the Vietnamese forms write it: I, II, III, IV.
fn roman(quarter: u32) -> &'static str {
    match quarter {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}

/// A date in the current language.
pub fn date(d: NaiveDate) -> String {
    crate::core::dates::show_date(d, lang())
}

/// The dateline of a signed document: "ngày 09 tháng 7 năm 2020" / "9 July 2020". As HD 36
/// writes it (docs/report.md): a day under 10 and the months 1 and 2 take a leading zero, so
/// nothing can be written in front of them ("ngày 05 tháng 02", "tháng 3").
pub fn dateline(d: NaiveDate) -> String {
    dateline_in(d, lang())
}

fn dateline_in(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi if d.month() <= 2 => {
            format!(
                "ngày {:02} tháng {:02} năm {}",
                d.day(),
                d.month(),
                d.year()
            )
        }
        Lang::Vi => format!("ngày {:02} tháng {} năm {}", d.day(), d.month(), d.year()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// The place-and-date line of a document's header: "Phan Rang, ngày 05 tháng 10 năm 2020", or
/// "Ngày 05 tháng 10 năm 2020" when the ledger names no place.
pub fn place_dateline(locality: Option<&str>, d: NaiveDate) -> String {
    match locality.map(str::trim).filter(|l| !l.is_empty()) {
        Some(place) => format!("{place}, {}", dateline(d)),
        None => sections::upper_first(&dateline(d)),
    }
}

/// `2020-08` in words: "tháng 8/2020" / "August 2020".
pub fn month_words(label: &str) -> String {
    let parsed = label
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)));
    match (parsed.and_then(|(y, m)| Period::month(y, m)), lang()) {
        (Some(p), Lang::Vi) => p.words(Lang::Vi),
        (Some(p), Lang::En) => NaiveDate::from_ymd_opt(p.first_year(), p.start().month(), 1)
            .map_or_else(|| label.to_owned(), |d| d.format("%b %Y").to_string()),
        (None, _) => label.to_owned(),
    }
}

/// `2020-Q1` in words: "quý I/2020" / "Q1 2020".
pub fn quarter_words(label: &str) -> String {
    match Period::parse(label) {
        Ok(Period::Quarter { year, quarter }) => match lang() {
            Lang::Vi => format!("quý {} năm {year}", roman(quarter)),
            Lang::En => format!("Q{quarter} {year}"),
        },
        _ => label.to_owned(),
    }
}

/// The compliance findings as sentences, for the printed formats; empty when all is well.
pub fn compliance_lines(c: &Compliance) -> Vec<String> {
    let mut out = Vec::new();
    if !c.short_months.is_empty() {
        out.push(format!(
            "{} ({} {}): {}",
            tr(
                "Tháng chưa đủ số buổi sinh hoạt thường kỳ",
                "Months short of regular meetings"
            ),
            tr("yêu cầu", "required"),
            c.regular_required,
            c.short_months
                .iter()
                .map(|m| month_words(m))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !c.short_quarters.is_empty() {
        out.push(format!(
            "{} ({} {}): {}",
            tr(
                "Quý chưa đủ số buổi sinh hoạt chuyên đề",
                "Quarters short of thematic meetings"
            ),
            tr("yêu cầu", "required"),
            c.thematic_required,
            c.short_quarters
                .iter()
                .map(|q| quarter_words(q))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !c.unrecorded.is_empty() {
        out.push(format!(
            "{}: {}",
            tr(
                "Buổi sinh hoạt đã lên kế hoạch nhưng chưa ghi biên bản",
                "Meetings planned but never recorded"
            ),
            c.unrecorded.join(", ")
        ));
    }
    if !c.unrated.is_empty() {
        out.push(format!(
            "{}: {}",
            tr(
                "Buổi sinh hoạt đã ghi biên bản nhưng chưa xếp loại",
                "Meetings recorded but not rated"
            ),
            c.unrated.join(", ")
        ));
    }
    out
}

/// "Đạt" / "Met" or "Chưa đạt" / "Not met".
/// What stands for a cell's meetings table when it has no rows: none held, or a summary (a JSON
/// report made with `--summary-only`) that leaves them out.
pub fn no_meetings_line(cell: &CellReport) -> &'static str {
    if cell.meetings_omitted {
        tr(
            "(Bản tóm tắt: không kèm từng buổi sinh hoạt.)",
            "(Summary: the meetings are not listed.)",
        )
    } else {
        tr(
            "Không có buổi sinh hoạt nào trong kỳ.",
            "No meetings in the period.",
        )
    }
}

pub fn compliance_word(ok: bool) -> &'static str {
    if ok {
        tr("Đạt yêu cầu", "Met")
    } else {
        tr("Chưa đạt yêu cầu", "Not met")
    }
}

/// The meeting's attendance as `9/10`, or `—`.
pub fn attendance_text(row: &MeetingRow) -> String {
    row.attendance.map_or_else(
        || "—".to_owned(),
        |a| format!("{}/{}", a.present, a.counted),
    )
}

/// The title of the report document, as Hướng dẫn 36-HD/VPTW sets a title: the document type
/// alone in capitals ("BÁO CÁO"), then its subject in ordinary letters; a compilation no committee
/// issued is a "BẢN TỔNG HỢP".
pub fn report_title(report: &Report, head: &Letterhead) -> (String, String) {
    let words = period_words(report.period);
    match (report.is_rollup(), head.committee.is_some(), lang()) {
        (false, _, Lang::Vi) => (
            "BÁO CÁO".to_owned(),
            format!("Kết quả sinh hoạt chi bộ {words}"),
        ),
        (true, true, Lang::Vi) => (
            "BÁO CÁO".to_owned(),
            format!("Tổng hợp kết quả sinh hoạt các chi bộ {words}"),
        ),
        (true, false, Lang::Vi) => (
            "BẢN TỔNG HỢP".to_owned(),
            format!("Kết quả sinh hoạt của các chi bộ {words}"),
        ),
        (false, _, Lang::En) => ("REPORT".to_owned(), format!("The cell's meetings, {words}")),
        (true, true, Lang::En) => ("REPORT".to_owned(), format!("The cells' meetings, {words}")),
        (true, false, Lang::En) => (
            "COMPILATION".to_owned(),
            format!("The cells' meetings, {words}"),
        ),
    }
}

/// The rated meetings of each month of the period, by level: what the chart draws.
pub fn levels_by_month(report: &Report) -> Vec<((i32, u32), LevelCounts)> {
    report
        .period
        .months()
        .into_iter()
        .map(|(y, m)| {
            let mut counts = LevelCounts::default();
            for row in report.cells.iter().flat_map(|c| &c.meetings) {
                if row.date.year() == y
                    && row.date.month() == m
                    && let Some(level) = row.level
                {
                    *counts.get_mut(level) += 1;
                }
            }
            ((y, m), counts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent_in(Some(0.975), Lang::En), "97.5%");
        assert_eq!(percent_in(Some(0.975), Lang::Vi), "97,5%");
        assert_eq!(percent_in(Some(1.0), Lang::Vi), "100%");
        assert_eq!(percent_in(Some(2.0 / 3.0), Lang::En), "66.7%");
        assert_eq!(percent_in(None, Lang::En), "—");
    }

    #[test]
    fn datelines_pad_days_under_ten_and_the_first_two_months() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            dateline_in(d(2020, 10, 5), Lang::Vi),
            "ngày 05 tháng 10 năm 2020"
        );
        assert_eq!(
            dateline_in(d(2020, 2, 1), Lang::Vi),
            "ngày 01 tháng 02 năm 2020"
        );
        assert_eq!(
            dateline_in(d(2020, 1, 15), Lang::Vi),
            "ngày 15 tháng 01 năm 2020"
        );
        assert_eq!(
            dateline_in(d(2020, 3, 9), Lang::Vi),
            "ngày 09 tháng 3 năm 2020"
        );
        assert_eq!(
            dateline_in(d(2020, 12, 25), Lang::Vi),
            "ngày 25 tháng 12 năm 2020"
        );
        assert_eq!(dateline_in(d(2020, 3, 9), Lang::En), "9 March 2020");
    }
}
