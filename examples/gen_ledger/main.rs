//! Generate realistic ledgers for benchmarks and tests:
//!
//! ```sh
//! cargo run --release --example gen_ledger -- --cells 1000 --years 10 --seed 1 /tmp/ledgers
//! ```
//!
//! writes `/tmp/ledgers/cell-00001` … `cell-01000`, each a ledger with 10 years of monthly
//! regular and quarterly thematic meetings (16 a year), planned, recorded and rated, ending
//! with `--until` (default 2024). The same arguments always write the same bytes.

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen_ledger --cells N --years Y --seed S [--until YEAR] [--quarter Q] OUT\n\
     Writes N ledgers of Y years each into OUT (OUT/cell-00001, …), deterministically for S;\n\
     with --quarter, only the meetings of that quarter of the last year (a roll-up's input).";

fn main() -> ExitCode {
    match parse(std::env::args().skip(1).collect()) {
        Ok((out, opts)) => {
            let t = Instant::now();
            match generate::generate(&out, &opts) {
                Ok(stats) => {
                    println!(
                        "wrote {} ledgers, {} meeting files, {} members, {:.1} MB into {} in {:.1} s",
                        stats.ledgers.len(),
                        stats.meetings,
                        stats.members,
                        stats.bytes as f64 / 1e6,
                        out.display(),
                        t.elapsed().as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("gen_ledger: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(msg) => {
            eprintln!("gen_ledger: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: Vec<String>) -> Result<(PathBuf, generate::Options), String> {
    let mut opts = generate::Options {
        cells: 1,
        years: 1,
        seed: 1,
        until: 2024,
        quarter: None,
    };
    let mut out = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value"))
                .and_then(|v| v.parse::<u64>().map_err(|e| format!("{name} {v}: {e}")))
        };
        match a.as_str() {
            "--cells" => opts.cells = value("--cells")? as usize,
            "--years" => opts.years = value("--years")?.clamp(1, 100) as u32,
            "--seed" => opts.seed = value("--seed")?,
            "--until" => opts.until = value("--until")?.clamp(1900, 9000) as i32,
            "--quarter" => opts.quarter = Some(value("--quarter")?.clamp(1, 4) as u32),
            "-h" | "--help" => return Err("help".into()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s if out.is_none() => out = Some(PathBuf::from(s)),
            s => return Err(format!("one OUT folder only (got {s} too)")),
        }
    }
    let out = out.ok_or("the OUT folder is missing")?;
    Ok((out, opts))
}
