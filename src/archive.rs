//! The archive on disk: find `statements/**/*.md`, parse them in parallel, check what only the
//! whole archive can show, and write new statement files without ever replacing one.
//!
//! Loading never stops at a bad file: every problem becomes a [`Diagnostic`] and the good
//! statements are served. The walk does not follow symlinks (a link is reported instead, so
//! nothing outside `statements/` is read and loops cannot hang it), never opens what is not a
//! regular file (a named pipe, socket or device is reported instead, so none can hang it), skips
//! hidden files, editor lock, swap and backup files, and ignores `.gitignore` (an ignored
//! statement is still read).

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use crate::cache::FileKey;
use crate::diagnostic::Diagnostic;
use crate::statement::{self, Header, Statement};

/// Every statement of an archive, newest first, and every problem found loading them.
#[derive(Debug, Default)]
pub struct Archive {
    /// The archive root (the folder holding `statements/`).
    pub root: PathBuf,
    /// Valid statements, newest first (ties by slug).
    pub statements: Vec<Statement>,
    /// Problems, sorted by path and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many statement files were read.
    pub files: usize,
    /// Whether links to local files were checked while loading (and the text then dropped).
    links_checked: bool,
    /// Links between statements found while loading, judged by [`Archive::lint`].
    statement_links: Vec<crate::links::StatementLink>,
}

/// The outcome of the walk: statement files to parse, and problems with the walk itself.
#[derive(Default)]
pub(crate) struct Walk {
    /// Statement files, relative to the root with `/`, sorted.
    pub(crate) files: Vec<String>,
    /// Each file's identity, when the walk was asked to `stat` them (taken before any read).
    pub(crate) keys: Vec<Option<FileKey>>,
    /// Skipped files and unreadable folders.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Archive {
    /// Loads the archive at `root`: walks `statements/`, parses every file in parallel, and
    /// checks slugs across the archive. Fails only when the folder cannot be read at all.
    pub fn load(root: &Path) -> anyhow::Result<Self> {
        Self::load_with(root, false)
    }

    /// Loads the archive for `check`: as [`Archive::load`], but each file's links to local
    /// files are checked as it is parsed, and its body and background are then dropped, so the
    /// whole archive's text is never held at once.
    pub fn load_for_check(root: &Path) -> anyhow::Result<Self> {
        Self::load_with(root, true)
    }

    fn load_with(root: &Path, check_links_and_drop_text: bool) -> anyhow::Result<Self> {
        let walk = walk(root, false)?;
        let parsed: Vec<(statement::parse::Parsed, Vec<_>)> = walk
            .files
            .par_iter()
            .map(|relative| {
                let mut parsed = read_and_parse(&root.join(relative), relative);
                let mut statement_links = Vec::new();
                if check_links_and_drop_text && let Some(statement) = &mut parsed.statement {
                    let links = crate::links::check_statement(root, statement);
                    parsed.diagnostics.extend(links.diagnostics);
                    statement_links = links.statement_links;
                    statement.body = String::new();
                    statement.background = None;
                }
                (parsed, statement_links)
            })
            .collect();
        let mut archive = Archive {
            root: root.to_owned(),
            files: parsed.len(),
            diagnostics: walk.diagnostics,
            links_checked: check_links_and_drop_text,
            ..Archive::default()
        };
        for (parsed, statement_links) in parsed {
            archive.diagnostics.extend(parsed.diagnostics);
            archive.statements.extend(parsed.statement);
            archive.statement_links.extend(statement_links);
        }
        archive.refuse_duplicate_slugs();
        sort_newest_first(&mut archive.statements);
        archive.sort_diagnostics();
        Ok(archive)
    }

