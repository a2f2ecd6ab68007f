//! `press import` end to end: the real samples and the invented ones import, pass `press check`
//! and carry the expected fields; the seed statement imports equal to the bundled file;
//! refusals say why; duplicates are skipped; taken slugs get a suffix.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use predicates::prelude::*;

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// An empty archive in a temporary folder.
struct Archive(tempfile::TempDir);

impl Archive {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("statements")).unwrap();
        Self(dir)
    }

    fn press(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_press"));
        command
            .current_dir(self.0.path())
            .env_remove("PRESS_ROOT")
            .env("NO_COLOR", "1");
        command
    }

    /// The statement files, relative paths, sorted.
    fn files(&self) -> Vec<String> {
        let mut files = Vec::new();
        let root = self.0.path().join("statements");
        for year in std::fs::read_dir(&root).unwrap() {
            for file in std::fs::read_dir(year.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                files.push(
                    path.strip_prefix(self.0.path())
                        .unwrap()
                        .display()
                        .to_string(),
                );
            }
        }
        files.sort();
        files
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.0.path().join(relative)).unwrap()
    }
}

#[test]
fn import_seed_writes_the_bundled_statement() {
    let archive = Archive::new();
    archive
        .press()
        .arg("import")
        .arg(fixtures("raw").join("global-interpol-red-notices.txt"))
        .args([
            "--date",
            "2026-01-27",
            "--topic",
            "Interpol",
            "--topic",
            "red notices",
        ])
        .args([
            "--topic",
            "transnational repression",
            "--topic",
            "human rights defenders",
        ])
        .assert()
        .success();
    let files = archive.files();
    assert_eq!(files.len(), 1);
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("statements/2026/2026-01-27-global-interpol-red-notices.md");
    assert_eq!(
        archive.read(&files[0]),
        std::fs::read_to_string(bundled).unwrap()
    );
    archive.press().arg("check").assert().success();
}

#[test]
fn import_every_sample_passes_check_with_the_expected_fields() {
    for dir in ["raw", "import"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        paths.sort();
        for json in paths {
            let expected: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
            let text = PathBuf::from(json.to_string_lossy().replace(".expected.json", ".txt"));
            let archive = Archive::new();
            let mut command = archive.press();
            command
                .arg("import")
                .arg(&text)
                .args(["--topic", "human rights"]);
            // Dates the raw text does not show are passed, as a newsroom would.
            let date = expected["date"].as_str().unwrap_or("2020-01-01");
            command.args(["--date", date]);
            command.assert().success();
            archive.press().arg("check").assert().success();
            let files = archive.files();
            let written = archive.read(&files[0]);
            let parsed = press::statement::parse(&files[0], written.as_bytes());
            let statement = parsed.statement.expect("valid statement");
            let name = text.display();
            assert_eq!(
                statement.title,
                expected["title"].as_str().unwrap(),
                "{name}"
            );
            assert_eq!(
                statement.location.as_deref(),
                expected["location"].as_str(),
                "{name}"
            );
            assert_eq!(statement.day().to_string(), date, "{name}");
            let speakers = expected["speakers"].as_array().unwrap();
            if speakers.is_empty() {
                // No person is quoted: the organisation speaks.
                let organization = expected["organization"].as_str();
                assert_eq!(statement.speakers.len(), 1, "{name}");
                assert_eq!(statement.speakers[0].name, None, "{name}");
                assert_eq!(
                    statement.speakers[0].organization.as_deref(),
                    organization,
                    "{name}"
                );
            } else {
                assert_eq!(statement.speakers.len(), speakers.len(), "{name}");
            }
            for (got, want) in statement.speakers.iter().zip(speakers) {
                let lower = |s: Option<&str>| s.map(|s| s.trim().to_lowercase());
                assert_eq!(
                    got.name.as_deref(),
                    Some(want["name"].as_str().unwrap()),
                    "{name}"
                );
                assert_eq!(
                    lower(got.role.as_deref()),
                    lower(want["role"].as_str()),
                    "{name}"
                );
                assert_eq!(
                    lower(got.organization.as_deref()),
                    lower(want["organization"].as_str()),
                    "{name}"
                );
            }
            assert_eq!(
                statement.background.is_some(),
                expected["has_background"] == true,
                "{name}"
            );
            let start = expected["body_starts_with"].as_str().unwrap();
            assert!(statement.body.contains(start), "{name}: body");
            if let Some(has_contact) = expected["has_contact"].as_bool() {
                assert_eq!(statement.contact.is_some(), has_contact, "{name}: contact");
                let start = expected["contact_starts_with"].as_str().unwrap_or("");
                let contact = statement.contact.as_deref().unwrap_or("");
                assert!(contact.starts_with(start), "{name}: contact {contact:?}");
            }
        }
    }
}

