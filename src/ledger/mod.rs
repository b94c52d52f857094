//! A ledger on disk: finding it, reading its files into the model, and writing them back.
//!
//! Layout: `cellbook.toml`, `members.toml`, `rubrics/*.toml`, `meetings/YYYY/ID.toml`. The year
//! folders let a command that asks about one period read only that period's files.

pub mod confine;
pub mod locate;
pub mod meetings;
pub mod merge;
pub mod period;
pub mod reviews;
pub mod rubrics;
pub mod storage;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::core::model::{CellFile, Meeting, MeetingId, Roster, SCHEMA};
use crate::diagnostic::{Diagnostic, Problem};
use crate::error::{Error, Result};
use locate::{Seg, locate};

pub const CONFIG_FILE: &str = "cellbook.toml";
pub const MEMBERS_FILE: &str = "members.toml";
pub const MEETINGS_DIR: &str = "meetings";
pub const RUBRICS_DIR: &str = "rubrics";

/// Files larger than this are refused rather than parsed: a meeting file is a few kilobytes,
/// and a huge one is a mistake (or hostile) that should not stall the tool.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A text file of the ledger, kept with its source so problems can be located in it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as shown to the user.
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// A problem of the catalogue, pointing at the value at `path` in this file.
    pub fn report(&self, problem: &Problem, path: &[Seg]) -> Diagnostic {
        Diagnostic::of(problem, &self.path).at(&self.text, locate(&self.text, path))
    }
}

/// A meeting file: where it is, its text, and what it says.
#[derive(Debug, Clone)]
pub struct MeetingFile {
    pub id: MeetingId,
    pub source: Source,
    pub meeting: Meeting,
}

/// Where a meeting file is, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingEntry {
    pub id: MeetingId,
    pub path: PathBuf,
    /// The listing saw a file that is not a link, in a folder already found to stay inside the
    /// ledger: reading it need not walk its path again (see [`confine`]), and it is opened
    /// without following a link (one put there since is checked); a link is checked.
    pub inside: bool,
}

/// An open ledger: its settings and roster, read; its meetings, read on demand.
#[derive(Debug, Clone)]
pub struct Ledger {
    pub root: PathBuf,
    pub config: CellFile,
    pub config_source: Source,
    pub roster: Roster,
    pub roster_source: Source,
}

