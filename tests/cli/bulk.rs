//! `press topics rename|merge|normalize`: every spelling of a topic rewritten in place, only the
//! value changing (quoting styles, comments, CRLF, a byte-order mark and block lists kept),
//! `topics.toml` updated, `--dry-run` diffs, refusals and a failure part-way.

use std::collections::BTreeMap;

use insta::assert_snapshot;

use crate::support::{Archive, press, run};

const FLOW: &str = "statements/2026/2026-01-02-flow.md";
const BLOCK: &str = "statements/2026/2026-01-03-block.md";
const CRLF: &str = "statements/2026/2026-01-04-crlf.md";
const OTHER: &str = "statements/2026/2026-01-05-other.md";

/// Four statements naming "Community" in four spellings and styles: a flow list with single
/// quotes and a comment, a block list with comments and odd key order, a CRLF file with a
/// byte-order mark and double quotes, and one that names neither merged topic.
fn archive() -> Archive {
    Archive::empty()
        .file(
            FLOW,
            "---\ntitle: Flow\ndate: 2026-01-02\nspeaker: Ann\ntopics: ['community', Torture] # two\n---\nBody.\n",
        )
        .file(
            BLOCK,
            "---\n# odd order\ntopics:\n  - Community   # first\n  # between\n  - torture\n  - Policing\ndate: 2026-01-03\ntitle: Block\nspeaker: Bob\n---\nBody.\n",
        )
        .file(
            CRLF,
            "\u{feff}---\r\ntitle: \"CRLF\"\r\ndate: 2026-01-04\r\nspeaker: \"Cy\"\r\ntopics: [\"COMMUNITY\"]\r\n---\r\nBody.\r\n",
        )
        .file(
            OTHER,
            "---\ntitle: Other\ndate: 2026-01-05\nspeaker: Di\ntopics: [Policing]\n---\nBody.\n",
        )
}

/// Every file of the archive with its text.
fn contents(archive: &Archive) -> BTreeMap<String, String> {
    archive
        .files()
        .into_iter()
        .map(|f| {
            let text = archive.read(&f);
            (f, text)
        })
        .collect()
}

#[test]
fn topics_rename_changes_every_spelling_and_nothing_else() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(
        &archive,
        &["topics", "rename", "community", "Communities: \"local\""],
    );
    run.code(0);
    assert_snapshot!(run.out(), @r"
    statements/2026/2026-01-02-flow.md
    statements/2026/2026-01-03-block.md
    statements/2026/2026-01-04-crlf.md
    topics.toml
    ");
    assert_eq!(run.err(), "press: topics renamed; 4 files changed\n");
    let after = contents(&archive);
    assert_eq!(
        after[FLOW],
        before[FLOW].replace("'community'", "'Communities: \"local\"'")
    );
    assert_eq!(
        after[BLOCK],
        before[BLOCK].replace("- Community   #", "- \"Communities: \\\"local\\\"\"   #")
    );
    assert_eq!(
        after[CRLF],
        before[CRLF].replace("[\"COMMUNITY\"]", "[\"Communities: \\\"local\\\"\"]")
    );
    assert_eq!(after[OTHER], before[OTHER]);
    assert_eq!(
        after["topics.toml"],
        "[[topic]]\nname = 'Communities: \"local\"'\nsynonyms = [\"community\"]\n"
    );
    // The renamed topic has one spelling now; "torture" was not renamed.
    let check = press(&archive, &["check"]);
    check.code(0);
    assert_eq!(
        check.err(),
        "statements/2026/2026-01-03-block.md:3:1: warning: topic \"torture\" is spelt \"Torture\" in statements/2026/2026-01-02-flow.md\n  \
         help: use one spelling; they are the same topic\nchecked 4 statements: 0 errors, 1 warning\n"
    );
}

#[test]
fn topics_merge_keeps_one_of_two_merged_topics() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(
        &archive,
        &[
            "topics",
            "merge",
            "Community",
            "torture",
            "--into",
            "Rights",
        ],
    );
    run.code(0);
    assert_eq!(run.err(), "press: topics merged; 4 files changed\n");
    let after = contents(&archive);
    assert_eq!(
        after[FLOW],
        before[FLOW].replace("['community', Torture]", "['Rights']")
    );
    assert_eq!(
        after[BLOCK],
        before[BLOCK]
            .replace("- Community   #", "- Rights   #")
            .replace("  - torture\n", "")
    );
    assert_eq!(after[CRLF], before[CRLF].replace("COMMUNITY", "Rights"));
    assert_eq!(after[OTHER], before[OTHER]);
    assert_eq!(
        after["topics.toml"],
        "[[topic]]\nname = \"Rights\"\nsynonyms = [\"Community\", \"torture\"]\n"
    );
    let topics = press(&archive, &["topics"]);
    assert_snapshot!(topics.out(), @r"
    TOPIC     STATEMENTS  FIRST       LAST
    Rights             3  2026-01-02  2026-01-04
    Policing           2  2026-01-03  2026-01-05
    ");
}

