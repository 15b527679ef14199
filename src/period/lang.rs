//! A language's period words and forms: the YAML file, and the tables built from it.

use super::parts::{Edge, Lexicon, Notation, Role, Unit};
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The contents of one `periods.yaml` (`rules/lang/common/periods.yaml` or
/// `rules/lang/<code>/periods.yaml`). Every field may be left out.
///
/// ```yaml
/// language: en
/// months: {1: [january, jan.], 2: [february, feb.]}
/// quarters: {1: [first, 1st]}
/// halves: {1: [first], 2: [second]}
/// relative:
///   year: {0: [this year], -1: [last year], 1: [next year]}
///   quarter: {-1: [last quarter]}
/// range: [to, through]
/// prefixes: [in, during]
/// suffixes: []
/// deadline: {prefixes: [by, by the end of], suffixes: []}
/// forms:
///   - "{month} [,] {year}"
///   - "[the] {quarter} quarter [of] {year}"
/// ```
///
/// Forms are templates. Placeholders: `{year}` (four digits; read in the language's era if it is
/// above the era's `bare_above`), `{yy}` (two digits, 20yy), `{fyear}`/`{fyy}` (a fiscal year),
/// `{beyear}`/`{beyy}` (a year of the language's era, four or two digits), `{fyfrom}` (the
/// calendar year a fiscal year starts in, as in `FY2024/25`: use with `{fyy}` or `{fyear}`), `{month}` (a month
/// name), `{mm}` (1–12), `{dd}` (1–31), `{quarter}` (a quarter word or 1–4), `{half}` (a half
/// word or 1–2), `{rel_year}`, `{rel_half}`, `{rel_quarter}`, `{rel_month}`, `{rel_fyear}`
/// (relative phrases; `{rel_fyear}` is the entity's fiscal year), `{rel_mn}` (with `{month}`:
/// the latest or next such month, `mars dernier`), `{fbeyy}` (a two-digit fiscal
/// year of the language's era),
/// `{to}` (a range word), `{nmonths}` (a count of months from the start of the year: `9` or a
/// `month_counts` word; "the first nine months of {year}" is January to September). A placeholder ending in `2` (`{year2}`, `{month2}`...) is the end of a
/// range. `[x]` is optional, `(a|b)` is a choice, `[a|b]` an optional choice. A space matches any
/// or no space (but at least one between two numbers); a `.` after a letter is optional.
/// Case is ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodLangFile {
    /// The language code, for messages.
    #[serde(default)]
    pub language: Option<String>,
    /// Extra decimal digits, each a string of the ten digits 0..9 (`"๐๑๒๓๔๕๖๗๘๙"`).
    #[serde(default)]
    pub digits: Vec<String>,
    /// The calendar era years are written in, if not the common era.
    #[serde(default)]
    pub era: Option<EraFile>,
    /// Month number → names and inflected forms.
    #[serde(default)]
    pub months: BTreeMap<u32, Vec<String>>,
    /// Quarter number → words (`fourth`, `четвертый`, `iv`).
    #[serde(default)]
    pub quarters: BTreeMap<u32, Vec<String>>,
    /// Half number → words (`first`, `первое`).
    #[serde(default)]
    pub halves: BTreeMap<u32, Vec<String>>,
    /// Number of months → words, for `{nmonths}` (`9: [nine, девять]` in "the first nine months").
    #[serde(default)]
    pub month_counts: BTreeMap<u32, Vec<String>>,
    /// Relative phrases by unit, offset → phrases.
    #[serde(default)]
    pub relative: RelativeFile,
    /// Words joining the two ends of a range (`to`, `по`, `至`).
    #[serde(default)]
    pub range: Vec<String>,
    /// Words that may stand before a period and mean nothing more (`in`, `в`, `ใน`).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Words that may stand after a period and mean nothing more (`года`, `年`, `roku`).
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// Words that make a period a deadline (`by`, `к концу`, `到`).
    #[serde(default)]
    pub deadline: DeadlineFile,
    /// Words that make a period run to the document's date (`since`, `с`, `以来`): same shape.
    #[serde(default)]
    pub since: DeadlineFile,
    /// Templates of the periods the language writes.
    #[serde(default)]
    pub forms: Vec<String>,

    // The parts of the period grammar (see `compose`): each a list of the language's words.
    /// Cardinal numbers (how many): `3: [three, drei, три, трёх]`.
    #[serde(default)]
    pub numbers: BTreeMap<u32, Vec<String>>,
    /// Ordinals of any unit: `3: [third, третий]`; `-1` the last of its kind (`final`).
    #[serde(default)]
    pub ordinals: BTreeMap<i32, Vec<String>>,
    /// Marks that make a number an ordinal: before it (`第`, `ที่`) or after it (`rd`, `-й`, `.`).
    #[serde(default)]
    pub ordinal_marks: MarksFile,
    /// What: the words for each unit, and for the units that are fiscal by themselves.
    #[serde(default)]
    pub units: UnitsFile,
    /// Words that make the unit or year beside them fiscal (`fiscal`, `финансовый`).
    #[serde(default)]
    pub fiscal: Vec<String>,
    /// Words that make the unit or year beside them a calendar one (`calendar`).
    #[serde(default)]
    pub calendar: Vec<String>,
    /// Which, counted from the document's date: `0: [this, current]`, `-1: [last, previous,
    /// latest]`, `1: [next, coming]`. With a number they count a span: "the next three years".
    #[serde(default)]
    pub which: BTreeMap<i32, Vec<String>>,
    /// Words for "the first N": `first`, `前`, `первые`.
    #[serde(default)]
    pub first: Vec<String>,
    /// Words that run a period to the document's date: `so far`, `to date`.
    #[serde(default)]
    pub to_date: Vec<String>,
    /// Words that, after a number, name the nth of a unit rather than count it: `month: [月]`
    /// reads "3 月" as March (and "3 个月" stays three months).
    #[serde(default)]
    pub names: UnitsFile,
    /// Days of the week (1 Monday .. 7 Sunday): beside a date they add nothing ("w piątek 10
    /// lutego"); alone they are not read.
    #[serde(default)]
    pub weekdays: BTreeMap<u32, Vec<String>>,
    /// The first N months in one word: `9: [деветмесечие*]`.
    #[serde(default)]
    pub first_n: BTreeMap<u32, Vec<String>>,
    /// Words that are a unit to date by themselves: `year: [ytd]`, `fiscal_year: [fytd]`.
    #[serde(default)]
    pub to_date_of: UnitsFile,
    /// Words for the edges of a period.
    #[serde(default)]
    pub edges: EdgesFile,
    /// Words that name a period's last day: `as of`, `截至`.
    #[serde(default)]
    pub as_of: Vec<String>,
    /// Words that open a range: `from`, `between`, `с`, `从`.
    #[serde(default)]
    pub range_from: Vec<String>,
    /// Words that join a range opened by `between`: `and`.
    #[serde(default)]
    pub range_and: Vec<String>,
    /// Words that end a count of units at a period: "the three months *ended* June 30", "the 12
    /// months *to* June".
    #[serde(default)]
    pub ending: Vec<String>,
    /// Letters written against a number: `quarter: [q]` reads Q3 and 3Q.
    #[serde(default)]
    pub notation: NotationFile,
    /// Words that mark a year of the language's era (`พ.ศ.`) or of the common era (`ค.ศ.`).
    #[serde(default)]
    pub era_marks: EraMarksFile,
    /// Whether two digits before the year word are a year (`25年` = 2025).
    #[serde(default)]
    pub short_years: Option<bool>,
    /// The order of a date written in numbers when neither of the first two is above 12:
    /// `dmy` (14.03.2025, the default) or `mdy` (03/14/2025).
    #[serde(default)]
    pub date_order: Option<String>,
    /// Whether words are written together into one (`Jahresbeginn` = `Jahres` + `beginn`): a
    /// word the lexicon does not know is then read as two it knows.
    #[serde(default)]
    pub compounds: Option<bool>,
}

