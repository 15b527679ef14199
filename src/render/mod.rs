//! Renderers: one file per output format, each turning the one [`crate::report::Report`] into text
//! (or, for Parquet, bytes).

pub mod chart;
pub mod claimreview;
pub mod csv;
pub mod export;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod parquet;
pub mod sarif;
pub mod text;
