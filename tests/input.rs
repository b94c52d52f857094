//! Issue 15, items 8–12: suggestions, plan updates, the members' calendar, roster import.

use crate::util::{Ledger, assert_same, snapshot};

// Item 8: suggestions that work.

#[test]
fn an_id_typed_with_diacritics_suggests_the_id_without() {
    let l = Ledger::new("vi");
    let before = snapshot(l.path());
    l.run(&["member", "add", "Lê Văn Đạo", "--id", "Đạo"])
        .fails(1)
        .stderr_has("mã không hợp lệ 'Đạo'")
        .stderr_has("--id dao?");
    l.run(&[
        "--lang",
        "en",
        "member",
        "add",
        "Lê Văn Đạo",
        "--id",
        "Dao Le",
    ])
    .fails(1)
    .stderr_has("did you mean --id dao-le?");
    assert_same(&before, &snapshot(l.path()), "a refused id");
}

#[test]
fn member_add_without_an_id_takes_the_given_name() {
    let l = Ledger::new("vi");
    l.run(&["member", "add", "Lê Văn Đạo"])
        .ok()
        .stdout_has("Lê Văn Đạo (dao)");
    l.run(&["member", "add", "Trần Đạo"])
        .ok()
        .stdout_has("Trần Đạo (dao2)");
    l.run(&["member", "add", "123"]).fails(2).stderr_has("--id");
}

#[test]
fn an_unknown_full_name_suggests_the_nearest_members_up_to_five() {
    let l = Ledger::new("vi");
    for (name, id) in [
        ("Đặng Văn Đức", "duc"),
        ("Lê Văn Đức", "duc2"),
        ("Phan Văn Đức", "duc3"),
        ("Võ Văn Đức", "duc4"),
        ("Hồ Văn Đức", "duc5"),
        ("Ngô Văn Đức", "duc6"),
        ("Trần Thị Lan", "lan"),
    ] {
        l.run(&["member", "add", name, "--id", id, "--joined", "2015-01-01"])
            .ok();
    }
    let run = l
        .run(&["member", "set", "Nguyễn Văn Đức", "--role", "committee"])
        .fails(1);
    let shown = run.stderr.matches("Văn Đức)").count();
    assert_eq!(shown, 5, "{}", run.stderr);
    assert!(!run.stderr.contains("Trần Thị Lan"), "{}", run.stderr);
    // A typo in the given name still finds her.
    l.run(&["member", "set", "Tran Thi Lna", "--role", "committee"])
        .fails(1)
        .stderr_has("lan (Trần Thị Lan)");
}

// Item 9: init takes the usual time and place; plan changes a planned meeting.

#[test]
fn init_keeps_the_usual_time_place_and_day_and_plan_uses_them() {
    let l = Ledger::empty();
    l.run(&[
        "init",
        "--name",
        "Chi bộ Thử",
        "--lang",
        "vi",
        "--time",
        "14:00",
        "--place",
        "Phòng họp tầng 2",
        "--day",
        "10",
    ])
    .ok();
    let config = l.read("cellbook.toml");
    assert!(
        config.contains("time = 14:00:00\nplace = \"Phòng họp tầng 2\"\nday = 10"),
        "{config}"
    );
    l.run(&["plan", "2020-12-10"]).ok();
    let file = l.read("meetings/2020/2020-12-10.toml");
    assert!(
        file.contains("time = 14:00:00\nplace = \"Phòng họp tầng 2\""),
        "{file}"
    );
    let other = Ledger::empty();
    other
        .run(&["init", "--name", "X", "--lang", "vi", "--day", "32"])
        .fails(2)
        .stderr_has("ngày trong tháng là một số từ 1 đến 31");
    other
        .run(&["init", "--name", "X", "--lang", "vi", "--time", "25:00"])
        .fails(2);
    assert!(other.files().is_empty());
}

