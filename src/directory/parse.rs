//! Reading `speakers.toml`: the TOML with its spans, into a [`Directory`], every problem a
//! located [`Diagnostic`] (`speakers.toml:LINE:COL`).

use chrono::NaiveDate;
use foldhash::HashMap;
use serde::Deserialize;
use toml::Spanned;

use super::{Directory, Entry, FILE, Kind, Role};
use crate::config::{TomlFile, line_and_column, toml_error};
use crate::diagnostic::{Diagnostic, quote};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    person: Vec<RawEntry>,
    #[serde(default)]
    organization: Vec<RawOrganization>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    role: String,
    #[serde(default)]
    organization: Option<String>,
    from: Spanned<toml::Value>,
    #[serde(default)]
    until: Option<Spanned<toml::Value>>,
}

/// Parses the text of a `speakers.toml`. A syntax or type error stops at once (one diagnostic);
/// otherwise every entry is checked and every problem reported.
pub(super) fn parse(text: &str) -> Result<Directory, Vec<Diagnostic>> {
    let raw: RawFile = toml::from_str(text).map_err(|err| vec![toml_error(&TOML, text, &err)])?;
    let at = |offset: usize| line_and_column(text, offset);
    let mut problems = Vec::new();
    let mut directory = Directory {
        strict: raw.strict,
        ..Directory::default()
    };
    let organizations = raw.organization.into_iter().map(|o| RawEntry {
        name: o.name,
        aliases: o.aliases,
        roles: Vec::new(),
    });
    for (kind, entries) in [
        (Kind::Person, raw.person),
        (Kind::Organization, organizations.collect()),
    ] {
        // Each folded name or alias, with where it was first claimed (a byte offset: lines are
        // counted only for a problem) and whether as a name.
        let mut claimed: HashMap<String, (usize, usize, bool)> = HashMap::default();
        // Names first, so an alias is judged against every entry's name wherever it comes.
        for (index, entry) in entries.iter().enumerate() {
            let name = entry.name.get_ref().trim();
            let key = crate::slug::key(name);
            let start = entry.name.span().start;
            if key.is_empty() {
                let (line, column) = at(start);
                problems.push(
                    Diagnostic::error(
                        FILE,
                        line,
                        column,
                        format!(
                            "{} name {} has no letters or digits",
                            kind.noun(),
                            quote(name)
                        ),
                    )
                    .with_help("write the name as statements spell it"),
                );
                continue;
            }
            if let Some(&(_, first, _)) = claimed.get(&key) {
                let ((line, column), (first_line, _)) = (at(start), at(first));
                problems.push(
                    Diagnostic::error(
                        FILE,
                        line,
                        column,
                        format!(
                            "{} {} is claimed twice: also at line {first_line}",
                            kind.noun(),
                            quote(name)
                        ),
                    )
                    .with_help(format!(
                        "a name names one {}: merge the two entries into one",
                        kind.noun()
                    )),
                );
                continue;
            }
            claimed.insert(key, (index, start, true));
        }
        for (index, entry) in entries.iter().enumerate() {
            let name = entry.name.get_ref().trim();
            for alias in &entry.aliases {
                let spelling = alias.get_ref().trim();
                let key = crate::slug::key(spelling);
                let line_of = |offset: usize| at(offset).0;
                let (message, help) = match claimed.get(&key) {
                    _ if key.is_empty() => (
                        format!(
                            "alias {} of {} has no letters or digits",
                            quote(spelling),
                            quote(name)
                        ),
                        "remove it".to_owned(),
                    ),
                    // The entry's own name, or an alias given twice in one entry: harmless.
                    Some(&(owner, _, _)) if owner == index => continue,
                    Some(&(_, first, true)) => (
                        format!(
                            "alias {} of {} is the name of another {} (line {})",
                            quote(spelling),
                            quote(name),
                            kind.noun(),
                            line_of(first)
                        ),
                        format!(
                            "if they are one {}, merge the two entries (keep {} as the name and \
                             the other's name among its aliases); else remove the alias",
                            kind.noun(),
                            quote(name)
                        ),
                    ),
                    Some(&(owner, first, false)) => (
                        format!(
                            "alias {} of {} is also an alias of {} (line {})",
                            quote(spelling),
                            quote(name),
                            quote(entries[owner].name.get_ref().trim()),
                            line_of(first)
                        ),
                        format!(
                            "a spelling names one {}: remove it from one of them",
                            kind.noun()
                        ),
                    ),
                    None => {
                        claimed.insert(key, (index, alias.span().start, false));
                        continue;
                    }
                };
                let (line, column) = at(alias.span().start);
                problems.push(Diagnostic::error(FILE, line, column, message).with_help(help));
            }
        }
        for entry in entries {
            let mut roles = Vec::new();
            for raw in entry.roles {
                match role(text, raw) {
                    Ok(role) => roles.push(role),
                    Err(problem) => problems.push(problem),
                }
            }
            roles.sort_by_key(|r| r.from);
            let aliases = entry
                .aliases
                .into_iter()
                .map(|a| a.into_inner().trim().to_owned())
                .collect();
            directory.insert(
                kind,
                Entry {
                    name: entry.name.into_inner().trim().to_owned(),
                    aliases,
                    roles,
                },
            );
        }
    }
    if problems.is_empty() {
        Ok(directory)
    } else {
        Err(problems)
    }
}

