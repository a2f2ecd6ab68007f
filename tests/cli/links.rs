//! Links in bodies, as `check` and `export` both see them: a statement links to another by the
//! relative path of its file; raw HTML's `<a href>` and `<img src>` are checked, copied and
//! rewritten like Markdown's; an e-mail autolink is a `mailto:` link; leftover Liquid tags and
//! Hugo shortcodes are warnings; `>` and indentation inside code are no nesting.

use insta::assert_snapshot;

use crate::support::{Archive, front, press, statement};

/// A statement file with this date, slug and body (and extra front-matter lines).
fn file(archive: Archive, date: &str, slug: &str, lines: &str, body: &str) -> Archive {
    let front = front(&format!("Chile: {slug}"), date);
    let front = if lines.is_empty() {
        front
    } else {
        format!("{front}\n{lines}")
    };
    archive.file(
        &format!("statements/{}/{date}-{slug}.md", &date[..4]),
        statement(&front, body),
    )
}

/// The archive of the statement-link tests: `b` links to `a` (another year, with a fragment),
/// to `c` (same folder, in Markdown and in raw HTML) and to the draft `d`.
fn linked() -> Archive {
    let archive = file(Archive::empty(), "2019-06-18", "a", "", "A.\n");
    let archive = file(archive, "2026-01-28", "c", "", "C.\n");
    let archive = file(archive, "2026-01-29", "d", "draft: true", "D.\n");
    file(
        archive,
        "2026-02-01",
        "b",
        "",
        "As [we said](../2019/2019-06-18-a.md#quote), and [again](2026-01-28-c.md).\n\n\
         Not yet: [the draft](./2026-01-29-d.md). Raw: <a href=\"2026-01-28-c.md\">c</a>.\n",
    )
}

/// Links to statements: a draft target is a warning (its text kept without the link), a
/// published one becomes its page's URL, from Markdown and raw HTML alike.
#[test]
fn links_between_statements_become_page_links() {
    let archive = linked();
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-02-01-b.md:9:10: warning: link to a draft statement "./2026-01-29-d.md" (statements/2026/2026-01-29-d.md): the export keeps the link's text without the link
      help: publish that statement, or remove the link
    checked 4 statements: 0 errors, 1 warning
    "#);
    let run = press(&archive, &["export"]);
    run.code(0);
    assert_eq!(
        crate::support::timeless(&archive.clean(&run.stderr)),
        "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
         statements/2026/2026-02-01-b.md:9:10: warning: link to a draft statement \"./2026-01-29-d.md\" (statements/2026/2026-01-29-d.md): the export keeps the link's text without the link\n  \
         help: publish that statement, or remove the link\n\
         press: exported 3 statements to [ROOT]/site: 45 files written, 0 unchanged, 0 removed\n"
    );
    let page = archive.read("site/statements/2026/b/index.html");
    let body = &page[page.find("<p>As ").expect("the body") + 3..];
    let body = &body[..body.find("\n\n").unwrap_or(body.len())];
    assert_snapshot!(body, @r#"
    As <a href="../../../statements/2019/a/index.html#quote">we said</a>, and <a href="../../../statements/2026/c/index.html">again</a>.</p>
    <p>Not yet: the draft. Raw: <a href="../../../statements/2026/c/index.html">c</a>.</p>
    "#);
}

/// A link to a statement file that is not there is an error naming the file, in `check` and in
/// `export` alike.
#[test]
fn a_link_to_a_missing_statement_is_an_error_in_check_and_export() {
    let archive = linked().file(
        "statements/2026/2026-03-01-e.md",
        statement(
            &front("Chile: e", "2026-03-01"),
            "Gone: [x](../2018/2018-01-01-gone.md) and <a href='/statements/2019/2019-06-18-a.md'>ok</a>.\n",
        ),
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    let expected = "statements/2026/2026-03-01-e.md:7:7: error: link to a missing statement \"../2018/2018-01-01-gone.md\": no valid statement file at statements/2018/2018-01-01-gone.md\n  help: link to the statement's file by its relative path, e.g. ../2019/2019-06-18-slug.md, and fix that file if it has errors\n";
    let draft = "statements/2026/2026-02-01-b.md:9:10: warning: link to a draft statement \"./2026-01-29-d.md\" (statements/2026/2026-01-29-d.md): the export keeps the link's text without the link\n  \
         help: publish that statement, or remove the link\n";
    assert_eq!(
        run.err(),
        format!("{draft}{expected}checked 5 statements: 1 error, 1 warning\n")
    );
    let run = press(&archive, &["export"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!(
            "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
             {draft}{expected}press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to publish those pages without the broken links)\n"
        )
    );
    assert!(!archive.path().join("site").exists());
}

/// Raw HTML's `<img src>` and `<a href>`: a missing file is an error at the URL's line and
/// column in both `check` and `export`; present files are copied and the URLs rewritten, as a
/// Markdown link's are.
#[test]
fn raw_html_links_are_checked_copied_and_rewritten() {
    let body = "Photo: <img src=\"/assets/img/x.png\" alt=\"x\">\n\n<p>The <a href=\"files/report.pdf\">report</a> and ![md](/assets/img/x.png).</p>\n\n<p><img src=\"/assets/missing.png\"></p>\n";
    let archive = file(Archive::empty(), "2026-01-27", "a", "", body)
        .file("assets/img/x.png", b"PNG")
        .file("statements/2026/files/report.pdf", b"PDF");
    let expected = "statements/2026/2026-01-27-a.md:11:14: error: link to a missing local file \"/assets/missing.png\"\n  help: put the file beside the statement or under assets/, or fix the link\n";
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!("{expected}checked 1 statement: 1 error, 0 warnings\n")
    );
    let run = press(&archive, &["export"]);
    run.code(1);
    assert_eq!(
        run.err(),
        format!(
            "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
             {expected}press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to publish those pages without the broken links)\n"
        )
    );
    archive.write(
        "statements/2026/2026-01-27-a.md",
        statement(
            &front("Chile: a", "2026-01-27"),
            &body.replace("<p><img src=\"/assets/missing.png\"></p>\n", ""),
        ),
    );
    press(&archive, &["check"]).code(0);
    press(&archive, &["export"]).code(0);
    assert_eq!(archive.read("site/assets/img/x.png"), "PNG");
    assert_eq!(archive.read("site/statements/2026/files/report.pdf"), "PDF");
    let page = archive.read("site/statements/2026/a/index.html");
    assert!(
        page.contains("<img src=\"../../../assets/img/x.png\" alt=\"x\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../../statements/2026/files/report.pdf\">report</a>"),
        "{page}"
    );
}

