//! The word index behind `list --text`: every folded word of every statement (title, body and
//! background, split as [`crate::query::words`] splits them) with the ids of the files that
//! contain it. Pure: no I/O; [`crate::cache`] stores it.
//!
//! A query word matches a statement exactly when it starts one of the statement's words, so a
//! query is a prefix range of the sorted vocabulary: two binary searches, then the union of the
//! posting lists in the range. Posting lists are ascending file ids stored as LEB128 deltas (a
//! byte per posting for common words), which keeps the index of 100,000 statements to a few
//! megabytes per million postings instead of four bytes each.

use std::collections::HashMap;

/// A growing posting list: ascending ids as LEB128 deltas.
#[derive(Debug, Default, Clone)]
struct Postings {
    /// The last id added (meaningful when `bytes` is not empty).
    last: u32,
    bytes: Vec<u8>,
}

impl Postings {
    fn push(&mut self, id: u32) {
        if self.bytes.is_empty() {
            write_varint(&mut self.bytes, id);
        } else if id > self.last {
            write_varint(&mut self.bytes, id - self.last);
        } else if id == self.last {
            return;
        } else {
            // Out of order: rebuild (never happens when ids are added ascending).
            let mut ids = decode(&self.bytes);
            ids.push(id);
            *self = Self::from_ids(ids);
            return;
        }
        self.last = id;
    }

    fn from_ids(mut ids: Vec<u32>) -> Self {
        ids.sort_unstable();
        ids.dedup();
        let mut postings = Self::default();
        for id in ids {
            postings.push(id);
        }
        postings
    }

    /// Appends `other`; cheap when all of its ids come after ours (the usual case when partial
    /// indexes of consecutive file ranges are merged in order).
    fn append(&mut self, other: Postings) {
        if other.bytes.is_empty() {
            return;
        }
        if self.bytes.is_empty() {
            *self = other;
            return;
        }
        let (first, used) = read_varint(&other.bytes, 0).unwrap_or((0, other.bytes.len()));
        if first > self.last {
            write_varint(&mut self.bytes, first - self.last);
            self.bytes.extend_from_slice(&other.bytes[used..]);
            self.last = other.last;
        } else {
            let mut ids = decode(&self.bytes);
            ids.extend(decode(&other.bytes));
            *self = Self::from_ids(ids);
        }
    }
}

/// Builds a [`WordIndex`]: add each file's words, merge partial builders from parallel work.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    words: HashMap<Box<str>, Postings>,
}

impl IndexBuilder {
    /// Records that file `id` contains `word`. Adding a file's words in ascending id order
    /// keeps this cheap; any order gives the same index.
    pub fn add(&mut self, word: &str, id: u32) {
        match self.words.get_mut(word) {
            Some(postings) => postings.push(id),
            None => {
                let mut postings = Postings::default();
                postings.push(id);
                self.words.insert(word.into(), postings);
            }
        }
    }

    /// Merges another builder in (cheapest when its ids all follow this one's).
    pub fn merge(&mut self, other: IndexBuilder) {
        if self.words.is_empty() {
            *self = other;
            return;
        }
        for (word, postings) in other.words {
            self.words.entry(word).or_default().append(postings);
        }
    }

    /// The finished, sorted index.
    pub fn finish(self) -> WordIndex {
        let mut index = WordIndex::default();
        for (word, postings) in self.sorted() {
            index.push(&word, &postings.bytes);
        }
        index
    }

    /// The words and their postings, in word order.
    fn sorted(self) -> Vec<(Box<str>, Postings)> {
        let mut entries: Vec<(Box<str>, Postings)> = self.words.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        entries
    }
}

/// A sorted vocabulary of folded words, each with the ascending ids of the files containing it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WordIndex {
    /// The words, sorted, concatenated.
    pub words: String,
    /// Where each word ends in `words`.
    pub word_ends: Vec<u32>,
    /// Every posting list, LEB128 deltas, concatenated in word order.
    pub postings: Vec<u8>,
    /// Where each word's posting list ends in `postings`.
    pub posting_ends: Vec<u32>,
}

