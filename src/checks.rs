//! `cellbook check`: find every problem in a ledger, each located in its file.
//!
//! Checks are named (`syntax`, `schema`, `references`, `dates`, `attendance`, `votes`,
//! `ratings`, `duplicates`, `files`, `cadence`) so a run can select some. A broken file stops
//! only the checks of that file; the rest of the ledger is still checked.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::core::cadence;
use crate::core::model::{KindRating, Meeting, MeetingId, Member, Roster};
use crate::core::rules;
use crate::diagnostic::{Diagnostic, Problem};
use crate::ledger::locate::Seg;
use crate::ledger::storage::TMP_PREFIX;
use crate::ledger::{self, Ledger, MEETINGS_DIR, MeetingFile, Source};

/// Every check's name, for `--only` and the docs.
pub const CHECKS: &[&str] = &[
    "syntax",
    "schema",
    "references",
    "dates",
    "attendance",
    "votes",
    "ratings",
    "duplicates",
    "files",
    "cadence",
    "reviews",
];

/// Options of one run.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub today: NaiveDate,
}

/// Check a whole ledger folder. Never fails: every problem, including unreadable files,
/// becomes a diagnostic.
pub fn check_ledger(root: &Path, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let (config, roster) = ledger::read_settings(root);
    let config = kept(config, &mut diags);
    let roster = kept(roster, &mut diags);
    if let Some((src, cfg)) = &config {
        ledger::check_schema_version(src, cfg.schema, &mut diags);
        if cfg.cell.name.trim().is_empty() {
            diags.push(src.report(
                &Problem::EmptyCellName,
                &[Seg::Key("cell"), Seg::Key("name")],
            ));
        }
        if let Some(rubric) = &cfg.rating.rubric
            && crate::ledger::rubrics::load(root, rubric).is_err()
        {
            diags.push(src.report(
                &Problem::UnknownLedgerRubric { id: rubric.clone() },
                &[Seg::Key("rating"), Seg::Key("rubric")],
            ));
        }
        if let Some(KindRating::Rubric(rubric)) = &cfg.rating.thematic
            && crate::ledger::rubrics::load(root, rubric).is_err()
        {
            diags.push(src.report(
                &Problem::UnknownLedgerRubric { id: rubric.clone() },
                &[Seg::Key("rating"), Seg::Key("thematic")],
            ));
        }
    }
    if let Some((src, roster)) = &roster {
        ledger::check_schema_version(src, roster.schema, &mut diags);
        check_roster(src, roster, &mut diags);
    }
    let (Some((config_source, config)), Some((roster_source, roster))) = (config, roster) else {
        return diags;
    };
    let ledger = Ledger {
        root: root.to_path_buf(),
        config,
        config_source,
        roster,
        roster_source,
    };
    let files = scan_meetings(&ledger, &mut diags);
    let mut meetings: Vec<MeetingFile> = Vec::with_capacity(files.len());
    for (id, path) in files {
        match ledger::read_meeting(root, id, &path) {
            Ok((file, problems)) => {
                diags.extend(problems);
                meetings.push(file);
            }
            Err(d) => diags.push(*d),
        }
    }
    let rubrics = crate::ledger::rubrics::Cache::new(root);
    let sittings = Sittings::of(&meetings);
    for (i, file) in meetings.iter().enumerate() {
        check_meeting(&ledger, file, sittings.shared(file), opts, &mut diags);
        crate::rating::check_rating(&ledger, &meetings, i, &rubrics, opts.today, &mut diags);
    }
    check_absence_months(&ledger, &meetings, &mut diags);
    check_cadence(&ledger, &meetings, opts.today, &mut diags);
    diags.extend(crate::ledger::reviews::diagnostics(&ledger));
    diags
}

/// W007: a member absent without a reason in [`ABSENCE_MONTHS_LIMIT`] months of a year is to
/// be considered for removal from the rolls (24-QĐ/TW 2021, 8.1). Reported once per member and
/// year, at the absence that reached the limit.
fn check_absence_months(ledger: &Ledger, meetings: &[MeetingFile], diags: &mut Vec<Diagnostic>) {
    use crate::core::reminders::ABSENCE_MONTHS_LIMIT;
    let mut months: BTreeMap<(&str, i32), Vec<u32>> = BTreeMap::new();
    for file in meetings {
        let Some(rec) = &file.meeting.record else {
            continue;
        };
        let date = file.meeting.date;
        for (i, who) in rec.unexcused.iter().enumerate() {
            let seen = months.entry((who.as_str(), date.year())).or_default();
            if seen.contains(&date.month()) {
                continue;
            }
            seen.push(date.month());
            if seen.len() == ABSENCE_MONTHS_LIMIT {
                let name = ledger
                    .roster
                    .get(who)
                    .map_or(who.as_str(), |m| m.name.as_str());
                diags.push(file.source.report(
                    &Problem::AbsentMonths {
                        name: name.to_owned(),
                        year: date.year(),
                        months: seen.clone(),
                    },
                    &[Seg::Key("record"), Seg::Key("unexcused"), Seg::Index(i)],
                ));
            }
        }
    }
}