impl Ledger {
    /// The nearest folder at or above `start` that holds a `cellbook.toml`.
    pub fn find(start: &Path) -> Result<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            if d.join(CONFIG_FILE).is_file() {
                return Ok(d.to_path_buf());
            }
            dir = d.parent();
        }
        Err(Error::NotALedger {
            start: start.to_path_buf(),
        })
    }

    /// Open the ledger at `root`: read and parse its settings and roster.
    pub fn open(root: &Path) -> Result<Ledger> {
        if !root.join(CONFIG_FILE).is_file() {
            return Err(Error::NotALedger {
                start: root.to_path_buf(),
            });
        }
        let (config, roster) = read_settings(root);
        match (config, roster) {
            (Ok((config_source, config)), Ok((roster_source, roster))) => {
                let mut diags = Vec::new();
                check_schema_version(&config_source, config.schema, &mut diags);
                check_schema_version(&roster_source, roster.schema, &mut diags);
                if !diags.is_empty() {
                    return Err(Error::Invalid(diags));
                }
                Ok(Ledger {
                    root: root.to_path_buf(),
                    config,
                    config_source,
                    roster,
                    roster_source,
                })
            }
            (a, b) => Err(Error::Invalid(
                a.err().into_iter().chain(b.err()).map(|d| *d).collect(),
            )),
        }
    }

    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join(MEETINGS_DIR)
    }

    /// The meeting files of the given years (all years when `None`), sorted by id. Reads folder
    /// listings only, no file contents. Files whose names are not meeting ids are skipped here
    /// (`check` reports them).
    pub fn meeting_entries(&self, years: Option<(i32, i32)>) -> Result<Vec<MeetingEntry>> {
        let dir = self.meetings_dir();
        let mut out = Vec::new();
        self.ensure_inside(&dir)?;
        let year_dirs = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        for year_dir in year_dirs {
            let year_dir = year_dir.map_err(|e| Error::io(&dir, e))?;
            let Some(year) = year_dir.file_name().to_str().and_then(year_folder) else {
                continue;
            };
            if years.is_some_and(|(from, to)| year < from || year > to) {
                continue;
            }
            let ydir = year_dir.path();
            self.ensure_inside(&ydir)?;
            if !ydir.is_dir() {
                continue;
            }
            for file in fs::read_dir(&ydir).map_err(|e| Error::io(&ydir, e))? {
                let file = file.map_err(|e| Error::io(&ydir, e))?;
                let name = file.file_name();
                let Some(id) = name
                    .to_str()
                    .and_then(|n| n.strip_suffix(".toml"))
                    .and_then(MeetingId::parse)
                else {
                    continue;
                };
                if chrono::Datelike::year(&id.date) != year {
                    continue;
                }
                let inside = file.file_type().is_ok_and(|t| !t.is_symlink());
                out.push(MeetingEntry {
                    id,
                    path: file.path(),
                    inside,
                });
            }
        }
        out.sort_by_key(|e| e.id);
        Ok(out)
    }

    /// The date of the ledger's first meeting, reading the listing of `meetings/` and of the
    /// first year folder that holds a meeting (usually the first one): the cost does not grow with
    /// the length of the history.
    pub fn first_meeting_date(&self) -> Result<Option<chrono::NaiveDate>> {
        self.first_meeting_date_knowing(&[], None)
    }

    /// [`Self::first_meeting_date`], given the entries of the years `listed` (as
    /// [`Self::meeting_entries`] returned them): a year folder among them is not listed again.
    pub fn first_meeting_date_knowing(
        &self,
        entries: &[MeetingEntry],
        listed: Option<(i32, i32)>,
    ) -> Result<Option<chrono::NaiveDate>> {
        let dir = self.meetings_dir();
        self.ensure_inside(&dir)?;
        let mut years: Vec<i32> = match fs::read_dir(&dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().and_then(year_folder))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        years.sort_unstable();
        for year in years {
            let first = if listed.is_some_and(|(from, to)| (from..=to).contains(&year)) {
                entries
                    .iter()
                    .map(|e| e.id.date)
                    .filter(|d| chrono::Datelike::year(d) == year)
                    .min()
            } else {
                self.meeting_entries(Some((year, year)))?
                    .first()
                    .map(|e| e.id.date)
            };
            if first.is_some() {
                return Ok(first);
            }
        }
        Ok(None)
    }

    /// Refuse a path of this ledger that leads out of it (E006, see [`confine`]): for a command
    /// about to open, list or create something there.
    pub fn ensure_inside(&self, path: &Path) -> Result<()> {
        ensure_inside(&self.root, path).map_err(|d| Error::Invalid(vec![*d]))
    }

    /// The text of a meeting file as it is on disk, for an editor: refused (E006) when it leads
    /// out of the ledger, and only a regular file is opened.
    pub fn meeting_text(&self, entry: &MeetingEntry) -> Result<String> {
        self.ensure_inside(&entry.path)?;
        storage::read_regular_to_string(&entry.path).map_err(|e| Error::io(&entry.path, e))
    }

    /// The path a meeting with this id has (whether or not it exists).
    pub fn meeting_path(&self, id: MeetingId) -> PathBuf {
        self.root.join(id.rel_path())
    }

    /// Read and parse one meeting file; any problem stops the command.
    pub fn load_meeting(&self, entry: &MeetingEntry) -> Result<MeetingFile> {
        // A file the listing saw as plain is opened without following a link, so that one put
        // there since is not followed unchecked; anything odd takes the checked way, which says
        // what is wrong.
        let plain = entry
            .inside
            .then(|| storage::open_regular_nofollow(&entry.path).ok())
            .flatten();
        let read = match plain {
            Some(opened) => {
                read_opened(&entry.path, opened).and_then(|source| meeting_file(entry.id, source))
            }
            None => read_meeting(&self.root, entry.id, &entry.path),
        };
        let (file, problems) = read.map_err(|d| Error::Invalid(vec![*d]))?;
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Ok(file)
    }

    /// Read every meeting of the given years; the first broken file stops the command.
    pub fn load_meetings(&self, years: Option<(i32, i32)>) -> Result<Vec<MeetingFile>> {
        self.meeting_entries(years)?
            .iter()
            .map(|e| self.load_meeting(e))
            .collect()
    }

    /// The entry of a meeting id, if its file exists. Whatever is there counts (a FIFO, a
    /// folder), so reading it reports it rather than a write replacing it.
    pub fn entry(&self, id: MeetingId) -> Option<MeetingEntry> {
        let path = self.meeting_path(id);
        path.exists().then_some(MeetingEntry {
            id,
            path,
            inside: false,
        })
    }
}

