//! Best estimates at scale: 50,000 claims in groups of about ten conflicting sources.
//!
//! `cargo run --release --example bench_estimate -- [CLAIMS]` prints the time of each stage and
//! the share of the whole each takes. Figures only; no assertion (see docs on benchmarks).

use crosscheck::engine::reconcile;
use crosscheck::estimate::estimate_all;
use crosscheck::load::{load, ClaimText};
use crosscheck::relation::evaluate_all;
use crosscheck::rules::Rules;
use std::time::Instant;

#[allow(clippy::print_stdout)]
fn main() {
    let claims: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (texts, errors) = crosscheck::files::read_rules(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    let rules = Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"));

    // One file per source document, ten sources per group, one source in ten off by 30%.
    let per_group = 10;
    let groups = claims / per_group;
    let mut files = Vec::with_capacity(claims);
    for source in 0..per_group {
        let mut text = format!(
            "source:\n  publisher: Outlet {source}\n  published: 2025-06-01\n  lang: en\nclaims:\n"
        );
        for g in 0..groups {
            let base = 10 + (g % 900);
            let value = if (g + source) % per_group == 0 {
                base * 13 / 10
            } else {
                base
            };
            text.push_str(&format!(
                "  - {{id: c-{g}-{source}, entity: Amazon, metric: capex, period: {}, status: actual, value: ${value} million}}\n",
                1000 + g
            ));
        }
        files.push(ClaimText {
            path: format!("claims/outlet-{source}.yaml"),
            text,
        });
    }

    let t0 = Instant::now();
    let (corpus, errors) = load(files, &rules);
    assert!(errors.is_empty(), "{:?}", errors.first());
    let t1 = Instant::now();
    let reconciled = reconcile(&corpus, &rules);
    let t2 = Instant::now();
    let estimates = estimate_all(&corpus, &rules, &reconciled);
    let t3 = Instant::now();
    let relations = evaluate_all(&corpus, &rules, &reconciled, &estimates.groups);
    let t4 = Instant::now();

    let total = (t4 - t0).as_secs_f64();
    let stage = |name: &str, secs: f64| {
        println!("{name:<28} {secs:>8.3} s  {:>5.1}%", 100.0 * secs / total)
    };
    println!(
        "{} claims in {} groups of {per_group}",
        corpus.claims.len(),
        reconciled.groups.len()
    );
    stage("load (YAML + validation)", (t1 - t0).as_secs_f64());
    stage("read figures and periods", (t2 - t1).as_secs_f64());
    stage("best estimates (20 rounds)", (t3 - t2).as_secs_f64());
    stage("relations", (t4 - t3).as_secs_f64());
    println!("{:<28} {total:>8.3} s", "total");
    let supported = estimates
        .groups
        .iter()
        .flatten()
        .filter(|e| e.dissent.len() == 1)
        .count();
    println!(
        "groups whose estimate left exactly the one off source out: {supported} of {}",
        reconciled.groups.len()
    );
    println!("relations evaluated: {}", relations.len());
    for r in estimates.reliability.iter().take(3) {
        println!(
            "  reliability {:<10} {:.3} (agreed {}, disagreed {})",
            r.origin, r.weight, r.agreed, r.disagreed
        );
    }
}
