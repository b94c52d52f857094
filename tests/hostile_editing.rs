//! Issue 11, the editor's share: what a person typed is never lost when the save fails (3),
//! `--edit` opens on the other flags' result (4), and a BOM or NFD file is no false conflict
//! (7). Each refusal leaves every ledger file byte-identical.

use std::fs;
use std::path::Path;

use crate::util::{Ledger, kept_text, with_editor};

/// An edit that makes the meeting's title "Mine": valid, so only the save can fail.
const TITLE_MINE: &str = r#"sed -i 's/^kind = "regular"$/kind = "regular"\ntitle = "Mine"/' "$f""#;

fn planned() -> Ledger {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--topic", "Budget"]).ok();
    l
}

fn set_readonly(path: &Path, readonly: bool) {
    let mut p = fs::metadata(path).expect("metadata").permissions();
    p.set_readonly(readonly);
    fs::set_permissions(path, p).expect("chmod");
}

#[test]
fn a_read_only_meeting_file_keeps_the_edit_and_names_where() {
    let l = planned();
    let meeting = l.path().join("meetings/2020/2020-07-09.toml");
    set_readonly(&meeting, true);
    let before = l.files();
    let run = with_editor(&l, TITLE_MINE, &[], &["edit", "2020-07-09"])
        .fails(1)
        .stderr_has("is marked read-only")
        .stderr_has("the edit was not saved in the ledger; your text is kept in")
        .stderr_has("`cellbook edit 2020-07-09` again");
    assert_eq!(before, l.files());
    let kept = String::from_utf8(kept_text(&run)).expect("UTF-8");
    assert!(kept.contains("title = \"Mine\""), "{kept}");
    set_readonly(&meeting, false);
}

#[test]
fn a_held_lock_keeps_the_edit_and_names_where() {
    let l = planned();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(l.path().join(".cellbook.lock"))
        .expect("open the lock");
    lock.lock().expect("take the lock");
    let before = l.files();
    let run = with_editor(
        &l,
        TITLE_MINE,
        &[("CELLBOOK_LOCK_TIMEOUT", "0")],
        &["edit", "2020-07-09"],
    )
    .fails(1)
    .stderr_has(".cellbook.lock")
    .stderr_has("your text is kept in");
    assert_eq!(before, l.files());
    let kept = String::from_utf8(kept_text(&run)).expect("UTF-8");
    assert!(kept.contains("title = \"Mine\""), "{kept}");
    drop(lock);
    // The same for `record --edit`, whose text is the flags' result even when untouched.
    // (`plan --edit` takes the lock before the editor opens, to choose the meeting's id, so
    // a held lock refuses it before anything is typed.)
    let lock = fs::File::open(l.path().join(".cellbook.lock")).expect("open the lock");
    lock.lock().expect("take the lock");
    let run = with_editor(
        &l,
        "true",
        &[("CELLBOOK_LOCK_TIMEOUT", "0")],
        &["record", "2020-07-09", "--present", "all", "--edit"],
    )
    .fails(1)
    .stderr_has("your text is kept in");
    assert_eq!(before, l.files());
    let kept = String::from_utf8(kept_text(&run)).expect("UTF-8");
    assert!(
        kept.contains("present = [\"trinh\", \"hoa\", \"duc\", \"lan\", \"tam\"]"),
        "{kept}"
    );
}

#[test]
fn a_latin1_byte_in_the_edit_is_refused_and_the_edit_kept() {
    let l = planned();
    let before = l.files();
    // "Café" saved by an editor set to Latin-1: é is the single byte 0xE9.
    let run = with_editor(
        &l,
        r#"printf 'title = "Caf\351"\n' > "$f.new"; cat "$f" >> "$f.new"; mv "$f.new" "$f""#,
        &[],
        &["edit", "2020-07-09"],
    )
    .fails(1)
    .stderr_has("2020-07-09.toml:1:")
    .stderr_has("E003")
    .stderr_has("your text is kept in");
    assert_eq!(before, l.files());
    let kept = kept_text(&run);
    assert!(kept.starts_with(b"title = \"Caf\xe9\"\n"), "{kept:?}");
}

#[test]
fn record_edit_saves_the_flags_when_the_editor_changes_nothing() {
    let l = planned();
    with_editor(
        &l,
        "true",
        &[],
        &[
            "record",
            "2020-07-09",
            "--present",
            "all",
            "--start",
            "14:00",
            "--end",
            "16:00",
            "--edit",
        ],
    )
    .ok()
    .stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(
        file.contains("start = 14:00:00\nend = 16:00:00\npresent = [\"trinh\", \"hoa\", \"duc\", \"lan\", \"tam\"]"),
        "{file}"
    );
    l.run(&["check"]).ok();
    // Without flags there is nothing to save.
    let before = l.files();
    with_editor(&l, "true", &[], &["record", "2020-07-09", "--edit"])
        .ok()
        .stdout_has("No changes");
    assert_eq!(before, l.files());
}

#[test]
fn plan_edit_saves_the_flags_when_the_editor_changes_nothing() {
    let l = Ledger::new("en").with_members();
    with_editor(
        &l,
        "true",
        &[],
        &["plan", "2020-07-09", "--topic", "X", "--edit"],
    )
    .ok()
    .stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("topics = [\"X\"]"), "{file}");
    l.run(&["check"]).ok();
    // `edit` on a free date has no flags: an untouched template saves nothing.
    let before = l.files();
    with_editor(&l, "true", &[], &["edit", "2020-08-09"])
        .ok()
        .stdout_has("No changes");
    assert_eq!(before, l.files());
}

#[test]
fn record_edit_on_a_bom_or_nfd_file_is_no_conflict() {
    let nfd = "Phòng họp".chars().collect::<String>();
    let nfd = unicode_decomposed(&nfd);
    for (what, rewrite) in [
        (
            "BOM",
            Box::new(|t: &str| format!("\u{feff}{t}")) as Box<dyn Fn(&str) -> String>,
        ),
        (
            "NFD",
            Box::new(move |t: &str| format!("{t}place = \"{nfd}\"\n")),
        ),
    ] {
        let l = planned();
        let path = "meetings/2020/2020-07-09.toml";
        l.write(path, &rewrite(&l.read(path)));
        l.run(&["check"]).ok();
        let run = with_editor(
            &l,
            TITLE_MINE,
            &[],
            &["record", "2020-07-09", "--present", "all", "--edit"],
        );
        assert!(
            !run.stderr.contains("changed by someone else"),
            "{what}: {}",
            run.stderr
        );
        run.ok().stdout_has("Saved 2020-07-09");
        assert!(l.read(path).contains("title = \"Mine\""), "{what}");
        l.run(&["check"]).ok();
    }
}

/// Decompose the Vietnamese letters used in the tests (NFD), without a Unicode library.
fn unicode_decomposed(s: &str) -> String {
    s.replace('ò', "o\u{300}").replace('ọ', "o\u{323}")
}
