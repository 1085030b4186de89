//! Ingest: files are read and extracted in parallel and their tantivy documents handed to the
//! single IndexWriter through a bounded channel, so memory stays bounded however many files
//! there are. Files whose content hash is already indexed under the same path are not
//! re-extracted.

use super::error::IndexError;
use super::reader::{self, DirState, Meta, text_of};
use super::schema::{self, Fields};
use super::units;
use crate::error::ReadError;
use crate::extract::Extractor;
use crate::ingest::{self, Format};
use crate::model::Record;
use crate::pipeline;
use crate::timing::{StageTimes, timed};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};
use tantivy::directory::error::LockError;
use tantivy::indexer::{IndexWriterOptions, LogMergePolicy};
use tantivy::schema::Value as _;
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

/// Commit this often (in documents) by default, so an interrupted run keeps what it had done.
/// Committing every 30 seconds instead was 5 to 9% faster on the 100 MB benchmark corpus, but
/// peak memory ingesting 1 GB rose from 376 MB to 601 MB: fewer, larger segments make larger
/// merges.
pub const DEFAULT_COMMIT_EVERY: usize = 500;
/// Documents waiting for the writer, per extraction thread. A waiting document holds all its
/// index entries (a long annual report: megabytes), so a short queue keeps memory bounded
/// when extraction outpaces indexing; two per thread is enough to keep the writer busy.
const QUEUE_PER_THREAD: usize = 2;
/// Index entries (about 14,000 per MB of reports) past which a segment is not merged again.
const MAX_DOCS_BEFORE_MERGE: usize = 100_000;
/// tantivy refuses less than this per indexing thread.
const MIN_MB_PER_THREAD: usize = 15;
const MERGE_THREADS: usize = 1;
/// Reading and extraction threads per tantivy indexing thread. Reading, segmenting and
/// extracting a report costs about three times the CPU that indexing its entries does, so one
/// indexing thread keeps up with two extraction threads. One per extraction thread split each
/// commit into as many segments, each writing its own copy of the vocabulary, for no gain in
/// speed: at 2 threads, one indexing thread used less CPU (1.7% fewer instructions on 10 MB)
/// and left half as many segments for searches to visit (6 instead of 12 on 100 MB).
const EXTRACTION_THREADS_PER_INDEXER: usize = 2;

pub struct IngestOptions {
    pub paths: Vec<PathBuf>,
    pub dir: PathBuf,
    pub rebuild: bool,
    pub prune: bool,
    pub threads: Option<usize>,
    pub memory_mb: usize,
    pub progress: bool,
    pub max_bytes: u64,
    /// Commit after this many newly indexed documents (at least 1).
    pub commit_every: usize,
    /// Read and hash every file, even one whose size and modification time are unchanged.
    pub rehash: bool,
}

#[derive(Default)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub pruned: usize,
    pub skipped: Vec<ReadError>,
    pub failed: Vec<ReadError>,
    pub findings: usize,
    pub recommendations: usize,
    /// Theme id to sentences, over the documents extracted in this run.
    pub themes: BTreeMap<String, usize>,
    pub bytes: u64,
    pub elapsed: Duration,
    /// Thread time per stage, summed over files.
    pub stages: StageTimes,
}

enum Msg {
    /// One document of `file` (a record file sends one per record).
    Indexed {
        file: String,
        record: Box<Record>,
        docs: Vec<TantivyDocument>,
    },
    /// A document of a file that could not be read or extracted; its file goes on.
    Failed(ReadError),
    /// The end of a file's documents: a commit may follow, never inside a file, so an
    /// interrupted run never keeps half of a record file's new records as if it were whole.
    FileDone {
        bytes: u64,
        times: StageTimes,
    },
    Unchanged {
        bytes: u64,
        times: StageTimes,
    },
    /// Bytes are the file's size when it counted towards the progress total.
    Error(ReadError, u64, StageTimes),
}

