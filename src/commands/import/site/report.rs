//! The one summary of a migration run: what was written, skipped and refused, and what was
//! done to the posts on the way (keys kept, tags translated, links rewritten, files copied).

use super::super::Io;
use crate::import::site::Post;

/// Counts by name, in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Counts(Vec<(String, usize)>);

impl Counts {
    /// Adds `n` to `name`.
    pub(crate) fn add(&mut self, name: &str, n: usize) {
        match self.0.iter_mut().find(|(k, _)| k == name) {
            Some((_, count)) => *count += n,
            None => self.0.push((name.to_owned(), n)),
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `name (n unit[s]), …`, the largest first.
    fn list(&self, unit: &str) -> String {
        let mut sorted: Vec<&(String, usize)> = self.0.iter().collect();
        sorted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        sorted
            .iter()
            .map(|(name, n)| format!("{name} ({n} {unit}{})", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What a site import tells once, not per file.
#[derive(Debug, Default)]
pub(crate) struct SiteReport {
    pub(crate) unknown: Counts,
    pub(crate) dropped: Counts,
    pub(crate) misfits: Counts,
    pub(crate) duplicates: Counts,
    pub(crate) not_posts: Counts,
    pub(crate) translated: Counts,
    pub(crate) left: Counts,
    pub(crate) links: Counts,
    pub(crate) refused: Counts,
    /// Per-file notes (a normalised slug, a control character, a date replaced).
    pub(crate) notes: Vec<String>,
    pub(crate) assumed_offset: usize,
    pub(crate) copied: usize,
    pub(crate) shared: usize,
    /// Links that need the old site's address, which no option or configuration gave.
    pub(crate) need_url: usize,
}

impl SiteReport {
    /// Takes note of one post as read.
    pub(crate) fn add(&mut self, file: &str, post: &Post) {
        for key in &post.unknown_keys {
            self.unknown.add(&format!("`{key}`"), 1);
        }
        for key in &post.dropped_keys {
            self.dropped.add(&format!("`{key}`"), 1);
        }
        for key in &post.misfits {
            self.misfits.add(key, 1);
        }
        for key in &post.duplicates {
            self.duplicates.add(&format!("`{key}`"), 1);
            self.notes.push(format!("{file}: `{key}` is written twice: the later value is taken, the earlier kept as extra.duplicate_{key}"));
        }
        for removed in &post.removed {
            self.notes.push(format!(
                "{file}:{}: control character U+{:04X} removed",
                removed.line,
                u32::from(removed.character)
            ));
        }
        if post.assumed_offset {
            self.assumed_offset += 1;
        }
        if let (Some(original), Some(slug)) = (&post.original_slug, &post.slug) {
            self.notes.push(format!("{file}: slug {original:?} normalised to `{slug}` (the original kept as extra.original_slug)"));
        }
        if post.title_from_file {
            self.notes.push(format!(
                "{file}: warning: no title: the file name's words are taken, as Jekyll does"
            ));
        }
        if post.extra.iter().any(|(k, _)| k == "original_date") {
            self.notes.push(format!("{file}: warning: the date cannot be read; the file name's date is used, the original kept as extra.original_date"));
        }
    }

    /// Prints the summary to standard error.
    pub(crate) fn print(&self, io: &mut Io<'_>, offset: &str) -> anyhow::Result<()> {
        for note in &self.notes {
            writeln!(io.err, "{note}")?;
        }
        let lines: [(&str, &Counts, &str); 9] = [
            ("not posts, skipped", &self.not_posts, "file"),
            ("refused", &self.refused, "post"),
            ("kept under extra", &self.unknown, "file"),
            (
                "values that do not fit the format, kept under extra",
                &self.misfits,
                "post",
            ),
            ("keys written twice", &self.duplicates, "post"),
            ("dropped", &self.dropped, "file"),
            (
                "Liquid tags and shortcodes translated",
                &self.translated,
                "time",
            ),
            ("left as text", &self.left, "time"),
            ("links rewritten", &self.links, "link"),
        ];
        for (what, counts, unit) in lines {
            if !counts.is_empty() {
                writeln!(io.err, "{what}: {}", counts.list(unit))?;
            }
        }
        if !self.unknown.is_empty() {
            writeln!(
                io.err,
                "(drop unknown keys with --drop-unknown, or send one elsewhere with --map KEY=FIELD)"
            )?;
        }
        if self.copied + self.shared > 0 {
            writeln!(
                io.err,
                "files copied into assets/: {} ({} already there)",
                self.copied, self.shared
            )?;
        }
        if self.assumed_offset > 0 {
            writeln!(
                io.err,
                "{} post dates have a time but no offset: assumed {offset} (set another with --tz)",
                self.assumed_offset
            )?;
        }
        if self.need_url > 0 {
            writeln!(
                io.err,
                "warning: {} links lead to the old site, whose address is unknown: they are kept as written (give it with --site-url URL)",
                self.need_url
            )?;
        }
        Ok(())
    }
}
