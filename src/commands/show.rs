//! `press show SLUG`: one statement, rendered, as JSON, or as stored.

use std::path::Path;

use anyhow::Context as _;

use super::{Io, catalog, no_such_statement, terminal_width};
use crate::Exit;
use crate::cli::{ShowArgs, ShowFormat};
use crate::diagnostic::quote;
use crate::render::{record::Record, terminal};
use crate::statement::Summary;
use crate::translations::{family_of, language_of};

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
    let summary = match &args.lang {
        Some(tag) => {
            let language = crate::config::Config::load(root)?;
            let tag = super::list::language_tag(tag)?;
            match in_language(&catalog.summaries, summary, &tag, language.language()) {
                Ok(found) => found,
                Err(message) => {
                    io.err.write_all(message.as_bytes())?;
                    return Ok(Exit::Problems);
                }
            }
        }
        None => summary,
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
            serde_json::to_writer_pretty(
                &mut *io.out,
                &Record::new(statement, &catalog.directory),
            )?;
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

/// The member of `summary`'s family (original and translations) in language `tag`, or the
/// message saying which languages there are.
fn in_language<'a>(
    summaries: &'a [Summary],
    summary: &Summary,
    tag: &str,
    archive: &str,
) -> Result<&'a Summary, String> {
    let family = family_of(summaries, summary, archive);
    let found = family
        .iter()
        .find(|s| crate::translations::in_language(language_of(**s, archive), tag));
    if let Some(found) = found {
        return Ok(found);
    }
    let original = crate::translations::original_slug(summary);
    let languages: Vec<String> = family
        .iter()
        .map(|s| {
            let lang = language_of(*s, archive);
            match &s.translation_of {
                None => format!("{lang} (the original)"),
                Some(_) => format!("{lang} ({})", s.slug),
            }
        })
        .collect();
    Err(format!(
        "press: {original} is not translated into {}: it is in {}\n  help: start a translation with `press new --translation-of {original} --lang {tag}`\n",
        quote(tag),
        languages.join(", ")
    ))
}
