//! What a statement's page shows that its [`crate::statement::Summary`] does not, besides the
//! body: the Background section and the source URL. Both live in the front matter, so without
//! them export would parse every file's YAML a second time to render its page; with them it reads
//! the file, checks its digest and takes the body.
//!
//! [`PageTexts`] holds one record per statement file, by file id (walk order): the digest of the
//! file the texts came from, then the texts, postcard-encoded back to back with each record's end
//! offset. A record is found by id without decoding the others and is copied as bytes when the
//! cache is rewritten, and the whole store is one allocation (some 45 MB at 100,000 statements),
//! dropped once the statement pages are done.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::statement::Statement;

/// One file's page texts, borrowed from a [`PageTexts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageText<'a> {
    /// Digest of the file these texts were read from ([`crate::statement::parse::digest`]).
    pub digest: u64,
    /// The Background section, Markdown.
    pub background: Option<&'a str>,
    /// Where it was published.
    pub source: Option<&'a str>,
}

impl<'a> PageText<'a> {
    /// The page texts of a statement parsed from a file with this digest.
    pub fn of(statement: &'a Statement, digest: u64) -> Self {
        Self {
            digest,
            background: statement.background.as_deref(),
            source: statement.source.as_deref(),
        }
    }

    /// The record's bytes (empty in the unlikely case that it cannot be encoded: no texts).
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }
}

/// Every file's page texts, by file id.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageTexts {
    /// The records, from `start` on (what comes before is the table they were read with).
    bytes: Vec<u8>,
    start: usize,
    /// End offset in `bytes` of each file's record.
    ends: Vec<u32>,
    /// Records that replace those in `bytes`, by file id ([`PageTexts::patch`]).
    patched: BTreeMap<usize, Vec<u8>>,
}

impl PageTexts {
    /// The store of these records, one per file id (an empty record: none for that file).
    /// None when they total 4 GB or more.
    pub fn collect<'r>(records: impl IntoIterator<Item = &'r [u8]>) -> Option<Self> {
        let mut texts = Self::default();
        for record in records {
            texts.bytes.extend_from_slice(record);
            texts.ends.push(u32::try_from(texts.bytes.len()).ok()?);
        }
        Some(texts)
    }

    /// How many files it has a record for.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether it has no records.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Replaces the record of file `id` (one that was read again), without moving the others.
    pub fn patch(&mut self, id: usize, record: Vec<u8>) {
        if id < self.len() {
            self.patched.insert(id, record);
        }
    }

    /// The raw record of file `id` (empty when it has none).
    pub fn record(&self, id: usize) -> &[u8] {
        if let Some(record) = self.patched.get(&id) {
            return record;
        }
        let start = match id.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(start);
        self.bytes
            .get(self.start + start as usize..self.start + end as usize)
            .unwrap_or_default()
    }

    /// The page texts of file `id`, when it has a record.
    pub fn get(&self, id: usize) -> Option<PageText<'_>> {
        postcard::from_bytes(self.record(id)).ok()
    }

    /// The store as one run of bytes (for the cache): the record count, the end offsets, the
    /// records, integers little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        if !self.patched.is_empty() {
            let ids = 0..self.len();
            return Self::collect(ids.map(|id| self.record(id)))
                .unwrap_or_default()
                .to_bytes();
        }
        let mut out = Vec::with_capacity(4 + 4 * self.ends.len() + self.bytes.len() - self.start);
        out.extend_from_slice(&u32::try_from(self.ends.len()).unwrap_or(0).to_le_bytes());
        for end in &self.ends {
            out.extend_from_slice(&end.to_le_bytes());
        }
        out.extend_from_slice(&self.bytes[self.start..]);
        out
    }

    /// The store [`PageTexts::to_bytes`] wrote; none when the bytes do not hold one.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Self> {
        let word = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        let count = word(0)? as usize;
        let table = 4usize.checked_add(count.checked_mul(4)?)?;
        let records = bytes.len().checked_sub(table)?;
        let ends: Vec<u32> = (0..count).map(|i| word(4 + 4 * i)).collect::<Option<_>>()?;
        let sorted = ends.windows(2).all(|pair| pair[0] <= pair[1]);
        if !sorted || ends.last().map_or(0, |&end| end as usize) != records {
            return None;
        }
        Some(Self {
            bytes,
            start: table,
            ends,
            patched: BTreeMap::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_by_id() {
        let first = PageText {
            digest: 7,
            background: Some("Some *background*."),
            source: None,
        };
        let third = PageText {
            digest: 9,
            background: None,
            source: Some("https://example.org/x"),
        };
        let records = [first.encode(), Vec::new(), third.encode()];
        let texts = PageTexts::collect(records.iter().map(Vec::as_slice)).unwrap();
        assert_eq!(texts.len(), 3);
        let texts = PageTexts::from_bytes(texts.to_bytes()).unwrap();
        assert_eq!(texts.get(0), Some(first.clone()));
        assert_eq!(texts.get(1), None);
        assert_eq!(texts.get(2), Some(third));
        assert_eq!(texts.get(3), None);
        assert_eq!(texts.record(1), b"");
        let mut patched = texts.clone();
        patched.patch(1, first.encode());
        patched.patch(3, first.encode());
        assert_eq!(patched.get(1), Some(first.clone()));
        assert_eq!(patched.get(3), None);
        let patched = PageTexts::from_bytes(patched.to_bytes()).unwrap();
        assert_eq!(patched.get(1), Some(first));
        assert_eq!(patched.get(2), texts.get(2));
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let texts = PageTexts::collect([b"ab".as_slice(), b"c"]).unwrap();
        let mut bytes = texts.to_bytes();
        bytes.pop();
        assert_eq!(PageTexts::from_bytes(bytes), None);
        assert_eq!(PageTexts::from_bytes(vec![1, 0]), None);
        let empty = PageTexts::from_bytes(vec![0, 0, 0, 0]).unwrap();
        assert!(empty.is_empty());
    }
}
