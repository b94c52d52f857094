//! The command line: the global flags, the list of commands with their examples, and the
//! dispatch to each command's `run`. Each command's own flags are in its file under
//! `commands/`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::action::{self, ActionCommand};
use crate::commands::check::{self, CheckArgs};
use crate::commands::completions::{self, CompletionsArgs};
use crate::commands::edit::{self, EditArgs};
use crate::commands::export::{self, ExportArgs};
use crate::commands::init::{self, InitArgs};
use crate::commands::list::{self, ListArgs};
use crate::commands::man::{self, ManArgs};
use crate::commands::member::{self, MemberCommand};
use crate::commands::minutes::{self, MinutesArgs};
use crate::commands::notice::{self, NoticeArgs};
use crate::commands::plan::{self, PlanArgs};
use crate::commands::rate::{self, RateArgs};
use crate::commands::record::{self, RecordArgs};
use crate::commands::report::{self, ReportArgs};
use crate::commands::review::{self, ReviewCommand};
use crate::commands::rubric::{self, RubricCommand};
use crate::commands::show::{self, ShowArgs};
use crate::commands::status::{self, StatusArgs};
use crate::context::Context;
use crate::error::Result;
use crate::i18n::Lang;
use crate::output::Output;

const ABOUT: &str = "Keep the books of a cell's (or club's, or board's) periodic meetings in plain TOML files: \
plan each meeting, record what happened, rate its quality against a rubric, report every quarter.";

const AFTER_HELP: &str = "\
Examples:
  cellbook init chi-bo-7 --name \"Chi bộ 7\" --parent \"Đảng bộ KBNN\"
  cellbook member add \"Dương Công Trinh\" --id trinh --role secretary --joined 2005-03-12
  cellbook plan 09/07/2020 --time 14:00 --topic \"Nghị quyết tháng 7\" --assign lan=\"Thông tin thời sự\"
  cellbook record 2020-07-09 --start 14:00 --end 15:45 --present all --excused hung=\"Đi công tác\"
  cellbook show last
  cellbook check

