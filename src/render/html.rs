//! The HTML report (`reports/index.html`): one self-contained page (no network, no scripts or
//! styles from elsewhere) with an overview, then per entity and metric a chart, the consistency
//! table and the findings, then the relations, sources and every finding with its explanation.
//!
//! Markup is built with `maud`, which escapes every piece of text; charts come from
//! [`super::chart`] (plotters).

use super::chart::{self, verdict_hex, Revision, VERDICTS};
use super::people::{anchor, publisher};
use crate::finding::{Finding, Kind, Severity};
use crate::report::{GroupReport, RelationReport, Report, Row, TableRows};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

fn finding_anchor(i: usize) -> String {
    format!("finding-{}", i + 1)
}

fn table_anchor(i: usize) -> String {
    format!("table-{}", i + 1)
}

/// What a table holds of disagreement: its findings and its verdicts.
#[derive(Default, Clone)]
struct Tally {
    claims: usize,
    error: usize,
    warning: usize,
    info: usize,
    /// Unwaived findings where sources disagree, weighted: contradictions and mismatched
    /// relations 3, drift 2, revisions 1.
    disagreement: usize,
    verdicts: BTreeMap<&'static str, usize>,
}

impl Tally {
    /// Sort key, greatest first: disagreement between sources (findings, then claims whose
    /// verdict is not consistent nor single-source), then the claims at stake, then the other
    /// findings by severity.
    fn score(&self) -> (usize, usize, usize, usize) {
        let v = |name: &str| self.verdicts.get(name).copied().unwrap_or(0);
        (
            self.disagreement,
            v("contradiction") + v("drift") + v("revised"),
            self.claims,
            self.error * 3 + self.warning * 2 + self.info,
        )
    }

    fn add(&mut self, other: &Tally) {
        self.claims += other.claims;
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
        self.disagreement += other.disagreement;
        for (k, n) in &other.verdicts {
            *self.verdicts.entry(k).or_default() += n;
        }
    }
}

fn disagreement(kind: Kind) -> usize {
    match kind {
        Kind::Contradiction | Kind::DerivedMismatch => 3,
        Kind::PeriodDrift => 2,
        Kind::Revision => 1,
        _ => 0,
    }
}

struct Index<'a> {
    report: &'a Report<'a>,
    /// For each table, the findings that involve one of its claims, in the findings' order.
    findings: Vec<Vec<usize>>,
    /// For each table, the groups its claims belong to, in the groups' order.
    groups: Vec<Vec<usize>>,
    tallies: Vec<Tally>,
    relations: BTreeMap<&'a str, &'a RelationReport>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report<'a>) -> Self {
        let tables = &report.tables;
        let mut table_of = vec![None; report.claims];
        for (t, table) in tables.iter().enumerate() {
            for &i in &table.claims {
                table_of[i] = Some(t);
            }
        }
        let findings = report.findings_by(tables.len(), |claim| table_of[claim]);
        let groups: Vec<Vec<usize>> = tables
            .iter()
            .map(|table| {
                let groups: BTreeSet<usize> = table
                    .claims
                    .iter()
                    .filter_map(|&i| tables.group_of(i))
                    .collect();
                groups.into_iter().collect()
            })
            .collect();
        let tallies = tables
            .iter()
            .zip(&findings)
            .map(|(table, touching)| {
                let mut tally = Tally {
                    claims: table.claims.len(),
                    ..Tally::default()
                };
                for &i in touching {
                    let f = &report.findings[i];
                    if f.waived.is_some() {
                        continue;
                    }
                    tally.disagreement += disagreement(f.kind);
                    match f.severity {
                        Severity::Error => tally.error += 1,
                        Severity::Warning => tally.warning += 1,
                        Severity::Info => tally.info += 1,
                    }
                }
                for &i in &table.claims {
                    *tally.verdicts.entry(tables.verdict(i)).or_default() += 1;
                }
                tally
            })
            .collect();
        Index {
            report,
            findings,
            groups,
            tallies,
            relations: report
                .relations
                .iter()
                .map(|r| (r.claim.as_str(), r))
                .collect(),
        }
    }

    /// Entities, most disagreement first, each with its tables (indices into `report.tables`).
    fn entities(&self) -> Vec<(&'a str, Tally, Vec<usize>)> {
        let mut by: BTreeMap<&str, (Tally, Vec<usize>)> = BTreeMap::new();
        for (i, t) in self.report.tables.iter().enumerate() {
            let e = by.entry(t.entity.as_str()).or_default();
            e.0.add(&self.tallies[i]);
            e.1.push(i);
        }
        for (_, tables) in by.values_mut() {
            tables.sort_by_key(|&i| std::cmp::Reverse(self.tallies[i].score()));
        }
        let mut out: Vec<_> = by.into_iter().map(|(e, (t, ix))| (e, t, ix)).collect();
        out.sort_by(|a, b| {
            (std::cmp::Reverse(a.1.score()), a.0).cmp(&(std::cmp::Reverse(b.1.score()), b.0))
        });
        out
    }
}

