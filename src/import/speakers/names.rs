//! Words and person names: what a capitalised word can be, and where names are in a text.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::ExtractedSpeaker;
use crate::import::gazetteer;

/// Words that make up job titles; they end or interrupt a person's name.
#[rustfmt::skip]
pub(super) const ROLE_WORDS: &[&str] = &[
    "director", "directors", "deputy", "senior", "secretary", "general", "head", "chief",
    "executive", "president", "vice", "chair", "chairman", "chairwoman", "chairperson", "officer",
    "manager", "coordinator", "co-ordinator", "researcher", "adviser", "advisor", "advocate",
    "campaigner", "campaigns", "spokesperson", "spokesman", "spokeswoman", "professor", "lead",
    "leader", "regional", "minister", "ambassador", "representative", "founder", "co-founder",
    "ceo", "commissioner", "counsel", "lawyer", "attorney", "analyst", "expert", "specialist",
    "editor", "rapporteur", "envoy", "mayor", "governor", "dean", "fellow", "economist",
    "investigator", "programme", "program", "policy", "acting", "interim", "associate",
    "assistant", "national", "international", "chancellor", "vice-chancellor", "inspector",
    "superintendent", "constable", "sergeant", "detective", "commander", "commissioner",
    "governor", "lieutenant", "senator", "congressman", "congresswoman", "premier", "prime",
    "cfo", "coo", "cto", "cmo", "chairs", "partner", "principal", "provost", "rector",
    "spokesman", "communications", "member", "mp", "mep", "negotiator", "convenor",
    "steward", "organiser", "organizer", "treasurer", "trustee", "captain", "doctor", "surgeon",
    "nurse", "physician", "coordinators", "experts", "rapporteurs", "gov", "sen", "rep", "supt",
    "insp", "det", "sgt", "lt", "col", "gen",
];

/// Words an organisation's name ends with ("Amnesty International", "Human Rights Watch").
#[rustfmt::skip]
pub(super) const ORG_WORDS: &[&str] = &[
    "international", "watch", "foundation", "council", "institute", "university", "college",
    "school", "union", "committee", "association", "network", "society", "trust", "centre",
    "center", "commission", "agency", "ministry", "organisation", "organization", "coalition",
    "alliance", "federation", "fund", "party", "court", "department", "bank", "project",
    "initiative", "forum", "league", "service", "services", "group", "company", "corporation",
    "office", "secretariat", "board", "authority", "parliament", "government", "movement",
    "collective", "partnership", "clinic", "bureau", "police", "tribunal",
    "constabulary", "force", "inc", "corp", "ltd", "llc",
    "plc", "gmbh", "limited", "holdings", "technologies", "industries", "partners", "ventures",
    "labs", "systems", "solutions", "hospital", "assembly", "congress", "senate",
];

/// Capitalised words that are never part of a person's name.
#[rustfmt::skip]
pub(super) const NOT_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "of", "and",
    "but", "or", "as", "after", "before", "following", "responding", "reacting", "commenting",
    "speaking", "today", "yesterday", "tomorrow", "meanwhile", "however", "it", "he", "she",
    "they", "we", "our", "its", "his", "her", "their", "mr", "mrs", "ms", "dr", "prof", "sir",
    "dame", "with", "from", "by", "to", "said", "says", "according", "also", "note", "contact",
    "contacts", "media", "human", "rights", "law", "justice", "state", "security", "police",
    "report", "annual", "news", "press", "release", "statement", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "central", "middle", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "background", "read", "more", "here", "please", "if", "when", "while", "i", "you", "my",
    "your", "us", "all", "there", "what", "who", "how", "why", "where",
];

/// Capitalised words that start a sentence or clause, never a title.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "by", "with", "from",
    "to", "said", "says", "today", "yesterday", "tomorrow", "meanwhile", "however", "it", "he",
    "she", "they", "we", "our", "its", "his", "her", "their", "also", "and", "but", "or", "as",
    "after", "before", "following", "responding", "reacting", "commenting", "speaking",
    "according", "if", "when", "while", "mr", "mrs", "ms", "dr", "prof",
];

