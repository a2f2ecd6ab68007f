//! `press export` and `press serve`: the site of a fixture archive, checked page by page with an
//! HTML5 parser, feeds parsed with feed-rs, hostile input, the write rules and the refusals, and
//! (when their tools are installed) the Nu checker, headless Chromium and axe-core.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

use crate::support::{self, Archive};

/// A copy of `tests/fixtures/site`: four published statements over ten years, a draft, one
/// under embargo, a right-to-left one, an image beside a statement and an attachment in assets/.
fn site_archive() -> Archive {
    let archive = Archive::empty();
    copy_tree(&support::fixtures().join("site"), archive.path());
    archive
}

/// Runs `press export ARGS` in the archive (under the harness's watchdog).
fn export(archive: &Archive, args: &[&str]) -> Output {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    support::press(archive, &all).into()
}

/// Every file under `dir` of the archive, by path relative to `dir`.
pub(crate) fn site_files(archive: &Archive, dir: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(&archive.path().join(dir), "", &mut files);
    files
}

fn collect(dir: &Path, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if name == ".press-state" {
            // Records modification times: differs between two folders by design.
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            collect(&entry.path(), &format!("{name}/"), files);
        } else {
            files.insert(name, fs::read(entry.path()).unwrap());
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard error with the archive's path as `[ROOT]` and the summary's time (` in 0.22 s`) cut.
fn timeless(archive: &Archive, output: &Output) -> String {
    support::timeless(&archive.clean(&output.stderr))
}

fn assert_code(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr:\n{}",
        stderr(output)
    );
}

fn select(selector: &str) -> Selector {
    Selector::parse(selector).unwrap()
}

/// The site-relative file a relative URL on the page at `page` points at (none for absolute
/// URLs and fragments).
fn target_of(page: &str, url: &str) -> Option<String> {
    if url.starts_with('#') || url.contains("://") || url.starts_with("mailto:") {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            ".." => {
                assert!(parts.pop().is_some(), "{url} on {page} leaves the site");
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    Some(parts.join("/").replace("%20", " "))
}

/// Every page of the site parses, has one `h1`, a `lang`, and every internal link and asset
/// resolves to a written file.
pub(crate) fn check_pages(files: &BTreeMap<String, Vec<u8>>) {
    let links = select("a[href], link[href], img[src], script[src]");
    // What was looked at, so that a site without pages or links fails.
    let (mut pages, mut internal) = (0, 0);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        assert_eq!(
            html.select(&select("h1")).count(),
            1,
            "{path} must have one h1"
        );
        let lang = html.select(&select("html")).next().unwrap();
        assert!(lang.value().attr("lang").is_some(), "{path} has no lang");
        assert!(html.select(&select("main#main")).next().is_some(), "{path}");
        if path == "404.html" {
            continue;
        }
        for element in html.select(&links) {
            let url = element
                .value()
                .attr("href")
                .or_else(|| element.value().attr("src"))
                .unwrap();
            if let Some(target) = target_of(path, url) {
                internal += 1;
                assert!(
                    files.contains_key(&target),
                    "{path} links to {url}, which is not in the site ({target})"
                );
            }
        }
    }
    assert!(
        pages > 1 && internal > 0,
        "{pages} pages, {internal} internal links"
    );
}

#[test]
fn export_writes_every_page_and_every_link_resolves() {
    let archive = site_archive();
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    let files = site_files(&archive, "site");
    for expected in [
        "index.html",
        "page/2/index.html",
        "statements/2026/interpol/index.html",
        "statements/2026/georgia/index.html",
        "statements/2025/sudan/index.html",
        "statements/index.html",
        "statements/2026/index.html",
        "topics/index.html",
        "topics/interpol/index.html",
        "topics/interpol/page/2/index.html",
        "topics/interpol/feed.xml",
        "speakers/index.html",
        "speakers/ana-piquer/index.html",
        "locations/index.html",
        "locations/georgia/index.html",
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "404.html",
        "search/index.html",
        "search/index.js",
        "search.js",
        "style.css",
        "statements/2026/img/chart.png",
        "assets/report.pdf",
        ".press-manifest",
    ] {
        assert!(files.contains_key(expected), "missing {expected}");
    }
    check_pages(&files);
    // Drafts and embargoed statements are nowhere.
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for secret in [
            "secret draft",
            "secretdrafttopic",
            "embargoed",
            "embargotopic",
        ] {
            assert!(!text.contains(secret), "{secret} in {path}");
        }
    }
    // The manifest lists exactly the files written, sorted, without absolute paths.
    let manifest = archive.read("site/.press-manifest");
    let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    let written: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != ".press-manifest")
        .collect();
    assert_eq!(listed, written);
    assert!(!manifest.contains(&*archive.path().to_string_lossy()));
}

