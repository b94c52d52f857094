//! The catalogue of diagnostic codes: every code `check`, `rubric check` and `rate` can print,
//! with its severity and the check it belongs to. This enum is the one list of codes;
//! `docs/errors.md` (and `docs/rubrics.md` for the R codes) document exactly these, which a test
//! in this module holds to. Locating a problem in a file and drawing it stay in the shell
//! (`crate::diagnostic`).

use serde::Serialize;

use crate::core::lang::Lang;
use crate::core::rubric::ProblemCode;

/// How bad a problem is: a warning is reported, an error also fails `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One step of a path into a ledger file: a key, or an index into an array. A rule of the
/// core names the value it objects to with such a path; the shell finds it in the TOML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A text in both languages, for a message composed before the language is known (a rubric
/// is parsed once, then reported in the language of whoever reads it). `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Words {
    pub vi: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }

    pub fn is_empty(&self) -> bool {
        self.vi.is_empty() && self.en.is_empty()
    }
}

/// Both versions of a text, Vietnamese first as everywhere in cellbook.
pub fn w(vi: impl Into<String>, en: impl Into<String>) -> Words {
    Words {
        vi: vi.into(),
        en: en.into(),
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Declares [`Code`] with its severity and default check in one table, so a code cannot be
/// added without them.
macro_rules! codes {
    ($($code:ident $sev:ident $check:literal;)*) => {
        /// A stable diagnostic code, documented in docs/errors.md (R codes in docs/rubrics.md).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($code,)* }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as printed in `error[E010]`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$sev,)* }
            }

            /// The check (`syntax`, `attendance`, …) `check --only` selects it by. E032 is
            /// reported by two checks; this is the one of a reference outside the attendance.
            pub fn check(self) -> &'static str {
                match self { $(Code::$code => $check,)* }
            }
        }
    };
}

