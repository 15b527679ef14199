//! `period-drift`: independent sources give the same figure for different periods.
//!
//! Why: the same number attached to two different years is usually one figure whose period was
//! misread somewhere — a relative period ("this year") resolved from documents of different
//! dates, a fiscal year taken for a calendar year, a Buddhist-era year taken for a Common-era one.
//! The message says which reading produced each period, so the fact-checker can tell which is off.
//! Example: "$100 billion … this year" in a 2025 article and "$100 billion … 2026" elsewhere.
//!
//! Only periods of the same length are compared (a year with a year, a quarter with a quarter),
//! only where the two figures meet within tolerance, and not with an approximation wider than
//! 10% of its figure ("about 295 million", "up to $1.5 trillion"): it meets the figures of many
//! periods without being any of them.

use super::{attribution, disagree, finding, tolerance, Check, Context};
use crate::engine::{own_period, show_amount, Amount, GroupKey};
use crate::finding::{Finding, Kind};
use crate::period::{label, PeriodKind};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

pub struct PeriodDrift;

/// How wide, relative to its size, a figure may be and still be "the same figure": "about 295
/// million" (±10%) or "up to $1.5 trillion" meets figures of many periods without being any of
/// them.
const MAX_WIDTH: f64 = 0.1;

/// A figure as written (its rounding is its precision), or an approximation no wider than
/// `MAX_WIDTH` of its size.
fn precise(amount: &Amount) -> bool {
    let size = amount.lo.abs().max(amount.hi.abs());
    amount.figure.approx.is_none() || (size > 0.0 && amount.hi - amount.lo <= MAX_WIDTH * size)
}

fn reading_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Absolute => "written as a date",
        PeriodKind::Relative => "a relative period, resolved against the publication date",
        PeriodKind::Fiscal => "a fiscal period, by the entity's calendar",
        PeriodKind::BuddhistEra => "a Buddhist-era year",
        PeriodKind::Deadline => "a deadline, from the publication date",
        PeriodKind::ToDate => "a span to date, up to the publication date",
    }
}

/// The first claim of each distinct (origin, interval, unit, own tolerance) in a group: two
/// claims alike in all of these match the same claims, so only the first needs comparing, and
/// the first matching pair is the same. A group of thousands of copies of one figure is then one.
fn distinct(cx: &Context, origins: &[u32], claims: &[usize]) -> Vec<usize> {
    let mut seen = HashSet::with_hasher(foldhash::fast::RandomState::default());
    claims
        .iter()
        .copied()
        .filter(|&i| {
            let amount = cx.reconciled.readings[i].amount();
            seen.insert((
                origins[cx.corpus.claims[i].source],
                amount.map(|a| (a.lo.to_bits(), a.hi.to_bits(), a.unit.as_str())),
                cx.corpus.claims[i].tolerance.map(f64::to_bits),
            ))
        })
        .collect()
}

/// A number for each source's origin, by source index: comparing numbers is cheaper than
/// comparing names, and a million claims are compared.
fn origin_ids(cx: &Context) -> Vec<u32> {
    let mut ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    cx.corpus
        .sources
        .iter()
        .map(|source| {
            let next = ids.len() as u32;
            *ids.entry(source.origin()).or_insert(next)
        })
        .collect()
}

/// A group's distinct claims, with their intervals widened by the bucket's widest tolerance and
/// sorted, so that the claims that can match a given one are found by a binary search rather
/// than by comparing with every claim.
struct Members {
    /// In corpus order: the first match is the first in this order.
    claims: Vec<usize>,
    /// (low, high, position in `claims`), by low end.
    by_low: Vec<(f64, f64, usize)>,
    /// The widest of the widened intervals.
    widest_interval: f64,
    /// Positions of the claims whose interval is not finite: always compared.
    odd: Vec<usize>,
}

impl Members {
    fn new(cx: &Context, claims: Vec<usize>, widest: f64) -> Members {
        let (mut by_low, mut odd) = (Vec::new(), Vec::new());
        for (position, &i) in claims.iter().enumerate() {
            let Some(amount) = cx.reconciled.readings[i].amount() else {
                continue;
            };
            let (lo, hi) = amount.widened(widest);
            if lo.is_finite() && hi.is_finite() && lo <= hi {
                by_low.push((lo, hi, position));
            } else {
                odd.push(position);
            }
        }
        by_low.sort_by(|a, b| a.0.total_cmp(&b.0));
        let widest_interval = by_low.iter().map(|(lo, hi, _)| hi - lo).fold(0.0, f64::max);
        Members {
            claims,
            by_low,
            widest_interval,
            odd,
        }
    }

    /// The first of these claims (in corpus order) that `matches` claim `x`. Two claims match only
    /// if their intervals, widened by at most `widest`, meet; so only the claims whose low end
    /// lies within one interval's width below `x`'s need the full comparison.
    fn first_match(
        &self,
        cx: &Context,
        x: usize,
        widest: f64,
        matches: &impl Fn(usize, usize) -> bool,
    ) -> Option<usize> {
        let amount = cx.reconciled.readings[x].amount()?;
        let (lo, hi) = amount.widened(widest);
        let first = if lo.is_finite() && hi.is_finite() {
            // A little more than the widest interval: its width was rounded when computed.
            let margin = self.widest_interval * 1.001 + lo.abs() * 1e-9;
            let from = self.by_low.partition_point(|c| c.0 < lo - margin);
            self.by_low[from..]
                .iter()
                .take_while(|c| c.0 <= hi)
                .filter(|c| c.1 >= lo)
                .map(|c| c.2)
                .chain(self.odd.iter().copied())
                .filter(|&p| matches(x, self.claims[p]))
                .min()
        } else {
            (0..self.claims.len()).find(|&p| matches(x, self.claims[p]))
        };
        first.map(|p| self.claims[p])
    }
}

