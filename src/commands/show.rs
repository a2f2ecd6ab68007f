//! `press show SLUG`: one statement, rendered, as JSON, or as stored.

use std::path::Path;

use anyhow::Context as _;

use super::{Io, catalog, no_such_statement, terminal_width};
use crate::Exit;
use crate::cli::{ShowArgs, ShowFormat};
use crate::render::{record::Record, terminal};

/// Widest text `show` wraps to, for readability on wide terminals.
const MAX_TEXT_WIDTH: usize = 100;

/// Runs `press show`.
pub(crate) fn run(
    args: &ShowArgs,
    root: &Path,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let catalog = catalog(root, cache, &[])?;
    io.skipped_files(&catalog.diagnostics)?;
    let Some(summary) = catalog.find(&args.slug) else {
        let slugs: Vec<&str> = catalog.summaries.iter().map(|s| s.slug.as_str()).collect();
        return no_such_statement(&args.slug, &slugs, io);
    };
    // The one file whose body is needed.
    let statement = &catalog
        .statement(summary)
        .map_err(|_| anyhow::anyhow!("{} changed while it was being read", summary.path))?;
    match args.format {
        ShowFormat::Text => {
            let width = if io.out_is_terminal {
                terminal_width().min(MAX_TEXT_WIDTH)
            } else {
                80
            };
            io.out
                .write_all(terminal::statement_text(statement, width, io.color_out).as_bytes())?;
        }
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *io.out, &Record::new(statement))?;
            writeln!(io.out)?;
        }
        ShowFormat::Markdown => {
            let bytes = std::fs::read(root.join(&statement.path))
                .with_context(|| format!("cannot read {}", statement.path))?;
            io.out.write_all(&bytes)?;
        }
    }
    Ok(Exit::Success)
}
