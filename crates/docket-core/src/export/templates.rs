//! The templates: what each kind of document holds, read from the store.

use chrono::NaiveDate;

use super::model::{Document, Sheet};
use super::{ExportRequest, ExportSummary};
use crate::{Error, Result, Store};

/// A template's content: a document, or data rows for CSV and XLSX.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// For DOCX, PDF, Markdown and HTML.
    Document(Document),
    /// For CSV and XLSX.
    Sheet(Sheet),
}

/// A template built from the store, with its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// What will be written.
    pub content: Content,
    /// The summary shown before saving.
    pub summary: ExportSummary,
}

/// Builds the template `request` asks for, in the shape its format needs.
pub fn build(store: &Store, request: &ExportRequest, today: NaiveDate) -> Result<Built> {
    let _ = (store, request, today);
    Err(Error::InvalidInput("Export is not built yet.".into()))
}
