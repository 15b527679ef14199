//! Reading a period as written ("Q4 2024", "今年", "ปี 2568") into an inclusive span of dates.
//!
//! Placeholder: the reader is being written on the `period` branch.

use crate::reading::Step;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a language's period words are, as declared in `rules/lang/<code>/periods.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeriodLang {}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeriodLangFile {}

impl PeriodLang {
    pub fn build(_files: &[&PeriodLangFile]) -> Result<PeriodLang, String> {
        Ok(PeriodLang {})
    }
}

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

/// A short label for a span: `2025`, `2024-Q4`, `2025-H1`, `2025-03`, else `start..end`.
pub fn label(start: NaiveDate, end: NaiveDate) -> String {
    format!("{start}..{end}")
}

impl Published {
    /// The span of days the publication date covers.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        let (s, e) = match *self {
            Published::Year(y) => (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            ),
            Published::Month(y, m) => {
                let s = NaiveDate::from_ymd_opt(y, m, 1);
                (
                    s,
                    s.and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                        .and_then(|d| d.pred_opt()),
                )
            }
            Published::Day(d) => (Some(d), Some(d)),
        };
        (s.unwrap_or_default(), e.unwrap_or_default())
    }
}
