//! The client-side search index, written as JavaScript files that the theme's `search.js` loads
//! with `<script src>` (a `file://` page may not `fetch()` its neighbours in Chromium).
//!
//! What a search loads stays small at any archive size, because the index is split:
//! - `search/index.js`: the shared tables (speakers, topics, locations) and the list of shards;
//! - `search/terms/KEY.js`: for the words starting with the same two characters (`KEY` is their
//!   code points in hex, joined by `-`), each word with the ids of the statements it occurs in,
//!   delta-encoded; a query loads only the shards of its words' first two characters;
//! - `search/docs/N.js`: statements `N*100 .. N*100+99` as
//!   `[title, yyyymmdd, slug, [speakers], [topics], location or -1, summary]`, loaded only for the
//!   results shown. Ids are positions in the newest-first order, so lower is newer.
//!
//! Words come from titles, speakers, topics, locations and summaries (not bodies). They are
//! folded like `search.js` folds the query: lowercase, Latin letters without diacritics.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::html::Card;
use super::sanitize::xml_text;

/// Statements per `docs/N.js` shard.
pub const DOCS_PER_SHARD: usize = 100;

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

/// Every file of the search index (paths under `search/`), for statements newest first.
pub(crate) fn index_files(cards: &[Card]) -> Vec<(String, Vec<u8>)> {
    let mut speakers = Table::default();
    let mut topics = Table::default();
    let mut locations = Table::default();
    let mut terms: BTreeMap<String, BTreeMap<String, BTreeSet<usize>>> = BTreeMap::new();
    let mut docs: Vec<serde_json::Value> = Vec::with_capacity(cards.len());
    for (id, card) in cards.iter().enumerate() {
        let slug = card.url.split('/').nth(2).unwrap_or_default();
        let date: u64 = card.date.replace('-', "").parse().unwrap_or_default();
        let summary: String = xml_text(&card.summary)
            .chars()
            .take(SUMMARY_CHARS)
            .collect();
        let mut text = vec![card.title.as_str(), card.summary.as_str()];
        text.extend(card.speakers.iter().map(|s| s.name.as_str()));
        text.extend(card.topics.iter().map(|t| t.name.as_str()));
        text.extend(card.location.iter().map(|l| l.name.as_str()));
        for part in text {
            for word in words(part) {
                let key = shard_key(&word);
                if !key.is_empty() {
                    terms
                        .entry(key)
                        .or_default()
                        .entry(word)
                        .or_default()
                        .insert(id);
                }
            }
        }
        docs.push(serde_json::json!([
            xml_text(&card.title),
            date,
            slug,
            card.speakers
                .iter()
                .map(|s| speakers.id(&s.name))
                .collect::<Vec<_>>(),
            card.topics
                .iter()
                .map(|t| topics.id(&t.name))
                .collect::<Vec<_>>(),
            card.location
                .as_ref()
                .map_or(-1, |l| locations.id(&l.name) as i64),
            summary,
        ]));
    }
    let mut files = Vec::new();
    let mut shard_names = Vec::new();
    for (name, words) in &terms {
        let name = name.clone();
        let map: serde_json::Map<String, serde_json::Value> = words
            .iter()
            .map(|(word, ids)| {
                let mut last = 0;
                let deltas: Vec<usize> = ids
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
        files.push((
            format!("search/terms/{name}.js"),
            format!(
                "pressSearch.terms(\"{name}\", {});\n",
                script_json(&serde_json::Value::Object(map))
            )
            .into_bytes(),
        ));
        shard_names.push(name);
    }
    for (n, chunk) in docs.chunks(DOCS_PER_SHARD).enumerate() {
        files.push((
            format!("search/docs/{n}.js"),
            format!(
                "pressSearch.docs({n}, {});\n",
                script_json(&serde_json::Value::Array(chunk.to_vec()))
            )
            .into_bytes(),
        ));
    }
    let index = serde_json::json!({
        "count": cards.len(),
        "docsPerShard": DOCS_PER_SHARD,
        "terms": shard_names,
        "speakers": speakers.names,
        "topics": topics.names,
        "locations": locations.names,
    });
    files.push((
        "search/index.js".to_owned(),
        format!("window.PRESS_SEARCH = {};\n", script_json(&index)).into_bytes(),
    ));
    files
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
