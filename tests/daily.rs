//! The secretary's daily use: `status` (snapshots on the example ledger and a constructed
//! ledger read as JSON), `export --ics` parsed back by a calendar parser, shell completions
//! (scripts, and the ids the dynamic completer offers), the manual pages, and a real example in
//! every command's `--help`.

use clap::CommandFactory;
use icalendar::{CalendarComponent, Component, DatePerhapsTime, EventLike};
use serde_json::Value;

use crate::util::{Ledger, Run};

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

// ---------------------------------------------------------------------------------------------
// status

#[test]
fn status_right_after_the_third_quarter() {
    // October: no regular meeting yet, the fourth quarter's thematic meeting owed, the third
    // quarter to report, two actions still open (one of them done later, on 2020-10-08).
    let run = Ledger::example().today("2020-10-05").run(&["status"]).ok();
    insta::assert_snapshot!("status_2020_10_05", run.stdout);
}

#[test]
fn status_in_the_middle_of_the_quarter() {
    // The 2020-09-09 meeting lies ahead (its record is not yet written on that day); an action
    // of August is one day overdue.
    let run = Ledger::example().today("2020-09-01").run(&["status"]).ok();
    insta::assert_snapshot!("status_2020_09_01", run.stdout);
}

#[test]
fn status_with_the_overdue_action_in_english() {
    let run = Ledger::example()
        .today("2020-10-20")
        .run(&["--lang", "en", "status"])
        .ok();
    insta::assert_snapshot!("status_2020_10_20_en", run.stdout);
}

/// A ledger with a bit of everything: unexcused absences in several months, unrated and
/// unrecorded meetings, a coming meeting whose documents are not sent.
fn busy_ledger() -> Ledger {
    let l = Ledger::new("en").with_members().today("2021-04-12");
    for (date, unexcused) in [
        ("2021-01-11", "duc"),
        ("2021-02-08", "duc"),
        ("2021-03-08", "duc,lan"),
        ("2021-04-05", "lan"),
    ] {
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
            "--unexcused",
            unexcused,
            "--present",
            "all",
            "--action",
            "hoa=Báo cáo, tổng hợp; gửi cấp trên@2021-04-30",
        ])
        .ok();
    }
    l.run(&["plan", "2021-04-09", "--kind", "thematic"]).ok();
    l.run(&[
        "plan",
        "2021-04-14",
        "--time",
        "14:00",
        "--title",
        "Sinh hoạt tháng 4",
    ])
    .ok();
    l
}

#[test]
fn status_as_json_names_every_reminder() {
    let l = busy_ledger();
    let v = json(&l.run(&["status", "--format", "json"]).ok());
    assert_eq!(v["today"], "2021-04-12");
    let reminders = v["reminders"].as_array().expect("reminders");
    let find =
        |kind: &str| -> Vec<&Value> { reminders.iter().filter(|r| r["kind"] == kind).collect() };
    // Documents of the meeting in two days: send by tomorrow.
    let docs = find("docs-to-send");
    assert_eq!(docs.len(), 1, "{reminders:#?}");
    assert_eq!(docs[0]["meeting"], "2021-04-14");
    assert_eq!(docs[0]["send_by"], "2021-04-13");
    assert_eq!(docs[0]["urgency"], "due");
    let next = find("next-meeting");
    assert_eq!(next[0]["meeting"], "2021-04-14");
    assert_eq!(next[0]["time"], "14:00");
    assert_eq!(next[0]["in_days"], 2);
    // The thematic meeting planned for 2021-04-09 was not recorded; it still counts for the
    // quarter, so no thematic meeting is owed.
    assert_eq!(find("not-recorded")[0]["meeting"], "2021-04-09");
    assert!(find("thematic-owed").is_empty());
    assert!(find("regular-missing").is_empty());
    // Four held meetings, none rated; the ones older than a week are urgent.
    let unrated = find("unrated");
    assert_eq!(unrated.len(), 4);
    assert!(
        unrated
            .iter()
            .any(|r| r["meeting"] == "2021-04-05" && r["urgency"] == "due")
    );
    assert!(
        unrated
            .iter()
            .any(|r| r["meeting"] == "2021-01-11" && r["urgency"] == "urgent")
    );
    // Unexcused absences: three months is the Statute's limit, two a warning.
    let absences = find("absences");
    assert_eq!(absences.len(), 2, "{absences:#?}");
    assert_eq!(absences[0]["member"], "duc");
    assert_eq!(absences[0]["months"], serde_json::json!([1, 2, 3]));
    assert_eq!(absences[0]["urgency"], "urgent");
    assert_eq!(absences[1]["member"], "lan");
    assert_eq!(absences[1]["months"], serde_json::json!([3, 4]));
    assert_eq!(absences[1]["urgency"], "due");
    // Open actions, with who and since when.
    let actions = find("action");
    assert_eq!(actions.len(), 4);
    assert_eq!(actions[0]["name"], "Nguyễn Thị Hoà");
    assert_eq!(actions[0]["since"], "2021-01-11");
    assert_eq!(actions[0]["overdue"], false);
    // The first quarter is over: its report is due.
    let report = find("quarter-report");
    assert_eq!(report[0]["quarter"], "2021-Q1");
    assert_eq!(report[0]["hint"], "cellbook report --last-quarter");
    // Most urgent first.
    let order: Vec<&str> = reminders
        .iter()
        .map(|r| r["urgency"].as_str().unwrap_or_default())
        .collect();
    let rank = |u: &str| ["urgent", "due", "info"].iter().position(|x| *x == u);
    assert!(
        order.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{order:?}"
    );
}

