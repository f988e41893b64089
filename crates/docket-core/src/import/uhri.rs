//! OHCHR's Universal Human Rights Index (UHRI) exports (XLSX and CSV).
//!
//! The export has one row per recommendation or observation of any UN human rights body, with
//! the columns `Text, Countries Concerned, Reccomending Body, Document Symbol, Themes, Affected
//! Persons, Sdgs, Document Publication Date, UPR Reccomending States, UPR Position, Type, OHCHR
//! Annotation Id, UPR Session, Regions Concerned, Recommending Regions, Date of publication on
//! UHRI`. Header names match case-insensitively and in any order, with OHCHR's misspellings
//! ("Reccomending") and the correct ones ("Recommending") both accepted, and a trailing "[sic]"
//! ignored. `Text` and `Countries Concerned` are required; other columns are optional. The
//! header row is looked for in the first 20 rows (an export may start with a title); rows above
//! it are ignored.
//!
//! # Which rows are UPR recommendations
//!
//! A row is a UPR recommendation when its `Reccomending Body` names the UPR ("UPR", "Universal
//! Periodic Review", "UPR Working Group"...). Rows of treaty bodies ("CEDAW", "CRC"...) and
//! special procedures are skipped and counted in [`UhriParse::skipped_non_upr`], not reported as
//! problems. A row with an empty body (or a file without that column) is taken as UPR when it
//! has a UPR session, UPR position or UPR recommending States, and skipped as non-UPR otherwise.
//!
//! # Fields
//!
//! - Multi-valued cells hold newline-separated items prefixed with "- "; items separated by
//!   ";" or "|" are accepted too (see [`split_items`]).
//! - `Countries Concerned` → the State under review, canonical via [`states::resolve`], else as
//!   written with a problem (and suggestions). Several countries on one row: the first is used,
//!   with a problem. None: the row is skipped with a problem.
//! - `UPR Session` → the Working Group session, the first number in the cell ("37", "UPR 37",
//!   "37th session"); the cycle comes from [`cycle_of_session`].
//! - `UPR Position`: "Supported" → supported, "Noted" → noted, "Supported/Noted" → supported in
//!   part, empty → pending; anything else → pending with a problem.
//! - `Document Symbol`: an addendum ("A/HRC/46/15/Add.1") is the recommendation's
//!   `position_source` and the review's addendum symbol (the report symbol is the addendum's
//!   without "/Add.N"); any other symbol is the review's report symbol.
//! - `Themes` → themes, `Affected Persons` → groups of persons, `Sdgs` → SDGs,
//!   `UPR Reccomending States` → recommending States as written (a name that is not a known State
//!   is reported once).
//! - Paragraph: UHRI does not carry the Working Group report's paragraph number. It is taken
//!   from a `Paragraph` column when there is one, or from the start of the text when the text
//!   starts with one ("140.7 Ratify…", removed from the text); otherwise it is empty and the store
//!   matches recommendations by text.
//! - `Document Publication Date` is the document's date, not the review's: it is not used
//!   (`review_date` stays empty). [`excel_date`] reads such a cell when needed.
//!
//! One review is made per (State under review, session), ordered by session (unknown last), then
//! by State. Within a review, rows with the same paragraph and the same text (trimmed) are one
//! recommendation: their recommending States, themes, groups and SDGs are merged, and the first
//! position other than pending wins (a conflicting one is reported).
//!
//! Problems carry 1-based row numbers: the spreadsheet row for XLSX, the line where the record
//! starts for CSV.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader};

use super::decode::{header_index, records, sniff_delimiter};
use super::upr_info::cycle_of_session;
use super::{first_number, position_cell, ParsedReview, Problem};
use crate::domain::{NewRecommendation, NewReview, Position};
use crate::states;
use crate::Error;

/// How many rows (or CSV records) are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 20;

/// The message for a workbook that cannot be opened.
const CANNOT_OPEN: &str = "This Excel file could not be opened: it may be password-protected or \
                           damaged. Save it again without a password, or export it as CSV.";

/// The result of reading a UHRI export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UhriParse {
    /// One review per (State under review, session), ordered by session (unknown last), then by
    /// State.
    pub reviews: Vec<ParsedReview>,
    /// Data rows read (the header and blank rows not counted), including skipped rows.
    pub rows: u64,
    /// Rows skipped because they come from another body than the UPR (treaty bodies, special
    /// procedures).
    pub skipped_non_upr: u64,
    /// Problems, with 1-based row (XLSX) or line (CSV) numbers where known.
    pub problems: Vec<Problem>,
}