#[test]
fn import_refuses_what_it_cannot_find_and_says_how_to_give_it() {
    let archive = Archive::new();
    archive
        .press()
        .arg("import")
        .arg(fixtures("raw").join("03-georgia-protesters-arrests.txt"))
        .assert()
        .code(1)
        .stderr(format!(
            "{}: refused: missing a date: no dateline found (give --date YYYY-MM-DD); topics: they never come from the text (give --topic TOPIC, repeatable, or import a feed with categories)\n",
            fixtures("raw").join("03-georgia-protesters-arrests.txt").display()
        ));
    assert!(archive.files().is_empty());
}

#[test]
fn import_twice_adds_nothing_and_taken_slugs_get_a_suffix() {
    let archive = Archive::new();
    let file = fixtures("import").join("03-said-today.txt");
    let import = |extra: &[&str]| {
        let mut command = archive.press();
        command
            .arg("import")
            .arg(&file)
            .args(["--topic", "oceans"])
            .args(extra);
        command.assert()
    };
    import(&[]).success();
    let first = archive.read(&archive.files()[0]);
    import(&[]).success().stderr(format!(
        "{}: skipped: already in the archive as statements/2024/2024-02-05-ocean-dumping-court-ruling-is-a-victory-for-coastal-communities.md\n",
        file.display()
    ));
    assert_eq!(archive.files().len(), 1);
    assert_eq!(
        archive.read(&archive.files()[0]),
        first,
        "the file is left as it was"
    );
    // Another day: not a duplicate, but the slug is taken.
    import(&["--date", "2024-02-06"]).success();
    let files = archive.files();
    assert_eq!(files.len(), 2);
    assert!(files[1].ends_with("coastal-communities-2.md"), "{files:?}");
}

#[test]
fn import_writes_notes_and_contact_apart_and_show_and_export_carry_them() {
    let archive = Archive::new();
    archive
        .press()
        .arg("import")
        .arg(fixtures("import").join("31-unicef-about-and-contacts.txt"))
        .args([
            "--topic",
            "floods",
            "--source",
            "https://example.org/malawi",
        ])
        .assert()
        .success();
    let files = archive.files();
    assert_eq!(
        files,
        [
            "statements/2024/2024-02-05-children-bear-the-brunt-of-floods-in-southern-malawi-unicef.md"
        ]
    );
    let text = archive.read(&files[0]);
    assert!(
        text.contains(
            "background: |-\n  **About UNICEF**\n\n  UNICEF works in some of the world’s toughest places"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\ncontact: |-\n  For more information, please contact:\n\n  Grace Banda, UNICEF Malawi, +265 999 000 000, gbanda@example.org\n  Tom Reed, UNICEF New York, +1 917 555 0100, treed@example.org\nsource: \"https://example.org/malawi\"\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("worst-affected districts.\n\n\\#####\n"),
        "{text}"
    );
    archive.press().arg("check").assert().success();

    let slug = "children-bear-the-brunt-of-floods-in-southern-malawi-unicef";
    archive
        .press()
        .args(["show", slug])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\nContact\n\nFor more information, please contact:\n\nGrace Banda, UNICEF Malawi, +265 999 000 000, gbanda@example.org\nTom Reed",
        ));
    let out = archive
        .press()
        .args(["show", slug, "--format", "json"])
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        record["contact"].as_str().map(|c| c.lines().count()),
        Some(4)
    );

    archive.press().arg("export").assert().success();
    let page = std::fs::read_to_string(
        archive
            .0
            .path()
            .join("site/statements/2024")
            .join(slug)
            .join("index.html"),
    )
    .unwrap();
    assert!(
        page.contains("<h2 id=\"contact\">Contact</h2>\n    <p class=\"contact-text\">For more information, please contact:\n\nGrace Banda"),
        "{page}"
    );
}

