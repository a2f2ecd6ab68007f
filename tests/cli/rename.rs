//! `press rename SLUG NEW-SLUG`: the file moved with its old address kept, links and
//! `translation_of` rewritten and nothing else touched, `--dry-run`, refusals, and a failure
//! part-way that says which files are old and which new.

use std::collections::BTreeMap;

use insta::assert_snapshot;

use crate::support::{Archive, press, run};

const RENAMED: &str = "statements/2019/2019-06-18-old.md";
const MOVED: &str = "statements/2019/2019-06-18-new.md";
const LINKS: &str = "statements/2020/2020-01-02-links.md";
const SPANISH: &str = "statements/2020/2020-01-03-old-es.md";
const OTHER: &str = "statements/2020/2020-01-04-other.md";

/// The renamed statement, one linking to it (and to a neighbour, and naming it in plain text),
/// a translation of it, and an unrelated one written with CRLF line ends.
fn archive() -> Archive {
    let required = |title: &str, date: &str| {
        format!(
            "title: \"{title}\"\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]\n"
        )
    };
    Archive::empty()
        .file(
            RENAMED,
            format!(
                "---\n{}aliases: [\"/news/old.html\"] # from the old site\n---\nBody.\n",
                required("Old", "2019-06-18")
            ),
        )
        .file(
            "statements/2019/2019-06-18-older.md",
            format!("---\n{}---\nBody.\n", required("Older", "2019-06-18")),
        )
        .file(
            LINKS,
            format!(
                "---\n{}---\nSee [the statement](../2019/2019-06-18-old.md#quote), not \
                 [this one](../2019/2019-06-18-older.md).\n\nThe file 2019-06-18-old.md is \
                 <a href=\"../2019/2019-06-18-old.md\">here</a>.\n",
                required("Links", "2020-01-02")
            ),
        )
        .file(
            SPANISH,
            format!(
                "---\n{}lang: es # Spanish\ntranslation_of: old   # the original\n---\nCuerpo.\n",
                required("Viejo", "2020-01-03")
            ),
        )
        .file(
            OTHER,
            format!("---\n{}---\nOther.\n", required("Other", "2020-01-04")).replace('\n', "\r\n"),
        )
}

/// Every file of the archive with its bytes.
fn contents(archive: &Archive) -> BTreeMap<String, Vec<u8>> {
    archive
        .files()
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(archive.path().join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn rename_moves_the_file_and_rewrites_what_names_it() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(&archive, &["rename", "old", "new"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    statements/2019/2019-06-18-old.md -> statements/2019/2019-06-18-new.md: renamed to new, alias /statements/2019/old/
    statements/2020/2020-01-02-links.md: 2 links
    statements/2020/2020-01-03-old-es.md: translation_of
    ");
    assert_eq!(run.err(), "press: renamed; 3 files changed\n");
    let after = contents(&archive);
    assert!(!after.contains_key(RENAMED));
    let text = |bytes: &Vec<u8>| String::from_utf8(bytes.clone()).unwrap();
    assert_eq!(
        text(&after[MOVED]),
        text(&before[RENAMED]).replace(
            "[\"/news/old.html\"] #",
            "[\"/news/old.html\", \"/statements/2019/old/\"] #"
        )
    );
    assert_eq!(
        text(&after[LINKS]),
        text(&before[LINKS])
            .replace("(../2019/2019-06-18-old.md#", "(../2019/2019-06-18-new.md#")
            .replace(
                "\"../2019/2019-06-18-old.md\"",
                "\"../2019/2019-06-18-new.md\""
            )
    );
    assert_eq!(
        text(&after[SPANISH]),
        text(&before[SPANISH]).replace("translation_of: old ", "translation_of: \"new\" ")
    );
    // Everything else is byte for byte as it was.
    for (file, bytes) in &before {
        if ![RENAMED, LINKS, SPANISH].contains(&file.as_str()) {
            assert_eq!(&after[file], bytes, "{file}");
        }
    }
    // The archive checks clean, and the old address leads to the new page.
    press(&archive, &["check"]).code(0);
    press(&archive, &["export"]).code(0);
    assert!(
        archive
            .read("site/statements/2019/old/index.html")
            .contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../statements/2019/new/index.html\">")
    );
}

#[test]
fn rename_dry_run_prints_and_changes_nothing() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(&archive, &["rename", "old", "new", "--dry-run"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    statements/2019/2019-06-18-old.md -> statements/2019/2019-06-18-new.md: renamed to new, alias /statements/2019/old/
    statements/2020/2020-01-02-links.md: 2 links
    statements/2020/2020-01-03-old-es.md: translation_of
    ");
    assert_eq!(run.err(), "press: dry run: nothing written\n");
    assert_eq!(contents(&archive), before);
}

#[test]
fn rename_refuses_a_taken_or_invalid_slug() {
    let archive = archive();
    let before = contents(&archive);
    for (args, code, message) in [
        (
            ["rename", "old", "New Slug"],
            2,
            "press: rename refused: \"New Slug\" is not a valid slug (lower-case letters, digits and single hyphens), e.g. new-slug",
        ),
        (
            ["rename", "old", "older"],
            2,
            "press: rename refused: the slug older is taken by statements/2019/2019-06-18-older.md; choose another",
        ),
        (
            ["rename", "gone", "new"],
            1,
            "press: no statement with the slug \"gone\"",
        ),
    ] {
        let run = press(&archive, &args);
        run.code(code);
        assert_eq!(run.err(), format!("{message}\n"));
        assert_eq!(run.out(), "");
    }
    assert_eq!(contents(&archive), before);
}

/// A write that fails part-way (the translation's, injected) stops the rename: the files before
/// it are new, it and those after are old, and the message lists both.
#[test]
fn rename_failing_part_way_says_which_files_changed() {
    let archive = archive();
    let before = contents(&archive);
    let mut command = archive.press();
    command
        .args(["rename", "old", "new"])
        .env("PRESS_TEST_FAIL_WRITE", SPANISH);
    let run = run(command);
    run.code(2);
    assert_snapshot!(run.err(), @r"
    press: rename failed: cannot write statements/2020/2020-01-03-old-es.md: injected failure (PRESS_TEST_FAIL_WRITE)
      already changed: statements/2019/2019-06-18-new.md, statements/2020/2020-01-02-links.md
      not changed (as before): statements/2020/2020-01-03-old-es.md
    ");
    let after = contents(&archive);
    assert!(!after.contains_key(RENAMED));
    let text = |bytes: &Vec<u8>| String::from_utf8(bytes.clone()).unwrap();
    // The files already changed are wholly new, the others wholly old.
    assert_eq!(
        text(&after[MOVED]),
        text(&before[RENAMED]).replace(
            "[\"/news/old.html\"] #",
            "[\"/news/old.html\", \"/statements/2019/old/\"] #"
        )
    );
    assert_eq!(
        text(&after[LINKS]),
        text(&before[LINKS])
            .replace("(../2019/2019-06-18-old.md#", "(../2019/2019-06-18-new.md#")
            .replace(
                "\"../2019/2019-06-18-old.md\"",
                "\"../2019/2019-06-18-new.md\""
            )
    );
    assert_eq!(after[SPANISH], before[SPANISH]);
    assert_eq!(after[OTHER], before[OTHER]);
    // No temporary file is left behind.
    assert_eq!(after.len(), before.len());
}
