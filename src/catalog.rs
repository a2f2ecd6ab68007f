//! The light way to load an archive: compact [`Summary`] records instead of full statements,
//! from the cache when it is fresh (see [`crate::cache`]), else by parsing, and never holding
//! every body at once. `list`, `show`, the grouping commands and `export` use it (export also
//! with each statement's excerpt and page texts); `check` looks into every body and keeps using
//! [`crate::archive::Archive`].
//!
//! With the cache, a warm run reads the cache file and `stat`s every statement file; only files
//! that are new, changed or "racy" are parsed, the word index is updated for them (ids of kept
//! files are remapped, theirs added) and the cache is rewritten. Without it (`--no-cache`, or a
//! cache that cannot be written) every file is parsed, its text search answered on the spot and
//! its body dropped.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::archive;
use crate::cache::{self, Cache, Entry, FileKey};
use crate::diagnostic::Diagnostic;
use crate::directory::Directory;
use crate::index::IndexBuilder;
use crate::page_texts::{Collected, OldIds, PageText, PageTexts};
use crate::query;
use crate::statement::{Statement, Summary};

/// The archive as compact records, newest first, with every problem found loading it.
#[derive(Debug, Default)]
pub struct Catalog {
    /// The archive root.
    pub root: PathBuf,
    /// Valid statements, newest first (ties by slug).
    pub summaries: Vec<Summary>,
    /// Problems, sorted by path and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many statement files were found.
    pub files: usize,
    /// How many of them were parsed (the others came from the cache).
    pub parsed: usize,
    /// For each file id, whether it matched the text search (when one was asked).
    text: Option<Vec<bool>>,
    /// Each file's page texts, by file id: only when loaded with [`Options::excerpts`].
    pub texts: Option<PageTexts>,
    /// The speaker directory (`speakers.toml`), already applied to the summaries.
    pub directory: Directory,
}

/// How to load a [`Catalog`].
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Use (and refresh) the cache under `.press/`.
    pub cache: bool,
    /// Folded words of a text search to answer while loading (see [`crate::query::Query::words`]).
    pub words: &'a [String],
    /// Fill in every summary's excerpt ([`Summary::excerpt`]) and keep every file's page texts
    /// ([`Catalog::texts`]): export needs them, lists do not.
    pub excerpts: bool,
    /// Also (implying `excerpts`) have who said each quote in every page texts record
    /// ([`PageText::quotes`]): the attribution rules cost more than parsing, so they run only
    /// for the commands that need them (`quotes`, `export`), and the cache keeps what they found.
    pub quotes: bool,
}

/// What to keep of each file parsed, besides its summary.
#[derive(Debug, Clone, Copy)]
struct Keep {
    /// Its excerpt and page texts record.
    excerpts: bool,
    /// Who said each quote, in the record.
    quotes: bool,
}

/// The key of a file whose identity is not known (or not needed): it matches no real file.
const UNKNOWN: FileKey = FileKey {
    size: u64::MAX,
    modified: 0,
    changed: 0,
    inode: 0,
};

/// Every file's entry (in walk order), the text search's answer, how many files were parsed.
struct Loaded {
    entries: Vec<Entry>,
    text: Option<Vec<bool>>,
    parsed: usize,
    texts: Option<PageTexts>,
}

/// One file's outcome: its entry, (without an index) whether it matched the text search, and
/// (with excerpts) its page texts' record.
struct Read {
    entry: Entry,
    text: bool,
    record: Vec<u8>,
}

