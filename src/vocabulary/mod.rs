//! `topics.toml`: the archive's topic vocabulary. Optional; at the archive root.
//!
//! ```toml
//! strict = false            # true: a topic outside the vocabulary is an error
//! [[topic]]
//! name = "Interpol"
//! synonyms = ["ICPO"]       # other spellings: the same topic everywhere
//! description = "The International Criminal Police Organization."
//! [[topic]]
//! name = "Red notices"
//! parent = "Interpol"       # a hierarchy: Interpol's page includes red notices
//! ```
//!
//! The vocabulary is applied after loading ([`apply`]), never stored in the cache: each topic
//! whose slug is a name's or a synonym's becomes that entry's topic (its name and slug), so
//! synonyms are one topic in lists, counts, filters and pages, as case variants are. Problems
//! in the file (an unknown key, a spelling claimed twice, a parent that does not exist, a
//! parent cycle) are [`Diagnostic`]s at `topics.toml:LINE:COL`.

pub mod edit;
pub mod tree;

use std::path::Path;

use anyhow::Context as _;
use foldhash::HashMap;
use serde::Deserialize;
use toml::Spanned;

use crate::config::{TomlFile, line_and_column, toml_error};
use crate::diagnostic::{Diagnostic, did_you_mean, quote};
use crate::slug::{self, Slug};
use crate::statement::Topic;

/// The vocabulary file, relative to the archive root.
pub const FILE: &str = "topics.toml";

/// The keys of the file and of a `[[topic]]` entry.
const KEYS: &[&str] = &[
    "strict",
    "topic",
    "name",
    "synonyms",
    "parent",
    "description",
];

/// How `topics.toml`'s errors are told.
const TOML: TomlFile<'static> = TomlFile {
    name: FILE,
    noun: "key",
    keys: KEYS,
    help: "see docs/format.md (topics.toml) for each key and its type",
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    topic: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    name: Spanned<String>,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    description: Option<String>,
}

/// One topic of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name, as every page and list shows it.
    pub name: String,
    /// Its slug (the topic page's folder).
    pub slug: Slug,
    /// Other spellings, as written.
    pub synonyms: Vec<String>,
    /// The parent entry's index.
    pub parent: Option<usize>,
    /// Shown on the topic page.
    pub description: Option<String>,
}

/// The parsed `topics.toml`.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// A topic outside the vocabulary is an error.
    pub strict: bool,
    /// The entries, in file order.
    pub topics: Vec<Entry>,
    /// Each name's and synonym's slug key, to its entry.
    index: HashMap<String, usize>,
}

impl Vocabulary {
    /// Reads `<root>/topics.toml`: `Ok(None)` without the file, the diagnostics when it has
    /// problems.
    pub fn load(root: &Path) -> anyhow::Result<Result<Option<Self>, Vec<Diagnostic>>> {
        let path = root.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Self::parse(&text).map(Some)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Ok(None)),
            Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Parses the text of a `topics.toml`.
    pub fn parse(text: &str) -> Result<Self, Vec<Diagnostic>> {
        let raw: Raw = toml::from_str(text).map_err(|err| vec![toml_error(&TOML, text, &err)])?;
        let at = |span: std::ops::Range<usize>, message: String, help: String| {
            let (line, column) = line_and_column(text, span.start);
            Diagnostic::error(FILE, line, column, message).with_help(help)
        };
        let mut problems = Vec::new();
        let mut vocabulary = Vocabulary {
            strict: raw.strict,
            ..Vocabulary::default()
        };
        // Where each spelling was first claimed (a byte offset: lines are counted only for a
        // problem), to name it in the error of a second claim.
        let mut claimed: HashMap<String, (String, usize)> = HashMap::default();
        for (index, topic) in raw.topic.iter().enumerate() {
            let spellings = std::iter::once(&topic.name).chain(&topic.synonyms);
            for spelling in spellings {
                let key = slug::key(spelling.get_ref());
                if key.is_empty() {
                    problems.push(at(
                        spelling.span(),
                        format!(
                            "{} is not a topic: it has no letters or digits",
                            quote(spelling.get_ref())
                        ),
                        "write the topic's name".to_owned(),
                    ));
                    continue;
                }
                match claimed.get(&key) {
                    Some((first, first_at)) => problems.push(at(
                        spelling.span(),
                        format!(
                            "topic {} is claimed twice: {} on line {} is the same topic",
                            quote(spelling.get_ref()),
                            quote(first),
                            line_and_column(text, *first_at).0
                        ),
                        "give each spelling to one topic only".to_owned(),
                    )),
                    None => {
                        claimed.insert(
                            key.clone(),
                            (spelling.get_ref().clone(), spelling.span().start),
                        );
                        vocabulary.index.insert(key, index);
                    }
                }
            }
            let name = topic.name.get_ref().trim().to_owned();
            vocabulary.topics.push(Entry {
                slug: slug::slugify(&name),
                name,
                synonyms: topic.synonyms.iter().map(|s| s.get_ref().clone()).collect(),
                parent: None,
                description: topic.description.clone(),
            });
        }
        for (index, topic) in raw.topic.iter().enumerate() {
            let Some(parent) = &topic.parent else {
                continue;
            };
            match vocabulary.index.get(&slug::key(parent.get_ref())) {
                Some(&found) => vocabulary.topics[index].parent = Some(found),
                None => {
                    let names = vocabulary.topics.iter().map(|t| t.name.as_str());
                    let help = match nearest(parent.get_ref(), names) {
                        Some(known) => format!("did you mean {}?", quote(known)),
                        None => "name a topic of topics.toml, or add it".to_owned(),
                    };
                    problems.push(at(
                        parent.span(),
                        format!(
                            "parent {} is not a topic of topics.toml",
                            quote(parent.get_ref())
                        ),
                        help,
                    ));
                }
            }
        }
        for (index, topic) in raw.topic.iter().enumerate() {
            if let (Some(cycle), Some(parent)) = (vocabulary.cycle_from(index), &topic.parent) {
                let names: Vec<String> = cycle
                    .iter()
                    .map(|&i| quote(&vocabulary.topics[i].name))
                    .collect();
                problems.push(at(
                    parent.span(),
                    format!("parent cycle: {}", names.join(" → ")),
                    "a topic cannot be its own ancestor: remove one `parent`".to_owned(),
                ));
            }
        }
        if problems.is_empty() {
            Ok(vocabulary)
        } else {
            Err(problems)
        }
    }

