//! Adding a claim to a claims file as text: the new claim is appended to the file's claim list,
//! and every byte the file already held (comments, order, quoting) is kept.

use crate::claim::Status;

/// The fields of a claim to add, as the editor gave them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewClaim {
    pub id: String,
    pub entity: String,
    pub metric: String,
    pub value: String,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub status: Option<Status>,
    pub quote: Option<String>,
    pub notes: Option<String>,
    pub counterparty: Option<String>,
}

/// The source block of a new file (`--new-source`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewSource {
    pub publisher: String,
    pub published: String,
    pub lang: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub via: Option<String>,
}

/// Why a claim cannot be appended to a file's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppendError {
    #[error("the file has no top-level `claims:` list to append to")]
    NoClaimsList,
    #[error("`claims:` is a flow sequence (`[...]`) on line {0}; write it as a block list (`- id: ...`) to append to it")]
    FlowSequence(usize),
}

/// A YAML scalar for `text`: plain where that is safe, else double-quoted.
pub fn scalar(text: &str) -> String {
    let plain_safe = !text.is_empty()
        && text.trim() == text
        && !text.contains([':', '#', '\n', '\r', '\t', '"', '\'', '\\'])
        && !text.starts_with([
            '-', '?', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '$',
        ])
        && !text.contains([',', '[', ']', '{', '}'])
        && text.parse::<f64>().is_err()
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
        );
    if plain_safe {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| format!("\"{}\"", text.escape_default()))
    }
}

/// The claim as a block-sequence item, each line indented by `indent` spaces.
pub fn render_claim(claim: &NewClaim, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut fields: Vec<(&str, String)> =
        vec![("id", scalar(&claim.id)), ("entity", scalar(&claim.entity))];
    if let Some(c) = &claim.counterparty {
        fields.push(("counterparty", scalar(c)));
    }
    fields.push(("metric", scalar(&claim.metric)));
    fields.push(("value", scalar(&claim.value)));
    if let Some(u) = &claim.unit {
        fields.push(("unit", scalar(u)));
    }
    if let Some(p) = &claim.period {
        fields.push(("period", scalar(p)));
    }
    if let Some(s) = claim.status {
        fields.push(("status", s.name().to_string()));
    }
    if let Some(q) = &claim.quote {
        fields.push(("quote", scalar(q)));
    }
    if let Some(n) = &claim.notes {
        fields.push(("notes", scalar(n)));
    }
    let mut out = String::new();
    for (i, (key, value)) in fields.iter().enumerate() {
        let lead = if i == 0 {
            format!("{pad}- ")
        } else {
            format!("{pad}  ")
        };
        out.push_str(&format!("{lead}{key}: {value}\n"));
    }
    out
}

/// A new claims file: the source block and the claim.
pub fn new_file(source: &NewSource, claim: &NewClaim) -> String {
    let mut out = String::from("source:\n");
    out.push_str(&format!("  publisher: {}\n", scalar(&source.publisher)));
    if let Some(t) = &source.title {
        out.push_str(&format!("  title: {}\n", scalar(t)));
    }
    if let Some(u) = &source.url {
        out.push_str(&format!("  url: {}\n", scalar(u)));
    }
    out.push_str(&format!("  published: {}\n", scalar(&source.published)));
    out.push_str(&format!("  lang: {}\n", scalar(&source.lang)));
    if let Some(v) = &source.via {
        out.push_str(&format!("  via: {}\n", scalar(v)));
    }
    out.push_str("claims:\n");
    out.push_str(&render_claim(claim, 2));
    out
}

fn is_top_level_key(line: &str) -> bool {
    let first = line.chars().next();
    matches!(first, Some(c) if !c.is_whitespace() && c != '#' && c != '-') && line.contains(':')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `text` with the claim appended to its claim list. Every existing byte is kept: the claim goes
/// at the end of the `claims:` list (or of the file, for a bare list of claims), indented like the
/// items already there.
pub fn append(
    text: &str,
    claim: &NewClaim,
    bare_list_source: Option<&NewSource>,
) -> Result<String, AppendError> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let claims_line = lines
        .iter()
        .position(|l| l.trim_end().starts_with("claims:") && indent_of(l) == 0);
    let (insert_at, indent) = match claims_line {
        Some(k) => {
            let rest = lines[k].trim_end()["claims:".len()..].trim();
            if rest.starts_with('[') {
                return Err(AppendError::FlowSequence(k + 1));
            }
            let end = lines[k + 1..]
                .iter()
                .position(|l| is_top_level_key(l))
                .map(|p| k + 1 + p)
                .unwrap_or(lines.len());
            // Blank lines and column-0 comments after the last item stay after the new one.
            let mut at = end;
            while at > k + 1 && (lines[at - 1].trim().is_empty() || lines[at - 1].starts_with('#'))
            {
                at -= 1;
            }
            let indent = lines[k + 1..end]
                .iter()
                .find(|l| l.trim_start().starts_with("- "))
                .map(|l| indent_of(l))
                .unwrap_or(2);
            (at, indent)
        }
        None => {
            let is_bare_list = lines
                .iter()
                .any(|l| indent_of(l) == 0 && l.starts_with("- "));
            if !is_bare_list {
                return Err(AppendError::NoClaimsList);
            }
            (lines.len(), 0)
        }
    };
    let mut block = render_claim(claim, indent);
    if claims_line.is_none() {
        if let Some(source) = bare_list_source {
            let mut s = format!(
                "  source: {{publisher: {}, published: {}, lang: {}",
                scalar(&source.publisher),
                scalar(&source.published),
                scalar(&source.lang)
            );
            if let Some(v) = &source.via {
                s.push_str(&format!(", via: {}", scalar(v)));
            }
            s.push_str("}\n");
            let first_line_end = block.find('\n').map(|i| i + 1).unwrap_or(block.len());
            block.insert_str(first_line_end, &s);
        }
    }
    let mut out = String::with_capacity(text.len() + block.len() + 1);
    for l in &lines[..insert_at] {
        out.push_str(l);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&block);
    for l in &lines[insert_at..] {
        out.push_str(l);
    }
    Ok(out)
}

