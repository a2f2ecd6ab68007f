//! Citation keys: `amnesty2026globalmisuse`, from the first author (its first word), the year
//! and the slug's first two words. Keys are unique across the archive: statements that would
//! share one get `a`, `b`, … in date then slug order. Drafts and embargoed statements take part,
//! so publishing one never changes another's key.

use std::collections::HashMap;

use chrono::Datelike as _;

use super::Author;
use crate::slug::Slug;
use crate::statement::Header;

/// Words that start no key part ("The Elders" is `elders`).
const SKIPPED: &[&str] = &["the", "a", "an", "of", "on", "in", "and", "for", "to", "at"];

/// The key of every statement of an archive, by slug.
#[derive(Debug, Default)]
pub struct Keys(HashMap<Slug, String>);

impl Keys {
    /// The keys of these statements (all of the archive's, drafts included); `organization` is
    /// the archive's (`press.toml`).
    pub fn new<H: Header>(statements: &[H], organization: Option<&str>) -> Self {
        let mut bases: Vec<(String, chrono::NaiveDate, &Slug)> = statements
            .iter()
            .map(|s| {
                let authors = super::authors(s.speakers(), organization);
                (
                    base(authors.first(), s.day().year(), s.slug()),
                    s.day(),
                    s.slug(),
                )
            })
            .collect();
        bases.sort();
        let mut keys = HashMap::with_capacity(bases.len());
        let mut start = 0;
        while start < bases.len() {
            let end = start
                + bases[start..]
                    .iter()
                    .take_while(|b| b.0 == bases[start].0)
                    .count();
            for (n, (base, _, slug)) in bases[start..end].iter().enumerate() {
                let key = if end - start == 1 {
                    base.clone()
                } else {
                    format!("{base}{}", suffix(n))
                };
                keys.insert((*slug).clone(), key);
            }
            start = end;
        }
        Self(keys)
    }

    /// The key of the statement with this slug.
    pub fn get(&self, slug: &Slug) -> Option<&str> {
        self.0.get(slug).map(String::as_str)
    }
}

/// The key before any collision suffix.
fn base(author: Option<&Author>, year: i32, slug: &Slug) -> String {
    let who = author.map_or(String::new(), |a| match a {
        Author::Organization(name) => words(name).next().unwrap_or_default(),
        Author::Person(name) => words(name).last().unwrap_or_default(),
    });
    let what: String = words(slug.as_str()).take(2).collect();
    let who = if who.is_empty() {
        "press".to_owned()
    } else {
        who
    };
    let what = if what.is_empty() {
        "statement".to_owned()
    } else {
        what
    };
    format!("{who}{year}{what}")
}

/// The words of a name as lower-case ASCII letters and digits, without [`SKIPPED`] ones.
fn words(text: &str) -> impl Iterator<Item = String> {
    deunicode::deunicode(text)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !SKIPPED.contains(w))
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// `a`, `b`, … `z`, `aa`, `ab`, … for the `n`th (from 0) of statements sharing a key.
fn suffix(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slug::slugify;

    #[test]
    fn suffixes_run_through_the_alphabet_then_double() {
        let got: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(suffix)
            .collect();
        assert_eq!(got, ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
    }

    #[test]
    fn a_key_is_author_year_and_the_slug_s_first_words() {
        let org = Author::Organization("The Élysée Institute".to_owned());
        let slug = slugify("Global: Misuse of Interpol red notices");
        assert_eq!(base(Some(&org), 2026, &slug), "elysee2026globalmisuse");
        let person = Author::Person("Zoë Ñúñez".to_owned());
        assert_eq!(base(Some(&person), 2025, &slug), "nunez2025globalmisuse");
        assert_eq!(base(None, 2025, &slugify("the")), "press2025statement");
    }

    /// Each of the small words a key skips, written out here (not read from the table), in the
    /// organisation and in the slug.
    #[test]
    fn every_small_word_is_skipped_in_the_author_and_the_title() {
        for word in ["the", "a", "an", "of", "on", "in", "and", "for", "to", "at"] {
            let org = Author::Organization(format!("{} Elders", word.to_uppercase()));
            let slug = slugify(&format!("{word} Sudan {word} famine"));
            assert_eq!(
                base(Some(&org), 2024, &slug),
                "elders2024sudanfamine",
                "{word}"
            );
        }
        let org = Author::Organization("Then Institute".to_owned());
        assert_eq!(
            base(Some(&org), 2024, &slugify("Athens at dawn")),
            "then2024athensdawn"
        );
    }
}
