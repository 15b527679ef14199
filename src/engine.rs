//! Reconciling: every claim's figure and period read, converted to its metric's base unit, and
//! the claims that must agree gathered into groups.

use crate::claim::{Claim, Corpus, Family, Relation, Status};
use crate::diagnostic::abbreviate;
use crate::figure::{read_figure, Figure, FigureError};
use crate::fx::YearMonth;
use crate::period::{label, read_period, FiscalCalendar, Period, PeriodKind, Published};
use crate::reading::{write_steps, Step};
use crate::rules::Rules;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::Arc;

/// A figure in its metric's base unit (or, for money, in its own currency until it is converted).
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: f64,
    /// The interval the words allow, converted.
    pub lo: f64,
    pub hi: f64,
    /// The figure the words state, converted (see [`Figure::stated`]).
    pub stated_lo: f64,
    pub stated_hi: f64,
    pub unit: String,
    /// The figure in the currency it was converted from over its period (its entity's reporting
    /// currency once an article's own conversion is undone): two figures in one currency are
    /// compared in it, not through rates that move.
    pub before_conversion: Option<InCurrency>,
    /// The figure as read; claims that write the same value in the same language share it.
    pub figure: Arc<Figure>,
    /// The steps after reading: the unit, its conversion.
    pub conversion: Vec<Step>,
}

impl Amount {
    /// The steps of the reading, the unit conversion included.
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.figure.steps.iter().chain(&self.conversion)
    }

    /// The interval the words allow, widened by a relative tolerance.
    pub fn widened(&self, tolerance: f64) -> (f64, f64) {
        widen(self.lo, self.hi, tolerance)
    }

    /// Whether the figure states a number (not only a vague span): its stated interval is no
    /// wider than `width` of its size.
    pub fn states_a_number(&self, width: f64) -> bool {
        let size = self.stated_lo.abs().max(self.stated_hi.abs());
        size > 0.0 && self.stated_hi - self.stated_lo <= width * size
    }
}

/// A figure's two readings in one currency.
#[derive(Debug, Clone, PartialEq)]
pub struct InCurrency {
    pub currency: String,
    pub lo: f64,
    pub hi: f64,
    pub stated: (f64, f64),
}

/// An interval widened by a relative tolerance on each end.
pub fn widen(lo: f64, hi: f64, tolerance: f64) -> (f64, f64) {
    (lo - lo.abs() * tolerance, hi + hi.abs() * tolerance)
}

/// Why a claim's value could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountProblem {
    Unreadable(String),
    UnitMismatch {
        unit: String,
        unit_dimension: String,
        metric_dimension: String,
    },
}

/// Everything the engine made of one claim.
#[derive(Debug, Clone)]
pub struct Reading {
    /// `None` when the claim states a relation instead of an amount.
    pub amount: Option<Result<Amount, AmountProblem>>,
    /// Shared by the claims that write the same period in the same language, date and calendar.
    pub period: Arc<Result<Period, String>>,
    /// False when the claim gives neither `period:` nor `as_of:`; `period` is then the
    /// publication date, and the claim is grouped with the other undated figures.
    pub dated: bool,
    /// The claim gives a count at a moment (`as_of:`), not a figure for a period: a toll, an
    /// installed base, a cumulative gross. Such counts move from day to day.
    pub moment: bool,
    pub family: Family,
    /// The period a relation's `from:` names, read as the claim's own period is; `None` when the
    /// claim states no growth or run rate.
    pub from_period: Option<Arc<Result<Period, String>>>,
}

impl Reading {
    pub fn amount(&self) -> Option<&Amount> {
        self.amount.as_ref().and_then(|a| a.as_ref().ok())
    }

    /// The period read, or why it could not be.
    pub fn period(&self) -> Result<&Period, &str> {
        match &*self.period {
            Ok(p) => Ok(p),
            Err(e) => Err(e),
        }
    }
}

/// What claims must agree on: entity, counterparty, metric, period and status family.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    pub entity: String,
    pub counterparty: Option<String>,
    pub metric: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub family: Family,
}

impl GroupKey {
    pub fn period_label(&self) -> String {
        if self.is_undated() {
            "undated".to_string()
        } else {
            label(self.start, self.end)
        }
    }

    /// Undated claims share one group per entity and metric, whatever their publication date.
    pub fn is_undated(&self) -> bool {
        self.start == NaiveDate::MIN && self.end == NaiveDate::MAX
    }

