// Ingest allocates and frees many short strings on several threads at once (blocks,
// sentences, index entries); mimalloc's per-thread heaps do that with less contention and
// copying than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(scrutiny::cli::run());
}
