//! Relations between figures, evaluated against the best amounts other claims give.
//!
//! Stated relations: growth ("doubles": 2026 = 2 × 2025), share ("three quarters goes to AWS"),
//! run rate (a quarter stated as representative of a year: × 4), aggregates (an `entity:` list is
//! the sum of its members). Implied relations, reported only when they fail: a part (AWS) never
//! exceeds its whole (Amazon); quarters sum to their year for flow metrics. An entity's deals with
//! named counterparties never exceed its total; that one is reported whether it holds or not, as
//! the articles state it. Each evaluation carries its arithmetic.

use crate::claim::{Claim, Corpus, Relation};
use crate::engine::{show_amount, show_interval, show_number, widen, Reading, Reconciled};
use crate::estimate::Estimate;
use crate::period::Period;
use crate::rules::{MetricKind, Rules};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Whether a relation holds against the amounts available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Holds,
    Fails,
    /// Nothing (or not enough) to check against; not an error.
    Unchecked,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Holds => "holds",
            Outcome::Fails => "fails",
            Outcome::Unchecked => "nothing to check against",
        }
    }
}

/// One evaluated relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The claim that states (or, for an implied relation, triggers) the relation.
    pub claim: usize,
    /// The claims whose figures it was checked against: one list per figure (the claims that
    /// support a group's best estimate).
    pub used: Vec<Vec<usize>>,
    /// The relation in words: `Amazon capex 2026 = 2 × Amazon capex 2025`.
    pub statement: String,
    /// The arithmetic, with the figures: `2 × 100e9 USD = 200e9 USD; stated 199.5e9..200.5e9 USD`.
    pub arithmetic: String,
    pub outcome: Outcome,
}

/// An amount available for an entity, metric and period: a group's best estimate.
struct Known<'a> {
    estimate: &'a Estimate,
}

type Key = (String, Option<String>, String, NaiveDate, NaiveDate);

struct Index<'a> {
    corpus: &'a Corpus,
    rules: &'a Rules,
    reconciled: &'a Reconciled,
    by_key: BTreeMap<Key, Known<'a>>,
}

impl<'a> Index<'a> {
    fn new(
        corpus: &'a Corpus,
        rules: &'a Rules,
        reconciled: &'a Reconciled,
        estimates: &'a [Option<Estimate>],
    ) -> Self {
        let mut by_key: BTreeMap<Key, Known<'a>> = BTreeMap::new();
        for (group, estimate) in reconciled.groups.iter().zip(estimates) {
            let Some(estimate) = estimate else { continue };
            let k = &group.key;
            let key = (
                k.entity.clone(),
                k.counterparty.clone(),
                k.metric.clone(),
                k.start,
                k.end,
            );
            // Where both families give a figure, the better supported one is used.
            let better = by_key
                .get(&key)
                .is_none_or(|known| estimate.support.len() > known.estimate.support.len());
            if better {
                by_key.insert(key, Known { estimate });
            }
        }
        Index {
            corpus,
            rules,
            reconciled,
            by_key,
        }
    }

    fn get(
        &self,
        entity: &str,
        counterparty: Option<&str>,
        metric: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<&Estimate> {
        let key = (
            entity.to_string(),
            counterparty.map(str::to_string),
            metric.to_string(),
            start,
            end,
        );
        self.by_key.get(&key).map(|k| k.estimate)
    }

    /// An estimate in money converted from one currency, back in that currency: every claim
    /// holding it gave its figure in the same currency, converted at the period's rate.
    fn in_own_currency(&self, e: &Estimate, start: NaiveDate, end: NaiveDate) -> Option<Estimate> {
        let mut own: Option<&str> = None;
        for &s in &e.support {
            let unit = self.reconciled.readings[s]
                .amount()?
                .figure
                .unit
                .as_deref()?;
            if own.is_some_and(|o| o != unit) {
                return None;
            }
            own = Some(unit);
        }
        let own = own.filter(|o| *o != e.unit)?;
        // The rate only carries the estimate's middle back; its interval is where the figures
        // as written meet, which no rate can blur.
        let rate = self.rules.fx.convert(own, &e.unit, start, end)?;
        let stated = |s: &usize| {
            self.reconciled.readings[*s]
                .amount()
                .map(|a| a.figure.stated)
        };
        let lo = e
            .support
            .iter()
            .filter_map(stated)
            .map(|s| s.0)
            .fold(f64::NEG_INFINITY, f64::max);
        let hi = e
            .support
            .iter()
            .filter_map(stated)
            .map(|s| s.1)
            .fold(f64::INFINITY, f64::min);
        let value = e.value * rate.rate;
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (value, value) };
        Some(Estimate {
            value: value.clamp(lo, hi),
            lo,
            hi,
            unit: own.to_string(),
            support: e.support.clone(),
            dissent: e.dissent.clone(),
            superseded: e.superseded.clone(),
        })
    }

