//! The client-side search index, written as JavaScript files that the theme's `search.js` loads
//! with `<script src>` (a `file://` page may not `fetch()` its neighbours in Chromium).
//!
//! What a search loads stays small at any archive size, because the index is split:
//! - `search/index.js`: the shared tables (speakers, topics, locations) and the list of shards;
//! - `search/terms/KEY.js`: for the words starting with the same two characters (`KEY` is their
//!   code points in hex, joined by `-`), each word with the ids of the statements it occurs in,
//!   delta-encoded; a query loads only the shards of its words' first two characters;
//! - `search/docs/N.js`: statements `N*100 .. N*100+99` as
//!   `[title, yyyymmdd, slug, [speakers], [topics], location or -1, summary]`, plus `lang, name`
//!   for a translation (`"es", "Español"`), loaded only for the results shown. Ids are
//!   positions in the newest-first order (originals and translations), so lower is newer.
//!
//! Words come from titles, speakers, topics, locations and summaries (not bodies). They are
//! folded like `search.js` folds the query: lowercase, Latin letters without diacritics.

use std::collections::HashMap;

use rayon::prelude::*;

use super::sanitize::xml_text;
use chrono::{Datelike as _, NaiveDate};

/// Statements per `docs/N.js` shard.
pub const DOCS_PER_SHARD: usize = 100;

/// The folder of the search index's files.
pub const FOLDER: &str = "search/";

/// What the index holds of one statement (the words and fields of its card).
pub(crate) struct Doc<'a> {
    pub(crate) title: &'a str,
    pub(crate) day: NaiveDate,
    pub(crate) slug: &'a str,
    pub(crate) speakers: Vec<&'a str>,
    /// Display names, each topic once.
    pub(crate) topics: Vec<&'a str>,
    pub(crate) location: Option<&'a str>,
    pub(crate) summary: &'a str,
    /// A translation's language tag (none for an original).
    pub(crate) lang: Option<&'a str>,
}

/// A word and the statements (by number) it occurs in.
type Postings = (String, Vec<u32>);

/// Longest summary kept in the index, in characters.
pub const SUMMARY_CHARS: usize = 200;

/// Assigns numbers to names in order of first use.
#[derive(Default)]
struct Table {
    names: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Table {
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        self.names.push(xml_text(name).into_owned());
        self.ids.insert(name.to_owned(), self.names.len() - 1);
        self.names.len() - 1
    }
}

/// Folds a word the way `search.js` does: lowercase; Latin letters with diacritics and the
/// special Latin letters (`ß`, `ø`, `æ`, …) as ASCII; other scripts kept; `’` as `'`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => {
                let ascii = deunicode::deunicode_char(c).unwrap_or_default();
                out.push_str(&ascii.to_lowercase());
            }
            // Combining marks vanish, as after NFD in the browser.
            '\u{300}'..='\u{36f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The searchable words of a text.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_owned())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .into_iter()
}

/// The shard of a word: the code points of its first two characters in hex, joined by `-`.
fn shard_key(word: &str) -> String {
    word.chars()
        .take(2)
        .map(|c| format!("{:x}", u32::from(c)))
        .collect::<Vec<_>>()
        .join("-")
}

