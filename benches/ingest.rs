//! Ingest at scale: scrutiny's end-to-end ingest against tantivy alone indexing the same bytes
//! (one text field, same thread count and memory budget) in the same run, so each figure is
//! also a ratio; time per stage; re-ingest of an unchanged corpus; peak memory of the `ingest`
//! process at two corpus sizes; and the PDF reader's throughput.
//!
//! `cargo bench --bench ingest` (100 MB corpus, 3 runs). Settings, by environment:
//! SCRUTINY_BENCH_MB (corpus size), SCRUTINY_BENCH_SCALE_MB (a larger corpus for the peak
//! memory check only, e.g. 1024), SCRUTINY_BENCH_RUNS, SCRUTINY_BENCH_MEMORY_MB (writer
//! budget, both sides), SCRUTINY_BENCH_QUICK=1 (a few seconds, for CI), SCRUTINY_BENCH_WRITE=1
//! (write the results into docs/performance.md and the README).

// The allocator the `scrutiny` binary runs with, so figures are those of the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use common::{MB, Settings, describe_corpus, stats};
use scrutiny::Extractor;
use scrutiny::index::writer::{DEFAULT_COMMIT_EVERY, IngestOptions, Summary, ingest};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tantivy::schema::{Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument};

fn main() {
    let settings = Settings::from_env();
    let corpus = common::corpus(settings.corpus_mb);
    let (files, _) = scrutiny::ingest::discover(std::slice::from_ref(&corpus.dir));
    let extractor = Extractor::default();
    let work = tempfile::tempdir().expect("a temporary folder for the benchmark indexes");
    let mut report = String::new();
    let _ = writeln!(report, "### Ingest\n");
    let _ = writeln!(report, "- Machine: {}", common::machine());
    let _ = writeln!(report, "- Corpus: {}", describe_corpus(&corpus));
    let _ = writeln!(
        report,
        "- Writer memory budget {} MB on both sides; median of {} runs (min–max in brackets); warm page cache.\n",
        settings.memory_mb, settings.runs
    );
    let _ = writeln!(report, "| threads | tantivy alone | scrutiny ingest | ratio | documents/s |");
    let _ = writeln!(report, "|---|---|---|---|---|");

    let mut rows = Vec::new();
    let mut stage_summary: Option<Summary> = None;
    for threads in [1usize, 2] {
        let (mut base, mut ours) = (Vec::new(), Vec::new());
        let mut last = None;
        for run in 0..settings.runs {
            let dir = work.path().join(format!("base-{threads}-{run}"));
            base.push(tantivy_only(&files, &dir, threads, settings.memory_mb));
            let _ = std::fs::remove_dir_all(&dir);
            let dir = work.path().join(format!("ours-{threads}-{run}"));
            let started = Instant::now();
            let summary = ingest(&options(&corpus.dir, &dir, threads, settings.memory_mb), &extractor).expect("ingest runs");
            ours.push(started.elapsed());
            assert!(summary.failed.is_empty(), "benchmark files failed: {:?}", summary.failed);
            let _ = std::fs::remove_dir_all(&dir);
            last = Some(summary);
        }
        let (b, o) = (stats(&base), stats(&ours));
        let summary = last.expect("at least one run");
        let docs = summary.added as f64;
        let mbps = |s: f64| corpus.bytes as f64 / MB / s;
        let _ = writeln!(
            report,
            "| {threads} | {:.1} MB/s ({:.1}–{:.1}) | {:.1} MB/s ({:.1}–{:.1}) | {:.2}x | {:.0} |",
            mbps(b.median),
            mbps(b.max),
            mbps(b.min),
            mbps(o.median),
            mbps(o.max),
            mbps(o.min),
            b.median / o.median,
            docs / o.median
        );
        eprintln!("threads {threads}: tantivy alone {:.2}s, scrutiny {:.2}s", b.median, o.median);
        rows.push((threads, b, o));
        if threads == 1 {
            stage_summary = Some(summary);
        }
    }
    let speedup = rows[0].2.median / rows[1].2.median;
    let _ = writeln!(report, "\n2 threads vs 1, end to end: {speedup:.2}x (tantivy alone: {:.2}x).\n", rows[0].1.median / rows[1].1.median);

    if let Some(s) = &stage_summary {
        let _ = writeln!(report, "{}", stage_table(s, corpus.bytes));
    }

    let alone = extraction_alone(&files, &extractor, &settings);
    let _ = writeln!(
        report,
        "Extraction alone (segmentation and extraction of the documents, read and parsed beforehand; MB/s of the corpus's \
         {:.1} MB, of which {:.1} MB cleaned text): 1 thread {:.1} MB/s ({:.1}–{:.1}), 2 threads {:.1} MB/s ({:.1}–{:.1}), \
         {:.2}x.\n",
        alone.file_bytes as f64 / MB,
        alone.text_bytes as f64 / MB,
        alone.mbps(alone.one.median),
        alone.mbps(alone.one.max),
        alone.mbps(alone.one.min),
        alone.mbps(alone.two.median),
        alone.mbps(alone.two.max),
        alone.mbps(alone.two.min),
        alone.one.median / alone.two.median
    );

    // Re-ingest of the unchanged corpus, into an index that already holds it.
    let dir = work.path().join("again");
    let opts = options(&corpus.dir, &dir, 2, settings.memory_mb);
    let started = Instant::now();
    ingest(&opts, &extractor).expect("first ingest");
    let first = started.elapsed();
    let mut again = Vec::new();
    for _ in 0..settings.runs {
        let started = Instant::now();
        let s =
            ingest(&IngestOptions { rebuild: false, ..options(&corpus.dir, &dir, 2, settings.memory_mb) }, &extractor).expect("re-ingest");
        again.push(started.elapsed());
        assert_eq!(s.added + s.updated, 0, "an unchanged corpus re-ingested documents");
    }
    let again = stats(&again);
    let reingest = first.as_secs_f64() / again.median;
    let _ = writeln!(
        report,
        "Re-ingest of the unchanged corpus (2 threads): {} against {} for the first ingest, {reingest:.1}x faster.\n",
        common::ms(again.median),
        common::ms(first.as_secs_f64())
    );
    let _ = std::fs::remove_dir_all(&dir);

    // Peak memory of the ingest process, at a tenth of the corpus, all of it, and optionally
    // a larger corpus (SCRUTINY_BENCH_SCALE_MB), each in a fresh process.
    let mut sizes = vec![(settings.corpus_mb / 10).max(1), settings.corpus_mb];
    if let Some(mb) = std::env::var("SCRUTINY_BENCH_SCALE_MB").ok().and_then(|v| v.parse::<u64>().ok()) {
        sizes.push(mb);
    }
    let mut peaks: Vec<(f64, f64)> = Vec::new();
    for mb in sizes {
        let c = if mb == settings.corpus_mb { corpus.clone() } else { common::corpus(mb) };
        if let Some(peak) = peak_rss_of_ingest(&c.dir, &work.path().join(format!("rss-{mb}")), settings.memory_mb) {
            peaks.push((c.bytes as f64 / MB, peak));
        }
    }
    if !peaks.is_empty() {
        let list: Vec<String> = peaks.iter().map(|(size, peak)| format!("{peak:.0} MB ingesting {size:.0} MB")).collect();
        let _ =
            writeln!(report, "Peak memory of `scrutiny ingest` (2 threads, --memory-mb {}): {}.\n", settings.memory_mb, list.join("; "));
    }

    let pdf = pdf_reader(&settings);
    if let Some(line) = &pdf {
        let _ = writeln!(report, "{line}\n");
    }

    let (one, two) = (&rows[0], &rows[1]);
    let mbps = |s: f64| corpus.bytes as f64 / MB / s;
    let mut readme = String::new();
    let _ = writeln!(readme, "Ingest on {}; {}.\n", common::machine(), describe_corpus(&corpus));
    let _ = writeln!(readme, "| ingest, {:.0} MB corpus | figure | tantivy alone | ratio |", corpus.bytes as f64 / MB);
    let _ = writeln!(readme, "|---|---|---|---|");
    for (t, b, o) in [one, two] {
        let _ = writeln!(
            readme,
            "| end to end, {t} thread(s) | {:.1} MB/s | {:.1} MB/s | {:.2}x |",
            mbps(o.median),
            mbps(b.median),
            b.median / o.median
        );
    }
    let _ = writeln!(readme, "| 2 threads vs 1 | {speedup:.2}x | | |");
    let _ = writeln!(
        readme,
        "| extraction alone (segment + extract), 2 threads | {:.1} MB/s ({:.2}x of 1 thread) | | |",
        alone.mbps(alone.two.median),
        alone.one.median / alone.two.median
    );
    let _ = writeln!(readme, "| re-ingest, unchanged corpus | {reingest:.0}x faster than first ingest | | |");
    if !peaks.is_empty() {
        let list: Vec<String> = peaks.iter().map(|(size, peak)| format!("{peak:.0} MB at {size:.0} MB")).collect();
        let _ = writeln!(readme, "| peak memory, --memory-mb {} | {} | | |", settings.memory_mb, list.join(", "));
    }
    common::publish("ingest", &settings, &report, &readme);
}

