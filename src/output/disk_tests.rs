//! The output folder against what users and other programs leave in it, and files made in
//! place (the bulk downloads): the folders a removed page leaves empty, a page removed or
//! replaced by hand, symbolic links on the way to the folder or at a page's place, names the file
//! system refuses, and the state that lets the next export keep its pages.

use std::path::Path;

use anyhow::{Context as _, Result};

use super::write_tests::{counts, files, first_export, folders, open, read};
use super::*;

/// Every folder under `dir`, relative, sorted.
fn subfolders(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut queue = vec![dir.to_owned()];
    while let Some(folder) = queue.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if fs::symlink_metadata(&path)?.is_dir() {
                found.push(path.strip_prefix(dir)?.to_string_lossy().into_owned());
                queue.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// What an action failed with, as the user reads it.
fn error<T>(result: anyhow::Result<T>) -> Option<String> {
    result.err().map(|err| err.to_string())
}

#[test]
fn the_folders_a_removed_page_leaves_empty_go_up_to_the_output_folder() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    assert_eq!(subfolders(&f.site)?, ["a", "old", "old/gone"]);
    fs::write(f.site.join("old/mine.txt"), "mine")?;
    let out = open(&f.site, &f.root)?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    assert_eq!(counts(out.commit()?), (0, 1, 2));
    assert_eq!(subfolders(&f.site)?, ["old"]);
    assert_eq!(
        files(&f.site)?,
        [
            ".press-manifest",
            ".press-state",
            "index.html",
            "old/mine.txt"
        ]
    );
    Ok(())
}

#[test]
fn a_page_removed_by_hand_is_no_error_and_one_made_a_folder_is_named() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    fs::remove_file(f.site.join("old/gone/c.html"))?;
    let out = open(&f.site, &f.root)?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    out.put("a/b.html".to_owned(), Some(2), b"first".to_vec())?;
    assert_eq!(counts(out.commit()?), (0, 2, 0));
    assert_eq!(subfolders(&f.site)?, ["a"]);
    // A folder of the user's where press wrote a page is not press's to remove.
    fs::remove_file(f.site.join("index.html"))?;
    fs::create_dir(f.site.join("index.html"))?;
    fs::write(f.site.join("index.html/notes.txt"), "mine")?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), Some(2), b"first".to_vec())?;
    assert_eq!(
        error(out.commit()),
        Some(format!(
            "cannot remove {}",
            f.site.join("index.html").display()
        ))
    );
    assert_eq!(read(&f.site.join("index.html/notes.txt"))?, "mine");
    Ok(())
}

#[test]
fn the_state_names_its_build_and_records_each_page_as_this_export_left_it() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    let out = open(&f.site, &f.root)?;
    out.put("a/b.html".to_owned(), Some(3), b"changed".to_vec())?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    assert_eq!(counts(out.commit()?), (1, 1, 1));
    let bytes = fs::read(f.site.join(STATE))?;
    let state: StoredState<'_> = postcard::from_bytes(&bytes)?;
    let build = state
        .identity
        .strip_prefix(&format!("press-state 1 {} ", env!("CARGO_PKG_VERSION")))
        .with_context(|| format!("the identity {:?}", state.identity))?;
    assert!(
        build.len() == 16 && build.bytes().all(|b| b.is_ascii_hexdigit()),
        "{build}"
    );
    let recorded: Vec<(&str, u64, u64)> = state
        .files
        .iter()
        .map(|(path, record)| (path.as_ref(), record.fingerprint, record.size))
        .collect();
    assert_eq!(recorded, [("a/b.html", 3, 7), ("index.html", 1, 4)]);
    let out = open(&f.site, &f.root)?;
    assert!(out.keep("a/b.html", 3));
    assert!(out.keep("index.html", 1));
    drop(out);
    // Another build's state is not trusted: every page is made again.
    let other = StoredState {
        identity: format!("press-state 1 0.0.0 {build}"),
        files: state.files.clone(),
    };
    fs::write(f.site.join(STATE), postcard::to_allocvec(&other)?)?;
    let out = open(&f.site, &f.root)?;
    assert!(!out.keep("a/b.html", 3));
    assert!(!out.keep("index.html", 1));
    Ok(())
}

