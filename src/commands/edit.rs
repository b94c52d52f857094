//! `cellbook edit`: a meeting in the person's editor (the session itself, shared with `plan
//! --edit` and `record --edit`, is `editor::session`).

use clap::Args;

use crate::context::Context;
use crate::core::lookup::MeetingRef;
use crate::core::model::{Kind, Meeting, MeetingId, Plan};
use crate::editor::session::{Start, session, template, with_record_hint};
use crate::error::{Error, MeetingHint, Result};
use crate::ledger::meetings::find_meeting;
use crate::ledger::storage::read_bytes_on_disk;
use crate::output::Output;

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Meeting id, date, `last` or `next`; a date with no meeting starts a new one
    pub meeting: String,
    /// The kind of a new meeting
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
}

pub fn run(ctx: &Context, args: &EditArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let r = MeetingRef::parse(&args.meeting)?;
    if let Some(entry) = find_meeting(&ledger, r, ctx.today)? {
        let on_disk = read_bytes_on_disk(&entry.path)
            .map_err(|e| Error::io(&entry.path, e))?
            .ok_or_else(|| {
                let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
                Error::io(&entry.path, gone)
            })?;
        let text = std::str::from_utf8(&on_disk).map_err(|_| {
            let bad = std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            );
            Error::io(&entry.path, bad)
        })?;
        let start = Start {
            text: with_record_hint(&ledger, text, entry.id.date),
            on_disk: Some(on_disk),
            is_change: false,
        };
        return session(ctx, &ledger, entry.id, start);
    }
    let id = match r {
        MeetingRef::Id(id) => id,
        MeetingRef::Date(d) => MeetingId::new(d, 1),
        MeetingRef::Last | MeetingRef::Next => {
            return Err(Error::UnknownMeeting {
                reference: args.meeting.clone(),
                next_step: MeetingHint::Nothing,
            });
        }
    };
    let mut meeting = Meeting::new(id.date, args.kind.unwrap_or_default());
    meeting.plan = Some(Plan {
        time: ledger.config.meetings.time,
        place: ledger.config.meetings.place.clone(),
        ..Plan::default()
    });
    let start = Start {
        text: template(&meeting)?,
        on_disk: None,
        is_change: false,
    };
    session(ctx, &ledger, id, start)
}
