//! Output formatting shared by the analyst commands: terminal text, CSV, JSON and Markdown.

pub mod csv;
pub mod terminal;

pub use csv::{defuse, write_csv};
pub use terminal::{Style, clean, table};

/// Report an index or query error the way the command line reports usage mistakes: message on
/// stderr and the error's own exit status, so a bad query exits 2 rather than 1.
pub fn exit_with(e: crate::index::IndexError) -> anyhow::Result<i32> {
    eprintln!("error: {e}");
    Ok(e.exit_code())
}

/// Standard output, or a file when `-o FILE` is given.
pub fn output(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn std::io::Write>> {
    use anyhow::Context;
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}
