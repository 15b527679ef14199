//! The claim model: source documents and the figures they report, as loaded from `claims/`.

use crate::finding::{Kind, Location};
use crate::period::Published;
use serde::{Deserialize, Serialize};

/// What kind of figure a claim gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Actual,
    Estimate,
    Forecast,
    Plan,
    Target,
    Commitment,
}

/// Statuses compare within two families: what happened, and what is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Happened,
    Expected,
}

impl Status {
    pub fn family(self) -> Family {
        match self {
            Status::Actual | Status::Estimate => Family::Happened,
            _ => Family::Expected,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Estimate => "estimate",
            Status::Forecast => "forecast",
            Status::Plan => "plan",
            Status::Target => "target",
            Status::Commitment => "commitment",
        }
    }
}

/// A text field of a claim together with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub text: String,
    pub location: Location,
}

/// One source document: who published it, when, in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub publisher: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Published,
    pub published_text: String,
    pub lang: String,
    pub via: Option<String>,
    pub archive: Option<String>,
    pub notes: Option<String>,
}

impl Source {
    /// The original reporter: `via` where given, else the publisher.
    pub fn origin(&self) -> &str {
        self.via.as_deref().unwrap_or(&self.publisher)
    }
}

/// A relation a claim states instead of an amount.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    /// This period's figure is `factor` times the `from` period's.
    Growth { from: Located, factor: f64 },
    /// This entity's figure is `fraction` of entity `of`'s for the same period.
    Share { of: String, fraction: f64 },
    /// This period's figure is the `from` period's figure scaled to this period's length.
    RunRate { from: Located },
}

/// A claim's acceptance of a known finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiver {
    pub kind: Kind,
    pub reason: String,
    pub location: Location,
}

/// One figure reported by one source document.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: String,
    /// Index into `Corpus::sources`.
    pub source: usize,
    /// Canonical entity names; more than one for an aggregate.
    pub entities: Vec<String>,
    pub counterparty: Option<String>,
    pub metric: String,
    pub value: Option<Located>,
    /// The unit of a plain-number value (`value: 26.3e9`, `unit: USD`).
    pub unit: Option<String>,
    pub period: Option<Located>,
    /// Boxed, as the fields few claims give are: a smaller claim is cheaper to move and keep.
    pub as_of: Option<Box<Located>>,
    pub status: Option<Status>,
    pub quote: Option<Located>,
    pub notes: Option<String>,
    pub relation: Option<Box<Relation>>,
    pub tolerance: Option<f64>,
    pub waive: Vec<Waiver>,
    /// Where the claim's `id` stands.
    pub location: Location,
}

impl Claim {
    /// The entity key shown in reports: `Amazon`, or `Alphabet + Amazon + Meta + Microsoft`.
    pub fn entity_label(&self) -> String {
        self.entities.join(" + ")
    }
}

/// Every claim of every file, with the texts kept so that messages can show lines.
#[derive(Debug, Default)]
pub struct Corpus {
    pub files: Vec<CorpusFile>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
}

#[derive(Debug)]
pub struct CorpusFile {
    pub path: String,
    pub text: String,
}

impl Corpus {
    pub fn source_of(&self, claim: &Claim) -> &Source {
        &self.sources[claim.source]
    }

    /// Each claim's source archive, with the file of the claim that names it.
    pub fn archives(&self) -> impl Iterator<Item = (&str, &str)> {
        self.claims.iter().filter_map(|c| {
            self.source_of(c)
                .archive
                .as_deref()
                .map(|a| (a, &*c.location.file))
        })
    }
}
