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
