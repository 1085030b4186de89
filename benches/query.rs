//! Query latency on an index of the benchmark corpus: term, phrase and filtered searches (each
//! with its area and theme facet counts, as `scrutiny search` computes them), the themes
//! matrix, compare, and `scrutiny search` run as a process from cold (median and p99).
//!
//! `cargo bench --bench query`. Settings, by environment: SCRUTINY_BENCH_MB (corpus size; the
//! index is built once per size and kept under the build folder), SCRUTINY_BENCH_QUICK=1,
//! SCRUTINY_BENCH_WRITE=1 (write the results into docs/performance.md and the README).

// The allocator the `scrutiny` binary runs with, so figures are those of the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use common::{MB, Settings, Stats, describe_corpus, ms, stats};
use scrutiny::Extractor;
use scrutiny::index::writer::{DEFAULT_COMMIT_EVERY, IngestOptions, ingest};
use scrutiny::query::Filters;
use scrutiny::query::compare::{Kind, compare};
use scrutiny::query::filters::facet_values;
use scrutiny::query::search::search;
use scrutiny::query::themes::{CountBy, GroupBy, matrix};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let settings = Settings::from_env();
    let corpus = common::corpus(settings.corpus_mb);
    let dir = index_for(&corpus, &settings);
    let handle = scrutiny::index::open(&dir).expect("the benchmark index opens");
    let searcher = handle.searcher();
    let units = searcher.num_docs();
    // Filters an analyst would use: the two areas with most entries, and a common theme.
    let mut areas = facet_values(&searcher, "area_facet", "/area").expect("area facets");
    areas.sort_by_key(|a| std::cmp::Reverse(a.1));
    let top: Vec<String> = areas.iter().take(2).map(|(a, _)| a.clone()).collect();
    let theme = handle.meta.themes.iter().find(|t| *t == "workforce").or(handle.meta.themes.first()).cloned().unwrap_or_default();
    let (n, budget) = if settings.quick { (10, Duration::from_secs(2)) } else { (200, Duration::from_secs(20)) };

    let mut rows: Vec<(String, Stats)> = Vec::new();
    let none = Filters::default();
    rows.push((
        "search, term (`workforce`), top 10 + facet counts".into(),
        time(n, budget, || search(&handle, "workforce", &none, 10).unwrap().total),
    ));
    rows.push((
        "search, phrase (`\"delayed discharge\"`), top 10 + facet counts".into(),
        time(n, budget, || search(&handle, "\"delayed discharge\"", &none, 10).unwrap().total),
    ));
    let filtered = Filters {
        areas: top.iter().take(1).cloned().collect(),
        themes: vec![theme.clone()],
        kind: Some("recommendation".into()),
        ..Default::default()
    };
    rows.push((
        format!(
            "search, filtered (`staff`, area {}, theme {theme}, recommendations) + facet counts",
            top.first().map(String::as_str).unwrap_or("-")
        ),
        time(n, budget, || search(&handle, "staff", &filtered, 10).unwrap().total),
    ));
    rows.push((
        "themes matrix, areas × themes, counting documents".into(),
        time(n, budget, || matrix(&handle, GroupBy::Area, CountBy::Documents, None).unwrap().rows.len()),
    ));
    if top.len() == 2 {
        rows.push((
            format!("compare recommendations, {} vs {}", top[0], top[1]),
            time(n, budget, || compare(&handle, &top, &[], Kind::Recommendation).unwrap().areas.len()),
        ));
    }
    // As many runs as the queries above: with 30, the p99 was simply the slowest run, and one
    // run slowed by the machine decided it.
    let cold = cold_start(&dir, if settings.quick { 3 } else { n });
    rows.push(("`scrutiny search workforce` as a process, cold start to exit".into(), cold));

    let mut report = String::new();
    let _ = writeln!(report, "### Queries\n");
    let _ = writeln!(report, "- Machine: {}", common::machine());
    let _ = writeln!(report, "- Index: {units} entries from {}\n", describe_corpus(&corpus));
    let _ = writeln!(report, "| query | median | p99 | runs |\n|---|---|---|---|");
    for (name, s) in &rows {
        let _ = writeln!(report, "| {name} | {} | {} | {} |", ms(s.median), ms(s.p99), s.n);
    }
    let mut readme = String::new();
    let _ = writeln!(readme, "Queries on {}; an index of {units} entries from {}.\n", common::machine(), describe_corpus(&corpus));
    let _ = writeln!(readme, "| queries, {:.0} MB corpus index | median | p99 |\n|---|---|---|", corpus.bytes as f64 / MB);
    for (name, s) in &rows {
        let _ = writeln!(readme, "| {name} | {} | {} |", ms(s.median), ms(s.p99));
    }
    common::publish("query", &settings, &report, &readme);
}

/// An index of the corpus, built once and kept beside the corpus for later runs of the same
/// build: the marker holds a digest of this benchmark's executable, so a build with other
/// extraction rules (which the schema version does not see) builds it again.
fn index_for(corpus: &scrutiny::bench_corpus::BuiltCorpus, settings: &Settings) -> PathBuf {
    let dir = common::target_dir().join("bench-index").join(format!(
        "{}-{}-v{}",
        corpus.spec_key,
        env!("CARGO_PKG_VERSION"),
        scrutiny::index::schema::SCHEMA_VERSION
    ));
    let done = dir.join(".bench-complete");
    let exe = std::env::current_exe().and_then(std::fs::read).expect("the benchmark reads its own executable");
    let build = blake3::hash(&exe).to_hex().to_string();
    if std::fs::read_to_string(&done).is_ok_and(|b| b == build) && scrutiny::index::open(&dir).is_ok() {
        return dir;
    }
    let started = Instant::now();
    let opts = IngestOptions {
        paths: vec![corpus.dir.clone()],
        dir: dir.clone(),
        rebuild: true,
        prune: false,
        threads: None,
        memory_mb: settings.memory_mb,
        progress: false,
        max_bytes: scrutiny::ingest::DEFAULT_MAX_BYTES,
        commit_every: DEFAULT_COMMIT_EVERY,
        rehash: false,
    };
    ingest(&opts, &Extractor::default()).expect("the benchmark index builds");
    std::fs::write(&done, &build).expect("mark the benchmark index complete");
    eprintln!("index: built in {:.1}s at {}", started.elapsed().as_secs_f64(), dir.display());
    dir
}

/// Run `f` a few times to warm up, then up to `n` times (or until `budget` is spent, but at
/// least five times), timing each run.
fn time<T>(n: usize, budget: Duration, mut f: impl FnMut() -> T) -> Stats {
    for _ in 0..3 {
        std::hint::black_box(f());
    }
    let started = Instant::now();
    let mut samples = Vec::with_capacity(n);
    while samples.len() < n && (samples.len() < 5 || started.elapsed() < budget) {
        let t = Instant::now();
        std::hint::black_box(f());
        samples.push(t.elapsed());
    }
    stats(&samples)
}

/// The whole process: start, open the index, search, print, exit.
fn cold_start(index: &Path, runs: usize) -> Stats {
    let run = || {
        let t = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_scrutiny"))
            .args(["search", "workforce", "--index"])
            .arg(index)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("scrutiny runs");
        assert!(status.success(), "scrutiny search failed on the benchmark index");
        t.elapsed()
    };
    run();
    let samples: Vec<Duration> = (0..runs.max(1)).map(|_| run()).collect();
    stats(&samples)
}
