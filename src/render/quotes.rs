//! The quotes on a speaker's page: the newest [`SHOWN`] passages the archive attributes to the
//! speaker ([`crate::quotes`]), each with a link to its statement.
//!
//! Who said what comes from the page texts the catalog loaded (found when each file was
//! parsed), so collecting every speaker's quotes reads no file; the words of a page's quotes are
//! read from their statements' bodies only when that page is rendered (holding them from the
//! statement pages' pass instead would keep up to [`SHOWN`] quotes per speaker in memory through
//! the whole export). A page's fingerprint covers each listed quote's file digest and place, so a
//! changed body renders its speakers' pages again.

use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

use super::html::Site;
use crate::page_texts::PageTexts;
use crate::quotes::stored;

/// How many quotes a speaker's page lists, the newest (`press quotes --speaker` lists all).
pub(crate) const SHOWN: usize = 20;

/// The quotes of one speaker, newest first: each as the index of its statement among the
/// site's statements and of the passage in its body.
#[derive(Debug, Default)]
pub(crate) struct Listed {
    newest: Vec<(usize, usize)>,
    total: usize,
}

/// Every speaker's [`Listed`] quotes, by the key their page has
/// ([`crate::slug::Keys::known`] of the name, as the speaker pages group statements).
#[derive(Debug, Default)]
pub(crate) struct SpeakerQuotes(foldhash::HashMap<String, Listed>);

impl SpeakerQuotes {
    /// The quotes of the site's statements (published originals), from `texts`; a statement
    /// without a record made from its file is parsed again.
    pub(crate) fn collect(site: &Site<'_>, texts: Option<&PageTexts>) -> anyhow::Result<Self> {
        let statements = &site.input.statements;
        let found: Vec<Vec<(String, usize)>> = statements
            .par_iter()
            .map(|summary| {
                let said = stored::said(site.input.root, summary, texts)?;
                Ok(said
                    .into_iter()
                    .enumerate()
                    .filter_map(|(passage, said)| {
                        Some((site.name_keys.known(&said.speaker?).into_owned(), passage))
                    })
                    .collect())
            })
            .collect::<anyhow::Result<_>>()?;
        let mut by_key = foldhash::HashMap::<String, Listed>::default();
        for (index, quotes) in found.into_iter().enumerate() {
            for (key, passage) in quotes {
                let listed = by_key.entry(key).or_default();
                if listed.newest.len() < SHOWN {
                    listed.newest.push((index, passage));
                }
                listed.total += 1;
            }
        }
        Ok(Self(by_key))
    }

    /// The quotes the page of the speaker with this key lists; none when there are none.
    pub(crate) fn of(&self, key: &str) -> Option<&Listed> {
        self.0.get(key)
    }
}

/// One quote as the template shows it.
#[derive(Debug, Serialize)]
struct QuoteView {
    /// The words, a paragraph each (escaped by the template).
    paragraphs: Vec<String>,
    title: String,
    url: String,
    date: String,
    date_display: String,
}

impl Listed {
    /// What the page's fingerprint takes of the quotes: each one's file digest and passage,
    /// and how many there are.
    pub(crate) fn inputs(&self, site: &Site<'_>) -> (Vec<(u64, usize)>, usize) {
        let statements = &site.input.statements;
        let places = self
            .newest
            .iter()
            .map(|&(index, passage)| (statements[index].digest, passage))
            .collect();
        (places, self.total)
    }

    /// The template's `extra.quotes`: `items` (each with `paragraphs`, `title`, `url`, `date`,
    /// `date_display`) and `total`. Reads each quoted statement's body once.
    pub(crate) fn view(&self, site: &Site<'_>) -> anyhow::Result<Value> {
        let statements = &site.input.statements;
        let mut items = Vec::with_capacity(self.newest.len());
        let mut words: Option<(usize, Vec<String>)> = None;
        for &(index, passage) in &self.newest {
            let summary = statements[index];
            if words.as_ref().is_none_or(|(read, _)| *read != index) {
                words = Some((index, stored::words(site.input.root, summary)?));
            }
            let Some(text) = words.as_ref().and_then(|(_, w)| w.get(passage)) else {
                continue;
            };
            let card = site.card(summary);
            items.push(QuoteView {
                paragraphs: text.split("\n\n").map(str::to_owned).collect(),
                title: card.title,
                url: card.url,
                date: card.date,
                date_display: card.date_display,
            });
        }
        Ok(minijinja::context! { items => items, total => self.total })
    }
}
