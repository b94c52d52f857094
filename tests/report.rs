//! `cellbook report` and `cellbook minutes`: every format of the example's third quarter as
//! snapshots, a roll-up over several cells, escaping, and the refusals.

use serde_json::Value;

use crate::util::{HD42_SCORES, Ledger, Run};

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

/// Give a ledger made by `Ledger::new` its own cell name.
fn rename(l: &Ledger, name: &str) {
    let text = l.read("cellbook.toml");
    let quoted = toml::Value::String(name.into()).to_string();
    l.write(
        "cellbook.toml",
        &text.replace("name = \"Chi bộ Thử\"", &format!("name = {quoted}")),
    );
}

fn record(l: &Ledger, date: &str, kind: &str) {
    l.run(&[
        "plan",
        date,
        "--kind",
        kind,
        "--docs-sent",
        date,
        "--committee-met",
        date,
        "--draft-resolution",
    ])
    .ok();
    l.run(&[
        "record",
        date,
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--chair",
        "trinh",
        "--minute-taker",
        "hoa",
        "--present",
        "all",
        "--spoke",
        "all",
        "--vote",
        "4/0/0",
        "--conclusion",
        "Thống nhất",
    ])
    .ok();
}

fn rate(l: &Ledger, date: &str) {
    let mut args = vec!["rate", date, "--on", date];
    args.extend(HD42_SCORES);
    l.run(&args).ok();
}

#[test]
fn the_example_quarter_as_a_table() {
    let l = Ledger::example();
    let run = l.run(&["report", "--quarter", "2020-Q3"]).ok();
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 100),
        "wider than 100 columns:\n{}",
        run.stdout
    );
    insta::assert_snapshot!("q3_table", run.stdout);
    // --last-quarter on 2020-11-28 is the same quarter.
    let last = l.run(&["report", "--last-quarter"]).ok();
    assert_eq!(last.stdout, run.stdout);
}

#[test]
fn the_example_quarter_as_json_has_the_figures_of_the_files() {
    let l = Ledger::example();
    let run = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "json"])
        .ok();
    insta::assert_snapshot!("q3_json", run.stdout);
    let v = json(&run);
    assert_eq!(v["period"]["label"], "2020-Q3");
    assert_eq!(v["period"]["start"], "2020-07-01");
    assert_eq!(v["period"]["end"], "2020-09-30");
    let cells = v["cells"].as_array().expect("cells");
    assert_eq!(cells.len(), 1);
    let c = &cells[0];
    assert_eq!(c["name"], "Chi bộ 7 Kho bạc Nhà nước Thuận Bắc");
    let t = &c["totals"];
    assert_eq!(t["held"], 4);
    assert_eq!(t["regular_held"], 3);
    assert_eq!(t["thematic_held"], 1);
    assert_eq!(t["planned_only"], 0);
    assert_eq!(t["rated"], 4);
    // Rated with binh-thuan-2019 (the example's 2020 rubric): 99, 86, 98, 99.
    assert_eq!(t["levels"]["good"], 3);
    assert_eq!(t["levels"]["fair"], 1);
    assert_eq!(t["levels"]["average"], 0);
    assert_eq!(t["levels"]["poor"], 0);
    // 9/9 + 9/10 + 10/10 + 11/11 (son, exempt, came to the thematic meeting).
    assert_eq!(t["attendance_rate"], 39.0 / 40.0);
    assert_eq!(c["compliance"]["ok"], true);
    assert_eq!(c["compliance"]["regular_required"], 1);
    assert_eq!(c["compliance"]["short_months"], serde_json::json!([]));
    // As of 2020-09-30: 2020-09-09/3 (due 15/10) and 2020-09-24/2 (done 08/10) were open.
    assert_eq!(c["actions"]["open"], 2);
    assert_eq!(c["actions"]["overdue"], 0);
    assert_eq!(c["directives"]["count"], 6);
    assert!(c.get("year").is_none());
    let m = &c["meetings"][1];
    assert_eq!(m["id"], "2020-08-10");
    assert_eq!(m["kind"], "regular");
    assert_eq!(m["status"], "rated");
    assert_eq!(m["attendance"]["counted"], 10);
    assert_eq!(m["attendance"]["present"], 9);
    assert_eq!(m["attendance"]["excused"], 1);
    assert_eq!(m["attendance"]["rate"], 0.9);
    assert_eq!(m["duration_minutes"], 80);
    assert_eq!(m["score"], 86);
    assert_eq!(m["level"], "fair");
    assert_eq!(v["totals"], c["totals"]);
}

