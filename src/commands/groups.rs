//! `press topics`, `press speakers`, `press locations`: counts and date ranges, most used first.

use std::path::Path;

use super::{Io, Now, catalog};
use crate::Exit;
use crate::cli::{GroupArgs, GroupFormat, TopicsArgs};
use crate::directory::roles;
use crate::query::{self, GroupBy, Query};
use crate::render::terminal;
use crate::vocabulary::Vocabulary;

/// Runs one of the grouping commands.
pub(crate) fn run(
    args: &GroupArgs,
    by: GroupBy,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let catalog = catalog(root, cache, &[])?;
    io.skipped_files(&catalog.diagnostics)?;
    let mut query = Query::all(now);
    query.drafts = args.drafts;
    let selected = query.select_with(&catalog.summaries, |_| true);
    let groups = query::group(&selected, by);
    match args.format {
        GroupFormat::Table => {
            if !groups.is_empty() {
                io.out
                    .write_all(terminal::groups_table(&groups, by, io.table_width()).as_bytes())?;
            }
        }
        GroupFormat::Json if by == GroupBy::Speaker => {
            let speakers = roles::speaker_groups(&catalog.directory, &groups, &selected);
            serde_json::to_writer_pretty(&mut *io.out, &speakers)?;
            writeln!(io.out)?;
        }
        GroupFormat::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &groups)?;
            writeln!(io.out)?;
        }
    }
    Ok(Exit::Success)
}

/// Runs `press topics` without a subcommand: the list, or with `--tree` the hierarchy of
/// topics.toml with each topic's counts.
pub(crate) fn topics(
    args: &TopicsArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    if !args.tree {
        return run(&args.list, GroupBy::Topic, root, now, cache, io);
    }
    let catalog = catalog(root, cache, &[])?;
    let vocabulary = match Vocabulary::load(root)? {
        Ok(Some(vocabulary)) => vocabulary,
        Ok(None) => {
            writeln!(
                io.err,
                "press: no topics.toml: --tree prints the hierarchy its `parent` keys make"
            )?;
            return Ok(Exit::Problems);
        }
        Err(problems) => {
            io.diagnostics(&problems)?;
            return Ok(Exit::Problems);
        }
    };
    io.skipped_files(&catalog.diagnostics)?;
    let mut query = Query::all(now);
    query.drafts = args.list.drafts;
    let selected = query.select_with(&catalog.summaries, |_| true);
    for line in crate::vocabulary::tree::lines(&vocabulary, &selected) {
        writeln!(io.out, "{line}")?;
    }
    Ok(Exit::Success)
}
