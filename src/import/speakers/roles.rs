//! Job titles: splitting a role phrase into role and organisation, and finding the title that
//! belongs to a name.

use super::names::*;
use crate::import::gazetteer;

/// Splits a role phrase into role and organisation (see the module docs).
pub fn split_role(phrase: &str) -> (Option<String>, Option<String>) {
    let phrase = phrase
        .trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    let phrase = strip_article(phrase);
    let role = |text: &str| {
        let text = strip_descriptive(strip_article(text.trim().trim_matches(',')));
        (!text.is_empty()).then(|| text.to_owned())
    };
    let org = |text: &str| {
        let text = text.trim().trim_matches(',').trim();
        (!text.is_empty()).then(|| strip_article(text).to_owned())
    };
    if phrase.is_empty() {
        return (None, None);
    }
    // "Amnesty International’s" before a name: an organisation, no role.
    for suffix in ["’s", "'s"] {
        if let Some(org_name) = phrase.strip_suffix(suffix)
            && looks_like_org(org_name)
        {
            return (None, org(org_name));
        }
    }
    for prefix in ["of ", "at ", "from ", "with "] {
        if let Some(rest) = phrase.strip_prefix(prefix) {
            return (None, org(rest));
        }
    }
    // ORG's ROLE
    if let Some((before, after)) = split_possessive(phrase) {
        // "the group's executive director": the organisation is only referred to.
        let before_words = words(before);
        if before_words.len() <= 2 && before_words.iter().all(|w| !starts_upper(w.text)) {
            return (role(after), None);
        }
        let before_words = words(before);
        if !before_words.is_empty()
            && before_words
                .iter()
                .all(|w| starts_upper(w.text) || PARTICLES.contains(&w.text))
            && !before_words
                .iter()
                .any(|w| is_role_word(w.text) && !is_org_word(w.text))
        {
            return (role(after), org(before));
        }
    }
    // ROLE at ORG
    if let Some(position) = phrase.rfind(" at ") {
        let rest = &phrase[position + 4..];
        if starts_upper(strip_article(rest)) {
            return (role(&phrase[..position]), org(rest));
        }
    }
    // ROLE of ORG / ROLE, ORG / ROLE for ORG: the last separator after which the rest of the
    // phrase is an organisation ("Head of Policy of the Cairo Institute", "Vice-Chancellor of
    // the University of Foo").
    for separator in [" of ", ", ", " for "] {
        let positions: Vec<usize> = phrase.match_indices(separator).map(|(i, _)| i).collect();
        for &position in positions.iter().rev() {
            let rest = &phrase[position + separator.len()..];
            // A rest with a comma of its own ("Research, Foo Watch") is split at that comma.
            if looks_like_org(rest)
                && (separator == ", " || !rest.contains(", "))
                && !gazetteer::is_place(rest)
                && !words(rest).iter().any(|w| is_possessive(w.text))
            {
                return (role(&phrase[..position]), org(rest));
            }
        }
    }
    // ORG ROLE
    if let Some(end) = org_prefix_end(phrase) {
        let rest = &phrase[end..];
        if words(rest).iter().any(|w| is_role_word(w.text)) {
            return (role(rest), org(&phrase[..end]));
        }
    }
    // ORG alone ("Jane Roe, Amnesty International"): no word of a title but the organisation's.
    if looks_like_org(phrase)
        && !words(phrase)
            .iter()
            .any(|w| is_role_word(w.text) && !is_org_word(w.text))
    {
        return (None, org(phrase));
    }
    (role(phrase), None)
}

/// Words that describe a role without being part of it ("the newly-appointed Manager").
#[rustfmt::skip]
const DESCRIPTIVE: &[&str] = &[
    "newly-appointed", "newly appointed", "recently appointed", "recently-appointed", "new",
    "current", "incumbent",
];

/// Drops a leading descriptive word before a capitalised title ("newly-appointed Community
/// Manager" → "Community Manager"); a lower-case title keeps it ("new director").
pub(super) fn strip_descriptive(text: &str) -> &str {
    DESCRIPTIVE
        .iter()
        .find_map(|word| {
            let rest = text.strip_prefix(word)?.strip_prefix(' ')?;
            starts_upper(rest).then_some(rest)
        })
        .unwrap_or(text)
}

pub(super) fn strip_article(text: &str) -> &str {
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text)
}

/// "Amnesty International’s China Director" → ("Amnesty International", "China Director").
pub(super) fn split_possessive(phrase: &str) -> Option<(&str, &str)> {
    ["’s ", "'s ", "s’ ", "s' "]
        .iter()
        .filter_map(|marker| phrase.find(marker).map(|pos| (pos, marker)))
        .min_by_key(|(pos, _)| *pos)
        .map(|(pos, marker)| {
            // "Workers’ Union" keeps its "s"; "Amnesty International’s" drops the "’s".
            let org_end = if marker.starts_with('s') {
                pos + 1
            } else {
                pos
            };
            (&phrase[..org_end], &phrase[pos + marker.len()..])
        })
}