The ledger is the folder given by --ledger, else $CELLBOOK_LEDGER, else the nearest folder at or
above the current one that holds a cellbook.toml. Dates are 2020-07-09 or 09/07/2020.
A member is named by id or by name, with or without diacritics (\"Trinh\", \"duong cong trinh\").

Exit codes: 0 success; 1 the ledger has problems or the request was refused; 2 usage error.";

#[derive(Debug, Parser)]
#[command(name = "cellbook", version, about = ABOUT, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// The ledger folder (default: $CELLBOOK_LEDGER, else the nearest cellbook.toml upward)
    #[arg(
        long,
        short = 'L',
        global = true,
        env = "CELLBOOK_LEDGER",
        value_name = "DIR"
    )]
    pub ledger: Option<PathBuf>,

    /// Output language (default: the ledger's); with `init`, the ledger's language
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger
    #[command(
        after_help = "Example:\n  cellbook init thuan-bac --name \"Chi bộ 7 KBNN Thuận Bắc\" --parent \"Đảng bộ KBNN Ninh Thuận\" --rubric hd42-2025"
    )]
    Init(InitArgs),
    /// Keep the roster: add, change, exempt and list members
    #[command(
        subcommand,
        after_help = "Examples:\n  cellbook member add \"Nguyễn Thị Lan\" --id lan --role deputy --joined 2010-05-19\n  cellbook member list --on 2020-08-10"
    )]
    Member(MemberCommand),
    /// Plan a meeting, or change the plan of one already planned (the last line is its id)
    #[command(
        after_help = "Example:\n  cellbook plan 2020-07-09 --time 14:00 --place \"Phòng họp tầng 2\" \\\n    --topic \"Quán triệt Nghị quyết TW 12\" --assign lan=\"Thông tin thời sự\" \\\n    --directive \"12-HD/BTCTW|2018-07-06|Nâng cao chất lượng sinh hoạt chi bộ\" \\\n    --docs-sent 2020-07-07 --committee-met 2020-07-06 --draft-resolution"
    )]
    Plan(PlanArgs),
    /// Record what happened at a meeting (creates it if it was not planned)
    #[command(
        after_help = "Example:\n  cellbook record 2020-07-09 --start 14:00 --end 15:45 --chair trinh --minute-taker lan \\\n    --present all --excused hung=\"Đi công tác\" --spoke trinh,lan,hoa --vote 8/0/0 \\\n    --action \"lan=Báo cáo tiến độ@2020-08-01\""
    )]
    Record(Box<RecordArgs>),
    /// Track the tasks assigned at meetings
    #[command(
        subcommand,
        after_help = "Examples:\n  cellbook action list --overdue\n  cellbook action done 2020-07-09/1 --on 2020-08-01"
    )]
    Action(ActionCommand),
    /// List the meetings of a period
    #[command(
        after_help = "Examples:\n  cellbook list --quarter 2020-Q3\n  cellbook list --year 2020"
    )]
    List(ListArgs),
    /// Show one meeting as a person reads it
    #[command(after_help = "Examples:\n  cellbook show 2020-07-09\n  cellbook show last")]
    Show(ShowArgs),
    /// Validate the whole ledger and report every problem
    #[command(
        after_help = "Examples:\n  cellbook check\n  cellbook check --only attendance,ratings --strict\n\nExit codes: 0 clean, 1 problems found, 2 usage error."
    )]
    Check(CheckArgs),
    /// Rate a held meeting against a rubric and record the result
    #[command(
        after_help = "Examples:\n  cellbook rate 2020-07-09 --by thanh --by hoa --score preparation=9 --score chairing=9\n  cellbook rate last --json"
    )]
    Rate(RateArgs),
    /// List, show and check rubrics
    #[command(
        subcommand,
        after_help = "Examples:\n  cellbook rubric list\n  cellbook rubric show hd42-2025"
    )]
    Rubric(RubricCommand),
    /// Report a quarter or a year: one cell, or many cells rolled up
    #[command(
        after_help = "Examples:\n  cellbook report --quarter 2020-Q3\n  cellbook report --last-quarter --format html --out bao-cao-quy.html\n  cellbook report --year 2020 --format csv --out 2020.csv chi-bo-1 chi-bo-2\n\nWith LEDGER folders, one section per cell and the totals across them (a roll-up).\nExit codes: 0 success, 1 a ledger is missing or broken, 2 usage error."
    )]
    Report(ReportArgs),
    /// The members' yearly (or quarterly) review: self-assessment, the cell's vote, the decision
    #[command(
        subcommand,
        after_help = "Examples:\n  cellbook review open 2020\n  cellbook review self lan --points 92 --tasks-done 100 --tasks-on-time 100 --tasks-exceeded 40 --proposed excellent\n  cellbook review cell lan --level excellent --vote 8/0/0\n  cellbook review decide lan --level excellent --on 2021-01-10\n  cellbook review list"
    )]
    Review(ReviewCommand),
    /// Print the minutes (biên bản) of a held meeting
    #[command(
        after_help = "Examples:\n  cellbook minutes 2020-07-09\n  cellbook minutes last --format html --out bien-ban.html"
    )]
    Minutes(MinutesArgs),
    /// Write the notice of a meeting from its plan: a message to paste into Zalo, or a document
    #[command(
        after_help = "Examples:\n  cellbook notice next\n  cellbook notice 2020-07-09 --format docx --out thong-bao.docx\n\nTime, place, content, who prepares what and the documents to read first, from the\nmeeting's [plan] (else the ledger's usual time and place)."
    )]
    Notice(NoticeArgs),
    /// Open a meeting in $VISUAL/$EDITOR (a commented template for a new one); the edit is
    /// checked before it is saved
    #[command(
        after_help = "Examples:\n  cellbook edit 2020-07-09\n  cellbook edit 2020-10-08 --kind thematic\n  EDITOR=\"code --wait\" cellbook edit last"
    )]
    Edit(EditArgs),
    /// What is due today: meetings to plan, documents to send, ratings, actions, absences, reports
    #[command(
        after_help = "Examples:\n  cellbook status\n  cellbook status --format json\n\nMost urgent first: `!!` act now, `!` due soon, `-` for information. Reads the meetings\nof last year, this year and next year only."
    )]
    Status(StatusArgs),
    /// Export the planned meetings as an iCalendar (.ics) file for phones and mail clients, or
    /// every meeting's figures as JSON lines for analysts
    #[command(
        after_help = "Examples:\n  cellbook export --ics --out chi-bo-7.ics\n  cellbook export --ics --all > tat-ca.ics\n  cellbook export --jsonl --period 2020 cells/* > meetings.jsonl\n\nTimes are Vietnam time (Asia/Ho_Chi_Minh, +07:00, no daylight saving); --floating writes\nthem without a zone. A meeting without a time is an all-day event. Each meeting keeps one\nUID (2020-07-09@chi-bo-7.cellbook), so importing the file again updates rather than duplicates."
    )]
    Export(ExportArgs),
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish
    #[command(
        after_help = "Examples:\n  source <(cellbook completions bash)        # in ~/.bashrc\n  source <(cellbook completions zsh)         # in ~/.zshrc, after compinit\n  cellbook completions fish > ~/.config/fish/completions/cellbook.fish\n  cellbook completions bash --static > /usr/share/bash-completion/completions/cellbook\n\nThe default script asks cellbook at each Tab, so member ids, meeting ids, open action ids\nand rubric ids of the ledger complete too ($CELLBOOK_LEDGER, else the nearest cellbook.toml\nupward). --static completes the commands and flags only, with no call to cellbook."
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command with --out
    #[command(
        after_help = "Examples:\n  cellbook man | man -l -\n  cellbook man --out /usr/local/share/man/man1"
    )]
    Man(ManArgs),
    /// Print the ledger file-format specification
    #[command(after_help = "Examples:\n  cellbook spec | less\n  cellbook spec > ledger-format.md")]
    Spec,
}

