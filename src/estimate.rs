//! The best estimate of each group: the interval that the most, and most reliable, independent
//! origins support; and each origin's reliability, learned across the corpus.
//!
//! Each origin (the `via`, else the publisher) counts once, however many articles relay it. For
//! expected figures, claims superseded by a newer figure of the same author (at least the
//! revision gap later, see [`crate::chain`]) do not vote. A claim votes for the figure it states
//! (not the span an approximation word allows); the supporting claims' stated intervals, widened
//! by tolerance, must share a point; the estimate is the intersection of their unwidened stated
//! intervals (or that point, if they only meet through tolerance), centred on the median
//! supporting value.

use crate::chain;
use crate::claim::Corpus;
use crate::engine::{widen, Amount, Group, Reconciled};
use crate::rules::Rules;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Claims that do not vote: superseded by a newer figure of the same author, each with the
    /// claim that replaced it (see [`crate::chain`]).
    pub superseded: Vec<(usize, usize)>,
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

/// What one group offers to the estimate: its voting claims' widened intervals and origins
/// (indices into the sorted list of origins).
struct Ballot {
    unit: String,
    votes: Vec<Vote>,
    superseded: Vec<(usize, usize)>,
    /// Whether more than one origin votes: only such groups teach anything about reliability.
    contested: bool,
    /// The votes' interval ends in sweep order; the order does not depend on the weights, so it is
    /// sorted once rather than in every round.
    events: Vec<Event>,
}

/// A claim (index), its widened interval and its origin (index).
type Vote = (usize, f64, f64, usize);

/// An interval end: the value, whether it closes the interval, and the origin (index).
type Event = (f64, bool, usize);

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
    let origins: Vec<&str> = corpus
        .sources
        .iter()
        .map(|s| s.origin())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let origin_of_source: Vec<usize> = corpus
        .sources
        .iter()
        .map(|s| origins.binary_search(&s.origin()).unwrap_or_default())
        .collect();
    let ballots: Vec<Option<Ballot>> = reconciled
        .groups
        .par_iter()
        .map(|g| ballot(corpus, rules, reconciled, g, &origin_of_source))
        .collect();
    let mut voted = vec![false; origins.len()];
    for b in ballots.iter().flatten() {
        for v in &b.votes {
            voted[v.3] = true;
        }
    }
    let mut weights = vec![1.0; origins.len()];
    let mut tally = vec![(0, 0); origins.len()];
    for _ in 0..ITERATIONS {
        tally = agreement(&ballots, &weights);
        let losses: Vec<(usize, f64)> = tally
            .iter()
            .enumerate()
            .filter(|(_, (agreed, disagreed))| agreed + disagreed > 0)
            .map(|(o, (agreed, disagreed))| (o, *disagreed as f64 / (agreed + disagreed) as f64))
            .collect();
        if losses.is_empty() {
            break;
        }
        let total: f64 = losses.iter().map(|(_, l)| l).sum();
        let epsilon = 0.1;
        let raw: Vec<(usize, f64)> = losses
            .iter()
            .map(|&(o, l)| {
                (
                    o,
                    -((l + epsilon) / (total + epsilon * losses.len() as f64)).ln(),
                )
            })
            .collect();
        let mean = raw.iter().map(|(_, w)| w).sum::<f64>() / raw.len() as f64;
        let mut moved = 0.0f64;
        for (o, w) in raw {
            let new = if mean > 0.0 { w / mean } else { 1.0 };
            moved = moved.max((new - weights[o]).abs());
            weights[o] = new;
        }
        if moved < 1e-6 {
            break;
        }
    }
    let groups = ballots
        .par_iter()
        .map(|b| b.as_ref().and_then(|b| settle(reconciled, b, &weights)))
        .collect();
    let reliability = origins
        .iter()
        .enumerate()
        .filter(|&(o, _)| voted[o])
        .map(|(o, origin)| {
            let (agreed, disagreed) = tally[o];
            Reliability {
                origin: origin.to_string(),
                weight: weights[o],
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

fn ballot(
    corpus: &Corpus,
    rules: &Rules,
    reconciled: &Reconciled,
    group: &Group,
    origin_of_source: &[usize],
) -> Option<Ballot> {
    let superseded = chain::superseded(corpus, group, rules.policy.revision_gap_days);
    let amounts: Vec<(usize, &Amount)> = group
        .claims
        .iter()
        .copied()
        .filter(|i| superseded.binary_search_by_key(i, |s| s.0).is_err())
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
            // A figure votes for what it states: "up to $200 billion" for 200 billion, not for
            // everything down to zero.
            // Half the tolerance on each side: two votes meet when their figures are no further
            // apart than the tolerance, as `check::disagree` judges them.
            let (lo, hi) = widen(a.stated_lo, a.stated_hi, t / 2.0);
            (i, lo, hi, origin_of_source[claim.source])
        })
        .collect::<Vec<Vote>>();
    let contested = votes.iter().any(|v| v.3 != votes[0].3);
    Some(Ballot {
        unit,
        events: sweep_events(&votes),
        votes,
        superseded,
        contested,
    })
}

/// Ballots counted into one tally before tallies are summed.
const BALLOTS_PER_TALLY: usize = 4096;

/// For each origin (index), how many of its claims in contested groups hold the weighted best
/// point, and how many miss it.
fn agreement(ballots: &[Option<Ballot>], weights: &[f64]) -> Vec<(usize, usize)> {
    let tallies = |mut tally: Vec<(usize, usize)>, b: &Ballot| {
        let point = b
            .contested
            .then(|| best_point(&b.events, weights))
            .flatten();
        if let Some(point) = point {
            for &(_, lo, hi, origin) in &b.votes {
                if lo <= point && point <= hi {
                    tally[origin].0 += 1;
                } else {
                    tally[origin].1 += 1;
                }
            }
        }
        tally
    };
    // In chunks: a tally per origin is zeroed for each chunk, not for each of rayon's pieces.
    ballots
        .par_chunks(BALLOTS_PER_TALLY)
        .map(|chunk| {
            chunk
                .iter()
                .flatten()
                .fold(vec![(0, 0); weights.len()], tallies)
        })
        .reduce(
            || vec![(0, 0); weights.len()],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    x.0 += y.0;
                    x.1 += y.1;
                }
                a
            },
        )
}

