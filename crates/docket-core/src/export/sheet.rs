//! CSV and XLSX from a [`Sheet`].
//!
//! - **CSV**: UTF-8 with a byte order mark (so that Excel reads accents and non-Latin scripts),
//!   a header row, RFC 4180 quoting (a cell with a comma, a double quote or a line break is
//!   quoted, its quotes doubled), CRLF between rows. Dates are written `YYYY-MM-DD`. A text cell
//!   that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by
//!   a spreadsheet (formula injection): it is written with a single quote `'` before it, as
//!   OWASP advises; a text that already starts with `'` and one of those gets one more. Docket's
//!   importer removes one such quote again ([`crate::import::mapped::unneutralize`]).
//! - **XLSX**: every text cell is a string cell (never a formula, even `=SUM(A1)`; `26.10`
//!   stays text), dates are date cells shown `yyyy-mm-dd`; the header row is bold and frozen,
//!   filters are on over the whole table, columns are as wide as their content (long text
//!   columns 60 characters wide, wrapped). The worksheet is written row by row in constant
//!   memory, so 100,000 rows take little memory. Excel holds at most 32,767 characters in a
//!   cell: a longer text is cut to that length, its last character replaced by "…" (the CSV
//!   keeps the whole text).

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::model::{Cell, Sheet};
use crate::import::mapped::FORMULA_STARTS;
use crate::{Error, Result};

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Excel's limit of characters in a cell (counted in UTF-16 units, as Excel does).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Excel's last row (1,048,576 rows, the header included).
const MAX_ROWS: usize = 1_048_576;

/// Excel's last column (16,384 columns).
const MAX_COLUMNS: usize = 16_384;

/// Widest column, in characters; a column whose content is longer wraps.
const WIDE: usize = 60;

/// Narrowest column, in characters.
const NARROW: usize = 8;

/// How often (in rows) `progress` is called.
const PROGRESS_EVERY: u64 = 1_000;

/// A text cell as the CSV writes it: with a `'` before a formula start (see the module
/// documentation), and before a text that starts with quotes and then a formula start, so that
/// the importer, which removes one quote from such a cell, reads back the text as it was.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A cell's text in the CSV.
fn csv_cell(cell: &Cell) -> std::borrow::Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralize(text),
        Cell::Date(date) => std::borrow::Cow::Owned(date.format("%Y-%m-%d").to_string()),
    }
}

/// Writes the CSV into `out` (after the byte order mark).
fn write_csv(sheet: &Sheet, out: Vec<u8>) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(out);
    writer.write_record(sheet.header.iter().map(|h| neutralize(h).into_owned()))?;
    for row in &sheet.rows {
        writer.write_record(row.iter().map(|c| csv_cell(c).into_owned()))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// Writes `sheet` as CSV: UTF-8 with a byte order mark, cells that would start a formula
/// neutralized (see the module documentation).
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    let size: usize = sheet
        .rows
        .iter()
        .flatten()
        .map(|c| match c {
            Cell::Text(t) => t.len() + 3,
            Cell::Date(_) => 11,
        })
        .sum();
    let mut out = Vec::with_capacity(size + 1024);
    out.extend_from_slice(BOM);
    // Writing into memory cannot fail; should the writer ever report an error, the rows written
    // so far are not lost: the header alone is returned rather than nothing.
    write_csv(sheet, out).unwrap_or_else(|_| {
        let mut out = BOM.to_vec();
        let header: Vec<String> = sheet.header.iter().map(|h| neutralize(h).into()).collect();
        out.extend_from_slice(header.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
        out
    })
}

/// A valid worksheet name from `name`: the characters Excel refuses (`[]:*?/\`) become
/// spaces, a leading or trailing `'` is removed, at most 31 characters; "Sheet1" when nothing
/// is left.
pub fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let cut: String = cleaned.chars().take(31).collect();
    let cut = cut.trim_end().trim_end_matches('\'').trim_end();
    // "History" is reserved by Excel.
    if cut.is_empty() || cut.eq_ignore_ascii_case("history") {
        "Sheet1".to_owned()
    } else {
        cut.to_owned()
    }
}

/// The text as Excel can hold it: cut to [`MAX_CELL_CHARS`] UTF-16 units, ending with "…", when
/// it is longer.
pub fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    // A UTF-8 text of at most MAX_CELL_CHARS bytes cannot have more UTF-16 units.
    if text.len() <= MAX_CELL_CHARS || text.encode_utf16().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > MAX_CELL_CHARS - 1 {
            break;
        }
        units += c.len_utf16();
        end = i + c.len_utf8();
    }
    let mut cut = text.get(..end).unwrap_or_default().to_owned();
    cut.push('…');
    std::borrow::Cow::Owned(cut)
}

/// A writer failure, in plain words.
fn writer_error(e: XlsxError) -> Error {
    Error::CannotWrite(format!(
        "Docket could not make the Excel file ({e}). Check that the disk is not full and try \
         again; if it keeps failing, export as CSV instead."
    ))
}

