//! The meeting book end to end: init, roster, plan, record, show, list, action, check.

use crate::util::{Ledger, run_in};

#[test]
fn a_secretary_keeps_a_month_in_vietnamese() {
    let l = Ledger::new("vi").with_members();
    plan_the_july_meeting(&l);
    record_the_july_meeting(&l);
    l.run(&["show", "last"])
        .ok()
        .stdout_has("Chủ trì: Dương Công Trinh")
        .stdout_has("Vắng có lý do: Đỗ Văn Đức (Đi công tác)")
        .stdout_has("[2020-07-09/1] Nguyễn Thị Hoà: Báo cáo tiến độ, hạn 01/08/2020");
    l.run(&["list", "--quarter", "2020-Q3"])
        .ok()
        .stdout_has("09/07/2020")
        .stdout_has("4/5 (80%)");
    l.run(&["action", "list", "--overdue"])
        .ok()
        .stdout_has("quá hạn");
    l.run(&["action", "done", "2020-07-09/1", "--on", "2020-07-30"])
        .ok();
    l.run(&["action", "list", "--open"])
        .ok()
        .stdout_has("Không có việc nào");
    l.run(&["check"])
        .ok()
        .stdout_has("0 lỗi")
        .stderr_has("W003");
}

/// `plan` with every option, in Vietnamese, and what it writes.
fn plan_the_july_meeting(l: &Ledger) {
    let id = l
        .run(&[
            "plan",
            "09/07/2020",
            "--time",
            "14:00",
            "--place",
            "Phòng họp",
            "--topic",
            "Nghị quyết tháng 7",
            "--assign",
            "lan=Thông tin thời sự",
            "--directive",
            "12-HD/BTCTW|2018-07-06|Nâng cao chất lượng sinh hoạt chi bộ",
            "--docs-sent",
            "07/07/2020",
            "--committee-met",
            "2020-07-06",
            "--draft-resolution",
        ])
        .ok()
        .stdout_has("Đã lên kế hoạch")
        .last_line()
        .to_owned();
    assert_eq!(id, "2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("time = 14:00:00"), "{file}");
    assert!(file.contains("docs_sent = 2020-07-07"), "{file}");
    assert!(file.contains("ref = \"12-HD/BTCTW\""), "{file}");
}

/// `record` with every option, in Vietnamese, and what it writes.
fn record_the_july_meeting(l: &Ledger) {
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:45",
        "--chair",
        "Trinh",
        "--minute-taker",
        "lan",
        "--present",
        "all",
        "--excused",
        "duc=Đi công tác",
        "--spoke",
        "trinh,hoa,tam",
        "--vote",
        "3/0/0",
        "--minutes",
        "Đ/c Trinh khai mạc.",
        "--conclusion",
        "Thống nhất",
        "--action",
        "hoa=Báo cáo tiến độ@2020-08-01",
    ])
    .ok()
    .stdout_has("có mặt 4/5 (80%)");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.contains("present = [\"trinh\", \"hoa\", \"lan\", \"tam\"]"),
        "{file}"
    );
    assert!(
        file.contains("excused = [{ member = \"duc\", reason = \"Đi công tác\" }]")
            || file.contains("member = \"duc\""),
        "{file}"
    );
}

#[test]
fn english_ledgers_speak_english() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"])
        .ok()
        .stdout_has("Planned a regular meeting on 2020-07-09");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--start",
        "14:00",
        "--end",
        "15:30",
    ])
    .ok()
    .stdout_has("present 5/5 (100%)");
    l.run(&["show", "2020-07-09"])
        .ok()
        .stdout_has("Present: 5/5")
        .stdout_has("Time: 14:00 – 15:30 (90 minutes)");
    l.run(&["member", "list"])
        .ok()
        .stdout_has("Secretary")
        .stdout_has("probationary");
    l.run(&["--lang", "vi", "member", "list"])
        .ok()
        .stdout_has("Bí thư");
}