    /// The statement with this slug.
    pub fn find(&self, slug: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.slug.as_str() == slug)
    }

    /// Applies `topics.toml` ([`crate::vocabulary::apply`]): each spelling it knows becomes its
    /// topic's name (so `lint` does not warn about it), with its problems as diagnostics.
    pub fn apply_vocabulary(&mut self) -> anyhow::Result<()> {
        let root = self.root.clone();
        let problems = crate::vocabulary::apply(
            &root,
            self.statements
                .iter_mut()
                .map(|s| (s.path.as_str(), &mut s.topics)),
        )?;
        self.diagnostics.extend(problems);
        self.sort_diagnostics();
        Ok(())
    }

    /// Errors only (the diagnostics that make a file unusable).
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Archive-wide warnings and link checks that `check` (and `export`) add to the per-file
    /// diagnostics: topic spellings that normalise alike, dates and embargoes after `now`, a
    /// `source` used twice, links to local files that do not exist or to statements that are
    /// missing or unpublished, the problems of [`crate::relations::check`] (`language` is the
    /// archive's default language), and translations of unpublished originals
    /// ([`crate::relations::unpublished_originals`]).
    pub fn lint(&mut self, now: DateTime<FixedOffset>, language: &str) {
        let root = self.root.as_path();
        let mut found = Vec::new();
        let mut spellings: HashMap<&str, Vec<(&str, &Statement)>> = HashMap::new();
        let mut sources: HashMap<&str, &Statement> = HashMap::new();
        let mut by_path: Vec<&Statement> = self.statements.iter().collect();
        // Paths are unique: unstable is enough.
        by_path.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
        for statement in by_path {
            for topic in &statement.topics {
                let seen = spellings.entry(topic.slug.as_str()).or_default();
                if let Some((other, first)) = seen.iter().find(|(name, _)| *name != topic.name) {
                    let (line, column) = key_position(root, &statement.path, "topics");
                    found.push(
                        Diagnostic::warning(
                            &statement.path,
                            line,
                            column,
                            format!(
                                "topic {} is spelt {} in {}",
                                crate::diagnostic::quote(&topic.name),
                                crate::diagnostic::quote(other),
                                first.path
                            ),
                        )
                        .with_help("use one spelling; they are the same topic"),
                    );
                }
                if !seen.iter().any(|(name, _)| *name == topic.name) {
                    seen.push((&topic.name, statement));
                }
            }
            if statement.day() > now.date_naive() {
                let (line, column) = key_position(root, &statement.path, "date");
                found.push(Diagnostic::warning(
                    &statement.path,
                    line,
                    column,
                    format!("`date` {} is in the future", statement.published),
                ));
            }
            if let Some(embargo) = statement.embargo.filter(|e| *e > now) {
                let (line, column) = key_position(root, &statement.path, "embargo");
                found.push(Diagnostic::warning(
                    &statement.path,
                    line,
                    column,
                    format!("under embargo until {}", embargo.to_rfc3339()),
                ));
            }
            if let Some(source) = &statement.source {
                match sources.get(source.as_str()) {
                    Some(first) => {
                        let (line, column) = key_position(root, &statement.path, "source");
                        found.push(
                            Diagnostic::warning(
                                &statement.path,
                                line,
                                column,
                                format!(
                                    "`source` {} is also the source of {}",
                                    crate::diagnostic::quote(source),
                                    first.path
                                ),
                            )
                            .with_help("is one of them a duplicate?"),
                        );
                    }
                    None => {
                        sources.insert(source, statement);
                    }
                }
            }
        }
        found.extend(crate::relations::check(root, &self.statements, language));
        found.extend(crate::relations::unpublished_originals(
            root,
            &self.statements,
            now,
        ));
        if !self.links_checked {
            let links: Vec<crate::links::Checked> = self
                .statements
                .par_iter()
                .map(|s| crate::links::check_statement(&self.root, s))
                .collect();
            for checked in links {
                found.extend(checked.diagnostics);
                self.statement_links.extend(checked.statement_links);
            }
        }
        if !self.statement_links.is_empty() {
            let pages = crate::links::Pages::new(&self.statements, now);
            found.extend(self.statement_links.iter().filter_map(|l| pages.judge(l)));
        }
        self.diagnostics.extend(found);
        self.sort_diagnostics();
    }

    /// Keeps the first file (by path) for each slug and reports every other one, naming both.
    fn refuse_duplicate_slugs(&mut self) {
        let duplicates = refuse_duplicate_slugs(&mut self.statements);
        self.diagnostics.extend(duplicates);
    }

    fn sort_diagnostics(&mut self) {
        sort_diagnostics(&mut self.diagnostics);
    }
}