#[test]
fn import_of_a_saved_page_keeps_only_its_article() {
    let archive = Archive::new();
    archive
        .press()
        .arg("import")
        .arg(fixtures("import/pages").join("government.html"))
        .args(["--topic", "floods", "--date", "2024-06-03"])
        .assert()
        .success();
    let files = archive.files();
    assert_eq!(
        files,
        ["statements/2024/2024-06-03-new-funding-for-flood-defences-in-the-north.md"]
    );
    let text = archive.read(&files[0]);
    assert!(text.contains("name: \"Robert Hale\""), "{text}");
    assert!(
        text.contains("Too many families have watched water"),
        "{text}"
    );
    for chrome in [
        "cookies",
        "Skip to main content",
        "Share this page",
        "Related content",
        "Crown copyright",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} in {text}");
    }
}

#[test]
fn import_dry_run_prints_and_writes_nothing() {
    let archive = Archive::new();
    archive
        .press()
        .arg("import")
        .arg(fixtures("import").join("07-quote-first.txt"))
        .args(["--topic", "death penalty", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("---\ntitle: \"Death penalty:"))
        .stdout(predicate::str::contains("name: \"Yusuf Demir\""));
    assert!(archive.files().is_empty());
}

#[test]
fn import_reads_html_and_stdin() {
    let archive = Archive::new();
    let html = "<!DOCTYPE html><html><head><title>t</title></head><body>\
        <h1>Georgia: Release the protesters</h1><p>5 February 2024</p>\
        <p>Responding to the arrests, Jane Roe, Europe Director at Rights Now International, said:</p>\
        <p>“Release them now.”</p></body></html>";
    assert_cmd::Command::from_std(archive.press())
        .args(["import", "-", "--topic", "protest"])
        .write_stdin(html)
        .assert()
        .success();
    let files = archive.files();
    assert_eq!(
        files,
        ["statements/2024/2024-02-05-georgia-release-the-protesters.md"]
    );
    let text = archive.read(&files[0]);
    assert!(text.contains("location: \"Georgia\""), "{text}");
    assert!(
        text.contains("organization: \"Rights Now International\""),
        "{text}"
    );
    assert!(text.contains("“Release them now.”"), "{text}");
}

#[test]
fn import_with_title_keeps_an_untitled_text_whole() {
    let archive = Archive::new();
    assert_cmd::Command::from_std(archive.press())
        .args(["import", "-", "--topic", "t", "--date", "2024-01-01"])
        .args(["--title", "UK: A statement without a title line"])
        .write_stdin("Jane Roe, director at Foo Watch, said:\n\n“Yes.”\n")
        .assert()
        .success();
    let text = archive.read(&archive.files()[0]);
    assert!(
        text.contains("---\nJane Roe, director at Foo Watch, said:\n\n“Yes.”\n"),
        "{text}"
    );
    assert!(text.contains("location: \"UK\""), "{text}");
}

#[test]
fn import_feed_dates_keep_the_day_written_in_the_feed() {
    let archive = Archive::new();
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>N</title><link>https://example.org</link><description>d</description>
<item><title>Peru: Free the reporters</title><link>https://example.org/peru</link>
<pubDate>Mon, 05 Feb 2024 23:30:00 -0500</pubDate><category>Peru</category>
<description>Jane Roe, director at Foo Watch, said: “Free them.”</description></item>
</channel></rss>"#;
    assert_cmd::Command::from_std(archive.press())
        .args(["import", "--feed", "-"])
        .write_stdin(rss)
        .assert()
        .success();
    let files = archive.files();
    assert_eq!(
        files,
        ["statements/2024/2024-02-05-peru-free-the-reporters.md"],
        "the day written, not the UTC day (2024-02-06)"
    );
    let text = archive.read(&files[0]);
    assert!(text.contains("date: 2024-02-05T23:30:00-05:00\n"), "{text}");
}

#[test]
fn import_feeds_of_every_format_once() {
    let archive = Archive::new();
    let feeds =
        ["wordpress.rss", "newsroom.atom", "newsroom.json"].map(|f| fixtures("feeds").join(f));
    let dir = fixtures("feeds").display().to_string();
    let no_speaker = "refused: missing a speaker: no attribution found and no organisation named (give --speaker NAME, with --role and --org; or --org ORG alone, or `organization` in press.toml, when the organisation speaks)";
    // The webinar item has no speaker and no category: refused, with why.
    archive
        .press()
        .args(["import", "--feed"])
        .args(&feeds)
        .assert()
        .code(1)
        .stderr(format!(
            "{dir}/wordpress.rss: item 3 (Event: Join our webinar): {no_speaker}; topics: they never come from the text (give --topic TOPIC, repeatable, or import a feed with categories)\n\
             imported 4, skipped 0 duplicates, refused 1, could not read 0\n"
        ));
    archive.press().arg("check").assert().success();
    let files = archive.files();
    assert_eq!(files.len(), 4, "{files:?}");
    let kenya = archive.read(
        "statements/2024/2024-07-09-kenya-authorities-must-stop-abductions-of-young-protesters.md",
    );
    assert!(
        kenya.contains("topics: [\"Kenya\", \"Enforced disappearances\"]"),
        "{kenya}"
    );
    assert!(
        kenya.contains("source: \"https://newsroom.example.org/2024/07/kenya-abductions/\""),
        "{kenya}"
    );
    assert!(
        kenya.contains("background: \"The coalition has documented 43 similar cases since June.\""),
        "{kenya}"
    );
    assert!(!kenya.contains("appeared first on"), "{kenya}");
    // The second time adds nothing.
    archive
        .press()
        .args(["import", "--feed", "--topic", "events"])
        .args(&feeds)
        .assert()
        .code(1)
        .stderr(format!(
            "{dir}/wordpress.rss: item 1 (Kenya: Authorities must stop abductions of young protesters): skipped: already in the archive as statements/2024/2024-07-09-kenya-authorities-must-stop-abductions-of-young-protesters.md\n\
             {dir}/wordpress.rss: item 2 (Global: New treaty is a milestone): skipped: already in the archive as statements/2024/2024-07-08-global-new-treaty-is-a-milestone.md\n\
             {dir}/wordpress.rss: item 3 (Event: Join our webinar): {no_speaker}\n\
             {dir}/newsroom.atom: item 1 (Türkiye: Release detained lawyers now): skipped: already in the archive as statements/2024/2024-02-05-turkiye-release-detained-lawyers-now.md\n\
             {dir}/newsroom.json: item 1 (Ocean dumping: Court ruling is a victory for coastal communities): skipped: already in the archive as statements/2024/2024-02-05-ocean-dumping-court-ruling-is-a-victory-for-coastal-communities.md\n\
             imported 0, skipped 4 duplicates, refused 1, could not read 0\n"
        ));
    assert_eq!(archive.files(), files);
}

#[test]
fn import_from_jekyll_maps_front_matter_and_reports_once() {
    let archive = Archive::new();
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(fixtures("sites").join("jekyll"))
        .args(["--speaker", "Amnesty International UK", "--topic", "news"])
        .assert()
        .code(1)
        .stderr(format!(
            "{site}/_posts/2017-01-01-empty.md: refused: empty file: nothing to import\n\
             {site}/_posts/2018-02-02-broken.md: refused: invalid YAML front matter (line 3): did not find expected ',' or ']', while parsing a flow sequence\n\
             {site}/_posts/2016-01-05-no-author.md: slug \"Annual_Report!\" normalised to `annual-report` (the original kept as extra.original_slug)\n\
             refused: empty file (1 post), invalid YAML front matter (line 3) (1 post)\n\
             kept under extra: `layout` (1 file)\n\
             left as text: include (1 time)\n\
             (drop unknown keys with --drop-unknown, or send one elsewhere with --map KEY=FIELD)\n\
             imported 3, skipped 0 duplicates, refused 2, could not read 0\n",
            site = fixtures("sites").join("jekyll").display()
        ));
    archive.press().arg("check").assert().success();
    assert_eq!(
        archive.files(),
        [
            "statements/2012/2012-11-21-uk-complicity.md",
            "statements/2015/2015-06-29-link-out.md",
            "statements/2016/2016-01-05-annual-report.md",
        ]
    );
    // BOM, CRLF, offset kept, author → speaker, tags + categories → topics, description → summary.
    let uk = archive.read("statements/2012/2012-11-21-uk-complicity.md");
    assert!(uk.contains("date: 2012-11-21T15:59:49-04:00\n"), "{uk}");
    assert!(uk.contains("  name: \"Kate Allen\"\n"), "{uk}");
    assert!(
        uk.contains("topics: [\"torture\", \"UK\", \"press-releases\"]"),
        "{uk}"
    );
    assert!(
        uk.contains("summary: \"A full inquiry is needed.\""),
        "{uk}"
    );
    assert!(
        uk.contains("\n---\nKate Allen said:\n\n“The government must act.”\n"),
        "{uk}"
    );
    // Leading blank lines, tabs, single-digit hour, published: false, empty body, --speaker/--topic.
    let link = archive.read("statements/2015/2015-06-29-link-out.md");
    assert!(link.contains("date: 2015-06-29T01:00:19-04:00\n"), "{link}");
    assert!(link.contains("draft: true\n"), "{link}");
    assert!(
        link.contains("  name: \"Amnesty International UK\"\n"),
        "{link}"
    );
    assert!(
        link.contains("aliases: [\"/2015/06/29/link-out.html\", \"/old-link/\"]\n"),
        "{link}"
    );
    assert!(link.ends_with("---\n"), "{link}");
    let report = archive.read("statements/2016/2016-01-05-annual-report.md");
    assert!(
        report.contains("original_slug: \"Annual_Report!\""),
        "{report}"
    );
    assert!(
        report.contains("{% include button.html label=\"Read it\" %}"),
        "{report}"
    );
}

#[test]
fn import_from_hugo_reads_toml_and_yaml_with_the_given_offset() {
    let archive = Archive::new();
    archive
        .press()
        .args([
            "import",
            "--from",
            "hugo",
            "--tz",
            "+02:00",
            "--drop-unknown",
        ])
        .args(["--map", "aliases=extra.aliases"])
        .arg(fixtures("sites").join("hugo"))
        .assert()
        .success()
        .stderr(predicate::str::contains("assumed +02:00"))
        .stderr(predicate::str::contains("dropped: `weight` (1 file)"))
        .stderr(predicate::str::contains("left as text: tweet (1 time)"));
    archive.press().arg("check").assert().success();
    assert_eq!(
        archive.files(),
        [
            "statements/2019/2019-03-01-bundle-post.md",
            "statements/2019/2019-03-01-toml-post.md"
        ]
    );
    let bundle = archive.read("statements/2019/2019-03-01-bundle-post.md");
    assert!(
        bundle.contains("date: 2019-03-01T10:00:00+02:00\n"),
        "{bundle}"
    );
    assert!(bundle.contains("  role: \"Policy Director\"\n"), "{bundle}");
    assert!(bundle.contains("aliases: [\"/old/treaty/\"]"), "{bundle}");
    let toml = archive.read("statements/2019/2019-03-01-toml-post.md");
    assert!(toml.contains("date: 2019-03-01T10:00:00+03:00\n"), "{toml}");
    assert!(toml.contains("location: \"Türkiye\""), "{toml}");
    assert!(!toml.contains("weight"), "{toml}");
    // Again: nothing new.
    let files = archive.files();
    let again = archive
        .press()
        .args(["import", "--from", "hugo", "--tz", "+02:00"])
        .arg(fixtures("sites").join("hugo"))
        .assert()
        .success();
    let err = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    let content = fixtures("sites").join("hugo/content/statements");
    assert_eq!(
        lines[..2],
        [
            format!(
                "{}: skipped: already in the archive as statements/2019/2019-03-01-bundle-post.md",
                content.join("bundle-post/index.md").display()
            ),
            format!(
                "{}: skipped: already in the archive as statements/2019/2019-03-01-toml-post.md",
                content.join("toml-post.md").display()
            ),
        ],
        "{err}"
    );
    assert_eq!(
        lines.last(),
        Some(&"imported 0, skipped 2 duplicates, refused 0, could not read 0"),
        "{err}"
    );
    assert_eq!(archive.files(), files);
}

/// The README's example: a west offset (`--tz -04:00`) is the option's value, not a flag.
#[test]
fn import_from_jekyll_takes_a_negative_tz_as_written_in_the_readme() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("_posts")).unwrap();
    std::fs::write(
        site.path().join("_posts/2020-05-01-release.md"),
        "---\ntitle: \"Global: Release them\"\ndate: 2020-05-01 10:00:00\ntags: [detention]\n---\nText.\n",
    )
    .unwrap();
    let archive = Archive::new();
    // Exactly as the README writes it.
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(site.path())
        .args(["--speaker", "Amnesty International UK", "--tz", "-04:00"])
        .assert()
        .success()
        .stderr(predicate::str::contains("assumed -04:00"));
    let release = archive.read("statements/2020/2020-05-01-release.md");
    assert!(
        release.contains("date: 2020-05-01T10:00:00-04:00\n"),
        "{release}"
    );
    // With --topic before it, and the offset without a colon.
    let archive = Archive::new();
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(site.path())
        .args(["--speaker", "Org", "--topic", "Misc", "--tz", "-0330"])
        .assert()
        .success();
    let release = archive.read("statements/2020/2020-05-01-release.md");
    assert!(
        release.contains("date: 2020-05-01T10:00:00-03:30\n"),
        "{release}"
    );
}

