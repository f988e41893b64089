//! Reading a file into an [`ImportBatch`]: its format guessed (or given), its text decoded (or
//! extracted from a Word document or a PDF), the right reader run. Nothing here touches the
//! store.

use std::collections::HashMap;

use super::mapped::{self, ColumnMapping};
use super::{decode, extract, report, responses, thematic, uhri, upr_info};
use super::{Format, ImportBatch, MappingSource, ParsedReview, Problem, SourceInfo};
use crate::domain::NewReview;
use crate::error::{Error, Result};

/// The largest file Docket reads (bytes): 40 MB. Real exports are smaller (UPR Info's whole
/// database, about 100,000 rows, is 25-30 MB). An import holds the file, its text and all that
/// was read from it at once: at this size, under 200 MB (`make bench` measures it). A larger
/// file (a video, a disk image, a 200 MB export) is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;

/// What the user said about the file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The format, when the user chose it; guessed otherwise.
    pub format: Option<Format>,
    /// The text encoding, when the user chose it (a WHATWG label); detected otherwise.
    pub encoding: Option<String>,
    /// The column mapping of a spreadsheet, when the user confirmed one; guessed otherwise.
    pub mapping: Option<ColumnMapping>,
    /// Mappings the user confirmed for earlier files, by [`ColumnMapping::key`] of their header:
    /// used (before guessing) for a file with the same headers.
    pub known_mappings: HashMap<String, ColumnMapping>,
    /// The review a spreadsheet without review columns belongs to.
    pub review: Option<NewReview>,
}

const ZIP: &[u8] = b"PK\x03\x04";

/// The most a workbook's sheets and shared strings may hold once unzipped (bytes). The
/// spreadsheet library reads a whole sheet into memory, at about three times this: the limit keeps
/// an import under 200 MB (about 100,000 rows of recommendations). A larger export can be saved as
/// CSV, which Docket reads up to [`MAX_FILE_BYTES`].
pub const MAX_WORKBOOK_XML_BYTES: u64 = 48 * 1024 * 1024;

/// Refuses a workbook whose sheets are too large to read within the memory Docket allows itself,
/// from the sizes its ZIP directory declares (nothing is unzipped). A workbook whose directory
/// cannot be read is left to the spreadsheet reader, which says it is damaged.
fn check_workbook_size(bytes: &[u8], file: &str) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut declared = 0u64;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
            continue;
        };
        let Ok(name) = entry.name() else {
            continue;
        };
        if name.starts_with("xl/worksheets/") || name == "xl/sharedStrings.xml" {
            declared = declared.saturating_add(entry.size());
        }
    }
    if declared > MAX_WORKBOOK_XML_BYTES {
        return Err(Error::InvalidInput(format!(
            "{file} is a very large workbook ({} MB once unpacked), more than Docket reads from Excel files. Open it in Excel or LibreOffice, save it as \"CSV UTF-8\", and import the CSV file.",
            declared / (1024 * 1024)
        )));
    }
    Ok(())
}

/// UPR Info's columns: `To, …, Text, From, …, Session`.
fn is_upr_info_header(header: &[String]) -> bool {
    let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
    has("to") && has("from") && has("text") && has("session")
}

/// UHRI exports may start with a title: their header row is looked for this far down.
const UHRI_HEADER_SEARCH_ROWS: usize = 20;

fn is_uhri_header(header: &[String]) -> bool {
    header.iter().any(|h| {
        let h = h.to_lowercase();
        h == "upr position" || h.contains("reccomending body") || h.contains("recommending body")
    })
}

/// Guesses the format of decoded text.
pub fn guess_text_format(text: &str) -> Format {
    guess(text).0
}

/// Guesses the format of decoded text; when it is a report, also returns the report as read, so
/// that it is not read twice.
fn guess(text: &str) -> (Format, Option<report::ReportParse>) {
    let head = mapped::head_of_text(text, UHRI_HEADER_SEARCH_ROWS);
    let header = head.first().cloned().unwrap_or_default();
    if is_upr_info_header(&header) {
        return (Format::UprInfo, None);
    }
    if head.iter().any(|row| is_uhri_header(row)) {
        return (Format::Uhri, None);
    }
    // Docket's own data table, before the thematic list: its notes may quote that list.
    let docket = crate::export::records::COLUMNS;
    if header.len() >= docket.len() && header.iter().zip(docket).all(|(h, d)| h.trim() == d) {
        return (Format::Csv, None);
    }
    if text.contains("Source of Position") {
        return (Format::ThematicList, None);
    }
    // A table whose header names a text column is a spreadsheet, even if its first column holds
    // paragraph numbers that look like a report's list.
    if header.len() >= 2 && ColumnMapping::guess(&header).is_usable().is_ok() {
        return (Format::Csv, None);
    }
    let report = report::parse(text);
    if !report.recommendations.is_empty() {
        return (Format::Report, Some(report));
    }
    if !responses::parse(text, None).updates.is_empty() {
        return (Format::Responses, None);
    }
    (Format::Csv, None)
}

