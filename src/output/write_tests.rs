//! The output folder as `press export` leaves it: the files on disk, the manifest, what a
//! second export keeps, replaces and removes, what an export that fails leaves behind, and the
//! folders it refuses (whole messages).

use std::path::Path;

use anyhow::{Context as _, Result};

use super::*;

/// A folder holding an archive (`archive/statements/`, `archive/templates/`), and the `site`
/// folder beside it.
pub(super) struct Folders {
    _temp: tempfile::TempDir,
    pub(super) root: PathBuf,
    pub(super) site: PathBuf,
}

pub(super) fn folders() -> Result<Folders> {
    let temp = tempfile::tempdir()?;
    let base = temp.path().canonicalize()?;
    let root = base.join("archive");
    fs::create_dir_all(root.join("statements/2026"))?;
    fs::create_dir_all(root.join("templates"))?;
    Ok(Folders {
        _temp: temp,
        root,
        site: base.join("site"),
    })
}

pub(super) fn open(out: &Path, root: &Path) -> Result<Output> {
    Target::check(out, root, false)?.read_records().open()
}

pub(super) fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Every file under `dir`, relative, sorted (press's own hidden files included).
pub(super) fn files(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(dir)?;
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

pub(super) fn counts(counts: Counts) -> (usize, usize, usize) {
    (counts.written, counts.unchanged, counts.removed)
}

/// The first export of the tests: three pages, one of them put twice.
pub(super) fn first_export(f: &Folders) -> Result<()> {
    let out = open(&f.site, &f.root)?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    out.put("a/b.html".to_owned(), Some(2), b"first".to_vec())?;
    out.put("a/b.html".to_owned(), Some(2), b"second".to_vec())?;
    out.put("old/gone/c.html".to_owned(), None, b"old".to_vec())?;
    assert_eq!(out.paths(), ["a/b.html", "index.html", "old/gone/c.html"]);
    assert_eq!(counts(out.commit()?), (3, 0, 0));
    Ok(())
}

#[test]
fn a_first_export_writes_its_files_and_lists_them_in_the_manifest() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    assert_eq!(
        files(&f.site)?,
        [
            ".press-manifest",
            ".press-state",
            "a/b.html",
            "index.html",
            "old/gone/c.html"
        ]
    );
    assert_eq!(read(&f.site.join("a/b.html"))?, "first");
    assert_eq!(read(&f.site.join("index.html"))?, "home");
    assert_eq!(
        read(&f.site.join(MANIFEST))?,
        format!("{MANIFEST_HEADER}\na/b.html\nindex.html\nold/gone/c.html\n")
    );
    Ok(())
}

#[test]
fn a_second_export_keeps_replaces_and_removes_only_its_own_files() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    fs::write(f.site.join("notes.txt"), "mine")?;
    fs::write(f.site.join("old/mine.txt"), "mine too")?;
    let out = open(&f.site, &f.root)?;
    assert!(out.keep("index.html", 1));
    assert!(!out.keep("a/b.html", 3));
    out.put("a/b.html".to_owned(), Some(3), b"changed".to_vec())?;
    out.put("new/d.html".to_owned(), Some(4), b"new".to_vec())?;
    assert_eq!(out.paths(), ["a/b.html", "index.html", "new/d.html"]);
    assert_eq!(counts(out.commit()?), (2, 1, 1));
    assert_eq!(
        files(&f.site)?,
        [
            ".press-manifest",
            ".press-state",
            "a/b.html",
            "index.html",
            "new/d.html",
            "notes.txt",
            "old/mine.txt"
        ]
    );
    assert_eq!(read(&f.site.join("a/b.html"))?, "changed");
    assert_eq!(read(&f.site.join("new/d.html"))?, "new");
    assert_eq!(read(&f.site.join("old/mine.txt"))?, "mine too");
    assert_eq!(
        read(&f.site.join(MANIFEST))?,
        format!("{MANIFEST_HEADER}\na/b.html\nindex.html\nnew/d.html\n")
    );
    // The same pages again: nothing written, nothing removed.
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), Some(5), b"changed".to_vec())?;
    assert!(out.keep("index.html", 1));
    assert!(out.keep_all("new/", 4));
    assert_eq!(counts(out.commit()?), (0, 3, 0));
    Ok(())
}

#[test]
fn a_page_edited_by_hand_or_of_other_inputs_is_not_kept() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    fs::write(f.site.join("index.html"), "edited")?;
    let out = open(&f.site, &f.root)?;
    assert!(!out.keep("index.html", 1));
    assert!(!out.keep("a/b.html", 9));
    assert!(!out.keep_all("a/", 9));
    assert!(!out.keep("never.html", 1));
    assert!(!out.keep_all("old/", 0));
    assert!(out.keep_all("a/", 2));
    assert_eq!(out.paths(), ["a/b.html"]);
    Ok(())
}

