//! `scrutiny extract` as a user runs it: good documents give records, bad ones are named and
//! skipped or failed without stopping the run.

use assert_cmd::Command;
use std::fs;

fn scrutiny() -> Command {
    Command::cargo_bin("scrutiny").unwrap()
}

const PRESS: &str = "Inspectors praise care at home in a northern partnership\n\n\
Inspectors found that the partnership had reduced delayed discharges from hospital. \
However, workforce planning was weak and staff shortages were growing.\n\n\
The partnership should develop a workforce plan with its care providers.\n";

#[test]
fn extracts_one_jsonl_record_per_document_with_findings_and_recommendations() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), PRESS).unwrap();
    fs::write(dir.path().join("b.md"), "# Review\n\nThe board should:\n\n- publish its risk register\n- review its budget\n").unwrap();
    let out = scrutiny().args(["extract", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 2);
    let a = &recs[0];
    assert!(a["path"].as_str().unwrap().ends_with("a.txt"));
    assert_eq!(a["doc_type"], "press_release");
    let findings = a["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["polarity"] == "strength" && f["text"].as_str().unwrap().contains("delayed discharges")));
    assert!(findings.iter().any(|f| f["polarity"] == "weakness"));
    assert_eq!(a["recommendations"][0]["actor"], "The partnership");
    assert!(a["themes"]["delayed-discharge"].as_u64().unwrap() >= 1);
    assert!(a["themes"]["workforce"].as_u64().unwrap() >= 2);
    let b = &recs[1];
    let items: Vec<&str> = b["recommendations"].as_array().unwrap().iter().map(|r| r["actor"].as_str().unwrap()).collect();
    assert_eq!(items, ["The board", "The board"], "list items take the lead-in's actor");
}

#[test]
fn bad_files_are_named_and_do_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), PRESS).unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02binary\x00").unwrap();
    fs::write(dir.path().join("renamed.txt"), b"%PDF-1.4 not really text").unwrap();
    fs::write(dir.path().join("old.txt"), b"The council\x92s plan should improve \x96 quickly.").unwrap();
    fs::write(dir.path().join("picture.png"), b"\x89PNG").unwrap();
    let out = scrutiny().arg("extract").arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "skips are not failures");
    let stderr = String::from_utf8(out.stderr).unwrap();
    for name in ["empty.txt", "binary.txt", "renamed.txt", "picture.png"] {
        assert!(stderr.contains(name), "{name} not reported in: {stderr}");
    }
    assert!(stderr.contains("Windows-1252"));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "good.txt and old.txt are read");
    assert!(stdout.contains("council\u{2019}s plan"));
}

#[test]
fn a_missing_path_fails_with_its_name() {
    let out = scrutiny().args(["extract", "no/such/folder"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/folder"));
}

#[test]
fn a_bad_taxonomy_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let tax = dir.path().join("themes.json");
    fs::write(&tax, "{\"themes\": [{\"id\": \"x\", \"label\": \"X\", \"patterns\": [\"(\"]}]}").unwrap();
    fs::write(dir.path().join("a.txt"), PRESS).unwrap();
    let out = scrutiny().arg("extract").arg("--taxonomy").arg(&tax).arg(dir.path().join("a.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("themes.json") && err.contains("bad pattern"), "{err}");
}

#[test]
fn a_custom_taxonomy_replaces_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let tax = dir.path().join("themes.json");
    fs::write(&tax, r#"{"themes": [{"id": "staffing", "label": "Staffing", "patterns": ["staff(ing)? shortages?"]}]}"#).unwrap();
    fs::write(dir.path().join("a.txt"), PRESS).unwrap();
    let out = scrutiny().arg("extract").arg("--taxonomy").arg(&tax).arg(dir.path().join("a.txt")).output().unwrap();
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["themes"], serde_json::json!({"staffing": 1}));
    assert_eq!(rec["theme_hits"][0]["phrase"], "staff shortages");
}

#[test]
fn html_pages_lose_their_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><title>Review of services</title><script>track()</script></head><body>\
        <nav>Home | News</nav><div id=\"cookie-consent\">Accept cookies</div>\
        <article><h1>Review of services</h1><p>Inspectors found that leadership was strong.</p></article>\
        <footer>Contact us</footer></body></html>";
    fs::write(dir.path().join("p.html"), page).unwrap();
    let out = scrutiny().args(["text"]).arg(dir.path().join("p.html")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("leadership was strong"));
    for junk in ["track()", "Accept cookies", "Home | News", "Contact us"] {
        assert!(!text.contains(junk), "{junk} leaked into: {text}");
    }
}
