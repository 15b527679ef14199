//! Languages and desk rules added purely as YAML, and what `build` refuses.

use crosscheck::period::{
    label, read_period, FiscalCalendar, PeriodKind, PeriodLang, PeriodLangFile, Published,
};

fn file(yaml: &str) -> PeriodLangFile {
    serde_saphyr::from_str::<PeriodLangFile>(yaml).expect("valid periods YAML")
}

fn bundled(code: &str) -> PeriodLangFile {
    let path = format!(
        "{}/rules/lang/{code}/periods.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    file(&std::fs::read_to_string(path).expect("bundled rules"))
}

const CAL: FiscalCalendar = FiscalCalendar { start_month: 1 };

fn read(lang: &PeriodLang, text: &str, published: &str) -> Result<String, String> {
    let published = Published::parse(published).expect("published");
    read_period(text, lang, published, CAL)
        .map(|p| label(p.start, p.end))
        .map_err(|e| e.reason)
}

/// A made-up language ("Zorbish") with its own era, digits and words for the parts of a period:
/// the composer reads it with no Rust involved.
const ZORBISH: &str = r#"
language: zb
digits: ["⓪①②③④⑤⑥⑦⑧⑨"]
era: {name: Zorb era, offset: 100, bare_above: 2100}
months:
  1: [frostmoon, frost.]
  3: [thawmoon]
  12: [darkmoon]
ordinals:
  1: [ak, fore]
  2: [aft]
  4: [dun]
units:
  year: [yarr]
  half: [halfyarr]
  quarter: [kwar]
  month: [moon]
  fiscal_year: [fisk]
which:
  0: [zis]
  -1: [zat]
  1: [nex]
range: [unto]
prefixes: [durr]
deadline:
  prefixes: [ere]
  suffixes: [or sooner]
"#;

#[test]
fn a_made_up_language_reads_periods_from_yaml_alone() {
    let common = bundled("common");
    let zb = file(ZORBISH);
    let lang = PeriodLang::build(&[&common, &zb]).expect("builds");
    assert_eq!(lang.name(), "zb");
    assert_eq!(
        read(&lang, "Thawmoon 2025", "2026-02-12"),
        Ok("2025-03".into())
    );
    assert_eq!(
        read(&lang, "durr dun kwar 2024", "2026-02-12"),
        Ok("2024-Q4".into())
    );
    assert_eq!(
        read(&lang, "aft halfyarr 2025", "2026-02-12"),
        Ok("2025-H2".into())
    );
    assert_eq!(read(&lang, "2025 yarr", "2026-02-12"), Ok("2025".into()));
    assert_eq!(read(&lang, "zat yarr", "2026-02-12"), Ok("2025".into()));
    assert_eq!(read(&lang, "zat kwar", "2026-02-12"), Ok("2025-Q4".into()));
    assert_eq!(read(&lang, "zat moon", "2026-01"), Ok("2025-12".into()));
    assert_eq!(
        read(&lang, "2025 unto 2027", "2026-02-12"),
        Ok("2025-01-01..2027-12-31".into())
    );
    assert_eq!(
        read(&lang, "ere 2027", "2026-02-12"),
        Ok("2026-02-12..2027-12-31".into())
    );
    assert_eq!(
        read(&lang, "2027 or sooner", "2026-02-12"),
        Ok("2026-02-12..2027-12-31".into())
    );
    // its era and digits
    let p = read_period("②①②⑤", &lang, Published::Year(2026), CAL).expect("era year");
    assert_eq!(
        (label(p.start, p.end), p.kind),
        ("2025".into(), PeriodKind::BuddhistEra)
    );
    assert!(
        p.steps[0].meaning.starts_with("Zorb era 2125"),
        "{:?}",
        p.steps
    );
    // the common forms come along
    assert_eq!(read(&lang, "Q4 2024", "2026-02-12"), Ok("2024-Q4".into()));
    let fy = read_period(
        "fisk 2025",
        &lang,
        Published::Year(2026),
        FiscalCalendar { start_month: 7 },
    )
    .expect("fiscal");
    assert_eq!(label(fy.start, fy.end), "2024-07-01..2025-06-30");
    // and what it does not know is refused with a reason
    let e = read(&lang, "some other moon", "2026-02-12").unwrap_err();
    assert!(e.contains("understood «moon», not «some», «other»"), "{e}");
}

#[test]
fn a_desk_file_adds_and_overrides_words_and_forms() {
    let common = bundled("common");
    let zh = bundled("zh");
    let desk = file(
        r#"
relative:
  month: {-2: [上上个月]}
  year: {-1: [头年]}
forms:
  - "{year} 年 {mm} 月份"
"#,
    );
    let lang = PeriodLang::build(&[&common, &zh, &desk]).expect("builds");
    assert_eq!(read(&lang, "上上个月", "2026-02-12"), Ok("2025-12".into()));
    assert_eq!(read(&lang, "头年", "2026-02-12"), Ok("2025".into()));
    assert_eq!(
        read(&lang, "2025年3月份", "2026-02-12"),
        Ok("2025-03".into())
    );
    assert_eq!(read(&lang, "去年", "2026-02-12"), Ok("2025".into()));
    // a later file overrides what a word means
    let fix = file("relative:\n  year: {-2: [去年]}\n");
    let lang = PeriodLang::build(&[&common, &zh, &fix]).expect("builds");
    assert_eq!(read(&lang, "去年", "2026-02-12"), Ok("2024".into()));
}

#[test]
fn build_refuses_bad_rules_with_a_reason() {
    assert!(serde_saphyr::from_str::<PeriodLangFile>("montsh: {1: [jan]}\n").is_err());
    let bad_month = file("language: xx\nmonths: {13: [undecember]}\n");
    let e = PeriodLang::build(&[&bad_month]).unwrap_err();
    assert!(e.contains("months") && e.contains("13"), "{e}");
    let bad_form = file("forms: [\"{year\"]\n");
    let e = PeriodLang::build(&[&bad_form]).unwrap_err();
    assert!(e.contains("{year"), "{e}");
    let unknown = file("forms: [\"{decade}\"]\n");
    let e = PeriodLang::build(&[&unknown]).unwrap_err();
    assert!(e.contains("unknown placeholder {decade}"), "{e}");
    let twice = file("forms: [\"{year} - {year}\"]\n");
    let e = PeriodLang::build(&[&twice]).unwrap_err();
    assert!(e.contains("{year} is used twice"), "{e}");
    let digits = file("digits: [\"0123\"]\n");
    assert!(PeriodLang::build(&[&digits]).is_err());
    // an empty language reads nothing, without panicking
    let empty = PeriodLang::build(&[]).expect("builds");
    assert!(read(&empty, "2025", "2026").is_err());
    let default = PeriodLang::default();
    assert!(read(&default, "2025", "2026").is_err());
}