#[test]
fn topics_rename_dry_run_prints_the_diff_and_writes_nothing() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(
        &archive,
        &["topics", "rename", "policing", "Police", "--dry-run"],
    );
    run.code(0);
    assert_snapshot!(run.out(), @r#"
    --- a/statements/2026/2026-01-03-block.md
    +++ b/statements/2026/2026-01-03-block.md
    @@ -4,7 +4,7 @@
       - Community   # first
       # between
       - torture
    -  - Policing
    +  - Police
     date: 2026-01-03
     title: Block
     speaker: Bob
    --- a/statements/2026/2026-01-05-other.md
    +++ b/statements/2026/2026-01-05-other.md
    @@ -2,6 +2,6 @@
     title: Other
     date: 2026-01-05
     speaker: Di
    -topics: [Policing]
    +topics: [Police]
     ---
     Body.
    --- /dev/null
    +++ b/topics.toml
    @@ -0,0 +1,3 @@
    +[[topic]]
    +name = "Police"
    +synonyms = ["policing"]
    "#);
    assert_eq!(run.err(), "press: dry run: nothing written\n");
    assert_eq!(contents(&archive), before);
}

#[test]
fn topics_normalize_leaves_no_spelling_warning() {
    let archive = archive();
    let before = contents(&archive);
    let check = press(&archive, &["check"]);
    assert_eq!(
        check.err(),
        "statements/2026/2026-01-03-block.md:3:1: warning: topic \"Community\" is spelt \"community\" in statements/2026/2026-01-02-flow.md\n  \
         help: use one spelling; they are the same topic\n\
         statements/2026/2026-01-03-block.md:3:1: warning: topic \"torture\" is spelt \"Torture\" in statements/2026/2026-01-02-flow.md\n  \
         help: use one spelling; they are the same topic\n\
         statements/2026/2026-01-04-crlf.md:5:9: warning: topic \"COMMUNITY\" is spelt \"community\" in statements/2026/2026-01-02-flow.md\n  \
         help: use one spelling; they are the same topic\n\
         checked 4 statements: 0 errors, 3 warnings\n"
    );
    let run = press(&archive, &["topics", "normalize"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    statements/2026/2026-01-02-flow.md
    statements/2026/2026-01-03-block.md
    ");
    let after = contents(&archive);
    // Only the topics' spellings changed.
    // The tie between three spellings of `community` goes to the newest file's.
    assert_eq!(
        after[FLOW],
        before[FLOW].replace("['community', Torture]", "['COMMUNITY', torture]")
    );
    assert_eq!(
        after[BLOCK],
        before[BLOCK].replace("  - Community   # first", "  - COMMUNITY   # first")
    );
    for file in [CRLF, OTHER] {
        assert_eq!(after[file], before[file], "{file}");
    }
    assert_eq!(after.len(), before.len());
    let check = press(&archive, &["check"]);
    check.code(0);
    assert_eq!(check.err(), "checked 4 statements: 0 errors, 0 warnings\n");
}

#[test]
fn a_file_with_errors_that_names_the_topic_stops_the_command() {
    let archive = archive().file(
        "statements/2026/2026-01-06-broken.md",
        "---\ntitle: Broken\ndate: 2026-13-06\nspeaker: Ed\ntopics: [community]\n---\nBody.\n",
    );
    let before = contents(&archive);
    let run = press(&archive, &["topics", "rename", "community", "Local"]);
    run.code(1);
    assert_snapshot!(run.err(), @r"
    press: topics rename refused: files with errors name these topics; fix them first (press check); nothing written
      statements/2026/2026-01-06-broken.md
    ");
    assert_eq!(contents(&archive), before);
}

#[test]
fn a_failure_part_way_names_the_files_changed_and_left() {
    let archive = archive();
    let before = contents(&archive);
    let mut command = archive.press();
    command
        .args(["topics", "rename", "community", "Local"])
        .env("PRESS_TEST_FAIL_WRITE", CRLF);
    let run = run(command);
    run.code(2);
    assert_snapshot!(run.err(), @r"
    press: topics rename failed: cannot write statements/2026/2026-01-04-crlf.md: injected failure (PRESS_TEST_FAIL_WRITE)
      already changed: statements/2026/2026-01-02-flow.md, statements/2026/2026-01-03-block.md
      not changed (as before): statements/2026/2026-01-04-crlf.md, topics.toml
    ");
    let after = contents(&archive);
    assert_ne!(after[FLOW], before[FLOW]);
    assert_ne!(after[BLOCK], before[BLOCK]);
    assert_eq!(after[CRLF], before[CRLF]);
    assert!(!after.contains_key("topics.toml"));
    assert_eq!(after.len(), before.len());
}

#[test]
fn an_unknown_topic_is_named_with_a_suggestion() {
    let archive = archive();
    let run = press(&archive, &["topics", "rename", "comunity", "Local"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "press: no topic \"comunity\"\n  help: did you mean \"COMMUNITY\"?\n"
    );
}