/// Escapes JSON for a script file: no `<` (so no `</script>` or `<!--`), no line separators.
fn script_json(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_owned())
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Writes every file of the search index (paths under `search/`) through `emit`, for the
/// `count` statements newest first, whose fields `doc_of` gives.
pub(crate) fn index_files<'a>(
    count: usize,
    doc_of: &(dyn Fn(usize) -> Doc<'a> + Sync),
    emit: &(dyn Fn(String, Vec<u8>) -> anyhow::Result<()> + Sync),
) -> anyhow::Result<()> {
    // Each word's statements, gathered in parallel (one map per thread, merged), then sorted:
    // words of one shard (same first two characters) end up next to each other.
    let postings: HashMap<String, Vec<u32>> = (0..count)
        .into_par_iter()
        .fold(
            HashMap::new,
            |mut postings: HashMap<String, Vec<u32>>, id| {
                let doc = doc_of(id);
                let mut text = vec![doc.title, doc.summary];
                text.extend(&doc.speakers);
                text.extend(&doc.topics);
                text.extend(doc.location);
                let mut found: Vec<String> = text.into_iter().flat_map(words).collect();
                found.sort_unstable();
                found.dedup();
                for word in found {
                    postings
                        .entry(word)
                        .or_default()
                        .push(u32::try_from(id).unwrap_or(u32::MAX));
                }
                postings
            },
        )
        .reduce(HashMap::new, |mut all, part| {
            for (word, ids) in part {
                all.entry(word).or_default().extend(ids);
            }
            all
        });
    let mut words_found: Vec<Postings> = postings.into_iter().collect();
    words_found.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut shards: Vec<(String, &[Postings])> = Vec::new();
    for group in words_found.chunk_by(|a, b| a.0.chars().take(2).eq(b.0.chars().take(2))) {
        let key = shard_key(&group[0].0);
        if !key.is_empty() {
            shards.push((key, group));
        }
    }
    shards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    shards.par_iter().try_for_each(|(name, group)| {
        let map: serde_json::Map<String, serde_json::Value> = group
            .iter()
            .map(|(word, ids)| {
                let mut ids = ids.clone();
                ids.sort_unstable();
                let mut last = 0;
                let deltas: Vec<u32> = ids
                    .iter()
                    .map(|&id| {
                        let delta = id - last;
                        last = id;
                        delta
                    })
                    .collect();
                (xml_text(word).into_owned(), serde_json::json!(deltas))
            })
            .collect();
        emit(
            format!("search/terms/{name}.js"),
            format!(
                "pressSearch.terms(\"{name}\", {});\n",
                script_json(&serde_json::Value::Object(map))
            )
            .into_bytes(),
        )
    })?;
    let shard_names: Vec<&String> = shards.iter().map(|(name, _)| name).collect();
    // Speakers, topics and locations are numbered in order of first use, in one pass; the
    // document shards are then written in parallel.
    let mut speakers = Table::default();
    let mut topics = Table::default();
    let mut locations = Table::default();
    let numbers: Vec<(Vec<usize>, Vec<usize>, i64)> = (0..count)
        .map(|id| {
            let doc = doc_of(id);
            (
                doc.speakers.iter().map(|s| speakers.id(s)).collect(),
                doc.topics.iter().map(|t| topics.id(t)).collect(),
                doc.location.map_or(-1, |l| locations.id(l) as i64),
            )
        })
        .collect();
    numbers
        .par_chunks(DOCS_PER_SHARD)
        .enumerate()
        .try_for_each(|(n, chunk)| {
            let docs: Vec<serde_json::Value> = chunk
                .iter()
                .enumerate()
                .map(|(offset, (speakers, topics, location))| {
                    let doc = doc_of(n * DOCS_PER_SHARD + offset);
                    let date = doc.day.year() as i64 * 10_000
                        + i64::from(doc.day.month()) * 100
                        + i64::from(doc.day.day());
                    let summary: String =
                        xml_text(doc.summary).chars().take(SUMMARY_CHARS).collect();
                    let mut row = serde_json::json!([
                        xml_text(doc.title),
                        date,
                        doc.slug,
                        speakers,
                        topics,
                        location,
                        summary
                    ]);
                    // A translation is marked with its language: tag and name.
                    if let (Some(lang), Some(fields)) = (doc.lang, row.as_array_mut()) {
                        fields.push(lang.into());
                        fields.push(xml_text(&crate::language::endonym(lang)).into());
                    }
                    row
                })
                .collect();
            emit(
                format!("search/docs/{n}.js"),
                format!(
                    "pressSearch.docs({n}, {});\n",
                    script_json(&serde_json::Value::Array(docs))
                )
                .into_bytes(),
            )
        })?;
    let index = serde_json::json!({
        "count": count,
        "docsPerShard": DOCS_PER_SHARD,
        "terms": shard_names,
        "speakers": speakers.names,
        "topics": topics.names,
        "locations": locations.names,
    });
    emit(
        "search/index.js".to_owned(),
        format!("window.PRESS_SEARCH = {};\n", script_json(&index)).into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_the_browser() {
        assert_eq!(
            fold("Türkiye’s ÉLAN Straße Øst"),
            "turkiye's elan strasse ost"
        );
        assert_eq!(fold("هذا"), "هذا");
        let found: Vec<String> = words("Women's rights: “now”, 2026!").collect();
        assert_eq!(found, ["women's", "rights", "now", "2026"]);
        assert_eq!(shard_key("ab"), "61-62");
        assert_eq!(shard_key("a"), "61");
    }
}
