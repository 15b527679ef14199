//! The parts a period is composed of (which, what, how many, edges, anchors), the words a
//! language gives for each part, and cutting a text into those parts.
//!
//! A language's words live in its `periods.yaml` (see [`super::PeriodLangFile`]); this module
//! turns them into one lexicon of surfaces, each with the roles it may play ("first" is an
//! ordinal in "the first quarter" and the start of a count in "the first nine months"; "до" is a
//! deadline in "до 2030 года" and the end of a range in "с 2025 до 2027"). Which role a word plays
//! is decided by the composer ([`super::compose`]), not here.

use super::normal::fold_char;
pub(crate) use crate::script::spaced_letter;
use std::collections::HashMap;

/// A unit of the calendar a period is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Unit {
    Year,
    Half,
    /// Four months, a third of a year: `cuatrimestre`, `quadrimestre`.
    Third,
    Quarter,
    Month,
    Week,
    Day,
}

impl Unit {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Unit::Year => "year",
            Unit::Half => "half",
            Unit::Third => "third of a year",
            Unit::Quarter => "quarter",
            Unit::Month => "month",
            Unit::Week => "week",
            Unit::Day => "day",
        }
    }

    /// How many months the unit spans, for the units made of whole months.
    pub(crate) fn months(self) -> Option<u32> {
        match self {
            Unit::Year => Some(12),
            Unit::Half => Some(6),
            Unit::Third => Some(4),
            Unit::Quarter => Some(3),
            Unit::Month => Some(1),
            Unit::Week | Unit::Day => None,
        }
    }

    /// How many of the unit a year holds, for the units that divide a year.
    pub(crate) fn per_year(self) -> Option<u32> {
        self.months().map(|m| 12 / m)
    }
}

/// Which edge of a period a word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Start,
    Middle,
    End,
}

impl Edge {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Edge::Start => "start",
            Edge::Middle => "middle",
            Edge::End => "end",
        }
    }
}

/// What a word of a period may mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// How many: `three`, `drei`, `три`.
    Number(u32),
    /// Which one: `third`, `третий`; -1 the last of its kind (`final`).
    Ordinal(i32),
    /// An ordinal of one unit only, possibly with the unit in it: `上半年` (half 1).
    UnitOrdinal(Unit, i32),
    /// A month of the year.
    Month(u32),
    /// What: a unit, fiscal or not (`year`, `Geschäftsjahr`, `财季`).
    Unit(Unit, bool),
    /// Which, counted from the document's date: 0 this, -1 last, 1 next.
    Which(i32),
    /// The start of a count from the start of a period: "the *first* nine months", `前`.
    First,
    /// A unit and its which in one word: `今年`, `yesterday`, `Vorjahr`.
    Fused(Unit, bool, i32),
    /// Makes the unit or year beside it fiscal: `fiscal`, `финансовом`.
    Fiscal,
    /// Makes the unit or year beside it a calendar one: `calendar`.
    Calendar,
    /// From the start of the period to the document's date: `so far`, `to date`.
    ToDate,
    /// This unit to date, in one word: `ytd`.
    ToDateOf(Unit, bool),
    /// From the start of the period to the document's date: `since`, `с`, `以来`.
    Since,
    /// From the document's date to the end of the period: `by`, `bis`, `к`, `到`.
    Deadline,
    /// The period's last day: `as of`, `截至`.
    AsOf,
    /// An edge of the period: `end`, `Ende`, `底`.
    Edge(Edge),
    /// Opens a range: `from`, `between`, `с`.
    RangeFrom,
    /// Joins the two ends of a range: `to`, `-`, `по`.
    RangeTo,
    /// Joins the two ends of a range opened by `between`: `and`.
    RangeAnd,
    /// Ends a count of units at a period: "the three months *ended* June 30".
    Ending,
    /// Ten years in one word: `decade`.
    Decade,
    /// The first N months in one word: `деветмесечие`.
    FirstMonths(u32),
    /// A day of the week, 1 (Monday) to 7.
    Weekday(u32),
    /// After a number, names the nth of a unit: `月` in "3 月" (March).
    NthOf(Unit),
    /// Makes the number after it an ordinal: `第`, `ที่`.
    OrdinalBefore,
    /// Makes the number before it an ordinal: `rd`, `-й`, `.` (German), `日`.
    OrdinalAfter,
    /// Marks a year of the language's era: `พ.ศ.`.
    Era,
    /// Marks a year of the common era: `ค.ศ.`.
    CommonEra,
    /// A word that adds nothing: `in`, `the`, `в`, `года`.
    Filler,
}

