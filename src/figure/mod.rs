//! Reading a figure as written ("$26.3 billion", "2000 亿美元") into a value, an interval and a unit.
//!
//! All language knowledge is data: `rules/lang/common/figures.yaml` then
//! `rules/lang/<code>/figures.yaml` (see [`FigureLangFile`] for the sections). The code here only
//! holds mechanisms:
//!
//! * **Digits.** `1,234.5`, `1 234,5`, `1.234,5`, `1'234`, U+00A0/U+202F groups, `.77`, `3.5e9`,
//!   full-width and Thai digits, `３６﹒９`. With both `.` and `,`, the last one is the decimal
//!   separator. A single separator followed by exactly three digits is a thousands separator
//!   unless it is the language's `settings.decimal` (or the integer part is `0`); any other count
//!   of digits makes it a decimal separator (`1,3` = 1.3 everywhere). What follows can take the
//!   other reading of one mark and three digits, and the step says so: a noun of things counted
//!   whole (`counts`: `512,300 unidades` = 512300, not 512.3 cars), or a scale word declared
//!   `before: group` (`1,171 millones` = 1171e6) or `before: decimal` (`23.610 млрд.` = 23.61e9);
//!   otherwise a three-digit decimal is read as the language writes it and the step flags it as
//!   ambiguous. `two_digit_groups` reads `1,50,000` (lakhs and crores); `apostrophe_decimal`
//!   reads `9'33` as 9.33 (three digits after `'` stay a group). Grammatical `endings` after
//!   digits and a hyphen belong to the number (`38-те`, `5-ти`), and so does an explicit `+`.
//! * **Number words** are read with one additive–multiplicative rule: values add (`twenty one`),
//!   `multipliers` multiply the group in front (`two hundred`, `二百`, `สองแสน`), `scales`
//!   multiply everything in front that is smaller (`two hundred thousand`, `三千亿`, `一万亿`) or
//!   add their group otherwise (`5亿1万`, `1兆7846亿`). Decimal words (`point`, `点`, `целых`)
//!   read the words after them digit by digit, or as a numerator when a denominator follows
//!   (`сотых`); `point_between` ones only between two numbers (`целых 5 млрд` is not 0.5e9). A
//!   number word with one of the language's `word_endings` reads as the word (`петте` = 5), and
//!   with `compound_words` a word made of number words reads as them (`пяти|стах` = 500). The
//!   same number again in brackets is read once (`five (5) billion`).
//! * **Rounding.** A figure is as precise as its last written digit: `lo`/`hi` are the value ±
//!   half a unit of that digit, scaled by the scale words after it (`$26.3 billion` → 26.25e9 ..
//!   26.35e9). Trailing zeros are taken as written digits: `$100 billion` → 99.5e9 .. 100.5e9,
//!   `3000` → 2999.5 .. 3000.5, and `two hundred billion` reads like `200 billion`.
//!   Number words are precise to the unit before the scale words (`三百万` = `300万`, ±5000);
//!   digits followed by a multiplier are as precise as their last digit times the multiplier
//!   (`5.5 หมื่นล้าน` = 5.5 × 1e10 ± 0.05 × 1e10, `3千` = 3000 ± 500).
//! * **Approximations** widen the interval the words allow (`lo`..`hi`) to the hull of the rounding interval and
//!   `[value × lo, value × hi]`, with the factors of `approx_widths` (common file: about 0.9..1.1,
//!   over and at_least 1..1.5, under 0.5..1, up_to 0..1); the figure they state (`stated`)
//!   keeps the number written with its rounding (see [`Approx`] for the table). Vague amounts (`tens of billions`,
//!   `数十亿`) take their interval from the `vague` entry (`lo`..`hi` times what follows) and
//!   their value is the geometric middle. Ranges keep both ends in `ends`, `value` is the middle,
//!   `lo`/`hi` the rounding of each end.
//! * **Words.** Surfaces match whole words in spaced scripts and anywhere in Chinese and Thai,
//!   the longest first; a `*` ends a stem, also inside a surface of several words (`тайваньск*
//!   доллар*` matches `тайваньских долларов`, `supérieur* à` matches `supérieure à`); the
//!   language's `fold` makes accents or traditional characters optional.
//! * **Units and currencies.** A currency may come before or after the number, a unit after it
//!   (or before, with `prefix`); a hyphen may join them (`a 1,310-megawatt plant`). A currency
//!   word several currencies share (`generic`: `元`) gives way to a named one around the same
//!   number (`新台币9899亿元` is TWD); two named currencies refuse the reading. A sub-unit with a
//!   `code` names its currency alone (`20 стотинки` = 0.2 BGN). A `rates` word makes a physical
//!   unit a rate (`barrels per day`, `每日…桶` → `bbl/d`); after a currency, a `per_unit` word and
//!   a unit make a price in that currency (`$70 per barrel` is 70 USD, the step says per bbl).
//!   The unit's abbreviation in brackets is the same unit (`barriles … (bep)`). A currency or unit
//!   declared `ambiguous` says why in its step (`francs CFA`: XOF, or XAF).
//! * **Surrounding words.** [`find_figures`] reads every figure in a sentence and skips words it
//!   does not know. [`read_figure`] reads a value field: unknown words around the figure are
//!   tolerated and named in a step (`not read: words around the figure`: `3 万个企业职位`,
//!   `0.5 kilograms of strawberries`), an article that is also `one` standing alone beside the
//!   figure is an article (`un record de 54 millions`); but it fails when it finds no
//!   figure, two different figures, or a scale, currency or unit word that belongs to no figure
//!   (`100 new billion`), or an unknown abbreviation right after the number (`5 bil.`), since
//!   then the figure could be misread. Two figures are still one
//!   reading when they are the same (`forty-five (45)`), when the second is a conversion in
//!   brackets (`$1.2 billion (€1.1 billion)`), or when one is a lower and the other an upper
//!   bound (`above 1000 and below 1500`, `至少10最多20`: a range).
//! * **Scale ambiguity.** Scale words declared `ambiguous` in the YAML (pl `bilion`, de
//!   `Billion`, es `billón`, fr `billion`, it `bilione`: 10^12 on the long scale, but a
//!   translated English billion; bg `билион`, ru `биллион`: 10^9, but a translated long-scale
//!   billion) set `scale_ambiguity` with the reason and say so in the steps. Short-scale words
//!   with a word of their own for 10^9 are not ambiguous (bg `трилион`, ru `триллион` = 10^12).
//!   Each language file names the source its scale words were checked against.
//! * **Approximations before multipliers.** An approximation declared `before_multiplier` counts
//!   only right before a multiplier or scale word (`上千亿`: over 1e11; in `上半年` it is no
//!   approximation).
//!
//! Linear time: the word tries are walked at most the length of their longest surface from each
//! position (a `*` inside a surface adds the rest of one word, at most 64 times a walk), words of
//! spaced scripts are only matched at word starts, and each token is parsed a bounded number of
//! times.