/// Create, open or (with rebuild) reset the index in `dir`, never touching a folder that is
/// not ours.
fn prepare_dir(dir: &Path, rebuild: bool, themes: Vec<String>) -> Result<Index, IndexError> {
    let tv = |e| IndexError::tantivy(dir, e);
    let fresh = |dir: &Path| -> Result<Index, IndexError> {
        std::fs::create_dir_all(dir).map_err(|e| tv(e.into()))?;
        // The marker goes first: a crash before tantivy's files exist still leaves a folder
        // we recognise as ours.
        Meta::new(themes.clone()).write(dir).map_err(|e| tv(e.into()))?;
        Index::create_in_dir(dir, schema::build()).map_err(tv)
    };
    match reader::inspect(dir) {
        DirState::Missing | DirState::Empty => fresh(dir),
        DirState::Foreign => Err(IndexError::NotAnIndex { dir: dir.to_path_buf() }),
        DirState::OursUnreadable if rebuild => wipe(dir).and_then(|_| fresh(dir)),
        DirState::OursUnreadable => {
            Err(IndexError::SchemaMismatch { dir: dir.to_path_buf(), found: "unreadable".into(), expected: schema::SCHEMA_VERSION })
        }
        DirState::Ours(meta) if !meta.version_matches() => {
            if rebuild {
                wipe(dir).and_then(|_| fresh(dir))
            } else {
                reader::check_version(dir, &meta).map(|_| unreachable!())
            }
        }
        DirState::Ours(_) => {
            let exists = tantivy::directory::MmapDirectory::open(dir).ok().map(|d| Index::exists(&d).unwrap_or(false)).unwrap_or(false);
            if !exists {
                return Index::create_in_dir(dir, schema::build()).map_err(tv);
            }
            match Index::open_in_dir(dir).and_then(|i| check_readable(&i).map(|_| i)) {
                Ok(index) => Ok(index),
                Err(_) if rebuild => wipe(dir).and_then(|_| fresh(dir)),
                Err(e) => Err(IndexError::opening(dir, e)),
            }
        }
    }
}

/// Open every segment of the last commit, so damage is found before anything is written.
fn check_readable(index: &Index) -> tantivy::Result<()> {
    let fields = Fields::of(&index.schema())?;
    let searcher = index.reader()?.searcher();
    reader::document_entries(&searcher, &fields).map(|_| ())
}

/// Remove an index of ours that cannot be reused. Only called when our marker file is present.
fn wipe(dir: &Path) -> Result<(), IndexError> {
    let tv = |e: std::io::Error| IndexError::tantivy(dir, e.into());
    for entry in std::fs::read_dir(dir).map_err(tv)? {
        let p = entry.map_err(tv)?.path();
        if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) }.map_err(tv)?;
    }
    Ok(())
}

fn open_writer(index: &Index, dir: &Path, threads: usize, memory_mb: usize) -> Result<IndexWriter, IndexError> {
    let memory_mb = memory_mb.max(MIN_MB_PER_THREAD);
    let n = threads.div_ceil(EXTRACTION_THREADS_PER_INDEXER).clamp(1, 4).min(memory_mb / MIN_MB_PER_THREAD).max(1);
    // One merge at a time: each merge holds its own buffers and maps its source segments, and
    // tantivy's default of four at once raised peak memory without making ingest faster on
    // a laptop's few cores.
    let options = IndexWriterOptions::builder()
        .num_worker_threads(n)
        .memory_budget_per_thread(memory_mb * 1024 * 1024 / n)
        .num_merge_threads(MERGE_THREADS)
        .build();
    let writer: IndexWriter = index.writer_with_options(options).map_err(|e| match e {
        TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Locked { dir: dir.to_path_buf() },
        e => IndexError::tantivy(dir, e),
    })?;
    // A merge maps its source segments and builds the merged one's columns in memory, so the
    // largest merge sets peak memory: ingesting a 1 GB corpus peaked at 2.2 GB with unbounded
    // merges, 0.74 GB with segments capped at 250,000 entries and 0.52 GB at 100,000. Segments
    // past the cap are left as they are, so memory stays flat as the corpus grows, at the
    // cost of more segments for a search to visit (about 30 for 500 MB of reports).
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    writer.set_merge_policy(Box::new(policy));
    Ok(writer)
}

/// What the index knows of a file it holds.
struct Known {
    hash: String,
    stamp: Option<Stamp>,
    /// The numbers of its documents (a record file has one per record), whose entries go when
    /// the file changes or vanishes.
    keys: Vec<u64>,
}

impl Known {
    fn delete(&self, writer: &IndexWriter, fields: &Fields) {
        for &k in &self.keys {
            writer.delete_term(Term::from_field_u64(fields.doc_key, k));
        }
    }
}

/// A file's size and modification time: when both are as they were, the file is taken as
/// unchanged without reading it (as make and rsync do).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime_ns: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let mtime = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(Stamp { size: meta.len(), mtime_ns: u64::try_from(mtime.as_nanos()).ok()? })
    }
}

