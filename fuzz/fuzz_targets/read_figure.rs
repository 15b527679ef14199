//! The figure reader in every language on arbitrary text: a reading has lo <= value <= hi.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for language in common::rules().languages.values() {
        if let Ok(f) = crosscheck::figure::read_figure(text, &language.figures) {
            assert!(f.lo <= f.value && f.value <= f.hi, "{text:?}: {f:?}");
        }
        let _ = crosscheck::figure::find_figures(text, &language.figures);
    }
});
