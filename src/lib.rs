//! crosscheck: cross-verifies figures that different sources report, in many languages.
//!
//! Data flows one way: load → read figures and periods → reconcile → check → report.

pub mod figure;
pub mod period;
pub mod reading;
