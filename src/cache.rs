//! The on-disk cache under `<root>/.press/cache.bin`: every statement file's compact record
//! ([`Summary`]) and diagnostics, keyed by the file's identity, plus the [`WordIndex`] for
//! `--text`. It lets `list`, `show` and the grouping commands answer from one file read and a
//! `stat` per statement instead of parsing the whole archive.
//!
//! Trust rules (git's index works the same way):
//! - an entry is reused only when the file's path, size, modification time, status-change time
//!   (ctime) and inode are all unchanged: an edit that keeps the size and restores the
//!   modification time still moves the ctime, and a file replaced by a rename gets a new inode;
//! - an entry whose file changed less than [`RACY`] before the cache was written is re-read
//!   anyway (it might have changed again within the timestamp's granularity);
//! - a cache with another magic, format number or `press` version, a bad checksum or anything
//!   that does not decode is ignored and rebuilt; `--no-cache` never touches it.
//!
//! Layout: `PRSCACHE`, the format number (u32 LE), the header length (u32 LE), the header
//! (postcard), then the sections the header locates and checksums: the entries (postcard), the
//! index's words and offsets (postcard), its posting lists (raw bytes), the excerpts (postcard)
//! and the page texts ([`PageTexts`]). Commands read the header and the entries, and only the
//! other sections they need: `--text` the index, export the excerpts and the page texts. The file is written to a temporary file and
//! renamed into place, so readers never see half of one.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::index::WordIndex;
use crate::page_texts::PageTexts;
use crate::slug::Slug;
use crate::statement::{Alias, Amendment, Published, Speaker, Summary, Topic};

/// Bumped whenever the layout or the meaning of a cached field changes.
pub const FORMAT: u32 = 8;

/// How close to the cache's writing a file's change must be for its entry to be re-read.
pub const RACY: Duration = Duration::from_secs(2);

const MAGIC: &[u8; 8] = b"PRSCACHE";

/// The folder `press` keeps its cache in.
pub fn dir(root: &Path) -> PathBuf {
    root.join(".press")
}

/// The cache file.
pub fn path(root: &Path) -> PathBuf {
    dir(root).join("cache.bin")
}

/// What identifies one version of a file: size, modification and status-change times, inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Status-change time (ctime), nanoseconds since the Unix epoch.
    pub changed: i128,
    /// Inode number.
    pub inode: u64,
}

impl FileKey {
    /// The key of a file from its metadata.
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
        Self {
            size: meta.size(),
            modified: ns(meta.mtime(), meta.mtime_nsec()),
            changed: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        }
    }

    /// The key of a file from its metadata (size and modification time only on this platform).
    #[cfg(not(unix))]
    pub fn of(meta: &fs::Metadata) -> Self {
        let modified = meta.modified().map_or(0, nanos_since_epoch);
        Self {
            size: meta.len(),
            modified,
            changed: modified,
            inode: 0,
        }
    }
}

fn nanos_since_epoch(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Err(before) => -i128::try_from(before.duration().as_nanos()).unwrap_or(i128::MAX),
    }
}

/// One statement file as the cache remembers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Path relative to the root, with `/`.
    pub path: String,
    /// The file's identity when it was read.
    pub key: FileKey,
    /// Its record, when the file is a valid statement.
    pub summary: Option<Summary>,
    /// Its own diagnostics (errors and warnings), in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A cache read from disk: its entries now, its word index on demand.
