//! A speaker's role history: from the directory when it lists their roles, else derived from
//! the statements (each role and organisation with the first and last day it was written).

use chrono::NaiveDate;
use foldhash::HashMap;

use super::{Directory, Role};
use crate::query::Group;
use crate::statement::{Header, Speaker};

/// A speaker's roles, oldest first.
pub fn history<'a>(
    directory: &Directory,
    speaker: &Speaker,
    said: impl IntoIterator<Item = (NaiveDate, &'a Speaker)>,
) -> Vec<Role> {
    if let Some(entry) = speaker.name.as_deref().and_then(|n| directory.person(n))
        && !entry.roles.is_empty()
    {
        return entry.roles.clone();
    }
    derived(said)
}

/// Each role and organisation the statements give a speaker, with its first and last day,
/// ordered by the first day (then by role).
pub fn derived<'a>(said: impl IntoIterator<Item = (NaiveDate, &'a Speaker)>) -> Vec<Role> {
    let mut spans: HashMap<(&str, Option<&str>), (NaiveDate, NaiveDate)> = HashMap::default();
    for (day, speaker) in said {
        let Some(role) = speaker.role.as_deref() else {
            continue;
        };
        let span = spans
            .entry((role, speaker.organization.as_deref()))
            .or_insert((day, day));
        span.0 = span.0.min(day);
        span.1 = span.1.max(day);
    }
    let mut roles: Vec<Role> = spans
        .into_iter()
        .map(|((role, organization), (from, until))| Role {
            role: role.to_owned(),
            organization: organization.map(str::to_owned),
            from,
            until: Some(until),
        })
        .collect();
    roles.sort_by(|a, b| (a.from, &a.role).cmp(&(b.from, &b.role)));
    roles
}

/// A speaker as `press speakers --format json` gives them: the group (under the canonical name),
/// the role on the day of their newest statement, their aliases and their role history.
#[derive(Debug, serde::Serialize)]
pub struct SpeakerGroup<'a> {
    #[serde(flatten)]
    group: &'a Group,
    role: Option<Role>,
    aliases: Vec<String>,
    roles: Vec<Role>,
}

/// The [`SpeakerGroup`] of each group of speakers of `statements`.
pub fn speaker_groups<'a, H: Header>(
    directory: &Directory,
    groups: &'a [Group],
    statements: &[&'a H],
) -> Vec<SpeakerGroup<'a>> {
    let mut said: HashMap<String, Vec<(NaiveDate, &Speaker)>> = HashMap::default();
    let mut keys = crate::slug::Keys::default();
    for statement in statements {
        for speaker in statement.speakers() {
            said.entry(keys.key(speaker.label()).to_owned())
                .or_default()
                .push((statement.day(), speaker));
        }
    }
    groups
        .iter()
        .map(|group| {
            let said = said.get(&group.slug).map_or(&[][..], Vec::as_slice);
            let (roles, aliases) = match said.first() {
                Some(&(_, speaker)) => (
                    if speaker.name.is_some() {
                        history(directory, speaker, said.iter().copied())
                    } else {
                        Vec::new()
                    },
                    directory
                        .entry_of(speaker)
                        .map(|e| e.aliases.clone())
                        .unwrap_or_default(),
                ),
                None => (Vec::new(), Vec::new()),
            };
            SpeakerGroup {
                group,
                role: roles.iter().rev().find(|r| r.held_on(group.last)).cloned(),
                aliases,
                roles,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_roles_span_their_statements() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_default();
        let speaker = |role: &str| Speaker {
            name: Some("A".to_owned()),
            role: Some(role.to_owned()),
            organization: None,
        };
        let (director, head) = (speaker("Director"), speaker("Head"));
        let roles = derived([
            (day("2024-05-01"), &head),
            (day("2020-01-01"), &director),
            (day("2022-01-01"), &director),
        ]);
        let shown: Vec<String> = roles
            .iter()
            .map(|r| format!("{} {} {:?}", r.role, r.from, r.until))
            .collect();
        assert_eq!(
            shown,
            [
                "Director 2020-01-01 Some(2022-01-01)",
                "Head 2024-05-01 Some(2024-05-01)"
            ]
        );
    }
}
