//! Any text as a Working Group report.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = docket_core::import::report::parse(text);
    for r in &parsed.recommendations {
        assert!(!r.paragraph.is_empty());
    }
});
