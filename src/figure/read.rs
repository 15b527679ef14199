//! Tokenising and parsing figures.

use super::lexicon::{lower_char, normalize_char, spaced_letter, Before, Entry, FigureLang, Role};
use super::{Approx, Figure, FigureError};
use crate::reading::Step;
use std::ops::Range;

/// Longest run of tokens a prefix or filler lookahead may scan (keeps parsing linear).
const MAX_PREFIX: usize = 4;

/// The text as the reader sees it, one entry per kept character.
struct Text<'a> {
    src: &'a str,
    /// Normalised characters (full-width to ASCII, Thai digits to ASCII), case kept.
    orig: Vec<char>,
    /// The same, lower-cased and folded.
    low: Vec<char>,
    /// Byte offset in `src` of each character, plus the end.
    pos: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(src: &'a str, lang: &FigureLang) -> Text<'a> {
        let mut t = Text {
            src,
            orig: Vec::new(),
            low: Vec::new(),
            pos: Vec::new(),
        };
        for (b, c) in src.char_indices() {
            let c = normalize_char(c);
            if lang.drop_spaces && c.is_whitespace() {
                continue;
            }
            t.orig.push(c);
            t.low.push(lower_char(c, &lang.fold));
            t.pos.push(b);
        }
        t.pos.push(src.len());
        t
    }
    fn slice(&self, s: usize, e: usize) -> &str {
        let a = self.pos[s];
        // the end of the last kept character
        let b = if e == 0 {
            a
        } else {
            let last = self.pos[e - 1];
            last + self.src[last..].chars().next().map_or(0, |c| c.len_utf8())
        };
        self.src.get(a..b.max(a)).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq)]
enum TK {
    /// A written number: value, half-unit precision (unit of the last digit), its digits, how
    /// its marks or ending were read, and the other reading of `512,300`.
    Num {
        v: f64,
        unit: f64,
        digits: String,
        note: Option<String>,
        alt: Option<Box<Alt>>,
    },
    Word(u32),
    Dash,
    /// `+` right before digits: an explicit sign.
    Plus,
    Slash,
    Comma,
    Space,
    Other,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: TK,
    s: usize,
    e: usize,
}

fn is_space_sep(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}

/// A number written with digits, as scanned.
#[derive(Debug, Clone, PartialEq)]
struct Scan {
    v: f64,
    /// The unit of the last written digit.
    unit: f64,
    digits: String,
    end: usize,
    /// How the separators were read, when that took a decision (`1,50,000`).
    note: Option<String>,
    /// The other reading of one mark followed by exactly three digits (`512,300`: 512300 where
    /// `,` was read as the decimal mark; `23.610`: 23.61 where `.` was read as a group): what
    /// follows the number may take it (a count of whole things, some scale words).
    alt: Option<Box<Alt>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Alt {
    v: f64,
    unit: f64,
    digits: String,
    mark: char,
    /// The alternative reads the mark as a thousands group (else as the decimal mark).
    thousands: bool,
}

/// Turns integer and fraction digits (and a power of ten) into (value, unit of the last digit).
fn digits_value(int: &str, frac: &str, mut exp: i32) -> Option<(f64, f64)> {
    // at most 30 digits go to the float parser (a longer mantissa adds nothing to an f64 and
    // would make parsing slower than linear)
    const MAX: usize = 30;
    let text = if int.len() > MAX {
        exp = exp.saturating_add((int.len() - MAX).min(400) as i32);
        format!("{}.0", &int[..MAX])
    } else {
        format!(
            "{}.{}",
            if int.is_empty() { "0" } else { int },
            if frac.is_empty() {
                "0"
            } else {
                &frac[..frac.len().min(MAX)]
            }
        )
    };
    let mut v: f64 = text.parse().ok()?;
    let mut unit = if int.len() > MAX {
        1.0
    } else {
        10f64.powi(-(frac.len().min(400) as i32))
    };
    if exp != 0 {
        v *= 10f64.powi(exp);
        unit *= 10f64.powi(exp);
    }
    Some((v, unit))
}

/// Reads a number written with digits at `i`.
fn scan_number(ch: &[char], i: usize, lang: &FigureLang) -> Option<Scan> {
    let n = ch.len();
    let digit = |j: usize| j < n && ch[j].is_ascii_digit();
    let run = |mut j: usize| {
        let s = j;
        while j < n && ch[j].is_ascii_digit() {
            j += 1;
        }
        (s, j)
    };
    let mut j = i;
    let mut int = String::new();
    let mut frac = String::new();
    let mut note = None;
    let mut alt_at: Option<(char, usize, usize)> = None;
    if ch[j] == '.' && digit(j + 1) {
        let (s, e) = run(j + 1);
        frac.extend(&ch[s..e]);
        j = e;
    } else {
        let (s, e) = run(j);
        if s == e {
            return None;
        }
        int.extend(&ch[s..e]);
        j = e;
        // separators and the runs after them
        let mut seps: Vec<(char, usize, usize)> = Vec::new();
        let mut k = j;
        loop {
            if k >= n {
                break;
            }
            let c = ch[k];
            if (c == '.' || c == ',' || c == '\'' || is_space_sep(c)) && digit(k + 1) {
                let (s, e) = run(k + 1);
                seps.push((c, s, e));
                k = e;
                if seps.len() > 64 {
                    break;
                }
            } else {
                break;
            }
        }
        // `1,50,000`, `3,25,84,729.25`: commas every two digits, then the last three
        let commas_lead = seps.iter().take_while(|x| x.0 == ',').count();
        let indian = lang.two_digit_groups
            && commas_lead >= 2
            && int.len() <= 2
            && seps[..commas_lead - 1].iter().all(|x| x.2 - x.1 == 2)
            && seps[commas_lead - 1].2 - seps[commas_lead - 1].1 == 3
            && seps.get(commas_lead).is_none_or(|x| x.0 == '.');
        let dots = seps.iter().filter(|x| x.0 == '.').count();
        let commas = seps.iter().filter(|x| x.0 == ',').count();
        let last_pc = seps
            .iter()
            .rev()
            .find(|x| x.0 == '.' || x.0 == ',')
            .map(|x| x.0);
        // `9'33`: an apostrophe before other than three digits, where the language writes it so
        let apostrophe = lang.apostrophe_decimal
            && dots == 0
            && commas == 0
            && seps.len() == 1
            && seps[0].0 == '\''
            && seps[0].2 - seps[0].1 != 3;
        let decimal: Option<char> = if indian {
            (seps.len() > commas_lead).then_some('.')
        } else if apostrophe {
            Some('\'')
        } else if dots > 0 && commas > 0 {
            last_pc
        } else if let Some(c) = last_pc {
            let count = if c == '.' { dots } else { commas };
            if count > 1 {
                None
            } else {
                let (_, s, e) = *seps.iter().find(|x| x.0 == c).unwrap_or(&(c, 0, 0));
                let three = e - s == 3;
                let before_all_groups = seps.iter().take_while(|x| x.0 != c).count();
                if !three
                    || (int == "0" && before_all_groups == 0)
                    || c == lang.decimal
                    || !lang.group.contains(&c)
                {
                    // one mark then three digits, read as the decimal mark: the other reading
                    // is kept for a count of whole things after the number
                    if three && int != "0" && seps.len() == 1 {
                        alt_at = Some((c, s, e));
                    }
                    Some(c)
                } else {
                    if int != "0" && seps.len() == 1 {
                        alt_at = Some((c, s, e));
                    }
                    None
                }
            }
        } else {
            None
        };
        let both = dots > 0 && commas > 0;
        for (idx, &(c, s, e)) in seps.iter().enumerate() {
            if Some(c) == decimal && (c == '.' || c == ',' || c == '\'') {
                // the decimal separator must be the last '.'/',' one
                if seps[idx + 1..].iter().any(|x| x.0 == '.' || x.0 == ',') {
                    break;
                }
                frac.extend(&ch[s..e]);
                j = e;
                if c == '\'' {
                    note = Some(format!("`'` before {} digits: the decimal mark", e - s));
                }
                break;
            }
            if indian && idx < commas_lead {
                int.extend(&ch[s..e]);
                j = e;
                if idx + 1 == commas_lead {
                    note = Some("commas every two digits: lakhs and crores".to_string());
                }
                continue;
            }
            let repeated = (c == '.' && dots > 1) || (c == ',' && commas > 1);
            let group_ok = e - s == 3
                && (lang.group.contains(&c)
                    || repeated
                    || (both && (c == '.' || c == ','))
                    || (c == '\'' && lang.group.contains(&'\'')));
            let space_ok = !is_space_sep(c) || lang.group.iter().any(|g| is_space_sep(*g));
            if !group_ok || !space_ok {
                break;
            }
            // a space group must not be followed by more digits (`2 3000`)
            int.extend(&ch[s..e]);
            j = e;
        }
    }
    // exponent
    let mut exp: i32 = 0;
    if j < n && (ch[j] == 'e' || ch[j] == 'E') {
        let mut k = j + 1;
        let neg = k < n && ch[k] == '-';
        if k < n && (ch[k] == '-' || ch[k] == '+') {
            k += 1;
        }
        let (s, e) = run(k);
        if e > s && e - s <= 3 && !(e < n && spaced_letter(ch[e])) {
            let x: i32 = ch[s..e].iter().collect::<String>().parse().unwrap_or(0);
            exp = if neg { -x } else { x };
            j = e;
            // `1,234e3` is not read two ways
            alt_at = None;
        }
    }
    let (v, unit) = digits_value(&int, &frac, exp)?;
    let alt = match alt_at {
        // the mark was read as the decimal one: the other reading groups
        Some((mark, s, e)) if j == e && !frac.is_empty() => {
            let whole: String = int.chars().chain(ch[s..e].iter().copied()).collect();
            digits_value(&whole, "", 0).map(|(v, unit)| {
                Box::new(Alt {
                    v,
                    unit,
                    digits: whole,
                    mark,
                    thousands: true,
                })
            })
        }
        // the mark was read as a group: the other reading is decimal
        Some((mark, s, e)) if j == e && frac.is_empty() => {
            let head: String = int.chars().take(int.len().saturating_sub(3)).collect();
            let tail: String = ch[s..e].iter().collect();
            digits_value(&head, &tail, 0).map(|(v, unit)| {
                Box::new(Alt {
                    v,
                    unit,
                    digits: format!("{head}{tail}"),
                    mark,
                    thousands: false,
                })
            })
        }
        _ => None,
    };
    let mut digits = int;
    digits.push_str(&frac);
    Some(Scan {
        v,
        unit,
        digits,
        end: j,
        note,
        alt,
    })
}

impl FigureLang {
    /// The longest word at `i`: (end, entry).
    fn match_word(
        &self,
        t: &Text,
        i: usize,
        buf: &mut Vec<(usize, u32, bool)>,
    ) -> Option<(usize, u32)> {
        if spaced_letter(t.low[i]) && i > 0 && spaced_letter(t.low[i - 1]) {
            return None;
        }
        buf.clear();
        self.fold_trie.walk(&t.low, i, buf);
        let nf = buf.len();
        self.exact_trie.walk(&t.orig, i, buf);
        let mut best: Option<(usize, bool, bool, usize, u32)> = None;
        for (k, &(end, e, stem)) in buf.iter().enumerate() {
            let exact = k >= nf;
            let key_end = end;
            let mut end = end;
            if stem {
                while end < t.low.len() && spaced_letter(t.low[end]) {
                    end += 1;
                }
            } else if spaced_letter(t.low[end - 1])
                && end < t.low.len()
                && spaced_letter(t.low[end])
            {
                continue;
            }
            let key = (end, !stem, exact, key_end, e);
            if best.is_none_or(|b| (key.0, key.1, key.2, key.3) > (b.0, b.1, b.2, b.3)) {
                best = Some(key);
            }
        }
        best.map(|b| (b.0, b.4))
    }

