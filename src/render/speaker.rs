//! What the speaker directory adds to the site: a speaker page's role history and aliases, and a
//! redirect page at each alias's own speaker address (so a renamed or merged speaker keeps their
//! URL).

use serde::Serialize;

use super::html::Site;
use super::redirect::Redirect;
use crate::directory::{Directory, Entry, Role, roles};
use crate::query::Group;
use crate::statement::Header as _;

/// The directory's part of a speaker's page.
#[derive(Debug, Serialize)]
pub(crate) struct SpeakerExtra {
    /// Other spellings of the name (from the directory).
    aliases: Vec<String>,
    /// Roles, oldest first: the directory's, else those the statements give.
    roles: Vec<RoleView>,
}

/// One role as the page shows it.
#[derive(Debug, Serialize)]
struct RoleView {
    role: String,
    organization: Option<String>,
    from: String,
    until: Option<String>,
}

impl From<Role> for RoleView {
    fn from(role: Role) -> Self {
        Self {
            role: role.role,
            organization: role.organization,
            from: role.from.to_string(),
            until: role.until.map(|d| d.to_string()),
        }
    }
}

/// The role history and aliases of the speaker `group`, whose statements are `members`.
pub(crate) fn extra(site: &Site<'_>, group: &Group, members: &[usize]) -> SpeakerExtra {
    let statements = &site.input.statements;
    let directory = site.input.directory;
    let said: Vec<_> = members
        .iter()
        .filter_map(|&i| {
            let statement = statements.get(i)?;
            let speaker = statement
                .speakers
                .iter()
                .find(|p| site.name_keys.known(p.label()) == group.slug.as_str())?;
            Some((statement.day(), speaker))
        })
        .collect();
    let Some(&(_, speaker)) = said.first() else {
        return SpeakerExtra {
            aliases: Vec::new(),
            roles: Vec::new(),
        };
    };
    let aliases = directory
        .entry_of(speaker)
        .map(|e| e.aliases.clone())
        .unwrap_or_default();
    let roles = if speaker.name.is_some() {
        roles::history(directory, speaker, said.iter().copied())
    } else {
        Vec::new()
    };
    SpeakerExtra {
        aliases,
        roles: roles.into_iter().map(RoleView::from).collect(),
    }
}

/// The redirects from each alias's speaker page to its person's or organisation's page (when
/// the two differ and the alias has no page of its own), for [`super::redirect::redirects`].
pub(crate) fn redirects(directory: &Directory, groups: &[Group]) -> Vec<Redirect> {
    let pages: foldhash::HashSet<&str> = groups.iter().map(|g| g.slug.as_str()).collect();
    let mut found = Vec::new();
    for Entry { name, aliases, .. } in directory.persons.iter().chain(&directory.organizations) {
        let target_key = crate::slug::key(name);
        if !pages.contains(target_key.as_str()) {
            continue;
        }
        for alias in aliases {
            let key = crate::slug::key(alias);
            if key == target_key || key.is_empty() || pages.contains(key.as_str()) {
                continue;
            }
            found.push(Redirect {
                file: format!("speakers/{key}/index.html"),
                from: format!("speakers/{key}/"),
                to: format!("speakers/{target_key}/index.html"),
                title: name.clone(),
            });
        }
    }
    found
}
