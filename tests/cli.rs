//! The command line end to end: exit codes 0, 1 and 2 on small fixture corpora, and the messages
//! people see for each kind of broken file.

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn crosscheck(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("crosscheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--rules", "rules", "--width", "100"])
        .args(args)
        .env("NO_COLOR", "1");
    cmd
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = crosscheck(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn agreeing_claims_exit_0() {
    assert_cmd_snapshot!(crosscheck(&["check", "--claims", &fixture("agree")]));
}

#[test]
fn contradicting_claims_exit_1() {
    assert_cmd_snapshot!(crosscheck(&["check", "--claims", &fixture("contradict")]));
}

#[test]
fn contradiction_as_json() {
    let (code, stdout, _) = run(&[
        "check",
        "--format",
        "json",
        "--claims",
        &fixture("contradict"),
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(json["claims"], 2);
    assert_eq!(json["files"], 2);
    let finding = &json["findings"][0];
    assert_eq!(finding["kind"], "contradiction");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["new"], true);
    assert_eq!(finding["locations"][0]["line"], 6);
    assert_eq!(json["summary"]["error"], 1);
}

/// Each kind of broken file: exit 2, and a message naming file, line and column.
#[test]
fn broken_files_name_file_line_and_column() {
    let cases = [
        ("bad-yaml", "tests/fixtures/bad-yaml/broken.yaml:8:"),
        ("unknown-key", "tests/fixtures/unknown-key/typo.yaml:10:5"),
        (
            "unknown-metric",
            "tests/fixtures/unknown-metric/typo.yaml:8:13",
        ),
        (
            "unknown-entity",
            "tests/fixtures/unknown-entity/typo.yaml:7:13",
        ),
        ("duplicate-id", "tests/fixtures/duplicate-id/b.yaml:1:7"),
    ];
    for (name, place) in cases {
        let (code, stdout, stderr) = run(&["check", "--claims", &fixture(name)]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(
            stderr.contains(place),
            "{name}: expected {place} in\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn unknown_key_suggests_the_near_name() {
    assert_cmd_snapshot!(crosscheck(&["check", "--claims", &fixture("unknown-key")]));
}

#[test]
fn unknown_metric_and_entity_suggest_near_names() {
    let (_, _, stderr) = run(&["check", "--claims", &fixture("unknown-metric")]);
    assert!(stderr.contains("did you mean `capex`?"), "{stderr}");
    let (_, _, stderr) = run(&["check", "--claims", &fixture("unknown-entity")]);
    assert!(stderr.contains("did you mean `Amazon`?"), "{stderr}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let (_, _, stderr) = run(&["check", "--claims", &fixture("duplicate-id")]);
    assert!(
        stderr.contains("tests/fixtures/duplicate-id/a.yaml:6:9"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_value_is_an_error_finding_at_its_place() {
    let (code, stdout, _) = run(&["check", "--claims", &fixture("unreadable-value")]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("tests/fixtures/unreadable-value/vague.yaml:10:12"),
        "{stdout}"
    );
    assert!(stdout.contains("[unreadable]"), "{stdout}");
}

#[test]
fn every_broken_file_is_reported_not_just_the_first() {
    let (code, _, stderr) = run(&["check", "--claims", &fixture("many-errors")]);
    assert_eq!(code, 2);
    for file in ["a.yaml", "b.yaml", "c.yaml"] {
        assert!(
            stderr.contains(&format!("many-errors/{file}:")),
            "{file} missing in\n{stderr}"
        );
    }
}

#[test]
fn a_bad_flag_exits_2() {
    let (code, _, stderr) = run(&["check", "--no-such-flag"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_missing_claims_directory_exits_2() {
    let (code, _, stderr) = run(&["check", "--claims", "tests/fixtures/does-not-exist"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does-not-exist"), "{stderr}");
}

#[test]
fn read_figure_shows_its_steps() {
    assert_cmd_snapshot!(crosscheck(&[
        "read",
        "figure",
        "2000 亿美元",
        "--lang",
        "zh"
    ]));
}

#[test]
fn read_period_resolves_the_buddhist_era() {
    assert_cmd_snapshot!(crosscheck(&[
        "read",
        "period",
        "ปี 2568",
        "--lang",
        "th",
        "--published",
        "2025-02-07"
    ]));
}

#[test]
fn read_figures_jsonl_answers_each_line_in_order() {
    use std::io::Write;
    let mut child = crosscheck(&["read", "figures", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"text\": \"2000 亿美元\", \"lang\": \"zh\"}\n{\"text\": \"nothing here\", \"lang\": \"en\"}\n{\"text\": \"$ 100 พันล้าน\", \"lang\": \"th\"}\nnot json\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["value"], 2e11);
    assert_eq!(lines[0]["unit"], "USD");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["value"], 1e11);
    assert!(lines[3]["error"].is_string());
}

#[test]
fn read_periods_jsonl() {
    use std::io::Write;
    let mut child = crosscheck(&["read", "periods", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = "{\"text\": \"今年\", \"lang\": \"zh\", \"published\": \"2026-02-12\"}\n{\"text\": \"FY2025\", \"lang\": \"en\", \"published\": \"2025-08-01\", \"entity\": \"Microsoft\"}\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["start"], "2026-01-01");
    assert_eq!(lines[0]["end"], "2026-12-31");
    assert_eq!(lines[1]["start"], "2024-07-01");
    assert_eq!(lines[1]["end"], "2025-06-30");
}

#[test]
fn check_never_modifies_claims() {
    let dir = fixture("contradict");
    let before: Vec<Vec<u8>> = ["daily.yaml", "weekly.yaml"]
        .iter()
        .map(|f| std::fs::read(format!("{}/{dir}/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .collect();
    run(&["check", "--claims", &dir]);
    run(&["report", "--no-write", "--claims", &dir]);
    let after: Vec<Vec<u8>> = ["daily.yaml", "weekly.yaml"]
        .iter()
        .map(|f| std::fs::read(format!("{}/{dir}/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn read_figures_jsonl_keeps_order_over_many_lines() {
    use std::io::Write;
    let mut child = crosscheck(&["read", "figures", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..5000 {
            writeln!(stdin, "{{\"text\": \"{i} million\", \"lang\": \"en\"}}").unwrap();
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let values: Vec<f64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["value"]
                .as_f64()
                .unwrap()
        })
        .collect();
    assert_eq!(values.len(), 5000);
    assert!(values.iter().enumerate().all(|(i, v)| *v == i as f64 * 1e6));
}

#[test]
fn extract_drafts_claims_from_an_article() {
    let (code, stdout, stderr) = run(&[
        "extract",
        "sources/2026-02-wallstreetcn-zh.txt",
        "--lang",
        "zh",
        "--published",
        "2026-02",
        "--publisher",
        "Wall Street CN",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("# DRAFT"), "{stdout}");
    assert!(
        stdout.contains("value: 2000 亿美元\n    period: 今年\n"),
        "{stdout}"
    );
    let (code, _, stderr) = run(&[
        "extract",
        "sources/2026-02-wallstreetcn-zh.txt",
        "--lang",
        "xx",
        "--published",
        "2026-02",
        "--publisher",
        "P",
    ]);
    assert_eq!(code, 2, "an unknown language is a usage error: {stderr}");
}
