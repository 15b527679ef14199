//! `extract` recall on whole real articles with every figure marked by hand
//! (`tests/realworld/articles/`, see its README): the development articles of `dev/`, and the
//! held-out articles of `test/`, which were not looked at while `extract` was built. Each article
//! is `<lang>-<n>.txt` with `<lang>-<n>.yaml` beside it: `url`, `published`, `lang`, an optional
//! `note`, and `figures: [{text, sentence, kind}]`.
//!
//! A marked figure is found when a drafted claim's value overlaps the marked text where it stands
//! in its sentence, and the claim's quote is that sentence (white space aside). Every miss is
//! printed with what `extract` did there instead: a claim quoting another sentence, a number it
//! skipped and why, or nothing at all (the figure reader found no figure there). Drafted claims
//! that match no marked figure are printed too, as a measure of precision.
//!
//! `cargo test --test extract_recall dev -- --nocapture` prints the development articles;
//! `cargo test --test extract_recall held_out -- --nocapture` the held-out ones. Only a floor
//! below the development recall reached is asserted: the target (95%) is printed, not enforced.
//! The ignored `probe` test prints what `extract` drafts from a text given in `PROBE_TEXT`.
#![allow(clippy::print_stdout)]

use crosscheck::extract::{extract, Draft, ExtractOptions};
use crosscheck::files::read_rules;
use crosscheck::period::Published;
use crosscheck::rules::Rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Development recall this suite keeps: 98.9% was reached on 105 articles (752 figures); the
/// margin leaves room for the figure and period readers to change under it.
const DEV_FLOOR: f64 = 0.93;
/// The goal, printed beside the measure.
const TARGET: f64 = 0.95;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Marked {
    url: String,
    published: String,
    lang: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    figures: Vec<MarkedFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkedFigure {
    text: String,
    sentence: String,
    kind: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> Rules {
    let (texts, errors) = read_rules(&[root().join("rules")]);
    assert!(errors.is_empty(), "{errors:?}");
    Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `s` with every run of white space as one space and none at the ends, and for each byte offset
/// of `s` (and its end) the offset it has in the result.
fn squeeze(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = vec![0; s.len() + 1];
    let mut pending = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            for slot in &mut map[i..i + c.len_utf8()] {
                *slot = out.len();
            }
            out.push(c);
            continue;
        }
        for slot in &mut map[i..i + c.len_utf8()] {
            *slot = out.len() + usize::from(pending);
        }
    }
    map[s.len()] = out.len();
    (out, map)
}

fn squeezed(s: &str) -> String {
    squeeze(s).0
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every start of `needle` in `hay`, not overlapping; those that stand as a whole (`5 proc.` in
/// `(5 proc.)`, not in `62,5 proc.`) when there are some.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let all: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
    // Scripts that separate words with spaces: a letter or digit before the text glues it to a
    // longer word or number. Chinese and Thai glue words anyway.
    let spaced = |c: char| c.is_alphanumeric() && (c as u32) < 0x0E00;
    let whole: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| {
            let mut before = hay[..i].chars().rev();
            match (before.next(), before.next()) {
                (Some(c), _) if spaced(c) => false,
                (Some('.' | ','), Some(d)) if d.is_ascii_digit() => false,
                _ => true,
            }
        })
        .collect();
    if whole.is_empty() {
        all
    } else {
        whole
    }
}

fn short(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        s.to_string()
    } else {
        let half = n / 2;
        format!(
            "{}…{}",
            chars[..half].iter().collect::<String>(),
            chars[chars.len() - half..].iter().collect::<String>()
        )
    }
}

#[derive(Default)]
struct Tally {
    marked: usize,
    found: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.marked += other.marked;
        self.found += other.found;
    }

    fn recall(&self) -> f64 {
        self.found as f64 / self.marked.max(1) as f64
    }
}

struct Article {
    name: String,
    tally: Tally,
    by_kind: BTreeMap<String, Tally>,
    misses: Vec<String>,
    unmarked: Vec<String>,
    data_errors: Vec<String>,
}

