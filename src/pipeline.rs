//! One file through every stage: read, segment, extract. A panic inside any stage is caught
//! and reported as that file's failure, so one bad document never stops a run.

use crate::error::ReadError;
use crate::extract::Extractor;
use crate::ingest;
use crate::model::{Document, Record};
use crate::segment;
use crate::timing::{StageTimes, timed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Read, segment and extract the bytes of one file.
pub fn process_bytes(path: &Path, bytes: &[u8], extractor: &Extractor) -> Result<(Document, Record), ReadError> {
    process_bytes_timed(path, bytes, extractor, &mut StageTimes::default())
}

/// [`process_bytes`], adding the time of each stage to `times`.
pub fn process_bytes_timed(
    path: &Path,
    bytes: &[u8],
    extractor: &Extractor,
    times: &mut StageTimes,
) -> Result<(Document, Record), ReadError> {
    let run = || {
        let raw = timed(&mut times.parse, || ingest::read_bytes(path, bytes))?;
        let id = blake3::hash(bytes).to_hex().to_string();
        let doc = timed(&mut times.segment, || segment::build(raw, &path.to_string_lossy(), id, bytes.len()));
        let record = timed(&mut times.extract, || extractor.extract(&doc));
        Ok((doc, record))
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(panic) => Err(ReadError::failed(path, format!("internal error while extracting: {}", panic_message(&panic)))),
    }
}

/// Read a file from disk (refusing files over `max_bytes`) and process it.
pub fn process_file(path: &Path, extractor: &Extractor, max_bytes: u64) -> Result<(Document, Record), ReadError> {
    let bytes = read_file(path, max_bytes)?;
    process_bytes(path, &bytes, extractor)
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    if ingest::Format::from_path(path).is_none() {
        return Err(ReadError::skipped(path, format!("not a supported format ({})", ingest::SUPPORTED)));
    }
    let meta = std::fs::metadata(path).map_err(|e| ReadError::failed(path, e.to_string()))?;
    if meta.len() > max_bytes {
        return Err(ReadError::skipped(
            path,
            format!("{} bytes is over the size limit of {} bytes (raise it with --max-file-mb)", meta.len(), max_bytes),
        ));
    }
    std::fs::read(path).map_err(|e| ReadError::failed(path, e.to_string()))
}

/// Read, segment and extract every document in the bytes of one file (a record file holds
/// many), handing each to `each` as soon as it is ready, so a large dataset is never held
/// extracted in memory. A record that cannot be read or extracted is handed over as its own
/// error; an error returned here is the whole file's.
pub fn process_each(
    path: &Path,
    bytes: &[u8],
    extractor: &Extractor,
    times: &mut StageTimes,
    mut each: impl FnMut(Result<(Document, Record), ReadError>, &mut StageTimes),
) -> Result<(), ReadError> {
    let sources = timed(&mut times.parse, || catch_unwind(AssertUnwindSafe(|| ingest::read_documents(path, bytes))))
        .unwrap_or_else(|panic| Err(ReadError::failed(path, format!("internal error while reading: {}", panic_message(&panic)))))?;
    for source in sources {
        let result = source.raw.and_then(|raw| {
            let run = || {
                let doc = timed(&mut times.segment, || segment::build(raw, &source.path, source.id, bytes.len()));
                let record = timed(&mut times.extract, || extractor.extract(&doc));
                (doc, record)
            };
            catch_unwind(AssertUnwindSafe(run))
                .map_err(|panic| ReadError::failed(&source.path, format!("internal error while extracting: {}", panic_message(&panic))))
        });
        each(result, times);
    }
    Ok(())
}

/// Every document of a file read from disk (refusing files over `max_bytes`), extracted.
pub fn process_file_each(
    path: &Path,
    extractor: &Extractor,
    max_bytes: u64,
    each: impl FnMut(Result<(Document, Record), ReadError>, &mut StageTimes),
) -> Result<(), ReadError> {
    let bytes = read_file(path, max_bytes)?;
    process_each(path, &bytes, extractor, &mut StageTimes::default(), each)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
