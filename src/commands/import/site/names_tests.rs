//! The names a migrated post goes by (its translation key, the names links use) when its file
//! name holds dots of its own ("release-1.2.md"), run in process like
//! [`super::resolve_tests`]; the summary's count of linked files the archive already holds;
//! and the site's data tables, entry by entry: the sections that hold a Hugo site's news, the
//! folders a walk never enters, and the folders a site keeps its files in.

use anyhow::Result;

use super::resolve_tests::{contents, import, ran, site, tree};
use crate::Exit;
use crate::commands::in_process::archive;

#[test]
fn a_dot_in_a_post_s_name_is_part_of_its_name_not_a_language_or_an_extension() -> Result<()> {
    let site = site(&[
        (
            "hugo.toml",
            b"baseURL = \"https://hugo.example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\n[languages.es]\n",
        ),
        (
            "content/post/release-1.2.md",
            b"---\ntitle: Release 1.2\ndate: 2020-03-01\n---\n[next]({{< ref \"release-1.3\" >}})\n",
        ),
        (
            "content/post/release-1.3.es.md",
            "---\ntitle: Versión 1.3\ndate: 2020-04-01\n---\nYa está.\n".as_bytes(),
        ),
        (
            "content/post/release-1.3.md",
            b"---\ntitle: Release 1.3\ndate: 2020-04-01\n---\n[before]({{< ref \"post/release-1.2\" >}})\n",
        ),
    ])?;
    let root = archive(&[])?;
    assert_eq!(
        import(root.path(), "hugo", site.path(), &[]),
        ran(
            Exit::Success,
            "statements/2020/2020-03-01-release-1-2.md\nstatements/2020/2020-04-01-release-1-3-es.md\nstatements/2020/2020-04-01-release-1-3.md\n",
            "Liquid tags and shortcodes translated: ref (2 times)\n\
             links rewritten: to migrated posts (2 links)\n\
             imported 3, skipped 0 duplicates, refused 0, could not read 0\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        tree(&[
            ("statements/", b""),
            ("statements/2020/", b""),
            (
                "statements/2020/2020-03-01-release-1-2.md",
                b"---\ntitle: \"Release 1.2\"\ndate: 2020-03-01\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\naliases: [\"/post/release-1.2/\"]\n---\n[next](../2020/2020-04-01-release-1-3.md)\n",
            ),
            (
                "statements/2020/2020-04-01-release-1-3-es.md",
                "---\ntitle: \"Versión 1.3\"\ndate: 2020-04-01\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\nlang: \"es\"\ntranslation_of: \"release-1-3\"\nslug: \"release-1-3-es\"\naliases: [\"/es/post/release-1.3/\"]\n---\nYa está.\n"
                    .as_bytes(),
            ),
            (
                "statements/2020/2020-04-01-release-1-3.md",
                b"---\ntitle: \"Release 1.3\"\ndate: 2020-04-01\nspeaker:\n  name: \"Org\"\ntopics: [\"news\"]\nlang: \"en\"\naliases: [\"/post/release-1.3/\"]\n---\n[before](../2020/2020-03-01-release-1-2.md)\n",
            ),
        ])
    );
    Ok(())
}