/// A post's `contact` key, or one `--map` sends there, becomes the statement's contact.
#[test]
fn import_from_jekyll_keeps_a_contact_key_and_maps_one_to_it() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("_posts")).unwrap();
    std::fs::write(
        site.path().join("_posts/2020-05-01-one.md"),
        "---\ntitle: One\ndate: 2020-05-01\ncontact: \"Press office: +44 20 7946 0000\"\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("_posts/2020-05-02-two.md"),
        "---\ntitle: Two\ndate: 2020-05-02\nmedia: \"press@example.org\"\n---\nText.\n",
    )
    .unwrap();
    let archive = Archive::new();
    archive
        .press()
        .args(["import", "--from", "jekyll"])
        .arg(site.path())
        .args([
            "--speaker",
            "Org",
            "--topic",
            "Misc",
            "--map",
            "media=contact",
        ])
        .assert()
        .success();
    let one = archive.read("statements/2020/2020-05-01-one.md");
    assert!(
        one.contains("contact: |-\n  Press office: +44 20 7946 0000\n"),
        "{one}"
    );
    let two = archive.read("statements/2020/2020-05-02-two.md");
    assert!(two.contains("contact: |-\n  press@example.org\n"), "{two}");
    assert!(!two.contains("media"), "{two}");
}

