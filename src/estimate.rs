//! The best estimate of each group: the interval that the most independent origins support.
//!
//! Each origin (the `via`, else the publisher) counts once, however many articles relay it. For
//! expected figures, claims superseded by a newer document (at least the revision gap later) do
//! not vote. The supporting claims' intervals, widened by tolerance, must share a point; the
//! estimate is the intersection of their unwidened intervals (or that point, if they only meet
//! through tolerance), centred on the median supporting value.

use crate::claim::{Corpus, Family};
use crate::engine::{Amount, Group, Reconciled};
use crate::rules::Rules;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    pub unit: String,
    /// Claims (indices) whose figures hold the estimate.
    pub support: Vec<usize>,
    /// Claims that vote against it.
    pub dissent: Vec<usize>,
    /// Claims that do not vote: superseded by newer documents.
    pub superseded: Vec<usize>,
}

/// One estimate per group, in the groups' order; `None` where no figure could vote.
pub fn estimate_all(
    corpus: &Corpus,
    rules: &Rules,
    reconciled: &Reconciled,
) -> Vec<Option<Estimate>> {
    reconciled
        .groups
        .iter()
        .map(|g| estimate(corpus, rules, reconciled, g))
        .collect()
}

fn estimate(
    corpus: &Corpus,
    rules: &Rules,
    reconciled: &Reconciled,
    group: &Group,
) -> Option<Estimate> {
    let superseded = superseded(corpus, rules, group);
    let voters: Vec<usize> = group
        .claims
        .iter()
        .copied()
        .filter(|i| !superseded.contains(i))
        .collect();
    let amounts: Vec<(usize, &Amount)> = voters
        .iter()
        .filter_map(|&i| reconciled.readings[i].amount().map(|a| (i, a)))
        .collect();
    let unit = majority(amounts.iter().map(|(_, a)| a.unit.as_str()))?.to_string();
    let amounts: Vec<(usize, &Amount)> = amounts
        .into_iter()
        .filter(|(_, a)| a.unit == unit)
        .collect();
    let origin = |i: usize| corpus.source_of(&corpus.claims[i]).origin();
    let widened: Vec<(usize, f64, f64)> = amounts
        .iter()
        .map(|(i, a)| {
            let claim = &corpus.claims[*i];
            let t = claim
                .tolerance
                .unwrap_or_else(|| rules.tolerance(&claim.metric));
            let (lo, hi) = a.widened(t);
            (*i, lo, hi)
        })
        .collect();
    let point = best_point(&widened, origin)?;
    let support: Vec<usize> = widened
        .iter()
        .filter(|(_, lo, hi)| *lo <= point && point <= *hi)
        .map(|(i, _, _)| *i)
        .collect();
    let dissent: Vec<usize> = widened
        .iter()
        .map(|(i, _, _)| *i)
        .filter(|i| !support.contains(i))
        .collect();
    let supporting: Vec<&Amount> = amounts
        .iter()
        .filter(|(i, _)| support.contains(i))
        .map(|(_, a)| *a)
        .collect();
    let mut lo = supporting
        .iter()
        .map(|a| a.lo)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut hi = supporting
        .iter()
        .map(|a| a.hi)
        .fold(f64::INFINITY, f64::min);
    if lo > hi {
        (lo, hi) = (point, point);
    }
    let mut values: Vec<f64> = supporting.iter().map(|a| a.value).collect();
    values.sort_by(f64::total_cmp);
    let value = values[values.len() / 2].clamp(lo, hi);
    Some(Estimate {
        value,
        lo,
        hi,
        unit,
        support,
        dissent,
        superseded,
    })
}

/// The point covered by the most distinct origins (ties: the lowest such point), found by a sweep
/// over the interval ends, so that a group of n claims costs n log n.
fn best_point<'a>(
    intervals: &[(usize, f64, f64)],
    origin: impl Fn(usize) -> &'a str,
) -> Option<f64> {
    let mut events: Vec<(f64, bool, usize)> = Vec::with_capacity(intervals.len() * 2);
    for &(i, lo, hi) in intervals {
        if lo.is_nan() || hi.is_nan() {
            continue;
        }
        events.push((lo, false, i)); // opening sorts before closing at the same value
        events.push((hi, true, i));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut open: BTreeMap<&str, usize> = BTreeMap::new();
    let mut best: Option<(usize, f64)> = None;
    for (x, closing, i) in events {
        let o = origin(i);
        if closing {
            if let Some(n) = open.get_mut(o) {
                *n -= 1;
                if *n == 0 {
                    open.remove(o);
                }
            }
        } else {
            *open.entry(o).or_default() += 1;
            if best.is_none_or(|(count, _)| open.len() > count) {
                best = Some((open.len(), x));
            }
        }
    }
    best.map(|(_, x)| x)
}

/// Expected figures from documents older than the newest by at least the revision gap.
fn superseded(corpus: &Corpus, rules: &Rules, group: &Group) -> Vec<usize> {
    if group.key.family != Family::Expected {
        return Vec::new();
    }
    let published = |i: usize| corpus.source_of(&corpus.claims[i]).published.span();
    let Some(newest) = group.claims.iter().map(|&i| published(i).0).max() else {
        return Vec::new();
    };
    group
        .claims
        .iter()
        .copied()
        .filter(|&i| (newest - published(i).1).num_days() >= rules.policy.revision_gap_days)
        .collect()
}

fn majority<'a>(units: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for u in units {
        *counts.entry(u).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(u, n)| (*n, std::cmp::Reverse(*u)))
        .map(|(u, _)| u)
}

/// The distinct origins among some claims.
pub fn origins<'a>(corpus: &'a Corpus, claims: &[usize]) -> BTreeSet<&'a str> {
    claims
        .iter()
        .map(|&i| corpus.source_of(&corpus.claims[i]).origin())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_point_most_origins_share_wins() {
        let origins = ["a", "b", "c", "c"];
        let intervals = [
            (0, 1.0, 2.0),
            (1, 1.5, 3.0),
            (2, 10.0, 11.0),
            (3, 10.0, 11.0),
        ];
        let point = best_point(&intervals, |i| origins[i]).unwrap();
        assert!((1.5..=2.0).contains(&point), "{point}");
    }

    #[test]
    fn one_origin_relayed_twice_counts_once() {
        let origins = ["ft", "ft", "wsj"];
        let intervals = [(0, 1.0, 2.0), (1, 1.0, 2.0), (2, 5.0, 6.0)];
        let point = best_point(&intervals, |i| origins[i]).unwrap();
        assert_eq!(point, 1.0, "ties go to the lowest point");
    }

    #[test]
    fn nothing_to_estimate() {
        assert_eq!(best_point(&[], |_| "x"), None);
    }
}
