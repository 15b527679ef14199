//! Unit tests of the figure reader with the bundled rules, in all ten languages.

use super::*;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

fn file(path: &str) -> FigureLangFile {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str::<FigureLangFile>(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn lang(code: &str) -> FigureLang {
    static CACHE: OnceLock<Mutex<HashMap<String, FigureLang>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut c = cache.lock().unwrap();
    c.entry(code.to_string())
        .or_insert_with(|| {
            let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lang");
            let common = file(&format!("{root}/common/figures.yaml"));
            let l = file(&format!("{root}/{code}/figures.yaml"));
            FigureLang::build(&[&common, &l]).unwrap()
        })
        .clone()
}

fn read(code: &str, text: &str) -> Figure {
    match read_figure(text, &lang(code)) {
        Ok(f) => f,
        Err(e) => panic!("{code} «{text}»: {e}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// (lang, text, value, unit, approx)
type Case<'a> = (&'a str, &'a str, f64, Option<&'a str>, Option<Approx>);

fn check(cases: &[Case]) {
    let mut bad = Vec::new();
    for &(code, text, value, unit, approx) in cases {
        match read_figure(text, &lang(code)) {
            Ok(f) => {
                if !close(f.value, value) || f.unit.as_deref() != unit || f.approx != approx {
                    bad.push(format!(
                        "{code} «{text}»: got {} {:?} {:?}, want {value} {unit:?} {approx:?}",
                        f.value, f.unit, f.approx
                    ));
                }
                assert!(f.lo <= f.value && f.value <= f.hi, "{code} «{text}»: {f:?}");
            }
            Err(e) => bad.push(format!("{code} «{text}»: {e}")),
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

use Approx::*;
const N: Option<&str> = None;

#[test]
fn digits_and_separators() {
    check(&[
        ("en", "1,234,567.89", 1234567.89, N, None),
        ("en", "1 234 567", 1234567.0, N, None),
        ("en", "40\u{202f}000", 40000.0, N, None),
        ("en", "40\u{a0}000", 40000.0, N, None),
        ("en", "-3.5", -3.5, N, None),
        ("en", "3.5e9", 3.5e9, N, None),
        ("en", "1.04M", 1.04e6, N, None),
        ("ru", "1 234,5", 1234.5, N, None),
        ("ru", "0,729", 0.729, N, None),
        ("de", "1.234.567,89", 1234567.89, N, None),
        ("de", "1'234", 1234.0, N, None),
        ("fr", "1 234,5", 1234.5, N, None),
        ("it", "2.500", 2500.0, N, None),
        ("es", "3,5", 3.5, N, None),
        ("pl", "2 300,5", 2300.5, N, None),
        ("bg", "1.250.000", 1250000.0, N, None),
        ("th", "๑๒๓", 123.0, N, None),
        ("th", "๔.๕", 4.5, N, None),
        ("zh", "１２３４５", 12345.0, N, None),
        ("zh", "２．５", 2.5, N, None),
        ("en", "+5", 5.0, N, None),
    ]);
}

#[test]
fn scale_words() {
    check(&[
        ("en", "$26.3 billion", 26.3e9, Some("USD"), None),
        ("en", "$5m", 5e6, Some("USD"), None),
        ("en", "€3bn", 3e9, Some("EUR"), None),
        ("en", "2 tn", 2e12, N, None),
        ("en", "1.2B", 1.2e9, N, None),
        ("en", "10k", 1e4, N, None),
        ("ru", "1,23 млрд руб.", 1.23e9, Some("RUB"), None),
        ("ru", "5 трлн", 5e12, N, None),
        ("ru", "300 тыс.", 3e5, N, None),
        ("ru", "два миллиарда", 2e9, N, None),
        ("ru", "миллиард", 1e9, N, None),
        ("bg", "2 млрд. лева", 2e9, Some("BGN"), None),
        ("bg", "5 хил. лв", 5000.0, Some("BGN"), None),
        ("bg", "два милиарда", 2e9, N, None),
        ("pl", "3 mld zł", 3e9, Some("PLN"), None),
        ("pl", "dwa miliardy", 2e9, N, None),
        ("pl", "5 tys. zł", 5000.0, Some("PLN"), None),
        ("pl", "12 mln", 12e6, N, None),
        ("zh", "2000亿美元", 2e11, Some("USD"), None),
        ("zh", "八十亿", 8e9, N, None),
        ("zh", "两千亿", 2e11, N, None),
        ("zh", "3万亿", 3e12, N, None),
        ("zh", "3萬億", 3e12, N, None),
        ("zh", "5億", 5e8, N, None),
        ("th", "320 พันล้านเหรียญสหรัฐ", 3.2e11, Some("USD"), None),
        ("th", "$ 100 พันล้าน", 1e11, Some("USD"), None),
        ("th", "5 หมื่นล้านบาท", 5e10, Some("THB"), None),
        ("th", "2 แสนล้าน", 2e11, N, None),
        ("th", "3 ล้านล้านบาท", 3e12, Some("THB"), None),
        ("de", "3,5 Mrd. Euro", 3.5e9, Some("EUR"), None),
        ("de", "12 Mio. Euro", 12e6, Some("EUR"), None),
        ("de", "2 Milliarden Dollar", 2e9, Some("USD"), None),
        ("es", "3.000 millones de dólares", 3e9, Some("USD"), None),
        ("es", "5 mil millones de euros", 5e9, Some("EUR"), None),
        ("fr", "7 milliards d'euros", 7e9, Some("EUR"), None),
        ("fr", "2,5 millions de dollars", 2.5e6, Some("USD"), None),
        ("it", "3 miliardi di euro", 3e9, Some("EUR"), None),
        ("it", "2,5 milioni di dollari", 2.5e6, Some("USD"), None),
    ]);
}

#[test]
fn number_words() {
    check(&[
        ("en", "two hundred billion", 2e11, N, None),
        ("en", "twenty-one thousand eleven", 21011.0, N, None),
        ("en", "one and a half million", 1.5e6, N, None),
        ("ru", "двести тридцать пять", 235.0, N, None),
        ("ru", "две тысячи двадцать четыре", 2024.0, N, None),
        ("bg", "два милиарда", 2e9, N, None),
        ("bg", "тридесет и три", 33.0, N, None),
        ("pl", "dwa tysiące dwanaście", 2012.0, N, None),
        ("pl", "dziewięćdziesiąt dwa", 92.0, N, None),
        ("zh", "两千亿", 2e11, N, None),
        ("zh", "一百五", 150.0, N, None),
        ("zh", "四亿五千六百四十二万零一十五", 456420015.0, N, None),
        ("th", "หนึ่งแสน", 1e5, N, None),
        ("th", "สามสิบเอ็ดล้าน", 31e6, N, None),
        ("de", "tausend", 1000.0, N, None),
        ("de", "zweihundertfünfzig", 250.0, N, None),
        ("de", "dreiundzwanzig", 23.0, N, None),
        ("de", "zwei Millionen", 2e6, N, None),
        ("es", "doscientos cincuenta", 250.0, N, None),
        ("es", "treinta y uno", 31.0, N, None),
        ("es", "dos mil", 2000.0, N, None),
        ("fr", "quatre-vingt-dix-sept", 97.0, N, None),
        ("fr", "vingt et un", 21.0, N, None),
        ("fr", "deux cents", 200.0, N, None),
        ("fr", "trois mille", 3000.0, N, None),
        ("it", "duemilacinquecento", 2500.0, N, None),
        ("it", "trentuno", 31.0, N, None),
        ("it", "tre miliardi", 3e9, N, None),
    ]);
}

#[test]
fn currencies_everywhere() {
    check(&[
        ("en", "US$ 3.25", 3.25, Some("USD"), None),
        ("en", "£10", 10.0, Some("GBP"), None),
        ("en", "¥500", 500.0, Some("JPY"), None),
        ("en", "100 euros", 100.0, Some("EUR"), None),
        ("ru", "10 долларов", 10.0, Some("USD"), None),
        ("ru", "500 рублей", 500.0, Some("RUB"), None),
        ("ru", "100 евро", 100.0, Some("EUR"), None),
        ("bg", "10 долара", 10.0, Some("USD"), None),
        ("bg", "20 лева", 20.0, Some("BGN"), None),
        ("pl", "100 dolarów", 100.0, Some("USD"), None),
        ("pl", "50 zł", 50.0, Some("PLN"), None),
        ("pl", "20 euro", 20.0, Some("EUR"), None),
        ("zh", "100美元", 100.0, Some("USD"), None),
        ("zh", "5元", 5.0, Some("CNY"), None),
        ("zh", "100人民币", 100.0, Some("CNY"), None),
        ("zh", "10港币", 10.0, Some("HKD"), None),
        ("zh", "¥5", 5.0, Some("CNY"), None),
        ("th", "100 บาท", 100.0, Some("THB"), None),
        ("th", "50 ดอลลาร์", 50.0, Some("USD"), None),
        ("th", "50 เหรียญสหรัฐ", 50.0, Some("USD"), None),
        ("de", "100 Euro", 100.0, Some("EUR"), None),
        ("de", "5 US-Dollar", 5.0, Some("USD"), None),
        ("es", "100 dólares", 100.0, Some("USD"), None),
        ("fr", "100 €", 100.0, Some("EUR"), None),
        ("fr", "5 livres", 5.0, Some("GBP"), None),
        ("it", "100 dollari", 100.0, Some("USD"), None),
        ("it", "€ 100", 100.0, Some("EUR"), None),
    ]);
}

#[test]
fn units_and_percent() {
    check(&[
        ("en", "33 GW", 33.0, Some("GW"), None),
        ("en", "1.2 gigawatts", 1.2, Some("GW"), None),
        ("en", "500 MW", 500.0, Some("MW"), None),
        ("en", "5%", 5.0, Some("%"), None),
        ("en", "2.5 percentage points", 2.5, Some("pp"), None),
        ("ru", "около 33 гигаватт", 33.0, Some("GW"), Some(About)),
        ("ru", "5 ГВт", 5.0, Some("GW"), None),
        ("ru", "3 процента", 3.0, Some("%"), None),
        ("ru", "1,5 п.п.", 1.5, Some("pp"), None),
        ("bg", "около 33 гигавата", 33.0, Some("GW"), Some(About)),
        ("bg", "5 процента", 5.0, Some("%"), None),
        ("pl", "10 gigawatów", 10.0, Some("GW"), None),
        ("pl", "3 proc.", 3.0, Some("%"), None),
        ("zh", "10吉瓦", 10.0, Some("GW"), None),
        ("zh", "300兆瓦", 300.0, Some("MW"), None),
        ("zh", "5千兆瓦", 5.0, Some("GW"), None),
        ("zh", "百分之五", 5.0, Some("%"), None),
        ("zh", "3个百分点", 3.0, Some("pp"), None),
        ("th", "5 กิกะวัตต์", 5.0, Some("GW"), None),
        ("th", "5 เปอร์เซ็นต์", 5.0, Some("%"), None),
        ("de", "5 Gigawatt", 5.0, Some("GW"), None),
        ("de", "3 Prozent", 3.0, Some("%"), None),
        ("es", "5 gigavatios", 5.0, Some("GW"), None),
        ("es", "3 por ciento", 3.0, Some("%"), None),
        ("fr", "5 gigawatts", 5.0, Some("GW"), None),
        ("fr", "3 pour cent", 3.0, Some("%"), None),
        ("it", "5 gigawatt", 5.0, Some("GW"), None),
        ("it", "3 per cento", 3.0, Some("%"), None),
    ]);
}

#[test]
fn approximations() {
    check(&[
        ("en", "about $14 million", 14e6, Some("USD"), Some(About)),
        ("en", "nearly 300", 300.0, N, Some(About)),
        (
            "en",
            "more than $247 million",
            247e6,
            Some("USD"),
            Some(Over),
        ),
        ("en", "less than 7", 7.0, N, Some(Under)),
        ("en", "up to 700", 700.0, N, Some(UpTo)),
        ("en", "at least 30", 30.0, N, Some(AtLeast)),
        ("ru", "почти 100", 100.0, N, Some(About)),
        ("ru", "более 5 млрд", 5e9, N, Some(Over)),
        ("ru", "свыше 10", 10.0, N, Some(Over)),
        ("ru", "до 5 млрд", 5e9, N, Some(UpTo)),
        ("bg", "близо 100", 100.0, N, Some(About)),
        ("bg", "над 5", 5.0, N, Some(Over)),
        ("pl", "ponad 5 mld", 5e9, N, Some(Over)),
        ("pl", "około 100", 100.0, N, Some(About)),
        ("pl", "prawie 3 mln", 3e6, N, Some(About)),
        ("pl", "do 10", 10.0, N, Some(UpTo)),
        ("zh", "近100", 100.0, N, Some(About)),
        ("zh", "约5亿", 5e8, N, Some(About)),
        ("zh", "超过 100 亿美元", 1e10, Some("USD"), Some(Over)),
        ("zh", "逾10亿", 1e9, N, Some(Over)),
        ("zh", "3万多", 3e4, N, Some(Over)),
        ("zh", "500以上", 500.0, N, Some(Over)),
        ("zh", "100左右", 100.0, N, Some(About)),
        ("th", "ประมาณ 100", 100.0, N, Some(About)),
        ("th", "กว่า 100 ล้าน", 1e8, N, Some(Over)),
        ("th", "เกือบ 50", 50.0, N, Some(About)),
        ("de", "rund 100", 100.0, N, Some(About)),
        ("de", "etwa 5 Mrd.", 5e9, N, Some(About)),
        ("de", "über 100", 100.0, N, Some(Over)),
        ("es", "casi 100", 100.0, N, Some(About)),
        ("es", "más de 100", 100.0, N, Some(Over)),
        ("fr", "environ 100", 100.0, N, Some(About)),
        ("fr", "plus de 100", 100.0, N, Some(Over)),
        ("it", "circa 100", 100.0, N, Some(About)),
        ("it", "oltre 100", 100.0, N, Some(Over)),
    ]);
}

#[test]
fn vague_amounts() {
    check(&[
        (
            "en",
            "tens of billions",
            1e9 * 10f64.powf(1.5),
            N,
            Some(Vague),
        ),
        (
            "en",
            "hundreds of billions of dollars",
            1e9 * 10f64.powf(2.5),
            Some("USD"),
            Some(Vague),
        ),
        (
            "ru",
            "десятки миллиардов",
            1e9 * 10f64.powf(1.5),
            N,
            Some(Vague),
        ),
        (
            "ru",
            "сотни миллиардов",
            1e9 * 10f64.powf(2.5),
            N,
            Some(Vague),
        ),
        (
            "bg",
            "десетки милиарди",
            1e9 * 10f64.powf(1.5),
            N,
            Some(Vague),
        ),
        (
            "pl",
            "dziesiątki miliardów dolarów",
            1e9 * 10f64.powf(1.5),
            Some("USD"),
            Some(Vague),
        ),
        ("zh", "数百亿", 20f64.sqrt() * 1e10, N, Some(Vague)),
        ("zh", "数十亿", 20f64.sqrt() * 1e9, N, Some(Vague)),
        ("th", "หลายหมื่นล้าน", 20f64.sqrt() * 1e10, N, Some(Vague)),
    ]);
    let f = read("en", "tens of billions");
    assert!(close(f.lo, 1e10) && close(f.hi, 1e11), "{f:?}");
    let f = read("zh", "数十亿");
    assert!(close(f.lo, 2e9) && close(f.hi, 1e10), "{f:?}");
}

#[test]
fn ranges() {
    let cases: &[(&str, &str, f64, f64, Option<&str>)] = &[
        ("en", "$64-72 billion", 64e9, 72e9, Some("USD")),
        ("en", "between 5 and 10", 5.0, 10.0, None),
        ("en", "between $5bn and $7bn", 5e9, 7e9, Some("USD")),
        ("en", "from 10 to 20 dollars", 10.0, 20.0, Some("USD")),
        ("ru", "от 60 до 65 млрд", 60e9, 65e9, None),
        ("ru", "между 10 и 20 долларами", 10.0, 20.0, Some("USD")),
        ("bg", "от 10 до 20 долара", 10.0, 20.0, Some("USD")),
        ("pl", "od 5 do 10 mld zł", 5e9, 10e9, Some("PLN")),
        ("zh", "10到20", 10.0, 20.0, None),
        ("zh", "10至20亿元", 10e8, 20e8, Some("CNY")),
        ("th", "10-20 ล้านบาท", 10e6, 20e6, Some("THB")),
        ("th", "2-3 หมื่นล้านบาท", 2e10, 3e10, Some("THB")),
        ("de", "zwischen 5 und 10 Mrd. Euro", 5e9, 10e9, Some("EUR")),
        ("es", "entre 5 y 10 millones", 5e6, 10e6, None),
        ("fr", "entre 5 et 10 milliards", 5e9, 10e9, None),
        ("it", "tra 5 e 10 miliardi", 5e9, 10e9, None),
    ];
    let mut bad = Vec::new();
    for &(code, text, a, b, unit) in cases {
        match read_figure(text, &lang(code)) {
            Ok(f) => {
                let ok = f.approx == Some(Range)
                    && f.ends.is_some_and(|(x, y)| close(x, a) && close(y, b))
                    && f.unit.as_deref() == unit
                    && close(f.value, (a + b) / 2.0)
                    && f.lo <= a
                    && f.hi >= b;
                if !ok {
                    bad.push(format!("{code} «{text}»: {f:?}"));
                }
            }
            Err(e) => bad.push(format!("{code} «{text}»: {e}")),
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

#[test]
fn rounding_intervals() {
    let f = read("en", "$26.3 billion");
    assert!(close(f.lo, 26.25e9) && close(f.hi, 26.35e9), "{f:?}");
    let f = read("en", "$100 billion");
    assert!(close(f.lo, 99.5e9) && close(f.hi, 100.5e9), "{f:?}");
    let f = read("zh", "2000亿美元");
    assert!(close(f.lo, 1999.5e8) && close(f.hi, 2000.5e8), "{f:?}");
    let f = read("zh", "三百万");
    assert!(
        close(f.lo, 300e4 - 5e3) && close(f.hi, 300e4 + 5e3),
        "{f:?}"
    );
    // about: ±10% (approx_widths in the common file)
    let f = read("en", "about 100");
    assert!(close(f.lo, 90.0) && close(f.hi, 110.0), "{f:?}");
    // over: value .. ×1.5
    let f = read("en", "over 100");
    assert!(close(f.lo, 99.5) && close(f.hi, 150.0), "{f:?}");
    // up to: 0 .. value
    let f = read("en", "up to 100");
    assert!(close(f.lo, 0.0) && close(f.hi, 100.5), "{f:?}");
    let f = read("en", "-2.5");
    assert!(close(f.lo, -2.55) && close(f.hi, -2.45), "{f:?}");
}

#[test]
fn scale_ambiguity() {
    for (code, text, value) in [
        ("bg", "2 билиона", 2e9),
        ("pl", "2 biliony", 2e12),
        ("pl", "biliard", 1e15),
        ("de", "2 Billionen Euro", 2e12),
        ("es", "un billón", 1e12),
        ("fr", "3 billions", 3e12),
    ] {
        let f = read(code, text);
        assert!(close(f.value, value), "{code} {text}: {f:?}");
        assert!(f.scale_ambiguity.is_some(), "{code} {text}: {f:?}");
    }
    assert!(read("pl", "2 miliardy").scale_ambiguity.is_none());
    assert!(read("en", "2 billion").scale_ambiguity.is_none());
    // Bulgarian and Russian name 10^12 on the short scale, with a word of their own for 10^9
    for (code, text, value) in [
        ("bg", "един трилион", 1e12),
        ("bg", "4 трилиона лева", 4e12),
        ("bg", "1,7 трлн. евро", 1.7e12),
        ("ru", "3 триллиона рублей", 3e12),
        ("zh", "4兆", 4e12),
        ("th", "2 ล้านล้าน", 2e12),
    ] {
        let f = read(code, text);
        assert!(close(f.value, value), "{code} {text}: {f:?}");
        assert!(f.scale_ambiguity.is_none(), "{code} {text}: {f:?}");
    }
}

#[test]
fn words_with_stems_inside() {
    check(&[
        (
            "ru",
            "12 млрд тайваньских долларов",
            12e9,
            Some("TWD"),
            None,
        ),
        ("ru", "40 трлн южнокорейских вон", 40e12, Some("KRW"), None),
        ("ru", "1,5 процентного пункта", 1.5, Some("pp"), None),
        ("bg", "7 млрд. австралийски долара", 7e9, Some("AUD"), None),
        (
            "fr",
            "8 millions de dollars canadiens",
            8e6,
            Some("CAD"),
            None,
        ),
        ("fr", "supérieures à 12 %", 12.0, Some("%"), Some(Over)),
        (
            "es",
            "90 millones de dólares australianos",
            90e6,
            Some("AUD"),
            None,
        ),
        ("pl", "4 mld dolarów kanadyjskich", 4e9, Some("CAD"), None),
        (
            "it",
            "3 miliardi di dollari canadesi",
            3e9,
            Some("CAD"),
            None,
        ),
    ]);
}

#[test]
fn regional_currency_marks() {
    check(&[
        ("en", "$A2.4 billion", 2.4e9, Some("AUD"), None),
        ("en", "A$2.4bn", 2.4e9, Some("AUD"), None),
        ("en", "C$700 million", 7e8, Some("CAD"), None),
        ("en", "HK$9bn", 9e9, Some("HKD"), None),
        ("en", "S$1.3 billion", 1.3e9, Some("SGD"), None),
        ("en", "R$40 billion", 4e10, Some("BRL"), None),
        ("en", "NZ$600m", 6e8, Some("NZD"), None),
        ("en", "CN¥3bn", 3e9, Some("CNY"), None),
        ("en", "₩900 billion", 9e11, Some("KRW"), None),
        ("en", "₹12,000 crore", 1.2e11, Some("INR"), None),
        ("fr", "2,3 milliards $US", 2.3e9, Some("USD"), None),
        ("de", "€4,2 Mrd.", 4.2e9, Some("EUR"), None),
        ("pl", "45 zł", 45.0, Some("PLN"), None),
        ("bg", "80 лв.", 80.0, Some("BGN"), None),
        ("ru", "600 ₽", 600.0, Some("RUB"), None),
        ("zh", "NT$2.5兆", 2.5e12, Some("TWD"), None),
        ("fr", "700 ME", 7e8, Some("EUR"), None),
        ("fr", "4,1 MdE", 4.1e9, Some("EUR"), None),
        ("fr", "12 MMDH", 12e9, Some("MAD"), None),
        ("fr", "300 milliards de FCFA", 3e11, Some("XOF"), None),
    ]);
}

#[test]
fn a_shared_currency_word_gives_way_to_a_named_one() {
    check(&[
        ("zh", "新台币520亿元", 5.2e10, Some("TWD"), None),
        ("zh", "730亿元新台币", 7.3e10, Some("TWD"), None),
        ("zh", "约新台币12亿元", 1.2e9, Some("TWD"), Some(About)),
        ("zh", "港币5亿元", 5e8, Some("HKD"), None),
        ("zh", "人民币300亿元", 3e10, Some("CNY"), None),
        ("zh", "300亿元", 3e10, Some("CNY"), None),
    ]);
    let f = read("zh", "新台币520亿元");
    assert!(
        f.steps
            .iter()
            .any(|s| s.meaning.contains("the unit of TWD")),
        "{f:?}"
    );
    // two named currencies stay two: the reading is refused rather than guessed
    assert!(read_figure("5亿美元港币", &lang("zh")).is_err());
}

#[test]
fn separators_decided_by_what_is_counted() {
    check(&[
        // a page that groups thousands with commas, in a decimal-comma language
        ("es", "48,250 vehículos", 48250.0, N, None),
        ("bg", "3,480 души", 3480.0, N, None),
        ("ru", "2,750 человек", 2750.0, N, None),
        ("en", "27.640 cars", 27640.0, N, None),
        // a scale word first: the decimal mark stays
        ("ru", "2,350 млн человек", 2.35e6, N, None),
        ("fr", "1,175 million de véhicules", 1.175e6, N, None),
        // nothing counted: the language's decimal mark
        ("es", "4,125 euros", 4.125, Some("EUR"), None),
        ("pl", "3,875 zł", 3.875, Some("PLN"), None),
    ]);
    let f = read("es", "48,250 vehículos");
    assert!(
        f.steps
            .iter()
            .any(|s| s.meaning.contains("thousands group")),
        "{f:?}"
    );
    let f = read("pl", "3,875 zł");
    assert!(
        f.steps.iter().any(|s| s.meaning.contains("ambiguous")),
        "{f:?}"
    );
    let f = read("ru", "2,350 млн человек");
    assert!(
        !f.steps.iter().any(|s| s.meaning.contains("ambiguous")),
        "{f:?}"
    );
}

#[test]
fn apostrophes_and_two_digit_groups() {
    check(&[
        ("es", "7'25%", 7.25, Some("%"), None),
        ("es", "el 3'1 por ciento", 3.1, Some("%"), None),
        ("de", "48'000 Franken", 48000.0, Some("CHF"), None),
        ("en", "Rs 4,75,000", 475000.0, Some("INR"), None),
        ("en", "₹12,34,56,789", 123456789.0, Some("INR"), None),
        ("en", "1,23,456.75", 123456.75, N, None),
        ("en", "Rs 3 lakh crore", 3e12, Some("INR"), None),
    ]);
    // English minutes and seconds are not decimals
    assert!(read_figure("4'18", &lang("en")).is_err());
}

#[test]
fn numerals_with_grammar() {
    check(&[
        ("bg", "47-те милиарда", 47e9, N, None),
        ("bg", "петте милиарда лева", 5e9, Some("BGN"), None),
        ("bg", "двата милиона", 2e6, N, None),
        ("ru", "7-ми миллиардов рублей", 7e9, Some("RUB"), None),
        ("ru", "3-х миллионов", 3e6, N, None),
        ("ru", "семистах тысячах", 7e5, N, None),
        ("ru", "девятистам", 900.0, N, None),
        ("ru", "четырьмястами", 400.0, N, None),
        ("zh", "3兆2000亿元", 3.2e12, Some("CNY"), None),
        (
            "zh",
            "2兆5371亿8800万元",
            2537188000000.0,
            Some("CNY"),
            None,
        ),
        ("zh", "2.6万亿", 2.6e12, N, None),
        ("zh", "上万", 1e4, N, Some(Over)),
        ("zh", "上百亿元", 1e10, Some("CNY"), Some(Over)),
        ("zh", "800兆瓦", 800.0, Some("MW"), None),
        ("en", "seven (7) million", 7e6, N, None),
        ("ru", "шесть (6) миллиардов", 6e9, N, None),
    ]);
    // `上` is "on" anywhere but before a multiplier
    let zh = lang("zh");
    let text = "上半年营收增长12%";
    let spans: Vec<&str> = find_figures(text, &zh)
        .iter()
        .map(|(r, _)| &text[r.clone()])
        .collect();
    assert!(!spans.iter().any(|s| s.starts_with('上')), "{spans:?}");
}

#[test]
fn rates_prices_and_volumes() {
    check(&[
        (
            "en",
            "2.4 million barrels a day",
            2.4e6,
            Some("bbl/d"),
            None,
        ),
        ("en", "600,000 bpd", 6e5, Some("bbl/d"), None),
        ("en", "1.5 mb/d", 1.5e6, Some("bbl/d"), None),
        ("en", "35 bcm", 35e9, Some("m3"), None),
        ("en", "$3 a day", 3.0, Some("USD"), None),
        ("en", "$82 a barrel", 82.0, Some("USD"), None),
        ("zh", "每天150万桶", 1.5e6, Some("bbl/d"), None),
        ("zh", "210万桶/日", 2.1e6, Some("bbl/d"), None),
        ("zh", "450亿立方米", 4.5e10, Some("m3"), None),
        ("ru", "9,8 млн баррелей в сутки", 9.8e6, Some("bbl/d"), None),
        ("ru", "25 млрд кубометров", 25e9, Some("m3"), None),
        ("bg", "80 000 барела дневно", 8e4, Some("bbl/d"), None),
        ("pl", "200 tys. baryłek dziennie", 2e5, Some("bbl/d"), None),
        ("de", "300.000 Barrel pro Tag", 3e5, Some("bbl/d"), None),
        (
            "es",
            "1,3 millones de barriles diarios",
            1.3e6,
            Some("bbl/d"),
            None,
        ),
        ("es", "45 euros por tonelada", 45.0, Some("EUR"), None),
        ("fr", "800 000 barils/jour", 8e5, Some("bbl/d"), None),
        (
            "it",
            "2 milioni di barili al giorno",
            2e6,
            Some("bbl/d"),
            None,
        ),
        ("th", "5 แสนบาร์เรลต่อวัน", 5e5, Some("bbl/d"), None),
        (
            "es",
            "310.000 barriles equivalentes de petróleo (bep) al día",
            3.1e5,
            Some("bbl/d"),
            None,
        ),
        ("en", "a 750-megawatt plant", 750.0, Some("MW"), None),
        ("en", "a $3-billion deal", 3e9, Some("USD"), None),
    ]);
    let f = read("en", "$82 a barrel");
    assert!(
        f.steps
            .iter()
            .any(|s| s.meaning.contains("a price per bbl")),
        "{f:?}"
    );
}

#[test]
fn percentage_points_everywhere() {
    check(&[
        ("en", "0.4 percentage points", 0.4, Some("pp"), None),
        ("en", "25 basis points", 0.25, Some("pp"), None),
        ("ru", "0,3 п.п.", 0.3, Some("pp"), None),
        ("bg", "0,5 пункта", 0.5, Some("pp"), None),
        ("pl", "0,15 pkt proc.", 0.15, Some("pp"), None),
        ("zh", "0.8个百分点", 0.8, Some("pp"), None),
        ("zh", "25个基点", 0.25, Some("pp"), None),
        ("th", "0.25 จุดเปอร์เซ็นต์", 0.25, Some("pp"), None),
        ("de", "0,3 Prozentpunkte", 0.3, Some("pp"), None),
        ("de", "0,3 Punkte", 0.3, Some("pp"), None),
        ("es", "1,1 puntos porcentuales", 1.1, Some("pp"), None),
        ("es", "3 puntos", 3.0, Some("pp"), None),
        ("fr", "0,7 point", 0.7, Some("pp"), None),
        ("fr", "75 points de base", 0.75, Some("pp"), None),
        ("it", "1,8 punti", 1.8, Some("pp"), None),
    ]);
}

#[test]
fn signs_and_merged_articles() {
    check(&[
        ("es", "casi un +6%", 6.0, Some("%"), Some(About)),
        ("es", "dos con siete por ciento", 2.7, Some("%"), None),
        ("es", "3,9 por cien", 3.9, Some("%"), None),
        (
            "es",
            "61 100 millones en dólares",
            61.1e9,
            Some("USD"),
            None,
        ),
        ("fr", "plus d'un million de passagers", 1e6, N, Some(Over)),
        ("it", "superiore al 4%", 4.0, Some("%"), Some(Over)),
        (
            "it",
            "al di sotto del tre per cento",
            3.0,
            Some("%"),
            Some(Under),
        ),
        ("pl", "niespełna 3 mln zł", 3e6, Some("PLN"), Some(Under)),
        ("ru", "где-то 15%", 15.0, Some("%"), Some(About)),
        ("zh", "４﹒５％", 4.5, Some("%"), None),
    ]);
    let f = read("de", "-3 bis +2 Prozent");
    assert_eq!(f.ends, Some((-3.0, 2.0)), "{f:?}");
    assert_eq!(f.unit.as_deref(), Some("%"));
    let f = read("it", "dai 15mila ai 40mila euro");
    assert_eq!(f.ends, Some((15e3, 40e3)), "{f:?}");
    // `al` joins a range only after an opening word
    assert!(read_figure("5% al 2030", &lang("it")).is_err());
}

#[test]
fn words_not_read_are_named() {
    let f = read("fr", "7 % du PIB");
    let step = f
        .steps
        .iter()
        .find(|s| s.meaning.starts_with("not read"))
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(step.token, "du PIB");
    let f = read("en", "$26.3 billion");
    assert!(!f.steps.iter().any(|s| s.meaning.starts_with("not read")));
}

#[test]
fn steps_explain_the_reading() {
    let f = read("zh", "近2000亿美元");
    let d = crate::reading::describe(&f.steps);
    assert!(d.contains("近 → about: ±10%"), "{d}");
    assert!(d.contains("2000 → 2000"), "{d}");
    assert!(d.contains("亿 → ×1e8"), "{d}");
    assert!(d.contains("美元 → USD"), "{d}");
    let f = read("pl", "2 biliony");
    assert!(
        f.steps.iter().any(|s| s.token == "biliony"),
        "{:?}",
        f.steps
    );
}

#[test]
fn surrounding_words() {
    check(&[
        ("zh", "3 万个企业职位", 3e4, N, None),
        ("en", "0.5 kilograms of strawberries", 0.5, Some("kg"), None),
        ("en", "a US$4.7 billion deal", 4.7e9, Some("USD"), None),
        (
            "ru",
            "инвестиции около 33 гигаватт",
            33.0,
            Some("GW"),
            Some(About),
        ),
    ]);
}

#[test]
fn more_forms() {
    check(&[
        // bare cents after a currency (en, ru, bg)
        ("en", "$20 43", 20.43, Some("USD"), None),
        ("en", "20 dollars 43 cents", 20.43, Some("USD"), None),
        ("ru", "6 руб. 35 коп.", 6.35, Some("RUB"), None),
        ("bg", "15лв и 50ст", 15.5, Some("BGN"), None),
        ("zh", "五元六角", 5.6, Some("CNY"), None),
        ("zh", "一块二", 1.2, Some("CNY"), None),
        ("th", "ห้าสิบบาทห้าสิบสตางค์", 50.5, Some("THB"), None),
        // an article that is also `one`
        ("es", "un 2,5%", 2.5, Some("%"), None),
        ("es", "treinta y un millones", 31e6, N, None),
        // articles after a prefix word
        ("it", "circa il 30%", 30.0, Some("%"), Some(About)),
        ("es", "más del 50%", 50.0, Some("%"), Some(Over)),
        ("de", "rund die Hälfte", 0.5, N, Some(About)),
        // postfix and infix approximations
        ("zh", "一千多万", 1e7, N, Some(Over)),
        ("zh", "二十几万", 2e5, N, Some(Over)),
        ("th", "100 กว่าล้าน", 1e8, N, Some(Over)),
        ("en", "100,000-plus", 1e5, N, Some(Over)),
        // fractions and parts
        (
            "en",
            "three quarters billion us dollars",
            7.5e8,
            Some("USD"),
            None,
        ),
        ("en", "one fifth", 0.2, N, None),
        (
            "ru",
            "две целых пять десятых тысячи рублей",
            2500.0,
            Some("RUB"),
            None,
        ),
        ("zh", "五分之一", 0.2, N, None),
        ("zh", "千分之２．４", 0.24, Some("%"), None),
        ("zh", "七成", 70.0, Some("%"), None),
        // years in the Buddhist era
        ("th", "พ.ศ. 2519", 1976.0, Some("year"), None),
        // `m` is million right after digits, metres after a space
        ("en", "$5m", 5e6, Some("USD"), None),
        ("en", "500 m", 500.0, Some("m"), None),
        ("en", "5 t", 5.0, Some("t"), None),
        // Indian English
        ("en", "Rs 500 crore", 5e9, Some("INR"), None),
    ]);
    let f = read("zh", "至少10最多20");
    assert_eq!((f.approx, f.ends), (Some(Range), Some((10.0, 20.0))));
    let f = read("zh", "3至5成");
    assert_eq!((f.unit.as_deref(), f.ends), (Some("%"), Some((30.0, 50.0))));
    // a hyphen after a word is not a minus
    assert_eq!(read("en", "COVID-19").value, 19.0);
}

#[test]
fn errors() {
    let en = lang("en");
    for text in ["", "   ", "no number here", "billion"] {
        let e = read_figure(text, &en).unwrap_err();
        assert!(!e.reason.is_empty());
    }
    let e = read_figure("5 GW and 7 GW", &en).unwrap_err();
    assert!(e.reason.contains("two different figures"), "{e}");
    let e = read_figure("5 bil. dollars", &en).unwrap_err();
    assert!(e.reason.contains("abbreviation"), "{e}");
    let e = read_figure("100 new billion", &en).unwrap_err();
    assert!(e.reason.contains("not attached"), "{e}");
    // the same figure twice is one figure
    assert!(close(read("en", "forty-five (45)").value, 45.0));
    // a conversion in brackets is not a second figure
    let f = read("en", "$1.2 billion (€1.1 billion)");
    assert_eq!((f.value, f.unit.as_deref()), (1.2e9, Some("USD")));
    let f = read("zh", "100亿美元（约合700亿元人民币）");
    assert_eq!((f.value, f.unit.as_deref()), (1e10, Some("USD")));
    // bounds on both sides make a range
    let f = read("en", "above 1000 and below 1500");
    assert_eq!(f.approx, Some(Range));
}

#[test]
fn find_in_sentence() {
    let en = lang("en");
    let text = "Revenue rose 12% to $26.3 billion, while costs were about $3 million.";
    let found = find_figures(text, &en);
    let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(
        spans,
        vec!["12%", "$26.3 billion", "about $3 million"],
        "{found:?}"
    );
    let zh = lang("zh");
    let text = "今年投资超过100亿美元，装机30吉瓦。";
    let found = find_figures(text, &zh);
    let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(spans, vec!["超过100亿美元", "30吉瓦"]);
}

#[test]
fn a_later_file_overrides() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lang");
    let common = file(&format!("{root}/common/figures.yaml"));
    let zh = file(&format!("{root}/zh/figures.yaml"));
    let desk: FigureLangFile = serde_saphyr::from_str(
        "currencies:\n  元: HKD\napprox_widths:\n  about: {lo: 0.8, hi: 1.2}\nremove: [逾]\n",
    )
    .unwrap();
    let l = FigureLang::build(&[&common, &zh, &desk]).unwrap();
    let f = read_figure("近100元", &l).unwrap();
    assert_eq!(f.unit.as_deref(), Some("HKD"));
    assert!(close(f.lo, 80.0) && close(f.hi, 120.0), "{f:?}");
    assert!(read_figure("逾100", &l).unwrap().approx.is_none());
    // unknown fields are refused
    assert!(serde_saphyr::from_str::<FigureLangFile>("colours: [red]\n").is_err());
    // bad values are refused with a reason
    let bad: FigureLangFile = serde_saphyr::from_str("approx:\n  maybe: perhaps\n").unwrap();
    assert!(FigureLang::build(&[&bad]).is_err());
}

#[test]
fn adjectives_that_carry_their_scale() {
    for (code, text) in [
        ("pl", "wielomiliardowe"),
        ("en", "multi-billion"),
        ("ru", "многомиллиардные"),
        ("bg", "многомилиардни"),
    ] {
        let f = read(code, text);
        assert_eq!((f.lo, f.hi), (2e9, 1e11), "{code} {text}");
        assert_eq!(f.approx, Some(Approx::Vague), "{code} {text}");
    }
}

#[test]
fn a_figure_is_short_text() {
    let long = format!("$100 billion {}", "and more ".repeat(200));
    let err = read_figure(&long, &lang("en")).unwrap_err();
    assert!(err.reason.contains("too long"), "{}", err.reason);
}

#[test]
fn scale_words_decide_three_digits_before_them() {
    check(&[
        // thousands of millions are written before `millones`
        ("es", "3,480 millones de euros", 3.48e9, Some("EUR"), None),
        (
            "es",
            "7.215 millones de dólares",
            7.215e9,
            Some("USD"),
            None,
        ),
        // thousands of billions are written with the next scale word
        ("bg", "14.270 млрд. лева", 14.27e9, Some("BGN"), None),
        ("pl", "2.415 mld zł", 2.415e9, Some("PLN"), None),
        // other scale words leave it to the language
        ("bg", "1.250 млн. лева", 1.25e9, Some("BGN"), None),
        ("ru", "4,125 млрд рублей", 4.125e9, Some("RUB"), None),
    ]);
    let f = read("es", "3,480 millones de euros");
    assert!(
        f.steps
            .iter()
            .any(|s| s.meaning.contains("a thousands group")),
        "{f:?}"
    );
    let f = read("bg", "14.270 млрд. лева");
    assert!(
        f.steps
            .iter()
            .any(|s| s.meaning.contains("the decimal mark")),
        "{f:?}"
    );
}

#[test]
fn sub_units_alone_name_their_currency() {
    check(&[
        ("bg", "около 40 стотинки", 0.4, Some("BGN"), Some(About)),
        ("ru", "90 копеек", 0.9, Some("RUB"), None),
        ("pl", "35 groszy", 0.35, Some("PLN"), None),
        ("en", "12 cents", 0.12, Some("USD"), None),
        ("th", "25 สตางค์", 0.25, Some("THB"), None),
    ]);
    let f = read("bg", "3-5 ст.");
    assert_eq!(f.unit.as_deref(), Some("BGN"));
    assert!(
        f.ends
            .is_some_and(|(a, b)| close(a, 0.03) && close(b, 0.05)),
        "{f:?}"
    );
    // after a currency a sub-unit still adds its fraction
    check(&[("ru", "12 рублей 40 копеек", 12.4, Some("RUB"), None)]);
}

#[test]
fn abbreviations_of_pages_and_accents_left_out() {
    check(&[
        ("ru", "215 тыс. шт.", 215e3, N, None),
        ("ru", "4,5 млн ед.", 4.5e6, N, None),
        ("ru", "31,2 млн б/с", 31.2e6, Some("bbl/d"), None),
        ("th", "125,400 ล.บาท", 1.254e11, Some("THB"), None),
        ("th", "850 ลบ.", 8.5e8, Some("THB"), None),
        ("fr", "275 terawattheures", 275.0, Some("TWh"), None),
        ("fr", "96 TWH", 96.0, Some("TWh"), None),
        ("fr", "3,75 $ CA", 3.75, Some("CAD"), None),
        (
            "fr",
            "1,4 million de barils / jour",
            1.4e6,
            Some("bbl/d"),
            None,
        ),
        ("es", "12 millones de dolares", 12e6, Some("USD"), None),
        ("it", "piu di 40 milioni", 40e6, N, Some(Over)),
        ("de", "rd. 7 Mrd. €", 7e9, Some("EUR"), Some(About)),
        ("de", "4,2 Mrd. US-$", 4.2e9, Some("USD"), None),
        ("pl", "0,35 p. proc.", 0.35, Some("pp"), None),
        ("zh", "27個會員國", 27.0, N, None),
    ]);
}

#[test]
fn an_article_alone_is_not_the_number_one() {
    check(&[
        ("fr", "un total de 8,2 millions", 8.2e6, N, None),
        ("es", "un récord de 3 millones", 3e6, N, None),
        ("fr", "un million", 1e6, N, None),
    ]);
    let f = read("fr", "un total de 8,2 millions");
    assert!(
        f.steps.iter().any(|s| s.meaning.contains("an article")),
        "{f:?}"
    );
    // alone, it is one
    assert!(close(read("fr", "un").value, 1.0));
}

#[test]
fn fractions_parts_and_prices_before_the_number() {
    check(&[
        ("en", "3 1/4 percent", 3.25, Some("%"), None),
        ("en", "half a billion euros", 5e8, Some("EUR"), None),
        (
            "de",
            "dreieinhalb Milliarden Euro",
            3.5e9,
            Some("EUR"),
            None,
        ),
        (
            "en",
            "250,000 barrels of crude a day",
            2.5e5,
            Some("bbl/d"),
            None,
        ),
        ("zh", "每吨480美元", 480.0, Some("USD"), None),
        ("zh", "日均产量95万桶", 9.5e5, Some("bbl/d"), None),
        ("ru", "3 млрд гривен", 3e9, Some("UAH"), None),
    ]);
    let f = read("zh", "每吨480美元");
    assert!(
        f.steps.iter().any(|s| s.meaning == "a price per t"),
        "{f:?}"
    );
}
