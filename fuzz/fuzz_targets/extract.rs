//! Word documents and PDFs through text extraction, and any XML as a Word document's text part:
//! never a panic, a hang or a runaway allocation, whatever the bytes.
//!
//! A first byte 0 wraps the rest, as XML, in a Word document (so that the XML walker is fuzzed
//! without the ZIP checksums in the way); any other input is given to both extractors as it is.
//! Panics inside the PDF library are caught by `pdf_text` by design (they become an error, and
//! are not printed); panics anywhere else still abort the fuzzer.
//!
//! Seeds: a Word report (seed-1, tests/fixtures/report.docx), a PDF with an uncompressed content
//! stream (seed-2) and one with an embedded TrueType subset (seed-5), both written with fpdf2,
//! and the text parts of the report and thematic-list fixtures in XML mode (seed-3, seed-4).
#![no_main]
use std::io::{Cursor, Write};

use docket_core::import::extract;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A DOCX whose `word/document.xml` is `xml`, stored (not compressed).
fn docx_of(xml: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).ok()?;
    zip.write_all(xml).ok()?;
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0, xml)) => {
            if let Some(docx) = docx_of(xml) {
                if let Ok(text) = extract::docx_text(&docx, "fuzz.docx") {
                    assert!(!text.trim().is_empty());
                }
            }
        }
        _ => {
            if let Ok(text) = extract::docx_text(data, "fuzz.docx") {
                assert!(!text.trim().is_empty());
            }
            if let Ok(text) = extract::pdf_text(data, "fuzz.pdf") {
                assert!(!text.trim().is_empty());
            }
        }
    }
});
