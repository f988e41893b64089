//! Export: briefing documents (DOCX, PDF, Markdown, HTML) and data (CSV, XLSX).
//!
//! A request names a [`Template`], a [`ExportFormat`] and what to export: a review, narrowed by a
//! search (`query`, `filters`) or a selection (`ids`), one State, or one statement.
//! [`templates`] reads the store and builds a [`model::Document`] or a [`model::Sheet`]; the
//! renderers ([`docx`], [`pdf`], [`markdown`], [`html`], [`sheet`]) turn it into bytes;
//! [`write`] puts them on disk through a temporary file renamed into place, so a failed export
//! never leaves a partial file.

pub mod docx;
pub mod html;
pub mod logo;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod records;
pub mod sheet;
pub mod templates;
pub mod write;

use serde::{Deserialize, Serialize};

use crate::store::search::Facet;

string_enum! {
    /// What kind of document to make.
    Template {
        /// Recommendations grouped by theme with position, priority and our ask, and a summary
        /// table of positions.
        Thematic = "thematic",
        /// For one recommending State (or one per State): what it recommended, the position so
        /// far, our asks, the last meeting.
        State = "state",
        /// OHCHR's matrix: recommendation | position | source | our assessment | evidence, with
        /// the stakeholder submission's word limit counted.
        Matrix = "matrix",
        /// An oral statement's script (large type, time marks) or a written statement.
        Statement = "statement",
        /// The review's dates and the organization's deadlines.
        Calendar = "calendar",
    }
}

string_enum! {
    /// The file format.
    ExportFormat {
        /// Word.
        Docx = "docx",
        /// PDF (fonts embedded).
        Pdf = "pdf",
        /// Markdown.
        Md = "md",
        /// One HTML file with everything inside.
        Html = "html",
        /// CSV, UTF-8 with a byte order mark.
        Csv = "csv",
        /// Excel.
        Xlsx = "xlsx",
    }
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }

    /// Whether the format holds data rows ([`model::Sheet`]) rather than a document.
    pub fn is_sheet(self) -> bool {
        matches!(self, ExportFormat::Csv | ExportFormat::Xlsx)
    }

    /// The name shown in the save dialog's filter, e.g. "Word document".
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Docx => "Word document",
            ExportFormat::Pdf => "PDF document",
            ExportFormat::Md => "Markdown text",
            ExportFormat::Html => "Web page",
            ExportFormat::Csv => "CSV spreadsheet",
            ExportFormat::Xlsx => "Excel workbook",
        }
    }
}

impl Template {
    /// The name shown to people, e.g. "Thematic briefing".
    pub fn label(self) -> &'static str {
        match self {
            Template::Thematic => "Thematic briefing",
            Template::State => "State lobbying sheet",
            Template::Matrix => "Recommendations matrix",
            Template::Statement => "Statement",
            Template::Calendar => "Calendar overview",
        }
    }
}

/// What to export. JSON:
/// `{"template":"thematic","format":"docx","review_id":1,"query":"women","ids":null}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    /// The kind of document.
    pub template: Template,
    /// The file format.
    pub format: ExportFormat,
    /// The review.
    pub review_id: i64,
    /// Search words narrowing the review's recommendations (empty: all of them).
    #[serde(default)]
    pub query: String,
    /// Search filters narrowing them further.
    #[serde(default)]
    pub filters: Vec<(Facet, String)>,
    /// A selection: only these recommendations (of the review), in paragraph order.
    #[serde(default)]
    pub ids: Option<Vec<i64>>,
    /// The State template: this recommending State only (`None`: one section per State).
    #[serde(default)]
    pub state: Option<String>,
    /// The statement template: this statement only (`None`: every statement of the review).
    #[serde(default)]
    pub statement_id: Option<i64>,
}

impl ExportRequest {
    /// A request for a whole review: no search, no selection, every State, every statement.
    pub fn new(review_id: i64, template: Template, format: ExportFormat) -> ExportRequest {
        ExportRequest {
            template,
            format,
            review_id,
            query: String::new(),
            filters: Vec::new(),
            ids: None,
            state: None,
            statement_id: None,
        }
    }
}

/// The stakeholder submission's word limits (UPR.md): an individual submission and a joint one.
pub const SUBMISSION_WORD_LIMIT: usize = 2_815;
/// See [`SUBMISSION_WORD_LIMIT`].
pub const JOINT_SUBMISSION_WORD_LIMIT: usize = 5_630;

/// A matrix's words against one of the submission's limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordLimit {
    /// "Submission" or "Joint submission".
    pub label: String,
    /// The limit, in words.
    pub limit: usize,
    /// Words over it (0 when the text fits).
    pub over: usize,
}

