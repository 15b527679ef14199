//! The language files (`figures.yaml`) and the tables built from them.
//!
//! A language file is a set of sections, each a map or list of *surfaces* (words or symbols as
//! written). Surface conventions, in every section:
//! * matching ignores case unless the surface starts with `=` (`=M` is million, `=m` is not);
//! * a trailing `*` matches the rest of the word (`доллар*` matches `долларов`, `доллара`), and
//!   so does a `*` ending a word inside a surface of several words (`тайваньск* доллар*`);
//! * spaces inside a surface match any run of white space in the text;
//! * the language's `fold` map (`ё: е`, `ą: a`) is applied to both surfaces and text.
//!
//! Words of scripts written with spaces (Latin, Cyrillic, Greek) match whole words only;
//! words of other scripts (Chinese, Thai) match anywhere, longest first.

use super::Approx;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The contents of one `figures.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureLangFile {
    /// Language code, for messages only.
    #[serde(default)]
    pub lang: Option<String>,
    /// How digits are written.
    #[serde(default)]
    pub settings: Settings,
    /// Characters folded before matching (`ё: е`, `ą: a`); one character to one character.
    #[serde(default)]
    pub fold: BTreeMap<String, String>,
    /// Number words: `two: 2`, `двести: 200`, `廿: 20`. `{value: 1000, bare: true}` is not used here.
    #[serde(default)]
    pub values: BTreeMap<String, Spec>,
    /// Multipliers inside a group of a thousand (or of ten thousand): `hundred: 100`, `百: 100`, `แสน: 100000`.
    #[serde(default)]
    pub multipliers: BTreeMap<String, Spec>,
    /// Scale words: `thousand: 1e3`, `bn: 1e9`, `亿: 1e8`. `{value: 1e6, bare: true}` may stand
    /// alone for one (`миллион`); `{value: 1e12, ambiguous: "..."}` sets `scale_ambiguity`.
    #[serde(default)]
    pub scales: BTreeMap<String, Spec>,
    /// Currencies: `$: USD`, `美元: CNY`; `{code: USD, factor: 1e6}` for `MUSD`.
    #[serde(default)]
    pub currencies: BTreeMap<String, Spec>,
    /// Units: `GW: GW`, `percent: "%"`, `成: {code: "%", factor: 10}`,
    /// `พ.ศ.: {code: year, offset: -543, prefix: true}` (units come after the number unless `prefix`).
    #[serde(default)]
    pub units: BTreeMap<String, Spec>,
    /// Sub-units of a currency, as a fraction of it: `cents: 0.01`, `角: 0.1`.
    #[serde(default)]
    pub subunits: BTreeMap<String, Spec>,
    /// Approximation words, before or after the number: `about: about`, `以上: over`.
    #[serde(default)]
    pub approx: BTreeMap<String, Spec>,
    /// Vague amounts that act as a number: `tens: {lo: 10, hi: 100}`, `数: {lo: 2, hi: 10}`;
    /// `{lo: 1, hi: 10, after_number: over}`: after a number the word means "and more" (`二十几万`).
    #[serde(default)]
    pub vague: BTreeMap<String, Spec>,
    /// Parts that multiply the number before them (or one): `half: 0.5`, `quarters: 0.25`, `半: 0.5`.
    #[serde(default)]
    pub parts: BTreeMap<String, Spec>,
    /// Parts added to the number before them: `and a half: 0.5`, `с половиной: 0.5`.
    #[serde(default)]
    pub add_parts: BTreeMap<String, Spec>,
    /// Denominators of a fraction read after a decimal word: `сотых: 100`.
    #[serde(default)]
    pub denominators: BTreeMap<String, Spec>,
    /// `X 分之 Y` = Y / X.
    #[serde(default)]
    pub per: Vec<String>,
    /// Words for minus: `minus`, `负`, `ลบ`.
    #[serde(default)]
    pub minus: Vec<String>,
    /// Decimal point words: `point`, `点`, `จุด` (also before a number alone: `จุด 77` = 0.77).
    #[serde(default)]
    pub point: Vec<String>,
    /// Decimal words read only between two numbers (`две целых пять десятых`, `dwa przecinek
    /// pięć`): before a number alone they mean something else (`целых 5 миллиардов`, "as much
    /// as 5 billion").
    #[serde(default)]
    pub point_between: Vec<String>,
    /// Words opening a range: `between`, `from`, `от`.
    #[serde(default)]
    pub range_open: Vec<String>,
    /// Words joining the two ends of a range anywhere: `to`, `до`, `到`, `~`.
    #[serde(default)]
    pub range_sep: Vec<String>,
    /// Words joining the ends of a range only after an opening or before a closing word: `and`, `и`, `与`.
    #[serde(default)]
    pub range_and: Vec<String>,
    /// Words closing a range: `之间`.
    #[serde(default)]
    pub range_close: Vec<String>,
    /// Articles that count as one before a word (`a dollar`, `a thousand`).
    #[serde(default)]
    pub articles: Vec<String>,
    /// Words skipped inside a figure when what follows continues it (`and`, `of`, `个`).
    #[serde(default)]
    pub fillers: Vec<String>,
    /// Words that make a physical unit a rate (`per day: d`, `al día: d`, `每日: {code: d,
    /// prefix: true}`): `barrels` then `per day` is `bbl/d`. Currencies are left as they are
    /// (`$2 a day` is a price in USD).
    #[serde(default)]
    pub rates: BTreeMap<String, Spec>,
    /// Words between a currency and a unit that make the figure a price per unit (`per`, `por`,
    /// `за`): `$70 per barrel` is read as 70 USD, the unit named in a step.
    #[serde(default)]
    pub per_unit: Vec<String>,
    /// Nouns of things counted whole (`vehicles`, `unidades`, `человек`): three digits after
    /// the decimal mark before such a noun are a thousands group (`512,300 unidades` = 512300).
    #[serde(default)]
    pub counts: Vec<String>,
    /// Grammatical endings written after digits and a hyphen (`38-те`, `5-ти`): read as part of
    /// the number, with no value of their own.
    #[serde(default)]
    pub endings: Vec<String>,
    /// Grammatical endings a number or scale word may take (`петте` = `пет` + `те`, `двата`):
    /// an unknown word made of such a word and an ending is read as the word.
    #[serde(default)]
    pub word_endings: Vec<String>,
    /// Surfaces that earlier files declared and this one removes.
    #[serde(default)]
    pub remove: Vec<String>,
    /// How much each approximation widens the interval, as factors of the value.
    #[serde(default)]
    pub approx_widths: BTreeMap<String, Width>,
}

