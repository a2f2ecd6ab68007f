//! The compact record of a statement: every front-matter fact that `list`, `show`'s lookup and
//! the grouping commands need, without the body, the background or `extra`.
//!
//! At 100,000 statements the bodies are some 300 MB; summaries are a tenth of that, so commands
//! that only list or count hold summaries and read a body only when they print it, and export
//! reads each body only while it renders that statement's page.

use chrono::{DateTime, FixedOffset};
use pulldown_cmark::{Event, Parser, TagEnd};

use super::{Alias, Amendment, Published, Speaker, Statement, Topic};
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
    /// BCP 47 language tag.
    pub lang: String,
    /// Whether `lang` was given.
    pub lang_given: bool,
    /// The slug of the statement this one translates.
    pub translation_of: Option<Slug>,
    /// Old addresses of the statement.
    pub aliases: Vec<Alias>,
    /// Corrections on the record, oldest first.
    pub corrections: Vec<Amendment>,
    /// The withdrawal, when withdrawn.
    pub withdrawn: Option<Amendment>,
    /// What lists show under the title: `summary:`, else the body's first words
    /// ([`Summary::excerpt_of`]). Only export needs it: none unless the catalog was loaded with
    /// excerpts.
    pub excerpt: Option<String>,
    /// Hash of the file's bytes ([`super::parse::digest`]): export re-renders a statement's
    /// page only when it changes.
    pub digest: u64,
}

impl Summary {
    /// The summary of a full statement, for the file with this id and digest, without its
    /// excerpt.
    pub fn new(id: u32, statement: Statement, digest: u64) -> Self {
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
            lang: statement.lang,
            lang_given: statement.lang_given,
            translation_of: statement.translation_of,
            aliases: statement.aliases,
            corrections: statement.corrections,
            withdrawn: statement.withdrawn,
            excerpt: None,
            digest,
        }
    }

    /// What lists show under a statement's title: its `summary:`, else its body's first words.
    pub fn excerpt_of(statement: &Statement) -> String {
        statement
            .summary
            .clone()
            .unwrap_or_else(|| excerpt(&statement.body, EXCERPT_CHARS))
    }
}

/// How long an [`excerpt`] is, in characters.
pub const EXCERPT_CHARS: usize = 240;

/// The first words of Markdown as plain text, cut at a word near `limit` characters.
pub fn excerpt(markdown: &str, limit: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) if !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
        if text.len() > limit * 4 {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > limit / 2 => &cut[..at],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(
            excerpt("Hello *world*.\n\nMore text here.", 100),
            "Hello world. More text here."
        );
        assert_eq!(excerpt("one two three four", 10), "one two…");
    }

    /// A cut falls at the last space of the first `limit` characters only when that keeps more
    /// than half of them; else the words are cut where the limit falls.
    #[test]
    fn an_excerpt_keeps_at_least_half_its_length() {
        assert_eq!(excerpt("a bbbbbbbbbbbbbbbbbbbb", 10), "a bbbbbbbb…");
        assert_eq!(excerpt("abcde fghijklmnopqrst", 10), "abcde fghi…");
        assert_eq!(excerpt("abcdef ghijklmnopqrst", 10), "abcdef…");
    }

    /// Reading stops once the text is well past the limit, never before the limit is reached,
    /// whatever the script: short paragraphs of Latin or Greek words make one excerpt.
    #[test]
    fn an_excerpt_reads_on_until_its_limit_is_reached() {
        assert_eq!(
            excerpt("one.\n\ntwo.\n\nthree.\n\nfour.\n\nfive.", 20),
            "one. two. three…"
        );
        let greek = ["αβγδε."; 8].join("\n\n");
        assert_eq!(excerpt(&greek, 20), "αβγδε. αβγδε…");
    }

    /// What lists show: the statement's `summary:` when it has one, else its body's first words.
    #[test]
    fn a_summary_comes_before_the_body() {
        let read = |front: &str| {
            let text = format!(
                "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\n{front}---\nFirst words of the body.\n"
            );
            super::super::parse("statements/2026/2026-01-27-t.md", text.as_bytes())
                .statement
                .map(|statement| Summary::excerpt_of(&statement))
        };
        assert_eq!(
            read("summary: \"In short.\"\n").as_deref(),
            Some("In short.")
        );
        assert_eq!(read("").as_deref(), Some("First words of the body."));
    }

    /// The limit is in characters: a Greek text of 33 characters (61 bytes) is whole under a
    /// limit of 40, and cut at a word under a limit of 30.
    #[test]
    fn an_excerpt_counts_characters_not_bytes() {
        let text = "Ελευθερία για τους δημοσιογράφους";
        assert_eq!(text.chars().count(), 33);
        assert_eq!(excerpt(text, 40), text);
        assert_eq!(excerpt(text, 30), "Ελευθερία για τους…");
    }

    /// A cut after a comma or a semicolon drops it before the `…`: no "word,…".
    #[test]
    fn an_excerpt_cut_after_punctuation_drops_it() {
        assert_eq!(excerpt("one two, three four", 9), "one two…");
        assert_eq!(excerpt("one two; three four", 9), "one two…");
        assert_eq!(excerpt("one two: three four", 9), "one two…");
    }
}