#[test]
fn export_statement_page_has_its_parts() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let page = archive.read("site/statements/2026/georgia/index.html");
    let html = Html::parse_document(&page);
    let h1: String = html.select(&select("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "Georgia: Release protesters");
    let speakers: Vec<String> = html
        .select(&select(".speakers a"))
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(
        speakers,
        [
            "../../../speakers/denis-krivosheev/index.html",
            "../../../speakers/ana-piquer/index.html"
        ]
    );
    // Topic display names are the most frequent spelling ("Interpol", not "interpol").
    let topics: Vec<String> = html
        .select(&select(".statement .tags a"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(topics, ["Interpol", "Protest"]);
    let prev = html.select(&select("a[rel=prev]")).next().unwrap();
    assert_eq!(
        prev.value().attr("href"),
        Some("../../../statements/2025/sudan/index.html")
    );
    let next = html.select(&select("a[rel=next]")).next().unwrap();
    assert_eq!(
        next.value().attr("href"),
        Some("../../../statements/2026/interpol/index.html")
    );
    // Right-to-left statements say so.
    let sudan = archive.read("site/statements/2025/sudan/index.html");
    assert!(sudan.contains("lang=\"ar\" dir=\"rtl\""), "{sudan}");
}

#[test]
fn export_feeds_parse_with_the_expected_entries() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let atom = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    let titles: Vec<String> = atom
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(
        titles,
        [
            "Global: Misuse of Interpol red notices",
            "Georgia: Release protesters",
            "Sudan: ICC conviction is a step for justice",
            "Old statement from 2017"
        ]
    );
    assert_eq!(
        atom.entries[0].id,
        "https://press.example.org/news/statements/2026/interpol/"
    );
    assert!(atom.entries[0].content.is_some(), "full content");
    assert_eq!(
        atom.updated.unwrap().to_rfc3339(),
        "2026-01-27T00:00:00+00:00"
    );
    let json = feed_rs::parser::parse(archive.read("site/feed.json").as_bytes()).unwrap();
    assert_eq!(json.entries.len(), 4);
    let topic =
        feed_rs::parser::parse(archive.read("site/topics/interpol/feed.xml").as_bytes()).unwrap();
    assert_eq!(topic.entries.len(), 3);
    assert!(
        topic.entries.iter().all(|e| e.content.is_none()),
        "summaries only"
    );
    let sitemap = archive.read("site/sitemap.xml");
    assert!(sitemap.contains("<loc>https://press.example.org/news/topics/interpol/</loc>"));
}

#[test]
fn export_without_base_url_uses_tag_ids_and_skips_the_sitemap() {
    let archive = site_archive().file("press.toml", "title = \"T\"\n");
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    assert_eq!(
        timeless(&archive, &output),
        "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
         press: exported 4 statements to [ROOT]/site: 79 files written, 0 unchanged, 0 removed\n"
    );
    assert!(!archive.path().join("site/sitemap.xml").exists());
    let atom = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    assert_eq!(atom.entries[0].id, "tag:press,2026-01-27:interpol");
}

#[test]
fn export_pages_match_snapshots() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"press \d+\.\d+\.\d+", "press [VERSION]");
    settings.bind(|| {
        insta::assert_snapshot!(
            "statement",
            archive.read("site/statements/2026/interpol/index.html")
        );
        insta::assert_snapshot!("topic", archive.read("site/topics/interpol/index.html"));
        insta::assert_snapshot!("home", archive.read("site/index.html"));
        insta::assert_snapshot!("feed", archive.read("site/feed.xml"));
    });
}

#[test]
fn export_chart_has_one_bar_per_month_proportional_to_counts() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let html = Html::parse_document(&archive.read("site/index.html"));
    let bars: Vec<(String, usize, f64)> = html
        .select(&select("svg.chart rect.bar"))
        .map(|bar| {
            let attr = |name| bar.value().attr(name).unwrap();
            (
                attr("data-month").to_owned(),
                attr("data-count").parse().unwrap(),
                attr("height").parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(bars.len(), 120, "ten years of months");
    assert_eq!(bars[0].0, "2016-02");
    assert_eq!(
        bars[119].0, "2026-01",
        "ends at the newest statement's month"
    );
    let counted: BTreeMap<&str, usize> = bars
        .iter()
        .filter(|b| b.1 > 0)
        .map(|b| (b.0.as_str(), b.1))
        .collect();
    assert_eq!(
        counted,
        BTreeMap::from([("2017-03", 1), ("2025-06", 1), ("2026-01", 2)])
    );
    let max = bars.iter().map(|b| b.1).max().unwrap() as f64;
    for (month, count, height) in &bars {
        let expected = *count as f64 / max * 100.0;
        assert!(
            (height - expected).abs() < 0.01,
            "{month}: {height} vs {expected}"
        );
    }
    let svg = html.select(&select("svg.chart")).next().unwrap();
    assert!(svg.select(&select("title")).next().is_some());
    assert!(svg.select(&select("desc")).next().is_some());
    assert!(svg.select(&select("text")).count() >= 9, "year labels");
    // Location pages have a chart too; speaker pages do not.
    assert!(
        archive
            .read("site/locations/georgia/index.html")
            .contains("<svg class=\"chart\"")
    );
    assert!(
        !archive
            .read("site/speakers/ana-piquer/index.html")
            .contains("<svg")
    );
}

#[test]
fn export_is_deterministic_and_writes_only_changes() {
    let first = site_archive();
    let second = site_archive();
    assert_code(&export(&first, &[]), 0);
    assert_code(&export(&second, &[]), 0);
    assert_eq!(site_files(&first, "site"), site_files(&second, "site"));

    let mtimes = |archive: &Archive| -> BTreeMap<String, std::time::SystemTime> {
        site_files(archive, "site")
            .keys()
            .map(|p| {
                let meta = fs::metadata(archive.path().join("site").join(p)).unwrap();
                (p.clone(), meta.modified().unwrap())
            })
            .collect()
    };
    let before = mtimes(&first);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = export(&first, &[]);
    assert_code(&again, 0);
    assert_eq!(
        timeless(&first, &again),
        "press: exported 4 statements to [ROOT]/site: 0 files written, 83 unchanged, 0 removed\n"
    );
    assert_eq!(before, mtimes(&first), "unchanged files keep their mtime");
}

#[test]
fn export_removes_only_what_it_wrote_before() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    fs::write(archive.path().join("site/CNAME"), "press.example.org").unwrap();
    let before = site_files(&archive, "site");
    fs::remove_file(archive.path().join("statements/2017/2017-03-01-old.md")).unwrap();
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    assert!(!archive.path().join("site/statements/2017").exists());
    assert_eq!(
        archive.read("site/CNAME"),
        "press.example.org",
        "a foreign file stays"
    );
    // The summary counts exactly the files that went.
    let after = site_files(&archive, "site");
    let gone: Vec<&String> = before.keys().filter(|f| !after.contains_key(*f)).collect();
    assert!(
        gone.contains(&&"statements/2017/old/index.html".to_owned()),
        "{gone:?}"
    );
    assert!(
        stderr(&output).contains(&format!(" unchanged, {} removed in ", gone.len())),
        "{gone:?}\n{}",
        stderr(&output)
    );
}

#[test]
fn export_refuses_folders_it_does_not_own() {
    let archive = site_archive();
    let before = archive.files();
    for (out, why) in [
        (
            ".",
            "the current folder .: pass --out with a folder of its own, such as site",
        ),
        ("statements", "statements: it is inside statements/"),
        (
            "statements/site",
            "statements/site: it is inside statements/",
        ),
        ("templates/x", "templates/x: it is inside templates/"),
        (
            "statements/2026/2026-01-27-interpol.md",
            "statements/2026/2026-01-27-interpol.md: it is inside statements/",
        ),
        ("assets/report.pdf", "assets/report.pdf: it is not a folder"),
    ] {
        for force in [&[][..], &["--force"][..]] {
            let output = export(&archive, &[&["--out", out][..], force].concat());
            assert_code(&output, 2);
            assert_eq!(
                stderr(&output),
                format!("press: error: refusing to export into {why}\n"),
                "{out} {force:?}"
            );
        }
    }
    assert_eq!(archive.files(), before, "nothing written");
    let archive = archive.file("other/keep.txt", "mine");
    let output = export(&archive, &["--out", "other"]);
    assert_code(&output, 2);
    assert_eq!(
        stderr(&output),
        "press: error: refusing to export into other: the folder is not empty and press did not create it (no .press-manifest); pass --force to take it over (only files press writes are replaced)\n"
    );
    assert_eq!(site_files(&archive, "other").len(), 1, "nothing written");
    assert_code(&export(&archive, &["--out", "other", "--force"]), 0);
    // The site beside the user's file, as in a folder of its own.
    let mut taken = site_files(&archive, "other");
    assert_eq!(taken.remove("keep.txt").as_deref(), Some(&b"mine"[..]));
    assert_code(&export(&archive, &[]), 0);
    let own = site_files(&archive, "site");
    assert!(own.contains_key("index.html"), "{:?}", own.keys());
    assert_eq!(taken, own);
    // An empty folder is fine.
    fs::create_dir_all(archive.path().join("empty")).unwrap();
    assert_code(&export(&archive, &["--out", "empty"]), 0);
    assert_eq!(site_files(&archive, "empty"), own);
}

/// A symbolic link put where the site has a folder: export neither writes nor removes through
/// it, and says which link is in the way.
#[cfg(unix)]
#[test]
fn export_never_writes_or_removes_through_a_symlink_in_the_site() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let site = archive.path().join("site");
    let outside = tempfile::tempdir().expect("temp dir");
    // Holds a page the site had: an export that followed the link would replace it, or, as a
    // page no longer produced, remove it.
    let page = fs::read_dir(site.join("locations"))
        .expect("locations")
        .filter_map(Result::ok)
        .find(|entry| entry.path().is_dir())
        .expect("a location page")
        .file_name();
    fs::create_dir_all(outside.path().join(&page)).expect("folder");
    fs::write(outside.path().join(&page).join("index.html"), "mine").expect("write");
    fs::remove_dir_all(site.join("locations")).expect("remove");
    std::os::unix::fs::symlink(outside.path(), site.join("locations")).expect("symlink");
    for statement in fs::read_dir(archive.path().join("statements/2026")).expect("statements") {
        let path = statement.expect("entry").path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        fs::write(&path, text.replace("\nlocation:", "\n# location:")).expect("write");
    }
    let output = export(&archive, &[]);
    assert_code(&output, 2);
    assert_eq!(
        archive.clean(&output.stderr),
        "press: error: [ROOT]/site/locations is a symbolic link where the site has a folder: press writes only inside its output folder (remove it, and export again)\n"
    );
    assert_eq!(
        fs::read_to_string(outside.path().join(&page).join("index.html")).expect("read"),
        "mine"
    );
    assert_eq!(fs::read_dir(outside.path()).expect("read").count(), 1);
}