/// Where the page's two long parts go: they are written as they are made, a batch at a time.
const TABLES: &str = "<!--crosscheck:tables-->";
const FINDINGS: &str = "<!--crosscheck:findings-->";

/// How many findings are rendered together.
const FINDINGS_PER_BATCH: usize = 1024;

/// The HTML report: a complete page, written as it is made.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let ix = Index::new(report);
    let entities = ix.entities();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "crosscheck report" }
                style { (PreEscaped(css())) }
            }
            body {
                header {
                    h1 { "crosscheck report" }
                    p.lede { (summary_line(report)) }
                }
                (overview(&ix, &entities))
                main {
                    (PreEscaped(TABLES))
                    (relations(report))
                    (sources(report))
                    section id="findings" {
                        h2 { "All findings" }
                        @if report.findings.is_empty() {
                            p.muted { "No findings." }
                        }
                        (PreEscaped(FINDINGS))
                    }
                }
                footer { p { "Generated by crosscheck. Every figure links to its claim; every claim shows where it stands in its file." } }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string();
    // Every text in the page is escaped, so the markers occur only where they were put.
    let (before_tables, rest) = page.split_once(TABLES).unwrap_or((&page, ""));
    let (before_findings, after) = rest.split_once(FINDINGS).unwrap_or((rest, ""));
    out.write_all(before_tables.as_bytes())?;
    let order = entities
        .into_iter()
        .flat_map(|(_, _, tables)| tables)
        .collect();
    super::write_tables(report, Some(order), out, |t| {
        table_section(&ix, t).into_string()
    })?;
    out.write_all(before_findings.as_bytes())?;
    for (start, batch) in (0..)
        .step_by(FINDINGS_PER_BATCH)
        .zip(report.findings.chunks(FINDINGS_PER_BATCH))
    {
        let texts: Vec<String> = batch
            .par_iter()
            .enumerate()
            .map(|(k, f)| finding(&ix, start + k, f, true).into_string())
            .collect();
        for text in texts {
            out.write_all(text.as_bytes())?;
        }
    }
    out.write_all(after.as_bytes())
}

fn summary_line(report: &Report) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} in {}; {} checked; {}, {}, {}{}.",
        plural(report.claims, "claim", "claims"),
        plural(report.files, "file", "files"),
        plural(report.groups.len(), "figure", "figures"),
        plural(report.summary.error, "error", "errors"),
        plural(report.summary.warning, "warning", "warnings"),
        plural(report.summary.info, "note", "notes"),
        match report
            .findings
            .iter()
            .filter(|f| f.waived.is_some())
            .count()
        {
            0 => String::new(),
            n => format!(" ({n} waived)"),
        }
    )
}

fn chip(verdict: &str) -> Markup {
    html! {
        span class=(format!("chip v-{verdict}")) { (verdict) }
    }
}

