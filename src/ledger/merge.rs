//! Comment-preserving edits. The tool changes a file by building the new typed value, then
//! merging it into the person's document: keys, comments, blank lines, quoting and order that
//! did not change are kept byte for byte; only changed values are rewritten.

use serde::Serialize;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::error::{Error, Result};

/// Render `value` as TOML, keeping everything of `original` (when given) that did not change.
pub fn render<T: Serialize>(original: Option<&str>, value: &T) -> Result<String> {
    let mut new = toml_edit::ser::to_document(value)
        .map_err(|e| Error::refused(format!("internal error: cannot write TOML: {e}")))?;
    lay_out(new.as_table_mut(), 0);
    let Some(original) = original else {
        return Ok(new.to_string());
    };
    let Ok(mut doc) = original.parse::<DocumentMut>() else {
        // Only reached if the file broke between load and write; never write over it blindly.
        return Err(Error::refused(
            "the file changed while it was being edited; try again",
        ));
    };
    merge_table(doc.as_table_mut(), new.as_table());
    let mut out = doc.to_string();
    if original.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    Ok(out)
}

/// The house style, in the order the model declares its fields: top-level tables as
/// sections (`[record]`), lists of records as sections (`[[record.actions]]`) unless each is a
/// small pair or triple (`excused = [{ member = "hung", reason = "…" }]`), small tables inline
/// (`vote = { for = 9, against = 0, abstain = 0 }`).
fn lay_out(table: &mut Table, depth: usize) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let Some(item) = table.get_mut(&key) else {
            continue;
        };
        let taken = std::mem::take(item);
        *item = match taken {
            Item::Value(Value::InlineTable(t)) if depth == 0 => {
                let mut t = t.into_table();
                lay_out(&mut t, depth + 1);
                Item::Table(t)
            }
            Item::Value(Value::Array(a)) if is_list_of_records(&a) && !small_records(&a) => {
                let mut aot = toml_edit::ArrayOfTables::new();
                for v in a {
                    if let Value::InlineTable(t) = v {
                        let mut t = t.into_table();
                        lay_out(&mut t, depth + 1);
                        aot.push(t);
                    }
                }
                Item::ArrayOfTables(aot)
            }
            Item::Value(Value::Array(mut a)) if is_list_of_records(&a) && a.len() > 1 => {
                // One record per line, so a diff shows which one changed.
                for v in a.iter_mut() {
                    v.decor_mut().set_prefix("\n  ");
                }
                a.set_trailing_comma(true);
                a.set_trailing("\n");
                Item::Value(Value::Array(a))
            }
            other => other,
        };
    }
}

fn is_list_of_records(a: &Array) -> bool {
    !a.is_empty() && a.iter().all(Value::is_inline_table)
}

/// Records of at most three plain values read well inline.
fn small_records(a: &Array) -> bool {
    a.iter().all(|v| {
        v.as_inline_table().is_some_and(|t| {
            t.len() <= 3 && t.iter().all(|(_, v)| !v.is_inline_table() && !v.is_array())
        })
    })
}

/// A value the model reads the same as an absent key (`guests = []`, `temporary = false`):
/// when the person wrote it, it stays.
fn means_absent(item: &Item) -> bool {
    match item {
        Item::Value(Value::Array(a)) => a.is_empty(),
        Item::Value(Value::InlineTable(t)) => t.is_empty(),
        Item::Value(Value::Boolean(b)) => !*b.value(),
        _ => false,
    }
}

fn merge_table(old: &mut Table, new: &Table) {
    let stale: Vec<String> = old
        .iter()
        .filter(|(k, v)| !new.contains_key(k) && !means_absent(v))
        .map(|(k, _)| k.to_owned())
        .collect();
    for k in stale {
        old.remove(&k);
    }
    for (k, new_item) in new.iter() {
        match old.get_mut(k) {
            Some(old_item) => merge_item(old_item, new_item),
            None => {
                old.insert(k, new_item.clone());
            }
        }
    }
}

