//! Tests of the rubric core, grouped by what they exercise.

mod builtins;
mod hd42;
mod props;
mod scoring;
mod validate;
mod year;

use std::collections::BTreeMap;

use super::{Measure, Measures, ProblemCode, Rubric, RubricProblem};

/// The start of a valid rubric, before its criteria.
const HEAD: &str = r#"
schema = 1
id = "test"
name = "Test"
[levels]
good = 90
fair = 70
average = 50
"#;

/// Parse a rubric that must be valid, showing the problems if it is not.
fn rubric(src: &str) -> Rubric {
    match Rubric::parse(src) {
        Ok(r) => r,
        Err(problems) => panic!("unexpected problems: {problems:#?}\n{src}"),
    }
}

/// Parse a rubric that must be invalid.
fn problems(src: &str) -> Vec<RubricProblem> {
    match Rubric::parse(src) {
        Ok(_) => panic!("expected problems in:\n{src}"),
        Err(problems) => problems,
    }
}

fn codes(src: &str) -> Vec<ProblemCode> {
    problems(src).into_iter().map(|p| p.code).collect()
}

/// The source text a problem's span points at.
fn spanned<'s>(src: &'s str, p: &RubricProblem) -> &'s str {
    p.span
        .clone()
        .and_then(|s| src.get(s))
        .unwrap_or("<no span>")
}

fn measures(pairs: &[(Measure, f64)]) -> Measures {
    pairs.iter().copied().collect()
}

fn scores(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|&(id, p)| (id.to_owned(), p)).collect()
}
