//! Redirects from `aliases`: a page at each old address and a `_redirects` line for it, with and
//! without a base URL; aliases that would collide refused by `check` and `export`; pages removed
//! when their alias goes; the pages valid for the W3C checker.

use std::process::Command;

use insta::assert_snapshot;

use crate::support::{Archive, front, press, statement};

/// An archive with one statement, `statements/2019/2019-06-18-x.md`, with these aliases.
fn with_aliases(aliases: &str) -> Archive {
    Archive::empty().file(
        "statements/2019/2019-06-18-x.md",
        statement(
            &format!(
                "{}\naliases: {aliases}",
                front("Chile: <X> & Y", "2019-06-18")
            ),
            "Body.\n",
        ),
    )
}

const ALL_SHAPES: &str =
    r#"["/2019/06/18/x/", "/news/x.html", "/old/x", "/caf%C3%A9/", "/statements/2019/older-x/"]"#;

/// Each shape of path gets its page (folder, `.html` file, no extension, percent-encoded, an
/// older slug), every page a link to the statement's page relative to itself, and `_redirects`
/// one line each, sorted.
#[test]
fn export_writes_a_redirect_page_at_each_alias() {
    let archive = with_aliases(ALL_SHAPES);
    press(&archive, &["export"]).code(0);
    let site = |p: &str| archive.read(&format!("site/{p}"));
    assert_snapshot!(site("news/x.html"), @r#"
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Chile: &lt;X&gt; &amp; Y</title>
    <link rel="canonical" href="../statements/2019/x/index.html">
    <meta http-equiv="refresh" content="0; url=../statements/2019/x/index.html">
    </head>
    <body>
    <p><a href="../statements/2019/x/index.html">Chile: &lt;X&gt; &amp; Y</a></p>
    </body>
    </html>
    "#);
    for (file, target) in [
        (
            "2019/06/18/x/index.html",
            "../../../../statements/2019/x/index.html",
        ),
        ("old/x/index.html", "../../statements/2019/x/index.html"),
        ("café/index.html", "../statements/2019/x/index.html"),
        (
            "statements/2019/older-x/index.html",
            "../../../statements/2019/x/index.html",
        ),
    ] {
        let page = site(file);
        assert!(
            page.contains(&format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={target}\">"
            )) && page.contains(&format!("<p><a href=\"{target}\">")),
            "{file}: {page}"
        );
    }
    assert_eq!(
        site("_redirects"),
        "/2019/06/18/x/ /statements/2019/x/ 301\n\
         /caf%C3%A9/ /statements/2019/x/ 301\n\
         /news/x.html /statements/2019/x/ 301\n\
         /old/x /statements/2019/x/ 301\n\
         /statements/2019/older-x/ /statements/2019/x/ 301\n"
    );
    // Redirect pages are not in the sitemap (there is none without a base URL) nor the manifest's
    // only list: they are in the manifest, so a later export can remove them.
    let manifest = site(".press-manifest");
    for file in ["_redirects", "news/x.html", "café/index.html"] {
        assert!(manifest.lines().any(|l| l == file), "{file}: {manifest}");
    }
}

