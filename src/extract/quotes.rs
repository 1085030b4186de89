//! Quotes: what a named person said, with their role ("Jane Smith, Chief Executive of the
//! Care Inspectorate, said: “...”", "“...,” Smith explained."). A quotation that runs on into
//! the next paragraphs (each opening with a quotation mark) stays with its speaker.

use crate::model::{BlockKind, Document, Quote, Span};
use regex::Regex;
use std::sync::LazyLock;

static SAID_COLON: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r#"(?P<who>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,4})(?:,\s*(?P<role>[^“”:]{3,150}?),)?\s+(?:said|says|added|commented|explained|stated)\s*:\s*(?P<q>[“"].*)$"#).unwrap()
});
static QUOTE_THEN_WHO: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r#"^(?P<q>[“"][^”"]{10,}[”"])\s*,?\s*(?P<who>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})\s+(?:said|explained|added|commented)(?-u:\b)"#,
    )
    .unwrap()
});

pub fn extract(doc: &Document) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading || b.kind == BlockKind::TableCell {
            open = None;
            continue;
        }
        let t = doc.block_text(i);
        // Each pattern needs a quotation mark (and the first a colon): most blocks have none.
        if let Some(c) = (t.contains(':') && (t.contains('"') || t.contains('“'))).then(|| SAID_COLON.captures(t)).flatten() {
            let q = c.name("q").unwrap();
            out.push(Quote {
                speaker: Some(c["who"].to_string()),
                role: c.name("role").map(|r| r.as_str().trim().to_string()),
                text: trim_quote(q.as_str()),
                span: Span::new(b.span.start + q.start(), b.span.end),
            });
            open = (!closes(q.as_str())).then_some(out.len() - 1);
            continue;
        }
        if let Some(c) = t.starts_with(['“', '"']).then(|| QUOTE_THEN_WHO.captures(t)).flatten() {
            let q = c.name("q").unwrap();
            out.push(Quote {
                speaker: Some(c["who"].to_string()),
                role: None,
                text: trim_quote(q.as_str()),
                span: Span::new(b.span.start + q.start(), b.span.start + q.end()),
            });
            open = None;
            continue;
        }
        match open {
            Some(k) if t.starts_with(['“', '"']) => {
                out[k].text.push(' ');
                out[k].text.push_str(&trim_quote(t));
                out[k].span.end = b.span.end;
                if closes(t) {
                    open = None;
                }
            }
            _ => open = None,
        }
    }
    out
}

fn closes(t: &str) -> bool {
    t.trim_end().ends_with(['”', '"'])
}

fn trim_quote(s: &str) -> String {
    s.trim().trim_start_matches(['“', '"']).trim_end_matches(['”', '"']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ingest::text, segment};

    #[test]
    fn speaker_role_and_running_quotation() {
        let raw = text::read("Ann Lee, Chief Executive of the Board, said: “We saw progress.\n\n“More is needed.”\n\nOther text.\n");
        let doc = segment::build(raw, "x", "id".into(), 0);
        let q = extract(&doc);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(q[0].role.as_deref(), Some("Chief Executive of the Board"));
        assert_eq!(q[0].text, "We saw progress. More is needed.");
    }
}
