//! The command line: every command, flag and example, as clap types.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand};

use crate::i18n::Lang;
use crate::model::{ExemptionKind, Kind, Role};

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
    /// Plan a meeting (prints the new meeting's id as its last line)
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
        after_help = "Examples:\n  cellbook report --quarter 2020-Q3\n  cellbook report --last-quarter --format html --out bao-cao-quy.html\n  cellbook report --year 2020 --format csv --bom --out 2020.csv chi-bo-1 chi-bo-2\n\nWith LEDGER folders, one section per cell and the totals across them (a roll-up).\nExit codes: 0 success, 1 a ledger is missing or broken, 2 usage error."
    )]
    Report(ReportArgs),
    /// Print the minutes (biên bản) of a held meeting
    #[command(
        after_help = "Examples:\n  cellbook minutes 2020-07-09\n  cellbook minutes last --format html --out bien-ban.html"
    )]
    Minutes(MinutesArgs),
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
    /// Export the planned meetings as an iCalendar (.ics) file for phones and mail clients
    #[command(
        after_help = "Examples:\n  cellbook export --ics --out chi-bo-7.ics\n  cellbook export --ics --all > tat-ca.ics\n\nTimes are Vietnam time (Asia/Ho_Chi_Minh, +07:00, no daylight saving); --floating writes\nthem without a zone. A meeting without a time is an all-day event. Each meeting keeps one\nUID (2020-07-09@chi-bo-7.cellbook), so importing the file again updates rather than duplicates."
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

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Meeting id, date, `last` or `next`; a date with no meeting starts a new one
    pub meeting: String,
    /// The kind of a new meeting
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
}

#[derive(Debug, Clone, Args)]
pub struct RateArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    /// A rater (repeatable; default: the earlier raters, else the secretary and deputy)
    #[arg(long = "by", value_name = "ID")]
    pub by: Vec<String>,
    /// Points for a scored criterion: CRITERION=POINTS (repeatable)
    #[arg(long = "score", value_name = "CRITERION=POINTS")]
    pub scores: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// Date of the rating (default: today)
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// The rubric (default: the meeting's earlier rating's, else the ledger's)
    #[arg(long)]
    pub rubric: Option<String>,
    /// Print the score sheet as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// List the rubrics this ledger can use
    #[command(after_help = "Example:\n  cellbook rubric list")]
    List,
    /// Show a rubric's criteria, bands, levels and gates
    #[command(after_help = "Example:\n  cellbook rubric show hd42-2025")]
    Show { id: String },
    /// Check a rubric file and report every problem
    #[command(after_help = "Example:\n  cellbook rubric check rubrics/my-ward-2025.toml")]
    Check { file: PathBuf },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the ledger in (default: --ledger, else the current folder)
    pub dir: Option<PathBuf>,
    /// The cell's name
    #[arg(long)]
    pub name: String,
    /// The higher committee the reports go to
    #[arg(long)]
    pub parent: Option<String>,
    /// The default rubric for rating meetings
    #[arg(long)]
    pub rubric: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a member to the roster
    #[command(
        after_help = "Example:\n  cellbook member add \"Nguyễn Thị Lan\" --id lan --role deputy --joined 2010-05-19"
    )]
    Add(MemberAddArgs),
    /// Change a member's role or status, or record that they left
    #[command(
        after_help = "Examples:\n  cellbook member set lan --role secretary\n  cellbook member set \"Bình\" --full\n  cellbook member set hung --left 2021-01-01"
    )]
    Set(MemberSetArgs),
    /// Record a period in which a member is exempted from meetings
    #[command(
        after_help = "Example:\n  cellbook member exempt tam --from 2020-01-01 --kind exempt --reason \"Sức khỏe yếu\""
    )]
    Exempt(MemberExemptArgs),
    /// List the roster (or the roll on a date)
    #[command(
        after_help = "Examples:\n  cellbook member list\n  cellbook member list --on 2020-08-10"
    )]
    List(MemberListArgs),
}

#[derive(Debug, Args)]
pub struct MemberAddArgs {
    /// Full name, with diacritics
    pub name: String,
    /// Short ASCII handle (a-z, 0-9, -, _)
    #[arg(long)]
    pub id: String,
    #[arg(long, value_enum, default_value = "member")]
    pub role: Role,
    /// A probationary member (attends, does not vote)
    #[arg(long)]
    pub probationary: bool,
    /// Date joined the cell (default: today)
    #[arg(long, value_parser = parse_date)]
    pub joined: Option<NaiveDate>,
    /// Attends this cell temporarily
    #[arg(long)]
    pub temporary: bool,
}

#[derive(Debug, Args)]
pub struct MemberSetArgs {
    /// Member id or name
    pub member: String,
    #[arg(long, value_enum)]
    pub role: Option<Role>,
    /// Now a full member (after the probationary period)
    #[arg(long)]
    pub full: bool,
    /// Date the member left the cell
    #[arg(long, value_parser = parse_date)]
    pub left: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct MemberExemptArgs {
    /// Member id or name
    pub member: String,
    #[arg(long, value_parser = parse_date)]
    pub from: NaiveDate,
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "exempt")]
    pub kind: ExemptionKind,
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct MemberListArgs {
    /// Show the roll of this date: who is counted, who is exempted
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// The meeting's date (asked for on a terminal when left out)
    #[arg(value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "regular")]
    pub kind: Kind,
    #[arg(long)]
    pub title: Option<String>,
    /// Start time, HH:MM (default: the ledger's usual time)
    #[arg(long, value_parser = parse_time)]
    pub time: Option<NaiveTime>,
    /// Place (default: the ledger's usual place)
    #[arg(long)]
    pub place: Option<String>,
    /// A topic on the agenda (repeatable)
    #[arg(long = "topic", value_name = "TEXT")]
    pub topics: Vec<String>,
    /// A part assigned to a member: ID=TASK (repeatable)
    #[arg(long = "assign", value_name = "ID=TASK")]
    pub assignments: Vec<String>,
    /// A directive to pass on: "REF|DATE|TITLE" (repeatable)
    #[arg(long = "directive", value_name = "REF|DATE|TITLE")]
    pub directives: Vec<String>,
    /// Date the documents were sent to members
    #[arg(long, value_parser = parse_date)]
    pub docs_sent: Option<NaiveDate>,
    /// Date the committee met to prepare
    #[arg(long, value_parser = parse_date)]
    pub committee_met: Option<NaiveDate>,
    /// A draft resolution was prepared
    #[arg(long)]
    pub draft_resolution: bool,
    /// Plan a further meeting on a day that already has one of this kind
    #[arg(long)]
    pub another: bool,
    /// Review the plan in $VISUAL/$EDITOR before it is saved
    #[arg(long)]
    pub edit: bool,
}

