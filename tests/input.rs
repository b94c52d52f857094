//! Issue 15, items 8–12: suggestions, plan updates, the members' calendar, roster import.

use crate::util::{Ledger, assert_same, snapshot};

// Item 8: suggestions that work.

#[test]
fn an_id_typed_with_diacritics_suggests_the_id_without() {
    let l = Ledger::new("vi");
    let before = snapshot(l.path());
    l.run(&["member", "add", "Lê Văn Đạo", "--id", "Đạo"])
        .fails(1)
        .stderr_has("mã không hợp lệ 'Đạo'")
        .stderr_has("--id dao?");
    l.run(&[
        "--lang",
        "en",
        "member",
        "add",
        "Lê Văn Đạo",
        "--id",
        "Dao Le",
    ])
    .fails(1)
    .stderr_has("did you mean --id dao-le?");
    assert_same(&before, &snapshot(l.path()), "a refused id");
}

#[test]
fn member_add_without_an_id_takes_the_given_name() {
    let l = Ledger::new("vi");
    l.run(&["member", "add", "Lê Văn Đạo"])
        .ok()
        .stdout_has("Lê Văn Đạo (dao)");
    l.run(&["member", "add", "Trần Đạo"])
        .ok()
        .stdout_has("Trần Đạo (dao2)");
    l.run(&["member", "add", "123"]).fails(2).stderr_has("--id");
}

#[test]
fn an_unknown_full_name_suggests_the_nearest_members_up_to_five() {
    let l = Ledger::new("vi");
    for (name, id) in [
        ("Đặng Văn Đức", "duc"),
        ("Lê Văn Đức", "duc2"),
        ("Phan Văn Đức", "duc3"),
        ("Võ Văn Đức", "duc4"),
        ("Hồ Văn Đức", "duc5"),
        ("Ngô Văn Đức", "duc6"),
        ("Trần Thị Lan", "lan"),
    ] {
        l.run(&["member", "add", name, "--id", id, "--joined", "2015-01-01"])
            .ok();
    }
    let run = l
        .run(&["member", "set", "Nguyễn Văn Đức", "--role", "committee"])
        .fails(1);
    let shown = run.stderr.matches("Văn Đức)").count();
    assert_eq!(shown, 5, "{}", run.stderr);
    assert!(!run.stderr.contains("Trần Thị Lan"), "{}", run.stderr);
    // A typo in the given name still finds her.
    l.run(&["member", "set", "Tran Thi Lna", "--role", "committee"])
        .fails(1)
        .stderr_has("lan (Trần Thị Lan)");
}
