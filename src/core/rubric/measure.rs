//! Facts about a meeting that the caller computes from its record, so that a rubric can turn
//! them into points without asking the raters.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::bounds::{Bound, Bounds};

/// A number the caller can compute from a meeting's record.
///
/// Rates are fractions from 0 to 1 (not percentages); yes/no facts are 1 or 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    AttendanceRate,
    UnexcusedAbsences,
    MaxExcusedStreak,
    DurationMinutes,
    SpeakersRate,
    DocsLeadDays,
    CommitteeMet,
    DraftResolution,
    MinutesRecorded,
    ResolutionPassed,
    PreviousActionsDoneRate,
    DurationShortMinutes,
    DurationRatio,
    ThematicMonth,
    LeadershipSize,
    NoticeSent,
    PostedAfterDays,
}

/// The measures of one meeting. A missing key means "cannot be computed for this meeting"
/// (say, no attendance list), and the rubric then asks the raters instead of guessing.
pub type Measures = BTreeMap<Measure, f64>;

impl Measure {
    /// Every measure, in the order the docs list them.
    pub const ALL: [Measure; 17] = [
        Measure::AttendanceRate,
        Measure::UnexcusedAbsences,
        Measure::MaxExcusedStreak,
        Measure::DurationMinutes,
        Measure::SpeakersRate,
        Measure::DocsLeadDays,
        Measure::CommitteeMet,
        Measure::DraftResolution,
        Measure::MinutesRecorded,
        Measure::ResolutionPassed,
        Measure::PreviousActionsDoneRate,
        Measure::DurationShortMinutes,
        Measure::DurationRatio,
        Measure::ThematicMonth,
        Measure::LeadershipSize,
        Measure::NoticeSent,
        Measure::PostedAfterDays,
    ];

