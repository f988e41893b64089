//! Markdown from a [`Document`].

use super::model::Document;

/// Writes `doc` as Markdown.
pub fn render(doc: &Document) -> String {
    doc.title.clone()
}
