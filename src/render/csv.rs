//! CSV: the normalised claims, one row per claim, for DuckDB, pandas or Spark to take over where
//! one machine ends (`crosscheck export --format csv`).

use crate::render::export::{rows, COLUMNS};
use crate::report::Report;

/// The claims of the report as CSV, in the tables' order.
pub fn render(report: &Report) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for row in rows(report) {
        out.write_record([
            row.id,
            row.entity,
            row.metric,
            row.period_start.unwrap_or(""),
            row.period_end.unwrap_or(""),
            &number(row.value),
            &number(row.low),
            &number(row.high),
            row.unit.unwrap_or(""),
            row.status,
            row.origin,
            row.source,
            row.verdict,
            &number(row.best_value),
            &number(row.best_low),
            &number(row.best_high),
        ])?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
