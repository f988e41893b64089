//! Any file through format guessing and the reader it picks.
#![no_main]
use docket_core::import::read::{read, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read(data, "fuzz.bin", &ReadOptions::default());
});
