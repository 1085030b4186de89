//! Extraction throughput on the bundled corpus (or the shared seeds when present), against a
//! baseline in the same run: reading and splitting the same bytes into lowercase words, the
//! least any text pipeline does. Figures are MB/s and the ratio to that baseline.

// The allocator the `scrutiny` binary runs with, so figures are those of the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scrutiny::Extractor;
use scrutiny::pipeline::process_bytes;
use std::path::PathBuf;

fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus/seeds");
    let dir = if shared.exists() { shared } else { root.join("corpus") };
    let (files, _) = scrutiny::ingest::discover(&[dir]);
    files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let extractor = Extractor::default();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("baseline_tokenise", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (_, d) in &docs {
                let s = String::from_utf8_lossy(d);
                n += s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase().len()).sum::<usize>();
            }
            n
        })
    });
    g.bench_function("read_segment_extract", |b| {
        b.iter(|| docs.iter().filter_map(|(p, d)| process_bytes(p, d, &extractor).ok()).map(|(_, r)| r.sentences).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
