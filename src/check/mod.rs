//! The checks: one file per finding kind, all registered in [`CHECKS`].
//!
//! A check reads the reconciled corpus and returns findings; it never prints. Severities come from
//! the policy, waivers are applied here, and a waiver that matches nothing is itself reported.

mod contradiction;
mod derived_mismatch;
mod period_drift;
mod premature_actual;
mod quote_mismatch;
mod quote_not_in_source;
mod revision;
mod scale_ambiguity;
mod single_origin;
mod unit_mismatch;
mod unreadable;

use crate::claim::{Claim, Corpus};
use crate::engine::{explain, Amount, InCurrency, Reading, Reconciled};
use crate::estimate::{Estimate, Reliability};
use crate::finding::{Finding, Kind, Location};
use crate::relation::Evaluation;
use crate::rules::Rules;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// What a check sees. The corpus has a lifetime of its own, `'c`, because the report's tables
/// go on borrowing it to make their rows after the other inputs are dropped.
pub struct Context<'a, 'c> {
    pub corpus: &'c Corpus,
    pub rules: &'a Rules,
    pub reconciled: &'a Reconciled,
    /// The best estimate of each group, in the groups' order.
    pub estimates: &'a [Option<Estimate>],
    /// How far each origin can be trusted.
    pub reliability: &'a [Reliability],
    /// Every relation, stated or implied, evaluated.
    pub relations: &'a [Evaluation],
    /// The text of each source's `archive`, by the path the source gives.
    pub archives: &'a BTreeMap<String, String>,
}

/// One finding kind's check.
pub trait Check: Sync {
    fn kind(&self) -> Kind;
    fn run(&self, cx: &Context) -> Vec<Finding>;
}

/// Every check, in the order their findings are listed when they tie.
pub const CHECKS: &[&dyn Check] = &[
    &unreadable::Unreadable,
    &unit_mismatch::UnitMismatch,
    &quote_mismatch::QuoteMismatch,
    &quote_not_in_source::QuoteNotInSource,
    &contradiction::Contradiction,
    &derived_mismatch::DerivedMismatch,
    &revision::Revision,
    &period_drift::PeriodDrift,
    &premature_actual::PrematureActual,
    &scale_ambiguity::ScaleAmbiguity,
    &single_origin::SingleOrigin,
];

/// Runs every check, applies severities and waivers, reports unused waivers, and sorts.
pub fn run_all(cx: &Context) -> Vec<Finding> {
    let mut findings: Vec<Finding> = CHECKS.par_iter().flat_map_iter(|c| c.run(cx)).collect();
    apply_waivers(cx, &mut findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
}

fn apply_waivers(cx: &Context, findings: &mut Vec<Finding>) {
    // Only claims that waive something can waive a finding.
    let index: BTreeMap<&str, usize> = cx
        .corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.waive.is_empty())
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut used: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for finding in findings.iter_mut() {
        for id in &finding.claims {
            let Some(&i) = index.get(id.as_str()) else {
                continue;
            };
            if let Some((w, waiver)) = cx.corpus.claims[i]
                .waive
                .iter()
                .enumerate()
                .find(|(_, w)| w.kind == finding.kind)
            {
                finding.waived = Some(waiver.reason.clone());
                used.entry(i).or_default().push(w);
            }
        }
    }
    for &i in index.values() {
        let claim = &cx.corpus.claims[i];
        for (w, waiver) in claim.waive.iter().enumerate() {
            if !used.get(&i).is_some_and(|u| u.contains(&w)) {
                let mut f = finding(
                    cx,
                    Kind::UnusedWaiver,
                    &[i],
                    format!(
                        "claim `{}` waives `{}`, but no such finding involves it; remove the waiver",
                        claim.id,
                        waiver.kind.name()
                    ),
                );
                f.locations = vec![waiver.location.clone()];
                findings.push(f);
            }
        }
    }
}

/// Every claim with its index and its reading.
pub(crate) fn each_claim<'a>(
    cx: &'a Context,
) -> impl Iterator<Item = (usize, &'a Claim, &'a Reading)> {
    cx.corpus
        .claims
        .iter()
        .zip(cx.reconciled.readings.iter())
        .enumerate()
        .map(|(i, (claim, reading))| (i, claim, reading))
}

