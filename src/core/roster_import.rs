//! `member import`: a roster kept in a spreadsheet, read into members. The shell reads the
//! file (CSV or XLSX) into a [`Sheet`] of cells; this module finds the header row, matches the
//! columns by their heading in Vietnamese or English (any case, with or without diacritics),
//! and turns each row into a member or the reasons it is refused, naming the row and column.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::core::dates::{self, show_date};
use crate::core::lang::Lang;
use crate::core::model::ids::{MemberIdError, check_member_id, generate_member_id};
use crate::core::model::{Member, Role, Roster, Status};
use crate::core::names::{fold, nfc};
use crate::core::text::visible;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number: an Excel date is a serial number of days when the cell is not formatted as one.
    Number(f64),
    /// A cell formatted as a date.
    Date(NaiveDate),
    /// A spreadsheet error (`#REF!`, `#N/A`): a formula whose result is an error.
    Error(String),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => nfc(s.trim()),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Error(e) => e.clone(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A sheet: its rows, each with its number in the file (1 for the first line or row).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub rows: Vec<(usize, Vec<Value>)>,
}

/// The columns cellbook reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Id,
    Role,
    Status,
    Joined,
    Admitted,
}

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Name => lang.pick("họ và tên", "name"),
            Field::Id => lang.pick("mã", "id"),
            Field::Role => lang.pick("chức vụ", "role"),
            Field::Status => lang.pick("tư cách", "status"),
            Field::Joined => lang.pick("ngày vào chi bộ", "joined"),
            Field::Admitted => lang.pick("ngày kết nạp", "admitted"),
        }
    }

    /// The headings that name the field, folded (no diacritics, lowercase, words separated by
    /// one space). "Ngày vào Đảng" is the admission, not the day the member joined the cell.
    fn headings(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "ho va ten",
                "ho ten",
                "ten",
                "ten dang vien",
                "ho va ten dang vien",
                "name",
                "full name",
            ],
            Field::Id => &["ma", "id", "ma goi", "ma so", "handle"],
            Field::Role => &["chuc vu", "chuc vu dang", "chuc vu trong chi bo", "role"],
            Field::Status => &[
                "tu cach",
                "loai",
                "loai dang vien",
                "dang vien",
                "chinh thuc du bi",
                "status",
            ],
            Field::Joined => &[
                "ngay vao chi bo",
                "ngay vao",
                "ngay sinh hoat",
                "ngay bat dau sinh hoat",
                "ngay chuyen den",
                "joined",
                "date joined",
            ],
            Field::Admitted => &[
                "ngay ket nap",
                "ngay vao dang",
                "ngay ket nap dang",
                "admitted",
                "date admitted",
            ],
        }
    }

    const ALL: [Field; 6] = [
        Field::Name,
        Field::Id,
        Field::Role,
        Field::Status,
        Field::Joined,
        Field::Admitted,
    ];
}

/// A heading folded for matching: no diacritics, lowercase, punctuation as space.
fn heading_key(s: &str) -> String {
    let folded = fold(s);
    folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The spreadsheet name of a column: A, B, …, Z, AA, …
pub fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Where a problem is: a row, and a column when one cell is the cause.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub row: usize,
    pub column: Option<(usize, Field)>,
}

