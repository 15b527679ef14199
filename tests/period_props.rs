//! Property tests: the reader never panics, and what it reads is a well-formed span.

use crosscheck::period::{read_period, FiscalCalendar, PeriodLang, PeriodLangFile, Published};
use proptest::prelude::*;
use std::sync::OnceLock;

const LANGS: [&str; 10] = ["en", "ru", "zh", "bg", "pl", "th", "de", "es", "fr", "it"];

fn langs() -> &'static Vec<PeriodLang> {
    static LANGS_BUILT: OnceLock<Vec<PeriodLang>> = OnceLock::new();
    LANGS_BUILT.get_or_init(|| {
        let load = |code: &str| {
            let path = format!(
                "{}/rules/lang/{code}/periods.yaml",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).expect("bundled rules");
            serde_saphyr::from_str::<PeriodLangFile>(&text).expect("valid rules")
        };
        let common = load("common");
        LANGS
            .iter()
            .map(|code| PeriodLang::build(&[&common, &load(code)]).expect("builds"))
            .collect()
    })
}

/// 512 cases, or as many as `PROPTEST_CASES` says.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(512)
}

fn published() -> impl Strategy<Value = Published> {
    prop_oneof![
        (-5i32..10_005).prop_map(Published::Year),
        (-5i32..10_005, 0u32..14).prop_map(|(y, m)| Published::Month(y, m)),
        (1i32..9_999, 1u32..13, 1u32..29).prop_map(|(y, m, d)| {
            Published::Day(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
        }),
    ]
}

/// Pieces period-like text is made of, so that many generated strings read.
const PIECES: &[&str] = &[
    "2025",
    "2568",
    "๒๕๖๘",
    "24",
    "Q4",
    "q",
    "H1",
    "FY",
    "fiscal",
    "by",
    "the end of",
    "in",
    "-",
    "–",
    "..",
    "/",
    "'",
    "to",
    "March",
    "марта",
    "март",
    "年",
    "月",
    "第",
    "四",
    "季度",
    "去年",
    "上个月",
    "ปี",
    "ไตรมาสที่",
    "พ.ศ.",
    "квартал",
    "года",
    "г.",
    "в",
    "до",
    "к концу",
    "w",
    "roku",
    "kwartał",
    "IV",
    "trimestre",
    "de",
    "T4",
    "Quartal",
    "4.",
    "bis",
    "d'ici",
    "entro",
    "last year",
    "this quarter",
    "next",
    "14",
    "03",
    "12",
    "31",
    "29",
    "02",
    "0",
    "9999",
    "0000",
    " ",
    "  ",
    ".",
    ",",
    "财年",
    "ปีงบประมาณ",
    "from",
    "between",
    "and",
    "since",
    "以来",
    "dernier",
    "mars",
    "9M",
    "nine months",
    "first",
    "this fiscal year",
    "FY2024/25",
    "9 เดือนแรก",
    "CY",
];

fn period_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..8).prop_map(|v| v.join(" "))
}

fn check(text: &str, lang: usize, published: Published, month: u32) -> Result<(), TestCaseError> {
    let lang = &langs()[lang];
    let calendar = FiscalCalendar { start_month: month };
    if let Ok(p) = read_period(text, lang, published, calendar) {
        prop_assert!(p.start <= p.end, "{text:?}: {} > {}", p.start, p.end);
        prop_assert!(!p.steps.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn never_panics_on_any_text(text in any::<String>(), lang in 0..LANGS.len(), published in published(), month in 0u32..14) {
        check(&text, lang, published, month)?;
    }

    #[test]
    fn never_panics_on_period_like_text(text in period_like(), lang in 0..LANGS.len(), published in published(), month in 0u32..14) {
        check(&text, lang, published, month)?;
    }

    #[test]
    fn published_parse_never_panics(s in "\\PC{0,12}") {
        if let Some(p) = Published::parse(&s) {
            let (a, b) = p.span();
            prop_assert!(a <= b);
        }
    }
}

#[test]
fn some_period_like_text_reads() {
    let en = &langs()[0];
    let p = read_period(
        "by the end of Q4 2027",
        en,
        Published::Day(chrono::NaiveDate::from_ymd_opt(2026, 2, 12).expect("date")),
        FiscalCalendar { start_month: 1 },
    )
    .expect("reads");
    assert_eq!(
        p.end,
        chrono::NaiveDate::from_ymd_opt(2027, 12, 31).expect("date")
    );
}
