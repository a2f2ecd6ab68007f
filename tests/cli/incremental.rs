//! Incremental `press export`: after any change to a generated archive of 300 statements (a
//! body, a title, a new or removed file, a template, a setting, an option, the clock, an image),
//! exporting into the folder that holds the previous export gives exactly the site a fresh export
//! of the same archive gives (same files, same folders, same bytes), and every file whose bytes
//! did not change keeps its inode and modification time. A page edited by hand in the output is
//! put back, and a failing export leaves the previous site as it was, with no temporary files.
//!
//! "Fresh" means a copy of the archive's sources (no `.press/` cache, no output folder) exported
//! with `--no-cache` into a new folder. Press's own bookkeeping at the top of the output folder
//! ([`BOOKKEEPING`]) is not compared; any other name starting with `.press` there is a leftover.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{self, Archive, Run};

/// How many statements the generated archive holds.
const COUNT: usize = 300;

/// The generator's seed (any seed works; this one is fixed so failures reproduce).
const SEED: u64 = 7;

/// The settings of the generated archive: a base URL, so the sitemap and absolute feed links are
/// part of the site too.
const SETTINGS: &str =
    "title = \"Incremental Newsroom\"\nbase_url = \"https://press.example.org/news/\"\n";

/// Press's own files at the top of the output folder, never compared: the manifest of written
/// files and the incremental export's state (a file or a folder).
const BOOKKEEPING: [&str; 2] = [".press-manifest", ".press-state"];

/// A site as it is on disk: every file's bytes and every folder, by path relative to the output
/// folder, without [`BOOKKEEPING`].
#[derive(Debug, Default, PartialEq, Eq)]
struct Site {
    files: BTreeMap<String, Vec<u8>>,
    dirs: BTreeSet<String>,
}

/// What an incremental export changed, compared with the site before it.
#[derive(Debug)]
struct Changes {
    /// Files that are new or whose bytes changed.
    changed: BTreeSet<String>,
    /// Files that are gone.
    removed: BTreeSet<String>,
    /// How many files the site had before.
    before: usize,
}

/// One statement as `press list --format json` shows it.
#[derive(Debug, Clone)]
struct Listed {
    path: String,
    slug: String,
    title: String,
    date: String,
    topics: Vec<String>,
}

impl Listed {
    /// The path of its page in the site.
    fn page(&self) -> String {
        format!("statements/{}/{}/index.html", &self.date[..4], self.slug)
    }
}

/// A generated archive of [`COUNT`] statements with [`SETTINGS`], its files older than the
/// cache's racy window (so a cache written now trusts them, as it would days after the edits),
/// exported once into `site/`.
fn generated() -> Archive {
    let archive = Archive::empty();
    let out = archive.path().display().to_string();
    let count = COUNT.to_string();
    let seed = SEED.to_string();
    let run = support::press(
        &archive,
        &[
            "generate", "--count", &count, "--seed", &seed, "--out", &out,
        ],
    );
    run.code(0);
    archive.write("press.toml", SETTINGS);
    std::thread::sleep(press::cache::RACY + Duration::from_millis(100));
    export_ok(&archive, &[]);
    archive
}

/// The output folder of the archive's default export.
fn site_dir(archive: &Archive) -> PathBuf {
    archive.path().join("site")
}

/// Runs `press export ARGS` in the archive (with its cache) and returns the run.
fn export(archive: &Archive, args: &[&str]) -> Run {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    support::press(archive, &all)
}

/// Runs `press export ARGS`, asserting success and that no temporary file is left behind.
fn export_ok(archive: &Archive, args: &[&str]) -> Run {
    let run = export(archive, args);
    run.code(0);
    assert_no_leftovers(archive);
    run
}

/// The site in `dir` (without [`BOOKKEEPING`]).
fn site(dir: &Path) -> Site {
    let mut found = Site::default();
    collect(dir, "", &mut found);
    found
}

