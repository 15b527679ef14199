//! CSV: the normalised claims, one row per claim, for DuckDB, pandas or Spark to take over where
//! one machine ends (`crosscheck export --format csv`).

use crate::render::export::{for_each_batch, COLUMNS};
use crate::report::{Report, ROWS_PER_BATCH};

/// The claims of the report as CSV, in the tables' order, written a batch at a time.
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> Result<(), csv::Error> {
    let mut out = csv::Writer::from_writer(out);
    out.write_record(COLUMNS)?;
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for_each_batch(report, ROWS_PER_BATCH, |rows| {
        for row in rows {
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
        Ok::<_, csv::Error>(())
    })?;
    out.flush()?;
    Ok(())
}
