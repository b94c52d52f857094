//! `cellbook rate` and `cellbook rubric`: measured criteria, refusals, and check's recompute.

use crate::util::{HD42_SCORES, Ledger, assert_same, held_meeting, snapshot};

/// A small English ledger with one recorded meeting, ready to rate with hd42-2025.
fn held() -> Ledger {
    held_meeting(
        "en",
        &[
            "--minutes",
            "Proceedings.",
            "--action",
            "duc=Report@2020-08-01",
        ],
    )
}

#[test]
fn rating_measures_what_it_can_and_records_the_result() {
    let l = held();
    let mut args = vec![
        "rate",
        "2020-07-09",
        "--by",
        "trinh",
        "--by",
        "Hoà",
        "--note",
        "Good meeting",
    ];
    args.extend(HD42_SCORES);
    let run = l
        .run(&args)
        .ok()
        .stdout_has("0 minutes short")
        .stdout_has("100%")
        .stdout_has("Total: 90/95")
        .stdout_has("Level: Good");
    assert!(!run.stdout.contains("Lowered"), "{}", run.stdout);
    let file = l.read("meetings/2020/2020-07-09.toml");
    assert!(file.contains("[rating]\nrubric = \"hd42-2025\"\nby = [\"trinh\", \"hoa\"]\non = 2020-07-20\nnote = \"Good meeting\"\ntotal = 90\nlevel = \"good\"\nscores = { chairing = 8, closing-minutes = 2, closing-posted = 1, conduct-docs = 1, content = 10, criticism = 2, prep-content = 3, prep-notice = 1, principles = 5, procedure = 5, results = 27, thinking = 1 }\n"), "{file}");
    l.run(&["check"]).ok();
    l.run(&["list"]).ok().stdout_has("Good (90)");
    l.run(&["show", "2020-07-09"])
        .ok()
        .stdout_has("Result: Good (90 points, hd42-2025)");
}

#[test]
fn json_sheet_has_the_documented_shape() {
    let l = held();
    let mut args = vec!["rate", "2020-07-09", "--json"];
    args.extend(HD42_SCORES);
    let run = l.run(&args).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(v["meeting"], "2020-07-09");
    assert_eq!(v["rubric"], "hd42-2025");
    assert_eq!(v["total"], 90);
    assert_eq!(v["level"], "good");
    assert!(v["gates_applied"].as_array().unwrap().is_empty());
    let duration = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "duration")
        .unwrap();
    assert_eq!(duration["measure"], "duration_short_minutes");
    assert_eq!(duration["value"], 0.0);
    assert_eq!(duration["points"], 5);
    assert_eq!(duration["max"], 5);
    assert_eq!(duration["applies"], true);
    // July holds no thematic meeting: its line is out of the maximum.
    let thematic = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "thematic")
        .unwrap();
    assert_eq!(thematic["applies"], false);
    assert_eq!(thematic["source"], "excluded");
    assert_eq!(v["max_total"], 95);
}

#[test]
fn rating_refuses_bad_scores_and_changes_nothing() {
    let l = held();
    let before = l.files();
    let rate = |extra: &[&str]| {
        let mut args = vec!["rate", "2020-07-09"];
        args.extend_from_slice(extra);
        l.run(&args)
    };
    let mut all = HD42_SCORES.to_vec();
    all.extend(["--score", "bogus=1"]);
    rate(&all).fails(1).stderr_has("unknown criterion `bogus`");
    let mut too_many = HD42_SCORES.to_vec();
    too_many.extend(["--score", "chairing=11"]);
    rate(&too_many)
        .fails(1)
        .stderr_has("`chairing` is worth at most 10 points, not 11");
    let mut measured = HD42_SCORES.to_vec();
    measured.extend(["--score", "duration=5"]);
    rate(&measured).fails(1).stderr_has(
        "`duration` is measured from the record (duration_short_minutes = 0): fix the record instead",
    );
    rate(&HD42_SCORES[..8])
        .fails(1)
        .stderr_has("`results`")
        .stderr_has("needs a score from the raters: previous_actions_done_rate cannot be computed");
    let mut outsider = HD42_SCORES.to_vec();
    outsider.extend(["--by", "ghost"]);
    rate(&outsider)
        .fails(1)
        .stderr_has("no member has the name or id 'ghost'");
    rate(&["--score", "chairing=x"])
        .fails(2)
        .stderr_has("whole number");
    let mut other = HD42_SCORES.to_vec();
    other.extend(["--rubric", "nope"]);
    rate(&other).fails(1).stderr_has("unknown rubric 'nope'");
    assert_eq!(before, l.files());
}