/// Why a row is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoName,
    /// A control character or a bidirectional override, which would act on a terminal.
    Hidden {
        text: String,
    },
    /// Text that a spreadsheet would run as a formula when the roster is exported again.
    LooksLikeFormula {
        text: String,
    },
    BadId {
        text: String,
        near: Option<String>,
    },
    ReservedId {
        text: String,
    },
    BadRole {
        text: String,
    },
    BadStatus {
        text: String,
    },
    BadDate {
        text: String,
        why: dates::DateError,
    },
    /// A number that is no Excel date of the years cellbook accepts.
    BadSerial {
        text: String,
    },
    /// A formula whose result is an error.
    CellError {
        text: String,
    },
    /// The same id or name as an earlier row of the file.
    DuplicateInFile {
        row: usize,
        what: String,
    },
    /// The id of another member already on the roster.
    OnRoster {
        id: String,
        name: String,
    },
    /// The name of a member already on the roster, with another id: the same person twice, or
    /// a namesake to add by hand.
    SameName {
        id: String,
        name: String,
    },
    /// No id could be made from the name.
    NoId,
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let p = |vi, en| lang.pick(vi, en);
        match self {
            Refusal::NoName => p("không có họ tên", "no name").into(),
            Refusal::Hidden { text } => format!(
                "'{}' {}",
                visible(text),
                p(
                    "có ký tự điều khiển: hãy gõ lại mà không có ký tự đó",
                    "holds a control character: type it again without it"
                )
            ),
            Refusal::LooksLikeFormula { text } => format!(
                "'{}' {}",
                visible(text),
                p(
                    "bắt đầu như một công thức (=, +, @): không phải họ tên",
                    "starts like a formula (=, +, @): not a name"
                )
            ),
            Refusal::BadId { text, near } => format!(
                "'{}' {}{}",
                visible(text),
                p(
                    "không phải là mã hợp lệ (chữ thường không dấu, số, - hoặc _)",
                    "is not a valid id (lowercase ASCII letters, digits, - or _)"
                ),
                near.as_ref()
                    .map(|n| format!("; {} {n}?", p("ý bạn là", "did you mean")))
                    .unwrap_or_default()
            ),
            Refusal::ReservedId { text } => format!(
                "'{text}' {}",
                p(
                    "là từ có nghĩa riêng trên dòng lệnh (all, none, last, next)",
                    "is a word with its own meaning on the command line (all, none, last, next)"
                )
            ),
            _ => self.value_message(lang),
        }
    }

    /// The words for a value of the wrong kind.
    fn value_message(&self, lang: Lang) -> String {
        let p = |vi, en| lang.pick(vi, en);
        match self {
            Refusal::BadRole { text } => format!(
                "'{}' {}",
                visible(text),
                p(
                    "không phải là chức vụ: Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên (hay secretary, deputy, committee, member)",
                    "is not a role: secretary, deputy, committee, member (or Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên)"
                )
            ),
            Refusal::BadStatus { text } => format!(
                "'{}' {}",
                visible(text),
                p(
                    "không phải là tư cách đảng viên: chính thức hoặc dự bị (hay full, probationary)",
                    "is not a status: full or probationary (or chính thức, dự bị)"
                )
            ),
            Refusal::BadDate { why, .. } => why.message(lang),
            Refusal::BadSerial { text } => format!(
                "'{text}' {}",
                p(
                    "là một số, không phải ngày: hãy định dạng ô là ngày, hoặc viết 09/07/2020",
                    "is a number, not a date: format the cell as a date, or write 09/07/2020"
                )
            ),
            Refusal::CellError { text } => format!(
                "{} {text}",
                p("ô có lỗi công thức", "the cell holds a formula error")
            ),
            Refusal::DuplicateInFile { row, what } => format!(
                "{} {what} {} {row}",
                p("trùng", "the same"),
                p("với dòng", "as row")
            ),
            Refusal::OnRoster { id, name } => format!(
                "{} {id} {} {}",
                p("mã", "the id"),
                p("đã là của", "is already"),
                visible(name)
            ),
            Refusal::SameName { id, name } => format!(
                "{} {} ({id}) {}",
                p("danh sách đã có", "the roster already has"),
                visible(name),
                p(
                    "với mã khác; nếu là người khác cùng tên, hãy thêm bằng `cellbook member add`",
                    "with another id; if this is a namesake, add them with `cellbook member add`"
                )
            ),
            Refusal::NoId => p(
                "không tạo được mã từ họ tên: thêm cột mã",
                "no id can be made from the name: add an id column",
            )
            .into(),
            _ => String::new(),
        }
    }
}

/// A row that becomes a member.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub row: usize,
    pub member: Member,
    /// The file gave no date joined: today is taken, as `member add` does.
    pub joined_today: bool,
    /// The file gave no id: it was made from the name, as `member add` does.
    pub id_made: bool,
}

