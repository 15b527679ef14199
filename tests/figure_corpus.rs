//! Runs the public figure corpus (`tests/data/figures/`, with its NOTICE) through the reader
//! with the bundled rules.
//!
//! Fails below 95% overall or 90% in any language. Rows judged wrong are listed in
//! `tests/data/figure-corpus-disputed.yaml` (text, lang, reason) and reported, not counted.
#![allow(clippy::print_stdout)]

use crosscheck::figure::{read_figure, Approx, FigureLang, FigureLangFile};
use serde::Deserialize;
use std::collections::BTreeMap;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/figures/public.jsonl"
);
const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lang");
const DISPUTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/figure-corpus-disputed.yaml"
);

#[derive(Deserialize)]
struct Row {
    lang: String,
    text: String,
    value: f64,
    unit: Option<String>,
    approx: Option<Approx>,
    #[serde(default)]
    value_max: Option<f64>,
}

#[derive(Deserialize)]
struct Disputed {
    text: String,
    lang: String,
    reason: String,
}

fn load_file(path: &str) -> FigureLangFile {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str::<FigureLangFile>(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn load_lang(code: &str) -> FigureLang {
    let common = load_file(&format!("{RULES}/common/figures.yaml"));
    let lang = load_file(&format!("{RULES}/{code}/figures.yaml"));
    FigureLang::build(&[&common, &lang]).unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

#[test]
fn corpus() {
    let corpus = match std::fs::read_to_string(CORPUS) {
        Ok(c) => c,
        Err(e) => panic!("{CORPUS}: {e}"),
    };
    let disputed: Vec<Disputed> =
        serde_saphyr::from_str(&std::fs::read_to_string(DISPUTED).unwrap()).unwrap();
    let mut langs: BTreeMap<String, FigureLang> = BTreeMap::new();
    // lang → (right, total, disputed)
    let mut table: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut used = vec![false; disputed.len()];
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let row: Row = serde_json::from_str(line).unwrap();
        let lang = langs
            .entry(row.lang.clone())
            .or_insert_with(|| load_lang(&row.lang));
        let slot = table.entry(row.lang.clone()).or_default();
        if let Some(k) = disputed
            .iter()
            .position(|d| d.text == row.text && d.lang == row.lang)
        {
            used[k] = true;
            slot.2 += 1;
            continue;
        }
        slot.1 += 1;
        let got = read_figure(&row.text, lang);
        let ok = match &got {
            Ok(f) => {
                let value_ok = match (row.approx, row.value_max, f.ends) {
                    (Some(Approx::Range), Some(max), Some((a, b))) => {
                        close(a, row.value) && close(b, max)
                    }
                    (Some(Approx::Range), _, _) => false,
                    _ => close(f.value, row.value),
                };
                value_ok && f.unit == row.unit && f.approx == row.approx
            }
            Err(_) => false,
        };
        if ok {
            slot.0 += 1;
        } else {
            failures.push(format!(
                "{} | {} | want {} {:?} {:?} {:?} | got {}",
                row.lang,
                row.text,
                row.value,
                row.value_max,
                row.unit,
                row.approx,
                match got {
                    Ok(f) => format!("{} {:?} {:?} {:?}", f.value, f.ends, f.unit, f.approx),
                    Err(e) => format!("error: {e}"),
                }
            ));
        }
    }
    println!("\nfailures ({}):", failures.len());
    for f in &failures {
        println!("  {f}");
    }
    println!("\ndisputed rows (not counted):");
    for (d, u) in disputed.iter().zip(&used) {
        println!(
            "  {} | {} | {}{}",
            d.lang,
            d.text,
            d.reason,
            if *u { "" } else { " (not in corpus)" }
        );
    }
    println!(
        "\n{:<6} {:>6} {:>6} {:>7} {:>9}",
        "lang", "right", "total", "%", "disputed"
    );
    let (mut r, mut t) = (0, 0);
    let mut worst = 100.0f64;
    for (l, (right, total, disp)) in &table {
        let pct = 100.0 * *right as f64 / (*total).max(1) as f64;
        worst = worst.min(pct);
        println!("{l:<6} {right:>6} {total:>6} {pct:>6.1}% {disp:>9}");
        r += right;
        t += total;
    }
    let overall = 100.0 * r as f64 / t.max(1) as f64;
    println!("{:<6} {r:>6} {t:>6} {overall:>6.1}%", "all");
    assert!(overall >= 95.0, "overall {overall:.1}% < 95%");
    assert!(worst >= 90.0, "a language is below 90%: {worst:.1}%");
}
