//! The person's editor: [`session`] edits a meeting in it, checked before it is saved; this
//! module opens the editor on a file: `$VISUAL`, else `$EDITOR`, else the platform's
//! usual one. The command line goes through the shell, as git does, so `EDITOR="code --wait"`
//! works.

pub mod session;

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};

/// The editor command the environment asks for.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(windows) {
                "notepad".into()
            } else {
                "vi".into()
            }
        })
}

/// Run the editor on `path` and wait for it to close. An editor that fails (or is not there)
/// is an error, so nothing is saved from a half-finished edit.
pub fn edit(path: &Path) -> Result<()> {
    let editor = editor_command();
    let status = if cfg!(windows) {
        Command::new("cmd")
            .arg("/C")
            .arg(format!("{editor} \"{}\"", path.display()))
            .status()
    } else {
        Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(path)
            .status()
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(status) => Err(Error::EditorFailed {
            editor: editor.to_owned(),
            status,
        }),
        Err(cause) => Err(Error::EditorNotStarted {
            editor: editor.to_owned(),
            cause,
        }),
    }
}
