//! For every finding kind, a fixture corpus where it must fire and a near miss where it must not,
//! with the findings snapshotted (`tests/kinds/<kind>/{fires,near-miss}/`).

use insta_cmd::get_cargo_bin;
use std::process::Command;

fn findings(dir: &str) -> Vec<serde_json::Value> {
    findings_with(dir, None)
}

/// The findings on the claims under `dir`, with a rules overlay directory if given.
fn findings_with(dir: &str, overlay: Option<&str>) -> Vec<serde_json::Value> {
    let mut command = Command::new(get_cargo_bin("crosscheck"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--rules", "rules"]);
    if let Some(overlay) = overlay {
        command.args(["--rules", overlay]);
    }
    let out = command
        .args(["check", "--format", "json", "--claims", dir])
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
    insta::assert_snapshot!(kind, summary(&fires));
}

fn summary(fires: &[serde_json::Value]) -> String {
    let lines: Vec<String> = fires
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
    lines.join("\n")
}

/// The comparison rules of a kind, each with its own pair of fixtures: where the rule makes the
/// kind fire, and the near miss where it must not (`tests/kinds/<kind>/rules/<rule>/{fires,
/// near-miss}`, with an optional rules `overlay/`).
#[test]
fn every_rule_fires_on_its_fixture_and_not_on_its_near_miss() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kinds");
    let mut checked = 0;
    for kind in crosscheck::finding::Kind::ALL {
        let rules = root.join(kind.name()).join("rules");
        let Ok(entries) = std::fs::read_dir(&rules) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for rule in names {
            let dir = format!("tests/kinds/{}/rules/{rule}", kind.name());
            let overlay = format!("{dir}/overlay");
            let overlay = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(&overlay)
                .is_dir()
                .then_some(overlay.as_str());
            let fires = findings_with(&format!("{dir}/fires"), overlay);
            assert!(
                fires.iter().any(|f| f["kind"] == kind.name()),
                "{dir}: {} did not fire: {fires:#?}",
                kind.name()
            );
            let near_miss = findings_with(&format!("{dir}/near-miss"), overlay);
            assert!(
                !near_miss.iter().any(|f| f["kind"] == kind.name()),
                "{dir}: {} fired on its near miss: {near_miss:#?}",
                kind.name()
            );
            let mine: Vec<serde_json::Value> = fires
                .into_iter()
                .filter(|f| f["kind"] == kind.name())
                .collect();
            insta::assert_snapshot!(format!("{}-{rule}", kind.name()), summary(&mine));
            checked += 1;
        }
    }
    assert!(checked >= 7, "only {checked} rule fixtures found");
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
