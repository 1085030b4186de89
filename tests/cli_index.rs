//! The index and the analyst commands as a user runs them, on small documents written here so
//! every expected count can be checked by reading the text.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn scrutiny() -> Command {
    Command::cargo_bin("scrutiny").unwrap()
}

const PERTH: &str = "Joint inspection of adult services in Perth and Kinross\n\n\
Inspectors found that delayed discharge had fallen over the year. The partnership had strong leadership.\n\n\
Recommendations\n\n\
The partnership should improve its workforce planning. The partnership should reduce delayed discharge from hospital.\n";

const LANARK: &str = "Joint inspection of adult services in North Lanarkshire\n\n\
Inspectors found that delayed discharge remained too high. Waiting times for care at home were long.\n\n\
Recommendations\n\n\
The partnership should improve its workforce planning. The council should publish a housing plan.\n";

struct Setup {
    _tmp: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("perth.txt"), PERTH).unwrap();
    fs::write(corpus.join("lanark.txt"), LANARK).unwrap();
    let index = tmp.path().join("index");
    Setup { _tmp: tmp, corpus, index }
}

fn ingest(s: &Setup) -> String {
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "ingest failed: {err}");
    err
}

fn search_json(s: &Setup, args: &[&str]) -> Value {
    let out = scrutiny().arg("search").args(args).arg("--index").arg(&s.index).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "search failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn export_jsonl(s: &Setup) -> Vec<Value> {
    let out = scrutiny().arg("export").arg("--index").arg(&s.index).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn total(v: &Value) -> u64 {
    v["total"].as_u64().unwrap()
}

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().unwrap()
}

#[test]
fn search_finds_a_phrase_in_both_documents_with_highlighted_snippets() {
    let s = setup();
    ingest(&s);
    let r = search_json(&s, &["\"delayed discharge\""]);
    // Three sentences in the two documents contain the phrase.
    assert_eq!(total(&r), 3);
    let paths: std::collections::BTreeSet<&str> = hits(&r).iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2, "hits from both documents: {paths:?}");
    for h in hits(&r) {
        let snippet = h["snippet"].as_str().unwrap();
        let ranges = h["highlights"].as_array().unwrap();
        assert!(!ranges.is_empty());
        let words: Vec<String> =
            ranges.iter().map(|r| snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize].to_lowercase()).collect();
        assert!(words.iter().any(|w| w == "delayed") && words.iter().any(|w| w == "discharge"), "{words:?}");
    }
    // Stemming: the plural finds the singular.
    assert_eq!(total(&search_json(&s, &["\"delayed discharges\""])), 3);
    // The table marks highlights with brackets when stdout is not a terminal.
    let out = scrutiny().args(["search", "delayed discharge", "--index"]).arg(&s.index).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[delayed] [discharge]"), "{text}");
    // Each hit's heading sets its title, area and date apart.
    assert!(text.contains(" · Perth and Kinross"), "{text}");
}

#[test]
fn kind_and_theme_filters_narrow_results() {
    let s = setup();
    ingest(&s);
    let all = search_json(&s, &["partnership"]);
    let recs = search_json(&s, &["partnership", "--kind", "recommendation"]);
    assert!(total(&recs) > 0 && total(&recs) < total(&all), "{} of {}", total(&recs), total(&all));
    assert!(hits(&recs).iter().all(|h| h["kind"] == "recommendation"));
    let workforce = search_json(&s, &["partnership", "--theme", "workforce"]);
    assert!(total(&workforce) > 0 && total(&workforce) < total(&all));
    assert!(hits(&workforce).iter().all(|h| h["themes"].as_array().unwrap().iter().any(|t| t == "workforce")));
    assert!(hits(&workforce).iter().all(|h| h["text"].as_str().unwrap().contains("workforce")));
    // A document's path, as shown on its hits, narrows a query to that document's units.
    let perth = hits(&all).iter().map(|h| h["path"].as_str().unwrap()).find(|p| p.ends_with("perth.txt")).expect("a hit in perth.txt");
    let in_perth = search_json(&s, &[&format!("partnership AND path:\"{perth}\"")]);
    assert!(total(&in_perth) > 0 && total(&in_perth) < total(&all), "{} of {}", total(&in_perth), total(&all));
    assert!(hits(&in_perth).iter().all(|h| h["path"] == perth));
}

