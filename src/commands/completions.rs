//! `cellbook completions SHELL`: Tab completion for bash, zsh, fish, PowerShell and elvish.
//!
//! Two kinds of script:
//!
//! - the default, *dynamic* one is a few lines that ask `cellbook` itself what to offer at each
//!   Tab (`COMPLETE=SHELL cellbook -- WORDS…`, clap_complete's `CompleteEnv`). Besides the
//!   commands and flags it offers the ledger's own data: member ids (with names), meeting ids,
//!   open action ids and rubric ids. The ledger is the one `cellbook` would use from the
//!   shell's folder: `$CELLBOOK_LEDGER`, else the nearest `cellbook.toml` upward (a `--ledger`
//!   typed on the same line is not seen).
//! - `--static` prints a self-contained script (clap_complete's generators) with the commands
//!   and flags only, for packages that install completion files.

use clap::Args;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use clap_complete::env::Shells;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::i18n::{self, tr};
use crate::ledger::Ledger;
use crate::output::Output;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// A self-contained script: commands and flags only, no ids from the ledger
    #[arg(long = "static")]
    pub static_script: bool,
}

/// The binary's name, as the scripts call it.
pub const BIN: &str = "cellbook";

/// `cli` is the whole command line (`Cli::command()`), handed in by `cli::run`.
/// The static script's descriptions speak the language of the command line.
pub fn run(ctx: &Context, args: &CompletionsArgs, cli: clap::Command) -> Result<Output> {
    let mut buf = Vec::new();
    if args.static_script {
        let mut cmd = crate::help_vi::for_lang(cli, ctx.command_line_lang());
        clap_complete::generate(args.shell, &mut cmd, BIN, &mut buf);
    } else {
        let name = args.shell.to_string();
        let shells = Shells::builtins();
        let shell = shells.completer(&name).ok_or_else(|| {
            Error::Usage(format!(
                "{name}: {}",
                tr(
                    "không có bộ gợi ý động cho shell này; dùng --static",
                    "no dynamic completion for this shell; use --static"
                )
            ))
        })?;
        shell
            .write_registration("COMPLETE", BIN, BIN, BIN, &mut buf)
            .map_err(|e| Error::io(Path::new("<stdout>"), e))?;
    }
    Ok(Output::text(String::from_utf8_lossy(&buf).into_owned()))
}

/// The command line with the ledger-aware completers attached, for `CompleteEnv` in `main`.
pub fn with_completers(cli: clap::Command) -> clap::Command {
    attach(cli, &[])
}

/// What an argument completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Completes {
    /// A meeting id, newest first, or `last` / `next`.
    Meeting,
    /// One member id.
    Member,
    /// Member ids separated by commas (`--present a,b`); with `all` when `all` is allowed.
    MemberList { all: bool },
    /// `ID=` for `ID=TEXT` values (`--excused`, `--assign`, `--action`).
    MemberEquals,
    /// An open action id.
    Action,
    /// A rubric id.
    Rubric,
}

/// Which arguments complete to ledger data, by the argument's id (its field name in cli.rs),
/// so a new command's `meeting` or `member` argument completes without a change here.
pub(crate) fn completes(path: &[&str], arg: &str) -> Option<Completes> {
    Some(match (path, arg) {
        (_, "meeting") => Completes::Meeting,
        (_, "member" | "chair" | "minute_taker" | "by") => Completes::Member,
        (_, "present" | "spoke") => Completes::MemberList { all: true },
        (_, "unexcused") => Completes::MemberList { all: false },
        (_, "excused" | "assignments") => Completes::MemberEquals,
        ([.., "record"], "actions") => Completes::MemberEquals,
        ([.., "action", "done"], "action") => Completes::Action,
        (_, "rubric") | ([.., "rubric", "show"], "id") => Completes::Rubric,
        _ => return None,
    })
}

fn attach(mut cmd: clap::Command, path: &[&str]) -> clap::Command {
    // Changing an argument re-inserts it last, and clap numbers the positionals without an
    // index in the order they are held: each gets its place written down first, so that
    // `MEMBER [PERIOD]` does not become `PERIOD [MEMBER]`.
    let places: Vec<(String, usize)> = cmd
        .get_positionals()
        .enumerate()
        .filter(|(_, a)| a.get_index().is_none())
        .map(|(i, a)| (a.get_id().as_str().to_owned(), i + 1))
        .collect();
    for (id, place) in places {
        cmd = cmd.mut_arg(id, |a| a.index(place));
    }
    let name = cmd.get_name().to_owned();
    let mut here: Vec<&str> = path.to_vec();
    here.push(&name);
    let args: Vec<(String, Completes)> = cmd
        .get_arguments()
        .filter_map(|a| {
            let id = a.get_id().as_str();
            completes(&here, id).map(|c| (id.to_owned(), c))
        })
        .collect();
    for (id, what) in args {
        cmd = cmd.mut_arg(id, |a| match what {
            Completes::Meeting => a.add(ArgValueCandidates::new(meeting_candidates)),
            Completes::Member => a.add(ArgValueCandidates::new(member_candidates)),
            Completes::Action => a.add(ArgValueCandidates::new(action_candidates)),
            Completes::Rubric => a.add(ArgValueCandidates::new(rubric_candidates)),
            Completes::MemberList { all } => {
                a.add(ArgValueCompleter::new(move |current: &OsStr| {
                    member_list(current, all)
                }))
            }
            Completes::MemberEquals => a.add(ArgValueCompleter::new(member_equals)),
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |s| attach(s, &here));
    }
    cmd
}

/// The ledger the shell is in, quietly: completion never prints an error.
fn open_ledger() -> Option<Ledger> {
    let root = match std::env::var_os("CELLBOOK_LEDGER").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => Ledger::find(&std::env::current_dir().ok()?).ok()?,
    };
    let ledger = Ledger::open(&root).ok()?;
    // The Tab hook runs before any command line is parsed, so it has no `Context` to speak
    // through: the candidates' descriptions take the ledger's language directly.
    i18n::set_lang(ledger.config.cell.language);
    Some(ledger)
}