impl Catalog {
    /// Loads the archive at `root`. Fails only when `statements/` cannot be read at all; a
    /// cache that cannot be read or written is never an error.
    pub fn load(root: &Path, options: Options<'_>) -> anyhow::Result<Self> {
        let keep = Keep {
            excerpts: options.excerpts || options.quotes,
            quotes: options.quotes,
        };
        let statements = || -> anyhow::Result<_> {
            if options.cache {
                // Reading the old cache (with what export needs of it) and walking the folders
                // overlap.
                let (walk, old) = rayon::join(
                    || archive::walk(root, true),
                    || Cache::read(root, keep.excerpts),
                );
                let walk = walk?;
                let loaded = with_cache(root, old, &walk, options.words, keep);
                Ok((walk, loaded))
            } else {
                let walk = archive::walk(root, false)?;
                let loaded = without_cache(root, &walk.files, options.words, keep);
                Ok((walk, loaded))
            }
        };
        // `topics.toml` and `speakers.toml` are read beside the statements: they apply only
        // once those are loaded (the cache never depends on them).
        let (statements, (vocabulary, directory)) = rayon::join(statements, || {
            rayon::join(
                || crate::vocabulary::Vocabulary::load(root),
                || crate::directory::Directory::load(root),
            )
        });
        let (
            walk,
            Loaded {
                entries,
                text,
                parsed,
                texts,
            },
        ) = statements?;
        let paths = walk.files;

        let mut catalog = Catalog {
            root: root.to_owned(),
            files: paths.len(),
            parsed,
            diagnostics: walk.diagnostics,
            text,
            texts,
            ..Catalog::default()
        };
        catalog.summaries.reserve_exact(entries.len());
        for (id, entry) in entries.into_iter().enumerate() {
            catalog.diagnostics.extend(entry.diagnostics);
            if let Some(mut summary) = entry.summary {
                summary.id = u32::try_from(id).unwrap_or(u32::MAX);
                catalog.summaries.push(summary);
            }
        }
        let duplicates = archive::refuse_duplicate_slugs(&mut catalog.summaries);
        catalog.diagnostics.extend(duplicates);
        let vocabulary = crate::vocabulary::apply_loaded(
            root,
            vocabulary?,
            catalog
                .summaries
                .iter_mut()
                .map(|s| (s.path.as_str(), &mut s.topics)),
        );
        catalog.diagnostics.extend(vocabulary);
        archive::sort_newest_first(&mut catalog.summaries);
        // Speakers' names become canonical.
        let (directory, problems) =
            crate::directory::with_problems(root, directory?, &catalog.summaries);
        directory.apply(catalog.summaries.iter_mut().map(|s| &mut s.speakers));
        catalog.directory = directory;
        catalog.diagnostics.extend(problems);
        archive::sort_diagnostics(&mut catalog.diagnostics);
        Ok(catalog)
    }

    /// The statement with this slug.
    pub fn find(&self, slug: &str) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.slug.as_str() == slug)
    }

    /// Errors only (the diagnostics that make a file unusable).
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Whether the statement matched the text search given to [`Catalog::load`] (true when
    /// none was).
    pub fn matches_text(&self, summary: &Summary) -> bool {
        self.text
            .as_ref()
            .is_none_or(|hits| hits.get(summary.id as usize).copied().unwrap_or(false))
    }

    /// Reads and parses the full statement behind a summary: its body, background and extra.
    pub fn statement(&self, summary: &Summary) -> Result<Statement, Vec<Diagnostic>> {
        let parsed = archive::read_and_parse(&self.root.join(&summary.path), &summary.path);
        match parsed.statement {
            Some(mut statement) => {
                self.directory
                    .apply(std::iter::once(&mut statement.speakers));
                Ok(statement)
            }
            None => Err(parsed.diagnostics),
        }
    }
}

/// Parses one file into its entry; with `words`, answers the text search and drops the text;
/// with an `index`, adds the file's words to it; keeps what `keep` says.
fn read(
    root: &Path,
    path: &str,
    key: Option<FileKey>,
    id: u32,
    words: &[String],
    index: Option<&mut IndexBuilder>,
    keep: Keep,
) -> Read {
    let full = root.join(path);
    // Taken before the read (by the walk, or here), so a change during the read is seen next
    // time. A file that cannot be `stat`ed gets a key no file has, and is read again next time.
    let key = key
        .or_else(|| fs::metadata(&full).ok().map(|m| FileKey::of(&m)))
        .unwrap_or(UNKNOWN);
    let parsed = archive::read_and_parse(&full, path);
    let mut text = false;
    let mut record = Vec::new();
    let summary = parsed.statement.map(|statement| {
        if index.is_some() || !words.is_empty() {
            let haystack = query::haystack(&statement);
            if let Some(index) = index {
                for word in query::words(&haystack) {
                    index.add(word, id);
                }
            }
            text = words.iter().all(|w| query::starts_a_word(&haystack, w));
        }
        let excerpt = keep.excerpts.then(|| Summary::excerpt_of(&statement));
        if keep.excerpts {
            record = PageText::of(&statement, parsed.digest, keep.quotes).encode();
        }
        let mut summary = Summary::new(id, statement, parsed.digest);
        summary.excerpt = excerpt;
        summary
    });
    Read {
        entry: Entry {
            path: path.to_owned(),
            key,
            summary,
            diagnostics: parsed.diagnostics,
        },
        text,
        record,
    }
}