/// Run a parsed command line.
pub fn run(cli: Cli, ctx: &Context) -> Result<Output> {
    // English until a command knows its ledger (or `--lang` says otherwise).
    ctx.speak(None);
    match cli.command {
        Command::Init(args) => init::run(ctx, &args),
        Command::Member(cmd) => member::run(ctx, cmd),
        Command::Plan(args) => plan::run(ctx, &args),
        Command::Record(args) => record::run(ctx, &args),
        Command::Action(cmd) => action::run(ctx, cmd),
        Command::List(args) => list::run(ctx, &args),
        Command::Show(args) => show::run(ctx, &args),
        Command::Check(args) => check::run(ctx, &args),
        Command::Rate(args) => rate::run(ctx, &args),
        Command::Rubric(cmd) => rubric::run(ctx, cmd),
        Command::Report(args) => report::run(ctx, &args),
        Command::Review(cmd) => review::run(ctx, cmd),
        Command::Minutes(args) => minutes::run(ctx, &args),
        Command::Notice(args) => notice::run(ctx, &args),
        Command::Edit(args) => edit::run(ctx, &args),
        Command::Status(args) => status::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
        Command::Completions(args) => completions::run(ctx, &args, Cli::command()),
        Command::Man(args) => man::run(ctx, &args, Cli::command()),
        Command::Spec => Ok(Output::text(
            ctx.command_line_lang().pick(crate::SPEC_VI, crate::SPEC),
        )),
    }
}

/// The command line in `lang` with the ledger-aware Tab completers attached, for
/// `CompleteEnv` in `main`.
pub fn command(lang: Lang) -> clap::Command {
    completions::with_completers(crate::help_vi::for_lang(Cli::command(), lang))
}

/// Parse the command line `argv` (the program's name first) with its help and errors in
/// `lang`. In English this is `Cli::try_parse_from`, byte for byte.
pub fn parse(lang: Lang, argv: &[OsString]) -> Result<Cli, clap::Error> {
    match lang {
        Lang::En => Cli::try_parse_from(argv),
        Lang::Vi => {
            let mut cmd = crate::help_vi::localize(Cli::command());
            let mut matches = cmd.try_get_matches_from_mut(argv)?;
            Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
        }
    }
}