/// Runs `extract` on one article and matches its claims with the marked figures.
fn measure(yaml_path: &Path, rules: &Rules) -> Article {
    let name = yaml_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let marked: Marked = serde_saphyr::from_str(&std::fs::read_to_string(yaml_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", yaml_path.display()));
    let text = std::fs::read_to_string(yaml_path.with_extension("txt"))
        .unwrap_or_else(|e| panic!("{}: {e}", yaml_path.display()));
    let published = Published::parse(&marked.published)
        .unwrap_or_else(|| panic!("{name}: published `{}`", marked.published));
    let options = ExtractOptions {
        lang: &marked.lang,
        published,
        publisher: "recall",
        title: None,
        archive: None,
    };
    let draft: Draft = extract(&text, &options, rules).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (article, amap) = squeeze(&text);
    // Each claim: its quote squeezed, and where its value stands in the squeezed quote and in the
    // squeezed article.
    let claims: Vec<(String, Range<usize>, Range<usize>)> = draft
        .claims
        .iter()
        .map(|c| {
            let (quote, qmap) = squeeze(&text[c.quote_at.clone()]);
            let rel = c.value_at.start - c.quote_at.start..c.value_at.end - c.quote_at.start;
            (
                quote,
                qmap[rel.start]..qmap[rel.end],
                amap[c.value_at.start]..amap[c.value_at.end],
            )
        })
        .collect();
    let mut used = vec![false; claims.len()];
    let mut out = Article {
        name: format!("{name} ({})", marked.url),
        tally: Tally::default(),
        by_kind: BTreeMap::new(),
        misses: Vec::new(),
        unmarked: Vec::new(),
        data_errors: Vec::new(),
    };
    // The k-th figure marked with the same text in the same sentence is its k-th occurrence there.
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for m in &marked.figures {
        let sentence = squeezed(&m.sentence);
        let figure = squeezed(&m.text);
        out.tally.marked += 1;
        let kind = out.by_kind.entry(m.kind.clone()).or_default();
        kind.marked += 1;
        let k = seen.entry((sentence.clone(), figure.clone())).or_insert(0);
        let at = occurrences(&sentence, &figure);
        let Some(&start) = at.get(*k).or(at.last()) else {
            out.data_errors.push(format!(
                "«{}» is not in its sentence «{}»",
                m.text, m.sentence
            ));
            continue;
        };
        *k += 1;
        let span = start..start + figure.len();
        let hit = claims
            .iter()
            .enumerate()
            .find(|(i, (q, v, _))| !used[*i] && *q == sentence && overlaps(v, &span));
        if let Some((i, _)) = hit {
            used[i] = true;
            out.tally.found += 1;
            kind.found += 1;
            continue;
        }
        // A miss: what extract did where the figure stands in the article.
        let places: Vec<Range<usize>> = occurrences(&article, &sentence)
            .into_iter()
            .map(|s| s + span.start..s + span.end)
            .collect();
        if places.is_empty() {
            out.data_errors.push(format!(
                "the sentence of «{}» is not in the article: «{}»",
                m.text, m.sentence
            ));
        }
        let why = if let Some((i, (q, _, _))) = claims
            .iter()
            .enumerate()
            .find(|(_, (_, _, a))| places.iter().any(|p| overlaps(a, p)))
        {
            let value = &draft.claims[i].value;
            if *q == sentence {
                format!("drafted as «{value}», matched to another marked figure")
            } else {
                format!("drafted as «{value}» with the quote «{}»", short(q, 160))
            }
        } else if let Some(s) = draft.skipped.iter().find(|s| {
            let a = amap[s.at.start]..amap[s.at.end];
            places.iter().any(|p| overlaps(&a, p))
        }) {
            format!("skipped «{}»: {}", s.text, s.reason)
        } else {
            "no figure found there".to_string()
        };
        out.misses.push(format!(
            "[{}] «{}» in «{}»: {why}",
            m.kind,
            m.text,
            short(&m.sentence, 160)
        ));
    }
    for (i, c) in draft.claims.iter().enumerate() {
        if !used[i] {
            out.unmarked
                .push(format!("«{}» in «{}»", c.value, short(&claims[i].0, 120)));
        }
    }
    out
}

/// The articles of one folder, in name order.
fn articles(folder: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/realworld/articles").join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
}

/// Measures and prints one folder; returns the total and the data errors.
fn report(folder: &str) -> (Tally, Vec<String>) {
    let rules = rules();
    let mut total = Tally::default();
    let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
    let mut langs: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unmarked = 0;
    let mut errors = Vec::new();
    println!("== extract recall on {folder}/");
    for path in articles(folder) {
        let a = measure(&path, &rules);
        total.add(&a.tally);
        for (k, t) in &a.by_kind {
            kinds.entry(k.clone()).or_default().add(t);
        }
        let lang = a.name.split(['-', ' ']).next().unwrap_or("").to_string();
        langs.entry(lang).or_default().add(&a.tally);
        println!(
            "{:<48} {:>3}/{:<3} {:>6.1}%   {} drafted claims match no marked figure",
            short(&a.name, 48),
            a.tally.found,
            a.tally.marked,
            100.0 * a.tally.recall(),
            a.unmarked.len()
        );
        for m in &a.misses {
            println!("    missed {m}");
        }
        for u in &a.unmarked {
            println!("    unmarked {u}");
        }
        for e in &a.data_errors {
            println!("    DATA {e}");
            errors.push(format!("{}: {e}", a.name));
        }
        unmarked += a.unmarked.len();
    }
    for (lang, t) in &langs {
        println!(
            "  {lang:<6} {:>4}/{:<4} {:>6.1}%",
            t.found,
            t.marked,
            100.0 * t.recall()
        );
    }
    for (kind, t) in &kinds {
        println!(
            "  {kind:<10} {:>4}/{:<4} {:>6.1}%",
            t.found,
            t.marked,
            100.0 * t.recall()
        );
    }
    println!(
        "{folder}: recall {}/{} = {:.1}% (target {:.0}%); {unmarked} drafted claims match no marked figure",
        total.found,
        total.marked,
        100.0 * total.recall(),
        100.0 * TARGET
    );
    (total, errors)
}

#[test]
fn dev_articles() {
    let (total, errors) = report("dev");
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(total.marked > 0);
    assert!(
        total.recall() >= DEV_FLOOR,
        "recall on dev {:.1}% fell below the floor {:.0}%",
        100.0 * total.recall(),
        100.0 * DEV_FLOOR
    );
}

/// The held-out articles: measured and printed, never asserted (they may not be tuned on).
#[test]
fn held_out_articles() {
    report("test");
}

#[test]
fn squeezing_maps_offsets() {
    let (s, map) = squeeze("  a \n b  c ");
    assert_eq!(s, "a b c");
    assert_eq!(map[2], 0);
    assert_eq!(map[6], 2);
    assert_eq!(map[9], 4);
    assert_eq!(map[11], 5);
    assert_eq!(occurrences("ab ab", "ab"), [0, 3]);
    assert_eq!(occurrences("(62,5 proc.) (5 proc.)", "5 proc."), [14]);
    assert_eq!(occurrences("增长2.5%、5.3%", "5.3%"), [13]);
}

/// `PROBE_LANG=de PROBE_TEXT='…' cargo test --test extract_recall probe -- --ignored --nocapture`
/// prints what the figure reader finds in a text and what `extract` drafts from it.
#[test]
#[ignore]
fn probe() {
    let lang = std::env::var("PROBE_LANG").unwrap_or_else(|_| "en".into());
    let text = std::env::var("PROBE_TEXT").unwrap_or_default();
    let rules = rules();
    let l = &rules.languages[&lang];
    for (r, f) in crosscheck::figure::find_figures(&text, &l.figures) {
        println!(
            "figure «{}» {} {:?} {:?} ends {:?}",
            &text[r], f.value, f.unit, f.approx, f.ends
        );
    }
    let options = ExtractOptions {
        lang: &lang,
        published: Published::parse("2025-06").unwrap(),
        publisher: "probe",
        title: None,
        archive: None,
    };
    let draft = extract(&text, &options, &rules).unwrap();
    for c in &draft.claims {
        println!(
            "claim «{}» period {:?} quote «{}»",
            c.value, c.period, c.quote
        );
    }
    for s in &draft.skipped {
        println!("skipped «{}»: {}", s.text, s.reason);
    }
}
