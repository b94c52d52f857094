//! The command line in Vietnamese: the help of every command, argument and example, clap's own
//! words (headings, `[default: …]`, its error messages) and the manual page.
//!
//! The English help stays where clap derive reads it, in the `///` comments and `after_help`
//! of `cli.rs` and `commands/*.rs`. When the language is Vietnamese, [`localize`] takes the
//! built `clap::Command` and replaces each text by the one in the tables below, looked up by
//! the command's path (`"record"`, `"member add"`) and the argument's id (the field's name,
//! `"minute_taker"`). Nothing here changes the English output.
//!
//! **A new command or flag** needs its Vietnamese text here: add a row to [`ABOUT`] (a command),
//! [`ARGS`] (an argument, `(path, id, text)`) or [`AFTER`] (its examples). The test
//! `tests/help_vi.rs` fails, naming the row to add, until it is there.

use clap::Command;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;

mod text;

pub use text::{ABOUT, AFTER, ARGS, VALUE_NAMES, VALUES};

/// The help layout of clap (`DEFAULT_TEMPLATE`) with its one English word, "Usage", in
/// Vietnamese ([`USAGE`], styled as clap styles a heading); the headings of `{all-args}` are
/// set on each argument ([`HEADING_ARGS`]…).
fn template(has_args: bool) -> StyledStr {
    use std::fmt::Write as _;
    let header = clap::builder::Styles::default().get_header().to_owned();
    let mut t = StyledStr::new();
    let rest = if has_args { "\n\n{all-args}" } else { "" };
    let _ = write!(
        t,
        "{{before-help}}{{about-with-newline}}\n{header}{USAGE}{header:#} {{usage}}{rest}{{after-help}}"
    );
    t
}

/// clap's usage line (`cmd.render_usage()`, styles kept) without its "Usage:" heading, and
/// `[OPTIONS]` in Vietnamese.
fn usage(cmd: &mut Command) -> StyledStr {
    let styled = cmd.render_usage().ansi().to_string();
    let line = match styled.find("Usage:") {
        Some(at) => styled[at + "Usage:".len()..]
            .trim_start_matches("\u{1b}[0m")
            .trim_start(),
        None => styled.as_str(),
    };
    StyledStr::from(line.replace("[OPTIONS]", OPTIONS_TAG))
}

pub const USAGE: &str = "Cách dùng:";
pub const HEADING_ARGS: &str = "Đối số";
pub const HEADING_OPTIONS: &str = "Tùy chọn";
pub const HEADING_COMMANDS: &str = "Lệnh";
const OPTIONS_TAG: &str = "[TÙY_CHỌN]";
const COMMAND_VALUE: &str = "LỆNH";

/// The command line in `lang`: `cmd` itself in English, else [`localize`]d.
pub fn for_lang(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => localize(cmd),
    }
}

/// `cmd` (the whole command line) built, with every text in Vietnamese. A text missing from
/// the tables stays in English (and `tests/help_vi.rs` fails on it).
pub fn localize(mut cmd: Command) -> Command {
    cmd.build();
    walk(cmd, "")
}

/// The Vietnamese texts of one command and, below it, of its subcommands.
fn walk(mut cmd: Command, path: &str) -> Command {
    if let Some(vi) = about(path) {
        cmd = cmd.about(vi).long_about(None::<&str>);
    }
    if let Some(vi) = lookup(AFTER, path) {
        cmd = cmd.after_help(vi).after_long_help(None::<&str>);
    }
    let has_args = cmd.get_arguments().any(|a| !a.is_hide_set()) || cmd.has_subcommands();
    cmd = cmd
        .help_template(template(has_args))
        .subcommand_help_heading(HEADING_COMMANDS)
        .subcommand_value_name(COMMAND_VALUE);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(path, a));
    }
    let usage = usage(&mut cmd);
    cmd = cmd.override_usage(usage);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub));
    }
    cmd
}

