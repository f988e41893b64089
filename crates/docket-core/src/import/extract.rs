//! Text out of Word documents (DOCX) and PDFs, handed to the text readers ([`report`],
//! [`thematic`], [`responses`], …) exactly as pasted text would be.
//!
//! - **DOCX**: the main document part (`word/document.xml`, or wherever the package's
//!   `_rels/.rels` points) is unzipped and its XML walked. A paragraph is a line; a tab is a tab;
//!   a line break (`w:br`, `w:cr`) is a newline; XML entities are decoded. Only visible text is
//!   kept: deleted text of tracked changes (`w:delText`), field codes (`w:instrText`), tab-stop
//!   definitions and the fallback copy of text boxes (`mc:Fallback`) are not. Word's automatic
//!   numbering and bullets (`w:numPr`) are formatting, not text, so they do not appear: UN reports
//!   and OHCHR's thematic lists type their paragraph numbers. A table row whose cells each hold
//!   one line becomes one line with the cells separated by tabs; a row with a cell of several
//!   paragraphs (OHCHR's thematic list) gives each cell's paragraphs as lines, cell after cell.
//!   Headers, footers and footnotes are separate parts and are left out.
//! - **PDF**: the text layer, laid out by the `pdf-extract` crate from the characters' positions
//!   (a line of the page is a line of text, a gap between words a space), page after page. A PDF
//!   with only an owner password (printing or copying restricted) opens without a password and
//!   is read.
//!
//! Refused with [`Error::InvalidInput`] and a message saying what to do: a ZIP file that is not a
//! Word document, a damaged or truncated file, a password-protected Word file (an OLE container
//! with an `EncryptedPackage` stream) or PDF, a PDF without text (a scan), and a Word document
//! whose text part unpacks to more than [`MAX_DOCUMENT_XML_BYTES`] (a "zip bomb").
//!
//! Never panics, whatever the input: `pdf-extract` panics on many damaged or unusual files, so
//! the PDF extraction runs under [`std::panic::catch_unwind`] and a panic becomes a plain error.
//! Such a panic is not printed: the first PDF read installs a panic hook that stays silent while
//! the current thread is extracting a PDF and hands every other panic to the hook that was there
//! before.
//!
//! [`report`]: super::report
//! [`thematic`]: super::thematic
//! [`responses`]: super::responses

use std::cell::Cell;
use std::io::{Cursor, Read};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::{Error, Result};

/// The largest Word text part (`word/document.xml`, unpacked) Docket reads: the longest UN
/// reports are a few megabytes, so anything larger is a wrong or malicious file.
pub const MAX_DOCUMENT_XML_BYTES: u64 = 100 * 1024 * 1024;

/// The largest `_rels/.rels` read to find the text part (a few hundred bytes in practice).
const MAX_RELS_BYTES: u64 = 1024 * 1024;

const ZIP: &[u8] = b"PK\x03\x04";
/// The magic number of an OLE compound file: old Office files (.doc, .xls) and encrypted ones.
pub(crate) const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const MAIN_PART: &str = "word/document.xml";

/// A document whose text Docket extracts, told by its content (and, for a ZIP file, its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A Word document (DOCX, DOCM, DOTX): a ZIP package with a `word/document` part, or a ZIP
    /// file named `.docx`.
    Docx,
    /// A PDF.
    Pdf,
    /// A password-protected Office file (Word, Excel): an OLE compound file holding an
    /// `EncryptedPackage` stream.
    EncryptedOffice,
    /// A Word 97-2003 document (.doc): an OLE compound file holding a `WordDocument` stream.
    OldWord,
}

/// Tells whether `bytes` are a document whose text Docket extracts. `None` for anything else,
/// including spreadsheets (XLSX, which are ZIP files too) and text files.
pub fn document_kind(bytes: &[u8], file: &str) -> Option<DocumentKind> {
    if bytes.starts_with(b"%PDF") {
        return Some(DocumentKind::Pdf);
    }
    if bytes.starts_with(ZIP) && (contains(bytes, b"word/document") || has_word_extension(file)) {
        return Some(DocumentKind::Docx);
    }
    if is_encrypted_office(bytes) {
        return Some(DocumentKind::EncryptedOffice);
    }
    if ole_has_stream(bytes, "WordDocument") {
        return Some(DocumentKind::OldWord);
    }
    None
}