#[test]
fn made_files_are_written_kept_when_the_same_and_replaced_when_not() -> Result<()> {
    let f = folders()?;
    let out = open(&f.site, &f.root)?;
    let mut calls = 0;
    out.put_made("data/all.db".to_owned(), &mut |path| {
        calls += 1;
        Ok(fs::write(path, "v1")?)
    })?;
    out.put_made("data/all.db".to_owned(), &mut |path| {
        calls += 1;
        Ok(fs::write(path, "v2")?)
    })?;
    assert_eq!(calls, 1, "a path made twice is made once");
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    assert_eq!(counts(out.commit()?), (2, 0, 0));
    assert_eq!(
        files(&f.site)?,
        [
            ".press-manifest",
            ".press-state",
            "data/all.db",
            "index.html"
        ]
    );
    assert_eq!(read(&f.site.join("data/all.db"))?, "v1");
    let out = open(&f.site, &f.root)?;
    out.put_made("data/all.db".to_owned(), &mut |path| {
        Ok(fs::write(path, "v1")?)
    })?;
    out.put_made("data/new.jsonl".to_owned(), &mut |path| {
        Ok(fs::write(path, "new")?)
    })?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    assert_eq!(counts(out.commit()?), (1, 2, 0));
    assert_eq!(
        files(&f.site)?,
        [
            ".press-manifest",
            ".press-state",
            "data/all.db",
            "data/new.jsonl",
            "index.html"
        ]
    );
    assert_eq!(read(&f.site.join("data/new.jsonl"))?, "new");
    let out = open(&f.site, &f.root)?;
    out.put_made("data/all.db".to_owned(), &mut |path| {
        Ok(fs::write(path, "v2")?)
    })?;
    assert_eq!(counts(out.commit()?), (1, 0, 2));
    assert_eq!(
        files(&f.site)?,
        [".press-manifest", ".press-state", "data/all.db"]
    );
    assert_eq!(read(&f.site.join("data/all.db"))?, "v2");
    Ok(())
}

#[test]
fn a_made_file_that_fails_leaves_nothing_and_says_why() -> Result<()> {
    let f = folders()?;
    let out = open(&f.site, &f.root)?;
    let failed = out.put_made("data/all.db".to_owned(), &mut |path| {
        fs::write(path, "half")?;
        anyhow::bail!("the database is locked")
    });
    assert_eq!(error(failed), Some("the database is locked".to_owned()));
    assert_eq!(files(&f.site)?, Vec::<String>::new());
    drop(out);
    assert!(!f.site.exists(), "the folder the export created is removed");
    first_export(&f)?;
    let before = files(&f.site)?;
    let out = open(&f.site, &f.root)?;
    let failed = out.put_made("a/b.html".to_owned(), &mut |path| {
        fs::write(path, "half")?;
        anyhow::bail!("the database is locked")
    });
    assert_eq!(error(failed), Some("the database is locked".to_owned()));
    assert_eq!(
        error(out.put_made("../all.db".to_owned(), &mut |_| Ok(()))),
        Some(
            "internal error: refusing to write \"../all.db\" outside the output folder".to_owned()
        )
    );
    drop(out);
    assert_eq!(files(&f.site)?, before);
    assert_eq!(read(&f.site.join("a/b.html"))?, "first");
    Ok(())
}