/// The year a folder of `meetings/` holds: its name is exactly four ASCII digits. Anything else
/// (`+2020`, `02020`, `2020 copy`) is not read as a year, whatever `str::parse` would make of
/// it, so a copy of a year folder is never counted twice; `check` reports it (W005).
pub fn year_folder(name: &str) -> Option<i32> {
    if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    name.parse().ok()
}

/// A file of the ledger, parsed, or the problem that stopped it.
pub type Parsed<T> = Result<(Source, T), Box<Diagnostic>>;

/// Read the ledger's settings and roster: the one place both are read, for the commands
/// ([`Ledger::open`], which stops at a problem) and for `check` (which reports every problem
/// and checks on). A missing `members.toml` is an empty roster.
pub fn read_settings(root: &Path) -> (Parsed<CellFile>, Parsed<Roster>) {
    let config = parse_inside::<CellFile>(root, &root.join(CONFIG_FILE));
    let members_path = root.join(MEMBERS_FILE);
    // A link that points nowhere is there all the same: reading it reports it (E006).
    let roster = if fs::symlink_metadata(&members_path).is_ok() {
        parse_inside::<Roster>(root, &members_path)
    } else {
        Ok((
            Source {
                path: members_path,
                text: String::new(),
            },
            Roster {
                schema: SCHEMA,
                members: vec![],
            },
        ))
    };
    (config, roster)
}

/// Read one meeting file: refused (E006) when it links out of the ledger, else parsed. A file
/// of another format version comes back with its E002, so that `check` can report it and
/// still check the meeting while a command stops at it.
pub fn read_meeting(
    root: &Path,
    id: MeetingId,
    path: &Path,
) -> Result<(MeetingFile, Vec<Diagnostic>), Box<Diagnostic>> {
    meeting_file(id, read_inside(root, path)?)
}

/// A meeting file's source parsed, with its E002 if it is of another format version.
fn meeting_file(
    id: MeetingId,
    source: Source,
) -> Result<(MeetingFile, Vec<Diagnostic>), Box<Diagnostic>> {
    let meeting = parse_source::<Meeting>(&source)?;
    let mut problems = Vec::new();
    check_schema_version(&source, meeting.schema, &mut problems);
    Ok((
        MeetingFile {
            id,
            source,
            meeting,
        },
        problems,
    ))
}

/// E002 when a file was written for another version of the format.
pub fn check_schema_version(source: &Source, schema: u32, diags: &mut Vec<Diagnostic>) {
    if schema != SCHEMA {
        diags.push(source.report(&Problem::Version { found: schema }, &[Seg::Key("schema")]));
    }
}

/// Refuse a file that is, or is reached through, a link to somewhere outside the ledger (or to
/// nowhere): a ledger sent by another cell must not make the tool read (or the person trust,
/// or an error message echo) files elsewhere on the machine. The rule is [`confine`]'s.
pub fn ensure_inside(root: &Path, path: &Path) -> Result<(), Box<Diagnostic>> {
    confine::ensure(root, path)
}

/// Read a file of the ledger at `root`: refused (E006) when it leads out of the ledger, else
/// as [`read_source`] reads it. The one way the ledger's own files are read.
pub fn read_inside(root: &Path, path: &Path) -> Result<Source, Box<Diagnostic>> {
    ensure_inside(root, path)?;
    read_source(path)
}

/// Read and parse a file of the ledger at `root` (see [`read_inside`]).
pub fn parse_inside<T: DeserializeOwned>(root: &Path, path: &Path) -> Parsed<T> {
    let source = read_inside(root, path)?;
    let value = parse_source(&source)?;
    Ok((source, value))
}

/// Read a file's text, refusing what is not a ledger text file: too large, not UTF-8.
pub fn read_source(path: &Path) -> Result<Source, Box<Diagnostic>> {
    // Only a regular file: a FIFO would hang the command (see `storage::open_regular`).
    let opened = storage::open_regular_sized(path).map_err(|e| unreadable(path, &e))?;
    read_opened(path, opened)
}

/// The diagnostic of a file that cannot be opened or read.
fn unreadable(path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    Box::new(Diagnostic::of(
        &Problem::Unreadable {
            reason: crate::error::io_words(e),
        },
        path,
    ))
}

