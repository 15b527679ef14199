//! Telling figures from other numbers around them, and changes from ranges.
//!
//! The figure reader finds every number; not every number is a figure. Mechanisms here, words in
//! `rules/lang/<code>/sentences.yaml`:
//!
//! * a number inside a written date or time of day (`28.02.15`, `2013/1/17`, `10:35:57`) is none,
//!   whatever the language;
//! * a number after a `not_figure_before` word is a rank or a list number (`Platz 10`, `No. 5`);
//! * a number before a `not_figure_after` word is a length of time, a day or an age
//!   (`sieben Wochen`, `16 meses`, `9日`, `a 10-year low`);
//! * a range read right after a `changes.from` word is a change, two figures: `de 11 a 17
//!   millones` is 11 and 17 million, `с 400 до 600` is 400 and 600 (`entre 11 y 17` stays one).

use crate::figure::{read_figure, Approx, Figure, FigureLang};
use crate::script::{spaced_alnum, unspaced};
use crate::sentences::SentenceLang;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A character of a written date or time: digits and the separators between their parts.
fn date_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '/' | ':' | '-')
}

/// `10:35`, `08:46:00`.
fn time_of_day() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\d{1,2}:\d{2}(:\d{2})?$").expect("a valid pattern"))
}

/// Three parts with one separator, the middle one a month: `28.02.15`, `2.7.2021`, `2013/1/17`,
/// `2022-11-15` (not `1.234.567`: thousands have three digits).
fn date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(\d{1,4}\.\d{1,2}\.\d{2,4}|\d{1,4}/\d{1,2}/\d{2,4}|\d{1,4}-\d{1,2}-\d{1,4})$")
            .expect("a valid pattern")
    })
}

/// The longest written date or time looked at, in characters.
const DATE_MAX: usize = 24;

/// Whether the number at `r` is part of a written date or time of day, and which.
pub(crate) fn date_or_time(s: &str, r: &Range<usize>) -> Option<&'static str> {
    let first = s[r.clone()].find(|c: char| c.is_ascii_digit())? + r.start;
    // A date or time is short: looking a few characters each way keeps a long run of digits and
    // dots from costing more than its length once.
    let start = s[..first]
        .char_indices()
        .rev()
        .take(DATE_MAX)
        .take_while(|&(_, c)| date_char(c))
        .last()
        .map_or(first, |(k, _)| k);
    let end = s[first..]
        .char_indices()
        .take(DATE_MAX + 1)
        .find(|&(_, c)| !date_char(c))
        .map_or(s.len(), |(k, _)| first + k);
    if end - start > DATE_MAX {
        return None;
    }
    let token = s[start..end].trim_matches(|c: char| !c.is_ascii_digit());
    if time_of_day().is_match(token) {
        Some("a time of day")
    } else if date().is_match(token) {
        Some("a date")
    } else {
        None
    }
}

