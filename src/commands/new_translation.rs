//! `press new --translation-of SLUG --lang TAG`: a translation starts from its original's
//! fields (the same date, speakers, topics and location), with `lang` and `translation_of` set;
//! its title and body are the translator's to write. Refuses an original that is missing or is
//! itself a translation, a translation into the original's language, and a second translation
//! into one language.

use anyhow::bail;

use crate::archive::Archive;
use crate::slug::Slug;
use crate::statement::Statement;
use crate::translations::{family_of, language_of};

/// The original named by `--translation-of`, checked against the wanted language `lang`.
pub(super) fn original<'a>(
    archive: &'a Archive,
    slug: &str,
    lang: &str,
    language: &str,
) -> anyhow::Result<&'a Statement> {
    let Some(original) = archive.find(slug) else {
        bail!("no statement with the slug `{slug}` to translate (`press list` shows slugs)");
    };
    if let Some(further) = &original.translation_of {
        bail!(
            "`{slug}` is itself a translation of `{further}`: translate the original (--translation-of {further})"
        );
    }
    for member in family_of(&archive.statements, original, language) {
        let member_lang = language_of(member, language);
        if member_lang.eq_ignore_ascii_case(lang) {
            match member.translation_of {
                None => bail!(
                    "`{slug}` is in \"{member_lang}\" already: give the language of the translation with --lang"
                ),
                Some(_) => bail!(
                    "`{slug}` already has a translation in \"{member_lang}\": {}",
                    member.path
                ),
            }
        }
    }
    Ok(original)
}

/// Makes `statement` (built from the options) a translation of `original`: its date, and its
/// location unless `--location` was given, come from the original; its slug, unless `--slug`
/// was given, is the original's with the language (`x-fr`).
pub(super) fn adopt(
    mut statement: Statement,
    original: &Statement,
    date_given: bool,
    location_given: bool,
) -> Statement {
    if !date_given {
        statement.published = original.published;
    }
    if !location_given {
        statement.location.clone_from(&original.location);
    }
    if !statement.slug_given {
        let suffix = statement.lang.to_ascii_lowercase();
        if let Some(slug) = Slug::parse(&format!("{}-{suffix}", original.slug)) {
            statement.slug = slug;
        }
    }
    statement.translation_of = Some(original.slug.clone());
    statement
}
