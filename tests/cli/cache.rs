//! The cache under `.press/`: every change to the statement files is seen at once, a damaged or
//! unwritable cache is never a problem, and answers are the same with and without it.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use press::catalog::{Catalog, Options};

/// Runs `press` on the archive; returns (exit code, stdout, stderr).
fn press(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_press"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env("PRESS_NOW", "2027-01-01T00:00:00+00:00")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn load(root: &Path, words: &[String]) -> Catalog {
    let options = Options {
        cache: true,
        words,
        excerpts: false,
        quotes: false,
    };
    Catalog::load(root, options).unwrap()
}

/// What export loads of one statement: its excerpt, and its page texts (digest, background,
/// source).
type ExportFacts = (
    Option<String>,
    Option<(u64, Option<String>, Option<String>)>,
);

/// Every statement's [`ExportFacts`], loaded with or without the cache; the page texts are
/// checked against a full parse of the file.
fn excerpts(root: &Path, cache: bool) -> Vec<ExportFacts> {
    let options = Options {
        cache,
        words: &[],
        excerpts: true,
        quotes: false,
    };
    let catalog = Catalog::load(root, options).unwrap();
    let texts = catalog
        .texts
        .as_ref()
        .expect("export's catalog has page texts");
    catalog
        .summaries
        .iter()
        .map(|s| {
            let text = texts.get(s.id as usize).map(|t| {
                (
                    t.digest,
                    t.background.map(str::to_owned),
                    t.source.map(str::to_owned),
                )
            });
            let full = catalog.statement(s).unwrap();
            assert_eq!(
                text,
                Some((s.digest, full.background, full.source)),
                "{}",
                s.path
            );
            (s.excerpt.clone(), text)
        })
        .collect()
}

fn statement(title: &str, topic: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: 2026-01-27\nspeaker: Ann Example\ntopics: [{topic}]\n---\n{body}\n"
    )
}

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join("statements/2026").join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A small archive whose files are older than the racy window, with a warm cache.
fn warm_archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "2026-01-27-alpha.md",
        &statement("Alpha", "torture", "Interpol misuse."),
    );
    write(
        root,
        "2026-01-27-beta.md",
        &statement("Beta", "refugees", "Asylum seekers."),
    );
    write(root, "2026-01-27-broken.md", "no front matter\n");
    // Past the racy window: the cache written next trusts these files.
    std::thread::sleep(cache_racy_window());
    let cold = load(root, &[]);
    assert_eq!(cold.parsed, 3);
    let warm = load(root, &[]);
    assert_eq!(warm.parsed, 0, "a warm cache parses nothing");
    dir
}

fn cache_racy_window() -> Duration {
    press::cache::RACY + Duration::from_millis(100)
}

fn titles(catalog: &Catalog) -> Vec<&str> {
    catalog.summaries.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn cache_sees_a_same_size_edit_with_the_modification_time_restored() {
    let dir = warm_archive();
    let root = dir.path();
    let path = root.join("statements/2026/2026-01-27-alpha.md");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("Alpha", "Omega");
    fs::write(&path, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_times(fs::FileTimes::new().set_modified(modified))
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    let catalog = load(root, &["omega".to_owned()]);
    assert_eq!(catalog.parsed, 1, "only the edited file is read again");
    // Same day: ordered by slug, and the slug (from the file name) is still `alpha`.
    assert_eq!(titles(&catalog), ["Omega", "Beta"]);
    assert!(catalog.matches_text(&catalog.summaries[0]));
    assert!(!catalog.matches_text(&catalog.summaries[1]));
    let (_, out, _) = press(root, &["list", "--text", "alpha", "--count"]);
    assert_eq!(out, "0\n");
}

#[test]
fn cache_sees_added_and_removed_files() {
    let dir = warm_archive();
    let root = dir.path();
    write(
        root,
        "2026-01-27-gamma.md",
        &statement("Gamma", "torture", "Interpol again."),
    );
    let catalog = load(root, &["interpol".to_owned()]);
    assert_eq!(catalog.parsed, 1);
    assert_eq!(titles(&catalog), ["Alpha", "Beta", "Gamma"]);
    let hits: Vec<&str> = catalog
        .summaries
        .iter()
        .filter(|s| catalog.matches_text(s))
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(hits, ["Alpha", "Gamma"]);
    fs::remove_file(root.join("statements/2026/2026-01-27-alpha.md")).unwrap();
    let catalog = load(root, &["interpol".to_owned()]);
    // Gamma is still within the racy window, so it is read again; nothing else is.
    assert_eq!(catalog.parsed, 1, "a removal needs no parsing");
    assert_eq!(titles(&catalog), ["Beta", "Gamma"]);
    let (_, out, _) = press(root, &["list", "--text", "interpol", "--format", "paths"]);
    assert_eq!(out, "statements/2026/2026-01-27-gamma.md\n");
    let (_, out, _) = press(root, &["topics"]);
    assert_eq!(
        out,
        "TOPIC     STATEMENTS  FIRST       LAST\n\
         refugees           1  2026-01-27  2026-01-27\n\
         torture            1  2026-01-27  2026-01-27\n"
    );
}

#[test]
fn cache_keeps_the_warnings_of_bad_files() {
    let dir = warm_archive();
    let (code, _, err) = press(dir.path(), &["list"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "statements/2026/2026-01-27-broken.md:1:1: warning: missing front matter: the file must \
         start with a line `---`\n  help: start the file with `---`, the keys title, date, \
         speaker and topics, then another `---` line\n"
    );
    assert_eq!(
        press(dir.path(), &["list", "--no-cache"]),
        press(dir.path(), &["list"])
    );
}

#[test]
fn cache_that_is_corrupt_or_from_another_version_is_rebuilt_silently() {
    let dir = warm_archive();
    let root = dir.path();
    let expected = press(root, &["list", "--text", "asylum"]);
    let cache = press::cache::path(root);
    let good = fs::read(&cache).unwrap();
    let mut damaged = good.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0xff;
    let mut other_format = good.clone();
    other_format[8] = other_format[8].wrapping_add(1);
    for bad in [
        damaged,
        good[..good.len() / 3].to_vec(),
        other_format,
        b"junk".to_vec(),
        vec![],
    ] {
        fs::write(&cache, &bad).unwrap();
        assert_eq!(press(root, &["list", "--text", "asylum"]), expected);
        assert_eq!(load(root, &[]).parsed, 0, "the rebuilt cache is used again");
    }
}

#[test]
fn cache_that_cannot_be_written_is_no_problem() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "2026-01-27-alpha.md",
        &statement("Alpha", "torture", "Interpol misuse."),
    );
    // `.press` is a file, so no cache can be made there.
    fs::write(root.join(".press"), "not a folder").unwrap();
    let (code, out, err) = press(root, &["list", "--text", "interpol", "--format", "paths"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "statements/2026/2026-01-27-alpha.md\n", "")
    );
    assert_eq!(load(root, &[]).parsed, 1);
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "2026-01-27-alpha.md",
        &statement("Alpha", "torture", "Interpol misuse."),
    );
    let (code, out, _) = press(root, &["--no-cache", "show", "alpha"]);
    assert_eq!(code, 0);
    assert!(out.contains("Interpol misuse."), "{out}");
    assert!(!root.join(".press").exists());
    press(root, &["list"]);
    // What the cache gives is what the files give.
    let (code, cached, _) = press(root, &["show", "alpha"]);
    assert_eq!((code, cached), (0, out));
    assert!(press::cache::path(root).exists());
    assert!(fs::read_to_string(root.join(".press/.gitignore")).unwrap() == "*\n");
}

