//! The library's error type. Commands return these; the binary prints them and maps them to
//! exit codes (2 for a malformed command line, 1 for everything else).

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::core::lookup::LookupError;
use crate::diagnostic::Diagnostic;
use crate::i18n::tr;

#[derive(Debug)]
pub enum Error {
    /// The command line is malformed: a bad date, an unknown option value.
    Usage(String),
    /// One or more ledger files are broken; each diagnostic names the file, line and column.
    Invalid(Vec<Diagnostic>),
    /// The request cannot be carried out on this ledger, with a hint on how to fix it.
    Refused {
        message: String,
        hint: Option<String>,
    },
    /// No `cellbook.toml` was found.
    NotALedger { start: PathBuf },
    /// A name or id on the command line matches nobody.
    UnknownMember {
        query: String,
        candidates: Vec<String>,
    },
    /// A name on the command line matches several members.
    AmbiguousMember {
        query: String,
        candidates: Vec<String>,
    },
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: io::Error },
}

impl Error {
    pub fn refused(message: impl Into<String>) -> Error {
        Error::Refused {
            message: message.into(),
            hint: None,
        }
    }

    pub fn refused_with(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Refused {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The process exit code this error means.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::Invalid(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Refused { message, hint } => {
                write!(f, "{message}")?;
                if let Some(hint) = hint {
                    write!(f, "\n  = {}: {hint}", tr("gợi ý", "hint"))?;
                }
                Ok(())
            }
            Error::NotALedger { start } => write!(
                f,
                "{} {}\n  = {}: {}",
                tr(
                    "không tìm thấy sổ (cellbook.toml) ở",
                    "no ledger (cellbook.toml) found at or above"
                ),
                start.display(),
                tr("gợi ý", "hint"),
                tr(
                    "chạy `cellbook init --name \"Tên chi bộ\"` để tạo sổ, hoặc chỉ định `--ledger THƯ-MỤC` hay biến CELLBOOK_LEDGER",
                    "run `cellbook init --name \"Cell name\"` to create one, or pass `--ledger DIR` or set CELLBOOK_LEDGER"
                )
            ),
            Error::UnknownMember { query, candidates } => {
                write!(
                    f,
                    "{} '{query}'",
                    tr(
                        "không có đảng viên nào tên hoặc mã",
                        "no member has the name or id"
                    )
                )?;
                if !candidates.is_empty() {
                    write!(
                        f,
                        "\n  = {}: {}",
                        tr("có phải", "did you mean"),
                        candidates.join(", ")
                    )?;
                }
                Ok(())
            }
            Error::AmbiguousMember { query, candidates } => write!(
                f,
                "{} '{query}' {}\n  = {}: {}",
                tr("tên", "the name"),
                tr(
                    "trùng với nhiều người; hãy dùng mã (id)",
                    "matches several members; use the id"
                ),
                tr("ứng viên", "candidates"),
                candidates.join(", ")
            ),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<LookupError> for Error {
    fn from(e: LookupError) -> Error {
        match e {
            LookupError::UnknownMember { query, candidates } => {
                Error::UnknownMember { query, candidates }
            }
            LookupError::AmbiguousMember { query, candidates } => {
                Error::AmbiguousMember { query, candidates }
            }
            LookupError::NotAMeeting { text } => Error::Usage(format!(
                "'{text}' {}",
                tr(
                    "không phải cuộc họp: dùng mã (2020-07-09, 2020-07-09-2), ngày (09/07/2020), `last` hoặc `next`",
                    "is not a meeting: give an id (2020-07-09, 2020-07-09-2), a date (09/07/2020), `last` or `next`"
                )
            )),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
