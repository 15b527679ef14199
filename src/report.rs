//! The report: findings, consistency tables, relations, best estimates and source reliability as
//! one data structure. Every output format (`render/`) is built from [`Report`].

use crate::check::{run_all, Context};
use crate::claim::{Corpus, Family, Relation};
use crate::engine::{reconcile, show_amount, Reading};
use crate::estimate::estimate_all;
use crate::finding::{Finding, Kind, Severity};
use crate::relation::evaluate_all;
use crate::rules::Rules;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

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
    /// For a `superseded` row, the claim whose newer figure replaced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The same, as data for charts: the period read (inclusive dates; none if unreadable or
    /// undated), the interval and unit (none for a relation or an unreadable value).
    pub start: Option<String>,
    pub end: Option<String>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    /// The figure the words state (see [`crate::figure::Figure::stated`]): "up to $200 billion"
    /// allows 0..200e9 and states 199.5e9..200.5e9.
    pub stated_lo: Option<f64>,
    pub stated_hi: Option<f64>,
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

/// The claims of one entity and metric, in table order: by period, then newest document first,
/// so that a revision chain reads from the current figure down.
#[derive(Debug, Clone)]
pub struct TableReport {
    pub entity: String,
    pub metric: String,
    /// Indices into the corpus's claims.
    pub claims: Vec<usize>,
}

/// The consistency tables. Their rows are made when a renderer asks for them, a batch of tables
/// at a time ([`Tables::batches`]), so that a million claims' rows never sit in memory together.
pub struct Tables<'a> {
    list: Vec<TableReport>,
    corpus: &'a Corpus,
    readings: Arc<Vec<Reading>>,
    // The three lookups below, like the list, are filled for [`Scope::Full`] only.
    /// Each claim's verdict as its row shows it: its group's, `superseded`, `relation` or
    /// `unread`.
    verdicts: Vec<&'static str>,
    /// For each superseded claim, the claim that replaced it.
    superseded_by: Vec<Option<usize>>,
    /// Each claim's group, an index into [`Report::groups`].
    groups: Vec<Option<u32>>,
    /// Claim indices by id, for the renderers that link findings and groups to rows.
    ids: HashMap<&'a str, usize, foldhash::fast::RandomState>,
}

/// A table with its rows, made for rendering.
pub struct TableRows<'t> {
    /// The table's place in [`Report::tables`].
    pub index: usize,
    pub table: &'t TableReport,
    pub rows: Vec<Row>,
}

/// How many rows a batch of tables holds (unless one table alone holds more): enough to keep
/// every core busy, few enough that a batch's rows take a few megabytes.
pub const ROWS_PER_BATCH: usize = 8192;

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

#[derive(Serialize)]
pub struct Report<'a> {
    pub claims: usize,
    pub files: usize,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    pub groups: Vec<GroupReport>,
    pub tables: Tables<'a>,
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

impl<'a> Report<'a> {
    /// The whole pipeline over a loaded corpus: read figures and periods, reconcile, estimate,
    /// relate, check, and build the report. `archives` holds the sources' saved texts by path.
    pub fn analyse(
        corpus: &'a Corpus,
        rules: &Rules,
        archives: &BTreeMap<String, String>,
        scope: Scope,
    ) -> Report<'a> {
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
    pub fn build(cx: &Context<'_, 'a>, scope: Scope) -> Report<'a> {
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
        let tables = Tables::build(cx, &groups, scope);
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

