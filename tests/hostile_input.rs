//! Silently wrong input (issue 11, items 13, 16, 17): dates out of range or off the calendar,
//! names typed with other diacritics, reserved words as ids. Each is refused, and the ledger's
//! files are byte-for-byte as they were.

use crate::util::{Ledger, Run};

/// Run `args`, expect exit `code`, and prove that no file changed.
#[track_caller]
fn refused(l: &Ledger, args: &[&str], code: i32) -> Run {
    let before = l.files();
    let run = l.run(args).fails(code);
    assert!(before == l.files(), "{args:?} changed the ledger");
    run
}

// Item 13: dates out of range are refused, never clamped.

#[test]
fn command_line_dates_out_of_range_or_off_the_calendar_are_refused() {
    let l = Ledger::example();
    for joined in [
        "+12345-06-07",
        "12345-06-07",
        "1899-12-31",
        "2201-01-01",
        "31/09/2020",
    ] {
        refused(
            &l,
            &[
                "member",
                "add",
                "Lê Văn Tám",
                "--id",
                "tam",
                "--joined",
                joined,
            ],
            2,
        )
        .stderr_has(&format!("'{joined}'"));
    }
    refused(&l, &["plan", "+10000-01-01"], 2).stderr_has("1900–2200");
    refused(&l, &["plan", "10000-01-01"], 2);
    // The example ledger is Vietnamese, and so are the command line's errors in it.
    refused(&l, &["plan", "31/09/2020"], 2).stderr_has("lịch không có ngày này");
    refused(&l, &["--lang", "en", "plan", "31/09/2020"], 2).stderr_has("no such day");
    refused(&l, &["--lang", "en", "plan", "2020-7-9"], 2).stderr_has("2020-07-09 or 09/07/2020");
    assert!(!l.path().join("meetings/10000").exists());
    // The ends of the range are fine.
    l.run(&[
        "member",
        "add",
        "Lê Văn Tám",
        "--id",
        "tam",
        "--joined",
        "1900-01-01",
        // Joined before the meetings held in 2020, which do not list them (issue 11, item 15).
        "--force",
    ])
    .ok();
    l.run(&["plan", "31/12/2200"]).ok();
    assert!(l.path().join("meetings/2200/2200-12-31.toml").exists());
}

#[test]
fn file_dates_out_of_range_are_located_errors() {
    for (file, from, to) in [
        ("members.toml", "joined = 2001-03-26", "joined = 1800-01-01"),
        (
            "members.toml",
            "joined = 2001-03-26",
            "joined = \"+10000-01-01\"",
        ),
        (
            "meetings/2020/2020-07-09.toml",
            "due = 2020-07-31",
            "due = 9999-07-31",
        ),
        (
            "meetings/2020/2020-07-09.toml",
            "due = 2020-07-31",
            "due = \"31/09/2020\"",
        ),
    ] {
        let l = Ledger::example();
        let text = l.read(file);
        assert!(text.contains(from), "{file} lacks {from}");
        l.write(file, &text.replacen(from, to, 1));
        let line = text[..text.find(from).unwrap()].lines().count() + 1;
        refused(&l, &["check"], 1).stderr_has(&format!("{file}:{line}:"));
        let run = refused(&l, &["list"], 1);
        assert!(
            run.stderr.contains("[E002]")
                && (run.stderr.contains("1900–2200")
                    || run.stderr.contains("lịch không có ngày này")),
            "{to}: {}",
            run.stderr
        );
        if file == "members.toml" {
            refused(&l, &["member", "add", "Lê Văn Tám", "--id", "tam"], 1);
        } else {
            refused(&l, &["action", "done", "2020-07-09/2"], 1);
        }
    }
}

/// Needs `record.rs` to split `TASK@DUE` with `args::task_and_due` (issue 11, item 13).
#[test]
fn an_action_due_date_that_is_no_date_is_refused_not_kept_in_the_task() {
    let l = Ledger::example();
    for due in ["31/09/2020", "+10000-01-01", "2020-7-9"] {
        let action = format!("lan=Báo cáo@{due}");
        refused(&l, &["record", "2020-09-24", "--action", &action], 2).stderr_has(due);
    }
    // An @ that is no date stays in the task.
    l.run(&["record", "2020-09-24", "--action", "lan=Gửi thư tới a@b.vn"])
        .ok();
    assert!(
        l.read("meetings/2020/2020-09-24.toml")
            .contains("Gửi thư tới a@b.vn")
    );
}

