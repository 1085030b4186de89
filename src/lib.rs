//! scrutiny turns health and social care inspection and audit reports into searchable,
//! comparable evidence.
//!
//! The pipeline's stages are the modules, in order:
//! [`ingest`] (find and read files into blocks) -> [`segment`] (sentences) ->
//! [`extract`] (metadata, themes, findings, recommendations, actions) -> index and query.

pub mod cli;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod segment;

pub use error::ReadError;
pub use extract::Extractor;
pub use model::{Document, Record};