fn collect(dir: &Path, prefix: &str, found: &mut Site) {
    for entry in fs::read_dir(dir).unwrap_or_else(|err| panic!("read {}: {err}", dir.display())) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if prefix.is_empty() && BOOKKEEPING.contains(&name.as_str()) {
            continue;
        }
        let relative = format!("{prefix}{name}");
        if entry.file_type().unwrap().is_dir() {
            found.dirs.insert(relative.clone());
            collect(&entry.path(), &format!("{relative}/"), found);
        } else {
            found
                .files
                .insert(relative, fs::read(entry.path()).unwrap());
        }
    }
}

/// Copies a folder's contents into another, recursively.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The site a fresh export of the archive gives: its sources (everything but `.press/` and
/// output folders, those holding a `.press-manifest`) copied into a new archive, exported there
/// with `--no-cache` and `export ARGS`.
fn fresh_export(archive: &Archive, args: &[&str]) -> Site {
    let fresh = Archive::empty();
    for entry in fs::read_dir(archive.path()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == ".press" || entry.path().join(BOOKKEEPING[0]).exists() {
            continue;
        }
        let target = fresh.path().join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    let mut all = vec!["--no-cache", "export"];
    all.extend_from_slice(args);
    support::press(&fresh, &all).code(0);
    assert!(
        !fresh.path().join(".press").exists(),
        "--no-cache wrote no cache"
    );
    site(&site_dir(&fresh))
}

/// The first byte where two texts differ, with some context of each, for failure messages.
fn first_difference(actual: &[u8], expected: &[u8]) -> String {
    let at = actual
        .iter()
        .zip(expected)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| actual.len().min(expected.len()));
    let window = |bytes: &[u8]| {
        let start = at.saturating_sub(80);
        let end = (at + 80).min(bytes.len());
        String::from_utf8_lossy(&bytes[start.min(end)..end]).into_owned()
    };
    format!(
        "first difference at byte {at} (lengths {} and {})\n  got:      {:?}\n  expected: {:?}",
        actual.len(),
        expected.len(),
        window(actual),
        window(expected)
    )
}

/// Asserts two sites are the same: same folders, same files, same bytes; on failure, names the
/// missing, extra and differing paths (the first few of each) and shows the first difference.
fn assert_same_site(actual: &Site, expected: &Site, what: &str) {
    if actual == expected {
        return;
    }
    let first = |set: Vec<&String>| -> String {
        let shown: Vec<&str> = set.iter().take(8).map(|s| s.as_str()).collect();
        format!("{} {:?}", set.len(), shown)
    };
    let missing: Vec<&String> = expected
        .files
        .keys()
        .filter(|p| !actual.files.contains_key(*p))
        .collect();
    let extra: Vec<&String> = actual
        .files
        .keys()
        .filter(|p| !expected.files.contains_key(*p))
        .collect();
    let differing: Vec<&String> = actual
        .files
        .iter()
        .filter(|(p, bytes)| expected.files.get(*p).is_some_and(|e| e != *bytes))
        .map(|(p, _)| p)
        .collect();
    let missing_dirs: Vec<&String> = expected.dirs.difference(&actual.dirs).collect();
    let extra_dirs: Vec<&String> = actual.dirs.difference(&expected.dirs).collect();
    let detail = differing
        .first()
        .map(|p| {
            format!(
                "{p}: {}",
                first_difference(&actual.files[*p], &expected.files[*p])
            )
        })
        .unwrap_or_default();
    panic!(
        "{what}: the incremental export differs from a fresh export\n  missing files: {}\n  extra files: {}\n  differing files: {}\n  missing folders: {}\n  extra folders: {}\n{detail}",
        first(missing),
        first(extra),
        first(differing),
        first(missing_dirs),
        first(extra_dirs)
    );
}

/// Asserts no temporary file or folder is left: nothing under the output folder whose name
/// starts with `.press` except [`BOOKKEEPING`] at its top, and nothing named `.press-*` beside
/// the output folder (the archive root, where only the cache folder `.press/` may be).
fn assert_no_leftovers(archive: &Archive) {
    fn walk(dir: &Path, top: bool, found: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if top && BOOKKEEPING.contains(&name.as_str()) {
                continue;
            }
            if name.starts_with(".press") {
                found.push(entry.path().display().to_string());
            }
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), false, found);
            }
        }
    }
    let mut found = Vec::new();
    if site_dir(archive).exists() {
        walk(&site_dir(archive), true, &mut found);
    }
    for entry in fs::read_dir(archive.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with(".press-") {
            found.push(name);
        }
    }
    assert!(found.is_empty(), "leftover temporary files: {found:?}");
}

