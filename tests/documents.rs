//! `--format docx`: the Word documents of `report` and `minutes`, read back from the file the
//! binary writes: the page, the Party header, the tables and the signature block.

use std::io::Read;

use crate::util::{Ledger, cellbook};

/// `word/document.xml` of a .docx file.
fn document_xml(bytes: &[u8]) -> String {
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
fn paragraphs(xml: &str) -> Vec<String> {
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
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
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
    assert!(head[1].contains("Ngày 28 tháng 11 năm 2020"), "{head:?}");
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
        p.iter()
            .any(|p| p == "BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ QUÝ III NĂM 2020"),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.contains("Thực hiện chế độ sinh hoạt: Đạt yêu cầu")),
        "{p:?}"
    );
    let sign = &t[2][0];
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
        t[0][0][1].contains("Ngày 10 tháng 8 năm 2020"),
        "{:?}",
        t[0]
    );
    let sign = &t[1][0];
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
    let text = l.read("cellbook.toml");
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
    let sign = &t[t.len() - 1][0];
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
    l.run(&["report", "--quarter", "2020-Q3", "--number", "0"])
        .fails(2);
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