#[test]
fn export_refuses_an_archive_with_errors_unless_keep_going() {
    let archive = site_archive().file(
        "statements/2026/2026-03-01-bad.md",
        "---\ntitle: Bad\ndate: 2026-02-30\nspeaker: A\ntopics: [x]\n---\nBody\n",
    );
    let output = export(&archive, &[]);
    assert_code(&output, 1);
    let text = stderr(&output);
    assert!(
        text.starts_with("statements/2026/2026-03-01-bad.md:3:"),
        "{text}"
    );
    let diagnostic = "statements/2026/2026-03-01-bad.md:3:7: error: `date` is an impossible date: \"2026-02-30\"\n  \
         help: check the day and month; write it as YYYY-MM-DD\n";
    assert_eq!(
        text,
        format!(
            "{diagnostic}press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to skip those files)\n"
        )
    );
    assert!(!archive.path().join("site").exists(), "nothing written");
    let output = export(&archive, &["--keep-going"]);
    assert_code(&output, 1);
    assert_eq!(
        timeless(&archive, &output),
        format!(
            "{diagnostic}press: exported 4 statements to [ROOT]/site: 83 files written, 0 unchanged, 0 removed\n"
        )
    );
    assert!(
        archive
            .read("site/statements/2026/interpol/index.html")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn export_missing_local_image_is_an_error() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-x.md",
        "---\ntitle: X\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\n---\n![a](missing.png)\n",
    );
    let output = export(&archive, &[]);
    assert_code(&output, 1);
    assert_eq!(
        stderr(&output),
        "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
         statements/2026/2026-01-27-x.md:7:1: error: link to a missing local file \"missing.png\"\n  \
         help: put the file beside the statement or under assets/, or fix the link\n\
         press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to publish those pages without the broken links)\n"
    );
    assert!(!archive.path().join("site").exists(), "nothing written");
}

#[test]
fn export_init_theme_writes_missing_templates_only_and_overrides_apply() {
    let archive = site_archive().file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Custom {{ title }}</h1>{% endblock %}",
    );
    let output = archive
        .press()
        .args(["export", "--init-theme"])
        .output()
        .unwrap();
    assert_code(&output, 0);
    assert_eq!(
        archive.clean(&output.stderr),
        "press: kept the existing templates/404.html\n\
         press: wrote 13 default theme files into [ROOT]/templates; edit them and run `press export`\n"
    );
    assert_eq!(
        archive.read("templates/base.html"),
        include_str!("../../templates/base.html")
    );
    assert_eq!(
        archive.read("templates/style.css"),
        include_str!("../../templates/style.css")
    );
    assert_eq!(
        archive.read("templates/404.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Custom {{ title }}</h1>{% endblock %}",
        "the user's template is kept"
    );
    assert!(!archive.path().join("site").exists(), "exports nothing");
    fs::write(
        archive.path().join("templates/style.css"),
        "body { color: red }",
    )
    .unwrap();
    assert_code(&export(&archive, &[]), 0);
    assert!(
        archive
            .read("site/404.html")
            .contains("<h1>Custom Page not found</h1>")
    );
    assert_eq!(archive.read("site/style.css"), "body { color: red }");
    // A broken template is an error naming the file, and nothing is written.
    fs::remove_dir_all(archive.path().join("site")).unwrap();
    fs::write(archive.path().join("templates/index.html"), "{% if %}").unwrap();
    let output = export(&archive, &[]);
    assert_code(&output, 2);
    assert_eq!(
        archive.clean(&output.stderr),
        "press: error: cannot use the template [ROOT]/templates/index.html: syntax error: unexpected end of block (in index.html:1)\n"
    );
    assert!(!archive.path().join("site").exists());
}