/// Marks before or after a number.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarksFile {
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub after: Vec<String>,
}

/// The words of each unit; `fiscal_*` units are fiscal by themselves (`Geschäftsjahr`, `财季`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    #[serde(default)]
    pub year: Vec<String>,
    #[serde(default)]
    pub half: Vec<String>,
    /// Four months: `cuatrimestre`, `quadrimestre`.
    #[serde(default)]
    pub third: Vec<String>,
    #[serde(default)]
    pub quarter: Vec<String>,
    #[serde(default)]
    pub month: Vec<String>,
    #[serde(default)]
    pub week: Vec<String>,
    #[serde(default)]
    pub day: Vec<String>,
    #[serde(default)]
    pub fiscal_year: Vec<String>,
    #[serde(default)]
    pub fiscal_half: Vec<String>,
    #[serde(default)]
    pub fiscal_quarter: Vec<String>,
    /// Ten years in one word, for counts: "the next decade".
    #[serde(default)]
    pub decade: Vec<String>,
}

/// The words for each edge of a period.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgesFile {
    #[serde(default)]
    pub start: Vec<String>,
    #[serde(default)]
    pub middle: Vec<String>,
    #[serde(default)]
    pub end: Vec<String>,
}

/// Letters written against a number, by what they make of it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotationFile {
    #[serde(default)]
    pub quarter: Vec<String>,
    #[serde(default)]
    pub half: Vec<String>,
    #[serde(default)]
    pub fiscal_year: Vec<String>,
    #[serde(default)]
    pub fiscal_quarter: Vec<String>,
    #[serde(default)]
    pub fiscal_half: Vec<String>,
    #[serde(default)]
    pub calendar_year: Vec<String>,
    #[serde(default)]
    pub first_months: Vec<String>,
}