#[test]
fn status_speaks_both_languages_and_warns_about_the_rolls() {
    let l = busy_ledger();
    l.run(&["--lang", "en", "status"])
        .ok()
        .stdout_has(
            "!! Đỗ Văn Đức was absent without a reason in 3 months of 2021 (months 1, 2, 3)",
        )
        .stdout_has("Party rolls")
        .stdout_has("Send the documents of the meeting of 2021-04-14 to the members by 2021-04-13")
        .stdout_has("→ cellbook record 2021-04-09")
        .stdout_has("Open actions (4):");
    l.run(&["--lang", "vi", "status"])
        .ok()
        .stdout_has("!! Đỗ Văn Đức vắng mặt không lý do trong 3 tháng của năm 2021 (tháng 1, 2, 3)")
        .stdout_has("Lê Thị Lan vắng mặt không lý do trong 2 tháng")
        .stdout_has("chậm nhất ngày 13/04/2021")
        .stdout_has("Việc chưa xong (4):");
}

#[test]
fn status_reads_only_the_years_around_today_and_survives_a_broken_file() {
    let l = Ledger::example().today("2020-10-05");
    // A broken file ten years earlier is not read at all.
    l.write("meetings/2010/2010-01-10.toml", "this is not TOML = = =");
    let quiet = l.run(&["status"]).ok();
    assert!(!quiet.stdout.contains("2010"), "{}", quiet.stdout);
    // A broken file this year is named, and the rest is still shown.
    l.write("meetings/2020/2020-10-01.toml", "schema = 1\ndate = [");
    l.run(&["status"])
        .ok()
        .stdout_has("2020-10-01.toml")
        .stdout_has("cellbook check")
        .stdout_has("Quý III năm 2020");
}

#[test]
fn status_on_a_quiet_day() {
    let l = Ledger::new("en");
    let cfg = l.read("cellbook.toml");
    l.write(
        "cellbook.toml",
        &cfg.replace("regular_per_month = 1", "regular_per_month = 0")
            .replace("thematic_per_quarter = 1", "thematic_per_quarter = 0"),
    );
    l.run(&["status"]).ok().stdout_has("Nothing is due.");
}

// ---------------------------------------------------------------------------------------------
// export --ics

const TRICKY_TITLE: &str = "Họp chi bộ, tháng 10; bàn \"việc\" \\ mới\ndòng hai";

fn calendar_ledger() -> Ledger {
    let l = Ledger::new("vi").with_members().today("2020-10-05");
    l.run(&["plan", "2020-09-09", "--time", "14:00", "--title", "Đã họp"])
        .ok();
    l.run(&[
        "plan",
        "2020-10-09",
        "--time",
        "14:00",
        "--title",
        TRICKY_TITLE,
        "--place",
        "Phòng họp tầng 2, KBNN Thuận Bắc",
        "--topic",
        "Nghị quyết tháng 10; giải ngân, kiểm soát chi",
        "--topic",
        "Thông tin thời sự trong nước, trong tỉnh (ĐẢNG CỘNG SẢN VIỆT NAM)",
    ])
    .ok();
    l.run(&["plan", "2020-10-24", "--kind", "thematic"]).ok();
    l
}

