//! Reading a period as written ("Q4 2024", "今年", "ปี 2568") into an inclusive span of dates.
//!
//! The code holds the mechanisms; the words of each language are data in
//! `rules/lang/<code>/periods.yaml` (see [`PeriodLangFile`]). A language's file is read after
//! `rules/lang/common/periods.yaml`, which holds what all languages share (ISO forms, `Q4`, `FY`),
//! and may be followed by a desk's own file.
//!
//! A period is read as a whole: the text must be one of the language's *forms* (templates such as
//! `"{quarter} quarter [of] {year}"`), optionally wrapped in prefixes (`in`, `в`, `ใน`), suffixes
//! (`года`, `年`, `roku`), deadline words (`by the end of`, `к концу`, `到`: the span then runs
//! from the document's date to the end of the period) or since words (`since`, `с`, `以来`: from
//! the start of the period to the document's date). [`PeriodLang::build`] compiles all forms of a
//! language into one anchored pattern of the `regex` crate (no backtracking); text longer than
//! 200 characters is refused after one pass over it. Reading thus takes time linear in the length
//! of the text, and never panics.
//!
//! The kind of a period says how it was arrived at: a deadline is [`PeriodKind::Deadline`]; else
//! a fiscal year or quarter [`PeriodKind::Fiscal`]; else a period counted from the document's date
//! (`last year`, `since 2020`, a month without a year) [`PeriodKind::Relative`]; else a year of a
//! non-common era (`ปี 2568`) [`PeriodKind::BuddhistEra`]; else [`PeriodKind::Absolute`].

/// What a period may look like, for messages about a text that is not one.
pub(crate) const EXPECTED: &str =
    "expected a year (2025), a quarter (Q4 2024), a half (H1 2025), a month \
(March 2025), a date (2025-03-14), a range (2025-2027), a fiscal year (FY2025), a relative period \
(last year), a deadline (by 2027) or a start (since 2020)";

mod compose;
mod lang;
mod normal;
mod parts;
mod read;
#[cfg(test)]
mod tests;

pub use lang::{DeadlineFile, EraFile, PeriodLang, PeriodLangFile, RelativeFile};

