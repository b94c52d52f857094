//! The library's error type. Commands return these; the binary prints them and maps them to
//! exit codes (2 for a malformed command line, 1 for everything else).
//!
//! Each refusal a script or a test would branch on has its own variant carrying its data, and
//! every variant is put into words here, in the language the shell speaks, so the prose lives
//! in one place and callers match on the variant, never on the text.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitStatus;
use std::time::Duration;

use crate::core::lookup::LookupError;
use crate::core::model::{ActionId, Kind, MeetingId};
use crate::diagnostic::Diagnostic;
use crate::i18n::{lang, tr};

#[derive(Debug)]
pub enum Error {
    /// The command line is malformed: a bad date, an unknown option value.
    Usage(String),
    /// One or more ledger files are broken; each diagnostic names the file, line and column.
    Invalid(Vec<Diagnostic>),
    /// A one-off refusal with no better home: a value that contradicts another on the same
    /// command line (a date before another, an invalid id) or a failure that should never
    /// happen. A script fixes its command rather than branching on these, so they carry only
    /// their words; anything worth matching on gets its own variant below.
    Refused {
        message: String,
        hint: Option<String>,
    },
    /// No `cellbook.toml` was found at or above `start`.
    NotALedger { start: PathBuf },
    /// A folder named as a ledger (a report's LEDGER argument) holds no `cellbook.toml`.
    NotALedgerFolder { path: PathBuf },
    /// `init` where a ledger already is; `config` is its `cellbook.toml`.
    LedgerExists { config: PathBuf },
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
    /// `member add` with an id another member already has.
    MemberIdTaken { id: String, holder: String },
    /// No meeting answers to `reference` (an id, a date, `last` or `next`).
    UnknownMeeting {
        reference: String,
        next_step: MeetingHint,
    },
    /// A meeting of this kind is already planned or held on that day (`plan` without
    /// `--another`).
    MeetingExists { id: MeetingId, kind: Kind },
    /// The meeting is only planned, and the command needs its record.
    NotRecorded {
        id: MeetingId,
        needed_for: RecordNeededFor,
    },
    /// No action has this id.
    UnknownAction { id: ActionId },
    /// `--out` points into the ledger's own files, which would overwrite them.
    OutputInsideLedger { out: PathBuf },
    /// The person cancelled a question; nothing was written.
    Cancelled,
    /// The editor exited with a failure; nothing was saved.
    EditorFailed { editor: String, status: ExitStatus },
    /// The editor could not be started.
    EditorNotStarted { editor: String, cause: io::Error },
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: io::Error },
    /// Another writer held the ledger's lock for longer than the wait (`CELLBOOK_LOCK_TIMEOUT`).
    LedgerLocked { lock: PathBuf, wait: Duration },
    /// A file the tool would open is not a regular file (a FIFO, a device, a folder).
    NotARegularFile { path: PathBuf },
    /// A write would make a ledger file larger than the reader accepts.
    FileTooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    /// The file to replace is marked read-only.
    ReadOnlyFile { path: PathBuf },
    /// `init` found a ledger file (or folder) already there, without `cellbook.toml`.
    InitWouldReplace { path: PathBuf },
    /// The meeting file at `path` changed between the moment it was read and the moment the
    /// command took the lock to write it (another writer while a person answered questions);
    /// `again` is the command that does the same again with the answers given.
    ChangedMeanwhile { path: PathBuf, again: String },
    /// A command that asked a person questions failed afterwards because of `cause`; `again`
    /// is the command line that gives every answer, so none has to be typed again.
    AnswersKept { cause: Box<Error>, again: String },
    /// An edit of meeting `id` could not be saved because of `cause`; the person's text is
    /// kept in the file `kept`.
    EditKept {
        id: MeetingId,
        cause: Box<Error>,
        kept: PathBuf,
    },
}

/// What to suggest after an unknown meeting: each command points to the step that helps there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingHint {
    /// See the meetings with `list`, or plan one.
    ListOrPlan,
    /// See the meetings with `list`.
    List,
    /// Record a meeting by its date (`record`, which can create one).
    RecordByDate,
    /// No suggestion.
    Nothing,
}

