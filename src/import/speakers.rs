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

use super::gazetteer;

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

/// Words that make up job titles; they end or interrupt a person's name.
const ROLE_WORDS: &[&str] = &[
    "director",
    "directors",
    "deputy",
    "senior",
    "secretary",
    "general",
    "head",
    "chief",
    "executive",
    "president",
    "vice",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "officer",
    "manager",
    "coordinator",
    "co-ordinator",
    "researcher",
    "adviser",
    "advisor",
    "advocate",
    "campaigner",
    "campaigns",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "professor",
    "lead",
    "leader",
    "regional",
    "minister",
    "ambassador",
    "representative",
    "founder",
    "co-founder",
    "ceo",
    "commissioner",
    "counsel",
    "lawyer",
    "attorney",
    "analyst",
    "expert",
    "specialist",
    "editor",
    "rapporteur",
    "envoy",
    "mayor",
    "governor",
    "dean",
    "fellow",
    "economist",
    "investigator",
    "programme",
    "program",
    "policy",
    "acting",
    "interim",
    "associate",
    "assistant",
    "national",
    "international",
];

/// Words an organisation's name ends with ("Amnesty International", "Human Rights Watch").
const ORG_WORDS: &[&str] = &[
    "international",
    "watch",
    "foundation",
    "council",
    "institute",
    "university",
    "college",
    "school",
    "union",
    "committee",
    "association",
    "network",
    "society",
    "trust",
    "centre",
    "center",
    "commission",
    "agency",
    "ministry",
    "organisation",
    "organization",
    "coalition",
    "alliance",
    "federation",
    "fund",
    "party",
    "court",
    "department",
    "bank",
    "project",
    "initiative",
    "forum",
    "league",
    "service",
    "services",
    "group",
    "company",
    "corporation",
    "office",
    "secretariat",
    "board",
    "authority",
    "parliament",
    "government",
    "movement",
    "collective",
    "partnership",
    "clinic",
    "amnesty",
    "greenpeace",
    "oxfam",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "of",
    "and",
    "but",
    "or",
    "as",
    "after",
    "before",
    "following",
    "responding",
    "reacting",
    "commenting",
    "speaking",
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "however",
    "it",
    "he",
    "she",
    "they",
    "we",
    "our",
    "its",
    "his",
    "her",
    "their",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dame",
    "with",
    "from",
    "by",
    "to",
    "said",
    "says",
    "according",
    "also",
    "note",
    "contact",
    "contacts",
    "media",
    "human",
    "rights",
    "law",
    "justice",
    "state",
    "security",
    "police",
    "report",
    "annual",
    "news",
    "press",
    "release",
    "statement",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "middle",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "background",
    "read",
    "more",
    "here",
    "please",
    "if",
    "when",
    "while",
    "i",
    "you",
    "my",
    "your",
    "us",
    "all",
    "there",
    "what",
    "who",
    "how",
    "why",
    "where",
];

/// Capitalised words that start a sentence or clause, never a title.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "to",
    "said",
    "says",
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "however",
    "it",
    "he",
    "she",
    "they",
    "we",
    "our",
    "its",
    "his",
    "her",
    "their",
    "also",
    "and",
    "but",
    "or",
    "as",
    "after",
    "before",
    "following",
    "responding",
    "reacting",
    "commenting",
    "speaking",
    "according",
    "if",
    "when",
    "while",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
];

/// Lower-case particles that may sit inside a name ("Ana de la Cruz", "Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "la",
    "le", "bin", "ibn", "bint", "al", "el", "y", "ter", "ten", "zu",
];

/// Titles before a surname ("Mr Caio said:").
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame"];

/// Prepositions after which a capitalised run is a thing, not a person ("Director of Human
/// Rights Education").
const THING_PREPOSITIONS: &[&str] = &["of", "for", "at", "in", "on", "to", "from", "the"];

static WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*"));

/// An attribution verb that introduces a quote: "said:", "said today:", "added:", "released
/// the following statement:".
static INTRO_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\s*\b(?:(?:said|says|added|adds|commented|comments|stated|states|warned|explained|noted|continued|remarked|declared|urged|responded|replied|told\s+\w+)(?:\s+(?:today|yesterday|earlier|on\s+\w+(?:\s+\d{1,2})?|in\s+a\s+(?:statement|press\s+release)))?|(?:released|issued|made|gave)\s+the\s+following\s+statement(?:\s+today)?)\s*:",
    )
});

