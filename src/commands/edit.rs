//! `cellbook edit`: a meeting in the person's editor (the session itself, shared with `plan
//! --edit` and `record --edit`, is `editor::session`).

use clap::Args;

use crate::context::Context;
use crate::core::lookup::MeetingRef;
use crate::core::model::{Kind, Meeting, MeetingId, Plan};
use crate::editor::session::{session, template, with_record_hint};
use crate::error::{Error, MeetingHint, Result};
use crate::ledger::meetings::find_meeting;
use crate::ledger::storage::read_regular_to_string;
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
        let text = read_regular_to_string(&entry.path).map_err(|e| Error::io(&entry.path, e))?;
        let start = with_record_hint(&ledger, &text, entry.id.date);
        return session(ctx, &ledger, entry.id, Some(text), start);
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
    let start = template(&meeting)?;
    session(ctx, &ledger, id, None, start)
}
