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
}
