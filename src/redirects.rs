//! Where the redirect pages of `aliases` go, and which of them would collide: with a page the
//! export writes itself (statement, list, topic, speaker, location and year pages, feeds, the
//! index, the search files, the theme's files, 404), or with another alias's page. `check` and
//! `export` both run [`check`] (through [`crate::relations::check`]), so an alias never replaces
//! one of the export's pages, and no two aliases share a file.
//!
//! File names are compared without case: on a file system that ignores case (macOS, Windows),
//! `/News/a/` and `/news/a/` are one file.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, quote};
use crate::render::html::{STATIC_FILES, statement_page};
use crate::render::search;
use crate::statement::{Alias, Header};

/// The top-level names under which the export writes its own files (besides `statements/`,
/// where only statement pages are its own; see [`own_page`]), in lower case.
const RESERVED: [&str; 10] = [
    "index.html",
    "page",
    "topics",
    "speakers",
    "locations",
    "feed.xml",
    "feed.json",
    "404.html",
    "sitemap.xml",
    "_redirects",
];

/// What an alias's page would replace.
enum Clash<'a> {
    /// One of the export's own pages.
    Own,
    /// The page of the statement at this path.
    Statement(&'a str),
    /// Another alias's page (that alias, its statement's path).
    Alias(&'a Alias, &'a str),
}

/// Every alias whose redirect page would collide, each an error at the alias in its file (the
/// later file by path, when two aliases collide). Two statements listing the very same alias is
/// [`crate::relations::check`]'s to report, and two aliases of one statement that give one file
/// share its page.
pub fn check<H: Header>(root: &Path, statements: &[H]) -> Vec<Diagnostic> {
    let mut by_path: Vec<&H> = statements.iter().collect();
    by_path.sort_unstable_by(|a, b| a.path().cmp(b.path()));
    let pages: HashMap<String, &str> = by_path
        .iter()
        .map(|s| {
            let page = statement_page(chrono::Datelike::year(&s.day()), s.slug());
            (page.to_lowercase(), s.path())
        })
        .collect();
    // The file of each alias taken so far, and every folder those files lie in.
    let mut files: HashMap<String, (&Alias, &str)> = HashMap::new();
    let mut folders: HashMap<String, (&Alias, &str)> = HashMap::new();
    let mut found = Vec::new();
    for &statement in &by_path {
        for alias in statement.aliases() {
            let file = alias.file().to_lowercase();
            let clash = if own_page(&file) {
                Some(Clash::Own)
            } else if let Some(path) = pages.get(&file) {
                Some(Clash::Statement(path))
            } else {
                match files.get(&file).copied() {
                    // One statement's two spellings of one address share the page; one alias
                    // in two statements is reported by `relations`.
                    Some((other, path)) if path == statement.path() || other == alias => None,
                    Some((other, path)) => Some(Clash::Alias(other, path)),
                    None => folders
                        .get(&file)
                        .or_else(|| {
                            file.match_indices('/')
                                .find_map(|(i, _)| files.get(&file[..i]))
                        })
                        .map(|&(other, path)| Clash::Alias(other, path)),
                }
            };
            let Some(clash) = clash else {
                for (i, _) in file.match_indices('/') {
                    folders
                        .entry(file[..i].to_owned())
                        .or_insert((alias, statement.path()));
                }
                files.entry(file).or_insert((alias, statement.path()));
                continue;
            };
            let (line, column) = position(root, statement.path(), alias);
            let (what, help) = match clash {
                Clash::Own => (
                    "a page the export writes itself".to_owned(),
                    "remove the alias: the export's own page stays at that address",
                ),
                Clash::Statement(path) => (
                    format!("the page of {path}"),
                    "remove the alias: that address is a statement's own page",
                ),
                Clash::Alias(other, path) => (
                    format!("the page of alias {} of {path}", quote(other.as_str())),
                    "an old address leads to one statement: remove one of the aliases",
                ),
            };
            found.push(
                Diagnostic::error(
                    statement.path(),
                    line,
                    column,
                    format!(
                        "alias {} would be written at {}, over {what}",
                        quote(alias.as_str()),
                        alias.file()
                    ),
                )
                .with_help(help),
            );
        }
    }
    found
}

/// Whether the export writes the file `file` (lower case) itself, or may (a year's pages).
fn own_page(file: &str) -> bool {
    let (first, rest) = file.split_once('/').unwrap_or((file, ""));
    if first == "statements" {
        // The export writes `statements/index.html` (the years) and, under each year's folder,
        // the year's pages and its statements' pages and files. Of a year's folder only
        // `statements/YEAR/SLUG/index.html` is free (when no statement has that page); what
        // lies beside the years (`/statements/old-slug/` of a migrated site) is free.
        let is_year = |part: &str| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
        return match rest.split('/').collect::<Vec<_>>().as_slice() {
            // The years' page, or a folder of that name, which would stand in its way.
            ["index.html", ..] => true,
            [year, slug, "index.html"] if is_year(year) => *slug == "page",
            [year, ..] => is_year(year),
            _ => false,
        };
    }
    RESERVED.contains(&first)
        || first == search::FOLDER.trim_end_matches('/')
        || STATIC_FILES.iter().any(|(name, _)| *name == first)
}

/// The line and column of `alias` in the file at `path`: the first line from its `aliases` key
/// on that holds it, else the key's position.
fn position(root: &Path, path: &str, alias: &Alias) -> (usize, usize) {
    let key = crate::archive::key_position(root, path, "aliases");
    let Some(text) = std::fs::read(root.join(path))
        .ok()
        .and_then(|bytes| crate::statement::parse::decode(path, &bytes).ok())
    else {
        return key;
    };
    text.split('\n')
        .enumerate()
        .skip(key.0.saturating_sub(1))
        .take_while(|(index, line)| *index + 1 == key.0 || !line.starts_with("---"))
        .find_map(|(index, line)| {
            let at = line.find(alias.as_str())?;
            Some((index + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_keeps_its_own_names() {
        for own in [
            "index.html",
            "feed.xml",
            "style.css",
            "search/index.html",
            "topics/x/index.html",
            "page/2/index.html",
            "statements/index.html",
            "statements/2019/index.html",
            "statements/2019/page/index.html",
            "statements/2019/x.html",
            "statements/2019/page/2/index.html",
            "statements/2019/x/cite.bib",
            "statements/index.html/index.html",
            "feed.json",
            "404.html",
            "sitemap.xml",
            "_redirects",
            "speakers/ana-piquer/index.html",
            "locations/geneva/index.html",
        ] {
            assert!(own_page(own), "{own}");
        }
        for free in [
            "statements/2019/old-slug/index.html",
            "statements/old-slug/index.html",
            "statements/x/y/z/index.html",
            "2019/06/18/x/index.html",
            "news/index.html/index.html",
            "statements/news/index.html",
            "statements/20190/index.html",
            "statements/old/page/index.html",
        ] {
            assert!(!own_page(free), "{free}");
        }
    }
}

#[cfg(test)]
mod check_tests;
