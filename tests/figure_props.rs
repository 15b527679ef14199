//! Property tests: the reader never panics and its intervals are ordered.

use crosscheck::figure::{find_figures, read_figure, FigureLang, FigureLangFile};
use proptest::prelude::*;
use std::sync::OnceLock;

const LANGS: [&str; 10] = ["en", "ru", "zh", "bg", "pl", "th", "de", "es", "fr", "it"];

fn langs() -> &'static Vec<FigureLang> {
    static L: OnceLock<Vec<FigureLang>> = OnceLock::new();
    L.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lang");
        let load = |p: String| -> FigureLangFile {
            serde_saphyr::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
        };
        let common = load(format!("{root}/common/figures.yaml"));
        LANGS
            .iter()
            .map(|c| {
                let l = load(format!("{root}/{c}/figures.yaml"));
                FigureLang::build(&[&common, &l]).unwrap()
            })
            .collect()
    })
}

/// Strings made of the pieces figures are made of, so that the parser goes deep.
fn figureish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "1",
        "26.3",
        "2,5",
        "1 234",
        ".5",
        "-",
        " ",
        "$",
        "€",
        "billion",
        "млрд",
        "亿",
        "万",
        "美元",
        "两千",
        "十",
        "百",
        "点",
        "分之",
        "多",
        "几",
        "数",
        "около",
        "до",
        "от",
        "between",
        "and",
        "about",
        "a",
        "half",
        "and a half",
        "tens of",
        "%",
        "个百分点",
        "GW",
        "吉瓦",
        "ล้าน",
        "พัน",
        "หลาย",
        "จุด",
        "mld",
        "bilion",
        "zł",
        "(",
        ")",
        "/",
        "e9",
        "целых",
        "сотых",
        "point",
        "zwei",
        "hundert",
        "und",
        "zwanzig",
        "mila",
        "cento",
        "元",
        "块",
        "二",
        "零",
        "cents",
        "к",
        "М",
        "to",
        "~",
        "以上",
        "左右",
        "0",
        "000",
        ",",
        "'",
        "\u{202f}",
        "๙",
        "５",
        // the mechanisms of real articles: signs, endings, rates, regional marks, counts
        "+",
        "-те",
        "-ти",
        "петте",
        "стах",
        "兆",
        "上",
        "新台币",
        "每日",
        "/日",
        "桶",
        "﹒",
        "$A",
        "NT$",
        "per day",
        "a barrel",
        "bpd",
        "unidades",
        "человек",
        "(bep)",
        "barriles",
        "al día",
        "dai",
        "ai",
        "point",
        "11,25,000",
        "9'33",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_all(s: &str) {
    for l in langs() {
        if let Ok(f) = read_figure(s, l) {
            assert!(
                f.lo <= f.value && f.value <= f.hi,
                "«{s}» ({}): {} {} {}",
                l.name(),
                f.lo,
                f.value,
                f.hi
            );
        }
        for (r, f) in find_figures(s, l) {
            assert!(s.get(r.clone()).is_some(), "«{s}»: bad range {r:?}");
            assert!(f.lo <= f.value && f.value <= f.hi, "«{s}»: {f:?}");
        }
    }
}

/// Writes `int.frac` the way a language groups and separates digits.
fn write_number(int: u64, frac: &str, group: &str, decimal: &str) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

proptest! {
    // 256 cases unless PROPTEST_CASES says otherwise
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,40}") {
        check_all(&s);
    }

    #[test]
    fn never_panics_on_figure_pieces(s in figureish()) {
        check_all(&s);
    }

    /// Digits written with each language's separators read back to their value, with the
    /// rounding interval of their last digit, scaled by the scale word.
    #[test]
    fn written_numbers_read_back(
        int in 0u64..10_000_000_000,
        frac in "[0-9]{0,3}",
        which in 0usize..4,
        scale in 0usize..3,
    ) {
        // (language index in LANGS, thousands separator, decimal separator, scale words)
        let styles: [(usize, &str, &str, [&str; 3]); 4] = [
            (0, ",", ".", ["", " million", " billion"]),
            (1, "\u{a0}", ",", ["", " млн", " млрд"]),
            (6, ".", ",", ["", " Mio.", " Mrd."]),
            (8, "\u{202f}", ",", ["", " millions", " milliards"]),
        ];
        let (li, group, decimal, words) = styles[which];
        let text = format!("{}{}", write_number(int, &frac, group, decimal), words[scale]);
        let mult = [1.0, 1e6, 1e9][scale];
        let want: f64 = format!("{int}.{}", if frac.is_empty() { "0" } else { &frac }).parse::<f64>().unwrap() * mult;
        let unit = 10f64.powi(-(frac.len() as i32)) * mult;
        let f = read_figure(&text, &langs()[li]).unwrap();
        let tol = 1e-9 * want.abs().max(1.0);
        prop_assert!((f.value - want).abs() <= tol, "{text}: {} != {want}", f.value);
        prop_assert!((f.hi - f.lo - unit).abs() <= tol.max(unit * 1e-6), "{text}: {} .. {}", f.lo, f.hi);
    }
}
