#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let doc = scrutiny::ingest::html::read(s);
        for b in &doc.blocks {
            assert!(!b.text.trim().is_empty());
        }
    }
});
