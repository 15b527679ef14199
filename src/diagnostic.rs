//! Input errors people see: file, line, column, the offending line, what was expected, and a near name.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// A problem with an input file (claims or rules) that stops it from being used.
///
/// Errors are kept as data until the edge prints them, so that every output format can show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    /// The line the problem is on, as written.
    pub source_line: String,
    /// A suggestion, such as "did you mean `value`?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a 1-based `line` and `column` of `text`.
    pub fn at(
        file: &str,
        text: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        Diagnostic {
            file: file.to_string(),
            line,
            column: column.max(1),
            message: abbreviate(&message.into(), 400),
            source_line,
            help: None,
        }
    }

    /// A diagnostic about a whole file (it cannot be read, it is empty...).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: abbreviate(&message.into(), 400),
            source_line: String::new(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Renders as a compiler-style error with the offending line underlined.
    pub fn render(&self) -> String {
        let title = if self.line == 0 {
            format!("{}: {}", self.file, self.message)
        } else {
            format!(
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        };
        let title = Level::ERROR.primary_title(title.as_str());
        let group = if self.line > 0 {
            let span = self.underline();
            title.element(
                Snippet::source(self.source_line.as_str())
                    .line_start(self.line)
                    .path(self.file.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(span)
                            .label(self.message.as_str()),
                    ),
            )
        } else {
            Group::with_title(title)
        };
        let mut report = vec![group];
        if let Some(help) = &self.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        Renderer::plain().render(&report).to_string()
    }

    /// The byte range to underline: the token that starts at the column.
    fn underline(&self) -> std::ops::Range<usize> {
        let line = &self.source_line;
        let start = line
            .char_indices()
            .nth(self.column - 1)
            .map(|(i, _)| i)
            .unwrap_or(line.len());
        let len = line[start..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace() || *c == ':' || *c == ',')
            .map(|(i, _)| i)
            .unwrap_or(line.len() - start);
        start..start + len.max(usize::from(start < line.len()))
    }
}

/// `text` cut to at most `max` characters, with `…` where it was cut, for echoing input back.
pub fn abbreviate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// The closest of `candidates` to `word`, if one is close enough to be worth suggesting.
pub fn near_name<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let lowered: Vec<String> = candidates.iter().map(|c| c.to_lowercase()).collect();
    let refs: Vec<&str> = lowered.iter().map(String::as_str).collect();
    let best = similar::get_close_matches(lower.as_str(), &refs, 1, 0.6);
    let best = best.first()?;
    let index = refs.iter().position(|c| c == best)?;
    Some(candidates[index])
}

/// "did you mean `x`?" for the closest candidate, if any.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    near_name(word, candidates).map(|n| format!("did you mean `{n}`?"))
}

/// Turns a YAML or shape error into a diagnostic, with a near name for unknown keys and words.
pub(crate) fn yaml_error(file: &str, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let raw = error.without_snippet().to_string();
    let message = strip_position(&raw);
    let (line, column) = error
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .unwrap_or((0, 0));
    let (message, help) = explain_serde_message(message);
    if line == 0 {
        Diagnostic::whole_file(file, message).with_help(help)
    } else {
        Diagnostic::at(file, text, line, column, message).with_help(help)
    }
}

fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => &message[..i],
        _ => message,
    }
}

/// Rewords serde's "unknown field `x`, expected one of a, b" and suggests the near name.
fn explain_serde_message(message: &str) -> (String, Option<String>) {
    for (prefix, what) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((word, tail)) = rest.split_once('`') {
                let expected: Vec<&str> = tail
                    .trim_start_matches(',')
                    .trim()
                    .trim_start_matches("expected one of")
                    .trim_start_matches("expected")
                    .split(',')
                    .map(|s| s.trim().trim_matches('`'))
                    .filter(|s| !s.is_empty())
                    .collect();
                let text = format!(
                    "unknown {what} `{word}`; expected one of: {}",
                    expected.join(", ")
                );
                return (text, did_you_mean(word, expected.iter().copied()));
            }
        }
    }
    (message.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_input_is_abbreviated() {
        assert_eq!(abbreviate("abcdef", 3), "abc…");
        assert_eq!(abbreviate("ab", 3), "ab");
        assert_eq!(abbreviate("亿亿亿亿", 2), "亿亿…");
    }

    #[test]
    fn suggests_the_near_name() {
        assert_eq!(near_name("valeu", ["id", "value", "period"]), Some("value"));
        assert_eq!(near_name("capx", ["capex", "revenue"]), Some("capex"));
        assert_eq!(near_name("zzzz", ["capex", "revenue"]), None);
    }

    #[test]
    fn renders_file_line_column_and_the_line() {
        let text = "claims:\n  - id: a\n    valeu: 3\n";
        let d = Diagnostic::at("claims/x.yaml", text, 3, 5, "unknown key `valeu`")
            .with_help(Some("did you mean `value`?".into()));
        let out = d.render();
        assert!(out.contains("claims/x.yaml:3:5"), "{out}");
        assert!(out.contains("valeu: 3"), "{out}");
        assert!(out.contains("did you mean `value`?"), "{out}");
    }

    #[test]
    fn underline_survives_a_column_past_the_end() {
        let d = Diagnostic::at("f", "ab", 1, 40, "x");
        assert!(d.render().contains("f:1:40"));
    }

    #[test]
    fn serde_messages_get_suggestions() {
        let (m, h) = explain_serde_message("unknown field `valeu`, expected one of `id`, `value`");
        assert_eq!(m, "unknown key `valeu`; expected one of: id, value");
        assert_eq!(h.as_deref(), Some("did you mean `value`?"));
        assert_eq!(strip_position("bad at line 3, column 4"), "bad");
    }
}