fn today() -> NaiveDate {
    std::env::var("CELLBOOK_TODAY")
        .ok()
        .and_then(|s| crate::core::dates::parse_date(&s).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Member ids with their names, members who have left excluded.
fn members(ledger: &Ledger) -> Vec<(String, String)> {
    let today = today();
    ledger
        .roster
        .members
        .iter()
        .filter(|m| m.left.is_none_or(|left| today < left))
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect()
}

fn member_candidates() -> Vec<CompletionCandidate> {
    let Some(ledger) = open_ledger() else {
        return vec![];
    };
    members(&ledger)
        .into_iter()
        .map(|(id, name)| CompletionCandidate::new(id).help(Some(name.into())))
        .collect()
}

fn meeting_candidates() -> Vec<CompletionCandidate> {
    let mut out = Vec::new();
    if let Some(ledger) = open_ledger() {
        // File names only: no meeting file is read.
        let entries = ledger.meeting_entries(None).unwrap_or_default();
        out.extend(
            entries
                .iter()
                .rev()
                .map(|e| CompletionCandidate::new(e.id.to_string())),
        );
    }
    out.push(CompletionCandidate::new("last").help(Some(
        tr("buổi sinh hoạt gần nhất", "the latest meeting up to today").into(),
    )));
    out.push(
        CompletionCandidate::new("next").help(Some(
            tr(
                "buổi sinh hoạt sắp tới chưa ghi biên bản",
                "the next meeting not yet recorded",
            )
            .into(),
        )),
    );
    out
}

fn action_candidates() -> Vec<CompletionCandidate> {
    let Some(ledger) = open_ledger() else {
        return vec![];
    };
    let today = today();
    let mut out = Vec::new();
    for entry in ledger.meeting_entries(None).unwrap_or_default() {
        let Ok(file) = ledger.load_meeting(&entry) else {
            continue;
        };
        for a in file.meeting.record.iter().flat_map(|r| &r.actions) {
            if a.is_open_on(today) {
                let who = ledger
                    .roster
                    .get(&a.member)
                    .map_or(a.member.as_str(), |m| m.name.as_str());
                let task: String = a.task.chars().take(60).collect();
                out.push(
                    CompletionCandidate::new(format!("{}/{}", entry.id, a.id))
                        .help(Some(format!("{who}: {task}").into())),
                );
            }
        }
    }
    out
}

fn rubric_candidates() -> Vec<CompletionCandidate> {
    // Outside a ledger, the built-in rubrics only.
    let root = open_ledger().map_or_else(|| PathBuf::from("/nonexistent"), |l| l.root);
    crate::ledger::rubrics::all(&root)
        .into_iter()
        .map(|(_, r)| {
            CompletionCandidate::new(r.id().to_owned()).help(Some(r.name().to_owned().into()))
        })
        .collect()
}

/// `--present a,b,<Tab>`: the ids not yet in the list, after what is typed.
fn member_list(current: &OsStr, all: bool) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return vec![];
    };
    let Some(ledger) = open_ledger() else {
        return vec![];
    };
    let (done, partial) = match current.rfind(',') {
        Some(i) => (&current[..=i], &current[i + 1..]),
        None => ("", current),
    };
    let taken: Vec<&str> = done.split(',').filter(|s| !s.is_empty()).collect();
    let mut out = Vec::new();
    if all && done.is_empty() && "all".starts_with(partial) {
        out.push(
            CompletionCandidate::new("all")
                .help(Some(tr("mọi người phải dự", "everyone counted").into())),
        );
    }
    for (id, name) in members(&ledger) {
        if id.starts_with(partial) && !taken.contains(&id.as_str()) {
            out.push(CompletionCandidate::new(format!("{done}{id}")).help(Some(name.into())));
        }
    }
    out
}

/// `--excused <Tab>`: `lan=`, `hoa=`, … (the text after `=` is the person's to type).
fn member_equals(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str().filter(|c| !c.contains('=')) else {
        return vec![];
    };
    let Some(ledger) = open_ledger() else {
        return vec![];
    };
    members(&ledger)
        .into_iter()
        .filter(|(id, _)| id.starts_with(current))
        .map(|(id, name)| CompletionCandidate::new(format!("{id}=")).help(Some(name.into())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positionals(cmd: &mut clap::Command) -> Vec<String> {
        cmd.build();
        let mut by_place: Vec<(usize, String)> = cmd
            .get_positionals()
            .map(|a| (a.get_index().unwrap_or(0), a.get_id().as_str().to_owned()))
            .collect();
        by_place.sort();
        by_place.into_iter().map(|(_, id)| id).collect()
    }

    /// Attaching a completer must not move a positional argument: `MEMBER [PERIOD]` stays in
    /// that order (clap numbers positionals in the order they are held, and changing one
    /// re-inserts it).
    #[test]
    fn completers_keep_the_order_of_positional_arguments() {
        let cmd = || {
            clap::Command::new("x").subcommand(
                clap::Command::new("review")
                    .arg(clap::Arg::new("member"))
                    .arg(clap::Arg::new("period")),
            )
        };
        let mut plain = cmd();
        let mut attached = attach(cmd(), &[]);
        let sub =
            |c: &mut clap::Command| positionals(c.find_subcommand_mut("review").expect("review"));
        assert_eq!(sub(&mut plain), ["member", "period"]);
        assert_eq!(sub(&mut attached), ["member", "period"]);
    }
}
