//! The report: findings, consistency tables, relations, best estimates and source reliability as
//! one data structure. Every output format (`render/`) is built from [`Report`].

use crate::check::{run_all, Context};
use crate::claim::{Corpus, Family, Relation};
use crate::engine::reconcile;
use crate::engine::show_amount;
use crate::estimate::estimate_all;
use crate::finding::{Finding, Kind, Severity};
use crate::relation::evaluate_all;
use crate::rules::Rules;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Consistent,
    Contradiction,
    Revised,
    Drift,
    SingleSource,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Contradiction => "contradiction",
            Verdict::Revised => "revised",
            Verdict::Drift => "drift",
            Verdict::SingleSource => "single-source",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub start: String,
    pub end: String,
}

/// The figure the evidence supports best in a group.
#[derive(Debug, Clone, Serialize)]
pub struct Best {
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    pub unit: String,
    pub support: Vec<String>,
    pub dissent: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub entity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
    pub metric: String,
    pub period: Span,
    pub period_label: String,
    pub family: Family,
    pub verdict: Verdict,
    pub claims: Vec<String>,
    pub best: Option<Best>,
}

/// One line of a consistency table: a claim as reported and as read.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub claim: String,
    pub period: String,
    pub source: String,
    pub figure: String,
    pub normalised: String,
    pub status: String,
    pub verdict: String,
    /// The same, as data for charts: the period read (inclusive dates; none if unreadable or
    /// undated), the interval and unit (none for a relation or an unreadable value).
    pub start: Option<String>,
    pub end: Option<String>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub quote: Option<String>,
    /// How the figure and period were read, step by step.
    pub reading: String,
    /// Where the claim stands: `claims/x.yaml:12:9`.
    pub location: String,
    /// The document's original reporter (`via`, else the publisher), language, title and address.
    pub origin: String,
    pub lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The rows for one entity and metric.
#[derive(Debug, Clone, Serialize)]
pub struct TableReport {
    pub entity: String,
    pub metric: String,
    pub rows: Vec<Row>,
}

/// A relation with its arithmetic and outcome.
#[derive(Debug, Clone, Serialize)]
pub struct RelationReport {
    pub claim: String,
    pub statement: String,
    pub arithmetic: String,
    pub outcome: String,
    pub checked_against: Vec<String>,
}

/// An origin and how far the corpus shows it can be trusted.
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    pub origin: String,
    pub reliability: f64,
    pub agreed: usize,
    pub disagreed: usize,
    pub publishers: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub claims: usize,
    pub files: usize,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    pub groups: Vec<GroupReport>,
    pub tables: Vec<TableReport>,
    pub relations: Vec<RelationReport>,
    pub sources: Vec<SourceReport>,
    /// Baseline entries that match no finding any more (`baseline --prune` drops them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_baseline: Vec<crate::baseline::Entry>,
}

/// How much of the report to build: `check` needs the findings, and for JUnit the groups'
/// verdicts; not the consistency tables, whose rows cost as much as the claims they show, nor the
/// lists of relations and sources that only the full report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Findings,
    /// The findings and a verdict per group.
    Verdicts,
    Full,
}

impl Report {
    /// The whole pipeline over a loaded corpus: read figures and periods, reconcile, estimate,
    /// relate, check, and build the report. `archives` holds the sources' saved texts by path.
    pub fn analyse(
        corpus: &Corpus,
        rules: &Rules,
        archives: &BTreeMap<String, String>,
        scope: Scope,
    ) -> Report {
        let reconciled = reconcile(corpus, rules);
        let estimates = estimate_all(corpus, rules, &reconciled);
        let relations = evaluate_all(corpus, rules, &reconciled, &estimates.groups);
        let cx = Context {
            corpus,
            rules,
            reconciled: &reconciled,
            estimates: &estimates.groups,
            reliability: &estimates.reliability,
            relations: &relations,
            archives,
        };
        Report::build(&cx, scope)
    }

