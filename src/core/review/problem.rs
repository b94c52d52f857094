//! What can be wrong with a review file (E070–E078): each with its code, message and hint in
//! both languages. `check` reports them in place; the `review` command refuses with them.

use crate::core::lang::Lang;
use crate::core::problem::Code;
use crate::core::review::level::ReviewLevel;
use crate::core::review::model::Stage;
use crate::core::review::score::Shortfall;

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewProblem {
    /// E070: the file names a member who is not on the roster.
    UnknownMember { id: String },
    /// E071: points for a group the scheme does not have.
    UnknownGroup { group: String, known: Vec<String> },
    /// E071: more points than the group gives.
    OverMax {
        group: String,
        points: u32,
        max: u32,
    },
    /// E072: a level above what the points and facts allow.
    LevelNotAllowed {
        stage: Stage,
        level: ReviewLevel,
        allowed: ReviewLevel,
        points: u32,
        reasons: Vec<Shortfall>,
    },
    /// E073: more excellent ratings than the limit allows.
    ExcellentOverLimit {
        excellent: usize,
        good: usize,
        cap: usize,
        share: u32,
    },
    /// E074: the total differs from the sum of the groups' points.
    PointsMismatch { points: u32, sum: u32 },
    /// E075: more votes than members who can vote.
    TooManyVotes { cast: u64, base: u32 },
    /// E075: the level was not carried: not more than half of the voting base in favour.
    VoteFails { in_favour: u32, base: u32 },
    /// E076: no scheme has this id.
    UnknownScheme { id: String },
    /// E077: the file is not where its contents say (period folder, member's file name).
    WrongPlace { expected: String },
    /// E078: a level for a member the scheme does not classify yet.
    ClassifiedTooEarly { level: ReviewLevel },
}

