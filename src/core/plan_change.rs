//! `plan` on a meeting already planned: the fields given change the plan, and each change is
//! said back. Single values are replaced; topics, assignments and directives are added to
//! their lists (as `record --guest` adds), an entry already there is not added twice.

use chrono::{NaiveDate, NaiveTime};

use crate::core::dates::{show_date, show_time};
use crate::core::lang::Lang;
use crate::core::model::{Assignment, Directive, Plan};

/// One change made to a plan, with the value before it where there was one.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanChange {
    Title {
        from: Option<String>,
        to: String,
    },
    Time {
        from: Option<NaiveTime>,
        to: NaiveTime,
    },
    Place {
        from: Option<String>,
        to: String,
    },
    DocsSent {
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    CommitteeMet {
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    Notified {
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    DraftResolution,
    Topic(String),
    Assignment(Assignment),
    Directive(Directive),
}

/// Replace `slot` with `given` when it differs; the value before, when it changed.
fn replace<T: Clone + PartialEq>(slot: &mut Option<T>, given: Option<&T>) -> Option<Option<T>> {
    let given = given?;
    if slot.as_ref() == Some(given) {
        return None;
    }
    Some(slot.replace(given.clone()))
}

/// Add the plan's `given` fields to `plan`; the changes made, in the order of the file.
/// `given` holds only what the person typed (no default time or place).
pub fn merge(plan: &mut Plan, given: &Plan) -> Vec<PlanChange> {
    let mut changes = Vec::new();
    if let (Some(from), Some(to)) = (replace(&mut plan.time, given.time.as_ref()), given.time) {
        changes.push(PlanChange::Time { from, to });
    }
    if let (Some(from), Some(to)) = (replace(&mut plan.place, given.place.as_ref()), &given.place) {
        changes.push(PlanChange::Place {
            from,
            to: to.clone(),
        });
    }
    for topic in &given.topics {
        if !plan.topics.contains(topic) {
            plan.topics.push(topic.clone());
            changes.push(PlanChange::Topic(topic.clone()));
        }
    }
    if let (Some(from), Some(to)) = (
        replace(&mut plan.docs_sent, given.docs_sent.as_ref()),
        given.docs_sent,
    ) {
        changes.push(PlanChange::DocsSent { from, to });
    }
    if let (Some(from), Some(to)) = (
        replace(&mut plan.committee_met, given.committee_met.as_ref()),
        given.committee_met,
    ) {
        changes.push(PlanChange::CommitteeMet { from, to });
    }
    if let (Some(from), Some(to)) = (
        replace(&mut plan.notified, given.notified.as_ref()),
        given.notified,
    ) {
        changes.push(PlanChange::Notified { from, to });
    }
    if given.draft_resolution && !plan.draft_resolution {
        plan.draft_resolution = true;
        changes.push(PlanChange::DraftResolution);
    }
    for a in &given.assignments {
        if !plan.assignments.contains(a) {
            plan.assignments.push(a.clone());
            changes.push(PlanChange::Assignment(a.clone()));
        }
    }
    for d in &given.directives {
        if !plan.directives.iter().any(|o| o.reference == d.reference) {
            plan.directives.push(d.clone());
            changes.push(PlanChange::Directive(d.clone()));
        }
    }
    changes
}

/// A change in words, one line: `giờ: 14:00 → 15:00`, `thêm nội dung: …`.
pub fn describe(change: &PlanChange, lang: Lang) -> String {
    let none = lang.pick("(chưa có)", "(none)");
    let was = |from: Option<String>| from.unwrap_or_else(|| none.to_owned());
    let date = |d: NaiveDate| show_date(d, lang);
    let dated = |what: &str, from: Option<NaiveDate>, to: NaiveDate| {
        format!("{what}: {} → {}", was(from.map(date)), date(to))
    };
    match change {
        PlanChange::Title { from, to } => format!(
            "{}: {} → {to}",
            lang.pick("tên", "title"),
            was(from.clone())
        ),
        PlanChange::Time { from, to } => format!(
            "{}: {} → {}",
            lang.pick("giờ", "time"),
            was(from.map(show_time)),
            show_time(*to)
        ),
        PlanChange::Place { from, to } => format!(
            "{}: {} → {to}",
            lang.pick("địa điểm", "place"),
            was(from.clone())
        ),
        PlanChange::DocsSent { from, to } => {
            dated(lang.pick("ngày gửi tài liệu", "documents sent"), *from, *to)
        }
        PlanChange::CommitteeMet { from, to } => dated(
            lang.pick("ngày chi ủy họp chuẩn bị", "committee met"),
            *from,
            *to,
        ),
        PlanChange::Notified { from, to } => dated(
            lang.pick("ngày thông báo đến đảng viên", "members notified"),
            *from,
            *to,
        ),
        PlanChange::DraftResolution => lang
            .pick("đã có dự thảo nghị quyết", "a draft resolution is ready")
            .to_owned(),
        PlanChange::Topic(t) => format!("{}: {t}", lang.pick("thêm nội dung", "topic added")),
        PlanChange::Assignment(a) => format!(
            "{}: {} — {}",
            lang.pick("thêm phân công", "part assigned"),
            a.member,
            a.task
        ),
        PlanChange::Directive(d) => format!(
            "{}: {}",
            lang.pick("thêm văn bản", "directive added"),
            d.reference
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn given_values_replace_and_lists_grow_without_twins() {
        let mut plan = Plan {
            time: NaiveTime::from_hms_opt(14, 0, 0),
            topics: vec!["A".into()],
            ..Plan::default()
        };
        let given = Plan {
            time: NaiveTime::from_hms_opt(15, 0, 0),
            topics: vec!["A".into(), "B".into()],
            docs_sent: Some(d("2026-12-08")),
            draft_resolution: true,
            ..Plan::default()
        };
        let changes = merge(&mut plan, &given);
        assert_eq!(plan.topics, vec!["A", "B"]);
        assert_eq!(plan.time, NaiveTime::from_hms_opt(15, 0, 0));
        let said: Vec<String> = changes.iter().map(|c| describe(c, Lang::Vi)).collect();
        assert_eq!(
            said,
            vec![
                "giờ: 14:00 → 15:00",
                "thêm nội dung: B",
                "ngày gửi tài liệu: (chưa có) → 08/12/2026",
                "đã có dự thảo nghị quyết",
            ]
        );
        // The same again changes nothing.
        assert!(merge(&mut plan, &given).is_empty());
    }

    #[test]
    fn nothing_given_changes_nothing() {
        let mut plan = Plan {
            place: Some("Hội trường".into()),
            draft_resolution: true,
            ..Plan::default()
        };
        let before = plan.clone();
        assert!(merge(&mut plan, &Plan::default()).is_empty());
        assert_eq!(plan, before);
    }

    /// Every field of the plan is merged: the literal names them all, so a field added to
    /// `Plan` stops this test from compiling until `merge` (and this test) know it.
    #[test]
    fn every_field_given_reaches_an_empty_plan() {
        let given = Plan {
            time: NaiveTime::from_hms_opt(14, 0, 0),
            place: Some("Hội trường".into()),
            topics: vec!["A".into()],
            docs_sent: Some(d("2026-12-08")),
            committee_met: Some(d("2026-12-05")),
            notified: Some(d("2026-12-04")),
            draft_resolution: true,
            assignments: vec![Assignment {
                member: "lan".into(),
                task: "Thời sự".into(),
            }],
            directives: vec![Directive {
                reference: "12-HD/BTCTW".into(),
                date: None,
                title: None,
            }],
        };
        let mut plan = Plan::default();
        let changes = merge(&mut plan, &given);
        assert_eq!(plan, given);
        assert_eq!(changes.len(), 9);
    }
}