/// Words that mark the era a year is written in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EraMarksFile {
    #[serde(default)]
    pub era: Vec<String>,
    #[serde(default)]
    pub common: Vec<String>,
}

/// A calendar era: years written in it are `offset` ahead of the common era.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EraFile {
    /// Its name, for steps (`Buddhist era`).
    pub name: String,
    /// Years ahead of the common era (543 for the Buddhist era).
    pub offset: i32,
    /// A bare four-digit year above this is read in this era (2400 for Thai).
    #[serde(default)]
    pub bare_above: Option<i32>,
    /// The century a two-digit era year (`{beyy}`) is in (2500 for Thai: `67` = 2567).
    /// By default the century of era year 2000 + offset.
    #[serde(default)]
    pub century: Option<i32>,
}

/// Relative phrases, offset (0 = this, -1 = last, 1 = next) → phrases, by unit.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeFile {
    #[serde(default)]
    pub year: BTreeMap<i32, Vec<String>>,
    #[serde(default)]
    pub half: BTreeMap<i32, Vec<String>>,
    #[serde(default)]
    pub quarter: BTreeMap<i32, Vec<String>>,
    #[serde(default)]
    pub month: BTreeMap<i32, Vec<String>>,
    #[serde(default)]
    pub week: BTreeMap<i32, Vec<String>>,
    /// `today`, `yesterday`, `вчера`, `昨日`.
    #[serde(default)]
    pub day: BTreeMap<i32, Vec<String>>,
    /// The entity's fiscal year (`this fiscal year`, `本财年`), read by its fiscal calendar.
    #[serde(default)]
    pub fiscal_year: BTreeMap<i32, Vec<String>>,
    /// Words that place a named month before or after the document's month (`mars dernier`,
    /// `last March`: -1, the latest such month before it; `next March`: 1), for `{rel_mn}`.
    #[serde(default)]
    pub month_name: BTreeMap<i32, Vec<String>>,
}

/// Words that make a period a deadline: before it (`by the end of`) or after it (`年底前`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineFile {
    #[serde(default)]
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub suffixes: Vec<String>,
}

type Numbered<'a> = (Class, &'a BTreeMap<u32, Vec<String>>, u32, &'a str);

/// A class of words of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Class {
    Month,
    Quarter,
    Half,
    MonthCount,
    RelYear,
    RelHalf,
    RelQuarter,
    RelMonth,
    RelFiscalYear,
    RelMonthName,
    To,
}

#[derive(Debug, Clone)]
pub(crate) struct Era {
    pub name: String,
    pub offset: i32,
    pub bare_above: Option<i32>,
    pub century: i32,
}

/// One compiled form.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub template: String,
    /// The index of the capture group `f{i}` that holds the form's core.
    pub group: usize,
    /// The form's named pieces (`year`, `month2`, …), without their `f{i}_` prefix, by capture
    /// group index: a reading looks a piece up here instead of formatting its full name.
    pub pieces: HashMap<String, usize, foldhash::fast::RandomState>,
}

/// What a language's period words are, built from `periods.yaml` files by [`PeriodLang::build`].
#[derive(Debug, Clone, Default)]
pub struct PeriodLang {
    pub(crate) name: String,
    pub(crate) digits: HashMap<char, char>,
    pub(crate) era: Option<Era>,
    /// class → folded word → (word as written, value)
    pub(crate) words: BTreeMap<Class, BTreeMap<String, (String, i32)>>,
    /// In order of priority: forms of later files first.
    pub(crate) forms: Vec<Form>,
    /// All forms in one anchored pattern, the core of form `i` in group `f{i}`.
    pub(crate) regex: Option<Regex>,
    /// The words of every part of the period grammar.
    pub(crate) lexicon: Lexicon,
    /// Whether two digits before the year word are a year (`25年`).
    pub(crate) short_years: bool,
    /// Whether a date in numbers puts the month first (03/14/2025) when it cannot tell.
    pub(crate) month_first: bool,
}

