//! The second book of the ledger: review files under `reviews/PERIOD/` (one per member,
//! `_cell.toml` for the cell as a collective) and the ledger's own review schemes in
//! `reviews/schemes/`. Read through the same confinement as meetings; written atomically,
//! under the lock, with what the person wrote in the file kept.

use std::fs;
use std::path::{Path, PathBuf};

use crate::core::period::Period;
use crate::core::review::builtin::{builtin, find_builtin};
use crate::core::review::{ReviewFile, ReviewProblem, Scheme};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::lang;
use crate::ledger::storage::write_atomic;
use crate::ledger::{Source, ensure_inside, merge, parse_inside, read_inside};

pub const REVIEWS_DIR: &str = "reviews";
pub const SCHEMES_DIR: &str = "schemes";
/// The cell's own file: member ids start with a letter, so no member's file is named so.
pub const CELL_FILE: &str = "_cell.toml";

/// A review file: where it is, its text, and what it says.
#[derive(Debug, Clone)]
pub struct ReviewDoc {
    pub path: PathBuf,
    pub source: Source,
    pub file: ReviewFile,
}

/// The folder name of a period: `2020` or `2020-Q3`. A month is not a review period.
pub fn period_key(p: Period) -> Result<String> {
    match p {
        Period::Year { .. } | Period::Quarter { .. } => Ok(p.to_string()),
        Period::Month { .. } => Err(Error::Usage(format!(
            "{p}: {}",
            lang().pick(
                "kỳ đánh giá là một năm (2020) hoặc một quý (2020-Q3)",
                "a review period is a year (2020) or a quarter (2020-Q3)"
            )
        ))),
    }
}

/// Read a period as typed (`2020`, `2020-Q3`, `quý III/2020`).
pub fn read_period(text: &str) -> Result<(Period, String)> {
    let p = Period::read(text).map_err(|e| Error::Usage(e.message(lang())))?;
    Ok((p, period_key(p)?))
}

/// The period a folder name is, when it is exactly one.
pub fn folder_period(name: &str) -> Option<Period> {
    let p = Period::read(name).ok()?;
    (period_key(p).ok()? == name).then_some(p)
}

pub fn period_dir(root: &Path, key: &str) -> PathBuf {
    root.join(REVIEWS_DIR).join(key)
}

/// The file of a member's review (`None`: the cell's).
pub fn file_path(root: &Path, key: &str, member: Option<&str>) -> PathBuf {
    let name = member.map_or_else(|| CELL_FILE.to_owned(), |m| format!("{m}.toml"));
    period_dir(root, key).join(name)
}

/// The periods that have a folder, oldest first.
pub fn periods(root: &Path) -> Result<Vec<(Period, String)>> {
    let dir = root.join(REVIEWS_DIR);
    ensure_inside(root, &dir).map_err(|d| Error::Invalid(vec![*d]))?;
    let Ok(rd) = fs::read_dir(&dir) else {
        return Ok(vec![]);
    };
    let mut out: Vec<(Period, String)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            folder_period(&name).map(|p| (p, name))
        })
        .collect();
    out.sort_by_key(|(p, _)| (p.start(), std::cmp::Reverse(p.end())));
    Ok(out)
}

/// The review files of a period, sorted by name (the cell's `_cell.toml` first).
pub fn entries(root: &Path, key: &str) -> Result<Vec<PathBuf>> {
    let dir = period_dir(root, key);
    ensure_inside(root, &dir).map_err(|d| Error::Invalid(vec![*d]))?;
    let rd = match fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(crate::ledger::storage::TMP_PREFIX))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Read and parse a review file; a problem comes back as its diagnostic (for `check`).
pub fn read(root: &Path, path: &Path) -> Result<ReviewDoc, Box<Diagnostic>> {
    let (source, file) = parse_inside::<ReviewFile>(root, path)?;
    Ok(ReviewDoc {
        path: path.to_path_buf(),
        source,
        file,
    })
}

/// Read a review file; any problem stops the command.
pub fn load(root: &Path, path: &Path) -> Result<ReviewDoc> {
    read(root, path).map_err(|d| Error::Invalid(vec![*d]))
}

/// Every review file of a period, read; the first broken one stops the command.
pub fn load_period(root: &Path, key: &str) -> Result<Vec<ReviewDoc>> {
    entries(root, key)?.iter().map(|p| load(root, p)).collect()
}

