//! `press import --from jekyll|hugo`: whole sites migrated from their root, with links, files,
//! markup, authors, dates, languages and the run's summary.

use std::fs;

use assert_cmd::prelude::*;
use predicates::prelude::*;

use crate::support::{Archive, fixtures};

fn migrate(archive: &Archive, generator: &str, site: &str) -> assert_cmd::assert::Assert {
    archive
        .press()
        .args(["import", "--from", generator])
        .arg(fixtures().join("sites").join(site))
        .args(["--speaker", "Newsroom", "--topic", "news"])
        .assert()
}

/// The run's standard error with the site's folder as `[SITE]`.
fn site_err(assert: &assert_cmd::assert::Assert, site: &str) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).replace(
        &fixtures().join("sites").join(site).display().to_string(),
        "[SITE]",
    )
}

#[test]
fn jekyll_site_links_files_markup_and_summary() {
    let archive = Archive::empty();
    let first = migrate(&archive, "jekyll", "jekyll-site")
        .code(1)
        .stdout("statements/2019/2019-06-18-launch.md\nstatements/2019/2019-09-09-untitled-note.md\nstatements/2019/2019-07-01-second-post.md\n");
    assert_eq!(
        site_err(&first, "jekyll-site"),
        "[SITE]/_posts/2019-08-01-refused.md: refused: invalid YAML front matter (line 3): did not find expected ',' or ']', while parsing a flow sequence\n\
         [SITE]/_posts/2019-09-09-untitled-note.md: warning: no title: the file name's words are taken, as Jekyll does\n\
         [SITE]/_posts/2019_07_01_second_post.markdown: `title` is written twice: the later value is taken, the earlier kept as extra.duplicate_title\n\
         [SITE]/_posts/2019_07_01_second_post.markdown:9: control character U+000B removed\n\
         /assets/img/gone.png: not in the site's tree: linked on the old site as https://news.example.org/assets/img/gone.png\n\
         not posts, skipped: a file without front matter (1 file)\n\
         refused: invalid YAML front matter (line 3) (1 post)\n\
         kept under extra: `mood` (1 file)\n\
         values that do not fit the format, kept under extra: `published` (not true or false) (1 post), `source` (not an http or https URL) (1 post)\n\
         keys written twice: `title` (1 post)\n\
         Liquid tags and shortcodes translated: site.baseurl (2 times), highlight (1 time), site.url (1 time), post_url (1 time)\n\
         left as text: include (1 time)\n\
         links rewritten: to migrated posts (4 links), to other pages of the old site (2 links), to files copied into assets/ (2 links), to files the tree lacks (on the old site) (1 link)\n\
         (drop unknown keys with --drop-unknown, or send one elsewhere with --map KEY=FIELD)\n\
         files copied into assets/: 1 (0 already there)\n\
         imported 3, skipped 0 duplicates, refused 1, could not read 0\n"
    );
    // No `title` and `date`: the file name's words, and `published` read as the date.
    let note = archive.read("statements/2019/2019-09-09-untitled-note.md");
    assert!(
        note.starts_with("---\ntitle: \"Untitled note\"\ndate: 2019-09-09T08:00:00+02:00\n"),
        "{note}"
    );
    assert!(note.contains("aliases: [\"/news/2019/09/untitled-note/\"]\nextra:\n  published: \"2019-09-09 08:00:00 +0200\"\n  mood: \"Kenya: hopeful\"\n"), "{note}");
    let launch = archive.read("statements/2019/2019-06-18-launch.md");
    // Handle → name and role from `_authors/`; `excerpt` → summary.
    assert!(
        launch.contains("speaker:\n  name: \"Jane Doe\"\n  role: \"Press Officer\"\n"),
        "{launch}"
    );
    assert!(
        launch.contains("summary: \"The report is out.\"\n"),
        "{launch}"
    );
    // The permalink from `permalink: /news/:year/:month/:title/`, then `redirect_from`.
    assert!(
        launch.contains("aliases: [\"/news/2019/06/launch/\", \"/old/launch/\"]\n"),
        "{launch}"
    );
    assert!(launch.contains(
        "See [the second post](../2019/2019-07-01-second-post.md), the same by its\n[old address](../2019/2019-07-01-second-post.md) and [on the site](../2019/2019-07-01-second-post.md#more).\nThe [refused one](https://news.example.org/news/2019/08/refused/) and [about us](https://news.example.org/about/).\n\n![Chart](/assets/img/chart.png)\n![Gone](https://news.example.org/assets/img/gone.png)\n\n<img src=\"/assets/img/chart.png\" alt=\"Chart again\">\n\n```ruby\nputs \"hello\"\n```\n\n{% include signup.html %}"
    ), "{launch}");
    assert_eq!(
        fs::read(archive.path().join("assets/img/chart.png")).unwrap(),
        fs::read(fixtures().join("sites/jekyll-site/assets/img/chart.png")).unwrap()
    );
    // "July 1, 2019"; `YYYY_MM_DD_` file name; "zzak and hone"; a duplicate and a misfit kept.
    let second = archive.read("statements/2019/2019-07-01-second-post.md");
    assert!(second.starts_with("---\ntitle: \"Europe: Second post\"\ndate: 2019-07-01\nspeaker:\n  - name: \"Zachary Scott\"\n    role: \"Engineer\"\n  - name: \"hone\"\n"), "{second}");
    assert!(
        second.contains("extra:\n  duplicate_title: \"Second post\"\n  source: \"press team\"\n"),
        "{second}"
    );
    assert!(
        second.contains(
            "First line\nsecond line.\n\nBack to [the launch](../2019/2019-06-18-launch.md)."
        ),
        "{second}"
    );
    archive.press().arg("check").assert().success();
    // Again: nothing new.
    let files = archive.files();
    let again = migrate(&archive, "jekyll", "jekyll-site")
        .code(1)
        .stdout("");
    let err = site_err(&again, "jekyll-site");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "[SITE]/_posts/2019-06-18-launch.md: skipped: already in the archive as statements/2019/2019-06-18-launch.md",
            "[SITE]/_posts/2019-08-01-refused.md: refused: invalid YAML front matter (line 3): did not find expected ',' or ']', while parsing a flow sequence",
            "[SITE]/_posts/2019-09-09-untitled-note.md: skipped: already in the archive as statements/2019/2019-09-09-untitled-note.md",
            "[SITE]/_posts/2019_07_01_second_post.markdown: skipped: already in the archive as statements/2019/2019-07-01-second-post.md",
        ],
        "{err}"
    );
    assert!(!err.contains("files copied"), "{err}");
    assert_eq!(
        lines.last(),
        Some(&"imported 0, skipped 3 duplicates, refused 1, could not read 0"),
        "{err}"
    );
    assert_eq!(archive.files(), files);
}

