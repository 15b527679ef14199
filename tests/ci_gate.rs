//! The CI gate, simulated: a git repository with a corpus and a baseline that accepts a known
//! disagreement, then three pull requests — one contradicting (fails, and only its finding is
//! new), one agreeing (passes), one moving claims between files (passes).

mod common;

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=ci", "-c", "user.email=ci@example.org"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn crosscheck(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), json)
}

const DAILY: &str = "{id: daily-2025, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}";
const WEEKLY: &str = "{id: weekly-2025, entity: Amazon, metric: capex, period: 2025, status: plan, value: $120 billion}";
const DAILY_2026: &str = "{id: daily-2026, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}";

/// A repository on `main` with a known disagreement accepted by the baseline.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"),
        &root.join("rules"),
    );
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::write(
        root.join("claims/daily.yaml"),
        common::claims_file("Daily Ledger", "2025-02-07", &[DAILY, DAILY_2026]),
    )
    .unwrap();
    std::fs::write(
        root.join("claims/weekly.yaml"),
        common::claims_file("Weekly Courier", "2025-02-09", &[WEEKLY]),
    )
    .unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    let (code, _) = crosscheck(root, &["check", "--format", "json"]);
    assert_eq!(
        code, 1,
        "the known disagreement fails before there is a baseline"
    );
    let status = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(root)
        .arg("baseline")
        .status()
        .unwrap();
    assert!(status.success());
    git(root, &["add", "."]);
    git(
        root,
        &["commit", "-q", "-m", "corpus with an accepted disagreement"],
    );
    let (code, json) = crosscheck(root, &["check", "--format", "json"]);
    assert_eq!(code, 0, "the baseline accepts it: {json}");
    dir
}

fn new_findings(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["new"] == true)
        .collect()
}

#[test]
fn a_contradicting_pull_request_fails_and_only_its_finding_is_new() {
    let repo = repository();
    let root = repo.path();
    git(root, &["checkout", "-q", "-b", "contradicts"]);
    std::fs::write(
        root.join("claims/monthly.yaml"),
        common::claims_file("Monthly Review", "2025-03-01", &["{id: monthly-2026, entity: Amazon, metric: capex, period: 2026, status: plan, value: $150 billion}"]),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "a contradicting claim"]);
    let (code, json) = crosscheck(root, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{json}");
    let new = new_findings(&json);
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["kind"], "contradiction");
    assert!(new[0]["claims"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("monthly-2026")));
    let old: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["new"] == false)
        .collect();
    assert_eq!(
        old.len(),
        1,
        "the accepted disagreement is still there, not new"
    );
}

#[test]
fn an_agreeing_pull_request_passes() {
    let repo = repository();
    let root = repo.path();
    git(root, &["checkout", "-q", "-b", "agrees"]);
    std::fs::write(
        root.join("claims/monthly.yaml"),
        common::claims_file("Monthly Review", "2025-03-01", &["{id: monthly-2026, entity: Amazon, metric: capex, period: 2026, status: plan, value: about $200 billion}"]),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "an agreeing claim"]);
    let (code, json) = crosscheck(root, &["check", "--format", "json"]);
    assert_eq!(code, 0, "{json}");
    assert!(new_findings(&json).iter().all(|f| f["severity"] != "error"));
}

#[test]
fn moving_claims_between_files_passes() {
    let repo = repository();
    let root = repo.path();
    git(root, &["checkout", "-q", "-b", "moves"]);
    // The 2026 claim moves to its own file with the same source; the accepted claim moves down.
    std::fs::write(root.join("claims/daily.yaml"), common::claims_file("Daily Ledger", "2025-02-07", &["{id: filler, entity: Amazon, metric: capex, period: 2024, status: actual, value: $83 billion}", DAILY])).unwrap();
    std::fs::create_dir_all(root.join("claims/2026")).unwrap();
    std::fs::write(
        root.join("claims/2026/daily.yaml"),
        common::claims_file("Daily Ledger", "2025-02-07", &[DAILY_2026]),
    )
    .unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "move claims"]);
    let (code, json) = crosscheck(root, &["check", "--format", "json"]);
    assert_eq!(code, 0, "{json}");
}