#[test]
fn the_ledger_is_found_upward_or_by_flag_or_env() {
    let l = Ledger::new("en").with_members();
    std::fs::create_dir_all(l.path().join("meetings/2020")).unwrap();
    run_in(
        &l.path().join("meetings/2020"),
        &l.today,
        &["member", "list"],
    )
    .ok()
    .stdout_has("trinh");
    let elsewhere = tempfile::tempdir().unwrap();
    run_in(elsewhere.path(), &l.today, &["member", "list"])
        .fails(1)
        .stderr_has("no ledger");
    run_in(
        elsewhere.path(),
        &l.today,
        &["--ledger", l.path().to_str().unwrap(), "member", "list"],
    )
    .ok()
    .stdout_has("trinh");
    let out = crate::util::cellbook(elsewhere.path(), &l.today)
        .env("CELLBOOK_LEDGER", l.path())
        .args(["member", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("trinh"));
}

#[test]
fn names_match_with_or_without_diacritics() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    // NFD input (as some keyboards and file systems produce) matches the NFC name.
    let nfd_name: String =
        unicode_normalization::UnicodeNormalization::nfd("Nguyễn Thị Hoà").collect();
    for chair in [
        "duong cong trinh",
        "Dương Công Trinh",
        "TRINH",
        "cong trinh",
    ] {
        l.run(&[
            "record",
            "2020-07-09",
            "--chair",
            chair,
            "--minute-taker",
            &nfd_name,
            "--present",
            "all",
        ])
        .ok();
        let file = l.read("meetings/2020/2020-07-09.toml");
        assert!(file.contains("chair = \"trinh\""), "{chair}: {file}");
        assert!(file.contains("minute_taker = \"hoa\""), "{file}");
    }
    l.run(&["record", "2020-07-09", "--chair", "duc", "--present", "all"])
        .ok();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("chair = \"duc\"")
    );
    // đ folds to d: "Do Van Duc" names Đỗ Văn Đức.
    l.run(&[
        "record",
        "2020-07-09",
        "--chair",
        "do van duc",
        "--present",
        "all",
    ])
    .ok();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("chair = \"duc\"")
    );
}

#[test]
fn unknown_and_ambiguous_names_list_the_candidates_and_change_nothing() {
    let l = Ledger::new("en").with_members();
    l.run(&[
        "member",
        "add",
        "Trần Thị Lan",
        "--id",
        "lan2",
        "--joined",
        "2015-01-01",
    ])
    .ok();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    l.run(&[
        "record",
        "2020-07-09",
        "--chair",
        "trihn",
        "--present",
        "all",
    ])
    .fails(1)
    .stderr_has("no member has the name or id 'trihn'")
    .stderr_has("did you mean: trinh (Dương Công Trinh)");
    l.run(&[
        "record",
        "2020-07-09",
        "--chair",
        "Thi Lan",
        "--present",
        "all",
    ])
    .fails(1)
    .stderr_has("matches several members")
    .stderr_has("lan (Lê Thị Lan)")
    .stderr_has("lan2 (Trần Thị Lan)");
    assert_eq!(before, l.files());
}

#[test]
fn the_attendance_rule_follows_joins_leaves_and_exemptions() {
    let l = Ledger::new("en").with_members();
    l.run(&[
        "member",
        "add",
        "Võ Văn Mới",
        "--id",
        "moi",
        "--joined",
        "2020-08-05",
    ])
    .ok();
    l.run(&["member", "set", "lan", "--left", "2020-08-01"])
        .ok();
    l.run(&[
        "member",
        "exempt",
        "duc",
        "--from",
        "2020-07-01",
        "--to",
        "2020-07-31",
        "--kind",
        "away",
        "--reason",
        "Học tập",
    ])
    .ok();
    // July: duc exempted (not counted), moi not yet a member, lan still on the roll.
    l.run(&["record", "2020-07-09", "--present", "all"])
        .ok()
        .stdout_has("present 4/4");
    let july = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        july.contains("present = [\"trinh\", \"hoa\", \"lan\", \"tam\"]"),
        "{july}"
    );
    // August: lan has left, moi has joined, duc is back.
    l.run(&[
        "record",
        "2020-08-10",
        "--present",
        "all",
        "--unexcused",
        "duc",
    ])
    .ok()
    .stdout_has("present 4/5 (80%)");
    // An exempted member who comes anyway is counted.
    l.run(&["record", "2020-07-20", "--present", "trinh,hoa,lan,tam,duc"])
        .ok()
        .stdout_has("present 5/5");
    // Naming someone not on the roll is refused.
    l.run(&["record", "2020-07-25", "--present", "trinh,hoa,lan,tam,moi"])
        .fails(1)
        .stderr_has("is not on the roll");
    l.run(&["member", "list", "--on", "2020-07-15"])
        .ok()
        .stdout_has("not counted (away)")
        .stdout_has("counted: 4");
    l.run(&["check"]).ok();
}

