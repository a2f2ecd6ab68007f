//! What a statement's page shows that its [`crate::statement::Summary`] does not, besides the
//! body: the Background section, the contact block and the source URL. They live in the front
//! matter, so without them export would parse every file's YAML a second time to render its page;
//! with them it reads the file, checks its digest and takes the body. Also who said each quoted
//! passage of the body ([`crate::quotes::Said`]): the attribution rules cost more than parsing, so
//! `press quotes` and the speaker pages take them from here rather than running them again.
//!
//! [`PageTexts`] holds one record per statement file, by file id (walk order): the digest of the
//! file the texts came from, then the texts, postcard-encoded. Records sit back to back in a few
//! large buffers (the cache section they were read from, and what each thread that parsed files
//! collected), and each file's span says where its record is: a record is found by id without
//! decoding the others, and a rewrite of the cache moves buffers rather than copying records, so
//! some 45 MB at 100,000 statements are never held twice.
//!
//! In the cache the section is the record count, each record's end offset, then the records in
//! id order (integers little-endian).

use serde::{Deserialize, Serialize};

use crate::quotes::Said;
use crate::statement::Statement;

/// One file's page texts, borrowed from a [`PageTexts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText<'a> {
    /// Digest of the file these texts were read from ([`crate::statement::parse::digest`]).
    pub digest: u64,
    /// The Background section, Markdown.
    pub background: Option<&'a str>,
    /// The contact block, plain text.
    pub contact: Option<&'a str>,
    /// Where it was published.
    pub source: Option<&'a str>,
    /// Who said each quoted passage of the body, in order ([`crate::quotes::quotes`]); none
    /// when the record was made without them.
    pub quotes: Option<Vec<Said>>,
}

impl<'a> PageText<'a> {
    /// The page texts of a statement parsed from a file with this digest, with who said each
    /// quote when `quotes`.
    pub fn of(statement: &'a Statement, digest: u64, quotes: bool) -> Self {
        Self {
            digest,
            background: statement.background.as_deref(),
            contact: statement.contact.as_deref(),
            source: statement.source.as_deref(),
            quotes: quotes.then(|| {
                crate::quotes::quotes(statement)
                    .iter()
                    .map(crate::quotes::Quote::said)
                    .collect()
            }),
        }
    }

    /// The record's bytes (empty in the unlikely case that it cannot be encoded: no texts).
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }
}

/// Where one file's record is: a range of one buffer (empty: no record).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Span {
    buffer: u32,
    start: u32,
    end: u32,
}

/// Every file's page texts, by file id.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageTexts {
    buffers: Vec<Vec<u8>>,
    spans: Vec<Span>,
}

/// Records collected while files are parsed, in any order ([`PageTexts::assemble`] puts them in
/// place): one buffer for each thread's share.
#[derive(Debug, Default)]
pub struct Collected {
    parts: Vec<Part>,
}

/// One thread's records: a buffer, and the file id and span of each record in it.
type Part = (Vec<u8>, Vec<(u32, Span)>);

/// For each file id of a new store, the id its record had in the old one (when it had one).
pub type OldIds<'a> = &'a dyn Fn(usize) -> Option<usize>;

impl Collected {
    /// Adds the record of file `id`.
    pub fn push(&mut self, id: u32, record: &[u8]) {
        // Buffers of a fixed size, never grown: growing one copies it, and a copy of tens of
        // megabytes at the peak of a cache build is what this store is made to avoid.
        const BUFFER: usize = 1 << 20;
        let full = self
            .parts
            .last()
            .is_none_or(|(bytes, _)| bytes.len() + record.len() > bytes.capacity());
        if full {
            let bytes = Vec::with_capacity(BUFFER.max(record.len()));
            self.parts.push((bytes, Vec::new()));
        }
        let Some((bytes, spans)) = self.parts.last_mut() else {
            return;
        };
        let (Ok(start), Ok(end)) = (
            u32::try_from(bytes.len()),
            u32::try_from(bytes.len() + record.len()),
        ) else {
            return;
        };
        bytes.extend_from_slice(record);
        spans.push((
            id,
            Span {
                buffer: 0,
                start,
                end,
            },
        ));
    }

    /// Takes in another thread's records (their buffer is moved, not copied).
    pub fn merge(&mut self, other: Collected) {
        self.parts.extend(other.parts);
    }
}