/// Every file's (inode, modification time) under `dir`, by relative path.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    site(dir)
        .files
        .into_keys()
        .map(|p| {
            let meta = fs::metadata(dir.join(&p)).unwrap();
            let stamp = (meta.ino(), meta.modified().unwrap());
            (p, stamp)
        })
        .collect()
}

/// Applies `edit` to the archive, exports incrementally with `export ARGS`, and asserts: the
/// site equals a fresh export with the same ARGS; every file whose bytes did not change kept its
/// inode and modification time. Returns what changed.
fn assert_incremental(archive: &Archive, args: &[&str], edit: impl FnOnce(&Archive)) -> Changes {
    let dir = site_dir(archive);
    let before = site(&dir);
    let before_stamps = stamps(&dir);
    // A rewrite in place shows in the modification time (nanoseconds here); one by rename shows
    // in the inode at any clock.
    std::thread::sleep(Duration::from_millis(20));
    edit(archive);
    export_ok(archive, args);
    let after = site(&dir);
    assert_same_site(&after, &fresh_export(archive, args), "after the edit");
    let after_stamps = stamps(&dir);
    let mut rewritten = Vec::new();
    for (path, bytes) in &after.files {
        if before.files.get(path) == Some(bytes) && before_stamps[path] != after_stamps[path] {
            rewritten.push(path.as_str());
        }
    }
    assert!(
        rewritten.is_empty(),
        "{} unchanged files were written again (new inode or mtime): {:?}",
        rewritten.len(),
        &rewritten[..rewritten.len().min(8)]
    );
    Changes {
        changed: after
            .files
            .iter()
            .filter(|(p, bytes)| before.files.get(*p) != Some(*bytes))
            .map(|(p, _)| p.clone())
            .collect(),
        removed: before
            .files
            .keys()
            .filter(|p| !after.files.contains_key(*p))
            .cloned()
            .collect(),
        before: before.files.len(),
    }
}

/// The published statements, newest first, as `press list --format json` gives them.
fn published(archive: &Archive) -> Vec<Listed> {
    let run = support::press(archive, &["list", "--format", "json"]);
    run.code(0);
    let all: serde_json::Value = serde_json::from_str(&run.out()).expect("list JSON");
    all.as_array()
        .expect("a JSON array")
        .iter()
        .map(|s| {
            assert_eq!(
                s["draft"],
                serde_json::Value::Bool(false),
                "list shows no drafts"
            );
            let text = |key: &str| s[key].as_str().expect(key).to_owned();
            Listed {
                path: text("path"),
                slug: text("slug"),
                title: text("title"),
                date: text("date"),
                topics: s["topics"]
                    .as_array()
                    .expect("topics")
                    .iter()
                    .map(|t| t.as_str().expect("topic").to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// A published statement in the middle of the archive with at least two topics, with its
/// neighbours in date order (newer, older), whose page is in the site.
fn middle(archive: &Archive) -> (Listed, Listed, Listed) {
    let all = published(archive);
    assert!(all.len() > COUNT * 9 / 10, "{} published", all.len());
    let at = (all.len() / 2..all.len() - 1)
        .find(|&i| all[i].topics.len() >= 2)
        .expect("a statement with two topics");
    let chosen = all[at].clone();
    assert!(
        site_dir(archive).join(chosen.page()).is_file(),
        "{} has a page",
        chosen.path
    );
    (all[at - 1].clone(), chosen, all[at + 1].clone())
}

/// Rewrites a file of the archive through `change`.
fn edit_file(archive: &Archive, relative: &str, change: impl FnOnce(String) -> String) {
    let text = archive.read(relative);
    let changed = change(text.clone());
    assert_ne!(changed, text, "the edit changes {relative}");
    archive.write(relative, changed);
}

/// The statement file's text with its front-matter `title:` line replaced.
fn with_title(text: &str, title: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title line");
    text.replacen(line, &format!("title: {title:?}"), 1)
}

/// A paragraph appended to a statement's body.
const PARAGRAPH: &str =
    "\nAn added paragraph: the ministry answered on Tuesday, and the answer changes nothing.\n";

// Guards the core promise with the smallest edit: a body changes, and the incremental export
// equals a fresh one.
#[test]
fn incremental_export_after_a_body_edit_is_byte_identical_to_a_full_export() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &chosen.path, |t| t + PARAGRAPH);
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
}

// Guards the dependents of a title: list pages of its topics, speakers and year, the home
// pages, feeds, search, and the previous and next statements' pages all show it.
#[test]
fn incremental_export_after_a_title_edit_is_byte_identical_to_a_full_export() {
    let archive = generated();
    let (newer, chosen, older) = middle(&archive);
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &chosen.path, |t| {
            with_title(&t, "A renamed statement about incremental exports")
        });
    });
    for page in [chosen.page(), newer.page(), older.page()] {
        assert!(
            changes.changed.contains(&page),
            "{page} changed: {changes:?}"
        );
    }
    for folder in ["topics/", "speakers/", "search/"] {
        assert!(
            changes.changed.iter().any(|p| p.starts_with(folder)),
            "a page under {folder} changed: {changes:?}"
        );
    }
}

