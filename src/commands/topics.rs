//! `press topics rename OLD NEW`, `press topics merge A B … --into C`, `press topics normalize`:
//! one topic spelt one way in every statement that names it, and in `topics.toml`.
//!
//! A topic is matched by its slug, so one rename fixes every spelling. Each statement file
//! changes only in the `topics` items concerned ([`crate::bulk::items`]): a statement naming two
//! merged topics keeps one. The plan is proven before anything is written ([`crate::bulk`]), and
//! the old spellings become synonyms in `topics.toml`, which redirects their old topic pages.
//! `normalize` writes the vocabulary's name for every spelling it knows, else the spelling most
//! statements use (on a tie, the one of the newest statement, as `press topics` shows it).

use std::path::Path;

use foldhash::HashMap;

use super::rewrite::{self, BulkRename, FileUpdate};
use super::{Io, load};
use crate::Exit;
use crate::archive::{Archive, WriteLock};
use crate::bulk::Edit;
use crate::bulk::items;
use crate::cli::TopicsAction;
use crate::diagnostic::quote;
use crate::query::{self, GroupBy};
use crate::slug;
use crate::statement::{Statement, Topic};
use crate::vocabulary::{self, Vocabulary, edit::TOPICS};

/// Runs one of the changes of `press topics`.
pub(crate) fn change(action: &TopicsAction, root: &Path, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let (verb, done, dry_run) = match action {
        TopicsAction::Rename(a) => ("topics rename", "topics renamed", a.dry_run),
        TopicsAction::Merge(a) => ("topics merge", "topics merged", a.dry_run),
        TopicsAction::Normalize(a) => ("topics normalize", "topics normalized", a.dry_run),
    };
    let _lock = WriteLock::acquire(root)?;
    let archive = load(root)?;
    let toml_text = rewrite::read_optional(root, vocabulary::FILE)?;
    let vocabulary = match toml_text.as_deref().map(Vocabulary::parse).transpose() {
        Ok(vocabulary) => vocabulary,
        Err(problems) => {
            io.diagnostics(&problems)?;
            writeln!(
                io.err,
                "press: {verb} refused: {} has errors; fix them first; nothing written",
                vocabulary::FILE
            )?;
            return Ok(Exit::Problems);
        }
    };
    let (mapping, new_toml) = match action {
        TopicsAction::Rename(a) => {
            match renaming(
                &archive,
                vocabulary.as_ref(),
                &[a.old.as_str()],
                &a.new,
                verb,
                io,
            )? {
                Ok(mapping) => (
                    mapping,
                    Some(vocabulary::edit::merge_into(
                        TOPICS,
                        toml_text.as_deref(),
                        &[&a.old],
                        a.new.trim(),
                    )),
                ),
                Err(exit) => return Ok(exit),
            }
        }
        TopicsAction::Merge(a) => {
            let names: Vec<&str> = a.names.iter().map(String::as_str).collect();
            match renaming(&archive, vocabulary.as_ref(), &names, &a.into, verb, io)? {
                Ok(mapping) => (
                    mapping,
                    Some(vocabulary::edit::merge_into(
                        TOPICS,
                        toml_text.as_deref(),
                        &names,
                        a.into.trim(),
                    )),
                ),
                Err(exit) => return Ok(exit),
            }
        }
        TopicsAction::Normalize(_) => (normalizing(&archive, vocabulary.as_ref()), None),
    };
    let text = |text: &str| items::map_values(text, "topics", None, &mapping);
    let record = |statement: &Statement| expected(statement, &mapping);
    let edit = Edit {
        text: &text,
        record: &record,
    };
    let file = FileUpdate {
        path: vocabulary::FILE,
        old: toml_text,
        new: new_toml,
    };
    let rename = BulkRename {
        verb,
        names: "topics",
        done,
        dry_run,
    };
    rewrite::bulk_rename(&archive, &edit, file, &rename, io)
}

/// The mapping of a rename or merge (each old slug, and the new name's, to the new name), or
/// the exit of a refusal: a new name that is no topic, an old one no statement names.
fn renaming(
    archive: &Archive,
    vocabulary: Option<&Vocabulary>,
    olds: &[&str],
    new: &str,
    verb: &str,
    io: &mut Io<'_>,
) -> anyhow::Result<Result<HashMap<String, String>, Exit>> {
    let new = new.trim();
    if slug::key(new).is_empty() || new.chars().any(char::is_control) {
        writeln!(
            io.err,
            "press: {verb} refused: {} is not a topic name (one line, with letters or digits)",
            quote(new)
        )?;
        return Ok(Err(Exit::Usage));
    }
    let mut mapping = HashMap::default();
    for old in olds {
        let key = slug::key(old);
        let named = archive
            .statements
            .iter()
            .any(|s| s.topics.iter().any(|t| t.slug.as_str() == key));
        let listed = vocabulary.is_some_and(|v| v.entry(&key).is_some());
        if !named && !listed {
            writeln!(io.err, "press: no topic {}", quote(old))?;
            let names: Vec<String> = query::group(
                &archive.statements.iter().collect::<Vec<_>>(),
                GroupBy::Topic,
            )
            .into_iter()
            .map(|g| g.name)
            .collect();
            if let Some(near) = vocabulary::nearest(old, names.iter().map(String::as_str)) {
                writeln!(io.err, "  help: did you mean {}?", quote(near))?;
            }
            return Ok(Err(Exit::Problems));
        }
        mapping.insert(key, new.to_owned());
    }
    mapping.insert(slug::key(new), new.to_owned());
    Ok(Ok(mapping))
}

/// The mapping of `normalize`: each topic slug to the vocabulary's name, else to the spelling
/// most statements use.
fn normalizing(archive: &Archive, vocabulary: Option<&Vocabulary>) -> HashMap<String, String> {
    let all: Vec<&Statement> = archive.statements.iter().collect();
    query::group(&all, GroupBy::Topic)
        .into_iter()
        .map(|group| {
            let name = vocabulary
                .and_then(|v| v.entry(&group.slug).map(|i| v.topics[i].name.clone()))
                .unwrap_or(group.name);
            (group.slug, name)
        })
        .collect()
}

/// The statement as it must read after the change, or `None` when the change leaves it alone.
fn expected(statement: &Statement, mapping: &HashMap<String, String>) -> Option<Statement> {
    let renamed = |t: &Topic| mapping.get(t.slug.as_str()).filter(|name| **name != t.name);
    if !statement.topics.iter().any(|t| renamed(t).is_some()) {
        return None;
    }
    let mut expected = statement.clone();
    expected.topics = Topic::distinct(
        statement
            .topics
            .iter()
            .map(|t| mapping.get(t.slug.as_str()).unwrap_or(&t.name)),
    );
    Some(expected)
}