#[test]
fn a_meeting_not_yet_recorded_cannot_be_rated() {
    let l = Ledger::new("en").with_members();
    l.run(&["plan", "2020-07-09"]).ok();
    let before = l.files();
    l.run(&["rate", "2020-07-09", "--score", "conduct=1"])
        .fails(1)
        .stderr_has("has not been recorded")
        .stderr_has("cellbook record 2020-07-09");
    assert_eq!(before, l.files());
}

#[test]
fn the_previous_meeting_s_actions_are_measured() {
    let l = held().today("2020-08-20");
    l.run(&["action", "done", "2020-07-09/1", "--on", "2020-07-30"])
        .ok();
    l.run(&[
        "record",
        "2020-08-10",
        "--start",
        "14:00",
        "--end",
        "15:30",
        "--present",
        "all",
        "--spoke",
        "trinh",
    ])
    .ok();
    let run = l
        .run(&[
            "rate",
            "2020-08-10",
            "--score",
            "prep-docs=0",
            "--score",
            "closing-vote=0",
            "--score",
            "prep-content=2",
            "--score",
            "prep-notice=1",
            "--score",
            "procedure=4",
            "--score",
            "content=8",
            "--score",
            "criticism=2",
            "--score",
            "thinking=1",
            "--score",
            "conduct-docs=0",
            "--score",
            "chairing=8",
            "--score",
            "principles=5",
            "--score",
            "closing-minutes=2",
            "--score",
            "closing-posted=1",
        ])
        .ok();
    let row = |id: &str, value: &str| {
        run.stdout
            .lines()
            .any(|l| l.contains(&format!(" {id} ")) && l.contains(value))
    };
    assert!(row("results", "100%"), "{}", run.stdout);
    // Only one of five present spoke: 0.2 falls in the lowest speakers band.
    assert!(row("speakers", "20%"), "{}", run.stdout);
}

#[test]
fn check_finds_a_rating_that_no_longer_matches() {
    let l = held();
    let mut args = vec!["rate", "2020-07-09"];
    args.extend(HD42_SCORES);
    l.run(&args).ok();
    // Someone edits the total by hand.
    let path = "meetings/2020/2020-07-09.toml";
    l.write(path, &l.read(path).replace("total = 90", "total = 95"));
    l.run(&["check"])
        .fails(1)
        .stderr_has("error[E050]: the recorded total is 95, but the rubric and the record give 90");
    // The record changes after the rating: the meeting ran only 70 minutes.
    l.write(
        path,
        &l.read(path)
            .replace("total = 95", "total = 90")
            .replace("end = 15:40:00", "end = 15:10:00"),
    );
    l.run(&["check"])
        .fails(1)
        .stderr_has("E050")
        .stderr_has("W001");
    // Rating again fixes it.
    let mut again = vec!["rate", "2020-07-09"];
    again.extend(HD42_SCORES);
    // 70 minutes is 20 short of 90: 3 points.
    l.run(&again)
        .ok()
        .stdout_has("20 minutes short")
        .stdout_has("The meeting was 20 minutes short of the required length");
    l.run(&["check", "--only", "ratings"]).ok();
}