/// Reads the decoded text of a UHRI export in CSV (see [`super::decode::decode`]). The separator
/// is sniffed (`,` `;` tab `|`). Never panics; every doubt becomes a [`Problem`].
pub fn parse_csv(text: &str) -> UhriParse {
    let delimiter = sniff_delimiter(text);
    let mut problems = Vec::new();
    let mut builder: Option<Builder> = None;
    let mut searched = 0usize;
    for item in records(text, delimiter) {
        let record = match item {
            Ok(record) => record,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        match builder.as_mut() {
            Some(b) => b.row(record.line, &record.fields),
            None => {
                if searched >= HEADER_SEARCH_ROWS {
                    break;
                }
                searched += 1;
                builder = Columns::find(&record.fields).map(Builder::new);
            }
        }
    }
    match builder {
        Some(mut b) => {
            // CSV problems (unclosed quotes...) go with the others, in line order.
            b.result.problems.extend(problems);
            b.result.problems.sort_by_key(|p| p.line.unwrap_or(0));
            b.finish()
        }
        None => {
            let mut result = UhriParse::default();
            result.problems.extend(problems);
            result.problems.push(no_header_problem());
            result
        }
    }
}

/// Reads a UHRI export in XLSX (or another workbook format calamine reads: XLS, XLSB, ODS).
///
/// The first worksheet whose first 20 rows hold the header is read. A workbook that cannot be
/// opened (encrypted or password-protected, which Office saves as an OLE2 container, damaged,
/// or not a workbook at all) is refused with [`Error::InvalidInput`] and a message for a person.
/// A workbook without the header gives an empty result with a problem. Never panics.
pub fn parse_xlsx(bytes: &[u8]) -> Result<UhriParse, Error> {
    // A defensive net: a malformed workbook must never bring the program down, even if the
    // workbook library has a bug.
    match std::panic::catch_unwind(|| parse_workbook(bytes)) {
        Ok(result) => result,
        Err(_) => Err(Error::InvalidInput(CANNOT_OPEN.to_string())),
    }
}

/// [`parse_xlsx`] without the panic net.
fn parse_workbook(bytes: &[u8]) -> Result<UhriParse, Error> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| Error::InvalidInput(CANNOT_OPEN.to_string()))?;
    let sheet_count = workbook.sheet_names().len();
    let mut any_readable = false;
    for index in 0..sheet_count {
        let range = match workbook.worksheet_range_at(index) {
            Some(Ok(range)) => range,
            Some(Err(_)) | None => continue,
        };
        any_readable = true;
        // Absolute row of the range's first row (0-based): the range may not start at A1.
        let first_row = u64::from(range.start().map_or(0, |(row, _)| row));
        let mut builder: Option<Builder> = None;
        for (offset, row) in range.rows().enumerate() {
            let number = first_row + offset as u64 + 1;
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            match builder.as_mut() {
                Some(b) => b.row(number, &cells),
                None => {
                    if offset >= HEADER_SEARCH_ROWS {
                        break;
                    }
                    builder = Columns::find(&cells).map(Builder::new);
                }
            }
        }
        if let Some(b) = builder {
            return Ok(b.finish());
        }
    }
    if !any_readable {
        return Err(Error::InvalidInput(CANNOT_OPEN.to_string()));
    }
    Ok(UhriParse {
        problems: vec![no_header_problem()],
        ..UhriParse::default()
    })
}

/// The problem for a file without the UHRI header.
fn no_header_problem() -> Problem {
    Problem::general(
        "This is not a UHRI export: no header row with the columns \"Text\" and \"Countries \
         Concerned\" was found in the first 20 rows. Export the recommendations from the \
         Universal Human Rights Index again, or import the file as another kind of spreadsheet.",
    )
}