#[test]
fn filters_narrow_results_without_reranking_them() {
    let s = setup();
    ingest(&s);
    let key = |h: &Value| (h["path"].to_string(), h["text"].to_string(), h["score"].as_f64().unwrap());
    let all = search_json(&s, &["partnership OR inspectors OR discharge", "--limit", "100"]);
    assert!(total(&all) as usize == hits(&all).len(), "the limit cuts the unfiltered hits");
    type Passes = fn(&Value) -> bool;
    let cases: [(&[&str], Passes); 4] = [
        (&["--theme", "workforce"], |h| h["themes"].as_array().unwrap().iter().any(|t| t == "workforce")),
        (&["--kind", "finding"], |h| h["kind"] == "finding"),
        (&["--area", "Perth and Kinross"], |h| h["areas"].as_array().unwrap().iter().any(|a| a == "Perth and Kinross")),
        (&["--theme", "delayed-discharge", "--kind", "recommendation"], |h| {
            h["kind"] == "recommendation" && h["themes"].as_array().unwrap().iter().any(|t| t == "delayed-discharge")
        }),
    ];
    for (filter, passes) in cases {
        let mut args = vec!["partnership OR inspectors OR discharge", "--limit", "100"];
        args.extend_from_slice(filter);
        let narrowed = search_json(&s, &args);
        let want: Vec<_> = hits(&all).iter().filter(|h| passes(h)).map(key).collect();
        let got: Vec<_> = hits(&narrowed).iter().map(key).collect();
        assert!(!got.is_empty() && got.len() < hits(&all).len(), "{filter:?} kept {} of {}", got.len(), hits(&all).len());
        assert_eq!(got, want, "{filter:?}: the filtered hits are not the unfiltered ones that pass, in their order and with their scores");
    }
}

#[test]
fn theme_matrix_by_document_counts_sentences() {
    let s = setup();
    ingest(&s);
    let out = scrutiny().args(["themes", "--by", "document", "--count", "sentences", "--csv", "--index"]).arg(&s.index).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[0], "group");
    for id in ["delayed-discharge", "workforce", "housing"] {
        assert!(header.iter().any(|h| h == id), "{header:?}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut seen = 0;
    for row in rows.records() {
        let row = row.unwrap();
        let n = |name: &str| row[col(name)].parse::<u64>().unwrap();
        if row[0].ends_with("perth.txt") {
            // "delayed discharge" is in two of Perth's sentences, "workforce" in one.
            assert_eq!((n("delayed-discharge"), n("workforce"), n("housing")), (2, 1, 0));
            seen += 1;
        } else if row[0].ends_with("lanark.txt") {
            assert_eq!((n("delayed-discharge"), n("workforce"), n("housing")), (1, 1, 1));
            seen += 1;
        }
    }
    assert_eq!(seen, 2, "{text}");
}

#[test]
fn compare_shows_each_areas_recommendations_and_rejects_unknown_areas() {
    let s = setup();
    ingest(&s);
    let out = scrutiny().args(["compare", "--area", "Nowhere At All", "--area", "Elsewhere", "--index"]).arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown area \"Nowhere At All\""));

    let mut areas: Vec<String> =
        export_jsonl(&s).iter().flat_map(|u| u["areas"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string())).collect();
    areas.sort();
    areas.dedup();
    if areas.len() < 2 {
        println!("skipping the side-by-side part: extraction found {} area(s) in the test documents", areas.len());
        return;
    }
    let out = scrutiny()
        .args(["compare", "--area", &areas[0], "--area", &areas[1], "--format", "json", "--index"])
        .arg(&s.index)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts = c.to_string();
    let only_first = search_json(&s, &["partnership", "--area", &areas[0].to_lowercase()]);
    assert!(total(&only_first) > 0);
    assert!(hits(&only_first).iter().all(|h| h["areas"].as_array().unwrap().iter().any(|a| a == areas[0].as_str())));
    assert!(texts.contains("improve its workforce planning"));
    let recurring = c["recurring"].as_array().unwrap();
    assert!(
        recurring.iter().any(|r| r["text"].as_str().unwrap().contains("workforce planning") && r["areas"].as_array().unwrap().len() == 2)
    );
}

