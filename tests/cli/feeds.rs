//! The feeds' limits and their form without a base URL: how many entries each feed holds and
//! which, the ids and links a feed reader gets when the site has no address yet, and who the
//! feed names as its author.

use crate::support::{self, Archive, statement};

/// Runs `press ARGS` in the archive and expects exit code 0.
fn press_ok(archive: &Archive, args: &[&str]) {
    support::press(archive, args).code(0);
}

/// The feed at `relative` (Atom or JSON), as a feed reader parses it.
fn feed(archive: &Archive, relative: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(archive.read(relative).as_bytes())
        .unwrap_or_else(|err| panic!("{relative} does not parse: {err}"))
}

/// Each entry's title, in feed order.
fn titles(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| {
            e.title
                .as_ref()
                .map(|t| t.content.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// An archive of `count` daily statements ([`Archive::daily`]) with a base URL.
fn daily(count: i64) -> Archive {
    Archive::empty()
        .file(
            "press.toml",
            "title = \"Daily\"\nbase_url = \"https://example.org/\"\n",
        )
        .daily(count)
}

/// The site's feeds and each topic's feed hold the 50 newest statements that are not withdrawn,
/// newest first: a withdrawn statement leaves its place to the next one instead of shortening
/// the feed, and the oldest fall off.
#[test]
fn every_feed_holds_the_fifty_newest_listed_statements() {
    let archive = daily(53);
    press_ok(
        &archive,
        &["withdraw", "day-52", "--note", "Sent in error."],
    );
    press_ok(&archive, &["export"]);
    let expected: Vec<String> = [53]
        .into_iter()
        .chain((3..=51).rev())
        .map(|n| format!("Day {n}"))
        .collect();
    assert_eq!(expected.len(), 50);
    for path in [
        "site/feed.xml",
        "site/feed.json",
        "site/topics/policing/feed.xml",
    ] {
        assert_eq!(titles(&feed(&archive, path)), expected, "{path}");
    }
}

/// With no base URL, a feed still works from a local copy of the site: entry links are relative
/// to the feed's own folder and reach the statement's page, ids are `tag:` URIs made of the
/// date and slug, each feed's id names its folder, and the author is the site's title when no
/// organisation is set.
#[test]
fn feeds_without_a_base_url_link_relative_to_their_folder() {
    let archive = Archive::empty()
        .file("press.toml", "title = \"Newsroom of X\"\n")
        .file(
            "statements/2026/2026-02-03-release.md",
            statement(
                "title: \"Release them\"\ndate: 2026-02-03\nspeaker: \"Ana Piquer\"\ntopics: [\"Police\"]",
                "Text.\n",
            ),
        );
    press_ok(&archive, &["export"]);
    let page = "statements/2026/release/index.html";
    assert!(archive.path().join("site").join(page).is_file());
    for (path, feed_id, link) in [
        ("site/feed.xml", "tag:press,2000:site", page.to_owned()),
        (
            "site/topics/police/feed.xml",
            "tag:press,2000:topics/police",
            format!("../../{page}"),
        ),
    ] {
        let parsed = feed(&archive, path);
        assert_eq!(parsed.id, feed_id, "{path}");
        let authors: Vec<&str> = parsed.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(authors, ["Newsroom of X"], "{path}");
        let entry = &parsed.entries[0];
        assert_eq!(entry.id, "tag:press,2026-02-03:release", "{path}");
        let links: Vec<&str> = entry.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(links, [link.as_str()], "{path}");
    }
}

/// The JSON feed says an item was modified only when it was: a corrected statement carries
/// `date_modified` (the correction's day), an untouched one none.
#[test]
fn the_json_feed_dates_a_modification_only_for_a_corrected_statement() {
    let archive = daily(2);
    press_ok(
        &archive,
        &[
            "correct",
            "day-1",
            "--note",
            "The figure was 12.",
            "--now",
            "2026-03-05T10:00:00+00:00",
        ],
    );
    press_ok(&archive, &["export"]);
    let json: serde_json::Value =
        serde_json::from_str(&archive.read("site/feed.json")).expect("feed.json is JSON");
    let items: Vec<(&str, Option<&str>)> = json["items"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|item| {
            (
                item["title"].as_str().unwrap_or_default(),
                item["date_modified"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [("Day 2", None), ("Day 1", Some("2026-03-05T00:00:00Z")),]
    );
}
