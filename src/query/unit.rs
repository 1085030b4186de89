//! A searchable unit as stored in the index, with its document's fields.

use crate::index::reader::{text_of, texts_of};
use crate::index::schema::Fields;
use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::schema::Value;

#[derive(Debug, Clone, Serialize)]
pub struct StoredUnit {
    pub path: String,
    pub title: Option<String>,
    pub doc_type: String,
    pub areas: Vec<String>,
    pub regulators: Vec<String>,
    pub date: Option<String>,
    pub year: Option<u64>,
    pub kind: String,
    pub polarity: Option<String>,
    pub themes: Vec<String>,
    pub actor: Option<String>,
    pub text: String,
    pub status: Option<String>,
    pub due: Option<String>,
    #[serde(skip)]
    pub span_start: u64,
}

impl StoredUnit {
    pub fn from_doc(d: &TantivyDocument, f: &Fields) -> StoredUnit {
        StoredUnit {
            path: text_of(d, f.path).unwrap_or_default(),
            title: text_of(d, f.title),
            doc_type: text_of(d, f.doc_type).unwrap_or_default(),
            areas: texts_of(d, f.areas),
            regulators: texts_of(d, f.regulators),
            date: text_of(d, f.date),
            year: d.get_first(f.year).and_then(|v| v.as_u64()),
            kind: text_of(d, f.kind).unwrap_or_default(),
            polarity: text_of(d, f.polarity),
            themes: texts_of(d, f.themes),
            actor: text_of(d, f.actor),
            text: text_of(d, f.text).unwrap_or_default(),
            status: text_of(d, f.status),
            due: text_of(d, f.due),
            span_start: d.get_first(f.span_start).and_then(|v| v.as_u64()).unwrap_or(0),
        }
    }

    pub const CSV_HEADER: [&'static str; 14] = [
        "path",
        "title",
        "doc_type",
        "areas",
        "regulators",
        "date",
        "year",
        "kind",
        "polarity",
        "themes",
        "actor",
        "text",
        "status",
        "due",
    ];

    pub fn csv_row(&self) -> Vec<String> {
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        vec![
            self.path.clone(),
            o(&self.title),
            self.doc_type.clone(),
            self.areas.join("; "),
            self.regulators.join("; "),
            o(&self.date),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.kind.clone(),
            o(&self.polarity),
            self.themes.join("; "),
            o(&self.actor),
            self.text.clone(),
            o(&self.status),
            o(&self.due),
        ]
    }
}
