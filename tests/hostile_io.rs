//! Issue 11, the files and streams round: output errors are never ignored (item 6), read-only
//! files are refused (11) and no write makes a file the reader would refuse (1). Each refusal
//! leaves every file byte-identical.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Ledger, Run, cellbook};

/// Every regular file's bytes under `root`. Unlike `Ledger::files` it never opens anything
/// else, so a FIFO in the ledger cannot hang the test itself; other entries are listed by kind.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).expect("under root").to_path_buf();
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.is_dir() {
                out.insert(rel, b"<dir>".to_vec());
                walk(root, &p, out);
            } else if meta.is_file() {
                // The lock file's content means nothing; writers create it.
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

/// Assert two snapshots are equal, naming the files that differ (not dumping their bytes).
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

// Item 6: output errors are never ignored; a closed pipe is the only silent one.

#[cfg(target_os = "linux")]
fn run_to_full(l: &Ledger, args: &[&str], stdout_full: bool) -> Run {
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let mut cmd = cellbook(l.path(), &l.today);
    cmd.args(args).stdin(std::process::Stdio::null());
    let out = if stdout_full {
        cmd.stdout(full()).stderr(std::process::Stdio::piped())
    } else {
        cmd.stderr(full()).stdout(std::process::Stdio::piped())
    }
    .output()
    .expect("run cellbook");
    let text = if stdout_full { out.stderr } else { out.stdout };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&text).into_owned(),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_exits_1_with_a_message() {
    let l = Ledger::example();
    let before = l.files();
    for args in [
        &["--lang", "en", "list"][..],
        &["--lang", "en", "minutes", "2020-07-09", "--format", "html"],
        &["--lang", "en", "export", "--ics", "--all"],
        &["--lang", "en", "show", "2020-07-09"],
        &["--lang", "en", "report", "--quarter", "2020-Q3"],
        &["--help"],
    ] {
        run_to_full(&l, args, true)
            .fails(1)
            .stderr_has("cannot write the output");
    }
    assert_eq!(before, l.files());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stderr_exits_1() {
    let l = Ledger::new("en");
    // Succeeds with a notice on stderr (no meetings to export) and the calendar on stdout.
    let ok = l.run(&["export", "--ics", "--all"]).ok();
    assert!(!ok.stderr.is_empty());
    let run = run_to_full(&l, &["export", "--ics", "--all"], false);
    assert_eq!(run.code, 1, "stdout:\n{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_stays_silent_and_succeeds() {
    let l = Ledger::example();
    for args in [
        &["list"][..],
        &["minutes", "2020-07-09", "--format", "html"],
        &["report", "--quarter", "2020-Q3"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        // Nobody reads: the first write meets a closed pipe, as with `cellbook list | head -0`.
        drop(reader);
        let out = cellbook(l.path(), &l.today)
            .args(args)
            .stdout(writer)
            .output()
            .expect("run cellbook");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// Item 11: a file marked read-only is refused, not replaced (even as root).

fn set_readonly(path: &Path, readonly: bool) {
    let mut perms = fs::metadata(path).expect("stat").permissions();
    perms.set_readonly(readonly);
    fs::set_permissions(path, perms).expect("chmod");
}

#[test]
fn read_only_ledger_files_are_refused_with_nothing_changed() {
    let cases: [(&str, &[&str]); 3] = [
        (
            "members.toml",
            &["member", "add", "Trần Văn Mới", "--id", "moi"],
        ),
        (
            "meetings/2020/2020-07-09.toml",
            &["action", "done", "2020-07-09/1", "--on", "2020-07-30"],
        ),
        (
            "meetings/2020/2020-09-24.toml",
            &["record", "2020-09-24", "--minutes", "Biên bản mới."],
        ),
    ];
    for (file, args) in cases {
        let l = Ledger::example();
        let path = l.path().join(file);
        set_readonly(&path, true);
        let before = snapshot(l.path());
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        l.run(&all)
            .fails(1)
            .stderr_has(&format!("{file} is marked read-only"))
            .stderr_has("nothing was written")
            .stderr_has("chmod u+w");
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
        assert!(fs::metadata(&path).expect("stat").permissions().readonly());
        // Made writable again, the same command goes through.
        set_readonly(&path, false);
        l.run(&all).ok();
        assert_ne!(before, snapshot(l.path()), "{args:?}");
    }
}

// Item 1: no write makes a file the reader would refuse.

#[test]
fn a_write_over_the_readers_limit_is_refused_with_nothing_changed() {
    let l = Ledger::example();
    let big = l.path().join("big.txt");
    // 6 MB of minutes: the meeting file would be over the 4 MiB the reader accepts.
    fs::write(&big, "Ý kiến thảo luận. ".repeat(300_000)).expect("write big.txt");
    let before = snapshot(l.path());
    l.run(&[
        "--lang",
        "en",
        "record",
        "2020-09-24",
        "--minutes-file",
        "big.txt",
    ])
    .fails(1)
    .stderr_has("2020-09-24.toml")
    .stderr_has("over the limit of 4 MiB")
    .stderr_has("nothing was written");
    assert_same(&before, &snapshot(l.path()), "");
    // The ledger stays readable, and the repair still works.
    l.run(&["check"]).ok();
    l.run(&["record", "2020-09-24", "--minutes", "Ngắn gọn."])
        .ok();
}
