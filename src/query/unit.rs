//! A searchable unit as stored in the index, with its document's fields joined in.

use super::documents::{self, DocFields, Join};
use crate::index::reader::{text_of, texts_of};
use crate::index::schema::Fields;
use serde::Serialize;
use std::collections::HashSet;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

#[derive(Debug, Clone, Serialize)]
pub struct StoredUnit {
    pub path: String,
    #[serde(flatten)]
    pub document: DocFields,
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
    /// Unit entries read from the index, with their documents' fields.
    pub fn read_all(join: &Join, addrs: &[DocAddress]) -> tantivy::Result<Vec<StoredUnit>> {
        let (searcher, f) = (join.searcher, join.fields);
        let keys: Vec<Option<u64>> = documents::keys_of(join, addrs);
        let by_key = documents::fields_of(join, &keys.iter().flatten().copied().collect::<HashSet<u64>>())?;
        addrs
            .iter()
            .zip(keys)
            .map(|(&a, key)| {
                let d: TantivyDocument = searcher.doc(a)?;
                Ok(StoredUnit::from_doc(&d, f, key.and_then(|k| by_key.get(&k)).cloned().unwrap_or_default()))
            })
            .collect()
    }

    fn from_doc(d: &TantivyDocument, f: &Fields, doc: DocFields) -> StoredUnit {
        StoredUnit {
            path: doc.path.clone(),
            document: doc,
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
            o(&self.document.title),
            self.document.doc_type.clone(),
            self.document.areas.join("; "),
            self.document.regulators.join("; "),
            o(&self.document.date),
            self.document.year.map(|y| y.to_string()).unwrap_or_default(),
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
