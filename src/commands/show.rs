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

#[cfg(test)]
mod tests {
    use crate::Exit;
    use crate::commands::in_process::{Ran, archive, press};

    const ORIGINAL: &str = "---\ntitle: \"Interpol: stop the abuse\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [Interpol]\n---\nStop it.\n";
    const MEXICAN: &str = "---\ntitle: \"Interpol: alto al abuso\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [Interpol]\nlang: es-MX\ntranslation_of: interpol\n---\nAlto.\n";
    const FRENCH: &str = "---\ntitle: \"Interpol : halte aux abus\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [Interpol]\nlang: fr\ntranslation_of: interpol\n---\nHalte.\n";

    /// `--lang es` takes a translation in a regional variant of Spanish (`es-MX`); `--lang
    /// fr-CA` does not take one in plain `fr`, and says which languages there are.
    #[test]
    fn show_lang_takes_a_regional_variant_of_the_language_asked_not_the_reverse()
    -> anyhow::Result<()> {
        let root = archive(&[
            ("statements/2026/2026-01-27-interpol.md", ORIGINAL),
            ("statements/2026/2026-01-27-interpol-es.md", MEXICAN),
            ("statements/2026/2026-01-27-interpol-fr.md", FRENCH),
        ])?;
        assert_eq!(
            press(
                root.path(),
                &["show", "interpol", "--lang", "es", "--format", "markdown"]
            ),
            Ran {
                exit: Exit::Success,
                out: MEXICAN.to_owned(),
                err: String::new(),
            }
        );
        assert_eq!(
            press(root.path(), &["show", "interpol-es", "--lang", "fr-CA"]),
            Ran {
                exit: Exit::Problems,
                out: String::new(),
                err:
                    "press: interpol is not translated into \"fr-CA\": it is in en (the original), \
                      es-MX (interpol-es), fr (interpol-fr)\n  help: start a translation with \
                      `press new --translation-of interpol --lang fr-CA`\n"
                        .to_owned(),
            }
        );
        Ok(())
    }

    /// Asked for the language of the original, `show` gives the original, not a regional
    /// translation that also matches the tag.
    #[test]
    fn show_lang_of_the_originals_language_gives_the_original_not_a_regional_translation()
    -> anyhow::Result<()> {
        let original = "---\ntitle: \"Interpol: alto al abuso\"\ndate: 2026-01-27\nspeaker: \"Ana Ruiz\"\ntopics: [Interpol]\nlang: es\n---\nAlto.\n";
        let root = archive(&[
            ("statements/2026/2026-01-27-interpol.md", original),
            ("statements/2026/2026-01-27-interpol-es.md", MEXICAN),
        ])?;
        assert_eq!(
            press(
                root.path(),
                &[
                    "show",
                    "interpol-es",
                    "--lang",
                    "es",
                    "--format",
                    "markdown"
                ]
            ),
            Ran {
                exit: Exit::Success,
                out: original.to_owned(),
                err: String::new(),
            }
        );
        Ok(())
    }
}