#[test]
fn a_different_file_at_the_assets_path_is_kept_and_the_copy_gets_a_suffix() {
    let archive = Archive::empty().file("assets/img/chart.png", "the user's own chart");
    migrate(&archive, "jekyll", "jekyll-site").code(1);
    assert_eq!(archive.read("assets/img/chart.png"), "the user's own chart");
    let launch = archive.read("statements/2019/2019-06-18-launch.md");
    assert!(
        launch.contains("![Chart](/assets/img/chart-2.png)"),
        "{launch}"
    );
    assert!(archive.path().join("assets/img/chart-2.png").is_file());
}

#[test]
fn from_the_posts_folder_the_site_root_is_found_and_site_url_overrides_it() {
    let archive = Archive::empty();
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(fixtures().join("sites/jekyll-site/_posts"))
        .args(["--speaker", "Newsroom", "--topic", "news"])
        .args(["--site-url", "https://old.example.net/"])
        .assert()
        .code(1);
    let launch = archive.read("statements/2019/2019-06-18-launch.md");
    assert!(
        launch.contains("[about us](https://old.example.net/about/)"),
        "{launch}"
    );
    assert!(
        launch.contains("![Chart](/assets/img/chart.png)"),
        "{launch}"
    );
}

#[test]
fn without_an_address_links_to_the_old_site_are_counted_and_kept() {
    let site = tempfile::tempdir().unwrap();
    fs::create_dir(site.path().join("_posts")).unwrap();
    fs::write(
        site.path().join("_posts/2020-05-01-release.md"),
        "---\ntitle: Release\n---\nSee [about](/about/).\n",
    )
    .unwrap();
    let archive = Archive::empty();
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(site.path())
        .args(["--speaker", "Org", "--topic", "news"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: 1 links lead to the old site, whose address is unknown: they are kept as written (give it with --site-url URL)",
        ));
    let release = archive.read("statements/2020/2020-05-01-release.md");
    assert!(release.contains("See [about](/about/)."), "{release}");
}