use crate::reading::Step;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// The date of the document a period is read in: as precise as `source.published` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Published {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Published {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after a `T` or a space is ignored).
    pub fn parse(s: &str) -> Option<Published> {
        let s = s.trim();
        let s = s.split(['T', ' ']).next().unwrap_or(s);
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        match parts.as_slice() {
            [y] => Some(Published::Year(num(y, 4)? as i32)),
            [y, m] => {
                let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
                NaiveDate::from_ymd_opt(y, m, 1)?;
                Some(Published::Month(y, m))
            }
            [y, m, d] => Some(Published::Day(NaiveDate::from_ymd_opt(
                num(y, 4)? as i32,
                num(m, 2)?,
                num(d, 2)?,
            )?)),
            _ => None,
        }
    }

    /// The span of dates the document's date covers (a whole year for `Year`, a month for `Month`).
    /// Never panics: an impossible month is clamped into 1..=12.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Published::Year(y) => year_span(y).unwrap_or_default(),
            Published::Month(y, m) => month_span(y, m.clamp(1, 12)).unwrap_or_default(),
            Published::Day(d) => (d, d),
        }
    }

    /// The year the document is dated in.
    pub fn year(&self) -> i32 {
        match *self {
            Published::Year(y) | Published::Month(y, _) => y,
            Published::Day(d) => d.year(),
        }
    }

    /// The month the document is dated in, if known.
    pub fn month(&self) -> Option<u32> {
        match *self {
            Published::Year(_) => None,
            Published::Month(_, m) => Some(m),
            Published::Day(d) => Some(d.month()),
        }
    }

    /// `2026`, `2026-02` or `2026-02-12`.
    pub fn describe(&self) -> String {
        match *self {
            Published::Year(y) => format!("{y:04}"),
            Published::Month(y, m) => format!("{y:04}-{m:02}"),
            Published::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

impl std::fmt::Display for Published {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// An entity's fiscal calendar: the month its fiscal year starts in (1 = calendar year).
/// Fiscal year N ends in calendar year N (Microsoft FY2025 = 2024-07-01..2025-06-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    pub start_month: u32,
}

impl FiscalCalendar {
    /// The calendar year as fiscal year (start_month 1).
    pub const CALENDAR: FiscalCalendar = FiscalCalendar { start_month: 1 };

    /// The span of fiscal year `fy` (which ends in calendar year `fy`).
    pub fn year_span(&self, fy: i32) -> Option<(NaiveDate, NaiveDate)> {
        if !(1..=12).contains(&self.start_month) {
            return None;
        }
        let start = if self.start_month == 1 {
            NaiveDate::from_ymd_opt(fy, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(fy.checked_sub(1)?, self.start_month, 1)?
        };
        months_span(start, 12)
    }

    /// The span of fiscal quarter `q` (1..=4) of fiscal year `fy`.
    pub fn quarter_span(&self, fy: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
        let (start, _) = self.year_span(fy)?;
        months_span(
            start.checked_add_months(Months::new(3 * q.checked_sub(1)?))?,
            3,
        )
    }

    /// The span of fiscal half `h` (1..=2) of fiscal year `fy`.
    pub fn half_span(&self, fy: i32, h: u32) -> Option<(NaiveDate, NaiveDate)> {
        let (start, _) = self.year_span(fy)?;
        months_span(
            start.checked_add_months(Months::new(6 * h.checked_sub(1)?))?,
            6,
        )
    }

    /// The fiscal year a date falls in.
    pub fn year_of(&self, d: NaiveDate) -> i32 {
        if self.start_month > 1 && d.month() >= self.start_month {
            d.year() + 1
        } else {
            d.year()
        }
    }

    /// "fiscal year starting July" / "fiscal year = calendar year".
    pub fn describe(&self) -> String {
        if self.start_month == 1 {
            "fiscal year = calendar year".into()
        } else {
            format!(
                "fiscal year starting {}",
                MONTH_NAMES
                    .get(self.start_month.saturating_sub(1) as usize)
                    .unwrap_or(&"?")
            )
        }
    }
}

pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How a period was arrived at, so that drift findings can say which reading produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    Absolute,
    Relative,
    Fiscal,
    BuddhistEra,
    Deadline,
    /// From the start of a period to the document's date: `so far this year`, `since 2020`.
    ToDate,
}

/// A period read from text: an inclusive span of dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: PeriodKind,
    pub steps: Vec<Step>,
}

impl Period {
    /// The canonical short label of the span (see [`label`]).
    pub fn label(&self) -> String {
        label(self.start, self.end)
    }

    /// Whether the date falls within the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether `other` lies wholly within this period.
    pub fn covers(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether the two periods are the same span of dates (whatever their kinds and steps).
    pub fn same_span(&self, other: &Period) -> bool {
        self.start == other.start && self.end == other.end
    }
}

/// Why a period could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason}")]
pub struct PeriodError {
    pub reason: String,
}

impl PeriodError {
    pub(crate) fn new(reason: impl Into<String>) -> Self {
        PeriodError {
            reason: reason.into(),
        }
    }
}

/// Reads `text` with the words of one language, against the document's date and the entity's calendar.
pub fn read_period(
    text: &str,
    lang: &PeriodLang,
    published: Published,
    calendar: FiscalCalendar,
) -> Result<Period, PeriodError> {
    read::read(text, lang, published, calendar)
}

/// A canonical short label for a span: `2025`, `2024-Q4`, `2025-H1`, `2025-03`, `2025-03-14`,
/// else `2024-07-01..2025-06-30`.
pub fn label(start: NaiveDate, end: NaiveDate) -> String {
    let y = start.year();
    if start == end {
        return start.format("%Y-%m-%d").to_string();
    }
    if start.day() == 1 && start <= end {
        let m = start.month();
        let ends_after = |n: u32| months_span(start, n).map(|(_, e)| e) == Some(end);
        if m == 1 && ends_after(12) {
            return format!("{y:04}");
        }
        if (m - 1).is_multiple_of(6) && ends_after(6) {
            return format!("{y:04}-H{}", (m - 1) / 6 + 1);
        }
        if (m - 1).is_multiple_of(3) && ends_after(3) {
            return format!("{y:04}-Q{}", (m - 1) / 3 + 1);
        }
        if ends_after(1) {
            return format!("{y:04}-{m:02}");
        }
    }
    format!("{}..{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
}

/// `n` months from `start`, inclusive: (start, start + n months - 1 day).
pub(crate) fn months_span(start: NaiveDate, n: u32) -> Option<(NaiveDate, NaiveDate)> {
    let end = start.checked_add_months(Months::new(n))?.pred_opt()?;
    Some((start, end))
}

pub(crate) fn year_span(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    months_span(NaiveDate::from_ymd_opt(y, 1, 1)?, 12)
}

pub(crate) fn month_span(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    months_span(NaiveDate::from_ymd_opt(y, m, 1)?, 1)
}

pub(crate) fn quarter_span(y: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    months_span(NaiveDate::from_ymd_opt(y, 3 * (q - 1) + 1, 1)?, 3)
}

pub(crate) fn half_span(y: i32, h: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=2).contains(&h) {
        return None;
    }
    months_span(NaiveDate::from_ymd_opt(y, 6 * (h - 1) + 1, 1)?, 6)
}