fn settle(reconciled: &Reconciled, ballot: &Ballot, weights: &[f64]) -> Option<Estimate> {
    let point = best_point(&ballot.events, weights)?;
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
        .map(|a| a.stated_lo)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut hi = supporting
        .iter()
        .map(|a| a.stated_hi)
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

/// The ends of the votes' intervals, sorted for [`best_point`]'s sweep: n log n for n votes.
fn sweep_events(votes: &[Vote]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::with_capacity(votes.len() * 2);
    for &(_, lo, hi, origin) in votes {
        if lo.is_nan() || hi.is_nan() {
            continue;
        }
        events.push((lo, false, origin)); // opening sorts before closing at the same value
        events.push((hi, true, origin));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    events
}

/// The point the greatest weight of distinct origins covers (ties: more origins, then the lowest
/// point), found by a sweep over the interval ends (from [`sweep_events`]).
fn best_point(events: &[Event], weights: &[f64]) -> Option<f64> {
    let mut open: HashMap<usize, usize, foldhash::fast::RandomState> = HashMap::default();
    let mut score = 0.0;
    let mut best: Option<(f64, usize, f64)> = None;
    for &(x, closing, origin) in events {
        let weight = weights[origin];
        if closing {
            if let Some(n) = open.get_mut(&origin) {
                *n -= 1;
                if *n == 0 {
                    open.remove(&origin);
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

    // Origins are indices: 0 = a / ft / good, 1 = b / wsj / bad, 2 = c.

    #[test]
    fn the_point_most_origins_share_wins() {
        let votes = [
            (0, 1.0, 2.0, 0),
            (1, 1.5, 3.0, 1),
            (2, 10.0, 11.0, 2),
            (3, 10.0, 11.0, 2),
        ];
        let point = best_point(&sweep_events(&votes), &[1.0; 3]).unwrap();
        assert!((1.5..=2.0).contains(&point), "{point}");
    }

    #[test]
    fn one_origin_relayed_twice_counts_once() {
        let votes = [(0, 1.0, 2.0, 0), (1, 1.0, 2.0, 0), (2, 5.0, 6.0, 1)];
        let point = best_point(&sweep_events(&votes), &[1.0; 2]).unwrap();
        assert_eq!(point, 1.0, "ties go to the lowest point");
    }

    #[test]
    fn a_reliable_origin_outweighs_an_unreliable_one() {
        let votes = [(0, 1.0, 2.0, 0), (1, 5.0, 6.0, 1)];
        assert_eq!(best_point(&sweep_events(&votes), &[1.5, 0.5]), Some(1.0));
        assert_eq!(best_point(&sweep_events(&votes), &[0.5, 1.5]), Some(5.0));
    }

    #[test]
    fn nothing_to_estimate() {
        assert_eq!(best_point(&sweep_events(&[]), &[]), None);
    }
}
