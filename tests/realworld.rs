//! The real-world development sets of `tests/realworld/` (see its README): period and amount
//! phrases copied verbatim from real news pages, with the reading a careful reader gives, decided
//! by hand; and claims from real pages with what a careful fact-checker expects of them.
//!
//! `cargo test --test realworld -- --nocapture` prints the share read right by language, the
//! share of expectations held, and every miss with its reason. `REALWORLD_SPLIT=dev` or
//! `=holdout` measures one half of the phrases only.
#![allow(clippy::print_stdout)]

use chrono::NaiveDate;
use crosscheck::figure::{read_figure, Approx, Figure};
use crosscheck::period::{read_period, FiscalCalendar, Period, Published};
use crosscheck::rules::Rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realworld");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseFile {
    language: String,
    pages: Vec<Page>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    url: String,
    published: String,
    split: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    periods: Vec<PeriodPhrase>,
    #[serde(default)]
    amounts: Vec<AmountPhrase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodPhrase {
    text: String,
    sentence: String,
    expect: String,
    #[serde(default)]
    fiscal_start: Option<u32>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountPhrase {
    text: String,
    sentence: String,
    expect: Amount,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amount {
    value: f64,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    approx: Option<Approx>,
}

fn rules(extra: &[&str]) -> Rules {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = vec![root.join("rules")];
    dirs.extend(extra.iter().map(|d| root.join(d)));
    let (texts, errors) = crosscheck::files::read_rules(&dirs);
    assert!(errors.is_empty(), "{errors:?}");
    Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `2025`, `2025-Q1`, `2025-H1`, `2025-03`, `2025-03-14` or `START..END`.
fn expected_span(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once("..") {
        let a = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").ok()?;
        let b = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").ok()?;
        return Some((a, b));
    }
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let end_of = |y: i32, m: u32| {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        ymd(ny, nm, 1)?.pred_opt()
    };
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
        [_, q] if q.starts_with('Q') => {
            let q: u32 = q[1..].parse().ok()?;
            Some((ymd(y, 3 * q - 2, 1)?, end_of(y, 3 * q)?))
        }
        [_, h] if h.starts_with('H') => {
            let h: u32 = h[1..].parse().ok()?;
            Some((ymd(y, 6 * h - 5, 1)?, end_of(y, 6 * h)?))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            Some((ymd(y, m, 1)?, end_of(y, m)?))
        }
        [_, m, d] => {
            let day = ymd(y, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Why a figure is not the expected reading, or None when it is.
fn amount_miss(f: &Figure, want: &Amount) -> Option<String> {
    let unit = want.unit.as_deref().filter(|u| *u != "~");
    let (lo, hi) = match (want.max, f.ends) {
        (Some(max), Some((a, b))) => {
            if close(a, want.value) && close(b, max) {
                (true, true)
            } else {
                return Some(format!(
                    "read the range {a}..{b}, not {}..{max}",
                    want.value
                ));
            }
        }
        (Some(max), None) => {
            return Some(format!(
                "read {} (no range), not {}..{max}",
                f.value, want.value
            ))
        }
        (None, _) => (close(f.value, want.value), true),
    };
    if !(lo && hi) {
        return Some(format!("read the value {}, not {}", f.value, want.value));
    }
    if f.unit.as_deref() != unit {
        return Some(format!(
            "read the unit {}, not {}",
            f.unit.as_deref().unwrap_or("(none)"),
            unit.unwrap_or("(none)")
        ));
    }
    if f.approx != want.approx {
        let name = |a: Option<Approx>| a.map_or("exact", Approx::name);
        return Some(format!(
            "read it as {}, not {}",
            name(f.approx),
            name(want.approx)
        ));
    }
    None
}

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// Reads every phrase of every language; returns (periods, amounts) by language, and the misses.
fn read_phrases(split: Option<&str>) -> (BTreeMap<String, (Tally, Tally)>, Vec<String>) {
    let rules = rules(&[]);
    let mut table: BTreeMap<String, (Tally, Tally)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(SETS).join("phrases"))
        .expect("tests/realworld/phrases")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("phrase file");
        let file: PhraseFile =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lang = &file.language;
        let language = rules
            .languages
            .get(lang)
            .unwrap_or_else(|| panic!("no rules for {lang}"));
        let slot = table.entry(lang.clone()).or_default();
        for page in &file.pages {
            if split.is_some_and(|s| s != page.split) {
                continue;
            }
            let published = Published::parse(&page.published)
                .unwrap_or_else(|| panic!("{}: published {}", page.url, page.published));
            for p in &page.periods {
                assert!(
                    p.sentence.contains(&p.text),
                    "{lang}: «{}» is not in its sentence",
                    p.text
                );
                let want = expected_span(&p.expect)
                    .unwrap_or_else(|| panic!("{lang}: «{}»: expect {}", p.text, p.expect));
                let calendar = FiscalCalendar {
                    start_month: p.fiscal_start.unwrap_or(1),
                };
                slot.0.total += 1;
                match read_period(&p.text, &language.periods, published, calendar) {
                    Ok(Period { start, end, .. }) if (start, end) == want => slot.0.right += 1,
                    Ok(got) => misses.push(format!(
                        "{lang} period «{}» ({}): read {}..{}, expected {} [{}]",
                        p.text, page.published, got.start, got.end, p.expect, page.url
                    )),
                    Err(e) => misses.push(format!(
                        "{lang} period «{}» ({}): not read: {} [{}]",
                        p.text, page.published, e.reason, page.url
                    )),
                }
            }
            for a in &page.amounts {
                assert!(
                    a.sentence.contains(&a.text),
                    "{lang}: «{}» is not in its sentence",
                    a.text
                );
                slot.1.total += 1;
                match read_figure(&a.text, &language.figures) {
                    Ok(f) => match amount_miss(&f, &a.expect) {
                        None => slot.1.right += 1,
                        Some(why) => {
                            misses.push(format!("{lang} amount «{}»: {why} [{}]", a.text, page.url))
                        }
                    },
                    Err(e) => misses.push(format!(
                        "{lang} amount «{}»: not read: {} [{}]",
                        a.text, e.reason, page.url
                    )),
                }
            }
        }
    }
    (table, misses)
}

#[test]
fn phrases_read_right() {
    let split = std::env::var("REALWORLD_SPLIT").ok();
    let (table, misses) = read_phrases(split.as_deref());
    for m in &misses {
        println!("miss: {m}");
    }
    let (mut periods, mut amounts) = (Tally::default(), Tally::default());
    println!("\nlanguage | periods right | amounts right");
    for (lang, (p, a)) in &table {
        println!(
            "{lang:8} | {:4}/{:4} {:6.1}% | {:4}/{:4} {:6.1}%",
            p.right,
            p.total,
            100.0 * p.share(),
            a.right,
            a.total,
            100.0 * a.share()
        );
        periods.right += p.right;
        periods.total += p.total;
        amounts.right += a.right;
        amounts.total += a.total;
    }
    println!(
        "all      | {:4}/{:4} {:6.1}% | {:4}/{:4} {:6.1}%",
        periods.right,
        periods.total,
        100.0 * periods.share(),
        amounts.right,
        amounts.total,
        100.0 * amounts.share()
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    kind: String,
    claims: Vec<String>,
    reason: String,
}

/// Whether an expectation holds against the findings: `consistent` when none of its claims is
/// unreadable and no contradiction, period drift, derived mismatch or unit mismatch sets one of
/// them against another (the finding's first claim is the one it is about: the dissenter, the
/// relation); any other kind when one finding of that kind names every listed claim.
fn holds(e: &Expectation, findings: &[crosscheck::finding::Finding]) -> Result<(), String> {
    let listed = |id: &String| e.claims.contains(id);
    if e.kind == "consistent" {
        for f in findings {
            let kind = f.kind.name();
            if kind == "unreadable" && f.claims.iter().any(listed) {
                return Err(format!("unreadable: {}", f.message));
            }
            let opposing = matches!(
                kind,
                "contradiction" | "period-drift" | "derived-mismatch" | "unit-mismatch"
            );
            if opposing
                && f.claims.first().is_some_and(listed)
                && f.claims.iter().skip(1).any(listed)
            {
                return Err(format!("{kind}: {}", f.message));
            }
        }
        return Ok(());
    }
    let found = findings
        .iter()
        .any(|f| f.kind.name() == e.kind && e.claims.iter().all(|c| f.claims.contains(c)));
    if found {
        return Ok(());
    }
    let near: Vec<String> = findings
        .iter()
        .filter(|f| f.claims.iter().any(listed))
        .map(|f| format!("{}: {}", f.kind.name(), f.message))
        .collect();
    Err(if near.is_empty() {
        "no finding names these claims".into()
    } else {
        format!("instead: {}", near.join(" | "))
    })
}

#[test]
fn claims_meet_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = rules(&["tests/realworld/rules"]);
    let (texts, errors) = crosscheck::files::read_claims(&[root.join("tests/realworld/claims")]);
    assert!(errors.is_empty(), "{errors:?}");
    let (corpus, errors) = crosscheck::load::load(texts, &rules);
    assert!(errors.is_empty(), "{errors:?}");
    let archives = BTreeMap::new();
    let report = crosscheck::report::Report::analyse(
        &corpus,
        &rules,
        &archives,
        crosscheck::report::Scope::Findings,
    );
    let text =
        std::fs::read_to_string(root.join("tests/realworld/expected.yaml")).expect("expected.yaml");
    let expected: Vec<Expectation> = serde_saphyr::from_str(&text).expect("expected.yaml");
    let ids: std::collections::HashSet<&str> =
        corpus.claims.iter().map(|c| c.id.as_str()).collect();
    let mut by_kind: BTreeMap<&str, Tally> = BTreeMap::new();
    for e in &expected {
        for id in &e.claims {
            assert!(
                ids.contains(id.as_str()),
                "expected.yaml names no claim `{id}`"
            );
        }
        let slot = by_kind.entry(e.kind.as_str()).or_default();
        slot.total += 1;
        match holds(e, &report.findings) {
            Ok(()) => slot.right += 1,
            Err(why) => println!(
                "miss: {} [{}]: {why}\n      expected because: {}",
                e.kind,
                e.claims.join(", "),
                e.reason
            ),
        }
    }
    let mut all = Tally::default();
    println!("\nexpectation | held");
    for (kind, t) in &by_kind {
        println!(
            "{kind:16} | {:3}/{:3} {:6.1}%",
            t.right,
            t.total,
            100.0 * t.share()
        );
        all.right += t.right;
        all.total += t.total;
    }
    println!(
        "all              | {:3}/{:3} {:6.1}% ({} claims, {} findings)",
        all.right,
        all.total,
        100.0 * all.share(),
        corpus.claims.len(),
        report.findings.len()
    );
}