    /// The longest word inside a compound word, ending at or before `word_end`.
    fn match_piece(
        &self,
        t: &Text,
        i: usize,
        word_end: usize,
        buf: &mut Vec<(usize, u32, bool)>,
    ) -> Option<(usize, u32)> {
        buf.clear();
        self.fold_trie.walk(&t.low[..word_end], i, buf);
        self.exact_trie.walk(&t.orig[..word_end], i, buf);
        buf.iter()
            .filter(|x| !x.2)
            .max_by_key(|x| x.0)
            .map(|x| (x.0, x.1))
    }

    /// A number word with a grammatical ending (`петте` = `пет` + `те`, `двата`): the entry of
    /// the word without it, when that word is a number or scale word.
    fn ending_word(
        &self,
        t: &Text,
        i: usize,
        e: usize,
        buf: &mut Vec<(usize, u32, bool)>,
    ) -> Option<u32> {
        if self.word_endings.is_empty() || e - i > 64 {
            return None;
        }
        for ending in &self.word_endings {
            let n = ending.chars().count();
            if e - i < n + 2 || !t.low[e - n..e].iter().copied().eq(ending.chars()) {
                continue;
            }
            let stem_end = e - n;
            if let Some((end, w)) = self.match_piece(t, i, stem_end, buf) {
                let numeric = self.entries[w as usize]
                    .has(|r| matches!(r, Role::Value(_) | Role::Small(_) | Role::Scale { .. }));
                if end == stem_end && numeric {
                    return Some(w);
                }
            }
        }
        None
    }

    /// Splits a compound number word (`zweihundertfünfzig`, `duemilacinquecento`) into words.
    fn split_compound(&self, t: &Text, i: usize, e: usize, out: &mut Vec<Tok>) -> bool {
        let mut buf = Vec::new();
        let mut pieces = Vec::new();
        let mut p = i;
        while p < e {
            match self.match_piece(t, p, e, &mut buf) {
                Some((end, w)) if end > p => {
                    let ok = self.entries[w as usize].has(|r| {
                        matches!(
                            r,
                            Role::Value(_)
                                | Role::Small(_)
                                | Role::Scale { .. }
                                | Role::Filler
                                | Role::Part(_)
                                // `zweieinhalb`
                                | Role::AddPart(_)
                        )
                    });
                    if !ok || pieces.len() > 16 {
                        return false;
                    }
                    pieces.push(Tok {
                        kind: TK::Word(w),
                        s: p,
                        e: end,
                    });
                    p = end;
                }
                _ => return false,
            }
        }
        if pieces.len() < 2 {
            return false;
        }
        out.extend(pieces);
        true
    }

    fn tokenize(&self, t: &Text) -> Vec<Tok> {
        let mut out: Vec<Tok> = Vec::new();
        let mut buf = Vec::new();
        let n = t.orig.len();
        let mut i = 0;
        while i < n {
            let c = t.orig[i];
            let (kind, e) = if c.is_whitespace() {
                let mut e = i;
                while e < n && t.orig[e].is_whitespace() {
                    e += 1;
                }
                (TK::Space, e)
            } else if c.is_ascii_digit()
                || (c == '.' && i + 1 < n && t.orig[i + 1].is_ascii_digit())
            {
                match scan_number(&t.orig, i, self) {
                    // too large for a figure: one unknown token, not read again digit by digit
                    Some(sc) if !sc.v.is_finite() => (TK::Other, sc.end),
                    Some(mut sc) => {
                        // `38-те`, `5-ти`: a grammatical ending after a hyphen
                        let mut e = sc.end;
                        if e + 1 < n && t.orig[e] == '-' && spaced_letter(t.low[e + 1]) {
                            let mut w = e + 1;
                            while w < n && spaced_letter(t.low[w]) {
                                w += 1;
                            }
                            let ending: String = t.low[e + 1..w].iter().collect();
                            if w - e <= 16 && self.endings.contains(&ending) {
                                let why = format!("-{ending}: an ending of the numeral");
                                sc.note = Some(match sc.note.take() {
                                    Some(n0) => format!("{n0}; {why}"),
                                    None => why,
                                });
                                e = w;
                            }
                        }
                        (
                            TK::Num {
                                v: sc.v,
                                unit: sc.unit,
                                digits: sc.digits,
                                note: sc.note,
                                alt: sc.alt,
                            },
                            e,
                        )
                    }
                    None => (TK::Other, i + 1),
                }
            } else if let Some((e, w)) = self.match_word(t, i, &mut buf) {
                (TK::Word(w), e)
            } else if c == '-' {
                // a dash is a minus sign before a number, or joins the ends of a range
                (TK::Dash, i + 1)
            } else if c == '+' && i + 1 < n && t.orig[i + 1].is_ascii_digit() {
                (TK::Plus, i + 1)
            } else if c == '/' {
                (TK::Slash, i + 1)
            } else if c == ',' || c == ';' {
                (TK::Comma, i + 1)
            } else if spaced_letter(t.low[i]) {
                let mut e = i;
                while e < n && spaced_letter(t.low[e]) {
                    e += 1;
                }
                if self.compound_words && e - i <= 64 && self.split_compound(t, i, e, &mut out) {
                    i = e;
                    continue;
                }
                match self.ending_word(t, i, e, &mut buf) {
                    Some(w) => (TK::Word(w), e),
                    None => (TK::Other, e),
                }
            } else {
                (TK::Other, i + 1)
            };
            out.push(Tok { kind, s: i, e });
            i = e;
        }
        out
    }
}

/// Formats a number for a step.
fn fmt_num(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v}");
        if s.len() > 24 {
            format!("{v:e}")
        } else {
            s
        }
    }
}

/// Rounds to 14 significant digits, to drop the noise of float products (1e11 × 1.1).
/// Monotone, so the order of lo ≤ value ≤ hi is kept.
fn clean(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = v.abs().log10().floor() as i32 - 13;
    let r = if e >= 0 {
        let m = 10f64.powi(e);
        (v / m).round() * m
    } else {
        let m = 10f64.powi(-e);
        (v * m).round() / m
    };
    if r.is_finite() {
        r
    } else {
        v
    }
}

fn fmt_mult(m: f64) -> String {
    if m.abs() < 1e4 && m.fract() == 0.0 {
        format!("×{}", m as i64)
    } else if m.fract() == 0.0 {
        format!("×{m:e}")
    } else {
        format!("×{m}")
    }
}

/// The number being read, word by word.
#[derive(Debug, Clone)]
struct Acc {
    total: f64,
    max_large: f64,
    section: f64,
    digit: Option<f64>,
    unit: f64,
    any: bool,
    literal_last: bool,
    last_large: Option<f64>,
    prev_mult: Option<f64>,
    abbrev: Option<f64>,
    zero: bool,
    frac: Option<Frac>,
    vague: Option<(f64, f64)>,
    divisor: f64,
    scale_tail: f64,
    and_pending: bool,
    units_before_tens: bool,
}