/// What an import would do: the header found, the members added, the rows refused.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// The row of the headings, and the column of each field found.
    pub header_row: usize,
    pub columns: BTreeMap<Field, usize>,
    /// Headings of columns cellbook does not read.
    pub ignored: Vec<String>,
    pub added: Vec<Added>,
    /// Rows of members already on the roster (the same name): left as they are, so that a
    /// list imported again adds only the newcomers. `(row, id, name)` of the roster's member.
    pub already: Vec<(usize, String, String)>,
    pub refused: Vec<(At, Refusal)>,
}

/// Why a sheet cannot be read as a roster at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// No row of the first ones has a name heading.
    NoHeader { looked: usize },
    /// Two columns have headings of the same field.
    TwoColumns {
        field: Field,
        first: usize,
        second: usize,
    },
}

impl SheetError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SheetError::NoHeader { looked: 0 } => lang
                .pick("tệp không có dòng nào", "the file has no rows")
                .to_owned(),
            SheetError::NoHeader { looked } => format!(
                "{} {looked} {}",
                lang.pick(
                    "không thấy dòng tiêu đề có cột họ tên trong",
                    "no heading row with a name column in the first"
                ),
                lang.pick(
                    "dòng đầu (cần cột \"Họ và tên\" hay \"Name\"; các cột khác: Mã, Chức vụ, Tư cách, Ngày vào chi bộ, Ngày kết nạp)",
                    "rows (a \"Name\" or \"Họ và tên\" column is needed; the others: Id, Role, Status, Joined, Admitted)"
                )
            ),
            SheetError::TwoColumns {
                field,
                first,
                second,
            } => format!(
                "{} '{}': {} {} {} {}",
                lang.pick("hai cột cùng là", "two columns are both"),
                field.label(lang),
                lang.pick("cột", "columns"),
                column_name(*first),
                lang.pick("và", "and"),
                column_name(*second)
            ),
        }
    }
}

/// How many rows from the top may come before the heading row (a title, a date, blank rows).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The heading row found: its index among the sheet's rows, its number in the file, the
/// column of each field, and the headings not read.
struct Header {
    index: usize,
    row: usize,
    columns: BTreeMap<Field, usize>,
    ignored: Vec<String>,
}

/// The heading row: the first of the top rows with a name column; each field's column.
fn find_header(sheet: &Sheet) -> Result<Header, SheetError> {
    for (i, (row_no, cells)) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut columns = BTreeMap::new();
        let mut ignored = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let key = heading_key(&cell.text());
            if key.is_empty() {
                continue;
            }
            match Field::ALL
                .iter()
                .find(|f| f.headings().contains(&key.as_str()))
            {
                Some(f) => {
                    if let Some(&first) = columns.get(f) {
                        return Err(SheetError::TwoColumns {
                            field: *f,
                            first,
                            second: c,
                        });
                    }
                    columns.insert(*f, c);
                }
                None => ignored.push(visible(&cell.text()).into_owned()),
            }
        }
        if columns.contains_key(&Field::Name) {
            return Ok(Header {
                index: i,
                row: *row_no,
                columns,
                ignored,
            });
        }
    }
    Err(SheetError::NoHeader {
        looked: HEADER_SEARCH_ROWS.min(sheet.rows.len()),
    })
}

fn parse_role(s: &str) -> Option<Role> {
    Some(match heading_key(s).as_str() {
        "" | "dang vien" | "dv" | "member" => Role::Member,
        "bi thu" | "bi thu chi bo" | "secretary" => Role::Secretary,
        "pho bi thu" | "pho bi thu chi bo" | "deputy" | "deputy secretary" => Role::Deputy,
        "chi uy vien" | "cuv" | "uy vien" | "committee" | "committee member" => Role::Committee,
        _ => return None,
    })
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match heading_key(s).as_str() {
        "" | "chinh thuc" | "dang vien chinh thuc" | "ct" | "full" => Status::Full,
        "du bi" | "dang vien du bi" | "db" | "probationary" => Status::Probationary,
        _ => return None,
    })
}