// Item 16: a name typed with diacritics matches those diacritics.

#[test]
fn a_name_typed_with_other_diacritics_names_no_one_and_suggests() {
    let l = Ledger::example();
    // Võ Văn Hùng is `hung`: "Hưng" is another name.
    refused(&l, &["record", "2020-09-24", "--excused", "Hưng=ốm"], 1)
        .stderr_has("Hưng")
        .stderr_has("hung (Võ Văn Hùng)");
    refused(&l, &["member", "set", "Văn Hưng", "--role", "committee"], 1);
    // As typed with its own diacritics, or without any, it is found.
    l.run(&["member", "set", "Hùng", "--role", "committee"])
        .ok();
    l.run(&["member", "set", "vo van hung", "--role", "member"])
        .ok();
}

#[test]
fn a_wrong_family_name_suggests_the_member_with_that_given_name() {
    let l = Ledger::example();
    l.run(&[
        "member",
        "add",
        "Đặng Văn Đức",
        "--id",
        "duc",
        "--joined",
        "2020-12-01",
    ])
    .ok();
    refused(
        &l,
        &["member", "set", "Nguyễn Văn Đức", "--role", "committee"],
        1,
    )
    .stderr_has("duc (Đặng Văn Đức)");
}

// Item 17: reserved words as ids.

#[test]
fn reserved_words_are_refused_as_member_ids() {
    let l = Ledger::example();
    for id in ["all", "none", "last", "next"] {
        refused(&l, &["member", "add", "Lê Văn Tám", "--id", id], 1)
            .stderr_has(&format!("'{id}'"))
            .stderr_has("(all, none, last, next)");
    }
    l.run(&["member", "add", "Lê Văn Tám", "--id", "allan"])
        .ok();
}

#[test]
fn check_reports_a_reserved_id_in_the_roster() {
    let l = Ledger::example();
    let text = l.read("members.toml");
    l.write(
        "members.toml",
        &text.replacen("id = \"son\"", "id = \"all\"", 1),
    );
    let line = text[..text.find("id = \"son\"").unwrap()].lines().count() + 1;
    refused(&l, &["check", "--only", "schema"], 1)
        .stderr_has(&format!("members.toml:{line}:"))
        .stderr_has("[E012]")
        .stderr_has("'all'");
}

// Item 14: terminal escapes never reach the screen.

/// ESC (clear the screen), BEL and a right-to-left override, as a file may hold them.
const HIDDEN: [char; 3] = ['\u{1b}', '\u{7}', '\u{202e}'];

#[test]
fn text_from_files_is_printed_with_control_characters_visible() {
    let l = Ledger::example();
    let meeting = "meetings/2020/2020-09-24.toml";
    let text = l.read(meeting);
    let poisoned = text
        .replacen("title = \"", "title = \"\\u001b[2J\\u0007", 1)
        .replacen("place = \"", "place = \"\\u202e", 1)
        .replacen(
            "{ member = \"hoa\", task = \"",
            "{ member = \"hoa\", task = \"\\u001b]0;x\\u0007",
            1,
        )
        .replacen("minutes = \"\"\"", "minutes = \"\"\"\\u001b[31m", 1)
        .replacen("task = \"Hoàn thiện", "task = \"\\u202eHoàn thiện", 1);
    assert_eq!(poisoned.matches("\\u").count(), 7, "every spot was found");
    l.write(meeting, &poisoned);
    let roster = l.read("members.toml");
    l.write(
        "members.toml",
        &roster.replacen(
            "name = \"Võ Văn Hùng\"",
            "name = \"Võ Văn Hùng\\u001b[8m\"",
            1,
        ),
    );
    let config = l.read("cellbook.toml");
    l.write(
        "cellbook.toml",
        &config.replacen("name = \"Chi bộ 7", "name = \"\\u001b[5mChi bộ 7", 1),
    );
    let before = l.files();
    for args in [
        &["show", "2020-09-24"][..],
        &["report", "--quarter", "2020-Q3"],
        &["report", "--quarter", "2020-Q3", "--format", "md"],
        &["report", "--quarter", "2020-Q3", "--format", "html"],
        &["action", "list"],
        &["member", "list"],
        &["minutes", "2020-09-24"],
        &["minutes", "2020-09-24", "--format", "html"],
        &["status"],
        &["list"],
    ] {
        let run = l.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            !run.stdout.contains(HIDDEN),
            "{args:?} printed a hidden character:\n{}",
            run.stdout
        );
        assert!(
            args[0] == "list" || args[0] == "status" || run.stdout.contains("\\u{"),
            "{args:?} did not show the escape:\n{}",
            run.stdout
        );
    }
    let shown = l.run(&["show", "2020-09-24"]).ok().stdout;
    assert!(
        shown.contains("\\u{1b}[2J\\u{7}Sinh hoạt chuyên đề"),
        "{shown}"
    );
    assert!(shown.contains("\\u{202e}Phòng họp"), "{shown}");
    assert!(before == l.files(), "reading changed the ledger");
    // A name in an error message (a suggestion) is shown the same way.
    let run = refused(&l, &["member", "set", "Hưng", "--role", "committee"], 1);
    assert!(!run.stderr.contains(HIDDEN), "{}", run.stderr);
    assert!(run.stderr.contains("Hùng\\u{1b}[8m"), "{}", run.stderr);
}