impl ReviewProblem {
    pub fn code(&self) -> Code {
        match self {
            ReviewProblem::UnknownMember { .. } => Code::E070,
            ReviewProblem::UnknownGroup { .. } | ReviewProblem::OverMax { .. } => Code::E071,
            ReviewProblem::LevelNotAllowed { .. } => Code::E072,
            ReviewProblem::ExcellentOverLimit { .. } => Code::E073,
            ReviewProblem::PointsMismatch { .. } => Code::E074,
            ReviewProblem::TooManyVotes { .. } | ReviewProblem::VoteFails { .. } => Code::E075,
            ReviewProblem::UnknownScheme { .. } => Code::E076,
            ReviewProblem::WrongPlace { .. } => Code::E077,
            ReviewProblem::ClassifiedTooEarly { .. } => Code::E078,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let t = |vi, en| lang.pick(vi, en);
        match self {
            ReviewProblem::UnknownMember { id } => format!(
                "'{id}' {}",
                t("không có trong danh sách đảng viên", "is not on the roster")
            ),
            ReviewProblem::UnknownGroup { group, .. } => format!(
                "{} '{group}'",
                t(
                    "bộ quy tắc không có nhóm tiêu chí",
                    "the scheme has no criterion group"
                )
            ),
            ReviewProblem::OverMax { group, points, max } => format!(
                "{} '{group}': {points} {} {max}",
                t("nhóm", "group"),
                t("điểm, quá mức tối đa", "points, over its maximum of"),
            ),
            ReviewProblem::LevelNotAllowed { .. } | ReviewProblem::ExcellentOverLimit { .. } => {
                self.message_of_levels(lang)
            }
            ReviewProblem::PointsMismatch { points, sum } => format!(
                "{} {points}, {} {sum}",
                t("tổng điểm ghi", "the recorded total is"),
                t("nhưng cộng các nhóm là", "but the groups add up to"),
            ),
            ReviewProblem::TooManyVotes { cast, base } => format!(
                "{cast} {} {base} {}",
                t("phiếu, nhiều hơn", "votes, more than the"),
                t(
                    "đảng viên chính thức có quyền biểu quyết",
                    "full members who can vote"
                ),
            ),
            ReviewProblem::VoteFails { in_favour, base } => format!(
                "{in_favour}/{base} {}",
                t(
                    "tán thành, không quá một nửa: mức này chưa được thông qua",
                    "in favour, not more than half: the level was not carried"
                ),
            ),
            ReviewProblem::UnknownScheme { id } => format!(
                "{} '{id}'",
                t("không có bộ quy tắc đánh giá", "unknown review scheme")
            ),
            ReviewProblem::WrongPlace { expected } => format!(
                "{} {expected}",
                t(
                    "tệp đánh giá nằm sai chỗ; nội dung của nó thuộc về",
                    "the review file is in the wrong place; what it says belongs in"
                ),
            ),
            ReviewProblem::ClassifiedTooEarly { level } => format!(
                "{} {}",
                t(
                    "đảng viên mới kết nạp chỉ kiểm điểm, chưa xếp loại, nhưng tệp ghi mức",
                    "a newly admitted member is reviewed, not classified, but the file gives the level"
                ),
                level.label(lang),
            ),
        }
    }

    /// The messages of E072 and E073 (split from [`ReviewProblem::message`]).
    fn message_of_levels(&self, lang: Lang) -> String {
        let t = |vi, en| lang.pick(vi, en);
        match self {
            ReviewProblem::LevelNotAllowed {
                stage,
                level,
                allowed,
                points,
                reasons,
            } => {
                let mut s = format!(
                    "{} ({}) {} {}",
                    level.label(lang),
                    stage.label(lang),
                    t(
                        "cao hơn mức quy định cho phép:",
                        "is above what the rules allow:"
                    ),
                    allowed.label(lang),
                );
                if !reasons.is_empty() {
                    s.push_str(" — ");
                    let words: Vec<String> =
                        reasons.iter().map(|r| r.message(*points, lang)).collect();
                    s.push_str(&words.join("; "));
                }
                s
            }
            ReviewProblem::ExcellentOverLimit {
                excellent,
                good,
                cap,
                share,
            } => format!(
                "{excellent} {} {share}% {} {good} {}: {} {cap}",
                t(
                    "đảng viên hoàn thành xuất sắc nhiệm vụ, vượt",
                    "members rated excellent, over"
                ),
                t("của", "of the"),
                t("đảng viên hoàn thành tốt nhiệm vụ", "rated good"),
                t("tối đa", "at most"),
            ),
            _ => String::new(),
        }
    }

    pub fn hint(&self, lang: Lang) -> Option<String> {
        let t = |vi: &str, en: &str| Some(lang.pick(vi, en).to_owned());
        match self {
            ReviewProblem::UnknownMember { .. } => t(
                "dùng mã trong members.toml, hoặc xóa tệp này",
                "use an id from members.toml, or remove this file",
            ),
            ReviewProblem::UnknownGroup { known, .. } => Some(format!(
                "{}: {}",
                lang.pick("các nhóm", "the groups"),
                known.join(", ")
            )),
            ReviewProblem::OverMax { .. } | ReviewProblem::PointsMismatch { .. } => t(
                "xem các nhóm và điểm tối đa trong docs/reviews.md",
                "see the groups and their maximum points in docs/reviews.md",
            ),
            // People read the level's name; the English key is what `--proposed` also takes.
            ReviewProblem::LevelNotAllowed { allowed, .. } => Some(match lang {
                Lang::Vi => format!("đề xuất cao nhất là mức {}", allowed.label(lang)),
                Lang::En => format!(
                    "propose at most {} (`{}`)",
                    allowed.label(lang),
                    allowed.key()
                ),
            }),
            ReviewProblem::ExcellentOverLimit { .. } => t(
                "cấp ủy xem xét lại các mức hoàn thành xuất sắc nhiệm vụ",
                "the committee reconsiders the excellent ratings",
            ),
            ReviewProblem::TooManyVotes { .. } | ReviewProblem::VoteFails { .. } => t(
                "chỉ đảng viên chính thức được tính biểu quyết (cùng cách tính như nghị quyết của buổi sinh hoạt)",
                "only full members vote (counted the same way as a meeting's resolution)",
            ),
            ReviewProblem::UnknownScheme { .. } => t(
                "bộ có sẵn: qd366-2025; hoặc đặt tệp vào reviews/schemes/",
                "built in: qd366-2025; or put a file in reviews/schemes/",
            ),
            ReviewProblem::WrongPlace { .. } => t("chuyển hoặc sửa tệp", "move or fix the file"),
            ReviewProblem::ClassifiedTooEarly { .. } => t(
                "xóa mức xếp loại, hoặc bỏ `unclassified = true` nếu đảng viên đủ thời gian",
                "remove the level, or `unclassified = true` if the member qualifies",
            ),
        }
    }
}