fn parse(text: &str) -> icalendar::Calendar {
    text.parse::<icalendar::Calendar>()
        .unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{text}"))
}

fn events(cal: &icalendar::Calendar) -> Vec<&icalendar::Event> {
    cal.components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect()
}

#[test]
fn export_writes_an_icalendar_that_parses_back() {
    let l = calendar_ledger();
    let text = l.run(&["export", "--ics"]).ok().stdout;

    // RFC 5545's shape: CRLF lines of at most 75 octets, folded with a leading space.
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let body = text.strip_suffix("\r\n").unwrap_or(&text);
    for line in body.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line end: {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(text.contains("\r\n "), "the long lines are folded");

    let cal = parse(&text);
    let evs = events(&cal);
    // Only meetings from today on: not the one of 2020-09-09.
    assert_eq!(evs.len(), 2, "{text}");
    let e = evs[0];
    assert_eq!(
        e.get_uid(),
        Some("2020-10-09@chi-bo-thu.cellbook"),
        "UID is <meeting-id>@<cell-name-slug>.cellbook"
    );
    assert_eq!(e.get_summary(), Some(TRICKY_TITLE));
    assert_eq!(e.get_location(), Some("Phòng họp tầng 2, KBNN Thuận Bắc"));
    assert_eq!(
        e.get_description(),
        Some(
            "• Nghị quyết tháng 10; giải ngân, kiểm soát chi\n• Thông tin thời sự trong nước, trong tỉnh (ĐẢNG CỘNG SẢN VIỆT NAM)"
        )
    );
    let start = date_time(e.get_start());
    assert_eq!(
        start,
        ("2020-10-09 14:00".into(), Some("Asia/Ho_Chi_Minh".into()))
    );
    // The plan gives no end: the ledger's minimum length (90 minutes).
    assert_eq!(
        date_time(e.get_end()),
        ("2020-10-09 15:30".into(), Some("Asia/Ho_Chi_Minh".into()))
    );
    // A meeting without a time is an all-day event.
    let all_day = evs[1];
    assert_eq!(all_day.get_uid(), Some("2020-10-24@chi-bo-thu.cellbook"));
    assert_eq!(
        all_day.get_start(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2020, 10, 24).unwrap()
        ))
    );
    assert_eq!(
        all_day.get_end(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2020, 10, 25).unwrap()
        ))
    );
    assert_eq!(
        all_day.get_summary(),
        Some("Sinh hoạt chuyên đề – Chi bộ Thử")
    );

    // The time zone the events refer to is defined in the file: +07:00 all year.
    let unfolded = icalendar::parser::unfold(&text);
    let raw = icalendar::parser::read_calendar(&unfolded).expect("parse");
    let tz = raw
        .components
        .iter()
        .find(|c| c.name.as_ref() == "VTIMEZONE")
        .expect("a VTIMEZONE");
    let prop = |c: &icalendar::parser::Component, k: &str| {
        c.properties
            .iter()
            .find(|p| p.name.as_ref() == k)
            .map(|p| p.val.as_ref().to_owned())
    };
    assert_eq!(prop(tz, "TZID").as_deref(), Some("Asia/Ho_Chi_Minh"));
    let standard = &tz.components[0];
    assert_eq!(standard.name.as_ref(), "STANDARD");
    assert_eq!(prop(standard, "TZOFFSETTO").as_deref(), Some("+0700"));
    assert!(
        raw.components
            .iter()
            .filter(|c| c.name.as_ref() == "VEVENT")
            .all(|e| prop(e, "DTSTAMP").as_deref() == Some("20201005T000000Z"))
    );
}

/// A DTSTART/DTEND as (local time, TZID).
fn date_time(d: Option<DatePerhapsTime>) -> (String, Option<String>) {
    match d {
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
            date_time,
            tzid,
        })) => (date_time.format("%Y-%m-%d %H:%M").to_string(), Some(tzid)),
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Floating(t))) => {
            (t.format("%Y-%m-%d %H:%M").to_string(), None)
        }
        other => panic!("not a local date-time: {other:?}"),
    }
}

