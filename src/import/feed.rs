//! News feeds (RSS 2.0 with `content:encoded`, Atom 1.0, JSON Feed) read with `feed-rs`, each
//! item run through the same extraction as a single statement.
//!
//! Pure: bytes in, items out. The item's own title, date, link and categories come from the
//! feed; its text (the full `content`, else the `summary`) gives speakers, location, body and
//! background. The text is HTML in almost every feed and is converted first.
//!
//! Dates are taken as written: an item published `Mon, 05 Feb 2024 23:30:00 -0500` was
//! published on 5 February where it was written, so its statement is dated 2024-02-05 (with
//! that offset), never the UTC day (2024-02-06). See [`wall_clock`].

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use regex::Regex;

use super::extract::{Extracted, Options, extract_with, title_location};
use super::html::html_to_markdown;

/// One feed item, extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's title as the feed gives it.
    pub title: Option<String>,
    /// When it was published (else last updated), as written: the date and time of day in
    /// the feed, not converted to UTC.
    pub published: Option<NaiveDateTime>,
    /// The offset `published` was written with, when the feed gives one (and it is known for
    /// certain which: see [`read_feed`]).
    pub offset: Option<FixedOffset>,
    /// The item's web page: its `alternate` link, else its first.
    pub link: Option<String>,
    /// Category labels (else terms), as written.
    pub categories: Vec<String>,
    /// What the text gives. Its `title` is the feed title; its `location` comes from it.
    pub extracted: Extracted,
}

impl FeedItem {
    /// The calendar day the item was published, as written in the feed.
    pub fn day(&self) -> Option<NaiveDate> {
        self.published.map(|at| at.date())
    }

    /// When the item was published, with the offset it was written with, when both are known.
    pub fn published_at(&self) -> Option<DateTime<FixedOffset>> {
        let offset = self.offset?;
        offset.from_local_datetime(&self.published?).single()
    }
}

/// Every date-time the parser read, as written: wall clock and offset.
type Written = Rc<RefCell<Vec<(NaiveDateTime, Option<FixedOffset>)>>>;

/// Reads every item of a feed, in feed order, or says why the bytes are not a feed.
///
/// `feed-rs` converts every date to UTC, which moves an item published late in the evening
/// west of Greenwich (or early in the morning east of it) to another day. So its timestamp
/// parser is replaced by [`wall_clock`], which hands back the date and time *as written*
/// dressed up as UTC: `entry.published.date_naive()` is then the day written in the feed. The
/// offsets it read are noted on the side, so an item whose wall clock was read with one offset
/// only gets it back (two items at the same wall clock with different offsets get none, and
/// keep their day).
pub fn read_feed(bytes: &[u8]) -> Result<Vec<FeedItem>, String> {
    let written: Written = Rc::default();
    let noted = Rc::clone(&written);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |text| {
            let (at, offset) = wall_clock(text)?;
            noted.borrow_mut().push((at, offset));
            // Not the instant: the wall clock, as if it were UTC (see above).
            Some(Utc.from_utc_datetime(&at))
        })
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|err| format!("not a feed: {err}"))?;
    let written = written.borrow();
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| {
            let mut item = item(entry);
            if let Some(at) = item.published {
                let mut offsets = written
                    .iter()
                    .filter(|(other, _)| *other == at)
                    .map(|(_, offset)| *offset);
                let first = offsets.next().flatten();
                item.offset = first.filter(|first| offsets.all(|o| o == Some(*first)));
            }
            item
        })
        .collect())
}

/// RFC 2822 dates as feeds write them: a weekday, long or short, and a one-digit hour are
/// tolerated ("Thurs, 5 February 2024 9:30:00 EST").
static RFC2822_WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"^\s*(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*"));
static LONG_MONTH: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"));
static ONE_DIGIT_HOUR: LazyLock<Regex> = LazyLock::new(|| super::regex(r" (\d):(\d\d)"));
/// An offset without its colon ("+0900") at the end of an RFC 3339 date-time.
static OFFSET_WITHOUT_COLON: LazyLock<Regex> = LazyLock::new(|| super::regex(r"([+-]\d\d)(\d\d)$"));