/// W008/W009: months short of regular meetings and quarters short of thematic ones, counting
/// held meetings, from the ledger's first meeting to the last period that has ended.
fn check_cadence(
    ledger: &Ledger,
    meetings: &[MeetingFile],
    today: NaiveDate,
    diags: &mut Vec<Diagnostic>,
) {
    use crate::core::model::Kind;
    use crate::core::period::{Period, months_between};
    let held: Vec<(NaiveDate, Kind)> = meetings
        .iter()
        .map(|f| &f.meeting)
        .filter(|m| m.record.is_some())
        .map(|m| (m.date, m.kind))
        .collect();
    let (Some(first), Some(last)) = (held.first().map(|h| h.0), held.last().map(|h| h.0)) else {
        return;
    };
    let months = months_between(first, last);
    // Only quarters whose every month is in the ledger's history.
    let quarters: Vec<Period> = months
        .iter()
        .filter(|(_, m)| m % 3 == 0)
        .filter_map(|&(y, m)| Period::quarter(y, m / 3))
        .filter(|q| q.start() >= first.with_day(1).unwrap_or(first))
        .collect();
    let dir = ledger.root.join(MEETINGS_DIR);
    for s in
        crate::core::cadence::shortfalls(&held, &ledger.config.meetings, &months, &quarters, today)
    {
        diags.push(Diagnostic::of(&Problem::Shortfall(s), &dir));
    }
}

/// Check many ledgers on every core. Each ledger is checked on its own (a worker takes the next
/// one as soon as it is free), and the diagnostics come back in the order of `roots`, so the
/// output is the same whatever the number of cores.
pub fn check_ledgers(roots: &[PathBuf], opts: &CheckOptions) -> Vec<Vec<Diagnostic>> {
    crate::parallel::map(roots, |root| check_ledger(root, opts))
}

/// A parsed file, or `None` with its problem reported: a broken file stops only its own checks.
fn kept<T>(parsed: ledger::Parsed<T>, diags: &mut Vec<Diagnostic>) -> Option<(Source, T)> {
    parsed.map_err(|d| diags.push(*d)).ok()
}

fn check_roster(src: &Source, roster: &Roster, diags: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, m) in roster.members.iter().enumerate() {
        let at = |key: &'static str| [Seg::Key("member"), Seg::Index(i), Seg::Key(key)];
        if let Some(first) = seen.insert(&m.id, i) {
            diags.push(src.report(
                &Problem::DuplicateMemberId {
                    id: m.id.clone(),
                    first,
                },
                &at("id"),
            ));
        }
        if crate::core::model::ids::check_member_id(&m.id).is_err() {
            diags.push(src.report(&Problem::InvalidMemberId { id: m.id.clone() }, &at("id")));
        }
        if m.name.trim().is_empty() {
            diags.push(src.report(&Problem::EmptyMemberName, &at("name")));
        }
        check_member_dates(src, i, m, diags);
    }
}

/// E021, E022: a member leaves after joining, and an exemption ends after it starts.
fn check_member_dates(src: &Source, i: usize, m: &Member, diags: &mut Vec<Diagnostic>) {
    let at = |key: &'static str| [Seg::Key("member"), Seg::Index(i), Seg::Key(key)];
    if let Some(left) = m.left
        && left <= m.joined
    {
        diags.push(src.report(&Problem::LeftNotAfterJoined, &at("left")));
    }
    for (j, e) in m.exempt.iter().enumerate() {
        if let Some(to) = e.to
            && to < e.from
        {
            diags.push(src.report(
                &Problem::ExemptionEndsBeforeStart,
                &[
                    Seg::Key("member"),
                    Seg::Index(i),
                    Seg::Key("exempt"),
                    Seg::Index(j),
                    Seg::Key("to"),
                ],
            ));
        }
    }
}

