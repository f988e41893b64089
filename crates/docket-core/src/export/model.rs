//! What every export is made of before it becomes a file.
//!
//! A template ([`super::templates`]) reads the store and builds a [`Document`] (for DOCX, PDF,
//! Markdown and HTML) or a [`Sheet`] (for CSV and XLSX). Each renderer turns one of these into
//! bytes and knows nothing of the store, so every template is written in every format by the
//! same few functions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The organization shown in the header of every document (from Settings).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Organization {
    /// The organization's name; empty when not set.
    pub name: String,
    /// Its logo, when one was chosen.
    pub logo: Option<Logo>,
}

/// An image format Docket accepts for the logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl ImageFormat {
    /// The MIME type (for HTML data URIs).
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
        }
    }
}

/// The organization's logo: the image file's bytes and its size in pixels (read from its header
/// by [`super::logo::read_logo`], so renderers can scale it without decoding it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logo {
    /// PNG or JPEG.
    pub format: ImageFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The file's bytes.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The text (may hold line breaks only in [`Block::Paragraph`]s of a statement script).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

/// A table column: its header and its share of the text width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The header cell's text.
    pub header: String,
    /// Percent of the text width; a table's columns add up to 100.
    pub width: u8,
}

/// A part of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A heading, level 1 (a part), 2 (a section) or 3 (a sub-section). The document's title is
    /// not a block: renderers write it from [`Document::title`].
    Heading {
        /// 1 to 3.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// Its runs.
        spans: Vec<Span>,
    },
    /// A recommendation: its paragraph number (kept as written, e.g. `26.1`), the text, and lines
    /// of details under it (label, value), e.g. ("Position", "Supported").
    Recommendation {
        /// The paragraph number in the Working Group report.
        paragraph: String,
        /// The recommendation's text.
        text: String,
        /// Who recommended it, e.g. "Mexico; Chile".
        states: String,
        /// Details in order; empty values are left out by the template.
        details: Vec<(String, String)>,
    },
    /// A list whose items Word numbers itself (1., 2., …) when `numbered`, else bullets.
    List {
        /// Numbered (true) or bulleted.
        numbered: bool,
        /// One item per entry.
        items: Vec<Vec<Span>>,
    },
    /// A table with a header row; every row has one cell per column.
    Table {
        /// The columns.
        columns: Vec<Column>,
        /// The body rows.
        rows: Vec<Vec<String>>,
    },
    /// A time mark in a statement script: how far into the speech this point is, e.g. `0:30`.
    TimeMark {
        /// `m:ss`.
        at: String,
    },
    /// The next block starts on a new page (one State per page, one statement per page).
    PageBreak,
}

/// A document ready to be written as DOCX, PDF, Markdown or HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The title, e.g. "Thematic briefing: United States of America, 3rd cycle".
    pub title: String,
    /// A line under the title, e.g. "Working Group session 36, reviewed 9 November 2020".
    pub subtitle: String,
    /// The organization (header of every page).
    pub organization: Organization,
    /// The day it was made, shown under the title and in the footer.
    pub date: NaiveDate,
    /// A statement script read aloud: large type, wide spacing.
    pub large_type: bool,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A spreadsheet cell: text or a date, never a formula or a number (paragraph numbers such as
/// `26.10` must stay text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// Text, written as is (CSV neutralizes formula starts; XLSX writes a string cell).
    Text(String),
    /// A date (an XLSX date cell; `YYYY-MM-DD` in CSV).
    Date(NaiveDate),
}

/// One table of data for CSV or XLSX.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// The worksheet's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// The header row.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// The date as people read it in a briefing: `9 November 2020`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Whether a text is mostly right-to-left script (Arabic, Hebrew…): such paragraphs are set
/// right to left.
pub fn is_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    rtl > ltr
}
