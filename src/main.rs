//! The `cellbook` binary: parse the command line, run the command, print, exit.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use cellbook::cli::{self, Cli};
use cellbook::context::Context;
use cellbook::i18n::Lang;
use cellbook::render::style;

fn main() -> ExitCode {
    use std::io::IsTerminal;
    style::enable(style::decide(
        io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR"),
        std::env::var_os("CLICOLOR_FORCE"),
    ));
    let argv: Vec<OsString> = std::env::args_os().collect();
    let fallback = cellbook::context::system_lang(|name| std::env::var(name).ok());
    // The language of the help and the usage errors, known before clap parses.
    let lang = command_line_lang(&argv, fallback);
    // `COMPLETE=bash cellbook -- WORDS…`: answer a shell's Tab and exit (see `completions`).
    clap_complete::CompleteEnv::with_factory(move || cli::command(lang)).complete();
    let cli = match cli::parse(lang, &argv) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, lang),
    };
    let ctx = match context(&cli, fallback) {
        Ok(ctx) => ctx,
        Err(e) => return fail(&e),
    };
    match cli::run(cli, &ctx) {
        Ok(out) => match print(out.stderr, out.stdout, out.stream) {
            Ok(()) => ExitCode::from(out.code),
            Err(e) => fail(&stream_error(e)),
        },
        Err(e) => fail(&anyhow::Error::new(e)),
    }
}

/// The language of the command line, from a scan of `argv` (`--lang`, `--ledger`) and the
/// environment (`CELLBOOK_LEDGER`, the ledger upward, `CELLBOOK_LANG`, the locale); spoken
/// from now on.
fn command_line_lang(argv: &[OsString], fallback: Lang) -> Lang {
    let (lang, ledger) = cli::prescan(argv);
    let ledger = ledger.or_else(|| {
        std::env::var_os("CELLBOOK_LEDGER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let early = Context {
        ledger,
        lang,
        fallback,
        // Not read: the language does not depend on the date.
        today: chrono::NaiveDate::MIN,
        cwd: std::env::current_dir().unwrap_or_default(),
    };
    early.speak_command_line()
}

/// A clap error: help and version to stdout (exit 0), usage errors to stderr (2), in `lang`.
fn usage_error(e: &clap::Error, lang: Lang) -> ExitCode {
    let printed = if lang == Lang::En || cellbook::help_vi::is_help(e) {
        e.print()
    } else {
        let prefix = style::paint("lỗi", style::Style::Error);
        let text = cellbook::help_vi::error_message(e);
        io::stderr()
            .lock()
            .write_all(format!("{prefix}: {text}").as_bytes())
    };
    if let Err(err) = printed.or_else(ignore_pipe) {
        return fail(&output_error(err));
    }
    ExitCode::from(if e.use_stderr() { 2 } else { 0 })
}

/// Gather the environment once: the clock (or `CELLBOOK_TODAY`, for reproducible runs) and
/// the current folder.
fn context(cli: &Cli, fallback: Lang) -> anyhow::Result<Context> {
    use anyhow::Context as _;
    let today = match std::env::var("CELLBOOK_TODAY") {
        Ok(s) if !s.is_empty() => cellbook::core::dates::parse_date(&s)
            .map_err(anyhow::Error::msg)
            .context("CELLBOOK_TODAY")?,
        _ => chrono::Local::now().date_naive(),
    };
    if let Some(s) = std::env::var_os("CELLBOOK_LOCK_TIMEOUT").filter(|s| !s.is_empty()) {
        let seconds = s
            .to_str()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|n| n.is_finite() && *n >= 0.0 && *n <= 86_400.0)
            .ok_or_else(|| {
                anyhow::Error::msg(format!(
                    "CELLBOOK_LOCK_TIMEOUT={}: {}",
                    s.to_string_lossy(),
                    cellbook::i18n::tr(
                        "phải là số giây chờ khóa của sổ, từ 0 đến 86400 (ví dụ 30)",
                        "must be the seconds to wait for the ledger's lock, 0 to 86400 (e.g. 30)"
                    )
                ))
            })?;
        cellbook::ledger::storage::set_lock_wait(std::time::Duration::from_secs_f64(seconds));
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    Ok(Context {
        ledger: cli.ledger.clone(),
        lang: cli.lang,
        fallback,
        today,
        cwd,
    })
}

/// Print an error ourselves (never a Debug dump or a backtrace) and exit with its code.
fn fail(e: &anyhow::Error) -> ExitCode {
    let code = e
        .downcast_ref::<cellbook::Error>()
        .map_or(1, cellbook::Error::exit_code);
    let prefix = match e.downcast_ref::<cellbook::Error>() {
        Some(cellbook::Error::Invalid(_)) => String::new(),
        _ => format!(
            "{}: ",
            style::paint(cellbook::i18n::tr("lỗi", "error"), style::Style::Error)
        ),
    };
    // The exit code already says it failed; there is nowhere else to say why.
    let _ = write_or_ignore_pipe(&mut io::stderr().lock(), &format!("{prefix}{e:#}\n"));
    ExitCode::from(code)
}

/// Print a command's output: problems first, then the result, so a summary line ends it.
fn print(
    stderr: String,
    stdout: String,
    stream: Option<cellbook::output::Stream>,
) -> io::Result<()> {
    write_or_ignore_pipe(&mut io::stderr().lock(), &stderr)?;
    write_or_ignore_pipe(&mut io::stdout().lock(), &stdout)?;
    if let Some(stream) = stream {
        // A megabyte at a time: a national roll-up writes 70 MB, and the standard output's own
        // line buffer would otherwise make a system call every few kilobytes.
        let mut w = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
        (stream.0)(&mut w)
            .and_then(|()| w.flush())
            .or_else(ignore_pipe)?;
    }
    Ok(())
}

/// What stopped the output: the command's own error, found once a streamed output had begun (a
/// broken input among 100,000), as itself with its own exit code and words; any other failure is
/// a failed write ([`output_error`]).
fn stream_error(e: io::Error) -> anyhow::Error {
    if !e
        .get_ref()
        .is_some_and(|inner| inner.is::<cellbook::Error>())
    {
        return output_error(e);
    }
    match e
        .into_inner()
        .map(|inner| inner.downcast::<cellbook::Error>())
    {
        Some(Ok(error)) => anyhow::Error::new(*error),
        Some(Err(other)) => anyhow::Error::msg(other.to_string()),
        None => anyhow::Error::msg(cellbook::i18n::tr("lỗi không rõ", "unknown error")),
    }
}

/// A failed write of the output (a full disk, `> /dev/full`): exit 1 and say so.
fn output_error(e: io::Error) -> anyhow::Error {
    anyhow::Error::new(e).context(cellbook::i18n::tr(
        "không ghi được kết quả ra",
        "cannot write the output",
    ))
}

/// Write, treating a closed pipe (`cellbook list | head`) as success: the reader has all it
/// wanted. Any other failure (a full disk) is returned, so the command does not exit 0.
fn write_or_ignore_pipe(w: &mut impl Write, text: &str) -> io::Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    w.write_all(text.as_bytes())
        .and_then(|()| w.flush())
        .or_else(ignore_pipe)
}

fn ignore_pipe(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
