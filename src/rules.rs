//! The rules: metrics, entities, units, policy and language data, declared in YAML under `rules/`.
//!
//! Every top-level file in a rules directory may declare any of the sections `metrics`,
//! `entities`, `units`, `dimensions`, `policy` and `fx`; language data lives in
//! `lang/<code>/figures.yaml`, `lang/<code>/periods.yaml` and `lang/<code>/sentences.yaml`
//! (`lang/common/` is shared by all).
//! Several directories may be given: later ones add to, or override, earlier ones.

use crate::diagnostic::yaml_error;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::figure::{FigureLang, FigureLangFile};
use crate::finding::{Kind, Severity};
use crate::fx::FxTable;
use crate::period::{FiscalCalendar, PeriodLang, PeriodLangFile};
use crate::sentences::{SentenceLang, SentenceLangFile};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// One rules file as text, with the path it has inside its rules directory.
pub struct RulesText {
    /// Path relative to the rules directory, with `/` separators (`lang/zh/figures.yaml`).
    pub relative: String,
    /// Path shown in messages.
    pub display: String,
    pub text: String,
}

/// Whether a metric is an amount over a period, a value at a moment, or a running total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    #[default]
    Flow,
    Level,
    /// A count at a moment that only grows (a toll, a cumulative box-office gross, vehicles
    /// delivered to date): one counting body's later count is never lower.
    Cumulative,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub dimension: String,
    #[serde(default)]
    pub kind: MetricKind,
    /// Relative tolerance when comparing figures of this metric; the policy's default otherwise.
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The entity this one belongs to (AWS is part of Amazon).
    pub part_of: Option<String>,
    /// The month the fiscal year starts in; fiscal year N ends in calendar year N.
    pub fiscal_year_start: Option<u32>,
    /// The currency it reports in (`TWD`): in its claims a currency word several currencies share
    /// (`元`: CNY, TWD, HKD) is read as this one.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// The unit every figure of this dimension is converted to.
    pub base: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub dimension: String,
    /// How many base units one of this unit is (GW: 1e9 W). Currencies have none: they convert
    /// through exchange rates.
    pub factor: Option<f64>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PolicySection {
    tolerance: Option<f64>,
    revision_gap_days: Option<i64>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
}

/// What the checks are told to do: tolerances, the revision gap, severities.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Relative tolerance used where a metric declares none.
    pub tolerance: f64,
    /// Expected figures from documents at least this many days apart are a revision.
    pub revision_gap_days: i64,
    severity: BTreeMap<Kind, Severity>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            tolerance: 0.0,
            revision_gap_days: 30,
            severity: BTreeMap::new(),
        }
    }
}

impl Policy {
    /// The severity of a kind: the policy's override, else the kind's default.
    pub fn severity(&self, kind: Kind) -> Severity {
        self.severity
            .get(&kind)
            .copied()
            .unwrap_or(kind.default_severity())
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    metrics: BTreeMap<String, Metric>,
    #[serde(default)]
    entities: BTreeMap<String, Entity>,
    #[serde(default)]
    dimensions: BTreeMap<String, Dimension>,
    #[serde(default)]
    units: BTreeMap<String, Unit>,
    policy: Option<PolicySection>,
    fx: Option<FxTable>,
}

/// The words of one language.
pub struct Language {
    pub figures: FigureLang,
    pub periods: PeriodLang,
    /// What ends a sentence (used by `extract`).
    pub sentences: SentenceLang,
}

/// Everything the engine knows that is not code.
pub struct Rules {
    pub metrics: BTreeMap<String, Metric>,
    pub entities: BTreeMap<String, Entity>,
    pub dimensions: BTreeMap<String, Dimension>,
    pub units: BTreeMap<String, Unit>,
    pub policy: Policy,
    pub fx: FxTable,
    pub languages: BTreeMap<String, Language>,
    /// Every name and alias, lowercased, to its entity's name.
    aliases: NameIndex,
    /// Every name and alias as declared, to its entity's name: most claims write one of these,
    /// and finding it spares lowercasing the claim's text.
    exact_names: NameIndex,
}

type NameIndex = HashMap<String, String, foldhash::fast::RandomState>;

impl Rules {
    /// Builds the rules from the files of every rules directory, in order.
    pub fn parse(files: &[RulesText]) -> Result<Rules, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut merged = RulesFile::default();
        let mut policy = Policy::default();
        let mut fx = FxTable::default();
        let mut figure_files: BTreeMap<String, Vec<FigureLangFile>> = BTreeMap::new();
        let mut period_files: BTreeMap<String, Vec<PeriodLangFile>> = BTreeMap::new();
        let mut sentence_files: BTreeMap<String, Vec<SentenceLangFile>> = BTreeMap::new();
        for file in files {
            let parts: Vec<&str> = file.relative.split('/').collect();
            match parts.as_slice() {
                ["lang", code, "figures.yaml"] => {
                    match serde_saphyr::from_str::<FigureLangFile>(&file.text) {
                        Ok(f) => figure_files.entry(code.to_string()).or_default().push(f),
                        Err(e) => errors.push(yaml_error(&file.display, &file.text, &e)),
                    }
                }
                ["lang", code, "periods.yaml"] => {
                    match serde_saphyr::from_str::<PeriodLangFile>(&file.text) {
                        Ok(f) => period_files.entry(code.to_string()).or_default().push(f),
                        Err(e) => errors.push(yaml_error(&file.display, &file.text, &e)),
                    }
                }
                ["lang", code, "sentences.yaml"] => {
                    match serde_saphyr::from_str::<Option<SentenceLangFile>>(&file.text) {
                        Ok(f) => sentence_files
                            .entry(code.to_string())
                            .or_default()
                            .push(f.unwrap_or_default()),
                        Err(e) => errors.push(yaml_error(&file.display, &file.text, &e)),
                    }
                }
                ["lang", ..] => errors.push(Diagnostic::whole_file(
                    &file.display,
                    "a language file must be lang/<code>/figures.yaml, lang/<code>/periods.yaml \
                     or lang/<code>/sentences.yaml",
                )),
                _ => match parse_rules_file(&file.text) {
                    Ok(Some(f)) => {
                        if let Some(p) = &f.policy {
                            apply_policy(&mut policy, p, &file.display, &file.text, &mut errors);
                        }
                        merged.metrics.extend(f.metrics);
                        merged.entities.extend(f.entities);
                        merged.dimensions.extend(f.dimensions);
                        merged.units.extend(f.units);
                        if let Some(table) = f.fx {
                            fx.merge(table);
                        }
                    }
                    Ok(None) => {}
                    Err(e) => errors.push(yaml_error(&file.display, &file.text, &e)),
                },
            }
        }

