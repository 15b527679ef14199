//! Drafting claims from an article: every figure in the text, with its sentence, and a guess at
//! its entity, metric, period and status, for an editor to review.
//!
//! The steps, each driven by the rules' language data:
//!
//! 1. the text is split into sentences ([`split_sentences`], `rules/lang/<code>/sentences.yaml`):
//!    list markers (`1.`, `•`) are left out, a paragraph wrapped at a fixed width is joined;
//! 2. every figure of a sentence is found ([`crate::figure::find_figures`]); a range written as a
//!    change (`de 11 a 17 millones`, `с 400 до 600`: `changes` in `sentences.yaml`) is two figures;
//! 3. period expressions are found around the sentence's digits and period words, trying the
//!    period reader on the spans around them and keeping the longest reading; a bare number reads
//!    as a period only as a plausible year (`2025`, not `4200 Stellen`). A figure inside a period
//!    (`2568` in `ในปี 2568`, `4` in `ไตรมาสที่ 4`) is not a figure, a period at one end of a
//!    figure is cut off it (`2012/2013 a 40.7 millones`), a period inside a figure (`2000` in
//!    `2000 亿美元`) is not a period. Numbers that are no figures are skipped with the reason:
//!    years and spans of years, written dates and times of day (`28.02.15`, `10:35`), ranks and
//!    list numbers (`Platz 10`), lengths of time, days and ages (`sieben Wochen`, `9日`), labels
//!    with a leading zero, and numbers glued to letters (`R1`, `GPT-3`);
//! 4. the entity is the first one the sentence names before the figure (else after it, else the
//!    last one named in an earlier sentence), from `rules/entities.yaml` names and aliases; the
//!    metric is the alias from `rules/metrics.yaml` nearest to the figure whose dimension fits the
//!    figure's unit; the period is the nearest period expression; the status is the nearest
//!    status word (`status:` in `sentences.yaml`).
//!
//! Each draft claim's `notes` say what was guessed and from what, so that the editor knows what
//! to check. [`render_yaml`] writes the draft as a claims file.

mod filter;
mod guess;
mod render;

pub use crate::sentences::{split_sentences, SentenceLang, SentenceLangFile};
pub use render::render_yaml;

use crate::claim::Status;
use crate::figure::{find_figures, Figure};
use crate::period::Published;
use crate::rules::Rules;
use std::ops::Range;

/// What `extract` is told about the document.
#[derive(Debug, Clone)]
pub struct ExtractOptions<'a> {
    /// The document's language code (`zh`, `ru`...): the rules must have words for it.
    pub lang: &'a str,
    /// When the document was published: relative periods are resolved against it.
    pub published: Published,
    pub publisher: &'a str,
    pub title: Option<&'a str>,
    /// The saved copy of the text, relative to the repository (`sources/x.txt`).
    pub archive: Option<&'a str>,
}

/// The claims drafted from one document.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub claims: Vec<DraftClaim>,
    /// How many sentences the text was split into.
    pub sentences: usize,
    /// Numbers seen and not drafted, with the reason (years, model names such as `R1`).
    pub skipped: Vec<Skipped>,
}

/// A number that was not drafted as a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub text: String,
    /// Byte range in the text given to [`extract`].
    pub at: Range<usize>,
    pub reason: String,
}

/// One drafted claim. `value` and `period` are exact substrings of `quote`.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftClaim {
    pub id: String,
    /// The canonical entity name guessed, if any.
    pub entity: Option<String>,
    /// The metric guessed, if any.
    pub metric: Option<String>,
    /// The figure as written.
    pub value: String,
    /// The period as written.
    pub period: Option<String>,
    pub status: Option<Status>,
    /// The sentence the figure stands in.
    pub quote: String,
    /// What was guessed, from what, and how sure.
    pub notes: String,
    /// Byte range of `value` in the text given to [`extract`].
    pub value_at: Range<usize>,
    /// Byte range of `quote` in the text given to [`extract`].
    pub quote_at: Range<usize>,
    /// The figure as read.
    pub figure: Figure,
    /// The period's canonical label (`2026`, `2024-Q4`), when one was found and read.
    pub period_label: Option<String>,
    /// Other entities the sentence names (a counterparty, a comparison).
    pub others: Vec<String>,
}

