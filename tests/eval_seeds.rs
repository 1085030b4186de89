//! The extraction on the hand-coded seed documents meets the product's quality bar, as scored
//! by the shared scorer. Skips (with the reason printed) where the shared material or python3
//! is absent, so the suite passes on a user's machine.

use std::path::PathBuf;
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("eval/score.py").exists().then_some(p)
}

fn python() -> Option<&'static str> {
    ["python3", "python"].into_iter().find(|py| Command::new(py).arg("--version").output().is_ok_and(|o| o.status.success()))
}

fn score(gold: &str, corpus: &[&str], mins: &[&str]) {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (the hand-coded gold files) is not beside the project");
        return;
    };
    let Some(py) = python() else {
        eprintln!("skipped: python3 is not installed, and the scorer needs it");
        return;
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_scrutiny"));
    cmd.args(["extract", "--format", "jsonl"]);
    for c in corpus {
        cmd.arg(shared.join(c));
    }
    let out = cmd.output().expect("scrutiny runs");
    assert!(out.status.success(), "extract failed: {}", String::from_utf8_lossy(&out.stderr));
    let pred = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pred.path(), &out.stdout).unwrap();
    let mut score = Command::new(py);
    score.arg(shared.join("eval/score.py")).arg(shared.join(gold)).arg(pred.path()).arg("-v");
    for m in mins {
        score.arg("--min").arg(m);
    }
    let res = score.output().expect("scorer runs");
    let text = String::from_utf8_lossy(&res.stdout);
    println!("{text}");
    assert!(res.status.success(), "below the bar on {gold}:\n{text}");
}

#[test]
fn seeds_meet_the_quality_bar() {
    score(
        "eval/gold-seeds.json",
        &["corpus/seeds"],
        &[
            "themes=0.90",
            "recommendations=0.85",
            "rec_themes=0.85",
            "findings=0.75",
            "polarity=0.90",
            "actor=0.85",
            "areas=1.0",
            "regulators=1.0",
            "doc_type=1.0",
            "date=1.0",
            "actions=1.0",
        ],
    );
}

#[test]
fn dev_reports_meet_the_quality_bar() {
    if shared().is_some_and(|s| !s.join("corpus/external/ofsted-ilacs").exists()) {
        eprintln!("skipped: ../shared/corpus/external is not present");
        return;
    }
    score(
        "eval/gold-dev.json",
        &["corpus/external/ofsted-ilacs", "corpus/external/ofsted-cqc-area-send"],
        &[
            "recommendations=0.85",
            "rec_themes=0.75",
            "ratings=0.90",
            "findings=0.85",
            "polarity=0.90",
            "areas=1.0",
            "regulators=1.0",
            "doc_type=1.0",
            "date=1.0",
        ],
    );
}
