//! Finding a meeting a person names, and writing meetings and the roster back with what the
//! person wrote in the files kept.

use chrono::NaiveDate;

use crate::core::lookup::MeetingRef;
use crate::core::model::MeetingId;
use crate::error::{Error, MeetingHint, Result};
use crate::ledger::storage::write_atomic;
use crate::ledger::{Ledger, MeetingEntry, MeetingFile, merge};

/// Find the meeting a reference names. `Date` picks the first meeting of that day.
pub fn find_meeting(
    ledger: &Ledger,
    r: MeetingRef,
    today: NaiveDate,
) -> Result<Option<MeetingEntry>> {
    let found = find_entry(ledger, r, today)?;
    // Whoever found it is about to read it, or open it in an editor: never through a link out.
    if let Some(entry) = &found {
        ledger.ensure_inside(&entry.path)?;
    }
    Ok(found)
}

fn find_entry(ledger: &Ledger, r: MeetingRef, today: NaiveDate) -> Result<Option<MeetingEntry>> {
    Ok(match r {
        MeetingRef::Id(id) => ledger.entry(id),
        MeetingRef::Date(date) => ledger.entry(MeetingId::new(date, 1)),
        MeetingRef::Last => {
            let year = chrono::Datelike::year(&today);
            // Look back a year at a time: cost follows the gap, not the history.
            let mut y = year;
            loop {
                let entries = ledger.meeting_entries(Some((y, y)))?;
                if let Some(e) = entries.into_iter().rev().find(|e| e.id.date <= today) {
                    break Some(e);
                }
                if y < year - 50 || !has_meetings_before(ledger, y)? {
                    break None;
                }
                y -= 1;
            }
        }
        MeetingRef::Next => {
            let mut found = None;
            for e in ledger.meeting_entries(Some((chrono::Datelike::year(&today), i32::MAX)))? {
                if e.id.date < today {
                    continue;
                }
                let file = ledger.load_meeting(&e)?;
                if file.meeting.record.is_none() {
                    found = Some(e);
                    break;
                }
            }
            found
        }
    })
}

fn has_meetings_before(ledger: &Ledger, year: i32) -> Result<bool> {
    let dir = ledger.meetings_dir();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Ok(false);
    };
    Ok(rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(crate::ledger::year_folder))
        .any(|y| y < year))
}

/// Load the meeting a reference names, or explain that there is none.
pub fn load_meeting_ref(ledger: &Ledger, text: &str, today: NaiveDate) -> Result<MeetingFile> {
    let r = MeetingRef::parse(text)?;
    match find_meeting(ledger, r, today)? {
        Some(entry) => ledger.load_meeting(&entry),
        None => Err(Error::UnknownMeeting {
            reference: text.to_owned(),
            next_step: MeetingHint::ListOrPlan,
        }),
    }
}

/// Write a meeting back, keeping what the person wrote in the file.
pub fn save_meeting(ledger: &Ledger, file: &MeetingFile, original: Option<&str>) -> Result<()> {
    let text = merge::render(original, &file.meeting)?;
    write_atomic(&ledger.meeting_path(file.id), text.as_bytes())
}

/// Write the roster back, keeping what the person wrote in the file.
pub fn save_roster(ledger: &Ledger) -> Result<()> {
    let original =
        (!ledger.roster_source.text.is_empty()).then_some(ledger.roster_source.text.as_str());
    let text = merge::render(original, &ledger.roster)?;
    write_atomic(
        &ledger.root.join(crate::ledger::MEMBERS_FILE),
        text.as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_to_no_meeting_is_an_unknown_meeting() {
        let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac");
        let ledger = Ledger::open(&example).expect("the example ledger opens");
        let today = NaiveDate::from_ymd_opt(2020, 11, 28).expect("a date");
        let err = load_meeting_ref(&ledger, "2020-07-10", today).err();
        assert!(
            matches!(
                &err,
                Some(Error::UnknownMeeting { reference, next_step: MeetingHint::ListOrPlan })
                    if reference == "2020-07-10"
            ),
            "{err:?}"
        );
        assert!(load_meeting_ref(&ledger, "2020-07-09", today).is_ok());
    }
}
