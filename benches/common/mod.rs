//! What the scale benchmarks share: run settings, the benchmark corpus, summary statistics,
//! a description of the machine, and writing the generated report.
//!
//! These benchmarks run whole ingests and query batches, which take seconds each, so they use
//! this small harness (repeated runs, median and spread) rather than criterion's sampling.

#![allow(dead_code)] // each bench binary uses its own part

use scrutiny::bench_corpus::{self, BuiltCorpus, CorpusSpec};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const MB: f64 = 1024.0 * 1024.0;

/// Run settings, from the environment (cargo bench passes its own flags, so options go there).
pub struct Settings {
    /// A few seconds in all: CI runs this so the benchmarks do not rot.
    pub quick: bool,
    pub corpus_mb: u64,
    pub runs: usize,
    /// Write the generated sections into docs/performance.md and README.md.
    pub write_docs: bool,
    pub memory_mb: usize,
}

impl Settings {
    pub fn from_env() -> Settings {
        let quick = std::env::var("SCRUTINY_BENCH_QUICK").is_ok_and(|v| v != "0") || std::env::args().any(|a| a == "--quick");
        let num = |key: &str| std::env::var(key).ok().and_then(|v| v.parse::<u64>().ok());
        Settings {
            quick,
            corpus_mb: num("SCRUTINY_BENCH_MB").unwrap_or(if quick { 2 } else { 100 }),
            runs: num("SCRUTINY_BENCH_RUNS").map(|n| n.max(1) as usize).unwrap_or(if quick { 1 } else { 3 }),
            write_docs: std::env::var("SCRUTINY_BENCH_WRITE").is_ok_and(|v| v != "0"),
            memory_mb: num("SCRUTINY_BENCH_MEMORY_MB").unwrap_or(256) as usize,
        }
    }
}

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where cargo puts build output (benchmark corpora and indexes live there, out of the tree).
pub fn target_dir() -> PathBuf {
    // The bench binary is target/<profile>/deps/<name>-<hash>.
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent()?.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| project_root().join("target"))
}

/// The benchmark corpus of `mb` megabytes, built on first use and reused after.
pub fn corpus(mb: u64) -> BuiltCorpus {
    let spec = CorpusSpec { sources: bench_corpus::default_sources(&project_root()), target_bytes: mb * 1024 * 1024, seed: 1 };
    let dir = target_dir().join("bench-corpus").join(format!("{mb}mb"));
    let started = std::time::Instant::now();
    let built =
        bench_corpus::build_or_reuse(&spec, &dir).unwrap_or_else(|e| panic!("cannot build the benchmark corpus in {}: {e}", dir.display()));
    eprintln!(
        "corpus: {} files, {:.1} MB from {} source reports in {} ({:.1}s)",
        built.files,
        built.bytes as f64 / MB,
        built.sources,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    built
}

pub fn describe_corpus(c: &BuiltCorpus) -> String {
    let mix: Vec<String> =
        c.by_format.iter().map(|(ext, (n, b))| format!("{n} {ext} ({:.0}%)", 100.0 * *b as f64 / c.bytes as f64)).collect();
    let from = if project_root().join("../shared/corpus").is_dir() { "the shared corpus of real reports" } else { "the bundled samples" };
    format!(
        "{:.1} MB in {} files: {}; reordered copies of {} source reports from {from}, each with its own reference line",
        c.bytes as f64 / MB,
        c.files,
        mix.join(", "),
        c.sources
    )
}

#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub p99: f64,
    pub n: usize,
}

/// Summary of samples in seconds.
pub fn stats(samples: &[Duration]) -> Stats {
    let mut s: Vec<f64> = samples.iter().map(Duration::as_secs_f64).collect();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let pick = |q: f64| s[((q * (n - 1) as f64).round() as usize).min(n - 1)];
    let median = if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 };
    Stats { median, min: s[0], max: s[n - 1], p99: pick(0.99), n }
}

pub fn ms(secs: f64) -> String {
    if secs < 0.01 { format!("{:.2} ms", secs * 1000.0) } else { format!("{:.1} ms", secs * 1000.0) }
}

/// The machine, as the report states it.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mem_gb = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().find(|l| l.starts_with("MemTotal")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kb| format!(", {:.0} GB memory", kb / 1024.0 / 1024.0))
        .unwrap_or_default();
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{model}, {cores} cores available{mem_gb}, {} ({rustc})", std::env::consts::OS)
}

/// Replace the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in `file`, or
/// append the marked section when it is not there yet.
pub fn write_section(file: &Path, name: &str, body: &str) {
    let (open, close) = (format!("<!-- bench:{name} -->"), format!("<!-- /bench:{name} -->"));
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let section = format!("{open}\n{}\n{close}", body.trim_end());
    let out = match (text.find(&open), text.find(&close)) {
        (Some(a), Some(b)) if b > a => format!("{}{section}{}", &text[..a], &text[b + close.len()..]),
        _ => format!("{}{}{section}\n", text, if text.is_empty() || text.ends_with("\n\n") { "" } else { "\n" }),
    };
    std::fs::write(file, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
}

/// Keep the report in the build folder, and in the docs when asked to.
pub fn publish(name: &str, settings: &Settings, detail: &str, readme_rows: &str) {
    let out = target_dir().join("bench-results");
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join(format!("{name}.md")), detail);
    println!("{detail}");
    if settings.write_docs && !settings.quick {
        let root = project_root();
        write_section(&root.join("docs/performance.md"), name, detail);
        write_section(&root.join("README.md"), &format!("{name}-summary"), readme_rows);
        eprintln!("wrote the {name} sections of docs/performance.md and README.md");
    } else if settings.write_docs {
        eprintln!("not writing docs from a quick run");
    }
}
