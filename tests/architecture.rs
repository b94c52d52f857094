//! The architecture, checked on the source (issue 10): `src/core` computes without I/O and
//! without the global language; no command imports another; the top-level modules of `src/`
//! import each other without a cycle, and `core` imports nothing from the shell.
//!
//! The scans read the text, not the syntax tree: comments are dropped, and a `use` group on one
//! line (`use std::{fs, io};`) is read as its names. Each scan is a function, tested below on a
//! source that breaks its rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What `src/core` may not name: I/O, the process, the command line, prompts, and the language
/// the shell sets globally (the core takes a `Lang` value).
const CORE_FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::io",
    "std::env",
    "std::process",
    "clap",
    "inquire",
    "crate::i18n",
    "i18n::",
    "tr(",
    "set_lang",
    "lang()",
];

/// Commands that borrow from another command: none, and none may be added (issue 10, item 2).
/// What commands share lives in a named module.
const KNOWN_COMMAND_IMPORTS: &[(&str, &str)] = &[];

/// Imports between top-level modules that close a cycle: none, and none may be added.
const KNOWN_CYCLE_EDGES: &[(&str, &str)] = &[];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The code of a line: without its `//` comment, and with a one-line `use` group written out
/// (`std::{fs, io::Read}` → `std::fs std::io::Read`).
fn code(line: &str) -> String {
    let line = line.find("//").map_or(line, |i| &line[..i]);
    let mut out = line.to_owned();
    if let Some(open) = line.find("::{")
        && let Some(close) = line[open..].find('}')
    {
        let prefix_start = line[..open]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        let prefix = &line[prefix_start..open];
        for name in line[open + 3..open + close].split(',') {
            out.push_str(&format!(" {prefix}::{}", name.trim()));
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where `needle` stands as a whole name in `hay`: not inside a longer identifier (`str(` is not
/// `tr(`, `std::iter` is not `std::io`) and, for a call, not a method (`x.lang()`).
fn names(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let starts_ident = needle.starts_with(is_ident);
        let ends_ident = needle.ends_with(is_ident);
        let clean_before = !starts_ident || before.is_none_or(|c| !is_ident(c) && c != '.');
        let clean_after = !ends_ident || after.is_none_or(|c| !is_ident(c));
        clean_before && clean_after
    })
}

/// `file:line: names X` for each forbidden name in a core file.
fn core_violations(file: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = code(line);
        for bad in CORE_FORBIDDEN {
            if names(&code, bad) {
                out.push(format!("{file}:{}: names `{bad}`: {}", n + 1, line.trim()));
            }
        }
    }
    out
}

/// `file:line: imports command X` for each other command a command file names.
fn command_violations(
    file: &str,
    me: &str,
    commands: &BTreeSet<String>,
    text: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = code(line);
        for other in commands.iter().filter(|c| c.as_str() != me) {
            for path in [
                format!("crate::commands::{other}"),
                format!("super::{other}"),
            ] {
                if names(&code, &path) {
                    out.push(format!("{file}:{}: imports command `{other}`", n + 1));
                }
            }
        }
    }
    out
}

/// The top-level modules `text` names as `crate::X`, with the first line naming each.
fn crate_uses(text: &str, modules: &BTreeSet<String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let code = code(line);
        for m in modules {
            if names(&code, &format!("crate::{m}")) {
                out.entry(m.clone()).or_insert(n + 1);
            }
        }
    }
    out
}

/// A cycle in `graph`, as the modules around it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

/// The top-level module a file under `src/` belongs to (`ledger/period.rs` → `ledger`).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