/// Finds every figure in `text` and drafts a claim for each.
///
/// Fails only when the rules have no words for `options.lang`.
pub fn extract(text: &str, options: &ExtractOptions, rules: &Rules) -> Result<Draft, String> {
    let lang = rules.languages.get(options.lang).ok_or_else(|| {
        let known: Vec<&str> = rules.languages.keys().map(String::as_str).collect();
        format!(
            "the rules have no words for language `{}` (known: {})",
            options.lang,
            known.join(", ")
        )
    })?;
    let lexicon = guess::Lexicon::new(rules, lang);
    let cues = filter::Cues::new(&lang.sentences);
    let sentences = split_sentences(text, &lang.sentences);
    let mut draft = Draft {
        sentences: sentences.len(),
        ..Draft::default()
    };
    let mut last_entity: Option<String> = None;
    let publisher = slug(options.publisher);
    let mut used_ids = std::collections::HashMap::new();
    let mut taken_ids = std::collections::HashSet::new();
    for range in sentences {
        let sentence = &text[range.clone()];
        let entities = lexicon.entities(sentence);
        let figures = guess::join(
            sentence,
            find_figures(sentence, &lang.figures),
            &lang.figures,
        );
        // A change written as a range (`с 400 до 600`) is two figures.
        let figures: Vec<(Range<usize>, Figure)> = figures
            .into_iter()
            .flat_map(
                |(r, f)| match cues.split_change(sentence, &r, &f, &lang.figures) {
                    Some(two) => two.to_vec(),
                    None => vec![(r, f)],
                },
            )
            .collect();
        if figures.is_empty() {
            if let Some(e) = entities.first() {
                last_entity = Some(e.1.clone());
            }
            continue;
        }
        let periods = lexicon.periods(sentence, options.published, &figures);
        let not_figures = lexicon.not_figures(sentence);
        let (figures, periods, skipped) = guess::settle(
            sentence,
            figures,
            periods,
            &not_figures,
            &cues,
            lang,
            options.published,
        );
        for (r, reason) in skipped {
            draft.skipped.push(Skipped {
                text: sentence[r.clone()].to_string(),
                at: range.start + r.start..range.start + r.end,
                reason,
            });
        }
        let metrics = lexicon.metrics(sentence);
        let chars = sentence.chars().count();
        let statuses = lexicon.statuses(sentence);
        for (r, figure) in figures {
            let r = guess::trim_value(sentence, r, &figure, &lang.figures);
            let mut notes = Vec::new();
            let (entity, how) = guess::entity_for(&entities, &r, last_entity.as_deref());
            notes.push(how);
            let others: Vec<String> = {
                let mut o: Vec<String> = Vec::new();
                for (_, e) in &entities {
                    if o.len() >= 8 {
                        break;
                    }
                    if Some(e) != entity.as_ref() && !o.contains(e) {
                        o.push(e.clone());
                    }
                }
                o
            };
            if !others.is_empty() {
                notes.push(format!("the sentence also names {}", others.join(", ")));
            }
            let (metric, how) = guess::metric_for(rules, sentence, &metrics, &r, &figure);
            notes.push(how);
            let calendar = entity
                .as_deref()
                .map(|e| rules.calendar(e))
                .unwrap_or(crate::period::FiscalCalendar { start_month: 1 });
            let (period, how) =
                guess::period_for(&periods, sentence, &r, lang, options.published, calendar);
            notes.push(how);
            let (status, how) = guess::status_for(sentence, &statuses, &r);
            notes.push(how);
            let value = sentence[r.clone()].to_string();
            let quote = quote_around(sentence, chars, &r);
            if quote.len() < sentence.len() {
                notes.push("quote: the part of a very long sentence around the figure".into());
            }
            let id = unique_id(
                &mut used_ids,
                &mut taken_ids,
                entity.as_deref(),
                metric.as_deref(),
                &publisher,
            );
            draft.claims.push(DraftClaim {
                id,
                entity,
                metric,
                value,
                period: period.as_ref().map(|p| sentence[p.0.clone()].to_string()),
                status,
                quote: sentence[quote.clone()].to_string(),
                notes: notes.join("; "),
                value_at: range.start + r.start..range.start + r.end,
                quote_at: range.start + quote.start..range.start + quote.end,
                figure,
                period_label: period.map(|p| p.1),
                others,
            });
        }
        if let Some(e) = entities.last() {
            last_entity = Some(e.1.clone());
        }
    }
    Ok(draft)
}

/// A sentence longer than this many characters is quoted only around the figure. Characters, not
/// bytes: a long Chinese sentence of many clauses (joined by `；`) is still quoted whole.
const QUOTE_MAX: usize = 800;

/// The range of the quote for a figure at `r` in a sentence of `chars` characters: the whole
/// sentence, or for a very long one the text around the figure, cut at white space where there
/// is some.
fn quote_around(sentence: &str, chars: usize, r: &Range<usize>) -> Range<usize> {
    if chars <= QUOTE_MAX {
        return 0..sentence.len();
    }
    let reach = QUOTE_MAX / 2;
    let mut start = sentence[..r.start]
        .char_indices()
        .rev()
        .nth(reach)
        .map_or(0, |(k, _)| k);
    let mut end = sentence[r.end..]
        .char_indices()
        .nth(reach)
        .map_or(sentence.len(), |(k, _)| r.end + k);
    if start > 0 {
        if let Some(i) = sentence[start..r.start].find(char::is_whitespace) {
            start += i;
        }
    }
    if end < sentence.len() {
        if let Some(i) = sentence[r.end..end].rfind(char::is_whitespace) {
            end = r.end + i;
        }
    }
    let text = &sentence[start..end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    start + lead..end - trail
}

/// `Wall Street CN` → `wall-street-cn`: lower-case ASCII letters and digits, other runs as `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn unique_id(
    used: &mut std::collections::HashMap<String, usize>,
    taken: &mut std::collections::HashSet<String>,
    entity: Option<&str>,
    metric: Option<&str>,
    publisher: &str,
) -> String {
    let mut base = String::new();
    let e = entity.map(slug).filter(|s| !s.is_empty());
    base.push_str(e.as_deref().unwrap_or("unknown"));
    base.push('-');
    let m = metric.map(slug).filter(|s| !s.is_empty());
    base.push_str(m.as_deref().unwrap_or("figure"));
    let publisher = if publisher.is_empty() {
        "draft"
    } else {
        publisher
    };
    // Numbered per entity and metric; an entity or metric name ending in digits could still
    // make two ids equal, hence the check.
    loop {
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = format!("{base}-{n}-{publisher}");
        if taken.insert(id.clone()) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests;
