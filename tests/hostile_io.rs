//! Issue 11, the files and streams round: `init` never replaces a file (item 2), output errors
//! are never ignored (6), only regular files are opened (9), a locked ledger is waited for a
//! bounded time (10), read-only files are refused (11) and no write makes a file the reader
//! would refuse (1). Each refusal leaves every file byte-identical.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::{Ledger, Run, assert_same, snapshot};

/// Run with a time limit, so a command that hangs fails the test instead of hanging it.
fn run_timed(l: &Ledger, envs: &[(&str, &str)], args: &[&str]) -> Run {
    let mut std_cmd = l.command();
    std_cmd.args(args).envs(envs.iter().copied());
    assert_cmd::Command::from_std(std_cmd)
        .timeout(Duration::from_secs(10))
        .output()
        .expect("run cellbook")
        .into()
}

// Item 2: `init` never replaces an existing file.

#[test]
fn init_refuses_a_folder_that_holds_ledger_files_and_changes_nothing() {
    let roster = "schema = 1\n\n[[member]]\nid = \"lan\"\nname = \"Lê Thị Lan\"\n";
    let cases: [(&str, &str, &str); 4] = [
        ("members.toml", roster, "members.toml"),
        ("meetings/2020/2020-07-09.toml", "schema = 1\n", "meetings"),
        ("rubrics/mine.toml", "# a rubric\n", "rubrics"),
        // An empty roster is a file all the same.
        ("members.toml", "", "members.toml"),
    ];
    for (file, text, named) in cases {
        let l = Ledger::empty();
        l.write(file, text);
        let before = snapshot(l.path());
        l.run(&["init", "--name", "Chi bộ Mới", "--lang", "en"])
            .fails(1)
            .stderr_has(named)
            .stderr_has("`init` never replaces what is there")
            .stderr_has("restore cellbook.toml");
        assert_same(
            &before,
            &snapshot(l.path()),
            &format!("init changed files beside {file}"),
        );
        assert!(!l.path().join("cellbook.toml").exists());
    }
    // An empty folder still gets a ledger; a .gitignore of the person's own is kept.
    let l = Ledger::empty();
    l.write(".gitignore", "target/\n");
    l.run(&["init", "--name", "Chi bộ Mới", "--lang", "en"])
        .ok();
    assert_eq!(l.read(".gitignore"), "target/\n");
    assert!(l.read("members.toml").contains("schema = 1"));
    l.run(&["check"]).ok();
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
    let mut cmd = l.command();
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
        // In the example's (Vietnamese) ledger, the help speaks Vietnamese unless told.
        &["--lang", "en", "--help"],
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
        let out = l
            .command()
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

// Item 9: only regular files are opened; a FIFO never hangs a command.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_as_a_meeting_file_or_the_roster_is_a_diagnostic_not_a_hang() {
    let readers: [&[&str]; 4] = [
        &["list"],
        &["check"],
        &["report", "--quarter", "2020-Q4"],
        &["action", "list"],
    ];
    let on_meeting: [&[&str]; 4] = [
        &["show", "2020-11-05"],
        &["record", "2020-11-05", "--minutes", "Biên bản."],
        &["action", "done", "2020-11-05/1"],
        &["rate", "2020-11-05", "--score", "conduct=20"],
    ];
    let on_roster: [&[&str]; 3] = [
        &["status"],
        &["member", "add", "Trần Văn Mới", "--id", "moi"],
        &["plan", "2020-12-20"],
    ];
    for (fifo, more) in [
        ("meetings/2020/2020-11-05.toml", &on_meeting[..]),
        ("members.toml", &on_roster[..]),
    ] {
        let l = Ledger::example();
        let path = l.path().join(fifo);
        let _ = fs::remove_file(&path);
        mkfifo(&path);
        let before = snapshot(l.path());
        for args in readers.iter().chain(more) {
            let mut all = vec!["--lang", "en"];
            all.extend_from_slice(args);
            let run = run_timed(&l, &[], &all).fails(1);
            assert!(
                run.stderr.contains(&format!("{fifo}: error[E005]"))
                    && run.stderr.contains("not a regular file"),
                "{fifo}, {args:?}:\n{}",
                run.stderr
            );
            assert_same(&before, &snapshot(l.path()), &format!("{fifo}, {args:?}"));
        }
    }
    // `edit` reads the meeting's text itself, to hand it to the editor: refused, not hung, and
    // the editor is never started.
    let l = Ledger::example();
    let fifo = l.path().join("meetings/2020/2020-11-05.toml");
    let _ = fs::remove_file(&fifo);
    mkfifo(&fifo);
    let before = snapshot(l.path());
    let run = run_timed(
        &l,
        &[("EDITOR", "false")],
        &["--lang", "en", "edit", "2020-11-05"],
    )
    .fails(1);
    assert!(
        run.stderr.contains("2020-11-05.toml: not a regular file"),
        "{}",
        run.stderr
    );
    assert_same(&before, &snapshot(l.path()), "edit on a FIFO");
    // `status` lists what it cannot read and goes on with the rest.
    let l = Ledger::example();
    mkfifo(&l.path().join("meetings/2020/2020-11-05.toml"));
    run_timed(&l, &[], &["--lang", "en", "status"])
        .ok()
        .stdout_has("2020-11-05.toml: this meeting file cannot be read");
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_settings_or_the_lock_hangs_nothing() {
    let l = Ledger::example();
    mkfifo(&l.path().join(".cellbook.lock"));
    let before = snapshot(l.path());
    for args in [
        &[
            "--lang",
            "en",
            "member",
            "add",
            "Trần Văn Mới",
            "--id",
            "moi",
        ][..],
        &[
            "--lang",
            "en",
            "action",
            "done",
            "2020-07-09/1",
            "--on",
            "2020-07-30",
        ],
        &["--lang", "en", "plan", "2020-12-20"],
    ] {
        run_timed(&l, &[], args)
            .fails(1)
            .stderr_has(".cellbook.lock is not a regular file");
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
    }
    // Readers do not take the lock.
    run_timed(&l, &[], &["list"]).ok();

    let l = Ledger::example();
    let config = l.path().join("cellbook.toml");
    fs::remove_file(&config).expect("rm");
    mkfifo(&config);
    let before = snapshot(l.path());
    for args in [
        &["list"][..],
        &["check"],
        &["status"],
        &["member", "add", "Trần Văn Mới", "--id", "moi"],
        &["init", "--name", "X"],
    ] {
        run_timed(&l, &[], args).fails(1);
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
    }
}

// Item 10: a writer waits for the lock a bounded time, saying so, then gives up.

/// Hold the ledger's writer lock as another cellbook would.
fn hold_lock(l: &Ledger) -> fs::File {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(l.path().join(".cellbook.lock"))
        .expect("open the lock");
    file.lock().expect("take the lock");
    file
}

#[test]
fn a_locked_ledger_is_waited_for_then_refused_with_nothing_changed() {
    let l = Ledger::example();
    let before = snapshot(l.path());
    let lock = hold_lock(&l);
    let start = Instant::now();
    let run = run_timed(
        &l,
        &[("CELLBOOK_LOCK_TIMEOUT", "1")],
        &[
            "--lang",
            "en",
            "member",
            "add",
            "Trần Văn Mới",
            "--id",
            "moi",
        ],
    )
    .fails(1)
    .stderr_has("the ledger is being written by another cellbook command")
    .stderr_has("waiting up to 1 s")
    .stderr_has("after 1 s")
    .stderr_has("nothing was changed")
    .stderr_has("CELLBOOK_LOCK_TIMEOUT");
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(900), "gave up after {took:?}");
    assert!(took < Duration::from_secs(8), "waited {took:?}");
    assert!(run.stderr.contains(".cellbook.lock"), "{}", run.stderr);
    assert_same(&before, &snapshot(l.path()), "");

    // In the ledger's own language (Vietnamese here) from the first line on.
    run_timed(
        &l,
        &[("CELLBOOK_LOCK_TIMEOUT", "0.3")],
        &["member", "add", "Trần Văn Mới", "--id", "moi"],
    )
    .fails(1)
    .stderr_has("sổ đang được một lệnh cellbook khác ghi (.cellbook.lock); chờ tối đa 0.3 s")
    .stderr_has("không thay đổi gì");
    // No wait at all with 0; a wrong value is refused before anything is done.
    run_timed(
        &l,
        &[("CELLBOOK_LOCK_TIMEOUT", "0")],
        &["--lang", "en", "plan", "2020-12-20"],
    )
    .fails(1)
    .stderr_has("nothing was changed");
    run_timed(
        &l,
        &[("CELLBOOK_LOCK_TIMEOUT", "soon")],
        &["--lang", "en", "plan", "2020-12-20"],
    )
    .fails(1)
    .stderr_has("CELLBOOK_LOCK_TIMEOUT=soon");
    assert_same(&before, &snapshot(l.path()), "");

    // A lock released during the wait lets the writer through.
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(700));
        drop(lock);
    });
    run_timed(
        &l,
        &[("CELLBOOK_LOCK_TIMEOUT", "9")],
        &[
            "--lang",
            "en",
            "member",
            "add",
            "Trần Văn Mới",
            "--id",
            "moi",
        ],
    )
    .ok()
    .stderr_has("waiting up to 9 s");
    release.join().expect("the releasing thread");
    assert!(l.read("members.toml").contains("Trần Văn Mới"));
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