    /// For each of `parts` parts of the corpus (tables, groups), the findings on its claims, in
    /// the findings' order; `part_of` gives a claim's part by the claim's index.
    pub fn findings_by(
        &self,
        parts: usize,
        part_of: impl Fn(usize) -> Option<usize>,
    ) -> Vec<Vec<usize>> {
        let mut by: Vec<Vec<usize>> = vec![Vec::new(); parts];
        for (i, f) in self.findings.iter().enumerate() {
            for claim in f.claims.iter().filter_map(|c| self.tables.claim_index(c)) {
                if let Some(on) = part_of(claim).map(|p| &mut by[p]) {
                    if on.last() != Some(&i) {
                        on.push(i);
                    }
                }
            }
        }
        by
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
            checked_against: e.used.iter().flatten().map(|&i| id(i)).collect(),
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

/// Where a claim's period puts its row in a table: dated periods in order, then the unreadable,
/// then the undated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PeriodOrder {
    Dated(NaiveDate, NaiveDate),
    Unreadable,
    Undated,
}

impl<'a> Tables<'a> {
    /// Orders every claim into its table; for scopes other than [`Scope::Full`], no tables.
    fn build(cx: &Context<'_, 'a>, groups: &[GroupReport], scope: Scope) -> Tables<'a> {
        let (corpus, reconciled) = (cx.corpus, cx.reconciled);
        let mut tables = Tables {
            list: Vec::new(),
            corpus,
            readings: Arc::clone(&reconciled.readings),
            verdicts: Vec::new(),
            superseded_by: Vec::new(),
            groups: Vec::new(),
            ids: HashMap::default(),
        };
        if scope != Scope::Full {
            return tables;
        }
        let mut superseded = vec![None; corpus.claims.len()];
        for e in cx.estimates.iter().flatten() {
            for &(i, by) in &e.superseded {
                superseded[i] = Some(by);
            }
        }
        tables.ids = HashMap::with_capacity_and_hasher(corpus.claims.len(), Default::default());
        for (i, c) in corpus.claims.iter().enumerate() {
            tables.ids.entry(c.id.as_str()).or_insert(i);
        }
        tables.groups = vec![None; corpus.claims.len()];
        // Groups and their reports run in the same order.
        for (g, group) in reconciled.groups.iter().enumerate() {
            for &i in &group.claims {
                tables.groups[i] = u32::try_from(g).ok();
            }
        }
        tables.verdicts = (0..corpus.claims.len())
            .map(|i| match tables.groups[i] {
                Some(_) if superseded[i].is_some() => "superseded",
                Some(g) => groups[g as usize].verdict.name(),
                None if corpus.claims[i].relation.is_some() => "relation",
                None => "unread",
            })
            .collect();
        tables.superseded_by = superseded;
        type SortKey<'k> = (
            (String, &'k str),
            PeriodOrder,
            std::cmp::Reverse<(NaiveDate, NaiveDate)>,
            &'k str,
        );
        let mut order: Vec<(SortKey, usize)> = corpus
            .claims
            .par_iter()
            .zip(reconciled.readings.par_iter())
            .enumerate()
            .map(|(index, (claim, reading))| {
                let period = match reading.period() {
                    Ok(_) if !reading.dated => PeriodOrder::Undated,
                    Ok(p) => PeriodOrder::Dated(p.start, p.end),
                    Err(_) => PeriodOrder::Unreadable,
                };
                let key = (
                    (table_entity(claim), claim.metric.as_str()),
                    period,
                    std::cmp::Reverse(corpus.source_of(claim).published.span()),
                    claim.id.as_str(),
                );
                (key, index)
            })
            .collect();
        // Ids are unique, so the order is total.
        order.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (((entity, metric), ..), index) in order {
            match tables.list.last_mut() {
                Some(t) if t.entity == entity && t.metric == metric => t.claims.push(index),
                _ => tables.list.push(TableReport {
                    entity,
                    metric: metric.to_string(),
                    claims: vec![index],
                }),
            }
        }
        tables
    }

