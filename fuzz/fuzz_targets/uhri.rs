//! Any text as a UHRI CSV export, any bytes as a UHRI workbook.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = docket_core::import::uhri::parse_csv(text);
    }
    let _ = docket_core::import::uhri::parse_xlsx(data);
});
