//! `premature-actual`: an `actual` figure for a period that had not ended when the document was
//! published.
//!
//! Why: a figure for a period still running can only be a plan, a forecast or a partial count;
//! filed as `actual` it would be compared with final figures and raise false contradictions.
//! Example: `status: actual`, `period: 2025`, in a document published 2025-02-07.

use super::{each_claim, finding, Check, Context};
use crate::claim::Status;
use crate::finding::{Finding, Kind};
use crate::period::label;

pub struct PrematureActual;

impl Check for PrematureActual {
    fn kind(&self) -> Kind {
        Kind::PrematureActual
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, claim, reading) in each_claim(cx) {
            if claim.status != Some(Status::Actual) {
                continue;
            }
            let Ok(period) = reading.period() else {
                continue;
            };
            let source = cx.corpus.source_of(claim);
            let (_, published_end) = source.published.span();
            if period.end > published_end {
                out.push(finding(
                    cx,
                    self.kind(),
                    &[i],
                    format!(
                        "an actual figure for {}, which had not ended when the document was published ({}); is it a plan or a forecast?",
                        label(period.start, period.end),
                        source.published_text
                    ),
                ));
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
    fn flags_an_actual_for_a_running_year() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: actual, value: $100 billion}"]);
        assert_eq!(
            run(&PrematureActual, &[("claims/a.yaml", &a)], &[]).len(),
            1
        );
    }

    #[test]
    fn an_actual_for_a_past_quarter_is_fine() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: Q4 2024, status: actual, value: $26.3 billion}"]);
        assert!(run(&PrematureActual, &[("claims/a.yaml", &a)], &[]).is_empty());
    }
}
