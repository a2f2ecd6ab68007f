//! Feeds and the sitemap: Atom (`feed.xml`, per-topic `topics/SLUG/feed.xml`), JSON Feed 1.1
//! (`feed.json`) and `sitemap.xml`.
//!
//! Nothing here reads the clock: a feed's `updated` is its newest statement's date, so the same
//! archive gives the same bytes. Entry ids are permalinks when a base URL is set, else `tag:`
//! URIs built from the statement's date and slug, which never change either. Every string goes
//! through [`super::sanitize::xml_text`], so characters XML 1.0 forbids never reach a feed.

use chrono::{DateTime, FixedOffset, NaiveTime};
use rayon::prelude::*;
use serde::Serialize;

use super::html::{CardSlot, LocalFiles, Site, escape_html, fingerprint, pretty, statement_path};
use super::sanitize::xml_text;
use super::site::{Members, PageSource, Sink, load};
use crate::query::Group;
use crate::statement::{Header, Published, Summary};

/// Entries per feed.
pub const FEED_ENTRIES: usize = 50;

/// One Atom entry as the template sees it.
#[derive(Debug, Serialize)]
struct Entry {
    title: String,
    id: String,
    link: String,
    published: String,
    updated: String,
    authors: Vec<String>,
    categories: Vec<Category>,
    summary: String,
    content: Option<String>,
    base: Option<String>,
    lang: String,
}

#[derive(Debug, Serialize)]
struct Category {
    term: String,
    label: String,
}

/// An Atom feed as the template sees it.
#[derive(Debug, Serialize)]
struct FeedView {
    title: String,
    subtitle: Option<String>,
    id: String,
    updated: String,
    self_url: Option<String>,
    alternate: String,
    author: String,
    language: String,
    generator: String,
    entries: Vec<Entry>,
}

/// RFC 3339 time of a statement (a plain date is midnight UTC).
fn timestamp(published: &Published) -> String {
    match published {
        Published::Date(day) => format!("{}T00:00:00Z", day.format("%Y-%m-%d")),
        Published::Instant(at) => at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
    }
}

/// When an entry last changed: its last correction or withdrawal (that day, at midnight UTC),
/// else when it was issued.
fn updated_at(statement: &impl Header) -> DateTime<FixedOffset> {
    let issued = match statement.published() {
        Published::Date(day) => day.and_time(NaiveTime::MIN).and_utc().fixed_offset(),
        Published::Instant(at) => at,
    };
    statement
        .modified()
        .map(|day| day.and_time(NaiveTime::MIN).and_utc().fixed_offset())
        .map_or(issued, |changed| changed.max(issued))
}