#[test]
fn import_a_statement_file_maps_it_onto_itself() {
    let archive = Archive::new();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("statements/2026/2026-01-27-global-interpol-red-notices.md");
    archive
        .press()
        .arg("import")
        .arg(&bundled)
        .assert()
        .success();
    assert_eq!(
        archive.read("statements/2026/2026-01-27-global-interpol-red-notices.md"),
        std::fs::read_to_string(&bundled).unwrap()
    );
    archive
        .press()
        .arg("import")
        .arg(&bundled)
        .assert()
        .success()
        .stderr(format!(
            "{}: skipped: already in the archive as statements/2026/2026-01-27-global-interpol-red-notices.md\n",
            bundled.display()
        ));
}

#[test]
fn import_review_opens_each_new_file_in_the_editor_then_checks_it() {
    let archive = Archive::new();
    let log = archive.0.path().join("edited.log");
    // The "editor" records the file it was given and breaks it: the check must notice.
    let editor = format!(
        "f() {{ echo \"$1\" >> '{}'; echo 'titel: x' > \"$1\"; }}; f",
        log.display()
    );
    archive
        .press()
        .env("VISUAL", editor)
        .arg("import")
        .arg(fixtures("import").join("07-quote-first.txt"))
        .args(["--topic", "death penalty", "--review"])
        .assert()
        .code(1)
        .stderr(
            "statements/2024/2024-02-05-death-penalty-three-executions-in-one-week-signal-alarming-escalation.md:1:1: error: missing front matter: the file must start with a line `---`\n  \
             help: start the file with `---`, the keys title, date, speaker and topics, then another `---` line\n\
             press: statements/2024/2024-02-05-death-penalty-three-executions-in-one-week-signal-alarming-escalation.md has errors; run `press edit` again to fix them\n",
        );
    let edited = std::fs::read_to_string(log).unwrap();
    assert!(
        edited
            .trim_end()
            .ends_with("death-penalty-three-executions-in-one-week-signal-alarming-escalation.md"),
        "{edited}"
    );
}

