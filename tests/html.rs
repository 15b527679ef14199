//! The HTML report: parsed with an HTML parser, one chart per entity and metric that has
//! chartable rows, one table row per claim, every mark linked to its row, text escaped; and a
//! snapshot of the page's structure (headings and element counts, not the SVG).

mod common;

use crosscheck::render::{html, people};
use crosscheck::report::Report;
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> common::Loaded {
    common::load(&[root().join("claims")])
}

/// The page, as `report` writes it.
fn page(report: &Report) -> String {
    let mut page = Vec::new();
    html::write(report, &mut page).unwrap();
    String::from_utf8(page).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn count(doc: &Html, s: &str) -> usize {
    doc.select(&sel(s)).count()
}

/// Whether a table row can go on a chart: a dated period and a figure.
fn chartable(r: &crosscheck::report::Row) -> bool {
    r.verdict != "relation" && r.start.is_some() && r.end.is_some() && r.lo.is_some()
}

fn check_structure(report: &Report) -> Html {
    let page = page(report);
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty() || !page.is_empty());

    // One chart per table with chartable rows, none for the others.
    let sections: Vec<_> = doc.select(&sel("section.table")).collect();
    assert_eq!(sections.len(), report.tables.len());
    for table in report.tables.iter() {
        let table_rows = report.tables.rows(table);
        let section = sections
            .iter()
            .find(|s| {
                s.value().attr("data-entity") == Some(table.entity.as_str())
                    && s.value().attr("data-metric") == Some(table.metric.as_str())
            })
            .unwrap_or_else(|| panic!("no section for {} {}", table.entity, table.metric));
        let charts = section.select(&sel("figure.chart > svg")).count();
        let expected = usize::from(table_rows.iter().any(chartable));
        assert_eq!(charts, expected, "{} {}", table.entity, table.metric);
        // Every chartable row has a mark in its chart; every row a table row.
        let marks: BTreeSet<&str> = section
            .select(&sel("a.mark"))
            .filter_map(|a| a.value().attr("data-claim"))
            .collect();
        let rows: BTreeSet<&str> = section
            .select(&sel("tr.claim"))
            .filter_map(|r| r.value().attr("data-claim"))
            .collect();
        for row in &table_rows {
            assert!(rows.contains(row.claim.as_str()), "{}", row.claim);
            if chartable(row) && marks.len() == table_rows.iter().filter(|r| chartable(r)).count() {
                assert!(marks.contains(row.claim.as_str()), "{}", row.claim);
            }
        }
    }

    // One table row per claim, with a unique anchor.
    assert_eq!(count(&doc, "tr.claim"), report.claims);
    let ids: BTreeSet<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(
        ids.len(),
        count(&doc, "[id]"),
        "anchors are unique across the page"
    );
    // Every in-page link lands somewhere.
    for a in doc.select(&sel("a[href^='#']")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "dangling link #{target}");
    }
    // Every mark has a title that names its source and quote.
    for a in doc.select(&sel("a.mark")) {
        let title = a
            .select(&sel("title"))
            .next()
            .map(|t| t.text().collect::<String>())
            .unwrap_or_default();
        assert!(!title.is_empty());
    }
    // Every finding, with its explanation.
    assert_eq!(
        count(&doc, "#findings article.finding"),
        report.findings.len()
    );
    // Self-contained: nothing loaded from elsewhere.
    assert_eq!(count(&doc, "script[src], link[rel=stylesheet], img"), 0);
    doc
}

/// The page's outline: headings and element counts.
fn outline(doc: &Html) -> String {
    let mut out = Vec::new();
    for h in doc.select(&sel("h1, h2, h3")) {
        let text: String = h.text().collect::<String>();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(format!("{} {text}", h.value().name()));
    }
    out.push(String::new());
    for s in [
        "section.table",
        "figure.chart > svg",
        "p.nochart",
        "figcaption",
        "tr.claim",
        "a.mark",
        "g.best",
        "a.revision",
        "#findings article.finding",
        "#relations tbody tr",
        "#sources tbody tr",
        "table.entities tbody tr",
        "script",
    ] {
        out.push(format!("{s}: {}", count(doc, s)));
    }
    out.join("\n")
}

#[test]
fn the_bundled_report_has_a_chart_per_chartable_table_and_a_row_per_claim() {
    let doc = check_structure(&bundled().report());
    insta::assert_snapshot!("bundled_outline", outline(&doc));
}

#[test]
fn contradictions_revisions_and_drift_are_drawn() {
    let mut outlines = Vec::new();
    for (kind, verdict) in [
        ("contradiction", "contradiction"),
        ("revision", "revised"),
        ("period-drift", "drift"),
    ] {
        let loaded = common::load(&[root().join(format!("tests/kinds/{kind}/fires"))]);
        let report = loaded.report();
        let doc = check_structure(&report);
        assert!(
            report
                .tables
                .iter()
                .flat_map(|t| report.tables.rows(t))
                .any(|r| r.verdict == verdict),
            "{verdict} in the {kind} fixture"
        );
        let colour = crosscheck::render::chart::verdict_hex(verdict);
        let filled = doc.select(&sel("a.mark rect")).any(|r| {
            r.value()
                .attr("fill")
                .is_some_and(|f| f.eq_ignore_ascii_case(&colour))
        });
        assert!(filled, "a {verdict} mark in {colour}");
        if kind == "revision" {
            assert_eq!(
                count(&doc, "a.revision"),
                1,
                "the revision drawn as a chain"
            );
        }
        outlines.push(format!("== {kind}\n{}", outline(&doc)));
    }
    insta::assert_snapshot!("disputed_outlines", outlines.join("\n\n"));
}

#[test]
fn text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // The page is written in three parts around two comments; a text holding them stays text.
    let nasty = "<script>alert('x')</script> & </title></svg><b>\"bold\"</b> 東京 🙂 \
                 <!--crosscheck:tables--> <!--crosscheck:findings-->";
    std::fs::write(
        dir.path().join("nasty.yaml"),
        format!(
            "source:\n  publisher: 'Outlet <i>&</i> \"Co\"'\n  published: 2025-02-07\n  lang: en\nclaims:\n  - id: nasty\n    entity: Amazon\n    metric: capex\n    period: 2025\n    status: plan\n    value: $100 billion\n    quote: '{}'\n",
            nasty.replace('\'', "''")
        ),
    )
    .unwrap();
    let loaded = common::load(&[dir.path().to_path_buf()]);
    let page = page(&loaded.report());
    let doc = Html::parse_document(&page);
    assert_eq!(count(&doc, "script"), 1, "only the filter script");
    assert_eq!(count(&doc, "b, i"), 0);
    assert_eq!(count(&doc, "section.table"), 1);
    assert_eq!(count(&doc, "section#findings"), 1);
    let quote: String = doc
        .select(&sel("tr.claim blockquote"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(quote, nasty);
    let title: String = doc
        .select(&sel("a.mark > title"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(title.contains(nasty), "{title}");
    assert!(title.contains("Outlet <i>&</i> \"Co\""), "{title}");
}

#[test]
fn anchors_are_distinct_and_valid() {
    let a = people::anchor("a b");
    let b = people::anchor("a_b");
    let c = people::anchor("東京");
    assert_ne!(a, b);
    for x in [&a, &b, &c] {
        assert!(x
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
