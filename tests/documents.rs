//! `--format docx`: the Word documents of `report` and `minutes`, read back from the file the
//! binary writes: the page, the Party header, the tables and the signature block.

use std::io::Read;

use crate::util::{Ledger, assert_same, cellbook, snapshot};

/// `word/document.xml` of a .docx file.
pub(crate) fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("not a zip ({e}): {} bytes", bytes.len()));
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    xml
}

/// The text of each paragraph (`w:p`), in order, with the runs joined.
pub(crate) fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or("");
            p.split("<w:t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .map(|t| t.split("</w:t>").next().unwrap_or(""))
                .collect::<String>()
        })
        .collect()
}

/// The tables (`w:tbl`), each as its rows' cell texts.
pub(crate) fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap_or("");
            t.split("<w:tr>")
                .skip(1)
                .map(|r| {
                    r.split("<w:tc>")
                        .skip(1)
                        .map(|c| paragraphs(c).join("\n"))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A table's columns, each the lines of its cells from the top row down (a signature block is a
/// row a line), without the blank lines at the end.
fn columns(table: &[Vec<String>]) -> Vec<String> {
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|i| {
            table
                .iter()
                .map(|row| row.get(i).map_or("", String::as_str))
                .collect::<Vec<_>>()
                .join("\n")
                .trim_end_matches('\n')
                .to_owned()
        })
        .collect()
}

fn write_docx(l: &Ledger, args: &[&str]) -> String {
    let out = l.path().join("out.docx");
    let out_arg = out.to_string_lossy().into_owned();
    let mut all = args.to_vec();
    all.extend(["--format", "docx", "--out", &out_arg]);
    l.run(&all).ok();
    document_xml(&std::fs::read(&out).expect("the docx was written"))
}

/// A4 portrait and the margins of HD 36 (20/15/20/30 mm), Times New Roman.
fn assert_page(xml: &str) {
    assert!(
        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "{xml}"
    );
    assert!(xml.contains(r#"w:ascii="Times New Roman""#), "{xml}");
    // 14 pt body text.
    assert!(xml.contains(r#"<w:sz w:val="28"/>"#), "{xml}");
}

#[test]
fn the_quarter_report_as_a_word_document() {
    let l = Ledger::example();
    let xml = write_docx(&l, &["report", "--quarter", "2020-Q3"]);
    assert_page(&xml);
    let t = tables(&xml);
    assert_eq!(t.len(), 3, "header, meetings, signatures: {t:?}");
    // The header: committees left, the Party underlined and the date right; no borders.
    let head = &t[0][0];
    assert!(
        head[0].contains("CHI BỘ 7 KHO BẠC NHÀ NƯỚC THUẬN BẮC"),
        "{head:?}"
    );
    assert!(head[1].starts_with("ĐẢNG CỘNG SẢN VIỆT NAM\n"), "{head:?}");
    assert!(
        head[1].contains("Thuận Bắc, ngày 28 tháng 11 năm 2020"),
        "{head:?}"
    );
    let party = xml.split("ĐẢNG CỘNG SẢN VIỆT NAM").next().unwrap_or("");
    let last_run = party.rsplit("<w:r>").next().unwrap_or("");
    assert!(last_run.contains("<w:u w:val=\"single\"/>"), "{last_run}");
    let first_table = xml.split("</w:tbl>").next().unwrap_or("");
    assert!(
        first_table.contains(r#"<w:top w:val="nil"/>"#),
        "{first_table}"
    );
    // The meetings: a header row that repeats on each page, then one row per meeting.
    let meetings = &t[1];
    assert_eq!(meetings[0][0], "Mã");
    assert_eq!(meetings.len(), 5, "{meetings:?}");
    assert_eq!(meetings[2][0], "2020-08-10");
    assert_eq!(meetings[2][4], "9/10");
    let meetings_xml = xml.split("<w:tbl>").nth(2).unwrap_or("");
    let rows: Vec<&str> = meetings_xml.split("<w:tr>").skip(1).collect();
    assert!(rows[0].contains("<w:tblHeader"), "{}", rows[0]);
    assert!(!rows[1].contains("<w:tblHeader"), "{}", rows[1]);
    // The title, the results, and the secretary's signature on the right.
    let p = paragraphs(&xml);
    assert!(
        p.windows(2)
            .any(|w| w[0] == "BÁO CÁO" && w[1] == "Kết quả sinh hoạt chi bộ quý III năm 2020"),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.contains("Thực hiện chế độ sinh hoạt: Đạt yêu cầu")),
        "{p:?}"
    );
    let sign = &columns(&t[2]);
    assert!(
        sign[0].starts_with("Nơi nhận:\n"),
        "the recipients: {sign:?}"
    );
    assert!(sign[1].starts_with("T/M CHI BỘ\nBÍ THƯ"), "{sign:?}");
    assert!(sign[1].ends_with("Nguyễn Văn Thành"), "{sign:?}");
    // The last line before the block is kept on its page.
    let before = xml.split("<w:tbl>").nth(3).map(|_| ());
    assert!(before.is_some());
    let last_para = xml.rsplit("<w:tbl>").nth(1).unwrap_or("");
    let last_para = last_para.rsplit("<w:p>").next().unwrap_or("");
    assert!(last_para.contains("<w:keepNext"), "{last_para}");
}

#[test]
fn the_minutes_as_a_word_document() {
    let l = Ledger::example();
    let xml = write_docx(&l, &["minutes", "2020-08-10"]);
    assert_page(&xml);
    let p = paragraphs(&xml);
    assert!(
        p.iter().any(|p| p == "BIÊN BẢN")
            && p.iter()
                .any(|p| p == "Sinh hoạt chi bộ thường kỳ tháng 8 năm 2020"),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.starts_with("Thời gian: bắt đầu lúc 14 giờ 00 phút")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|p| p == "III. KẾT LUẬN VÀ BIỂU QUYẾT"),
        "{p:?}"
    );
    let t = tables(&xml);
    assert_eq!(t.len(), 2, "header and signatures: {t:?}");
    assert!(
        t[0][0][1].contains("Thuận Bắc, ngày 10 tháng 8 năm 2020"),
        "{:?}",
        t[0]
    );
    let sign = &columns(&t[1]);
    assert!(
        sign[0].starts_with("THƯ KÝ") && sign[0].ends_with("Phạm Thị Lan"),
        "{sign:?}"
    );
    assert!(
        sign[1].starts_with("CHỦ TRÌ") && sign[1].ends_with("Nguyễn Văn Thành"),
        "{sign:?}"
    );
}

#[test]
fn a_docx_goes_down_a_pipe_whole_and_ledger_text_stays_text() {
    let l = Ledger::example();
    let text = l.read("cellbook.toml");
    l.write(
        "cellbook.toml",
        &text.replacen("name = \"", "name = \"<w:p>&\\u001b ", 1),
    );
    let out = cellbook(l.path(), "2020-11-28")
        .args(["report", "--quarter", "2020-Q3", "--format", "docx"])
        .output()
        .expect("run cellbook");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"PK"), "a zip file on stdout");
    let xml = document_xml(&out.stdout);
    // The name escaped, its control character shown as text (no XML error, no raw ESC).
    assert!(
        xml.contains("&lt;W:P&gt;&amp;\\u{1b} CHI BỘ 7"),
        "{}",
        &xml[..xml.len().min(2000)]
    );
    assert!(!xml.contains('\u{1b}'));
}

#[test]
fn an_english_minutes_docx_has_no_party_line() {
    let l = Ledger::example();
    let xml = write_docx(&l, &["--lang", "en", "minutes", "2020-08-10"]);
    assert!(!xml.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{xml}");
    assert!(
        xml.contains("Regular meeting of the cell, August 2020"),
        "{xml}"
    );
    assert!(xml.contains("10 August 2020"), "{xml}");
}

/// The example ledger with a place name under `[cell]`.
fn with_locality(l: &Ledger, place: &str) {
    // The example has its own place (Thuận Bắc): replaced, not written twice.
    let text: String = l
        .read("cellbook.toml")
        .lines()
        .filter(|line| !line.starts_with("locality = "))
        .map(|line| format!("{line}\n"))
        .collect();
    let quoted = toml::Value::String(place.into()).to_string();
    l.write(
        "cellbook.toml",
        &text.replacen("[cell]\n", &format!("[cell]\nlocality = {quoted}\n"), 1),
    );
}

#[test]
fn the_place_and_date_line_is_in_every_printed_format() {
    let l = Ledger::example();
    with_locality(&l, "Phan Rang");
    let report = "Phan Rang, ngày 28 tháng 11 năm 2020";
    let minutes = "Phan Rang, ngày 10 tháng 8 năm 2020";
    for format in ["md", "html"] {
        let out = l
            .run(&["report", "--quarter", "2020-Q3", "--format", format])
            .ok();
        assert!(out.stdout.contains(report), "{format}:\n{}", out.stdout);
        let out = l.run(&["minutes", "2020-08-10", "--format", format]).ok();
        assert!(out.stdout.contains(minutes), "{format}:\n{}", out.stdout);
    }
    let xml = write_docx(&l, &["report", "--quarter", "2020-Q3"]);
    assert!(
        tables(&xml)[0][0][1].ends_with(report),
        "{:?}",
        tables(&xml)[0]
    );
    let xml = write_docx(&l, &["minutes", "2020-08-10"]);
    assert!(
        tables(&xml)[0][0][1].ends_with(minutes),
        "{:?}",
        tables(&xml)[0]
    );
    // A roll-up takes the first ledger's place.
    let other = Ledger::example();
    let first = l.path().to_string_lossy().into_owned();
    let second = other.path().to_string_lossy().into_owned();
    let out = other
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "md",
            &first,
            &second,
        ])
        .ok();
    assert!(out.stdout.contains(report), "{}", out.stdout);
}

#[test]
fn init_keeps_the_locality_and_a_day_under_ten_gets_its_zero() {
    let l = Ledger::empty();
    l.run(&["init", "--name", "Chi bộ Một", "--locality", " Phan Rang "])
        .ok();
    assert!(
        l.read("cellbook.toml").contains("locality = \"Phan Rang\""),
        "{}",
        l.read("cellbook.toml")
    );
    // The report is made on 5 February: day and month both take a leading zero.
    let out = l
        .today("2021-02-05")
        .run(&["report", "--quarter", "2020-Q4", "--format", "md"])
        .ok();
    assert!(
        out.stdout.contains("Phan Rang, ngày 05 tháng 02 năm 2021"),
        "{}",
        out.stdout
    );
}

/// The minutes end as the template does, in every printed format: the closing time, the
/// minutes read and approved with the vote, the meeting's rating; the title in the guidelines'
/// words, only "BIÊN BẢN" in capitals; the Markdown header in two columns.
#[test]
fn the_minutes_close_with_the_time_the_approval_and_the_rating() {
    let l = Ledger::example();
    let closed = "Buổi sinh hoạt kết thúc lúc 15 giờ 20 phút cùng ngày.";
    // Out of the voting base: the 9 full members counted less the one absent with a reason.
    let approved = "Biên bản đã được đọc lại trước chi bộ và được chi bộ thông qua với kết quả \
                    biểu quyết: tán thành 8/8 đảng viên chính thức (100%); không tán thành 0; \
                    ý kiến khác 0.";
    let md = l.run(&["minutes", "2020-08-10"]).ok().stdout;
    assert!(
        md.starts_with(
            "| ĐẢNG BỘ KHO BẠC NHÀ NƯỚC NINH THUẬN | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n|:---:|:---:|\n"
        ),
        "{md}"
    );
    assert!(md.contains("| \\* |"), "{md}");
    assert!(
        md.contains("# BIÊN BẢN\n\n**Sinh hoạt chi bộ thường kỳ tháng 8 năm 2020**"),
        "{md}"
    );
    let html = l
        .run(&["minutes", "2020-08-10", "--format", "html"])
        .ok()
        .stdout;
    assert!(
        html.contains("<h1>BIÊN BẢN<br>Sinh hoạt chi bộ thường kỳ tháng 8 năm 2020</h1>"),
        "{html}"
    );
    let docx = paragraphs(&write_docx(&l, &["minutes", "2020-08-10"]));
    let rating = "Xếp loại chất lượng buổi sinh hoạt: Khá (86 điểm)";
    for (format, text) in [("md", &md), ("html", &html), ("docx", &docx.join("\n"))] {
        let text = text.replace("**", "").replace("<p>", "").replace("<b>", "");
        let text = text.replace("</b>", "");
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{format} lacks {needle:?}:\n{text}"))
        };
        assert!(
            at(closed) < at(approved) && at(approved) < at(rating),
            "{format}"
        );
        // The meeting's own title may say "định kỳ"; the document's title no longer shouts it.
        assert!(!text.contains("ĐỊNH KỲ"), "{format}");
    }
}

