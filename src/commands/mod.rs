//! The imperative shell: one module per command. Each reads the ledger, calls the pure core,
//! writes through `ledger::storage`, and returns what to print.

pub mod action;
pub mod check;
pub mod completions;
pub mod edit;
pub mod export;
pub mod init;
pub mod list;
pub mod man;
pub mod member;
pub mod minutes;
pub mod plan;
pub mod rate;
pub mod record;
pub mod report;
pub mod rubric;
pub mod show;
pub mod status;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::ledger::storage::{LedgerLock, write_atomic};
use crate::ledger::{Ledger, MeetingEntry, MeetingFile, merge};
use crate::lookup::MeetingRef;
use crate::model::MeetingId;

/// What a command prints and the exit code it ends with.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
    /// Output too large to hold as one string (a province's roll-up), written to stdout after
    /// `stdout` by the binary.
    pub stream: Option<Stream>,
}

/// Writes a command's output to the writer it is given (stdout).
pub type WriteOut = dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>;

/// Writes a command's output straight to stdout.
pub struct Stream(pub Box<WriteOut>);

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stream")
    }
}

impl Output {
    pub fn text(stdout: impl Into<String>) -> Output {
        Output {
            stdout: stdout.into(),
            ..Output::default()
        }
    }
}

/// Everything a command needs from its environment, gathered once by the binary so the
/// commands themselves never read the clock or the process environment.
#[derive(Debug, Clone)]
pub struct Context {
    pub ledger: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub today: NaiveDate,
    pub cwd: PathBuf,
}

impl Context {
    /// The ledger folder: `--ledger`/`$CELLBOOK_LEDGER`, else the nearest one upward.
    pub fn ledger_root(&self) -> Result<PathBuf> {
        match &self.ledger {
            Some(dir) => Ok(dir.clone()),
            None => {
                let found = Ledger::find(&self.cwd)?;
                // Show paths relative to where the person is when the ledger is right here.
                Ok(if found == self.cwd {
                    PathBuf::new()
                } else {
                    found
                })
            }
        }
    }

    /// A root for messages: the empty path (the current folder) shows as `.`.
    pub fn shown(&self, root: &Path) -> PathBuf {
        if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root.to_path_buf()
        }
    }

    /// Open the ledger for reading, and speak its language from now on.
    pub fn open(&self) -> Result<Ledger> {
        let ledger = Ledger::open(&self.ledger_root()?);
        // Fix the language even when the ledger is broken, so the errors speak it too.
        i18n::set_lang(
            self.lang
                .unwrap_or(ledger.as_ref().map_or(Lang::En, |l| l.config.cell.language)),
        );
        ledger
    }

    /// Take the writer lock, then open the ledger: the whole read-modify-write happens under it.
    pub fn open_for_write(&self) -> Result<(LedgerLock, Ledger)> {
        let root = self.ledger_root()?;
        if !root.join(crate::ledger::CONFIG_FILE).is_file() {
            return Err(Error::NotALedger {
                start: self.shown(&root),
            });
        }
        let lock = LedgerLock::acquire(&root)?;
        let ledger = self.open()?;
        Ok((lock, ledger))
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli, ctx: &Context) -> Result<Output> {
    i18n::set_lang(cli.lang.unwrap_or(Lang::En));
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
        Command::Minutes(args) => minutes::run(ctx, &args),
        Command::Edit(args) => edit::run(ctx, &args),
        Command::Status(args) => status::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
        Command::Completions(args) => completions::run(ctx, &args),
        Command::Man(args) => man::run(ctx, &args),
        Command::Spec => Ok(Output::text(crate::SPEC)),
    }
}

/// Find the meeting a reference names. `Date` picks the first meeting of that day.
pub fn find_meeting(
    ledger: &Ledger,
    r: MeetingRef,
    today: NaiveDate,
) -> Result<Option<MeetingEntry>> {
    Ok(match r {
        MeetingRef::Id(id) => ledger.entry(id),
        MeetingRef::Date(date) => ledger.entry(MeetingId::new(date, 1)),
        MeetingRef::Last => {
            let year = chrono::Datelike::year(&today);
            // Look back a year at a time: cost follows the gap, not the history.
            let mut y = year;
            loop {
                let entries = ledger.meeting_entries(Some((y, y)))?;
                if let Some(e) = entries.into_iter().rev().find(|e| e.id.date <= today) {
                    break Some(e);
                }
                if y < year - 50 || !has_meetings_before(ledger, y)? {
                    break None;
                }
                y -= 1;
            }
        }
        MeetingRef::Next => {
            let mut found = None;
            for e in ledger.meeting_entries(Some((chrono::Datelike::year(&today), i32::MAX)))? {
                if e.id.date < today {
                    continue;
                }
                let file = ledger.load_meeting(&e)?;
                if file.meeting.record.is_none() {
                    found = Some(e);
                    break;
                }
            }
            found
        }
    })
}

fn has_meetings_before(ledger: &Ledger, year: i32) -> Result<bool> {
    let dir = ledger.meetings_dir();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Ok(false);
    };
    Ok(rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()))
        .any(|y| y < year))
}

/// Load the meeting a reference names, or explain that there is none.
pub fn load_meeting_ref(ledger: &Ledger, text: &str, today: NaiveDate) -> Result<MeetingFile> {
    let r = MeetingRef::parse(text)?;
    match find_meeting(ledger, r, today)? {
        Some(entry) => ledger.load_meeting(&entry),
        None => Err(Error::refused_with(
            format!(
                "{} '{text}'",
                i18n::tr("không có cuộc họp", "there is no meeting")
            ),
            i18n::tr(
                "xem các cuộc họp bằng `cellbook list`; lên kế hoạch bằng `cellbook plan NGÀY`",
                "see the meetings with `cellbook list`; plan one with `cellbook plan DATE`",
            ),
        )),
    }
}

/// Write a meeting back, keeping what the person wrote in the file.
pub fn save_meeting(ledger: &Ledger, file: &MeetingFile, original: Option<&str>) -> Result<()> {
    let text = merge::render(original, &file.meeting)?;
    write_atomic(&ledger.meeting_path(file.id), text.as_bytes())
}

/// Write the roster back, keeping what the person wrote in the file.
pub fn save_roster(ledger: &Ledger) -> Result<()> {
    let original =
        (!ledger.roster_source.text.is_empty()).then_some(ledger.roster_source.text.as_str());
    let text = merge::render(original, &ledger.roster)?;
    write_atomic(
        &ledger.root.join(crate::ledger::MEMBERS_FILE),
        text.as_bytes(),
    )
}