    /// `Amazon`, or `OpenAI ↔ Oracle` for a deal.
    pub fn entity_label(&self) -> String {
        match &self.counterparty {
            Some(c) => format!("{} ↔ {c}", self.entity),
            None => self.entity.clone(),
        }
    }
}

/// Claims that give an amount for the same key; indices into `Corpus::claims`.
#[derive(Debug, Clone)]
pub struct Group {
    pub key: GroupKey,
    pub claims: Vec<usize>,
}

/// The reconciled corpus: a reading per claim (same order as the claims) and the groups.
#[derive(Debug)]
pub struct Reconciled {
    /// Shared with the report's tables, which make their rows from them when rendered.
    pub readings: Arc<Vec<Reading>>,
    pub groups: Vec<Group>,
}

/// Reads every claim and groups the ones with an amount.
pub fn reconcile(corpus: &Corpus, rules: &Rules) -> Reconciled {
    let periods = read_distinct(
        &corpus.claims,
        |c| period_key(c, own_period(c), corpus, rules),
        |key| read_period_key(key, rules),
    );
    // Few claims state a growth or run rate: only theirs are keyed.
    let stating: Vec<(usize, &str)> = corpus
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, relation_from(c)?)))
        .collect();
    let stated_from = read_distinct(
        &stating,
        |&(i, text)| period_key(&corpus.claims[i], Some(text), corpus, rules),
        |key| read_period_key(key, rules),
    );
    let mut from_periods = vec![None; corpus.claims.len()];
    for (&(i, _), period) in stating.iter().zip(stated_from) {
        from_periods[i] = Some(period);
    }
    let figures = read_distinct(
        &corpus.claims,
        |c| {
            let lang = corpus.source_of(c).lang.as_str();
            (lang, c.value.as_ref().map(|v| v.text.as_str()))
        },
        |&(lang, text)| {
            let language = rules.languages.get(lang)?;
            Some(read_figure(text?, &language.figures).map(Arc::new))
        },
    );
    let readings: Vec<Reading> = corpus
        .claims
        .par_iter()
        .zip(periods)
        .zip(from_periods)
        .zip(figures)
        .map(|(((c, period), from_period), figure)| {
            read_claim(c, corpus, rules, period, from_period, &figure)
        })
        .collect();
    Reconciled {
        groups: group(corpus, &readings),
        readings: Arc::new(readings),
    }
}

/// A claim's group key, borrowed from the claim.
struct KeyParts<'a> {
    entity: Cow<'a, str>,
    counterparty: Option<&'a str>,
    metric: &'a str,
    start: NaiveDate,
    end: NaiveDate,
    family: Family,
}

impl KeyParts<'_> {
    fn to_key(&self) -> GroupKey {
        GroupKey {
            entity: self.entity.to_string(),
            counterparty: self.counterparty.map(str::to_string),
            metric: self.metric.to_string(),
            start: self.start,
            end: self.end,
            family: self.family,
        }
    }
}

/// The key parts of a claim's group, if it has a readable amount and period.
fn key_parts<'a>(claim: &'a Claim, reading: &Reading) -> Option<KeyParts<'a>> {
    reading.amount()?;
    let period = reading.period().ok()?;
    let (start, end) = if reading.dated {
        (period.start, period.end)
    } else {
        (NaiveDate::MIN, NaiveDate::MAX)
    };
    Some(KeyParts {
        entity: match claim.entities.as_slice() {
            [one] => Cow::Borrowed(one.as_str()),
            _ => Cow::Owned(claim.entity_label()),
        },
        counterparty: claim.counterparty.as_deref(),
        metric: &claim.metric,
        start,
        end,
        family: reading.family,
    })
}