impl PageTexts {
    /// The store of these records, one per file id (an empty record: none for that file).
    pub fn collect<'r>(records: impl IntoIterator<Item = &'r [u8]>) -> Self {
        let mut collected = Collected::default();
        let mut count = 0;
        for (id, record) in records.into_iter().enumerate() {
            collected.push(u32::try_from(id).unwrap_or(u32::MAX), record);
            count = id + 1;
        }
        Self::assemble(count, None, collected)
    }

    /// The store for `count` files: each file's record from `fresh` when it has one there, else
    /// from `old` at the id [`OldIds`] gives (the files a cache rewrite keeps).
    pub fn assemble(count: usize, old: Option<(PageTexts, OldIds<'_>)>, fresh: Collected) -> Self {
        let mut texts = Self {
            buffers: Vec::new(),
            spans: vec![Span::default(); count],
        };
        if let Some((old, old_id)) = old {
            for (id, span) in texts.spans.iter_mut().enumerate() {
                if let Some(old_span) = old_id(id).and_then(|i| old.spans.get(i)) {
                    *span = *old_span;
                }
            }
            texts.buffers = old.buffers;
        }
        for (bytes, spans) in fresh.parts {
            let buffer = u32::try_from(texts.buffers.len()).unwrap_or(u32::MAX);
            for (id, span) in spans {
                if let Some(slot) = texts.spans.get_mut(id as usize) {
                    *slot = Span { buffer, ..span };
                }
            }
            texts.buffers.push(bytes);
        }
        texts
    }

    /// How many files it has a record for.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether it has no records.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The raw record of file `id` (empty when it has none).
    pub fn record(&self, id: usize) -> &[u8] {
        self.spans
            .get(id)
            .and_then(|span| {
                let buffer = self.buffers.get(span.buffer as usize)?;
                buffer.get(span.start as usize..span.end as usize)
            })
            .unwrap_or_default()
    }

    /// The page texts of file `id`, when it has a record.
    pub fn get(&self, id: usize) -> Option<PageText<'_>> {
        postcard::from_bytes(self.record(id)).ok()
    }

    /// Hands the cache section to `write` piece by piece (see the module doc for its layout);
    /// None when the records total 4 GB or more.
    pub fn write_section(
        &self,
        write: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> Option<std::io::Result<()>> {
        let mut table = Vec::with_capacity(4 + 4 * self.len());
        table.extend_from_slice(&u32::try_from(self.len()).ok()?.to_le_bytes());
        let mut end = 0u32;
        for id in 0..self.len() {
            end = end.checked_add(u32::try_from(self.record(id).len()).ok()?)?;
            table.extend_from_slice(&end.to_le_bytes());
        }
        let result = write(&table).and_then(|()| {
            (0..self.len()).try_for_each(|id| match self.record(id) {
                [] => Ok(()),
                record => write(record),
            })
        });
        Some(result)
    }

    /// The store a cache section holds; none when the bytes do not hold one.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Self> {
        let word = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        let count = word(0)? as usize;
        let table = 4usize.checked_add(count.checked_mul(4)?)?;
        let records = bytes.len().checked_sub(table)?;
        let mut spans = Vec::with_capacity(count);
        let mut start = u32::try_from(table).ok()?;
        for i in 0..count {
            let end = u32::try_from(table).ok()?.checked_add(word(4 + 4 * i)?)?;
            if end < start {
                return None;
            }
            spans.push(Span {
                buffer: 0,
                start,
                end,
            });
            start = end;
        }
        if start as usize != table + records {
            return None;
        }
        Some(Self {
            buffers: vec![bytes],
            spans,
        })
    }
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    fn section(texts: &PageTexts) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        texts
            .write_section(&mut |piece| {
                out.extend_from_slice(piece);
                Ok(())
            })
            .context("the records total less than 4 GB")??;
        Ok(out)
    }

    #[test]
    fn records_round_trip_by_id() -> Result<()> {
        let first = PageText {
            digest: 7,
            background: Some("Some *background*."),
            contact: Some("Press office\n+44 20 7946 0000"),
            source: None,
            quotes: Some(vec![Said {
                speaker: Some("Jane Roe".to_owned()),
                attributed: Some(crate::quotes::Attribution::Text),
                line: 9,
            }]),
        };
        let third = PageText {
            digest: 9,
            background: None,
            contact: None,
            source: Some("https://example.org/x"),
            quotes: None,
        };
        let records = [first.encode(), Vec::new(), third.encode()];
        let texts = PageTexts::collect(records.iter().map(Vec::as_slice));
        assert_eq!(texts.len(), 3);
        let texts = PageTexts::from_bytes(section(&texts)?).context("the section reads back")?;
        assert_eq!(texts.get(0), Some(first.clone()));
        assert_eq!(texts.get(1), None);
        assert_eq!(texts.get(2), Some(third.clone()));
        assert_eq!(texts.get(3), None);
        assert_eq!(texts.record(1), b"");
        // A rewrite keeps files 0 and 2 (now 1 and 2) and reads a new file 0 on two threads.
        let mut fresh = Collected::default();
        fresh.push(0, &third.encode());
        let mut other = Collected::default();
        other.push(2, &first.encode());
        fresh.merge(other);
        let old_id = |id: usize| [None, Some(0), Some(2)][id];
        let moved = PageTexts::assemble(3, Some((texts, &old_id)), fresh);
        let moved = PageTexts::from_bytes(section(&moved)?).context("the section reads back")?;
        assert_eq!(moved.get(0), Some(third));
        assert_eq!(moved.get(1), Some(first.clone()));
        assert_eq!(moved.get(2), Some(first));
        Ok(())
    }

    #[test]
    fn damaged_bytes_are_refused() -> Result<()> {
        let texts = PageTexts::collect([b"ab".as_slice(), b"c"]);
        let mut bytes = section(&texts)?;
        bytes.pop();
        assert_eq!(PageTexts::from_bytes(bytes), None);
        assert_eq!(PageTexts::from_bytes(vec![1, 0]), None);
        assert_eq!(
            PageTexts::from_bytes(vec![2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 7]),
            None
        );
        let empty =
            PageTexts::from_bytes(vec![0, 0, 0, 0]).context("no records is a valid section")?;
        assert!(empty.is_empty());
        Ok(())
    }
}
