//! The statement record: what one Markdown file with YAML front matter means.
//!
//! [`Statement`] is the typed record the rest of `press` sees. Parsing is pure
//! ([`parse::parse`]: bytes in, a statement or diagnostics out); [`write::to_markdown`] turns a
//! record back into the file text `press` writes. The YAML itself stays inside [`crate::yaml`].

pub mod alias;
pub mod amendment;
pub mod edit;
mod keys;
mod leftovers;
mod nesting;
pub mod parse;
pub mod summary;
pub mod write;

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use pulldown_cmark::Options;

use crate::slug::Slug;
use crate::yaml::Value;

pub use alias::Alias;
pub use amendment::Amendment;
pub use parse::{Limits, parse};
pub use summary::Summary;

/// The Markdown of bodies and backgrounds: CommonMark with strikethrough and tables. Everything
/// that reads a body (rendering, its links, its leftovers) parses it with these options.
pub const MARKDOWN: Options = Options::ENABLE_STRIKETHROUGH.union(Options::ENABLE_TABLES);

/// One press statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Path of the file, relative to the archive root, with `/`.
    pub path: String,
    /// Identifier unique across the archive: from `slug:`, else the file name.
    pub slug: Slug,
    /// Whether the slug was given with `slug:` (and so is written back).
    pub slug_given: bool,
    /// The headline, kept whole (with its `Place:` prefix).
    pub title: String,
    /// When it was issued.
    pub published: Published,
    /// Who spoke, in order; never empty.
    pub speakers: Vec<Speaker>,
    /// Topic tags, as written; never empty.
    pub topics: Vec<Topic>,
    /// Country, region or place it concerns.
    pub location: Option<String>,
    /// The Background section, Markdown.
    pub background: Option<String>,
    /// Who to contact about it (press office, phone, e-mail): plain text, lines as written.
    pub contact: Option<String>,
    /// The statement text, Markdown, exactly as written (blank lines around it trimmed).
    pub body: String,
    /// Where it was published (absolute http or https URL).
    pub source: Option<String>,
    /// A one- or two-sentence summary.
    pub summary: Option<String>,
    /// BCP 47 language tag; `en` when not given.
    pub lang: String,
    /// Whether `lang` was given (and so is written back); when not, the statement is in the
    /// archive's language (press.toml `language`).
    pub lang_given: bool,
    /// The slug of the statement this one translates (`translation_of:`).
    pub translation_of: Option<Slug>,
    /// Drafts are kept out of lists and exports unless asked for.
    pub draft: bool,
    /// Not to be published before this instant.
    pub embargo: Option<DateTime<FixedOffset>>,
    /// Old addresses of the statement (`aliases:`), each once, in file order.
    pub aliases: Vec<Alias>,
    /// Corrections on the record (`corrections:`), oldest first.
    pub corrections: Vec<Amendment>,
    /// The withdrawal (`withdrawn:`): the statement stays, marked, and leaves the feeds.
    pub withdrawn: Option<Amendment>,
    /// Keys from other systems, kept verbatim.
    pub extra: Vec<(String, Value)>,
    /// 1-based file line where the body starts (for locating problems in it).
    pub body_line: usize,
}

impl Statement {
    /// The day used for sorting, file names and date filters.
    pub fn day(&self) -> NaiveDate {
        self.published.day()
    }

    /// Whether the statement is under embargo at `now`.
    pub fn is_embargoed(&self, now: DateTime<FixedOffset>) -> bool {
        self.embargo.is_some_and(|until| until > now)
    }

    /// The conventional path of this statement: `statements/YYYY/YYYY-MM-DD-slug.md`.
    pub fn conventional_path(&self) -> String {
        let day = self.day();
        format!(
            "statements/{}/{}-{}.md",
            day.format("%Y"),
            day.format("%Y-%m-%d"),
            self.slug
        )
    }
}