    fn tolerance(&self, claim: &Claim) -> f64 {
        claim
            .tolerance
            .unwrap_or_else(|| self.rules.tolerance(&claim.metric))
    }
}

/// Whether `[lo, hi]` and `[elo, ehi]` meet once both are widened by `t`.
fn meets(lo: f64, hi: f64, elo: f64, ehi: f64, t: f64) -> bool {
    let (a, b) = widen(lo, hi, t);
    let (c, d) = widen(elo, ehi, t);
    a <= d && c <= b
}

fn months(start: NaiveDate, end: NaiveDate) -> f64 {
    let next = end.succ_opt().unwrap_or(end);
    let whole = (next.year() - start.year()) * 12 + next.month() as i32 - start.month() as i32;
    if start.day() == 1 && next.day() == 1 {
        f64::from(whole)
    } else {
        ((end - start).num_days() + 1) as f64 / (365.25 / 12.0)
    }
}

fn show_est(e: &Estimate) -> String {
    format!("{} {}", show_interval(e.lo, e.hi), e.unit)
        .trim_end()
        .to_string()
}

/// Evaluates every stated relation, and the implied ones that fail.
pub fn evaluate_all(
    corpus: &Corpus,
    rules: &Rules,
    reconciled: &Reconciled,
    estimates: &[Option<Estimate>],
) -> Vec<Evaluation> {
    let index = Index::new(corpus, rules, reconciled, estimates);
    let mut out: Vec<Evaluation> = corpus
        .claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, claim)| {
            let stated = claim
                .relation
                .as_ref()
                .and_then(|relation| stated(&index, i, relation));
            let aggregate = (claim.entities.len() > 1 && claim.value.is_some())
                .then(|| aggregate(&index, i))
                .flatten();
            stated.into_iter().chain(aggregate)
        })
        .collect();
    out.extend(part_of(&index));
    out.extend(quarters(&index));
    out.extend(deals(&index));
    out
}

/// The period a growth or run rate is stated from, if it was read.
fn from_period(reading: &Reading) -> Option<&Period> {
    reading.from_period.as_deref()?.as_ref().ok()
}

