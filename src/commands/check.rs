//! `press check`: every problem in every file, then a summary; exit 1 on any error.

use std::path::Path;

use anyhow::Context as _;

use super::{Io, Now};
use crate::Exit;
use crate::archive::Archive;
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::diagnostic::count;

/// Runs `press check`.
pub(crate) fn run(
    args: &CheckArgs,
    root: &Path,
    now: Now,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    // Never freed, as the catalog of `list` is not (see `super::catalog`): the process ends next.
    let mut archive = std::mem::ManuallyDrop::new(
        Archive::load_for_check(root)
            .with_context(|| format!("cannot load the archive at {}", root.display()))?,
    );
    let config = Config::load(root)?;
    archive.apply_vocabulary()?;
    archive.lint(now, config.language());
    let directory = crate::directory::check(root, &archive.statements)?;
    archive.diagnostics.extend(directory);
    crate::archive::sort_diagnostics(&mut archive.diagnostics);
    let errors = archive.errors().count();
    let warnings = archive.diagnostics.len() - errors;
    match args.format {
        CheckFormat::Text => io.diagnostics(&archive.diagnostics)?,
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &archive.diagnostics)?;
            writeln!(io.out)?;
        }
        CheckFormat::Github => {
            for d in &archive.diagnostics {
                writeln!(io.out, "{}", crate::render::github::annotation(d))?;
            }
        }
    }
    writeln!(
        io.err,
        "checked {}: {}, {}",
        count(archive.files, "statement"),
        count(errors, "error"),
        count(warnings, "warning")
    )?;
    Ok(if errors > 0 {
        Exit::Problems
    } else {
        Exit::Success
    })
}
