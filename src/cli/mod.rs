//! The command line: arguments, the pipeline for each command, and what goes to stdout.
//!
//! `run` returns the exit code; input problems come back as diagnostics for `main` to print.

mod add;

use crate::baseline::Baseline;
use crate::diagnostic::{abbreviate, Diagnostic};
use crate::engine::show_number;
use crate::extract::{extract, render_yaml, ExtractOptions};
use crate::figure::read_figure;
use crate::finding::Severity;
use crate::load::{load, ClaimText};
use crate::period::{label, read_period, Published};
use crate::reading::describe;
use crate::render::{claimreview, github, html, json, junit, markdown, sarif, text};
use crate::report::{Report, Scope};
use crate::rules::Rules;
use crate::{claim::Corpus, files};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-verifies figures reported by different sources"
)]
pub struct Cli {
    /// Claims files or directories (repeatable); default `claims/`.
    #[arg(long, global = true)]
    pub claims: Vec<PathBuf>,
    /// Rules directories (repeatable; later ones add to or override earlier ones); default `rules/`.
    #[arg(long, global = true)]
    pub rules: Vec<PathBuf>,
    /// Table width for text output (default: 120).
    #[arg(long, global = true)]
    pub width: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
    Html,
    /// schema.org ClaimReview JSON-LD, one review per checked figure.
    Claimreview,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    Junit,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Parquet,
}

/// The least severity that makes `check` fail.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
}