/// Without a vote the minutes are still read and approved; without a rating no rating line.
#[test]
fn minutes_without_a_vote_or_a_rating_close_without_them() {
    let l = Ledger::new("vi").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--present",
        "all",
    ])
    .ok();
    for format in ["md", "html"] {
        let out = l.run(&["minutes", "2020-07-09", "--format", format]).ok();
        assert!(
            out.stdout
                .contains("Biên bản đã được đọc lại trước chi bộ và được chi bộ thông qua."),
            "{format}:\n{}",
            out.stdout
        );
        assert!(
            !out.stdout.contains("Xếp loại chất lượng"),
            "{}",
            out.stdout
        );
    }
    let en = l
        .run(&["--lang", "en", "minutes", "2020-07-09"])
        .ok()
        .stdout;
    assert!(
        en.contains("The minutes were read to the meeting and approved.\n"),
        "{en}"
    );
    assert!(en.contains("The meeting closed at 15:40."), "{en}");
}

/// The example ledger with more settings under `[cell]` (TOML lines).
fn with_cell_settings(l: &Ledger, lines: &str) {
    let text = l.read("cellbook.toml");
    l.write(
        "cellbook.toml",
        &text.replacen("[cell]\n", &format!("[cell]\n{lines}\n"), 1),
    );
}