#[derive(Debug, Clone, Args)]
pub struct RecordArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, value_parser = parse_time)]
    pub start: Option<NaiveTime>,
    #[arg(long, value_parser = parse_time)]
    pub end: Option<NaiveTime>,
    #[arg(long, value_name = "ID")]
    pub chair: Option<String>,
    #[arg(long, value_name = "ID")]
    pub minute_taker: Option<String>,
    /// Who came: `all` (every counted member not listed as absent) or ID,ID,...
    #[arg(long, value_name = "all|ID,ID...")]
    pub present: Option<String>,
    /// Absent with a reason: ID=REASON (repeatable)
    #[arg(long = "excused", value_name = "ID=REASON")]
    pub excused: Vec<String>,
    /// Absent without a reason (repeatable, or ID,ID...)
    #[arg(long = "unexcused", value_name = "ID")]
    pub unexcused: Vec<String>,
    /// Who spoke: `all` (everyone present) or ID,ID,...
    #[arg(long, value_name = "all|ID,ID...")]
    pub spoke: Option<String>,
    /// A guest (repeatable)
    #[arg(long = "guest", value_name = "TEXT")]
    pub guests: Vec<String>,
    /// Current events or new directives passed on (repeatable)
    #[arg(long = "news", value_name = "TEXT")]
    pub news: Vec<String>,
    /// The vote on the resolution: FOR/AGAINST/ABSTAIN, e.g. 9/0/0
    #[arg(long, value_name = "FOR/AGAINST/ABSTAIN")]
    pub vote: Option<String>,
    /// The proceedings
    #[arg(long, conflicts_with = "minutes_file")]
    pub minutes: Option<String>,
    /// Read the proceedings from a file
    #[arg(long, value_name = "FILE")]
    pub minutes_file: Option<PathBuf>,
    #[arg(long)]
    pub conclusion: Option<String>,
    /// A task assigned: "ID=TASK[@DUE]" (repeatable)
    #[arg(long = "action", value_name = "ID=TASK[@DUE]")]
    pub actions: Vec<String>,
    /// Review the record in $VISUAL/$EDITOR before it is saved (attendance may be filled in there)
    #[arg(long)]
    pub edit: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Mark an action done
    #[command(after_help = "Example:\n  cellbook action done 2020-07-09/1 --on 2020-08-01")]
    Done(ActionDoneArgs),
    /// List actions
    #[command(
        after_help = "Examples:\n  cellbook action list --open\n  cellbook action list --overdue"
    )]
    List(ActionListArgs),
}

#[derive(Debug, Args)]
pub struct ActionDoneArgs {
    /// The action's id, e.g. 2020-07-09/1
    pub action: String,
    /// Date completed (default: today)
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ActionListArgs {
    /// Only actions not yet done
    #[arg(long)]
    pub open: bool,
    /// Only actions past their due date and not done
    #[arg(long)]
    pub overdue: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// A quarter, e.g. 2020-Q3
    #[arg(long, conflicts_with = "year")]
    pub quarter: Option<String>,
    /// A year, e.g. 2020
    #[arg(long)]
    pub year: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ledgers to check (default: the current ledger)
    #[arg(value_name = "LEDGER")]
    pub ledgers: Vec<PathBuf>,
    /// Only these checks (comma-separated): syntax, schema, references, dates, attendance,
    /// votes, ratings, duplicates, files
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("period")
        .required(true)
        .args(["quarter", "year", "last_quarter"])
))]
pub struct ReportArgs {
    /// Ledgers to report on together (default: the current ledger)
    #[arg(value_name = "LEDGER")]
    pub ledgers: Vec<PathBuf>,
    /// A quarter, e.g. 2020-Q3
    #[arg(long)]
    pub quarter: Option<String>,
    /// A year, e.g. 2020 (adds the year's classification where the rubric has one)
    #[arg(long)]
    pub year: Option<String>,
    /// The quarter before today's
    #[arg(long)]
    pub last_quarter: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: crate::report::Format,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel reads Vietnamese text
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: crate::report::MinutesFormat,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: crate::commands::status::Format,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write iCalendar (RFC 5545), the format calendars import
    #[arg(long, required = true)]
    pub ics: bool,
    /// Every meeting of the ledger, not only those dated today or later
    #[arg(long)]
    pub all: bool,
    /// Floating local times (no time zone) instead of Vietnam time
    #[arg(long)]
    pub floating: bool,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// A self-contained script: commands and flags only, no ids from the ledger
    #[arg(long = "static")]
    pub static_script: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write cellbook.1 and one page per command (cellbook-member-add.1, …) into DIR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::dates::parse_date(s)
}

fn parse_time(s: &str) -> Result<NaiveTime, String> {
    crate::dates::parse_time(s)
}
