//! The output folder of `press export`: which folders it may write, and how it writes them.
//!
//! Safety comes in three steps. [`Target::check`] refuses folders that are not press's to write
//! (the current folder, the archive, a non-empty folder without a manifest). While the site
//! renders, [`Output`] compares each file with what is on disk and stages only changed ones as
//! files of a hidden staging folder inside the output folder, so a failure midway (a template
//! error, a statement that changed) leaves the published site untouched and the staging folder
//! is removed. [`Output::commit`] then renames every staged file into place (each file is either
//! old or new, never half-written), removes the files of the previous export that are no longer
//! produced (only those its manifest lists), and writes the manifest and the state.
//!
//! Into an empty folder there is no published site to protect: files are written in place, and
//! a failed export empties the folder again.
//!
//! The state (`.press-state`) records each page's fingerprint, size and modification time, so
//! the next export can keep a page whose inputs did not change without rendering it
//! ([`crate::render::site`]); a page edited by hand no longer matches and is rendered again.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, bail};
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;

use crate::render::site::Sink;

mod target;

pub use target::{MANIFEST, STATE, Target};
use target::{
    PreviousFile, PreviousFiles, Produced, Recorded, StoredState, is_plain_relative, state_identity,
};

/// First line of the manifest.
const MANIFEST_HEADER: &str =
    "# Files written by `press export`, one per line. It removes only files listed here.";

/// What an export did to the output folder.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files of the previous export removed.
    pub removed: usize,
}

/// An output folder being written: a [`Sink`] for the rendered site.
pub struct Output {
    dir: PathBuf,
    /// Created by this export (removed again if it fails and the folder is empty).
    created: bool,
    /// Files go straight into place: the folder was empty, so nothing published can break.
    direct: bool,
    staging: Option<tempfile::TempDir>,
    /// The previous export's files, and which of them this export produces.
    previous: PreviousFiles,
    /// The paths produced that the previous export did not, with their fingerprints.
    new: Mutex<HashMap<String, Produced>>,
    /// Staged files: the file in the staging folder, its path in the site, and its size and
    /// modification time as written (a rename keeps both).
    staged: Mutex<Vec<(PathBuf, String, fs::Metadata)>>,
    next_name: AtomicUsize,
    /// The folders written into directly so far (a statement's page and its citation files
    /// share one): each is created once.
    folders: Mutex<HashSet<PathBuf>>,
}

