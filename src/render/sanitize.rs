//! Keeping foreign code out of exported pages and feeds.
//!
//! Statement bodies and backgrounds are Markdown that may hold raw HTML. They are rendered with
//! pulldown-cmark, with link and image URLs judged on the Markdown events, and the resulting HTML
//! always goes through ammonia, which keeps a small set of harmless elements and attributes and
//! the same URL allowlist. A URL is allowed when it is relative or uses `http`, `https` or
//! `mailto`, judged after decoding character references, removing ASCII whitespace and control
//! characters, and folding case (so `JaVaScRiPt:`, `&#106;avascript:` and `java\nscript:` are all
//! `javascript:` and refused).

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

/// URL schemes a link, image or `source:` may use.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `url` may appear in an `href` or `src`: relative, or with an allowed scheme.
pub fn is_safe_url(url: &str) -> bool {
    let folded: String = decode_references(url)
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let end = folded.find(['/', '?', '#']).unwrap_or(folded.len());
    match folded[..end].find(':') {
        // A colon before the path means a scheme: it must be an allowed one.
        Some(colon) => ALLOWED_SCHEMES.contains(&&folded[..colon]),
        None => true,
    }
}

/// Decodes numeric character references (`&#106;`, `&#x6A;`, with or without `;`) and the named
/// ones that matter in URLs, repeatedly, so nested escapes are judged by what they finally mean.
pub(crate) fn decode_references(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut current = text.to_owned();
    // Each round removes at least one `&`; a few rounds cover any real nesting.
    for _ in 0..4 {
        let next = decode_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    Cow::Owned(current)
}

fn decode_once(text: &str) -> String {
    const NAMED: [(&str, char); 9] = [
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("sol", '/'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(numeric) = after.strip_prefix('#') {
            let (hex, digits) = match numeric.strip_prefix(['x', 'X']) {
                Some(hex) => (true, hex),
                None => (false, numeric),
            };
            let len = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            if len > 0 {
                let value = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 })
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                out.push(value);
                let consumed = 1 + usize::from(hex) + len;
                rest = &after[consumed..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else if let Some((name, c)) = NAMED.iter().find(|(name, _)| {
            after.len() > name.len()
                && after.is_char_boundary(name.len())
                && after[..name.len()].eq_ignore_ascii_case(name)
                && after[name.len()..].starts_with(';')
        }) {
            out.push(*c);
            rest = &after[name.len() + 1..];
            continue;
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A `source:` URL ready for an `href`: only absolute http(s) URLs, percent-encoded where
/// needed (`<`, spaces and quotes in a query); none when it is not one.
pub fn source_url(url: &str) -> Option<String> {
    if !is_safe_url(url) {
        return None;
    }
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// Whether a character may appear in an XML 1.0 document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The text without characters XML 1.0 forbids (C0 controls other than tab and line breaks,
/// U+FFFE, U+FFFF); used for every string that reaches a page or a feed.
pub fn xml_text(text: &str) -> Cow<'_, str> {
    if is_xml_clean(text.as_bytes()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Whether `bytes` (UTF-8) hold only characters XML 1.0 allows: no C0 control but tab and line
/// breaks, no U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`). Tested a chunk at a time without
/// branching, so the loop vectorises; only a chunk with a suspect byte is looked at closely.
fn is_xml_clean(bytes: &[u8]) -> bool {
    const CHUNK: usize = 32;
    #[inline(always)]
    fn suspect(b: u8) -> bool {
        (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') | (b == 0xef)
    }
    bytes.chunks(CHUNK).enumerate().all(|(n, chunk)| {
        !chunk.iter().fold(false, |any, &b| any | suspect(b))
            || (n * CHUNK..n * CHUNK + chunk.len()).all(|i| match bytes[i] {
                0xef => !matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])),
                b => !suspect(b),
            })
    })
}

/// Rewrites relative URLs in rendered content (to point at copied files from the page that shows
/// them); `None` removes the URL.
pub trait Rewrite: Send + Sync {
    /// The URL to write for the relative `url`.
    fn rewrite(&self, url: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String> + Send + Sync> Rewrite for F {
    fn rewrite(&self, url: &str) -> Option<String> {
        self(url)
    }
}

/// Adapter from [`Rewrite`] to ammonia's relative-URL hook.
struct Relative<'a>(&'a dyn Rewrite);

impl<'a> ammonia::UrlRelativeEvaluate<'a> for Relative<'a> {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        if !is_safe_url(url) {
            return None;
        }
        self.0.rewrite(url).map(Cow::Owned)
    }
}

/// Renders statement Markdown as safe HTML: headings shifted down one level (the page's title is
/// its only `h1`), unsafe link and image URLs dropped (their text kept), raw HTML cleaned.
pub fn markdown_to_html(markdown: &str, rewrite: &dyn Rewrite) -> String {
    let mut links: Vec<bool> = Vec::new();
    let mut images: Vec<bool> = Vec::new();
    let mut raw_html = false;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, crate::statement::MARKDOWN)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let keep = is_safe_url(dest_url);
                links.push(keep);
                keep.then_some(event)
            }
            Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then_some(event),
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                let keep = is_safe_url(dest_url);
                images.push(keep);
                keep.then_some(event)
            }
            Event::End(TagEnd::Image) => images.pop().unwrap_or(false).then_some(event),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Some(Event::Start(Tag::Heading {
                level: deeper(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(deeper(level)))),
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html = true;
                Some(event)
            }
            other => Some(other),
        })
        .collect();
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    if raw_html {
        // Raw HTML: ammonia cleans everything and rewrites relative URLs; a Markdown link the
        // rewrite refuses is dropped first (its text kept), as below.
        pulldown_cmark::html::push_html(&mut html, local_urls(events, rewrite, false));
        return clean_html(&xml_text(&html), rewrite);
    }
    // No raw HTML: pulldown-cmark escapes all text, and URLs were judged above; only relative
    // ones are left to rewrite (dropping the link when the rewrite refuses it).
    pulldown_cmark::html::push_html(&mut html, local_urls(events, rewrite, true));
    html
}