/// Lower-case particles that may sit inside a name ("Ana de la Cruz", "Ludwig van Beethoven").
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "la",
    "le", "bin", "ibn", "bint", "al", "el", "y", "ter", "ten", "zu",
];

/// Titles before a surname ("Mr Caio said:").
#[rustfmt::skip]
pub(super) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame",
];

/// Prepositions after which a capitalised run is a thing, not a person ("Director of Human
/// Rights Education").
#[rustfmt::skip]
pub(super) const THING_PREPOSITIONS: &[&str] = &[
    "of", "for", "at", "in", "on", "to", "the",
];

/// Whether `word`, lowercased, is in `list` (of lowercase words); without allocating for an
/// ASCII word, which most are.
pub(super) fn is_in(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        let same = |entry: &&str| {
            entry.len() == word.len()
                && entry
                    .bytes()
                    .zip(word.bytes())
                    .all(|(e, w)| e == w.to_ascii_lowercase())
        };
        return list.iter().any(same);
    }
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// A role word, also inside a hyphenated word ("Vice-Chancellor", "Co-Founder").
pub(super) fn is_role_word(word: &str) -> bool {
    is_in(ROLE_WORDS, word)
        || (word.contains('-') && word.split('-').any(|part| is_in(ROLE_WORDS, part)))
}

/// Organisations known by one word, which is their whole name ("Oxfam", "UNICEF").
#[rustfmt::skip]
pub(super) const ORG_NAMES: &[&str] = &[
    "amnesty", "greenpeace", "oxfam", "unicef", "unhcr", "icrc", "msf", "unesco", "unaids",
];

pub(super) fn is_org_word(word: &str) -> bool {
    is_in(ORG_WORDS, word) || is_in(ORG_NAMES, word)
}

pub(super) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "UK", "USA", "UWE": two or more letters, all capitals.
pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "Oxfam’s", "Oxfam's". A plural's possessive ("Workers’") is never one of [`words`]: an
/// apostrophe belongs to a word only with a letter after it.
pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// What a word can be within a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NamePart {
    Word,
    Particle,
    No,
}

