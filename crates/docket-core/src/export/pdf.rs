//! PDF documents from a [`Document`], laid out by typst with the fonts shipped in `fonts/`.

use super::model::Document;
use crate::{Error, Result};

/// Writes `doc` as a PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let _ = doc;
    Err(Error::InvalidInput("PDF export is not built yet.".into()))
}
