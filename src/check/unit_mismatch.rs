//! `unit-mismatch`: a value whose unit does not fit its metric.
//!
//! Why: a capex "in gigawatts" is a misfiled figure (often a capacity claim filed under the wrong
//! metric), and comparing it with dollars would be meaningless.
//! Example: `metric: capex`, `value: 4 GW` → "capex is money, but `4 GW` is power".

use super::{each_claim, finding, Check, Context};
use crate::engine::AmountProblem;
use crate::finding::{Finding, Kind};

pub struct UnitMismatch;

impl Check for UnitMismatch {
    fn kind(&self) -> Kind {
        Kind::UnitMismatch
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, claim, reading) in each_claim(cx) {
            if let Some(Err(AmountProblem::UnitMismatch {
                unit,
                unit_dimension,
                metric_dimension,
            })) = &reading.amount
            {
                let value = claim.value.as_ref().map(|v| v.text.as_str()).unwrap_or("");
                let mut f = finding(
                    cx,
                    self.kind(),
                    &[i],
                    format!(
                        "{} is {metric_dimension}, but `{value}` is in {unit} ({unit_dimension})",
                        claim.metric
                    ),
                );
                if let Some(v) = &claim.value {
                    f.locations = vec![v.location.clone()];
                }
                out.push(f);
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
    fn flags_gigawatts_of_capex() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: 4 GW}"],
        );
        let findings = run(&UnitMismatch, &[("claims/a.yaml", &f)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("power"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn dollars_of_capex_fit() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $4 billion}"],
        );
        assert!(run(&UnitMismatch, &[("claims/a.yaml", &f)], &[]).is_empty());
    }
}
