//! Any other CSV or XLSX file: its columns mapped to Docket's fields with the user's help.
//!
//! Spreadsheets people make by hand have any columns, in any language, saved as Excel CSV in the
//! local code page with `;` as separator, as UTF-16 "Unicode text", or as `.xlsx`. The app:
//!
//! 1. reads the header ([`header_of_text`] after [`decode::decode`], or [`header_of_xlsx`]);
//! 2. looks up a mapping remembered under [`ColumnMapping::key`] of that header, or else
//!    [`ColumnMapping::guess`]es one from the header names (English, French, Spanish);
//! 3. shows it to the user, who corrects and confirms it ([`ColumnMapping::is_usable`] says what
//!    is still missing), and remembers it under the header's key;
//! 4. reads the rows with [`parse_text`] or [`parse_xlsx`].
//!
//! Rows become reviews like the UPR Info reader does: when the file has a State-under-review or
//! a session column, rows are grouped by (State under review, session) in order of first
//! appearance; an empty cell, or a missing column, takes its value from the review the user gave.
//! Without either column every row belongs to the review the user gave, and without one the file
//! is refused with a problem asking which review it is.
//!
//! Cells:
//! - **States**: several States separated by `;`, `|` or line breaks. A part is first tried whole
//!   against the list of States (so "Korea, Republic of" stays one State); otherwise it is split
//!   on commas only when every comma-separated piece is a known State ("Algeria, Egypt").
//!   Leading list marks ("- ", "• ") are removed. Unknown names are kept as written, with a
//!   problem (once per name).
//! - **Position**: supported / accepted, noted / rejected, supported in part / partially /
//!   "supported/noted" / `supported_noted`, pending / empty, and the French (soutenue, notée,
//!   partiellement soutenue, en attente) and Spanish (apoyada, aceptada, tomada nota, rechazada,
//!   apoyada parcialmente, pendiente) forms, case, accents and punctuation ignored. Anything
//!   else is taken as pending, with a problem at its line and column.
//! - **Themes** and **groups of persons**: split on `;`, `|` or line breaks when the cell has
//!   any of them. Otherwise the cell is split on commas outside parentheses, and a piece that
//!   starts with a lower-case letter is joined back to the previous one (theme names start with
//!   a capital: "Human rights education, trainings & awareness raising" stays one theme, as in
//!   the UPR Info reader). **SDGs** are split on commas followed by a goal number
//!   ("5 - GENDER EQUALITY, 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" is two goals).
//! - **Paragraph** numbers are trimmed; a paragraph seen twice in one review is a problem and
//!   the first row is kept. A row without text is a problem and skipped.
//! - **Action**: a number from 1 to 5; **Session**, **Cycle**: the first number in the cell
//!   ("UPR 36", "3rd cycle"); **Date**: `YYYY-MM-DD`, `DD/MM/YYYY`, `DD.MM.YYYY`, "5 November
//!   2020", an Excel date cell or an Excel serial number.
//!
//! - **Report**: the Working Group report's symbol, a fact of the review (the first row that
//!   has one gives it).
//!
//! The organization's **tracking** columns (priority, our ask, lobbying status, implementation
//! status, assignee, tags, notes, evidence) are read too, so that Docket's own CSV/XLSX export
//! (`export::records`) imports back into identical data: its header is recognised as it is,
//! nothing to map by hand. Priority: high / medium / low or empty; statuses as Docket writes
//! them ("Not started", "In progress", "Partially implemented"…, or `in_progress`), empty
//! meaning not started / not assessed; tags split like themes; notes keep their line breaks and
//! leading spaces; evidence is one link per line, `label <address>`, `<address>` or a bare
//! address. An unknown word is a problem at its cell and the value is left at its default.
//! Tracking read from a file is applied only to the recommendations the import creates: a
//! recommendation already in Docket keeps its own tracking (see `store::import`).
//!
//! In CSV text, a cell that starts with `'` followed by `=`, `+`, `-`, `@`, a tab or a carriage
//! return (after any further `'`) loses its first `'`: Docket's export adds it so that
//! spreadsheets do not run the cell as a formula ([`unneutralize`]). Workbook cells are read as
//! they are.
//!
//! Several columns mapped to one field: list fields (States, themes, groups, SDGs, tags,
//! evidence) take the items of all of them; the other fields take the first non-empty cell.
//! [`join_list`], [`join_states`] and [`join_sdgs`] write a list cell that this reader splits
//! back into the same items.
//!
//! Problems carry the line of the CSV text (or the spreadsheet row) and, for a cell, the
//! spreadsheet column counted from 1 (not a character offset).

use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::decode::{self, Record};
use super::upr_info::cycle_of_session;
use super::{first_number, position_cell, ParsedReview, Problem};
use crate::domain::{
    ImplementationStatus, LobbyingStatus, NewEvidence, NewRecommendation, NewReview, NewTracking,
    Position, Priority,
};
use crate::states;
use crate::Error;

/// A Docket field a column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Paragraph number in the Working Group report, e.g. `26.1`.
    Paragraph,
    /// The recommendation's text (the one field a mapping needs).
    Text,
    /// Recommending State(s).
    States,
    /// The State under review's position.
    Position,
    /// Themes (issues).
    Themes,
    /// Groups of persons (affected persons).
    GroupsOfPersons,
    /// Sustainable Development Goals.
    Sdgs,
    /// UPR Info action category (1-5).
    ActionCategory,
    /// The State under review.
    StateUnderReview,
    /// The Working Group session number.
    Session,
    /// The UPR cycle.
    Cycle,
    /// The date of the review.
    ReviewDate,
    /// Where the position comes from, e.g. `A/HRC/46/15/Add.1`.
    PositionSource,
    /// The Working Group report's symbol, e.g. `A/HRC/46/15` (a fact of the review).
    ReportSymbol,
    /// The organization's priority: high, medium, low or empty.
    Priority,
    /// What the organization asks of the government.
    OurAsk,
    /// Where the organization's lobbying stands (not started, planned, in progress, achieved,
    /// dropped).
    LobbyingStatus,
    /// The organization's assessment of implementation (not assessed, not implemented,
    /// partially implemented, fully implemented).
    ImplementationStatus,
    /// Who in the organization follows the recommendation.
    Assignee,
    /// The organization's tags.
    Tags,
    /// The organization's notes.
    Notes,
    /// Evidence links, one per line, written `label <address>` (or just the address).
    Evidence,
    /// A column Docket does not read.
    Ignore,
}

impl Field {
    /// Whether the field is part of the organization's tracking (applied only to the
    /// recommendations an import creates).
    pub fn is_tracking(self) -> bool {
        matches!(
            self,
            Field::Priority
                | Field::OurAsk
                | Field::LobbyingStatus
                | Field::ImplementationStatus
                | Field::Assignee
                | Field::Tags
                | Field::Notes
                | Field::Evidence
        )
    }
}

/// Which field each column of a file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// One field per header column, in header order. Columns past the end count as
    /// [`Field::Ignore`].
    pub columns: Vec<Field>,
}

/// How a header name is recognized: exact names (after folding) and phrases it may contain.
struct Rule {
    field: Field,
    exact: &'static [&'static str],
    contains: &'static [&'static str],
}

