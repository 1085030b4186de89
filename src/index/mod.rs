//! The tantivy index: its schema, building it from documents, and opening it for queries.

pub mod analyzer;
pub mod error;
pub mod reader;
pub mod schema;
pub mod units;
pub mod writer;

pub use error::IndexError;
pub use reader::{IndexHandle, default_dir, open};