/// Gathers the claims with a readable amount and period into groups, in key order, each claim list
/// in corpus order. The keys' texts are ranked once, so that a million claims sort by integers
/// rather than by comparing their strings.
fn group(corpus: &Corpus, readings: &[Reading]) -> Vec<Group> {
    let parts: Vec<Option<KeyParts>> = corpus
        .claims
        .par_iter()
        .zip(readings)
        .map(|(claim, reading)| key_parts(claim, reading))
        .collect();
    let present = || parts.iter().flatten();
    let entities = ranks(present().map(|p| &*p.entity));
    let counterparties = ranks(present().filter_map(|p| p.counterparty));
    let metrics = ranks(present().map(|p| p.metric));
    let mut keyed: Vec<(RankedKey, usize)> = parts
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let p = p.as_ref()?;
            // No counterparty sorts first, as `None` does.
            let counterparty = p.counterparty.map_or(0, |c| counterparties[c] + 1);
            let rank = (
                entities[&*p.entity],
                counterparty,
                metrics[p.metric],
                p.start,
                p.end,
                p.family,
            );
            Some((rank, i))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut groups: Vec<Group> = Vec::new();
    for chunk in keyed.chunk_by(|a, b| a.0 == b.0) {
        let first = parts[chunk[0].1]
            .as_ref()
            .expect("ranked claims have key parts");
        groups.push(Group {
            key: first.to_key(),
            claims: chunk.iter().map(|&(_, i)| i).collect(),
        });
    }
    groups
}

/// A group key with its texts replaced by their ranks: it sorts as the key does.
type RankedKey = (u32, u32, u32, NaiveDate, NaiveDate, Family);

/// Each distinct text's rank in sorted order.
fn ranks<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32, FastHash> {
    let distinct: HashSet<&str, FastHash> = texts.collect();
    let mut sorted: Vec<&str> = distinct.into_iter().collect();
    sorted.sort_unstable();
    sorted
        .into_iter()
        .enumerate()
        .map(|(rank, text)| (text, rank as u32))
        .collect()
}

type FastHash = foldhash::fast::RandomState;

/// Reads once each distinct key that `key_of` gives the items, in parallel, and hands every item
/// its key's reading. A desk's documents repeat the same few period phrases and round figures, so
/// most readings are shared; the result is the same as reading every item on its own.
fn read_distinct<'a, T: Sync, K, V>(
    items: &'a [T],
    key_of: impl Fn(&'a T) -> K + Sync + Send,
    read: impl Fn(&K) -> V + Sync + Send,
) -> Vec<V>
where
    K: Hash + Eq + Send + Sync,
    V: Clone + Send + Sync,
{
    let keys: Vec<K> = items.par_iter().map(key_of).collect();
    let mut index: HashMap<&K, usize, FastHash> =
        HashMap::with_capacity_and_hasher(keys.len() / 4, Default::default());
    let mut distinct: Vec<&K> = Vec::new();
    let slots: Vec<usize> = keys
        .iter()
        .map(|k| {
            *index.entry(k).or_insert_with(|| {
                distinct.push(k);
                distinct.len() - 1
            })
        })
        .collect();
    let values: Vec<V> = distinct.par_iter().map(|k| read(k)).collect();
    slots.into_iter().map(|i| values[i].clone()).collect()
}

/// What a claim's period reading depends on.
#[derive(PartialEq, Eq, Hash)]
struct PeriodKey<'a> {
    lang: &'a str,
    /// `None`: the claim gives no period, and is taken as of publication.
    text: Option<&'a str>,
    published: Published,
    published_text: &'a str,
    fiscal_start_month: u32,
}

/// The period a claim gives for itself: `period:` or `as_of:`.
pub(crate) fn own_period(claim: &Claim) -> Option<&str> {
    claim
        .period
        .as_ref()
        .or(claim.as_of.as_deref())
        .map(|t| t.text.as_str())
}

/// The period a claim's growth or run rate is stated from.
fn relation_from(claim: &Claim) -> Option<&str> {
    match claim.relation.as_deref() {
        Some(Relation::Growth { from, .. } | Relation::RunRate { from }) => Some(&from.text),
        _ => None,
    }
}

/// The key of a period written in a claim (its own, or a relation's `from`): it is read as its
/// document would read it, in its language, against its publication date, by its entity's fiscal
/// calendar.
fn period_key<'a>(
    claim: &'a Claim,
    text: Option<&'a str>,
    corpus: &'a Corpus,
    rules: &Rules,
) -> PeriodKey<'a> {
    let source = corpus.source_of(claim);
    PeriodKey {
        lang: &source.lang,
        text,
        published: source.published,
        published_text: &source.published_text,
        fiscal_start_month: calendar_of(claim, rules).start_month,
    }
}

