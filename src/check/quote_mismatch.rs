//! `quote-mismatch`: a `quote` that does not contain the figure given in `value`.
//!
//! Why: the quote is the evidence; if it does not show the figure, either the value was mistyped or
//! the wrong sentence was copied.
//! Example: `value: $26.3 billion`, `quote: "... $26.8 billion in capex ..."`.
//!
//! The value is looked for in the quote as written, white space and case aside; failing that, the
//! figures the quote contains are read and compared with the value's reading.

use super::{each_claim, finding, Check, Context};
use crate::figure::find_figures;
use crate::finding::{Finding, Kind};

pub struct QuoteMismatch;

/// Lowercased, with every run of white space (no-break spaces included) removed.
pub(crate) fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '′' => '\'',
            '–' | '—' => '-',
            other => other,
        })
        .collect()
}

impl Check for QuoteMismatch {
    fn kind(&self) -> Kind {
        Kind::QuoteMismatch
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, claim, reading) in each_claim(cx) {
            let (Some(value), Some(quote)) = (&claim.value, &claim.quote) else {
                continue;
            };
            if squeeze(&quote.text).contains(&squeeze(&value.text)) {
                continue;
            }
            let source = cx.corpus.source_of(claim);
            let same_figure = match (
                reading.amount().map(|a| &a.figure),
                cx.rules.languages.get(&source.lang),
            ) {
                (Some(figure), Some(lang)) => find_figures(&quote.text, &lang.figures)
                    .iter()
                    .any(|(_, f)| f.value == figure.value && f.unit == figure.unit),
                _ => false,
            };
            if !same_figure {
                let mut f = finding(
                    cx,
                    self.kind(),
                    &[i],
                    format!("the quote does not contain the value `{}`", value.text),
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
    use crate::check::testing::{file, run};

    #[test]
    fn flags_a_quote_with_another_figure() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $26.3 billion, quote: \"it spent $26.8 billion\"}"],
        );
        let findings = run(&QuoteMismatch, &[("claims/a.yaml", &f)], &[]);
        assert_eq!(findings.len(), 1, "{findings:?}");
    }

    #[test]
    fn white_space_and_case_do_not_matter() {
        let f = file(
            "Daily",
            "2025-02-07",
            None,
            &["{id: a, entity: Amazon, metric: capex, period: 2025, value: $26.3 Billion, quote: \"it spent $26.3\u{a0}billion\"}"],
        );
        assert!(run(&QuoteMismatch, &[("claims/a.yaml", &f)], &[]).is_empty());
    }

    #[test]
    fn squeeze_folds_typography() {
        assert_eq!(
            squeeze("«Open  cash»\u{a0}spigot – now"),
            "\"opencash\"spigot-now"
        );
    }
}
