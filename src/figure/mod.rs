//! Reading a figure as written ("$26.3 billion", "2000 亿美元") into a value, an interval and a unit.
//!
//! All language knowledge is data: `rules/lang/common/figures.yaml` then
//! `rules/lang/<code>/figures.yaml` (see [`FigureLangFile`] for the sections). The code here only
//! holds mechanisms:
//!
//! * **Digits.** `1,234.5`, `1 234,5`, `1.234,5`, `1'234`, U+00A0/U+202F groups, `.77`, `3.5e9`,
//!   full-width and Thai digits. With both `.` and `,`, the last one is the decimal separator. A
//!   single separator followed by exactly three digits is a thousands separator unless it is the
//!   language's `settings.decimal` (or the integer part is `0`); any other count of digits makes
//!   it a decimal separator (`1,3` = 1.3 everywhere).
//! * **Number words** are read with one additive–multiplicative rule: values add (`twenty one`),
//!   `multipliers` multiply the group in front (`two hundred`, `二百`, `สองแสน`), `scales`
//!   multiply everything in front that is smaller (`two hundred thousand`, `三千亿`, `一万亿`) or
//!   add their group otherwise (`5亿1万`). Decimal words (`point`, `点`, `целых`) read the words
//!   after them digit by digit, or as a numerator when a denominator follows (`сотых`).
//! * **Rounding.** A figure is as precise as its last written digit: `lo`/`hi` are the value ±
//!   half a unit of that digit, scaled by the scale words after it (`$26.3 billion` → 26.25e9 ..
//!   26.35e9). Trailing zeros are taken as written digits: `$100 billion` → 99.5e9 .. 100.5e9,
//!   `3000` → 2999.5 .. 3000.5, and `two hundred billion` reads like `200 billion`.
//!   Number words are precise to the unit before the scale words (`三百万` = `300万`, ±5000);
//!   digits followed by a multiplier are as precise as their last digit times the multiplier
//!   (`5.5 หมื่นล้าน` = 5.5 × 1e10 ± 0.05 × 1e10, `3千` = 3000 ± 500).
//! * **Approximations** widen the interval to the hull of the rounding interval and
//!   `[value × lo, value × hi]`, with the factors of `approx_widths` (common file: about 0.9..1.1,
//!   over and at_least 1..1.5, under 0.5..1, up_to 0..1). Vague amounts (`tens of billions`,
//!   `数十亿`) take their interval from the `vague` entry (`lo`..`hi` times what follows) and
//!   their value is the geometric middle. Ranges keep both ends in `ends`, `value` is the middle,
//!   `lo`/`hi` the rounding of each end.
//! * **Surrounding words.** [`find_figures`] reads every figure in a sentence and skips words it
//!   does not know. [`read_figure`] reads a value field: unknown words around the figure are
//!   tolerated (`3 万个企业职位`, `0.5 kilograms of strawberries`), but it fails when it finds no
//!   figure, two different figures, or a scale, currency or unit word that belongs to no figure
//!   (`100 new billion`), or an unknown abbreviation right after the number (`5 bil.`), since
//!   then the figure could be misread. Two figures are still one
//!   reading when they are the same (`forty-five (45)`), when the second is a conversion in
//!   brackets (`$1.2 billion (€1.1 billion)`), or when one is a lower and the other an upper
//!   bound (`above 1000 and below 1500`, `至少10最多20`: a range).
//! * **Scale ambiguity.** Scale words declared `ambiguous` in the YAML (bg `билион`, pl `bilion`,
//!   de `Billion`, es `billón`, fr `billion`: long scale) set `scale_ambiguity` with the reason
//!   and say so in the steps.
//!
//! Linear time: the word tries are walked at most the length of their longest surface from each
//! position, words of spaced scripts are only matched at word starts, and each token is parsed a
//! bounded number of times.

mod lexicon;
mod read;

pub use lexicon::{FigureLang, FigureLangFile, FullSpec, Settings, Spec, Width};
pub use read::find_figures;

use crate::reading::Step;
use serde::{Deserialize, Serialize};

/// How approximate a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    About,
    Over,
    Under,
    UpTo,
    AtLeast,
    Range,
    Vague,
}

impl Approx {
    pub fn name(self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::UpTo => "up_to",
            Approx::AtLeast => "at_least",
            Approx::Range => "range",
            Approx::Vague => "vague",
        }
    }
}

/// A figure read from text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The central value, in `unit` (scale words applied: "2000 亿" is 2e11).
    pub value: f64,
    /// The interval the words allow (rounding, approximation, vagueness, ranges).
    pub lo: f64,
    pub hi: f64,
    /// A unit code: an ISO 4217 currency, `%`, `pp`, or a physical unit such as `GW`; `None` for a bare number.
    pub unit: Option<String>,
    pub approx: Option<Approx>,
    /// Set when a scale word means different amounts in different conventions (Polish `bilion`).
    pub scale_ambiguity: Option<String>,
    pub steps: Vec<Step>,
    /// For a range, the two ends as written (scale applied, no rounding): `$64-72 billion` → (64e9, 72e9).
    pub ends: Option<(f64, f64)>,
}

/// Why a figure could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason}")]
pub struct FigureError {
    pub reason: String,
}

/// Reads `text`, a value field, with the words of one language.
pub fn read_figure(text: &str, lang: &FigureLang) -> Result<Figure, FigureError> {
    // A value is a figure as written, not an article: refusing long text up front keeps a stray
    // paste (or a hostile file) from costing more than a glance. `find_figures` reads articles.
    if text.len() > MAX_FIGURE_BYTES {
        return Err(FigureError {
            reason: format!(
                "{} bytes is too long for one figure (at most {MAX_FIGURE_BYTES}); give the figure as written, and the sentence as `quote`",
                text.len()
            ),
        });
    }
    read::read_figure(text, lang)
}

/// The longest text `read_figure` takes.
pub const MAX_FIGURE_BYTES: usize = 1000;

#[cfg(test)]
mod tests;
