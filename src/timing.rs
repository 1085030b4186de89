//! Time spent in each stage of the pipeline, so a run can say where its time went.
//!
//! Stages run on many threads at once, so these are sums of thread time, not wall time: on
//! two threads a run of ten seconds can hold up to twenty seconds of stage time.

use std::time::{Duration, Instant};

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct StageTimes {
    /// Finding files and reading their bytes from disk.
    pub read: Duration,
    /// Decoding and the format readers (HTML parsing, PDF layout, ...).
    pub parse: Duration,
    /// Blocks into sentences, lead-ins and headings.
    pub segment: Duration,
    /// Metadata, themes, findings, recommendations, actions.
    pub extract: Duration,
    /// Building the index entries of a document.
    pub index_build: Duration,
    /// Handing entries to the index writer, and its commits.
    pub index_write: Duration,
}

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        self.read += other.read;
        self.parse += other.parse;
        self.segment += other.segment;
        self.extract += other.extract;
        self.index_build += other.index_build;
        self.index_write += other.index_write;
    }

    /// Stages in pipeline order, with the names users see.
    pub fn rows(&self) -> [(&'static str, Duration); 6] {
        [
            ("discover and read", self.read),
            ("parse (HTML, PDF, ...)", self.parse),
            ("segment", self.segment),
            ("extract", self.extract),
            ("build index entries", self.index_build),
            ("index writer", self.index_write),
        ]
    }

    pub fn total(&self) -> Duration {
        self.rows().iter().map(|(_, d)| *d).sum()
    }
}

/// The most memory this process has held resident, in bytes, where the system reports it
/// (Linux); a long ingest prints it so a user can size --memory-mb and the machine.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Run `f`, adding its time to `slot`.
pub fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    *slot += started.elapsed();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn peak_memory_grows_with_what_was_touched() {
        let before = peak_memory_bytes().expect("Linux reports peak memory");
        let block = vec![1u8; 64 * 1024 * 1024];
        std::hint::black_box(&block);
        let after = peak_memory_bytes().unwrap();
        assert!(after >= before && after >= 64 * 1024 * 1024, "{before} -> {after}");
    }

    #[test]
    fn sums_stage_by_stage() {
        let mut a = StageTimes { read: Duration::from_millis(5), extract: Duration::from_millis(7), ..Default::default() };
        let b = StageTimes { read: Duration::from_millis(1), index_write: Duration::from_millis(2), ..Default::default() };
        a.add(&b);
        assert_eq!(a.read, Duration::from_millis(6));
        assert_eq!(a.total(), Duration::from_millis(15));
        let v = timed(&mut a.segment, || {
            std::thread::sleep(Duration::from_millis(2));
            42
        });
        assert_eq!(v, 42);
        assert!(a.segment >= Duration::from_millis(2));
    }
}