/// A workbook cell as text: whole numbers without ".0", dates as `YYYY-MM-DD` (with the time
/// when it is not midnight), errors and empty cells as "".
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(datetime) if datetime.time() == chrono::NaiveTime::MIN => {
                datetime.format("%Y-%m-%d").to_string()
            }
            Some(datetime) => datetime.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => number_text(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A number as a person writes it: `37`, not `37.0`.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Reads a date cell: an Excel serial number (days since 1899-12-30, e.g. `44266` →
/// `2021-03-11`; a fraction is the time of day and is dropped) or a date string (`2021-03-11`,
/// `2021-03-11T10:00:00`, `2021-03-11 10:00`, `11/03/2021` read day first unless the second
/// number cannot be a month, `11.03.2021`). Returns `YYYY-MM-DD`, or `None` when the cell is not
/// a date.
pub fn excel_date(cell: &str) -> Option<String> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(serial) = t.parse::<f64>() {
        // 1 = 1900-01-01 … 2958465 = 9999-12-31 (Excel's range).
        if !(serial.is_finite() && (1.0..2_958_466.0).contains(&serial)) {
            return None;
        }
        let days = serial.floor() as i64;
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
        // Excel counts a 29 February 1900 that never was: serials below 60 are one day later.
        let days = if days < 60 { days + 1 } else { days };
        let date = epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let date_part = t.split(['T', ' ']).next().unwrap_or(t);
    if let Ok(date) = chrono::NaiveDate::parse_from_str(date_part, "%Y-%m-%d") {
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let parts: Vec<&str> = date_part.split(['/', '.', '-']).collect();
    if let [a, b, y] = parts.as_slice() {
        let (a, b, y) = (
            a.parse::<u32>().ok()?,
            b.parse::<u32>().ok()?,
            y.parse::<i32>().ok()?,
        );
        if y < 1000 {
            return None;
        }
        let (day, month) = if b > 12 { (b, a) } else { (a, b) };
        let date = chrono::NaiveDate::from_ymd_opt(y, month, day)?;
        return Some(date.format("%Y-%m-%d").to_string());
    }
    None
}

/// Splits a multi-valued UHRI cell into its items.
///
/// UHRI writes one item per line, each prefixed with "- ". A line that does not start with "-"
/// (or "•") in a cell where other lines do is the continuation of the previous item (joined with
/// a space). A single-line cell is split on ";" or, failing that, on "|". Items are trimmed,
/// their "- " prefix removed; empty items and duplicates are dropped.
pub fn split_items(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let mut out: Vec<String> = Vec::new();
    if cell.is_empty() {
        return out;
    }
    let lines: Vec<&str> = cell
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 1 {
        let bulleted = lines.iter().any(|l| is_bulleted(l));
        let mut items: Vec<String> = Vec::new();
        for line in lines {
            if bulleted && !is_bulleted(line) {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(line);
                    continue;
                }
            }
            items.push(strip_bullet(line).to_string());
        }
        for item in items {
            push_unique(&mut out, item.trim());
        }
        return out;
    }
    let single = strip_bullet(cell);
    let parts: Vec<&str> = if single.contains(';') {
        single.split(';').collect()
    } else if single.contains('|') {
        single.split('|').collect()
    } else {
        vec![single]
    };
    for part in parts {
        push_unique(&mut out, strip_bullet(part.trim()));
    }
    out
}

/// Whether a line starts with a list bullet ("- ", "-", "•").
fn is_bulleted(line: &str) -> bool {
    line.starts_with('-') || line.starts_with('•')
}

/// Removes a leading list bullet and the spaces after it.
fn strip_bullet(item: &str) -> &str {
    item.strip_prefix('-')
        .or_else(|| item.strip_prefix('•'))
        .unwrap_or(item)
        .trim()
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !item.is_empty() && !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Whether a `Reccomending Body` cell names the UPR.
fn is_upr_body(cell: &str) -> bool {
    let lower = cell.to_lowercase();
    lower.contains("universal periodic review")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "upr")
}

/// A paragraph number at the start of a recommendation's text ("140.7 Ratify…", "140.7. …"),
/// and the text after it.
fn leading_paragraph(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let digits = |from: usize| -> usize {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let first = digits(0);
    if !(1..=4).contains(&first) || bytes.get(first) != Some(&b'.') {
        return None;
    }
    let second = digits(first + 1);
    if !(1..=4).contains(&second) {
        return None;
    }
    let end = first + 1 + second;
    let number = text.get(..end)?;
    let rest = text.get(end..)?;
    let rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(')'))
        .unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    (!rest.is_empty()).then_some((number, rest))
}

/// The report symbol of an addendum symbol ("A/HRC/46/15/Add.1" → "A/HRC/46/15"), or `None`
/// when the symbol is not an addendum.
fn addendum_base(symbol: &str) -> Option<&str> {
    let lower = symbol.to_ascii_lowercase();
    let at = lower.rfind("/add.")?;
    Some(symbol.get(..at).unwrap_or("").trim())
}

/// Removes a trailing "[sic]" or "(sic)" from a header cell and collapses its spaces.
fn clean_header_cell(cell: &str) -> String {
    let mut name = cell.trim().to_string();
    for sic in ["[sic]", "(sic)"] {
        let at = name.len().saturating_sub(sic.len());
        if name
            .get(at..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(sic))
        {
            name.truncate(at);
        }
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a `UPR Session` cell: its first number, if positive ("37", "UPR 37", "37th session").
fn session_of(cell: &str) -> Option<i64> {
    first_number(cell).filter(|&n| n > 0)
}

/// The columns this reader uses, by index.
#[derive(Debug, Clone, Copy)]
struct Columns {
    text: usize,
    countries: usize,
    body: Option<usize>,
    symbol: Option<usize>,
    themes: Option<usize>,
    persons: Option<usize>,
    sdgs: Option<usize>,
    states: Option<usize>,
    position: Option<usize>,
    session: Option<usize>,
    paragraph: Option<usize>,
}

impl Columns {
    /// The columns of a header row, when it has `Text` and `Countries Concerned`.
    fn find(cells: &[String]) -> Option<Columns> {
        let header: Vec<String> = cells.iter().map(|c| clean_header_cell(c)).collect();
        let find = |names: &[&str]| header_index(&header, names);
        Some(Columns {
            text: find(&["Text", "Recommendation", "Recommendation Text"])?,
            countries: find(&[
                "Countries Concerned",
                "Country Concerned",
                "Countries",
                "Country",
                "State under Review",
            ])?,
            body: find(&[
                "Reccomending Body",
                "Recommending Body",
                "Reccomending Bodies",
                "Recommending Bodies",
                "Recomending Body",
                "Body",
            ]),
            symbol: find(&["Document Symbol", "Symbol"]),
            themes: find(&["Themes", "Theme"]),
            persons: find(&[
                "Affected Persons",
                "Affected Person",
                "Groups of Persons",
                "Group of Persons",
            ]),
            sdgs: find(&["Sdgs", "Sdg", "Sustainable Development Goals"]),
            states: find(&[
                "UPR Reccomending States",
                "UPR Recommending States",
                "UPR Reccomending State",
                "UPR Recommending State",
                "UPR Recomending States",
                "Recommending States",
            ]),
            position: find(&["UPR Position", "Position"]),
            session: find(&["UPR Session", "Session"]),
            paragraph: find(&["Paragraph", "Paragraph Number", "Para", "Para."]),
        })
    }
}

/// A recommendation being built, with the row it was first seen on.
struct RecAcc {
    rec: NewRecommendation,
    row: u64,
}

/// A review being built.
struct ReviewAcc {
    state: String,
    session: Option<i64>,
    report_symbol: Option<String>,
    addendum_symbol: Option<String>,
    symbol_conflict_reported: bool,
    recs: Vec<RecAcc>,
    /// (paragraph, trimmed text) → index in `recs`.
    by_key: HashMap<(String, String), usize>,
}

/// Reads data rows once the header is known.
struct Builder {
    columns: Columns,
    result: UhriParse,
    reviews: Vec<ReviewAcc>,
    /// (State under review, session) → index in `reviews`.
    review_index: HashMap<(String, Option<i64>), usize>,
    /// Country as written → canonical name (or as written).
    countries: HashMap<String, String>,
    /// Recommending States already checked.
    checked_states: HashMap<String, ()>,
    /// Session cells already reported as unreadable.
    bad_sessions: HashMap<String, ()>,
    /// Position cells already reported as unknown.
    bad_positions: HashMap<String, ()>,
}

impl Builder {
    fn new(columns: Columns) -> Self {
        Builder {
            columns,
            result: UhriParse::default(),
            reviews: Vec::new(),
            review_index: HashMap::new(),
            countries: HashMap::new(),
            checked_states: HashMap::new(),
            bad_sessions: HashMap::new(),
            bad_positions: HashMap::new(),
        }
    }

    fn problem(&mut self, row: u64, message: String) {
        self.result.problems.push(Problem::at(row, None, message));
    }

    /// Reads one data row (`row`: its 1-based row or line number).
    fn row(&mut self, row: u64, cells: &[String]) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        self.result.rows += 1;
        let cell = |i: Option<usize>| -> &str {
            i.and_then(|i| cells.get(i))
                .map_or("", |s| s.as_str())
                .trim()
        };
        let c = self.columns;

        // UPR or another body?
        let body = cell(c.body);
        let upr = if body.is_empty() {
            !cell(c.session).is_empty()
                || !cell(c.position).is_empty()
                || !cell(c.states).is_empty()
        } else {
            is_upr_body(body)
        };
        if !upr {
            self.result.skipped_non_upr += 1;
            return;
        }

        // Text and paragraph.
        let raw_text = cell(Some(c.text));
        let column_paragraph = cell(c.paragraph);
        let (paragraph, text) = if !column_paragraph.is_empty() {
            let text = match leading_paragraph(raw_text) {
                Some((number, rest)) if number == column_paragraph => rest,
                _ => raw_text,
            };
            (column_paragraph.to_string(), text)
        } else {
            match leading_paragraph(raw_text) {
                Some((number, rest)) => (number.to_string(), rest),
                None => (String::new(), raw_text),
            }
        };
        if text.is_empty() {
            self.problem(
                row,
                "UPR row without recommendation text (Text is empty): skipped.".to_string(),
            );
            return;
        }

        // State under review.
        let countries = split_items(cell(Some(c.countries)));
        let Some(first_country) = countries.first() else {
            self.problem(
                row,
                "UPR row without a State under review (Countries Concerned is empty): skipped."
                    .to_string(),
            );
            return;
        };
        if countries.len() > 1 {
            self.problem(
                row,
                format!(
                    "Countries Concerned names several countries ({}); a UPR recommendation is \
                     addressed to one State under review: \"{first_country}\" is used.",
                    countries.join(", ")
                ),
            );
        }
        let state = self.state_under_review(row, first_country);

        // Session.
        let raw_session = cell(c.session);
        let session = session_of(raw_session);
        if session.is_none() && !self.bad_sessions.contains_key(raw_session) {
            self.bad_sessions.insert(raw_session.to_string(), ());
            let message = if raw_session.is_empty() {
                "UPR row without a UPR Session: its review has no session number.".to_string()
            } else {
                format!("UPR Session \"{raw_session}\" has no session number: its review has no session number.")
            };
            self.problem(row, message);
        }

        // Position.
        let raw_position = cell(c.position);
        let (position, known) = position_cell(raw_position);
        if !known && !self.bad_positions.contains_key(raw_position) {
            self.bad_positions.insert(raw_position.to_string(), ());
            self.problem(
                row,
                format!(
                    "UPR Position \"{raw_position}\" is not known (Supported, Noted, \
                     Supported/Noted, or empty): taken as pending."
                ),
            );
        }

        // Document symbol.
        let symbol = split_items(cell(c.symbol)).into_iter().next();
        let addendum = symbol
            .as_deref()
            .and_then(|s| addendum_base(s).map(|base| (s.to_string(), base.to_string())));
        let position_source = addendum.as_ref().map(|(s, _)| s.clone());

        // Recommending States.
        let states_list = split_items(cell(c.states));
        for name in &states_list {
            if !self.checked_states.contains_key(name) {
                self.checked_states.insert(name.clone(), ());
                if states::resolve(name).is_none() {
                    self.problem(
                        row,
                        format!(
                            "Recommending State \"{name}\" is not a known State: kept as written."
                        ),
                    );
                }
            }
        }

        let rec = NewRecommendation {
            paragraph,
            text: text.to_string(),
            states: states_list,
            position,
            position_source,
            themes: split_items(cell(c.themes)),
            groups_of_persons: split_items(cell(c.persons)),
            sdgs: split_items(cell(c.sdgs)),
            action_category: None,
            tracking: None,
        };

        let review_i = *self
            .review_index
            .entry((state.clone(), session))
            .or_insert_with(|| {
                self.reviews.push(ReviewAcc {
                    state,
                    session,
                    report_symbol: None,
                    addendum_symbol: None,
                    symbol_conflict_reported: false,
                    recs: Vec::new(),
                    by_key: HashMap::new(),
                });
                self.reviews.len() - 1
            });
        let mut problems: Vec<String> = Vec::new();
        if let Some(review) = self.reviews.get_mut(review_i) {
            let (report, addendum_symbol) = match (&addendum, symbol) {
                (Some((s, base)), _) => (Some(base.clone()), Some(s.clone())),
                (None, Some(s)) => (Some(s), None),
                (None, None) => (None, None),
            };
            let mut conflict = false;
            if let Some(report) = report.filter(|s| !s.is_empty()) {
                match &review.report_symbol {
                    None => review.report_symbol = Some(report),
                    Some(known) => conflict |= !known.eq_ignore_ascii_case(&report),
                }
            }
            if let Some(add) = addendum_symbol {
                match &review.addendum_symbol {
                    None => review.addendum_symbol = Some(add),
                    Some(known) => conflict |= !known.eq_ignore_ascii_case(&add),
                }
            }
            if conflict && !review.symbol_conflict_reported {
                review.symbol_conflict_reported = true;
                problems.push(format!(
                    "The rows of the review of {} ({}) name different documents in Document \
                     Symbol: the first ({}) is kept for the review.",
                    review.state,
                    review
                        .session
                        .map_or("no session".to_string(), |s| format!("session {s}")),
                    review
                        .report_symbol
                        .as_deref()
                        .or(review.addendum_symbol.as_deref())
                        .unwrap_or("")
                ));
            }
            merge(review, rec, row, &mut problems);
        }
        for message in problems {
            self.problem(row, message);
        }
    }

    /// The State under review for a country as written, reported once when unknown.
    fn state_under_review(&mut self, row: u64, country: &str) -> String {
        if let Some(name) = self.countries.get(country) {
            return name.clone();
        }
        let name = match states::resolve(country) {
            Some(state) => state.name.to_string(),
            None => {
                let suggestions: Vec<&str> = states::suggest(country, 3)
                    .into_iter()
                    .map(|s| s.name)
                    .collect();
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" Did you mean {}?", suggestions.join(", "))
                };
                self.problem(
                    row,
                    format!(
                        "State under review \"{country}\" (Countries Concerned) is not a known \
                         State: kept as written.{hint}"
                    ),
                );
                country.to_string()
            }
        };
        self.countries.insert(country.to_string(), name.clone());
        name
    }

    /// The reviews, ordered by session (unknown last), then by State.
    fn finish(mut self) -> UhriParse {
        let mut reviews = std::mem::take(&mut self.reviews);
        reviews.sort_by(|a, b| {
            a.session
                .is_none()
                .cmp(&b.session.is_none())
                .then_with(|| a.session.cmp(&b.session))
                .then_with(|| a.state.cmp(&b.state))
        });
        self.result.reviews = reviews
            .into_iter()
            .map(|r| ParsedReview {
                review: NewReview {
                    state_under_review: r.state,
                    cycle: r.session.and_then(cycle_of_session),
                    wg_session: r.session,
                    review_date: None,
                    report_symbol: r.report_symbol,
                    addendum_symbol: r.addendum_symbol,
                    adoption_date: None,
                },
                recommendations: r.recs.into_iter().map(|a| a.rec).collect(),
            })
            .collect();
        self.result
    }
}

/// Adds a recommendation to its review, merging it with an earlier one with the same paragraph
/// and text.
fn merge(review: &mut ReviewAcc, rec: NewRecommendation, row: u64, problems: &mut Vec<String>) {
    let key = (rec.paragraph.clone(), rec.text.clone());
    let Some(acc) = review
        .by_key
        .get(&key)
        .and_then(|&i| review.recs.get_mut(i))
    else {
        review.by_key.insert(key, review.recs.len());
        review.recs.push(RecAcc { rec, row });
        return;
    };
    let first_row = acc.row;
    let known = &mut acc.rec;
    if known.position == Position::Pending {
        known.position = rec.position;
    } else if rec.position != Position::Pending && rec.position != known.position {
        problems.push(format!(
            "This row gives the position {} for a recommendation that row {first_row} gives as \
             {}: the first is kept.",
            rec.position, known.position
        ));
    }
    if known.position_source.is_none() {
        known.position_source = rec.position_source;
    }
    for (into, from) in [
        (&mut known.states, rec.states),
        (&mut known.themes, rec.themes),
        (&mut known.groups_of_persons, rec.groups_of_persons),
        (&mut known.sdgs, rec.sdgs),
    ] {
        for item in from {
            if !into.contains(&item) {
                into.push(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        assert_eq!(
            split_items("- Women\n- Children\r\n- Women"),
            vec!["Women", "Children"]
        );
        assert_eq!(
            split_items(
                "- Ratification of & accession to\ninternational instruments\n- Death penalty"
            ),
            vec![
                "Ratification of & accession to international instruments",
                "Death penalty"
            ]
        );
        assert_eq!(split_items("France; Chile ;"), vec!["France", "Chile"]);
        assert_eq!(split_items("France|Chile"), vec!["France", "Chile"]);
        assert_eq!(
            split_items("- 5 - GENDER EQUALITY"),
            vec!["5 - GENDER EQUALITY"]
        );
        assert_eq!(split_items("Cabo Verde"), vec!["Cabo Verde"]);
        assert!(split_items("  \n - \n").is_empty());
    }

    #[test]
    fn positions() {
        assert_eq!(position_cell("Supported"), (Position::Supported, true));
        assert_eq!(position_cell(" noted "), (Position::Noted, true));
        assert_eq!(
            position_cell("Supported / Noted"),
            (Position::SupportedInPart, true)
        );
        assert_eq!(
            position_cell("- Supported/ Noted"),
            (Position::SupportedInPart, true)
        );
        assert_eq!(position_cell(""), (Position::Pending, true));
        assert_eq!(position_cell("Perhaps"), (Position::Pending, false));
    }

    #[test]
    fn sessions() {
        assert_eq!(session_of("37"), Some(37));
        assert_eq!(session_of("UPR 37"), Some(37));
        assert_eq!(session_of("37th session"), Some(37));
        assert_eq!(session_of("0"), None);
        assert_eq!(session_of("none"), None);
        assert_eq!(session_of("99999999999999999999999"), None);
    }

    #[test]
    fn bodies() {
        assert!(is_upr_body("UPR"));
        assert!(is_upr_body("- UPR"));
        assert!(is_upr_body("Universal Periodic Review"));
        assert!(!is_upr_body("CEDAW"));
        assert!(!is_upr_body("Special Procedures"));
        assert!(!is_upr_body("Supra-national"));
    }

    #[test]
    fn paragraphs() {
        assert_eq!(
            leading_paragraph("140.7 Ratify the Convention"),
            Some(("140.7", "Ratify the Convention"))
        );
        assert_eq!(
            leading_paragraph("26.12. Abolish"),
            Some(("26.12", "Abolish"))
        );
        assert_eq!(leading_paragraph("Ratify 1.5 protocols"), None);
        assert_eq!(leading_paragraph("140.7"), None);
        assert_eq!(leading_paragraph("140.7x Ratify"), None);
        assert_eq!(leading_paragraph("é"), None);
    }

    #[test]
    fn symbols_and_numbers() {
        assert_eq!(addendum_base("A/HRC/46/15/Add.1"), Some("A/HRC/46/15"));
        assert_eq!(addendum_base("A/HRC/46/15"), None);
        assert_eq!(number_text(37.0), "37");
        assert_eq!(number_text(140.5), "140.5");
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(
            clean_header_cell(" Reccomending  Body [sic] "),
            "Reccomending Body"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(excel_date("44266").as_deref(), Some("2021-03-11"));
        assert_eq!(excel_date("44266.5").as_deref(), Some("2021-03-11"));
        assert_eq!(excel_date("1").as_deref(), Some("1900-01-01"));
        assert_eq!(excel_date("61").as_deref(), Some("1900-03-01"));
        assert_eq!(excel_date("2021-03-11").as_deref(), Some("2021-03-11"));
        assert_eq!(
            excel_date("2021-03-11T10:00:00").as_deref(),
            Some("2021-03-11")
        );
        assert_eq!(excel_date("11/03/2021").as_deref(), Some("2021-03-11"));
        assert_eq!(excel_date("03/25/2021").as_deref(), Some("2021-03-25"));
        assert_eq!(excel_date("-5"), None);
        assert_eq!(excel_date("1e300"), None);
        assert_eq!(excel_date("soon"), None);
        assert_eq!(excel_date(""), None);
    }
}
