//! A small gazetteer: is this phrase the name of a place?
//!
//! Used for two decisions: whether a title's `Place:` prefix is a location (`Türkiye:` is,
//! `Death penalty:` is not), and whether a capitalised word is a place rather than part of a
//! person's name (`Africa` in "Director for East and Southern Africa").
//!
//! The list lives in `gazetteer.txt` (embedded with `include_str!`), one name a line: ISO 3166
//! short names, common aliases (`UK`, `DRC`, `OPT`), regions, and cities that open datelines. Names are compared after
//! normalisation, so case, accents and the apostrophe style do not matter (`Cote d'Ivoire`
//! matches `Côte d’Ivoire`).

use std::collections::HashSet;
use std::sync::LazyLock;

static NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("gazetteer.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(normalize)
        .collect()
});

/// Single words that are places in the list but are also common given names, so they do not
/// stop a person's name ("Jordan Smith", "Georgia Brown").
const PERSONAL_NAMES: &[&str] = &[
    "jordan",
    "chad",
    "georgia",
    "israel",
    "india",
    "kenya",
    "london",
    "paris",
    "washington",
    "berlin",
    "victoria",
];

/// The form in which names are compared: ASCII (via `deunicode`), lower case, single spaces,
/// without a leading "the ".
fn normalize(name: &str) -> String {
    let ascii = deunicode::deunicode(name.trim()).to_lowercase();
    let words: Vec<&str> = ascii.split_whitespace().collect();
    let joined = words.join(" ");
    match joined.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => joined,
    }
}

/// Whether `phrase` names a place or region in the gazetteer.
///
/// A combination is a place when every part is one: `DRC/Rwanda`, `Israel/OPT`,
/// `Armenia and Azerbaijan`, `Sudan & South Sudan`.
pub fn is_place(phrase: &str) -> bool {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return false;
    }
    if NAMES.contains(&normalize(phrase)) {
        return true;
    }
    for separator in ["/", " & ", " and ", ", "] {
        if phrase.contains(separator) {
            let parts: Vec<&str> = phrase.split(separator).collect();
            return parts.len() > 1 && parts.iter().all(|part| is_place(part));
        }
    }
    false
}

/// Whether one capitalised word is a place that cannot also be a person's name.
pub fn is_place_word(word: &str) -> bool {
    let normalized = normalize(word);
    !PERSONAL_NAMES.contains(&normalized.as_str()) && NAMES.contains(&normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_aliases() {
        for place in [
            "Global",
            "Türkiye",
            "Turkey",
            "Côte d’Ivoire",
            "Cote d'Ivoire",
            "Middle East and North Africa",
            "DRC/Rwanda",
            "Israel/OPT",
            "Hong Kong",
            "UK",
            "USA",
            "Americas",
            "Asia-Pacific",
            "Southern Africa",
            "the Philippines",
        ] {
            assert!(is_place(place), "{place} should be a place");
        }
    }

    #[test]
    fn themes_events_and_organisations_are_not_places() {
        for phrase in [
            "Human Rights Council",
            "World Cup 2030",
            "Death penalty",
            "Torture complicity",
            "Amnesty International",
            "DRC/Death penalty",
            "",
            // The list's comment lines are not names.
            "#",
            "# ISO 3166-1 short names",
        ] {
            assert!(!is_place(phrase), "{phrase} should not be a place");
        }
    }

    #[test]
    fn place_words_that_are_also_given_names_do_not_count() {
        assert!(is_place_word("Africa"));
        assert!(!is_place_word("Jordan"));
        assert!(!is_place_word("Sarah"));
    }

    /// "the" before a country inside a combination is no part of its name: "Sudan and the
    /// Central African Republic" is two places, as a title's `Place:` prefix.
    #[test]
    fn a_combination_with_the_before_a_country_is_a_place() {
        assert!(is_place("Sudan and the Central African Republic"));
        assert!(is_place("Chad/the Central African Republic"));
        assert_eq!(
            crate::import::title_location("Sudan and the Central African Republic: Refugees")
                .as_deref(),
            Some("Sudan and the Central African Republic")
        );
    }

    /// A given name that is also a country's name ("Georgia", "Jordan") starts a speaker's
    /// name.
    #[test]
    fn a_given_name_that_is_also_a_country_starts_a_speaker_s_name() {
        for name in [
            "Georgia Brown",
            "Jordan Smith",
            "Chad Okoye",
            "Israel Kamakawiwo",
            "India Ruiz",
            "Kenya Barris",
            "London Breed",
            "Paris Hilton",
            "Washington Irving",
            "Berlin Jones",
            "Victoria Wood",
        ] {
            let got = crate::import::extract(&format!(
                "Title\n\n{name}, Director at Foo Watch, said: “Stop.”\n"
            ));
            let names: Vec<&str> = got.speakers.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, [name]);
        }
    }

    /// Places listed with commas ("Sudan, South Sudan") are a place, as a title's prefix.
    #[test]
    fn places_listed_with_commas_are_a_place() {
        assert!(is_place("Sudan, South Sudan"));
        assert_eq!(
            crate::import::title_location("Armenia, Azerbaijan: Free the detainees").as_deref(),
            Some("Armenia, Azerbaijan")
        );
    }
}