/// List meeting files, reporting misplaced ones, stray files and left-over temp files.
fn scan_meetings(ledger: &Ledger, diags: &mut Vec<Diagnostic>) -> Vec<(MeetingId, PathBuf)> {
    report_temp_files(&ledger.root, diags);
    let dir = ledger.root.join(MEETINGS_DIR);
    let mut out: Vec<(MeetingId, PathBuf)> = Vec::new();
    // Nothing is listed or read through a link out of the ledger (E006).
    if let Err(d) = ledger::ensure_inside(&ledger.root, &dir) {
        diags.push(*d);
        return out;
    }
    let Ok(years) = fs::read_dir(&dir) else {
        return out;
    };
    let mut years: Vec<_> = years.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    years.sort();
    for ydir in years {
        let name = ydir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if let Err(d) = ledger::ensure_inside(&ledger.root, &ydir) {
            diags.push(*d);
            continue;
        }
        if !ydir.is_dir() {
            if !name.starts_with('.') {
                diags.push(Diagnostic::of(&Problem::StrayFileInMeetings, &ydir));
            }
            continue;
        }
        let Some(year) = ledger::year_folder(&name) else {
            diags.push(Diagnostic::of(&Problem::StrayFolderInMeetings, &ydir));
            continue;
        };
        scan_year(ledger, &ydir, year, diags, &mut out);
    }
    out
}

/// The meeting files of one year folder; misnamed, misplaced and temporary files are reported.
fn scan_year(
    ledger: &Ledger,
    ydir: &Path,
    year: i32,
    diags: &mut Vec<Diagnostic>,
    out: &mut Vec<(MeetingId, PathBuf)>,
) {
    let Ok(files) = fs::read_dir(ydir) else {
        return;
    };
    let mut files: Vec<_> = files.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let fname = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if fname.starts_with(TMP_PREFIX) {
            diags.push(temp_file_warning(&path));
            continue;
        }
        let id = fname.strip_suffix(".toml").and_then(MeetingId::parse);
        match id {
            Some(id) if chrono::Datelike::year(&id.date) == year => out.push((id, path)),
            Some(id) => {
                diags.push(Diagnostic::of(
                    &Problem::WrongYearFolder {
                        year,
                        move_to: id.rel_path(),
                    },
                    &path,
                ));
                if ledger.root.join(id.rel_path()).exists() {
                    diags.push(Diagnostic::of(
                        &Problem::TwoFilesForMeeting { id: id.to_string() },
                        &path,
                    ));
                }
            }
            None if fname.starts_with('.') || fname.ends_with('~') => {}
            None => diags.push(Diagnostic::of(&Problem::NotAMeetingFileName, &path)),
        }
    }
}

/// Temporary files left in the ledger's root by an interrupted write of cellbook.toml or
/// members.toml.
fn report_temp_files(root: &Path, diags: &mut Vec<Diagnostic>) {
    let base = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let Ok(rd) = fs::read_dir(base) else { return };
    let mut found: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(TMP_PREFIX))
        .map(|e| root.join(e.file_name()))
        .collect();
    found.sort();
    for path in found {
        diags.push(temp_file_warning(&path));
    }
}

/// W004: a temporary file of an interrupted write. The real file next to it is intact.
fn temp_file_warning(path: &Path) -> Diagnostic {
    Diagnostic::of(&Problem::TempFile, path)
}

/// The meetings of each date, so that the rule of a shared sitting
/// ([`cadence::shares_sitting`], which the rubric uses too) looks at one date's meetings only.
pub struct Sittings<'a>(BTreeMap<NaiveDate, Vec<&'a Meeting>>);

