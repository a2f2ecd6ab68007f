//! The `corrections/` page and its Atom feed: every correction and withdrawal of the published
//! statements, newest first, each linking to its statement.

use serde::Serialize;

use super::feed::entry_id;
use super::html::{FeedLink, Site, fingerprint, pretty, statement_path};
use super::notice::{Kind, Notice};
use super::site::Sink;
use crate::statement::{Amendment, Summary};

/// The page's path.
const PAGE: &str = "corrections/index.html";
/// The feed's path.
const FEED: &str = "corrections/feed.xml";

/// One change on the record, as the page and the feed see it.
#[derive(Debug, Serialize)]
struct Item {
    #[serde(flatten)]
    notice: Notice,
    /// The statement's title.
    title: String,
    /// The statement's page, from the site's root.
    url: String,
    /// The Atom entry's id: the statement's, with `#correction-N` or `#withdrawn`.
    #[serde(skip)]
    id: String,
}

/// An Atom entry, in the shape `feed.xml` reads.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    title: String,
    id: &'a str,
    link: String,
    published: String,
    updated: String,
    authors: [&'a str; 0],
    categories: [&'a str; 0],
    summary: &'a str,
    lang: &'a str,
}

/// An Atom feed, in the shape `feed.xml` reads.
#[derive(Debug, Serialize)]
struct FeedView<'a> {
    title: String,
    subtitle: Option<&'a str>,
    id: String,
    updated: String,
    self_url: Option<String>,
    alternate: String,
    author: &'a str,
    language: &'a str,
    generator: &'a str,
    entries: Vec<Entry<'a>>,
}

/// Writes `corrections/index.html` and `corrections/feed.xml`.
pub(crate) fn pages(site: &Site<'_>, sink: &dyn Sink) -> anyhow::Result<()> {
    let base = site.input.base_url.as_deref();
    let items = items(&site.input.statements, base);
    let title = "Corrections";
    let feed_link = FeedLink {
        title: format!("{}: corrections (Atom)", site.view.title),
        url: FEED.to_owned(),
        kind: "application/atom+xml",
    };
    #[derive(Serialize)]
    struct Body<'i> {
        items: &'i [Item],
        feed: &'static str,
    }
    let page = site.page(
        PAGE,
        title,
        "Every correction and withdrawal on the record, newest first",
        "corrections",
        vec![feed_link],
        Body {
            items: &items,
            feed: FEED,
        },
    );
    site.emit(sink, "corrections.html", &page)?;

    let lang = site.view.language.as_str();
    let entries: Vec<Entry> = items
        .iter()
        .map(|item| {
            let link = match base {
                Some(base) => format!("{base}{}", pretty(&item.url)),
                None => format!("../{}", item.url),
            };
            let at = item.notice.date.clone() + "T00:00:00Z";
            let verb = match item.notice.kind {
                Kind::Corrected => "Corrected",
                Kind::Withdrawn => "Withdrawn",
            };
            Entry {
                title: format!("{verb}: {}", item.title),
                id: &item.id,
                link,
                published: at.clone(),
                updated: at,
                authors: [],
                categories: [],
                summary: &item.notice.note,
                lang,
            }
        })
        .collect();
    let view = FeedView {
        title: format!("{}: corrections", site.view.title),
        subtitle: site.view.description.as_deref(),
        id: match base {
            Some(base) => format!("{base}corrections/"),
            None => "tag:press,2000:corrections".to_owned(),
        },
        updated: entries
            .first()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |e| e.updated.clone()),
        self_url: base.map(|base| format!("{base}{FEED}")),
        alternate: match base {
            Some(base) => format!("{base}corrections/"),
            None => "index.html".to_owned(),
        },
        author: site
            .view
            .organization
            .as_deref()
            .unwrap_or(&site.view.title),
        language: lang,
        generator: site.view.generator,
        entries,
    };
    let inputs = fingerprint(site.seed, &(FEED, &view));
    if inputs.is_some_and(|f| sink.keep(FEED, f)) {
        return Ok(());
    }
    let bytes = site.render_feed(minijinja::context! { feed => &view, site => &site.view })?;
    sink.put(FEED.to_owned(), inputs, bytes)
}

/// Every change of every statement, newest first: by day, then the statements' order (newest
/// statement first), then a statement's later change first.
fn items(statements: &[&Summary], base: Option<&str>) -> Vec<Item> {
    let mut items: Vec<(chrono::NaiveDate, usize, usize, Item)> = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        let url = statement_path(*statement);
        let id = entry_id(base, *statement);
        let mut add = |order: usize, kind: Kind, amendment: &Amendment, fragment: String| {
            items.push((
                amendment.date,
                index,
                order,
                Item {
                    notice: Notice::new(kind, amendment),
                    title: statement.title.clone(),
                    url: url.clone(),
                    id: format!("{id}#{fragment}"),
                },
            ));
        };
        for (n, correction) in statement.corrections.iter().enumerate() {
            add(
                n,
                Kind::Corrected,
                correction,
                format!("correction-{}", n + 1),
            );
        }
        if let Some(withdrawal) = &statement.withdrawn {
            add(
                statement.corrections.len(),
                Kind::Withdrawn,
                withdrawal,
                "withdrawn".to_owned(),
            );
        }
    }
    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| b.2.cmp(&a.2))
    });
    items.into_iter().map(|(_, _, _, item)| item).collect()
}
