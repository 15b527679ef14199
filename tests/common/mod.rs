//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::Path;

/// Copies a directory tree (the bundled rules into a temporary workspace).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A claims file from one source and claim lines (each a flow mapping).
pub fn claims_file(publisher: &str, published: &str, claims: &[&str]) -> String {
    let mut s = format!(
        "source:\n  publisher: {publisher}\n  published: {published}\n  lang: en\nclaims:\n"
    );
    for c in claims {
        s.push_str(&format!("  - {c}\n"));
    }
    s
}

/// These claims files or directories, loaded with the bundled rules as `report` loads them.
pub struct Loaded {
    pub rules: crosscheck::rules::Rules,
    pub corpus: crosscheck::claim::Corpus,
    pub archives: std::collections::BTreeMap<String, String>,
}

impl Loaded {
    /// The report, built in-process as `report` builds it.
    pub fn report(&self) -> crosscheck::report::Report<'_> {
        crosscheck::report::Report::analyse(
            &self.corpus,
            &self.rules,
            &self.archives,
            crosscheck::report::Scope::Full,
        )
    }
}

pub fn load(claims: &[std::path::PathBuf]) -> Loaded {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (texts, errors) = crosscheck::files::read_rules(&[root.join("rules")]);
    assert!(errors.is_empty(), "{errors:?}");
    let rules = crosscheck::rules::Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"));
    let (texts, errors) = crosscheck::files::read_claims(claims);
    assert!(errors.is_empty(), "{errors:?}");
    let (corpus, errors) = crosscheck::load::load(texts, &rules);
    assert!(errors.is_empty(), "{errors:?}");
    let (archives, errors) = crosscheck::files::read_archives(corpus.archives(), root);
    assert!(errors.is_empty(), "{errors:?}");
    Loaded {
        rules,
        corpus,
        archives,
    }
}
