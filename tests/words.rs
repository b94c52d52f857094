//! Issue 15, items 3–5: Vietnamese output without English in it, one vocabulary, and the
//! points a meeting lost said in words.

use crate::util::{Ledger, held_meeting};

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
    held_meeting(lang, &[])
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

/// Every measure id a rubric file may hold: people read the measure's words instead.
const MEASURE_IDS: [&str; 15] = [
    "attendance_rate",
    "unexcused_absences",
    "max_excused_streak",
    "duration_minutes",
    "speakers_rate",
    "docs_lead_days",
    "committee_met",
    "draft_resolution",
    "minutes_recorded",
    "resolution_passed",
    "previous_actions_done_rate",
    "duration_short_minutes",
    "duration_ratio",
    "thematic_month",
    "leadership_size",
];

/// English words that have no business in a Vietnamese message (level keys among them).
const ENGLISH: [&str; 40] = [
    "the",
    "of",
    "is",
    "and",
    "not",
    "with",
    "meeting",
    "meetings",
    "unknown",
    "expected",
    "invalid",
    "missing",
    "field",
    "error",
    "warning",
    "points",
    "level",
    "good",
    "fair",
    "average",
    "poor",
    "usage",
    "options",
    "arguments",
    "possible",
    "values",
    "rating",
    "rated",
    "member",
    "members",
    "file",
    "folder",
    "cannot",
    "quarter",
    "month",
    "year",
    "total",
    "found",
    "such",
    "directory",
];

/// The English a Vietnamese output holds, with what may stay: commands and code in
/// backticks, a `cellbook …` command to type, flags, paths and file names, and a diagnostic's
/// location. Measure ids are looked for everywhere.
fn english_in(output: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in output.lines() {
        for id in MEASURE_IDS {
            if line.contains(id) {
                found.push(format!("{id}  ← {line}"));
            }
        }
        // A line of the file quoted under a diagnostic.
        let code = line.trim_start();
        if code.starts_with('|')
            || code
                .split_once(" |")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            continue;
        }
        // A diagnostic's location (`meetings/2020/x.toml:3:1: lỗi[E002]: …`).
        let line = match line.find(": lỗi[").or_else(|| line.find(": cảnh báo[")) {
            Some(at) => &line[at..],
            None => line,
        };
        // What is in backticks is code.
        let line: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        // So are a command to type (from `cellbook ` on) and the values a flag takes.
        let line = match line
            .find("cellbook ")
            .or_else(|| line.find("giá trị có thể:"))
        {
            Some(at) => &line[..at],
            None => &line,
        };
        // The command list of `--help` starts its lines with the commands' names.
        let commands = [
            "member", "list", "rate", "report", "record", "check", "status",
        ];
        let first = line.split_whitespace().next().unwrap_or_default();
        let skip = usize::from(commands.contains(&first));
        for token in line.split_whitespace().skip(skip) {
            if token.starts_with('-') || token.contains(['/', '.', '=', '_', '\'']) {
                continue;
            }
            for word in token.split(|c: char| !c.is_alphanumeric()) {
                if ENGLISH.contains(&word.to_lowercase().as_str()) {
                    found.push(format!("{word}  ← {line}"));
                }
            }
        }
    }
    found
}

#[test]
fn the_scan_finds_english_and_leaves_code_alone() {
    assert_eq!(english_in("Tổng: 86/100  Xếp loại: Khá").len(), 0);
    assert_eq!(english_in("  = gợi ý: xem `cellbook rubric show`").len(), 0);
    assert_eq!(
        english_in("   → cellbook plan NGÀY --kind thematic").len(),
        0
    );
    assert_eq!(english_in("│ 80 phút │ attendance_rate = 0.9").len(), 1);
    assert_eq!(english_in("lỗi: mức ghi là fair").len(), 1);
    assert_eq!(english_in("lỗi: unknown field, expected one of").len(), 4);
    // The file's own lines quoted under a diagnostic are the file's.
    assert_eq!(english_in("81 | level = \"good\"").len(), 0);
    assert_eq!(english_in("   |         ^^^^^^").len(), 0);
}

/// Run `args` and return what a person reads: stdout and stderr.
fn read(l: &Ledger, args: &[&str]) -> String {
    let run = l.run(args);
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    format!("{}{}", run.stdout, run.stderr)
}

