//! Edits that keep the books true (issue 15, items 13–15): no record of a meeting not held
//! yet, no stale record template, no stale rating.

use crate::util::{Ledger, assert_same, snapshot};

#[test]
fn a_meeting_after_today_is_not_recorded() {
    let l = Ledger::new("en").with_members();
    // Planning ahead is what plans are for.
    l.run(&["plan", "2020-12-10"]).ok();
    let before = snapshot(l.path());
    for meeting in ["2020-12-10", "2020-12-11", "next"] {
        l.run(&["record", meeting, "--present", "all"])
            .fails(1)
            .stderr_has("has not been held yet, so it cannot be recorded")
            .stderr_has("today is 2020-11-28")
            .stderr_has("cellbook plan");
        l.run(&["record", meeting, "--edit"])
            .fails(1)
            .stderr_has("has not been held yet");
    }
    assert_same(&before, &snapshot(l.path()), "a refused record");
    // Today itself is recorded.
    l.run(&["plan", "2020-11-28"]).ok();
    l.run(&["record", "2020-11-28", "--present", "all"]).ok();
    l.run(&["check"]).ok();
}

#[test]
fn a_meeting_after_today_is_refused_in_vietnamese() {
    let l = Ledger::new("vi").with_members();
    let before = snapshot(l.path());
    l.run(&["record", "2020-12-10", "--present", "all"])
        .fails(1)
        .stderr_has("chưa diễn ra nên chưa thể ghi biên bản")
        .stderr_has("hôm nay là");
    assert_same(&before, &snapshot(l.path()), "a refused record");
}

/// The lines of the commented `[record]` an edit of a planned meeting shows.
const TEMPLATE: [&str; 5] = [
    "Remove the # to record",
    "# [record]",
    "# chair = \"id\"",
    "# excused = [",
    "Expected at the meeting",
];

#[track_caller]
fn no_template(text: &str) {
    for line in TEMPLATE {
        assert!(!text.contains(line), "{line:?} left in:\n{text}");
    }
}

/// A planned meeting edited (its plan only), so its file keeps the commented `[record]`, and a
/// comment of the person's own at the top.
fn planned_and_edited() -> Ledger {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09", "--topic", "A"]).ok();
    crate::util::with_editor(
        &l,
        r#"sed -i -e '1i # Our note' -e 's/^topics = \["A"\]/topics = ["A", "B"] # B added/' "$f""#,
        &[],
        &["edit", "2020-07-09"],
    )
    .ok();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert_eq!(file.matches("# [record]").count(), 1, "{file}");
    l
}

#[test]
fn record_removes_the_template_an_edit_left() {
    let l = planned_and_edited();
    // Edited again, the template is not doubled.
    crate::util::with_editor(
        &l,
        r#"sed -i 's/# B added/# B added later/' "$f""#,
        &[],
        &["edit", "2020-07-09"],
    )
    .ok();
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert_eq!(file.matches("# [record]").count(), 1, "{file}");
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    let file = l.read("meetings/2020/2020-07-09.toml");
    no_template(&file);
    assert!(file.starts_with("# Our note\n"), "{file}");
    assert!(file.contains("# B added later\n"), "{file}");
    assert!(file.contains("\n[record]\n"), "{file}");
    l.run(&["check"]).ok();
}

#[test]
fn an_edit_that_uncomments_the_record_keeps_no_template() {
    let l = planned_and_edited();
    crate::util::with_editor(
        &l,
        r#"sed -i -e 's/^# \[record\]$/[record]/' -e 's/^# start = /start = /' -e 's/^# end = /end = /' -e 's/^# present = /present = /' "$f""#,
        &[],
        &["edit", "2020-07-09"],
    )
    .ok()
    .stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    no_template(&file);
    for kept in [
        "# Our note\n",
        "# B added\n",
        "[record]\nstart = 14:00:00\nend = 15:30:00\npresent = [",
    ] {
        assert!(file.contains(kept), "{kept:?} lost:\n{file}");
    }
    assert!(file.ends_with("\"tam\"]\n"), "{file}");
    l.run(&["check"]).ok();
}