/// With a base URL, the canonical link is absolute and `_redirects` carries the base URL's path;
/// the sitemap lists the statement's page and no redirect.
#[test]
fn export_with_a_base_url_applies_its_path() {
    let archive = with_aliases(r#"["/news/x.html"]"#);
    press(
        &archive,
        &["export", "--base-url", "https://example.org/press/"],
    )
    .code(0);
    let page = archive.read("site/news/x.html");
    assert!(
        page.contains(
            "<link rel=\"canonical\" href=\"https://example.org/press/statements/2019/x/\">"
        ),
        "{page}"
    );
    assert_eq!(
        archive.read("site/_redirects"),
        "/press/news/x.html /press/statements/2019/x/ 301\n"
    );
    let sitemap = archive.read("site/sitemap.xml");
    assert!(!sitemap.contains("news/x"), "{sitemap}");
    assert!(sitemap.contains("https://example.org/press/statements/2019/x/"));
}

/// An alias over one of the export's own pages, a statement's page, another alias's page (in
/// another case, or as a folder of it) is an error at the alias; export refuses the archive.
#[test]
fn check_refuses_aliases_that_collide() {
    let archive = with_aliases(r#"["/news/x.html", "/2019/a/"]"#).file(
        "statements/2019/2019-06-19-y.md",
        statement(
            &format!(
                "{}\naliases:\n  - \"/\"\n  - \"/feed.xml\"\n  - \"/topics/policing/\"\n  - \"/statements/2019/\"\n  - \"/search/\"\n  - \"/style.css\"\n  - \"/statements/2019/x/\"\n  - \"/News/X.html\"\n  - \"/news/x.html/a/\"\n  - \"/2019/a\"\n  - \"/statements/2019/old-y/\"",
                front("Y", "2019-06-19")
            ),
            "Body.\n",
        ),
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    let checked = run.err();
    assert_snapshot!(run.err(), @r#"
    statements/2019/2019-06-19-y.md:7:6: error: alias "/" would be written at index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:8:6: error: alias "/feed.xml" would be written at feed.xml/index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:9:6: error: alias "/topics/policing/" would be written at topics/policing/index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:10:6: error: alias "/statements/2019/" would be written at statements/2019/index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:11:6: error: alias "/search/" would be written at search/index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:12:6: error: alias "/style.css" would be written at style.css/index.html, over a page the export writes itself
      help: remove the alias: the export's own page stays at that address
    statements/2019/2019-06-19-y.md:13:6: error: alias "/statements/2019/x/" would be written at statements/2019/x/index.html, over the page of statements/2019/2019-06-18-x.md
      help: remove the alias: that address is a statement's own page
    statements/2019/2019-06-19-y.md:14:6: error: alias "/News/X.html" would be written at News/X.html, over the page of alias "/news/x.html" of statements/2019/2019-06-18-x.md
      help: an old address leads to one statement: remove one of the aliases
    statements/2019/2019-06-19-y.md:15:6: error: alias "/news/x.html/a/" would be written at news/x.html/a/index.html, over the page of alias "/news/x.html" of statements/2019/2019-06-18-x.md
      help: an old address leads to one statement: remove one of the aliases
    statements/2019/2019-06-19-y.md:16:6: error: alias "/2019/a" would be written at 2019/a/index.html, over the page of alias "/2019/a/" of statements/2019/2019-06-18-x.md
      help: an old address leads to one statement: remove one of the aliases
    checked 2 statements: 10 errors, 0 warnings
    "#);
    let run = press(&archive, &["export"]);
    run.code(1);
    // The same diagnostics, then the refusal.
    assert_eq!(
        run.err(),
        checked.replace(
            "checked 2 statements: 10 errors, 0 warnings\n",
            "press: export refused: 10 errors in the archive; nothing written (fix them, or pass --keep-going to skip those files)\n"
        )
    );
    assert!(!archive.path().join("site").exists());
}

/// An alias removed from its statement takes its page with it at the next export, and
/// `_redirects` goes with the last one; an unchanged archive rewrites nothing.
#[test]
fn export_removes_the_page_of_an_alias_that_goes() {
    let archive = with_aliases(r#"["/news/x.html", "/old/x/"]"#);
    press(&archive, &["export"]).code(0);
    let again = press(&archive, &["export"]);
    again.code(0);
    assert!(
        again.err().contains(": 0 files written, "),
        "{}",
        again.err()
    );
    let file = "statements/2019/2019-06-18-x.md";
    let text = archive.read(file);
    archive.write(file, text.replace(", \"/old/x/\"", ""));
    press(&archive, &["export"]).code(0);
    assert!(!archive.path().join("site/old/x/index.html").exists());
    assert!(!archive.path().join("site/old").exists());
    assert_eq!(
        archive.read("site/news/x.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Chile: &lt;X&gt; &amp; Y</title>\n\
         <link rel=\"canonical\" href=\"../statements/2019/x/index.html\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url=../statements/2019/x/index.html\">\n</head>\n<body>\n\
         <p><a href=\"../statements/2019/x/index.html\">Chile: &lt;X&gt; &amp; Y</a></p>\n</body>\n</html>\n",
        "the other alias's page stays as it was"
    );
    assert_eq!(
        archive.read("site/_redirects"),
        "/news/x.html /statements/2019/x/ 301\n"
    );
    let text = archive.read(file);
    archive.write(file, text.replace("\naliases: [\"/news/x.html\"]", ""));
    press(&archive, &["export"]).code(0);
    for gone in ["site/news/x.html", "site/_redirects"] {
        assert!(!archive.path().join(gone).exists(), "{gone}");
    }
    let manifest = archive.read("site/.press-manifest");
    assert!(!manifest.contains("news/x.html") && !manifest.contains("_redirects"));
}

/// A draft's aliases get no page: the redirect would publish its address.
#[test]
fn export_writes_no_redirect_for_a_draft() {
    let archive = with_aliases("[\"/news/x.html\"]\ndraft: true");
    press(&archive, &["export"]).code(0);
    assert!(!archive.path().join("site/news/x.html").exists());
    assert!(!archive.path().join("site/_redirects").exists());
}

/// The redirect pages pass the W3C checker, as the other pages do.
#[test]
fn export_redirect_pages_pass_the_nu_validator() {
    if !crate::export::tool("java") {
        return;
    }
    let Some(vnu) = crate::export::browser_tool("node_modules/vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    let archive = with_aliases(ALL_SHAPES);
    press(&archive, &["export", "--base-url", "https://example.org/"]).code(0);
    let site = archive.path().join("site");
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu)
        .args(["--errors-only"])
        .arg(site.join("news/x.html"))
        .arg(site.join("old/x/index.html"))
        .arg(site.join("café/index.html"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the Nu checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
