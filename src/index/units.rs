//! From one extracted document to its tantivy documents: one per finding, recommendation,
//! action and remaining sentence, and one for the document. Units carry their document's path
//! as a term only, not its fields: queries join those from the document entry
//! (`query::documents`) by the number the writer gives all of a document's entries.

use super::schema::{Fields, KIND_DOCUMENT};
use crate::extract::taxonomy::Taxonomy;
use crate::model::{Document, Record, Span};
use tantivy::TantivyDocument;
use tantivy::schema::Facet;

struct Unit<'a> {
    kind: &'static str,
    text: &'a str,
    polarity: Option<&'static str>,
    actor: Option<&'a str>,
    themes: Vec<String>,
    span: Option<Span>,
    status: Option<&'a str>,
    due: Option<&'a str>,
}

impl<'a> Unit<'a> {
    fn new(kind: &'static str, text: &'a str, themes: Vec<String>) -> Self {
        Unit { kind, text, polarity: None, actor: None, themes, span: None, status: None, due: None }
    }
}

/// Spans of sentences already indexed as findings or recommendations, sorted by start, with
/// the furthest end reached so far; asking whether a sentence overlaps any of them is then a
/// binary search rather than a scan (long reports have thousands of both).
struct Claimed {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl Claimed {
    fn new(mut spans: Vec<Span>) -> Claimed {
        spans.sort_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0usize, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        Claimed { spans, max_end }
    }

    fn overlaps(&self, span: Span) -> bool {
        let starts_before_end = self.spans.partition_point(|c| c.start < span.end);
        starts_before_end > 0 && self.max_end[starts_before_end - 1] > span.start
    }
}

/// Theme hits sorted by where they start (with their place in the record), to find those
/// inside a span by binary search.
struct HitsByStart<'a> {
    hits: Vec<(usize, &'a crate::model::ThemeHit)>,
}

impl<'a> HitsByStart<'a> {
    fn new(record: &'a Record) -> Self {
        let mut hits: Vec<_> = record.theme_hits.iter().enumerate().collect();
        hits.sort_by_key(|(_, h)| h.span.start);
        HitsByStart { hits }
    }

    /// Theme ids of the hits inside a span, each once, in the record's order of hits.
    fn themes_in(&self, span: Span) -> Vec<String> {
        let from = self.hits.partition_point(|(_, h)| h.span.start < span.start);
        let mut inside: Vec<(usize, &str)> = self.hits[from..]
            .iter()
            .take_while(|(_, h)| h.span.start < span.end)
            .filter(|(_, h)| h.span.end <= span.end)
            .map(|(i, h)| (*i, h.theme.as_str()))
            .collect();
        inside.sort_unstable_by_key(|(i, _)| *i);
        let mut out: Vec<String> = Vec::new();
        for (_, t) in inside {
            if !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
        out
    }
}

fn units<'a>(doc: &'a Document, record: &'a Record, taxonomy: &Taxonomy) -> Vec<Unit<'a>> {
    let mut out = Vec::with_capacity(record.findings.len() + record.recommendations.len() + record.actions.len() + doc.sentences.len());
    for f in &record.findings {
        let mut u = Unit::new("finding", &f.text, f.themes.clone());
        u.polarity = Some(f.polarity.as_str());
        u.span = Some(f.span);
        out.push(u);
    }
    for r in &record.recommendations {
        let mut u = Unit::new("recommendation", &r.text, r.themes.clone());
        u.actor = r.actor.as_deref();
        u.span = Some(r.span);
        out.push(u);
    }
    for a in &record.actions {
        let mut themes: Vec<String> = Vec::new();
        for h in taxonomy.tag(&a.action, 0) {
            if !themes.contains(&h.theme) {
                themes.push(h.theme);
            }
        }
        let mut u = Unit::new("action", &a.action, themes);
        u.actor = a.responsibility.as_deref();
        u.status = a.status.as_deref();
        u.due = a.due.as_deref();
        out.push(u);
    }
    // Sentences already indexed as a finding or recommendation are not repeated as text, so a
    // search finds each passage once.
    let claimed = Claimed::new(record.findings.iter().map(|f| f.span).chain(record.recommendations.iter().map(|r| r.span)).collect());
    let hits = HitsByStart::new(record);
    for s in &doc.sentences {
        if claimed.overlaps(s.span) {
            continue;
        }
        let text = doc.slice(s.span).trim();
        if text.is_empty() {
            continue;
        }
        let mut u = Unit::new("text", text, hits.themes_in(s.span));
        u.span = Some(s.span);
        out.push(u);
    }
    out
}

/// The document entry's own fields: everything a filter, a count or a result row needs of the
/// document.
fn document_entry(f: &Fields, record: &Record) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, KIND_DOCUMENT);
    d.add_text(f.doc_path, &record.path);
    d.add_text(f.doc_id, &record.id);
    if let Some(t) = &record.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.doc_type, record.doc_type.as_str());
    if let Some(date) = &record.date {
        d.add_text(f.date, date);
    }
    if let Some(y) = record.year().filter(|y| *y > 0) {
        d.add_u64(f.year, y as u64);
        d.add_facet(f.year_facet, Facet::from_path(["year", &y.to_string()]));
    }
    for a in &record.areas {
        d.add_text(f.areas, a);
        d.add_facet(f.area_facet, Facet::from_path(["area", a.as_str()]));
    }
    for r in &record.regulators {
        d.add_text(f.regulators, r);
        d.add_facet(f.regulator_facet, Facet::from_path(["regulator", r.as_str()]));
    }
    d
}