#[test]
fn import_of_an_organisation_statement_makes_the_organisation_the_speaker_and_says_so() {
    let archive = Archive::new();
    let file = fixtures("import").join("19-government-department-no-person.txt");
    let name = file.display().to_string();
    archive
        .press()
        .arg("import")
        .arg(&file)
        .args(["--topic", "industry", "--date", "2024-05-02", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "speaker:\n  organization: \"Department for Trade and Enterprise\"\ntopics:",
        ))
        .stderr(predicate::str::contains(format!(
            "{name}:3:1: warning: speaker: no person is quoted, so Department for Trade and Enterprise, which the text names as issuing the statement, is the speaker (give --speaker NAME if a person speaks)"
        )));
    assert!(archive.files().is_empty());
    archive
        .press()
        .arg("import")
        .arg(&file)
        .args(["--topic", "industry", "--date", "2024-05-02"])
        .assert()
        .success();
    let output = archive
        .press()
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let speaker = &json[0]["speakers"][0];
    assert_eq!(speaker["name"], serde_json::Value::Null, "{json}");
    assert_eq!(
        speaker["organization"],
        "Department for Trade and Enterprise"
    );
    archive
        .press()
        .args(["list", "--speaker", "trade and enterprise"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Department for Trade and Enterprise",
        ));
}