impl WordIndex {
    /// The index after some files changed: this one's posting lists with their ids mapped
    /// through `remap` (`None`: the file is gone or was read again), merged in word order with
    /// `fresh`, the words of the files just read. A list that `remap` leaves as it was is
    /// copied as it is, so a small change costs one pass over the index, not a rebuild.
    pub fn update(&self, remap: impl Fn(u32) -> Option<u32>, fresh: IndexBuilder) -> WordIndex {
        let mut fresh = fresh.sorted().into_iter().peekable();
        // Sized like this one: a small change leaves the index about as large.
        let mut index = WordIndex {
            words: String::with_capacity(self.words.len()),
            word_ends: Vec::with_capacity(self.word_ends.len()),
            postings: Vec::with_capacity(self.postings.len()),
            posting_ends: Vec::with_capacity(self.posting_ends.len()),
        };
        for i in 0..self.len() {
            let word = self.word(i);
            while let Some((new, postings)) = fresh.next_if(|(new, _)| &**new < word) {
                index.push(&new, &postings.bytes);
            }
            let more = fresh.next_if(|(new, _)| &**new == word).map(|(_, p)| p);
            // Most lists keep every id as it was: checked without collecting them.
            match more {
                None if self.postings(i).all(|id| remap(id) == Some(id)) => {
                    let start = self.start(&self.posting_ends, i);
                    let bytes = &self.postings[start..self.posting_ends[i] as usize];
                    if !bytes.is_empty() {
                        index.push(word, bytes);
                    }
                }
                more => {
                    let ids: Vec<u32> = self.postings(i).filter_map(&remap).collect();
                    // Both lists ascend (`remap` keeps the files' order): merge, then encode.
                    let more = more.map(|p| decode(&p.bytes)).unwrap_or_default();
                    let mut postings = Postings::default();
                    let (mut a, mut b) = (ids.into_iter().peekable(), more.into_iter().peekable());
                    loop {
                        let next = match (a.peek(), b.peek()) {
                            (Some(&x), Some(&y)) if x <= y => a.next(),
                            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
                            (Some(_), None) => a.next(),
                            (None, None) => break,
                        };
                        if let Some(id) = next {
                            postings.push(id);
                        }
                    }
                    if !postings.bytes.is_empty() {
                        index.push(word, &postings.bytes);
                    }
                }
            }
        }
        for (new, postings) in fresh {
            index.push(&new, &postings.bytes);
        }
        index
    }

    /// Adds a word (after every word so far) with its encoded posting list.
    fn push(&mut self, word: &str, postings: &[u8]) {
        self.words.push_str(word);
        self.postings.extend_from_slice(postings);
        self.word_ends
            .push(u32::try_from(self.words.len()).unwrap_or(u32::MAX));
        self.posting_ends
            .push(u32::try_from(self.postings.len()).unwrap_or(u32::MAX));
    }

    /// How many distinct words.
    pub fn len(&self) -> usize {
        self.word_ends.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.word_ends.is_empty()
    }

    /// Whether the offsets are consistent (a decoded index is checked before use).
    pub fn is_consistent(&self) -> bool {
        self.word_ends.len() == self.posting_ends.len()
            && self.word_ends.windows(2).all(|w| w[0] <= w[1])
            && self.posting_ends.windows(2).all(|w| w[0] <= w[1])
            && self
                .word_ends
                .last()
                .is_none_or(|&end| end as usize == self.words.len())
            && self
                .posting_ends
                .last()
                .is_none_or(|&end| end as usize == self.postings.len())
            && (0..self.len()).all(|i| self.words.is_char_boundary(self.start(&self.word_ends, i)))
            && (1..self.len()).all(|i| self.word(i - 1) < self.word(i))
    }