/// The rules, most specific first: a column takes the first rule it matches (exact names over
/// all rules first, then phrases).
const RULES: &[Rule] = &[
    Rule {
        field: Field::PositionSource,
        exact: &[
            "source of position",
            "position source",
            "source",
            "source de la position",
            "fuente de la posicion",
        ],
        contains: &["source of position", "source de la position", "fuente"],
    },
    Rule {
        field: Field::StateUnderReview,
        exact: &[
            "to",
            "state under review",
            "sur",
            "reviewed state",
            "state reviewed",
            "etat examine",
            "etat sous examen",
            "estado examinado",
            "estado bajo examen",
            "country",
            "countries concerned",
            "country concerned",
            "pays",
            "pays concerne",
            "pais",
        ],
        contains: &[
            "under review",
            "etat examine",
            "sous examen",
            "estado examinado",
            "bajo examen",
            "concerned",
        ],
    },
    Rule {
        field: Field::Paragraph,
        exact: &[
            "paragraph",
            "para",
            "no",
            "n",
            "nr",
            "number",
            "num",
            "ref",
            "reference",
            "recommendation number",
            "recommendation no",
            "paragraphe",
            "parrafo",
            "numero",
            "id",
        ],
        contains: &[
            "paragraph",
            "paragraphe",
            "parrafo",
            "recommendation number",
            "recommendation no",
            "numero",
            "number",
        ],
    },
    Rule {
        field: Field::States,
        exact: &[
            "from",
            "state",
            "recommending state",
            "recommending country",
            "recommended by",
            "etat",
            "etat recommandant",
            "estado",
            "estado recomendante",
            "recommending",
        ],
        contains: &[
            "recommending",
            "reccomending",
            "recommandant",
            "recomendante",
            "recommended by",
        ],
    },
    Rule {
        field: Field::GroupsOfPersons,
        exact: &[
            "groups of persons",
            "group of persons",
            "affected persons",
            "persons",
            "groups",
            "groupes de personnes",
            "personnes concernees",
            "grupos de personas",
            "personas afectadas",
        ],
        contains: &[
            "groups of persons",
            "group of persons",
            "affected persons",
            "groupes de personnes",
            "grupos de personas",
            "personas afectadas",
        ],
    },
    Rule {
        field: Field::Sdgs,
        exact: &["sdg", "odd", "ods", "sustainable development goal"],
        contains: &["sdg", "sustainable development", "developpement durable"],
    },
    Rule {
        field: Field::Themes,
        exact: &[
            "theme",
            "issue",
            "tema",
            "thematique",
            "topic",
            "subject",
            "sujet",
        ],
        contains: &["theme", "issue", "tema", "topic", "thematique"],
    },
    Rule {
        field: Field::ActionCategory,
        exact: &[
            "action",
            "action category",
            "category",
            "categorie",
            "categoria",
        ],
        contains: &["action"],
    },
    Rule {
        field: Field::Position,
        exact: &[
            "position",
            "response",
            "status",
            "reponse",
            "posicion",
            "respuesta",
            "statut",
        ],
        contains: &["position", "response", "reponse", "posicion", "respuesta"],
    },
    Rule {
        field: Field::Session,
        exact: &["session", "sesion", "wg session", "upr session"],
        contains: &["session", "sesion"],
    },
    Rule {
        field: Field::Cycle,
        exact: &["cycle", "ciclo"],
        contains: &["cycle", "ciclo"],
    },
    Rule {
        field: Field::ReviewDate,
        exact: &["date", "fecha", "review date", "date of review"],
        contains: &["date", "fecha"],
    },
    Rule {
        field: Field::Text,
        exact: &[
            "text",
            "texte",
            "texto",
            "recommendation",
            "recommandation",
            "recomendacion",
            "recommendation text",
            "full text",
        ],
        contains: &[
            "text",
            "texte",
            "texto",
            "recommendation",
            "recommandation",
            "recomendacion",
        ],
    },
    // The organization's tracking and the report symbol, as Docket's own export names them
    // (and a few other words). After the source fields, so that a header that matched one of
    // those before still does.
    Rule {
        field: Field::ReportSymbol,
        exact: &[
            "report",
            "report symbol",
            "wg report",
            "working group report",
            "rapport",
            "informe",
        ],
        contains: &["report symbol"],
    },
    Rule {
        field: Field::Priority,
        exact: &["priority", "our priority", "priorite", "prioridad"],
        contains: &["priority", "priorite", "prioridad"],
    },
    Rule {
        field: Field::OurAsk,
        exact: &[
            "our ask",
            "ask",
            "advocacy ask",
            "notre demande",
            "nuestra peticion",
        ],
        contains: &["our ask", "advocacy ask"],
    },
    Rule {
        field: Field::LobbyingStatus,
        exact: &[
            "lobbying status",
            "lobbying",
            "advocacy status",
            "plaidoyer",
            "statut du plaidoyer",
            "incidencia",
            "estado de la incidencia",
        ],
        contains: &["lobbying", "plaidoyer", "incidencia"],
    },
    Rule {
        field: Field::ImplementationStatus,
        exact: &[
            "implementation status",
            "implementation",
            "mise en oeuvre",
            "statut de mise en oeuvre",
            "implementacion",
            "estado de implementacion",
        ],
        contains: &["implementation status", "mise en oeuvre", "implementacion"],
    },
    Rule {
        field: Field::Assignee,
        exact: &["assignee", "assigned to", "focal point", "responsable"],
        contains: &["assignee", "assigned to"],
    },
    Rule {
        field: Field::Tags,
        exact: &["tag", "etiquette", "etiqueta", "mot cle"],
        contains: &[],
    },
    Rule {
        field: Field::Notes,
        exact: &["note", "our note", "internal note", "nota"],
        contains: &[],
    },
    Rule {
        field: Field::Evidence,
        exact: &["evidence", "evidence link", "preuve", "evidencia"],
        contains: &["evidence"],
    },
];

