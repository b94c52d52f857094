//! What the commands' flags share: parsers for dates, times and `ID=TEXT` pairs, and the
//! clap value lists of the model's enums (the core's types know nothing of clap).

use chrono::{NaiveDate, NaiveTime};
use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::core::lang::Lang;
use crate::core::model::{ExemptionKind, Kind, Role, Vote};
use crate::error::{Error, Result};
use crate::i18n::tr;

/// A day of the month, 1–31 (`init --day`).
pub fn parse_day(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(day) if (1..=31).contains(&day) => Ok(day),
        _ => Err(format!(
            "'{}': {}",
            crate::core::text::visible(s),
            tr(
                "ngày trong tháng là một số từ 1 đến 31",
                "a day of the month is a number from 1 to 31"
            )
        )),
    }
}

/// A date as people type it: `2020-07-09` or `09/07/2020`, in the years 1900–2200.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::core::dates::read_date(s).map_err(|e| e.message(crate::i18n::lang()))
}

/// One line of text typed on the command line (a topic, a place, a name): refused if it holds
/// a control character or a bidirectional override, which would act on the terminal of whoever
/// reads the ledger later.
pub fn line(s: &str) -> Result<String, String> {
    refuse_hidden(s, false).map(|()| s.to_owned())
}

/// Text that may run over several lines, typed on the command line (minutes, a title, a topic):
/// like [`line`], but line breaks (LF or CRLF) and tabs are allowed; they are layout, and the
/// renderers show them as such.
pub fn text_block(s: &str) -> Result<String, String> {
    refuse_hidden(s, true).map(|()| s.to_owned())
}

/// Refuse text with a hidden character ([`crate::core::text::is_hidden`]), naming it.
pub fn refuse_hidden(s: &str, multiline: bool) -> Result<(), String> {
    match crate::core::text::hidden_in(s, multiline) {
        None => Ok(()),
        Some(c) => Err(format!(
            "'{}' {} \\u{{{:x}}}: {}",
            crate::core::text::visible(s),
            tr("có ký tự điều khiển", "holds the control character"),
            u32::from(c),
            tr(
                "hãy gõ lại mà không có ký tự đó",
                "type the text again without it"
            )
        )),
    }
}

/// Split the `TASK[@DUE]` of `--action ID=TASK[@DUE]`: a trailing `@…` shaped like a date must
/// be a valid date (`Báo cáo@31/09/2020` is refused, not stored as a task without a due date).
pub fn task_and_due(text: &str) -> Result<(&str, Option<NaiveDate>)> {
    crate::core::dates::split_due(text).map_err(|e| {
        Error::Usage(format!(
            "--action '{text}': {}",
            e.message(crate::i18n::lang())
        ))
    })
}

/// A period as people write it (`2020-Q3`, `III/2020`, `quý 3/2020`, `2020-07`, `2020`; see
/// `Period::read`), handed to the command in the one form it reads (`2020-Q3`), or refused
/// in the language of the command line.
pub fn period(s: &str) -> Result<String, String> {
    crate::core::period::Period::read(s)
        .map(|p| p.to_string())
        .map_err(|e| e.message(crate::i18n::lang()))
}

/// A time of day: `14:00` or `14:00:00`.
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    crate::core::dates::parse_time(s).map_err(|english| match crate::i18n::lang() {
        crate::i18n::Lang::Vi => {
            format!(
                "'{}' không phải là giờ: hãy viết GG:PP, ví dụ 14:00",
                s.trim()
            )
        }
        crate::i18n::Lang::En => english,
    })
}

/// Split `ID=TEXT` as typed on the command line; `flag` and `form` go into the error.
pub fn split_pair<'a>(s: &'a str, flag: &str, form: &str) -> Result<(&'a str, &'a str)> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim(), b.trim())),
        _ => Err(Error::Usage(format!(
            "{flag} '{s}': {} {form}",
            tr("cần có dạng", "must have the form")
        ))),
    }
}

/// Implement [`ValueEnum`] for a core enum: its variants, each with the word typed on the
/// command line and the help shown by `--help`.
macro_rules! value_enum {
    ($ty:ty { $($variant:ident => $name:literal $(: $help:literal)?),+ $(,)? }) => {
        impl ValueEnum for $ty {
            fn value_variants<'a>() -> &'a [Self] {
                &[$(<$ty>::$variant),+]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(match self {
                    $(<$ty>::$variant => PossibleValue::new($name)$(.help($help))?),+
                })
            }
        }
    };
}

value_enum!(Lang { Vi => "vi", En => "en" });

value_enum!(Kind {
    Regular => "regular": "Sinh hoạt thường kỳ: the monthly meeting",
    Thematic => "thematic": "Sinh hoạt chuyên đề: a meeting on one theme, at least once a quarter",
});

value_enum!(Role {
    Secretary => "secretary",
    Deputy => "deputy",
    Committee => "committee",
    Member => "member",
});

value_enum!(ExemptionKind {
    Exempt => "exempt": "Miễn sinh hoạt: excused from meetings (elderly, ill), decided by the cell",
    Away => "away": "Tạm miễn: working away for a while",
    TransferredOut => "transferred-out": "Attends another cell for now",
});

/// `--vote FOR[/AGAINST[/ABSTAIN]]` of a meeting's record or a cell's review.
pub fn parse_vote(s: &str) -> Result<Vote> {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    let bad = || {
        Error::Usage(format!(
            "--vote '{s}': {}",
            tr(
                "cần có dạng TÁN-THÀNH/KHÔNG/Ý-KIẾN-KHÁC, ví dụ 9/0/0",
                "must be FOR/AGAINST/ABSTAIN, e.g. 9/0/0"
            )
        ))
    };
    let n = |p: &&str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [f] => Ok(Vote {
            in_favour: n(f)?,
            against: 0,
            abstain: 0,
        }),
        [f, a] => Ok(Vote {
            in_favour: n(f)?,
            against: n(a)?,
            abstain: 0,
        }),
        [f, a, b] => Ok(Vote {
            in_favour: n(f)?,
            against: n(a)?,
            abstain: n(b)?,
        }),
        _ => Err(bad()),
    }
}