/// An id from the claim's fields: `amazon-capex-2026-wscn`, made unique against `taken`.
pub fn generate_id(
    entity: &str,
    metric: &str,
    period: Option<&str>,
    publisher: &str,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let slug = |s: &str| {
        let mut out = String::new();
        for c in s.to_lowercase().chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    };
    let parts: Vec<String> = [entity, metric, period.unwrap_or(""), publisher]
        .iter()
        .map(|p| slug(p))
        .filter(|p| !p.is_empty())
        .collect();
    let base = if parts.is_empty() {
        "claim".to_string()
    } else {
        parts.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> NewClaim {
        NewClaim {
            id: "amazon-capex-2026-x".into(),
            entity: "Amazon".into(),
            metric: "capex".into(),
            value: "$200 billion".into(),
            period: Some("2026".into()),
            status: Some(Status::Plan),
            ..NewClaim::default()
        }
    }

    #[test]
    fn scalars_are_quoted_when_yaml_would_misread_them() {
        assert_eq!(scalar("Amazon"), "Amazon");
        assert_eq!(scalar("2000 亿美元"), "2000 亿美元");
        assert_eq!(scalar("$200 billion"), "\"$200 billion\"");
        assert_eq!(scalar("2026"), "\"2026\"");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("50%"), "50%");
        assert_eq!(scalar("% of"), "\"% of\"");
    }

    #[test]
    fn appends_after_the_last_claim_keeping_every_byte() {
        let text = "# Kept comment\nsource:\n  publisher: X  # inline\n  published: 2026-02-12\n  lang: en\nclaims:\n    - id: a   # odd indent kept\n      entity: Amazon\n\n# trailing comment\n";
        let out = append(text, &claim(), None).unwrap();
        assert!(out.starts_with("# Kept comment\nsource:\n  publisher: X  # inline\n"));
        assert!(
            out.contains("      entity: Amazon\n    - id: amazon-capex-2026-x\n"),
            "{out}"
        );
        assert!(out.ends_with("\n\n# trailing comment\n"), "{out}");
        let removed: String = out.replace(&render_claim(&claim(), 4), "");
        assert_eq!(removed, text);
    }

    #[test]
    fn inserts_before_a_key_that_follows_the_list() {
        let text = "claims:\n  - id: a\n    entity: Amazon\n\nsource:\n  publisher: X\n";
        let out = append(text, &claim(), None).unwrap();
        assert!(
            out.contains("    entity: Amazon\n  - id: amazon-capex-2026-x\n"),
            "{out}"
        );
        assert!(out.ends_with("\n\nsource:\n  publisher: X\n"), "{out}");
    }

    #[test]
    fn a_file_without_final_newline() {
        let out = append("claims:\n  - id: a", &claim(), None).unwrap();
        assert!(
            out.starts_with("claims:\n  - id: a\n  - id: amazon-capex-2026-x\n"),
            "{out}"
        );
    }

    #[test]
    fn a_bare_list_gets_its_own_source() {
        let source = NewSource {
            publisher: "X".into(),
            published: "2026-02-12".into(),
            lang: "en".into(),
            ..NewSource::default()
        };
        let out = append(
            "- id: a\n  source: {publisher: X, published: 2026-02-12, lang: en}\n",
            &claim(),
            Some(&source),
        )
        .unwrap();
        assert!(out.contains("- id: amazon-capex-2026-x\n  source: {publisher: X, published: 2026-02-12, lang: en}\n  entity: Amazon\n"), "{out}");
    }

    #[test]
    fn refuses_what_it_cannot_append_to() {
        assert_eq!(
            append("source: {}\n", &claim(), None),
            Err(AppendError::NoClaimsList)
        );
        assert_eq!(
            append("claims: []\n", &claim(), None),
            Err(AppendError::FlowSequence(1))
        );
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let taken = |id: &str| id == "amazon-capex-2026-wall-street-cn";
        assert_eq!(
            generate_id("Amazon", "capex", Some("2026"), "Wall Street CN", &taken),
            "amazon-capex-2026-wall-street-cn-2"
        );
        assert_eq!(
            generate_id("亚马逊", "capex", Some("今年"), "X", &|_| false),
            "capex-x"
        );
    }
}
