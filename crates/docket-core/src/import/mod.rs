//! Importing recommendations from the sources organizations really have.
//!
//! Each source format has its own reader module that turns decoded text (or bytes) into
//! [`ParsedReview`]s or [`PositionUpdate`]s plus [`Problem`]s, without touching the store. Readers
//! never panic on any input: bad input becomes a problem with a line and column.
//!
//! - [`decode`]: bytes → text (BOMs, UTF-8, UTF-16, legacy 8-bit code pages told apart by
//!   content), separator sniffing, CSV records with their line numbers.
//! - [`upr_info`]: UPR Info database exports (CSV).
//! - [`report`]: the Working Group report's text (from PDF, DOCX or pasted).
//! - [`thematic`]: OHCHR's thematic list of recommendations with positions.
//! - [`responses`]: the State's responses (addendum) listing paragraphs supported or noted.
//! - [`uhri`]: OHCHR's Universal Human Rights Index exports (XLSX, CSV).
//! - [`mapped`]: any other CSV/XLSX, its columns mapped with the user's help; Docket's own
//!   CSV/XLSX export is recognised as it is, the organization's tracking included (given only
//!   to the recommendations an import creates: existing ones keep theirs).
//! - [`read`]: a file's bytes → the right reader; [`prepare`]: a read file previewed against the
//!   store, ready to commit (what the app and the CLI call).

pub mod decode;
pub mod entities;
pub mod extract;
pub mod mapped;
pub mod prepare;
pub mod read;
pub mod report;
pub mod responses;
pub mod thematic;
pub mod uhri;
pub mod upr_info;

use serde::{Deserialize, Serialize};

use crate::domain::{NewRecommendation, NewReview, Position};
use crate::states;

/// A position as the sources write it, in English, French or Spanish ("Accepted", "Supported/Noted",
/// "prise en note", "apoyada parcialmente", …), compared after folding case, accents and
/// punctuation. `None` when the cell is empty or not a position word: each reader decides what an
/// empty cell means.
pub fn position_word(cell: &str) -> Option<Position> {
    Some(match states::normalize(cell).as_str() {
        "supported" | "supports" | "support" | "accepted" | "accept" | "yes" | "soutenue"
        | "soutenu" | "soutenues" | "acceptee" | "accepte" | "appuyee" | "apoyada" | "apoyado"
        | "apoyadas" | "aceptada" | "aceptado" => Position::Supported,
        "noted" | "note" | "notes" | "rejected" | "not accepted" | "not supported" | "notee"
        | "notees" | "prise en note" | "pris note" | "rejetee" | "tomada nota" | "tomo nota"
        | "se tomo nota" | "anotada" | "rechazada" | "no aceptada" => Position::Noted,
        "supported in part"
        | "supported noted"
        | "noted supported"
        | "accepted noted"
        | "accepted in part"
        | "partially supported"
        | "partially accepted"
        | "partly supported"
        | "partially"
        | "partial"
        | "in part"
        | "supported in part noted in part"
        | "partially supported partially noted"
        | "partiellement soutenue"
        | "soutenue en partie"
        | "soutenue notee"
        | "partiellement acceptee"
        | "apoyada parcialmente"
        | "parcialmente apoyada"
        | "aceptada parcialmente"
        | "parcialmente aceptada"
        | "apoyada tomada nota" => Position::SupportedInPart,
        "pending"
        | "to be examined"
        | "under consideration"
        | "en attente"
        | "pendiente"
        | "no response"
        | "none" => Position::Pending,
        _ => return None,
    })
}

/// The first run of ASCII digits in a cell, as a number ("5", "UPR 5", "Session 5", "5th").
pub fn first_number(cell: &str) -> Option<i64> {
    let start = cell.find(|c: char| c.is_ascii_digit())?;
    let digits = cell.get(start..)?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits.get(..end)?.parse::<i64>().ok()
}

/// Reads a position cell of an export: an empty cell (or a dash) is pending; the flag says whether
/// the value was recognized.
pub(crate) fn position_cell(cell: &str) -> (Position, bool) {
    if states::normalize(cell).is_empty() {
        return (Position::Pending, true);
    }
    position_word(cell).map_or((Position::Pending, false), |p| (p, true))
}

/// Whether `other` (a recommendation's text as a thematic list repeats it) reads like `stored`
/// (its text in the review): most of its longer words are in the stored text. Case, accents and
/// punctuation are ignored; the recommending States a list appends are tolerated. A text too short
/// to judge agrees.
pub fn texts_agree(stored: &str, other: &str) -> bool {
    fn words(text: &str) -> Vec<String> {
        states::normalize(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect()
    }
    let known: std::collections::HashSet<String> = words(stored).into_iter().collect();
    let theirs = words(other);
    if known.len() < 3 || theirs.len() < 3 {
        return true;
    }
    let found = theirs.iter().filter(|w| known.contains(*w)).count();
    found * 2 >= theirs.len()
}

/// A review and its recommendations as read from a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedReview {
    /// The review's facts as far as the source tells them.
    pub review: NewReview,
    /// Its recommendations, in source order.
    pub recommendations: Vec<NewRecommendation>,
}