/// A CSV file is for a person opening it in Excel: it starts with the byte-order mark unless
/// `--no-bom`; stdout is for scripts: plain UTF-8 unless `--bom`.
#[test]
fn a_csv_file_starts_with_the_bom_and_stdout_does_not() {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let l = Ledger::example();
    let q3 = ["report", "--quarter", "2020-Q3", "--format", "csv"];
    let plain = l.run(&q3).ok().stdout;
    assert!(!plain.as_bytes().starts_with(BOM), "stdout: {plain:?}");
    let file = |extra: &[&str]| {
        let path = l.path().join("q3.csv");
        let _ = std::fs::remove_file(&path);
        let mut args = q3.to_vec();
        args.extend(["--out", "q3.csv"]);
        args.extend(extra);
        l.run(&args).ok();
        std::fs::read(&path).expect("the CSV file")
    };
    let with = [BOM, plain.as_bytes()].concat();
    assert_eq!(file(&[]), with);
    assert_eq!(file(&["--bom"]), with);
    assert_eq!(file(&["--no-bom"]), plain.as_bytes());
    let mut args = q3.to_vec();
    args.push("--no-bom");
    assert_eq!(l.run(&args).ok().stdout, plain);
    args.push("--bom");
    l.run(&args).fails(2).stderr_has("--bom");
    l.run(&["report", "--last-quarter", "--no-bom", "--out", "r.md"])
        .fails(2)
        .stderr_has("--no-bom");
    assert!(!l.path().join("r.md").exists());
}

#[test]
fn the_example_quarter_as_csv_md_and_html() {
    let l = Ledger::example();
    let csv = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "csv"])
        .ok();
    insta::assert_snapshot!("q3_csv", csv.stdout);
    assert_eq!(csv.stdout.lines().count(), 5);
    let bom = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "csv", "--bom"])
        .ok();
    assert_eq!(bom.stdout, format!("\u{feff}{}", csv.stdout));

    let md = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "md"])
        .ok();
    insta::assert_snapshot!("q3_md", md.stdout);

    let html = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "html"])
        .ok()
        .stdout_has("ĐẢNG CỘNG SẢN VIỆT NAM")
        .stdout_has("ĐẢNG BỘ KHO BẠC NHÀ NƯỚC NINH THUẬN")
        .stdout_has("<svg")
        .stdout_has("Nguyễn Văn Thành");
    assert!(!html.stdout.contains("<script"), "{}", html.stdout);
    insta::assert_snapshot!("q3_html", html.stdout);
}

#[test]
fn a_year_adds_the_years_level() {
    let l = Ledger::example();
    let v = json(
        &l.run(&["report", "--year", "2020", "--format", "json"])
            .ok(),
    );
    let c = &v["cells"][0];
    // The ledger began in July: the year is classified on its six months, where the rules'
    // seven of twelve become four of six; three rated months are not enough.
    assert_eq!(c["year"]["level"], "poor");
    assert_eq!(c["year"]["months"].as_array().map(Vec::len), Some(3));
    assert_eq!(c["year"]["months"][0]["month"], 7);
    assert_eq!(c["year"]["months"][0]["level"], "good");
    let short = c["compliance"]["short_months"].as_array().expect("list");
    // Only October: the months before the ledger began in July are not short, and November
    // is not over.
    assert_eq!(short.len(), 1, "{short:?}");
    assert_eq!(short[0], "2020-10");
    assert_eq!(c["compliance"]["short_quarters"], serde_json::json!([]));
    assert_eq!(c["compliance"]["ok"], false);
    l.run(&["report", "--year", "2020"])
        .ok()
        .stdout_has("Xếp loại cả năm: Kém");
}

#[test]
fn only_the_period_is_read() {
    let l = Ledger::example();
    // Broken files outside the period, in another year and in the same year: never parsed.
    l.write("meetings/2019/2019-05-02.toml", "this is = = not toml");
    l.write("meetings/2020/2020-12-01.toml", "schema = 1\ndate = [");
    l.run(&["report", "--quarter", "2020-Q3"]).ok();
    l.run(&["report", "--year", "2020"]).fails(1);
    std::fs::remove_file(l.path().join("meetings/2020/2020-12-01.toml")).unwrap();
    l.run(&["report", "--year", "2020"]).ok();
}

