//! Roll-ups of roll-ups (issue 16): ledgers and JSON reports mixed, each cell once, the totals
//! the same whatever the grouping, `--summary-only`, `--expect`, `--previous`, and the cell id.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Ledger, Run, copy_dir, run_in};

const TODAY: &str = "2020-11-28";

/// A folder holding copies of the example ledger as different cells.
struct Area {
    dir: tempfile::TempDir,
}

impl Area {
    fn new() -> Area {
        Area {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A copy of the example as the cell `id`, named `name`, without the meetings listed.
    fn cell(&self, id: &str, name: &str, without: &[&str]) -> PathBuf {
        let root = self.path().join(id);
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac"),
            &root,
        );
        let config = root.join("cellbook.toml");
        let text = fs::read_to_string(&config).expect("config");
        let text = text.replace(
            "name = \"Chi bộ 7 Kho bạc Nhà nước Thuận Bắc\"",
            &format!("name = \"{name}\"\nid = \"{id}\""),
        );
        fs::write(&config, text).expect("write config");
        for m in without {
            fs::remove_file(root.join(format!("meetings/2020/{m}.toml"))).expect("remove");
        }
        root
    }

    /// Three cells with different figures.
    fn three(&self) {
        self.cell("a", "Chi bộ A", &[]);
        self.cell("b", "Chi bộ B", &["2020-09-24"]);
        self.cell("c", "Chi bộ C", &["2020-08-10"]);
    }

    /// In English, so the tests read the English messages (the example ledger is Vietnamese).
    fn run(&self, args: &[&str]) -> Run {
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        run_in(self.path(), TODAY, &args)
    }

    /// `report --quarter 2020-Q3 --format json` over the inputs, with more arguments.
    fn json(&self, inputs: &[&str], more: &[&str]) -> Run {
        let mut args = vec!["report", "--quarter", "2020-Q3", "--format", "json"];
        args.extend(more);
        args.extend(inputs);
        self.run(&args)
    }

    /// The same, written to `out` in the area.
    fn save(&self, out: &str, inputs: &[&str], more: &[&str]) {
        let mut more = more.to_vec();
        more.extend(["--out", out]);
        self.json(inputs, &more).ok();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).expect("read")
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// The top-level `totals` object as the JSON text writes it (the text itself: parsing it again
/// could round a rate).
fn totals_text(text: &str) -> String {
    let start = text.rfind("\n  \"totals\": ").expect("totals");
    let end = start + text[start..].find("\n  }").expect("end of totals");
    text[start..end].to_owned()
}

fn ids(v: &Value) -> Vec<String> {
    v["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn json_reports_and_ledgers_roll_up_together_to_the_same_totals() {
    let a = Area::new();
    a.three();
    let flat = a.json(&["a", "b", "c"], &[]).ok();
    let v = parse(&flat.stdout);
    assert_eq!(v["schema"], 2);
    assert_eq!(ids(&v), ["a", "b", "c"]);
    // The exact sums: 4 + 3 + 2 meetings held, present and counted summed, the rate from them.
    let t = &v["totals"];
    assert_eq!(
        (t["cells"].as_u64(), t["held"].as_u64()),
        (Some(3), Some(10))
    );
    let (present, counted) = (
        t["present"].as_u64().unwrap(),
        t["counted"].as_u64().unwrap(),
    );
    let rate = t["attendance_rate"].as_f64().unwrap();
    assert!(
        (rate - present as f64 / counted as f64).abs() < 1e-12,
        "{rate}"
    );
    assert_eq!(t["short_quarters"], 1, "b held no thematic meeting");
    assert_eq!(t["short_months"], 1, "c missed August");
    assert_eq!(t["cells_ok"], 1);
    // a's own JSON with b and c's ledgers: the same totals, byte for byte.
    a.save("a.json", &["a"], &[]);
    let mixed = a.json(&["a.json", "b", "c"], &[]).ok();
    assert_eq!(totals_text(&mixed.stdout), totals_text(&flat.stdout));
    // The cell read from JSON keeps its meeting rows.
    assert_eq!(parse(&mixed.stdout)["cells"][0], v["cells"][0]);
    // A roll-up in JSON is streamed as it is read; the report held whole (the current ledger's)
    // writes the same bytes.
    let streamed = a.json(&["a"], &[]).ok().stdout;
    let here = run_in(
        &a.path().join("a"),
        TODAY,
        &["report", "--quarter", "2020-Q3", "--format", "json"],
    )
    .ok();
    assert_eq!(here.stdout, streamed);
}

#[test]
fn rolling_up_roll_ups_is_rolling_up_the_cells_in_any_grouping_and_order() {
    let a = Area::new();
    a.three();
    a.cell("d", "Chi bộ D", &["2020-09-09"]);
    let flat = a.json(&["a", "b", "c", "d"], &[]).ok().stdout;
    // Two districts, then the province; and another grouping, in another order.
    a.save("d1.json", &["a", "b"], &[]);
    a.save("d2.json", &["c", "d"], &[]);
    let province = a.json(&["d1.json", "d2.json"], &[]).ok().stdout;
    assert_eq!(totals_text(&province), totals_text(&flat));
    a.save("e1.json", &["d", "a"], &[]);
    a.save("e2.json", &["e1.json", "c"], &[]);
    let other = a.json(&["b", "e2.json"], &[]).ok().stdout;
    assert_eq!(totals_text(&other), totals_text(&flat));
    // In the same order, the whole document is the same, summary or not.
    assert_eq!(province, flat);
    a.save("s1.json", &["a", "b"], &["--summary-only"]);
    a.save("s2.json", &["c", "d"], &["--summary-only"]);
    let summary = a.json(&["s1.json", "s2.json"], &["--summary-only"]).ok();
    let flat_summary = a.json(&["a", "b", "c", "d"], &["--summary-only"]).ok();
    assert_eq!(summary.stdout, flat_summary.stdout);
}

#[test]
fn summary_only_leaves_out_the_meeting_rows_and_the_names() {
    let a = Area::new();
    a.three();
    let full = a.json(&["a", "b"], &[]).ok().stdout;
    let run = a.json(&["a", "b"], &["--summary-only"]).ok();
    let v = parse(&run.stdout);
    assert_eq!(v["summary_only"], true);
    for cell in v["cells"].as_array().unwrap() {
        assert_eq!(cell["meetings"], Value::Array(vec![]));
        assert_eq!(cell["meetings_omitted"], true);
    }
    assert_eq!(totals_text(&run.stdout), totals_text(&full));
    assert!(!run.stdout.contains("\"date\""), "{}", run.stdout);
    // Each cell of a summary on one line, compact, the rest pretty; a roll-up of it writes the
    // same bytes again.
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("    {\"id\":"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    for line in lines {
        let cell: Value = serde_json::from_str(line.trim().trim_end_matches(',')).unwrap();
        assert_eq!(cell["meetings_omitted"], true);
    }
    assert!(run.stdout.contains("\n  \"totals\": {\n    \"cells\": 2,"));
    fs::write(a.path().join("s.json"), &run.stdout).unwrap();
    assert_eq!(
        a.json(&["s.json"], &["--summary-only"]).ok().stdout,
        run.stdout
    );
    // No member of the example is named, in any format.
    let roster = a.read("a/members.toml");
    let names: Vec<&str> = roster
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.len() > 5);
    for format in ["json", "table"] {
        let out = a
            .run(&[
                "report",
                "--quarter",
                "2020-Q3",
                "--format",
                format,
                "--summary-only",
                "a",
            ])
            .ok()
            .stdout;
        for name in &names {
            assert!(!out.contains(name), "{format} names {name}:\n{out}");
        }
    }
    // The printed documents and the CSV are made of the meeting rows: refused, not misleading.
    for format in ["md", "html", "csv", "docx"] {
        let run = a.run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            format,
            "--summary-only",
            "--out",
            "x",
            "a",
        ]);
        assert!(
            run.code == 2 && run.stderr.contains("--summary-only"),
            "{format}: {}",
            run.stderr
        );
    }
}

#[test]
fn the_same_folder_by_two_paths_is_counted_once() {
    let a = Area::new();
    a.three();
    let once = a.json(&["a", "b"], &[]).ok().stdout;
    let run = a.json(&["a", "b", "./a/", "b/../a"], &[]).ok();
    assert_eq!(run.stdout, once);
    assert_eq!(run.stderr.matches("is the same ledger as a").count(), 2);
}

#[test]
fn the_same_json_twice_is_counted_once() {
    let a = Area::new();
    a.three();
    a.save("d1.json", &["a", "b"], &[]);
    fs::copy(a.path().join("d1.json"), a.path().join("copy.json")).unwrap();
    let once = a.json(&["d1.json", "c"], &[]).ok().stdout;
    // The same file by two names, and a copy of it.
    let run = a
        .json(&["d1.json", "c", "./d1.json", "copy.json"], &[])
        .ok();
    assert_eq!(run.stdout, once);
    assert!(run.stderr.contains("./d1.json is the same file as d1.json"));
    assert!(
        run.stderr
            .contains("copy.json: 2 cells already counted from d1.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_cell_as_a_folder_and_inside_a_json_is_counted_once() {
    let a = Area::new();
    a.three();
    a.save("d1.json", &["a", "b"], &[]);
    let once = a.json(&["d1.json", "c"], &[]).ok().stdout;
    let run = a.json(&["d1.json", "c", "b"], &[]).ok();
    assert_eq!(run.stdout, once);
    assert!(
        run.stderr
            .contains("b: 1 cells already counted from d1.json (e.g. b Chi bộ B); counted once"),
        "{}",
        run.stderr
    );
    // A summary-only copy agrees with the ledger on every figure it has.
    a.save("s.json", &["b"], &["--summary-only"]);
    a.json(&["b", "s.json"], &[]).ok();
}

#[test]
fn two_copies_that_disagree_are_refused() {
    let a = Area::new();
    a.three();
    a.save("d1.json", &["a", "b"], &[]);
    // b records one more meeting after it sent its report.
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/thuan-bac/meetings/2020/2020-09-24.toml"),
        a.path().join("b/meetings/2020/2020-09-24.toml"),
    )
    .unwrap();
    let run = a.json(&["d1.json", "b", "--out", "p.json"], &[]).fails(1);
    assert!(
        run.stderr
            .contains("the cell b (Chi bộ B) is in both d1.json and b with different figures"),
        "{}",
        run.stderr
    );
    assert!(!a.path().join("p.json").exists(), "nothing is written");
    // On stdout the roll-up has begun when the second copy is read: it stops, and fails, saying
    // what is wrong as itself (not as a failed write).
    let run = a.json(&["d1.json", "b"], &[]).fails(1);
    assert!(
        run.stderr
            .starts_with("error: the cell b (Chi bộ B) is in both")
            && !run.stderr.contains("cannot write the output"),
        "{}",
        run.stderr
    );
    assert!(serde_json::from_str::<Value>(&run.stdout).is_err());
    // A hand-broken meeting file found after the output has begun: its diagnostic, with the
    // file, the line and the caret, as `check` would show it.
    fs::write(
        a.path().join("c/meetings/2020/2020-07-09.toml"),
        "schema = 1\nx = [\n",
    )
    .unwrap();
    for args in [
        &[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "json",
            "a",
            "c",
        ][..],
        &["export", "--jsonl", "a", "c"],
    ] {
        let run = a.run(args).fails(1);
        assert!(
            run.stderr
                .contains("c/meetings/2020/2020-07-09.toml:2:6: error[E001]")
                && !run.stderr.contains("cannot write the output"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // A missing input is found before anything is written.
    let run = a.json(&["d1.json", "nowhere"], &[]).fails(1);
    assert!(
        run.stdout.is_empty() && run.stderr.contains("nowhere"),
        "{}",
        run.stderr
    );
    // Two folders with the same id (a copied ledger that went its own way) likewise.
    a.cell("b2", "Chi bộ B", &["2020-07-09"]);
    let config = a
        .read("b2/cellbook.toml")
        .replace("id = \"b2\"", "id = \"b\"");
    fs::write(a.path().join("b2/cellbook.toml"), config).unwrap();
    a.json(&["b", "b2"], &[]).fails(1);
}

#[test]
fn a_json_report_that_cannot_be_rolled_up_exactly_is_refused() {
    let a = Area::new();
    a.three();
    a.save("a.json", &["a"], &[]);
    let good = a.read("a.json");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "old.json",
            good.replacen("\"schema\": 2,", "", 1),
            "made by an older cellbook",
        ),
        (
            "new.json",
            good.replacen("\"schema\": 2,", "\"schema\": 3,", 1),
            "\"schema\": 3",
        ),
        (
            "q2.json",
            good.replacen("\"label\": \"2020-Q3\"", "\"label\": \"2020-Q2\"", 1),
            "a report of 2020-Q2, not of 2020-Q3",
        ),
        (
            "held.json",
            good.replacen("\"held\": 4,", "\"held\": 5,", 2),
            "the totals do not add up",
        ),
        (
            "sum.json",
            good.replacen("\"directives\": 6", "\"directives\": 7", 1),
            "the totals do not add up",
        ),
        (
            "top.json",
            {
                let at = good.rfind("\"held\": 4,").unwrap();
                format!("{}\"held\": 40,{}", &good[..at], &good[at + 10..])
            },
            "the totals are not the sum of the cells'",
        ),
        (
            "junk.json",
            "{\"cells\": 1}".into(),
            "not a cellbook JSON report",
        ),
    ];
    for (file, text, says) in cases {
        assert_ne!(text, good, "{file}: the case changed nothing");
        fs::write(a.path().join(file), text).unwrap();
        let run = a.json(&[file, "b"], &[]).fails(1);
        assert!(run.stderr.contains(says), "{file}: {}", run.stderr);
    }
}

#[test]
fn expect_lists_who_has_not_reported_and_who_is_incomplete() {
    let a = Area::new();
    a.three();
    fs::write(
        a.path().join("expect.txt"),
        "# Các chi bộ phải báo cáo\na\nchi bộ b\n\nx-99\nChi bộ Mới\n",
    )
    .unwrap();
    let run = a.json(&["a", "b", "c"], &["--expect", "expect.txt"]).ok();
    let e = &parse(&run.stdout)["expected"];
    assert_eq!(e["listed"], 4);
    assert_eq!(e["missing"], serde_json::json!(["x-99", "Chi bộ Mới"]));
    let incomplete: Vec<&str> = e["incomplete"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(incomplete, ["b", "c"]);
    assert_eq!(e["incomplete"][1]["short_months"], 1);
    assert_eq!(e["unexpected"][0]["id"], "c");
    // The JSON carries it; a table says it on stderr.
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let table = a
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--expect",
            "expect.txt",
            "a",
            "b",
            "c",
        ])
        .ok();
    assert!(
        table
            .stderr
            .contains("Not reported (2/4):\n  x-99\n  Chi bộ Mới\n")
    );
    assert!(table.stderr.contains("Period incomplete (2):"));
    a.json(&["a"], &["--expect", "nowhere.txt"]).fails(1);
    // A folder given as the list: refused before the output begins.
    let run = a.json(&["a"], &["--expect", "b"]).fails(1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// Cells a and b, with one meeting of a in Q2 (attended by all), and `q2.json`: their Q2 report.
/// Q2 → Q3: held 1 → 7, attendance 100% → 97.1%, Good 1 → 5, Fair 0 → 2.
fn with_q2() -> (Area, String) {
    let a = Area::new();
    a.three();
    fs::write(
        a.path().join("a/meetings/2020/2020-06-10.toml"),
        a.read("a/meetings/2020/2020-07-09.toml")
            .replace("2020-07-09", "2020-06-10"),
    )
    .unwrap();
    let q2 = a
        .run(&[
            "report",
            "--quarter",
            "2020-Q2",
            "--format",
            "json",
            "a",
            "b",
        ])
        .ok()
        .stdout;
    fs::write(a.path().join("q2.json"), &q2).unwrap();
    (a, q2)
}

#[test]
fn previous_puts_the_period_before_beside_this_one() {
    let (a, q2) = with_q2();
    let run = a.json(&["a", "b"], &["--previous", "q2.json"]).ok();
    let v = parse(&run.stdout);
    let p = &v["previous"];
    assert_eq!(p["period"]["label"], "2020-Q2");
    assert_eq!(p["totals"], parse(&q2)["totals"]);
    assert_eq!(
        p["change"]["held"].as_i64(),
        Some(v["totals"]["held"].as_i64().unwrap() - p["totals"]["held"].as_i64().unwrap())
    );
    // --trend reads the same ledgers for the quarter before: the same.
    let trend = a.json(&["a", "b"], &["--trend"]).ok();
    assert_eq!(trend.stdout, run.stdout);
    // The table shows it, as a section of the outline (the other formats: below).
    let table = a
        .run(&["report", "--quarter", "2020-Q3", "--trend", "a", "b"])
        .ok();
    assert!(
        table
            .stdout
            .contains("\nII. AGAINST THE PERIOD BEFORE\nQ2 2020 → Q3 2020\nHeld: 1 → 7 (+6)\n"),
        "{}",
        table.stdout
    );
    // A report of another period is not the period before.
    let run = a.json(&["a", "b"], &["--previous", "a"]).ok();
    assert!(parse(&run.stdout)["previous"].is_object());
    a.save("q3.json", &["a"], &[]);
    let run = a.json(&["a"], &["--previous", "q3.json"]).fails(1);
    assert!(run.stderr.contains("a report of 2020-Q3, not of 2020-Q2"));
    // Found before the roll-up's output begins.
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// `report … --format F` over a and b in Vietnamese (the example's language), with more arguments.
fn printed(a: &Area, format: &str, more: &[&str]) -> String {
    let mut args = vec!["report", "--quarter", "2020-Q3", "--format", format];
    args.extend(more);
    args.extend(["a", "b"]);
    run_in(a.path(), TODAY, &args).ok().stdout
}

/// The trend in Markdown and HTML: its own numbered section after the summary and before the
/// cells, the same figures as the table, in both languages; absent without `--previous`.
#[test]
fn the_period_before_is_a_section_of_the_markdown_and_the_html() {
    let (a, _) = with_q2();
    let md = printed(&a, "md", &["--previous", "q2.json"]);
    let section = md
        .split_once("## II. SO VỚI KỲ TRƯỚC\n\n")
        .and_then(|(_, rest)| rest.split_once("## III. CHI TIẾT TỪNG CHI BỘ"))
        .map(|(s, _)| s)
        .unwrap_or_else(|| panic!("no section II, or III does not follow it:\n{md}"));
    assert!(md.contains("## I. TỔNG HỢP"), "{md}");
    insta::assert_snapshot!("trend_md_vi", section);
    for row in [
        "| Chỉ tiêu | Quý II năm 2020 | Quý III năm 2020 | Tăng, giảm |",
        "| Đã họp | 1 | 7 | +6 |",
        "| Đã xếp loại | 1 | 7 | +6 |",
        "| Tỷ lệ đảng viên dự sinh hoạt | 100% | 97,1% | -2,9 điểm phần trăm |",
        "| Tốt | 1 | 5 | +4 |",
        "| Khá | 0 | 2 | +2 |",
        "| Kém | 0 | 0 | 0 |",
    ] {
        assert!(section.contains(row), "{row}:\n{section}");
    }
    // --trend reads the same figures from the ledgers.
    assert_eq!(printed(&a, "md", &["--trend"]), md);
    let en = a
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "md",
            "--trend",
            "a",
            "b",
        ])
        .ok()
        .stdout;
    for row in [
        "## II. AGAINST THE PERIOD BEFORE\n\n| Figure | Q2 2020 | Q3 2020 | Change |",
        "| Attendance | 100% | 97.1% | -2.9 percentage points |",
        "| Good | 1 | 5 | +4 |\n| Fair | 0 | 2 | +2 |",
    ] {
        assert!(en.contains(row), "{row}:\n{en}");
    }
    let without = printed(&a, "md", &[]);
    assert!(
        !without.contains("SO VỚI") && without.contains("## II. CHI TIẾT TỪNG CHI BỘ"),
        "{without}"
    );
    let html = printed(&a, "html", &["--previous", "q2.json"]);
    for needle in [
        "<h2>II. SO VỚI KỲ TRƯỚC</h2>\n<table class=\"data keep\">\n<tr><th>Chỉ tiêu</th><th>Quý II năm 2020</th><th>Quý III năm 2020</th><th>Tăng, giảm</th></tr>",
        "<tr><td>Đã họp</td><td class=\"num\">1</td><td class=\"num\">7</td><td class=\"num\">+6</td></tr>",
        "<td class=\"num\">97,1%</td><td class=\"num\">-2,9 điểm phần trăm</td></tr>",
        "</table>\n<h2>III. CHI TIẾT TỪNG CHI BỘ</h2>",
    ] {
        assert!(html.contains(needle), "{needle}:\n{html}");
    }
    let without = printed(&a, "html", &[]);
    assert!(!without.contains("SO VỚI KỲ TRƯỚC"), "{without}");
}

fn at_in(paragraphs: &[String], text: &str) -> Option<usize> {
    paragraphs.iter().position(|p| p == text)
}

/// The rows (`w:tr`) of the trend's table in a document's XML: the table whose first cell is
/// "Chỉ tiêu".
fn trend_rows_xml(xml: &str) -> Vec<&str> {
    let table = xml
        .split("<w:tbl>")
        .find(|t| t.contains(">Chỉ tiêu<"))
        .unwrap_or_else(|| panic!("no trend table: {xml}"));
    let table = table.split("</w:tbl>").next().unwrap_or("");
    table.split("<w:tr>").skip(1).collect()
}

/// The trend in Word: the numbered heading kept with its table, whose header row repeats; in a
/// cell's report, where it is the last section, its table keeps with the signatures, which never
/// go alone onto a page.
#[test]
fn the_period_before_is_a_section_of_the_word_document() {
    let (a, _) = with_q2();
    let docx = |inputs: &[&str], more: &[&str]| {
        let mut args = vec!["report", "--quarter", "2020-Q3", "--format", "docx"];
        args.extend(more);
        args.extend(["--out", "out.docx"]);
        args.extend(inputs);
        run_in(a.path(), TODAY, &args).ok();
        crate::documents::document_xml(&fs::read(a.path().join("out.docx")).expect("docx"))
    };
    let xml = docx(&["a", "b"], &["--previous", "q2.json"]);
    let paragraphs = crate::documents::paragraphs(&xml);
    let at = |h: &str| at_in(&paragraphs, h);
    assert!(
        at("I. TỔNG HỢP") < at("II. SO VỚI KỲ TRƯỚC")
            && at("II. SO VỚI KỲ TRƯỚC").is_some()
            && at("II. SO VỚI KỲ TRƯỚC") < at("III. CHI TIẾT TỪNG CHI BỘ"),
        "{paragraphs:?}"
    );
    let heading = xml.split("II. SO VỚI KỲ TRƯỚC").next().unwrap_or("");
    let heading = heading.rsplit("<w:p>").next().unwrap_or("");
    assert!(heading.contains("<w:keepNext"), "{heading}");
    let tables = crate::documents::tables(&xml);
    let trend = tables
        .iter()
        .find(|t| {
            t.first()
                .is_some_and(|r| r.first().is_some_and(|c| c == "Chỉ tiêu"))
        })
        .unwrap_or_else(|| panic!("no trend table: {tables:?}"));
    assert_eq!(
        trend[0],
        [
            "Chỉ tiêu",
            "Quý II năm 2020",
            "Quý III năm 2020",
            "Tăng, giảm"
        ]
    );
    assert_eq!(trend[1], ["Đã họp", "1", "7", "+6"]);
    assert_eq!(trend[2], ["Đã xếp loại", "1", "7", "+6"]);
    assert_eq!(trend[3][3], "-2,9 điểm phần trăm");
    assert_eq!(
        trend.len(),
        8,
        "held, rated, attendance, four levels: {trend:?}"
    );
    let rows = trend_rows_xml(&xml);
    assert!(
        rows[0].contains("<w:tblHeader"),
        "the header row repeats: {}",
        rows[0]
    );
    // Kept whole: every row but the last keeps with the next (a cell a paragraph).
    for row in &rows[..rows.len() - 1] {
        assert_eq!(row.matches("<w:keepNext").count(), 4, "{row}");
    }
    let last = rows[rows.len() - 1];
    assert!(!last.contains("<w:keepNext"), "{last}");
    // A cell's report: the trend after the results, the last section, kept with the signatures.
    let xml = docx(&["a"], &["--trend"]);
    let paragraphs = crate::documents::paragraphs(&xml);
    assert!(
        at_in(&paragraphs, "II. KẾT QUẢ") < at_in(&paragraphs, "III. SO VỚI KỲ TRƯỚC")
            && at_in(&paragraphs, "II. KẾT QUẢ").is_some(),
        "{paragraphs:?}"
    );
    let rows = trend_rows_xml(&xml);
    let last = rows[rows.len() - 1];
    assert!(last.contains(">Kém<"), "{last}");
    assert_eq!(last.matches("<w:keepNext").count(), 4, "{last}");
    let without = docx(&["a", "b"], &[]);
    assert!(!without.contains("SO VỚI KỲ TRƯỚC"), "{without}");
}

#[test]
fn init_gives_a_cell_an_id_and_an_old_ledger_gets_a_derived_one() {
    let l = Ledger::new("en");
    let config = l.read("cellbook.toml");
    let id = config
        .lines()
        .find_map(|line| line.strip_prefix("id = \""))
        .map(|s| s.trim_end_matches('"').to_owned())
        .unwrap_or_else(|| panic!("no id:\n{config}"));
    assert!(id.starts_with("cb-") && id.len() == 19, "{id}");
    let other = Ledger::new("en");
    assert_ne!(other.read("cellbook.toml"), config, "two inits, two ids");
    let given = Ledger::empty();
    given.run(&["init", "--name", "X", "--id", "0301-012"]).ok();
    assert!(given.read("cellbook.toml").contains("id = \"0301-012\""));
    let bad = Ledger::empty();
    bad.run(&["init", "--name", "X", "--id", "a b"]).fails(2);
    assert!(!bad.path().join("cellbook.toml").exists());
    // The example has no id: the one derived from its name and parent, every time.
    let example = Ledger::example();
    let before = example.files();
    let run = example
        .run(&["report", "--quarter", "2020-Q3", "--format", "json"])
        .ok();
    assert_eq!(parse(&run.stdout)["cells"][0]["id"], "cb-05082b50261487ca");
    assert_eq!(example.files(), before, "reading writes nothing");
}

#[test]
fn export_jsonl_is_one_meeting_a_line_with_the_figures_of_the_roll_up() {
    let a = Area::new();
    a.three();
    let run = a
        .run(&["export", "--jsonl", "--period", "2020-Q3", "a", "b", "c"])
        .ok();
    let lines: Vec<Value> = run.stdout.lines().map(parse).collect();
    assert_eq!(lines.len(), 4 + 3 + 3);
    let first = &lines[0];
    for key in [
        "cell_id",
        "cell",
        "parent",
        "meeting",
        "date",
        "kind",
        "status",
        "held",
        "counted",
        "present",
        "rate",
        "duration_minutes",
        "points",
        "level",
    ] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!(first["cell_id"], "a");
    assert_eq!(first["parent"], "Đảng bộ Kho bạc Nhà nước Ninh Thuận");
    // The roll-up's totals, from the lines alone.
    let report = parse(&a.json(&["a", "b", "c"], &[]).ok().stdout);
    let t = &report["totals"];
    let held: Vec<&Value> = lines.iter().filter(|l| l["held"] == true).collect();
    let sum = |key: &str| held.iter().map(|l| l[key].as_u64().unwrap()).sum::<u64>();
    assert_eq!(held.len() as u64, t["held"].as_u64().unwrap());
    assert_eq!(sum("present"), t["present"].as_u64().unwrap());
    assert_eq!(sum("counted"), t["counted"].as_u64().unwrap());
    for level in ["good", "fair", "average", "poor"] {
        let n = lines.iter().filter(|l| l["level"] == level).count() as u64;
        assert_eq!(n, t["levels"][level].as_u64().unwrap(), "{level}");
    }
    let cells: std::collections::BTreeSet<&str> = lines
        .iter()
        .map(|l| l["cell_id"].as_str().unwrap())
        .collect();
    assert_eq!(cells.len(), 3);
    // Without --period: every meeting; with another period: only its own.
    let all = a.run(&["export", "--jsonl", "a"]).ok().stdout;
    assert_eq!(all.lines().count(), 4);
    let july = a
        .run(&["export", "--jsonl", "--period", "2020-07", "a", "b"])
        .ok()
        .stdout;
    assert!(
        july.lines().all(|l| l.contains("\"date\":\"2020-07-")),
        "{july}"
    );
    assert_eq!(july.lines().count(), 2);
    // The same cell by two folders is exported once; --ics takes no ledgers.
    let twice = a.run(&["export", "--jsonl", "a", "./a", "b"]).ok();
    assert_eq!(twice.stdout.lines().count(), 4 + 3);
    assert!(twice.stderr.contains("is the same ledger as a"));
    a.run(&["export", "--ics", "a"]).fails(2);
    a.run(&["export", "--jsonl", "--period", "2020-Q5", "a"])
        .fails(2);
    a.run(&["export", "--jsonl", "nowhere"]).fails(1);
    // --out writes the file and says how many meetings.
    let out = a
        .run(&["export", "--jsonl", "a", "b", "--out", "m.jsonl"])
        .ok();
    assert!(
        out.stdout.contains("Wrote 7 meetings to m.jsonl"),
        "{}",
        out.stdout
    );
    assert_eq!(a.read("m.jsonl").lines().count(), 7);
}

/// Every key the JSON report writes (with all its options) is declared in docs/report.schema.json.
#[test]
fn the_json_schema_declares_every_field_the_report_writes() {
    let schema: Value = parse(
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"))
            .expect("docs/report.schema.json"),
    );
    assert_eq!(schema["properties"]["schema"]["const"], 2);
    fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>, props: bool) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if props {
                        out.insert(k.clone());
                    }
                    keys(v, out, k == "properties");
                }
            }
            Value::Array(items) => items.iter().for_each(|v| keys(v, out, false)),
            _ => {}
        }
    }
    fn used(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    used(v, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| used(v, out)),
            _ => {}
        }
    }
    let mut declared = std::collections::BTreeSet::new();
    keys(&schema, &mut declared, false);
    let a = Area::new();
    a.three();
    fs::write(a.path().join("expect.txt"), "a\nzz\n").unwrap();
    let mut written = std::collections::BTreeSet::new();
    for run in [
        a.json(&["a", "b", "c"], &["--expect", "expect.txt", "--trend"]),
        a.json(&["a", "b"], &["--summary-only"]),
        a.run(&["report", "--year", "2020", "--format", "json", "a"]),
    ] {
        used(&parse(&run.ok().stdout), &mut written);
    }
    assert!(written.contains("year_levels") && written.contains("meetings_omitted"));
    let undeclared: Vec<&String> = written.difference(&declared).collect();
    assert!(undeclared.is_empty(), "not in the schema: {undeclared:?}");
}

