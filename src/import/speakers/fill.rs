//! What the attributions leave open, filled from the rest of the text: a role written with
//! another mention of the name, an acronym spelt out where the text defines it, and the
//! organisation a speaker is implied to speak for. Each fill is noted in the speaker's origin.

use super::names::*;
use super::roles::*;
use super::{ExtractedSpeaker, from_subject, sentence_ends};
use crate::import::origin::{Origin, SpeakerOrigin};

/// Gives a speaker whose attributions carry no role the title written with their name
/// elsewhere: before it ("described by Amnesty International’s Secretary General Irene Khan as
/// …") or after it ("the message from Andrew Dunn, the newly-appointed Crime Manager of …").
pub(super) fn roles_from_mentions(
    speakers: &mut [ExtractedSpeaker],
    origins: &mut [SpeakerOrigin],
    lines: &[(usize, &str)],
) {
    for (speaker, origin) in speakers
        .iter_mut()
        .zip(origins)
        .filter(|(s, _)| s.role.is_none())
    {
        let mention = lines.iter().find_map(|&(number, line)| {
            line.match_indices(speaker.name.as_str())
                .find_map(|(at, name)| {
                    let end = at + name.len();
                    let before = from_subject(&line[..end], 0, &[])
                        .pop()
                        .filter(|found| found.name == speaker.name && found.role.is_some())
                        .map(|found| (found.role, found.organization));
                    before.or_else(|| appositive_role(&line[end..]))
                })
                .map(|found| (found, Origin::at(number, line, 0)))
        });
        if let Some(((role, organization), from)) = mention {
            speaker.role = role;
            if speaker.organization.is_none() {
                speaker.organization = organization;
            }
            origin.guess = Some(format!(
                "role: from the mention of {} on line {}",
                speaker.name, from.line
            ));
        }
    }
}

/// The role in an appositive right after a name: ", the director of Foo," (up to the next
/// comma or the end of the sentence).
fn appositive_role(after: &str) -> Option<(Option<String>, Option<String>)> {
    let rest = after.strip_prefix(", ")?;
    let end = sentence_ends(rest)
        .next()
        .map_or(rest.len(), |(start, _)| start);
    let phrase = rest[..end].trim_end_matches(['.', '!', '?']);
    let phrase = phrase.split(", ").next().unwrap_or(phrase);
    let phrase = strip_descriptive(strip_article(phrase));
    (is_role_phrase(phrase) && words(phrase).iter().any(|w| is_role_word(w.text)))
        .then(|| split_role(phrase))
        .filter(|(role, _)| role.is_some())
}

/// An acronym as organisation ("ICRC") becomes the name the text spells out for it
/// ("International Committee of the Red Cross (ICRC)").
pub(super) fn expand_acronyms<'a>(
    speakers: &mut [ExtractedSpeaker],
    lines: impl Iterator<Item = &'a (usize, &'a str)> + Clone,
) {
    for speaker in speakers.iter_mut() {
        let Some(org) = speaker.organization.as_deref().filter(|o| is_acronym(o)) else {
            continue;
        };
        let marker = format!("({org})");
        let spelled = lines.clone().find_map(|(_, line)| {
            line.match_indices(&marker)
                .find_map(|(at, _)| spelled_out(&line[..at], org))
        });
        if let Some(spelled) = spelled {
            speaker.organization = Some(spelled);
        }
    }
}

/// Whether a role names where it belongs: "of", "at" or "for" before a capitalised word
/// ("… of Czechia"), or a possessive ("Oxfam's Washington office").
fn names_its_scope(role: &str) -> bool {
    let all = words(role);
    all.windows(2).any(|pair| {
        ["of", "at", "for"].contains(&pair[0].text)
            && starts_upper(pair[1].text)
            && !is_role_word(pair[1].text)
    }) || all.iter().any(|w| is_possessive(w.text))
}

/// The name that ends `before` and whose capitalised words' initials are `acronym`: "… the
/// International Committee of the Red Cross" for "ICRC".
fn spelled_out(before: &str, acronym: &str) -> Option<String> {
    let all = words(before);
    let connector = |w: &str| ["of", "the", "for", "and", "on", "de", "des", "du"].contains(&w);
    let mut start = all.len();
    while start > 0 && (starts_upper(all[start - 1].text) || connector(all[start - 1].text)) {
        start -= 1;
    }
    let run = &all[start..];
    (0..run.len())
        .filter(|&i| starts_upper(run[i].text))
        .find(|&i| {
            let initials: String = run[i..]
                .iter()
                .filter(|w| starts_upper(w.text))
                .filter_map(|w| w.text.chars().next())
                .collect();
            initials == acronym
        })
        .map(|i| before[run[i].start..].trim_end().to_owned())
}

/// Gives speakers who have a role but no organisation the implied one: the one all other
/// speakers share, else the issuing organisation, and says so in their origin.
pub(super) fn organizations(
    speakers: &mut [ExtractedSpeaker],
    origins: &mut [SpeakerOrigin],
    issuer: Option<&(String, Origin)>,
) {
    let shared = {
        let mut orgs = speakers.iter().filter_map(|s| s.organization.clone());
        let first = orgs.next();
        first.filter(|first| orgs.all(|other| other.eq_ignore_ascii_case(first)))
    };
    // Only guess when the speakers' organisations do not disagree.
    let disagree = shared.is_none() && speakers.iter().any(|s| s.organization.is_some());
    if disagree {
        return;
    }
    let implied = match (shared, issuer) {
        (Some(org), _) => Some((
            org,
            "the organisation the other speakers speak for".to_owned(),
        )),
        (None, Some((org, origin))) => Some((
            org.clone(),
            format!(
                "the organisation that issues the statement (line {})",
                origin.line
            ),
        )),
        (None, None) => None,
    };
    let Some((org, why)) = implied else {
        return;
    };
    for (speaker, origin) in speakers.iter_mut().zip(origins) {
        // A role that names its own scope ("Minister for the Environment of Czechia", "head
        // of Oxfam's Washington office") does not speak for the issuer by default.
        let scoped = speaker.role.as_deref().is_some_and(names_its_scope);
        if speaker.role.is_some() && speaker.organization.is_none() && !scoped {
            speaker.organization = Some(org.clone());
            origin.guess = Some(format!("organisation: not written next to the name; {why}"));
        }
    }
}
