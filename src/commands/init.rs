//! `press init [DIR]`: an empty archive. Never replaces a file that is already there.

use std::fs;
use std::io::Write as _;

use anyhow::Context as _;

use super::Io;
use crate::Exit;
use crate::cli::InitArgs;

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

/// What `press export` and `press` itself keep out of git.
const GITIGNORE: &str = "# The exported site and press's cache\n/site/\n/.press/\n";

/// Runs `press init`.
pub(crate) fn run(args: &InitArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let dir = &args.dir;
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
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                writeln!(io.err, "press: kept the existing {}", path.display())?;
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot create {}", path.display()));
            }
        }
    }
    writeln!(
        io.err,
        "press: archive ready in {}; add a statement with `press new`",
        dir.display()
    )?;
    Ok(Exit::Success)
}