/// A cell's report carries its number and symbol ("Số 05-BC/CB", or the number left blank to be
/// written in) and the recipients block, in Markdown, HTML and Word alike.
#[test]
fn a_report_carries_its_number_and_its_recipients() {
    let l = Ledger::example();
    let blank = "Số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-BC/CB";
    let recipients = [
        "Nơi nhận:",
        "- Đảng bộ Kho bạc Nhà nước Ninh Thuận,",
        "- Lưu chi bộ.",
    ];
    let q3 = ["report", "--quarter", "2020-Q3"];
    for format in ["md", "html"] {
        let mut args = q3.to_vec();
        args.extend(["--format", format]);
        let text = l.run(&args).ok().stdout;
        assert!(text.contains(blank), "{format}:\n{text}");
        for r in recipients {
            assert!(text.contains(r), "{format} lacks {r:?}:\n{text}");
        }
        args.extend(["--number", "5"]);
        let text = l.run(&args).ok().stdout;
        assert!(text.contains("Số 05-BC/CB"), "{format}:\n{text}");
        assert!(!text.contains(blank), "{format}:\n{text}");
    }
    let xml = write_docx(&l, &["report", "--quarter", "2020-Q3", "--number", "12"]);
    let t = tables(&xml);
    assert!(t[0][0][0].ends_with("*\nSố 12-BC/CB"), "{:?}", t[0]);
    let sign = &columns(&t[t.len() - 1]);
    assert_eq!(sign[0], recipients.join("\n"), "{sign:?}");
    assert!(sign[1].starts_with("T/M CHI BỘ"), "{sign:?}");
}