/// Letters written against a number (`Q3`, `3Q`, `FY26`, `9M`): what they make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Notation {
    /// `Q3`, `3Q`: the number is the quarter.
    Quarter,
    /// `H1`, `1H`.
    Half,
    /// `FY26`, `FY2026`: the number is the fiscal year.
    FiscalYear,
    /// `FQ3`.
    FiscalQuarter,
    /// `FH1`.
    FiscalHalf,
    /// `CY2025`.
    CalendarYear,
    /// `9M`: the first nine months.
    FirstMonths,
}

/// One piece of a period's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    /// Digits: the value and how many digits were written.
    Num { value: u32, digits: u8 },
    /// A word of the lexicon with the roles it may play.
    Word(Vec<Role>),
    /// Letters against digits: `Q3` → (Quarter, 3).
    Notation(Notation, u32, u8),
    /// A mark between words that the lexicon does not know (`,`, `/`, `'`).
    Punct(char),
    /// Letters the lexicon does not know.
    Unknown,
}

/// A piece with where it is in the normalised text (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub piece: Piece,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default, Clone)]
struct Node {
    next: Vec<(char, u32)>,
    /// Roles of the word ending here.
    roles: Vec<Role>,
    /// Roles of the stem ending here (`квартал*`): a few more letters may follow.
    stem_roles: Vec<Role>,
    /// The file that gave each role of `roles` and `stem_roles`, in the same order.
    roles_from: Vec<u16>,
    stem_roles_from: Vec<u16>,
}

/// Whether two roles say the same kind of thing and differ only in its value (`Which(-1)` and
/// `Which(-2)`), so that a later file's role replaces an earlier one's.
fn same_kind(a: Role, b: Role) -> bool {
    use Role::*;
    match (a, b) {
        (UnitOrdinal(u, _), UnitOrdinal(v, _)) => u == v,
        (Fused(u, f, _), Fused(v, g, _)) => u == v && f == g,
        (Unit(..), Unit(..)) | (ToDateOf(..), ToDateOf(..)) | (NthOf(_), NthOf(_)) => true,
        _ => std::mem::discriminant(&a) == std::mem::discriminant(&b),
    }
}

/// How many letters a stem (`квартал*`) may be followed by.
const STEM_ENDING: usize = 3;

/// The words of a language for every part of a period, in one trie.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    nodes: Vec<Node>,
    notations: HashMap<String, Notation>,
    digits: HashMap<char, char>,
    /// Whether a word may be two words written together (German `Jahresbeginn`).
    compounds: bool,
    /// Every word as written (a stem without its `*`) with its role, for finding periods in text.
    surfaces: Vec<(String, Role)>,
    /// The rules file whose words are being added: a later file's meaning of a word replaces an
    /// earlier file's meaning of the same kind (a desk's `-2: [去年]` replaces `-1: [去年]`).
    file: u16,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            nodes: vec![Node::default()],
            notations: HashMap::new(),
            digits: HashMap::new(),
            compounds: false,
            surfaces: Vec::new(),
            file: 0,
        }
    }
}

impl Lexicon {
    pub(crate) fn set_digits(&mut self, digits: &HashMap<char, char>) {
        self.digits = digits.clone();
    }

    pub(crate) fn set_compounds(&mut self, on: bool) {
        self.compounds = on;
    }

    /// The key a surface is stored and looked up by: folded, lower case, one space between
    /// words, a hyphen between letters taken as a space.
    pub(crate) fn fold(&self, s: &str) -> Vec<char> {
        let raw: Vec<char> = s
            .chars()
            .map(|c| self.digits.get(&c).copied().unwrap_or_else(|| fold_char(c)))
            .flat_map(char::to_lowercase)
            .collect();
        let mut out: Vec<char> = Vec::with_capacity(raw.len());
        for (i, &c) in raw.iter().enumerate() {
            let hyphen_between_letters = c == '-'
                && i > 0
                && raw[i - 1].is_alphabetic()
                && raw.get(i + 1).is_some_and(|n| n.is_alphabetic());
            let c = if hyphen_between_letters { ' ' } else { c };
            if c == ' ' && (out.is_empty() || out.last() == Some(&' ')) {
                continue;
            }
            out.push(c);
        }
        while out.last() == Some(&' ') {
            out.pop();
        }
        out
    }

