//! The figure words and the unit table agree: every code a language file can give a figure is
//! one the engine knows (a code it does not know makes the claim unreadable), and every
//! language's scale words name the source they were checked against.

use crosscheck::figure::{FigureLangFile, FullSpec, Spec};
use serde::Deserialize;
use std::collections::BTreeMap;

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
const LANGS: [&str; 11] = [
    "common", "en", "ru", "zh", "bg", "pl", "th", "de", "es", "fr", "it",
];

#[derive(Deserialize)]
struct UnitsFile {
    units: BTreeMap<String, Unit>,
}

#[derive(Deserialize)]
struct Unit {
    dimension: String,
}

fn units() -> BTreeMap<String, Unit> {
    let text = std::fs::read_to_string(format!("{RULES}/units.yaml")).expect("units.yaml");
    serde_saphyr::from_str::<UnitsFile>(&text)
        .expect("units.yaml")
        .units
}

fn lang_text(code: &str) -> String {
    std::fs::read_to_string(format!("{RULES}/lang/{code}/figures.yaml"))
        .unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn code(spec: &Spec) -> Option<&str> {
    match spec {
        Spec::Code(c) => Some(c),
        Spec::Full(FullSpec { code: Some(c), .. }) => Some(c),
        _ => None,
    }
}

#[test]
fn every_currency_is_a_declared_money_unit() {
    let units = units();
    let mut missing = Vec::new();
    for l in LANGS {
        let file: FigureLangFile = serde_saphyr::from_str(&lang_text(l)).expect(l);
        for (surface, spec) in &file.currencies {
            let Some(c) = code(spec) else { continue };
            match units.get(c) {
                Some(u) if u.dimension == "money" => {}
                Some(u) => missing.push(format!("{l} `{surface}`: {c} is {}", u.dimension)),
                None => missing.push(format!("{l} `{surface}`: {c} is not in units.yaml")),
            }
        }
    }
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

#[test]
fn the_units_real_articles_use_are_declared() {
    let units = units();
    for (c, dimension) in [
        ("bbl", "volume"),
        ("m3", "volume"),
        ("bbl/d", "volume_rate"),
        ("m3/d", "volume_rate"),
        ("t", "mass"),
        ("GW", "power"),
        ("MW", "power"),
        ("kW", "power"),
        ("TWh", "energy"),
        ("pp", "ratio_change"),
        ("%", "ratio"),
    ] {
        let u = units
            .get(c)
            .unwrap_or_else(|| panic!("{c} is not in units.yaml"));
        assert_eq!(u.dimension, dimension, "{c}");
    }
    // a rate word turns a unit into `unit/code`: each such pair the files can make is declared
    for l in LANGS {
        let file: FigureLangFile = serde_saphyr::from_str(&lang_text(l)).expect(l);
        for (surface, spec) in &file.rates {
            let rate = code(spec).unwrap_or_else(|| panic!("{l} rate `{surface}`: no code"));
            for base in ["bbl", "m3"] {
                let joined = format!("{base}/{rate}");
                assert!(
                    units.contains_key(&joined),
                    "{l} rate `{surface}` makes {joined}, which units.yaml does not declare"
                );
            }
        }
    }
}

#[test]
fn scale_words_name_their_source() {
    for l in ["en", "ru", "zh", "bg", "pl", "th", "de", "es", "fr", "it"] {
        let text = lang_text(l);
        let lines: Vec<&str> = text.lines().collect();
        // the comment right above `scales:`, or above `multipliers:` where they come first (th)
        let mut comment: Vec<&str> = Vec::new();
        for section in ["scales:", "multipliers:"] {
            if let Some(at) = lines.iter().position(|s| *s == section) {
                comment.extend(lines[..at].iter().rev().take_while(|s| s.starts_with('#')));
            }
        }
        assert!(!comment.is_empty(), "{l}: no comment above the scale words");
        let named = comment.iter().any(|s| {
            s.contains("wikipedia.org")
                || s.contains(".com")
                || s.contains("Diccionario")
                || s.contains("Treccani")
        });
        assert!(
            named,
            "{l}: the comment above the scale words names no source"
        );
        assert!(
            comment.iter().any(|s| s.contains("10^")),
            "{l}: the comment above the scale words gives no value"
        );
    }
}