fn overview(ix: &Index, entities: &[(&str, Tally, Vec<usize>)]) -> Markup {
    let report = ix.report;
    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &report.groups {
        *verdicts.entry(g.verdict.name()).or_default() += 1;
    }
    let mut kinds: BTreeMap<Kind, (usize, usize, Severity)> = BTreeMap::new();
    for f in &report.findings {
        let e = kinds.entry(f.kind).or_insert((0, 0, f.severity));
        if f.waived.is_some() {
            e.1 += 1;
        } else {
            e.0 += 1;
            e.2 = e.2.max(f.severity);
        }
    }
    html! {
        section id="overview" {
            h2 { "Overview" }
            div.cards {
                div.card {
                    h3 { "Figures by verdict" }
                    ul.counts {
                        @for v in VERDICTS {
                            li class=(format!("count v-{v}")) {
                                span.n { (verdicts.get(v).copied().unwrap_or(0)) }
                                " " (chip(v))
                            }
                        }
                    }
                }
                div.card {
                    h3 { "Findings by kind" }
                    @if kinds.is_empty() {
                        p.muted { "No findings." }
                    } @else {
                        ul.counts {
                            @for (kind, (n, waived, severity)) in &kinds {
                                li {
                                    span.n { (n) }
                                    " "
                                    span class=(format!("sev sev-{}", severity.name())) { (kind.name()) }
                                    @if *waived > 0 { span.muted { " + " (waived) " waived" } }
                                }
                            }
                        }
                    }
                }
                div.card.legend {
                    h3 { "Reading the charts" }
                    ul {
                        @for v in VERDICTS { li { (chip(v)) " " (verdict_help(v)) } }
                        li { span.swatch.best {} " best estimate for the period" }
                        li { span.swatch.revision {} " revision, from the newer figure to the older" }
                        li { span.swatch.period {} " the period a figure covers" }
                    }
                    p.muted { "A bar spans the interval a figure can mean (rounding, “about”, “over”, ranges); the white tick is the figure as stated. Hover a bar for the source, quote and reading; click it for the claim." }
                }
            }
            h3 { "Entities, most disagreement first" span.muted.note { " (contradictions, mismatched relations, drift and revisions; then claims; then other findings)" } }
            label.filter {
                "Filter sections: "
                input id="filter" type="search" placeholder="entity, metric, source, claim id, text…" autocomplete="off";
                span.muted id="filter-count" {}
            }
            div.entities {
            table.entities {
                thead { tr { th { "Entity" } th { "Metrics" } th.num { "Claims" } th.num { "Errors" } th.num { "Warnings" } th.num { "Notes" } th { "Verdicts of its claims" } } }
                tbody {
                    @for (entity, tally, tables) in entities {
                        tr data-entity=(entity) {
                            td { (entity) }
                            td {
                                @for (k, &t) in tables.iter().enumerate() {
                                    @if k > 0 { ", " }
                                    a href=(format!("#{}", table_anchor(t))) { (report.tables[t].metric) }
                                }
                            }
                            td.num { (tally.claims) }
                            td.num.sev-error[tally.error > 0] { (tally.error) }
                            td.num.sev-warning[tally.warning > 0] { (tally.warning) }
                            td.num { (tally.info) }
                            td.verdicts {
                                @for (v, n) in &tally.verdicts {
                                    (chip(v)) " × " (n) " "
                                }
                            }
                        }
                    }
                }
            }
            }
        }
    }
}

fn verdict_help(verdict: &str) -> &'static str {
    match verdict {
        "consistent" => "independent sources agree",
        "contradiction" => "figures that cannot both hold",
        "revised" => "a newer document changed the figure",
        "drift" => "the same figure given for different periods",
        "single-source" => "one original reporter only",
        _ => "",
    }
}

