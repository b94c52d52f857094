//! A review scheme: the rules of a review as data, like a rubric. Criterion groups with their
//! maximum points, the levels with their minimum points and conditions, for a member and for
//! the cell as a collective, and the limits across the cell.

use serde::{Deserialize, Serialize};

use crate::core::lang::Lang;
use crate::core::problem::{Words, w};
use crate::core::review::level::ReviewLevel;

/// A whole scheme file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub schema: u32,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub limits: Limits,
    /// The rules for a member.
    pub member: Subject,
    /// The rules for the cell as a collective.
    pub collective: Subject,
}

/// Limits across the cell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// At most this percentage of the members rated good may be rated excellent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excellent_share_of_good: Option<u32>,
    /// A member admitted less than this many months before the period ends is reviewed but not
    /// classified (for a probationary member, `joined` is the day of admission).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unclassified_within_months: Option<u32>,
}

/// The groups and levels for one kind of subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub groups: Vec<Group>,
    pub levels: Vec<LevelRule>,
}

/// A criterion group and the most points it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub max: u32,
}

/// A level: reached with at least `min` points when every condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    pub level: ReviewLevel,
    pub min: u32,
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

/// A condition on one fact of the period: a percentage at least `min` (or at most `max`), or
/// a yes/no fact that must be `is`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub fact: Fact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<bool>,
}

/// The facts a condition can test: what the self-assessment records besides the points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// Share of the assigned tasks done, in percent (`--tasks-done`).
    TasksDone,
    /// Share of the assigned tasks done on time, with quality, in percent (`--tasks-on-time`).
    TasksOnTime,
    /// Share of the assigned tasks done beyond what was asked, in percent (`--tasks-exceeded`).
    TasksExceeded,
    /// Disciplined in the period (a member), or a member of the collective disciplined
    /// (`--disciplined`).
    Disciplined,
}

impl Fact {
    pub fn key(self) -> &'static str {
        match self {
            Fact::TasksDone => "tasks_done",
            Fact::TasksOnTime => "tasks_on_time",
            Fact::TasksExceeded => "tasks_exceeded",
            Fact::Disciplined => "disciplined",
        }
    }

    /// Whether the fact is yes/no (else a percentage).
    pub fn is_flag(self) -> bool {
        self == Fact::Disciplined
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Fact::TasksDone => lang.pick("nhiệm vụ hoàn thành", "tasks done"),
            Fact::TasksOnTime => lang.pick(
                "nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
                "tasks done on time, with quality",
            ),
            Fact::TasksExceeded => lang.pick(
                "nhiệm vụ hoàn thành vượt mức yêu cầu",
                "tasks done beyond what was asked",
            ),
            Fact::Disciplined => lang.pick("bị kỷ luật trong kỳ", "disciplined in the period"),
        }
    }
}

/// The only scheme-file version this build reads.
pub const SCHEME_SCHEMA: u32 = 1;

impl Scheme {
    /// Parse and validate a scheme file; every problem in words, in both languages.
    pub fn parse(text: &str) -> Result<Scheme, Vec<Words>> {
        let scheme: Scheme = toml::from_str(text).map_err(|e| {
            let m = e.message().trim().replace('\n', "; ");
            vec![w(m.clone(), m)]
        })?;
        let problems = scheme.problems();
        if problems.is_empty() {
            Ok(scheme)
        } else {
            Err(problems)
        }
    }

    /// The rules for a member, or for the collective.
    pub fn subject(&self, collective: bool) -> &Subject {
        if collective {
            &self.collective
        } else {
            &self.member
        }
    }

    /// What is wrong with a scheme that parsed.
    pub fn problems(&self) -> Vec<Words> {
        let mut out = Vec::new();
        if self.schema != SCHEME_SCHEMA {
            out.push(w(
                format!("không hỗ trợ phiên bản định dạng {}", self.schema),
                format!("unsupported format version {}", self.schema),
            ));
        }
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !id_ok {
            out.push(w(
                format!(
                    "mã bộ quy tắc '{}' không hợp lệ (chữ thường không dấu, số, -, _)",
                    self.id
                ),
                format!(
                    "invalid scheme id '{}' (lowercase ASCII letters, digits, -, _)",
                    self.id
                ),
            ));
        }
        if self.limits.excellent_share_of_good.is_some_and(|p| p > 100) {
            out.push(w(
                "`limits.excellent_share_of_good` là phần trăm, không quá 100",
                "`limits.excellent_share_of_good` is a percentage, at most 100",
            ));
        }
        for (name, subject) in [("member", &self.member), ("collective", &self.collective)] {
            subject_problems(name, subject, &mut out);
        }
        out
    }
}

