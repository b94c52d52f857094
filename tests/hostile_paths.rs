//! Issue 11, the paths round: nothing outside the ledger's real folder is read, written, created
//! or echoed, through a link at any depth (item 8); the same cell or the same meeting is never
//! counted twice (12); a roster change never silently breaks the record of meetings already held
//! (15). Each refusal leaves every file byte-identical.

use std::fs;

use crate::util::{Ledger, Run, assert_same, copy_dir, run_in, snapshot};

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

// Item 8: nothing outside the ledger's real folder, through a link at any depth.

/// Run `cellbook` with `EDITOR` a script that changes whatever file it is given, so an editor
/// that was opened on a file outside the ledger would show in the snapshot of that folder.
#[cfg(unix)]
fn with_scribbling_editor(l: &Ledger, args: &[&str]) -> crate::util::Run {
    let script = tempfile::NamedTempFile::new().expect("a script");
    fs::write(script.path(), "echo '# scribbled' >> \"$1\"\n").expect("write the script");
    let out = l
        .command()
        .env("EDITOR", format!("sh {}", script.path().display()))
        .env_remove("VISUAL")
        .args(["--lang", "en"])
        .args(args)
        .output()
        .expect("run cellbook");
    crate::util::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn a_year_folder_linked_outside_is_neither_read_nor_written() {
    use std::os::unix::fs::symlink;
    let l = Ledger::example();
    let outside = tempfile::tempdir().expect("a folder outside");
    copy_dir(&l.path().join("meetings/2020"), outside.path());
    fs::remove_dir_all(l.path().join("meetings/2020")).expect("remove 2020");
    symlink(outside.path(), l.path().join("meetings/2020")).expect("link 2020 out");
    let (before, before_out) = (snapshot(l.path()), snapshot(outside.path()));
    for args in [
        &["plan", "2020-12-05", "--kind", "regular"][..],
        &["record", "2020-11-05", "--present", "all"],
        &["action", "done", "2020-07-09/1"],
        &["show", "2020-07-09"],
        &["list"],
        &["report", "--quarter", "2020-Q3"],
    ] {
        en(&l, args)
            .fails(1)
            .stderr_has("meetings/2020: error[E006]")
            .stderr_has("the folder is a link that points outside the ledger");
        assert_same(
            &before,
            &snapshot(l.path()),
            &format!("{args:?} in the ledger"),
        );
        assert_same(
            &before_out,
            &snapshot(outside.path()),
            &format!("{args:?} outside"),
        );
    }
    for args in [
        &["edit", "2020-07-09"][..],
        &["edit", "last"],
        &["edit", "2020-12-05"],
    ] {
        with_scribbling_editor(&l, args).fails(1).stderr_has("E006");
        assert_same(
            &before_out,
            &snapshot(outside.path()),
            &format!("{args:?} outside"),
        );
    }
    let check = en(&l, &["check"]).fails(1);
    assert!(
        check.stderr.lines().any(|line| line == "meetings/2020: error[E006]: the folder is a link that points outside the ledger (or nowhere); nothing in it is read or written"),
        "{}",
        check.stderr
    );
    // Nothing inside the linked folder is reported: it was not read.
    assert!(
        !check.stderr.contains("2020-07-09.toml"),
        "{}",
        check.stderr
    );
    assert_same(&before_out, &snapshot(outside.path()), "check outside");
}

/// The example, with its meeting of 2020-09-24 moved to a folder outside and linked back.
#[cfg(unix)]
fn example_with_a_meeting_linked_outside() -> (Ledger, tempfile::TempDir) {
    use std::os::unix::fs::symlink;
    let l = Ledger::example();
    let outside = tempfile::tempdir().expect("a folder outside");
    let file = l.path().join("meetings/2020/2020-09-24.toml");
    fs::copy(&file, outside.path().join("m.toml")).expect("copy out");
    fs::remove_file(&file).expect("remove");
    symlink(outside.path().join("m.toml"), &file).expect("link out");
    (l, outside)
}

#[cfg(unix)]
#[test]
fn a_meeting_file_linked_outside_is_not_opened_in_the_editor() {
    let (l, outside) = example_with_a_meeting_linked_outside();
    let (before, before_out) = (snapshot(l.path()), snapshot(outside.path()));
    for args in [&["edit", "2020-09-24"][..], &["edit", "last"]] {
        with_scribbling_editor(&l, args)
            .fails(1)
            .stderr_has("meetings/2020/2020-09-24.toml: error[E006]");
        assert_same(
            &before,
            &snapshot(l.path()),
            &format!("{args:?} in the ledger"),
        );
        assert_same(
            &before_out,
            &snapshot(outside.path()),
            &format!("{args:?} outside"),
        );
    }
}

/// The listing lets a reader skip the walk of a plain file's path (it is in a folder already
/// checked); a link among the files is still checked, by every command that reads the period.
#[cfg(unix)]
#[test]
fn a_meeting_file_linked_outside_is_refused_by_the_readers_of_a_period() {
    let (l, _outside) = example_with_a_meeting_linked_outside();
    let before = snapshot(l.path());
    for args in [
        &["report", "--quarter", "2020-Q3"][..],
        &["report", "--quarter", "2020-Q3", "--format", "json", "."],
        &["export", "--jsonl"],
        &["list"],
    ] {
        en(&l, args)
            .fails(1)
            .stderr_has("meetings/2020/2020-09-24.toml: error[E006]");
    }
    assert_same(&before, &snapshot(l.path()), "readers");
}

#[cfg(unix)]
#[test]
fn a_roster_or_settings_linked_outside_is_not_read_nor_echoed() {
    use std::os::unix::fs::symlink;
    for name in ["members.toml", "cellbook.toml"] {
        let l = Ledger::example();
        let outside = tempfile::tempdir().expect("a folder outside");
        // Not TOML: a parser error would print this line.
        fs::write(outside.path().join("secret"), "root:x:0:0:SECRET-LINE\n").expect("write");
        fs::remove_file(l.path().join(name)).expect("remove");
        symlink(outside.path().join("secret"), l.path().join(name)).expect("link out");
        let (before, before_out) = (snapshot(l.path()), snapshot(outside.path()));
        for args in [
            &["check"][..],
            &["list"],
            &["member", "list"],
            &["member", "add", "Lê Văn Nam", "--id", "nam"],
            &["report", "--quarter", "2020-Q3"],
        ] {
            let run = en(&l, args)
                .fails(1)
                .stderr_has(&format!("{name}: error[E006]"));
            assert!(
                !run.stderr.contains("SECRET"),
                "{name} {args:?}: {}",
                run.stderr
            );
            assert!(
                !run.stdout.contains("SECRET"),
                "{name} {args:?}: {}",
                run.stdout
            );
            assert_same(&before, &snapshot(l.path()), &format!("{name} {args:?}"));
            assert_same(
                &before_out,
                &snapshot(outside.path()),
                &format!("{name} {args:?}"),
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_lock_file_linked_outside_creates_nothing() {
    use std::os::unix::fs::symlink;
    let l = Ledger::example();
    let outside = tempfile::tempdir().expect("a folder outside");
    let target = outside.path().join("created-by-cellbook");
    symlink(&target, l.path().join(".cellbook.lock")).expect("link the lock out");
    let before = snapshot(l.path());
    for args in [
        &["member", "add", "Lê Văn Nam", "--id", "nam"][..],
        &["plan", "2020-12-05", "--kind", "regular"],
        &["action", "done", "2020-07-09/1"],
    ] {
        en(&l, args)
            .fails(1)
            .stderr_has(".cellbook.lock: error[E006]");
        assert!(!target.exists(), "{args:?} created the link's target");
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
    }
    // A link to a file inside the ledger is a lock like any other.
    fs::remove_file(l.path().join(".cellbook.lock")).expect("remove the link");
    fs::write(l.path().join("lockfile"), "").expect("a lock file inside");
    symlink(l.path().join("lockfile"), l.path().join(".cellbook.lock")).expect("link inside");
    en(&l, &["member", "add", "Lê Văn Nam", "--id", "nam"]).ok();
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_ledger_are_followed() {
    use std::os::unix::fs::symlink;
    let l = Ledger::example();
    fs::rename(
        l.path().join("meetings/2020"),
        l.path().join("archive-2020"),
    )
    .expect("move");
    symlink(
        l.path().join("archive-2020"),
        l.path().join("meetings/2020"),
    )
    .expect("link in");
    en(&l, &["show", "2020-07-09"]).ok();
    en(&l, &["report", "--quarter", "2020-Q3"]).ok();
    en(&l, &["plan", "2020-12-05", "--kind", "regular"]).ok();
    assert!(l.path().join("archive-2020/2020-12-05.toml").is_file());
}

// Item 15: a roster change never silently breaks the record of meetings already held.

#[test]
fn a_member_who_left_before_meetings_they_attended_is_refused_unless_forced() {
    let l = Ledger::example();
    let before = snapshot(l.path());
    let run = en(&l, &["member", "set", "lan", "--left", "2020-08-01"])
        .fails(1)
        .stderr_has("would make the record of meetings already held disagree with the roster")
        .stderr_has("(2020-08-10, 2020-09-09, 2020-09-24)")
        .stderr_has("meetings/2020/2020-08-10.toml:31:28: error[E032]")
        .stderr_has("error[E040]")
        .stderr_has("--force");
    assert!(!run.stderr.contains("2020-07-09"), "{}", run.stderr);
    assert_same(&before, &snapshot(l.path()), "a refused --left");
    // Changes that keep every record consistent are made: a date after the last meeting they
    // attended, an exemption of a member who was present (still counted), a probationary member
    // made full (the votes still add up).
    en(&l, &["member", "set", "lan", "--left", "2020-11-01"]).ok();
    en(&l, &["member", "exempt", "lan", "--from", "2020-07-01"]).ok();
    en(&l, &["member", "set", "vy", "--full"]).ok();
    assert!(l.read("members.toml").contains("left = 2020-11-01"));
    // Forced, it is written, said on stderr, and `check` finds what was said.
    en(
        &l,
        &["member", "set", "lan", "--left", "2020-08-01", "--force"],
    )
    .ok()
    .stderr_has("warning: this change would make the record")
    .stderr_has("error[E032]");
    en(&l, &["check"]).fails(1).stderr_has("error[E032]");
}

#[test]
fn a_member_added_as_joined_in_the_past_is_refused_unless_forced() {
    let l = Ledger::example();
    let before = snapshot(l.path());
    en(
        &l,
        &[
            "member",
            "add",
            "Lê Văn Nam",
            "--id",
            "nam",
            "--joined",
            "2020-08-01",
        ],
    )
    .fails(1)
    .stderr_has("(2020-08-10, 2020-09-09, 2020-09-24)")
    .stderr_has("error[E030]: nam is in none of present, excused, unexcused")
    // The rating's attendance score changes too (the rating check is run as well).
    .stderr_has("meetings/2020/2020-08-10.toml:80:9: error[E050]");
    assert_same(&before, &snapshot(l.path()), "a refused member add");
    // Joining today (the default) or after the last meeting held is no problem.
    en(&l, &["member", "add", "Lê Văn Nam", "--id", "nam"]).ok();
    en(
        &l,
        &[
            "member",
            "add",
            "Lê Văn Bảy",
            "--id",
            "bay",
            "--joined",
            "2020-10-01",
        ],
    )
    .ok();
    // Problems already there do not block a change that adds none.
    en(
        &l,
        &[
            "member",
            "add",
            "Lê Văn Tư",
            "--id",
            "tu",
            "--joined",
            "2020-08-01",
        ],
    )
    .fails(1);
    en(
        &l,
        &[
            "member",
            "add",
            "Lê Văn Tư",
            "--id",
            "tu",
            "--joined",
            "2020-08-01",
            "--probationary",
            "--force",
        ],
    )
    .ok()
    .stderr_has("error[E030]");
    en(&l, &["member", "set", "tu", "--full"]).ok();
}
