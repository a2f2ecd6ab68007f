//! What an archive without `press.toml` exports: the default title and language on every page
//! and feed, and fifty statements a page.

use scraper::{Html, Selector};

use crate::support::{self, Archive};

/// The titles of the cards on a list page.
fn card_titles(page: &str) -> Vec<String> {
    let selector = Selector::parse("article.card .card-title a").expect("a valid selector");
    Html::parse_document(page)
        .select(&selector)
        .map(|a| a.text().collect())
        .collect()
}

#[test]
fn an_archive_without_settings_exports_with_the_defaults() {
    let archive = Archive::empty().daily(51);
    support::press(&archive, &["export"]).code(0);
    let home = archive.read("site/index.html");
    assert!(
        home.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
        "{home}"
    );
    assert!(home.contains("<title>Press statements</title>"), "{home}");
    // Fifty a page: the newest fifty on the first, the oldest alone on the second.
    let first = card_titles(&home);
    assert_eq!(first.len(), 50);
    assert_eq!(first.first().map(String::as_str), Some("Day 51"));
    assert_eq!(first.last().map(String::as_str), Some("Day 2"));
    assert_eq!(
        card_titles(&archive.read("site/page/2/index.html")),
        ["Day 1"]
    );
    assert!(!archive.path().join("site/page/3").exists());
    let feed = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes())
        .unwrap_or_else(|err| panic!("feed.xml: {err}"));
    assert_eq!(
        feed.title.map(|t| t.content).as_deref(),
        Some("Press statements")
    );
    assert_eq!(feed.language.as_deref(), Some("en"));
}
