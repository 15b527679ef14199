//! For every finding kind, a fixture corpus where it must fire and a near miss where it must not,
//! with the findings snapshotted (`tests/kinds/<kind>/{fires,near-miss}/`).

use insta_cmd::get_cargo_bin;
use std::process::Command;

fn findings(dir: &str) -> Vec<serde_json::Value> {
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--rules", "rules", "check", "--format", "json", "--claims", dir,
        ])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{dir}: {}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    json["findings"].as_array().cloned().unwrap_or_default()
}

fn check_kind(kind: &str) {
    let fires = findings(&format!("tests/kinds/{kind}/fires"));
    assert!(
        fires.iter().any(|f| f["kind"] == kind),
        "{kind} did not fire: {fires:#?}"
    );
    let near_miss = findings(&format!("tests/kinds/{kind}/near-miss"));
    assert!(
        !near_miss.iter().any(|f| f["kind"] == kind),
        "{kind} fired on its near miss: {near_miss:#?}"
    );
    let summary: Vec<String> = fires
        .iter()
        .map(|f| {
            format!(
                "{} {} {}: {}",
                f["severity"].as_str().unwrap_or(""),
                f["kind"].as_str().unwrap_or(""),
                f["claims"],
                f["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    insta::assert_snapshot!(kind, summary.join("\n"));
}

macro_rules! kinds {
    ($($name:ident => $kind:literal),* $(,)?) => {
        $( #[test] fn $name() { check_kind($kind); } )*
    };
}

kinds! {
    contradiction => "contradiction",
    derived_mismatch => "derived-mismatch",
    quote_mismatch => "quote-mismatch",
    quote_not_in_source => "quote-not-in-source",
    unit_mismatch => "unit-mismatch",
    unreadable => "unreadable",
    period_drift => "period-drift",
    premature_actual => "premature-actual",
    scale_ambiguity => "scale-ambiguity",
    revision => "revision",
    single_origin => "single-origin",
    unused_waiver => "unused-waiver",
}

/// Every kind the engine knows has its fixtures.
#[test]
fn every_kind_has_fixtures() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/kinds");
    for kind in crosscheck::finding::Kind::ALL {
        for side in ["fires", "near-miss"] {
            let dir = format!("{root}/{}/{side}", kind.name());
            assert!(std::path::Path::new(&dir).is_dir(), "missing {dir}");
        }
    }
}
