//! Record files (JSON, JSON Lines, CSV datasets): one document per record, with each record's
//! own date and area, through `extract`, `text` and `ingest`.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn scrutiny() -> Command {
    Command::cargo_bin("scrutiny").unwrap()
}

const BODY_A: &str = "The partnership had not reviewed its discharge arrangements, and people waited too long to leave hospital. \
The partnership should reduce delayed discharge by agreeing a joint plan with the hospital.";
const BODY_B: &str = "Staff told us that recruitment of care at home workers remained difficult across the area. \
The council should publish a workforce plan that sets out how vacancies will be filled.";
const BODY_C: &str = "Governance arrangements were unclear and the board did not receive regular performance reports. \
The board should strengthen its oversight of performance and risk.";

fn jsonl(records: &[(&str, &str, &str, &str)]) -> String {
    records
        .iter()
        .map(|(id, date, area, body)| serde_json::json!({"id": id, "date": date, "area": area, "concerns": body}).to_string() + "\n")
        .collect()
}

fn extract(path: &Path) -> (Vec<Value>, String) {
    let out = scrutiny().arg("extract").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect(), stderr)
}

#[test]
fn each_jsonl_record_is_a_document_with_its_own_date_and_area() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("reports.jsonl");
    fs::write(
        &file,
        jsonl(&[("r-1", "2023-03-01", "Fife", BODY_A), ("r-2", "15 June 2024", "Dundee", BODY_B), ("r-3", "2022-11-30", "Angus", BODY_C)]),
    )
    .unwrap();
    let (records, _) = extract(&file);
    assert_eq!(records.len(), 3);
    let name = file.to_string_lossy();
    let want = [("r-1", "2023-03-01", "Fife"), ("r-2", "2024-06-15", "Dundee"), ("r-3", "2022-11-30", "Angus")];
    for (r, (id, date, area)) in records.iter().zip(want) {
        assert_eq!(r["path"], format!("{name}#{id}"));
        assert_eq!(r["date"], date);
        assert_eq!(r["areas"], serde_json::json!([area]));
        assert!(r["id"].as_str().unwrap().ends_with(&format!("#{id}")));
        assert_eq!(r["recommendations"].as_array().unwrap().len(), 1, "{r}");
    }
    // Each record's text is its own.
    assert!(records[1]["recommendations"][0]["text"].as_str().unwrap().contains("workforce plan"));
    assert!(!records[0]["recommendations"][0]["text"].as_str().unwrap().contains("workforce"));
}

#[test]
fn csv_rows_without_body_text_are_left_out_with_one_note() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("dataset.csv");
    let mut w = csv::Writer::from_path(&file).unwrap();
    w.write_record(["ref", "date_of_report", "local_authority", "findings"]).unwrap();
    w.write_record(["A1", "2021-01-04", "Fife", BODY_A]).unwrap();
    w.write_record(["A2", "2021-02-05", "Dundee", "short"]).unwrap();
    w.write_record(["A3", "2021-03-06", "Angus", BODY_C]).unwrap();
    w.flush().unwrap();
    let (records, stderr) = extract(&file);
    assert_eq!(records.iter().map(|r| r["date"].as_str().unwrap()).collect::<Vec<_>>(), ["2021-01-04", "2021-03-06"]);
    assert_eq!(stderr.matches("no body text").count(), 1, "{stderr}");
    assert!(stderr.contains("1 of its 3 records"), "{stderr}");

    let out = scrutiny().arg("text").arg(&file).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("#A1 <==") && text.contains("#A3 <=="), "{text}");
    assert!(text.contains("Findings"), "fields are headed by their names: {text}");
}

#[test]
fn a_file_of_one_record_is_named_by_the_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("one.json");
    fs::write(&file, serde_json::json!({"id": "x", "date": "2020-05-01", "area": "Fife", "concerns": BODY_A}).to_string()).unwrap();
    let (records, _) = extract(&file);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["path"], file.to_string_lossy().as_ref());
}

#[test]
fn a_malformed_line_names_the_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("broken.jsonl");
    fs::write(&file, format!("{}{{\"id\": \"r-2\", \"date\": \n", jsonl(&[("r-1", "2023-03-01", "Fife", BODY_A)]))).unwrap();
    let out = scrutiny().arg("extract").arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.jsonl") && stderr.contains("line 2"), "{stderr}");
}