fn options(corpus: &Path, index: &Path, threads: usize, memory_mb: usize) -> IngestOptions {
    IngestOptions {
        paths: vec![corpus.to_path_buf()],
        dir: index.to_path_buf(),
        rebuild: true,
        prune: false,
        threads: Some(threads),
        memory_mb,
        progress: false,
        max_bytes: scrutiny::ingest::DEFAULT_MAX_BYTES,
        commit_every: DEFAULT_COMMIT_EVERY,
        rehash: false,
    }
}

/// tantivy alone: every file's bytes as one text field of one document, default tokenizer.
fn tantivy_only(files: &[PathBuf], dir: &Path, threads: usize, memory_mb: usize) -> Duration {
    std::fs::create_dir_all(dir).expect("baseline index folder");
    let started = Instant::now();
    let mut schema = Schema::builder();
    let text = schema.add_text_field("text", TEXT);
    let index = Index::create_in_dir(dir, schema.build()).expect("baseline index");
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, memory_mb * 1024 * 1024).expect("baseline writer");
    for path in files {
        let bytes = std::fs::read(path).expect("corpus file");
        let mut doc = TantivyDocument::default();
        doc.add_text(text, String::from_utf8_lossy(&bytes));
        writer.add_document(doc).expect("baseline add");
    }
    writer.commit().expect("baseline commit");
    writer.wait_merging_threads().expect("baseline merge");
    started.elapsed()
}

