//! Policy from rules directories: a desk's later `--rules` overrides severities and tolerances;
//! claims in different currencies compare through the exchange rates in the rules.

mod common;

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::Command;

fn check(root: &Path, rules: &[&str], claims: &str) -> (i32, serde_json::Value) {
    let mut cmd = Command::new(get_cargo_bin("crosscheck"));
    cmd.current_dir(root);
    for r in rules {
        cmd.args(["--rules", r]);
    }
    let out = cmd
        .args(["check", "--format", "json", "--claims", claims])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_slice(&out.stdout).unwrap_or_default(),
    )
}

fn workspace(our_rules: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&manifest.join("rules"), &dir.path().join("rules"));
    common::copy_dir(
        &manifest.join("tests/fixtures/contradict"),
        &dir.path().join("claims"),
    );
    std::fs::create_dir_all(dir.path().join("our-rules")).unwrap();
    std::fs::write(dir.path().join("our-rules/desk.yaml"), our_rules).unwrap();
    dir
}

#[test]
fn a_later_rules_directory_overrides_a_severity() {
    let dir = workspace("policy:\n  severity:\n    contradiction: warning\n");
    let (code, json) = check(dir.path(), &["rules"], "claims");
    assert_eq!(code, 1);
    assert_eq!(json["findings"][0]["severity"], "error");
    let (code, json) = check(dir.path(), &["rules", "our-rules"], "claims");
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["findings"][0]["severity"], "warning");
}

#[test]
fn a_metric_tolerance_can_be_widened_by_a_desk() {
    // The tolerance bounds how far apart two figures may be, relative to the larger: $130bn is
    // 23% above $100bn, beyond the default 2% and within 25%.
    let dir = workspace("metrics:\n  capex: {dimension: money, kind: flow, tolerance: 0.25}\n");
    let (code, json) = check(dir.path(), &["rules", "our-rules"], "claims");
    assert_eq!(code, 0, "$100bn and $130bn meet within 25%: {json}");
}

#[test]
fn yuan_and_dollars_compare_through_the_years_rate() {
    let dir = workspace("");
    let claims = dir.path().join("fx");
    std::fs::create_dir_all(&claims).unwrap();
    let cny = "source:\n  publisher: Caixin\n  published: 2025-03-01\n  lang: zh\nclaims:\n  - {id: cny, entity: Amazon, metric: capex, period: 2024, status: actual, value: 5600 亿元}\n";
    let usd = |v: &str| {
        format!("source:\n  publisher: Daily Ledger\n  published: 2025-03-02\n  lang: en\nclaims:\n  - {{id: usd, entity: Amazon, metric: capex, period: 2024, status: actual, value: {v}}}\n")
    };
    std::fs::write(claims.join("cny.yaml"), cny).unwrap();
    std::fs::write(claims.join("usd.yaml"), usd("$78 billion")).unwrap();
    let (code, json) = check(dir.path(), &["rules"], "fx");
    assert_eq!(
        code, 0,
        "5600e8 CNY at about 7.19 per USD is about 78e9 USD: {json}"
    );
    std::fs::write(claims.join("usd.yaml"), usd("$100 billion")).unwrap();
    let (code, json) = check(dir.path(), &["rules"], "fx");
    assert_eq!(code, 1, "{json}");
    let explanation = json["findings"][0]["explanation"].to_string();
    assert!(
        explanation.contains("CNY/USD"),
        "the rate is shown: {explanation}"
    );
}