/// How digits are written in a language. Every field may be left out (the earlier file's value stays).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The decimal separator used when one separator is followed by exactly three digits: `.` or `,`.
    #[serde(default)]
    pub decimal: Option<String>,
    /// Thousands separators allowed between groups of three digits (`,`, `.`, `'`, ` `, U+00A0, U+202F).
    #[serde(default)]
    pub group: Option<Vec<String>>,
    /// White space carries no meaning (Chinese): it is removed before reading.
    #[serde(default)]
    pub drop_spaces: Option<bool>,
    /// A last single digit word after a multiplier counts in the next lower place (`一百五` = 150).
    #[serde(default)]
    pub trailing_digit_abbrev: Option<bool>,
    /// Any scale word may stand alone for one of it (`万`, `萬九`).
    #[serde(default)]
    pub bare_scales: Option<bool>,
    /// Number words are written as one word (`zweihundertfünfzig`, `duecentocinquanta`): an
    /// unknown word made entirely of number words is read as those words.
    #[serde(default)]
    pub compound_words: Option<bool>,
    /// Units come before tens, joined by a filler (`dreiundzwanzig`, `one and twenty`).
    #[serde(default)]
    pub units_before_tens: Option<bool>,
    /// A bare number under 100 after a currency counts its hundredths (`$20 43` = 20.43).
    #[serde(default)]
    pub bare_subunits: Option<bool>,
    /// An apostrophe followed by other than three digits is a decimal mark (`9'33` = 9.33, as
    /// handwriting and some Spanish pages write the comma); before three digits it stays a
    /// thousands group (`16'000`).
    #[serde(default)]
    pub apostrophe_decimal: Option<bool>,
    /// Digits grouped by two below the thousands (`1,50,000` = 150000, `3,00,00,000`: the
    /// South Asian grouping of lakhs and crores).
    #[serde(default)]
    pub two_digit_groups: Option<bool>,
}

