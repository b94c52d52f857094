//! The rules a review file must keep, for `check` (each problem with the path of the value it
//! objects to) and for the `review` command (which refuses a change that breaks one).

use crate::core::model::{Roster, Vote};
use crate::core::problem::Seg;
use crate::core::review::level::ReviewLevel;
use crate::core::review::model::{ReviewFile, Stage};
use crate::core::review::problem::ReviewProblem;
use crate::core::review::scheme::Scheme;
use crate::core::review::score::{self, Allowed};

/// A broken rule and the value it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub problem: ReviewProblem,
    pub at: Vec<Seg<'static>>,
}

fn found(problem: ReviewProblem, at: &[Seg<'static>]) -> Found {
    Found {
        problem,
        at: at.to_vec(),
    }
}

/// The points of the self-assessment, checked against the scheme's groups (E071, E074).
pub fn points(file: &ReviewFile, scheme: &Scheme) -> Result<Option<u32>, Found> {
    let Some(s) = &file.self_review else {
        return Ok(None);
    };
    let subject = scheme.subject(file.collective);
    let sum = score::total(subject, &s.scores)
        .map_err(|p| found(p, &[Seg::Key("self"), Seg::Key("scores")]))?;
    match (s.points, s.scores.is_empty()) {
        (Some(points), false) if points != sum => Err(found(
            ReviewProblem::PointsMismatch { points, sum },
            &[Seg::Key("self"), Seg::Key("points")],
        )),
        (Some(points), _) => {
            let max = score::max_points(subject);
            if points > max {
                Err(found(
                    ReviewProblem::OverMax {
                        group: "*".into(),
                        points,
                        max,
                    },
                    &[Seg::Key("self"), Seg::Key("points")],
                ))
            } else {
                Ok(Some(points))
            }
        }
        (None, false) => Ok(Some(sum)),
        (None, true) => Ok(None),
    }
}

/// What the rules allow for the file's points and facts (`None` before any points).
pub fn allowed(file: &ReviewFile, scheme: &Scheme) -> Result<Option<Allowed>, Found> {
    let facts = file
        .self_review
        .as_ref()
        .map(|s| s.facts())
        .unwrap_or_default();
    Ok(points(file, scheme)?.map(|p| score::allowed(scheme.subject(file.collective), p, &facts)))
}

/// E072 (or E078 for a member not classified yet) when `level`, given at `stage`, is above
/// what the rules allow.
pub fn level_at(
    file: &ReviewFile,
    allowed: Option<&Allowed>,
    stage: Stage,
    level: ReviewLevel,
) -> Option<ReviewProblem> {
    if file.unclassified {
        return Some(ReviewProblem::ClassifiedTooEarly { level });
    }
    let a = allowed?;
    (level > a.level).then(|| ReviewProblem::LevelNotAllowed {
        stage,
        level,
        allowed: a.level,
        points: a.points,
        reasons: a.reasons_against(level).into_iter().cloned().collect(),
    })
}

/// E075: the cell's vote against the voting base (the full members who can vote, counted as
/// for a meeting's resolution): no more votes than the base, and more than half in favour.
pub fn vote(vote: &Vote, base: u32) -> Option<ReviewProblem> {
    if vote.cast() > u64::from(base) {
        return Some(ReviewProblem::TooManyVotes {
            cast: vote.cast(),
            base,
        });
    }
    (!crate::core::attendance::passes(vote.in_favour, base)).then_some(ReviewProblem::VoteFails {
        in_favour: vote.in_favour,
        base,
    })
}

/// Every problem of one file but the vote and the limit across the cell: the member on the
/// roster (E070), its place (E077), the points (E071, E074), each stage's level (E072, E078).
/// `folder` is the period folder's name, `stem` the file name without `.toml`.
pub fn file(
    file: &ReviewFile,
    scheme: &Scheme,
    roster: &Roster,
    folder: &str,
    stem: &str,
) -> Vec<Found> {
    let mut out = Vec::new();
    if file.period != folder {
        out.push(found(
            ReviewProblem::WrongPlace {
                expected: format!("reviews/{}/", file.period),
            },
            &[Seg::Key("period")],
        ));
    }
    match (&file.member, file.collective) {
        (Some(id), false) => {
            if roster.get(id).is_none() {
                out.push(found(
                    ReviewProblem::UnknownMember { id: id.clone() },
                    &[Seg::Key("member")],
                ));
            }
            if id != stem {
                out.push(found(
                    ReviewProblem::WrongPlace {
                        expected: format!("reviews/{folder}/{id}.toml"),
                    },
                    &[Seg::Key("member")],
                ));
            }
        }
        (None, true) if stem == "_cell" => {}
        _ => out.push(found(
            ReviewProblem::WrongPlace {
                expected: format!("reviews/{folder}/_cell.toml (collective = true)"),
            },
            &[Seg::Key("collective")],
        )),
    }
    let allowed = match allowed(file, scheme) {
        Ok(a) => a,
        Err(f) => {
            out.push(f);
            return out;
        }
    };
    let stages = [
        (
            Stage::SelfAssessment,
            file.self_review.as_ref().and_then(|s| s.proposed),
            [Seg::Key("self"), Seg::Key("proposed")],
        ),
        (
            Stage::Cell,
            file.cell.as_ref().map(|c| c.level),
            [Seg::Key("cell"), Seg::Key("level")],
        ),
        (
            Stage::Decision,
            file.decided.as_ref().map(|d| d.level),
            [Seg::Key("decided"), Seg::Key("level")],
        ),
    ];
    for (stage, level, at) in stages {
        if let Some(level) = level
            && let Some(p) = level_at(file, allowed.as_ref(), stage, level)
        {
            out.push(found(p, &at));
        }
    }
    out
}

/// E073: the limit on excellent ratings across the members of a period: the levels the cell
/// voted or the committee decided (a self-proposal is not a rating yet; the collective and the
/// unclassified do not count).
pub fn limit(files: &[&ReviewFile], scheme: &Scheme) -> Option<ReviewProblem> {
    let levels: Vec<ReviewLevel> = files
        .iter()
        .filter(|f| !f.collective && !f.unclassified)
        .filter_map(|f| {
            f.decided
                .as_ref()
                .map(|d| d.level)
                .or(f.cell.as_ref().map(|c| c.level))
        })
        .collect();
    let (excellent, good, cap) = score::excellent_over_limit(&scheme.limits, &levels)?;
    Some(ReviewProblem::ExcellentOverLimit {
        excellent,
        good,
        cap,
        share: scheme.limits.excellent_share_of_good.unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::model::{CellStage, SelfStage};

    fn scheme() -> Scheme {
        Scheme::parse(crate::core::review::builtin::builtin()[0].1).expect("built in")
    }

    fn roster() -> Roster {
        toml::from_str(
            "schema = 1\n[[member]]\nid = \"lan\"\nname = \"Lê Thị Lan\"\njoined = 2015-01-01\n",
        )
        .expect("a roster")
    }

    #[test]
    fn a_level_above_the_rules_is_found_at_its_stage() {
        let mut f = ReviewFile::new("2020", Some("lan"), "qd366-2025");
        f.self_review = Some(SelfStage {
            points: Some(92),
            tasks_done: Some(100),
            tasks_on_time: Some(100),
            tasks_exceeded: Some(10),
            proposed: Some(ReviewLevel::Excellent),
            ..SelfStage::default()
        });
        f.cell = Some(CellStage {
            level: ReviewLevel::Good,
            vote: None,
            on: None,
            note: None,
        });
        let found = file(&f, &scheme(), &roster(), "2020", "lan");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].problem.code(), crate::core::problem::Code::E072);
        assert_eq!(found[0].at, vec![Seg::Key("self"), Seg::Key("proposed")]);
        let words = found[0].problem.message(crate::core::lang::Lang::En);
        assert!(words.contains("beyond what was asked ≥ 30%"), "{words}");
    }

    #[test]
    fn place_and_roster_are_checked() {
        let f = ReviewFile::new("2021", Some("hai"), "qd366-2025");
        let codes: Vec<_> = file(&f, &scheme(), &roster(), "2020", "hai")
            .iter()
            .map(|f| f.problem.code().as_str())
            .collect();
        assert_eq!(codes, ["E077", "E070"]);
    }

    #[test]
    fn a_vote_needs_more_than_half_of_the_base() {
        let v = |f, a, b| Vote {
            in_favour: f,
            against: a,
            abstain: b,
        };
        assert_eq!(vote(&v(5, 4, 0), 9), None);
        assert!(matches!(
            vote(&v(4, 4, 0), 8),
            Some(ReviewProblem::VoteFails { .. })
        ));
        assert!(matches!(
            vote(&v(9, 1, 0), 9),
            Some(ReviewProblem::TooManyVotes { .. })
        ));
    }
}
