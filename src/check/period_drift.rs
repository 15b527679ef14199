//! `period-drift`: independent sources give the same figure for different periods.
//!
//! Why: the same number attached to two different years is usually one figure whose period was
//! misread somewhere — a relative period ("this year") resolved from documents of different
//! dates, a fiscal year taken for a calendar year, a Buddhist-era year taken for a Common-era one.
//! The message says which reading produced each period, so the fact-checker can tell which is off.
//! Example: "$100 billion … this year" in a 2025 article and "$100 billion … 2026" elsewhere.
//!
//! Only periods of the same length are compared (a year with a year, a quarter with a quarter),
//! and only where the two figures meet within tolerance.

use super::{attribution, disagree, finding, tolerance, Check, Context};
use crate::engine::{show_amount, GroupKey};
use crate::finding::{Finding, Kind};
use crate::period::{label, PeriodKind};
use rayon::prelude::*;
use std::collections::HashSet;

pub struct PeriodDrift;

fn reading_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Absolute => "written as a date",
        PeriodKind::Relative => "a relative period, resolved against the publication date",
        PeriodKind::Fiscal => "a fiscal period, by the entity's calendar",
        PeriodKind::BuddhistEra => "a Buddhist-era year",
        PeriodKind::Deadline => "a deadline, from the publication date",
    }
}

/// The first claim of each distinct (origin, interval, unit, own tolerance) in a group: two
/// claims alike in all of these match the same claims, so only the first needs comparing, and
/// the first matching pair is the same. A group of thousands of copies of one figure is then one.
fn distinct(cx: &Context, claims: &[usize]) -> Vec<usize> {
    let mut seen = HashSet::with_hasher(foldhash::fast::RandomState::default());
    claims
        .iter()
        .copied()
        .filter(|&i| {
            let amount = cx.reconciled.readings[i].amount();
            seen.insert((
                cx.corpus.source_of(&cx.corpus.claims[i]).origin(),
                amount.map(|a| (a.lo.to_bits(), a.hi.to_bits(), a.unit.as_str())),
                cx.corpus.claims[i].tolerance.map(f64::to_bits),
            ))
        })
        .collect()
}

impl Check for PeriodDrift {
    fn kind(&self) -> Kind {
        Kind::PeriodDrift
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let groups = &cx.reconciled.groups;
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
                let members: Vec<Vec<usize>> = keys
                    .iter()
                    .map(|&g| distinct(cx, &groups[g].claims))
                    .collect();
                let mut out = Vec::new();
                for (n, &ga) in keys.iter().enumerate() {
                    for (m, &gb) in keys.iter().enumerate().skip(n + 1) {
                        let (a, b) = (&groups[ga].key, &groups[gb].key);
                        let length = |k: &GroupKey| (k.end - k.start).num_days();
                        if (length(a) - length(b)).abs() > 3 {
                            continue;
                        }
                        // One finding per pair of periods: the first pair of claims that match.
                        let pair = members[n].iter().find_map(|&x| {
                            members[m].iter().find_map(|&y| {
                                let (ax, by) = (readings[x].amount()?, readings[y].amount()?);
                                let origin =
                                    |i: usize| cx.corpus.source_of(&cx.corpus.claims[i]).origin();
                                let same =
                                    ax.unit == by.unit && !disagree(ax, by, tolerance(cx, x, y));
                                (same && origin(x) != origin(y)).then_some((x, y))
                            })
                        });
                        let Some((x, y)) = pair else { continue };
                        let describe = |i: usize| {
                            let p = readings[i].period().ok();
                            let written = cx.corpus.claims[i]
                                .period
                                .as_ref()
                                .or(cx.corpus.claims[i].as_of.as_ref())
                                .map(|p| p.text.as_str())
                                .unwrap_or("");
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
