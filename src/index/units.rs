//! From one extracted document to its tantivy documents: one per finding, recommendation,
//! action and remaining sentence, each carrying the document's fields so filters need no join.

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

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Theme ids of the hits inside a span, each once, in first-hit order.
fn themes_in(record: &Record, span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in &record.theme_hits {
        if h.span.start >= span.start && h.span.end <= span.end && !out.contains(&h.theme) {
            out.push(h.theme.clone());
        }
    }
    out
}

fn units<'a>(doc: &'a Document, record: &'a Record, taxonomy: &Taxonomy) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
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
    let claimed: Vec<Span> = record.findings.iter().map(|f| f.span).chain(record.recommendations.iter().map(|r| r.span)).collect();
    for s in &doc.sentences {
        if claimed.iter().any(|c| overlaps(*c, s.span)) {
            continue;
        }
        let text = doc.slice(s.span).trim();
        if text.is_empty() {
            continue;
        }
        let mut u = Unit::new("text", text, themes_in(record, s.span));
        u.span = Some(s.span);
        out.push(u);
    }
    out
}

/// The fields every entry of a document shares.
fn common(f: &Fields, record: &Record, kind: &str) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, kind);
    d.add_facet(f.kind_facet, Facet::from_path(["kind", kind]));
    d.add_text(f.path, &record.path);
    d.add_text(f.doc_id, &record.id);
    if let Some(t) = &record.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.doc_type, record.doc_type.as_str());
    d.add_facet(f.doctype_facet, Facet::from_path(["doc_type", record.doc_type.as_str()]));
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

/// All tantivy documents for one source document: its record entry first, then its units.
pub fn documents(f: &Fields, doc: &Document, record: &Record, taxonomy: &Taxonomy) -> Vec<TantivyDocument> {
    let mut out = Vec::new();
    let units = units(doc, record, taxonomy);
    let mut head = common(f, record, KIND_DOCUMENT);
    add_themes(f, &mut head, record.themes.keys());
    head.add_text(f.record, serde_json::to_string(record).expect("a record always serialises"));
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
        let mut d = common(f, record, u.kind);
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
            d.add_u64(f.span_end, s.end as u64);
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