/// How an approximation widens the interval: `lo`/`hi` are factors of the value.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Width {
    pub lo: f64,
    pub hi: f64,
}

/// What a surface means, as a number, a code, or in full.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Spec {
    Number(f64),
    Code(String),
    Full(FullSpec),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullSpec {
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub factor: Option<f64>,
    #[serde(default)]
    pub offset: Option<f64>,
    #[serde(default)]
    pub lo: Option<f64>,
    #[serde(default)]
    pub hi: Option<f64>,
    #[serde(default)]
    pub after_number: Option<String>,
    #[serde(default)]
    pub bare: Option<bool>,
    /// A unit written before the number (`百分之`, `พ.ศ.`); currencies may always come first.
    #[serde(default)]
    pub prefix: Option<bool>,
    /// A scale that counts only written right after the digits (`5m`, `$5m`; `500 m` is metres).
    #[serde(default)]
    pub attached: Option<bool>,
    #[serde(default)]
    pub ambiguous: Option<String>,
    /// A currency word several currencies share (`元`, the unit of the yuan, the New Taiwan
    /// dollar and the Hong Kong dollar): a named currency around the same number wins
    /// (`新台币9899亿元` is TWD).
    #[serde(default)]
    pub generic: Option<bool>,
    /// On a scale word: how one mark then three digits right before it are read, whatever the
    /// mark: `decimal` (`23.610 млрд` = 23.61e9) or `group` (`1,171 millones` = 1171e6).
    #[serde(default)]
    pub before: Option<String>,
    /// An approximation word that counts only right before a multiplier or scale word written
    /// without digits (`上千亿`: upwards of a hundred billion; `上` is "on" anywhere else).
    #[serde(default)]
    pub before_multiplier: Option<bool>,
}

/// How one mark followed by exactly three digits is read right before a scale word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// As the language reads it.
    Any,
    /// The decimal mark, whatever the mark (`23.610 млрд`: thousands of billions are written
    /// with the next scale word).
    Decimal,
    /// A thousands group, whatever the mark (`1,171 millones`: Spanish writes thousands of
    /// millions so).
    Group,
}

/// One meaning of a surface.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    Value(f64),
    Small(f64),
    Scale {
        mult: f64,
        bare: bool,
        attached: bool,
        /// How one mark then three digits right before the word is read, whatever the mark.
        before: Before,
    },
    Currency {
        code: String,
        factor: f64,
        generic: bool,
    },
    Unit {
        code: String,
        factor: f64,
        offset: f64,
        prefix: bool,
    },
    /// A fraction of a currency; with a code, it names that currency alone (`20 стотинки`).
    Subunit {
        factor: f64,
        code: Option<String>,
    },
    Approx(Approx),
    /// An approximation that counts only before a multiplier or scale word (`上千`).
    ApproxBefore(Approx),
    /// A rate: the unit becomes `unit/code` (`bbl` → `bbl/d`).
    Rate {
        code: String,
        prefix: bool,
    },
    PerUnit,
    Count,
    Vague {
        lo: f64,
        hi: f64,
        after: Option<Approx>,
    },
    Part(f64),
    AddPart(f64),
    Denominator(f64),
    Per,
    Minus,
    Point,
    PointBetween,
    RangeOpen,
    RangeSep,
    RangeAnd,
    RangeClose,
    Article,
    Filler,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Section {
    Values,
    Multipliers,
    Scales,
    Currencies,
    Units,
    Subunits,
    Approx,
    Vague,
    Parts,
    AddParts,
    Denominators,
    Per,
    Minus,
    Point,
    PointBetween,
    RangeOpen,
    RangeSep,
    RangeAnd,
    RangeClose,
    Articles,
    Fillers,
    Rates,
    PerUnit,
    Counts,
}