/// A position (with what comes with it) for a recommendation identified by its paragraph number,
/// read from a source that does not carry the recommendations themselves (thematic list,
/// addendum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionUpdate {
    /// Paragraph number, e.g. `140.7`.
    pub paragraph: String,
    /// The position, when the source gives one.
    pub position: Option<Position>,
    /// Where the position comes from, e.g. `A/HRC/59/15/Add.1 - Para.3`.
    pub position_source: Option<String>,
    /// The recommendation's text when the source repeats it (used to check the join).
    pub text: Option<String>,
    /// Recommending States as written, when the source repeats them.
    pub states: Vec<String>,
    /// Themes.
    pub themes: Vec<String>,
    /// Groups of persons.
    pub groups_of_persons: Vec<String>,
    /// SDGs, e.g. `5 - GENDER EQUALITY`.
    pub sdgs: Vec<String>,
}

/// Something wrong or doubtful in a source, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// 1-based line in the decoded text, when known.
    pub line: Option<u64>,
    /// 1-based column (in characters), when known.
    pub column: Option<u64>,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

impl Problem {
    /// A problem at a line (and optionally a column).
    pub fn at(line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            line: Some(line),
            column,
            message: message.into(),
        }
    }

    /// A problem with the whole source.
    pub fn general(message: impl Into<String>) -> Self {
        Problem {
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// The source formats Docket reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// UPR Info database export.
    UprInfo,
    /// OHCHR Universal Human Rights Index export.
    Uhri,
    /// The Working Group report's text.
    Report,
    /// OHCHR's thematic list with positions.
    ThematicList,
    /// The State's responses (addendum).
    Responses,
    /// Any other spreadsheet, columns mapped.
    Csv,
}

impl Format {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::UprInfo => "upr-info",
            Format::Uhri => "uhri",
            Format::Report => "report",
            Format::ThematicList => "thematic-list",
            Format::Responses => "responses",
            Format::Csv => "csv",
        }
    }

    /// Parses [`Format::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Format> {
        [
            Format::UprInfo,
            Format::Uhri,
            Format::Report,
            Format::ThematicList,
            Format::Responses,
            Format::Csv,
        ]
        .into_iter()
        .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Everything read from one source, ready to be previewed and committed by
/// [`crate::Store::import`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    /// The file's name (for problems and the import log).
    pub file: String,
    /// The format it was read as.
    pub format: Format,
    /// Reviews with their recommendations (reports, exports, spreadsheets).
    pub reviews: Vec<ParsedReview>,
    /// Positions and labels joined by paragraph onto an existing review (thematic lists,
    /// responses).
    pub updates: Vec<PositionUpdate>,
    /// The document the updates come from (e.g. `A/HRC/59/15/Add.1`), used to find their review.
    pub updates_document: Option<String>,
    /// Rows or items read.
    pub rows: u64,
    /// Rows skipped on purpose (e.g. UHRI rows that are not UPR recommendations).
    pub skipped: u64,
    /// Problems found while reading.
    pub problems: Vec<Problem>,
    /// How the file was read (encoding, columns), for the preview.
    pub source: SourceInfo,
}

/// How a file was read: what the preview shows so that the user can correct it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The text encoding used (WHATWG name), for text files.
    pub encoding: Option<String>,
    /// The header row of a spreadsheet read through a column mapping.
    pub header: Vec<String>,
    /// The column mapping used for such a spreadsheet.
    pub mapping: Option<mapped::ColumnMapping>,
    /// Where that mapping came from.
    pub mapping_source: Option<MappingSource>,
}

/// Where a column mapping came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// Guessed from the header names.
    Guessed,
    /// Remembered from an earlier file with the same headers.
    Remembered,
    /// Chosen by the user for this file.
    Chosen,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_words_of_every_source_fold_to_one_vocabulary() {
        for (cell, expected) in [
            ("Accepted", Some(Position::Supported)),
            ("**Supported**", Some(Position::Supported)),
            ("Supported / Noted", Some(Position::SupportedInPart)),
            ("noted/supported", Some(Position::SupportedInPart)),
            ("Prise en note", Some(Position::Noted)),
            ("apoyada parcialmente", Some(Position::SupportedInPart)),
            ("To be examined", Some(Position::Pending)),
            ("", None),
            ("Maybe", None),
        ] {
            assert_eq!(position_word(cell), expected, "{cell:?}");
        }
        assert_eq!(position_cell(" - "), (Position::Pending, true));
        assert_eq!(position_cell("Maybe"), (Position::Pending, false));
    }

    #[test]
    fn texts_agree_despite_case_accents_and_appended_states() {
        let stored = "Ratify the Optional Protocol to the Convention against Torture";
        assert!(texts_agree(
            stored,
            "Ratify the optional protocol to the Convention against Torture (Algeria) (Cabo Verde) (Côte d'Ivoire);"
        ));
        assert!(texts_agree(
            "Garantizar la educación intercultural bilingüe",
            "garantizar la educacion intercultural bilingue"
        ));
        assert!(!texts_agree(
            stored,
            "Abolish the death penalty and commute all death sentences without delay"
        ));
        // Too short to judge.
        assert!(texts_agree(stored, "See above"));
    }

    #[test]
    fn first_number_takes_the_first_run_of_digits() {
        assert_eq!(first_number("UPR 37th session"), Some(37));
        assert_eq!(first_number("no digits"), None);
        assert_eq!(first_number("99999999999999999999"), None);
    }
}
