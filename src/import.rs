//! Reading a spreadsheet for `member import`: a CSV file (UTF-8 with or without a BOM, UTF-16
//! with a BOM, or the Vietnamese Windows code page, windows-1258) or an Excel workbook (.xlsx,
//! read with calamine), into the plain [`Sheet`] the core turns into members.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;

use crate::core::roster_import::{Sheet, Value};
use crate::error::{Error, Result};
use crate::i18n::tr;

/// The largest file read (a roster of thousands fits in well under a megabyte).
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// The most rows read: more is no cell's roster.
pub const MAX_ROWS: usize = 10_000;
/// Columns past this one are not read.
pub const MAX_COLUMNS: usize = 100;

/// The file as read, and how its text was decoded (for the preview).
pub struct Spreadsheet {
    pub sheet: Sheet,
    /// `windows-1258` when a CSV was not UTF-8; the sheet's name for a workbook.
    pub note: Option<String>,
    /// Every sheet of a workbook, to name them when the one read is not a roster.
    pub sheets: Vec<String>,
}

fn refused(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::refused(format!("{}: {what}", path.display()))
}

/// Read `path`: a workbook when its bytes are a zip (whatever its name), else CSV.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Spreadsheet> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotARegularFile { path: path.into() });
    }
    if meta.len() > MAX_BYTES {
        return Err(refused(
            path,
            format!(
                "{} ({} MB); {} {} MB",
                tr("tệp quá lớn", "the file is too large"),
                meta.len() / (1024 * 1024),
                tr("tối đa", "at most"),
                MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(path, bytes, sheet);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(refused(
            path,
            tr(
                "tệp Excel cũ (.xls): hãy lưu lại dạng .xlsx hoặc CSV (File → Save As)",
                "an old Excel file (.xls): save it as .xlsx or CSV (File → Save As)",
            ),
        ));
    }
    if sheet.is_some() {
        return Err(Error::Usage(
            tr(
                "--sheet chỉ dùng cho tệp Excel (.xlsx)",
                "--sheet is for Excel files (.xlsx) only",
            )
            .into(),
        ));
    }
    let (text, note) = decode(&bytes);
    Ok(Spreadsheet {
        sheet: read_csv(path, &text)?,
        note,
        sheets: Vec::new(),
    })
}

/// The text of a CSV: UTF-8 (a BOM dropped), UTF-16 with a BOM, else windows-1258.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let note = (enc != encoding_rs::UTF_8).then(|| enc.name().to_owned());
        return (text.into_owned(), note);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            (text.into_owned(), Some("windows-1258".to_owned()))
        }
    }
}

/// The delimiter: `,`, `;` (Excel where the decimal mark is a comma, as in Vietnamese) or a
/// tab, whichever the first lines (a title may come before the headings) have most of; `,`
/// when they have none.
fn delimiter(text: &str) -> u8 {
    let head: Vec<&str> = text
        .lines()
        .take(crate::core::roster_import::HEADER_SEARCH_ROWS)
        .collect();
    let count = |d: u8| {
        head.iter()
            .map(|l| l.bytes().filter(|b| *b == d).count())
            .sum::<usize>()
    };
    [b';', b'\t']
        .into_iter()
        .filter(|d| count(*d) > count(b','))
        .max_by_key(|d| count(*d))
        .unwrap_or(b',')
}

fn read_csv(path: &Path, text: &str) -> Result<Sheet> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    let mut lines = LineCounter::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| refused(path, e))?;
        if i >= MAX_ROWS {
            return Err(too_many_rows(path));
        }
        let row = record.position().map_or(i + 1, |p| {
            lines.line_of(text, usize::try_from(p.byte()).unwrap_or(0))
        });
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|s| {
                // A formula typed into a CSV is text; a cell that is only spaces is empty.
                if s.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(crate::core::names::nfc(s))
                }
            })
            .collect();
        sheet.rows.push((row, cells));
    }
    Ok(sheet)
}

/// Counts lines as the reader moves on, so that each record's line costs only the bytes since
/// the one before.
#[derive(Default)]
struct LineCounter {
    at: usize,
    breaks: usize,
}

impl LineCounter {
    /// The line (from 1) a record starting at byte `at` is on, past the line breaks of blank
    /// lines the reader skipped before it.
    fn line_of(&mut self, text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        let mut at = at.min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        if at < self.at {
            *self = LineCounter::default();
        }
        // A line ends with LF, CRLF, or (old Mac files) a lone CR.
        let seen = &bytes[self.at..at];
        self.breaks += seen
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                **b == b'\n' || (**b == b'\r' && bytes.get(self.at + i + 1) != Some(&b'\n'))
            })
            .count();
        self.at = at;
        1 + self.breaks
    }
}

fn too_many_rows(path: &Path) -> Error {
    refused(
        path,
        format!(
            "{} {MAX_ROWS} {}",
            tr("có hơn", "has more than"),
            tr(
                "dòng: đây không phải danh sách đảng viên của một chi bộ",
                "rows: this is not the roster of one cell"
            )
        ),
    )
}

