//! `cellbook minutes`: the printable minutes (*biên bản*) of one held meeting.

use crate::context::Context;
use crate::error::{Error, RecordNeededFor, Result};
use crate::ledger::meetings::load_meeting_ref;
use crate::output::Output;
use crate::output::{Stream, emit, emit_bytes, guard_out};
use crate::render::minutes;
use crate::render::report::MinutesFormat;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: crate::render::report::MinutesFormat,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &MinutesArgs) -> Result<Output> {
    if args.format == MinutesFormat::Docx {
        crate::output::refuse_binary_on_terminal("docx", args.out.as_deref())?;
    }
    let ledger = ctx.open()?;
    if let Some(out) = &args.out {
        guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
    }
    let file = load_meeting_ref(&ledger, &args.meeting, ctx.today)?;
    let Some(m) = minutes::build(&ledger.config, &ledger.roster, file.id, &file.meeting) else {
        return Err(Error::NotRecorded {
            id: file.id,
            needed_for: RecordNeededFor::Minutes,
        });
    };
    let text = match args.format {
        MinutesFormat::Md => crate::render::shown(minutes::markdown(&m)),
        MinutesFormat::Html => crate::render::shown(minutes::html(&m)),
        MinutesFormat::Docx => {
            let bytes = minutes::docx(&m).map_err(|e| Error::refused(e.to_string()))?;
            return match args.out.as_deref() {
                Some(path) => emit_bytes(path, &bytes),
                None => Ok(Output {
                    stream: Some(Stream(Box::new(move |w| w.write_all(&bytes)))),
                    ..Output::default()
                }),
            };
        }
    };
    emit(args.out.as_deref(), text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::testing::example_ledger;
    use crate::core::model::MeetingId;

    #[test]
    fn minutes_of_a_planned_meeting_are_refused_as_not_recorded() {
        let (dir, ctx) = example_ledger();
        let planned = "schema = 1\ndate = 2020-10-09\nkind = \"regular\"\n";
        std::fs::write(dir.path().join("meetings/2020/2020-10-09.toml"), planned).unwrap();
        let args = MinutesArgs {
            meeting: "2020-10-09".into(),
            format: MinutesFormat::Md,
            out: None,
        };
        let id = MeetingId::parse("2020-10-09").unwrap();
        let err = run(&ctx, &args).err();
        assert!(
            matches!(
                err,
                Some(Error::NotRecorded { id: got, needed_for: RecordNeededFor::Minutes }) if got == id
            ),
            "{err:?}"
        );
    }
}