    /// The name written in rubric files (`measure = "attendance_rate"`).
    pub fn key(self) -> &'static str {
        match self {
            Measure::AttendanceRate => "attendance_rate",
            Measure::UnexcusedAbsences => "unexcused_absences",
            Measure::MaxExcusedStreak => "max_excused_streak",
            Measure::DurationMinutes => "duration_minutes",
            Measure::SpeakersRate => "speakers_rate",
            Measure::DocsLeadDays => "docs_lead_days",
            Measure::CommitteeMet => "committee_met",
            Measure::DraftResolution => "draft_resolution",
            Measure::MinutesRecorded => "minutes_recorded",
            Measure::ResolutionPassed => "resolution_passed",
            Measure::PreviousActionsDoneRate => "previous_actions_done_rate",
            Measure::DurationShortMinutes => "duration_short_minutes",
            Measure::DurationRatio => "duration_ratio",
            Measure::ThematicMonth => "thematic_month",
            Measure::LeadershipSize => "leadership_size",
            Measure::NoticeSent => "notice_sent",
            Measure::PostedAfterDays => "posted_after_days",
        }
    }

    /// A short description for messages and `--help`, in Vietnamese or English.
    pub fn describe(self, vi: bool) -> &'static str {
        let (vi_text, en_text) = match self {
            Measure::AttendanceRate => (
                "tỷ lệ đảng viên dự sinh hoạt (0–1)",
                "share of counted members present (0–1)",
            ),
            Measure::UnexcusedAbsences => (
                "số đảng viên vắng không có lý do",
                "number of members absent without a valid reason",
            ),
            Measure::MaxExcusedStreak => (
                "số lần vắng có lý do liên tiếp nhiều nhất của một đảng viên trong năm",
                "longest run of meetings one member missed with a reason this year",
            ),
            Measure::DurationMinutes => (
                "thời gian sinh hoạt (phút)",
                "length of the meeting in minutes",
            ),
            Measure::SpeakersRate => (
                "tỷ lệ đảng viên dự sinh hoạt có phát biểu (0–1)",
                "share of the members present who spoke (0–1)",
            ),
            Measure::DocsLeadDays => (
                "số ngày gửi tài liệu trước buổi sinh hoạt",
                "days between sending the documents and the meeting",
            ),
            Measure::CommitteeMet => (
                "chi ủy họp chuẩn bị trước (1 có, 0 không)",
                "the cell committee met beforehand (1 yes, 0 no)",
            ),
            Measure::DraftResolution => (
                "có dự thảo nghị quyết (1 có, 0 không)",
                "a draft resolution was prepared (1 yes, 0 no)",
            ),
            Measure::MinutesRecorded => (
                "biên bản ghi đầy đủ (1 có, 0 không)",
                "complete minutes were recorded (1 yes, 0 no)",
            ),
            Measure::ResolutionPassed => (
                "nghị quyết được biểu quyết thông qua (1 có, 0 không)",
                "the resolution was voted and passed (1 yes, 0 no)",
            ),
            Measure::PreviousActionsDoneRate => (
                "tỷ lệ nhiệm vụ của nghị quyết kỳ trước đã hoàn thành (0–1)",
                "share of the previous resolution's tasks done (0–1)",
            ),
            Measure::DurationShortMinutes => (
                "số phút thiếu so với thời lượng tối thiểu (0 khi đủ)",
                "minutes short of the required length (0 when long enough)",
            ),
            Measure::DurationRatio => (
                "thời gian sinh hoạt chia cho thời lượng tối thiểu",
                "length of the meeting divided by the required length",
            ),
            Measure::ThematicMonth => (
                "trong tháng có buổi sinh hoạt chuyên đề (1 có, 0 không)",
                "a thematic meeting is held in the meeting's month (1 yes, 0 no)",
            ),
            Measure::LeadershipSize => (
                "số đồng chí bí thư, phó bí thư, chi ủy viên của chi bộ",
                "number of the cell's secretary, deputy and committee members",
            ),
            Measure::NoticeSent => (
                "đã thông báo thời gian, địa điểm, nội dung trước buổi sinh hoạt (1 có, 0 không)",
                "time, place and content were announced before the meeting (1 yes, 0 no)",
            ),
            Measure::PostedAfterDays => (
                "số ngày sau buổi sinh hoạt đến khi đăng văn bản hoàn chỉnh",
                "days between the meeting and posting the finished documents",
            ),
        };
        if vi { vi_text } else { en_text }
    }

    /// The values the measure can take, so the validator can flag a band nothing can reach
    /// (the classic slip: `min = 85` on a rate that runs from 0 to 1).
    pub fn range(self) -> Bounds {
        let at_least_zero = Bound::inclusive(0.0);
        match self {
            Measure::AttendanceRate
            | Measure::SpeakersRate
            | Measure::PreviousActionsDoneRate
            | Measure::CommitteeMet
            | Measure::DraftResolution
            | Measure::MinutesRecorded
            | Measure::ResolutionPassed
            | Measure::ThematicMonth
            | Measure::NoticeSent => Bounds {
                lower: Some(at_least_zero),
                upper: Some(Bound::inclusive(1.0)),
            },
            Measure::UnexcusedAbsences
            | Measure::MaxExcusedStreak
            | Measure::DurationMinutes
            | Measure::DurationShortMinutes
            | Measure::DurationRatio
            | Measure::LeadershipSize
            | Measure::PostedAfterDays => Bounds {
                lower: Some(at_least_zero),
                upper: None,
            },
            // Documents sent after the meeting could be a negative lead; don't judge it.
            Measure::DocsLeadDays => Bounds::default(),
        }
    }

    /// Whether the value is a fraction 0–1 (hints suggest `0.85` for `85`).
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Measure::AttendanceRate | Measure::SpeakersRate | Measure::PreviousActionsDoneRate
        )
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A string that names no measure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown measure `{input}`")]
pub struct ParseMeasureError {
    pub input: String,
}

/// Accepts exactly the keys of rubric files, so a name typed on the command line means the
/// same as in a file.
impl FromStr for Measure {
    type Err = ParseMeasureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Measure::ALL
            .into_iter()
            .find(|m| m.key() == s)
            .ok_or_else(|| ParseMeasureError {
                input: s.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_serde_and_parse_back() {
        for m in Measure::ALL {
            assert_eq!(m.key().parse::<Measure>(), Ok(m));
            let json = toml::Value::try_from(m).unwrap();
            assert_eq!(json.as_str(), Some(m.key()));
            assert!(!m.describe(true).is_empty() && !m.describe(false).is_empty());
        }
        assert!("attendance".parse::<Measure>().is_err());
    }

    #[test]
    fn ranges() {
        assert!(Measure::AttendanceRate.range().contains(1.0));
        assert!(!Measure::AttendanceRate.range().contains(85.0));
        assert!(Measure::DurationMinutes.range().contains(240.0));
        assert!(!Measure::UnexcusedAbsences.range().contains(-1.0));
        assert!(Measure::DocsLeadDays.range().contains(-1.0));
    }
}