fn add_themes<'t>(f: &Fields, d: &mut TantivyDocument, themes: impl IntoIterator<Item = &'t String>) {
    for t in themes {
        d.add_text(f.themes, t);
        d.add_facet(f.theme_facet, Facet::from_path(["theme", t.as_str()]));
    }
}

/// One value of the document entry's tally field; an empty theme marks a kind as present.
pub fn tally_value(kind: &str, theme: &str) -> String {
    format!("{kind}/{theme}")
}

/// All tantivy documents for one source document: its document entry first, then its units.
pub fn documents(f: &Fields, doc: &Document, record: &Record, taxonomy: &Taxonomy) -> Vec<TantivyDocument> {
    let units = units(doc, record, taxonomy);
    // A long report has thousands of entries: growing the list would copy them again and again.
    let mut out = Vec::with_capacity(units.len() + 1);
    let mut head = document_entry(f, record);
    add_themes(f, &mut head, record.themes.keys());
    let mut kinds: Vec<&str> = Vec::new();
    for u in &units {
        if !kinds.contains(&u.kind) {
            kinds.push(u.kind);
            head.add_text(f.tally, tally_value(u.kind, ""));
        }
        for t in &u.themes {
            head.add_text(f.tally, tally_value(u.kind, t));
        }
    }
    out.push(head);
    for u in units {
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, u.kind);
        d.add_text(f.path, &record.path);
        d.add_text(f.text, u.text);
        if let Some(p) = u.polarity {
            d.add_text(f.polarity, p);
        }
        if let Some(a) = u.actor {
            d.add_text(f.actor, a);
        }
        add_themes(f, &mut d, &u.themes);
        if let Some(s) = u.span {
            d.add_u64(f.span_start, s.start as u64);
        }
        if let Some(s) = u.status {
            d.add_text(f.status, s);
        }
        if let Some(s) = u.due {
            d.add_text(f.due, s);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn claimed_spans_match_a_plain_scan() {
        let spans = vec![span(50, 60), span(0, 40), span(10, 20), span(70, 75), span(100, 140)];
        let claimed = Claimed::new(spans.clone());
        for start in 0..150 {
            for len in 1..12 {
                let s = span(start, start + len);
                let plain = spans.iter().any(|c| c.start < s.end && s.start < c.end);
                assert_eq!(claimed.overlaps(s), plain, "{s:?}");
            }
        }
        assert!(!Claimed::new(Vec::new()).overlaps(span(0, 10)));
    }
}