/// Keeps the first statement (by path) for each slug and returns an error for every other one,
/// naming both. (A map of borrowed slugs keeps this cheap at 100,000 statements: no slug is
/// copied, and no sort by slug is needed.)
pub(crate) fn refuse_duplicate_slugs<H: Header>(statements: &mut Vec<H>) -> Vec<Diagnostic> {
    statements.sort_by(|a, b| a.path().cmp(b.path()));
    let mut first_with: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(statements.len(), Default::default());
    let mut refused = vec![false; statements.len()];
    let mut duplicates = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        let first = *first_with.entry(statement.slug().as_str()).or_insert(index);
        if first == index {
            continue;
        }
        refused[index] = true;
        duplicates.push(
            Diagnostic::error(
                statement.path(),
                1,
                1,
                format!(
                    "duplicate slug `{}`: {} has it too",
                    statement.slug(),
                    statements[first].path()
                ),
            )
            .with_help("give one of them another file name or a `slug:` of its own"),
        );
    }
    drop(first_with);
    let mut index = 0;
    statements.retain(|_| {
        index += 1;
        !refused[index - 1]
    });
    duplicates
}

/// Newest first, ties by slug: the archive's order.
pub(crate) fn sort_newest_first<H: Header + Send + Sync>(statements: &mut Vec<H>) {
    // The order is found on indices and the records moved once: sorting the records themselves
    // (hundreds of bytes each) would move each of them many times.
    let mut order: Vec<usize> = (0..statements.len()).collect();
    // Unstable is enough: slugs are unique by now, so no two keys are equal.
    order.par_sort_unstable_by(|&a, &b| {
        let (a, b) = (&statements[a], &statements[b]);
        b.day().cmp(&a.day()).then_with(|| a.slug().cmp(b.slug()))
    });
    let mut records: Vec<Option<H>> = statements.drain(..).map(Some).collect();
    statements.extend(order.into_iter().filter_map(|i| records[i].take()));
}

/// By path and position, without repeats.
pub(crate) fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    diagnostics.dedup();
}

/// Where the front-matter `key` of the statement file at `path` (relative to `root`) is, for
/// archive-wide warnings about its value; line 1 when the file cannot be read again.
pub(crate) fn key_position(root: &Path, path: &str, key: &str) -> (usize, usize) {
    fs::read(root.join(path))
        .ok()
        .and_then(|bytes| statement::parse::decode(path, &bytes).ok())
        .and_then(|text| statement::parse::key_position(&text, key))
        .unwrap_or((1, 1))
}

/// Reads one file (refusing oversized ones before reading) and parses it.
pub(crate) fn read_and_parse(path: &Path, relative: &str) -> statement::parse::Parsed {
    let limit = statement::parse::LIMITS.file_bytes as u64;
    // One open, one fstat, one read. An oversized file is never read: its size on disk is
    // reported; one that grew since the fstat is read only a little past the limit.
    let read = fs::File::open(path).and_then(|file| {
        let size = file.metadata().map_or(0, |m| m.len());
        if size > limit {
            return Ok(Err(size));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit + 1)).unwrap_or(0));
        io::Read::read_to_end(&mut io::Read::take(file, limit + 1), &mut bytes)?;
        Ok(Ok(bytes))
    });
    match read {
        Ok(Ok(bytes)) => statement::parse(relative, &bytes),
        Ok(Err(size)) => statement::parse::Parsed {
            diagnostics: vec![statement::parse::too_large(relative, size)],
            ..Default::default()
        },
        Err(err) => statement::parse::Parsed {
            diagnostics: vec![Diagnostic::error(
                relative,
                1,
                1,
                format!("cannot read the file: {err}"),
            )],
            ..Default::default()
        },
    }
}

/// The path of `path` relative to `root`, with `/` separators (lossy for non-UTF-8 names).
pub fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a file name is an editor's lock, swap or backup file, or hidden.
fn is_scratch_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || name.ends_with(".bak")
        || name.ends_with(".orig")
        || name.ends_with(".tmp")
}