/// A surface with its meanings.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The surface as declared (without `=` and `*`).
    pub surface: String,
    pub roles: Vec<Role>,
    /// The word is made of letters (an article counts as one only before such a word).
    pub alpha: bool,
    pub ambiguous: Option<String>,
}

impl Entry {
    pub fn has(&self, f: impl Fn(&Role) -> bool) -> bool {
        self.roles.iter().any(f)
    }
    pub fn find<'a, T>(&'a self, f: impl Fn(&'a Role) -> Option<T>) -> Option<T> {
        self.roles.iter().find_map(f)
    }
}

/// A fast hasher for `char` keys (the trie is walked at every position of the text).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BuildCharHasher;

#[derive(Debug, Default)]
pub(crate) struct CharHasher(u64);

impl std::hash::Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (u64::from(n) ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::BuildHasher for BuildCharHasher {
    type Hasher = CharHasher;
    fn build_hasher(&self) -> CharHasher {
        CharHasher(0)
    }
}

/// A character trie; a node's terminals are entries, exact-word and stem (`*`) ones apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    next: HashMap<char, u32, BuildCharHasher>,
    /// The node reached after the rest of a word (a `*` inside a key).
    star: Option<u32>,
    word: Option<u32>,
    stem: Option<u32>,
}

/// Marks, inside a key, a word that ends in `*` and is followed by more words: it matches the
/// rest of that word in the text (`процентн* пункт*` matches `процентных пункта`).
const STAR: char = '\u{E000}';

impl Trie {
    fn insert(&mut self, key: &[char], entry: u32, stem: bool) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut n = 0usize;
        for &c in key {
            let existing = if c == STAR {
                self.nodes[n].star
            } else {
                self.nodes[n].next.get(&c).copied()
            };
            let next = match existing {
                Some(m) => m as usize,
                None => {
                    let m = self.nodes.len();
                    self.nodes.push(Node::default());
                    if c == STAR {
                        self.nodes[n].star = Some(m as u32);
                    } else {
                        self.nodes[n].next.insert(c, m as u32);
                    }
                    m
                }
            };
            n = next;
        }
        if stem {
            self.nodes[n].stem = Some(entry);
        } else {
            self.nodes[n].word = Some(entry);
        }
    }

    /// Every terminal along `text[start..]`: (end, entry, is_stem). White space in a key matches
    /// any run of white space in the text; a `*` inside a key matches the rest of a word.
    pub fn walk(&self, text: &[char], start: usize, out: &mut Vec<(usize, u32, bool)>) {
        if self.nodes.is_empty() {
            return;
        }
        // (node, position): a path forks only at a `*` inside a key, and keys hold few of them,
        // so the stack stays small and each path is as long as its key plus the words skipped.
        let mut stack: Vec<(usize, usize)> = vec![(0, start)];
        let mut forks = 0usize;
        while let Some((mut n, mut i)) = stack.pop() {
            loop {
                let node = &self.nodes[n];
                if i > start {
                    if let Some(e) = node.word {
                        out.push((i, e, false));
                    }
                    if let Some(e) = node.stem {
                        out.push((i, e, true));
                    }
                }
                if let Some(m) = node.star {
                    // only after a letter: the star ends a word begun by the key
                    if i > start && i <= text.len() && spaced_letter(text[i - 1]) && forks < 64 {
                        let mut j = i;
                        while j < text.len() && spaced_letter(text[j]) {
                            j += 1;
                        }
                        forks += 1;
                        stack.push((m as usize, j));
                    }
                }
                if i >= text.len() {
                    break;
                }
                let c = text[i];
                if c.is_whitespace() {
                    match node.next.get(&' ') {
                        Some(&m) => {
                            n = m as usize;
                            while i < text.len() && text[i].is_whitespace() {
                                i += 1;
                            }
                        }
                        None => break,
                    }
                } else {
                    match node.next.get(&c) {
                        Some(&m) => {
                            n = m as usize;
                            i += 1;
                        }
                        None => break,
                    }
                }
            }
        }
    }
}