/// The form a capture group belongs to, and its piece: `f3` → (3, None), `f3_year2` →
/// (3, Some("year2")); `None` for the groups shared by every form.
fn form_piece(name: &str) -> Option<(usize, Option<&str>)> {
    let rest = name.strip_prefix('f')?;
    match rest.split_once('_') {
        Some((form, piece)) => Some((form.parse().ok()?, Some(piece))),
        None => Some((rest.parse().ok()?, None)),
    }
}

/// The key a word is looked up by: lower case, without spaces and dots.
pub(crate) fn fold_key(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars().map(super::normal::fold_char) {
        let skip = c.is_whitespace() || (c == '.' && prev.is_some_and(char::is_alphabetic));
        if !skip {
            out.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    out
}

impl PeriodLang {
    /// A year written with two digits, by a document of year `near`: 20yy, or, in a language that
    /// writes years in its own era, whichever of the era's year and the common era's is nearer
    /// ("Q4/67" in 2024 is Buddhist era 2567 = 2024, "Q4/24" is 2024). With the era year as
    /// written when that is the one taken.
    pub(crate) fn two_digit_year(&self, v: u32, near: i32) -> (i32, Option<i32>) {
        let common = 2000 + v as i32;
        let Some(era) = self.era.as_ref().filter(|e| e.bare_above.is_some()) else {
            return (common, None);
        };
        let written = era.century.saturating_add(v as i32);
        let in_era = written.saturating_sub(era.offset);
        if (in_era - near).abs() <= (common - near).abs() {
            (in_era, Some(written))
        } else {
            (common, None)
        }
    }

    /// The words that can stand in a period inside a sentence (months, units, which words such
    /// as "last" or 今年, edges), for finding period expressions in text.
    pub(crate) fn anchor_words(&self) -> impl Iterator<Item = &str> {
        self.lexicon.anchor_words()
    }

    /// Builds the tables of one language from its files in order (the common file first):
    /// later files add words and forms, and override the value of a word or the era.
    /// Forms of later files are tried before forms of earlier ones.
    pub fn build(files: &[&PeriodLangFile]) -> Result<PeriodLang, String> {
        let mut lang = PeriodLang::default();
        let mut templates: Vec<Vec<String>> = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let at = |what: &str| match &file.language {
                Some(l) => format!("periods file {} ({l}): {what}", i + 1),
                None => format!("periods file {}: {what}", i + 1),
            };
            if let Some(l) = &file.language {
                lang.name = l.clone();
            }
            for set in &file.digits {
                let ds: Vec<char> = set.chars().collect();
                if ds.len() != 10 {
                    return Err(at(&format!(
                        "digits \"{set}\" should be the ten digits 0 to 9, not {} characters",
                        ds.len()
                    )));
                }
                for (n, d) in ds.into_iter().enumerate() {
                    lang.digits.insert(d, char::from(b'0' + n as u8));
                }
            }
            if let Some(era) = &file.era {
                lang.era = Some(Era {
                    name: era.name.clone(),
                    offset: era.offset,
                    bare_above: era.bare_above,
                    century: era.century.unwrap_or_else(|| {
                        (2000i32.saturating_add(era.offset)).div_euclid(100) * 100
                    }),
                });
            }
            let numbered: [Numbered<'_>; 4] = [
                (Class::MonthCount, &file.month_counts, 12, "month_counts"),
                (Class::Month, &file.months, 12, "months"),
                (Class::Quarter, &file.quarters, 4, "quarters"),
                (Class::Half, &file.halves, 2, "halves"),
            ];
            for (class, map, max, name) in numbered {
                for (&n, ws) in map {
                    if !(1..=max).contains(&n) {
                        return Err(at(&format!("{name}: {n} should be 1 to {max}")));
                    }
                    lang.add_words(class, ws, n as i32).map_err(|e| at(&e))?;
                }
            }
            let rel: [(Class, &BTreeMap<i32, Vec<String>>); 6] = [
                (Class::RelMonthName, &file.relative.month_name),
                (Class::RelFiscalYear, &file.relative.fiscal_year),
                (Class::RelYear, &file.relative.year),
                (Class::RelHalf, &file.relative.half),
                (Class::RelQuarter, &file.relative.quarter),
                (Class::RelMonth, &file.relative.month),
            ];
            for (class, map) in rel {
                for (&n, ws) in map {
                    if !(-100..=100).contains(&n) {
                        return Err(at(&format!("relative offset {n} is out of -100..100")));
                    }
                    lang.add_words(class, ws, n).map_err(|e| at(&e))?;
                }
            }
            lang.add_words(Class::To, &file.range, 0)
                .map_err(|e| at(&e))?;
            if let Some(short) = file.short_years {
                lang.short_years = short;
            }
            match file.date_order.as_deref() {
                None => {}
                Some("dmy") => lang.month_first = false,
                Some("mdy") => lang.month_first = true,
                Some(other) => {
                    return Err(at(&format!("date_order: \"{other}\" should be dmy or mdy")))
                }
            }
            templates.push(file.forms.clone());
        }
        lang.lexicon = build_lexicon(files, &lang.digits)?;
        let mut cores = Vec::new();
        for file_forms in templates.iter().rev() {
            for t in file_forms {
                let index = lang.forms.len();
                if let Some(core) = lang.compile(t, index)? {
                    cores.push(format!("(?P<f{index}>{core})"));
                    lang.forms.push(Form {
                        template: t.clone(),
                        group: 0,
                        pieces: HashMap::default(),
                    });
                }
            }
        }
        if !cores.is_empty() {
            // One pattern for all forms: of the forms that read the whole text, the first wins.
            // Forms are fixed notations read whole (2025-03-14, Q4'24): the words around a
            // period are the composer's to read.
            let pattern = format!("(?i)^(?:{})$", cores.join("|"));
            let regex = regex::RegexBuilder::new(&pattern)
                .size_limit(256 << 20)
                .build()
                .map_err(|e| format!("the forms together: {e}"))?;
            for (group, name) in regex.capture_names().enumerate() {
                let Some((form, piece)) = name.and_then(form_piece) else {
                    continue;
                };
                let Some(form) = lang.forms.get_mut(form) else {
                    continue;
                };
                match piece {
                    None => form.group = group,
                    Some(piece) => {
                        form.pieces.insert(piece.to_string(), group);
                    }
                }
            }
            lang.regex = Some(regex);
        }
        Ok(lang)
    }

    /// The language code given in the files (empty if none).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many forms the language reads.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    fn add_words(&mut self, class: Class, ws: &[String], value: i32) -> Result<(), String> {
        for w in ws {
            let key = fold_key(w);
            if key.is_empty() {
                return Err(format!("an empty word in {class:?}"));
            }
            self.words
                .entry(class)
                .or_default()
                .insert(key, (w.trim().to_lowercase(), value));
        }
        Ok(())
    }

    /// An alternation of the words of a class, longest first; None if the class is empty.
    pub(crate) fn alternation(&self, class: Class) -> Option<String> {
        let words = self.words.get(&class)?;
        let mut ws: Vec<&String> = words.values().map(|(w, _)| w).collect();
        ws.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        ws.dedup();
        if ws.is_empty() {
            return None;
        }
        Some(
            ws.iter()
                .map(|w| word_pattern(w))
                .collect::<Vec<_>>()
                .join("|"),
        )
    }

    /// Looks up a word as captured.
    pub(crate) fn lookup(&self, class: Class, text: &str) -> Option<i32> {
        self.words.get(&class)?.get(&fold_key(text)).map(|x| x.1)
    }

    /// Compiles a template into the pattern of its core, its groups named `f{index}_...`;
    /// None if it uses a class the language has no words for.
    fn compile(&self, template: &str, index: usize) -> Result<Option<String>, String> {
        let nodes = parse_template(template).map_err(|e| format!("form \"{template}\": {e}"))?;
        let core = self
            .emit(&nodes, &format!("f{index}_"))
            .map_err(|e| format!("form \"{template}\": {e}"))?;
        let mut names = Vec::new();
        placeholders(&nodes, &mut names);
        names.sort();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1] && w[0] != "to") {
            return Err(format!(
                "form \"{template}\": {{{}}} is used twice (write {{{}2}} for the end of a range)",
                w[0],
                w[0].trim_end_matches('2')
            ));
        }
        Ok(core)
    }

    fn emit(&self, nodes: &[Node], gp: &str) -> Result<Option<String>, String> {
        let mut out = String::new();
        for (i, node) in nodes.iter().enumerate() {
            match node {
                Node::Space => {
                    if i > 0 && matches!(nodes[i - 1], Node::Space) {
                        continue;
                    }
                    let prev_num = nodes[..i]
                        .iter()
                        .rev()
                        .find(|n| !matches!(n, Node::Space))
                        .is_some_and(Node::numeric);
                    let next_num = nodes[i + 1..]
                        .iter()
                        .find(|n| !matches!(n, Node::Space))
                        .is_some_and(Node::numeric);
                    out.push_str(if prev_num && next_num { r"\s+" } else { r"\s*" });
                }
                Node::Lit(c) => {
                    let after_letter =
                        i > 0 && matches!(nodes[i - 1], Node::Lit(p) if p.is_alphabetic());
                    if *c == '.' && after_letter {
                        out.push_str(r"\.?");
                    } else {
                        out.push_str(&regex::escape(&c.to_string()));
                    }
                }
                Node::Ph(name) => match self.placeholder(name, gp)? {
                    Some(p) => out.push_str(&p),
                    None => return Ok(None),
                },
                Node::Alt(alts, optional) => {
                    let mut parts = Vec::new();
                    for a in alts {
                        match self.emit(a, gp)? {
                            Some(p) => parts.push(p),
                            None if *optional => {}
                            None => return Ok(None),
                        }
                    }
                    if parts.is_empty() {
                        continue;
                    }
                    out.push_str(&format!(
                        "(?:{}){}",
                        parts.join("|"),
                        if *optional { "?" } else { "" }
                    ));
                }
            }
        }
        Ok(Some(out))
    }

    fn placeholder(&self, name: &str, gp: &str) -> Result<Option<String>, String> {
        if name == "to" {
            return Ok(self.alternation(Class::To).map(|a| format!("(?:{a})")));
        }
        let base = name.strip_suffix('2').unwrap_or(name);
        let body = match base {
            "year" | "fyear" | "beyear" | "fyfrom" => "[0-9]{4}".to_string(),
            "yy" | "fyy" | "beyy" | "fbeyy" => "[0-9]{2}".to_string(),
            "mm" => "0?[1-9]|1[0-2]".to_string(),
            "dd" => "0?[1-9]|[12][0-9]|3[01]".to_string(),
            "nmonths" => match self.alternation(Class::MonthCount) {
                Some(a) => format!("{a}|0?[1-9]|1[0-2]"),
                None => "0?[1-9]|1[0-2]".into(),
            },
            "quarter" => match self.alternation(Class::Quarter) {
                Some(a) => format!("{a}|[1-4]"),
                None => "[1-4]".into(),
            },
            "half" => match self.alternation(Class::Half) {
                Some(a) => format!("{a}|[12]"),
                None => "[12]".into(),
            },
            "month" | "rel_year" | "rel_half" | "rel_quarter" | "rel_month" | "rel_fyear"
            | "rel_mn" => match self.alternation(class_of(base).unwrap_or(Class::Month)) {
                Some(a) => a,
                None => return Ok(None),
            },
            _ => return Err(format!("unknown placeholder {{{name}}}")),
        };
        Ok(Some(format!("(?P<{gp}{name}>{body})")))
    }
}

