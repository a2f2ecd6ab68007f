//! Template code a migration left in a body: Liquid tags (`{% include x.html %}`, `{{ site.url }}`)
//! and Hugo shortcodes (`{{< figure … >}}`, `{{% note %}}`). `press` renders neither, so each one
//! outside code is a warning at its place, for an editor to translate or remove.

use pulldown_cmark::{Event, Parser, Tag};

/// One leftover: its byte offset in the text, and how it is called in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Leftover {
    /// Byte offset of its opening braces.
    pub(super) offset: usize,
    /// `Liquid tag` or `Hugo shortcode`.
    pub(super) kind: &'static str,
    /// The tag as written, shortened to one line of at most 60 characters.
    pub(super) text: String,
}

/// The opening and closing marks of each kind, longest first.
const MARKS: [(&str, &str, &str); 4] = [
    ("{{<", ">}}", "Hugo shortcode"),
    ("{{%", "%}}", "Hugo shortcode"),
    ("{%", "%}", "Liquid tag"),
    ("{{", "}}", "Liquid tag"),
];

/// Every leftover tag or shortcode in `markdown` outside code spans and code blocks.
pub(super) fn leftovers(markdown: &str) -> Vec<Leftover> {
    if !markdown.contains("{%") && !markdown.contains("{{") {
        return Vec::new();
    }
    let code: Vec<std::ops::Range<usize>> = Parser::new_ext(markdown, super::MARKDOWN)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(next) = markdown[at..].find('{') {
        let start = at + next;
        at = start + 1;
        let rest = &markdown[start..];
        let Some((open, close, kind)) = MARKS.iter().find(|(open, ..)| rest.starts_with(open))
        else {
            continue;
        };
        // Within the paragraph: a closing mark after a blank line is not this tag's.
        let window = rest.find("\n\n").map_or(rest, |end| &rest[..end]);
        let Some(end) = window[open.len()..].find(close) else {
            continue;
        };
        let end = start + open.len() + end + close.len();
        if code.iter().any(|r| r.contains(&start)) {
            at = end;
            continue;
        }
        let whole = markdown[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text = if whole.chars().count() > 60 {
            format!("{}…", whole.chars().take(59).collect::<String>())
        } else {
            whole
        };
        found.push(Leftover {
            offset: start,
            kind,
            text,
        });
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(markdown: &str) -> Vec<(&'static str, String)> {
        leftovers(markdown)
            .into_iter()
            .map(|l| (l.kind, l.text))
            .collect()
    }

    #[test]
    fn finds_liquid_and_shortcodes_outside_code() {
        let text = "A {% include cta.html %} and {{ site.baseurl }}/x.\n\n{{< figure src=\"a.png\" >}}\n\n{{% note %}}\n\n`{{ kept }}` and\n\n```\n{% raw %}\n```\n\n    {{< indented >}}\n";
        assert_eq!(
            texts(text),
            [
                ("Liquid tag", "{% include cta.html %}".to_owned()),
                ("Liquid tag", "{{ site.baseurl }}".to_owned()),
                ("Hugo shortcode", "{{< figure src=\"a.png\" >}}".to_owned()),
                ("Hugo shortcode", "{{% note %}}".to_owned()),
            ]
        );
    }

    #[test]
    fn braces_without_a_close_are_text() {
        assert!(texts("a {{ b\n\nc }} and {% d").is_empty());
        assert_eq!(leftovers("x {{a}}")[0].offset, 2);
    }

    /// A leftover of at most 60 characters is quoted whole, however many bytes its letters take;
    /// a longer one is cut at 59 characters and `…`.
    #[test]
    fn a_leftover_is_cut_by_characters_not_bytes() {
        let accented = format!("{{{{ {} }}}}", "é".repeat(54));
        assert_eq!(accented.chars().count(), 60);
        assert_eq!(
            texts(&format!("A {accented} b")),
            [("Liquid tag", accented.clone())]
        );
        let longer = format!("{{{{ {} }}}}", "é".repeat(55));
        let cut = format!("{}…", longer.chars().take(59).collect::<String>());
        assert_eq!(texts(&format!("A {longer} b")), [("Liquid tag", cut)]);
    }
}