    fn start(&self, ends: &[u32], i: usize) -> usize {
        if i == 0 { 0 } else { ends[i - 1] as usize }
    }

    /// The `i`th word.
    pub fn word(&self, i: usize) -> &str {
        let start = self.start(&self.word_ends, i);
        self.words
            .get(start..self.word_ends[i] as usize)
            .unwrap_or("")
    }

    /// The ids of the files containing the `i`th word, ascending.
    pub fn postings(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let start = self.start(&self.posting_ends, i);
        let bytes = self
            .postings
            .get(start..self.posting_ends[i] as usize)
            .unwrap_or(&[]);
        Deltas {
            bytes,
            at: 0,
            last: 0,
            first: true,
        }
    }

    /// The range of words that start with `prefix`.
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = partition_point(self.len(), |i| self.word(i) < prefix);
        let hi = lo + partition_point(self.len() - lo, |i| self.word(lo + i).starts_with(prefix));
        lo..hi
    }

    /// Marks, among `files` file ids, those that contain a word starting with every one of
    /// `words` (all of them when `words` is empty).
    pub fn search(&self, words: &[String], files: usize) -> Vec<bool> {
        let mut result = vec![true; files];
        for word in words {
            let mut found = vec![false; files];
            for i in self.prefixed(word) {
                for id in self.postings(i) {
                    if let Some(slot) = found.get_mut(id as usize) {
                        *slot = true;
                    }
                }
            }
            for (r, f) in result.iter_mut().zip(found) {
                *r &= f;
            }
        }
        result
    }
}

/// `slice::partition_point` over indices `0..len`.
fn partition_point(len: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

struct Deltas<'a> {
    bytes: &'a [u8],
    at: usize,
    last: u32,
    first: bool,
}

impl Iterator for Deltas<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let (delta, used) = read_varint(self.bytes, self.at)?;
        self.at = used;
        self.last = if self.first {
            delta
        } else {
            self.last.checked_add(delta)?
        };
        self.first = false;
        Some(self.last)
    }
}

