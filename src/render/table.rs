//! Terminal tables that fit the screen and degrade to plain text when piped.

use comfy_table::{ContentArrangement, Table, presets};

/// A table with the given headers, in the house style.
pub fn new(headers: Vec<&str>) -> Table {
    let mut t = headless();
    t.set_header(headers);
    t
}

/// A table in the house style with no header row (a continuation of a long table).
pub fn headless() -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .remove_style(comfy_table::TableComponent::HorizontalLines)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !t.is_tty() {
        // Piped: no terminal to fit; keep lines readable in a file or a mail.
        t.set_width(100);
    }
    t
}