#[derive(Debug)]
pub struct Cache {
    /// When it was written, nanoseconds since the Unix epoch.
    pub written: i128,
    /// Every file it knows, in walk order.
    pub entries: Vec<Entry>,
    file: File,
    header: Header,
    /// The excerpts and page texts, when read with the entries (see [`Cache::read`]): each is
    /// handed out once.
    page_sections: Option<(Option<Vec<String>>, Option<PageTexts>)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    version: String,
    written: i128,
    entries: Section,
    words: Section,
    postings: Section,
    excerpts: Section,
    texts: Section,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Section {
    offset: u64,
    len: u64,
    checksum: u64,
}

/// The entries section: tables of the values many statements share (speakers, topics,
/// locations), then the entries, which refer to them by number. Interning keeps the section to
/// about 200 bytes a statement and makes decoding allocate less.
#[derive(Serialize, Deserialize, Default)]
struct StoredEntries<'a> {
    #[serde(borrow)]
    speakers: Vec<StoredSpeaker<'a>>,
    #[serde(borrow)]
    topics: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    #[serde(borrow)]
    locations: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    langs: Vec<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "sized_vec")]
    entries: Vec<StoredEntry<'a>>,
}

/// Decodes a sequence into a vector sized up front from the count the format gives (serde's
/// own decoder caps its guess at 1 MB, so 100,000 entries would be grown and copied many times),
/// up to a million items.
fn sized_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Sized<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Sized<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Sized(std::marker::PhantomData))
}

#[derive(Serialize, Deserialize)]
struct StoredEntry<'a> {
    /// Bytes shared with the previous entry's path (paths are sorted), then the rest.
    shared: u32,
    #[serde(borrow)]
    rest: Cow<'a, str>,
    key: FileKey,
    #[serde(borrow)]
    summary: Option<StoredSummary<'a>>,
    #[serde(borrow)]
    diagnostics: Vec<StoredDiagnostic<'a>>,
}

#[derive(Serialize, Deserialize)]
enum StoredSlug<'a> {
    /// The last `n` bytes of the file name before `.md`.
    FromPath(u32),
    /// Given with `slug:` or derived another way.
    #[serde(borrow)]
    Own(Cow<'a, str>),
}

#[derive(Serialize, Deserialize)]
struct StoredSummary<'a> {
    #[serde(borrow)]
    slug: StoredSlug<'a>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    published: StoredPublished,
    speakers: Vec<u32>,
    topics: Vec<u32>,
    location: Option<u32>,
    draft: bool,
    embargo: Option<StoredInstant>,
    lang: u32,
    lang_given: bool,
    #[serde(borrow)]
    translation_of: Option<Cow<'a, str>>,
    #[serde(borrow)]
    aliases: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    corrections: Vec<StoredAmendment<'a>>,
    #[serde(borrow)]
    withdrawn: Option<StoredAmendment<'a>>,
    digest: u64,
}

/// A correction or the withdrawal: the day (days from the common era) and the note.
#[derive(Serialize, Deserialize)]
struct StoredAmendment<'a>(i32, #[serde(borrow)] Cow<'a, str>);

impl<'a> StoredAmendment<'a> {
    fn new(amendment: &'a Amendment) -> Self {
        Self(amendment.date.num_days_from_ce(), text(&amendment.note))
    }

    fn get(self) -> Option<Amendment> {
        Some(Amendment {
            date: NaiveDate::from_num_days_from_ce_opt(self.0)?,
            note: self.1.into_owned(),
        })
    }
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash)]
struct StoredSpeaker<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    role: Option<Cow<'a, str>>,
    #[serde(borrow)]
    organization: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
enum StoredPublished {
    Date(i32),
    Instant(StoredInstant),
}

#[derive(Serialize, Deserialize, Clone, Copy)]
struct StoredInstant {
    secs: i64,
    nanos: u32,
    offset: i32,
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic<'a> {
    line: usize,
    column: usize,
    error: bool,
    #[serde(borrow)]
    message: Cow<'a, str>,
    #[serde(borrow)]
    help: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct StoredWords<'a> {
    #[serde(borrow)]
    words: Cow<'a, str>,
    word_ends: Vec<u32>,
    posting_ends: Vec<u32>,
}

impl StoredInstant {
    fn new(at: &DateTime<FixedOffset>) -> Self {
        Self {
            secs: at.timestamp(),
            nanos: at.timestamp_subsec_nanos(),
            offset: at.offset().local_minus_utc(),
        }
    }