/// File path to what is known of every file already indexed (the records of a record file
/// share their file's hash and stamp).
fn indexed_paths(index: &Index, fields: &Fields) -> tantivy::Result<HashMap<String, Known>> {
    let searcher = index.reader()?.searcher();
    let mut out: HashMap<String, Known> = HashMap::new();
    for (key, d) in reader::document_entries(&searcher, fields)? {
        if let (Some(p), Some(id)) = (text_of(&d, fields.file), text_of(&d, fields.doc_id)) {
            let hash = id.split_once('#').map_or(id.as_str(), |(h, _)| h).to_string();
            let num = |f| d.get_first(f).and_then(|v| v.as_u64());
            let stamp = num(fields.file_size).zip(num(fields.file_mtime)).map(|(size, mtime_ns)| Stamp { size, mtime_ns });
            out.entry(p).or_insert_with(|| Known { hash, stamp, keys: Vec::new() }).keys.push(key);
        }
    }
    Ok(out)
}

/// The number after every document number the index has used, deleted documents included.
fn first_free_key(index: &Index) -> tantivy::Result<u64> {
    let searcher = index.reader()?.searcher();
    let mut next = 0;
    for seg in searcher.segment_readers() {
        let col = seg.fast_fields().u64(schema::DOC_KEY)?;
        if seg.max_doc() > 0 {
            next = next.max(col.max_value() + 1);
        }
    }
    Ok(next)
}

/// Read one file and send its documents (or why it has none) to the writer.
fn prepare_file(
    path: &Path,
    known: &HashMap<String, Known>,
    extractor: &Extractor,
    fields: &Fields,
    opts: &IngestOptions,
    send: &mut dyn FnMut(Msg),
) {
    let max_bytes = opts.max_bytes;
    let mut times = StageTimes::default();
    if Format::from_path(path).is_none() {
        return send(Msg::Error(ReadError::skipped(path, format!("not a supported format ({})", ingest::SUPPORTED)), 0, times));
    }
    let (len, stamp) = match timed(&mut times.read, || std::fs::metadata(path)) {
        Ok(m) => (m.len(), Stamp::of(&m)),
        Err(e) => return send(Msg::Error(ReadError::failed(path, e.to_string()), 0, times)),
    };
    let key = path.to_string_lossy();
    let before = known.get(key.as_ref());
    if !opts.rehash && stamp.is_some() && before.is_some_and(|k| k.stamp == stamp) {
        return send(Msg::Unchanged { bytes: len, times });
    }
    if len > max_bytes {
        return send(Msg::Error(
            ReadError::skipped(path, format!("{len} bytes is over the size limit of {max_bytes} bytes (raise it with --max-file-mb)")),
            len,
            times,
        ));
    }
    let bytes = match timed(&mut times.read, || std::fs::read(path)) {
        Ok(b) => b,
        Err(e) => return send(Msg::Error(ReadError::failed(path, e.to_string()), len, times)),
    };
    // Touched but not changed (copied, checked out again): still not worth extracting.
    if timed(&mut times.read, || before.is_some_and(|k| k.hash == blake3::hash(&bytes).to_hex().as_str())) {
        return send(Msg::Unchanged { bytes: len, times });
    }
    let outcome = pipeline::process_each(path, &bytes, extractor, &mut times, |result, times| match result {
        Ok((doc, record)) => {
            // Like extraction, building the units must not take the whole run down with one file.
            let build = std::panic::AssertUnwindSafe(|| units::documents(fields, &doc, &record, &extractor.taxonomy));
            match timed(&mut times.index_build, || std::panic::catch_unwind(build)) {
                Ok(mut docs) => {
                    if let Some(head) = docs.first_mut() {
                        head.add_text(fields.file, key.as_ref());
                        if let Some(s) = stamp {
                            head.add_u64(fields.file_size, s.size);
                            head.add_u64(fields.file_mtime, s.mtime_ns);
                        }
                    }
                    send(Msg::Indexed { file: key.to_string(), record: Box::new(record), docs });
                }
                Err(_) => send(Msg::Failed(ReadError::failed(&record.path, "internal error while building index entries"))),
            }
        }
        Err(e) => send(Msg::Failed(e)),
    });
    match outcome {
        Ok(()) => send(Msg::FileDone { bytes: len, times }),
        Err(e) => send(Msg::Error(e, len, times)),
    }
}

fn progress_bar(show: bool, total_bytes: u64) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}")
        .expect("the progress template is valid");
    ProgressBar::new(total_bytes).with_style(style)
}

