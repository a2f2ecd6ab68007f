//! Attributions outside the quoted sentences: in the title or the standfirst ("Statement from
//! President Joe Biden on …", "Jane Roe statement on …", "… – Jane Roe"), on a sign-off line
//! after the quote ("- Jane Roe, director of Foo"), and the organisation that issues the
//! statement ("Foo Council has released the following statement:", "Foo Watch said today").

use std::sync::LazyLock;

use regex::Regex;

use super::names::*;
use super::roles::*;
use super::{Attribution, CUE_VERBS, ExtractedSpeaker, from_after_verb, from_subject};
use crate::import::{gazetteer, regex};

/// Nouns for a statement that names who makes it ("Statement by …", "… remarks on …").
const STATEMENT_NOUNS: &str = r"statement|remarks|comments?|message|reaction|readout|quotes?";

/// Words after which a title stops naming who speaks and says what about ("… on the floods").
const SUBJECT_MARKERS: &str =
    r"on|regarding|about|following|after|marking|ahead\s+of|in\s+response\s+to|as";

/// "Statement from President Joe Biden on …", "Statement by the Council of the EU:" — WHO.
static STATEMENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?-u:\b)(?:{STATEMENT_NOUNS})\s+(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:{SUBJECT_MARKERS})(?-u:\b).*|\s*:.*)?$"
    ))
});

/// "Bill Hancock Statement on Jeff Long", "UNICEF Director Jane Roe’s opening remarks at …",
/// "PRESS RELEASE : Foo Department statement on …" — WHO.
static WHO_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:[^:“”]*:\s*)?(?P<who>[^:“”]+?)(?:[’']s)?(?:\s+(?i:opening|closing|joint|full|official|video))?\s+(?i:{STATEMENT_NOUNS})\s+(?i:{SUBJECT_MARKERS}|at|to)(?-u:\b)"
    ))
});

/// "… – Jane Roe" at the end of a title.
static TRAILING_NAME: LazyLock<Regex> = LazyLock::new(|| regex(r"\s[-–—]\s+(?P<who>[^-–—]+?)\s*$"));

/// Verbs of which an organisation is the subject when it issues a statement or speaks as a
/// body ("Human Rights Watch said today", "Foo Ltd (NYSE: FOO) today announced").
const ISSUER_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "announced",
    "announces",
    "launched",
    "launches",
    "released",
    "releases",
    "issued",
    "issues",
    "published",
    "publishes",
    "urged",
    "urges",
    "called",
    "calls",
    "welcomed",
    "welcomes",
    "condemned",
    "condemns",
    "warned",
    "warns",
    "recommended",
    "recommends",
    "adopted",
    "adopts",
    "confirmed",
    "confirms",
    "reported",
    "comment",
    "comments",
    "responds",
    "responded",
    "reacts",
    "reacted",
];

/// A subject and its verb: "Foo Council has today released", "Foo Watch said".
static ISSUER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\s+(?:has\s+|have\s+|is\s+)?(?:(?:today|also|now|this\s+week|this\s+morning)\s+)?(?-u:\b)(?:{})(?-u:\b)",
        ISSUER_VERBS.join("|")
    ))
});

/// A parenthesis right before the verb: "(NYSE: FOO)", "(ICRC)".
static TRAILING_PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| regex(r"\s*\([^()]*\)\s*$"));

/// Speakers named by a title: "Statement from President Joe Biden on …", "Bill Hancock
/// Statement on Jeff Long", "… – Jane Roe".
pub(super) fn from_title(title: &str, known: &[ExtractedSpeaker]) -> Vec<Attribution> {
    if let Some(who) = STATEMENT_BY.captures(title).and_then(|c| c.name("who")) {
        return from_after_verb(who.as_str(), who.start(), known);
    }
    if let Some(who) = WHO_STATEMENT.captures(title).and_then(|c| c.name("who")) {
        return from_subject(who.as_str(), who.start(), known);
    }
    TRAILING_NAME
        .captures(title)
        .and_then(|c| c.name("who"))
        .and_then(|who| signoff(who.as_str(), who.start()))
        .into_iter()
        .collect()
}

/// An organisation a title names as making the statement ("Statement by the Council of the EU
/// on …"), when no person is named there.
pub(super) fn title_issuer(title: &str) -> Option<String> {
    let who = STATEMENT_BY
        .captures(title)
        .or_else(|| WHO_STATEMENT.captures(title))?
        .name("who")?
        .as_str();
    let who = strip_article(who.trim());
    (is_named_org(who) && names_in(who, &[]).is_empty()).then(|| who.to_owned())
}