#[test]
fn export_unknown_setting_is_an_error_naming_the_file() {
    let archive = site_archive().file("press.toml", "titel = \"x\"\n");
    let output = export(&archive, &[]);
    assert_code(&output, 2);
    assert_eq!(
        stderr(&output),
        "press.toml:1:1: error: unknown setting `titel`\n  help: did you mean `title`?\n"
    );
    assert!(!archive.path().join("site").exists());
}

/// A front-matter value with every character that needs escaping somewhere.
const NASTY: &str = "<script>alert(1)</script> & \\\"q\\\" 'a' </title><!--";

/// An archive whose every front-matter field and setting holds characters to escape.
fn nasty_archive() -> Archive {
    let front = format!(
        "title: \"T {NASTY}\"\ndate: 2026-01-27\nspeaker:\n  name: \"S {NASTY}\"\n  role: \"R {NASTY}\"\n  organization: \"O {NASTY}\"\ntopics: [\"Top {NASTY}\"]\nlocation: \"L {NASTY}\"\nsummary: \"Sum {NASTY}\"\nbackground: \"B {NASTY}\"\nsource: \"https://example.org/?a=<script>&b='x'\""
    );
    Archive::empty()
        .file("press.toml", format!("title = \"Site {}\"\norganization = \"Org {}\"\ndescription = \"D {}\"\nbase_url = \"https://example.org/\"\n", NASTY, NASTY, NASTY))
        .file(
            "statements/2026/2026-01-27-x.md",
            format!("---\n{front}\n---\nBody <b>ok</b> & fine\n"),
        )
}

