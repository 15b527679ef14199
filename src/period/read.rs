//! Reading one period: normalising the text, matching a form, and turning its pieces into dates.

use super::lang::{class_of, Form, PeriodLang};
use super::normal::{normalise, rough_length, Normal};
use super::{
    half_span, label, month_span, quarter_span, year_span, FiscalCalendar, Period, PeriodError,
    PeriodKind, Published, EXPECTED,
};
use crate::reading::Step;
use chrono::NaiveDate;
use regex::Captures;

/// Longest text (in characters, after normalising) taken for a period.
pub(crate) const MAX_CHARS: usize = 200;

struct Reader<'a> {
    lang: &'a PeriodLang,
    published: Published,
    calendar: FiscalCalendar,
    original: &'a str,
    normal: &'a Normal,
    steps: Vec<Step>,
    relative: bool,
    fiscal: bool,
    era: bool,
    /// The original text of the matched form, without prefixes and suffixes.
    core: String,
    /// The form that matched.
    form: &'a Form,
    /// Whether a step already says the document's year stands for a missing one.
    relative_year_noted: bool,
    /// Where in the text each step's token is (usize::MAX: after all pieces).
    at: Vec<usize>,
}

/// A piece of the text: as written, and where it is in the normalised text.
struct Tok {
    text: String,
    at: usize,
}

/// The pieces of one end of a period.
#[derive(Default, Debug, Clone, Copy)]
struct Side {
    year: Option<i32>,
    fiscal: bool,
    month: Option<u32>,
    day: Option<u32>,
    quarter: Option<u32>,
    half: Option<u32>,
    /// A span fixed by a relative quarter, half or month.
    fixed: Option<(NaiveDate, NaiveDate)>,
    any: bool,
}

fn err<T>(reason: impl Into<String>) -> Result<T, PeriodError> {
    Err(PeriodError::new(reason))
}

