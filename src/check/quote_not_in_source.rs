//! `quote-not-in-source`: a `quote` that the source's saved text (`archive`) does not contain.
//!
//! Why: a quote that is not in the article is a transcription error or an invention; either way
//! the figure has no evidence. White space and typographic quotes are set aside when comparing.
//! Example: archive says "capex will climb to $200 billion", quote says "capex will reach $200 billion".

use super::quote_mismatch::squeeze;
use super::{finding, Check, Context};
use crate::finding::{Finding, Kind};
use std::collections::BTreeMap;

pub struct QuoteNotInSource;

impl Check for QuoteNotInSource {
    fn kind(&self) -> Kind {
        Kind::QuoteNotInSource
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let squeezed: BTreeMap<&str, String> = cx
            .archives
            .iter()
            .map(|(path, text)| (path.as_str(), squeeze(text)))
            .collect();
        let mut out = Vec::new();
        for (i, claim) in cx.corpus.claims.iter().enumerate() {
            let Some(quote) = &claim.quote else { continue };
            let source = cx.corpus.source_of(claim);
            let Some(archive) = source.archive.as_deref() else {
                continue;
            };
            let Some(text) = squeezed.get(archive) else {
                continue;
            };
            if !text.contains(&squeeze(&quote.text)) {
                let mut f = finding(
                    cx,
                    self.kind(),
                    &[i],
                    format!("the quote is not in the source's archive `{archive}`"),
                );
                f.locations = vec![quote.location.clone()];
                out.push(f);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::run;

    fn claims(quote: &str) -> String {
        format!(
            "source:\n  publisher: Daily\n  published: 2025-02-07\n  lang: en\n  archive: sources/a.txt\nclaims:\n  - {{id: a, entity: Amazon, metric: capex, period: 2025, value: $200 billion, quote: \"{quote}\"}}\n"
        )
    }

    #[test]
    fn flags_a_quote_the_archive_lacks() {
        let archive = "Capex will climb to $200 billion this year.";
        let f = claims("capex will reach $200 billion");
        let findings = run(
            &QuoteNotInSource,
            &[("claims/a.yaml", &f)],
            &[("sources/a.txt", archive)],
        );
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn typographic_quotes_and_spacing_are_set_aside() {
        let archive = "Jassy said: “capex  will climb to $200 billion” this year.";
        let f = claims("capex will climb to $200 billion");
        assert!(run(
            &QuoteNotInSource,
            &[("claims/a.yaml", &f)],
            &[("sources/a.txt", archive)]
        )
        .is_empty());
    }
}