    /// Runs the checks and builds the report; the tables only for [`Scope::Full`].
    pub fn build(cx: &Context, scope: Scope) -> Report {
        let findings = run_all(cx);
        let mut summary = Summary::default();
        for f in findings.iter().filter(|f| f.waived.is_none()) {
            match f.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
        }
        let groups = match scope {
            Scope::Findings => Vec::new(),
            Scope::Verdicts | Scope::Full => group_reports(cx, &findings),
        };
        let tables = match scope {
            Scope::Full => tables(cx, &groups),
            Scope::Findings | Scope::Verdicts => Vec::new(),
        };
        let (relations, sources) = match scope {
            Scope::Full => (relation_reports(cx), source_reports(cx)),
            Scope::Findings | Scope::Verdicts => (Vec::new(), Vec::new()),
        };
        Report {
            claims: cx.corpus.claims.len(),
            files: cx.corpus.files.len(),
            findings,
            summary,
            groups,
            tables,
            relations,
            sources,
            stale_baseline: Vec::new(),
        }
    }

    /// Whether `check` should exit 1.
    /// Whether any new, unwaived finding reaches `threshold`.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity >= threshold && f.new && f.waived.is_none())
    }
}

/// Every relation evaluated, sorted by statement.
fn relation_reports(cx: &Context) -> Vec<RelationReport> {
    let id = |i: usize| cx.corpus.claims[i].id.clone();
    let mut relations: Vec<RelationReport> = cx
        .relations
        .par_iter()
        .map(|e| RelationReport {
            claim: id(e.claim),
            statement: e.statement.clone(),
            arithmetic: e.arithmetic.clone(),
            outcome: e.outcome.name().to_string(),
            checked_against: e.used.iter().map(|&i| id(i)).collect(),
        })
        .collect();
    relations.par_sort_by(|a, b| (&a.statement, &a.claim).cmp(&(&b.statement, &b.claim)));
    relations
}

/// Each origin's learned reliability, with the publishers that carry it.
fn source_reports(cx: &Context) -> Vec<SourceReport> {
    let mut publishers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in &cx.corpus.sources {
        publishers
            .entry(s.origin())
            .or_default()
            .insert(&s.publisher);
    }
    cx.reliability
        .iter()
        .map(|r| SourceReport {
            origin: r.origin.clone(),
            reliability: (r.weight * 1000.0).round() / 1000.0,
            agreed: r.agreed,
            disagreed: r.disagreed,
            publishers: publishers
                .get(r.origin.as_str())
                .into_iter()
                .flatten()
                .map(|p| p.to_string())
                .collect(),
        })
        .collect()
}

fn group_reports(cx: &Context, findings: &[Finding]) -> Vec<GroupReport> {
    let ids: Vec<&str> = cx.corpus.claims.iter().map(|c| c.id.as_str()).collect();
    // The kinds of finding each claim is part of, so that a group's verdict costs its size.
    let mut kinds: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    for f in findings.iter() {
        for c in &f.claims {
            *kinds.entry(c.as_str()).or_default() |= 1 << f.kind as u32;
        }
    }
    cx.reconciled
        .groups
        .par_iter()
        .zip(cx.estimates)
        .map(|(group, estimate)| {
            let claim_ids: Vec<String> = group.claims.iter().map(|&i| ids[i].to_string()).collect();
            let touches = |kind: Kind| {
                group
                    .claims
                    .iter()
                    .any(|&i| kinds.get(ids[i]).is_some_and(|k| k & 1 << kind as u32 != 0))
            };
            let origins: BTreeSet<&str> = group
                .claims
                .iter()
                .map(|&i| cx.corpus.source_of(&cx.corpus.claims[i]).origin())
                .collect();
            let verdict = if touches(Kind::Contradiction) {
                Verdict::Contradiction
            } else if touches(Kind::Revision) {
                Verdict::Revised
            } else if touches(Kind::PeriodDrift) {
                Verdict::Drift
            } else if origins.len() == 1 {
                Verdict::SingleSource
            } else {
                Verdict::Consistent
            };
            GroupReport {
                entity: group.key.entity.clone(),
                counterparty: group.key.counterparty.clone(),
                metric: group.key.metric.clone(),
                period: Span {
                    start: group.key.start.to_string(),
                    end: group.key.end.to_string(),
                },
                period_label: group.key.period_label(),
                family: group.key.family,
                verdict,
                claims: claim_ids,
                best: estimate.as_ref().map(|e| Best {
                    value: e.value,
                    lo: e.lo,
                    hi: e.hi,
                    unit: e.unit.clone(),
                    support: e.support.iter().map(|&i| ids[i].to_string()).collect(),
                    dissent: e.dissent.iter().map(|&i| ids[i].to_string()).collect(),
                }),
            }
        })
        .collect()
}

