//! A meeting file in the person's editor, for `edit` and for `--edit` on `plan` and `record`.
//!
//! The edit happens on a copy. After the editor closes the copy is checked like `cellbook
//! check` would; an invalid edit is offered back to the editor (on a terminal) or kept aside,
//! never saved over the good file. Nothing is locked while the person types: at save time the
//! lock is taken and the file must still be, byte for byte, what it was when the command read
//! it. Whatever stops the save once the person has typed, the copy is kept and named.

use std::fs;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::checks::{CheckOptions, check_meeting};
use crate::context::Context;
use crate::core::attendance;
use crate::core::dates::show_date;
use crate::core::model::{Kind, Meeting, MeetingId};
use crate::core::problem::Problem;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::storage::{LedgerLock, read_bytes_on_disk, write_atomic};
use crate::ledger::{
    Ledger, MeetingEntry, MeetingFile, Source, check_schema_version, merge, parse_source,
};
use crate::output::Output;
use crate::prompt;

/// The text a new meeting starts from: a header that says what to do, the meeting as built so
/// far, and commented examples of the keys a plan of this kind usually has.
pub fn template(meeting: &Meeting) -> Result<String> {
    let kind = meeting.kind;
    let mut out = format!(
        "# {} {} {}. {}\n# {}\n",
        tr("Buổi sinh hoạt", "A"),
        kind.label(lang()),
        format_args!(
            "{} {}",
            tr("ngày", "meeting on"),
            show_date(meeting.date, lang())
        ),
        tr(
            "Điền kế hoạch, lưu tệp rồi đóng trình soạn thảo.",
            "Fill in the plan, save the file and close the editor."
        ),
        tr(
            "Dòng bắt đầu bằng # là ghi chú. Xóa hết nội dung để hủy. Định dạng: `cellbook spec`.",
            "Lines starting with # are comments. Empty the file to cancel. The format: `cellbook spec`."
        ),
    );
    let body = merge::render(None, meeting)?;
    // The title belongs above the first section, where uncommenting it keeps it top-level.
    let title_hint = format!("# title = \"{}\"\n", tr("Sinh hoạt chi bộ …", "…"));
    match body.find("\n\n[").or_else(|| body.find("\n[")) {
        Some(at) => {
            out.push_str(&body[..=at]);
            out.push_str(&title_hint);
            out.push_str(&body[at + 1..]);
        }
        None => {
            out.push_str(&body);
            out.push_str(&title_hint);
        }
    }
    let topic = match kind {
        Kind::Regular => tr(
            "Đánh giá kết quả tháng, phương hướng tháng tới",
            "The month's results and the next month's tasks",
        ),
        Kind::Thematic => tr(
            "Chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Theme: the paper to discuss",
        ),
    };
    let task = match kind {
        Kind::Regular => tr("Thông tin thời sự", "Current events"),
        Kind::Thematic => tr("Trình bày chuyên đề", "Present the paper"),
    };
    let date = meeting.date;
    let before = |days| {
        date.checked_sub_days(chrono::Days::new(days))
            .unwrap_or(date)
            .format("%Y-%m-%d")
            .to_string()
    };
    out.push_str(&format!(
        "# topics = [\"{topic}\"]\n# docs_sent = {}\n# committee_met = {}\n# notified = {}\n# draft_resolution = true\n# assignments = [{{ member = \"id\", task = \"{task}\" }}]\n# directives = [{{ ref = \"12-HD/BTCTW\", date = 2018-07-06, title = \"…\" }}]\n",
        before(2),
        before(3),
        before(5),
    ));
    Ok(out)
}

