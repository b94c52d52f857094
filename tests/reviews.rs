//! The members' yearly review (issue 13): open → self → cell → decide → report, the levels at
//! each band edge with and without each condition, the limit on excellent ratings, refusals
//! that change nothing, the printable form, and a roll-up over two ledgers.

use serde_json::Value;

use crate::util::{Ledger, assert_same, run_in, snapshot};

/// Ten full members (a secretary, a deputy, eight members) and one probationary member admitted
/// in August: a cell that elects a committee.
const PEOPLE: [(&str, &str); 11] = [
    ("Dương Công Trinh", "trinh"),
    ("Nguyễn Thị Hoà", "hoa"),
    ("Đỗ Văn Đức", "duc"),
    ("Lê Thị Lan", "lan"),
    ("Phạm Văn Bình", "binh"),
    ("Trần Thị Mai", "mai"),
    ("Võ Văn Hùng", "hung"),
    ("Huỳnh Thị Cúc", "cuc"),
    ("Ngô Văn Sáu", "sau"),
    ("Bùi Thị Yến", "yen"),
    ("Phạm Minh Tâm", "tam"),
];

fn cell(lang: &str) -> Ledger {
    let l = Ledger::new(lang).today("2025-12-20");
    for (i, (name, id)) in PEOPLE.iter().enumerate() {
        let mut args = vec!["member", "add", name, "--id", id, "--joined", "2015-01-01"];
        match i {
            0 => args.extend(["--role", "secretary"]),
            1 => args.extend(["--role", "deputy"]),
            10 => {
                args.extend(["--probationary"]);
                args[6] = "2025-08-01";
            }
            _ => {}
        }
        l.run(&args).ok();
    }
    l
}

/// Every fact the conditions of the excellent level need, met.
const ALL_MET: [&str; 6] = [
    "--tasks-done",
    "100",
    "--tasks-on-time",
    "100",
    "--tasks-exceeded",
    "30",
];

fn self_points(l: &Ledger, who: &str, points: &str, extra: &[&str]) -> crate::util::Run {
    let mut args = vec!["review", "self", who, "2025", "--points", points];
    args.extend(extra);
    l.run(&args)
}

fn report_json(l: &Ledger, extra: &[&str]) -> Value {
    let mut args = vec!["review", "report", "2025", "--format", "json"];
    args.extend(extra);
    let out = l.run(&args).ok().stdout;
    serde_json::from_str(&out).expect("the report is JSON")
}

const GOOD: [&str; 7] = ["hoa", "duc", "lan", "binh", "mai", "cuc", "sau"];

/// Every member's self-assessment, the cell's vote and the decision, and the cell's own.
fn review_everyone(l: &Ledger) {
    l.run(&["review", "open", "2025"])
        .ok()
        .stdout_has("12 new files");
    let exceeded: Vec<&str> = [&ALL_MET[..4], &["--tasks-exceeded", "40"]].concat();
    self_points(
        l,
        "trinh",
        "95",
        &[&exceeded[..], &["--proposed", "excellent"]].concat(),
    )
    .ok()
    .stdout_has("The rules allow: Excellent");
    for id in GOOD {
        self_points(
            l,
            id,
            "80",
            &[&ALL_MET[..4], &["--proposed", "good"]].concat(),
        )
        .ok();
    }
    let late = [
        "--tasks-done",
        "100",
        "--tasks-on-time",
        "85",
        "--proposed",
        "complete",
    ];
    self_points(l, "hung", "60", &late).ok();
    self_points(l, "yen", "45", &["--proposed", "incomplete"]).ok();
    self_points(l, "tam", "80", &ALL_MET)
        .ok()
        .stdout_has("not classified");
    vote_and_decide(l);
}

