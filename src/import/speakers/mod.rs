//! Speakers: who is quoted, found from the attribution around the quotes.
//!
//! Attributions are written in many ways, and the rules below are about their *shape*, not
//! about any organisation or person:
//!
//! - **Intro** — a clause ending in an attribution verb and a colon: "…, NAME, ROLE, said:",
//!   "ORG's ROLE NAME said:", "ORG ROLE NAME said today:", "NAME ROLE of ORG said:",
//!   "NAME released the following statement:", "NAME added:". The subject is the text of the
//!   sentence before the verb; the speaker is the *rightmost* person name in it, and the role
//!   is the appositive after the name, or else the title right before it.
//! - **Quote first** — `…," said NAME, ROLE.` and `…," NAME, ROLE, said.`
//! - **Label** — a short line "ROLE, NAME:" (or "NAME, ROLE:") with no verb, as in Q&A and
//!   multi-speaker releases.
//!
//! A *person name* is a run of at least two capitalised words (particles such as "de", "van",
//! "al-" may sit inside, accents are fine) that are not role words ("Director"), organisation
//! words ("International"), places ("Africa"), compass words, months or function words. A
//! single word counts only when it is the surname or full name of a speaker already found, so
//! "said Kagari." refers back instead of adding a speaker. Each person is listed once, in order
//! of first appearance; a later mention fills a role or organisation that was missing.
//!
//! The role phrase is split into role and organisation with [`split_role`]: "ORG's ROLE",
//! "ROLE at ORG", "ROLE of ORG" (when ORG looks like an organisation), "ORG ROLE" (when the
//! leading words end in an organisation word, plus an acronym: "Amnesty International UK").
//! Where the organisation sits inside the phrase ("Director of Amnesty International's Africa
//! Programme") the phrase is kept whole as the role.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;
use crate::import::origin::{Origin, SpeakerOrigin};
use names::*;
use roles::*;

mod fill;
mod names;
mod roles;
mod shapes;

pub use roles::split_role;

/// One person quoted in a statement, as far as the text tells.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ExtractedSpeaker {
    /// The person's name as written ("Khanyo Farisè").
    pub name: String,
    /// The job title, without the organisation where it splits off cleanly.
    pub role: Option<String>,
    /// The organisation, as written.
    pub organization: Option<String>,
}

/// Verbs that attribute a quote to its speaker. Data: a new style is a word here.
#[rustfmt::skip]
pub const CUE_VERBS: &[&str] = &[
    "said", "says", "stated", "states", "added", "adds", "continued", "continues", "commented",
    "comments", "noted", "notes", "warned", "warns", "urged", "urges", "explained", "explains",
    "remarked", "declared", "responded", "replied", "stressed", "emphasised", "emphasized",
    "concluded", "insisted", "observed", "acknowledged", "wrote", "writes",
];

/// What may sit between a cue verb and its colon or quote: "said today", "said in a statement".
const VERB_MODIFIERS: &str = r"(?:\s+(?:today|yesterday|earlier|also|on\s+\w+(?:\s+\d{1,2})?|in\s+a\s+(?:joint\s+)?(?:statement|press\s+release)|in\s+\p{Lu}\w+))*";

/// The cue verbs as a regex alternation, with "told WHOM".
fn cue_verbs() -> String {
    format!(r"{}|told\s+\w+(?:\s+\w+)?", CUE_VERBS.join("|"))
}

// The word boundaries next to the (ASCII) cue words are ASCII ones, `(?-u:\b)`: a Unicode `\b`
// keeps the regex engine off its fast DFA on any line with a curly quote or an accent, which made
// attributing the quotes of a cold export several times slower.

/// An attribution verb that introduces a quote: "said:", "said today:", "added:", "released
/// the following statement:", or a verb right before the opening quote ("said “…").
static INTRO_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r#"(?i)\s*(?-u:\b)(?:(?:{}){VERB_MODIFIERS}|(?:released|issued|made|gave)\s+the\s+following\s+(?:joint\s+)?(?:statement|news\s+release|remarks)[^:"“”]{{0,200}}?)\s*(?::|,?\s*["“])"#,
        cue_verbs()
    ))
});

