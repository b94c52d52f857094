//! `cellbook check`: validate one ledger or many, and report every problem.

use crate::checks::{CHECKS, CheckOptions, check_ledgers};
use crate::context::Context;
use crate::diagnostic::Severity;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::output::Output;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ledgers to check (default: the current ledger)
    #[arg(value_name = "LEDGER")]
    pub ledgers: Vec<PathBuf>,
    /// Only these checks (comma-separated): syntax, schema, references, dates, attendance,
    /// votes, ratings, duplicates, files
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<Output> {
    // A usage error is said in the language of the command line.
    ctx.speak_command_line();
    for only in &args.only {
        if !CHECKS.contains(&only.as_str()) {
            return Err(Error::Usage(format!(
                "--only {only}: {} {}",
                tr(
                    "không có phép kiểm tra này; có:",
                    "no such check; the checks are:"
                ),
                CHECKS.join(", ")
            )));
        }
    }
    // A ledger named twice is checked once (its problems are not printed twice).
    let (roots, repeats) = if args.ledgers.is_empty() {
        (vec![ctx.ledger_root()?], vec![])
    } else {
        crate::ledger::period::distinct(&args.ledgers)
    };
    // Speak the first ledger's language; a broken config falls back to English.
    let first = ctx
        .lang
        .is_none()
        .then(|| crate::ledger::Ledger::open(&roots[0]).ok())
        .flatten();
    ctx.speak(first.map(|l| l.config.cell.language));
    let opts = CheckOptions { today: ctx.today };
    let mut out = Output::default();
    for (repeat, first) in &repeats {
        out.stderr
            .push_str(&crate::ledger::period::repeat_warning(repeat, first));
    }
    let (mut errors, mut warnings) = (0, 0);
    if let Some(root) = roots
        .iter()
        .find(|r| !r.join(crate::ledger::CONFIG_FILE).is_file())
    {
        return Err(Error::NotALedger {
            start: root.clone(),
        });
    }
    // Ledgers are checked in parallel; their problems are printed in the order given.
    for diags in check_ledgers(&roots, &opts) {
        for mut d in diags {
            if !args.only.is_empty() && !args.only.iter().any(|o| o == d.check) {
                continue;
            }
            if args.strict {
                d.severity = Severity::Error;
            }
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
            out.stderr.push_str(&format!("{d}\n"));
        }
    }
    out.stdout = match (errors, warnings) {
        (0, 0) => format!(
            "{} ({} {})\n",
            tr("Sổ hợp lệ", "The ledger is valid"),
            roots.len(),
            tr(
                "sổ",
                if roots.len() == 1 {
                    "ledger"
                } else {
                    "ledgers"
                }
            )
        ),
        _ => format!(
            "{errors} {}, {warnings} {}\n",
            tr("lỗi", "errors"),
            tr("cảnh báo", "warnings")
        ),
    };
    out.code = u8::from(errors > 0);
    Ok(out)
}
