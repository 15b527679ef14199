//! Loading claim files: YAML text in, claims out, with every problem as a located diagnostic.
//!
//! Both file shapes of the spec are read: a mapping with `source:` and `claims:`, or a bare
//! sequence of claims each carrying its own `source:`. Unknown keys are errors with a "did you
//! mean". This module sees texts, never the file system.

use crate::claim::{Claim, Corpus, CorpusFile, Located, Relation, Source, Status, Waiver};
use crate::diagnostic::yaml_error;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::finding::{Kind, Location};
use crate::period::Published;
use crate::rules::Rules;
use rayon::prelude::*;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// One claims file as text.
pub struct ClaimText {
    pub path: String,
    pub text: String,
}

/// A YAML scalar kept as text, whether YAML typed it as a number or a string (`2025`, `26.3e9`).
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a text")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses a fraction written as `3/4`, `0.75` or `75%`.
pub fn parse_fraction(s: &Scalar) -> Option<f64> {
    let t = s.0.trim();
    if let Some(p) = t.strip_suffix('%') {
        return p.trim().parse::<f64>().ok().map(|v| v / 100.0);
    }
    if let Some((a, b)) = t.split_once('/') {
        let (a, b) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
        return (b != 0.0).then(|| a / b);
    }
    t.parse().ok()
}

