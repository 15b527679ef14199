//! Times `read_period` on 1 KB, 100 KB and 1 MB inputs, to show reading time grows linearly.
//!
//! `cargo run --release --example bench_period`
#![allow(clippy::print_stdout)]

use crosscheck::period::{read_period, FiscalCalendar, PeriodLang, PeriodLangFile, Published};
use std::time::{Duration, Instant};

fn load(code: &str) -> PeriodLangFile {
    let path = format!(
        "{}/rules/lang/{code}/periods.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("bundled rules");
    serde_saphyr::from_str(&text).expect("valid rules")
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// Median time of reading `text`, over enough runs to take about 0.3 s.
fn time(text: &str, lang: &PeriodLang) -> Duration {
    let published = Published::parse("2026-02-12").expect("date");
    let calendar = FiscalCalendar { start_month: 7 };
    let once = || {
        let t = Instant::now();
        let r = read_period(text, lang, published, calendar);
        std::hint::black_box(&r);
        t.elapsed()
    };
    let first = once();
    let runs = (Duration::from_millis(300).as_nanos() / first.as_nanos().max(1)).clamp(5, 2000);
    let mut times: Vec<Duration> = (0..runs).map(|_| once()).collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let common = load("common");
    let t = Instant::now();
    let en = PeriodLang::build(&[&common, &load("en")]).expect("builds");
    let th = PeriodLang::build(&[&common, &load("th")]).expect("builds");
    let zh = PeriodLang::build(&[&common, &load("zh")]).expect("builds");
    println!(
        "built en ({} forms), th ({} forms), zh ({} forms) in {:?}",
        en.form_count(),
        th.form_count(),
        zh.form_count(),
        t.elapsed()
    );
    let short = [
        ("en", "by the end of Q3 FY2026", &en),
        ("th", "ไตรมาสที่ ๔ ปี ๒๕๖๗", &th),
        ("zh", "去年 11 月", &zh),
    ];
    for (code, text, lang) in short {
        println!("{code} {text:?}: {:?}", time(text, lang));
    }
    // The longest texts read in full (200 characters): the worst the matcher sees.
    for (name, unit, lang) in [
        ("2025- (en)", "2025-", &en),
        ("march  (en)", "march ", &en),
        ("by the end of (en)", "by the end of ", &en),
        ("第四季度 (zh)", "第四季度", &zh),
        ("ปี ๒๕๖๘ (th)", "ปี ๒๕๖๘ ", &th),
    ] {
        let mut text = String::new();
        while text.chars().count() + unit.chars().count() <= 200 {
            text.push_str(unit);
        }
        println!(
            "{name:>22} ×{}: {:?}",
            text.chars().count(),
            time(&text, lang)
        );
    }
    let cases: [(&str, &str, &PeriodLang); 4] = [
        ("junk (en)", "lorem ipsum dolor sit amet ", &en),
        ("period-like (en)", "Q4 2024 by the end of ", &en),
        ("thai digits (th)", "ปี ๒๕๖๘ ", &th),
        ("one long number (zh)", "2", &zh),
    ];
    let sizes = [1usize << 10, 100 << 10, 1 << 20];
    for (name, unit, lang) in cases {
        let times: Vec<Duration> = sizes
            .iter()
            .map(|&n| time(&repeat_to(unit, n), lang))
            .collect();
        println!(
            "{name:>22}: 1 KB {:>10.1?}  100 KB {:>10.1?}  1 MB {:>10.1?}  ratios 100K/1K {:>6.1} (size ×100)  1M/100K {:>5.1} (size ×10.24)",
            times[0],
            times[1],
            times[2],
            times[1].as_secs_f64() / times[0].as_secs_f64(),
            times[2].as_secs_f64() / times[1].as_secs_f64(),
        );
    }
}