/// The events with every link and image to a local target that `rewrite` refuses dropped (their
/// text kept), and, when `replace`, the others' URLs rewritten; text cleaned of characters XML
/// forbids.
fn local_urls<'e>(
    events: Vec<Event<'e>>,
    rewrite: &dyn Rewrite,
    replace: bool,
) -> impl Iterator<Item = Event<'e>> {
    let mut dropped: Vec<bool> = Vec::new();
    events.into_iter().filter_map(move |event| match event {
        // `<press@example.org>`: pulldown-cmark writes it as a mailto: link.
        Event::Start(Tag::Link {
            link_type: LinkType::Email,
            ..
        }) => {
            dropped.push(false);
            Some(event)
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => match relative(&dest_url, rewrite) {
            Some(url) => {
                dropped.push(false);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: if replace { url.into() } else { dest_url },
                    title,
                    id,
                }))
            }
            None => {
                dropped.push(true);
                None
            }
        },
        Event::End(TagEnd::Link) => (!dropped.pop().unwrap_or(false)).then_some(event),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => match relative(&dest_url, rewrite) {
            Some(url) => {
                dropped.push(false);
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url: if replace { url.into() } else { dest_url },
                    title,
                    id,
                }))
            }
            None => {
                dropped.push(true);
                None
            }
        },
        Event::End(TagEnd::Image) => (!dropped.pop().unwrap_or(false)).then_some(event),
        Event::Text(text) => Some(Event::Text(match xml_text(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(clean) => clean.into(),
        })),
        other => Some(other),
    })
}

