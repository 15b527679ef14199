//! The normalised claims as flat rows, one per claim: what `export` writes as CSV or Parquet.

use crate::report::Report;

/// The column names, in order.
pub const COLUMNS: [&str; 16] = [
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

/// One claim, normalised: its period read (inclusive dates, `YYYY-MM-DD`), its interval in the
/// metric's base unit, its group's verdict and best estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow<'a> {
    pub id: &'a str,
    pub entity: &'a str,
    pub metric: &'a str,
    pub period_start: Option<&'a str>,
    pub period_end: Option<&'a str>,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<&'a str>,
    pub status: &'a str,
    pub origin: &'a str,
    pub source: &'a str,
    pub verdict: &'a str,
    pub best_value: Option<f64>,
    pub best_low: Option<f64>,
    pub best_high: Option<f64>,
}

/// Every claim of the report in the tables' order, handed to `write` a batch at a time: at most
/// `rows` rows, whole tables (more when one table alone holds more).
pub fn for_each_batch<E>(
    report: &Report,
    rows: usize,
    mut write: impl FnMut(&[ExportRow]) -> Result<(), E>,
) -> Result<(), E> {
    for batch in report.tables.batches(rows) {
        let export: Vec<ExportRow> = batch
            .iter()
            .flat_map(|t| {
                t.table
                    .claims
                    .iter()
                    .zip(&t.rows)
                    .map(move |r| (t.table, r))
            })
            .map(|(table, (&claim, row))| {
                let group = report.tables.group_of(claim);
                let best = group.and_then(|g| report.groups[g].best.as_ref());
                ExportRow {
                    id: &row.claim,
                    entity: &table.entity,
                    metric: &table.metric,
                    period_start: row.start.as_deref(),
                    period_end: row.end.as_deref(),
                    value: row.value,
                    low: row.lo,
                    high: row.hi,
                    unit: row.unit.as_deref(),
                    status: &row.status,
                    origin: &row.origin,
                    source: &row.source,
                    verdict: &row.verdict,
                    best_value: best.map(|b| b.value),
                    best_low: best.map(|b| b.lo),
                    best_high: best.map(|b| b.hi),
                }
            })
            .collect();
        write(&export)?;
    }
    Ok(())
}
