//! The languages a statement's page links to: every member of its family (the original and its
//! translations, [`crate::translations`]), for the page's "Also in" list and its
//! `<link rel="alternate" hreflang>` tags.

use serde::Serialize;

use super::html::{Site, pretty, statement_path};
use crate::language::{direction, endonym};
use crate::statement::Summary;
use crate::translations::language_of;

/// One language of a statement, as its pages link to it.
#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    /// BCP 47 tag (`hreflang` and `lang`).
    lang: String,
    /// The language named in itself (`Español`).
    name: String,
    /// `rtl` for a language written right to left.
    dir: Option<&'static str>,
    /// The page, from the site's top folder.
    url: String,
    /// The page's absolute URL, when the base URL is known.
    href: Option<String>,
    /// Whether it is the original (the `x-default`).
    original: bool,
    /// Whether it is the page that shows the list.
    current: bool,
}

/// The family of `statement` as its page links to it (original first), or nothing when it has
/// no published translation and is no translation.
pub(crate) fn alternates(site: &Site<'_>, statement: &Summary) -> Vec<Alternate> {
    let language = &site.view.language;
    site.input
        .families
        .family(statement.slug.as_str())
        .iter()
        .map(|member| {
            let lang = language_of(*member, language).to_owned();
            let url = statement_path(*member);
            Alternate {
                name: endonym(&lang),
                dir: direction(&lang),
                href: site
                    .input
                    .base_url
                    .as_ref()
                    .map(|base| format!("{base}{}", pretty(&url))),
                url,
                original: member.translation_of.is_none(),
                current: member.path == statement.path,
                lang,
            }
        })
        .collect()
}
