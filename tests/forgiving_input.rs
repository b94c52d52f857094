//! Input as people type it: quarters written the Vietnamese way (`III/2020`, `quý 3/2020`),
//! and `--present all,ID` for everyone plus an exempted member who came.

use crate::util::Ledger;

#[test]
fn every_way_of_writing_a_quarter_names_the_same_quarter() {
    let l = Ledger::example();
    let list = l.run(&["list", "--quarter", "2020-Q3"]).ok().stdout;
    let report = l
        .run(&["report", "--quarter", "2020-Q3", "--format", "json"])
        .ok()
        .stdout;
    assert!(list.contains("2020-07-09"), "{list}");
    for form in [
        "Q3/2020",
        "III/2020",
        "quý 3/2020",
        "quý III năm 2020",
        "QUY III NAM 2020",
    ] {
        assert_eq!(
            l.run(&["list", "--quarter", form]).ok().stdout,
            list,
            "{form}"
        );
        let r = l.run(&["report", "--quarter", form, "--format", "json"]);
        assert_eq!(r.ok().stdout, report, "{form}");
    }
}

#[test]
fn a_quarter_that_is_not_one_is_refused_in_the_ledgers_language() {
    let l = Ledger::example();
    l.run(&["list", "--quarter", "quý 5/2020"])
        .fails(2)
        .stderr_has("'quý 5/2020' không phải là một kỳ");
    l.run(&["--lang", "en", "report", "--quarter", "V/2020"])
        .fails(2)
        .stderr_has("'V/2020' is not a period");
    // A month is no quarter, however it is written.
    l.run(&["--lang", "en", "report", "--quarter", "2020-07"])
        .fails(2)
        .stderr_has("2020-Q3");
}