/// An attribution verb ending a line without a colon (the quote follows on the next line).
static VERB_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\s*(?-u:\b)(?:{})(?:\s+(?:today|yesterday))?\s*,?$",
        CUE_VERBS.join("|")
    ))
});

/// `…," said NAME, ROLE.` (the closing quote may be missing: `…, said NAME, ROLE. More …`) and
/// "according to NAME, ROLE" — the part after the verb.
static QUOTE_THEN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r#"(?:[,.!?…]\s*["”'’»“]?\s*(?i:{})|(?i:(?-u:\b)according\s+to))\s+(?P<rest>[^"“”]+)"#,
        CUE_VERBS.join("|")
    ))
});

/// "The following is a statement from NAME, ROLE:", "… can be attributed to NAME, ROLE:" —
/// the part after "from" or "to".
static STATEMENT_FROM: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i:(?:statement|comments?|remarks|reaction|quotes?)\s+(?:from|by)|(?:attributed|attributable)\s+to)\s+(?P<rest>[^:"“”]+):"#,
    )
});

/// `…," NAME, ROLE, said.` — the part before the verb.
static QUOTE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r#"[,!?…]\s*["”'’»“]\s+(?P<subject>[^"“”«»]+?)\s+(?i:{}){VERB_MODIFIERS}\s*[.,;]"#,
        cue_verbs()
    ))
});

/// The end of a sentence inside a line.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| regex(r#"[.!?]["”’']?\s+"#));

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Col", "Lt", "Sgt", "Rev", "No", "Jr", "Sr",
    "Gov", "Sen", "Rep", "Supt", "Insp", "Det", "Cllr", "Hon", "Amb", "vs", "v", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Where sentences end in `text` (byte spans of the punctuation and the blanks after it), not
/// counting initials ("John F. Kennedy"), titles ("Dr. Ruth") or dotted acronyms ("U.S.").
fn sentence_ends(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    SENTENCE_END.find_iter(text).filter_map(move |m| {
        let before = &text[..m.start()];
        let word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let initial = word.chars().count() == 1 && starts_upper(word);
        let abbreviation = text[m.start()..].starts_with('.')
            && (initial || ABBREVIATIONS.contains(&word) || word.contains('.'));
        (!abbreviation).then_some((m.start(), m.end()))
    })
}

/// A "Contact:" line or a "Media contacts:" heading: names there are not speakers.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\W*(?:media\s+|press\s+)?(?:contacts?|enquiries|inquiries)(?:\s+information)?\s*:")
});

/// Speakers collected in order of first statement, with where each was named.
#[derive(Debug, Default)]
struct Speakers {
    found: Vec<ExtractedSpeaker>,
    origins: Vec<SpeakerOrigin>,
    /// Every full name the text mentions, speaker or not.
    mentions: Vec<String>,
}

impl Speakers {
    /// Adds the speaker of an attribution (or completes a known one); returns its index, or
    /// `None` when a lone word refers to nobody found.
    fn add(&mut self, attribution: Attribution, origin: Origin) -> Option<usize> {
        let Attribution {
            name,
            role,
            organization,
            ..
        } = attribution;
        // "Mr Caio", "Andrew": the "Francesco Caio", "Andrew Dunn" the text names elsewhere.
        let bare = strip_honorific(&name);
        let resolved = (!bare.contains(' '))
            .then(|| {
                self.mentions.iter().find(|full| {
                    let mut parts = full.split_whitespace();
                    parts.next() == Some(bare) || parts.last() == Some(bare)
                })
            })
            .flatten()
            .cloned();
        let name = resolved.as_deref().unwrap_or(&name);
        if let Some(index) = self.found.iter().position(|s| refers_to(name, s)) {
            let known = &mut self.found[index];
            if known.role.is_none() {
                known.role = role;
            }
            if known.organization.is_none() {
                known.organization = organization;
            }
            return Some(index);
        }
        if name.split_whitespace().count() < 2 {
            return None;
        }
        self.found.push(ExtractedSpeaker {
            name: name.to_owned(),
            role,
            organization,
        });
        self.origins.push(SpeakerOrigin {
            attribution: origin,
            guess: None,
        });
        Some(self.found.len() - 1)
    }

