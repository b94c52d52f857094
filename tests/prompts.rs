//! The interviews, driven through a real pseudo-terminal as a person would answer them.
#![cfg(unix)]

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

use crate::util::Ledger;

const DOWN: &str = "\x1b[B";

fn session(l: &Ledger, args: &[&str]) -> PtySession {
    session_with(l, args, &[])
}

/// The binary in a pty on `l`, with more environment variables (`EDITOR`, a lock timeout).
fn session_with(l: &Ledger, args: &[&str], envs: &[(&str, &str)]) -> PtySession {
    let mut cmd = l.command();
    cmd.args(args)
        .env_remove("CELLBOOK_NO_PROMPT")
        .env_remove("VISUAL")
        .env("TERM", "xterm")
        .envs(envs.iter().copied());
    spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

#[test]
fn plan_asks_for_the_meeting_with_the_ledger_s_defaults() {
    let l = Ledger::new("en").with_members().today("2020-07-01");
    l.write(
        "cellbook.toml",
        &l.read("cellbook.toml").replace(
            "[meetings]",
            "[meetings]\ntime = 14:00:00\nplace = \"Phòng họp tầng 2\"",
        ),
    );
    let mut p = session(&l, &["plan"]);
    p.exp_string("Date of the meeting").unwrap();
    p.send_line("09/07/2020").unwrap();
    p.exp_string("A thematic meeting?").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Start time").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Place").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Topics").unwrap();
    p.send_line("Nghị quyết tháng 7; Thông tin thời sự")
        .unwrap();
    p.exp_string("draft resolution").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("2020-07-09").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("time = 14:00:00"), "{file}");
    assert!(file.contains("place = \"Phòng họp tầng 2\""), "{file}");
    assert!(
        file.contains("topics = [\"Nghị quyết tháng 7\", \"Thông tin thời sự\"]"),
        "{file}"
    );
    assert!(file.contains("draft_resolution = true"), "{file}");
}

#[test]
fn record_asks_for_attendance_as_a_checklist() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--time", "14:00"]).ok();
    let mut p = session(&l, &["record", "2020-07-09"]);
    p.exp_string("Start time").unwrap();
    p.send_line("").unwrap(); // the planned 14:00
    p.exp_string("End time").unwrap();
    p.send_line("15:40").unwrap();
    p.exp_string("Chair").unwrap();
    p.send_line("").unwrap(); // the secretary
    p.exp_string("Minute-taker").unwrap();
    p.send_line("").unwrap(); // the deputy
    p.exp_string("Present").unwrap();
    // Untick the third member (duc), keep the rest.
    p.send(DOWN).unwrap();
    p.send(DOWN).unwrap();
    p.send(" ").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("absent").unwrap();
    p.send_line("Đi công tác").unwrap();
    p.exp_string("Spoke").unwrap();
    p.send(" ").unwrap(); // the first present member spoke
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Vote").unwrap();
    p.send_line("3/0/0").unwrap();
    p.exp_string("present 4/5").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.contains(
            "start = 14:00:00\nend = 15:40:00\nchair = \"trinh\"\nminute_taker = \"hoa\""
        ),
        "{file}"
    );
    assert!(
        file.contains("present = [\"trinh\", \"hoa\", \"lan\", \"tam\"]"),
        "{file}"
    );
    assert!(
        file.contains("{ member = \"duc\", reason = \"Đi công tác\" }"),
        "{file}"
    );
    assert!(file.contains("speakers = [\"trinh\"]"), "{file}");
    assert!(
        file.contains("vote = { for = 3, against = 0, abstain = 0 }"),
        "{file}"
    );
}

#[test]
fn rate_asks_for_each_missing_score_with_its_maximum() {
    let l = Ledger::new("en").with_members();
    l.write("rubrics/club.toml", "schema = 1\nid = \"club\"\nname = \"Club\"\n[levels]\ngood = 8\nfair = 6\naverage = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\"\nmax = 5\n[[criteria]]\nid = \"food\"\ntitle = \"Food\"\nmax = 5\n");
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    let mut p = session(
        &l,
        &["rate", "2020-07-09", "--rubric", "club", "--score", "fun=4"],
    );
    p.exp_string("Food (food, 0").unwrap();
    p.send_line("9").unwrap(); // refused by the validator: more than the maximum
    p.exp_string("5").unwrap();
    p.send("\x7f").unwrap();
    p.send_line("5").unwrap();
    p.exp_string("Total: 9/10").unwrap();
    p.exp_eof().unwrap();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("scores = { food = 5, fun = 4 }")
    );
}

