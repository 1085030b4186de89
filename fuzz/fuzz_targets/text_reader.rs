#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let doc = scrutiny::ingest::text::read(s);
        for b in &doc.blocks {
            if let Some(c) = &b.table {
                assert!(c.table <= doc.tables.len());
            }
        }
    }
});
