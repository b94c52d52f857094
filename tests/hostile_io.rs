//! Issue 11, the files and streams round: output errors are never ignored (item 6).

use std::fs;

use crate::util::{Ledger, Run, cellbook};

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