#[test]
fn reingest_is_incremental_and_changed_files_replace_their_units() {
    let s = setup();
    let first = ingest(&s);
    assert!(first.contains("2 added, 0 updated, 0 unchanged"), "{first}");
    let units_before = export_jsonl(&s).len();

    let again = ingest(&s);
    assert!(again.contains("0 added, 0 updated, 2 unchanged"), "{again}");
    assert!(again.contains("0 findings, 0 recommendations"), "nothing re-extracted: {again}");
    assert_eq!(export_jsonl(&s).len(), units_before);

    let workforce_before = total(&search_json(&s, &["workforce"]));
    fs::write(s.corpus.join("perth.txt"), PERTH.replace("had fallen over the year", "had fallen sharply")).unwrap();
    let changed = ingest(&s);
    assert!(changed.contains("0 added, 1 updated, 1 unchanged"), "{changed}");
    assert_eq!(total(&search_json(&s, &["workforce"])), workforce_before);
    assert_eq!(total(&search_json(&s, &["sharply"])), 1);
    assert_eq!(total(&search_json(&s, &["\"over the year\""])), 0);
    let units = export_jsonl(&s);
    assert_eq!(units.len(), units_before);
    let mut keys: Vec<String> = units.iter().map(|u| format!("{}|{}|{}", u["path"], u["kind"], u["text"])).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "no unit is indexed twice");

    fs::remove_file(s.corpus.join("lanark.txt")).unwrap();
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--prune").arg("--index").arg(&s.index).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 pruned"));
    assert!(export_jsonl(&s).iter().all(|u| u["path"].as_str().unwrap().ends_with("perth.txt")));
}

#[test]
fn a_locked_index_fails_fast_with_a_clear_message() {
    let s = setup();
    ingest(&s);
    let index = tantivy::Index::open_in_dir(&s.index).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(50_000_000).unwrap();
    let started = std::time::Instant::now();
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is locked by another scrutiny ingest; wait for it to finish"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn a_folder_that_is_not_an_index_is_refused_and_left_alone() {
    let s = setup();
    fs::create_dir(&s.index).unwrap();
    fs::write(s.index.join("notes.txt"), "mine").unwrap();
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a scrutiny index"));
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--rebuild").arg("--index").arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_dir(&s.index).unwrap().count(), 1);
    assert_eq!(fs::read_to_string(s.index.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn missing_index_and_other_schema_versions_name_the_command_to_run() {
    let s = setup();
    let out = scrutiny().args(["search", "care", "--index"]).arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("scrutiny ingest"));

    ingest(&s);
    let meta = s.index.join("scrutiny-index.json");
    let text = fs::read_to_string(&meta).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["schema_version"] = Value::from(999);
    fs::write(&meta, v.to_string()).unwrap();
    let out = scrutiny().args(["info", "--index"]).arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("scrutiny ingest --rebuild --index"));
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--rebuild").arg("--index").arg(&s.index).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(total(&search_json(&s, &["\"delayed discharge\""])), 3);
}

#[test]
fn bad_queries_and_unknown_themes_are_usage_errors() {
    let s = setup();
    ingest(&s);
    let out = scrutiny().args(["search", "\"delayed discharge", "--index"]).arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\\\"delayed discharge"), "names the query: {err}");
    let out = scrutiny().args(["search", "care", "--theme", "workforse", "--index"]).arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"workforce\""));
}

#[test]
fn csv_export_defuses_formulas() {
    let s = setup();
    fs::write(
        s.corpus.join("formula.txt"),
        "Spreadsheet test\n\n=HYPERLINK(\"http://x\") is where the delayed discharge figures are kept.\n",
    )
    .unwrap();
    ingest(&s);
    let out = scrutiny().args(["export", "--format", "csv", "--index"]).arg(&s.index).output().unwrap();
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let cells: Vec<String> = rdr.records().flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>()).collect();
    assert!(cells.iter().any(|c| c.starts_with("'=HYPERLINK(")), "{cells:?}");
    assert!(!cells.iter().any(|c| c.starts_with('=')));
}

#[test]
fn info_summarises_the_index() {
    let s = setup();
    ingest(&s);
    let out = scrutiny().args(["info", "--index"]).arg(&s.index).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("documents      2"), "{text}");
    assert!(text.contains(&format!("schema version {}", scrutiny::index::schema::SCHEMA_VERSION)));
    assert!(text.contains("delayed-discharge (2)"));
    let out = scrutiny().arg("info").env("SCRUTINY_INDEX", &s.index).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("documents      2"));
}

#[test]
fn help_teaches_with_examples() {
    for cmd in ["ingest", "search", "themes", "compare", "export", "info"] {
        let out = scrutiny().args([cmd, "--help"]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8(out.stdout).unwrap().contains("Examples:"), "{cmd}");
    }
}

#[test]
fn seed_documents_are_indexed() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    if !seeds.is_dir() {
        println!("skipping: {} is not present", seeds.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let out = scrutiny().arg("ingest").arg(&seeds).arg("--index").arg(&index).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = scrutiny().args(["info", "--index"]).arg(&index).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("documents      5"), "{text}");
}

