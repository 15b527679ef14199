//! `period-drift`: independent sources give the same figure for different periods.
//!
//! Why: the same number attached to two different years is usually one figure whose period was
//! misread somewhere — a relative period ("this year") resolved from documents of different
//! dates, a fiscal year taken for a calendar year, a Buddhist-era year taken for a Common-era one,
//! a figure to date ("so far this year") reported as a quarter's. The message says which reading
//! produced each period, so the fact-checker can tell which is off.
//! Example: "$100 billion … this year" in a 2025 article and "$100 billion … 2026" elsewhere.
//!
//! "The same figure" is asked of the numbers the words state, not of the spans approximation
//! words allow: "up to $200 billion" and "$150 billion" are different figures. A misdated figure
//! is a copy of one number, perhaps rounded: figures written in one currency must overlap within
//! their rounding ("60.9" and "60.922", not "$895 billion" and "$901 billion"); a figure converted
//! from another currency meets within the tolerance (see [`super::same_number`]), so no
//! `period-drift` is raised between stated numbers further apart than the tolerance. Compared are
//! periods of the same length (a year with a year, a fiscal year with a calendar year, a quarter
//! with a quarter), and a span to date with the periods it holds or lies in. Not compared: a
//! vague amount ("tens of billions") or a stated range wider than 10% of its figure, which meets
//! the figures of many periods without being any of them; counts at two moments (`as_of`),
//! which move from day to day; and two periods whose figures a stated growth between them
//! confirms ("+0.1%" with 55.3 million in both years).

use super::{attribution, finding, same_number, tolerance, Check, Context};
use crate::claim::Relation;
use crate::engine::{own_period, show_amount, GroupKey};
use crate::finding::{Finding, Kind};
use crate::period::{label, Period, PeriodKind};
use crate::relation::Outcome;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

pub struct PeriodDrift;

/// How wide, relative to its size, a stated figure may be and still be "the same figure" as
/// another: a range of 64-72 billion meets figures of many periods without being any of them.
const MAX_WIDTH: f64 = 0.1;

fn reading_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Absolute => "written as a date",
        PeriodKind::Relative => "a relative period, resolved against the publication date",
        PeriodKind::Fiscal => "a fiscal period, by the entity's calendar",
        PeriodKind::BuddhistEra => "a Buddhist-era year",
        PeriodKind::Deadline => "a deadline, from the publication date",
        PeriodKind::ToDate => "a span to date, up to the publication date",
    }
}

/// The first claim of each distinct (origin, interval, unit, own tolerance) in a group: two
/// claims alike in all of these match the same claims, so only the first needs comparing, and
/// the first matching pair is the same. A group of thousands of copies of one figure is then one.
fn distinct(cx: &Context, origins: &[u32], claims: &[usize]) -> Vec<usize> {
    let mut seen = HashSet::with_hasher(foldhash::fast::RandomState::default());
    claims
        .iter()
        .copied()
        .filter(|&i| {
            let amount = cx.reconciled.readings[i].amount();
            seen.insert((
                origins[cx.corpus.claims[i].source],
                amount.map(|a| {
                    (
                        a.stated_lo.to_bits(),
                        a.stated_hi.to_bits(),
                        a.unit.as_str(),
                    )
                }),
                cx.corpus.claims[i].tolerance.map(f64::to_bits),
            ))
        })
        .collect()
}

/// A number for each source's origin, by source index: comparing numbers is cheaper than
/// comparing names, and a million claims are compared.
fn origin_ids(cx: &Context) -> Vec<u32> {
    let mut ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    cx.corpus
        .sources
        .iter()
        .map(|source| {
            let next = ids.len() as u32;
            *ids.entry(source.origin()).or_insert(next)
        })
        .collect()
}

/// A group's distinct claims, with their stated intervals widened by twice the bucket's widest
/// tolerance (a bound on what [`same_number`] accepts) and sorted, so that the claims that can match a given one are found by a binary search rather
/// than by comparing with every claim.
struct Members {
    /// In corpus order: the first match is the first in this order.
    claims: Vec<usize>,
    /// (low, high, position in `claims`), by low end.
    by_low: Vec<(f64, f64, usize)>,
    /// The widest of the widened intervals.
    widest_interval: f64,
    /// Positions of the claims whose interval is not finite: always compared.
    odd: Vec<usize>,
}

