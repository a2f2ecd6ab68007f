//! Citations of statements: one typed [`Citation`] per statement, written as BibTeX and
//! BibLaTeX (the `biblatex` crate), CSL-JSON, RIS, and rendered in APA, Chicago or MLA style
//! (hayagriva, from the CSL-JSON).
//!
//! A press statement is cited as APA cites a press release: the author is institutional (the
//! speakers' organisations, else `organization` in `press.toml`, else the speakers), the speaker
//! is named in a note, the URL is the page's on the site (from the base URL), else `source`.

pub mod apa;
mod bibtex;
mod csl;
pub mod key;
mod press_release;
mod ris;

#[cfg(test)]
mod command_tests;

use chrono::NaiveDate;

use crate::statement::{Header, Speaker};

pub use bibtex::{to_biblatex, to_bibtex};
pub use csl::{Style, to_csl_json, to_csl_value};
pub use key::Keys;
pub use ris::to_ris;

/// The genre of every citation: CSL `genre`, BibLaTeX `type`, RIS `M3`.
pub const GENRE: &str = "Press release";

/// One statement as a reference manager sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The citation key, unique across the archive ([`Keys`]).
    pub key: String,
    /// The headline.
    pub title: String,
    /// Who is cited as the author, in order; never empty.
    pub authors: Vec<Author>,
    /// The day it was issued.
    pub issued: NaiveDate,
    /// Who published it: `organization` in `press.toml`, else the first speaker's organisation.
    pub publisher: Option<String>,
    /// BCP 47 language tag.
    pub lang: String,
    /// Where to read it: the page on the site, else `source`.
    pub url: Option<String>,
    /// Who spoke: "Speaker: NAME, ROLE, ORGANISATION" (`Speakers:` and `; ` for several).
    pub note: Option<String>,
    /// The statement's summary, else its first words.
    pub abstract_text: Option<String>,
    /// The topics.
    pub keywords: Vec<String>,
}

/// An author of a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// An institution, cited by its whole name ("Amnesty International").
    Organization(String),
    /// A person, by the name as written (when no organisation is known).
    Person(String),
}

impl Author {
    /// The name as written.
    pub fn name(&self) -> &str {
        match self {
            Self::Organization(name) | Self::Person(name) => name,
        }
    }
}

/// What a citation takes from outside the statement.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// `organization` in `press.toml`.
    pub organization: Option<&'a str>,
    /// The archive's language (`language` in `press.toml`), for statements without `lang`.
    pub language: &'a str,
}

impl<'a> Context<'a> {
    /// The context `press.toml` gives.
    pub fn of(config: &'a crate::config::Config) -> Self {
        Self {
            organization: config.organization.as_deref(),
            language: config.language(),
        }
    }
}

impl Citation {
    /// The citation of a statement, with its key, its URL and its abstract.
    pub fn new(
        statement: &impl Header,
        key: String,
        url: Option<String>,
        abstract_text: Option<&str>,
        context: Context<'_>,
    ) -> Self {
        let speakers = statement.speakers();
        let authors = authors(speakers, context.organization);
        let publisher = context
            .organization
            .or_else(|| speakers.iter().find_map(|s| s.organization.as_deref()))
            .map(str::to_owned);
        let lang = statement
            .lang_given()
            .unwrap_or(context.language)
            .to_owned();
        Self {
            key,
            title: statement.title().to_owned(),
            authors,
            issued: statement.day(),
            publisher,
            lang,
            url,
            note: note(speakers),
            abstract_text: abstract_text
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            keywords: statement.topics().iter().map(|t| t.name.clone()).collect(),
        }
    }
}

/// The speakers' organisations, each once; else the archive's organisation; else the people.
fn authors(speakers: &[Speaker], organization: Option<&str>) -> Vec<Author> {
    let mut orgs: Vec<Author> = Vec::new();
    for org in speakers.iter().filter_map(|s| s.organization.as_deref()) {
        let author = Author::Organization(org.trim().to_owned());
        if !org.trim().is_empty() && !orgs.contains(&author) {
            orgs.push(author);
        }
    }
    if !orgs.is_empty() {
        return orgs;
    }
    if let Some(org) = organization.map(str::trim).filter(|o| !o.is_empty()) {
        return vec![Author::Organization(org.to_owned())];
    }
    speakers
        .iter()
        .map(|s| Author::Person(s.label().trim().to_owned()))
        .filter(|a| !a.name().is_empty())
        .collect()
}

/// "Speaker: NAME, ROLE, ORGANISATION" for the people quoted; none when no person is.
fn note(speakers: &[Speaker]) -> Option<String> {
    let people: Vec<String> = speakers
        .iter()
        .filter(|s| s.name.is_some())
        .map(|s| {
            [
                s.name.as_deref(),
                s.role.as_deref(),
                s.organization.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
        })
        .collect();
    match people.len() {
        0 => None,
        1 => Some(format!("Speaker: {}", people[0])),
        _ => Some(format!("Speakers: {}", people.join("; "))),
    }
}