    fn get(self) -> Option<DateTime<FixedOffset>> {
        let offset = FixedOffset::east_opt(self.offset)?;
        Some(DateTime::from_timestamp(self.secs, self.nanos)?.with_timezone(&offset))
    }
}

fn text(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Numbers distinct values in order of first use.
struct Interner<K> {
    numbers: foldhash::HashMap<K, u32>,
    values: Vec<K>,
}

impl<K: Clone + Eq + std::hash::Hash> Interner<K> {
    fn new() -> Self {
        Self {
            numbers: foldhash::HashMap::default(),
            values: Vec::new(),
        }
    }

    fn number(&mut self, value: K) -> u32 {
        if let Some(&n) = self.numbers.get(&value) {
            return n;
        }
        let n = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(value.clone());
        self.numbers.insert(value, n);
        n
    }
}

fn store(entries: &[Entry]) -> StoredEntries<'_> {
    let mut speakers = Interner::new();
    let mut topics = Interner::new();
    let mut locations = Interner::new();
    let mut langs = Interner::new();
    let mut previous = "";
    let stored = entries
        .iter()
        .map(|entry| {
            let shared = common_prefix(previous, &entry.path);
            previous = &entry.path;
            StoredEntry {
                shared: u32::try_from(shared).unwrap_or(0),
                rest: text(&entry.path[shared..]),
                key: entry.key,
                summary: entry.summary.as_ref().map(|s| StoredSummary {
                    slug: match entry.path.strip_suffix(".md") {
                        Some(stem) if stem.ends_with(s.slug.as_str()) => {
                            StoredSlug::FromPath(u32::try_from(s.slug.as_str().len()).unwrap_or(0))
                        }
                        _ => StoredSlug::Own(text(s.slug.as_str())),
                    },
                    title: text(&s.title),
                    published: match s.published {
                        Published::Date(day) => StoredPublished::Date(day.num_days_from_ce()),
                        Published::Instant(at) => StoredPublished::Instant(StoredInstant::new(&at)),
                    },
                    speakers: s
                        .speakers
                        .iter()
                        .map(|p| {
                            speakers.number(StoredSpeaker {
                                name: p.name.as_deref().map(text),
                                role: p.role.as_deref().map(text),
                                organization: p.organization.as_deref().map(text),
                            })
                        })
                        .collect(),
                    topics: s
                        .topics
                        .iter()
                        .map(|t| topics.number((text(&t.name), text(t.slug.as_str()))))
                        .collect(),
                    location: s.location.as_deref().map(|l| locations.number(text(l))),
                    draft: s.draft,
                    embargo: s.embargo.as_ref().map(StoredInstant::new),
                    lang: langs.number(text(&s.lang)),
                    lang_given: s.lang_given,
                    translation_of: s.translation_of.as_ref().map(|o| text(o.as_str())),
                    aliases: s.aliases.iter().map(|a| text(a.as_str())).collect(),
                    corrections: s.corrections.iter().map(StoredAmendment::new).collect(),
                    withdrawn: s.withdrawn.as_ref().map(StoredAmendment::new),
                    digest: s.digest,
                }),
                diagnostics: entry
                    .diagnostics
                    .iter()
                    .map(|d| StoredDiagnostic {
                        line: d.line,
                        column: d.column,
                        error: d.is_error(),
                        message: text(&d.message),
                        help: d.help.as_deref().map(text),
                    })
                    .collect(),
            }
        })
        .collect();
    StoredEntries {
        speakers: speakers.values,
        topics: topics.values,
        locations: locations.values,
        langs: langs.values,
        entries: stored,
    }
}