impl Members {
    fn new(cx: &Context, claims: Vec<usize>, widest: f64) -> Members {
        let (mut by_low, mut odd) = (Vec::new(), Vec::new());
        for (position, &i) in claims.iter().enumerate() {
            let Some(amount) = cx.reconciled.readings[i].amount() else {
                continue;
            };
            let (lo, hi) = stated_widened(amount, widest);
            if lo.is_finite() && hi.is_finite() && lo <= hi {
                by_low.push((lo, hi, position));
            } else {
                odd.push(position);
            }
        }
        by_low.sort_by(|a, b| a.0.total_cmp(&b.0));
        let widest_interval = by_low.iter().map(|(lo, hi, _)| hi - lo).fold(0.0, f64::max);
        Members {
            claims,
            by_low,
            widest_interval,
            odd,
        }
    }

    /// The first of these claims (in corpus order) that `matches` claim `x`. Two claims match only
    /// if their intervals, widened by at most `widest`, meet; so only the claims whose low end
    /// lies within one interval's width below `x`'s need the full comparison.
    fn first_match(
        &self,
        cx: &Context,
        x: usize,
        widest: f64,
        matches: &impl Fn(usize, usize) -> bool,
    ) -> Option<usize> {
        let amount = cx.reconciled.readings[x].amount()?;
        let (lo, hi) = stated_widened(amount, widest);
        let first = if lo.is_finite() && hi.is_finite() {
            // A little more than the widest interval: its width was rounded when computed.
            let margin = self.widest_interval * 1.001 + lo.abs() * 1e-9;
            let from = self.by_low.partition_point(|c| c.0 < lo - margin);
            self.by_low[from..]
                .iter()
                .take_while(|c| c.0 <= hi)
                .filter(|c| c.1 >= lo)
                .map(|c| c.2)
                .chain(self.odd.iter().copied())
                .filter(|&p| matches(x, self.claims[p]))
                .min()
        } else {
            (0..self.claims.len()).find(|&p| matches(x, self.claims[p]))
        };
        first.map(|p| self.claims[p])
    }
}

fn stated_widened(amount: &crate::engine::Amount, tolerance: f64) -> (f64, f64) {
    crate::engine::widen(amount.stated_lo, amount.stated_hi, 2.0 * tolerance)
}

/// Whether figures for two periods are compared: periods of the same length, or a span to date
/// with a period it holds or lies in.
fn comparable(a: &GroupKey, b: &GroupKey) -> bool {
    let length = |k: &GroupKey| (k.end - k.start).num_days();
    let nested = |x: &GroupKey, y: &GroupKey| x.start <= y.start && y.end <= x.end;
    (length(a) - length(b)).abs() <= 3 || nested(a, b) || nested(b, a)
}

/// What the fact-checker should look at, when the two readings are of different kinds: a fiscal
/// year against a calendar year, a span to date against a quarter or a year.
fn why(x: &Period, y: &Period) -> Option<String> {
    // The one of the two read as `kind` first, if only one is.
    let one = |kind: PeriodKind| match (x.kind == kind, y.kind == kind) {
        (true, false) => Some((x, y)),
        (false, true) => Some((y, x)),
        _ => None,
    };
    if let Some((fiscal, calendar)) = one(PeriodKind::Fiscal).filter(|(f, c)| f.start != c.start) {
        return Some(format!(
            "a fiscal period ({}) and a calendar one ({}): the figure may be the fiscal year's reported as the calendar year's, or the other way round",
            label(fiscal.start, fiscal.end),
            label(calendar.start, calendar.end)
        ));
    }
    let (to_date, other) = one(PeriodKind::ToDate)?;
    Some(format!(
        "a figure to date ({}) and one for {}: a running total reported as the period's figure, or the other way round",
        label(to_date.start, to_date.end),
        label(other.start, other.end)
    ))
}

