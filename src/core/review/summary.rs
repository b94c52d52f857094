//! A period's reviews summed up: one row per member, the cell's own, who is still missing,
//! and the counts by level. What `review list` and `review report` show.

use serde::Serialize;

use crate::core::model::{Roster, Vote};
use crate::core::period::Period;
use crate::core::review::level::ReviewLevel;
use crate::core::review::model::{ReviewFile, Stage};
use crate::core::review::scheme::Scheme;

/// One subject's review at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The member's id (`None`: the cell as a collective).
    pub id: Option<String>,
    pub name: String,
    pub points: Option<u32>,
    pub proposed: Option<ReviewLevel>,
    /// The highest level the rules allow for the points and facts.
    pub allowed: Option<ReviewLevel>,
    pub cell: Option<ReviewLevel>,
    pub vote: Option<Vote>,
    pub decided: Option<ReviewLevel>,
    pub unclassified: bool,
    /// The stage the review waits for (`None`: done).
    pub next: Option<Stage>,
}

impl Row {
    /// The latest stage's level: decided, else the cell's, else the proposed one.
    pub fn level(&self) -> Option<ReviewLevel> {
        self.decided.or(self.cell).or(self.proposed)
    }
}

/// Members classified at each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub excellent: usize,
    pub good: usize,
    pub complete: usize,
    pub incomplete: usize,
}

impl Counts {
    pub fn add(&mut self, level: ReviewLevel) {
        match level {
            ReviewLevel::Excellent => self.excellent += 1,
            ReviewLevel::Good => self.good += 1,
            ReviewLevel::Complete => self.complete += 1,
            ReviewLevel::Incomplete => self.incomplete += 1,
        }
    }

    pub fn get(&self, level: ReviewLevel) -> usize {
        match level {
            ReviewLevel::Excellent => self.excellent,
            ReviewLevel::Good => self.good,
            ReviewLevel::Complete => self.complete,
            ReviewLevel::Incomplete => self.incomplete,
        }
    }

    pub fn plus(self, o: Counts) -> Counts {
        Counts {
            excellent: self.excellent + o.excellent,
            good: self.good + o.good,
            complete: self.complete + o.complete,
            incomplete: self.incomplete + o.incomplete,
        }
    }
}

/// The totals of a cell (or of many).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Members with a review file in the period.
    pub reviewed: usize,
    /// Of them, those whose review is done (every stage).
    pub done: usize,
    /// By the latest stage's level.
    pub levels: Counts,
}

impl Totals {
    pub fn plus(self, o: Totals) -> Totals {
        Totals {
            reviewed: self.reviewed + o.reviewed,
            done: self.done + o.done,
            levels: self.levels.plus(o.levels),
        }
    }
}

/// One cell's reviews of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct CellSummary {
    pub cell: String,
    pub parent: Option<String>,
    pub period: Period,
    pub scheme: String,
    pub members: Vec<Row>,
    pub collective: Option<Row>,
    /// Members to review who have no file yet (`id`, name).
    pub missing: Vec<(String, String)>,
    pub totals: Totals,
}

/// A row from a file, with what the rules allow (`allowed`, computed by the caller).
pub fn row(file: &ReviewFile, name: String, allowed: Option<ReviewLevel>) -> Row {
    let s = file.self_review.as_ref();
    Row {
        id: file.member.clone(),
        name,
        points: s.and_then(|s| s.total()),
        proposed: s.and_then(|s| s.proposed),
        allowed,
        cell: file.cell.as_ref().map(|c| c.level),
        vote: file.cell.as_ref().and_then(|c| c.vote),
        decided: file.decided.as_ref().map(|d| d.level),
        unclassified: file.unclassified,
        next: file.next_stage(),
    }
}

/// Sum up a cell's rows.
pub fn totals(members: &[Row]) -> Totals {
    let mut t = Totals {
        reviewed: members.len(),
        ..Totals::default()
    };
    for r in members {
        if r.next.is_none() {
            t.done += 1;
        }
        if let Some(level) = r.level().filter(|_| !r.unclassified) {
            t.levels.add(level);
        }
    }
    t
}

/// The name of a member for a row: the roster's, else the id as written.
pub fn name_of(roster: &Roster, id: &str) -> String {
    roster
        .get(id)
        .map_or_else(|| id.to_owned(), |m| m.name.clone())
}

/// The scheme's excellent cap for a cell's counts, when it sets one.
pub fn excellent_cap(scheme: &Scheme, counts: &Counts) -> Option<usize> {
    crate::core::review::score::excellent_cap(&scheme.limits, counts.good)
}
