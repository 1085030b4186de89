//! Segment: lay a reader's blocks into one text, link each block to its heading and each list
//! item to its lead-in, and split blocks into sentences.

pub mod labelled_records;
pub mod sentences;
pub mod title;

use crate::ingest::RawDoc;
use crate::model::{Block, BlockKind, Document, Sentence, Span};

const BLOCK_SEPARATOR: &str = "\n\n";

/// Build the document model from what a reader produced.
pub fn build(raw: RawDoc, path: &str, id: String, bytes: usize) -> Document {
    let mut text = String::new();
    let mut blocks: Vec<Block> = Vec::with_capacity(raw.blocks.len());
    let mut heading: Option<usize> = None;
    for rb in raw.blocks {
        let t = rb.text.trim();
        if t.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str(BLOCK_SEPARATOR);
        }
        let start = text.len();
        text.push_str(t);
        let idx = blocks.len();
        let lead_in = if rb.kind == BlockKind::ListItem { find_lead_in(&blocks, &text) } else { None };
        blocks.push(Block {
            kind: rb.kind.clone(),
            level: rb.level,
            span: Span::new(start, text.len()),
            lead_in,
            heading,
            table: rb.table,
            page: rb.page,
        });
        if rb.kind == BlockKind::Heading {
            heading = Some(idx);
        }
    }
    let mut sentences = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let bt = &text[b.span.start..b.span.end];
        if b.kind == BlockKind::Heading {
            sentences.push(Sentence { span: b.span, block: bi });
            continue;
        }
        for (s, e) in sentences::split(bt) {
            sentences.push(Sentence { span: Span::new(b.span.start + s, b.span.start + e), block: bi });
        }
    }
    let mut tables = raw.tables;
    tables.extend(labelled_records::tables(&blocks, &text));
    let given = raw.given;
    let title = raw.title.or_else(|| title::choose(&blocks, &text));
    Document {
        path: path.to_string(),
        format: raw.format,
        title,
        text,
        blocks,
        tables,
        sentences,
        warnings: raw.warnings,
        given,
        id,
        bytes,
    }
}

/// A list item's lead-in is the paragraph or heading ending in a colon just above its list,
/// or an item ending in one: a numbered paragraph ("2.1 It is recommended that the Board:") or
/// an item over a list of its own introduces what follows it.
fn find_lead_in(blocks: &[Block], text: &str) -> Option<usize> {
    let mut j = blocks.len();
    while j > 0 {
        j -= 1;
        let b = &blocks[j];
        match b.kind {
            BlockKind::ListItem => {
                if text[b.span.start..b.span.end].trim_end().ends_with(':') {
                    return Some(j);
                }
                if let Some(l) = b.lead_in {
                    return Some(l);
                }
            }
            // A heading may introduce a list too ("### Health boards should:").
            BlockKind::Paragraph | BlockKind::Heading => {
                let t = text[b.span.start..b.span.end].trim_end();
                return t.ends_with(':').then_some(j);
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;

    #[test]
    fn list_items_know_their_lead_in_and_heading() {
        let raw = text::read("Finance\n\nThe Government should:\n• fund it.\n• review it.\n\nOther text here.\n");
        let doc = build(raw, "x.txt", "id".into(), 0);
        let items: Vec<&Block> = doc.blocks.iter().filter(|b| b.kind == BlockKind::ListItem).collect();
        assert_eq!(items.len(), 2);
        for it in items {
            assert_eq!(doc.block_text(it.lead_in.unwrap()), "The Government should:");
            assert_eq!(doc.block_text(it.heading.unwrap()), "Finance");
        }
    }

    #[test]
    fn a_heading_ending_in_a_colon_leads_in_its_list() {
        let raw = text::read(
            "## Recommendations\n\n### Health boards should:\n\n- review the suitability of ward environments;\n- publish national data on delays each quarter.\n\n### Notes\n\n- one\n",
        );
        let doc = build(raw, "x.md", "id".into(), 0);
        let leads: Vec<Option<&str>> =
            doc.blocks.iter().filter(|b| b.kind == BlockKind::ListItem).map(|b| b.lead_in.map(|l| doc.block_text(l))).collect();
        assert_eq!(leads, [Some("Health boards should:"), Some("Health boards should:"), None]);
        let recs = crate::extract::Extractor::default().extract(&doc).recommendations;
        let actors: Vec<Option<&str>> = recs.iter().map(|r| r.actor.as_deref()).collect();
        assert_eq!(actors, [Some("Health boards"), Some("Health boards")]);
    }

    #[test]
    fn a_numbered_paragraph_ending_in_a_colon_leads_in_the_items_after_it() {
        let raw =
            text::read("2. RECOMMENDATIONS\n\n2.1 It is recommended that the Board:\n(i) notes the report;\n(ii) approves the plan.\n");
        let doc = build(raw, "x.txt", "id".into(), 0);
        let items: Vec<&Block> = doc.blocks.iter().filter(|b| b.kind == BlockKind::ListItem).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].lead_in, None);
        for it in &items[1..] {
            assert_eq!(doc.block_text(it.lead_in.unwrap()), "It is recommended that the Board:");
        }
        let recs = crate::extract::Extractor::default().extract(&doc).recommendations;
        let actors: Vec<Option<&str>> = recs.iter().filter(|r| r.text.contains("the plan")).map(|r| r.actor.as_deref()).collect();
        assert_eq!(actors, [Some("the Board")]);
    }

    #[test]
    fn spans_slice_the_text_they_claim() {
        let raw = text::read("Heading\n\nOne sentence. Two “quoted” sentences here. Three.\n");
        let doc = build(raw, "x.txt", "id".into(), 0);
        let s: Vec<&str> = (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect();
        assert_eq!(s, ["Heading", "One sentence.", "Two “quoted” sentences here.", "Three."]);
    }
}