/// A finding about `claims` (indices), with their locations, explanations and the group fields
/// of the first one.
pub(crate) fn finding(cx: &Context, kind: Kind, claims: &[usize], message: String) -> Finding {
    let first = &cx.corpus.claims[claims[0]];
    let reading = &cx.reconciled.readings[claims[0]];
    Finding {
        fingerprint: fingerprint(cx, kind, claims),
        versions: Vec::new(),
        kind,
        severity: cx.rules.policy.severity(kind),
        claims: claims
            .iter()
            .map(|&i| cx.corpus.claims[i].id.clone())
            .collect(),
        entity: Some(first.entity_label()),
        metric: Some(first.metric.clone()),
        period: match reading.period() {
            Ok(_) if !reading.dated => Some("undated".to_string()),
            Ok(p) => Some(crate::period::label(p.start, p.end)),
            Err(_) => None,
        },
        message,
        explanation: claims
            .iter()
            .map(|&i| explain(&cx.corpus.claims[i], &cx.reconciled.readings[i]))
            .collect(),
        new: true,
        waived: None,
        locations: claims
            .iter()
            .map(|&i| cx.corpus.claims[i].location.clone())
            .collect::<Vec<Location>>(),
    }
}

/// What identifies a finding across runs, whatever lines the claims move to: its kind, the
/// claims' ids, sorted, and their normalised figures.
fn fingerprint(cx: &Context, kind: Kind, claims: &[usize]) -> String {
    let mut parts: Vec<(String, String)> = claims
        .iter()
        .map(|&i| {
            let claim = &cx.corpus.claims[i];
            let figure = match &cx.reconciled.readings[i].amount {
                Some(Ok(a)) => crate::engine::show_amount(a),
                Some(Err(_)) => claim
                    .value
                    .as_ref()
                    .map(|v| v.text.clone())
                    .unwrap_or_default(),
                None => "relation".to_string(),
            };
            (claim.id.clone(), figure)
        })
        .collect();
    parts.sort();
    parts.dedup();
    let ids: Vec<&str> = parts.iter().map(|(id, _)| id.as_str()).collect();
    let figures: Vec<&str> = parts.iter().map(|(_, f)| f.as_str()).collect();
    format!("{}:{}:{}", kind.name(), ids.join(","), figures.join(";"))
}

/// The tolerance for comparing two claims: the larger of their own, else the metric's.
pub(crate) fn tolerance(cx: &Context, a: usize, b: usize) -> f64 {
    let claims = &cx.corpus.claims;
    let metric = cx.rules.tolerance(&claims[a].metric);
    claims[a]
        .tolerance
        .unwrap_or(metric)
        .max(claims[b].tolerance.unwrap_or(metric))
}

/// Whether two amounts cannot both hold: same unit, and intervals apart even after tolerance.
/// Two figures written in one currency are compared in it, not through rates that move.
pub(crate) fn disagree(a: &Amount, b: &Amount, tolerance: f64) -> bool {
    if a.unit != b.unit {
        return false;
    }
    let ((alo, ahi), (blo, bhi)) = match in_one_currency(a, b) {
        Some((x, y)) => ((x.lo, x.hi), (y.lo, y.hi)),
        None => ((a.lo, a.hi), (b.lo, b.hi)),
    };
    let gap = alo.max(blo) - ahi.min(bhi);
    let size = [alo, ahi, blo, bhi]
        .iter()
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    gap > tolerance * size
}

/// Both figures as they were in the one currency both were converted from, if they were.
fn in_one_currency<'a>(a: &'a Amount, b: &'a Amount) -> Option<(&'a InCurrency, &'a InCurrency)> {
    let (x, y) = (a.before_conversion.as_ref()?, b.before_conversion.as_ref()?);
    (x.currency == y.currency).then_some((x, y))
}

/// Whether two amounts state the same figure: the same unit, and the numbers they state (each
/// with its own rounding, not the span an approximation word allows) no further apart than
/// `tolerance` of the larger. "Up to $200 billion" and "$150 billion" are not the same figure,
/// though the first allows the second.
pub(crate) fn same_figure(a: &Amount, b: &Amount, tolerance: f64) -> bool {
    if a.unit != b.unit {
        return false;
    }
    let ((alo, ahi), (blo, bhi)) = match in_one_currency(a, b) {
        Some((x, y)) => (x.stated, y.stated),
        None => ((a.stated_lo, a.stated_hi), (b.stated_lo, b.stated_hi)),
    };
    let gap = (alo.max(blo) - ahi.min(bhi)).max(0.0);
    let size = [alo, ahi, blo, bhi]
        .iter()
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    gap <= tolerance * size
}

