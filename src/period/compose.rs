//! The period composer: a language-independent grammar that puts the parts of a period (which,
//! what, how many, edges, anchors) together and resolves them against the document's date and the
//! entity's fiscal calendar.
//!
//! The text is cut into parts by the language's lexicon ([`super::parts`]); the composer then
//! reduces neighbouring parts, in a fixed order of rules that no language owns:
//!
//! 1. numbers: an ordinal mark makes an ordinal (`第3`, `3rd`, `3.`), an era mark an era year,
//!    four digits a year, `'24` a year;
//! 2. fiscal and calendar marks join their unit or year (`fiscal` + `year`, `fiscal 2025`);
//! 3. counts: *first* + N + unit (`the first nine months`, `前三季度`, `9 เดือนแรก`), *which* + N +
//!    unit (`the next three years`, `未来三年`, `les trois prochaines années`), N + unit;
//! 4. a unit with its number or ordinal (`third quarter`, `ไตรมาส 3`, `2025年`, `year 2025`),
//!    letters against a number (`Q3`, `FY26`, `9M`), and a unit with its *which* (`next year`,
//!    `l'année prochaine`, `laufenden Geschäftsjahr`);
//! 5. days (`14 March`, `March 14`, `3月14日`);
//! 6. a part within a year (`the third quarter of last year`, `2026财年第二季度`);
//! 7. edges (`the end of 2025`, `2025年底`), then *to date*, *since*, *by*, *as of*;
//! 8. ranges (`from 2025 to 2027`, `March to May 2025`, `1-9月`).
//!
//! Parts are neighbours whatever their order ("next year" and "l'année prochaine" both read), so
//! a language supplies words, not word orders. A word with several roles ("first", "до", "i") is
//! tried in each role, the one that composes the whole text wins. What is left over is reported:
//! "understood «so far» (to date), not «fiscl»".

use super::lang::PeriodLang;
use super::normal::Normal;
use super::parts::{Edge, Notation, Piece, Role, Token, Unit};
use super::{
    label, month_span, months_span, year_span, FiscalCalendar, Period, PeriodError, PeriodKind,
    Published, MONTH_NAMES,
};
use crate::reading::Step;
use chrono::{Datelike, Duration, Months, NaiveDate};

/// At most this many ways of reading words with several roles are tried.
const MAX_ASSIGNMENTS: usize = 256;

/// A period as composed, before it is resolved into dates.
#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// A year as written, fiscal or calendar.
    Year {
        year: i32,
        fiscal: bool,
    },
    /// Two years written as one (`2024/25`): a fiscal year if the entity's is not the calendar
    /// year or a mark says so, else the two calendar years.
    Pair {
        end: i32,
        fiscal: Option<bool>,
    },
    /// This, last or next unit, from the document's date.
    Rel {
        unit: Unit,
        fiscal: bool,
        k: i32,
    },
    /// The nth unit (quarter 3, half 1, month 3, week 12) of a year, or of the year the
    /// document's date implies.
    Nth {
        unit: Unit,
        n: i32,
        fiscal: bool,
        of: Option<Box<Expr>>,
    },
    /// A day of a month.
    Day {
        month: u32,
        day: u32,
        of: Option<Box<Expr>>,
    },
    /// The first N units of a year.
    FirstN {
        unit: Unit,
        n: u32,
        of: Option<Box<Expr>>,
    },
    /// The last N units of a period: "the last two months of 2025", "los cuatro últimos días del
    /// mes de diciembre"; of the year the document's date implies when none is named.
    LastN {
        unit: Unit,
        n: u32,
        of: Option<Box<Expr>>,
    },
    /// N units from the document's date, forward (1) or back (-1).
    Span {
        unit: Unit,
        n: u32,
        dir: i32,
    },
    /// N units ending with a period: "the 12 months to June 2025".
    Trailing {
        unit: Unit,
        n: u32,
        to: Box<Expr>,
    },
    /// The latest (-1) or next (1) such month: "last March".
    MonthFrom {
        month: u32,
        k: i32,
    },
    /// The latest (-1) or next (1) such quarter or half, of the entity's calendar if fiscal:
    /// "im abgelaufenen dritten Quartal".
    NthFrom {
        unit: Unit,
        n: i32,
        fiscal: bool,
        k: i32,
    },
    /// A day of this (0), the last (-1) or the next (1) week: "este jueves".
    Weekday {
        weekday: u32,
        k: i32,
    },
    /// The latest (-1) or next (1) such day: "le 22 septembre dernier".
    DayFrom {
        month: u32,
        day: u32,
        k: i32,
    },
    Edge(Edge, Box<Expr>),
    ToDate(Box<Expr>),
    Since(Box<Expr>),
    Deadline(Box<Expr>),
    AsOf(Box<Expr>),
    Range(Box<Expr>, Box<Expr>),
}

impl Expr {
    fn describe(&self) -> String {
        let fy = |f: bool| if f { "fiscal " } else { "" };
        let of = |o: &Option<Box<Expr>>| match o {
            Some(e) => format!(" of {}", e.describe()),
            None => String::new(),
        };
        match self {
            Expr::Year { year, fiscal } => format!("{}year {year}", fy(*fiscal)),
            Expr::Pair { end, fiscal } => format!(
                "{}{}/{}",
                match fiscal {
                    Some(true) => "fiscal year ",
                    Some(false) => "years ",
                    None => "",
                },
                end - 1,
                end
            ),
            Expr::Rel { unit, fiscal, k } => {
                let which = match k {
                    0 => "this".to_string(),
                    -1 => "last".to_string(),
                    1 => "next".to_string(),
                    k if *k < 0 => format!("{} back", -k),
                    k => format!("{k} ahead"),
                };
                format!("{which} {}{}", fy(*fiscal), unit.name())
            }
            Expr::Nth {
                unit,
                n,
                fiscal,
                of: o,
            } => {
                let n = if *n < 0 {
                    "last".to_string()
                } else {
                    n.to_string()
                };
                format!("{}{} {n}{}", fy(*fiscal), unit.name(), of(o))
            }
            Expr::Day { month, day, of: o } => format!("day {day} of month {month}{}", of(o)),
            Expr::FirstN { unit, n, of: o } => format!("the first {n} {}s{}", unit.name(), of(o)),
            Expr::LastN { unit, n, of: o } => format!("the last {n} {}s{}", unit.name(), of(o)),
            Expr::Span { unit, n, dir } => format!(
                "{n} {}s {} the document's date",
                unit.name(),
                if *dir > 0 { "from" } else { "up to" }
            ),
            Expr::Trailing { unit, n, to } => {
                format!("the {n} {}s to the end of {}", unit.name(), to.describe())
            }
            Expr::MonthFrom { month, k } => format!(
                "{} month {month}",
                if *k < 0 { "the latest" } else { "the next" }
            ),
            Expr::NthFrom { unit, n, fiscal, k } => format!(
                "{} {}{} {n}",
                if *k < 0 { "the latest" } else { "the next" },
                fy(*fiscal),
                unit.name()
            ),
            Expr::Weekday { weekday, k } => {
                format!("weekday {weekday} of week {k:+} from the document's")
            }
            Expr::DayFrom { month, day, k } => format!(
                "{} day {day} of month {month}",
                if *k < 0 { "the latest" } else { "the next" }
            ),
            Expr::Edge(e, x) => format!("the {} of {}", e.name(), x.describe()),
            Expr::ToDate(x) => format!("to date in {}", x.describe()),
            Expr::Since(x) => format!("since {}", x.describe()),
            Expr::Deadline(x) => format!("by {}", x.describe()),
            Expr::AsOf(x) => format!("as of {}", x.describe()),
            Expr::Range(a, b) => format!("from {} to {}", a.describe(), b.describe()),
        }
    }

    /// The explicit year this part hangs on, for lending to the other end of a range.
    fn anchor(&self) -> Option<&Expr> {
        match self {
            Expr::Nth { of: Some(a), .. }
            | Expr::Day { of: Some(a), .. }
            | Expr::FirstN { of: Some(a), .. } => Some(a),
            Expr::Year { .. } => Some(self),
            // "od stycznia do końca listopada zeszłego roku": the end's year is its edge's.
            Expr::Edge(_, inner) => inner.anchor(),
            _ => None,
        }
    }

    fn lend(&mut self, anchor: &Expr) {
        match self {
            Expr::Nth { of, .. } | Expr::Day { of, .. } | Expr::FirstN { of, .. }
                if of.is_none() =>
            {
                *of = Some(Box::new(anchor.clone()));
            }
            Expr::Edge(_, inner) => inner.lend(anchor),
            _ => {}
        }
    }