#[test]
fn a_gate_lowers_the_level_and_says_why() {
    let l = Ledger::new("en").with_members().today("2020-07-20");
    l.write("rubrics/strict.toml", "schema = 1\nid = \"strict\"\nname = \"Strict\"\n[levels]\ngood = 9\nfair = 6\naverage = 3\n[[criteria]]\nid = \"work\"\ntitle = \"Work\"\nmax = 10\n[[gates]]\nlevel = \"good\"\nmeasure = \"unexcused_absences\"\nmax = 0\n");
    l.run(&[
        "record",
        "2020-07-09",
        "--present",
        "trinh,hoa,lan,tam",
        "--unexcused",
        "duc",
    ])
    .ok();
    let run = l
        .run(&[
            "rate",
            "2020-07-09",
            "--rubric",
            "strict",
            "--score",
            "work=10",
            "--json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["total"], 10);
    assert_eq!(v["level"], "fair");
    assert_eq!(v["gates_applied"][0]["lowered_from"], "good");
    assert_eq!(v["gates_applied"][0]["lowered_to"], "fair");
    l.run(&[
        "rate",
        "2020-07-09",
        "--rubric",
        "strict",
        "--score",
        "work=10",
    ])
    .ok()
    .stdout_has("Lowered from Good → Fair: Absences without a reason must be at most 0 (it is 1)");
    l.run(&["check"]).ok();
}

#[test]
fn rubric_commands_list_show_and_check() {
    let l = Ledger::new("en");
    l.run(&["rubric", "list"])
        .ok()
        .stdout_has("phu-tho-2019")
        .stdout_has("binh-thuan-2019")
        .stdout_has("hd42-2025");
    l.run(&["rubric", "show", "phu-tho-2019"])
        .ok()
        .stdout_has("attendance rate: at least 95% → 20");
    for id in ["phu-tho-2019", "binh-thuan-2019", "hd42-2025"] {
        let src = l.run(&["rubric", "show", id]).ok();
        assert!(
            src.stdout.contains("Levels: Good ≥ 90"),
            "{id}: {}",
            src.stdout
        );
    }
    l.write("rubrics/club.toml", "schema = 1\nid = \"club\"\nname = \"Club\"\n[levels]\ngood = 8\nfair = 6\naverage = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\"\nmax = 10\n");
    l.run(&["rubric", "check", "rubrics/club.toml"])
        .ok()
        .stdout_has("The rubric is valid: club");
    l.run(&["rubric", "list"]).ok().stdout_has("club");
    l.write("rubrics/bad.toml", "schema = 1\nid = \"bad\"\nname = \"Bad\"\n[levels]\ngood = 80\nfair = 90\naverage = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\"\nmax = 10\nbands = [{ min = 1, points = 1 }]\n");
    let run = l.run(&["rubric", "check", "rubrics/bad.toml"]).fails(1);
    assert!(run.stderr.contains("rubrics/bad.toml:"), "{}", run.stderr);
    assert!(
        run.stderr.matches("error[R").count() >= 2,
        "all problems at once: {}",
        run.stderr
    );
}

#[test]
fn a_custom_rubric_rates_a_club_meeting() {
    let l = Ledger::new("en").with_members().today("2020-07-20");
    l.write("rubrics/club.toml", "schema = 1\nid = \"club\"\nname = \"Club\"\n[levels]\ngood = 8\nfair = 6\naverage = 4\n[[criteria]]\nid = \"fun\"\ntitle = \"Fun\"\nmax = 5\n[[criteria]]\nid = \"turnout\"\ntitle = \"Turnout\"\nmax = 5\nmeasure = \"attendance_rate\"\nbands = [{ min = 0.8, points = 5 }, { min = 0.0, points = 1 }]\n");
    l.run(&["record", "2020-07-09", "--present", "all"]).ok();
    l.run(&["rate", "2020-07-09", "--rubric", "club", "--score", "fun=4"])
        .ok()
        .stdout_has("Total: 9/10")
        .stdout_has("Level: Good");
    l.run(&["check"]).ok();
}

#[test]
fn rubric_show_lists_caps() {
    let l = Ledger::new("en");
    let run = l.run(&["rubric", "show", "hd42-2025"]).ok();
    // The cap on attendance: at most 1 point while anyone is absent without a reason.
    assert!(run.stdout.contains("at most 1 while"), "{}", run.stdout);
    assert!(
        run.stdout.contains("absences without a reason"),
        "{}",
        run.stdout
    );
}

/// A ledger of a cell with only a secretary and `full` full members in all, written by hand.
fn cell_of(full: usize, secretary_only: bool) -> Ledger {
    let l = Ledger::new("en").today("2020-07-20");
    let mut roster = String::from("schema = 1\n");
    for i in 0..full {
        let role = match i {
            0 => "secretary",
            1 if !secretary_only => "deputy",
            _ => "member",
        };
        roster.push_str(&format!(
            "\n[[member]]\nid = \"m{i}\"\nname = \"Member {i}\"\nrole = \"{role}\"\nstatus = \"full\"\njoined = 2010-01-01\n"
        ));
    }
    l.write("members.toml", &roster);
    l
}

/// `rate --json` with every criterion the raters score for this meeting at its maximum.
fn rate_json(l: &Ledger, meeting: &str, scored: &[(&str, u32)]) -> serde_json::Value {
    let mut args = vec!["rate".to_owned(), meeting.to_owned(), "--json".to_owned()];
    for (id, points) in scored {
        args.push("--score".into());
        args.push(format!("{id}={points}"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = l.run(&args).ok();
    serde_json::from_str(&run.stdout).expect("json")
}

fn line<'v>(sheet: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    sheet["criteria"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no line {id} in {sheet}"))
}

const FULL_SCORES: [(&str, u32); 12] = [
    ("prep-content", 3),
    ("prep-notice", 1),
    ("procedure", 5),
    ("content", 10),
    ("criticism", 2),
    ("thinking", 1),
    ("conduct-docs", 1),
    ("chairing", 10),
    ("principles", 5),
    ("closing-minutes", 2),
    ("closing-posted", 1),
    ("results", 30),
];

#[test]
fn excused_full_members_are_not_in_the_voting_base() {
    // 10 full members, 3 absent with a reason, 5 in favour: more than half of the 7 summoned.
    let l = cell_of(10, false);
    l.run(&["plan", "2020-07-09", "--docs-sent", "2020-07-07"])
        .ok();
    l.run(&[
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:30",
        "--present",
        "m0,m1,m2,m3,m4,m5,m6",
        "--excused",
        "m7=ill",
        "--excused",
        "m8=ill",
        "--excused",
        "m9=away on duty",
        "--spoke",
        "m0",
        "--vote",
        "5/2/0",
    ])
    .ok();
    let sheet = rate_json(&l, "2020-07-09", &FULL_SCORES);
    assert_eq!(line(&sheet, "closing-vote")["value"], 1.0);
    assert_eq!(line(&sheet, "closing-vote")["points"], 2);
    // The old base, every counted full member, is still a setting: 5 of 10 fails.
    let settings = l.read("cellbook.toml");
    l.write(
        "cellbook.toml",
        &settings.replace("[meetings]\n", "[meetings]\nvoting_base = \"counted\"\n"),
    );
    assert!(l.read("cellbook.toml").contains("voting_base"));
    let sheet = rate_json(&l, "2020-07-09", &FULL_SCORES);
    assert_eq!(line(&sheet, "closing-vote")["value"], 0.0);
    assert_eq!(line(&sheet, "closing-vote")["points"], 0);
}

#[test]
fn the_form_s_bands_through_the_binary() {
    // A cell with only a secretary: the committee line is full marks without a meeting.
    let l = cell_of(4, true).today("2020-08-20");
    let record = |date: &str, end: &str, kind: &str| {
        l.run(&["plan", date, "--kind", kind, "--docs-sent", "2020-07-01"])
            .ok();
        let mut args = vec!["record", date, "--start", "14:00", "--end", end];
        args.extend_from_slice(&["--present", "all", "--spoke", "m0,m1", "--vote", "4/0/0"]);
        l.run(&args).ok();
    };
    // 80 minutes: 10 short of 90 → 4; 2 of 4 spoke (exactly half) → 4.
    record("2020-07-09", "15:20", "regular");
    let sheet = rate_json(&l, "2020-07-09", &FULL_SCORES);
    assert_eq!(line(&sheet, "duration")["points"], 4);
    assert_eq!(line(&sheet, "speakers")["points"], 4);
    assert_eq!(line(&sheet, "attendance")["points"], 4);
    let committee = line(&sheet, "prep-committee");
    assert_eq!(
        (committee["points"].as_u64(), committee["source"].as_str()),
        (Some(2), Some("full_marks"))
    );
    // No thematic meeting in July: out of 95.
    assert_eq!(line(&sheet, "thematic")["source"], "excluded");
    assert_eq!(sheet["max_total"], 95);
    // August holds a thematic meeting before its regular one: the line counts, out of 100.
    record("2020-08-03", "15:30", "thematic");
    record("2020-08-10", "14:40", "regular");
    let mut with_thematic = FULL_SCORES.to_vec();
    with_thematic.push(("thematic", 5));
    let sheet = rate_json(&l, "2020-08-10", &with_thematic);
    assert_eq!(line(&sheet, "thematic")["applies"], true);
    assert_eq!(sheet["max_total"], 100);
    // 40 minutes is under half of 90: 1, never 0.
    assert_eq!(line(&sheet, "duration")["points"], 1);
    // The previous regular meeting (July) set no tasks; the thematic one in between is not it.
    assert_eq!(line(&sheet, "results")["source"], "scored");
}

#[test]
fn a_cell_of_thirty_needs_120_minutes() {
    let record = |l: &Ledger| {
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
    };
    let large = cell_of(30, false);
    record(&large);
    large.run(&["check"]).ok().stderr_has("W001");
    let small = cell_of(29, false);
    record(&small);
    let run = small.run(&["check"]).ok();
    assert!(!run.stderr.contains("W001"), "{}", run.stderr);
}

#[test]
fn a_shared_sitting_needs_120_minutes_in_check_too() {
    let l = cell_of(5, false);
    let times = ["--start", "14:00", "--end", "15:40", "--present", "all"];
    let mut regular = vec!["record", "2020-07-09"];
    regular.extend(times);
    l.run(&regular).ok();
    let run = l.run(&["check"]).ok();
    assert!(!run.stderr.contains("W001"), "{}", run.stderr);
    // A thematic meeting recorded on the same date: one sitting of 100 minutes, 120 required.
    l.run(&["plan", "2020-07-09", "--kind", "thematic", "--another"])
        .ok();
    let mut thematic = vec!["record", "2020-07-09-2"];
    thematic.extend(times);
    l.run(&thematic).ok();
    let run = l.run(&["check"]).ok();
    assert_eq!(run.stderr.matches("W001").count(), 2, "{}", run.stderr);
    assert!(run.stderr.contains("120"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// [rating] thematic: a rubric of their own for thematic meetings, or none

/// The example with its thematic meeting (2020-09-24) not rated, and `thematic` set as given
/// (`None`: the key left out, so thematic meetings are rated like regular ones).
fn example_thematic(thematic: Option<&str>) -> Ledger {
    let l = Ledger::example();
    let file = "meetings/2020/2020-09-24.toml";
    let text = l.read(file);
    let cut = text
        .find("\n[rating]")
        .expect("the example's thematic meeting is rated");
    l.write(file, &text[..=cut]);
    if let Some(t) = thematic {
        let cfg = l.read("cellbook.toml");
        l.write("cellbook.toml", &format!("{cfg}thematic = \"{t}\"\n"));
    }
    l
}

fn json_of(run: &crate::util::Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

#[test]
fn a_thematic_meeting_not_rated_by_design_is_never_unrated_in_the_report() {
    let report = |l: &Ledger| {
        json_of(
            &l.run(&["report", "--quarter", "2020-Q3", "--format", "json"])
                .ok(),
        )
    };
    // Rated like the regular ones, the unrated thematic meeting fails compliance …
    let v = report(&example_thematic(None));
    let c = &v["cells"][0];
    assert_eq!(
        c["compliance"]["unrated"],
        serde_json::json!(["2020-09-24"])
    );
    assert_eq!(c["compliance"]["ok"], false);
    assert_eq!(c["meetings"][3]["status"], "held");
    // … and with `thematic = "none"` it is not rated by design.
    let l = example_thematic(Some("none"));
    let v = report(&l);
    let c = &v["cells"][0];
    assert_eq!(c["compliance"]["unrated"], serde_json::json!([]));
    assert_eq!(c["compliance"]["ok"], true);
    assert_eq!(c["meetings"][3]["id"], "2020-09-24");
    assert_eq!(c["meetings"][3]["status"], "not_rated");
    assert_eq!(c["totals"]["held"], 4);
    assert_eq!(c["totals"]["rated"], 3);
    let table = l
        .run(&[
            "--lang",
            "en",
            "report",
            "--quarter",
            "2020-Q3",
            "--format",
            "md",
        ])
        .ok();
    assert!(
        table.stdout.contains("not rated by design"),
        "{}",
        table.stdout
    );
    assert!(
        !table.stdout.contains("Meetings recorded but not rated"),
        "{}",
        table.stdout
    );
    l.run(&["--lang", "en", "show", "2020-09-24"])
        .ok()
        .stdout_has("Status: not rated by design");
}

#[test]
fn status_and_check_do_not_ask_for_a_rating_by_design() {
    let unrated = |l: &Ledger| {
        let v = json_of(&l.run(&["status", "--format", "json"]).ok());
        v["reminders"]
            .as_array()
            .expect("reminders")
            .iter()
            .filter(|r| r["kind"] == "unrated")
            .map(|r| r["meeting"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    let rated = example_thematic(None).today("2020-10-05");
    assert_eq!(unrated(&rated), ["2020-09-24"]);
    rated.run(&["check"]).ok().stderr_has("W003");
    let none = example_thematic(Some("none")).today("2020-10-05");
    assert!(unrated(&none).is_empty());
    let check = none.run(&["check"]).ok();
    assert!(!check.stderr.contains("W003"), "{}", check.stderr);
    assert!(!check.stdout.contains("W003"), "{}", check.stdout);
    // `rate` refuses a kind the ledger does not rate, unless a rubric is named.
    none.run(&["--lang", "en", "rate", "2020-09-24"])
        .fails(1)
        .stderr_has("this ledger does not rate thematic meetings");
}

#[test]
fn thematic_meetings_can_have_a_rubric_of_their_own() {
    let l = example_thematic(Some("phu-tho-2019"));
    l.run(&["check"]).ok();
    let v = json_of(
        &l.run(&[
            "rate",
            "2020-09-24",
            "--json",
            "--score",
            "preparation=14",
            "--score",
            "conduct=40",
            "--score",
            "closing=18",
        ])
        .ok(),
    );
    assert_eq!(v["rubric"], "phu-tho-2019");
    // 11 of 11 present: 20 for attendance.
    assert_eq!(v["total"], 92);
    assert!(
        l.read("meetings/2020/2020-09-24.toml")
            .contains("rubric = \"phu-tho-2019\"")
    );
    // A regular meeting is rated with the ledger's `rubric`.
    let file = "meetings/2020/2020-09-09.toml";
    let text = l.read(file);
    let cut = text
        .find("\n[rating]")
        .expect("the example's meeting is rated");
    l.write(file, &text[..=cut]);
    let mut args = vec!["rate", "2020-09-09", "--json"];
    for s in ["preparation=15", "content=23", "criticism=10", "closing=15"] {
        args.extend(["--score", s]);
    }
    let r = json_of(&l.run(&args).ok());
    assert_eq!(r["rubric"], "binh-thuan-2019");
    assert_eq!(r["total"], 98);
    // An unknown thematic rubric is an error in cellbook.toml.
    let bad = example_thematic(Some("no-such-rubric"));
    bad.run(&["check"]).fails(1).stderr_has("E011");
}

// ---------------------------------------------------------------------------------------------
// Derived figures for scripts: `show --json` and `rubric show --json`

#[test]
fn show_json_prints_every_figure_derived_from_the_meeting() {
    let l = held();
    let mut args = vec!["rate", "2020-07-09", "--rubric", "hd42-2025"];
    args.extend(HD42_SCORES);
    l.run(&args).ok();
    let v = json_of(&l.run(&["show", "2020-07-09", "--json"]).ok());
    assert_eq!(v["id"], "2020-07-09");
    assert_eq!(v["date"], "2020-07-09");
    assert_eq!(v["kind"], "regular");
    assert_eq!(v["status"], "rated");
    let f = &v["figures"];
    // Five on the roll, all present; tam is probationary and does not vote.
    assert_eq!(
        (&f["roll"], &f["counted"], &f["present"]),
        (&5.into(), &5.into(), &5.into())
    );
    assert_eq!((&f["excused"], &f["unexcused"]), (&0.into(), &0.into()));
    assert_eq!(f["attendance_rate"], 1.0);
    assert_eq!(f["voting_base"], 4);
    assert_eq!(f["vote_passed"], true);
    assert_eq!(f["duration_minutes"], 100);
    assert_eq!(f["required_minutes"], 90);
    let m = &v["measures"];
    assert_eq!(m["speakers_rate"], 1.0);
    assert_eq!(m["duration_short_minutes"], 0.0);
    assert_eq!(m["thematic_month"], 0.0);
    assert_eq!(m["leadership_size"], 2.0);
    assert_eq!(m["resolution_passed"], 1.0);
    assert!(m.get("previous_actions_done_rate").is_none(), "{m:#}");
    let r = &v["rating"];
    assert_eq!(r["rubric"], "hd42-2025");
    assert_eq!((&r["total"], &r["level"]), (&90.into(), &"good".into()));
    assert_eq!(r["errors"], serde_json::json!([]));
    let sheet = &r["sheet"];
    assert_eq!(
        (&sheet["total"], &sheet["max_total"]),
        (&90.into(), &95.into())
    );
    let duration = line(sheet, "duration");
    assert_eq!(
        (&duration["points"], &duration["source"]),
        (&5.into(), &"measured".into())
    );
    assert_eq!(duration["applies"], true);
    // No thematic meeting this month: the line does not apply and leaves the maximum.
    let thematic = line(sheet, "thematic");
    assert_eq!(thematic["applies"], false);
    assert_eq!(
        (&thematic["points"], &thematic["source"]),
        (&0.into(), &"excluded".into())
    );
    assert_eq!(line(sheet, "chairing")["source"], "scored");
    assert_eq!(line(sheet, "chairing")["points"], 8);
}

#[test]
fn show_json_counts_the_excused_out_of_the_voting_base_and_waits_for_a_record() {
    let l = Ledger::example().today("2020-11-28");
    let v = json_of(&l.run(&["show", "2020-08-10", "--json"]).ok());
    let f = &v["figures"];
    // 11 on the roll, son exempt and absent: 10 counted, 9 present, hung excused; of the 9
    // counted full members (vy is probationary) the excused one leaves 8 summoned.
    assert_eq!((&f["roll"], &f["counted"]), (&11.into(), &10.into()));
    assert_eq!((&f["present"], &f["excused"]), (&9.into(), &1.into()));
    assert_eq!(f["attendance_rate"], 0.9);
    assert_eq!(f["voting_base"], 8);
    assert_eq!(f["vote_passed"], true);
    assert_eq!(
        (&f["duration_minutes"], &f["required_minutes"]),
        (&80.into(), &90.into())
    );
    // A meeting only planned has no figures, no measures and no rating.
    l.run(&["plan", "2020-12-09"]).ok();
    let p = json_of(&l.run(&["show", "2020-12-09", "--json"]).ok());
    assert_eq!(p["status"], "planned");
    assert!(p["figures"].is_null());
    assert_eq!(p["measures"], serde_json::json!({}));
    assert!(p["rating"].is_null());
}

#[test]
fn rubric_show_json_gives_the_rubric_as_data() {
    let l = Ledger::empty();
    let v = json_of(&l.run(&["rubric", "show", "hd42-2025", "--json"]).ok());
    assert_eq!(v["id"], "hd42-2025");
    assert_eq!(v["max_total"], 100);
    assert_eq!(
        v["levels"],
        serde_json::json!({"good": 90, "fair": 70, "average": 50})
    );
    let criteria = v["criteria"].as_array().expect("criteria");
    let sum: u64 = criteria.iter().filter_map(|c| c["max"].as_u64()).sum();
    assert_eq!(sum, 100);
    let duration = line(&v, "duration");
    assert_eq!(duration["how"], "measured");
    assert_eq!(duration["measure"], "duration_short_minutes");
    assert_eq!(
        duration["bands"][0],
        serde_json::json!({"bounds": {"max": 0.0}, "points": 5})
    );
    assert_eq!(
        duration["caps"][0],
        serde_json::json!({"measure": "duration_ratio", "bounds": {"below": 0.5}, "points": 1})
    );
    assert!(duration["applies_when"].is_null());
    assert_eq!(
        line(&v, "prep-committee")["applies_when"],
        serde_json::json!({"measure": "leadership_size", "bounds": {"min": 2.0}, "otherwise": "full_marks"})
    );
    let thematic = line(&v, "thematic");
    assert_eq!(thematic["how"], "scored");
    assert!(thematic["measure"].is_null());
    assert_eq!(thematic["bands"], serde_json::json!([]));
    assert_eq!(thematic["applies_when"]["otherwise"], "excluded");
    assert_eq!(v["gates"], serde_json::json!([]));
    // Bình Thuận's gates, both kinds, and a year roll-up.
    let b = json_of(&l.run(&["rubric", "show", "binh-thuan-2019", "--json"]).ok());
    assert_eq!(
        b["gates"][0],
        serde_json::json!({"level": "good", "full_marks": ["attendance", "duration", "speakers", "minutes"]})
    );
    assert_eq!(
        b["gates"][1],
        serde_json::json!({"level": "good", "measure": "unexcused_absences", "bounds": {"max": 0.0}})
    );
    assert_eq!(
        b["year"]["rules"][0]["min_months"],
        serde_json::json!(["good", 7])
    );
    assert_eq!(line(&b, "content")["how"], "scored");
}

/// The raters' scores without the two lines the record can now measure.
fn scores_without(ids: &[&str]) -> Vec<(&'static str, u32)> {
    FULL_SCORES
        .iter()
        .copied()
        .filter(|(id, _)| !ids.contains(id))
        .collect()
}

#[test]
fn the_notice_and_the_posting_are_measured_when_written_down() {
    let l = cell_of(4, false).today("2020-07-20");
    l.run(&[
        "plan",
        "2020-07-09",
        "--notified",
        "2020-07-04",
        "--docs-sent",
        "2020-07-07",
    ])
    .ok();
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("notified = 2020-07-04")
    );
    record_90(
        &l,
        "2020-07-09",
        &[
            "--spoke",
            "all",
            "--vote",
            "4/0/0",
            "--posted",
            "2020-07-12",
        ],
    )
    .ok();
    // Posted 3 days after: the form gives the point within 2 days only.
    let sheet = rate_json(
        &l,
        "2020-07-09",
        &scores_without(&["prep-notice", "closing-posted"]),
    );
    let notice = line(&sheet, "prep-notice");
    assert_eq!(
        (notice["points"].as_u64(), notice["source"].as_str()),
        (Some(1), Some("measured"))
    );
    let posted = line(&sheet, "closing-posted");
    assert_eq!(
        (posted["points"].as_u64(), posted["value"].as_f64()),
        (Some(0), Some(3.0))
    );
    // Corrected to 2 days after: the rating follows the record.
    l.run(&["record", "2020-07-09", "--posted", "2020-07-11"])
        .ok()
        .stdout_has("→");
    let shown = l.run(&["show", "2020-07-09", "--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&shown.stdout).expect("json");
    assert_eq!(line(&v["rating"]["sheet"], "closing-posted")["points"], 1);
    // A meeting that does not say when is still scored by the raters, as before.
    l.run(&["plan", "2020-07-16", "--docs-sent", "2020-07-14"])
        .ok();
    record_90(&l, "2020-07-16", &["--spoke", "all", "--vote", "4/0/0"]).ok();
    let sheet = rate_json(&l, "2020-07-16", &FULL_SCORES);
    assert_eq!(line(&sheet, "prep-notice")["source"], "scored");
    assert_eq!(line(&sheet, "closing-posted")["source"], "scored");
}

#[test]
fn a_notice_or_a_posting_on_the_wrong_side_of_the_meeting_is_refused() {
    let l = cell_of(4, false).today("2020-07-20");
    let before = snapshot(l.path());
    l.run(&["plan", "2020-07-09", "--notified", "2020-07-10"])
        .fails(1)
        .stderr_has("--notified");
    assert_same(&before, &snapshot(l.path()), "refused");
    l.run(&["plan", "2020-07-09"]).ok();
    let before = snapshot(l.path());
    record_90(&l, "2020-07-09", &["--posted", "2020-07-08"])
        .fails(1)
        .stderr_has("--posted 2020-07-08");
    assert_same(&before, &snapshot(l.path()), "refused");
    // Written by hand, `check` names the line (E027).
    let file = "meetings/2020/2020-07-09.toml";
    l.write(
        file,
        &format!(
            "{}\n[record]\nstart = 14:00:00\nend = 15:30:00\npresent = [\"m0\", \"m1\", \"m2\", \"m3\"]\nposted = 2020-07-01\n",
            l.read(file)
        ),
    );
    l.run(&["check"]).fails(1).stderr_has("E027");
}

#[test]
fn the_notice_date_can_be_added_to_a_planned_meeting() {
    let l = cell_of(4, false).today("2020-07-05");
    l.run(&["plan", "2020-07-09"]).ok();
    l.run(&["plan", "2020-07-09", "--notified", "2020-07-04"])
        .ok()
        .stdout_has("members notified: (none) → ");
    assert!(
        l.read("meetings/2020/2020-07-09.toml")
            .contains("notified = 2020-07-04")
    );
}

/// `record DATE`: 14:00 to 15:30, everyone present, and `more`.
fn record_90(l: &Ledger, date: &str, more: &[&str]) -> crate::util::Run {
    let mut args = vec![
        "record",
        date,
        "--start",
        "14:00",
        "--end",
        "15:30",
        "--present",
        "all",
    ];
    args.extend_from_slice(more);
    l.run(&args)
}