/// An organisation's own name: more than a generic word ("the Council", "Government") unless
/// an acronym or a one-word name ("UNICEF", "Oxfam").
fn is_named_org(text: &str) -> bool {
    looks_like_org(text)
        && !gazetteer::is_place(text)
        && match words(text).as_slice() {
            [one] => is_acronym(one.text) || is_in(ORG_NAMES, one.text),
            _ => true,
        }
}

/// A standfirst line before any quote that names who speaks without a verb: "Statement by
/// Jane Roe, Director of Foo Watch" (no colon).
pub(super) fn from_standfirst(line: &str, known: &[ExtractedSpeaker]) -> Vec<Attribution> {
    if line.contains(['“', '"']) || line.split_whitespace().count() > 30 {
        return Vec::new();
    }
    STATEMENT_BY
        .captures(line.trim())
        .and_then(|c| c.name("who"))
        .map(|who| from_after_verb(who.as_str(), who.start(), known))
        .unwrap_or_default()
}

/// A sign-off after a quote: a line "- Jane Roe, director of Foo" (with a dash anywhere, or
/// without one right after a quote), or a name glued to the end of the quote
/// ("… future.”Jane Roe").
pub(super) fn from_signoff(line: &str, after_quote: bool) -> Option<Attribution> {
    let text = line.trim();
    if let Some(rest) = text.strip_prefix(['-', '–', '—', '―']) {
        let offset = line.len() - rest.len();
        return signoff(rest, offset);
    }
    if let Some(close) = text.rfind(['”', '"']) {
        let tail = text[close..].get(text[close..].chars().next().map_or(1, char::len_utf8)..);
        let tail = tail.unwrap_or("");
        if !tail.trim().is_empty() && text[..close].contains(['“', '"']) {
            let offset = line.len() - tail.len();
            return signoff(tail, offset);
        }
    }
    after_quote.then(|| signoff(text, 0)).flatten()
}

/// "Jane Roe" or "Jane Roe, director of Foo" as the whole of `text`.
fn signoff(text: &str, offset: usize) -> Option<Attribution> {
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() || words(text).len() > 16 || text.contains([':', '“', '”', '"']) {
        return None;
    }
    let has_verb = words(text).iter().any(|w| is_in(CUE_VERBS, w.text));
    let (name, phrase) = text.split_once(", ").unwrap_or((text, ""));
    if has_verb || !is_whole_name(name) || !(phrase.is_empty() || is_role_phrase(phrase)) {
        return None;
    }
    let (role, organization) = split_role(phrase);
    Some(Attribution {
        position: offset,
        name: name.trim().to_owned(),
        role,
        organization,
    })
}

/// The organisation a line names as the subject that speaks or issues ("Human Rights Watch
/// said", "The Department for Business and Trade has released the following statement", "A
/// Foo Council spokesperson said"), with its byte position.
pub(super) fn issuer_in(line: &str) -> Option<(String, usize)> {
    ISSUER_VERB.find_iter(line).find_map(|verb| {
        let before = &line[..verb.start()];
        let before = TRAILING_PARENTHESIS
            .find(before)
            .map_or(before, |m| &before[..m.start()]);
        // The subject right before its verb, not the end of a quote or a clause.
        if !before
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '.')
        {
            return None;
        }
        let run = trailing_title(before);
        // "A Foo Council spokesperson": the body, not its spokesperson.
        let run_words = words(run);
        let kept = run_words
            .iter()
            .rposition(|w| !is_role_word(w.text) || is_org_word(w.text))?;
        let run = strip_article(&run[..run_words[kept].end]);
        let run = run
            .strip_prefix("A ")
            .or_else(|| run.strip_prefix("An "))
            .unwrap_or(run);
        let at = before.rfind(run).unwrap_or(0);
        // "Jane Roe of Foo Watch" is a person; "Acme Widgets Inc" is not.
        let person = names_in(run, &[]).iter().any(|name| {
            let after = &run[name.end..];
            [" of ", " at ", " from ", ", "]
                .iter()
                .any(|marker| after.starts_with(marker))
        });
        (is_named_org(run) && !person).then(|| (run.to_owned(), at))
    })
}