/// Length in bytes of the common prefix of two strings, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn restore(stored: StoredEntries<'_>) -> Option<Vec<Entry>> {
    let speakers: Vec<Speaker> = stored
        .speakers
        .into_iter()
        .map(|p| Speaker {
            name: p.name.map(Cow::into_owned),
            role: p.role.map(Cow::into_owned),
            organization: p.organization.map(Cow::into_owned),
        })
        .collect();
    let topics: Vec<Topic> = stored
        .topics
        .into_iter()
        .map(|(name, slug)| {
            Some(Topic {
                name: name.into_owned(),
                slug: Slug::parse(&slug)?,
            })
        })
        .collect::<Option<_>>()?;
    let locations: Vec<String> = stored.locations.into_iter().map(Cow::into_owned).collect();
    let langs: Vec<String> = stored.langs.into_iter().map(Cow::into_owned).collect();
    let mut previous = String::new();
    let mut entries = Vec::with_capacity(stored.entries.len());
    for (id, stored) in stored.entries.into_iter().enumerate() {
        let mut path = String::with_capacity(stored.shared as usize + stored.rest.len());
        path.push_str(previous.get(..stored.shared as usize)?);
        path.push_str(&stored.rest);
        let summary = match stored.summary {
            None => None,
            Some(s) => Some(Summary {
                id: u32::try_from(id).ok()?,
                slug: match s.slug {
                    StoredSlug::FromPath(len) => {
                        let stem = path.strip_suffix(".md")?;
                        Slug::parse(stem.get(stem.len().checked_sub(len as usize)?..)?)?
                    }
                    StoredSlug::Own(slug) => Slug::parse(&slug)?,
                },
                path: path.clone(),
                title: s.title.into_owned(),
                published: match s.published {
                    StoredPublished::Date(days) => {
                        Published::Date(NaiveDate::from_num_days_from_ce_opt(days)?)
                    }
                    StoredPublished::Instant(at) => Published::Instant(at.get()?),
                },
                speakers: s
                    .speakers
                    .iter()
                    .map(|&n| speakers.get(n as usize).cloned())
                    .collect::<Option<_>>()?,
                topics: s
                    .topics
                    .iter()
                    .map(|&n| topics.get(n as usize).cloned())
                    .collect::<Option<_>>()?,
                location: match s.location {
                    Some(n) => Some(locations.get(n as usize)?.clone()),
                    None => None,
                },
                draft: s.draft,
                embargo: match s.embargo {
                    Some(at) => Some(at.get()?),
                    None => None,
                },
                lang: langs.get(s.lang as usize)?.clone(),
                lang_given: s.lang_given,
                translation_of: match s.translation_of {
                    Some(original) => Some(Slug::parse(&original)?),
                    None => None,
                },
                aliases: s
                    .aliases
                    .iter()
                    .map(|a| Alias::parse(a).ok())
                    .collect::<Option<_>>()?,
                corrections: s
                    .corrections
                    .into_iter()
                    .map(StoredAmendment::get)
                    .collect::<Option<_>>()?,
                withdrawn: match s.withdrawn {
                    Some(w) => Some(w.get()?),
                    None => None,
                },
                excerpt: None,
                digest: s.digest,
            }),
        };
        let diagnostics = stored
            .diagnostics
            .into_iter()
            .map(|d| Diagnostic {
                path: path.clone(),
                line: d.line,
                column: d.column,
                severity: if d.error {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message: d.message.into_owned(),
                help: d.help.map(Cow::into_owned),
            })
            .collect();
        previous.clone_from(&path);
        entries.push(Entry {
            path,
            key: stored.key,
            summary,
            diagnostics,
        });
    }
    Some(entries)
}

/// Which build of `press` wrote a cache: the version, and a fingerprint of the source of
/// everything that shapes the cached records, so that a development build whose parser changed
/// (same version number) never serves records an older parser made.
fn build_identity() -> String {
    format!("{} {:016x}", env!("CARGO_PKG_VERSION"), SOURCE_FINGERPRINT)
}

