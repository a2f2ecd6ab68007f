//! `press rename SLUG NEW-SLUG` run in process ([`crate::commands::in_process`]): the file moved
//! with its old address kept as an alias, links and `translation_of` rewritten and every other
//! byte kept, `--dry-run`, and the refusals (nothing written). What tests/cli/rename.rs checks
//! through the binary, so that the module's mutants are judged by the library's tests alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::Result;

use crate::Exit;
use crate::commands::in_process::{Ran, press};

const RENAMED: &str = "statements/2019/2019-06-18-old.md";
const MOVED: &str = "statements/2019/2019-06-18-new.md";
const OLDER: &str = "statements/2019/2019-06-18-older.md";
const LINKS: &str = "statements/2020/2020-01-02-links.md";
const SPANISH: &str = "statements/2020/2020-01-03-old-es.md";
const OTHER: &str = "statements/2020/2020-01-04-other.md";

/// The front matter every statement needs.
fn required(title: &str, date: &str) -> String {
    format!("title: \"{title}\"\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]\n")
}

/// The renamed statement, one linking to it (and to a neighbour, and naming it in plain text),
/// a translation of it, and an unrelated one written with CRLF line ends.
fn archive() -> Result<tempfile::TempDir> {
    let files = [
        (
            RENAMED,
            format!(
                "---\n{}aliases: [\"/news/old.html\"] # from the old site\n---\nBody.\n",
                required("Old", "2019-06-18")
            ),
        ),
        (
            OLDER,
            format!("---\n{}---\nBody.\n", required("Older", "2019-06-18")),
        ),
        (
            LINKS,
            format!(
                "---\n{}---\nSee [the statement](../2019/2019-06-18-old.md#quote), not \
                 [this one](../2019/2019-06-18-older.md), [é](/statements/2019/2019-06-18-old.md).\n\n\
                 The file 2019-06-18-old.md is <a href=\"../2019/2019-06-18-old.md\">here</a>.\n",
                required("Links", "2020-01-02")
            ),
        ),
        (
            SPANISH,
            format!(
                "---\n{}lang: es # Spanish\ntranslation_of: old   # the original\n---\nCuerpo.\n",
                required("Viejo", "2020-01-03")
            ),
        ),
        (
            OTHER,
            format!("---\n{}---\nOther.\n", required("Other", "2020-01-04")).replace('\n', "\r\n"),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    Ok(crate::commands::in_process::archive(&files)?)
}

/// Every file under `root` with its text (not press's cache, `.press/`).
fn contents(root: &Path) -> Result<BTreeMap<String, String>> {
    let mut found = BTreeMap::new();
    for year in ["2019", "2020"] {
        for entry in fs::read_dir(root.join("statements").join(year))? {
            let path = entry?.path();
            let name = path.strip_prefix(root)?.to_string_lossy().into_owned();
            found.insert(name, fs::read_to_string(&path)?);
        }
    }
    Ok(found)
}

const SUMMARY: &str = "statements/2019/2019-06-18-old.md -> statements/2019/2019-06-18-new.md: renamed to new, alias /statements/2019/old/\n\
                       statements/2020/2020-01-02-links.md: 3 links\n\
                       statements/2020/2020-01-03-old-es.md: translation_of\n";

#[test]
fn rename_moves_the_file_and_rewrites_what_names_it() -> Result<()> {
    let root = archive()?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["rename", "old", "new"]),
        Ran {
            exit: Exit::Success,
            out: SUMMARY.to_owned(),
            err: "press: renamed; 3 files changed\n".to_owned(),
        }
    );
    let mut want = before.clone();
    want.remove(RENAMED);
    want.insert(
        MOVED.to_owned(),
        before[RENAMED].replace(
            "[\"/news/old.html\"] #",
            "[\"/news/old.html\", \"/statements/2019/old/\"] #",
        ),
    );
    want.insert(
        LINKS.to_owned(),
        before[LINKS]
            .replace("2019-06-18-old.md#", "2019-06-18-new.md#")
            .replace("2019/2019-06-18-old.md)", "2019/2019-06-18-new.md)")
            .replace(
                "\"../2019/2019-06-18-old.md\"",
                "\"../2019/2019-06-18-new.md\"",
            ),
    );
    want.insert(
        SPANISH.to_owned(),
        before[SPANISH].replace("translation_of: old ", "translation_of: \"new\" "),
    );
    assert_eq!(contents(root.path())?, want);
    assert_eq!(
        press(root.path(), &["check"]),
        Ran {
            exit: Exit::Success,
            out: String::new(),
            err: "checked 5 statements: 0 errors, 0 warnings\n".to_owned(),
        }
    );
    Ok(())
}

#[test]
fn rename_dry_run_prints_and_changes_nothing() -> Result<()> {
    let root = archive()?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["rename", "old", "new", "--dry-run"]),
        Ran {
            exit: Exit::Success,
            out: SUMMARY.to_owned(),
            err: "press: dry run: nothing written\n".to_owned(),
        }
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

#[test]
fn rename_refuses_a_taken_or_invalid_slug() -> Result<()> {
    let root = archive()?;
    let before = contents(root.path())?;
    for (args, exit, message) in [
        (
            ["rename", "old", "New Slug"],
            Exit::Usage,
            "press: rename refused: \"New Slug\" is not a valid slug (lower-case letters, digits and single hyphens), e.g. new-slug\n",
        ),
        (
            ["rename", "old", "older"],
            Exit::Usage,
            "press: rename refused: the slug older is taken by statements/2019/2019-06-18-older.md; choose another\n",
        ),
        (
            ["rename", "gone", "new"],
            Exit::Problems,
            "press: no statement with the slug \"gone\"\n",
        ),
    ] {
        assert_eq!(
            press(root.path(), &args),
            Ran {
                exit,
                out: String::new(),
                err: message.to_owned(),
            }
        );
    }
    assert_eq!(contents(root.path())?, before);
    Ok(())
}