/// [`read_source`] of a file already opened (with its length).
fn read_opened(path: &Path, (file, size): (std::fs::File, u64)) -> Result<Source, Box<Diagnostic>> {
    let io_diag = |e: std::io::Error| unreadable(path, &e);
    // Size the buffer from the file's length, so that a file is read in one call rather than in
    // doubling steps (a 3 KB meeting file took 9 reads).
    let size = size.min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_diag)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(Diagnostic::of(
            &Problem::TooLarge {
                mib: MAX_FILE_BYTES / 1024 / 1024,
            },
            path,
        )));
    }
    // simdutf8 checks the common case, valid text, several times faster than the standard
    // library on Vietnamese (few ASCII runs); a failure is located by the standard library.
    let text = match simdutf8::basic::from_utf8(&bytes) {
        Ok(t) => t.to_owned(),
        Err(_) => {
            let valid = std::str::from_utf8(&bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            let prefix_chars = String::from_utf8_lossy(&bytes[..valid]).len();
            return Err(Box::new(
                Diagnostic::of(&Problem::NotUtf8, path)
                    .at(&lossy, Some(prefix_chars..prefix_chars + 1)),
            ));
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    // A file saved by an editor that decomposes accents (NFD) is read as its composed (NFC)
    // twin, so names compare, align in tables and are written back composed.
    let text = if plainly_nfc(&text) || unicode_normalization::is_nfc(&text) {
        text
    } else {
        crate::core::names::nfc(&text)
    };
    Ok(Source {
        path: path.to_path_buf(),
        text,
    })
}

/// Whether `text` is certainly NFC without a table look-up per character: every character is
/// ASCII, a precomposed Latin letter (U+0080–U+02FF, U+1E00–U+1EFF: all of Vietnamese) or
/// common punctuation (U+2010–U+2027), which no normalisation changes (a test checks every one).
/// Other text gets the full check, which was a tenth of the time `check` spent on a ledger.
///
/// Read on the UTF-8 bytes (the text is valid UTF-8): every byte below 0xCC is ASCII, a
/// continuation byte or the lead of a character up to U+02FF, so only the leads from 0xCC up
/// are looked at, and of those only E1 B8–BB (U+1E00–U+1EFF) and E2 80 90–A7 (U+2010–U+2027)
/// are plain. Walking `chars()` took a twentieth of a roll-up.
fn plainly_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xCC))
    {
        i += k;
        let next = |n: usize| bytes.get(i + n).copied().unwrap_or(0);
        let plain = match bytes[i] {
            0xE1 => (0xB8..=0xBB).contains(&next(1)),
            0xE2 => next(1) == 0x80 && (0x90..=0xA7).contains(&next(2)),
            _ => false,
        };
        if !plain {
            return false;
        }
        i += 3;
    }
    true
}

/// Parse a source into a typed value, classifying failures as syntax (not TOML) or schema
/// (TOML, but not the shape this file must have).
pub fn parse_source<T: DeserializeOwned>(source: &Source) -> Result<T, Box<Diagnostic>> {
    toml::from_str::<T>(&source.text).map_err(|e| {
        let syntax = toml::from_str::<toml::Table>(&source.text).is_err();
        let parser = e.message().trim().replace('\n', "; ");
        let problem = if syntax {
            Problem::Toml { parser }
        } else {
            Problem::Shape { parser }
        };
        Box::new(Diagnostic::of(&problem, &source.path).at(&source.text, e.span()))
    })
}