/// The symbol and the recipients are settings; a roll-up has neither, and refuses `--number`.
#[test]
fn the_symbol_and_recipients_are_settings_and_a_rollup_has_no_number() {
    let l = Ledger::example();
    with_cell_settings(
        &l,
        "report_symbol = \"BC/CB7\"\nrecipients = [\"Đảng ủy Khối <Cơ quan>\", \"Lưu VP\"]",
    );
    l.run(&["check"]).ok();
    let html = l
        .run(&[
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "html",
            "--number",
            "3",
        ])
        .ok()
        .stdout;
    assert!(html.contains("Số 03-BC/CB7"), "{html}");
    assert!(
        html.contains("<br>- Đảng ủy Khối &lt;Cơ quan&gt;,<br>- Lưu VP.</td>"),
        "{html}"
    );
    assert!(!html.contains("Lưu chi bộ"), "{html}");
    l.run(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--format",
        "md",
        "--number",
        "0",
    ])
    .fails(2);
    // The number and the committee belong to the printed document: with a format that has no
    // header they are refused, not silently left out.
    for format in ["table", "json", "csv"] {
        for (flag, value) in [("--number", "3"), ("--committee", "c.toml")] {
            let before = snapshot(l.path());
            l.run(&[
                "report",
                "--quarter",
                "2020-Q3",
                "--format",
                format,
                flag,
                value,
            ])
            .fails(2)
            .stderr_has(&format!("{flag} dùng với --format md, html hoặc docx"));
            assert_same(&before, &snapshot(l.path()), flag);
        }
    }
    // Another cell: a copy of the example with its own id (the same id would be the same cell).
    let other = Ledger::example_cell("other");
    let (a, b) = (
        l.path().to_string_lossy().into_owned(),
        other.path().to_string_lossy().into_owned(),
    );
    let rollup = ["report", "--quarter", "2020-Q3", "--format", "md", &a, &b];
    let md = l.run(&rollup).ok().stdout;
    assert!(!md.contains("BC/CB") && !md.contains("Nơi nhận"), "{md}");
    let mut numbered = rollup.to_vec();
    numbered.extend(["--number", "4"]);
    l.run(&numbered).fails(2).stderr_has("--number");
}

/// The notes of `report --notes` (the file written next to the ledger).
const NOTES: &str = "# I. Đánh giá chung\n\nChi bộ duy trì **nền nếp**\nsinh hoạt.\n\n## Ưu điểm\n- Dự họp đầy đủ.\n- Nhiều ý kiến.\n\n# Phương hướng quý IV\n\nNâng cao chất lượng <b>sinh hoạt</b>.\n\n# Kiến nghị\n";

/// The headings of the report's numbered sections, in the order a format prints them.
fn outline_of(text: &str) -> Vec<String> {
    let roman = |s: &str| {
        s.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "IVX".contains(c)))
    };
    text.lines()
        .map(|l| {
            l.trim_start_matches("## ")
                .trim_start_matches("<h2>")
                .trim_end_matches("</h2>")
                .to_owned()
        })
        .filter(|l| roman(l))
        .collect()
}

/// `--notes FILE`: each heading of the Markdown a numbered section after the figures, with its
/// paragraphs and items, in place (before the signature) in every format people read.
#[test]
fn the_reports_own_words_are_numbered_sections_in_every_format() {
    let l = Ledger::example();
    l.write("notes.md", NOTES);
    let notes = l.path().join("notes.md").to_string_lossy().into_owned();
    let q3 = ["report", "--quarter", "2020-Q3", "--notes", &notes];
    let expected = [
        "I. CÁC BUỔI SINH HOẠT TRONG KỲ",
        "II. KẾT QUẢ",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG QUÝ IV",
        "V. KIẾN NGHỊ",
    ];
    for format in ["table", "md", "html"] {
        let mut args = q3.to_vec();
        args.extend(["--format", format]);
        let text = l.run(&args).ok().stdout;
        assert_eq!(outline_of(&text), expected, "{format}:\n{text}");
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{format} lacks {needle:?}:\n{text}"))
        };
        // In place: after the results, the paragraph's lines joined, the items kept, before the
        // signature.
        assert!(at("Đạt yêu cầu") < at("III. ĐÁNH GIÁ CHUNG"), "{format}");
        assert!(at("1. Ưu điểm") < at("Dự họp đầy đủ."), "{format}");
        let joined = match format {
            "md" => "Chi bộ duy trì **nền nếp** sinh hoạt.",
            "html" => "Chi bộ duy trì <b>nền nếp</b> sinh hoạt.",
            _ => "Chi bộ duy trì nền nếp sinh hoạt.",
        };
        assert!(at(joined) < at("1. Ưu điểm"), "{format}");
        if format != "table" {
            assert!(at("V. KIẾN NGHỊ") < at("T/M CHI BỘ"), "{format}");
        }
    }
    let html = l
        .run(&[q3.as_slice(), &["--format", "html"]].concat())
        .ok()
        .stdout;
    assert!(html.contains("<li>Dự họp đầy đủ.</li>"), "{html}");
    assert!(html.contains("&lt;b&gt;sinh hoạt&lt;/b&gt;"), "{html}");
    let xml = write_docx(&l, &q3);
    let p = paragraphs(&xml);
    let headings: Vec<String> = p
        .iter()
        .filter(|p| outline_of(p).len() == 1)
        .cloned()
        .collect();
    assert_eq!(headings, expected, "{p:?}");
    let at = |needle: &str| p.iter().position(|p| p == needle).expect(needle);
    assert!(at("III. ĐÁNH GIÁ CHUNG") < at("Chi bộ duy trì nền nếp sinh hoạt."));
    let bold = xml.split(">nền nếp</w:t>").next().unwrap_or("");
    assert!(
        bold.rsplit("<w:r>").next().unwrap_or("").contains("<w:b"),
        "bold run"
    );
    assert!(at("1. Ưu điểm") < at("– Dự họp đầy đủ."));
    assert!(at("V. KIẾN NGHỊ") > at("– Nhiều ý kiến."));
}

