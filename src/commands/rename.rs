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
use std::path::Path;

use chrono::Datelike as _;

use super::{Io, load, no_such_statement, rewrite};
use crate::Exit;
use crate::archive::WriteLock;
use crate::bulk::Change;
use crate::cli::RenameArgs;
use crate::diagnostic::quote;
use crate::rename::{add_alias, moved_path, rewrite_links, set_value};
use crate::slug::{self, Slug};
use crate::statement::{self, Alias, Statement};

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
            writeln!(io.out, "{}: {}", change.shown(), change.what.join(", "))?;
        }
        writeln!(io.err, "press: dry run: nothing written")?;
        return Ok(Exit::Success);
    }
    if let Some(exit) = rewrite::write(root, &changes, "rename", io)? {
        return Ok(exit);
    }
    writeln!(
        io.err,
        "press: renamed; {} changed",
        crate::diagnostic::count(changes.len(), "file")
    )?;
    Ok(Exit::Success)
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
            old: Some(text),
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
