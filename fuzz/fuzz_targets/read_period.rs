//! The period reader in every language on arbitrary text: a reading has start <= end.
#![no_main]

mod common;

use crosscheck::period::{read_period, FiscalCalendar, Published};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let published = [Published::Year(2025), Published::Month(2025, 2), Published::parse("2025-02-07").unwrap_or(Published::Year(2025))];
    for language in common::rules().languages.values() {
        for p in published {
            for start_month in [1, 7] {
                if let Ok(period) = read_period(text, &language.periods, p, FiscalCalendar { start_month }) {
                    assert!(period.start <= period.end, "{text:?}: {period:?}");
                }
            }
        }
    }
});
