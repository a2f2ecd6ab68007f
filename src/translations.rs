//! A statement and its translations are one statement in several languages (a *family*): the
//! original, whose slug each translation names in `translation_of`, and the translations. Lists,
//! feeds and counts show originals; each member's page links to the others. Pure: no I/O.

use std::collections::HashMap;

use crate::statement::Header;

/// The language a statement is in: its `lang`, else the archive's (press.toml `language`).
pub fn language_of<'a, H: Header>(statement: &'a H, archive: &'a str) -> &'a str {
    statement.lang_given().unwrap_or(archive)
}

/// Whether a statement in language `lang` is one `tag` asks for: the same tag, or a more
/// specific one (`es` takes `es-MX`), case folded (RFC 4647 basic filtering).
pub fn in_language(lang: &str, tag: &str) -> bool {
    lang.eq_ignore_ascii_case(tag)
        || lang.get(..tag.len()).is_some_and(|start| {
            start.eq_ignore_ascii_case(tag) && lang[tag.len()..].starts_with('-')
        })
}

/// The slug of a statement's original: the one it translates, else its own.
pub fn original_slug<H: Header>(statement: &H) -> &str {
    statement
        .translation_of()
        .unwrap_or(statement.slug())
        .as_str()
}

/// The family of the statement `member` among `statements`: its original first, then the
/// translations of that original by language tag. A statement without translations is alone.
pub fn family_of<'a, H: Header>(statements: &'a [H], member: &H, archive: &str) -> Vec<&'a H> {
    let original = original_slug(member);
    let mut family: Vec<&H> = statements
        .iter()
        .filter(|s| original_slug(*s) == original)
        .collect();
    sort_family(&mut family, archive);
    family
}

/// Original first, then by language tag (case folded), then by path.
fn sort_family<H: Header>(family: &mut [&H], archive: &str) {
    family.sort_by_cached_key(|s| {
        (
            s.translation_of().is_some(),
            language_of(*s, archive).to_ascii_lowercase(),
            s.path().to_owned(),
        )
    });
}

/// The published statements split for the site: the originals (what lists show) and every
/// family with more than one member, each indexed by its members' slugs.
pub struct Families<'a, H> {
    /// Published statements that translate nothing, in the order given.
    pub originals: Vec<&'a H>,
    /// Published translations whose original is published too, in the order given.
    pub translations: Vec<&'a H>,
    /// Originals and translations shown, in the order given (what the search index holds).
    pub shown: Vec<&'a H>,
    /// Published translations left out because their original is not published (a draft,
    /// under embargo or invalid): a translation never shows before its original.
    pub orphans: Vec<&'a H>,
    families: Vec<Vec<&'a H>>,
    by_slug: HashMap<&'a str, usize>,
}

impl<'a, H: Header> Families<'a, H> {
    /// Sorts `published` (what the site shows) into originals and translations, and groups them.
    pub fn new(published: &[&'a H], archive: &str) -> Self {
        let originals: Vec<&H> = published
            .iter()
            .copied()
            .filter(|s| s.translation_of().is_none())
            .collect();
        let shown: HashMap<&str, usize> = originals
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug().as_str(), i))
            .collect();
        let mut members: HashMap<usize, Vec<&H>> = HashMap::new();
        let (mut translations, mut orphans) = (Vec::new(), Vec::new());
        for &statement in published {
            let Some(original) = statement.translation_of() else {
                continue;
            };
            match shown.get(original.as_str()) {
                Some(&index) => {
                    translations.push(statement);
                    members.entry(index).or_default().push(statement);
                }
                None => orphans.push(statement),
            }
        }
        let mut families = Vec::new();
        let mut by_slug = HashMap::new();
        let mut indices: Vec<usize> = members.keys().copied().collect();
        indices.sort_unstable();
        for index in indices {
            let mut family = vec![originals[index]];
            family.extend(members.remove(&index).unwrap_or_default());
            sort_family(&mut family, archive);
            for member in &family {
                by_slug.insert(member.slug().as_str(), families.len());
            }
            families.push(family);
        }
        let shown = published
            .iter()
            .copied()
            .filter(|s| s.translation_of().is_none() || by_slug.contains_key(s.slug().as_str()))
            .collect();
        Self {
            originals,
            translations,
            shown,
            orphans,
            families,
            by_slug,
        }
    }

    /// The family of the statement with this slug (original first), or nothing when it has no
    /// published translation.
    pub fn family(&self, slug: &str) -> &[&'a H] {
        self.by_slug
            .get(slug)
            .and_then(|&i| self.families.get(i))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{Statement, parse};

    fn statement(slug: &str, extra: &str) -> Statement {
        let text = format!(
            "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\n{extra}---\nBody.\n"
        );
        let path = format!("statements/2026/2026-01-27-{slug}.md");
        parse(&path, text.as_bytes()).statement.expect("parses")
    }

    fn slugs(family: &[&Statement]) -> Vec<String> {
        family.iter().map(|s| s.slug.as_str().to_owned()).collect()
    }

    #[test]
    fn families_put_the_original_first_then_languages() {
        let all = [
            statement("x-fr", "lang: fr\ntranslation_of: x\n"),
            statement("x", ""),
            statement("x-ar", "lang: ar\ntranslation_of: x\n"),
            statement("y", ""),
            statement("z-es", "lang: es\ntranslation_of: z\n"),
        ];
        let published: Vec<&Statement> = all.iter().collect();
        let families = Families::new(&published, "en");
        assert_eq!(slugs(&families.originals), ["x", "y"]);
        assert_eq!(slugs(&families.translations), ["x-fr", "x-ar"]);
        assert_eq!(slugs(&families.orphans), ["z-es"]);
        assert_eq!(slugs(&families.shown), ["x-fr", "x", "x-ar", "y"]);
        assert_eq!(slugs(families.family("x-fr")), ["x", "x-ar", "x-fr"]);
        assert_eq!(slugs(families.family("x")), ["x", "x-ar", "x-fr"]);
        assert!(families.family("y").is_empty());
        assert_eq!(
            slugs(&family_of(&all, &all[2], "en")),
            ["x", "x-ar", "x-fr"]
        );
        assert_eq!(slugs(&family_of(&all, &all[3], "en")), ["y"]);
        assert_eq!(language_of(&all[1], "de"), "de");
        assert!(in_language("es-MX", "es") && in_language("ES", "es"));
        assert!(!in_language("est", "es") && !in_language("es", "es-MX"));
        assert_eq!(language_of(&all[0], "de"), "fr");
    }

    /// Translations follow the original by language tag with case folded: `es` before `FR`
    /// (whose capital would otherwise sort it first), as `show` and each page list them.
    #[test]
    fn a_family_sorts_its_languages_without_regard_to_case() {
        let all = [
            statement("x", ""),
            statement("x-fr", "lang: FR\ntranslation_of: x\n"),
            statement("x-es", "lang: es\ntranslation_of: x\n"),
            statement("x-de", "lang: de\ntranslation_of: x\n"),
        ];
        assert_eq!(
            slugs(&family_of(&all, &all[1], "en")),
            ["x", "x-de", "x-es", "x-fr"]
        );
        let published: Vec<&Statement> = all.iter().collect();
        let families = Families::new(&published, "en");
        assert_eq!(slugs(families.family("x")), ["x", "x-de", "x-es", "x-fr"]);
    }
}