pub(super) fn name_part(word: &str) -> NamePart {
    if PARTICLES.contains(&word) {
        return NamePart::Particle;
    }
    // "al-Bashir", "d'Souza": a particle glued to a capitalised name.
    let glued = ["al-", "el-", "d'", "d’", "bin-"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .filter(|rest| starts_upper(rest));
    let word = glued.unwrap_or(word);
    // "D-North Carolina", "R-Texas": a party and a state after a politician's name.
    let party = ["D-", "R-", "I-"].iter().any(|p| word.starts_with(p));
    if party
        || !starts_upper(word)
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
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The words of `text`, left to right: a letter, then letters and combining marks, with
/// hyphens and apostrophes inside (`\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*`, scanned by
/// hand: it runs on every line of every body whose quotes are attributed).
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_letter(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        loop {
            match chars.peek() {
                Some(&(at, c)) if is_letter(c) || is_mark(c) => {
                    end = at + c.len_utf8();
                    chars.next();
                }
                // A joiner counts only with a letter or mark right after it.
                Some(&(at, joiner @ ('-' | '\'' | '’'))) => {
                    let after = at + joiner.len_utf8();
                    match text[after..].chars().next() {
                        Some(c) if is_letter(c) || is_mark(c) => {
                            chars.next();
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        out.push(Word {
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

/// `\p{L}`: a letter of any script.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.general_category_group() == GeneralCategoryGroup::Letter
    }
}

/// `\p{M}`: a combining mark (an accent written as its own character).
fn is_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark
}

/// A person's name found in a text: byte span and the name itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NameSpan {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: String,
}

/// Every person name in `text`, left to right. A single word counts when it is the surname or
/// whole name of a speaker in `known`.
pub(super) fn names_in(text: &str, known: &[ExtractedSpeaker]) -> Vec<NameSpan> {
    let words = words(text);
    let parts: Vec<NamePart> = words.iter().map(|w| name_part(w.text)).collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if parts[i] != NamePart::Word {
            i += 1;
            continue;
        }
        // Extend the run while words are name parts separated by blanks only.
        let mut j = i + 1;
        while j < words.len() && parts[j] != NamePart::No && joined(text, &words[j - 1], &words[j])
        {
            j += 1;
        }
        // Drop trailing particles.
        while j > i + 1 && parts[j - 1] == NamePart::Particle {
            j -= 1;
        }
        let preceded_by_thing = i > 0
            && text[words[i - 1].end..words[i].start]
                .chars()
                .all(char::is_whitespace)
            && THING_PREPOSITIONS.contains(&words[i - 1].text);
        let name = text[words[i].start..words[j - 1].end].to_owned();
        let full_words = parts[i..j]
            .iter()
            .filter(|&&part| part == NamePart::Word)
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
        } else if (full_words >= 2 && !preceded_by_thing && !gazetteer::is_place(&name)) || is_known
        {
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
pub(super) fn joined(text: &str, left: &Word<'_>, right: &Word<'_>) -> bool {
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
pub(super) fn refers_to(name: &str, speaker: &ExtractedSpeaker) -> bool {
    let name = strip_honorific(name);
    let mut parts = speaker.name.split_whitespace();
    let first = parts.next();
    name.eq_ignore_ascii_case(&speaker.name)
        || parts.last().is_some_and(|surname| surname == name)
        || first.is_some_and(|first| first == name)
}

/// "Mr Caio" → "Caio"; other names unchanged.
pub(super) fn strip_honorific(name: &str) -> &str {
    name.split_once(' ')
        .filter(|(first, _)| HONORIFICS.contains(first))
        .map_or(name, |(_, rest)| rest)
}

/// Whether the whole of `text` is a person's name.
pub(super) fn is_whole_name(text: &str) -> bool {
    let text = text.trim();
    let spans = names_in(text, &[]);
    spans.len() == 1 && spans[0].start == 0 && spans[0].end == text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand scan finds exactly the words the regex it stands for finds.
    #[test]
    fn words_are_the_regexs_words() {
        let word = crate::import::regex(r"\p{L}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*");
        let texts = [
            "“We will not stop,” said Jane Roe-Smith, Amnesty’s director.",
            "O'Neill, d’Souza and al-Bashir - met -- in Côte d’Ivoire's capital.",
            "Ṣẹ́gun e\u{301}tait là; 北京 and Кыргызстан, 12 ab-- c'- 'x' -y ’z’",
            "Déclaration: «Nous»—ils ont dit\u{300}\u{301} ʻOkina x\u{301}-\u{301}y",
            "",
            "- ' ’ 123 _ ¡¿",
        ];
        for text in texts {
            let expected: Vec<(usize, usize)> =
                word.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = words(text).iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(found, expected, "{text}");
        }
        // And on strings made of the characters where they could differ.
        let alphabet: Vec<char> = "aZé-'’ \u{301}1_.北ʻ“".chars().collect();
        let mut state = 7u64;
        for _ in 0..2000 {
            let text: String = (0..12)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let expected: Vec<(usize, usize)> = word
                .find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let found: Vec<(usize, usize)> =
                words(&text).iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn a_word_is_in_a_list_whatever_its_case() {
        assert!(is_in(&["director", "chief"], "Director"));
        assert!(is_in(&["director", "chief"], "CHIEF"));
        assert!(!is_in(&["director", "chief"], "Directors"));
        assert!(is_in(&["élan"], "Élan"));
        assert!(!is_in(&["UN"], "un"));
    }
}
