//! Who is reviewed in a period, and who is not (and why).

use chrono::{Months, NaiveDate};

use crate::core::lang::Lang;
use crate::core::model::{ExemptionKind, Member, Roster, Status};
use crate::core::review::scheme::Limits;

/// Why a member on the roll is not reviewed by this cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Exempted from Party work and meetings (*miễn công tác và sinh hoạt đảng*) for the whole
    /// period.
    Exempt,
    /// Attends another cell for the whole period: reviewed there.
    TransferredOut,
    /// Attends this cell temporarily: reviewed by their own cell.
    Temporary,
}

impl Skip {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Skip::Exempt => lang.pick(
                "được miễn công tác và sinh hoạt đảng cả kỳ",
                "exempted from Party work and meetings for the whole period",
            ),
            Skip::TransferredOut => lang.pick(
                "sinh hoạt tạm thời ở chi bộ khác cả kỳ",
                "attends another cell for the whole period",
            ),
            Skip::Temporary => lang.pick(
                "sinh hoạt tạm thời ở chi bộ này; chi bộ chính thức đánh giá",
                "attends this cell temporarily; their own cell reviews them",
            ),
        }
    }
}

/// One member's place in a period's review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Due<'a> {
    /// Reviewed; `unclassified` when admitted too recently to be classified.
    Review {
        member: &'a Member,
        unclassified: bool,
    },
    Skipped {
        member: &'a Member,
        why: Skip,
    },
}

/// The members on the roll at some time in `start..=end`, each with whether they are reviewed.
pub fn due<'a>(
    roster: &'a Roster,
    start: NaiveDate,
    end: NaiveDate,
    limits: &Limits,
) -> Vec<Due<'a>> {
    roster
        .members
        .iter()
        .filter(|m| m.joined <= end && m.left.is_none_or(|left| left > start))
        .map(|m| {
            let whole = |kind: ExemptionKind| {
                m.exempt
                    .iter()
                    .any(|e| e.kind == kind && e.from <= start && e.to.is_none_or(|to| to >= end))
            };
            if m.temporary {
                Due::Skipped {
                    member: m,
                    why: Skip::Temporary,
                }
            } else if whole(ExemptionKind::Exempt) {
                Due::Skipped {
                    member: m,
                    why: Skip::Exempt,
                }
            } else if whole(ExemptionKind::TransferredOut) {
                Due::Skipped {
                    member: m,
                    why: Skip::TransferredOut,
                }
            } else {
                Due::Review {
                    member: m,
                    unclassified: too_new(m, end, limits),
                }
            }
        })
        .collect()
}

/// A probationary member admitted (joined) less than `unclassified_within_months` before the
/// period ends is reviewed, not classified.
fn too_new(m: &Member, end: NaiveDate, limits: &Limits) -> bool {
    let Some(months) = limits.unclassified_within_months else {
        return false;
    };
    m.status == Status::Probationary
        && end
            .checked_sub_months(Months::new(months))
            .is_some_and(|cut| m.joined > cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_roster_of_2020() {
        let roster: Roster =
            toml::from_str(include_str!("../../../examples/thuan-bac/members.toml"))
                .expect("the example roster");
        let limits = Limits {
            excellent_share_of_good: Some(20),
            unclassified_within_months: Some(6),
        };
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
        let list = due(&roster, d(2020, 1, 1), d(2020, 12, 31), &limits);
        let skipped: Vec<&str> = list
            .iter()
            .filter_map(|x| match x {
                Due::Skipped { member, .. } => Some(member.id.as_str()),
                Due::Review { .. } => None,
            })
            .collect();
        assert_eq!(skipped, ["son"]);
        // vy joined on 2020-05-19, more than 6 months before the year ends: classified.
        assert!(list.iter().all(|x| !matches!(
            x,
            Due::Review {
                unclassified: true,
                ..
            }
        )));
        // In the third quarter she is too new.
        let q3 = due(&roster, d(2020, 7, 1), d(2020, 9, 30), &limits);
        assert!(
            q3.iter().any(
                |x| matches!(x, Due::Review { member, unclassified: true } if member.id == "vy")
            )
        );
    }
}