/// Whether two amounts state the same number: figures written in one currency (or in no
/// currency) whose stated intervals overlap, so that one may be the other rounded ("60.9" and
/// "60.922"), but "3.2%" and "3.3%", or "$895 billion" and "$901 billion", are two numbers; a
/// figure converted from another currency than the other's meets it within `tolerance`, which
/// covers the rates.
pub(crate) fn same_number(a: &Amount, b: &Amount, tolerance: f64) -> bool {
    if a.unit != b.unit {
        return false;
    }
    let ((alo, ahi), (blo, bhi)) = match (
        in_one_currency(a, b),
        &a.before_conversion,
        &b.before_conversion,
    ) {
        (Some((x, y)), _, _) => (x.stated, y.stated),
        (None, None, None) => ((a.stated_lo, a.stated_hi), (b.stated_lo, b.stated_hi)),
        _ => return same_figure(a, b, tolerance),
    };
    let size = [alo, ahi, blo, bhi]
        .iter()
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    // Intervals that only touch (3.15..3.25 and 3.25..3.35) are two numbers; float noise at the
    // shared end must not make them one.
    let overlap = ahi.min(bhi) - alo.max(blo);
    let point = |lo: f64, hi: f64| hi - lo <= 1e-12 * size;
    overlap > 1e-9 * size || (overlap >= -1e-9 * size && (point(alo, ahi) || point(blo, bhi)))
}

/// Days between the publications of two claims' documents; 0 when their dates overlap.
pub(crate) fn days_apart(cx: &Context, a: usize, b: usize) -> i64 {
    let (a0, a1) = cx.corpus.source_of(&cx.corpus.claims[a]).published.span();
    let (b0, b1) = cx.corpus.source_of(&cx.corpus.claims[b]).published.span();
    if a1 < b0 {
        (b0 - a1).num_days()
    } else if b1 < a0 {
        (a0 - b1).num_days()
    } else {
        0
    }
}

/// `Publisher (2025-02-07)` for a claim.
pub(crate) fn attribution(cx: &Context, claim: usize) -> String {
    let source = cx.corpus.source_of(&cx.corpus.claims[claim]);
    match &source.via {
        Some(via) => format!(
            "{} via {} ({})",
            source.publisher, via, source.published_text
        ),
        None => format!("{} ({})", source.publisher, source.published_text),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A small corpus built from YAML text, for the checks' own tests.

    use super::*;
    use crate::engine::reconcile;
    use crate::load::{load, ClaimText};
    use crate::rules::testing::bundled_rules;
    pub(crate) use crate::rules::testing::rules_with;
    use crate::rules::Rules;

    /// Claims files given as `(path, yaml)`, loaded with the bundled rules.
    pub fn corpus(files: &[(&str, &str)]) -> (Rules, Corpus) {
        corpus_with(bundled_rules(), files)
    }

    fn corpus_with(rules: Rules, files: &[(&str, &str)]) -> (Rules, Corpus) {
        let texts = files
            .iter()
            .map(|(p, t)| ClaimText {
                path: p.to_string(),
                text: t.to_string(),
            })
            .collect();
        let (corpus, errors) = load(texts, &rules);
        assert!(errors.is_empty(), "{errors:?}");
        (rules, corpus)
    }

    /// Runs one check over claims files given as `(path, yaml)`, with archives as `(path, text)`.
    pub fn run(
        check: &dyn Check,
        files: &[(&str, &str)],
        archives: &[(&str, &str)],
    ) -> Vec<Finding> {
        run_with(check, bundled_rules(), files, archives)
    }

    /// [`run`] with rules of the test's own (see [`rules_with`]).
    pub fn run_with(
        check: &dyn Check,
        rules: Rules,
        files: &[(&str, &str)],
        archives: &[(&str, &str)],
    ) -> Vec<Finding> {
        let (rules, corpus) = corpus_with(rules, files);
        let reconciled = reconcile(&corpus, &rules);
        let estimates = crate::estimate::estimate_all(&corpus, &rules, &reconciled);
        let relations =
            crate::relation::evaluate_all(&corpus, &rules, &reconciled, &estimates.groups);
        let archives = archives
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        let cx = Context {
            corpus: &corpus,
            rules: &rules,
            reconciled: &reconciled,
            estimates: &estimates.groups,
            reliability: &estimates.reliability,
            relations: &relations,
            archives: &archives,
        };
        check.run(&cx)
    }

    /// A claims file from one source and claim lines (each a flow mapping).
    pub fn file(publisher: &str, published: &str, via: Option<&str>, claims: &[&str]) -> String {
        let via = via.map(|v| format!("  via: {v}\n")).unwrap_or_default();
        let mut s = format!(
            "source:\n  publisher: {publisher}\n  published: {published}\n  lang: en\n{via}claims:\n"
        );
        for c in claims {
            s.push_str(&format!("  - {c}\n"));
        }
        s
    }
}
