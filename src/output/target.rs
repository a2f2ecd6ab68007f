//! Which folders `press export` may write ([`Target::check`]), and what the previous export
//! left there: its manifest's files and the state it recorded of each ([`PreviousFiles`]).

use std::borrow::Cow;
use std::fs;
use std::hash::BuildHasher as _;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The manifest of files `press export` wrote, inside the output folder.
pub const MANIFEST: &str = ".press-manifest";

/// The fingerprints of the previous export, inside the output folder.
pub const STATE: &str = ".press-state";

/// Which build wrote a state file: another build's fingerprints are not trusted, even one with
/// the same version number whose rendering code differs.
pub(super) fn state_identity() -> String {
    format!(
        "press-state 1 {} {:016x}",
        env!("CARGO_PKG_VERSION"),
        RENDER_FINGERPRINT
    )
}

/// The source of everything that shapes exported pages, besides the templates (which the pages'
/// fingerprints cover).
const RENDER_FINGERPRINT: u64 = crate::cache::source_fingerprint(&[
    include_bytes!("../output.rs"),
    include_bytes!("../links/mod.rs"),
    include_bytes!("../links/check.rs"),
    include_bytes!("../links/pages.rs"),
    include_bytes!("../links/scan.rs"),
    include_bytes!("../slug.rs"),
    include_bytes!("../statement/parse.rs"),
    include_bytes!("../statement/summary.rs"),
    include_bytes!("../render/chart.rs"),
    include_bytes!("../render/feed.rs"),
    include_bytes!("../render/html.rs"),
    include_bytes!("../render/redirect.rs"),
    include_bytes!("../render/sanitize.rs"),
    include_bytes!("../render/search.rs"),
    include_bytes!("../render/site.rs"),
]);

/// What the previous export recorded of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Recorded {
    pub(super) fingerprint: u64,
    pub(super) size: u64,
    pub(super) modified: i128,
}

/// The state file (its paths borrowed from where they lie, both ways).
#[derive(Serialize, Deserialize)]
pub(super) struct StoredState<'a> {
    pub(super) identity: String,
    pub(super) files: Vec<(Cow<'a, str>, Recorded)>,
}

/// What this export did with one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Produced {
    pub(super) fingerprint: Option<u64>,
    /// Kept as the previous export left it (its record still holds).
    pub(super) kept: bool,
}

/// An output folder that press may write, with what its previous export left.
#[derive(Debug)]
pub struct Target {
    pub(super) dir: PathBuf,
    pub(super) previous: PreviousFiles,
}

/// The files the previous export's manifest lists, sorted by path, each found by its path
/// through a table of indices (so no path is held twice).
#[derive(Debug, Default)]
pub(super) struct PreviousFiles {
    pub(super) files: Vec<PreviousFile>,
    /// Indices into `files`, by the hash of their paths ([`PreviousFiles::indexed`]).
    table: hashbrown::HashTable<usize>,
    hasher: foldhash::fast::FixedState,
}

/// One file of the previous export: what its state recorded of it, and what this export does
/// with it.
#[derive(Debug)]
pub(super) struct PreviousFile {
    pub(super) path: String,
    /// Its record in the previous export's state ([`Target::read_records`]).
    pub(super) recorded: Option<Recorded>,
    /// Set once this export produces it.
    pub(super) produced: OnceLock<Produced>,
}

impl Target {
    /// Refuses output folders that are not press's to write; reads the previous manifest.
    pub fn check(out: &Path, root: &Path, force: bool) -> anyhow::Result<Self> {
        let target = absolute(out)?;
        let root_abs = absolute(root)?;
        let cwd = absolute(Path::new("."))?;
        let shown = out.display();
        if target == cwd {
            bail!(
                "refusing to export into the current folder {shown}: pass --out with a folder of its own, such as site"
            );
        }
        if root_abs.starts_with(&target) {
            bail!(
                "refusing to export into {shown}: it holds the archive itself (statements/); pass --out with a folder of its own, such as site"
            );
        }
        if target.starts_with(root_abs.join("statements")) {
            bail!("refusing to export into {shown}: it is inside statements/");
        }
        if target.starts_with(root_abs.join("templates")) {
            bail!("refusing to export into {shown}: it is inside templates/");
        }
        let dir = out.to_owned();
        if !target.exists() {
            return Ok(Self {
                dir,
                previous: PreviousFiles::default(),
            });
        }
        if !target.is_dir() {
            bail!("refusing to export into {shown}: it is not a folder");
        }
        let manifest = target.join(MANIFEST);
        let previous = match fs::read_to_string(&manifest) {
            Ok(text) => parse_manifest(&text),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                let empty = fs::read_dir(&target)
                    .with_context(|| format!("cannot read {shown}"))?
                    .next()
                    .is_none();
                if !empty && !force {
                    bail!(
                        "refusing to export into {shown}: the folder is not empty and press did not create it (no {MANIFEST}); pass --force to take it over (only files press writes are replaced)"
                    );
                }
                Vec::new()
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot read {}", manifest.display()));
            }
        };
        Ok(Self {
            dir,
            previous: PreviousFiles {
                files: previous
                    .into_iter()
                    .map(|path| PreviousFile {
                        path,
                        recorded: None,
                        produced: OnceLock::new(),
                    })
                    .collect(),
                ..PreviousFiles::default()
            }
            .indexed(),
        })
    }

    /// Reads the state of the previous export (a missing or unreadable state only means every
    /// page is rendered); only reads, so it can go on while the archive loads.
    pub fn read_records(mut self) -> Self {
        let previous = &mut self.previous;
        if let Ok(bytes) = fs::read(self.dir.join(STATE))
            && let Ok(state) = postcard::from_bytes::<StoredState<'_>>(&bytes)
            && state.identity == state_identity()
        {
            // Both lists are sorted by path (a state that is not only keeps fewer pages; of a
            // path it lists twice, the last record holds).
            let mut files = previous.files.iter_mut().peekable();
            for (path, record) in state.files {
                while files.next_if(|file| *file.path < *path).is_some() {}
                if let Some(file) = files.peek_mut()
                    && *file.path == *path
                {
                    file.recorded = Some(record);
                }
            }
        }
        self
    }
}

