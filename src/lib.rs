//! scrutiny turns health and social care inspection and audit reports into searchable,
//! comparable evidence.
//!
//! The pipeline's stages are the modules, in order:
//! [`ingest`] (find and read files into blocks) -> [`segment`] (sentences) ->
//! [`extract`] (metadata, themes, findings, recommendations, actions) -> index and query.

pub mod bench_corpus;
pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod line_shapes;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod report;
pub mod rx;
pub mod segment;
pub mod timing;

pub use error::ReadError;
pub use extract::Extractor;
pub use model::{Document, Record};

/// Text from a document made safe for a terminal: control and escape characters that came
/// from the document are dropped (tabs and newlines stay).
pub fn report_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        s.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect::<String>().into()
    } else {
        s.into()
    }
}