    /// Adds a word with a role; a word ending in `*` is a stem that a few letters may follow.
    pub(crate) fn add(&mut self, word: &str, role: Role) -> Result<(), String> {
        let (word, stem) = match word.trim().strip_suffix('*') {
            Some(w) => (w, true),
            None => (word.trim(), false),
        };
        let key = self.fold(word);
        if key.is_empty() {
            return Err(format!("an empty word for {role:?}"));
        }
        self.surfaces.push((word.to_string(), role));
        let mut at = 0usize;
        for c in key {
            at = match self.nodes[at].next.iter().find(|(k, _)| *k == c) {
                Some(&(_, n)) => n as usize,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[at].next.push((c, n as u32));
                    n
                }
            };
        }
        let file = self.file;
        let node = &mut self.nodes[at];
        let (roles, from) = if stem {
            (&mut node.stem_roles, &mut node.stem_roles_from)
        } else {
            (&mut node.roles, &mut node.roles_from)
        };
        if roles.contains(&role) {
            return Ok(());
        }
        let replaced = roles
            .iter()
            .zip(from.iter())
            .position(|(r, &f)| f < file && same_kind(*r, role));
        match replaced {
            Some(i) => {
                roles[i] = role;
                from[i] = file;
            }
            None => {
                roles.push(role);
                from.push(file);
            }
        }
        Ok(())
    }

    /// Starts the words of the next rules file (see `file`).
    pub(crate) fn next_file(&mut self) {
        self.file = self.file.saturating_add(1);
    }

    pub(crate) fn add_notation(&mut self, letters: &str, what: Notation) -> Result<(), String> {
        let key: String = self.fold(letters).into_iter().collect();
        if key.is_empty() || !key.chars().all(char::is_alphabetic) {
            return Err(format!("a notation must be letters, not \"{letters}\""));
        }
        self.notations.insert(key, what);
        Ok(())
    }

    /// The words that name a part of a period by themselves (months, units, which words, edges,
    /// fused words): where a period may stand in a sentence.
    pub(crate) fn anchor_words(&self) -> impl Iterator<Item = &str> {
        self.surfaces
            .iter()
            .filter(|(_, role)| {
                matches!(
                    role,
                    Role::Month(_)
                        | Role::Unit(..)
                        | Role::Which(_)
                        | Role::Fused(..)
                        | Role::Edge(_)
                        | Role::ToDate
                        | Role::ToDateOf(..)
                        | Role::FirstMonths(_)
                        | Role::UnitOrdinal(..)
                        | Role::Decade
                )
            })
            .map(|(w, _)| w.as_str())
    }

    /// Whether the lexicon has any word at all (a language without parts reads only forms).
    pub(crate) fn is_empty(&self) -> bool {
        self.nodes.len() <= 1 && self.notations.is_empty()
    }

    /// The words matching at `i`, as (end, roles), for every end found; `whole` asks for words
    /// that begin and end at word boundaries (a compound's parts need not).
    fn matches_at(&self, text: &[char], i: usize, whole: bool) -> Vec<(usize, Vec<Role>, bool)> {
        let mut found = Vec::new();
        // (node, position)
        let mut frontier = vec![(0usize, i)];
        let mut steps = 0;
        while let Some((node, pos)) = frontier.pop() {
            steps += 1;
            if steps > 4096 {
                break;
            }
            let n = &self.nodes[node];
            if pos > i {
                if !n.roles.is_empty() {
                    found.push((pos, n.roles.clone(), false));
                }
                if !n.stem_roles.is_empty() {
                    found.push((pos, n.stem_roles.clone(), true));
                }
            }
            for &(k, child) in &n.next {
                // A space between the words of an entry matches a hyphen: "year-end", "year end".
                let same = pos < text.len() && (text[pos] == k || (k == ' ' && text[pos] == '-'));
                if same {
                    frontier.push((child as usize, pos + 1));
                }
                // An abbreviating dot after a letter may be left out: "jan" for "jan.".
                if k == '.' && pos > i && text[pos - 1].is_alphabetic() {
                    frontier.push((child as usize, pos));
                }
            }
        }
        let mut out: Vec<(usize, Vec<Role>, bool)> = Vec::new();
        for (end, roles, stem) in found {
            let first = text[i];
            if whole && spaced_letter(first) && i > 0 && spaced_letter(text[i - 1]) {
                continue;
            }
            let last = text[end - 1];
            if stem {
                let extra = text[end..]
                    .iter()
                    .take_while(|c| spaced_letter(**c))
                    .count();
                if whole {
                    if extra <= STEM_ENDING {
                        out.push((end + extra, roles, true));
                    }
                } else {
                    // The first part of a compound may end anywhere within its ending.
                    for e in 0..=extra.min(STEM_ENDING) {
                        out.push((end + e, roles.clone(), true));
                    }
                }
                continue;
            }
            if whole && spaced_letter(last) && end < text.len() && spaced_letter(text[end]) {
                continue;
            }
            out.push((end, roles, false));
        }
        out
    }

    /// Cuts a normalised text into pieces: the longest word of the lexicon at each place, digits,
    /// letters against digits, marks, and runs of unknown letters.
    pub(crate) fn tokenize(&self, text: &str) -> Vec<Token> {
        let folded: Vec<char> = self.fold_keep_length(text);
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let n = folded.len();
        let mut out: Vec<Token> = Vec::new();
        let mut i = 0;
        while i < n {
            let c = folded[i];
            if c == ' ' {
                i += 1;
                continue;
            }
            let push = |out: &mut Vec<Token>, piece: Piece, a: usize, b: usize| {
                out.push(Token {
                    piece,
                    start: offsets[a],
                    end: offsets[b],
                });
            };
            if c.is_ascii_digit() {
                let j = i + folded[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                // A word of the lexicon written with digits and longer than them wins: "11月".
                let word = self
                    .matches_at(&folded, i, true)
                    .into_iter()
                    .filter(|(end, _, _)| *end > j)
                    .max_by_key(|(end, _, _)| *end);
                if let Some((end, roles, _)) = word {
                    push(&mut out, Piece::Word(roles), i, end);
                    i = end;
                    continue;
                }
                let letters = folded[j..]
                    .iter()
                    .take_while(|c| spaced_letter(**c))
                    .count();
                let value = parse_digits(&folded[i..j]);
                if letters > 0 {
                    let word: String = folded[j..j + letters].iter().collect();
                    if let (Some(&what), Some(v)) = (self.notations.get(&word), value) {
                        push(
                            &mut out,
                            Piece::Notation(what, v, (j - i) as u8),
                            i,
                            j + letters,
                        );
                        i = j + letters;
                        continue;
                    }
                }
                match value {
                    Some(value) => push(
                        &mut out,
                        Piece::Num {
                            value,
                            digits: (j - i).min(255) as u8,
                        },
                        i,
                        j,
                    ),
                    None => push(&mut out, Piece::Unknown, i, j),
                }
                i = j;
                continue;
            }
            // Letters against digits: Q3, FY2026.
            if spaced_letter(c) && (i == 0 || !spaced_letter(folded[i - 1])) {
                let letters = folded[i..]
                    .iter()
                    .take_while(|c| spaced_letter(**c))
                    .count();
                let j = i + letters;
                let digits = folded[j..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if digits > 0 && (j + digits == n || !spaced_letter(folded[j + digits])) {
                    let word: String = folded[i..j].iter().collect();
                    if let (Some(&what), Some(v)) = (
                        self.notations.get(&word),
                        parse_digits(&folded[j..j + digits]),
                    ) {
                        push(
                            &mut out,
                            Piece::Notation(what, v, digits as u8),
                            i,
                            j + digits,
                        );
                        i = j + digits;
                        continue;
                    }
                }
            }
            // The longest match; every entry ending there lends its roles ("девет" is a number,
            // the stem "девет*" an ordinal).
            let mut found = self.matches_at(&folded, i, true);
            // Whole words before stems: "девяти" is the number nine before the ordinal "девят*".
            found.sort_by_key(|(_, _, stem)| *stem);
            let found: Vec<(usize, Vec<Role>)> =
                found.into_iter().map(|(e, r, _)| (e, r)).collect();
            if let Some(end) = found.iter().map(|(end, _)| *end).max() {
                let mut roles: Vec<Role> = Vec::new();
                for (_, rs) in found.iter().filter(|(e, _)| *e == end) {
                    for r in rs {
                        if !roles.contains(r) {
                            roles.push(*r);
                        }
                    }
                }
                push(&mut out, Piece::Word(roles), i, end);
                i = end;
                continue;
            }
            if spaced_letter(c) {
                let j = i + folded[i..]
                    .iter()
                    .take_while(|c| spaced_letter(**c))
                    .count();
                match self.compound(&folded, i, j) {
                    Some((k, first, second)) => {
                        push(&mut out, Piece::Word(first), i, k);
                        push(&mut out, Piece::Word(second), k, j);
                    }
                    None => push(&mut out, Piece::Unknown, i, j),
                }
                i = j;
            } else if c.is_alphabetic() || is_mark(c) {
                // An unknown character of an unspaced script, or a mark written over or under a
                // letter (the Thai tone marks of "วันที่"), joins the unknown run before it.
                match out.last_mut() {
                    Some(t) if t.piece == Piece::Unknown && t.end == offsets[i] => {
                        t.end = offsets[i + 1];
                    }
                    _ => push(&mut out, Piece::Unknown, i, i + 1),
                }
                i += 1;
            } else {
                push(&mut out, Piece::Punct(c), i, i + 1);
                i += 1;
            }
        }
        out
    }

    /// A word of letters `i..j` read as two words written together (`jahres` + `beginn`), the
    /// longest first part first.
    fn compound(&self, text: &[char], i: usize, j: usize) -> Option<(usize, Vec<Role>, Vec<Role>)> {
        if !self.compounds {
            return None;
        }
        let mut firsts = self.matches_at(&text[..j], i, false);
        firsts.sort_by_key(|(end, _, _)| std::cmp::Reverse(*end));
        for (k, first, _) in firsts {
            if k >= j {
                continue;
            }
            let second = self
                .matches_at(&text[..j], k, false)
                .into_iter()
                .find(|(end, _, _)| *end == j);
            if let Some((_, second, _)) = second {
                return Some((k, first, second));
            }
        }
        None
    }

    /// Folds a text character by character (one char out for one char in), so that positions
    /// map back.
    fn fold_keep_length(&self, text: &str) -> Vec<char> {
        let raw: Vec<char> = text
            .chars()
            .map(|c| self.digits.get(&c).copied().unwrap_or_else(|| fold_char(c)))
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) => x,
                    _ => c,
                }
            })
            .collect();
        raw
    }
}