/// The revisions between two claims of table `t`.
fn revisions<'a>(ix: &Index<'a>, t: usize, claims: &BTreeSet<&str>) -> Vec<Revision<'a>> {
    let mut out = Vec::new();
    for &i in &ix.findings[t] {
        let f = &ix.report.findings[i];
        if f.kind != Kind::Revision {
            continue;
        }
        for pair in f.versions.windows(2) {
            if claims.contains(pair[0].as_str()) && claims.contains(pair[1].as_str()) {
                out.push(Revision {
                    newer: &pair[1],
                    older: &pair[0],
                    note: &f.message,
                    href: format!("#{}", finding_anchor(i)),
                });
            }
        }
    }
    out
}

fn table_section(ix: &Index, rows: &TableRows) -> Markup {
    let (report, t, table) = (ix.report, rows.index, rows.table);
    let claims: BTreeSet<&str> = rows.rows.iter().map(|r| r.claim.as_str()).collect();
    let groups: Vec<&GroupReport> = ix.groups[t].iter().map(|&g| &report.groups[g]).collect();
    let revisions = revisions(ix, t, &claims);
    let (svg, left_out) = chart::draw(&rows.rows, &groups, &revisions, &anchor);
    let tally = &ix.tallies[t];
    html! {
        section.entry.table id=(table_anchor(t)) data-entity=(table.entity) data-metric=(table.metric) {
            h2 {
                (table.entity) " — " (table.metric)
                span.counts {
                    @for (v, n) in &tally.verdicts { " " (chip(v)) " × " (n) }
                }
            }
            @if let Some(svg) = svg {
                figure.chart {
                    (PreEscaped(svg))
                    @if !left_out.is_empty() {
                        figcaption {
                            "Not charted (listed in the table): "
                            @for (k, (claim, why)) in left_out.iter().enumerate() {
                                @if k > 0 { "; " }
                                a href=(format!("#{}", anchor(claim))) { (claim) } " — " (why)
                            }
                            "."
                        }
                    }
                }
            } @else {
                p.nochart {
                    "No chart: "
                    @for (k, (claim, why)) in left_out.iter().enumerate() {
                        @if k > 0 { "; " }
                        a href=(format!("#{}", anchor(claim))) { (claim) } " — " (why)
                    }
                    "."
                }
            }
            (rows_table(ix, &rows.rows))
            @let touching = &ix.findings[t];
            @if !touching.is_empty() {
                div.findings {
                    h3 { "Findings" }
                    @for &i in touching { (finding(ix, i, &report.findings[i], false)) }
                }
            }
        }
    }
}

fn rows_table(ix: &Index, rows: &[Row]) -> Markup {
    html! {
        div.scroll {
            table.rows {
                thead {
                    tr {
                        th { "Claim" } th { "Period" } th { "Source" } th { "As reported" }
                        th { "Normalised" } th { "Status" } th { "Verdict" } th { "Quote and reading" }
                    }
                }
                tbody {
                    @for row in rows { (row_markup(ix, row)) }
                }
            }
        }
    }
}

fn row_markup(ix: &Index, row: &Row) -> Markup {
    let relation = ix.relations.get(row.claim.as_str());
    html! {
        tr.claim id=(anchor(&row.claim)) data-claim=(row.claim) {
            td {
                code { (row.claim) }
                br;
                span.loc { (row.location) }
            }
            td { (row.period) }
            td {
                @if let Some(url) = &row.url {
                    a href=(url) rel="noreferrer" { (row.source) }
                } @else {
                    (row.source)
                }
                @if row.origin != publisher(&row.source) {
                    br; span.muted { "via " (row.origin) }
                }
            }
            td lang=(row.lang) { (row.figure) }
            td.num { (row.normalised) }
            td { (row.status) }
            td {
                (chip(&row.verdict))
                @if let Some(by) = &row.superseded_by {
                    " by " a href=(format!("#{}", anchor(by))) { (by) }
                }
            }
            td {
                @if let Some(q) = &row.quote {
                    blockquote lang=(row.lang) { (q) }
                }
                details {
                    summary { "how it was read" }
                    pre.reading { (row.reading) }
                    @if let Some(r) = relation {
                        p { strong { "Relation: " } (r.statement) }
                        p { (r.arithmetic) " — " em { (r.outcome) } }
                    }
                }
            }
        }
    }
}

