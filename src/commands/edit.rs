//! `press edit SLUG`, and the editor round trip `new --edit` shares: open the file in
//! `$VISUAL` (else `$EDITOR`), then check it.

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, bail};

use super::{Io, load, no_such_statement};
use crate::Exit;
use crate::cli::EditArgs;
use crate::statement;

/// Runs `press edit`.
pub(crate) fn run(args: &EditArgs, root: &Path, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let archive = load(root)?;
    let path = match archive.find(&args.slug) {
        Some(statement) => statement.path.clone(),
        None => {
            // A statement file with errors is not in the archive's statements, but it can still
            // be edited: a regular `.md` file the walk read (never a named pipe or a link it
            // skipped, which an editor would hang on or follow out of the archive).
            let mut unusable: Vec<&str> = archive
                .errors()
                .map(|d| d.path.as_str())
                .filter(|path| path.ends_with(".md"))
                .filter(|path| fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.is_file()))
                .collect();
            unusable.sort_unstable();
            unusable.dedup();
            match unusable.iter().find(|path| file_slug(path) == args.slug) {
                Some(path) => (*path).to_owned(),
                None => {
                    // As `show` suggests them, newest first, then the files with errors.
                    let mut slugs: Vec<&str> =
                        archive.statements.iter().map(|s| s.slug.as_str()).collect();
                    let known: HashSet<&str> = slugs.iter().copied().collect();
                    slugs.extend(
                        unusable
                            .iter()
                            .map(|path| file_slug(path))
                            .filter(|slug| !known.contains(slug)),
                    );
                    return no_such_statement(&args.slug, &slugs, io);
                }
            }
        }
    };
    open_and_check(root, &path, io)
}

/// The slug a file name gives (`2026-01-27-x.md` → `x`).
pub(super) fn file_slug(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    if stem.len() > 11 && stem.as_bytes()[10] == b'-' {
        &stem[11..]
    } else {
        stem
    }
}

/// Opens `relative` (under `root`) in the user's editor, waits, then checks the file.
pub(crate) fn open_and_check(root: &Path, relative: &str, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .context("no editor: set $VISUAL or $EDITOR (for example EDITOR=nano)")?;
    let path = root.join(relative);
    // Through the shell, as git does, so that "code --wait" and friends work.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("press-editor")
        .arg(&path)
        .status()
        .with_context(|| format!("cannot start the editor {editor:?}"))?;
    if !status.success() {
        bail!("the editor {editor:?} failed ({status}); {relative} is as the editor left it");
    }
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {relative}"))?;
    let parsed = statement::parse(relative, &bytes);
    io.diagnostics(&parsed.diagnostics)?;
    if parsed.statement.is_none() {
        writeln!(
            io.err,
            "press: {relative} has errors; run `press edit` again to fix them"
        )?;
        return Ok(Exit::Problems);
    }
    Ok(Exit::Success)
}
