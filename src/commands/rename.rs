//! `press rename SLUG NEW-SLUG`: moves a statement to a new slug without breaking a link to it.
//!
//! Under the archive's lock ([`crate::archive::WriteLock`], as `new` and `import` take it), every
//! change is worked out and checked first ([`crate::rename`]): the moved file with its old
//! address in `aliases` and its `slug:`, links to it and `translation_of` naming it in other
//! statements. Each new text must parse to the same statement with only those values changed, or
//! nothing is written. Then each file is written atomically (a temporary file renamed over it),
//! the moved one first and its old file removed, so a failure part-way leaves every file old or
//! new, and the message names which are which.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;
use chrono::Datelike as _;

use super::{Io, load, no_such_statement};
use crate::Exit;
use crate::archive::WriteLock;
use crate::cli::RenameArgs;
use crate::diagnostic::quote;
use crate::rename::{add_alias, moved_path, rewrite_links, set_value};
use crate::slug::{self, Slug};
use crate::statement::{self, Alias, Statement};

/// One file to change: its path, its text as read, its new text, where it goes (the moved file
/// only), and what changes in it (for `--dry-run` and the summary).
struct Change {
    path: String,
    old: String,
    new: String,
    moved_to: Option<String>,
    what: Vec<String>,
}

/// Runs `press rename`.
pub(crate) fn run(args: &RenameArgs, root: &Path, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let Some(new) = Slug::parse(&args.new_slug) else {
        writeln!(
            io.err,
            "press: rename refused: {} is not a valid slug (lower-case letters, digits and single hyphens), e.g. {}",
            quote(&args.new_slug),
            slug::slugify(&args.new_slug)
        )?;
        return Ok(Exit::Usage);
    };
    let _lock = WriteLock::acquire(root)?;
    let archive = load(root)?;
    let Some(renamed) = archive.find(&args.slug) else {
        let slugs: Vec<&str> = archive.statements.iter().map(|s| s.slug.as_str()).collect();
        return no_such_statement(&args.slug, &slugs, io);
    };
    let moved = moved_path(&renamed.path, new.as_str());
    if let Some(taken) = archive.find(new.as_str()) {
        writeln!(
            io.err,
            "press: rename refused: the slug {new} is taken by {}; choose another",
            taken.path
        )?;
        return Ok(Exit::Usage);
    }
    if moved != renamed.path && fs::symlink_metadata(root.join(&moved)).is_ok() {
        writeln!(
            io.err,
            "press: rename refused: {moved} already exists; press never replaces a statement file"
        )?;
        return Ok(Exit::Usage);
    }
    let unread = archive.errors().count();
    let changes = match plan(root, &archive.statements, renamed, &new, &moved) {
        Ok(changes) => changes,
        Err(reason) => {
            writeln!(io.err, "press: rename refused: {reason}; nothing written")?;
            return Ok(Exit::Usage);
        }
    };
    if unread > 0 {
        writeln!(
            io.err,
            "press: warning: files with errors were not searched for links ({}); `press check` lists them",
            crate::diagnostic::count(unread, "error")
        )?;
    }
    if args.dry_run {
        for change in &changes {
            let at = match &change.moved_to {
                Some(to) => format!("{} -> {to}", change.path),
                None => change.path.clone(),
            };
            writeln!(io.out, "{at}: {}", change.what.join(", "))?;
        }
        writeln!(io.err, "press: dry run: nothing written")?;
        return Ok(Exit::Success);
    }
    write(root, &changes, io)
}