#[test]
fn an_export_that_does_not_commit_leaves_the_folder_as_it_was() -> Result<()> {
    let f = folders()?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b/c.html".to_owned(), None, b"x".to_vec())?;
    drop(out);
    assert!(!f.site.exists(), "the folder the export created is removed");
    fs::create_dir(&f.site)?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b/c.html".to_owned(), None, b"x".to_vec())?;
    drop(out);
    assert_eq!(files(&f.site)?, Vec::<String>::new());
    assert_eq!(fs::read_dir(&f.site)?.count(), 0, "no folder is left");
    first_export(&f)?;
    let before = files(&f.site)?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), None, b"changed".to_vec())?;
    out.put("e.html".to_owned(), None, b"new".to_vec())?;
    drop(out);
    assert_eq!(files(&f.site)?, before);
    assert_eq!(read(&f.site.join("a/b.html"))?, "first");
    Ok(())
}

#[test]
fn nothing_is_written_outside_the_folder() -> Result<()> {
    let f = folders()?;
    let out = open(&f.site, &f.root)?;
    for path in [
        "../x.html",
        "/x.html",
        "a//b.html",
        "./a.html",
        "a\\b.html",
        ".press-manifest",
        "a/",
    ] {
        assert_eq!(
            out.put(path.to_owned(), None, b"x".to_vec())
                .map_err(|e| e.to_string()),
            Err(format!(
                "internal error: refusing to write {path:?} outside the output folder"
            ))
        );
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_where_a_folder_belongs_is_refused() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    let elsewhere = f.root.join("templates");
    fs::remove_dir_all(f.site.join("a"))?;
    std::os::unix::fs::symlink(&elsewhere, f.site.join("a"))?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), None, b"through".to_vec())?;
    out.put("index.html".to_owned(), None, b"home".to_vec())?;
    out.put("old/gone/c.html".to_owned(), None, b"old".to_vec())?;
    assert_eq!(
        out.commit().map_err(|e| e.to_string()).err(),
        Some(format!(
            "{} is a symbolic link where the site has a folder: press writes only inside its output folder (remove it, and export again)",
            f.site.join("a").display()
        ))
    );
    assert_eq!(fs::read_dir(&elsewhere)?.count(), 0);
    fs::remove_file(f.site.join("a"))?;
    fs::write(f.site.join("a"), "a file")?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), None, b"x".to_vec())?;
    assert_eq!(
        out.commit().map_err(|e| e.to_string()).err(),
        Some(format!(
            "{} is not a folder where the site has a folder: press writes only inside its output folder (remove it, and export again)",
            f.site.join("a").display()
        ))
    );
    assert_eq!(read(&f.site.join("a"))?, "a file");
    Ok(())
}

#[test]
fn folders_that_are_not_press_s_are_refused_with_the_reason() -> Result<()> {
    let f = folders()?;
    let refusal = |out: &Path, force| {
        Target::check(out, &f.root, force)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    let own = "pass --out with a folder of its own, such as site";
    for out in [
        f.root.clone(),
        f.root.parent().context("a parent")?.to_owned(),
    ] {
        assert_eq!(
            refusal(&out, true),
            Err(format!(
                "refusing to export into {}: it holds the archive itself (statements/); {own}",
                out.display()
            ))
        );
    }
    let inside = f.root.join("statements/2026/site");
    assert_eq!(
        refusal(&inside, true),
        Err(format!(
            "refusing to export into {}: it is inside statements/",
            inside.display()
        ))
    );
    let inside = f.root.join("templates");
    assert_eq!(
        refusal(&inside, true),
        Err(format!(
            "refusing to export into {}: it is inside templates/",
            inside.display()
        ))
    );
    // Not there yet, several folders deep: the path is still read in order.
    fs::remove_dir(f.root.join("templates"))?;
    let inside = f.root.join("templates/new/site");
    assert_eq!(
        refusal(&inside, true),
        Err(format!(
            "refusing to export into {}: it is inside templates/",
            inside.display()
        ))
    );
    let file = f.root.join("notes.txt");
    fs::write(&file, "x")?;
    assert_eq!(
        refusal(&file, true),
        Err(format!(
            "refusing to export into {}: it is not a folder",
            file.display()
        ))
    );
    let other = f.root.join("other");
    fs::create_dir(&other)?;
    fs::write(other.join("page.html"), "someone's")?;
    assert_eq!(
        refusal(&other, false),
        Err(format!(
            "refusing to export into {}: the folder is not empty and press did not create it (no .press-manifest); pass --force to take it over (only files press writes are replaced)",
            other.display()
        ))
    );
    assert_eq!(refusal(&other, true), Ok(()));
    assert_eq!(refusal(&f.root.join("site"), false), Ok(()));
    assert_eq!(refusal(&f.root.join("statements-site"), false), Ok(()));
    let dotted = f.root.join("statements/../site");
    assert_eq!(refusal(&dotted, false), Ok(()));
    let dotted = f.root.join("site/../statements/x");
    assert_eq!(
        refusal(&dotted, false),
        Err(format!(
            "refusing to export into {}: it is inside statements/",
            dotted.display()
        ))
    );
    Ok(())
}
