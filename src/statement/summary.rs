//! The compact record of a statement: every front-matter fact that `list`, `show`'s lookup and
//! the grouping commands need, without the body, the background or `extra`.
//!
//! At 100,000 statements the bodies are some 300 MB; summaries are a tenth of that, so commands
//! that only list or count hold summaries and read a body only when they print it.

use chrono::{DateTime, FixedOffset};

use super::{Header, Published, Speaker, Statement, Topic};
use crate::slug::Slug;

/// One statement without its texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Position of the file in the archive's walk (files sorted by path): the id the word index
    /// uses.
    pub id: u32,
    /// Path of the file, relative to the archive root, with `/`.
    pub path: String,
    /// Identifier unique across the archive.
    pub slug: Slug,
    /// The headline.
    pub title: String,
    /// When it was issued.
    pub published: Published,
    /// Who spoke, in order.
    pub speakers: Vec<Speaker>,
    /// Topic tags, as written.
    pub topics: Vec<Topic>,
    /// Country, region or place it concerns.
    pub location: Option<String>,
    /// Whether it is a draft.
    pub draft: bool,
    /// Not to be published before this instant.
    pub embargo: Option<DateTime<FixedOffset>>,
}

impl Summary {
    /// The summary of a full statement, for the file with this id.
    pub fn new(id: u32, statement: Statement) -> Self {
        Self {
            id,
            path: statement.path,
            slug: statement.slug,
            title: statement.title,
            published: statement.published,
            speakers: statement.speakers,
            topics: statement.topics,
            location: statement.location,
            draft: statement.draft,
            embargo: statement.embargo,
        }
    }
}

impl Header for Summary {
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
}
