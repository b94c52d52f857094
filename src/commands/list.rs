//! `cellbook list`: the meetings of a period, one line each.

use clap::Args;
use comfy_table::Cell;

use crate::context::Context;
use crate::core::attendance;
use crate::core::dates::show_date;
use crate::core::period::Period;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::output::Output;
use crate::render::table;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// A quarter: 2020-Q3, Q3/2020, III/2020, "quý 3/2020" or "quý III năm 2020"
    #[arg(long, conflicts_with = "year", value_parser = crate::args::period)]
    pub quarter: Option<String>,
    /// A year, e.g. 2020
    #[arg(long)]
    pub year: Option<String>,
}

pub fn run(ctx: &Context, args: &ListArgs) -> Result<Output> {
    // A usage error is said in the language of the command line.
    ctx.speak_command_line();
    let period = match (&args.quarter, &args.year) {
        (Some(q), _) => {
            Some(Period::read(q).map_err(|e| Error::Usage(e.message(ctx.command_line_lang())))?)
        }
        (None, Some(y)) => {
            Some(Period::read(y).map_err(|e| Error::Usage(e.message(ctx.command_line_lang())))?)
        }
        (None, None) => None,
    };
    let ledger = ctx.open()?;
    let years = period.map(|p| (p.first_year(), chrono::Datelike::year(&p.end())));
    let mut t = table::new(vec![
        tr("Mã", "Id"),
        tr("Ngày", "Date"),
        tr("Loại", "Kind"),
        tr("Tình trạng", "Status"),
        tr("Có mặt", "Present"),
        tr("Thời lượng", "Minutes"),
        tr("Xếp loại", "Level"),
    ]);
    let mut n = 0;
    for entry in ledger.meeting_entries(years)? {
        if period.is_some_and(|p| !p.contains(entry.id.date)) {
            continue;
        }
        let file = ledger.load_meeting(&entry)?;
        let m = &file.meeting;
        let (present, minutes) = match &m.record {
            Some(r) => {
                let a = attendance::attendance(&ledger.roster, m.date, r);
                (
                    format!(
                        "{}/{}{}",
                        a.present,
                        a.counted,
                        a.rate
                            .map(|r| format!(" ({})", crate::core::text::percent(r, lang())))
                            .unwrap_or_default()
                    ),
                    r.duration_minutes()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                )
            }
            None => (String::new(), String::new()),
        };
        let level = m
            .rating
            .as_ref()
            .map(|r| format!("{} ({})", r.level.label(lang()), r.total))
            .unwrap_or_default();
        n += 1;
        t.add_row(vec![
            Cell::new(file.id),
            Cell::new(show_date(m.date, lang())),
            Cell::new(m.kind.label(lang())),
            Cell::new(m.status().label(lang())),
            Cell::new(present),
            Cell::new(minutes),
            Cell::new(level),
        ]);
    }
    if n == 0 {
        return Ok(Output::text(format!(
            "{}\n",
            tr("Chưa có buổi sinh hoạt nào.", "No meetings.")
        )));
    }
    Ok(Output::text(crate::render::shown(format!("{t}\n"))))
}
