//! Splitting a text into sentences, with the words of one language.
//!
//! The code holds one mechanism; what ends a sentence is data in `rules/lang/<code>/sentences.yaml`
//! (read after `rules/lang/common/sentences.yaml`, lists added, settings overridden):
//!
//! * a line break always ends a sentence (paragraphs, headings, Thai lines);
//! * a **hard terminator** (`。`, `！`, `？`) ends it wherever it stands;
//! * a **terminator** (`.`, `!`, `?`, `…`) ends it when white space or the end of the text
//!   follows, unless it closes an **abbreviation** (`e.g.`, `т.е.`, `Mrd.`), a single capital
//!   (an initial, `J. Smith`, `U.S.`), or the next word starts with a lower-case letter
//!   (`до 2033 г. (според доклади) не е`, where `2023 r. Jednak` does end one);
//! * closing quotes and brackets right after a terminator stay with the sentence (`.”`, `。」`);
//! * for languages that mark clauses with spaces (Thai), a run of spaces between two characters of
//!   the `space_breaks` class ends a clause, unless the text before ends with a `join_after` word
//!   (a preposition: `ตาม`, `ของ`) or the text after starts with a `join_before` word (`ๆ`,
//!   `บริษัท`); a space before a `starters` word (`อย่างไรก็ตาม`, "however") always ends one.
//!
//! Splitting takes time linear in the text (times the number of listed words), and never panics.

use crate::claim::Status;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// The contents of one `sentences.yaml`. Every field may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceLangFile {
    /// The language code, for messages.
    #[serde(default)]
    pub lang: Option<String>,
    /// End a sentence when white space, a closer or the end of the text follows: `.`, `!`, `?`.
    #[serde(default)]
    pub terminators: Vec<String>,
    /// End a sentence wherever they stand: `。`, `！`, `？`.
    #[serde(default)]
    pub hard_terminators: Vec<String>,
    /// Closing quotes and brackets that stay with the sentence they follow: `”`, `»`, `」`, `)`.
    #[serde(default)]
    pub closers: Vec<String>,
    /// Words ending in a terminator that never end a sentence: `e.g.`, `т.е.`, `Mrd.`, `mln.`.
    /// Matched case-insensitively, as whole words.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Whether a sentence goes on when the word after a terminator starts with a lower-case letter.
    #[serde(default)]
    pub continue_before_lowercase: Option<bool>,
    /// Whether a single capital letter before `.` is an initial (`J. Smith`, `U.S.`), not an end.
    #[serde(default)]
    pub initials: Option<bool>,
    /// A regular expression for one character (`\p{Thai}`): a run of spaces between two such
    /// characters ends a clause. Empty (the default): spaces never end a sentence.
    #[serde(default)]
    pub space_breaks: Option<String>,
    /// With `space_breaks`: a clause never ends with these (prepositions, `ๆ`).
    #[serde(default)]
    pub join_after: Vec<String>,
    /// With `space_breaks`: a clause never starts with these (`ๆ`, `บริษัท`, conjunctions).
    #[serde(default)]
    pub join_before: Vec<String>,
    /// A space before one of these words always ends a clause (`อย่างไรก็ตาม`, "however").
    #[serde(default)]
    pub starters: Vec<String>,
    /// Words that hint at a claim's status (`plan: [plans, 计划]`), used by `extract` to guess it.
    #[serde(default)]
    pub status: BTreeMap<Status, Vec<String>>,
    /// Words that contain a number word but are no figure (`สามารถ` "can", `数据` "data"): a
    /// figure found inside one of them is skipped.
    #[serde(default)]
    pub not_figures: Vec<String>,
}

/// What ends a sentence in one language, built from its `sentences.yaml` files.
#[derive(Debug, Clone, Default)]
pub struct SentenceLang {
    pub terminators: Vec<String>,
    pub hard_terminators: Vec<String>,
    pub closers: Vec<String>,
    /// Lower-cased.
    pub abbreviations: Vec<Vec<char>>,
    pub continue_before_lowercase: bool,
    pub initials: bool,
    space_breaks: Option<Regex>,
    pub join_after: Vec<String>,
    pub join_before: Vec<String>,
    pub starters: Vec<String>,
    /// Status words and the status each hints at.
    pub status_words: Vec<(String, Status)>,
    /// Words that contain a number word but are no figure.
    pub not_figures: Vec<String>,
}