codes! {
    E001 Error "syntax";
    E002 Error "schema";
    E003 Error "syntax";
    E004 Error "syntax";
    E005 Error "syntax";
    E006 Error "files";
    E010 Error "references";
    E011 Error "references";
    E012 Error "schema";
    E013 Error "schema";
    E020 Error "dates";
    E021 Error "dates";
    E022 Error "dates";
    E023 Error "dates";
    E024 Error "dates";
    E025 Error "dates";
    E026 Error "dates";
    E027 Error "dates";
    E030 Error "attendance";
    E031 Error "attendance";
    E032 Error "references";
    E033 Error "attendance";
    E034 Error "attendance";
    E040 Error "votes";
    E050 Error "ratings";
    E051 Error "ratings";
    E052 Error "ratings";
    E060 Error "duplicates";
    E061 Error "duplicates";
    E070 Error "reviews";
    E071 Error "reviews";
    E072 Error "reviews";
    E073 Error "reviews";
    E074 Error "reviews";
    E075 Error "reviews";
    E076 Error "reviews";
    E077 Error "reviews";
    E078 Error "reviews";
    W001 Warning "dates";
    W002 Warning "dates";
    W003 Warning "ratings";
    W004 Warning "files";
    W005 Warning "files";
    W007 Warning "cadence";
    W008 Warning "cadence";
    W009 Warning "cadence";
    R001 Error "rubric";
    R002 Error "rubric";
    R003 Error "rubric";
    R004 Error "rubric";
    R005 Error "rubric";
    R006 Error "rubric";
    R007 Error "rubric";
    R008 Error "rubric";
    R009 Error "rubric";
    R010 Error "rubric";
    R011 Error "rubric";
    R012 Error "rubric";
    R013 Error "rubric";
    R014 Error "rubric";
    R015 Error "rubric";
    R016 Error "rubric";
    R017 Error "rubric";
    R018 Error "rubric";
    R019 Error "rubric";
    R020 Error "rubric";
    R021 Error "rubric";
    R022 Error "rubric";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<ProblemCode> for Code {
    fn from(p: ProblemCode) -> Code {
        match p {
            ProblemCode::Toml => Code::R001,
            ProblemCode::Schema => Code::R002,
            ProblemCode::BadId => Code::R003,
            ProblemCode::DuplicateCriterion => Code::R004,
            ProblemCode::ZeroMax => Code::R005,
            ProblemCode::Thresholds => Code::R006,
            ProblemCode::GoodUnreachable => Code::R007,
            ProblemCode::NoCriteria => Code::R008,
            ProblemCode::BandsWithoutMeasure => Code::R009,
            ProblemCode::MeasureWithoutBands => Code::R010,
            ProblemCode::PointsOverMax => Code::R011,
            ProblemCode::EmptyRange => Code::R012,
            ProblemCode::UnreachableBand => Code::R013,
            ProblemCode::BadBound => Code::R014,
            ProblemCode::UnknownMeasure => Code::R015,
            ProblemCode::UnknownLevel => Code::R016,
            ProblemCode::GateUnknownCriterion => Code::R017,
            ProblemCode::GateForm => Code::R018,
            ProblemCode::GateIncomplete => Code::R019,
            ProblemCode::GatePoor => Code::R020,
            ProblemCode::YearNoRules => Code::R021,
            ProblemCode::YearCount => Code::R022,
        }
    }
}

/// A problem of a ledger's files outside the record's rules (those are
/// [`RecordProblem`](crate::core::rules::RecordProblem)): reading and parsing, settings and
/// roster, meeting files, ratings, and the cell's cadence. Each variant carries what its message
/// needs; its code, check, message and hint come from here in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// E001: not TOML; the parser's own (English) words.
    Toml { parser: String },
    /// E002: TOML, but not the keys or types this file takes; the parser's words.
    Shape { parser: String },
    /// E002: a `schema` this version does not read.
    Version { found: u32 },
    /// E003
    NotUtf8,
    /// E004
    TooLarge { mib: u64 },
    /// E005: the system's reason.
    Unreadable { reason: String },
    /// E006
    LinkOut,
    /// E006: a folder on the way to a file.
    FolderLinkOut,
    /// E011 in `cellbook.toml`.
    UnknownLedgerRubric { id: String },
    /// E011 in a meeting's rating.
    UnknownRatingRubric { id: String },
    /// E012
    InvalidMemberId { id: String },
    /// E013
    EmptyCellName,
    /// E013
    EmptyMemberName,
    /// E020: a meeting file in another year's folder.
    WrongYearFolder { year: i32, move_to: String },
    /// E021
    LeftNotAfterJoined,
    /// E022
    ExemptionEndsBeforeStart,
    /// E060
    DuplicateMemberId { id: String, first: usize },
    /// E060
    TwoFilesForMeeting { id: String },
    /// W003
    Unrated { meeting: String },
    /// E052
    RatedNotRecorded,
    /// E010 in a rating's `by`.
    RaterNotOnRoll { id: String },
    /// E051: the recorded scores no longer score.
    Unscorable {
        error: crate::core::rubric::ScoreError,
        meeting: String,
    },
    /// E050
    TotalChanged {
        recorded: u32,
        computed: u32,
        meeting: String,
    },
    /// E050: the levels' keys (`good`, …).
    LevelChanged {
        recorded: crate::core::level::Level,
        computed: crate::core::level::Level,
        meeting: String,
    },
    /// W004
    TempFile,
    /// W005
    StrayFileInMeetings,
    /// W005
    StrayFolderInMeetings,
    /// W005
    NotAMeetingFileName,
    /// W007
    AbsentMonths {
        name: String,
        year: i32,
        months: Vec<u32>,
    },
    /// W008 (regular) and W009 (thematic).
    Shortfall(crate::core::cadence::Shortfall),
    /// A broken rule of a meeting's record (E010, E020–E027, E030–E034, E040, E061, W001, W002).
    Record(crate::core::rules::RecordProblem),
    /// A problem of a rubric file (R001–R022).
    Rubric(crate::core::rubric::RubricProblem),
    /// A problem of a review file (E070–E078).
    Review(crate::core::review::ReviewProblem),
}

