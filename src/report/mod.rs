//! Output formatting shared by the analyst commands: terminal text, CSV, JSON and Markdown.

pub mod csv;
pub mod terminal;

pub use csv::{defuse, write_csv};
pub use terminal::{Style, clean, table};