fn value(cell: &DataRef<'_>) -> Value {
    match cell {
        DataRef::Empty => Value::Empty,
        // A date cell of an ISO workbook (`t="d"`): the date, whatever time follows.
        DataRef::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Value::Text(s.clone()), Value::Date),
        DataRef::String(s) | DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_owned()),
        DataRef::Int(n) => Value::Number(*n as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Text(b.to_string()),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or(Value::Number(dt.as_f64()), Value::Date)
        }
        DataRef::DateTime(dt) => Value::Number(dt.as_f64()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

/// The most a workbook may unpack to, by what its parts declare: a roster's sheet is small; a
/// zip bomb is refused before calamine unpacks it.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// A workbook that zip or calamine cannot read, with their reason.
fn unreadable_xlsx(path: &Path, e: &dyn std::fmt::Display) -> Error {
    refused(
        path,
        format!(
            "{}: {e}",
            tr(
                "không đọc được tệp Excel (.xlsx)",
                "cannot read the Excel file (.xlsx)"
            )
        ),
    )
}

/// Refuse a workbook whose parts declare more than [`MAX_UNPACKED`] bytes in all.
fn check_unpacked(path: &Path, bytes: &[u8]) -> Result<()> {
    let unreadable = |e: &dyn std::fmt::Display| unreadable_xlsx(path, e);
    let mut archive = zip9::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| unreadable(&e))?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED {
        return Err(refused(
            path,
            format!(
                "{} {} MB ({} {} MB)",
                tr("tệp Excel giải nén ra", "the workbook unpacks to"),
                total / (1024 * 1024),
                tr("tối đa", "at most"),
                MAX_UNPACKED / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

fn read_xlsx(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Spreadsheet> {
    check_unpacked(path, &bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable_xlsx(path, &e))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| crate::core::names::fold(n) == crate::core::names::fold(wanted))
            .cloned()
            .ok_or_else(|| {
                refused(
                    path,
                    format!(
                        "{} '{wanted}' ({}: {})",
                        tr("không có trang tính", "no sheet named"),
                        tr("các trang", "the sheets"),
                        names.join(", ")
                    ),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| {
            refused(
                path,
                tr("tệp không có trang tính nào", "the file has no sheet"),
            )
        })?,
    };
    let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    let mut grid: Vec<(usize, Vec<Value>)> = Vec::new();
    {
        let mut cells = book
            .worksheet_cells_reader(&name)
            .map_err(|e| refused(path, e))?;
        while let Some(cell) = cells.next_cell().map_err(|e| refused(path, e))? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            if c >= MAX_COLUMNS {
                continue;
            }
            if r >= MAX_ROWS {
                return Err(too_many_rows(path));
            }
            put(&mut grid, r, c, value(cell.get_value()));
        }
    }
    // A merged cell holds its value in its first cell only; the others show it too.
    for m in merged {
        let (r0, c0) = (m.start.0 as usize, m.start.1 as usize);
        let Some(v) = get(&grid, r0, c0).cloned() else {
            continue;
        };
        let rows = (r0..=m.end.0 as usize).take_while(|r| *r < MAX_ROWS);
        for r in rows {
            for c in (c0..=m.end.1 as usize).take_while(|c| *c < MAX_COLUMNS) {
                if (r, c) != (r0, c0) {
                    put(&mut grid, r, c, v.clone());
                }
            }
        }
    }
    grid.sort_by_key(|(r, _)| *r);
    Ok(Spreadsheet {
        sheet: Sheet { rows: grid },
        note: Some(name),
        sheets: names,
    })
}

/// Set the cell at row `r` (0-based) and column `c` in `grid` (rows kept by their number,
/// 1-based, in the order first seen).
fn put(grid: &mut Vec<(usize, Vec<Value>)>, r: usize, c: usize, v: Value) {
    let row_no = r + 1;
    let idx = match grid.iter().rposition(|(n, _)| *n == row_no) {
        Some(i) => i,
        None => {
            grid.push((row_no, Vec::new()));
            grid.len() - 1
        }
    };
    let cells = &mut grid[idx].1;
    if cells.len() <= c {
        cells.resize(c + 1, Value::Empty);
    }
    cells[c] = v;
}

fn get(grid: &[(usize, Vec<Value>)], r: usize, c: usize) -> Option<&Value> {
    grid.iter()
        .find(|(n, _)| *n == r + 1)
        .and_then(|(_, cells)| cells.get(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_is_decoded_whatever_excel_saved() {
        let (t, note) = decode("\u{feff}Họ và tên\n".as_bytes());
        assert_eq!((t.as_str(), note), ("Họ và tên\n", None));
        // "Đạo" in windows-1258: Đ = 0xD0, a, o with the dot below as a combining mark (0xF2).
        let (t, note) = decode(&[0xD0, b'a', 0xF2, b'o']);
        assert_eq!(note.as_deref(), Some("windows-1258"));
        assert_eq!(crate::core::names::nfc(&t), "Đạo");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Tên".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).0, "Tên");
        assert_eq!(delimiter("Họ tên;Mã;Ngày\n"), b';');
        assert_eq!(delimiter("a,b\tc,d"), b',');
    }
}