pub(crate) fn class_of(base: &str) -> Option<Class> {
    Some(match base {
        "month" => Class::Month,
        "quarter" => Class::Quarter,
        "half" => Class::Half,
        "nmonths" => Class::MonthCount,
        "rel_year" => Class::RelYear,
        "rel_half" => Class::RelHalf,
        "rel_quarter" => Class::RelQuarter,
        "rel_month" => Class::RelMonth,
        "rel_fyear" => Class::RelFiscalYear,
        "rel_mn" => Class::RelMonthName,
        _ => return None,
    })
}

/// The pattern of one word: spaces optional, an abbreviating dot optional, case ignored.
fn word_pattern(w: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in w.chars().map(super::normal::fold_char) {
        if c.is_whitespace() {
            if prev.is_some_and(|p| !p.is_whitespace()) {
                out.push_str(r"\s*");
            }
        } else if c == '.' && prev.is_some_and(char::is_alphabetic) {
            out.push_str(r"\.?");
        } else {
            out.push_str(&regex::escape(&c.to_string()));
        }
        prev = Some(c);
    }
    out
}

#[derive(Debug, Clone)]
enum Node {
    Lit(char),
    Space,
    Ph(String),
    /// alternatives, optional
    Alt(Vec<Vec<Node>>, bool),
}

