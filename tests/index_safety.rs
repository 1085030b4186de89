//! The index under stress from outside: an ingest killed part way, two ingests at once, and a
//! damaged index folder. Each runs the real binary as separate processes.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn scrutiny() -> Command {
    Command::cargo_bin("scrutiny").unwrap()
}

/// Enough text per document that 2,000 of them take a few seconds on one thread.
fn document(i: usize) -> String {
    let mut s = format!("Inspection report {i} of adult services\n\nInspectors found that delayed discharge in ward w{i} had fallen.\n\n");
    for j in 0..12 {
        s.push_str(&format!(
            "Paragraph {j}: the partnership had strong leadership, but waiting times for care at home in zone z{i}x{j} were too long. \
             Staff said workforce planning was weak and governance of adult support and protection needed work.\n\n"
        ));
    }
    s.push_str("Recommendations\n\nThe partnership should improve its workforce planning. The council should publish a housing plan.\n");
    s
}

struct Setup {
    _tmp: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
}

fn setup(n: usize) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for i in 0..n {
        fs::write(corpus.join(format!("report-{i:05}.txt")), document(i)).unwrap();
    }
    let index = tmp.path().join("index");
    Setup { _tmp: tmp, corpus, index }
}

fn spawn_ingest(s: &Setup, extra: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_scrutiny"))
        .arg("ingest")
        .arg(&s.corpus)
        .arg("--index")
        .arg(&s.index)
        .args(extra)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Documents in the index, from `scrutiny info`.
fn documents(index: &Path) -> u64 {
    let out = scrutiny().args(["info", "--index"]).arg(index).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "info failed: {}", String::from_utf8_lossy(&out.stderr));
    let line = text.lines().find(|l| l.starts_with("documents")).unwrap_or_else(|| panic!("{text}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Whether tantivy's own meta file records at least one committed segment.
fn has_commit(index: &Path) -> bool {
    fs::read_to_string(index.join("meta.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .is_some_and(|v| v["segments"].as_array().is_some_and(|s| !s.is_empty()))
}

/// Poll `ready` until it holds, failing if the child exits first or a generous bound passes.
fn wait_while_running(child: &mut std::process::Child, what: &str, ready: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while !ready() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest ended ({status}) before {what}; the corpus is too small for this machine");
        }
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
#[test]
fn a_killed_ingest_keeps_its_last_commit_and_the_next_run_finishes_the_rest() {
    const N: u64 = 2000;
    let s = setup(N as usize);
    let mut child = spawn_ingest(&s, &["--threads", "1", "--commit-every", "25"]);
    wait_while_running(&mut child, "its first commit", || has_commit(&s.index));
    assert!(child.try_wait().unwrap().is_none(), "ingest finished before it could be killed");
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();

    let kept = documents(&s.index);
    assert!(kept > 0 && kept < N, "after the kill the index holds {kept} of {N} documents");
    let out = scrutiny().args(["search", "\"delayed discharge\"", "--format", "json", "--index"]).arg(&s.index).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["total"].as_u64().unwrap() >= kept, "{v}");

    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(&format!("{} added, 0 updated, {kept} unchanged, 0 skipped, 0 failed", N - kept)), "{err}");
    assert_eq!(documents(&s.index), N);
}

#[test]
fn a_second_ingest_on_the_same_index_fails_fast_and_the_first_completes() {
    const N: u64 = 2000;
    let s = setup(N as usize);
    let mut first = spawn_ingest(&s, &["--threads", "1"]);
    // tantivy creates its lock file when the first ingest takes the writer lock.
    wait_while_running(&mut first, "taking the index lock", || s.index.join(".tantivy-writer.lock").exists());
    let second = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(err.contains("is locked by another scrutiny ingest"), "{err}");
    assert!(err.contains(&s.index.display().to_string()), "names the folder: {err}");
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{N} added")));
    assert_eq!(documents(&s.index), N);
}

/// Every command that opens the index refuses it with a message naming the folder and the
/// rebuild command, without a panic, and leaves the folder as it was.
fn assert_refused_as_damaged(s: &Setup) {
    let before: Vec<(PathBuf, Vec<u8>)> = {
        let mut v: Vec<_> =
            fs::read_dir(&s.index).unwrap().map(|e| e.unwrap().path()).map(|p| (p.clone(), fs::read(&p).unwrap())).collect();
        v.sort();
        v
    };
    let dir = s.index.display().to_string();
    let runs: Vec<Vec<&str>> =
        vec![vec!["info"], vec!["search", "discharge"], vec!["themes"], vec!["export"], vec!["ingest", s.corpus.to_str().unwrap()]];
    for args in runs {
        let out = scrutiny().args(&args).arg("--index").arg(&s.index).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains(&dir), "{args:?} does not name the folder: {err}");
        assert!(err.contains(&format!("scrutiny ingest --rebuild --index {dir}")), "{args:?} does not say how to rebuild: {err}");
    }
    let mut after: Vec<_> =
        fs::read_dir(&s.index).unwrap().map(|e| e.unwrap().path()).map(|p| (p.clone(), fs::read(&p).unwrap())).collect();
    after.sort();
    assert!(before == after, "the damaged index was modified without --rebuild");

    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--rebuild").arg("--index").arg(&s.index).output().unwrap();
    assert!(out.status.success(), "--rebuild recovers: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(documents(&s.index), 3);
}

#[test]
fn garbage_in_the_index_meta_file_is_refused_with_the_rebuild_command() {
    let s = setup(3);
    scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).assert().success();
    fs::write(s.index.join("meta.json"), "{\"segments\": [ garbage \x00\x01").unwrap();
    assert_refused_as_damaged(&s);
}

#[test]
fn a_truncated_segment_file_is_refused_with_the_rebuild_command() {
    let s = setup(3);
    scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).assert().success();
    let mut cut = 0;
    for e in fs::read_dir(&s.index).unwrap() {
        let p = e.unwrap().path();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["store", "idx", "term", "pos", "fast", "fieldnorm"].contains(&ext) {
            let bytes = fs::read(&p).unwrap();
            fs::write(&p, &bytes[..bytes.len() / 3]).unwrap();
            cut += 1;
        }
    }
    assert!(cut > 0, "no segment files found in {}", s.index.display());
    assert_refused_as_damaged(&s);
}