#[test]
fn a_rollup_reports_each_cell_and_sums_them() {
    let example = Ledger::example();
    // A cell with no meeting in the quarter (its ledger began in June; the next meeting is in
    // October), so every month of the quarter is short.
    let quiet = Ledger::new("vi").with_members();
    rename(&quiet, "Chi bộ Yên Tĩnh");
    record(&quiet, "2020-06-05", "regular");
    record(&quiet, "2020-10-05", "regular");
    // A cell that missed August: its August meeting was planned, never held.
    let gappy = Ledger::new("vi").with_members();
    rename(&gappy, "Chi bộ Thiếu Tháng");
    gappy.run(&["plan", "2020-08-15"]).ok();
    record(&gappy, "2020-07-09", "regular");
    record(&gappy, "2020-09-10", "regular");
    record(&gappy, "2020-09-20", "thematic");
    rate(&gappy, "2020-07-09");
    rate(&gappy, "2020-09-10");

    let ledgers = [
        example.path().to_str().unwrap(),
        quiet.path().to_str().unwrap(),
        gappy.path().to_str().unwrap(),
    ];
    let mut args = vec!["report", "--quarter", "2020-Q3", "--format", "json"];
    args.extend(ledgers);
    // Run from somewhere that is not a ledger: the LEDGER arguments are what counts.
    let run = crate::util::run_in(std::env::temp_dir().as_path(), "2020-11-28", &args).ok();
    let v = json(&run);
    let cells = v["cells"].as_array().expect("cells");
    let names: Vec<&str> = cells.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Chi bộ 7 Kho bạc Nhà nước Thuận Bắc",
            "Chi bộ Yên Tĩnh",
            "Chi bộ Thiếu Tháng"
        ]
    );

    assert_quiet_cell(&cells[1]);
    assert_gappy_cell(&cells[2]);
    // The totals are the cells' sums; the rate is Σ present ÷ Σ counted (39/40 and 15/15).
    assert_totals_are_sums(&v);
    let t = &v["totals"];
    assert_eq!(t["held"], 7);
    assert_eq!(t["rated"], 6);
    assert_eq!(t["attendance_rate"], 54.0 / 55.0);

    // The printed forms show every cell and the totals.
    let mut args = vec!["report", "--quarter", "2020-Q3"];
    args.extend(ledgers);
    let table = example.run(&args).ok();
    for needle in [
        "Chi bộ Yên Tĩnh",
        "Chi bộ Thiếu Tháng",
        "TỔNG HỢP — 3 chi bộ",
        "Tổng cộng",
        "tháng 8 năm 2020",
    ] {
        assert!(table.stdout.contains(needle), "{needle}:\n{}", table.stdout);
    }
    args.extend(["--format", "html"]);
    example
        .run(&args)
        .ok()
        .stdout_has("<h1>BẢN TỔNG HỢP<br>Kết quả sinh hoạt của các chi bộ quý III năm 2020</h1>")
        .stdout_has("Chi bộ Thiếu Tháng");
}

/// A cell with no meeting in the quarter: nothing held, every month and the quarter short.
fn assert_quiet_cell(quiet_c: &Value) {
    assert_eq!(quiet_c["meetings"], serde_json::json!([]));
    assert_eq!(quiet_c["totals"]["held"], 0);
    assert_eq!(quiet_c["totals"]["attendance_rate"], Value::Null);
    assert_eq!(
        quiet_c["compliance"]["short_months"],
        serde_json::json!(["2020-07", "2020-08", "2020-09"])
    );
    assert_eq!(
        quiet_c["compliance"]["short_quarters"],
        serde_json::json!(["2020-Q3"])
    );
}

/// A cell that missed August: short that month, one meeting planned only, one not yet rated.
fn assert_gappy_cell(gap: &Value) {
    assert_eq!(gap["compliance"]["ok"], false);
    assert_eq!(
        gap["compliance"]["short_months"],
        serde_json::json!(["2020-08"])
    );
    assert_eq!(gap["compliance"]["short_quarters"], serde_json::json!([]));
    assert_eq!(
        gap["compliance"]["unrecorded"],
        serde_json::json!(["2020-08-15"])
    );
    assert_eq!(
        gap["compliance"]["unrated"],
        serde_json::json!(["2020-09-20"])
    );
    assert_eq!(gap["totals"]["held"], 3);
    assert_eq!(gap["totals"]["planned_only"], 1);
    assert_eq!(gap["totals"]["rated"], 2);
    let planned = &gap["meetings"][1];
    assert_eq!(planned["status"], "planned");
    assert_eq!(planned["attendance"], Value::Null);
    assert_eq!(planned["score"], Value::Null);
    assert_eq!(planned["level"], Value::Null);
    assert_eq!(planned["duration_minutes"], Value::Null);
}