/// The tables of one language, built from its files.
#[derive(Debug, Clone, Default)]
pub struct FigureLang {
    pub(crate) name: String,
    pub(crate) entries: Vec<Entry>,
    /// Keys folded to lower case.
    pub(crate) fold_trie: Trie,
    /// Keys matched with their case.
    pub(crate) exact_trie: Trie,
    pub(crate) fold: HashMap<char, char>,
    pub(crate) decimal: char,
    pub(crate) group: Vec<char>,
    pub(crate) drop_spaces: bool,
    pub(crate) trailing_digit_abbrev: bool,
    pub(crate) bare_scales: bool,
    pub(crate) compound_words: bool,
    pub(crate) units_before_tens: bool,
    pub(crate) bare_subunits: bool,
    pub(crate) apostrophe_decimal: bool,
    pub(crate) two_digit_groups: bool,
    /// Endings after digits and a hyphen (`те` of `38-те`), folded to lower case.
    pub(crate) endings: std::collections::HashSet<String>,
    /// Endings of number words (`те` of `петте`), folded, the longest first.
    pub(crate) word_endings: Vec<String>,
    pub(crate) widths: HashMap<Approx, Width>,
}

/// Characters as the reader sees them: full-width forms and Thai digits to ASCII, dashes to `-`.
pub(crate) fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{0E50}'..='\u{0E59}' => char::from_u32(c as u32 - 0x0E50 + '0' as u32).unwrap_or(c),
        '\u{2212}' | '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{FE63}' => '-',
        // `３６﹒９`: the ideographic and small full stops some Chinese pages put between digits
        '\u{3002}' | '\u{FE52}' => '.',
        '\u{2019}' | '\u{02BC}' => '\'',
        '\u{FF64}' | '\u{3001}' => ',',
        _ => c,
    }
}

pub(crate) fn lower_char(c: char, fold: &HashMap<char, char>) -> char {
    let l = c.to_lowercase().next().unwrap_or(c);
    *fold.get(&l).unwrap_or(&l)
}

/// A letter of a script written with spaces between words.
pub(crate) fn spaced_letter(c: char) -> bool {
    c.is_alphabetic() && ((c as u32) < 0x0530 || (0x1E00..0x2000).contains(&(c as u32)))
}

fn parse_approx(s: &str) -> Option<Approx> {
    Some(match s {
        "about" => Approx::About,
        "over" => Approx::Over,
        "under" => Approx::Under,
        "up_to" => Approx::UpTo,
        "at_least" => Approx::AtLeast,
        "range" => Approx::Range,
        "vague" => Approx::Vague,
        _ => return None,
    })
}

fn number_of(spec: &Spec, what: &str, key: &str) -> Result<f64, String> {
    match spec {
        Spec::Number(n) => Ok(*n),
        Spec::Full(FullSpec { value: Some(v), .. }) => Ok(*v),
        Spec::Full(FullSpec {
            factor: Some(v), ..
        }) => Ok(*v),
        _ => Err(format!("{what} `{key}`: a number is expected")),
    }
}

fn code_of(spec: &Spec, what: &str, key: &str) -> Result<(String, f64, f64), String> {
    match spec {
        Spec::Code(c) => Ok((c.clone(), 1.0, 0.0)),
        Spec::Full(FullSpec { code: Some(c), .. }) => {
            let (f, o) = match spec {
                Spec::Full(fs) => (fs.factor.unwrap_or(1.0), fs.offset.unwrap_or(0.0)),
                _ => (1.0, 0.0),
            };
            Ok((c.clone(), f, o))
        }
        _ => Err(format!("{what} `{key}`: a code is expected")),
    }
}

