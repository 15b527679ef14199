//! `contradiction`: claims on the same entity, metric, period and status family whose figures
//! cannot both hold, after units, scale, rounding, approximation and tolerance.
//!
//! Why: this is the finding fact-checkers come for. Each claim that dissents from its group's
//! best estimate gets one finding, naming the claims that hold the estimate: one line per odd
//! figure out, not one per pair, so a group of ten outlets with one outlier says so once. Two
//! expected figures from documents at least the revision gap apart are a `revision` instead; an
//! origin that disagrees with itself is flagged too, and says so.
//! Example: "$100 billion" (Cryptopolitan) and "$130 billion" (CNBC) for Amazon's 2025 capex plan,
//! published a week apart.

use super::{attribution, days_apart, disagree, finding, tolerance, Check, Context};
use crate::chain;
use crate::claim::Family;
use crate::engine::{show_amount, show_interval};
use crate::finding::{Finding, Kind};
use crate::rules::MetricKind;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub struct Contradiction;

/// How many of the supporting claims a finding names and points at; the message counts the rest.
const NAMED: usize = 3;

impl Check for Contradiction {
    fn kind(&self) -> Kind {
        Kind::Contradiction
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = self.within_groups(cx);
        out.extend(self.falling_totals(cx));
        out
    }
}

