//! Reading a period as written ("Q4 2024", "今年", "ปี 2568") into an inclusive span of dates.
//!
//! Placeholder: the reader is being written on the `period` branch.

use crate::reading::Step;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a language's period words are, as declared in `rules/lang/<code>/periods.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeriodLang {}

/// The date of the document a period is read in: as precise as `source.published` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

/// An entity's fiscal calendar: the month its fiscal year starts in (1 = calendar year).
/// Fiscal year N ends in calendar year N (Microsoft FY2025 = 2024-07-01..2025-06-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    pub start_month: u32,
}

/// How a period was arrived at, so that drift findings can say which reading produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    Absolute,
    Relative,
    Fiscal,
    BuddhistEra,
    Deadline,
}

/// A period read from text: an inclusive span of dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: PeriodKind,
    pub steps: Vec<Step>,
}

/// Why a period could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason}")]
pub struct PeriodError {
    pub reason: String,
}

/// Reads `text` with the words of one language, against the document's date and the entity's calendar.
pub fn read_period(
    _text: &str,
    _lang: &PeriodLang,
    _published: Published,
    _calendar: FiscalCalendar,
) -> Result<Period, PeriodError> {
    Err(PeriodError {
        reason: "the period reader is not written yet".into(),
    })
}
