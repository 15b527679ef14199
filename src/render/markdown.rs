//! GitHub-flavoured Markdown: the same tables, relations, sources and findings, details folded.

use crate::report::{Report, TableRows};
use std::io::{self, Write};

/// GitHub-flavoured Markdown: the same tables and findings, written as they are made.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "# crosscheck report\n\n{}.\n",
        super::text::summary_line(report)
    )?;
    super::write_tables(report, None, out, table)?;
    if !report.relations.is_empty() {
        out.write_all(
            b"\n## Relations\n\n| Relation | Arithmetic | Outcome | Claim |\n|---|---|---|---|\n",
        )?;
        for r in &report.relations {
            out.write_all(line(&[&r.statement, &r.arithmetic, &r.outcome, &r.claim]).as_bytes())?;
        }
    }
    if !report.sources.is_empty() {
        out.write_all(b"\n## Sources\n\n| Origin | Reliability | Agreed | Disagreed | Publishers |\n|---|---|---|---|---|\n")?;
        for s in &report.sources {
            writeln!(
                out,
                "| {} | {:.2} | {} | {} | {} |",
                s.origin,
                s.reliability,
                s.agreed,
                s.disagreed,
                s.publishers.join(", ")
            )?;
        }
    }
    out.write_all(b"\n## Findings\n\n")?;
    for f in &report.findings {
        let waived = f
            .waived
            .as_ref()
            .map(|r| format!(" *(waived: {r})*"))
            .unwrap_or_default();
        writeln!(
            out,
            "- **{}** `{}` {}{waived}",
            f.severity.name(),
            f.kind.name(),
            f.message
        )?;
        if !f.explanation.is_empty() {
            out.write_all(b"  <details><summary>how the figures were read</summary>\n\n")?;
            for e in &f.explanation {
                writeln!(out, "  - {e}")?;
            }
            out.write_all(b"  </details>\n")?;
        }
    }
    Ok(())
}

fn table(t: &TableRows) -> String {
    let mut out = format!("\n## {} — {}\n\n", t.table.entity, t.table.metric);
    out.push_str("| Period | Source | As reported | Normalised | Status | Verdict | Claim |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    for r in &t.rows {
        let verdict = r.verdict_text();
        let cells = [
            &r.period,
            &r.source,
            &r.figure,
            &r.normalised,
            &r.status,
            &verdict,
            &r.claim,
        ];
        out.push_str(&line(&cells));
    }
    out
}

/// A table line, `|` in the cells escaped.
fn line(cells: &[&String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
    format!("| {} |\n", cells.join(" | "))
}