fn stated(index: &Index, i: usize, relation: &Relation) -> Option<Evaluation> {
    let claim = &index.corpus.claims[i];
    let reading = &index.reconciled.readings[i];
    let period = reading.period().ok()?;
    let entity = claim.entity_label();
    let cp = claim.counterparty.as_deref();
    let metric = &claim.metric;
    let label = |s: NaiveDate, e: NaiveDate| crate::period::label(s, e);
    let target = index.get(&entity, cp, metric, period.start, period.end);
    let t = index.tolerance(claim);
    let (statement, base, factor, base_text) = match relation {
        Relation::Growth { factor, .. } => {
            let p0 = from_period(reading)?;
            let statement = format!(
                "{entity} {metric} {} = {} × {entity} {metric} {}",
                label(period.start, period.end),
                show_number(*factor),
                label(p0.start, p0.end)
            );
            let base = index.get(&entity, cp, metric, p0.start, p0.end);
            (
                statement,
                base,
                *factor,
                format!("{entity} {}", label(p0.start, p0.end)),
            )
        }
        Relation::Share { of, fraction } => {
            let statement = format!(
                "{entity} {metric} {p} = {} × {of} {metric} {p}",
                show_number(*fraction),
                p = label(period.start, period.end)
            );
            let base = index.get(of, cp, metric, period.start, period.end);
            (
                statement,
                base,
                *fraction,
                format!("{of} {}", label(period.start, period.end)),
            )
        }
        Relation::RunRate { .. } => {
            let p0 = from_period(reading)?;
            let factor = months(period.start, period.end) / months(p0.start, p0.end);
            let statement = format!(
                "{entity} {metric} {} = {entity} {metric} {} at the same rate (× {})",
                label(period.start, period.end),
                label(p0.start, p0.end),
                show_number(factor)
            );
            let base = index.get(&entity, cp, metric, p0.start, p0.end);
            (
                statement,
                base,
                factor,
                format!("{entity} {}", label(p0.start, p0.end)),
            )
        }
    };
    // A growth stated over time compares figures in the currency they were given in, not at two
    // years' exchange rates: "+102% in won" holds in won whatever the dollar did.
    let over_time = matches!(relation, Relation::Growth { .. } | Relation::RunRate { .. });
    let own = match (base, target, over_time) {
        (Some(b), Some(tg), true) => {
            let p0 = from_period(reading)?;
            match (
                index.in_own_currency(b, p0.start, p0.end),
                index.in_own_currency(tg, period.start, period.end),
            ) {
                (Some(b), Some(tg)) if b.unit == tg.unit => Some((b, tg)),
                _ => None,
            }
        }
        _ => None,
    };
    let (base, target) = match &own {
        Some((b, tg)) => (Some(b), Some(tg)),
        None => (base, target),
    };
    let Some(base) = base else {
        let arithmetic = match target {
            Some(tg) => format!(
                "no figure for {base_text}; {entity} {} is {}, which implies {base_text} ≈ {}",
                label(period.start, period.end),
                show_est(tg),
                show_interval(tg.lo / factor, tg.hi / factor)
            ),
            None => format!(
                "no figure for {base_text} nor for {entity} {}",
                label(period.start, period.end)
            ),
        };
        return Some(Evaluation {
            claim: i,
            used: target.map(|t| vec![t.support.clone()]).unwrap_or_default(),
            statement,
            arithmetic,
            outcome: Outcome::Unchecked,
        });
    };
    let (elo, ehi) = (base.lo * factor, base.hi * factor);
    let implied = format!(
        "{} × {} = {} {}",
        show_number(factor),
        show_est(base),
        show_interval(elo, ehi),
        base.unit
    );
    let Some(target) = target else {
        return Some(Evaluation {
            claim: i,
            used: vec![base.support.clone()],
            statement,
            arithmetic: format!(
                "{implied}; no figure for {entity} {metric} {} to compare with",
                label(period.start, period.end)
            ),
            outcome: Outcome::Unchecked,
        });
    };
    if target.unit != base.unit {
        return Some(Evaluation {
            claim: i,
            used: vec![base.support.clone(), target.support.clone()],
            statement,
            arithmetic: format!(
                "{implied}; the figure to compare is in {}, not {}",
                target.unit, base.unit
            ),
            outcome: Outcome::Unchecked,
        });
    }
    let holds = meets(target.lo, target.hi, elo, ehi, t);
    Some(Evaluation {
        claim: i,
        used: vec![base.support.clone(), target.support.clone()],
        statement,
        arithmetic: format!(
            "{implied}; given {} (tolerance {}%)",
            show_est(target),
            show_number(t * 100.0)
        ),
        outcome: if holds {
            Outcome::Holds
        } else {
            Outcome::Fails
        },
    })
}