/// Collects the statement files under `root/statements`, reporting what is skipped and why;
/// with `stat`, also each file's [`FileKey`] for the cache.
///
/// A plain recursive `read_dir`, sub-folders in parallel: the file type comes from the directory
/// entry, a `stat` (when asked) is relative to the open folder, and relative paths are built
/// from the names as they are read, so walking 100,000 files costs tens of milliseconds.
pub(crate) fn walk(root: &Path, stat: bool) -> anyhow::Result<Walk> {
    let dir = root.join("statements");
    if !dir.exists() {
        return Ok(Walk::default());
    }
    let entries = fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let mut result = visit(&dir, "statements", entries, stat);
    let mut files: Vec<(String, Option<FileKey>)> =
        result.files.drain(..).zip(result.keys.drain(..)).collect();
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (result.files, result.keys) = files.into_iter().unzip();
    Ok(result)
}

/// Walks one folder's entries (already opened), then its sub-folders in parallel.
fn visit(dir: &Path, relative_dir: &str, entries: fs::ReadDir, stat: bool) -> Walk {
    let mut result = Walk::default();
    let mut folders = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                result.diagnostics.push(Diagnostic::warning(
                    relative_dir,
                    1,
                    1,
                    format!("skipped: {err}"),
                ));
                continue;
            }
        };
        let file_name = entry.file_name();
        let name = file_name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let relative = format!("{relative_dir}/{name}");
        let path = entry.path();
        if kind.is_dir() {
            folders.push((path, relative));
            continue;
        }
        if is_scratch_file(&name) {
            continue;
        }
        if kind.is_symlink() {
            result.diagnostics.push(symlink_warning(
                dir_of_statements(dir, relative_dir),
                &path,
                &relative,
            ));
            continue;
        }
        // A named pipe, socket or device is never opened: reading a pipe would wait forever.
        if !kind.is_file() {
            result.diagnostics.push(
                Diagnostic::warning(
                    &relative,
                    1,
                    1,
                    format!(
                        "skipped: not a regular file ({})",
                        crate::links::file_kind(&kind)
                    ),
                )
                .with_help(
                    "statement files must be regular files; remove it or replace it with one",
                ),
            );
            continue;
        }
        if file_name.to_str().is_none() || path.to_str().is_none() {
            result.diagnostics.push(
                Diagnostic::warning(&relative, 1, 1, "skipped: the file name is not valid UTF-8")
                    .with_help("rename the file"),
            );
            continue;
        }
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        if extension == "md" {
            result.files.push(relative);
            result.keys.push(
                stat.then(|| entry.metadata().ok().map(|m| FileKey::of(&m)))
                    .flatten(),
            );
        } else if extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown")
        {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            result.diagnostics.push(
                Diagnostic::warning(
                    &relative,
                    1,
                    1,
                    "skipped: statement files must end in `.md`",
                )
                .with_help(format!("rename it to {stem}.md")),
            );
        }
    }
    let inner: Vec<Walk> = folders
        .into_par_iter()
        .map(|(path, relative)| match fs::read_dir(&path) {
            Ok(entries) => visit(&path, &relative, entries, stat),
            Err(err) => Walk {
                diagnostics: vec![Diagnostic::warning(
                    &relative,
                    1,
                    1,
                    format!("skipped: {err}"),
                )],
                ..Walk::default()
            },
        })
        .collect();
    for walk in inner {
        result.files.extend(walk.files);
        result.keys.extend(walk.keys);
        result.diagnostics.extend(walk.diagnostics);
    }
    result
}

/// The `statements/` folder, from a folder inside it and that folder's relative path.
fn dir_of_statements<'a>(dir: &'a Path, relative_dir: &str) -> &'a Path {
    let depth = relative_dir.matches('/').count();
    dir.ancestors().nth(depth).unwrap_or(dir)
}

