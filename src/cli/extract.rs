//! `scrutiny extract`: print one extraction record per document.

use crate::error::ReadError;
use crate::extract::Extractor;
use crate::extract::taxonomy::Taxonomy;
use crate::ingest::{self, DEFAULT_MAX_BYTES};
use crate::model::Record;
use crate::pipeline;
use crate::report::clean;
use anyhow::Context;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per line, per document (for scripts and the scorer).
    Jsonl,
    /// One JSON array of all documents, pretty-printed.
    Json,
    /// A short human-readable summary per document.
    Table,
}

#[derive(Args)]
#[command(
    about = "Extract metadata, themes, findings, recommendations and actions from documents",
    long_about = "Extract metadata, themes, findings, recommendations and actions from documents.\n\n\
Reads .txt, .md, .html, .htm, .pdf, .docx, .json, .jsonl and .csv files; folders are read recursively\n\
in a stable order. Other files are skipped with a note on stderr. The exit status is 1 if any file failed to read.\n\n\
Examples:\n  scrutiny extract corpus/\n  scrutiny extract --format table report.txt\n  scrutiny extract --taxonomy my-themes.json reports/ > records.jsonl\n\n\
The record's fields are described in docs/schema.md."
)]
pub struct ExtractArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// A theme taxonomy (JSON, the shape of data/taxonomy.json) to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_BYTES / (1024 * 1024))]
    pub max_file_mb: u64,
}

pub fn load_extractor(taxonomy: Option<&PathBuf>) -> anyhow::Result<Extractor> {
    Ok(match taxonomy {
        Some(path) => Extractor::new(Taxonomy::from_file(path).context("cannot load the taxonomy")?),
        None => Extractor::default(),
    })
}

/// Files extracted in parallel before their records are printed.
const BATCH_FILES: usize = 64;

pub fn run(args: ExtractArgs) -> anyhow::Result<i32> {
    let extractor = load_extractor(args.taxonomy.as_ref())?;
    let (files, walk_errors) = ingest::discover(&args.paths);
    let max = args.max_file_mb.saturating_mul(1024 * 1024);
    // Progress only where someone is watching: stderr is a terminal.
    let progress = if std::io::stderr().is_terminal() && files.len() > 1 {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files, {per_sec}, eta {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut failed = walk_errors.iter().filter(|e| !e.is_skip()).count();
    for e in &walk_errors {
        eprintln!("{}: {}", if e.is_skip() { "note" } else { "error" }, e);
    }
    let mut written = 0usize;
    let write = |failed: &mut usize, written: &mut usize| -> anyhow::Result<()> {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        if args.format == OutputFormat::Json {
            write!(out, "[")?;
        }
        // Files are extracted in parallel a batch at a time and printed in order, so output
        // starts at once and memory holds one batch of records, not the corpus.
        for batch in files.chunks(BATCH_FILES) {
            let results: Vec<Vec<Result<Record, ReadError>>> = batch
                .par_iter()
                .map(|p| {
                    let mut out = Vec::new();
                    // A record file gives one record per record it holds.
                    if let Err(e) = pipeline::process_file_each(p, &extractor, max, |r, _| out.push(r.map(|(_, r)| r))) {
                        out.push(Err(e));
                    }
                    progress.inc(1);
                    out
                })
                .collect();
            for r in results.into_iter().flatten() {
                match r {
                    Ok(rec) => {
                        for w in &rec.warnings {
                            progress.suspend(|| eprintln!("warning: {}: {w}", rec.path));
                        }
                        match args.format {
                            OutputFormat::Jsonl => {
                                serde_json::to_writer(&mut out, &rec)?;
                                writeln!(out)?;
                            }
                            OutputFormat::Json => {
                                if *written > 0 {
                                    write!(out, ",")?;
                                }
                                writeln!(out)?;
                                serde_json::to_writer_pretty(&mut out, &rec)?;
                            }
                            OutputFormat::Table => write_table(&mut out, std::slice::from_ref(&rec))?,
                        }
                        *written += 1;
                    }
                    Err(e) if e.is_skip() => progress.suspend(|| eprintln!("note: {e}")),
                    Err(e) => {
                        *failed += 1;
                        progress.suspend(|| eprintln!("error: {e}"));
                    }
                }
            }
        }
        if args.format == OutputFormat::Json {
            writeln!(out, "{}]", if *written > 0 { "\n" } else { "" })?;
        }
        out.flush()?;
        Ok(())
    };
    let result = write(&mut failed, &mut written);
    progress.finish_and_clear();
    // A reader that stopped early (`| head`) is not a failure.
    crate::report::finish(result)?;
    if written == 0 && failed == 0 {
        eprintln!("note: no readable documents found under the given paths");
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// Every piece of document text goes through [`clean`]: a document cannot put control or escape
/// sequences on the reader's terminal.
fn write_table(out: &mut impl Write, records: &[Record]) -> std::io::Result<()> {
    let or_dash = |s: &str| if s.is_empty() { "-".to_string() } else { clean(s) };
    for r in records {
        writeln!(out, "{}", clean(&r.path))?;
        writeln!(out, "  title        {}", or_dash(r.title.as_deref().unwrap_or("")))?;
        writeln!(out, "  type         {} ({:?})", r.doc_type.as_str(), r.scope)?;
        writeln!(out, "  regulators   {}", or_dash(&r.regulators.join(", ")))?;
        writeln!(out, "  areas        {}", or_dash(&r.areas.join(", ")))?;
        writeln!(out, "  date         {}", or_dash(r.date.as_deref().unwrap_or("")))?;
        let themes: Vec<String> = r.themes.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(out, "  themes       {}", or_dash(&themes.join(", ")))?;
        writeln!(out, "  findings     {}", r.findings.len())?;
        for f in &r.findings {
            writeln!(out, "    [{}] {}", f.polarity.as_str(), clean(&f.text))?;
        }
        writeln!(out, "  recommendations {}", r.recommendations.len())?;
        for rec in &r.recommendations {
            writeln!(out, "    [{}] {}", or_dash(rec.actor.as_deref().unwrap_or("")), clean(&rec.text))?;
        }
        if !r.actions.is_empty() {
            writeln!(out, "  actions      {}", r.actions.len())?;
            for a in &r.actions {
                writeln!(
                    out,
                    "    {} {} due {}: {}",
                    or_dash(a.priority.as_deref().unwrap_or("")),
                    or_dash(a.status.as_deref().unwrap_or("")),
                    or_dash(a.due.as_deref().unwrap_or("")),
                    clean(&a.action)
                )?;
            }
        }
        for x in &r.ratings {
            writeln!(out, "  rating       {} = {}", clean(&x.aspect), clean(&x.grade))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