fn without_cache(root: &Path, paths: &[String], words: &[String], keep: Keep) -> Loaded {
    let reads: Vec<Read> = paths
        .par_iter()
        .enumerate()
        .map(|(id, path)| {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            read(root, path, Some(UNKNOWN), id, words, None, keep)
        })
        .collect();
    let text = (!words.is_empty()).then(|| reads.iter().map(|r| r.text).collect());
    let texts = keep
        .excerpts
        .then(|| PageTexts::collect(reads.iter().map(|r| r.record.as_slice())));
    Loaded {
        parsed: reads.len(),
        entries: reads.into_iter().map(|r| r.entry).collect(),
        text,
        texts,
    }
}

/// Reads the files `ids` names (in parallel), building the word index of their words and their
/// page texts (with who said each quote when `quotes`).
fn read_indexed(
    root: &Path,
    paths: &[String],
    keys: &[Option<FileKey>],
    ids: &[u32],
    quotes: bool,
) -> (Vec<(u32, Entry)>, IndexBuilder, Collected) {
    // Each thread keeps its files' page texts in one buffer of its own as it goes (a buffer
    // per file would cost as much again).
    ids.par_iter()
        .with_min_len(64)
        .fold(
            || (Vec::new(), IndexBuilder::default(), Collected::default()),
            |(mut entries, mut index, mut texts), &id| {
                let key = keys.get(id as usize).copied().flatten();
                let read = read(
                    root,
                    &paths[id as usize],
                    key,
                    id,
                    &[],
                    Some(&mut index),
                    Keep {
                        excerpts: true,
                        quotes,
                    },
                );
                texts.push(id, &read.record);
                entries.push((id, read.entry));
                (entries, index, texts)
            },
        )
        .reduce(
            || (Vec::new(), IndexBuilder::default(), Collected::default()),
            |(mut entries, mut index, mut texts), (more, other, more_texts)| {
                entries.extend(more);
                index.merge(other);
                texts.merge(more_texts);
                (entries, index, texts)
            },
        )
}

/// What to do with one file found by the walk.
#[derive(Clone, Copy)]
enum Plan {
    /// Take this entry of the old cache.
    Keep(usize),
    /// Parse the file.
    Read,
}