fn role_of(section: Section, key: &str, spec: Option<&Spec>) -> Result<Role, String> {
    let full = match spec {
        Some(Spec::Full(f)) => Some(f),
        _ => None,
    };
    Ok(match section {
        Section::Values => {
            Role::Value(number_of(spec.unwrap_or(&Spec::Number(0.0)), "value", key)?)
        }
        Section::Multipliers => Role::Small(number_of(
            spec.unwrap_or(&Spec::Number(0.0)),
            "multiplier",
            key,
        )?),
        Section::Scales => Role::Scale {
            mult: number_of(spec.unwrap_or(&Spec::Number(0.0)), "scale", key)?,
            bare: full.and_then(|f| f.bare).unwrap_or(false),
            attached: full.and_then(|f| f.attached).unwrap_or(false),
            before: match full.and_then(|f| f.before.as_deref()) {
                None => Before::Any,
                Some("decimal") => Before::Decimal,
                Some("group") => Before::Group,
                Some(other) => {
                    return Err(format!(
                        "scale `{key}`: before is `decimal` or `group`, not `{other}`"
                    ))
                }
            },
        },
        Section::Currencies => {
            let (code, factor, _) = code_of(spec.unwrap_or(&Spec::Number(0.0)), "currency", key)?;
            Role::Currency {
                code,
                factor,
                generic: full.and_then(|f| f.generic).unwrap_or(false),
            }
        }
        Section::Units => {
            let (code, factor, offset) = code_of(spec.unwrap_or(&Spec::Number(0.0)), "unit", key)?;
            Role::Unit {
                code,
                factor,
                offset,
                prefix: full.and_then(|f| f.prefix).unwrap_or(false),
            }
        }
        Section::Subunits => Role::Subunit {
            factor: number_of(spec.unwrap_or(&Spec::Number(0.0)), "subunit", key)?,
            code: full.and_then(|f| f.code.clone()),
        },
        Section::Approx => {
            let name = match spec {
                Some(Spec::Code(c)) => c.clone(),
                Some(Spec::Full(FullSpec { code: Some(c), .. })) => c.clone(),
                _ => return Err(format!("approx `{key}`: an approximation name is expected")),
            };
            let a = parse_approx(&name)
                .ok_or_else(|| format!("approx `{key}`: unknown approximation `{name}`"))?;
            if full.and_then(|f| f.before_multiplier).unwrap_or(false) {
                Role::ApproxBefore(a)
            } else {
                Role::Approx(a)
            }
        }
        Section::Vague => {
            let f = full.ok_or_else(|| format!("vague `{key}`: {{lo, hi}} is expected"))?;
            let (lo, hi) = match (f.lo, f.hi) {
                (Some(lo), Some(hi)) if lo > 0.0 && hi >= lo => (lo, hi),
                _ => return Err(format!("vague `{key}`: 0 < lo <= hi is expected")),
            };
            let after = match &f.after_number {
                Some(a) => Some(
                    parse_approx(a)
                        .ok_or_else(|| format!("vague `{key}`: unknown approximation `{a}`"))?,
                ),
                None => None,
            };
            Role::Vague { lo, hi, after }
        }
        Section::Parts => Role::Part(number_of(spec.unwrap_or(&Spec::Number(0.0)), "part", key)?),
        Section::AddParts => {
            Role::AddPart(number_of(spec.unwrap_or(&Spec::Number(0.0)), "part", key)?)
        }
        Section::Denominators => Role::Denominator(number_of(
            spec.unwrap_or(&Spec::Number(0.0)),
            "denominator",
            key,
        )?),
        Section::Per => Role::Per,
        Section::Minus => Role::Minus,
        Section::Point => Role::Point,
        Section::PointBetween => Role::PointBetween,
        Section::RangeOpen => Role::RangeOpen,
        Section::RangeSep => Role::RangeSep,
        Section::RangeAnd => Role::RangeAnd,
        Section::RangeClose => Role::RangeClose,
        Section::Articles => Role::Article,
        Section::Fillers => Role::Filler,
        Section::Rates => {
            let (code, _, _) = code_of(spec.unwrap_or(&Spec::Number(0.0)), "rate", key)?;
            if code.is_empty() || code.contains(char::is_whitespace) {
                return Err(format!(
                    "rate `{key}`: a short code such as `d` is expected"
                ));
            }
            Role::Rate {
                code,
                prefix: full.and_then(|f| f.prefix).unwrap_or(false),
            }
        }
        Section::PerUnit => Role::PerUnit,
        Section::Counts => Role::Count,
    })
}