/// Lower-case characters, for comparing words.
fn low(s: &str) -> Vec<char> {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// A listed word: its characters and whether it matches longer words (`word*`).
struct Word {
    chars: Vec<char>,
    stem: bool,
}

fn words(list: &[String]) -> Vec<Word> {
    list.iter()
        .filter_map(|w| {
            let w = w.trim();
            let (w, stem) = match w.strip_suffix('*') {
                Some(x) => (x, true),
                None => (w, false),
            };
            let chars = low(w);
            (!chars.is_empty()).then_some(Word { chars, stem })
        })
        .collect()
}

/// The words around numbers of one language, built once per call of `extract`.
pub(crate) struct Cues {
    before: Vec<Word>,
    after: Vec<Word>,
    from: Vec<Word>,
    to: Vec<Word>,
}

/// How many characters are looked at around a figure for a cue word.
const REACH: usize = 40;

impl Cues {
    pub(crate) fn new(lang: &SentenceLang) -> Self {
        Cues {
            before: words(&lang.not_figure_before),
            after: words(&lang.not_figure_after),
            from: words(&lang.change_from),
            to: words(&lang.change_to),
        }
    }

    /// Why the number at `r` is no figure, if a word around it says so.
    pub(crate) fn not_a_figure(&self, s: &str, r: &Range<usize>, f: &Figure) -> Option<String> {
        if f.unit.is_some() {
            return None;
        }
        // Only the characters near the figure are lowered: a long sentence costs no more.
        let head: Vec<char> = {
            let mut h: Vec<char> = s[..r.start].chars().rev().take(REACH).collect();
            h.reverse();
            low(&h.into_iter().collect::<String>())
        };
        let head_trim = trim_end(&head);
        if let Some(w) = self.before.iter().find(|w| ends_with_word(head_trim, w)) {
            let w: String = w.chars.iter().collect();
            return Some(format!("after «{w}»: a rank or a number in a list"));
        }
        // The words after the number: after its last digit when it has one (`400-ю` read whole).
        let from = s[r.clone()]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_numeric())
            .map_or(r.end, |(k, c)| r.start + k + c.len_utf8());
        let tail: Vec<char> = low(&s[from..].chars().take(REACH).collect::<String>());
        // `10 years`, `10-year`, `16 meses`, `9日`.
        let k = tail
            .iter()
            .take_while(|c| c.is_whitespace() || **c == '-' || **c == '‑')
            .count();
        if let Some(w) = self.after.iter().find(|w| starts_with_word(&tail[k..], w)) {
            let w: String = w.chars.iter().collect();
            return Some(format!("before «{w}»: a length of time, a day or an age"));
        }
        None
    }

    /// A range that is a change (`de 11 a 17 millones`): its two ends, each read alone. `None`
    /// for a range without a `from` word before it, or one that cannot be cut in two.
    pub(crate) fn split_change(
        &self,
        s: &str,
        r: &Range<usize>,
        f: &Figure,
        lang: &FigureLang,
    ) -> Option<[(Range<usize>, Figure); 2]> {
        if f.approx != Some(Approx::Range) || self.from.is_empty() || self.to.is_empty() {
            return None;
        }
        let text = &s[r.clone()];
        // The `from` word opens the range or is one of the two words before it.
        let head: String = {
            let mut h: Vec<char> = s[..r.start].chars().rev().take(REACH).collect();
            h.reverse();
            h.into_iter().collect()
        };
        let apart = |c: char| c.is_whitespace() || c == '’' || c == '\'';
        let mut near: Vec<&str> = head
            .split(apart)
            .filter(|w| !w.is_empty())
            .rev()
            .take(2)
            .collect();
        near.extend(text.split(apart).find(|w| !w.is_empty()));
        let opens = near.iter().any(|w| self.from.iter().any(|f| word_is(w, f)))
            || self.from.iter().any(|f| {
                // Scripts without spaces: the word right before the figure, or opening it.
                f.chars.first().is_some_and(|&c| unspaced(c))
                    && (low(&head).ends_with(&f.chars) || low(text).starts_with(&f.chars))
            });
        if !opens {
            return None;
        }
        // Cut at the first `to` word after the first digit.
        let digit = text.find(|c: char| c.is_numeric())?;
        let (cut_start, cut_end) = self.to_word(text, digit)?;
        let left = r.start..r.start + text[..cut_start].trim_end().len();
        let right_text = &text[cut_end..];
        let right = r.end - right_text.trim_start().len()..r.end;
        if left.is_empty() || right.is_empty() {
            return None;
        }
        let a = read_figure(&s[left.clone()], lang).ok()?;
        let b = read_figure(&s[right.clone()], lang).ok()?;
        Some([(left, a), (right, b)])
    }

    /// The byte range of the first `to` word in `text` after byte `from`.
    fn to_word(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let lowered: Vec<char> = chars
            .iter()
            .map(|&(_, c)| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let start = chars.partition_point(|&(b, _)| b < from);
        for i in start..chars.len() {
            for w in &self.to {
                let n = w.chars.len();
                if i + n > lowered.len() || lowered[i..i + n] != w.chars[..] {
                    continue;
                }
                let spaced_word = w.chars.first().is_some_and(|&c| spaced_alnum(c));
                let ok = !spaced_word
                    || ((i == 0 || !spaced_alnum(lowered[i - 1]))
                        && (i + n == lowered.len() || !spaced_alnum(lowered[i + n])));
                if ok {
                    return Some((byte(i), byte(i + n)));
                }
            }
        }
        None
    }
}

fn trim_end(c: &[char]) -> &[char] {
    let n = c.iter().rev().take_while(|c| c.is_whitespace()).count();
    &c[..c.len() - n]
}

fn word_is(w: &str, cue: &Word) -> bool {
    let w = low(w.trim_matches(|c: char| !c.is_alphanumeric()));
    if cue.stem {
        w.starts_with(&cue.chars)
    } else {
        w == cue.chars
    }
}

/// Whether `text` ends with the word `w` (a whole word in a spaced script).
fn ends_with_word(text: &[char], w: &Word) -> bool {
    if !text.ends_with(&w.chars) {
        return false;
    }
    let k = text.len() - w.chars.len();
    let first = w.chars.first().copied();
    !first.is_some_and(spaced_alnum) || k == 0 || !spaced_alnum(text[k - 1])
}

/// Whether `text` starts with the word `w` (whole, unless a stem, in a spaced script).
fn starts_with_word(text: &[char], w: &Word) -> bool {
    if !text.starts_with(&w.chars) {
        return false;
    }
    let n = w.chars.len();
    let last = w.chars.last().copied();
    w.stem || !last.is_some_and(spaced_alnum) || n == text.len() || !spaced_alnum(text[n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_told_from_numbers() {
        let s = "Posted 12 октября 2016, 08:46; (Prensa Libre 28.02.15); 2013/1/17 and 1.234.567 or 3.5";
        let at = |t: &str| {
            let i = s.find(t).unwrap();
            date_or_time(s, &(i..i + t.len()))
        };
        assert_eq!(at("08"), Some("a time of day"));
        assert_eq!(at("46"), Some("a time of day"));
        assert_eq!(at("28.02"), Some("a date"));
        assert_eq!(at("2013"), Some("a date"));
        assert_eq!(at("1.234.567"), None);
        assert_eq!(at("3.5"), None);
        assert_eq!(at("12"), None);
    }

    #[test]
    fn words_match_whole_or_as_stems() {
        let w = words(&["year*".into(), "Jahr".into(), "个月".into()]);
        let t = |s: &str| low(s);
        assert!(starts_with_word(&t("years ago"), &w[0]));
        assert!(starts_with_word(&t("jahr lang"), &w[1]));
        assert!(!starts_with_word(&t("jahrzehnt"), &w[1]));
        assert!(starts_with_word(&t("个月加快"), &w[2]));
        assert!(ends_with_word(
            &t("auf platz"),
            &words(&["Platz".into()])[0]
        ));
        assert!(!ends_with_word(
            &t("arbeitsplatz"),
            &words(&["Platz".into()])[0]
        ));
    }
}
