//! Word documents (DOCX) from a [`Document`].

use super::model::Document;
use crate::{Error, Result};

/// Writes `doc` as a Word document.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let _ = doc;
    Err(Error::InvalidInput("Word export is not built yet.".into()))
}
