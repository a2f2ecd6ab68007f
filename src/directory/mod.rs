//! The speaker directory, `speakers.toml` at the archive root: the people who speak (with their
//! other spellings and their roles over time) and the organisations, each under one canonical
//! name.
//!
//! The directory is applied after an archive is loaded, as a mapping ([`Directory::apply`]):
//! a statement that names a speaker by an alias is, in memory, that person under the canonical
//! name, so lists, filters, groups, pages, feeds and search all see one person. The files and
//! the cache (which does not depend on `speakers.toml`) keep the names as written.

#[cfg(test)]
mod command_tests;
mod parse;
pub mod roles;
pub mod similar;

use std::path::Path;

use anyhow::Context as _;
use chrono::NaiveDate;
use foldhash::HashMap;

use crate::diagnostic::{Diagnostic, did_you_mean, quote};
use crate::statement::{Header, Speaker};

/// The directory file, relative to the archive root (as diagnostics name it).
pub const FILE: &str = "speakers.toml";

/// The people and organisations of an archive; empty when there is no `speakers.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    /// Whether a speaker outside the directory is an error.
    pub strict: bool,
    /// `[[person]]` entries, in file order.
    pub persons: Vec<Entry>,
    /// `[[organization]]` entries, in file order.
    pub organizations: Vec<Entry>,
    /// Each folded name and alias of a person, with the person's index.
    person_keys: HashMap<String, usize>,
    /// Each folded name and alias of an organisation, with its index.
    organization_keys: HashMap<String, usize>,
}

/// One person or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name.
    pub name: String,
    /// Other spellings that name it.
    pub aliases: Vec<String>,
    /// A person's roles, by their first day (organisations have none).
    pub roles: Vec<Role>,
}

/// A role a person held, from a day until a day (or still).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Role {
    /// Job title.
    pub role: String,
    /// Organisation they held it at.
    pub organization: Option<String>,
    /// First day in the role.
    pub from: NaiveDate,
    /// Last day in the role; `None` while it lasts.
    pub until: Option<NaiveDate>,
}

impl Role {
    /// Whether the role was held on `day`.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }
}

/// Whether an entry is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Organization,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
        }
    }
}

/// The key names and aliases are matched by: the slug of the text, as speakers are grouped.
fn key(name: &str) -> String {
    crate::slug::key(name)
}

impl Directory {
    /// Reads `<root>/speakers.toml`: an empty directory when there is none, the located
    /// problems when it is bad; an error only when the file exists but cannot be read.
    pub fn load(root: &Path) -> anyhow::Result<Result<Self, Vec<Diagnostic>>> {
        let path = root.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Self::parse(&text)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Ok(Self::default())),
            Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Parses the text of a `speakers.toml`; every problem is a located [`Diagnostic`].
    pub fn parse(text: &str) -> Result<Self, Vec<Diagnostic>> {
        parse::parse(text)
    }