// Guards that unchanged files are not written again (same inode, same mtime; checked inside
// `assert_incremental`) and that a body edit rewrites only a small part of the site.
#[test]
fn incremental_export_keeps_unchanged_files_and_rewrites_few() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &chosen.path, |t| t + PARAGRAPH);
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
    assert!(changes.removed.is_empty(), "{changes:?}");
    assert!(
        changes.changed.len() * 10 < changes.before,
        "{} of {} files changed: {:?}",
        changes.changed.len(),
        changes.before,
        changes.changed
    );
    // Exporting again changes nothing at all.
    let again = assert_incremental(&archive, &[], |_| {});
    assert!(
        again.changed.is_empty() && again.removed.is_empty(),
        "{again:?}"
    );
}

// Guards a new statement: its page, its neighbours, the new topic's pages and the lists.
#[test]
fn incremental_export_sees_a_new_statement() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let date = &chosen.date;
    let path = format!("statements/{}/{date}-a-new-statement.md", &date[..4]);
    let changes = assert_incremental(&archive, &[], |a| {
        let front = format!(
            "title: \"A new statement\"\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [{:?}, \"Incremental exports\"]",
            chosen.topics[0]
        );
        a.write(
            &path,
            support::statement(&front, "A new statement's body.\n"),
        );
    });
    let page = format!("statements/{}/a-new-statement/index.html", &date[..4]);
    assert!(changes.changed.contains(&page), "{changes:?}");
}