/// First-person text that names no organisation: `--org` alone, else `organization` in
/// press.toml, is the speaker; with neither, the import refuses and names both.
#[test]
fn import_takes_the_organisation_from_org_alone_or_press_toml() {
    let archive = Archive::new();
    let text = archive.0.path().join("statement.txt");
    std::fs::write(
        &text,
        "Our response to the flood report\n\nWe welcome the report and will act on every recommendation.\n",
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let mut command = archive.press();
        command
            .arg("import")
            .arg(&text)
            .args(["--topic", "floods", "--date", "2024-05-02", "--dry-run"])
            .args(extra);
        command.assert()
    };
    import(&[]).code(1).stderr(predicate::str::contains(
        "or --org ORG alone, or `organization` in press.toml, when the organisation speaks",
    ));
    import(&["--org", "Northmoor Council"])
        .success()
        .stdout(predicate::str::contains(
            "speaker:\n  organization: \"Northmoor Council\"\n",
        ))
        .stderr(predicate::str::contains("warning").not());
    std::fs::write(
        archive.0.path().join("press.toml"),
        "organization = \"Valley Water Trust\"\n",
    )
    .unwrap();
    import(&[])
        .success()
        .stdout(predicate::str::contains(
            "speaker:\n  organization: \"Valley Water Trust\"\n",
        ))
        .stderr(predicate::str::contains(
            "warning: speaker: no person is quoted and the text names no organisation, so Valley Water Trust (`organization` in press.toml) is the speaker",
        ));
}

