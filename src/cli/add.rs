//! `crosscheck add`: one claim into a claims file, from flags or prompts, read and checked before
//! it is written, appended without touching a byte the file already held, written atomically.

use super::{claim_paths, load_corpus, rules, Cli, CliError};
use crate::add::{append, generate_id, new_file, NewClaim, NewSource};
use crate::claim::Status;
use crate::diagnostic::did_you_mean;
use crate::engine::show_number;
use crate::figure::read_figure;
use crate::files;
use crate::finding::Severity;
use crate::load::{load, ClaimText};
use crate::period::{label, read_period, Published};
use crate::reading::describe;
use crate::report::{Report, Scope};
use crate::rules::Rules;
use std::collections::BTreeSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The claims file to add to (created with --new-source).
    #[arg(long)]
    pub file: PathBuf,
    /// The claim's id; generated from entity, metric, period and publisher if not given.
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub entity: Option<String>,
    #[arg(long)]
    pub counterparty: Option<String>,
    #[arg(long)]
    pub metric: Option<String>,
    /// The figure as the document wrote it.
    #[arg(long)]
    pub value: Option<String>,
    /// The unit of a plain-number value.
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long)]
    pub period: Option<String>,
    /// actual | estimate | forecast | plan | target | commitment
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub quote: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Write even if the claim introduces error-level findings.
    #[arg(long)]
    pub force: bool,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Prompt for what is missing even when standard input is not a terminal.
    #[arg(long)]
    pub interactive: bool,
    /// Create the file, with a `source:` block from --publisher, --published, --lang...
    #[arg(long)]
    pub new_source: bool,
    #[arg(long)]
    pub publisher: Option<String>,
    #[arg(long)]
    pub published: Option<String>,
    #[arg(long)]
    pub lang: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long)]
    pub via: Option<String>,
}

/// Asks for missing fields on standard input; every question goes to standard error.
struct Prompter {
    enabled: bool,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Prompter {
    fn ask(&mut self, question: &str, default: Option<&str>) -> Result<Option<String>, CliError> {
        if !self.enabled {
            return Ok(default.map(str::to_string));
        }
        let shown = default.map(|d| format!(" [{d}]")).unwrap_or_default();
        let mut err = std::io::stderr();
        write!(err, "{question}{shown}: ")?;
        err.flush()?;
        let answer = match self.lines.next() {
            Some(line) => line?,
            None => String::new(),
        };
        let answer = answer.trim();
        Ok(if answer.is_empty() {
            default.map(str::to_string)
        } else {
            Some(answer.to_string())
        })
    }
}

fn usage(message: String) -> CliError {
    CliError::Usage(message)
}

/// A field that must be a known name: checked, with a suggestion; re-asked when prompting.
fn known_name(
    prompter: &mut Prompter,
    given: Option<String>,
    what: &str,
    is_known: &dyn Fn(&str) -> Option<String>,
    suggest: &dyn Fn(&str) -> Option<String>,
) -> Result<String, CliError> {
    let mut current = given;
    for _ in 0..3 {
        let name = match current.take() {
            Some(n) => n,
            None => prompter.ask(what, None)?.ok_or_else(|| {
                usage(format!(
                    "--{what} is required (or run on a terminal to be asked)"
                ))
            })?,
        };
        if let Some(canonical) = is_known(&name) {
            return Ok(canonical);
        }
        let help = suggest(&name).map(|h| format!("; {h}")).unwrap_or_default();
        let message = format!("unknown {what} `{name}`{help}");
        if !prompter.enabled {
            return Err(usage(message));
        }
        eprintln_to_stderr(&message)?;
    }
    Err(usage(format!("no known {what} given")))
}

fn eprintln_to_stderr(message: &str) -> std::io::Result<()> {
    writeln!(std::io::stderr(), "{message}")
}

fn parse_status(s: &str) -> Result<Status, CliError> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_lowercase())).map_err(|_| {
        let names = [
            "actual",
            "estimate",
            "forecast",
            "plan",
            "target",
            "commitment",
        ];
        let help = did_you_mean(s, names)
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        usage(format!(
            "unknown status `{s}`; expected one of: {}{help}",
            names.join(", ")
        ))
    })
}

