//! A score sheet in words: each measure's value as a person reads it ("90%", "80 phút", "có"),
//! and why each criterion short of its maximum lost its points, in a sentence a secretary
//! understands ("Chưa ghi diễn biến trong biên bản: −2"). Identifiers stay in the files.

use super::bounds::Bounds;
use super::measure::{Measure, Measures};
use super::model::{Rubric, lookup};
use super::score::{PointsSource, Sheet, SheetLine};
use crate::core::lang::Lang;
use crate::core::text::{decimal, percent};

impl Measure {
    /// A short name for the measure, in `lang` ("tỷ lệ dự sinh hoạt", "attendance rate").
    pub fn name(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Measure::AttendanceRate => ("tỷ lệ dự sinh hoạt", "attendance rate"),
            Measure::UnexcusedAbsences => ("số vắng không lý do", "absences without a reason"),
            Measure::MaxExcusedStreak => (
                "số lần vắng có lý do liên tiếp",
                "meetings missed in a row with a reason",
            ),
            Measure::DurationMinutes => ("thời gian sinh hoạt", "length of the meeting"),
            Measure::SpeakersRate => ("tỷ lệ phát biểu", "share who spoke"),
            Measure::DocsLeadDays => (
                "số ngày gửi tài liệu trước",
                "days the documents came before",
            ),
            Measure::CommitteeMet => ("chi ủy họp chuẩn bị", "committee met beforehand"),
            Measure::DraftResolution => ("dự thảo nghị quyết", "draft resolution"),
            Measure::MinutesRecorded => ("diễn biến trong biên bản", "proceedings in the minutes"),
            Measure::ResolutionPassed => ("nghị quyết được thông qua", "resolution passed"),
            Measure::PreviousActionsDoneRate => (
                "tỷ lệ việc kỳ trước đã xong",
                "share of the previous tasks done",
            ),
            Measure::DurationShortMinutes => ("số phút thiếu", "minutes short"),
            Measure::DurationRatio => (
                "thời gian so với tối thiểu",
                "length against the required length",
            ),
            Measure::ThematicMonth => (
                "sinh hoạt chuyên đề trong tháng",
                "thematic meeting in the month",
            ),
            Measure::LeadershipSize => ("số chi ủy viên", "committee size"),
            Measure::NoticeSent => (
                "thông báo trước buổi sinh hoạt",
                "notice before the meeting",
            ),
            Measure::PostedAfterDays => (
                "số ngày đến khi đăng văn bản",
                "days until the documents were posted",
            ),
        };
        lang.pick(vi, en)
    }

    /// A value of this measure as a person reads it: a rate as a percentage, minutes and days
    /// with their unit, a yes/no fact as "có"/"không", with a decimal comma in Vietnamese.
    pub fn show_value(self, value: f64, lang: Lang) -> String {
        match self {
            Measure::AttendanceRate
            | Measure::SpeakersRate
            | Measure::PreviousActionsDoneRate
            | Measure::DurationRatio => percent(value, lang),
            Measure::CommitteeMet
            | Measure::DraftResolution
            | Measure::MinutesRecorded
            | Measure::ResolutionPassed
            | Measure::ThematicMonth
            | Measure::NoticeSent => {
                let yes = value >= 0.5;
                lang.pick(
                    if yes { "có" } else { "không" },
                    if yes { "yes" } else { "no" },
                )
                .to_owned()
            }
            Measure::DurationMinutes | Measure::DurationShortMinutes => {
                format!(
                    "{} {}",
                    decimal(value, 0, lang),
                    lang.pick("phút", "minutes")
                )
            }
            Measure::DocsLeadDays | Measure::PostedAfterDays => {
                format!("{} {}", decimal(value, 0, lang), lang.pick("ngày", "days"))
            }
            Measure::MaxExcusedStreak => {
                format!("{} {}", decimal(value, 0, lang), lang.pick("lần", "times"))
            }
            Measure::UnexcusedAbsences | Measure::LeadershipSize => decimal(value, 0, lang),
        }
    }

    /// A value of this measure on its own in a table cell, where the criterion's title stands
    /// beside it: as [`Measure::show_value`], the minutes short saying they are short.
    pub fn cell(self, value: f64, lang: Lang) -> String {
        let v = self.show_value(value, lang);
        match (self, lang) {
            (Measure::DurationShortMinutes, Lang::Vi) => format!("thiếu {v}"),
            (Measure::DurationShortMinutes, Lang::En) => format!("{v} short"),
            _ => v,
        }
    }

    /// What the record shows, as a sentence's start ("Buổi sinh hoạt kéo dài 80 phút").
    fn fact(self, value: f64, lang: Lang) -> String {
        let v = self.show_value(value, lang);
        let yes = value >= 0.5;
        match (self, lang) {
            (Measure::AttendanceRate, Lang::Vi) => format!("{v} đảng viên dự sinh hoạt"),
            (Measure::AttendanceRate, Lang::En) => format!("{v} of the counted members present"),
            (Measure::UnexcusedAbsences, Lang::Vi) => {
                format!("{v} đảng viên vắng không lý do")
            }
            (Measure::UnexcusedAbsences, Lang::En) => {
                format!("{v} member(s) absent without a reason")
            }
            (Measure::MaxExcusedStreak, Lang::Vi) => {
                format!("Có đảng viên vắng có lý do {v} liên tiếp")
            }
            (Measure::MaxExcusedStreak, Lang::En) => format!(
                "A member missed {} meetings in a row with a reason",
                decimal(value, 0, lang)
            ),
            (Measure::DurationMinutes, Lang::Vi) => format!("Buổi sinh hoạt kéo dài {v}"),
            (Measure::DurationMinutes, Lang::En) => format!("The meeting lasted {v}"),
            (Measure::SpeakersRate, Lang::Vi) => {
                format!("{v} đảng viên dự sinh hoạt phát biểu")
            }
            (Measure::SpeakersRate, Lang::En) => format!("{v} of the members present spoke"),
            (Measure::DocsLeadDays, Lang::Vi) => {
                format!("Tài liệu gửi trước buổi sinh hoạt {v}")
            }
            (Measure::DocsLeadDays, Lang::En) => {
                format!("The documents were sent {v} before the meeting")
            }
            (Measure::PreviousActionsDoneRate, Lang::Vi) => {
                format!("{v} việc được giao ở buổi trước đã hoàn thành")
            }
            (Measure::PreviousActionsDoneRate, Lang::En) => {
                format!("{v} of the previous meeting's tasks were done")
            }
            (Measure::DurationShortMinutes, Lang::Vi) => {
                format!("Buổi sinh hoạt thiếu {v} so với thời lượng tối thiểu")
            }
            (Measure::DurationShortMinutes, Lang::En) => {
                format!("The meeting was {v} short of the required length")
            }
            (Measure::DurationRatio, Lang::Vi) => {
                format!("Buổi sinh hoạt dài bằng {v} thời lượng tối thiểu")
            }
            (Measure::DurationRatio, Lang::En) => {
                format!("The meeting lasted {v} of the required length")
            }
            (Measure::LeadershipSize, Lang::Vi) => format!("Chi ủy có {v} đồng chí"),
            (Measure::LeadershipSize, Lang::En) => format!("The committee has {v} members"),
            (Measure::PostedAfterDays, Lang::Vi) => {
                format!("Văn bản hoàn chỉnh đăng sau buổi sinh hoạt {v}")
            }
            (Measure::PostedAfterDays, Lang::En) => {
                format!("The finished documents were posted {v} after the meeting")
            }
            (m, _) => m.flag_fact(yes, lang),
        }
    }

    /// What the record shows of a yes/no measure, as a sentence's start.
    fn flag_fact(self, yes: bool, lang: Lang) -> String {
        // (measure, yes in Vietnamese, yes in English, no in Vietnamese, no in English)
        const FACTS: [(Measure, &str, &str, &str, &str); 6] = [
            (
                Measure::CommitteeMet,
                "Chi ủy có họp chuẩn bị",
                "The committee met beforehand",
                "Chi ủy không họp chuẩn bị trước buổi sinh hoạt",
                "The committee did not meet before the meeting",
            ),
            (
                Measure::DraftResolution,
                "Có dự thảo nghị quyết",
                "A draft resolution was prepared",
                "Không chuẩn bị dự thảo nghị quyết",
                "No draft resolution was prepared",
            ),
            (
                Measure::MinutesRecorded,
                "Biên bản có ghi diễn biến",
                "The minutes hold the proceedings",
                "Chưa ghi diễn biến trong biên bản",
                "No proceedings were written in the minutes",
            ),
            (
                Measure::ResolutionPassed,
                "Nghị quyết được biểu quyết thông qua",
                "The resolution was passed",
                "Nghị quyết chưa được biểu quyết thông qua",
                "The resolution was not voted through",
            ),
            (
                Measure::ThematicMonth,
                "Trong tháng có buổi sinh hoạt chuyên đề",
                "A thematic meeting was held in the month",
                "Trong tháng không có buổi sinh hoạt chuyên đề",
                "No thematic meeting was held in the month",
            ),
            (
                Measure::NoticeSent,
                "Đã thông báo thời gian, địa điểm, nội dung trước buổi sinh hoạt",
                "The time, place and content were announced beforehand",
                "Thông báo thời gian, địa điểm, nội dung sau ngày sinh hoạt",
                "The time, place and content were announced after the meeting",
            ),
        ];
        FACTS
            .iter()
            .find(|f| f.0 == self)
            .map(|&(_, yes_vi, yes_en, no_vi, no_en)| match yes {
                true => lang.pick(yes_vi, yes_en),
                false => lang.pick(no_vi, no_en),
            })
            .unwrap_or_default()
            .to_owned()
    }

    /// Whether the value is a yes/no fact, which needs no "needs at least" to explain it.
    fn is_flag(self) -> bool {
        matches!(
            self,
            Measure::CommitteeMet
                | Measure::DraftResolution
                | Measure::MinutesRecorded
                | Measure::ResolutionPassed
                | Measure::ThematicMonth
        )
    }
}