// Guards the charts, which are fingerprinted from their monthly counts: a statement newer than
// all others, in a topic of its own, moves every chart's ten-year window, so the first page of
// every other topic is drawn again although none of its cards changed.
#[test]
fn incremental_export_redraws_charts_when_their_window_moves() {
    let archive = generated();
    let newest = published(&archive)[0].date.clone();
    let (year, month): (i32, u32) = (
        newest[..4].parse().expect("a year"),
        newest[5..7].parse().expect("a month"),
    );
    let (year, month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let date = format!("{year}-{month:02}-15");
    let path = format!("statements/{year}/{date}-a-later-statement.md");
    let changes = assert_incremental(&archive, &[], |a| {
        let front = format!(
            "title: \"A later statement\"\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Chart windows\"]"
        );
        a.write(
            &path,
            support::statement(&front, "A later statement's body.\n"),
        );
    });
    let redrawn = changes
        .changed
        .iter()
        .filter(|p| p.starts_with("topics/") && !p.starts_with("topics/chart-windows/"))
        .filter(|p| p.ends_with("/index.html") && p.matches('/').count() == 2)
        .count();
    assert!(
        redrawn > 1,
        "other topics' charts were redrawn: {changes:?}"
    );
}

// Guards a removed statement: its page and folder go, and so do the pages of a topic only it
// had; neighbours and lists change.
#[test]
fn incremental_export_sees_a_removed_statement() {
    let archive = generated();
    let all = published(&archive);
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &all {
        for t in &s.topics {
            *uses.entry(t.as_str()).or_default() += 1;
        }
    }
    // One whose topics include one no other statement has, when there is one.
    let gone = all[1..all.len() - 1]
        .iter()
        .find(|s| s.topics.iter().any(|t| uses[t.as_str()] == 1))
        .unwrap_or(&all[all.len() / 2])
        .clone();
    let changes = assert_incremental(&archive, &[], |a| {
        fs::remove_file(a.path().join(&gone.path)).unwrap();
    });
    assert!(changes.removed.contains(&gone.page()), "{changes:?}");
    let folder = site_dir(&archive).join(gone.page());
    assert!(!folder.parent().unwrap().exists(), "its folder is removed");
}

// Guards template overrides: the default templates written as overrides change no byte; a
// changed statement template and stylesheet change every statement page and style.css; removing
// the override brings the default back.
#[test]
fn incremental_export_sees_template_overrides() {
    let archive = generated();
    let changes = assert_incremental(&archive, &[], |a| {
        support::press(a, &["export", "--init-theme"]).code(0);
    });
    assert!(
        changes.changed.is_empty(),
        "defaults as overrides: {changes:?}"
    );

    let (_, chosen, _) = middle(&archive);
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, "templates/statement.html", |t| {
            t.replace(
                "<h1>{{ s.title }}</h1>",
                "<h1 class=\"edited\">{{ s.title }}</h1>",
            )
        });
        edit_file(a, "templates/style.css", |t| {
            t + "\n.edited { color: teal }\n"
        });
    });
    assert!(changes.changed.contains("style.css"), "{changes:?}");
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
    assert!(
        archive
            .read(&format!("site/{}", chosen.page()))
            .contains("<h1 class=\"edited\">")
    );

    let changes = assert_incremental(&archive, &[], |a| {
        fs::remove_file(a.path().join("templates/statement.html")).unwrap();
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
}

// Guards press.toml: a new site title is on every page.
#[test]
fn incremental_export_sees_a_new_site_title() {
    let archive = generated();
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, "press.toml", |t| {
            t.replace("Incremental Newsroom", "Renamed Newsroom")
        });
    });
    assert!(changes.changed.contains("index.html"), "{changes:?}");
    assert!(changes.changed.len() * 2 > changes.before, "{changes:?}");
}

// Guards options that are not in the archive: `--per-page` and `--base-url` change pages, and
// going back to the settings gives the settings' site again.
#[test]
fn incremental_export_sees_changed_options() {
    let archive = generated();
    let changes = assert_incremental(&archive, &["--per-page", "10"], |_| {});
    assert!(changes.changed.contains("page/2/index.html"), "{changes:?}");
    let changes = assert_incremental(&archive, &["--base-url", "https://other.example/"], |_| {});
    assert!(changes.changed.contains("feed.xml"), "{changes:?}");
    // Back to the settings' 50 a page: the home pages past the sixth go, and nothing but pager
    // pages goes.
    let home: BTreeSet<String> = changes
        .removed
        .iter()
        .filter(|p| p.starts_with("page/"))
        .cloned()
        .collect();
    let past_six: BTreeSet<String> = (7..=30).map(|n| format!("page/{n}/index.html")).collect();
    assert_eq!(home, past_six);
    assert!(
        changes
            .removed
            .iter()
            .all(|p| p.starts_with("page/") || p.contains("/page/")),
        "{changes:?}"
    );
    let changes = assert_incremental(&archive, &[], |_| {});
    assert!(changes.changed.contains("feed.xml"), "{changes:?}");
}