fn parse_published(s: &str) -> Result<Published, CliError> {
    Published::parse(s).ok_or_else(|| {
        usage(format!(
            "`{s}` is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    })
}

pub fn run(cli: &Cli, args: &AddArgs, out: &mut dyn Write) -> Result<i32, CliError> {
    let rules = rules(cli)?;
    let mut prompter = Prompter {
        enabled: args.interactive || std::io::stdin().is_terminal(),
        lines: std::io::stdin().lock().lines(),
    };
    let path = args.file.display().to_string();

    // The document the claim comes from: the file's own source, or a new one.
    let (original, source) = if args.new_source {
        if args.file.exists() {
            return Err(usage(format!(
                "{path} exists already; drop --new-source to add to it"
            )));
        }
        let publisher = args.publisher.clone().or(prompter.ask("publisher", None)?);
        let published = args
            .published
            .clone()
            .or(prompter.ask("published (YYYY-MM-DD)", None)?);
        let lang = args.lang.clone().or(prompter.ask("lang", Some("en"))?);
        let (Some(publisher), Some(published), Some(lang)) = (publisher, published, lang) else {
            return Err(usage(
                "--new-source needs --publisher, --published and --lang".into(),
            ));
        };
        parse_published(&published)?;
        if !rules.languages.contains_key(&lang) {
            let help = did_you_mean(&lang, rules.languages.keys().map(String::as_str));
            return Err(usage(format!(
                "no rules for language `{lang}`{}",
                help.map(|h| format!("; {h}")).unwrap_or_default()
            )));
        }
        let source = NewSource {
            publisher,
            published,
            lang,
            title: args.title.clone(),
            url: args.url.clone(),
            via: args.via.clone(),
        };
        (None, source)
    } else {
        let text = std::fs::read_to_string(&args.file).map_err(|e| {
            usage(format!(
                "cannot read {path}: {e} (to start a new file, pass --new-source)"
            ))
        })?;
        let (corpus, errors) = load(
            vec![ClaimText {
                path: path.clone(),
                text: text.clone(),
            }],
            &rules,
        );
        if !errors.is_empty() {
            return Err(CliError::Input(errors));
        }
        let Some(s) = corpus.sources.first() else {
            return Err(usage(format!(
                "{path} holds no source to take the claim's defaults from"
            )));
        };
        let source = NewSource {
            publisher: s.publisher.clone(),
            published: s.published_text.clone(),
            lang: s.lang.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            via: s.via.clone(),
        };
        (Some(text), source)
    };
    writeln!(
        out,
        "source: {} ({}, {})",
        source.publisher, source.published, source.lang
    )?;

    let entity = known_name(
        &mut prompter,
        args.entity.clone(),
        "entity",
        &|n| rules.entity(n).map(str::to_string),
        &|n| rules.entity_suggestion(n),
    )?;
    let metric = known_name(
        &mut prompter,
        args.metric.clone(),
        "metric",
        &|n| {
            rules
                .metrics
                .contains_key(n.trim())
                .then(|| n.trim().to_string())
        },
        &|n| did_you_mean(n, rules.metrics.keys().map(String::as_str)),
    )?;
    let value = match args.value.clone() {
        Some(v) => v,
        None => prompter
            .ask("value (as the document wrote it)", None)?
            .ok_or_else(|| {
                usage("--value is required (or run on a terminal to be asked)".into())
            })?,
    };
    let period = match args.period.clone() {
        Some(p) => Some(p),
        None => prompter.ask("period (as written; empty for none)", None)?,
    };
    let status = match args.status.clone() {
        Some(s) => Some(parse_status(&s)?),
        None => prompter
            .ask(
                "status (actual, estimate, forecast, plan, target, commitment)",
                None,
            )?
            .map(|s| parse_status(&s))
            .transpose()?,
    };
    let quote = match args.quote.clone() {
        Some(q) => Some(q),
        None => prompter.ask("quote (the sentence; empty for none)", None)?,
    };
    let counterparty = args
        .counterparty
        .as_ref()
        .map(|c| {
            rules.entity(c).map(str::to_string).ok_or_else(|| {
                usage(format!(
                    "unknown counterparty `{c}`{}",
                    rules
                        .entity_suggestion(c)
                        .map(|h| format!("; {h}"))
                        .unwrap_or_default()
                ))
            })
        })
        .transpose()?;

    show_readings(out, &rules, &source, &entity, &value, period.as_deref())?;

    // The corpus as it is, and as it would be with the claim.
    let (texts, errors) = files::read_claims(&claim_paths(cli));
    let target = canonical(&args.file);
    let taken: BTreeSet<String> = {
        let (corpus, _) = load(
            texts
                .iter()
                .map(|t| ClaimText {
                    path: t.path.clone(),
                    text: t.text.clone(),
                })
                .collect(),
            &rules,
        );
        corpus.claims.into_iter().map(|c| c.id).collect()
    };
    let id = match args.id.clone() {
        Some(id) => id,
        None => generate_id(
            &entity,
            &metric,
            period.as_deref(),
            &source.publisher,
            &|id| taken.contains(id),
        ),
    };
    let claim = NewClaim {
        id: id.clone(),
        entity,
        metric,
        value,
        unit: args.unit.clone(),
        period,
        status,
        quote,
        notes: args.notes.clone(),
        counterparty,
    };
    let new_text = match &original {
        Some(text) => {
            let bare_source = (!text.lines().any(|l| l.starts_with("claims:"))).then_some(&source);
            append(text, &claim, bare_source).map_err(|e| usage(format!("{path}: {e}")))?
        }
        None => new_file(&source, &claim),
    };

    let before = texts
        .iter()
        .any(|t| canonical(Path::new(&t.path)) == target);
    let before_findings = load_corpus(clone_texts(&texts), errors.clone(), &rules)
        .ok()
        .map(|(corpus, archives)| {
            Report::analyse(&corpus, &rules, &archives, Scope::Findings).findings
        });
    let mut after_texts: Vec<ClaimText> = texts
        .into_iter()
        .filter(|t| canonical(Path::new(&t.path)) != target)
        .collect();
    after_texts.push(ClaimText {
        path: path.clone(),
        text: new_text.clone(),
    });
    let (corpus, archives) = load_corpus(after_texts, errors, &rules)?;
    let after = Report::analyse(&corpus, &rules, &archives, Scope::Findings);
    let known: BTreeSet<&str> = before_findings
        .as_ref()
        .map(|findings| findings.iter().map(|f| f.fingerprint.as_str()).collect())
        .unwrap_or_default();
    let introduced: Vec<_> = after
        .findings
        .iter()
        .filter(|f| !known.contains(f.fingerprint.as_str()) && f.claims.contains(&id))
        .collect();
    for f in &introduced {
        writeln!(
            out,
            "{} [{}] {}",
            f.severity.name(),
            f.kind.name(),
            f.message
        )?;
    }
    let errors = introduced
        .iter()
        .filter(|f| f.severity == Severity::Error && f.waived.is_none())
        .count();
    if errors > 0 && !args.force {
        writeln!(
            out,
            "not written: the claim would introduce {errors} error(s); fix it, or pass --force"
        )?;
        return Ok(1);
    }
    if args.dry_run {
        writeln!(out, "--dry-run: {} would read:\n{new_text}", path)?;
        return Ok(0);
    }
    files::write_atomically(&args.file, new_text.as_bytes())?;
    let verb = if before || original.is_some() {
        "added"
    } else {
        "created"
    };
    writeln!(out, "{verb} `{id}` in {path}")?;
    Ok(0)
}

fn clone_texts(texts: &[ClaimText]) -> Vec<ClaimText> {
    texts
        .iter()
        .map(|t| ClaimText {
            path: t.path.clone(),
            text: t.text.clone(),
        })
        .collect()
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(parent)
            .map(|p| p.join(path.file_name().unwrap_or_default()))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// Prints how the value and the period are read, as the document's language and date say.
fn show_readings(
    out: &mut dyn Write,
    rules: &Rules,
    source: &NewSource,
    entity: &str,
    value: &str,
    period: Option<&str>,
) -> Result<(), CliError> {
    let Some(language) = rules.languages.get(&source.lang) else {
        return Ok(());
    };
    match read_figure(value, &language.figures) {
        Ok(f) => writeln!(
            out,
            "value:  {value} → {} ⇒ {}..{} {}",
            describe(&f.steps),
            show_number(f.lo),
            show_number(f.hi),
            f.unit.as_deref().unwrap_or("")
        )?,
        Err(e) => writeln!(out, "value:  {value} → cannot be read: {}", e.reason)?,
    }
    if let (Some(p), Ok(published)) = (period, parse_published(&source.published)) {
        match read_period(p, &language.periods, published, rules.calendar(entity)) {
            Ok(r) => writeln!(
                out,
                "period: {p} → {} ⇒ {}",
                describe(&r.steps),
                label(r.start, r.end)
            )?,
            Err(e) => writeln!(out, "period: {p} → cannot be read: {}", e.reason)?,
        }
    }
    Ok(())
}
