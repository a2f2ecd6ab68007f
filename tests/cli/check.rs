//! `press check`: one test per diagnostic kind, pinning message, line and column; the
//! archive-wide warnings; the summary line and exit codes.

use insta::assert_snapshot;

use crate::support::{Archive, front, press, statement};

/// A file that does not open with `---`.
#[test]
fn check_reports_missing_front_matter() {
    let archive = Archive::invalid("missing-front-matter");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-missing-front-matter.md:1:1: error: missing front matter: the file must start with a line `---`
      help: start the file with `---`, the keys title, date, speaker and topics, then another `---` line
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// Front matter without its closing `---`: reported on line 1.
#[test]
fn check_reports_unclosed_front_matter() {
    let archive = Archive::invalid("unclosed-front-matter");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-unclosed-front-matter.md:1:1: error: unclosed front matter: no closing `---` line
      help: end the front matter with a line `---` before the statement's text
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// An unclosed quote: YAML's own position, in file lines.
#[test]
fn check_reports_yaml_syntax() {
    let archive = Archive::invalid("yaml-syntax");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-yaml-syntax.md:4:11: error: invalid YAML: did not find expected key, while parsing a block mapping
      help: check quoting and indentation here; a value containing `: ` or starting with a quote needs double quotes
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// `topics` given as one string.
#[test]
fn check_reports_wrong_type() {
    let archive = Archive::invalid("wrong-type");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-wrong-type.md:5:9: error: `topics` must be a list of strings, found the string "Policing"
      help: write topics: ["Interpol", "red notices"]
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// Each missing required key named, on line 1.
#[test]
fn check_reports_missing_required_keys() {
    let archive = Archive::invalid("missing-required-keys");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-missing-required-keys.md:1:1: error: missing required key `title`
      help: add `title: "Country: What happened"`
    statements/2026/2026-01-27-missing-required-keys.md:1:1: error: missing required key `speaker`
      help: add `speaker: "Full Name"`, or a mapping with `name`, `role` and `organization`
    checked 1 statement: 2 errors, 0 warnings
    "#);
}

/// `topic` for `topics`: did you mean.
#[test]
fn check_reports_unknown_key() {
    let archive = Archive::invalid("unknown-key");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-unknown-key.md:5:1: error: unknown key `topic`
      help: did you mean `topics`?
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// 2026-02-30 is never rolled over to March.
#[test]
fn check_reports_impossible_date() {
    let archive = Archive::invalid("impossible-date");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-impossible-date.md:3:7: error: `date` is an impossible date: "2026-02-30"
      help: check the day and month; write it as YYYY-MM-DD
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A day/month/year date.
#[test]
fn check_reports_malformed_date() {
    let archive = Archive::invalid("malformed-date");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-malformed-date.md:3:7: error: `date` is not a date: "27/01/2026"
      help: write the date as YYYY-MM-DD, e.g. 2026-01-27
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A date-time must carry its offset.
#[test]
fn check_reports_date_time_without_offset() {
    let archive = Archive::invalid("date-time-without-offset");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-date-time-without-offset.md:3:7: error: `date` has a time but no UTC offset: "2026-01-27T09:30:00"
      help: add the offset, e.g. 2026-01-27T09:30:00+01:00, or give the day only
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// `topics: []`.
#[test]
fn check_reports_empty_topics() {
    let archive = Archive::invalid("empty-topics");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-empty-topics.md:5:9: error: `topics` is empty
      help: add `topics: ["Topic"]` with at least one topic
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// An ftp `source`.
#[test]
fn check_reports_bad_url() {
    let archive = Archive::invalid("bad-url");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-bad-url.md:6:9: error: `source` is not an absolute http(s) URL: "ftp://example.org/x"
      help: write the full address, e.g. https://example.org/news/statement
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A `lang` that is not a BCP 47 tag.
#[test]
fn check_reports_bad_lang() {
    let archive = Archive::invalid("bad-lang");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-bad-lang.md:6:7: error: `lang` is not a BCP 47 language tag: "english please"
      help: use a tag such as en, fr, pt-BR, ar or zh-Hant
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// `draft: "yes"` is a string, not a boolean.
#[test]
fn check_reports_draft_not_boolean() {
    let archive = Archive::invalid("draft-not-boolean");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-draft-not-boolean.md:6:8: error: `draft` must be true or false, found the string "yes"
      help: write `draft: true` or `draft: false`, without quotes
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A `slug:` with capitals and an underscore.
#[test]
fn check_reports_bad_slug() {
    let archive = Archive::invalid("bad-slug");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-bad-slug.md:6:7: error: `slug` is not a valid slug: "Chile_Police"
      help: use lowercase ASCII letters, digits and single hyphens, at most 80 characters, e.g. "chile-police"
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A Latin-1 byte: the line and column of the first bad byte.
#[test]
fn check_reports_non_utf8() {
    let archive = Archive::invalid("non-utf8");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-non-utf8.md:8:16: error: file is not valid UTF-8 (byte 0xe9)
      help: save the file as UTF-8
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// `title` twice: the second one's line, naming the first.
#[test]
fn check_reports_duplicate_key() {
    let archive = Archive::invalid("duplicate-key");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-duplicate-key.md:6:1: error: duplicate key `title` (first on line 2)
      help: remove one of the two lines
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A Markdown link to a file that is not there: the link's line.
#[test]
fn check_reports_missing_local_file() {
    let archive = Archive::invalid("missing-local-file");
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(archive.clean(&run.stderr), @r#"
    statements/2026/2026-01-27-missing-local-file.md:9:9: error: link to a missing local file "report.pdf"
      help: put the file beside the statement or under assets/, or fix the link
    checked 1 statement: 1 error, 0 warnings
    "#);
}

/// A file that is valid apart from its name.
fn valid(title: &str, date: &str) -> String {
    statement(&front(title, date), "Body.\n")
}

/// The valid fixture passes: exit 0, only the summary.
#[test]
fn check_passes_a_valid_file() {
    let archive = Archive::invalid("valid");
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @"checked 1 statement: 0 errors, 0 warnings");
}

/// The bundled-style fixture archive is clean but for its embargo warning.
#[test]
fn check_passes_the_basic_archive() {
    let archive = Archive::basic();
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r"
    statements/2026/2026-05-30-iran-embargoed-report.md:9:10: warning: under embargo until 2026-06-10T00:01:00+00:00
    checked 6 statements: 0 errors, 1 warning
    ");
}

/// Two files with one slug: an error on the second, naming the first.
#[test]
fn check_reports_duplicate_slug_naming_both_files() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-27-chile-police.md",
            valid("Chile: A", "2026-01-27"),
        )
        .file(
            "statements/2026/2026-01-28-other.md",
            statement(
                &format!(
                    "{}\nslug: \"chile-police\"",
                    front("Chile: B", "2026-01-28")
                ),
                "Body.\n",
            ),
        );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r"
    statements/2026/2026-01-28-other.md:1:1: error: duplicate slug `chile-police`: statements/2026/2026-01-27-chile-police.md has it too
      help: give one of them another file name or a `slug:` of its own
    checked 2 statements: 1 error, 0 warnings
    ");
}

/// A file-name date that differs from `date` is a warning with the conventional name.
#[test]
fn check_warns_about_a_file_name_date_mismatch() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-chile-police.md",
        valid("Chile: A", "2026-01-28"),
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r"
    statements/2026/2026-01-27-chile-police.md:1:1: warning: the file name's date 2026-01-27 differs from `date` 2026-01-28
      help: rename the file to statements/2026/2026-01-28-chile-police.md
    checked 1 statement: 0 errors, 1 warning
    ");
}

/// A file name without its date prefix is a warning; the slug still comes from the name.
#[test]
fn check_warns_about_a_bad_file_name() {
    let archive = Archive::empty().file(
        "statements/chile police.md",
        valid("Chile: A", "2026-01-27"),
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r"
    statements/chile police.md:1:1: warning: the file name is not of the form YYYY-MM-DD-slug.md
      help: rename the file to statements/2026/2026-01-27-chile-police.md
    checked 1 statement: 0 errors, 1 warning
    ");
}

/// Topic spellings that normalise alike are one topic: a warning naming the other spelling.
#[test]
fn check_warns_about_topic_spellings_alike() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-27-a.md",
            statement(
                "title: \"A\"\ndate: 2026-01-27\nspeaker: \"X\"\ntopics: [\"Human rights defenders\"]",
                "Body.\n",
            ),
        )
        .file(
            "statements/2026/2026-01-28-b.md",
            statement(
                "title: \"B\"\ndate: 2026-01-28\nspeaker: \"X\"\ntopics: [\"human-rights-defenders\"]",
                "Body.\n",
            ),
        );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-28-b.md:5:9: warning: topic "human-rights-defenders" is spelt "Human rights defenders" in statements/2026/2026-01-27-a.md
      help: use one spelling; they are the same topic
    checked 2 statements: 0 errors, 1 warning
    "#);
}

/// A topic listed twice in one statement (alike after normalising, or exactly): a warning,
/// and the statement carries it once.
#[test]
fn check_warns_about_a_topic_listed_twice() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-a.md",
        statement(
            "title: \"A\"\ndate: 2026-01-27\nspeaker: \"X\"\ntopics: [\"Torture\", \"torture\", \"Torture\"]",
            "Body.\n",
        ),
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-a.md:5:9: warning: topic "torture" is listed twice, first as "Torture"
      help: remove the repeat
    statements/2026/2026-01-27-a.md:5:9: warning: topic "Torture" is listed twice
      help: remove the repeat
    checked 1 statement: 0 errors, 2 warnings
    "#);
    let run = press(&archive, &["list", "--format", "json"]);
    run.code(0);
    let listed: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(listed[0]["topics"], serde_json::json!(["Torture"]));
}

/// One `source` on two statements: a warning on the second naming the first.
#[test]
fn check_warns_about_a_source_used_twice() {
    let with_source = |title: &str, date: &str| {
        statement(
            &format!("{}\nsource: \"https://example.org/a\"", front(title, date)),
            "Body.\n",
        )
    };
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-27-a.md",
            with_source("A", "2026-01-27"),
        )
        .file(
            "statements/2026/2026-01-28-b.md",
            with_source("B", "2026-01-28"),
        );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-28-b.md:6:9: warning: `source` "https://example.org/a" is also the source of statements/2026/2026-01-27-a.md
      help: is one of them a duplicate?
    checked 2 statements: 0 errors, 1 warning
    "#);
}

/// A date after `PRESS_NOW` is a warning, and so is an embargo after it.
#[test]
fn check_warns_about_a_future_date() {
    let archive =
        Archive::empty().file("statements/2026/2026-07-01-a.md", valid("A", "2026-07-01"));
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r"
    statements/2026/2026-07-01-a.md:3:7: warning: `date` 2026-07-01 is in the future
    checked 1 statement: 0 errors, 1 warning
    ");
    // The same file is not in the future for a later clock.
    let mut later = archive.press();
    later.args(["check", "--now", "2026-07-02T00:00:00Z"]);
    let run = crate::support::run(later);
    run.code(0);
    assert_snapshot!(run.err(), @"checked 1 statement: 0 errors, 0 warnings");
}

/// An empty body is a warning, on the line after the closing `---`.
#[test]
fn check_warns_about_an_empty_body() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-a.md",
        statement(&front("A", "2026-01-27"), "\n\n"),
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @r"
    statements/2026/2026-01-27-a.md:6:1: warning: the statement has no body text
      help: add the statement's text after the closing `---`
    checked 1 statement: 0 errors, 1 warning
    ");
}

/// Every bad file is reported, not only the first, and the good ones are still counted.
#[test]
fn check_reports_every_bad_file() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-27-bad-lang.md",
            crate::support::invalid("bad-lang"),
        )
        .file(
            "statements/2026/2026-01-27-bad-url.md",
            crate::support::invalid("bad-url"),
        )
        .file(
            "statements/2026/2026-01-27-valid.md",
            crate::support::invalid("valid"),
        );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-bad-lang.md:6:7: error: `lang` is not a BCP 47 language tag: "english please"
      help: use a tag such as en, fr, pt-BR, ar or zh-Hant
    statements/2026/2026-01-27-bad-url.md:6:9: error: `source` is not an absolute http(s) URL: "ftp://example.org/x"
      help: write the full address, e.g. https://example.org/news/statement
    checked 3 statements: 2 errors, 0 warnings
    "#);
}

/// `--format json` puts the diagnostics on stdout as data.
#[test]
fn check_json_lists_diagnostics() {
    let archive = Archive::invalid("bad-lang");
    let run = press(&archive, &["check", "--format", "json"]);
    run.code(1);
    let diagnostics: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(
        diagnostics,
        serde_json::json!([{
            "path": "statements/2026/2026-01-27-bad-lang.md",
            "line": 6,
            "column": 7,
            "severity": "error",
            "message": "`lang` is not a BCP 47 language tag: \"english please\"",
            "help": "use a tag such as en, fr, pt-BR, ar or zh-Hant",
        }])
    );
}

/// An empty archive is fine.
#[test]
fn check_passes_an_empty_archive() {
    let archive = Archive::empty();
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_snapshot!(run.err(), @"checked 0 statements: 0 errors, 0 warnings");
}

/// A missing file linked from the background is reported on the link's line in the `|` block,
/// and at the key when the background is a quoted string.
#[test]
fn check_reports_missing_local_files_in_the_background() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-27-a.md",
            statement(
                &format!(
                    "{}\nbackground: |\n  First line.\n\n  See ![map](map.png).",
                    front("A", "2026-01-27")
                ),
                "Body with [a present file](a.txt).\n",
            ),
        )
        .file("statements/2026/a.txt", "here")
        .file(
            "statements/2026/2026-01-28-b.md",
            statement(
                &format!(
                    "{}\nbackground: \"See [x](/assets/x.pdf).\"",
                    front("B", "2026-01-28")
                ),
                "Body.\n",
            ),
        );
    let run = press(&archive, &["check"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-a.md:9:1: error: link to a missing local file "map.png"
      help: put the file beside the statement or under assets/, or fix the link
    statements/2026/2026-01-28-b.md:6:13: error: link to a missing local file "/assets/x.pdf"
      help: put the file beside the statement or under assets/, or fix the link
    checked 2 statements: 2 errors, 0 warnings
    "#);
}

/// The date-time forms of `date`: a real day with an impossible time or day is named for what is
/// wrong, each with its own help.
#[test]
fn check_names_what_is_wrong_with_a_date_time() {
    let cases = [
        (
            "2026-02-30T09:30:00+01:00",
            "`date` is an impossible date: \"2026-02-30T09:30:00+01:00\"\n  help: check the day and month; write it as YYYY-MM-DD",
        ),
        (
            "2026-02-30 09:30",
            "`date` is an impossible date: \"2026-02-30 09:30\"\n  help: check the day and month; write it as YYYY-MM-DD",
        ),
        (
            "2026-01-27 09:30",
            "`date` has a time but no UTC offset: \"2026-01-27 09:30\"\n  help: add the offset, e.g. 2026-01-27T09:30:00+01:00, or give the day only",
        ),
        (
            "2026-01-27T25:00:00+01:00",
            "`date` is not a date: \"2026-01-27T25:00:00+01:00\"\n  help: write the date as YYYY-MM-DD, e.g. 2026-01-27",
        ),
        (
            "2026-01-27x09:30:00+01:00",
            "`date` is not a date: \"2026-01-27x09:30:00+01:00\"\n  help: write the date as YYYY-MM-DD, e.g. 2026-01-27",
        ),
        (
            "2026/01/27",
            "`date` is not a date: \"2026/01/27\"\n  help: write the date as YYYY-MM-DD, e.g. 2026-01-27",
        ),
    ];
    for (date, expected) in cases {
        let archive = Archive::empty().file(
            "statements/2026/2026-01-27-x.md",
            statement(&front("Chile: X", &format!("{date:?}")), "Body.\n"),
        );
        let run = press(&archive, &["check"]);
        run.code(1);
        assert_eq!(
            archive.clean(&run.stderr),
            format!(
                "statements/2026/2026-01-27-x.md:3:7: error: {expected}\nchecked 1 statement: 1 error, 0 warnings\n"
            ),
            "{date}"
        );
    }
    // A good date-time is accepted, on the day it was written.
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-x.md",
        statement(&front("Chile: X", "2026-01-27T23:30:00-05:00"), "Body.\n"),
    );
    let run = press(
        &archive,
        &[
            "list",
            "--format",
            "paths",
            "--since",
            "2026-01-27",
            "--until",
            "2026-01-27",
        ],
    );
    run.code(0);
    assert_eq!(run.out(), "statements/2026/2026-01-27-x.md\n");
}

/// The column of a control character counts characters, not bytes, after multi-byte ones.
#[test]
fn check_counts_the_column_of_a_control_character_in_characters() {
    for (body, line, column, code) in [
        ("Café «x» \u{1b}[31m\n", 7, 10, "U+001B"),
        ("ok\nΣ€𝄞\u{7f}\n", 8, 4, "U+007F"),
        ("日本\u{85}\n", 7, 3, "U+0085"),
    ] {
        let archive = Archive::empty().file(
            "statements/2026/2026-01-27-x.md",
            statement(&front("Chile: X", "2026-01-27"), body),
        );
        let run = press(&archive, &["check"]);
        run.code(1);
        assert_eq!(
            archive.clean(&run.stderr),
            format!(
                "statements/2026/2026-01-27-x.md:{line}:{column}: error: file contains the control character {code}\n  help: remove the character; statement files are plain text\nchecked 1 statement: 1 error, 0 warnings\n"
            ),
            "{body:?}"
        );
    }
}
