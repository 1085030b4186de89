//! Opening an existing index: refuse folders that are not ours and indexes of another schema
//! version, before tantivy sees them.

use super::error::IndexError;
use super::schema::{self, Fields, KIND_DOCUMENT, META_FILE, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

/// The folder used when neither --index nor SCRUTINY_INDEX says otherwise.
pub fn default_dir() -> PathBuf {
    std::env::var_os("SCRUTINY_INDEX").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("index"))
}

/// Our marker file: which schema wrote the index and which themes (in taxonomy order) it knows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: serde_json::Value,
    pub created_by: String,
    #[serde(default)]
    pub themes: Vec<String>,
}

impl Meta {
    pub fn new(themes: Vec<String>) -> Meta {
        Meta { schema_version: SCHEMA_VERSION.into(), created_by: format!("scrutiny {}", env!("CARGO_PKG_VERSION")), themes }
    }
    pub fn read(dir: &Path) -> Option<Meta> {
        serde_json::from_str(&std::fs::read_to_string(dir.join(META_FILE)).ok()?).ok()
    }
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(META_FILE), text + "\n")
    }
    pub fn version_matches(&self) -> bool {
        self.schema_version.as_u64() == Some(SCHEMA_VERSION as u64)
    }
}

/// What a folder holds, decided without modifying it.
pub enum DirState {
    Missing,
    Empty,
    Ours(Meta),
    /// Our marker file is there but unreadable: treat as another version.
    OursUnreadable,
    Foreign,
}

pub fn inspect(dir: &Path) -> DirState {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return if dir.exists() { DirState::Foreign } else { DirState::Missing };
    };
    if entries.next().is_none() {
        return DirState::Empty;
    }
    if dir.join(META_FILE).exists() {
        return match Meta::read(dir) {
            Some(m) => DirState::Ours(m),
            None => DirState::OursUnreadable,
        };
    }
    DirState::Foreign
}

/// An open index with its fields resolved and a searcher on its last commit.
pub struct IndexHandle {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    pub meta: Meta,
    pub reader: IndexReader,
}

pub fn check_version(dir: &Path, meta: &Meta) -> Result<(), IndexError> {
    if meta.version_matches() {
        Ok(())
    } else {
        Err(IndexError::SchemaMismatch { dir: dir.to_path_buf(), found: meta.schema_version.to_string(), expected: SCHEMA_VERSION })
    }
}

pub fn open(dir: &Path) -> Result<IndexHandle, IndexError> {
    let meta = match inspect(dir) {
        DirState::Missing | DirState::Empty => return Err(IndexError::NoIndex { dir: dir.to_path_buf() }),
        DirState::Foreign => return Err(IndexError::NotAnIndex { dir: dir.to_path_buf() }),
        DirState::OursUnreadable => {
            return Err(IndexError::SchemaMismatch { dir: dir.to_path_buf(), found: "unreadable".into(), expected: SCHEMA_VERSION });
        }
        DirState::Ours(m) => m,
    };
    check_version(dir, &meta)?;
    let tv = |e| IndexError::opening(dir, e);
    let index = Index::open_in_dir(dir).map_err(tv)?;
    schema::register_tokenizer(&index);
    let fields = Fields::of(&index.schema()).map_err(tv)?;
    let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(tv)?;
    Ok(IndexHandle { dir: dir.to_path_buf(), index, fields, meta, reader })
}

impl IndexHandle {
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Errors while reading an index that opened are damage too: its files were cut or changed.
    pub fn err(&self, e: tantivy::TantivyError) -> IndexError {
        IndexError::opening(&self.dir, e)
    }
}

/// Every document-level entry (one per source document).
pub fn document_query(fields: &Fields) -> TermQuery {
    TermQuery::new(Term::from_field_text(fields.kind, KIND_DOCUMENT), IndexRecordOption::Basic)
}

/// The stored document-level entries (one per source document), with their numbers.
pub fn document_entries(searcher: &Searcher, fields: &Fields) -> tantivy::Result<Vec<(u64, TantivyDocument)>> {
    let keys = searcher.segment_readers().iter().map(|seg| seg.fast_fields().u64(schema::DOC_KEY)).collect::<tantivy::Result<Vec<_>>>()?;
    let addrs = searcher.search(&document_query(fields), &DocSetCollector)?;
    addrs
        .into_iter()
        .map(|a| {
            let key = keys[a.segment_ord as usize].first(a.doc_id).ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!("document entry {} of segment {} has no number", a.doc_id, a.segment_ord))
            })?;
            Ok((key, searcher.doc(a)?))
        })
        .collect()
}

/// The first stored string of a field.
pub fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str().map(str::to_string))
}

/// Every stored string of a multi-valued field.
pub fn texts_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field).filter_map(|v| v.as_str().map(str::to_string)).collect()
}
