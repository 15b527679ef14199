//! `unreadable`: a value or period that could not be read.
//!
//! Why: a figure the engine cannot read is a figure nobody checks; it must be fixed or rephrased.
//! Example: `value: about a lot of money` → "value `about a lot of money`: no number found".

use super::{each_claim, finding, Check, Context};
use crate::engine::AmountProblem;
use crate::finding::{Finding, Kind};

pub struct Unreadable;

impl Check for Unreadable {
    fn kind(&self) -> Kind {
        Kind::Unreadable
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, claim, reading) in each_claim(cx) {
            if let Some(Err(AmountProblem::Unreadable(reason))) = &reading.amount {
                let mut f = finding(cx, self.kind(), &[i], format!("cannot read {reason}"));
                if let Some(v) = &claim.value {
                    f.locations = vec![v.location.clone()];
                }
                out.push(f);
            }
            if let Err(reason) = reading.period() {
                let mut f = finding(cx, self.kind(), &[i], format!("cannot read {reason}"));
                if let Some(p) = claim.period.as_ref().or(claim.as_of.as_deref()) {
                    f.locations = vec![p.location.clone()];
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
    fn flags_an_unreadable_value_at_its_line() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: a lot of money}"],
        );
        let findings = run(&Unreadable, &[("claims/a.yaml", &f)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].locations[0].line, 6);
        assert!(findings[0].message.contains("a lot of money"));
    }

    #[test]
    fn a_readable_claim_is_quiet() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $100 billion}"],
        );
        assert!(run(&Unreadable, &[("claims/a.yaml", &f)], &[]).is_empty());
    }
}