impl PreviousFiles {
    /// With the table that finds each file by its path.
    fn indexed(mut self) -> Self {
        let Self {
            files,
            table,
            hasher,
        } = &mut self;
        table.reserve(files.len(), |&i| hasher.hash_one(&files[i].path));
        for (i, file) in files.iter().enumerate() {
            table.insert_unique(hasher.hash_one(&file.path), i, |&i| {
                hasher.hash_one(&files[i].path)
            });
        }
        self
    }

    /// The previous export's file at `path`.
    pub(super) fn get(&self, path: &str) -> Option<&PreviousFile> {
        let hash = self.hasher.hash_one(path);
        self.table
            .find(hash, |&i| self.files[i].path == path)
            .map(|&i| &self.files[i])
    }

    /// The files under `folder` (a prefix of their paths): they lie side by side.
    pub(super) fn under(&self, folder: &str) -> &[PreviousFile] {
        let start = self
            .files
            .partition_point(|file| file.path.as_str() < folder);
        let len = self.files[start..]
            .iter()
            .take_while(|file| file.path.starts_with(folder))
            .count();
        &self.files[start..start + len]
    }
}

/// An absolute path with symlinks resolved as far as the path exists, and `.`/`..` removed.
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let joined = cwd.join(path);
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve the longest existing ancestor, then add back what does not exist yet.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = parent.to_owned();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// The files a manifest lists, sorted, keeping only plain relative paths (a tampered manifest
/// can never point outside the output folder).
fn parse_manifest(text: &str) -> Vec<String> {
    // Split as `lines` does (a line's `\r` before its `\n` goes, a last one without stays),
    // then checked on every core.
    let lines: Vec<&str> = text.lines().collect();
    let mut paths: Vec<String> = lines
        .into_par_iter()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter(|line| is_plain_relative(line))
        .map(str::to_owned)
        .collect();
    // press writes it sorted; a manifest edited by hand may not be.
    if !paths.is_sorted() {
        paths.par_sort_unstable();
    }
    paths.dedup();
    paths
}

/// A relative path with `/` that stays inside the folder and is none of press's own files.
pub(super) fn is_plain_relative(path: &str) -> bool {
    !path.starts_with(".press")
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_never_point_outside() {
        let parsed = parse_manifest(
            "# header\nindex.html\n../../etc/passwd\n/etc/passwd\na/./b\n.press-manifest\n.press-state\ntopics/x/index.html\n",
        );
        assert_eq!(parsed, ["index.html", "topics/x/index.html"]);
    }

    #[test]
    fn previous_files_are_found_by_path_and_by_folder() {
        let paths = [
            "index.html",
            "search-x/a.js",
            "search/a.js",
            "search/b/c.js",
            "topics/index.html",
        ];
        let previous = PreviousFiles {
            files: paths
                .iter()
                .map(|path| PreviousFile {
                    path: (*path).to_owned(),
                    recorded: None,
                    produced: OnceLock::new(),
                })
                .collect(),
            ..PreviousFiles::default()
        }
        .indexed();
        for path in paths {
            assert_eq!(previous.get(path).map(|f| f.path.as_str()), Some(path));
        }
        assert!(previous.get("search").is_none());
        assert!(previous.get("index.htm").is_none());
        let under = |folder| -> Vec<&str> {
            previous
                .under(folder)
                .iter()
                .map(|f| f.path.as_str())
                .collect()
        };
        assert_eq!(under("search/"), ["search/a.js", "search/b/c.js"]);
        assert_eq!(under("topics/"), ["topics/index.html"]);
        assert!(under("feeds/").is_empty());
        assert!(under("zzz/").is_empty());
    }

    #[test]
    fn a_manifest_edited_by_hand_reads_sorted_without_repeats() {
        let parsed = parse_manifest("# header\nb/index.html\na.html\nb/index.html\n\na.html\n");
        assert_eq!(parsed, ["a.html", "b/index.html"]);
        // Lines split as `str::lines` splits them.
        let parsed = parse_manifest("# header\r\na.html\r\nb.html\r");
        assert_eq!(parsed, ["a.html", "b.html\r"]);
    }
}