fn tables(cx: &Context, groups: &[GroupReport]) -> Vec<TableReport> {
    let (corpus, reconciled) = (cx.corpus, cx.reconciled);
    let mut superseded = vec![false; corpus.claims.len()];
    for e in cx.estimates.iter().flatten() {
        for &i in &e.superseded {
            superseded[i] = true;
        }
    }
    // Groups and their reports run in the same order.
    let mut verdicts: Vec<Option<Verdict>> = vec![None; corpus.claims.len()];
    for (group, report) in reconciled.groups.iter().zip(groups) {
        for &i in &group.claims {
            verdicts[i] = Some(report.verdict);
        }
    }
    type SortKey = (
        String,
        std::cmp::Reverse<(chrono::NaiveDate, chrono::NaiveDate)>,
        String,
    );
    let claims = corpus.claims.par_iter().zip(&reconciled.readings);
    let mut rows: Vec<((String, String), SortKey, Row)> = claims
        .enumerate()
        .map(|(index, (claim, reading))| {
            let source = corpus.source_of(claim);
            let entity = match &claim.counterparty {
                Some(c) => format!("{} ↔ {c}", claim.entity_label()),
                None => claim.entity_label(),
            };
            let (period, sort) = match reading.period() {
                Ok(_) if !reading.dated => ("undated".to_string(), "~undated".to_string()),
                Ok(p) => (
                    crate::period::label(p.start, p.end),
                    format!("{}{}", p.start, p.end),
                ),
                Err(_) => ("unreadable".to_string(), "~".to_string()),
            };
            let written_period = claim
                .period
                .as_ref()
                .or(claim.as_of.as_deref())
                .map(|p| p.text.as_str());
            let period_cell = match written_period {
                Some(w) if w != period => format!("{period} ({w})"),
                _ => period,
            };
            let figure = match (&claim.value, &claim.relation) {
                (Some(v), _) => v.text.clone(),
                (None, Some(r)) => relation_text(r),
                (None, None) => String::new(),
            };
            let normalised = match &reading.amount {
                Some(Ok(a)) => show_amount(a),
                Some(Err(_)) => "unreadable".to_string(),
                None => "relation".to_string(),
            };
            let verdict = match verdicts[index] {
                Some(_) if superseded[index] => "superseded".to_string(),
                Some(v) => v.name().to_string(),
                None if claim.relation.is_some() => "relation".to_string(),
                None => "unread".to_string(),
            };
            let dated = reading.period().ok().filter(|_| reading.dated);
            let row = Row {
                claim: claim.id.clone(),
                period: period_cell,
                source: format!("{} {}", source.publisher, source.published_text),
                figure,
                normalised,
                status: claim.status.map(|s| s.name()).unwrap_or("").to_string(),
                verdict,
                start: dated.map(|p| p.start.to_string()),
                end: dated.map(|p| p.end.to_string()),
                lo: reading.amount().map(|a| a.lo),
                hi: reading.amount().map(|a| a.hi),
                value: reading.amount().map(|a| a.value),
                unit: reading.amount().map(|a| a.unit.clone()),
                quote: claim.quote.as_ref().map(|q| q.text.clone()),
                reading: crate::engine::explain(claim, reading),
                location: format!(
                    "{}:{}:{}",
                    claim.location.file, claim.location.line, claim.location.column
                ),
                origin: source.origin().to_string(),
                lang: source.lang.clone(),
                title: source.title.clone(),
                url: source.url.clone(),
            };
            // Within a period, newest first: a revision chain reads from the current figure down.
            let sort = (
                sort,
                std::cmp::Reverse(source.published.span()),
                claim.id.clone(),
            );
            ((entity, claim.metric.clone()), sort, row)
        })
        .collect();
    // Ids are unique, so the order is total.
    rows.par_sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut tables: Vec<TableReport> = Vec::new();
    for ((entity, metric), _, row) in rows {
        match tables.last_mut() {
            Some(t) if t.entity == entity && t.metric == metric => t.rows.push(row),
            _ => tables.push(TableReport {
                entity,
                metric,
                rows: vec![row],
            }),
        }
    }
    tables
}

fn relation_text(relation: &Relation) -> String {
    match relation {
        Relation::Growth { from, factor } => {
            format!("= {} × {}", crate::engine::show_number(*factor), from.text)
        }
        Relation::Share { of, fraction } => {
            format!("= {} of {of}", crate::engine::show_number(*fraction))
        }
        Relation::RunRate { from } => format!("= run rate of {}", from.text),
    }
}
