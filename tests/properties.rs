//! Invariants that hold for any input text: spans slice the text they claim, sentences are in
//! order without overlap and inside their blocks, and extraction is deterministic.

use proptest::prelude::*;
use scrutiny::Extractor;
use scrutiny::pipeline::process_bytes;
use std::path::Path;

/// Text built from report-like pieces, so the extractors' rules actually fire.
fn report_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Inspectors found that leaders were effective. ".to_string()),
        Just("The partnership should improve its workforce plan.\n".to_string()),
        Just("What needs to improve?\n".to_string()),
        Just("• review delayed discharges\n".to_string()),
        Just("The Government should:\n".to_string()),
        Just("Priority\tAction\tRAG\n1. Act\tDo it\tGREEN\n".to_string()),
        Just("\n\n".to_string()),
        Just("“We expect to see change,” she said. ".to_string()),
        Just("Dr. A. Smith, e.g. 3.5 days. ".to_string()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_and_sentences_are_consistent(text in report_text()) {
        let ex = Extractor::default();
        let Ok((doc, rec)) = process_bytes(Path::new("p.txt"), text.as_bytes(), &ex) else { return Ok(()) };
        let mut last_end = 0;
        for s in &doc.sentences {
            prop_assert!(s.span.start >= last_end, "sentences overlap or go backwards");
            prop_assert!(s.span.start < s.span.end);
            let b = &doc.blocks[s.block];
            prop_assert!(b.span.start <= s.span.start && s.span.end <= b.span.end, "sentence outside its block");
            prop_assert!(doc.text.get(s.span.start..s.span.end).is_some());
            last_end = s.span.end;
        }
        for f in &rec.findings {
            prop_assert_eq!(doc.slice(f.span), f.text.as_str());
        }
        for r in &rec.recommendations {
            prop_assert_eq!(doc.slice(r.span), r.text.as_str());
        }
        for h in &rec.theme_hits {
            prop_assert_eq!(doc.slice(h.span), h.phrase.as_str());
        }
    }

    #[test]
    fn extraction_is_deterministic(text in report_text()) {
        let ex = Extractor::default();
        let a = process_bytes(Path::new("p.txt"), text.as_bytes(), &ex).map(|(_, r)| serde_json::to_string(&r).unwrap());
        let b = process_bytes(Path::new("p.txt"), text.as_bytes(), &ex).map(|(_, r)| serde_json::to_string(&r).unwrap());
        prop_assert_eq!(a.ok(), b.ok());
    }

    #[test]
    fn any_bytes_give_a_record_or_an_error_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let ex = Extractor::default();
        for name in ["x.txt", "x.html", "x.md"] {
            // The pipeline turns a panic into an "internal error" failure; none may occur.
            if let Err(e) = process_bytes(Path::new(name), &bytes, &ex) {
                prop_assert!(!e.reason().contains("internal error"), "{}", e);
            }
        }
    }
}