#[derive(Debug, Clone, Default)]
struct Frac {
    digits: String,
    group: Option<f64>,
    any: bool,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            total: 0.0,
            max_large: 0.0,
            section: 0.0,
            digit: None,
            unit: 1.0,
            any: false,
            literal_last: false,
            last_large: None,
            prev_mult: None,
            abbrev: None,
            zero: false,
            frac: None,
            vague: None,
            divisor: 1.0,
            scale_tail: 1.0,
            and_pending: false,
            units_before_tens: false,
        }
    }

    fn can_word(&self, v: f64) -> bool {
        if let (true, Some(d)) = (self.and_pending && self.units_before_tens, self.digit) {
            // `dreiundzwanzig`: a unit, `und`, then the tens
            if (1.0..10.0).contains(&d)
                && d.fract() == 0.0
                && (20.0..100.0).contains(&v)
                && v % 10.0 == 0.0
            {
                return true;
            }
        }
        if let Some(f) = &self.frac {
            return v >= 0.0 && v.fract() == 0.0 && v < 1e6 && (f.any || f.digits.is_empty());
        }
        match self.digit {
            None => true,
            Some(_) if self.literal_last => false,
            Some(d) => {
                if d == 0.0 {
                    return v.fract() == 0.0;
                }
                if v.fract() != 0.0 || d.fract() != 0.0 || v <= 0.0 || d <= v {
                    return false;
                }
                let p = 10f64.powi((v.log10().floor() as i32) + 1);
                d % p == 0.0
            }
        }
    }

    fn can_literal(&self) -> bool {
        match &self.frac {
            Some(f) => f.digits.is_empty() && f.group.is_none(),
            None => self.digit.is_none() || (self.zero && self.digit == Some(0.0)),
        }
    }

    fn word(&mut self, v: f64) {
        if let Some(f) = &mut self.frac {
            match f.group {
                None => f.group = Some(v),
                Some(g) => {
                    let p = if v == 0.0 {
                        10.0
                    } else {
                        10f64.powi((v.log10().floor() as i32) + 1)
                    };
                    if g != 0.0 && g % p == 0.0 && v < g {
                        f.group = Some(g + v);
                    } else {
                        f.digits.push_str(&fmt_num(g));
                        f.group = Some(v);
                    }
                }
            }
            f.any = true;
            return;
        }
        let fresh = self.digit.is_none();
        self.and_pending = false;
        self.digit = Some(self.digit.unwrap_or(0.0) + v);
        self.abbrev = if fresh && !self.zero && (1.0..10.0).contains(&v) && v.fract() == 0.0 {
            self.prev_mult
        } else {
            None
        };
        self.zero = v == 0.0;
        self.unit = 1.0;
        self.scale_tail = 1.0;
        self.any = true;
        self.literal_last = false;
        self.prev_mult = None;
    }

    fn literal(&mut self, v: f64, unit: f64, digits: &str) {
        if let Some(f) = &mut self.frac {
            f.digits.push_str(digits);
            f.any = false;
            return;
        }
        self.digit = Some(v);
        self.unit = unit;
        self.scale_tail = 1.0;
        self.any = true;
        self.literal_last = true;
        self.abbrev = None;
        self.zero = false;
        self.prev_mult = None;
    }

    fn end_frac(&mut self) {
        if let Some(mut f) = self.frac.take() {
            if let Some(g) = f.group.take() {
                f.digits.push_str(&fmt_num(g));
            }
            let n = f.digits.len();
            let fv: f64 = format!("0.{}", if f.digits.is_empty() { "0" } else { &f.digits })
                .parse()
                .unwrap_or(0.0);
            self.digit = Some(self.digit.unwrap_or(0.0) + fv);
            if n > 0 {
                self.unit = 10f64.powi(-(n as i32));
            }
            self.literal_last = true;
        }
    }

    fn denominator(&mut self, d: f64) {
        if let Some(f) = self.frac.take() {
            let mut num = f.group.unwrap_or(0.0);
            if !f.digits.is_empty() {
                num +=
                    f.digits.parse::<f64>().unwrap_or(0.0) * 10f64.powi(fmt_num(num).len() as i32);
            }
            self.digit = Some(self.digit.unwrap_or(0.0) + num / d);
            self.unit = 1.0 / d;
        } else {
            self.digit = Some(self.digit.unwrap_or(1.0) / d);
            self.unit /= d;
        }
        self.any = true;
        self.literal_last = true;
    }

    fn apply_abbrev(&mut self, on: bool) {
        if let (true, Some(m), Some(d)) = (on, self.abbrev, self.digit) {
            if m >= 100.0 {
                self.digit = Some(d * m / 10.0);
                self.unit = m / 10.0;
            }
        }
        self.abbrev = None;
    }

    fn small(&mut self, m: f64) {
        self.end_frac();
        if self.literal_last {
            // `5.5 หมื่น`, `3千`: digits written with figures are as precise as their last digit
            self.unit *= m;
        }
        let d = match self.digit {
            Some(d) if !(self.zero && d == 0.0) => d,
            _ => 1.0,
        };
        self.section += d * m;
        // `2-3 หมื่นล้าน`: what multiplies the last digit, for the other end of a range
        self.scale_tail *= m;
        self.digit = None;
        self.prev_mult = Some(m);
        self.abbrev = None;
        self.zero = false;
        self.any = true;
        self.literal_last = false;
    }

    fn large(&mut self, m: f64, abbrev_on: bool) {
        self.end_frac();
        self.apply_abbrev(abbrev_on);
        let mut grp = self.section + self.digit.unwrap_or(0.0);
        if grp == 0.0 && self.digit.is_none() && self.total == 0.0 {
            grp = 1.0;
        }
        if m > self.max_large {
            self.total = (self.total + grp) * m;
            self.max_large = m;
        } else {
            self.total += grp * m;
        }
        self.section = 0.0;
        self.digit = None;
        self.unit *= m;
        self.scale_tail *= m;
        self.last_large = Some(m);
        self.prev_mult = Some(m);
        self.zero = false;
        self.any = true;
        self.literal_last = false;
    }

    fn point(&mut self, abbrev_on: bool) {
        self.apply_abbrev(abbrev_on);
        let v = self.total + self.section + self.digit.unwrap_or(0.0);
        self.total = 0.0;
        self.section = 0.0;
        self.max_large = 0.0;
        self.digit = Some(v);
        self.frac = Some(Frac::default());
        self.any = true;
    }

    fn value(&mut self, abbrev_on: bool) -> f64 {
        self.end_frac();
        self.apply_abbrev(abbrev_on);
        (self.total + self.section + self.digit.unwrap_or(0.0)) / self.divisor
    }
}

/// One quantity: a number with what is attached to it.
#[derive(Debug, Clone)]
struct Qty {
    value: f64,
    /// Unit of the last written digit, in the final value.
    prec: f64,
    unit: Option<String>,
    approx: Option<Approx>,
    vague: Option<(f64, f64)>,
    scale_tail: f64,
    /// The factor of the unit or currency (`成` = 10 %, `MUSD` = 1e6 USD).
    factor: f64,
    /// The unit is a currency (a rate word leaves it as it is).
    currency: bool,
    /// The currency came from a word several currencies share (`元`).
    generic: bool,
    ambiguity: Option<String>,
    steps: Vec<Step>,
    end: usize,
}

struct Parser<'a> {
    lang: &'a FigureLang,
    t: &'a Text<'a>,
    toks: Vec<Tok>,
}

