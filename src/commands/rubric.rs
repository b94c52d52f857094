//! `cellbook rubric`: the rubrics a ledger can rate with.

use clap::Subcommand;
use std::fmt::Write;
use std::path::PathBuf;

use comfy_table::Cell;

use crate::context::Context;
use crate::core::level::Level;
use crate::core::rubric::Rubric;
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::ledger::read_source;
use crate::ledger::rubrics::{self, Origin, problems_to_diagnostics};
use crate::output::Output;
use crate::render::table;

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// List the rubrics this ledger can use
    #[command(after_help = "Example:\n  cellbook rubric list")]
    List,
    /// Show a rubric's criteria, bands, levels and gates
    #[command(after_help = "Example:\n  cellbook rubric show hd42-2025")]
    Show {
        id: String,
        /// Print the rubric as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Check a rubric file and report every problem
    #[command(after_help = "Example:\n  cellbook rubric check rubrics/my-ward-2025.toml")]
    Check { file: PathBuf },
}

pub fn run(ctx: &Context, cmd: RubricCommand) -> Result<Output> {
    let root = match ctx.open() {
        Ok(l) => Some(l.root),
        Err(Error::NotALedger { .. }) => None,
        Err(e) => return Err(e),
    };
    let root = root.unwrap_or_default();
    if ctx.lang.is_some() || ctx.ledger.is_none() && crate::ledger::Ledger::find(&ctx.cwd).is_err()
    {
        ctx.speak(None);
    }
    match cmd {
        RubricCommand::List => {
            let mut t = table::new(vec![
                tr("Mã", "Id"),
                tr("Tên", "Name"),
                tr("Điểm", "Points"),
                tr("Nguồn", "Source"),
            ]);
            for (origin, r) in rubrics::all(&root) {
                let from = match origin {
                    Origin::Builtin => tr("có sẵn", "built in").to_owned(),
                    Origin::File(p) => p.display().to_string(),
                };
                t.add_row(vec![
                    Cell::new(r.id()),
                    Cell::new(r.name()),
                    Cell::new(r.max_total()),
                    Cell::new(from),
                ]);
            }
            Ok(Output::text(crate::render::shown(format!("{t}\n"))))
        }
        RubricCommand::Show { id, json } => {
            let (_, r) = rubrics::load(&root, &id)?;
            if json {
                let text = serde_json::to_string_pretty(&r.data())
                    .map_err(|e| Error::refused(e.to_string()))?;
                return Ok(Output::text(text + "\n"));
            }
            Ok(Output::text(crate::render::shown(show(&r))))
        }
        RubricCommand::Check { file } => {
            let src = read_source(&file).map_err(|d| Error::Invalid(vec![*d]))?;
            match Rubric::parse(&src.text) {
                Ok(r) => Ok(Output::text(format!(
                    "{} {} ({}, {} {})\n",
                    tr("Bộ tiêu chí hợp lệ:", "The rubric is valid:"),
                    r.id(),
                    r.name(),
                    r.max_total(),
                    tr("điểm", "points")
                ))),
                Err(problems) => Err(Error::Invalid(problems_to_diagnostics(
                    &file, &src.text, &problems,
                ))),
            }
        }
    }
}

fn show(r: &Rubric) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", r.name(), r.id());
    if let Some(d) = r.description_in(lang()) {
        let _ = writeln!(out, "{}", d.trim());
    }
    let mut t = table::new(vec![
        tr("Tiêu chí", "Criterion"),
        tr("Tiêu đề", "Title"),
        tr("Tối đa", "Max"),
        tr("Cách chấm", "How scored"),
    ]);
    for c in r.criteria() {
        let how = match &c.measured {
            Some(m) => {
                let bands: Vec<String> = m
                    .bands
                    .iter()
                    .map(|b| {
                        format!(
                            "{} → {}",
                            m.measure.range_words(&b.bounds, lang()),
                            b.points
                        )
                    })
                    .collect();
                let caps: String = m
                    .caps
                    .iter()
                    .map(|c| {
                        format!(
                            "; {} {} {} {} {}",
                            tr("tối đa", "at most"),
                            c.points,
                            tr("khi", "while"),
                            c.measure.name(lang()),
                            c.measure.range_words(&c.bounds, lang())
                        )
                    })
                    .collect();
                format!("{}: {}{caps}", m.measure.name(lang()), bands.join("; "))
            }
            None => tr("người đánh giá chấm", "scored by the raters").to_owned(),
        };
        t.add_row(vec![
            Cell::new(&c.id),
            Cell::new(&c.title),
            Cell::new(c.max),
            Cell::new(how),
        ]);
    }
    let _ = writeln!(out, "{t}");
    let levels = r.levels();
    let _ = writeln!(
        out,
        "{}: {} ≥ {}, {} ≥ {}, {} ≥ {}, {} < {}",
        tr("Mức", "Levels"),
        Level::Good.label(lang()),
        levels.threshold(Level::Good),
        Level::Fair.label(lang()),
        levels.threshold(Level::Fair),
        Level::Average.label(lang()),
        levels.threshold(Level::Average),
        Level::Poor.label(lang()),
        levels.threshold(Level::Average)
    );
    for g in r.gates() {
        let _ = writeln!(
            out,
            "{} {}: {}",
            tr("Điều kiện để đạt", "To reach"),
            g.level.label(lang()),
            describe_gate(&g.condition)
        );
    }
    out
}

fn describe_gate(c: &crate::core::rubric::GateCondition) -> String {
    use crate::core::rubric::GateCondition;
    match c {
        GateCondition::FullMarks(ids) => format!(
            "{} {}",
            tr("đạt điểm tối đa ở", "full marks on"),
            ids.join(", ")
        ),
        GateCondition::Measure { measure, bounds } => {
            format!(
                "{} {}",
                measure.name(lang()),
                measure.range_words(bounds, lang())
            )
        }
    }
}
