//! The steps of a reading: how a figure or a period was understood, token by token.

use serde::Serialize;

/// One step of a reading: a piece of the input and what it was taken to mean.
///
/// `"亿" → "×1e8"`, `"ปี 2568" → "Buddhist era 2568 = 2025"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub token: String,
    pub meaning: String,
}

impl Step {
    pub fn new(token: impl Into<String>, meaning: impl Into<String>) -> Self {
        Step {
            token: token.into(),
            meaning: meaning.into(),
        }
    }
}

/// Renders steps as `2000 → 2000; 亿 → ×1e8; 美元 → USD`.
pub fn describe<'a>(steps: impl IntoIterator<Item = &'a Step>) -> String {
    let mut out = String::new();
    write_steps(&mut out, steps);
    out
}

/// Writes [`describe`]'s form into `out`.
pub fn write_steps<'a>(out: &mut String, steps: impl IntoIterator<Item = &'a Step>) {
    for (n, step) in steps.into_iter().enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        out.push_str(&step.token);
        out.push_str(" → ");
        out.push_str(&step.meaning);
    }
}
