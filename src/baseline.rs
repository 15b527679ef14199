//! The baseline: accepted error-level findings, keyed by fingerprint, so that CI fails only on
//! new ones. Fingerprints carry no line numbers: moving a claim does not break them.

use crate::finding::{Finding, Kind, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub kind: Kind,
    pub claims: Vec<String>,
    /// The message when the entry was written, for people reading the file.
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// What wrote the file and how to refresh it.
    #[serde(default)]
    pub comment: String,
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// The baseline of the error-level findings that no waiver accepts.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.waived.is_none())
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                kind: f.kind,
                claims: f.claims.clone(),
                message: f.message.clone(),
            })
            .collect();
        entries.sort();
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            comment: "Accepted error-level findings: `crosscheck check` fails only on findings not listed here. Refresh with `crosscheck baseline`; drop entries that match nothing with `crosscheck baseline --prune`.".into(),
            findings: entries,
        }
    }

    /// Marks the findings the baseline accepts as not new; returns the entries that matched nothing.
    pub fn apply(&self, findings: &mut [Finding]) -> Vec<&Entry> {
        let known: BTreeSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut matched = BTreeSet::new();
        for f in findings.iter_mut() {
            if known.contains(f.fingerprint.as_str()) {
                f.new = false;
                matched.insert(f.fingerprint.clone());
            }
        }
        self.findings
            .iter()
            .filter(|e| !matched.contains(&e.fingerprint))
            .collect()
    }

    /// This baseline without the entries that match none of `findings`.
    pub fn pruned(&self, findings: &[Finding]) -> Baseline {
        let current: BTreeSet<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
        Baseline {
            comment: self.comment.clone(),
            findings: self
                .findings
                .iter()
                .filter(|e| current.contains(e.fingerprint.as_str()))
                .cloned()
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn from_json(text: &str) -> Result<Baseline, serde_json::Error> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(fingerprint: &str, severity: Severity) -> Finding {
        Finding {
            kind: Kind::Contradiction,
            severity,
            claims: vec!["a".into(), "b".into()],
            entity: None,
            metric: None,
            period: None,
            message: "m".into(),
            explanation: vec![],
            new: true,
            waived: None,
            locations: vec![],
            fingerprint: fingerprint.into(),
            versions: vec![],
        }
    }

    #[test]
    fn accepted_findings_are_not_new_and_stale_entries_are_reported() {
        let old = Baseline::from_findings(&[
            finding("x", Severity::Error),
            finding("gone", Severity::Error),
        ]);
        let mut now = vec![finding("x", Severity::Error), finding("y", Severity::Error)];
        let stale: Vec<String> = old
            .apply(&mut now)
            .iter()
            .map(|e| e.fingerprint.clone())
            .collect();
        assert!(!now[0].new);
        assert!(now[1].new);
        assert_eq!(stale, vec!["gone"]);
        assert_eq!(old.pruned(&now).findings.len(), 1);
    }

    #[test]
    fn only_errors_are_baselined() {
        let b = Baseline::from_findings(&[finding("w", Severity::Warning)]);
        assert!(b.findings.is_empty());
    }

    #[test]
    fn round_trips_through_json() {
        let b = Baseline::from_findings(&[finding("x", Severity::Error)]);
        assert_eq!(Baseline::from_json(&b.to_json()).unwrap(), b);
    }
}