impl Node {
    fn numeric(&self) -> bool {
        match self {
            Node::Ph(n) => {
                let b = n.strip_suffix('2').unwrap_or(n);
                matches!(
                    b,
                    "year"
                        | "yy"
                        | "fyear"
                        | "fyy"
                        | "beyear"
                        | "beyy"
                        | "fbeyy"
                        | "fyfrom"
                        | "nmonths"
                        | "mm"
                        | "dd"
                        | "quarter"
                        | "half"
                )
            }
            _ => false,
        }
    }
}

fn placeholders<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>) {
    for n in nodes {
        match n {
            Node::Ph(name) => out.push(name),
            Node::Alt(alts, _) => alts.iter().for_each(|a| placeholders(a, out)),
            _ => {}
        }
    }
}

fn parse_template(t: &str) -> Result<Vec<Node>, String> {
    let chars: Vec<char> = t.chars().map(super::normal::fold_char).collect();
    let mut pos = 0;
    let alts = parse_seq(&chars, &mut pos, None)?;
    if pos < chars.len() {
        return Err(format!("unexpected '{}'", chars[pos]));
    }
    if alts.len() > 1 {
        return Err("'|' outside ( ) or [ ]".into());
    }
    Ok(alts.into_iter().next().unwrap_or_default())
}

