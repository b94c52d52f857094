//! Issue 15, items 3–5: Vietnamese output without English in it, one vocabulary, and the
//! points a meeting lost said in words.

use crate::util::Ledger;

/// The raters' scores for a Vietnamese hd42-2025 ledger's first meeting (see `HD42_SCORES`).
const SCORES: [&str; 12] = [
    "prep-content=3",
    "prep-notice=1",
    "procedure=5",
    "content=10",
    "criticism=2",
    "thinking=1",
    "conduct-docs=1",
    "chairing=8",
    "principles=5",
    "closing-minutes=2",
    "closing-posted=1",
    "results=27",
];

/// A Vietnamese ledger (hd42-2025) whose first meeting is recorded without minutes text.
fn first_meeting_without_minutes(lang: &str) -> Ledger {
    let l = Ledger::new(lang).with_members().today("2020-07-20");
    l.run(&[
        "plan",
        "2020-07-09",
        "--docs-sent",
        "2020-07-07",
        "--committee-met",
        "2020-07-06",
        "--draft-resolution",
    ])
    .ok();
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--present",
        "all",
        "--spoke",
        "all",
        "--vote",
        "4/0/0",
    ])
    .ok();
    l
}

fn rate_args() -> Vec<&'static str> {
    let mut args = vec!["rate", "2020-07-09"];
    for s in SCORES {
        args.extend(["--score", s]);
    }
    args
}

#[test]
fn the_rating_sheet_says_why_points_were_lost_in_vietnamese() {
    let l = first_meeting_without_minutes("vi");
    let run = l
        .run(&rate_args())
        .ok()
        .stdout_has("Lý do bị trừ điểm:\n")
        .stdout_has("  Chưa ghi diễn biến trong biên bản: −1\n")
        .stdout_has(
            "  Người đánh giá chấm “Người chủ trì điều hành linh hoạt, định hướng thảo luận, \
             phát huy dân chủ, kết luận” 8/10: −2\n",
        )
        .stdout_has("Không tính được tỷ lệ việc kỳ trước đã xong từ biên bản");
    // The measured column holds values as people read them, not measure ids.
    assert!(!run.stdout.contains("minutes_recorded"), "{}", run.stdout);
    assert!(!run.stdout.contains(" = "), "{}", run.stdout);
    // `show` gives the same reasons under the rating.
    l.run(&["show", "2020-07-09"])
        .ok()
        .stdout_has("  Lý do bị trừ điểm:\n    Chưa ghi diễn biến trong biên bản: −1\n");
    // With the proceedings written, that point comes back and the line goes.
    l.run(&["record", "2020-07-09", "--minutes", "Diễn biến."])
        .ok();
    let run = l.run(&rate_args()).ok();
    assert!(!run.stdout.contains("Chưa ghi diễn biến"), "{}", run.stdout);
}

#[test]
fn the_rating_sheet_says_why_points_were_lost_in_english() {
    let l = first_meeting_without_minutes("en");
    l.run(&rate_args())
        .ok()
        .stdout_has("Why points were lost:\n")
        .stdout_has("  No proceedings were written in the minutes: −1\n")
        .stdout_has("  The raters gave chairing 8 of 10: −2\n");
    l.run(&["show", "2020-07-09"]).ok().stdout_has(
        "  Why points were lost:\n    No proceedings were written in the minutes: −1\n",
    );
}

#[test]
fn a_measured_loss_names_the_fact_and_what_full_marks_need() {
    let l = Ledger::example().today("2020-10-05");
    l.run(&["rate", "2020-08-10"])
        .ok()
        .stdout_has("┆ 80 phút ")
        .stdout_has("┆ 55,6% ")
        .stdout_has("  Buổi sinh hoạt kéo dài 80 phút (cần từ 90 phút): −5\n")
        .stdout_has("  Người đánh giá chấm “Chuẩn bị sinh hoạt” 13/15: −2\n");
}
