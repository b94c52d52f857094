//! Benchmarks of the pure core, on the example ledger (examples/thuan-bac): parsing a meeting
//! file, rating a meeting, and aggregating a quarter for one cell and for a roll-up.
//!
//! `cargo bench --bench core`. Whole commands on generated ledgers are timed by benches/run.sh.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use cellbook::core::model::{Meeting, Roster};
use cellbook::core::period::Period;
use cellbook::core::report::aggregate::{self, CellInput};
use cellbook::core::rubric::{Rubric, find_builtin, score};
use cellbook::ledger::{Ledger, MeetingFile, Source, parse_source};
use cellbook::rating::measures_at;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

const MEETING: &str = include_str!("../examples/thuan-bac/meetings/2020/2020-07-09.toml");
const ROSTER: &str = include_str!("../examples/thuan-bac/members.toml");

fn example() -> (Ledger, Vec<MeetingFile>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac");
    let ledger = Ledger::open(&root).expect("the example ledger opens");
    let meetings = ledger.load_meetings(None).expect("its meetings load");
    (ledger, meetings)
}

fn source(text: &str) -> Source {
    Source {
        path: PathBuf::from("m.toml"),
        text: text.to_owned(),
    }
}

fn parsing(c: &mut Criterion) {
    let meeting = source(MEETING);
    c.bench_function("parse a meeting file (7 KB)", |b| {
        b.iter(|| parse_source::<Meeting>(black_box(&meeting)).expect("parses"))
    });
    let roster = source(ROSTER);
    c.bench_function("parse a roster (11 members)", |b| {
        b.iter(|| parse_source::<Roster>(black_box(&roster)).expect("parses"))
    });
    let rubric = find_builtin("hd42-2025").expect("built in");
    c.bench_function("parse a rubric (hd42-2025)", |b| {
        b.iter(|| Rubric::parse(black_box(rubric)).expect("parses"))
    });
}

fn rating(c: &mut Criterion) {
    let (ledger, meetings) = example();
    let rubric = Rubric::parse(find_builtin("hd42-2025").expect("built in")).expect("parses");
    let last = meetings.len() - 1;
    let scores = meetings[last]
        .meeting
        .rating
        .as_ref()
        .expect("the example is rated")
        .scores
        .clone();
    c.bench_function("rate a meeting (measure + score)", |b| {
        b.iter(|| {
            let measures = measures_at(&ledger, black_box(&meetings), last);
            score(&rubric, &measures, &scores).expect("scores")
        })
    });
}

fn aggregating(c: &mut Criterion) {
    let (ledger, files) = example();
    let meetings: Vec<_> = files.iter().map(|f| (f.id, f.meeting.clone())).collect();
    let cfg = &ledger.config;
    let period = Period::parse("2020-Q3").expect("a quarter");
    let today = NaiveDate::from_ymd_opt(2020, 11, 28).expect("a date");
    let id = cfg.cell.identity();
    let input = CellInput {
        id: &id,
        name: &cfg.cell.name,
        parent: cfg.cell.parent.as_deref(),
        place: cfg.meetings.place.as_deref(),
        rules: &cfg.meetings,
        rating: &cfg.rating,
        roster: &ledger.roster,
        meetings: &meetings,
        period,
        today,
        year_rubric: None,
        since: None,
    };
    c.bench_function("aggregate a quarter (one cell)", |b| {
        b.iter(|| aggregate::cell(black_box(&input)))
    });
    let one = aggregate::cell(&input);
    let cells = vec![one; 1000];
    c.bench_function("roll up a quarter (1,000 cell reports)", |b| {
        b.iter(|| aggregate::report(period, black_box(cells.clone()), today))
    });
}

criterion_group!(benches, parsing, rating, aggregating);
criterion_main!(benches);