/// `…," said NAME, ROLE.` — the part after the verb.
static QUOTE_THEN_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"[,.!?…]\s*["”'’]\s*(?i:said|says|added|adds|continued|warned|explained|according\s+to)\s+(?P<rest>[^"“”]+)"#,
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
        r#"[,!?…]\s*["”'’]\s+(?P<subject>[^"“”]+?)\s+(?i:said|says|added|adds|continued|warned|explained)(?:\s+(?:today|yesterday|in\s+a\s+(?:statement|press\s+release)|on\s+\w+))?\s*[.,;]"#,
    )
});

/// The end of a sentence inside a line.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| regex(r#"[.!?]["”’']?\s+"#));

/// Abbreviations whose full stop does not end a sentence.
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

fn is_in(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

fn is_role_word(word: &str) -> bool {
    is_in(ROLE_WORDS, word)
}

fn is_org_word(word: &str) -> bool {
    is_in(ORG_WORDS, word)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "UK", "USA", "UWE": two or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// What a word can be within a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamePart {
    Word,
    Particle,
    No,
}

fn name_part(word: &str) -> NamePart {
    if PARTICLES.contains(&word) {
        return NamePart::Particle;
    }
    // "al-Bashir", "d'Souza": a particle glued to a capitalised name.
    let glued = ["al-", "el-", "d'", "d’", "bin-"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .filter(|rest| starts_upper(rest));
    let word = glued.unwrap_or(word);
    if !starts_upper(word)
        || is_acronym(word)
        || is_possessive(word)
        || is_role_word(word)
        || is_org_word(word)
        || is_in(NOT_NAME_WORDS, word)
        || gazetteer::is_place_word(word)
    {
        NamePart::No
    } else {
        NamePart::Word
    }
}

/// A word of a text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    WORD.find_iter(text)
        .map(|m| Word {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

/// A person's name found in a text: byte span and the name itself.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameSpan {
    start: usize,
    end: usize,
    name: String,
}

/// Every person name in `text`, left to right. A single word counts when it is the surname or
/// whole name of a speaker in `known`.
fn names_in(text: &str, known: &[ExtractedSpeaker]) -> Vec<NameSpan> {
    let words = words(text);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if name_part(words[i].text) != NamePart::Word {
            i += 1;
            continue;
        }
        // Extend the run while words are name parts separated by blanks only.
        let mut j = i + 1;
        while j < words.len()
            && name_part(words[j].text) != NamePart::No
            && joined(text, &words[j - 1], &words[j])
        {
            j += 1;
        }
        // Drop trailing particles.
        while j > i + 1 && name_part(words[j - 1].text) == NamePart::Particle {
            j -= 1;
        }
        let preceded_by_thing = i > 0
            && text[words[i - 1].end..words[i].start]
                .chars()
                .all(char::is_whitespace)
            && THING_PREPOSITIONS.contains(&words[i - 1].text);
        let name = text[words[i].start..words[j - 1].end].to_owned();
        let full_words = words[i..j]
            .iter()
            .filter(|w| name_part(w.text) == NamePart::Word)
            .count();
        let is_known = known.iter().any(|speaker| refers_to(&name, speaker));
        // "Mr Caio", "Dr. Chung": an honorific makes a lone surname a name.
        let honorific = (full_words == 1 && i > 0 && HONORIFICS.contains(&words[i - 1].text))
            .then(|| &text[words[i - 1].end..words[i].start])
            .filter(|gap| gap.trim_start_matches('.').chars().all(char::is_whitespace));
        if honorific.is_some() && !is_known {
            spans.push(NameSpan {
                start: words[i - 1].start,
                end: words[j - 1].end,
                name: format!("{} {}", words[i - 1].text, name),
            });
        } else if (full_words >= 2 && !preceded_by_thing) || is_known {
            spans.push(NameSpan {
                start: words[i].start,
                end: words[j - 1].end,
                name,
            });
        }
        i = j;
    }
    spans
}

/// Whether two words of a name are joined only by blanks (or by the full stop of an initial:
/// "John F. Kennedy").
fn joined(text: &str, left: &Word<'_>, right: &Word<'_>) -> bool {
    let gap = &text[left.end..right.start];
    let initial = left.text.chars().count() == 1 && starts_upper(left.text);
    let gap = if initial {
        gap.strip_prefix('.').unwrap_or(gap)
    } else {
        gap
    };
    gap.chars().all(char::is_whitespace)
}

/// Whether `name` ("Kagari", "Michelle Kagari") refers to `speaker`.
fn refers_to(name: &str, speaker: &ExtractedSpeaker) -> bool {
    let name = strip_honorific(name);
    name.eq_ignore_ascii_case(&speaker.name)
        || speaker
            .name
            .split_whitespace()
            .last()
            .is_some_and(|surname| surname == name)
}

/// "Mr Caio" → "Caio"; other names unchanged.
fn strip_honorific(name: &str) -> &str {
    name.split_once(' ')
        .filter(|(first, _)| HONORIFICS.contains(first))
        .map_or(name, |(_, rest)| rest)
}

/// Whether the whole of `text` is a person's name.
fn is_whole_name(text: &str) -> bool {
    let text = text.trim();
    let spans = names_in(text, &[]);
    spans.len() == 1 && spans[0].start == 0 && spans[0].end == text.len()
}

/// Splits a role phrase into role and organisation (see the module docs).
pub fn split_role(phrase: &str) -> (Option<String>, Option<String>) {
    let phrase = phrase
        .trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    let phrase = strip_article(phrase);
    let role = |text: &str| {
        let text = strip_article(text.trim().trim_matches(','));
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
    // ROLE of ORG / ROLE, ORG / ROLE for ORG
    for separator in [" of ", ", ", " for "] {
        if let Some(position) = phrase.rfind(separator) {
            let rest = &phrase[position + separator.len()..];
            if looks_like_org(rest)
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
    (role(phrase), None)
}

fn strip_article(text: &str) -> &str {
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text)
}

/// "Amnesty International’s China Director" → ("Amnesty International", "China Director").
fn split_possessive(phrase: &str) -> Option<(&str, &str)> {
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
fn looks_like_org(text: &str) -> bool {
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
fn org_prefix_end(phrase: &str) -> Option<usize> {
    let words = words(phrase);
    let run = words
        .iter()
        .take_while(|w| starts_upper(w.text) && (is_org_word(w.text) || !is_role_word(w.text)))
        .count();
    let last_org = words[..run].iter().rposition(|w| is_org_word(w.text))?;
    let mut end = last_org;
    while end + 1 < run && is_acronym(words[end + 1].text) {
        end += 1;
    }
    Some(words[end].end)
}

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

/// The speaker of a subject ("…, Amnesty International’s China Director Sarah Brooks"): the
/// rightmost name, and the role after it or, failing that, the title before it.
fn from_subject(subject: &str, offset: usize, known: &[ExtractedSpeaker]) -> Vec<Attribution> {
    // Only the current sentence.
    let start = sentence_ends(subject).last().map_or(0, |(_, end)| end);
    let subject = &subject[start..];
    let mut names = names_in(subject, known);
    let Some(name) = names.pop() else {
        return Vec::new();
    };
    // "Mary O'Brien and Tom Sørensen said:" — a co-speaker joined by "and".
    let co_speaker = names.pop().filter(|other| {
        let between =
            subject[other.end..name.start].trim_matches(|c: char| c == ',' || c.is_whitespace());
        between == "and" || between == "&"
    });
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
    let mut found: Vec<Attribution> = co_speaker
        .into_iter()
        .map(|other| Attribution {
            position: offset + start + other.start,
            name: other.name,
            role: None,
            organization: None,
        })
        .collect();
    found.push(Attribution {
        position: offset + start + name.start,
        name: name.name,
        role,
        organization,
    });
    found
}

/// Whether an appositive reads as a job title: it has a role word or names an organisation
/// ("Amnesty International’s …"), and is not a relative clause or a description.
fn is_role_phrase(phrase: &str) -> bool {
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
fn trailing_title(text: &str) -> &str {
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
fn trim_leading_non_title(segment: &str) -> &str {
    let words = words(segment);
    let first = words.iter().position(|w| {
        (starts_upper(w.text) && !is_in(FUNCTION_WORDS, w.text)) || is_role_word(w.text)
    });
    match first {
        Some(index) => &segment[words[index].start..],
        None => "",
    }
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

/// The first organisation name in `text`: a capitalised run ending in an organisation word,
/// plus a following acronym ("Amnesty International USA").
fn first_organization(text: &str) -> Option<String> {
    let words = words(text);
    for (i, word) in words.iter().enumerate() {
        let bare = word.text.trim_end_matches("’s").trim_end_matches("'s");
        if !is_org_word(bare) || !starts_upper(bare) || i == 0 {
            continue;
        }
        // Walk back over capitalised words joined by blanks.
        let mut start = i;
        while start > 0
            && starts_upper(words[start - 1].text)
            && !is_possessive(words[start - 1].text)
            && !is_in(NOT_NAME_WORDS, words[start - 1].text)
            && text[words[start - 1].end..words[start].start]
                .chars()
                .all(char::is_whitespace)
        {
            start -= 1;
        }
        if start == i {
            continue;
        }
        let mut end = word.start + bare.len();
        if bare.len() == word.text.len()
            && let Some(next) = words.get(i + 1)
            && is_acronym(next.text)
            && text[word.end..next.start].chars().all(char::is_whitespace)
        {
            end = next.end;
        }
        return Some(text[words[start].start..end].to_owned());
    }
    None
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
    }
}