    pub fn iter(&self) -> std::slice::Iter<'_, TableReport> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The tables in order with their rows, whole tables at a time, each batch holding at most
    /// `rows` rows unless one table alone holds more. The rows of a batch are made in parallel.
    pub fn batches(&self, rows: usize) -> impl Iterator<Item = Vec<TableRows<'_>>> + use<'_, 'a> {
        self.batches_in((0..self.list.len()).collect(), rows)
    }

    /// [`Tables::batches`] in another order: `order` holds indices into the tables.
    pub fn batches_in(
        &self,
        order: Vec<usize>,
        rows: usize,
    ) -> impl Iterator<Item = Vec<TableRows<'_>>> + use<'_, 'a> {
        let mut next = 0;
        std::iter::from_fn(move || {
            let rest = &order[next..];
            let mut taken = 0;
            let size = rest
                .iter()
                .take_while(|&&t| {
                    taken += self.list[t].claims.len();
                    taken <= rows
                })
                .count()
                .max(1)
                .min(rest.len());
            next += size;
            (size > 0).then(|| {
                rest[..size]
                    .par_iter()
                    .map(|&index| TableRows {
                        index,
                        table: &self.list[index],
                        rows: self.rows(&self.list[index]),
                    })
                    .collect()
            })
        })
    }

    /// A table's rows, made in parallel.
    pub fn rows(&self, table: &TableReport) -> Vec<Row> {
        table.claims.par_iter().map(|&i| self.row(i)).collect()
    }

    /// A claim's verdict as its row shows it.
    pub fn verdict(&self, claim: usize) -> &'static str {
        self.verdicts.get(claim).copied().unwrap_or("unread")
    }

    /// A claim's group, an index into [`Report::groups`].
    pub fn group_of(&self, claim: usize) -> Option<usize> {
        self.groups
            .get(claim)
            .copied()
            .flatten()
            .map(|g| g as usize)
    }

    /// The index of the claim with this id.
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Where a claim stands: `claims/x.yaml:12:9`.
    pub fn location(&self, claim: usize) -> String {
        let l = &self.corpus.claims[claim].location;
        format!("{}:{}:{}", l.file, l.line, l.column)
    }

    /// A claim's row: as reported and as read.
    pub fn row(&self, index: usize) -> Row {
        let (corpus, claim) = (self.corpus, &self.corpus.claims[index]);
        let reading = &self.readings[index];
        let source = corpus.source_of(claim);
        let period = match reading.period() {
            Ok(_) if !reading.dated => "undated".to_string(),
            Ok(p) => crate::period::label(p.start, p.end),
            Err(_) => "unreadable".to_string(),
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
        let dated = reading.period().ok().filter(|_| reading.dated);
        Row {
            claim: claim.id.clone(),
            period: period_cell,
            source: format!("{} {}", source.publisher, source.published_text),
            figure,
            normalised,
            status: claim.status.map(|s| s.name()).unwrap_or("").to_string(),
            verdict: self.verdict(index).to_string(),
            superseded_by: self
                .superseded_by
                .get(index)
                .copied()
                .flatten()
                .map(|by| self.corpus.claims[by].id.clone()),
            start: dated.map(|p| p.start.to_string()),
            end: dated.map(|p| p.end.to_string()),
            lo: reading.amount().map(|a| a.lo),
            hi: reading.amount().map(|a| a.hi),
            stated_lo: reading.amount().map(|a| a.stated_lo),
            stated_hi: reading.amount().map(|a| a.stated_hi),
            value: reading.amount().map(|a| a.value),
            unit: reading.amount().map(|a| a.unit.clone()),
            quote: claim.quote.as_ref().map(|q| q.text.clone()),
            reading: crate::engine::explain(claim, reading),
            location: self.location(index),
            origin: source.origin().to_string(),
            lang: source.lang.clone(),
            title: source.title.clone(),
            url: source.url.clone(),
        }
    }
}

impl Row {
    /// The verdict as a person reads it: `superseded by amzn-2026-plan` for a replaced figure.
    pub fn verdict_text(&self) -> String {
        match &self.superseded_by {
            Some(by) => format!("{} by {by}", self.verdict),
            None => self.verdict.clone(),
        }
    }
}

impl std::ops::Index<usize> for Tables<'_> {
    type Output = TableReport;

    fn index(&self, table: usize) -> &TableReport {
        &self.list[table]
    }
}

/// As JSON, each table with its rows, made a batch at a time as they are written.
impl Serialize for Tables<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Table<'t> {
            entity: &'t str,
            metric: &'t str,
            rows: &'t [Row],
        }
        let mut seq = serializer.serialize_seq(Some(self.list.len()))?;
        for batch in self.batches(ROWS_PER_BATCH) {
            for t in &batch {
                seq.serialize_element(&Table {
                    entity: &t.table.entity,
                    metric: &t.table.metric,
                    rows: &t.rows,
                })?;
            }
        }
        seq.end()
    }
}

