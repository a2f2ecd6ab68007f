//! `aliases` and `translation_of`: malformed values located at their key, what only the whole
//! archive shows (an alias two statements claim, a translation without a usable original), the
//! same refusals from `export`, and the JSON and written files that carry both keys.

use insta::assert_snapshot;

use crate::support::{Archive, front, press, statement};

/// A statement at `statements/2026/<date>-<slug>.md` with extra front-matter lines.
fn with(archive: Archive, date: &str, slug: &str, lines: &str) -> Archive {
    let front = front(&format!("Chile: {slug}"), date);
    let front = if lines.is_empty() {
        front
    } else {
        format!("{front}\n{lines}")
    };
    archive.file(
        &format!("statements/2026/{date}-{slug}.md"),
        statement(&front, "Body.\n"),
    )
}

/// Every way an alias can fail, each located at `aliases` and named by its position.
#[test]
fn check_reports_malformed_aliases() {
    let archive = with(
        Archive::empty(),
        "2026-01-27",
        "a",
        "aliases: [\"2019/06/18/a/\", \"/news/../a/\", \"/.git/a\", \"/a/?p=12\", \"/a/#top\", \"/ok/\", 12]",
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-a.md:6:10: error: alias 1 does not start with `/`: "2019/06/18/a/"
      help: write the old address as a path from the site's root, without query or fragment, e.g. "/2019/06/18/slug/" or "/news/2014/slug.html"
    statements/2026/2026-01-27-a.md:6:10: error: alias 2 has a `.` or `..` segment: "/news/../a/"
      help: write the old address as a path from the site's root, without query or fragment, e.g. "/2019/06/18/slug/" or "/news/2014/slug.html"
    statements/2026/2026-01-27-a.md:6:10: error: alias 3 has a hidden segment (one starting with `.`): "/.git/a"
      help: write the old address as a path from the site's root, without query or fragment, e.g. "/2019/06/18/slug/" or "/news/2014/slug.html"
    statements/2026/2026-01-27-a.md:6:10: error: alias 4 has a query (`?`): "/a/?p=12"
      help: write the old address as a path from the site's root, without query or fragment, e.g. "/2019/06/18/slug/" or "/news/2014/slug.html"
    statements/2026/2026-01-27-a.md:6:10: error: alias 5 has a fragment (`#`): "/a/#top"
      help: write the old address as a path from the site's root, without query or fragment, e.g. "/2019/06/18/slug/" or "/news/2014/slug.html"
    statements/2026/2026-01-27-a.md:6:10: error: alias 7 in `aliases` must be a string, found a number `12`
      help: put each path in double quotes, e.g. "/2019/06/18/slug/"
    checked 1 statement: 6 errors, 0 warnings
    "#);
}

/// One alias claimed by two statements: an error on the later file, naming the first; and
/// `export` refuses the same archive with the same error.
#[test]
fn an_alias_two_statements_claim_is_refused_by_check_and_export() {
    let archive = with(
        Archive::empty(),
        "2026-01-27",
        "a",
        "aliases: [\"/news/a.html\", \"/2019/06/18/a/\"]",
    );
    let archive = with(
        archive,
        "2026-02-01",
        "b",
        "lang: \"en\"\naliases:\n  - \"/b/\"\n  - \"/news/a.html\"",
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-02-01-b.md:7:1: error: alias "/news/a.html" is also an alias of statements/2026/2026-01-27-a.md
      help: an old address leads to one statement: remove it from one of them
    checked 2 statements: 1 error, 0 warnings
    "#);
    let run = press(&archive, &["export"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "statements/2026/2026-02-01-b.md:7:1: error: alias \"/news/a.html\" is also an alias of statements/2026/2026-01-27-a.md\n  \
         help: an old address leads to one statement: remove it from one of them\n\
         press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to skip those files)\n"
    );
    assert!(!archive.path().join("site").exists());
}

/// Each way a translation can fail, at its `translation_of` line; a good one passes.
#[test]
fn check_reports_translations_without_a_usable_original() {
    let mut archive = with(Archive::empty(), "2026-01-27", "orig", "");
    for (date, slug, lines) in [
        // Fine: Spanish translation of an English original.
        (
            "2026-01-28",
            "orig-es",
            "lang: \"es\"\ntranslation_of: \"orig\"",
        ),
        // A second Spanish one.
        (
            "2026-01-29",
            "orig-es-2",
            "lang: \"es\"\ntranslation_of: \"orig\"",
        ),
        // In the original's language (the archive's default, `en`).
        (
            "2026-01-30",
            "orig-en",
            "lang: \"EN\"\ntranslation_of: \"orig\"",
        ),
        // A translation of a translation.
        (
            "2026-01-31",
            "orig-fr",
            "lang: \"fr\"\ntranslation_of: \"orig-es\"",
        ),
        // No such original.
        (
            "2026-02-01",
            "lost-de",
            "lang: \"de\"\ntranslation_of: \"lost\"",
        ),
        // Of itself.
        (
            "2026-02-02",
            "self-de",
            "lang: \"de\"\ntranslation_of: \"self-de\"",
        ),
        // Without `lang`, and not a slug.
        ("2026-02-03", "no-lang", "translation_of: \"orig\""),
        (
            "2026-02-04",
            "bad",
            "lang: \"it\"\ntranslation_of: \"Orig Statement\"",
        ),
    ] {
        archive = with(archive, date, slug, lines);
    }
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-29-orig-es-2.md:7:17: error: orig already has a translation in "es": statements/2026/2026-01-28-orig-es.md
      help: keep one translation per language: merge them, or correct one's `lang`
    statements/2026/2026-01-30-orig-en.md:7:17: error: a translation in "EN" of orig (statements/2026/2026-01-27-orig.md), which is in "en" too
      help: give the translation's `lang`, or the original's if it is not in the archive's language
    statements/2026/2026-01-31-orig-fr.md:7:17: error: `translation_of` names orig-es (statements/2026/2026-01-28-orig-es.md), which is itself a translation of orig
      help: name the original: translation_of: "orig"
    statements/2026/2026-02-01-lost-de.md:7:17: error: `translation_of` names lost, which no statement has as its slug
      help: give the slug of the original statement (`press list` shows slugs)
    statements/2026/2026-02-02-self-de.md:7:17: error: `translation_of` names the statement itself
      help: give the slug of the original statement, or remove `translation_of`
    statements/2026/2026-02-03-no-lang.md:6:17: error: a translation needs `lang`: the language it is written in
      help: add `lang:` with its BCP 47 tag, e.g. lang: "fr"
    statements/2026/2026-02-04-bad.md:7:17: error: `translation_of` is not a valid slug: "Orig Statement"
      help: give the slug of the original statement, e.g. "orig-statement"
    checked 9 statements: 7 errors, 0 warnings
    "#);
}

/// The archive's `language` is the language of a statement without `lang`: an English
/// translation of an original in a French archive is fine, a French one is not.
#[test]
fn the_archive_language_is_the_original_language() {
    let archive =
        with(Archive::empty(), "2026-01-27", "orig", "").file("press.toml", "language = \"fr\"\n");
    let archive = with(
        archive,
        "2026-01-28",
        "orig-en",
        "lang: \"en\"\ntranslation_of: \"orig\"",
    );
    press(&archive, &["check"]).code(0);
    press(&archive, &["export"]).code(0);
    let archive = with(
        archive,
        "2026-01-29",
        "orig-fr",
        "lang: \"fr\"\ntranslation_of: \"orig\"",
    );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-29-orig-fr.md:7:17: error: a translation in "fr" of orig (statements/2026/2026-01-27-orig.md), which is in "fr" too
      help: give the translation's `lang`, or the original's if it is not in the archive's language
    checked 3 statements: 1 error, 0 warnings
    "#);
    press(&archive, &["export"]).code(1);
}

/// JSON carries both keys, in the format's order; the cache serves them unchanged.
#[test]
fn json_carries_aliases_and_translation_of() {
    let archive = with(
        Archive::empty(),
        "2026-01-27",
        "orig",
        "aliases: \"/news/orig.html\"",
    );
    let archive = with(
        archive,
        "2026-01-28",
        "orig-es",
        "lang: \"es\"\ntranslation_of: \"orig\"\naliases: [\"/es/2019/orig/\", \"/es/2019/orig/\"]",
    );
    for _ in 0..2 {
        let run = press(&archive, &["show", "orig-es", "--format", "json"]);
        run.code(0);
        let record: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
        let keys: Vec<&str> = record
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let at = |key: &str| keys.iter().position(|k| *k == key);
        assert!(at("lang") < at("translation_of") && at("translation_of") < at("draft"));
        assert!(at("embargo") < at("aliases") && at("aliases") < at("extra"));
        assert_eq!(record["translation_of"], "orig");
        assert_eq!(record["aliases"], serde_json::json!(["/es/2019/orig/"]));
        // Lists show originals only.
        let run = press(&archive, &["list", "--format", "json"]);
        let records: Vec<serde_json::Value> = serde_json::from_slice(&run.stdout).expect("JSON");
        assert_eq!(records.len(), 1);
        assert_eq!(
            records[0]["aliases"],
            serde_json::json!(["/news/orig.html"])
        );
        assert_eq!(records[0]["translation_of"], serde_json::Value::Null);
    }
}
