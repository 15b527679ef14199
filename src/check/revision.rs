//! `revision`: an expected figure (forecast, plan, target, commitment) for one period that changed
//! between documents published at least the revision gap apart. The newer one supersedes.
//!
//! Why: plans move; a fact-checker needs the latest figure and the chain that led to it, not an
//! error. Example: Amazon's 2026 capex plan at $100 billion in February 2025, $200 billion in
//! February 2026: the second supersedes the first.

use super::{attribution, days_apart, disagree, finding, tolerance, Check, Context};
use crate::claim::Family;
use crate::engine::show_amount;
use crate::finding::{Finding, Kind};
use rayon::prelude::*;

pub struct Revision;

impl Check for Revision {
    fn kind(&self) -> Kind {
        Kind::Revision
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let readings = &cx.reconciled.readings;
        let gap = cx.rules.policy.revision_gap_days;
        let expected = cx
            .reconciled
            .groups
            .par_iter()
            .filter(|g| g.key.family == Family::Expected);
        expected
            .flat_map_iter(|group| {
                let mut out = Vec::new();
                let mut by_date = group.claims.clone();
                by_date.sort_by_key(|&i| {
                    (
                        cx.corpus.source_of(&cx.corpus.claims[i]).published.span(),
                        i,
                    )
                });
                for pair in by_date.windows(2) {
                    let (older, newer) = (pair[0], pair[1]);
                    let (Some(x), Some(y)) = (readings[older].amount(), readings[newer].amount())
                    else {
                        continue;
                    };
                    if days_apart(cx, older, newer) < gap
                        || !disagree(x, y, tolerance(cx, older, newer))
                    {
                        continue;
                    }
                    let message = format!(
                        "{} {} {} revised: {} ({}) superseded by {} ({})",
                        group.key.entity_label(),
                        group.key.metric,
                        group.key.period_label(),
                        show_amount(x),
                        attribution(cx, older),
                        show_amount(y),
                        attribution(cx, newer),
                    );
                    out.push(finding(cx, self.kind(), &[newer, older], message));
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
    fn a_plan_that_moved_months_later_is_a_revision() {
        let a = file("Daily", "2025-02-07", None, &["{id: old, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: new, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}"]);
        let findings = run(
            &Revision,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims, vec!["new", "old"]);
    }

    #[test]
    fn a_week_apart_is_no_revision() {
        let a = file("Daily", "2025-02-07", None, &["{id: old, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2025-02-10", None, &["{id: new, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}"]);
        assert!(run(
            &Revision,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }
}
