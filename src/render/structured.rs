//! What a statement's page tells software: Highwire Press `citation_*` meta tags (read by Zotero
//! and Google Scholar), a schema.org `NewsArticle` as JSON-LD, and the "Cite this statement"
//! block, with the statement's `cite.bib` and `cite.ris` beside the page.
//!
//! Everything here comes from statements: the meta tags' contents are escaped by the template;
//! the JSON-LD is written with `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, so no text can
//! close its `<script>` element.

use serde::Serialize;
use serde_json::{Value, json};

use super::html::{Card, Site, pretty};
use crate::cite::{self, Citation};
use crate::statement::{Header, Speaker, Summary};

/// The files written beside each statement's page.
pub(crate) const FILES: [&str; 2] = ["cite.bib", "cite.ris"];

/// A `<meta name content>` tag.
#[derive(Debug, Serialize)]
pub(crate) struct Meta {
    name: &'static str,
    content: String,
}

/// What the statement template shows of a citation.
#[derive(Debug, Serialize)]
pub(crate) struct CiteView {
    /// The APA reference, plain text.
    apa: String,
    /// The citation key.
    key: String,
    /// The `citation_*` meta tags.
    meta: Vec<Meta>,
    /// The JSON-LD, safe to put inside `<script type="application/ld+json">` as it is.
    json_ld: String,
}

/// The citation of a statement's page, with this key and `source`: its view, and its files
/// (`cite.bib`, `cite.ris`, in [`FILES`] order). The URL is the page's when the site has a
/// base URL, else `source`; the abstract is the card's summary.
pub(crate) fn cite(
    site: &Site<'_>,
    statement: &Summary,
    card: &Card,
    key: &str,
    source: Option<&str>,
) -> anyhow::Result<(CiteView, [Vec<u8>; 2])> {
    let url = match &site.input.base_url {
        Some(base) => Some(format!("{base}{}", pretty(&card.url))),
        None => source.map(str::to_owned),
    };
    let citation = &Citation::new(
        statement,
        key.to_owned(),
        url,
        Some(&card.summary),
        cite::Context::of(site.input.config),
    );
    let publisher = site.input.config.organization.as_deref();
    let one = std::slice::from_ref(citation);
    // Like every text of a page or feed, without the characters XML forbids.
    let clean = |text: String| super::sanitize::xml_text(&text).into_owned();
    let apa = clean(cite::apa::reference(citation)?);
    let files = [
        clean(cite::to_bibtex(one)?).into_bytes(),
        clean(cite::to_ris(one)).into_bytes(),
    ];
    let mut meta = meta(citation);
    for tag in &mut meta {
        tag.content = clean(std::mem::take(&mut tag.content));
    }
    let view = CiteView {
        apa,
        key: citation.key.clone(),
        meta,
        json_ld: clean(json_ld(&news_article(statement, citation, publisher))),
    };
    Ok((view, files))
}

/// The Highwire Press tags: title, each author, date as `YYYY/MM/DD`, publisher, language,
/// abstract, keywords, URL.
fn meta(citation: &Citation) -> Vec<Meta> {
    let mut tags = vec![Meta {
        name: "citation_title",
        content: citation.title.clone(),
    }];
    for author in &citation.authors {
        tags.push(Meta {
            name: "citation_author",
            content: author.name().to_owned(),
        });
    }
    tags.push(Meta {
        name: "citation_publication_date",
        content: citation.issued.format("%Y/%m/%d").to_string(),
    });
    let optional = [
        ("citation_publisher", citation.publisher.clone()),
        ("citation_language", Some(citation.lang.clone())),
        ("citation_abstract", citation.abstract_text.clone()),
        (
            "citation_keywords",
            (!citation.keywords.is_empty()).then(|| citation.keywords.join("; ")),
        ),
        ("citation_public_url", citation.url.clone()),
    ];
    for (name, content) in optional {
        if let Some(content) = content {
            tags.push(Meta { name, content });
        }
    }
    tags
}

/// The schema.org `NewsArticle`: headline, datePublished, dateModified (the last correction
/// or the withdrawal), author (a Person with jobTitle and
/// worksFor, or the Organization that speaks), publisher, about (the topics), inLanguage, url.
fn news_article(statement: &impl Header, citation: &Citation, publisher: Option<&str>) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": citation.title,
        "datePublished": statement.published().to_string(),
        "author": statement.speakers().iter().map(person).collect::<Vec<_>>(),
        "about": citation
            .keywords
            .iter()
            .map(|topic| json!({"@type": "Thing", "name": topic}))
            .collect::<Vec<_>>(),
        "inLanguage": citation.lang,
    });
    if let Some(publisher) = publisher.or(citation.publisher.as_deref()) {
        article["publisher"] = json!({"@type": "Organization", "name": publisher});
    }
    if let Some(day) = statement.modified() {
        article["dateModified"] = json!(day.to_string());
    }
    if let Some(text) = &citation.abstract_text {
        article["description"] = json!(text);
    }
    if let Some(url) = &citation.url {
        article["url"] = json!(url);
        article["mainEntityOfPage"] = json!(url);
    }
    article
}

/// A speaker as schema.org has them.
fn person(speaker: &Speaker) -> Value {
    let organization = |name: &str| json!({"@type": "Organization", "name": name});
    let Some(name) = &speaker.name else {
        return organization(speaker.organization.as_deref().unwrap_or_default());
    };
    let mut person = json!({"@type": "Person", "name": name});
    if let Some(role) = &speaker.role {
        person["jobTitle"] = json!(role);
    }
    if let Some(org) = &speaker.organization {
        person["worksFor"] = organization(org);
    }
    person
}

/// JSON for a `<script>` element: `<`, `>` and `&` escaped as JSON escapes (`</script>` and
/// `<!--` cannot appear), and the line separators U+2028 and U+2029 too.
fn json_ld(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let value = json!({"headline": "</script><script>alert(1)</script> <!-- & \u{2028}"});
        let text = json_ld(&value);
        assert_eq!(
            text,
            r#"{"headline":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u003c!-- \u0026 \u2028"}"#
        );
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
    }
}