#[test]
fn plan_on_a_planned_meeting_changes_the_fields_given_and_keeps_comments() {
    let l = Ledger::new("vi").with_members().today("2020-12-01");
    l.run(&[
        "plan",
        "2020-12-10",
        "--time",
        "14:00",
        "--topic",
        "Tổng kết năm",
    ])
    .ok();
    let path = "meetings/2020/2020-12-10.toml";
    let text = l
        .read(path)
        .replace("time = 14:00:00", "time = 14:00:00 # giờ cũ");
    l.write(path, &format!("# Ghi chú của bí thư\n{text}"));
    l.run(&[
        "plan",
        "10/12/2020",
        "--time",
        "15:30",
        "--docs-sent",
        "2020-12-08",
        "--committee-met",
        "2020-12-05",
        "--topic",
        "Tổng kết năm",
        "--topic",
        "Kế hoạch năm 2021",
        "--assign",
        "lan=Thông tin thời sự",
    ])
    .ok()
    .stdout_has("Đã cập nhật kế hoạch buổi sinh hoạt thường kỳ ngày 10/12/2020:")
    .stdout_has("giờ: 14:00 → 15:30")
    .stdout_has("ngày gửi tài liệu: (chưa có) → 08/12/2020")
    .stdout_has("ngày chi ủy họp chuẩn bị: (chưa có) → 05/12/2020")
    .stdout_has("thêm nội dung: Kế hoạch năm 2021")
    .stdout_has("thêm phân công: lan — Thông tin thời sự");
    let file = l.read(path);
    assert!(file.starts_with("# Ghi chú của bí thư\n"), "{file}");
    assert!(file.contains("time = 15:30:00 # giờ cũ"), "{file}");
    assert!(
        file.contains("topics = [\"Tổng kết năm\", \"Kế hoạch năm 2021\"]"),
        "{file}"
    );
    assert!(file.contains("docs_sent = 2020-12-08"), "{file}");
    assert!(!l.path().join("meetings/2020/2020-12-10-2.toml").exists());
    // The same again: nothing to change, nothing written.
    let before = snapshot(l.path());
    l.run(&["plan", "2020-12-10", "--time", "15:30"])
        .ok()
        .stdout_has("Kế hoạch không đổi");
    // A date after the meeting is refused as for a new plan.
    l.run(&["plan", "2020-12-10", "--docs-sent", "2020-12-11"])
        .fails(1)
        .stderr_has("là sau ngày sinh hoạt");
    // No field at all: the meeting exists, and the hint says how to change it.
    l.run(&["plan", "2020-12-10"])
        .fails(1)
        .stderr_has("cellbook plan 2020-12-10 --time");
    assert_same(&before, &snapshot(l.path()), "no change");
}

#[test]
fn plan_refuses_to_change_a_meeting_already_held() {
    let l = Ledger::new("en").with_members().today("2020-12-20");
    l.run(&["plan", "2020-12-10", "--time", "14:00"]).ok();
    l.run(&["record", "2020-12-10", "--present", "all"]).ok();
    let before = snapshot(l.path());
    l.run(&["plan", "2020-12-10", "--docs-sent", "2020-12-08"])
        .fails(1)
        .stderr_has("has been held")
        .stderr_has("cellbook edit 2020-12-10");
    assert_same(&before, &snapshot(l.path()), "a held meeting");
    // A thematic meeting the same day is another meeting.
    l.run(&["plan", "2020-12-10", "--kind", "thematic"])
        .ok()
        .stdout_has("2020-12-10-2");
}

// Item 12: the members' calendar in `status`.

#[test]
fn status_reminds_of_a_probation_ending_and_an_exemption_ending() {
    let l = Ledger::new("vi").today("2021-04-20");
    l.run(&[
        "member",
        "add",
        "Trương Thị Thảo Vy",
        "--probationary",
        "--joined",
        "2020-05-19",
    ])
    .ok();
    l.run(&["member", "add", "Bùi Văn Sơn", "--joined", "2001-03-26"])
        .ok();
    l.run(&[
        "member",
        "exempt",
        "son",
        "--from",
        "2021-01-01",
        "--to",
        "2021-05-10",
        "--kind",
        "away",
    ])
    .ok();
    l.run(&["status"])
        .ok()
        .stdout_has("Trương Thị Thảo Vy: 12 tháng dự bị kết thúc ngày 18/05/2021 (còn 28 ngày)")
        .stdout_has("cellbook member set vy --full")
        .stdout_has(
            "Bùi Văn Sơn: tạm miễn đến hết ngày 10/05/2021 (còn 20 ngày); từ ngày 11/05/2021",
        )
        .stdout_has("cellbook member exempt son --from 2021-05-11");
    let json = l.run(&["status", "--format", "json"]).ok().stdout;
    assert!(json.contains("\"probation-ends\""), "{json}");
    assert!(json.contains("\"exemption-ends\""), "{json}");
    // After the term: urgent, and the consideration is due.
    l.run(&["--lang", "en", "status"])
        .ok()
        .stdout_has("the 12 months of probation end on 2021-05-18");
    let late = Ledger::new("en").today("2021-06-01");
    late.run(&[
        "member",
        "add",
        "Trương Thị Thảo Vy",
        "--probationary",
        "--joined",
        "2020-08-01",
        "--admitted",
        "2020-05-19",
    ])
    .ok();
    late.run(&["status"]).ok().stdout_has(
        "!! Trương Thị Thảo Vy: the 12 months of probation ended on 2021-05-18 (14 days ago)",
    );
    // Once full, no more reminder.
    late.run(&["member", "set", "vy", "--full"]).ok();
    let after = late.run(&["status"]).ok().stdout;
    assert!(!after.contains("probation"), "{after}");
}

