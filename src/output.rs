//! What a command hands back to be printed, and `--out FILE`: written atomically, never over
//! the ledger's own files.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::storage::write_output;
use crate::ledger::{CONFIG_FILE, MEETINGS_DIR, MEMBERS_FILE, RUBRICS_DIR};

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

/// Print the text, or write it atomically to `out` and say so.
pub fn emit(out: Option<&Path>, text: String) -> Result<Output> {
    match out {
        None => Ok(Output::text(text)),
        Some(path) => {
            write_output(path, text.as_bytes())?;
            Ok(Output::text(format!(
                "{} {}\n",
                tr("Đã ghi", "Wrote"),
                path.display()
            )))
        }
    }
}

/// Write bytes atomically to `out` and say so: for a binary file (a Word document), and for text
/// that must reach the file byte for byte.
pub fn emit_bytes(path: &Path, bytes: &[u8]) -> Result<Output> {
    write_output(path, bytes)?;
    Ok(Output::text(format!(
        "{} {}\n",
        tr("Đã ghi", "Wrote"),
        path.display()
    )))
}

/// A binary document goes to a file (`--out`) or down a pipe, never onto a terminal, where it
/// would print as noise and could leave the terminal in a strange state.
pub fn refuse_binary_on_terminal(format: &str, out: Option<&Path>) -> Result<()> {
    use std::io::IsTerminal;
    if out.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Usage(format!(
            "--format {format}: {}",
            tr(
                "tệp nhị phân không in ra màn hình; hãy dùng --out TỆP (hoặc chuyển qua ống |)",
                "a binary file is not printed to a terminal; use --out FILE (or a pipe |)",
            )
        )));
    }
    Ok(())
}

/// Refuse to write output over a ledger's own files: its meetings folder, its rubrics folder,
/// its reviews folder, its settings or its roster.
pub fn guard_out(out: &Path, cwd: &Path, roots: &[&Path]) -> Result<()> {
    let target = absolute(cwd, out);
    for root in roots {
        let inside = [
            MEETINGS_DIR,
            RUBRICS_DIR,
            crate::ledger::reviews::REVIEWS_DIR,
        ]
        .iter()
        .any(|dir| target.starts_with(absolute(cwd, &root.join(dir))));
        let over = [CONFIG_FILE, MEMBERS_FILE]
            .iter()
            .any(|file| target == absolute(cwd, &root.join(file)));
        if inside || over {
            return Err(Error::OutputInsideLedger {
                out: out.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The absolute form of `p`: the part that exists resolved (symbolic links included), the rest
/// added lexically.
fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let full = lexical(&cwd.join(p));
    let mut existing = full.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return full,
        }
    }
}

/// Drop `.` and resolve `..` without touching the file system.
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_inside_the_ledger_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("l");
        std::fs::create_dir_all(root.join("meetings/2020")).unwrap();
        let cwd = dir.path();
        let refused = |out: &str| {
            matches!(
                guard_out(Path::new(out), cwd, &[Path::new("l")]),
                Err(Error::OutputInsideLedger { .. })
            )
        };
        assert!(refused("l/meetings/2020/x.toml"));
        assert!(refused("l/meetings/new/x.html"));
        assert!(refused("l/./meetings/../meetings/x"));
        assert!(refused("l/cellbook.toml"));
        assert!(refused("l/members.toml"));
        assert!(refused("l/rubrics/x.toml"));
        assert!(!refused("l/report.html"));
        assert!(!refused("report.html"));
        assert!(!refused("l/meetings-report.html"));
    }
}
