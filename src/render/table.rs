//! Terminal tables that fit the screen and degrade to plain text when piped.

use comfy_table::{ContentArrangement, Table, presets};

/// A table with the given headers, in the house style.
pub fn new(headers: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .remove_style(comfy_table::TableComponent::HorizontalLines)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers);
    if !t.is_tty() {
        // Piped: no terminal to fit; keep lines readable in a file or a mail.
        t.set_width(100);
    }
    t
}
