#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let mut last = 0;
        for (a, b) in scrutiny::segment::sentences::split(s) {
            assert!(a >= last && a < b && b <= s.len());
            assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            assert!(b - a <= scrutiny::segment::sentences::MAX_SENTENCE_BYTES);
            last = b;
        }
    }
});
