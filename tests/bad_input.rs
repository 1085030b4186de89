//! A folder of awkward files beside good ones, through `ingest` and `extract` as a user runs
//! them: the good documents are read, every bad one is named with a reason, nothing hangs or
//! panics, and text from documents cannot reach the terminal as control sequences.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn scrutiny() -> Command {
    Command::cargo_bin("scrutiny").unwrap()
}

const ORKNEY: &str = "Joint inspection of adult services in Orkney\n\n\
Inspectors found that delayed discharge had fallen over the year. The partnership had strong leadership.\n\n\
Recommendations\n\n\
The partnership should improve its workforce planning.\n";

const SHETLAND: &str = "Joint inspection of adult services in Shetland\n\n\
Inspectors found that waiting times for care at home were too long.\n\n\
Recommendations\n\n\
The council should publish a housing plan.\n";

/// The size limit given on the command line, in megabytes; `oversized.txt` is just over it and
/// the long line just under it, so the long line is really read.
const LIMIT_MB: u64 = 6;

struct Corpus {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    index: PathBuf,
    /// Whether the unreadable file really is unreadable to us (it is not to root).
    unreadable: bool,
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn corpus() -> Corpus {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    let w = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).unwrap();
    w("orkney.txt", ORKNEY.as_bytes());
    w("shetland.txt", SHETLAND.as_bytes());
    w("empty.txt", b"");
    w("nul-bytes.txt", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00");
    w("renamed-pdf.txt", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    w("windows-1252.txt", b"Moray inspection\n\nThe council\x92s plan should improve \x96 quickly, said the Moray inspectors.\n");
    w("utf16.txt", &utf16le("Fife inspection\n\nThe Fife partnership should reduce waiting lists for Tayside patients.\n"));
    w("oversized.txt", &vec![b'x'; (LIMIT_MB * 1024 * 1024 + 1) as usize]);
    let nested =
        format!("<html><body>{}<p>The Angus board should act.</p>{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000));
    w("nested.html", nested.as_bytes());
    w(
        "malformed.html",
        b"<html><body><p>Unclosed <b>bold <table><tr><td>cell</div></span><p>The Dundee board should act.</i></td></tr>\
          <tr><td colspan=\"9999999\">x</td></tr></table><script>never(</script><p <p>>>&&;&#xFFFFFFF;&bogus;",
    );
    w(
        "ragged.txt",
        b"Action plan\n\nAction\tOwner\tDue\tStatus\nImprove Falkirk staffing\tNHS\n\tonly second\tcol\textra\tcells\there\n\n\nlast\n",
    );
    w("long-line.txt", &vec![b'a'; 5 * 1024 * 1024]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    let unreadable = make_unreadable(&dir.join("unreadable.txt"));
    let index = tmp.path().join("index");
    Corpus { _tmp: tmp, dir, index, unreadable }
}

/// A file we cannot read, if the platform and user allow one; false when we can read it anyway.
fn make_unreadable(path: &Path) -> bool {
    fs::write(path, ORKNEY).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
    }
    if fs::read(path).is_ok() {
        println!("note: {} is readable anyway (running as root?), so the unreadable-file check is skipped", path.display());
        fs::remove_file(path).unwrap();
        return false;
    }
    true
}

/// Files that must be named, with a word of the reason each must give.
fn bad_files(c: &Corpus) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![("empty.txt", "empty"), ("nul-bytes.txt", "binary"), ("renamed-pdf.txt", "PDF"), ("oversized.txt", "size limit")];
    if cfg!(unix) {
        v.push(("loop", "loop"));
    }
    if c.unreadable {
        v.push(("unreadable.txt", "ermission denied"));
    }
    v
}

fn line_naming<'a>(stderr: &'a str, name: &str) -> Option<&'a str> {
    stderr.lines().find(|l| l.contains(&format!("{}{name}", std::path::MAIN_SEPARATOR)))
}