#[test]
fn record_edit_keeps_no_template_nor_the_roll_hint() {
    let l = planned_and_edited();
    crate::util::with_editor(
        &l,
        r#"grep -q 'Expected at the meeting' "$f"; sed -i 's/^present = \[\]/present = ["trinh", "hoa", "duc", "lan", "tam"]/' "$f""#,
        &[],
        &["record", "2020-07-09", "--edit", "--start", "14:00", "--end", "15:30"],
    )
    .ok()
    .stdout_has("Saved 2020-07-09");
    let file = l.read("meetings/2020/2020-07-09.toml");
    no_template(&file);
    assert!(
        file.starts_with("# Our note\n") && file.contains("# B added\n"),
        "{file}"
    );
    l.run(&["check"]).ok();
}

/// The `[rating]` of a meeting file: its total and level lines.
fn rating_of(l: &Ledger, id: &str) -> String {
    let file = l.read(&format!("meetings/2020/{id}.toml"));
    let at = file.find("[rating]").expect("a rating");
    file[at..].to_owned()
}

#[test]
fn an_edit_of_a_rated_meeting_recomputes_its_rating() {
    let l = Ledger::example();
    let scores = "scores = { content = 24, criticism = 10, closing = 15, preparation = 15 }";
    assert!(rating_of(&l, "2020-09-24").contains("total = 99\nlevel = \"good\"\n"));
    // 30 minutes instead of 130: the measured duration loses its points.
    crate::util::with_editor(
        &l,
        r#"sed -i 's/^end = 16:10:00/end = 14:30:00/' "$f""#,
        &[],
        &["--lang", "en", "edit", "2020-09-24"],
    )
    .ok()
    .stdout_has("Saved 2020-09-24\nRating recomputed: 99 → 89 points, Good → Fair\n");
    let rating = rating_of(&l, "2020-09-24");
    assert!(
        rating.contains("total = 89\nlevel = \"fair\"\n"),
        "{rating}"
    );
    assert!(
        rating.contains(scores),
        "the raters' scores are kept: {rating}"
    );
    assert!(
        rating.contains("by = [\"thanh\", \"hoa\"]\non = 2020-09-25\n"),
        "{rating}"
    );
    let check = l
        .run(&["--lang", "en", "check"])
        .ok()
        .stdout_has("0 errors");
    assert!(!check.stdout.contains("E050"), "{}", check.stdout);
}

#[test]
fn record_on_a_rated_meeting_recomputes_its_rating() {
    let l = Ledger::example();
    l.run(&["record", "2020-09-09", "--end", "14:30"])
        .ok()
        .stdout_has("Đã tính lại xếp loại: 98 → 88 điểm, Tốt → Khá\n");
    let rating = rating_of(&l, "2020-09-09");
    assert!(
        rating.contains("total = 88\nlevel = \"fair\"\n"),
        "{rating}"
    );
    l.run(&["check"]).ok();
    // A change that leaves the rating as it was says nothing more.
    l.run(&[
        "--lang",
        "en",
        "record",
        "2020-09-09",
        "--guest",
        "Ông Khách",
    ])
    .ok()
    .stdout_has("Recorded the meeting of 2020-09-09 (2020-09-09): present 10/10 (100%)\n");
    let run = l.run(&[
        "--lang",
        "en",
        "record",
        "2020-09-09",
        "--guest",
        "Bà Khách",
    ]);
    assert!(!run.stdout.contains("Rating"), "{}", run.stdout);
    l.run(&["check"]).ok();
}

#[test]
fn a_change_that_leaves_a_score_owed_is_refused() {
    let l = Ledger::example();
    let before = snapshot(l.path());
    // Without an end time the duration is not measured: the raters owe its score.
    let run = crate::util::with_editor(
        &l,
        r#"sed -i '/^end = /d' "$f""#,
        &[],
        &["--lang", "en", "edit", "2020-07-09"],
    )
    .fails(1)
    .stderr_has("the meeting's rating cannot be recomputed:")
    .stderr_has("`duration`")
    .stderr_has("give that score in the file's [rating] scores");
    crate::util::kept_text(&run);
    assert_same(&before, &snapshot(l.path()), "a refused edit");
    l.run(&["check"]).ok();
}