impl Measure {
    /// A range of this measure's values in words, as `rubric show` and the gates print it:
    /// "từ 90%", "dưới 90 phút", "có"; "bất kỳ" for every value.
    pub fn range_words(self, bounds: &Bounds, lang: Lang) -> String {
        if self.is_flag() {
            return match (bounds.contains(1.0), bounds.contains(0.0)) {
                (true, false) => self.show_value(1.0, lang),
                (false, true) => self.show_value(0.0, lang),
                (true, true) => lang.pick("còn lại", "otherwise").to_owned(),
                (false, false) => lang.pick("không giá trị nào", "no value").to_owned(),
            };
        }
        let text = describe(self, bounds, lang);
        if text.is_empty() {
            lang.pick("còn lại", "otherwise").to_owned()
        } else {
            text
        }
    }
}

/// A range of a measure's values in words, each end shown as the measure's values are
/// ("từ 90%", "dưới 90 phút").
fn describe(measure: Measure, bounds: &Bounds, lang: Lang) -> String {
    let lower = bounds.lower.map(|b| {
        let word = match b.inclusive {
            true => lang.pick("từ", "at least"),
            false => lang.pick("trên", "more than"),
        };
        format!("{word} {}", measure.show_value(b.value, lang))
    });
    let upper = bounds.upper.map(|b| {
        let word = match b.inclusive {
            true => lang.pick("không quá", "at most"),
            false => lang.pick("dưới", "less than"),
        };
        format!("{word} {}", measure.show_value(b.value, lang))
    });
    match (lower, upper) {
        (Some(lo), Some(hi)) => format!("{lo} {} {hi}", lang.pick("đến", "and")),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => String::new(),
    }
}

