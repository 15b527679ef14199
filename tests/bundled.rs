//! The bundled corpus: the seed articles' claims, read and checked with the bundled rules.

use insta_cmd::get_cargo_bin;
use std::process::Command;

fn crosscheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--width", "160"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_report_on_the_bundled_claims() {
    let (code, stdout, stderr) = crosscheck(&["report", "--no-write"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn the_markdown_report_on_the_bundled_claims() {
    let (code, stdout, stderr) = crosscheck(&["report", "--no-write", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.len() < 60_000,
        "short enough for a pull-request comment: {} bytes",
        stdout.len()
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn the_seed_figures_read_as_the_issue_says() {
    let (code, stdout, stderr) = crosscheck(&["report", "--no-write", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let group = |entity: &str, metric: &str, start: &str, end: &str| {
        json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| {
                g["entity"] == entity
                    && g["metric"] == metric
                    && g["period"]["start"] == start
                    && g["period"]["end"] == end
            })
            .cloned()
            .unwrap_or_else(|| panic!("no group {entity} {metric} {start}..{end}"))
    };
    let thai = group("Amazon", "capex", "2025-01-01", "2025-12-31");
    assert_eq!(thai["best"]["value"], 1e11, "{thai}");
    assert_eq!(thai["best"]["unit"], "USD");
    let chinese = group("Amazon", "capex", "2026-01-01", "2026-12-31");
    assert_eq!(chinese["best"]["value"], 2e11, "{chinese}");
    group("Amazon", "capex", "2024-10-01", "2024-12-31");
}

#[test]
fn check_on_the_bundled_claims_reads_everything() {
    let (code, stdout, stderr) = crosscheck(&["check", "--format", "json"]);
    assert_eq!(
        code, 0,
        "every error on the bundled claims is explained and waived: {stdout}{stderr}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let unreadable: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "unreadable" && f["waived"].is_null())
        .collect();
    assert!(unreadable.is_empty(), "{unreadable:#?}");
    assert!(json["claims"].as_u64().unwrap() >= 60);
    assert_eq!(json["files"], 5);
}
