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
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// Every file `index_files` writes for `docs` (newest first), by path, as text.
    fn files<'a>(docs: &[Doc<'a>]) -> anyhow::Result<BTreeMap<String, String>> {
        let out = Mutex::new(BTreeMap::new());
        let doc_of = |i: usize| {
            let d = &docs[i];
            Doc {
                speakers: d.speakers.clone(),
                topics: d.topics.clone(),
                ..*d
            }
        };
        index_files(docs.len(), &doc_of, &|path, bytes| {
            let text = String::from_utf8(bytes)?;
            out.lock()
                .map_err(|_| anyhow::anyhow!("poisoned"))?
                .insert(path, text);
            Ok(())
        })?;
        out.into_inner().map_err(|_| anyhow::anyhow!("poisoned"))
    }

    fn three() -> Vec<Doc<'static>> {
        vec![
            Doc {
                title: "Georgia after Georgia <b>\u{2028}",
                day: day(2026, 3, 5),
                slug: "georgia",
                speakers: vec!["Ann Lee", "Bo Ma"],
                topics: vec!["Interpol"],
                location: None,
                summary: "Protests.",
                lang: None,
            },
            Doc {
                title: "Abuse",
                day: day(2025, 11, 20),
                slug: "abuse",
                speakers: vec!["Bo Ma"],
                topics: vec!["Interpol", "Women"],
                location: Some("Тбилиси"),
                summary: "Abuse again.",
                lang: Some("es"),
            },
            Doc {
                title: "Old",
                day: day(1999, 1, 2),
                slug: "old",
                speakers: vec!["Ann Lee"],
                topics: Vec::new(),
                location: Some("Тбилиси"),
                summary: "In Georgia.",
                lang: None,
            },
        ]
    }

    /// The whole index of three statements: the shared tables (each name numbered once, in
    /// order of first use), one shard per two first characters (words deduplicated, ids
    /// delta-encoded), the cards with their dates as `yyyymmdd`, `-1` for no location, a
    /// translation's language, and no `<` or line separator left raw in a script.
    #[test]
    fn the_index_of_three_statements_is_exactly_this() -> anyhow::Result<()> {
        let files = files(&three())?;
        let expected: BTreeMap<String, String> = [
            (
                "search/docs/0.js",
                "pressSearch.docs(0, [[\"Georgia after Georgia \\u003cb>\\u2028\",20260305,\"georgia\",[0,1],[0],-1,\"Protests.\"],[\"Abuse\",20251120,\"abuse\",[1],[0,1],0,\"Abuse again.\",\"es\",\"Español\"],[\"Old\",19990102,\"old\",[0],[],0,\"In Georgia.\"]]);\n",
            ),
            (
                "search/index.js",
                "window.PRESS_SEARCH = {\"count\":3,\"docsPerShard\":100,\"terms\":[\"442-431\",\"61-62\",\"61-66\",\"61-67\",\"61-6e\",\"62\",\"62-6f\",\"67-65\",\"69-6e\",\"6c-65\",\"6d-61\",\"6f-6c\",\"70-72\",\"77-6f\"],\"speakers\":[\"Ann Lee\",\"Bo Ma\"],\"topics\":[\"Interpol\",\"Women\"],\"locations\":[\"Тбилиси\"]};\n",
            ),
            (
                "search/terms/442-431.js",
                "pressSearch.terms(\"442-431\", {\"тбилиси\":[1,1]});\n",
            ),
            (
                "search/terms/61-62.js",
                "pressSearch.terms(\"61-62\", {\"abuse\":[1]});\n",
            ),
            (
                "search/terms/61-66.js",
                "pressSearch.terms(\"61-66\", {\"after\":[0]});\n",
            ),
            (
                "search/terms/61-67.js",
                "pressSearch.terms(\"61-67\", {\"again\":[1]});\n",
            ),
            (
                "search/terms/61-6e.js",
                "pressSearch.terms(\"61-6e\", {\"ann\":[0,2]});\n",
            ),
            (
                "search/terms/62-6f.js",
                "pressSearch.terms(\"62-6f\", {\"bo\":[0,1]});\n",
            ),
            (
                "search/terms/62.js",
                "pressSearch.terms(\"62\", {\"b\":[0]});\n",
            ),
            (
                "search/terms/67-65.js",
                "pressSearch.terms(\"67-65\", {\"georgia\":[0,2]});\n",
            ),
            (
                "search/terms/69-6e.js",
                "pressSearch.terms(\"69-6e\", {\"in\":[2],\"interpol\":[0,1]});\n",
            ),
            (
                "search/terms/6c-65.js",
                "pressSearch.terms(\"6c-65\", {\"lee\":[0,2]});\n",
            ),
            (
                "search/terms/6d-61.js",
                "pressSearch.terms(\"6d-61\", {\"ma\":[0,1]});\n",
            ),
            (
                "search/terms/6f-6c.js",
                "pressSearch.terms(\"6f-6c\", {\"old\":[2]});\n",
            ),
            (
                "search/terms/70-72.js",
                "pressSearch.terms(\"70-72\", {\"protests\":[0]});\n",
            ),
            (
                "search/terms/77-6f.js",
                "pressSearch.terms(\"77-6f\", {\"women\":[1]});\n",
            ),
        ]
        .into_iter()
        .map(|(path, text)| (path.to_owned(), text.to_owned()))
        .collect();
        assert_eq!(files, expected);
        Ok(())
    }

    /// Past a hundred statements the cards go on in `docs/1.js` (the 101st is its first), and a
    /// long summary is cut at 200 characters.
    #[test]
    fn the_101st_statement_opens_the_second_docs_shard() -> anyhow::Result<()> {
        let long = "é".repeat(250);
        let mut docs: Vec<Doc<'_>> = (0..101)
            .map(|_| Doc {
                title: "Same",
                day: day(2020, 1, 1),
                slug: "same",
                speakers: Vec::new(),
                topics: Vec::new(),
                location: None,
                summary: "",
                lang: None,
            })
            .collect();
        docs[100] = Doc {
            title: "Last",
            slug: "last",
            day: day(2019, 12, 31),
            summary: &long,
            ..Doc {
                speakers: Vec::new(),
                topics: Vec::new(),
                ..docs[0]
            }
        };
        let files = files(&docs)?;
        let cut = "é".repeat(200);
        assert_eq!(
            files.get("search/docs/1.js").map(String::as_str),
            Some(
                format!(
                    "pressSearch.docs(1, [[\"Last\",20191231,\"last\",[],[],-1,\"{cut}\"]]);\n"
                )
                .as_str()
            )
        );
        let first = files
            .get("search/docs/0.js")
            .map_or(0, |d| d.matches("\"same\"").count());
        assert_eq!(first, 100);
        assert!(
            files
                .get("search/index.js")
                .is_some_and(|i| i.contains("\"count\":101,"))
        );
        Ok(())
    }

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