#[test]
fn attendance_that_does_not_add_up_is_refused() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    l.run(&["record", "2020-07-09", "--present", "trinh,hoa"])
        .fails(1)
        .stderr_has("attendance does not add up")
        .stderr_has("duc: is in none of the lists");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "trinh,hoa,duc,lan,tam",
        "--excused",
        "tam=Ốm",
    ])
    .fails(1)
    .stderr_has("tam: is in present and also in excused");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--spoke",
        "trinh,duc",
        "--unexcused",
        "duc",
    ])
    .fails(1)
    .stderr_has("spoke but is not listed present");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--vote",
        "5/0/0",
    ])
    .fails(1)
    .stderr_has("5 votes, but only 4 full members are present");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--start",
        "15:00",
        "--end",
        "14:00",
    ])
    .fails(1)
    .stderr_has("is not after the start time");
    assert_eq!(before, l.files());
}

#[test]
fn bad_command_lines_exit_2_and_change_nothing() {
    let l = Ledger::new("en").with_members();
    let before = l.files();
    l.run(&["plan", "31/02/2020"])
        .fails(2)
        .stderr_has("not a valid date");
    l.run(&["plan", "2020-07-09", "--time", "25:00"])
        .fails(2)
        .stderr_has("not a valid time");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--vote",
        "-1/0/0",
    ])
    .fails(2);
    l.run(&["record", "2020-07-09", "--present", "all", "--vote", "a/b"])
        .fails(2)
        .stderr_has("FOR/AGAINST/ABSTAIN");
    l.run(&["record", "../../etc/passwd", "--present", "all"])
        .fails(2)
        .stderr_has("is not a meeting");
    l.run(&["action", "done", "2020-07-09"])
        .fails(2)
        .stderr_has("is not an action id");
    l.run(&["list", "--quarter", "2020-Q5"]).fails(2);
    l.run(&["frobnicate"]).fails(2);
    assert_eq!(before, l.files());
}

#[test]
fn a_duplicate_meeting_is_refused_unless_asked_for() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    l.run(&["plan", "2020-07-09"])
        .fails(1)
        .stderr_has("there is already a regular meeting on that day")
        .stderr_has("--another");
    assert_eq!(before, l.files());
    assert_eq!(
        l.run(&["plan", "2020-07-09", "--kind", "thematic"])
            .ok()
            .last_line(),
        "2020-07-09-2"
    );
    assert_eq!(
        l.run(&["plan", "2020-07-09", "--another"]).ok().last_line(),
        "2020-07-09-3"
    );
    l.run(&["record", "2020-07-09-2", "--present", "all"]).ok();
    l.run(&["show", "2020-07-09-2"]).ok().stdout_has("thematic");
}

#[test]
fn a_person_s_comments_and_layout_survive_record() {
    let l = Ledger::new("en").with_members();
    let hand = "# Kế hoạch do đ/c Trinh soạn\nschema = 1\ndate = 2020-07-09\nkind = 'regular'   # thường kỳ\n\n[plan]\n# chủ đề chính\ntopics = [\n  \"Nghị quyết\",  # quan trọng\n]\nplace = \"Hội trường\"\n";
    l.write("meetings/2020/2020-07-09.toml", hand);
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "all",
        "--start",
        "14:00",
        "--end",
        "15:30",
    ])
    .ok();
    let after = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        after.starts_with(hand),
        "the hand-written part changed:\n{after}"
    );
    assert!(after.contains("[record]"), "{after}");
    l.run(&["check"]).ok();
}

