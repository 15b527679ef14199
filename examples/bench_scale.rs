//! `check` and `report` against the parse-only floor, on a generated corpus:
//! `cargo run --release --example gen_corpus -- 100000 target/c100k` then
//! `cargo run --release --example bench_scale -- target/c100k [parse|check|report]`.
//!
//! Each stage runs in its own process (give one stage per run) so that its peak memory (VmHWM,
//! Linux) is its own. Prints claims per second and peak memory per claim.

use crosscheck::load::load;
use crosscheck::report::Report;
use crosscheck::rules::Rules;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[allow(clippy::print_stdout)]
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/corpus".into()));
    let stage = args.next().unwrap_or_else(|| "check".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let start = Instant::now();
    let (texts, errors) = crosscheck::files::read_claims(&[dir.join("claims")]);
    assert!(errors.is_empty(), "{:?}", errors.first());
    let files = texts.len();
    let claims: usize;
    match stage.as_str() {
        // The floor: reading the files and parsing their YAML, nothing else.
        "parse" => {
            use rayon::prelude::*;
            claims = texts
                .par_iter()
                .map(|t| {
                    let v: serde_json::Value = serde_saphyr::from_str(&t.text).expect("YAML");
                    v["claims"].as_array().map_or(0, Vec::len)
                })
                .sum();
        }
        "check" | "report" => {
            let (rule_texts, errors) =
                crosscheck::files::read_rules(&[root.join("rules"), dir.join("rules")]);
            assert!(errors.is_empty());
            let rules = Rules::parse(&rule_texts).unwrap_or_else(|e| panic!("{e:?}"));
            let (corpus, errors) = load(texts, &rules);
            assert!(errors.is_empty(), "{:?}", errors.first());
            let report = Report::analyse(&corpus, &rules, &BTreeMap::new());
            claims = corpus.claims.len();
            let rendered = if stage == "report" {
                crosscheck::render::markdown::report(&report).len()
                    + crosscheck::render::json::report(&report).len()
            } else {
                crosscheck::render::json::check(&report).len()
            };
            println!(
                "findings: {} ({} bytes rendered)",
                report.findings.len(),
                rendered
            );
        }
        other => panic!("unknown stage {other}: parse, check or report"),
    }
    let secs = start.elapsed().as_secs_f64();
    let peak = peak_kib().unwrap_or(0);
    println!(
        "{stage}: {claims} claims in {files} files, {secs:.2} s, {:.0} claims/s, peak {} MiB ({:.0} bytes/claim)",
        claims as f64 / secs,
        peak / 1024,
        peak as f64 * 1024.0 / claims.max(1) as f64
    );
}