mod lexicon;
mod read;

pub use lexicon::{FigureLang, FigureLangFile, FullSpec, Settings, Spec, Width};
pub use read::find_figures;

use crate::reading::Step;
use serde::{Deserialize, Serialize};

/// How approximate a figure is, and what each kind means for the two readings of a figure.
///
/// Every figure has two readings: the interval the words **allow** (`lo..hi`, decides whether a
/// figure can be contradicted: only when even this cannot hold) and the figure they **state**
/// (`stated`, decides whether two figures are the same one: period drift, revisions, the best
/// estimate, charts). The widths are data (`approx_widths` in `rules/lang/common/figures.yaml`);
/// `docs/comparison.md` carries the same table with the sources of each choice.
///
/// | kind | written | allowed (default widths) | stated |
/// |---|---|---|---|
/// | none | `$26.3 billion` | rounding of the last digit: 26.25e9..26.35e9 | the same |
/// | `About` | about, nearly, около, 约 | hull of rounding and ±10% | the number with its rounding |
/// | `Over` / `AtLeast` | more than, at least, 超过 | the number .. ×1.5 | the number with its rounding |
/// | `Under` | less than, under, 不到 | ×0.5 .. the number | the number with its rounding |
/// | `UpTo` | up to, at most, 最多 | 0 .. the number | the number with its rounding |
/// | `Range` | $64-72 billion | from one end's rounding to the other's | the same |
/// | `Vague` | tens of billions, 数十亿 | the `vague` entry's span | the same: it names no number |
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
    /// The interval the words allow (rounding, approximation, vagueness, ranges): a figure is
    /// only contradicted when even this cannot hold.
    pub lo: f64,
    pub hi: f64,
    /// The figure the words point at: the number written, with its own rounding, whatever
    /// approximation word stands before it ("up to $200 billion" → 199.5e9..200.5e9). Used to ask
    /// "is this the same figure" (period drift, revisions, the best estimate, charts). A range is
    /// its two ends; a vague amount ("tens of billions") points at its whole interval.
    pub stated: (f64, f64),
    /// A unit code: an ISO 4217 currency, `%`, `pp`, or a physical unit such as `GW`; `None` for a bare number.
    pub unit: Option<String>,
    /// The currency was named by a word several currencies share (`元`: CNY, TWD, HKD): a claim
    /// on an entity that declares its `currency` reads it as that one.
    pub generic_currency: bool,
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
