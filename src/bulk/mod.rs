//! The bulk-rewrite engine: one text edit applied to every statement file it concerns, planned
//! and proven before anything is written.
//!
//! [`plan`] reads each affected file, applies the edit to its text (only the values it names
//! change, see [`items`]), parses the result and requires it to be the statement the caller
//! expects (the old one with the edited values changed), or refuses. A file with errors that the
//! edit would touch stops the plan ([`Refusal::Broken`]): nothing is written. [`write`] then puts
//! each file in place atomically ([`file::replace`]) and, on a failure part-way, says which files
//! are new and which are still old. [`unified_diff`] shows a change for `--dry-run`.

pub mod file;
pub mod items;
mod maps;
mod scalar;

#[cfg(test)]
mod command_tests;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::archive::Archive;
use crate::statement::{self, Statement};

/// One file to change: its path, its text as read (`None`: a new file), its new text, where it
/// goes (a moved file only), and what changes in it (for the summary).
#[derive(Debug, Clone)]
pub struct Change {
    /// Path from the archive root.
    pub path: String,
    /// The text as read; `None` when the file does not exist yet.
    pub old: Option<String>,
    /// The text to write.
    pub new: String,
    /// The new path of a moved file.
    pub moved_to: Option<String>,
    /// What changes, in words ("topics", "slug", "2 links").
    pub what: Vec<String>,
}

impl Change {
    /// The path the new text is written at.
    pub fn target(&self) -> &str {
        self.moved_to.as_deref().unwrap_or(&self.path)
    }

    /// The path as a summary line shows it (`old -> new` for a moved file).
    pub fn shown(&self) -> String {
        match &self.moved_to {
            Some(to) => format!("{} -> {to}", self.path),
            None => self.path.clone(),
        }
    }
}

/// The edit a bulk command makes, given as two views of the same change.
pub struct Edit<'a> {
    /// The new text of a file (`Ok(None)`: nothing to change in it; `Err`: the text has a shape
    /// the edit cannot change, in words).
    pub text: &'a (dyn Fn(&str) -> Result<Option<String>, String> + Sync),
    /// The record a statement must become, or `None` when the edit does not concern it.
    pub record: &'a (dyn Fn(&Statement) -> Option<Statement> + Sync),
}

/// Why a plan was refused: nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Files with errors that the edit would touch (exit 1: fix them first).
    Broken(Vec<String>),
    /// A file the edit cannot change safely, and why (exit 2).
    Cannot(String),
}

/// Every change `edit` makes to the archive's statement files, each proven by parsing it again.
pub fn plan(archive: &Archive, edit: &Edit<'_>) -> anyhow::Result<Result<Vec<Change>, Refusal>> {
    let root = archive.root.as_path();
    let broken: BTreeSet<&str> = archive
        .errors()
        .map(|d| d.path.as_str())
        .filter(|p| p.starts_with("statements/") && p.ends_with(".md"))
        .collect();
    let mut refused = Vec::new();
    for path in &broken {
        let Ok(text) = fs::read_to_string(root.join(path)) else {
            continue;
        };
        if !matches!((edit.text)(&text), Ok(None)) {
            refused.push((*path).to_owned());
        }
    }
    if !refused.is_empty() {
        return Ok(Err(Refusal::Broken(refused)));
    }
    let mut changes = Vec::new();
    for statement in &archive.statements {
        if broken.contains(statement.path.as_str()) {
            continue;
        }
        let Some(expected) = (edit.record)(statement) else {
            continue;
        };
        match change(root, statement, &expected, edit)? {
            Ok(Some(change)) => changes.push(change),
            Ok(None) => {}
            Err(reason) => return Ok(Err(Refusal::Cannot(reason))),
        }
    }
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Ok(changes))
}

/// The change of one statement file, proven: its new text parses to `expected`.
fn change(
    root: &Path,
    statement: &Statement,
    expected: &Statement,
    edit: &Edit<'_>,
) -> anyhow::Result<Result<Option<Change>, String>> {
    let path = &statement.path;
    let text = fs::read_to_string(root.join(path))
        .map_err(|err| anyhow::anyhow!("cannot read {path}: {err}"))?;
    let new = match (edit.text)(&text) {
        Ok(Some(new)) => new,
        Ok(None) if expected == statement => return Ok(Ok(None)),
        Ok(None) => {
            return Ok(Err(format!(
                "cannot find the values to change in {path}; edit it by hand"
            )));
        }
        Err(shape) => return Ok(Err(format!("{path}: {shape}; edit it by hand"))),
    };
    let parsed = statement::parse(path, new.as_bytes());
    let Some(mut got) = parsed
        .statement
        .filter(|_| parsed.diagnostics.iter().all(|d| !d.is_error()))
    else {
        return Ok(Err(format!(
            "the changed {path} would not parse; edit it by hand"
        )));
    };
    got.body.clone_from(&expected.body);
    got.body_line = expected.body_line;
    if got != *expected {
        return Ok(Err(format!(
            "the changed {path} would differ in more than the changed values; edit it by hand"
        )));
    }
    Ok(Ok(Some(Change {
        path: path.clone(),
        old: Some(text),
        new,
        moved_to: None,
        what: Vec::new(),
    })))
}

/// A write that failed part-way: the error, the files already written (at their new paths) and
/// those left as they were.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub error: anyhow::Error,
    /// Files written, in order.
    pub done: Vec<String>,
    /// Files not written (the failed one first).
    pub left: Vec<String>,
}

/// Writes the changes in order, each atomically; stops at the first failure.
pub fn write(root: &Path, changes: &[Change]) -> Result<(), Failure> {
    let mut done = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        let old = change.old.as_deref().map(str::as_bytes);
        if let Err(error) = file::replace(
            root,
            &change.path,
            change.target(),
            old,
            change.new.as_bytes(),
        ) {
            return Err(Failure {
                error,
                done,
                left: changes[index..].iter().map(|c| c.path.clone()).collect(),
            });
        }
        done.push(change.target().to_owned());
    }
    Ok(())
}

/// The change as a unified diff (`--- a/PATH`, `+++ b/PATH`, three lines of context), as
/// `git diff` shows it.
pub fn unified_diff(change: &Change) -> String {
    let old = change.old.as_deref().unwrap_or("");
    let diff = similar::TextDiff::from_lines(old, change.new.as_str());
    let from = if change.old.is_some() {
        format!("a/{}", change.path)
    } else {
        "/dev/null".to_owned()
    };
    diff.unified_diff()
        .context_radius(3)
        .header(&from, &format!("b/{}", change.target()))
        .to_string()
}
