//! Writing files so that nothing is ever lost: a lock for writers, and atomic replacement.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::{MAX_FILE_BYTES, confine};

/// The lock file in a ledger's root; held for a whole read-modify-write.
pub const LOCK_FILE: &str = ".cellbook.lock";
/// Prefix of the temporary files a write goes through before it is renamed into place.
pub const TMP_PREFIX: &str = ".cellbook-tmp-";

/// How long a writer waits for another writer's lock by default (`CELLBOOK_LOCK_TIMEOUT`).
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(10);

/// The wait, in milliseconds; set once by the binary from `CELLBOOK_LOCK_TIMEOUT`.
static LOCK_WAIT_MS: AtomicU64 = AtomicU64::new(DEFAULT_LOCK_WAIT.as_millis() as u64);

/// How often a waiting writer tries the lock again.
const LOCK_POLL: Duration = Duration::from_millis(100);

/// Set how long a writer waits for the lock before it gives up (the binary calls this once).
pub fn set_lock_wait(wait: Duration) {
    let ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    LOCK_WAIT_MS.store(ms, Ordering::Relaxed);
}

/// How long a writer waits for the lock before it gives up.
pub fn lock_wait() -> Duration {
    Duration::from_millis(LOCK_WAIT_MS.load(Ordering::Relaxed))
}

/// An exclusive lock on a ledger, released when dropped (or when the process dies, so a killed
/// writer never leaves the ledger locked). Holding it is what lets [`write_atomic`] write in
/// that ledger: a write knows the ledger it is in by the lock its thread holds.
pub struct LedgerLock {
    _file: File,
    root: PathBuf,
}