#[test]
fn members_toml_keeps_its_comments_through_member_commands() {
    let l = Ledger::new("en");
    l.write("members.toml", "schema = 1\n\n# Ban chi ủy\n[[member]]\nid = \"trinh\"   # bí thư\nname = \"Dương Công Trinh\"\nrole = \"secretary\"\njoined = 2010-01-01\n");
    l.run(&[
        "member",
        "add",
        "Lê Thị Lan",
        "--id",
        "lan",
        "--joined",
        "2012-01-01",
    ])
    .ok();
    l.run(&["member", "set", "trinh", "--role", "deputy"]).ok();
    let after = l.read("members.toml");
    assert!(
        after.contains("# Ban chi ủy\n[[member]]\nid = \"trinh\"   # bí thư\n"),
        "{after}"
    );
    assert!(after.contains("role = \"deputy\""), "{after}");
    assert!(after.contains("id = \"lan\""), "{after}");
}

#[test]
fn member_commands_refuse_bad_input() {
    let l = Ledger::new("en").with_members();
    let before = l.files();
    l.run(&["member", "add", "X", "--id", "trinh"])
        .fails(1)
        .stderr_has("already used by Dương Công Trinh");
    l.run(&["member", "add", "X", "--id", "Bad Id"])
        .fails(1)
        .stderr_has("invalid id");
    l.run(&["member", "add", "X", "--id", "2020-07-09"])
        .fails(1)
        .stderr_has("invalid id");
    l.run(&["member", "set", "trinh", "--left", "2010-01-01"])
        .fails(1)
        .stderr_has("must be after the date joined");
    l.run(&[
        "member",
        "exempt",
        "trinh",
        "--from",
        "2020-02-01",
        "--to",
        "2020-01-01",
    ])
    .fails(1)
    .stderr_has("ends before it starts");
    l.run(&["member", "set", "nobody", "--full"])
        .fails(1)
        .stderr_has("no member");
    assert_eq!(before, l.files());
    l.run(&["member", "set", "tam", "--full"]).ok();
    assert!(!l.read("members.toml").contains("probationary"));
}

#[test]
fn init_refuses_an_existing_ledger_and_unknown_rubrics() {
    let l = Ledger::new("en");
    let before = l.files();
    l.run(&["init", "--name", "Again"])
        .fails(1)
        .stderr_has("a ledger is already here");
    assert_eq!(before, l.files());
    let fresh = Ledger::empty();
    fresh
        .run(&["init", "--name", "X", "--rubric", "nope", "--lang", "en"])
        .fails(1)
        .stderr_has("unknown rubric 'nope'");
    assert!(fresh.files().is_empty());
    assert!(l.read(".gitignore").contains(".cellbook.lock"));
}