fn finding(ix: &Index, i: usize, f: &Finding, full: bool) -> Markup {
    let id = full.then(|| finding_anchor(i));
    html! {
        article id=[id] class=(format!("finding sev-{}{}{}", f.severity.name(), if full { " entry" } else { "" }, if f.waived.is_some() { " waived" } else { "" })) {
            p.head {
                span class=(format!("badge sev-{}", f.severity.name())) { (f.severity.name()) }
                " "
                code.kind { (f.kind.name()) }
                " "
                (f.message)
                @if !full { " " a.more href=(format!("#{}", finding_anchor(i))) { "#" (i + 1) } }
            }
            @if let Some(w) = &f.waived {
                p.waived { "Waived: " (w) }
            }
            p.claims {
                @for (k, c) in f.claims.iter().enumerate() {
                    @if k > 0 { ", " }
                    a href=(format!("#{}", anchor(c))) { (c) }
                    @if let Some(loc) = f.locations.get(k).map(|l| format!("{}:{}:{}", l.file, l.line, l.column)).or_else(|| ix.report.tables.claim_index(c).map(|i| ix.report.tables.location(i))) {
                        " " span.loc { "(" (loc) ")" }
                    }
                }
            }
            @if !f.explanation.is_empty() {
                details open[full] {
                    summary { "explanation" }
                    ul.explanation { @for e in &f.explanation { li { (e) } } }
                }
            }
        }
    }
}