/// `<press@example.org>` is a mailto: link: no missing file, and a working link on the page.
#[test]
fn an_email_autolink_is_a_mailto_link() {
    let archive = file(
        Archive::empty(),
        "2026-01-27",
        "a",
        "",
        "Write to <press@example.org>.\n",
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @"checked 1 statement: 0 errors, 0 warnings");
    press(&archive, &["export"]).code(0);
    let page = archive.read("site/statements/2026/a/index.html");
    assert!(
        page.contains("<a href=\"mailto:press@example.org\">press@example.org</a>"),
        "{page}"
    );
}

/// Liquid tags and Hugo shortcodes left in a body are warnings at their place; in code they are
/// text.
#[test]
fn check_warns_about_leftover_template_code() {
    let body = "Intro {% include cta.html %} and [home]({{ site.baseurl }}/about/).\n\n{{< figure src=\"a.png\" caption=\"A\" >}}\n\n`{{ kept }}` and\n\n```\n{% highlight r %}\n```\n";
    let archive = file(Archive::empty(), "2026-01-27", "a", "", body);
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-a.md:7:7: warning: leftover Liquid tag "{% include cta.html %}"
      help: press renders no template code: write it as Markdown, or remove it; in a code span (`…`) it is shown as text
    statements/2026/2026-01-27-a.md:7:41: warning: leftover Liquid tag "{{ site.baseurl }}"
      help: press renders no template code: write it as Markdown, or remove it; in a code span (`…`) it is shown as text
    statements/2026/2026-01-27-a.md:9:1: warning: leftover Hugo shortcode "{{< figure src=\"a.png\" caption=\"A\" >}}"
      help: press renders no template code: write it as Markdown, or remove it; in a code span (`…`) it is shown as text
    checked 1 statement: 0 errors, 3 warnings
    "#);
}

/// `>` and indentation inside a fence or an indented code block are no nesting: R output
/// indented 92 columns passes; a real 40-level quote is still refused.
#[test]
fn nesting_inside_code_is_no_level() {
    let output = format!(
        "Output:\n\n```r\n> summary(x)\n{}[1] 0.5 > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > >\n```\n\nIndented:\n\n{}- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n",
        " ".repeat(92),
        " ".repeat(8),
    );
    let archive = file(Archive::empty(), "2026-01-27", "a", "", &output);
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @"checked 1 statement: 0 errors, 0 warnings");
    press(&archive, &["export"]).code(0);
    let deep = format!("{} deep\n", "> ".repeat(40));
    archive.write(
        "statements/2026/2026-01-27-a.md",
        statement(&front("Chile: a", "2026-01-27"), &(output + "\n" + &deep)),
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "statements/2026/2026-01-27-a.md:18:1: error: Markdown is nested 40 levels deep, more than 32\n  \
         help: flatten the block quotes or lists\n\
         checked 1 statement: 1 error, 0 warnings\n"
    );
}