/// The text of a Word document or a PDF, `None` when `bytes` are neither (see
/// [`document_kind`]); a password-protected Office file is refused.
pub fn document_text(bytes: &[u8], file: &str) -> Result<Option<String>> {
    match document_kind(bytes, file) {
        Some(DocumentKind::Docx) => docx_text(bytes, file).map(Some),
        Some(DocumentKind::Pdf) => pdf_text(bytes, file).map(Some),
        Some(DocumentKind::EncryptedOffice) => Err(password_protected_office(file)),
        Some(DocumentKind::OldWord) => Err(Error::InvalidInput(format!(
            "{file} is in the old Word format (.doc), which Docket cannot read. Open it in Word or LibreOffice and save it as .docx or PDF, or copy its text and paste it into Docket."
        ))),
        None => Ok(None),
    }
}

/// Whether `bytes` are a password-protected Office document: Word and Excel encrypt a document
/// by wrapping it in an OLE compound file (magic `D0 CF 11 E0 A1 B1 1A E1`) with an
/// `EncryptedPackage` stream, whose name is written in UTF-16.
pub fn is_encrypted_office(bytes: &[u8]) -> bool {
    ole_has_stream(bytes, "EncryptedPackage")
}

/// Whether `bytes` are an OLE compound file naming a stream `name` (written in UTF-16, or in
/// ASCII by some writers).
fn ole_has_stream(bytes: &[u8], name: &str) -> bool {
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(OLE) && (contains(bytes, &utf16) || contains(bytes, name.as_bytes()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn has_word_extension(file: &str) -> bool {
    let lower = file.to_lowercase();
    [".docx", ".docm", ".dotx", ".dotm"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

fn password_protected_office(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is protected by a password, so Docket cannot read it. Open it in Word (or Excel) \
         with its password, remove the password (File > Info > Protect Document, or Protect \
         Workbook in Excel > Encrypt with Password, then clear the password and click OK), save \
         it and import it again."
    ))
}

fn not_a_word_document(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is not a Word document: it is a ZIP file without a Word document's text inside. \
         Open it in the program that made it and save it as a Word document (.docx), a PDF or \
         plain text, then import that file."
    ))
}

fn damaged_docx(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is a damaged or incomplete Word document (perhaps it was not fully downloaded or \
         copied), so Docket cannot read it. Download or copy it again; if it opens in Word, save \
         it again as .docx and import that file."
    ))
}

fn empty_docx(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is a Word document without any text. Check that it is the right file."
    ))
}

fn docx_too_large(file: &str, limit: u64) -> Error {
    Error::InvalidInput(format!(
        "{file} holds more than {} MB of text once unpacked, far more than any UPR document, so \
         Docket does not read it. Check that it is the right file.",
        limit / (1024 * 1024)
    ))
}

fn password_protected_pdf(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is a password-protected PDF, so Docket cannot read its text. Open it with its \
         password and save a copy without the password (or copy all its text and paste it into \
         Docket's paste box), then import that."
    ))
}

fn damaged_pdf(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} is a damaged or incomplete PDF (perhaps it was not fully downloaded), so Docket \
         cannot read it. Download it again; if it opens in a PDF reader, copy all its text and \
         paste it into Docket's paste box."
    ))
}

fn pdf_without_text(file: &str) -> Error {
    Error::InvalidInput(format!(
        "{file} has no text (it is a scan: its pages are pictures of text). Docket can only read \
         PDFs that contain text. Use the original PDF or Word version of the document from the \
         UN's website, or run text recognition (OCR) on this file and import the result."
    ))
}