    /// Whether there is nothing in it (no `speakers.toml`, or one without entries).
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty() && self.organizations.is_empty()
    }

    fn insert(&mut self, kind: Kind, entry: Entry) {
        let (entries, keys) = match kind {
            Kind::Person => (&mut self.persons, &mut self.person_keys),
            Kind::Organization => (&mut self.organizations, &mut self.organization_keys),
        };
        let index = entries.len();
        for spelling in std::iter::once(&entry.name).chain(&entry.aliases) {
            keys.entry(key(spelling)).or_insert(index);
        }
        entries.push(entry);
    }

    /// The person a name (or one of its aliases) names.
    pub fn person(&self, name: &str) -> Option<&Entry> {
        self.person_keys
            .get(&key(name))
            .and_then(|&i| self.persons.get(i))
    }

    /// The organisation a name (or one of its aliases) names.
    pub fn organization(&self, name: &str) -> Option<&Entry> {
        self.organization_keys
            .get(&key(name))
            .and_then(|&i| self.organizations.get(i))
    }

    /// The entry a speaker's label names: the person, else (an organisation speaking) the
    /// organisation.
    pub fn entry_of(&self, speaker: &Speaker) -> Option<&Entry> {
        match &speaker.name {
            Some(name) => self.person(name),
            None => speaker
                .organization
                .as_deref()
                .and_then(|o| self.organization(o)),
        }
    }

    /// Rewrites the speakers of every record to their canonical names: a person's name and
    /// every organisation named by an alias. Each distinct spelling is folded once.
    pub fn apply<'a>(&self, speakers: impl Iterator<Item = &'a mut Vec<Speaker>>) {
        if self.is_empty() {
            return;
        }
        let mut persons: HashMap<String, Option<usize>> = HashMap::default();
        let mut organizations: HashMap<String, Option<usize>> = HashMap::default();
        let mut canonical = |spelling: &mut String, kind: Kind| {
            let (seen, keys, entries) = match kind {
                Kind::Person => (&mut persons, &self.person_keys, &self.persons),
                Kind::Organization => (
                    &mut organizations,
                    &self.organization_keys,
                    &self.organizations,
                ),
            };
            let found = match seen.get(spelling.as_str()) {
                Some(found) => *found,
                None => {
                    let found = keys.get(&key(spelling)).copied();
                    seen.insert(spelling.clone(), found);
                    found
                }
            };
            if let Some(entry) = found.and_then(|i| entries.get(i))
                && entry.name != *spelling
            {
                entry.name.clone_into(spelling);
            }
        };
        for list in speakers {
            for speaker in list {
                if let Some(name) = &mut speaker.name {
                    canonical(name, Kind::Person);
                }
                if let Some(organization) = &mut speaker.organization {
                    canonical(organization, Kind::Organization);
                }
            }
        }
    }

    /// The folded canonical names of the entries with an alias whose folded text contains
    /// `folded` (what `--speaker` takes besides the names it contains).
    pub fn names_with_alias_containing(&self, folded: &str) -> Vec<String> {
        self.persons
            .iter()
            .chain(&self.organizations)
            .filter(|e| {
                e.aliases
                    .iter()
                    .any(|a| crate::query::fold(a).contains(folded))
            })
            .map(|e| crate::query::fold(&e.name))
            .collect()
    }

    /// The role a speaker held on `day`, from the directory (`None` when the directory has no
    /// roles for them, or none that day).
    pub fn role_on(&self, speaker: &Speaker, day: NaiveDate) -> Option<&Role> {
        let name = speaker.name.as_deref()?;
        self.person(name)?
            .roles
            .iter()
            .rev()
            .find(|r| r.held_on(day))
    }

    /// With `strict = true`, an error at the `speaker` key of each statement (given by path)
    /// naming a speaker the directory does not know, with the nearest known name.
    pub fn strict_errors<H: Header>(&self, root: &Path, statements: &[H]) -> Vec<Diagnostic> {
        if !self.strict {
            return Vec::new();
        }
        let known = || {
            self.persons
                .iter()
                .chain(&self.organizations)
                .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
                .map(String::as_str)
        };
        let mut found = Vec::new();
        for statement in statements {
            for speaker in statement.speakers() {
                if self.entry_of(speaker).is_some() {
                    continue;
                }
                let label = speaker.label();
                let (noun, table) = if speaker.name.is_some() {
                    ("speaker", "[[person]]")
                } else {
                    ("organization", "[[organization]]")
                };
                let (line, column) =
                    crate::archive::key_position(root, statement.path(), "speaker");
                let help = match did_you_mean(label, known()) {
                    Some(near) => format!(
                        "did you mean {}? Else add {} to {FILE} as a {table} (or to an entry's aliases)",
                        quote(near),
                        quote(label)
                    ),
                    None => format!(
                        "add {} to {FILE} as a {table} (or to an entry's aliases), or set strict = false",
                        quote(label)
                    ),
                };
                found.push(
                    Diagnostic::error(
                        statement.path(),
                        line,
                        column,
                        format!("{noun} {} is not in {FILE} (strict = true)", quote(label)),
                    )
                    .with_help(help),
                );
            }
        }
        found
    }
}

/// The directory of the archive at `root` and the problems `check` and `export` report with
/// it: the directory's own (an empty directory is used then) and, with `strict = true`, every
/// speaker it does not know.
pub fn load_with_problems<H: Header>(
    root: &Path,
    statements: &[H],
) -> anyhow::Result<(Directory, Vec<Diagnostic>)> {
    Ok(with_problems(root, Directory::load(root)?, statements))
}

/// [`load_with_problems`] with the directory already loaded ([`Directory::load`]).
pub fn with_problems<H: Header>(
    root: &Path,
    loaded: Result<Directory, Vec<Diagnostic>>,
    statements: &[H],
) -> (Directory, Vec<Diagnostic>) {
    match loaded {
        Ok(directory) => {
            let problems = directory.strict_errors(root, statements);
            (directory, problems)
        }
        Err(problems) => (Directory::default(), problems),
    }
}

/// What `check` adds for the directory: its own problems, strict mode's errors, and the
/// warnings about names that look like one person ([`similar::warnings`]).
pub fn check<H: Header>(root: &Path, statements: &[H]) -> anyhow::Result<Vec<Diagnostic>> {
    let (directory, mut problems) = load_with_problems(root, statements)?;
    problems.extend(similar::warnings(root, statements, &directory));
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_onto_the_canonical_name() {
        let directory = Directory::parse(
            "[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"E. Guevara\"]\n\
             [[organization]]\nname = \"Amnesty International\"\naliases = [\"AI\"]\n",
        )
        .unwrap_or_default();
        let mut speakers = [
            vec![Speaker {
                name: Some("e guevara".to_owned()),
                role: None,
                organization: Some("ai".to_owned()),
            }],
            vec![Speaker::person("Ann Other")],
        ];
        directory.apply(speakers.iter_mut());
        assert_eq!(speakers[0][0].label(), "Erika Guevara Rosas");
        assert_eq!(
            speakers[0][0].organization.as_deref(),
            Some("Amnesty International")
        );
        assert_eq!(speakers[1][0].label(), "Ann Other");
    }
}