/// Write a review file, keeping what the person wrote in it (`original`, when it exists).
/// Only under the lock, and only inside the ledger (`write_atomic` holds both).
pub fn save(path: &Path, file: &ReviewFile, original: Option<&str>) -> Result<()> {
    let text = merge::render(original, file)?;
    write_atomic(path, text.as_bytes())
}

/// The review scheme `id`: the ledger's `reviews/schemes/ID.toml` first, then the built-ins.
pub fn load_scheme(root: &Path, id: &str) -> Result<Scheme> {
    let plain = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let path = root
        .join(REVIEWS_DIR)
        .join(SCHEMES_DIR)
        .join(format!("{id}.toml"));
    if plain && fs::symlink_metadata(&path).is_ok() {
        let src = read_inside(root, &path).map_err(|d| Error::Invalid(vec![*d]))?;
        return Scheme::parse(&src.text)
            .and_then(|s| {
                if s.id == id {
                    Ok(s)
                } else {
                    Err(vec![crate::core::problem::w(
                        format!("tệp ghi `id = \"{}\"`, khác tên tệp", s.id),
                        format!("the file says `id = \"{}\"`, not its name", s.id),
                    )])
                }
            })
            .map_err(|problems| {
                Error::refused(format!(
                    "{}: {}",
                    path.display(),
                    problems
                        .iter()
                        .map(|p| p.get(lang()).to_owned())
                        .collect::<Vec<_>>()
                        .join("; ")
                ))
            });
    }
    if let Some(src) = find_builtin(id) {
        return Scheme::parse(src).map_err(|_| {
            Error::refused(format!(
                "internal error: the built-in scheme {id} is broken"
            ))
        });
    }
    let p = ReviewProblem::UnknownScheme { id: id.to_owned() };
    Err(Error::refused_with(
        p.message(lang()),
        p.hint(lang()).unwrap_or_default(),
    ))
}