fn with_cache(
    root: &Path,
    mut old: Option<Cache>,
    walk: &archive::Walk,
    words: &[String],
    keep: Keep,
) -> Loaded {
    let excerpts = keep.excerpts;
    let paths = &walk.files;
    // With the quotes wanted, a file whose record lacks them (a cache a list wrote) is read
    // again: the page texts are read first to tell.
    let quoted_texts = old
        .as_mut()
        .filter(|_| keep.quotes)
        .and_then(Cache::read_texts);
    let has_quotes = |i: usize| {
        !keep.quotes
            || quoted_texts
                .as_ref()
                .and_then(|t| t.get(i))
                .is_some_and(|t| t.quotes.is_some())
    };
    let plan: Vec<Plan> = match &old {
        None => vec![Plan::Read; paths.len()],
        Some(old) => {
            // Both lists are sorted by path: join them in one pass.
            let mut i = 0;
            paths
                .iter()
                .zip(&walk.keys)
                .map(|(path, key)| {
                    while old.entries.get(i).is_some_and(|e| e.path < *path) {
                        i += 1;
                    }
                    match (old.entries.get(i), key) {
                        (Some(entry), Some(key))
                            if entry.path == *path
                                && *key == entry.key
                                && old.trusts(key)
                                && has_quotes(i) =>
                        {
                            Plan::Keep(i)
                        }
                        _ => Plan::Read,
                    }
                })
                .collect()
        }
    };
    let kept = plan.iter().filter(|p| matches!(p, Plan::Keep(_))).count();
    let unchanged = old
        .as_ref()
        .is_some_and(|old| kept == old.entries.len() && kept == paths.len());
    if unchanged && words.is_empty() && !excerpts {
        let entries = old.map(|old| old.entries).unwrap_or_default();
        return Loaded {
            entries,
            text: None,
            parsed: 0,
            texts: None,
        };
    }
    // Export leaves a cache in which few files changed as it is: it does not use the word index
    // that a rewrite would update, and reading those few files again costs the next command
    // less than the rewrite costs export. The next command that rewrites it catches up.
    let read_count = paths.len() - kept;
    let defer = excerpts
        && words.is_empty()
        && read_count <= (paths.len() / 100).max(64)
        && old
            .as_ref()
            .is_some_and(|old| same_places(&plan, old.entries.len()));
    // Something changed (the cache is rewritten: it needs the old index and excerpts), or the
    // text index or the excerpts are asked for: read those sections, if readable.
    let index_needed = (!unchanged && !defer) || !words.is_empty();
    let excerpts_needed = !unchanged || excerpts;
    let old_index = old
        .as_mut()
        .filter(|_| index_needed)
        .and_then(Cache::read_index);
    let old_excerpts = old
        .as_mut()
        .filter(|_| excerpts_needed)
        .and_then(Cache::read_excerpts);
    // Page texts missing from an old cache only cost export a parse for those pages.
    let old_texts = quoted_texts.or_else(|| {
        old.as_mut()
            .filter(|_| excerpts_needed)
            .and_then(Cache::read_texts)
    });
    let usable =
        (!index_needed || old_index.is_some()) && (!excerpts_needed || old_excerpts.is_some());
    let (old, plan) = match old {
        Some(mut old) if usable => {
            if let Some(found) = old_excerpts {
                for (entry, excerpt) in old.entries.iter_mut().zip(found) {
                    if let Some(summary) = &mut entry.summary {
                        summary.excerpt = Some(excerpt);
                    }
                }
            }
            (Some(old), plan)
        }
        _ => (None, vec![Plan::Read; paths.len()]),
    };
    if unchanged && old.is_some() {
        let text = (!words.is_empty()).then(|| {
            old_index.as_ref().map_or_else(
                || vec![false; paths.len()],
                |i| i.search(words, paths.len()),
            )
        });
        let entries = old.map(|old| old.entries).unwrap_or_default();
        return Loaded {
            entries,
            text,
            parsed: 0,
            texts: old_texts.filter(|_| excerpts),
        };
    }
    if defer && let Some(old) = old {
        let to_read = reads(&plan);
        let (read, _, fresh) = read_indexed(root, paths, &walk.keys, &to_read, keep.quotes);
        let same_id = |id: usize| Some(id);
        let old_texts = old_texts.map(|t| (t, &same_id as OldIds<'_>));
        return Loaded {
            entries: merge(&plan, old.entries, read),
            text: None,
            parsed: to_read.len(),
            texts: Some(PageTexts::assemble(paths.len(), old_texts, fresh)),
        };
    }
    if old.is_none() && !cache_is_writable(root) {
        return without_cache(root, paths, words, keep);
    }
    let to_read = reads(&plan);
    let (read, fresh_index, fresh_texts) =
        read_indexed(root, paths, &walk.keys, &to_read, keep.quotes);
    release_freed_memory();
    // Each kept file's new id, by its id in the old cache.
    let remap: Option<Vec<Option<u32>>> = old.as_ref().map(|old| {
        let mut remap = vec![None; old.entries.len()];
        for (id, p) in plan.iter().enumerate() {
            if let Plan::Keep(i) = p {
                remap[*i] = u32::try_from(id).ok();
            }
        }
        remap
    });
    let old_entries = old.map(|old| old.entries).unwrap_or_default();
    // One after the other, not side by side: the old index is gone before the entries are
    // encoded, which keeps the peak memory of a rewrite down (about 50 MB at 100,000 files).
    let index = match (remap, old_index) {
        (Some(remap), Some(old_index)) => old_index.update(
            |old_id| remap.get(old_id as usize).copied().flatten(),
            fresh_index,
        ),
        _ => fresh_index.finish(),
    };
    release_freed_memory();
    let old_id = |id: usize| match plan.get(id) {
        Some(Plan::Keep(i)) => Some(*i),
        _ => None,
    };
    let old_texts = old_texts.map(|t| (t, &old_id as OldIds<'_>));
    let texts = PageTexts::assemble(paths.len(), old_texts, fresh_texts);
    let entries = merge(&plan, old_entries, read);
    let encoded = cache::encode(&entries);
    // A cache that cannot be written (a read-only archive) is no reason to fail.
    let _ = encoded.and_then(|encoded| cache::write(root, &encoded, &index, &texts));
    release_freed_memory();
    let text = (!words.is_empty()).then(|| index.search(words, paths.len()));
    Loaded {
        entries,
        text,
        parsed: to_read.len(),
        texts: excerpts.then_some(texts),
    }
}

/// The ids of the files the plan reads.
fn reads(plan: &[Plan]) -> Vec<u32> {
    plan.iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Plan::Read))
        .map(|(id, _)| u32::try_from(id).unwrap_or(u32::MAX))
        .collect()
}

/// Whether every file the plan keeps stays where it was among the `old` entries (so no id
/// moves, and what is read takes the place of what was there).
fn same_places(plan: &[Plan], old: usize) -> bool {
    old == plan.len()
        && plan.iter().enumerate().all(|(id, p)| match p {
            Plan::Keep(i) => *i == id,
            Plan::Read => true,
        })
}

/// Every file's entry in walk order: the kept ones from `old` (the plan takes them in ascending
/// order), the others from `read` (by id). Moves the entries without a slot per file, so the
/// merge never holds two archives' worth of them.
fn merge(plan: &[Plan], mut old: Vec<Entry>, mut read: Vec<(u32, Entry)>) -> Vec<Entry> {
    // The usual case, the same files as before: the entries read replace theirs in place.
    let same_files = same_places(plan, old.len())
        && read.len() == plan.iter().filter(|p| matches!(p, Plan::Read)).count();
    if same_files {
        for (id, entry) in read {
            if let Some(slot) = old.get_mut(id as usize) {
                *slot = entry;
            }
        }
        return old;
    }
    read.sort_unstable_by_key(|(id, _)| *id);
    let mut old = old.into_iter().enumerate();
    let mut read = read.into_iter().peekable();
    plan.iter()
        .enumerate()
        .filter_map(|(id, p)| match p {
            Plan::Keep(i) => old.find(|(j, _)| j == i).map(|(_, entry)| entry),
            Plan::Read => read
                .next_if(|(read_id, _)| *read_id as usize == id)
                .map(|(_, entry)| entry),
        })
        .collect()
}

/// Gives the memory a cache build freed back to the system at once: mimalloc keeps freed pages
/// for a while, and what the build left would otherwise stay resident through a whole export,
/// on top of what rendering takes (100,000 statements: about 90 MB).
fn release_freed_memory() {
    // Each thread has heaps of its own: every worker and this thread give theirs back.
    // SAFETY: `mi_collect` only walks mimalloc's own heaps and has no preconditions; when
    // mimalloc is not the allocator (the library's tests), there is nothing for it to do.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// Whether a cache could be written (tried before parsing everything to build one).
fn cache_is_writable(root: &Path) -> bool {
    let dir = cache::dir(root);
    if !dir.is_dir() && fs::create_dir_all(&dir).is_err() {
        return false;
    }
    tempfile::Builder::new()
        .prefix(".probe-")
        .tempfile_in(&dir)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> Entry {
        Entry {
            path: path.to_owned(),
            key: UNKNOWN,
            summary: None,
            diagnostics: Vec::new(),
        }
    }

    fn paths(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.path.as_str()).collect()
    }

    #[test]
    fn merging_the_same_files_replaces_the_ones_read_in_place() {
        let old = vec![entry("a"), entry("b"), entry("c")];
        let plan = [Plan::Keep(0), Plan::Read, Plan::Keep(2)];
        let merged = merge(&plan, old, vec![(1, entry("b again"))]);
        assert_eq!(paths(&merged), ["a", "b again", "c"]);
    }

    #[test]
    fn merging_added_and_removed_files_keeps_walk_order() {
        // Old: a b c d. New walk: a, new, c (b and d are gone), z (new).
        let old = vec![entry("a"), entry("b"), entry("c"), entry("d")];
        let plan = [Plan::Keep(0), Plan::Read, Plan::Keep(2), Plan::Read];
        let read = vec![(3, entry("z")), (1, entry("new"))];
        let merged = merge(&plan, old, read);
        assert_eq!(paths(&merged), ["a", "new", "c", "z"]);
    }
}