const DEFAULT_BASELINE: &str = "crosscheck-baseline.json";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, read, reconcile and cross-verify every claim; exit 1 on an error-level finding.
    Check {
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Accepted findings; default `crosscheck-baseline.json` when it exists.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Fail on new warnings too, not only on new errors.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Never fail: exit 0 whatever the findings (input errors still exit 2).
        #[arg(long)]
        exit_zero: bool,
    },
    /// Add one claim to a claims file: from flags, or from prompts for what is missing.
    Add(Box<add::AddArgs>),
    /// Draft claims from an article: every figure with its sentence, entity, metric and period guessed.
    Extract {
        /// The article's text (a file).
        article: PathBuf,
        #[arg(long)]
        lang: String,
        #[arg(long)]
        published: String,
        #[arg(long)]
        publisher: String,
        #[arg(long)]
        title: Option<String>,
        /// The path of the saved article, for the draft's `source.archive`.
        #[arg(long)]
        archive: Option<String>,
        /// Write the draft here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The normalised claims, one row each, for DuckDB, pandas or Spark.
    Export {
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output; Parquet, being binary, is
        /// not written to a terminal.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the current error-level findings to the baseline file, so that CI fails only on new ones.
    Baseline {
        #[arg(long, default_value = DEFAULT_BASELINE)]
        file: PathBuf,
        /// Only drop the entries that no longer match a finding; add none.
        #[arg(long)]
        prune: bool,
    },
    /// The consistency tables per entity and metric; also writes `reports/` (report.md,
    /// report.json, and index.html with a chart per entity and metric).
    Report {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Where to write report.md and report.json.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        /// Print only; write nothing.
        #[arg(long)]
        no_write: bool,
    },
    /// Show how a figure or a period is read.
    Read {
        #[command(subcommand)]
        what: ReadCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReadCommand {
    /// One figure: value, interval, unit, approximation and the steps of the reading.
    Figure {
        text: String,
        #[arg(long)]
        lang: String,
    },
    /// One period, resolved against a publication date and an entity's fiscal calendar.
    Period {
        text: String,
        #[arg(long)]
        lang: String,
        #[arg(long)]
        published: String,
        #[arg(long)]
        entity: Option<String>,
    },
    /// Many figures: JSON Lines `{"text", "lang"}` on stdin, one result a line on stdout.
    Figures {
        #[arg(long)]
        jsonl: bool,
    },
    /// Many periods: JSON Lines `{"text", "lang", "published", "entity"?}` on stdin.
    Periods {
        #[arg(long)]
        jsonl: bool,
    },
}

/// Why a command could not run: its input could not be used (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{} problem(s) in the input", .0.len())]
    Input(Vec<Diagnostic>),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn rules(cli: &Cli) -> Result<Rules, CliError> {
    let dirs = if cli.rules.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        cli.rules.clone()
    };
    let (texts, errors) = files::read_rules(&dirs);
    if !errors.is_empty() {
        return Err(CliError::Input(errors));
    }
    Rules::parse(&texts).map_err(CliError::Input)
}

fn claim_paths(cli: &Cli) -> Vec<PathBuf> {
    if cli.claims.is_empty() {
        vec![PathBuf::from("claims")]
    } else {
        cli.claims.clone()
    }
}

/// Loads claim texts and the archives their sources name; any problem is an input error.
fn load_corpus(
    texts: Vec<ClaimText>,
    mut errors: Vec<Diagnostic>,
    rules: &Rules,
) -> Result<(Corpus, BTreeMap<String, String>), CliError> {
    let (corpus, load_errors) = load(texts, rules);
    errors.extend(load_errors);
    let (archives, archive_errors) = files::read_archives(corpus.archives(), Path::new("."));
    errors.extend(archive_errors);
    if !errors.is_empty() {
        return Err(CliError::Input(errors));
    }
    Ok((corpus, archives))
}

/// The claims a command analyses, with the rules and archives they are read with. The report
/// borrows the corpus, so it is loaded first and kept for as long as the report is written.
struct Inputs {
    rules: Rules,
    corpus: Corpus,
    archives: BTreeMap<String, String>,
}

impl Inputs {
    fn load(cli: &Cli) -> Result<Inputs, CliError> {
        // Reading many small files leaves a core idle part of the time: the rules are built then.
        let (rules, (texts, errors)) =
            rayon::join(|| rules(cli), || files::read_claims(&claim_paths(cli)));
        let rules = rules?;
        let (corpus, archives) = load_corpus(texts, errors, &rules)?;
        Ok(Inputs {
            rules,
            corpus,
            archives,
        })
    }

    fn report(&self, scope: Scope) -> Report<'_> {
        Report::analyse(&self.corpus, &self.rules, &self.archives, scope)
    }
}

/// Tables fit the terminal and verdicts are coloured on a terminal; never colour with
/// `NO_COLOR` (or `TERM=dumb`); a fixed width elsewhere, so that files and pipes are stable.
fn text_style(cli: &Cli) -> text::Style {
    style_for(
        cli.width,
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|t| t == "dumb"),
    )
}

/// The day reviews are dated: `SOURCE_DATE_EPOCH`'s when set (reproducible builds), else today.
fn review_date() -> String {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_else(chrono::Utc::now)
        .format("%Y-%m-%d")
        .to_string()
}

fn style_for(width: Option<u16>, terminal: bool, no_color: bool) -> text::Style {
    let fixed = text::Style::PLAIN.width;
    text::Style {
        width: width.or(if terminal { None } else { fixed }),
        color: terminal && !no_color,
    }
}