/// The first line of the commented `[record]` a planned meeting's editor shows, in each
/// language (a file keeps the one it was edited in).
const HOW: [&str; 2] = [
    "# Bỏ dấu # để ghi biên bản khi buổi sinh hoạt đã diễn ra.",
    "# Remove the # to record the meeting once it is held.",
];
/// The start of the line naming who is expected, in each language.
const EXPECTED: [&str; 2] = [
    "# Những người phải dự ngày sinh hoạt (mã): ",
    "# Expected at the meeting (ids): ",
];
/// The commented `[record]` after its first line; `# present = […]` holds the roll of the day.
const RECORD_HINT: [&str; 14] = [
    "# [record]",
    "# start = 14:00:00",
    "# end = 15:30:00",
    "# chair = \"id\"",
    "# minute_taker = \"id\"",
    "# present = [",
    "# excused = [{ member = \"id\", reason = \"…\" }]",
    "# unexcused = []",
    "# speakers = []",
    "# minutes = \"\"\"",
    "# …",
    "# \"\"\"",
    "# conclusion = \"…\"",
    "# vote = { for = 0, against = 0, abstain = 0 }",
];

/// For a meeting not yet recorded, a commented `[record]` to fill in, with the roll of that day;
/// for a recorded one, the roll of that day. A hint already in the text is replaced, not doubled.
pub fn with_record_hint(ledger: &Ledger, text: &str, date: NaiveDate) -> String {
    let expected: Vec<String> = attendance::roll(&ledger.roster, date)
        .filter(|m| m.exemption_on(date).is_none())
        .map(|m| format!("\"{}\"", m.id))
        .collect();
    let text = without_record_hint(text);
    let mut out = text.trim_end().to_owned();
    let expected_line = tr(EXPECTED[0], EXPECTED[1]);
    if text.lines().any(|l| l.trim_start().starts_with("[record")) {
        out.push_str(&format!("\n{expected_line}{}\n", expected.join(", ")));
        return out;
    }
    out.push_str("\n\n");
    out.push_str(tr(HOW[0], HOW[1]));
    out.push('\n');
    for line in RECORD_HINT {
        out.push_str(line);
        if line.ends_with('[') {
            out.push_str(&expected.join(", "));
            out.push(']');
        }
        out.push('\n');
    }
    out
}

/// Whether a meeting's text has a `[record]` (a text that does not parse has none).
pub fn has_record(text: &str) -> bool {
    text.parse::<toml_edit::DocumentMut>()
        .is_ok_and(|doc| doc.contains_key("record"))
}

/// `text` without the hints [`with_record_hint`] adds: the line naming who is expected, and
/// what is left commented of the `[record]` template (from its first line to a blank line or
/// another table). Lines the person uncommented or wrote stay; a text with no hint is returned
/// as it is, byte for byte.
pub fn without_record_hint(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_hint = false;
    let mut removed = false;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end();
        if HOW.contains(&l) || l == RECORD_HINT[0] {
            in_hint = true;
        } else if l.is_empty() || (l.starts_with('[') && !l.starts_with("[record]")) {
            in_hint = false;
        }
        let hinted = in_hint && is_hint_line(l);
        if hinted || EXPECTED.iter().any(|e| l.starts_with(e)) {
            removed = true;
        } else {
            out.push_str(line);
        }
    }
    if !removed {
        return out;
    }
    // The hint was appended after a blank line: none is left hanging at the end.
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push_str(newline);
    out
}

/// A line of the commented `[record]` template, as [`with_record_hint`] writes it.
fn is_hint_line(l: &str) -> bool {
    HOW.contains(&l)
        || RECORD_HINT
            .iter()
            .any(|h| l == *h || (h.ends_with('[') && l.starts_with(h) && l.ends_with(']')))
}

/// Check an edited meeting text as `cellbook check` would (its rating aside).
fn validate(ledger: &Ledger, id: MeetingId, text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    let source = Source {
        path: ledger.meeting_path(id),
        text: text.to_owned(),
    };
    let meeting: Meeting = match parse_source(&source) {
        Ok(m) => m,
        Err(d) => return vec![*d],
    };
    let mut diags = Vec::new();
    check_schema_version(&source, meeting.schema, &mut diags);
    // Only errors stop a save; W001, the one rule a shared sitting changes, is a warning.
    check_meeting(
        ledger,
        &MeetingFile {
            id,
            source,
            meeting,
        },
        false,
        &CheckOptions { today },
        &mut diags,
    );
    diags
}

