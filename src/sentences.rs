//! Splitting a text into sentences, with the words of one language.
//!
//! The code holds one mechanism; what ends a sentence is data in `rules/lang/<code>/sentences.yaml`
//! (read after `rules/lang/common/sentences.yaml`, lists added, settings overridden):
//!
//! * a line break ends a sentence, except a single one inside a paragraph wrapped at a fixed
//!   width: the next line starts with a lower-case letter (`wrapped_lines`);
//! * a **list marker** at the start of a line (`1.`, `2)`, `•`, `-`) is not part of the sentence;
//! * a **hard terminator** (`。`, `！`, `？`) ends it wherever it stands;
//! * a **terminator** (`.`, `!`, `?`, `…`) ends it when white space or the end of the text
//!   follows, unless it closes an **abbreviation** (`e.g.`, `т.е.`, `Mrd.`; or the first dot of
//!   one with a space inside: `z. B.`, `долл. США`), a single capital (an initial, `J. Smith`,
//!   `U.S.`), or the next word starts with a lower-case letter (`до 2033 г. (според доклади) не
//!   е`, where `2023 r. Jednak` does end one). A **unit abbreviation** (`руб.`, `млн.`, `г.`)
//!   after a number ends the sentence when the next word starts with a capital
//!   (`1,5 трлн руб. Это`), and is an abbreviation otherwise (`г. Москва`);
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
    /// Words that always start a sentence: a space before one ends a clause (`อย่างไรก็ตาม`,
    /// "however"), and a terminator before one ends the sentence even after an abbreviation or
    /// an initial (`in the U.S. The company`).
    #[serde(default)]
    pub starters: Vec<String>,
    /// Words that hint at a claim's status (`plan: [plans, 计划]`), used by `extract` to guess it.
    #[serde(default)]
    pub status: BTreeMap<Status, Vec<String>>,
    /// Words that contain a number word but are no figure (`สามารถ` "can", `数据` "data"): a
    /// figure found inside one of them is skipped.
    #[serde(default)]
    pub not_figures: Vec<String>,
    /// Abbreviations of units, currencies, scales and years (`руб.`, `млн.`, `г.`): after a number
    /// they end a sentence when the next word starts with a capital; elsewhere they are
    /// abbreviations.
    #[serde(default)]
    pub unit_abbreviations: Vec<String>,
    /// Whether a single line break followed by a lower-case letter continues the sentence (text
    /// wrapped at a fixed width).
    #[serde(default)]
    pub wrapped_lines: Option<bool>,
    /// Bullets that open a list item at the start of a line (`•`, `-`): not part of the sentence.
    #[serde(default)]
    pub bullets: Vec<String>,
    /// What follows the number of a numbered list item at the start of a line (`.` in `1. `, `)`
    /// in `2) `, `、` in `一、`): the marker is not part of the sentence, nor a figure.
    #[serde(default)]
    pub list_number_ends: Vec<String>,
    /// Words after which a number is no figure: ranks and numbers in a list (`Platz 10`, `No. 5`),
    /// ordinals before a number word (`second quarter`). `word*` matches the word's endings.
    #[serde(default)]
    pub not_figure_before: Vec<String>,
    /// Words before which a number is no figure: lengths of time, days, times of day, ages
    /// (`sieben Wochen`, `16 meses`, `9日`, `10-year`). `word*` matches the word's endings.
    #[serde(default)]
    pub not_figure_after: Vec<String>,
    /// A change written as a range (`de 11 a 17 millones`, `с 400 до 600`): a range right after
    /// (or opening with) one of the `from` words is two figures, cut at the first `to` word.
    #[serde(default)]
    pub changes: ChangeWords,
    /// Words after a number written with a dot as an ordinal (`am 5. März`, `im 3. Quartal`):
    /// the dot does not end the sentence.
    #[serde(default)]
    pub ordinal_words: Vec<String>,
}

/// The words of a change written as a range: `from` before the first figure, `to` between them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeWords {
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub to: Vec<String>,
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
    /// Lower-cased, as `abbreviations`.
    pub unit_abbreviations: Vec<Vec<char>>,
    pub wrapped_lines: bool,
    pub bullets: Vec<String>,
    pub list_number_ends: Vec<String>,
    pub not_figure_before: Vec<String>,
    pub not_figure_after: Vec<String>,
    pub change_from: Vec<String>,
    pub change_to: Vec<String>,
    /// Lower-cased.
    pub ordinal_words: Vec<Vec<char>>,
}

