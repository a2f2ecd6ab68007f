//! Unit tests of the site's pages: where a page's source comes from, pagers, the years page's
//! order and statements' paths.

use anyhow::{Context as _, Result};

use super::*;
use crate::render::html::statement_path;

/// Loading a page's source: from the page texts and the body when the digests agree, by a
/// full parse without texts or with stale ones, and never from a file that changed.
#[test]
fn page_sources_come_from_one_version_of_the_file() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = "statements/2026/2026-01-27-x.md";
    let file = dir.path().join(path);
    std::fs::create_dir_all(file.parent().context("the file is in a folder")?)?;
    let text = "---\ntitle: X\ndate: 2026-01-27\nspeaker: Ann\ntopics: [a]\nbackground: Old.\n---\n\nThe body.\n";
    std::fs::write(&file, text)?;
    let parsed = crate::statement::parse(path, text.as_bytes());
    let statement = parsed
        .statement
        .with_context(|| format!("parses: {:?}", parsed.diagnostics))?;
    let summary = Summary::new(0, statement, parsed.digest);
    let cached = PageText {
        digest: summary.digest,
        background: Some("Cached."),
        contact: None,
        source: None,
        quotes: None,
    };
    let page = load(dir.path(), &summary, Some(cached.clone()))?;
    assert_eq!((page.body.as_str(), page.body_line), ("The body.", 9));
    assert_eq!(page.background.as_deref(), Some("Cached."));
    let stale = PageText {
        digest: 1,
        ..cached.clone()
    };
    let page = load(dir.path(), &summary, Some(stale))?;
    assert_eq!(page.background.as_deref(), Some("Old."));
    std::fs::write(&file, text.replace("The body", "Another body"))?;
    let changed = "statements/2026/2026-01-27-x.md changed while the site was being exported; run `press export` again";
    assert_eq!(
        load(dir.path(), &summary, Some(cached))
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some(changed)
    );
    assert_eq!(
        load(dir.path(), &summary, None)
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some(changed)
    );
    Ok(())
}

fn names(pages: &[Link]) -> Vec<&str> {
    pages.iter().map(|l| l.name.as_str()).collect()
}

#[test]
fn pagers_show_the_ends_and_the_neighbourhood() {
    assert_eq!(names(&pager_pages("", 1, 1)), ["1"]);
    assert_eq!(names(&pager_pages("", 1, 5)), ["1", "2", "3", "4", "5"]);
    assert_eq!(
        names(&pager_pages("", 10, 500)),
        ["1", "…", "8", "9", "10", "11", "12", "…", "500"]
    );
    assert_eq!(
        names(&pager_pages("", 4, 9)),
        ["1", "2", "3", "4", "5", "6", "…", "9"]
    );
    assert!(pager_pages("x/", 10, 500)[1].url.is_none());
}

/// `statements/index.html` lists the years newest first, each with its count, as
/// `press export` writes it.
#[test]
fn the_years_page_lists_the_newest_year_first() -> Result<()> {
    use crate::commands::in_process::{archive, press};
    let statement = |date: &str| {
        format!("---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: Ann\ntopics: [T]\n---\nBody.\n")
    };
    let root = archive(&[
        ("statements/2024/2024-05-01-a.md", &statement("2024-05-01")),
        ("statements/2026/2026-01-02-b.md", &statement("2026-01-02")),
        ("statements/2025/2025-03-04-c.md", &statement("2025-03-04")),
        ("statements/2026/2026-02-03-d.md", &statement("2026-02-03")),
    ])?;
    let out = root.path().join("site");
    let ran = press(root.path(), &["export", "--out", &out.to_string_lossy()]);
    assert_eq!(ran.exit, crate::Exit::Success, "{}", ran.err);
    let page = std::fs::read_to_string(out.join("statements/index.html"))?;
    let years: Vec<&str> = page
        .lines()
        .filter(|l| l.contains("<span class=\"count\">"))
        .map(str::trim)
        .collect();
    assert_eq!(
        years,
        [
            "<li><a href=\"../statements/2026/index.html\">2026</a> <span class=\"count\">2 statements</span></li>",
            "<li><a href=\"../statements/2025/index.html\">2025</a> <span class=\"count\">1 statement</span></li>",
            "<li><a href=\"../statements/2024/index.html\">2024</a> <span class=\"count\">1 statement</span></li>",
        ]
    );
    Ok(())
}

#[test]
fn statement_paths_follow_the_year() {
    let summary = crate::statement::parse::parse(
        "statements/2024/x.md",
        b"---\ntitle: T\ndate: 2024-05-01\nspeaker: {name: A}\ntopics: [b]\n---\nBody.\n",
    );
    let statement = summary.statement.map(|s| Summary::new(0, s, 0));
    assert_eq!(
        statement.map(|s| statement_path(&s)).as_deref(),
        Some("statements/2024/x/index.html")
    );
}
