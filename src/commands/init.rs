//! `cellbook init`: create a ledger folder with its settings, an empty roster and a .gitignore.

use clap::Args;
use std::fs;
use std::path::PathBuf;

use crate::context::Context;
use crate::core::model::cell::{Cell, RatingConfig};
use crate::core::model::{CellFile, MeetingRules, SCHEMA};
use crate::core::names::nfc;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::storage::{LOCK_FILE, TMP_PREFIX, write_new};
use crate::ledger::{CONFIG_FILE, MEETINGS_DIR, MEMBERS_FILE, RUBRICS_DIR};
use crate::output::Output;

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
    /// The place name of the documents' date line, e.g. "Phan Rang"
    #[arg(long, value_name = "NAME")]
    pub locality: Option<String>,
    /// The usual start time of meetings, HH:MM (`plan` uses it when given none)
    #[arg(long, value_parser = crate::args::parse_time)]
    pub time: Option<chrono::NaiveTime>,
    /// The usual place of meetings (`plan` uses it when given none)
    #[arg(long, value_parser = crate::args::line)]
    pub place: Option<String>,
    /// The usual day of the month for the regular meeting, 1–31 (what `plan` offers)
    #[arg(long, value_parser = crate::args::parse_day)]
    pub day: Option<u32>,
    /// The cell's id in roll-ups, e.g. the code the higher committee gives it (default: a new
    /// one, generated)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
}

pub fn run(ctx: &Context, args: &InitArgs) -> Result<Output> {
    let lang = ctx.lang.unwrap_or_default();
    ctx.speak(Some(lang));
    let dir = args
        .dir
        .clone()
        .or_else(|| ctx.ledger.clone())
        .unwrap_or_else(|| ctx.cwd.clone());
    if dir.join(CONFIG_FILE).exists() {
        if let (None, Ok(existing)) = (ctx.lang, crate::ledger::Ledger::open(&dir)) {
            ctx.speak(Some(existing.config.cell.language));
        }
        return Err(Error::LedgerExists {
            config: dir.join(CONFIG_FILE),
        });
    }
    // A folder with a ledger's files but no settings (cellbook.toml lost, or copied without
    // it) is not a place to start afresh: `init` never replaces or empties what is there.
    for existing in [MEMBERS_FILE, MEETINGS_DIR, RUBRICS_DIR] {
        let path = dir.join(existing);
        if fs::symlink_metadata(&path).is_ok() {
            return Err(Error::InitWouldReplace { path });
        }
    }
    let name = nfc(args.name.trim());
    if name.is_empty() {
        return Err(Error::Usage(
            tr("--name không được để trống", "--name must not be empty").into(),
        ));
    }
    if let Some(rubric) = &args.rubric {
        crate::ledger::rubrics::ensure_known(&dir, rubric)?;
    }
    let id = cell_id(args.id.as_deref(), &name)?;
    let config = CellFile {
        schema: SCHEMA,
        cell: Cell {
            name: name.clone(),
            id: Some(id),
            parent: args.parent.as_deref().map(|p| nfc(p.trim())),
            language: lang,
            locality: args
                .locality
                .as_deref()
                .map(|l| nfc(l.trim()))
                .filter(|l| !l.is_empty()),
            report_symbol: None,
            recipients: None,
        },
        meetings: usual_meetings(args),
        rating: RatingConfig {
            rubric: args.rubric.clone(),
            thematic: None,
        },
    };
    let config_text = toml::to_string(&config).map_err(|e| Error::refused(e.to_string()))?;
    let roster_text = format!(
        "# {}\nschema = {SCHEMA}\n",
        lang.pick(
            "Danh sách đảng viên: thêm đảng viên bằng `cellbook member add HỌ_TÊN --id MÃ`.",
            "The roster: add members with `cellbook member add NAME --id ID`."
        )
    );
    // Each file is created, never replaced, even one another process made meanwhile. Settings
    // first: if init stops half-way, what is there is a ledger (an absent roster reads as empty).
    write_new(&dir.join(CONFIG_FILE), config_text.as_bytes())?;
    write_new(&dir.join(MEMBERS_FILE), roster_text.as_bytes())?;
    fs::create_dir_all(dir.join(MEETINGS_DIR)).map_err(|e| Error::io(dir.join(MEETINGS_DIR), e))?;
    let gitignore = dir.join(".gitignore");
    if fs::symlink_metadata(&gitignore).is_err() {
        // A .gitignore of the person's own (even one made meanwhile) is theirs: keep it.
        match write_new(
            &gitignore,
            format!("{LOCK_FILE}\n{TMP_PREFIX}*\n").as_bytes(),
        ) {
            Ok(()) | Err(Error::InitWouldReplace { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Output::text(format!(
        "{} {} {}\n",
        tr("Đã tạo sổ cho", "Created the ledger of"),
        name,
        format_args!("{} {}", tr("tại", "in"), dir.display())
    )))
}

/// The meeting rules of a new ledger, with the usual time, place and day given.
fn usual_meetings(args: &InitArgs) -> MeetingRules {
    MeetingRules {
        time: args.time,
        place: args
            .place
            .as_deref()
            .map(|p| nfc(p.trim()))
            .filter(|p| !p.is_empty()),
        day: args.day,
        ..MeetingRules::default()
    }
}

/// The id `--id` gives (checked), else a new one: `cb-` and 16 hex digits hashed from the name,
/// the clock and the process, so two cells of the same name made anywhere differ.
fn cell_id(given: Option<&str>, name: &str) -> Result<String> {
    use crate::core::model::cell::{fnv1a, valid_cell_id};
    match given.map(str::trim) {
        Some(id) if valid_cell_id(id) => Ok(id.to_owned()),
        Some(id) => Err(Error::Usage(format!(
            "--id {id}: {}",
            tr(
                "mã chi bộ gồm 1–64 chữ cái không dấu, chữ số, '-', '_' hoặc '.'",
                "a cell id is 1–64 ASCII letters, digits, '-', '_' or '.'"
            )
        ))),
        None => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let seed = format!("{name}\u{1f}{nanos}\u{1f}{}", std::process::id());
            Ok(format!("cb-{:016x}", fnv1a(seed.as_bytes())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::testing::example_ledger;

    #[test]
    fn init_where_a_ledger_is_refused_as_existing() {
        let (dir, ctx) = example_ledger();
        let args = InitArgs {
            dir: None,
            name: "Chi bộ Hai".into(),
            parent: None,
            rubric: None,
            locality: None,
            time: None,
            place: None,
            day: None,
            id: None,
        };
        let err = run(&ctx, &args).err();
        let config = dir.path().join(CONFIG_FILE);
        assert!(
            matches!(&err, Some(Error::LedgerExists { config: c }) if *c == config),
            "{err:?}"
        );
    }
}