#[test]
fn hugo_site_bundles_languages_shortcodes_and_skips() {
    let archive = Archive::empty();
    migrate(&archive, "hugo", "hugo-site")
        .success()
        .stderr(predicate::str::contains(
            "not posts, skipped: a section page (_index.md) (1 file), a page bundle's resource (1 file), a headless bundle (1 file)\n",
        ))
        .stderr(predicate::str::contains(
            "Liquid tags and shortcodes translated: ref (1 time), figure (1 time), youtube (1 time), highlight (1 time)\n",
        ))
        .stderr(predicate::str::contains("left as text: tweet (1 time)\n"))
        .stderr(predicate::str::contains(
            "/images/missing.pdf: not in the site's tree: linked on the old site as https://hugo.example.org/images/missing.pdf",
        ));
    assert_eq!(
        archive.files(),
        [
            "assets/2020/launch/chart.png",
            "assets/images/logo.png",
            "statements/2020/2020-01-15-launch-es.md",
            "statements/2020/2020-01-15-launch.md",
            "statements/2020/2020-02-02-second-es.md",
            "statements/2020/2020-02-02-second.md",
        ]
    );
    let launch = archive.read("statements/2020/2020-01-15-launch.md");
    assert!(
        launch.contains("speaker:\n  name: \"Jane Doe\"\n  role: \"Director\"\n"),
        "{launch}"
    );
    assert!(
        launch
            .contains("![Chart](/assets/2020/launch/chart.png)\n\n```go\nfmt.Println(\"hi\")\n```"),
        "{launch}"
    );
    // The permalink rule with `uglyURLs`, then `aliases`.
    assert!(
        launch.contains("aliases: [\"/2020/01/15/launch.html\", \"/old/launch.html\"]\n"),
        "{launch}"
    );
    let spanish = archive.read("statements/2020/2020-01-15-launch-es.md");
    assert!(
        spanish.contains("lang: \"es\"\ntranslation_of: \"launch\"\n"),
        "{spanish}"
    );
    assert!(
        spanish.contains("aliases: [\"/es/2020/01/15/global-lanzamiento.html\"]\n"),
        "{spanish}"
    );
    assert!(
        spanish.contains("![Gráfico](/assets/2020/launch/chart.png)"),
        "{spanish}"
    );
    let second = archive.read("statements/2020/2020-02-02-second.md");
    // "12:00 EDT"; "Name, Role"; ref, figure, youtube; a missing file on the old site.
    assert!(
        second.contains("date: 2020-02-02T12:00:00-04:00\n"),
        "{second}"
    );
    assert!(
        second.contains("  name: \"Ann Lee\"\n  role: \"Campaigner\"\n"),
        "{second}"
    );
    assert!(second.contains(
        "Back to [the launch](../2020/2020-01-15-launch.md) and [its old page](../2020/2020-01-15-launch.md).\n\n![Logo](/assets/images/logo.png)\n*Our logo*\n\n[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n{{< tweet user=\"x\" id=\"1\" >}}\n\n<a href=\"https://hugo.example.org/images/missing.pdf\">The report</a>"
    ), "{second}");
    // The same path under the Spanish content folder is its translation.
    let segundo = archive.read("statements/2020/2020-02-02-second-es.md");
    assert!(
        segundo.contains("lang: \"es\"\ntranslation_of: \"second\"\n"),
        "{segundo}"
    );
    archive.press().arg("check").assert().success();
}

#[test]
fn an_old_address_equal_to_the_archive_base_url_is_warned_about() {
    let archive = Archive::empty().file("press.toml", "base_url = \"https://news.example.org/\"\n");
    migrate(&archive, "jekyll", "jekyll-site")
        .code(1)
        .stderr(predicate::str::contains(
            "warning: the old site's address https://news.example.org is the archive's own base_url",
        ));
}