/// FNV-1a over the sources whose output the cache stores, computed at compile time.
const SOURCE_FINGERPRINT: u64 = source_fingerprint(&[
    include_bytes!("cache.rs"),
    include_bytes!("index.rs"),
    include_bytes!("catalog.rs"),
    include_bytes!("yaml.rs"),
    include_bytes!("slug.rs"),
    include_bytes!("diagnostic.rs"),
    include_bytes!("statement/mod.rs"),
    include_bytes!("statement/parse.rs"),
    include_bytes!("statement/alias.rs"),
    include_bytes!("statement/amendment.rs"),
    include_bytes!("statement/keys.rs"),
    include_bytes!("statement/leftovers.rs"),
    include_bytes!("statement/nesting.rs"),
    include_bytes!("statement/summary.rs"),
    include_bytes!("page_texts.rs"),
    // Who said each quote (in the page texts): the quote rules and the import's attribution.
    include_bytes!("quotes/mod.rs"),
    include_bytes!("quotes/passages.rs"),
    include_bytes!("import/speakers/mod.rs"),
    include_bytes!("import/speakers/fill.rs"),
    include_bytes!("import/speakers/names.rs"),
    include_bytes!("import/speakers/roles.rs"),
    include_bytes!("import/speakers/shapes.rs"),
    include_bytes!("import/gazetteer.rs"),
    include_bytes!("import/gazetteer.txt"),
]);

/// FNV-1a over `sources` (at compile time): tells builds apart whose code differs but whose
/// version number does not, for files that store what that code made.
pub(crate) const fn source_fingerprint(sources: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut source = 0;
    while source < sources.len() {
        let bytes = sources[source];
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        source += 1;
    }
    hash
}

impl Cache {
    /// Reads the cache of the archive at `root`: `None` when there is none, or it is corrupt,
    /// or another version of `press` wrote it. With `page_sections` (export needs them), the
    /// excerpts and the page texts are read too, while the entries are decoded.
    pub fn read(root: &Path, page_sections: bool) -> Option<Self> {
        let mut file = File::open(path(root)).ok()?;
        let mut start = [0u8; 16];
        file.read_exact(&mut start).ok()?;
        let (magic, rest) = start.split_at(8);
        let (format, header_len) = rest.split_at(4);
        if magic != MAGIC || u32::from_le_bytes(format.try_into().ok()?) != FORMAT {
            return None;
        }
        let header_len = u32::from_le_bytes(header_len.try_into().ok()?);
        let mut header = vec![0; usize::try_from(header_len).ok()?.min(1 << 16)];
        file.read_exact(&mut header).ok()?;
        let header: Header = postcard::from_bytes(&header).ok()?;
        if header.version != build_identity() {
            return None;
        }
        let bytes = read_section(&mut file, header.entries)?;
        let (entries, page_sections) = rayon::join(
            || postcard::from_bytes(&bytes).ok().and_then(restore),
            || {
                page_sections.then(|| {
                    (
                        excerpts_in(&mut file, header.excerpts),
                        texts_in(&mut file, header.texts),
                    )
                })
            },
        );
        Some(Self {
            written: header.written,
            entries: entries?,
            file,
            header,
            page_sections,
        })
    }

    /// Each entry's excerpt ([`Summary::excerpt`]): export needs them, listing does not. None
    /// when the section is unreadable or was written without them.
    pub fn read_excerpts(&mut self) -> Option<Vec<String>> {
        let excerpts = match &mut self.page_sections {
            Some((excerpts, _)) => excerpts.take(),
            None => excerpts_in(&mut self.file, self.header.excerpts),
        }?;
        (excerpts.len() == self.entries.len()).then_some(excerpts)
    }

    /// Each entry's page texts: export renders statement pages from them. None when the section
    /// is unreadable or does not match the entries.
    pub fn read_texts(&mut self) -> Option<PageTexts> {
        let texts = match &mut self.page_sections {
            Some((_, texts)) => texts.take(),
            None => texts_in(&mut self.file, self.header.texts),
        }?;
        (texts.len() == self.entries.len()).then_some(texts)
    }

