//! `press correct SLUG --note …` and `press withdraw SLUG --note … | --undo`: a change on the
//! statement's record, dated by the calendar day of `--now` (else the local clock) in its offset.
//!
//! Under the archive's write lock, the file is read and parsed (a file with errors is refused),
//! edited by [`crate::statement::edit`] (only the new lines change), parsed again to prove that
//! the edit says exactly what was meant, and put in place atomically: a temporary file beside
//! it, then a rename, so the file is always either the old one or the new one.

use std::fs;
use std::path::Path;

use anyhow::{Context as _, bail};

use super::{Io, Now, catalog, no_such_statement};
use crate::Exit;
use crate::archive::WriteLock;
use crate::cli::{CorrectArgs, WithdrawArgs};
use crate::statement::edit::{self, Refusal};
use crate::statement::{self, Amendment, Statement};

/// Runs `press correct`.
pub(crate) fn correct(
    args: &CorrectArgs,
    root: &Path,
    now: Now,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let correction = amendment(&args.note, now)?;
    amend(root, &args.slug, io, |text, statement| {
        if let Some(last) = statement.corrections.last()
            && last.date > correction.date
        {
            bail!(
                "the last correction of {} is dated {}, after today ({}); corrections are listed oldest first",
                statement.path,
                last.date,
                correction.date
            );
        }
        let edited = edit::add_correction(text, &statement.corrections, &correction)
            .map_err(|refusal| refused(&statement.path, refusal))?;
        let mut expected = statement.clone();
        expected.corrections.push(correction.clone());
        Ok(Some((edited, expected)))
    })
}

/// Runs `press withdraw` (and `--undo`).
pub(crate) fn withdraw(
    args: &WithdrawArgs,
    root: &Path,
    now: Now,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let withdrawal = match &args.note {
        Some(note) if !args.undo => Some(amendment(note, now)?),
        _ => None,
    };
    amend(root, &args.slug, io, |text, statement| {
        let mut expected = statement.clone();
        let edited = match &withdrawal {
            Some(withdrawal) => {
                expected.withdrawn = Some(withdrawal.clone());
                edit::withdraw(text, withdrawal)
            }
            None => {
                expected.withdrawn = None;
                edit::unwithdraw(text)
            }
        };
        match edited {
            Ok(edited) => Ok(Some((edited, expected))),
            Err(Refusal::AlreadyWithdrawn | Refusal::NotWithdrawn) => Ok(None),
            Err(refusal) => Err(refused(&statement.path, refusal)),
        }
    })
}

/// The change `note` describes, dated by the calendar day of `now`.
fn amendment(note: &str, now: Now) -> anyhow::Result<Amendment> {
    let note = note.trim();
    if note.is_empty() {
        bail!("--note is empty: say what changed, as readers will see it");
    }
    if note.chars().any(char::is_control) {
        bail!("--note must be one line of text, without line breaks or control characters");
    }
    Ok(Amendment {
        date: now.date_naive(),
        note: note.to_owned(),
    })
}

fn refused(path: &str, refusal: Refusal) -> anyhow::Error {
    anyhow::anyhow!("cannot edit {path}: {refusal:?}")
}

/// Finds the statement `slug`, refuses a file with errors, applies `edit` and writes the result.
/// `edit` makes, of the file's text and its statement, the new text and the statement it must
/// parse to, or `None` when there is nothing to change (withdrawn twice, undo of nothing).
fn amend(
    root: &Path,
    slug: &str,
    io: &mut Io<'_>,
    edit: impl FnOnce(&str, &Statement) -> anyhow::Result<Option<(String, Statement)>>,
) -> anyhow::Result<Exit> {
    let _lock = WriteLock::acquire(root)?;
    let catalog = catalog(root, true, &[])?;
    let Some(summary) = catalog.find(slug) else {
        let broken: Vec<&str> = catalog
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && super::edit::file_slug(&d.path) == slug)
            .map(|d| d.path.as_str())
            .collect();
        if let Some(path) = broken.first() {
            io.diagnostics(catalog.diagnostics.iter().filter(|d| d.path == *path))?;
            writeln!(
                io.err,
                "press: {path} has errors; fix them (press check) before changing its record"
            )?;
            return Ok(Exit::Problems);
        }
        let slugs: Vec<&str> = catalog.summaries.iter().map(|s| s.slug.as_str()).collect();
        return no_such_statement(slug, &slugs, io);
    };
    let relative = summary.path.clone();
    let path = root.join(&relative);
    let bytes = fs::read(&path).with_context(|| format!("cannot read {relative}"))?;
    let parsed = statement::parse(&relative, &bytes);
    let Some(statement) = parsed.statement else {
        io.diagnostics(&parsed.diagnostics)?;
        writeln!(
            io.err,
            "press: {relative} has errors; fix them (press check) before changing its record"
        )?;
        return Ok(Exit::Problems);
    };
    // A file that parses is UTF-8 (with LF or CRLF line endings, perhaps a byte-order mark).
    let text = std::str::from_utf8(&bytes).with_context(|| format!("{relative} is not UTF-8"))?;
    let Some((edited, mut expected)) = edit(text, &statement)? else {
        let state = if statement.withdrawn.is_some() {
            "already withdrawn"
        } else {
            "not withdrawn"
        };
        writeln!(io.err, "press: {relative} is {state}; nothing changed")?;
        return Ok(Exit::Problems);
    };
    let reparsed = statement::parse(&relative, edited.as_bytes()).statement;
    // The new lines move the body down; nothing else may differ.
    if let Some(reparsed) = &reparsed {
        expected.body_line = reparsed.body_line;
    }
    if reparsed.as_ref() != Some(&expected) {
        bail!(
            "refusing to write {relative}: the edited file would not read back as intended \
             (nothing was written; edit it by hand with `press edit {slug}`)"
        );
    }
    crate::bulk::file::replace(root, &relative, &relative, Some(&bytes), edited.as_bytes())?;
    writeln!(io.out, "{relative}")?;
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests;
