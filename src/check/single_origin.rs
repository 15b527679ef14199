//! `single-origin`: a figure reported by several articles that all relay the same original
//! reporter (`via`): one origin, however many articles.
//!
//! Why: five outlets relaying the FT are one source, not five; counting them as independent
//! would make a single report look corroborated.
//! Example: WSCN and Sina both report "2000 亿美元" via Financial Times.

use super::{finding, Check, Context};
use crate::finding::{Finding, Kind};
use rayon::prelude::*;
use std::collections::BTreeSet;

pub struct SingleOrigin;

impl Check for SingleOrigin {
    fn kind(&self) -> Kind {
        Kind::SingleOrigin
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let groups = cx.reconciled.groups.par_iter();
        groups
            .filter_map(|group| {
                let sources = group
                    .claims
                    .iter()
                    .map(|&i| cx.corpus.source_of(&cx.corpus.claims[i]));
                let publishers: BTreeSet<&str> =
                    sources.clone().map(|s| s.publisher.as_str()).collect();
                let origins: BTreeSet<&str> = sources.map(|s| s.origin()).collect();
                if publishers.len() < 2 || origins.len() != 1 {
                    return None;
                }
                let origin = origins.into_iter().next().unwrap_or_default();
                let message = format!(
                    "{} {} {}: {} articles ({}) all relay {origin}: one origin",
                    group.key.entity_label(),
                    group.key.metric,
                    group.key.period_label(),
                    publishers.len(),
                    publishers.into_iter().collect::<Vec<_>>().join(", "),
                );
                Some(finding(cx, self.kind(), &group.claims, message))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, run};

    #[test]
    fn two_outlets_relaying_one_origin() {
        let a = file(
            "Daily",
            "2025-02-07",
            Some("Financial Times"),
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $100 billion}"],
        );
        let b = file(
            "Weekly",
            "2025-02-08",
            Some("Financial Times"),
            &["{id: b, entity: Amazon, metric: capex, period: 2025, value: $100 billion}"],
        );
        assert_eq!(
            run(
                &SingleOrigin,
                &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
                &[]
            )
            .len(),
            1
        );
    }

    #[test]
    fn independent_outlets_are_not_flagged() {
        let a = file(
            "Daily",
            "2025-02-07",
            Some("Financial Times"),
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $100 billion}"],
        );
        let b = file(
            "Weekly",
            "2025-02-08",
            None,
            &["{id: b, entity: Amazon, metric: capex, period: 2025, value: $100 billion}"],
        );
        assert!(run(
            &SingleOrigin,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }
}
