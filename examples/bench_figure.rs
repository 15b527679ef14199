//! Times the figure reader on 1 KB, 100 KB and 1 MB inputs and prints the ratios, to show that
//! reading time grows linearly with the input.
//!
//! `cargo run --release --example bench_figure`
#![allow(clippy::print_stdout)]

use crosscheck::figure::{find_figures, read_figure, FigureLang, FigureLangFile};
use std::time::{Duration, Instant};

fn load(code: &str) -> FigureLang {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lang");
    let f = |p: String| -> FigureLangFile {
        serde_saphyr::from_str(&std::fs::read_to_string(&p).expect("rules")).expect("yaml")
    };
    let common = f(format!("{root}/common/figures.yaml"));
    let lang = f(format!("{root}/{code}/figures.yaml"));
    FigureLang::build(&[&common, &lang]).expect("build")
}

fn text_of(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn time(mut f: impl FnMut()) -> Duration {
    // best of a few runs
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

fn sizes() -> Vec<usize> {
    match std::env::var("BENCH_SCALE") {
        Ok(s) => {
            let k: usize = s.parse().unwrap_or(1);
            vec![1_000 / k, 100_000 / k, 1_000_000 / k]
        }
        Err(_) => vec![1_000, 100_000, 1_000_000],
    }
}

fn main() {
    let inputs: Vec<(&str, &str, &str)> = vec![
        (
            "en",
            "sentences",
            "Revenue rose 12% to $26.3 billion, about 3 GW more than the 1,250 MW of 2023; ",
        ),
        (
            "zh",
            "sentences",
            "今年投资超过100亿美元，装机约30吉瓦，同比增长3.5个百分点。",
        ),
        (
            "ru",
            "sentences",
            "Инвестиции составили около 1,23 млрд руб., от 60 до 65 млрд долларов. ",
        ),
        (
            "th",
            "sentences",
            "มูลค่า 320 พันล้านเหรียญสหรัฐ ประมาณ 5 กิกะวัตต์ ",
        ),
        ("en", "one long number", "1"),
        ("zh", "number words", "十"),
        ("en", "word soup", "and a "),
        ("de", "compounds", "zweihundertfünfzig "),
        ("en", "dotted digits", "1.2,3"),
        ("ru", "space groups", "1 000 "),
        ("en", "dashes", "1-"),
        ("en", "symbols", "$€%~"),
        ("zh", "mixed pieces", "两千亿美元多几数十点分之到"),
        ("ru", "prefix words", "около от до между "),
        ("en", "long word", "abcdefghij"),
        ("en", "spaces", "about          "),
    ];
    println!(
        "{:<4} {:<16} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "lang", "input", "1 KB", "100 KB", "1 MB", "100K/1K", "1M/100K"
    );
    for (code, what, unit) in inputs {
        let lang = load(code);
        let mut times = Vec::new();
        let mut found = 0;
        for size in sizes() {
            let text = text_of(unit, size);
            times.push(time(|| {
                found = find_figures(&text, &lang).len();
                let _ = read_figure(&text, &lang);
            }));
        }
        let r1 = times[1].as_secs_f64() / times[0].as_secs_f64();
        let r2 = times[2].as_secs_f64() / times[1].as_secs_f64();
        println!(
            "{code:<4} {what:<16} {:>12?} {:>12?} {:>12?} {r1:>10.1} {r2:>10.1}   ({found} figures in 1 MB)",
            times[0], times[1], times[2]
        );
    }
    println!("(linear time: the ratios are near 100 and 10)");
}