impl SentenceLang {
    /// Builds the rules of one language from its files in order (the common file first): lists
    /// add up, settings of later files override earlier ones.
    pub fn build(files: &[&SentenceLangFile]) -> Result<SentenceLang, String> {
        let mut lang = SentenceLang {
            continue_before_lowercase: true,
            initials: true,
            ..SentenceLang::default()
        };
        for file in files {
            let add = |to: &mut Vec<String>, from: &[String]| {
                for w in from {
                    if !w.is_empty() && !to.contains(w) {
                        to.push(w.clone());
                    }
                }
            };
            add(&mut lang.terminators, &file.terminators);
            add(&mut lang.hard_terminators, &file.hard_terminators);
            add(&mut lang.closers, &file.closers);
            add(&mut lang.join_after, &file.join_after);
            add(&mut lang.join_before, &file.join_before);
            add(&mut lang.starters, &file.starters);
            add(&mut lang.not_figures, &file.not_figures);
            for a in &file.abbreviations {
                let a: Vec<char> = a.trim().chars().flat_map(char::to_lowercase).collect();
                if !a.is_empty() && !lang.abbreviations.contains(&a) {
                    lang.abbreviations.push(a);
                }
            }
            for (status, words) in &file.status {
                for w in words {
                    if !w.trim().is_empty() {
                        lang.status_words.push((w.clone(), *status));
                    }
                }
            }
            if let Some(b) = file.continue_before_lowercase {
                lang.continue_before_lowercase = b;
            }
            if let Some(b) = file.initials {
                lang.initials = b;
            }
            if let Some(class) = &file.space_breaks {
                lang.space_breaks = if class.trim().is_empty() {
                    None
                } else {
                    let re = Regex::new(&format!("^(?:{class})$")).map_err(|e| {
                        format!("sentences: space_breaks `{class}` is not a pattern: {e}")
                    })?;
                    Some(re)
                };
            }
        }
        // Longest first, so that `?!` or `...` is taken whole.
        for list in [
            &mut lang.terminators,
            &mut lang.hard_terminators,
            &mut lang.closers,
        ] {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Ok(lang)
    }

    fn is_space_class(&self, c: char) -> bool {
        let Some(re) = &self.space_breaks else {
            return false;
        };
        let mut buf = [0u8; 4];
        re.is_match(c.encode_utf8(&mut buf))
    }
}

fn starts_with_any<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    words
        .iter()
        .find(|w| text.starts_with(w.as_str()))
        .map(String::as_str)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Splits `text` into sentences: byte ranges, trimmed of white space, never empty, in order.
pub fn split_sentences(text: &str, lang: &SentenceLang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let push = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if a + lead < b - trail {
            out.push(a + lead..b - trail);
        }
    };
    let mut i = 0usize;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if is_line_break(c) {
            push(&mut out, start, i);
            i += c.len_utf8();
            start = i;
            continue;
        }
        if let Some(t) = starts_with_any(rest, &lang.hard_terminators) {
            let end = absorb_closers(text, i + t.len(), lang);
            push(&mut out, start, end);
            i = end;
            start = end;
            continue;
        }
        if let Some(t) = starts_with_any(rest, &lang.terminators) {
            let end = absorb_closers(text, i + t.len(), lang);
            if ends_sentence(text, start, i, end, lang) {
                push(&mut out, start, end);
                start = end;
            }
            i = end;
            continue;
        }
        if c.is_whitespace() && lang.space_breaks.is_some() {
            let run_end = i + rest
                .find(|ch: char| !ch.is_whitespace() || is_line_break(ch))
                .unwrap_or(rest.len());
            if run_end < text.len()
                && !text[run_end..].starts_with(is_line_break)
                && space_breaks(text, start, i, run_end, lang)
            {
                push(&mut out, start, i);
                start = run_end;
            }
            i = run_end;
            continue;
        }
        i += c.len_utf8();
    }
    push(&mut out, start, text.len());
    out
}

/// The end of the closers (and further terminators: `?!`, `.”`) after `at`.
fn absorb_closers(text: &str, mut at: usize, lang: &SentenceLang) -> usize {
    loop {
        let rest = &text[at..];
        if let Some(w) = starts_with_any(rest, &lang.closers)
            .or_else(|| starts_with_any(rest, &lang.hard_terminators))
            .or_else(|| starts_with_any(rest, &lang.terminators))
        {
            at += w.len();
        } else {
            return at;
        }
    }
}

/// Whether a terminator at `at`, whose closers end at `end`, ends the sentence begun at `start`.
fn ends_sentence(text: &str, start: usize, at: usize, end: usize, lang: &SentenceLang) -> bool {
    let after = &text[end..];
    match after.chars().next() {
        None => return true,
        Some(c) if c.is_whitespace() => {}
        Some(_) => return false,
    }
    // The last few characters are enough to see an abbreviation or an initial.
    let mut before: Vec<char> = text[start..at].chars().rev().take(32).collect();
    before.reverse();
    let whole = text[start..at].chars().rev().nth(32).is_none();
    let term: Vec<char> = text[at..end].chars().collect();
    // An abbreviation: the word that ends here is one of the listed ones.
    if term.first() == Some(&'.') {
        let mut word: Vec<char> = before.clone();
        word.push('.');
        let word: Vec<char> = word.into_iter().flat_map(char::to_lowercase).collect();
        for a in &lang.abbreviations {
            if word.ends_with(a) {
                let k = word.len() - a.len();
                if (k == 0 && whole) || (k > 0 && !word[k - 1].is_alphanumeric()) {
                    return false;
                }
            }
        }
        if lang.initials {
            if let [.., p, l] = before.as_slice() {
                if l.is_uppercase() && !p.is_alphanumeric() {
                    return false;
                }
            } else if let [l] = before.as_slice() {
                if l.is_uppercase() && whole {
                    return false;
                }
            }
        }
    }
    if lang.continue_before_lowercase {
        let next = after
            .chars()
            .find(|c| c.is_alphanumeric() || is_line_break(*c));
        if next.is_some_and(|c| c.is_lowercase()) {
            return false;
        }
    }
    true
}

/// Whether the run of spaces `at..run_end` ends a clause begun at `start`.
fn space_breaks(text: &str, start: usize, at: usize, run_end: usize, lang: &SentenceLang) -> bool {
    let before = &text[start..at];
    let after = &text[run_end..];
    if before.trim().is_empty() {
        return false;
    }
    if lang.join_after.iter().any(|w| before.ends_with(w.as_str())) {
        return false;
    }
    if starts_with_any(after, &lang.starters).is_some() {
        return true;
    }
    if starts_with_any(after, &lang.join_before).is_some() {
        return false;
    }
    let left = before.chars().next_back();
    let right = after.chars().next();
    matches!((left, right), (Some(l), Some(r)) if lang.is_space_class(l) && lang.is_space_class(r))
}