/// The front-matter facts that filtering, listing and grouping use, shared by a full
/// [`Statement`] and a compact [`Summary`], so the same query and table code serves both.
pub trait Header {
    /// Path of the file, relative to the archive root, with `/`.
    fn path(&self) -> &str;
    /// Identifier unique across the archive.
    fn slug(&self) -> &Slug;
    /// The headline.
    fn title(&self) -> &str;
    /// When it was issued.
    fn published(&self) -> Published;
    /// Who spoke, in order.
    fn speakers(&self) -> &[Speaker];
    /// Topic tags, as written.
    fn topics(&self) -> &[Topic];
    /// Country, region or place.
    fn location(&self) -> Option<&str>;
    /// Whether it is a draft.
    fn draft(&self) -> bool;
    /// Not to be published before this instant.
    fn embargo(&self) -> Option<DateTime<FixedOffset>>;
    /// BCP 47 language tag, when `lang` was given.
    fn lang_given(&self) -> Option<&str>;
    /// The slug of the statement this one translates.
    fn translation_of(&self) -> Option<&Slug>;
    /// Old addresses of the statement.
    fn aliases(&self) -> &[Alias];
    /// Corrections on the record, oldest first.
    fn corrections(&self) -> &[Amendment];
    /// The withdrawal, when withdrawn.
    fn withdrawn(&self) -> Option<&Amendment>;
    /// The day of the last change on the record (the withdrawal, else the last correction).
    fn modified(&self) -> Option<NaiveDate> {
        self.withdrawn()
            .or(self.corrections().last())
            .map(|a| a.date)
    }
    /// The day used for sorting and date filters.
    fn day(&self) -> NaiveDate {
        self.published().day()
    }
    /// Whether it is under embargo at `now`.
    fn is_embargoed(&self, now: DateTime<FixedOffset>) -> bool {
        self.embargo().is_some_and(|until| until > now)
    }
}

/// Implements [`Header`] for a record that holds the header's facts as fields of the same names.
macro_rules! header_from_fields {
    ($record:ty) => {
        impl Header for $record {
            fn path(&self) -> &str {
                &self.path
            }
            fn slug(&self) -> &Slug {
                &self.slug
            }
            fn title(&self) -> &str {
                &self.title
            }
            fn published(&self) -> Published {
                self.published
            }
            fn speakers(&self) -> &[Speaker] {
                &self.speakers
            }
            fn topics(&self) -> &[Topic] {
                &self.topics
            }
            fn location(&self) -> Option<&str> {
                self.location.as_deref()
            }
            fn draft(&self) -> bool {
                self.draft
            }
            fn embargo(&self) -> Option<DateTime<FixedOffset>> {
                self.embargo
            }
            fn lang_given(&self) -> Option<&str> {
                self.lang_given.then_some(self.lang.as_str())
            }
            fn translation_of(&self) -> Option<&Slug> {
                self.translation_of.as_ref()
            }
            fn aliases(&self) -> &[Alias] {
                &self.aliases
            }
            fn corrections(&self) -> &[Amendment] {
                &self.corrections
            }
            fn withdrawn(&self) -> Option<&Amendment> {
                self.withdrawn.as_ref()
            }
        }
    };
}

header_from_fields!(Statement);
header_from_fields!(Summary);

/// When a statement was issued: a calendar day, or an instant with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A calendar day, never shifted by a time zone.
    Date(NaiveDate),
    /// A date-time with the offset it was written with.
    Instant(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar day (for an instant, the day at its own offset).
    pub fn day(&self) -> NaiveDate {
        match self {
            Self::Date(day) => *day,
            Self::Instant(at) => at.date_naive(),
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Self::Instant(at) => {
                f.write_str(&at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
            }
        }
    }
}

/// Who speaks in a statement: a person, or an organisation that issues it with no person
/// quoted (`name` is then `None` and `organization` is set; the parser refuses neither).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    /// Full name; `None` when the organisation speaks.
    pub name: Option<String>,
    /// Job title.
    pub role: Option<String>,
    /// Organisation they speak for.
    pub organization: Option<String>,
}

impl Speaker {
    /// A person, by name alone.
    pub fn person(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            role: None,
            organization: None,
        }
    }

    /// What lists, filters and groups show and match: the name, or the organisation's name
    /// when the organisation speaks.
    pub fn label(&self) -> &str {
        self.name
            .as_deref()
            .or(self.organization.as_deref())
            .unwrap_or_default()
    }
}

/// A topic tag: the spelling as written, and the slug that makes spellings one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// As written in the file.
    pub name: String,
    /// Grouping key: `Human rights defenders` and `human-rights-defenders` share it.
    pub slug: Slug,
}

impl Topic {
    /// A topic from its written name.
    pub fn new(name: &str) -> Self {
        let name = name.trim().to_owned();
        let slug = crate::slug::slugify(&name);
        Self { name, slug }
    }

    /// Topics from their written names, each once: a later spelling of a topic already there
    /// ("torture" after "Torture") is dropped, as parsing drops it.
    pub fn distinct<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Vec<Self> {
        let mut topics: Vec<Self> = Vec::new();
        for name in names {
            let topic = Self::new(name.as_ref());
            if !topics.iter().any(|t| t.slug == topic.slug) {
                topics.push(topic);
            }
        }
        topics
    }
}