/// The cell's vote and the committee's decision for everyone, and the cell's own review.
fn vote_and_decide(l: &Ledger) {
    let levels = [
        ("trinh", "excellent"),
        ("hung", "complete"),
        ("yen", "incomplete"),
    ];
    let all: Vec<(&str, &str)> = levels
        .into_iter()
        .chain(GOOD.iter().map(|id| (*id, "good")))
        .collect();
    for (id, level) in &all {
        l.run(&[
            "review",
            "cell",
            id,
            "2025",
            "--level",
            level,
            "--vote",
            "9/0/1",
            "--on",
            "2025-12-15",
        ])
        .ok();
        l.run(&[
            "review",
            "decide",
            id,
            "2025",
            "--level",
            level,
            "--on",
            "2026-01-10",
            "--by",
            "Đảng ủy phường",
        ])
        .ok();
    }
    self_points(l, "cell", "88", &ALL_MET)
        .ok()
        .stdout_has("The rules allow: Good");
    l.run(&[
        "review",
        "cell",
        "cell",
        "2025",
        "--level",
        "good",
        "--vote",
        "10",
        "--on",
        "2025-12-15",
    ])
    .ok();
    l.run(&[
        "review",
        "decide",
        "chi bộ",
        "2025",
        "--level",
        "good",
        "--on",
        "2026-01-10",
    ])
    .ok();
}

#[test]
fn a_year_of_a_cell_of_eleven_from_open_to_report() {
    let l = cell("en");
    review_everyone(&l);
    let r = report_json(&l, &[]);
    let c = &r["cells"][0];
    assert_eq!(c["members"].as_array().map(Vec::len), Some(11), "{r:#}");
    assert_eq!(c["totals"]["reviewed"], 11);
    assert_eq!(c["totals"]["done"], 11);
    let levels = &c["totals"]["levels"];
    assert_eq!(
        (
            &levels["excellent"],
            &levels["good"],
            &levels["complete"],
            &levels["incomplete"]
        ),
        (
            &Value::from(1),
            &Value::from(7),
            &Value::from(1),
            &Value::from(1)
        )
    );
    let trinh = c["members"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "trinh"))
        .expect("trinh");
    assert_eq!(trinh["self"]["points"], 95);
    assert_eq!(trinh["self"]["level"], "excellent");
    assert_eq!(trinh["cell"]["level"], "excellent");
    assert_eq!(trinh["cell"]["vote"]["for"], 9);
    assert_eq!(trinh["decided"]["level"], "excellent");
    assert_eq!(trinh["level"], "excellent");
    let tam = c["members"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "tam"))
        .expect("tam");
    assert_eq!(tam["unclassified"], true);
    assert_eq!(tam["level"], Value::Null);
    assert_eq!(c["collective"]["decided"]["level"], "good");
    assert_eq!(r["totals"]["reviewed"], 11);
    assert_eq!(r["period"]["label"], "2025");
    // The files are plain TOML a person can read; `check` finds nothing wrong.
    let trinh = l.read("reviews/2025/trinh.toml");
    assert!(trinh.contains("proposed = \"excellent\""), "{trinh}");
    assert!(
        trinh.contains("vote = { for = 9, against = 0, abstain = 1 }"),
        "{trinh}"
    );
    l.run(&["check", "--only", "reviews"]).ok();
    l.run(&["review", "list", "2025"])
        .ok()
        .stdout_has("Members reviewed: 11 (11 done)");
    // csv, md and html carry the same rows.
    let csv = l
        .run(&["review", "report", "2025", "--format", "csv"])
        .ok()
        .stdout;
    assert_eq!(csv.lines().count(), 1 + 12, "{csv}");
    assert!(csv.contains(",trinh,Dương Công Trinh,95,excellent,excellent,excellent,9,0,1,excellent,excellent,false,"), "{csv}");
    l.run(&["review", "report", "2025", "--format", "md"])
        .ok()
        .stdout_has("| trinh | Dương Công Trinh | 95 |");
    l.run(&["review", "report", "2025", "--format", "html"])
        .ok()
        .stdout_has("<td>Dương Công Trinh</td>");
}