/// A roll-up numbers the same sections in every format: the summary, the cells, then the notes.
#[test]
fn a_rollup_has_one_outline_in_every_format() {
    let (a, b) = (Ledger::example(), Ledger::example_cell("chi-bo-8"));
    a.write("notes.md", "# Kiến nghị\nKhông.\n");
    let notes = a.path().join("notes.md").to_string_lossy().into_owned();
    let (pa, pb) = (
        a.path().to_string_lossy().into_owned(),
        b.path().to_string_lossy().into_owned(),
    );
    let args = [
        "report",
        "--quarter",
        "2020-Q3",
        "--notes",
        &notes,
        &pa,
        &pb,
    ];
    let expected = ["I. TỔNG HỢP", "II. CHI TIẾT TỪNG CHI BỘ", "III. KIẾN NGHỊ"];
    for format in ["table", "md", "html"] {
        let text = a
            .run(&[args.as_slice(), &["--format", format]].concat())
            .ok()
            .stdout;
        assert_eq!(outline_of(&text), expected, "{format}:\n{text}");
    }
    let p = paragraphs(&write_docx(&a, &args));
    let headings: Vec<String> = p
        .iter()
        .filter(|p| outline_of(p).len() == 1)
        .cloned()
        .collect();
    assert_eq!(headings, expected, "{p:?}");
}

/// Notes a report cannot place are refused, and say where and how to fix them.
#[test]
fn notes_without_headings_or_for_scripts_are_refused() {
    let l = Ledger::example();
    l.write("notes.md", "Chi bộ tốt.\n# Đánh giá\n");
    let notes = l.path().join("notes.md").to_string_lossy().into_owned();
    l.run(&["report", "--quarter", "2020-Q3", "--notes", &notes])
        .fails(1)
        .stderr_has("notes.md:1:")
        .stderr_has("# Đánh giá chung");
    l.write("notes.md", "# Đánh giá\n");
    l.run(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--notes",
        &notes,
        "--format",
        "json",
    ])
    .fails(2)
    .stderr_has("--notes");
    std::fs::write(l.path().join("notes.md"), [0xff, 0xfe, 0x00]).unwrap();
    l.run(&["report", "--quarter", "2020-Q3", "--notes", &notes])
        .fails(1)
        .stderr_has("UTF-8");
    l.run(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--notes",
        "/nonexistent/notes.md",
    ])
    .fails(1);
}

