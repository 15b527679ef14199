//! Writes `reports/index.html` (and `reports/claimreview.json`) for the bundled claims, built
//! in-process: `cargo run --example write_html -- [CLAIMS_DIR...]`. Run from the repository root.

use crosscheck::check::Context;
use crosscheck::engine::reconcile;
use crosscheck::estimate::estimate_all;
use crosscheck::files::{read_archives, read_claims, read_rules};
use crosscheck::load::load;
use crosscheck::relation::evaluate_all;
use crosscheck::render::{claimreview, html};
use crosscheck::report::Report;
use crosscheck::rules::Rules;
use std::path::{Path, PathBuf};

#[allow(clippy::print_stderr)]
fn main() {
    let mut claims: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if claims.is_empty() {
        claims.push(PathBuf::from("claims"));
    }
    let (texts, errors) = read_rules(&[PathBuf::from("rules")]);
    assert!(errors.is_empty(), "{errors:?}");
    let rules = Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"));
    let (texts, errors) = read_claims(&claims);
    assert!(errors.is_empty(), "{errors:?}");
    let (corpus, errors) = load(texts, &rules);
    assert!(errors.is_empty(), "{errors:?}");
    let reconciled = reconcile(&corpus, &rules);
    let estimates = estimate_all(&corpus, &rules, &reconciled);
    let relations = evaluate_all(&corpus, &rules, &reconciled, &estimates.groups);
    let archived = corpus.claims.iter().filter_map(|c| {
        let source = corpus.source_of(c);
        source
            .archive
            .as_deref()
            .map(|a| (a, c.location.file.as_str()))
    });
    let (archives, errors) = read_archives(archived, Path::new("."));
    assert!(errors.is_empty(), "{errors:?}");
    let cx = Context {
        corpus: &corpus,
        rules: &rules,
        reconciled: &reconciled,
        estimates: &estimates.groups,
        reliability: &estimates.reliability,
        relations: &relations,
        archives: &archives,
    };
    let report = Report::build(&cx);
    std::fs::create_dir_all("reports").expect("reports/ can be created");
    std::fs::write("reports/index.html", html::render(&report)).expect("index.html written");
    std::fs::write(
        "reports/claimreview.json",
        claimreview::render_with(
            &report,
            &claimreview::Options {
                date: "2026-01-01",
                base_url: None,
            },
        ),
    )
    .expect("claimreview.json written");
    eprintln!("wrote reports/index.html and reports/claimreview.json");
}
