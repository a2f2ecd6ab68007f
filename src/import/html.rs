//! HTML input: a statement page or fragment turned into Markdown for [`extract_markdown`].
//!
//! A whole saved page (it has `<html>` or `<body>`) carries navigation, a cookie banner, share
//! buttons, related links and a footer around the statement: cookie and consent banners are
//! removed ([`CHROME`]), its article is found with `dom_smoothie` (a port of Mozilla's
//! Readability), and only the article is converted, with the
//! page's title first (its one `<h1>`, else the title Readability found), so the page's chrome
//! never becomes a line of the statement. When Readability finds nothing, the page's marked
//! content (one `<article>`, else one `<main>`) is converted, with its `<h1>` first. A fragment
//! (a feed item's content) is converted whole. Navigation, sidebars, forms and footers inside
//! what is converted are dropped too.
//!
//! [`extract_markdown`]: super::extract::extract_markdown

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?is)<article\b[^>]*>(.*?)</article\s*>"));
static MAIN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?is)<main\b[^>]*>(.*?)</main\s*>"));
static H1: LazyLock<Regex> = LazyLock::new(|| regex(r"(?is)<h1\b[^>]*>.*?</h1\s*>"));
/// The tags that make a text a whole page rather than a fragment.
static WHOLE_PAGE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)<(?:html|body)\b"));
/// A script or style element: raw text up to the first closing tag, as an HTML parser reads it.
static SCRIPT_OR_STYLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?is)<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>"));

/// Page chrome that Readability may take for content when it stands beside the article (a
/// cookie or consent banner is text with few links): removed before Readability reads the page.
const CHROME: &[&str] = &[
    "[id*=cookie i]",
    "[class*=cookie i]",
    "[id*=consent i]",
    "[class*=consent i]",
    "[id*=gdpr i]",
    "[class*=gdpr i]",
    "[aria-modal=true]",
];

/// Tags whose content is never statement text.
const SKIPPED: &[&str] = &[
    "script", "style", "head", "noscript", "nav", "aside", "footer", "form", "iframe", "svg",
    "button",
];

/// Converts an HTML page or fragment to Markdown (with `htmd`), keeping only the page's content
/// element when it has one, and dropping scripts, navigation, sidebars, forms and footers.
/// Should the converter fail, the HTML is returned as it is, so nothing is lost.
pub fn html_to_markdown(html: &str) -> String {
    // A script or style between two words becomes a space: dropped whole by the converter, it
    // took the words' space with it ("them<script>…</script> now" read "themnow").
    let cleaned = SCRIPT_OR_STYLE.replace_all(html, " ");
    if WHOLE_PAGE.is_match(&cleaned)
        && let Some(markdown) = article(&cleaned)
    {
        return markdown;
    }
    convert(&content(&cleaned)).unwrap_or_else(|| html.to_owned())
}

/// HTML to Markdown with `htmd`, without the tags that are never statement text.
fn convert(html: &str) -> Option<String> {
    htmd::HtmlToMarkdown::builder()
        .skip_tags(SKIPPED.to_vec())
        .build()
        .convert(html)
        .ok()
}

/// The article of a whole page as Markdown, its title first; `None` when Readability finds no
/// article.
fn article(page: &str) -> Option<String> {
    let document = dom_query::Document::from(page);
    for selector in CHROME {
        if let Some(chrome) = document.try_select(selector) {
            chrome.remove();
        }
    }
    let mut readability = dom_smoothie::Readability::with_document(document, None, None).ok()?;
    let article = readability.parse().ok()?;
    let body = convert(&article.content)?;
    if body.trim().is_empty() {
        return None;
    }
    let heading = match only_h1(page) {
        Some(h1) => convert(h1)?,
        None => format!("# {}", article.title.trim()),
    };
    let title = heading.trim_start_matches('#').trim();
    if title.is_empty() {
        return Some(body);
    }
    // Readability may keep the title as the article's first heading: it is the title once.
    let body = body.trim_start();
    let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
    if first.trim_start_matches('#').trim() == title {
        return Some(format!("{heading}\n{rest}"));
    }
    Some(format!("{heading}\n\n{body}"))
}

/// The page's `<h1>` element, when it has exactly one.
fn only_h1(page: &str) -> Option<&str> {
    let mut found = H1.find_iter(page);
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one.as_str()),
        _ => None,
    }
}