#[test]
fn export_escapes_every_front_matter_field() {
    let archive = nasty_archive();
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    let files = site_files(&archive, "site");
    check_pages(&files);
    assert_no_foreign_code(&files);
    let page = Html::parse_document(&archive.read("site/statements/2026/x/index.html"));
    let h1: String = page.select(&select("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "T <script>alert(1)</script> & \"q\" 'a' </title><!--");
    for feed in [
        "feed.xml",
        "topics/top-script-alert-1-script-q-a-title/feed.xml",
    ] {
        let parsed = feed_rs::parser::parse(archive.read(&format!("site/{feed}")).as_bytes())
            .unwrap_or_else(|err| panic!("{feed}: {err}"));
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(
            parsed.entries[0].title.as_ref().unwrap().content,
            "T <script>alert(1)</script> & \"q\" 'a' </title><!--"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&archive.read("site/feed.json")).unwrap();
    assert_eq!(
        json["items"][0]["title"],
        "T <script>alert(1)</script> & \"q\" 'a' </title><!--"
    );
    assert!(!archive.read("site/search/index.js").contains("</script"));
}

/// Elements that must never come from content.
const FORBIDDEN: [&str; 11] = [
    "iframe",
    "object",
    "embed",
    "base",
    "style",
    "math",
    "frame",
    "frameset",
    "applet",
    "meta[http-equiv]",
    "template",
];

/// No page runs foreign code: only the theme's own scripts, forms and SVG charts; no event
/// handler or style attribute; every URL relative or http(s)/mailto. Checked on the parsed
/// page and again after a serialise-and-reparse round.
fn assert_no_foreign_code(files: &BTreeMap<String, Vec<u8>>) {
    // What the loops below looked at, so that a selector matching nothing fails.
    let (mut pages, mut json_ld, mut urls) = (0, 0, 0);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let text = std::str::from_utf8(bytes).unwrap();
        let first = Html::parse_document(text);
        let again = Html::parse_document(&first.html());
        for html in [&first, &again] {
            for name in FORBIDDEN {
                assert!(
                    html.select(&select(name)).next().is_none(),
                    "{name} in {path}"
                );
            }
            // Structured data (JSON-LD) is the one inline script: data the browser never
            // runs, and it must parse as JSON.
            let data = select(r#"script[type="application/ld+json"]"#);
            for script in html.select(&data) {
                json_ld += 1;
                assert_eq!(
                    script.value().attr("src"),
                    None,
                    "JSON-LD with src in {path}"
                );
                let text = script.text().collect::<String>();
                assert!(
                    serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                    "JSON-LD that is not JSON in {path}: {text}"
                );
            }
            let code = select(r#"script:not([type="application/ld+json"])"#);
            for script in html.select(&code) {
                let src = script.value().attr("src").unwrap_or_default();
                assert!(
                    path == "search/index.html"
                        && (src == "index.js" || src.ends_with("search.js")),
                    "script {src:?} in {path}"
                );
                assert_eq!(
                    script.text().collect::<String>(),
                    "",
                    "inline script in {path}"
                );
            }
            for form in html.select(&select("form")) {
                assert!(
                    path == "search/index.html" && form.value().attr("role") == Some("search"),
                    "form in {path}"
                );
            }
            for svg in html.select(&select("svg")) {
                assert!(svg.value().classes().any(|c| c == "chart"), "svg in {path}");
            }
            if let Some(found) = html
                .select(&select(
                    ".content svg, .content math, .content script, .content form",
                ))
                .next()
            {
                panic!("{} in the content of {path}", found.value().name());
            }
            for element in html.select(&select("*")) {
                for (name, value) in element.value().attrs() {
                    assert!(
                        !name.starts_with("on"),
                        "{name} on {} in {path}",
                        element.value().name()
                    );
                    assert_ne!(name, "style", "style attribute in {path}");
                    if matches!(
                        name,
                        "href" | "src" | "action" | "formaction" | "xlink:href" | "poster" | "data"
                    ) {
                        urls += 1;
                        let folded: String = value
                            .chars()
                            .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                            .collect::<String>()
                            .to_ascii_lowercase();
                        let scheme_end = folded.find(['/', '?', '#']).unwrap_or(folded.len());
                        if let Some(colon) = folded[..scheme_end].find(':') {
                            assert!(
                                matches!(&folded[..colon], "http" | "https" | "mailto"),
                                "{name}={value:?} in {path}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(
        pages > 0 && json_ld > 0 && urls > 0,
        "{pages} pages, {json_ld} JSON-LD scripts, {urls} URLs"
    );
}

/// An archive whose body and background try every way to run code.
fn hostile_archive() -> Archive {
    let body = r#"
[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1))
[d](&#x6A;avascript:alert(1)) [e](<java
script:alert(1)>) [f](data:text/html,<script>alert(1)</script>) [g](vbscript:msgbox(1))
![h](javascript:alert(1)) [i]( javascript:alert(1)) [ok](https://example.org) [m](mailto:a@b.org)

[ref]: javascript:alert(1)
See [ref].

<script>alert(1)</script>
<iframe src="https://evil.example"></iframe>
<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/">
<form action="https://evil.example"><input name=x><button formaction="javascript:alert(1)">go</button></form>
<style>body{display:none}</style>
<a href="java&#10;script:alert(1)" onclick="alert(1)" style="color:red">x</a>
<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">y</a>
<a href="javascript&colon;alert(1)">z</a>
<img src=x.png onerror=alert(1)><img src="data:image/svg+xml,<svg onload=alert(1)>">
<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">s</a></svg>
<math><mi xlink:href="javascript:alert(1)">m</mi></math>
<div onmouseover="alert(1)">hover</div>
<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>
<table><td><style><img src=x onerror=alert(1)></style></td></table>
<details open ontoggle=alert(1)>d</details>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
"#;
    // `<img src=x.png>` is a real image (its handler is what must go), so its file is there.
    Archive::empty()
        .file(
            "statements/2026/2026-01-27-x.md",
            format!(
                "---\ntitle: X\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nbackground: {}\n---\n{body}",
                serde_json::to_string(body).unwrap()
            ),
        )
        .file("statements/2026/x.png", "x")
}

#[test]
fn export_hostile_bodies_run_no_code() {
    let archive = hostile_archive();
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    let files = site_files(&archive, "site");
    assert_no_foreign_code(&files);
    let page = archive.read("site/statements/2026/x/index.html");
    assert!(page.contains("href=\"https://example.org\""), "{page}");
    assert!(page.contains("href=\"mailto:a@b.org\""), "{page}");
    assert!(!page.to_lowercase().contains("javascript"), "{page}");
    // The feeds carry the same cleaned content.
    let feed = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    let content = feed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .clone()
        .unwrap();
    assert!(!content.to_lowercase().contains("javascript"), "{content}");
    assert!(!content.contains("<script"), "{content}");
}

#[test]
fn export_source_goes_through_the_allowlist() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-x.md",
        "---\ntitle: X\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nsource: \"https://example.org/a?b=1&c=<2>\"\n---\nBody\n",
    );
    assert_code(&export(&archive, &[]), 0);
    let page = archive.read("site/statements/2026/x/index.html");
    assert!(
        page.contains("href=\"https://example.org/a?b=1&amp;c=%3C2%3E\""),
        "{page}"
    );
}

#[test]
fn export_feeds_drop_characters_xml_forbids() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-x.md",
        "---\ntitle: \"X \\uFFFE y\"\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nsummary: \"S \\uFFFF\"\n---\nBody \u{fffe} here\n",
    );
    assert_code(&export(&archive, &[]), 0);
    for (path, bytes) in site_files(&archive, "site") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{fffe}', '\u{ffff}']),
            "a character XML forbids in {path}"
        );
    }
    let feed = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(feed.entries[0].title.as_ref().unwrap().content, "X  y");
    let json = feed_rs::parser::parse(archive.read("site/feed.json").as_bytes()).unwrap();
    assert_eq!(json.entries.len(), 1);
}

/// The JSON inside a search script (`prefix JSON);` or `prefix JSON;`).
fn script_json(text: &str, prefix: &str) -> serde_json::Value {
    let json = text
        .strip_prefix(prefix)
        .unwrap()
        .trim_end()
        .trim_end_matches(';')
        .trim_end_matches(')');
    serde_json::from_str(json).unwrap()
}

#[test]
fn export_search_index_is_split_and_compact() {
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let index = script_json(
        &archive.read("site/search/index.js"),
        "window.PRESS_SEARCH = ",
    );
    assert_eq!(index["count"], 4);
    assert_eq!(index["topics"][0], "Interpol");
    let shards: Vec<&str> = index["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(shards.contains(&"69-6e"), "{shards:?}");
    let terms = script_json(
        &archive.read("site/search/terms/69-6e.js"),
        "pressSearch.terms(\"69-6e\", ",
    );
    // "interpol": statements 0, 1 and 2 (newest first), delta-encoded.
    assert_eq!(terms["interpol"], serde_json::json!([0, 1, 1]));
    // "georgia": the Georgia statement (1) by its title, and the 2017 one (3) by its location
    // alone: a location is searchable.
    let terms = script_json(
        &archive.read("site/search/terms/67-65.js"),
        "pressSearch.terms(\"67-65\", ",
    );
    assert_eq!(terms, serde_json::json!({"georgia": [1, 2]}));
    let docs = script_json(
        &archive.read("site/search/docs/0.js"),
        "pressSearch.docs(0, ",
    );
    let slugs: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[2].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["interpol", "georgia", "sudan", "old"]);
    // No bodies in the index.
    let all: String = site_files(&archive, "site/search")
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(!all.contains("Read the"), "bodies stay out of the index");
    let page = archive.read("site/search/index.html");
    assert!(!page.contains("fetch("));
    assert!(!archive.read("site/search.js").contains("fetch("));
}

/// Whether an outside tool exists; without it a test skips, except under `CI=true`, where a
/// missing tool is a failure.
pub(crate) fn tool(name: &str) -> bool {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is required when CI=true"
        );
        eprintln!("skipped: {name} is not installed");
    }
    found
}

#[test]
fn export_search_script_finds_statements_by_word_prefixes() {
    if !tool("node") {
        return;
    }
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let run = |query: &str| -> Vec<String> {
        let output = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/search.js"))
            .arg(archive.path().join("site"))
            .arg(query)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .skip(1)
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                value["href"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    assert_eq!(
        run("interp GEOR"),
        ["../statements/2026/georgia/index.html"]
    );
    assert_eq!(
        run("ana"),
        [
            "../statements/2026/georgia/index.html",
            "../statements/2025/sudan/index.html",
            "../statements/2017/old/index.html"
        ]
    );
    assert_eq!(run("بيان"), ["../statements/2025/sudan/index.html"]);
    assert!(run("nothing-like-this").is_empty());
    // Every result link resolves from the search page.
    let files = site_files(&archive, "site");
    for href in run("g") {
        let target = target_of("search/index.html", &href).unwrap();
        assert!(files.contains_key(&target), "{href}");
    }
}

#[test]
fn export_options_override_the_settings() {
    let archive = site_archive();
    let output = export(
        &archive,
        &["--base-url", "https://other.example/x", "--per-page", "10"],
    );
    assert_code(&output, 0);
    let atom = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    assert_eq!(
        atom.entries[0].id,
        "https://other.example/x/statements/2026/interpol/"
    );
    assert_eq!(
        atom.title.unwrap().content,
        "Test Newsroom",
        "other settings kept"
    );
    assert!(!archive.path().join("site/page/2/index.html").exists());
    assert!(!archive.path().join("site/topics/interpol/page/2").exists());
    let output = export(&archive, &["--base-url", "javascript:alert(1)"]);
    assert_code(&output, 2);
    assert_eq!(
        stderr(&output),
        "press: error: invalid --base-url: \"javascript:alert(1)\" must be an absolute http or https URL\n"
    );
}

/// An archive of one statement (as the bundled one) says "1 statement", never "1 statements":
/// the home page's description and its chart.
#[test]
fn export_of_one_statement_speaks_of_it_in_the_singular() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-interpol.md",
        support::statement(&support::front("Global: Interpol", "2026-01-27"), "Text.\n"),
    );
    let output = export(&archive, &[]);
    assert_code(&output, 0);
    let home = archive.read("site/index.html");
    let document = Html::parse_document(&home);
    let description = Selector::parse(r#"meta[name="description"]"#).unwrap();
    let chart = Selector::parse("svg.chart desc").unwrap();
    let found = [
        document
            .select(&description)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_default()
            .to_owned(),
        document
            .select(&chart)
            .next()
            .map(|d| d.text().collect::<String>())
            .unwrap_or_default(),
    ];
    insta::assert_snapshot!(found.join("\n"), @"
    1 statement
    1 statement in these ten years; the busiest month had 1 in January 2026.
    ");
    for (path, bytes) in site_files(&archive, "site") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("1 statements"), "{path}");
    }
}

/// A base URL with a query or fragment would end up in the middle of every URL made from it:
/// refused, from the option and from press.toml, before anything is written.
#[test]
fn export_refuses_a_base_url_with_a_query_or_fragment() {
    let archive = site_archive();
    let output = export(
        &archive,
        &["--base-url", "https://example.org/press/?x=1#f"],
    );
    assert_code(&output, 2);
    insta::assert_snapshot!(stderr(&output), @r#"press: error: invalid --base-url: "https://example.org/press/?x=1#f" must not have a query (`?…`) and a fragment (`#…`): pages' URLs are made by adding paths to it; use "https://example.org/press/""#);
    assert!(!archive.path().join("site").exists());
    archive.write(
        "press.toml",
        "title = \"Test Newsroom\"\nbase_url = \"https://example.org/press/?x=1\"\n",
    );
    let output = export(&archive, &[]);
    assert_code(&output, 2);
    insta::assert_snapshot!(archive.clean(&output.stderr), @r#"
    press.toml:2:1: error: `base_url` "https://example.org/press/?x=1" must not have a query (`?…`): pages' URLs are made by adding paths to it; use "https://example.org/press/"
      help: write the address the site is published at, e.g. https://example.org/press/
    "#);
    assert!(!archive.path().join("site").exists());
    archive.write(
        "press.toml",
        "base_url = \"https://example.org/press/#f\"\n",
    );
    let output = export(&archive, &[]);
    assert_code(&output, 2);
    assert_eq!(
        stderr(&output),
        "press.toml:1:1: error: `base_url` \"https://example.org/press/#f\" must not have a fragment (`#…`): pages' URLs are made by adding paths to it; use \"https://example.org/press/\"\n  \
         help: write the address the site is published at, e.g. https://example.org/press/\n"
    );
    assert!(!archive.path().join("site").exists());
}

/// A GET request to 127.0.0.1: status code and body.
fn http_get(port: u16, path: &str) -> (u16, String) {
    use std::io::{Read as _, Write as _};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// `press serve --port 0` on an archive, with a temporary folder of its own (`TMPDIR`). Dropped,
/// it is stopped as Ctrl-C would stop it (killed if it does not stop within ten seconds), so a
/// failing test leaves no server behind.
struct Server {
    child: std::process::Child,
    tmp: tempfile::TempDir,
    /// Once it stopped: its process id may then be another process's, never signalled.
    stopped: Option<std::process::ExitStatus>,
}

impl Server {
    fn start(archive: &Archive) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let child = archive
            .press()
            .args(["serve", "--port", "0"])
            .env("TMPDIR", tmp.path())
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        Self {
            child,
            tmp,
            stopped: None,
        }
    }

    /// Sends SIGTERM; the exit status, if the server stopped within ten seconds.
    fn stop(&mut self) -> Option<std::process::ExitStatus> {
        if self.stopped.is_some() {
            return self.stopped;
        }
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.child.id()).ok()?);
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.stopped = Some(status);
                return self.stopped;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.stop().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn serve_previews_the_site_and_follows_changes() {
    use std::io::BufRead as _;
    let archive = site_archive();
    let mut server = Server::start(&archive);
    let stderr = server.child.stderr.take().unwrap();
    let (lines, line) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for text in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines.send(text);
        }
    });
    let port: u16 = loop {
        let text = line
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("serve starts within a minute");
        if let Some(rest) = text.strip_prefix("press: serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    let (status, body) = http_get(port, "/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Test Newsroom</h1>"), "{body}");
    let (status, _) = http_get(port, "/topics/interpol/");
    assert_eq!(status, 200);
    let (status, body) = http_get(port, "/no/such/page");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    assert_eq!(http_get(port, "/../../etc/passwd").0, 404);

    let file = archive.path().join("statements/2017/2017-03-01-old.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("Old statement from 2017", "Renamed old statement"),
    )
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let (_, body) = http_get(port, "/statements/2017/old/index.html");
        if body.contains("Renamed old statement") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no re-export after a change"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }

    // Stopped as Ctrl-C stops it: it says so, exits 0 and removes its temporary folder.
    let status = server.stop().expect("serve stops on SIGTERM");
    assert!(status.success(), "{status}");
    let said: Vec<String> = line.iter().collect();
    assert!(said.iter().any(|l| l == "press: stopped"), "{said:?}");
    assert_eq!(fs::read_dir(server.tmp.path()).unwrap().count(), 0);
}

/// The browser-test tools folder (`npm ci --prefix tests/browser` installs it).
pub(crate) fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// An installed file of the browser tools, or a skip (a failure under `CI=true`).
pub(crate) fn browser_tool(relative: &str) -> Option<PathBuf> {
    let path = browser_dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is required when CI=true (npm ci --prefix tests/browser)",
        path.display()
    );
    eprintln!("skipped: {} is not installed", path.display());
    None
}

/// The machine's Chromium, or a skip (a failure under `CI=true`).
pub(crate) fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .or_else(|| {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "chromium is required when CI=true (apt-get install chromium)"
            );
            eprintln!("skipped: chromium is not installed");
            None
        })
}