/// What an editor session starts from.
pub struct Start {
    /// The meeting file's bytes on disk when the command read it; `None` when there is no file.
    /// The file must still be exactly these bytes when the edit is saved.
    pub on_disk: Option<Vec<u8>>,
    /// The text the editor opens on.
    pub text: String,
    /// Whether `text` is itself a change to save (the other flags of `plan` or `record`), so
    /// that closing the editor without touching it saves it rather than saying "No changes".
    pub is_change: bool,
}

/// A meeting file's bytes on disk, read before the meeting is loaded, so that any change after
/// this read is seen at save time. A file that cannot be read is refused the way loading it
/// would refuse it (a FIFO, too large, …), with the same diagnostic.
pub fn on_disk(ledger: &Ledger, entry: &MeetingEntry) -> Result<Option<Vec<u8>>> {
    match read_bytes_on_disk(&entry.path) {
        Ok(bytes) => Ok(bytes),
        Err(e) => {
            ledger.load_meeting(entry)?;
            Err(Error::io(&entry.path, e))
        }
    }
}

/// Why a session stopped without saving.
enum Stop {
    /// Invalid, or changed meanwhile: the reason, already shown, for keeping the text aside.
    Kept(&'static str),
    /// Any other failure.
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Failed(e)
    }
}

/// Edit `start` in the editor until it is valid (or the person gives up), then save it as the
/// meeting `id`, provided the file on disk is still the bytes it was. Whatever stops the save
/// once the person has edited (an invalid text, someone else's change, the lock, a read-only
/// file, a full disk, a cancelled question), the person's text is kept in the temporary copy
/// and the error names it.
pub fn session(ctx: &Context, ledger: &Ledger, id: MeetingId, start: Start) -> Result<Output> {
    let tmp = tempfile::Builder::new()
        .prefix(&format!("cellbook-{id}-"))
        .suffix(".toml")
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let copy = tmp.into_temp_path();
    fs::write(&copy, &start.text).map_err(|e| Error::io(&copy, e))?;
    let mut closed_once = false;
    match edit_and_save(ctx, ledger, id, &start, &copy, &mut closed_once) {
        Ok(out) => Ok(out),
        Err(Stop::Kept(why)) => Err(kept_aside(copy, why)),
        Err(Stop::Failed(cause)) => {
            // Typed something, or closed the editor on a text meant to be saved: keep it.
            let typed = fs::read(&copy).map_or(true, |b| b != start.text.as_bytes());
            if !(closed_once || typed) {
                return Err(cause);
            }
            match copy.keep() {
                Ok(kept) => Err(Error::EditKept {
                    id,
                    cause: Box::new(cause),
                    kept,
                }),
                Err(e) => Err(Error::io(e.path.to_path_buf(), e.error)),
            }
        }
    }
}

/// The session proper: the editor until the text is valid, then the save under the lock.
fn edit_and_save(
    ctx: &Context,
    ledger: &Ledger,
    id: MeetingId,
    start: &Start,
    copy: &Path,
    closed_once: &mut bool,
) -> std::result::Result<Output, Stop> {
    let mut out = Output::default();
    let text = loop {
        super::edit(copy)?;
        *closed_once = true;
        let text = match read_edit(ledger, id, copy)? {
            Ok(text) => text,
            Err(diag) => {
                offer_again(&[diag])?;
                continue;
            }
        };
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Output::text(format!(
                "{}\n",
                tr(
                    "Tệp trống: đã hủy, không ghi gì.",
                    "The file is empty: cancelled, nothing saved."
                )
            )));
        }
        let unchanged = text == start.text && !start.is_change;
        if unchanged || start.on_disk.as_deref() == Some(text.as_bytes()) {
            return Ok(Output::text(format!(
                "{}\n",
                tr("Không có thay đổi.", "No changes.")
            )));
        }
        let diags = validate(ledger, id, &text, ctx.today);
        let (errors, warnings): (Vec<_>, Vec<_>) =
            diags.into_iter().partition(Diagnostic::is_error);
        if errors.is_empty() {
            for w in warnings {
                out.stderr.push_str(&format!("{w}\n"));
            }
            break text;
        }
        offer_again(&errors)?;
    };
    // Once the meeting is recorded, the template that showed how is stale.
    let text = if has_record(&text) {
        without_record_hint(&text)
    } else {
        text
    };
    let _lock = LedgerLock::acquire(&ledger.root)?;
    let path = ledger.meeting_path(id);
    // Not even compared through a link that leads out of the ledger (issue 11, item 8).
    ledger.ensure_inside(&path)?;
    let now = read_bytes_on_disk(&path).map_err(|e| Error::io(&path, e))?;
    if now != start.on_disk {
        return Err(Stop::Kept(tr(
            "tệp đã bị thay đổi trong lúc sửa",
            "the file was changed by someone else during the edit",
        )));
    }
    let (text, rerated) = rerate_text(ledger, id, text)?;
    write_atomic(&path, text.as_bytes())?;
    out.stdout = format!("{} {id}\n", tr("Đã lưu", "Saved")) + &rerated;
    Ok(out)
}