/// The periods of one entity and metric whose figures a stated growth between them confirms:
/// "+0.1% on 2024" with 55.3 million in both years says the two years really had the same
/// figure, so that figure is not misdated. Keyed by entity, counterparty, metric and the two
/// spans (earlier first), whatever family the figures were taken from.
fn confirmed_pairs<'a>(cx: &Context<'a, '_>) -> HashSet<Span<'a>> {
    let groups = &cx.reconciled.groups;
    let mut group_of = vec![usize::MAX; cx.corpus.claims.len()];
    for (g, group) in groups.iter().enumerate() {
        for &i in &group.claims {
            group_of[i] = g;
        }
    }
    cx.relations
        .iter()
        .filter(|e| e.outcome == Outcome::Holds)
        .filter(|e| {
            matches!(
                cx.corpus.claims[e.claim].relation.as_deref(),
                Some(Relation::Growth { .. })
            )
        })
        .filter_map(|e| match e.used.as_slice() {
            [from, to] => {
                let a = &groups.get(group_of[*from.first()?])?.key;
                let b = &groups.get(group_of[*to.first()?])?.key;
                Some(span(a, b))
            }
            _ => None,
        })
        .collect()
}

/// Two groups' entity, counterparty, metric and spans, the earlier span first.
type Span<'a> = (
    &'a str,
    Option<&'a str>,
    &'a str,
    (NaiveDate, NaiveDate),
    (NaiveDate, NaiveDate),
);

fn span<'a>(a: &'a GroupKey, b: &'a GroupKey) -> Span<'a> {
    let (x, y) = ((a.start, a.end), (b.start, b.end));
    (
        &a.entity,
        a.counterparty.as_deref(),
        &a.metric,
        x.min(y),
        x.max(y),
    )
}