    /// The cycle that `index`'s parents lead back to `index` through (it first and last), when
    /// `index` is the first entry of the cycle in file order (so each cycle is reported once).
    fn cycle_from(&self, index: usize) -> Option<Vec<usize>> {
        let mut path = vec![index];
        let mut at = self.topics[index].parent?;
        for _ in 0..self.topics.len() {
            path.push(at);
            if at == index {
                return (path.iter().all(|&i| i >= index)).then_some(path);
            }
            if path[..path.len() - 1].contains(&at) {
                return None;
            }
            at = self.topics[at].parent?;
        }
        None
    }

    /// The entry that the topic slug (a name's or a synonym's) belongs to.
    pub fn entry(&self, slug: &str) -> Option<usize> {
        self.index.get(slug).copied()
    }

    /// The entries below `index`, depth first in file order.
    pub fn descendants(&self, index: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let mut stack = vec![index];
        while let Some(at) = stack.pop() {
            if at != index {
                if found.contains(&at) {
                    continue;
                }
                found.push(at);
            }
            // Children pushed last first, so that they are visited in file order.
            for (child, entry) in self.topics.iter().enumerate().rev() {
                if entry.parent == Some(at) && child != index && !found.contains(&child) {
                    stack.push(child);
                }
            }
        }
        found
    }

    /// The topics with every spelling the vocabulary knows replaced by its entry's name, each
    /// topic once.
    pub fn canonical(&self, topics: &mut Vec<Topic>) {
        if !topics
            .iter()
            .any(|t| self.index.contains_key(t.slug.as_str()))
        {
            return;
        }
        let mut out: Vec<Topic> = Vec::with_capacity(topics.len());
        for topic in topics.drain(..) {
            let topic = match self.entry(topic.slug.as_str()) {
                Some(index) => Topic {
                    name: self.topics[index].name.clone(),
                    slug: self.topics[index].slug.clone(),
                },
                None => topic,
            };
            if !out.iter().any(|t| t.slug == topic.slug) {
                out.push(topic);
            }
        }
        *topics = out;
    }

    /// With `strict`, an error for each topic of the file at `path` outside the vocabulary, at
    /// `position` (its `topics` key).
    pub fn strict_errors(
        &self,
        path: &str,
        topics: &[Topic],
        position: impl Fn() -> (usize, usize),
    ) -> Vec<Diagnostic> {
        if !self.strict {
            return Vec::new();
        }
        let outside: Vec<&Topic> = topics
            .iter()
            .filter(|t| !self.index.contains_key(t.slug.as_str()))
            .collect();
        if outside.is_empty() {
            return Vec::new();
        }
        let (line, column) = position();
        outside
            .into_iter()
            .map(|topic| {
                let names = self.topics.iter().map(|t| t.name.as_str());
                let help = match nearest(&topic.name, names) {
                    Some(known) => format!("did you mean {}?", quote(known)),
                    None => "add it to topics.toml (or a synonym of a topic there)".to_owned(),
                };
                Diagnostic::error(
                    path,
                    line,
                    column,
                    format!(
                        "topic {} is not in topics.toml (strict = true)",
                        quote(&topic.name)
                    ),
                )
                .with_help(help)
            })
            .collect()
    }
}

/// Applies the archive's vocabulary to loaded statements (or summaries), given as their path
/// and topics: names become canonical, and with `strict` an unknown topic is an error. Returns
/// the diagnostics (those of `topics.toml` itself, when it has problems and is not applied).
pub fn apply<'a>(
    root: &Path,
    statements: impl Iterator<Item = (&'a str, &'a mut Vec<Topic>)>,
) -> anyhow::Result<Vec<Diagnostic>> {
    Ok(apply_loaded(root, Vocabulary::load(root)?, statements))
}

