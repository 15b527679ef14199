//! Unit tests of the period reader against the bundled rules.

use super::*;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

fn load_file(lang: &str) -> PeriodLangFile {
    let path = format!(
        "{}/rules/lang/{lang}/periods.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str::<PeriodLangFile>(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The bundled rules of a language, built once.
pub(crate) fn lang(code: &str) -> PeriodLang {
    static CACHE: OnceLock<Mutex<HashMap<String, PeriodLang>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(l) = cache.lock().unwrap().get(code) {
        return l.clone();
    }
    let common = load_file("common");
    let own = load_file(code);
    let built = PeriodLang::build(&[&common, &own]).unwrap_or_else(|e| panic!("{code}: {e}"));
    cache.lock().unwrap().insert(code.into(), built.clone());
    built
}

const CAL: FiscalCalendar = FiscalCalendar { start_month: 1 };
const MSFT: FiscalCalendar = FiscalCalendar { start_month: 7 };
const ORCL: FiscalCalendar = FiscalCalendar { start_month: 6 };
const NVDA: FiscalCalendar = FiscalCalendar { start_month: 2 };

fn day(s: &str) -> Published {
    Published::parse(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn read_with(
    code: &str,
    text: &str,
    published: &str,
    cal: FiscalCalendar,
) -> Result<Period, PeriodError> {
    read_period(text, &lang(code), day(published), cal)
}

/// Reads `text` in `code` (published 2026-02-12, calendar year) and checks its label and kind.
#[track_caller]
fn check(code: &str, text: &str, want: &str, kind: PeriodKind) {
    check_at(code, text, "2026-02-12", CAL, want, kind)
}

#[track_caller]
fn check_at(
    code: &str,
    text: &str,
    published: &str,
    cal: FiscalCalendar,
    want: &str,
    kind: PeriodKind,
) {
    match read_with(code, text, published, cal) {
        Ok(p) => {
            assert_eq!(
                (p.label(), p.kind),
                (want.to_string(), kind),
                "{code}: {text:?} read as {:#?}",
                p.steps
            );
            assert!(p.start <= p.end);
        }
        Err(e) => panic!("{code}: {text:?} not read: {}", e.reason),
    }
}

#[track_caller]
fn fails(code: &str, text: &str, published: &str, reason_has: &str) {
    match read_with(code, text, published, CAL) {
        Ok(p) => panic!(
            "{code}: {text:?} should fail, read as {} {:?}",
            p.label(),
            p.steps
        ),
        Err(e) => assert!(
            e.reason.contains(reason_has),
            "{code}: {text:?}: reason {:?} lacks {reason_has:?}",
            e.reason
        ),
    }
}

use PeriodKind::*;

#[test]
fn en_basic() {
    check("en", "2025", "2025", Absolute);
    check("en", "in 2025", "2025", Absolute);
    check("en", "Q4 2024", "2024-Q4", Absolute);
    check("en", "2025-Q4", "2025-Q4", Absolute);
    check("en", "4Q24", "2024-Q4", Absolute);
    check("en", "the fourth quarter of 2024", "2024-Q4", Absolute);
    check("en", "H1 2025", "2025-H1", Absolute);
    check("en", "first half of 2025", "2025-H1", Absolute);
    check("en", "March 2025", "2025-03", Absolute);
    check("en", "2025-03", "2025-03", Absolute);
    check("en", "2025-03-14", "2025-03-14", Absolute);
    check("en", "March 14, 2025", "2025-03-14", Absolute);
    check("en", "14 March 2025", "2025-03-14", Absolute);
    check("en", "2025-2027", "2025-01-01..2027-12-31", Absolute);
    check("en", "2025–2027", "2025-01-01..2027-12-31", Absolute);
    check("en", "2024-07..2025-06", "2024-07-01..2025-06-30", Absolute);
}

#[test]
fn en_fiscal() {
    check_at(
        "en",
        "FY2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "FY25",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "fiscal 2026",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "en",
        "Q3 FY2026",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
    check_at("en", "Q3 FY2026", "2026-02-12", MSFT, "2026-Q1", Fiscal);
    check_at(
        "en",
        "FY2025",
        "2026-02-12",
        ORCL,
        "2024-06-01..2025-05-31",
        Fiscal,
    );
    check_at(
        "en",
        "the fourth quarter of fiscal 2025",
        "2026-02-12",
        ORCL,
        "2025-03-01..2025-05-31",
        Fiscal,
    );
    check_at("en", "FY2025", "2026-02-12", CAL, "2025", Fiscal);
    let p = read_with("en", "FY2025", "2026-02-12", MSFT).unwrap();
    assert!(
        p.steps.iter().any(|s| s.token == "FY2025"
            && s.meaning
                .contains("fiscal year starting July: 2024-07-01..2025-06-30")),
        "{:?}",
        p.steps
    );
}

#[test]
fn en_relative() {
    check("en", "this year", "2026", Relative);
    check("en", "last year", "2025", Relative);
    check("en", "next year", "2027", Relative);
    check("en", "last quarter", "2025-Q4", Relative);
    check("en", "this quarter", "2026-Q1", Relative);
    check("en", "last month", "2026-01", Relative);
    check_at("en", "this year", "2026", CAL, "2026", Relative);
    fails("en", "last month", "2026", "dated only 2026");
    fails("en", "last quarter", "2026", "dated only 2026");
    check_at("en", "last month", "2026-01", CAL, "2025-12", Relative);
}

#[test]
fn en_deadline() {
    check(
        "en",
        "by the end of 2027",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check("en", "by 2027", "2026-02-12..2027-12-31", Deadline);
    check("en", "by Q3 2027", "2026-02-12..2027-09-30", Deadline);
    check_at(
        "en",
        "by 2027",
        "2026",
        CAL,
        "2026-01-01..2027-12-31",
        Deadline,
    );
    check_at(
        "en",
        "by 2027",
        "2026-05",
        CAL,
        "2026-05-01..2027-12-31",
        Deadline,
    );
    fails("en", "by 2020", "2026-02-12", "before the document's date");
}

#[test]
fn errors_are_clear() {
    fails("en", "", "2026-02-12", "expected a year");
    fails("en", "banana", "2026-02-12", "expected a year");
    fails("en", "2025-02-30", "2026-02-12", "not a date");
    fails("en", "2027-2025", "2026-02-12", "before it starts");
}

#[test]
fn ru_forms() {
    check("ru", "2025 г.", "2025", Absolute);
    check("ru", "2025 года", "2025", Absolute);
    check("ru", "в 2025 году", "2025", Absolute);
    check("ru", "четвертый квартал 2024 года", "2024-Q4", Absolute);
    check("ru", "IV квартал 2024", "2024-Q4", Absolute);
    check("ru", "в IV квартале 2024 г.", "2024-Q4", Absolute);
    check("ru", "первое полугодие 2025 года", "2025-H1", Absolute);
    check("ru", "в первом полугодии", "2026-H1", Relative);
    check("ru", "март 2025", "2025-03", Absolute);
    check("ru", "марта 2025 года", "2025-03", Absolute);
    check("ru", "14 марта 2025 года", "2025-03-14", Absolute);
    check(
        "ru",
        "с 2025 по 2027 год",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("ru", "в этом году", "2026", Relative);
    check("ru", "в прошлом году", "2025", Relative);
    check("ru", "в следующем году", "2027", Relative);
    check("ru", "в этом квартале", "2026-Q1", Relative);
    check(
        "ru",
        "к концу 2027 года",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check("ru", "до 2033 г.", "2026-02-12..2033-12-31", Deadline);
    check_at(
        "ru",
        "2025 финансовый год",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "ru",
        "в 2025 финансовом году",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
}

#[test]
fn zh_forms() {
    check("zh", "2025 年", "2025", Absolute);
    check("zh", "2025年", "2025", Absolute);
    check("zh", "2025 年第四季度", "2025-Q4", Absolute);
    check("zh", "2025年四季度", "2025-Q4", Absolute);
    check("zh", "2025 年 3 月", "2025-03", Absolute);
    check("zh", "2025年3月14日", "2025-03-14", Absolute);
    check("zh", "2025年上半年", "2025-H1", Absolute);
    check("zh", "24年3月", "2024-03", Absolute);
    check("zh", "24年四季度", "2024-Q4", Absolute);
    check("zh", "2024年Q4", "2024-Q4", Absolute);
    check("zh", "2025 至 2027 年", "2025-01-01..2027-12-31", Absolute);
    check("zh", "今年", "2026", Relative);
    check("zh", "去年", "2025", Relative);
    check("zh", "明年", "2027", Relative);
    check("zh", "前年", "2024", Relative);
    check("zh", "去年 11 月", "2025-11", Relative);
    check("zh", "去年11月", "2025-11", Relative);
    check("zh", "上季度", "2025-Q4", Relative);
    check("zh", "本季度", "2026-Q1", Relative);
    check("zh", "上个月", "2026-01", Relative);
    check("zh", "到 2027 年", "2026-02-12..2027-12-31", Deadline);
    check("zh", "到2027年底", "2026-02-12..2027-12-31", Deadline);
    check_at(
        "zh",
        "2025 财年",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "zh",
        "2026财年第三季度",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
    let p = read_with("zh", "今年", "2026-02-12", CAL).unwrap();
    assert_eq!(p.steps[0].token, "今年");
    assert_eq!(p.steps[0].meaning, "this year");
    let last = p.steps.last().unwrap();
    assert_eq!(
        last.meaning,
        "composed: this year = 2026-01-01..2026-12-31 = 2026"
    );
}

#[test]
fn th_forms() {
    check("th", "ปี 2568", "2025", BuddhistEra);
    check("th", "พ.ศ. 2568", "2025", BuddhistEra);
    check("th", "2568", "2025", BuddhistEra);
    check("th", "ปี ๒๕๖๘", "2025", BuddhistEra);
    check("th", "๒๕๖๘", "2025", BuddhistEra);
    check("th", "ปี 2025", "2025", Absolute);
    check("th", "ในปี 2568", "2025", BuddhistEra);
    check("th", "ไตรมาสที่ 4 ปี 2567", "2024-Q4", BuddhistEra);
    check("th", "ไตรมาส 4/2567", "2024-Q4", BuddhistEra);
    check("th", "มีนาคม 2568", "2025-03", BuddhistEra);
    check("th", "มี.ค. 2568", "2025-03", BuddhistEra);
    check("th", "14 มีนาคม 2568", "2025-03-14", BuddhistEra);
    check("th", "ครึ่งปีแรก 2568", "2025-H1", BuddhistEra);
    check("th", "ปีนี้", "2026", Relative);
    check("th", "ปีที่แล้ว", "2025", Relative);
    check("th", "ปีหน้า", "2027", Relative);
    check("th", "ภายในปี 2570", "2026-02-12..2027-12-31", Deadline);
    check("th", "Q4 2024", "2024-Q4", Absolute);
    check_at(
        "th",
        "ปีงบประมาณ 2568",
        "2026-02-12",
        FiscalCalendar { start_month: 10 },
        "2024-10-01..2025-09-30",
        Fiscal,
    );
    let p = read_with("th", "ปี 2568", "2026-02-12", CAL).unwrap();
    let year = p
        .steps
        .iter()
        .find(|s| s.token == "2568")
        .expect("a step for the year");
    assert!(
        year.meaning.starts_with("Buddhist era 2568 = year 2025"),
        "{:?}",
        p.steps
    );
    // two digits: the era's year or the common era's, whichever is nearer the document
    check("th", "Q4/24", "2024-Q4", Absolute);
    check_at(
        "th",
        "ไตรมาส 2/45",
        "2002-12-17",
        CAL,
        "2002-Q2",
        BuddhistEra,
    );
}

#[test]
fn period_helpers() {
    let p = read_with("en", "Q4 2024", "2026-02-12", CAL).unwrap();
    assert!(p.contains(d("2024-11-05")));
    assert!(!p.contains(d("2025-01-01")));
    let y = read_with("en", "2024", "2026-02-12", CAL).unwrap();
    assert!(y.covers(&p) && y.overlaps(&p) && !p.covers(&y));
}

#[test]
fn steps_follow_the_text() {
    let p = read_with("ru", "с марта по май 2025 года", "2026-02-12", CAL).unwrap();
    let tokens: Vec<&str> = p.steps.iter().map(|s| s.token.as_str()).collect();
    // Each word first, in the order of the text; then how they were put together.
    assert_eq!(tokens[..5], ["с", "марта", "по", "май", "2025"]);
    assert_eq!(*tokens.last().unwrap(), "с марта по май 2025 года");
    assert_eq!(p.label(), "2025-03-01..2025-05-31");
    // A composed period shows each part, then how they were put together.
    let p = read_with("en", "by the end of 2027", "2026-02-12", CAL).unwrap();
    let steps: Vec<(&str, &str)> = p
        .steps
        .iter()
        .map(|s| (s.token.as_str(), s.meaning.as_str()))
        .collect();
    assert_eq!(steps[0], ("by", "by (a deadline)"));
    assert_eq!(steps[1], ("the end", "edge: end"));
    assert!(
        steps
            .last()
            .unwrap()
            .1
            .starts_with("composed: by the end of year 2027"),
        "{steps:?}"
    );
}

#[test]
fn parts_alone_read_in_the_year_the_document_implies() {
    check("en", "Q4", "2025-Q4", Relative);
    // A unit that is the whole period is this one.
    check_at(
        "en",
        "the fiscal year",
        "2026-02-12",
        MSFT,
        "2025-07-01..2026-06-30",
        Fiscal,
    );
    check("en", "march", "2025-03", Relative);
    check_at("en", "march", "2026-04-02", CAL, "2026-03", Relative);
}

#[test]
fn bg_forms() {
    check("bg", "2025 г.", "2025", Absolute);
    check("bg", "през 2025 г.", "2025", Absolute);
    check(
        "bg",
        "четвъртото тримесечие на 2024 г.",
        "2024-Q4",
        Absolute,
    );
    check("bg", "IV тримесечие на 2024 г.", "2024-Q4", Absolute);
    check("bg", "първото полугодие на 2025 г.", "2025-H1", Absolute);
    check("bg", "март 2025 г.", "2025-03", Absolute);
    check("bg", "14 март 2025 г.", "2025-03-14", Absolute);
    check(
        "bg",
        "от 2025 до 2027 г.",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("bg", "тази година", "2026", Relative);
    check("bg", "миналата година", "2025", Relative);
    check("bg", "догодина", "2027", Relative);
    check("bg", "миналото тримесечие", "2025-Q4", Relative);
    check(
        "bg",
        "до края на 2027 г.",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check("bg", "до 2030 г.", "2026-02-12..2030-12-31", Deadline);
    check_at(
        "bg",
        "финансовата 2025 година",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
}

#[test]
fn pl_forms() {
    check("pl", "2025 r.", "2025", Absolute);
    check("pl", "w 2025 roku", "2025", Absolute);
    check("pl", "w 2025 r.", "2025", Absolute);
    check("pl", "IV kwartał 2024", "2024-Q4", Absolute);
    check("pl", "w IV kwartale 2024 r.", "2024-Q4", Absolute);
    check("pl", "czwarty kwartał 2024 roku", "2024-Q4", Absolute);
    check("pl", "pierwsze półrocze 2025", "2025-H1", Absolute);
    check("pl", "marzec 2025", "2025-03", Absolute);
    check("pl", "marca 2025", "2025-03", Absolute);
    check("pl", "w marcu 2025 r.", "2025-03", Absolute);
    check("pl", "14 marca 2025 r.", "2025-03-14", Absolute);
    check(
        "pl",
        "w latach 2025-2027",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check(
        "pl",
        "od 2025 do 2027 roku",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("pl", "w tym roku", "2026", Relative);
    check("pl", "w zeszłym roku", "2025", Relative);
    check("pl", "w przyszłym roku", "2027", Relative);
    check("pl", "w ubiegłym kwartale", "2025-Q4", Relative);
    check("pl", "do 2030 r.", "2026-02-12..2030-12-31", Deadline);
    check(
        "pl",
        "do końca 2027 roku",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check_at(
        "pl",
        "rok obrotowy 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "pl",
        "w roku obrotowym 2025",
        "2026-02-12",
        ORCL,
        "2024-06-01..2025-05-31",
        Fiscal,
    );
}

#[test]
fn de_forms() {
    check("de", "2025", "2025", Absolute);
    check("de", "im Jahr 2025", "2025", Absolute);
    check("de", "4. Quartal 2024", "2024-Q4", Absolute);
    check("de", "im vierten Quartal 2024", "2024-Q4", Absolute);
    check("de", "im ersten Halbjahr 2025", "2025-H1", Absolute);
    check("de", "1. Halbjahr 2025", "2025-H1", Absolute);
    check("de", "März 2025", "2025-03", Absolute);
    check("de", "im März 2025", "2025-03", Absolute);
    check("de", "14. März 2025", "2025-03-14", Absolute);
    check("de", "14.03.2025", "2025-03-14", Absolute);
    check(
        "de",
        "von 2025 bis 2027",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("de", "dieses Jahr", "2026", Relative);
    check("de", "letztes Jahr", "2025", Relative);
    check("de", "im vergangenen Jahr", "2025", Relative);
    check("de", "im Vorjahr", "2025", Relative);
    check("de", "nächstes Jahr", "2027", Relative);
    check("de", "im letzten Quartal", "2025-Q4", Relative);
    check("de", "bis 2030", "2026-02-12..2030-12-31", Deadline);
    check("de", "bis Ende 2027", "2026-02-12..2027-12-31", Deadline);
    check_at(
        "de",
        "Geschäftsjahr 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "de",
        "Geschäftsjahr 2024/25",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "de",
        "im 3. Quartal des Geschäftsjahres 2026",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
}

#[test]
fn es_forms() {
    check("es", "en 2025", "2025", Absolute);
    check("es", "cuarto trimestre de 2024", "2024-Q4", Absolute);
    check("es", "en el cuarto trimestre de 2024", "2024-Q4", Absolute);
    check("es", "T4 2024", "2024-Q4", Absolute);
    check("es", "el primer semestre de 2025", "2025-H1", Absolute);
    check("es", "marzo de 2025", "2025-03", Absolute);
    check("es", "en marzo de 2025", "2025-03", Absolute);
    check("es", "14 de marzo de 2025", "2025-03-14", Absolute);
    check("es", "de 2025 a 2027", "2025-01-01..2027-12-31", Absolute);
    check(
        "es",
        "entre 2025 y 2027",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("es", "este año", "2026", Relative);
    check("es", "el año pasado", "2025", Relative);
    check("es", "el próximo año", "2027", Relative);
    check("es", "el trimestre pasado", "2025-Q4", Relative);
    // "para 2025" is "for 2025" (a forecast para 2025): the year; a deadline says so ("antes
    // de", "para finales de").
    check("es", "para 2030", "2030", Absolute);
    check("es", "antes de 2030", "2026-02-12..2030-12-31", Deadline);
    check(
        "es",
        "para finales de 2027",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check_at(
        "es",
        "año fiscal 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
}

#[test]
fn fr_forms() {
    check("fr", "en 2025", "2025", Absolute);
    check("fr", "T4 2024", "2024-Q4", Absolute);
    check("fr", "au quatrième trimestre 2024", "2024-Q4", Absolute);
    check("fr", "au 4e trimestre 2024", "2024-Q4", Absolute);
    check("fr", "au premier semestre 2025", "2025-H1", Absolute);
    check("fr", "mars 2025", "2025-03", Absolute);
    check("fr", "en mars 2025", "2025-03", Absolute);
    check("fr", "le 14 mars 2025", "2025-03-14", Absolute);
    check("fr", "1er mars 2025", "2025-03-01", Absolute);
    check("fr", "de 2025 à 2027", "2025-01-01..2027-12-31", Absolute);
    check("fr", "cette année", "2026", Relative);
    check("fr", "l'année dernière", "2025", Relative);
    check("fr", "l’an dernier", "2025", Relative);
    check("fr", "l'année prochaine", "2027", Relative);
    check("fr", "le trimestre dernier", "2025-Q4", Relative);
    check("fr", "d'ici 2030", "2026-02-12..2030-12-31", Deadline);
    check("fr", "d’ici à 2030", "2026-02-12..2030-12-31", Deadline);
    check(
        "fr",
        "d'ici la fin de 2027",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check_at(
        "fr",
        "exercice 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
}

#[test]
fn it_forms() {
    check("it", "nel 2025", "2025", Absolute);
    check("it", "quarto trimestre 2024", "2024-Q4", Absolute);
    check("it", "nel quarto trimestre del 2024", "2024-Q4", Absolute);
    check("it", "il primo semestre 2025", "2025-H1", Absolute);
    check("it", "marzo 2025", "2025-03", Absolute);
    check("it", "a marzo 2025", "2025-03", Absolute);
    check("it", "14 marzo 2025", "2025-03-14", Absolute);
    check("it", "dal 2025 al 2027", "2025-01-01..2027-12-31", Absolute);
    check("it", "quest'anno", "2026", Relative);
    check("it", "l'anno scorso", "2025", Relative);
    check("it", "l'anno prossimo", "2027", Relative);
    check("it", "lo scorso trimestre", "2025-Q4", Relative);
    check("it", "entro il 2030", "2026-02-12..2030-12-31", Deadline);
    check(
        "it",
        "entro la fine del 2027",
        "2026-02-12..2027-12-31",
        Deadline,
    );
    check_at(
        "it",
        "esercizio 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
}

#[test]
fn case_and_spacing_are_ignored() {
    check("en", "IN THE FOURTH QUARTER OF 2024", "2024-Q4", Absolute);
    check("en", "q4  2024.", "2024-Q4", Absolute);
    check("en", "(Q4 2024)", "2024-Q4", Absolute);
    check("en", "Q4\u{a0}2024", "2024-Q4", Absolute);
    check("en", "Q4'24", "2024-Q4", Absolute);
    check("en", "4Q 2024", "2024-Q4", Absolute);
    check("en", "2025Q4", "2025-Q4", Absolute);
    check("en", "Ｑ４ ２０２４", "2024-Q4", Absolute);
    check("ru", "МАРТ 2025", "2025-03", Absolute);
    check("de", "MÄRZ 2025", "2025-03", Absolute);
    check("fr", "Mars 2025", "2025-03", Absolute);
    check("pl", "MARCA 2025 R.", "2025-03", Absolute);
}

#[test]
fn year_to_date_and_month_ranges() {
    check("en", "9M 2025", "2025-01-01..2025-09-30", Absolute);
    check("en", "9M25", "2025-01-01..2025-09-30", Absolute);
    check(
        "en",
        "the first 9 months of 2025",
        "2025-01-01..2025-09-30",
        Absolute,
    );
    check(
        "en",
        "January-September 2025",
        "2025-01-01..2025-09-30",
        Absolute,
    );
    check("en", "Q1-Q3 2025", "2025-01-01..2025-09-30", Absolute);
    check(
        "ru",
        "январь–сентябрь 2025 года",
        "2025-01-01..2025-09-30",
        Absolute,
    );
    check("zh", "2025年前三季度", "2025-01-01..2025-09-30", Absolute);
    check("zh", "2025年1-9月", "2025-01-01..2025-09-30", Absolute);
    check("zh", "今年前三季度", "2026-01-01..2026-09-30", Relative);
    check(
        "en",
        "December 2024 to March 2025",
        "2024-12-01..2025-03-31",
        Absolute,
    );
}

#[test]
fn relative_against_month_and_year_precision() {
    check_at("en", "this quarter", "2026-05", CAL, "2026-Q2", Relative);
    check_at("en", "last quarter", "2026-05", CAL, "2026-Q1", Relative);
    check_at("en", "next quarter", "2026-11-30", CAL, "2027-Q1", Relative);
    check_at("en", "last half", "2026-03", CAL, "2025-H2", Relative);
    check_at("en", "next month", "2026-12", CAL, "2027-01", Relative);
    check_at("en", "last year", "2026", CAL, "2025", Relative);
    check_at("zh", "上个月", "2026-01-15", CAL, "2025-12", Relative);
    check_at("zh", "去年", "2026", CAL, "2025", Relative);
    fails("zh", "上个月", "2026", "dated only 2026");
    fails("ru", "в прошлом квартале", "2026", "dated only 2026");
    check_at("en", "last quarter", "2026-02", CAL, "2025-Q4", Relative);
    check_at(
        "en",
        "in the fourth quarter",
        "2025-11-02",
        CAL,
        "2025-Q4",
        Relative,
    );
}

#[test]
fn deadlines_in_every_language() {
    let p = "2026-02-12";
    for (code, text, want) in [
        ("en", "by the end of 2027", "2026-02-12..2027-12-31"),
        ("en", "by year-end", "2026-02-12..2026-12-31"),
        ("en", "by Q3 2027", "2026-02-12..2027-09-30"),
        ("ru", "к концу 2027 года", "2026-02-12..2027-12-31"),
        ("ru", "до 2033 г.", "2026-02-12..2033-12-31"),
        ("ru", "до конца года", "2026-02-12..2026-12-31"),
        (
            "ru",
            "к концу третьего квартала 2027 года",
            "2026-02-12..2027-09-30",
        ),
        ("zh", "到 2027 年", "2026-02-12..2027-12-31"),
        ("zh", "到2027年底", "2026-02-12..2027-12-31"),
        ("zh", "2030年前", "2026-02-12..2030-12-31"),
        ("zh", "今年年底前", "2026-02-12..2026-12-31"),
        ("th", "ภายในปี 2570", "2026-02-12..2027-12-31"),
        ("th", "ภายในปี ๒๕๗๐", "2026-02-12..2027-12-31"),
        ("bg", "до края на 2027 г.", "2026-02-12..2027-12-31"),
        ("pl", "do 2030 r.", "2026-02-12..2030-12-31"),
        ("pl", "do końca 2027 roku", "2026-02-12..2027-12-31"),
        ("de", "bis 2030", "2026-02-12..2030-12-31"),
        ("de", "bis Ende 2027", "2026-02-12..2027-12-31"),
        ("es", "de aquí a 2030", "2026-02-12..2030-12-31"),
        ("fr", "d'ici 2030", "2026-02-12..2030-12-31"),
        ("it", "entro il 2030", "2026-02-12..2030-12-31"),
        ("it", "entro la fine dell'anno", "2026-02-12..2026-12-31"),
    ] {
        check_at(code, text, p, CAL, want, Deadline);
    }
    check_at(
        "de",
        "bis 2030",
        "2026-03",
        CAL,
        "2026-03-01..2030-12-31",
        Deadline,
    );
    check_at(
        "de",
        "bis 2030",
        "2026",
        CAL,
        "2026-01-01..2030-12-31",
        Deadline,
    );
}

#[test]
fn buddhist_era_forms() {
    check("th", "ไตรมาส 4/67", "2024-Q4", BuddhistEra);
    check("th", "Q4/67", "2024-Q4", BuddhistEra);
    check("th", "ปี 68", "2025", BuddhistEra);
    check("th", "ไตรมาส 4 ปี 67", "2024-Q4", BuddhistEra);
    check("th", "มีนาคม 68", "2025-03", BuddhistEra);
    check("th", "ไตรมาสที่ ๔ ปี ๒๕๖๗", "2024-Q4", BuddhistEra);
    check("th", "ไตรมาสแรก ปี 2568", "2025-Q1", BuddhistEra);
    check("th", "14/03/2568", "2025-03-14", BuddhistEra);
    check("th", "ปี 2568-2570", "2025-01-01..2027-12-31", BuddhistEra);
    check("th", "ไตรมาส 4 ปีที่แล้ว", "2025-Q4", Relative);
    // a bare year in another language is not read as Buddhist era
    check("en", "2568", "2568", Absolute);
    fails("th", "67", "2026-02-12", "expected a year");
}

#[test]
fn fiscal_calendars() {
    // Microsoft: July
    check_at("en", "Q1 FY2026", "2026-02-12", MSFT, "2025-Q3", Fiscal);
    check_at("en", "H2 FY2025", "2026-02-12", MSFT, "2025-H1", Fiscal);
    check_at(
        "en",
        "FY2024/25",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "FY2024-FY2026",
        "2026-02-12",
        MSFT,
        "2023-07-01..2026-06-30",
        Fiscal,
    );
    // Oracle: June
    check_at(
        "en",
        "Q2 FY25",
        "2026-02-12",
        ORCL,
        "2024-09-01..2024-11-30",
        Fiscal,
    );
    check_at(
        "en",
        "fiscal year 2026",
        "2026-02-12",
        ORCL,
        "2025-06-01..2026-05-31",
        Fiscal,
    );
    // Nvidia: February
    check_at(
        "en",
        "Q4 FY26",
        "2026-02-12",
        NVDA,
        "2025-11-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "en",
        "3Q FY26",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
    check_at(
        "zh",
        "2026财年",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "ru",
        "2026 финансовый год",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "pl",
        "rok obrotowy 2026",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "th",
        "ปีงบประมาณ 2569",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "es",
        "el cuarto trimestre del año fiscal 2026",
        "2026-02-12",
        NVDA,
        "2025-11-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "fr",
        "exercice 2024/25",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "it",
        "esercizio fiscale 2026",
        "2026-02-12",
        ORCL,
        "2025-06-01..2026-05-31",
        Fiscal,
    );
    check_at(
        "bg",
        "финансовата 2026 година",
        "2026-02-12",
        ORCL,
        "2025-06-01..2026-05-31",
        Fiscal,
    );
    check_at(
        "de",
        "GJ 2026",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "en",
        "Q3 of fiscal 2026",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
    check_at(
        "en",
        "the fiscal third quarter of 2026",
        "2026-02-12",
        NVDA,
        "2025-08-01..2025-10-31",
        Fiscal,
    );
    check_at(
        "fr",
        "l'exercice 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "it",
        "nell'esercizio 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "es",
        "en el ejercicio 2025",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "th",
        "ปีงบ 68",
        "2026-02-12",
        FiscalCalendar { start_month: 10 },
        "2024-10-01..2025-09-30",
        Fiscal,
    );
    // a fiscal deadline is a deadline
    check_at(
        "en",
        "by the end of FY2027",
        "2026-02-12",
        MSFT,
        "2026-02-12..2027-06-30",
        Deadline,
    );
    // FY2024/26 is not one fiscal year
    match read_with("en", "FY2024/26", "2026-02-12", MSFT) {
        Err(e) => assert!(e.reason.contains("not one fiscal year"), "{}", e.reason),
        Ok(p) => panic!("read as {}", p.label()),
    }
    // an impossible calendar is an error, not a panic
    assert!(read_with(
        "en",
        "FY2025",
        "2026-02-12",
        FiscalCalendar { start_month: 13 }
    )
    .is_err());
}

#[test]
fn published_parse_and_span() {
    assert_eq!(Published::parse("2026"), Some(Published::Year(2026)));
    assert_eq!(Published::parse("2026-02"), Some(Published::Month(2026, 2)));
    assert_eq!(
        Published::parse(" 2026-02-12 "),
        Some(Published::Day(d("2026-02-12")))
    );
    assert_eq!(
        Published::parse("2026-02-12T08:00:00Z"),
        Some(Published::Day(d("2026-02-12")))
    );
    for bad in [
        "",
        "26",
        "2026-2",
        "2026-13",
        "2026-02-30",
        "2026/02/12",
        "x",
        "2026-02-12-01",
    ] {
        assert_eq!(Published::parse(bad), None, "{bad}");
    }
    assert_eq!(
        Published::Year(2026).span(),
        (d("2026-01-01"), d("2026-12-31"))
    );
    assert_eq!(
        Published::Month(2024, 2).span(),
        (d("2024-02-01"), d("2024-02-29"))
    );
    assert_eq!(
        Published::Day(d("2026-02-12")).span(),
        (d("2026-02-12"), d("2026-02-12"))
    );
    let _ = Published::Month(2024, 0).span();
    let _ = Published::Month(2024, 99).span();
}

#[test]
fn labels() {
    assert_eq!(label(d("2025-01-01"), d("2025-12-31")), "2025");
    assert_eq!(label(d("2024-10-01"), d("2024-12-31")), "2024-Q4");
    assert_eq!(label(d("2025-01-01"), d("2025-06-30")), "2025-H1");
    assert_eq!(label(d("2025-07-01"), d("2025-12-31")), "2025-H2");
    assert_eq!(label(d("2025-03-01"), d("2025-03-31")), "2025-03");
    assert_eq!(label(d("2025-03-14"), d("2025-03-14")), "2025-03-14");
    assert_eq!(
        label(d("2024-07-01"), d("2025-06-30")),
        "2024-07-01..2025-06-30"
    );
    assert_eq!(
        label(d("2025-02-01"), d("2025-04-30")),
        "2025-02-01..2025-04-30"
    );
    assert_eq!(
        label(d("2025-12-31"), d("2025-01-01")),
        "2025-12-31..2025-01-01"
    );
}

#[test]
fn long_text_is_refused_with_its_length() {
    let long = "2025 ".repeat(1000);
    fails("en", &long, "2026-02-12", "too long for a period");
    let spaced = format!("  {}Q4 2024{}  ", " ".repeat(5000), " ".repeat(5000));
    check("en", &spaced, "2024-Q4", Absolute);
}

#[test]
fn relative_fiscal_years() {
    // Microsoft, 2026-02-12: fiscal year 2026 (2025-07-01..2026-06-30)
    check_at(
        "en",
        "this fiscal year",
        "2026-02-12",
        MSFT,
        "2025-07-01..2026-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "last fiscal year",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "next fiscal year",
        "2026-08",
        MSFT,
        "2027-07-01..2028-06-30",
        Fiscal,
    );
    check_at(
        "en",
        "the fourth quarter of this fiscal year",
        "2026-02-12",
        MSFT,
        "2026-Q2",
        Fiscal,
    );
    check_at(
        "en",
        "by the end of this fiscal year",
        "2026-02-12",
        MSFT,
        "2026-02-12..2026-06-30",
        Deadline,
    );
    check_at(
        "zh",
        "本财年",
        "2026-02-12",
        NVDA,
        "2026-02-01..2027-01-31",
        Fiscal,
    );
    check_at(
        "zh",
        "上一财年",
        "2026-02-12",
        NVDA,
        "2025-02-01..2026-01-31",
        Fiscal,
    );
    check_at(
        "ru",
        "в прошлом финансовом году",
        "2026-02-12",
        ORCL,
        "2024-06-01..2025-05-31",
        Fiscal,
    );
    check_at(
        "de",
        "im laufenden Geschäftsjahr",
        "2026-02-12",
        MSFT,
        "2025-07-01..2026-06-30",
        Fiscal,
    );
    check_at(
        "fr",
        "l'exercice précédent",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check_at(
        "es",
        "el próximo año fiscal",
        "2026-02-12",
        MSFT,
        "2026-07-01..2027-06-30",
        Fiscal,
    );
    check_at(
        "it",
        "l'esercizio in corso",
        "2026-02-12",
        CAL,
        "2026",
        Fiscal,
    );
    check_at(
        "pl",
        "w bieżącym roku obrotowym",
        "2026-02-12",
        MSFT,
        "2025-07-01..2026-06-30",
        Fiscal,
    );
    check_at(
        "bg",
        "миналата финансова година",
        "2026-02-12",
        CAL,
        "2025",
        Fiscal,
    );
    check_at(
        "th",
        "ปีงบประมาณนี้",
        "2026-02-12",
        FiscalCalendar { start_month: 10 },
        "2025-10-01..2026-09-30",
        Fiscal,
    );
    check_at("en", "this fiscal year", "2026", CAL, "2026", Fiscal);
    match read_with("en", "this fiscal year", "2026", MSFT) {
        Err(e) => assert!(e.reason.contains("dated only 2026"), "{}", e.reason),
        Ok(p) => panic!("read as {}", p.label()),
    }
}

#[test]
fn first_months_of_a_year() {
    let nine = "2025-01-01..2025-09-30";
    for (code, text) in [
        ("en", "the first nine months of 2025"),
        ("en", "first 9 months of 2025"),
        ("en", "9M 2025"),
        ("en", "9M25"),
        ("ru", "за девять месяцев 2025 года"),
        ("ru", "9 месяцев 2025 г."),
        ("bg", "първите девет месеца на 2025 г."),
        ("pl", "w ciągu dziewięciu miesięcy 2025 r."),
        ("pl", "pierwsze dziewięć miesięcy 2025 roku"),
        ("de", "in den ersten neun Monaten 2025"),
        ("es", "los primeros nueve meses de 2025"),
        ("fr", "les neuf premiers mois de 2025"),
        ("it", "i primi nove mesi del 2025"),
        ("zh", "2025年前九个月"),
        ("zh", "2025年前9个月"),
        ("th", "9 เดือนแรกของปี 2568"),
    ] {
        let kind = if code == "th" { BuddhistEra } else { Absolute };
        check(code, text, nine, kind);
    }
    check(
        "en",
        "the first six months of last year",
        "2025-H1",
        Relative,
    );
    check("zh", "今年前两个月", "2026-01-01..2026-02-28", Relative);
    let p = read_with("en", "the first nine months", "2026-02-12", CAL).unwrap();
    assert_eq!(p.label(), "2026-01-01..2026-09-30");
    let noted = p
        .steps
        .iter()
        .filter(|s| s.meaning.starts_with("no year given"))
        .count();
    assert_eq!(noted, 1, "{:?}", p.steps);
}

#[test]
fn not_periods_are_refused() {
    for (code, text) in [
        ("en", "25"),
        ("en", "123"),
        ("en", "20255"),
        ("en", "Q5 2024"),
        ("en", "H3 2025"),
        ("en", "2025-13"),
        ("en", "2025-00"),
        ("en", "FY"),
        ("en", "in"),
        ("en", "by"),
        ("en", "revenue rose 5%"),
        ("en", "$2025 million"),
        ("en", "2025 2026"),
        ("en", "by by 2025 2025"),
        ("ru", "до"),
        ("ru", "года 2025 года 2025"),
        ("zh", "年"),
        ("zh", "亿元"),
        ("zh", "24年"),
        ("th", "ปี"),
        ("th", "67"),
        ("de", "bis"),
        ("fr", "d'ici"),
        ("pl", "r."),
        ("es", "de"),
        ("it", "entro"),
        ("bg", "г."),
    ] {
        if let Ok(p) = read_with(code, text, "2026-02-12", CAL) {
            panic!("{code}: {text:?} read as {} {:?}", p.label(), p.steps);
        }
    }
}

#[test]
fn more_abbreviations_and_scripts() {
    check("en", "CY2025", "2025", Absolute);
    check("en", "Q4 CY2025", "2025-Q4", Absolute);
    check_at(
        "en",
        "fiscal 2024/25",
        "2026-02-12",
        MSFT,
        "2024-07-01..2025-06-30",
        Fiscal,
    );
    check("ru", "9М 2025 года", "2025-01-01..2025-09-30", Absolute);
    check("ru", "I полугодие 2025 г.", "2025-H1", Absolute);
    check("ru", "2025–2027 гг.", "2025-01-01..2027-12-31", Absolute);
    check(
        "ru",
        "в 2025-2027 годах",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("de", "1. HJ 2025", "2025-H1", Absolute);
    check("es", "1T25", "2025-Q1", Absolute);
    check("es", "S1 2025", "2025-H1", Absolute);
    check("fr", "S1 2025", "2025-H1", Absolute);
    check("it", "1T 2025", "2025-Q1", Absolute);
    check("it", "I trimestre 2025", "2025-Q1", Absolute);
    check("pl", "I półrocze 2025", "2025-H1", Absolute);
    check("zh", "２０２５年３月", "2025-03", Absolute);
    check("zh", "今年上半年", "2026-H1", Relative);
    check("zh", "一季度", "2026-Q1", Relative);
    check("th", "2568 ถึง 2570", "2025-01-01..2027-12-31", BuddhistEra);
    check("th", "ค.ศ. 2025", "2025", Absolute);
}

#[test]
fn since_runs_to_the_document_date() {
    let p = "2026-02-12";
    for (code, text, want) in [
        ("en", "since 2020", "2020-01-01..2026-02-12"),
        ("en", "since March 2025", "2025-03-01..2026-02-12"),
        ("en", "since last year", "2025-01-01..2026-02-12"),
        ("ru", "с 2020 года", "2020-01-01..2026-02-12"),
        ("bg", "от 2020 г.", "2020-01-01..2026-02-12"),
        ("pl", "od 2020 r.", "2020-01-01..2026-02-12"),
        ("de", "seit 2020", "2020-01-01..2026-02-12"),
        ("es", "desde 2020", "2020-01-01..2026-02-12"),
        ("fr", "depuis 2020", "2020-01-01..2026-02-12"),
        ("it", "dal 2020", "2020-01-01..2026-02-12"),
        ("th", "ตั้งแต่ปี 2563", "2020-01-01..2026-02-12"),
        ("zh", "自2020年以来", "2020-01-01..2026-02-12"),
        ("zh", "2020年以来", "2020-01-01..2026-02-12"),
    ] {
        check_at(code, text, p, CAL, want, ToDate);
    }
    check_at(
        "en",
        "since 2020",
        "2026",
        CAL,
        "2020-01-01..2026-12-31",
        ToDate,
    );
    fails(
        "en",
        "since 2027",
        "2026-02-12",
        "starts after the document's date",
    );
    // ranges that begin with the same words stay ranges
    check(
        "ru",
        "с 2025 по 2027 год",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check(
        "bg",
        "от 2025 до 2027 г.",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check(
        "pl",
        "od 2025 do 2027 roku",
        "2025-01-01..2027-12-31",
        Absolute,
    );
    check("it", "dal 2025 al 2027", "2025-01-01..2027-12-31", Absolute);
    check(
        "es",
        "desde 2025 hasta 2027",
        "2025-01-01..2027-12-31",
        Absolute,
    );
}

#[test]
fn whole_year_words() {
    for (code, text) in [
        ("en", "full-year 2025"),
        ("en", "the whole of 2025"),
        ("de", "im Gesamtjahr 2025"),
        ("fr", "sur l'ensemble de l'année 2025"),
        ("es", "en el conjunto de 2025"),
        ("it", "nell'intero 2025"),
        ("ru", "за весь 2025 год"),
        ("ru", "по итогам 2025 года"),
        ("pl", "w całym 2025 roku"),
        ("bg", "за цялата 2025 г."),
        ("zh", "2025年全年"),
        ("th", "ทั้งปี 2025"),
    ] {
        check(code, text, "2025", Absolute);
    }
}

#[test]
fn named_months_before_and_after_the_document() {
    check_at(
        "fr",
        "en mars dernier",
        "2026-02-12",
        CAL,
        "2025-03",
        Relative,
    );
    check_at(
        "fr",
        "en janvier dernier",
        "2026-02-12",
        CAL,
        "2026-01",
        Relative,
    );
    check_at(
        "fr",
        "en février dernier",
        "2026-02-12",
        CAL,
        "2025-02",
        Relative,
    );
    check_at(
        "fr",
        "en mars prochain",
        "2026-02-12",
        CAL,
        "2026-03",
        Relative,
    );
    check_at(
        "fr",
        "en janvier prochain",
        "2026-02-12",
        CAL,
        "2027-01",
        Relative,
    );
    check_at("en", "last March", "2026-05", CAL, "2026-03", Relative);
    check_at("en", "next January", "2026-05-01", CAL, "2027-01", Relative);
    check_at(
        "es",
        "el pasado marzo",
        "2026-02-12",
        CAL,
        "2025-03",
        Relative,
    );
    check_at(
        "es",
        "en enero pasado",
        "2026-02-12",
        CAL,
        "2026-01",
        Relative,
    );
    check_at(
        "it",
        "lo scorso marzo",
        "2026-02-12",
        CAL,
        "2025-03",
        Relative,
    );
    check_at(
        "it",
        "a gennaio scorso",
        "2026-02-12",
        CAL,
        "2026-01",
        Relative,
    );
    check_at(
        "de",
        "im vergangenen März",
        "2026-02-12",
        CAL,
        "2025-03",
        Relative,
    );
    check_at(
        "th",
        "เดือนมกราคมที่ผ่านมา",
        "2026-02-12",
        CAL,
        "2026-01",
        Relative,
    );
    fails("fr", "en mars dernier", "2026", "dated only 2026");
}

#[test]
fn a_yearless_quarter_not_yet_begun_is_last_years() {
    check_at("th", "ไตรมาสที่ 4", "2025-02-07", CAL, "2024-Q4", Relative);
    check_at(
        "ru",
        "во втором полугодии",
        "2025-02-07",
        CAL,
        "2024-H2",
        Relative,
    );
    check_at(
        "ru",
        "в первом полугодии",
        "2025-08-07",
        CAL,
        "2025-H1",
        Relative,
    );
}

#[test]
fn the_latest_or_next_such_quarter() {
    check("de", "im abgelaufenen dritten Quartal", "2025-Q3", Relative);
    check_at(
        "de",
        "im abgelaufenen dritten Quartal",
        "2024-09-29",
        CAL,
        "2023-Q3",
        Relative,
    );
    check_at(
        "en",
        "the next first quarter",
        "2024-05-01",
        CAL,
        "2025-Q1",
        Relative,
    );
}

#[test]
fn listed_months_glosses_and_a_named_year() {
    check_at(
        "it",
        "ottobre, novembre e dicembre del 2022",
        "2023-02",
        CAL,
        "2022-Q4",
        Absolute,
    );
    check_at(
        "th",
        "9 เดือน (ม.ค.-ก.ย.) ปี 2567",
        "2024-10-07",
        CAL,
        "2024-01-01..2024-09-30",
        BuddhistEra,
    );
    check_at("es", "este 2018", "2018-01", CAL, "2018", Absolute);
    check_at(
        "en",
        "the December 2025 quarter",
        "2026-01",
        CAL,
        "2025-Q4",
        Absolute,
    );
    check_at(
        "en",
        "fiscal Q1 ended Sept 30, 2025",
        "2025-10",
        CAL,
        "2025-Q3",
        Absolute,
    );
    check_at(
        "th",
        "ปี พ.ศ.2561-80",
        "2019-03-14",
        CAL,
        "2018-01-01..2037-12-31",
        BuddhistEra,
    );
}

#[test]
fn the_last_units_of_a_period() {
    check_at(
        "it",
        "negli ultimi tre mesi dell'anno",
        "2024-01-23",
        CAL,
        "2023-Q4",
        Relative,
    );
    check_at(
        "bg",
        "през последните два месеца на 2025 г.",
        "2026-01-05",
        CAL,
        "2025-11-01..2025-12-31",
        Absolute,
    );
    check_at(
        "es",
        "los cuatro últimos días del mes de diciembre",
        "2020-01-02",
        CAL,
        "2019-12-28..2019-12-31",
        Relative,
    );
    // without the period they end, they end at the document's date
    check_at(
        "en",
        "the last three months",
        "2024-01-23",
        CAL,
        "2023-10-24..2024-01-23",
        Relative,
    );
}

#[test]
fn a_part_of_this_year_then_named() {
    check_at(
        "bg",
        "за първите шест месеца на настоящата 2025 година",
        "2025-08",
        CAL,
        "2025-H1",
        Absolute,
    );
}

#[test]
fn the_first_days_or_weeks_of_a_month() {
    check_at(
        "ru",
        "За первые два дня марта",
        "2015-03",
        CAL,
        "2015-03-01..2015-03-02",
        Relative,
    );
    check_at(
        "en",
        "the first two weeks of March 2025",
        "2025-05",
        CAL,
        "2025-03-01..2025-03-14",
        Absolute,
    );
    check_at(
        "es",
        "los cuatro últimos días de diciembre de 2019",
        "2020-05",
        CAL,
        "2019-12-28..2019-12-31",
        Absolute,
    );
}