    /// The speakers found so far and every name mentioned: who a lone name can refer to.
    fn known(&self) -> Vec<ExtractedSpeaker> {
        let mentioned = self.mentions.iter().map(|name| ExtractedSpeaker {
            name: name.clone(),
            ..ExtractedSpeaker::default()
        });
        self.found.iter().cloned().chain(mentioned).collect()
    }
}

/// One attribution found in a line, at a byte position (for ordering).
struct Attribution {
    position: usize,
    name: String,
    role: Option<String>,
    organization: Option<String>,
}

/// The speakers of a subject: one per coordinated part (see [`coordinated_parts`]), each the
/// rightmost name of its part with its own role.
fn from_subject(subject: &str, offset: usize, known: &[ExtractedSpeaker]) -> Vec<Attribution> {
    // Only the current sentence.
    let start = sentence_ends(subject).last().map_or(0, |(_, end)| end);
    let subject = &subject[start..];
    coordinated_parts(subject, known)
        .into_iter()
        .filter_map(|(from, to)| one_from_subject(&subject[from..to], offset + start + from, known))
        .collect()
}

/// Splits a subject naming several speakers into one part per speaker, as byte ranges:
/// "Jane Roe, director at Foo Watch, and John Smith, counsel at Bar Institute" →
/// "Jane Roe, director at Foo Watch" and "John Smith, counsel at Bar Institute".
///
/// Walking from the right, a part starts at a name that follows "and" or "&" (or, once such
/// a part is found, a plain comma: "A, ROLE, B, ROLE, and C, ROLE"), when the name before it
/// begins a subject ([`starts_subject`]) and is followed only by its own role phrase, a relative clause ("…, whose sister died,"), or
/// nothing. A name that does not start a part
/// ("Responding to the arrest of Ali Khan and Omar Farouk, Jane Roe said", "Jane Roe met Ali
/// Khan, and John Smith said") leaves the text
/// before it to the part it is in, whose speaker is its rightmost name.
fn coordinated_parts(subject: &str, known: &[ExtractedSpeaker]) -> Vec<(usize, usize)> {
    let names = names_in(subject, known);
    let mut parts = Vec::new();
    let mut end = subject.len();
    let mut index = names.len();
    while index > 1 {
        index -= 1;
        let name = &names[index];
        let before = subject[..name.start].trim_end();
        let conjunction = ["and", "&"].into_iter().find_map(|word| {
            before
                .strip_suffix(word)
                .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        });
        let left = match conjunction {
            Some(rest) => rest.trim_end(),
            None if !parts.is_empty() && before.ends_with(',') => before,
            None => break,
        };
        let left = left.trim_end_matches(',').trim_end();
        let previous = &names[index - 1];
        if left.len() < previous.end {
            break;
        }
        let between = &left[previous.end..];
        let role = between.trim_matches(|c: char| c == ',' || c.is_whitespace());
        // A role ("director at Foo Watch") or who they are ("whose sister died").
        let relative = ["who ", "whose "].iter().any(|w| role.starts_with(w));
        if (!role.is_empty() && !is_role_phrase(role) && !relative)
            || !starts_subject(subject, previous)
        {
            break;
        }
        parts.push((name.start, end));
        end = left.len();
    }
    parts.push((0, end));
    parts.reverse();
    parts
}

/// Whether `name` can begin the subject of an attribution: it starts the text, follows a
/// comma or a dash ("Responding to the verdict, Jane Roe"), or follows its title or an
/// honorific ("Foo Watch’s director Jane Roe", "Dr. Jane Roe") — not "Jane Roe met Ali Khan".
fn starts_subject(subject: &str, name: &NameSpan) -> bool {
    let before = subject[..name.start].trim_end();
    let title = words(trailing_title(before));
    before.is_empty()
        || before.ends_with([',', '–', '—', '(', ':'])
        || title
            .last()
            .is_some_and(|w| is_role_word(w.text) || is_possessive(w.text))
        || words(before)
            .last()
            .is_some_and(|w| HONORIFICS.contains(&w.text))
}