/// Why a command needed a meeting's record: the words differ a little between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordNeededFor {
    /// `minutes`: "has no minutes yet".
    Minutes,
    /// `rate`: "has not been recorded".
    Rating,
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
            Error::EditKept { cause, .. } | Error::AnswersKept { cause, .. } => cause.exit_code(),
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
            Error::UnknownMember { query, candidates } => {
                let none = tr(
                    "không có đảng viên nào tên hoặc mã",
                    "no member has the name or id",
                );
                write!(f, "{none} '{query}'")?;
                if !candidates.is_empty() {
                    let label = tr("có phải", "did you mean");
                    write!(f, "\n  = {label}: {}", candidates.join(", "))?;
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
            // The OS's words once: `source()` does not return them again (see below).
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), io_words(source)),
            Error::Refused { message, hint } => hinted(f, message, hint.as_deref()),
            Error::NotALedger { start } => words(f, not_a_ledger(start)),
            Error::NotALedgerFolder { path } => words(f, not_a_ledger_folder(path)),
            Error::LedgerExists { config } => words(f, ledger_exists(config)),
            Error::MemberIdTaken { id, holder } => words(f, member_id_taken(id, holder)),
            Error::UnknownMeeting {
                reference,
                next_step,
            } => words(f, unknown_meeting(reference, *next_step)),
            Error::MeetingExists { id, kind } => words(f, meeting_exists(*id, *kind)),
            Error::NotRecorded { id, needed_for } => words(f, not_recorded(*id, *needed_for)),
            Error::UnknownAction { id } => words(f, unknown_action(*id)),
            Error::OutputInsideLedger { out } => words(f, output_inside_ledger(out)),
            Error::Cancelled => hinted(
                f,
                tr("đã hủy; không ghi gì", "cancelled; nothing was written"),
                None,
            ),
            Error::EditorFailed { editor, status } => words(f, editor_failed(editor, *status)),
            Error::EditorNotStarted { editor, cause } => {
                words(f, editor_not_started(editor, cause))
            }
            Error::LedgerLocked { lock, wait } => words(f, ledger_locked(lock, *wait)),
            Error::NotARegularFile { path } => words(f, not_a_regular_file(path)),
            Error::FileTooLarge { path, bytes, limit } => {
                words(f, file_too_large(path, *bytes, *limit))
            }
            Error::ReadOnlyFile { path } => words(f, read_only_file(path)),
            Error::InitWouldReplace { path } => words(f, init_would_replace(path)),
            Error::ChangedMeanwhile { path, again } => words(f, changed_meanwhile(path, again)),
            Error::AnswersKept { cause, again } => {
                writeln!(f, "{cause}")?;
                let yours = tr(
                    "câu trả lời của bạn không mất; để chạy lại mà không phải trả lời lại",
                    "your answers are not lost; to run the command again without being asked",
                );
                write!(f, "{yours}: {again}")
            }
            Error::EditKept { id, cause, kept } => {
                writeln!(f, "{cause}")?;
                words(f, edit_kept(*id, kept))
            }
        }
    }
}

/// A refusal's message, and its hint (if any) on the next line.
type Words = (String, Option<String>);

fn words(f: &mut fmt::Formatter<'_>, (message, hint): Words) -> fmt::Result {
    hinted(f, &message, hint.as_deref())
}

fn hinted(f: &mut fmt::Formatter<'_>, message: &str, hint: Option<&str>) -> fmt::Result {
    write!(f, "{message}")?;
    if let Some(hint) = hint {
        write!(f, "\n  = {}: {hint}", tr("gợi ý", "hint"))?;
    }
    Ok(())
}

fn not_a_ledger(start: &std::path::Path) -> Words {
    let none = tr(
        "không tìm thấy sổ (cellbook.toml) ở",
        "no ledger (cellbook.toml) found at or above",
    );
    let hint = tr(
        "chạy `cellbook init --name \"Tên chi bộ\"` để tạo sổ, hoặc chỉ định `--ledger THƯ-MỤC` hay biến CELLBOOK_LEDGER",
        "run `cellbook init --name \"Cell name\"` to create one, or pass `--ledger DIR` or set CELLBOOK_LEDGER",
    );
    (format!("{none} {}", start.display()), Some(hint.into()))
}

fn not_a_ledger_folder(path: &std::path::Path) -> Words {
    let not = tr(
        "không phải là sổ: không có tệp cellbook.toml trong thư mục này",
        "is not a ledger: there is no cellbook.toml in it",
    );
    let hint = tr(
        "mỗi LEDGER là thư mục chứa cellbook.toml của một chi bộ",
        "each LEDGER is the folder that holds a cell's cellbook.toml",
    );
    (format!("'{}' {not}", path.display()), Some(hint.into()))
}