/// Read and parse a file in one step.
pub fn parse_file<T: DeserializeOwned>(path: &Path) -> Result<(Source, T), Box<Diagnostic>> {
    let source = read_source(path)?;
    let value = parse_source(&source)?;
    Ok((source, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EXAMPLE: &str = include_str!("../../examples/thuan-bac/meetings/2020/2020-07-09.toml");

    #[test]
    fn the_first_meeting_is_found_past_empty_and_stray_year_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac");
        for file in [CONFIG_FILE, MEMBERS_FILE] {
            fs::copy(example.join(file), root.join(file)).unwrap();
        }
        let meetings = root.join(MEETINGS_DIR);
        for (folder, file) in [
            ("2019", None),
            ("+2018", Some("2018-03-01.toml")),
            ("2021", Some("2021-01-05.toml")),
            ("2020", Some("2020-07-09.toml")),
        ] {
            fs::create_dir_all(meetings.join(folder)).unwrap();
            if let Some(file) = file {
                fs::write(meetings.join(folder).join(file), EXAMPLE).unwrap();
            }
        }
        let ledger = Ledger::open(root).unwrap();
        let first = chrono::NaiveDate::from_ymd_opt(2020, 7, 9);
        assert_eq!(ledger.first_meeting_date().unwrap(), first);
        // Given the listing a period already made, the same answer, whether the first year is
        // among the years listed or not (then it is listed).
        for years in [
            (2019, 2019),
            (2020, 2020),
            (2019, 2021),
            (2021, 2021),
            (2022, 2022),
        ] {
            let entries = ledger.meeting_entries(Some(years)).unwrap();
            assert_eq!(
                ledger
                    .first_meeting_date_knowing(&entries, Some(years))
                    .unwrap(),
                first,
                "{years:?}"
            );
        }
    }

    fn source(text: &str) -> Source {
        Source {
            path: PathBuf::from("m.toml"),
            text: text.to_owned(),
        }
    }

    /// Parse, render a diagnostic, never panic.
    fn load_any(text: &str) {
        for d in [
            parse_source::<Meeting>(&source(text)).err(),
            parse_source::<Roster>(&source(text)).err(),
            parse_source::<CellFile>(&source(text)).err(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!d.to_string().is_empty());
        }
    }

    #[test]
    fn only_four_digit_names_are_year_folders() {
        assert_eq!(year_folder("2020"), Some(2020));
        assert_eq!(year_folder("0999"), Some(999));
        for name in [
            "+2020",
            "-202",
            "02020",
            "202",
            "2020 ",
            " 2020",
            "２０２０",
            "20a0",
            "",
        ] {
            assert_eq!(year_folder(name), None, "{name:?}");
        }
    }

    #[test]
    fn plainly_nfc_text_is_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let ranges = [
            ('\0', '\u{2FF}'),
            ('\u{1E00}', '\u{1EFF}'),
            ('\u{2010}', '\u{2027}'),
        ];
        for c in ranges.into_iter().flat_map(|(a, b)| a..=b) {
            assert!(plainly_nfc(&c.to_string()));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(plainly_nfc("Nguyễn Thị Thảo Vy – “Đ/c”…"));
        // Every character of the Basic Multilingual Plane and a few beyond: the byte walk says
        // exactly what the ranges say, alone and between ASCII.
        for c in ('\0'..='\u{FFFF}').chain(['\u{10000}', '\u{1F600}', '\u{10FFFF}']) {
            let plain = ranges.iter().any(|&(a, b)| (a..=b).contains(&c));
            assert_eq!(plainly_nfc(&c.to_string()), plain, "{c:?}");
            assert_eq!(plainly_nfc(&format!("a{c}b")), plain, "{c:?}");
        }
        // Decomposed (NFD) Vietnamese and other scripts take the full check.
        assert!(!plainly_nfc("Nguye\u{302}\u{303}n"));
        assert!(!plainly_nfc("\u{2126}"));
        for c in [
            '\u{300}', '\u{1DFF}', '\u{1F00}', '\u{200F}', '\u{2028}', '\u{FEFF}',
        ] {
            assert!(!plainly_nfc(&format!("a{c}b")), "{c:?}");
        }
    }

    #[test]
    fn the_example_round_trips_through_an_edit() {
        let m: Meeting = parse_source(&source(EXAMPLE)).unwrap();
        let same = merge::render(Some(EXAMPLE), &m).unwrap();
        assert_eq!(
            same, EXAMPLE,
            "an edit that changes nothing must change nothing"
        );
        let fresh = merge::render(None, &m).unwrap();
        let back: Meeting = parse_source(&source(&fresh)).unwrap();
        assert_eq!(back, m);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn loaders_never_panic_on_any_text(text in "\\PC{0,200}") {
            load_any(&text);
        }

        #[test]
        fn loaders_never_panic_on_a_damaged_meeting(at in 0usize..EXAMPLE.len(), cut in 0usize..40, junk in "[\\[\\]{}=\"',.#\\n0-9a-z:-]{0,8}") {
            let mut text: Vec<u8> = EXAMPLE.as_bytes().to_vec();
            let end = (at + cut).min(text.len());
            text.splice(at..end, junk.bytes());
            load_any(&String::from_utf8_lossy(&text));
        }

        #[test]
        fn an_edit_keeps_what_it_did_not_change(title in "\\PC{0,40}") {
            let mut m: Meeting = parse_source(&source(EXAMPLE)).unwrap();
            m.title = Some(title.clone());
            let out = merge::render(Some(EXAMPLE), &m).unwrap();
            let back: Meeting = parse_source(&source(&out)).unwrap();
            prop_assert_eq!(back.title.as_deref(), Some(title.as_str()));
            prop_assert_eq!(back.record, m.record);
            // Every comment line the person wrote is still there.
            for line in EXAMPLE.lines().filter(|l| l.trim_start().starts_with('#')) {
                prop_assert!(out.contains(line), "lost {}", line);
            }
        }
    }
}
