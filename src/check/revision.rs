//! `revision`: an expected figure (forecast, plan, target, commitment) for one period that its
//! author changed between documents published at least the revision gap apart. One finding per
//! chain names every version in order; the latest is the one to use.
//!
//! Why: plans move; a fact-checker needs the latest figure and the chain that led to it, not an
//! error. Example: an outlook raised from 60 to 66 to 72 over a year is one finding, "60 → 66 →
//! 72", and the report marks 60 and 66 as superseded by 72.
//!
//! A chain is one author's figures (see [`crate::chain`]: a plan is the entity's, a forecast its
//! forecaster's). In publication order, a figure that states the same number as the current
//! version (see [`super::same_number`]: "3.2%" repeats "3.2%", "3.3%" does not) repeats it; one that states another
//! number at least the revision gap later is a new version; one that differs within the gap is
//! not a revision (two figures at once are for `contradiction` to judge).

use super::{attribution, days_apart, finding, same_number, tolerance, Check, Context};
use crate::chain::chains;
use crate::engine::show_amount;
use crate::finding::{Finding, Kind};
use rayon::prelude::*;

pub struct Revision;

/// One version of a chain: the claims that state its figure, in publication order.
struct Version {
    claims: Vec<usize>,
}

impl Version {
    fn first(&self) -> usize {
        self.claims[0]
    }

    fn last(&self) -> usize {
        self.claims[self.claims.len() - 1]
    }
}

impl Check for Revision {
    fn kind(&self) -> Kind {
        Kind::Revision
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let readings = &cx.reconciled.readings;
        let gap = cx.rules.policy.revision_gap_days;
        cx.reconciled
            .groups
            .par_iter()
            .flat_map_iter(|group| {
                let mut out = Vec::new();
                for chain in chains(cx.corpus, group) {
                    let mut versions: Vec<Version> = Vec::new();
                    for &i in &chain {
                        let Some(amount) = readings[i].amount() else {
                            continue;
                        };
                        let Some(current) = versions.last_mut() else {
                            versions.push(Version { claims: vec![i] });
                            continue;
                        };
                        let Some(stated) = readings[current.first()].amount() else {
                            continue;
                        };
                        if amount.unit != stated.unit {
                            continue;
                        }
                        if same_number(amount, stated, tolerance(cx, i, current.first())) {
                            current.claims.push(i);
                        } else if days_apart(cx, current.last(), i) >= gap {
                            versions.push(Version { claims: vec![i] });
                        }
                    }
                    if versions.len() < 2 {
                        continue;
                    }
                    let steps: Vec<String> = versions
                        .iter()
                        .map(|v| {
                            let amount = readings[v.first()].amount().map(show_amount);
                            let more = match v.claims.len() {
                                1 => String::new(),
                                n => format!(" and {} more", n - 1),
                            };
                            format!(
                                "{} ({}{more})",
                                amount.unwrap_or_default(),
                                attribution(cx, v.first())
                            )
                        })
                        .collect();
                    let latest = versions.last().map(Version::first).unwrap_or(chain[0]);
                    let message = format!(
                        "{} {} {} revised {} time{}: {}; the latest, {}, is the one to use (each version states another number, at least {gap} days after the one before; tolerance {}% for figures converted from another currency)",
                        group.key.entity_label(),
                        group.key.metric,
                        group.key.period_label(),
                        versions.len() - 1,
                        if versions.len() > 2 { "s" } else { "" },
                        steps.join(" → "),
                        readings[latest].amount().map(show_amount).unwrap_or_default(),
                        tolerance(cx, latest, versions[0].first()) * 100.0,
                    );
                    // Every claim of the chain, the newest version's first: each stated a version.
                    let claims: Vec<usize> = versions
                        .iter()
                        .rev()
                        .flat_map(|v| v.claims.iter().copied())
                        .collect();
                    let mut found = finding(cx, self.kind(), &claims, message);
                    found.versions = versions
                        .iter()
                        .map(|v| cx.corpus.claims[v.first()].id.clone())
                        .collect();
                    out.push(found);
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
    fn a_chain_of_three_versions_is_one_finding_naming_all_in_order() {
        let a = file("Daily", "2025-02-07", None, &["{id: v60, entity: Amazon, metric: capex, period: 2026, status: plan, value: $60 billion}"]);
        let b = file("Weekly", "2025-06-10", None, &[
            "{id: v66, entity: Amazon, metric: capex, period: 2026, status: plan, value: $66 billion}",
        ]);
        let c = file("Monthly", "2025-07-01", None, &["{id: v66-again, entity: Amazon, metric: capex, period: 2026, status: plan, value: about $66 billion}"]);
        let d = file("Daily", "2026-01-10", None, &["{id: v72, entity: Amazon, metric: capex, period: 2026, status: plan, value: $72 billion}"]);
        let findings = run(
            &Revision,
            &[
                ("claims/d.yaml", &d),
                ("claims/a.yaml", &a),
                ("claims/c.yaml", &c),
                ("claims/b.yaml", &b),
            ],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims, vec!["v72", "v66", "v66-again", "v60"]);
        assert_eq!(findings[0].versions, vec!["v60", "v66", "v72"]);
        let m = &findings[0].message;
        assert!(m.contains("revised 2 times"), "{m}");
        let (p60, p66, p72) = (
            m.find("59.5e9").unwrap(),
            m.find("65.5e9").unwrap(),
            m.find("71.5e9").unwrap(),
        );
        assert!(p60 < p66 && p66 < p72, "{m}");
    }

    #[test]
    fn two_forecasters_do_not_revise_each_other() {
        let a = file("Daily", "2025-02-07", Some("IMF"), &["{id: imf, entity: Amazon, metric: capex, period: 2026, status: forecast, value: $60 billion}"]);
        let b = file("Weekly", "2025-09-10", Some("World Bank"), &["{id: wb, entity: Amazon, metric: capex, period: 2026, status: forecast, value: $70 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&Revision, &files, &[]).is_empty());
        let same = b.replace("World Bank", "IMF");
        let files = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", same.as_str()),
        ];
        assert_eq!(run(&Revision, &files, &[]).len(), 1);
    }

    #[test]
    fn up_to_the_same_number_is_no_revision() {
        let a = file("Daily", "2025-02-07", None, &["{id: old, entity: Amazon, metric: capex, period: 2026, status: plan, value: up to $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: new, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&Revision, &files, &[]).is_empty());
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