fn ingest(corpus: &Path, index: &Path, extra: &[&str]) -> String {
    let out = scrutiny().arg("ingest").arg(corpus).arg("--index").arg(index).args(extra).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

fn units(index: &Path) -> Vec<Value> {
    let out = scrutiny().arg("export").arg("--index").arg(index).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn ingest_indexes_every_record_and_replaces_or_prunes_them_with_their_file() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let index = tmp.path().join("index");
    let file = corpus.join("reports.jsonl");
    fs::write(
        &file,
        jsonl(&[("r-1", "2023-03-01", "Fife", BODY_A), ("r-2", "2024-06-15", "Dundee", BODY_B), ("r-3", "2022-11-30", "Angus", BODY_C)]),
    )
    .unwrap();
    let first = ingest(&corpus, &index, &[]);
    assert!(first.contains("3 added, 0 updated"), "{first}");
    let all = units(&index);
    let recs: Vec<&Value> = all.iter().filter(|u| u["kind"] == "recommendation").collect();
    assert_eq!(recs.len(), 3);
    for (id, area, year) in [("r-1", "Fife", 2023), ("r-2", "Dundee", 2024), ("r-3", "Angus", 2022)] {
        let r = recs.iter().find(|u| u["path"].as_str().unwrap().ends_with(&format!("#{id}"))).unwrap();
        assert_eq!(r["areas"], serde_json::json!([area]));
        assert_eq!(r["year"], year);
    }
    let search = scrutiny().args(["search", "workforce", "--area", "Dundee", "--format", "json", "--index"]).arg(&index).output().unwrap();
    let hits: Value = serde_json::from_slice(&search.stdout).unwrap();
    assert!(hits["total"].as_u64().unwrap() >= 1, "{hits}");

    // The file changes: one record gone, one reworded. Its old records all go.
    fs::write(
        &file,
        jsonl(&[("r-1", "2023-03-01", "Fife", BODY_A), ("r-2", "2024-06-15", "Dundee", &BODY_B.replace("vacancies", "every vacancy"))]),
    )
    .unwrap();
    let again = ingest(&corpus, &index, &[]);
    assert!(again.contains("0 added, 2 updated"), "{again}");
    let after = units(&index);
    assert!(after.iter().all(|u| !u["path"].as_str().unwrap().ends_with("#r-3")), "a removed record stays indexed");
    let texts: Vec<&str> = after.iter().map(|u| u["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("every vacancy")));
    assert!(!texts.iter().any(|t| t.contains("how vacancies will")));
    let mut keys: Vec<String> = after.iter().map(|u| format!("{}|{}|{}", u["path"], u["kind"], u["text"])).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "no unit is indexed twice");

    fs::remove_file(&file).unwrap();
    let pruned = ingest(&corpus, &index, &["--prune"]);
    assert!(pruned.contains("1 pruned"), "{pruned}");
    assert!(units(&index).is_empty());
}

#[test]
fn the_shared_coroners_dataset_keeps_each_records_date_and_area() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/external/pfd-reports");
    if !dir.is_dir() {
        eprintln!("skipped: {} is not present", dir.display());
        return;
    }
    let (records, notes) = extract(&dir);
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let given: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        let Some(date) = given.get("date").and_then(Value::as_str).filter(|d| d.len() == 10) else { continue };
        let name = path.to_string_lossy();
        let r = records.iter().find(|r| r["path"] == name.as_ref()).unwrap_or_else(|| panic!("{name} not extracted"));
        assert_eq!(r["date"], date, "{name}");
        if let Some(area) = given.get("area").and_then(Value::as_str).filter(|a| !a.is_empty()) {
            assert!(!r["areas"].as_array().unwrap().is_empty(), "{name}: no area from {area:?}");
        }
        checked += 1;
    }
    assert!(checked > 10, "only {checked} records checked");
    // The dataset's index is itself a record file, of names, dates, addressees and links: its
    // rows are no documents, and the note says so.
    assert!(!records.iter().any(|r| r["path"].as_str().unwrap().contains(".csv#")));
    assert!(notes.contains("index.csv: skipped: none of its"), "{notes}");
}