#[test]
fn the_stages_come_in_order_and_status_reminds_of_what_is_missing() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    l.run(&["review", "cell", "lan", "--level", "good"])
        .fails(1)
        .stderr_has("self-assessment");
    l.run(&[
        "review",
        "decide",
        "lan",
        "--level",
        "good",
        "--on",
        "2026-01-10",
    ])
    .fails(1);
    self_points(&l, "lan", "80", &ALL_MET[..4]).ok();
    l.run(&["review", "cell", "lan", "--level", "good", "--vote", "9"])
        .ok();
    l.run(&["status", "--format", "json"])
        .ok()
        .stdout_has("\"reviews-open\"")
        .stdout_has("\"self_missing\": 11")
        .stdout_has("\"decision_missing\": 1");
    let l = l.today("2026-01-05");
    l.run(&["status"])
        .ok()
        .stdout_has("The review of the year 2025: 12/12 not done")
        .stdout_has("cellbook review list 2025");
}

#[test]
fn the_computed_level_at_each_band_edge_with_every_condition_met() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    let all: Vec<&str> = ALL_MET.to_vec();
    for (points, allowed, above) in [
        ("90", "Excellent", None),
        ("89", "Good", Some("excellent")),
        ("70", "Good", Some("excellent")),
        ("69", "Complete", Some("good")),
        ("50", "Complete", Some("good")),
        ("49", "Incomplete", Some("complete")),
    ] {
        self_points(&l, "lan", points, &all)
            .ok()
            .stdout_has(&format!("The rules allow: {allowed}"));
        let level = allowed.to_lowercase();
        self_points(&l, "lan", points, &["--proposed", &level]).ok();
        if let Some(above) = above {
            self_points(&l, "lan", points, &["--proposed", above])
                .fails(1)
                .stderr_has("[E072]")
                .stderr_has("needs at least");
        }
        // Reset the proposal for the next edge.
        self_points(&l, "lan", "0", &["--proposed", "incomplete"]).ok();
    }
}

#[test]
fn each_condition_caps_the_level() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    // (done, on time, exceeded, disciplined): one condition short at a time.
    let cases = [
        (("100", "100", "29", false), "95", "Good", "excellent"),
        (("100", "99", "30", false), "95", "Complete", "good"),
        (("100", "80", "30", false), "75", "Complete", "good"),
        (("100", "79", "30", false), "75", "Incomplete", "complete"),
        (("99", "100", "30", false), "55", "Incomplete", "complete"),
        (("100", "100", "30", true), "95", "Incomplete", "complete"),
    ];
    let who = ["duc", "lan", "binh", "mai", "cuc", "sau"];
    for (((done, on_time, exceeded, disciplined), points, allowed, refused), id) in
        cases.into_iter().zip(who)
    {
        let mut args = vec![
            "--tasks-done",
            done,
            "--tasks-on-time",
            on_time,
            "--tasks-exceeded",
            exceeded,
        ];
        if disciplined {
            args.push("--disciplined");
        }
        self_points(&l, id, points, &args)
            .ok()
            .stdout_has(&format!("The rules allow: {allowed}"));
        self_points(&l, id, points, &["--proposed", refused])
            .fails(1)
            .stderr_has("[E072]")
            .stderr_has("recorded:");
        self_points(&l, id, points, &["--proposed", &allowed.to_lowercase()]).ok();
    }
    // Undoing the discipline lifts the cap.
    self_points(&l, "sau", "95", &["--not-disciplined"])
        .ok()
        .stdout_has("The rules allow: Excellent");
    // A fact never recorded meets no condition, and says so.
    self_points(&l, "hung", "95", &["--proposed", "good"])
        .fails(1)
        .stderr_has("not recorded");
}

