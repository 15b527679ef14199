//! Text for people at a terminal: a table per entity and metric, relations, sources, findings.

use crate::finding::Severity;
use crate::report::{Report, TableRows};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table};
use std::io::{self, Write};

/// How text output looks: the table width (`None`: the terminal's) and whether to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub width: Option<u16>,
    pub color: bool,
}

impl Style {
    /// Fixed width, no colour: what files, pipes and tests get.
    pub const PLAIN: Style = Style {
        width: Some(120),
        color: false,
    };
}

fn verdict_color(verdict: &str) -> Option<Color> {
    match verdict {
        "consistent" => Some(Color::Green),
        "contradiction" => Some(Color::Red),
        "revised" | "superseded" => Some(Color::Yellow),
        "drift" => Some(Color::Magenta),
        _ => None,
    }
}

fn paint(text: &str, severity: Severity, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match severity {
        Severity::Error => "31;1",
        Severity::Warning => "33;1",
        Severity::Info => "36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Text: a table per entity and metric, relations, sources, then the findings, written as they
/// are made.
pub fn write_report(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    super::write_tables(report, None, out, |t| table(t, style))?;
    if !report.relations.is_empty() {
        out.write_all(b"\nRelations\n")?;
        for r in &report.relations {
            write!(
                out,
                "  [{}] {} ({})\n      {}\n",
                r.outcome, r.statement, r.claim, r.arithmetic
            )?;
        }
    }
    if !report.sources.is_empty() {
        out.write_all(b"\nSources (reliability learned across the corpus; 1 = average)\n")?;
        for s in &report.sources {
            writeln!(
                out,
                "  {:<28} {:>5.2}  agreed {}, disagreed {}  ({})",
                s.origin,
                s.reliability,
                s.agreed,
                s.disagreed,
                s.publishers.join(", ")
            )?;
        }
    }
    out.write_all(b"\n")?;
    out.write_all(findings(report, style.color).as_bytes())
}

fn table(t: &TableRows, style: Style) -> String {
    let mut out = format!("\n{} — {}\n", t.table.entity, t.table.metric);
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header([
        "Period",
        "Source",
        "As reported",
        "Normalised",
        "Status",
        "Verdict",
    ]);
    for r in &t.rows {
        let mut verdict = Cell::new(r.verdict_text());
        if let (true, Some(c)) = (style.color, verdict_color(&r.verdict)) {
            verdict = verdict.fg(c);
        }
        table.add_row(vec![
            Cell::new(&r.period),
            Cell::new(format!("{}\n{}", r.source, r.claim)),
            Cell::new(&r.figure),
            Cell::new(&r.normalised),
            Cell::new(&r.status),
            verdict,
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// The findings alone, as `check` prints them.
pub fn findings(report: &Report, color: bool) -> String {
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
            paint(f.severity.name(), f.severity, color),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_colours_only_when_asked() {
        assert_eq!(paint("error", Severity::Error, false), "error");
        assert_eq!(
            paint("error", Severity::Error, true),
            "\x1b[31;1merror\x1b[0m"
        );
    }
}
