//! Any text as a spreadsheet with its guessed column mapping.
#![no_main]
use docket_core::import::mapped::{self, ColumnMapping};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let header = mapped::header_of_text(text);
    let mapping = ColumnMapping::guess(&header);
    let _ = mapped::parse_text(text, &mapping, None);
});
