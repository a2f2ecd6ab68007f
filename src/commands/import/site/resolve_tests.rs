//! What the links of a migrated site's posts become, with `press import --from jekyll|hugo` run
//! in process ([`crate::commands::in_process`]) on small sites built in a temporary folder: the
//! whole rewritten statement files, the files copied under `assets/` byte for byte (never over
//! the archive's own), and the run's whole report. What tests/cli/import.rs checks through the
//! binary about links and files, and every kind of URL a post holds, so that the mutants of
//! [`super::resolve`] and [`crate::import::site::links`] are judged by the library's tests alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::Result;

use super::resolve::site_path;
use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};
use crate::import::site::Site;

/// A site in a temporary folder holding `files` (path, bytes).
pub(super) fn site(files: &[(&str, &[u8])]) -> Result<tempfile::TempDir> {
    let root = tempfile::tempdir()?;
    for (path, bytes) in files {
        let full = root.path().join(path);
        if let Some(dir) = full.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(full, bytes)?;
    }
    Ok(root)
}

/// `press import --from GENERATOR SITE --speaker Org --topic news ARGS…` into the archive at
/// `root`, with the site's folder written `[SITE]` in its output.
pub(super) fn import(root: &Path, generator: &str, site: &Path, args: &[&str]) -> Ran {
    let folder = site.to_string_lossy().into_owned();
    let mut all = vec![
        "import",
        "--from",
        generator,
        &folder,
        "--speaker",
        "Org",
        "--topic",
        "news",
    ];
    all.extend_from_slice(args);
    let ran = press(root, &all);
    Ran {
        exit: ran.exit,
        out: ran.out.replace(&folder, "[SITE]"),
        err: ran.err.replace(&folder, "[SITE]"),
    }
}

pub(super) fn ran(exit: Exit, out: &str, err: &str) -> Ran {
    Ran {
        exit,
        out: out.to_owned(),
        err: err.to_owned(),
    }
}

/// Every file under `root` with its bytes (not press's cache, `.press/`), and every folder.
pub(super) fn contents(root: &Path) -> Result<BTreeMap<String, String>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, String>) -> Result<()> {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            let name = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            if name == ".press" {
                continue;
            }
            let meta = fs::symlink_metadata(&path)?;
            if meta.is_symlink() {
                found.insert(name, format!("-> {}", fs::read_link(&path)?.display()));
            } else if meta.is_dir() {
                found.insert(format!("{name}/"), String::new());
                walk(root, &path, found)?;
            } else {
                found.insert(name, fs::read(&path)?.escape_ascii().to_string());
            }
        }
        Ok(())
    }
    let mut found = BTreeMap::new();
    walk(root, root, &mut found)?;
    Ok(found)
}

/// The expected files as [`contents`] gives them: folders end with `/` (no bytes).
pub(super) fn tree(entries: &[(&str, &[u8])]) -> BTreeMap<String, String> {
    entries
        .iter()
        .map(|(name, bytes)| ((*name).to_owned(), bytes.escape_ascii().to_string()))
        .collect()
}

const CHART: &[u8] = b"\x89PNG\r\n\x1a\nchart";
const BIG: &[u8] = b"\x89PNG\r\n\x1a\nbig chart";
const REPORT: &[u8] = b"%PDF-1.4 report";

const JEKYLL_CONFIG: &[u8] = b"url: \"https://news.example.org\"\nbaseurl: \"/blog\"\npermalink: /news/:year/:month/:title/\n";

const FIRST: &[u8] =
    b"---\ntitle: First\ndate: 2020-01-10\nredirect_from: /old/first.html\n---\nThe first.\n";

const CAFE: &[u8] =
    "---\ntitle: Café\ndate: 2020-04-04\nredirect_from: /old/caf%C3%A9.html\n---\nCoffee.\n"
        .as_bytes();

const REFUSED: &[u8] = b"---\ntitle: [Refused\ndate: 2020-03-01\n---\nNever read.\n";

