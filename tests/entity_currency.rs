//! A currency word several currencies share (`元`) is read as the currency an entity reports in,
//! when its rules declare one; without it, as the word's default.

use crosscheck::rules::Rules;
use std::path::{Path, PathBuf};

const OVERLAY: &str = "entities:\n  TSMC:\n    aliases: [台積電]\n    currency: TWD\n";

const CLAIMS: &str = r#"source:
  publisher: Daily
  published: '2025-01-16'
  lang: zh
claims:
  - {id: yuan, entity: TSMC, metric: revenue, period: 2024年, status: actual, value: 2.89兆元}
  - {id: named, entity: TSMC, metric: revenue, period: 2024年, status: actual, value: 新台幣2.89兆元}
"#;

/// How many contradictions the two claims give under the bundled rules and the overlay.
fn contradictions(overlay: &str) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = vec![root.join("rules")];
    let extra = dir.path().join("rules");
    std::fs::create_dir_all(&extra).expect("rules dir");
    std::fs::write(extra.join("tsmc.yaml"), overlay).expect("overlay");
    dirs.push(extra);
    let claims = dir.path().join("claims");
    std::fs::create_dir_all(&claims).expect("claims dir");
    std::fs::write(claims.join("tsmc.yaml"), CLAIMS).expect("claims");
    let (texts, errors) = crosscheck::files::read_rules(&dirs);
    assert!(errors.is_empty(), "{errors:?}");
    let rules = Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"));
    let (texts, errors) = crosscheck::files::read_claims(&[claims]);
    assert!(errors.is_empty(), "{errors:?}");
    let (corpus, errors) = crosscheck::load::load(texts, &rules);
    assert!(errors.is_empty(), "{errors:?}");
    let report = crosscheck::report::Report::analyse(
        &corpus,
        &rules,
        &Default::default(),
        crosscheck::report::Scope::Findings,
    );
    report
        .findings
        .iter()
        .filter(|f| f.kind == crosscheck::finding::Kind::Contradiction)
        .count()
}

#[test]
fn yuan_said_of_an_entity_reporting_in_new_taiwan_dollars_is_new_taiwan_dollars() {
    assert_eq!(contradictions(OVERLAY), 0);
    // Without the entity's currency, 元 is read as CNY, and the two figures disagree.
    assert_eq!(
        contradictions(&OVERLAY.replace("    currency: TWD\n", "")),
        1
    );
}