/// Segmentation and extraction timed apart from everything else.
struct ExtractionAlone {
    /// Bytes of the files, the measure of every other figure.
    file_bytes: u64,
    /// Bytes of the documents' cleaned text, which is what these stages read.
    text_bytes: u64,
    one: common::Stats,
    two: common::Stats,
}

impl ExtractionAlone {
    fn mbps(&self, secs: f64) -> f64 {
        self.file_bytes as f64 / MB / secs
    }
}

/// The stages the extraction target names (segmentation, themes, findings, recommendations and
/// the rest of the record), at 1 and 2 threads, over documents read and parsed before the clock
/// starts: the end-to-end figures include reading, parsing and indexing, which share the cores.
fn extraction_alone(files: &[PathBuf], extractor: &Extractor, settings: &Settings) -> ExtractionAlone {
    use rayon::prelude::*;
    let parsed: Vec<(String, usize, scrutiny::ingest::RawDoc)> = files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let raw = scrutiny::ingest::read_bytes(p, &bytes).ok()?;
            Some((p.to_string_lossy().into_owned(), bytes.len(), raw))
        })
        .collect();
    let file_bytes: u64 = parsed.iter().map(|(_, bytes, _)| *bytes as u64).sum();
    let text_bytes: u64 = parsed.iter().map(|(_, _, raw)| raw.blocks.iter().map(|b| b.text.len() as u64).sum::<u64>()).sum();
    let mut timings = Vec::new();
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
        let mut runs = Vec::new();
        for _ in 0..settings.runs {
            // Segmentation takes the parsed document: each run gets its own copy, made off the clock.
            let batch = parsed.clone();
            let started = Instant::now();
            let units: usize = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|(path, bytes, raw)| {
                        let doc = scrutiny::segment::build(raw, &path, String::new(), bytes);
                        let record = extractor.extract(&doc);
                        record.findings.len() + record.recommendations.len() + record.theme_hits.len()
                    })
                    .sum()
            });
            runs.push(started.elapsed());
            assert!(units > 0, "extraction found nothing in the benchmark corpus");
        }
        eprintln!("extraction alone, {threads} thread(s): {:.2}s", stats(&runs).median);
        timings.push(stats(&runs));
    }
    let two = timings.pop().expect("two runs");
    let one = timings.pop().expect("one run");
    ExtractionAlone { file_bytes, text_bytes, one, two }
}

