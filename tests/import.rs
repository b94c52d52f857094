//! `member import FILE` (issue 15, item 11): rosters from spreadsheets, friendly and hostile.

use std::io::Write;

use crate::util::{Ledger, assert_same, snapshot};

/// An Excel workbook written by hand: one sheet named "Danh sách", the rows given as the XML of
/// their cells, with merged ranges. Style 1 is a date (number format 14), as Excel marks dates.
fn xlsx(path: &std::path::Path, rows: &[&str], merges: &[&str]) {
    let file = std::fs::File::create(path).expect("create the workbook");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
    let sheet_data: String = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| format!("<row r=\"{}\">{cells}</row>", i + 1))
        .collect();
    let merge_xml = if merges.is_empty() {
        String::new()
    } else {
        format!(
            "<mergeCells count=\"{}\">{}</mergeCells>",
            merges.len(),
            merges
                .iter()
                .map(|m| format!("<mergeCell ref=\"{m}\"/>"))
                .collect::<String>()
        )
    };
    let parts = [
        (
            "[Content_Types].xml",
            String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>",
            ),
        ),
        (
            "_rels/.rels",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{pkg}\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"Danh sách\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{pkg}\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{rel}/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/styles.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{main}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\"><sheetData>{sheet_data}</sheetData>{merge_xml}</worksheet>"
            ),
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).expect("a part");
        zip.write_all(text.as_bytes()).expect("write a part");
    }
    zip.finish().expect("finish the workbook");
}

