//! The client-side search index: `search/index.js`, loaded with `<script src>` (a `file://` page
//! may not `fetch()` its neighbours in Chromium), read by the theme's `search.js`.
//!
//! Compact by design: speakers, topics and locations are shared tables referenced by number;
//! each statement is `[title, yyyymmdd, slug, [speakers], [topics], location or -1, summary]`
//! (the page URL is `statements/YYYY/SLUG/index.html`); bodies are not included and summaries
//! are cut to [`SUMMARY_CHARS`] characters.

use std::collections::HashMap;

use super::html::Card;
use super::sanitize::xml_text;

/// Longest summary kept in the index, in characters.
pub const SUMMARY_CHARS: usize = 160;

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

/// The index script for these statements (newest first).
pub(crate) fn index_script(cards: &[Card]) -> Vec<u8> {
    let mut speakers = Table::default();
    let mut topics = Table::default();
    let mut locations = Table::default();
    let rows: Vec<serde_json::Value> = cards
        .iter()
        .map(|card| {
            let slug = card.url.split('/').nth(2).unwrap_or_default();
            let date: u64 = card.date.replace('-', "").parse().unwrap_or_default();
            let summary: String = xml_text(&card.summary)
                .chars()
                .take(SUMMARY_CHARS)
                .collect();
            serde_json::json!([
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
            ])
        })
        .collect();
    let index = serde_json::json!({
        "speakers": speakers.names,
        "topics": topics.names,
        "locations": locations.names,
        "statements": rows,
    });
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".to_owned());
    // `<` escaped so that no `</script>` or `<!--` can appear, whatever the data.
    let json = json
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.PRESS_SEARCH = {json};\n").into_bytes()
}
