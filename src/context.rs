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
    /// The language outside a ledger: `CELLBOOK_LANG`, else the system's locale, else English
    /// ([`system_lang`]).
    pub fallback: Lang,
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

    /// Speak `--lang` if it was given, else the ledger's language (`None`: the fallback, as
    /// outside a ledger). The one place the shell's language is set.
    pub fn speak(&self, ledger_lang: Option<Lang>) {
        i18n::set_lang(self.lang.or(ledger_lang).unwrap_or(self.fallback));
    }

    /// The language of the command line itself (help, usage errors, the manual), known before
    /// any command runs: `--lang`, else the ledger's (`--ledger`, `$CELLBOOK_LEDGER`, else the
    /// nearest upward), else the fallback. Spoken from now on.
    pub fn speak_command_line(&self) -> Lang {
        let lang = self.command_line_lang();
        i18n::set_lang(lang);
        lang
    }

    /// The language of the command line (see [`Context::speak_command_line`]), not spoken.
    pub fn command_line_lang(&self) -> Lang {
        self.lang
            .or_else(|| self.ledger_lang())
            .unwrap_or(self.fallback)
    }

    /// The `[cell] language` of the ledger this context names, if there is one and it reads.
    fn ledger_lang(&self) -> Option<Lang> {
        let root = match &self.ledger {
            Some(dir) => dir.clone(),
            None => Ledger::find(&self.cwd).ok()?,
        };
        let config = crate::ledger::parse_inside::<crate::core::model::CellFile>(
            &root,
            &root.join(crate::ledger::CONFIG_FILE),
        );
        config.ok().map(|(_, c)| c.cell.language)
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

/// The language outside a ledger: `CELLBOOK_LANG` (`vi` or `en`), else the system's locale
/// (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set: Vietnamese when it starts with
/// `vi`), else English. `var` reads the environment (the binary passes `std::env::var`).
pub fn system_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    let vi = |v: &str| v.trim().to_ascii_lowercase().starts_with("vi");
    if let Some(v) = set("CELLBOOK_LANG") {
        return if vi(&v) { Lang::Vi } else { Lang::En };
    }
    match ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|n| set(n))
    {
        Some(v) if vi(&v) => Lang::Vi,
        _ => Lang::En,
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
            fallback: Lang::En,
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

#[cfg(test)]
mod tests {
    use super::system_lang;
    use crate::i18n::Lang;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_language_outside_a_ledger() {
        assert_eq!(system_lang(env(&[])), Lang::En);
        assert_eq!(system_lang(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(system_lang(env(&[("LANG", "C.UTF-8")])), Lang::En);
        // LC_ALL wins over LC_MESSAGES, which wins over LANG; an empty one does not count.
        let vi_all = [("LC_ALL", "vi_VN"), ("LANG", "en_US.UTF-8")];
        assert_eq!(system_lang(env(&vi_all)), Lang::Vi);
        let en_msgs = [("LC_ALL", ""), ("LC_MESSAGES", "C"), ("LANG", "vi_VN")];
        assert_eq!(system_lang(env(&en_msgs)), Lang::En);
        // CELLBOOK_LANG wins over the locale.
        let over = [("CELLBOOK_LANG", "en"), ("LC_ALL", "vi_VN")];
        assert_eq!(system_lang(env(&over)), Lang::En);
        assert_eq!(system_lang(env(&[("CELLBOOK_LANG", "VI")])), Lang::Vi);
    }
}