/// [`apply`] with the vocabulary already loaded ([`Vocabulary::load`]).
pub fn apply_loaded<'a>(
    root: &Path,
    loaded: Result<Option<Vocabulary>, Vec<Diagnostic>>,
    statements: impl Iterator<Item = (&'a str, &'a mut Vec<Topic>)>,
) -> Vec<Diagnostic> {
    let vocabulary = match loaded {
        Ok(Some(vocabulary)) => vocabulary,
        Ok(None) => return Vec::new(),
        Err(problems) => return problems,
    };
    let mut problems = Vec::new();
    for (path, topics) in statements {
        problems.extend(vocabulary.strict_errors(path, topics, || {
            crate::archive::key_position(root, path, "topics")
        }));
        vocabulary.canonical(topics);
    }
    problems
}

/// The name nearest to `unknown`, case aside, for a "did you mean".
pub fn nearest<'a>(unknown: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let names: Vec<(String, &str)> = names.map(|n| (n.to_lowercase(), n)).collect();
    let found = did_you_mean(unknown, names.iter().map(|(lower, _)| lower.as_str()))?;
    names
        .iter()
        .find(|(lower, _)| lower == found)
        .map(|(_, name)| *name)
}

/// Widens `--topic` filters through the archive's vocabulary: a synonym's slug becomes its
/// topic's, and a topic with topics below it (`parent`) takes theirs into `narrower`.
pub fn widen(
    root: &Path,
    topics: &mut [String],
    narrower: &mut HashMap<String, Vec<String>>,
) -> anyhow::Result<()> {
    let Ok(Some(vocabulary)) = Vocabulary::load(root)? else {
        return Ok(());
    };
    for wanted in topics {
        let Some(index) = vocabulary.entry(wanted) else {
            continue;
        };
        vocabulary.topics[index].slug.as_str().clone_into(wanted);
        let below: Vec<String> = vocabulary
            .descendants(index)
            .into_iter()
            .map(|i| vocabulary.topics[i].slug.as_str().to_owned())
            .collect();
        if !below.is_empty() {
            narrower.insert(wanted.clone(), below);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match Vocabulary::parse(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn synonyms_and_parents_resolve() {
        let vocabulary = Vocabulary::parse(
            "[[topic]]\nname = \"Interpol\"\nsynonyms = [\"ICPO\"]\n[[topic]]\nname = \"Red notices\"\nparent = \"icpo\"\n[[topic]]\nname = \"Diffusions\"\nparent = \"Red notices\"\n",
        )
        .expect("valid");
        assert_eq!(vocabulary.entry("icpo"), Some(0));
        assert_eq!(vocabulary.topics[1].parent, Some(0));
        assert_eq!(vocabulary.descendants(0), vec![1, 2]);
        // Siblings, and their children, in file order.
        let siblings = Vocabulary::parse(
            "[[topic]]\nname = \"A\"\n[[topic]]\nname = \"B\"\nparent = \"A\"\n[[topic]]\nname = \"C\"\nparent = \"A\"\n[[topic]]\nname = \"B1\"\nparent = \"B\"\n",
        )
        .expect("valid");
        assert_eq!(siblings.descendants(0), vec![1, 3, 2]);
        let mut topics = Topic::distinct(["ICPO", "interpol", "Torture"]);
        vocabulary.canonical(&mut topics);
        assert_eq!(topics, Topic::distinct(["Interpol", "Torture"]));
    }

    #[test]
    fn problems_are_located() {
        assert_eq!(
            errors("[[topic]]\nname = \"A\"\nsynonym = [\"B\"]\n"),
            ["topics.toml:3:1: error: unknown key `synonym`\n  help: did you mean `synonyms`?"]
        );
        assert_eq!(
            errors(
                "[[topic]]\nname = \"Human rights\"\n[[topic]]\nname = \"Torture\"\nsynonyms = [\"human-rights\"]\n"
            ),
            [
                "topics.toml:5:13: error: topic \"human-rights\" is claimed twice: \"Human rights\" on line 2 is the same topic\n  help: give each spelling to one topic only"
            ]
        );
        assert_eq!(
            errors(
                "[[topic]]\nname = \"Red notices\"\nparent = \"Interpl\"\n[[topic]]\nname = \"Interpol\"\n"
            ),
            [
                "topics.toml:3:10: error: parent \"Interpl\" is not a topic of topics.toml\n  help: did you mean \"Interpol\"?"
            ]
        );
        assert_eq!(
            errors(
                "[[topic]]\nname = \"A\"\nparent = \"B\"\n[[topic]]\nname = \"B\"\nparent = \"A\"\n"
            ),
            [
                "topics.toml:3:10: error: parent cycle: \"A\" → \"B\" → \"A\"\n  help: a topic cannot be its own ancestor: remove one `parent`"
            ]
        );
    }
}