#[test]
fn check_passes_on_the_example_and_locates_problems_in_a_broken_copy() {
    let l = Ledger::example();
    l.run(&["check"])
        .ok()
        .stdout_has("0 lỗi")
        .stderr_has("W001");
    // Hand-break a file: a TOML syntax error.
    let path = "meetings/2020/2020-08-10.toml";
    let text = l
        .read(path)
        .replacen("kind = \"regular\"", "kind = \"regular", 1);
    l.write(path, &text);
    // A typo'd member id in another file, and an attendance list missing someone.
    let path2 = "meetings/2020/2020-09-09.toml";
    let text2 = l
        .read(path2)
        .replacen("present = [\"thanh\"", "present = [\"thnah\"", 1);
    l.write(path2, &text2);
    let run = l.run(&["--lang", "en", "check"]).fails(1);
    assert!(
        run.stderr.contains("meetings/2020/2020-08-10.toml:3:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("error[E001]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("meetings/2020/2020-09-09.toml:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error[E010]: no member has the id 'thnah'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error[E030]: thanh is in none of present, excused, unexcused"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("^"), "caret: {}", run.stderr);
    // Other commands refuse to work on the broken file, with its location.
    l.run(&["--lang", "en", "show", "2020-08-10"])
        .fails(1)
        .stderr_has("2020-08-10.toml:3:");
    // --only narrows the report.
    let only = l
        .run(&["--lang", "en", "check", "--only", "references"])
        .fails(1);
    assert!(
        only.stderr.contains("E010") && !only.stderr.contains("E001"),
        "{}",
        only.stderr
    );
    l.run(&["check", "--only", "nonsense"]).fails(2);
}

#[test]
fn check_strict_turns_warnings_into_errors() {
    let l = Ledger::example();
    l.run(&["check", "--strict"]).fails(1).stderr_has("W001");
}

#[test]
fn scripts_are_told_the_missing_flag_instead_of_being_asked() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan"])
        .fails(2)
        .stderr_has("missing DATE")
        .stderr_has("run in a terminal");
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    l.run(&["record", "2020-07-09", "--start", "14:00"])
        .fails(2)
        .stderr_has("missing --present");
    assert_eq!(before, l.files());
    // Once attendance is taken, later records need not repeat it.
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    l.run(&["record", "2020-07-09", "--conclusion", "Thống nhất"])
        .ok();
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let l = Ledger::example();
    let forced = l
        .command()
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&forced.stderr);
    assert!(
        stderr.contains("\x1b[1;33mcảnh báo[W001]\x1b[0m"),
        "{stderr}"
    );
    // The harness sets NO_COLOR, and a pipe is not a terminal: plain text either way.
    let plain = l.run(&["check"]);
    assert!(!plain.stderr.contains('\x1b'), "{}", plain.stderr);
    let both = l
        .command()
        .env("CLICOLOR_FORCE", "1")
        .args(["check"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&both.stderr).contains('\x1b'));
}

#[test]
fn piped_tables_fit_100_columns_and_align_vietnamese_text() {
    let l = Ledger::example();
    for args in [
        &["list"][..],
        &["member", "list"],
        &["action", "list"],
        &["report", "--quarter", "2020-Q3"],
        &["rubric", "show", "hd42-2025"],
    ] {
        let run = l.run(args).ok();
        let table: Vec<&str> = run
            .stdout
            .lines()
            .filter(|line| line.starts_with(['│', '┌', '└', '╞']))
            .collect();
        assert!(!table.is_empty(), "{args:?}: no table:\n{}", run.stdout);
        let widths: Vec<usize> = table.iter().map(|line| line.chars().count()).collect();
        assert!(
            widths.iter().all(|&w| w <= 100),
            "{args:?}: wider than 100:\n{}",
            run.stdout
        );
        // Every row of a table is as wide as its border: composed (NFC) Vietnamese letters
        // take one column each, so the columns line up.
        assert!(
            widths.iter().all(|&w| w == widths[0]),
            "{args:?}: ragged rows:\n{}",
            run.stdout
        );
    }
}

#[test]
fn check_warns_of_short_months_quarters_and_repeated_unexcused_absence() {
    let l = Ledger::new("en").with_members().today("2020-12-15");
    // Regular meetings in July, September and October (none in August); duc absent without a
    // reason in three of them; one thematic meeting, in Q4 only.
    for date in ["2020-07-09", "2020-09-09", "2020-10-09"] {
        l.run(&[
            "record",
            date,
            "--present",
            "trinh,hoa,lan,tam",
            "--unexcused",
            "duc",
        ])
        .ok();
    }
    l.run(&[
        "record",
        "2020-10-20",
        "--kind",
        "thematic",
        "--present",
        "all",
    ])
    .ok();
    let run = l.run(&["check", "--only", "cadence"]).ok();
    assert!(
        run.stderr
            .contains("warning[W008]: August 2020: 0/1 regular meetings held"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning[W009]: Q3 2020: 0/1 thematic meetings held"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("2020-Q4"),
        "Q4 has not ended: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("2020-11"),
        "after the last meeting: {}",
        run.stderr
    );
    assert!(run.stderr.contains("2020-10-09.toml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning[W007]: Đỗ Văn Đức was absent without a reason in 3 months of 2020 (7, 9, 10)"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("W007").count(), 1, "{}", run.stderr);
    // The example keeps its cadence.
    let example = Ledger::example();
    let run = example.run(&["check", "--only", "cadence"]).ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