/// RFC 3339 time of an instant, `Z` for UTC.
fn rfc3339(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// A statement's stable id: its permalink, or a `tag:` URI without a base URL.
pub(crate) fn entry_id(base: Option<&str>, statement: &impl Header) -> String {
    match base {
        Some(base) => format!("{base}{}", pretty(&statement_path(statement))),
        None => format!(
            "tag:press,{}:{}",
            statement.day().format("%Y-%m-%d"),
            statement.slug()
        ),
    }
}

/// Every feed of the site: the site's Atom and JSON feeds with the full text of the newest
/// statements, and one Atom feed of summaries per topic (`members`: each topic's statements).
pub(crate) fn feeds(
    site: &Site<'_>,
    slots: &[CardSlot],
    topics: &[Group],
    members: &Members,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let statements = &site.input.statements;
    // A withdrawn statement keeps its page but leaves every feed.
    let listed = |i: &usize| statements[*i].withdrawn.is_none();
    let newest: Vec<usize> = (0..statements.len())
        .filter(listed)
        .take(FEED_ENTRIES)
        .collect();
    // Full text can link to local files, so these two are always rendered (not fingerprinted).
    let contents: Vec<String> = newest
        .par_iter()
        .map(|&i| {
            let statement = statements[i];
            Ok(full_content(
                site,
                statement,
                &load(site.input.root, statement, None)?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    let view = atom(site, "feed.xml", &site.view.title, &newest, Some(&contents));
    sink.put("feed.xml".to_owned(), None, render(site, &view)?)?;
    sink.put(
        "feed.json".to_owned(),
        None,
        json_feed(site, &newest, &contents)?,
    )?;
    topics.par_iter().try_for_each(|topic| {
        let indices: Vec<usize> = members
            .get(&topic.slug)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(listed)
            .take(FEED_ENTRIES)
            .collect();
        let indices = indices.as_slice();
        let path = format!("topics/{}/feed.xml", topic.slug);
        let title = format!("{}: {}", site.view.title, topic.name);
        // Made from the entries' cards and files (their exact time and slug) alone.
        let entries: Vec<(u64, u64)> = indices
            .iter()
            .map(|&i| (slots[i].fingerprint, statements[i].digest))
            .collect();
        let fingerprint = fingerprint(site.seed, &("feed.xml", &path, &title, entries));
        if fingerprint.is_some_and(|f| sink.keep(&path, f)) {
            return Ok(());
        }
        let view = atom(site, &path, &title, indices, None);
        sink.put(path, fingerprint, render(site, &view)?)
    })
}

/// Renders an Atom feed.
fn render(site: &Site<'_>, view: &FeedView) -> anyhow::Result<Vec<u8>> {
    site.render_feed(minijinja::context! { feed => view, site => &site.view })
}

/// Full HTML content of a statement for a feed: body, then Background.
fn full_content(site: &Site<'_>, statement: &Summary, page: &PageSource) -> String {
    let path = statement_path(statement);
    let ignored = LocalFiles::default();
    let mut html = site.content(&statement.path, &page.body, &path, &ignored);
    if let Some(background) = &page.background {
        html.push_str("<h2>Background</h2>");
        html.push_str(&site.content(&statement.path, background, &path, &ignored));
    }
    html
}

/// One Atom feed at `path` of the statements at `indices` (newest first), with their full
/// `contents` when given.
fn atom(
    site: &Site<'_>,
    path: &str,
    title: &str,
    indices: &[usize],
    contents: Option<&[String]>,
) -> FeedView {
    let base = site.input.base_url.as_deref();
    let back = "../".repeat(path.matches('/').count());
    let folder = path.strip_suffix("feed.xml").unwrap_or_default();
    let statements = &site.input.statements;
    let entries = indices
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let statement = statements[i];
            let card = &site.card(statement);
            let permalink = match base {
                Some(base) => format!("{base}{}", pretty(&card.url)),
                None => format!("{back}{}", card.url),
            };
            Entry {
                title: card.title.clone(),
                id: entry_id(base, statement),
                link: permalink.clone(),
                published: timestamp(&statement.published),
                updated: rfc3339(updated_at(statement)),
                authors: card.speakers.iter().map(|s| s.name.clone()).collect(),
                categories: card
                    .topics
                    .iter()
                    .map(|t| Category {
                        term: t
                            .url
                            .as_deref()
                            .and_then(|u| u.split('/').nth(1))
                            .unwrap_or_default()
                            .to_owned(),
                        label: t.name.clone(),
                    })
                    .collect(),
                summary: card.summary.clone(),
                content: contents.and_then(|c| c.get(n)).cloned(),
                base: base.map(|_| permalink),
                lang: card.lang.clone(),
            }
        })
        .collect();
    FeedView {
        title: title.to_owned(),
        subtitle: site.view.description.clone(),
        id: match base {
            Some(base) => format!("{base}{folder}"),
            None if folder.is_empty() => "tag:press,2000:site".to_owned(),
            None => format!("tag:press,2000:{}", folder.trim_end_matches('/')),
        },
        updated: indices
            .iter()
            .map(|&i| updated_at(statements[i]))
            .max()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), rfc3339),
        self_url: base.map(|base| format!("{base}{path}")),
        alternate: match base {
            Some(base) => format!("{base}{folder}"),
            None => "index.html".to_owned(),
        },
        author: site
            .view
            .organization
            .clone()
            .unwrap_or_else(|| site.view.title.clone()),
        language: site.view.language.clone(),
        generator: site.view.generator.to_owned(),
        entries,
    }
}

/// JSON Feed 1.1 of the statements at `indices`, with full content.
fn json_feed(site: &Site<'_>, indices: &[usize], contents: &[String]) -> anyhow::Result<Vec<u8>> {
    let base = site.input.base_url.as_deref();
    let statements = &site.input.statements;
    let text = |s: &str| xml_text(s).into_owned();
    let items: Vec<serde_json::Value> = indices
        .iter()
        .zip(contents)
        .map(|(&i, content)| {
            let statement = statements[i];
            let card = &site.card(statement);
            let mut item = serde_json::json!({
                "id": entry_id(base, statement),
                "title": text(&card.title),
                "content_html": content,
                "summary": text(&card.summary),
                "date_published": timestamp(&statement.published),
                "authors": card.speakers.iter().map(|s| serde_json::json!({"name": text(&s.name)})).collect::<Vec<_>>(),
                "tags": card.topics.iter().map(|t| text(&t.name)).collect::<Vec<_>>(),
                "language": text(&card.lang),
            });
            if let (Some(_), Some(map)) = (statement.modified(), item.as_object_mut()) {
                map.insert("date_modified".to_owned(), rfc3339(updated_at(statement)).into());
            }
            if let (Some(base), Some(map)) = (base, item.as_object_mut()) {
                map.insert(
                    "url".to_owned(),
                    serde_json::Value::String(format!("{base}{}", pretty(&card.url))),
                );
            }
            item
        })
        .collect();
    let mut feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": text(&site.view.title),
        "language": text(&site.view.language),
        "items": items,
    });
    if let Some(map) = feed.as_object_mut() {
        if let Some(description) = &site.view.description {
            map.insert("description".to_owned(), text(description).into());
        }
        if let Some(base) = base {
            map.insert("home_page_url".to_owned(), base.into());
            map.insert("feed_url".to_owned(), format!("{base}feed.json").into());
        }
    }
    let mut bytes = serde_json::to_vec_pretty(&feed)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `sitemap.xml` listing every page (folder URLs) under `base`.
pub(crate) fn sitemap<'p>(base: &str, paths: impl Iterator<Item = &'p String>) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths.filter(|p| p.ends_with("index.html")) {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_html(&format!("{base}{}", pretty(path)))
        ));
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}
