//! `check` and `report` against the parse-only floor, on a generated corpus:
//! `cargo run --release --example gen_corpus -- 100000 target/c100k` then
//! `cargo run --release --example bench_scale -- target/c100k [parse|check|report]`.
//!
//! Each stage runs in its own process (give one stage per run) so that its peak memory (VmHWM,
//! Linux) is its own. Prints the time of each step, claims per second and peak memory per claim.

use crosscheck::check::{Context, CHECKS};
use crosscheck::engine::reconcile;
use crosscheck::estimate::estimate_all;
use crosscheck::load::load;
use crosscheck::relation::evaluate_all;
use crosscheck::report::{Report, Scope};
use crosscheck::rules::Rules;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

// The allocator the command-line binary uses, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A line of `/proc/self/status` in KiB: `VmHWM` (peak) or `VmRSS` (now).
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Counts the bytes written to it: what `check` writes to standard output, and `report` to its
/// files.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The processor time used so far, user and system, in seconds (Linux: `/proc/self/stat`, in
/// ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are the 14th and 15th fields; the 3rd is the first after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Times the steps of one run.
struct Steps {
    start: Instant,
    last: Instant,
    last_cpu: f64,
    lines: Vec<String>,
}

impl Steps {
    fn new() -> Steps {
        let now = Instant::now();
        Steps {
            start: now,
            last: now,
            last_cpu: cpu_seconds(),
            lines: Vec::new(),
        }
    }

    /// Prints the step's time, how many cores it kept busy on average (processor time over
    /// time), and memory.
    fn done(&mut self, step: &str) {
        let (now, cpu) = (Instant::now(), cpu_seconds());
        let secs = (now - self.last).as_secs_f64();
        self.lines.push(format!(
            "  {step:<24} {secs:>8.3} s  {:>4.1} cores  {:>6} MiB resident, {:>6} MiB peak",
            (cpu - self.last_cpu) / secs.max(1e-9),
            status_kib("VmRSS:").unwrap_or(0) / 1024,
            status_kib("VmHWM:").unwrap_or(0) / 1024,
        ));
        (self.last, self.last_cpu) = (now, cpu);
    }
}

#[allow(clippy::print_stdout)]
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/corpus".into()));
    let stage = args.next().unwrap_or_else(|| "check".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Once untimed, so that every stage reads from a warm page cache: otherwise the first stage
    // run after the corpus is written pays for the disk and the comparison says nothing.
    drop(crosscheck::files::read_claims(&[dir.join("claims")]));
    let mut steps = Steps::new();
    // As the command does: the rules are built while the claims files are read (the floor reads
    // the files alone).
    let read = || crosscheck::files::read_claims(&[dir.join("claims")]);
    let build_rules = || {
        let (texts, errors) =
            crosscheck::files::read_rules(&[root.join("rules"), dir.join("rules")]);
        assert!(errors.is_empty());
        Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let ((texts, errors), rules) = match stage.as_str() {
        "parse" => (read(), None),
        _ => {
            let (read, rules) = rayon::join(read, build_rules);
            (read, Some(rules))
        }
    };
    assert!(errors.is_empty(), "{:?}", errors.first());
    steps.done(match rules {
        None => "read files",
        Some(_) => "read files, rules",
    });
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
            steps.done("parse YAML");
        }
        "check" | "report" | "checks" => {
            let rules = rules.unwrap_or_else(build_rules);
            let (corpus, errors) = load(texts, &rules);
            assert!(errors.is_empty(), "{:?}", errors.first());
            claims = corpus.claims.len();
            steps.done("load");
            let reconciled = reconcile(&corpus, &rules);
            steps.done("reconcile");
            let estimates = estimate_all(&corpus, &rules, &reconciled);
            steps.done("estimate");
            let relations = evaluate_all(&corpus, &rules, &reconciled, &estimates.groups);
            steps.done("relations");
            let archives = BTreeMap::new();
            let cx = Context {
                corpus: &corpus,
                rules: &rules,
                reconciled: &reconciled,
                estimates: &estimates.groups,
                reliability: &estimates.reliability,
                relations: &relations,
                archives: &archives,
            };
            if stage == "checks" {
                // Each check alone, to find the slow one.
                for check in CHECKS {
                    let found = check.run(&cx).len();
                    steps.done(&format!("{} ({found})", check.kind().name()));
                }
            }
            let scope = match stage.as_str() {
                "report" => Scope::Full,
                _ => Scope::Findings,
            };
            let report = Report::build(&cx, scope);
            steps.done("build");
            let mut counted = Counted(0);
            if stage == "report" {
                // The three files `crosscheck report` writes, each streamed as it is made.
                use crosscheck::render::{html, json, markdown};
                markdown::write(&report, &mut counted).ok();
                steps.done("render Markdown");
                json::write_report(&report, &mut counted).ok();
                steps.done("render JSON");
                html::write(&report, &mut counted).ok();
                steps.done("render HTML");
            } else {
                crosscheck::render::json::write_check(&report, &mut counted).ok();
                steps.done("render");
            }
            let rendered = counted.0;
            println!(
                "findings: {} ({} bytes rendered)",
                report.findings.len(),
                rendered
            );
        }
        other => panic!("unknown stage {other}: parse, check, checks or report"),
    }
    let secs = steps.start.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM:").unwrap_or(0);
    println!("{}", steps.lines.join("\n"));
    println!(
        "{stage}: {claims} claims in {files} files, {secs:.2} s, {:.0} claims/s, peak {} MiB ({:.0} bytes/claim)",
        claims as f64 / secs,
        peak / 1024,
        peak as f64 * 1024.0 / claims.max(1) as f64
    );
}
