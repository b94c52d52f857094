//! What the parsers alone cost, on one core: the floor under `report` and `export` that no
//! change to cellbook's own code can go below while every file is parsed (benches/national.sh
//! runs it and writes the figures into benches/RESULTS.md).
//!
//! ```sh
//! cargo run --release --example parse_floor -- toml LIST     # LIST: meeting files, one a line
//! cargo run --release --example parse_floor -- json FILE...  # JSON reports (roll-ups)
//! ```
//!
//! Prints one line of `key=value` figures: for TOML, the time to read the files, to parse them
//! into the model (`Meeting`, as every command does) and into `toml`'s own table (the parse
//! without cellbook's types); for JSON, the time to parse the reports' cells into the model and
//! to write them again as a summary's lines. Each step over all the files, one thread.

use std::error::Error;
use std::process::ExitCode;
use std::time::Instant;

use cellbook::core::model::meeting::Meeting;
use cellbook::core::report::rollup::ReportIn;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((kind, rest)) if kind == "toml" && rest.len() == 1 => toml_floor(&rest[0]),
        Some((kind, rest)) if kind == "json" && !rest.is_empty() => json_floor(rest),
        _ => Err("usage: parse_floor toml LIST | parse_floor json FILE...".into()),
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse_floor: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_all(paths: &[String]) -> Result<(Vec<String>, f64), Box<dyn Error>> {
    let t = Instant::now();
    let texts = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((texts, t.elapsed().as_secs_f64()))
}

fn toml_floor(list: &str) -> Result<String, Box<dyn Error>> {
    let paths: Vec<String> = std::fs::read_to_string(list)?
        .lines()
        .map(str::to_owned)
        .collect();
    let (texts, read) = read_all(&paths)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = Instant::now();
    for text in &texts {
        std::hint::black_box(toml::from_str::<Meeting>(text)?);
    }
    let typed = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for text in &texts {
        std::hint::black_box(toml::from_str::<toml::Table>(text)?);
    }
    let table = t.elapsed().as_secs_f64();
    let n = texts.len() as f64;
    Ok(format!(
        "files={} bytes={bytes} read_s={read:.3} typed_s={typed:.3} table_s={table:.3} \
         typed_us_per_file={:.1} typed_mb_s={:.0}",
        texts.len(),
        typed * 1e6 / n,
        bytes as f64 / typed / 1e6
    ))
}

fn json_floor(paths: &[String]) -> Result<String, Box<dyn Error>> {
    let (texts, read) = read_all(paths)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = Instant::now();
    let mut cells = Vec::new();
    for text in &texts {
        cells.extend(serde_json::from_str::<ReportIn>(text)?.cells);
    }
    let parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut out = Vec::with_capacity(bytes);
    for cell in &cells {
        serde_json::to_writer(&mut out, cell)?;
        out.push(b'\n');
    }
    let write = t.elapsed().as_secs_f64();
    Ok(format!(
        "files={} bytes={bytes} cells={} read_s={read:.3} parse_s={parse:.3} write_s={write:.3}",
        texts.len(),
        cells.len()
    ))
}