#[test]
fn export_pages_pass_the_nu_validator() {
    if !tool("java") {
        return;
    }
    let Some(vnu) = browser_tool("node_modules/vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    // The hostile archive is left out: its raw HTML is invalid on purpose (a `<details>` with no
    // `<summary>`), and only its safety is promised.
    let archives = [site_archive(), nasty_archive()];
    let mut command = Command::new("java");
    command
        .arg("-jar")
        .arg(vnu)
        .args(["--errors-only", "--skip-non-html", "--also-check-css"]);
    for archive in &archives {
        assert_code(&export(archive, &[]), 0);
        command.arg(archive.path().join("site"));
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "the Nu checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
}

/// Loads `url` in headless Chromium and returns the DOM after scripts ran.
fn dump_dom(browser: &str, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// The result links of a dumped search page.
fn search_results(dom: &str) -> Vec<String> {
    Html::parse_document(dom)
        .select(&select("#search-results li > a"))
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect()
}

#[test]
fn export_search_works_in_headless_chromium_from_disk_and_http() {
    let Some(browser) = chromium() else {
        return;
    };
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let expected = [
        "../statements/2026/interpol/index.html",
        "../statements/2026/georgia/index.html",
        "../statements/2025/sudan/index.html",
    ];
    let page = archive.path().join("site/search/index.html");
    let dom = dump_dom(browser, &format!("file://{}?q=interpol", page.display()));
    assert_eq!(search_results(&dom), expected, "{dom}");
    let dom = dump_dom(browser, &format!("file://{}?q=geor+releas", page.display()));
    assert_eq!(
        search_results(&dom),
        ["../statements/2026/georgia/index.html"]
    );

    // The same page served over HTTP on 127.0.0.1 (by `press serve`).
    use std::io::BufRead as _;
    let mut server = Server::start(&archive);
    let lines = std::io::BufReader::new(server.child.stderr.take().unwrap()).lines();
    let port: u16 = lines
        .map_while(Result::ok)
        .find_map(|text| {
            text.strip_prefix("press: serving http://127.0.0.1:")
                .map(|rest| rest.split('/').next().unwrap().parse().unwrap())
        })
        .unwrap();
    let dom = dump_dom(
        browser,
        &format!("http://127.0.0.1:{port}/search/index.html?q=interpol"),
    );
    assert_eq!(search_results(&dom), expected, "{dom}");
}

#[test]
fn export_pages_have_no_axe_violations_in_light_and_dark() {
    let Some(browser) = chromium() else {
        return;
    };
    if !tool("node") {
        return;
    }
    let Some(_) = browser_tool("node_modules/axe-core/axe.min.js") else {
        return;
    };
    let Some(_) = browser_tool("node_modules/puppeteer-core/package.json") else {
        return;
    };
    let archive = site_archive();
    assert_code(&export(&archive, &[]), 0);
    let browser_path = String::from_utf8(
        Command::new("sh")
            .args(["-c", &format!("command -v {browser}")])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let output = Command::new("node")
        .arg(browser_dir().join("axe.js"))
        .arg(browser_path.trim())
        .arg(archive.path().join("site"))
        .arg(&shots)
        .args([
            "index.html",
            "statements/2026/interpol/index.html",
            "topics/interpol/index.html",
            "search/index.html",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mut checked = 0;
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let result: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            result["violations"],
            serde_json::json!([]),
            "axe violations on {} ({})",
            result["page"],
            result["scheme"]
        );
        checked += 1;
    }
    assert_eq!(checked, 8, "four pages, light and dark");
    assert!(shots.join("home-light-390.png").exists());
}

/// Issue: a linked local file whose real path is outside the archive (through a symbolic link,
/// to the file or to a folder on the way) was copied into the site, publishing e.g.
/// `/etc/shadow`. It is now an error on the link, in `check` and `export`, and never copied; a
/// symbolic link that stays inside the archive still works, unless it leads to a hidden file.
#[cfg(unix)]
#[test]
fn export_never_copies_a_file_a_symlink_leads_out_to() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "SECRET").unwrap();
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-01-t.md",
            "---\ntitle: \"T\"\ndate: 2026-01-01\nspeaker: \"X\"\ntopics: [\"a\"]\n---\n\
             [a](../../assets/h.txt) [b](h2.txt) [c](/assets/out/secret.txt) [d](/assets/in.txt) [e](/assets/key.txt)\n",
        )
        .file("assets/real.txt", "PUBLIC")
        .file(".private/key", "SECRET");
    let root = archive.path();
    symlink(outside.path().join("secret.txt"), root.join("assets/h.txt")).unwrap();
    symlink(
        outside.path().join("secret.txt"),
        root.join("statements/2026/h2.txt"),
    )
    .unwrap();
    symlink(outside.path(), root.join("assets/out")).unwrap();
    symlink("real.txt", root.join("assets/in.txt")).unwrap();
    // Inside, but hidden: not published either.
    symlink("../.private/key", root.join("assets/key.txt")).unwrap();

    let run = support::press(&archive, &["check"]);
    run.code(1);
    insta::assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-01-t.md:7:1: error: link to a file outside the archive "../../assets/h.txt" (a symbolic link leads out)
      help: copy the file beside the statement or under assets/ instead of linking to it
    statements/2026/2026-01-01-t.md:7:25: error: link to a file outside the archive "h2.txt" (a symbolic link leads out)
      help: copy the file beside the statement or under assets/ instead of linking to it
    statements/2026/2026-01-01-t.md:7:37: error: link to a file outside the archive "/assets/out/secret.txt" (a symbolic link leads out)
      help: copy the file beside the statement or under assets/ instead of linking to it
    statements/2026/h2.txt:1:1: warning: skipped: symlink points outside statements/ and is not followed
      help: copy the file into statements/ instead of linking it
    checked 1 statement: 3 errors, 1 warning
    "#);

    let run = support::press(&archive, &["export"]);
    run.code(1);
    assert!(!root.join("site").exists(), "nothing written");
    let run = support::press(&archive, &["export", "--keep-going"]);
    run.code(1);
    let site = site_files(&archive, "site");
    assert!(
        !site
            .values()
            .any(|bytes| bytes.windows(6).any(|w| w == b"SECRET")),
        "{:?}",
        site.keys().collect::<Vec<_>>()
    );
    assert_eq!(
        site.get("assets/in.txt").map(Vec::as_slice),
        Some(&b"PUBLIC"[..])
    );
    assert!(!site.contains_key("assets/h.txt"));
    assert!(!site.contains_key("statements/2026/h2.txt"));
    assert!(!site.contains_key("assets/key.txt"));
}

/// `statements/` may be a symbolic link (the walk reads through it): a file beside a statement
/// is inside the archive, checked and copied as usual.
#[cfg(unix)]
#[test]
fn export_copies_a_file_beside_a_statement_when_statements_is_a_link() {
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("2026");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("2026-01-01-photo.md"),
        "---\ntitle: \"T\"\ndate: 2026-01-01\nspeaker: \"X\"\ntopics: [\"a\"]\n---\n![A photo](photo.jpg)\n",
    )
    .unwrap();
    fs::write(dir.join("photo.jpg"), "JPEG").unwrap();
    let archive = Archive::empty();
    let _ = fs::remove_dir(archive.path().join("statements"));
    std::os::unix::fs::symlink(elsewhere.path(), archive.path().join("statements")).unwrap();
    let run = support::press(&archive, &["check"]);
    run.code(0);
    assert_code(&export(&archive, &[]), 0);
    assert_eq!(
        fs::read_to_string(archive.path().join("site/statements/2026/photo.jpg")).unwrap(),
        "JPEG"
    );
}

