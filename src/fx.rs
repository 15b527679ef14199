//! Exchange rates: annual averages from `rules/` (`fx:`), and conversion over a period.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The `fx:` section of a rules file: units of each currency per one unit of `base`, by year.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FxTable {
    #[serde(default)]
    pub base: String,
    /// Where each series comes from, by currency.
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
    #[serde(default)]
    pub rates: BTreeMap<String, BTreeMap<i32, f64>>,
}

/// A conversion: the rate used, the spread it may be off by, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub currency: String,
    pub base: String,
    /// Units of currency per unit of base, averaged over the period's days.
    pub rate: f64,
    pub low: f64,
    pub high: f64,
    pub years: Vec<i32>,
    pub source: Option<String>,
}

impl Conversion {
    pub fn explain(&self) -> String {
        let years = match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let spread = if self.low < self.high {
            format!(" (annual rates {:.4}–{:.4})", self.low, self.high)
        } else {
            String::new()
        };
        let source = self
            .source
            .as_deref()
            .map(|s| format!("; {s}"))
            .unwrap_or_default();
        format!(
            "÷ {:.4} {}/{} (average {years}{spread}{source}) → {}",
            self.rate, self.currency, self.base, self.base
        )
    }
}

impl FxTable {
    /// Adds or overrides series from a later rules file.
    pub fn merge(&mut self, other: FxTable) {
        if !other.base.is_empty() {
            self.base = other.base;
        }
        self.sources.extend(other.sources);
        for (currency, years) in other.rates {
            self.rates.entry(currency).or_default().extend(years);
        }
    }

    /// Converts `currency` to `base` for the days from `start` to `end`, if every year the
    /// period touches has a rate.
    pub fn convert(
        &self,
        currency: &str,
        base: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<Conversion> {
        if self.base != base || start > end {
            return None;
        }
        let series = self.rates.get(currency)?;
        let mut weighted = 0.0;
        let mut days = 0.0;
        let mut years = Vec::new();
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for year in start.year()..=end.year() {
            let rate = *series.get(&year)?;
            let from = start.max(NaiveDate::from_ymd_opt(year, 1, 1)?);
            let to = end.min(NaiveDate::from_ymd_opt(year, 12, 31)?);
            let n = ((to - from).num_days() + 1) as f64;
            weighted += rate * n;
            days += n;
            low = low.min(rate);
            high = high.max(rate);
            years.push(year);
            if years.len() > 200 {
                return None;
            }
        }
        (days > 0.0 && low > 0.0).then(|| Conversion {
            currency: currency.to_string(),
            base: base.to_string(),
            rate: weighted / days,
            low,
            high,
            years,
            source: self.sources.get(currency).cloned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> FxTable {
        FxTable {
            base: "USD".into(),
            sources: BTreeMap::from([("CNY".into(), "test".into())]),
            rates: BTreeMap::from([("CNY".into(), BTreeMap::from([(2024, 7.2), (2025, 7.0)]))]),
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn one_year_uses_its_rate() {
        let c = table()
            .convert("CNY", "USD", d(2025, 1, 1), d(2025, 12, 31))
            .unwrap();
        assert_eq!(c.rate, 7.0);
        assert_eq!((c.low, c.high), (7.0, 7.0));
    }

    #[test]
    fn two_years_average_by_days_and_keep_the_spread() {
        let c = table()
            .convert("CNY", "USD", d(2024, 7, 1), d(2025, 6, 30))
            .unwrap();
        assert!((c.rate - 7.1).abs() < 0.01, "{}", c.rate);
        assert_eq!((c.low, c.high), (7.0, 7.2));
    }

    #[test]
    fn a_missing_year_means_no_conversion() {
        assert!(table()
            .convert("CNY", "USD", d(2023, 1, 1), d(2025, 1, 1))
            .is_none());
        assert!(table()
            .convert("RUB", "USD", d(2025, 1, 1), d(2025, 1, 1))
            .is_none());
    }
}
