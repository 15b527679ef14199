//! One chart per entity and metric, drawn as SVG by `plotters`: periods along the time axis as
//! shaded spans, each source's figure as an interval bar (the stated figure, so rounding and
//! vagueness show as height) coloured by verdict, the best estimate of each period as a black
//! line with a diamond, and revisions as amber arrows from the newer figure to the older one.
//!
//! Every mark is drawn by plotters into its own SVG layer, nested in the chart inside an `<a>`
//! (linking to the claim's table row) with a `<title>` (shown on hover): plotters draws, the only
//! markup added here is that link and title, built by `maud`, which escapes the text.

use super::people::{in_words, short};
use crate::report::{GroupReport, Row};
use chrono::{Datelike, NaiveDate};
use maud::{html, PreEscaped};
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;

/// Chart size in SVG user units (the page scales it to its width).
pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 320;
const LEGEND: u32 = 200;
const FONT: &str = "sans-serif";

/// The colour of a verdict (also used by the page's CSS, so chips and bars agree).
pub fn verdict_rgb(verdict: &str) -> (u8, u8, u8) {
    match verdict {
        "consistent" => (46, 125, 50),
        "contradiction" => (198, 40, 40),
        "revised" => (239, 140, 0),
        "drift" => (106, 27, 154),
        "single-source" => (117, 117, 117),
        _ => (176, 176, 176),
    }
}

/// `#RRGGBB` for CSS.
pub fn verdict_hex(verdict: &str) -> String {
    let (r, g, b) = verdict_rgb(verdict);
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn colour(verdict: &str) -> RGBColor {
    let (r, g, b) = verdict_rgb(verdict);
    RGBColor(r, g, b)
}

const AMBER: RGBColor = RGBColor(239, 140, 0);
const INK: RGBColor = RGBColor(33, 33, 33);
const MUTED: RGBColor = RGBColor(97, 97, 97);

/// The verdicts in legend order.
pub const VERDICTS: [&str; 5] = [
    "consistent",
    "contradiction",
    "revised",
    "drift",
    "single-source",
];

/// A drawn chart, and which rows it leaves out and why.
pub struct Chart {
    pub svg: String,
    pub charted: Vec<String>,
    /// `(claim, reason)` for every row not on the chart.
    pub left_out: Vec<(String, String)>,
}

/// A revision: the newer claim supersedes the older; `note` says so in words.
pub struct Revision<'a> {
    pub newer: &'a str,
    pub older: &'a str,
    pub note: &'a str,
    pub href: String,
}

struct Mark<'a> {
    row: &'a Row,
    start: f64,
    end: f64,
    lo: f64,
    hi: f64,
    value: Option<f64>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A date as a fractional year: 2025-07-02 is about 2025.5.
fn year(d: NaiveDate) -> f64 {
    let days = if NaiveDate::from_ymd_opt(d.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(d.year()) + f64::from(d.ordinal0()) / days
}

/// The span of an inclusive period, in fractional years.
fn span(start: &str, end: &str) -> Option<(f64, f64)> {
    let (s, e) = (date(start)?, date(end)?.succ_opt()?);
    (e > s).then(|| (year(s), year(e)))
}

/// The time axis, in fractional years, with ticks on the first of a month.
struct Years {
    from: f64,
    to: f64,
    ticks: Vec<f64>,
}

impl Ranged for Years {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let f = (v - self.from) / (self.to - self.from);
        limit.0 + (f64::from(limit.1 - limit.0) * f).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if self.ticks.len() > hint.max_num_points() {
            return Vec::new();
        }
        self.ticks.clone()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.from..self.to
    }
}

impl ValueFormatter<f64> for Years {
    fn format(v: &f64) -> String {
        year_label(*v)
    }
}