fn ledger_exists(config: &std::path::Path) -> Words {
    let exists = tr(
        "đã có: sổ đã được tạo ở đây",
        "exists: a ledger is already here",
    );
    let hint = tr(
        "dùng sổ hiện có, hoặc chọn thư mục khác",
        "use the existing ledger, or choose another folder",
    );
    (format!("{} {exists}", config.display()), Some(hint.into()))
}

fn member_id_taken(id: &str, holder: &str) -> Words {
    let message = format!(
        "{} '{id}' {} {holder}",
        tr("mã", "the id"),
        tr("đã dùng cho", "is already used by"),
    );
    let hint = tr(
        "chọn mã khác, ví dụ thêm số: lan2",
        "choose another id, e.g. with a number: lan2",
    );
    (message, Some(hint.into()))
}

fn unknown_meeting(reference: &str, next_step: MeetingHint) -> Words {
    let none = tr("không có buổi sinh hoạt", "there is no meeting");
    let hint = match next_step {
        MeetingHint::ListOrPlan => Some(tr(
            "xem các buổi sinh hoạt bằng `cellbook list`; lên kế hoạch bằng `cellbook plan NGÀY`",
            "see the meetings with `cellbook list`; plan one with `cellbook plan DATE`",
        )),
        MeetingHint::List => Some(tr(
            "xem các buổi sinh hoạt bằng `cellbook list`",
            "see the meetings with `cellbook list`",
        )),
        MeetingHint::RecordByDate => Some(tr(
            "ghi buổi sinh hoạt theo ngày, ví dụ `cellbook record 2020-07-09`",
            "record a meeting by its date, e.g. `cellbook record 2020-07-09`",
        )),
        MeetingHint::Nothing => None,
    };
    (format!("{none} '{reference}'"), hint.map(Into::into))
}

fn meeting_exists(id: MeetingId, kind: Kind) -> Words {
    let message = format!(
        "{} {} {} ({id})",
        tr("đã có buổi sinh hoạt", "there is already a"),
        kind.label(lang()),
        tr("vào ngày này:", "meeting on that day:"),
    );
    let hint = format!(
        "{} `cellbook plan {}{} --time …` ({}), {} `cellbook record {id}`, {}",
        tr("đổi kế hoạch bằng", "change its plan with"),
        id.date.format("%Y-%m-%d"),
        if kind == Kind::Thematic {
            " --kind thematic"
        } else {
            ""
        },
        tr(
            "hoặc --place, --topic, --docs-sent…",
            "or --place, --topic, --docs-sent…"
        ),
        tr("ghi biên bản bằng", "record it with"),
        tr(
            "hoặc thêm `--another` nếu đây thực sự là buổi sinh hoạt thứ hai trong ngày",
            "or add `--another` if this really is a second meeting that day"
        ),
    );
    (message, Some(hint))
}

fn not_recorded(id: MeetingId, needed_for: RecordNeededFor) -> Words {
    let not_yet = match needed_for {
        RecordNeededFor::Minutes => tr("chưa có biên bản", "has not been recorded"),
        RecordNeededFor::Rating => tr("chưa được ghi biên bản", "has not been recorded"),
    };
    let message = format!("{} {id} {not_yet}", tr("buổi sinh hoạt", "the meeting"));
    let first = tr("ghi biên bản trước:", "record it first:");
    (message, Some(format!("{first} `cellbook record {id}`")))
}

fn unknown_action(id: ActionId) -> Words {
    let message = format!("{} {id}", tr("không có việc", "there is no action"));
    let hint = tr(
        "xem các việc bằng `cellbook action list`",
        "see the actions with `cellbook action list`",
    );
    (message, Some(hint.into()))
}

fn output_inside_ledger(out: &std::path::Path) -> Words {
    let will_not = tr(
        "không ghi đè lên tệp của sổ (meetings/, rubrics/, cellbook.toml, members.toml)",
        "will not write into the ledger's own files (meetings/, rubrics/, cellbook.toml, members.toml)",
    );
    let hint = tr(
        "ghi ra một tệp ở ngoài các thư mục đó, ví dụ --out bao-cao.html",
        "write it somewhere else, e.g. --out report.html",
    );
    (
        format!("--out {}: {will_not}", out.display()),
        Some(hint.into()),
    )
}

fn editor_failed(editor: &str, status: ExitStatus) -> Words {
    let message = format!(
        "{} `{editor}` {} ({status})",
        tr("trình soạn thảo", "the editor"),
        tr("báo lỗi", "failed")
    );
    let hint = tr(
        "không lưu gì; đặt biến VISUAL hoặc EDITOR",
        "nothing was saved; set VISUAL or EDITOR",
    );
    (message, Some(hint.into()))
}

