//! schema.org ClaimReview as JSON-LD (`--format claimreview`).
//!
//! One `ClaimReview` per checked figure: each group (entity, metric, period, status family) that
//! has a best estimate. A group, not a claim, is what crosscheck reviews: the verdict belongs to
//! the figure all its sources report, and the sources are the figure's appearances. So:
//!
//! - `claimReviewed`: the figure in words (`Amazon capex, 2026 (plan): 200 billion USD`);
//! - `itemReviewed`: a `Claim` whose `appearance`s are the documents that state it (publisher,
//!   title, date, language, address and the quote) and whose `author`s are their original
//!   reporters (`via`, else the publisher); `firstAppearance` is the earliest;
//! - `reviewRating`: a `Rating` whose `alternateName` is the verdict (`consistent`,
//!   `contradiction`, `revised`, `drift`, `single-source`), with `ratingExplanation`;
//! - `reviewBody`: the best estimate and the evidence: the claims that support it, the claims
//!   against it, and the findings on them;
//! - `author`: the organization running the check, "crosscheck"; `datePublished`:
//!   [`Options::date`], the day of the run as the caller gives it;
//! - `url`: the review's place in the HTML report when [`Options::base_url`] is given.
//!
//! Groups without a best estimate (no readable figure) and relations are not reviewed.

use super::people::{anchor, in_words, publisher};
use crate::report::{GroupReport, Report, Row};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What the report itself does not know.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// `datePublished`, `YYYY-MM-DD`: the day of the review, given by the caller (the command
    /// line takes `SOURCE_DATE_EPOCH` when set, else today), so that rendering asks no clock.
    pub date: &'a str,
    /// Where the HTML report is published (`https://example.org/reports/index.html`): each
    /// review's `url` is then its first claim's row there.
    pub base_url: Option<&'a str>,
}

/// The ClaimReviews of a report as a JSON-LD document with an `@graph`.
pub fn render_with(report: &Report, options: &Options) -> String {
    let date = options.date.to_string();
    let tables = &report.tables;
    let findings = report.findings_by(report.groups.len(), |claim| tables.group_of(claim));
    let graph: Vec<Value> = report
        .groups
        .iter()
        .zip(&findings)
        .filter(|(g, _)| g.best.is_some())
        .map(|(g, findings)| review(report, g, findings, &date, options.base_url))
        .collect();
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": graph,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn entity(g: &GroupReport) -> String {
    match &g.counterparty {
        Some(c) => format!("{} ↔ {c}", g.entity),
        None => g.entity.clone(),
    }
}

fn verdict_explanation(verdict: &str) -> &'static str {
    match verdict {
        "consistent" => "Independent sources report figures that agree within the tolerance.",
        "contradiction" => "Independent sources report figures that cannot both hold.",
        "revised" => "A newer document changed the expected figure; the newer one supersedes.",
        "drift" => "The same figure is reported for different periods.",
        "single-source" => {
            "Every source relays one original reporter; nothing independent to compare with."
        }
        _ => "",
    }
}

fn review(
    report: &Report,
    g: &GroupReport,
    findings: &[usize],
    date: &str,
    base_url: Option<&str>,
) -> Value {
    let Some(best) = &g.best else {
        return Value::Null;
    };
    let claim_rows: Vec<Row> = g
        .claims
        .iter()
        .filter_map(|c| report.tables.claim_index(c))
        .map(|i| report.tables.row(i))
        .collect();
    let rows: BTreeMap<&str, &Row> = claim_rows.iter().map(|r| (r.claim.as_str(), r)).collect();
    let statuses: BTreeSet<&str> = claim_rows
        .iter()
        .map(|r| r.status.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    let status = if statuses.is_empty() {
        String::new()
    } else {
        format!(" ({})", statuses.into_iter().collect::<Vec<_>>().join(", "))
    };
    let period = if g.period_label == "undated" {
        String::new()
    } else {
        format!(", {}", g.period_label)
    };
    let claim_reviewed = format!(
        "{}, {}{period}{status}: {}",
        entity(g),
        g.metric.replace('_', " "),
        in_words(best.value, &best.unit)
    );

    let appearances: Vec<Value> = claim_rows.iter().map(appearance).collect();
    let first = claim_rows
        .iter()
        .min_by(|a, b| published(&a.source).cmp(published(&b.source)))
        .map(appearance);
    let authors: BTreeSet<&str> = claim_rows.iter().map(|r| r.origin.as_str()).collect();
    let authors: Vec<Value> = authors
        .into_iter()
        .map(|a| json!({"@type": "Organization", "name": a}))
        .collect();

    let evidence = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| match rows.get(id.as_str()) {
                Some(r) => format!(
                    "{} ({}): “{}” read as {}",
                    r.source, id, r.figure, r.normalised
                ),
                None => id.clone(),
            })
            .collect()
    };
    let mut body = vec![format!(
        "Verdict: {}. {} Best estimate: {} (between {} and {}), from {} claim(s).",
        g.verdict.name(),
        verdict_explanation(g.verdict.name()),
        in_words(best.value, &best.unit),
        in_words(best.lo, &best.unit),
        in_words(best.hi, &best.unit),
        g.claims.len()
    )];
    let support = evidence(&best.support);
    if !support.is_empty() {
        body.push(format!("Supporting: {}.", support.join("; ")));
    }
    let dissent = evidence(&best.dissent);
    if !dissent.is_empty() {
        body.push(format!("Contradicting: {}.", dissent.join("; ")));
    }
    let findings: Vec<String> = findings
        .iter()
        .map(|&i| &report.findings[i])
        .map(|f| match &f.waived {
            Some(w) => format!("{} (waived: {w})", f.message),
            None => f.message.clone(),
        })
        .collect();
    if !findings.is_empty() {
        body.push(format!("Findings: {}.", findings.join("; ")));
    }

    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("author".into(), json!(authors));
    item.insert("appearance".into(), json!(appearances));
    if let Some(first) = first {
        item.insert("firstAppearance".into(), first);
    }

    let mut review = Map::new();
    review.insert("@type".into(), json!("ClaimReview"));
    if let (Some(base), Some(claim)) = (base_url, g.claims.first()) {
        review.insert("url".into(), json!(format!("{base}#{}", anchor(claim))));
    }
    review.insert("claimReviewed".into(), json!(claim_reviewed));
    review.insert("datePublished".into(), json!(date));
    review.insert(
        "author".into(),
        json!({"@type": "Organization", "name": "crosscheck"}),
    );
    review.insert(
        "reviewRating".into(),
        json!({
            "@type": "Rating",
            "alternateName": g.verdict.name(),
            "ratingExplanation": verdict_explanation(g.verdict.name()),
        }),
    );
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("reviewBody".into(), json!(body.join(" ")));
    Value::Object(review)
}

fn published(source: &str) -> &str {
    source.rsplit_once(' ').map_or("", |(_, d)| d)
}

fn appearance(r: &Row) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    if let Some(title) = &r.title {
        work.insert("headline".into(), json!(title));
    }
    if let Some(url) = &r.url {
        work.insert("url".into(), json!(url));
    }
    let date = published(&r.source);
    if !date.is_empty() {
        work.insert("datePublished".into(), json!(date));
    }
    work.insert("inLanguage".into(), json!(r.lang));
    work.insert(
        "publisher".into(),
        json!({"@type": "Organization", "name": publisher(&r.source)}),
    );
    if let Some(q) = &r.quote {
        work.insert("text".into(), json!(q));
    }
    Value::Object(work)
}