/// Every change the rename makes, each checked by parsing its result, or why it cannot be made.
fn plan(
    root: &Path,
    statements: &[Statement],
    renamed: &Statement,
    new: &Slug,
    moved: &str,
) -> Result<Vec<Change>, String> {
    let read = |path: &str| {
        fs::read_to_string(root.join(path)).map_err(|err| format!("cannot read {path}: {err}"))
    };
    let new_name = moved.rsplit('/').next().unwrap_or(moved);
    let old_page = format!(
        "/statements/{:04}/{}/",
        renamed.published.day().year(),
        renamed.slug
    );
    let new_page = format!("/statements/{:04}/{new}/", renamed.published.day().year());
    let mut changes = Vec::new();
    for statement in statements {
        let text = read(&statement.path)?;
        let mut what = Vec::new();
        let mut expected = statement.clone();
        let mut edited = text.clone();
        let is_renamed = statement.path == renamed.path;
        let moves = is_renamed && moved != statement.path;
        if is_renamed {
            what.push(format!("renamed to {new}"));
            expected.path = moved.to_owned();
            expected.slug = new.clone();
            if statement.slug_given {
                edited = set_value(&edited, "slug", new.as_str()).ok_or_else(|| {
                    format!(
                        "cannot change `slug:` in {}: edit it by hand",
                        statement.path
                    )
                })?;
                what.push("slug".to_owned());
            }
            let alias = Alias::parse(&old_page).map_err(|p| format!("{old_page} {p}"))?;
            if !expected.aliases.contains(&alias) {
                edited = add_alias(&edited, &old_page).ok_or_else(|| {
                    format!(
                        "cannot add {old_page} to the `aliases` of {}: write the list on one line, or add it by hand",
                        statement.path
                    )
                })?;
                expected.aliases.push(alias);
                what.push(format!("alias {old_page}"));
            }
            if expected.aliases.iter().any(|a| a.as_str() == new_page) {
                return Err(format!(
                    "{} has {new_page} in its `aliases`, the new slug's own page: remove it first",
                    statement.path
                ));
            }
        }
        if statement.translation_of.as_ref() == Some(&renamed.slug) {
            edited = set_value(&edited, "translation_of", new.as_str()).ok_or_else(|| {
                format!(
                    "cannot change `translation_of` in {}: edit it by hand",
                    statement.path
                )
            })?;
            expected.translation_of = Some(new.clone());
            what.push("translation_of".to_owned());
        }
        let (linked, links) = rewrite_links(&statement.path, &edited, &renamed.path, new_name);
        if links > 0 {
            what.push(crate::diagnostic::count(links, "link"));
        }
        if what.is_empty() {
            continue;
        }
        // The new text must say what the old one said, apart from the values changed.
        let parsed = statement::parse(&expected.path, linked.as_bytes());
        let Some(mut got) = parsed
            .statement
            .filter(|_| parsed.diagnostics.iter().all(|d| !d.is_error()))
        else {
            return Err(format!(
                "the changed {} would not parse; edit it by hand",
                statement.path
            ));
        };
        got.body.clone_from(&expected.body);
        got.body_line = expected.body_line;
        if got != expected {
            return Err(format!(
                "the changed {} would differ in more than the renamed values; edit it by hand",
                statement.path
            ));
        }
        changes.push(Change {
            path: statement.path.clone(),
            old: text,
            new: linked,
            moved_to: moves.then(|| moved.to_owned()),
            what,
        });
    }
    // The renamed file first: the others point at it.
    changes.sort_by(|a, b| {
        (a.path != renamed.path)
            .cmp(&(b.path != renamed.path))
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(changes)
}

/// Writes the changes in order, each atomically; on a failure, says which files are new and
/// which are still old.
fn write(root: &Path, changes: &[Change], io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let mut done: Vec<String> = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        if let Err(err) = write_one(root, change) {
            let left: Vec<&str> = changes[index..].iter().map(|c| c.path.as_str()).collect();
            writeln!(io.err, "press: rename failed: {err:#}")?;
            writeln!(
                io.err,
                "  already changed: {}",
                if done.is_empty() {
                    "none".to_owned()
                } else {
                    done.join(", ")
                }
            )?;
            writeln!(io.err, "  not changed (as before): {}", left.join(", "))?;
            return Ok(Exit::Usage);
        }
        let shown = match &change.moved_to {
            Some(to) => format!("{} -> {to}", change.path),
            None => change.path.clone(),
        };
        writeln!(io.out, "{shown}: {}", change.what.join(", "))?;
        done.push(
            change
                .moved_to
                .clone()
                .unwrap_or_else(|| change.path.clone()),
        );
    }
    writeln!(
        io.err,
        "press: renamed; {} changed",
        crate::diagnostic::count(changes.len(), "file")
    )?;
    Ok(Exit::Success)
}

/// Writes one change: the file must still hold what was read; the moved file is written beside
/// its old one (never over another file) before the old one is removed.
fn write_one(root: &Path, change: &Change) -> anyhow::Result<()> {
    let path = root.join(&change.path);
    let now = fs::read_to_string(&path).with_context(|| format!("cannot read {}", change.path))?;
    if now != change.old {
        anyhow::bail!(
            "{} changed while press was renaming; it was not written",
            change.path
        );
    }
    let target = change.moved_to.as_deref().unwrap_or(&change.path);
    injected_failure(target)?;
    let full = root.join(target);
    let dir = full.parent().context("a statement file has a folder")?;
    let mut temp = tempfile::Builder::new()
        .prefix(".press-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write {target}"))?;
    temp.write_all(change.new.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {target}"))?;
    if let Ok(meta) = fs::metadata(&path) {
        let _ = fs::set_permissions(temp.path(), meta.permissions());
    }
    if change.moved_to.is_some() {
        temp.persist_noclobber(&full).map_err(|err| {
            anyhow::Error::new(err.error).context(format!("cannot write {target}"))
        })?;
        fs::remove_file(&path).with_context(|| {
            format!(
                "wrote {target} but cannot remove {}; remove it by hand",
                change.path
            )
        })?;
    } else {
        temp.persist(&full).map_err(|err| {
            anyhow::Error::new(err.error).context(format!("cannot write {target}"))
        })?;
    }
    Ok(())
}

/// In debug builds only, a failure at the file `PRESS_TEST_FAIL_WRITE` names (a path from the
/// root): the tests' way to stop a rename part-way, which a read-only folder cannot do when they
/// run as root.
fn injected_failure(target: &str) -> anyhow::Result<()> {
    if cfg!(debug_assertions)
        && std::env::var_os("PRESS_TEST_FAIL_WRITE").is_some_and(|p| p == target)
    {
        anyhow::bail!("cannot write {target}: injected failure (PRESS_TEST_FAIL_WRITE)");
    }
    Ok(())
}
