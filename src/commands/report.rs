//! `cellbook report`: a quarter's or a year's figures for one cell, or for many cells rolled
//! up, in the format asked for.

use std::path::{Component, Path, PathBuf};

use crate::cli::ReportArgs;
use crate::commands::{Context, Output, Stream};
use crate::error::{Error, Result};
use crate::i18n::{self, tr};
use crate::ledger::storage::write_atomic;
use crate::ledger::{CONFIG_FILE, Ledger, MEETINGS_DIR, MEMBERS_FILE, RUBRICS_DIR};
use crate::period::Period;
use crate::report::{self, Format, aggregate, load};

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<Output> {
    let period = period_of(args, ctx)?;
    if args.bom && args.format != Format::Csv {
        return Err(Error::Usage(
            tr(
                "--bom chỉ dùng với --format csv",
                "--bom goes with --format csv only",
            )
            .to_owned(),
        ));
    }
    let opts = load::Options {
        period,
        today: ctx.today,
        classify_year: matches!(period, Period::Year { .. }),
    };
    let cells = if args.ledgers.is_empty() {
        let ledger = ctx.open()?;
        if let Some(out) = &args.out {
            guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
        }
        vec![load::cell(&ledger, &opts)?]
    } else {
        // Speak the first ledger's language (a broken one leaves the default).
        if ctx.lang.is_none()
            && let Ok(first) = Ledger::open(&args.ledgers[0])
        {
            i18n::set_lang(first.config.cell.language);
        }
        if let Some(out) = &args.out {
            let roots: Vec<&Path> = args.ledgers.iter().map(PathBuf::as_path).collect();
            guard_out(out, &ctx.cwd, &roots)?;
        }
        load::cells(&args.ledgers, &opts)?
    };
    let report = aggregate::report(period, cells, ctx.today);
    let (format, bom) = (args.format, args.bom);
    let write = move |w: &mut dyn std::io::Write| {
        if bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        report::write(&report, format, w)
    };
    match &args.out {
        // Straight to stdout, a cell at a time.
        None => Ok(Output {
            stream: Some(Stream(Box::new(write))),
            ..Output::default()
        }),
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes).map_err(|e| Error::io(path, e))?;
            emit(Some(path), String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

fn period_of(args: &ReportArgs, ctx: &Context) -> Result<Period> {
    let bad = |flag: &str, value: &str, example: &str| {
        Error::Usage(format!(
            "{flag} {value}: {} {example}",
            tr("hãy viết như", "write it like")
        ))
    };
    match (&args.quarter, &args.year, args.last_quarter) {
        (Some(q), _, _) => match Period::parse(q).map_err(Error::Usage)? {
            p @ Period::Quarter { .. } => Ok(p),
            _ => Err(bad("--quarter", q, "2020-Q3")),
        },
        (None, Some(y), _) => match Period::parse(y).map_err(Error::Usage)? {
            p @ Period::Year { .. } => Ok(p),
            _ => Err(bad("--year", y, "2020")),
        },
        (None, None, true) => Ok(Period::previous_quarter(ctx.today)),
        (None, None, false) => Err(Error::Usage(
            tr(
                "chọn kỳ báo cáo: --quarter 2020-Q3, --year 2020 hoặc --last-quarter",
                "choose the period: --quarter 2020-Q3, --year 2020 or --last-quarter",
            )
            .to_owned(),
        )),
    }
}

/// Print the text, or write it atomically to `out` and say so.
pub(crate) fn emit(out: Option<&Path>, text: String) -> Result<Output> {
    match out {
        None => Ok(Output::text(text)),
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            Ok(Output::text(format!(
                "{} {}\n",
                tr("Đã ghi", "Wrote"),
                path.display()
            )))
        }
    }
}

/// Refuse to write output over a ledger's own files: its meetings folder, its rubrics folder,
/// its settings or its roster.
pub(crate) fn guard_out(out: &Path, cwd: &Path, roots: &[&Path]) -> Result<()> {
    let target = absolute(cwd, out);
    for root in roots {
        let inside = [MEETINGS_DIR, RUBRICS_DIR]
            .iter()
            .any(|dir| target.starts_with(absolute(cwd, &root.join(dir))));
        let over = [CONFIG_FILE, MEMBERS_FILE]
            .iter()
            .any(|file| target == absolute(cwd, &root.join(file)));
        if inside || over {
            return Err(Error::refused_with(
                format!(
                    "--out {}: {}",
                    out.display(),
                    tr(
                        "không ghi đè lên tệp của sổ (meetings/, rubrics/, cellbook.toml, members.toml)",
                        "will not write into the ledger's own files (meetings/, rubrics/, cellbook.toml, members.toml)"
                    )
                ),
                tr(
                    "ghi ra một tệp ở ngoài các thư mục đó, ví dụ --out bao-cao.html",
                    "write it somewhere else, e.g. --out report.html",
                ),
            ));
        }
    }
    Ok(())
}

/// The absolute form of `p`: the part that exists resolved (symbolic links included), the rest
/// added lexically.
fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let full = lexical(&cwd.join(p));
    let mut existing = full.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return full,
        }
    }
}

/// Drop `.` and resolve `..` without touching the file system.
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_inside_the_ledger_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("l");
        std::fs::create_dir_all(root.join("meetings/2020")).unwrap();
        let cwd = dir.path();
        let refused = |out: &str| guard_out(Path::new(out), cwd, &[Path::new("l")]).is_err();
        assert!(refused("l/meetings/2020/x.toml"));
        assert!(refused("l/meetings/new/x.html"));
        assert!(refused("l/./meetings/../meetings/x"));
        assert!(refused("l/cellbook.toml"));
        assert!(refused("l/members.toml"));
        assert!(refused("l/rubrics/x.toml"));
        assert!(!refused("l/report.html"));
        assert!(!refused("report.html"));
        assert!(!refused("l/meetings-report.html"));
    }
}
