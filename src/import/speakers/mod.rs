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
use names::*;
use roles::*;

mod names;
mod roles;

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

/// An attribution verb that introduces a quote: "said:", "said today:", "added:", "released
/// the following statement:".
static INTRO_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\s*\b(?:(?:said|says|added|adds|commented|comments|stated|states|warned|explained|noted|continued|remarked|declared|urged|responded|replied|told\s+\w+)(?:\s+(?:today|yesterday|earlier|on\s+\w+(?:\s+\d{1,2})?|in\s+a\s+(?:joint\s+)?(?:statement|press\s+release)|in\s+\p{Lu}\w+))*|(?:released|issued|made|gave)\s+the\s+following\s+statement(?:\s+today)?)\s*:",
    )
});

/// An attribution verb ending a line without a colon (the quote follows on the next line).
static VERB_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\s*\b(?:said|says|added|adds|stated|commented)(?:\s+(?:today|yesterday))?\s*,?$")
});

/// `…," said NAME, ROLE.` (the closing quote may be missing: `…, said NAME, ROLE. More …`) and
/// "according to NAME, ROLE" — the part after the verb.
static QUOTE_THEN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?:[,.!?…]\s*["”'’»“]?\s*(?i:said|says|added|adds|continued|warned|explained)|(?i:\baccording\s+to))\s+(?P<rest>[^"“”]+)"#,
    )
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
    regex(
        r#"[,!?…]\s*["”'’»“]\s+(?P<subject>[^"“”«»]+?)\s+(?i:said|says|added|adds|continued|warned|explained)(?:\s+(?:today|yesterday|in\s+a\s+(?:joint\s+)?(?:statement|press\s+release)|on\s+\w+))*\s*[.,;]"#,
    )
});

/// The end of a sentence inside a line.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| regex(r#"[.!?]["”’']?\s+"#));

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Col", "Lt", "Sgt", "Rev", "No", "Jr", "Sr",
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

/// Speakers collected in order of first appearance.
#[derive(Debug, Default)]
struct Speakers(Vec<ExtractedSpeaker>, Vec<String>);

