//! A group of 10,000 claims on one figure, checked: `cargo run --release --example bench_group`.
//!
//! Three corpora, each analysed in full (read, reconcile, estimate, relate, check, order the
//! tables), then rendered as `report` writes them (Markdown, JSON, HTML):
//! - `one figure`: 10,000 claims of Amazon's 2025 capex from 2,000 origins, 1% of them off by 30%;
//! - `two periods`: 10,000 claims of one figure for 2024 and 10,000 of the same figure for 2025,
//!   all from one origin, so that `period-drift` must look at every pair and find none (its worst
//!   case: it is quadratic in the two groups' sizes);
//! - `revisions`: 10,000 plans for one figure, each document a day newer and a little higher.
//!
//! Prints the time of each and the findings by kind; a group of 10,000 should be checked in well
//! under a second.

use crosscheck::load::{load, ClaimText};
use crosscheck::report::{Report, Scope};
use crosscheck::rules::Rules;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One claims file per claim, each from its own document.
fn corpus(n: usize, claim: impl Fn(usize) -> (String, String, String)) -> Vec<ClaimText> {
    (0..n)
        .map(|i| {
            let (origin, published, line) = claim(i);
            let mut text = format!(
                "source:\n  publisher: {origin}\n  published: {published}\n  lang: en\nclaims:\n"
            );
            writeln!(
                text,
                "  - {{id: c{i}, entity: Amazon, metric: capex, {line}}}"
            )
            .ok();
            ClaimText {
                path: format!("claims/c{i}.yaml"),
                text,
            }
        })
        .collect()
}

fn day(i: usize) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
        + chrono::Duration::days((i % 700) as i64);
    date.to_string()
}

#[allow(clippy::print_stdout)]
fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (rule_texts, errors) = crosscheck::files::read_rules(&[root.join("rules")]);
    assert!(errors.is_empty());
    let rules = Rules::parse(&rule_texts).unwrap_or_else(|e| panic!("{e:?}"));
    let n = 10_000;
    let cases: Vec<(&str, Vec<ClaimText>)> = vec![
        (
            "one figure",
            corpus(n, |i| {
                let value = if i % 100 == 7 { 130 } else { 100 };
                (
                    format!("Outlet {}", i % 2000),
                    "2026-02-07".into(),
                    format!("period: 2025, status: actual, value: ${value} billion"),
                )
            }),
        ),
        (
            "two periods",
            corpus(2 * n, |i| {
                (
                    "Outlet 0".into(),
                    "2026-02-07".into(),
                    format!(
                        "period: {}, status: actual, value: $100 billion",
                        2024 + i % 2
                    ),
                )
            }),
        ),
        (
            "revisions",
            corpus(n, |i| {
                (
                    format!("Outlet {}", i % 2000),
                    day(i),
                    format!(
                        "period: 2027, status: plan, value: ${} billion",
                        100 + i / 100
                    ),
                )
            }),
        ),
    ];
    for (name, texts) in cases {
        let claims = texts.len();
        let (corpus, errors) = load(texts, &rules);
        assert!(errors.is_empty(), "{:?}", errors.first());
        let start = Instant::now();
        let report = Report::analyse(&corpus, &rules, &BTreeMap::new(), Scope::Full);
        let secs = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let mut rendered = Vec::new();
        crosscheck::render::markdown::write(&report, &mut rendered).ok();
        crosscheck::render::json::write_report(&report, &mut rendered).ok();
        crosscheck::render::html::write(&report, &mut rendered).ok();
        let render_secs = start.elapsed().as_secs_f64();
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &report.findings {
            *kinds.entry(f.kind.name()).or_default() += 1;
        }
        println!(
            "{name}: {claims} claims in {} group(s), analysed in {secs:.3} s, rendered ({} MB) in \
             {render_secs:.3} s; findings {kinds:?}",
            report.groups.len(),
            rendered.len() / 1_000_000
        );
    }
}