/// The ids of every scheme a ledger can use: its own files, then the built-ins.
pub fn scheme_ids(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(root.join(REVIEWS_DIR).join(SCHEMES_DIR))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".toml"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    for (id, _) in builtin() {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// The full members a cell's vote on `date` needs more than half of, counted as for a
/// meeting's resolution: from the record of a meeting held that day when there is one (its
/// excused absentees leave the base under `voting_base = "summoned"`), else every full member
/// on the roll and not exempted.
pub fn vote_base(ledger: &crate::ledger::Ledger, date: chrono::NaiveDate) -> Result<u32> {
    let record = match ledger.entry(crate::core::model::MeetingId::new(date, 1)) {
        Some(entry) => ledger.load_meeting(&entry)?.meeting.record,
        None => None,
    };
    let record = record.unwrap_or_default();
    Ok(crate::core::attendance::voting_base(
        &ledger.roster,
        date,
        &record,
        ledger.config.meetings.voting_base,
    ))
}

/// Every problem of the review files (E070–E078), each placed in its file: `check`'s `reviews`.
pub fn diagnostics(ledger: &crate::ledger::Ledger) -> Vec<Diagnostic> {
    use crate::core::review::check as rules;
    use crate::diagnostic::Problem;
    use crate::ledger::locate::Seg;
    let mut out = Vec::new();
    let root = &ledger.root;
    let periods = match periods(root) {
        Ok(p) => p,
        Err(Error::Invalid(d)) => return d,
        Err(_) => return out,
    };
    let mut schemes: std::collections::HashMap<String, Result<Scheme, String>> = Default::default();
    for (period, key) in periods {
        let paths = match entries(root, &key) {
            Ok(p) => p,
            Err(Error::Invalid(d)) => {
                out.extend(d);
                continue;
            }
            Err(_) => continue,
        };
        let mut docs = Vec::new();
        for path in paths {
            match read(root, &path) {
                Ok(doc) => docs.push(doc),
                Err(d) => out.push(*d),
            }
        }
        let mut by_scheme: Vec<(&ReviewDoc, Scheme)> = Vec::new();
        for doc in &docs {
            let scheme = schemes
                .entry(doc.file.scheme.clone())
                .or_insert_with(|| load_scheme(root, &doc.file.scheme).map_err(|e| e.to_string()))
                .clone();
            let scheme = match scheme {
                Ok(s) => s,
                Err(why) => {
                    let p = Problem::Review(ReviewProblem::UnknownScheme {
                        id: doc.file.scheme.clone(),
                    });
                    out.push(doc.source.report(&p, &[Seg::Key("scheme")]).hint(why));
                    continue;
                }
            };
            let stem = doc
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            for f in rules::file(&doc.file, &scheme, &ledger.roster, &key, stem) {
                out.push(doc.source.report(&Problem::Review(f.problem), &f.at));
            }
            if let Some(cell) = &doc.file.cell
                && let Some(vote) = &cell.vote
            {
                let on = cell.on.unwrap_or(period.end());
                if let Ok(base) = vote_base(ledger, on)
                    && let Some(p) = rules::vote(vote, base)
                {
                    out.push(
                        doc.source
                            .report(&Problem::Review(p), &[Seg::Key("cell"), Seg::Key("vote")]),
                    );
                }
            }
            by_scheme.push((doc, scheme));
        }
        if let Some((first, scheme)) = by_scheme.first() {
            let files: Vec<&ReviewFile> = by_scheme.iter().map(|(d, _)| &d.file).collect();
            if let Some(p) = rules::limit(&files, scheme) {
                let dir = first.path.parent().unwrap_or(root).to_path_buf();
                out.push(Diagnostic::of(&Problem::Review(p), &dir));
            }
        }
    }
    out
}

/// `status`'s reminders of reviews still open: every period of last year, this year or later
/// with a review not done, and how many wait at each stage. Broken files are left to `check`.
pub fn open_reviews(
    ledger: &crate::ledger::Ledger,
    today: chrono::NaiveDate,
) -> Vec<crate::core::reminders::Reminder> {
    use crate::core::review::model::Stage;
    use chrono::Datelike;
    let mut out = Vec::new();
    for (period, key) in periods(&ledger.root).unwrap_or_default() {
        if period.end().year() < today.year() - 1 {
            continue;
        }
        let docs: Vec<ReviewDoc> = entries(&ledger.root, &key)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| read(&ledger.root, p).ok())
            .collect();
        let count = |stage: Stage| {
            docs.iter()
                .filter(|d| d.file.next_stage() == Some(stage))
                .count()
        };
        let missing = [
            count(Stage::SelfAssessment),
            count(Stage::Cell),
            count(Stage::Decision),
        ];
        if missing.iter().sum::<usize>() > 0 {
            out.push(crate::core::reminders::Reminder::ReviewsOpen {
                period,
                total: docs.len(),
                self_missing: missing[0],
                cell_missing: missing[1],
                decision_missing: missing[2],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::{ReviewLevel, SelfStage};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// What the tool writes reads back the same, and an edit keeps a person's comment.
        #[test]
        fn a_review_file_round_trips(strengths in "\\PC{0,60}", points in 0u32..=100, done in proptest::option::of(0u32..=100)) {
            let mut f = ReviewFile::new("2020", Some("lan"), "qd366-2025");
            f.self_review = Some(SelfStage {
                points: Some(points),
                tasks_done: done,
                strengths: Some(strengths.clone()),
                proposed: Some(ReviewLevel::Good),
                ..SelfStage::default()
            });
            let text = merge::render(None, &f).expect("renders");
            let back: ReviewFile = toml::from_str(&text).expect("parses");
            prop_assert_eq!(&back, &f);
            let commented = format!("# ghi chú của bí thư\n{text}");
            f.self_review.as_mut().expect("self").points = Some(points / 2);
            let edited = merge::render(Some(&commented), &f).expect("renders");
            prop_assert!(edited.starts_with("# ghi chú của bí thư\n"));
            let back: ReviewFile = toml::from_str(&edited).expect("parses");
            prop_assert_eq!(back, f);
        }

        /// No text makes the loader panic.
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
            let _ = toml::from_str::<ReviewFile>(&text);
            let _ = Scheme::parse(&text);
        }
    }

    #[test]
    fn only_years_and_quarters_are_periods() {
        assert_eq!(
            folder_period("2020").map(|p| p.to_string()).as_deref(),
            Some("2020")
        );
        assert!(folder_period("2020-Q3").is_some());
        for bad in ["2020-07", "2020-q3", "schemes", "+2020", "2020 copy", ""] {
            assert!(folder_period(bad).is_none(), "{bad}");
        }
    }
}
