//! Finding the files under the paths a user names, in a stable order.

use crate::error::ReadError;
use std::path::{Path, PathBuf};

/// Every file under `paths` (recursing into folders, following links, ignoring hidden
/// entries), sorted so runs are reproducible. Paths that cannot be walked are returned as
/// failures beside the files that could.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if !root.exists() {
            errors.push(ReadError::failed(root, "no such file or folder"));
            continue;
        }
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else {
                        e.io_error().map(|io| io.to_string()).unwrap_or_else(|| e.to_string())
                    };
                    errors.push(ReadError::skipped(path, reason));
                }
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}