/// The archive's own folder and every folder above it are refused, with the reason, even with
/// `--force`, however they are written; nothing is written into them.
#[test]
fn export_refuses_the_archive_and_its_parents_even_with_force() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("news");
    fs::create_dir_all(&root).unwrap();
    copy_tree(&support::fixtures().join("site"), &root);
    let statements = root.join("statements");
    let elsewhere = tempfile::tempdir().unwrap();
    let shown = |path: &Path| path.to_string_lossy().into_owned();
    let cases = [
        // From another folder, the archive named with -C.
        (elsewhere.path(), shown(outer.path())),
        (elsewhere.path(), shown(&root)),
        // From inside the archive.
        (root.as_path(), "..".to_owned()),
        (root.as_path(), "../".to_owned()),
        (root.as_path(), shown(outer.path())),
        (statements.as_path(), "..".to_owned()),
        (statements.as_path(), "../..".to_owned()),
    ];
    let listing = |dir: &Path| {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let archive_before = listing(&root);
    for (cwd, out) in &cases {
        let mut command = support::press_in(cwd);
        command.args(["-C", &shown(&root), "export", "--out", out, "--force"]);
        let run = support::run(command);
        run.code(2);
        assert_eq!(
            run.err(),
            format!(
                "press: error: refusing to export into {out}: it holds the archive itself (statements/); pass --out with a folder of its own, such as site\n"
            ),
            "{out} from {}",
            cwd.display()
        );
        assert_eq!(
            listing(outer.path()),
            ["news"],
            "{out}: nothing written beside the archive"
        );
        assert_eq!(
            listing(&root),
            archive_before,
            "{out}: nothing written into the archive"
        );
        assert!(listing(elsewhere.path()).is_empty(), "{out}");
    }
}