/// A linked file the archive holds already, byte for byte, is counted as already there even
/// when nothing is copied.
#[test]
fn a_file_already_in_the_archive_is_reported_when_none_is_copied() -> Result<()> {
    let site = site(&[
        (
            "_config.yml",
            b"url: https://c.example.org\npermalink: /:title/\n",
        ),
        (
            "_posts/2021-05-05-files.md",
            b"---\ntitle: Files\n---\n![same](/assets/same.png)\n",
        ),
        ("assets/same.png", b"same bytes"),
    ])?;
    let root = archive(&[("assets/same.png", "same bytes")])?;
    let ran = import(root.path(), "jekyll", site.path(), &[]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert!(
        ran.err
            .contains("\nfiles copied into assets/: 0 (1 already there)\n"),
        "{}",
        ran.err
    );
    Ok(())
}

/// A regional language tag in a file name ("release.pt-br.md") is the post's language.
#[test]
fn a_regional_language_tag_in_a_file_name_is_its_language() {
    use std::path::Path;
    assert_eq!(
        super::file_lang(Path::new("content/post/release.pt-br.md")).as_deref(),
        Some("pt-br")
    );
    assert_eq!(
        super::file_lang(Path::new("content/post/release.es.md")).as_deref(),
        Some("es")
    );
}

/// Every folder name that holds a Hugo site's news, written out here (not read from the
/// table): at the site's root, only the posts under it are read, not the site's other
/// sections; and the folders a walk never enters are never read, under any section.
#[test]
fn each_news_section_is_read_alone_and_the_folders_never_entered_are_skipped() -> Result<()> {
    for section in [
        "post",
        "posts",
        "blog",
        "news",
        "articles",
        "article",
        "press",
        "press-releases",
        "statements",
        "updates",
        "stories",
        "media",
    ] {
        let post = format!("content/{section}/launch.md");
        let site = site(&[
            ("hugo.toml", b"baseURL = \"https://hugo.example.org/\"\n"),
            (
                &post,
                b"---\ntitle: Launch\ndate: 2020-03-01\n---\nWe launch.\n",
            ),
            (
                "content/about/team.md",
                b"---\ntitle: Team\ndate: 2020-01-01\n---\nWho we are.\n",
            ),
        ])?;
        let root = archive(&[])?;
        let ran = import(root.path(), "hugo", site.path(), &[]);
        assert_eq!(
            (ran.exit, ran.out.as_str()),
            (Exit::Success, "statements/2020/2020-03-01-launch.md\n"),
            "{section}: {}",
            ran.err
        );
    }
    for never in [
        "_site",
        "node_modules",
        "vendor",
        "public",
        "resources",
        "_drafts",
    ] {
        let copy = format!("content/posts/{never}/launch-copy.md");
        let site = site(&[
            ("hugo.toml", b"baseURL = \"https://hugo.example.org/\"\n"),
            (
                "content/posts/launch.md",
                b"---\ntitle: Launch\ndate: 2020-03-01\n---\nWe launch.\n",
            ),
            (
                &copy,
                b"---\ntitle: Launch copy\ndate: 2020-03-02\n---\nA built copy.\n",
            ),
        ])?;
        let root = archive(&[])?;
        let ran = import(root.path(), "hugo", site.path(), &[]);
        assert_eq!(
            (ran.exit, ran.out.as_str()),
            (Exit::Success, "statements/2020/2020-03-01-launch.md\n"),
            "{never}: {}",
            ran.err
        );
    }
    Ok(())
}

/// A link into one of the folders a site keeps its files in is a link to a file, even with no
/// extension; when the tree lacks it, the summary says so (and links it on the old site),
/// where a link elsewhere is to another page of the old site.
#[test]
fn a_link_into_each_file_folder_is_to_a_file() -> Result<()> {
    let summary = |folder: &str| -> Result<String> {
        let body = format!("---\ntitle: Launch\n---\n[The report](/{folder}/annual-report).\n");
        let site = site(&[
            ("_config.yml", b"url: https://jekyll.example.org\n"),
            ("_posts/2020-03-01-launch.md", body.as_bytes()),
        ])?;
        let root = archive(&[])?;
        Ok(import(root.path(), "jekyll", site.path(), &[]).err)
    };
    for folder in [
        "assets",
        "static",
        "images",
        "img",
        "files",
        "uploads",
        "wp-content",
        "downloads",
        "documents",
        "media",
        "pdf",
    ] {
        assert_eq!(
            summary(folder)?,
            format!(
                "/{folder}/annual-report: not in the site's tree: linked on the old site as https://jekyll.example.org/{folder}/annual-report\n\
                 links rewritten: to files the tree lacks (on the old site) (1 link)\n\
                 imported 1, skipped 0 duplicates, refused 0, could not read 0\n"
            ),
            "{folder}"
        );
    }
    assert_eq!(
        summary("about")?,
        "links rewritten: to other pages of the old site (1 link)\n\
         imported 1, skipped 0 duplicates, refused 0, could not read 0\n"
    );
    Ok(())
}
