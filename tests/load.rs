//! Loading at scale and under abuse: every error of a thousand files, and no panic on any text.

use crosscheck::load::{load, ClaimText};
use crosscheck::rules::{Rules, RulesText};
use proptest::prelude::*;
use std::path::Path;

fn bundled_rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(read_bundled_rules)
}

fn read_bundled_rules() -> Rules {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (texts, errors) = crosscheck::files::read_rules(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
}

fn claim_file(i: usize, metric: &str) -> ClaimText {
    ClaimText {
        path: format!("claims/{i:04}.yaml"),
        text: format!(
            "source:\n  publisher: Outlet {i}\n  published: 2025-02-07\n  lang: en\nclaims:\n  - id: claim-{i}\n    entity: Amazon\n    metric: {metric}\n    period: 2025\n    value: $100 billion\n"
        ),
    }
}

#[test]
fn a_thousand_broken_files_report_a_thousand_errors() {
    let rules = bundled_rules();
    let files: Vec<ClaimText> = (0..1000).map(|i| claim_file(i, "capx")).collect();
    let (corpus, errors) = load(files, rules);
    assert_eq!(errors.len(), 1000);
    assert!(corpus.claims.is_empty());
    assert!(
        errors.iter().all(|e| e.line == 8 && e.column == 13),
        "{:?}",
        errors[0]
    );
    assert_eq!(errors[999].file, "claims/0999.yaml");
}

#[test]
fn a_thousand_good_files_load() {
    let rules = bundled_rules();
    let files: Vec<ClaimText> = (0..1000).map(|i| claim_file(i, "capex")).collect();
    let (corpus, errors) = load(files, rules);
    assert!(errors.is_empty(), "{:?}", errors.first());
    assert_eq!(corpus.claims.len(), 1000);
    assert_eq!(corpus.sources.len(), 1000);
}

#[test]
fn rules_errors_name_the_file_and_suggest() {
    let texts = vec![RulesText {
        relative: "policy.yaml".into(),
        display: "our-rules/policy.yaml".into(),
        text: "policy:\n  severity:\n    single-orgin: warning\n".into(),
    }];
    let errors = Rules::parse(&texts)
        .err()
        .expect("an unknown kind is an error");
    assert_eq!(errors[0].file, "our-rules/policy.yaml");
    assert_eq!(errors[0].line, 3);
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `single-origin`?")
    );
}

#[test]
fn an_alias_bomb_is_refused_not_expanded() {
    let rules = bundled_rules();
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        let prev = i - 1;
        text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
    }
    let (_, errors) = load(
        vec![ClaimText {
            path: "bomb.yaml".into(),
            text,
        }],
        rules,
    );
    assert_eq!(errors.len(), 1);
}

#[test]
fn deep_nesting_is_refused() {
    let rules = bundled_rules();
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (_, errors) = load(
        vec![ClaimText {
            path: "deep.yaml".into(),
            text,
        }],
        rules,
    );
    assert_eq!(errors.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_text_makes_the_loader_panic(text in "\\PC*") {
        let rules = bundled_rules();
        let _ = load(vec![ClaimText { path: "x.yaml".into(), text }], rules);
    }

    #[test]
    fn no_yaml_like_text_makes_the_loader_panic(
        lines in proptest::collection::vec("( {0,4})(id|entity|metric|value|period|source|claims|-|:|\\[|\\{|&a|\\*a|\"|')[ -~]{0,20}", 0..20)
    ) {
        let rules = bundled_rules();
        let _ = load(vec![ClaimText { path: "x.yaml".into(), text: lines.join("\n") }], rules);
    }
}