impl FigureLang {
    /// Builds the tables of one language from the common file then the language's files, in
    /// order: a later file adds surfaces, or overrides the meaning a surface has in a section.
    pub fn build(files: &[&FigureLangFile]) -> Result<FigureLang, String> {
        // (raw key, section) → (role, ambiguity)
        let mut decl: BTreeMap<(String, Section), (Role, Option<String>)> = BTreeMap::new();
        let mut lang = FigureLang {
            decimal: '.',
            group: vec![',', ' ', '\u{a0}', '\u{202f}'],
            ..FigureLang::default()
        };
        let mut name = String::new();
        let mut raw_endings: Vec<String> = Vec::new();
        let mut raw_word_endings: Vec<String> = Vec::new();
        for file in files {
            if let Some(l) = &file.lang {
                name = l.clone();
            }
            let s = &file.settings;
            if let Some(d) = &s.decimal {
                let mut cs = d.chars();
                match (cs.next(), cs.next()) {
                    (Some(c @ ('.' | ',')), None) => lang.decimal = c,
                    _ => return Err(format!("settings.decimal: `.` or `,` expected, not `{d}`")),
                }
            }
            if let Some(g) = &s.group {
                let mut v = Vec::new();
                for x in g {
                    let mut cs = x.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => v.push(c),
                        _ => {
                            return Err(format!(
                                "settings.group: one character expected, not `{x}`"
                            ))
                        }
                    }
                }
                lang.group = v;
            }
            if let Some(b) = s.drop_spaces {
                lang.drop_spaces = b;
            }
            if let Some(b) = s.trailing_digit_abbrev {
                lang.trailing_digit_abbrev = b;
            }
            if let Some(b) = s.bare_scales {
                lang.bare_scales = b;
            }
            if let Some(b) = s.compound_words {
                lang.compound_words = b;
            }
            if let Some(b) = s.units_before_tens {
                lang.units_before_tens = b;
            }
            if let Some(b) = s.bare_subunits {
                lang.bare_subunits = b;
            }
            if let Some(b) = s.apostrophe_decimal {
                lang.apostrophe_decimal = b;
            }
            if let Some(b) = s.two_digit_groups {
                lang.two_digit_groups = b;
            }
            for e in &file.endings {
                if e.is_empty() || !e.chars().all(spaced_letter) {
                    return Err(format!("endings: `{e}` is not a word of letters"));
                }
                raw_endings.push(e.clone());
            }
            for e in &file.word_endings {
                if e.is_empty() || !e.chars().all(spaced_letter) {
                    return Err(format!("word_endings: `{e}` is not a word of letters"));
                }
                raw_word_endings.push(e.clone());
            }
            for (k, v) in &file.fold {
                let mut a = k.chars();
                let mut b = v.chars();
                match (a.next(), a.next(), b.next(), b.next()) {
                    (Some(x), None, Some(y), None) => {
                        lang.fold.insert(x, y);
                    }
                    _ => return Err(format!("fold `{k}: {v}`: one character to one character")),
                }
            }
            for (k, w) in &file.approx_widths {
                let a = parse_approx(k).ok_or_else(|| format!("approx_widths: unknown `{k}`"))?;
                if !(w.lo <= 1.0 && w.hi >= 1.0 && w.lo >= 0.0) {
                    return Err(format!("approx_widths.{k}: 0 <= lo <= 1 <= hi expected"));
                }
                lang.widths.insert(a, *w);
            }
            for r in &file.remove {
                decl.retain(|(k, _), _| k != r);
            }
            let maps: [(Section, &BTreeMap<String, Spec>); 12] = [
                (Section::Values, &file.values),
                (Section::Multipliers, &file.multipliers),
                (Section::Scales, &file.scales),
                (Section::Currencies, &file.currencies),
                (Section::Units, &file.units),
                (Section::Subunits, &file.subunits),
                (Section::Approx, &file.approx),
                (Section::Vague, &file.vague),
                (Section::Parts, &file.parts),
                (Section::AddParts, &file.add_parts),
                (Section::Denominators, &file.denominators),
                (Section::Rates, &file.rates),
            ];
            for (sec, map) in maps {
                for (k, spec) in map {
                    if k.trim_start_matches('=').trim_end_matches('*').is_empty() {
                        return Err(format!("empty surface in {sec:?}"));
                    }
                    let role = role_of(sec, k, Some(spec))?;
                    let amb = match spec {
                        Spec::Full(f) => f.ambiguous.clone(),
                        _ => None,
                    };
                    decl.insert((k.clone(), sec), (role, amb));
                }
            }
            let lists: [(Section, &Vec<String>); 12] = [
                (Section::Per, &file.per),
                (Section::Minus, &file.minus),
                (Section::Point, &file.point),
                (Section::PointBetween, &file.point_between),
                (Section::RangeOpen, &file.range_open),
                (Section::RangeSep, &file.range_sep),
                (Section::RangeAnd, &file.range_and),
                (Section::RangeClose, &file.range_close),
                (Section::Articles, &file.articles),
                (Section::Fillers, &file.fillers),
                (Section::PerUnit, &file.per_unit),
                (Section::Counts, &file.counts),
            ];
            for (sec, list) in lists {
                for k in list {
                    if k.trim_start_matches('=').trim_end_matches('*').is_empty() {
                        return Err(format!("empty surface in {sec:?}"));
                    }
                    decl.insert((k.clone(), sec), (role_of(sec, k, None)?, None));
                }
            }
        }
        for (a, w) in [
            (Approx::About, (0.9, 1.1)),
            (Approx::Over, (1.0, 1.5)),
            (Approx::AtLeast, (1.0, 1.5)),
            (Approx::Under, (0.5, 1.0)),
            (Approx::UpTo, (0.0, 1.0)),
        ] {
            lang.widths.entry(a).or_insert(Width { lo: w.0, hi: w.1 });
        }
        lang.name = name;
        for e in raw_endings {
            let folded: String = e.chars().map(|c| lower_char(c, &lang.fold)).collect();
            lang.endings.insert(folded);
        }
        for e in raw_word_endings {
            let folded: String = e.chars().map(|c| lower_char(c, &lang.fold)).collect();
            if !lang.word_endings.contains(&folded) {
                lang.word_endings.push(folded);
            }
        }
        // the longest ending first (`ите` before `те`)
        lang.word_endings
            .sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        // Group by raw key into entries.
        let mut by_key: BTreeMap<String, (Vec<Role>, Option<String>)> = BTreeMap::new();
        for ((k, _), (role, amb)) in decl {
            let e = by_key.entry(k).or_default();
            e.0.push(role);
            if amb.is_some() {
                e.1 = amb;
            }
        }
        for (key, (roles, amb)) in by_key {
            let exact = key.starts_with('=');
            let k = key.strip_prefix('=').unwrap_or(&key);
            let stem = k.ends_with('*') && k.chars().count() > 1;
            let k = if stem { &k[..k.len() - 1] } else { k };
            let mut chars: Vec<char> = Vec::new();
            let raw: Vec<char> = k.chars().collect();
            for (p, &c) in raw.iter().enumerate() {
                // `word* word`: the star ends a word and more words follow
                if c == '*'
                    && p > 0
                    && spaced_letter(raw[p - 1])
                    && raw.get(p + 1).is_some_and(|n| n.is_whitespace())
                {
                    chars.push(STAR);
                    continue;
                }
                let c = normalize_char(c);
                if c.is_whitespace() {
                    if lang.drop_spaces {
                        continue;
                    }
                    if chars.last() != Some(&' ') {
                        chars.push(' ');
                    }
                    continue;
                }
                chars.push(if exact { c } else { lower_char(c, &lang.fold) });
            }
            if chars.is_empty() {
                continue;
            }
            let idx = lang.entries.len() as u32;
            lang.entries.push(Entry {
                surface: k.to_string(),
                roles,
                alpha: k.chars().all(|c| c.is_alphabetic() || c == ' '),
                ambiguous: amb,
            });
            if exact {
                lang.exact_trie.insert(&chars, idx, stem);
            } else {
                lang.fold_trie.insert(&chars, idx, stem);
            }
        }
        Ok(lang)
    }

    /// The language name given in its files (`lang:`), if any.
    pub fn name(&self) -> &str {
        &self.name
    }
}
