//! `cellbook init`: create a ledger folder with its settings, an empty roster and a .gitignore.

use std::fs;

use crate::cli::InitArgs;
use crate::commands::{Context, Output};
use crate::error::{Error, Result};
use crate::i18n::{self, tr};
use crate::ledger::storage::{LOCK_FILE, TMP_PREFIX, write_atomic};
use crate::ledger::{CONFIG_FILE, MEETINGS_DIR, MEMBERS_FILE};
use crate::model::cell::{Cell, RatingConfig};
use crate::model::{CellFile, MeetingRules, SCHEMA};
use crate::names::nfc;

pub fn run(ctx: &Context, args: &InitArgs) -> Result<Output> {
    let lang = ctx.lang.unwrap_or_default();
    i18n::set_lang(lang);
    let dir = args
        .dir
        .clone()
        .or_else(|| ctx.ledger.clone())
        .unwrap_or_else(|| ctx.cwd.clone());
    if dir.join(CONFIG_FILE).exists() {
        if let (None, Ok(existing)) = (ctx.lang, crate::ledger::Ledger::open(&dir)) {
            i18n::set_lang(existing.config.cell.language);
        }
        return Err(Error::refused_with(
            format!(
                "{} {}",
                dir.join(CONFIG_FILE).display(),
                tr(
                    "đã có: sổ đã được tạo ở đây",
                    "exists: a ledger is already here"
                )
            ),
            tr(
                "dùng sổ hiện có, hoặc chọn thư mục khác",
                "use the existing ledger, or choose another folder",
            ),
        ));
    }
    let name = nfc(args.name.trim());
    if name.is_empty() {
        return Err(Error::Usage(
            tr("--name không được để trống", "--name must not be empty").into(),
        ));
    }
    if let Some(rubric) = &args.rubric {
        crate::rubric_source::ensure_known(&dir, rubric)?;
    }
    let config = CellFile {
        schema: SCHEMA,
        cell: Cell {
            name: name.clone(),
            parent: args.parent.as_deref().map(|p| nfc(p.trim())),
            language: lang,
        },
        meetings: MeetingRules::default(),
        rating: RatingConfig {
            rubric: args.rubric.clone(),
        },
    };
    fs::create_dir_all(dir.join(MEETINGS_DIR)).map_err(|e| Error::io(dir.join(MEETINGS_DIR), e))?;
    let config_text = toml::to_string(&config).map_err(|e| Error::refused(e.to_string()))?;
    write_atomic(&dir.join(CONFIG_FILE), config_text.as_bytes())?;
    write_atomic(&dir.join(MEMBERS_FILE), format!("# The roster: add members with `cellbook member add NAME --id ID`.\nschema = {SCHEMA}\n").as_bytes())?;
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        write_atomic(
            &gitignore,
            format!("{LOCK_FILE}\n{TMP_PREFIX}*\n").as_bytes(),
        )?;
    }
    Ok(Output::text(format!(
        "{} {} {}\n",
        tr("Đã tạo sổ cho", "Created the ledger of"),
        name,
        format_args!("{} {}", tr("tại", "in"), dir.display())
    )))
}