fn decode(bytes: &[u8]) -> Vec<u32> {
    Deltas {
        bytes,
        at: 0,
        last: 0,
        first: true,
    }
    .collect()
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The value at `at` and the offset after it; `None` at the end or on a malformed value.
fn read_varint(bytes: &[u8], mut at: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(at)?;
        at += 1;
        if shift > 28 {
            return None;
        }
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some((value, at));
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(files: &[&[&str]]) -> WordIndex {
        let mut builder = IndexBuilder::default();
        for (id, words) in files.iter().enumerate() {
            for word in *words {
                builder.add(word, id as u32);
            }
        }
        builder.finish()
    }

    #[test]
    fn prefix_search_intersects_words() {
        let index = index(&[
            &["interpol", "misuse"],
            &["interpol's", "failure"],
            &["internal", "misuse"],
            &["use"],
        ]);
        assert!(index.is_consistent());
        assert_eq!(
            index.search(&["interp".into()], 4),
            [true, true, false, false]
        );
        assert_eq!(
            index.search(&["int".into(), "mis".into()], 4),
            [true, false, true, false]
        );
        assert_eq!(
            index.search(&["use".into()], 4),
            [false, false, false, true]
        );
        assert_eq!(index.search(&["zzz".into()], 4), [false; 4]);
        assert_eq!(index.search(&[], 4), [true; 4]);
    }

    #[test]
    fn merging_in_any_order_gives_the_same_index() {
        let mut left = IndexBuilder::default();
        let mut right = IndexBuilder::default();
        for id in 0..300u32 {
            let builder = if id % 3 == 0 { &mut right } else { &mut left };
            builder.add("a", id * 1000);
            builder.add(if id % 2 == 0 { "even" } else { "odd" }, id * 1000);
        }
        let mut one = IndexBuilder::default();
        for id in 0..300u32 {
            one.add("a", id * 1000);
            one.add(if id % 2 == 0 { "even" } else { "odd" }, id * 1000);
        }
        left.merge(right);
        let (merged, one) = (left.finish(), one.finish());
        assert_eq!(merged, one);
        assert_eq!(merged.postings(0).count(), 300);
        let kept = one.update(
            |id| (id % 2000 == 0).then_some(id / 2000),
            IndexBuilder::default(),
        );
        assert_eq!(kept.len(), 2, "odd ids are all dropped");
        assert_eq!(
            kept.postings(0).collect::<Vec<_>>(),
            (0..150).collect::<Vec<_>>()
        );
    }

    /// Deltas of 127, 128 (the first that takes a second LEB128 byte), 2^14, 2^21 and 2^28
    /// (the fifth byte) read back as written.
    #[test]
    fn ids_whose_deltas_take_more_bytes_read_back() {
        let ids = [
            0u32,
            127,
            255,
            383,
            16_767,
            16_768,
            2_113_920,
            270_549_376,
            u32::MAX,
        ];
        let mut builder = IndexBuilder::default();
        for id in ids {
            builder.add("w", id);
        }
        let index = builder.finish();
        assert!(index.is_consistent());
        assert_eq!(index.postings(0).collect::<Vec<_>>(), ids);
        let first = index.search(&["w".into()], 400);
        assert_eq!(
            (0..400).filter(|&i| first[i]).collect::<Vec<_>>(),
            [0, 127, 255, 383]
        );
    }

    /// A stored index whose offsets disagree with its text is refused (`read_index` then builds
    /// it again), whichever offset is wrong.
    #[test]
    fn an_index_whose_offsets_disagree_is_not_consistent() {
        let good = index(&[&["alpha", "beta"], &["gamma"]]);
        assert!(good.is_consistent());
        let broken = |change: &dyn Fn(&mut WordIndex)| {
            let mut index = good.clone();
            change(&mut index);
            index.is_consistent()
        };
        assert!(!broken(&|i| {
            i.posting_ends.pop();
        }));
        assert!(!broken(&|i| i.word_ends.swap(0, 1)));
        assert!(!broken(&|i| i.posting_ends.swap(0, 1)));
        assert!(!broken(&|i| i.words.push('x')));
        assert!(!broken(&|i| i.postings.push(1)));
        assert!(!broken(&|i| {
            i.words = "ébetagamma".into();
            i.word_ends = vec![1, 6, 11];
        }));
        assert!(!broken(&|i| {
            i.words = "betaalphagamma".into();
            i.word_ends = vec![4, 9, 14];
        }));
    }

    #[test]
    fn an_update_equals_a_rebuild() {
        // Files 0..50; file 7 is read again with other words, file 9 is gone (ids after it
        // move down by one), and a new file comes last.
        let words = |id: u32| -> Vec<String> {
            vec![
                format!("w{}", id % 5),
                format!("x{}", id % 3),
                "common".into(),
            ]
        };
        let mut old = IndexBuilder::default();
        for id in 0..50 {
            for w in words(id) {
                old.add(&w, id);
            }
        }
        let old = old.finish();
        let remap = |id: u32| match id {
            7 | 9 => None,
            id if id > 9 => Some(id - 1),
            id => Some(id),
        };
        let mut fresh = IndexBuilder::default();
        fresh.add("brand-new", 7);
        fresh.add("common", 7);
        fresh.add("a-first", 49);
        fresh.add("w0", 49);
        let updated = old.update(remap, fresh);
        let mut rebuilt = IndexBuilder::default();
        for old_id in 0..50 {
            if let Some(id) = remap(old_id) {
                for w in words(old_id) {
                    rebuilt.add(&w, id);
                }
            }
        }
        for (w, id) in [("brand-new", 7), ("common", 7), ("a-first", 49), ("w0", 49)] {
            rebuilt.add(w, id);
        }
        assert_eq!(updated, rebuilt.finish());
        assert!(updated.is_consistent());
    }
}