    /// Reads the word index (`None` when it is corrupt).
    pub fn read_index(&mut self) -> Option<WordIndex> {
        let words = read_section(&mut self.file, self.header.words)?;
        let words: StoredWords<'_> = postcard::from_bytes(&words).ok()?;
        let postings = read_section(&mut self.file, self.header.postings)?;
        let index = WordIndex {
            words: words.words.into_owned(),
            word_ends: words.word_ends,
            postings,
            posting_ends: words.posting_ends,
        };
        index.is_consistent().then_some(index)
    }

    /// Whether an entry with this key can be trusted: the file last changed at least [`RACY`]
    /// before the cache was written.
    pub fn trusts(&self, key: &FileKey) -> bool {
        let racy = i128::try_from(RACY.as_nanos()).unwrap_or(i128::MAX);
        key.modified.max(key.changed) < self.written - racy
    }
}

/// The excerpts section, when readable and written with every excerpt.
fn excerpts_in(file: &mut File, section: Section) -> Option<Vec<String>> {
    let bytes = read_section(file, section)?;
    let excerpts: Option<Vec<Cow<'_, str>>> = postcard::from_bytes(&bytes).ok()?;
    Some(excerpts?.into_iter().map(Cow::into_owned).collect())
}

/// The page texts section, when readable.
fn texts_in(file: &mut File, section: Section) -> Option<PageTexts> {
    PageTexts::from_bytes(read_section(file, section)?)
}

fn read_section(file: &mut File, section: Section) -> Option<Vec<u8>> {
    file.seek(SeekFrom::Start(section.offset)).ok()?;
    let mut bytes = vec![0; usize::try_from(section.len).ok()?];
    file.read_exact(&mut bytes).ok()?;
    (checksum(&bytes) == section.checksum).then_some(bytes)
}

/// The sections made from the entries, encoded by [`encode`] for [`write`].
#[derive(Debug)]
pub struct Encoded {
    entries: Vec<u8>,
    excerpts: Vec<u8>,
}

/// Encodes the sections made from `entries`, one after the other: each one's working memory is
/// free again before the next is made (encoding them side by side raised the peak of an
/// incremental export by some 40 MB at 100,000 statements).
pub fn encode(entries: &[Entry]) -> io::Result<Encoded> {
    let stored = postcard::to_allocvec(&store(entries)).map_err(io::Error::other)?;
    // Written only when every statement has its excerpt (else none, and export reads them anew).
    let excerpts: Option<Vec<&str>> = entries
        .iter()
        .map(|e| match &e.summary {
            Some(summary) => summary.excerpt.as_deref(),
            None => Some(""),
        })
        .collect();
    let excerpts = postcard::to_allocvec(&excerpts).map_err(io::Error::other)?;
    Ok(Encoded {
        entries: stored,
        excerpts,
    })
}

