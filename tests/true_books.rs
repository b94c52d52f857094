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