/// The widths of the columns, in characters, and whether each wraps: each as wide as its
/// longest cell (header included), between [`NARROW`] and [`WIDE`]; a column with a longer cell
/// is [`WIDE`] and wraps.
fn column_widths(sheet: &Sheet, columns: usize) -> Vec<(usize, bool)> {
    let mut longest: Vec<usize> = (0..columns)
        .map(|c| sheet.header.get(c).map_or(0, |h| h.chars().count() + 3))
        .collect();
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            let Some(max) = longest.get_mut(c) else {
                continue;
            };
            if *max > WIDE {
                continue;
            }
            let len = match cell {
                // Counting stops past WIDE: only whether it is longer matters then.
                Cell::Text(t) => t
                    .split('\n')
                    .map(|line| line.chars().take(WIDE + 1).count())
                    .max()
                    .unwrap_or(0),
                Cell::Date(_) => 10,
            };
            *max = (*max).max(len);
        }
    }
    longest
        .into_iter()
        .map(|len| {
            if len > WIDE {
                (WIDE, true)
            } else {
                ((len + 1).max(NARROW), false)
            }
        })
        .collect()
}

/// Writes the header, the layout and the rows into the worksheet.
fn fill(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    columns: usize,
    progress: &mut dyn FnMut(u64),
) -> std::result::Result<(), XlsxError> {
    worksheet.set_name(sheet_name(&sheet.name))?;
    let top = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let date = Format::new()
        .set_align(FormatAlign::Top)
        .set_num_format("yyyy-mm-dd");
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);

    let widths = column_widths(sheet, columns);
    for (c, &(width, _)) in widths.iter().enumerate() {
        worksheet.set_column_width(c as u16, width as f64)?;
    }
    let formats: Vec<&Format> = widths
        .iter()
        .map(|&(_, wrap)| if wrap { &wrapped } else { &top })
        .collect();
    let last_col = columns.saturating_sub(1) as u16;
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;

    for (c, name) in sheet.header.iter().enumerate().take(columns) {
        worksheet.write_string_with_format(0, c as u16, fit_cell(name), &bold)?;
    }
    let mut done = 0u64;
    for (r, row) in sheet.rows.iter().enumerate() {
        let at = r as u32 + 1;
        for (c, cell) in row.iter().enumerate().take(columns) {
            let col = c as u16;
            match cell {
                Cell::Text(text) => {
                    // Empty cells are left out: Excel stores nothing for them.
                    if !text.is_empty() {
                        let format = formats.get(c).copied().unwrap_or(&top);
                        worksheet.write_string_with_format(at, col, fit_cell(text), format)?;
                    }
                }
                Cell::Date(d) => {
                    worksheet.write_date_with_format(at, col, d, &date)?;
                }
            }
        }
        done += 1;
        if done.is_multiple_of(PROGRESS_EVERY) {
            progress(done);
        }
    }
    Ok(())
}

/// Writes `sheet` as an Excel workbook: strings and dates only, header frozen, filters on (see
/// the module documentation). `progress` is called with the number of rows written so far every
/// 1,000 rows, and once at the end.
pub fn xlsx(sheet: &Sheet, progress: &mut dyn FnMut(u64)) -> Result<Vec<u8>> {
    if sheet.rows.len() >= MAX_ROWS {
        return Err(Error::InvalidInput(format!(
            "Excel holds at most {} rows in a sheet, and this export has {}. Export fewer \
             recommendations (a search or a selection), or export as CSV.",
            MAX_ROWS - 1,
            sheet.rows.len()
        )));
    }
    let columns = sheet
        .rows
        .iter()
        .map(Vec::len)
        .chain([sheet.header.len()])
        .max()
        .unwrap_or(0);
    if columns > MAX_COLUMNS {
        return Err(Error::InvalidInput(format!(
            "Excel holds at most {MAX_COLUMNS} columns in a sheet, and this export has \
             {columns}. Export as CSV instead."
        )));
    }
    let mut workbook = Workbook::new();
    {
        let worksheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(writer_error)?;
        fill(worksheet, sheet, columns.max(1), progress).map_err(writer_error)?;
    }
    let bytes = workbook.save_to_buffer().map_err(writer_error)?;
    let total = sheet.rows.len() as u64;
    if total == 0 || !total.is_multiple_of(PROGRESS_EVERY) {
        progress(total);
    }
    Ok(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("Recommendations"), "Recommendations");
        assert_eq!(sheet_name("A/HRC/46/15: [draft]?"), "A HRC 46 15   draft");
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name(""), "Sheet1");
        assert_eq!(sheet_name("History"), "Sheet1");
        let long = sheet_name(&"é".repeat(40));
        assert_eq!(long.chars().count(), 31);
    }

    #[test]
    fn long_texts_are_cut_to_excel_s_limit_with_an_ellipsis() {
        assert_eq!(fit_cell("short"), "short");
        let exact = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_cell(&exact), exact);
        let long = "a".repeat(MAX_CELL_CHARS + 10);
        let cut = fit_cell(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("a…"));
        // Characters outside the BMP count twice, as in Excel; none is cut in half.
        let emoji = "😀".repeat(MAX_CELL_CHARS);
        let cut = fit_cell(&emoji);
        assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
        assert!(cut.ends_with("😀…"));
    }

    #[test]
    fn wide_columns_wrap_and_narrow_ones_fit_their_content() {
        let sheet = Sheet {
            name: "x".into(),
            header: vec!["Paragraph".into(), "Text".into(), "Date".into()],
            rows: vec![vec![
                Cell::Text("26.1".into()),
                Cell::Text("word ".repeat(30)),
                Cell::Date(chrono::NaiveDate::from_ymd_opt(2020, 11, 9).unwrap()),
            ]],
        };
        let widths = column_widths(&sheet, 3);
        assert_eq!(widths[0], (13, false));
        assert_eq!(widths[1], (WIDE, true));
        assert_eq!(widths[2], (11, false));
    }
}
