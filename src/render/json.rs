//! JSON: the whole report (`report --format json`), or the findings as cli.md gives them
//! (`check --format json`).

use crate::finding::Finding;
use crate::report::{Report, Summary};
use serde::Serialize;

/// `report --format json`, written as it is serialised, the tables' rows a batch at a time.
pub fn write_report(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// `check --format json`, as cli.md describes it, written as it is serialised: a million
/// claims' findings never sit in memory as one string.
pub fn write_check(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct CheckOutput<'a> {
        claims: usize,
        files: usize,
        findings: &'a [Finding],
        summary: &'a Summary,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        stale_baseline: &'a [crate::baseline::Entry],
    }
    let output = CheckOutput {
        claims: report.claims,
        files: report.files,
        findings: &report.findings,
        summary: &report.summary,
        stale_baseline: &report.stale_baseline,
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