#[test]
fn a_failed_file_makes_ingest_exit_1_and_is_named() {
    let s = setup();
    let missing = s.corpus.join("missing-folder");
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg(&missing).arg("--index").arg(&s.index).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing-folder") && err.contains("2 added"), "{err}");
    fs::write(s.corpus.join("data.csv"), "a,b\n").unwrap();
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--index").arg(&s.index).output().unwrap();
    assert!(out.status.success(), "a skipped file is not a failure");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 skipped"));
}

#[test]
fn reingest_trusts_size_and_mtime_and_rehash_reads_everything() {
    let s = setup();
    let first = ingest(&s);
    // The summary says where the time went.
    let stages = first.lines().find(|l| l.trim_start().starts_with("stages")).unwrap_or_else(|| panic!("no stage times: {first}"));
    for stage in ["parse", "segment", "extract", "index writer"] {
        assert!(stages.contains(stage), "{stages}");
    }
    let perth = s.corpus.join("perth.txt");
    let stamp = fs::metadata(&perth).unwrap().modified().unwrap();
    // Same size, same modification time, other words: taken as unchanged without being read.
    let same_size = PERTH.replace("strong leadership", "stable leadership");
    assert_eq!(same_size.len(), PERTH.len());
    fs::write(&perth, &same_size).unwrap();
    fs::File::options().write(true).open(&perth).unwrap().set_modified(stamp).unwrap();
    let out = ingest(&s);
    assert!(out.contains("0 added, 0 updated, 2 unchanged"), "{out}");
    assert_eq!(total(&search_json(&s, &["stable"])), 0);

    // --rehash reads every file and finds the change.
    let out = scrutiny().arg("ingest").arg(&s.corpus).arg("--rehash").arg("--index").arg(&s.index).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 added, 1 updated, 1 unchanged"), "{err}");
    assert_eq!(total(&search_json(&s, &["stable"])), 1);

    // A newer modification time with the same content is read, hashed, and still not re-extracted.
    fs::File::options().write(true).open(&perth).unwrap().set_modified(stamp + std::time::Duration::from_secs(60)).unwrap();
    let out = ingest(&s);
    assert!(out.contains("0 added, 0 updated, 2 unchanged") && out.contains("0 findings, 0 recommendations"), "{out}");
}

