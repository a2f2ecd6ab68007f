//! Links from a statement's Markdown to local files (images, attachments).
//!
//! A relative link is resolved against the statement's folder, a root-relative one (`/assets/x`)
//! against the archive root; either must stay inside the archive, and so must the file's real
//! path once symbolic links are followed ([`inspect`]). `check` reports a link to a missing file,
//! to a file a symbolic link leads out of the archive to, or to something that is not a regular
//! file (a named pipe, a socket, a device) as an error, and `export` copies only regular files
//! inside the archive, from their real path, never opening anything else.

use std::fs;
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

/// What a resolved local link points at on disk, found without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A regular file whose real path (symbolic links followed) is inside the archive.
    File {
        /// The real path: the file to copy.
        real: PathBuf,
        /// The real path relative to the archive's real root, with `/` (`statements/…` for a
        /// file under `statements/`'s real folder).
        relative: String,
    },
    /// Nothing there (or a folder).
    Missing,
    /// A symbolic link on the way leads out of the archive.
    Outside,
    /// Not a regular file: what it is ("a named pipe", …).
    Special(&'static str),
}

/// Looks at the file a link resolved to ([`resolve`]) under the archive `root`: follows symbolic
/// links, and compares its real path with the root's (or with `statements/`'s, when that is a
/// link). Only `stat`s and `readlink`s: a named pipe
/// or a device is never opened.
pub fn inspect(root: &Path, file: &Path) -> Target {
    let Ok(meta) = fs::metadata(file) else {
        return Target::Missing;
    };
    if meta.is_dir() {
        return Target::Missing;
    }
    let (Ok(real), Ok(real_root)) = (fs::canonicalize(file), fs::canonicalize(root)) else {
        return Target::Missing;
    };
    let inside = match real.strip_prefix(&real_root) {
        Ok(inside) => inside.to_path_buf(),
        // `statements/` may itself be a link (the walk reads through it): what lies under its
        // real folder is inside the archive too.
        Err(_) => {
            let statements = fs::canonicalize(crate::archive::statements_dir(root));
            match statements.as_deref().map(|dir| real.strip_prefix(dir)) {
                Ok(Ok(rest)) => Path::new("statements").join(rest),
                _ => return Target::Outside,
            }
        }
    };
    if !meta.is_file() {
        return Target::Special(file_kind(&meta.file_type()));
    }
    let relative = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Target::File { real, relative }
}

/// What a file that is neither a regular file, a folder nor a symbolic link is, for messages.
pub fn file_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        return "a folder";
    }
    "not a regular file"
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

/// Errors for the statement's links to local files that do not exist, that a symbolic link leads
/// out of the archive to, or that are not regular files (body and background).
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
            let target =
                resolve(root, path, &link.url).map_or(Target::Missing, |file| inspect(root, &file));
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
            found.push(Diagnostic::error(path, line, column, message).with_help(help));
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