/// An Excel serial day number as a date (the 1900 system; from 1 March 1900, so Excel's
/// phantom 29 February 1900 never matters), within the years cellbook accepts.
pub fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !n.is_finite() || n < 61.0 || n.fract() != 0.0 {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let d = base.checked_add_days(chrono::Days::new(n as u64))?;
    dates::in_range(d).then_some(d)
}

/// A date cell: a date, an Excel serial number, or text as people type it.
fn read_date(v: &Value) -> Result<Option<NaiveDate>, Refusal> {
    match v {
        Value::Empty => Ok(None),
        Value::Date(d) if dates::in_range(*d) => Ok(Some(*d)),
        Value::Date(d) => Err(Refusal::BadDate {
            text: d.to_string(),
            why: dates::DateError::OutOfRange(d.to_string()),
        }),
        Value::Number(n) => excel_serial(*n)
            .map(Some)
            .ok_or_else(|| Refusal::BadSerial { text: v.text() }),
        Value::Error(e) => Err(Refusal::CellError { text: e.clone() }),
        Value::Text(s) if s.trim().is_empty() => Ok(None),
        Value::Text(s) => {
            let t = s.trim();
            // A serial typed or exported as text ("43970").
            if t.len() <= 6
                && t.bytes().all(|b| b.is_ascii_digit())
                && let Ok(n) = t.parse::<f64>()
            {
                return excel_serial(n)
                    .map(Some)
                    .ok_or_else(|| Refusal::BadSerial { text: t.to_owned() });
            }
            dates::read_date(t)
                .map(Some)
                .map_err(|why| Refusal::BadDate {
                    text: t.to_owned(),
                    why,
                })
        }
    }
}

/// One row read into a member's fields, or its refusals.
struct RowRead {
    name: String,
    id: Option<String>,
    role: Role,
    status: Status,
    joined: Option<NaiveDate>,
    admitted: Option<NaiveDate>,
}

fn read_row(
    row: usize,
    cells: &[Value],
    columns: &BTreeMap<Field, usize>,
    refused: &mut Vec<(At, Refusal)>,
) -> Option<RowRead> {
    let cell = |f: Field| {
        columns
            .get(&f)
            .and_then(|c| cells.get(*c))
            .unwrap_or(&Value::Empty)
    };
    let at = |f: Field| At {
        row,
        column: columns.get(&f).map(|c| (*c, f)),
    };
    let before = refused.len();
    let name = cell(Field::Name).text();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        refused.push((at(Field::Name), Refusal::NoName));
    } else if crate::core::text::hidden_in(&name, false).is_some() {
        refused.push((at(Field::Name), Refusal::Hidden { text: name.clone() }));
    } else if name.starts_with(['=', '+', '@']) {
        refused.push((
            at(Field::Name),
            Refusal::LooksLikeFormula { text: name.clone() },
        ));
    }
    let id = match cell(Field::Id) {
        v if v.is_blank() => None,
        v => {
            let text = v.text();
            match check_member_id(&text) {
                Ok(()) => Some(text),
                Err(MemberIdError::Form) => {
                    let near = crate::core::model::ids::suggest_member_id(&text);
                    refused.push((at(Field::Id), Refusal::BadId { text, near }));
                    None
                }
                Err(MemberIdError::Reserved) => {
                    refused.push((at(Field::Id), Refusal::ReservedId { text }));
                    None
                }
            }
        }
    };
    let role = parse_role(&cell(Field::Role).text()).unwrap_or_else(|| {
        refused.push((
            at(Field::Role),
            Refusal::BadRole {
                text: cell(Field::Role).text(),
            },
        ));
        Role::Member
    });
    let status = parse_status(&cell(Field::Status).text()).unwrap_or_else(|| {
        let text = cell(Field::Status).text();
        refused.push((at(Field::Status), Refusal::BadStatus { text }));
        Status::Full
    });
    let mut date = |f: Field| {
        read_date(cell(f)).unwrap_or_else(|r| {
            refused.push((at(f), r));
            None
        })
    };
    let joined = date(Field::Joined);
    let admitted = date(Field::Admitted);
    (refused.len() == before).then_some(RowRead {
        name,
        id,
        role,
        status,
        joined,
        admitted,
    })
}

