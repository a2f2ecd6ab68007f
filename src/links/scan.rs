//! Every link of a statement's Markdown, found by one function for `check` and `export` alike:
//! Markdown links and images (inline, reference and autolinks; an e-mail autolink is a
//! `mailto:` link, never a file), and the URLs of the raw HTML the export keeps (`<a href>`,
//! `<img src>`), read after character references are decoded, as the sanitiser reads them.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use crate::render::sanitize::decode_references;
use crate::statement::MARKDOWN;

/// A link or image URL in Markdown text, with its byte offset in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte offset of the link (for raw HTML, of its URL) in the Markdown text.
    pub offset: usize,
    /// The destination, as the export reads it.
    pub url: String,
    /// Where the destination is written, as the last thing in this range but a title: the
    /// whole link (inline links, autolinks), its reference definition (`[label]: url`), or the
    /// attribute value (raw HTML).
    pub written: Range<usize>,
}

/// The raw HTML elements whose URL attribute the export keeps (see
/// [`crate::render::sanitize::clean_html`]); every other one is removed with its URL.
const HTML_URLS: [(&str, &str); 2] = [("a", "href"), ("img", "src")];

/// Every link and image destination in `markdown` that points at a local file (no scheme, not
/// a fragment or query only), in text order.
pub fn local_links(markdown: &str) -> Vec<Link> {
    // Without an inline link, a reference definition (which every reference link needs) or a
    // tag, there is no link: a cheap test that skips the parser for most bodies.
    if !markdown.contains("](") && !markdown.contains("]:") && !markdown.contains('<') {
        return Vec::new();
    }
    let mut links = Vec::new();
    let mut skipping = None;
    let mut events = Parser::new_ext(markdown, MARKDOWN).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            // `<press@example.org>`: a mailto: link.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => {}
            Event::Start(Tag::Link { dest_url, id, .. } | Tag::Image { dest_url, id, .. })
                if super::is_local(&dest_url) =>
            {
                // A reference link's destination is in its definition; an inline link's `id`
                // is empty, which no definition's label is.
                let definition = events.reference_definitions().get(&id);
                links.push(Link {
                    offset: range.start,
                    url: dest_url.into_string(),
                    written: definition.map_or(range, |d| d.span.clone()),
                });
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let source = &markdown[range.clone()];
                for (within, raw) in html_urls(&html, &mut skipping) {
                    let url = decode_references(raw).into_owned();
                    if super::is_local(&url) {
                        let written = match source.get(within..within + raw.len()) {
                            Some(text) if text == raw => {
                                range.start + within..range.start + within + raw.len()
                            }
                            _ => range.clone(),
                        };
                        links.push(Link {
                            offset: written.start,
                            url,
                            written,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    links
}

/// Elements whose content is text, not markup (`<style><img src=x></style>` holds no image).
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The kept URL attributes of the tags in a piece of raw HTML, as written (references not yet
/// decoded), each with its byte offset in the piece. `skipping` carries, from one piece to the
/// next, the end of a comment (`-->`) or of a raw-text element (`</style`) still open.
fn html_urls<'h>(html: &'h str, skipping: &mut Option<String>) -> Vec<(usize, &'h str)> {
    let mut urls = Vec::new();
    let mut rest = html;
    loop {
        if let Some(end) = skipping.as_deref() {
            // Tag names are matched without case; lowercasing keeps every byte offset.
            match rest.to_ascii_lowercase().find(end) {
                Some(at) => {
                    rest = &rest[at + end.len()..];
                    *skipping = None;
                }
                None => return urls,
            }
        }
        let Some(open) = rest.find('<') else {
            return urls;
        };
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after;
            *skipping = Some("-->".to_owned());
            continue;
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        rest = &rest[name_len..];
        let (attributes, after) = attributes(rest);
        rest = after;
        if RAW_TEXT.iter().any(|t| name.eq_ignore_ascii_case(t)) {
            *skipping = Some(format!("</{}", name.to_ascii_lowercase()));
            continue;
        }
        for (attribute, value) in attributes {
            if HTML_URLS
                .iter()
                .any(|(t, a)| name.eq_ignore_ascii_case(t) && attribute.eq_ignore_ascii_case(a))
            {
                urls.push((value.as_ptr() as usize - html.as_ptr() as usize, value));
            }
        }
    }
}

/// The attributes of a start tag (`name="value"`, `name='value'`, `name=value`, `name`) up to
/// its `>`, and the text after it.
fn attributes(mut rest: &str) -> (Vec<(&str, &str)>, &str) {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return (found, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (found, after);
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(after) = rest.strip_prefix('=') else {
            continue;
        };
        rest = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let value = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &rest[1..];
                let end = body.find(quote).unwrap_or(body.len());
                rest = body.get(end + 1..).unwrap_or("");
                &body[..end]
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(rest.len());
                let value = &rest[..end];
                rest = &rest[end..];
                value
            }
        };
        found.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(markdown: &str) -> Vec<String> {
        local_links(markdown).into_iter().map(|l| l.url).collect()
    }

    #[test]
    fn finds_local_links_only() {
        assert_eq!(
            urls(
                "See [a](img/a.png), [b](https://x.org), [c](#top), ![d](/assets/d.jpg), [e](mailto:x@y.z) and [f](<java\nscript:x>)."
            ),
            ["img/a.png", "/assets/d.jpg"]
        );
    }

    #[test]
    fn an_email_autolink_is_no_file() {
        assert!(urls("Write to <press@example.org> or <https://x.org>.").is_empty());
    }

    #[test]
    fn finds_raw_html_urls_the_export_keeps() {
        let text = "<p><img alt=\"x\" src=\"/assets/a.png\"></p>\n\nText <a href='../2019/b.md#top'>b</a>, <A HREF=c.pdf>c</A>, <img src=\"a&amp;b.png\"/>\n\n<script src=\"/x.js\"></script> <iframe src=\"y.html\"></iframe> <style><img src=\"s.png\"></style> <a href=\"https://x.org\">x</a> <!-- <img src=\"gone.png\"> -->\n";
        assert_eq!(
            urls(text),
            ["/assets/a.png", "../2019/b.md#top", "c.pdf", "a&b.png"]
        );
    }

    #[test]
    fn raw_text_ends_at_its_closing_tag_in_any_case() {
        let text = "<SCRIPT>var a = '<img src=\"in.png\">';</SCRIPT> <img src=\"after.png\">\n\n<Style>p {}</STYLE><a href=\"b.pdf\">b</a>\n";
        assert_eq!(urls(text), ["after.png", "b.pdf"]);
    }

    #[test]
    fn locates_html_urls() {
        let text = "one\n\nand <img src=\"x.png\">";
        let links = local_links(text);
        assert_eq!(links.len(), 1);
        assert_eq!(&text[links[0].offset..links[0].offset + 5], "x.png");
    }

    #[test]
    fn code_is_not_html() {
        assert!(urls("`<img src=\"x.png\">`\n\n    <img src=\"y.png\">\n").is_empty());
    }
}
