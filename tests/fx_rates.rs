//! The bundled exchange rates hang together: the monthly ECB series of `rules/fx_monthly.yaml`,
//! averaged over a year, agree with the annual series of `rules/fx.yaml` (mostly the Fed's), and
//! what the monthly file leaves out falls back to the annual rates.

use chrono::NaiveDate;
use crosscheck::fx::{Basis, FxTable, YearMonth};
use crosscheck::rules::Rules;
use std::path::Path;

fn bundled() -> FxTable {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (texts, errors) = crosscheck::files::read_rules(&[root.join("rules")]);
    assert!(errors.is_empty(), "{errors:?}");
    Rules::parse(&texts).unwrap_or_else(|e| panic!("{e:?}")).fx
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Two publishers' averages of the same rates (ECB at 14:10 CET, the Fed at noon in New York,
/// the Bank of Russia and NBP their own fixings) differ a little; the largest gap in the bundled
/// data is RUB 2015, 0.50%.
const AGREE: f64 = 0.006;

#[test]
fn monthly_rates_averaged_over_a_year_agree_with_the_annual_rates() {
    let fx = bundled();
    assert!(!fx.monthly.is_empty(), "rules/fx_monthly.yaml is read");
    let mut compared = 0;
    let mut far = Vec::new();
    for (currency, years) in &fx.monthly {
        assert!(
            fx.rates.contains_key(currency),
            "{currency} has monthly rates but no annual series in rules/fx.yaml"
        );
        assert!(
            fx.monthly_sources.contains_key(currency),
            "{currency}: monthly_sources names no source"
        );
        for &year in years.keys() {
            let Some(annual) = fx.annual_rate(currency, year) else {
                continue;
            };
            let c = fx
                .convert(currency, "USD", d(year, 1, 1), d(year, 12, 31))
                .unwrap();
            if c.over != Basis::Months(YearMonth { year, month: 1 }, YearMonth { year, month: 12 })
            {
                continue; // a year with a month missing
            }
            compared += 1;
            let gap = c.rate / annual - 1.0;
            if gap.abs() > AGREE {
                far.push(format!(
                    "{currency} {year}: monthly {} annual {annual}",
                    c.rate
                ));
            }
        }
    }
    assert!(compared >= 140, "only {compared} currency-years compared");
    assert!(far.is_empty(), "{far:#?}");
}

#[test]
fn the_monthly_series_cover_2015_to_october_2026() {
    let fx = bundled();
    for currency in [
        "EUR", "JPY", "CNY", "GBP", "CHF", "AUD", "CAD", "HKD", "INR", "KRW", "THB", "PLN",
    ] {
        for year in 2015..=2026 {
            let last = if year == 2026 { 10 } else { 12 };
            for month in 1..=last {
                assert!(
                    fx.monthly_rate(currency, YearMonth { year, month })
                        .is_some(),
                    "{currency} {year}-{month:02}"
                );
            }
        }
    }
}

#[test]
fn what_the_ecb_lacks_falls_back_to_the_annual_rates() {
    let fx = bundled();
    // The ECB publishes neither TWD nor UAH, and no RUB after 2022-03-01.
    for (currency, year) in [("TWD", 2024), ("UAH", 2024), ("RUB", 2023), ("RUB", 2022)] {
        let c = fx
            .convert(currency, "USD", d(year, 1, 1), d(year, 12, 31))
            .unwrap();
        assert_eq!(c.over, Basis::Years(year, year), "{currency} {year}");
        assert_eq!(c.rate, fx.rates[currency][&year]);
    }
    let c = fx.convert_at("TWD", "USD", d(2025, 5, 20)).unwrap();
    assert_eq!(
        c.over,
        Basis::YearOf(YearMonth {
            year: 2025,
            month: 5
        })
    );
    // RUB's first two months of 2022 are the ECB's.
    let c = fx.convert_at("RUB", "USD", d(2022, 2, 10)).unwrap();
    assert_eq!(
        c.over,
        Basis::Month(YearMonth {
            year: 2022,
            month: 2
        })
    );
}

#[test]
fn a_month_is_converted_at_its_own_rate() {
    let fx = bundled();
    let c = fx.convert_at("JPY", "USD", d(2024, 7, 31)).unwrap();
    let july = fx.monthly["JPY"][&2024][6].unwrap();
    assert_eq!((c.rate, c.low, c.high), (july, july, july));
    assert!(
        c.explain().contains("at the 2024-07 rate"),
        "{}",
        c.explain()
    );
    assert!(c.explain().contains("ECB"), "{}", c.explain());
}