/// `words` against an individual submission's limit and a joint one's.
pub fn word_limits(words: usize) -> Vec<WordLimit> {
    [
        ("Submission", SUBMISSION_WORD_LIMIT),
        ("Joint submission", JOINT_SUBMISSION_WORD_LIMIT),
    ]
    .into_iter()
    .map(|(label, limit)| WordLimit {
        label: label.to_owned(),
        limit,
        over: words.saturating_sub(limit),
    })
    .collect()
}

/// What an export will write, shown before the save dialog opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// The document's title.
    pub title: String,
    /// The file name suggested in the save dialog (no folder; safe on every system).
    pub file_name: String,
    /// Recommendations included.
    pub recommendations: usize,
    /// Recommending States (State template) or 0.
    pub states: usize,
    /// Statements (statement template) or 0.
    pub statements: usize,
    /// Dates and deadlines (calendar template) or 0.
    pub events: usize,
    /// The matrix's words, counted as for a submission (matrix template only).
    pub words: Option<usize>,
    /// Those words against each submission limit (matrix template only; empty otherwise).
    #[serde(default)]
    pub word_limits: Vec<WordLimit>,
    /// Lines that say what will be written, e.g. "42 recommendations in 9 themes".
    pub lines: Vec<String>,
}

/// How far an export is, for the progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportProgress {
    /// What is being done, e.g. "Laying out the PDF".
    pub step: String,
    /// Units done (rows written); 0 when the step has no count.
    pub done: u64,
    /// Units in all; 0 when the step has no count.
    pub total: u64,
}

/// The export's result: the bytes to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// The summary it was made from.
    pub summary: ExportSummary,
}

/// Says what `request` will write, without writing it (the export dialog's summary). `today`
/// dates the document.
pub fn preview(
    store: &crate::Store,
    request: &ExportRequest,
    today: chrono::NaiveDate,
) -> crate::Result<ExportSummary> {
    templates::build(store, request, today).map(|built| built.summary)
}

/// Makes the file `request` asks for, reporting progress. The bytes are not written anywhere:
/// the caller writes them with [`write::write_atomic`].
pub fn render(
    store: &crate::Store,
    request: &ExportRequest,
    today: chrono::NaiveDate,
    progress: &mut dyn FnMut(ExportProgress),
) -> crate::Result<Rendered> {
    progress(step("Reading the recommendations"));
    let built = templates::build(store, request, today)?;
    render_built(built, request, progress)
}

fn step(step: &str) -> ExportProgress {
    ExportProgress {
        step: step.into(),
        done: 0,
        total: 0,
    }
}

/// Writes a template already built (by [`templates::build`]) in the request's format: the part of
/// an export that needs no database, so the app runs it without holding the store.
pub fn render_built(
    built: templates::Built,
    request: &ExportRequest,
    progress: &mut dyn FnMut(ExportProgress),
) -> crate::Result<Rendered> {
    use templates::Content;
    let bytes = match (&built.content, request.format) {
        (Content::Document(doc), ExportFormat::Docx) => {
            progress(step("Writing the Word document"));
            docx::render(doc)?
        }
        (Content::Document(doc), ExportFormat::Pdf) => {
            progress(step("Laying out the PDF"));
            pdf::render(doc)?
        }
        (Content::Document(doc), ExportFormat::Md) => markdown::render(doc).into_bytes(),
        (Content::Document(doc), ExportFormat::Html) => html::render(doc).into_bytes(),
        (Content::Sheet(sheet), ExportFormat::Csv) => sheet::csv(sheet),
        (Content::Sheet(sheet), ExportFormat::Xlsx) => {
            let total = sheet.rows.len() as u64;
            sheet::xlsx(sheet, &mut |done| {
                progress(ExportProgress {
                    step: "Writing the rows".into(),
                    done,
                    total,
                })
            })?
        }
        // `templates::build` makes a sheet exactly for the sheet formats.
        _ => {
            return Err(crate::Error::InvalidInput(format!(
                "A {} cannot be written as {}.",
                request.template.label().to_lowercase(),
                request.format.label().to_lowercase()
            )))
        }
    };
    Ok(Rendered {
        bytes,
        summary: built.summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_over_each_submission_limit_are_counted() {
        let limits = word_limits(2815);
        let shown: Vec<(&str, usize, usize)> = limits
            .iter()
            .map(|l| (l.label.as_str(), l.limit, l.over))
            .collect();
        assert_eq!(
            shown,
            [("Submission", 2815, 0), ("Joint submission", 5630, 0)]
        );
        let over = |words| {
            word_limits(words)
                .iter()
                .map(|l| l.over)
                .collect::<Vec<_>>()
        };
        assert_eq!(over(3000), [185, 0]);
        assert_eq!(over(6000), [3185, 370]);
    }
}
