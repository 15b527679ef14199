//! Exchange rates from `rules/` (`fx:`): monthly averages where every month of a period has one,
//! annual averages otherwise, and conversion over a period or at one month.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The `fx:` section of a rules file: units of each currency per one unit of `base`, by year
/// (`rates`) and by month (`monthly`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FxTable {
    #[serde(default)]
    pub base: String,
    /// Where each annual series comes from, by currency.
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
    /// Annual average rates: currency → year → rate.
    #[serde(default)]
    pub rates: BTreeMap<String, BTreeMap<i32, f64>>,
    /// Where each monthly series comes from, by currency.
    #[serde(default)]
    pub monthly_sources: BTreeMap<String, String>,
    /// Monthly average rates: currency → year → the twelve months, January first (`null` where a
    /// month has no rate).
    #[serde(default)]
    pub monthly: BTreeMap<String, BTreeMap<i32, [Option<f64>; 12]>>,
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl YearMonth {
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    fn next(self) -> YearMonth {
        if self.month >= 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    fn last_day(self) -> Option<NaiveDate> {
        self.next().first_day()?.pred_opt()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// What a conversion's rate is the average of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The monthly rates of the months from the first to the last, weighted by the period's days
    /// in each (`convert`).
    Months(YearMonth, YearMonth),
    /// The annual rates of the years from the first to the last, weighted by the period's days in
    /// each (`convert`, when some month of the period has no monthly rate).
    Years(i32, i32),
    /// One month's rate (`convert_at`).
    Month(YearMonth),
    /// The annual rate of the month's year, standing in for a month with no monthly rate
    /// (`convert_at`).
    YearOf(YearMonth),
}

/// A conversion: the rate used, the spread it may be off by, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub currency: String,
    pub base: String,
    /// Units of currency per unit of base, averaged over the period's days.
    pub rate: f64,
    /// The lowest and highest of the monthly or annual rates averaged (both `rate` for one month
    /// or one year).
    pub low: f64,
    pub high: f64,
    /// The months or years averaged.
    pub over: Basis,
    pub source: Option<String>,
}

impl Conversion {
    /// The step shown to readers: `÷ 7.1823 CNY/USD (average of 2025-01–2025-12 monthly rates
    /// 7.1000–7.3000; source) → USD`.
    pub fn explain(&self) -> String {
        let range = |what: &str| {
            if self.low < self.high {
                format!(" ({what} rates {:.4}–{:.4})", self.low, self.high)
            } else {
                String::new()
            }
        };
        let over = match self.over {
            Basis::Years(a, b) if a != b => format!("average {a}–{b}{}", range("annual")),
            Basis::Years(a, _) => format!("average {a}{}", range("annual")),
            Basis::Months(a, b) if a != b => {
                let spread = if self.low < self.high {
                    format!(" {:.4}–{:.4}", self.low, self.high)
                } else {
                    String::new()
                };
                format!("average of {a}–{b} monthly rates{spread}")
            }
            Basis::Months(a, _) => format!("{a} monthly average"),
            Basis::Month(m) => format!("at the {m} rate, the article's month"),
            Basis::YearOf(m) => format!(
                "at the {} annual rate: no monthly rate for {m}, the article's month",
                m.year
            ),
        };
        let source = self
            .source
            .as_deref()
            .map(|s| format!("; {s}"))
            .unwrap_or_default();
        format!(
            "÷ {:.4} {}/{} ({over}{source}) → {}",
            self.rate, self.currency, self.base, self.base
        )
    }
}

/// No conversion spans more than this many years (nor months × 12): a longer period is not a
/// figure's period.
const MAX_YEARS: usize = 200;

impl FxTable {
    /// Adds or overrides series from a later rules file: single years of `rates`, single months
    /// of `monthly` (a `null` month in the later file keeps the earlier value).
    pub fn merge(&mut self, other: FxTable) {
        if !other.base.is_empty() {
            self.base = other.base;
        }
        self.sources.extend(other.sources);
        for (currency, years) in other.rates {
            self.rates.entry(currency).or_default().extend(years);
        }
        self.monthly_sources.extend(other.monthly_sources);
        for (currency, years) in other.monthly {
            let series = self.monthly.entry(currency).or_default();
            for (year, months) in years {
                let slot = series.entry(year).or_insert([None; 12]);
                for (old, new) in slot.iter_mut().zip(months) {
                    if new.is_some() {
                        *old = new;
                    }
                }
            }
        }
    }

    /// The monthly rate of `currency` for `month`, if there is a usable one.
    pub fn monthly_rate(&self, currency: &str, month: YearMonth) -> Option<f64> {
        let i = usize::try_from(month.month).ok()?.checked_sub(1)?;
        let rate = (*self.monthly.get(currency)?.get(&month.year)?.get(i)?)?;
        usable(rate)
    }

    /// The annual rate of `currency` for `year`, if there is a usable one.
    pub fn annual_rate(&self, currency: &str, year: i32) -> Option<f64> {
        usable(*self.rates.get(currency)?.get(&year)?)
    }

    /// Converts `currency` to `base` for the days from `start` to `end`: at the monthly rates,
    /// weighted by the period's days in each month, if every month the period touches has one;
    /// otherwise at the annual rates, weighted by days in each year, if every year has one.
    /// `low` and `high` are the range of the rates averaged.
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
        self.over_months(currency, start, end)
            .or_else(|| self.over_years(currency, start, end))
            .map(|(rate, low, high, over)| Conversion {
                currency: currency.to_string(),
                base: base.to_string(),
                rate,
                low,
                high,
                over,
                source: self.source(currency, over),
            })
    }

    /// Converts `currency` to `base` at the month of `date` (an article's date): that month's
    /// rate, or the annual rate of its year if the month has none. `low == high == rate`.
    pub fn convert_at(&self, currency: &str, base: &str, date: NaiveDate) -> Option<Conversion> {
        if self.base != base {
            return None;
        }
        let month = YearMonth::of(date);
        let (rate, over) = match self.monthly_rate(currency, month) {
            Some(rate) => (rate, Basis::Month(month)),
            None => (
                self.annual_rate(currency, month.year)?,
                Basis::YearOf(month),
            ),
        };
        Some(Conversion {
            currency: currency.to_string(),
            base: base.to_string(),
            rate,
            low: rate,
            high: rate,
            over,
            source: self.source(currency, over),
        })
    }

    fn source(&self, currency: &str, over: Basis) -> Option<String> {
        match over {
            Basis::Months(..) | Basis::Month(_) => self.monthly_sources.get(currency),
            Basis::Years(..) | Basis::YearOf(_) => self.sources.get(currency),
        }
        .cloned()
    }

    /// The day-weighted average of the monthly rates over the period, their range, and the
    /// months; `None` if any month has no rate.
    fn over_months(
        &self,
        currency: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<(f64, f64, f64, Basis)> {
        self.monthly.get(currency)?;
        let (first, last) = (YearMonth::of(start), YearMonth::of(end));
        let mut month = first;
        let mut stats = Weighted::default();
        for _ in 0..=MAX_YEARS * 12 {
            let rate = self.monthly_rate(currency, month)?;
            let from = start.max(month.first_day()?);
            let to = end.min(month.last_day()?);
            stats.add(rate, from, to);
            if month == last {
                return stats.finish(Basis::Months(first, last));
            }
            month = month.next();
        }
        None
    }

    /// The day-weighted average of the annual rates over the period, their range, and the
    /// years; `None` if any year has no rate.
    fn over_years(
        &self,
        currency: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<(f64, f64, f64, Basis)> {
        if (end.year() - start.year()) as usize >= MAX_YEARS {
            return None;
        }
        let mut stats = Weighted::default();
        for year in start.year()..=end.year() {
            let rate = self.annual_rate(currency, year)?;
            let from = start.max(NaiveDate::from_ymd_opt(year, 1, 1)?);
            let to = end.min(NaiveDate::from_ymd_opt(year, 12, 31)?);
            stats.add(rate, from, to);
        }
        stats.finish(Basis::Years(start.year(), end.year()))
    }
}

/// A rate that can be divided by: finite and positive.
fn usable(rate: f64) -> Option<f64> {
    (rate.is_finite() && rate > 0.0).then_some(rate)
}

/// Rates weighted by days, and their range.
struct Weighted {
    sum: f64,
    days: f64,
    low: f64,
    high: f64,
}

impl Default for Weighted {
    fn default() -> Self {
        Weighted {
            sum: 0.0,
            days: 0.0,
            low: f64::INFINITY,
            high: f64::NEG_INFINITY,
        }
    }
}

impl Weighted {
    fn add(&mut self, rate: f64, from: NaiveDate, to: NaiveDate) {
        let n = ((to - from).num_days() + 1) as f64;
        self.sum += rate * n;
        self.days += n;
        self.low = self.low.min(rate);
        self.high = self.high.max(rate);
    }

    fn finish(self, over: Basis) -> Option<(f64, f64, f64, Basis)> {
        (self.days > 0.0 && self.low > 0.0)
            .then(|| (self.sum / self.days, self.low, self.high, over))
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
            ..FxTable::default()
        }
    }

    /// `table()` with CNY monthly rates for 2025: 7.01 in January, 7.02 in February, ..., and
    /// none for March.
    fn monthly() -> FxTable {
        let mut months = [None; 12];
        for (i, m) in months.iter_mut().enumerate() {
            *m = Some(7.0 + (i + 1) as f64 / 100.0);
        }
        months[2] = None;
        FxTable {
            monthly_sources: BTreeMap::from([("CNY".into(), "monthly test".into())]),
            monthly: BTreeMap::from([("CNY".into(), BTreeMap::from([(2025, months)]))]),
            ..table()
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn one_year_uses_its_rate() {
        let c = table()
            .convert("CNY", "USD", d(2025, 1, 1), d(2025, 12, 31))
            .unwrap();
        assert_eq!(c.rate, 7.0);
        assert_eq!((c.low, c.high), (7.0, 7.0));
        assert_eq!(c.over, Basis::Years(2025, 2025));
        assert_eq!(c.explain(), "÷ 7.0000 CNY/USD (average 2025; test) → USD");
    }

    #[test]
    fn two_years_average_by_days_and_keep_the_spread() {
        let c = table()
            .convert("CNY", "USD", d(2024, 7, 1), d(2025, 6, 30))
            .unwrap();
        assert!((c.rate - 7.1).abs() < 0.01, "{}", c.rate);
        assert_eq!((c.low, c.high), (7.0, 7.2));
        assert_eq!(
            c.explain(),
            format!(
                "÷ {:.4} CNY/USD (average 2024–2025 (annual rates 7.0000–7.2000); test) → USD",
                c.rate
            )
        );
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

    #[test]
    fn months_are_weighted_by_the_period_days_in_each() {
        // 16 days of January at 7.01, all 28 of February at 7.02.
        let c = monthly()
            .convert("CNY", "USD", d(2025, 1, 16), d(2025, 2, 28))
            .unwrap();
        let expected = (7.01 * 16.0 + 7.02 * 28.0) / 44.0;
        assert!((c.rate - expected).abs() < 1e-12, "{}", c.rate);
        assert_eq!((c.low, c.high), (7.01, 7.02));
        assert_eq!(c.over, Basis::Months(ym(2025, 1), ym(2025, 2)));
        assert_eq!(c.source.as_deref(), Some("monthly test"));
        assert_eq!(
            c.explain(),
            format!(
                "÷ {:.4} CNY/USD (average of 2025-01–2025-02 monthly rates 7.0100–7.0200; \
                 monthly test) → USD",
                c.rate
            )
        );
    }

    #[test]
    fn a_period_inside_one_month_uses_that_month() {
        let c = monthly()
            .convert("CNY", "USD", d(2025, 4, 3), d(2025, 4, 9))
            .unwrap();
        assert_eq!((c.rate, c.low, c.high), (7.04, 7.04, 7.04));
        assert_eq!(c.over, Basis::Months(ym(2025, 4), ym(2025, 4)));
        assert_eq!(
            c.explain(),
            "÷ 7.0400 CNY/USD (2025-04 monthly average; monthly test) → USD"
        );
    }

    #[test]
    fn months_spanning_a_year_end_are_walked_in_order() {
        let mut t = monthly();
        t.monthly
            .get_mut("CNY")
            .unwrap()
            .insert(2024, [Some(7.3); 12]);
        let c = t
            .convert("CNY", "USD", d(2024, 12, 1), d(2025, 1, 31))
            .unwrap();
        assert!((c.rate - (7.3 + 7.01) / 2.0).abs() < 1e-12, "{}", c.rate);
        assert_eq!((c.low, c.high), (7.01, 7.3));
        assert_eq!(c.over, Basis::Months(ym(2024, 12), ym(2025, 1)));
    }

    #[test]
    fn a_missing_month_falls_back_to_the_annual_rates() {
        // March 2025 has no monthly rate: the first quarter is converted at the 2025 annual rate.
        let c = monthly()
            .convert("CNY", "USD", d(2025, 1, 1), d(2025, 3, 31))
            .unwrap();
        assert_eq!(c.rate, 7.0);
        assert_eq!(c.over, Basis::Years(2025, 2025));
        assert_eq!(c.source.as_deref(), Some("test"));
        // 2024 has no monthly rates at all.
        let c = monthly()
            .convert("CNY", "USD", d(2024, 12, 1), d(2025, 1, 31))
            .unwrap();
        assert_eq!(c.over, Basis::Years(2024, 2025));
        assert_eq!((c.low, c.high), (7.0, 7.2));
        // Neither monthly nor annual rates: nothing.
        assert!(monthly()
            .convert("CNY", "USD", d(2026, 1, 1), d(2026, 1, 31))
            .is_none());
        assert!(monthly()
            .convert("CNY", "EUR", d(2025, 1, 1), d(2025, 1, 31))
            .is_none());
    }

    #[test]
    fn convert_at_uses_the_month_of_the_date() {
        let c = monthly().convert_at("CNY", "USD", d(2025, 2, 14)).unwrap();
        assert_eq!((c.rate, c.low, c.high), (7.02, 7.02, 7.02));
        assert_eq!(c.over, Basis::Month(ym(2025, 2)));
        assert_eq!(
            c.explain(),
            "÷ 7.0200 CNY/USD (at the 2025-02 rate, the article's month; monthly test) → USD"
        );
    }

    #[test]
    fn convert_at_falls_back_to_the_annual_rate_of_the_year() {
        let c = monthly().convert_at("CNY", "USD", d(2025, 3, 31)).unwrap();
        assert_eq!((c.rate, c.low, c.high), (7.0, 7.0, 7.0));
        assert_eq!(c.over, Basis::YearOf(ym(2025, 3)));
        assert_eq!(
            c.explain(),
            "÷ 7.0000 CNY/USD (at the 2025 annual rate: no monthly rate for 2025-03, the \
             article's month; test) → USD"
        );
        let c = monthly().convert_at("CNY", "USD", d(2024, 6, 1)).unwrap();
        assert_eq!(c.rate, 7.2);
        assert!(monthly().convert_at("CNY", "USD", d(2026, 1, 1)).is_none());
        assert!(monthly().convert_at("CNY", "EUR", d(2025, 2, 1)).is_none());
        assert!(monthly().convert_at("RUB", "USD", d(2025, 2, 1)).is_none());
    }

    #[test]
    fn unusable_rates_are_no_rates() {
        let mut t = monthly();
        t.monthly.get_mut("CNY").unwrap().get_mut(&2025).unwrap()[0] = Some(0.0);
        let c = t.convert_at("CNY", "USD", d(2025, 1, 10)).unwrap();
        assert_eq!(c.over, Basis::YearOf(ym(2025, 1)));
        let c = t
            .convert("CNY", "USD", d(2025, 1, 1), d(2025, 1, 31))
            .unwrap();
        assert_eq!(c.over, Basis::Years(2025, 2025));
    }

    #[test]
    fn the_monthly_section_parses_and_checks_its_shape() {
        let t: FxTable = serde_saphyr::from_str(
            "base: USD\n\
             monthly_sources: {CNY: ecb}\n\
             monthly:\n  CNY:\n    2025: [7.1, 7.2, null, 7.4, 7.5, 7.6, 7.7, 7.8, 7.9, 8.0, 8.1, 8]\n",
        )
        .unwrap();
        assert_eq!(t.monthly_rate("CNY", ym(2025, 2)), Some(7.2));
        assert_eq!(t.monthly_rate("CNY", ym(2025, 3)), None);
        assert_eq!(t.monthly_rate("CNY", ym(2025, 12)), Some(8.0));
        assert_eq!(t.monthly_rate("CNY", ym(2025, 13)), None);
        assert_eq!(t.monthly_rate("CNY", ym(2025, 0)), None);
        // Not twelve months, or an unknown key: refused.
        assert!(
            serde_saphyr::from_str::<FxTable>("monthly:\n  CNY:\n    2025: [7.1, 7.2]\n").is_err()
        );
        assert!(serde_saphyr::from_str::<FxTable>("monthly_rates: {}\n").is_err());
    }

    #[test]
    fn a_later_file_overrides_single_months() {
        let mut t = monthly();
        let mut later = [None; 12];
        later[0] = Some(6.5); // January overridden
        later[2] = Some(6.9); // March added
        t.merge(FxTable {
            monthly_sources: BTreeMap::from([("CNY".into(), "desk".into())]),
            monthly: BTreeMap::from([
                (
                    "CNY".into(),
                    BTreeMap::from([(2025, later), (2026, [Some(6.0); 12])]),
                ),
                ("JPY".into(), BTreeMap::from([(2025, [Some(150.0); 12])])),
            ]),
            ..FxTable::default()
        });
        assert_eq!(t.base, "USD", "an empty base keeps the earlier one");
        assert_eq!(t.monthly_rate("CNY", ym(2025, 1)), Some(6.5));
        assert_eq!(
            t.monthly_rate("CNY", ym(2025, 2)),
            Some(7.02),
            "null keeps the earlier month"
        );
        assert_eq!(t.monthly_rate("CNY", ym(2025, 3)), Some(6.9));
        assert_eq!(t.monthly_rate("CNY", ym(2026, 7)), Some(6.0));
        assert_eq!(t.monthly_rate("JPY", ym(2025, 7)), Some(150.0));
        assert_eq!(t.monthly_sources["CNY"], "desk");
        assert_eq!(t.rates["CNY"][&2025], 7.0, "annual rates untouched");
        // Every month of 2025 now has a rate: the year is converted at monthly rates.
        let c = t
            .convert("CNY", "USD", d(2025, 1, 1), d(2025, 12, 31))
            .unwrap();
        assert_eq!(c.over, Basis::Months(ym(2025, 1), ym(2025, 12)));
        assert_eq!((c.low, c.high), (6.5, 7.12));
    }
}