/// The part of the page that holds the statement, with its `<h1>` first.
fn content(html: &str) -> String {
    let only = |pattern: &Regex| {
        let mut found = pattern.captures_iter(html);
        match (found.next(), found.next()) {
            (Some(one), None) => one.get(1).map(|m| (m.start(), m.as_str())),
            _ => None,
        }
    };
    let Some((start, inner)) = only(&ARTICLE).or_else(|| only(&MAIN)) else {
        return html.to_owned();
    };
    match H1.find(html) {
        Some(h1) if !inner.contains(h1.as_str()) && h1.start() < start => {
            format!("{}\n{inner}", h1.as_str())
        }
        _ => inner.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_keeps_its_article_and_title() {
        let page = "<html><head><title>Site</title></head><body><nav><a>Home</a><a>About</a></nav>\
            <header><h1>Georgia: Release them</h1></header>\
            <article><p>Jane Roe said:</p><p>“Now.”</p><aside>Related posts</aside></article>\
            <footer>© Org</footer></body></html>";
        let md = html_to_markdown(page);
        assert!(md.starts_with("# Georgia: Release them"), "{md}");
        assert!(md.contains("Jane Roe said:"), "{md}");
        for junk in ["Home", "Related posts", "© Org", "Site"] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
    }

    #[test]
    fn a_script_or_style_between_words_keeps_them_apart() {
        let md = html_to_markdown(
            "<p>“Free them <script>alert('</p>')</script>now.” And <STYLE>p{}</STYLE>more.</p>",
        );
        assert_eq!(md, "“Free them now.” And more.");
    }

    /// In a fragment, an `<h1>` before its only article is the article's title; one inside it
    /// is kept once, and one after it is not the article's.
    #[test]
    fn a_fragment_s_article_takes_the_heading_before_it() {
        assert_eq!(
            html_to_markdown("<h1>Title</h1><div>Menu</div><article><p>Text.</p></article>"),
            "# Title\n\nText."
        );
        assert_eq!(
            html_to_markdown("<div>Menu</div><article><h1>Title</h1><p>Text.</p></article>"),
            "# Title\n\nText."
        );
        assert_eq!(
            html_to_markdown("<article><p>Text.</p></article><h1>Next</h1>"),
            "Text."
        );
    }

    #[test]
    fn a_fragment_is_converted_whole() {
        let md = html_to_markdown("<p>One.</p><p>Two <em>three</em>.</p>");
        assert_eq!(md, "One.\n\nTwo _three_.");
    }

    /// A page with two `<h1>` (the site's name in its header, the statement's title in the
    /// article) is titled by its article, never by the site's name.
    #[test]
    fn a_page_with_two_h1_is_not_titled_by_the_first() {
        let page = "<html><head><title>Georgia: Release them</title></head><body>\
            <header><h1>Foo Watch</h1></header>\
            <article><h1>Georgia: Release them</h1><p>Jane Roe, Director at Foo Watch, said the \
            authorities must release the protesters at once and drop every charge.</p>\
            <p>“Now,” she said. The protesters were arrested on Monday in Tbilisi.</p></article>\
            </body></html>";
        let md = html_to_markdown(page);
        assert!(md.starts_with("# Georgia: Release them\n"), "{md}");
        assert!(!md.starts_with("# Foo Watch"), "{md}");
    }

    /// A page whose article repeats its one `<h1>` gives the title once, as a heading.
    #[test]
    fn a_page_s_title_inside_its_article_is_written_once() {
        let page = "<html><head><title>Site</title></head><body>\
            <article><h1>Georgia: Release them</h1><p>Jane Roe, Director at Foo Watch, said the \
            authorities must release the protesters at once and drop every charge.</p>\
            <p>“Now,” she said. The protesters were arrested on Monday in Tbilisi.</p></article>\
            </body></html>";
        let md = html_to_markdown(page);
        assert!(md.starts_with("# Georgia: Release them\n"), "{md}");
        assert_eq!(md.matches("Georgia: Release them").count(), 1, "{md}");
    }

    /// Buttons ("Share", "Print") are page controls, never statement text.
    #[test]
    fn buttons_are_dropped() {
        assert_eq!(
            html_to_markdown("<p>Text.</p><button>Share on Facebook</button>"),
            "Text."
        );
    }

    /// Every element whose content is never statement text, written out here (not read from
    /// the table). (`head` is not in the list: a parser drops a `<head>` tag in a body and
    /// keeps its text, as a browser does.)
    #[test]
    fn every_skipped_element_is_dropped() {
        for tag in [
            "script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg",
            "button",
        ] {
            let fragment = format!("<p>Text.</p><{tag}>Share this widely</{tag}><p>More.</p>");
            assert_eq!(html_to_markdown(&fragment), "Text.\n\nMore.", "{tag}");
        }
    }

    /// Every kind of cookie or consent banner beside an article is dropped from a page.
    #[test]
    fn every_kind_of_banner_is_dropped_from_a_page() {
        for banner in [
            "<div id=\"cookie-notice\">",
            "<div class=\"site-cookies\">",
            "<div id=\"consent-box\">",
            "<div class=\"ConsentBanner\">",
            "<div id=\"gdpr\">",
            "<div class=\"gdpr-bar\">",
            "<div aria-modal=\"true\">",
        ] {
            let page = format!(
                "<!DOCTYPE html><html><head><title>T</title></head><body>{banner}<p>We use small files to remember your choices and measure how the site is read, and we share what they tell us with partners who help us run it. Accept them all, or choose which ones to keep.</p></div><article><h1>Sudan: Protect civilians now</h1><p>The parties to the conflict must stop attacking civilians and let aid through, the organisation said today in a statement.</p><p>“Civilians are paying the price of this war,” said Jane Roe, director at Foo Watch.</p></article></body></html>"
            );
            let markdown = html_to_markdown(&page);
            assert!(!markdown.contains("small files"), "{banner}: {markdown}");
            assert!(
                markdown.contains("Civilians are paying"),
                "{banner}: {markdown}"
            );
        }
    }

    /// In a fragment whose `<main>` holds one `<article>` and related links, the article is
    /// the statement.
    #[test]
    fn the_article_inside_main_is_the_statement() {
        assert_eq!(
            html_to_markdown(
                "<main><article><p>Text.</p></article><div>Related: other news</div></main>"
            ),
            "Text."
        );
    }
}
