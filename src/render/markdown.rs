//! GitHub-flavoured Markdown: the same tables, relations, sources and findings, details folded.

use crate::report::Report;

/// GitHub-flavoured Markdown: the same tables and findings.
pub fn report(report: &Report) -> String {
    let mut out = String::from("# crosscheck report\n\n");
    out.push_str(&format!("{}.\n", super::text::summary_line(report)));
    for table in &report.tables {
        out.push_str(&format!("\n## {} — {}\n\n", table.entity, table.metric));
        out.push_str("| Period | Source | As reported | Normalised | Status | Verdict | Claim |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        for r in &table.rows {
            let cells = [
                &r.period,
                &r.source,
                &r.figure,
                &r.normalised,
                &r.status,
                &r.verdict,
                &r.claim,
            ];
            let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    if !report.relations.is_empty() {
        out.push_str(
            "\n## Relations\n\n| Relation | Arithmetic | Outcome | Claim |\n|---|---|---|---|\n",
        );
        for r in &report.relations {
            let cells = [&r.statement, &r.arithmetic, &r.outcome, &r.claim];
            let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    if !report.sources.is_empty() {
        out.push_str("\n## Sources\n\n| Origin | Reliability | Agreed | Disagreed | Publishers |\n|---|---|---|---|---|\n");
        for s in &report.sources {
            out.push_str(&format!(
                "| {} | {:.2} | {} | {} | {} |\n",
                s.origin,
                s.reliability,
                s.agreed,
                s.disagreed,
                s.publishers.join(", ")
            ));
        }
    }
    out.push_str("\n## Findings\n\n");
    for f in &report.findings {
        let waived = f
            .waived
            .as_ref()
            .map(|r| format!(" *(waived: {r})*"))
            .unwrap_or_default();
        out.push_str(&format!(
            "- **{}** `{}` {}{waived}\n",
            f.severity.name(),
            f.kind.name(),
            f.message
        ));
        if !f.explanation.is_empty() {
            out.push_str("  <details><summary>how the figures were read</summary>\n\n");
            for e in &f.explanation {
                out.push_str(&format!("  - {e}\n"));
            }
            out.push_str("  </details>\n");
        }
    }
    out
}
