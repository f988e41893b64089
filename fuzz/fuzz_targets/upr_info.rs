//! Any text as a UPR Info export.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = docket_core::import::upr_info::parse(text);
});