thread_local! {
    /// The roots of the ledgers whose lock this thread holds (one, in practice).
    static HELD: std::cell::RefCell<Vec<PathBuf>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for LedgerLock {
    fn drop(&mut self) {
        HELD.with_borrow_mut(|held| {
            if let Some(i) = held.iter().rposition(|r| *r == self.root) {
                held.remove(i);
            }
        });
    }
}

/// The root of the locked ledger that `path` is in, as the lock was taken.
fn held_root(path: &Path) -> Option<PathBuf> {
    HELD.with_borrow(|held| {
        held.iter()
            .filter(|r| path.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
    })
}

/// Refuse a path of the ledger at `root` that leads out of it (E006; see [`confine`]).
fn ensure_inside(root: &Path, path: &Path) -> Result<()> {
    confine::ensure(root, path).map_err(|d| Error::Invalid(vec![*d]))
}

impl LedgerLock {
    /// Take the ledger's writer lock. When another writer holds it, say so on stderr at once,
    /// then try again until [`lock_wait`] has passed, and give up with [`Error::LedgerLocked`].
    pub fn acquire(root: &Path) -> Result<LedgerLock> {
        let path = root.join(LOCK_FILE);
        // A link out would make `open` create (or lock) a file elsewhere.
        ensure_inside(root, &path)?;
        // A FIFO (or a device) would block `open` for ever: only a plain file is a lock.
        if let Ok(meta) = fs::metadata(&path)
            && !meta.is_file()
        {
            return Err(Error::NotARegularFile { path });
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        let wait = lock_wait();
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    HELD.with_borrow_mut(|held| held.push(root.to_path_buf()));
                    return Ok(LedgerLock {
                        _file: file,
                        root: root.to_path_buf(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
                Err(TryLockError::WouldBlock) => {}
            }
            let waited = start.elapsed();
            if waited >= wait {
                return Err(Error::LedgerLocked { lock: path, wait });
            }
            if !told {
                told = true;
                // A notice, not the result: if stderr is gone there is nobody to tell.
                let _ = writeln!(
                    io::stderr().lock(),
                    "{} ({}){} {} s…",
                    tr(
                        "sổ đang được một lệnh cellbook khác ghi",
                        "the ledger is being written by another cellbook command"
                    ),
                    path.display(),
                    tr("; chờ tối đa", "; waiting up to"),
                    wait.as_secs_f64()
                );
            }
            std::thread::sleep(LOCK_POLL.min(wait - waited));
        }
    }
}

/// Open a file for reading only if it is a regular file: a FIFO would block the command for
/// ever and a device could be endless. Anything else is an `InvalidInput` error whose words
/// say so (in the shell's language).
pub fn open_regular(path: &Path) -> io::Result<File> {
    open_regular_sized(path).map(|(file, _)| file)
}

/// [`open_regular`], with the file's length as it was opened (to size a read buffer).
///
/// On Unix the file is opened without blocking and its type checked on what was opened: one
/// `fstat`, no race, and a FIFO is refused instead of waited on. Elsewhere the path's type is
/// checked before opening (opening a pipe there does not block on a writer) and again after.
pub fn open_regular_sized(path: &Path) -> io::Result<(File, u64)> {
    open_checked(path, true)
}

/// [`open_regular_sized`] of a file that must not be a link: on Unix the open itself refuses one
/// (`O_NOFOLLOW`), so a link put in place after the file was listed is not followed; elsewhere
/// the path is looked at first.
pub fn open_regular_nofollow(path: &Path) -> io::Result<(File, u64)> {
    open_checked(path, false)
}

fn open_checked(path: &Path, follow: bool) -> io::Result<(File, u64)> {
    #[cfg(unix)]
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = if follow {
            libc::O_NONBLOCK
        } else {
            libc::O_NONBLOCK | libc::O_NOFOLLOW
        };
        match OpenOptions::new().read(true).custom_flags(flags).open(path) {
            Ok(file) => file,
            // A socket cannot be opened at all: say what it is rather than "no such device".
            Err(e) => {
                return Err(match fs::metadata(path) {
                    Ok(meta) if !meta.is_file() => not_regular(),
                    _ => e,
                });
            }
        }
    };
    #[cfg(not(unix))]
    let file = {
        let meta = if follow {
            fs::metadata(path)?
        } else {
            fs::symlink_metadata(path)?
        };
        if !meta.is_file() {
            return Err(not_regular());
        }
        File::open(path)?
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    Ok((file, meta.len()))
}

/// What [`read_at_most`] found.
pub enum Bounded {
    Bytes(Vec<u8>),
    /// Larger than allowed: the length it claims (or the bytes it gave past the limit).
    TooLarge(u64),
}

/// A regular file's bytes (see [`open_regular`]), read whole only if it is at most `max` bytes:
/// its length is looked at before anything is read, so that a file that claims to be huge (a
/// sparse file) is refused rather than read into memory, and the read is bounded in case it
/// grows. The buffer is sized from the file (a province's report is read without doubling
/// copies), but reserved at most 256 MiB at once.
pub fn read_at_most(path: &Path, max: u64) -> io::Result<Bounded> {
    let (file, size) = open_regular_sized(path)?;
    if size > max {
        return Ok(Bounded::TooLarge(size));
    }
    let reserve = usize::try_from(size.min(256 << 20)).unwrap_or(0) + 1;
    let mut bytes = Vec::with_capacity(reserve);
    io::Read::read_to_end(&mut io::Read::take(file, max + 1), &mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read > max {
        Bounded::TooLarge(read)
    } else {
        Bounded::Bytes(bytes)
    })
}

/// A regular file's text, read whole (see [`open_regular`]): for readers outside `read_source`.
pub fn read_regular_to_string(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    io::Read::read_to_string(&mut open_regular(path)?, &mut text)?;
    Ok(text)
}

/// A regular file's bytes exactly as they are on disk (no BOM stripped, nothing normalised),
/// or `None` when there is no file: what a writer compares to learn whether a file changed
/// since it was read. Reads at most one byte more than [`MAX_FILE_BYTES`].
pub fn read_bytes_on_disk(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_BYTES + 1), &mut bytes)?;
    Ok(Some(bytes))
}

fn not_regular() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        tr(
            "không phải tệp thường (là thư mục, FIFO hay thiết bị)",
            "not a regular file (a folder, a FIFO or a device)",
        ),
    )
}

