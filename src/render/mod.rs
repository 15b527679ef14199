//! Renderers: one file per output format, each turning the one [`crate::report::Report`] into text.

pub mod json;
pub mod markdown;
pub mod text;