fn merge_item(old: &mut Item, new: &Item) {
    match (&mut *old, new) {
        (Item::Table(o), Item::Table(n)) => merge_table(o, n),
        (Item::Table(o), Item::Value(Value::InlineTable(n))) => {
            merge_table(o, &n.clone().into_table())
        }
        (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => {
            let keep = o.len().min(n.len());
            for i in 0..keep {
                if let (Some(ot), Some(nt)) = (o.get_mut(i), n.get(i)) {
                    merge_table(ot, nt);
                }
            }
            while o.len() > n.len() {
                o.remove(o.len() - 1);
            }
            for t in n.iter().skip(keep) {
                o.push(t.clone());
            }
        }
        // The person wrote an inline table or array where the tool would write a section:
        // keep their style.
        (Item::Value(ov), Item::Table(n)) => {
            merge_value(ov, &Value::InlineTable(n.clone().into_inline_table()))
        }
        (Item::Value(ov), Item::ArrayOfTables(n)) => {
            merge_value(ov, &Value::Array(n.clone().into_array()))
        }
        (Item::Value(ov), Item::Value(nv)) => merge_value(ov, nv),
        (o, n) => *o = n.clone(),
    }
}

fn merge_value(old: &mut Value, new: &Value) {
    match (&mut *old, new) {
        (Value::Array(o), Value::Array(n)) => merge_array(o, n),
        (Value::InlineTable(o), Value::InlineTable(n)) => merge_inline(o, n),
        (o, n) if same_scalar(o, n) => {}
        (o, n) => {
            let decor = o.decor().clone();
            *o = n.clone();
            *o.decor_mut() = decor;
        }
    }
}

fn merge_array(old: &mut Array, new: &Array) {
    let keep = old.len().min(new.len());
    for i in 0..keep {
        if let (Some(o), Some(n)) = (old.get_mut(i), new.get(i)) {
            merge_value(o, n);
        }
    }
    while old.len() > new.len() {
        old.remove(old.len() - 1);
    }
    for v in new.iter().skip(keep) {
        old.push(v.clone());
    }
}

fn merge_inline(old: &mut InlineTable, new: &InlineTable) {
    let stale: Vec<String> = old
        .iter()
        .filter(|(k, v)| !new.contains_key(k) && !means_absent(&Item::Value((*v).clone())))
        .map(|(k, _)| k.to_owned())
        .collect();
    for k in stale {
        old.remove(&k);
    }
    for (k, nv) in new.iter() {
        match old.get_mut(k) {
            Some(ov) => merge_value(ov, nv),
            None => {
                old.insert(k, nv.clone());
            }
        }
    }
}

/// Equal values, however they are written (`'x'` and `"x"`, `1_000` and `1000`).
fn same_scalar(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(a), Value::Float(b)) => a.value() == b.value(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => same_datetime(a.value(), b.value()),
        _ => false,
    }
}

/// `14:00` and `14:00:00` are the same time; keep the way the person wrote it.
fn same_datetime(a: &toml_edit::Datetime, b: &toml_edit::Datetime) -> bool {
    let norm = |d: &toml_edit::Datetime| {
        let mut d = *d;
        if let Some(t) = d.time.as_mut() {
            t.second = Some(t.second.unwrap_or(0));
            t.nanosecond = Some(t.nanosecond.unwrap_or(0));
        }
        d
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc {
        schema: u32,
        title: String,
        list: Vec<String>,
        record: Rec,
    }

    #[derive(Serialize)]
    struct Rec {
        present: Vec<String>,
        note: Option<String>,
    }

    #[test]
    fn comments_order_and_quoting_survive_an_edit() {
        let original = "# my ledger\nschema = 1\n\n# the title, kept\ntitle = 'Họp'   # inline comment\nlist = [\n  \"a\", # first\n  \"b\",\n]\n\n[record]\npresent = [\"x\"]\n";
        let value = Doc {
            schema: 1,
            title: "Họp".into(),
            list: vec!["a".into(), "b".into(), "c".into()],
            record: Rec {
                present: vec!["x".into(), "y".into()],
                note: Some("new".into()),
            },
        };
        let out = render(Some(original), &value).unwrap();
        assert!(
            out.starts_with(
                "# my ledger\nschema = 1\n\n# the title, kept\ntitle = 'Họp'   # inline comment\n"
            ),
            "{out}"
        );
        assert!(out.contains("\"a\", # first"), "{out}");
        assert!(out.contains("\"c\""), "{out}");
        assert!(out.contains("present = [\"x\", \"y\"]"), "{out}");
        assert!(out.contains("note = \"new\""), "{out}");
        let back: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(back["list"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn removed_keys_go_and_crlf_is_kept() {
        let original = "schema = 1\r\ntitle = \"a\"\r\nlist = []\r\n[record]\r\npresent = []\r\nnote = \"old\"\r\n";
        let value = Doc {
            schema: 1,
            title: "b".into(),
            list: vec![],
            record: Rec {
                present: vec![],
                note: None,
            },
        };
        let out = render(Some(original), &value).unwrap();
        assert!(!out.contains("note"), "{out}");
        assert!(out.contains("title = \"b\"\r\n"), "{out}");
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
    }
}
