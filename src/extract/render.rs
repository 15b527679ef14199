//! Writing a draft as a claims file (the spec's first shape: `source:` then `claims:`).
//!
//! What the editor must decide is marked `TODO(editor)` in a comment: an entity or a metric
//! that could not be guessed is written `""`, which the loader refuses, so the file cannot be
//! used before someone has looked at it; a missing period or status is a comment line.

use super::{Draft, DraftClaim, ExtractOptions};

/// The draft as a claims file: valid YAML, and a valid claims file once every `""` entity and
/// metric is filled in.
pub fn render_yaml(draft: &Draft, options: &ExtractOptions) -> String {
    let mut out = String::new();
    let from = options.archive.unwrap_or("the article");
    out.push_str(&format!(
        "# DRAFT drafted by `crosscheck extract` from {from}: {} figures in {} sentences.\n",
        draft.claims.len(),
        draft.sentences
    ));
    out.push_str(
        "# Review it before moving it into claims/:\n\
         #  - keep the claims worth keeping and delete the others (one claim per figure found);\n\
         #  - fill in every `\"\"` marked TODO(editor) (the file does not load until then);\n\
         #  - check every guess: each claim's notes say what was guessed, from what, how sure;\n\
         #  - add periods the article implies, statuses, counterparties and relations by hand.\n",
    );
    out.push_str("source:\n");
    out.push_str(&format!("  publisher: {}\n", scalar(options.publisher)));
    if let Some(t) = options.title {
        out.push_str(&format!("  title: {}\n", scalar(t)));
    }
    out.push_str(&format!(
        "  published: {}\n",
        scalar(&options.published.describe())
    ));
    out.push_str(&format!("  lang: {}\n", scalar(options.lang)));
    if let Some(a) = options.archive {
        out.push_str(&format!("  archive: {}\n", scalar(a)));
    }
    if draft.claims.is_empty() {
        out.push_str("claims: []\n");
    } else {
        out.push_str("claims:\n");
    }
    for (i, claim) in draft.claims.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        claim_yaml(&mut out, claim);
    }
    if !draft.skipped.is_empty() {
        out.push_str("\n# Numbers not drafted:\n");
        for s in &draft.skipped {
            out.push_str(&format!(
                "#   {} ({})\n",
                one_line(&s.text),
                one_line(&s.reason)
            ));
        }
    }
    out
}

fn claim_yaml(out: &mut String, c: &DraftClaim) {
    out.push_str(&format!("  - id: {}\n", scalar(&c.id)));
    match &c.entity {
        Some(e) => out.push_str(&format!("    entity: {}\n", scalar(e))),
        None => out.push_str(
            "    entity: \"\"   # TODO(editor): who is this figure about? (rules/entities.yaml)\n",
        ),
    }
    match &c.metric {
        Some(m) => out.push_str(&format!("    metric: {}\n", scalar(m))),
        None => {
            out.push_str("    metric: \"\"   # TODO(editor): which metric? (rules/metrics.yaml)\n")
        }
    }
    out.push_str(&format!("    value: {}\n", scalar(&c.value)));
    match &c.period {
        Some(p) => out.push_str(&format!("    period: {}\n", scalar(p))),
        None => out.push_str(
            "    # period: TODO(editor): none written in the sentence; add one if the article implies it\n",
        ),
    }
    match c.status {
        Some(s) => out.push_str(&format!("    status: {}\n", s.name())),
        None => out.push_str(
            "    # status: TODO(editor): actual | estimate | forecast | plan | target | commitment\n",
        ),
    }
    out.push_str(&format!("    quote: {}\n", scalar(&c.quote)));
    out.push_str(&format!(
        "    notes: {}\n",
        scalar(&format!("DRAFT: {}", c.notes))
    ));
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML scalar: plain when that reads back as the same string, else double-quoted.
pub(crate) fn scalar(s: &str) -> String {
    if plain_ok(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s || s.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    // Anything YAML would read as another type, or that a reader could mistake for one.
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
    ) {
        return false;
    }
    if s.chars()
        .all(|c| c.is_ascii_digit() || "+-._eExXoO:".contains(c))
    {
        return false;
    }
    // Line separators and other characters some YAML readers treat as breaks.
    !s.chars()
        .any(|c| matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let n = c as u32;
                if n <= 0xFF {
                    out.push_str(&format!("\\x{n:02x}"));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