fn relations(report: &Report) -> Markup {
    html! {
        @if !report.relations.is_empty() {
            section.entry id="relations" {
                h2 { "Relations" }
                p.muted { "Claims that state a relation (growth, share, run rate) instead of a figure: not charted; checked against the figures they name." }
                div.scroll {
                    table {
                        thead { tr { th { "Relation" } th { "Arithmetic" } th { "Outcome" } th { "Claim" } } }
                        tbody {
                            @for r in &report.relations {
                                tr {
                                    td { (r.statement) }
                                    td { (r.arithmetic) }
                                    td { (r.outcome) }
                                    td { a href=(format!("#{}", anchor(&r.claim))) { (r.claim) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn sources(report: &Report) -> Markup {
    html! {
        @if !report.sources.is_empty() {
            section.entry id="sources" {
                h2 { "Sources" }
                div.scroll {
                    table {
                        thead { tr { th { "Origin" } th.num { "Reliability" } th.num { "Agreed" } th.num { "Disagreed" } th { "Publishers" } } }
                        tbody {
                            @for s in &report.sources {
                                tr {
                                    td { (s.origin) }
                                    td.num { (format!("{:.2}", s.reliability)) }
                                    td.num { (s.agreed) }
                                    td.num { (s.disagreed) }
                                    td { (s.publishers.join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

const SCRIPT: &str = r#"(function () {
  var box = document.getElementById('filter');
  var count = document.getElementById('filter-count');
  if (!box) return;
  box.addEventListener('input', function () {
    var q = box.value.toLowerCase().trim();
    var items = document.querySelectorAll('.entry, table.entities tbody tr');
    var shown = 0;
    items.forEach(function (el) {
      var hit = !q || el.textContent.toLowerCase().indexOf(q) >= 0;
      el.hidden = !hit;
      if (hit && el.classList.contains('entry')) shown++;
    });
    count.textContent = q ? ' ' + shown + ' sections match' : '';
  });
})();"#;

fn css() -> String {
    let mut css = String::from(
        r#":root { --ink: #212121; --muted: #616161; --line: #e0e0e0; --bg: #fafafa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Sans Thai", sans-serif; color: var(--ink); background: var(--bg); }
header, main, #overview, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { font-size: 19px; margin: 0 0 10px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
.note { text-transform: none; letter-spacing: 0; font-weight: 400; }
h3 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.lede { margin: 0 0 12px; color: var(--muted); font-size: 15px; }
.muted { color: var(--muted); }
section.entry, #overview, #findings { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px auto; }
#overview { max-width: 1200px; }
.cards { display: grid; grid-template-columns: 1fr 1.2fr 2fr; gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 10px; }
.card h3 { margin-top: 8px; }
ul.counts, .legend ul { list-style: none; margin: 0; padding: 0; }
ul.counts li, .legend li { margin: 3px 0; }
.n { display: inline-block; min-width: 2.2em; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.chip { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; line-height: 18px; white-space: nowrap; background: #9e9e9e; }
.swatch { display: inline-block; width: 22px; height: 12px; vertical-align: middle; border-radius: 2px; }
.swatch.best { height: 3px; background: #212121; }
.swatch.revision { height: 4px; background: #ef8c00; }
.swatch.period { background: rgba(90,120,160,.18); }
.sev { font-family: ui-monospace, monospace; font-size: 13px; }
.sev-error { color: #b71c1c; } .sev-warning { color: #9a5b00; } .sev-info { color: #455a64; }
td.sev-error, td.sev-warning { font-weight: 700; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.badge.sev-error { background: #c62828; } .badge.sev-warning { background: #ef8c00; } .badge.sev-info { background: #607d8b; }
label.filter { display: block; margin: 6px 0 10px; font-weight: 600; }
#filter { width: 360px; max-width: 100%; padding: 6px 10px; font: inherit; border: 1px solid #bdbdbd; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #f5f5f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
table.rows td:first-child { min-width: 190px; max-width: 260px; }
table.rows td:last-child { min-width: 260px; }
.loc { overflow-wrap: anywhere; }
article.finding.waived { opacity: .75; }
div.entities { max-height: 300px; overflow-y: auto; border: 1px solid var(--line); border-radius: 6px; }
div.entities th { position: sticky; top: 0; }
td.verdicts { white-space: nowrap; }
table.entities td { padding: 3px 8px; }
figure.chart { margin: 0 0 12px; }
figure.chart > svg { width: 100%; max-width: 1000px; height: auto; display: block; }
figure.chart a.mark:hover rect { stroke-width: 3; }
figcaption, .nochart { color: var(--muted); font-size: 13px; margin: 6px 0; }
.nochart { padding: 8px 12px; background: #f5f5f5; border-radius: 6px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
.loc { font-family: ui-monospace, monospace; font-size: 11px; color: var(--muted); }
blockquote { margin: 0 0 4px; padding-left: 8px; border-left: 3px solid var(--line); max-width: 460px; }
pre.reading { white-space: pre-wrap; font-size: 12px; margin: 4px 0; max-width: 520px; }
details summary { cursor: pointer; color: #1565c0; font-size: 12px; }
tr.claim:target { background: #fff8e1; outline: 2px solid #ef8c00; }
article.finding { border-left: 4px solid #9e9e9e; padding: 4px 10px; margin: 8px 0; background: #fcfcfc; }
article.finding.sev-error { border-color: #c62828; } article.finding.sev-warning { border-color: #ef8c00; } article.finding.sev-info { border-color: #607d8b; }
article.finding:target { background: #fff8e1; }
article.finding p { margin: 3px 0; }
.kind { font-weight: 600; }
.waived { color: #2e7d32; }
ul.explanation { margin: 4px 0; padding-left: 20px; font-size: 13px; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 30px; }
@media (max-width: 900px) { .cards { grid-template-columns: 1fr; } }
"#,
    );
    for v in VERDICTS {
        css.push_str(&format!(
            ".chip.v-{v} {{ background: {}; }}\n",
            verdict_hex(v)
        ));
    }
    css
}
