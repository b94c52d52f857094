//! The command line in Vietnamese: every command's help translated, clap's own words too, and
//! the language chosen as the issue says (`--lang`, the ledger's, `CELLBOOK_LANG`, the locale).

use clap::CommandFactory;

use crate::util::{Ledger, cellbook};

/// clap's English words that must not show in a Vietnamese help.
const CLAP_WORDS: [&str; 14] = [
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Possible values",
    "possible values",
    "[default:",
    "[env:",
    "[OPTIONS]",
    "<COMMAND>",
    "Print help",
    "Print version",
    "Example",
    "the given subcommand",
];

/// Every command of the Vietnamese command line, with its path (`"member add"`).
fn commands() -> Vec<(String, clap::Command)> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.to_owned(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            let p = format!("{path} {}", sub.get_name());
            walk(sub, p.trim(), out);
        }
    }
    let mut out = Vec::new();
    walk(
        &cellbook::help_vi::localize(cellbook::cli::Cli::command()),
        "",
        &mut out,
    );
    out
}

#[test]
fn every_command_and_argument_has_its_vietnamese_text() {
    let mut missing = Vec::new();
    let english = {
        let mut c = cellbook::cli::Cli::command();
        c.build();
        c
    };
    for (path, _) in commands() {
        if cellbook::help_vi::about(&path).is_none() {
            missing.push(format!("ABOUT: (\"{path}\", \"…\")"));
        }
        // The English command at the same path, for its `///` texts.
        let mut en = &english;
        for name in path.split(' ').filter(|w| !w.is_empty()) {
            en = en.find_subcommand(name).expect("the same tree");
        }
        let copy_under_help = path.split(' ').any(|w| w == "help");
        if en.get_after_help().is_some()
            && !copy_under_help
            && !cellbook::help_vi::AFTER.iter().any(|(p, _)| *p == path)
        {
            missing.push(format!("AFTER: (\"{path}\", \"Ví dụ:\\n  …\")"));
        }
        for arg in en.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            if cellbook::help_vi::arg_help(&path, id).is_none() {
                missing.push(format!("ARGS: (\"{path}\", \"{id}\", \"…\")"));
            }
            for v in arg
                .get_possible_values()
                .iter()
                .filter(|v| v.get_help().is_some())
            {
                let name = v.get_name();
                if !cellbook::help_vi::VALUES
                    .iter()
                    .any(|(p, n, _)| (*p == path || *p == "*") && *n == name)
                {
                    missing.push(format!("VALUES: (\"{path}\", \"{name}\", \"…\")"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "help without its Vietnamese text: add these rows to src/help_vi/text.rs\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_english_word_of_clap_in_any_vietnamese_help() {
    let mut found = Vec::new();
    for (path, mut cmd) in commands() {
        for help in [
            cmd.render_help().to_string(),
            cmd.render_long_help().to_string(),
        ] {
            for word in CLAP_WORDS.iter().filter(|w| help.contains(*w)) {
                found.push(format!("cellbook {path}: {word:?}"));
            }
        }
        assert!(
            cmd.render_long_help().to_string().contains("Cách dùng:"),
            "{path}"
        );
        // Placeholders in Vietnamese: an English word in one (`<DATE>`) needs a row in
        // VALUE_NAMES of src/help_vi/text.rs.
        for arg in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            for name in arg.get_value_names().unwrap_or_default() {
                let english = name
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| w.len() > 1 && *w != "SHELL")
                    .any(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
                if english {
                    found.push(format!("cellbook {path}: <{name}> (VALUE_NAMES)"));
                }
            }
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "English in the Vietnamese help:\n{}",
        found.join("\n")
    );
}

/// `args` run outside any ledger with the environment `env`.
fn run_env(l: &Ledger, env: &[(&str, &str)], args: &[&str]) -> crate::util::Run {
    let mut cmd = cellbook(l.dir.path(), &l.today);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().expect("run cellbook").into()
}

#[test]
fn the_language_is_the_flag_then_the_ledger_then_the_environment() {
    let empty = Ledger::empty();
    let vi = [("LANG", "vi_VN.UTF-8")];
    // Outside a ledger: the locale, CELLBOOK_LANG over it, --lang over both.
    run_env(&empty, &[], &["--help"]).ok().stdout_has("Usage:");
    run_env(&empty, &vi, &["--help"])
        .ok()
        .stdout_has("Cách dùng:");
    run_env(&empty, &[("LC_ALL", "vi_VN")], &["init", "--help"])
        .ok()
        .stdout_has("Tạo sổ mới");
    run_env(
        &empty,
        &[("CELLBOOK_LANG", "en"), ("LANG", "vi_VN")],
        &["--help"],
    )
    .ok()
    .stdout_has("Usage:");
    run_env(
        &empty,
        &[("CELLBOOK_LANG", "vi")],
        &["--lang", "en", "--help"],
    )
    .ok()
    .stdout_has("Usage:");
    // In a Vietnamese ledger: its language, over the environment; --lang over it.
    let l = Ledger::example();
    run_env(&l, &[("CELLBOOK_LANG", "en")], &["record", "--help"])
        .ok()
        .stdout_has("Ghi diễn biến");
    run_env(&l, &[], &["record", "--help", "--lang", "en"])
        .ok()
        .stdout_has("Record what happened");
    // The ledger named by --ledger, from outside it.
    let dir = l.dir.path().to_string_lossy().into_owned();
    run_env(&empty, &[], &["-L", &dir, "list", "--help"])
        .ok()
        .stdout_has("Liệt kê");
}

#[test]
fn usage_errors_speak_vietnamese() {
    let l = Ledger::example();
    run_env(
        &l,
        &[],
        &["record", "2020-07-09", "--chair", "a", "--chair", "b"],
    )
    .fails(2)
    .stderr_has("lỗi: tùy chọn '--chair <MÃ>' chỉ được dùng một lần")
    .stderr_has("Cách dùng: cellbook record");
    run_env(&l, &[], &["recrod"])
        .fails(2)
        .stderr_has("không có lệnh 'recrod'")
        .stderr_has("gợi ý: có lệnh gần giống: 'record'");
    run_env(&l, &[], &["report", "--format", "pdf"])
        .fails(2)
        .stderr_has("giá trị 'pdf' không hợp lệ cho '--format <ĐỊNH_DẠNG>'")
        .stderr_has("table, json, csv, md, html");
    run_env(&l, &[], &["member", "add"])
        .fails(2)
        .stderr_has("còn thiếu:");
    run_env(&l, &[], &["list", "--bogus"])
        .fails(2)
        .stderr_has("không có tùy chọn '--bogus'");
    let run = run_env(&l, &[], &["record", "2020-07-09", "--bogus"]);
    assert!(!run.stderr.contains("error:"), "{}", run.stderr);
}

#[test]
fn the_manual_speaks_the_language_of_the_command_line() {
    let l = Ledger::example();
    let vi = run_env(&l, &[], &["man"]).ok();
    assert!(vi.stdout.contains(".SH CÁCH DÙNG"), "{}", vi.stdout);
    assert!(vi.stdout.contains("Ghi diễn biến"), "{}", vi.stdout);
    let en = run_env(&l, &[], &["--lang", "en", "man"]).ok();
    assert!(en.stdout.contains(".SH SYNOPSIS"));
    assert!(!en.stdout.contains("Cách dùng"));
}
