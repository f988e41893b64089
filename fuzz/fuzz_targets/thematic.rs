//! Any text as an OHCHR thematic list.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = docket_core::import::thematic::parse(text);
});