#[test]
fn levels_are_named_in_english_or_vietnamese_with_or_without_accents() {
    let l = cell("vi");
    l.run(&["review", "open", "2025"]).ok();
    for (name, key) in [
        ("Hoàn thành tốt nhiệm vụ", "good"),
        ("hoan thanh tot", "good"),
        ("HOÀN THÀNH NHIỆM VỤ", "complete"),
        ("khong hoan thanh nhiem vu", "incomplete"),
        ("Good", "good"),
    ] {
        self_points(
            &l,
            "lan",
            "80",
            &[&ALL_MET[..], &["--proposed", name]].concat(),
        )
        .ok();
        assert!(
            l.read("reviews/2025/lan.toml")
                .contains(&format!("proposed = \"{key}\"")),
            "{name}"
        );
    }
    self_points(&l, "lan", "80", &["--proposed", "tốt lắm"]).fails(2);
    // A member named without accents, and the cell by its Vietnamese name.
    self_points(&l, "duong cong trinh", "80", &ALL_MET)
        .ok()
        .stdout_has("Quy định cho phép: Hoàn thành tốt nhiệm vụ");
    self_points(&l, "chi bộ", "80", &ALL_MET).ok();
    assert!(l.read("reviews/2025/_cell.toml").contains("points = 80"));
}

#[test]
fn a_refused_proposal_leaves_every_file_as_it_was() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    self_points(
        &l,
        "lan",
        "85",
        &[&ALL_MET[..], &["--strengths", "Gương mẫu"]].concat(),
    )
    .ok();
    let before = snapshot(l.path());
    for args in [
        vec!["review", "self", "lan", "--proposed", "excellent"],
        vec!["review", "self", "lan", "--points", "101"],
        vec!["review", "self", "lan", "--score", "tasks=71"],
        vec!["review", "self", "lan", "--score", "nope=1"],
        vec![
            "review",
            "self",
            "lan",
            "--points",
            "80",
            "--score",
            "tasks=60",
            "--score",
            "general=30",
        ],
        vec!["review", "self", "tam", "--proposed", "good"],
        vec![
            "review",
            "cell",
            "lan",
            "--level",
            "excellent",
            "--vote",
            "9",
        ],
        vec![
            "review", "cell", "lan", "--level", "good", "--vote", "5/5/0",
        ],
        vec!["review", "cell", "lan", "--level", "good", "--vote", "11"],
        vec!["review", "self", "nobody", "--points", "80"],
        vec!["review", "self", "lan", "2024", "--points", "80"],
        vec!["review", "open", "2025-07"],
        vec!["review", "open", "2025", "--scheme", "../../etc/passwd"],
    ] {
        let run = l.run(&args);
        assert_ne!(run.code, 0, "{args:?} should be refused");
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert_same(&before, &snapshot(l.path()), &format!("{args:?}"));
    }
    l.run(&["review", "self", "lan", "--proposed", "excellent"])
        .fails(1)
        .stderr_has("propose at most Good (`good`)");
    l.run(&["review", "self", "tam", "--proposed", "good"])
        .fails(1)
        .stderr_has("[E078]");
    l.run(&[
        "review", "cell", "lan", "--level", "good", "--vote", "5/5/0",
    ])
    .fails(1)
    .stderr_has("[E075]")
    .stderr_has("5/10");
    // Comments a person wrote survive the tool's edits.
    let path = "reviews/2025/lan.toml";
    let text = l
        .read(path)
        .replace("[self]", "# Đồng chí Lan tự nhận xét\n[self]");
    l.write(path, &text);
    self_points(&l, "lan", "86", &[]).ok();
    let after = l.read(path);
    assert!(after.contains("# Đồng chí Lan tự nhận xét"), "{after}");
    assert!(
        after.contains("points = 86") && after.contains("Gương mẫu"),
        "{after}"
    );
}