pub fn ingest(opts: &IngestOptions, extractor: &Extractor) -> Result<Summary, IndexError> {
    let started = Instant::now();
    let dir = opts.dir.as_path();
    let tv = |e| IndexError::tantivy(dir, e);
    let themes: Vec<String> = extractor.taxonomy.ids().into_iter().map(str::to_string).collect();
    let index = prepare_dir(dir, opts.rebuild, themes.clone())?;
    schema::register_tokenizer(&index);
    let fields = Fields::of(&index.schema()).map_err(tv)?;
    let threads = opts.threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let mut writer = open_writer(&index, dir, threads, opts.memory_mb)?;
    // Only the lock holder may record which taxonomy the index was built with.
    Meta::new(themes).write(dir).map_err(|e| tv(e.into()))?;
    let known = if opts.rebuild {
        writer.delete_all_documents().map_err(tv)?;
        HashMap::new()
    } else {
        indexed_paths(&index, &fields).map_err(|e| IndexError::opening(dir, e))?
    };

    let mut summary = Summary::default();
    let (files, walk_errors) = timed(&mut summary.stages.read, || ingest::discover(&opts.paths));
    for e in walk_errors {
        if e.is_skip() { summary.skipped.push(e) } else { summary.failed.push(e) }
    }
    // Only files we will read count towards the total, so the bar ends full.
    let total_bytes: u64 =
        files.iter().filter(|p| Format::from_path(p).is_some()).filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    let bar = progress_bar(opts.progress, total_bytes);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| tv(TantivyError::SystemError(e.to_string())))?;

    let (tx, rx) = sync_channel::<Msg>(QUEUE_PER_THREAD * threads);
    let result: Result<(), IndexError> = std::thread::scope(|scope| {
        let (files, known, fields) = (&files, &known, &fields);
        scope.spawn(move || {
            pool.install(|| {
                files.par_iter().for_each_with(tx, |tx, path| {
                    // A closed channel means the writer gave up; the remaining files are moot.
                    prepare_file(path, known, extractor, fields, opts, &mut |msg| {
                        let _ = tx.send(msg);
                    });
                })
            })
        });
        let mut since_commit = 0;
        let mut done = 0usize;
        let mut next_key = first_free_key(&index).map_err(|e| IndexError::opening(dir, e))?;
        // Files whose old entries this run has already deleted (their first new document came).
        let mut replaced: HashSet<String> = HashSet::new();
        for msg in rx {
            match msg {
                Msg::Indexed { file, record, docs } => {
                    let write_started = Instant::now();
                    if let Some(old) = known.get(&file) {
                        if !replaced.contains(&file) {
                            old.delete(&writer, fields);
                            replaced.insert(file);
                        }
                        summary.updated += 1;
                    } else {
                        summary.added += 1;
                    }
                    // Numbered here, where documents come one at a time, so numbers are unique
                    // and a document's entries share one.
                    for mut d in docs {
                        d.add_u64(fields.doc_key, next_key);
                        writer.add_document(d).map_err(tv)?;
                    }
                    next_key += 1;
                    summary.findings += record.findings.len();
                    summary.recommendations += record.recommendations.len();
                    for (t, n) in &record.themes {
                        *summary.themes.entry(t.clone()).or_default() += n;
                    }
                    since_commit += 1;
                    summary.stages.index_write += write_started.elapsed();
                    continue;
                }
                Msg::Failed(e) => {
                    if e.is_skip() {
                        summary.skipped.push(e)
                    } else {
                        summary.failed.push(e)
                    }
                    continue;
                }
                Msg::FileDone { bytes, times } => {
                    summary.stages.add(&times);
                    summary.bytes += bytes;
                    bar.inc(bytes);
                    if since_commit >= opts.commit_every.max(1) {
                        timed(&mut summary.stages.index_write, || writer.commit()).map_err(tv)?;
                        since_commit = 0;
                    }
                }
                Msg::Unchanged { bytes, times } => {
                    summary.stages.add(&times);
                    summary.unchanged += 1;
                    summary.bytes += bytes;
                    bar.inc(bytes);
                }
                Msg::Error(e, bytes, times) => {
                    summary.stages.add(&times);
                    bar.inc(bytes);
                    if e.is_skip() { summary.skipped.push(e) } else { summary.failed.push(e) }
                }
            }
            done += 1;
            bar.set_message(format!("{done}/{} files", files.len()));
        }
        Ok(())
    });
    bar.finish_and_clear();
    result?;

    if opts.prune {
        let seen: HashSet<String> = files.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        for (path, old) in &known {
            if !seen.contains(path) && !Path::new(path).exists() {
                old.delete(&writer, &fields);
                summary.pruned += 1;
            }
        }
    }
    timed(&mut summary.stages.index_write, || writer.commit()).map_err(tv)?;
    timed(&mut summary.stages.index_write, || writer.wait_merging_threads()).map_err(tv)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}