/// An inline text cell.
fn s(r: &str, text: &str) -> String {
    format!("<c r=\"{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
}

fn headings(row: u32) -> String {
    [
        s(&format!("A{row}"), "STT"),
        s(&format!("B{row}"), "HỌ VÀ TÊN"),
        s(&format!("C{row}"), "Chuc vu"),
        s(&format!("D{row}"), "Tư cách"),
        s(&format!("E{row}"), "Ngày vào chi bộ"),
    ]
    .concat()
}

#[test]
fn an_excel_roster_with_a_title_merged_cells_blank_rows_and_every_kind_of_date() {
    let l = Ledger::new("vi").with_members().today("2026-11-30");
    let path = l.path().join("danh-sach.xlsx");
    let rows = [
        s("A1", "DANH SÁCH ĐẢNG VIÊN CHI BỘ 7"),
        String::new(),
        headings(3),
        // A date cell, formatted as a date.
        [
            s("B4", "Lê Văn Đạo"),
            s("C4", "Bí thư"),
            s("D4", "Chính thức"),
            "<c r=\"E4\" s=\"1\"><v>42064</v></c>".into(),
        ]
        .concat(),
        // A role merged over two rows; a serial number not formatted as a date.
        [
            s("B5", "Trần Thị Mai"),
            s("C5", "Chi ủy viên"),
            s("D5", "dự bị"),
            "<c r=\"E5\"><v>43970</v></c>".into(),
        ]
        .concat(),
        // A date typed as text; a formula with its value.
        [s("B6", "Phan Văn Bảy"), s("E6", "19/05/2020")].concat(),
        String::new(),
        [
            s("B8", "Ngô Thị Tám"),
            "<c r=\"E8\" s=\"1\"><f>DATE(2021,1,4)</f><v>44200</v></c>".into(),
        ]
        .concat(),
        // A date cell of a workbook written with ISO dates (t="d").
        [
            s("B9", "Đỗ Thị Chín"),
            "<c r=\"E9\" t=\"d\"><v>2021-02-03T00:00:00</v></c>".into(),
        ]
        .concat(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    xlsx(&path, &rows, &["A1:E1", "C5:C6"]);
    let before = snapshot(l.path());
    l.run(&["member", "import", "danh-sach.xlsx", "--dry-run"])
        .ok()
        .stdout_has("(Danh sách): dòng tiêu đề 3")
        .stdout_has("Cột không dùng: STT")
        .stdout_has("Sẽ thêm 5 đảng viên")
        .stdout_has("--dry-run: chưa ghi gì.");
    assert_same(&before, &snapshot(l.path()), "a dry run");
    // A sheet named as people type it; a sheet the workbook does not have.
    l.run(&[
        "member",
        "import",
        "danh-sach.xlsx",
        "--sheet",
        "DANH SACH",
        "--dry-run",
    ])
    .ok()
    .stdout_has("Sẽ thêm 5 đảng viên");
    l.run(&["member", "import", "danh-sach.xlsx", "--sheet", "Sheet2"])
        .fails(1)
        .stderr_has("không có trang tính 'Sheet2' (các trang: Danh sách)");
    l.run(&["member", "import", "danh-sach.xlsx", "--yes"])
        .ok()
        .stdout_has("Đã thêm 5 đảng viên vào danh sách.");
    let roster = l.read("members.toml");
    for entry in [
        "id = \"dao\"\nname = \"Lê Văn Đạo\"\nrole = \"secretary\"\nstatus = \"full\"\njoined = 2015-03-01",
        "id = \"mai\"\nname = \"Trần Thị Mai\"\nrole = \"committee\"\nstatus = \"probationary\"\njoined = 2020-05-19",
        "id = \"bay\"\nname = \"Phan Văn Bảy\"\nrole = \"committee\"\nstatus = \"full\"\njoined = 2020-05-19",
        "id = \"tam2\"\nname = \"Ngô Thị Tám\"\nrole = \"member\"\nstatus = \"full\"\njoined = 2021-01-04",
        "id = \"chin\"\nname = \"Đỗ Thị Chín\"\nrole = \"member\"\nstatus = \"full\"\njoined = 2021-02-03",
    ] {
        assert!(roster.contains(entry), "{entry}\n---\n{roster}");
    }
    l.run(&["check"]).ok();
    // Imported again: everyone is already there, nothing changes.
    let before = snapshot(l.path());
    l.run(&["member", "import", "danh-sach.xlsx", "--yes"])
        .ok()
        .stdout_has("Đã có trong danh sách, giữ nguyên (5)")
        .stdout_has("Không có ai mới để thêm.");
    assert_same(&before, &snapshot(l.path()), "imported twice");
}

#[test]
fn a_bad_cell_anywhere_refuses_the_whole_file_naming_row_and_column() {
    let l = Ledger::new("en").with_members().today("2026-11-30");
    let path = l.path().join("roster.xlsx");
    let rows = [
        headings(1),
        [s("B2", "Lê Văn Đạo"), s("E2", "2020-01-01")].concat(),
        [
            s("B3", "Trần Văn Chín"),
            "<c r=\"E3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>".into(),
        ]
        .concat(),
        [
            s("B4", "Võ Thị Mười"),
            s("C4", "Chủ tịch"),
            s("E4", "31/02/2020"),
        ]
        .concat(),
        [s("B5", "le van dao")].concat(),
        [
            s("B6", "Đinh Văn Một"),
            s("D6", "dự bị"),
            "<c r=\"E6\"><v>12.75</v></c>".into(),
        ]
        .concat(),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    xlsx(&path, &rows, &[]);
    let before = snapshot(l.path());
    let run = l
        .run(&["member", "import", "roster.xlsx", "--yes"])
        .fails(1)
        .stdout_has("row 3, column E (joined): the cell holds a formula error #DIV/0!")
        .stdout_has("row 4, column C (role): 'Chủ tịch' is not a role")
        .stdout_has("row 4, column E (joined): '31/02/2020' is not a valid date")
        .stdout_has("row 5, column B (name): the same le van dao as row 2")
        .stdout_has("row 6, column E (joined): '12.75' is a number, not a date")
        .stderr_has("5 problems in the file; nobody was added");
    assert!(!run.stdout.contains("Added"), "{}", run.stdout);
    assert_same(&before, &snapshot(l.path()), "a refused import");
}

#[test]
fn a_csv_from_a_vietnamese_windows_or_with_a_bom_is_read() {
    let l = Ledger::new("vi").today("2026-11-30");
    // windows-1258: "Họ và tên;Ngày vào" then "Lê Văn Đạo;01/03/2015", tone marks as combining
    // characters (ọ = o + 0xF2, à = 0xE0, ê = 0xEA, ă = 0xE3, Đ = 0xD0, ạ = a + 0xF2).
    let mut bytes: Vec<u8> = vec![
        b'H', b'o', 0xF2, b' ', b'v', 0xE0, b' ', b't', 0xEA, b'n', b';', b'N', b'g', b'a', b'y',
        b' ', b'v', b'a', b'o', b'\r', b'\n', b'L', 0xEA, b' ', b'V', 0xE3, b'n', b' ', 0xD0, b'a',
        0xF2, b'o', b';',
    ];
    bytes.extend_from_slice(b"01/03/2015\r\n");
    std::fs::write(l.path().join("ds.csv"), &bytes).unwrap();
    l.run(&["member", "import", "ds.csv", "--yes"])
        .ok()
        .stdout_has("(windows-1258)")
        .stdout_has("Đã thêm 1 đảng viên");
    assert!(
        l.read("members.toml")
            .contains("name = \"Lê Văn Đạo\"\nrole = \"member\"")
    );
    // UTF-8 with a BOM, commas, English headings in capitals; an id given.
    l.write(
        "b.csv",
        "\u{feff}NAME,ID,ROLE,STATUS,JOINED,ADMITTED\nTrần Thị Hai,hai,deputy,probationary,2026-01-10,2025-12-20\n",
    );
    l.run(&["member", "import", "b.csv", "--yes"]).ok();
    assert!(
        l.read("members.toml").contains(
            "id = \"hai\"\nname = \"Trần Thị Hai\"\nrole = \"deputy\"\nstatus = \"probationary\"\njoined = 2026-01-10\nadmitted = 2025-12-20"
        )
    );
}

#[test]
fn hostile_files_are_refused_clearly_and_change_nothing() {
    let l = Ledger::new("en").with_members();
    let before = snapshot(l.path());
    // 10 MB of rows: more than a cell's roster.
    let mut big = String::from("Name,Joined\n");
    while big.len() < 10 * 1024 * 1024 {
        big.push_str("Nguyễn Văn Một Hai Ba Bốn Năm,2020-01-01\n");
    }
    l.write("big.csv", &big);
    l.run(&["member", "import", "big.csv", "--yes"])
        .fails(1)
        .stderr_has("has more than 10000 rows");
    // A zip that is no workbook; an old .xls; no heading; a folder; a missing file.
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend(std::iter::repeat_n(0x5a_u8, 4096));
    std::fs::write(l.path().join("junk.xlsx"), &junk).unwrap();
    l.run(&["member", "import", "junk.xlsx"])
        .fails(1)
        .stderr_has("cannot read the Excel file (.xlsx)");
    std::fs::write(l.path().join("old.xls"), [0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap();
    l.run(&["member", "import", "old.xls"])
        .fails(1)
        .stderr_has("save it as .xlsx or CSV");
    l.write("none.csv", "a,b\n1,2\n");
    l.run(&["member", "import", "none.csv"])
        .fails(1)
        .stderr_has("no heading row with a name column");
    l.write("two.csv", "Name,Họ và tên\n");
    l.run(&["member", "import", "two.csv"])
        .fails(1)
        .stderr_has("two columns are both 'name': columns A and B");
    l.write("empty.csv", "");
    l.run(&["member", "import", "empty.csv"])
        .fails(1)
        .stderr_has("the file has no rows");
    // Old Mac line ends (CR alone): rows are still numbered as a person counts them.
    l.write(
        "cr.csv",
        "Name,Joined\rLê Văn Đạo,2020-01-01\rTrần Văn Ba,2020-13-01\r",
    );
    l.run(&["member", "import", "cr.csv"])
        .fails(1)
        .stdout_has("row 3, column B (joined): '2020-13-01'")
        .stderr_has("1 problem in the file");
    l.run(&["member", "import", "meetings"]).fails(1);
    l.run(&["member", "import", "absent.csv"]).fails(1);
    l.write("ok.csv", "Name\nLê Văn Đạo\n");
    l.run(&["member", "import", "ok.csv", "--sheet", "x"])
        .fails(2);
    // Without --yes and nobody to ask: shown, not written.
    l.run(&["member", "import", "ok.csv"])
        .fails(2)
        .stdout_has("dao (from the name)")
        .stderr_has("add --yes");
    for f in [
        "big.csv",
        "junk.xlsx",
        "old.xls",
        "none.csv",
        "two.csv",
        "ok.csv",
        "empty.csv",
        "cr.csv",
    ] {
        std::fs::remove_file(l.path().join(f)).unwrap();
    }
    assert_same(&before, &snapshot(l.path()), "hostile files");
}

#[test]
fn an_import_that_would_break_a_held_meeting_is_refused_unless_forced() {
    let l = Ledger::new("en").with_members().today("2020-08-01");
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    l.write("late.csv", "Name,Joined\nLê Văn Đạo,2020-01-01\n");
    let before = snapshot(l.path());
    l.run(&["member", "import", "late.csv", "--yes"]).fails(1);
    assert_same(&before, &snapshot(l.path()), "a held meeting");
    l.run(&["member", "import", "late.csv", "--yes", "--force"])
        .ok()
        .stderr_has("warning");
}

#[test]
fn a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read() {
    let l = Ledger::new("en");
    // A small part whose directory entry declares 3.75 GB unpacked, as a zip bomb's does.
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("xl/sharedStrings.xml", opts).unwrap();
        zip.write_all(b"<sst/>").unwrap();
        zip.finish().unwrap();
    }
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory entry");
    bytes[central + 24..central + 28].copy_from_slice(&0xF000_0000_u32.to_le_bytes());
    std::fs::write(l.path().join("bomb.xlsx"), &bytes).unwrap();
    let before = snapshot(l.path());
    l.run(&["member", "import", "bomb.xlsx", "--dry-run"])
        .fails(1)
        .stderr_has("the workbook unpacks to 3840 MB (at most 256 MB)");
    assert_same(&before, &snapshot(l.path()), "a zip bomb");
}