#[test]
fn the_limit_on_excellent_ratings() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    let excellent: Vec<&str> = [&ALL_MET[..], &["--proposed", "excellent"]].concat();
    let good: Vec<&str> = [&ALL_MET[..], &["--proposed", "good"]].concat();
    for id in ["trinh", "hoa"] {
        self_points(&l, id, "95", &excellent).ok();
    }
    for id in ["duc", "lan", "binh", "mai", "cuc"] {
        self_points(&l, id, "80", &good).ok();
        l.run(&["review", "cell", id, "--level", "good", "--vote", "9"])
            .ok();
    }
    // Five rated good allow one excellent (20%).
    l.run(&[
        "review",
        "cell",
        "trinh",
        "--level",
        "excellent",
        "--vote",
        "9",
    ])
    .ok();
    assert!(!l.run(&["review", "list"]).ok().stdout.is_empty());
    l.run(&["check", "--only", "reviews"]).ok();
    // A second one is recorded, with a warning, and `check` reports it.
    let run = l
        .run(&[
            "review",
            "cell",
            "hoa",
            "--level",
            "excellent",
            "--vote",
            "9",
        ])
        .ok();
    assert!(run.stderr.contains("warning[E073]"), "{}", run.stderr);
    l.run(&["check", "--only", "reviews"])
        .fails(1)
        .stderr_has("error[E073]")
        .stderr_has("2 members rated excellent");
    l.run(&["review", "list"])
        .ok()
        .stdout_has("Excellent / at most: 2/1");
}

#[test]
fn check_finds_hand_edited_review_files() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    self_points(
        &l,
        "lan",
        "80",
        &[&ALL_MET[..], &["--proposed", "good"]].concat(),
    )
    .ok();
    let text = l
        .read("reviews/2025/lan.toml")
        .replace("tasks_on_time = 100", "tasks_on_time = 50");
    l.write("reviews/2025/lan.toml", &text);
    l.write(
        "reviews/2025/ghost.toml",
        "schema = 1\nperiod = \"2024\"\nmember = \"ghost\"\nscheme = \"qd366-2025\"\n",
    );
    l.write(
        "reviews/2025/duc.toml",
        "schema = 1\nperiod = \"2025\"\nmember = \"duc\"\nscheme = \"qd366-2025\"\n[self]\nscores = { tasks = 75 }\n",
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has("reviews/2025/lan.toml:")
        .stderr_has("error[E072]")
        .stderr_has("error[E070]")
        .stderr_has("error[E077]")
        .stderr_has("error[E071]");
}

#[test]
fn who_is_reviewed() {
    let l = cell("en");
    l.run(&[
        "member",
        "exempt",
        "sau",
        "--from",
        "2025-01-01",
        "--kind",
        "exempt",
        "--reason",
        "Tuổi cao",
    ])
    .ok();
    l.run(&[
        "member",
        "add",
        "Khách Tạm",
        "--id",
        "khach",
        "--joined",
        "2025-02-01",
        "--temporary",
    ])
    .ok();
    l.run(&["member", "set", "yen", "--left", "2024-12-01"])
        .ok();
    l.run(&["review", "open", "2025"])
        .ok()
        .stdout_has("not reviewed: Ngô Văn Sáu (exempted")
        .stdout_has("not reviewed: Khách Tạm (attends this cell temporarily");
    assert!(!l.path().join("reviews/2025/yen.toml").exists());
    assert!(!l.path().join("reviews/2025/sau.toml").exists());
    assert!(
        l.read("reviews/2025/tam.toml")
            .contains("unclassified = true")
    );
    // Opening again keeps what is there.
    self_points(&l, "lan", "80", &ALL_MET).ok();
    let lan = l.read("reviews/2025/lan.toml");
    l.run(&["review", "open", "2025"])
        .ok()
        .stdout_has("0 new files");
    assert_eq!(l.read("reviews/2025/lan.toml"), lan);
    // A period is judged by one scheme.
    let builtin = l.run(&["review", "list"]).ok();
    assert!(builtin.stdout.contains("366"));
    let scheme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/core/review/builtin/qd366-2025.toml"),
    )
    .expect("the built-in scheme")
    .replace("id = \"qd366-2025\"", "id = \"other\"");
    l.write("reviews/schemes/other.toml", &scheme);
    l.run(&["review", "open", "2025", "--scheme", "other"])
        .fails(1)
        .stderr_has("use the scheme 'qd366-2025'");
    l.run(&["review", "open", "2024", "--scheme", "other"])
        .ok()
        .stdout_has("(scheme: Quy định 366-QĐ/TW (2025))");
    assert!(
        l.read("reviews/2024/lan.toml")
            .contains("scheme = \"other\"")
    );
    // A quarter is a period too; the new member is not classified in it.
    l.run(&["review", "open", "2025-Q3"]).ok();
    assert!(
        l.read("reviews/2025-Q3/tam.toml")
            .contains("unclassified = true")
    );
}