/// The files a report names on its command line (`--notes`, `--committee`, `--expect`) are
/// opened only if they are regular files: a FIFO is refused at once, not waited on.
#[cfg(unix)]
#[test]
fn a_fifo_named_by_a_report_flag_is_refused_not_waited_on() {
    let l = Ledger::example().today("2020-10-05");
    let other = Ledger::example_cell("chi-bo-8");
    let fifo = l.path().parent().expect("parent").join(format!(
        "fifo-{}",
        l.path().file_name().and_then(|n| n.to_str()).unwrap_or("x")
    ));
    mkfifo(&fifo);
    let fifo_arg = fifo.to_string_lossy().into_owned();
    let other_arg = other.path().to_string_lossy().into_owned();
    let before = snapshot(l.path());
    for args in [
        vec!["report", "--quarter", "2020-Q3", "--notes", &fifo_arg],
        vec!["report", "--quarter", "2020-Q3", "--expect", &fifo_arg],
        vec![
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "json",
            "--expect",
            &fifo_arg,
            ".",
            &other_arg,
        ],
        vec![
            "report",
            "--quarter",
            "2020-Q3",
            "--committee",
            &fifo_arg,
            "--format",
            "md",
            ".",
            &other_arg,
        ],
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(&args);
        let run = run_timed(&l, &[], &all).fails(1);
        assert!(
            run.stderr.contains("not a regular file"),
            "{args:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stdout.is_empty(),
            "{args:?}: output began:\n{}",
            run.stdout
        );
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
    }
    let _ = fs::remove_file(&fifo);
}