fn aggregate(index: &Index, i: usize) -> Option<Evaluation> {
    let claim = &index.corpus.claims[i];
    let reading = &index.reconciled.readings[i];
    let amount = reading.amount()?;
    let period = reading.period().ok()?;
    let members: Vec<(&str, Option<&Estimate>)> = claim
        .entities
        .iter()
        .map(|e| {
            let found = index
                .get(
                    e,
                    claim.counterparty.as_deref(),
                    &claim.metric,
                    period.start,
                    period.end,
                )
                .filter(|est| est.unit == amount.unit);
            (e.as_str(), found)
        })
        .collect();
    let known: Vec<(&str, &Estimate)> = members
        .iter()
        .filter_map(|(n, e)| e.map(|e| (*n, e)))
        .collect();
    let statement = format!(
        "{} {} {} = the sum of its {} members",
        claim.entity_label(),
        claim.metric,
        crate::period::label(period.start, period.end),
        members.len()
    );
    let (lo, hi): (f64, f64) = known
        .iter()
        .fold((0.0, 0.0), |(l, h), (_, e)| (l + e.lo, h + e.hi));
    let terms = known
        .iter()
        .map(|(n, e)| format!("{n} {}", show_interval(e.lo, e.hi)))
        .collect::<Vec<_>>()
        .join(" + ");
    let used: Vec<Vec<usize>> = known.iter().map(|(_, e)| e.support.clone()).collect();
    let t = index.tolerance(claim);
    let (outcome, arithmetic) = if known.is_empty() {
        (
            Outcome::Unchecked,
            "no member has a figure for this period".to_string(),
        )
    } else if known.len() < members.len() {
        let missing: Vec<&str> = members
            .iter()
            .filter(|(_, e)| e.is_none())
            .map(|(n, _)| *n)
            .collect();
        let exceeds = widen(lo, hi, t).0 > widen(amount.lo, amount.hi, t).1;
        (
            if exceeds {
                Outcome::Fails
            } else {
                Outcome::Unchecked
            },
            format!(
                "{terms} = {} {} already{} the total {} ({} without a figure)",
                show_interval(lo, hi),
                amount.unit,
                if exceeds { " exceeds" } else { " within" },
                show_amount(amount),
                missing.join(", ")
            ),
        )
    } else {
        let holds = meets(amount.lo, amount.hi, lo, hi, t);
        (
            if holds {
                Outcome::Holds
            } else {
                Outcome::Fails
            },
            format!(
                "{terms} = {} {}; given {} (tolerance {}%)",
                show_interval(lo, hi),
                amount.unit,
                show_amount(amount),
                show_number(t * 100.0)
            ),
        )
    };
    Some(Evaluation {
        claim: i,
        used,
        statement,
        arithmetic,
        outcome,
    })
}

fn key_label(start: NaiveDate, end: NaiveDate) -> String {
    if start == NaiveDate::MIN && end == NaiveDate::MAX {
        "undated".to_string()
    } else {
        crate::period::label(start, end)
    }
}

/// A part never exceeds its whole, for the same metric and period.
fn part_of(index: &Index) -> Vec<Evaluation> {
    let mut out = Vec::new();
    for ((entity, cp, metric, start, end), known) in &index.by_key {
        let part = known.estimate;
        if index
            .rules
            .metrics
            .get(metric)
            .is_some_and(|m| m.dimension == "ratio")
        {
            continue;
        }
        for whole_name in index.rules.ancestors(entity) {
            let Some(whole) = index.get(whole_name, cp.as_deref(), metric, *start, *end) else {
                continue;
            };
            let t = index.rules.tolerance(metric);
            if whole.unit == part.unit
                && widen(part.lo, part.hi, t).0 > widen(whole.lo, whole.hi, t).1
            {
                let p = key_label(*start, *end);
                out.push(Evaluation {
                    claim: part.support[0],
                    used: vec![part.support.clone(), whole.support.clone()],
                    statement: format!("{entity} {metric} {p} ≤ {whole_name} {metric} {p}"),
                    arithmetic: format!(
                        "the part, {}, exceeds the whole, {}",
                        show_est(part),
                        show_est(whole)
                    ),
                    outcome: Outcome::Fails,
                });
            }
        }
    }
    out
}