impl Check for PeriodDrift {
    fn kind(&self) -> Kind {
        Kind::PeriodDrift
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let groups = &cx.reconciled.groups;
        let origins = origin_ids(cx);
        // The dated groups of one entity, counterparty, metric and family, side by side; the
        // groups are sorted by key, so a stable sort keeps each bucket's periods in order.
        let bucket = |g: usize| {
            let k = &groups[g].key;
            (&k.entity, &k.counterparty, &k.metric, k.family)
        };
        let mut order: Vec<usize> = (0..groups.len())
            .filter(|&g| !groups[g].key.is_undated())
            .collect();
        order.sort_by(|&a, &b| bucket(a).cmp(&bucket(b)));
        let buckets: Vec<&[usize]> = order.chunk_by(|&a, &b| bucket(a) == bucket(b)).collect();
        let confirmed = confirmed_pairs(cx);
        let readings = &cx.reconciled.readings;
        buckets
            .par_iter()
            .filter(|keys| keys.len() > 1)
            .flat_map_iter(|keys| {
                let widest = keys
                    .iter()
                    .flat_map(|&g| &groups[g].claims)
                    .map(|&i| tolerance(cx, i, i))
                    .fold(0.0, f64::max);
                let members: Vec<Members> = keys
                    .iter()
                    .map(|&g| Members::new(cx, distinct(cx, &origins, &groups[g].claims), widest))
                    .collect();
                // Periods of different lengths are compared only through a span to date.
                let same_length_or_to_date = |x: usize, y: usize| {
                    let (Ok(px), Ok(py)) = (readings[x].period(), readings[y].period()) else {
                        return false;
                    };
                    let length = |p: &Period| (p.end - p.start).num_days();
                    (length(px) - length(py)).abs() <= 3
                        || px.kind == PeriodKind::ToDate
                        || py.kind == PeriodKind::ToDate
                };
                let matches = |x: usize, y: usize| {
                    let (Some(ax), Some(by)) = (readings[x].amount(), readings[y].amount()) else {
                        return false;
                    };
                    let origin = |i: usize| origins[cx.corpus.claims[i].source];
                    let moments = readings[x].moment && readings[y].moment;
                    ax.states_a_number(MAX_WIDTH)
                        && by.states_a_number(MAX_WIDTH)
                        && same_number(ax, by, tolerance(cx, x, y))
                        && origin(x) != origin(y)
                        && !moments
                        && same_length_or_to_date(x, y)
                };
                let mut out = Vec::new();
                for (n, &ga) in keys.iter().enumerate() {
                    for (m, &gb) in keys.iter().enumerate().skip(n + 1) {
                        let (a, b) = (&groups[ga].key, &groups[gb].key);
                        if !comparable(a, b) || confirmed.contains(&span(a, b)) {
                            continue;
                        }
                        // One finding per pair of periods: the first pair of claims that match.
                        let pair = members[n].claims.iter().find_map(|&x| {
                            let y = members[m].first_match(cx, x, widest, &matches)?;
                            Some((x, y))
                        });
                        let Some((x, y)) = pair else { continue };
                        let claims = [x, y];
                        let describe = |i: usize| {
                            let p = readings[i].period().ok();
                            let written = own_period(&cx.corpus.claims[i]).unwrap_or("");
                            match p {
                                Some(p) => format!(
                                    "{} for {} (`{written}`: {})",
                                    readings[i].amount().map(show_amount).unwrap_or_default(),
                                    label(p.start, p.end),
                                    reading_name(p.kind)
                                ),
                                None => String::new(),
                            }
                        };
                        let note = match (readings[x].period(), readings[y].period()) {
                            (Ok(px), Ok(py)) => why(px, py).map(|w| format!("; {w}")),
                            _ => None,
                        };
                        let message = format!(
                            "{} {}: the same figure for two periods: {} from {}, and {} from {} (the same number as stated; tolerance {}% across currencies){}",
                            a.entity_label(),
                            a.metric,
                            describe(x),
                            attribution(cx, x),
                            describe(y),
                            attribution(cx, y),
                            tolerance(cx, x, y) * 100.0,
                            note.unwrap_or_default(),
                        );
                        out.push(finding(cx, self.kind(), &claims, message));
                    }
                }
                out
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{file, run};

    #[test]
    fn this_year_from_two_years() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("relative"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_wide_approximation_is_no_figure_of_a_period() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: about $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $104 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&PeriodDrift, &files, &[]).is_empty());
        let exact = a.replace("about $100 billion", "$104 billion");
        let files = [
            ("claims/a.yaml", exact.as_str()),
            ("claims/b.yaml", b.as_str()),
        ];
        assert_eq!(run(&PeriodDrift, &files, &[]).len(), 1);
    }

    #[test]
    fn the_first_matching_claim_in_corpus_order_is_named() {
        // Sorted by value the candidates run 99.8, 100, 100.2; the finding still names the first
        // one in corpus order that matches (100.2), skipping the same origin's own 100.
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: this year, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &[
            "{id: far, entity: Amazon, metric: capex, period: this year, status: plan, value: $150 billion}",
            "{id: near, entity: Amazon, metric: capex, period: this year, status: plan, value: $100.2 billion}",
            "{id: nearer, entity: Amazon, metric: capex, period: this year, status: plan, value: $99.8 billion}",
        ]);
        let c = file("Daily", "2026-03-01", None, &["{id: same, entity: Amazon, metric: capex, period: 2026, status: plan, value: $100 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[
                ("claims/a.yaml", &a),
                ("claims/c.yaml", &c),
                ("claims/b.yaml", &b),
            ],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].claims, ["a", "near"]);
    }

    #[test]
    fn different_figures_for_different_years_are_no_drift() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: $100 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $200 billion}"]);
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn up_to_a_number_is_not_the_same_figure_as_a_lower_one() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: plan, value: up to $200 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: plan, value: $150 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&PeriodDrift, &files, &[]).is_empty());
        let same = b.replace("$150 billion", "$200 billion");
        let files = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", same.as_str()),
        ];
        assert_eq!(
            run(&PeriodDrift, &files, &[]).len(),
            1,
            "up to 200 states 200"
        );
    }

    #[test]
    fn another_number_in_the_same_currency_is_no_drift() {
        // Written in one currency, a copy keeps its number (perhaps rounded); 1.5% apart is
        // another number. Converted from another currency, the tolerance covers the rates.
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: 2025, status: actual, value: $100.0 billion}"]);
        let b = file("Weekly", "2026-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2026, status: actual, value: $101.5 billion}"]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&PeriodDrift, &files, &[]).is_empty());
        let rounded = b.replace("$101.5 billion", "$100.04 billion");
        let files = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", rounded.as_str()),
        ];
        assert_eq!(run(&PeriodDrift, &files, &[]).len(), 1);
        let touching = b.replace("$101.5 billion", "$100.1 billion");
        let files = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", touching.as_str()),
        ];
        assert!(
            run(&PeriodDrift, &files, &[]).is_empty(),
            "100.0 and 100.1 only touch"
        );
    }

    #[test]
    fn a_fiscal_year_reported_as_the_calendar_year_names_both_readings() {
        let a = file("Daily", "2025-08-01", None, &["{id: fy, entity: Microsoft, metric: capex, period: fiscal 2025, status: actual, value: $88 billion}"]);
        let b = file("Weekly", "2025-08-05", None, &["{id: cy, entity: Microsoft, metric: capex, period: 2025, status: actual, value: $88 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        let m = &findings[0].message;
        assert!(
            m.contains("a fiscal period (2024-07-01..2025-06-30) and a calendar one (2025)"),
            "{m}"
        );
    }

    #[test]
    fn a_figure_to_date_reported_as_a_quarter() {
        let a = file("Daily", "2025-07-20", None, &["{id: ytd, entity: Amazon, metric: capex, period: so far this year, status: actual, value: $40 billion}"]);
        let b = file("Weekly", "2025-08-01", None, &["{id: q2, entity: Amazon, metric: capex, period: Q2 2025, status: actual, value: $40 billion}"]);
        let findings = run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[],
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0]
                .message
                .contains("a figure to date (2025-01-01..2025-07-20)"),
            "{}",
            findings[0].message
        );
        let other = b.replace("$40 billion", "$25 billion");
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &other)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn a_growth_that_holds_confirms_the_same_figure_in_two_years() {
        let a = file("Daily", "2025-09-05", None, &["{id: y24, entity: Amazon, metric: capex, period: 2024, status: actual, value: $55.3 billion}"]);
        let b = file("Weekly", "2026-01-14", None, &[
            "{id: y25, entity: Amazon, metric: capex, period: last year, status: actual, value: $55.3 billion}",
            "{id: grew, entity: Amazon, metric: capex, period: last year, status: actual, growth: {from: 2024, factor: 1.001}}",
        ]);
        let files = [("claims/a.yaml", a.as_str()), ("claims/b.yaml", b.as_str())];
        assert!(run(&PeriodDrift, &files, &[]).is_empty());
        let without = b.replace("factor: 1.001", "factor: 1.5");
        let files = [
            ("claims/a.yaml", a.as_str()),
            ("claims/b.yaml", without.as_str()),
        ];
        assert_eq!(
            run(&PeriodDrift, &files, &[]).len(),
            1,
            "a growth that fails confirms nothing"
        );
    }

    #[test]
    fn counts_at_two_moments_are_no_drift() {
        let a = file("Daily", "2025-03-01", None, &["{id: a, entity: Amazon, metric: deal_value, as_of: 2025-03-01, status: actual, value: $10 billion}"]);
        let b = file("Weekly", "2025-03-02", None, &["{id: b, entity: Amazon, metric: deal_value, as_of: 2025-03-02, status: actual, value: $10 billion}"]);
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }

    #[test]
    fn a_quarter_and_a_year_are_not_compared() {
        let a = file("Daily", "2025-02-07", None, &["{id: a, entity: Amazon, metric: capex, period: Q4 2024, status: actual, value: $26.3 billion}"]);
        let b = file("Weekly", "2025-02-10", None, &["{id: b, entity: Amazon, metric: capex, period: 2023, status: actual, value: $26.3 billion}"]);
        assert!(run(
            &PeriodDrift,
            &[("claims/a.yaml", &a), ("claims/b.yaml", &b)],
            &[]
        )
        .is_empty());
    }
}
