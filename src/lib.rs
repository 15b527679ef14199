//! crosscheck: cross-verifies figures that different sources report, in many languages.
//!
//! Data flows one way: load → read figures and periods → reconcile → check → report.

pub mod add;
pub mod baseline;
pub mod chain;
pub mod check;
pub mod claim;
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod estimate;
pub mod extract;
pub mod figure;
pub mod files;
pub mod finding;
pub mod fx;
pub mod load;
pub mod period;
pub mod reading;
pub mod relation;
pub mod render;
pub mod report;
pub mod rules;
mod script;
pub mod sentences;
