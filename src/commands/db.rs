//! `press db`: the archive as a SQLite database (see [`crate::db`]), written beside the
//! statements and left untouched when nothing changed.

use std::path::Path;

use super::{Io, Now, catalog};
use crate::Exit;
use crate::cli::DbArgs;
use crate::db::file::{Outcome, replace_if_changed};
use crate::diagnostic::count;
use crate::query::Query;

/// The database's file name at the archive root, when `--out` is not given.
pub(crate) const DEFAULT_FILE: &str = "press.sqlite";

/// Runs `press db`.
pub(crate) fn run(
    args: &DbArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let out = args.out.clone().unwrap_or_else(|| root.join(DEFAULT_FILE));
    crate::db::file::check_target(&out)?;
    let catalog = catalog(root, cache, &[])?;
    io.skipped_files(&catalog.diagnostics)?;
    let mut query = Query::all(now);
    query.drafts = args.drafts;
    query.include_embargoed = args.include_embargoed;
    let selected = query.select_with(&catalog.summaries, |_| true);
    let included = |yes: bool| if yes { "included" } else { "excluded" };
    let meta = [
        ("drafts", included(args.drafts)),
        ("embargoed", included(args.include_embargoed)),
    ];
    let (counts, outcome) = replace_if_changed(&out, |path| {
        crate::db::write(path, &catalog, &selected, &meta)
    })?;
    let what = format!(
        "{} ({}, {}, {})",
        count(counts.statements, "statement"),
        count(counts.speakers, "speaker"),
        count(counts.organizations, "organisation"),
        count(counts.topics, "topic")
    );
    match outcome {
        Outcome::Unchanged => {
            writeln!(io.err, "press: {} is up to date: {what}", out.display())?;
        }
        Outcome::Created | Outcome::Replaced => {
            writeln!(io.err, "press: wrote {what} to {}", out.display())?;
        }
    }
    let skipped = catalog.errors().count() > 0;
    Ok(if skipped {
        Exit::Problems
    } else {
        Exit::Success
    })
}
