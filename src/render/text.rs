//! Text for people at a terminal: a table per entity and metric, relations, sources, findings.

use crate::report::Report;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

/// Text: a table per entity and metric, then the findings. `width` fixes the table width.
pub fn report(report: &Report, width: u16) -> String {
    let mut out = String::new();
    for table in &report.tables {
        out.push_str(&format!("\n{} — {}\n", table.entity, table.metric));
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_header([
                "Period",
                "Source",
                "As reported",
                "Normalised",
                "Status",
                "Verdict",
                "Claim",
            ]);
        for r in &table.rows {
            t.add_row([
                &r.period,
                &r.source,
                &r.figure,
                &r.normalised,
                &r.status,
                &r.verdict,
                &r.claim,
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    if !report.relations.is_empty() {
        out.push_str("\nRelations\n");
        for r in &report.relations {
            out.push_str(&format!(
                "  [{}] {} ({})\n      {}\n",
                r.outcome, r.statement, r.claim, r.arithmetic
            ));
        }
    }
    if !report.sources.is_empty() {
        out.push_str("\nSources (reliability learned across the corpus; 1 = average)\n");
        for s in &report.sources {
            out.push_str(&format!(
                "  {:<28} {:>5.2}  agreed {}, disagreed {}  ({})\n",
                s.origin,
                s.reliability,
                s.agreed,
                s.disagreed,
                s.publishers.join(", ")
            ));
        }
    }
    out.push('\n');
    out.push_str(&findings(report));
    out
}

/// The findings alone, as `check` prints them.
pub fn findings(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let waived = f
            .waived
            .as_ref()
            .map(|r| format!(" (waived: {r})"))
            .unwrap_or_else(|| {
                if f.new {
                    String::new()
                } else {
                    " (in the baseline)".to_string()
                }
            });
        let place = f
            .locations
            .first()
            .map(|l| format!("{}:{}:{}: ", l.file, l.line, l.column))
            .unwrap_or_default();
        out.push_str(&format!(
            "{place}{} [{}] {}{waived}\n",
            f.severity.name(),
            f.kind.name(),
            f.message
        ));
        for l in f.locations.iter().skip(1) {
            out.push_str(&format!("    also {}:{}:{}\n", l.file, l.line, l.column));
        }
        for e in &f.explanation {
            out.push_str(&format!("    read {e}\n"));
        }
    }
    for entry in &report.stale_baseline {
        out.push_str(&format!(
            "warning: baseline entry matches nothing any more ({}: {}); run `crosscheck baseline --prune`\n",
            entry.kind.name(),
            entry.claims.join(", ")
        ));
    }
    let new = report.findings.iter().filter(|f| !f.new).count();
    if new > 0 {
        out.push_str(&format!("{new} finding(s) accepted by the baseline\n"));
    }
    out.push_str(&format!("{}\n", summary_line(report)));
    out
}

/// `61 claims in 5 files: 1 error, 3 warnings, 0 infos`.
pub fn summary_line(report: &Report) -> String {
    let n =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{} in {}: {}, {}, {}",
        n(report.claims, "claim"),
        n(report.files, "file"),
        n(report.summary.error, "error"),
        n(report.summary.warning, "warning"),
        n(report.summary.info, "info")
    )
}
