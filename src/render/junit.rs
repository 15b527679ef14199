//! JUnit XML: one test case per group (entity, metric, period), failing on its error findings;
//! findings outside any group (an unreadable claim) get a test case of their own.

use crate::finding::{Finding, Severity};
use crate::report::Report;
use std::collections::BTreeMap;

fn escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            other => other.to_string(),
        })
        .collect()
}

pub fn render(report: &Report) -> String {
    let mut cases: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for g in &report.groups {
        let name = format!(
            "{} {} {} ({})",
            g.entity,
            g.metric,
            g.period_label,
            family(g)
        );
        cases.entry(name).or_default();
    }
    for f in &report.findings {
        let name = match report
            .groups
            .iter()
            .find(|g| f.claims.iter().any(|c| g.claims.contains(c)))
        {
            Some(g) => format!(
                "{} {} {} ({})",
                g.entity,
                g.metric,
                g.period_label,
                family(g)
            ),
            None => format!("{} {}", f.kind.name(), f.claims.join(", ")),
        };
        cases.entry(name).or_default().push(f);
    }
    let failing = |fs: &[&Finding]| {
        fs.iter()
            .any(|f| f.severity == Severity::Error && f.new && f.waived.is_none())
    };
    let failures = cases.values().filter(|fs| failing(fs)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"crosscheck\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"crosscheck\" tests=\"{}\" failures=\"{failures}\">\n",
        cases.len(),
        cases.len()
    ));
    for (name, findings) in &cases {
        out.push_str(&format!(
            "    <testcase classname=\"crosscheck\" name=\"{}\"",
            escape(name)
        ));
        if findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        for f in findings {
            let place = f
                .locations
                .first()
                .map(|l| format!("{}:{}:{}: ", l.file, l.line, l.column))
                .unwrap_or_default();
            let body = escape(&format!(
                "{place}{}\n{}",
                f.message,
                f.explanation.join("\n")
            ));
            if f.severity == Severity::Error && f.new && f.waived.is_none() {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{body}</failure>\n",
                    f.kind.name(),
                    escape(&f.message)
                ));
            } else {
                out.push_str(&format!(
                    "      <system-out>{} [{}] {body}</system-out>\n",
                    f.severity.name(),
                    f.kind.name()
                ));
            }
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn family(g: &crate::report::GroupReport) -> &'static str {
    match g.family {
        crate::claim::Family::Happened => "actual",
        crate::claim::Family::Expected => "expected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
