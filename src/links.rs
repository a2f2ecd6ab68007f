//! Links from a statement's Markdown to local files (images, attachments).
//!
//! A relative link is resolved against the statement's folder, a root-relative one (`/assets/x`)
//! against the archive root; either must stay inside the archive. `check` reports a link to a
//! missing file as an error, and `export` copies the files that exist.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::diagnostic::{Diagnostic, quote};
use crate::statement::Statement;

/// A link or image URL in Markdown text, with its byte offset in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte offset of the link in the Markdown text.
    pub offset: usize,
    /// The destination as written.
    pub url: String,
}

/// Every link and image destination in `markdown` that points at a local file (no scheme, not
/// a fragment or query only).
pub fn local_links(markdown: &str) -> Vec<Link> {
    if !markdown.contains("](") && !markdown.contains("]:") && !markdown.contains("]<") {
        return Vec::new();
    }
    Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_local(&dest_url) =>
            {
                Some(Link {
                    offset: range.start,
                    url: dest_url.into_string(),
                })
            }
            _ => None,
        })
        .collect()
}

/// Whether a URL names a local file: no scheme, not protocol-relative, not only a fragment.
pub fn is_local(url: &str) -> bool {
    let url = url.trim();
    !url.is_empty()
        && !url.starts_with('#')
        && !url.starts_with('?')
        && !url.starts_with("//")
        && !has_scheme(url)
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !url[..colon].contains('/')
        }
        None => false,
    }
}

/// The file a local link points at, when it stays inside the archive `root`; `statement_path` is
/// relative to the root. Query and fragment are dropped and percent-escapes decoded.
pub fn resolve(root: &Path, statement_path: &str, url: &str) -> Option<PathBuf> {
    let url = url.trim();
    let path_part = url.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_decode(path_part)?;
    let (base, rest) = match decoded.strip_prefix('/') {
        Some(rest) => (PathBuf::new(), rest.to_owned()),
        None => (
            Path::new(statement_path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            decoded,
        ),
    };
    let mut joined = PathBuf::new();
    for component in base.join(rest).components() {
        match component {
            Component::Normal(part) => joined.push(part),
            Component::ParentDir => {
                if !joined.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!joined.as_os_str().is_empty()).then(|| root.join(joined))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Errors for the statement's links to local files that do not exist (body and background).
pub fn missing_local_files(root: &Path, statement: &Statement) -> Vec<Diagnostic> {
    missing_in(
        root,
        &statement.path,
        (&statement.body, statement.body_line),
        statement.background.as_deref(),
    )
}

/// [`missing_local_files`] for the statement file at `path` with this body (and the file line
/// it starts on) and background.
pub fn missing_in(
    root: &Path,
    path: &str,
    (body, body_line): (&str, usize),
    background: Option<&str>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut check = |text: &str, position_of: &dyn Fn(usize) -> (usize, usize)| {
        for link in local_links(text) {
            let exists = resolve(root, path, &link.url).is_some_and(|p| p.is_file());
            if !exists {
                let (line, column) = position_of(link.offset);
                found.push(
                    Diagnostic::error(
                        path,
                        line,
                        column,
                        format!("link to a missing local file {}", quote(&link.url)),
                    )
                    .with_help(
                        "put the file beside the statement or under assets/, or fix the link",
                    ),
                );
            }
        }
    };
    check(body, &|offset| {
        let before = &body[..offset];
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (body_line + before.matches('\n').count(), column + 1)
    });
    if let Some(background) = background {
        // The background's own line: its key's, or, in a `|` block, the line of the link. The
        // file is read again only for a missing link, so a clean archive is read once.
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
    found
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_local_links_only() {
        let links = local_links(
            "See [a](img/a.png), [b](https://x.org), [c](#top), ![d](/assets/d.jpg) and [e](mailto:x@y.z).",
        );
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["img/a.png", "/assets/d.jpg"]);
    }

    #[test]
    fn resolves_inside_the_root_only() {
        let root = Path::new("/r");
        assert_eq!(
            resolve(root, "statements/2026/x.md", "a%20b.png#x"),
            Some(PathBuf::from("/r/statements/2026/a b.png"))
        );
        assert_eq!(
            resolve(root, "statements/2026/x.md", "/assets/a.png"),
            Some(PathBuf::from("/r/assets/a.png"))
        );
        assert_eq!(
            resolve(root, "statements/2026/x.md", "../../../etc/passwd"),
            None
        );
    }
}