impl<'a> Parser<'a> {
    fn sig(&self, mut i: usize) -> usize {
        while i < self.toks.len() && self.toks[i].kind == TK::Space {
            i += 1;
        }
        i
    }
    /// The token before `i` that is not white space.
    fn prev_sig(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&p| self.toks[p].kind != TK::Space)
    }
    fn entry(&self, i: usize) -> Option<&'a Entry> {
        match self.toks.get(i)?.kind {
            TK::Word(w) => self.lang.entries.get(w as usize),
            _ => None,
        }
    }
    fn has(&self, i: usize, f: impl Fn(&Role) -> bool) -> bool {
        self.entry(i).is_some_and(|e| e.has(f))
    }
    fn text(&self, i: usize) -> &'a str {
        let tk = &self.toks[i];
        self.t.slice(tk.s, tk.e)
    }
    fn text_span(&self, a: usize, b: usize) -> &'a str {
        if b <= a {
            return "";
        }
        self.t.slice(self.toks[a].s, self.toks[b - 1].e)
    }
    fn is_num(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| &t.kind), Some(TK::Num { .. }))
    }
    /// The unit or currency code of the word at `i`, and whether it is a currency.
    fn unit_code(&self, i: usize) -> Option<(String, bool)> {
        self.entry(i)?.find(|r| match r {
            Role::Currency { code, .. } => Some((code.clone(), true)),
            Role::Unit { code, .. } => Some((code.clone(), false)),
            _ => None,
        })
    }
    /// `(` one token `)` at `i`: the index of `)`.
    fn bracketed(&self, i: usize) -> Option<usize> {
        let open = self.toks.get(i)?;
        let close = i + 2;
        (open.kind == TK::Other
            && matches!(self.text(i), "(" | "（" | "[")
            && matches!(self.toks.get(close)?.kind, TK::Other)
            && matches!(self.text(close), ")" | "）" | "]"))
        .then_some(close)
    }
    /// How a unit or currency word is read, with what the rules say is ambiguous about it.
    fn unit_step(&self, e: &Entry, code: &str, f: f64, o: f64) -> String {
        let m = unit_meaning(code, f, o);
        match &e.ambiguous {
            Some(a) if !e.has(|r| matches!(r, Role::Scale { .. })) => {
                format!("{m} (ambiguous: {a})")
            }
            _ => m,
        }
    }
    fn approx_of(&self, i: usize) -> Option<Approx> {
        let e = self.entry(i)?;
        e.find(|r| match r {
            Role::Approx(a) => Some(*a),
            _ => None,
        })
        .or_else(|| {
            // `上千亿`: only right before a multiplier or scale word
            let a = e.find(|r| match r {
                Role::ApproxBefore(a) => Some(*a),
                _ => None,
            })?;
            let n = self.sig(i + 1);
            self.has(n, |r| matches!(r, Role::Small(_) | Role::Scale { .. }))
                .then_some(a)
        })
    }
    /// A number written with digits at `i`, or after a sign there (`+8%`).
    fn num_at(&self, i: usize) -> bool {
        self.is_num(i)
            || (self
                .toks
                .get(i)
                .is_some_and(|t| matches!(t.kind, TK::Plus | TK::Dash))
                && self.is_num(i + 1))
    }
    fn width_text(&self, a: Approx) -> String {
        match self.lang.widths.get(&a) {
            Some(w) if (1.0 - w.lo - (w.hi - 1.0)).abs() < 1e-9 => {
                format!(
                    "{}: ±{}%",
                    a.name(),
                    fmt_num(((w.hi - 1.0) * 100.0 * 1e6).round() / 1e6)
                )
            }
            Some(w) => format!("{}: {}..{} × value", a.name(), fmt_num(w.lo), fmt_num(w.hi)),
            None => a.name().to_string(),
        }
    }

    /// Does a number (or a currency before one) start at `i`?
    fn starts_number(&self, i: usize) -> bool {
        self.num_at(i)
            || self.has(i, |r| {
                matches!(
                    r,
                    Role::Value(_)
                        | Role::Small(_)
                        | Role::Vague { .. }
                        | Role::Minus
                        | Role::Part(_)
                        | Role::Article
                )
            })
            || (self.has(i, |r| matches!(r, Role::Currency { .. })) && self.is_num(self.sig(i + 1)))
    }

    /// Does the token at `i` continue a number in `acc`?
    fn continues(&self, i: usize, acc: &Acc) -> bool {
        if i >= self.toks.len() {
            return false;
        }
        match &self.toks[i].kind {
            TK::Num { .. } => acc.can_literal(),
            TK::Word(_) => {
                let e = match self.entry(i) {
                    Some(e) => e,
                    None => return false,
                };
                e.roles.iter().any(|r| match r {
                    Role::Value(v) => acc.can_word(*v),
                    Role::Small(_) | Role::Scale { .. } => acc.any,
                    Role::Part(_) | Role::AddPart(_) | Role::Denominator(_) => acc.any,
                    Role::Point | Role::PointBetween => acc.any && acc.frac.is_none(),
                    Role::Vague { .. } => !acc.any,
                    _ => false,
                })
            }
            _ => false,
        }
    }

    /// Reads a number (digits and/or words) from `i`. Returns the accumulator, steps, next index.
    fn parse_number(
        &self,
        i: usize,
        steps: &mut Vec<Step>,
    ) -> Option<(Acc, usize, Option<Approx>, Option<String>)> {
        let ab = self.lang.trailing_digit_abbrev;
        let mut acc = Acc::new();
        acc.units_before_tens = self.lang.units_before_tens;
        let mut k = i;
        let mut end = i;
        let mut approx = None;
        let mut amb: Option<String> = None;
        let mut local: Vec<Step> = Vec::new();
        loop {
            let j = self.sig(k);
            if j >= self.toks.len() {
                break;
            }
            // `five (5) billion`, `пять (5) миллиардов`: the same number again in brackets
            if let Some(close) = self.bracketed(j).filter(|_| acc.any && acc.frac.is_none()) {
                if let TK::Num { v, .. } = &self.toks[j + 1].kind {
                    let so_far = acc.clone().value(ab);
                    if (so_far - v).abs() <= 1e-9 * v.abs().max(1.0) {
                        local.push(Step::new(
                            self.text_span(j, close + 1),
                            "the same number in digits",
                        ));
                        k = close + 1;
                        end = k;
                        continue;
                    }
                }
            }
            let tk = &self.toks[j];
            match &tk.kind {
                TK::Num {
                    v,
                    unit,
                    digits,
                    note,
                    alt,
                } => {
                    // `2 1/2 percent`: a whole number, then a proper fraction
                    if acc.literal_last
                        && acc.frac.is_none()
                        && j > k
                        && acc.digit.is_some_and(|d| d.fract() == 0.0)
                        && self.toks.get(j + 1).is_some_and(|t| t.kind == TK::Slash)
                        && self.is_num(j + 2)
                    {
                        if let TK::Num { v: d, .. } = self.toks[j + 2].kind {
                            if d > *v && *v > 0.0 && v.fract() == 0.0 && d.fract() == 0.0 {
                                let whole = acc.digit.unwrap_or(0.0);
                                acc.literal(whole + v / d, 1.0 / d, "");
                                local.push(Step::new(
                                    self.text_span(j, j + 3),
                                    format!("+{}", fmt_num(v / d)),
                                ));
                                k = j + 3;
                                end = k;
                                continue;
                            }
                        }
                    }
                    if !acc.can_literal() {
                        break;
                    }
                    // a numeric fraction `1/2`
                    if acc.frac.is_none()
                        && self.toks.get(j + 1).is_some_and(|t| t.kind == TK::Slash)
                        && self.is_num(j + 2)
                    {
                        if let TK::Num { v: d, .. } = self.toks[j + 2].kind {
                            if d != 0.0 {
                                acc.literal(v / d, 0.0, "");
                                local.push(Step::new(self.text_span(j, j + 3), fmt_num(v / d)));
                                k = j + 3;
                                end = k;
                                continue;
                            }
                        }
                    }
                    let next = self.sig(j + 1);
                    let mut meaning = fmt_num(*v);
                    let scale_before = self.entry(next).and_then(|e| {
                        e.find(|r| match r {
                            Role::Scale { before, .. } => Some(*before),
                            _ => None,
                        })
                    });
                    match alt {
                        // `512,300 unidades`: whole things are not counted in thousandths
                        Some(a) if a.thousands && self.has(next, |r| *r == Role::Count) => {
                            acc.literal(a.v, a.unit, &a.digits);
                            meaning = format!(
                                "{} (`{}` before three digits and a count of whole {}: a thousands group)",
                                fmt_num(a.v),
                                a.mark,
                                self.text(next)
                            );
                        }
                        // `1,171 millones`, `23.610 млрд`: the scale word decides
                        Some(a)
                            if (a.thousands && scale_before == Some(Before::Group))
                                || (!a.thousands && scale_before == Some(Before::Decimal)) =>
                        {
                            acc.literal(a.v, a.unit, &a.digits);
                            meaning = format!(
                                "{} (`{}` before three digits and `{}`: {})",
                                fmt_num(a.v),
                                a.mark,
                                self.text(next),
                                if a.thousands {
                                    "a thousands group"
                                } else {
                                    "the decimal mark"
                                }
                            );
                        }
                        Some(a) if a.thousands => {
                            acc.literal(*v, *unit, digits);
                            if scale_before.is_none() {
                                meaning = format!(
                                    "{meaning} (`{}` then three digits: the decimal mark here; ambiguous, a thousands group where `{}` groups digits)",
                                    a.mark, a.mark
                                );
                            }
                        }
                        _ => acc.literal(*v, *unit, digits),
                    }
                    if let Some(nt) = note {
                        meaning = format!("{meaning} ({nt})");
                    }
                    local.push(Step::new(self.text(j), meaning));
                    k = j + 1;
                    end = k;
                }
                TK::Word(_) => {
                    let e = self.entry(j)?;
                    let mut done = false;
                    let mut took = false;
                    let mut filler_taken = false;
                    for r in &e.roles {
                        match r {
                            // `un 2,5%`: an article that is also `one` is an article before digits
                            Role::Value(v)
                                if acc.can_word(*v)
                                    && !(e.has(|r| *r == Role::Article)
                                        && self.num_at(self.sig(j + 1))) =>
                            {
                                acc.word(*v);
                                local.push(Step::new(self.text(j), fmt_num(*v)));
                                took = true;
                            }
                            Role::Small(m) if acc.any || acc.digit.is_none() => {
                                if acc.frac.is_some() {
                                    done = true;
                                    break;
                                }
                                acc.small(*m);
                                local.push(Step::new(self.text(j), fmt_mult(*m)));
                                took = true;
                            }
                            Role::Scale {
                                mult,
                                bare,
                                attached,
                                ..
                            } => {
                                if !(acc.any || *bare || self.lang.bare_scales)
                                    || (*attached && (j != k || !acc.literal_last))
                                {
                                    continue;
                                }
                                acc.large(*mult, ab);
                                if let Some(a) = &e.ambiguous {
                                    amb = Some(format!("{}: {}", e.surface, a));
                                    local.push(Step::new(
                                        self.text(j),
                                        format!("{} (scale ambiguity: {a})", fmt_mult(*mult)),
                                    ));
                                } else {
                                    local.push(Step::new(self.text(j), fmt_mult(*mult)));
                                }
                                took = true;
                            }
                            Role::Point | Role::PointBetween if acc.any && acc.frac.is_none() => {
                                let mut n = self.sig(j + 1);
                                if self.has(n, |r| *r == Role::Filler) {
                                    // `две целых и пять десятых`
                                    n = self.sig(n + 1);
                                }
                                if !(self.is_num(n) || self.has(n, |r| matches!(r, Role::Value(_))))
                                {
                                    continue;
                                }
                                acc.point(ab);
                                local.push(Step::new(self.text(j), "decimal point"));
                                took = true;
                            }
                            Role::Point if !acc.any => {
                                // `จุด 77`
                                let n = self.sig(j + 1);
                                if !self.is_num(n) {
                                    continue;
                                }
                                acc.any = true;
                                acc.point(ab);
                                local.push(Step::new(self.text(j), "decimal point"));
                                took = true;
                            }
                            Role::Denominator(d) if acc.any => {
                                acc.denominator(*d);
                                local.push(Step::new(self.text(j), format!("÷{}", fmt_num(*d))));
                                took = true;
                            }
                            Role::Part(p)
                                if acc.frac.is_none() && (acc.any || acc.digit.is_none()) =>
                            {
                                let d = acc.digit.unwrap_or(1.0);
                                acc.digit = Some(d * p);
                                acc.any = true;
                                acc.unit = acc.unit.min(*p);
                                acc.literal_last = true;
                                local.push(Step::new(self.text(j), format!("×{}", fmt_num(*p))));
                                took = true;
                            }
                            Role::AddPart(p) if acc.any => {
                                acc.end_frac();
                                match (acc.digit, acc.last_large) {
                                    (Some(d), _) => acc.digit = Some(d + p),
                                    (None, Some(m)) => acc.total += p * m,
                                    (None, None) => acc.digit = Some(*p),
                                }
                                acc.literal_last = true;
                                local.push(Step::new(self.text(j), format!("+{}", fmt_num(*p))));
                                took = true;
                            }
                            Role::Vague { lo, hi, .. } if !acc.any => {
                                let c = (lo * hi).sqrt();
                                acc.word(c);
                                acc.vague = Some((lo / c, hi / c));
                                acc.literal_last = true;
                                local.push(Step::new(
                                    self.text(j),
                                    format!("vague: {}..{}", fmt_num(*lo), fmt_num(*hi)),
                                ));
                                took = true;
                            }
                            Role::Vague { after: Some(a), .. } if acc.any => {
                                approx.get_or_insert(*a);
                                local.push(Step::new(self.text(j), self.width_text(*a)));
                                took = true;
                            }
                            Role::Per if acc.any && acc.divisor == 1.0 => {
                                let d = acc.value(ab);
                                if d == 0.0 {
                                    continue;
                                }
                                let n = self.sig(j + 1);
                                if !self.continues(n, &Acc::new()) {
                                    continue;
                                }
                                acc = Acc::new();
                                acc.divisor = d;
                                local.push(Step::new(self.text(j), format!("÷{}", fmt_num(d))));
                                took = true;
                            }
                            // `half a million`: an article between a part and its scale word
                            Role::Article
                                if acc.any
                                    && self.prev_sig(j).is_some_and(|p| {
                                        self.has(p, |r| matches!(r, Role::Part(_)))
                                    })
                                    && self.has(self.sig(j + 1), |r| {
                                        matches!(r, Role::Scale { .. })
                                    }) =>
                            {
                                took = true;
                                filler_taken = true;
                            }
                            Role::Article if !acc.any => {
                                let n = self.sig(j + 1);
                                let ok = self.entry(n).is_some_and(|e2| {
                                    e2.alpha
                                        && e2.has(|r| {
                                            matches!(
                                                r,
                                                Role::Small(_)
                                                    | Role::Scale { .. }
                                                    | Role::Part(_)
                                                    | Role::Currency { .. }
                                                    | Role::Unit { .. }
                                            )
                                        })
                                }) && !self.is_num(self.sig(n + 1));
                                if !ok {
                                    continue;
                                }
                                acc.word(1.0);
                                local.push(Step::new(self.text(j), "1"));
                                took = true;
                            }
                            Role::Approx(a) if acc.any => {
                                // inside the number: `500余万`, `一千多万`
                                let n = self.sig(j + 1);
                                if self.has(n, |r| matches!(r, Role::Scale { .. } | Role::Small(_)))
                                {
                                    approx.get_or_insert(*a);
                                    local.push(Step::new(self.text(j), self.width_text(*a)));
                                    took = true;
                                }
                            }
                            Role::Filler if acc.any => {
                                let n = self.sig(j + 1);
                                let mut probe = acc.clone();
                                probe.and_pending = true;
                                // `and` joins only after a multiplier or a tens word
                                let joins_value = self.entry(n).is_some_and(|e2| {
                                    e2.roles.iter().any(|r| match r {
                                        Role::Value(v) => {
                                            acc.frac.is_some()
                                                || acc.digit.is_none()
                                                || probe.can_word(*v)
                                        }
                                        Role::Small(_)
                                        | Role::Scale { .. }
                                        | Role::Vague { .. } => true,
                                        _ => false,
                                    })
                                }) || (self.is_num(n)
                                    && acc.can_literal()
                                    && (acc.frac.is_some()
                                        || (acc.digit.is_none()
                                            && (acc.section != 0.0 || acc.total != 0.0))));
                                if joins_value {
                                    took = true;
                                    filler_taken = true;
                                    acc.and_pending = true;
                                }
                            }
                            _ => {}
                        }
                        if took {
                            break;
                        }
                    }
                    if done || !took {
                        break;
                    }
                    k = j + 1;
                    if !filler_taken {
                        end = k;
                    }
                }
                TK::Dash if acc.any && j == k => {
                    // `twenty-one`: a hyphen between two number words
                    let n = j + 1;
                    let prev_word = j > 0 && self.has(j - 1, |r| matches!(r, Role::Value(_)));
                    if prev_word
                        && self.has(n, |r| {
                            matches!(r, Role::Value(_) | Role::Part(_) | Role::Denominator(_))
                        })
                    {
                        k = n;
                        continue;
                    }
                    // `a $5-billion deal`: a hyphen joins digits to their scale word
                    if j > 0
                        && self.is_num(j - 1)
                        && self.has(n, |r| {
                            matches!(
                                r,
                                Role::Scale {
                                    attached: false,
                                    ..
                                }
                            )
                        })
                    {
                        k = n;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        if !acc.any {
            return None;
        }
        steps.extend(local);
        Some((acc, end, approx, amb))
    }

    /// Reads one quantity from `i`: prefixes, number, unit and sub-units.
    fn parse_qty(&self, i: usize) -> Option<Qty> {
        let mut steps = Vec::new();
        let mut unit: Option<String> = None;
        let mut factor = 1.0;
        let mut offset = 0.0;
        let mut sign = 1.0;
        let mut k = i;
        let mut approx = None;
        let mut prefix_currency = false;
        let mut unit_generic = false;
        // prefixes
        for _ in 0..MAX_PREFIX {
            let j = self.sig(k);
            if j >= self.toks.len() {
                return None;
            }
            if let Some(e) = self.entry(j) {
                if let Some((code, f, o)) = e.find(|r| match r {
                    Role::Currency { code, factor, .. } => Some((code, *factor, 0.0)),
                    Role::Unit {
                        code,
                        factor,
                        offset,
                        prefix: true,
                    } => Some((code, *factor, *offset)),
                    _ => None,
                }) {
                    let generic = is_generic(e);
                    if unit.as_ref().is_some_and(|u| u != code) && !(generic || unit_generic) {
                        return None;
                    }
                    // a unit word is a prefix only if a number follows
                    let n = self.sig(j + 1);
                    if !(self.is_num(n)
                        || self.toks.get(n).is_some_and(|t| t.kind == TK::Dash)
                        || self.entry(n).is_some_and(|e2| {
                            e2.has(|r| {
                                matches!(
                                    r,
                                    Role::Value(_)
                                        | Role::Small(_)
                                        | Role::Currency { .. }
                                        | Role::Unit { .. }
                                        | Role::Minus
                                        | Role::Vague { .. }
                                        | Role::Article
                                        | Role::Part(_)
                                        | Role::Point
                                )
                            }) || (self.lang.bare_scales
                                && e2.has(|r| matches!(r, Role::Scale { .. })))
                        }))
                    {
                        return None;
                    }
                    match &unit {
                        // `NT$ ... 元`: a word several currencies share gives way to a named one
                        Some(u) if u != code && generic => {
                            steps.push(Step::new(self.text(j), format!("the unit of {u}")));
                        }
                        Some(u) if u != code => {
                            steps.push(Step::new(
                                self.text(j),
                                format!("{} (names the currency of the word before)", code),
                            ));
                            unit = Some(code.clone());
                            unit_generic = false;
                        }
                        _ => {
                            steps.push(Step::new(self.text(j), self.unit_step(e, code, f, o)));
                            unit = Some(code.clone());
                            unit_generic = generic;
                            factor *= f;
                            offset += o;
                        }
                    }
                    prefix_currency |= e.has(|r| matches!(r, Role::Currency { .. }));
                    k = j + 1;
                    continue;
                }
                if e.has(|r| *r == Role::Minus) && sign > 0.0 {
                    let n = self.sig(j + 1);
                    if self.is_num(n)
                        || self.has(n, |r| {
                            matches!(r, Role::Value(_) | Role::Small(_) | Role::Currency { .. })
                        })
                    {
                        sign = -1.0;
                        steps.push(Step::new(self.text(j), "negative"));
                        k = j + 1;
                        continue;
                    }
                }
            }
            if self.toks[j].kind == TK::Plus && sign > 0.0 && self.is_num(j + 1) {
                steps.push(Step::new(self.text(j), "positive sign"));
                k = j + 1;
                continue;
            }
            // a dash right after a word or a number is a hyphen (`COVID-19`), not a minus
            let free = j == 0
                || matches!(self.toks[j - 1].kind, TK::Space | TK::Word(_) | TK::Comma)
                || self.text(j - 1) == "(";
            if self.toks[j].kind == TK::Dash && sign > 0.0 && free {
                let n = if self.toks.get(j + 1).is_some_and(|t| t.kind == TK::Space) {
                    j + 2
                } else {
                    j + 1
                };
                if self.is_num(n) || self.has(n, |r| matches!(r, Role::Currency { .. })) {
                    sign = -1.0;
                    steps.push(Step::new(self.text(j), "negative"));
                    k = j + 1;
                    continue;
                }
            }
            break;
        }
        let (mut acc, mut k2, a, mut amb) = self.parse_number(k, &mut steps)?;
        approx = approx.or(a);
        let ab = self.lang.trailing_digit_abbrev;
        let mut value = acc.value(ab);
        let mut prec = acc.unit / acc.divisor;
        let mut scale_tail = acc.scale_tail;
        let mut end = k2;
        // postfixes: unit, currency, scale after a currency (`75 USD million`), sub-units
        let mut after_unit = false;
        let mut is_currency = prefix_currency;
        for _ in 0..8 {
            let mut j = self.sig(k2);
            // `a 1,310-megawatt plant`, `a $5-billion-dollar deal`: a hyphen joins the number (or
            // its scale word) to its unit
            if j == k2
                && self.toks.get(j).is_some_and(|t| t.kind == TK::Dash)
                && j > 0
                && !matches!(self.toks[j - 1].kind, TK::Space)
                && self.unit_code(j + 1).is_some()
                // `$5bn-$7bn` is a range: the currency there opens the other end
                && !self.starts_number(self.sig(j + 2))
            {
                j += 1;
            }
            // `barriles equivalentes de petróleo (bep)`: the unit's abbreviation in brackets
            if let (Some(u), Some(close)) = (&unit, self.bracketed(j)) {
                if self.unit_code(j + 1).is_some_and(|(c, _)| c == *u) {
                    steps.push(Step::new(
                        self.text_span(j, close + 1),
                        "the same unit, abbreviated",
                    ));
                    k2 = close + 1;
                    end = k2;
                    continue;
                }
            }
            // `$70 per barrel`, `$70/bbl`: a price per unit stays in its currency
            if is_currency
                && (self.toks.get(j).is_some_and(|t| t.kind == TK::Slash)
                    || self.has(j, |r| *r == Role::PerUnit))
            {
                let n = self.sig(j + 1);
                if let Some((code, _)) = self.unit_code(n).filter(|(_, cur)| !cur) {
                    steps.push(Step::new(
                        self.text_span(j, n + 1),
                        format!(
                            "a price per {code}: the figure is in {}",
                            unit.as_deref().unwrap_or("")
                        ),
                    ));
                    k2 = n + 1;
                    end = k2;
                    continue;
                }
            }
            let e = match self.entry(j) {
                Some(e) => e,
                None => {
                    break;
                }
            };
            // `barrels per day`, `桶/日`: a physical unit becomes a rate
            if let Some(code) = e.find(|r| match r {
                Role::Rate { code, .. } => Some(code),
                _ => None,
            }) {
                match &unit {
                    Some(u) if !is_currency && !u.contains('/') => {
                        let rate = format!("{u}/{code}");
                        steps.push(Step::new(self.text(j), format!("a rate: {rate}")));
                        unit = Some(rate);
                        k2 = j + 1;
                        end = k2;
                        continue;
                    }
                    _ => break,
                }
            }
            // `20 стотинки`: a sub-unit alone names its currency
            if let (None, Some((code, f))) = (
                &unit,
                e.find(|r| match r {
                    Role::Subunit {
                        factor,
                        code: Some(c),
                    } => Some((c, *factor)),
                    _ => None,
                }),
            ) {
                steps.push(Step::new(self.text(j), unit_meaning(code, f, 0.0)));
                unit = Some(code.clone());
                is_currency = true;
                factor *= f;
                k2 = j + 1;
                end = k2;
                after_unit = true;
                continue;
            }
            if let Some((code, f, o)) = e.find(|r| match r {
                Role::Currency { code, factor, .. } => Some((code, *factor, 0.0)),
                Role::Unit {
                    code,
                    factor,
                    offset,
                    ..
                } => Some((code, *factor, *offset)),
                _ => None,
            }) {
                let generic = is_generic(e);
                if let Some(u) = &unit {
                    if u != code && generic && is_currency {
                        // `新台币9899亿元`: `元` is the unit of the currency already named
                        steps.push(Step::new(self.text(j), format!("the unit of {u}")));
                        k2 = j + 1;
                        end = k2;
                        after_unit = true;
                        continue;
                    }
                    if u != code
                        && unit_generic
                        && e.has(|r| matches!(r, Role::Currency { .. }))
                        && f == 1.0
                    {
                        // `9899亿元新台币`: the named currency after the shared word
                        steps.push(Step::new(
                            self.text(j),
                            format!("{code} (names the currency of {u} before)"),
                        ));
                        unit = Some(code.clone());
                        unit_generic = false;
                        k2 = j + 1;
                        end = k2;
                        after_unit = true;
                        continue;
                    }
                    if u != code {
                        break;
                    }
                    if f == factor && o == offset {
                        steps.push(Step::new(self.text(j), code.clone()));
                        is_currency |= e.has(|r| matches!(r, Role::Currency { .. }));
                        k2 = j + 1;
                        end = k2;
                        after_unit = true;
                        continue;
                    }
                    break;
                }
                steps.push(Step::new(self.text(j), self.unit_step(e, code, f, o)));
                is_currency = e.has(|r| matches!(r, Role::Currency { .. }));
                unit_generic = generic;
                unit = Some(code.clone());
                factor *= f;
                offset += o;
                k2 = j + 1;
                end = k2;
                after_unit = true;
                continue;
            }
            if let Some((m, _)) = e.find(|r| match r {
                Role::Scale {
                    mult,
                    bare,
                    attached: false,
                    ..
                } => Some((*mult, *bare)),
                _ => None,
            }) {
                if unit.is_some() && m > 1.0 {
                    value *= m;
                    prec *= m;
                    scale_tail *= m;
                    steps.push(Step::new(self.text(j), fmt_mult(m)));
                    if let Some(a) = &e.ambiguous {
                        amb = Some(format!("{}: {}", e.surface, a));
                    }
                    k2 = j + 1;
                    end = k2;
                    continue;
                }
                break;
            }
            if let (Some(p), Some(_)) = (
                e.find(|r| match r {
                    Role::Part(p) | Role::AddPart(p) => Some(*p),
                    _ => None,
                }),
                &unit,
            ) {
                // `一吨半`, `三成半`
                if after_unit {
                    value += p;
                    steps.push(Step::new(self.text(j), format!("+{}", fmt_num(p))));
                    k2 = j + 1;
                    end = k2;
                    continue;
                }
            }
            if e.has(|r| *r == Role::Filler) {
                // `of` before a unit: `tens of billions`, `0.9 trillion cubic feet`
                let n = self.sig(j + 1);
                if self.has(n, |r| {
                    matches!(
                        r,
                        Role::Currency { .. } | Role::Unit { .. } | Role::Scale { .. }
                    )
                }) && !self.has(n, |r| matches!(r, Role::Value(_)))
                    // `$5bn and $7bn`: a currency before digits starts the next figure
                    && !self.starts_number(self.sig(n + 1))
                {
                    k2 = n;
                    continue;
                }
            }
            break;
        }
        // sub-units after a currency: `20 dollars 43 cents`, `五元六角`, `15лв и 50ст`
        if is_currency || (ab && unit.is_some()) {
            let mut last_factor = 1.0;
            for _ in 0..3 {
                let mut j = self.sig(end);
                let mut skipped = 0;
                while skipped < 2
                    && (self.toks.get(j).is_some_and(|t| t.kind == TK::Comma)
                        || self.has(j, |r| *r == Role::Filler || *r == Role::RangeAnd))
                    && !self.has(j, |r| matches!(r, Role::Subunit { .. }))
                {
                    j = self.sig(j + 1);
                    skipped += 1;
                }
                let mut sub_steps = Vec::new();
                let Some((mut sacc, sk, _, _)) = self.parse_number(j, &mut sub_steps) else {
                    break;
                };
                let s = self.sig(sk);
                let sv = sacc.value(false);
                if let Some(f) = self.entry(s).filter(|_| is_currency).and_then(|e| {
                    e.find(|r| match r {
                        Role::Subunit { factor, .. } => Some(*factor),
                        _ => None,
                    })
                }) {
                    if !(sacc.vague.is_none() && sv >= 0.0) {
                        break;
                    }
                    value += sv * f;
                    prec = f;
                    steps.extend(sub_steps);
                    steps.push(Step::new(
                        self.text(s),
                        format!("×{} of the currency", fmt_num(f)),
                    ));
                    end = s + 1;
                    last_factor = f;
                    continue;
                }
                let plain_end = !self.has(s, |r| {
                    matches!(
                        r,
                        Role::Scale { .. }
                            | Role::Small(_)
                            | Role::Currency { .. }
                            | Role::Unit { .. }
                            | Role::Part(_)
                            | Role::AddPart(_)
                    )
                }) && !self.toks.get(s).is_some_and(|t| t.kind == TK::Dash);
                // `$20 43`, `20 dollars and 43`: a bare number under 100 after a currency is cents
                if self.lang.bare_subunits
                    && is_currency
                    && last_factor == 1.0
                    && (0.0..100.0).contains(&sv)
                    && sv.fract() == 0.0
                    && sacc.total == 0.0
                    && sacc.vague.is_none()
                    && plain_end
                    && (!self.is_num(j) || self.text(j).chars().count() <= 2)
                {
                    value += sv * 0.01;
                    prec = 0.01;
                    steps.extend(sub_steps);
                    steps.push(Step::new(self.text_span(j, sk), "×0.01 of the currency"));
                    end = sk;
                    break;
                }
                // `一块二`: a bare digit after a currency is its next lower unit
                if ab
                    && skipped == 0
                    && (1.0..10.0).contains(&sv)
                    && sv.fract() == 0.0
                    && !self.is_num(j)
                    && sacc.total == 0.0
                    && sacc.section == 0.0
                    && !self.has(s, |r| {
                        matches!(
                            r,
                            Role::Scale { .. }
                                | Role::Small(_)
                                | Role::Currency { .. }
                                | Role::Unit { .. }
                        )
                    })
                {
                    // `三块零四`: a zero skips a place
                    let f = if self.has(j, |r| *r == Role::Value(0.0)) {
                        last_factor / 100.0
                    } else {
                        last_factor / 10.0
                    };
                    value += sv * f;
                    prec = f;
                    steps.extend(sub_steps);
                    steps.push(Step::new(
                        self.text_span(j, sk),
                        format!("×{} of the currency", fmt_num(f)),
                    ));
                    end = sk;
                }
                break;
            }
        }
        // percent-like factors and offsets
        value = sign * value * factor + offset;
        prec *= factor;
        let q = Qty {
            value,
            prec,
            unit,
            approx,
            vague: acc.vague.take(),
            scale_tail,
            factor,
            currency: is_currency,
            generic: unit_generic,
            ambiguity: amb,
            steps,
            end,
        };
        Some(q)
    }

    /// Reads a figure from `i`: approximation and range words around one or two quantities.
    fn parse_figure(&self, i: usize) -> Option<(Figure, usize, usize)> {
        let mut steps = Vec::new();
        let mut approx: Option<Approx> = None;
        let mut open = false;
        let mut k = i;
        let mut first = self.sig(i);
        let mut open_word: Option<(usize, usize)> = None;
        let mut rate: Option<String> = None;
        for _ in 0..MAX_PREFIX {
            let j = self.sig(k);
            // `每日200万桶`: a rate written before the number
            if let Some(code) = self.entry(j).and_then(|e| {
                e.find(|r| match r {
                    Role::Rate { code, prefix: true } => Some(code.clone()),
                    _ => None,
                })
            }) {
                if rate.is_none() {
                    steps.push(Step::new(self.text(j), format!("a rate: per {code}")));
                    rate = Some(code);
                }
                k = j + 1;
                // `每日产量50万桶`: a noun of a few characters may stand between the rate and the
                // number, in a script written without spaces
                if self.lang.drop_spaces {
                    let mut m = k;
                    while m < self.toks.len()
                        && m < k + MAX_PREFIX
                        && self.toks[m].kind == TK::Other
                        && self.text(m).chars().all(char::is_alphabetic)
                    {
                        m += 1;
                    }
                    if m > k && self.starts_number(m) {
                        steps.push(Step::new(self.text_span(k, m), "not read: the rate's noun"));
                        k = m;
                    }
                }
                continue;
            }
            // `每桶70美元`: a price per unit written before the number
            if self.has(j, |r| *r == Role::PerUnit) {
                let n = self.sig(j + 1);
                if let Some((code, false)) = self.unit_code(n) {
                    if self.starts_number(self.sig(n + 1))
                        || self.approx_of(self.sig(n + 1)).is_some()
                    {
                        steps.push(Step::new(
                            self.text_span(j, n + 1),
                            format!("a price per {code}"),
                        ));
                        k = n + 1;
                        continue;
                    }
                }
            }
            if let Some(a) = self.approx_of(j) {
                if approx.is_none() {
                    approx = Some(a);
                    steps.push(Step::new(self.text(j), self.width_text(a)));
                }
                k = j + 1;
                continue;
            }
            if self.has(j, |r| *r == Role::RangeOpen) {
                open = true;
                open_word = Some((j, steps.len()));
                steps.push(Step::new(self.text(j), "range from"));
                k = j + 1;
                continue;
            }
            // `circa il 30%`, `entre el 5`, `casi un +8%`: an article after a prefix word
            if (approx.is_some() || open)
                && (self.has(j, |r| *r == Role::Filler) && self.starts_number(self.sig(j + 1))
                    || self.has(j, |r| *r == Role::Article) && self.num_at(self.sig(j + 1)))
            {
                k = j + 1;
                continue;
            }
            break;
        }
        let mut q1 = self.parse_qty(k)?;
        if let Some(r) = &rate {
            apply_rate(&mut q1, r);
        }
        let mut end = q1.end;
        // a range?
        let mut q2: Option<Qty> = None;
        let s = self.sig(q1.end);
        let sep = s < self.toks.len()
            && (self.toks[s].kind == TK::Dash
                || self.has(s, |r| *r == Role::RangeSep)
                || (self.has(s, |r| *r == Role::RangeAnd) && open));
        let and_close = !sep && self.has(s, |r| *r == Role::RangeAnd);
        if sep || and_close {
            let mut b_start = s + 1;
            let f = self.sig(b_start);
            if self.has(f, |r| *r == Role::Filler) && self.starts_number(self.sig(f + 1)) {
                // `entre el 5 y el 10%`
                b_start = f + 1;
            }
            if let Some(mut b) = self.parse_qty(b_start) {
                if let Some(r) = &rate {
                    apply_rate(&mut b, r);
                }
                let close = self.sig(b.end);
                let closes = self.has(close, |r| *r == Role::RangeClose);
                if (sep || closes) && compatible(&q1, &b) {
                    steps.append(&mut q1.steps);
                    steps.push(Step::new(self.text(s), "range to"));
                    steps.append(&mut b.steps);
                    end = b.end;
                    if closes {
                        steps.push(Step::new(self.text(close), "end of range"));
                        end = close + 1;
                    }
                    q2 = Some(b);
                }
            }
        }
        if q2.is_none() {
            steps.append(&mut q1.steps);
        }
        // postfixes
        for _ in 0..2 {
            let j = self.sig(end);
            if let Some(a) = self.approx_of(j) {
                // `至少10最多20`: an approximation word before another number belongs to it
                if self.starts_number(self.sig(j + 1)) {
                    break;
                }
                approx.get_or_insert(a);
                steps.push(Step::new(self.text(j), self.width_text(a)));
                end = j + 1;
                continue;
            }
            if q2.is_some() && self.has(j, |r| *r == Role::RangeClose) {
                end = j + 1;
                continue;
            }
            break;
        }
        let fig = match q2 {
            Some(b) => self.range_figure(q1, b, steps),
            None => {
                // `up from 87 GW`: an opening word without a range is not part of the figure
                if let Some((j, at)) = open_word {
                    steps.remove(at);
                    if j == first {
                        first = self.sig(j + 1);
                    }
                }
                let approx = approx.or(q1.approx);
                self.single_figure(q1, approx, steps)
            }
        };
        Some((fig, first, end))
    }

    fn single_figure(&self, q: Qty, approx: Option<Approx>, mut steps: Vec<Step>) -> Figure {
        let v = q.value;
        let half = (q.prec / 2.0).abs();
        let (mut lo, mut hi) = (v - half, v + half);
        let mut approx = approx;
        if let Some((rl, rh)) = q.vague {
            let (a, b) = order(v * rl, v * rh);
            lo = a;
            hi = b;
            if approx.is_none() || approx == Some(Approx::About) {
                approx = Some(Approx::Vague);
            }
        }
        if let Some(a) = approx {
            if let Some(w) = self.lang.widths.get(&a) {
                let (a, b) = order(v * w.lo, v * w.hi);
                lo = lo.min(a);
                hi = hi.max(b);
            }
        }
        let (v, lo, hi) = (clean(v), clean(lo).min(clean(v)), clean(hi).max(clean(v)));
        steps.push(Step::new(
            "interval",
            format!("{} .. {}", fmt_num(lo), fmt_num(hi)),
        ));
        // A vague amount points at no number; any other figure points at the number written, as
        // precise as its last digit, whatever approximation word stands before it.
        let stated = if q.vague.is_some() {
            (lo, hi)
        } else {
            (clean(v - half).min(v), clean(v + half).max(v))
        };
        if approx.is_some() && stated != (lo, hi) {
            steps.push(Step::new(
                "stated",
                format!("{} .. {}", fmt_num(stated.0), fmt_num(stated.1)),
            ));
        }
        Figure {
            value: v,
            lo,
            hi,
            stated,
            unit: q.unit,
            generic_currency: q.generic,
            approx,
            scale_ambiguity: q.ambiguity,
            steps,
            ends: None,
        }
    }

    fn range_figure(&self, mut a: Qty, mut b: Qty, mut steps: Vec<Step>) -> Figure {
        let generic = if a.unit.is_some() {
            a.generic
        } else {
            b.generic
        };
        if a.unit.is_none() && b.unit.is_some() {
            // `3至5成`: the unit's factor applies to both ends
            a.unit = b.unit.clone();
            if b.factor != 1.0 {
                a.value *= b.factor;
                a.prec *= b.factor;
                steps.push(Step::new(
                    "range",
                    format!("{} applies to both ends", fmt_mult(b.factor)),
                ));
            }
        }
        if b.unit.is_none() {
            b.unit = a.unit.clone();
        }
        if a.scale_tail == 1.0
            && b.scale_tail > 1.0
            && a.value * b.scale_tail <= b.value * (1.0 + 1e-12)
        {
            a.value *= b.scale_tail;
            a.prec *= b.scale_tail;
            steps.push(Step::new(
                "range",
                format!("{} applies to both ends", fmt_mult(b.scale_tail)),
            ));
        }
        let (lo, hi) = (
            a.value - (a.prec / 2.0).abs(),
            b.value + (b.prec / 2.0).abs(),
        );
        let (lo, hi) = order(lo, hi);
        let mid = clean((a.value + b.value) / 2.0);
        let (lo, hi) = (clean(lo).min(mid), clean(hi).max(mid));
        steps.push(Step::new(
            "interval",
            format!("{} .. {}", fmt_num(lo), fmt_num(hi)),
        ));
        Figure {
            value: mid,
            lo,
            hi,
            stated: (lo, hi),
            unit: a.unit,
            generic_currency: generic,
            approx: Some(Approx::Range),
            scale_ambiguity: a.ambiguity.or(b.ambiguity),
            steps,
            ends: Some((a.value, b.value)),
        }
    }
}

/// A rate written before the number (`每日`) turns a physical unit into a rate.
fn apply_rate(q: &mut Qty, code: &str) {
    if let Some(u) = &q.unit {
        if !q.currency && !u.contains('/') {
            q.unit = Some(format!("{u}/{code}"));
        }
    }
}

fn order(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn compatible(a: &Qty, b: &Qty) -> bool {
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// A currency word that several currencies share (`元`).
fn is_generic(e: &Entry) -> bool {
    e.has(|r| matches!(r, Role::Currency { generic: true, .. }))
}

fn unit_meaning(code: &str, factor: f64, offset: f64) -> String {
    let mut s = String::new();
    if factor != 1.0 {
        s.push_str(&fmt_mult(factor));
        s.push(' ');
    }
    if offset != 0.0 {
        s.push_str(&format!("{:+} ", fmt_num(offset)));
    }
    s.push_str(code);
    s
}

struct Found {
    figures: Vec<(Range<usize>, Figure, usize, usize)>,
    unattached: Vec<String>,
    abbreviations: Vec<String>,
    /// Articles read as `one` alone, left out beside another figure (`un record de 54 millions`).
    articles: Vec<String>,
}

fn find_all(text: &str, lang: &FigureLang) -> Found {
    let t = Text::new(text, lang);
    let toks = lang.tokenize(&t);
    let p = Parser { lang, t: &t, toks };
    let mut figures = Vec::new();
    let mut covered = vec![false; p.toks.len()];
    let mut i = 0;
    while i < p.toks.len() {
        // only numbers, dashes and known words can start a figure
        if matches!(
            p.toks[i].kind,
            TK::Space | TK::Other | TK::Comma | TK::Slash
        ) {
            i += 1;
            continue;
        }
        match p.parse_figure(i) {
            Some((f, s, e))
                if e > s && f.value.is_finite() && f.lo.is_finite() && f.hi.is_finite() =>
            {
                let a = t.pos[p.toks[s].s];
                let b = {
                    let last = &p.toks[e - 1];
                    let lp = t.pos[last.e - 1];
                    lp + text[lp..].chars().next().map_or(0, |c| c.len_utf8())
                };
                for c in covered.iter_mut().take(e).skip(i) {
                    *c = true;
                }
                figures.push((a..b, f, s, e));
                i = e;
            }
            _ => i += 1,
        }
    }
    // an article that is also `one` (`un`, `une`) standing alone is an article, not a figure,
    // when the text holds another figure
    let mut articles = Vec::new();
    let article_only = |(_, _, s, e): &(Range<usize>, Figure, usize, usize)| {
        *e == *s + 1 && p.has(*s, |r| *r == Role::Article)
    };
    if figures.iter().any(|f| !article_only(f)) {
        figures.retain(|f| {
            if article_only(f) {
                articles.push(p.text(f.2).to_string());
                false
            } else {
                true
            }
        });
    }
    let mut unattached = Vec::new();
    for (k, tok) in p.toks.iter().enumerate() {
        if covered[k] {
            continue;
        }
        if p.has(k, |r| {
            matches!(
                r,
                Role::Scale { .. }
                    | Role::Currency { .. }
                    | Role::Unit { .. }
                    | Role::Subunit { .. }
            )
        }) {
            unattached.push(t.slice(tok.s, tok.e).to_string());
        }
    }
    // an unknown abbreviation right after a figure (`5 bil.`) may be a scale word we do not know
    let mut abbreviations = Vec::new();
    for (_, _, _, e) in &figures {
        let k = p.sig(*e);
        let Some(tok) = p.toks.get(k) else { continue };
        let word = t.slice(tok.s, tok.e);
        let dot = p
            .toks
            .get(k + 1)
            .is_some_and(|d| d.kind == TK::Other && p.text(k + 1) == ".");
        if tok.kind == TK::Other
            && dot
            && word.chars().count() <= 5
            && word.chars().all(char::is_alphabetic)
        {
            abbreviations.push(format!("{word}."));
        }
    }
    Found {
        figures,
        unattached,
        abbreviations,
        articles,
    }
}

/// Finds every figure in a sentence: (byte range in `text`, figure).
pub fn find_figures(text: &str, lang: &FigureLang) -> Vec<(Range<usize>, Figure)> {
    find_all(text, lang)
        .figures
        .into_iter()
        .map(|(r, f, _, _)| (r, f))
        .collect()
}

fn same(a: &Figure, b: &Figure) -> bool {
    a.unit == b.unit && (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(b.value.abs())
}

pub(super) fn read_figure(text: &str, lang: &FigureLang) -> Result<Figure, FigureError> {
    let err = |reason: String| Err(FigureError { reason });
    if text.trim().is_empty() {
        return err("empty text: no figure to read".into());
    }
    let found = find_all(text, lang);
    let mut figs = found.figures;
    if figs.is_empty() {
        let digits = text.chars().any(|c| normalize_char(c).is_ascii_digit());
        return err(if digits {
            format!(
                "no figure could be read in «{}» (a number out of range?)",
                text.trim()
            )
        } else {
            format!("no number found in «{}»", text.trim())
        });
    }
    if let Some(w) = found.abbreviations.first() {
        return err(format!(
            "unknown abbreviation «{w}» after the number in «{}»: if it is a scale or unit word, \
             add it to the language's figures.yaml",
            text.trim()
        ));
    }
    if let Some(w) = found.unattached.first() {
        return err(format!(
            "«{w}» is not attached to a number in «{}»; the figure could be misread",
            text.trim()
        ));
    }
    if figs.len() == 1 {
        let (r, mut f, _, _) = figs.remove(0);
        // say which words around the figure were not read (`3 万个企业职位`: 个企业职位)
        let around: Vec<&str> = [text[..r.start].trim(), text[r.end..].trim()]
            .into_iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        let at = f.steps.len().saturating_sub(1);
        if !around.is_empty() {
            f.steps.insert(
                at,
                Step::new(around.join(" … "), "not read: words around the figure"),
            );
        }
        for a in &found.articles {
            f.steps
                .insert(at, Step::new(a, "an article here, not the number one"));
        }
        return Ok(f);
    }
    if figs.len() == 2 {
        let (ra, a, _, _) = figs.remove(0);
        let (rb, b, _, _) = figs.remove(0);
        if same(&a, &b) {
            // `forty-five (45)`
            let mut f = a;
            f.steps
                .push(Step::new(&text[rb.clone()], "the same figure again"));
            return Ok(f);
        }
        // `$1.2 billion (€1.1 billion)`: a figure in another unit in brackets is a conversion
        let between = &text[ra.end..rb.start];
        let after = text[rb.end..].trim_start();
        if a.unit.is_some()
            && b.unit.is_some()
            && a.unit != b.unit
            && between.trim_end().ends_with(['(', '（', '['])
            && after.starts_with([')', '）', ']'])
        {
            let mut f = a;
            f.steps.push(Step::new(
                &text[rb.clone()],
                "a conversion in brackets, not read",
            ));
            return Ok(f);
        }
        let lower = |x: &Figure| matches!(x.approx, Some(Approx::Over) | Some(Approx::AtLeast));
        let upper = |x: &Figure| matches!(x.approx, Some(Approx::Under) | Some(Approx::UpTo));
        let unit_ok = a.unit == b.unit || a.unit.is_none() || b.unit.is_none();
        if unit_ok && ((lower(&a) && upper(&b)) || (upper(&a) && lower(&b))) {
            // `above 1000 and below 1500`, `at most 100 and at least 20`
            let (l, u) = if lower(&a) { (a, b) } else { (b, a) };
            if l.value <= u.value {
                let mut steps = l.steps.clone();
                steps.extend(u.steps.iter().cloned());
                steps.push(Step::new(
                    &text[ra.start..rb.end],
                    "range between the two bounds",
                ));
                return Ok(Figure {
                    value: (l.value + u.value) / 2.0,
                    lo: l.value,
                    hi: u.value,
                    stated: (l.value, u.value),
                    unit: l.unit.clone().or(u.unit.clone()),
                    generic_currency: match l.unit {
                        Some(_) => l.generic_currency,
                        None => u.generic_currency,
                    },
                    approx: Some(Approx::Range),
                    scale_ambiguity: l.scale_ambiguity.clone().or(u.scale_ambiguity.clone()),
                    steps,
                    ends: Some((l.value, u.value)),
                });
            }
        }
        return err(format!(
            "two different figures: «{}» and «{}»",
            &text[ra], &text[rb]
        ));
    }
    let list: Vec<String> = figs
        .iter()
        .map(|f| format!("«{}»", &text[f.0.clone()]))
        .collect();
    err(format!(
        "{} figures where one is expected: {}",
        figs.len(),
        list.join(", ")
    ))
}