impl Target {
    /// Creates the folder if needed and a staging folder inside it.
    pub fn open(self) -> anyhow::Result<Output> {
        let dir = self.dir;
        let created = !dir.exists();
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let direct = fs::read_dir(&dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_none();
        let staging = if direct {
            None
        } else {
            Some(
                tempfile::Builder::new()
                    .prefix(".press-staging-")
                    .tempdir_in(&dir)
                    .with_context(|| {
                        format!("cannot create a staging folder in {}", dir.display())
                    })?,
            )
        };
        Ok(Output {
            dir,
            created,
            direct,
            staging,
            previous: self.previous,
            new: Mutex::new(HashMap::default()),
            staged: Mutex::new(Vec::new()),
            next_name: AtomicUsize::new(0),
            folders: Mutex::new(HashSet::default()),
        })
    }
}

impl Output {
    /// Moves every staged file into place, removes the previous export's files that are no
    /// longer produced, and writes the manifest and the state.
    pub fn commit(mut self) -> anyhow::Result<Counts> {
        let new = std::mem::take(&mut *lock(&self.new));
        let mut staged = std::mem::take(&mut *lock(&self.staged));
        staged.par_sort_unstable_by(|a, b| a.1.cmp(&b.1));
        let produced_again = self
            .previous
            .files
            .par_iter()
            .filter(|file| file.produced.get().is_some())
            .count();
        let mut counts = Counts {
            written: staged.len(),
            unchanged: produced_again + new.len() - staged.len(),
            removed: 0,
        };
        if !self.direct {
            // Nothing is moved or removed until every folder on the way is known to be real.
            let stale = self
                .previous
                .files
                .iter()
                .filter(|file| file.produced.get().is_none())
                .map(|file| file.path.as_str());
            real_folders(&self.dir, stale, false)?;
            real_folders(
                &self.dir,
                staged.iter().map(|(_, path, _)| path.as_str()),
                true,
            )?;
            staged.par_iter().try_for_each(|(file, path, _)| {
                let target = self.dir.join(path);
                fs::rename(file, &target)
                    .with_context(|| format!("cannot write {}", target.display()))
            })?;
        }
        // The previous export's files not produced again go.
        for old in &self.previous.files {
            if old.produced.get().is_some() {
                continue;
            }
            let target = self.dir.join(&old.path);
            match fs::remove_file(&target) {
                Ok(()) => counts.removed += 1,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => {
                    return Err(err).with_context(|| format!("cannot remove {}", target.display()));
                }
            }
            // Remove folders this left empty, up to the output folder.
            let mut dir = target.parent();
            while let Some(d) = dir {
                if d == self.dir || fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        let paths = self.produced(&new);
        // The manifest and the state are made and written side by side.
        let (manifest, ()) = rayon::join(
            || {
                let mut manifest = String::with_capacity(
                    MANIFEST_HEADER.len()
                        + paths
                            .iter()
                            .map(|(path, _, _)| path.len() + 1)
                            .sum::<usize>()
                        + 1,
                );
                manifest.push_str(MANIFEST_HEADER);
                manifest.push('\n');
                for (path, _, _) in &paths {
                    manifest.push_str(path);
                    manifest.push('\n');
                }
                self.replace(MANIFEST, manifest.as_bytes())
            },
            || self.write_state(&paths, &staged),
        );
        manifest?;
        self.created = false;
        self.direct = false;
        Ok(counts)
    }

    /// Every path this export produced, in order, with what it did and the previous export's
    /// record: the previous files (in order already) and the `new` ones.
    fn produced<'a>(
        &'a self,
        new: &'a HashMap<String, Produced>,
    ) -> Vec<(&'a str, Produced, Option<Recorded>)> {
        let mut paths: Vec<(&str, Produced, Option<Recorded>)> = self
            .previous
            .files
            .iter()
            .filter_map(|file| Some((file.path.as_str(), *file.produced.get()?, file.recorded)))
            .chain(
                new.iter()
                    .map(|(path, produced)| (path.as_str(), *produced, None)),
            )
            .collect();
        if !new.is_empty() {
            paths.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        }
        paths
    }

    /// Writes the state: each produced file's fingerprint, size and modification time. A state
    /// that cannot be written only costs the next export its shortcut.
    fn write_state(
        &self,
        paths: &[(&str, Produced, Option<Recorded>)],
        staged: &[(PathBuf, String, fs::Metadata)],
    ) {
        // A kept file is as the previous export recorded it (keep checked), a written one as
        // its write left it: only files found equal on disk need a look at it.
        let written: HashMap<&str, &fs::Metadata> = staged
            .iter()
            .map(|(_, path, meta)| (path.as_str(), meta))
            .collect();
        let files: Vec<(Cow<'_, str>, Recorded)> = paths
            .par_iter()
            .filter_map(|&(path, produced, old)| {
                let fingerprint = produced.fingerprint?;
                let record = match (old, written.get(path)) {
                    (Some(old), _) if produced.kept => old,
                    (_, Some(meta)) => recorded(&fingerprint, meta),
                    _ => recorded(&fingerprint, &fs::metadata(self.dir.join(path)).ok()?),
                };
                Some((Cow::Borrowed(path), record))
            })
            .collect();
        let state = StoredState {
            identity: state_identity(),
            files,
        };
        // Sized up front (a path and some 30 bytes of record per file): grown as it goes, the
        // buffer would be copied many times over.
        let size = state.files.iter().map(|(path, _)| path.len() + 36).sum();
        if let Ok(bytes) = postcard::to_extend(&state, Vec::with_capacity(size)) {
            let _ = self.replace(STATE, &bytes);
        }
    }

    /// Writes one of press's own files in the output folder atomically.
    fn replace(&self, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let path = self.dir.join(name);
        if same_bytes(&path, bytes) {
            return Ok(());
        }
        let mut file = tempfile::Builder::new()
            .prefix(".press-")
            .tempfile_in(&self.dir)
            .with_context(|| format!("cannot create a temporary file in {}", self.dir.display()))?;
        file.write_all(bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        file.persist(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// Whether the previous export made `file` from inputs with this fingerprint and it is
    /// still as it left it (same size and modification time).
    fn unchanged(&self, file: &PreviousFile, fingerprint: u64) -> bool {
        file.recorded.is_some_and(|recorded| {
            recorded.fingerprint == fingerprint
                && fs::symlink_metadata(self.dir.join(&file.path)).is_ok_and(|meta| {
                    meta.is_file() && self::recorded(&fingerprint, &meta) == recorded
                })
        })
    }

    /// Records `path` as produced (and whether it was kept); false when it already was (a
    /// file two statements link to): the first one holds, as its bytes are the ones written.
    /// Where a new file for `path` is written: in the staging folder, else (into an empty
    /// folder) at its place, in folders created as needed.
    fn new_file(&self, path: &str) -> anyhow::Result<PathBuf> {
        Ok(match &self.staging {
            Some(staging) => {
                let name = self.next_name.fetch_add(1, Ordering::Relaxed);
                staging.path().join(name.to_string())
            }
            None => {
                let file = self.dir.join(path);
                if let Some(parent) = file.parent()
                    && !lock(&self.folders).contains(parent)
                {
                    create_folder(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                    lock(&self.folders).insert(parent.to_owned());
                }
                file
            }
        })
    }

    fn produce(&self, path: &str, fingerprint: Option<u64>, kept: bool) -> bool {
        let produced = Produced { fingerprint, kept };
        match self.previous.get(path) {
            Some(file) => file.produced.set(produced).is_ok(),
            None => match lock(&self.new).entry(path.to_owned()) {
                std::collections::hash_map::Entry::Occupied(_) => false,
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(produced);
                    true
                }
            },
        }
    }
}

impl Sink for Output {
    fn keep(&self, path: &str, fingerprint: u64) -> bool {
        let Some(file) = self.previous.get(path) else {
            return false;
        };
        let unchanged = self.unchanged(file, fingerprint);
        if unchanged {
            let _ = file.produced.set(Produced {
                fingerprint: Some(fingerprint),
                kept: true,
            });
        }
        unchanged
    }

    fn keep_all(&self, folder: &str, fingerprint: u64) -> bool {
        // The files of one group share their fingerprint, which no other file has.
        let files: Vec<&PreviousFile> = self
            .previous
            .under(folder)
            .iter()
            .filter(|file| file.recorded.is_some_and(|r| r.fingerprint == fingerprint))
            .collect();
        let unchanged =
            !files.is_empty() && files.iter().all(|file| self.unchanged(file, fingerprint));
        if unchanged {
            for file in files {
                let _ = file.produced.set(Produced {
                    fingerprint: Some(fingerprint),
                    kept: true,
                });
            }
        }
        unchanged
    }

    fn put(&self, path: String, fingerprint: Option<u64>, bytes: Vec<u8>) -> anyhow::Result<()> {
        if !is_plain_relative(&path) {
            bail!("internal error: refusing to write {path:?} outside the output folder");
        }
        // Into an empty folder there is nothing to compare with.
        if !self.produce(&path, fingerprint, false)
            || (!self.direct && same_bytes(&self.dir.join(&path), &bytes))
        {
            return Ok(());
        }
        // No fsync per file: at thousands of files it costs minutes, and the rename already
        // guarantees that readers and a crashed export see either the old or the new file.
        let file = self.new_file(&path)?;
        let meta = write_file(&file, &bytes)
            .with_context(|| format!("cannot write {}", file.display()))?;
        lock(&self.staged).push((file, path, meta));
        Ok(())
    }

    fn put_made(
        &self,
        path: String,
        make: &mut dyn FnMut(&Path) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        if !is_plain_relative(&path) {
            bail!("internal error: refusing to write {path:?} outside the output folder");
        }
        if !self.produce(&path, None, false) {
            return Ok(());
        }
        let file = self.new_file(&path)?;
        let made = make(&file).and_then(|()| {
            let old = self.dir.join(&path);
            let same = !self.direct
                && fs::symlink_metadata(&old).is_ok_and(|meta| meta.is_file())
                && crate::db::file::same_bytes(&file, &old)?;
            Ok((same, fs::metadata(&file)?))
        });
        match made {
            Ok((false, meta)) => {
                lock(&self.staged).push((file, path, meta));
                Ok(())
            }
            Ok((true, _)) | Err(_) => {
                let _ = fs::remove_file(&file);
                made.map(drop)
            }
        }
    }

    fn paths(&self) -> Vec<String> {
        let new = lock(&self.new);
        self.produced(&new)
            .into_iter()
            .map(|(path, _, _)| path.to_owned())
            .collect()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // An export that did not commit leaves the folder as it found it: the staging folder
        // goes (with the staged files); a folder that was empty is emptied again; one this
        // export created is removed.
        drop(self.staging.take());
        if self.direct {
            for (file, _, _) in lock(&self.staged).iter() {
                let _ = fs::remove_file(file);
            }
            // The folders on the way to every path this export took: also those of a file
            // that failed to be written or made (its folders were created all the same).
            let mut folders: Vec<PathBuf> = lock(&self.new)
                .keys()
                .flat_map(|path| {
                    let file = self.dir.join(path);
                    file.ancestors()
                        .skip(1)
                        .map(Path::to_path_buf)
                        .collect::<Vec<_>>()
                })
                .filter(|folder| folder.starts_with(&self.dir) && *folder != self.dir)
                .collect();
            // Deepest first, so each folder is empty when its turn comes.
            folders.sort_by(|a, b| (b.components().count(), b).cmp(&(a.components().count(), a)));
            folders.dedup();
            for folder in folders {
                let _ = fs::remove_dir(folder);
            }
        }
        if self.created {
            let _ = fs::remove_dir(&self.dir);
        }
    }
}

/// Locks a mutex, also when another thread panicked holding it (the data stays usable).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What to record of a file with this fingerprint.
/// Creates `folder` and any missing parents: one system call for a folder whose parent exists
/// (most folders of a site), where `create_dir_all` looks at the folder first.
fn create_folder(folder: &Path) -> std::io::Result<()> {
    match fs::create_dir(folder) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => fs::create_dir_all(folder),
        // Something else by that name makes the write into it fail, with its own message.
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

/// Checks that every folder on the way to the files at `paths` (relative to `dir`) is a real
/// folder, parents first, creating missing ones when `create` is set. A symbolic link (or a
/// file) where a folder belongs is refused: a file moved or removed through it would land
/// outside the output folder.
fn real_folders<'a>(
    dir: &Path,
    paths: impl Iterator<Item = &'a str>,
    create: bool,
) -> anyhow::Result<()> {
    let mut folders = BTreeSet::new();
    for path in paths {
        for folder in Path::new(path).ancestors().skip(1) {
            // Once a folder is in, so are its parents.
            if folder.as_os_str().is_empty() || !folders.insert(folder) {
                break;
            }
        }
    }
    // A parent sorts before its children.
    for folder in folders {
        let path = dir.join(folder);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) => bail!(
                "{} is {} where the site has a folder: press writes only inside its output \
                 folder (remove it, and export again)",
                path.display(),
                if meta.is_symlink() {
                    "a symbolic link"
                } else {
                    "not a folder"
                }
            ),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if create {
                    fs::create_dir(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                }
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot read {}", path.display()));
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to a new or truncated `file`; its size and modification time once written.
fn write_file(file: &Path, bytes: &[u8]) -> std::io::Result<fs::Metadata> {
    let mut handle = fs::File::create(file)?;
    handle.write_all(bytes)?;
    handle.metadata()
}

fn recorded(fingerprint: &u64, meta: &fs::Metadata) -> Recorded {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Recorded {
        fingerprint: *fingerprint,
        size: meta.len(),
        modified,
    }
}

/// Whether the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

#[cfg(test)]
mod write_tests;

#[cfg(test)]
mod disk_tests;