impl Speakers {
    fn add(&mut self, name: &str, role: Option<String>, organization: Option<String>) {
        // "Mr Caio" is the "Francesco Caio" the text names elsewhere, if it does.
        let surname = strip_honorific(name);
        let resolved = (surname != name)
            .then(|| {
                self.1
                    .iter()
                    .find(|full| full.split_whitespace().last() == Some(surname))
            })
            .flatten()
            .cloned();
        let name = resolved.as_deref().unwrap_or(name);
        if let Some(known) = self.0.iter_mut().find(|s| refers_to(name, s)) {
            if known.role.is_none() {
                known.role = role;
            }
            if known.organization.is_none() {
                known.organization = organization;
            }
            return;
        }
        if name.split_whitespace().count() < 2 {
            return;
        }
        self.0.push(ExtractedSpeaker {
            name: name.to_owned(),
            role,
            organization,
        });
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
    let (role, organization) = if words(after).is_empty() {
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
    } else if is_role_phrase(after) {
        split_role(after)
    } else {
        (None, None) // "Rahima Akter, whose sister died in the fire, added:"
    };
    Some(Attribution {
        position: offset + name.start,
        name: name.name,
        role,
        organization,
    })
}

/// The speaker after a quote-first verb: "Hassiba Hadj Sahraoui, Amnesty International's
/// Middle East and North Africa Deputy Director." (text up to the end of the sentence).
fn from_after_verb(rest: &str, offset: usize, known: &[ExtractedSpeaker]) -> Option<Attribution> {
    let sentence = sentence_ends(rest)
        .next()
        .map_or(rest, |(start, _)| &rest[..start]);
    let sentence = sentence.trim_end_matches(['.', '!', '?']);
    let name = names_in(sentence, known).into_iter().next()?;
    let before = sentence[..name.start].trim();
    // "said Jane Doe", "said the group’s director Jane Doe"; not "said today that Jane Doe …".
    if !words(before).iter().all(|w| {
        (starts_upper(w.text) && !is_in(FUNCTION_WORDS, w.text))
            || is_role_word(w.text)
            || is_possessive(w.text)
            || HONORIFICS.contains(&w.text)
            || ["the", "a", "an", "of", "for", "and", "at"].contains(&w.text)
    }) {
        return None;
    }
    let after = sentence[name.end..].trim_matches(|c: char| c == ',' || c.is_whitespace());
    let (role, organization) = if sentence[name.end..].starts_with(',') && is_role_phrase(after) {
        split_role(after)
    } else if is_role_phrase(trailing_title(before)) {
        split_role(trailing_title(before))
    } else {
        (None, None)
    };
    Some(Attribution {
        position: offset + name.start,
        name: name.name,
        role,
        organization,
    })
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

/// The speakers of a statement body, in order of first appearance.
///
/// `lines` are the body's lines. Lines from a "Contact:" line or a "Media contacts:" heading on
/// are not searched. `default_organization` (the feed footer's) fills a missing organisation;
/// failing that, an organisation named by other speakers or in `context` (title and body) does.
pub fn find_speakers(
    lines: &[&str],
    context: &str,
    default_organization: Option<&str>,
) -> Vec<ExtractedSpeaker> {
    let mentions = lines
        .iter()
        .flat_map(|line| names_in(line, &[]))
        .map(|span| span.name)
        .filter(|name| strip_honorific(name) == name.as_str())
        .collect();
    let mut speakers = Speakers(Vec::new(), mentions);
    for (index, line) in lines.iter().enumerate() {
        if CONTACT.is_match(line) {
            if line.trim_end().ends_with(':') {
                break; // a heading: the rest is contact details
            }
            continue;
        }
        let next_starts_quote = lines[index + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| starts_with_quote(l));
        let mut found = Vec::new();
        for verb in INTRO_VERB.find_iter(line) {
            found.extend(from_subject(&line[..verb.start()], 0, &speakers.0));
        }
        // "…, Jane Doe said" with the quote on the next line, no colon.
        if next_starts_quote && let Some(verb) = VERB_AT_END.find(line) {
            found.extend(from_subject(&line[..verb.start()], 0, &speakers.0));
        }
        for caps in QUOTE_THEN_SAID.captures_iter(line) {
            if let Some(rest) = caps.name("rest")
                && let Some(a) = from_after_verb(rest.as_str(), rest.start(), &speakers.0)
            {
                found.push(a);
            }
        }
        for caps in STATEMENT_FROM.captures_iter(line) {
            if let Some(rest) = caps.name("rest")
                && let Some(a) = from_after_verb(rest.as_str(), rest.start(), &speakers.0)
            {
                found.push(a);
            }
        }
        for caps in QUOTE_THEN_NAME.captures_iter(line) {
            if let Some(subject) = caps.name("subject") {
                found.extend(from_subject(subject.as_str(), subject.start(), &speakers.0));
            }
        }
        if found.is_empty() {
            found.extend(from_label(line, next_starts_quote));
        }
        found.sort_by_key(|a| a.position);
        for a in found {
            speakers.add(&a.name, a.role, a.organization);
        }
    }
    let mut speakers = speakers.0;
    fill_roles_from_mentions(&mut speakers, lines);
    fill_organizations(&mut speakers, context, default_organization);
    speakers
}

/// Gives a speaker whose attributions carry no role the title written before their name
/// elsewhere ("described by Amnesty International’s Secretary General Irene Khan as …").
fn fill_roles_from_mentions(speakers: &mut [ExtractedSpeaker], lines: &[&str]) {
    for speaker in speakers.iter_mut().filter(|s| s.role.is_none()) {
        let mention = lines.iter().find_map(|line| {
            line.match_indices(speaker.name.as_str())
                .find_map(|(at, name)| {
                    let found = from_subject(&line[..at + name.len()], 0, &[]).pop()?;
                    (found.name == speaker.name && found.role.is_some()).then_some(found)
                })
        });
        if let Some(found) = mention {
            speaker.role = found.role;
            if speaker.organization.is_none() {
                speaker.organization = found.organization;
            }
        }
    }
}

/// Gives speakers who have a role but no organisation the implied one: the footer's, else the
/// one all other speakers share, else (when no speaker names another) the first organisation
/// named in `context`.
fn fill_organizations(speakers: &mut [ExtractedSpeaker], context: &str, default: Option<&str>) {
    let shared = {
        let mut orgs = speakers.iter().filter_map(|s| s.organization.clone());
        let first = orgs.next();
        first.filter(|first| orgs.all(|other| other.eq_ignore_ascii_case(first)))
    };
    // Only guess when the speakers' organisations do not disagree.
    let disagree = shared.is_none() && speakers.iter().any(|s| s.organization.is_some());
    let implied = default.map(str::to_owned).or_else(|| {
        if disagree {
            None
        } else {
            shared.or_else(|| first_organization(context))
        }
    });
    for speaker in speakers.iter_mut() {
        if speaker.role.is_some() && speaker.organization.is_none() {
            speaker.organization.clone_from(&implied);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, role: Option<&str>, org: Option<&str>) -> ExtractedSpeaker {
        ExtractedSpeaker {
            name: name.to_owned(),
            role: role.map(str::to_owned),
            organization: org.map(str::to_owned),
        }
    }

    fn one(line: &str) -> Vec<ExtractedSpeaker> {
        find_speakers(&[line], "", None)
    }

    #[test]
    fn roles_split_from_organisations() {
        let cases = [
            (
                "Amnesty International’s China Director",
                "China Director",
                Some("Amnesty International"),
            ),
            (
                "national director of advocacy and governmental relations at Amnesty International USA",
                "national director of advocacy and governmental relations",
                Some("Amnesty International USA"),
            ),
            (
                "Professor of Criminal Law at UWE Bristol",
                "Professor of Criminal Law",
                Some("UWE Bristol"),
            ),
            (
                "Amnesty International UK Campaigns Director",
                "Campaigns Director",
                Some("Amnesty International UK"),
            ),
            (
                "Amnesty International Deputy Regional Director for East and Southern Africa",
                "Deputy Regional Director for East and Southern Africa",
                Some("Amnesty International"),
            ),
            (
                "Senior Director for Research, Advocacy, Policy and Campaigns of Amnesty International",
                "Senior Director for Research, Advocacy, Policy and Campaigns",
                Some("Amnesty International"),
            ),
            (
                "Director of Amnesty International’s Africa Programme",
                "Director of Amnesty International’s Africa Programme",
                None,
            ),
            ("Americas Director", "Americas Director", None),
            ("Director of Research", "Director of Research", None),
        ];
        for (phrase, role, org) in cases {
            let (got_role, got_org) = split_role(phrase);
            assert_eq!(got_role.as_deref(), Some(role), "role of {phrase}");
            assert_eq!(got_org.as_deref(), org, "organisation of {phrase}");
        }
    }

    #[test]
    fn name_before_role_without_comma() {
        let line = "Reacting to reports that Russia and Türkiye misuse notices, Erika Guevara Rosas Senior Director for Research, Advocacy, Policy and Campaigns of Amnesty International said:";
        assert_eq!(
            one(line),
            [speaker(
                "Erika Guevara Rosas",
                Some("Senior Director for Research, Advocacy, Policy and Campaigns"),
                Some("Amnesty International"),
            )]
        );
    }

    #[test]
    fn names_with_particles_and_accents() {
        assert_eq!(
            one("Ana María de la Cruz, director at Justicia Ya, said:"),
            [speaker(
                "Ana María de la Cruz",
                Some("director"),
                Some("Justicia Ya")
            )]
        );
        assert_eq!(
            one("Omar al-Sharif, spokesperson at the Cairo Institute, said today:"),
            [speaker(
                "Omar al-Sharif",
                Some("spokesperson"),
                Some("Cairo Institute")
            )]
        );
    }

    #[test]
    fn more_attribution_shapes() {
        assert_eq!(
            one("“We will not stop,” Jane Doe said."),
            [speaker("Jane Doe", None, None)]
        );
        assert_eq!(
            one("Jane Doe, Director of Research at Human Rights Watch, said:"),
            [speaker(
                "Jane Doe",
                Some("Director of Research"),
                Some("Human Rights Watch")
            )]
        );
        assert_eq!(
            one("\"No,\" said Amnesty International’s John F. Kennedy."),
            [speaker(
                "John F. Kennedy",
                None,
                Some("Amnesty International")
            )]
        );
        assert_eq!(
            one("Secretary General Agnès Callamard said:"),
            [speaker("Agnès Callamard", Some("Secretary General"), None)]
        );
        assert_eq!(
            one("'Yes,' said Jean-Paul Sartre, of the Foo Institute."),
            [speaker("Jean-Paul Sartre", None, Some("Foo Institute"))]
        );
        assert_eq!(
            one("Mary O'Brien and Tom Sørensen said:"),
            [
                speaker("Mary O'Brien", None, None),
                speaker("Tom Sørensen", None, None)
            ]
        );
        assert!(one("The minister said: \"nothing\".").is_empty());
    }

    #[test]
    fn several_speakers_each_with_their_own_role() {
        assert_eq!(
            one("Jane Roe, director, and John Smith, senior counsel, said:"),
            [
                speaker("Jane Roe", Some("director"), None),
                speaker("John Smith", Some("senior counsel"), None),
            ]
        );
        assert_eq!(
            one(
                "Responding to the verdict, Jane Roe, director at Foo Watch, and John Smith, senior counsel at the Bar Institute, said:"
            ),
            [
                speaker("Jane Roe", Some("director"), Some("Foo Watch")),
                speaker("John Smith", Some("senior counsel"), Some("Bar Institute")),
            ]
        );
        assert_eq!(
            one(
                "Ana María de la Cruz, Executive Director of the Justicia Ya Foundation, and Omar al-Sharif, Head of Policy of the Cairo Institute, said in a joint statement:"
            ),
            [
                speaker(
                    "Ana María de la Cruz",
                    Some("Executive Director"),
                    Some("Justicia Ya Foundation")
                ),
                speaker(
                    "Omar al-Sharif",
                    Some("Head of Policy"),
                    Some("Cairo Institute")
                ),
            ]
        );
        assert_eq!(
            one(
                "Jane Roe, director at Foo Watch, Li Wei, researcher at the Asia Labour Institute, and Tom Reyes, counsel at Rights Watch, said:"
            ),
            [
                speaker("Jane Roe", Some("director"), Some("Foo Watch")),
                speaker("Li Wei", Some("researcher"), Some("Asia Labour Institute")),
                speaker("Tom Reyes", Some("counsel"), Some("Rights Watch")),
            ]
        );
        assert_eq!(
            one(
                "“Enough,” Jane Roe, director at Foo Watch, and John Smith, counsel at Bar Institute, said in a joint statement."
            ),
            [
                speaker("Jane Roe", Some("director"), Some("Foo Watch")),
                speaker("John Smith", Some("counsel"), Some("Bar Institute")),
            ]
        );
    }

    #[test]
    fn only_a_coordinated_subject_gives_several_speakers() {
        assert_eq!(
            one(
                "Responding to the arrest of journalist Ali Khan and Omar Farouk, Jane Roe, director at Foo Watch, said:"
            ),
            [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
        );
        assert_eq!(
            one(
                "Jane Roe, whose brother was detained, and John Smith, counsel at Bar Institute, said:"
            ),
            [
                speaker("Jane Roe", None, None),
                speaker("John Smith", Some("counsel"), Some("Bar Institute"))
            ]
        );
        assert_eq!(
            one("Jane Roe met Ali Khan, and John Smith said:"),
            [speaker("John Smith", None, None)]
        );
    }

    #[test]
    fn later_mentions_refer_back_and_fill_gaps() {
        let lines = [
            "Responding to the verdict, Michelle Kagari said:",
            "“Yes,” said Kagari.",
            "Michelle Kagari, Amnesty International’s deputy Africa director, added:",
        ];
        assert_eq!(
            find_speakers(&lines, "", None),
            [speaker(
                "Michelle Kagari",
                Some("deputy Africa director"),
                Some("Amnesty International")
            )]
        );
    }

    #[test]
    fn attribution_shapes_of_other_newsrooms() {
        assert_eq!(
            one("“Text,” said UN High Commissioner for Human Rights Mira Kovač."),
            [speaker(
                "Mira Kovač",
                Some("UN High Commissioner for Human Rights"),
                None
            )]
        );
        assert_eq!(
            one("Greenpeace campaigner Jane Doe said: “We will go on.”"),
            [speaker("Jane Doe", Some("campaigner"), Some("Greenpeace"))]
        );
        assert_eq!(
            one("Mark Roe, Executive Director, Foo Foundation, said:"),
            [speaker(
                "Mark Roe",
                Some("Executive Director"),
                Some("Foo Foundation")
            )]
        );
        assert_eq!(
            one(
                "“We are appalled,” Anna Smith, the group's executive director, said in a statement."
            ),
            [speaker("Anna Smith", Some("executive director"), None)]
        );
        assert_eq!(
            one("“Another quote,” said Dr. Amina Yusuf, a surgeon at the hospital."),
            [speaker("Amina Yusuf", None, None)]
        );
        assert_eq!(
            one(
                "“It is a grave failure,” said Tom Reyes, deputy Asia director at Rights Watch. “Act now.”"
            ),
            [speaker(
                "Tom Reyes",
                Some("deputy Asia director"),
                Some("Rights Watch")
            )]
        );
    }

    #[test]
    fn honorific_and_surname_refer_to_a_name_written_elsewhere() {
        let lines = [
            "The report, headed by Franco Cairo, was published today.",
            "Mr Cairo said:",
            "“Yes.”",
            "Dr. Lena Park, Director of Health at Foo University, said: “No.”",
            "Ms Okoye said:",
        ];
        assert_eq!(
            find_speakers(&lines, "", None),
            [
                speaker("Franco Cairo", None, None),
                speaker(
                    "Lena Park",
                    Some("Director of Health"),
                    Some("Foo University")
                ),
                speaker("Ms Okoye", None, None),
            ]
        );
    }

    #[test]
    fn a_verb_ending_the_line_before_a_quote() {
        let lines = ["Jane Roe, director at Foo Watch, said", "", "“Yes.”"];
        assert_eq!(
            find_speakers(&lines, "", None),
            [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
        );
        let lines = ["The committee said", "“Yes.”", "Nothing Here said."];
        assert!(find_speakers(&lines, "", None).is_empty());
    }

    #[test]
    fn quote_first_without_a_closing_quote_and_what_is_not_an_attribution() {
        assert_eq!(
            one(
                "\"On behalf of the group, I welcome this, said Claire Dumont, RSF's Secretary General. The UN believes it.\""
            ),
            [speaker(
                "Claire Dumont",
                Some("Secretary General"),
                Some("RSF")
            )]
        );
        assert_eq!(
            one(
                "According to CPJ representative Karim Lahbib, who was there, “He was all smiles.”"
            ),
            [speaker("Karim Lahbib", Some("representative"), Some("CPJ"))]
        );
        assert!(one("The police said today that Jane Doe had left.").is_empty());
        assert!(one("The ministry, said to be angry, told Jane Doe to leave.").is_empty());
    }

    #[test]
    fn verbs_with_several_modifiers_and_other_quote_marks() {
        assert_eq!(
            one("Jane Roe, director at Foo Watch, said in a statement on Tuesday:"),
            [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
        );
        assert_eq!(
            one("Speaking in Geneva, Jane Roe said in Geneva today:"),
            [speaker("Jane Roe", None, None)]
        );
        assert_eq!(
            one("«Non,» said Marc Petit."),
            [speaker("Marc Petit", None, None)]
        );
    }

    #[test]
    fn statement_from_and_according_to() {
        assert_eq!(
            one(
                "The following is a statement from Lena Ortiz, Executive Director of the Valley Immigrant & Refugee Rights Coalition:"
            ),
            [speaker(
                "Lena Ortiz",
                Some("Executive Director"),
                Some("Valley Immigrant & Refugee Rights Coalition")
            )]
        );
        assert_eq!(
            one(
                "The quote below can be attributed to Sam Lee, spokesperson for Open Roads Network:"
            ),
            [speaker(
                "Sam Lee",
                Some("spokesperson"),
                Some("Open Roads Network")
            )]
        );
        assert_eq!(
            one(
                "“The state spent the money well,” according to Liz Wey, staff attorney for MASSPIRG."
            ),
            [speaker("Liz Wey", Some("staff attorney"), Some("MASSPIRG"))]
        );
        assert_eq!(
            split_role("Director for MENA").1,
            None,
            "a region is not an organisation"
        );
    }

    #[test]
    fn organisations_are_not_guessed_when_speakers_disagree() {
        let lines = [
            "Greenpeace campaigner Jane Doe said: “Yes.”",
            "Mark Roe, Executive Director, Foo Foundation, said:",
            "“No,” said Ola Berg, Asia director.",
        ];
        let found = find_speakers(&lines, "", None);
        assert_eq!(found[2], speaker("Ola Berg", Some("Asia director"), None));
    }

    #[test]
    fn a_title_written_elsewhere_fills_a_missing_role() {
        let lines = [
            "The verdict was described by Amnesty International’s Secretary General Irene Khan as “shameful”. “It is theatre,” added Irene Khan.",
        ];
        assert_eq!(
            find_speakers(&lines, "", None),
            [speaker(
                "Irene Khan",
                Some("Secretary General"),
                Some("Amnesty International")
            )]
        );
    }

    #[test]
    fn implied_organisation_fills_roles_without_one() {
        let lines = ["Americas Director, Erika Guevara Rosas:"];
        assert_eq!(
            find_speakers(&lines, "", Some("Amnesty International")),
            [speaker(
                "Erika Guevara Rosas",
                Some("Americas Director"),
                Some("Amnesty International")
            )]
        );
    }

    #[test]
    fn contacts_are_not_speakers() {
        let lines = [
            "Contact: Jane Roe, 212-555-0100",
            "Media contacts:",
            "John Smith said:",
        ];
        assert!(find_speakers(&lines, "", None).is_empty());
    }

    #[test]
    fn organisations_alone_are_not_speakers() {
        assert!(one("Human Rights Watch said today:").is_empty());
        assert!(one("Responding to the news, Amnesty International said:").is_empty());
    }

    #[test]
    fn first_organisation_in_text() {
        assert_eq!(
            first_organization("A full overview is in Amnesty International’s Annual Report.")
                .as_deref(),
            Some("Amnesty International")
        );
        assert_eq!(first_organization("Nothing here.").as_deref(), None);
        assert_eq!(
            first_organization("(New York) – The law fails, Human Rights Watch said today.")
                .as_deref(),
            Some("Human Rights Watch")
        );
    }
}