/// Runs a parsed command line, writing its output to `out`; returns the exit code.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<i32, CliError> {
    let style = text_style(cli);
    match &cli.command {
        Command::Check {
            format,
            baseline,
            fail_on,
            exit_zero,
        } => {
            // GitHub's step summary is the whole Markdown report, tables included.
            let summary = std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|_| matches!(format, CheckFormat::Github));
            let scope = match (&summary, format) {
                (Some(_), _) => Scope::Full,
                (None, CheckFormat::Junit) => Scope::Verdicts,
                (None, _) => Scope::Findings,
            };
            let inputs = Inputs::load(cli)?;
            let mut report = inputs.report(scope);
            let stale = match read_baseline(baseline.as_deref())? {
                Some(b) => b.apply(&mut report.findings).into_iter().cloned().collect(),
                None => Vec::new(),
            };
            report.stale_baseline = stale;
            match format {
                CheckFormat::Text => {
                    out.write_all(text::findings(&report, style.color).as_bytes())?
                }
                CheckFormat::Json => {
                    let mut buffered = std::io::BufWriter::new(&mut *out);
                    json::write_check(&report, &mut buffered)?;
                    buffered.flush()?;
                }
                CheckFormat::Sarif => writeln!(out, "{}", sarif::render(&report))?,
                CheckFormat::Junit => out.write_all(junit::render(&report).as_bytes())?,
                CheckFormat::Github => {
                    out.write_all(github::render(&report).as_bytes())?;
                    if let Some(summary) = summary {
                        let file = std::fs::OpenOptions::new()
                            .create(true)
                            .append(true)
                            .open(summary)?;
                        let mut file = std::io::BufWriter::new(file);
                        markdown::write(&report, &mut file)?;
                        file.flush()?;
                    }
                }
            }
            let threshold = match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            Ok(i32::from(!exit_zero && report.fails(threshold)))
        }
        Command::Baseline { file, prune } => {
            let inputs = Inputs::load(cli)?;
            let report = inputs.report(Scope::Findings);
            let baseline = if *prune {
                let old = read_baseline(Some(file))?.unwrap_or_default();
                old.pruned(&report.findings)
            } else {
                Baseline::from_findings(&report.findings)
            };
            write_atomically(file, &baseline.to_json())?;
            writeln!(
                out,
                "wrote {} finding(s) to {}",
                baseline.findings.len(),
                file.display()
            )?;
            Ok(0)
        }
        Command::Report {
            format,
            out: dir,
            no_write,
        } => {
            let inputs = Inputs::load(cli)?;
            let report = inputs.report(Scope::Full);
            if !no_write {
                std::fs::create_dir_all(dir)?;
                write_streamed(&dir.join("report.md"), |w| markdown::write(&report, w))?;
                write_streamed(&dir.join("report.json"), |w| json::write_report(&report, w))?;
                write_streamed(&dir.join("index.html"), |w| html::write(&report, w))?;
            }
            let mut out = std::io::BufWriter::new(out);
            match format {
                ReportFormat::Text => text::write_report(&report, style, &mut out)?,
                ReportFormat::Json => json::write_report(&report, &mut out)?,
                ReportFormat::Markdown => markdown::write(&report, &mut out)?,
                ReportFormat::Html => html::write(&report, &mut out)?,
                ReportFormat::Claimreview => {
                    let date = review_date();
                    let options = claimreview::Options {
                        date: &date,
                        base_url: None,
                    };
                    writeln!(out, "{}", claimreview::render_with(&report, &options))?
                }
            }
            // Flushed here, not on drop, so that a failed write is an error.
            out.flush()?;
            Ok(0)
        }
        Command::Read { what } => read(cli, what, out),
        Command::Add(args) => add::run(cli, args, out),
        Command::Export { format, out: file } => {
            if *format == ExportFormat::Parquet && file.is_none() && std::io::stdout().is_terminal()
            {
                return Err(CliError::Usage(
                    "Parquet is binary: give --out FILE, or redirect the output".into(),
                ));
            }
            let inputs = Inputs::load(cli)?;
            let report = inputs.report(Scope::Full);
            match format {
                ExportFormat::Csv => {
                    let csv = |w: &mut dyn Write| {
                        crate::render::csv::write(&report, w).map_err(std::io::Error::other)
                    };
                    match file {
                        Some(file) => write_streamed(file, csv)?,
                        None => {
                            let mut out = std::io::BufWriter::new(out);
                            csv(&mut out)?;
                            out.flush()?;
                        }
                    }
                }
                ExportFormat::Parquet => {
                    let bytes = crate::render::parquet::render(&report)
                        .map_err(|e| CliError::Usage(format!("Parquet: {e}")))?;
                    match file {
                        Some(file) => files::write_atomically(file, &bytes)?,
                        None => out.write_all(&bytes)?,
                    }
                }
            }
            Ok(0)
        }
        Command::Extract {
            article,
            lang,
            published,
            publisher,
            title,
            archive,
            out: file,
        } => {
            let rules = rules(cli)?;
            let text = std::fs::read_to_string(article)
                .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", article.display())))?;
            let options = ExtractOptions {
                lang,
                published: parse_published(published).map_err(CliError::Usage)?,
                publisher,
                title: title.as_deref(),
                archive: archive.as_deref(),
            };
            let draft = extract(&text, &options, &rules).map_err(CliError::Usage)?;
            let yaml = render_yaml(&draft, &options);
            match file {
                Some(path) => {
                    write_atomically(path, &yaml)?;
                    writeln!(
                        out,
                        "drafted {} claim(s) from {} sentence(s) into {}; review them, then move them into claims/",
                        draft.claims.len(),
                        draft.sentences,
                        path.display()
                    )?;
                }
                None => out.write_all(yaml.as_bytes())?,
            }
            Ok(0)
        }
    }
}