// Guards the clock: a statement under embargo appears once its time has passed, though no file
// changed between the two exports.
#[test]
fn incremental_export_sees_an_embargo_end() {
    let archive = generated();
    let path = "statements/2026/2026-05-30-under-embargo.md";
    let page = "statements/2026/under-embargo/index.html";
    let changes = assert_incremental(&archive, &[], |a| {
        let front = format!(
            "{}\nembargo: 2026-07-01T09:00:00Z",
            support::front("Under embargo", "2026-05-30")
        );
        a.write(path, support::statement(&front, "Not before July.\n"));
    });
    assert!(
        !changes.changed.contains(page),
        "hidden at {}",
        support::NOW
    );
    let later = ["--now", "2026-07-02T00:00:00Z"];
    let changes = assert_incremental(&archive, &later, |_| {});
    assert!(changes.changed.contains(page), "{changes:?}");
}

// Guards an edit that keeps the size and restores the modification time (an editor or a
// checkout can do that): the change is still seen.
#[test]
fn incremental_export_sees_a_same_size_edit_with_the_mtime_restored() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let changes = assert_incremental(&archive, &[], |a| {
        let file = a.path().join(&chosen.path);
        let modified = fs::metadata(&file).unwrap().modified().unwrap();
        let title = &chosen.title;
        let mut swapped: Vec<char> = title.chars().collect();
        let last = swapped.len() - 1;
        swapped.swap(0, last);
        let swapped: String = swapped.into_iter().collect();
        assert_eq!(swapped.len(), title.len());
        assert_ne!(&swapped, title);
        edit_file(a, &chosen.path, |t| t.replacen(title.as_str(), &swapped, 1));
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_times(fs::FileTimes::new().set_modified(modified))
            .unwrap();
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
}

// Guards files a statement uses but does not contain: a new image beside it is copied.
#[test]
fn incremental_export_sees_a_changed_image() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let folder = Path::new(&chosen.path)
        .parent()
        .unwrap()
        .display()
        .to_string();
    let image = format!("{folder}/img/figure.png");
    // Copied to the same path under the output folder.
    let copied = image.clone();
    let png = fs::read(support::fixtures().join("site/statements/2026/img/chart.png")).unwrap();
    let changes = assert_incremental(&archive, &[], |a| {
        a.write(&image, &png);
        edit_file(a, &chosen.path, |t| t + "\n![A figure](img/figure.png)\n");
    });
    assert!(changes.changed.contains(&copied), "{changes:?}");
    // Only the image's bytes change; the statement file is untouched.
    let mut other = png.clone();
    other.extend_from_slice(b"a different image");
    let changes = assert_incremental(&archive, &[], |a| a.write(&image, &other));
    assert!(changes.changed.contains(&copied), "{changes:?}");
}

// Guards lost or damaged state: without the cache, or with every cache and state file
// overwritten with junk, an edit is still seen.
#[test]
fn incremental_export_survives_lost_or_damaged_state() {
    let archive = generated();
    let (newer, chosen, older) = middle(&archive);
    assert_incremental(&archive, &[], |a| {
        fs::remove_dir_all(a.path().join(".press")).ok();
        edit_file(a, &chosen.path, |t| t + PARAGRAPH);
    });
    fn junk(path: &Path) {
        if path.is_dir() {
            for entry in fs::read_dir(path).unwrap() {
                junk(&entry.unwrap().path());
            }
        } else if path.is_file() {
            fs::write(path, "junk\0\u{1}\u{2}").unwrap();
        }
    }
    assert_incremental(&archive, &[], |a| {
        junk(&a.path().join(".press"));
        junk(&site_dir(a).join(".press-state"));
        edit_file(a, &newer.path, |t| t + PARAGRAPH);
    });
    // A state file that cannot be read (a folder in its place) is no reason to fail either.
    assert_incremental(&archive, &[], |a| {
        let state = site_dir(a).join(".press-state");
        if state.is_file() {
            fs::remove_file(&state).unwrap();
            fs::create_dir(&state).unwrap();
        }
        edit_file(a, &older.path, |t| t + PARAGRAPH);
    });
}