/// The speaker of one subject ("…, Amnesty International’s China Director Sarah Brooks"): the
/// rightmost name, and the role after it or, failing that, the title before it.
fn one_from_subject(
    subject: &str,
    offset: usize,
    known: &[ExtractedSpeaker],
) -> Option<Attribution> {
    let name = names_in(subject, known).pop()?;
    let after = subject[name.end..].trim_matches(|c: char| c == ',' || c.is_whitespace());
    let before_title = || {
        let before = subject[..name.start].trim_end();
        let appositive = before.ends_with(',');
        let before = before.trim_end_matches(',');
        let segment = before.rsplit(", ").next().unwrap_or(before);
        let segment = if appositive {
            trim_leading_non_title(segment)
        } else {
            trailing_title(segment)
        };
        let segment_words = words(segment);
        // A clause with a quote or a verb of its own is not a title.
        if segment.contains(['“', '”', '"'])
            || segment_words.iter().any(|w| is_in(CUE_VERBS, w.text))
        {
            return (None, None);
        }
        let titled = if appositive {
            segment_words.iter().any(|w| is_role_word(w.text))
        } else {
            segment_words.last().is_some_and(|w| is_role_word(w.text))
                || segment_words.last().is_some_and(|w| is_possessive(w.text))
        };
        if titled {
            split_role(segment)
        } else {
            (None, None)
        }
    };
    let (role, organization) = if words(after).is_empty() {
        before_title()
    } else if is_role_phrase(after) {
        // "Detective Inspector Jane Roe, of Foo Police": the rank before, the force after.
        match split_role(after) {
            (None, organization) => (before_title().0, organization),
            found => found,
        }
    } else if is_aside(after) {
        (None, None) // "Rahima Akter, whose sister died in the fire, added:"
    } else {
        // "… the case of Foo vs. Jane Roe and others, the Department has released": another
        // subject stands between the name and the verb.
        return None;
    };
    Some(Attribution {
        position: offset + name.start,
        name: name.name,
        role,
        organization,
    })
}

/// Whether text between a name and its verb is an aside about the person ("whose sister
/// died", "speaking in Geneva", "also") rather than another subject.
fn is_aside(text: &str) -> bool {
    let all = words(text);
    all.len() <= 2
        || all.first().is_some_and(|w| {
            ["who", "whose", "which", "whom"].contains(&w.text) || w.text.ends_with("ing")
        })
}

/// The speakers after a quote-first verb: "Hassiba Hadj Sahraoui, Amnesty International's
/// Middle East and North Africa Deputy Director." (text up to the end of the sentence), or
/// several: "the experts, Jane Roe, Special Rapporteur on food, and John Smith".
fn from_after_verb(rest: &str, offset: usize, known: &[ExtractedSpeaker]) -> Vec<Attribution> {
    let sentence = sentence_ends(rest)
        .next()
        .map_or(rest, |(start, _)| &rest[..start]);
    let sentence = sentence.trim_end_matches(['.', '!', '?']);
    let Some(name) = names_in(sentence, known).into_iter().next() else {
        return Vec::new();
    };
    let before = sentence[..name.start].trim();
    // "said Jane Doe", "said the group’s director Jane Doe", "said the experts, Jane Doe";
    // not "said today that Jane Doe …".
    if !words(before).iter().all(|w| {
        (starts_upper(w.text) && !is_in(FUNCTION_WORDS, w.text))
            || is_role_word(w.text)
            || is_possessive(w.text)
            || HONORIFICS.contains(&w.text)
            || ["the", "a", "an", "of", "for", "and", "at"].contains(&w.text)
    }) {
        return Vec::new();
    }
    let several = from_subject(&sentence[name.start..], offset + name.start, known);
    if several.len() > 1 {
        return several;
    }
    let after = sentence[name.end..].trim_matches(|c: char| c == ',' || c.is_whitespace());
    // A title before the name is its role, unless it is a group the name stands in apposition
    // to ("the experts, Jane Doe").
    let title = (!before.ends_with(',')).then(|| trailing_title(before));
    let (role, organization) = if sentence[name.end..].starts_with(',') && is_role_phrase(after) {
        split_role(after)
    } else if let Some(title) = title.filter(|t| is_role_phrase(t)) {
        split_role(title)
    } else {
        (None, None)
    };
    vec![Attribution {
        position: offset + name.start,
        name: name.name,
        role,
        organization,
    }]
}

