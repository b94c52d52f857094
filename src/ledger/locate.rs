//! Find where a key or value sits in a TOML source, so a problem found in the typed data can be
//! reported with a line and column. Only called when there is something to report, so the fast
//! path (typed parsing) never pays for spans.

use std::ops::Range;

use toml_edit::{Document, Item, Table, Value};

pub use crate::core::problem::Seg;

enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

/// The span of the value at `path`, or of the deepest part of the path that exists (so a
/// missing key is reported at its table). `None` if the source does not parse.
pub fn locate(source: &str, path: &[Seg]) -> Option<Range<usize>> {
    let doc = Document::parse(source).ok()?;
    let mut node = Node::Table(doc.as_table());
    let mut best: Option<Range<usize>> = None;
    for seg in path {
        let next = match (&node, seg) {
            (Node::Table(t), Seg::Key(k)) => {
                if let Some(key) = t.key(k) {
                    best = key.span().or(best);
                }
                t.get(k).map(Node::Item)
            }
            (Node::Item(Item::Table(t)), Seg::Key(k)) => {
                if let Some(key) = t.key(k) {
                    best = key.span().or(best);
                }
                t.get(k).map(Node::Item)
            }
            (Node::Item(Item::Value(v)), seg) => step_value(v, seg),
            (Node::Value(v), seg) => step_value(v, seg),
            (Node::Item(Item::ArrayOfTables(a)), Seg::Index(i)) => a.get(*i).map(Node::Table),
            _ => None,
        };
        let Some(next) = next else { break };
        if let Some(span) = span_of(&next) {
            best = Some(span);
        }
        node = next;
    }
    best
}

fn step_value<'a>(v: &'a Value, seg: &Seg) -> Option<Node<'a>> {
    match (v, seg) {
        (Value::InlineTable(t), Seg::Key(k)) => t.get(k).map(Node::Value),
        (Value::Array(a), Seg::Index(i)) => a.get(*i).map(Node::Value),
        _ => None,
    }
}

fn span_of(node: &Node) -> Option<Range<usize>> {
    match node {
        Node::Item(Item::Value(v)) => v.span(),
        Node::Value(v) => v.span(),
        Node::Item(item) => item.span(),
        Node::Table(t) => t.span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_array_elements_and_inline_table_values() {
        let src =
            "[record]\npresent = [\"a\", \"bb\"]\nexcused = [{ member = \"c\", reason = \"x\" }]\n";
        let span = locate(
            src,
            &[Seg::Key("record"), Seg::Key("present"), Seg::Index(1)],
        )
        .unwrap();
        assert_eq!(&src[span], "\"bb\"");
        let span = locate(
            src,
            &[
                Seg::Key("record"),
                Seg::Key("excused"),
                Seg::Index(0),
                Seg::Key("member"),
            ],
        )
        .unwrap();
        assert_eq!(&src[span], "\"c\"");
    }

    #[test]
    fn array_of_tables_and_missing_keys_fall_back() {
        let src = "[[member]]\nid = \"a\"\n[[member]]\nid = \"b\"\n";
        let span = locate(src, &[Seg::Key("member"), Seg::Index(1), Seg::Key("id")]).unwrap();
        assert_eq!(&src[span], "\"b\"");
        let span = locate(src, &[Seg::Key("member"), Seg::Index(1), Seg::Key("nope")]).unwrap();
        let found = &src[span];
        assert!(
            found.contains("id = \"b\"") || found.contains("member"),
            "{found}"
        );
    }
}
