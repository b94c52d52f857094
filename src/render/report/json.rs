//! `--format json`: the stable interface for scripts (field names in `model`), and the input of
//! roll-ups (docs/report.schema.json).
//!
//! Written a part at a time — the head, each cell, the tail — so that a roll-up of 100,000 cells
//! can stream its cells as they are read, without the report ever existing whole. The bytes are
//! those of `serde_json::to_writer_pretty` on the whole [`Report`] (a test holds them so): each
//! part is written pretty and indented to its depth (serde_json's pretty printer never puts a
//! raw line break inside a value, so indenting its lines is exact), except that a summary's
//! cells are written one a line ([`cell_bytes`]).

use std::io::{self, Write};

use serde::Serialize;

use crate::core::lang::Lang;
use crate::core::period::Period;
use crate::core::report::model::{CellReport, Expected, REPORT_SCHEMA, Report, Totals, Trend};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    head(report.period, report.language, report.summary_only, out)?;
    for (i, cell) in report.cells.iter().enumerate() {
        out.write_all(separator(i == 0))?;
        out.write_all(&cell_bytes(cell, report.summary_only)?)?;
    }
    tail(
        !report.cells.is_empty(),
        &report.totals,
        report.expected.as_ref(),
        report.previous.as_ref(),
        out,
    )
}

/// `{`, the schema, the language (if known), the period, `summary_only` and the opening of
/// `cells`.
pub fn head(
    period: Period,
    language: Option<Lang>,
    summary_only: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    write!(out, "{{\n  \"schema\": {REPORT_SCHEMA},\n")?;
    if let Some(language) = language {
        writeln!(out, "  \"language\": \"{}\",", language.code())?;
    }
    write!(out, "  \"period\": ")?;
    out.write_all(&indented(&period, 1)?)?;
    write!(
        out,
        ",\n  \"summary_only\": {summary_only},\n  \"cells\": ["
    )
}

/// What goes before a cell of `cells`: after the opening bracket (`first`) or after the cell
/// before.
pub fn separator(first: bool) -> &'static [u8] {
    if first { b"\n    " } else { b",\n    " }
}

/// One cell of `cells`, to follow its [`separator`]. Workers can make these bytes in parallel;
/// they are written in order.
///
/// A summary's cell (no meeting rows, `summary`) is written on one line, compact: what a
/// district sends up is read by the next level's tool, one cell a line is what `grep` and a diff
/// want, and the nation's 100,000 cells are half the bytes to write and read again.
pub fn cell_bytes(cell: &CellReport, summary: bool) -> io::Result<Vec<u8>> {
    if summary {
        let mut line = Vec::with_capacity(1024);
        serde_json::to_writer(&mut line, cell)?;
        Ok(line)
    } else {
        indented(cell, 2)
    }
}

/// The close of `cells` (after any cell, or none), the totals, what `--expect` and
/// `--previous` add, and `}`.
pub fn tail(
    any_cell: bool,
    totals: &Totals,
    expected: Option<&Expected>,
    previous: Option<&Trend>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(if any_cell { b"\n  ],\n" } else { b"],\n" })?;
    out.write_all(b"  \"totals\": ")?;
    out.write_all(&indented(totals, 1)?)?;
    if let Some(e) = expected {
        out.write_all(b",\n  \"expected\": ")?;
        out.write_all(&indented(e, 1)?)?;
    }
    if let Some(p) = previous {
        out.write_all(b",\n  \"previous\": ")?;
        out.write_all(&indented(p, 1)?)?;
    }
    out.write_all(b"\n}\n")
}

/// A value written pretty, its lines after the first indented by `depth` levels.
fn indented<T: Serialize>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    let pretty = serde_json::to_vec_pretty(value)?;
    let pad = &b"    "[..2 * depth.min(2)];
    let mut out = Vec::with_capacity(pretty.len() + pretty.len() / 4);
    let mut lines = pretty.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.extend_from_slice(first);
    }
    for line in lines {
        out.push(b'\n');
        out.extend_from_slice(pad);
        out.extend_from_slice(line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::core::model::{CellFile, Roster};
    use crate::core::report::aggregate::{CellInput, cell, report};
    use crate::core::report::model::{Change, Expected, Incomplete, Trend};

    fn cells(n: usize) -> Vec<CellReport> {
        let cfg: CellFile =
            toml::from_str("schema = 1\n[cell]\nname = \"X\"\n").unwrap_or_else(|e| panic!("{e}"));
        let roster = Roster {
            schema: 1,
            members: vec![],
        };
        let period = Period::parse("2020-Q3").unwrap_or_else(|e| panic!("{e}"));
        (0..n)
            .map(|i| {
                let name = format!("Chi bộ \"{i}\"\n<b>");
                cell(&CellInput {
                    id: &name,
                    name: &name,
                    parent: Some("Đảng bộ"),
                    place: None,
                    rules: &cfg.meetings,
                    rating: &cfg.rating,
                    roster: &roster,
                    meetings: &[],
                    period,
                    today: period.end(),
                    year_rubric: None,
                    since: None,
                })
            })
            .collect()
    }

    #[test]
    fn the_parts_write_the_bytes_serde_writes_for_the_whole_report() {
        let made = NaiveDate::from_ymd_opt(2020, 11, 28).unwrap_or_default();
        let period = Period::parse("2020-Q3").unwrap_or_else(|e| panic!("{e}"));
        for n in [0, 1, 3] {
            let mut r = report(period, cells(n), made);
            let whole = |r: &Report| {
                let mut v = serde_json::to_vec_pretty(r).unwrap_or_default();
                v.push(b'\n');
                v
            };
            let parts = |r: &Report| {
                let mut v = Vec::new();
                write(r, &mut v).unwrap_or_else(|e| panic!("{e}"));
                v
            };
            assert_eq!(
                String::from_utf8_lossy(&parts(&r)),
                String::from_utf8_lossy(&whole(&r))
            );
            r.expected = Some(Expected {
                listed: 2,
                missing: vec!["a\nb".into()],
                incomplete: vec![Incomplete {
                    id: "x".into(),
                    name: "X".into(),
                    unrecorded: 1,
                    unrated: 0,
                    short_months: 2,
                    short_quarters: 0,
                }],
                unexpected: vec![],
            });
            r.previous = Some(Trend {
                period,
                totals: r.totals.clone(),
                change: Change::between(&r.totals, &r.totals),
            });
            assert_eq!(
                String::from_utf8_lossy(&parts(&r)),
                String::from_utf8_lossy(&whole(&r))
            );
            // A summary: the same document, its cells one a line (compact), the rest pretty.
            r.summary_only = true;
            let got = String::from_utf8_lossy(&parts(&r)).into_owned();
            let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
            assert_eq!(value(&got), serde_json::to_value(&r).ok());
            let pretty = String::from_utf8_lossy(&whole(&r)).into_owned();
            let cell_lines: Vec<String> = r
                .cells
                .iter()
                .map(|c| format!("    {}", serde_json::to_string(c).unwrap_or_default()))
                .collect();
            let (head, _) = pretty.split_once("\"cells\": [").unwrap_or_default();
            let (_, tail) = pretty.split_once("\n  \"totals\": {").unwrap_or_default();
            let cells = if n == 0 {
                "]".to_owned()
            } else {
                format!("\n{}\n  ]", cell_lines.join(",\n"))
            };
            assert_eq!(
                got,
                format!("{head}\"cells\": [{cells},\n  \"totals\": {{{tail}")
            );
        }
    }
}