/// A row of a `(path, text)` table.
fn lookup(table: &[(&str, &'static str)], path: &str) -> Option<&'static str> {
    table.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

/// The Vietnamese about of the command at `path`. The copies of the commands under `help`
/// (`cellbook help record`) read the command's own.
pub fn about(path: &str) -> Option<&'static str> {
    lookup(ABOUT, path).or_else(|| {
        let words: Vec<&str> = path.split(' ').collect();
        let at = words.iter().position(|w| *w == "help")?;
        let own: Vec<&str> = words[..at]
            .iter()
            .chain(&words[at + 1..])
            .copied()
            .collect();
        lookup(ABOUT, &own.join(" "))
    })
}

/// The Vietnamese help of argument `id` of the command at `path`; the global flags and clap's
/// own `--help`/`--version` are under the path `*`.
pub fn arg_help(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .or_else(|| ARGS.iter().find(|(p, i, _)| *p == "*" && *i == id))
        .map(|(_, _, t)| *t)
}

/// One argument in Vietnamese: its help, its heading, and clap's `[default: …]`,
/// `[env: …]` and `[possible values: …]` written by us in Vietnamese.
fn localize_arg(path: &str, mut a: clap::Arg) -> clap::Arg {
    let mut help = arg_help(path, a.get_id().as_str())
        .map(str::to_owned)
        .or_else(|| a.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let shown = |v: &clap::builder::PossibleValue| !v.is_hide_set();
    let values = a.get_possible_values();
    let takes_values = a.get_num_args().is_some_and(|n| n.takes_values());
    if takes_values && !a.is_hide_possible_values_set() && values.iter().any(shown) {
        if values.iter().any(|v| v.get_help().is_some()) {
            help.push_str("\n\nCác giá trị:");
            for v in values.iter().filter(|v| shown(v)) {
                help.push_str(&format!("\n  {}", v.get_name()));
                if let Some(vi) = value_help(path, v) {
                    help.push_str(&format!(": {vi}"));
                }
            }
        } else {
            let names: Vec<&str> = values
                .iter()
                .filter(|v| shown(v))
                .map(|v| v.get_name())
                .collect();
            help.push_str(&format!(" [giá trị: {}]", names.join(", ")));
        }
    }
    if takes_values && !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        help.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        help.push_str(&format!(" [biến môi trường: {}]", env.to_string_lossy()));
    }
    let heading = if a.is_positional() {
        HEADING_ARGS
    } else {
        HEADING_OPTIONS
    };
    if a.get_help_heading().is_none() {
        a = a.help_heading(heading);
    }
    if let Some(names) = a.get_value_names() {
        let vi: Option<Vec<&'static str>> = names.iter().map(|n| value_name(n)).collect();
        if let Some(vi) = vi {
            a = a.value_names(vi);
        }
    }
    a.help(help)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

/// A placeholder (`ID=REASON`, `all|ID,ID...`) in Vietnamese ([`VALUE_NAMES`]); one not in
/// the table stays as it is.
pub fn value_name(en: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(name, _)| *name == en)
        .map(|(_, vi)| *vi)
}

/// The Vietnamese help of a possible value (`regular`: "Sinh hoạt thường kỳ…").
fn value_help(path: &str, v: &clap::builder::PossibleValue) -> Option<String> {
    let find = |p: &str| {
        VALUES
            .iter()
            .find(|(at, name, _)| *at == p && *name == v.get_name())
    };
    find(path)
        .or_else(|| find("*"))
        .map(|(_, _, t)| (*t).to_owned())
        .or_else(|| v.get_help().map(ToString::to_string))
}

/// The manual page's section titles in Vietnamese (clap_mangen writes them in English).
pub fn man_page(roff: &str) -> String {
    const TITLES: [(&str, &str); 6] = [
        (".SH NAME\n", ".SH TÊN\n"),
        (".SH SYNOPSIS\n", ".SH CÁCH DÙNG\n"),
        (".SH DESCRIPTION\n", ".SH MÔ TẢ\n"),
        (".SH EXTRA\n", ".SH VÍ DỤ VÀ GHI CHÚ\n"),
        (".SH VERSION\n", ".SH PHIÊN BẢN\n"),
        (".SH SUBCOMMANDS\n", ".SH LỆNH\n"),
    ];
    TITLES
        .iter()
        .fold(roff.to_owned(), |page, (en, vi)| page.replace(en, vi))
}

/// Whether clap prints this error as it is: help and version, whose text is already the
/// localized command's.
pub fn is_help(e: &clap::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// A context value as plain text.
fn plain(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("', '")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(StyledStr::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap usage error in Vietnamese, as clap lays it out: the message, the suggestions, the
/// usage, and where to read more. Without the leading `error: ` (the caller paints `lỗi: `).
pub fn error_message(e: &clap::Error) -> String {
    let get = |k| plain(e.get(k));
    let mut out = message(e);
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "có lệnh gần giống"),
        (ContextKind::SuggestedArg, "có tùy chọn gần giống"),
        (ContextKind::SuggestedValue, "có giá trị gần giống"),
    ] {
        if let Some(s) = get(kind) {
            tips.push(format!("{what}: '{s}'"));
        }
    }
    if let Some(ContextValue::StyledStrs(list)) = e.get(ContextKind::Suggested) {
        tips.extend(list.iter().map(|s| suggestion(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n  gợi ý: {tip}"));
        }
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n\n{USAGE} {usage}"));
    }
    out.push_str("\n\nGõ thêm '--help' để xem hướng dẫn.\n");
    out
}

/// The first line of a clap error in Vietnamese, from its kind and its context.
fn message(e: &clap::Error) -> String {
    let get = |k| plain(e.get(k));
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let list = |k| {
        get(k)
            .map(|s| format!("\n  [{}: {}]", "giá trị có thể", s.replace("', '", ", ")))
            .unwrap_or_default()
    };
    match e.kind() {
        ErrorKind::ArgumentConflict => match e.get(ContextKind::PriorArg) {
            Some(prior) if Some(prior) == e.get(ContextKind::InvalidArg) => {
                format!("tùy chọn '{arg}' chỉ được dùng một lần")
            }
            Some(ContextValue::Strings(v)) => {
                format!("không dùng được '{arg}' cùng với:\n  {}", v.join("\n  "))
            }
            Some(ContextValue::String(v)) => format!("không dùng được '{arg}' cùng với '{v}'"),
            _ => format!("không dùng được '{arg}' cùng với các tùy chọn khác đã gõ"),
        },
        ErrorKind::NoEquals => format!("'{arg}' cần dấu bằng: {arg}=GIÁ_TRỊ"),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("'{arg}' cần một giá trị nhưng chưa có")
        }
        ErrorKind::InvalidValue => format!(
            "giá trị '{value}' không hợp lệ cho '{arg}'{}",
            list(ContextKind::ValidValue)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh '{}'",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "còn thiếu:\n  {}",
            get(ContextKind::InvalidArg)
                .unwrap_or_default()
                .replace("', '", "\n  ")
        ),
        ErrorKind::MissingSubcommand => format!(
            "'{}' cần một lệnh con{}",
            get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            get(ContextKind::ValidSubcommand)
                .map(|s| format!("\n  [lệnh: {}]", s.replace("', '", ", ")))
                .unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => "dòng lệnh có ký tự không phải UTF-8".to_owned(),
        ErrorKind::TooManyValues => format!("thừa giá trị '{value}' cho '{arg}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("'{arg}' không đủ giá trị")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho '{arg}'{why}")
        }
        ErrorKind::UnknownArgument => format!("không có tùy chọn '{arg}' ở đây"),
        _ => "dòng lệnh không đúng".to_owned(),
    }
}

/// clap's few suggestions (`to pass '-x' as a value, use '-- -x'`) in Vietnamese.
fn suggestion(en: &str) -> String {
    [
        ("to pass ", "muốn truyền "),
        ("' as a value, use '", "' làm giá trị, hãy gõ '"),
        (
            "' exists; to use it, remove the '--' before it",
            "' có; muốn dùng nó, hãy bỏ '--' đứng trước",
        ),
        ("subcommand '", "lệnh '"),
        ("' exists", "' có"),
    ]
    .iter()
    .fold(en.to_owned(), |s, (en, vi)| s.replace(en, vi))
}
