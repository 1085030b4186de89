#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<scrutiny::Extractor> = LazyLock::new(scrutiny::Extractor::default);

fuzz_target!(|data: &[u8]| {
    for name in ["doc.txt", "doc.html"] {
        if let Err(e) = scrutiny::pipeline::process_bytes(std::path::Path::new(name), data, &EXTRACTOR) {
            assert!(!e.reason().contains("internal error"), "{e}");
        }
    }
});