/// Explains why a symlink was not followed: dangling, pointing outside `statements/`, or a loop.
fn symlink_warning(dir: &Path, path: &Path, relative: &str) -> Diagnostic {
    let reason = match fs::canonicalize(path) {
        Err(_) => "skipped: dangling symlink (its target does not exist)".to_owned(),
        Ok(target) => {
            let inside = fs::canonicalize(dir).is_ok_and(|dir| target.starts_with(&dir));
            if path
                .parent()
                .and_then(|p| fs::canonicalize(p).ok())
                .is_some_and(|parent| parent.starts_with(&target))
            {
                "skipped: symlink loop (it points at a folder that contains it)".to_owned()
            } else if inside {
                "skipped: symlinks are not followed (the file it points at is read in its own place)".to_owned()
            } else {
                "skipped: symlink points outside statements/ and is not followed".to_owned()
            }
        }
    };
    Diagnostic::warning(relative, 1, 1, reason)
        .with_help("copy the file into statements/ instead of linking it")
}

/// Where `press` keeps its files under the root.
pub fn statements_dir(root: &Path) -> PathBuf {
    root.join("statements")
}

/// An exclusive lock on the archive's root folder, held by `new` and `import` from reading the
/// archive's slugs to writing their files, so that two of them at once cannot both take one
/// slug (each writes its own file name, so the no-clobber rename alone cannot tell). Released
/// when dropped, and by the system when the process ends. Where a folder cannot be opened as a
/// file (not on Unix), no lock is taken.
#[derive(Debug)]
pub struct WriteLock {
    /// The locked folder, open until dropped.
    _folder: Option<fs::File>,
}

impl WriteLock {
    /// Waits until no other `press` holds the archive at `root`, then holds it.
    pub fn acquire(root: &Path) -> anyhow::Result<Self> {
        let Ok(folder) = fs::File::open(root) else {
            return Ok(Self { _folder: None });
        };
        folder
            .lock()
            .with_context(|| format!("cannot lock the archive at {}", root.display()))?;
        Ok(Self {
            _folder: Some(folder),
        })
    }
}

/// Writes a new statement file at its conventional path, atomically and without ever replacing a
/// file: a temporary file in the same folder, then a rename that refuses an existing target.
/// Every statement file press writes (`new`, `import`) is written here. Refuses a folder on the
/// way that is a symbolic link ([`refuse_symlinked_folders`]). Returns the path written,
/// relative to the root.
pub fn write_new(root: &Path, statement: &Statement) -> anyhow::Result<String> {
    let relative = statement.conventional_path();
    let path = root.join(&relative);
    let dir = path.parent().context("statement path has a folder")?;
    refuse_symlinked_folders(root, &relative)?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".press-").suffix(".tmp");
    // Created as any new file is, 0666 less the umask (644 under umask 022), not with the
    // temporary file's own 0600: a statement is meant to be read, published and shared.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(statement::write::to_markdown(statement).as_bytes())
        .context("cannot write the temporary file")?;
    temp.as_file()
        .sync_all()
        .context("cannot flush the temporary file")?;
    temp.persist_noclobber(&path).map_err(|err| {
        if err.error.kind() == io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{relative} already exists; press never replaces a statement file")
        } else {
            anyhow::Error::new(err.error).context(format!("cannot write {relative}"))
        }
    })?;
    Ok(relative)
}

/// Refuses to write `relative` (a file under `statements/`) when a folder between `statements/`
/// and the file is a symbolic link: press writes only real files inside `statements/`, and the
/// walk would not read the file through that link either. `statements/` itself may be a link,
/// as the walk reads through it. Checked before any folder is created, so nothing is created
/// where a link leads.
fn refuse_symlinked_folders(root: &Path, relative: &str) -> anyhow::Result<()> {
    let mut folders: Vec<&str> = relative.split('/').collect();
    folders.pop();
    let mut path = root.to_path_buf();
    for (depth, name) in folders.iter().enumerate() {
        path.push(name);
        if depth == 0 {
            continue;
        }
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let shown = folders[..=depth].join("/");
                anyhow::bail!(
                    "refusing to write {relative}: the folder {shown} is a symbolic link; press \
                     only writes real files inside statements/ (replace the link with a folder)"
                );
            }
            Ok(_) => {}
            // Missing: created below as a real folder, and so is everything inside it.
            Err(_) => break,
        }
    }
    Ok(())
}

#[cfg(test)]
mod write_tests;

#[cfg(test)]
mod date_tests;
