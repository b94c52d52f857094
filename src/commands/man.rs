//! `cellbook man`: the manual page (roff), from the same clap definition as `--help`.

use clap::Args;
use std::path::Path;
use std::path::PathBuf;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::storage::write_output;
use crate::output::Output;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write cellbook.1 and one page per command (cellbook-member-add.1, …) into DIR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `cli` is the whole command line (`Cli::command()`), handed in by `cli::run`.
/// The page speaks the language of the command line (`Context::command_line_lang`).
pub fn run(ctx: &Context, args: &ManArgs, cli: clap::Command) -> Result<Output> {
    let lang = ctx.command_line_lang();
    let mut cmd = crate::help_vi::for_lang(cli.disable_help_subcommand(true), lang);
    cmd.build();
    let render = |cmd: &clap::Command| match lang {
        crate::i18n::Lang::En => render(cmd),
        crate::i18n::Lang::Vi => render(cmd).map(|page| crate::help_vi::man_page(&page)),
    };
    match &args.out {
        None => Ok(Output::text(render(&cmd)?)),
        Some(dir) => {
            let mut written = Vec::new();
            write_pages(&cmd, dir, &render, &mut written)?;
            let mut out = format!(
                "{} {} {} {}\n",
                tr("Đã ghi", "Wrote"),
                written.len(),
                tr("trang hướng dẫn vào", "manual pages to"),
                dir.display()
            );
            for name in written {
                out.push_str(&format!("  {name}\n"));
            }
            Ok(Output::text(out))
        }
    }
}

/// One page: `cellbook.1`, `cellbook-member-add.1`, ….
fn render(cmd: &clap::Command) -> Result<String> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buf)
        .map_err(|e| Error::io(Path::new("<man>"), e))?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// A page for the command and for each visible subcommand, at any depth.
fn write_pages(
    cmd: &clap::Command,
    dir: &Path,
    render: &impl Fn(&clap::Command) -> Result<String>,
    written: &mut Vec<String>,
) -> Result<()> {
    let name = format!(
        "{}.1",
        cmd.get_display_name().unwrap_or_else(|| cmd.get_name())
    );
    write_output(&dir.join(&name), render(cmd)?.as_bytes())?;
    written.push(name);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, render, written)?;
    }
    Ok(())
}