// Guards state shared between output folders: exporting elsewhere after an edit must not make
// the default folder's next export believe it is up to date.
#[test]
fn incremental_export_to_two_folders_keeps_each_right() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    export_ok(&archive, &["--out", "other"]);
    edit_file(&archive, &chosen.path, |t| t + PARAGRAPH);
    export_ok(&archive, &["--out", "other"]);
    let changes = assert_incremental(&archive, &[], |_| {});
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
    assert_same_site(
        &site(&archive.path().join("other")),
        &site(&site_dir(&archive)),
        "the other folder",
    );
}

// Guards the output as the truth: pages edited, emptied or deleted by hand in the output are put
// back by the next export, though nothing in the archive changed.
#[test]
fn incremental_export_restores_files_edited_by_hand() {
    let archive = generated();
    let (newer, chosen, older) = middle(&archive);
    let dir = site_dir(&archive);
    fs::write(dir.join(chosen.page()), "junk").unwrap();
    let same_size = dir.join(newer.page());
    let mut bytes = fs::read(&same_size).unwrap();
    bytes[0] ^= 0x20;
    fs::write(&same_size, &bytes).unwrap();
    fs::write(dir.join("index.html"), "").unwrap();
    fs::remove_file(dir.join(older.page())).unwrap();
    fs::remove_file(dir.join("style.css")).unwrap();
    fs::remove_dir_all(dir.join("topics")).unwrap();
    // The search index is kept or written whole: one file of it edited brings it all back.
    fs::write(dir.join("search/index.js"), "junk").unwrap();
    export_ok(&archive, &[]);
    assert_same_site(
        &site(&dir),
        &fresh_export(&archive, &[]),
        "after hand edits",
    );
}

// Guards state that outlives its output: with the output folder deleted, the next export writes
// the whole site again.
#[test]
fn incremental_export_rebuilds_a_deleted_output_folder() {
    let archive = generated();
    fs::remove_dir_all(site_dir(&archive)).unwrap();
    export_ok(&archive, &[]);
    assert_same_site(
        &site(&site_dir(&archive)),
        &fresh_export(&archive, &[]),
        "after deleting the output folder",
    );
}

/// Asserts a failed export: not 0, standard error exactly `expected` (the archive's path as
/// `[ROOT]`), the site exactly `before` with every file's inode and mtime as in `stamps`, and no
/// temporary files.
fn assert_failed_untouched(
    archive: &Archive,
    run: &Run,
    expected: &str,
    before: &Site,
    old_stamps: &BTreeMap<String, (u64, SystemTime)>,
) {
    assert_ne!(run.code, Some(0), "the export fails:\n{}", run.err());
    assert_eq!(archive.clean(&run.stderr), expected);
    assert_no_leftovers(archive);
    let dir = site_dir(archive);
    assert_same_site(&site(&dir), before, "after a failed export");
    assert_eq!(&stamps(&dir), old_stamps, "no file was written");
}

