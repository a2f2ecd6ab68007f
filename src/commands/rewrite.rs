//! Writing a planned set of file changes ([`crate::bulk`]) and reporting it: each file written
//! on stdout as `path: what`, and on a failure part-way, the files already changed and those
//! left as before (exit 2). Shared by `rename` and the bulk renames, whose whole course from
//! plan to summary is [`bulk_rename`].

use std::path::Path;

use super::Io;
use crate::Exit;
use crate::archive::Archive;
use crate::bulk::{self, Change, Edit, Refusal};
use crate::diagnostic::count;

/// One bulk rename of `press topics` or `press speakers`, as its messages name it.
pub(crate) struct BulkRename<'a> {
    /// The command ("topics rename").
    pub(crate) verb: &'a str,
    /// What the statements name ("topics"), for the refusal of files with errors.
    pub(crate) names: &'a str,
    /// The summary ("topics renamed").
    pub(crate) done: &'a str,
    /// Print the diff, write nothing.
    pub(crate) dry_run: bool,
}

/// The vocabulary file a bulk rename updates: its path, its text as read (`None`: no file),
/// and its new text (`None`: unchanged) or why it cannot be changed.
pub(crate) struct FileUpdate {
    /// Path from the archive root (`topics.toml`).
    pub(crate) path: &'static str,
    /// The text as read.
    pub(crate) old: Option<String>,
    /// The text to write, or a refusal in words.
    pub(crate) new: Option<Result<String, String>>,
}

/// Reads the file at `path` (from `root`); `None` when there is none.
pub(crate) fn read_optional(root: &Path, path: &str) -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string(root.join(path)) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => anyhow::bail!("cannot read {path}: {err}"),
    }
}

/// Plans `edit` over the archive's statements ([`bulk::plan`]) with the update of `file`, then
/// prints the diff (a dry run) or writes every file, and says what was done: exit 1 when files
/// with errors are concerned, 2 when a file cannot be changed safely or a write fails.
pub(crate) fn bulk_rename(
    archive: &Archive,
    edit: &Edit<'_>,
    file: FileUpdate,
    rename: &BulkRename<'_>,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let verb = rename.verb;
    let mut changes = match bulk::plan(archive, edit)? {
        Ok(changes) => changes,
        Err(Refusal::Broken(paths)) => {
            writeln!(
                io.err,
                "press: {verb} refused: files with errors name these {}; fix them first (press check); nothing written",
                rename.names
            )?;
            for path in paths {
                writeln!(io.err, "  {path}")?;
            }
            return Ok(Exit::Problems);
        }
        Err(Refusal::Cannot(reason)) => {
            writeln!(io.err, "press: {verb} refused: {reason}; nothing written")?;
            return Ok(Exit::Usage);
        }
    };
    match file.new {
        Some(Err(reason)) => {
            writeln!(io.err, "press: {verb} refused: {reason}; nothing written")?;
            return Ok(Exit::Usage);
        }
        Some(Ok(new)) if file.old.as_deref() != Some(new.as_str()) => changes.push(Change {
            path: file.path.to_owned(),
            old: file.old,
            new,
            moved_to: None,
            what: Vec::new(),
        }),
        _ => {}
    }
    if changes.is_empty() {
        writeln!(io.err, "press: nothing to change")?;
        return Ok(Exit::Success);
    }
    if rename.dry_run {
        print_diffs(&changes, io)?;
        writeln!(io.err, "press: dry run: nothing written")?;
        return Ok(Exit::Success);
    }
    if let Some(exit) = write(&archive.root, &changes, verb, io)? {
        return Ok(exit);
    }
    writeln!(
        io.err,
        "press: {}; {} changed",
        rename.done,
        count(changes.len(), "file")
    )?;
    Ok(Exit::Success)
}

/// Writes `changes` in order; `verb` names the command in a failure ("rename failed: …").
/// Returns `None` when every file was written.
pub(crate) fn write(
    root: &Path,
    changes: &[Change],
    verb: &str,
    io: &mut Io<'_>,
) -> anyhow::Result<Option<Exit>> {
    let result = bulk::write(root, changes);
    let written = match &result {
        Ok(()) => changes.len(),
        Err(failure) => failure.done.len(),
    };
    for change in &changes[..written] {
        if change.what.is_empty() {
            writeln!(io.out, "{}", change.shown())?;
        } else {
            writeln!(io.out, "{}: {}", change.shown(), change.what.join(", "))?;
        }
    }
    let Err(failure) = result else {
        return Ok(None);
    };
    writeln!(io.err, "press: {verb} failed: {:#}", failure.error)?;
    let done = if failure.done.is_empty() {
        "none".to_owned()
    } else {
        failure.done.join(", ")
    };
    writeln!(io.err, "  already changed: {done}")?;
    writeln!(
        io.err,
        "  not changed (as before): {}",
        failure.left.join(", ")
    )?;
    Ok(Some(Exit::Usage))
}

/// Prints each change as a unified diff on stdout, for `--dry-run`.
pub(crate) fn print_diffs(changes: &[Change], io: &mut Io<'_>) -> anyhow::Result<()> {
    for change in changes {
        io.out.write_all(bulk::unified_diff(change).as_bytes())?;
    }
    Ok(())
}