/// `entity:` is one name or a list (an aggregate).
#[derive(Debug, Clone)]
enum EntityField {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for EntityField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EntityField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an entity name or a list of entity names")
            }
            fn visit_str<E>(self, v: &str) -> Result<EntityField, E> {
                Ok(EntityField::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<EntityField, A::Error> {
                Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(EntityField::Many)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    publisher: Spanned<String>,
    title: Option<String>,
    url: Option<String>,
    published: Spanned<Scalar>,
    lang: Spanned<String>,
    via: Option<String>,
    archive: Option<String>,
    notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrowth {
    from: Spanned<Scalar>,
    factor: Option<f64>,
    percent: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShare {
    of: Spanned<String>,
    fraction: Option<Scalar>,
    percent: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRunRate {
    from: Spanned<Scalar>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    kind: Spanned<String>,
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Spanned<String>,
    entity: Spanned<EntityField>,
    metric: Spanned<String>,
    value: Option<Spanned<Scalar>>,
    unit: Option<Spanned<String>>,
    period: Option<Spanned<Scalar>>,
    // The keys few claims give are boxed (here and below): a claim is moved several times while
    // it is parsed, and a smaller one moves faster.
    as_of: Option<Box<Spanned<Scalar>>>,
    status: Option<Status>,
    quote: Option<Spanned<String>>,
    notes: Option<String>,
    counterparty: Option<Box<Spanned<String>>>,
    growth: Option<Box<Spanned<RawGrowth>>>,
    share: Option<Box<Spanned<RawShare>>>,
    run_rate: Option<Box<Spanned<RawRunRate>>>,
    tolerance: Option<Box<Spanned<Scalar>>>,
    #[serde(default)]
    waive: Vec<RawWaiver>,
    source: Option<Box<RawSource>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    source: RawSource,
    claims: Vec<RawClaim>,
}

/// The two shapes a claims file may have.
enum RawFile {
    Document(Box<RawDocument>),
    Claims(Vec<RawClaim>),
}

impl<'de> Deserialize<'de> for RawFile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping with `source:` and `claims:`, or a list of claims")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawFile, A::Error> {
                RawDocument::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|d| RawFile::Document(Box::new(d)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawFile, A::Error> {
                Vec::<RawClaim>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(RawFile::Claims)
            }
        }
        d.deserialize_any(V)
    }
}

/// Limits that keep a hostile file (alias bombs, deep nesting) from exhausting the machine.
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 32;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_events = 20_000_000;
    budget.max_nodes = 10_000_000;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Loads every file, collecting every problem rather than stopping at the first.
///
/// Files are parsed in parallel, each on its own, a batch at a time: each batch's claims join the
/// corpus while the next batch is parsed, so that at most two batches exist twice and copying the
/// claims in does not leave a core idle. Ids are then checked for duplicates across files, in the
/// order the files were given: the first use of an id wins.
pub fn load(files: Vec<ClaimText>, rules: &Rules) -> (Corpus, Vec<Diagnostic>) {
    let mut corpus = Corpus::default();
    let mut errors = Vec::new();
    let mut parsed: Option<Vec<Part>> = None;
    for batch in files.chunks(LOAD_BATCH) {
        let (next, ()) = rayon::join(
            || parse_batch(batch, rules),
            || {
                if let Some(parts) = parsed.take() {
                    join_parts(&mut corpus, &mut errors, parts, files.len());
                }
            },
        );
        parsed = Some(next);
    }
    if let Some(parts) = parsed {
        join_parts(&mut corpus, &mut errors, parts, files.len());
    }
    corpus.files = files
        .into_iter()
        .map(|file| CorpusFile {
            path: file.path,
            text: file.text,
        })
        .collect();
    // An id used again in a later file: the later claim is reported and left out.
    let mut first: HashMap<&str, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(corpus.claims.len(), Default::default());
    let mut duplicates = Vec::new();
    for (i, claim) in corpus.claims.iter().enumerate() {
        if let Some(&f) = first.get(claim.id.as_str()) {
            duplicates.push((i, f));
        } else {
            first.insert(&claim.id, i);
        }
    }
    drop(first);
    let texts: HashMap<&str, &str> = match duplicates.is_empty() {
        true => HashMap::new(),
        false => corpus
            .files
            .iter()
            .map(|file| (file.path.as_str(), file.text.as_str()))
            .collect(),
    };
    for &(i, f) in &duplicates {
        let (claim, first) = (&corpus.claims[i], &corpus.claims[f].location);
        errors.push(Diagnostic::at(
            &claim.location.file,
            texts.get(&*claim.location.file).copied().unwrap_or(""),
            claim.location.line,
            claim.location.column,
            format!(
                "duplicate id `{}`: also used at {}:{}:{}",
                claim.id, first.file, first.line, first.column
            ),
        ));
    }
    if !duplicates.is_empty() {
        let dropped: HashSet<usize> = duplicates.iter().map(|&(i, _)| i).collect();
        let mut index = 0;
        corpus.claims.retain(|_| {
            index += 1;
            !dropped.contains(&(index - 1))
        });
    }
    (corpus, errors)
}

/// Files parsed together before their claims join the corpus.
const LOAD_BATCH: usize = 4096;

/// One file's sources and claims (their source indices local to the file), and its problems.
type Part = (Corpus, Vec<Diagnostic>);

fn parse_batch(batch: &[ClaimText], rules: &Rules) -> Vec<Part> {
    batch
        .par_iter()
        .map(|file| {
            let mut part = Corpus::default();
            let mut errors = Vec::new();
            FileLoader {
                path: &file.path,
                shared_path: Arc::from(file.path.as_str()),
                text: &file.text,
                rules,
                errors: &mut errors,
            }
            .load(&mut part);
            (part, errors)
        })
        .collect()
}

/// Appends parsed files to the corpus, in order, their source indices shifted to the corpus's.
fn join_parts(corpus: &mut Corpus, errors: &mut Vec<Diagnostic>, parts: Vec<Part>, files: usize) {
    if corpus.claims.is_empty() {
        // The first batch tells how many claims a file holds; reserving for all of them at
        // once spares the copies of a growing vector (pages not used are never touched).
        let per_file = parts.iter().map(|(p, _)| p.claims.len()).sum::<usize>() as f64
            / parts.len().max(1) as f64;
        corpus
            .claims
            .reserve((per_file * files as f64 * 1.1) as usize);
    }
    for (part, part_errors) in parts {
        errors.extend(part_errors);
        let offset = corpus.sources.len();
        corpus.sources.extend(part.sources);
        corpus
            .claims
            .extend(part.claims.into_iter().map(|mut claim| {
                claim.source += offset;
                claim
            }));
    }
}

struct FileLoader<'a> {
    path: &'a str,
    /// The path once more, shared by every location in the file.
    shared_path: Arc<str>,
    text: &'a str,
    rules: &'a Rules,
    errors: &'a mut Vec<Diagnostic>,
}

impl FileLoader<'_> {
    fn location<T>(&self, spanned: &Spanned<T>) -> Location {
        Location {
            file: self.shared_path.clone(),
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        }
    }

    fn located(&self, spanned: &Spanned<Scalar>) -> Located {
        Located {
            text: self.verbatim(spanned),
            location: self.location(spanned),
        }
    }

    /// The scalar as written in the file (`26.3e9` stays `26.3e9`), quotes removed.
    fn verbatim(&self, spanned: &Spanned<Scalar>) -> String {
        let span = spanned.referenced.span();
        if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) {
            let (start, len) = (start as usize, len as usize);
            if let Some(raw) = self.text.get(start..start + len) {
                let plain = !raw.starts_with(['"', '\'', '|', '>']);
                if plain && raw.trim() == raw && !raw.contains('\n') {
                    return raw.to_string();
                }
            }
        }
        spanned.value.0.clone()
    }

    fn error_at(&mut self, location: &Location, message: String, help: Option<String>) {
        self.errors.push(
            Diagnostic::at(
                self.path,
                self.text,
                location.line,
                location.column,
                message,
            )
            .with_help(help),
        );
    }

    fn load(&mut self, corpus: &mut Corpus) {
        if self.text.trim().is_empty() {
            self.errors.push(Diagnostic::whole_file(
                self.path,
                "the file is empty: expected `source:` and `claims:`, or a list of claims",
            ));
            return;
        }
        let parsed = serde_saphyr::from_str_with_options::<RawFile>(self.text, yaml_options());
        let raw = match parsed {
            Ok(raw) => raw,
            Err(e) => {
                self.errors.push(yaml_error(self.path, self.text, &e));
                return;
            }
        };
        match raw {
            RawFile::Document(doc) => {
                let Some(source) = self.source(&doc.source) else {
                    return;
                };
                corpus.sources.push(source);
                let index = corpus.sources.len() - 1;
                for raw in doc.claims {
                    if let Some(s) = &raw.source {
                        let location = self.location(&s.publisher);
                        self.error_at(
                            &location,
                            "a claim in a file with a top-level `source:` cannot have its own `source:`".into(),
                            None,
                        );
                        continue;
                    }
                    self.claim(raw, index, corpus);
                }
            }
            RawFile::Claims(claims) => {
                for raw in claims {
                    let Some(source) = raw.source.as_ref() else {
                        let location = self.location(&raw.id);
                        self.error_at(
                            &location,
                            format!(
                                "claim `{}` has no `source:` (required in a list of claims)",
                                raw.id.value
                            ),
                            None,
                        );
                        continue;
                    };
                    let Some(source) = self.source(source) else {
                        continue;
                    };
                    let index = match corpus.sources.iter().position(|s| *s == source) {
                        Some(i) => i,
                        None => {
                            corpus.sources.push(source);
                            corpus.sources.len() - 1
                        }
                    };
                    self.claim(raw, index, corpus);
                }
            }
        }
    }

    fn source(&mut self, raw: &RawSource) -> Option<Source> {
        let mut ok = true;
        let published_text = raw.published.value.0.trim().to_string();
        let published = Published::parse(&published_text);
        if published.is_none() {
            let location = self.location(&raw.published);
            self.error_at(
                &location,
                format!("`published: {published_text}` is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"),
                None,
            );
            ok = false;
        }
        let lang = raw.lang.value.trim().to_string();
        if !self.rules.languages.contains_key(&lang) {
            let location = self.location(&raw.lang);
            let help = did_you_mean(&lang, self.rules.languages.keys().map(String::as_str));
            let known: Vec<&str> = self.rules.languages.keys().map(String::as_str).collect();
            self.error_at(
                &location,
                format!(
                    "no rules for language `{lang}`; rules exist for: {} (add rules/lang/{lang}/ to read it)",
                    known.join(", ")
                ),
                help,
            );
            ok = false;
        }
        if raw.publisher.value.trim().is_empty() {
            let location = self.location(&raw.publisher);
            self.error_at(&location, "`publisher` is empty".into(), None);
            ok = false;
        }
        ok.then(|| Source {
            publisher: raw.publisher.value.trim().to_string(),
            title: raw.title.clone(),
            url: raw.url.clone(),
            published: published.expect("checked above"),
            published_text,
            lang,
            via: raw.via.clone().filter(|v| !v.trim().is_empty()),
            archive: raw.archive.clone(),
            notes: raw.notes.clone(),
        })
    }

    fn entity(&mut self, name: &str, location: &Location) -> Option<String> {
        match self.rules.entity(name) {
            Some(canonical) => Some(canonical.to_string()),
            None => {
                let help = self.rules.entity_suggestion(name);
                self.error_at(
                    location,
                    format!(
                        "unknown entity `{name}`; declare it, or an alias, in rules/entities.yaml"
                    ),
                    help,
                );
                None
            }
        }
    }

    fn claim(&mut self, raw: RawClaim, source: usize, corpus: &mut Corpus) {
        let before = self.errors.len();
        let location = self.location(&raw.id);
        let id = raw.id.value.trim().to_string();
        if !is_valid_id(&id) {
            self.error_at(
                &location,
                format!("invalid id `{id}`: expected lowercase letters, digits and `-`, starting with a letter or digit"),
                None,
            );
        }

        let entity_location = self.location(&raw.entity);
        let names = match &raw.entity.value {
            EntityField::One(n) => vec![n.clone()],
            EntityField::Many(v) => v.clone(),
        };
        if names.is_empty() {
            self.error_at(&entity_location, "`entity` is an empty list".into(), None);
        }
        let mut entities: Vec<String> = names
            .iter()
            .filter_map(|n| self.entity(n, &entity_location))
            .collect();
        entities.sort();
        entities.dedup();

        let counterparty = raw.counterparty.as_ref().and_then(|c| {
            let location = self.location(c);
            self.entity(&c.value, &location)
        });

        let metric = raw.metric.value.trim().to_string();
        if !self.rules.metrics.contains_key(&metric) {
            let location = self.location(&raw.metric);
            let help = did_you_mean(&metric, self.rules.metrics.keys().map(String::as_str));
            self.error_at(
                &location,
                format!("unknown metric `{metric}`; declare it in rules/metrics.yaml"),
                help,
            );
        }

        let relation = self.relation(&raw);
        if raw.value.is_none() && relation.is_none() {
            self.error_at(
                &location,
                format!("claim `{id}` has neither `value:` nor a relation (`growth:`, `share:`, `run_rate:`)"),
                None,
            );
        }
        if let (Some(_), Some(as_of)) = (&raw.period, &raw.as_of) {
            let location = self.location(as_of);
            self.error_at(
                &location,
                "give `period:` or `as_of:`, not both".into(),
                None,
            );
        }

        let tolerance = raw.tolerance.as_ref().and_then(|t| {
            let parsed = parse_fraction(&t.value).filter(|v| (0.0..1.0).contains(v));
            if parsed.is_none() {
                let location = self.location(t);
                self.error_at(
                    &location,
                    format!(
                        "tolerance `{}` is not a fraction; expected `0.05` or `5%`",
                        t.value.0
                    ),
                    None,
                );
            }
            parsed
        });

        let mut waive = Vec::new();
        for w in &raw.waive {
            let location = self.location(&w.kind);
            match Kind::from_name(w.kind.value.trim()) {
                Some(kind) if !w.reason.trim().is_empty() => waive.push(Waiver {
                    kind,
                    reason: w.reason.trim().to_string(),
                    location,
                }),
                Some(_) => self.error_at(&location, "a waiver needs a `reason`".into(), None),
                None => {
                    let help = did_you_mean(&w.kind.value, Kind::ALL.iter().map(|k| k.name()));
                    self.error_at(
                        &location,
                        format!("unknown finding kind `{}`", w.kind.value),
                        help,
                    );
                }
            }
        }

        if self.errors.len() > before {
            return;
        }
        corpus.claims.push(Claim {
            id,
            source,
            entities,
            counterparty,
            metric,
            value: raw.value.as_ref().map(|v| self.located(v)),
            unit: raw.unit.map(|u| u.value.trim().to_string()),
            period: raw.period.as_ref().map(|p| self.located(p)),
            as_of: raw.as_of.as_deref().map(|p| Box::new(self.located(p))),
            status: raw.status,
            quote: raw.quote.as_ref().map(|q| Located {
                text: q.value.clone(),
                location: self.location(q),
            }),
            notes: raw.notes,
            relation: relation.map(Box::new),
            tolerance,
            waive,
            location,
        });
    }

    fn relation(&mut self, raw: &RawClaim) -> Option<Relation> {
        let count = [
            raw.growth.is_some(),
            raw.share.is_some(),
            raw.run_rate.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if count > 1 {
            let location = self.location(&raw.id);
            self.error_at(
                &location,
                "a claim states one relation at most".into(),
                None,
            );
            return None;
        }
        if let Some(g) = &raw.growth {
            let factor = match (g.value.factor, g.value.percent) {
                (Some(f), None) => f,
                (None, Some(p)) => 1.0 + p / 100.0,
                _ => {
                    let location = self.location(g);
                    self.error_at(
                        &location,
                        "`growth` needs `factor:` (2 for doubling) or `percent:` (a change, 15 for +15%), one of them".into(),
                        None,
                    );
                    return None;
                }
            };
            return Some(Relation::Growth {
                from: self.located(&g.value.from),
                factor,
            });
        }
        if let Some(s) = &raw.share {
            let location = self.location(&s.value.of);
            let of = self.entity(&s.value.of.value, &location)?;
            let fraction = match (&s.value.fraction, s.value.percent) {
                (Some(f), None) => parse_fraction(f),
                (None, Some(p)) => Some(p / 100.0),
                _ => None,
            };
            let Some(fraction) = fraction else {
                let location = self.location(s);
                self.error_at(
                    &location,
                    "`share` needs `fraction:` (3/4, 0.75) or `percent:` (75), one of them".into(),
                    None,
                );
                return None;
            };
            return Some(Relation::Share { of, fraction });
        }
        raw.run_rate.as_ref().map(|r| Relation::RunRate {
            from: self.located(&r.value.from),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        assert_eq!(Published::parse("2026"), Some(Published::Year(2026)));
        assert_eq!(Published::parse("2026-02"), Some(Published::Month(2026, 2)));
        assert!(matches!(
            Published::parse("2026-02-12"),
            Some(Published::Day(_))
        ));
        assert_eq!(Published::parse("2026-13"), None);
        assert_eq!(Published::parse("26"), None);
        assert_eq!(Published::parse("yesterday"), None);
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("amazon-capex-2026"));
        assert!(!is_valid_id("Amazon"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn an_id_used_twice_in_one_file_names_the_first_use() {
        let text = "source: {publisher: Daily, published: 2025-02-07, lang: en}\nclaims:\n  - {id: a, entity: Amazon, metric: capex, period: 2025, value: $1 billion}\n  - {id: a, entity: Amazon, metric: capex, period: 2025, value: $2 billion}\n";
        let rules = crate::rules::testing::bundled_rules();
        let files = vec![ClaimText {
            path: "claims/a.yaml".into(),
            text: text.into(),
        }];
        let (corpus, errors) = load(files, &rules);
        assert_eq!(corpus.claims.len(), 1);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let shown = format!("{:?}", errors[0]);
        assert!(shown.contains("also used at claims/a.yaml:3:"), "{shown}");
    }
}