#[test]
fn the_core_does_no_io_and_reads_no_global_language() {
    let src = src();
    let files = rust_files(&src.join("core"));
    assert!(files.len() > 10, "src/core is where it should be");
    let problems: Vec<String> = files
        .iter()
        .flat_map(|f| {
            core_violations(
                &f.strip_prefix(&src).unwrap_or(f).display().to_string(),
                &read(f),
            )
        })
        .collect();
    assert!(
        problems.is_empty(),
        "src/core must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_command_imports_another() {
    let dir = src().join("commands");
    let files: Vec<PathBuf> = rust_files(&dir)
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "mod.rs"))
        .collect();
    let commands: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.file_stem()?.to_str().map(str::to_owned))
        .collect();
    assert!(commands.contains("record") && commands.contains("report"));
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let me = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            command_violations(&format!("commands/{me}.rs"), me, &commands, &read(f))
        })
        .collect();
    let known = |v: &String, (me, other): (&str, &str)| {
        v.starts_with(&format!("commands/{me}.rs:")) && v.ends_with(&format!("`{other}`"))
    };
    for &pair in KNOWN_COMMAND_IMPORTS {
        assert!(
            found.iter().any(|v| known(v, pair)),
            "{pair:?} no longer imports the other command: remove it from KNOWN_COMMAND_IMPORTS"
        );
    }
    let problems: Vec<&String> = found
        .iter()
        .filter(|v| !KNOWN_COMMAND_IMPORTS.iter().any(|&pair| known(v, pair)))
        .collect();
    assert!(
        problems.is_empty(),
        "a command imports another; move what they share to a named module:\n{}",
        problems
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    let src = src();
    let files = rust_files(&src);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut where_from: BTreeMap<(String, String), String> = BTreeMap::new();
    for f in &files {
        let Some(from) = top_module(&src, f) else {
            continue;
        };
        graph.entry(from.clone()).or_default();
        for (to, line) in crate_uses(&read(f), &modules) {
            if to != from {
                let at = format!("{}:{line}", f.strip_prefix(&src).unwrap_or(f).display());
                where_from.entry((from.clone(), to.clone())).or_insert(at);
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    let core_out: Vec<String> = graph["core"]
        .iter()
        .map(|to| {
            format!(
                "core → {to} ({})",
                where_from[&("core".to_owned(), to.clone())]
            )
        })
        .collect();
    assert!(
        core_out.is_empty(),
        "the core imports the shell:\n{}",
        core_out.join("\n")
    );
    for &(from, to) in KNOWN_CYCLE_EDGES {
        let edges = graph.get_mut(from).expect("a module");
        assert!(
            edges.remove(to),
            "{from} no longer imports {to}: remove it from KNOWN_CYCLE_EDGES"
        );
    }
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| {
                format!(
                    "{} → {} ({})",
                    w[0],
                    w[1],
                    where_from[&(w[0].clone(), w[1].clone())]
                )
            })
            .collect();
        panic!("an import cycle:\n{}", steps.join("\n"));
    }
}

// Each scan fails on a planted violation.

#[test]
fn the_core_scan_finds_io_and_the_global_language() {
    let text = "use std::path::Path;\n// std::fs in a comment is fine\nuse std::{fmt, fs};\nfn f() { let s = x.to_str(); }\nfn g() -> &str { tr(\"a\", \"b\") }\nlet l = crate::i18n::lang();\nuse std::iter;\nlet v = cfg.lang();\n";
    let found = core_violations("core/x.rs", text);
    assert_eq!(
        found,
        [
            "core/x.rs:3: names `std::fs`: use std::{fmt, fs};",
            "core/x.rs:5: names `tr(`: fn g() -> &str { tr(\"a\", \"b\") }",
            "core/x.rs:6: names `crate::i18n`: let l = crate::i18n::lang();",
            "core/x.rs:6: names `i18n::`: let l = crate::i18n::lang();",
            "core/x.rs:6: names `lang()`: let l = crate::i18n::lang();",
        ]
    );
    for bad in [
        "std::io::Write",
        "std::env::var",
        "std::process::exit",
        "clap::Args",
        "inquire::Text",
        "set_lang(x)",
    ] {
        assert_eq!(core_violations("c.rs", bad).len(), 1, "{bad}");
    }
}

#[test]
fn the_command_scan_finds_a_borrowed_command() {
    let commands: BTreeSet<String> = ["list", "show", "rate"].map(String::from).into();
    let text = "use crate::commands::list::level_label;\nuse super::rate;\nuse crate::commands::show;\nuse crate::commands::listing;\n";
    assert_eq!(
        command_violations("commands/show.rs", "show", &commands, text),
        [
            "commands/show.rs:1: imports command `list`",
            "commands/show.rs:2: imports command `rate`"
        ]
    );
}

#[test]
fn the_cycle_scan_finds_a_cycle() {
    let modules: BTreeSet<String> = ["cli", "commands", "core"].map(String::from).into();
    let uses = crate_uses(
        "use crate::{cli, core::model};\n/// [`crate::commands`]\n",
        &modules,
    );
    assert_eq!(uses.keys().collect::<Vec<_>>(), ["cli", "core"]);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph
        .entry("cli".into())
        .or_default()
        .insert("commands".into());
    graph
        .entry("commands".into())
        .or_default()
        .insert("core".into());
    graph.entry("core".into()).or_default();
    assert_eq!(find_cycle(&graph), None);
    graph
        .entry("commands".into())
        .or_default()
        .insert("cli".into());
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["cli".into(), "commands".into(), "cli".into()])
    );
}