impl Problem {
    pub fn code(&self) -> Code {
        use crate::core::model::Kind;
        match self {
            Problem::Toml { .. } => Code::E001,
            Problem::Shape { .. } | Problem::Version { .. } => Code::E002,
            Problem::NotUtf8 => Code::E003,
            Problem::TooLarge { .. } => Code::E004,
            Problem::Unreadable { .. } => Code::E005,
            Problem::LinkOut | Problem::FolderLinkOut => Code::E006,
            Problem::UnknownLedgerRubric { .. } | Problem::UnknownRatingRubric { .. } => Code::E011,
            Problem::InvalidMemberId { .. } => Code::E012,
            Problem::EmptyCellName | Problem::EmptyMemberName => Code::E013,
            Problem::WrongYearFolder { .. } => Code::E020,
            Problem::LeftNotAfterJoined => Code::E021,
            Problem::ExemptionEndsBeforeStart => Code::E022,
            Problem::DuplicateMemberId { .. } | Problem::TwoFilesForMeeting { .. } => Code::E060,
            Problem::Unrated { .. } => Code::W003,
            Problem::RatedNotRecorded => Code::E052,
            Problem::RaterNotOnRoll { .. } => Code::E010,
            Problem::Unscorable { .. } => Code::E051,
            Problem::TotalChanged { .. } | Problem::LevelChanged { .. } => Code::E050,
            Problem::TempFile => Code::W004,
            Problem::StrayFileInMeetings
            | Problem::StrayFolderInMeetings
            | Problem::NotAMeetingFileName => Code::W005,
            Problem::AbsentMonths { .. } => Code::W007,
            Problem::Shortfall(s) => match s.kind {
                Kind::Regular => Code::W008,
                Kind::Thematic => Code::W009,
            },
            Problem::Record(p) => p.code(),
            Problem::Rubric(p) => p.code.into(),
            Problem::Review(p) => p.code(),
        }
    }