#[test]
fn import_explain_prints_where_each_field_came_from_and_writes_nothing() {
    let archive = Archive::new();
    let file = fixtures("import").join("17-msf-rank-then-surname.txt");
    archive
        .press()
        .args(["import", "--explain", "--topic", "health", "--date", "2024-05-02"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  title: Sudan: Hospital attacked in El Fasher\n    line 1: Sudan: Hospital attacked in El Fasher\n",
        ))
        .stdout(predicate::str::contains("  date: 2024-05-02\n    from --date\n"))
        .stdout(predicate::str::contains(
            "  speaker: Lena Hoffmann (role: medical coordinator in Darfur; organization: Médecins Sans Frontières)\n    line 5: ",
        ))
        .stdout(predicate::str::contains("  result: would import\n"));
    assert!(archive.files().is_empty());
    // The sections at the end of a release, and the words the date was read from.
    archive
        .press()
        .args(["import", "--explain", "--topic", "health"])
        .arg(fixtures("import").join("33-msf-notes-to-editors.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  date: 2024-03-12\n    line 3: Brussels, 12 March 2024 –\n",
        ))
        .stdout(predicate::str::contains(
            "  background: **Notes to editors:**\n    line 11: Notes to editors:\n",
        ))
        .stdout(predicate::str::contains(
            "  contact: Press contact:\n    line 15: Press contact:\n",
        ));
    // Without a date the import would refuse: so does the explanation, with the same exit.
    archive
        .press()
        .args(["import", "--explain", "--topic", "health"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "  date: (none)\n    no date line or dateline: give --date YYYY-MM-DD\n",
        ))
        .stdout(predicate::str::contains(
            "  result: refused: missing a date",
        ));
}

#[test]
fn import_warns_where_it_guessed_a_speakers_organisation() {
    let archive = Archive::new();
    let text = archive.0.path().join("statement.txt");
    std::fs::write(
        &text,
        "Free speech under attack\n\n(New York) – The new law silences critics, Foo Rights Watch said today.\n\n“This law is a gag,” said Jane Roe, Asia director.\n",
    )
    .unwrap();
    archive
        .press()
        .arg("import")
        .arg(&text)
        .args(["--topic", "speech", "--date", "2024-05-02", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  name: \"Jane Roe\"\n  role: \"Asia director\"\n  organization: \"Foo Rights Watch\"\n",
        ))
        .stderr(predicate::str::contains(format!(
            "{}:5:1: warning: speaker Jane Roe: organisation: not written next to the name; the organisation that issues the statement (line 3)\n",
            text.display()
        )));
}