/// Quarters of a flow metric sum to their year (calendar or fiscal: any twelve months).
fn quarters(index: &Index) -> Vec<Evaluation> {
    let mut out = Vec::new();
    for ((entity, cp, metric, start, end), known) in &index.by_key {
        let year = known.estimate;
        let flow = index
            .rules
            .metrics
            .get(metric)
            .is_some_and(|m| m.kind == MetricKind::Flow);
        if !flow || *start == NaiveDate::MIN || months(*start, *end) != 12.0 {
            continue;
        }
        let quarters: Vec<&Estimate> = index
            .by_key
            .range(
                (
                    entity.clone(),
                    cp.clone(),
                    metric.clone(),
                    *start,
                    NaiveDate::MIN,
                )..,
            )
            .take_while(|((e, c, m, s, _), _)| e == entity && c == cp && m == metric && s <= end)
            .filter(|((_, _, _, s, e), k)| {
                e <= end && s >= start && months(*s, *e) == 3.0 && k.estimate.unit == year.unit
            })
            .map(|(_, k)| k.estimate)
            .collect();
        if quarters.is_empty() {
            continue;
        }
        let (lo, hi) = quarters
            .iter()
            .fold((0.0, 0.0), |(l, h), e| (l + e.lo, h + e.hi));
        let t = index.rules.tolerance(metric);
        let (slo, shi) = widen(lo, hi, t);
        let (ylo, yhi) = widen(year.lo, year.hi, t);
        if slo > yhi || (quarters.len() == 4 && shi < ylo) {
            out.push(Evaluation {
                claim: year.support[0],
                used: quarters
                    .iter()
                    .map(|e| e.support.clone())
                    .chain([year.support.clone()])
                    .collect(),
                statement: format!(
                    "{entity} {metric} {}: its quarters sum to the year",
                    key_label(*start, *end)
                ),
                arithmetic: format!(
                    "{} quarter(s) sum to {} {}; the year is {}",
                    quarters.len(),
                    show_interval(lo, hi),
                    year.unit,
                    show_est(year)
                ),
                outcome: Outcome::Fails,
            });
        }
    }
    out
}

/// An entity's deals with named counterparties never exceed its total for the same period.
fn deals(index: &Index) -> Vec<Evaluation> {
    let mut sums: BTreeMap<(&str, &str, NaiveDate, NaiveDate), Vec<&Estimate>> = BTreeMap::new();
    for ((entity, cp, metric, start, end), known) in &index.by_key {
        if cp.is_some() {
            sums.entry((entity, metric, *start, *end))
                .or_default()
                .push(known.estimate);
        }
    }
    let mut out = Vec::new();
    for ((entity, metric, start, end), parts) in sums {
        let Some(total) = index.get(entity, None, metric, start, end) else {
            continue;
        };
        let parts: Vec<&Estimate> = parts.into_iter().filter(|e| e.unit == total.unit).collect();
        let lo: f64 = parts.iter().map(|e| e.lo).sum();
        let t = index.rules.tolerance(metric);
        let fails = widen(lo, lo, t).0 > widen(total.lo, total.hi, t).1;
        out.push(Evaluation {
            claim: total.support[0],
            used: parts
                .iter()
                .map(|e| e.support.clone())
                .chain([total.support.clone()])
                .collect(),
            statement: format!(
                "{entity} {metric} {}: deals with named counterparties ≤ the total",
                key_label(start, end)
            ),
            arithmetic: format!(
                "{} deals sum to at least {} {}; the total is {}",
                parts.len(),
                show_number(lo),
                total.unit,
                show_est(total)
            ),
            outcome: if fails {
                Outcome::Fails
            } else {
                Outcome::Holds
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_spans() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(months(d(2024, 10, 1), d(2024, 12, 31)), 3.0);
        assert_eq!(months(d(2025, 1, 1), d(2025, 12, 31)), 12.0);
        assert_eq!(months(d(2024, 7, 1), d(2025, 6, 30)), 12.0);
        assert!((months(d(2025, 2, 7), d(2025, 12, 31)) - 10.8).abs() < 0.1);
    }

    #[test]
    fn intervals_meet_within_tolerance() {
        assert!(meets(99.5, 100.5, 105.0, 105.4, 0.05));
        assert!(!meets(99.5, 100.5, 105.0, 105.4, 0.01));
    }
}