/// The ids and names of the rows taken so far, by their row.
#[derive(Default)]
struct Taken {
    ids: BTreeMap<String, usize>,
    names: BTreeMap<String, usize>,
}

/// The id of a row's member: the one the file gives, unless another member has it (on the
/// roster or an earlier row); else one made from the name. `true` when made.
fn resolve_id(
    r: &RowRead,
    roster: &Roster,
    taken: &Taken,
    at: At,
) -> Result<(String, bool), (At, Refusal)> {
    let Some(id) = &r.id else {
        let used = |id: &str| roster.get(id).is_some() || taken.ids.contains_key(id);
        return generate_member_id(&r.name, used)
            .map(|id| (id, true))
            .ok_or((at, Refusal::NoId));
    };
    if let Some(m) = roster.get(id) {
        let why = Refusal::OnRoster {
            id: m.id.clone(),
            name: m.name.clone(),
        };
        return Err((at, why));
    }
    if let Some(first) = taken.ids.get(id) {
        let why = Refusal::DuplicateInFile {
            row: *first,
            what: id.clone(),
        };
        return Err((at, why));
    }
    Ok((id.clone(), false))
}

/// What importing `sheet` into `roster` on `today` would do. Rows with no cell at all are
/// skipped; every other row becomes a member or is refused with each of its reasons.
pub fn plan(sheet: &Sheet, roster: &Roster, today: NaiveDate) -> Result<Plan, SheetError> {
    let header = find_header(sheet)?;
    let columns = header.columns;
    let mut out = Plan {
        header_row: header.row,
        columns: columns.clone(),
        ignored: header.ignored,
        ..Plan::default()
    };
    let mut taken = Taken::default();
    for (row, cells) in sheet.rows.iter().skip(header.index + 1) {
        if cells.iter().all(Value::is_blank) {
            continue;
        }
        let Some(r) = read_row(*row, cells, &columns, &mut out.refused) else {
            continue;
        };
        let at = |f: Field| At {
            row: *row,
            column: columns.get(&f).map(|c| (*c, f)),
        };
        let key = fold(&r.name);
        if let Some(m) = roster.members.iter().find(|m| fold(&m.name) == key) {
            if r.id.as_ref().is_none_or(|id| *id == m.id) {
                out.already.push((*row, m.id.clone(), m.name.clone()));
            } else {
                let why = Refusal::SameName {
                    id: m.id.clone(),
                    name: m.name.clone(),
                };
                out.refused.push((at(Field::Name), why));
            }
            continue;
        }
        if let Some(first) = taken.names.get(&key) {
            let what = r.name.clone();
            let why = Refusal::DuplicateInFile { row: *first, what };
            out.refused.push((at(Field::Name), why));
            continue;
        }
        let id_at = if r.id.is_some() {
            at(Field::Id)
        } else {
            at(Field::Name)
        };
        let (id, id_made) = match resolve_id(&r, roster, &taken, id_at) {
            Ok(found) => found,
            Err(refusal) => {
                out.refused.push(refusal);
                continue;
            }
        };
        taken.ids.insert(id.clone(), *row);
        taken.names.insert(key, *row);
        out.added.push(Added {
            row: *row,
            member: Member {
                id,
                name: r.name,
                role: r.role,
                status: r.status,
                joined: r.joined.unwrap_or(today),
                admitted: r.admitted,
                left: None,
                temporary: false,
                exempt: vec![],
            },
            joined_today: r.joined.is_none(),
            id_made,
        });
    }
    out.refused.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// A refusal in one line: `dòng 7, cột C (ngày vào chi bộ): …`.
pub fn describe_refusal(at: &At, why: &Refusal, lang: Lang) -> String {
    let place = match at.column {
        Some((c, f)) => format!(
            "{} {}, {} {} ({})",
            lang.pick("dòng", "row"),
            at.row,
            lang.pick("cột", "column"),
            column_name(c),
            f.label(lang)
        ),
        None => format!("{} {}", lang.pick("dòng", "row"), at.row),
    };
    format!("{place}: {}", why.message(lang))
}

/// A date as the preview shows it, with a note when it was not in the file.
pub fn show_joined(a: &Added, lang: Lang) -> String {
    let d = show_date(a.member.joined, lang);
    if a.joined_today {
        format!(
            "{d} ({})",
            lang.pick("hôm nay: tệp để trống", "today: blank in the file")
        )
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sheet(rows: Vec<Vec<Value>>) -> Sheet {
        Sheet {
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r))
                .collect(),
        }
    }

    fn roster() -> Roster {
        Roster {
            schema: 1,
            members: vec![Member {
                id: "hoa".into(),
                name: "Nguyễn Thị Hoà".into(),
                role: Role::Deputy,
                status: Status::Full,
                joined: d("2010-01-01"),
                admitted: None,
                left: None,
                temporary: false,
                exempt: vec![],
            }],
        }
    }

    #[test]
    fn headings_in_either_language_any_case_with_or_without_diacritics() {
        for (heading, field) in [
            ("Họ và tên", Field::Name),
            ("HO VA TEN", Field::Name),
            ("Full name", Field::Name),
            ("Mã", Field::Id),
            ("CHỨC VỤ", Field::Role),
            ("tu cach", Field::Status),
            ("Ngày vào chi bộ", Field::Joined),
            ("Joined", Field::Joined),
            ("Ngày vào Đảng", Field::Admitted),
            ("Họ và tên:", Field::Name),
        ] {
            let key = heading_key(heading);
            assert!(
                field.headings().contains(&key.as_str()),
                "{heading} → {key}"
            );
        }
    }

    #[test]
    fn a_title_above_the_headings_and_blank_rows_are_skipped() {
        let s = sheet(vec![
            vec![t("DANH SÁCH ĐẢNG VIÊN CHI BỘ 7"), Value::Empty],
            vec![Value::Empty, Value::Empty],
            vec![
                t("STT"),
                t("Họ và tên"),
                t("Chức vụ"),
                t("Tư cách"),
                t("Ngày vào chi bộ"),
            ],
            vec![
                Value::Number(1.0),
                t("Lê Văn Đạo"),
                t("Bí thư"),
                t("Chính thức"),
                Value::Date(d("2015-03-01")),
            ],
            vec![Value::Empty, t("  "), Value::Empty],
            vec![
                Value::Number(2.0),
                t("Trần Đạo"),
                t(""),
                t("dự bị"),
                Value::Number(43970.0),
            ],
        ]);
        let p = plan(&s, &roster(), d("2026-11-30")).unwrap();
        assert_eq!(p.header_row, 3);
        assert_eq!(p.ignored, vec!["STT"]);
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        let ids: Vec<&str> = p.added.iter().map(|a| a.member.id.as_str()).collect();
        assert_eq!(ids, vec!["dao", "dao2"]);
        assert_eq!(p.added[1].member.status, Status::Probationary);
        assert_eq!(p.added[1].member.joined, d("2020-05-19"));
        assert_eq!(p.added[0].member.role, Role::Secretary);
    }

    #[test]
    fn bad_cells_are_refused_naming_row_and_column() {
        let s = sheet(vec![
            vec![t("Name"), t("Id"), t("Role"), t("Status"), t("Joined")],
            vec![t("Nguyễn Thị Hoà"), t(""), t(""), t(""), t("")],
            vec![t("Z Y"), t("hoa"), t(""), t(""), t("")],
            vec![t("Nguyen Thi Hoa"), t("hoa2"), t(""), t(""), t("")],
            vec![t("A B"), t("Đạo"), t("boss"), t("x"), t("31/02/2020")],
            vec![t("C D"), t("cd"), t(""), t(""), t("2020-01-01")],
            vec![t("E F"), t("cd"), t(""), t(""), t("")],
            vec![t("c d"), t(""), t(""), t(""), t("")],
            vec![Value::Empty, t("x"), t(""), t(""), t("")],
            vec![t("G H"), t(""), t(""), t(""), Value::Error("#REF!".into())],
            vec![t("I J"), t(""), t(""), t(""), Value::Number(12.5)],
            vec![t("=HYPERLINK(\"x\")"), t(""), t(""), t(""), t("")],
            vec![t("K\u{202e}L"), t(""), t(""), t(""), t("")],
        ]);
        let p = plan(&s, &roster(), d("2026-11-30")).unwrap();
        let said: Vec<String> = p
            .refused
            .iter()
            .map(|(at, r)| describe_refusal(at, r, Lang::En))
            .collect();
        let starts = [
            "row 3, column B (id): the id hoa is already Nguyễn Thị Hoà",
            "row 4, column A (name): the roster already has Nguyễn Thị Hoà (hoa) with another id",
            "row 5, column B (id): 'Đạo' is not a valid id",
            "row 5, column C (role): 'boss' is not a role",
            "row 5, column D (status): 'x' is not a status",
            "row 5, column E (joined): '31/02/2020' is not a valid date",
            "row 7, column B (id): the same cd as row 6",
            "row 8, column A (name): the same c d as row 6",
            "row 9, column A (name): no name",
            "row 10, column E (joined): the cell holds a formula error #REF!",
            "row 11, column E (joined): '12.5' is a number, not a date",
            "row 12, column A (name): '=HYPERLINK(\"x\")' starts like a formula",
            "row 13, column A (name): 'K\\u{202e}L' holds a control character",
        ];
        assert_eq!(said.len(), starts.len(), "{said:#?}");
        for (s, start) in said.iter().zip(starts) {
            assert!(s.starts_with(start), "{s}\n  !~ {start}");
        }
        assert!(said[2].ends_with("did you mean dao?"), "{}", said[2]);
        let added: Vec<usize> = p.added.iter().map(|a| a.row).collect();
        assert_eq!(added, vec![6]);
        assert_eq!(p.already, vec![(2, "hoa".into(), "Nguyễn Thị Hoà".into())]);
    }

    #[test]
    fn no_heading_and_two_columns_of_one_field_are_errors() {
        let s = sheet(vec![vec![t("a"), t("b")], vec![t("c"), t("d")]]);
        assert_eq!(
            plan(&s, &roster(), d("2026-01-01")),
            Err(SheetError::NoHeader { looked: 2 })
        );
        let s = sheet(vec![vec![t("Họ tên"), t("Name")]]);
        assert!(matches!(
            plan(&s, &roster(), d("2026-01-01")),
            Err(SheetError::TwoColumns {
                field: Field::Name,
                first: 0,
                second: 1
            })
        ));
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial(43970.0), Some(d("2020-05-19")));
        assert_eq!(excel_serial(61.0), Some(d("1900-03-01")));
        assert_eq!(excel_serial(60.0), None);
        assert_eq!(excel_serial(-1.0), None);
        assert_eq!(excel_serial(f64::NAN), None);
        assert_eq!(excel_serial(1e300), None);
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
    }

    proptest::proptest! {
        /// Whatever the cells hold, planning never panics, and every row is added, kept or
        /// refused at most once each way.
        #[test]
        fn any_sheet_plans_without_panicking(
            rows in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![
                        proptest::strategy::Just(Value::Empty),
                        "[a-zA-ZĐđạọ =@+,;\\-/0-9\u{0}\u{202e}]{0,12}".prop_map(Value::Text),
                        proptest::prelude::any::<f64>().prop_map(Value::Number),
                        proptest::strategy::Just(Value::Text("Họ và tên".into())),
                        proptest::strategy::Just(Value::Text("Ngày vào".into())),
                        proptest::strategy::Just(Value::Text("Mã".into())),
                        proptest::strategy::Just(Value::Error("#N/A".into())),
                    ],
                    0..6,
                ),
                0..12,
            )
        ) {
            let s = sheet(rows);
            if let Ok(p) = plan(&s, &roster(), d("2026-01-01")) {
                let mut seen = std::collections::BTreeSet::new();
                for a in &p.added {
                    proptest::prop_assert!(seen.insert(a.member.id.clone()));
                    proptest::prop_assert!(check_member_id(&a.member.id).is_ok());
                }
            }
        }
    }
}