/// The baseline named, or the default one if it exists; a named baseline that is missing or
/// broken is an input error.
fn read_baseline(path: Option<&Path>) -> Result<Option<Baseline>, CliError> {
    let (path, required) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => (PathBuf::from(DEFAULT_BASELINE), false),
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return Ok(None),
        Err(e) => {
            return Err(CliError::Input(vec![Diagnostic::whole_file(
                &path.display().to_string(),
                format!("cannot read the baseline: {e}"),
            )]))
        }
    };
    Baseline::from_json(&text).map(Some).map_err(|e| {
        CliError::Input(vec![Diagnostic::at(
            &path.display().to_string(),
            &text,
            e.line(),
            e.column(),
            format!("not a crosscheck baseline: {e}"),
        )])
    })
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    files::write_atomically(path, text.as_bytes())
}

/// [`files::write_atomically`], the content written through a buffer as it is made.
fn write_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    files::write_atomically_with(path, |file| {
        let mut out = std::io::BufWriter::new(file);
        fill(&mut out)?;
        out.flush()
    })
}

fn language<'a>(rules: &'a Rules, lang: &str) -> Result<&'a crate::rules::Language, String> {
    rules.languages.get(lang).ok_or_else(|| {
        let known: Vec<&str> = rules.languages.keys().map(String::as_str).collect();
        format!(
            "no rules for language `{lang}`; rules exist for: {}",
            known.join(", ")
        )
    })
}

#[derive(Deserialize)]
struct FigureRequest {
    text: String,
    lang: String,
}

#[derive(Deserialize)]
struct PeriodRequest {
    text: String,
    lang: String,
    published: String,
    entity: Option<String>,
}

fn read_one_figure(rules: &Rules, text: &str, lang: &str) -> Result<crate::figure::Figure, String> {
    let language = language(rules, lang)?;
    read_figure(text, &language.figures).map_err(|e| e.reason)
}

fn read_one_period(
    rules: &Rules,
    text: &str,
    lang: &str,
    published: &str,
    entity: Option<&str>,
) -> Result<crate::period::Period, String> {
    let language = language(rules, lang)?;
    let published = parse_published(published)?;
    let calendar = match entity {
        Some(name) => {
            let canonical = rules.entity(name).ok_or_else(|| {
                let help = rules
                    .entity_suggestion(name)
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                format!("unknown entity `{name}`{help}")
            })?;
            rules.calendar(canonical)
        }
        None => rules.calendar(""),
    };
    read_period(text, &language.periods, published, calendar).map_err(|e| e.reason)
}

fn parse_published(s: &str) -> Result<Published, String> {
    Published::parse(s)
        .ok_or_else(|| format!("`{s}` is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"))
}