    /// "the first two weeks of March 2025": the year, given after, of the month they are in.
    fn take_year(&mut self, year: &Expr) -> bool {
        match self {
            Expr::FirstN { of: Some(a), .. } | Expr::LastN { of: Some(a), .. } => match &mut **a {
                Expr::Nth {
                    unit: Unit::Month,
                    of: of @ None,
                    ..
                } => {
                    *of = Some(Box::new(year.clone()));
                    true
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// "the first six months of this 2025 year": a part of this year, the year then named.
    fn name_this_year(&mut self, year: &Expr) -> bool {
        match self {
            Expr::Nth { of: Some(a), .. }
            | Expr::Day { of: Some(a), .. }
            | Expr::FirstN { of: Some(a), .. }
            | Expr::LastN { of: Some(a), .. } => {
                if let Expr::Rel {
                    unit: Unit::Year,
                    fiscal: false,
                    k: 0,
                } = **a
                {
                    **a = year.clone();
                    return true;
                }
                a.name_this_year(year)
            }
            _ => false,
        }
    }

    /// Whether the period names its year: "this 2025", "este segundo trimestre de 2023" need
    /// no "this".
    fn written_year(&self) -> bool {
        match self {
            Expr::Year { .. } | Expr::Pair { .. } => true,
            Expr::Range(a, b) => a.written_year() && b.written_year(),
            _ => self.anchor().is_some_and(Expr::written_year),
        }
    }
}

/// One item of the text while it is being reduced.
#[derive(Debug, Clone, PartialEq)]
enum It {
    /// Digits not yet given a meaning.
    Num {
        value: u32,
        digits: u8,
    },
    Role(Role),
    Notation(Notation, u32, u8),
    Punct(char),
    Year {
        year: i32,
        fiscal: Option<bool>,
    },
    /// Two years a fiscal year or a season spans, by the year it ends: `2024/25`.
    Pair {
        end: i32,
        fiscal: Option<bool>,
    },
    Ordinal(i32),
    Unit(Unit, Option<bool>),
    /// N units, not yet placed.
    Count(Unit, u32, bool),
    /// The nth unit, not yet placed in a year.
    Nth(Unit, i32, Option<bool>),
    Month(u32),
    Day(u32, u32),
    Expr(Expr),
}

/// An item with the part of the text it covers (normalised byte offsets).
#[derive(Debug, Clone)]
struct Item {
    it: It,
    start: usize,
    end: usize,
}

struct Composer<'a> {
    lang: &'a PeriodLang,
    normal: &'a Normal,
    original: &'a str,
    /// What each word was taken for, by its place in the text.
    parts: Vec<(usize, Step)>,
    /// How the parts were put together, in the order they were.
    steps: Vec<Step>,
    /// Whether a year was read in the language's era.
    era: bool,
    /// How many words the text has, fillers included.
    words: usize,
    /// The document's year, which two-digit years are read near.
    published_year: i32,
}

/// Why a way of reading the words did not compose: what was understood, what was left.
struct Leftover {
    items: usize,
    message: String,
}

pub(crate) fn compose(
    original: &str,
    normal: &Normal,
    lang: &PeriodLang,
    published: Published,
    calendar: FiscalCalendar,
) -> Result<Period, PeriodError> {
    let tokens = lang.lexicon.tokenize(&normal.text);
    let mut c = Composer {
        lang,
        normal,
        original,
        parts: Vec::new(),
        steps: Vec::new(),
        era: false,
        words: tokens.len(),
        published_year: published.year(),
    };
    let unknown: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.piece == Piece::Unknown)
        .collect();
    if !unknown.is_empty() {
        return Err(PeriodError::new(c.not_understood(&tokens, &unknown)));
    }
    // A hyphen between two words joins them ("fourth-quarter", "year-end"), unless it stands
    // between two words of one kind ("January-September"): then it is a range.
    let hyphen_joins = |i: usize| -> bool {
        let is_hyphen = tokens[i].end == tokens[i].start + 1
            && normal.text.get(tokens[i].start..tokens[i].end) == Some("-");
        let word = |t: &Token| match &t.piece {
            Piece::Word(r) => Some(r.clone()),
            _ => None,
        };
        let (Some(a), Some(b)) = (
            i.checked_sub(1).and_then(|j| tokens.get(j)).and_then(word),
            tokens.get(i + 1).and_then(word),
        ) else {
            return false;
        };
        // Words of the same kind on both sides ("January-September", "I-II") make a range.
        let same_kind = a.iter().any(|x| {
            b.iter().any(|y| {
                std::mem::discriminant(x) == std::mem::discriminant(y) && *x != Role::Filler
            })
        });
        // Only words of spaced scripts are joined so ("7月1日—8月31日" is a range).
        let spaced = |at: usize| {
            normal.text[..at]
                .chars()
                .next_back()
                .is_some_and(super::parts::spaced_letter)
        };
        let letters_around = spaced(tokens[i].start)
            && normal.text[tokens[i].end..]
                .chars()
                .next()
                .is_some_and(super::parts::spaced_letter);
        is_hyphen
            && letters_around
            && tokens[i - 1].end == tokens[i].start
            && tokens[i].end == tokens[i + 1].start
            && !same_kind
    };
    let keep: Vec<bool> = (0..tokens.len()).map(|i| !hyphen_joins(i)).collect();
    let tokens: Vec<Token> = tokens
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect();
    match c.search(&tokens, published, calendar) {
        Ok(period) => Ok(period),
        Err(e) => {
            // "9 เดือน (ม.ค.-ก.ย.) ปี 2567": words in brackets restate the period; read without.
            let Some((open, close)) = brackets(&tokens) else {
                return Err(e);
            };
            let outside: Vec<Token> = tokens[..open]
                .iter()
                .chain(&tokens[close..])
                .cloned()
                .collect();
            if outside.is_empty() {
                return Err(e);
            }
            let gloss = c.orig(tokens[open].start, tokens[close - 1].end);
            let mut period = c.search(&outside, published, calendar).map_err(|_| e)?;
            period
                .steps
                .insert(0, Step::new(gloss, "in brackets: a gloss, set aside"));
            Ok(period)
        }
    }
}

/// The first brackets with words between them, as the range of tokens they cover: from the
/// opening one to after the closing one, or to the end (the closing bracket at the end of the
/// text is trimmed with the punctuation around it).
fn brackets(tokens: &[Token]) -> Option<(usize, usize)> {
    let open = tokens.iter().position(|t| t.piece == Piece::Punct('('))?;
    let close = tokens[open..]
        .iter()
        .position(|t| t.piece == Piece::Punct(')'))
        .map_or(tokens.len(), |k| open + k + 1);
    (close > open + 1).then_some((open, close))
}

impl Composer<'_> {
    /// Tries the ways of reading the words (each word's roles) until one composes.
    fn search(
        &mut self,
        tokens: &[Token],
        published: Published,
        calendar: FiscalCalendar,
    ) -> Result<Period, PeriodError> {
        let choices: Vec<Vec<It>> = choices_of(tokens);
        let mut best: Option<Leftover> = None;
        let mut pick = vec![0usize; choices.len()];
        for _ in 0..MAX_ASSIGNMENTS {
            let items: Vec<Item> = tokens
                .iter()
                .zip(&choices)
                .zip(&pick)
                .filter_map(|((t, ch), &k)| {
                    let it = ch.get(k)?.clone();
                    // Commas add nothing to a period: "March 14, 2025", "from May 1, 2024, to".
                    let nothing = it == It::Role(Role::Filler) || it == It::Punct(',');
                    (!nothing).then_some(Item {
                        it,
                        start: t.start,
                        end: t.end,
                    })
                })
                .collect();
            self.steps.clear();
            self.parts.clear();
            self.era = false;
            for item in &items {
                if let Some(meaning) = part_meaning(&item.it) {
                    let token = self.orig(item.start, item.end);
                    self.parts.push((item.start, Step::new(token, meaning)));
                }
            }
            match self.reduce(items) {
                Ok(expr) => return self.resolve(expr, published, calendar),
                Err(left) => {
                    if best.as_ref().is_none_or(|b| left.items < b.items) {
                        best = Some(left);
                    }
                }
            }
            // The next way of reading: like counting, the last word's roles turning fastest.
            let mut i = choices.len();
            loop {
                if i == 0 {
                    let why = best.map(|b| b.message).unwrap_or_default();
                    return Err(PeriodError::new(why));
                }
                i -= 1;
                if pick[i] + 1 < choices[i].len() {
                    pick[i] += 1;
                    break;
                }
                pick[i] = 0;
            }
        }
        Err(PeriodError::new(
            best.map(|b| b.message).unwrap_or_default(),
        ))
    }

    /// The original text of a normalised byte range.
    fn orig(&self, start: usize, end: usize) -> String {
        if start >= end {
            return String::new();
        }
        match (self.normal.from.get(start), self.normal.from.get(end - 1)) {
            (Some(&(s, _)), Some(&(_, e))) => self
                .original
                .get(s..e)
                .unwrap_or(&self.normal.text[start..end])
                .to_string(),
            _ => self.normal.text.get(start..end).unwrap_or("").to_string(),
        }
    }

    fn step(&mut self, start: usize, end: usize, meaning: String) {
        let token = self.orig(start, end);
        self.steps.push(Step::new(token, meaning));
    }

    fn not_understood(&self, tokens: &[Token], unknown: &[&Token]) -> String {
        let known: Vec<String> = tokens
            .iter()
            .filter(|t| matches!(t.piece, Piece::Word(_) | Piece::Notation(..)))
            .filter(|t| match &t.piece {
                Piece::Word(r) => r.iter().any(|r| *r != Role::Filler),
                _ => true,
            })
            .map(|t| format!("«{}»", self.orig(t.start, t.end)))
            .collect();
        let missing: Vec<String> = unknown
            .iter()
            .map(|t| format!("«{}»", self.orig(t.start, t.end)))
            .collect();
        let lang = if self.lang.name.is_empty() {
            "this language's"
        } else {
            &self.lang.name
        };
        if known.is_empty() {
            format!(
                "{} is not a period the {lang} rules read: {}",
                missing.join(" "),
                super::EXPECTED
            )
        } else {
            format!(
                "understood {}, not {}: the {lang} period words do not have it (rules/lang/{}/periods.yaml)",
                known.join(", "),
                missing.join(", "),
                if self.lang.name.is_empty() { "<code>" } else { &self.lang.name }
            )
        }
    }

    /// Reduces the items to one expression, rule after rule.
    fn reduce(&mut self, mut items: Vec<Item>) -> Result<Expr, Leftover> {
        if items.is_empty() {
            return Err(Leftover {
                items: usize::MAX,
                message: "only words that add nothing (in, the, of): no period".into(),
            });
        }
        self.numeric_dates(&mut items);
        self.weekday_which(&mut items);
        self.numbers(&mut items);
        self.pairs(&mut items);
        self.marks(&mut items);
        self.counts(&mut items);
        self.units(&mut items);
        self.marks(&mut items);
        self.days(&mut items);
        self.month_which(&mut items);
        self.weekdays(&mut items);
        self.range_numbers(&mut items);
        self.ends_of(&mut items);
        self.within_years(&mut items);
        self.alone(&mut items);
        self.edges(&mut items);
        self.trailing(&mut items);
        self.counts_alone(&mut items);
        self.lists(&mut items);
        self.ranges(&mut items);
        self.operators(&mut items);
        self.apposition(&mut items);
        if let [Item {
            it: It::Expr(e), ..
        }] = items.as_slice()
        {
            return Ok(e.clone());
        }
        let parts: Vec<String> = items
            .iter()
            .map(|i| format!("«{}» ({})", self.orig(i.start, i.end), describe_item(&i.it)))
            .collect();
        Err(Leftover {
            items: items.len(),
            message: format!(
                "understood the words, but not how {} make one period: {}",
                parts.join(", "),
                super::EXPECTED
            ),
        })
    }

    fn replace(&mut self, items: &mut Vec<Item>, at: usize, len: usize, it: It, meaning: String) {
        let start = items[at].start;
        let end = items[at + len - 1].end;
        let raw = matches!(
            items[at].it,
            It::Role(_) | It::Num { .. } | It::Notation(..)
        );
        if len == 1 && raw {
            // What one word was taken for is a part, shown in the order of the text.
            let token = self.orig(start, end);
            self.parts.push((start, Step::new(token, meaning)));
        } else {
            self.step(start, end, meaning);
        }
        items.splice(at..at + len, [Item { it, start, end }]);
    }

    /// Ordinal and era marks, years.
    fn numbers(&mut self, items: &mut Vec<Item>) {
        let era = self.lang.era.clone();
        let mut i = 0;
        while i < items.len() {
            let next = items.get(i + 1).map(|x| x.it.clone());
            let cur = items[i].it.clone();
            match (cur, next) {
                (It::Role(Role::OrdinalBefore), Some(It::Num { value, .. }))
                | (It::Role(Role::OrdinalBefore), Some(It::Role(Role::Number(value)))) => {
                    self.replace(
                        items,
                        i,
                        2,
                        It::Ordinal(value as i32),
                        format!("ordinal {value}"),
                    );
                }
                // "ce mois de juin", "เดือนพฤษภาคม": the month names the month.
                (It::Role(Role::Unit(Unit::Month, false)), Some(It::Role(Role::Month(_)))) => {
                    items.remove(i);
                }
                // "na koniec ‘2015": an apostrophe before a whole year adds nothing.
                (It::Punct('\''), Some(It::Num { digits: 4, .. })) => {
                    items.remove(i);
                }
                // A year with an ending ("в 2024-м", "2025-го") is the year.
                (It::Num { value, digits: 4 }, Some(It::Role(Role::OrdinalAfter))) => {
                    let (year, meaning) = self.four_digit_year(value as i32);
                    self.replace(items, i, 2, It::Year { year, fiscal: None }, meaning);
                }
                (It::Num { value, .. }, Some(It::Role(Role::OrdinalAfter))) => {
                    self.replace(
                        items,
                        i,
                        2,
                        It::Ordinal(value as i32),
                        format!("ordinal {value}"),
                    );
                }
                (It::Role(Role::Era), Some(It::Num { value, digits }))
                | (It::Num { value, digits }, Some(It::Role(Role::Era))) => {
                    let Some(era) = &era else {
                        i += 1;
                        continue;
                    };
                    let written = if digits <= 2 {
                        era.century.saturating_add(value as i32)
                    } else {
                        value as i32
                    };
                    let year = written.saturating_sub(era.offset);
                    self.era = true;
                    self.replace(
                        items,
                        i,
                        2,
                        It::Year { year, fiscal: None },
                        format!(
                            "{} {written} = year {year} (minus {})",
                            era.name, era.offset
                        ),
                    );
                }
                (It::Role(Role::CommonEra), Some(It::Num { value, digits: 4 }))
                | (It::Num { value, digits: 4 }, Some(It::Role(Role::CommonEra))) => {
                    self.replace(
                        items,
                        i,
                        2,
                        It::Year {
                            year: value as i32,
                            fiscal: None,
                        },
                        format!("year {value} of the common era"),
                    );
                }
                (It::Punct('\''), Some(It::Num { value, digits: 2 }))
                    if items[i].end == items[i + 1].start =>
                {
                    let year = 2000 + value as i32;
                    self.replace(
                        items,
                        i,
                        2,
                        It::Year { year, fiscal: None },
                        format!("year {year}"),
                    );
                }
                (It::Num { value, digits: 4 }, _) if (1000..=9999).contains(&value) => {
                    let (year, meaning) = self.four_digit_year(value as i32);
                    self.replace(items, i, 1, It::Year { year, fiscal: None }, meaning);
                }
                _ => i += 1,
            }
        }
    }

    /// A weekday with its which: "este jueves" (this week's), "el jueves pasado" (the latest).
    fn weekday_which(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 1 < items.len() {
            match (items[i].it.clone(), items[i + 1].it.clone()) {
                (It::Role(Role::Which(k)), It::Role(Role::Weekday(w)))
                | (It::Role(Role::Weekday(w)), It::Role(Role::Which(k))) => {
                    let dated = items
                        .get(i + 2)
                        .is_some_and(|x| matches!(x.it, It::Num { .. } | It::Role(Role::Month(_))));
                    if dated {
                        i += 1;
                        continue;
                    }
                    let e = Expr::Weekday { weekday: w, k };
                    let meaning = e.describe();
                    self.replace(items, i, 2, It::Expr(e), meaning);
                }
                _ => i += 1,
            }
        }
    }

    /// Dates written in numbers: 14.03.2025, 14/03/2568, 2025-03-14, 03/14/2025; the day comes
    /// first unless the language puts the month first, or the first number is above 12.
    fn numeric_dates(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 4 < items.len() {
            let glued = (i..i + 4).all(|k| items[k].end == items[k + 1].start);
            let sep = |k: usize| self.normal.text.get(items[k].start..items[k].end);
            let (s1, s2) = (sep(i + 1), sep(i + 3));
            let same_sep = s1 == s2 && matches!(s1, Some("." | "/" | "-"));
            let num = |k: usize| match items[k].it {
                It::Num { value, digits } => Some((value, digits)),
                // 10-mai-2016: a month word between the day and the year.
                It::Role(Role::Month(m)) if k == i + 2 => Some((m, 2)),
                _ => None,
            };
            let (Some((a, da)), Some((b, db)), Some((c, dc))) = (num(i), num(i + 2), num(i + 4))
            else {
                i += 1;
                continue;
            };
            if !(glued && same_sep) {
                i += 1;
                continue;
            }
            let (y, m, d) = if da == 4 {
                (a, b, c)
            } else if dc == 4 && da <= 2 && db <= 2 {
                let word = matches!(items[i + 2].it, It::Role(Role::Month(_)));
                let month_first = !word && ((self.lang.month_first && a <= 12) || b > 12);
                if month_first {
                    (c, a, b)
                } else {
                    (c, b, a)
                }
            } else {
                i += 1;
                continue;
            };
            let (year, era_note) = self.four_digit_year(y as i32);
            let Some(_) = NaiveDate::from_ymd_opt(year, m, d) else {
                i += 1;
                continue;
            };
            self.replace(
                items,
                i,
                5,
                It::Expr(Expr::Day {
                    month: m,
                    day: d,
                    of: Some(Box::new(Expr::Year {
                        year,
                        fiscal: false,
                    })),
                }),
                format!("{year}-{m:02}-{d:02} ({era_note})"),
            );
            i += 1;
        }
    }

    /// A bare number at one end of a range takes the unit of the other end: "Q1-3 2009",
    /// "1-9月".
    fn range_numbers(&mut self, items: &mut [Item]) {
        for i in 0..items.len().saturating_sub(2) {
            if !matches!(
                items[i + 1].it,
                It::Role(Role::RangeTo) | It::Punct('-' | '/' | '~')
            ) {
                continue;
            }
            let (a, b) = (items[i].it.clone(), items[i + 2].it.clone());
            // Only a number the unit has: "ไตรมาส 3/67" is a quarter of the year 67.
            let unit_of = |it: &It, value: u32| match it {
                It::Nth(u, _, f) if u.per_year().is_none_or(|n| value <= n) => Some((*u, *f)),
                It::Month(_) if value <= 12 => Some((Unit::Month, None)),
                _ => None,
            };
            match (&a, &b) {
                // "с 1 по 21 апреля", "3-6 сентября": the first day of the same month.
                (It::Num { value, digits }, It::Day(m, _))
                    if *digits <= 2 && (1..=31).contains(value) =>
                {
                    items[i].it = It::Day(*m, *value);
                }
                (It::Num { value, digits }, other) if *digits <= 2 => {
                    if let Some((u, f)) = unit_of(other, *value) {
                        items[i].it = numbered(u, *value, f);
                    }
                }
                (other, It::Num { value, digits }) if *digits <= 2 => {
                    if let Some((u, f)) = unit_of(other, *value) {
                        items[i + 2].it = numbered(u, *value, f);
                    }
                }
                _ => {}
            }
        }
    }

    /// Two years written as one: `2024/25`, `2024-25`, `2024/2025`.
    fn pairs(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 2 < items.len() {
            let sep = self.normal.text.get(items[i + 1].start..items[i + 1].end);
            let glued =
                items[i].end == items[i + 1].start && items[i + 1].end == items[i + 2].start;
            // Two digits are read in the era the first year was written in.
            let offset = match &self.lang.era {
                Some(era) if self.era => era.offset,
                _ => 0,
            };
            let pair = match (&items[i].it, sep, &items[i + 2].it) {
                (It::Year { year, .. }, Some("/"), It::Num { value, digits: 2 })
                | (It::Year { year, .. }, Some("-"), It::Num { value, digits: 2 })
                    if glued && *value as i32 == (year + offset + 1).rem_euclid(100) =>
                {
                    Some(year + 1)
                }
                (It::Year { year, .. }, Some("/" | "-"), It::Year { year: y2, .. })
                    if glued && *y2 == year + 1 =>
                {
                    Some(year + 1)
                }
                _ => None,
            };
            // "2026-28": a range to a later year of the same century, of the era the first year
            // was written in ("พ.ศ.2561-80" is 2561 to 2580).
            let later = match (&items[i].it, sep, &items[i + 2].it) {
                (It::Year { year, .. }, Some("-" | "/"), It::Num { value, digits: 2 })
                    if glued
                        && pair.is_none()
                        && (*value as i32) > (year + offset).rem_euclid(100) =>
                {
                    let written = year + offset;
                    Some((
                        *year,
                        written - written.rem_euclid(100) + *value as i32 - offset,
                    ))
                }
                _ => None,
            };
            match (pair, later) {
                (Some(end), _) => self.replace(
                    items,
                    i,
                    3,
                    It::Pair { end, fiscal: None },
                    format!("the years {}/{end}", end - 1),
                ),
                (None, Some((from, to))) => {
                    let e = Expr::Range(
                        Box::new(Expr::Year {
                            year: from,
                            fiscal: false,
                        }),
                        Box::new(Expr::Year {
                            year: to,
                            fiscal: false,
                        }),
                    );
                    self.replace(
                        items,
                        i,
                        3,
                        It::Expr(e),
                        format!("the years {from} to {to}"),
                    );
                }
                _ => i += 1,
            }
        }
    }

    /// A four-digit year, in the language's era above the era's threshold.
    fn four_digit_year(&mut self, v: i32) -> (i32, String) {
        if let Some(era) = &self.lang.era {
            if era.bare_above.is_some_and(|t| v > t) {
                self.era = true;
                let y = v.saturating_sub(era.offset);
                return (
                    y,
                    format!("{} {v} = year {y} (minus {})", era.name, era.offset),
                );
            }
        }
        (v, format!("year {v}"))
    }

    /// A two-digit year beside a year word or a fiscal label (see `PeriodLang::two_digit_year`).
    fn two_digit_year(&mut self, v: u32) -> (i32, String) {
        match self.lang.two_digit_year(v, self.published_year) {
            (y, Some(written)) => {
                self.era = true;
                let name = self.lang.era.as_ref().map_or("", |e| e.name.as_str());
                (y, format!("{name} {written} = year {y}"))
            }
            (y, None) => (y, format!("year {y}")),
        }
    }

    /// Fiscal and calendar marks join the unit or year beside them.
    fn marks(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i < items.len() {
            let fiscal = match items[i].it {
                It::Role(Role::Fiscal) => true,
                It::Role(Role::Calendar) => false,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let what = if fiscal { "fiscal" } else { "calendar" };
            // The neighbour it marks: after it first ("fiscal year"), else before ("2025 fiscal").
            let target = [i + 1, i.wrapping_sub(1)]
                .into_iter()
                .find(|&j| j < items.len() && markable(&items[j].it));
            let Some(j) = target else {
                i += 1;
                continue;
            };
            let marked = match items[j].it.clone() {
                It::Unit(u, _) | It::Role(Role::Unit(u, _)) => It::Unit(u, Some(fiscal)),
                It::Year { year, .. } => It::Year {
                    year,
                    fiscal: Some(fiscal),
                },
                It::Pair { end, .. } => It::Pair {
                    end,
                    fiscal: Some(fiscal),
                },
                It::Nth(u, n, _) => It::Nth(u, n, Some(fiscal)),
                It::Expr(Expr::Nth { unit, n, of, .. }) => It::Expr(Expr::Nth {
                    unit,
                    n,
                    fiscal,
                    of,
                }),
                It::Expr(Expr::Rel { unit, k, .. }) => It::Expr(Expr::Rel { unit, fiscal, k }),
                other => other,
            };
            let (a, len) = if j > i { (i, 2) } else { (j, 2) };
            self.replace(items, a, len, marked, what.to_string());
            i = a;
        }
    }

    /// Number words in a row make one number: "dos mil veintiuno" = 2021, "twenty four" = 24.
    /// A hundred or a thousand multiplies what stands before it. Four digits' worth is a year.
    fn number_words(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i < items.len() {
            let run = items[i..]
                .iter()
                .take_while(|x| matches!(x.it, It::Role(Role::Number(_))))
                .count();
            if run < 2 {
                i += 1;
                continue;
            }
            let (mut total, mut group) = (0u64, 0u64);
            for x in &items[i..i + run] {
                let It::Role(Role::Number(n)) = x.it else {
                    continue;
                };
                let n = n as u64;
                match n {
                    100 => group = group.max(1) * 100,
                    1000 => {
                        total += group.max(1) * 1000;
                        group = 0;
                    }
                    _ => group += n,
                }
            }
            let value = total + group;
            let it = if (1000..=9999).contains(&value) {
                let (year, _) = self.four_digit_year(value as i32);
                It::Year { year, fiscal: None }
            } else {
                It::Role(Role::Number(value.min(u32::MAX as u64) as u32))
            };
            self.replace(items, i, run, it, format!("the number {value} in words"));
            i += 1;
        }
    }

    /// Counts: the first N units, N units from the document's date, N units.
    fn counts(&mut self, items: &mut Vec<Item>) {
        self.number_words(items);
        // A decade is ten years: "the next decade", "the next two decades".
        let mut i = 0;
        while i < items.len() {
            if items[i].it != It::Role(Role::Decade) {
                i += 1;
                continue;
            }
            // "la década de 2030": the ten years from a round year.
            let year_beside =
                [i + 1, i.wrapping_sub(1)]
                    .into_iter()
                    .find_map(|j| match items.get(j) {
                        Some(Item {
                            it: It::Year { year, .. },
                            ..
                        }) if year.rem_euclid(10) == 0 => Some((j, *year)),
                        _ => None,
                    });
            if let Some((j, year)) = year_beside {
                let e = Expr::Range(
                    Box::new(Expr::Year {
                        year,
                        fiscal: false,
                    }),
                    Box::new(Expr::Year {
                        year: year + 9,
                        fiscal: false,
                    }),
                );
                self.replace(
                    items,
                    i.min(j),
                    2,
                    It::Expr(e),
                    format!("the decade {year}-{}", year + 9),
                );
                continue;
            }
            let before = i.checked_sub(1).and_then(|j| count_value(&items[j].it));
            match before {
                Some(n) => {
                    let years = n.saturating_mul(10);
                    self.replace(
                        items,
                        i - 1,
                        2,
                        It::Role(Role::Number(years)),
                        format!("{years} years"),
                    );
                    items.insert(
                        i,
                        Item {
                            it: It::Role(Role::Unit(Unit::Year, false)),
                            start: items[i - 1].end,
                            end: items[i - 1].end,
                        },
                    );
                }
                None => {
                    let at = items[i].end;
                    items[i].it = It::Role(Role::Number(10));
                    items.insert(
                        i + 1,
                        Item {
                            it: It::Role(Role::Unit(Unit::Year, false)),
                            start: at,
                            end: at,
                        },
                    );
                    self.step(items[i].start, items[i].end, "10 years".into());
                }
            }
            i += 1;
        }
        // first + N + unit, and which + N + unit, in any order.
        let mut i = 0;
        while i + 2 < items.len() {
            let three = [&items[i].it, &items[i + 1].it, &items[i + 2].it];
            let number = three.iter().find_map(|it| count_value(it));
            let unit = three.iter().find_map(|it| unit_of(it));
            // The count comes before its unit, whatever stands around them: "the first nine
            // months", "les neuf premiers mois", "9 เดือนแรก" (not "年 前 3" in "2025年前3季度").
            let number_at = three.iter().position(|it| count_value(it).is_some());
            let unit_at = three.iter().position(|it| unit_of(it).is_some());
            if number_at >= unit_at {
                i += 1;
                continue;
            }
            // A number right after a unit names one of them: "ไตรมาส 4 ปีที่แล้ว" is quarter 4
            // of last year, not the last four years.
            let named = number_at
                .map(|at| i + at)
                .filter(|&at| at > 0)
                .is_some_and(|at| matches!(items[at - 1].it, It::Role(Role::Unit(..))));
            if named {
                i += 1;
                continue;
            }
            let first = three.iter().any(|it| **it == It::Role(Role::First));
            let which = three.iter().find_map(|it| match it {
                It::Role(Role::Which(k)) if *k != 0 => Some(*k),
                It::Role(Role::Deadline) => Some(1),
                _ => None,
            });
            let distinct = number.is_some() && unit.is_some();
            if let (true, Some(n), Some((u, f))) = (distinct, number, unit) {
                if first && (u.months().is_some() || matches!(u, Unit::Day | Unit::Week)) {
                    self.replace(
                        items,
                        i,
                        3,
                        It::Expr(Expr::FirstN {
                            unit: u,
                            n,
                            of: None,
                        }),
                        format!("the first {n} {}s", u.name()),
                    );
                    let _ = f;
                    continue;
                }
                if let Some(k) = which {
                    let dir = k.signum();
                    self.replace(
                        items,
                        i,
                        3,
                        It::Expr(Expr::Span { unit: u, n, dir }),
                        format!(
                            "{n} {}s {} the document's date",
                            u.name(),
                            if dir > 0 { "from" } else { "up to" }
                        ),
                    );
                    // A second word of the same direction ("ในอีก 3 ปีข้างหน้า") adds nothing.
                    if let Some(Item {
                        it: It::Role(Role::Which(k2)),
                        ..
                    }) = items.get(i + 1)
                    {
                        if k2.signum() == dir {
                            items.remove(i + 1);
                        }
                    }
                    continue;
                }
            }
            i += 1;
        }
        // N + unit (a count) or unit + N / N + quarter (an ordinal).
        let mut i = 0;
        while i + 1 < items.len() {
            let (a, b) = (items[i].it.clone(), items[i + 1].it.clone());
            match (a, b) {
                // "3 月": a number before a word that names the nth of a unit.
                (It::Num { value, digits }, It::Role(Role::NthOf(u)))
                    if digits <= 2 && value > 0 =>
                {
                    self.replace(
                        items,
                        i,
                        2,
                        numbered(u, value, None),
                        format!("{} {value}", u.name()),
                    );
                }
                (It::Num { value, digits }, It::Role(Role::Unit(u, f)))
                    if digits <= 2 && matches!(u, Unit::Quarter | Unit::Half) =>
                {
                    let max = u.per_year().unwrap_or(4);
                    if (1..=max).contains(&value) {
                        self.replace(
                            items,
                            i,
                            2,
                            It::Nth(u, value as i32, Some(f).filter(|f| *f)),
                            format!("{} {value}", u.name()),
                        );
                    } else {
                        i += 1;
                    }
                }
                (It::Num { value, digits }, It::Role(Role::Unit(u, f)))
                    if digits <= 3 && u != Unit::Year || (u == Unit::Year && digits <= 2) =>
                {
                    if value == 0 {
                        i += 1;
                        continue;
                    }
                    self.replace(
                        items,
                        i,
                        2,
                        It::Count(u, value, f),
                        format!("{value} {}s", u.name()),
                    );
                }
                (It::Role(Role::Number(value)), It::Role(Role::Unit(u, f))) => {
                    self.replace(
                        items,
                        i,
                        2,
                        It::Count(u, value, f),
                        format!("{value} {}s", u.name()),
                    );
                }
                (It::Role(Role::Unit(Unit::Year, f)), It::Num { value, digits: 2 }) => {
                    let (year, meaning) = self.two_digit_year(value);
                    self.replace(
                        items,
                        i,
                        2,
                        It::Year {
                            year,
                            fiscal: Some(f).filter(|f| *f),
                        },
                        meaning,
                    );
                }
                (It::Role(Role::Unit(u, f)), It::Num { value, digits })
                    if u != Unit::Year
                        && digits <= 2
                        && value > 0
                        && u.per_year().is_none_or(|n| value <= n) =>
                {
                    self.replace(
                        items,
                        i,
                        2,
                        It::Nth(u, value as i32, Some(f).filter(|f| *f)),
                        format!("{} {value}", u.name()),
                    );
                }
                _ => i += 1,
            }
        }
    }

    /// A unit with its ordinal, number or which; letters against numbers; units alone.
    fn units(&mut self, items: &mut Vec<Item>) {
        for item in items.iter_mut() {
            if let It::Role(Role::Unit(u, f)) = item.it {
                item.it = It::Unit(u, Some(f).filter(|f| *f));
            }
        }
        let mut i = 0;
        while i < items.len() {
            let cur = items[i].it.clone();
            let next = items.get(i + 1).map(|x| x.it.clone());
            match (cur, next) {
                // year + unit "year": 2025年, 2025 года, ปี 2568, fiscal year 2025
                (It::Year { year, fiscal }, Some(It::Unit(Unit::Year, f)))
                | (It::Unit(Unit::Year, f), Some(It::Year { year, fiscal })) => {
                    let fiscal = fiscal.or(f);
                    let what = if fiscal == Some(true) {
                        "fiscal year"
                    } else {
                        "year"
                    };
                    self.replace(
                        items,
                        i,
                        2,
                        It::Year { year, fiscal },
                        format!("{what} {year}"),
                    );
                }
                (It::Pair { end, fiscal }, Some(It::Unit(Unit::Year, f)))
                | (It::Unit(Unit::Year, f), Some(It::Pair { end, fiscal })) => {
                    let fiscal = fiscal.or(f);
                    self.replace(
                        items,
                        i,
                        2,
                        It::Pair { end, fiscal },
                        format!("the years {}/{end}", end - 1),
                    );
                }
                (It::Ordinal(n), Some(It::Unit(u, f))) | (It::Unit(u, f), Some(It::Ordinal(n)))
                    if u != Unit::Year =>
                {
                    self.replace(items, i, 2, It::Nth(u, n, f), nth_meaning(u, n));
                }
                (It::Role(Role::Ordinal(n)), Some(It::Unit(u, f)))
                | (It::Unit(u, f), Some(It::Role(Role::Ordinal(n))))
                    if u != Unit::Year =>
                {
                    self.replace(items, i, 2, It::Nth(u, n, f), nth_meaning(u, n));
                }
                (It::Role(Role::UnitOrdinal(u, n)), Some(It::Unit(u2, f)))
                | (It::Unit(u2, f), Some(It::Role(Role::UnitOrdinal(u, n))))
                    if u == u2 =>
                {
                    self.replace(items, i, 2, It::Nth(u, n, f), nth_meaning(u, n));
                }
                (It::Role(Role::Which(k)), Some(It::Unit(u, f)))
                | (It::Unit(u, f), Some(It::Role(Role::Which(k)))) => {
                    let fiscal = f == Some(true);
                    let e = Expr::Rel { unit: u, fiscal, k };
                    let meaning = e.describe();
                    self.replace(items, i, 2, It::Expr(e), meaning);
                }
                // "месец ноември", "im Monat Dezember": the unit names the month beside it.
                (It::Unit(Unit::Month, None), Some(It::Role(Role::Month(m)))) => {
                    let name = MONTH_NAMES
                        .get((m as usize).wrapping_sub(1))
                        .unwrap_or(&"?");
                    self.replace(items, i, 2, It::Month(m), format!("month {m} ({name})"));
                }
                (It::Role(Role::FirstMonths(n)), _) => {
                    let e = Expr::FirstN {
                        unit: Unit::Month,
                        n,
                        of: None,
                    };
                    let meaning = e.describe();
                    self.replace(items, i, 1, It::Expr(e), meaning);
                }
                (It::Role(Role::UnitOrdinal(u, n)), _) => {
                    self.replace(items, i, 1, It::Nth(u, n, None), nth_meaning(u, n));
                }
                (It::Role(Role::Month(m)), _) => {
                    let name = MONTH_NAMES
                        .get((m as usize).wrapping_sub(1))
                        .unwrap_or(&"?");
                    self.replace(items, i, 1, It::Month(m), format!("month {m} ({name})"));
                }
                (It::Role(Role::Fused(u, f, k)), _) => {
                    let e = Expr::Rel {
                        unit: u,
                        fiscal: f,
                        k,
                    };
                    let meaning = e.describe();
                    self.replace(items, i, 1, It::Expr(e), meaning);
                }
                (It::Notation(what, v, digits), next) => {
                    let glued_year = match next {
                        Some(It::Num { value, digits: 2 })
                            if items[i].end == items[i + 1].start =>
                        {
                            Some(value)
                        }
                        _ => None,
                    };
                    let Some((it, meaning)) = self.notation(what, v, digits) else {
                        i += 1;
                        continue;
                    };
                    self.replace(items, i, 1, it, meaning);
                    if let Some(v) = glued_year {
                        let year = 2000 + v as i32;
                        self.replace(
                            items,
                            i + 1,
                            1,
                            It::Year { year, fiscal: None },
                            format!("year {year}"),
                        );
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }

    /// A month with its which, once the which words of units are taken: "last March", "mars
    /// dernier" (not "в сентябре прошлого года", where the which is the year's).
    fn month_which(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 1 < items.len() {
            match (items[i].it.clone(), items[i + 1].it.clone()) {
                (It::Role(Role::Which(k)), It::Month(m))
                | (It::Month(m), It::Role(Role::Which(k)))
                    if k != 0 =>
                {
                    let e = Expr::MonthFrom { month: m, k };
                    let meaning = e.describe();
                    self.replace(items, i, 2, It::Expr(e), meaning);
                }
                (It::Role(Role::Which(k)), It::Nth(unit @ (Unit::Quarter | Unit::Half), n, f))
                | (It::Nth(unit @ (Unit::Quarter | Unit::Half), n, f), It::Role(Role::Which(k)))
                    if k != 0 =>
                {
                    let e = Expr::NthFrom {
                        unit,
                        n,
                        fiscal: f == Some(true),
                        k,
                    };
                    let meaning = e.describe();
                    self.replace(items, i, 2, It::Expr(e), meaning);
                }
                (It::Role(Role::Which(k)), It::Day(m, d))
                | (It::Day(m, d), It::Role(Role::Which(k)))
                    if k != 0 =>
                {
                    let e = Expr::DayFrom {
                        month: m,
                        day: d,
                        k,
                    };
                    let meaning = e.describe();
                    self.replace(items, i, 2, It::Expr(e), meaning);
                }
                _ => i += 1,
            }
        }
    }

    fn notation(&self, what: Notation, v: u32, digits: u8) -> Option<(It, String)> {
        let year = |v: u32, digits: u8| -> Option<i32> {
            match digits {
                2 => Some(2000 + v as i32),
                4 => Some(v as i32),
                _ => None,
            }
        };
        Some(match what {
            Notation::Quarter if (1..=4).contains(&v) => (
                It::Nth(Unit::Quarter, v as i32, None),
                format!("quarter {v}"),
            ),
            Notation::Half if (1..=2).contains(&v) => {
                (It::Nth(Unit::Half, v as i32, None), format!("half {v}"))
            }
            Notation::FiscalQuarter if (1..=4).contains(&v) => (
                It::Nth(Unit::Quarter, v as i32, Some(true)),
                format!("fiscal quarter {v}"),
            ),
            Notation::FiscalHalf if (1..=2).contains(&v) => (
                It::Nth(Unit::Half, v as i32, Some(true)),
                format!("fiscal half {v}"),
            ),
            Notation::FiscalYear => {
                let y = year(v, digits)?;
                (
                    It::Year {
                        year: y,
                        fiscal: Some(true),
                    },
                    format!("fiscal year {y}"),
                )
            }
            Notation::CalendarYear => {
                let y = year(v, digits)?;
                (
                    It::Year {
                        year: y,
                        fiscal: Some(false),
                    },
                    format!("calendar year {y}"),
                )
            }
            Notation::FirstMonths if (1..=12).contains(&v) => (
                It::Expr(Expr::FirstN {
                    unit: Unit::Month,
                    n: v,
                    of: None,
                }),
                format!("the first {v} months"),
            ),
            _ => return None,
        })
    }

    /// Days of a month: 14 March, March 14, 3月14日, 14. März.
    fn days(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 1 < items.len() {
            let (a, b) = (items[i].it.clone(), items[i + 1].it.clone());
            let day = match (&a, &b) {
                (It::Month(m), It::Num { value, digits })
                | (It::Num { value, digits }, It::Month(m))
                    if *digits <= 2 && (1..=31).contains(value) =>
                {
                    Some((*m, *value))
                }
                (It::Month(m), It::Ordinal(d)) | (It::Ordinal(d), It::Month(m))
                    if (1..=31).contains(d) =>
                {
                    Some((*m, *d as u32))
                }
                _ => None,
            };
            match day {
                Some((m, d)) => {
                    let name = MONTH_NAMES
                        .get((m as usize).wrapping_sub(1))
                        .unwrap_or(&"?");
                    self.replace(items, i, 2, It::Day(m, d), format!("{name} {d}"));
                }
                None => i += 1,
            }
        }
    }

    /// A weekday beside a date adds nothing: "w piątek 10 lutego", "Friday, March 14".
    fn weekdays(&mut self, items: &mut Vec<Item>) {
        let dated = |it: &It| matches!(it, It::Day(..) | It::Expr(Expr::Day { .. }));
        let mut i = 0;
        while i < items.len() {
            let is_weekday = matches!(items[i].it, It::Role(Role::Weekday(_)));
            let beside = items.get(i + 1).is_some_and(|x| dated(&x.it))
                || (i > 0 && dated(&items[i - 1].it));
            if is_weekday && beside {
                let token = self.orig(items[i].start, items[i].end);
                self.parts.push((
                    items[i].start,
                    Step::new(token, "a weekday beside the date".to_string()),
                ));
                items.remove(i);
                // "ce lundi 11 octobre": this Monday, which the date says.
                if i > 0 && items[i - 1].it == It::Role(Role::Which(0)) {
                    items.remove(i - 1);
                    i -= 1;
                }
            } else {
                i += 1;
            }
        }
    }

    /// The units at an edge of the period after them: the last N ("последните два месеца на
    /// 2025 г.", "negli ultimi tre mesi dell'anno", read first as N units up to the document's
    /// date) and the first days or weeks of a month ("за первые два дня марта").
    fn ends_of(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 1 < items.len() {
            // "за первые два дня марта": the first days of a month.
            let month = match &items[i + 1].it {
                It::Month(m) | It::Role(Role::Month(m)) => Some(Expr::Nth {
                    unit: Unit::Month,
                    n: *m as i32,
                    fiscal: false,
                    of: None,
                }),
                It::Expr(
                    e @ Expr::Nth {
                        unit: Unit::Month, ..
                    },
                ) => Some(e.clone()),
                _ => None,
            };
            if let (
                It::Expr(Expr::FirstN {
                    unit: unit @ (Unit::Day | Unit::Week),
                    n,
                    of: None,
                }),
                Some(month),
            ) = (&items[i].it, month)
            {
                let e = Expr::FirstN {
                    unit: *unit,
                    n: *n,
                    of: Some(Box::new(month)),
                };
                let meaning = e.describe();
                self.replace(items, i, 2, It::Expr(e), meaning);
                i += 1;
                continue;
            }
            let It::Expr(Expr::Span { unit, n, dir: -1 }) = items[i].it else {
                i += 1;
                continue;
            };
            let of = match &items[i + 1].it {
                // "of the year": the year the document's date implies.
                It::Unit(Unit::Year, _) => None,
                It::Year { year, fiscal } => Some(Expr::Year {
                    year: *year,
                    fiscal: *fiscal == Some(true),
                }),
                It::Month(m) | It::Role(Role::Month(m)) if unit.months().is_none() => {
                    Some(Expr::Nth {
                        unit: Unit::Month,
                        n: *m as i32,
                        fiscal: false,
                        of: None,
                    })
                }
                It::Expr(
                    e @ (Expr::Year { .. }
                    | Expr::Rel {
                        unit: Unit::Year, ..
                    }),
                ) => Some(e.clone()),
                It::Expr(
                    e @ Expr::Nth {
                        unit: Unit::Month, ..
                    },
                ) if unit.months().is_none() => Some(e.clone()),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let within_months = unit.months().is_some_and(|m| m * n <= 12);
            let within_month = matches!(unit, Unit::Day | Unit::Week);
            if !(within_months || within_month) {
                i += 1;
                continue;
            }
            let e = Expr::LastN {
                unit,
                n,
                of: of.map(Box::new),
            };
            let meaning = e.describe();
            self.replace(items, i, 2, It::Expr(e), meaning);
            i += 1;
        }
    }

    /// Places parts within a year: the third quarter of last year, 2026财年第二季度, March 2025.
    fn within_years(&mut self, items: &mut Vec<Item>) {
        loop {
            let mut done = true;
            let mut i = 0;
            while i < items.len() {
                if !placeable(&items[i].it) {
                    i += 1;
                    continue;
                }
                // A year beside it: after it first ("Q3 2025", "the third quarter of 2025"),
                // else before ("2025年第三季度"); a mark between them (`/`, `-`) is allowed.
                let mut found = None;
                for (j, span) in [
                    (i + 1, (i, i + 2)),
                    (i.wrapping_sub(1), (i - i.min(1), i + 1)),
                ] {
                    if j < items.len() && j != i && year_like(&items[j].it, self.lang.short_years) {
                        found = Some((j, span));
                        break;
                    }
                }
                if found.is_none() {
                    for (j, mid, span) in [
                        (i + 2, i + 1, (i, i + 3)),
                        (
                            i.wrapping_sub(2),
                            i.wrapping_sub(1),
                            (i.saturating_sub(2), i + 1),
                        ),
                    ] {
                        let mark = mid < items.len()
                            && self
                                .normal
                                .text
                                .get(items[mid].start..items[mid].end)
                                .is_some_and(|t| matches!(t, "/" | "-" | ","));
                        if j < items.len() && mark && year_like(&items[j].it, self.lang.short_years)
                        {
                            found = Some((j, span));
                            break;
                        }
                    }
                }
                let Some((j, (a, b))) = found else {
                    i += 1;
                    continue;
                };
                let anchor = match items[j].it.clone() {
                    It::Num { value, digits: 2 } => {
                        let (year, meaning) = self.two_digit_year(value);
                        self.step(items[j].start, items[j].end, meaning);
                        Some(Expr::Year {
                            year,
                            fiscal: false,
                        })
                    }
                    other => to_expr(other),
                };
                let Some(anchor) = anchor else {
                    i += 1;
                    continue;
                };
                let Some(e) = place(items[i].it.clone(), anchor) else {
                    i += 1;
                    continue;
                };
                let meaning = e.describe();
                self.replace(items, a, b - a, It::Expr(e), meaning);
                done = false;
                i = a + 1;
            }
            if done {
                break;
            }
        }
    }

    /// Parts that stand alone: a year, a quarter or a month in the year the document's date
    /// implies; a unit that is the whole period, this one ("по итогам года").
    fn alone(&self, items: &mut [Item]) {
        let items_len = items.len();
        for item in items.iter_mut() {
            let e = match item.it.clone() {
                It::Pair { end, fiscal } => Expr::Pair { end, fiscal },
                // "по итогам года", "the year": a unit with words around it, not an abbreviation
                // alone ("FY", "г.").
                It::Unit(unit, fiscal) if items_len == 1 && self.words > 1 => Expr::Rel {
                    unit,
                    fiscal: fiscal == Some(true),
                    k: 0,
                },
                It::Year { year, fiscal } => Expr::Year {
                    year,
                    fiscal: fiscal == Some(true),
                },
                It::Role(Role::ToDateOf(unit, fiscal)) => {
                    Expr::ToDate(Box::new(Expr::Rel { unit, fiscal, k: 0 }))
                }
                other => match place_alone(other) {
                    Some(e) => e,
                    None => continue,
                },
            };
            item.it = It::Expr(e);
        }
    }

    /// Edges: the end of 2025, 2025年底, Ende 2027, year-end.
    fn edges(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i < items.len() {
            let It::Role(Role::Edge(edge)) = items[i].it else {
                i += 1;
                continue;
            };
            let Some((at, len, inner)) = operand(items, i) else {
                i += 1;
                continue;
            };
            let e = Expr::Edge(edge, Box::new(inner));
            let meaning = e.describe();
            self.replace(items, at, len, It::Expr(e), meaning);
            i = at + 1;
        }
    }

    /// To date, since, by, as of: before or after the period they apply to.
    fn operators(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i < items.len() {
            let wrap: fn(Box<Expr>) -> Expr = match items[i].it {
                It::Role(Role::ToDate) => Expr::ToDate,
                It::Role(Role::Since) => Expr::Since,
                It::Role(Role::Deadline) => Expr::Deadline,
                It::Role(Role::AsOf) => Expr::AsOf,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some((at, len, inner)) = operand(items, i) else {
                i += 1;
                continue;
            };
            let e = wrap(Box::new(inner));
            let meaning = e.describe();
            self.replace(items, at, len, It::Expr(e), meaning);
            i = at + 1;
        }
    }

    /// N units to the end of a period: "the 12 months to June 2025", "the three months ended
    /// June 30".
    fn trailing(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 2 < items.len() {
            let (unit, n, to) = match (&items[i].it, &items[i + 1].it, &items[i + 2].it) {
                (It::Count(unit, n, _), It::Role(Role::RangeTo | Role::Ending), to) => {
                    (*unit, *n, to)
                }
                // "trimestre terminé le 31 décembre": one unit, ending there; so is a named one
                // ("fiscal Q1 ended Sept 30, 2025"), and a fiscal year ("the fiscal ending").
                (It::Unit(unit, _), It::Role(Role::Ending), to)
                | (It::Nth(unit, _, _), It::Role(Role::Ending), to)
                | (It::Expr(Expr::Nth { unit, of: None, .. }), It::Role(Role::Ending), to) => {
                    (*unit, 1, to)
                }
                (It::Role(Role::Fiscal), It::Role(Role::Ending), to) => (Unit::Year, 1, to),
                // "截至2025年6月30日止季度": the end first.
                (to, It::Role(Role::Ending), It::Unit(unit, _)) => (*unit, 1, to),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some(to) = as_expr(to) else {
                i += 1;
                continue;
            };
            // An "as of" before the end ("截至…止") is part of the same words.
            let as_of = i > 0 && items[i - 1].it == It::Role(Role::AsOf);
            if as_of {
                i -= 1;
                items.remove(i);
            }
            if unit.months().is_none() && !matches!(unit, Unit::Week | Unit::Day) {
                i += 1;
                continue;
            }
            let e = Expr::Trailing {
                unit,
                n,
                to: Box::new(to),
            };
            let meaning = e.describe();
            self.replace(items, i, 3, It::Expr(e), meaning);
            i += 1;
        }
    }

    /// Consecutive months listed are the span from the first to the last: "ottobre, novembre e
    /// dicembre del 2022", "w lipcu i sierpniu 2019 roku".
    fn lists(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 2 < items.len() {
            let mut last = month_number(&items[i].it);
            let mut j = i + 1;
            while let Some(m) = items.get(j).and_then(|x| month_number(&x.it)) {
                if Some(m) != last.map(|l| l + 1) {
                    break;
                }
                last = Some(m);
                j += 1;
            }
            let joined = matches!(
                items.get(j).map(|x| &x.it),
                Some(It::Role(Role::RangeAnd | Role::RangeTo))
            );
            let closing = items.get(j + 1).and_then(|x| month_number(&x.it));
            let consecutive = last.is_some() && closing == last.map(|l| l + 1);
            let listed = joined
                && consecutive
                && (j > i + 1 || items[j].it == It::Role(Role::RangeAnd))
                && !(i > 0 && matches!(items[i - 1].it, It::Role(Role::RangeFrom | Role::Since)));
            if !listed {
                i += 1;
                continue;
            }
            // Keep the first and the last, joined as a range.
            items.drain(i + 1..j);
            items[i + 1].it = It::Role(Role::RangeTo);
            i += 1;
        }
    }

    /// N months or quarters that end nowhere are the first N of the year: "по итогам девяти
    /// месяцев".
    fn counts_alone(&mut self, items: &mut [Item]) {
        for item in items.iter_mut() {
            if let It::Count(unit @ (Unit::Month | Unit::Quarter), n, _) = item.it {
                item.it = It::Expr(Expr::FirstN { unit, n, of: None });
            }
        }
    }

    /// A unit beside a period that names it adds nothing: "the quarter April to June".
    fn apposition(&mut self, items: &mut Vec<Item>) {
        if let [a, b] = items.as_slice() {
            // "this 2025", "the current 2023-24 financial year": a period that names its year
            // needs no "this".
            let this = |it: &It| match it {
                It::Role(Role::Which(0)) => Some(false),
                // "das angelaufene Geschäftsjahr 2024/2025": this fiscal year, named.
                It::Expr(Expr::Rel {
                    unit: Unit::Year,
                    fiscal,
                    k: 0,
                }) => Some(*fiscal),
                _ => None,
            };
            let merged = match (&a.it, &b.it) {
                (x, It::Expr(e)) | (It::Expr(e), x) if this(x).is_some() && e.written_year() => {
                    let mut e = e.clone();
                    if this(x) == Some(true) {
                        mark_fiscal(&mut e);
                    }
                    Some(e)
                }
                // "the first two weeks of March 2025", "първите шест месеца на настоящата 2025
                // година": the year named after the part.
                (It::Expr(e), It::Expr(year @ Expr::Year { .. })) => {
                    let mut e = e.clone();
                    (e.take_year(year) || e.name_this_year(year)).then_some(e)
                }
                _ => None,
            };
            if let Some(e) = merged {
                let (start, end) = (a.start, b.end);
                *items = vec![Item {
                    it: It::Expr(e),
                    start,
                    end,
                }];
                return;
            }
            // "un exercice 2022-2023", "a fiscal year 2025": one year beside a written year is it.
            let written = |it: &It| matches!(it, It::Expr(e) if e.written_year());
            let unit_of = |it: &It| match it {
                It::Unit(u, f) => Some((*u, *f)),
                It::Count(Unit::Year, 1, f) if written(&a.it) || written(&b.it) => {
                    Some((Unit::Year, Some(*f).filter(|f| *f)))
                }
                _ => None,
            };
            let (keep, unit) = match (unit_of(&a.it), unit_of(&b.it), &a.it, &b.it) {
                (Some(u), None, _, It::Expr(_)) => (1, u),
                (None, Some(u), It::Expr(_), _) => (0, u),
                _ => return,
            };
            let mut kept = items.remove(keep);
            // "the December 2025 quarter", "the June half": the unit that holds the month.
            if let It::Expr(Expr::Nth {
                unit: Unit::Month,
                n,
                fiscal: false,
                of,
            }) = &kept.it
            {
                let per = match unit.0 {
                    Unit::Quarter => Some(3),
                    Unit::Half => Some(6),
                    _ => None,
                };
                if let (Some(per), None | Some(false)) = (per, unit.1) {
                    kept.it = It::Expr(Expr::Nth {
                        unit: unit.0,
                        n: (n - 1) / per + 1,
                        fiscal: false,
                        of: of.clone(),
                    });
                }
            }
            // "2025-2027 财年": fiscal years, both ends.
            if let (Unit::Year, Some(true), It::Expr(e)) = (unit.0, unit.1, &mut kept.it) {
                mark_fiscal(e);
            }
            items.clear();
            items.push(kept);
        }
    }

    /// Ranges: [from] A to B, between A and B; the ends lend each other their year.
    fn ranges(&mut self, items: &mut Vec<Item>) {
        let mut i = 0;
        while i + 2 < items.len() {
            let joins = matches!(
                items[i + 1].it,
                It::Role(Role::RangeTo) | It::Punct('-' | '/' | '~')
            ) || (items[i + 1].it == It::Role(Role::RangeAnd)
                && i > 0
                && matches!(items[i - 1].it, It::Role(Role::RangeFrom | Role::Since)));
            let left = match &items[i].it {
                It::Num { value, .. } => match &items[i + 2].it {
                    // 1-9月: a bare number takes the unit of the other end.
                    It::Expr(Expr::Nth { unit, fiscal, .. }) if *unit == Unit::Month => {
                        Some(Expr::Nth {
                            unit: *unit,
                            n: *value as i32,
                            fiscal: *fiscal,
                            of: None,
                        })
                    }
                    _ => None,
                },
                it => as_expr(it),
            };
            let right = as_expr(&items[i + 2].it);
            let (true, Some(mut a), Some(mut b)) = (joins, left, right) else {
                i += 1;
                continue;
            };
            // "2025-2027 财年", "FY2025-2027": one end's fiscal year makes both ends fiscal.
            if let (Expr::Year { fiscal: fa, .. }, Expr::Year { fiscal: fb, .. }) = (&mut a, &mut b)
            {
                let fiscal = *fa || *fb;
                (*fa, *fb) = (fiscal, fiscal);
            }
            if let Some(anchor) = b.anchor().cloned() {
                a.lend(&anchor);
            }
            if let Some(anchor) = a.anchor().cloned() {
                b.lend(&anchor);
            }
            let e = Expr::Range(Box::new(a), Box::new(b));
            let meaning = e.describe();
            // "с 2025 по 2027": a since word before a range opens it.
            let from = i > 0 && matches!(items[i - 1].it, It::Role(Role::RangeFrom | Role::Since));
            let at = if from { i - 1 } else { i };
            let len = if from { 4 } else { 3 };
            self.replace(items, at, len, It::Expr(e), meaning);
            i = at;
        }
    }

    /// Resolves a composed period into dates.
    fn resolve(
        &mut self,
        expr: Expr,
        published: Published,
        calendar: FiscalCalendar,
    ) -> Result<Period, PeriodError> {
        let mut r = Resolver {
            published,
            calendar,
            relative: false,
            fiscal: false,
            era: self.era,
            notes: Vec::new(),
        };
        let (start, end) = r.span(&expr)?;
        if start > end {
            return Err(PeriodError::new(format!(
                "{} ends ({end}) before it starts ({start})",
                expr.describe()
            )));
        }
        let kind = kind_of(&expr, r.fiscal, r.relative, r.era);
        let mut parts = std::mem::take(&mut self.parts);
        parts.sort_by_key(|(at, _)| *at);
        let mut steps: Vec<Step> = parts.into_iter().map(|(_, s)| s).collect();
        steps.append(&mut self.steps);
        for note in r.notes {
            steps.push(Step::new(self.original.trim(), note));
        }
        let lab = label(start, end);
        let span = if lab.contains("..") {
            lab
        } else {
            format!("{start}..{end} = {lab}")
        };
        steps.push(Step::new(
            self.original.trim(),
            format!("composed: {} = {span}", expr.describe()),
        ));
        Ok(Period {
            start,
            end,
            kind,
            steps,
        })
    }
}

fn kind_of(expr: &Expr, fiscal: bool, relative: bool, era: bool) -> PeriodKind {
    match expr {
        Expr::Deadline(_) => PeriodKind::Deadline,
        Expr::ToDate(_) | Expr::Since(_) => PeriodKind::ToDate,
        _ if fiscal => PeriodKind::Fiscal,
        _ if relative => PeriodKind::Relative,
        _ if era => PeriodKind::BuddhistEra,
        _ => PeriodKind::Absolute,
    }
}

fn nth_meaning(u: Unit, n: i32) -> String {
    if n < 0 {
        format!("the last {}", u.name())
    } else {
        format!("{} {n}", u.name())
    }
}

fn describe_item(it: &It) -> String {
    match it {
        It::Num { value, .. } => format!("the number {value}"),
        It::Role(r) => format!("{r:?}").to_lowercase(),
        It::Notation(..) => "a label".into(),
        It::Punct(c) => format!("'{c}'"),
        It::Year { year, .. } => format!("year {year}"),
        It::Pair { end, .. } => format!("the years {}/{end}", end - 1),
        It::Ordinal(n) => format!("ordinal {n}"),
        It::Unit(u, _) => u.name().into(),
        It::Count(u, n, _) => format!("{n} {}s", u.name()),
        It::Nth(u, n, _) => nth_meaning(*u, *n),
        It::Month(m) => format!("month {m}"),
        It::Day(m, d) => format!("day {d} of month {m}"),
        It::Expr(e) => e.describe(),
    }
}

fn markable(it: &It) -> bool {
    matches!(
        it,
        It::Unit(..)
            | It::Role(Role::Unit(..))
            | It::Year { .. }
            | It::Pair { .. }
            | It::Nth(..)
            | It::Expr(Expr::Nth { .. } | Expr::Rel { .. })
    )
}

fn count_value(it: &It) -> Option<u32> {
    match it {
        It::Num { value, digits } if *digits <= 3 && *value > 0 => Some(*value),
        It::Role(Role::Number(n)) => Some(*n),
        _ => None,
    }
}

fn unit_of(it: &It) -> Option<(Unit, bool)> {
    match it {
        It::Role(Role::Unit(u, f)) => Some((*u, *f)),
        _ => None,
    }
}

/// Whether a part can be placed in a year.
fn placeable(it: &It) -> bool {
    matches!(
        it,
        It::Nth(..)
            | It::Month(_)
            | It::Day(..)
            | It::Count(Unit::Month | Unit::Quarter, ..)
            | It::Expr(Expr::FirstN { of: None, .. })
    )
}

/// Whether a part is a year that others can be placed in.
fn year_like(it: &It, short_years: bool) -> bool {
    // "ce 1er semestre": this (year's) first half.
    if *it == It::Role(Role::Which(0)) {
        return true;
    }
    if let It::Count(Unit::Year, n, _) = it {
        return short_years && *n < 100;
    }
    // "ต.ค. 67", "ไตรมาส 3/67": two digits are a year where the language writes years so.
    if let It::Num { digits: 2, .. } = it {
        return short_years;
    }
    if let It::Unit(Unit::Year, _) = it {
        return true;
    }
    matches!(
        it,
        It::Year { .. }
            | It::Pair { .. }
            | It::Expr(Expr::Pair { .. })
            | It::Expr(Expr::Year { .. })
            | It::Expr(Expr::Rel {
                unit: Unit::Year,
                ..
            })
    )
}

fn to_expr(it: It) -> Option<Expr> {
    match it {
        It::Year { year, fiscal } => Some(Expr::Year {
            year,
            fiscal: fiscal == Some(true),
        }),
        It::Pair { end, fiscal } => Some(Expr::Pair { end, fiscal }),
        It::Role(Role::Which(0)) => Some(Expr::Rel {
            unit: Unit::Year,
            fiscal: false,
            k: 0,
        }),
        // "the first nine months of the year": this one.
        It::Unit(Unit::Year, fiscal) => Some(Expr::Rel {
            unit: Unit::Year,
            fiscal: fiscal == Some(true),
            k: 0,
        }),
        // "25年第一季度": two digits before the year word are a year.
        It::Count(Unit::Year, n, fiscal) => Some(Expr::Year {
            year: 2000 + n as i32,
            fiscal,
        }),
        It::Expr(e) => Some(e),
        _ => None,
    }
}

fn place(it: It, anchor: Expr) -> Option<Expr> {
    let fiscal_anchor = matches!(
        anchor,
        Expr::Year { fiscal: true, .. }
            | Expr::Pair {
                fiscal: Some(true),
                ..
            }
            | Expr::Rel {
                unit: Unit::Year,
                fiscal: true,
                ..
            }
    );
    let of = Some(Box::new(anchor));
    Some(match it {
        It::Nth(unit, n, f) => Expr::Nth {
            unit,
            n,
            fiscal: f.unwrap_or(fiscal_anchor),
            of,
        },
        It::Month(m) => Expr::Nth {
            unit: Unit::Month,
            n: m as i32,
            fiscal: false,
            of,
        },
        It::Day(m, d) => Expr::Day {
            month: m,
            day: d,
            of,
        },
        // "за 9 месяцев 2025 года": N months of a year are its first N months.
        It::Count(unit, n, _) => Expr::FirstN { unit, n, of },
        It::Expr(Expr::FirstN { unit, n, of: None }) => Expr::FirstN { unit, n, of },
        _ => return None,
    })
}

fn place_alone(it: It) -> Option<Expr> {
    Some(match it {
        It::Nth(unit, n, f) => Expr::Nth {
            unit,
            n,
            fiscal: f == Some(true),
            of: None,
        },
        It::Month(m) => Expr::Nth {
            unit: Unit::Month,
            n: m as i32,
            fiscal: false,
            of: None,
        },
        It::Day(m, d) => Expr::Day {
            month: m,
            day: d,
            of: None,
        },
        _ => return None,
    })
}

/// A part as the operand of an edge, an operator or a range; a unit alone is this one ("the
/// end of the year", "с начала года").
/// The month an item names, if it names one.
fn month_number(it: &It) -> Option<u32> {
    match it {
        It::Role(Role::Month(m)) | It::Month(m) => Some(*m),
        It::Nth(Unit::Month, n, _) => u32::try_from(*n).ok(),
        It::Expr(Expr::Nth {
            unit: Unit::Month,
            n,
            ..
        }) => u32::try_from(*n).ok(),
        _ => None,
    }
}

fn as_expr(it: &It) -> Option<Expr> {
    match it {
        It::Expr(e) => Some(e.clone()),
        It::Unit(unit, fiscal) => Some(Expr::Rel {
            unit: *unit,
            fiscal: *fiscal == Some(true),
            k: 0,
        }),
        _ => None,
    }
}

/// Turns a composed period into dates.
struct Resolver {
    published: Published,
    calendar: FiscalCalendar,
    relative: bool,
    fiscal: bool,
    era: bool,
    notes: Vec<String>,
}

fn err<T>(s: String) -> Result<T, PeriodError> {
    Err(PeriodError::new(s))
}

impl Resolver {
    fn cal(&mut self, fiscal: bool) -> FiscalCalendar {
        if fiscal {
            self.fiscal = true;
            self.calendar
        } else {
            FiscalCalendar::CALENDAR
        }
    }

    /// The document's date as one day, for what counts from it in days or weeks.
    fn day(&self, what: &str) -> Result<NaiveDate, PeriodError> {
        match self.published {
            Published::Day(d) => Ok(d),
            _ => err(format!(
                "«{what}» counts from the document's day, but the document is dated only {}",
                self.published
            )),
        }
    }

    /// The first day of the document's date, with at least month precision where needed.
    fn month_date(&self, what: &str) -> Result<NaiveDate, PeriodError> {
        match self.published {
            Published::Day(d) => Ok(d),
            Published::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1)
                .ok_or_else(|| PeriodError::new("the document's date is not a date")),
            Published::Year(_) => err(format!(
                "«{what}» counts from the document's month, but the document is dated only {}",
                self.published
            )),
        }
    }

    /// The span of unit number `index` counted from year 0 of a calendar (months-based units).
    fn unit_span(
        &self,
        cal: FiscalCalendar,
        unit: Unit,
        index: i64,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let months = unit.months()?;
        let per = unit.per_year()? as i64;
        let fy = index.div_euclid(per);
        let n = index.rem_euclid(per) as u32;
        let (start, _) = cal.year_span(i32::try_from(fy).ok()?)?;
        let start = start.checked_add_months(Months::new(n * months))?;
        months_span(start, months)
    }

    /// The index (from year 0) of the unit holding a date, in a calendar.
    fn unit_index(cal: FiscalCalendar, unit: Unit, d: NaiveDate) -> Option<i64> {
        let months = unit.months()? as i64;
        let per = unit.per_year()? as i64;
        let fy = cal.year_of(d) as i64;
        let start_month = cal.start_month as i64;
        let m = (d.month() as i64 - start_month).rem_euclid(12);
        Some(fy * per + m / months)
    }

    fn span(&mut self, e: &Expr) -> Result<(NaiveDate, NaiveDate), PeriodError> {
        let outside = || PeriodError::new(format!("{} falls outside the calendar", e.describe()));
        match e {
            Expr::Year { year, fiscal } => {
                let cal = self.cal(*fiscal);
                if *fiscal && cal.start_month != 1 {
                    self.notes
                        .push(format!("fiscal year {year}, {}", self.calendar.describe()));
                }
                cal.year_span(*year).ok_or_else(outside)
            }
            Expr::Pair { end, fiscal } => {
                let fiscal = fiscal.unwrap_or(self.calendar.start_month != 1);
                if fiscal {
                    self.span(&Expr::Year {
                        year: *end,
                        fiscal: true,
                    })
                } else {
                    let (s, _) = year_span(end - 1).ok_or_else(outside)?;
                    let (_, e2) = year_span(*end).ok_or_else(outside)?;
                    Ok((s, e2))
                }
            }
            Expr::Rel { unit, fiscal, k } => {
                self.relative = true;
                match unit {
                    Unit::Week => {
                        let d = self.day("week")?;
                        let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
                        let start = monday + Duration::weeks(*k as i64);
                        Ok((start, start + Duration::days(6)))
                    }
                    Unit::Day => {
                        let d = self.day("day")?;
                        let d = d + Duration::days(*k as i64);
                        Ok((d, d))
                    }
                    Unit::Year if !*fiscal || self.calendar.start_month == 1 => {
                        let y = self.published.year().saturating_add(*k);
                        if *fiscal {
                            self.fiscal = true;
                        }
                        year_span(y).ok_or_else(outside)
                    }
                    _ => {
                        let cal = self.cal(*fiscal);
                        let d = if *unit == Unit::Year {
                            match self.published {
                                Published::Year(_) => {
                                    return err(format!(
                                        "the fiscal year counts from the document's month ({}), but the document is dated only {}",
                                        self.calendar.describe(),
                                        self.published
                                    ))
                                }
                                _ => self.month_date(unit.name())?,
                            }
                        } else {
                            self.month_date(unit.name())?
                        };
                        let index = Self::unit_index(cal, *unit, d).ok_or_else(outside)?;
                        let span = self
                            .unit_span(cal, *unit, index + *k as i64)
                            .ok_or_else(outside)?;
                        if *fiscal {
                            self.notes.push(format!(
                                "{} {}: {}..{}",
                                e.describe(),
                                self.calendar.describe(),
                                span.0,
                                span.1
                            ));
                        }
                        Ok(span)
                    }
                }
            }
            Expr::Nth {
                unit,
                n,
                fiscal,
                of,
            } => {
                // Within two years written as one ("2021-2022"), a half or quarter is the fiscal
                // year's when the entity's fiscal year is not the calendar year.
                let in_pair = matches!(of.as_deref(), Some(Expr::Pair { fiscal: None, .. }));
                let fiscal = &(*fiscal || (in_pair && self.calendar.start_month != 1));
                let cal = self.cal(*fiscal);
                let count = match unit {
                    Unit::Week => 53,
                    Unit::Day => 366,
                    u => u.per_year().unwrap_or(1),
                };
                let n = if *n < 0 { count as i32 } else { *n };
                if n < 1 || n as u32 > count {
                    return err(format!("there is no {} {n} in a year", unit.name()));
                }
                let within = |r: &mut Resolver,
                              year: i32|
                 -> Result<(NaiveDate, NaiveDate), PeriodError> {
                    match unit {
                        Unit::Week => {
                            let w =
                                NaiveDate::from_isoywd_opt(year, n as u32, chrono::Weekday::Mon)
                                    .ok_or_else(|| {
                                        PeriodError::new(format!("{year} has no week {n}"))
                                    })?;
                            Ok((w, w + Duration::days(6)))
                        }
                        Unit::Month if !*fiscal => month_span(year, n as u32).ok_or_else(|| {
                            PeriodError::new(format!("{year}-{n:02} falls outside the calendar"))
                        }),
                        _ => r
                            .unit_span(
                                cal,
                                *unit,
                                year as i64 * unit.per_year().unwrap_or(1) as i64 + (n - 1) as i64,
                            )
                            .ok_or_else(|| {
                                PeriodError::new(format!(
                                    "{} falls outside the calendar",
                                    e.describe()
                                ))
                            }),
                    }
                };
                match of {
                    Some(anchor) => {
                        let year = self.year_of(anchor, *fiscal)?;
                        within(self, year)
                    }
                    None => self.implied(e, |r, y| within(r, y), *fiscal),
                }
            }
            Expr::Day { month, day, of } => {
                let make = |_: &mut Resolver, y: i32| {
                    NaiveDate::from_ymd_opt(y, *month, *day)
                        .map(|d| (d, d))
                        .ok_or_else(|| {
                            PeriodError::new(format!("{y}-{month:02}-{day:02} is not a date"))
                        })
                };
                match of {
                    Some(anchor) => {
                        let y = self.year_of(anchor, false)?;
                        make(self, y)
                    }
                    // A day with no year is in the year its month is: the document's, unless
                    // the month had not begun by the document's date.
                    None => {
                        let month = Expr::Nth {
                            unit: Unit::Month,
                            n: *month as i32,
                            fiscal: false,
                            of: None,
                        };
                        let (start, _) = self.span(&month)?;
                        make(self, start.year())
                    }
                }
            }
            Expr::FirstN {
                unit: unit @ (Unit::Day | Unit::Week),
                n,
                of,
            } => {
                // The first days or weeks of a month or a year.
                let forth = |start: NaiveDate| -> Option<NaiveDate> {
                    let days = if *unit == Unit::Week { 7 * *n } else { *n } as i64;
                    start.checked_add_signed(Duration::days(days - 1))
                };
                let first = |r: &mut Resolver, y: i32| {
                    let (start, _) = r.cal(false).year_span(y).ok_or_else(outside)?;
                    Ok((start, forth(start).ok_or_else(outside)?))
                };
                match of.as_deref() {
                    None => self.implied(e, first, false),
                    Some(anchor) => {
                        let (start, end) = self.span(anchor)?;
                        let last = forth(start).ok_or_else(outside)?;
                        if last > end {
                            return err(format!("{} do not fit in it", e.describe()));
                        }
                        Ok((start, last))
                    }
                }
            }
            Expr::FirstN { unit, n, of } => {
                let months = unit.months().unwrap_or(1) * n;
                if months == 0 || months > 12 {
                    return err(format!(
                        "the first {n} {}s are not within a year",
                        unit.name()
                    ));
                }
                // Of a fiscal year, its first months: "los nueve primeros meses del año fiscal".
                let fiscal = of.as_deref().is_some_and(|a| match a {
                    Expr::Year { fiscal, .. } | Expr::Rel { fiscal, .. } => *fiscal,
                    Expr::Pair { fiscal, .. } => fiscal.unwrap_or(self.calendar.start_month != 1),
                    _ => false,
                });
                let cal = self.cal(fiscal);
                let make = move |_: &mut Resolver, y: i32| {
                    cal.year_span(y)
                        .and_then(|(s, _)| months_span(s, months))
                        .ok_or_else(|| PeriodError::new(format!("{y} falls outside the calendar")))
                };
                match of {
                    Some(anchor) => {
                        let y = self.year_of(anchor, fiscal)?;
                        make(self, y)
                    }
                    None => self.implied(e, make, false),
                }
            }
            Expr::LastN { unit, n, of } => {
                // The end of the period, back N units: of a year by its months, of a month by
                // its days or weeks.
                let back = |end: NaiveDate| -> Option<NaiveDate> {
                    let next = end.succ_opt()?;
                    match unit {
                        Unit::Day => next.checked_sub_signed(Duration::days(*n as i64)),
                        Unit::Week => next.checked_sub_signed(Duration::weeks(*n as i64)),
                        u => next.checked_sub_months(Months::new(u.months()? * n)),
                    }
                };
                let last = |r: &mut Resolver, y: i32| {
                    let (_, end) = r.cal(false).year_span(y).ok_or_else(outside)?;
                    Ok((back(end).ok_or_else(outside)?, end))
                };
                match of.as_deref() {
                    None => self.implied(e, last, false),
                    Some(anchor) => {
                        let (_, end) = self.span(anchor)?;
                        Ok((back(end).ok_or_else(outside)?, end))
                    }
                }
            }
            Expr::Span { unit, n, dir } => {
                self.relative = true;
                let (from, to) = self.published.span();
                let n = *n;
                if *dir > 0 {
                    let end = match unit {
                        Unit::Week => from.checked_add_signed(Duration::weeks(n as i64)),
                        Unit::Day => from.checked_add_signed(Duration::days(n as i64)),
                        u => from.checked_add_months(Months::new(u.months().unwrap_or(1) * n)),
                    }
                    .and_then(|d| d.pred_opt())
                    .ok_or_else(outside)?;
                    Ok((from, end))
                } else {
                    let start = match unit {
                        Unit::Week => to.checked_sub_signed(Duration::weeks(n as i64)),
                        Unit::Day => to.checked_sub_signed(Duration::days(n as i64)),
                        u => to.checked_sub_months(Months::new(u.months().unwrap_or(1) * n)),
                    }
                    .and_then(|d| d.succ_opt())
                    .ok_or_else(outside)?;
                    Ok((start, to))
                }
            }
            Expr::Trailing { unit, n, to } => {
                let (_, end) = self.span(to)?;
                let after = end.succ_opt().ok_or_else(outside)?;
                let start = match unit {
                    Unit::Week => after.checked_sub_signed(Duration::weeks(*n as i64)),
                    Unit::Day => after.checked_sub_signed(Duration::days(*n as i64)),
                    u => after.checked_sub_months(Months::new(u.months().unwrap_or(1) * n)),
                }
                .ok_or_else(outside)?;
                Ok((start, end))
            }
            Expr::MonthFrom { month, k } => {
                self.relative = true;
                let d = self.month_date("month")?;
                let (py, now) = (d.year(), d.month());
                let y = match k.signum() {
                    -1 if *month < now => py,
                    -1 => py - 1,
                    _ if *month > now => py,
                    _ => py + 1,
                };
                let y = y + k.signum() * (k.abs() - 1).max(0);
                month_span(y, *month).ok_or_else(outside)
            }
            Expr::NthFrom { unit, n, fiscal, k } => {
                self.relative = true;
                // The latest such one that has ended by the document's date, or the next that
                // begins after it; of a document dated to the month only, by its last day or
                // after its first.
                let cal = self.cal(*fiscal);
                let (first, last) = self.published.span();
                let per = unit.per_year().ok_or_else(outside)? as i64;
                if *n < 1 || *n as i64 > per {
                    return err(format!("there is no {} {n} in a year", unit.name()));
                }
                let fy = cal.year_of(if *k < 0 { last } else { first }) as i64;
                let mut index = fy * per + (*n as i64 - 1);
                let span = |r: &Resolver, i: i64| r.unit_span(cal, *unit, i).ok_or_else(outside);
                if *k < 0 {
                    while span(self, index)?.1 > last {
                        index -= per;
                    }
                } else {
                    while span(self, index)?.0 <= first {
                        index += per;
                    }
                }
                index += k.signum() as i64 * (k.abs() as i64 - 1).max(0) * per;
                span(self, index)
            }
            Expr::Weekday { weekday, k } => {
                self.relative = true;
                let d = self.day("a weekday")?;
                let now = d.weekday().number_from_monday() as i64;
                let target = *weekday as i64;
                let date = match k.signum() {
                    0 => d + Duration::days(target - now),
                    -1 => d - Duration::days((now - target - 1).rem_euclid(7) + 1),
                    _ => d + Duration::days((target - now - 1).rem_euclid(7) + 1),
                };
                Ok((date, date))
            }
            Expr::DayFrom { month, day, k } => {
                self.relative = true;
                // The latest such day by the document's date, or the next after it; of a
                // document dated to the month only, by its last day or after its first.
                let (first, last) = self.published.span();
                let today = if *k < 0 { last } else { first };
                let y = today.year();
                let this_year = NaiveDate::from_ymd_opt(y, *month, *day);
                let date = match (k.signum(), this_year) {
                    (-1, Some(d)) if d <= today => Some(d),
                    (-1, _) => NaiveDate::from_ymd_opt(y - 1, *month, *day),
                    (_, Some(d)) if d > today => Some(d),
                    _ => NaiveDate::from_ymd_opt(y + 1, *month, *day),
                }
                .ok_or_else(outside)?;
                Ok((date, date))
            }
            Expr::Edge(edge, inner) => {
                let (s, e2) = self.span(inner)?;
                let day = match edge {
                    Edge::Start => s,
                    Edge::End => e2,
                    Edge::Middle => {
                        let months =
                            (e2.year() - s.year()) * 12 + e2.month() as i32 - s.month() as i32 + 1;
                        if months >= 2 && s.day() == 1 {
                            months_span(s, (months / 2) as u32)
                                .map(|(_, e)| e)
                                .ok_or_else(outside)?
                        } else {
                            s + Duration::days((e2 - s).num_days() / 2)
                        }
                    }
                };
                Ok((day, day))
            }
            Expr::AsOf(inner) => {
                let (_, e2) = self.span(inner)?;
                Ok((e2, e2))
            }
            Expr::ToDate(inner) | Expr::Since(inner) => {
                self.relative = true;
                let (s, e2) = self.span(inner)?;
                let (_, to) = self.published.span();
                if s > to {
                    return err(format!(
                        "{}: it starts after the document's date {} (on {s})",
                        e.describe(),
                        self.published
                    ));
                }
                let end = if matches!(e, Expr::ToDate(_)) {
                    e2.min(to)
                } else {
                    to
                };
                Ok((s, end))
            }
            Expr::Deadline(inner) => {
                let (s, e2) = self.span(inner)?;
                let (from, _) = self.published.span();
                if e2 < from {
                    return err(format!(
                        "the deadline {} ends before the document's date {}",
                        label(s, e2),
                        self.published
                    ));
                }
                let start = if matches!(**inner, Expr::Span { .. }) {
                    s
                } else {
                    from
                };
                Ok((start.max(from), e2))
            }
            Expr::Range(a, b) => {
                let (s, _) = self.span(a)?;
                let (_, e2) = self.span(b)?;
                if e2 < s {
                    return err(format!("the range ends ({e2}) before it starts ({s})"));
                }
                Ok((s, e2))
            }
        }
    }

    /// The (fiscal) year number an anchor stands for.
    fn year_of(&mut self, anchor: &Expr, fiscal: bool) -> Result<i32, PeriodError> {
        match anchor {
            Expr::Year { year, .. } | Expr::Pair { end: year, .. } => Ok(*year),
            Expr::Rel {
                unit: Unit::Year,
                fiscal: f,
                k,
            } => {
                self.relative = true;
                let cal = self.cal(*f || fiscal);
                let now = if cal.start_month == 1 {
                    self.published.year()
                } else {
                    cal.year_of(self.month_date("fiscal year")?)
                };
                Ok(now + k)
            }
            other => err(format!("{} is not a year", other.describe())),
        }
    }

    /// A part with no year written: the document's (fiscal) year, or the one before when the
    /// part had not begun by the document's date.
    fn implied(
        &mut self,
        e: &Expr,
        make: impl Fn(&mut Resolver, i32) -> Result<(NaiveDate, NaiveDate), PeriodError>,
        fiscal: bool,
    ) -> Result<(NaiveDate, NaiveDate), PeriodError> {
        self.relative = true;
        // Begun by the document's date: by the last day it may be, when only its month is known.
        let (from, latest) = self.published.span();
        let y = if fiscal && self.calendar.start_month != 1 {
            match self.published {
                Published::Year(_) => {
                    return err(format!(
                    "{} counts from the document's month ({}), but the document is dated only {}",
                    e.describe(),
                    self.calendar.describe(),
                    self.published
                ))
                }
                _ => self.calendar.year_of(from),
            }
        } else {
            self.published.year()
        };
        let span = make(self, y)?;
        if span.0 > latest {
            let span = make(self, y - 1)?;
            self.notes.push(format!(
                "no year given: {}, the latest such period begun by the document's date {}",
                y - 1,
                self.published
            ));
            return Ok(span);
        }
        self.notes
            .push(format!("no year given: the document's year {y}"));
        Ok(span)
    }
}

/// What a word was taken for, as a step of the reading.
fn part_meaning(it: &It) -> Option<String> {
    let role = match it {
        It::Role(r) => r,
        _ => return None,
    };
    Some(match role {
        Role::Number(n) => format!("number {n}"),
        Role::Ordinal(n) if *n < 0 => "the last".into(),
        Role::Ordinal(n) => format!("ordinal {n}"),
        Role::UnitOrdinal(..) | Role::Month(_) | Role::Fused(..) => return None,
        Role::Unit(u, true) => format!("unit: fiscal {}", u.name()),
        Role::Unit(u, false) => format!("unit: {}", u.name()),
        Role::Which(0) => "which: this".into(),
        Role::Which(-1) => "which: last".into(),
        Role::Which(1) => "which: next".into(),
        Role::Which(k) => format!("which: {k:+}"),
        Role::First => "the first N".into(),
        Role::Fiscal => "fiscal".into(),
        Role::Calendar => "calendar".into(),
        Role::ToDate => "to date".into(),
        Role::ToDateOf(u, f) => format!(
            "this {}{} to date",
            if *f { "fiscal " } else { "" },
            u.name()
        ),
        Role::Since => "since".into(),
        Role::Deadline => "by (a deadline)".into(),
        Role::AsOf => "as of".into(),
        Role::Edge(e) => format!("edge: {}", e.name()),
        Role::RangeFrom => "range: from".into(),
        Role::RangeTo => "range: to".into(),
        Role::RangeAnd => "range: and".into(),
        Role::Ending => "ending with".into(),
        Role::Decade => "a decade".into(),
        Role::FirstMonths(_) | Role::Weekday(_) => return None,
        Role::NthOf(u) => format!("names a {}", u.name()),
        Role::OrdinalBefore | Role::OrdinalAfter => "ordinal mark".into(),
        Role::Era => "era mark".into(),
        Role::CommonEra => "common era mark".into(),
        Role::Filler => return None,
    })
}

/// The period an edge or an operator at `i` applies to: the one after it, else the one before
/// it; a hyphen written against both ("mid-2026", "end-2025") may stand between them.
fn operand(items: &[Item], i: usize) -> Option<(usize, usize, Expr)> {
    let glued_hyphen = |j: usize| {
        items.get(j).is_some_and(|x| {
            matches!(x.it, It::Punct('-') | It::Role(Role::RangeTo))
                && x.end > x.start
                && x.end - x.start == 1
                && items[j - 1].end == x.start
                && items.get(j + 1).is_some_and(|n| n.start == x.end)
        })
    };
    if let Some(e) = items.get(i + 1).and_then(|x| as_expr(&x.it)) {
        return Some((i, 2, e));
    }
    if glued_hyphen(i + 1) {
        if let Some(e) = items.get(i + 2).and_then(|x| as_expr(&x.it)) {
            return Some((i, 3, e));
        }
    }
    let e = i
        .checked_sub(1)
        .and_then(|j| items.get(j))
        .and_then(|x| as_expr(&x.it))?;
    Some((i - 1, 2, e))
}

/// Each token's roles, a filler's last: the ways of reading the text, tried in order.
fn choices_of(tokens: &[Token]) -> Vec<Vec<It>> {
    tokens
        .iter()
        .map(|t| match &t.piece {
            Piece::Word(roles) => {
                let mut rs: Vec<It> = roles
                    .iter()
                    .filter(|r| **r != Role::Filler)
                    .map(|r| It::Role(*r))
                    .collect();
                if roles.contains(&Role::Filler) {
                    rs.push(It::Role(Role::Filler));
                }
                rs
            }
            Piece::Num { value, digits } => vec![It::Num {
                value: *value,
                digits: *digits,
            }],
            Piece::Notation(n, v, d) => vec![It::Notation(*n, *v, *d)],
            Piece::Punct(ch) => vec![It::Punct(*ch)],
            Piece::Unknown => vec![],
        })
        .collect()
}

/// The nth unit (`Month` for a month of the year), as a part.
fn numbered(unit: Unit, n: u32, fiscal: Option<bool>) -> It {
    if unit == Unit::Month && fiscal.is_none() && (1..=12).contains(&n) {
        It::Month(n)
    } else {
        It::Nth(unit, n as i32, fiscal)
    }
}

/// Makes the years of a period fiscal ("2025-2027 财年").
fn mark_fiscal(e: &mut Expr) {
    match e {
        Expr::Year { fiscal, .. } => *fiscal = true,
        Expr::Pair { fiscal, .. } => *fiscal = Some(true),
        Expr::Range(a, b) => {
            mark_fiscal(a);
            mark_fiscal(b);
        }
        _ => {}
    }
}
