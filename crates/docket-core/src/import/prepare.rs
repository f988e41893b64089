//! An import as the app and the CLI run it: the source read with what the user said about it
//! (format, encoding, columns, review), previewed against the store, then committed.
//!
//! The preview is what the user confirms: the reviews and recommendations new / updated /
//! unchanged, the positions found, every problem with its line and column, the State names
//! Docket does not know with the closest canonical names, and how the file was read (format,
//! encoding, column mapping, the review's facts read from a report) so that each can be
//! corrected and the preview run again. A column mapping used for an import is remembered for
//! the next file with the same headers.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::mapped::{ColumnMapping, Field};
use super::read::{read, too_large, ReadOptions, MAX_FILE_BYTES};
use super::{Format, ImportBatch, SourceInfo};
use crate::domain::NewReview;
use crate::error::{Error, Result};
use crate::states;
use crate::store::import::{file_problems, FileProblem, ImportSummary, Progress};
use crate::Store;

/// Where the recommendations come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A file on disk.
    File {
        /// Its path.
        path: PathBuf,
    },
    /// Text pasted by the user (a report or a thematic list copied from a PDF or Word file).
    Text {
        /// What to call it in problems and the import log.
        name: String,
        /// The text.
        text: String,
    },
}

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportRequest {
    /// The source (`None` only in `Default`).
    pub source: Option<Source>,
    /// The format, when the user chose it; guessed otherwise.
    #[serde(default)]
    pub format: Option<Format>,
    /// The text encoding (WHATWG label), when the user chose it; detected otherwise.
    #[serde(default)]
    pub encoding: Option<String>,
    /// A spreadsheet's column mapping, when the user chose one.
    #[serde(default)]
    pub mapping: Option<ColumnMapping>,
    /// Put everything into this existing review.
    #[serde(default)]
    pub review_id: Option<i64>,
    /// The review's facts as the user confirmed or entered them: for a report they replace the
    /// facts read from its text; for a spreadsheet without review columns they say which review
    /// its rows belong to.
    #[serde(default)]
    pub review: Option<NewReview>,
}

/// A State name Docket does not know, as written in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnknownState {
    /// The name as written.
    pub name: String,
    /// How many recommendations (or reviews) carry it.
    pub occurrences: u64,
    /// The closest canonical names, best first (may be empty).
    pub suggestions: Vec<String>,
}

/// What the user sees before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The file's name.
    pub file: String,
    /// The format the source was read as.
    pub format: Format,
    /// Rows or items read.
    pub rows: u64,
    /// Rows skipped on purpose (non-UPR rows of a UHRI export).
    pub skipped: u64,
    /// Encoding, header and column mapping used.
    pub source: SourceInfo,
    /// The facts of each review as read from the source (the user confirms them for a report).
    pub reviews_read: Vec<NewReview>,
    /// Why the user must say which review the recommendations belong to (a report that does not
    /// name the State, a spreadsheet without review columns, a thematic list whose review is not
    /// in Docket yet); `None` when the source says it.
    pub needs_review: Option<String>,
    /// Why nothing can be imported as the source was read (e.g. no text column): the user can
    /// change the format, encoding or columns and preview again.
    pub blocked: Option<String>,
    /// State names Docket does not know.
    pub unknown_states: Vec<UnknownState>,
    /// What the import would do; `None` when it needs a review or is blocked.
    pub summary: Option<ImportSummary>,
    /// Every problem, reading and joining, with file, line and column.
    pub problems: Vec<FileProblem>,
}

/// A source read and previewed, ready to be committed as previewed.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// What was read.
    pub batch: ImportBatch,
    /// The review everything goes into, when the user chose one.
    pub target: Option<i64>,
    /// The preview shown to the user.
    pub preview: ImportPreview,
}

/// The setting key under which a mapping is remembered.
fn mapping_key(header: &[String]) -> String {
    format!("mapping:{}", ColumnMapping::key(header))
}

/// The name a source is known by.
fn source_name(source: &Source) -> String {
    match source {
        Source::File { path } => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        Source::Text { name, .. } => name.clone(),
    }
}

/// Reads a file, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
fn file_bytes(path: &std::path::Path) -> Result<Vec<u8>> {
    let what = |e| Error::io(format!("Docket could not read {}", path.display()), e);
    let meta = std::fs::metadata(path).map_err(what)?;
    if meta.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder. Choose a file inside it.",
            path.display()
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&path.display().to_string(), meta.len()));
    }
    std::fs::read(path).map_err(what)
}

/// State names in the batch that do not resolve, with suggestions, most frequent first.
pub fn unknown_states(batch: &ImportBatch) -> Vec<UnknownState> {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for parsed in &batch.reviews {
        let names = std::iter::once(parsed.review.state_under_review.as_str()).chain(
            parsed
                .recommendations
                .iter()
                .flat_map(|r| r.states.iter().map(String::as_str)),
        );
        for name in names {
            let name = name.trim();
            if !name.is_empty() && states::resolve(name).is_none() {
                *counts.entry(name).or_default() += 1;
            }
        }
    }
    let mut unknown: Vec<UnknownState> = counts
        .into_iter()
        .map(|(name, occurrences)| UnknownState {
            name: name.to_owned(),
            occurrences,
            suggestions: states::suggest(name, 3)
                .into_iter()
                .map(|s| s.name.to_owned())
                .collect(),
        })
        .collect();
    unknown.sort_by(|a, b| b.occurrences.cmp(&a.occurrences).then(a.name.cmp(&b.name)));
    unknown
}