#[test]
fn check_shows_the_control_characters_of_the_line_it_quotes() {
    let l = Ledger::example();
    let meeting = "meetings/2020/2020-09-24.toml";
    let text = l.read(meeting);
    // A broken line (an unknown key) that holds ESC, BEL and a right-to-left override.
    l.write(
        meeting,
        &text.replacen(
            "title = \"",
            "tieu_de = \"\u{1b}[2J\u{7}\u{202e}\"\ntitle = \"",
            1,
        ),
    );
    let run = refused(&l, &["check"], 1);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        !all.contains(HIDDEN),
        "check echoed a hidden character:\n{all}"
    );
    assert!(all.contains("\\u{1b}[2J\\u{7}\\u{202e}"), "{all}");
}

#[test]
fn text_typed_with_control_characters_is_refused() {
    let l = Ledger::example();
    for args in [
        &["plan", "2020-12-01", "--topic", "Họp\u{1b}[2J"][..],
        &["plan", "2020-12-01", "--place", "Phòng \u{202e}họp"],
        &["plan", "2020-12-01", "--title", "Tiêu đề\u{7}"],
        &["plan", "2020-12-01", "--assign", "lan=Báo cáo\r"],
        &[
            "member",
            "exempt",
            "lan",
            "--from",
            "2020-12-01",
            "--reason",
            "Ốm\u{1b}[8m",
        ],
    ] {
        refused(&l, args, 2).stderr_has("\\u{");
    }
    refused(
        &l,
        &["member", "add", "Lê Văn\u{202e} Tám", "--id", "tam"],
        1,
    );
    // The same for what `record` writes into the minutes, typed or read from a file.
    for args in [
        &["record", "2020-11-05", "--minutes", "Biên bản\u{1b}[2J"][..],
        &["record", "2020-11-05", "--conclusion", "Kết luận\u{7}"],
        &["record", "2020-11-05", "--excused", "lan=Ốm\u{202e}"],
        &["record", "2020-11-05", "--action", "lan=Báo cáo\u{1b}]0;x"],
        &["record", "2020-11-05", "--news", "Tin\u{1b}[31m"],
    ] {
        refused(&l, args, 2).stderr_has("\\u{");
    }
    std::fs::write(l.path().join("bb.txt"), "Biên bản\u{1b}[2J\n").unwrap();
    let args = [
        "record",
        "2020-11-05",
        "--present",
        "all",
        "--minutes-file",
        "bb.txt",
    ];
    refused(&l, &args, 2).stderr_has("\\u{1b}");
    std::fs::remove_file(l.path().join("bb.txt")).unwrap();
    // Newlines stay allowed where text may have several lines.
    l.run(&["plan", "2020-12-01", "--topic", "Dòng một\ndòng hai"])
        .ok();
}

#[test]
fn a_rubric_file_s_text_is_printed_with_control_characters_visible() {
    let l = Ledger::example();
    l.write(
        "rubrics/club.toml",
        "schema = 1\nid = \"club\"\nname = \"Club\\u001b[2J\"\n[levels]\ngood = 8\nfair = 6\n\
         average = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\\u202e\"\nmax = 10\n",
    );
    for args in [&["rubric", "list"][..], &["rubric", "show", "club"]] {
        let run = l.run(args).ok();
        assert!(!run.stdout.contains(HIDDEN), "{args:?}:\n{}", run.stdout);
        assert!(
            run.stdout.contains("Club\\u{1b}[2J"),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let shown = l.run(&["rubric", "show", "club"]).ok().stdout;
    assert!(shown.contains("Fun\\u{202e}"), "{shown}");
}