/// A label line: "Americas Director, Erika Guevara Rosas:" or "Erika Guevara Rosas:" (the
/// latter only when a quote follows).
fn from_label(line: &str, next_starts_quote: bool) -> Option<Attribution> {
    let text = line.trim().strip_suffix(':')?.trim();
    if text.is_empty()
        || text.contains(['"', '“', '”', ':'])
        || words(text).len() > 14
        || CONTACT.is_match(line)
    {
        return None;
    }
    if let Some((left, right)) = text.split_once(", ") {
        let (name, phrase) = if is_whole_name(right) {
            (right, left)
        } else if is_whole_name(left) {
            (left, right)
        } else {
            return None;
        };
        if !words(phrase).iter().any(|w| is_role_word(w.text)) {
            return None;
        }
        let (role, organization) = split_role(phrase);
        return Some(Attribution {
            position: 0,
            name: name.trim().to_owned(),
            role,
            organization,
        });
    }
    (next_starts_quote && is_whole_name(text)).then(|| Attribution {
        position: 0,
        name: text.to_owned(),
        role: None,
        organization: None,
    })
}

fn starts_with_quote(line: &str) -> bool {
    line.trim_start().starts_with(['"', '“', '\'', '‘', '«'])
}

/// What [`find`] reads in a statement: its people and the organisation that issues it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The people quoted, in order of first statement.
    pub speakers: Vec<ExtractedSpeaker>,
    /// Where each speaker was named, in the same order.
    pub origins: Vec<SpeakerOrigin>,
    /// The organisation that issues the statement, where the text names it, and where.
    pub issuer: Option<(String, Origin)>,
    /// Every attribution of the body, in order: who each line attributes a quote to.
    pub attributions: Vec<Attributed>,
}

/// One attribution in the body: the line it is on, the byte where it names the speaker, and
/// the index of that speaker in [`Found::speakers`]. `press quotes` pairs quotes with these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attributed {
    /// The line's number, as given to [`find`].
    pub line: usize,
    /// Byte offset in the line where the attribution names its speaker.
    pub at: usize,
    /// Index in [`Found::speakers`].
    pub speaker: usize,
}