#[test]
fn member_set_admitted_moves_the_end_of_probation() {
    let l = Ledger::new("en").today("2021-01-05");
    l.run(&[
        "member",
        "add",
        "Trương Thị Thảo Vy",
        "--probationary",
        "--joined",
        "2020-09-01",
    ])
    .ok();
    let quiet = l.run(&["status"]).ok().stdout;
    assert!(!quiet.contains("probation"), "{quiet}");
    l.run(&["member", "set", "vy", "--admitted", "2020-01-20"])
        .ok();
    assert!(l.read("members.toml").contains("admitted = 2020-01-20"));
    l.run(&["status"])
        .ok()
        .stdout_has("the 12 months of probation end on 2021-01-19 (14 days left)");
}

// Item 11: the question before an import, through a pty.

#[cfg(unix)]
fn pty(l: &Ledger, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = l.command();
    cmd.args(args)
        .env_remove("CELLBOOK_NO_PROMPT")
        .env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

#[cfg(unix)]
#[test]
fn import_asks_before_adding_and_a_no_adds_nobody() {
    // The pty session reads bytes as Latin-1: the words matched are ASCII.
    let l = Ledger::new("en").with_members();
    l.write(
        "ds.csv",
        "Họ và tên;Ngày vào chi bộ\nLê Văn Đạo;01/03/2015\n",
    );
    let before = snapshot(l.path());
    let mut p = pty(&l, &["member", "import", "ds.csv"]);
    p.exp_string("To add: 1 member:").unwrap();
    p.exp_string("Add the 1 listed above to the roster?")
        .unwrap();
    p.send_line("k").unwrap();
    p.exp_string("cancelled; nothing was written").unwrap();
    p.exp_eof().unwrap();
    assert_same(&before, &snapshot(l.path()), "answered no");
    let mut p = pty(&l, &["member", "import", "ds.csv"]);
    p.exp_string("Add the 1 listed above to the roster?")
        .unwrap();
    p.send_line("c").unwrap();
    p.exp_string("Added 1 member to the roster.").unwrap();
    p.exp_eof().unwrap();
    assert!(l.read("members.toml").contains("name = \"Lê Văn Đạo\""));
}

// Item 10: the interview of `plan` offers next month's usual day and the last regular topics.

#[cfg(unix)]
#[test]
fn plan_offers_the_usual_day_and_the_last_regular_meeting_s_topics() {
    let l = Ledger::empty().today("2020-07-25");
    l.run(&[
        "init", "--name", "Club", "--lang", "en", "--day", "9", "--time", "14:00", "--place",
        "Room 2",
    ])
    .ok();
    l.run(&["plan", "2020-07-09", "--topic", "Monthly review"])
        .ok();
    l.run(&[
        "plan",
        "2020-07-20",
        "--kind",
        "thematic",
        "--topic",
        "Resolution 12",
    ])
    .ok();
    let mut p = pty(&l, &["plan"]);
    p.exp_string("Date of the meeting").unwrap();
    p.exp_string("2020-08-09").unwrap();
    p.send_line("").unwrap();
    p.exp_string("A thematic meeting?").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Start time").unwrap();
    p.exp_string("14:00").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Place").unwrap();
    p.exp_string("Room 2").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Topics").unwrap();
    p.exp_string("Monthly review").unwrap();
    p.send_line("").unwrap();
    p.exp_string("draft resolution").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("2020-08-09").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-08-09.toml");
    assert!(file.contains("kind = \"regular\""), "{file}");
    assert!(file.contains("topics = [\"Monthly review\"]"), "{file}");
    assert!(
        file.contains("time = 14:00:00\nplace = \"Room 2\""),
        "{file}"
    );
    // August is planned now: September's 9th is offered; a thematic meeting is offered no topics.
    let mut p = pty(&l, &["plan"]);
    p.exp_string("2020-09-09").unwrap();
    p.send_line("").unwrap();
    p.exp_string("A thematic meeting?").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Start time").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Place").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Topics").unwrap();
    p.send_line("").unwrap();
    p.exp_string("draft resolution").unwrap();
    p.send_line("n").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-09-09.toml");
    assert!(file.contains("kind = \"thematic\""), "{file}");
    assert!(!file.contains("topics"), "{file}");
}

#[test]
fn the_documents_reminder_says_the_plan_command_that_clears_it() {
    let l = Ledger::new("en").with_members().today("2020-12-08");
    l.run(&["plan", "2020-12-10", "--time", "14:00"]).ok();
    l.run(&["plan", "2020-12-10", "--kind", "thematic"]).ok();
    l.run(&["status"])
        .ok()
        .stdout_has("once sent: `cellbook plan 2020-12-10 --docs-sent 2020-12-08`")
        .stdout_has("once sent: `cellbook plan 2020-12-10 --kind thematic --docs-sent 2020-12-08`");
    l.run(&["plan", "2020-12-10", "--docs-sent", "2020-12-08"])
        .ok();
    l.run(&[
        "plan",
        "2020-12-10",
        "--kind",
        "thematic",
        "--docs-sent",
        "2020-12-08",
    ])
    .ok();
    let after = l.run(&["status"]).ok().stdout;
    assert!(!after.contains("once sent"), "{after}");
}