fn snippet(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

pub(crate) fn read(
    text: &str,
    lang: &PeriodLang,
    published: Published,
    calendar: FiscalCalendar,
) -> Result<Period, PeriodError> {
    if !(1..=12).contains(&calendar.start_month) {
        return err(format!(
            "the fiscal calendar's start month {} is not a month (1-12)",
            calendar.start_month
        ));
    }
    let valid_published = match published {
        Published::Year(y) => year_span(y).is_some(),
        Published::Month(y, m) => month_span(y, m).is_some(),
        Published::Day(_) => true,
    };
    if !valid_published {
        return err(format!("the document's date {published} is not a date"));
    }
    // One streaming pass without allocating: long text is refused before it is copied.
    let rough = rough_length(text);
    if rough > MAX_CHARS + 64 {
        return err(format!(
            "{rough} characters is too long for a period (at most {MAX_CHARS}): {EXPECTED}"
        ));
    }
    let normal = normalise(text, &lang.digits);
    if normal.text.is_empty() {
        return err(format!("no period given: {EXPECTED}"));
    }
    let n = normal.text.chars().count();
    if n > MAX_CHARS {
        return err(format!(
            "{n} characters is too long for a period (at most {MAX_CHARS}): {EXPECTED}"
        ));
    }
    let lang_name = if lang.name.is_empty() {
        "this language's"
    } else {
        &lang.name
    };
    let caps = lang.regex.as_ref().and_then(|r| r.captures(&normal.text));
    let found = caps.and_then(|c| {
        let i = (0..lang.forms.len()).find(|&i| c.get(lang.forms[i].group).is_some())?;
        Some((c, i))
    });
    let Some((caps, index)) = found else {
        if lang.lexicon.is_empty() {
            return err(format!(
                "\"{}\" is not a period the {lang_name} rules read: {EXPECTED}",
                snippet(text.trim())
            ));
        }
        return super::compose::compose(text, &normal, lang, published, calendar);
    };
    // Two years joined as one ("2024-25") are an ISO month to the forms, but for an entity whose
    // fiscal year is not the calendar year they are that fiscal year: the composer decides.
    if calendar.start_month != 1 && !lang.lexicon.is_empty() && year_pair(&caps, &lang.forms[index])
    {
        return super::compose::compose(text, &normal, lang, published, calendar);
    }
    let mut reader = Reader {
        lang,
        published,
        calendar,
        original: text,
        normal: &normal,
        steps: Vec::new(),
        relative: false,
        fiscal: false,
        era: false,
        core: String::new(),
        form: &lang.forms[index],
        relative_year_noted: false,
        at: Vec::new(),
    };
    if let Some(m) = caps.get(lang.forms[index].group) {
        reader.core = reader.orig(m);
    }
    reader.interpret(&caps)
}

impl Reader<'_> {
    /// The original text of a match.
    fn orig(&self, m: regex::Match<'_>) -> String {
        if m.start() >= m.end() {
            return String::new();
        }
        let (Some(&(s, _)), Some(&(_, e))) = (
            self.normal.from.get(m.start()),
            self.normal.from.get(m.end() - 1),
        ) else {
            return m.as_str().to_string();
        };
        self.original
            .get(s..e)
            .map(str::to_string)
            .unwrap_or_else(|| m.as_str().to_string())
    }

    fn step(&mut self, token: String, meaning: String) {
        self.steps.push(Step::new(token, meaning));
        self.at.push(usize::MAX);
    }

    /// A step about a piece of the text at `at`: steps are kept in the order of the text.
    fn step_at(&mut self, at: usize, token: String, meaning: String) {
        self.steps.push(Step::new(token, meaning));
        self.at.push(at);
    }

    fn sort_steps(&mut self) {
        let mut both: Vec<(usize, Step)> = self.at.drain(..).zip(self.steps.drain(..)).collect();
        both.sort_by_key(|(at, _)| *at);
        self.steps = both.into_iter().map(|(_, s)| s).collect();
    }

    fn interpret(&mut self, caps: &Captures<'_>) -> Result<Period, PeriodError> {
        let mut a = self.side(caps, "")?;
        let mut b = self.side(caps, "2")?;
        if let Some((n, tok)) = self.word(caps, "nmonths", "nmonths", 12) {
            let n = n as u32;
            self.step_at(
                tok.at,
                tok.text,
                format!(
                    "the first {n} months: January to {}",
                    super::MONTH_NAMES
                        .get((n as usize).wrapping_sub(1))
                        .unwrap_or(&"?")
                ),
            );
            b.month = Some(n);
            b.any = true;
        }
        let ranged = b.any;
        // A range's ends lend each other the year: "March to May 2025".
        if ranged {
            if a.year.is_none() && b.year.is_some() {
                a.year = b.year;
                a.fiscal = b.fiscal;
            }
            if b.year.is_none() && a.year.is_some() {
                b.year = a.year;
                b.fiscal = a.fiscal;
            }
        }
        let (start, mut end) = self.span(&a)?;
        if ranged {
            let (_, e) = self.span(&b)?;
            if e < start {
                return err(format!("the range ends ({e}) before it starts ({start})"));
            }
            end = e;
            let core = self.core.clone();
            self.step(core, format!("range from {start} to {end}"));
        }
        let kind = if self.fiscal {
            PeriodKind::Fiscal
        } else if self.relative {
            PeriodKind::Relative
        } else if self.era {
            PeriodKind::BuddhistEra
        } else {
            PeriodKind::Absolute
        };
        let whole = self.original.trim().to_string();
        let lab = label(start, end);
        let meaning = if lab.contains("..") {
            format!("{lab} (form \"{}\")", self.form.template)
        } else {
            format!("{start}..{end} = {lab} (form \"{}\")", self.form.template)
        };
        self.step(whole, meaning);
        self.sort_steps();
        Ok(Period {
            start,
            end,
            kind,
            steps: std::mem::take(&mut self.steps),
        })
    }

    /// A named piece of the matched form, if the text gave it.
    fn piece<'h>(&self, caps: &Captures<'h>, name: &str) -> Option<regex::Match<'h>> {
        caps.get(*self.form.pieces.get(name)?)
    }

    fn num(&self, caps: &Captures<'_>, name: &str) -> Option<(u32, Tok)> {
        let m = self.piece(caps, name)?;
        let v = m.as_str().trim().parse::<u32>().ok()?;
        Some((v, self.tok(m)))
    }

    fn tok(&self, m: regex::Match<'_>) -> Tok {
        Tok {
            text: self.orig(m),
            at: m.start(),
        }
    }

    fn word(&self, caps: &Captures<'_>, name: &str, base: &str, digits: u32) -> Option<(i32, Tok)> {
        let m = self.piece(caps, name)?;
        let token = self.tok(m);
        let text = m.as_str().trim();
        if let Ok(v) = text.parse::<u32>() {
            if (1..=digits).contains(&v) {
                return Some((v as i32, token));
            }
        }
        let class = class_of(base)?;
        self.lang.lookup(class, text).map(|v| (v, token))
    }

    /// Reads a four-digit year, in the language's era if it says so.
    fn year4(
        &mut self,
        v: u32,
        token: Tok,
        forced_era: bool,
        fiscal: bool,
    ) -> Result<i32, PeriodError> {
        let v = v as i32;
        let what = if fiscal { "fiscal year" } else { "year" };
        if let Some(era) = &self.lang.era {
            if forced_era || era.bare_above.is_some_and(|t| v > t) {
                let y = v.saturating_sub(era.offset);
                let name = era.name.clone();
                self.era = true;
                self.step_at(
                    token.at,
                    token.text,
                    format!("{name} {v} = {what} {y} (minus {})", era.offset),
                );
                return Ok(y);
            }
        } else if forced_era {
            return err(format!(
                "{}: the rules of this language have no era",
                token.text
            ));
        }
        self.step_at(token.at, token.text, format!("{what} {v}"));
        Ok(v)
    }

    fn side(&mut self, caps: &Captures<'_>, sfx: &str) -> Result<Side, PeriodError> {
        let mut s = Side::default();
        let name = |b: &str| format!("{b}{sfx}");
        for base in ["year", "fyear", "beyear"] {
            if let Some((v, tok)) = self.num(caps, &name(base)) {
                let fiscal = base == "fyear";
                s.year = Some(self.year4(v, tok, base == "beyear", fiscal)?);
                s.fiscal |= fiscal;
                s.any = true;
            }
        }
        for base in ["yy", "fyy", "beyy", "fbeyy"] {
            if let Some((v, tok)) = self.num(caps, &name(base)) {
                let fiscal = base == "fyy" || base == "fbeyy";
                let what = if fiscal { "fiscal year" } else { "year" };
                let y = if base == "beyy" || base == "fbeyy" {
                    let Some(era) = &self.lang.era else {
                        return err(format!(
                            "{}: the rules of this language have no era",
                            tok.text
                        ));
                    };
                    let (name, off) = (era.name.clone(), era.offset);
                    let full = era.century.saturating_add(v as i32);
                    let y = full.saturating_sub(off);
                    self.era = true;
                    self.step_at(tok.at, tok.text, format!("{name} {full} = {what} {y}"));
                    y
                } else {
                    match self.lang.two_digit_year(v, self.published.year()) {
                        (y, Some(written)) => {
                            self.era = true;
                            let name = self.lang.era.as_ref().map_or("", |e| e.name.as_str());
                            self.step_at(
                                tok.at,
                                tok.text,
                                format!("{name} {written} = {what} {y}"),
                            );
                            y
                        }
                        (y, None) => {
                            self.step_at(tok.at, tok.text, format!("{what} {y}"));
                            y
                        }
                    }
                };
                s.year = Some(y);
                s.fiscal |= fiscal;
                s.any = true;
            }
        }
        if let Some((k, tok)) = self.word(caps, &name("rel_fyear"), "rel_fyear", 0) {
            let cal = self.calendar;
            let now = match self.published {
                Published::Day(d) => cal.year_of(d),
                Published::Month(y, m) => match NaiveDate::from_ymd_opt(y, m, 1) {
                    Some(d) => cal.year_of(d),
                    None => return err(format!("the document's date {} is not a date", self.published)),
                },
                Published::Year(y) if cal.start_month == 1 => y,
                Published::Year(_) => {
                    return err(format!(
                        "\"{}\" counts from the document's month (to know its fiscal year, {}), but the document is dated only {}",
                        tok.text,
                        cal.describe(),
                        self.published
                    ))
                }
            };
            let y = now + k;
            self.relative = true;
            let meaning = relative_meaning(
                k,
                "fiscal year",
                &self.published,
                &format!("fiscal year {y}"),
            );
            self.step_at(tok.at, tok.text, meaning);
            s.year = Some(y);
            s.fiscal = true;
            s.any = true;
        }
        if let Some((from, tok)) = self.num(caps, &name("fyfrom")) {
            let from = from as i32;
            match s.year {
                Some(y) if s.fiscal && y == from + 1 => {
                    self.step_at(
                        tok.at,
                        tok.text,
                        format!("fiscal year {y} starts in {from}"),
                    );
                }
                Some(y) => {
                    return err(format!(
                        "{from}/{y} is not one fiscal year: it should end the year after it starts"
                    ))
                }
                None => {
                    return err(format!(
                        "{}: a fiscal year's start without its end",
                        tok.text
                    ))
                }
            }
        }
        if s.fiscal {
            self.fiscal = true;
        }
        if let Some((k, tok)) = self.word(caps, &name("rel_year"), "rel_year", 0) {
            let y = self.published.year() + k;
            self.relative = true;
            let meaning = relative_meaning(k, "year", &self.published, &y.to_string());
            self.step_at(tok.at, tok.text, meaning);
            s.year = Some(y);
            s.any = true;
        }
        for (base, unit, per_year) in [
            ("rel_quarter", "quarter", 4),
            ("rel_half", "half", 2),
            ("rel_month", "month", 12),
        ] {
            let Some((k, tok)) = self.word(caps, &name(base), base, 0) else {
                continue;
            };
            let Some(m) = self.published.month() else {
                return err(format!(
                    "\"{}\" counts from the document's month (to know its {unit}), but the document is dated only {}",
                    tok.text, self.published
                ));
            };
            let per = 12 / per_year;
            let idx =
                self.published.year() as i64 * per_year as i64 + ((m - 1) / per) as i64 + k as i64;
            let y = idx.div_euclid(per_year as i64) as i32;
            let n = idx.rem_euclid(per_year as i64) as u32 + 1;
            let span = match unit {
                "quarter" => quarter_span(y, n),
                "half" => half_span(y, n),
                _ => month_span(y, n),
            };
            let Some(span) = span else {
                return err(format!("\"{}\" falls outside the calendar", tok.text));
            };
            self.relative = true;
            let meaning = relative_meaning(k, unit, &self.published, &label(span.0, span.1));
            self.step_at(tok.at, tok.text, meaning);
            s.fixed = Some(span);
            s.any = true;
        }
        if let Some((v, tok)) = self.word(caps, &name("month"), "month", 0) {
            let v = v as u32;
            let name = super::MONTH_NAMES
                .get((v as usize).wrapping_sub(1))
                .unwrap_or(&"?");
            self.step_at(tok.at, tok.text, format!("month {v} ({name})"));
            s.month = Some(v);
            s.any = true;
        }
        if let Some((k, tok)) = self.word(caps, &name("rel_mn"), "rel_mn", 0) {
            let Some(m) = s.month else {
                return err(format!("\"{}\" needs a month", tok.text));
            };
            let Some(now) = self.published.month() else {
                return err(format!(
                    "\"{}\" counts from the document's month, but the document is dated only {}",
                    tok.text, self.published
                ));
            };
            let py = self.published.year();
            let y = match k.signum() {
                -1 if m < now => py,
                -1 => py - 1,
                1 if m > now => py,
                1 => py + 1,
                _ => py,
            };
            let y = y + k.signum() * (k.abs() - 1).max(0);
            self.relative = true;
            let which = match k.signum() {
                -1 => "the latest",
                1 => "the next",
                _ => "this year's",
            };
            self.step_at(
                tok.at,
                tok.text,
                format!("{which} month {m} from {} = {y}-{m:02}", self.published),
            );
            s.year = Some(y);
        }
        if let Some((v, tok)) = self.num(caps, &name("mm")) {
            self.step_at(tok.at, tok.text, format!("month {v}"));
            s.month = Some(v);
            s.any = true;
        }
        if let Some((v, tok)) = self.num(caps, &name("dd")) {
            self.step_at(tok.at, tok.text, format!("day {v}"));
            s.day = Some(v);
            s.any = true;
        }
        if let Some((v, tok)) = self.word(caps, &name("quarter"), "quarter", 4) {
            self.step_at(tok.at, tok.text, format!("quarter {v}"));
            s.quarter = Some(v as u32);
            s.any = true;
        }
        if let Some((v, tok)) = self.word(caps, &name("half"), "half", 2) {
            self.step_at(tok.at, tok.text, format!("half {v}"));
            s.half = Some(v as u32);
            s.any = true;
        }
        // A word the form matched but the tables do not know cannot happen; a value out of range can.
        for base in ["quarter", "half", "month"] {
            let Some(piece) = self.piece(caps, &name(base)) else {
                continue;
            };
            if match base {
                "quarter" => s.quarter.is_none(),
                "half" => s.half.is_none(),
                _ => s.month.is_none(),
            } {
                return err(format!("\"{}\" is not a {base}", piece.as_str().trim()));
            }
        }
        Ok(s)
    }

    fn span(&mut self, s: &Side) -> Result<(NaiveDate, NaiveDate), PeriodError> {
        if let Some(span) = s.fixed {
            return Ok(span);
        }
        if let Some(y) = s.year {
            return self.span_in(s, y);
        }
        // No year written: the document's year; but a quarter or a half that had not begun by the
        // document's date is last year's (a results story in February 2025 calling Q4 "the
        // fourth quarter" means Q4 2024).
        let y = self.published.year();
        let (published_start, _) = self.published.span();
        let mut year = y;
        let mut span = self.span_in(s, y)?;
        let quarter_or_half = (s.quarter.is_some() || s.half.is_some()) && s.month.is_none();
        if quarter_or_half && span.0 > published_start {
            year = y - 1;
            span = self.span_in(s, year)?;
        }
        if !self.relative_year_noted {
            self.relative_year_noted = true;
            let token = self.core.clone();
            let why = if year == y {
                format!("no year given: the document's year {y}")
            } else {
                format!(
                    "no year given: {year}, the latest such period begun by the document's date {}",
                    self.published
                )
            };
            self.step(token, why);
        }
        self.relative = true;
        Ok(span)
    }

    fn span_in(&mut self, s: &Side, year: i32) -> Result<(NaiveDate, NaiveDate), PeriodError> {
        let cal = if s.fiscal {
            self.calendar
        } else {
            FiscalCalendar::CALENDAR
        };
        let span = if let Some(d) = s.day {
            let Some(m) = s.month else {
                return err("a day without a month");
            };
            match NaiveDate::from_ymd_opt(year, m, d) {
                Some(date) => Some((date, date)),
                None => return err(format!("{year}-{m:02}-{d:02} is not a date")),
            }
        } else if let Some(m) = s.month {
            month_span(year, m)
        } else if let Some(q) = s.quarter {
            if s.fiscal {
                cal.quarter_span(year, q)
            } else {
                quarter_span(year, q)
            }
        } else if let Some(h) = s.half {
            if s.fiscal {
                cal.half_span(year, h)
            } else {
                half_span(year, h)
            }
        } else if s.fiscal {
            cal.year_span(year)
        } else {
            year_span(year)
        };
        let Some(span) = span else {
            return err(format!("{year} is outside the calendar"));
        };
        if s.fiscal {
            let what = if s.quarter.is_some() {
                format!("quarter {} of fiscal year {year}", s.quarter.unwrap_or(0))
            } else if s.half.is_some() {
                format!("half {} of fiscal year {year}", s.half.unwrap_or(0))
            } else {
                format!("fiscal year {year}")
            };
            let token = self.core.clone();
            self.step(
                token,
                format!(
                    "{what}, {}: {}..{}",
                    self.calendar.describe(),
                    span.0,
                    span.1
                ),
            );
        }
        Ok(span)
    }
}

fn relative_meaning(k: i32, unit: &str, published: &Published, value: &str) -> String {
    let plural = if k.abs() == 1 { "" } else { "s" };
    match k {
        0 => format!("this {unit} of {published} = {value}"),
        -1 => format!("last {unit} from {published} = {value}"),
        1 => format!("next {unit} from {published} = {value}"),
        k if k < 0 => format!("{} {unit}{plural} before {published} = {value}", -k),
        k => format!("{k} {unit}{plural} after {published} = {value}"),
    }
}

/// Whether the form read only a year and a month number, the month being the next year's last
/// two digits (`2024-25`).
fn year_pair(caps: &Captures<'_>, form: &Form) -> bool {
    let piece = |name: &str| {
        form.pieces
            .get(name)
            .and_then(|&g| caps.get(g))
            .and_then(|m| m.as_str().trim().parse::<u32>().ok())
    };
    let (Some(year), Some(mm)) = (piece("year"), piece("mm")) else {
        return false;
    };
    let only = form
        .pieces
        .iter()
        .all(|(name, &g)| name == "year" || name == "mm" || caps.get(g).is_none());
    only && (year + 1) % 100 == mm
}