/// A body and background of Markdown only (no raw HTML, so ammonia never sees them): unsafe link
/// and image URLs are dropped on the Markdown path, their text kept, in pages and feeds.
#[test]
fn export_drops_unsafe_markdown_links_without_raw_html() {
    let markdown = "[a](javascript:alert(1)) ![b](JaVaScRiPt:x) [c](javascript&colon;x) [d](vbscript:y) [e](data:text/html,x) [ok](https://example.org/)";
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-x.md",
        format!(
            "---\ntitle: X\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\nbackground: {}\n---\n{markdown}\n",
            serde_json::to_string(markdown).unwrap()
        ),
    );
    assert_code(&export(&archive, &[]), 0);
    let expected = "<p>a b c d e <a href=\"https://example.org/\">ok</a></p>";
    let page = archive.read("site/statements/2026/x/index.html");
    assert_eq!(
        page.matches(expected).count(),
        2,
        "body and background: {page}"
    );
    // The feeds with full content carry the body as the page does (topic feeds carry only the
    // summary's text).
    let atom = feed_rs::parser::parse(archive.read("site/feed.xml").as_bytes()).unwrap();
    let content = atom.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .clone()
        .unwrap();
    assert!(content.contains(expected), "{content}");
    let json: serde_json::Value = serde_json::from_str(&archive.read("site/feed.json")).unwrap();
    let content = json["items"][0]["content_html"].as_str().unwrap();
    assert!(content.contains(expected), "{content}");
    let files = site_files(&archive, "site");
    assert_no_foreign_code(&files);
    // (The search page and its script name JavaScript by design.)
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| !p.starts_with("search") && !p.ends_with(".js"))
    {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for bad in ["javascript", "vbscript", "data:text"] {
            assert!(!text.contains(bad), "{bad} in {path}");
        }
    }
}
