//! JSON: the whole report (`report --format json`), or the findings as cli.md gives them
//! (`check --format json`).

use crate::finding::Finding;
use crate::report::{Report, Summary};
use serde::Serialize;

/// `report --format json`.
pub fn report(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// `check --format json`, as cli.md describes it.
pub fn check(report: &Report) -> String {
    #[derive(Serialize)]
    struct CheckOutput<'a> {
        claims: usize,
        files: usize,
        findings: &'a [Finding],
        summary: &'a Summary,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        stale_baseline: &'a [crate::baseline::Entry],
    }
    serde_json::to_string_pretty(&CheckOutput {
        claims: report.claims,
        files: report.files,
        findings: &report.findings,
        summary: &report.summary,
        stale_baseline: &report.stale_baseline,
    })
    .unwrap_or_default()
}