/// What the language of the command line depends on, read from `argv` before clap parses it
/// (clap's help and errors must already speak that language): `--lang L` and `--ledger DIR`
/// (`-L DIR`, `-LDIR`, `--lang=L`, `--ledger=DIR`), anywhere before a `--`. A value that is
/// not a language is left for clap to refuse.
pub fn prescan(argv: &[OsString]) -> (Option<Lang>, Option<PathBuf>) {
    let mut lang = None;
    let mut ledger = None;
    let mut words = argv.iter().skip(1).map(|w| w.to_string_lossy());
    while let Some(word) = words.next() {
        let (flag, inline) = match word.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (word.to_string(), None),
        };
        let (flag, inline) = match flag.strip_prefix("-L").filter(|v| !v.is_empty()) {
            Some(v) if !flag.starts_with("--") => {
                ("-L".to_owned(), Some(v.trim_start_matches('=').to_owned()))
            }
            _ => (flag, inline),
        };
        match flag.as_str() {
            "--" => break,
            "--lang" => {
                let value = inline.or_else(|| words.next().map(|w| w.to_string()));
                if let Some(l) =
                    value.and_then(|v| <Lang as clap::ValueEnum>::from_str(&v, false).ok())
                {
                    lang = Some(l);
                }
            }
            "--ledger" | "-L" => {
                ledger = inline
                    .or_else(|| words.next().map(|w| w.to_string()))
                    .map(PathBuf::from);
            }
            _ => {}
        }
    }
    (lang, ledger)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::completions::completes;

    #[test]
    fn the_arguments_that_name_ledger_data_are_found() {
        // Every argument that takes a meeting, member, action or rubric gets a completer.
        let mut found = Vec::new();
        fn walk(cmd: &clap::Command, path: &mut Vec<String>, found: &mut Vec<String>) {
            path.push(cmd.get_name().to_owned());
            let p: Vec<&str> = path.iter().map(String::as_str).collect();
            for a in cmd.get_arguments() {
                if completes(&p, a.get_id().as_str()).is_some() {
                    found.push(format!("{} {}", p[1..].join(" "), a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, path, found);
            }
            path.pop();
        }
        walk(&Cli::command(), &mut vec![], &mut found);
        for expected in [
            "show meeting",
            "record meeting",
            "record chair",
            "record present",
            "record excused",
            "record actions",
            "rate meeting",
            "rate by",
            "minutes meeting",
            "member set member",
            "member exempt member",
            "action done action",
            "rubric show id",
            "init rubric",
        ] {
            assert!(found.iter().any(|f| f == expected), "{expected}: {found:?}");
        }
        // The decorated command is still a valid clap command, in both languages.
        command(Lang::En).debug_assert();
        command(Lang::Vi).debug_assert();
    }
}

#[cfg(test)]
mod prescan_tests {
    use super::*;

    fn scan(words: &[&str]) -> (Option<Lang>, Option<PathBuf>) {
        let argv: Vec<OsString> = std::iter::once("cellbook")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect();
        prescan(&argv)
    }

    #[test]
    fn the_language_and_ledger_are_read_before_clap() {
        assert_eq!(scan(&["list"]), (None, None));
        assert_eq!(scan(&["--lang", "vi", "list"]).0, Some(Lang::Vi));
        assert_eq!(scan(&["list", "--lang=en"]).0, Some(Lang::En));
        assert_eq!(scan(&["--lang", "fr"]).0, None);
        assert_eq!(scan(&["--lang"]).0, None);
        let d = Some(PathBuf::from("d"));
        assert_eq!(scan(&["-L", "d", "list"]).1, d);
        assert_eq!(scan(&["-Ld", "list"]).1, d);
        assert_eq!(scan(&["--ledger=d"]).1, d);
        assert_eq!(scan(&["list", "--ledger", "d"]).1, d);
        // After `--`, words are values.
        assert_eq!(scan(&["--", "--lang", "vi"]), (None, None));
    }
}
