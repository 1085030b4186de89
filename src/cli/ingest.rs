//! `scrutiny ingest`: build or update the search index from documents.

use crate::cli::extract::load_extractor;
use crate::index::writer::{DEFAULT_COMMIT_EVERY, IngestOptions, Summary, ingest};
use crate::ingest::DEFAULT_MAX_BYTES;
use crate::report;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args)]
#[command(
    about = "Build or update the search index from documents",
    long_about = "Build or update the search index from documents.\n\n\
Each document is read and extracted in parallel; its findings, recommendations, action-plan rows and\n\
other sentences become searchable units. Re-running is incremental: files whose size and modification\n\
time are as they were are not even read (--rehash reads and hashes them), files whose content has\n\
not changed are not extracted again, changed files replace their old entries, and --prune removes\n\
documents whose files are gone. The index folder is only wiped with --rebuild. The index is\n\
committed every --commit-every documents and at the end, so a run that is interrupted keeps what\n\
it had committed and the next run carries on from there. Only one ingest may write an index at a\n\
time; a second one fails at once.\n\n\
Files that are not documents (unsupported kinds, empty, binary, over --max-file-mb, symbolic link\n\
loops) are skipped; files that should have been read but could not be (unreadable, missing,\n\
broken) fail. Each is named in the summary.\n\n\
Exit status: 0 when every file was indexed, unchanged or skipped; 1 if any file failed or the\n\
index could not be opened (locked, damaged, not an index); 2 for usage mistakes.",
    after_help = "Examples:\n  scrutiny ingest\n  scrutiny ingest reports/ --index reports-index\n  scrutiny ingest corpus/ --prune --quiet\n  scrutiny ingest --rebuild --index index"
)]
pub struct IngestArgs {
    /// Files or folders to index (default: corpus/).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Index folder (default: $SCRUTINY_INDEX, else index/).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Empty the index first and index everything again (needed after a schema change).
    #[arg(long)]
    pub rebuild: bool,
    /// Remove documents whose files no longer exist.
    #[arg(long)]
    pub prune: bool,
    /// Threads for reading and extraction (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Memory for the index writer, in megabytes.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub memory_mb: usize,
    /// No progress bar and no summary; errors are still printed.
    #[arg(long, short)]
    pub quiet: bool,
    /// A theme taxonomy (JSON) to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_BYTES / (1024 * 1024))]
    pub max_file_mb: u64,
    /// Commit the index after every N newly indexed documents, so an interrupted run keeps
    /// what it had done (a smaller N loses less, a larger one indexes faster).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_COMMIT_EVERY, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub commit_every: usize,
    /// Read and hash every file again, even those whose size and modification time are
    /// unchanged since they were indexed (normally they are not read at all).
    #[arg(long)]
    pub rehash: bool,
}

pub fn run(args: IngestArgs) -> anyhow::Result<i32> {
    let extractor = load_extractor(args.taxonomy.as_ref())?;
    let opts = IngestOptions {
        paths: if args.paths.is_empty() { vec![PathBuf::from("corpus")] } else { args.paths },
        dir: args.index.unwrap_or_else(crate::index::default_dir),
        rebuild: args.rebuild,
        prune: args.prune,
        threads: args.threads,
        memory_mb: args.memory_mb,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        max_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
        commit_every: args.commit_every,
        rehash: args.rehash,
    };
    let summary = match ingest(&opts, &extractor) {
        Ok(s) => s,
        Err(e) => return report::exit_with(e),
    };
    if args.quiet {
        for e in &summary.failed {
            eprintln!("error: {e}");
        }
    } else {
        print_summary(&summary, &opts.dir);
    }
    Ok(if summary.failed.is_empty() { 0 } else { 1 })
}

fn print_summary(s: &Summary, dir: &std::path::Path) {
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / (1024.0 * 1024.0);
    eprintln!("index {}", dir.display());
    eprintln!(
        "  documents  {} added, {} updated, {} unchanged, {} skipped, {} failed{}",
        s.added,
        s.updated,
        s.unchanged,
        s.skipped.len(),
        s.failed.len(),
        if s.pruned > 0 { format!(", {} pruned", s.pruned) } else { String::new() }
    );
    eprintln!("  extracted  {} findings, {} recommendations", s.findings, s.recommendations);
    let mut top: Vec<(&String, &usize)> = s.themes.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    if !top.is_empty() {
        let list: Vec<String> = top.iter().take(5).map(|(t, n)| format!("{t} {n}")).collect();
        eprintln!("  top themes {}", list.join(", "));
    }
    eprintln!("  time       {secs:.1}s, {mb:.1} MB, {:.1} MB/s", if secs > 0.0 { mb / secs } else { 0.0 });
    // Thread time, so a user sees which stage to blame (or which option to change) when a run is slow.
    let total = s.stages.total().as_secs_f64();
    if total > 0.0 {
        let parts: Vec<String> = s
            .stages
            .rows()
            .iter()
            .filter(|(_, d)| !d.is_zero())
            .map(|(name, d)| format!("{name} {:.1}s ({:.0}%)", d.as_secs_f64(), 100.0 * d.as_secs_f64() / total))
            .collect();
        eprintln!("  stages     {}", parts.join(", "));
    }
    if let Some(peak) = crate::timing::peak_memory_bytes() {
        eprintln!("  memory     {:.0} MB at peak", peak as f64 / (1024.0 * 1024.0));
    }
    // Folders often hold many files of one unsupported kind: one line per reason, not per file.
    let mut by_reason: std::collections::BTreeMap<&str, Vec<&std::path::Path>> = Default::default();
    for e in &s.skipped {
        by_reason.entry(e.reason()).or_default().push(e.path());
    }
    for (reason, paths) in by_reason {
        match paths.as_slice() {
            [one] => eprintln!("  skipped    {}: {reason}", one.display()),
            few if few.len() <= 5 => {
                let names: Vec<String> = few.iter().map(|p| p.display().to_string()).collect();
                eprintln!("  skipped    {}: {reason}", names.join(", "))
            }
            [first, rest @ ..] => {
                eprintln!("  skipped    {} files: {reason} (e.g. {}, and {} more)", paths.len(), first.display(), rest.len())
            }
            [] => {}
        }
    }
    for e in &s.failed {
        eprintln!("  failed     {}: {}", e.path().display(), e.reason());
    }
}