/// Folds a header name: lower case, accents removed, punctuation and underscores as spaces,
/// single spaces, a BOM and surrounding quotes ignored, and plural marks dropped ("State(s)",
/// "themes" → "state", "theme").
fn fold_header(name: &str) -> String {
    let name = name.trim().trim_start_matches('\u{FEFF}');
    let normalized = states::normalize(name);
    normalized
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "s")
        .map(|w| {
            // Plural "s" of a longer word ("themes", "etats", "recommendations"), but not of
            // words whose singular ends in "s" ("persons" is kept as is in the rules).
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w != "persons" {
                w.get(..w.len() - 1).unwrap_or(w)
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `folded` contains `phrase` as whole words.
fn contains_words(folded: &str, phrase: &str) -> bool {
    let padded = format!(" {folded} ");
    padded.contains(&format!(" {phrase} "))
}

/// The field a header name suggests, and whether it matched exactly (2) or by phrase (1).
fn match_header(name: &str) -> Option<(Field, u8)> {
    let folded = fold_header(name);
    if folded.is_empty() {
        return None;
    }
    // Rules' names are folded the same way so that "themes"/"theme" compare equal.
    for rule in RULES {
        if rule.exact.iter().any(|e| fold_header(e) == folded) {
            return Some((rule.field, 2));
        }
    }
    for rule in RULES {
        if rule
            .contains
            .iter()
            .any(|p| contains_words(&folded, &fold_header(p)))
        {
            return Some((rule.field, 1));
        }
    }
    None
}

impl ColumnMapping {
    /// Guesses the mapping from the header's names (English, French, Spanish; case, accents,
    /// punctuation and plurals ignored). Each field goes to at most one column: the one whose
    /// name matches exactly, else the first whose name contains a telling phrase. Unknown
    /// columns are [`Field::Ignore`].
    pub fn guess(header: &[String]) -> ColumnMapping {
        let matches: Vec<Option<(Field, u8)>> = header.iter().map(|h| match_header(h)).collect();
        let mut best: HashMap<Field, (usize, u8)> = HashMap::new();
        for (i, m) in matches.iter().enumerate() {
            if let Some((field, score)) = *m {
                match best.get(&field) {
                    Some(&(_, s)) if s >= score => {}
                    _ => {
                        best.insert(field, (i, score));
                    }
                }
            }
        }
        let columns = matches
            .iter()
            .enumerate()
            .map(|(i, m)| match m {
                Some((field, _)) if best.get(field).map(|&(c, _)| c) == Some(i) => *field,
                _ => Field::Ignore,
            })
            .collect();
        ColumnMapping { columns }
    }

    /// Whether the mapping can be used: it needs a column for the recommendation's text.
    /// The error is a plain message saying what is missing.
    pub fn is_usable(&self) -> Result<(), String> {
        if self.columns.contains(&Field::Text) {
            Ok(())
        } else {
            Err(
                "Say which column holds the text of the recommendations: no column is set \
                 to \"Text\"."
                    .to_string(),
            )
        }
    }

    /// A stable key for a header, equal for "the same headers" however they are cased, spaced
    /// or accented, so that a confirmed mapping can be remembered and offered again: the folded
    /// names joined with `|`, trailing empty columns left out.
    pub fn key(header: &[String]) -> String {
        let mut names: Vec<String> = header
            .iter()
            .map(|h| {
                let t = h.trim().trim_start_matches('\u{FEFF}').trim();
                let t = t
                    .strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .unwrap_or(t);
                states::normalize(t)
            })
            .collect();
        while names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        names.join("|")
    }

    /// The columns mapped to `field`.
    fn columns_of(&self, field: Field) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == field)
            .map(|(i, _)| i)
            .collect()
    }
}

/// The result of reading a mapped file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappedParse {
    /// The reviews, in order of first appearance, each with its recommendations in file order.
    pub reviews: Vec<ParsedReview>,
    /// Data rows read (the header and blank rows not counted), including rows skipped for a
    /// problem.
    pub rows: u64,
    /// Problems, with line (or spreadsheet row) and, for a cell, spreadsheet column.
    pub problems: Vec<Problem>,
}

/// Trims a header cell: spaces, a BOM and surrounding double quotes.
fn clean_header(cell: &str) -> String {
    let t = cell.trim().trim_start_matches('\u{FEFF}').trim();
    t.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(t)
        .trim()
        .to_string()
}

/// The header of a (decoded) CSV text: its first record with non-empty cells, trimmed. Empty
/// when the text has none.
pub fn header_of_text(text: &str) -> Vec<String> {
    head_of_text(text, 1).into_iter().next().unwrap_or_default()
}

/// The first `n` records of a (decoded) CSV text that have non-empty cells, trimmed: where a
/// header row is looked for when an export starts with a title.
pub fn head_of_text(text: &str, n: usize) -> Vec<Vec<String>> {
    let delimiter = decode::sniff_delimiter(text);
    decode::records(text, delimiter)
        .take(1000)
        .flatten()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()))
        .take(n)
        .map(|r| r.fields.iter().map(|f| clean_header(f)).collect())
        .collect()
}

/// Reads a (decoded) CSV text with a mapping. The separator is sniffed; the first record with
/// non-empty cells is the header. `review` is the review the user says the rows belong to (see
/// the module documentation). Never panics.
pub fn parse_text(text: &str, mapping: &ColumnMapping, review: Option<&NewReview>) -> MappedParse {
    let delimiter = decode::sniff_delimiter(text);
    let mut problems = Vec::new();
    let mut rows = decode::records(text, delimiter).filter_map(|r| match r {
        Ok(record) => Some(record),
        Err(problem) => {
            problems.push(problem);
            None
        }
    });
    let mut header_found = false;
    for record in rows.by_ref() {
        if record.fields.iter().any(|f| !f.trim().is_empty()) {
            header_found = true;
            break;
        }
    }
    let mut result = if header_found {
        // Docket's own CSV neutralizes cells that would start a formula: undone here.
        let rows = rows.map(|mut record| {
            for field in &mut record.fields {
                if field.starts_with('\'') {
                    let kept = unneutralize(field).len();
                    field.drain(..field.len() - kept);
                }
            }
            record
        });
        read_rows(rows, mapping, review)
    } else {
        let mut result = MappedParse::default();
        result
            .problems
            .push(Problem::general("The file is empty: no header, no rows."));
        result
    };
    // Reading problems (bad CSV lines) first, in file order with the others after.
    problems.append(&mut result.problems);
    result.problems = problems;
    result
}

/// Opens the first sheet of a workbook (XLSX, or the older XLS), refusing unreadable files with
/// a plain message. calamine is not known to panic, but a panic on a malformed file is turned
/// into the same refusal rather than taking the app down.
fn first_sheet(bytes: &[u8]) -> Result<calamine::Range<Data>, Error> {
    let unreadable = |detail: String| {
        Error::InvalidInput(format!(
            "This file could not be read as an Excel workbook: {detail}. Open it in Excel or \
             LibreOffice and save it again as .xlsx or \"CSV UTF-8\"; then import that file."
        ))
    };
    let outcome = std::panic::catch_unwind(|| {
        let mut workbook =
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        match workbook.worksheet_range_at(0) {
            Some(Ok(range)) => Ok(Some(range)),
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(None),
        }
    });
    match outcome {
        Ok(Ok(Some(range))) => Ok(range),
        Ok(Ok(None)) => Err(Error::InvalidInput(
            "This workbook has no sheet. Choose a workbook whose first sheet holds the \
             recommendations."
                .to_string(),
        )),
        Ok(Err(detail)) => Err(unreadable(detail)),
        Err(_) => Err(unreadable("the file is damaged".to_string())),
    }
}

/// The first sheet of a workbook as CSV text (every cell quoted), for the readers of text exports
/// (a UPR Info export saved from Excel). Line numbers are the sheet's row numbers, as long as no
/// cell holds a line break.
pub fn workbook_as_csv(bytes: &[u8]) -> Result<String, Error> {
    let range = first_sheet(bytes)?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut out = "\n".repeat(first_row);
    for row in range.rows() {
        let cells = std::iter::repeat_n(String::new(), first_col).chain(row.iter().map(cell_text));
        let line: Vec<String> = cells
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// A spreadsheet cell as text: whole numbers without ".0", dates as `YYYY-MM-DD` (with the time
/// when it is not midnight), errors as empty.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{}", *f as i64)
        }
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if d.time() == chrono::NaiveTime::MIN => d.format("%Y-%m-%d").to_string(),
            Some(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => cell.to_string(),
        },
        other => other.to_string(),
    }
}

/// The rows of the first sheet as records, with their spreadsheet row numbers; blank rows left
/// out.
fn sheet_records(range: &calamine::Range<Data>) -> Vec<Record> {
    let first_row = range.start().map_or(0, |(r, _)| u64::from(r));
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    range
        .rows()
        .enumerate()
        .filter_map(|(i, row)| {
            let mut fields: Vec<String> = vec![String::new(); first_col];
            fields.extend(row.iter().map(cell_text));
            if fields.iter().all(|f| f.trim().is_empty()) {
                return None;
            }
            Some(Record {
                line: first_row + i as u64 + 1,
                fields,
            })
        })
        .collect()
}