#[test]
fn absurd_counts_in_a_json_report_do_not_make_the_tool_panic() {
    let a = Area::new();
    a.three();
    a.save("s.json", &["a"], &["--summary-only"]);
    let text = a
        .read("s.json")
        // The cell's line is compact, the totals pretty: both changed alike.
        .replace("\"held\": 4,", "\"held\": 4294967295,")
        .replace("\"held\":4,", "\"held\":4294967295,")
        .replace("\"present\": 39,", "\"present\": 18446744073709551615,")
        .replace("\"present\":39,", "\"present\":18446744073709551615,");
    fs::write(a.path().join("s1.json"), &text).unwrap();
    fs::write(
        a.path().join("s2.json"),
        text.replace("\"id\":\"a\"", "\"id\":\"a2\""),
    )
    .unwrap();
    let run = a.json(&["s1.json", "s2.json"], &[]).ok();
    assert_eq!(parse(&run.stdout)["totals"]["held"], 4294967295u64);
    let run = a.json(&["s1.json", "s2.json"], &[]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn names_from_a_json_report_or_a_list_cannot_repaint_the_terminal() {
    let a = Area::new();
    a.three();
    a.save("a.json", &["a"], &[]);
    let evil = a
        .read("a.json")
        .replace("\"name\": \"Chi bộ A\"", "\"name\": \"Chi bộ \\u001b[2J\"");
    fs::write(a.path().join("evil.json"), &evil).unwrap();
    fs::write(a.path().join("evil2.json"), &evil).unwrap();
    fs::write(a.path().join("list.txt"), "x\u{1b}[31m\n").unwrap();
    let run = a
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--expect",
            "list.txt",
            "evil.json",
            "evil2.json",
        ])
        .ok();
    assert!(run.stderr.contains("already counted"), "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("\\u{1b}"), "{:?}", run.stderr);
}

#[test]
fn a_roll_up_that_starts_with_a_json_report_speaks_the_first_ledgers_language() {
    let a = Area::new();
    a.three();
    a.save("d1.json", &["a", "b"], &[]);
    // No --lang: the JSON names no language, the ledger `b` (Vietnamese) does.
    let run = run_in(
        a.path(),
        TODAY,
        &["report", "--quarter", "2020-Q3", "d1.json", "b"],
    )
    .ok();
    assert!(
        run.stderr
            .contains("cảnh báo: b: 1 chi bộ đã có trong d1.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_printed_roll_up_of_summaries_says_they_are_summaries_and_when_tasks_were_counted() {
    let a = Area::new();
    a.three();
    a.save("s.json", &["a", "b"], &["--summary-only"]);
    for format in ["md", "html", "table"] {
        let run = a
            .run(&[
                "report",
                "--quarter",
                "2020-Q3",
                "--format",
                format,
                "s.json",
                "c",
            ])
            .ok();
        assert!(
            run.stdout
                .contains("(Summary: the meetings are not listed.)"),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("1970"), "{format}: {}", run.stdout);
    }
    let md = a
        .run(&["report", "--quarter", "2020-Q3", "--format", "md", "s.json"])
        .ok();
    md.stdout_has("Tasks set, as of 2020-09-30");
}

/// A committee that receives reports, not books, prints and speaks its cells' language: the
/// JSON report carries it, and a roll-up of reports alone speaks it (no ledger to ask, and an
/// office machine whose locale says nothing).
#[test]
fn a_roll_up_of_json_reports_alone_speaks_their_language() {
    let a = Area::new();
    a.three();
    a.save("s.json", &["a", "b"], &["--summary-only"]);
    let s = a.read("s.json");
    assert!(
        s.starts_with("{\n  \"schema\": 2,\n  \"language\": \"vi\",\n  \"period\": "),
        "{s}"
    );
    let vi = |args: &[&str]| run_in(a.path(), TODAY, args);
    let md = vi(&["report", "--quarter", "2020-Q3", "--format", "md", "s.json"])
        .ok()
        .stdout;
    assert!(md.contains("# BẢN TỔNG HỢP"), "{md}");
    vi(&["report", "--quarter", "2020-Q3", "s.json", "s.json"])
        .ok()
        .stderr_has("cảnh báo:");
    // --lang still decides what the person reads; the JSON still says what the cells speak.
    let en = a.run(&["report", "--quarter", "2020-Q3", "--format", "md", "s.json"]);
    assert!(en.ok().stdout.contains("# COMPILATION"));
    let up = a.json(&["s.json"], &["--summary-only"]).ok().stdout;
    assert_eq!(up, s, "rolled up again, the same bytes");
    // A report written before the field is still rolled up, in the machine's language.
    fs::write(
        a.path().join("old.json"),
        s.replace("  \"language\": \"vi\",\n", ""),
    )
    .unwrap();
    let md = vi(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--format",
        "md",
        "old.json",
    ])
    .ok()
    .stdout;
    assert!(md.contains("# COMPILATION"), "{md}");
    // A ledger first among the inputs speaks for the roll-up, as before.
    let json = vi(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--format",
        "json",
        "c",
        "old.json",
    ])
    .ok()
    .stdout;
    assert!(json.contains("\n  \"language\": \"vi\",\n"), "{json}");
}

/// A broken JSON report is named, with where and what, in the language its top says (where
/// cellbook writes it), even when the rest cannot be parsed.
#[test]
fn a_broken_json_report_is_explained_in_its_language() {
    let a = Area::new();
    a.three();
    a.save("s.json", &["a", "b"], &["--summary-only"]);
    let s = a.read("s.json");
    let end = s.rfind("\n  \"totals\": {").expect("top-level totals");
    let cases = [
        (
            "cut.json",
            s[..s.len() / 2].to_owned(),
            "tệp dừng giữa chừng",
        ),
        (
            "comma.json",
            s.replacen("\"summary_only\": true,", "\"summary_only\": true,,", 1),
            "sai cú pháp JSON",
        ),
        (
            "type.json",
            s.replacen("\"held\":4", "\"held\":\"4\"", 1),
            "sai kiểu dữ liệu",
        ),
        (
            "field.json",
            format!("{}\n  \"totalx\": {{{}", &s[..end], &s[end + 14..]),
            "thiếu trường `totals`",
        ),
    ];
    for (name, text, words) in cases {
        fs::write(a.path().join(name), &text).unwrap();
        run_in(a.path(), TODAY, &["report", "--quarter", "2020-Q3", name])
            .fails(1)
            .stderr_has(&format!(
                "lỗi: {name}: không phải báo cáo JSON của cellbook (dòng "
            ))
            .stderr_has(words);
    }
    let mut bytes = s.clone().into_bytes();
    bytes.insert(200, 0xff);
    fs::write(a.path().join("latin.json"), bytes).unwrap();
    run_in(
        a.path(),
        TODAY,
        &["report", "--quarter", "2020-Q3", "latin.json"],
    )
    .fails(1)
    .stderr_has("không phải UTF-8 từ byte 200");
    // In English, serde_json's own words.
    a.run(&["report", "--quarter", "2020-Q3", "type.json"])
        .fails(1)
        .stderr_has("invalid type: string \"4\", expected u32 at line");
}
