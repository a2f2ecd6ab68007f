//! The JSON/CSV view of a statement: every key always present, absent values `null`, lists `[]`.

use serde::Serialize;

use crate::directory::{Directory, Role};
use crate::slug::Slug;
use crate::statement::{Alias, Amendment, Speaker, Statement};
use crate::yaml::Value;

/// One statement as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    slug: &'a str,
    path: &'a str,
    title: &'a str,
    date: String,
    speakers: Vec<SpeakerRecord<'a>>,
    topics: Vec<&'a str>,
    location: Option<&'a str>,
    background: Option<&'a str>,
    contact: Option<&'a str>,
    body: &'a str,
    source: Option<&'a str>,
    summary: Option<&'a str>,
    lang: &'a str,
    translation_of: Option<&'a str>,
    draft: bool,
    embargo: Option<String>,
    aliases: Vec<&'a str>,
    corrections: &'a [Amendment],
    withdrawn: Option<&'a Amendment>,
    extra: Extra<'a>,
}

/// One speaker as written (the name made canonical by the speaker directory), with the role the
/// directory gives them on the statement's day (`null` when it gives none).
#[derive(Debug, Serialize)]
struct SpeakerRecord<'a> {
    #[serde(flatten)]
    speaker: &'a Speaker,
    role_at_date: Option<&'a Role>,
}

/// The `extra` mapping, serialised as a JSON object in file order.
#[derive(Debug)]
struct Extra<'a>(&'a [(String, Value)]);

impl Serialize for Extra<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'a> Record<'a> {
    /// The record of one statement; `directory` gives each speaker's role on its day.
    pub fn new(statement: &'a Statement, directory: &'a Directory) -> Self {
        let day = statement.day();
        Self {
            slug: statement.slug.as_str(),
            path: &statement.path,
            title: &statement.title,
            date: statement.published.to_string(),
            speakers: statement
                .speakers
                .iter()
                .map(|speaker| SpeakerRecord {
                    speaker,
                    role_at_date: directory.role_on(speaker, day),
                })
                .collect(),
            topics: statement.topics.iter().map(|t| t.name.as_str()).collect(),
            location: statement.location.as_deref(),
            background: statement.background.as_deref(),
            contact: statement.contact.as_deref(),
            body: &statement.body,
            source: statement.source.as_deref(),
            summary: statement.summary.as_deref(),
            lang: &statement.lang,
            translation_of: statement.translation_of.as_ref().map(Slug::as_str),
            draft: statement.draft,
            embargo: statement
                .embargo
                .map(|e| e.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            aliases: statement.aliases.iter().map(Alias::as_str).collect(),
            corrections: &statement.corrections,
            withdrawn: statement.withdrawn.as_ref(),
            extra: Extra(&statement.extra),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `extra` is printed whole, in the order the file gives its keys.
    #[test]
    fn extra_keys_are_printed_in_file_order() -> anyhow::Result<()> {
        let parsed = crate::statement::parse(
            "statements/2026/2026-01-27-x.md",
            b"---\ntitle: X\ndate: 2026-01-27\nspeaker: Ann\ntopics: [a]\nextra:\n  wp_id: 12\n  tags: [b, a]\n  desk: News\n---\nBody.\n",
        );
        let statement = parsed
            .statement
            .ok_or_else(|| anyhow::anyhow!("{:?}", parsed.diagnostics))?;
        let json = serde_json::to_string(&Record::new(&statement, &Directory::default()))?;
        let extra = json.split("\"extra\":").nth(1).unwrap_or_default();
        assert_eq!(extra, r#"{"wp_id":12,"tags":["b","a"],"desk":"News"}}"#);
        Ok(())
    }
}
