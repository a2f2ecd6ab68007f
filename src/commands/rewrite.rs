//! Writing a planned set of file changes ([`crate::bulk`]) and reporting it: each file written
//! on stdout as `path: what`, and on a failure part-way, the files already changed and those
//! left as before (exit 2). Shared by `rename` and the bulk renames.

use std::path::Path;

use super::Io;
use crate::Exit;
use crate::bulk::{self, Change};

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
