//! ClaimReview JSON-LD: valid JSON, a schema.org `@context`, one `ClaimReview` per checked figure
//! (group with a best estimate) with the fields schema.org and fact-check consumers require.

mod common;

use crosscheck::render::claimreview::{self, Options};
use crosscheck::report::Report;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const OPTIONS: Options = Options {
    date: "2026-03-01",
    base_url: Some("https://example.org/reports/index.html"),
};

fn reviews(report: &Report) -> Vec<Value> {
    let text = claimreview::render_with(report, &OPTIONS);
    let doc: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["@context"], "https://schema.org");
    doc["@graph"].as_array().expect("an @graph").clone()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {v:#}"))
}

/// The properties each type may carry here, all schema.org's.
fn check_types(v: &Value) {
    let allowed: &[(&str, &[&str])] = &[
        (
            "ClaimReview",
            &[
                "url",
                "claimReviewed",
                "datePublished",
                "author",
                "reviewRating",
                "itemReviewed",
                "reviewBody",
            ],
        ),
        ("Claim", &["author", "appearance", "firstAppearance"]),
        (
            "CreativeWork",
            &[
                "headline",
                "url",
                "datePublished",
                "inLanguage",
                "publisher",
                "text",
            ],
        ),
        ("Organization", &["name"]),
        ("Rating", &["alternateName", "ratingExplanation"]),
    ];
    match v {
        Value::Object(map) => {
            let ty = map
                .get("@type")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("no @type in {v:#}"));
            let props = allowed
                .iter()
                .find(|(t, _)| *t == ty)
                .unwrap_or_else(|| panic!("unexpected @type {ty}"))
                .1;
            for (k, child) in map {
                assert!(k == "@type" || props.contains(&k.as_str()), "{ty}.{k}");
                check_types(child);
            }
        }
        Value::Array(items) => items.iter().for_each(check_types),
        _ => {}
    }
}

#[test]
fn one_review_per_checked_figure_with_the_required_fields() {
    let loaded = common::load(&[root().join("claims")]);
    let report = loaded.report();
    let reviews = reviews(&report);
    let checked = report.groups.iter().filter(|g| g.best.is_some()).count();
    assert_eq!(reviews.len(), checked);
    assert!(checked > 0);
    for r in &reviews {
        check_types(r);
        assert_eq!(str_of(r, "@type"), "ClaimReview");
        assert!(!str_of(r, "claimReviewed").is_empty());
        assert!(!str_of(r, "claimReviewed").contains("undated"));
        assert_eq!(str_of(r, "datePublished"), "2026-03-01");
        assert!(str_of(r, "url").starts_with("https://example.org/reports/index.html#claim-"));
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "crosscheck");
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        let verdict = str_of(&r["reviewRating"], "alternateName");
        assert!(
            [
                "consistent",
                "contradiction",
                "revised",
                "drift",
                "single-source"
            ]
            .contains(&verdict),
            "{verdict}"
        );
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        let appearances = item["appearance"].as_array().expect("appearances");
        assert!(!appearances.is_empty());
        for a in appearances {
            assert_eq!(a["publisher"]["@type"], "Organization");
            assert!(!str_of(a, "inLanguage").is_empty());
        }
        assert!(!item["author"].as_array().expect("authors").is_empty());
        assert!(str_of(r, "reviewBody").starts_with(&format!("Verdict: {verdict}.")));
    }
    // The Chinese $200 billion capex plan: both claims appear, relayed from the FT.
    let capex = reviews
        .iter()
        .find(|r| str_of(r, "claimReviewed").starts_with("Amazon, capex, 2026"))
        .expect("Amazon capex 2026");
    assert_eq!(
        str_of(capex, "claimReviewed"),
        "Amazon, capex, 2026 (plan): 200 billion USD"
    );
    assert_eq!(
        capex["itemReviewed"]["appearance"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        capex["itemReviewed"]["author"][0]["name"],
        "Financial Times"
    );
    assert_eq!(capex["itemReviewed"]["appearance"][0]["inLanguage"], "zh");
}

#[test]
fn a_contradiction_names_the_evidence_on_both_sides() {
    let loaded = common::load(&[root().join("tests/kinds/contradiction/fires")]);
    let report = loaded.report();
    let reviews = reviews(&report);
    assert_eq!(reviews.len(), 1);
    let r = &reviews[0];
    assert_eq!(r["reviewRating"]["alternateName"], "contradiction");
    let body = str_of(r, "reviewBody");
    assert!(body.contains("Supporting: "), "{body}");
    assert!(body.contains("Contradicting: "), "{body}");
    assert!(
        body.contains("Daily Ledger") && body.contains("Weekly Courier"),
        "{body}"
    );
    assert!(body.contains("cannot both hold"), "{body}");
}

#[test]
fn the_command_line_dates_reviews_by_source_date_epoch() {
    let out = std::process::Command::new(insta_cmd::get_cargo_bin("crosscheck"))
        .current_dir(root())
        .args([
            "report",
            "--no-write",
            "--format",
            "claimreview",
            "--claims",
            "tests/kinds/revision/fires",
        ])
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["@graph"][0]["datePublished"], "2026-01-01");
    assert_eq!(doc["@graph"][0]["reviewRating"]["alternateName"], "revised");
}
