//! Every link destination in a post's body, found and rewritten: Markdown inline links and
//! images, reference definitions, and raw HTML `href`/`src` attributes, outside code.
//!
//! Pure: what each URL becomes is the caller's decision ([`rewrite`] takes it as a function),
//! so the same walk serves posts of any site.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::import::regex;

/// Where a URL was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A Markdown link or image destination, or a reference definition.
    Markdown,
    /// An `href` or `src` attribute of raw HTML.
    Html,
}

/// What a URL becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rewrite {
    /// Kept as written.
    Keep,
    /// Replaced by this URL.
    Url(String),
    /// No longer a link: a Markdown link's text and destination stay, as plain text.
    Unlink,
    /// No longer a link, as [`Rewrite::Unlink`], with this text in place of the destination (a
    /// raw HTML attribute, which cannot be unlinked, gets it as its value).
    UnlinkAs(String),
}

/// `](dest` of an inline link or image: `<…>`, or a run without blanks (one level of
/// balanced parentheses allowed).
static INLINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\]\([ \t]*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)"));
/// `[label]: dest` at the start of a line.
static DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?m)^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)"));
/// An HTML start tag.
static TAG: LazyLock<Regex> = LazyLock::new(|| regex(r"<[A-Za-z][A-Za-z0-9-]*\b[^<>]*>"));
/// An `href`, `src` or `poster` attribute with its value.
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r#"(?i)\s(?:href|src|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
});

/// The byte ranges of code (spans and blocks) in `markdown`.
fn code_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        match event {
            Event::Code(_) => ranges.push(range),
            Event::Start(Tag::CodeBlock(_)) => start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(from) = start.take() {
                    ranges.push(from..range.end);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// Rewrites every link destination outside code with `decide(url, place)`.
pub fn rewrite(markdown: &str, mut decide: impl FnMut(&str, Place) -> Rewrite) -> String {
    let code = code_ranges(markdown);
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    // (range of the destination as written, replacement)
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for caps in INLINE.captures_iter(markdown) {
        let (Some(whole), Some(dest)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if in_code(whole.start()) {
            continue;
        }
        let url = dest.as_str().trim_start_matches('<').trim_end_matches('>');
        match decide(url, Place::Markdown) {
            Rewrite::Keep => {}
            Rewrite::Url(new) => edits.push((dest.range(), angle(&new))),
            // `](` → `]\(`: the link's text and destination stay as text.
            Rewrite::Unlink => edits.push((whole.start()..whole.start() + 2, "]\\(".to_owned())),
            Rewrite::UnlinkAs(text) => {
                edits.push((whole.start()..whole.start() + 2, "]\\(".to_owned()));
                edits.push((dest.range(), text));
            }
        }
    }
    for caps in DEFINITION.captures_iter(markdown) {
        let (Some(whole), Some(dest)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if in_code(whole.start()) {
            continue;
        }
        let url = dest.as_str().trim_start_matches('<').trim_end_matches('>');
        match decide(url, Place::Markdown) {
            Rewrite::Url(new) => edits.push((dest.range(), angle(&new))),
            Rewrite::Unlink => edits.push((whole.start()..whole.start(), "\\".to_owned())),
            Rewrite::UnlinkAs(text) => {
                edits.push((whole.start()..whole.start(), "\\".to_owned()));
                edits.push((dest.range(), text));
            }
            Rewrite::Keep => {}
        }
    }
    for tag in TAG.find_iter(markdown) {
        if in_code(tag.start()) {
            continue;
        }
        for caps in ATTRIBUTE.captures_iter(tag.as_str()) {
            let Some(value) = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3)) else {
                continue;
            };
            let url = html_unescape(value.as_str());
            if let Rewrite::Url(new) | Rewrite::UnlinkAs(new) = decide(&url, Place::Html) {
                let range = tag.start() + value.start()..tag.start() + value.end();
                let quoted = caps.get(3).is_some();
                let new = new
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('\'', "&#39;");
                edits.push((range, if quoted { format!("\"{new}\"") } else { new }));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for (range, text) in edits {
        if range.start < last {
            continue;
        }
        out.push_str(&markdown[last..range.start]);
        out.push_str(&text);
        last = range.end;
    }
    out.push_str(&markdown[last..]);
    out
}

/// A destination as Markdown takes it: in `<…>` when it holds blanks or parentheses.
fn angle(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_owned()
    }
}

/// The few entities an attribute's URL holds.
fn html_unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
}