impl SentenceLang {
    /// Builds the rules of one language from its files in order (the common file first): lists
    /// add up, settings of later files override earlier ones.
    pub fn build(files: &[&SentenceLangFile]) -> Result<SentenceLang, String> {
        let mut lang = SentenceLang {
            continue_before_lowercase: true,
            initials: true,
            wrapped_lines: true,
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
            add(&mut lang.bullets, &file.bullets);
            add(&mut lang.list_number_ends, &file.list_number_ends);
            add(&mut lang.not_figure_before, &file.not_figure_before);
            add(&mut lang.not_figure_after, &file.not_figure_after);
            add(&mut lang.change_from, &file.changes.from);
            add(&mut lang.change_to, &file.changes.to);
            let lowered =
                |w: &str| -> Vec<char> { w.chars().flat_map(char::to_lowercase).collect() };
            let add_low = |list: &mut Vec<Vec<char>>, w: Vec<char>| {
                if !w.is_empty() && !list.contains(&w) {
                    list.push(w);
                }
            };
            for a in &file.abbreviations {
                add_low(&mut lang.abbreviations, lowered(a.trim()));
            }
            for a in &file.unit_abbreviations {
                add_low(&mut lang.unit_abbreviations, lowered(a.trim()));
            }
            // Ordinal words are compared without their dot (`Jan.` after `5.`).
            for a in &file.ordinal_words {
                add_low(
                    &mut lang.ordinal_words,
                    lowered(a.trim().trim_end_matches('.')),
                );
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
            if let Some(b) = file.wrapped_lines {
                lang.wrapped_lines = b;
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
            &mut lang.bullets,
            &mut lang.list_number_ends,
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
    start = skip_list_marker(text, start, lang);
    let mut i = start;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if is_line_break(c) {
            let mut next = i + c.len_utf8();
            if c == '\r' && text[next..].starts_with('\n') {
                next += 1;
            }
            if lang.wrapped_lines && wrapped(text, start, i, next, lang) {
                i = next;
                continue;
            }
            push(&mut out, start, i);
            start = skip_list_marker(text, next, lang);
            i = start;
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
    let next_word: &str = {
        let a = after.trim_start();
        &a[..a.find(char::is_whitespace).unwrap_or(a.len())]
    };
    // A word that starts sentences, standing whole (not the initial in `В. Иванов`).
    if next_word.len() < after.trim_start().len()
        && lang.starters.iter().any(|w| w.as_str() == next_word)
    {
        return true;
    }
    // An ordinal written with a dot: `am 5. März`, `im 3. Quartal`.
    if term.first() == Some(&'.')
        && before.last().is_some_and(|c| c.is_ascii_digit())
        && !lang.ordinal_words.is_empty()
    {
        let next: Vec<char> = next_word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .flat_map(char::to_lowercase)
            .collect();
        if lang.ordinal_words.contains(&next) {
            return false;
        }
    }
    // An abbreviation: the word that ends here is one of the listed ones.
    if term.first() == Some(&'.') {
        let mut word: Vec<char> = before.clone();
        word.push('.');
        let word: Vec<char> = word.into_iter().flat_map(char::to_lowercase).collect();
        let ends_word = |a: &[char]| {
            word.ends_with(a) && {
                let k = word.len() - a.len();
                (k == 0 && whole) || (k > 0 && !word[k - 1].is_alphanumeric())
            }
        };
        let after_low: Vec<char> = after
            .chars()
            .take(40)
            .flat_map(char::to_lowercase)
            .collect();
        // The first dot of an abbreviation with a space inside: `z. B.`, `долл. США`.
        for a in lang.abbreviations.iter().chain(&lang.unit_abbreviations) {
            for (p, &d) in a.iter().enumerate() {
                if d == '.'
                    && p + 1 < a.len()
                    && ends_word(&a[..=p])
                    && loose_prefix(&after_low, &a[p + 1..])
                {
                    return false;
                }
            }
        }
        // A unit after a number, before a capital: `1,5 трлн руб. Это`, `в 2015 г. Компания`.
        for a in &lang.unit_abbreviations {
            if ends_word(a) {
                let head = &text[start..at];
                let cut = head
                    .char_indices()
                    .rev()
                    .nth(a.len().saturating_sub(2))
                    .map_or(0, |(k, _)| k);
                let next_upper = after
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase);
                return next_upper && number_before(&head[..cut]);
            }
        }
        if lang.abbreviations.iter().any(|a| ends_word(a)) {
            return false;
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

/// Whether the text ends with a number within its last two words (`1,5 трлн`, `в 2015`).
fn number_before(head: &str) -> bool {
    head.split_whitespace()
        .rev()
        .take(2)
        .any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// Whether `text` (lower-cased) starts with `word` after white space, a space in `word` matching
/// any run of white space, and the word ends there (or with its dot).
fn loose_prefix(text: &[char], word: &[char]) -> bool {
    let mut t = text.iter().skip_while(|c| c.is_whitespace()).peekable();
    let word: Vec<char> = word
        .iter()
        .copied()
        .skip_while(|c| c.is_whitespace())
        .collect();
    if word.is_empty() {
        return false;
    }
    for &w in &word {
        if w.is_whitespace() {
            if !t.peek().is_some_and(|c| c.is_whitespace()) {
                return false;
            }
            while t.peek().is_some_and(|c| c.is_whitespace()) {
                t.next();
            }
            continue;
        }
        match t.next() {
            Some(&c) if c == w => {}
            _ => return false,
        }
    }
    word.last() == Some(&'.') || !t.peek().is_some_and(|c| c.is_alphanumeric())
}

/// Where the sentence starts when a line begins at `at`: after a list marker (`1. `, `2) `, `• `,
/// `- `) and the white space around it, or at `at`.
pub(crate) fn skip_list_marker(text: &str, at: usize, lang: &SentenceLang) -> usize {
    let rest = &text[at..];
    let lead = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c))
            .len();
    let line = &rest[lead..];
    let marker = if let Some(b) = starts_with_any(line, &lang.bullets) {
        Some(b.len())
    } else {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=3).contains(&digits) {
            starts_with_any(&line[digits..], &lang.list_number_ends).map(|e| digits + e.len())
        } else {
            None
        }
    };
    let Some(m) = marker else { return at };
    // A marker stands apart from what follows: `1. Total`, `2.“同比”`, `一、`, not `1.5` or `-5%`.
    let after = &line[m..];
    match after.chars().next() {
        None => at + lead + m,
        Some(c) if is_line_break(c) => at + lead + m,
        Some(c) if c.is_whitespace() => {
            let gap = after.len()
                - after
                    .trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c))
                    .len();
            at + lead + m + gap
        }
        Some(c) if !c.is_alphanumeric() && !c.is_ascii_punctuation() => at + lead + m,
        Some(c) if crate::script::unspaced(c) => at + lead + m,
        Some(_) => at,
    }
}

/// Whether the line break at `at..next` is inside a paragraph wrapped at a fixed width: a single
/// break, text before it, and a next line that starts with a lower-case letter (or a number
/// after a long line cut inside a sentence, or anything after a long Chinese line cut inside a
/// word).
fn wrapped(text: &str, start: usize, at: usize, next: usize, lang: &SentenceLang) -> bool {
    if text[start..at].trim().is_empty() {
        return false;
    }
    let line = text[next..].trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c));
    if skip_list_marker(line, 0, lang) > 0 {
        return false;
    }
    let before = &text[start..at];
    let last_line = before
        .rsplit(is_line_break)
        .next()
        .unwrap_or(before)
        .trim_end();
    let last = last_line.chars().next_back();
    // Chinese wrapped at a fixed width: a long line ending inside a word, and more text after.
    if last.is_some_and(han)
        && last_line.chars().count() >= WRAPPED_LINE_UNSPACED
        && line.chars().next().is_some_and(|c| !c.is_whitespace())
    {
        return true;
    }
    match line.chars().next() {
        Some(c) if c.is_lowercase() => true,
        // `за первый квартал\n2024-го`: a number after a full line cut inside a sentence. A
        // heading is shorter, or ends otherwise.
        Some(c) if c.is_ascii_digit() => {
            last_line.chars().count() >= WRAPPED_LINE && last.is_some_and(char::is_lowercase)
        }
        _ => false,
    }
}

/// A Chinese character (Thai lines are sentences: they are never joined).
fn han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// A line of at least this many characters may be a line of text wrapped at a fixed width (a
/// heading is shorter); in scripts without spaces, where a character holds more, this many.
const WRAPPED_LINE: usize = 50;
const WRAPPED_LINE_UNSPACED: usize = 30;

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