fn unreadable_pdf(file: &str, page: Option<u32>) -> Error {
    let what = match page {
        Some(page) => format!("the text of page {page} of {file}"),
        None => format!("the text of {file}"),
    };
    Error::InvalidInput(format!(
        "Docket could not read {what}: the PDF is laid out in a way Docket does not understand. \
         Open it, copy all its text and paste it into Docket's paste box, or import the Word \
         version of the document."
    ))
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

/// The text of a Word document (DOCX): one line per paragraph, see the
/// [module documentation](self).
///
/// Refused with [`Error::InvalidInput`]: a file that is not a ZIP file or a ZIP file without a
/// Word text part ("not a Word document"), a damaged or truncated file, a password-protected
/// file, a text part larger than [`MAX_DOCUMENT_XML_BYTES`] once unpacked, a document without
/// text.
pub fn docx_text(bytes: &[u8], file: &str) -> Result<String> {
    docx_text_limited(bytes, file, MAX_DOCUMENT_XML_BYTES)
}

fn docx_text_limited(bytes: &[u8], file: &str, limit: u64) -> Result<String> {
    if is_encrypted_office(bytes) {
        return Err(password_protected_office(file));
    }
    if !bytes.starts_with(b"PK") {
        return Err(not_a_word_document(file));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged_docx(file))?;
    let part = main_part_name(&mut archive).unwrap_or_else(|| MAIN_PART.to_owned());
    let index = entry_index(&archive, &part)
        .or_else(|| entry_index(&archive, MAIN_PART))
        .ok_or_else(|| not_a_word_document(file))?;
    let xml = read_entry(&mut archive, index, limit).map_err(|e| match e {
        ReadFailure::TooLarge => docx_too_large(file, limit),
        ReadFailure::Encrypted => password_protected_office(file),
        ReadFailure::Damaged => damaged_docx(file),
    })?;
    // Word writes UTF-8; a byte-order mark (UTF-8 or UTF-16) is honoured, bad bytes replaced.
    let (xml, _, _) = encoding_rs::UTF_8.decode(&xml);
    match document_xml_text(&xml) {
        Ok(text) if text.trim().is_empty() => Err(empty_docx(file)),
        Ok(text) => Ok(text),
        Err(XmlFailure::NotWord) => Err(not_a_word_document(file)),
        Err(XmlFailure::Malformed) => Err(damaged_docx(file)),
    }
}

/// Why an entry of the ZIP file could not be read.
enum ReadFailure {
    TooLarge,
    Encrypted,
    Damaged,
}

/// An entry's bytes, at most `limit` of them.
fn read_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    limit: u64,
) -> std::result::Result<Vec<u8>, ReadFailure> {
    let entry = archive.by_index(index).map_err(|e| match e {
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => {
            ReadFailure::Encrypted
        }
        _ => ReadFailure::Damaged,
    })?;
    if entry.size() > limit {
        return Err(ReadFailure::TooLarge);
    }
    let mut bytes = Vec::new();
    // The declared size may lie: never unpack more than the limit.
    entry
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| ReadFailure::Damaged)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge);
    }
    Ok(bytes)
}

