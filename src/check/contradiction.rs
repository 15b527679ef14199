//! `contradiction`: two claims on the same entity, metric, period and status family whose figures
//! cannot both hold, after units, scale, rounding, approximation and tolerance.
//!
//! Why: this is the finding fact-checkers come for. Two expected figures from documents at least
//! the revision gap apart are a `revision` instead; an origin that disagrees with itself is
//! flagged too, and says so.
//! Example: "$100 billion" (Cryptopolitan) and "$130 billion" (CNBC) for Amazon's 2025 capex plan,
//! published a week apart.

use super::{attribution, days_apart, disagree, finding, tolerance, Check, Context};
use crate::claim::Family;
use crate::engine::show_amount;
use crate::finding::{Finding, Kind};

pub struct Contradiction;

impl Check for Contradiction {
    fn kind(&self) -> Kind {
        Kind::Contradiction
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        let readings = &cx.reconciled.readings;
        let gap = cx.rules.policy.revision_gap_days;
        for group in &cx.reconciled.groups {
            for (n, &a) in group.claims.iter().enumerate() {
                for &b in &group.claims[n + 1..] {
                    let (ca, cb) = (&cx.corpus.claims[a], &cx.corpus.claims[b]);
                    let (Some(x), Some(y)) = (readings[a].amount(), readings[b].amount()) else {
                        continue;
                    };
                    let t = tolerance(cx, a, b);
                    if !disagree(x, y, t) {
                        continue;
                    }
                    if group.key.family == Family::Expected && days_apart(cx, a, b) >= gap {
                        continue;
                    }
                    let (sa, sb) = (cx.corpus.source_of(ca), cx.corpus.source_of(cb));
                    let itself = if sa.origin() == sb.origin() {
                        format!(
                            "; both come from {}: an origin contradicting itself",
                            sa.origin()
                        )
                    } else {
                        String::new()
                    };
                    let message = format!(
                        "{} {} {}: {} ({}) and {} ({}) cannot both hold (tolerance {}%){itself}",
                        group.key.entity_label(),
                        group.key.metric,
                        group.key.period_label(),
                        show_amount(x),
                        attribution(cx, a),
                        show_amount(y),
                        attribution(cx, b),
                        t * 100.0,
                    );
                    out.push(finding(cx, self.kind(), &[a, b], message));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, run};

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
        assert_eq!(findings[0].claims, vec!["a", "b"]);
        assert!(
            findings[0].message.contains("130.5e9"),
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
}