/// Parses alternatives up to `close` (or the end).
fn parse_seq(
    chars: &[char],
    pos: &mut usize,
    close: Option<char>,
) -> Result<Vec<Vec<Node>>, String> {
    let mut alts = vec![Vec::new()];
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        let cur = alts.last_mut().expect("alts is never empty");
        match c {
            '{' => {
                let start = *pos;
                while *pos < chars.len() && chars[*pos] != '}' {
                    *pos += 1;
                }
                if *pos >= chars.len() {
                    return Err("'{' without '}'".into());
                }
                let name: String = chars[start..*pos].iter().collect();
                *pos += 1;
                cur.push(Node::Ph(name.trim().to_string()));
            }
            '[' | '(' => {
                let closing = if c == '[' { ']' } else { ')' };
                let inner = parse_seq(chars, pos, Some(closing))?;
                cur.push(Node::Alt(inner, c == '['));
            }
            '|' if close.is_some() => alts.push(Vec::new()),
            ']' | ')' => {
                if Some(c) == close {
                    return Ok(alts);
                }
                return Err(format!("unbalanced '{c}'"));
            }
            '}' => return Err("'}' without '{'".into()),
            c if c.is_whitespace() => cur.push(Node::Space),
            c => cur.push(Node::Lit(c)),
        }
    }
    match close {
        Some(c) => Err(format!("missing '{c}'")),
        None => Ok(alts),
    }
}

/// Words by their offset from the document's date (0 this, -1 last, 1 next).
type Offsets = BTreeMap<i32, Vec<String>>;