/// Whether a character is a mark that takes no room of its own (a combining mark): it belongs to
/// the letter before it.
fn is_mark(c: char) -> bool {
    !c.is_control() && unicode_width::UnicodeWidthChar::width(c) == Some(0)
}

fn parse_digits(ds: &[char]) -> Option<u32> {
    if ds.len() > 9 {
        return None;
    }
    ds.iter()
        .try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + c.to_digit(10)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut l = Lexicon::default();
        l.add("so far", Role::ToDate).unwrap();
        l.add("this", Role::Which(0)).unwrap();
        l.add("fiscal year", Role::Unit(Unit::Year, true)).unwrap();
        l.add("year", Role::Unit(Unit::Year, false)).unwrap();
        l.add("квартал*", Role::Unit(Unit::Quarter, false)).unwrap();
        l.add("jan.", Role::Month(1)).unwrap();
        l.add("季度", Role::Unit(Unit::Quarter, false)).unwrap();
        l.add("前", Role::First).unwrap();
        l.add_notation("q", Notation::Quarter).unwrap();
        l
    }

    fn pieces(l: &Lexicon, text: &str) -> Vec<(String, Piece)> {
        l.tokenize(text)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.piece))
            .collect()
    }

    #[test]
    fn longest_word_wins_and_unknown_words_are_kept() {
        let l = lexicon();
        let p = pieces(&l, "so far this fiscal yaer");
        assert_eq!(p[0], ("so far".into(), Piece::Word(vec![Role::ToDate])));
        assert_eq!(p[1], ("this".into(), Piece::Word(vec![Role::Which(0)])));
        assert_eq!(p[2].0, "fiscal");
        assert_eq!(p[2].1, Piece::Unknown);
        assert_eq!(p[3], ("yaer".into(), Piece::Unknown));
    }

    #[test]
    fn stems_take_a_few_letters_and_words_match_whole() {
        let l = lexicon();
        let p = pieces(&l, "квартале");
        assert_eq!(p.len(), 1);
        assert!(matches!(p[0].1, Piece::Word(_)));
        // "years" is not "year": a whole word only.
        assert_eq!(pieces(&l, "years")[0].1, Piece::Unknown);
        // An abbreviating dot may be left out.
        assert!(matches!(pieces(&l, "jan 2025")[0].1, Piece::Word(_)));
    }

    #[test]
    fn unspaced_words_match_anywhere_and_notations_hold_their_number() {
        let l = lexicon();
        let p = pieces(&l, "前3季度");
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[1].1,
            Piece::Num {
                value: 3,
                digits: 1
            }
        );
        let q = pieces(&l, "Q4'24");
        assert_eq!(q[0].1, Piece::Notation(Notation::Quarter, 4, 1));
        assert_eq!(q[1].1, Piece::Punct('\''));
        assert_eq!(
            q[2].1,
            Piece::Num {
                value: 24,
                digits: 2
            }
        );
        let r = pieces(&l, "4q 2024");
        assert_eq!(r[0].1, Piece::Notation(Notation::Quarter, 4, 1));
    }
}