fn read_period_key(key: &PeriodKey, rules: &Rules) -> Arc<Result<Period, String>> {
    let Some(language) = rules.languages.get(key.lang) else {
        return Arc::new(Err(format!("no rules for language `{}`", key.lang)));
    };
    let period = match key.text {
        Some(text) => read_period(
            text,
            &language.periods,
            key.published,
            FiscalCalendar {
                start_month: key.fiscal_start_month,
            },
        )
        .map_err(|e| format!("period `{text}`: {e}")),
        None => {
            let (start, end) = key.published.span();
            Ok(Period {
                start,
                end,
                kind: PeriodKind::Absolute,
                steps: vec![Step::new(
                    "(no period)",
                    format!("taken as of publication, {}", key.published_text),
                )],
            })
        }
    };
    Arc::new(period)
}

/// The fiscal calendar a claim's periods are read by: its entity's, or the calendar year.
fn calendar_of(claim: &Claim, rules: &Rules) -> FiscalCalendar {
    match claim.entities.as_slice() {
        [one] => rules.calendar(one),
        _ => rules.calendar(""),
    }
}

fn read_claim(
    claim: &Claim,
    corpus: &Corpus,
    rules: &Rules,
    period: Arc<Result<Period, String>>,
    from_period: Option<Arc<Result<Period, String>>>,
    figure: &Option<Result<Arc<Figure>, FigureError>>,
) -> Reading {
    let source = corpus.source_of(claim);
    let family = claim.status.unwrap_or(Status::Actual).family();
    let amount = claim.value.as_ref().map(|value| {
        let figure = match figure {
            Some(Ok(figure)) => figure.clone(),
            Some(Err(e)) => {
                return Err(AmountProblem::Unreadable(format!(
                    "value `{}`: {}",
                    abbreviate(&value.text, 80),
                    abbreviate(&e.reason, 240)
                )))
            }
            None => {
                return Err(AmountProblem::Unreadable(format!(
                    "no rules for language `{}`",
                    source.lang
                )))
            }
        };
        let published = source.published.span().0;
        to_base(
            figure,
            claim,
            rules,
            period.as_ref().as_ref().ok(),
            published,
        )
    });
    Reading {
        amount,
        period,
        dated: claim.period.is_some() || claim.as_of.is_some(),
        moment: claim.period.is_none() && claim.as_of.is_some(),
        family,
        from_period,
    }
}

/// Converts a figure to its metric's base unit, checking that the unit fits the metric.
fn to_base(
    figure: Arc<Figure>,
    claim: &Claim,
    rules: &Rules,
    period: Option<&Period>,
    published: NaiveDate,
) -> Result<Amount, AmountProblem> {
    let metric = rules
        .metrics
        .get(&claim.metric)
        .ok_or_else(|| AmountProblem::Unreadable(format!("unknown metric `{}`", claim.metric)))?;
    let base = rules
        .dimensions
        .get(&metric.dimension)
        .map(|d| d.base.clone())
        .unwrap_or_default();
    let mut steps = Vec::new();
    let mut written = figure.unit.clone().or_else(|| claim.unit.clone());
    // "2.89兆元" said of TSMC: 元 is the New Taiwan dollar, the currency TSMC reports in.
    let own = match claim.entities.as_slice() {
        [one] => rules.entities.get(one).and_then(|e| e.currency.as_ref()),
        _ => None,
    };
    if let (true, Some(own), Some(word)) = (figure.generic_currency, own, &written) {
        if own != word {
            steps.push(Step::new(
                word.clone(),
                format!(
                    "a currency word several currencies share: {own}, the currency {} reports in (rules: entities)",
                    claim.entity_label()
                ),
            ));
            written = Some(own.clone());
        }
    }
    let Some(unit) = written else {
        steps.push(Step::new(
            "(no unit)",
            format!("taken as the metric's unit, {}", show_unit(&base)),
        ));
        return Ok(Amount {
            value: figure.value,
            lo: figure.lo,
            hi: figure.hi,
            stated_lo: figure.stated.0,
            stated_hi: figure.stated.1,
            before_conversion: None,
            unit: base,
            figure,
            conversion: steps,
        });
    };
    let Some(def) = rules.units.get(&unit) else {
        return Err(AmountProblem::Unreadable(format!(
            "unit `{unit}` is not declared in rules (units:)"
        )));
    };
    if def.dimension != metric.dimension {
        return Err(AmountProblem::UnitMismatch {
            unit,
            unit_dimension: def.dimension.clone(),
            metric_dimension: metric.dimension.clone(),
        });
    }
    // A figure in another currency than the one its entity reports in is a conversion its
    // article made; `convert_currency` undoes it.
    let converted_by_article = own.is_some_and(|o| {
        *o != unit
            && rules
                .units
                .get(o)
                .is_some_and(|d| d.dimension == def.dimension)
    });
    let (factor, unit_out) = match def.factor {
        Some(f) if !converted_by_article => (f, base.clone()),
        None if unit == base && !converted_by_article => (1.0, base.clone()),
        _ => {
            if let Some(c) = convert_currency(
                &figure, &unit, &base, own, rules, period, published, &mut steps,
            ) {
                return Ok(Amount {
                    value: c.value,
                    lo: c.lo,
                    hi: c.hi,
                    stated_lo: c.stated.0,
                    stated_hi: c.stated.1,
                    unit: base,
                    before_conversion: c.before,
                    figure,
                    conversion: steps,
                });
            }
            steps.push(Step::new(
                unit.clone(),
                format!("no {unit}/{base} rate for the period: kept in {unit}"),
            ));
            (1.0, unit.clone())
        }
    };
    if unit_out != unit || factor != 1.0 {
        steps.push(Step::new(
            unit.clone(),
            format!("×{factor} → {}", show_unit(&unit_out)),
        ));
    }
    Ok(Amount {
        value: figure.value * factor,
        lo: figure.lo * factor,
        hi: figure.hi * factor,
        stated_lo: figure.stated.0 * factor,
        stated_hi: figure.stated.1 * factor,
        before_conversion: None,
        unit: unit_out,
        figure,
        conversion: steps,
    })
}