#[test]
fn an_invalid_edit_is_offered_back_to_the_editor() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    // First time the "person" breaks the file; the second time they fix it.
    let script = l.path().join("editor.sh");
    let count = l.path().join("count");
    std::fs::write(
        &script,
        format!(
            "f=\"$1\"\nif [ -e '{c}' ]; then sed -i 's/^title = \"open$/title = \"Fixed\"/' \"$f\"; else touch '{c}'; sed -i 's/^kind = \"regular\"$/kind = \"regular\"\\ntitle = \"open/' \"$f\"; fi\n",
            c = count.display()
        ),
    )
    .unwrap();
    let editor = format!("sh {}", script.display());
    let mut p = session_with(&l, &["edit", "2020-07-09"], &[("EDITOR", &editor)]);
    p.exp_string("E001").unwrap();
    p.exp_string("Open the editor again").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Saved 2020-07-09").unwrap();
    p.exp_eof().unwrap();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("title = \"Fixed\"")
    );
}

/// Another writer, run while a person is being asked: it must get the lock at once.
fn write_meanwhile(l: &Ledger, args: &[&str]) {
    let out = l
        .command()
        .env("CELLBOOK_LOCK_TIMEOUT", "0")
        .args(args)
        .output()
        .expect("run cellbook");
    assert!(
        out.status.success(),
        "{args:?} was blocked while a person was asked:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Erase what was typed in a text prompt.
fn erase(p: &mut PtySession, typed: &str) {
    for _ in typed.chars() {
        p.send("\x7f").unwrap();
    }
    p.flush().unwrap();
}

#[test]
fn a_wrong_answer_in_the_record_interview_is_asked_again() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--time", "14:00"]).ok();
    let mut p = session(&l, &["record", "2020-07-09"]);
    p.exp_string("Start time").unwrap();
    // Nothing is locked while the person answers.
    write_meanwhile(&l, &["member", "add", "Trần Văn Mới", "--id", "moi"]);
    p.send_line("").unwrap(); // the planned 14:00
    p.exp_string("End time").unwrap();
    p.send_line("13:00").unwrap();
    p.exp_string("the end time 13:00 is not after the start time 14:00")
        .unwrap();
    erase(&mut p, "13:00");
    p.send_line("15:40").unwrap();
    p.exp_string("Chair").unwrap();
    p.send_line("ghost").unwrap();
    p.exp_string("no member has the name or id 'ghost'")
        .unwrap();
    erase(&mut p, "ghost");
    p.send_line("").unwrap(); // the secretary
    p.exp_string("Minute-taker").unwrap();
    p.send_line("").unwrap(); // the deputy
    p.exp_string("Present").unwrap();
    p.send("\r").unwrap(); // everyone
    p.flush().unwrap();
    p.exp_string("Spoke").unwrap();
    p.send("\r").unwrap(); // nobody
    p.flush().unwrap();
    p.exp_string("Vote").unwrap();
    // Four full members are present (tam is probationary).
    p.send_line("9/0/0").unwrap();
    p.exp_string("9 votes, but only 4 full members are present")
        .unwrap();
    erase(&mut p, "9/0/0");
    p.send_line("4/x").unwrap();
    p.exp_string("must be FOR/AGAINST/ABSTAIN").unwrap();
    erase(&mut p, "4/x");
    p.send_line("4/0/0").unwrap();
    p.exp_string("present 5/5").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.contains(
            "start = 14:00:00\nend = 15:40:00\nchair = \"trinh\"\nminute_taker = \"hoa\""
        ),
        "{file}"
    );
    assert!(
        file.contains("vote = { for = 4, against = 0, abstain = 0 }"),
        "{file}"
    );
    assert!(l.read("members.toml").contains("id = \"moi\""));
}

#[test]
fn plan_asks_without_holding_the_lock() {
    let l = Ledger::new("en").with_members().today("2020-07-01");
    let mut p = session(&l, &["plan"]);
    p.exp_string("Date of the meeting").unwrap();
    write_meanwhile(&l, &["member", "add", "Trần Văn Mới", "--id", "moi"]);
    p.send_line("09/07/2020").unwrap();
    p.exp_string("A thematic meeting?").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Start time").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Place").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Topics").unwrap();
    p.send_line("Budget").unwrap();
    p.exp_string("draft resolution").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("2020-07-09").unwrap();
    p.exp_eof().unwrap();
    assert!(l.path().join("meetings/2020/2020-07-09.toml").is_file());
}