/// The header of an XLSX workbook: the first non-empty row of its first sheet, trimmed (cells
/// before the first used column included as empty names). Empty for an empty sheet.
///
/// Refused with [`Error::InvalidInput`] and a plain message: password-protected or old `.xls`
/// workbooks, and files that are not a readable `.xlsx`.
pub fn header_of_xlsx(bytes: &[u8]) -> Result<Vec<String>, Error> {
    Ok(head_of_xlsx(bytes, 1)?
        .into_iter()
        .next()
        .unwrap_or_default())
}

/// The first `n` non-empty rows of the first sheet, trimmed (see [`head_of_text`]).
pub fn head_of_xlsx(bytes: &[u8], n: usize) -> Result<Vec<Vec<String>>, Error> {
    let range = first_sheet(bytes)?;
    Ok(sheet_records(&range)
        .into_iter()
        .take(n)
        .map(|r| r.fields.iter().map(|f| clean_header(f)).collect())
        .collect())
}

/// Reads the first sheet of an XLSX workbook with a mapping; its first non-empty row is the
/// header. Problems' lines are spreadsheet row numbers. Refused as [`header_of_xlsx`] is.
pub fn parse_xlsx(
    bytes: &[u8],
    mapping: &ColumnMapping,
    review: Option<&NewReview>,
) -> Result<MappedParse, Error> {
    let range = first_sheet(bytes)?;
    let mut records = sheet_records(&range).into_iter();
    if records.next().is_none() {
        return Ok(MappedParse {
            problems: vec![Problem::general(
                "The first sheet is empty: no header, no rows.",
            )],
            ..MappedParse::default()
        });
    }
    Ok(read_rows(records, mapping, review))
}

/// One review being built.
struct ReviewAcc {
    review: NewReview,
    recommendations: Vec<NewRecommendation>,
    /// Paragraph → line of its first row.
    paragraphs: HashMap<String, u64>,
    /// Whether `review.cycle` / `review.review_date` came from a cell (kept over later rows).
    cycle_from_cell: bool,
}

/// The columns of each field, looked up once.
struct Columns {
    paragraph: Vec<usize>,
    text: Vec<usize>,
    states: Vec<usize>,
    position: Vec<usize>,
    themes: Vec<usize>,
    groups: Vec<usize>,
    sdgs: Vec<usize>,
    action: Vec<usize>,
    sur: Vec<usize>,
    session: Vec<usize>,
    cycle: Vec<usize>,
    date: Vec<usize>,
    source: Vec<usize>,
    report: Vec<usize>,
    priority: Vec<usize>,
    our_ask: Vec<usize>,
    lobbying: Vec<usize>,
    implementation: Vec<usize>,
    assignee: Vec<usize>,
    tags: Vec<usize>,
    notes: Vec<usize>,
    evidence: Vec<usize>,
}

impl Columns {
    /// Whether any column holds the organization's tracking.
    fn has_tracking(&self) -> bool {
        [
            &self.priority,
            &self.our_ask,
            &self.lobbying,
            &self.implementation,
            &self.assignee,
            &self.tags,
            &self.notes,
            &self.evidence,
        ]
        .iter()
        .any(|c| !c.is_empty())
    }
}

/// The first non-empty (trimmed) cell among `columns`, with its column index.
fn first_cell<'a>(record: &'a Record, columns: &[usize]) -> Option<(usize, &'a str)> {
    columns.iter().find_map(|&c| {
        let v = record.fields.get(c)?.trim();
        (!v.is_empty()).then_some((c, v))
    })
}

/// 1-based spreadsheet column of a 0-based index.
fn col(c: usize) -> Option<u64> {
    Some(c as u64 + 1)
}

