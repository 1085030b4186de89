//! Ingest: find files, read each into blocks. Readers differ by format; all of them produce a
//! [`RawDoc`], which the segmenter turns into a [`crate::model::Document`].

pub mod decode;
pub mod discover;
pub mod docx;
pub mod html;
pub mod lines;
pub mod pdf;
pub mod records;
pub mod running_lines;
pub mod text;

use crate::error::ReadError;
use crate::model::{BlockKind, CellRef, Table};
use std::path::Path;

pub use discover::discover;

/// Files larger than this are skipped unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One block as a reader found it, before it is laid into the document's text.
#[derive(Debug, Clone)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub level: u8,
    pub text: String,
    pub table: Option<CellRef>,
    /// The page the block starts on, for paged formats.
    pub page: Option<u32>,
}

impl RawBlock {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        RawBlock { kind, level: 0, text: text.into(), table: None, page: None }
    }
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        RawBlock { kind: BlockKind::Heading, level, text: text.into(), table: None, page: None }
    }
}

/// What a reader made of one file.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    pub format: String,
    pub title: Option<String>,
    pub blocks: Vec<RawBlock>,
    pub tables: Vec<Table>,
    pub warnings: Vec<String>,
    /// Metadata the file states outright (record files: date, area, addressee, title), for
    /// extraction to prefer over what it would infer from the text.
    pub given: Option<records::GivenMeta>,
}

/// The formats scrutiny reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Json,
    Jsonl,
    Csv,
}

/// The extensions read, for messages.
pub const SUPPORTED: &str = ".txt, .md, .html, .htm, .pdf, .docx, .json, .jsonl, .csv";

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
    pub fn name(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        }
    }
}

/// One document a file holds: the whole file, or one record of a record file.
#[derive(Debug)]
pub struct SourceDoc {
    /// The file's path, or for a record of a file of several `file.jsonl#<record id or number>`.
    pub path: String,
    /// The file's content hash, or for a record that hash and `#<record id or number>`.
    pub id: String,
    /// The record's text, or why it has none.
    pub raw: Result<RawDoc, ReadError>,
}

/// Every document in the bytes of `path`, in file order: one for most files, one per record
/// for record files (.json, .jsonl, .csv). An error here is the whole file's; a record that
/// cannot be read is reported in its own `raw`.
pub fn read_documents(path: &Path, bytes: &[u8]) -> Result<Vec<SourceDoc>, ReadError> {
    let hash = blake3::hash(bytes).to_hex().to_string();
    let name = path.to_string_lossy().into_owned();
    if !matches!(Format::from_path(path), Some(Format::Json | Format::Jsonl | Format::Csv)) {
        return Ok(vec![SourceDoc { path: name, id: hash, raw: Ok(read_bytes(path, bytes)?) }]);
    }
    let recs = records::read_records(path, bytes).map_err(|reason| ReadError::skipped(path, reason))?;
    let format = Format::from_path(path).map(|f| f.name()).unwrap_or("json");
    // A file of one record is simply that document, named by the file alone.
    let single = recs.len() == 1;
    let mut seen = std::collections::HashSet::new();
    let total = recs.len();
    let empty = recs.iter().filter(|r| r.raw.blocks.is_empty()).count();
    if empty == total {
        return Err(ReadError::skipped(
            path,
            format!("none of its {total} records has body text (a text field of {} characters or more)", records::MIN_BODY_CHARS),
        ));
    }
    let mut docs: Vec<SourceDoc> = recs
        .into_iter()
        .enumerate()
        .filter(|(_, r)| !r.raw.blocks.is_empty())
        .map(|(i, r)| {
            // Record ids name documents in paths: keep them to one readable token, and unique.
            let mut suffix: String =
                r.id_suffix.split_whitespace().collect::<Vec<_>>().join("-").replace('#', "-").chars().take(80).collect();
            if suffix.is_empty() || !seen.insert(suffix.clone()) {
                suffix = format!("{suffix}{}{}", if suffix.is_empty() { "" } else { "-" }, i + 1);
                seen.insert(suffix.clone());
            }
            let (doc_path, id) =
                if single { (name.clone(), hash.clone()) } else { (format!("{name}#{suffix}"), format!("{hash}#{suffix}")) };
            let mut raw = r.raw;
            raw.format = format.to_string();
            SourceDoc { id, path: doc_path, raw: Ok(raw) }
        })
        .collect();
    // Rows of an index or a table of contents are not reports: one note for all of them.
    if empty > 0 {
        let reason = format!("{empty} of its {total} records have no body text and were left out");
        docs.push(SourceDoc { path: name, id: hash, raw: Err(ReadError::skipped(path, reason)) });
    }
    Ok(docs)
}

/// Read raw bytes already loaded from `path`.
///
/// A record file (.json, .jsonl, .csv) may hold many records; this reads the first and warns
/// how many were left; [`read_documents`] gives them all.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<RawDoc, ReadError> {
    let format = Format::from_path(path).ok_or_else(|| ReadError::skipped(path, format!("not a supported format ({SUPPORTED})")))?;
    let mut doc = match format {
        Format::Pdf => pdf::read(bytes).map_err(|reason| ReadError::failed(path, reason))?,
        Format::Docx => docx::read(bytes).map_err(|reason| ReadError::failed(path, reason))?,
        Format::Json | Format::Jsonl | Format::Csv => {
            let mut recs = records::read_records(path, bytes).map_err(|reason| ReadError::skipped(path, reason))?;
            let left = recs.len() - 1;
            let mut first = recs.swap_remove(0).raw;
            if left > 0 {
                first.warnings.push(format!("file holds {} records; only the first was read ({left} not read)", left + 1));
            }
            first
        }
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode::decode(bytes).map_err(|reason| ReadError::skipped(path, reason))?;
            let mut doc = match format {
                Format::Html => html::read(&decoded.text),
                _ => text::read(&decoded.text),
            };
            if let Some(w) = decoded.warning {
                doc.warnings.insert(0, w);
            }
            doc
        }
    };
    doc.format = format.name().to_string();
    if doc.blocks.is_empty() {
        return Err(ReadError::skipped(path, "no text found"));
    }
    Ok(doc)
}