#[test]
fn export_all_floating_to_a_file() {
    let l = calendar_ledger();
    l.run(&[
        "export",
        "--ics",
        "--all",
        "--floating",
        "--out",
        "lich.ics",
    ])
    .ok()
    .stdout_has("Đã ghi 3 buổi sinh hoạt vào lich.ics");
    let text = l.read("lich.ics");
    assert!(!text.contains("VTIMEZONE") && !text.contains("TZID"));
    let cal = parse(&text);
    let evs = events(&cal);
    assert_eq!(evs.len(), 3);
    assert_eq!(evs[0].get_summary(), Some("Đã họp"));
    assert_eq!(
        date_time(evs[0].get_start()),
        ("2020-09-09 14:00".into(), None)
    );
    // Nothing of the temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(l.path())
        .expect("dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".cellbook-tmp-")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn export_uses_the_record_once_a_meeting_is_held() {
    let l = Ledger::example().today("2020-07-01");
    let text = l.run(&["export", "--ics"]).ok().stdout;
    let cal = parse(&text);
    let evs = events(&cal);
    assert_eq!(evs.len(), 4);
    // 2020-09-24 ran from 14:00 to 16:10.
    let thematic = evs
        .iter()
        .find(|e| e.get_uid() == Some("2020-09-24@chi-bo-7-kho-bac-nha-nuoc-thuan-bac.cellbook"))
        .expect("the thematic meeting");
    assert_eq!(
        date_time(thematic.get_end()).0,
        "2020-09-24 16:10".to_owned()
    );
}

#[test]
fn export_refusals() {
    let l = calendar_ledger();
    // --ics is the format, and it is required.
    l.run(&["export"]).fails(2);
    let before = l.files();
    l.run(&["export", "--ics", "--out", "meetings/2020/x.ics"])
        .fails(1)
        .stderr_has("meetings/");
    assert_eq!(before, l.files());
    // Nothing planned from today on: an empty calendar, and a word on stderr.
    let late = Ledger::example().today("2021-01-01");
    let run = late.run(&["export", "--ics"]).ok().stderr_has("--all");
    assert!(events(&parse(&run.stdout)).is_empty());
}

// ---------------------------------------------------------------------------------------------
// completions and man

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];

#[test]
fn static_completion_scripts_know_every_command() {
    let l = Ledger::empty();
    for shell in SHELLS {
        let run = l.run(&["completions", shell, "--static"]).ok();
        assert!(run.stdout.len() > 1000, "{shell}: {}", run.stdout);
        for sub in [
            "status",
            "export",
            "report",
            "record",
            "member",
            "completions",
        ] {
            assert!(run.stdout.contains(sub), "{shell} lacks {sub}");
        }
    }
}

#[test]
fn dynamic_completion_scripts_call_cellbook() {
    let l = Ledger::empty();
    for shell in SHELLS {
        let run = l.run(&["completions", shell]).ok();
        assert!(run.stdout.contains("COMPLETE"), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains("cellbook"), "{shell}: {}", run.stdout);
    }
    l.run(&["completions", "tcsh"]).fails(2);
}

