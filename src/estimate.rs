//! The best estimate of each group: the interval that the most, and most reliable, independent
//! origins support; and each origin's reliability, learned across the corpus.
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

/// How far each origin can be trusted, learned from how often it agrees with the estimates.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    pub origin: String,
    /// The weight its figures carry (1 for an origin with no contested figure).
    pub weight: f64,
    /// Its claims in groups where more than one origin speaks: how many hold the estimate.
    pub agreed: usize,
    pub disagreed: usize,
}

/// The estimates (one per group, in the groups' order) and every origin's reliability.
#[derive(Debug, Clone, Default)]
pub struct Estimates {
    pub groups: Vec<Option<Estimate>>,
    pub reliability: Vec<Reliability>,
}

/// What one group offers to the estimate: its voting claims' widened intervals and origins.
struct Ballot<'a> {
    unit: String,
    votes: Vec<(usize, f64, f64, &'a str)>,
    superseded: Vec<usize>,
}

const ITERATIONS: usize = 20;

/// Estimates every group, learning source reliability across the whole corpus.
///
/// The method is CRH truth discovery (Li et al., "Resolving conflicts in heterogeneous data by
/// truth discovery and source reliability estimation", SIGMOD 2014), adapted to intervals: start
/// with every origin weighing 1; in each group, take the point the greatest weight of distinct
/// origins supports; an origin's loss is the share of its contested claims that miss that point;
/// its weight becomes `-ln((loss + ε) / (Σ losses + ε))`, normalised to a mean of 1; repeat until
/// the weights stop moving (or twenty rounds). Groups where one origin speaks teach nothing.
pub fn estimate_all(corpus: &Corpus, rules: &Rules, reconciled: &Reconciled) -> Estimates {
    let ballots: Vec<Option<Ballot>> = reconciled
        .groups
        .iter()
        .map(|g| ballot(corpus, rules, reconciled, g))
        .collect();
    let mut weights: BTreeMap<&str, f64> = BTreeMap::new();
    for b in ballots.iter().flatten() {
        for (_, _, _, origin) in &b.votes {
            weights.insert(origin, 1.0);
        }
    }
    let mut tally = BTreeMap::new();
    for _ in 0..ITERATIONS {
        tally = agreement(&ballots, &weights);
        let losses: BTreeMap<&str, f64> = tally
            .iter()
            .map(|(o, (agreed, disagreed))| {
                (*o, *disagreed as f64 / (*agreed + *disagreed).max(1) as f64)
            })
            .collect();
        if losses.is_empty() {
            break;
        }
        let total: f64 = losses.values().sum();
        let epsilon = 0.1;
        let raw: BTreeMap<&str, f64> = losses
            .iter()
            .map(|(o, l)| {
                (
                    *o,
                    -((l + epsilon) / (total + epsilon * losses.len() as f64)).ln(),
                )
            })
            .collect();
        let mean = raw.values().sum::<f64>() / raw.len() as f64;
        let mut moved = 0.0f64;
        for (o, w) in raw {
            let new = if mean > 0.0 { w / mean } else { 1.0 };
            let old = weights.insert(o, new).unwrap_or(1.0);
            moved = moved.max((new - old).abs());
        }
        if moved < 1e-6 {
            break;
        }
    }
    let groups = ballots
        .iter()
        .map(|b| b.as_ref().and_then(|b| settle(reconciled, b, &weights)))
        .collect();
    let reliability = weights
        .iter()
        .map(|(origin, weight)| {
            let (agreed, disagreed) = tally.get(origin).copied().unwrap_or((0, 0));
            Reliability {
                origin: origin.to_string(),
                weight: *weight,
                agreed,
                disagreed,
            }
        })
        .collect();
    Estimates {
        groups,
        reliability,
    }
}

fn ballot<'a>(
    corpus: &'a Corpus,
    rules: &Rules,
    reconciled: &'a Reconciled,
    group: &Group,
) -> Option<Ballot<'a>> {
    let superseded = superseded(corpus, rules, group);
    let amounts: Vec<(usize, &Amount)> = group
        .claims
        .iter()
        .copied()
        .filter(|i| !superseded.contains(i))
        .filter_map(|i| reconciled.readings[i].amount().map(|a| (i, a)))
        .collect();
    let unit = majority(amounts.iter().map(|(_, a)| a.unit.as_str()))?.to_string();
    let votes = amounts
        .into_iter()
        .filter(|(_, a)| a.unit == unit)
        .map(|(i, a)| {
            let claim = &corpus.claims[i];
            let t = claim
                .tolerance
                .unwrap_or_else(|| rules.tolerance(&claim.metric));
            let (lo, hi) = a.widened(t);
            (i, lo, hi, corpus.source_of(claim).origin())
        })
        .collect();
    Some(Ballot {
        unit,
        votes,
        superseded,
    })
}