impl Check for PeriodDrift {
    fn kind(&self) -> Kind {
        Kind::PeriodDrift
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let groups = &cx.reconciled.groups;
        let origins = origin_ids(cx);
        // The dated groups of one entity, counterparty, metric and family, side by side; the
        // groups are sorted by key, so a stable sort keeps each bucket's periods in order.
        let bucket = |g: usize| {
            let k = &groups[g].key;
            (&k.entity, &k.counterparty, &k.metric, k.family)
        };
        let mut order: Vec<usize> = (0..groups.len())
            .filter(|&g| !groups[g].key.is_undated())
            .collect();
        order.sort_by(|&a, &b| bucket(a).cmp(&bucket(b)));
        let buckets: Vec<&[usize]> = order.chunk_by(|&a, &b| bucket(a) == bucket(b)).collect();
        let readings = &cx.reconciled.readings;
        buckets
            .par_iter()
            .filter(|keys| keys.len() > 1)
            .flat_map_iter(|keys| {
                let widest = keys
                    .iter()
                    .flat_map(|&g| &groups[g].claims)
                    .map(|&i| tolerance(cx, i, i))
                    .fold(0.0, f64::max);
                let members: Vec<Members> = keys
                    .iter()
                    .map(|&g| Members::new(cx, distinct(cx, &origins, &groups[g].claims), widest))
                    .collect();
                let matches = |x: usize, y: usize| {
                    let (Some(ax), Some(by)) = (readings[x].amount(), readings[y].amount()) else {
                        return false;
                    };
                    let origin = |i: usize| origins[cx.corpus.claims[i].source];
                    ax.unit == by.unit
                        && precise(ax)
                        && precise(by)
                        && !disagree(ax, by, tolerance(cx, x, y))
                        && origin(x) != origin(y)
                };
                let mut out = Vec::new();
                for (n, &ga) in keys.iter().enumerate() {
                    for (m, &gb) in keys.iter().enumerate().skip(n + 1) {
                        let (a, b) = (&groups[ga].key, &groups[gb].key);
                        let length = |k: &GroupKey| (k.end - k.start).num_days();
                        if (length(a) - length(b)).abs() > 3 {
                            continue;
                        }
                        // One finding per pair of periods: the first pair of claims that match.
                        let pair = members[n].claims.iter().find_map(|&x| {
                            let y = members[m].first_match(cx, x, widest, &matches)?;
                            Some((x, y))
                        });
                        let Some((x, y)) = pair else { continue };
                        let describe = |i: usize| {
                            let p = readings[i].period().ok();
                            let written = own_period(&cx.corpus.claims[i]).unwrap_or("");
                            match p {
                                Some(p) => format!(
                                    "{} for {} (`{written}`: {})",
                                    readings[i].amount().map(show_amount).unwrap_or_default(),
                                    label(p.start, p.end),
                                    reading_name(p.kind)
                                ),
                                None => String::new(),
                            }
                        };
                        let message = format!(
                            "{} {}: the same figure for two periods: {} from {}, and {} from {}",
                            a.entity_label(),
                            a.metric,
                            describe(x),
                            attribution(cx, x),
                            describe(y),
                            attribution(cx, y),
                        );
                        out.push(finding(cx, self.kind(), &[x, y], message));
                    }
                }
                out
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, run};

    #[test]
    fn this_year_from_two_years() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("relative"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_wide_approximation_is_no_figure_of_a_period() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: about $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $104 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&PeriodDrift, &files, &[]).is_empty());
        let exact = a.replace("about $100 billion", "$104 billion");
        let files = [
            ("claims/a.yaml", exact.as_str()),
            ("claims/b.yaml", b.as_str()),
        ];
        assert_eq!(run(&PeriodDrift, &files, &[]).len(), 1);
    }

    #[test]
    fn the_first_matching_claim_in_corpus_order_is_named() {
        // Sorted by value the candidates run 99, 100, 101; the finding still names the first one
        // in corpus order that matches (101), skipping the same origin's own 100.
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &[
            "{id: far, entity: Amazon, metric: capex, period: this year, status: plan, value: $150 billion}",
            "{id: near, entity: Amazon, metric: capex, period: this year, status: plan, value: $101 billion}",
            "{id: nearer, entity: Amazon, metric: capex, period: this year, status: plan, value: $99 billion}",
        ]);
        let c = file("Daily", "2026-03-01", None, &["{id: same, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[
                ("claims/a.yaml", &a),
                ("claims/c.yaml", &c),
                ("claims/b.yaml", &b),
            ],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims, ["a", "near"]);
    }

    #[test]
    fn different_figures_for_different_years_are_no_drift() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}"]);
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn a_quarter_and_a_year_are_not_compared() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: Q4 2024, status: actual, value: $26.3 billion}"]);
        let b = file("Weekly", "2025-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2023, status: actual, value: $26.3 billion}"]);
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }
}
