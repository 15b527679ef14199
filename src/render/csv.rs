//! CSV: the normalised claims, one row per claim, for DuckDB, pandas or Spark to take over where
//! one machine ends (`crosscheck export --format csv`).

use crate::report::Report;
use std::collections::BTreeMap;

const HEADER: [&str; 16] = [
    "id",
    "entity",
    "metric",
    "period_start",
    "period_end",
    "value",
    "low",
    "high",
    "unit",
    "status",
    "origin",
    "source",
    "verdict",
    "best_value",
    "best_low",
    "best_high",
];

/// The claims of the report as CSV, in the tables' order.
pub fn render(report: &Report) -> Result<String, csv::Error> {
    let best: BTreeMap<&str, &crate::report::GroupReport> = report
        .groups
        .iter()
        .flat_map(|g| g.claims.iter().map(move |c| (c.as_str(), g)))
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER)?;
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for table in &report.tables {
        for row in &table.rows {
            let group = best.get(row.claim.as_str()).and_then(|g| g.best.as_ref());
            out.write_record([
                row.claim.as_str(),
                table.entity.as_str(),
                table.metric.as_str(),
                row.start.as_deref().unwrap_or(""),
                row.end.as_deref().unwrap_or(""),
                &number(row.value),
                &number(row.lo),
                &number(row.hi),
                row.unit.as_deref().unwrap_or(""),
                row.status.as_str(),
                row.origin.as_str(),
                row.source.as_str(),
                row.verdict.as_str(),
                &number(group.map(|b| b.value)),
                &number(group.map(|b| b.lo)),
                &number(group.map(|b| b.hi)),
            ])?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