/// The entity a claim's table is headed by: `A ↔ B` for a figure between two.
fn table_entity(claim: &crate::claim::Claim) -> String {
    match &claim.counterparty {
        Some(c) => format!("{} ↔ {c}", claim.entity_label()),
        None => claim.entity_label(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{corpus, file};

    /// Three tables: Amazon's capex (3 claims, two of which disagree), Meta's (1), Google's (5).
    fn three_tables() -> (Rules, Corpus) {
        let claim = |id: &str, entity: &str, value: &str| {
            format!("{{id: {id}, entity: {entity}, metric: capex, period: 2025, status: plan, value: {value}}}")
        };
        let daily = file(
            "Daily",
            "2025-02-07",
            None,
            &[
                &claim("a1", "Amazon", "$100 billion"),
                &claim("m1", "Meta", "$60 billion"),
                &claim("g1", "Google", "$75 billion"),
                &claim("g2", "Google", "$75 billion"),
            ],
        );
        let weekly = file(
            "Weekly",
            "2025-02-10",
            None,
            &[
                &claim("a2", "Amazon", "$130 billion"),
                &claim("a3", "Amazon", "$100 billion"),
                &claim("g3", "Google", "$75 billion"),
                &claim("g4", "Google", "$75 billion"),
                &claim("g5", "Google", "$75 billion"),
            ],
        );
        corpus(&[
            ("claims/daily.yaml", &daily),
            ("claims/weekly.yaml", &weekly),
        ])
    }

    #[test]
    fn batches_hold_whole_tables_and_a_large_table_alone() {
        let (rules, corpus) = three_tables();
        let report = Report::analyse(&corpus, &rules, &BTreeMap::new(), Scope::Full);
        let sizes: Vec<(&str, usize)> = report
            .tables
            .iter()
            .map(|t| (t.entity.as_str(), t.claims.len()))
            .collect();
        assert_eq!(sizes, [("Amazon", 3), ("Google", 5), ("Meta", 1)]);
        let batches: Vec<Vec<(usize, Vec<String>)>> = report
            .tables
            .batches(4)
            .map(|batch| {
                let tables = batch.into_iter();
                tables
                    .map(|t| (t.index, t.rows.into_iter().map(|r| r.claim).collect()))
                    .collect()
            })
            .collect();
        let ids = |t: usize| -> Vec<String> {
            let table = &report.tables[t];
            table
                .claims
                .iter()
                .map(|&i| corpus.claims[i].id.clone())
                .collect()
        };
        // Amazon (3) fits; Google (5) is over the limit, so it goes alone; then Meta.
        assert_eq!(
            batches,
            [vec![(0, ids(0))], vec![(1, ids(1))], vec![(2, ids(2))]]
        );
        let in_order: Vec<Vec<usize>> = report
            .tables
            .batches_in(vec![2, 0, 1], 4)
            .map(|b| b.iter().map(|t| t.index).collect())
            .collect();
        assert_eq!(
            in_order,
            [vec![2, 0], vec![1]],
            "Meta (1) and Amazon (3) make 4"
        );
    }

    #[test]
    fn rows_follow_the_table_order_and_carry_the_verdict() {
        let (rules, corpus) = three_tables();
        let report = Report::analyse(&corpus, &rules, &BTreeMap::new(), Scope::Full);
        let amazon = report.tables.rows(&report.tables[0]);
        let ids: Vec<&str> = amazon.iter().map(|r| r.claim.as_str()).collect();
        // Newest document first within a period, then by id.
        assert_eq!(ids, ["a2", "a3", "a1"]);
        assert!(
            amazon.iter().all(|r| r.verdict == "contradiction"),
            "{amazon:?}"
        );
        assert_eq!(
            amazon[2].location, "claims/daily.yaml:6:10",
            "where its id stands"
        );
    }

    #[test]
    fn findings_are_split_by_the_part_their_claims_are_in() {
        let (rules, corpus) = three_tables();
        let report = Report::analyse(&corpus, &rules, &BTreeMap::new(), Scope::Full);
        let contradictions: Vec<usize> = (0..report.findings.len())
            .filter(|&i| report.findings[i].kind == Kind::Contradiction)
            .collect();
        assert!(!contradictions.is_empty());
        let mut table_of = vec![None; report.claims];
        for (t, table) in report.tables.iter().enumerate() {
            for &i in &table.claims {
                table_of[i] = Some(t);
            }
        }
        let by_table = report.findings_by(report.tables.len(), |claim| table_of[claim]);
        for i in contradictions {
            assert!(by_table[0].contains(&i), "{by_table:?}");
            assert!(!by_table[1].contains(&i) && !by_table[2].contains(&i));
        }
        for on in &by_table {
            assert!(
                on.windows(2).all(|w| w[0] < w[1]),
                "once each, in order: {on:?}"
            );
        }
    }

    #[test]
    fn the_findings_scope_orders_no_tables() {
        let (rules, corpus) = three_tables();
        let report = Report::analyse(&corpus, &rules, &BTreeMap::new(), Scope::Findings);
        assert!(report.tables.is_empty());
        assert_eq!(report.tables.batches(4).count(), 0);
        assert!(!report.findings.is_empty());
    }
}