/// One criterion that lost points, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    pub id: String,
    /// The points short of the criterion's maximum.
    pub points: u32,
    /// Why, as a sentence without its final stop.
    pub reason: String,
}

impl Loss {
    /// The line a person reads: "Chưa ghi diễn biến trong biên bản: −2".
    pub fn line(&self) -> String {
        format!("{}: −{}", self.reason, self.points)
    }
}

/// Every criterion of the sheet short of its maximum, in rubric order, with the reason in
/// `lang`: the fact of the record that set a measured criterion's points (and what would have
/// given the maximum), or the raters' score of a scored one.
pub fn losses(rubric: &Rubric, measures: &Measures, sheet: &Sheet, lang: Lang) -> Vec<Loss> {
    sheet
        .criteria
        .iter()
        .filter(|l| l.points < l.max && l.source != PointsSource::Excluded)
        .map(|l| Loss {
            id: l.id.clone(),
            points: l.max - l.points,
            reason: reason(rubric, measures, l, lang),
        })
        .collect()
}

fn reason(rubric: &Rubric, measures: &Measures, line: &SheetLine, lang: Lang) -> String {
    let title = match lang {
        Lang::Vi => line.title.as_str(),
        Lang::En => line.id.as_str(),
    };
    let measured = rubric.criterion(&line.id).and_then(|c| c.measured.as_ref());
    match (line.source, line.value, measured) {
        (PointsSource::Measured, Some(value), Some(m)) => {
            // A cap that held the points below what the band gave names the fact behind it.
            if let Some(cap) = m.caps.iter().find(|cap| {
                cap.points < m.band_points(value)
                    && lookup(measures, cap.measure).is_some_and(|v| cap.bounds.contains(v))
            }) {
                let v = lookup(measures, cap.measure).unwrap_or_default();
                return cap.measure.fact(v, lang);
            }
            let fact = m.measure.fact(value, lang);
            let best = m
                .bands
                .iter()
                .filter(|b| b.points >= line.max)
                .map(|b| &b.bounds)
                .next();
            match best {
                Some(bounds) if !m.measure.is_flag() => {
                    let needs = describe(m.measure, bounds, lang);
                    if needs.is_empty() {
                        fact
                    } else {
                        format!("{fact} ({} {needs})", lang.pick("cần", "needs"))
                    }
                }
                _ => fact,
            }
        }
        (_, _, Some(m)) => match lang {
            Lang::Vi => format!(
                "Không tính được {} từ biên bản; người đánh giá chấm “{title}” {}/{}",
                m.measure.name(lang),
                line.points,
                line.max
            ),
            Lang::En => format!(
                "The {} cannot be computed from the record; the raters gave {title} {} of {}",
                m.measure.name(lang),
                line.points,
                line.max
            ),
        },
        _ => match lang {
            Lang::Vi => format!("Người đánh giá chấm “{title}” {}/{}", line.points, line.max),
            Lang::En => format!("The raters gave {title} {} of {}", line.points, line.max),
        },
    }
}
