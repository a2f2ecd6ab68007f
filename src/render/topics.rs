//! What `topics.toml` adds to the site ([`crate::vocabulary`]): a parent's topic page lists its
//! descendants' statements too and says so ("Includes: Red notices"), a topic's description is
//! shown on its page, and each synonym's old topic address redirects to its topic's page.

use std::path::Path;

use chrono::NaiveDate;

use super::redirect::Redirect;
use super::site::Members;
use crate::query::Group;
use crate::vocabulary::Vocabulary;

/// The vocabulary as the site uses it (none when the file is missing or has errors: `export`
/// refuses the latter before rendering).
pub(crate) struct TopicNotes {
    vocabulary: Option<Vocabulary>,
}

impl TopicNotes {
    /// The archive's vocabulary, if it has a valid one.
    pub(crate) fn load(root: &Path) -> Self {
        Self {
            vocabulary: Vocabulary::load(root).ok().and_then(Result::ok).flatten(),
        }
    }

    /// The topics' members with each parent's widened to its descendants' (newest first, each
    /// statement once).
    pub(crate) fn widened(&self, members: Members) -> Members {
        let Some(vocabulary) = &self.vocabulary else {
            return members;
        };
        let mut widened = members.clone();
        for (index, entry) in vocabulary.topics.iter().enumerate() {
            let below = vocabulary.descendants(index);
            if below.is_empty() {
                continue;
            }
            let mut all: Vec<usize> = std::iter::once(index)
                .chain(below)
                .filter_map(|i| members.get(vocabulary.topics[i].slug.as_str()))
                .flatten()
                .copied()
                .collect();
            all.sort_unstable();
            all.dedup();
            if !all.is_empty() {
                widened.insert(entry.slug.as_str().to_owned(), all);
            }
        }
        widened
    }

    /// `groups` with one more for each topic that names no statement itself but has topics
    /// below it that do (`members`, [`Self::widened`]), so that it has its page too; every
    /// parent is counted, and dated, with its descendants' statements (`day` of each, by
    /// index), as its page lists them.
    pub(crate) fn with_parents(
        &self,
        mut groups: Vec<Group>,
        members: &Members,
        day: impl Fn(usize) -> NaiveDate,
    ) -> Vec<Group> {
        let Some(vocabulary) = &self.vocabulary else {
            return groups;
        };
        let before = groups.len();
        for entry in &vocabulary.topics {
            let slug = entry.slug.as_str();
            let Some(all) = members.get(slug) else {
                continue;
            };
            let (Some(&newest), Some(&oldest)) = (all.first(), all.last()) else {
                continue;
            };
            if let Some(own) = groups[..before].iter_mut().find(|g| g.slug == slug) {
                (own.count, own.first, own.last) = (all.len(), day(oldest), day(newest));
                continue;
            }
            groups.push(Group {
                name: entry.name.clone(),
                slug: slug.to_owned(),
                count: all.len(),
                first: day(oldest),
                last: day(newest),
                role: None,
            });
        }
        crate::query::sort_groups(&mut groups);
        groups
    }

    /// The topic's description and the names of the topics its page includes.
    pub(crate) fn about(&self, slug: &str) -> (Option<String>, Vec<String>) {
        let Some((vocabulary, index)) = self
            .vocabulary
            .as_ref()
            .and_then(|v| Some((v, v.entry(slug)?)))
        else {
            return (None, Vec::new());
        };
        let includes = vocabulary
            .descendants(index)
            .into_iter()
            .map(|i| vocabulary.topics[i].name.clone())
            .collect();
        (vocabulary.topics[index].description.clone(), includes)
    }

    /// A redirect for each synonym (or name spelt with another slug) of a topic that has a page.
    pub(crate) fn redirects(&self, groups: &[Group]) -> Vec<Redirect> {
        let Some(vocabulary) = &self.vocabulary else {
            return Vec::new();
        };
        let mut found: Vec<Redirect> = Vec::new();
        for group in groups {
            let Some(index) = vocabulary.entry(&group.slug) else {
                continue;
            };
            let entry = &vocabulary.topics[index];
            for synonym in &entry.synonyms {
                let old = crate::slug::key(synonym);
                if old.is_empty()
                    || old == group.slug
                    || found.iter().any(|r| r.from == format!("topics/{old}/"))
                {
                    continue;
                }
                found.push(Redirect {
                    file: format!("topics/{old}/index.html"),
                    from: format!("topics/{old}/"),
                    to: format!("topics/{}/index.html", group.slug),
                    title: group.name.clone(),
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use crate::commands::in_process::{archive, press};

    /// A parent topic that no statement names itself gets its page from its descendants'
    /// statements, and its span runs from the oldest of them to the newest.
    #[test]
    fn a_parent_named_by_no_statement_spans_its_descendants_oldest_to_newest() -> anyhow::Result<()>
    {
        let statement = |date: &str, topic: &str| {
            format!(
                "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: Ann\ntopics: [{topic}]\n---\nBody.\n"
            )
        };
        let root = archive(&[
            (
                "topics.toml",
                "[[topic]]\nname = \"Policing\"\n\n[[topic]]\nname = \"Red notices\"\nparent = \"Policing\"\n\n[[topic]]\nname = \"Diffusions\"\nparent = \"Policing\"\n",
            ),
            (
                "statements/2026/2026-01-05-a.md",
                &statement("2026-01-05", "Red notices"),
            ),
            (
                "statements/2026/2026-03-07-b.md",
                &statement("2026-03-07", "Diffusions"),
            ),
        ])?;
        let out = root.path().join("site");
        let ran = press(root.path(), &["export", "--out", &out.to_string_lossy()]);
        assert_eq!(ran.exit, crate::Exit::Success, "{}", ran.err);
        let page = std::fs::read_to_string(out.join("topics/policing/index.html"))?;
        let span = "2 statements, 5 January 2026 to 7 March 2026";
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| l.contains("2026 to "))
            .collect();
        assert_eq!(
            lines,
            [
                format!("<meta name=\"description\" content=\"{span}\">"),
                format!("<meta property=\"og:description\" content=\"{span}\">"),
                format!("{span}."),
            ]
        );
        Ok(())
    }
}
