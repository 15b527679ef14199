//! The text of a period as the readers see it: characters unified (dashes, apostrophes, spaces,
//! full-width forms, a language's own digits), invisible ones dropped, spaces between digits and
//! ideographs dropped, punctuation around it trimmed, with a map back to the original text.

use crate::script::ideographic;
use std::collections::HashMap;

/// One character as the reader sees it: dashes, apostrophes, spaces and full-width forms unified.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => '\'',
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{2026}' => '.',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ' ' | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '\''
            | '«'
            | '»'
            | '“'
            | '”'
            | '„'
            | '「'
            | '」'
            | '。'
            | '，'
            | '、'
    )
}

/// The length of the text in characters, with runs of spaces counted once.
pub(crate) fn rough_length(text: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in text.chars() {
        let is_space = c.is_whitespace();
        if !(is_space && space) {
            n += 1;
        }
        space = is_space;
    }
    n
}

/// The text as matched, with a map back to the original's byte offsets.
pub(crate) struct Normal {
    pub(crate) text: String,
    /// For each byte of `text`: the original byte range of the character it came from.
    pub(crate) from: Vec<(usize, usize)>,
}

/// The text folded for reading, with the language's own digits (`digits`) made ASCII.
pub(crate) fn normalise(original: &str, digits: &HashMap<char, char>) -> Normal {
    let mut chars: Vec<(char, usize, usize)> = Vec::new();
    for (i, c) in original.char_indices() {
        if is_invisible(c) {
            continue;
        }
        let end = i + c.len_utf8();
        let c = digits.get(&c).copied().unwrap_or_else(|| fold_char(c));
        if c == ' ' {
            if let Some(last) = chars.last_mut() {
                if last.0 == ' ' {
                    last.2 = end;
                    continue;
                }
            }
        }
        // A space between a digit and an ideograph is typography, not a word break.
        if let [.., (before, ..), (' ', ..)] = chars.as_slice() {
            let (a, b) = (*before, c);
            if (a.is_ascii_digit() && ideographic(b)) || (ideographic(a) && b.is_ascii_digit()) {
                chars.pop();
            }
        }
        chars.push((c, i, end));
    }
    let lo = chars
        .iter()
        .position(|(c, ..)| !is_edge_punct(*c))
        .unwrap_or(chars.len());
    let hi = chars
        .iter()
        .rposition(|(c, ..)| !is_edge_punct(*c))
        .map_or(lo, |i| i + 1)
        .max(lo);
    let mut text = String::with_capacity(hi - lo);
    let mut from = Vec::with_capacity(hi - lo);
    for &(c, s, e) in &chars[lo..hi] {
        text.push(c);
        for _ in 0..c.len_utf8() {
            from.push((s, e));
        }
    }
    Normal { text, from }
}
