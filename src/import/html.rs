//! HTML input: a statement page or fragment turned into Markdown for [`extract_markdown`].
//!
//! A whole newsroom page carries navigation, sidebars and footers around the statement. When
//! the page marks its content (one `<article>`, else one `<main>`), only that is converted, with
//! the page's `<h1>` put first if it sits outside (so the title is still the first line); the
//! navigation, sidebars, forms and footers inside are dropped too. A fragment (a feed item's
//! content) is converted whole.
//!
//! [`extract_markdown`]: super::extract::extract_markdown

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?is)<article\b[^>]*>(.*?)</article\s*>"));
static MAIN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?is)<main\b[^>]*>(.*?)</main\s*>"));
static H1: LazyLock<Regex> = LazyLock::new(|| regex(r"(?is)<h1\b[^>]*>.*?</h1\s*>"));
/// A script or style element: raw text up to the first closing tag, as an HTML parser reads it.
static SCRIPT_OR_STYLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?is)<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>"));

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
    let content = content(&cleaned);
    htmd::HtmlToMarkdown::builder()
        .skip_tags(SKIPPED.to_vec())
        .build()
        .convert(&content)
        .unwrap_or_else(|_| html.to_owned())
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

    #[test]
    fn a_fragment_is_converted_whole() {
        let md = html_to_markdown("<p>One.</p><p>Two <em>three</em>.</p>");
        assert_eq!(md, "One.\n\nTwo _three_.");
    }
}