#[test]
fn the_printable_self_assessment() {
    let l = cell("vi");
    l.run(&["review", "open", "2025"]).ok();
    self_points(
        &l,
        "lan",
        "92",
        &[
            &ALL_MET[..],
            &[
                "--strengths",
                "Gương mẫu, nhiệt tình",
                "--shortcomings",
                "Còn chậm báo cáo",
                "--causes",
                "Khối lượng công việc lớn",
                "--remedies",
                "Sắp xếp lại thời gian",
                "--proposed",
                "xuất sắc",
            ],
        ]
        .concat(),
    )
    .ok();
    let md = l.run(&["review", "form", "lan"]).ok().stdout;
    for needle in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "# BẢN KIỂM ĐIỂM ĐẢNG VIÊN",
        "NĂM 2025",
        "Lê Thị Lan",
        "## I. Ưu điểm",
        "Gương mẫu, nhiệt tình",
        "Còn chậm báo cáo",
        "Khối lượng công việc lớn",
        "Sắp xếp lại thời gian",
        "**Tổng điểm:** 92",
        "Hoàn thành xuất sắc nhiệm vụ",
        "NGƯỜI TỰ KIỂM ĐIỂM",
    ] {
        assert!(md.contains(needle), "lacks {needle:?}:\n{md}");
    }
    let html = l
        .run(&["review", "form", "lan", "2025", "--format", "html"])
        .ok()
        .stdout;
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<h1>BẢN KIỂM ĐIỂM ĐẢNG VIÊN<br>NĂM 2025</h1>"),
        "{html}"
    );
    assert!(html.contains("Gương mẫu, nhiệt tình") && html.contains("@page { size: A4"));
    l.run(&[
        "review",
        "form",
        "lan",
        "--format",
        "html",
        "--out",
        "kiem-diem.html",
    ])
    .ok();
    assert!(l.read("kiem-diem.html").contains("Lê Thị Lan"));
    l.run(&["review", "form", "lan", "--out", "reviews/2025/lan.toml"])
        .fails(1);
    // The cell's own collective report.
    l.run(&["review", "form", "cell"])
        .ok()
        .stdout_has("BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ");
}

