//! `scale-ambiguity`: a scale word that means different amounts in different conventions.
//!
//! Why: Polish `bilion` and German `Billion` are 10^12 on the long scale, but translators and
//! wire copy often carry the English short-scale sense (10^9); the figure may be off by a
//! thousand. The reader declares which words are ambiguous (in `rules/lang/`); short-scale words
//! with a word of their own for 10^9 (Bulgarian `трилион`, Russian `триллион`) are not.
//! Example: `value: 2 biliony dolarów` → read as 2e12 USD, but could be 2e9 if translated from English.

use super::{each_claim, finding, Check, Context};
use crate::finding::{Finding, Kind};

pub struct ScaleAmbiguity;

impl Check for ScaleAmbiguity {
    fn kind(&self) -> Kind {
        Kind::ScaleAmbiguity
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, claim, reading) in each_claim(cx) {
            let Some(amount) = reading.amount() else {
                continue;
            };
            if let Some(reason) = &amount.figure.scale_ambiguity {
                let value = claim.value.as_ref().map(|v| v.text.as_str()).unwrap_or("");
                let mut f = finding(cx, self.kind(), &[i], format!("`{value}`: {reason}"));
                if let Some(v) = &claim.value {
                    f.locations = vec![v.location.clone()];
                }
                out.push(f);
            }
        }
        out
    }
}