        let languages = build_languages(&figure_files, &period_files, &sentence_files, &mut errors);
        let aliases = alias_index(&merged.entities, &mut errors);
        let mut exact_names = NameIndex::default();
        for (name, entity) in &merged.entities {
            for written in std::iter::once(name).chain(&entity.aliases) {
                if aliases.get(&written.to_lowercase()) == Some(name) {
                    exact_names
                        .entry(written.clone())
                        .or_insert_with(|| name.clone());
                }
            }
        }
        for (name, metric) in &merged.metrics {
            if !merged.dimensions.is_empty() && !merged.dimensions.contains_key(&metric.dimension) {
                errors.push(Diagnostic::whole_file(
                    "rules",
                    format!(
                        "metric `{name}` has dimension `{}`, which no rules file declares",
                        metric.dimension
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Rules {
            metrics: merged.metrics,
            entities: merged.entities,
            dimensions: merged.dimensions,
            units: merged.units,
            policy,
            fx,
            languages,
            aliases,
            exact_names,
        })
    }

    /// The canonical name of an entity, from its name or any alias (case-insensitive).
    pub fn entity(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.exact_names
            .get(name)
            .or_else(|| self.aliases.get(&name.to_lowercase()))
            .map(String::as_str)
    }

    /// A suggestion for a misspelt entity, from every name and alias.
    pub fn entity_suggestion(&self, name: &str) -> Option<String> {
        let names = self.entities.keys().map(String::as_str);
        let aliases = self
            .entities
            .values()
            .flat_map(|e| e.aliases.iter().map(String::as_str));
        did_you_mean(name, names.chain(aliases))
    }

    pub fn calendar(&self, entity: &str) -> FiscalCalendar {
        let start_month = self
            .entities
            .get(entity)
            .and_then(|e| e.fiscal_year_start)
            .unwrap_or(1);
        FiscalCalendar { start_month }
    }

    /// The entities `entity` belongs to, nearest first (AWS → Amazon).
    pub fn ancestors(&self, entity: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut current = entity;
        while let Some(parent) = self
            .entities
            .get(current)
            .and_then(|e| e.part_of.as_deref())
        {
            if out.contains(&parent) || parent == entity {
                break;
            }
            out.push(parent);
            current = parent;
        }
        out
    }

    /// The relative tolerance for a metric.
    pub fn tolerance(&self, metric: &str) -> f64 {
        self.metrics
            .get(metric)
            .and_then(|m| m.tolerance)
            .unwrap_or(self.policy.tolerance)
    }
}

fn parse_rules_file(text: &str) -> Result<Option<RulesFile>, serde_saphyr::Error> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    serde_saphyr::from_str::<Option<RulesFile>>(text)
}

fn apply_policy(
    policy: &mut Policy,
    section: &PolicySection,
    display: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(t) = section.tolerance {
        policy.tolerance = t;
    }
    if let Some(g) = section.revision_gap_days {
        policy.revision_gap_days = g;
    }
    for (name, severity) in &section.severity {
        match Kind::from_name(name) {
            Some(kind) => {
                policy.severity.insert(kind, *severity);
            }
            None => {
                let (line, column) = find_key(text, name);
                errors.push(
                    Diagnostic::at(
                        display,
                        text,
                        line,
                        column,
                        format!("unknown finding kind `{name}`"),
                    )
                    .with_help(did_you_mean(name, Kind::ALL.iter().map(|k| k.name()))),
                );
            }
        }
    }
}

/// Where `key:` first appears in a file, for messages about values serde accepted.
pub(crate) fn find_key(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find(&format!("{key}:")) {
            return (i + 1, line[..col].chars().count() + 1);
        }
    }
    (0, 0)
}

fn build_languages(
    figure_files: &BTreeMap<String, Vec<FigureLangFile>>,
    period_files: &BTreeMap<String, Vec<PeriodLangFile>>,
    sentence_files: &BTreeMap<String, Vec<SentenceLangFile>>,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Language> {
    let common_figures: Vec<&FigureLangFile> = figure_files
        .get("common")
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let common_periods: Vec<&PeriodLangFile> = period_files
        .get("common")
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let common_sentences: Vec<&SentenceLangFile> = sentence_files
        .get("common")
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let codes: std::collections::BTreeSet<&String> = figure_files
        .keys()
        .chain(period_files.keys())
        .chain(sentence_files.keys())
        .filter(|c| c.as_str() != "common")
        .collect();
    // Each language's forms compile to large regexes; the languages are built side by side.
    let built: Vec<(&String, Result<Language, String>)> = codes
        .into_par_iter()
        .map(|code| {
            let mut f = common_figures.clone();
            f.extend(figure_files.get(code).into_iter().flatten());
            let mut p = common_periods.clone();
            p.extend(period_files.get(code).into_iter().flatten());
            let mut s = common_sentences.clone();
            s.extend(sentence_files.get(code).into_iter().flatten());
            let language = match (
                FigureLang::build(&f),
                PeriodLang::build(&p),
                SentenceLang::build(&s),
            ) {
                (Ok(figures), Ok(periods), Ok(sentences)) => Ok(Language {
                    figures,
                    periods,
                    sentences,
                }),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
            };
            (code, language)
        })
        .collect();
    let mut languages = BTreeMap::new();
    for (code, language) in built {
        match language {
            Ok(language) => {
                languages.insert(code.clone(), language);
            }
            Err(e) => errors.push(Diagnostic::whole_file(
                &format!("rules/lang/{code}"),
                format!("language `{code}`: {e}"),
            )),
        }
    }
    languages
}

fn alias_index(entities: &BTreeMap<String, Entity>, errors: &mut Vec<Diagnostic>) -> NameIndex {
    let mut index = NameIndex::default();
    for name in entities.keys() {
        index.insert(name.to_lowercase(), name.clone());
    }
    for (name, entity) in entities {
        for alias in &entity.aliases {
            let key = alias.to_lowercase();
            match index.get(&key) {
                Some(other) if other != name => errors.push(Diagnostic::whole_file(
                    "rules/entities",
                    format!("alias `{alias}` is declared for both `{other}` and `{name}`"),
                )),
                _ => {
                    index.insert(key, name.clone());
                }
            }
        }
        if let Some(parent) = &entity.part_of {
            if !entities.contains_key(parent) {
                errors.push(Diagnostic::whole_file(
                    "rules/entities",
                    format!("entity `{name}` is part of `{parent}`, which is not declared"),
                ));
            }
        }
        if let Some(m) = entity.fiscal_year_start {
            if !(1..=12).contains(&m) {
                errors.push(Diagnostic::whole_file(
                    "rules/entities",
                    format!("entity `{name}`: fiscal_year_start must be a month, 1 to 12, not {m}"),
                ));
            }
        }
    }
    index
}

/// The bundled rules, read for the library's own tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Rules, RulesText};

    /// The bundled rules directory, read for tests.
    pub(crate) fn bundled_rules() -> Rules {
        Rules::parse(&bundled_texts()).unwrap_or_else(|e| panic!("bundled rules: {e:?}"))
    }

    /// The bundled rules files, in the order the command line reads them.
    fn bundled_texts() -> Vec<RulesText> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
        let mut files = Vec::new();
        collect(
            std::path::Path::new(root),
            std::path::Path::new(root),
            &mut files,
        );
        files.sort_by(|a, b| a.relative.cmp(&b.relative));
        files
    }

    fn collect(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<RulesText>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(RulesText {
                    relative,
                    display: path.display().to_string(),
                    text: std::fs::read_to_string(&path).unwrap(),
                });
            }
        }
    }

    /// The bundled rules and one more rules file, as a test's overlay.
    pub(crate) fn rules_with(overlay: &str) -> Rules {
        let mut files = bundled_texts();
        files.push(RulesText {
            relative: "zz-overlay.yaml".into(),
            display: "overlay.yaml".into(),
            text: overlay.into(),
        });
        Rules::parse(&files).unwrap_or_else(|e| panic!("rules with overlay: {e:?}"))
    }
}
