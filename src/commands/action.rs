//! `cellbook action`: the tasks assigned at meetings, and whether they were done.

use crate::args::parse_date;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use comfy_table::Cell;

use crate::context::Context;
use crate::core::dates::show_date;
use crate::core::model::ActionId;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::meetings::save_meeting;
use crate::output::Output;
use crate::render::table;

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Mark an action done
    #[command(after_help = "Example:\n  cellbook action done 2020-07-09/1 --on 2020-08-01")]
    Done(ActionDoneArgs),
    /// List actions
    #[command(
        after_help = "Examples:\n  cellbook action list --open\n  cellbook action list --overdue"
    )]
    List(ActionListArgs),
}

#[derive(Debug, Args)]
pub struct ActionDoneArgs {
    /// The action's id, e.g. 2020-07-09/1
    pub action: String,
    /// Date completed (default: today)
    #[arg(long, value_parser = parse_date)]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ActionListArgs {
    /// Only actions not yet done
    #[arg(long)]
    pub open: bool,
    /// Only actions past their due date and not done
    #[arg(long)]
    pub overdue: bool,
}

pub fn run(ctx: &Context, cmd: ActionCommand) -> Result<Output> {
    match cmd {
        ActionCommand::Done(args) => done(ctx, &args),
        ActionCommand::List(args) => list(ctx, &args),
    }
}

fn done(ctx: &Context, args: &ActionDoneArgs) -> Result<Output> {
    let (_lock, ledger) = ctx.open_for_write()?;
    let Some(id) = ActionId::parse(&args.action) else {
        return Err(Error::Usage(format!(
            "'{}' {}",
            args.action,
            tr(
                "không phải mã việc: dùng dạng 2020-07-09/1 (xem `cellbook action list`)",
                "is not an action id: write it as 2020-07-09/1 (see `cellbook action list`)"
            )
        )));
    };
    let missing = || Error::UnknownAction { id };
    let entry = ledger.entry(id.meeting).ok_or_else(missing)?;
    let mut file = ledger.load_meeting(&entry)?;
    let original = file.source.text.clone();
    let meeting_date = file.meeting.date;
    let on = args.on.unwrap_or(ctx.today);
    let action = file
        .meeting
        .record
        .as_mut()
        .and_then(|r| r.actions.iter_mut().find(|a| a.id == id.number))
        .ok_or_else(missing)?;
    if on < meeting_date {
        return Err(Error::refused_with(
            format!(
                "{} {} {}",
                tr("ngày hoàn thành", "the date done"),
                show_date(on, lang()),
                tr("trước ngày giao việc", "is before the action was set")
            ),
            format!(
                "{} {}",
                tr("việc được giao ngày", "the action was set on"),
                show_date(meeting_date, lang())
            ),
        ));
    }
    let previously = action.done.replace(on);
    let task = action.task.clone();
    save_meeting(&ledger, &file, Some(&original))?;
    let mut out = format!(
        "{} {id}: {task} ({})\n",
        tr("Đã xong", "Done"),
        show_date(on, lang())
    );
    if let Some(p) = previously {
        out.push_str(&format!(
            "{}: {}\n",
            tr("trước đó ghi xong ngày", "previously marked done on"),
            show_date(p, lang())
        ));
    }
    Ok(Output::text(crate::render::shown(out)))
}

fn list(ctx: &Context, args: &ActionListArgs) -> Result<Output> {
    let ledger = ctx.open()?;
    let mut t = table::new(vec![
        tr("Mã", "Id"),
        tr("Người thực hiện", "Who"),
        tr("Nội dung", "Task"),
        tr("Hạn", "Due"),
        tr("Tình trạng", "Status"),
    ]);
    let mut n = 0;
    for file in ledger.load_meetings(None)? {
        let Some(rec) = &file.meeting.record else {
            continue;
        };
        for a in &rec.actions {
            let open = a.is_open_on(ctx.today);
            let overdue = a.is_overdue_on(ctx.today);
            if (args.open && !open) || (args.overdue && !overdue) {
                continue;
            }
            let who = ledger
                .roster
                .get(&a.member)
                .map_or(a.member.clone(), |m| m.name.clone());
            let status = match (a.done, overdue) {
                (Some(d), _) if !open => format!("{} {}", tr("xong", "done"), show_date(d, lang())),
                (_, true) => tr("quá hạn", "overdue").to_owned(),
                _ => tr("đang làm", "open").to_owned(),
            };
            n += 1;
            t.add_row(vec![
                Cell::new(ActionId {
                    meeting: file.id,
                    number: a.id,
                }),
                Cell::new(who),
                Cell::new(&a.task),
                Cell::new(a.due.map(|d| show_date(d, lang())).unwrap_or_default()),
                Cell::new(status),
            ]);
        }
    }
    if n == 0 {
        return Ok(Output::text(format!(
            "{}\n",
            tr("Không có việc nào.", "No actions.")
        )));
    }
    Ok(Output::text(crate::render::shown(format!("{t}\n"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::testing::example_ledger;

    #[test]
    fn an_action_nobody_was_given_is_an_unknown_action() {
        let (_dir, ctx) = example_ledger();
        for text in ["2020-07-09/99", "2020-07-10/1"] {
            let args = ActionDoneArgs {
                action: text.into(),
                on: None,
            };
            let err = done(&ctx, &args).err();
            let wanted = ActionId::parse(text).unwrap();
            assert!(
                matches!(err, Some(Error::UnknownAction { id }) if id == wanted),
                "{text}: {err:?}"
            );
        }
    }
}