/// Why the batch needs the user to say which review it belongs to, when it does.
fn needs_review(batch: &ImportBatch) -> Option<String> {
    if !batch.reviews.is_empty() || !batch.updates.is_empty() {
        return None;
    }
    match batch.format {
        Format::Report if batch.rows > 0 => Some(
            "The text does not say which State was reviewed. Choose the review these recommendations belong to, or enter the State and session."
                .into(),
        ),
        Format::Csv => {
            let mapping = batch.source.mapping.as_ref()?;
            let usable = mapping.is_usable().is_ok();
            let has = |f: Field| mapping.columns.contains(&f);
            (usable && !has(Field::StateUnderReview) && !has(Field::Session)).then(|| {
                "The file has no column for the State under review or the session. Choose the review these recommendations belong to, or enter the State and session."
                    .into()
            })
        }
        _ => None,
    }
}

impl Store {
    /// The column mappings remembered from earlier imports, by header key.
    pub fn known_mappings(&self) -> Result<HashMap<String, ColumnMapping>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT key, value FROM setting WHERE key LIKE 'mapping:%'")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut known = HashMap::new();
        for row in rows {
            let (key, value) = row?;
            // A mapping that no longer parses (written by a later version) is ignored: the
            // columns are guessed again.
            if let Ok(mapping) = serde_json::from_str::<ColumnMapping>(&value) {
                known.insert(key["mapping:".len()..].to_owned(), mapping);
            }
        }
        Ok(known)
    }

    /// Remembers a mapping for the next file with the same headers.
    pub fn remember_mapping(&mut self, header: &[String], mapping: &ColumnMapping) -> Result<()> {
        let value = serde_json::to_string(mapping)
            .map_err(|e| Error::InvalidInput(format!("Docket could not save the columns: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [mapping_key(header), value],
            )?;
            Ok(())
        })
    }

    /// Reads the request's source with what the user said about it. Nothing is written; the
    /// batch goes into `request.review_id` when the user chose a review.
    pub fn read_for_import(&self, request: &ImportRequest) -> Result<ImportBatch> {
        let source = request.source.as_ref().ok_or_else(|| {
            Error::InvalidInput("Choose a file, or paste text, to import.".into())
        })?;
        let name = source_name(source);
        let target = request.review_id.map(|id| self.review(id)).transpose()?;
        let mut options = ReadOptions {
            format: request.format,
            encoding: request.encoding.clone(),
            mapping: request.mapping.clone(),
            known_mappings: self.known_mappings()?,
            review: request
                .review
                .clone()
                .or_else(|| target.as_ref().map(|r| r.facts())),
        };
        let mut batch = match source {
            Source::File { path } => read(&file_bytes(path)?, &name, &options)?,
            Source::Text { text, .. } => {
                if text.trim().is_empty() {
                    return Err(Error::InvalidInput(
                        "The text box is empty. Paste the report's text (or the thematic list) into it."
                            .into(),
                    ));
                }
                options.encoding = Some("utf-8".into());
                read(text.as_bytes(), &name, &options)?
            }
        };
        // The user's corrections of the facts read from a report win over the text.
        if let (Some(review), Format::Report, [parsed]) =
            (&request.review, batch.format, batch.reviews.as_mut_slice())
        {
            parsed.review = review.clone();
        }
        Ok(batch)
    }

    /// Reads the source and previews the import (nothing is written). `progress` may cancel.
    pub fn prepare_import(
        &mut self,
        request: &ImportRequest,
        progress: Progress<'_>,
    ) -> Result<Prepared> {
        let batch = self.read_for_import(request)?;
        let target = request.review_id;
        let mut preview = ImportPreview {
            file: batch.file.clone(),
            format: batch.format,
            rows: batch.rows,
            skipped: batch.skipped,
            source: batch.source.clone(),
            reviews_read: batch.reviews.iter().map(|r| r.review.clone()).collect(),
            needs_review: None,
            blocked: None,
            unknown_states: unknown_states(&batch),
            summary: None,
            problems: file_problems(&batch),
        };
        if target.is_none() {
            preview.needs_review = needs_review(&batch);
        }
        if preview.needs_review.is_none() {
            match self.import(&batch, target, false, progress) {
                Ok(summary) => {
                    preview.problems = summary.problems.clone();
                    preview.summary = Some(summary);
                }
                // A thematic list or responses whose review Docket cannot find: the user
                // chooses it.
                Err(Error::InvalidInput(message))
                    if !batch.updates.is_empty() && target.is_none() =>
                {
                    preview.needs_review = Some(message);
                }
                Err(Error::InvalidInput(message)) => preview.blocked = Some(message),
                Err(e) => return Err(e),
            }
        }
        Ok(Prepared {
            batch,
            target,
            preview,
        })
    }

    /// Commits a batch (as [`Store::prepare_import`] previewed it), and remembers its column mapping for the
    /// next file with the same headers. `progress` may cancel: then nothing changes.
    pub fn commit_import(
        &mut self,
        batch: &ImportBatch,
        target: Option<i64>,
        progress: Progress<'_>,
    ) -> Result<ImportSummary> {
        let summary = self.import(batch, target, true, progress)?;
        let source = &batch.source;
        if let Some(mapping) = &source.mapping {
            if !source.header.is_empty() && summary.imported_anything() {
                // The import is done; failing to remember its columns only means guessing
                // them again next time.
                let _ = self.remember_mapping(&source.header, mapping);
            }
        }
        Ok(summary)
    }
}
