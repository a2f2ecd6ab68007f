//! [`super::links::rewrite`] on its own: each place a destination is found, what each
//! [`Rewrite`] leaves, HTML attributes escaped and quoted, and an edit inside another skipped.

use super::links::{self, Place, Rewrite};

/// `markdown` rewritten by `decide`, with every URL it was asked about and where.
fn rewrite(markdown: &str, decide: impl Fn(&str) -> Rewrite) -> (String, Vec<(String, Place)>) {
    let mut seen = Vec::new();
    let out = links::rewrite(markdown, |url, place| {
        seen.push((url.to_owned(), place));
        decide(url)
    });
    (out, seen)
}

#[test]
fn unlinked_links_and_definitions_stay_as_text() {
    let (out, seen) = rewrite(
        "[d]: {{ x }}\nSee [a]( {{ y }} \"t\") and ![b](<{{ z }}>).\n[e]: <{{ w }}>\n",
        |_| Rewrite::Unlink,
    );
    assert_eq!(
        out,
        "\\[d]: {{ x }}\nSee [a]\\( {{ y }} \"t\") and ![b]\\(<{{ z }}>).\n\\[e]: <{{ w }}>\n"
    );
    let markdown = |url: &str| (url.to_owned(), Place::Markdown);
    assert_eq!(
        seen,
        [
            markdown("{{"),
            markdown("{{ z }}"),
            markdown("{{"),
            markdown("{{ w }}")
        ]
    );
}

#[test]
fn new_urls_are_written_as_markdown_and_html_take_them() {
    let (out, seen) = rewrite(
        "x [a](/a) ![b](</b c.png>)\n\n[d]: /d\n\ny <a title=\"t\" href=\"/h?a=1&amp;b=&#39;2&#39;&#x2F;&quot;\">h</a> <img alt='' src='/s'> <img src=/u.png>\n",
        |url| match url {
            "/a" => Rewrite::Url("/new (1).md".to_owned()),
            "/b c.png" => Rewrite::Url("/<b> c.png".to_owned()),
            "/d" => Rewrite::Url("/D".to_owned()),
            "/h?a=1&b='2'/\"" => Rewrite::Url("/H?a=1&b='2'\"".to_owned()),
            "/s" => Rewrite::Keep,
            _ => Rewrite::Url("/U.png".to_owned()),
        },
    );
    assert_eq!(
        out,
        "x [a](</new (1).md>) ![b](</%3Cb%3E c.png>)\n\n[d]: /D\n\ny <a title=\"t\" href=\"/H?a=1&amp;b=&#39;2&#39;&quot;\">h</a> <img alt='' src='/s'> <img src=\"/U.png\">\n"
    );
    assert_eq!(seen.len(), 6);
    assert_eq!(
        seen[3..]
            .iter()
            .map(|(_, place)| *place)
            .collect::<Vec<_>>(),
        [Place::Html, Place::Html, Place::Html]
    );
}

#[test]
fn a_link_inside_an_attribute_is_rewritten_once_and_code_never() {
    let (out, _) = rewrite(
        "<a href=\"x](/in)\">a</a> [b](/b)\n\n`[c](/c)` and\n\n    [d](/d)\n\n```\n<a href=\"/e\">e</a>\n```\n",
        |url| Rewrite::Url(format!("{}!", url.to_uppercase())),
    );
    assert_eq!(
        out,
        "<a href=\"X](/IN)!\">a</a> [b](/B!)\n\n`[c](/c)` and\n\n    [d](/d)\n\n```\n<a href=\"/e\">e</a>\n```\n"
    );
}

#[test]
fn unlinked_as_another_text_in_markdown_and_as_the_value_in_html() {
    let (out, _) = rewrite("x [a](ref:x) <a href='ref:y'>b</a>\n[c]: ref:z\n", |url| {
        Rewrite::UnlinkAs(url.trim_start_matches("ref:").to_owned())
    });
    assert_eq!(out, "x [a]\\(x) <a href='y'>b</a>\n\\[c]: z\n");
}
