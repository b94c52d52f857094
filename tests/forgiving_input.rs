//! Input as people type it: quarters written the Vietnamese way (`III/2020`, `quý 3/2020`),
//! and `--present all,ID` for everyone plus an exempted member who came.

use crate::util::Ledger;

#[test]
fn every_way_of_writing_a_quarter_names_the_same_quarter() {
    let l = Ledger::example();
    let list = l.run(&["list", "--quarter", "2020-Q3"]).ok().stdout;
    let report = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "json"])
        .ok()
        .stdout;
    assert!(list.contains("2020-07-09"), "{list}");
    for form in [
        "Q3/2020",
        "III/2020",
        "quý 3/2020",
        "quý III năm 2020",
        "QUY III NAM 2020",
    ] {
        assert_eq!(
            l.run(&["list", "--quarter", form]).ok().stdout,
            list,
            "{form}"
        );
        let r = l.run(&["report", "--quarter", form, "--format", "json"]);
        assert_eq!(r.ok().stdout, report, "{form}");
    }
}

#[test]
fn a_quarter_that_is_not_one_is_refused_in_the_ledgers_language() {
    let l = Ledger::example();
    l.run(&["list", "--quarter", "quý 5/2020"])
        .fails(2)
        .stderr_has("'quý 5/2020' không phải là một kỳ");
    l.run(&["--lang", "en", "report", "--quarter", "V/2020"])
        .fails(2)
        .stderr_has("'V/2020' is not a period");
    // A month is no quarter, however it is written.
    l.run(&["--lang", "en", "report", "--quarter", "2020-07"])
        .fails(2)
        .stderr_has("2020-Q3");
}

/// The `present` list of the meeting file of `date`, in the order written.
fn present_in(l: &Ledger, date: &str) -> String {
    let year = &date[..4];
    let text = std::fs::read_to_string(l.path().join(format!("meetings/{year}/{date}.toml")))
        .expect("the meeting file");
    text.lines()
        .find(|line| line.trim_start().starts_with("present"))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn everyone_and_an_exempted_member_who_came() {
    // `son` is exempted from meetings in 2020 and is not counted; he came all the same.
    for flags in [
        &["--present", "all,son"][..],
        &["--present", "all", "--present", "son"],
        &["--present", "son", "--present", "ALL"],
        &["--present", "all,Bùi Văn Sơn,son"],
    ] {
        let l = Ledger::example();
        let mut args = vec!["--lang", "en", "record", "2020-11-10", "--start", "14:00"];
        args.extend(["--end", "15:00"]);
        args.extend(flags);
        l.run(&args).ok().stdout_has("present 11/11");
        let present = present_in(&l, "2020-11-10");
        assert!(present.contains("\"son\""), "{flags:?}: {present}");
        assert_eq!(present.matches("\"son\"").count(), 1, "{present}");
        assert!(present.contains("\"thanh\""), "{flags:?}: {present}");
        l.run(&["check"]).ok();
    }
}

#[test]
fn speakers_repeat_and_add_up_the_same_way() {
    let l = Ledger::example();
    l.run(&[
        "--lang",
        "en",
        "record",
        "2020-11-10",
        "--start",
        "14:00",
        "--end",
        "15:00",
        "--present",
        "all",
        "--present",
        "son",
        "--spoke",
        "all",
        "--spoke",
        "son",
    ])
    .ok();
    let text = std::fs::read_to_string(l.path().join("meetings/2020/2020-11-10.toml"))
        .expect("the meeting file");
    let speakers = text
        .lines()
        .find(|line| line.trim_start().starts_with("speakers"))
        .unwrap_or_default();
    assert!(
        speakers.contains("\"son\"") && speakers.contains("\"thanh\""),
        "{speakers}"
    );
    // A name that is nobody's is still refused, next to `all`.
    l.run(&[
        "--lang",
        "en",
        "record",
        "2020-11-10",
        "--present",
        "all",
        "--present",
        "nobody",
    ])
    .fails(1)
    .stderr_has("no member has the name or id 'nobody'");
}

/// `cellbook ARGS` in a pseudo-terminal, in the ledger `l`.
#[cfg(unix)]
fn session(l: &Ledger, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cellbook"));
    cmd.current_dir(l.path())
        .args(args)
        .env_remove("CELLBOOK_LEDGER")
        .env_remove("CELLBOOK_NO_PROMPT")
        .env_remove("CELLBOOK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .env("CELLBOOK_TODAY", &l.today)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

/// `text` as the pseudo-terminal session reads it: one character per UTF-8 byte.
#[cfg(unix)]
fn shown(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

#[cfg(unix)]
#[test]
fn yes_and_no_are_answered_in_vietnamese() {
    let l = Ledger::new("vi").with_members().today("2020-07-01");
    let mut p = session(&l, &["plan"]);
    p.exp_string(&shown("Ngày sinh hoạt")).unwrap();
    p.send_line("09/07/2020").unwrap();
    p.exp_string(&shown("Sinh hoạt chuyên đề?")).unwrap();
    p.exp_string(&shown("c/K")).unwrap();
    p.send_line("x").unwrap();
    p.exp_string(&shown("gõ 'c' (có) hoặc 'k' (không)"))
        .unwrap();
    p.send("\x7f").unwrap();
    p.send_line("không").unwrap();
    p.exp_string(&shown("Không")).unwrap();
    p.exp_string(&shown("Giờ bắt đầu")).unwrap();
    p.send_line("14:00").unwrap();
    p.exp_string(&shown("Địa điểm")).unwrap();
    p.send_line("").unwrap();
    p.exp_string(&shown("Nội dung")).unwrap();
    p.send_line("Nghị quyết tháng 7").unwrap();
    p.exp_string(&shown("dự thảo nghị quyết")).unwrap();
    p.send_line("có").unwrap();
    p.exp_string(&shown("2020-07-09")).unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("draft_resolution = true"), "{file}");
    assert!(file.contains("kind = \"regular\""), "{file}");
}