fn editor_not_started(editor: &str, cause: &io::Error) -> Words {
    let cannot = tr("không chạy được trình soạn thảo", "cannot run the editor");
    let hint = tr("đặt biến VISUAL hoặc EDITOR", "set VISUAL or EDITOR");
    (format!("{cannot} `{editor}`: {cause}"), Some(hint.into()))
}

fn ledger_locked(lock: &std::path::Path, wait: Duration) -> Words {
    let message = format!(
        "{} {} s ({}: {}); {}",
        tr(
            "sổ vẫn đang được một lệnh cellbook khác ghi sau",
            "the ledger was still being written by another cellbook command after"
        ),
        wait.as_secs_f64(),
        tr("khóa", "lock"),
        lock.display(),
        tr("không thay đổi gì", "nothing was changed"),
    );
    let hint = tr(
        "chạy lại khi lệnh kia xong; chờ lâu hơn với CELLBOOK_LOCK_TIMEOUT=GIÂY",
        "run it again when the other command has finished; wait longer with CELLBOOK_LOCK_TIMEOUT=SECONDS",
    );
    (message, Some(hint.into()))
}

fn not_a_regular_file(path: &std::path::Path) -> Words {
    let not = tr(
        "không phải tệp thường (là FIFO, thiết bị hay thư mục); cellbook chỉ mở tệp thường",
        "is not a regular file (a FIFO, a device or a folder); cellbook opens regular files only",
    );
    let hint = tr(
        "thay nó bằng một tệp thường, hoặc xóa nó nếu là .cellbook.lock (cellbook sẽ tạo lại)",
        "replace it with a regular file, or remove it if it is .cellbook.lock (cellbook creates that again)",
    );
    (format!("{} {not}", path.display()), Some(hint.into()))
}

fn file_too_large(path: &std::path::Path, bytes: u64, limit: u64) -> Words {
    let mib = |n: u64| n as f64 / 1024.0 / 1024.0;
    let message = format!(
        "{}: {} {} MiB, {} {} MiB {}; {}",
        path.display(),
        tr("tệp sẽ nặng", "the file would be"),
        crate::core::text::decimal(mib(bytes), 1, crate::i18n::lang()),
        tr("quá giới hạn", "over the limit of"),
        limit / 1024 / 1024,
        tr(
            "của một tệp sổ (cellbook không đọc được tệp lớn hơn)",
            "for a ledger file (cellbook cannot read a larger one)"
        ),
        tr("không ghi gì", "nothing was written"),
    );
    let hint = tr(
        "tệp sổ chỉ vài KB: rút gọn nội dung (ví dụ biên bản), để tài liệu dài ở nơi khác và ghi đường dẫn tới nó",
        "ledger files are a few KB: shorten the text (the minutes, say), and keep long documents elsewhere with a reference to them",
    );
    (message, Some(hint.into()))
}

fn changed_meanwhile(path: &std::path::Path, again: &str) -> Words {
    let message = format!(
        "{} {}",
        path.display(),
        tr(
            "đã bị một lệnh khác thay đổi trong lúc bạn trả lời; không ghi gì",
            "was changed by another command while you answered; nothing was written"
        ),
    );
    let hint = format!(
        "{}: {again}",
        tr(
            "xem thay đổi đó, rồi chạy lại với các câu trả lời của bạn",
            "look at that change, then run again with your answers"
        )
    );
    (message, Some(hint))
}

fn edit_kept(id: MeetingId, kept: &std::path::Path) -> Words {
    let message = format!(
        "{} {}",
        tr(
            "bản sửa chưa được lưu vào sổ; nội dung bạn đã gõ được giữ tại",
            "the edit was not saved in the ledger; your text is kept in"
        ),
        kept.display()
    );
    let hint = format!(
        "{} `cellbook edit {id}` {}",
        tr(
            "khắc phục lỗi ở trên, rồi chạy lại",
            "deal with the problem above, then run"
        ),
        tr(
            "và chép nội dung từ tệp đó vào",
            "again and copy your text in from that file"
        )
    );
    (message, Some(hint))
}

