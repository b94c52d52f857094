//! The benchmark generator (examples/gen_ledger) writes ledgers that `cellbook check` accepts,
//! the same bytes for the same seed, and that `report` can roll up.

#[path = "../examples/gen_ledger/generate.rs"]
mod generate;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::run_in;

fn options(seed: u64) -> generate::Options {
    generate::Options {
        cells: 3,
        years: 2,
        seed,
        until: 2024,
        quarter: None,
    }
}

fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in fs::read_dir(dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).expect("inside").to_path_buf();
                out.insert(rel, fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn generated_ledgers_pass_check_and_roll_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats = generate::generate(dir.path(), &options(42)).expect("generate");
    assert_eq!(stats.ledgers.len(), 3);
    // A regular meeting a month and a thematic one a quarter, for two years.
    assert_eq!(stats.meetings, 3 * 2 * 16);
    assert!(stats.members >= 3 * 7, "{stats:?}");
    assert!(stats.bytes > 0);

    let names: Vec<String> = stats
        .ledgers
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["check"];
    args.extend(names.iter().map(String::as_str));
    let run = run_in(dir.path(), "2025-06-01", &args).ok();
    assert!(
        run.stderr.is_empty(),
        "check found problems:\n{}",
        run.stderr
    );

    let mut args = vec!["report", "--quarter", "2024-Q3", "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    let run = run_in(dir.path(), "2025-06-01", &args).ok();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let cells = report["cells"].as_array().expect("cells");
    assert_eq!(cells.len(), 3);
}

#[test]
fn the_generator_is_deterministic() {
    let (a, b, c) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    generate::generate(a.path(), &options(7)).expect("generate");
    generate::generate(b.path(), &options(7)).expect("generate");
    generate::generate(c.path(), &options(8)).expect("generate");
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert_eq!(fa, fb, "the same seed must write the same bytes");
    assert_ne!(fa, fc, "another seed must write other ledgers");
}

#[test]
fn one_quarter_per_cell_writes_only_that_quarter_and_passes_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = generate::Options {
        quarter: Some(3),
        years: 1,
        ..options(5)
    };
    let stats = generate::generate(dir.path(), &opts).expect("generate");
    // Three regular meetings and one thematic one, per cell.
    assert_eq!(stats.meetings, 3 * 4);
    for ledger in &stats.ledgers {
        let files: Vec<String> = fs::read_dir(ledger.join("meetings/2024"))
            .expect("2024")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 4);
        assert!(
            files.iter().all(|f| ["2024-07", "2024-08", "2024-09"]
                .iter()
                .any(|m| f.starts_with(m))),
            "{files:?}"
        );
    }
    let run = run_in(
        dir.path(),
        "2025-06-01",
        &["check", "cell-00001", "cell-00002"],
    )
    .ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let run = run_in(
        dir.path(),
        "2025-06-01",
        &[
            "report",
            "--quarter",
            "2024-Q3",
            "--format",
            "json",
            "cell-00001",
            "cell-00002",
            "cell-00003",
        ],
    )
    .ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(v["totals"]["held"], 12);
    assert_eq!(v["cells"][0]["id"], "g5-000001");
}
