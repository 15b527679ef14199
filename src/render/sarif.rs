//! SARIF 2.1.0: one result per finding, with the location of every claim involved.

use crate::finding::{Kind, Severity};
use crate::report::Report;
use serde_json::{json, Value};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF log for the report's findings.
pub fn log(report: &Report) -> Value {
    let rules: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| {
            json!({
                "id": k.name(),
                "name": k.name(),
                "shortDescription": {"text": k.summary()},
                "defaultConfiguration": {"level": level(k.default_severity())},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let locations: Vec<Value> = f
                .locations
                .iter()
                .map(|l| {
                    json!({"physicalLocation": {
                        "artifactLocation": {"uri": l.file.replace('\\', "/")},
                        "region": {"startLine": l.line.max(1), "startColumn": l.column.max(1)},
                    }})
                })
                .collect();
            let mut result = json!({
                "ruleId": f.kind.name(),
                "ruleIndex": Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": locations,
                "partialFingerprints": {"crosscheck/v1": f.fingerprint},
                "properties": {"claims": f.claims, "new": f.new, "explanation": f.explanation},
            });
            if let Some(reason) = &f.waived {
                result["suppressions"] = json!([{"kind": "inSource", "justification": reason}]);
            }
            if !f.new {
                result["baselineState"] = json!("unchanged");
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.org/crosscheck",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(&log(report)).unwrap_or_default()
}
