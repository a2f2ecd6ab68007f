//! Writing a statement out: the archive file (the strict front-matter format) and the Hugo page.

use std::fmt::Write as _;

use super::GeneratedFile;
use super::compose::Statement;

/// Transliterated, lowercase, runs of other characters as `-`, cut at a `-` to at most `max`.
pub(super) fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("statement");
    }
    slug
}

/// `"text"` with YAML double-quoted escapes.
pub(super) fn quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A `key: |` literal block, every line indented by two spaces (blank lines left empty).
fn literal_block(out: &mut String, key: &str, text: &str) {
    out.push_str(key);
    out.push_str(": |\n");
    for line in text.lines() {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
}

impl Statement<'_> {
    fn day(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.date.0, self.date.1, self.date.2)
    }

    /// The YAML between the `---` lines, keys in the format's order.
    pub(super) fn front_matter(&self) -> String {
        let mut fm = String::with_capacity(2_048);
        fm.push_str("title: ");
        quoted(&mut fm, &self.title);
        let _ = write!(fm, "\ndate: {}\nspeaker:\n", self.day());
        let indent = if self.speakers.len() == 1 {
            "  "
        } else {
            "    "
        };
        for speaker in &self.speakers {
            fm.push_str(if self.speakers.len() == 1 {
                "  "
            } else {
                "  - "
            });
            fm.push_str("name: ");
            quoted(&mut fm, &speaker.name);
            let _ = write!(fm, "\n{indent}role: ");
            quoted(&mut fm, &speaker.role);
            fm.push('\n');
            if let Some(org) = speaker.organization {
                let _ = write!(fm, "{indent}organization: ");
                quoted(&mut fm, org);
                fm.push('\n');
            }
        }
        fm.push_str("topics: [");
        for (k, topic) in self.topics.iter().enumerate() {
            if k > 0 {
                fm.push_str(", ");
            }
            quoted(&mut fm, topic);
        }
        fm.push_str("]\nlocation: ");
        quoted(&mut fm, self.location);
        fm.push('\n');
        if let Some(background) = &self.background {
            literal_block(&mut fm, "background", background);
        }
        for (key, value) in [("source", &self.source), ("summary", &self.summary)] {
            if let Some(value) = value {
                let _ = write!(fm, "{key}: ");
                quoted(&mut fm, value);
                fm.push('\n');
            }
        }
        if let Some(lang) = self.lang {
            fm.push_str("lang: ");
            quoted(&mut fm, lang);
            fm.push('\n');
        }
        if self.draft {
            fm.push_str("draft: true\n");
        }
        fm
    }

    pub(super) fn archive_file(&self) -> GeneratedFile {
        let day = self.day();
        GeneratedFile {
            path: format!("statements/{}/{day}-{}.md", self.date.0, self.slug),
            text: format!("---\n{}---\n{}", self.front_matter(), self.body),
        }
    }

    /// The statement as Hugo content: same text, with taxonomy-friendly front matter.
    pub(super) fn hugo_file(&self) -> (String, String) {
        let day = self.day();
        let path = format!("content/statements/{}/{day}-{}.md", self.date.0, self.slug);
        let mut fm = String::with_capacity(2_048);
        fm.push_str("---\ntitle: ");
        quoted(&mut fm, &self.title);
        let _ = write!(fm, "\ndate: {day}\n");
        if self.draft {
            fm.push_str("draft: true\n");
        }
        fm.push_str("location: ");
        quoted(&mut fm, self.location);
        fm.push('\n');
        if let Some(summary) = &self.summary {
            fm.push_str("description: ");
            quoted(&mut fm, summary);
            fm.push('\n');
        }
        if let Some(source) = &self.source {
            fm.push_str("source: ");
            quoted(&mut fm, source);
            fm.push('\n');
        }
        for (key, values) in [
            ("topics", self.topics.clone()),
            (
                "speakers",
                self.speakers.iter().map(|s| s.name.as_str()).collect(),
            ),
        ] {
            let _ = write!(fm, "{key}: [");
            for (k, value) in values.iter().enumerate() {
                if k > 0 {
                    fm.push_str(", ");
                }
                quoted(&mut fm, value);
            }
            fm.push_str("]\n");
        }
        fm.push_str("credits:\n");
        for speaker in &self.speakers {
            let mut line = speaker.role.clone();
            if let Some(org) = speaker.organization {
                line.push_str(", ");
                line.push_str(org);
            }
            fm.push_str("  - ");
            quoted(&mut fm, &line);
            fm.push('\n');
        }
        if let Some(background) = &self.background {
            literal_block(&mut fm, "background", background);
        }
        fm.push_str("---\n");
        fm.push_str(&self.body);
        (path, fm)
    }
}