#[test]
fn cache_gives_the_same_answers_as_no_cache_on_a_generated_archive() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    press::generate::write_archive(root, 600, 7).unwrap();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--topic", "human-rights-defenders", "--count"],
        &["list", "--text", "in", "--format", "csv"],
        &["list", "--text", "interpol arr", "--format", "json"],
        &[
            "list",
            "--drafts",
            "--sort",
            "title",
            "--reverse",
            "--format",
            "jsonl",
        ],
        &[
            "list", "--since", "2000", "--until", "2010-06", "--format", "paths",
        ],
        &["topics"],
        &["speakers", "--format", "json"],
        &["locations", "--drafts"],
        &["show", "no-such-slug"],
    ];
    for args in commands {
        let without: Vec<&str> = [&["--no-cache"], *args].concat();
        let expected = press(root, &without);
        assert_eq!(press(root, args), expected, "cold cache: {args:?}");
        assert_eq!(press(root, args), expected, "warm cache: {args:?}");
    }
    let slug = press(root, &["list", "--format", "paths", "--limit", "1"]).1;
    let slug = slug.trim().rsplit('/').next().unwrap();
    let slug = &slug[11..slug.len() - 3];
    for format in ["text", "json", "markdown"] {
        let expected = press(root, &["--no-cache", "show", slug, "--format", format]);
        assert_eq!(expected.0, 0);
        assert_eq!(press(root, &["show", slug, "--format", format]), expected);
    }
}

/// Excerpts (export's card text) and page texts (background, source) live in sections of their
/// own in the cache, read only when asked for: they must match a fresh parse whether the cache
/// was just written, reused, or rewritten after an edit, and listing never fills them.
#[test]
fn cache_keeps_excerpts_and_page_texts_for_export_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    press::generate::write_archive(root, 200, 3).unwrap();
    // Files written within the racy window would be read again on every load.
    std::thread::sleep(cache_racy_window());
    let expected = excerpts(root, false);
    assert!(
        expected
            .iter()
            .all(|(e, _)| e.as_ref().is_some_and(|e| !e.is_empty()))
    );
    assert!(
        expected
            .iter()
            .any(|(_, t)| t.as_ref().is_some_and(|t| t.1.is_some()))
    );
    assert_eq!(excerpts(root, true), expected, "cache written");
    assert_eq!(excerpts(root, true), expected, "cache reused");
    let listed = load(root, &[]);
    assert!(listed.summaries.iter().all(|s| s.excerpt.is_none()));
    assert!(listed.texts.is_none());
    let mut files = walk(&root.join("statements"));
    files.sort();
    let edited = &files[files.len() / 2];
    let text = fs::read_to_string(edited).unwrap();
    fs::write(edited, format!("{text}\nOne more sentence.\n")).unwrap();
    // Export leaves the cache as it is after so small a change, and reads the file again.
    let cache_file = root.join(".press/cache.bin");
    let before = fs::read(&cache_file).unwrap();
    assert_eq!(
        excerpts(root, true),
        excerpts(root, false),
        "cache left as it was by export"
    );
    assert!(fs::read(&cache_file).unwrap() == before);
    load(root, &[]); // a listing rewrites the cache after the edit
    assert!(fs::read(&cache_file).unwrap() != before);
    assert_eq!(
        excerpts(root, true),
        excerpts(root, false),
        "cache rewritten by a listing"
    );
}

/// The Markdown files under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    found
}