/// One role, its dates checked.
fn role(text: &str, raw: RawRole) -> Result<Role, Diagnostic> {
    let from = day(text, "from", &raw.from)?;
    let until = raw
        .until
        .as_ref()
        .map(|u| day(text, "until", u))
        .transpose()?;
    if let (Some(until), Some(span)) = (until, raw.until.as_ref().map(Spanned::span))
        && until < from
    {
        let (line, column) = line_and_column(text, span.start);
        return Err(Diagnostic::error(
            FILE,
            line,
            column,
            format!(
                "role {} ends on {until}, before it starts ({from})",
                quote(&raw.role)
            ),
        )
        .with_help("`from` is the first day in the role and `until` the last: swap or fix them"));
    }
    Ok(Role {
        role: raw.role.trim().to_owned(),
        organization: raw.organization.map(|o| o.trim().to_owned()),
        from,
        until,
    })
}

/// A calendar day: a TOML local date (`from = 2020-03-01`) or the same as a string.
fn day(text: &str, key: &str, value: &Spanned<toml::Value>) -> Result<NaiveDate, Diagnostic> {
    let found = match value.get_ref() {
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
            d.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            })
        }
        toml::Value::String(s) if s.len() == 10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        _ => None,
    };
    found.ok_or_else(|| {
        let (line, column) = line_and_column(text, value.span().start);
        Diagnostic::error(
            FILE,
            line,
            column,
            // As written: toml prints a date-time value as its private table.
            format!(
                "`{key}` must be a calendar day, found {}",
                text.get(value.span()).unwrap_or_default()
            ),
        )
        .with_help(format!("write it as {key} = 2024-03-01"))
    })
}

/// How `speakers.toml`'s errors are told (toml names the keys expected in each table).
const TOML: TomlFile<'static> = TomlFile {
    name: FILE,
    noun: "key",
    keys: &["strict", "person", "organization"],
    help: "see the speaker directory in docs/format.md for each key and its type",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_directory_reads_people_roles_and_organisations() {
        let text = "strict = true\n[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"Erika Guevara-Rosas\"]\nroles = [{role = \"Director\", organization = \"Amnesty\", from = 2020-01-01, until = \"2021-06-30\"}]\n[[organization]]\nname = \"Amnesty International\"\naliases = [\"Amnesty\"]\n";
        let directory = parse(text).unwrap_or_default();
        assert!(directory.strict);
        assert_eq!(
            directory.persons[0].roles[0]
                .until
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-06-30")
        );
        assert_eq!(directory.organizations[0].aliases, ["Amnesty"]);
    }

    #[test]
    fn problems_are_located() {
        assert_eq!(
            errors("[[person]]\nname = \"A B\"\nalias = []\n"),
            ["speakers.toml:3:1: error: unknown key `alias`\n  help: did you mean `aliases`?"]
        );
        assert_eq!(
            errors("[[person]]\nname = \"A B\"\n[[person]]\nname = \"a-b\"\n"),
            [
                "speakers.toml:4:8: error: person \"a-b\" is claimed twice: also at line 2\n  help: a name names one person: merge the two entries into one"
            ]
        );
        assert_eq!(
            errors("[[person]]\nname = \"A\"\nroles = [{role = \"R\", from = 2020-02-30}]\n").len(),
            1
        );
        assert_eq!(
            errors("[[person]]\nname = \"A\"\nroles = [{role = \"R\", from = \"March\"}]\n"),
            [
                "speakers.toml:3:30: error: `from` must be a calendar day, found \"March\"\n  help: write it as from = 2024-03-01"
            ]
        );
    }
}