/// A rated meeting's text with its rating recomputed from the record as edited (the raters'
/// scores kept), and the line that says so; refused when it can no longer be computed.
fn rerate_text(ledger: &Ledger, id: MeetingId, text: String) -> Result<(String, String)> {
    let source = Source {
        path: ledger.meeting_path(id),
        text,
    };
    let meeting: Meeting = parse_source(&source).map_err(|d| Error::Invalid(vec![*d]))?;
    if meeting.rating.is_none() {
        return Ok((source.text, String::new()));
    }
    let before = meeting.rating.clone();
    let mut file = MeetingFile {
        id,
        source,
        meeting,
    };
    let rerated = crate::rating::rerate(ledger, &mut file)?;
    let text = if file.meeting.rating == before {
        file.source.text
    } else {
        merge::render(Some(&file.source.text), &file.meeting)?
    };
    Ok((text, crate::rating::rerated_line(rerated)))
}

/// The edited text as it was saved, or the diagnostic `check` gives a file that is not UTF-8
/// (located at the first bad byte, and named as the meeting's file).
fn read_edit(
    ledger: &Ledger,
    id: MeetingId,
    copy: &Path,
) -> std::result::Result<std::result::Result<String, Diagnostic>, Stop> {
    let bytes = fs::read(copy).map_err(|e| Error::io(copy, e))?;
    Ok(String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let at = String::from_utf8_lossy(&e.as_bytes()[..valid]).len();
        Diagnostic::of(&Problem::NotUtf8, &ledger.meeting_path(id)).at(&lossy, Some(at..at + 1))
    }))
}

/// Show what is wrong with the edit; on a terminal offer the editor again (`Ok`), else stop
/// with the text kept aside.
fn offer_again(errors: &[Diagnostic]) -> std::result::Result<(), Stop> {
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    // Shown now, before the question whether to edit again.
    let _ = writeln!(std::io::stderr(), "{}", shown.join("\n"));
    if prompt::interactive()
        && prompt::confirm(
            tr(
                "Mở lại trình soạn thảo để sửa?",
                "Open the editor again to fix it?",
            ),
            true,
        )?
    {
        return Ok(());
    }
    Err(Stop::Kept(tr(
        "nội dung sửa không hợp lệ nên chưa được lưu",
        "the edit is not valid, so it was not saved",
    )))
}

/// Keep the person's text where they can find it, and say so.
fn kept_aside(copy: tempfile::TempPath, why: &str) -> Error {
    match copy.keep() {
        Ok(path) => Error::refused_with(
            format!(
                "{why}; {} {}",
                tr("bản sửa được giữ tại", "your text is kept in"),
                path.display()
            ),
            tr(
                "sửa bản đó rồi chép vào sổ, hoặc chạy lại `cellbook edit`",
                "fix that copy and put it in the ledger, or run `cellbook edit` again",
            ),
        ),
        Err(e) => Error::io(e.path.to_path_buf(), e.error),
    }
}