fn stage_table(s: &Summary, bytes: u64) -> String {
    let mut out = String::from("Time per stage, 1 thread (summed over the files; the index writer's own threads excluded):\n\n");
    out.push_str("| stage | seconds | MB/s |\n|---|---|---|\n");
    for (name, d) in s.stages.rows() {
        let secs = d.as_secs_f64();
        let rate = if secs > 0.0 { format!("{:.1}", bytes as f64 / MB / secs) } else { "-".into() };
        let _ = writeln!(out, "| {name} | {secs:.2} | {rate} |");
    }
    out
}

/// Peak resident memory of a `scrutiny ingest` process, in MB, as its summary reports it
/// (measured inside the process: the system's figure for a child started from this one would
/// include this process's own memory).
fn peak_rss_of_ingest(corpus: &Path, index: &Path, memory_mb: usize) -> Option<f64> {
    let out = Command::new(env!("CARGO_BIN_EXE_scrutiny"))
        .args(["ingest", "--rebuild", "--threads", "2", "--memory-mb"])
        .arg(memory_mb.to_string())
        .arg("--index")
        .arg(index)
        .arg(corpus)
        .output()
        .ok()?;
    let _ = std::fs::remove_dir_all(index);
    let summary = String::from_utf8_lossy(&out.stderr);
    let line = summary.lines().find(|l| l.trim_start().starts_with("memory"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The PDF reader alone, over the published PDFs when they are beside the project.
fn pdf_reader(settings: &Settings) -> Option<String> {
    let dir = common::project_root().join("../shared/corpus/external/ofsted-cqc-area-send-pdf");
    let (files, _) = scrutiny::ingest::discover(std::slice::from_ref(&dir));
    let mut pdfs: Vec<(PathBuf, Vec<u8>)> = files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    if pdfs.is_empty() {
        eprintln!("PDF reader: skipped, no published PDFs beside the project");
        return None;
    }
    if settings.quick {
        pdfs.truncate(3);
    }
    let bytes: usize = pdfs.iter().map(|(_, b)| b.len()).sum();
    let mut pages = 0u64;
    let mut runs = Vec::new();
    for _ in 0..settings.runs {
        let started = Instant::now();
        pages = 0;
        for (path, b) in &pdfs {
            if let Ok(raw) = scrutiny::ingest::read_bytes(path, b) {
                pages += raw.blocks.iter().filter_map(|b| b.page).max().unwrap_or(0) as u64;
            }
        }
        runs.push(started.elapsed());
    }
    let s = stats(&runs);
    Some(format!(
        "PDF reader, 1 thread: {} files, {:.1} MB, {pages} pages: {:.2} MB/s, {:.0} pages/s (median of {}).",
        pdfs.len(),
        bytes as f64 / MB,
        bytes as f64 / MB / s.median,
        pages as f64 / s.median,
        s.n
    ))
}