/// Ticks on the first of a month: every 1, 2, 3, 6, 12, 24, 60 or 120 months, at most ten.
fn ticks(x0: f64, x1: f64) -> Vec<f64> {
    let months = (x1 - x0) * 12.0;
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / f64::from(*s) <= 10.0)
        .unwrap_or(240);
    let mut out = Vec::new();
    for y in (x0.floor() as i32)..=(x1.ceil() as i32) {
        for m in 1..=12u32 {
            if (y * 12 + m as i32 - 1).rem_euclid(step) != 0 {
                continue;
            }
            if let Some(t) = NaiveDate::from_ymd_opt(y, m, 1).map(year) {
                if (x0..=x1).contains(&t) {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn year_label(x: f64) -> String {
    let mut y = x.floor();
    let mut month = ((x - y) * 12.0).round() as i64;
    if month >= 12 {
        y += 1.0;
        month = 0;
    }
    if month == 0 {
        format!("{y:.0}")
    } else {
        format!("{y:.0}-{:02}", month + 1)
    }
}

/// How to show a unit's numbers on the axis: a divisor and its name.
fn scale(unit: &str, max: f64) -> (f64, String) {
    let steps: &[(f64, &str)] = match unit {
        "W" => &[(1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW")],
        "%" | "day" => &[],
        "" => &[
            (1e12, "trillion"),
            (1e9, "billion"),
            (1e6, "million"),
            (1e3, "thousand"),
        ],
        _ => &[(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")],
    };
    for &(d, name) in steps {
        if max >= d {
            let label = match unit {
                "W" | "" => name.to_string(),
                _ => format!("{unit} {name}"),
            };
            return (d, label);
        }
    }
    (1.0, unit.to_string())
}

/// Whether a row can go on a chart, or why not.
fn chartable(row: &Row) -> Result<Mark<'_>, String> {
    if row.verdict == "relation" {
        return Err("a relation (no figure of its own)".into());
    }
    // The bar spans the figure the words state: "up to $200 billion" is drawn at 200 billion,
    // not from zero.
    let (Some(lo), Some(hi)) = (row.stated_lo, row.stated_hi) else {
        return Err("no readable figure".into());
    };
    let (Some(start), Some(end)) = (row.start.as_deref(), row.end.as_deref()) else {
        return Err(format!("{} period", row.period));
    };
    let Some((start, end)) = span(start, end) else {
        return Err(format!("unreadable period {}", row.period));
    };
    if !lo.is_finite() || !hi.is_finite() {
        return Err("no finite figure".into());
    }
    Ok(Mark {
        row,
        start,
        end,
        lo: lo.min(hi),
        hi: hi.max(lo),
        value: row.value.filter(|v| v.is_finite()),
    })
}

/// The chart of one table, or `None` when no row can be charted (`left_out` then says why).
pub fn draw(
    rows: &[Row],
    groups: &[&GroupReport],
    revisions: &[Revision],
    anchor: &dyn Fn(&str) -> String,
) -> (Option<String>, Vec<(String, String)>) {
    let mut marks = Vec::new();
    let mut left_out = Vec::new();
    for row in rows {
        match chartable(row) {
            Ok(m) => marks.push(m),
            Err(why) => left_out.push((row.claim.clone(), why)),
        }
    }
    // One unit per chart: the most common; the others are listed.
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &marks {
        *units
            .entry(m.row.unit.as_deref().unwrap_or(""))
            .or_default() += 1;
    }
    let Some(unit) = units
        .iter()
        .max_by_key(|(u, n)| (**n, std::cmp::Reverse(**u)))
        .map(|(u, _)| u.to_string())
    else {
        return (None, left_out);
    };
    marks.retain(|m| {
        let u = m.row.unit.as_deref().unwrap_or("");
        if u != unit {
            left_out.push((
                m.row.claim.clone(),
                format!("in {u}, the chart shows {unit}"),
            ));
        }
        u == unit
    });
    let charted: Vec<&str> = marks.iter().map(|m| m.row.claim.as_str()).collect();
    let groups: Vec<&GroupReport> = groups
        .iter()
        .copied()
        .filter(|g| g.claims.iter().any(|c| charted.contains(&c.as_str())))
        .collect();
    match render(&marks, &groups, revisions, &unit, anchor) {
        Ok(svg) => (Some(svg), left_out),
        Err(e) => {
            left_out.extend(
                marks
                    .iter()
                    .map(|m| (m.row.claim.clone(), format!("chart failed: {e}"))),
            );
            (None, left_out)
        }
    }
}

type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Pixel boxes of the marks, computed from the chart's coordinates.
struct Placed<'a> {
    mark: &'a Mark<'a>,
    x0: i32,
    x1: i32,
    y_lo: i32,
    y_hi: i32,
    y_value: Option<i32>,
}

fn render(
    marks: &[Mark],
    groups: &[&GroupReport],
    revisions: &[Revision],
    unit: &str,
    anchor: &dyn Fn(&str) -> String,
) -> DrawResult<String> {
    let bests: Vec<(&GroupReport, f64, f64)> = groups
        .iter()
        .filter(|g| g.best.as_ref().is_some_and(|b| b.unit == unit))
        .filter_map(|g| span(&g.period.start, &g.period.end).map(|(a, b)| (*g, a, b)))
        .collect();
    let x_min = marks.iter().map(|m| m.start).fold(f64::INFINITY, f64::min);
    let x_max = marks
        .iter()
        .map(|m| m.end)
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = ((x_max - x_min) * 0.04).max(0.05);
    let (x0, x1) = (x_min - pad, x_max + pad);
    let mut y_min = marks.iter().map(|m| m.lo).fold(0.0, f64::min);
    let mut y_max = marks.iter().map(|m| m.hi).fold(0.0, f64::max);
    for (g, _, _) in &bests {
        if let Some(b) = &g.best {
            y_min = y_min.min(b.lo);
            y_max = y_max.max(b.hi);
        }
    }
    if y_max <= y_min {
        y_max = y_min + 1.0;
    }
    let headroom = (y_max - y_min) * 0.18;
    let (y0, y1) = (
        if y_min < 0.0 { y_min - headroom } else { 0.0 },
        y_max + headroom,
    );
    let (divisor, unit_label) = scale(unit, y_max.abs().max(y_min.abs()));

    // Distinct period spans, each split into one lane per mark.
    let mut spans: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (i, m) in marks.iter().enumerate() {
        spans
            .entry((m.start.to_bits(), m.end.to_bits()))
            .or_default()
            .push(i);
    }

    let mut base = String::new();
    let placed: Vec<Placed>;
    let mut best_px = Vec::new();
    {
        let root = SVGBackend::with_string(&mut base, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let (plot, legend) = root.split_horizontally(WIDTH - LEGEND);
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_top(24)
            .x_label_area_size(30)
            .y_label_area_size(76)
            .build_cartesian_2d(
                Years {
                    from: x0,
                    to: x1,
                    ticks: ticks(x0, x1),
                },
                y0..y1,
            )?;
        chart
            .configure_mesh()
            .x_labels(12)
            .y_labels(6)
            .y_label_formatter(&|y| short(*y / divisor))
            .y_desc(unit_label.as_str())
            .axis_desc_style((FONT, 17).into_font().color(&MUTED))
            .label_style((FONT, 17).into_font().color(&INK))
            .bold_line_style(RGBColor(230, 230, 230))
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        // Periods as shaded spans, labelled at the top.
        chart.draw_series(spans.keys().map(|&(a, b)| {
            let (a, b) = (f64::from_bits(a), f64::from_bits(b));
            Rectangle::new(
                [(a, y0), (b, y1)],
                RGBColor(90, 120, 160).mix(0.07).filled(),
            )
        }))?;
        chart.draw_series(spans.keys().map(|&(a, b)| {
            let (a, b) = (f64::from_bits(a), f64::from_bits(b));
            Rectangle::new([(a, y0), (b, y1)], RGBColor(90, 120, 160).mix(0.35))
        }))?;
        let top = chart.backend_coord(&(x0, y1)).1;
        for (&(a, b), rows) in &spans {
            let (a, b) = (f64::from_bits(a), f64::from_bits(b));
            let (pa, pb) = (
                chart.backend_coord(&(a, y1)).0,
                chart.backend_coord(&(b, y1)).0,
            );
            let label = period_label(marks[rows[0]].row);
            if (pb - pa) as usize >= label.chars().count() * 8 {
                plot.draw(&Text::new(
                    label,
                    ((pa + pb) / 2, top + 4),
                    (FONT, 16)
                        .into_font()
                        .color(&MUTED)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        }
        // Marks: pixel boxes in lanes, at least a few pixels wide and high.
        let mut boxes: Vec<Option<Placed>> = (0..marks.len()).map(|_| None).collect();
        for (&(a, b), rows) in &spans {
            let (a, b) = (f64::from_bits(a), f64::from_bits(b));
            let (pa, pb) = (
                chart.backend_coord(&(a, y0)).0,
                chart.backend_coord(&(b, y0)).0,
            );
            let n = rows.len() as i32;
            let lane = (pb - pa) / n.max(1);
            let (first, width, step) = if lane >= 12 {
                let w = (lane * 6 / 10).min(90);
                (pa + (lane - w) / 2, w, lane)
            } else {
                let w = 8;
                ((pa + pb) / 2 - n * (w + 2) / 2, w, w + 2)
            };
            for (k, &i) in rows.iter().enumerate() {
                let m = &marks[i];
                let x = first + step * k as i32;
                let mut y_hi = chart.backend_coord(&(a, m.hi)).1;
                let mut y_lo = chart.backend_coord(&(a, m.lo)).1;
                if y_lo - y_hi < 8 {
                    let mid = (y_lo + y_hi) / 2;
                    y_hi = mid - 4;
                    y_lo = mid + 4;
                }
                boxes[i] = Some(Placed {
                    mark: m,
                    x0: x,
                    x1: x + width,
                    y_lo,
                    y_hi,
                    y_value: m.value.map(|v| chart.backend_coord(&(a, v)).1),
                });
            }
        }
        placed = boxes.into_iter().flatten().collect();
        for (g, a, b) in &bests {
            if let Some(best) = &g.best {
                let (pa, y) = chart.backend_coord(&(*a, best.value));
                let pb = chart.backend_coord(&(*b, best.value)).0;
                best_px.push((*g, pa, pb, y));
            }
        }
        draw_legend(&legend, marks, !bests.is_empty(), !revisions.is_empty())?;
        root.present()?;
    }

    // The interactive layers: best estimates under the marks, one nested SVG each; the marks
    // inside links with titles; revisions on top.
    let mut layers = String::new();
    for (g, pa, pb, y) in &best_px {
        let Some(best) = &g.best else { continue };
        let (pa, pb, y) = (*pa, *pb, *y);
        let svg = layer(|area| {
            area.draw(&PathElement::new(
                vec![(pa, y), (pb, y)],
                INK.stroke_width(2),
            ))?;
            area.draw(
                &(EmptyElement::at(((pa + pb) / 2, y))
                    + Polygon::new(vec![(0, -6), (6, 0), (0, 6), (-6, 0)], INK.filled())),
            )?;
            Ok(())
        })?;
        let tip = format!(
            "Best estimate, {} {} {}: {} ({} to {}), {}\nsupported by {}{}",
            g.entity,
            g.metric,
            g.period_label,
            in_words(best.value, &best.unit),
            in_words(best.lo, &best.unit),
            in_words(best.hi, &best.unit),
            g.verdict.name(),
            best.support.join(", "),
            if best.dissent.is_empty() {
                String::new()
            } else {
                format!("; against it: {}", best.dissent.join(", "))
            }
        );
        let mark = html! { g class="best" { title { (tip) } (PreEscaped(svg)) } };
        layers.push_str(&mark.into_string());
    }
    // The interactive layers: one nested SVG per mark, inside a link with a title.
    for p in &placed {
        let row = p.mark.row;
        let svg = layer(|area| {
            let c = colour(&row.verdict);
            area.draw(&Rectangle::new(
                [(p.x0, p.y_hi), (p.x1, p.y_lo)],
                c.mix(0.78).filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(p.x0, p.y_hi), (p.x1, p.y_lo)],
                c.stroke_width(1),
            ))?;
            if let Some(y) = p.y_value.filter(|y| *y > p.y_hi + 1 && *y < p.y_lo - 1) {
                area.draw(&PathElement::new(
                    vec![(p.x0, y), (p.x1, y)],
                    WHITE.stroke_width(2),
                ))?;
            }
            Ok(())
        })?;
        let quote = row
            .quote
            .as_deref()
            .map(|q| format!("\n“{q}”"))
            .unwrap_or_default();
        let tip = format!(
            "{} · {}\n{} → {} ({}, {})\n{}{quote}\n{}",
            row.source,
            row.claim,
            row.figure,
            row.normalised,
            row.status,
            row.verdict,
            row.period,
            row.reading
        );
        let mark = html! {
            a href=(format!("#{}", anchor(&row.claim))) class="mark" data-claim=(row.claim) {
                title { (tip) }
                (PreEscaped(svg))
            }
        };
        layers.push_str(&mark.into_string());
    }
    let centre = |claim: &str| {
        placed
            .iter()
            .find(|p| p.mark.row.claim == claim)
            .map(|p| ((p.x0 + p.x1) / 2, (p.y_hi + p.y_lo) / 2))
    };
    for r in revisions {
        let (Some(from), Some(to)) = (centre(r.newer), centre(r.older)) else {
            continue;
        };
        let svg = layer(|area| {
            area.draw(&PathElement::new(vec![from, to], AMBER.stroke_width(3)))?;
            let (dx, dy) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (ux, uy) = (dx / len, dy / len);
            let at = |back: f64, side: f64| {
                (
                    (f64::from(to.0) - ux * back - uy * side).round() as i32,
                    (f64::from(to.1) - uy * back + ux * side).round() as i32,
                )
            };
            area.draw(&Polygon::new(
                vec![at(0.0, 0.0), at(12.0, 6.0), at(12.0, -6.0)],
                AMBER.filled(),
            ))?;
            area.draw(&Circle::new(from, 4, AMBER.filled()))?;
            Ok(())
        })?;
        let mark = html! {
            a href=(r.href) class="revision" {
                title { "Revision: " (r.note) }
                (PreEscaped(svg))
            }
        };
        layers.push_str(&mark.into_string());
    }

    let body = base.trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    Ok(format!("{body}{layers}</svg>\n"))
}

/// One transparent layer the size of the chart, drawn by plotters in pixel coordinates.
fn layer(
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> DrawResult<()>,
) -> DrawResult<String> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&area)?;
        area.present()?;
    }
    Ok(out)
}

fn period_label(row: &Row) -> String {
    row.period
        .split_once(" (")
        .map_or(row.period.as_str(), |(p, _)| p)
        .to_string()
}

fn draw_legend(
    area: &DrawingArea<SVGBackend, Shift>,
    marks: &[Mark],
    best: bool,
    revisions: bool,
) -> DrawResult<()> {
    let font = (FONT, 17).into_font().color(&INK);
    let mut y = 30;
    area.draw(&Text::new(
        "legend",
        (8, y - 18),
        (FONT, 16).into_font().color(&MUTED),
    ))?;
    for v in VERDICTS {
        if !marks.iter().any(|m| m.row.verdict == v) {
            continue;
        }
        area.draw(&Rectangle::new(
            [(8, y), (22, y + 14)],
            colour(v).mix(0.78).filled(),
        ))?;
        area.draw(&Text::new(v, (30, y + 1), font.clone()))?;
        y += 24;
    }
    if best {
        area.draw(&PathElement::new(
            vec![(6, y + 7), (24, y + 7)],
            INK.stroke_width(2),
        ))?;
        area.draw(
            &(EmptyElement::at((15, y + 7))
                + Polygon::new(vec![(0, -5), (5, 0), (0, 5), (-5, 0)], INK.filled())),
        )?;
        area.draw(&Text::new("best estimate", (30, y + 1), font.clone()))?;
        y += 24;
    }
    if revisions {
        area.draw(&PathElement::new(
            vec![(6, y + 7), (24, y + 7)],
            AMBER.stroke_width(3),
        ))?;
        area.draw(&Text::new(
            "revision: newer → older",
            (30, y + 1),
            font.clone(),
        ))?;
        y += 24;
    }
    area.draw(&Rectangle::new(
        [(8, y), (22, y + 14)],
        RGBColor(90, 120, 160).mix(0.15).filled(),
    ))?;
    area.draw(&Text::new("period", (30, y + 1), font.clone()))?;
    y += 26;
    for line in [
        "bar height: the interval",
        "a figure can mean;",
        "white tick: the figure.",
        "Hover for the quote,",
        "click for the claim.",
    ] {
        area.draw(&Text::new(
            line,
            (8, y),
            (FONT, 15).into_font().color(&MUTED),
        ))?;
        y += 16;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numbers() {
        assert_eq!(year_label(2025.0), "2025");
        assert_eq!(year_label(2025.5), "2025-07");
        let t: Vec<String> = ticks(2024.9, 2026.1).into_iter().map(year_label).collect();
        assert_eq!(
            t,
            ["2025", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11", "2026"]
        );
        assert_eq!(short(200.0), "200");
        assert_eq!(short(2.55), "2.55");
        assert_eq!(short(0.125), "0.125");
        assert_eq!(scale("USD", 2e11), (1e9, "USD bn".to_string()));
        assert_eq!(scale("W", 8.5e9), (1e9, "GW".to_string()));
        assert_eq!(scale("%", 30.0), (1.0, "%".to_string()));
        let (a, b) = span("2025-01-01", "2025-12-31").unwrap();
        assert!((a - 2025.0).abs() < 1e-9 && (b - 2026.0).abs() < 1e-9);
    }
}