/// A URL as written to the page: absolute ones as they are, relative ones through `rewrite`.
fn relative(url: &str, rewrite: &dyn Rewrite) -> Option<String> {
    if crate::links::is_local(url) {
        rewrite.rewrite(url)
    } else {
        Some(url.to_owned())
    }
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Cleans an HTML fragment with ammonia: harmless elements and attributes only, URLs through the
/// allowlist, relative URLs through `rewrite`, links to other sites marked `noopener noreferrer`.
pub fn clean_html(html: &str, rewrite: &dyn Rewrite) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(ALLOWED_SCHEMES))
        .url_relative(ammonia::UrlRelative::Custom(Box::new(Relative(rewrite))))
        .rm_tags(["area", "map"])
        // No `rel`: no `target` is allowed, and a `rel` would stay on a link whose `href` was
        // removed, which is invalid HTML.
        .link_rel(None)
        .strip_comments(true);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(url: &str) -> Option<String> {
        Some(url.to_owned())
    }

    #[test]
    fn urls_are_judged_after_decoding_and_folding() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "java\nscript:alert(1)",
            "java\tscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "javascript&colon;alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "&amp;#106;avascript:x",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
        for good in [
            "https://example.org/a:b",
            "HTTP://x.org",
            "mailto:a@b.c",
            "img/a.png",
            "../x.html#a:b",
            "/assets/x.pdf",
            "#top",
            "?q=a:b",
        ] {
            assert!(is_safe_url(good), "{good:?}");
        }
    }

    #[test]
    fn hostile_markdown_is_neutralised() {
        let html = markdown_to_html(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:text/html,x)\n\n<script>alert(1)</script><iframe src=x></iframe><a href=\"java&#10;script:x\" onclick=\"x()\" style=\"color:red\">d</a><svg><script>x</script></svg><math></math>\n\n# Heading",
            &same,
        );
        for bad in [
            "script",
            "iframe",
            "onclick",
            "style",
            "svg",
            "math",
            "javascript",
            "data:",
        ] {
            assert!(!html.to_lowercase().contains(bad), "{bad} in {html}");
        }
        // The unsafe links keep their text; the raw HTML keeps only a bare `<a>` and its text.
        assert_eq!(html, "<p>a b c</p>\n<a>d</a>\n<h2>Heading</h2>\n");
    }

    #[test]
    fn relative_urls_are_rewritten() {
        let html = markdown_to_html("![a](img/a.png) [b](https://x.org)", &|url: &str| {
            Some(format!("../../{url}"))
        });
        assert_eq!(
            html,
            "<p><img src=\"../../img/a.png\" alt=\"a\" /> <a href=\"https://x.org\">b</a></p>\n"
        );
    }

    #[test]
    fn sources_are_absolute_http_urls_encoded() {
        assert_eq!(
            source_url("https://example.org/?a=<b> c").as_deref(),
            Some("https://example.org/?a=%3Cb%3E%20c")
        );
        assert_eq!(source_url("javascript:alert(1)"), None);
        assert_eq!(source_url("/relative"), None);
        assert_eq!(source_url("mailto:a@b.c"), None);
    }

    #[test]
    fn xml_text_drops_forbidden_characters() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\u{fffe}\td"), "abc\td");
        // Two forbidden characters in one chunk, and one past the first chunk of 32 bytes.
        assert_eq!(xml_text("a\u{1}b\u{2}c"), "abc");
        let long = format!("{}\u{1}!", "a".repeat(40));
        assert_eq!(xml_text(&long), format!("{}!", "a".repeat(40)));
        let late = format!("{}\u{ffff}\u{1}!", "é".repeat(40));
        assert_eq!(xml_text(&late), format!("{}!", "é".repeat(40)));
        assert_eq!(
            xml_text("\u{ffff}\u{fffd}\u{f000}\r\n"),
            "\u{fffd}\u{f000}\r\n"
        );
        let long = "é".repeat(20);
        assert!(matches!(
            xml_text(&format!("{long}\u{fffd}\n")),
            Cow::Borrowed(_)
        ));
        assert_eq!(xml_text(&format!("{long}\u{1f}")), long);
        assert_eq!(
            xml_text(&format!("{long}{long}x\u{ffff}")),
            format!("{long}{long}x")
        );
    }

    /// A body without raw HTML never reaches ammonia: the Markdown path alone must drop unsafe
    /// link and image URLs, keeping their text, and leave every safe one exactly as written.
    #[test]
    fn unsafe_urls_are_dropped_without_raw_html() {
        assert_eq!(
            markdown_to_html(
                "[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:text/html,x) [d](java&#10;script:x) [e](vbscript:y)",
                &same
            ),
            "<p>a b c d e</p>\n"
        );
        assert_eq!(
            markdown_to_html("[![logo](javascript:x)](https://x.org/a:b)", &same),
            "<p><a href=\"https://x.org/a:b\">logo</a></p>\n"
        );
        assert_eq!(
            markdown_to_html("[![logo](img/a.png)](javascript:x)", &same),
            "<p><img src=\"img/a.png\" alt=\"logo\" /></p>\n"
        );
        assert_eq!(
            markdown_to_html("[m](mailto:a@b.c) [h](HTTP://x.org)", &same),
            "<p><a href=\"mailto:a@b.c\">m</a> <a href=\"HTTP://x.org\">h</a></p>\n"
        );
    }

    /// A colon after `#` is part of a fragment, not a scheme: footnote links as kramdown writes
    /// them (`#fn:1`, `#fnref:1`) stay links.
    #[test]
    fn a_colon_in_a_fragment_is_not_a_scheme() {
        assert_eq!(
            markdown_to_html("[1](#fn:1) [back](#fnref:1)", &same),
            "<p><a href=\"#fn:1\">1</a> <a href=\"#fnref:1\">back</a></p>\n"
        );
    }

    /// Only relative URLs go through the rewrite; one it refuses loses its link, not its text.
    #[test]
    fn refused_relative_urls_keep_their_text() {
        let rewrite = |url: &str| (url != "gone.pdf").then(|| format!("../{url}"));
        assert_eq!(
            markdown_to_html(
                "[kept](a.pdf) [gone](gone.pdf) ![pic](gone.pdf) [abs](https://x.org/gone.pdf)",
                &rewrite
            ),
            "<p><a href=\"../a.pdf\">kept</a> gone pic <a href=\"https://x.org/gone.pdf\">abs</a></p>\n"
        );
        // The same rules with raw HTML in the body: a refused Markdown link keeps its text only,
        // as above; a raw one goes through ammonia (which keeps its element, without `href`).
        assert_eq!(
            markdown_to_html(
                "<b>x</b> [kept](a.pdf) [gone](gone.pdf) <a href=\"javascript:x\">js</a> <img src=\"gone.pdf\">",
                &rewrite
            ),
            "<p><b>x</b> <a href=\"../a.pdf\">kept</a> gone <a>js</a> <img></p>\n"
        );
    }

    #[test]
    fn headings_go_one_level_deeper() {
        assert_eq!(
            markdown_to_html(
                "# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f",
                &same
            ),
            "<h2>a</h2>\n<h3>b</h3>\n<h4>c</h4>\n<h5>d</h5>\n<h6>e</h6>\n<h6>f</h6>\n"
        );
    }

    #[test]
    fn named_and_unterminated_references_decode_as_browsers_read_them() {
        for bad in [
            "javascript&COLON;x",
            "javascript&#58x",
            "javascript&#x3A;x",
            "javascript&amp;colon;x",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
        // A decoded `/` before the colon makes it a path; `&colon` without `;` is not a colon.
        for good in ["a&sol;b:c", "a&#47;b:c", "a&colonb/c:d", "?a=1&b=2:3"] {
            assert!(is_safe_url(good), "{good:?}");
        }
        // Blanks around an allowed scheme are not part of it.
        assert!(is_safe_url(" https://example.org/"));
        assert!(is_safe_url("https :// example.org/"));
        assert_eq!(
            decode_references("a&lt;b&gt;&quot;&apos;&amp;c&sol;"),
            "a<b>\"'&c/"
        );
        assert_eq!(decode_references("&#x110000;&#65"), "\u{fffd}A");
        // `&#` without digits is no reference: kept as written, as browsers do (a file named
        // `Q&#A.pdf` stays that file).
        assert_eq!(decode_references("Q&#A.pdf &#x; &#;"), "Q&#A.pdf &#x; &#;");
    }
}
