//! The CI formats on a contradicting corpus: SARIF 2.1.0 (checked against the schema's types),
//! JUnit XML, and GitHub annotations with their escaping.

use insta_cmd::get_cargo_bin;
use std::process::Command;

fn check(format: &str) -> (i32, String) {
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "--format",
            format,
            "--claims",
            "tests/fixtures/contradict",
        ])
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn sarif_has_the_required_structure() {
    let (code, text) = check("sarif");
    assert_eq!(code, 1);
    // The schema's own types (serde-sarif is generated from the SARIF 2.1.0 schema).
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("a SARIF 2.1.0 log");
    assert_eq!(serde_json::to_value(&log.version).unwrap(), "2.1.0");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let run = &json["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "crosscheck");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()));
        assert!(["error", "warning", "note", "none"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 2, "one location per claim involved");
        for l in locations {
            let p = &l["physicalLocation"];
            assert!(p["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with(".yaml"));
            assert!(p["region"]["startLine"].as_u64().unwrap() >= 1);
            assert!(p["region"]["startColumn"].as_u64().unwrap() >= 1);
        }
    }
}

#[test]
fn junit_has_a_failing_case_per_contradicting_group() {
    let (code, text) = check("junit");
    assert_eq!(code, 1);
    assert!(text.starts_with("<?xml"));
    assert_eq!(text.matches("<testcase ").count(), 1, "{text}");
    assert_eq!(text.matches("<failure ").count(), 1, "{text}");
    assert!(text.contains("failures=\"1\""), "{text}");
}

#[test]
fn github_annotations_escape_newlines_and_commas() {
    let (code, text) = check("github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "one line per annotation, newlines escaped: {text}"
    );
    let line = lines[0];
    assert!(line.starts_with("::error file=tests/fixtures/contradict/weekly.yaml,line=6,col=9,title=crosscheck contradiction::"), "{line}");
    assert!(
        line.contains("%0A"),
        "the explanation follows on escaped newlines: {line}"
    );
}

#[test]
fn the_step_summary_gets_the_full_report() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "--format",
            "github",
            "--claims",
            "tests/fixtures/contradict",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(summary).unwrap();
    assert!(
        text.contains("# crosscheck report") && text.contains("| Period |"),
        "{text}"
    );
}

#[test]
fn export_csv_has_one_row_per_claim() {
    let out = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[0], "id");
    assert!(header.contains(&"best_value".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let claims = Command::new(get_cargo_bin("crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&claims.stdout).unwrap();
    assert_eq!(rows.len() as u64, json["claims"].as_u64().unwrap());
    let thai = rows
        .iter()
        .find(|r| &r[0] == "amazon-capex-2025-plan-cryptopolitan")
        .unwrap();
    assert_eq!(&thai[3], "2025-01-01");
    assert_eq!(thai[5].parse::<f64>().unwrap(), 1e11);
}

/// The Parquet export holds the CSV export's rows, typed: read back with the parquet crate's own
/// reader, every column of every row equals the CSV's.
#[test]
fn export_parquet_matches_the_csv() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let run = |args: &[&str]| {
        let out = Command::new(get_cargo_bin("crosscheck"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claims.parquet");
    run(&[
        "export",
        "--format",
        "parquet",
        "--out",
        file.to_str().unwrap(),
    ]);
    let csv = run(&["export", "--format", "csv"]);
    let mut csv = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    let csv_rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();

    let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), csv_rows.len());
    assert!(rows.len() > 50, "the bundled claims: {}", rows.len());
    for (row, expected) in rows.iter().zip(&csv_rows) {
        let names: Vec<&str> = row.get_column_iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, header);
        for ((name, field), want) in row.get_column_iter().zip(expected) {
            let got = match field {
                Field::Null => String::new(),
                Field::Str(s) => s.clone(),
                Field::Double(v) => v.to_string(),
                Field::Date(days) => (chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
                    + chrono::Duration::days(i64::from(*days)))
                .to_string(),
                other => panic!("{name}: unexpected {other:?}"),
            };
            assert_eq!(got, want, "{name} of {}", &expected[0]);
        }
    }
}
