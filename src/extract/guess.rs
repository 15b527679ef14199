//! Finding entity names, metric words, period expressions and status words in a sentence, and
//! picking the ones that go with a figure.

use crate::claim::Status;
use crate::figure::{Approx, Figure};
use crate::period::{read_period, FiscalCalendar, Published};
use crate::rules::{Language, Rules};
use crate::script::{spaced_alnum, unspaced};
use std::collections::HashMap;
use std::ops::Range;

fn lower(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Words to look for in a sentence, each with what it stands for. Words of spaced scripts match
/// whole words only; matching ignores case; at each position the longest word wins.
pub(crate) struct Matcher<T> {
    by_first: HashMap<char, Vec<(Vec<char>, T)>>,
}

impl<T: Clone> Matcher<T> {
    pub(crate) fn new(items: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut by_first: HashMap<char, Vec<(Vec<char>, T)>> = HashMap::new();
        for (surface, value) in items {
            let w: Vec<char> = surface.trim().chars().map(lower).collect();
            if let Some(&first) = w.first() {
                by_first.entry(first).or_default().push((w, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Matcher { by_first }
    }

    /// Every match in `text`: byte range, value. Matches do not overlap.
    pub(crate) fn find(&self, text: &str) -> Vec<(Range<usize>, T)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let low: Vec<char> = chars.iter().map(|&(_, c)| lower(c)).collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let n = low.len();
        let mut out = Vec::new();
        let mut i = 0;
        'outer: while i < n {
            if let Some(list) = self.by_first.get(&low[i]) {
                for (w, v) in list {
                    let j = i + w.len();
                    if j > n || low[i..j] != w[..] {
                        continue;
                    }
                    let start_ok = !spaced_alnum(w[0]) || i == 0 || !spaced_alnum(low[i - 1]);
                    let end_ok = !spaced_alnum(w[w.len() - 1]) || j == n || !spaced_alnum(low[j]);
                    if start_ok && end_ok {
                        out.push((byte(i)..byte(j), v.clone()));
                        i = j;
                        continue 'outer;
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// Everything looked for in sentences, built once per call of `extract`.
pub(crate) struct Lexicon<'r> {
    lang: &'r Language,
    entities: Matcher<String>,
    metrics: Matcher<String>,
    statuses: Matcher<Status>,
    period_words: Matcher<()>,
    not_figures: Matcher<()>,
}

/// How far around a digit or a period word a period expression is looked for, in characters.
const PERIOD_REACH: usize = 16;
const PERIOD_REACH_UNSPACED: usize = 10;
/// At most this many digit runs and period words of one sentence are tried as periods.
const MAX_ANCHORS: usize = 48;

impl<'r> Lexicon<'r> {
    pub(crate) fn new(rules: &'r Rules, lang: &'r Language) -> Self {
        let entities = Matcher::new(rules.entities.iter().flat_map(|(name, e)| {
            std::iter::once((name.clone(), name.clone()))
                .chain(e.aliases.iter().map(move |a| (a.clone(), name.clone())))
        }));
        let metrics = Matcher::new(rules.metrics.iter().flat_map(|(name, m)| {
            std::iter::once((name.replace('_', " "), name.clone()))
                .chain(m.aliases.iter().map(move |a| (a.clone(), name.clone())))
        }));
        let statuses = Matcher::new(lang.sentences.status_words.iter().cloned());
        // Words that can stand in a period: months and relative words (今年, last year), quarter
        // and half words. Prefixes and suffixes (`in`, `в`, `年`) are found by widening the span.
        let period_words = Matcher::new(lang.periods.anchor_words().map(|w| (w.to_string(), ())));
        let not_figures = Matcher::new(lang.sentences.not_figures.iter().map(|w| (w.clone(), ())));
        Lexicon {
            lang,
            entities,
            metrics,
            statuses,
            period_words,
            not_figures,
        }
    }

    pub(crate) fn entities(&self, s: &str) -> Vec<(Range<usize>, String)> {
        self.entities.find(s)
    }

    pub(crate) fn metrics(&self, s: &str) -> Vec<(Range<usize>, String)> {
        self.metrics.find(s)
    }

    pub(crate) fn statuses(&self, s: &str) -> Vec<(Range<usize>, Status)> {
        self.statuses.find(s)
    }

    /// Where the sentence has words that contain a number word but are no figure.
    pub(crate) fn not_figures(&self, s: &str) -> Vec<Range<usize>> {
        self.not_figures
            .find(s)
            .into_iter()
            .map(|(r, ())| r)
            .collect()
    }

    /// The period expressions of a sentence: byte range, canonical label. The longest reading
    /// around each digit run or period word, then the longest of those that overlap.
    pub(crate) fn periods(
        &self,
        s: &str,
        published: Published,
        figures: &[(Range<usize>, Figure)],
    ) -> Vec<(Range<usize>, String)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let n = chars.len();
        let byte = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
        // The digits of a figure with a unit (`2000 亿美元`, `4 GW`) are not a year or a day.
        // Figures come in order and do not overlap: the one that may hold a range is the last
        // one starting at or before it.
        let in_unit_figure = |a: usize, b: usize| {
            let r = byte(a)..byte(b);
            let k = figures.partition_point(|(fr, _)| fr.start <= r.start);
            k > 0 && {
                let (fr, f) = &figures[k - 1];
                covers(fr, &r) && f.unit.as_deref().is_some_and(|u| u != "year")
            }
        };
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n && anchors.len() < MAX_ANCHORS {
            if chars[i].1.is_numeric() {
                let mut j = i;
                while j < n && chars[j].1.is_numeric() {
                    j += 1;
                }
                // No period has a run of more than four digits.
                if j - i <= 4 && !in_unit_figure(i, j) {
                    anchors.push((i, j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let char_at = |b: usize| chars.partition_point(|&(x, _)| x < b);
        for (r, ()) in self.period_words.find(s) {
            anchors.push((char_at(r.start), char_at(r.end)));
        }
        anchors.sort_unstable();
        anchors.dedup();
        // Bounded work on a pathological sentence (thousands of numbers and no full stop).
        anchors.truncate(MAX_ANCHORS);
        // A span may start at `k` if it does not cut a word of a spaced script, nor start or end
        // with white space.
        let cuts = |k: usize| {
            k == 0 || k == n || !(spaced_alnum(chars[k - 1].1) && spaced_alnum(chars[k].1))
        };
        let calendar = FiscalCalendar { start_month: 1 };
        let mut found: Vec<(Range<usize>, String)> = Vec::new();
        for (a, b) in anchors {
            let reach = if unspaced(chars[a].1) || (a > 0 && unspaced(chars[a - 1].1)) {
                PERIOD_REACH_UNSPACED
            } else {
                PERIOD_REACH
            };
            // A period starts with a letter or digit, and ends with one or with the dot of an
            // abbreviation (`2033 г.`, `2023 r.`), not with punctuation around it.
            let starts: Vec<usize> = (a.saturating_sub(reach)..=a)
                .filter(|&k| cuts(k) && k < n && wordish(chars[k].1))
                .collect();
            let ends: Vec<usize> = (b..=(b + reach).min(n))
                .filter(|&k| cuts(k) && k > 0 && ends_period(&chars, k))
                .collect();
            let mut pairs: Vec<(usize, usize)> = starts
                .iter()
                .flat_map(|&x| ends.iter().map(move |&y| (x, y)))
                .collect();
            pairs.sort_by_key(|&(x, y)| (std::cmp::Reverse(y - x), x));
            for (x, y) in pairs {
                let text = &s[byte(x)..byte(y)];
                if let Ok(p) = read_period(text, &self.lang.periods, published, calendar) {
                    if self.bare_number(text) && !plausible_year(text, published) {
                        // `4200 Stellen`, `四` alone: a number, not a year.
                        continue;
                    }
                    if !years_plausible(text, published) {
                        // `不到6000人` read as `到6000`, "until the year 6000".
                        continue;
                    }
                    found.push((byte(x)..byte(y), p.label()));
                    break;
                }
            }
        }
        found.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
        let mut kept: Vec<(Range<usize>, String)> = Vec::new();
        for (r, label) in found {
            if !kept.iter().any(|(k, _)| overlaps(k, &r)) {
                kept.push((r, label));
            }
        }
        kept.sort_by_key(|(r, _)| r.start);
        kept
    }
}

impl Lexicon<'_> {
    /// Whether `text` is nothing but one number without a unit (`4200`, `四`), which reads as a
    /// period only as a year.
    fn bare_number(&self, text: &str) -> bool {
        let t = text.trim();
        let found = crate::figure::find_figures(t, &self.lang.figures);
        matches!(found.as_slice(), [(r, f)] if r.start == 0 && r.end == t.len() && f.unit.is_none())
    }
}

/// The latest year a text published at `published` plausibly names: fifty years after it.
fn last_year(published: Published) -> i32 {
    let year = match published {
        Published::Year(y) | Published::Month(y, _) => y,
        Published::Day(d) => chrono::Datelike::year(&d),
    };
    year + 50
}

/// Whether a bare number can be a year of a text published at `published`: four digits, from 1800
/// to fifty years after it.
fn plausible_year(text: &str, published: Published) -> bool {
    let t = text.trim();
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.parse::<i32>()
            .is_ok_and(|n| (1800..=last_year(published)).contains(&n))
}

/// Whether every run of four or more digits in a period's text can be a year (`到2027年`, not
/// `到6000`).
fn years_plausible(text: &str, published: Published) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() >= 4)
        .all(|run| plausible_year(run, published))
}

/// Whether a period may end before char `k`: after a letter or digit, or after the dot of a short
/// abbreviation that is not the sentence's full stop.
fn ends_period(chars: &[(usize, char)], k: usize) -> bool {
    let last = chars[k - 1].1;
    if wordish(last) {
        return true;
    }
    if last != '.' {
        return false;
    }
    let letters = chars[..k - 1]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .count();
    // At the end of the sentence the dot is the full stop, unless the word is very short.
    let longest = if k == chars.len() { 2 } else { 3 };
    (1..=longest).contains(&letters)
}

/// A letter, a digit, or a combining mark (Thai vowel and tone marks, accents).
fn wordish(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
            | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD | 0x3099..=0x309A)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn covers(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.start && b.end <= a.end
}

/// How far apart two ranges are, in bytes (0 when they touch or overlap): enough to tell the
/// nearest of several words in one sentence, in constant time.
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

type Found = Vec<(Range<usize>, Figure)>;

/// The longest text, in bytes, that two figures joined into one may take.
const JOIN_MAX: usize = 160;

/// Joins figures that the reader reads as one when taken together: two ends joined by one short
/// word (`десятками и сотнями миллиардов долларов`, `between 1000 and 1500`).
pub(crate) fn join(s: &str, figures: Found, lang: &crate::figure::FigureLang) -> Found {
    let mut out: Found = Vec::new();
    for (r, f) in figures {
        if let Some((prev, _)) = out.last() {
            let between = &s[prev.end.min(r.start)..r.start];
            let words = between.split_whitespace().count();
            if prev.end <= r.start
                && words <= 1
                && between.chars().count() <= 12
                && r.end - prev.start <= JOIN_MAX
            {
                let joined = prev.start..r.end;
                // Only a range or vague amount whose first end needs the second's unit or scale
                // (`десятками и сотнями миллиардов`): `14%和34%` and `2.6个、2.6个` are lists.
                let first_alone = out.last().map(|(_, p)| p.unit.is_none()).unwrap_or(false);
                if let Ok(g) = crate::figure::read_figure(&s[joined.clone()], lang) {
                    let spans = matches!(g.approx, Some(Approx::Range | Approx::Vague))
                        && g.ends.is_none_or(|(a, b)| a != b);
                    if first_alone && spans && g.unit.is_some() {
                        out.pop();
                        out.push((joined, g));
                        continue;
                    }
                }
            }
        }
        out.push((r, f));
    }
    out
}
type Periods = Vec<(Range<usize>, String)>;

/// Figures and periods that overlap: a figure inside a period belongs to the period, a period
/// inside a figure to the figure, a period at one end of a figure is cut off it. Years, dates,
/// times, ranks, lengths of time and numbers glued to names are not figures.
pub(crate) fn settle(
    s: &str,
    figures: Found,
    periods: Periods,
    not_figures: &[Range<usize>],
    cues: &super::filter::Cues,
    language: &Language,
    published: Published,
) -> (Found, Periods, Vec<(Range<usize>, String)>) {
    let lang = &language.figures;
    let lang_periods = (&language.periods, published);
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    // A bare year inside a figure with a unit or an approximation word is part of the figure
    // (`不到2000人`, `около 4500`): years are not approximated.
    let bare_year = |p: &Range<usize>| s[p.clone()].trim().bytes().all(|b| b.is_ascii_digit());
    for (r, f) in figures {
        if let Some(why) = years(s, &r, &f, &lang_periods) {
            skipped.push((r, why.to_string()));
            continue;
        }
        let loose = f.unit.is_some() || f.approx.is_some();
        let (r, f) = cut_period(s, r, f, &periods, lang);
        let periods: Vec<&(Range<usize>, String)> = periods
            .iter()
            .filter(|(p, _)| !(loose && bare_year(p)))
            .collect();
        let text = s[r.clone()].trim();
        let digits = text.chars().any(char::is_numeric);
        if let Some(w) = not_figures.iter().find(|w| covers(w, &r)) {
            skipped.push((r, format!("part of the word «{}»", &s[w.clone()])));
            continue;
        }
        if let Some(why) = super::filter::date_or_time(s, &r) {
            skipped.push((r, why.to_string()));
            continue;
        }
        if let Some(why) = cues.not_a_figure(s, &r, &f) {
            skipped.push((r, why));
            continue;
        }
        if !digits && f.unit.is_none() {
            if let Some(p) = word_period(s, &r, &lang_periods) {
                skipped.push((r, format!("part of the period «{p}»")));
                continue;
            }
        }
        if !digits && f.unit.is_none() && (f.value == 0.0 || f.value == 1.0) {
            skipped.push((r, "the word «one» or «zero», not a figure".to_string()));
            continue;
        }
        // `several`, `a few` (2 to 10) are no figure; `dozens of companies`, `десятки` are counts.
        if !digits && f.unit.is_none() && f.approx == Some(Approx::Vague) && f.value < VAGUE_MIN {
            skipped.push((r, "a vague word for a few, not a figure".to_string()));
            continue;
        }
        let bare = f.unit.is_none() && f.approx.is_none() && text.chars().all(|c| c.is_numeric());
        if let Some((p, _)) = periods
            .iter()
            .find(|(p, _)| bare && f.value <= 31.0 && gap(p, &r) <= 1)
        {
            skipped.push((r, format!("next to the period «{}»: a date", &s[p.clone()])));
            continue;
        }
        if let Some((p, _)) = periods.iter().find(|(p, _)| covers(p, &r)) {
            skipped.push((r, format!("part of the period «{}»", &s[p.clone()])));
            continue;
        }
        if let Some((p, _)) = periods
            .iter()
            .find(|(p, _)| overlaps(p, &r) && f.unit.is_none())
        {
            skipped.push((r, format!("overlaps the period «{}»", &s[p.clone()])));
            continue;
        }
        let before: Vec<char> = s[..r.start].chars().rev().take(2).collect();
        let after = s[r.end..].chars().next();
        let glued_before = match before.as_slice() {
            [c, ..] if spaced_alnum(*c) && c.is_alphabetic() => true,
            ['-' | '_', c, ..] if spaced_alnum(*c) => true,
            _ => false,
        };
        let glued_after = f.unit.is_none() && after.is_some_and(spaced_alnum);
        if glued_before || glued_after {
            skipped.push((r, "part of a name or code".to_string()));
            continue;
        }
        // One run of four digits, nothing read around it (`2025`, `y 2017`).
        let year_like = f.unit.is_none()
            && f.approx.is_none()
            && digit_runs(text) == [4]
            && (1800.0..=2200.0).contains(&f.value);
        if year_like {
            skipped.push((r, "a year".to_string()));
            continue;
        }
        // `01` before a heading, `007`: a number written with a leading zero is a label.
        if f.unit.is_none()
            && text.starts_with('0')
            && text.len() > 1
            && text.chars().all(|c| c.is_ascii_digit())
        {
            skipped.push((r, "a label written with a leading zero".to_string()));
            continue;
        }
        kept.push((r, f));
    }
    let periods = periods
        .into_iter()
        .filter(|(p, _)| !kept.iter().any(|(r, _)| overlaps(r, p)))
        .collect();
    (kept, periods, skipped)
}

/// A period that a number word belongs to, read with the words around it (`last quarter`, `the
/// second half`, `the first three quarters`): up to two words before and one after (characters in
/// scripts without spaces).
fn word_period(
    s: &str,
    r: &Range<usize>,
    periods: &(&crate::period::PeriodLang, Published),
) -> Option<String> {
    let unspaced_here = s[r.clone()].chars().next().is_some_and(unspaced);
    // Start offsets of up to two words (characters) before, end offsets of up to one after.
    let starts: Vec<usize> = if unspaced_here {
        let mut v = vec![r.start];
        v.extend(s[..r.start].char_indices().rev().take(2).map(|(k, _)| k));
        v
    } else {
        let mut v = vec![r.start];
        let head = s[..r.start].trim_end();
        let mut words = head.char_indices().rev().peekable();
        for _ in 0..2 {
            // Skip a word, then the white space before it.
            let mut at = None;
            while let Some(&(k, c)) = words.peek() {
                if c.is_whitespace() {
                    break;
                }
                at = Some(k);
                words.next();
            }
            match at {
                Some(k) => v.push(k),
                None => break,
            }
            while words.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                words.next();
            }
        }
        v
    };
    let ends: Vec<usize> = if unspaced_here {
        let mut v = vec![r.end];
        v.extend(
            s[r.end..]
                .char_indices()
                .take(2)
                .map(|(k, c)| r.end + k + c.len_utf8()),
        );
        v
    } else {
        let tail = &s[r.end..];
        let lead = tail.len() - tail.trim_start().len();
        let word = tail[lead..]
            .find(char::is_whitespace)
            .unwrap_or(tail.len() - lead);
        let mut v = vec![r.end];
        if word > 0 {
            v.push(r.end + lead + word);
        }
        v
    };
    let calendar = FiscalCalendar { start_month: 1 };
    for &a in &starts {
        for &b in &ends {
            let text = s[a..b].trim_matches(|c: char| !c.is_alphanumeric());
            if text.len() > s[r.clone()].trim().len()
                && read_period(text, periods.0, periods.1, calendar).is_ok()
            {
                return Some(text.to_string());
            }
        }
    }
    None
}

/// A vague amount without digits, unit or scale below this (`several`: about 4.5) is no figure.
const VAGUE_MIN: f64 = 10.0;

/// The lengths of the runs of ASCII digits in `text`.
fn digit_runs(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut n = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            n += 1;
        } else if n > 0 {
            out.push(n);
            n = 0;
        }
    }
    if n > 0 {
        out.push(n);
    }
    out
}

/// Why a figure is years, not a figure: a range of two years (`de 2016 y 2017`, `2022-2026`), or
/// a year the figure reader took a unit after (`2002 г.`, read as grams) that reads as a period.
fn years(
    s: &str,
    r: &Range<usize>,
    f: &Figure,
    periods: &(&crate::period::PeriodLang, Published),
) -> Option<&'static str> {
    let year = |v: f64| v.fract() == 0.0 && (1800.0..=2200.0).contains(&v);
    let text = &s[r.clone()];
    if f.unit.is_none() && f.approx == Some(Approx::Range) {
        if let Some((a, b)) = f.ends {
            if year(a)
                && year(b)
                && a < b
                && b - a <= 50.0
                && digit_runs(text).iter().all(|&n| n == 4 || n == 2)
            {
                return Some("a span of years");
            }
        }
    }
    if f.unit.is_some() && year(f.value) && digit_runs(text) == [4] {
        // The text with the dot after it, as periods are written: `2002 г.`.
        let end = s[r.end..].strip_prefix('.').map_or(r.end, |_| r.end + 1);
        let calendar = FiscalCalendar { start_month: 1 };
        if read_period(&s[r.start..end], periods.0, periods.1, calendar).is_ok() {
            return Some("a year");
        }
    }
    None
}

/// A figure with a period at one of its ends (`2012/2013 a 40.7 millones`, `2020 à 1 041,7`):
/// the rest, when it reads as a figure alone; else the figure as it was.
fn cut_period(
    s: &str,
    r: Range<usize>,
    f: Figure,
    periods: &[(Range<usize>, String)],
    lang: &crate::figure::FigureLang,
) -> (Range<usize>, Figure) {
    let Some((p, _)) = periods
        .iter()
        .find(|(p, _)| overlaps(p, &r) && !covers(p, &r))
    else {
        return (r, f);
    };
    let rest = if p.start <= r.start {
        // The rest of a year glued to the period (`2012` read, `/2013` left) goes with it.
        let tail = &s[p.end..r.end];
        let glued = tail.strip_prefix(['/', '-', '–']).map_or(0, |t| {
            let d = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if d > 0 {
                tail.len() - t.len() + d
            } else {
                0
            }
        });
        p.end + glued..r.end
    } else if p.end >= r.end {
        r.start..p.start
    } else {
        return (r, f);
    };
    let t = &s[rest.clone()];
    let lead = t.len() - t.trim_start().len();
    let rest = rest.start + lead..rest.start + t.trim_end().len();
    let t = &s[rest.clone()];
    if !t.chars().any(char::is_numeric) {
        return (r, f);
    }
    match crate::figure::read_figure(t, lang) {
        Ok(g) => (rest, g),
        Err(_) => (r, f),
    }
}

/// The entity for a figure: the first named before it in the sentence, else the first after it,
/// else the last one named in an earlier sentence.
pub(crate) fn entity_for(
    entities: &[(Range<usize>, String)],
    figure: &Range<usize>,
    last: Option<&str>,
) -> (Option<String>, String) {
    if let Some((_, e)) = entities.iter().find(|(r, _)| r.end <= figure.start) {
        return (
            Some(e.clone()),
            format!("entity {e}: the first one the sentence names before the figure"),
        );
    }
    if let Some((_, e)) = entities.iter().find(|(r, _)| r.start >= figure.end) {
        return (
            Some(e.clone()),
            format!("entity {e}: named after the figure (check)"),
        );
    }
    match last {
        Some(e) => (
            Some(e.to_string()),
            format!("entity {e}: not named in the sentence, the last one named before it (unsure)"),
        ),
        None => (None, "entity: none named (TODO)".to_string()),
    }
}

/// The dimension of a figure's unit (`money` for a currency), or `None` for a bare number.
fn dimension(rules: &Rules, f: &Figure) -> Option<String> {
    let unit = f.unit.as_deref()?;
    if let Some(u) = rules.units.get(unit) {
        return Some(u.dimension.clone());
    }
    if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) {
        return Some("money".into());
    }
    None
}

/// The metric for a figure: the metric word nearest to it whose dimension fits the figure's unit.
pub(crate) fn metric_for(
    rules: &Rules,
    s: &str,
    metrics: &[(Range<usize>, String)],
    figure: &Range<usize>,
    f: &Figure,
) -> (Option<String>, String) {
    let dim = dimension(rules, f);
    let fits = |m: &str| match (&dim, rules.metrics.get(m)) {
        (Some(d), Some(metric)) => &metric.dimension == d,
        _ => true,
    };
    let best = metrics
        .iter()
        .filter(|(_, m)| fits(m))
        .min_by_key(|(r, _)| gap(r, figure));
    match best {
        Some((r, m)) => (
            Some(m.clone()),
            format!("metric {m}: from «{}»", &s[r.clone()]),
        ),
        None => {
            let what = match (&dim, &f.unit) {
                (Some(d), Some(u)) => format!("a {d} figure ({u})"),
                _ => "a figure without unit".to_string(),
            };
            (
                None,
                format!("metric: no metric word in the sentence fits {what} (TODO)"),
            )
        }
    }
}

/// The period for a figure: the nearest period expression of the sentence, read again with the
/// entity's fiscal calendar.
pub(crate) fn period_for(
    periods: &[(Range<usize>, String)],
    s: &str,
    figure: &Range<usize>,
    lang: &Language,
    published: Published,
    calendar: FiscalCalendar,
) -> (Option<(Range<usize>, String)>, String) {
    let Some((r, label)) = periods.iter().min_by_key(|(r, _)| gap(r, figure)) else {
        return (None, "period: none written in the sentence".to_string());
    };
    let text = &s[r.clone()];
    // Periods were found with the calendar year; a fiscal year depends on the entity.
    let label = if calendar.start_month == 1 {
        label.clone()
    } else {
        read_period(text, &lang.periods, published, calendar)
            .map(|p| p.label())
            .unwrap_or_else(|_| label.clone())
    };
    let also = if periods.len() > 1 {
        " (the nearest of several)"
    } else {
        ""
    };
    (
        Some((r.clone(), label.clone())),
        format!("period «{text}» = {label}{also}"),
    )
}

/// The status for a figure: the nearest status word of the sentence.
pub(crate) fn status_for(
    s: &str,
    statuses: &[(Range<usize>, Status)],
    figure: &Range<usize>,
) -> (Option<Status>, String) {
    match statuses.iter().min_by_key(|(r, _)| gap(r, figure)) {
        Some((r, st)) => (
            Some(*st),
            format!("status {}: from «{}» (check)", st.name(), &s[r.clone()]),
        ),
        None => (None, "status: no status word".to_string()),
    }
}

/// The figure's range without words at its ends that do not change its reading (`10 gigawatów
/// do` → `10 gigawatów`, `от милиарди` → `милиарди`).
pub(crate) fn trim_value(
    s: &str,
    mut r: Range<usize>,
    f: &Figure,
    lang: &crate::figure::FigureLang,
) -> Range<usize> {
    let same = |t: &str| {
        crate::figure::read_figure(t, lang).is_ok_and(|g| {
            g.unit == f.unit
                && g.approx == f.approx
                && g.value == f.value
                && g.lo == f.lo
                && g.hi == f.hi
        })
    };
    for _ in 0..4 {
        let text = &s[r.clone()];
        // The last word, then the first, where white space separates them.
        if let Some(i) = text.trim_end().rfind(char::is_whitespace) {
            let cut = text[..i].trim_end();
            if !cut.is_empty() && same(cut) {
                r = r.start..r.start + cut.len();
                continue;
            }
        }
        if let Some(i) = text.find(char::is_whitespace) {
            let rest = &text[i..];
            let cut = rest.trim_start();
            if !cut.is_empty() && same(cut) {
                r = r.end - cut.len()..r.end;
                continue;
            }
        }
        break;
    }
    r
}
