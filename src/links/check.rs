//! What `check` and `export` report about a statement's links, found by one function
//! ([`check_in`]) so that each finds exactly the problems the other would.

use std::path::Path;

use super::pages::{Pages, StatementLink, is_statement_file};
use super::{Target, inspect, local_links, resolve_relative};
use crate::diagnostic::{Diagnostic, quote};
use crate::statement::Statement;

/// What a statement's links show: the problems of its links to files, and its links to other
/// statements, which [`Pages::judge`] judges once the whole archive is known.
#[derive(Debug, Default)]
pub struct Checked {
    /// Links to missing or unusable files.
    pub diagnostics: Vec<Diagnostic>,
    /// Links to statement files.
    pub statement_links: Vec<StatementLink>,
}

/// [`check_in`] for a statement's body and background.
pub fn check_statement(root: &Path, statement: &Statement) -> Checked {
    check_in(
        root,
        &statement.path,
        (&statement.body, statement.body_line),
        statement.background.as_deref(),
    )
}

/// Every problem of the links of the statement file at `path` (its body, the file line it starts
/// on, and its background) together with [`Pages::judge`]'s verdict on its links to statements.
pub fn problems(
    root: &Path,
    path: &str,
    body: (&str, usize),
    background: Option<&str>,
    pages: &Pages<'_>,
) -> Vec<Diagnostic> {
    let checked = check_in(root, path, body, background);
    let mut found = checked.diagnostics;
    found.extend(
        checked
            .statement_links
            .iter()
            .filter_map(|l| pages.judge(l)),
    );
    found
}

/// Checks the links to local files of the statement file at `path`, with this body (and the file
/// line it starts on) and background: errors for links to files that do not exist, that a
/// symbolic link leads out of the archive to, or that are not regular files. Links to statement
/// files are collected, not judged. A text without links costs no look at the disk.
pub fn check_in(
    root: &Path,
    path: &str,
    (body, body_line): (&str, usize),
    background: Option<&str>,
) -> Checked {
    let mut checked = Checked::default();
    let mut check = |text: &str, position_of: &dyn Fn(usize) -> (usize, usize)| {
        for link in local_links(text) {
            let relative = resolve_relative(path, &link.url);
            if let Some(target) = relative.as_deref().filter(|r| is_statement_file(r)) {
                let (line, column) = position_of(link.offset);
                checked.statement_links.push(StatementLink {
                    path: path.to_owned(),
                    line,
                    column,
                    url: link.url,
                    target: target.to_owned(),
                });
                continue;
            }
            let target = relative.map_or(Target::Missing, |r| inspect(root, &root.join(r)));
            let (message, help) = match target {
                Target::File { .. } => continue,
                Target::Missing => (
                    format!("link to a missing local file {}", quote(&link.url)),
                    "put the file beside the statement or under assets/, or fix the link",
                ),
                Target::Outside => (
                    format!(
                        "link to a file outside the archive {} (a symbolic link leads out)",
                        quote(&link.url)
                    ),
                    "copy the file beside the statement or under assets/ instead of linking to it",
                ),
                Target::Special(kind) => (
                    format!(
                        "link to a local file that is not a regular file {} ({kind})",
                        quote(&link.url)
                    ),
                    "link to a regular file beside the statement or under assets/",
                ),
            };
            let (line, column) = position_of(link.offset);
            checked
                .diagnostics
                .push(Diagnostic::error(path, line, column, message).with_help(help));
        }
    };
    check(body, &|offset| {
        let before = &body[..offset];
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (body_line + before.matches('\n').count(), column + 1)
    });
    if let Some(background) = background {
        // The background's own line: its key's, or, in a `|` block, the line of the link. The
        // file is read again only for a link with a problem or to a statement, so a clean
        // archive is read once.
        let key = std::sync::OnceLock::new();
        check(background, &|offset| {
            let key = key.get_or_init(|| background_key(root, path));
            match *key {
                Some((line, _, true)) => (line + 1 + background[..offset].matches('\n').count(), 1),
                Some((line, column, false)) => (line, column),
                None => (1, 1),
            }
        });
    }
    checked
}

/// Line and column of the `background:` key of the statement file at `path`, and whether its
/// value is a `|` or `>` block.
fn background_key(root: &Path, path: &str) -> Option<(usize, usize, bool)> {
    let bytes = std::fs::read(root.join(path)).ok()?;
    let text = crate::statement::parse::decode(path, &bytes).ok()?;
    let (line, column) = crate::statement::parse::key_position(&text, "background")?;
    let mut value = text.split('\n').nth(line - 1)?.chars().skip(column - 1);
    Some((line, column, matches!(value.next(), Some('|' | '>'))))
}
