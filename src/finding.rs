//! A finding: what a check says about one or more claims. Every output format renders this one struct.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How much a finding matters. Ordered so that `Error` is the greatest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The kinds of finding, with stable names (they appear in waivers, policies and baselines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Contradiction,
    DerivedMismatch,
    QuoteMismatch,
    QuoteNotInSource,
    UnitMismatch,
    Unreadable,
    PeriodDrift,
    PrematureActual,
    ScaleAmbiguity,
    Revision,
    SingleOrigin,
    UnusedWaiver,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Contradiction,
        Kind::DerivedMismatch,
        Kind::QuoteMismatch,
        Kind::QuoteNotInSource,
        Kind::UnitMismatch,
        Kind::Unreadable,
        Kind::PeriodDrift,
        Kind::PrematureActual,
        Kind::ScaleAmbiguity,
        Kind::Revision,
        Kind::SingleOrigin,
        Kind::UnusedWaiver,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Contradiction => "contradiction",
            Kind::DerivedMismatch => "derived-mismatch",
            Kind::QuoteMismatch => "quote-mismatch",
            Kind::QuoteNotInSource => "quote-not-in-source",
            Kind::UnitMismatch => "unit-mismatch",
            Kind::Unreadable => "unreadable",
            Kind::PeriodDrift => "period-drift",
            Kind::PrematureActual => "premature-actual",
            Kind::ScaleAmbiguity => "scale-ambiguity",
            Kind::Revision => "revision",
            Kind::SingleOrigin => "single-origin",
            Kind::UnusedWaiver => "unused-waiver",
        }
    }

    /// One line on what the kind flags (SARIF rule descriptions, documentation).
    pub fn summary(self) -> &'static str {
        match self {
            Kind::Contradiction => "independent claims on the same entity, metric, period and status give figures that cannot both hold",
            Kind::DerivedMismatch => "a relation (growth, share, aggregate, quarterly sum, run rate) does not hold against the amounts given elsewhere",
            Kind::QuoteMismatch => "the quote does not contain the figure given in value",
            Kind::QuoteNotInSource => "the quote is not in the source's archived text",
            Kind::UnitMismatch => "the value's unit does not fit the metric",
            Kind::Unreadable => "a value or period could not be read",
            Kind::PeriodDrift => "sources give the same figure for different periods",
            Kind::PrematureActual => "an actual figure for a period that had not ended when the document was published",
            Kind::ScaleAmbiguity => "a scale word that means different amounts in different conventions",
            Kind::Revision => "an expected figure changed between documents of different dates; the newer supersedes",
            Kind::SingleOrigin => "every source of a figure relays the same original reporter",
            Kind::UnusedWaiver => "a waiver that matches no finding",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Kind::Contradiction
            | Kind::DerivedMismatch
            | Kind::QuoteMismatch
            | Kind::QuoteNotInSource
            | Kind::UnitMismatch
            | Kind::Unreadable => Severity::Error,
            Kind::PeriodDrift
            | Kind::PrematureActual
            | Kind::ScaleAmbiguity
            | Kind::UnusedWaiver => Severity::Warning,
            Kind::Revision | Kind::SingleOrigin => Severity::Info,
        }
    }
}

/// Where a claim (or one of its fields) stands in its file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Shared by every location in one file.
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
}

/// One finding. `claims` and `locations` run in parallel: the location of each claim involved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub severity: Severity,
    pub claims: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// One line, with the normalised figures.
    pub message: String,
    /// How each figure and period was read, so that a fact-checker can see why.
    pub explanation: Vec<String>,
    /// Whether the finding is not accepted by the baseline.
    pub new: bool,
    /// The reason a claim's `waive:` gives for accepting this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<String>,
    pub locations: Vec<Location>,
    /// Stable across runs and line moves: kind, sorted claim ids, normalised figures.
    pub fingerprint: String,
    /// For a revision chain: the claim that first stated each version, first → latest.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub versions: Vec<String>,
}

impl Finding {
    /// Sort key: most severe first, then by place.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            std::cmp::Reverse(self.severity),
            self.locations.first(),
            self.kind,
            &self.claims,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(*k));
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.name()));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Kind::ALL.len());
    }
}
