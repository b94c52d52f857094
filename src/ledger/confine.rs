//! The one rule for the paths a ledger touches: every file and folder the tool reads, writes,
//! creates or locks resolves to a place under the ledger's real folder. A link inside the
//! ledger that leads to another place inside it is followed; a link, at any depth, that leads
//! outside the ledger or nowhere is refused (E006) before anything is opened through it.
//!
//! Reading ([`super::read_inside`], [`super::read_meeting`]), listing the year folders
//! ([`super::Ledger::meeting_entries`], `check`), the lock and every write with its temporary
//! file ([`super::storage`]) all ask [`escape`].

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Problem};

/// Where `path`, a path under `root`, leaves the ledger's real folder: the first part of it
/// (a folder on the way, or the file itself) that is a link resolving outside the real folder
/// of `root`, or resolving nowhere. `None` when every part that exists stays inside; the parts
/// that do not exist yet are created inside by the writer.
///
/// Costs one `lstat` per part of the path below the root; only a link is resolved. A path not
/// under `root`, or with `..` in it, is refused whole.
pub fn escape(root: &Path, path: &Path) -> Option<PathBuf> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Some(path.to_path_buf());
    };
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Some(path.to_path_buf());
    }
    let mut real_root: Option<Option<PathBuf>> = None;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        let Ok(meta) = fs::symlink_metadata(&at) else {
            // Nothing there yet (or nothing this user may see): nothing to follow.
            return None;
        };
        if !meta.file_type().is_symlink() {
            continue;
        }
        let real_root = real_root.get_or_insert_with(|| {
            let base = if root.as_os_str().is_empty() {
                Path::new(".")
            } else {
                root
            };
            fs::canonicalize(base).ok()
        });
        let inside = match (real_root.as_ref(), fs::canonicalize(&at)) {
            (Some(r), Ok(p)) => p.starts_with(r),
            _ => false,
        };
        if !inside {
            return Some(at);
        }
    }
    None
}

/// E006 for a path that leaves the ledger, on the link that leads out: the file itself, or a
/// folder (the one asked about, or one on the way).
pub fn diagnostic(path: &Path, link: &Path) -> Diagnostic {
    if link != path || fs::metadata(link).is_ok_and(|m| m.is_dir()) {
        Diagnostic::of(&Problem::FolderLinkOut, link)
    } else {
        Diagnostic::of(&Problem::LinkOut, path)
    }
}

/// Refuse a path under `root` that leaves the ledger (see [`escape`]).
pub fn ensure(root: &Path, path: &Path) -> Result<(), Box<Diagnostic>> {
    match escape(root, path) {
        None => Ok(()),
        Some(link) => Err(Box::new(diagnostic(path, &link))),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_followed_only_while_they_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path().join("l"), dir.path().join("out"));
        fs::create_dir_all(root.join("meetings/2020")).unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(root.join("meetings/2020/a.toml"), "").unwrap();
        symlink(&out, root.join("meetings/2021")).unwrap();
        symlink(root.join("meetings/2020"), root.join("meetings/2019")).unwrap();
        symlink(root.join("nowhere"), root.join("dangling")).unwrap();
        let under = |rel: &str| root.join(rel);
        assert_eq!(escape(&root, &under("meetings/2020/a.toml")), None);
        assert_eq!(escape(&root, &under("meetings/2022/new.toml")), None);
        assert_eq!(escape(&root, &under("meetings/2019/a.toml")), None);
        assert_eq!(
            escape(&root, &under("meetings/2021/x.toml")),
            Some(under("meetings/2021"))
        );
        assert_eq!(escape(&root, &under("dangling")), Some(under("dangling")));
        assert!(escape(&root, &under("meetings/../../out")).is_some());
        assert!(escape(&root, &out).is_some());
    }
}