/// What the completer offers for the words of a command line (the last one being typed), as
/// the fish script asks for it.
fn complete(l: &Ledger, words: &[&str]) -> Vec<String> {
    let out = l
        .command()
        .env("COMPLETE", "fish")
        .arg("--")
        .arg("cellbook")
        .args(words)
        .output()
        .expect("run cellbook");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn dynamic_completion_offers_the_ledgers_ids() {
    let l = Ledger::example().today("2020-10-05");
    let has = |got: &[String], want: &[&str]| {
        for w in want {
            assert!(got.iter().any(|g| g == w), "{w} not in {got:?}");
        }
    };
    let got = complete(&l, &["st"]);
    assert!(got.contains(&"status".to_owned()), "{got:?}");
    // Meeting ids, newest first, and last/next.
    let got = complete(&l, &["show", ""]);
    has(
        &got,
        &[
            "2020-09-24",
            "2020-09-09",
            "2020-08-10",
            "2020-07-09",
            "last",
            "next",
        ],
    );
    assert_eq!(got[0], "2020-09-24");
    has(&complete(&l, &["minutes", "2020-0"]), &["2020-07-09"]);
    // Member ids wherever a member is named.
    let members = [
        "thanh", "hoa", "lan", "hung", "dung", "minh", "tuan", "phuong", "son", "vy", "quang",
    ];
    has(&complete(&l, &["record", "last", "--chair", ""]), &members);
    has(&complete(&l, &["rate", "last", "--by", ""]), &members);
    has(&complete(&l, &["member", "set", ""]), &members);
    assert_eq!(complete(&l, &["member", "exempt", "ph"]), vec!["phuong"]);
    // Lists go on after the comma; `all` first.
    let got = complete(&l, &["record", "last", "--present", ""]);
    assert_eq!(got[0], "all");
    let got = complete(&l, &["record", "last", "--present", "thanh,h"]);
    assert_eq!(got, vec!["thanh,hoa", "thanh,hung"]);
    assert_eq!(
        complete(&l, &["record", "last", "--excused", "hu"]),
        vec!["hung="]
    );
    // Open actions on that day, and rubrics.
    has(
        &complete(&l, &["action", "done", "2020"]),
        &["2020-09-09/3", "2020-09-24/2"],
    );
    assert!(!complete(&l, &["action", "done", "2020"]).contains(&"2020-09-09/1".to_owned()));
    has(
        &complete(&l, &["rubric", "show", ""]),
        &["hd42-2025", "phu-tho-2019", "binh-thuan-2019"],
    );
    // Outside a ledger: no ids, no error.
    let empty = Ledger::empty();
    assert_eq!(
        complete(&empty, &["record", "last", "--chair", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn bash_completes_member_ids_through_the_script() {
    let Ok(bash) = which("bash") else {
        eprintln!("no bash: skipped");
        return;
    };
    let l = Ledger::example().today("2020-10-05");
    let script = l.run(&["completions", "bash"]).ok().stdout;
    l.write("complete.bash", &script);
    let bin = assert_cmd::cargo::cargo_bin!("cellbook");
    let bin_dir = bin.parent().expect("bin dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new(bash)
        .current_dir(l.path())
        .env("PATH", path)
        .env("CELLBOOK_TODAY", "2020-10-05")
        .env_remove("CELLBOOK_LEDGER")
        .args([
            "--norc",
            "-c",
            "source complete.bash; COMP_WORDS=(cellbook record last --chair t); COMP_CWORD=4; COMP_TYPE=9; \
             _clap_complete_cellbook cellbook t --chair; printf '%s\\n' \"${COMPREPLY[@]}\"",
        ])
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let got: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        got,
        vec!["thanh", "tuan"],
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn the_manual_names_every_command() {
    let l = Ledger::empty();
    let page = l.run(&["man"]).ok().stdout;
    assert!(
        page.starts_with(".ie") || page.contains(".TH cellbook 1"),
        "{page}"
    );
    let cmd = cellbook::cli::Cli::command();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("cellbook\\-{}", sub.get_name());
        assert!(page.contains(&name), "the page lacks {name}");
    }
    // One page per command, at every depth.
    l.run(&["man", "--out", "man1"])
        .ok()
        .stdout_has("cellbook.1");
    let dir = l.path().join("man1");
    let mut expected = vec!["cellbook.1".to_owned()];
    fn walk(c: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for s in c.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("{prefix}-{}", s.get_name());
            out.push(format!("{name}.1"));
            walk(s, &name, out);
        }
    }
    walk(&cmd, "cellbook", &mut expected);
    assert!(expected.contains(&"cellbook-member-add.1".to_owned()));
    for page in &expected {
        let text = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page} missing or empty");
    }
    assert_eq!(
        std::fs::read_dir(&dir).expect("man dir").count(),
        expected.len()
    );
}

// ---------------------------------------------------------------------------------------------
// help

#[test]
fn every_command_shows_an_example_in_its_help() {
    fn walk(cmd: &mut clap::Command, path: &str, missing: &mut Vec<String>) {
        let help = cmd.render_long_help().to_string();
        if !help.contains("Example") {
            missing.push(path.to_owned());
        }
        for sub in cmd.get_subcommands_mut() {
            if sub.get_name() == "help" {
                continue;
            }
            let p = format!("{path} {}", sub.get_name());
            walk(sub, &p, missing);
        }
    }
    let mut cmd = cellbook::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&mut cmd, "cellbook", &mut missing);
    assert!(missing.is_empty(), "no example in the help of: {missing:?}");
}

#[test]
fn help_through_the_binary_shows_the_example() {
    let l = Ledger::empty();
    for args in [
        &["status", "--help"][..],
        &["export", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
        &["spec", "--help"],
        &["rubric", "list", "--help"],
    ] {
        let run = l.run(args).ok();
        assert!(run.stdout.contains("Example"), "{args:?}: {}", run.stdout);
    }
}