/// The roll-up's totals and level counts are the sums of the cells'.
fn assert_totals_are_sums(v: &Value) {
    let cells = v["cells"].as_array().expect("cells");
    let t = &v["totals"];
    for key in [
        "held",
        "regular_held",
        "thematic_held",
        "planned_only",
        "rated",
    ] {
        let sum: u64 = cells
            .iter()
            .map(|c| c["totals"][key].as_u64().unwrap())
            .sum();
        assert_eq!(t[key].as_u64(), Some(sum), "{key}");
    }
    for level in ["good", "fair", "average", "poor"] {
        let sum: u64 = cells
            .iter()
            .map(|c| c["totals"]["levels"][level].as_u64().unwrap())
            .sum();
        assert_eq!(t["levels"][level].as_u64(), Some(sum), "{level}");
    }
}

#[test]
fn html_and_markdown_print_hostile_names_as_text() {
    let l = Ledger::new("vi").with_members();
    rename(&l, "<script>alert('cell')</script>");
    l.run(&[
        "member",
        "add",
        "<script>alert(1)</script>",
        "--id",
        "evil",
        "--joined",
        "2015-01-01",
    ])
    .ok();
    l.run(&["plan", "2020-07-09", "--title", "<b>bold</b> & <i>"])
        .ok();
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--chair",
        "trinh",
        "--minute-taker",
        "evil",
        "--present",
        "all",
        "--spoke",
        "evil,trinh",
        "--minutes",
        "<img src=x onerror=alert(2)>",
        "--conclusion",
        "</p><script>x</script>",
        "--vote",
        "5/0/0",
        "--guest",
        "<iframe>",
    ])
    .ok();
    for args in [
        vec!["report", "--quarter", "2020-Q3", "--format", "html"],
        vec!["minutes", "2020-07-09", "--format", "html"],
    ] {
        let out = l.run(&args).ok().stdout;
        for raw in ["<script", "<img", "<iframe", "<b>bold", "onerror=alert(2)>"] {
            assert!(!out.contains(raw), "{raw} in {args:?}:\n{out}");
        }
        assert!(out.to_lowercase().contains("&lt;script&gt;"), "{out}");
    }
    let minutes = l
        .run(&["minutes", "2020-07-09", "--format", "html"])
        .ok()
        .stdout;
    assert!(
        minutes.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{minutes}"
    );
    assert!(
        minutes.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "{minutes}"
    );
    let md = l.run(&["minutes", "2020-07-09"]).ok().stdout;
    // Every `<` is escaped, so no Markdown renderer sees a tag.
    assert!(md.replace("\\<", "").find('<').is_none(), "{md}");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
}

#[test]
fn csv_cells_that_look_like_formulas_stay_text() {
    let l = Ledger::new("en").with_members();
    rename(&l, "=1+1");
    l.run(&[
        "plan",
        "2020-07-09",
        "--title",
        "=HYPERLINK(\"http://x\",\"y\")",
    ])
    .ok();
    l.run(&["plan", "2020-08-09", "--title", "@SUM(A1)"]).ok();
    l.run(&["plan", "2020-09-09", "--title=-2+3"]).ok();
    let out = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "csv"])
        .ok()
        .stdout;
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("csv row")).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(&row[0], "'=1+1");
    }
    assert_eq!(&rows[0][5], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&rows[1][5], "'@SUM(A1)");
    assert_eq!(&rows[2][5], "'-2+3");
    assert_eq!(&reader.headers().expect("headers")[0], "Cell");
}

#[test]
fn out_writes_the_file_and_never_into_the_ledger() {
    let l = Ledger::example();
    let run = l
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "html",
            "--out",
            "q3.html",
        ])
        .ok()
        .stdout_has("q3.html");
    let _ = run;
    assert!(l.read("q3.html").starts_with("<!DOCTYPE html>"));
    let before = l.files();
    for out in [
        "meetings/2020/x.html",
        "meetings/report.csv",
        "./meetings/../meetings/2021/x.toml",
        "cellbook.toml",
        "members.toml",
    ] {
        l.run(&["report", "--quarter", "2020-Q3", "--out", out])
            .fails(1)
            .stderr_has("meetings/");
        l.run(&["minutes", "2020-07-09", "--out", out]).fails(1);
    }
    assert_eq!(l.files(), before);
    l.run(&[
        "minutes",
        "2020-07-09",
        "--format",
        "html",
        "--out",
        "bien-ban.html",
    ])
    .ok();
    assert!(
        l.read("bien-ban.html")
            .contains("BIÊN BẢN<br>Sinh hoạt chi bộ thường kỳ tháng 7 năm 2020")
    );
}

