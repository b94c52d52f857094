//! `cellbook notice`: the notice of a meeting (*thông báo sinh hoạt chi bộ*) from its plan, as a
//! message to paste into Zalo or as a printable document.

use clap::Args;
use std::path::PathBuf;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::meetings::load_meeting_ref;
use crate::output::{Output, Stream, emit, emit_bytes, guard_out};
use crate::render::notice;

/// The formats `cellbook notice` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum NoticeFormat {
    /// Plain text, short enough to paste into a message
    #[default]
    Text,
    /// A Markdown document
    Md,
    /// A self-contained A4 page to print
    Html,
    /// A Word document (A4) to edit, sign and file
    Docx,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// Meeting id, date, `last` or `next`
    pub meeting: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: NoticeFormat,
    /// Write to FILE (atomically) instead of printing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &NoticeArgs) -> Result<Output> {
    if args.format == NoticeFormat::Docx {
        crate::output::refuse_binary_on_terminal("docx", args.out.as_deref())?;
    }
    let ledger = ctx.open()?;
    if let Some(out) = &args.out {
        guard_out(out, &ctx.cwd, &[ledger.root.as_path()])?;
    }
    let file = load_meeting_ref(&ledger, &args.meeting, ctx.today)?;
    let n = notice::build(
        &ledger.config,
        &ledger.roster,
        file.id,
        &file.meeting,
        ctx.today,
    );
    // A notice goes out before the meeting: say so when this one is already past.
    let warning = if file.meeting.date < ctx.today {
        format!(
            "{}: {} {} ({})\n",
            tr("cảnh báo", "warning"),
            tr("buổi sinh hoạt này đã qua", "this meeting is already past"),
            file.id,
            crate::render::report::date(file.meeting.date)
        )
    } else {
        String::new()
    };
    let mut out = render(args, &n)?;
    out.stderr.insert_str(0, &warning);
    Ok(out)
}

/// The notice in the format asked for, printed or written to `--out`.
fn render(args: &NoticeArgs, n: &notice::Notice) -> Result<Output> {
    let text = match args.format {
        NoticeFormat::Text => notice::text(n),
        NoticeFormat::Md => notice::markdown(n),
        NoticeFormat::Html => notice::html(n),
        NoticeFormat::Docx => {
            let bytes = notice::docx(n).map_err(|e| Error::refused(e.to_string()))?;
            return match args.out.as_deref() {
                Some(path) => emit_bytes(path, &bytes),
                None => Ok(Output {
                    stream: Some(Stream(Box::new(move |w| w.write_all(&bytes)))),
                    ..Output::default()
                }),
            };
        }
    };
    emit(args.out.as_deref(), crate::render::shown(text))
}
