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

/// Exit status after writing results: a reader that stopped early (`| head`) is not a failure.
pub fn finish(written: anyhow::Result<()>) -> anyhow::Result<i32> {
    match written {
        Err(e) if e.chain().any(broken_pipe) => Ok(0),
        Err(e) => Err(e),
        Ok(()) => Ok(0),
    }
}

fn broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let pipe = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    e.downcast_ref::<std::io::Error>().is_some_and(pipe)
        || e.downcast_ref::<::csv::Error>().is_some_and(|c| matches!(c.kind(), ::csv::ErrorKind::Io(io) if pipe(io)))
        || e.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
}