#[test]
fn bad_requests_are_refused_clearly() {
    let l = Ledger::example();
    l.run(&["report"]).fails(2);
    l.run(&["report", "--quarter", "2020"])
        .fails(2)
        .stderr_has("2020-Q3");
    l.run(&["report", "--year", "2020-Q3"]).fails(2);
    l.run(&["report", "--quarter", "2020-Q5"]).fails(2);
    l.run(&["report", "--quarter", "2020-Q3", "--year", "2020"])
        .fails(2);
    l.run(&["report", "--last-quarter", "--format", "pdf"])
        .fails(2);
    l.run(&["report", "--last-quarter", "--bom"])
        .fails(2)
        .stderr_has("--bom");
    let nowhere = tempfile::tempdir().unwrap();
    let path = nowhere.path().to_str().unwrap();
    l.run(&["report", "--last-quarter", ".", path])
        .fails(1)
        .stderr_has(path)
        .stderr_has("không phải là sổ");
    l.run(&["minutes", "2020-07-10"]).fails(1);
    l.run(&["minutes", "2020-07-09", "--format", "csv"])
        .fails(2);
    // A planned meeting has no minutes yet.
    l.run(&["plan", "2020-12-10"]).ok();
    l.run(&["minutes", "2020-12-10"])
        .fails(1)
        .stderr_has("cellbook record 2020-12-10");
}

#[test]
fn the_minutes_of_the_example_meeting() {
    let l = Ledger::example();
    let md = l.run(&["minutes", "2020-07-09"]).ok().stdout;
    insta::assert_snapshot!("minutes_md", md);
    let html = l
        .run(&["minutes", "2020-07-09", "--format", "html"])
        .ok()
        .stdout;
    insta::assert_snapshot!("minutes_html", html);
    l.run(&["minutes", "2020-09-24"])
        .ok()
        .stdout_has("# BIÊN BẢN\n\n**Sinh hoạt chi bộ chuyên đề tháng 9 năm 2020**")
        .stdout_has("miễn sinh hoạt 1")
        .stdout_has("Có mặt:** 11 (100%)");
}

#[test]
fn an_english_ledger_gets_english_minutes_and_reports() {
    let l = Ledger::new("en").with_members();
    l.run(&[
        "plan",
        "2020-07-09",
        "--place",
        "Room 2",
        "--topic",
        "The month's work",
    ])
    .ok();
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--chair",
        "trinh",
        "--minute-taker",
        "hoa",
        "--present",
        "trinh,hoa,lan,tam",
        "--excused",
        "duc=Away on business",
        "--spoke",
        "trinh,lan",
        "--vote",
        "3/0/0",
        "--conclusion",
        "Agreed",
    ])
    .ok();
    let out = l
        .run(&["minutes", "2020-07-09"])
        .ok()
        .stdout_has("# MINUTES\n\n**Regular meeting of the cell, July 2020**")
        .stdout_has("**Chair:** Dương Công Trinh, Secretary")
        .stdout_has("**Minute-taker:** Nguyễn Thị Hoà, Deputy secretary")
        .stdout_has("**Place:** Room 2")
        .stdout_has("**Absent with reason:** 1")
        .stdout_has("- Đỗ Văn Đức: Away on business")
        // The voting base leaves out the member away on business (issue 12).
        .stdout_has("**Vote:** for 3/3 voting members (100%)")
        .stdout_has("MINUTE-TAKER")
        .stdout;
    for vi in ["BIÊN BẢN", "ĐẢNG CỘNG SẢN", "Chủ trì", "Vắng"] {
        assert!(!out.contains(vi), "{vi} in:\n{out}");
    }
    l.run(&["report", "--quarter", "2020-Q3"])
        .ok()
        .stdout_has("Held: 1 (regular 1, thematic 0)")
        .stdout_has("Attendance: 80% (4/5)");
    // --lang overrides the ledger's language.
    l.run(&["--lang", "vi", "report", "--quarter", "2020-Q3"])
        .ok()
        .stdout_has("Đã họp: 1");
}
