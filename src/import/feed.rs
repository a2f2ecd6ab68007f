//! News feeds (RSS 2.0 with `content:encoded`, Atom 1.0, JSON Feed) read with `feed-rs`, each
//! item run through the same extraction as a single statement.
//!
//! Pure: bytes in, items out. The item's own title, date, link and categories come from the
//! feed; its text (the full `content`, else the `summary`) gives speakers, location, body and
//! background. The text is HTML in almost every feed and is converted first.

use chrono::{DateTime, Utc};

use super::extract::{Extracted, Options, extract_with, title_location};
use super::html::html_to_markdown;

/// One feed item, extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's title as the feed gives it.
    pub title: Option<String>,
    /// When it was published (else last updated).
    pub published: Option<DateTime<Utc>>,
    /// The item's web page: its `alternate` link, else its first.
    pub link: Option<String>,
    /// Category labels (else terms), as written.
    pub categories: Vec<String>,
    /// What the text gives. Its `title` is the feed title; its `location` comes from it.
    pub extracted: Extracted,
}

/// Reads every item of a feed, in feed order, or says why the bytes are not a feed.
pub fn read_feed(bytes: &[u8]) -> Result<Vec<FeedItem>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|err| format!("not a feed: {err}"))?;
    Ok(feed.entries.into_iter().map(item).collect())
}

fn item(entry: feed_rs::model::Entry) -> FeedItem {
    let title = entry
        .title
        .map(|t| t.content.trim().to_owned())
        .filter(|t| !t.is_empty());
    let (text, html) = match (entry.content, entry.summary) {
        (Some(content), _)
            if content
                .body
                .as_deref()
                .is_some_and(|b| !b.trim().is_empty()) =>
        {
            let html = !content.content_type.as_str().starts_with("text/plain");
            (content.body.unwrap_or_default(), html)
        }
        (_, Some(summary)) => {
            let html = summary.content_type.as_str() != "text/plain"
                || summary.content.trim_start().starts_with('<');
            (summary.content, html)
        }
        _ => (String::new(), false),
    };
    let markdown = if html { html_to_markdown(&text) } else { text };
    // A text that repeats the title on its first line has a title line.
    let title_line = title.as_deref().is_some_and(|title| {
        markdown
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|first| first.trim().trim_start_matches('#').trim() == title)
    });
    let mut extracted = extract_with(
        &markdown,
        Options {
            markdown: html,
            title_line,
        },
    );
    extracted.title.clone_from(&title);
    extracted.location = title.as_deref().and_then(title_location);
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    let categories = entry
        .categories
        .into_iter()
        .map(|c| c.label.unwrap_or(c.term).trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    FeedItem {
        title,
        published: entry.published.or(entry.updated),
        link,
        categories,
        extracted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Newsroom</title><link>https://example.org</link><description>d</description>
<item>
  <title>Hong Kong: Conviction of Jimmy Lai sounds death knell for press freedom</title>
  <link>https://example.org/2025/12/hong-kong/</link>
  <pubDate>Mon, 15 Dec 2025 09:30:00 +0000</pubDate>
  <category><![CDATA[China]]></category>
  <category><![CDATA[Freedom of expression]]></category>
  <description><![CDATA[Short summary […]]]></description>
  <content:encoded><![CDATA[<p>Responding to today’s conviction, Amnesty International’s China Director Sarah Brooks said: “The predictability of today’s verdict does not make it any less dismaying.”</p>
<p>The post Hong Kong: Conviction of Jimmy Lai sounds death knell for press freedom appeared first on Amnesty International.</p>]]></content:encoded>
</item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_content_encoded() {
        let items = read_feed(RSS.as_bytes()).unwrap();
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(
            item.link.as_deref(),
            Some("https://example.org/2025/12/hong-kong/")
        );
        assert_eq!(item.categories, ["China", "Freedom of expression"]);
        assert_eq!(
            item.published
                .map(|d| d.date_naive().to_string())
                .as_deref(),
            Some("2025-12-15")
        );
        assert_eq!(item.extracted.location.as_deref(), Some("Hong Kong"));
        assert_eq!(item.extracted.speakers[0].name, "Sarah Brooks");
        assert_eq!(
            item.extracted.footer_organization.as_deref(),
            Some("Amnesty International")
        );
        assert!(
            item.extracted
                .body
                .starts_with("Responding to today’s conviction")
        );
        assert!(!item.extracted.body.contains("appeared first on"));
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
<link rel="alternate" href="https://example.org/uk-stop-it"/><category term="uk" label="United Kingdom"/>
<content type="html">&lt;p&gt;Jane Roe, Director at Foo Watch, said:&lt;/p&gt;&lt;p&gt;“Stop.”&lt;/p&gt;</content></entry></feed>"#;
        let items = read_feed(atom.as_bytes()).unwrap();
        assert_eq!(items[0].title.as_deref(), Some("UK: Stop it"));
        assert_eq!(items[0].categories, ["United Kingdom"]);
        assert_eq!(
            items[0].extracted.speakers[0].organization.as_deref(),
            Some("Foo Watch")
        );
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"N","items":[
            {"id":"1","url":"https://example.org/1","title":"Global: Act now","date_published":"2024-02-05T10:00:00+01:00",
             "tags":["climate"],"content_text":"Jane Roe, Director at Foo Watch, said:\n\n“Act.”"}]}"#;
        let items = read_feed(json.as_bytes()).unwrap();
        assert_eq!(items[0].link.as_deref(), Some("https://example.org/1"));
        assert_eq!(items[0].categories, ["climate"]);
        assert_eq!(items[0].extracted.location.as_deref(), Some("Global"));
        assert_eq!(
            items[0].extracted.body,
            "Jane Roe, Director at Foo Watch, said:\n\n“Act.”"
        );
    }

    #[test]
    fn not_a_feed() {
        assert!(read_feed(b"just text").is_err());
    }
}