fn approx_name(a: Option<crate::figure::Approx>) -> serde_json::Value {
    serde_json::to_value(a).unwrap_or(serde_json::Value::Null)
}

fn read(cli: &Cli, what: &ReadCommand, out: &mut dyn Write) -> Result<i32, CliError> {
    let rules = rules(cli)?;
    match what {
        ReadCommand::Figure { text, lang } => match read_one_figure(&rules, text, lang) {
            Ok(f) => {
                writeln!(out, "value:  {}", show_number(f.value))?;
                writeln!(out, "lo..hi: {}..{}", show_number(f.lo), show_number(f.hi))?;
                writeln!(
                    out,
                    "stated: {}..{}",
                    show_number(f.stated.0),
                    show_number(f.stated.1)
                )?;
                writeln!(out, "unit:   {}", f.unit.as_deref().unwrap_or("(none)"))?;
                writeln!(out, "approx: {}", approx_name(f.approx))?;
                if let Some(s) = &f.scale_ambiguity {
                    writeln!(out, "warning: {s}")?;
                }
                writeln!(out, "steps:")?;
                for s in &f.steps {
                    writeln!(out, "  {} → {}", s.token, s.meaning)?;
                }
                Ok(0)
            }
            Err(e) => Err(CliError::Usage(format!(
                "cannot read figure `{}`: {}",
                abbreviate(text, 80),
                abbreviate(&e, 240)
            ))),
        },
        ReadCommand::Period {
            text,
            lang,
            published,
            entity,
        } => match read_one_period(&rules, text, lang, published, entity.as_deref()) {
            Ok(p) => {
                writeln!(out, "period: {}", label(p.start, p.end))?;
                writeln!(out, "start:  {}", p.start)?;
                writeln!(out, "end:    {}", p.end)?;
                writeln!(out, "steps:  {}", describe(&p.steps))?;
                Ok(0)
            }
            Err(e) => Err(CliError::Usage(format!(
                "cannot read period `{}`: {}",
                abbreviate(text, 80),
                abbreviate(&e, 240)
            ))),
        },
        ReadCommand::Figures { .. } => {
            jsonl(out, |line| {
                let req: FigureRequest =
                    serde_json::from_str(line).map_err(|e| format!("bad request: {e}"))?;
                let f = read_one_figure(&rules, &req.text, &req.lang)?;
                Ok(serde_json::json!({
                    "value": f.value, "lo": f.lo, "hi": f.hi, "unit": f.unit, "approx": approx_name(f.approx),
                }))
            })?;
            Ok(0)
        }
        ReadCommand::Periods { .. } => {
            jsonl(out, |line| {
                let req: PeriodRequest =
                    serde_json::from_str(line).map_err(|e| format!("bad request: {e}"))?;
                let p = read_one_period(
                    &rules,
                    &req.text,
                    &req.lang,
                    &req.published,
                    req.entity.as_deref(),
                )?;
                Ok(serde_json::json!({"start": p.start.to_string(), "end": p.end.to_string()}))
            })?;
            Ok(0)
        }
    }
}

/// Answers each line of stdin with one line of JSON, in order; a bad line gets `{"error": ...}`.
fn jsonl(
    out: &mut dyn Write,
    answer: impl Fn(&str) -> Result<serde_json::Value, String>,
) -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(out);
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value = answer(&line).unwrap_or_else(|e| serde_json::json!({ "error": e }));
        writeln!(out, "{value}")?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        assert!(style_for(None, true, false).color);
        assert!(!style_for(None, true, true).color);
        assert!(!style_for(None, false, false).color);
    }

    #[test]
    fn the_terminal_sets_the_width_unless_told() {
        assert_eq!(style_for(None, true, false).width, None);
        assert_eq!(style_for(None, false, false).width, Some(120));
        assert_eq!(style_for(Some(80), true, false).width, Some(80));
    }
}
