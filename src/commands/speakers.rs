//! `press speakers rename OLD NEW`, `press speakers merge A B … --into C`: one person named one
//! way in every statement that names them, and in `speakers.toml`.
//!
//! A speaker is matched as speakers are grouped, by the slug of the name, and through the
//! directory: a name that is a person's name or alias in `speakers.toml` stands for every
//! spelling of that person. Each statement file changes only in the `name` of the speakers
//! concerned ([`crate::bulk::items`], in any of the shapes `speaker` takes); a statement naming
//! two merged speakers keeps the first, with its own `role` and `organization`, and the second
//! leaves with its. The old names become the person's `aliases` in `speakers.toml`, which
//! redirects their old speaker pages. Speakers without a `name` (an organisation speaking) are
//! not renamed.

use std::path::Path;

use foldhash::HashMap;

use super::rewrite::{self, BulkRename, FileUpdate};
use super::{Io, load};
use crate::Exit;
use crate::archive::{Archive, WriteLock};
use crate::bulk::Edit;
use crate::bulk::items::{self, Fate};
use crate::cli::SpeakersAction;
use crate::diagnostic::quote;
use crate::directory::{self, Directory};
use crate::query::{self, GroupBy};
use crate::slug;
use crate::statement::Statement;
use crate::vocabulary::{self, edit::PEOPLE, edit::merge_into};

/// Runs one of the changes of `press speakers`.
pub(crate) fn change(
    action: &SpeakersAction,
    root: &Path,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let (verb, done, olds, new, dry_run): (_, _, Vec<&str>, _, _) = match action {
        SpeakersAction::Rename(a) => (
            "speakers rename",
            "speakers renamed",
            vec![a.old.as_str()],
            a.new.trim(),
            a.dry_run,
        ),
        SpeakersAction::Merge(a) => (
            "speakers merge",
            "speakers merged",
            a.names.iter().map(String::as_str).collect(),
            a.into.trim(),
            a.dry_run,
        ),
    };
    if slug::key(new).is_empty() || new.chars().any(char::is_control) {
        writeln!(
            io.err,
            "press: {verb} refused: {} is not a speaker name (one line, with letters or digits)",
            quote(new)
        )?;
        return Ok(Exit::Usage);
    }
    let _lock = WriteLock::acquire(root)?;
    let archive = load(root)?;
    let toml_text = rewrite::read_optional(root, directory::FILE)?;
    let directory = match toml_text.as_deref().map(Directory::parse).transpose() {
        Ok(directory) => directory.unwrap_or_default(),
        Err(problems) => {
            io.diagnostics(&problems)?;
            writeln!(
                io.err,
                "press: {verb} refused: {} has errors; fix them first; nothing written",
                directory::FILE
            )?;
            return Ok(Exit::Problems);
        }
    };
    let Renaming { mapping, spellings } = match renaming(&archive, &directory, &olds, new, io)? {
        Ok(renaming) => renaming,
        Err(exit) => return Ok(exit),
    };
    let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
    let new_toml = merge_into(PEOPLE, toml_text.as_deref(), &spellings, new).and_then(|text| {
        match Directory::parse(&text) {
            Ok(_) => Ok(text),
            Err(problems) => Err(format!(
                "the changed {} would not be valid ({}); edit it by hand",
                directory::FILE,
                problems.first().map_or("", |d| d.message.as_str())
            )),
        }
    });
    let text = |text: &str| items::map_values(text, "speaker", Some("name"), &mapping);
    let record = |statement: &Statement| expected(statement, &mapping);
    let edit = Edit {
        text: &text,
        record: &record,
    };
    let file = FileUpdate {
        path: directory::FILE,
        old: toml_text,
        new: Some(new_toml),
    };
    let rename = BulkRename {
        verb,
        names: "speakers",
        done,
        dry_run,
    };
    rewrite::bulk_rename(&archive, &edit, file, &rename, io)
}

/// What a rename or merge does: the slug of each spelling of each old name, and of the new
/// one, to the new name, and the old spellings to record as aliases.
struct Renaming {
    mapping: HashMap<String, String>,
    spellings: Vec<String>,
}

/// The renaming of `olds` into `new`, or the exit of a refusal: an old name that neither a
/// statement nor the directory knows.
fn renaming(
    archive: &Archive,
    directory: &Directory,
    olds: &[&str],
    new: &str,
    io: &mut Io<'_>,
) -> anyhow::Result<Result<Renaming, Exit>> {
    let all: Vec<&Statement> = archive.statements.iter().collect();
    let groups = query::group(&all, GroupBy::Speaker);
    let mut mapping = HashMap::default();
    let mut spellings = Vec::new();
    for old in olds {
        let key = slug::key(old);
        let person = directory.person(old);
        let keys: Vec<String> = match person {
            Some(person) => std::iter::once(&person.name)
                .chain(&person.aliases)
                .map(|s| slug::key(s))
                .collect(),
            None => vec![key.clone()],
        };
        let named = all.iter().any(|s| {
            s.speakers.iter().any(|speaker| {
                speaker
                    .name
                    .as_deref()
                    .is_some_and(|name| keys.contains(&slug::key(name)))
            })
        });
        if !named && person.is_none() {
            writeln!(io.err, "press: no speaker {}", quote(old))?;
            if let Some(group) = groups.iter().find(|g| g.slug == key) {
                writeln!(
                    io.err,
                    "  help: {} speaks as an organization (without `name`); press speakers renames people only",
                    quote(&group.name)
                )?;
            } else if let Some(near) =
                vocabulary::nearest(old, groups.iter().map(|g| g.name.as_str()))
            {
                writeln!(io.err, "  help: did you mean {}?", quote(near))?;
            }
            return Ok(Err(Exit::Problems));
        }
        // The spelling the statements use (the newest's), as the alias to record.
        let spelling = match groups.iter().find(|g| person.is_none() && g.slug == key) {
            Some(group) => group.name.clone(),
            None => (*old).to_owned(),
        };
        spellings.push(spelling);
        for key in keys {
            mapping.insert(key, new.to_owned());
        }
    }
    mapping.insert(slug::key(new), new.to_owned());
    Ok(Ok(Renaming { mapping, spellings }))
}

/// The statement as it must read after the change, or `None` when the change leaves it alone:
/// each named speaker as [`items::Renaming`] says, the others as they were.
fn expected(statement: &Statement, mapping: &HashMap<String, String>) -> Option<Statement> {
    let mut renaming = items::Renaming::new(mapping);
    let mut changed = false;
    let mut speakers = Vec::with_capacity(statement.speakers.len());
    for speaker in &statement.speakers {
        let Some(name) = &speaker.name else {
            speakers.push(speaker.clone());
            continue;
        };
        match renaming.fate(name) {
            Fate::Keep => speakers.push(speaker.clone()),
            Fate::Replace(new) => {
                changed |= new != *name;
                let mut speaker = speaker.clone();
                speaker.name = Some(new);
                speakers.push(speaker);
            }
            Fate::Remove => changed = true,
        }
    }
    changed.then(|| Statement {
        speakers,
        ..statement.clone()
    })
}