/// For each origin, how many of its claims in contested groups hold the weighted best point.
fn agreement<'a>(
    ballots: &[Option<Ballot<'a>>],
    weights: &BTreeMap<&str, f64>,
) -> BTreeMap<&'a str, (usize, usize)> {
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for b in ballots.iter().flatten() {
        let origins: BTreeSet<&str> = b.votes.iter().map(|v| v.3).collect();
        if origins.len() < 2 {
            continue;
        }
        let Some(point) = best_point(&b.votes, weights) else {
            continue;
        };
        for &(_, lo, hi, origin) in &b.votes {
            let entry = tally.entry(origin).or_default();
            if lo <= point && point <= hi {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    tally
}

fn settle(
    reconciled: &Reconciled,
    ballot: &Ballot,
    weights: &BTreeMap<&str, f64>,
) -> Option<Estimate> {
    let point = best_point(&ballot.votes, weights)?;
    let holds = |lo: f64, hi: f64| lo <= point && point <= hi;
    let support: Vec<usize> = ballot
        .votes
        .iter()
        .filter(|v| holds(v.1, v.2))
        .map(|v| v.0)
        .collect();
    let dissent: Vec<usize> = ballot
        .votes
        .iter()
        .filter(|v| !holds(v.1, v.2))
        .map(|v| v.0)
        .collect();
    let supporting: Vec<&Amount> = support
        .iter()
        .filter_map(|&i| reconciled.readings[i].amount())
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
    let value = values.get(values.len() / 2)?.clamp(lo, hi);
    Some(Estimate {
        value,
        lo,
        hi,
        unit: ballot.unit.clone(),
        support,
        dissent,
        superseded: ballot.superseded.clone(),
    })
}

/// The point the greatest weight of distinct origins covers (ties: more origins, then the lowest
/// point), found by a sweep over the interval ends, so that a group of n claims costs n log n.
fn best_point(votes: &[(usize, f64, f64, &str)], weights: &BTreeMap<&str, f64>) -> Option<f64> {
    let mut events: Vec<(f64, bool, &str)> = Vec::with_capacity(votes.len() * 2);
    for &(_, lo, hi, origin) in votes {
        if lo.is_nan() || hi.is_nan() {
            continue;
        }
        events.push((lo, false, origin)); // opening sorts before closing at the same value
        events.push((hi, true, origin));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut open: BTreeMap<&str, usize> = BTreeMap::new();
    let mut score = 0.0;
    let mut best: Option<(f64, usize, f64)> = None;
    for (x, closing, origin) in events {
        let weight = weights.get(origin).copied().unwrap_or(1.0);
        if closing {
            if let Some(n) = open.get_mut(origin) {
                *n -= 1;
                if *n == 0 {
                    open.remove(origin);
                    score -= weight;
                }
            }
        } else {
            let n = open.entry(origin).or_default();
            *n += 1;
            if *n == 1 {
                score += weight;
            }
            let better = best.is_none_or(|(s, count, _)| {
                score > s + 1e-12 || (score > s - 1e-12 && open.len() > count)
            });
            if better {
                best = Some((score, open.len(), x));
            }
        }
    }
    best.map(|(_, _, x)| x)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ones<'a>(origins: &[&'a str]) -> BTreeMap<&'a str, f64> {
        origins.iter().map(|o| (*o, 1.0)).collect()
    }

    #[test]
    fn the_point_most_origins_share_wins() {
        let votes = [
            (0, 1.0, 2.0, "a"),
            (1, 1.5, 3.0, "b"),
            (2, 10.0, 11.0, "c"),
            (3, 10.0, 11.0, "c"),
        ];
        let point = best_point(&votes, &ones(&["a", "b", "c"])).unwrap();
        assert!((1.5..=2.0).contains(&point), "{point}");
    }

    #[test]
    fn one_origin_relayed_twice_counts_once() {
        let votes = [
            (0, 1.0, 2.0, "ft"),
            (1, 1.0, 2.0, "ft"),
            (2, 5.0, 6.0, "wsj"),
        ];
        let point = best_point(&votes, &ones(&["ft", "wsj"])).unwrap();
        assert_eq!(point, 1.0, "ties go to the lowest point");
    }

    #[test]
    fn a_reliable_origin_outweighs_an_unreliable_one() {
        let votes = [(0, 1.0, 2.0, "good"), (1, 5.0, 6.0, "bad")];
        let weights = BTreeMap::from([("good", 1.5), ("bad", 0.5)]);
        assert_eq!(best_point(&votes, &weights), Some(1.0));
        let weights = BTreeMap::from([("good", 0.5), ("bad", 1.5)]);
        assert_eq!(best_point(&votes, &weights), Some(5.0));
    }

    #[test]
    fn nothing_to_estimate() {
        assert_eq!(best_point(&[], &BTreeMap::new()), None);
    }
}
