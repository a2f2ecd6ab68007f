//! `press import --from jekyll`: links between posts written the ways a site's authors write
//! them (relative to the post's page, through `www.`), each rewritten to the migrated
//! statement.

use std::fs;

use crate::support::{self, Archive};

/// A Jekyll site of two posts at `/news/:title/`, on `https://example.org`; the first links to
/// the second relatively (`../second/`) and through the `www.` host.
fn site() -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(site.path().join("_posts")).expect("_posts/");
    fs::write(
        site.path().join("_config.yml"),
        "url: \"https://example.org\"\npermalink: /news/:title/\n",
    )
    .expect("_config.yml");
    fs::write(
        site.path().join("_posts/2019-06-18-first.md"),
        "---\ntitle: \"Global: First\"\n---\nSee [the second](../second/) and [its address](https://www.example.org/news/second/#more).\n",
    )
    .expect("the first post");
    fs::write(
        site.path().join("_posts/2019-06-20-second.md"),
        "---\ntitle: \"Global: Second\"\n---\nThe second.\n",
    )
    .expect("the second post");
    site
}

#[test]
fn relative_and_www_links_to_a_post_become_links_to_its_statement() {
    let site = site();
    let archive = Archive::empty();
    let mut command = archive.press();
    command
        .args(["import", "--from", "jekyll"])
        .arg(site.path())
        .args(["--speaker", "Newsroom", "--topic", "news"]);
    let run = support::run(command);
    run.code(0);
    assert_eq!(
        run.err()
            .replace(&site.path().display().to_string(), "[SITE]"),
        "links rewritten: to migrated posts (2 links)\nimported 2, skipped 0 duplicates, refused 0, could not read 0\n"
    );
    assert_eq!(
        archive.read("statements/2019/2019-06-18-first.md"),
        "---\ntitle: \"Global: First\"\ndate: 2019-06-18\nspeaker:\n  name: \"Newsroom\"\ntopics: [\"news\"]\nlocation: \"Global\"\naliases: [\"/news/first/\"]\n---\nSee [the second](../2019/2019-06-20-second.md) and [its address](../2019/2019-06-20-second.md#more).\n"
    );
}