/// The commands the scan runs on the example ledger: every reading command, and refusals and
/// usage errors.
const VIETNAMESE_RUNS: &[&[&str]] = &[
    &["status"],
    &["--help"],
    &["rate", "--help"],
    &["report", "--help"],
    &["record", "--help"],
    &["list"],
    &["list", "--quarter", "III/2020"],
    &["check"],
    &["show", "2020-07-09"],
    &["show", "2020-08-10"],
    &["show", "2020-09-24"],
    &["rate", "2020-08-10"],
    &["rubric", "list"],
    &["rubric", "show", "binh-thuan-2019"],
    &["rubric", "show", "hd42-2025"],
    &["rubric", "show", "phu-tho-2019"],
    &["report", "--quarter", "2020-Q3"],
    &["report", "--year", "2020"],
    &[
        "report",
        "--quarter",
        "2020-Q3",
        "--trend",
        "--format",
        "md",
    ],
    &["member", "list"],
    &["action", "list"],
    &["minutes", "2020-09-09"],
    &["notice", "--help"],
    &["notice", "2020-09-09"],
    &["notice", "2020-09-09", "--format", "md"],
    // The members' reviews (issue 13): lists, reports, forms and refusals.
    &["review", "--help"],
    &["review", "self", "--help"],
    &["review", "list", "2020"],
    &["review", "report", "2020"],
    &["review", "form", "lan", "2020"],
    &["review", "self", "lan", "2020", "--proposed", "excellent"],
    &["review", "self", "nobody", "2020", "--points", "80"],
    &[
        "review",
        "cell",
        "lan",
        "2020",
        "--level",
        "excellent",
        "--vote",
        "9/0/0",
    ],
    &["review", "open", "2020-Q5"],
    &["review", "cell", "lan", "2020", "--level", "bogus"],
    &["review", "self", "lan", "2020", "--proposed", "bogus"],
    // Refusals and usage errors.
    &["record", "2020-10-08", "--present", "all"],
    &["rate", "2020-11-01"],
    &["show", "2020-13-01"],
    &["list", "--quarter", "2020-Q5"],
    &["list", "--year", "20x0"],
    &["report", "--year", "2020-Q3"],
    &["check", "--only", "bogus"],
    &["rate", "2020-09-09", "--score", "x"],
    &["member", "set", "son", "--role", "boss"],
    &["member", "set", "lan", "--left", "2020-07-01"],
    &["record", "2020-09-09", "--vote", "20/0/0"],
    &["record", "2020-09-09", "--start", "25:00"],
    &["record", "2020-09-09", "--start", "15:00", "--end", "14:00"],
    &["action", "done", "2020-09-09/3", "--on", "2020-01-01"],
    &["rate", "2020-08-10", "--score", "bogus=1"],
    &["rate", "2020-08-10", "--score", "duration=5"],
    &["rate", "2020-08-10", "--score", "content=99"],
    &["rubric", "show", "nope"],
    &["rubric", "check", "no-such-file.toml"],
    &["member", "add", "Nguyễn Văn Thành", "--id", "thanh"],
    &["plan", "2020-09-09"],
    &["action", "done", "2020-08-10/9"],
    &[
        "record",
        "2020-09-09",
        "--present",
        "all",
        "--excused",
        "thanh=ốm",
    ],
];