/// The rows after the header, read with the mapping.
fn read_rows(
    records: impl Iterator<Item = Record>,
    mapping: &ColumnMapping,
    review: Option<&NewReview>,
) -> MappedParse {
    let mut result = MappedParse::default();
    if let Err(message) = mapping.is_usable() {
        result.problems.push(Problem::general(message));
        return result;
    }
    let cols = Columns {
        paragraph: mapping.columns_of(Field::Paragraph),
        text: mapping.columns_of(Field::Text),
        states: mapping.columns_of(Field::States),
        position: mapping.columns_of(Field::Position),
        themes: mapping.columns_of(Field::Themes),
        groups: mapping.columns_of(Field::GroupsOfPersons),
        sdgs: mapping.columns_of(Field::Sdgs),
        action: mapping.columns_of(Field::ActionCategory),
        sur: mapping.columns_of(Field::StateUnderReview),
        session: mapping.columns_of(Field::Session),
        cycle: mapping.columns_of(Field::Cycle),
        date: mapping.columns_of(Field::ReviewDate),
        source: mapping.columns_of(Field::PositionSource),
        report: mapping.columns_of(Field::ReportSymbol),
        priority: mapping.columns_of(Field::Priority),
        our_ask: mapping.columns_of(Field::OurAsk),
        lobbying: mapping.columns_of(Field::LobbyingStatus),
        implementation: mapping.columns_of(Field::ImplementationStatus),
        assignee: mapping.columns_of(Field::Assignee),
        tags: mapping.columns_of(Field::Tags),
        notes: mapping.columns_of(Field::Notes),
        evidence: mapping.columns_of(Field::Evidence),
    };
    if cols.sur.is_empty() && cols.session.is_empty() && review.is_none() {
        result.problems.push(Problem::general(
            "Say which review these recommendations belong to: the file has no column for the \
             State under review or the session, so choose the State and session before \
             importing.",
        ));
        return result;
    }

    let mut reviews: Vec<ReviewAcc> = Vec::new();
    let mut review_index: HashMap<(String, Option<i64>), usize> = HashMap::new();
    let mut reported: HashSet<String> = HashSet::new();
    let review_key = review.map(|r| (states::normalize(&r.state_under_review), r.wg_session));

    for record in records {
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        result.rows += 1;
        let line = record.line;

        let Some((_, text)) = first_cell(&record, &cols.text) else {
            result.problems.push(Problem::at(
                line,
                cols.text.first().and_then(|&c| col(c)),
                "Row without recommendation text (the Text column is empty): skipped.",
            ));
            continue;
        };

        // State under review.
        let state = match first_cell(&record, &cols.sur) {
            Some((_, raw)) => match states::resolve(raw) {
                Some(s) => s.name.to_string(),
                None => {
                    if reported.insert(format!("sur:{raw}")) {
                        result.problems.push(Problem::at(
                            line,
                            cols.sur.first().and_then(|&c| col(c)),
                            format!(
                                "State under review \"{raw}\" is not a known State: kept as \
                                 written."
                            ),
                        ));
                    }
                    raw.to_string()
                }
            },
            None => match review {
                Some(r) => r.state_under_review.clone(),
                None => {
                    result.problems.push(Problem::at(
                        line,
                        cols.sur.first().and_then(|&c| col(c)),
                        "Row without a State under review: skipped. Fill in the State under \
                         review, or choose the review before importing.",
                    ));
                    continue;
                }
            },
        };

        // Session.
        let session = match first_cell(&record, &cols.session) {
            Some((c, raw)) => match first_number(raw) {
                Some(n) => Some(n),
                None => {
                    if reported.insert(format!("session:{raw}")) {
                        result.problems.push(Problem::at(
                            line,
                            col(c),
                            format!("Session \"{raw}\" has no session number: ignored."),
                        ));
                    }
                    review.and_then(|r| r.wg_session)
                }
            },
            None => review.and_then(|r| r.wg_session),
        };

        let key = (states::normalize(&state), session);
        let index = match review_index.get(&key) {
            Some(&i) => i,
            None => {
                let new_review = match review {
                    Some(r) if review_key.as_ref() == Some(&key) => NewReview {
                        state_under_review: state.clone(),
                        ..r.clone()
                    },
                    _ => NewReview {
                        state_under_review: state.clone(),
                        cycle: session.and_then(cycle_of_session),
                        wg_session: session,
                        review_date: None,
                        report_symbol: None,
                        addendum_symbol: None,
                        adoption_date: None,
                    },
                };
                reviews.push(ReviewAcc {
                    review: new_review,
                    recommendations: Vec::new(),
                    paragraphs: HashMap::new(),
                    cycle_from_cell: false,
                });
                review_index.insert(key, reviews.len() - 1);
                reviews.len() - 1
            }
        };

        // Cells describing the review: the first row that has them wins.
        let cycle_cell = first_cell(&record, &cols.cycle);
        let date_cell = first_cell(&record, &cols.date);
        let mut cycle_value = None;
        if let Some((c, raw)) = cycle_cell {
            match first_number(raw).filter(|n| (1..=9).contains(n)) {
                Some(n) => cycle_value = Some(n),
                None => {
                    if reported.insert(format!("cycle:{raw}")) {
                        result.problems.push(Problem::at(
                            line,
                            col(c),
                            format!("Cycle \"{raw}\" is not a cycle number: ignored."),
                        ));
                    }
                }
            }
        }
        let mut date_value = None;
        if let Some((c, raw)) = date_cell {
            match parse_date(raw) {
                Some(d) => date_value = Some(d),
                None => {
                    if reported.insert(format!("date:{raw}")) {
                        result.problems.push(Problem::at(
                            line,
                            col(c),
                            format!(
                                "Date \"{raw}\" is not a date Docket can read (write it as \
                                 YYYY-MM-DD): ignored."
                            ),
                        ));
                    }
                }
            }
        }

        // Recommendation cells.
        let paragraph = first_cell(&record, &cols.paragraph)
            .map(|(_, p)| p.to_string())
            .unwrap_or_default();
        let mut rec_states: Vec<String> = Vec::new();
        for &c in &cols.states {
            for name in split_states(record.fields.get(c).map_or("", String::as_str)) {
                if states::resolve(&name).is_none() && reported.insert(format!("from:{name}")) {
                    result.problems.push(Problem::at(
                        line,
                        col(c),
                        format!(
                            "Recommending State \"{name}\" is not a known State: kept as written."
                        ),
                    ));
                }
                push_unique(&mut rec_states, &name);
            }
        }
        let position = match first_cell(&record, &cols.position) {
            Some((c, raw)) => match parse_position(raw) {
                Some(p) => p,
                None => {
                    result.problems.push(Problem::at(
                        line,
                        col(c),
                        format!(
                            "Position \"{raw}\" is not known (supported, noted, supported in \
                             part, pending): taken as pending."
                        ),
                    ));
                    Position::Pending
                }
            },
            None => Position::Pending,
        };
        let mut themes = Vec::new();
        for &c in &cols.themes {
            for t in split_list(record.fields.get(c).map_or("", String::as_str)) {
                push_unique(&mut themes, &t);
            }
        }
        let mut groups = Vec::new();
        for &c in &cols.groups {
            for t in split_list(record.fields.get(c).map_or("", String::as_str)) {
                push_unique(&mut groups, &t);
            }
        }
        let mut sdgs = Vec::new();
        for &c in &cols.sdgs {
            for t in split_sdgs(record.fields.get(c).map_or("", String::as_str)) {
                push_unique(&mut sdgs, &t);
            }
        }
        let action_category = match first_cell(&record, &cols.action) {
            Some((c, raw)) => match parse_action(raw) {
                Some(a) => Some(a),
                None => {
                    result.problems.push(Problem::at(
                        line,
                        col(c),
                        format!(
                            "Action \"{raw}\" is not a number from 1 to 5: no action category."
                        ),
                    ));
                    None
                }
            },
            None => None,
        };
        let position_source = first_cell(&record, &cols.source).map(|(_, s)| s.to_string());
        let report_symbol = first_cell(&record, &cols.report).map(|(_, s)| s.to_string());
        let tracking = cols
            .has_tracking()
            .then(|| Box::new(read_tracking(&record, &cols, &mut result.problems)));

        let Some(acc) = reviews.get_mut(index) else {
            continue;
        };
        if let Some(symbol) = report_symbol {
            if acc.review.report_symbol.is_none() {
                acc.review.report_symbol = Some(symbol);
            }
        }
        if let Some(n) = cycle_value {
            if !acc.cycle_from_cell {
                acc.review.cycle = Some(n);
                acc.cycle_from_cell = true;
            }
        }
        if let Some(d) = date_value {
            if acc.review.review_date.is_none() {
                acc.review.review_date = Some(d);
            }
        }
        if !paragraph.is_empty() {
            if let Some(&first) = acc.paragraphs.get(&paragraph) {
                result.problems.push(Problem::at(
                    line,
                    cols.paragraph.first().and_then(|&c| col(c)),
                    format!(
                        "Paragraph {paragraph} appears again (first on line {first}) in the same \
                         review: this row is skipped, the first is kept."
                    ),
                ));
                continue;
            }
            acc.paragraphs.insert(paragraph.clone(), line);
        }
        acc.recommendations.push(NewRecommendation {
            paragraph,
            text: text.to_string(),
            states: rec_states,
            position,
            position_source,
            themes,
            groups_of_persons: groups,
            sdgs,
            action_category,
            tracking,
        });
    }

    result.reviews = reviews
        .into_iter()
        .map(|acc| ParsedReview {
            review: acc.review,
            recommendations: acc.recommendations,
        })
        .collect();
    result
}

