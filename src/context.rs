//! What a command needs from its environment, gathered once by the binary (the clock, the
//! current folder, `--ledger`, `--lang`), so the commands never read the process environment.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::ledger::Ledger;
use crate::ledger::storage::LedgerLock;

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

    /// Speak `--lang` if it was given, else the ledger's language (`None`: English, as
    /// outside a ledger). The one place the shell's language is set.
    pub fn speak(&self, ledger_lang: Option<Lang>) {
        i18n::set_lang(self.lang.or(ledger_lang).unwrap_or(Lang::En));
    }

    /// Open the ledger for reading, and speak its language from now on.
    pub fn open(&self) -> Result<Ledger> {
        let ledger = Ledger::open(&self.ledger_root()?);
        // Fix the language even when the ledger is broken, so the errors speak it too.
        self.speak(ledger.as_ref().ok().map(|l| l.config.cell.language));
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
        // Speak the ledger's language already while waiting for the lock (its settings alone,
        // read again with the roster under the lock).
        let config = crate::ledger::parse_inside::<crate::core::model::CellFile>(
            &root,
            &root.join(crate::ledger::CONFIG_FILE),
        );
        self.speak(config.ok().map(|(_, c)| c.cell.language));
        let lock = LedgerLock::acquire(&root)?;
        let ledger = self.open()?;
        Ok((lock, ledger))
    }
}

/// For unit tests of the commands: a copy of the example ledger to run them on.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::Path;

    use super::Context;
    use crate::i18n::Lang;

    /// A copy of `examples/thuan-bac` in a temporary folder, and a context on it that speaks
    /// English (the language unit tests read) on 28/11/2020.
    pub(crate) fn example_ledger() -> (tempfile::TempDir, Context) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac");
        copy_dir(&example, dir.path());
        let ctx = Context {
            ledger: Some(dir.path().to_path_buf()),
            lang: Some(Lang::En),
            today: chrono::NaiveDate::from_ymd_opt(2020, 11, 28).expect("a date"),
            cwd: dir.path().to_path_buf(),
        };
        (dir, ctx)
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read the example").flatten() {
            let dest = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &dest);
            } else {
                std::fs::copy(entry.path(), &dest).expect("copy");
            }
        }
    }
}
