//! Parquet: the same rows as the CSV export, typed (dates as `DATE`, figures as `DOUBLE`, absent
//! values as nulls) and Snappy-compressed, for DuckDB, pandas or Spark
//! (`crosscheck export --format parquet --out claims.parquet`).

use crate::render::export::{for_each_batch, ExportRow};
use crate::report::Report;
use chrono::NaiveDate;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;
use std::sync::Arc;

/// The schema, column for column as [`crate::render::export::COLUMNS`].
const SCHEMA: &str = "message claim {
    REQUIRED BYTE_ARRAY id (UTF8);
    REQUIRED BYTE_ARRAY entity (UTF8);
    REQUIRED BYTE_ARRAY metric (UTF8);
    OPTIONAL INT32 period_start (DATE);
    OPTIONAL INT32 period_end (DATE);
    OPTIONAL DOUBLE value;
    OPTIONAL DOUBLE low;
    OPTIONAL DOUBLE high;
    OPTIONAL BYTE_ARRAY unit (UTF8);
    REQUIRED BYTE_ARRAY status (UTF8);
    REQUIRED BYTE_ARRAY origin (UTF8);
    REQUIRED BYTE_ARRAY source (UTF8);
    REQUIRED BYTE_ARRAY verdict (UTF8);
    OPTIONAL DOUBLE best_value;
    OPTIONAL DOUBLE best_low;
    OPTIONAL DOUBLE best_high;
}";

/// Rows per row group, at most (whole tables; more when one table alone holds more): bounds the
/// memory a reader needs per group, and lets engines split work.
const ROW_GROUP: usize = 128 * 1024;

/// The claims of the report as a Parquet file, in the tables' order. The file is held in
/// memory (compressed, it is a small fraction of the corpus); the rows are made a group at a time.
pub fn render(report: &Report) -> Result<Vec<u8>, ParquetError> {
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("crosscheck {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let mut writer = SerializedFileWriter::new(Vec::new(), schema, properties)?;
    for_each_batch(report, ROW_GROUP, |rows| {
        let mut group = writer.next_row_group()?;
        let mut column = 0;
        while let Some(mut out) = group.next_column()? {
            write_column(&mut out, column, rows)?;
            out.close()?;
            column += 1;
        }
        group.close()?;
        Ok::<_, ParquetError>(())
    })?;
    writer.into_inner()
}

fn write_column(
    out: &mut SerializedColumnWriter<'_>,
    column: usize,
    rows: &[ExportRow],
) -> Result<(), ParquetError> {
    let text = |f: for<'r> fn(&'r ExportRow<'r>) -> &'r str| rows.iter().map(f).collect();
    match column {
        0 => required_text(out, text(|r| r.id)),
        1 => required_text(out, text(|r| r.entity)),
        2 => required_text(out, text(|r| r.metric)),
        3 => optional_date(out, rows.iter().map(|r| r.period_start)),
        4 => optional_date(out, rows.iter().map(|r| r.period_end)),
        5 => optional_number(out, rows.iter().map(|r| r.value)),
        6 => optional_number(out, rows.iter().map(|r| r.low)),
        7 => optional_number(out, rows.iter().map(|r| r.high)),
        8 => optional_text(out, rows.iter().map(|r| r.unit)),
        9 => required_text(out, text(|r| r.status)),
        10 => required_text(out, text(|r| r.origin)),
        11 => required_text(out, text(|r| r.source)),
        12 => required_text(out, text(|r| r.verdict)),
        13 => optional_number(out, rows.iter().map(|r| r.best_value)),
        14 => optional_number(out, rows.iter().map(|r| r.best_low)),
        15 => optional_number(out, rows.iter().map(|r| r.best_high)),
        _ => Err(ParquetError::General(format!("no column {column}"))),
    }
}

fn required_text(
    out: &mut SerializedColumnWriter<'_>,
    values: Vec<&str>,
) -> Result<(), ParquetError> {
    let values: Vec<ByteArray> = values.into_iter().map(ByteArray::from).collect();
    out.typed::<ByteArrayType>()
        .write_batch(&values, None, None)?;
    Ok(())
}

/// Parquet stores the present values and, per row, whether it has one (definition level 1 or 0).
fn levels<T>(values: impl Iterator<Item = Option<T>>) -> (Vec<T>, Vec<i16>) {
    let mut present = Vec::new();
    let mut defined = Vec::new();
    for v in values {
        defined.push(i16::from(v.is_some()));
        present.extend(v);
    }
    (present, defined)
}

fn optional_text<'a>(
    out: &mut SerializedColumnWriter<'_>,
    values: impl Iterator<Item = Option<&'a str>>,
) -> Result<(), ParquetError> {
    let (present, defined) = levels(values.map(|v| v.map(ByteArray::from)));
    out.typed::<ByteArrayType>()
        .write_batch(&present, Some(&defined), None)?;
    Ok(())
}

fn optional_number(
    out: &mut SerializedColumnWriter<'_>,
    values: impl Iterator<Item = Option<f64>>,
) -> Result<(), ParquetError> {
    let (present, defined) = levels(values);
    out.typed::<DoubleType>()
        .write_batch(&present, Some(&defined), None)?;
    Ok(())
}

/// A `YYYY-MM-DD` date as days since 1970-01-01, Parquet's `DATE`.
fn optional_date<'a>(
    out: &mut SerializedColumnWriter<'_>,
    values: impl Iterator<Item = Option<&'a str>>,
) -> Result<(), ParquetError> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let days = values.map(|v| {
        let date = NaiveDate::parse_from_str(v?, "%Y-%m-%d").ok()?;
        i32::try_from((date - epoch).num_days()).ok()
    });
    let (present, defined) = levels(days);
    out.typed::<Int32Type>()
        .write_batch(&present, Some(&defined), None)?;
    Ok(())
}
