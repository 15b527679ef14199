//! GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=..::message`.
//!
//! GitHub shows only a few annotations per step, so `check --format github` also writes the full
//! Markdown report to `$GITHUB_STEP_SUMMARY` (done at the edge, in `cli`).

use crate::finding::Severity;
use crate::report::Report;

/// Escapes a message: `%`, carriage returns and newlines.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let command = match (f.severity, f.waived.is_some() || !f.new) {
            (_, true) | (Severity::Info, _) => "notice",
            (Severity::Error, false) => "error",
            (Severity::Warning, false) => "warning",
        };
        let mut props = Vec::new();
        if let Some(l) = f.locations.first() {
            props.push(format!("file={}", escape_property(&l.file)));
            props.push(format!("line={}", l.line));
            props.push(format!("col={}", l.column));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("crosscheck {}", f.kind.name()))
        ));
        let mut message = f.message.clone();
        if !f.explanation.is_empty() {
            message.push('\n');
            message.push_str(&f.explanation.join("\n"));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_commas_and_colons_are_escaped() {
        assert_eq!(escape_data("a\nb%c"), "a%0Ab%25c");
        assert_eq!(
            escape_property("claims/a.yaml, line: 3"),
            "claims/a.yaml%2C line%3A 3"
        );
    }
}