/// Every kind of link a post holds, one a line.
const SECOND: &str = "---
title: Second
date: 2020-02-20
---
a [base, slash](/blog/news/2020/01/first/)
b [no slash](/blog/news/2020/01/first)
c [index](/blog/news/2020/01/first/index.html)
d [query, fragment](/blog/news/2020/01/first/?utm=x#top)
e [absolute](https://news.example.org/blog/news/2020/01/first/)
f [www, upper host](http://WWW.News.Example.org/blog/news/2020/01/first/#end)
g [relative](../../01/first/)
h [old URL](/blog/old/first.html)
i [refused](/blog/news/2020/03/refused/#why)
j [foreign](https://other.example.com/blog/news/2020/01/first/)
k [look-alike host](https://news.example.org.evil.example/blog/about/)
l [mail](mailto:press@example.org) [js](javascript:alert(1)) [data](data:text/plain,hi) [tel](tel:+15550100)
m [fragment](#top) [query](?page=2) [protocol-relative](//cdn.example.com/x.js) [empty]()
n [about](/blog/about/) [about, absolute](https://news.example.org/blog/about/?a=1)
o [home](/blog) [host, outside the base path](https://news.example.org)
p ![chart](/blog/assets/img/chart.png) ![again](https://news.example.org/blog/assets/img/chart.png?v=2#x)
q ![encoded](/blog/assets/img/chart%20big.png) ![relative](../../../../assets/img/chart.png)
r ![gone](/blog/assets/img/gone.png) ![gone again](/blog/assets/img/gone.png)
s [report](/blog/files/report) [page](/blog/docs/page.html) [source](/blog/about.md)
t [PDF](/blog/downloads/report.pdf) [private](/blog/_private/x.pdf) [hidden](/blog/.secret.pdf)
u [post_url]({% post_url 2020-01-10-first %}) [missing post]({% post_url 2020-09-09-nope %}) <a href=\"{% post_url 2020-09-09-nope %}\">html</a>
v [template]({{ page.url }}) <a href=\"{{ page.url }}\">kept</a>
w <a href=\"/blog/news/2020/01/first/\">html</a> <img src='/blog/assets/img/chart.png' alt=''> <img src=/blog/files/report.pdf>
x `[code](/blog/about/)`
y [encoded post](/blog/news/2020/04/caf%C3%A9/) [encoded old URL](/blog/old/café.html)

```
[fenced](/blog/about/)
```

[def]: /blog/news/2020/01/first/
[asset]: </blog/assets/img/chart big.png>
[nope]: {% post_url 2020-09-09-nope %}
";

/// A Jekyll site with a base path: three posts (one refused), its files, and one that a symbolic
/// link leads out to.
fn jekyll(outside: &Path) -> Result<tempfile::TempDir> {
    let site = site(&[
        ("_config.yml", JEKYLL_CONFIG),
        ("_posts/2020-01-10-first.md", FIRST),
        ("_posts/2020-02-20-second.md", SECOND.as_bytes()),
        ("_posts/2020-03-01-refused.md", REFUSED),
        ("_posts/2020-04-04-café.md", CAFE),
        ("assets/img/chart.png", CHART),
        ("assets/img/chart big.png", BIG),
        ("files/report.pdf", REPORT),
        ("_private/x.pdf", REPORT),
        (".secret.pdf", REPORT),
        // Pages' sources: never copied as files.
        ("about.md", b"---\ntitle: About\n---\n"),
        ("docs/page.html", b"<p>page</p>"),
    ])?;
    fs::write(outside.join("report.pdf"), REPORT)?;
    fs::create_dir(site.path().join("downloads"))?;
    std::os::unix::fs::symlink(
        outside.join("report.pdf"),
        site.path().join("downloads/report.pdf"),
    )?;
    Ok(site)
}

/// What the Jekyll site's second post becomes.
const SECOND_MIGRATED: &str = "---
title: \"Second\"
date: 2020-02-20
speaker:
  name: \"Org\"
topics: [\"news\"]
aliases: [\"/news/2020/02/second/\"]
---
a [base, slash](../2020/2020-01-10-first.md)
b [no slash](../2020/2020-01-10-first.md)
c [index](../2020/2020-01-10-first.md)
d [query, fragment](../2020/2020-01-10-first.md?utm=x#top)
e [absolute](../2020/2020-01-10-first.md)
f [www, upper host](../2020/2020-01-10-first.md#end)
g [relative](../2020/2020-01-10-first.md)
h [old URL](../2020/2020-01-10-first.md)
i [refused](https://news.example.org/blog/news/2020/03/refused/#why)
j [foreign](https://other.example.com/blog/news/2020/01/first/)
k [look-alike host](https://news.example.org.evil.example/blog/about/)
l [mail](mailto:press@example.org) [js](javascript:alert(1)) [data](data:text/plain,hi) [tel](tel:+15550100)
m [fragment](#top) [query](?page=2) [protocol-relative](//cdn.example.com/x.js) [empty]()
n [about](https://news.example.org/blog/about/) [about, absolute](https://news.example.org/blog/about/?a=1)
o [home](https://news.example.org/blog/) [host, outside the base path](https://news.example.org)
p ![chart](/assets/img/chart.png) ![again](/assets/img/chart.png?v=2#x)
q ![encoded](</assets/img/chart big.png>) ![relative](/assets/img/chart.png)
r ![gone](https://news.example.org/blog/assets/img/gone.png) ![gone again](https://news.example.org/blog/assets/img/gone.png)
s [report](https://news.example.org/blog/files/report) [page](https://news.example.org/blog/docs/page.html) [source](https://news.example.org/blog/about.md)
t [PDF](https://news.example.org/blog/downloads/report.pdf) [private](https://news.example.org/blog/_private/x.pdf) [hidden](https://news.example.org/blog/.secret.pdf)
u [post_url](../2020/2020-01-10-first.md) [missing post]\\(2020-09-09-nope) <a href=\"2020-09-09-nope\">html</a>
v [template]\\({{ page.url }}) <a href=\"{{ page.url }}\">kept</a>
w <a href=\"../2020/2020-01-10-first.md\">html</a> <img src='/assets/img/chart.png' alt=''> <img src=\"/assets/files/report.pdf\">
x `[code](/blog/about/)`
y [encoded post](../2020/2020-04-04-cafe.md) [encoded old URL](../2020/2020-04-04-cafe.md)

```
[fenced](/blog/about/)
```

[def]: ../2020/2020-01-10-first.md
[asset]: </assets/img/chart big.png>
\\[nope]: 2020-09-09-nope
";

/// What the run reports of the Jekyll site.
const JEKYLL_REPORT: &str = "\
[SITE]/_posts/2020-03-01-refused.md: refused: invalid YAML front matter (line 3): did not find expected ',' or ']', while parsing a flow sequence
/assets/img/gone.png: not in the site's tree: linked on the old site as https://news.example.org/blog/assets/img/gone.png
/files/report: not in the site's tree: linked on the old site as https://news.example.org/blog/files/report
/about.md: not in the site's tree: linked on the old site as https://news.example.org/blog/about.md
/downloads/report.pdf: not in the site's tree: linked on the old site as https://news.example.org/blog/downloads/report.pdf
/_private/x.pdf: not in the site's tree: linked on the old site as https://news.example.org/blog/_private/x.pdf
/.secret.pdf: not in the site's tree: linked on the old site as https://news.example.org/blog/.secret.pdf
refused: invalid YAML front matter (line 3) (1 post)
Liquid tags and shortcodes translated: post_url (4 times)
left as text: page.url (2 times)
links rewritten: to migrated posts (13 links), to files copied into assets/ (7 links), to files the tree lacks (on the old site) (7 links), to other pages of the old site (5 links), to posts the site does not hold (unlinked) (3 links), holding a template tag (unlinked) (1 link)
files copied into assets/: 3 (0 already there)
imported 3, skipped 0 duplicates, refused 1, could not read 0
";

const FIRST_MIGRATED: &str = "---
title: \"First\"
date: 2020-01-10
speaker:
  name: \"Org\"
topics: [\"news\"]
aliases: [\"/news/2020/01/first/\", \"/old/first.html\"]
---
The first.
";

/// A post linked by its percent-encoded permalink and by an old URL recorded encoded.
const CAFE_MIGRATED: &str = "---
title: \"Café\"
date: 2020-04-04
speaker:
  name: \"Org\"
topics: [\"news\"]
aliases: [\"/news/2020/04/café/\", \"/old/caf%C3%A9.html\"]
---
Coffee.
";

#[test]
fn every_kind_of_link_of_a_jekyll_post() -> Result<()> {
    let outside = tempfile::tempdir()?;
    let site = jekyll(outside.path())?;
    let before = contents(site.path())?;
    let root = archive(&[])?;
    assert_eq!(
        import(root.path(), "jekyll", site.path(), &[]),
        ran(
            Exit::Problems,
            "statements/2020/2020-01-10-first.md\nstatements/2020/2020-02-20-second.md\nstatements/2020/2020-04-04-cafe.md\n",
            JEKYLL_REPORT
        )
    );
    assert_eq!(
        contents(root.path())?,
        tree(&[
            ("assets/", b""),
            ("assets/files/", b""),
            ("assets/files/report.pdf", REPORT),
            ("assets/img/", b""),
            ("assets/img/chart big.png", BIG),
            ("assets/img/chart.png", CHART),
            ("statements/", b""),
            ("statements/2020/", b""),
            (
                "statements/2020/2020-01-10-first.md",
                FIRST_MIGRATED.as_bytes()
            ),
            (
                "statements/2020/2020-02-20-second.md",
                SECOND_MIGRATED.as_bytes()
            ),
            (
                "statements/2020/2020-04-04-cafe.md",
                CAFE_MIGRATED.as_bytes()
            ),
        ])
    );
    // The site is only read; nothing is copied from where its symbolic link leads.
    assert_eq!(contents(site.path())?, before);
    assert_eq!(contents(outside.path())?, tree(&[("report.pdf", REPORT)]));
    // Again: every post is skipped as already there, so no link is rewritten, no file copied.
    let files = contents(root.path())?;
    let again = import(root.path(), "jekyll", site.path(), &[]);
    assert_eq!((again.exit, again.out.as_str()), (Exit::Problems, ""));
    assert_eq!(
        again
            .err
            .lines()
            .filter(|line| line.contains("skipped")
                || line.starts_with("links")
                || line.starts_with("files"))
            .collect::<Vec<_>>(),
        [
            "[SITE]/_posts/2020-01-10-first.md: skipped: already in the archive as statements/2020/2020-01-10-first.md",
            "[SITE]/_posts/2020-02-20-second.md: skipped: already in the archive as statements/2020/2020-02-20-second.md",
            "[SITE]/_posts/2020-04-04-café.md: skipped: already in the archive as statements/2020/2020-04-04-cafe.md",
            "imported 0, skipped 3 duplicates, refused 1, could not read 0",
        ]
    );
    assert_eq!(contents(root.path())?, files);
    Ok(())
}

#[test]
fn a_dry_run_writes_nothing_and_tells_what_it_would_copy() -> Result<()> {
    let outside = tempfile::tempdir()?;
    let site = jekyll(outside.path())?;
    let root = archive(&[])?;
    // The refusal as each post is placed, then what each would write, then the notes and counts.
    let (refusal, rest) = JEKYLL_REPORT.split_at(JEKYLL_REPORT.find('\n').unwrap_or(0) + 1);
    let want = format!(
        "{refusal}\
         [SITE]/_posts/2020-01-10-first.md: would write statements/2020/2020-01-10-first.md\n\
         [SITE]/_posts/2020-02-20-second.md: would write statements/2020/2020-02-20-second.md\n\
         [SITE]/_posts/2020-04-04-café.md: would write statements/2020/2020-04-04-cafe.md\n\
         {}",
        rest.replace("imported 3,", "would import 3,")
    );
    assert_eq!(
        import(root.path(), "jekyll", site.path(), &["--dry-run"]),
        ran(
            Exit::Problems,
            &format!("{FIRST_MIGRATED}{SECOND_MIGRATED}{CAFE_MIGRATED}"),
            &want
        )
    );
    assert_eq!(contents(root.path())?, tree(&[("statements/", b"")]));
    Ok(())
}

#[test]
fn copies_never_overwrite_and_never_leave_the_archive() -> Result<()> {
    let outside = tempfile::tempdir()?;
    fs::write(outside.path().join("link.png"), CHART)?;
    let site = site(&[
        ("_config.yml", b"url: https://c.example.org\npermalink: /:title/\n"),
        (
            "_posts/2021-05-05-files.md",
            b"---\ntitle: Files\nbackground: \"Earlier: [differs](/assets/differs.png).\"\n---\n![same](/assets/same.png)\n![differs](/assets/differs.png)\n\
              ![dir](/files/dir.pdf)\n[noext](/files/noext)\n[dotfile](/files/.htaccess)\n\
              [dotted folder](/files/v1.0/readme)\n[link](/assets/link.png)\n[out](/img/sub/out.png)\n\
              [twice](/assets/differs.png) [same again](/assets/same.png)\n",
        ),
        ("assets/same.png", CHART),
        ("assets/differs.png", BIG),
        ("assets/link.png", CHART),
        ("files/dir.pdf", REPORT),
        ("files/noext", b"noext"),
        ("files/.htaccess", b"deny"),
        ("files/v1.0/readme", b"readme"),
        ("img/sub/out.png", CHART),
    ])?;
    // The same bytes, different ones (twice), a folder, a symbolic link to the same bytes, and
    // a folder that leads out of the archive.
    let root = archive(&[
        ("assets/differs.png", "mine"),
        ("assets/differs-2.png", "mine too"),
        ("assets/files/dir.pdf/keep", "keep"),
        ("assets/files/noext", "mine"),
        ("assets/files/.htaccess", "mine"),
        ("assets/files/v1.0/readme", "mine"),
    ])?;
    fs::write(root.path().join("assets/same.png"), CHART)?;
    std::os::unix::fs::symlink(
        outside.path().join("link.png"),
        root.path().join("assets/link.png"),
    )?;
    std::os::unix::fs::symlink(outside.path(), root.path().join("assets/img"))?;
    let before = contents(root.path())?;
    assert_eq!(
        import(root.path(), "jekyll", site.path(), &[]),
        ran(
            Exit::Success,
            "statements/2021/2021-05-05-files.md\n",
            "/img/sub/out.png: not in the site's tree: linked on the old site as https://c.example.org/img/sub/out.png\n\
             links rewritten: to files copied into assets/ (10 links), to files the tree lacks (on the old site) (1 link)\n\
             files copied into assets/: 6 (1 already there)\n\
             imported 1, skipped 0 duplicates, refused 0, could not read 0\n"
        )
    );
    let mut want = before;
    want.extend(tree(&[
        ("assets/differs-3.png", BIG),
        ("assets/files/.htaccess-2", b"deny"),
        ("assets/files/dir-2.pdf", REPORT),
        ("assets/files/noext-2", b"noext"),
        ("assets/files/v1.0/readme-2", b"readme"),
        ("assets/link-2.png", CHART),
        ("statements/2021/", b""),
        (
            "statements/2021/2021-05-05-files.md",
            b"---\ntitle: \"Files\"\ndate: 2021-05-05\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\n\
              background: \"Earlier: [differs](/assets/differs-3.png).\"\naliases: [\"/files/\"]\n---\n\
              ![same](/assets/same.png)\n![differs](/assets/differs-3.png)\n![dir](/assets/files/dir-2.pdf)\n\
              [noext](/assets/files/noext-2)\n[dotfile](/assets/files/.htaccess-2)\n[dotted folder](/assets/files/v1.0/readme-2)\n\
              [link](/assets/link-2.png)\n[out](https://c.example.org/img/sub/out.png)\n\
              [twice](/assets/differs-3.png) [same again](/assets/same.png)\n",
        ),
    ]));
    assert_eq!(contents(root.path())?, want);
    // Nothing written through the link that leads out, not even a folder.
    assert_eq!(contents(outside.path())?, tree(&[("link.png", CHART)]));
    Ok(())
}

/// A Hugo site with a page bundle (its Spanish translation beside it), a post linking both by
/// `ref` and `relref`, a file under `static/`, one missing.
const HUGO: &[(&str, &[u8])] = &[
    (
        "hugo.toml",
        b"baseURL = \"https://hugo.example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.es]\ncontentDir = \"content/es\"\n[permalinks]\npost = \"/:year/:month/:day/:slug/\"\n",
    ),
    (
        "content/en/post/launch/index.md",
        b"---\ntitle: Launch\ndate: 2020-01-15\nslug: launch\n---\n![Chart](chart.png) ![again](/2020/01/15/launch/chart.png) [notes](./notes.pdf) [up](../)\n",
    ),
    (
        "content/en/post/launch/index.es.md",
        "---\ntitle: Lanzamiento\ndate: 2020-01-15\n---\n![Gráfico](chart.png) [English](/2020/01/15/launch/)\n".as_bytes(),
    ),
    ("content/en/post/launch/chart.png", CHART),
    ("content/en/post/launch/notes.pdf", REPORT),
    (
        "content/en/post/second.md",
        b"---\ntitle: Second\ndate: 2020-02-02\n---\n[launch]({{< ref \"launch\" >}}) [Spanish]({{< relref \"launch/index.es.md\" >}}) ![Logo](/images/logo.png) [gone](/images/missing.pdf)\n",
    ),
    ("static/images/logo.png", BIG),
];

#[test]
fn a_hugo_bundle_s_files_go_under_its_slug_even_through_a_linked_folder() -> Result<()> {
    let site = site(HUGO)?;
    let linked = tempfile::tempdir()?;
    std::os::unix::fs::symlink(site.path(), linked.path().join("site"))?;
    let root = archive(&[])?;
    assert_eq!(
        import(root.path(), "hugo", &linked.path().join("site"), &[]),
        ran(
            Exit::Success,
            "statements/2020/2020-01-15-launch-es.md\nstatements/2020/2020-01-15-launch.md\nstatements/2020/2020-02-02-second.md\n",
            "/images/missing.pdf: not in the site's tree: linked on the old site as https://hugo.example.org/images/missing.pdf\n\
             Liquid tags and shortcodes translated: ref (1 time), relref (1 time)\n\
             links rewritten: to files copied into assets/ (5 links), to migrated posts (3 links), to other pages of the old site (1 link), to files the tree lacks (on the old site) (1 link)\n\
             files copied into assets/: 3 (0 already there)\n\
             imported 3, skipped 0 duplicates, refused 0, could not read 0\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        tree(&[
            ("assets/", b""),
            ("assets/2020/", b""),
            ("assets/2020/launch/", b""),
            ("assets/2020/launch/chart.png", CHART),
            ("assets/2020/launch/notes.pdf", REPORT),
            ("assets/images/", b""),
            ("assets/images/logo.png", BIG),
            ("statements/", b""),
            ("statements/2020/", b""),
            (
                "statements/2020/2020-01-15-launch-es.md",
                "---\ntitle: \"Lanzamiento\"\ndate: 2020-01-15\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\nlang: \"es\"\ntranslation_of: \"launch\"\nslug: \"launch-es\"\naliases: [\"/es/2020/01/15/lanzamiento/\"]\n---\n\
                 ![Gráfico](/assets/2020/launch/chart.png) [English](../2020/2020-01-15-launch.md)\n"
                    .as_bytes(),
            ),
            (
                "statements/2020/2020-01-15-launch.md",
                b"---\ntitle: \"Launch\"\ndate: 2020-01-15\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\nlang: \"en\"\nslug: \"launch\"\naliases: [\"/2020/01/15/launch/\"]\n---\n\
                  ![Chart](/assets/2020/launch/chart.png) ![again](/assets/2020/launch/chart.png) [notes](/assets/2020/launch/notes.pdf) [up](https://hugo.example.org/2020/01/15/)\n",
            ),
            (
                "statements/2020/2020-02-02-second.md",
                b"---\ntitle: \"Second\"\ndate: 2020-02-02\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\naliases: [\"/2020/02/02/second/\"]\n---\n\
                  [launch](../2020/2020-01-15-launch.md) [Spanish](../2020/2020-01-15-launch-es.md) ![Logo](/assets/images/logo.png) [gone](https://hugo.example.org/images/missing.pdf)\n",
            ),
        ])
    );
    Ok(())
}

#[test]
fn site_paths_are_what_a_browser_on_the_old_page_would_ask_for() {
    let mut site = Site::default();
    site.set_url("https://news.example.org/blog/");
    let path = |url| site_path(&site, url, "/news/2020/02/second/");
    let some = |path: &str| Some(path.to_owned());
    assert_eq!(path(" /blog/a/ "), some("/a/"));
    assert_eq!(path("/blog"), some("/"));
    assert_eq!(path("/blog?page=2#top"), some("/?page=2#top"));
    assert_eq!(path("/blogger/x"), some("/blogger/x"));
    assert_eq!(path("/blog/x/../y/./z/"), some("/y/z/"));
    assert_eq!(path("https://news.example.org/blog/../../a"), some("/a"));
    assert_eq!(
        path("docs/a:b.pdf"),
        some("/news/2020/02/second/docs/a:b.pdf")
    );
    assert_eq!(path("./"), some("/news/2020/02/second/"));
    assert_eq!(path("../../../../../x.png?v=1#a/b"), some("/x.png?v=1#a/b"));
    assert_eq!(path(".."), some("/news/2020/02"));
    assert_eq!(path("HTTPS://WWW.NEWS.example.org/blog/a"), some("/a"));
    assert_eq!(path("https://news.example.org/blog?x=1"), some("/?x=1"));
    assert_eq!(path("https://news.example.org/blog#top"), some("/#top"));
    assert_eq!(path("https://news.example.org/blog/"), some("/"));
    for kept in [
        "https://news.example.org/",
        "https://news.example.org?x=1",
        "https://news.example.org/blogger/",
        "https://news.example.org:8443/blog/a",
        "ftp://news.example.org/blog/a",
        "//news.example.org/blog/a",
        "mailto:a@news.example.org",
        "c++:x",
        "#top",
        "?page=2",
        "",
    ] {
        assert_eq!(path(kept), None, "{kept}");
    }
    // Without a base path, every path is the site's; without an address, no absolute URL is.
    let mut site = Site::default();
    assert_eq!(site_path(&site, "https://news.example.org/a", "/p/"), None);
    assert_eq!(site_path(&site, "/a", "/p/"), some("/a"));
    assert_eq!(site_path(&site, "a", "p"), some("/a"));
    site.set_url("https://news.example.org");
    assert_eq!(
        site_path(&site, "https://news.example.org", "/p/"),
        some("/")
    );
    assert_eq!(
        site_path(&site, "https://news.example.org?x=1", "/p/"),
        some("/?x=1")
    );
    assert_eq!(site_path(&site, "/blog/a", "/p/"), some("/blog/a"));
}

const RELEASE: &[(&str, &[u8])] = &[
    ("_config.yml", b"title: No address\n"),
    (
        "_posts/2020-05-01-release.md",
        b"---\ntitle: Release\n---\nSee [about](/about/), ![gone](/img/gone.png) and [home](https://news.example.org/x).\n",
    ),
];

#[test]
fn without_an_address_links_to_the_old_site_are_counted_and_kept() -> Result<()> {
    let site = site(RELEASE)?;
    let root = archive(&[])?;
    assert_eq!(
        import(root.path(), "jekyll", site.path(), &[]),
        ran(
            Exit::Success,
            "statements/2020/2020-05-01-release.md\n",
            "warning: 2 links lead to the old site, whose address is unknown: they are kept as written (give it with --site-url URL)\n\
             imported 1, skipped 0 duplicates, refused 0, could not read 0\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        tree(&[
            ("statements/", b""),
            ("statements/2020/", b""),
            (
                "statements/2020/2020-05-01-release.md",
                b"---\ntitle: \"Release\"\ndate: 2020-05-01\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\naliases: [\"/2020/05/01/release.html\"]\n---\n\
                  See [about](/about/), ![gone](/img/gone.png) and [home](https://news.example.org/x).\n",
            ),
        ])
    );
    Ok(())
}

#[test]
fn from_the_posts_folder_the_site_root_is_found_and_site_url_gives_its_address() -> Result<()> {
    let site = site(RELEASE)?;
    let root = archive(&[])?;
    assert_eq!(
        import(
            root.path(),
            "jekyll",
            &site.path().join("_posts"),
            &["--site-url", "https://News.Example.org/"]
        ),
        ran(
            Exit::Success,
            "statements/2020/2020-05-01-release.md\n",
            "/img/gone.png: not in the site's tree: linked on the old site as https://News.Example.org/img/gone.png\n\
             links rewritten: to other pages of the old site (2 links), to files the tree lacks (on the old site) (1 link)\n\
             imported 1, skipped 0 duplicates, refused 0, could not read 0\n"
        )
    );
    assert_eq!(
        fs::read_to_string(root.path().join("statements/2020/2020-05-01-release.md"))?,
        "---\ntitle: \"Release\"\ndate: 2020-05-01\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\naliases: [\"/2020/05/01/release.html\"]\n---\n\
         See [about](https://News.Example.org/about/), ![gone](https://News.Example.org/img/gone.png) and [home](https://News.Example.org/x).\n"
    );
    Ok(())
}
