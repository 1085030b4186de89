//! What can go wrong with an index or a query against it. Each message says what to do next,
//! because the person reading it is usually at a terminal mid-task.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {dir}; build one with `scrutiny ingest corpus/ --index {dir}`", dir = .dir.display())]
    NoIndex { dir: PathBuf },
    #[error("index {dir} is locked by another scrutiny ingest; wait for it to finish", dir = .dir.display())]
    Locked { dir: PathBuf },
    #[error(
        "index {dir} has schema version {found}, this scrutiny reads version {expected}; rebuild it with `scrutiny ingest --rebuild --index {dir}`",
        dir = .dir.display()
    )]
    SchemaMismatch { dir: PathBuf, found: String, expected: u32 },
    #[error(
        "{dir} exists and is not a scrutiny index (it has files but no scrutiny-index.json); \
         it was left untouched: choose an empty or new folder with --index",
        dir = .dir.display()
    )]
    NotAnIndex { dir: PathBuf },
    #[error(
        "index {dir} cannot be read and may be damaged ({reason}); it was left untouched: \
         rebuild it with `scrutiny ingest --rebuild --index {dir}`",
        dir = .dir.display()
    )]
    Damaged { dir: PathBuf, reason: String },
    #[error("cannot parse the query {query:?}: {reason}")]
    BadQuery { query: String, reason: String },
    #[error("unknown area {name:?}{}", suggestion_text(.suggestion))]
    UnknownArea { name: String, suggestion: Option<String> },
    #[error("unknown theme {id:?}{} (`scrutiny info` lists the index's themes)", suggestion_text(.suggestion))]
    UnknownTheme { id: String, suggestion: Option<String> },
    #[error("index {dir}: {source}", dir = .dir.display())]
    Tantivy { dir: PathBuf, source: tantivy::TantivyError },
}

fn suggestion_text(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("; did you mean {s:?}?"),
        None => String::new(),
    }
}

impl IndexError {
    /// Usage mistakes exit 2, everything else 1, matching the rest of the command line.
    pub fn exit_code(&self) -> i32 {
        match self {
            IndexError::BadQuery { .. } | IndexError::UnknownArea { .. } | IndexError::UnknownTheme { .. } => 2,
            _ => 1,
        }
    }

    pub fn tantivy(dir: &std::path::Path, source: tantivy::TantivyError) -> Self {
        IndexError::Tantivy { dir: dir.to_path_buf(), source }
    }

    /// An error met while opening or reading an existing index: anything but a busy lock means
    /// the folder's files are not what tantivy wrote, so say how to start again.
    pub fn opening(dir: &std::path::Path, source: tantivy::TantivyError) -> Self {
        use tantivy::TantivyError as T;
        match source {
            T::LockFailure(tantivy::directory::error::LockError::LockBusy, _) => IndexError::Locked { dir: dir.to_path_buf() },
            T::DataCorruption(_)
            | T::OpenReadError(_)
            | T::OpenDirectoryError(_)
            | T::IoError(_)
            | T::IncompatibleIndex(_)
            | T::SchemaError(_)
            | T::FieldNotFound(_)
            | T::InternalError(_)
            | T::DeserializeError(_) => IndexError::Damaged { dir: dir.to_path_buf(), reason: source.to_string() },
            source => IndexError::Tantivy { dir: dir.to_path_buf(), source },
        }
    }
}