fn subject_problems(name: &str, s: &Subject, out: &mut Vec<Words>) {
    if s.groups.is_empty() {
        out.push(w(
            format!("`{name}` không có nhóm tiêu chí nào"),
            format!("`{name}` has no criterion groups"),
        ));
    }
    for (i, g) in s.groups.iter().enumerate() {
        if s.groups[..i].iter().any(|o| o.id == g.id) {
            out.push(w(
                format!("`{name}`: nhóm '{}' khai báo hai lần", g.id),
                format!("`{name}`: group '{}' is declared twice", g.id),
            ));
        }
        if g.max == 0 || g.max > 1000 {
            out.push(w(
                format!("`{name}`: nhóm '{}' cần điểm tối đa từ 1 đến 1000", g.id),
                format!("`{name}`: group '{}' needs a max from 1 to 1000", g.id),
            ));
        }
    }
    let total: u32 = s.groups.iter().map(|g| g.max.min(1000)).sum();
    let mut previous: Option<&LevelRule> = None;
    for l in &s.levels {
        if s.levels.iter().filter(|o| o.level == l.level).count() > 1 {
            out.push(w(
                format!("`{name}`: mức '{}' khai báo hai lần", l.level),
                format!("`{name}`: level '{}' is declared twice", l.level),
            ));
        }
        if let Some(p) = previous
            && (p.level <= l.level || p.min < l.min)
        {
            out.push(w(
                format!("`{name}`: các mức phải xếp từ cao xuống thấp, điểm tối thiểu không tăng ('{}' sau '{}')", l.level, p.level),
                format!("`{name}`: levels go best first, with minimum points not rising ('{}' after '{}')", l.level, p.level),
            ));
        }
        if l.min > total {
            out.push(w(
                format!(
                    "`{name}`: mức '{}' cần {} điểm, nhiều hơn tổng điểm tối đa {total}",
                    l.level, l.min
                ),
                format!(
                    "`{name}`: level '{}' needs {} points, more than the {total} possible",
                    l.level, l.min
                ),
            ));
        }
        for c in &l.conditions {
            condition_problems(name, l.level, c, out);
        }
        previous = Some(l);
    }
    match s.levels.last() {
        Some(l) if l.level == ReviewLevel::Incomplete && l.min == 0 && l.conditions.is_empty() => {}
        _ => out.push(w(
            format!("`{name}`: mức cuối phải là 'incomplete' với min = 0 và không có điều kiện"),
            format!("`{name}`: the last level must be 'incomplete' with min = 0 and no conditions"),
        )),
    }
}

fn condition_problems(name: &str, level: ReviewLevel, c: &Condition, out: &mut Vec<Words>) {
    let ok = if c.fact.is_flag() {
        c.is.is_some() && c.min.is_none() && c.max.is_none()
    } else {
        c.is.is_none()
            && (c.min.is_some() || c.max.is_some())
            && [c.min, c.max].into_iter().flatten().all(|v| v <= 100)
    };
    if !ok {
        let form = if c.fact.is_flag() {
            "is = true|false"
        } else {
            "min = 0..100 / max = 0..100"
        };
        out.push(w(
            format!(
                "`{name}`, mức '{level}': điều kiện về '{}' cần {form}",
                c.fact.key()
            ),
            format!(
                "`{name}`, level '{level}': the condition on '{}' needs {form}",
                c.fact.key()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_schemes_are_valid() {
        for (id, src) in crate::core::review::builtin::builtin() {
            let s = Scheme::parse(src).unwrap_or_else(|p| panic!("{id}: {p:?}"));
            assert_eq!(s.id, id);
        }
    }

    #[test]
    fn a_broken_scheme_names_each_problem() {
        let src = crate::core::review::builtin::builtin()[0].1;
        let broken = src
            .replacen("max = 30", "max = 0", 1)
            .replacen("min = 90", "min = 500", 1);
        let problems = Scheme::parse(&broken).expect_err("broken");
        let en: Vec<&str> = problems.iter().map(|p| p.en.as_str()).collect();
        assert!(en.iter().any(|p| p.contains("needs a max")), "{en:?}");
        assert!(en.iter().any(|p| p.contains("more than the")), "{en:?}");
        assert!(Scheme::parse("not toml [").is_err());
    }
}