/// Adds `item` (trimmed) unless empty or already there.
fn push_unique(list: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Removes a list mark ("- ", "• ", "* ") and spaces from an item.
fn strip_mark(item: &str) -> &str {
    let t = item.trim();
    for mark in ["- ", "• ", "* ", "·", "•", "–"] {
        if let Some(rest) = t.strip_prefix(mark) {
            return rest.trim();
        }
    }
    t
}

/// Whether a cell has one of the strong separators (`;`, `|`, line break).
fn has_strong_separator(cell: &str) -> bool {
    cell.contains([';', '|', '\n', '\r'])
}

/// Splits on the strong separators, removing list marks and empty items.
fn split_strong(cell: &str) -> Vec<&str> {
    cell.split([';', '|', '\n', '\r'])
        .map(strip_mark)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits a recommending-States cell (see the module documentation).
fn split_states(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Vec::new();
    }
    if states::resolve(cell).is_some() {
        return vec![cell.to_string()];
    }
    let mut out = Vec::new();
    for part in split_strong(cell) {
        if part.contains(',') && states::resolve(part).is_none() {
            let pieces: Vec<&str> = part
                .split(',')
                .map(strip_mark)
                .filter(|s| !s.is_empty())
                .collect();
            if !pieces.is_empty() && pieces.iter().all(|p| states::resolve(p).is_some()) {
                for p in pieces {
                    push_unique(&mut out, p);
                }
                continue;
            }
        }
        push_unique(&mut out, part);
    }
    out
}

/// Splits a themes or groups-of-persons cell (see the module documentation).
fn split_list(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let mut out: Vec<String> = Vec::new();
    if cell.is_empty() {
        return out;
    }
    if has_strong_separator(cell) {
        for part in split_strong(cell) {
            push_unique(&mut out, part);
        }
        return out;
    }
    // Commas outside parentheses; a piece starting in lower case continues the previous one.
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ',' if depth == 0 => pieces.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    pieces.push(current);
    let mut joined: Vec<String> = Vec::new();
    for piece in pieces {
        let piece = strip_mark(&piece).to_string();
        if piece.is_empty() {
            continue;
        }
        match joined.last_mut() {
            Some(last) if piece.chars().next().is_some_and(char::is_lowercase) => {
                last.push_str(", ");
                last.push_str(&piece);
            }
            _ => joined.push(piece),
        }
    }
    for item in joined {
        push_unique(&mut out, &item);
    }
    out
}

/// Splits an SDGs cell: strong separators, or else commas followed by a goal number.
fn split_sdgs(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let mut out = Vec::new();
    if cell.is_empty() {
        return out;
    }
    if has_strong_separator(cell) {
        for part in split_strong(cell) {
            push_unique(&mut out, part);
        }
        return out;
    }
    // A piece that does not start with a digit continues the previous goal's name.
    let mut goals: Vec<String> = Vec::new();
    for piece in cell.split(',') {
        let piece = strip_mark(piece);
        if piece.is_empty() {
            continue;
        }
        match goals.last_mut() {
            Some(last) if !piece.starts_with(|c: char| c.is_ascii_digit()) => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => goals.push(piece.to_string()),
        }
    }
    for goal in goals {
        push_unique(&mut out, &goal);
    }
    out
}

/// Reads a position cell; an empty cell is pending, `None` when not recognized.
fn parse_position(cell: &str) -> Option<Position> {
    match position_cell(cell) {
        (position, true) => Some(position),
        _ => None,
    }
}

/// Reads an action cell: a whole number from 1 to 5 (`5` or `5.0`).
fn parse_action(cell: &str) -> Option<i64> {
    let t = cell.trim();
    let n = match t.parse::<i64>() {
        Ok(n) => n,
        Err(_) => match t.parse::<f64>() {
            Ok(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e9 => f as i64,
            _ => return None,
        },
    };
    (1..=5).contains(&n).then_some(n)
}

/// Reads a date cell as `YYYY-MM-DD`.
fn parse_date(cell: &str) -> Option<String> {
    let t = cell.trim();
    // A date with a time ("2020-11-09 00:00:00", "2020-11-09T10:00"): the date part.
    let date_part = t.split(['T', ' ']).next().unwrap_or(t);
    for (text, format) in [
        (date_part, "%Y-%m-%d"),
        (t, "%d/%m/%Y"),
        (t, "%d.%m.%Y"),
        (t, "%d-%m-%Y"),
        (t, "%Y/%m/%d"),
        (t, "%d %B %Y"),
        (t, "%d %b %Y"),
        (t, "%B %d, %Y"),
        (t, "%b %d, %Y"),
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    // An Excel serial number (days since 1899-12-30), for dates from 1990 to 2100.
    if let Ok(serial) = t.parse::<f64>() {
        if (32_874.0..73_051.0).contains(&serial) {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            let d = base.checked_add_days(chrono::Days::new(serial.trunc() as u64))?;
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// The organization's tracking read from a row (see the module documentation). Values that are
/// not understood become problems at their cell and are left at their defaults.
fn read_tracking(record: &Record, cols: &Columns, problems: &mut Vec<Problem>) -> NewTracking {
    let line = record.line;
    let mut tracking = NewTracking::default();
    if let Some((c, raw)) = first_cell(record, &cols.priority) {
        match parse_priority(raw) {
            Some(p) => tracking.priority = p,
            None => problems.push(Problem::at(
                line,
                col(c),
                format!("Priority \"{raw}\" is not known (high, medium, low): no priority set."),
            )),
        }
    }
    if let Some((_, raw)) = first_cell(record, &cols.our_ask) {
        tracking.our_ask = raw.to_string();
    }
    if let Some((c, raw)) = first_cell(record, &cols.lobbying) {
        match parse_lobbying(raw) {
            Some(s) => tracking.lobbying_status = s,
            None => problems.push(Problem::at(
                line,
                col(c),
                format!(
                    "Lobbying status \"{raw}\" is not known (not started, planned, in progress, \
                     achieved, dropped): taken as not started."
                ),
            )),
        }
    }
    if let Some((c, raw)) = first_cell(record, &cols.implementation) {
        match parse_implementation(raw) {
            Some(s) => tracking.implementation_status = s,
            None => problems.push(Problem::at(
                line,
                col(c),
                format!(
                    "Implementation status \"{raw}\" is not known (not assessed, not \
                     implemented, partially implemented, fully implemented): taken as not \
                     assessed."
                ),
            )),
        }
    }
    if let Some((_, raw)) = first_cell(record, &cols.assignee) {
        tracking.assignee = raw.to_string();
    }
    for &c in &cols.tags {
        for t in split_list(record.fields.get(c).map_or("", String::as_str)) {
            push_unique(&mut tracking.tags, &t);
        }
    }
    // Notes keep their leading spaces and indentation, as Docket stores them; only the end is
    // trimmed.
    if let Some(notes) = cols.notes.iter().find_map(|&c| {
        let v = record.fields.get(c)?.trim_end();
        (!v.trim_start().is_empty()).then_some(v)
    }) {
        tracking.notes = notes.to_string();
    }
    for &c in &cols.evidence {
        let cell = record.fields.get(c).map_or("", String::as_str);
        for link in cell.lines().filter_map(parse_evidence_line) {
            if !tracking.evidence.contains(&link) {
                tracking.evidence.push(link);
            }
        }
    }
    tracking
}

/// Reads a priority cell: `Some(None)` for an empty cell (no priority), `None` when the word is
/// not known.
fn parse_priority(cell: &str) -> Option<Option<Priority>> {
    let folded = states::normalize(cell);
    if let Some(&p) = Priority::ALL
        .iter()
        .find(|p| states::normalize(p.label()) == folded)
    {
        return Some(Some(p));
    }
    Some(match folded.as_str() {
        "" | "none" | "no priority" | "aucune" | "ninguna" => None,
        "high" | "haute" | "elevee" | "alta" => Some(Priority::High),
        "medium" | "moyenne" | "media" => Some(Priority::Medium),
        "low" | "basse" | "faible" | "baja" => Some(Priority::Low),
        _ => return None,
    })
}

/// Reads a lobbying status cell (empty: not started): the words the app shows
/// ([`LobbyingStatus::label`]), the stored form, a few French and Spanish words; `None` when not
/// known.
fn parse_lobbying(cell: &str) -> Option<LobbyingStatus> {
    let folded = states::normalize(cell);
    if let Some(&s) = LobbyingStatus::ALL
        .iter()
        .find(|s| states::normalize(s.as_str()) == folded || states::normalize(s.label()) == folded)
    {
        return Some(s);
    }
    Some(match folded.as_str() {
        "" | "not yet started" | "pas commence" | "non commence" | "no iniciado" => {
            LobbyingStatus::NotStarted
        }
        "prevu" | "planifie" | "planificado" | "previsto" => LobbyingStatus::Planned,
        "ongoing" | "en cours" | "en curso" => LobbyingStatus::InProgress,
        "done" | "atteint" | "obtenu" | "logrado" | "conseguido" => LobbyingStatus::Achieved,
        "abandonne" | "abandonado" => LobbyingStatus::Dropped,
        _ => return None,
    })
}

/// Reads an implementation status cell (empty: not assessed), as [`parse_lobbying`] does;
/// `None` when not known.
fn parse_implementation(cell: &str) -> Option<ImplementationStatus> {
    let folded = states::normalize(cell);
    if let Some(&s) = ImplementationStatus::ALL
        .iter()
        .find(|s| states::normalize(s.as_str()) == folded || states::normalize(s.label()) == folded)
    {
        return Some(s);
    }
    Some(match folded.as_str() {
        "" | "non evalue" | "no evaluado" => ImplementationStatus::NotAssessed,
        "non mis en oeuvre" | "no implementado" | "no aplicado" => {
            ImplementationStatus::NotImplemented
        }
        "partially" | "partial" | "partiellement mis en oeuvre" | "parcialmente implementado" => {
            ImplementationStatus::PartiallyImplemented
        }
        "implemented" | "fully" | "mis en oeuvre" | "implementado" => {
            ImplementationStatus::FullyImplemented
        }
        _ => return None,
    })
}

/// The characters a CSV cell may not start with unless neutralized (a spreadsheet would take
/// the cell as a formula): `=`, `+`, `-`, `@`, tab and carriage return.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Undoes the neutralization of a CSV cell against formula injection: a cell that starts with
/// `'` followed by one of [`FORMULA_STARTS`] (after any further `'`) loses its first `'`.
/// Docket's CSV export adds one to every such cell, so `'=x` reads `=x` and `''=x` reads `'=x`.
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// One evidence link as Docket's export writes it: `label <address>`, or `<address>` without a
/// label; line breaks in either become spaces (the links are written one per line).
pub fn evidence_line(label: &str, url: &str) -> String {
    let flat = |s: &str| s.split(['\r', '\n']).collect::<Vec<_>>().join(" ");
    let (label, url) = (flat(label.trim()), flat(url.trim()));
    if label.is_empty() {
        format!("<{url}>")
    } else {
        format!("{label} <{url}>")
    }
}

/// Reads one line of an evidence cell: `label <address>` (the address is what follows the last
/// ` <`), `<address>`, or a bare address (no label). `None` for a blank line.
pub fn parse_evidence_line(line: &str) -> Option<NewEvidence> {
    let line = strip_mark(line);
    if line.is_empty() {
        return None;
    }
    if let Some(inner) = line.strip_suffix('>') {
        let split = if inner.starts_with('<') {
            Some(0)
        } else {
            inner.rfind(" <").map(|i| i + 1)
        };
        if let Some(at) = split {
            let url = inner.get(at + 1..).unwrap_or_default().trim();
            let label = inner.get(..at).unwrap_or_default().trim();
            if !url.is_empty() {
                return Some(NewEvidence {
                    url: url.to_string(),
                    label: label.to_string(),
                });
            }
        }
    }
    Some(NewEvidence {
        url: line.to_string(),
        label: String::new(),
    })
}

/// Writes a list as one cell that this reader splits back into the same items: joined with
/// `"; "`, and ended with `;` when a single item would otherwise be split at its commas.
/// `split` is the reader's splitter for the column.
fn join_checked(items: &[String], split: fn(&str) -> Vec<String>) -> String {
    let joined = items.join("; ");
    let plain = |s: &String| {
        !s.contains([',', ';', '|', '\n', '\r'])
            && !s.starts_with(['-', '•', '*', '·', '–'])
            && s.trim() == s
    };
    if items.iter().all(plain) || split(&joined) == items {
        return joined;
    }
    let ended = format!("{joined};");
    if split(&ended) == items {
        ended
    } else {
        joined
    }
}

/// A themes, groups-of-persons or tags cell that reads back as `items` (see [`join_checked`]):
/// "Human rights education, trainings & awareness raising" stays one theme.
pub fn join_list(items: &[String]) -> String {
    join_checked(items, split_list)
}

/// A recommending-States cell that reads back as `names`: "Korea, Republic of" stays one State.
pub fn join_states(names: &[String]) -> String {
    join_checked(names, split_states)
}

/// An SDGs cell that reads back as `goals`.
pub fn join_sdgs(goals: &[String]) -> String {
    join_checked(goals, split_sdgs)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guesses_english_french_spanish() {
        use Field::*;
        let m = ColumnMapping::guess(&header(&[
            "Recommendation number",
            "Recommendation",
            "Recommending State(s)",
            "Response",
            "Issue(s)",
            "Groups of persons",
            "SDGs",
            "Action",
            "State under review",
            "Session",
            "Cycle",
            "Date",
            "Source of position",
            "Comments",
        ]));
        assert_eq!(
            m.columns,
            vec![
                Paragraph,
                Text,
                States,
                Position,
                Themes,
                GroupsOfPersons,
                Sdgs,
                ActionCategory,
                StateUnderReview,
                Session,
                Cycle,
                ReviewDate,
                PositionSource,
                Ignore
            ]
        );
        let m = ColumnMapping::guess(&header(&[
            "N°",
            "Recommandation",
            "États",
            "Réponse",
            "Thème",
            "État examiné",
        ]));
        assert_eq!(
            m.columns,
            vec![Paragraph, Text, States, Position, Themes, StateUnderReview]
        );
        let m = ColumnMapping::guess(&header(&[
            "Párrafo",
            "Recomendación",
            "Estado(s) recomendante(s)",
            "Posición",
            "Tema",
        ]));
        assert_eq!(m.columns, vec![Paragraph, Text, States, Position, Themes]);
        // UPR Info's header: only the plain names are taken.
        let m = ColumnMapping::guess(&header(&[
            "To",
            "To-Rgrp",
            "To-Org",
            "Text",
            "From",
            "From-Rgrp",
            "From-Org",
            "Response",
            "Action",
            "Issue",
            "Session",
        ]));
        assert_eq!(
            m.columns,
            vec![
                StateUnderReview,
                Ignore,
                Ignore,
                Text,
                States,
                Ignore,
                Ignore,
                Position,
                ActionCategory,
                Themes,
                Session
            ]
        );
    }

    #[test]
    fn positions() {
        for (cell, p) in [
            ("Supported", Position::Supported),
            ("accepted", Position::Supported),
            ("Soutenue", Position::Supported),
            ("Apoyada", Position::Supported),
            ("aceptada", Position::Supported),
            ("Noted", Position::Noted),
            ("rejected", Position::Noted),
            ("Notée", Position::Noted),
            ("Tomada nota", Position::Noted),
            ("supported_noted", Position::SupportedInPart),
            ("Supported/Noted", Position::SupportedInPart),
            ("Supported in part", Position::SupportedInPart),
            ("Partially", Position::SupportedInPart),
            ("", Position::Pending),
            ("Pending", Position::Pending),
        ] {
            assert_eq!(parse_position(cell), Some(p), "{cell}");
        }
        assert_eq!(parse_position("maybe"), None);
    }

    #[test]
    fn lists() {
        assert_eq!(
            split_states("Korea, Republic of"),
            vec!["Korea, Republic of"]
        );
        assert_eq!(split_states("Algeria, Egypt"), vec!["Algeria", "Egypt"]);
        assert_eq!(split_states("Algeria, Atlantis"), vec!["Algeria, Atlantis"]);
        assert_eq!(
            split_states("Rwanda; Bahamas |Namibia\n- Morocco"),
            vec!["Rwanda", "Bahamas", "Namibia", "Morocco"]
        );
        assert_eq!(
            split_list(
                "International criminal & humanitarian law (including crimes against \
                 humanity, War crimes, genocide), Death penalty"
            ),
            vec![
                "International criminal & humanitarian law (including crimes against \
                 humanity, War crimes, genocide)",
                "Death penalty"
            ]
        );
        assert_eq!(
            split_list("Human rights education, trainings & awareness raising"),
            vec!["Human rights education, trainings & awareness raising"]
        );
        assert_eq!(split_list("A; B, C;A"), vec!["A", "B, C"]);
        assert_eq!(
            split_sdgs("5 - GENDER EQUALITY, 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"),
            vec![
                "5 - GENDER EQUALITY",
                "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"
            ]
        );
    }

    #[test]
    fn docket_s_own_header_maps_every_column_without_help() {
        use Field::*;
        let header: Vec<String> = crate::export::records::COLUMNS
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = ColumnMapping::guess(&header);
        assert_eq!(
            m.columns,
            vec![
                StateUnderReview,
                Cycle,
                Session,
                ReviewDate,
                ReportSymbol,
                Paragraph,
                Text,
                States,
                Position,
                PositionSource,
                Themes,
                GroupsOfPersons,
                Sdgs,
                ActionCategory,
                Priority,
                OurAsk,
                LobbyingStatus,
                ImplementationStatus,
                Assignee,
                Tags,
                Notes,
                Evidence
            ]
        );
        assert!(m.columns.iter().filter(|f| f.is_tracking()).count() == 8);
    }

    #[test]
    fn lists_are_joined_so_that_they_split_back_the_same() {
        let v = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for items in [
            v(&["Human rights education, trainings & awareness raising"]),
            v(&["Rights of the Child, Children"]),
            v(&[
                "Death penalty",
                "Human rights education, trainings & awareness raising",
            ]),
            v(&["Women"]),
            v(&[]),
        ] {
            assert_eq!(split_list(&join_list(&items)), items, "{items:?}");
        }
        assert_eq!(join_list(&v(&["A", "B"])), "A; B");
        assert_eq!(
            join_list(&v(&["Rights of the Child, Children"])),
            "Rights of the Child, Children;"
        );
        for names in [
            v(&["Korea, Republic of"]),
            v(&["Mexico", "Korea, Republic of", "Atlantis"]),
            v(&["Chile"]),
        ] {
            assert_eq!(split_states(&join_states(&names)), names, "{names:?}");
        }
        for goals in [
            v(&["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
            v(&[
                "5 - GENDER EQUALITY",
                "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
            ]),
        ] {
            assert_eq!(split_sdgs(&join_sdgs(&goals)), goals, "{goals:?}");
        }
    }

    #[test]
    fn evidence_lines_read_back_as_label_and_address() {
        for (label, url) in [
            ("UPR Info brief", "https://upr-info.org/x?a=1&b=2"),
            ("", "https://example.org"),
            ("Report <2020> draft", "C:\\files\\report.pdf"),
            ("Rapport de l'ONG, été", "https://example.org/é"),
        ] {
            let line = evidence_line(label, url);
            assert_eq!(
                parse_evidence_line(&line),
                Some(NewEvidence {
                    url: url.into(),
                    label: label.into()
                }),
                "{line}"
            );
        }
        assert_eq!(
            parse_evidence_line("  https://bare.example  "),
            Some(NewEvidence {
                url: "https://bare.example".into(),
                label: String::new()
            })
        );
        assert_eq!(parse_evidence_line("   "), None);
        assert_eq!(evidence_line("two\nlines", "u"), "two lines <u>");
    }

    #[test]
    fn neutralized_cells_lose_their_quote_and_others_keep_it() {
        for start in FORMULA_STARTS {
            let cell = format!("'{start}rest");
            assert_eq!(unneutralize(&cell), &cell[1..]);
        }
        assert_eq!(unneutralize("''=x"), "'=x");
        assert_eq!(unneutralize("''"), "''");
        assert_eq!(unneutralize("'quoted'"), "'quoted'");
        assert_eq!(unneutralize("l'homme"), "l'homme");
        assert_eq!(unneutralize("'"), "'");
    }

    #[test]
    fn tracking_columns_are_read_and_bad_words_are_problems() {
        let text = "Paragraph,Recommendation,Priority,Our ask,Lobbying status,Implementation status,Assignee,Tags,Notes,Evidence\n\
                    1.1,Ratify,High,'=1+1,In progress,partially_implemented,Amina,\"b; A\",\"'-  note\n second\",\"Brief <https://x.org>\n<https://y.org>\"\n\
                    1.2,Abolish,urgent,,someday,Fully implemented,,,,\n\
                    1.3,Protect,,,,,,,,\n";
        let header = header_of_text(text);
        let mapping = ColumnMapping::guess(&header);
        let review = NewReview {
            state_under_review: "Narnia".into(),
            cycle: None,
            wg_session: Some(1),
            review_date: None,
            report_symbol: None,
            addendum_symbol: None,
            adoption_date: None,
        };
        let parsed = parse_text(text, &mapping, Some(&review));
        let recs = &parsed.reviews[0].recommendations;
        let t = recs[0].tracking.as_ref().unwrap();
        assert_eq!(t.priority, Some(Priority::High));
        assert_eq!(t.our_ask, "=1+1");
        assert_eq!(t.lobbying_status, LobbyingStatus::InProgress);
        assert_eq!(
            t.implementation_status,
            ImplementationStatus::PartiallyImplemented
        );
        assert_eq!(t.assignee, "Amina");
        assert_eq!(t.tags, ["b", "A"]);
        assert_eq!(t.notes, "-  note\n second");
        assert_eq!(
            t.evidence,
            [
                NewEvidence {
                    url: "https://x.org".into(),
                    label: "Brief".into()
                },
                NewEvidence {
                    url: "https://y.org".into(),
                    label: String::new()
                }
            ]
        );
        let t = recs[1].tracking.as_ref().unwrap();
        assert_eq!(t.priority, None);
        assert_eq!(t.lobbying_status, LobbyingStatus::NotStarted);
        assert_eq!(
            t.implementation_status,
            ImplementationStatus::FullyImplemented
        );
        let cells: Vec<(Option<u64>, Option<u64>)> =
            parsed.problems.iter().map(|p| (p.line, p.column)).collect();
        // Line 5: the first row's quoted cells span lines 2 to 4.
        assert_eq!(cells, [(Some(5), Some(3)), (Some(5), Some(5))]);
        assert!(parsed.problems[0].message.contains("urgent"));
        assert!(recs[2].tracking.as_ref().unwrap().is_empty());

        // Without tracking columns, nothing is said about tracking.
        let plain = parse_text(
            "Paragraph,Text\n1.1,Ratify\n",
            &ColumnMapping::guess(&header_of_text("Paragraph,Text\n")),
            Some(&review),
        );
        assert_eq!(plain.reviews[0].recommendations[0].tracking, None);
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(parse_date("2020-11-09"), Some("2020-11-09".into()));
        assert_eq!(parse_date("09/11/2020"), Some("2020-11-09".into()));
        assert_eq!(parse_date("9 November 2020"), Some("2020-11-09".into()));
        assert_eq!(parse_date("44144"), Some("2020-11-09".into()));
        assert_eq!(parse_date("soon"), None);
        assert_eq!(first_number("UPR 36"), Some(36));
        assert_eq!(first_number("3rd cycle"), Some(3));
        assert_eq!(parse_action("5.0"), Some(5));
        assert_eq!(parse_action("7"), None);
    }
}
