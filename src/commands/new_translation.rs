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

#[cfg(test)]
mod tests {
    use crate::Exit;
    use crate::commands::in_process::{archive, press};

    const SUDAN: &str = "---\ntitle: \"Sudan: Protect civilians\"\ndate: 2025-06-01\nspeaker: \"Ana Ruiz\"\ntopics: [\"Sudan\"]\nlocation: \"Geneva\"\n---\nCivilians must be protected.\n";

    fn new(root: &std::path::Path, lang: &str, more: &[&str]) -> crate::commands::in_process::Ran {
        let mut args = vec![
            "new",
            "--translation-of",
            "sudan",
            "--lang",
            lang,
            "--title",
            "T",
        ];
        args.extend_from_slice(more);
        press(root, &args)
    }

    #[test]
    fn a_translation_keeps_the_original_s_date_and_place_and_its_slug_ends_with_the_language_in_lower_case()
     {
        let root = archive(&[("statements/2025/2025-06-01-sudan.md", SUDAN)]).unwrap();
        let ran = new(root.path(), "PT-br", &[]);
        assert_eq!((ran.exit, ran.err.as_str()), (Exit::Success, ""));
        assert_eq!(ran.out, "statements/2025/2025-06-01-sudan-pt-br.md\n");
        assert_eq!(
            std::fs::read_to_string(
                root.path()
                    .join("statements/2025/2025-06-01-sudan-pt-br.md")
            )
            .unwrap(),
            "---\ntitle: \"T\"\ndate: 2025-06-01\nspeaker:\n  name: \"Ana Ruiz\"\ntopics: [\"Sudan\"]\nlocation: \"Geneva\"\nlang: \"PT-br\"\ntranslation_of: \"sudan\"\n---\n"
        );
        let ran = new(
            root.path(),
            "de",
            &["--date", "2025-06-03", "--location", "Bern"],
        );
        assert_eq!(ran.out, "statements/2025/2025-06-03-sudan-de.md\n");
        let de = std::fs::read_to_string(root.path().join(ran.out.trim())).unwrap();
        assert!(
            de.contains("date: 2025-06-03\n") && de.contains("location: \"Bern\"\n"),
            "{de}"
        );
    }

    #[test]
    fn a_language_is_the_same_whatever_its_case() {
        let root = archive(&[("statements/2025/2025-06-01-sudan.md", SUDAN)]).unwrap();
        assert_eq!(new(root.path(), "pt-BR", &[]).exit, Exit::Success);
        let before = std::fs::read_dir(root.path().join("statements/2025"))
            .unwrap()
            .count();
        let ran = new(root.path(), "PT-br", &[]);
        assert_eq!(
            (ran.exit, ran.err.as_str()),
            (
                Exit::Usage,
                "press: error: `sudan` already has a translation in \"pt-BR\": statements/2025/2025-06-01-sudan-pt-br.md\n"
            )
        );
        let ran = new(root.path(), "EN", &[]);
        assert_eq!(
            ran.err,
            "press: error: `sudan` is in \"en\" already: give the language of the translation with --lang\n"
        );
        assert_eq!(
            std::fs::read_dir(root.path().join("statements/2025"))
                .unwrap()
                .count(),
            before
        );
    }
}
