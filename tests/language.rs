//! Every message exists in both languages: each `tr("vi", "en")` call in the source has two
//! non-empty texts, and they differ (a text left untranslated is the same in both).

use std::path::Path;

/// Read a Rust string literal at the start of `s` (after white space); return it and the rest.
fn literal(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, e)) = chars.next() {
                    out.push(e);
                }
            }
            '"' => return Some((out, &body[i + 1..])),
            _ => out.push(c),
        }
    }
    None
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_message_lacks_a_language() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut calls = 0;
    let mut problems = Vec::new();
    for file in files {
        // Comments may quote the call itself; only code counts.
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("tr(") {
            let before = rest[..at].chars().last();
            rest = &rest[at + 3..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let Some((vi, after)) = literal(rest) else {
                continue;
            };
            let Some(after) = after.trim_start().strip_prefix(',') else {
                continue;
            };
            let Some((en, _)) = literal(after) else {
                continue;
            };
            calls += 1;
            if vi.trim().is_empty() || en.trim().is_empty() || vi == en {
                problems.push(format!("{}: tr({vi:?}, {en:?})", file.display()));
            }
        }
    }
    assert!(
        calls > 300,
        "only {calls} tr() calls found: is the scanner broken?"
    );
    assert!(
        problems.is_empty(),
        "messages missing a language:\n{}",
        problems.join("\n")
    );
}