/// The speakers of a statement, in order of first statement, and its issuing organisation.
///
/// `lines` are the body's lines with their 1-based numbers in the input, `title` the title
/// line. Lines from a "Contact:" line or a "Media contacts:" heading on are not searched.
/// `default_organization` (the feed footer's) is the issuer when the text names none; it and
/// the organisation other speakers share fill a missing organisation of a speaker with a role.
pub fn find(
    lines: &[(usize, &str)],
    title: Option<(usize, &str)>,
    default_organization: Option<&str>,
) -> Found {
    // The body's mentions first: a title in Title Case makes names of other words.
    let mentions = lines
        .iter()
        .chain(title.iter())
        .flat_map(|(_, line)| names_in(line, &[]))
        .map(|span| span.name)
        .filter(|name| strip_honorific(name) == name.as_str())
        .collect();
    let mut speakers = Speakers {
        mentions,
        ..Speakers::default()
    };
    let mut issuer = None;
    // The title and the first lines before any quote may name who speaks without a verb.
    if let Some((number, text)) = title {
        for found in shapes::from_title(text, &speakers.known()) {
            let origin = Origin::at(number, text, found.position);
            let _ = speakers.add(found, origin);
        }
        issuer = shapes::title_issuer(text)
            .map(|org| (org, 0))
            .or_else(|| shapes::issuer_in(text))
            .map(|(org, at)| (org, Origin::at(number, text, at)));
    }
    let mut quote_seen = false;
    let mut attributed = Vec::new();
    for (index, &(number, line)) in lines.iter().enumerate() {
        if CONTACT.is_match(line) {
            if line.trim_end().ends_with(':') {
                break; // a heading: the rest is contact details
            }
            continue;
        }
        let known = speakers.known();
        let next_starts_quote = lines[index + 1..]
            .iter()
            .find(|(_, l)| !l.trim().is_empty())
            .is_some_and(|(_, l)| starts_with_quote(l));
        let after_quote = lines[..index]
            .iter()
            .rev()
            .find(|(_, l)| !l.trim().is_empty())
            .is_some_and(|(_, l)| ends_with_quote(l));
        let mut found = attributions(line, next_starts_quote, &known);
        if found.is_empty() && !quote_seen {
            found.extend(shapes::from_standfirst(line, &known));
        }
        if found.is_empty() {
            found.extend(shapes::from_signoff(line, after_quote));
        }
        found.sort_by_key(|a| a.position);
        for a in found {
            let (at, origin) = (a.position, Origin::at(number, line, a.position));
            if let Some(speaker) = speakers.add(a, origin) {
                attributed.push(Attributed {
                    line: number,
                    at,
                    speaker,
                });
            }
        }
        // The issuer is named in the lead, before the quotes.
        if issuer.is_none() && !quote_seen && !starts_with_quote(line) {
            issuer = shapes::issuer_in(line).map(|(org, at)| (org, Origin::at(number, line, at)));
        }
        quote_seen |= line.contains(['“', '"']);
    }
    let issuer = issuer.or_else(|| {
        default_organization.map(|org| {
            let origin = Origin {
                line: lines.last().map_or(0, |(n, _)| n + 1),
                text: format!("The post … appeared first on {org}."),
            };
            (org.to_owned(), origin)
        })
    });
    let Speakers {
        found: mut people,
        mut origins,
        ..
    } = speakers;
    fill::roles_from_mentions(&mut people, &mut origins, lines);
    fill::expand_acronyms(&mut people, title.iter().chain(lines));
    fill::organizations(&mut people, &mut origins, issuer.as_ref());
    Found {
        speakers: people,
        origins,
        issuer,
        attributions: attributed,
    }
}

/// The attributions in the sentences of one line.
fn attributions(
    line: &str,
    next_starts_quote: bool,
    known: &[ExtractedSpeaker],
) -> Vec<Attribution> {
    let mut found = Vec::new();
    for verb in INTRO_VERB.find_iter(line) {
        found.extend(from_subject(&line[..verb.start()], 0, known));
    }
    // "…, Jane Doe said" with the quote on the next line, no colon.
    if next_starts_quote && let Some(verb) = VERB_AT_END.find(line) {
        found.extend(from_subject(&line[..verb.start()], 0, known));
    }
    for caps in QUOTE_THEN_SAID.captures_iter(line) {
        if let Some(rest) = caps.name("rest") {
            found.extend(from_after_verb(rest.as_str(), rest.start(), known));
        }
    }
    for caps in STATEMENT_FROM.captures_iter(line) {
        if let Some(rest) = caps.name("rest") {
            found.extend(from_after_verb(rest.as_str(), rest.start(), known));
        }
    }
    for caps in QUOTE_THEN_NAME.captures_iter(line) {
        if let Some(subject) = caps.name("subject") {
            found.extend(from_subject(subject.as_str(), subject.start(), known));
        }
    }
    if found.is_empty() {
        found.extend(from_label(line, next_starts_quote));
    }
    found
}

fn ends_with_quote(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['.', ','])
        .ends_with(['"', '”', '\'', '’', '»'])
}

#[cfg(test)]
mod fill_tests;
#[cfg(test)]
mod more_tests;
#[cfg(test)]
mod tests;
