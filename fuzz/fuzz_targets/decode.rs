//! Bytes of any kind through the decoder, the separator sniffer and the CSV records.
#![no_main]
use docket_core::import::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode::decode(data, None) {
        assert!(!d.text.contains('\0'));
        let delimiter = decode::sniff_delimiter(&d.text);
        let mut last = 0;
        for r in decode::records(&d.text, delimiter).flatten() {
            assert!(r.line >= last.max(1));
            last = r.line;
        }
    }
});
