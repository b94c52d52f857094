//! Issue 11, the paths round: nothing outside the ledger's real folder is read, written, created
//! or echoed, through a link at any depth (item 8); the same cell or the same meeting is never
//! counted twice (12); a roster change never silently breaks the record of meetings already held
//! (15). Each refusal leaves every file byte-identical.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Ledger, Run, copy_dir, run_in};

/// Every entry's bytes under `root`, without following links (a link is listed by its target),
/// so the snapshot itself never reads outside the folder it is given.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).expect("under root").to_path_buf();
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&p).expect("read a link");
                out.insert(rel, format!("<link {}>", target.display()).into_bytes());
            } else if meta.is_dir() {
                out.insert(rel, b"<dir>".to_vec());
                walk(root, &p, out);
            } else if meta.is_file() {
                if rel != Path::new(".cellbook.lock") {
                    out.insert(rel, fs::read(&p).expect("read a regular file"));
                }
            } else {
                out.insert(rel, b"<other>".to_vec());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[track_caller]
fn assert_same(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    let differ: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(differ.is_empty(), "{what}: changed {differ:?}");
}

/// Run `cellbook` on the ledger in English, whatever the ledger's language.
fn en(l: &Ledger, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    l.run(&all)
}

// Item 12: the same cell twice, the same meeting twice.

#[test]
fn a_ledger_named_twice_is_reported_once_with_a_warning() {
    let l = Ledger::example();
    let parent = l.path().parent().expect("a parent");
    let name = l
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name");
    let once = run_in(
        parent,
        &l.today,
        &["--lang", "en", "report", "--quarter", "2020-Q3", name],
    )
    .ok();
    let slash = format!("{name}/");
    let dot = format!("./{name}");
    let before = snapshot(l.path());
    let thrice = run_in(
        parent,
        &l.today,
        &[
            "--lang",
            "en",
            "report",
            "--quarter",
            "2020-Q3",
            name,
            &slash,
            &dot,
        ],
    )
    .ok()
    .stderr_has("is the same ledger as");
    assert_eq!(thrice.stdout, once.stdout, "the cell is counted once");
    assert_eq!(thrice.stderr.lines().count(), 2, "{}", thrice.stderr);
    // `check` too checks it once.
    let checked = run_in(parent, &l.today, &["--lang", "en", "check", name, &slash]);
    assert_eq!(checked.stderr.matches("is the same ledger as").count(), 1);
    let alone = run_in(parent, &l.today, &["--lang", "en", "check", name]);
    assert_eq!(
        checked.stderr.lines().count(),
        alone.stderr.lines().count() + 1,
        "{}",
        checked.stderr
    );
    assert_same(&before, &snapshot(l.path()), "report changed the ledger");
}

#[test]
fn a_copy_of_a_year_folder_is_not_read_and_check_warns() {
    let l = Ledger::example();
    let report = en(&l, &["report", "--quarter", "2020-Q3"]).ok().stdout;
    let list = en(&l, &["list", "--year", "2020"]).ok().stdout;
    for copy in ["+2020", "02020", "2020 copy"] {
        copy_dir(
            &l.path().join("meetings/2020"),
            &l.path().join("meetings").join(copy),
        );
    }
    let before = snapshot(l.path());
    assert_eq!(
        en(&l, &["report", "--quarter", "2020-Q3"]).ok().stdout,
        report
    );
    assert_eq!(en(&l, &["list", "--year", "2020"]).ok().stdout, list);
    let check = en(&l, &["check"]);
    for copy in ["+2020", "02020", "2020 copy"] {
        check
            .stderr
            .lines()
            .find(|line| line.starts_with(&format!("meetings/{copy}: warning[W005]")))
            .unwrap_or_else(|| panic!("no W005 for {copy}:\n{}", check.stderr));
    }
    assert_same(&before, &snapshot(l.path()), "reading changed the ledger");
}
