//! The JSON Schema for claim files (`schema/claims.schema.json`) is kept in sync with the loader:
//! the keys it allows are exactly the keys the loader accepts, and so are the statuses and kinds.

use crosscheck::load::{load, ClaimText};
use crosscheck::rules::Rules;
use std::collections::BTreeSet;
use std::path::Path;

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/claims.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn rules() -> Rules {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (texts, errors) = crosscheck::files::read_rules(&[root]);
    assert!(errors.is_empty());
    Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The keys the loader accepts at one place, from its own "expected one of" message.
fn accepted(rules: &Rules, yaml: &str) -> BTreeSet<String> {
    let (_, errors) = load(
        vec![ClaimText {
            path: "x.yaml".into(),
            text: yaml.into(),
        }],
        rules,
    );
    let message = &errors.first().expect("an unknown key is an error").message;
    let list = message
        .split("expected one of: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{message}"));
    list.split(", ").map(|s| s.trim().to_string()).collect()
}

fn properties(value: &serde_json::Value) -> BTreeSet<String> {
    value["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn strings(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn claim_and_source_keys_match_the_loader() {
    let rules = rules();
    let schema = schema();
    let claim = accepted(&rules, "- id: a\n  zzzz: 1\n");
    assert_eq!(properties(&schema["definitions"]["claim"]), claim);
    let source = accepted(&rules, "source:\n  zzzz: 1\nclaims: []\n");
    assert_eq!(properties(&schema["definitions"]["source"]), source);
    let growth = accepted(&rules, "- id: a\n  growth: {zzzz: 1}\n");
    assert_eq!(
        properties(&schema["definitions"]["claim"]["properties"]["growth"]),
        growth
    );
    let share = accepted(&rules, "- id: a\n  share: {zzzz: 1}\n");
    assert_eq!(
        properties(&schema["definitions"]["claim"]["properties"]["share"]),
        share
    );
    let waiver = accepted(&rules, "- id: a\n  waive: [{zzzz: 1}]\n");
    assert_eq!(
        properties(&schema["definitions"]["claim"]["properties"]["waive"]["items"]),
        waiver
    );
}

#[test]
fn statuses_and_kinds_match() {
    let rules = rules();
    let schema = schema();
    let statuses = accepted(&rules, "- id: a\n  status: zzzz\n");
    assert_eq!(
        strings(&schema["definitions"]["claim"]["properties"]["status"]["enum"]),
        statuses
    );
    let kinds: BTreeSet<String> = crosscheck::finding::Kind::ALL
        .iter()
        .map(|k| k.name().to_string())
        .collect();
    assert_eq!(
        strings(
            &schema["definitions"]["claim"]["properties"]["waive"]["items"]["properties"]["kind"]
                ["enum"]
        ),
        kinds
    );
}
