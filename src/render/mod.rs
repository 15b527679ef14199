//! Renderers: one file per output format, each turning the one [`crate::report::Report`] into text
//! (or, for Parquet, bytes). Those that show every claim write as they go, a batch of tables at a
//! time ([`write_tables`]), so that their output never sits in memory whole.

pub mod chart;
pub mod claimreview;
pub mod csv;
pub mod export;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod parquet;
pub mod people;
pub mod sarif;
pub mod text;

use crate::report::{Report, TableRows, ROWS_PER_BATCH};
use rayon::prelude::*;
use std::io::{self, Write};

/// Writes the report's tables, each rendered by `render`: in the tables' order, or in `order`
/// (indices into the tables). A batch of tables is made and rendered in parallel, and only that
/// batch's rows and text are held at a time.
pub fn write_tables(
    report: &Report,
    order: Option<Vec<usize>>,
    out: &mut dyn Write,
    render: impl Fn(&TableRows) -> String + Sync,
) -> io::Result<()> {
    let order = order.unwrap_or_else(|| (0..report.tables.len()).collect());
    for batch in report.tables.batches_in(order, ROWS_PER_BATCH) {
        let texts: Vec<String> = batch.par_iter().map(&render).collect();
        for text in texts {
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}