/// The lexicon of the period grammar from the files in order: every word with its role.
fn build_lexicon(
    files: &[&PeriodLangFile],
    digits: &HashMap<char, char>,
) -> Result<Lexicon, String> {
    let mut lex = Lexicon::default();
    lex.set_digits(digits);
    if files.iter().any(|f| f.compounds == Some(true)) {
        lex.set_compounds(true);
    }
    for (i, file) in files.iter().enumerate() {
        lex.next_file();
        let at = |what: String| match &file.language {
            Some(l) => format!("periods file {} ({l}): {what}", i + 1),
            None => format!("periods file {}: {what}", i + 1),
        };
        let mut add = |words: &[String], role: Role| -> Result<(), String> {
            words.iter().try_for_each(|w| lex.add(w, role).map_err(&at))
        };
        for (&m, ws) in &file.months {
            add(ws, Role::Month(m))?;
        }
        for (&n, ws) in &file.quarters {
            add(ws, Role::UnitOrdinal(Unit::Quarter, n as i32))?;
        }
        for (&n, ws) in &file.halves {
            add(ws, Role::UnitOrdinal(Unit::Half, n as i32))?;
        }
        for (&n, ws) in file.month_counts.iter().chain(&file.numbers) {
            add(ws, Role::Number(n))?;
        }
        for (&k, ws) in file.relative.month_name.iter().chain(&file.which) {
            if !(-100..=100).contains(&k) {
                return Err(at(format!("which: {k} is out of -100..100")));
            }
            add(ws, Role::Which(k))?;
        }
        let fused: [(Unit, bool, &Offsets); 7] = [
            (Unit::Year, false, &file.relative.year),
            (Unit::Half, false, &file.relative.half),
            (Unit::Quarter, false, &file.relative.quarter),
            (Unit::Month, false, &file.relative.month),
            (Unit::Week, false, &file.relative.week),
            (Unit::Day, false, &file.relative.day),
            (Unit::Year, true, &file.relative.fiscal_year),
        ];
        for (unit, fiscal, map) in fused {
            for (&k, ws) in map {
                add(ws, Role::Fused(unit, fiscal, k))?;
            }
        }
        for (&n, ws) in &file.ordinals {
            if n == 0 || !(-1..=366).contains(&n) {
                return Err(at(format!(
                    "ordinals: {n} should be 1 or more, or -1 (the last)"
                )));
            }
            add(ws, Role::Ordinal(n))?;
        }
        let nm = &file.names;
        for (ws, unit) in [
            (&nm.year, Unit::Year),
            (&nm.half, Unit::Half),
            (&nm.third, Unit::Third),
            (&nm.quarter, Unit::Quarter),
            (&nm.month, Unit::Month),
            (&nm.week, Unit::Week),
            (&nm.day, Unit::Day),
        ] {
            add(ws, Role::NthOf(unit))?;
        }
        let u = &file.units;
        let units: [(&Vec<String>, Unit, bool); 10] = [
            (&u.year, Unit::Year, false),
            (&u.half, Unit::Half, false),
            (&u.third, Unit::Third, false),
            (&u.quarter, Unit::Quarter, false),
            (&u.month, Unit::Month, false),
            (&u.week, Unit::Week, false),
            (&u.day, Unit::Day, false),
            (&u.fiscal_year, Unit::Year, true),
            (&u.fiscal_half, Unit::Half, true),
            (&u.fiscal_quarter, Unit::Quarter, true),
        ];
        for (ws, unit, fiscal) in units {
            add(ws, Role::Unit(unit, fiscal))?;
        }
        add(&u.decade, Role::Decade)?;
        for (&n, ws) in &file.weekdays {
            if !(1..=7).contains(&n) {
                return Err(at(format!(
                    "weekdays: {n} should be 1 (Monday) to 7 (Sunday)"
                )));
            }
            add(ws, Role::Weekday(n))?;
        }
        for (&n, ws) in &file.first_n {
            if !(1..=12).contains(&n) {
                return Err(at(format!("first_n: {n} should be 1 to 12 months")));
            }
            add(ws, Role::FirstMonths(n))?;
        }
        let t = &file.to_date_of;
        let to_date: [(&Vec<String>, Unit, bool); 9] = [
            (&t.year, Unit::Year, false),
            (&t.half, Unit::Half, false),
            (&t.quarter, Unit::Quarter, false),
            (&t.month, Unit::Month, false),
            (&t.week, Unit::Week, false),
            (&t.day, Unit::Day, false),
            (&t.fiscal_year, Unit::Year, true),
            (&t.fiscal_half, Unit::Half, true),
            (&t.fiscal_quarter, Unit::Quarter, true),
        ];
        for (ws, unit, fiscal) in to_date {
            add(ws, Role::ToDateOf(unit, fiscal))?;
        }
        let plain: [(&Vec<String>, Role); 22] = [
            (&file.prefixes, Role::Filler),
            (&file.suffixes, Role::Filler),
            (&file.range, Role::RangeTo),
            (&file.first, Role::First),
            (&file.deadline.prefixes, Role::Deadline),
            (&file.deadline.suffixes, Role::Deadline),
            (&file.since.prefixes, Role::Since),
            (&file.since.suffixes, Role::Since),
            (&file.ordinal_marks.before, Role::OrdinalBefore),
            (&file.ordinal_marks.after, Role::OrdinalAfter),
            (&file.fiscal, Role::Fiscal),
            (&file.calendar, Role::Calendar),
            (&file.to_date, Role::ToDate),
            (&file.edges.start, Role::Edge(Edge::Start)),
            (&file.edges.middle, Role::Edge(Edge::Middle)),
            (&file.edges.end, Role::Edge(Edge::End)),
            (&file.as_of, Role::AsOf),
            (&file.range_from, Role::RangeFrom),
            (&file.range_and, Role::RangeAnd),
            (&file.ending, Role::Ending),
            (&file.era_marks.era, Role::Era),
            (&file.era_marks.common, Role::CommonEra),
        ];
        for (ws, role) in plain {
            add(ws, role)?;
        }
        let n = &file.notation;
        let notations: [(&Vec<String>, Notation); 7] = [
            (&n.quarter, Notation::Quarter),
            (&n.half, Notation::Half),
            (&n.fiscal_year, Notation::FiscalYear),
            (&n.fiscal_quarter, Notation::FiscalQuarter),
            (&n.fiscal_half, Notation::FiscalHalf),
            (&n.calendar_year, Notation::CalendarYear),
            (&n.first_months, Notation::FirstMonths),
        ];
        for (ws, what) in notations {
            for w in ws {
                lex.add_notation(w, what).map_err(&at)?;
            }
        }
    }
    Ok(lex)
}