    /// The check (`syntax`, `attendance`, …) it is reported under.
    pub fn check(&self) -> &'static str {
        match self {
            Problem::Record(p) => p.check(),
            p => p.code().check(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let t = |vi, en| lang.pick(vi, en);
        match self {
            Problem::Toml { parser } => crate::core::parser_words::syntax(parser, lang),
            Problem::Shape { parser } => crate::core::parser_words::shape(parser, lang),
            Problem::Version { found } => format!(
                "{} {found}",
                t(
                    "không hỗ trợ phiên bản định dạng",
                    "unsupported format version"
                )
            ),
            Problem::NotUtf8 => {
                t("tệp không phải văn bản UTF-8", "the file is not UTF-8 text").into()
            }
            Problem::TooLarge { mib } => {
                format!("{} ({mib} MiB)", t("tệp quá lớn", "the file is too large"))
            }
            Problem::Unreadable { reason } => {
                format!(
                    "{}: {reason}",
                    t("không đọc được tệp", "cannot read the file")
                )
            }
            Problem::LinkOut => t(
                "tệp là liên kết trỏ ra ngoài sổ (hoặc liên kết hỏng)",
                "the file is a link that points outside the ledger (or nowhere)",
            )
            .into(),
            Problem::FolderLinkOut => t(
                "thư mục là liên kết trỏ ra ngoài sổ (hoặc liên kết hỏng); không đọc hay ghi gì trong đó",
                "the folder is a link that points outside the ledger (or nowhere); nothing in it is read or written",
            )
            .into(),
            Problem::UnknownLedgerRubric { id } | Problem::UnknownRatingRubric { id } => {
                format!("{} '{id}'", t("không có bộ tiêu chí", "unknown rubric"))
            }
            Problem::InvalidMemberId { id } => {
                format!("{} '{id}'", t("mã không hợp lệ", "invalid id"))
            }
            Problem::EmptyCellName => t("tên chi bộ trống", "the cell's name is empty").into(),
            Problem::EmptyMemberName => t("tên trống", "the name is empty").into(),
            Problem::WrongYearFolder { year, .. } => format!(
                "{} {year}",
                t(
                    "buổi sinh hoạt nằm sai thư mục năm",
                    "the meeting is in the wrong year folder"
                )
            ),
            Problem::LeftNotAfterJoined => t(
                "ngày rời không sau ngày vào",
                "`left` is not after `joined`",
            )
            .into(),
            Problem::ExemptionEndsBeforeStart => t(
                "thời gian miễn kết thúc trước khi bắt đầu",
                "the exemption ends before it starts",
            )
            .into(),
            Problem::DuplicateMemberId { id, first } => format!(
                "{} '{id}' {} {}",
                t("mã", "the id"),
                t("trùng với đảng viên thứ", "is also used by member"),
                first + 1
            ),
            Problem::TwoFilesForMeeting { id } => format!(
                "{} {id}",
                t(
                    "hai tệp cho cùng một buổi sinh hoạt",
                    "two files for the one meeting"
                )
            ),
            Problem::Record(p) => p.message(lang),
            Problem::Rubric(p) => p.message.get(lang).to_owned(),
            Problem::Review(p) => p.message(lang),
            _ => self.message_of_rating_or_files(lang),
        }
    }

    /// The messages of ratings, stray files and cadence (split from [`Problem::message`] to
    /// keep each short).
    fn message_of_rating_or_files(&self, lang: Lang) -> String {
        let t = |vi, en| lang.pick(vi, en);
        match self {
            Problem::Unrated { .. } => t(
                "buổi sinh hoạt đã qua hơn 7 ngày nhưng chưa xếp loại",
                "the meeting was held more than 7 days ago and is not rated",
            )
            .into(),
            Problem::RatedNotRecorded => t(
                "buổi sinh hoạt chưa ghi biên bản mà đã xếp loại",
                "the meeting is rated but not recorded",
            )
            .into(),
            Problem::RaterNotOnRoll { id } => format!(
                "{} '{id}' {}",
                t("người đánh giá", "rater"),
                t("không có trong danh sách", "is not on the roll")
            ),
            Problem::Unscorable { error, .. } => error.message(lang),
            Problem::TotalChanged {
                recorded, computed, ..
            } => format!(
                "{} {recorded}, {} {computed}",
                t("tổng điểm ghi", "the recorded total is"),
                t(
                    "nhưng theo bộ tiêu chí và biên bản là",
                    "but the rubric and the record give"
                ),
            ),
            Problem::LevelChanged {
                recorded, computed, ..
            } => format!(
                "{} {}, {} {}",
                t("mức ghi là", "the recorded level is"),
                recorded.label(lang),
                t("nhưng theo bộ tiêu chí là", "but the rubric gives"),
                computed.label(lang),
            ),
            Problem::TempFile => t(
                "tệp tạm còn sót lại sau một lần ghi bị ngắt",
                "a temporary file left by an interrupted write",
            )
            .into(),
            Problem::StrayFileInMeetings => t(
                "tệp lạ trong meetings/ (chỉ chứa thư mục năm)",
                "stray file in meetings/ (it holds year folders only)",
            )
            .into(),
            Problem::StrayFolderInMeetings => t(
                "thư mục lạ trong meetings/ (tên phải là năm, ví dụ 2020)",
                "stray folder in meetings/ (names are years, e.g. 2020)",
            )
            .into(),
            Problem::NotAMeetingFileName => t(
                "tên tệp không phải mã buổi sinh hoạt (YYYY-MM-DD.toml hoặc YYYY-MM-DD-2.toml); tệp bị bỏ qua",
                "the file name is not a meeting id (YYYY-MM-DD.toml or YYYY-MM-DD-2.toml); it is ignored",
            )
            .into(),
            Problem::AbsentMonths { name, year, months } => {
                let list: Vec<String> = months.iter().map(u32::to_string).collect();
                format!(
                    "{name} {} {} {} {year} ({})",
                    t("vắng không lý do trong", "was absent without a reason in"),
                    months.len(),
                    t("tháng của năm", "months of"),
                    list.join(", ")
                )
            }
            Problem::Shortfall(s) => {
                let what = match s.kind {
                    crate::core::model::Kind::Regular => {
                        t("buổi sinh hoạt thường kỳ đã họp", "regular meetings held")
                    }
                    crate::core::model::Kind::Thematic => {
                        t("buổi sinh hoạt chuyên đề đã họp", "thematic meetings held")
                    }
                };
                format!("{}: {}/{} {what}", s.period.words(lang), s.have, s.need)
            }
            // Written by `message` itself.
            _ => String::new(),
        }
    }

    /// How to fix it, if there is more to say than the message.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let t = |vi: &str, en: &str| Some(lang.pick(vi, en).to_owned());
        match self {
            Problem::Toml { .. } => t(
                "sửa cú pháp TOML tại vị trí này (xem `cellbook spec`)",
                "fix the TOML syntax at this spot (see `cellbook spec`)",
            ),
            Problem::Shape { .. } => t(
                "xem `cellbook spec` để biết các khóa và kiểu hợp lệ",
                "see `cellbook spec` for the keys and types this file takes",
            ),
            Problem::Version { .. } => t(
                "phiên bản này của cellbook đọc `schema = 1`; hãy cập nhật cellbook",
                "this cellbook reads `schema = 1`; a newer file needs a newer cellbook",
            ),
            Problem::NotUtf8 => t(
                "lưu lại tệp với mã hóa UTF-8 (trình soạn thảo: Save with encoding → UTF-8)",
                "save the file as UTF-8 (in an editor: Save with encoding → UTF-8)",
            ),
            Problem::TooLarge { .. } => t(
                "tệp sổ chỉ vài KB; hãy kiểm tra xem có dán nhầm nội dung không",
                "ledger files are a few KB; check that nothing was pasted into it by mistake",
            ),
            Problem::LinkOut => t(
                "thay liên kết bằng chính tệp đó",
                "replace the link with the file itself",
            ),
            Problem::FolderLinkOut => t(
                "thay liên kết bằng chính thư mục đó (chuyển thư mục vào trong sổ)",
                "replace the link with the folder itself (move the folder into the ledger)",
            ),
            Problem::UnknownLedgerRubric { .. } => t(
                "xem các bộ có sẵn bằng `cellbook rubric list`, hoặc đặt tệp vào rubrics/",
                "see the built-in rubrics with `cellbook rubric list`, or put a file in rubrics/",
            ),
            Problem::UnknownRatingRubric { .. } => {
                t("xem `cellbook rubric list`", "see `cellbook rubric list`")
            }
            Problem::InvalidMemberId { .. } => t(
                "mã gồm chữ thường không dấu, số, - hoặc _, bắt đầu bằng chữ, và không là all, none, last, next",
                "an id is lowercase ASCII letters, digits, - or _, starting with a letter, and not all, none, last or next",
            ),
            Problem::EmptyCellName => t("ghi tên đầy đủ của chi bộ", "write the cell's full name"),
            Problem::EmptyMemberName => t("ghi họ và tên đầy đủ", "write the full name"),
            Problem::WrongYearFolder { move_to, .. } => Some(format!(
                "{} {move_to}",
                lang.pick("chuyển tệp tới", "move it to")
            )),
            Problem::LeftNotAfterJoined => t("kiểm tra lại hai ngày", "check both dates"),
            Problem::ExemptionEndsBeforeStart => t(
                "`to` phải từ ngày `from` trở đi",
                "`to` must be on or after `from`",
            ),
            Problem::DuplicateMemberId { .. } => t(
                "mỗi đảng viên cần một mã riêng",
                "each member needs an id of their own",
            ),
            Problem::TwoFilesForMeeting { .. } => t(
                "giữ một tệp, xóa tệp kia",
                "keep one file and remove the other",
            ),
            Problem::Record(p) => p.hint(lang).map(str::to_owned),
            Problem::Rubric(p) => Some(p.hint.get(lang).to_owned()).filter(|h| !h.is_empty()),
            Problem::Review(p) => p.hint(lang),
            _ => self.hint_of_rating_or_files(lang),
        }
    }

