//! `press init [DIR]`: an empty archive. Never replaces a file that is already there; an
//! existing `.gitignore` only gets the lines press needs appended.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

use super::Io;
use crate::Exit;
use crate::ci::{self, Host};
use crate::cli::{CiHost, InitArgs};

/// The commented defaults of a new `press.toml`.
const PRESS_TOML: &str = r#"# Settings of this press archive. Every key is optional.

# Site title, shown on every exported page.
# title = "Press statements"

# Absolute URL the site is published at; needed for feeds' permalinks and the sitemap.
# base_url = "https://example.org/press/"

# Default language of the site (BCP 47).
# language = "en"

# Organisation publishing the statements.
# organization = "Example Organisation"

# One-line description for feeds and search engines.
# description = "Statements by Example Organisation"

# Statements per page on the home, topic, speaker and location pages.
# per_page = 50
"#;

/// The comment above [`IGNORED`] in a `.gitignore`.
const GITIGNORE_COMMENT: &str = "# The exported site, press's cache and database";

/// What `press export`, `press db` and `press` itself keep out of git, one `.gitignore` line each.
const IGNORED: [&str; 3] = ["/site/", "/.press/", "/press.sqlite"];

/// What `press export`, `press db` and `press` itself keep out of git.
const GITIGNORE: &str =
    "# The exported site, press's cache and database\n/site/\n/.press/\n/press.sqlite\n";

/// Runs `press init`.
pub(crate) fn run(args: &InitArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let dir = &args.dir;
    let host = args.ci.map(|host| match host {
        CiHost::Github => Host::Github,
        CiHost::Gitlab => Host::Gitlab,
    });
    // Refused before anything is written.
    if let Some(host) = host {
        ci::refuse_existing(&dir.join(host.path()))?;
    }
    fs::create_dir_all(dir.join("statements"))
        .with_context(|| format!("cannot create {}", dir.join("statements").display()))?;
    for (name, text) in [("press.toml", PRESS_TOML), (".gitignore", GITIGNORE)] {
        let path = dir.join(name);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => file
                .write_all(text.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?,
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && name == ".gitignore" => {
                // Only a regular file is completed: a link may lead out of the archive, and a
                // named pipe would never finish reading.
                if !fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file()) {
                    writeln!(
                        io.err,
                        "press: kept the existing {} (not a regular file); it should ignore {}",
                        path.display(),
                        and_list(&IGNORED)
                    )?;
                    continue;
                }
                let added = complete_gitignore(&path)?;
                if added.is_empty() {
                    writeln!(io.err, "press: kept the existing {}", path.display())?;
                } else {
                    writeln!(
                        io.err,
                        "press: added {} to the existing {}",
                        and_list(&added),
                        path.display()
                    )?;
                }
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                writeln!(io.err, "press: kept the existing {}", path.display())?;
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot create {}", path.display()));
            }
        }
    }
    if let Some(host) = host {
        let path = ci::write(dir, host)?;
        writeln!(io.err, "press: wrote {}", path.display())?;
    }
    writeln!(
        io.err,
        "press: archive ready in {}; add a statement with `press new`",
        dir.display()
    )?;
    Ok(Exit::Success)
}

/// Appends to the `.gitignore` at `path` the lines of [`IGNORED`] it lacks (under
/// [`GITIGNORE_COMMENT`]), keeping every byte already there; returns the lines added. The file is
/// replaced atomically (a temporary file beside it, then a rename) and keeps its permissions.
/// `path` is a regular file (the caller checked).
fn complete_gitignore(path: &Path) -> anyhow::Result<Vec<&'static str>> {
    let existing = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let missing = missing_lines(&existing);
    if missing.is_empty() {
        return Ok(missing);
    }
    let permissions = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .permissions();
    let dir = path.parent().context("a file has a folder")?;
    let mut temp = tempfile::Builder::new()
        .prefix(".press-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(&appended(&existing, &missing))
        .context("cannot write the temporary file")?;
    temp.as_file()
        .set_permissions(permissions)
        .context("cannot set the temporary file's permissions")?;
    temp.as_file()
        .sync_all()
        .context("cannot flush the temporary file")?;
    temp.persist(path)
        .map_err(|err| anyhow::Error::new(err.error))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(missing)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The lines of [`IGNORED`] that the `.gitignore` text `existing` lacks. A line naming the same
/// folder without the leading or trailing `/` (`site/`, `/.press`) counts as present.
fn missing_lines(existing: &[u8]) -> Vec<&'static str> {
    let lines: Vec<&[u8]> = existing
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .collect();
    IGNORED
        .into_iter()
        .filter(|wanted| {
            let bare = wanted.trim_matches('/');
            !lines.iter().any(|line| {
                let line = line.strip_prefix(b"/").unwrap_or(line);
                let line = line.strip_suffix(b"/").unwrap_or(line);
                line == bare.as_bytes()
            })
        })
        .collect()
}

/// `existing` with `missing` appended under [`GITIGNORE_COMMENT`], in the file's own line endings
/// (CRLF when it already uses them), after a line break when the file does not end with one.
fn appended(existing: &[u8], missing: &[&str]) -> Vec<u8> {
    let newline: &[u8] = if existing.windows(2).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut text = existing.to_vec();
    if !text.is_empty() && !text.ends_with(b"\n") {
        text.extend_from_slice(newline);
    }
    for line in std::iter::once(GITIGNORE_COMMENT).chain(missing.iter().copied()) {
        text.extend_from_slice(line.as_bytes());
        text.extend_from_slice(newline);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gitignore_gets_only_the_lines_it_lacks() {
        assert_eq!(missing_lines(b""), IGNORED);
        assert_eq!(missing_lines(b"target/\n"), IGNORED);
        assert_eq!(missing_lines(b"site/\n"), ["/.press/", "/press.sqlite"]);
        assert_eq!(missing_lines(b" /.press \r\n/site\r\n"), ["/press.sqlite"]);
        assert_eq!(
            missing_lines(b" /.press \r\n/site\r\npress.sqlite\r\n"),
            Vec::<&str>::new()
        );
        assert_eq!(missing_lines(GITIGNORE.as_bytes()), Vec::<&str>::new());
        assert_eq!(missing_lines(b"/site/x\n#/.press/\n"), IGNORED);
    }

    #[test]
    fn appending_keeps_every_byte_and_the_line_endings() {
        assert_eq!(
            appended(b"target/", &["/site/"]),
            b"target/\n# The exported site, press's cache and database\n/site/\n"
        );
        assert_eq!(
            appended(b"a\r\nb\r\n", &IGNORED),
            b"a\r\nb\r\n# The exported site, press's cache and database\r\n/site/\r\n/.press/\r\n/press.sqlite\r\n"
        );
        assert_eq!(appended(b"", &IGNORED), GITIGNORE.as_bytes());
    }
}
