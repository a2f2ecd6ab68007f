//! Links from a statement's Markdown: to local files (images, attachments) and to other
//! statements.
//!
//! [`scan`] finds every link of a text once, for `check` and `export` alike: Markdown links and
//! images, and the `href`/`src` of raw HTML. A relative link is resolved against the statement's
//! folder, a root-relative one (`/assets/x`) against the archive root; either must stay inside
//! the archive. A link to a statement's file is a link between statements ([`pages`]); any other
//! must lead to a file whose real path, once symbolic links are followed, is inside the archive
//! too ([`inspect`]). `check` reports a link to a missing file, to a file a symbolic link leads
//! out of the archive to, or to something that is not a regular file (a named pipe, a socket, a
//! device) as an error ([`check`]), and `export` copies only regular files inside the archive,
//! from their real path, never opening anything else.

mod check;
#[cfg(test)]
mod check_tests;
pub mod pages;
pub mod scan;

use std::fs;
use std::path::{Path, PathBuf};

pub use check::{Checked, check_in, check_statement, problems};
pub use pages::{Page, Pages, StatementLink, is_statement_file};
pub use scan::{Link, local_links};

/// Whether a URL names a local file: no scheme, not protocol-relative, not only a fragment, and
/// not one the sanitiser drops (`java\nscript:` is a scheme once whitespace is removed).
pub fn is_local(url: &str) -> bool {
    let url = url.trim();
    !url.is_empty()
        && !url.starts_with('#')
        && !url.starts_with('?')
        && !url.starts_with("//")
        && !has_scheme(url)
        && crate::render::sanitize::is_safe_url(url)
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
    resolve_relative(statement_path, url).map(|relative| root.join(relative))
}

/// [`resolve`], relative to the archive root with `/` (`statements/2019/x.md`), without
/// looking at the disk.
pub fn resolve_relative(statement_path: &str, url: &str) -> Option<String> {
    let url = url.trim();
    let path_part = url.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_decode(path_part)?;
    let (base, rest) = match decoded.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (
            statement_path
                .rsplit_once('/')
                .map_or("", |(folder, _)| folder),
            decoded.as_str(),
        ),
    };
    let mut joined: Vec<&str> = Vec::new();
    for part in base.split('/').chain(rest.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                joined.pop()?;
            }
            part => joined.push(part),
        }
    }
    (!joined.is_empty()).then(|| joined.join("/"))
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            resolve_relative("statements/2026/x.md", "../2019/2019-06-18-y.md#quote"),
            Some("statements/2019/2019-06-18-y.md".to_owned())
        );
        assert_eq!(
            resolve_relative("statements/2026/x.md", "./2026-01-27-z.md"),
            Some("statements/2026/2026-01-27-z.md".to_owned())
        );
        assert_eq!(resolve_relative("statements/2026/x.md", "/"), None);
    }
}