    /// The hints of ratings, stray files and cadence (split from [`Problem::hint`] to keep each
    /// short).
    fn hint_of_rating_or_files(&self, lang: Lang) -> Option<String> {
        let t = |vi: &str, en: &str| Some(lang.pick(vi, en).to_owned());
        let rate_again = |why: Option<String>, meeting: &str| {
            why.map(|why| format!("{why} `cellbook rate {meeting}`"))
        };
        match self {
            Problem::Unrated { meeting } => Some(format!("cellbook rate {meeting}")),
            Problem::RatedNotRecorded => t(
                "ghi biên bản trước (`cellbook record`), rồi xếp loại",
                "record it first (`cellbook record`), then rate it",
            ),
            Problem::RaterNotOnRoll { .. } => {
                t("dùng mã trong members.toml", "use an id from members.toml")
            }
            Problem::Unscorable { meeting, .. } | Problem::LevelChanged { meeting, .. } => {
                rate_again(t("chấm lại bằng", "rate it again with"), meeting)
            }
            Problem::TotalChanged { meeting, .. } => rate_again(
                t(
                    "biên bản đã thay đổi từ khi xếp loại; chấm lại bằng",
                    "the record changed since it was rated; rate it again with",
                ),
                meeting,
            ),
            Problem::TempFile => t(
                "tệp gốc vẫn nguyên vẹn; có thể xóa tệp tạm này",
                "the real file is intact; this temporary file can be deleted",
            ),
            Problem::AbsentMonths { .. } => t(
                "chi bộ xem xét đưa ra khỏi Đảng (Quy định 24-QĐ/TW, điểm 8.1)",
                "the cell is to consider removal from the rolls (Quy định 24-QĐ/TW, point 8.1)",
            ),
            // No hint, or answered by `hint` itself.
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes a document names as `### E010` headings or as `` `R001` `` table cells.
    fn documented(doc: &str) -> std::collections::BTreeSet<String> {
        doc.lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("### ")
                    .or_else(|| l.strip_prefix("| `"))
                    .map(|rest| rest.chars().take(4).collect::<String>())
            })
            .filter(|c| {
                c.len() == 4
                    && matches!(c.as_bytes()[0], b'E' | b'W' | b'R')
                    && c[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .collect()
    }

    #[test]
    fn the_docs_name_exactly_the_codes_of_the_enum() {
        let errors = documented(include_str!("../../docs/errors.md"));
        let rubrics = documented(include_str!("../../docs/rubrics.md"));
        assert!(!rubrics.iter().any(|c| !c.starts_with('R')), "{rubrics:?}");
        let in_docs: std::collections::BTreeSet<String> = errors.union(&rubrics).cloned().collect();
        let in_enum: std::collections::BTreeSet<String> =
            Code::ALL.iter().map(|c| c.as_str().to_owned()).collect();
        let undocumented: Vec<_> = in_enum.difference(&in_docs).collect();
        let unknown: Vec<_> = in_docs.difference(&in_enum).collect();
        assert!(
            undocumented.is_empty(),
            "codes missing from the docs: {undocumented:?}"
        );
        assert!(
            unknown.is_empty(),
            "the docs name codes that do not exist: {unknown:?}"
        );
    }

    #[test]
    fn each_rubric_problem_has_an_r_code_of_its_own() {
        let mapped: std::collections::BTreeSet<Code> =
            ProblemCode::ALL.iter().map(|&p| Code::from(p)).collect();
        let r_codes: std::collections::BTreeSet<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|c| c.as_str().starts_with('R'))
            .collect();
        assert_eq!(mapped, r_codes);
    }

    #[test]
    fn severity_follows_the_letter() {
        for c in Code::ALL {
            let warning = c.as_str().starts_with('W');
            assert_eq!(c.severity() == Severity::Warning, warning, "{c}");
        }
    }

    fn one_of_each() -> Vec<Problem> {
        use crate::core::cadence::Shortfall;
        use crate::core::model::Kind;
        use crate::core::period::Period;
        let shortfall = |kind| {
            Period::month(2020, 8).map(|period| {
                Problem::Shortfall(Shortfall {
                    period,
                    kind,
                    have: 0,
                    need: 1,
                })
            })
        };
        let meeting = "2020-07-09".to_owned();
        let mut all = vec![
            Problem::Toml { parser: "x".into() },
            Problem::Shape { parser: "x".into() },
            Problem::Version { found: 2 },
            Problem::NotUtf8,
            Problem::TooLarge { mib: 4 },
            Problem::Unreadable { reason: "x".into() },
            Problem::LinkOut,
            Problem::FolderLinkOut,
            Problem::UnknownLedgerRubric { id: "r".into() },
            Problem::UnknownRatingRubric { id: "r".into() },
            Problem::InvalidMemberId { id: "Q".into() },
            Problem::EmptyCellName,
            Problem::EmptyMemberName,
            Problem::WrongYearFolder {
                year: 2021,
                move_to: "meetings/2020/2020-07-09.toml".into(),
            },
            Problem::LeftNotAfterJoined,
            Problem::ExemptionEndsBeforeStart,
            Problem::DuplicateMemberId {
                id: "an".into(),
                first: 0,
            },
            Problem::TwoFilesForMeeting {
                id: meeting.clone(),
            },
            Problem::Unrated {
                meeting: meeting.clone(),
            },
            Problem::RatedNotRecorded,
            Problem::RaterNotOnRoll { id: "an".into() },
            Problem::Unscorable {
                error: crate::core::rubric::ScoreError::OutOfRange {
                    id: "a".into(),
                    points: 9,
                    max: 5,
                },
                meeting: meeting.clone(),
            },
            Problem::TotalChanged {
                recorded: 95,
                computed: 90,
                meeting: meeting.clone(),
            },
            Problem::LevelChanged {
                recorded: crate::core::level::Level::Good,
                computed: crate::core::level::Level::Fair,
                meeting,
            },
            Problem::TempFile,
            Problem::StrayFileInMeetings,
            Problem::StrayFolderInMeetings,
            Problem::NotAMeetingFileName,
            Problem::AbsentMonths {
                name: "Đỗ Văn Đức".into(),
                year: 2020,
                months: vec![7, 9, 10],
            },
        ];
        all.extend(shortfall(Kind::Regular));
        all.extend(shortfall(Kind::Thematic));
        all
    }

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let all = one_of_each();
        assert_eq!(all.len(), 31, "one of each variant");
        for p in &all {
            let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{p:?}");
            if !matches!(p, Problem::Toml { .. } | Problem::Shape { .. }) {
                assert_ne!(vi, en, "{p:?}");
            }
        }
    }

    #[test]
    fn messages_read_as_the_docs_show_them() {
        let en = |p: &Problem| (p.message(Lang::En), p.hint(Lang::En));
        let all = one_of_each();
        let by_code = |c: Code| all.iter().filter(move |p| p.code() == c);
        let w007 = by_code(Code::W007).next().map(en);
        assert_eq!(
            w007.map(|m| m.0).as_deref(),
            Some("Đỗ Văn Đức was absent without a reason in 3 months of 2020 (7, 9, 10)")
        );
        let w008 = by_code(Code::W008).next().map(en);
        assert_eq!(
            w008,
            Some(("August 2020: 0/1 regular meetings held".into(), None))
        );
        let e050 = by_code(Code::E050).next().map(en);
        assert_eq!(
            e050,
            Some((
                "the recorded total is 95, but the rubric and the record give 90".into(),
                Some(
                    "the record changed since it was rated; rate it again with `cellbook rate 2020-07-09`"
                        .into()
                )
            ))
        );
    }
}
