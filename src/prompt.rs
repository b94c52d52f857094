//! Asking a person for what a command lacks. Only on a terminal: scripts (stdin not a
//! terminal) never see a prompt, they get an error naming the missing flag instead.

use std::fmt;
use std::io::IsTerminal;

use chrono::{NaiveDate, NaiveTime};
use inquire::validator::Validation;
use inquire::{Confirm, InquireError, MultiSelect, Text};

use crate::error::{Error, Result};
use crate::i18n::{lang, tr};

/// Whether a person is at the keyboard: stdin and stderr (where prompts draw) are terminals.
/// `CELLBOOK_NO_PROMPT=1` turns prompts off for a session that wants script behaviour.
pub fn interactive() -> bool {
    std::env::var_os("CELLBOOK_NO_PROMPT").is_none()
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
}

/// The error for a missing value when nobody can be asked.
pub fn missing(flag: &str) -> Error {
    Error::Usage(format!(
        "{} {flag} ({})",
        tr("thiếu", "missing"),
        tr(
            "chạy trong cửa sổ dòng lệnh để được hỏi",
            "run in a terminal to be asked for it"
        )
    ))
}

fn cancelled(e: InquireError) -> Error {
    match e {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => Error::Cancelled,
        other => Error::refused(format!(
            "{}: {other}",
            tr("không hỏi được", "cannot prompt")
        )),
    }
}

/// A line of text, with a default; empty answers give the default (or nothing).
pub fn text(message: &str, default: Option<&str>) -> Result<String> {
    text_checked(message, default, |_| Ok(()))
}

/// A line of text that `check` accepts: an answer it refuses is asked again, with its words
/// shown under the question, so one wrong answer never ends the command.
pub fn text_checked<F>(message: &str, default: Option<&str>, check: F) -> Result<String>
where
    F: Fn(&str) -> std::result::Result<(), String> + Clone + 'static,
{
    let mut p = Text::new(message).with_validator(move |s: &str| {
        Ok(match check(s) {
            Ok(()) => Validation::Valid,
            Err(words) => Validation::Invalid(words.into()),
        })
    });
    if let Some(d) = default {
        p = p.with_default(d);
    }
    p.prompt().map_err(cancelled)
}

/// `word` as one word for a POSIX shell: as it is when it is plainly safe, else in single
/// quotes. For the command lines printed so that a person's answers need not be typed again.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.,:/=@+%".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// An error's words on one line, to show under a question whose answer it refuses.
pub fn one_line(e: &Error) -> String {
    e.to_string()
        .lines()
        .map(|l| l.trim().trim_start_matches("= "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A date, typed as 2020-07-09 or 09/07/2020.
pub fn date(message: &str, default: NaiveDate) -> Result<NaiveDate> {
    let shown = crate::core::dates::show_date(default, lang());
    let answer = Text::new(message)
        .with_default(&shown)
        .with_validator(|s: &str| {
            Ok(match crate::args::parse_date(s) {
                Ok(_) => Validation::Valid,
                Err(e) => Validation::Invalid(e.into()),
            })
        })
        .prompt()
        .map_err(cancelled)?;
    crate::args::parse_date(&answer).map_err(Error::Usage)
}

/// A time of day, HH:MM; an empty answer means none.
pub fn time(message: &str, default: Option<NaiveTime>) -> Result<Option<NaiveTime>> {
    time_checked(message, default, |_| Ok(()))
}

/// A time of day (or none) that `check` accepts; a refused answer is asked again.
pub fn time_checked<F>(
    message: &str,
    default: Option<NaiveTime>,
    check: F,
) -> Result<Option<NaiveTime>>
where
    F: Fn(Option<NaiveTime>) -> std::result::Result<(), String> + Clone + 'static,
{
    let shown = default
        .map(crate::core::dates::show_time)
        .unwrap_or_default();
    let answer = Text::new(message)
        .with_default(&shown)
        .with_validator(move |s: &str| {
            let time = if s.trim().is_empty() {
                Ok(None)
            } else {
                crate::args::parse_time(s).map(Some)
            };
            Ok(match time.map(&check) {
                Ok(Ok(())) => Validation::Valid,
                Ok(Err(words)) | Err(words) => Validation::Invalid(words.into()),
            })
        })
        .prompt()
        .map_err(cancelled)?;
    if answer.trim().is_empty() {
        return Ok(None);
    }
    crate::args::parse_time(&answer)
        .map(Some)
        .map_err(Error::Usage)
}

/// Whole points from 0 to `max`.
pub fn points(message: &str, max: u32) -> Result<u32> {
    let answer = Text::new(message)
        .with_validator(move |s: &str| {
            Ok(match s.trim().parse::<u32>() {
                Ok(n) if n <= max => Validation::Valid,
                _ => Validation::Invalid(format!("0–{max}").into()),
            })
        })
        .prompt()
        .map_err(cancelled)?;
    answer.trim().parse().map_err(|_| Error::Usage(answer))
}

/// A yes or no, answered in either language: `c`/`có`/`k`/`không` as well as `y`/`n`.
pub fn confirm(message: &str, default: bool) -> Result<bool> {
    let said = |yes: bool| {
        if yes {
            tr("Có", "Yes")
        } else {
            tr("Không", "No")
        }
        .to_owned()
    };
    let hint = |yes: bool| {
        if yes {
            tr("C/k", "Y/n")
        } else {
            tr("c/K", "y/N")
        }
        .to_owned()
    };
    Confirm::new(message)
        .with_default(default)
        .with_parser(&|s| yes_no(s).ok_or(()))
        .with_formatter(&said)
        .with_default_value_formatter(&hint)
        .with_error_message(lang().pick(
            "Chưa rõ câu trả lời: gõ 'c' (có) hoặc 'k' (không)",
            Confirm::DEFAULT_ERROR_MESSAGE,
        ))
        .prompt()
        .map_err(cancelled)
}

/// A yes or no as people type it, in Vietnamese or English, with or without diacritics:
/// `c`, `có`, `ừ`, `đúng`, `rồi`, `y`, `yes` are yes; `k`, `ko`, `không`, `chưa`, `n`, `no` no.
pub fn yes_no(s: &str) -> Option<bool> {
    match crate::core::names::fold(s).as_str() {
        "c" | "co" | "u" | "dung" | "roi" | "y" | "yes" => Some(true),
        "k" | "ko" | "khong" | "chua" | "n" | "no" => Some(false),
        _ => None,
    }
}

/// A member as a choice in a list: the name, and the id to type.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub name: String,
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

/// A checklist; `checked` are the indexes ticked to begin with.
pub fn checklist(message: &str, options: Vec<Choice>, checked: &[usize]) -> Result<Vec<Choice>> {
    if options.is_empty() {
        return Ok(vec![]);
    }
    MultiSelect::new(message, options)
        .with_default(checked)
        .with_help_message(tr(
            "↑↓ di chuyển, phím cách để chọn/bỏ, Enter để xong",
            "↑↓ to move, space to tick or untick, enter when done",
        ))
        .prompt()
        .map_err(cancelled)
}

#[cfg(test)]
mod tests {
    use super::yes_no;

    #[test]
    fn yes_and_no_in_either_language() {
        for yes in [
            "c", "C", "có", "Có", "co", "CÓ", "ừ", "đúng", "rồi", "y", "Yes", " y ",
        ] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["k", "K", "không", "Không", "khong", "ko", "chưa", "n", "No"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        for neither in ["", "x", "cos", "có không", "1", "true"] {
            assert_eq!(yes_no(neither), None, "{neither}");
        }
    }
}