fn read_only_file(path: &std::path::Path) -> Words {
    let message = format!(
        "{} {}",
        path.display(),
        tr(
            "được đánh dấu chỉ đọc; cellbook không thay thế nó, không ghi gì",
            "is marked read-only; cellbook will not replace it, nothing was written"
        ),
    );
    let hint = tr(
        "nếu thật sự muốn sửa, bỏ thuộc tính chỉ đọc (`chmod u+w TỆP`, hoặc bỏ chọn Read-only trong Properties trên Windows) rồi chạy lại",
        "if the change is meant, make the file writable (`chmod u+w FILE`, or clear Read-only in its Properties on Windows) and run the command again",
    );
    (message, Some(hint.into()))
}

fn init_would_replace(path: &std::path::Path) -> Words {
    let message = format!(
        "{} {}",
        path.display(),
        tr(
            "đã có: `init` không bao giờ thay thế tệp có sẵn; không tạo gì",
            "exists: `init` never replaces what is there; nothing was created"
        ),
    );
    let hint = tr(
        "thư mục này có tệp của một sổ nhưng thiếu cellbook.toml: hãy khôi phục cellbook.toml (từ bản sao hoặc git), hoặc tạo sổ ở một thư mục trống",
        "this folder holds a ledger's files but no cellbook.toml: restore cellbook.toml (from a backup or git), or create the ledger in an empty folder",
    );
    (message, Some(hint.into()))
}

/// No variant returns a `source()`: each `Display` already says everything, including the
/// OS's words for an I/O error, and the binary prints the whole chain (`{:#}`), so a source
/// would be printed twice (`No such file or directory (os error 2): No such file or …`).
/// Written by hand rather than derived with `thiserror`: its `#[error]` texts are fixed at
/// compile time in one language, and it would make the `source` field of `Io` the source.
impl std::error::Error for Error {}

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
                    "không phải buổi sinh hoạt: dùng mã (2020-07-09, 2020-07-09-2), ngày (09/07/2020), `last` hoặc `next`",
                    "is not a meeting: give an id (2020-07-09, 2020-07-09-2), a date (09/07/2020), `last` or `next`"
                )
            )),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The operating system's words for a failed read or write, in the current language: its
/// own (English) message in English, and Vietnamese for the usual kinds.
pub fn io_words(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let vi = match e.kind() {
        K::NotFound => "không tìm thấy tệp hoặc thư mục",
        K::PermissionDenied => "không có quyền truy cập",
        K::AlreadyExists => "đã có tệp hoặc thư mục này",
        K::IsADirectory => "đây là một thư mục, không phải tệp",
        K::NotADirectory => "một phần của đường dẫn không phải là thư mục",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::StorageFull => "ổ đĩa đã đầy",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::Interrupted => "bị ngắt giữa chừng",
        _ => return e.to_string(),
    };
    match crate::i18n::lang() {
        crate::i18n::Lang::Vi => vi.to_owned(),
        crate::i18n::Lang::En => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary prints `{:#}`, which follows `source()`: the OS's words must appear once.
    #[test]
    fn an_io_error_says_the_os_message_once() {
        let e = Error::io("meetings/x.toml", io::Error::from(io::ErrorKind::NotFound));
        let shown = format!("{:#}", anyhow::Error::new(e));
        let os = io::Error::from(io::ErrorKind::NotFound).to_string();
        assert_eq!(shown, format!("meetings/x.toml: {os}"));
    }

    /// The typed refusals read as the prose they replaced (tests run in English).
    #[test]
    fn typed_refusals_keep_their_words() {
        let id = MeetingId::new(chrono::NaiveDate::from_ymd_opt(2020, 7, 9).unwrap(), 2);
        let cases = [
            (
                Error::UnknownMeeting {
                    reference: "next".into(),
                    next_step: MeetingHint::Nothing,
                },
                "there is no meeting 'next'",
            ),
            (
                Error::NotRecorded {
                    id,
                    needed_for: RecordNeededFor::Rating,
                },
                "the meeting 2020-07-09-2 has not been recorded\n  \
                 = hint: record it first: `cellbook record 2020-07-09-2`",
            ),
            (
                Error::MemberIdTaken {
                    id: "lan".into(),
                    holder: "Lê Thị Lan".into(),
                },
                "the id 'lan' is already used by Lê Thị Lan\n  \
                 = hint: choose another id, e.g. with a number: lan2",
            ),
            (
                Error::UnknownAction {
                    id: ActionId {
                        meeting: id,
                        number: 3,
                    },
                },
                "there is no action 2020-07-09-2/3\n  \
                 = hint: see the actions with `cellbook action list`",
            ),
        ];
        for (error, words) in cases {
            assert_eq!(error.to_string(), words);
        }
    }
}
