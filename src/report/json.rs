//! `--format json`: the stable interface for scripts (field names in `model`).

use super::model::Report;

pub fn render(report: &Report) -> String {
    // Serialising plain structs of numbers and strings cannot fail; keep a valid document anyway.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
