//! `derived-mismatch`: a relation that does not hold against the amounts given elsewhere.
//!
//! Why: "doubles its investment", "three quarters goes to AWS", "$320 billion by four giants" are
//! figures too, and they can be wrong. So can the implied ones: a part larger than its whole,
//! quarters that add up to more than their year. The message carries the arithmetic.
//! Example: `growth: {from: 2025, factor: 2}` for 2026 while 2025 is $100 billion and 2026 is
//! $130 billion → "2 × 100e9 USD = 200e9 USD; given 130e9 USD".
//!
//! The finding names the claim that states the relation and, for each figure it was checked
//! against, the first few claims that give it; the message counts the others. A figure that
//! thousands of sources give stays one readable finding.

use super::{finding, Check, Context};
use crate::finding::{Finding, Kind};
use crate::relation::Outcome;
use rayon::prelude::*;

pub struct DerivedMismatch;

/// How many of the claims giving each figure a finding names and points at.
const NAMED: usize = 3;

impl Check for DerivedMismatch {
    fn kind(&self) -> Kind {
        Kind::DerivedMismatch
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        cx.relations
            .par_iter()
            .filter(|e| e.outcome == Outcome::Fails)
            .map(|e| {
                let mut claims = vec![e.claim];
                let mut more = 0;
                for figure in &e.used {
                    let mut named = 0;
                    for &u in figure.iter().filter(|&&u| u != e.claim) {
                        if named < NAMED {
                            claims.push(u);
                            named += 1;
                        } else {
                            more += 1;
                        }
                    }
                }
                let others = match more {
                    0 => String::new(),
                    n => format!(" ({n} more claims give these figures)"),
                };
                let message = format!("{} does not hold: {}{others}", e.statement, e.arithmetic);
                let mut found = finding(cx, self.kind(), &claims, message);
                // Known by the claim and the relation it states, not by the claims named: one
                // more source giving a figure must not make a baselined finding look new.
                found.fingerprint = format!(
                    "{}:{}:{}",
                    self.kind().name(),
                    cx.corpus.claims[e.claim].id,
                    e.statement
                );
                found
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, run};

    #[test]
    fn a_doubling_that_is_not_one() {
        let a = file("Daily", "2026-02-07", None, &[
            "{id: y25, entity: Amazon, metric: capex, period: 2025, status: actual, value: $100 billion}",
            "{id: y26, entity: Amazon, metric: capex, period: 2026, status: plan, value: $130 billion}",
            "{id: doubles, entity: Amazon, metric: capex, period: 2026, status: plan, growth: {from: 2025, factor: 2}}",
        ]);
        let findings = run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("199e9..201e9"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_true_doubling_and_a_share_hold() {
        let a = file("Daily", "2026-02-07", None, &[
            "{id: y25, entity: Amazon, metric: capex, period: 2025, status: actual, value: $100 billion}",
            "{id: y26, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}",
            "{id: doubles, entity: Amazon, metric: capex, period: 2026, status: plan, growth: {from: 2025, factor: 2}}",
            "{id: aws, entity: AWS, metric: capex, period: 2026, status: plan, share: {of: Amazon, fraction: 3/4}}",
        ]);
        assert!(run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]).is_empty());
    }

    #[test]
    fn a_growth_stated_in_won_holds_in_won() {
        // +102% in won; at each year's dollar rate the ratio is about 1.93, which would not hold.
        let a = file("Daily", "2025-02-07", None, &[
            "{id: y23, entity: Amazon, metric: capex, period: 2023, status: actual, value: 32.77 trillion won}",
            "{id: y24, entity: Amazon, metric: capex, period: 2024, status: actual, value: 66.19 trillion won}",
            "{id: grew, entity: Amazon, metric: capex, period: 2024, status: actual, growth: {from: 2023, factor: 2.02}}",
        ]);
        let findings = run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]);
        assert!(findings.is_empty(), "{findings:?}");
        let wrong = a.replace("factor: 2.02", "factor: 1.5");
        let findings = run(&DerivedMismatch, &[("claims/a.yaml", &wrong)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("KRW"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn an_aggregate_below_its_members() {
        let a = file("Daily", "2025-02-07", None, &[
            "{id: m, entity: Microsoft, metric: capex, period: 2025, status: plan, value: $80 billion}",
            "{id: g, entity: Alphabet, metric: capex, period: 2025, status: plan, value: $75 billion}",
            "{id: both, entity: [Microsoft, Alphabet], metric: capex, period: 2025, status: plan, value: $100 billion}",
        ]);
        assert_eq!(
            run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]).len(),
            1
        );
    }

    #[test]
    fn a_figure_many_sources_give_is_named_by_a_few_and_counted() {
        let sources = |n: usize| -> Vec<String> {
            (0..n)
                .map(|k| {
                    file(&format!("Outlet{k}"), "2026-02-07", None, &[
                        &format!("{{id: y25-{k}, entity: Amazon, metric: capex, period: 2025, status: actual, value: $100 billion}}"),
                    ])
                })
                .collect()
        };
        let stated = file("Daily", "2026-02-07", None, &[
            "{id: y26, entity: Amazon, metric: capex, period: 2026, status: plan, value: $130 billion}",
            "{id: doubles, entity: Amazon, metric: capex, period: 2026, status: plan, growth: {from: 2025, factor: 2}}",
        ]);
        let findings_with = |n: usize| {
            let texts = sources(n);
            let paths: Vec<String> = (0..n).map(|k| format!("claims/s{k}.yaml")).collect();
            let mut files: Vec<(&str, &str)> = paths
                .iter()
                .map(String::as_str)
                .zip(texts.iter().map(String::as_str))
                .collect();
            files.push(("claims/daily.yaml", &stated));
            run(&DerivedMismatch, &files, &[])
        };
        let ten = findings_with(10);
        assert_eq!(ten.len(), 1, "{ten:?}");
        // The relation, three of the ten giving 2025's figure, and the one giving 2026's.
        assert_eq!(ten[0].claims.len(), 1 + NAMED + 1, "{:?}", ten[0].claims);
        assert_eq!(ten[0].claims[0], "doubles");
        assert!(
            ten[0]
                .message
                .ends_with("(7 more claims give these figures)"),
            "{}",
            ten[0].message
        );
        let eleven = findings_with(11);
        assert_eq!(
            eleven[0].fingerprint, ten[0].fingerprint,
            "one more source, same finding"
        );
    }

    #[test]
    fn a_part_larger_than_its_whole() {
        let a = file("Daily", "2025-02-07", None, &[
            "{id: whole, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}",
            "{id: part, entity: AWS, metric: capex, period: 2025, status: plan, value: $120 billion}",
        ]);
        assert_eq!(
            run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]).len(),
            1
        );
    }

    #[test]
    fn quarters_beyond_their_year() {
        let a = file("Daily", "2025-02-07", None, &[
            "{id: year, entity: Amazon, metric: capex, period: 2024, status: actual, value: $50 billion}",
            "{id: q3, entity: Amazon, metric: capex, period: Q3 2024, status: actual, value: $30 billion}",
            "{id: q4, entity: Amazon, metric: capex, period: Q4 2024, status: actual, value: $26.3 billion}",
        ]);
        assert_eq!(
            run(&DerivedMismatch, &[("claims/a.yaml", &a)], &[]).len(),
            1
        );
    }
}
