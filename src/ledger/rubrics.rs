//! Where rubrics come from: a file in the ledger's `rubrics/` folder (found by its `id`), else
//! one of the built-in rubrics.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::core::rubric::{Rubric, RubricProblem, builtin, find_builtin};
use crate::diagnostic::{Diagnostic, Problem};
use crate::error::{Error, Result};
use crate::i18n::tr;
use crate::ledger::{RUBRICS_DIR, read_inside};

/// Where a rubric was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File(PathBuf),
}

/// Turn a rubric's problems into located diagnostics.
pub fn problems_to_diagnostics(
    path: &Path,
    text: &str,
    problems: &[RubricProblem],
) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|p| Diagnostic::of(&Problem::Rubric(p.clone()), path).at(text, p.span.clone()))
        .collect()
}

/// The ledger's rubric files, parsed (broken ones are skipped here; `rubric check` reports them).
fn ledger_rubrics(root: &Path) -> Vec<(PathBuf, Rubric)> {
    let dir = root.join(RUBRICS_DIR);
    let Ok(rd) = fs::read_dir(&dir) else {
        return vec![];
    };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let src = read_inside(root, &p).ok()?;
            Rubric::parse(&src.text).ok().map(|r| (p, r))
        })
        .collect()
}

/// Find and parse the rubric `id`: the ledger's own first, then the built-ins.
pub fn load(root: &Path, id: &str) -> Result<(Origin, Rubric)> {
    // The usual case: the file is named after its id.
    let named = root.join(RUBRICS_DIR).join(format!("{id}.toml"));
    if crate::core::model::MeetingId::parse(id).is_none()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && named.is_file()
    {
        let src = read_inside(root, &named).map_err(|d| Error::Invalid(vec![*d]))?;
        match Rubric::parse(&src.text) {
            Ok(r) if r.id() == id => return Ok((Origin::File(named), r)),
            Ok(_) => {}
            Err(problems) => {
                return Err(Error::Invalid(problems_to_diagnostics(
                    &named, &src.text, &problems,
                )));
            }
        }
    }
    if let Some((path, r)) = ledger_rubrics(root).into_iter().find(|(_, r)| r.id() == id) {
        return Ok((Origin::File(path), r));
    }
    if let Some(src) = find_builtin(id) {
        return Rubric::parse(src)
            .map(|r| (Origin::Builtin, r))
            .map_err(|p| Error::Invalid(problems_to_diagnostics(Path::new(id), src, &p)));
    }
    Err(Error::refused_with(
        format!("{} '{id}'", tr("không có bộ tiêu chí", "unknown rubric")),
        format!(
            "{}: {}",
            tr("các bộ có sẵn", "built in"),
            builtin()
                .iter()
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

/// Refuse an unknown rubric id before anything is written.
pub fn ensure_known(root: &Path, id: &str) -> Result<()> {
    load(root, id).map(|_| ())
}

/// Every rubric a ledger can use: its own files, then the built-ins.
pub fn all(root: &Path) -> Vec<(Origin, Rubric)> {
    let mut out: Vec<(Origin, Rubric)> = ledger_rubrics(root)
        .into_iter()
        .map(|(p, r)| (Origin::File(p), r))
        .collect();
    for (id, src) in builtin() {
        if out.iter().any(|(_, r)| r.id() == id) {
            continue;
        }
        if let Ok(r) = Rubric::parse(src) {
            out.push((Origin::Builtin, r));
        }
    }
    out
}

/// Rubrics loaded once per run, for commands that rate many meetings.
pub struct Cache {
    root: PathBuf,
    loaded: RefCell<HashMap<String, Option<Rc<Rubric>>>>,
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache {
            root: root.to_path_buf(),
            loaded: RefCell::new(HashMap::new()),
        }
    }

    pub fn get(&self, id: &str) -> Option<Rc<Rubric>> {
        if let Some(r) = self.loaded.borrow().get(id) {
            return r.clone();
        }
        let r = load(&self.root, id).ok().map(|(_, r)| Rc::new(r));
        self.loaded.borrow_mut().insert(id.to_owned(), r.clone());
        r
    }
}