/// A JSON input or an `--expect` list that claims to be huge (a sparse file: gigabytes of
/// nothing) is refused from its size, before anything is read into memory, and named.
#[cfg(unix)]
#[test]
fn a_json_input_or_a_list_claiming_gigabytes_is_refused_before_it_is_read() {
    let l = Ledger::example();
    let outside = tempfile::tempdir().expect("a folder for the inputs");
    let before = snapshot(l.path());
    for (name, flag, said) in [
        (
            "tinh.json",
            None,
            "tinh.json: not a cellbook JSON report (5120 MiB, over 4096 MiB)",
        ),
        (
            "list.txt",
            Some("--expect"),
            "list.txt: the list of cells that should report is too large",
        ),
    ] {
        let big = outside.path().join(name);
        std::fs::File::create(&big)
            .and_then(|f| f.set_len(5 << 30))
            .expect("a sparse file");
        let big_arg = big.to_string_lossy().into_owned();
        let mut args = vec!["--lang", "en", "report", "--quarter", "2020-Q3"];
        args.extend(flag);
        args.extend([big_arg.as_str(), "."]);
        let run = run_timed(&l, &[], &args).fails(1);
        assert!(run.stderr.contains(said), "{}", run.stderr);
    }
    assert_same(&before, &snapshot(l.path()), "the ledger");
}