/// A currency figure in the base currency: each reading's value and the stated interval.
struct Converted {
    value: f64,
    lo: f64,
    hi: f64,
    stated: (f64, f64),
    before: Option<InCurrency>,
}

/// Converts a currency figure to `base`. A figure written in another currency than the one its
/// entity reports in (`reporting`, from the rules' entities) is a conversion its article made at
/// the rate of its day: it goes back to the reporting currency at the rate of the publication's
/// month. A figure in the reporting currency, or of an entity that declares none, is converted
/// at the average rate over the claim's period: the stated figure at the average, the interval
/// the words allow widened by the spread of the rates the period covers. `None` when a rate is
/// missing.
#[allow(clippy::too_many_arguments)]
fn convert_currency(
    figure: &Figure,
    unit: &str,
    base: &str,
    reporting: Option<&String>,
    rules: &Rules,
    period: Option<&Period>,
    published: NaiveDate,
    steps: &mut Vec<Step>,
) -> Option<Converted> {
    // What the figure is worth in `from`: the reporting currency once an article's own
    // conversion is undone.
    let mut factor = 1.0;
    let mut from = unit.to_string();
    let month_rate = |currency: &str| match currency == base {
        true => Some(1.0),
        false => rules
            .fx
            .convert_at(currency, base, published)
            .map(|c| c.rate),
    };
    if let Some(reporting) = reporting.filter(|r| r.as_str() != unit) {
        if let (Some(at), Some(back)) = (month_rate(unit), month_rate(reporting)) {
            factor = back / at;
            steps.push(Step::new(
                unit,
                format!(
                    "× {factor:.4} {reporting}/{unit} at the rate of the article's month ({}) → {reporting}: the entity reports in {reporting}, so the figure is a conversion its article made",
                    YearMonth::of(published)
                ),
            ));
            from = reporting.clone();
        }
    }
    let scaled = |v: f64| v * factor;
    let before = InCurrency {
        currency: from.clone(),
        lo: scaled(figure.lo),
        hi: scaled(figure.hi),
        stated: (scaled(figure.stated.0), scaled(figure.stated.1)),
    };
    if from == base {
        return Some(Converted {
            value: scaled(figure.value),
            lo: before.lo,
            hi: before.hi,
            stated: before.stated,
            before: None,
        });
    }
    let period = period?;
    let c = rules.fx.convert(&from, base, period.start, period.end)?;
    steps.push(Step::new(from.clone(), c.explain()));
    Some(Converted {
        value: scaled(figure.value) / c.rate,
        lo: scaled(figure.lo) / c.high,
        hi: scaled(figure.hi) / c.low,
        stated: (
            scaled(figure.stated.0) / c.rate,
            scaled(figure.stated.1) / c.rate,
        ),
        before: Some(before),
    })
}

fn show_unit(unit: &str) -> &str {
    if unit.is_empty() {
        "a count"
    } else {
        unit
    }
}

/// A figure for people: `2e11 USD`, `[1.95e11, 2.05e11] USD`.
pub fn show_amount(amount: &Amount) -> String {
    let mut out = String::new();
    write_amount(&mut out, amount);
    out
}

