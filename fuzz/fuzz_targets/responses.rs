//! Any text as the State's responses.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = docket_core::import::responses::parse(text, Some("A/HRC/1/1/Add.1"));
});
