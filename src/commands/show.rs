//! `press show SLUG`: one statement, rendered, as JSON, or as stored.

use std::path::Path;

use anyhow::Context as _;

use super::{Io, catalog, terminal_width};
use crate::Exit;
use crate::cli::{ShowArgs, ShowFormat};
use crate::diagnostic::did_you_mean;
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
        writeln!(
            io.err,
            "press: no statement with the slug {}",
            crate::diagnostic::quote(&args.slug)
        )?;
        let slugs = || catalog.summaries.iter().map(|s| s.slug.as_str());
        let mut suggestions: Vec<&str> = did_you_mean(&args.slug, slugs()).into_iter().collect();
        let needle = crate::slug::key(&args.slug);
        if !needle.is_empty() {
            let containing: Vec<&str> = slugs()
                .filter(|s| s.contains(&needle) && !suggestions.contains(s))
                .take(4)
                .collect();
            suggestions.extend(containing);
        }
        if !suggestions.is_empty() {
            writeln!(
                io.err,
                "  help: did you mean {}?",
                suggestions
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
        return Ok(Exit::Problems);
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
