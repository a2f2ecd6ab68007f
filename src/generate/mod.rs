//! Deterministic synthetic archives for tests and benchmarks.
//!
//! [`statements`] yields `count` statement files in the archive format. Statement `i` depends only on
//! `(seed, i)`, so the first N statements of a larger archive are byte-identical to an archive of N.
//! Randomness comes from a hand-written splitmix64 generator and integer arithmetic only (no floating
//! point, no `rand` crate), so the bytes never change with crate versions or platforms; only an edit
//! to this module changes them (`first_statements_are_pinned` in the tests notices).
//!
//! The shape follows the performance issue: front matter of 0.4–1.7 KB, a body of 1.5–4 KB of
//! Markdown paragraphs with quoted statements, about 65 % with a `background`, 300 topics and 2,000
//! speakers drawn from Zipf-like distributions, about 1 % drafts, about 10 % with two speakers,
//! non-ASCII names and places (some in Arabic script), and dates from 1990 to 2026. Every topic
//! keeps one spelling and every speaker one role, so `press check` on a generated archive is clean.
//!
//! [`write_archive`] writes an archive (`statements/YYYY/YYYY-MM-DD-slug.md` and an empty
//! `press.toml`); [`write_hugo_site`] writes the same statements as a Hugo site with the committed
//! layout from `bench/hugo/`, for the benchmark against Hugo.
//!
//! This module depends on nothing else in the crate, only on `deunicode` for slugs and `rayon` to
//! write files in parallel. Inside: `random` (splitmix64, Zipf draws), `words` (the fixed
//! vocabulary), `compose` (one statement from `(seed, i)`), `format` (its archive file and Hugo page).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use rayon::prelude::*;

mod compose;
mod format;
mod random;
mod words;

use compose::Generator;
#[cfg(test)]
use compose::{civil_from_days, days_from_civil};
#[cfg(test)]
use format::{quoted, slugify};

/// Number of distinct topics the generator uses.
pub const TOPIC_COUNT: usize = 300;
/// Number of distinct speakers the generator uses.
pub const SPEAKER_COUNT: usize = 2_000;

/// One generated statement file: its path relative to the archive root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the archive root, with `/` separators: `statements/YYYY/YYYY-MM-DD-slug.md`.
    pub path: String,
    /// The whole file: front matter between `---` lines, then the Markdown body.
    pub text: String,
}

/// The first `count` statements for `seed`, in order. Statement `i` depends only on `(seed, i)`.
pub fn statements(count: usize, seed: u64) -> impl Iterator<Item = GeneratedFile> {
    let generator = Generator::new();
    (0..count).map(move |i| generator.statement(seed, i).archive_file())
}

/// Writes an archive of `count` statements under `root`: `statements/YYYY/YYYY-MM-DD-slug.md`
/// for each, and an empty `press.toml`. Existing files with the same names are overwritten; other
/// files are left alone.
pub fn write_archive(root: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    fs::create_dir_all(root.join("statements"))?;
    fs::write(root.join("press.toml"), "")?;
    let generator = Generator::new();
    (0..count).into_par_iter().try_for_each(|i| {
        let file = generator.statement(seed, i).archive_file();
        write_file(root, &file.path, &file.text)
    })
}

/// Writes the same `count` statements as a Hugo site under `dir`: the committed configuration and
/// layouts from `bench/hugo/`, `content/statements/YYYY/YYYY-MM-DD-slug.md` for each statement
/// (so page URLs equal those of the floor and of `press export`), and an `_index.md` per section.
pub fn write_hugo_site(dir: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for (path, text) in HUGO_FILES {
        write_file(dir, path, text)?;
    }
    let generator = Generator::new();
    let years = (0..count)
        .into_par_iter()
        .map(|i| {
            let statement = generator.statement(seed, i);
            let (path, text) = statement.hugo_file();
            write_file(dir, &path, &text).map(|()| BTreeSet::from([statement.date.0]))
        })
        .try_reduce(BTreeSet::new, |mut a, b| {
            a.extend(b);
            Ok(a)
        })?;
    let index = "---\ntitle: \"Statements\"\n---\n";
    write_file(dir, "content/statements/_index.md", index)?;
    for year in years {
        let path = format!("content/statements/{year}/_index.md");
        write_file(dir, &path, &format!("---\ntitle: \"{year}\"\n---\n"))?;
    }
    Ok(())
}

/// The committed Hugo configuration and layouts, embedded so the site is self-contained.
const HUGO_FILES: [(&str, &str); 9] = [
    ("hugo.toml", include_str!("../../bench/hugo/hugo.toml")),
    (
        "layouts/_default/baseof.html",
        include_str!("../../bench/hugo/layouts/_default/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("../../bench/hugo/layouts/_default/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("../../bench/hugo/layouts/_default/list.html"),
    ),
    (
        "layouts/_default/terms.html",
        include_str!("../../bench/hugo/layouts/_default/terms.html"),
    ),
    (
        "layouts/_default/term.html",
        include_str!("../../bench/hugo/layouts/_default/term.html"),
    ),
    (
        "layouts/statements/list.html",
        include_str!("../../bench/hugo/layouts/statements/list.html"),
    ),
    (
        "layouts/index.html",
        include_str!("../../bench/hugo/layouts/index.html"),
    ),
    (
        "layouts/index.atom.xml",
        include_str!("../../bench/hugo/layouts/index.atom.xml"),
    ),
];

/// Writes `rel` under `root`, creating its folder when the first write finds it missing.
fn write_file(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    match fs::write(&path, text) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, text)
        }
        result => result,
    }
}

#[cfg(test)]
mod tests;
