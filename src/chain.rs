//! Revision chains: who stands behind an expected figure, and which of a group's expected figures
//! a newer one of the same author replaced.
//!
//! A plan, a target or a commitment is the entity's own: every report of it, whoever relays it,
//! belongs to one chain. A forecast whose document names its forecaster (`via`) is that
//! forecaster's: the IMF's and the World Bank's forecasts for one year are two chains, and one
//! does not revise the other. Forecasts that name none join the entity's chain. A chain is ordered by publication; a figure published at least the
//! revision gap before the chain's newest is superseded by it.

use crate::claim::{Corpus, Family, Status};
use crate::engine::Group;

/// Who stands behind claim `i`'s expected figure: the forecaster a forecast names (`via`), else
/// `None`: the entity itself (a plan, a target, a commitment), or a forecaster the document does
/// not name, taken to be the same one as the group's other unnamed forecasts.
pub fn author(corpus: &Corpus, i: usize) -> Option<&str> {
    let claim = &corpus.claims[i];
    let source = corpus.source_of(claim);
    source
        .via
        .as_deref()
        .filter(|_| claim.status == Some(Status::Forecast))
}

/// The chains of an expected group: its claims split by author, each in publication order (ties
/// by corpus order). A group of figures that happened has no chain.
pub fn chains(corpus: &Corpus, group: &Group) -> Vec<Vec<usize>> {
    if group.key.family != Family::Expected {
        return Vec::new();
    }
    let mut by_author: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for &i in &group.claims {
        let who = author(corpus, i);
        match by_author.iter_mut().find(|(a, _)| *a == who) {
            Some((_, claims)) => claims.push(i),
            None => by_author.push((who, vec![i])),
        }
    }
    let published = |i: usize| corpus.source_of(&corpus.claims[i]).published.span();
    by_author
        .into_iter()
        .map(|(_, mut claims)| {
            claims.sort_by_key(|&i| (published(i), i));
            claims
        })
        .collect()
}

/// The claims of a group that a newer figure of the same author replaced, each with the claim
/// that replaced it (the chain's newest): published at least `gap_days` before it.
pub fn superseded(corpus: &Corpus, group: &Group, gap_days: i64) -> Vec<(usize, usize)> {
    let published = |i: usize| corpus.source_of(&corpus.claims[i]).published.span();
    let mut out = Vec::new();
    for chain in chains(corpus, group) {
        let Some(&newest) = chain.last() else {
            continue;
        };
        let newest_start = published(newest).0;
        out.extend(
            chain
                .iter()
                .filter(|&&i| (newest_start - published(i).1).num_days() >= gap_days)
                .map(|&i| (i, newest)),
        );
    }
    out.sort_unstable();
    out
}
