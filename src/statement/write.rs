//! From a [`Statement`] to the file text `press` writes.
//!
//! Keys in the format's order, single-line strings double-quoted, multi-line strings as literal
//! blocks (see [`crate::yaml`]); optional keys only when they carry something. What this writes
//! parses back to the same record (a property test holds it to that).

use super::{Alias, Statement};
use crate::yaml;

/// The complete file text: front matter between `---` lines, then the body.
pub fn to_markdown(statement: &Statement) -> String {
    let mut out = String::from("---\n");
    yaml::write_string(&mut out, 0, "title", &statement.title);
    yaml::write_plain(&mut out, 0, "date", &statement.published.to_string());
    out.push_str("speaker:\n");
    let list = statement.speakers.len() > 1;
    for speaker in &statement.speakers {
        let (first, rest) = if list { ("  - ", "    ") } else { ("  ", "  ") };
        let mut entry = String::new();
        if let Some(name) = &speaker.name {
            yaml::write_string(&mut entry, 0, "name", name);
        }
        if let Some(role) = &speaker.role {
            yaml::write_string(&mut entry, 0, "role", role);
        }
        if let Some(organization) = &speaker.organization {
            yaml::write_string(&mut entry, 0, "organization", organization);
        }
        for (index, line) in entry.lines().enumerate() {
            let pad = if index == 0 { first } else { rest };
            if line.is_empty() {
                out.push('\n');
            } else {
                out.push_str(pad);
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let topics: Vec<&str> = statement.topics.iter().map(|t| t.name.as_str()).collect();
    yaml::write_string_list(&mut out, 0, "topics", &topics);
    if let Some(location) = &statement.location {
        yaml::write_string(&mut out, 0, "location", location);
    }
    if let Some(background) = &statement.background {
        yaml::write_string(&mut out, 0, "background", background);
    }
    if let Some(contact) = &statement.contact {
        yaml::write_block(&mut out, 0, "contact", contact);
    }
    if let Some(source) = &statement.source {
        yaml::write_string(&mut out, 0, "source", source);
    }
    if let Some(summary) = &statement.summary {
        yaml::write_string(&mut out, 0, "summary", summary);
    }
    if statement.lang_given {
        yaml::write_string(&mut out, 0, "lang", &statement.lang);
    }
    if let Some(original) = &statement.translation_of {
        yaml::write_string(&mut out, 0, "translation_of", original.as_str());
    }
    if statement.draft {
        yaml::write_plain(&mut out, 0, "draft", "true");
    }
    if let Some(embargo) = &statement.embargo {
        yaml::write_plain(
            &mut out,
            0,
            "embargo",
            &embargo.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        );
    }
    if statement.slug_given {
        yaml::write_string(&mut out, 0, "slug", statement.slug.as_str());
    }
    if !statement.aliases.is_empty() {
        let aliases: Vec<&str> = statement.aliases.iter().map(Alias::as_str).collect();
        yaml::write_string_list(&mut out, 0, "aliases", &aliases);
    }
    super::edit::write_amendments(
        &mut out,
        &statement.corrections,
        statement.withdrawn.as_ref(),
    );
    if !statement.extra.is_empty() {
        out.push_str("extra:\n");
        for (key, value) in &statement.extra {
            yaml::write_value(&mut out, 2, key, value);
        }
    }
    out.push_str("---\n");
    if !statement.body.is_empty() {
        out.push_str(&statement.body);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;
    use crate::statement::parse;

    #[test]
    fn round_trips() -> Result<()> {
        let text = "---\ntitle: \"no\"\ndate: 2026-01-27\nspeaker:\n  - name: \"A: b\"\n    role: \"null\"\n  - name: \"Zoë\"\ntopics: [\"2026\", \"yes\"]\nbackground: |2-\n    indented\n  next\ncontact: |-\n  Press office\n  +44 20 7946 0000\nlang: \"pt-BR\"\ntranslation_of: \"orig\"\ndraft: true\nslug: \"x\"\naliases: [\"/2019/06/18/x/\", \"/news/x.html\"]\nextra:\n  wp_id: 12\n  tags: [\"a\", {\"b\": null}]\n---\nBody\n";
        let first = parse("statements/2026/2026-01-27-x.md", text.as_bytes());
        let statement = first
            .statement
            .with_context(|| format!("{:?}", first.diagnostics))?;
        let written = to_markdown(&statement);
        let second = parse("statements/2026/2026-01-27-x.md", written.as_bytes())
            .statement
            .context("re-parses")?;
        assert_eq!(statement, second, "{written}");
        Ok(())
    }

    /// A corrected and withdrawn statement is written with both lists, in the format's order
    /// (after `aliases`, before `extra`), each note double-quoted: the whole file, byte for byte.
    #[test]
    fn writes_corrections_and_withdrawal() -> Result<()> {
        let text = "---\ntitle: T\ndate: 2026-01-27\nspeaker:\n  name: A\ntopics: [x]\naliases: [/old/]\ncorrections:\n- date: 2026-01-28\n  note: Fixed the date\n-   date: 2026-02-01\n    note: 'A \"quoted\" name: B'\nwithdrawn: {date: 2026-03-01, note: Superseded}\nextra:\n  k: 1\n---\nBody\n";
        let parsed = parse("statements/2026/2026-01-27-t.md", text.as_bytes());
        let statement = parsed
            .statement
            .with_context(|| format!("{:?}", parsed.diagnostics))?;
        let written = to_markdown(&statement);
        assert_eq!(
            written,
            "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker:\n  name: \"A\"\ntopics: [\"x\"]\naliases: [\"/old/\"]\ncorrections:\n  - date: 2026-01-28\n    note: \"Fixed the date\"\n  - date: 2026-02-01\n    note: \"A \\\"quoted\\\" name: B\"\nwithdrawn:\n  date: 2026-03-01\n  note: \"Superseded\"\nextra:\n  k: 1\n---\nBody\n"
        );
        let mut again = parse("statements/2026/2026-01-27-t.md", written.as_bytes())
            .statement
            .context("re-parses")?;
        // The written file spreads the withdrawal over three lines: the body starts later.
        again.body_line = statement.body_line;
        assert_eq!(statement, again, "{written}");
        Ok(())
    }

    /// Keys from other systems that start with `-` (`-`, `-x`, `- x`) are written quoted, and
    /// read back as the same keys.
    #[test]
    fn extra_keys_starting_with_a_dash_are_kept() -> Result<()> {
        let text = "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nextra:\n  \"-\": 1\n  \"-x\": \"y\"\n  \"- z\": [1]\n  \"-1\": 2\n---\nBody\n";
        let parsed = parse("statements/2026/2026-01-27-t.md", text.as_bytes());
        let statement = parsed
            .statement
            .with_context(|| format!("{:?}", parsed.diagnostics))?;
        let written = to_markdown(&statement);
        assert!(
            written.ends_with(
                "extra:\n  \"-\": 1\n  \"-x\": \"y\"\n  \"- z\": [1]\n  \"-1\": 2\n---\nBody\n"
            ),
            "{written}"
        );
        let again = parse("statements/2026/2026-01-27-t.md", written.as_bytes());
        let extra = again.statement.map(|s| s.extra);
        assert_eq!(
            extra.as_ref(),
            Some(&statement.extra),
            "{:?}",
            again.diagnostics
        );
        Ok(())
    }
}
