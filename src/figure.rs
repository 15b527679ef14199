//! Reading a figure as written ("$26.3 billion", "2000 亿美元") into a value, an interval and a unit.
//!
//! Placeholder: the reader is being written on the `figure` branch.

use crate::reading::Step;
use serde::{Deserialize, Serialize};

/// What a language's figure words are, as declared in `rules/lang/<code>/figures.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FigureLang {}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct FigureLangFile {}

impl FigureLang {
    pub fn build(_files: &[&FigureLangFile]) -> Result<FigureLang, String> {
        Ok(FigureLang {})
    }
}

/// How approximate a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// Why a figure could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason}")]
pub struct FigureError {
    pub reason: String,
}

/// Reads `text` with the words of one language.
pub fn read_figure(_text: &str, _lang: &FigureLang) -> Result<Figure, FigureError> {
    Err(FigureError {
        reason: "the figure reader is not written yet".into(),
    })
}

/// Every figure in a sentence, with its byte range.
pub fn find_figures(_text: &str, _lang: &FigureLang) -> Vec<(std::ops::Range<usize>, Figure)> {
    Vec::new()
}