/// Replace a ledger file with `contents` atomically (see [`write_output`]), refusing what the
/// reader would refuse: a file over [`MAX_FILE_BYTES`]. Also refuses to replace a file marked
/// read-only, whoever runs the command.
///
/// A ledger's files are written only under its lock ([`LedgerLock`]), and only inside its real
/// folder: the file, its folder (where the temporary file goes) and every folder on the way
/// must not lead out of the ledger through a link (E006, [`confine`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let Some(root) = held_root(path) else {
        return Err(Error::refused(format!(
            "{} {}",
            path.display(),
            tr(
                "chỉ được ghi khi giữ khóa của sổ (lỗi của cellbook, xin báo lại)",
                "is only written under the ledger's lock (a bug in cellbook; please report it)"
            )
        )));
    };
    ensure_inside(&root, path)?;
    if contents.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge {
            path: path.to_path_buf(),
            bytes: contents.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    write_output(path, contents)
}

/// Create a new file with `contents` atomically, never replacing one that exists (even one
/// created meanwhile): `init`'s write.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = prepare(path, contents)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => {}
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            return Err(Error::InitWouldReplace {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(Error::io(path, e.error)),
    }
    sync_dir(&parent(path));
    Ok(())
}

/// Replace `path` with `contents` atomically: write a temporary file in the same folder, flush
/// it to disk, rename it over the target, then flush the folder. A reader (or a crash) sees
/// the old file or the new one, never a mix. A file marked read-only is refused, not replaced.
/// For `--out`; the ledger's own files go through [`write_atomic`].
pub fn write_output(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = prepare(path, contents)?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    sync_dir(&parent(path));
    Ok(())
}

fn parent(path: &Path) -> PathBuf {
    path.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The temporary file a write goes through, written and flushed, with the target's
/// permissions. Refuses a target marked read-only: the rename would replace it even though
/// the file itself cannot be written (and as root or administrator nothing would stop it).
fn prepare(path: &Path, contents: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = parent(path);
    let existing = fs::metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|meta| meta.permissions().readonly())
    {
        return Err(Error::ReadOnlyFile {
            path: path.to_path_buf(),
        });
    }
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    // Keep the file's permissions (a group-shared ledger stays shared); a new file gets the
    // usual ones rather than the private mode temporary files are created with.
    let permissions = match existing {
        Some(meta) => Some(meta.permissions()),
        None => default_permissions(),
    };
    if let Some(p) = permissions {
        fs::set_permissions(tmp.path(), p).map_err(|e| Error::io(tmp.path(), e))?;
    }
    tmp.write_all(contents)
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    Ok(tmp)
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // What `touch` would create under the usual umask: readable by all, writable by the owner.
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

/// Flush a folder's entries so a rename survives power loss. Windows has no such call (and
/// its rename is already durable through NTFS's journal), so it is a no-op there.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Best effort: some file systems refuse fsync on a folder.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The open that a listed plain file gets refuses a link (put there since), and a FIFO, at
    /// once; a plain file opens with its length.
    #[test]
    fn a_file_that_must_not_be_a_link_is_opened_only_if_it_is_none() {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("m.toml");
        fs::write(&file, "schema = 1\n").expect("a file");
        let link = dir.path().join("l.toml");
        std::os::unix::fs::symlink(&file, &link).expect("a link");
        let (_, len) = open_regular_nofollow(&file).expect("a plain file opens");
        assert_eq!(len, 11);
        assert!(
            open_regular_nofollow(&link).is_err(),
            "a link is not followed"
        );
        assert!(
            open_regular_sized(&link).is_ok(),
            "the ordinary open follows it"
        );
        let fifo = dir.path().join("f.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(
                open_regular_nofollow(&fifo).is_err(),
                "a FIFO is refused, not waited on"
            );
        }
    }
}