fn search_total(index: &Path, query: &str) -> u64 {
    let out = scrutiny().args(["search", query, "--format", "json", "--index"]).arg(index).output().unwrap();
    assert!(out.status.success(), "search {query}: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["total"].as_u64().unwrap()
}

#[test]
fn ingest_reads_the_good_files_and_names_every_bad_one() {
    let c = corpus();
    let out = scrutiny()
        .arg("ingest")
        .arg(&c.dir)
        .arg("--index")
        .arg(&c.index)
        .args(["--max-file-mb", &LIMIT_MB.to_string(), "--threads", "2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Only the unreadable file is a failure; everything else is read or skipped.
    assert_eq!(out.status.code(), Some(if c.unreadable { 1 } else { 0 }), "{stderr}");
    for (name, why) in bad_files(&c) {
        let line = line_naming(&stderr, name).unwrap_or_else(|| panic!("{name} not named in: {stderr}"));
        assert!(line.contains(why), "{name} without its reason ({why}): {line}");
    }
    if c.unreadable {
        assert!(line_naming(&stderr, "unreadable.txt").unwrap().contains("failed"), "{stderr}");
        assert!(stderr.contains(" 1 failed"), "{stderr}");
    } else {
        assert!(stderr.contains(" 0 failed"), "{stderr}");
    }
    for good in ["orkney.txt", "shetland.txt", "windows-1252.txt", "utf16.txt", "nested.html", "malformed.html", "ragged.txt"] {
        assert!(line_naming(&stderr, good).is_none(), "{good} should have been read: {stderr}");
    }
    for (word, n) in [("Orkney", 1), ("Shetland", 1), ("Moray", 1), ("Tayside", 1), ("Angus", 1), ("Dundee", 1), ("Falkirk", 1)] {
        assert!(search_total(&c.index, word) >= n, "{word} not found; ingest said: {stderr}");
    }
    let out = scrutiny().args(["export", "--index"]).arg(&c.index).output().unwrap();
    assert!(out.status.success());
    let paths: Vec<String> = String::from_utf8(out.stdout)
        .expect("export is UTF-8")
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["path"].as_str().unwrap().to_string())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("long-line.txt")), "the long line is a document: {paths:?}");
    for (name, _) in bad_files(&c) {
        assert!(!paths.iter().any(|p| p.ends_with(name)), "{name} was indexed: {paths:?}");
    }
}

#[test]
fn extract_treats_the_same_folder_the_same_way() {
    let c = corpus();
    let out = scrutiny().arg("extract").arg(&c.dir).args(["--max-file-mb", &LIMIT_MB.to_string()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(if c.unreadable { 1 } else { 0 }), "{stderr}");
    for (name, why) in bad_files(&c) {
        let line = line_naming(&stderr, name).unwrap_or_else(|| panic!("{name} not named in: {stderr}"));
        assert!(line.contains(why), "{name} without its reason ({why}): {line}");
    }
    let stdout = String::from_utf8(out.stdout).expect("JSONL output is UTF-8");
    let records: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let paths: Vec<&str> = records.iter().map(|r| r["path"].as_str().unwrap()).collect();
    for good in
        ["orkney.txt", "shetland.txt", "windows-1252.txt", "utf16.txt", "nested.html", "malformed.html", "ragged.txt", "long-line.txt"]
    {
        assert!(paths.iter().any(|p| p.ends_with(good)), "{good} missing from {paths:?}");
    }
    assert_eq!(records.len(), 8, "{paths:?}");
    let cp1252 = records.iter().find(|r| r["path"].as_str().unwrap().ends_with("windows-1252.txt")).unwrap();
    assert!(cp1252.to_string().contains("council\u{2019}s plan"), "{cp1252}");
}

const HOSTILE: &str = "Inspection of Caithness services\n\n\
Inspectors found that the Caithness \x1b[2Jpartnership\x07 had weak governance \x1b]0;owned\x07 and poor records.\n\n\
Recommendations\n\n\
The board should \x1b[31mimprove\x1b[0m Caithness record keeping.\n";

fn assert_no_control_bytes(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(text.contains("Caithness"), "{what} does not show the document: {text}");
    assert!(!bytes.contains(&0x1b), "{what} carries ESC: {text:?}");
    assert!(!bytes.contains(&0x07), "{what} carries BEL: {text:?}");
}

#[test]
fn escape_sequences_in_documents_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("hostile.txt"), HOSTILE).unwrap();
    let index = tmp.path().join("index");

    let out = scrutiny().arg("extract").args(["--format", "table"]).arg(&dir).output().unwrap();
    assert!(out.status.success());
    assert_no_control_bytes("extract --format table", &out.stdout);

    let out = scrutiny().arg("ingest").arg(&dir).arg("--index").arg(&index).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for query in ["Caithness", "governance", "records", "improve"] {
        let out = scrutiny().args(["search", query, "--index"]).arg(&index).env("NO_COLOR", "1").output().unwrap();
        assert!(out.status.success());
        assert_no_control_bytes(&format!("search {query}"), &out.stdout);
    }
    for cmd in [&["themes"][..], &["compare", "--area", "Highland"][..], &["info"][..]] {
        let out = scrutiny().args(cmd).arg("--index").arg(&index).output().unwrap();
        assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "{cmd:?}: {:?}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn json_output_of_a_windows_1252_document_is_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("old-export.txt");
    fs::write(&file, b"Moray inspection\n\nThe council\x92s plan should improve \x96 quickly \x93now\x94.\n").unwrap();
    let out = scrutiny().args(["extract", "--format", "json"]).arg(&file).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("JSON output is UTF-8");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v.to_string().contains("council\u{2019}s plan should improve \u{2013} quickly \u{201c}now\u{201d}"), "{v}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Windows-1252"));

    let index = tmp.path().join("index");
    let out = scrutiny().arg("ingest").arg(&file).arg("--index").arg(&index).output().unwrap();
    assert!(out.status.success());
    let out = scrutiny().args(["search", "council", "--format", "json", "--index"]).arg(&index).output().unwrap();
    let text = String::from_utf8(out.stdout).expect("search JSON is UTF-8");
    assert!(text.contains('\u{2019}') || text.contains("\\u2019"), "{text}");
}