// Guards failures: a template with a syntax error, a template that fails on one page only (after
// the edit that makes that page render differently), and an archive with an error each leave the
// previous site as it was; once fixed, the next export equals a fresh one.
#[test]
fn failing_export_leaves_the_previous_site_untouched() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let dir = site_dir(&archive);
    let before = site(&dir);
    let old_stamps = stamps(&dir);

    archive.write("templates/list.html", "{% if %}");
    let run = export(&archive, &[]);
    assert_failed_untouched(
        &archive,
        &run,
        "press: error: cannot use the template [ROOT]/templates/list.html: syntax error: unexpected end of block (in list.html:1)\n",
        &before,
        &old_stamps,
    );
    fs::remove_file(archive.path().join("templates/list.html")).unwrap();

    // Fails only on the edited statement's page, whose new title also changes many other pages.
    edit_file(&archive, &chosen.path, |t| {
        with_title(&t, "Boom: a title the template refuses")
    });
    let template = include_str!("../../templates/statement.html").replace(
        "{% block main %}",
        "{% block main %}{% if \"Boom\" in statement.title %}{{ undefined_fn() }}{% endif %}",
    );
    archive.write("templates/statement.html", &template);
    let run = export(&archive, &[]);
    let line = 1 + template
        .lines()
        .position(|l| l.contains("undefined_fn"))
        .expect("the failing line");
    assert_failed_untouched(
        &archive,
        &run,
        &format!(
            "press: error: cannot render the template statement.html: unknown function: undefined_fn is unknown (in statement.html:{line})\n"
        ),
        &before,
        &old_stamps,
    );

    archive.write(
        "statements/2026/2026-03-01-bad.md",
        "---\ntitle: Bad\ndate: 2026-02-30\nspeaker: A\ntopics: [x]\n---\nBody\n",
    );
    fs::remove_file(archive.path().join("templates/statement.html")).unwrap();
    let run = export(&archive, &[]);
    assert_eq!(run.code, Some(1));
    assert_failed_untouched(
        &archive,
        &run,
        "statements/2026/2026-03-01-bad.md:3:7: error: `date` is an impossible date: \"2026-02-30\"\n  help: check the day and month; write it as YYYY-MM-DD\npress: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to skip those files)\n",
        &before,
        &old_stamps,
    );

    // Fixed: the failed attempts left no state that hides the title edit.
    let changes = assert_incremental(&archive, &[], |a| {
        fs::remove_file(a.path().join("statements/2026/2026-03-01-bad.md")).unwrap();
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
}

// Guards links between statements: a page that links to another statement shows that
// statement's state, so making the target a draft (its link then keeps only its text) or
// moving it to another slug changes the linking page, though its own file did not change.
#[test]
fn incremental_export_follows_the_statements_a_page_links_to() {
    let archive = generated();
    let (newer, chosen, _) = middle(&archive);
    let file = chosen.path.rsplit('/').next().expect("a file name");
    let year = &chosen.date[..4];
    let link = format!("\nSee [the earlier statement](../{year}/{file}#top).\n");
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &newer.path, |t| t + &link);
    });
    assert!(changes.changed.contains(&newer.page()), "{changes:?}");
    let linking = site_dir(&archive).join(newer.page());
    let html = fs::read_to_string(&linking).unwrap();
    assert!(
        html.contains(&format!(
            "<a href=\"../../../statements/{year}/{}/index.html#top\">the earlier statement</a>",
            chosen.slug
        )),
        "{html}"
    );
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &chosen.path, |t| {
            t.replacen("\n---\n", "\ndraft: true\n---\n", 1)
        });
    });
    assert!(changes.changed.contains(&newer.page()), "{changes:?}");
    let html = fs::read_to_string(&linking).unwrap();
    assert!(!html.contains(&chosen.slug), "{html}");
    assert!(html.contains("See the earlier statement."), "{html}");
    let changes = assert_incremental(&archive, &[], |a| {
        edit_file(a, &chosen.path, |t| {
            t.replacen("\ndraft: true\n", "\nslug: \"moved-elsewhere\"\n", 1)
        });
    });
    assert!(changes.changed.contains(&newer.page()), "{changes:?}");
    let html = fs::read_to_string(&linking).unwrap();
    assert!(
        html.contains(&format!(
            "<a href=\"../../../statements/{year}/moved-elsewhere/index.html#top\">"
        )),
        "{html}"
    );
}

// Guards corrections and withdrawals: the statement's page (its notice), the corrections page
// and its feed, and the feeds a withdrawn statement leaves.
#[test]
fn incremental_export_sees_a_correction_and_a_withdrawal() {
    let archive = generated();
    let (_, chosen, _) = middle(&archive);
    let now = "2026-12-01T10:00:00+00:00";
    let changes = assert_incremental(&archive, &[], |a| {
        support::press(
            a,
            &["correct", &chosen.slug, "--note", "A figure", "--now", now],
        )
        .code(0);
    });
    for page in [
        chosen.page(),
        "corrections/index.html".to_owned(),
        "corrections/feed.xml".to_owned(),
    ] {
        assert!(
            changes.changed.contains(&page),
            "{page} changed: {changes:?}"
        );
    }
    let changes = assert_incremental(&archive, &[], |a| {
        support::press(
            a,
            &["withdraw", &chosen.slug, "--note", "Wrong", "--now", now],
        )
        .code(0);
    });
    assert!(changes.changed.contains(&chosen.page()), "{changes:?}");
    assert!(changes.removed.is_empty(), "the page stays: {changes:?}");
}