#[test]
fn vietnamese_output_holds_no_english() {
    let l = Ledger::example().today("2020-10-05");
    let mut leaks = Vec::new();
    let mut scan = |l: &Ledger, args: &[&str]| {
        for leak in english_in(&read(l, args)) {
            leaks.push(format!("{}: {leak}", args.join(" ")));
        }
    };
    for args in VIETNAMESE_RUNS {
        scan(&l, args);
    }
    // Broken copies: a key in Vietnamese, a level changed by hand, TOML slips, a bad date.
    let file = "meetings/2020/2020-08-10.toml";
    let original = l.read(file);
    for (from, to) in [
        ("chair = \"thanh\"", "chu_tri = \"thanh\""),
        ("chair = \"thanh\"", "chair = thanh"),
        ("chair = \"thanh\"", "chair = \"thanh"),
        ("[record]", "[record"),
        ("chair = \"thanh\"", "chair = 5"),
        ("end = 15:20:00", "end = 25:20:00"),
        ("level = \"fair\"", "level = \"good\""),
        ("total = 86", "total = 90"),
        ("rubric = \"binh-thuan-2019\"", "rubric = \"nope\""),
    ] {
        assert!(original.contains(from), "{from}");
        l.write(file, &original.replacen(from, to, 1));
        scan(&l, &["check"]);
        scan(&l, &["show", "2020-08-10"]);
    }
    l.write(file, &original);
    // Broken rubric files.
    l.write(
        "rubrics/x.toml",
        "schema = 1\nid = \"x\"\nname = \"X\"\n[levels]\ngood = 8\nfair = 6\naverage = 4\n\
         [[criteria]]\nid = \"a\"\ntitle = \"A\"\nmaxx = 5\n",
    );
    l.write("rubrics/y.toml", "schema = 1\nid = \"y\"\nname = Y\n");
    scan(&l, &["rubric", "check", "rubrics/x.toml"]);
    scan(&l, &["rubric", "check", "rubrics/y.toml"]);
    assert!(
        leaks.is_empty(),
        "English in Vietnamese output:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn e002_names_the_unknown_key_the_known_ones_and_the_nearest_in_vietnamese() {
    let l = Ledger::example().today("2020-10-05");
    let file = "meetings/2020/2020-08-10.toml";
    l.write(
        file,
        &l.read(file)
            .replacen("chair = \"thanh\"", "chu_tri = \"thanh\"", 1),
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has(
            "lỗi[E002]: khóa `chu_tri` không có trong bảng này; các khóa hợp lệ: `start`, `end`, \
         `chair`, ",
        )
        .stderr_has("`actions`; có phải `chair`?");
    l.write(file, &l.read(file).replacen("chu_tri", "chiar", 1));
    l.run(&["check"]).fails(1).stderr_has("có phải `chair`?");
    l.run(&["--lang", "en", "check"])
        .fails(1)
        .stderr_has("error[E002]: unknown field `chiar`, expected one of `start`")
        .stderr_has("; did you mean `chair`?");
}

#[test]
fn e001_and_a_bad_date_in_a_file_are_said_in_vietnamese() {
    let l = Ledger::example().today("2020-10-05");
    let file = "meetings/2020/2020-08-10.toml";
    let original = l.read(file);
    l.write(file, &original.replacen("[record]", "[record", 1));
    l.run(&["check"])
        .fails(1)
        .stderr_has("lỗi[E001]: tên bảng chưa đóng; cần `]`");
    l.write(
        file,
        &original.replacen("end = 15:20:00", "end = 25:20:00", 1),
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has("lỗi[E001]: giờ không hợp lệ; cần giờ từ 00 đến 23");
    l.write(
        file,
        &original.replacen("date = 2020-08-10", "date = \"hôm qua\"", 1),
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has("lỗi[E002]: 'hôm qua' không phải là ngày: hãy viết 2020-07-09 hoặc 09/07/2020");
}

#[test]
fn e050_names_the_levels_in_words() {
    let l = Ledger::example().today("2020-10-05");
    let file = "meetings/2020/2020-08-10.toml";
    l.write(
        file,
        &l.read(file)
            .replacen("level = \"fair\"", "level = \"good\"", 1),
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has("lỗi[E050]: mức ghi là Tốt, nhưng theo bộ tiêu chí là Khá");
    l.run(&["--lang", "en", "check"])
        .fails(1)
        .stderr_has("error[E050]: the recorded level is Good, but the rubric gives Fair");
}

#[test]
fn a_file_that_cannot_be_read_is_said_in_vietnamese() {
    let l = Ledger::example().today("2020-10-05");
    l.run(&["rubric", "check", "khong-co.toml"])
        .fails(1)
        .stderr_has("không đọc được tệp: không tìm thấy tệp hoặc thư mục");
}

#[test]
fn rubric_show_speaks_vietnamese_and_the_builtin_is_no_ward_s() {
    let l = Ledger::example().today("2020-10-05");
    let run = l.run(&["rubric", "show", "hd42-2025"]).ok();
    let first = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "Mẫu phiếu năm 2025 – theo Hướng dẫn 42-HD/BTCTW (hd42-2025)"
    );
    assert!(!first.contains("Phường"), "{first}");
    let run = run
        .stdout_has("Mẫu phiếu đánh giá năm 2025 (chép từ Đảng ủy phường An Phú")
        .stdout_has("tỷ lệ dự sinh hoạt: từ 90% → 4;");
    assert!(!run.stdout.contains("The 2025 ward form"), "{}", run.stdout);
    l.run(&["rubric", "show", "binh-thuan-2019"])
        .ok()
        .stdout_has("Điều kiện để đạt Tốt: số vắng không lý do không quá 0\n");
    l.run(&["--lang", "en", "rubric", "show", "hd42-2025"])
        .ok()
        .stdout_has("The 2025 ward form")
        .stdout_has("attendance rate: at least 90% → 4;");
}

#[test]
fn a_new_roster_begins_with_a_comment_in_the_ledger_s_language() {
    let vi = Ledger::new("vi");
    assert!(
        vi.read("members.toml")
            .starts_with("# Danh sách đảng viên: thêm đảng viên bằng `cellbook member add"),
        "{}",
        vi.read("members.toml")
    );
    let en = Ledger::new("en");
    assert!(
        en.read("members.toml")
            .starts_with("# The roster: add members")
    );
}

#[test]
fn periods_meetings_and_numbers_read_one_way() {
    let l = Ledger::example().today("2020-10-05");
    let run = l
        .run(&["status"])
        .ok()
        .stdout_has("Tháng 10 năm 2020 chưa có buổi sinh hoạt thường kỳ nào")
        .stdout_has("Quý IV năm 2020 chưa có buổi sinh hoạt chuyên đề nào")
        .stdout_has("Quý III năm 2020 đã kết thúc");
    assert!(!run.stdout.contains("2020-Q"), "{}", run.stdout);
    assert!(!run.stdout.contains("cuộc"), "{}", run.stdout);
    l.run(&["rate", "2020-07-09"]).ok().stdout_has("┆ 77,8% ");
    l.run(&["record", "2020-10-08", "--present", "all"])
        .fails(1)
        .stderr_has("buổi sinh hoạt ngày 08/10/2020 chưa diễn ra");
    l.run(&["--lang", "en", "status"])
        .ok()
        .stdout_has("Q4 2020 has no thematic meeting yet");
}

#[test]
fn absent_members_are_listed_in_brackets_in_the_minutes() {
    let l = Ledger::example().today("2020-10-05");
    l.run(&[
        "record",
        "2020-09-09",
        "--present",
        "all",
        "--unexcused",
        "dung",
        "--vote",
        "8/0/0",
    ])
    .ok();
    l.run(&["minutes", "2020-09-09"])
        .ok()
        .stdout_has("Vắng không lý do:** 1 (Đinh Thị Dung)\n");
}

#[test]
fn quarter_help_names_the_forms_people_write() {
    let l = Ledger::new("en");
    for cmd in ["list", "report"] {
        l.run(&[cmd, "--help"])
            .ok()
            .stdout_has("2020-Q3, Q3/2020, III/2020, \"quý 3/2020\" or \"quý III năm 2020\"");
    }
    l.run(&["report", "--quarter", "quý III năm 2020"]).ok();
}

#[test]
fn spec_speaks_the_language_of_the_command_line() {
    let vi = Ledger::example().today("2020-10-05");
    let run = vi.run(&["spec"]).ok();
    assert!(
        run.stdout
            .starts_with("# Định dạng sổ cellbook, schema 1\n"),
        "{}",
        &run.stdout[..200.min(run.stdout.len())]
    );
    vi.run(&["--lang", "en", "spec"])
        .ok()
        .stdout_has("# The cellbook ledger format, schema 1\n");
    let en = Ledger::new("en");
    en.run(&["spec"])
        .ok()
        .stdout_has("# The cellbook ledger format");
}

/// The Vietnamese specification follows the English one: the same sections, the same codes,
/// and the same TOML examples (their comments aside).
#[test]
fn the_vietnamese_spec_keeps_up_with_the_english_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("docs").join(name)).unwrap();
    let (en, vi) = (read("ledger-format.md"), read("ledger-format.vi.md"));
    let sections = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("## ") || l.starts_with("### "))
            .map(|l| l.split_whitespace().nth(1).unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(sections(&en), sections(&vi));
    let codes = |text: &str| -> std::collections::BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| {
                w.len() == 4
                    && matches!(w.as_bytes()[0], b'E' | b'W' | b'R')
                    && w[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(codes(&en), codes(&vi));
    let toml_blocks = |text: &str| -> Vec<String> {
        text.split("```toml\n")
            .skip(1)
            .map(|b| {
                b.split("```")
                    .next()
                    .unwrap_or_default()
                    .lines()
                    .map(|l| l.split(" #").next().unwrap_or_default().trim_end())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    };
    assert_eq!(toml_blocks(&en), toml_blocks(&vi));
    assert!(!toml_blocks(&en).is_empty());
}

/// A wrong date or time typed at a prompt is answered in Vietnamese.
#[cfg(unix)]
#[test]
fn a_wrong_date_or_time_at_a_prompt_is_answered_in_vietnamese() {
    let l = Ledger::new("vi").with_members().today("2020-07-01");
    let mut cmd = l.command();
    cmd.args(["plan"])
        .env_remove("CELLBOOK_NO_PROMPT")
        .env_remove("VISUAL")
        .env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty");
    // The pty reads bytes one to a character.
    let bytes = |s: &str| s.bytes().map(char::from).collect::<String>();
    p.exp_string(&bytes("Ngày sinh hoạt")).unwrap();
    p.send_line("31/09/2020").unwrap();
    p.exp_string(&bytes("lịch không có ngày này")).unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    l.run(&["plan", "2020-07-09", "--time", "25:00"])
        .fails(2)
        .stderr_has("'25:00' không phải là giờ: hãy viết GG:PP, ví dụ 14:00");
}