#[test]
fn a_roll_up_over_two_ledgers() {
    let a = cell("en");
    review_everyone(&a);
    let b = cell("en");
    b.run(&["review", "open", "2025"]).ok();
    self_points(
        &b,
        "lan",
        "80",
        &[&ALL_MET[..], &["--proposed", "good"]].concat(),
    )
    .ok();
    let parent = tempfile::tempdir().expect("a folder");
    let out = run_in(
        parent.path(),
        "2026-01-20",
        &[
            "review",
            "report",
            "2025",
            "--format",
            "json",
            a.path().to_str().expect("utf-8"),
            b.path().to_str().expect("utf-8"),
        ],
    )
    .ok()
    .stdout;
    let r: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(r["cells"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["totals"]["reviewed"], 22);
    assert_eq!(r["totals"]["levels"]["good"], 8);
    assert_eq!(r["totals"]["levels"]["excellent"], 1);
    assert_eq!(r["cells"][1]["totals"]["done"], 0);
    // Without a period, the first word may be a ledger; a missing folder is an error.
    run_in(
        parent.path(),
        "2026-01-20",
        &["review", "report", a.path().to_str().expect("utf-8")],
    )
    .ok()
    .stdout_has("Members reviewed: 11 (11 done)");
    run_in(
        parent.path(),
        "2026-01-20",
        &["review", "report", "2025", "nowhere"],
    )
    .fails(1);
}

#[test]
fn the_self_assessment_in_an_editor_is_checked_before_it_is_saved() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    self_points(&l, "lan", "80", &ALL_MET).ok();
    crate::util::with_editor(
        &l,
        "sed -i 's/points = 80/points = 85/' \"$f\"\nprintf 'remedies = \"Đọc thêm\"\\n' >> \"$f\"",
        &[],
        &["review", "self", "lan", "--edit"],
    )
    .ok();
    let text = l.read("reviews/2025/lan.toml");
    assert!(
        text.contains("points = 85") && text.contains("Đọc thêm"),
        "{text}"
    );
    let before = snapshot(l.path());
    let run = crate::util::with_editor(
        &l,
        "printf 'proposed = \"excellent\"\\n' >> \"$f\"",
        &[],
        &["review", "self", "lan", "--edit"],
    )
    .fails(1)
    .stderr_has("[E072]");
    assert_same(&before, &snapshot(l.path()), "a refused edit");
    assert!(String::from_utf8_lossy(&crate::util::kept_text(&run)).contains("excellent"));
}

#[test]
fn dates_in_order_and_no_way_out_of_the_ledger() {
    let l = cell("en");
    l.run(&["review", "open", "2025"]).ok();
    self_points(&l, "lan", "80", &ALL_MET).ok();
    l.run(&[
        "review",
        "cell",
        "lan",
        "--level",
        "good",
        "--on",
        "2024-12-31",
    ])
    .fails(1)
    .stderr_has("is before");
    l.run(&[
        "review",
        "cell",
        "lan",
        "--level",
        "good",
        "--on",
        "2025-12-15",
    ])
    .ok();
    l.run(&[
        "review",
        "decide",
        "lan",
        "--level",
        "good",
        "--on",
        "2025-12-14",
    ])
    .fails(1)
    .stderr_has("is before");
    // A review folder that is a link out of the ledger is neither read nor written.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("a folder");
        std::os::unix::fs::symlink(outside.path(), l.path().join("reviews/2026")).expect("a link");
        l.run(&["review", "open", "2026"])
            .fails(1)
            .stderr_has("E006");
        assert_eq!(std::fs::read_dir(outside.path()).expect("read").count(), 0);
        l.run(&["review", "list", "2026"])
            .fails(1)
            .stderr_has("E006");
    }
}

#[test]
fn the_example_ledgers_year_of_reviews() {
    let l = Ledger::example().today("2021-01-20");
    l.run(&["check", "--only", "reviews"]).ok();
    let form = l.run(&["review", "form", "thanh", "2020"]).ok().stdout;
    insta::assert_snapshot!("example_form_thanh_md", form);
    let json = l
        .run(&["review", "report", "2020", "--format", "json"])
        .ok()
        .stdout;
    insta::assert_snapshot!("example_report_2020_json", json);
}

#[test]
fn a_refused_proposal_names_the_level_in_vietnamese_without_its_key() {
    let l = cell("vi");
    l.run(&["review", "open", "2025"]).ok();
    self_points(&l, "lan", "85", &ALL_MET).ok();
    let run = l.run(&["review", "self", "lan", "--proposed", "excellent"]);
    assert!(
        run.stderr
            .contains("đề xuất cao nhất là mức Hoàn thành tốt nhiệm vụ"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("good"), "{}", run.stderr);
}
