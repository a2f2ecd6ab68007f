//! URL- and file-name-safe identifiers: `[a-z0-9]+(-[a-z0-9]+)*`, at most 80 characters.

use std::fmt;

/// Longest slug, in characters.
pub const MAX_LEN: usize = 80;

/// A validated slug. Built by [`Slug::parse`] (strict) or [`slugify`] (from any text).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Accepts `text` only if it already is a valid slug.
    pub fn parse(text: &str) -> Option<Self> {
        is_valid(text).then(|| Self(text.to_owned()))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// This slug with a numeric suffix (`-2`, `-3`, …), still within [`MAX_LEN`].
    #[must_use]
    pub fn with_suffix(&self, n: usize) -> Self {
        let suffix = format!("-{n}");
        let keep = cut(&self.0, MAX_LEN - suffix.len());
        Self(format!("{keep}{suffix}"))
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `text` matches `[a-z0-9]+(-[a-z0-9]+)*` and is at most [`MAX_LEN`] long.
pub fn is_valid(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_LEN
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Derives a slug from any text: transliterate (`Türkiye` → `turkiye`), lowercase, turn runs of
/// other characters into `-`, cut at the last `-` at or before 80 characters; `statement` when
/// nothing is left.
pub fn slugify(text: &str) -> Slug {
    let slug = dashed(text);
    if slug.is_empty() {
        Slug("statement".to_owned())
    } else {
        Slug(cut(&slug, MAX_LEN).to_owned())
    }
}

/// A grouping key for names and topics: the slug of the text, or the empty string when the text
/// has no letters or digits at all (those never group with anything).
pub fn key(text: &str) -> String {
    let slug = dashed(text);
    cut(&slug, MAX_LEN).to_owned()
}

/// [`key`], remembered per text: grouping meets the same few thousand names in 100,000
/// statements, and transliterating each again costs more than the lookup.
#[derive(Debug, Default)]
pub struct Keys<'a> {
    known: foldhash::HashMap<&'a str, String>,
}

impl<'a> Keys<'a> {
    /// The [`key`] of `text`.
    pub fn key(&mut self, text: &'a str) -> &str {
        self.known.entry(text).or_insert_with(|| key(text))
    }

    /// The [`key`] of `text`: remembered when it was asked for before, else made now.
    pub fn known(&self, text: &str) -> std::borrow::Cow<'_, str> {
        match self.known.get(text) {
            Some(known) => known.into(),
            None => key(text).into(),
        }
    }
}

/// Transliterated, lowercased text with runs of other characters as single `-`, trimmed.
fn dashed(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Cuts a dashed slug to at most `max` bytes at the last `-` at or before the limit (or hard at
/// the limit when a single word is longer).
fn cut(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    match slug[..=max].rfind('-') {
        Some(at) if at > 0 => &slug[..at],
        _ => &slug[..max],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_keys_are_the_keys() {
        let mut keys = Keys::default();
        for text in [
            "Ana Piquer",
            "Zoë Ndiaye",
            "Ana Piquer",
            "!!!",
            "Ana  Piquer",
        ] {
            assert_eq!(keys.key(text), key(text));
        }
    }

    #[test]
    fn slugify_transliterates_and_dashes() {
        assert_eq!(
            slugify("Türkiye: Free them — now!").as_str(),
            "turkiye-free-them-now"
        );
        assert_eq!(slugify("../../etc/passwd").as_str(), "etc-passwd");
        assert_eq!(slugify("🎉🎉").as_str(), "tada-tada");
        assert_eq!(slugify("").as_str(), "statement");
        assert_eq!(slugify("   ---  ").as_str(), "statement");
        assert_eq!(slugify("CON").as_str(), "con");
    }

    #[test]
    fn slugify_cuts_at_a_dash() {
        let long = "word ".repeat(40);
        let slug = slugify(&long);
        assert!(slug.as_str().len() <= MAX_LEN);
        assert!(slug.as_str().ends_with("word"));
        assert_eq!(slugify(&"a".repeat(200)).as_str().len(), MAX_LEN);
    }

    #[test]
    fn validity() {
        assert!(is_valid("global-interpol-red-notices"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é", &"a".repeat(81)] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn suffix_stays_short() {
        let slug = slugify(&"a".repeat(200));
        assert_eq!(slug.with_suffix(12).as_str().len(), MAX_LEN);
        assert!(slug.with_suffix(12).as_str().ends_with("-12"));
    }

    #[test]
    fn slugs_are_cut_at_the_last_dash_at_or_before_the_limit() {
        // Exactly 80 characters: kept whole.
        let exact = format!("{}-{}", "a".repeat(39), "b".repeat(40));
        assert_eq!(slugify(&exact).as_str(), exact);
        // A dash right after the 80th character: all 80 are kept.
        let x = "x".repeat(75);
        assert_eq!(
            slugify(&format!("{x} abcd z")).as_str(),
            format!("{x}-abcd")
        );
        // A word that would cross the limit by one character goes whole.
        assert_eq!(slugify(&format!("{x} abcde z")).as_str(), x);
        // One word longer than the limit: cut hard at it.
        assert_eq!(
            slugify(&format!("{} tail", "y".repeat(90))).as_str(),
            "y".repeat(80)
        );
        // A suffix takes its room from the last whole word.
        let words = format!("{x} abcd");
        assert_eq!(slugify(&words).with_suffix(2).as_str(), format!("{x}-2"));
        assert_eq!(
            slugify("short one").with_suffix(10).as_str(),
            "short-one-10"
        );
    }

    #[test]
    fn keys_group_spellings_and_ignore_text_without_letters() {
        assert_eq!(key("Ana  Piquer!"), "ana-piquer");
        assert_eq!(key("!!!"), "");
        assert_eq!(key(&"long ".repeat(30)).len(), 79);
        let mut keys = Keys::default();
        assert_eq!(keys.known("Zoë Ndiaye"), "zoe-ndiaye");
        assert_eq!(keys.key("Zoë Ndiaye"), "zoe-ndiaye");
        assert_eq!(keys.known("Zoë Ndiaye"), "zoe-ndiaye");
    }

    #[test]
    fn parsing_accepts_only_valid_slugs() {
        assert!(is_valid(&"a".repeat(MAX_LEN)));
        assert_eq!(
            Slug::parse("a-1").map(|s| s.to_string()),
            Some("a-1".to_owned())
        );
        assert_eq!(Slug::parse("a_1"), None);
        assert_eq!(slugify("A b").to_string(), "a-b");
    }
}