fn write_amount(out: &mut String, amount: &Amount) {
    write_interval(out, amount.lo, amount.hi);
    if !amount.unit.is_empty() {
        out.push(' ');
        out.push_str(&amount.unit);
    }
}

/// An interval for people, with the fewest digits that tell its ends apart.
pub fn show_interval(lo: f64, hi: f64) -> String {
    let mut out = String::new();
    write_interval(&mut out, lo, hi);
    out
}

fn write_interval(out: &mut String, lo: f64, hi: f64) {
    write_number(out, lo);
    if lo != hi {
        out.push_str("..");
        write_number(out, hi);
    }
}

/// A number in engineering-friendly form: `26.25e9`, `200e9`, `4`, `0.75`.
pub fn show_number(v: f64) -> String {
    let mut out = String::new();
    write_number(&mut out, v);
    out
}

/// Writes [`show_number`]'s form into `out`, without allocating on its own.
fn write_number(out: &mut String, v: f64) {
    use std::fmt::Write;
    if !v.is_finite() {
        out.push_str(if v > 0.0 {
            "∞"
        } else if v < 0.0 {
            "-∞"
        } else {
            "NaN"
        });
        return;
    }
    if v == 0.0 {
        out.push('0');
        return;
    }
    let exp = v.abs().log10().floor() as i32;
    let start = out.len();
    if (-3..6).contains(&exp) {
        let _ = write!(out, "{v:.6}");
        trim_zeros(out, start);
        return;
    }
    let e3 = exp.div_euclid(3) * 3;
    let mantissa = v / 10f64.powi(e3);
    let _ = write!(out, "{mantissa:.4}");
    trim_zeros(out, start);
    let _ = write!(out, "e{e3}");
}

/// Drops the trailing zeros of the decimal written from `start` on, and its point if bare.
fn trim_zeros(out: &mut String, start: usize) {
    if out[start..].contains('.') {
        let kept = out.trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(kept);
    }
}

/// How a claim was read, in one line: the figure's steps and the period's.
pub fn explain(claim: &Claim, reading: &Reading) -> String {
    let mut out = String::with_capacity(192);
    out.push_str(&claim.id);
    out.push_str(": ");
    let parts_start = out.len();
    match &reading.amount {
        Some(Ok(a)) => {
            out.push_str(claim.value.as_ref().map(|v| v.text.as_str()).unwrap_or(""));
            out.push_str(": ");
            write_steps(&mut out, a.steps());
            out.push_str(" ⇒ ");
            write_amount(&mut out, a);
        }
        Some(Err(AmountProblem::Unreadable(e))) => out.push_str(e),
        Some(Err(AmountProblem::UnitMismatch { unit, .. })) => {
            out.push_str("unit ");
            out.push_str(unit);
        }
        None => {}
    }
    if out.len() > parts_start {
        out.push_str("; ");
    }
    match reading.period() {
        Ok(p) => {
            out.push_str("period ");
            out.push_str(own_period(claim).unwrap_or("(none)"));
            out.push_str(": ");
            write_steps(&mut out, &p.steps);
            out.push_str(" ⇒ ");
            out.push_str(&label(p.start, p.end));
        }
        Err(e) => out.push_str(e),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_easily() {
        assert_eq!(show_number(2e11), "200e9");
        assert_eq!(show_number(26.25e9), "26.25e9");
        assert_eq!(show_number(4.0), "4");
        assert_eq!(show_number(0.75), "0.75");
        assert_eq!(show_number(-3.0), "-3");
        assert_eq!(show_number(1e-6), "1e-6");
        assert_eq!(show_interval(1.0, 2.0), "1..2");
    }

    #[test]
    fn each_distinct_key_is_read_once_and_shared() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let reads = AtomicUsize::new(0);
        let items = [3, 1, 3, 2, 1, 3];
        let out = read_distinct(
            &items,
            |&x| x,
            |&k| {
                reads.fetch_add(1, Ordering::Relaxed);
                k * 10
            },
        );
        assert_eq!(out, [30, 10, 30, 20, 10, 30]);
        assert_eq!(reads.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn widening_keeps_sign_right() {
        let (lo, hi) = widen(-11.0, -9.0, 0.1);
        assert!(lo < -11.0 && hi > -9.0);
        assert_eq!(widen(100.0, 100.0, 0.05), (95.0, 105.0));
    }
}