/// Writes the cache atomically (a temporary file in `.press/`, then a rename). A `.press/`
/// folder made here gets a `.gitignore` of its own, so archives made before `press init` wrote
/// `/.press/` into theirs do not track it either.
pub fn write(
    root: &Path,
    encoded: &Encoded,
    index: &WordIndex,
    texts: &PageTexts,
) -> io::Result<()> {
    let Encoded { entries, excerpts } = encoded;
    // The page texts are written from where they lie, never copied into one buffer: their
    // length and checksum first, then their bytes.
    let mut texts_len = 0;
    texts
        .write_section(&mut |piece| {
            texts_len += piece.len();
            Ok(())
        })
        .ok_or_else(|| io::Error::other("page texts too large"))??;
    let mut texts_sum = Checksum::new(texts_len);
    texts
        .write_section(&mut |piece| {
            texts_sum.update(piece);
            Ok(())
        })
        .ok_or_else(|| io::Error::other("page texts too large"))??;
    let words = postcard::to_allocvec(&StoredWords {
        words: Cow::Borrowed(&index.words),
        word_ends: index.word_ends.clone(),
        posting_ends: index.posting_ends.clone(),
    })
    .map_err(io::Error::other)?;
    let dir = dir(root);
    fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fs::write(ignore, "*\n")?;
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".cache-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    let mut header = Header {
        version: build_identity(),
        written: nanos_since_epoch(SystemTime::now()),
        entries: Section::default(),
        words: Section::default(),
        postings: Section::default(),
        excerpts: Section::default(),
        texts: Section::default(),
    };
    // The header's own size depends on the offsets it holds, so it gets a fixed-size slot.
    const HEADER_SLOT: u64 = 256;
    let mut offset = 16 + HEADER_SLOT;
    for (section, bytes) in [
        (&mut header.entries, entries),
        (&mut header.words, &words),
        (&mut header.postings, &index.postings),
        (&mut header.excerpts, excerpts),
    ] {
        *section = Section {
            offset,
            len: bytes.len() as u64,
            checksum: checksum(bytes),
        };
        offset += bytes.len() as u64;
    }
    header.texts = Section {
        offset,
        len: texts_len as u64,
        checksum: texts_sum.finish(),
    };
    let mut header_bytes = postcard::to_allocvec(&header).map_err(io::Error::other)?;
    if header_bytes.len() as u64 > HEADER_SLOT {
        return Err(io::Error::other("cache header too large"));
    }
    let header_len = u32::try_from(header_bytes.len()).map_err(io::Error::other)?;
    header_bytes.resize(HEADER_SLOT as usize, 0);
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&header_len.to_le_bytes())?;
        out.write_all(&header_bytes)?;
        out.write_all(entries)?;
        out.write_all(&words)?;
        out.write_all(&index.postings)?;
        out.write_all(excerpts)?;
        texts
            .write_section(&mut |piece| out.write_all(piece))
            .unwrap_or(Ok(()))?;
        out.flush()?;
    }
    temp.persist(path(root)).map_err(|err| err.error)?;
    Ok(())
}

/// A fast 64-bit checksum (a multiply-rotate over 8-byte words); it guards against torn and
/// damaged files, not against tampering.
fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::new(bytes.len());
    sum.update(bytes);
    sum.finish()
}

/// [`checksum`] over bytes that come in pieces (the whole length known up front).
struct Checksum {
    hash: u64,
    /// Bytes of a word not yet complete.
    carry: [u8; 8],
    carried: usize,
}

impl Checksum {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn new(len: usize) -> Self {
        Self {
            hash: 0x51_7c_c1_b7_27_22_0a_95 ^ len as u64,
            carry: [0; 8],
            carried: 0,
        }
    }

    fn mix(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(Self::K).rotate_left(29);
    }

    fn update(&mut self, mut bytes: &[u8]) {
        if self.carried > 0 {
            let take = (8 - self.carried).min(bytes.len());
            self.carry[self.carried..self.carried + take].copy_from_slice(&bytes[..take]);
            self.carried += take;
            bytes = &bytes[take..];
            if self.carried < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.carry));
            self.carried = 0;
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut le = [0u8; 8];
            le.copy_from_slice(word);
            self.mix(u64::from_le_bytes(le));
        }
        let rest = words.remainder();
        self.carry[..rest.len()].copy_from_slice(rest);
        self.carried = rest.len();
    }

    fn finish(mut self) -> u64 {
        for i in 0..self.carried {
            let byte = self.carry[i];
            self.mix(u64::from(byte));
        }
        self.hash ^ (self.hash >> 32)
    }
}

#[cfg(test)]
mod command_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checksum_in_pieces_is_the_checksum_of_the_whole() {
        let bytes: Vec<u8> = (0..=200u8).collect();
        for cuts in [
            vec![0, 201],
            vec![3, 5, 17, 64, 200],
            vec![1, 2, 3, 4, 5, 6, 7, 8, 9],
        ] {
            let mut sum = Checksum::new(bytes.len());
            let mut at = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                sum.update(&bytes[at..cut.max(at)]);
                at = cut.max(at);
            }
            assert_eq!(sum.finish(), checksum(&bytes));
        }
    }
}
