//! Links between statements. A statement links to another by the relative path of its file
//! (`../2019/2019-06-18-slug.md`, or `2026-01-27-slug.md` in the same folder, with an optional
//! `#fragment`), as GitHub renders it; the export turns the link into the target's page. Which
//! statements are published is known only once the whole archive is loaded, so a statement's
//! links to others are collected while its file is read ([`StatementLink`]) and judged against
//! [`Pages`] once all are.

use std::collections::HashMap;

use chrono::{DateTime, Datelike as _, FixedOffset};

use crate::diagnostic::{Diagnostic, quote};
use crate::slug::Slug;
use crate::statement::Header;

/// A link from a statement to another statement's file, located in the linking file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLink {
    /// The linking statement's file, relative to the archive root.
    pub path: String,
    /// File line of the link.
    pub line: usize,
    /// Column of the link.
    pub column: usize,
    /// The link as written.
    pub url: String,
    /// The file it points at, relative to the archive root (`statements/2019/….md`).
    pub target: String,
}

/// What a link to a statement's file leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// A published statement: its page is `statements/YEAR/SLUG/`.
    Published {
        /// Year of its date.
        year: i32,
        /// Its slug.
        slug: &'a Slug,
    },
    /// A statement that is not published: why ("a draft", "an embargoed").
    Hidden(&'static str),
}

/// Every valid statement of the archive by the path of its file, and whether it is published.
#[derive(Debug, Default)]
pub struct Pages<'a> {
    by_file: HashMap<&'a str, Page<'a>>,
}

impl<'a> Pages<'a> {
    /// The pages of `statements` as published at `now`.
    pub fn new<H: Header + 'a>(
        statements: impl IntoIterator<Item = &'a H>,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let by_file = statements
            .into_iter()
            .map(|s| {
                let page = if s.draft() {
                    Page::Hidden("a draft")
                } else if s.is_embargoed(now) {
                    Page::Hidden("an embargoed")
                } else {
                    Page::Published {
                        year: s.day().year(),
                        slug: s.slug(),
                    }
                };
                (s.path(), page)
            })
            .collect();
        Self { by_file }
    }

    /// What the statement file at `target` (relative to the archive root) is.
    pub fn get(&self, target: &str) -> Option<Page<'a>> {
        self.by_file.get(target).copied()
    }

    /// The problem with a link to a statement, if any: an error when no valid statement has
    /// that file, a warning when it is not published (the export keeps the link's text only).
    pub fn judge(&self, link: &StatementLink) -> Option<Diagnostic> {
        match self.get(&link.target) {
            Some(Page::Published { .. }) => None,
            Some(Page::Hidden(why)) => Some(
                Diagnostic::warning(
                    &link.path,
                    link.line,
                    link.column,
                    format!(
                        "link to {why} statement {} ({}): the export keeps the link's text without the link",
                        quote(&link.url),
                        link.target
                    ),
                )
                .with_help("publish that statement, or remove the link"),
            ),
            None => Some(
                Diagnostic::error(
                    &link.path,
                    link.line,
                    link.column,
                    format!(
                        "link to a missing statement {}: no valid statement file at {}",
                        quote(&link.url),
                        link.target
                    ),
                )
                .with_help(
                    "link to the statement's file by its relative path, e.g. ../2019/2019-06-18-slug.md, and fix that file if it has errors",
                ),
            ),
        }
    }
}

/// Whether an archive-relative path is a statement's file.
pub fn is_statement_file(relative: &str) -> bool {
    relative.starts_with("statements/") && relative.ends_with(".md")
}