/// `--committee FILE`: the roll-up is the committee's document — its header, title, number, date
/// line, recipients and "T/M ĐẢNG ỦY" signature — in md, html and docx alike.
#[test]
fn the_committees_rollup_is_issued_and_signed_by_the_committee() {
    let (a, b) = (Ledger::example(), Ledger::example_cell("chi-bo-8"));
    a.write(
        "committee.toml",
        "name = \"Đảng ủy Khối Cơ quan tỉnh\"\nparent = \"Đảng bộ tỉnh Ninh Thuận\"\n\
         locality = \"Phan Rang\"\nsymbol = \"BC/ĐUK\"\nrecipients = [\"Ban Tổ chức Tỉnh ủy\", \"Lưu VP\"]\n\
         signer_title = \"Phó Bí thư\"\nsigner_name = \"Trần Văn Bình\"\n",
    );
    let committee = a
        .path()
        .join("committee.toml")
        .to_string_lossy()
        .into_owned();
    let (pa, pb) = (
        a.path().to_string_lossy().into_owned(),
        b.path().to_string_lossy().into_owned(),
    );
    let args = [
        "report",
        "--quarter",
        "2020-Q3",
        "--committee",
        &committee,
        "--number",
        "7",
        &pa,
        &pb,
    ];
    let md = a
        .run(&[args.as_slice(), &["--format", "md"]].concat())
        .ok()
        .stdout;
    assert!(
        md.starts_with(
            "| ĐẢNG BỘ TỈNH NINH THUẬN | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n|:---:|:---:|\n\
             | **ĐẢNG ỦY KHỐI CƠ QUAN TỈNH** | *Phan Rang, ngày 28 tháng 11 năm 2020* |\n\
             | \\* |  |\n| Số 07-BC/ĐUK |  |\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("# BÁO CÁO\n\n**Tổng hợp kết quả sinh hoạt các chi bộ quý III năm 2020**"),
        "{md}"
    );
    for needle in [
        "**T/M ĐẢNG ỦY**",
        "**PHÓ BÍ THƯ**",
        "**Trần Văn Bình**",
        "- Lưu VP.",
    ] {
        assert!(md.contains(needle), "{needle}: {md}");
    }
    assert!(!md.contains("NGƯỜI TỔNG HỢP") && !md.contains("Bản tổng hợp số liệu"));
    let html = a
        .run(&[args.as_slice(), &["--format", "html"]].concat())
        .ok()
        .stdout;
    assert!(html.contains("<b>ĐẢNG ỦY KHỐI CƠ QUAN TỈNH</b>"), "{html}");
    assert!(
        html.contains("<b>T/M ĐẢNG ỦY</b><br><b>PHÓ BÍ THƯ</b>"),
        "{html}"
    );
    let xml = write_docx(&a, &args);
    let t = tables(&xml);
    assert!(
        t[0][0][0]
            .starts_with("ĐẢNG BỘ TỈNH NINH THUẬN\nĐẢNG ỦY KHỐI CƠ QUAN TỈNH\n*\nSố 07-BC/ĐUK"),
        "{:?}",
        t[0]
    );
    let sign = &columns(&t[t.len() - 1]);
    assert_eq!(sign[0], "Nơi nhận:\n- Ban Tổ chức Tỉnh ủy,\n- Lưu VP.");
    assert!(sign[1].starts_with("T/M ĐẢNG ỦY\nPHÓ BÍ THƯ"), "{sign:?}");
    assert!(sign[1].ends_with("Trần Văn Bình"), "{sign:?}");
}

/// Without a committee a roll-up says plainly it is a compilation; the committee file is checked.
#[test]
fn a_rollup_without_a_committee_is_a_compilation() {
    let (a, b) = (Ledger::example(), Ledger::example_cell("chi-bo-8"));
    let (pa, pb) = (
        a.path().to_string_lossy().into_owned(),
        b.path().to_string_lossy().into_owned(),
    );
    let plain = ["report", "--quarter", "2020-Q3", &pa, &pb];
    for format in ["md", "html"] {
        let text = a
            .run(&[plain.as_slice(), &["--format", format]].concat())
            .ok()
            .stdout;
        assert!(text.contains("BẢN TỔNG HỢP"), "{format}: {text}");
        assert!(
            text.contains(
                "(Bản tổng hợp số liệu từ sổ sinh hoạt của 2 chi bộ; không phải văn bản do cấp ủy ban hành)"
            ),
            "{format}: {text}"
        );
        assert!(
            text.contains("NGƯỜI TỔNG HỢP") && !text.contains("T/M"),
            "{format}"
        );
    }
    let p = paragraphs(&write_docx(&a, &plain));
    assert!(
        p.iter().any(|p| p.starts_with("(Bản tổng hợp số liệu")),
        "{p:?}"
    );
    // A typo in the file, a file without a name, a committee for one cell.
    a.write("c.toml", "name = \"Đảng ủy\"\nsigner = \"X\"\n");
    let c = a.path().join("c.toml").to_string_lossy().into_owned();
    let md = ["--format", "md"];
    a.run(&[plain.as_slice(), &["--committee", &c], &md].concat())
        .fails(1)
        .stderr_has("c.toml")
        .stderr_has("signer_name");
    a.write("c.toml", "parent = \"X\"\n");
    a.run(&[plain.as_slice(), &["--committee", &c], &md].concat())
        .fails(1)
        .stderr_has("name");
    a.write("c.toml", "name = \"Đảng ủy\"\n");
    a.run(&[
        "report",
        "--quarter",
        "2020-Q3",
        "--committee",
        &c,
        "--format",
        "md",
    ])
    .fails(2)
    .stderr_has("--committee dành cho báo cáo tổng hợp");
    // With a committee, defaults: the symbol BC/ĐU, the number left blank, "BÍ THƯ".
    let md = a
        .run(&[plain.as_slice(), &["--committee", &c, "--format", "md"]].concat())
        .ok()
        .stdout;
    assert!(
        md.contains("Số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-BC/ĐU"),
        "{md}"
    );
    assert!(
        md.contains("**BÍ THƯ**") && md.contains("- Lưu Văn phòng."),
        "{md}"
    );
}

/// `notice MEETING`: the notice from the plan, as a message and as a printable document.
#[test]
fn the_notice_of_a_meeting_from_its_plan() {
    let l = Ledger::example().today("2020-07-06");
    let run = l.run(&["notice", "2020-07-09"]).ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let text = run.stdout;
    for needle in [
        "THÔNG BÁO SINH HOẠT CHI BỘ — Chi bộ 7 Kho bạc Nhà nước Thuận Bắc\n",
        "- Thời gian: 14 giờ 00, thứ Năm 09/07/2020\n",
        "- Địa điểm: Phòng họp tầng 2, KBNN Thuận Bắc\n",
        "  1. Đánh giá kết quả thực hiện nhiệm vụ chính trị",
        "  + Phạm Thị Lan: Chuẩn bị thông tin thời sự",
        "  + 12-HD/BTCTW: Hướng dẫn một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ\n",
        "T/M Chi bộ — Bí thư Nguyễn Văn Thành\n",
    ] {
        assert!(text.contains(needle), "{needle:?}:\n{text}");
    }
    // Short enough to paste: no markup, no header table.
    assert!(!text.contains('|') && !text.contains("**"), "{text}");
    let md = l
        .run(&["notice", "2020-07-09", "--format", "md"])
        .ok()
        .stdout;
    assert!(
        md.starts_with("| ĐẢNG BỘ KHO BẠC NHÀ NƯỚC NINH THUẬN |"),
        "{md}"
    );
    assert!(
        md.contains("| Số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-TB/CB |"),
        "{md}"
    );
    assert!(
        md.contains("*Thuận Bắc, ngày 06 tháng 7 năm 2020*"),
        "issued today: {md}"
    );
    assert!(
        md.contains("# THÔNG BÁO\n\n**Về việc sinh hoạt chi bộ thường kỳ tháng 7 năm 2020**"),
        "{md}"
    );
    assert!(
        md.contains("**1. Thời gian:** 14 giờ 00 phút, thứ Năm, ngày 09 tháng 7 năm 2020"),
        "{md}"
    );
    let html = l
        .run(&["notice", "2020-07-09", "--format", "html"])
        .ok()
        .stdout;
    assert!(html.contains("<h1>THÔNG BÁO<br>"), "{html}");
    assert!(html.contains("<b>4. Phân công chuẩn bị:</b>"), "{html}");
    let xml = write_docx(&l, &["notice", "2020-07-09"]);
    assert_page(&xml);
    let t = tables(&xml);
    assert!(
        t[0][0][0].ends_with("*\nSố \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-TB/CB"),
        "{:?}",
        t[0]
    );
    let sign = &columns(&t[t.len() - 1]);
    assert!(sign[0].starts_with("Nơi nhận:\n- Các đồng chí đảng viên trong chi bộ,"));
    assert!(sign[1].starts_with("T/M CHI BỘ\nBÍ THƯ") && sign[1].ends_with("Nguyễn Văn Thành"));
    let p = paragraphs(&xml);
    assert!(
        p.iter().any(
            |p| p.starts_with("5. Tài liệu nghiên cứu trước: gửi các đồng chí ngày 07/07/2020")
        ),
        "{p:?}"
    );
}

/// A meeting planned with nothing but its date still gets a notice: the ledger's usual time and
/// place, the content to follow; a thematic meeting's title is its theme. English too.
#[test]
fn a_bare_plan_gets_a_notice_with_the_usual_time_and_place() {
    let l = Ledger::new("vi").with_members().today("2020-07-01");
    l.run(&[
        "plan",
        "2020-07-09",
        "--kind",
        "thematic",
        "--title",
        "Học tập <tư tưởng> Hồ Chí Minh",
    ])
    .ok();
    let text = l.run(&["notice", "next"]).ok().stdout;
    assert!(
        text.contains(
            "Sinh hoạt chi bộ chuyên đề tháng 7 năm 2020: Học tập <tư tưởng> Hồ Chí Minh"
        ),
        "{text}"
    );
    let html = l.run(&["notice", "next", "--format", "html"]).ok().stdout;
    assert!(
        html.contains("Học tập &lt;tư tưởng&gt; Hồ Chí Minh"),
        "{html}"
    );
    assert!(html.contains("<b>3. Chuyên đề:</b>"), "{html}");
    assert!(html.contains("<b>4. Nội dung:</b> sẽ báo sau"), "{html}");
    let en = l.run(&["--lang", "en", "notice", "next"]).ok().stdout;
    assert!(en.starts_with("MEETING NOTICE — "), "{en}");
    l.run(&["notice", "2020-08-09"]).fails(1);
    // A notice for a meeting already past is written, with a warning.
    let later = Ledger::example().today("2020-10-05");
    later
        .run(&["notice", "last"])
        .ok()
        .stderr_has("buổi sinh hoạt này đã qua 2020-09-24");
}

/// Print quality: the signature block goes to a new page with the lines before it, never alone
/// (HTML: one `.keep` block that does not break; Word: every line of the block and the line
/// before it kept with the next, the headings kept with what they head); the chart reads in
/// black and white (patterns, counts on the bars, the axis named).
#[test]
fn the_signature_stays_with_the_last_lines_and_the_chart_prints_in_grey() {
    let (a, b) = (Ledger::example(), Ledger::example_cell("chi-bo-8"));
    let (pa, pb) = (
        a.path().to_string_lossy().into_owned(),
        b.path().to_string_lossy().into_owned(),
    );
    let rollup = ["report", "--quarter", "2020-Q3", &pa, &pb];
    let html = a
        .run(&[rollup.as_slice(), &["--format", "html"]].concat())
        .ok()
        .stdout;
    assert!(
        html.contains(".keep { break-inside: avoid; page-break-inside: avoid; }"),
        "{html}"
    );
    let keep = html.rsplit("<div class=\"keep\">").next().unwrap_or("");
    assert!(
        keep.starts_with("\n<ul>\n<li>Số buổi đã sinh hoạt")
            && keep.contains("<table class=\"sign\">"),
        "the last list and the signatures in one block: {keep}"
    );
    assert!(
        keep.trim_end().ends_with("</div>\n</body>\n</html>"),
        "{keep}"
    );
    for needle in [
        "<pattern id=\"lv-fair\"",
        "fill=\"url(#lv-good)\"",
        ">Số buổi</text>",
        "text-anchor=\"middle\" fill=\"#fff\">2</text>",
    ] {
        assert!(html.contains(needle), "{needle}: {html}");
    }
    let xml = write_docx(&a, &rollup);
    let sign_xml = xml.rsplit("<w:tbl>").next().unwrap_or("");
    let rows: Vec<&str> = sign_xml.split("<w:tr>").skip(1).collect();
    assert!(rows.len() >= 6, "a row a line: {sign_xml}");
    for row in &rows[..rows.len() - 1] {
        assert_eq!(row.matches("<w:keepNext").count(), 2, "{row}");
    }
    let headings = ["I. TỔNG HỢP", "II. CHI TIẾT TỪNG CHI BỘ"];
    for h in headings {
        let para = xml.split(h).next().unwrap_or("");
        let para = para.rsplit("<w:p>").next().unwrap_or("");
        assert!(para.contains("<w:keepNext"), "{h}: {para}");
    }
}

/// The two layout faults seen in print: the Word header's right column is wide enough for the
/// place-and-date line on one line (it wrapped in half the width), and the report's Markdown
/// header is two columns like the minutes' (it was stacked).
#[test]
fn the_date_line_has_room_and_the_report_header_is_two_columns() {
    let l = Ledger::example().today("2020-10-05");
    with_locality(&l, "Phan Rang");
    for args in [
        &["report", "--quarter", "2020-Q3"][..],
        &["minutes", "2020-08-10"][..],
        &["notice", "2020-09-24"][..],
    ] {
        let xml = write_docx(&l, args);
        let head = xml.split("</w:tblGrid>").next().unwrap_or("");
        let widths: Vec<i64> = head
            .split("<w:gridCol w:w=\"")
            .skip(1)
            .filter_map(|w| w.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 2, "{args:?}: {head}");
        // "Phan Rang, ngày 05 tháng 10 năm 2020": 36 characters of 14 pt italic Times, about
        // 250 pt, plus the cell's margins: 5 400 twentieths of a point.
        assert!(
            widths[1] > widths[0] && widths[1] >= 5400,
            "{args:?}: {widths:?}"
        );
    }
    let md = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "md"])
        .ok()
        .stdout;
    assert!(
        md.starts_with(
            "| ĐẢNG BỘ KHO BẠC NHÀ NƯỚC NINH THUẬN | **ĐẢNG CỘNG SẢN VIỆT NAM** |\n|:---:|:---:|\n\
             | **CHI BỘ 7 KHO BẠC NHÀ NƯỚC THUẬN BẮC** | *Phan Rang, ngày 05 tháng 10 năm 2020* |\n\
             | \\* |  |\n| Số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-BC/CB |  |\n\n# BÁO CÁO\n"
        ),
        "{md}"
    );
}