/// The mapping for a spreadsheet with this header: the user's choice, else the one remembered for
/// the same headers, else a guess.
fn choose_mapping(options: &ReadOptions, header: &[String]) -> (ColumnMapping, MappingSource) {
    if let Some(m) = &options.mapping {
        return (m.clone(), MappingSource::Chosen);
    }
    match options.known_mappings.get(&ColumnMapping::key(header)) {
        Some(m) => (m.clone(), MappingSource::Remembered),
        None => (ColumnMapping::guess(header), MappingSource::Guessed),
    }
}

/// Records the mapping used, for the preview.
fn note_mapping(
    batch: &mut ImportBatch,
    header: Vec<String>,
    used: (ColumnMapping, MappingSource),
) {
    batch.source.header = header;
    batch.source.mapping = Some(used.0);
    batch.source.mapping_source = Some(used.1);
}

/// The problem of a spreadsheet whose columns say nothing Docket can use.
fn unusable(file: &str, why: &str) -> Problem {
    Problem::general(format!(
        "Docket could not recognise {file}: {why} Choose the format, or map its columns."
    ))
}

/// The refusal of a file larger than [`MAX_FILE_BYTES`].
pub fn too_large(file: &str, size: u64) -> Error {
    Error::InvalidInput(format!(
        "{file} is {} MB, larger than any UPR export or report Docket knows (the limit is {} MB). Check that it is the right file; save a large export as CSV, or split it.",
        size / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

/// Reads a file's bytes into an import batch.
pub fn read(bytes: &[u8], file: &str, options: &ReadOptions) -> Result<ImportBatch> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    // A Word document or a PDF: its text is read below as a text file's would be.
    let extracted = extract::document_text(bytes, file)?;
    let mut batch = ImportBatch {
        file: file.to_owned(),
        format: options.format.unwrap_or(Format::Csv),
        reviews: Vec::new(),
        updates: Vec::new(),
        updates_document: None,
        rows: 0,
        skipped: 0,
        problems: Vec::new(),
        source: SourceInfo::default(),
    };
    if let Some(text) = extracted {
        return read_text(&text, file, options, batch);
    }
    if bytes.starts_with(ZIP) {
        check_workbook_size(bytes, file)?;
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(extract::OLE) {
        // A workbook (XLSX or XLS): UPR Info's or UHRI's columns, or any spreadsheet mapped by
        // its headers.
        let head = mapped::head_of_xlsx(bytes, UHRI_HEADER_SEARCH_ROWS)?;
        let header = head.first().cloned().unwrap_or_default();
        let format = options.format.unwrap_or(if is_upr_info_header(&header) {
            Format::UprInfo
        } else if head.iter().any(|row| is_uhri_header(row)) {
            Format::Uhri
        } else {
            Format::Csv
        });
        batch.format = format;
        match format {
            Format::UprInfo => {
                let p = upr_info::parse(&mapped::workbook_as_csv(bytes)?);
                batch.reviews = p.reviews;
                batch.rows = p.rows;
                batch.problems = p.problems;
            }
            Format::Uhri => {
                let p = uhri::parse_xlsx(bytes)?;
                batch.reviews = p.reviews;
                batch.rows = p.rows;
                batch.skipped = p.skipped_non_upr;
                batch.problems = p.problems;
            }
            Format::Csv => {
                let used = choose_mapping(options, &header);
                if let Err(m) = used.0.is_usable() {
                    batch.problems.push(unusable(file, &m));
                } else {
                    let p = mapped::parse_xlsx(bytes, &used.0, options.review.as_ref())?;
                    batch.reviews = p.reviews;
                    batch.rows = p.rows;
                    batch.problems = p.problems;
                }
                note_mapping(&mut batch, header, used);
            }
            other => {
                return Err(Error::InvalidInput(format!(
                    "{file} is an Excel workbook; the {} format is read from text. Choose another format, or let Docket guess.",
                    other.as_str()
                )))
            }
        }
        return Ok(batch);
    }

    let decoded = decode::decode(bytes, options.encoding.as_deref())?;
    let text: &str = &decoded.text;
    batch.source.encoding = Some(decoded.encoding.to_owned());
    read_text(text, file, options, batch)
}

/// Runs the reader of the text's format (given, or guessed) on text decoded from a text file or
/// extracted from a Word document or a PDF.
fn read_text(
    text: &str,
    file: &str,
    options: &ReadOptions,
    mut batch: ImportBatch,
) -> Result<ImportBatch> {
    let (format, report) = match options.format {
        Some(format) => (format, None),
        None => guess(text),
    };
    batch.format = format;
    match format {
        Format::UprInfo => {
            let p = upr_info::parse(text);
            batch.reviews = p.reviews;
            batch.rows = p.rows;
            batch.problems = p.problems;
        }
        Format::Uhri => {
            let p = uhri::parse_csv(text);
            batch.reviews = p.reviews;
            batch.rows = p.rows;
            batch.skipped = p.skipped_non_upr;
            batch.problems = p.problems;
        }
        Format::Report => {
            let p = report.unwrap_or_else(|| report::parse(text));
            batch.rows = p.recommendations.len() as u64;
            batch.problems = p.problems;
            let review = p.review.to_new_review().or_else(|| options.review.clone());
            match review {
                Some(review) => batch.reviews.push(ParsedReview {
                    review,
                    recommendations: p.recommendations,
                }),
                None if !p.recommendations.is_empty() => batch.problems.push(Problem::general(
                    "The text does not say which State was reviewed: choose the review to import these recommendations into.",
                )),
                None => {}
            }
        }
        Format::ThematicList => {
            let p = thematic::parse(text);
            batch.rows = p.updates.len() as u64;
            batch.updates = p.updates;
            batch.updates_document = p.document;
            batch.problems = p.problems;
        }
        Format::Responses => {
            let p = responses::parse(text, None);
            batch.rows = p.updates.len() as u64;
            batch.updates = p.updates;
            batch.problems = p.problems;
        }
        Format::Csv => {
            let header = mapped::header_of_text(text);
            let used = choose_mapping(options, &header);
            if let Err(m) = used.0.is_usable() {
                batch.problems.push(unusable(file, &m));
            } else {
                let p = mapped::parse_text(text, &used.0, options.review.as_ref());
                batch.reviews = p.reviews;
                batch.rows = p.rows;
                batch.problems = p.problems;
            }
            note_mapping(&mut batch, header, used);
        }
    }
    Ok(batch)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_too_large_to_read_within_memory_is_refused_from_its_directory() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..=MAX_WORKBOOK_XML_BYTES / (1024 * 1024) {
            zip.write_all(&chunk).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!((bytes.len() as u64) < MAX_FILE_BYTES);
        let err = read(&bytes, "huge.xlsx", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("very large workbook"), "{err}");
        assert!(err.to_string().contains("CSV UTF-8"), "{err}");
    }

    #[test]
    fn each_format_is_told_apart_by_its_content() {
        let docket = format!(
            "{}\nSlovenia,,,,,26.1,Ratify,,,,,,,,,,,,,,\"Source of Position: A/HRC/1/1\",\n",
            crate::export::records::COLUMNS.join(",")
        );
        let cases = [
            ("To,Text,From,Session\rNarnia,End torture,Ghana,3\r", Format::UprInfo),
            ("Text;Countries Concerned;Reccomending Body;UPR Position\n", Format::Uhri),
            ("140.1 Ratify (Ghana);\nSource of Position: A/HRC/1/1/Add.1 - Para.3\nSupported\n", Format::ThematicList),
            ("paragraph\trecommendation\n26.1\tRatify the Convention\n", Format::Csv),
            // Docket's own export, whose notes quote a thematic list.
            (docket.as_str(), Format::Csv),
            ("Report of the Working Group on the Universal Periodic Review\nNarnia\n  140.1   Ratify the Convention (Ghana);\n  140.2   End torture (Chile).\n", Format::Report),
            ("Narnia supports recommendations 140.1 and 140.2. Recommendation 140.3 is noted.\n", Format::Responses),
        ];
        for (text, expected) in cases {
            assert_eq!(guess_text_format(text), expected, "{text:?}");
        }
    }

    #[test]
    fn word_and_pdf_files_get_a_plain_message() {
        // Word documents and PDFs are read (tests/import_extract.rs); a damaged one is refused
        // with a message that says so, not read as text.
        let docx = b"PK\x03\x04....word/document.xml....";
        let m = read(docx, "r.docx", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            m.starts_with("r.docx is a damaged or incomplete Word document"),
            "{m}"
        );
        let m = read(b"%PDF-1.7 ...", "r.pdf", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(m.starts_with("r.pdf is a damaged or incomplete PDF"), "{m}");
    }
}