/// Whether `text` reads as an organisation's name: capitalised words (with "of", "for",
/// "and", "the" between) containing an organisation word or an acronym.
pub(super) fn looks_like_org(text: &str) -> bool {
    let text = strip_article(text.trim());
    let words = words(text);
    !words.is_empty()
        && starts_upper(text)
        && words
            .iter()
            .all(|w| starts_upper(w.text) || ["of", "for", "and", "the", "on"].contains(&w.text))
        && words
            .iter()
            .any(|w| is_org_word(w.text) || is_acronym(w.text))
}

/// Where a leading organisation name ends in "Amnesty International UK Campaigns Director":
/// the last organisation word of the leading capitalised run, plus acronyms after it.
pub(super) fn org_prefix_end(phrase: &str) -> Option<usize> {
    let words = words(phrase);
    let name_word =
        |w: &Word<'_>| starts_upper(w.text) && (is_org_word(w.text) || !is_role_word(w.text));
    // The leading name, with "of", "for", "and", "the" between its capitalised words
    // ("Business Council of Australia").
    let mut run = 0;
    let connector = |i: usize| {
        i > 0
            && ["of", "for", "and", "the"].contains(&words[i].text)
            && words[i + 1..]
                .first()
                .is_some_and(|w| name_word(w) || w.text == "the")
    };
    while run < words.len() && (name_word(&words[run]) || connector(run)) {
        run += 1;
    }
    // "CPJ representative", "EU Ambassador": an acronym right before the role.
    if words.len() > 1 && is_acronym(words[0].text) && is_role_word(words[1].text) {
        return Some(words[0].end);
    }
    // "Unite general secretary": a capitalised name, not a place, before lower-case role words.
    if run > 0
        && run < words.len()
        && words[run..].iter().all(|w| !starts_upper(w.text))
        && words[run..].iter().any(|w| is_role_word(w.text))
        && !words[..run].iter().any(|w| is_role_word(w.text))
        && !gazetteer::is_place(&phrase[..words[run - 1].end])
        && !words[..run]
            .iter()
            .all(|w| gazetteer::is_place_word(w.text))
    {
        return Some(words[run - 1].end);
    }
    let last_org = words[..run].iter().rposition(|w| is_org_word(w.text))?;
    let mut end = last_org;
    while end + 1 < run && is_acronym(words[end + 1].text) {
        end += 1;
    }
    Some(words[end].end)
}

/// Whether an appositive reads as a job title: it has a role word or names an organisation
/// ("Amnesty International’s …"), and is not a relative clause or a description.
pub(super) fn is_role_phrase(phrase: &str) -> bool {
    let words = words(phrase);
    let descriptive = words
        .first()
        .is_some_and(|w| ["who", "whose", "which", "whom", "a", "an"].contains(&w.text));
    !descriptive
        && (words.iter().any(|w| is_role_word(w.text))
            || split_possessive(phrase).is_some()
            || looks_like_org(phrase.trim_start_matches("of ").trim_start_matches("at ")))
}

/// The title right before a name, as the maximal run of title words that ends the text:
/// capitalised words, possessives and role words, joined by "of", "for" or "and" between
/// capitalised words ("… described by Amnesty International’s Secretary General" →
/// "Amnesty International’s Secretary General").
pub(super) fn trailing_title(text: &str) -> &str {
    let words = words(text);
    let mut start = words.len();
    while start > 0 {
        let word = &words[start - 1];
        let gap_ok = start == words.len()
            || text[word.end..words[start].start]
                .chars()
                .all(char::is_whitespace);
        let title_word = (starts_upper(word.text) && !is_in(FUNCTION_WORDS, word.text))
            || is_role_word(word.text);
        let connector = ["of", "for", "and"].contains(&word.text)
            && start >= 2
            && starts_upper(words[start - 2].text);
        if !gap_ok || !(title_word || connector) {
            break;
        }
        start -= 1;
    }
    match words.get(start) {
        Some(first) => &text[first.start..],
        None => "",
    }
}

/// Drops the words before a title that cannot belong to it ("Today Amnesty International’s
/// Director" → "Amnesty International’s Director").
pub(super) fn trim_leading_non_title(segment: &str) -> &str {
    let words = words(segment);
    let first = words.iter().position(|w| {
        (starts_upper(w.text) && !is_in(FUNCTION_WORDS, w.text)) || is_role_word(w.text)
    });
    match first {
        Some(index) => &segment[words[index].start..],
        None => "",
    }
}
