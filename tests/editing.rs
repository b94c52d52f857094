//! The editor flow with a scripted `$EDITOR`: what is valid is saved, what is not is kept aside
//! and never saved over the good file.

use crate::util::{Ledger, Run, kept_text};

/// Run `cellbook` with `EDITOR` set to a shell script (given as its body).
fn with_editor(l: &Ledger, script: &str, args: &[&str]) -> Run {
    crate::util::with_editor(l, script, &[], args)
}

#[test]
fn a_new_meeting_starts_from_a_commented_template() {
    let l = Ledger::new("en").with_members();
    with_editor(
        &l,
        r#"sed -i 's/^# topics = .*/topics = ["Budget"]/' "$f""#,
        &["edit", "2020-07-09"],
    )
    .ok()
    .stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.starts_with("# A regular meeting on 2020-07-09."),
        "{file}"
    );
    assert!(file.contains("\ntopics = [\"Budget\"]\n"), "{file}");
    assert!(file.contains("# directives = "), "{file}");
    l.run(&["check"]).ok();
}

#[test]
fn a_thematic_template_differs() {
    let l = Ledger::new("en").with_members();
    with_editor(
        &l,
        r#"grep -q 'Present the paper' "$f"; sed -i 's/^# title = .*/title = "Theme"/' "$f""#,
        &["edit", "2020-07-20", "--kind", "thematic"],
    )
    .ok();
    assert!(
        l.read("meetings/2020/2020-07-20.toml")
            .contains("kind = \"thematic\"\ntitle = \"Theme\"")
    );
}

#[test]
fn an_invalid_edit_is_kept_aside_and_the_file_is_untouched() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--topic", "Budget"]).ok();
    let before = l.files();
    let run = with_editor(
        &l,
        r#"printf '[record]\npresent = ["ghost"]\n' >> "$f""#,
        &["edit", "2020-07-09"],
    )
    .fails(1);
    assert!(
        run.stderr
            .contains("error[E010]: no member has the id 'ghost'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("the edit is not valid, so it was not saved; your text is kept in"),
        "{}",
        run.stderr
    );
    assert_eq!(before, l.files());
    assert!(String::from_utf8_lossy(&kept_text(&run)).contains("\"ghost\""));
    // A TOML syntax error is located too.
    let run = with_editor(
        &l,
        r#"echo 'title = "open' >> "$f""#,
        &["edit", "2020-07-09"],
    )
    .fails(1);
    assert!(run.stderr.contains("2020-07-09.toml:"), "{}", run.stderr);
    assert!(run.stderr.contains("E001"), "{}", run.stderr);
    assert_eq!(before, l.files());
    assert!(String::from_utf8_lossy(&kept_text(&run)).contains("title = \"open"));
}

#[test]
fn a_failed_editor_or_an_empty_file_saves_nothing() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    with_editor(&l, "exit 3", &["edit", "2020-07-09"])
        .fails(1)
        .stderr_has("failed")
        .stderr_has("nothing was saved");
    with_editor(&l, r#": > "$f""#, &["edit", "2020-07-09"])
        .ok()
        .stdout_has("cancelled, nothing saved");
    with_editor(&l, "true", &["edit", "2020-07-09"])
        .ok()
        .stdout_has("No changes");
    assert_eq!(before, l.files());
}

#[test]
fn someone_else_s_change_during_the_edit_is_not_overwritten() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let meeting = l.path().join("meetings/2020/2020-07-09.toml");
    let script = format!(
        "sed -i '1i # mine' \"$f\"\nsed -i '1i # theirs' '{}'",
        meeting.display()
    );
    let run = with_editor(&l, &script, &["edit", "2020-07-09"])
        .fails(1)
        .stderr_has("changed by someone else");
    // The person's text is kept aside; read it (and tidy it away).
    assert!(String::from_utf8_lossy(&kept_text(&run)).starts_with("# mine\n"));
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .starts_with("# theirs\n")
    );
}

#[test]
fn record_edit_lets_the_person_fill_in_attendance() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let run = with_editor(
        &l,
        r#"grep -q 'Expected at the meeting (ids): "trinh", "hoa", "duc", "lan", "tam"' "$f"; sed -i 's/^present = \[\]/present = ["trinh", "hoa", "duc", "lan", "tam"]/' "$f""#,
        &[
            "record",
            "2020-07-09",
            "--edit",
            "--start",
            "14:00",
            "--end",
            "15:30",
        ],
    );
    run.ok().stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("start = 14:00:00\nend = 15:30:00\npresent = [\"trinh\", \"hoa\", \"duc\", \"lan\", \"tam\"]"), "{file}");
    l.run(&["check"]).ok();
}

#[test]
fn plan_edit_reviews_the_plan_before_it_is_saved() {
    let l = Ledger::new("en").with_members();
    with_editor(
        &l,
        r#"sed -i 's/^topics = \["A"\]/topics = ["A", "B"]/' "$f""#,
        &["plan", "2020-07-09", "--topic", "A", "--edit"],
    )
    .ok();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("topics = [\"A\", \"B\"]")
    );
}