/// The notice as the members read it in Zalo and as it prints in Markdown (golden files, read by
/// hand).
#[test]
fn the_notice_as_text_and_markdown() {
    let l = Ledger::example().today("2020-07-06");
    let text = l.run(&["notice", "2020-07-09"]).ok().stdout;
    insta::assert_snapshot!("notice_text", text);
    let md = l
        .run(&["notice", "2020-07-09", "--format", "md"])
        .ok()
        .stdout;
    insta::assert_snapshot!("notice_md", md);
}

#[test]
fn the_members_self_assessment_as_a_word_document() {
    let l = Ledger::example().today("2021-01-20");
    let xml = write_docx(&l, &["review", "form", "lan", "2020"]);
    assert_page(&xml);
    let p = paragraphs(&xml);
    for expected in [
        "BẢN KIỂM ĐIỂM ĐẢNG VIÊN",
        "NĂM 2020",
        "I. Ưu điểm",
        "III. Biện pháp khắc phục",
    ] {
        assert!(p.iter().any(|p| p == expected), "{expected}: {p:?}");
    }
    assert!(p.iter().any(|p| p == "Họ và tên: Phạm Thị Lan"), "{p:?}");
    let t = tables(&xml);
    assert_eq!(t.len(), 2, "header and signature: {t:?}");
    let sign = &columns(&t[1]);
    assert!(
        sign[1].starts_with("NGƯỜI TỰ KIỂM ĐIỂM") && sign[1].ends_with("Phạm Thị Lan"),
        "{sign:?}"
    );
    // The cell's own report is signed for the cell by the secretary.
    let xml = write_docx(&l, &["review", "form", "cell", "2020"]);
    let sign = &columns(&tables(&xml)[1]);
    assert!(
        sign[1].starts_with("T/M CHI BỘ") && sign[1].ends_with("Nguyễn Văn Thành"),
        "{sign:?}"
    );
}
