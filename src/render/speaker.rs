//! What the speaker directory adds to the site: a speaker page's role history and aliases, and a
//! redirect page at each alias's own speaker address (so a renamed or merged speaker keeps their
//! URL).

use serde::Serialize;

use super::html::{Site, fingerprint, pretty, root_of};
use super::site::{Sink, SiteInput};
use crate::directory::{Entry, Role, roles};
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

/// Writes a redirect page at `speakers/ALIAS/` to `speakers/NAME/` for each alias of a person
/// or organisation with a page, where the two addresses differ and the alias's is no page of
/// its own. `seed` is the site's ([`Site::seed`]); written after the sitemap, which lists only
/// the site's own pages.
pub(crate) fn redirects(
    input: &SiteInput<'_>,
    seed: u64,
    groups: &[Group],
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let directory = input.directory;
    let pages: foldhash::HashSet<&str> = groups.iter().map(|g| g.slug.as_str()).collect();
    let entries = directory.persons.iter().chain(&directory.organizations);
    for Entry { name, aliases, .. } in entries {
        let target_key = crate::slug::key(name);
        if !pages.contains(target_key.as_str()) {
            continue;
        }
        let target = format!("speakers/{target_key}/index.html");
        for alias in aliases {
            let key = crate::slug::key(alias);
            if key == target_key || key.is_empty() || pages.contains(key.as_str()) {
                continue;
            }
            let file = format!("speakers/{key}/index.html");
            let canonical = match &input.base_url {
                Some(base) => format!("{base}{}", pretty(&target)),
                None => format!("{}{target}", root_of(&file)),
            };
            let bytes = super::redirect::page(
                input.config.language(),
                name,
                &canonical,
                &format!("{}{target}", root_of(&file)),
            );
            let inputs = fingerprint(seed, &(&file, &bytes));
            if !inputs.is_some_and(|f| sink.keep(&file, f)) {
                sink.put(file, inputs, bytes.into_bytes())?;
            }
        }
    }
    Ok(())
}
