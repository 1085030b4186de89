//! Error types. Reading a file can end in a skip (not a document we read: wrong kind, empty,
//! binary, too large) or a failure (a document we should have read but could not); both name
//! the file so a summary can list them.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: skipped: {reason}")]
    Skipped { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    Failed { path: PathBuf, reason: String },
}

impl ReadError {
    pub fn skipped(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        ReadError::Skipped { path: path.into(), reason: reason.into() }
    }
    pub fn failed(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        ReadError::Failed { path: path.into(), reason: reason.into() }
    }
    pub fn path(&self) -> &std::path::Path {
        match self {
            ReadError::Skipped { path, .. } | ReadError::Failed { path, .. } => path,
        }
    }
    pub fn reason(&self) -> &str {
        match self {
            ReadError::Skipped { reason, .. } | ReadError::Failed { reason, .. } => reason,
        }
    }
    pub fn is_skip(&self) -> bool {
        matches!(self, ReadError::Skipped { .. })
    }
}

/// A taxonomy file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct TaxonomyError {
    pub path: String,
    pub reason: String,
}