impl Contradiction {
    /// Claims that dissent from their group's best estimate and cannot hold with its supporters.
    fn within_groups(&self, cx: &Context) -> Vec<Finding> {
        let readings = &cx.reconciled.readings;
        let gap = cx.rules.policy.revision_gap_days;
        let groups = cx.reconciled.groups.par_iter().zip(cx.estimates);
        groups
            .flat_map_iter(|(group, estimate)| {
                let mut out = Vec::new();
                let Some(estimate) = estimate else { return out };
                for &d in &estimate.dissent {
                    let Some(x) = readings[d].amount() else {
                        continue;
                    };
                    // The supporters this claim really cannot agree with (not a revision of them).
                    let against: Vec<usize> = estimate
                        .support
                        .iter()
                        .copied()
                        .filter(|&s| {
                            // A newer figure of the same author revises; another author's
                            // figure can contradict it at any distance.
                            let revision = group.key.family == Family::Expected
                                && days_apart(cx, d, s) >= gap
                                && chain::author(cx.corpus, d) == chain::author(cx.corpus, s);
                            !revision
                                && readings[s]
                                    .amount()
                                    .is_some_and(|y| disagree(x, y, tolerance(cx, d, s)))
                        })
                        .collect();
                    let Some(&first) = against.first() else {
                        continue;
                    };
                    let source = cx.corpus.source_of(&cx.corpus.claims[d]);
                    let itself = against.iter().any(|&s| {
                        cx.corpus.source_of(&cx.corpus.claims[s]).origin() == source.origin()
                    });
                    let named: Vec<String> = against
                        .iter()
                        .take(NAMED)
                        .map(|&s| attribution(cx, s))
                        .collect();
                    let more = against.len().saturating_sub(NAMED);
                    let others = if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    };
                    let message = format!(
                        "{} {} {}: {} ({}) cannot hold with {} {} ({}{others}; tolerance {}%){}",
                        group.key.entity_label(),
                        group.key.metric,
                        group.key.period_label(),
                        show_amount(x),
                        attribution(cx, d),
                        show_interval(estimate.lo, estimate.hi),
                        estimate.unit,
                        named.join(", "),
                        tolerance(cx, d, first) * 100.0,
                        if itself {
                            format!("; {} contradicts itself", source.origin())
                        } else {
                            String::new()
                        },
                    );
                    // The claims named, not every supporter: a dissent from a group of thousands
                    // stays one readable finding, and its cost does not grow with the group.
                    let mut claims = vec![d];
                    claims.extend(against.iter().take(NAMED));
                    let mut found = finding(cx, self.kind(), &claims, message);
                    // Known by the dissenting claim and its group, not by the supporters it names:
                    // an agreeing claim added anywhere must not make a baselined finding look new.
                    found.fingerprint = format!(
                        "{}:{}:{}:{} {} {}",
                        self.kind().name(),
                        cx.corpus.claims[d].id,
                        show_amount(x),
                        group.key.entity_label(),
                        group.key.metric,
                        group.key.period_label()
                    );
                    out.push(found);
                }
                out
            })
            .collect()
    }

    /// A running total (counts at moments of a `cumulative` metric) that falls from one counting
    /// body: each count against the highest that body gave before it. Counts that grow are
    /// updates; two bodies' counts for one moment are in one group, judged above.
    fn falling_totals(&self, cx: &Context) -> Vec<Finding> {
        let readings = &cx.reconciled.readings;
        // (entity, counterparty, metric, counting body) → its counts as (moment, claim).
        type Series<'a> =
            BTreeMap<(&'a str, Option<&'a str>, &'a str, &'a str), Vec<(NaiveDate, usize)>>;
        let mut series: Series = BTreeMap::new();
        for group in &cx.reconciled.groups {
            let k = &group.key;
            let cumulative = cx
                .rules
                .metrics
                .get(&k.metric)
                .is_some_and(|m| m.kind == MetricKind::Cumulative);
            if !cumulative || k.family != Family::Happened {
                continue;
            }
            for &i in group.claims.iter().filter(|&&i| readings[i].moment) {
                let body = cx.corpus.source_of(&cx.corpus.claims[i]).origin();
                series
                    .entry((&k.entity, k.counterparty.as_deref(), &k.metric, body))
                    .or_default()
                    .push((k.end, i));
            }
        }
        let mut out = Vec::new();
        for ((_, _, metric, body), mut counts) in series {
            counts.sort();
            // The highest count so far, and the moment it was given.
            let mut highest: Option<(NaiveDate, usize)> = None;
            for (moment, i) in counts {
                let Some(x) = readings[i].amount() else {
                    continue;
                };
                if let Some((before, h)) = highest {
                    let Some(y) = readings[h].amount() else {
                        continue;
                    };
                    if before < moment && x.hi < y.lo && disagree(x, y, tolerance(cx, i, h)) {
                        let message = format!(
                            "{} {metric}: a running total fell: {} on {before} ({}), then {} on {moment} ({}); {body}'s count of a cumulative metric cannot fall (tolerance {}%)",
                            cx.corpus.claims[i].entity_label(),
                            show_amount(y),
                            attribution(cx, h),
                            show_amount(x),
                            attribution(cx, i),
                            tolerance(cx, i, h) * 100.0,
                        );
                        out.push(finding(cx, self.kind(), &[i, h], message));
                        continue;
                    }
                }
                let higher = highest
                    .and_then(|(_, h)| readings[h].amount())
                    .is_none_or(|y| x.value > y.value);
                if higher {
                    highest = Some((moment, i));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, rules_with, run, run_with};

    const DELIVERIES: &str =
        "metrics:\n  deliveries_to_date: {dimension: count, kind: cumulative}\n";

    #[test]
    fn a_running_total_that_grows_is_an_update_and_one_that_falls_is_not() {
        let claim = |id: &str, day: &str, value: &str| {
            format!("{{id: {id}, entity: Amazon, metric: deliveries_to_date, as_of: {day}, status: actual, value: {value}}}")
        };
        let a = file(
            "Daily",
            "2025-03-01",
            None,
            &[&claim("march", "2025-03-01", "1.2 million")],
        );
        let b = file(
            "Daily",
            "2025-04-01",
            None,
            &[&claim("april", "2025-04-01", "1.5 million")],
        );
        let c = file(
            "Weekly",
            "2025-05-01",
            None,
            &[&claim("may-other", "2025-05-01", "1.1 million")],
        );
        let grows = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", b.as_str()),
            ("claims/c.yaml", c.as_str()),
        ];
        let findings = run_with(&Contradiction, rules_with(DELIVERIES), &grows, &[]);
        assert!(
            findings.is_empty(),
            "another body's lower count is no fall: {findings:?}"
        );
        let d = file(
            "Daily",
            "2025-05-01",
            None,
            &[&claim("may", "2025-05-01", "1.1 million")],
        );
        let falls = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", b.as_str()),
            ("claims/d.yaml", d.as_str()),
        ];
        let findings = run_with(&Contradiction, rules_with(DELIVERIES), &falls, &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims, ["may", "april"]);
        assert!(
            findings[0].message.contains("fell"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn flags_two_outlets_that_disagree() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2025-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2025, status: plan, value: $130 billion}"]);
        let findings = run(
            &Contradiction,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("130.5e9") || findings[0].message.contains("100.5e9"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_new_agreeing_claim_leaves_the_fingerprint_as_it_was() {
        let claim = |id: &str, value: &str| {
            format!("{{id: {id}, entity: Amazon, metric: capex, period: 2025, status: plan, value: {value}}}")
        };
        let a = file("Daily", "2025-02-07", None, &[&claim("a", "$100 billion")]);
        let b = file("Weekly", "2025-02-10", None, &[&claim("b", "$130 billion")]);
        let c = file(
            "Courier",
            "2025-02-08",
            None,
            &[&claim("c", "$100 billion")],
        );
        let d = file("Herald", "2025-02-09", None, &[&claim("d", "$100 billion")]);
        let before = run(
            &Contradiction,
            &[
                ("claims/a.yaml", &a),
                ("claims/c.yaml", &c),
                ("claims/d.yaml", &d),
                ("claims/w.yaml", &b),
            ],
            &[],
        );
        let e = file(
            "Gazette",
            "2025-02-08",
            None,
            &[&claim("e", "$100 billion")],
        );
        let after = run(
            &Contradiction,
            &[
                ("claims/0.yaml", &e),
                ("claims/a.yaml", &a),
                ("claims/c.yaml", &c),
                ("claims/d.yaml", &d),
                ("claims/w.yaml", &b),
            ],
            &[],
        );
        assert_eq!(before.len(), 1, "{before:?}");
        assert_eq!(after.len(), 1, "{after:?}");
        assert_ne!(
            before[0].claims, after[0].claims,
            "the named supporters changed"
        );
        assert_eq!(before[0].fingerprint, after[0].fingerprint);
    }

    #[test]
    fn one_outlier_among_many_is_one_finding() {
        let files: Vec<String> = (0..6)
            .map(|i| {
                let value = if i == 5 { "$130 billion" } else { "$100 billion" };
                file(&format!("Outlet {i}"), "2025-02-07", None, &[&format!("{{id: c{i}, entity: Amazon, metric: capex, period: 2025, status: plan, value: {value}}}")])
            })
            .collect();
        let named: Vec<(String, &str)> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("claims/{i}.yaml"), f.as_str()))
            .collect();
        let refs: Vec<(&str, &str)> = named.iter().map(|(p, f)| (p.as_str(), *f)).collect();
        let findings = run(&Contradiction, &refs, &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims[0], "c5");
        assert_eq!(
            findings[0].claims.len(),
            1 + NAMED,
            "the outlier and the named"
        );
        assert!(
            findings[0].message.contains("and 2 more"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn rounding_and_scale_words_reconcile() {
        let a = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $26.3 billion}"],
        );
        let b = file(
            "Weekly",
            "2025-02-10",
            None,
            &["{id: b, entity: Amazon, metric: capex, period: 2025, value: 26 300 million USD}"],
        );
        assert!(run(
            &Contradiction,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn expected_figures_far_apart_are_left_to_revision() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2025-06-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $130 billion}"]);
        assert!(run(
            &Contradiction,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn an_origin_contradicting_itself_says_so() {
        let a = file("Daily", "2025-02-07", None, &[
            "{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}",
            "{id: b, entity: Amazon, metric: capex, period: 2025, status: plan, value: $130 billion}",
        ]);
        let findings = run(&Contradiction, &[("claims/a.yaml", &a)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("contradicts itself"),
            "{}",
            findings[0].message
        );
    }
}