#[test]
fn rate_asks_without_holding_the_lock_and_refuses_a_change_meanwhile() {
    let l = Ledger::new("en").with_members();
    l.write("rubrics/club.toml", "schema = 1\nid = \"club\"\nname = \"Club\"\n[levels]\ngood = 8\nfair = 6\naverage = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\"\nmax = 5\n[[criteria]]\nid = \"food\"\ntitle = \"Food\"\nmax = 5\n");
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    let mut p = session(
        &l,
        &["rate", "2020-07-09", "--rubric", "club", "--score", "fun=4"],
    );
    p.exp_string("Food (food, 0").unwrap();
    // While the person thinks, another writer changes the meeting: it is not kept waiting.
    write_meanwhile(&l, &["record", "2020-07-09", "--minutes", "Theirs."]);
    let theirs = l.files();
    p.send_line("5").unwrap();
    p.exp_string("was changed by another command while you answered; nothing was written")
        .unwrap();
    p.exp_string("cellbook rate 2020-07-09 --rubric club --score food=5 --score fun=4")
        .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(theirs, l.files());
    // Unchanged meanwhile, the answer is saved.
    let mut p = session(
        &l,
        &["rate", "2020-07-09", "--rubric", "club", "--score", "fun=4"],
    );
    p.exp_string("Food (food, 0").unwrap();
    p.send_line("5").unwrap();
    p.exp_string("Total: 9/10").unwrap();
    p.exp_eof().unwrap();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("scores = { food = 5, fun = 4 }"), "{file}");
    assert!(file.contains("Theirs."), "{file}");
}

#[test]
fn answers_given_before_a_failure_are_printed_to_run_again() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--time", "14:00"]).ok();
    let mut p = session_with(
        &l,
        &["record", "2020-07-09"],
        &[("CELLBOOK_LOCK_TIMEOUT", "0")],
    );
    p.exp_string("Start time").unwrap();
    p.send_line("").unwrap();
    p.exp_string("End time").unwrap();
    p.send_line("15:40").unwrap();
    p.exp_string("Chair").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Minute-taker").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Present").unwrap();
    p.send(DOWN).unwrap();
    p.send(DOWN).unwrap();
    p.send(" ").unwrap(); // duc was absent
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("absent").unwrap();
    p.send_line("Đi công tác, 'xa'").unwrap();
    p.exp_string("Spoke").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Vote").unwrap();
    // Another writer holds the lock when the answers are to be written.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(l.path().join(".cellbook.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = l.files();
    p.send_line("3/0/0").unwrap();
    p.exp_string("nothing was changed").unwrap();
    p.exp_string("your answers are not lost").unwrap();
    let (_, line) = p.exp_regex("cellbook record [^\r\n]*").unwrap();
    p.exp_eof().unwrap();
    drop(lock);
    assert_eq!(before, l.files());
    // The line given runs as it is, and records what was answered. (rexpect hands back each
    // byte as a char: put the UTF-8 back together.)
    let line: Vec<u8> = line.chars().map(|c| c as u32 as u8).collect();
    let line = String::from_utf8(line).unwrap();
    let binary = assert_cmd::cargo::cargo_bin!("cellbook");
    let line = line.replacen("cellbook", &binary.display().to_string(), 1);
    let out = Command::new("sh")
        .arg("-c")
        .arg(&line)
        .current_dir(l.path())
        .env_remove("CELLBOOK_LEDGER")
        .env("CELLBOOK_TODAY", &l.today)
        .output()
        .unwrap();
    assert!(out.status.success(), "{line}: {out:?}");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.contains("{ member = \"duc\", reason = \"Đi công tác, 'xa'\" }"),
        "{file}"
    );
    assert!(
        file.contains("vote = { for = 3, against = 0, abstain = 0 }"),
        "{file}"
    );
}

#[test]
fn an_invalid_edit_cancelled_at_the_question_is_kept() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    let script = l.path().join("editor.sh");
    std::fs::write(&script, "echo 'title = \"open' >> \"$1\"\n").unwrap();
    let editor = format!("sh {}", script.display());
    let mut p = session_with(&l, &["edit", "2020-07-09"], &[("EDITOR", &editor)]);
    p.exp_string("E001").unwrap();
    p.exp_string("Open the editor again").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("cancelled; nothing was written").unwrap();
    let (_, kept) = p.exp_regex(r"your text is kept in [^\r\n]*").unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_file(&script);
    assert_eq!(before, l.files());
    let kept = kept.trim_start_matches("your text is kept in ").trim();
    let text = std::fs::read_to_string(kept).unwrap();
    assert!(text.contains("title = \"open"), "{text}");
    let _ = std::fs::remove_file(kept);
}
