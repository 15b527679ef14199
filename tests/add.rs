//! `crosscheck add` end to end: from flags, from scripted prompts, refusing new errors, creating a
//! file, and keeping every byte a file full of comments already held.

mod common;

use insta_cmd::get_cargo_bin;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const COMMENTED: &str = r#"# The Daily Ledger's figures.   Reviewed by: the desk.
source:
  publisher: Daily Ledger   # the print edition
  published: 2025-02-07
  lang: en

claims:
    # Jassy's plan, as the paper wrote it.
    - id: amazon-capex-2025-daily
      entity: 'Amazon'          # quoted on purpose
      metric: capex
      period: 2025
      status: plan
      value: "$100 billion"

# End of file: keep this comment.
"#;

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    common::copy_dir(&rules, &dir.path().join("rules"));
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("claims").join(name), text).unwrap();
    }
    dir
}

fn add(dir: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(dir)
        .arg("add")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn flags_append_and_keep_every_byte_of_a_commented_file() {
    let dir = workspace(&[("daily.yaml", COMMENTED)]);
    let (code, stdout, stderr) = add(
        dir.path(),
        &[
            "--file",
            "claims/daily.yaml",
            "--entity",
            "Amazon",
            "--metric",
            "capex",
            "--value",
            "$200 billion",
            "--period",
            "2026",
            "--status",
            "plan",
            "--id",
            "amazon-capex-2026-daily",
        ],
        "",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("200e9") || stdout.contains("199.5e9"),
        "the reading is shown: {stdout}"
    );
    let after = std::fs::read_to_string(dir.path().join("claims/daily.yaml")).unwrap();
    let added = "    - id: amazon-capex-2026-daily\n      entity: Amazon\n      metric: capex\n      value: \"$200 billion\"\n      period: \"2026\"\n      status: plan\n";
    assert!(after.contains(added), "{after}");
    assert_eq!(
        after.replacen(added, "", 1),
        COMMENTED,
        "every other byte is kept"
    );
    // The result loads and checks cleanly.
    let check = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn scripted_prompts_fill_what_flags_leave_out() {
    let dir = workspace(&[("daily.yaml", COMMENTED)]);
    let answers = "Amazn\nAmazon\ncapx\ncapex\n$26.3 billion\nQ4 2024\nactual\nAmazon spent $26.3 billion in the fourth quarter.\n";
    let (code, stdout, stderr) = add(
        dir.path(),
        &["--file", "claims/daily.yaml", "--interactive"],
        answers,
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("did you mean `Amazon`?"), "{stderr}");
    assert!(stderr.contains("did you mean `capex`?"), "{stderr}");
    let after = std::fs::read_to_string(dir.path().join("claims/daily.yaml")).unwrap();
    assert!(
        after.contains("value: \"$26.3 billion\"\n      period: Q4 2024\n      status: actual\n"),
        "{after}"
    );
    assert!(
        after.contains("- id: amazon-capex-q4-2024-daily-ledger\n"),
        "a generated id: {after}"
    );
}

#[test]
fn a_claim_that_contradicts_is_refused_unless_forced() {
    let dir = workspace(&[("daily.yaml", COMMENTED)]);
    let args = [
        "--file",
        "claims/daily.yaml",
        "--entity",
        "Amazon",
        "--metric",
        "capex",
        "--value",
        "$130 billion",
        "--period",
        "2025",
        "--status",
        "plan",
    ];
    let (code, stdout, _) = add(dir.path(), &args, "");
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("[contradiction]"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claims/daily.yaml")).unwrap(),
        COMMENTED
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let (code, stdout, _) = add(dir.path(), &forced, "");
    assert_eq!(code, 0, "{stdout}");
    assert_ne!(
        std::fs::read_to_string(dir.path().join("claims/daily.yaml")).unwrap(),
        COMMENTED
    );
}

#[test]
fn unknown_names_exit_2_with_a_suggestion() {
    let dir = workspace(&[("daily.yaml", COMMENTED)]);
    let (code, _, stderr) = add(
        dir.path(),
        &[
            "--file",
            "claims/daily.yaml",
            "--entity",
            "Amazon",
            "--metric",
            "revenu",
            "--value",
            "$1 billion",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `revenue`?"), "{stderr}");
}

#[test]
fn new_source_creates_a_file_that_loads() {
    let dir = workspace(&[]);
    let (code, stdout, stderr) = add(
        dir.path(),
        &[
            "--file",
            "claims/wscn.yaml",
            "--new-source",
            "--publisher",
            "Wall Street CN",
            "--published",
            "2026-02-12",
            "--lang",
            "zh",
            "--entity",
            "亚马逊",
            "--metric",
            "capex",
            "--value",
            "2000 亿美元",
            "--period",
            "今年",
            "--status",
            "plan",
        ],
        "",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("2026"),
        "the period is read against the date: {stdout}"
    );
    let text = std::fs::read_to_string(dir.path().join("claims/wscn.yaml")).unwrap();
    assert!(
        text.starts_with("source:\n  publisher: Wall Street CN\n"),
        "{text}"
    );
    let check = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
