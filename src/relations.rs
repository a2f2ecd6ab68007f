//! What only the whole archive can show about `aliases` and `translation_of`: an old address
//! that two statements claim, and a translation whose original is missing, is itself a
//! translation, is in the same language, or already has a translation in that language; and (a
//! warning) an original corrected after one of its translations last changed.
//! `check` and `export` both run [`check`], so an archive `check` passes is one `export` takes;
//! `check` also warns about a translation whose original is unpublished
//! ([`unpublished_originals`]), which `export` leaves out with a warning of its own.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::diagnostic::{Diagnostic, quote};
use crate::statement::Header;

/// Every problem between statements' `aliases` and `translation_of`, each an error on the file
/// that must change (the later one, by path, when two collide), naming the other file. `language`
/// is the archive's (press.toml `language`): the language of a statement without `lang`.
pub fn check<H: Header>(root: &Path, statements: &[H], language: &str) -> Vec<Diagnostic> {
    let mut by_path: Vec<&H> = statements.iter().collect();
    by_path.sort_unstable_by(|a, b| a.path().cmp(b.path()));
    let mut found = Vec::new();
    let at = |statement: &H, key: &str| crate::archive::key_position(root, statement.path(), key);

    let mut claimed: HashMap<&str, &H> = HashMap::new();
    for &statement in &by_path {
        for alias in statement.aliases() {
            match claimed.get(alias.as_str()) {
                Some(first) if first.path() != statement.path() => {
                    let (line, column) = at(statement, "aliases");
                    found.push(
                        Diagnostic::error(
                            statement.path(),
                            line,
                            column,
                            format!(
                                "alias {} is also an alias of {}",
                                quote(alias.as_str()),
                                first.path()
                            ),
                        )
                        .with_help(
                            "an old address leads to one statement: remove it from one of them",
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    claimed.insert(alias.as_str(), statement);
                }
            }
        }
    }

    found.extend(crate::redirects::check(root, statements));

    if !by_path.iter().any(|s| s.translation_of().is_some()) {
        return found;
    }
    let by_slug: HashMap<&str, &H> = by_path.iter().map(|s| (s.slug().as_str(), *s)).collect();
    // (original slug, language) → the first translation of it in that language.
    let mut translated: HashMap<(&str, String), &H> = HashMap::new();
    for &statement in &by_path {
        let Some(original_slug) = statement.translation_of() else {
            continue;
        };
        let lang = statement.lang_given().unwrap_or(language);
        let mut problem = |message: String, help: &str| {
            let (line, column) = at(statement, "translation_of");
            found.push(Diagnostic::error(statement.path(), line, column, message).with_help(help));
        };
        let Some(original) = by_slug.get(original_slug.as_str()) else {
            problem(
                format!(
                    "`translation_of` names {original_slug}, which no statement has as its slug"
                ),
                "give the slug of the original statement (`press list` shows slugs)",
            );
            continue;
        };
        if original.path() == statement.path() {
            problem(
                "`translation_of` names the statement itself".to_owned(),
                "give the slug of the original statement, or remove `translation_of`",
            );
            continue;
        }
        if let Some(further) = original.translation_of() {
            problem(
                format!(
                    "`translation_of` names {original_slug} ({}), which is itself a translation of {further}",
                    original.path()
                ),
                &format!("name the original: translation_of: \"{further}\""),
            );
            continue;
        }
        let original_lang = original.lang_given().unwrap_or(language);
        if original_lang.eq_ignore_ascii_case(lang) {
            problem(
                format!(
                    "a translation in {} of {} ({}), which is in {} too",
                    quote(lang),
                    original_slug,
                    original.path(),
                    quote(original_lang)
                ),
                "give the translation's `lang`, or the original's if it is not in the archive's language",
            );
            continue;
        }
        match translated.get(&(original_slug.as_str(), lang.to_ascii_lowercase())) {
            Some(first) => problem(
                format!(
                    "{} already has a translation in {}: {}",
                    original_slug,
                    quote(lang),
                    first.path()
                ),
                "keep one translation per language: merge them, or correct one's `lang`",
            ),
            None => {
                translated.insert(
                    (original_slug.as_str(), lang.to_ascii_lowercase()),
                    statement,
                );
                found.extend(outdated(*original, statement, lang, &at));
            }
        }
    }
    found
}

/// A warning on each published translation whose original is not published at `now` (a draft,
/// or under embargo): `export` leaves the translation out until the original is published, and
/// says so; `check` says it first. A translation that is itself unpublished has nothing to wait
/// for. A missing original is [`check`]'s error.
pub fn unpublished_originals<H: Header>(
    root: &Path,
    statements: &[H],
    now: DateTime<FixedOffset>,
) -> Vec<Diagnostic> {
    let unpublished = |s: &H| s.draft() || s.is_embargoed(now);
    let mut translations: Vec<&H> = statements
        .iter()
        .filter(|s| s.translation_of().is_some() && !unpublished(s))
        .collect();
    if translations.is_empty() {
        return Vec::new();
    }
    translations.sort_unstable_by(|a, b| a.path().cmp(b.path()));
    let by_slug: HashMap<&str, &H> = statements.iter().map(|s| (s.slug().as_str(), s)).collect();
    let mut found = Vec::new();
    for translation in translations {
        let Some(slug) = translation.translation_of() else {
            continue;
        };
        let Some(&original) = by_slug.get(slug.as_str()).filter(|o| unpublished(o)) else {
            continue;
        };
        let (why, help) = match original.embargo().filter(|_| !original.draft()) {
            Some(until) => (
                format!("under embargo until {}", until.to_rfc3339()),
                format!(
                    "give this translation the same embargo (embargo: {}), or lift the original's",
                    until.to_rfc3339()
                ),
            ),
            None => (
                "a draft".to_owned(),
                "publish the original (remove its `draft: true`), or mark this translation `draft: true` too"
                    .to_owned(),
            ),
        };
        let (line, column) =
            crate::archive::key_position(root, translation.path(), "translation_of");
        found.push(
            Diagnostic::warning(
                translation.path(),
                line,
                column,
                format!(
                    "its original {slug} ({}) is {why}: this translation is not exported until the original is published",
                    original.path()
                ),
            )
            .with_help(help),
        );
    }
    found
}

/// A warning on `original` when it was corrected after `translation` last changed (its date,
/// else its own last correction): the translation may still say what the correction fixed.
fn outdated<H: Header>(
    original: &H,
    translation: &H,
    lang: &str,
    at: &dyn Fn(&H, &str) -> (usize, usize),
) -> Option<Diagnostic> {
    let corrected = original.corrections().last()?.date;
    let changed = translation
        .corrections()
        .last()
        .map_or(translation.day(), |c| c.date.max(translation.day()));
    if changed >= corrected {
        return None;
    }
    let (line, column) = at(original, "corrections");
    Some(
        Diagnostic::warning(
            original.path(),
            line,
            column,
            format!(
                "corrected on {corrected}, after its translation in {} ({}) last changed on {changed}",
                quote(lang),
                translation.path()
            ),
        )
        .with_help(format!(
            "bring the translation up to date, then record it: press correct {} --note \"…\"",
            translation.slug().as_str()
        )),
    )
}

#[cfg(test)]
mod tests;