impl<'a> Sittings<'a> {
    pub fn of(meetings: &'a [MeetingFile]) -> Sittings<'a> {
        let mut by_date: BTreeMap<NaiveDate, Vec<&Meeting>> = BTreeMap::new();
        for m in meetings {
            by_date.entry(m.meeting.date).or_default().push(&m.meeting);
        }
        Sittings(by_date)
    }

    /// Whether `file` shares its sitting with a recorded meeting of another kind.
    pub fn shared(&self, file: &MeetingFile) -> bool {
        self.0.get(&file.meeting.date).is_some_and(|same_day| {
            cadence::shares_sitting(&file.meeting, same_day.iter().copied())
        })
    }
}

/// The checks of one meeting file against its ledger (everything but its rating): the
/// record's rules of the core, each located in the file. `shared_sitting`: another kind of
/// meeting was recorded on the same date (see [`Sittings`]).
pub fn check_meeting(
    ledger: &Ledger,
    file: &MeetingFile,
    shared_sitting: bool,
    opts: &CheckOptions,
    diags: &mut Vec<Diagnostic>,
) {
    let cx = rules::Context {
        file_id: file.id,
        // 120 for a cell of 30 or more on the roll, or for a shared sitting.
        min_minutes: crate::core::cadence::required_minutes(
            &ledger.config.meetings,
            crate::core::attendance::roll(&ledger.roster, file.meeting.date).count(),
            shared_sitting,
        ),
        today: opts.today,
    };
    for found in rules::check_meeting(&ledger.roster, &file.meeting, cx) {
        diags.push(located(&file.source, &found));
    }
}

/// A broken rule of the core as a diagnostic pointing at its value in `source`.
pub fn located(source: &Source, found: &rules::Found) -> Diagnostic {
    source.report(&Problem::Record(found.problem.clone()), &found.at)
}

/// The first date on which a change of one member's entry can change what the record of a
/// meeting must say: the earlier of the old and new dates that changed (joined, left, an
/// exemption's start), or the date they joined for a change of status (which counts only while
/// they are on the roll). `None` when nothing that the rules read changed (a role).
pub fn affected_from(before: Option<&Member>, after: &Member) -> Option<NaiveDate> {
    let Some(before) = before else {
        return Some(after.joined);
    };
    let mut dates = Vec::new();
    if before.joined != after.joined {
        dates.push(before.joined.min(after.joined));
    }
    if before.left != after.left {
        dates.extend(before.left.into_iter().chain(after.left));
    }
    if before.status != after.status {
        dates.push(after.joined.min(before.joined));
    }
    let changed = |a: &[crate::core::model::Exemption], b: &[crate::core::model::Exemption]| {
        a.iter()
            .filter(|e| !b.contains(e))
            .map(|e| e.from)
            .collect::<Vec<_>>()
    };
    dates.extend(changed(&after.exempt, &before.exempt));
    dates.extend(changed(&before.exempt, &after.exempt));
    dates.into_iter().min()
}

/// The problems a change of member `id`'s entry would bring into the records of meetings
/// already held: `ledger` holds the roster after the change, `before` the roster before it.
/// The record's rules and the rating check run on every held meeting dated on or after
/// [`affected_from`] with both rosters; the errors found with the new roster and not with the
/// old one are returned, so that a problem already there never blocks a change. Only the years
/// from that date on are read, and the year before it, which a rating's measures look back at
/// ([`crate::rating::history_years`]). A meeting file that cannot be read is left to `check`.
pub fn roster_change_problems(
    ledger: &Ledger,
    before: &Roster,
    id: &str,
    today: NaiveDate,
) -> crate::error::Result<Vec<Diagnostic>> {
    let Some(after) = ledger.roster.get(id) else {
        return Ok(vec![]);
    };
    let Some(from) = affected_from(before.get(id), after) else {
        return Ok(vec![]);
    };
    let mut held = Vec::new();
    let first_year = crate::rating::history_years(from).0;
    for entry in ledger.meeting_entries(Some((first_year, i32::MAX)))? {
        if let Ok((file, _)) = ledger::read_meeting(&ledger.root, entry.id, &entry.path)
            && file.meeting.record.is_some()
        {
            held.push(file);
        }
    }
    let mut old = ledger.clone();
    old.roster = before.clone();
    let (was, now) = (
        errors_of(&old, &held, from, today),
        errors_of(ledger, &held, from, today),
    );
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for d in &was {
        *seen.entry(d.to_string()).or_default() += 1;
    }
    Ok(now
        .into_iter()
        .filter(|d| match seen.get_mut(&d.to_string()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect())
}

/// The errors `check` finds in the records and ratings of the meetings dated on or after
/// `from`, with the ledger's roster (the earlier ones are the ratings' history).
fn errors_of(
    ledger: &Ledger,
    meetings: &[MeetingFile],
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let opts = CheckOptions { today };
    let rubrics = crate::ledger::rubrics::Cache::new(&ledger.root);
    let mut diags = Vec::new();
    let sittings = Sittings::of(meetings);
    for (i, file) in meetings.iter().enumerate() {
        if file.id.date < from {
            continue;
        }
        check_meeting(ledger, file, sittings.shared(file), &opts, &mut diags);
        crate::rating::check_rating(ledger, meetings, i, &rubrics, today, &mut diags);
    }
    diags.retain(Diagnostic::is_error);
    diags
}