#[test]
fn theme_matrix_agrees_with_the_exported_units_for_every_grouping() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = scrutiny().arg("ingest").arg(&corpus).arg("--index").arg(&index).output().unwrap();
    assert!(out.status.success());
    let s = Setup { _tmp: tmp, corpus, index };
    let units = export_jsonl(&s);
    let strs = |v: &Value| -> Vec<String> { v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect() };
    for (by, kind, count) in [
        ("area", None, "sentences"),
        ("area", Some("finding"), "documents"),
        ("regulator", None, "documents"),
        ("year", Some("recommendation"), "sentences"),
        ("document", None, "sentences"),
    ] {
        let mut cmd = scrutiny();
        cmd.args(["themes", "--csv", "--by", by, "--count", count]).arg("--index").arg(&s.index);
        if let Some(k) = kind {
            cmd.args(["--kind", k]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        let csv = String::from_utf8(out.stdout).unwrap();
        let mut lines = csv.lines();
        let themes: Vec<String> = lines.next().unwrap().split(',').skip(1).map(str::to_string).collect();
        let got: std::collections::BTreeMap<String, Vec<usize>> = lines
            .map(|l| {
                let mut cells = l.rsplitn(themes.len() + 1, ',').collect::<Vec<_>>();
                cells.reverse();
                (cells[0].trim_matches('"').to_string(), cells[1..].iter().map(|c| c.parse().unwrap()).collect())
            })
            .collect();
        let mut want: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        let mut seen = std::collections::HashSet::new();
        for u in units.iter().filter(|u| kind.is_none_or(|k| u["kind"] == k)) {
            let groups = match by {
                "area" => strs(&u["areas"]),
                "regulator" => strs(&u["regulators"]),
                "year" => u["year"].as_u64().map(|y| y.to_string()).into_iter().collect(),
                _ => vec![u["path"].as_str().unwrap().to_string()],
            };
            let groups = if groups.is_empty() { vec!["(none)".to_string()] } else { groups };
            for g in groups {
                let row = want.entry(g.clone()).or_insert_with(|| vec![0; themes.len()]);
                for t in strs(&u["themes"]) {
                    let i = themes.iter().position(|x| *x == t).unwrap();
                    if count == "sentences" || seen.insert((g.clone(), i, u["path"].to_string())) {
                        row[i] += 1;
                    }
                }
            }
        }
        assert!(want.values().flatten().sum::<usize>() > 0, "nothing counted for {by}");
        assert_eq!(got, want, "--by {by} --kind {kind:?} --count {count}");
    }
}

#[test]
fn hits_show_filter_and_count_by_their_documents_fields() {
    let s = setup();
    fs::write(s.corpus.join("perth.txt"), format!("{PERTH}\nPublished 3 March 2023\n")).unwrap();
    fs::write(s.corpus.join("lanark.txt"), format!("{LANARK}\nPublished 9 May 2021\n")).unwrap();
    ingest(&s);
    let all = search_json(&s, &["partnership", "--limit", "100"]);
    assert!(total(&all) as usize == hits(&all).len(), "every hit is listed");
    // Each hit carries its own document's title and year.
    let own_fields = |r: &Value, perth_year: u64, lanark_year: u64| {
        for h in hits(r) {
            let (title, year) = (h["title"].as_str().unwrap_or_default(), h["year"].as_u64());
            if h["path"].as_str().unwrap().ends_with("perth.txt") {
                assert!(title.contains("Perth and Kinross") && year == Some(perth_year), "{h}");
            } else {
                assert!(title.contains("North Lanarkshire") && year == Some(lanark_year), "{h}");
            }
        }
    };
    own_fields(&all, 2023, 2021);
    let mut per_area: std::collections::BTreeMap<String, u64> = Default::default();
    for h in hits(&all) {
        for a in h["areas"].as_array().unwrap() {
            *per_area.entry(a.as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    // The area counts are of the hits, by their documents' areas.
    let counted: std::collections::BTreeMap<String, u64> =
        all["areas"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
    assert!(counted.len() >= 2, "{counted:?}");
    assert_eq!(counted, per_area);
    // Filters on document fields keep exactly the hits of the documents that pass them.
    let recent = search_json(&s, &["partnership", "--from", "2022", "--limit", "100"]);
    let from_perth = hits(&all).iter().filter(|h| h["path"].as_str().unwrap().ends_with("perth.txt")).count();
    assert_eq!(total(&recent) as usize, from_perth);
    assert!(hits(&recent).iter().all(|h| h["year"] == 2023));
    assert_eq!(total(&search_json(&s, &["partnership", "--to", "2020"])), 0);
    let doc_type = hits(&all)[0]["doc_type"].as_str().unwrap().to_string();
    let other = if doc_type == "audit_report" { "press_release" } else { "audit_report" };
    assert_eq!(
        total(&search_json(&s, &["partnership", "--doc-type", &doc_type, "--limit", "100"])) as usize,
        hits(&all).iter().filter(|h| h["doc_type"] == doc_type.as_str()).count()
    );
    assert_eq!(total(&search_json(&s, &["partnership", "--doc-type", other])), 0);

    // A changed document's new fields replace the old ones for its units, and never mix with
    // another document's, whichever of the two changes.
    fs::write(s.corpus.join("lanark.txt"), format!("{LANARK}\nPublished 9 May 2024\n")).unwrap();
    ingest(&s);
    let again = search_json(&s, &["partnership", "--from", "2022", "--limit", "100"]);
    assert_eq!(total(&again), total(&all));
    own_fields(&again, 2023, 2024);
    fs::write(s.corpus.join("perth.txt"), format!("{PERTH}\nPublished 3 March 2025\n")).unwrap();
    ingest(&s);
    own_fields(&search_json(&s, &["partnership", "--limit", "100"]), 2025, 2024);
}

#[test]
fn an_export_of_many_documents_gives_each_unit_its_own_documents_fields() {
    // Enough documents that their fields are read by a scan of all document entries rather
    // than looked up one by one.
    let s = setup();
    fs::remove_file(s.corpus.join("perth.txt")).unwrap();
    fs::remove_file(s.corpus.join("lanark.txt")).unwrap();
    for i in 0..90u32 {
        let text = format!(
            "Review number {i} of adult services\n\nThe partnership should improve its workforce planning.\n\nPublished 3 March {}\n",
            1950 + i
        );
        fs::write(s.corpus.join(format!("review-{i:02}.txt")), text).unwrap();
    }
    ingest(&s);
    let units = export_jsonl(&s);
    assert!(units.len() >= 90, "{}", units.len());
    for u in &units {
        let path = u["path"].as_str().unwrap();
        let i: u64 = path.rsplit("review-").next().unwrap().trim_end_matches(".txt").parse().unwrap();
        assert_eq!(u["year"].as_u64(), Some(1950 + i), "{u}");
        assert!(u["title"].as_str().unwrap_or_default().contains(&format!("Review number {i} ")), "{u}");
    }
}