#[test]
fn a_manifest_that_cannot_be_read_is_named_even_with_force() -> Result<()> {
    let f = folders()?;
    fs::create_dir_all(f.site.join(MANIFEST))?;
    assert_eq!(
        error(Target::check(&f.site, &f.root, true)),
        Some(format!("cannot read {}", f.site.join(MANIFEST).display()))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_folder_reached_through_a_symbolic_link_is_judged_where_it_leads() -> Result<()> {
    use std::os::unix::fs::symlink;
    let f = folders()?;
    let base = f.root.parent().context("a parent")?;
    let refusal = |out: &Path| error(Target::check(out, &f.root, true));
    let to_archive = base.join("to-archive");
    symlink(&f.root, &to_archive)?;
    assert_eq!(
        refusal(&to_archive),
        Some(format!(
            "refusing to export into {}: it holds the archive itself (statements/); pass --out with a folder of its own, such as site",
            to_archive.display()
        ))
    );
    let to_statements = base.join("to-statements");
    symlink(f.root.join("statements"), &to_statements)?;
    let inside = to_statements.join("site");
    assert_eq!(
        refusal(&inside),
        Some(format!(
            "refusing to export into {}: it is inside statements/",
            inside.display()
        ))
    );
    fs::create_dir(&f.site)?;
    let to_site = base.join("to-site");
    symlink(&f.site, &to_site)?;
    assert_eq!(refusal(&to_site), None);
    assert_eq!(refusal(&to_site.join("new")), None);
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_page_replaced_by_a_symbolic_link_is_written_again_and_the_link_s_target_kept() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    // The link's own size (the 4 bytes of "mine") is the page's.
    fs::write(f.site.join("mine"), "home")?;
    fs::remove_file(f.site.join("index.html"))?;
    std::os::unix::fs::symlink("mine", f.site.join("index.html"))?;
    let out = open(&f.site, &f.root)?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    out.put("a/b.html".to_owned(), Some(2), b"first".to_vec())?;
    out.put("old/gone/c.html".to_owned(), None, b"old".to_vec())?;
    assert_eq!(counts(out.commit()?), (1, 2, 0));
    assert!(
        fs::symlink_metadata(f.site.join("index.html"))?
            .file_type()
            .is_file()
    );
    assert_eq!(read(&f.site.join("index.html"))?, "home");
    assert_eq!(read(&f.site.join("mine"))?, "home");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_above_a_page_s_folder_is_refused_too() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    let elsewhere = f.root.join("templates");
    fs::remove_dir_all(f.site.join("old"))?;
    std::os::unix::fs::symlink(&elsewhere, f.site.join("old"))?;
    let out = open(&f.site, &f.root)?;
    out.put("old/gone/c.html".to_owned(), None, b"old".to_vec())?;
    assert_eq!(
        error(out.commit()),
        Some(format!(
            "{} is a symbolic link where the site has a folder: press writes only inside its output folder (remove it, and export again)",
            f.site.join("old").display()
        ))
    );
    assert_eq!(fs::read_dir(&elsewhere)?.count(), 0);
    assert_eq!(read(&f.site.join("a/b.html"))?, "first");
    Ok(())
}

#[test]
fn a_page_where_another_page_needs_a_folder_is_named() -> Result<()> {
    let f = folders()?;
    let out = open(&f.site, &f.root)?;
    out.put("a".to_owned(), None, b"a page".to_vec())?;
    assert_eq!(
        error(out.put("a/b.html".to_owned(), None, b"x".to_vec())),
        Some(format!(
            "cannot write {}",
            f.site.join("a/b.html").display()
        ))
    );
    assert_eq!(
        error(out.put("a/b/c.html".to_owned(), None, b"x".to_vec())),
        Some(format!("cannot create {}", f.site.join("a/b").display()))
    );
    Ok(())
}

#[test]
fn a_folder_name_the_file_system_refuses_is_named_before_anything_moves() -> Result<()> {
    let f = folders()?;
    first_export(&f)?;
    let before = files(&f.site)?;
    let long = "x".repeat(300);
    let out = open(&f.site, &f.root)?;
    out.put(format!("{long}/a.html"), None, b"x".to_vec())?;
    assert_eq!(
        error(out.commit()),
        Some(format!("cannot read {}", f.site.join(&long).display()))
    );
    assert_eq!(files(&f.site)?, before);
    Ok(())
}

#[test]
fn a_page_edited_while_an_export_runs_is_made_again_by_the_next() -> Result<()> {
    let f = folders()?;
    // Written in place (into an empty folder), then edited before the export ends.
    let out = open(&f.site, &f.root)?;
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    fs::write(f.site.join("index.html"), "edited by hand")?;
    assert_eq!(counts(out.commit()?), (1, 0, 0));
    let out = open(&f.site, &f.root)?;
    assert!(!out.keep("index.html", 1));
    out.put("index.html".to_owned(), Some(1), b"home".to_vec())?;
    assert_eq!(counts(out.commit()?), (1, 0, 0));
    assert_eq!(read(&f.site.join("index.html"))?, "home");
    // Kept, then edited before the export ends.
    let out = open(&f.site, &f.root)?;
    assert!(out.keep("index.html", 1));
    fs::write(f.site.join("index.html"), "edited again")?;
    assert_eq!(counts(out.commit()?), (0, 1, 0));
    let out = open(&f.site, &f.root)?;
    assert!(!out.keep("index.html", 1));
    Ok(())
}