/// The index of the entry named `name`; part names are compared without regard to case, as
/// Office does.
fn entry_index(archive: &ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<usize> {
    archive.index_for_name(name).or_else(|| {
        archive
            .file_names_raw()
            .position(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The main document part named by the package's relationships (`_rels/.rels`), without its
/// leading slash; `None` when the package does not say.
fn main_part_name(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let index = entry_index(archive, "_rels/.rels")?;
    let bytes = read_entry(archive, index, MAX_RELS_BYTES).ok()?;
    let (xml, _, _) = encoding_rs::UTF_8.decode(&bytes);
    let mut reader = Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let is_main = attribute(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                let target = attribute(&e, "Target");
                if let (true, Some(target)) = (is_main, target) {
                    let target = target.trim_start_matches('/');
                    return (!target.is_empty() && !target.contains(".."))
                        .then(|| target.to_owned());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// An attribute's value, entities decoded.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Why a document part gave no text.
#[derive(Debug, PartialEq, Eq)]
enum XmlFailure {
    /// Its root element is not a Word document's (e.g. an Excel workbook's).
    NotWord,
    /// The XML is not well formed.
    Malformed,
}

/// The text of a `word/document.xml`.
fn document_xml_text(xml: &str) -> std::result::Result<String, XmlFailure> {
    let mut reader = Reader::from_str(xml);
    let mut text = DocxText::default();
    let mut root_seen = false;
    loop {
        let event = reader.read_event().map_err(|_| XmlFailure::Malformed)?;
        if let Event::Start(e) | Event::Empty(e) = &event {
            // The root of a Word document's main part is `w:document`.
            if !root_seen && e.local_name().as_ref() != "document" {
                return Err(XmlFailure::NotWord);
            }
            root_seen = true;
        }
        match event {
            Event::Start(e) => text.start(e.local_name().as_ref()),
            Event::Empty(e) => {
                let name = e.local_name();
                text.start(name.as_ref());
                text.end(name.as_ref());
            }
            Event::End(e) => text.end(e.local_name().as_ref()),
            Event::Text(e) if text.in_text() => text.push_str(&e.xml10_content()),
            Event::CData(e) if text.in_text() => text.push_str(&e),
            Event::GeneralRef(e) if text.in_text() => match e.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                Ok(None) => match &*e {
                    "amp" => text.push('&'),
                    "lt" => text.push('<'),
                    "gt" => text.push('>'),
                    "quot" => text.push('"'),
                    "apos" => text.push('\''),
                    other => text.push_str(&format!("&{other};")),
                },
                Err(_) => text.push('\u{FFFD}'),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(XmlFailure::NotWord);
    }
    Ok(text.finish())
}

/// The text of a Word document as its XML is walked.
#[derive(Debug)]
struct DocxText {
    /// The document's text, then the text of each table cell being read (nested tables nest).
    buffers: Vec<String>,
    /// The cells of each table row being read.
    rows: Vec<Vec<String>>,
    /// Depth inside `w:t` (text) elements.
    text_depth: u32,
    /// Depth inside `w:r` (run) elements: tabs count only there (a `w:tab` elsewhere is a tab
    /// stop's definition).
    run_depth: u32,
    /// Depth inside `mc:Fallback`: a second copy of content shown by old versions of Word.
    fallback_depth: u32,
}

impl Default for DocxText {
    fn default() -> Self {
        DocxText {
            buffers: vec![String::new()],
            rows: Vec::new(),
            text_depth: 0,
            run_depth: 0,
            fallback_depth: 0,
        }
    }
}

impl DocxText {
    fn in_text(&self) -> bool {
        self.text_depth > 0 && self.fallback_depth == 0
    }

    fn out(&mut self) -> &mut String {
        if self.buffers.is_empty() {
            self.buffers.push(String::new());
        }
        let last = self.buffers.len() - 1;
        &mut self.buffers[last]
    }

    fn push(&mut self, c: char) {
        if self.fallback_depth == 0 {
            self.out().push(c);
        }
    }

    fn push_str(&mut self, s: &str) {
        if self.fallback_depth == 0 {
            self.out().push_str(s);
        }
    }

    fn start(&mut self, name: &str) {
        match name {
            "t" => self.text_depth += 1,
            "r" => self.run_depth += 1,
            "Fallback" => self.fallback_depth += 1,
            "tab" | "ptab" if self.run_depth > 0 => self.push('\t'),
            "br" | "cr" => self.push('\n'),
            "noBreakHyphen" => self.push('-'),
            "tr" => self.rows.push(Vec::new()),
            "tc" => self.buffers.push(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.text_depth = self.text_depth.saturating_sub(1),
            "r" => self.run_depth = self.run_depth.saturating_sub(1),
            "Fallback" => self.fallback_depth = self.fallback_depth.saturating_sub(1),
            "p" => self.push('\n'),
            "tc" if self.buffers.len() > 1 => {
                let cell = self.buffers.pop().unwrap_or_default();
                match self.rows.last_mut() {
                    Some(row) => row.push(cell),
                    // A cell outside a row: keep its text.
                    None => self.push_str(&cell),
                }
            }
            "tr" => {
                if let Some(cells) = self.rows.pop() {
                    let row = render_row(&cells);
                    self.push_str(&row);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        // Cells left open by a document cut short keep their text.
        while self.buffers.len() > 1 {
            let cell = self.buffers.pop().unwrap_or_default();
            self.out().push_str(&cell);
        }
        self.buffers.pop().unwrap_or_default()
    }
}

/// A table row as text: one line with the cells separated by tabs when each cell is one line,
/// else each cell's lines, cell after cell (so that a cell's paragraphs stay lines).
fn render_row(cells: &[String]) -> String {
    let cells: Vec<&str> = cells.iter().map(|c| c.trim_end_matches('\n')).collect();
    if cells.iter().all(|c| c.trim().is_empty()) {
        return String::new();
    }
    let mut out = String::new();
    if cells.iter().all(|c| !c.contains('\n')) {
        out.push_str(&cells.join("\t"));
        out.push('\n');
    } else {
        for cell in cells.iter().filter(|c| !c.is_empty()) {
            out.push_str(cell);
            out.push('\n');
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

/// The text of a PDF's text layer, page after page; see the [module documentation](self).
///
/// Refused with [`Error::InvalidInput`]: a damaged or truncated PDF, a password-protected PDF
/// (one that needs a password to open), a PDF without text (a scan), a PDF whose text cannot be
/// read. Never panics.
pub fn pdf_text(bytes: &[u8], file: &str) -> Result<String> {
    match catch_quietly(|| pdf_text_unguarded(bytes, file)) {
        Ok(result) => result,
        Err(()) => Err(unreadable_pdf(file, None)),
    }
}

thread_local! {
    /// Whether this thread is running [`catch_quietly`]'s closure.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// Runs `f`, turning a panic into `Err(())` without printing it; panics elsewhere (other
/// threads, or this one outside `f`) go to the panic hook installed before.
fn catch_quietly<T>(f: impl FnOnce() -> T) -> std::result::Result<T, ()> {
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|_| ())
}

fn pdf_text_unguarded(bytes: &[u8], file: &str) -> Result<String> {
    use pdf_extract::{output_doc_page, Document, PlainTextOutput};

    let doc = Document::load_mem(bytes).map_err(|_| {
        // An encryption Docket's PDF library does not know fails to load.
        if contains(bytes, b"/Encrypt") {
            password_protected_pdf(file)
        } else {
            damaged_pdf(file)
        }
    })?;
    // A PDF with an empty user password (only printing or copying restricted) was decrypted
    // while loading; one that is still encrypted needs a password.
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(password_protected_pdf(file));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged_pdf(file));
    }
    let mut text = String::new();
    for &number in pages.keys() {
        {
            let mut output = PlainTextOutput::new(&mut text);
            output_doc_page(&doc, &mut output, number)
                .map_err(|_| unreadable_pdf(file, Some(number)))?;
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    if text.trim().is_empty() {
        return Err(pdf_without_text(file));
    }
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    use super::*;

    /// A DOCX holding these parts, stored (not compressed).
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        for (name, content) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn docx_of(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        );
        zip_of(&[("word/document.xml", &xml)])
    }

    fn message(result: Result<String>) -> String {
        match result {
            Err(Error::InvalidInput(m)) => m,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_and_entities() {
        let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs></w:pPr>
            <w:r><w:t>140</w:t></w:r><w:r><w:t>.1</w:t></w:r><w:r><w:tab/></w:r>
            <w:r><w:t xml:space="preserve">Ratify &amp; apply </w:t></w:r><w:r><w:t>&#8220;it&#x201D;</w:t></w:r>
            <w:r><w:br/><w:t>(Ghana);</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Next&lt;</w:t></w:r></w:p>"#;
        assert_eq!(
            docx_text(&docx_of(body), "r.docx").unwrap(),
            "140.1\tRatify & apply \u{201C}it\u{201D}\n(Ghana);\n\nNext<\n"
        );
    }

    #[test]
    fn hidden_text_is_left_out() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">Keep </w:t></w:r>
            <w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>
            <w:r><w:instrText> PAGE </w:instrText></w:r>
            <w:r><mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice>
            <mc:Fallback><w:t>box again</w:t><w:p/></mc:Fallback></mc:AlternateContent></w:r>
            <w:r><w:noBreakHyphen/><w:t>this</w:t></w:r></w:p>"#;
        assert_eq!(
            docx_text(&docx_of(body), "r.docx").unwrap(),
            "Keep box-this\n"
        );
    }

    #[test]
    fn table_rows_are_lines_of_tab_separated_cells_unless_a_cell_has_paragraphs() {
        let cell = |ps: &[&str]| {
            let ps: String = ps
                .iter()
                .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
                .collect();
            format!("<w:tc>{ps}</w:tc>")
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl><w:p><w:r><w:t>after</w:t></w:r></w:p>",
            cell(&["Paragraph"]),
            cell(&["Recommendation"]),
            cell(&["140.7 Ratify (Maldives);"]),
            cell(&["Source of Position: A/HRC/59/15/Add.1 - Para.3", "Supported"]),
            cell(&[""]),
        );
        assert_eq!(
            docx_text(&docx_of(&body), "t.docx").unwrap(),
            "Paragraph\tRecommendation\n140.7 Ratify (Maldives);\nSource of Position: A/HRC/59/15/Add.1 - Para.3\nSupported\nafter\n"
        );
    }

    #[test]
    fn the_main_part_is_found_through_the_package_relationships() {
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Two</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = zip_of(&[("_rels/.rels", rels), ("word/document2.xml", xml)]);
        assert_eq!(document_kind(&bytes, "x.bin"), Some(DocumentKind::Docx));
        assert_eq!(docx_text(&bytes, "x.docx").unwrap(), "Two\n");
    }

    #[test]
    fn a_text_part_larger_than_the_limit_is_refused() {
        let bytes = docx_of(&format!(
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
            "x".repeat(5000)
        ));
        let m = message(docx_text_limited(&bytes, "big.docx", 4096));
        assert!(m.contains("big.docx holds more than 0 MB"), "{m}");
        assert!(docx_text_limited(&bytes, "big.docx", 1 << 20).is_ok());
    }

    #[test]
    fn spreadsheets_and_text_are_not_documents() {
        let xlsx = zip_of(&[("xl/workbook.xml", "<workbook/>")]);
        assert_eq!(document_kind(&xlsx, "book.xlsx"), None);
        assert_eq!(document_kind(&xlsx, "book.DOCX"), Some(DocumentKind::Docx));
        let m = message(docx_text(&xlsx, "book.docx"));
        assert!(m.starts_with("book.docx is not a Word document"), "{m}");
        assert_eq!(document_kind(b"Paragraph,Text\n", "a.csv"), None);
        assert_eq!(document_text(b"Paragraph,Text\n", "a.csv").unwrap(), None);
        let old_doc = [OLE, &[0u8; 600][..]].concat();
        assert_eq!(document_kind(&old_doc, "old.doc"), None);
    }

    #[test]
    fn a_workbook_named_like_a_word_document_is_not_one() {
        let rels = r#"<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let bytes = zip_of(&[("_rels/.rels", rels), ("xl/workbook.xml", "<workbook/>")]);
        let m = message(docx_text(&bytes, "book.docx"));
        assert!(m.starts_with("book.docx is not a Word document"), "{m}");
        let m = message(docx_text(&docx_of("<w:p/>"), "empty.docx"));
        assert!(
            m.starts_with("empty.docx is a Word document without any text"),
            "{m}"
        );
    }

    #[test]
    fn a_panic_while_extracting_becomes_an_error() {
        assert_eq!(catch_quietly(|| 7), Ok(7));
        assert_eq!(catch_quietly(|| -> u8 { panic!("inside") }), Err(()));
        // The flag is reset: a panic outside still reaches the previous hook (and unwinds).
        assert!(!QUIET.with(Cell::get));
    }

    #[test]
    fn malformed_xml_is_a_damaged_document() {
        let bytes = zip_of(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
        let m = message(docx_text(&bytes, "bad.docx"));
        assert!(m.contains("damaged or incomplete Word document"), "{m}");
    }
}
