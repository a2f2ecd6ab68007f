//! The keys that tie a statement to others and to its old addresses: `aliases` and
//! `translation_of`, checked value by value as [`super::parse`] checks the rest. What only the
//! whole archive can show (an alias two statements claim, a missing original) is in
//! [`crate::relations`].

use super::alias::Alias;
use super::parse::Parser;
use crate::diagnostic::quote;
use crate::slug::{self, Slug};
use crate::yaml::Value;

impl Parser<'_> {
    /// `aliases: ["/old/path/", …]`: each a path from the site root; repeats are dropped.
    pub(super) fn aliases(&mut self, value: Value, line: usize, column: usize) -> Vec<Alias> {
        let items = match value {
            Value::Null => return Vec::new(),
            Value::String(text) => vec![Value::String(text)],
            Value::List(items) => items,
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`aliases` must be a list of paths, found {}",
                        other.describe_kind()
                    ),
                    "write the old addresses as a list, e.g. aliases: [\"/2019/06/18/slug/\"]",
                );
                return Vec::new();
            }
        };
        let mut aliases: Vec<Alias> = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let Value::String(text) = item else {
                self.error(
                    line,
                    column,
                    format!(
                        "alias {} in `aliases` must be a string, found {}",
                        index + 1,
                        item.describe_kind()
                    ),
                    "put each path in double quotes, e.g. \"/2019/06/18/slug/\"",
                );
                continue;
            };
            match Alias::parse(&text) {
                Ok(alias) if !aliases.contains(&alias) => aliases.push(alias),
                Ok(_) => {}
                Err(problem) => self.error(
                    line,
                    column,
                    format!("alias {} {problem}: {}", index + 1, quote(&text)),
                    "write the old address as a path from the site's root, without query or \
                     fragment, e.g. \"/2019/06/18/slug/\" or \"/news/2014/slug.html\"",
                ),
            }
        }
        aliases
    }

    /// `translation_of: SLUG`: the slug of the statement this one translates.
    pub(super) fn translation_of(
        &mut self,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<Slug> {
        let text = self.optional_text("translation_of", value, line, column)?;
        let text = text.trim();
        let parsed = Slug::parse(text);
        if parsed.is_none() {
            self.error(
                line,
                column,
                format!("`translation_of` is not a valid slug: {}", quote(text)),
                &format!(
                    "give the slug of the original statement, e.g. \"{}\"",
                    slug::slugify(text)
                ),
            );
        }
        parsed
    }
}