/// Reads a feed timestamp as written: the date and time of day in the feed, and the offset
/// they were written with (none for a date-time without one, or a bare date).
///
/// RFC 3339 (Atom, JSON Feed, and many RSS feeds), RFC 2822 (RSS), and the lenient forms feeds
/// use: a space for the `T`, an offset without its colon, `UTC` or ` Z` for the zone, a long
/// weekday or month name, a one-digit hour, a missing time or offset.
pub fn wall_clock(text: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    let text = text.trim();
    let written = |at: DateTime<FixedOffset>| (at.naive_local(), Some(*at.offset()));
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(written(at));
    }
    // RFC 3339, lenient: "2024-02-05 23:30:00 -05:00", "2024-02-05T23:30:00+0900", "… Z".
    let iso = text.replacen(' ', "T", 1).replace(' ', "");
    let iso = iso.replace("UTC", "Z");
    let iso = OFFSET_WITHOUT_COLON.replace(&iso, "${1}:${2}");
    if let Ok(at) = DateTime::parse_from_rfc3339(&iso) {
        return Some(written(at));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(&iso, format) {
            return Some((at, None));
        }
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some((day.and_time(chrono::NaiveTime::MIN), None));
    }
    // RFC 2822, lenient.
    let rfc2822 = RFC2822_WEEKDAY.replace(text, "");
    let rfc2822 = LONG_MONTH.replace(&rfc2822, "$1");
    let rfc2822 = ONE_DIGIT_HOUR.replace(&rfc2822, " 0${1}:${2}");
    let rfc2822 = rfc2822.trim_end();
    let rfc2822 = match rfc2822
        .strip_suffix(" Z")
        .or_else(|| rfc2822.strip_suffix(" UTC"))
    {
        Some(rest) => format!("{rest} +0000"),
        None => rfc2822.to_owned(),
    };
    if let Ok(at) = DateTime::parse_from_rfc2822(&rfc2822) {
        return Some(written(at));
    }
    // No zone at all: "05 Feb 2024 23:30:00".
    for format in ["%d %b %Y %H:%M:%S", "%d %b %Y %H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(&rfc2822, format) {
            return Some((at, None));
        }
    }
    None
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
        // The wall clock as written (see `read_feed`), not an instant.
        published: entry.published.or(entry.updated).map(|at| at.naive_utc()),
        offset: None,
        link,
        categories,
        extracted,
    }
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    /// `read_feed`, its error message turned into an error `?` can pass on.
    fn read(feed: &str) -> Result<Vec<FeedItem>> {
        read_feed(feed.as_bytes()).map_err(anyhow::Error::msg)
    }

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
    fn rss_items_with_content_encoded() -> Result<()> {
        let items = read(RSS)?;
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(
            item.link.as_deref(),
            Some("https://example.org/2025/12/hong-kong/")
        );
        assert_eq!(item.categories, ["China", "Freedom of expression"]);
        assert_eq!(
            item.day().map(|d| d.to_string()).as_deref(),
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
        Ok(())
    }

    #[test]
    fn atom_and_json_feed() -> Result<()> {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
<link rel="alternate" href="https://example.org/uk-stop-it"/><category term="uk" label="United Kingdom"/>
<content type="html">&lt;p&gt;Jane Roe, Director at Foo Watch, said:&lt;/p&gt;&lt;p&gt;“Stop.”&lt;/p&gt;</content></entry></feed>"#;
        let items = read(atom)?;
        assert_eq!(items[0].title.as_deref(), Some("UK: Stop it"));
        assert_eq!(items[0].categories, ["United Kingdom"]);
        assert_eq!(
            items[0].extracted.speakers[0].organization.as_deref(),
            Some("Foo Watch")
        );
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"N","items":[
            {"id":"1","url":"https://example.org/1","title":"Global: Act now","date_published":"2024-02-05T10:00:00+01:00",
             "tags":["climate"],"content_text":"Jane Roe, Director at Foo Watch, said:\n\n“Act.”"}]}"#;
        let items = read(json)?;
        assert_eq!(items[0].link.as_deref(), Some("https://example.org/1"));
        assert_eq!(items[0].categories, ["climate"]);
        assert_eq!(items[0].extracted.location.as_deref(), Some("Global"));
        assert_eq!(
            items[0].extracted.body,
            "Jane Roe, Director at Foo Watch, said:\n\n“Act.”"
        );
        Ok(())
    }

    /// Feeds that carry the text only in the summary (RSS `description`), or whose content is
    /// empty beside a summary: the summary is the text, as HTML when it looks like HTML.
    #[test]
    fn the_summary_is_the_text_when_the_content_is_missing_or_empty() -> Result<()> {
        let rss = RSS
            .replace(
                "<content:encoded><![CDATA[",
                "<content:encoded_dropped><![CDATA[",
            )
            .replace("]]></content:encoded>", "]]></content:encoded_dropped>")
            .replace(
                "Short summary […]",
                "<p>Jane Roe, Director at Foo Watch, said:</p><p>“Release them.”</p>",
            );
        let item = one_item(&rss)?;
        assert_eq!(
            item.extracted.body,
            "Jane Roe, Director at Foo Watch, said:\n\n“Release them.”"
        );
        assert_eq!(item.extracted.speakers[0].name, "Jane Roe");
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
<summary type="text">Jane Roe, Director at Foo Watch, said: “Stop.”</summary>
<content type="html">   </content></entry></feed>"#;
        let item = one_item(atom)?;
        assert_eq!(
            item.extracted.body,
            "Jane Roe, Director at Foo Watch, said: “Stop.”"
        );
        Ok(())
    }

    /// An HTML summary is read as HTML even when it does not start with a tag, and a plain-text
    /// one is never read as HTML.
    #[test]
    fn summaries_are_read_as_their_type_says() -> Result<()> {
        let entry = |summary: &str| {
            format!(
                r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
{summary}</entry></feed>"#
            )
        };
        let html = one_item(&entry(
            r#"<summary type="html">Tom &amp;amp; Jerry, Director at Foo Watch, said: “Stop.”</summary>"#,
        ))?;
        assert_eq!(
            html.extracted.body,
            "Tom & Jerry, Director at Foo Watch, said: “Stop.”"
        );
        let text = one_item(&entry(
            r#"<summary type="text">Jane Roe said: “A *real* step &amp; more.”</summary>"#,
        ))?;
        assert_eq!(
            text.extracted.body,
            "Jane Roe said: “A *real* step & more.”"
        );
        Ok(())
    }

    /// A text that opens with the item's title does not repeat it in the body.
    #[test]
    fn a_title_repeated_on_the_first_line_leaves_the_body() -> Result<()> {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
<content type="html">&lt;h1&gt;UK: Stop it&lt;/h1&gt;&lt;p&gt;Jane Roe, Director at Foo Watch, said:&lt;/p&gt;&lt;p&gt;“Stop.”&lt;/p&gt;</content></entry></feed>"#;
        let item = one_item(atom)?;
        assert_eq!(
            item.extracted.body,
            "Jane Roe, Director at Foo Watch, said:\n\n“Stop.”"
        );
        Ok(())
    }

    /// The item's page is its `alternate` link, not an enclosure listed before it.
    #[test]
    fn the_link_is_the_alternate_one() -> Result<()> {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>UK: Stop it</title><id>urn:1</id><updated>2024-02-05T10:00:00Z</updated>
<link rel="enclosure" href="https://example.org/audio.mp3"/>
<link rel="alternate" href="https://example.org/uk-stop-it"/>
<content type="text">Jane Roe said: “Stop.”</content></entry></feed>"#;
        let item = one_item(atom)?;
        assert_eq!(item.link.as_deref(), Some("https://example.org/uk-stop-it"));
        Ok(())
    }

    fn one_item(feed: &str) -> Result<FeedItem> {
        let mut items = read(feed)?;
        assert_eq!(items.len(), 1);
        Ok(items.remove(0))
    }

    #[test]
    fn rss_dates_keep_the_day_written_late_in_the_evening_west_of_utc() -> Result<()> {
        let rss = RSS.replace(
            "Mon, 15 Dec 2025 09:30:00 +0000",
            "Mon, 05 Feb 2024 23:30:00 -0500",
        );
        let item = one_item(&rss)?;
        assert_eq!(
            item.day(),
            NaiveDate::from_ymd_opt(2024, 2, 5),
            "not the UTC day, 2024-02-06"
        );
        assert_eq!(
            item.published_at().map(|at| at.to_rfc3339()).as_deref(),
            Some("2024-02-05T23:30:00-05:00")
        );
        Ok(())
    }

    #[test]
    fn atom_dates_keep_the_day_written_early_in_the_morning_east_of_utc() -> Result<()> {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-05T10:00:00Z</updated>
<entry><title>Japan: Free them</title><id>urn:1</id><published>2024-02-05T06:15:00+09:00</published><updated>2024-02-06T10:00:00+09:00</updated>
<link href="https://example.org/japan"/><content type="text">Jane Roe, Director at Foo Watch, said: “Free them.”</content></entry></feed>"#;
        let item = one_item(atom)?;
        assert_eq!(
            item.day(),
            NaiveDate::from_ymd_opt(2024, 2, 5),
            "not the UTC day, 2024-02-04"
        );
        assert_eq!(
            item.published_at().map(|at| at.to_rfc3339()).as_deref(),
            Some("2024-02-05T06:15:00+09:00")
        );
        Ok(())
    }

    #[test]
    fn timestamps_are_read_as_written_in_the_forms_feeds_use() -> Result<()> {
        let cases = [
            (
                "Mon, 05 Feb 2024 23:30:00 -0500",
                "2024-02-05 23:30:00",
                Some(-5 * 3600),
            ),
            (
                "Monday, 5 February 2024 9:30:00 EST",
                "2024-02-05 09:30:00",
                Some(-5 * 3600),
            ),
            (
                "Mon, 05 Feb 2024 23:30:00 GMT",
                "2024-02-05 23:30:00",
                Some(0),
            ),
            (
                "Mon, 05 Feb 2024 23:30:00 UTC",
                "2024-02-05 23:30:00",
                Some(0),
            ),
            ("05 Feb 2024 23:30:00", "2024-02-05 23:30:00", None),
            (
                "2024-02-05T06:15:00+09:00",
                "2024-02-05 06:15:00",
                Some(9 * 3600),
            ),
            (
                "2024-02-05T06:15:00.250+0900",
                "2024-02-05 06:15:00.250",
                Some(9 * 3600),
            ),
            (
                "2024-02-05 23:30:00 -05:00",
                "2024-02-05 23:30:00",
                Some(-5 * 3600),
            ),
            ("2024-02-05T23:30:00Z", "2024-02-05 23:30:00", Some(0)),
            ("2024-02-05T23:30:00", "2024-02-05 23:30:00", None),
            ("2024-02-05", "2024-02-05 00:00:00", None),
        ];
        for (text, at, offset) in cases {
            let (got, got_offset) = wall_clock(text).with_context(|| format!("{text} reads"))?;
            assert_eq!(got.to_string(), at, "{text}");
            assert_eq!(got_offset.map(|o| o.local_minus_utc()), offset, "{text}");
        }
        assert_eq!(wall_clock("last Tuesday"), None);
        Ok(())
    }

    #[test]
    fn not_a_feed() {
        assert_eq!(
            read_feed(b"just text").err().as_deref(),
            Some("not a feed: unable to parse feed: no root element")
        );
    }

    /// Items at the same wall clock written with different offsets keep their day but get no
    /// offset (which one was read for which is not known); one written with a single offset,
    /// even twice, gets it back.
    #[test]
    fn items_whose_offsets_disagree_get_none() -> Result<()> {
        let entry = |id: &str, published: &str, updated: &str| {
            format!(
                "<entry><title>Chile: {id}</title><id>urn:{id}</id><published>{published}</published><updated>{updated}</updated><content type=\"text\">Jane Roe, Director at Foo Watch, said: “Stop.”</content></entry>"
            )
        };
        let atom = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2024-02-07T10:00:00Z</updated>{}{}{}</feed>"#,
            entry(
                "a",
                "2024-02-05T23:30:00-05:00",
                "2024-02-05T23:30:00-05:00"
            ),
            entry(
                "b",
                "2024-02-05T23:30:00+01:00",
                "2024-02-06T08:00:00+01:00"
            ),
            entry(
                "c",
                "2024-02-06T07:00:00+09:00",
                "2024-02-06T07:00:00+09:00"
            ),
        );
        let items = read(&atom)?;
        let got: Vec<(Option<String>, Option<i32>)> = items
            .iter()
            .map(|item| {
                (
                    item.published.map(|at| at.to_string()),
                    item.offset.map(|o| o.local_minus_utc()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("2024-02-05 23:30:00".to_owned()), None),
                (Some("2024-02-05 23:30:00".to_owned()), None),
                (Some("2024-02-06 07:00:00".to_owned()), Some(9 * 3600)),
            ]
        );
        assert_eq!(items[0].published_at(), None);
        assert_eq!(
            items[2].published_at().map(|at| at.to_rfc3339()).as_deref(),
            Some("2024-02-06T07:00:00+09:00")
        );
        // A wall clock read once with an offset and once without gets none either.
        let mixed = atom.replace("2024-02-06T08:00:00+01:00", "2024-02-06T08:00:00");
        let mixed = mixed.replace(
            "<published>2024-02-05T23:30:00+01:00",
            "<published>2024-02-05T23:30:00",
        );
        let items = read(&mixed)?;
        assert_eq!(items[0].offset, None);
        assert_eq!(items[1].offset, None);
        Ok(())
    }

    /// An empty category (`<category></category>`, `<category> </category>`) is no topic.
    #[test]
    fn empty_categories_are_not_topics() -> Result<()> {
        let rss = RSS.replace(
            "<category><![CDATA[China]]></category>",
            "<category></category><category><![CDATA[China]]></category><category> </category>",
        );
        let item = one_item(&rss)?;
        assert_eq!(item.categories, ["China", "Freedom of expression"]);
        Ok(())
    }

    /// An empty title is no title: the import calls the item untitled and asks for one.
    #[test]
    fn an_empty_title_is_no_title() -> Result<()> {
        let rss = RSS.replace(
            "<title>Hong Kong: Conviction of Jimmy Lai sounds death knell for press freedom</title>",
            "<title> </title>",
        );
        let item = one_item(&rss)?;
        assert_eq!(item.title, None);
        assert_eq!(item.extracted.title, None);
        Ok(())
    }

    /// A timestamp without seconds ("2024-02-05 10:00") is read as written.
    #[test]
    fn a_timestamp_without_seconds_is_read() {
        let got = wall_clock("2024-02-05 10:00").map(|(at, offset)| (at.to_string(), offset));
        assert_eq!(got, Some(("2024-02-05 10:00:00".to_owned(), None)));
    }
}
