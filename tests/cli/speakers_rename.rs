//! `press speakers rename|merge`: every spelling of a person rewritten in place in every shape
//! `speaker` takes, only the name's bytes changing (quoting styles, comments, CRLF, a byte-order
//! mark, key order kept), speakers.toml updated (aliases, roles), the old page redirected,
//! `--dry-run` diffs, refusals and a failure part-way.

use std::collections::BTreeMap;

use insta::assert_snapshot;

use crate::support::{Archive, press, run};

const SCALAR: &str = "statements/2026/2026-01-02-scalar.md";
const FLOW_MAP: &str = "statements/2026/2026-01-03-flow-map.md";
const BLOCK_MAP: &str = "statements/2026/2026-01-04-block-map.md";
const FLOW_LIST: &str = "statements/2026/2026-01-05-flow-list.md";
const BLOCK_LIST: &str = "statements/2026/2026-01-06-block-list.md";
const OTHER: &str = "statements/2026/2026-01-07-other.md";

/// Six statements, five naming "Ann Lee" in five spellings, one per shape of `speaker`: a
/// plain scalar; a flow map in a CRLF file with a byte-order mark; a block map with comments
/// and odd key order; a flow list beside another speaker; a block list of a map and a scalar.
fn archive() -> Archive {
    Archive::empty()
        .file(
            SCALAR,
            "---\ntitle: Scalar\ndate: 2026-01-02\nspeaker: Ann-Lee # hyphen\ntopics: [Policing]\n---\nBody.\n",
        )
        .file(
            FLOW_MAP,
            "\u{feff}---\r\ntitle: \"Flow map\"\r\ndate: 2026-01-03\r\nspeaker: {role: Director, name: 'ann lee'} # she\r\ntopics: [\"Policing\"]\r\n---\r\nBody.\r\n",
        )
        .file(
            BLOCK_MAP,
            "---\n# odd order\ntopics:\n  - Policing\nspeaker: # who\n  # the boss\n  organization: Amnesty\n  name: \"ANN LEE\"   # loud\n  role: Director\ndate: 2026-01-04\ntitle: Block map\n---\nBody.\n",
        )
        .file(
            FLOW_LIST,
            "---\ntitle: Flow list\ndate: 2026-01-05\nspeaker: [Bob Day, {name: Ann Lee, organization: Amnesty}]\ntopics: [Policing]\n---\nBody.\n",
        )
        .file(
            BLOCK_LIST,
            "---\ntitle: Block list\ndate: 2026-01-06\nspeaker:\n- Bob Day\n- name: 'Ann  Lee'\n  # since 2020\n  role: Director\ntopics: [Policing]\n---\nBody.\n",
        )
        .file(
            OTHER,
            "---\ntitle: Other\ndate: 2026-01-07\nspeaker: {name: Bob Day}\ntopics: [Policing]\n---\nBody.\n",
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
fn speakers_rename_changes_every_shape_and_nothing_else() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(&archive, &["speakers", "rename", "ann lee", "Ann O'Lee"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    statements/2026/2026-01-02-scalar.md
    statements/2026/2026-01-03-flow-map.md
    statements/2026/2026-01-04-block-map.md
    statements/2026/2026-01-05-flow-list.md
    statements/2026/2026-01-06-block-list.md
    speakers.toml
    ");
    assert_eq!(run.err(), "press: speakers renamed; 6 files changed\n");
    let after = contents(&archive);
    assert_eq!(
        after[SCALAR],
        before[SCALAR].replace("Ann-Lee #", "Ann O'Lee #")
    );
    assert_eq!(
        after[FLOW_MAP],
        before[FLOW_MAP].replace("'ann lee'", "'Ann O''Lee'")
    );
    assert_eq!(
        after[BLOCK_MAP],
        before[BLOCK_MAP].replace("\"ANN LEE\"", "\"Ann O'Lee\"")
    );
    assert_eq!(
        after[FLOW_LIST],
        before[FLOW_LIST].replace("name: Ann Lee,", "name: Ann O'Lee,")
    );
    assert_eq!(
        after[BLOCK_LIST],
        before[BLOCK_LIST].replace("'Ann  Lee'", "'Ann O''Lee'")
    );
    assert_eq!(after[OTHER], before[OTHER]);
    assert_eq!(
        after["speakers.toml"],
        "[[person]]\nname = \"Ann O'Lee\"\naliases = [\"Ann  Lee\"]\n"
    );
    // One speaker where there were five spellings, each statement under the new name.
    let speakers = press(&archive, &["speakers"]);
    assert_snapshot!(speakers.out(), @r"
    SPEAKER    STATEMENTS  FIRST       LAST        ROLE
    Ann O'Lee           5  2026-01-02  2026-01-06  Director
    Bob Day             3  2026-01-05  2026-01-07
    ");
    let list = press(
        &archive,
        &["list", "--speaker", "Ann O'Lee", "--format", "paths"],
    );
    assert_snapshot!(list.out(), @r"
    statements/2026/2026-01-06-block-list.md
    statements/2026/2026-01-05-flow-list.md
    statements/2026/2026-01-04-block-map.md
    statements/2026/2026-01-03-flow-map.md
    statements/2026/2026-01-02-scalar.md
    ");
    press(&archive, &["check"]).code(0);
    // The old speaker page redirects to the new one.
    press(&archive, &["export", "--base-url", "https://example.org/"]).code(0);
    assert_eq!(
        archive.read("site/_redirects"),
        "/speakers/ann-lee/ /speakers/ann-o-lee/ 301\n"
    );
    assert!(archive.read("site/speakers/ann-lee/index.html").contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=../../speakers/ann-o-lee/index.html\">"
    ));
}

#[test]
fn speakers_merge_keeps_the_first_of_two_merged_speakers() {
    let archive = archive().file(
        "speakers.toml",
        "# people\n[[person]]\nname = \"Bob Day\" # the editor\naliases = [\"R. Day\"]\n",
    );
    let before = contents(&archive);
    let run = press(
        &archive,
        &["speakers", "merge", "Ann Lee", "r day", "--into", "Bob Day"],
    );
    run.code(0);
    assert_eq!(run.err(), "press: speakers merged; 6 files changed\n");
    let after = contents(&archive);
    assert_eq!(
        after[SCALAR],
        before[SCALAR].replace("Ann-Lee #", "Bob Day #")
    );
    assert_eq!(
        after[FLOW_MAP],
        before[FLOW_MAP].replace("'ann lee'", "'Bob Day'")
    );
    assert_eq!(
        after[BLOCK_MAP],
        before[BLOCK_MAP].replace("\"ANN LEE\"", "\"Bob Day\"")
    );
    // Bob Day named first keeps his place; Ann Lee leaves with her organization.
    assert_eq!(
        after[FLOW_LIST],
        before[FLOW_LIST].replace(
            "[Bob Day, {name: Ann Lee, organization: Amnesty}]",
            "[Bob Day]"
        )
    );
    assert_eq!(
        after[BLOCK_LIST],
        before[BLOCK_LIST].replace("- name: 'Ann  Lee'\n  # since 2020\n  role: Director\n", "")
    );
    assert_eq!(after[OTHER], before[OTHER]);
    assert_eq!(
        after["speakers.toml"],
        "# people\n[[person]]\nname = \"Bob Day\" # the editor\naliases = [\"R. Day\", \"Ann  Lee\"]\n"
    );
    let speakers = press(&archive, &["speakers"]);
    assert_snapshot!(speakers.out(), @r"
    SPEAKER  STATEMENTS  FIRST       LAST        ROLE
    Bob Day           6  2026-01-02  2026-01-07  Director
    ");
}

#[test]
fn speakers_rename_through_an_alias_renames_the_person() {
    let archive = Archive::empty()
        .file(
            "speakers.toml",
            "[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"E. Guevara\"] # short\nroles = [{role = \"Director\", from = 2020-01-01}]\n",
        )
        .file(
            SCALAR,
            "---\ntitle: A\ndate: 2026-01-02\nspeaker: E. Guevara\ntopics: [x]\n---\nBody.\n",
        )
        .file(
            OTHER,
            "---\ntitle: B\ndate: 2026-01-07\nspeaker: \"Erika Guevara Rosas\"\ntopics: [x]\n---\nBody.\n",
        );
    let run = press(
        &archive,
        &["speakers", "rename", "e guevara", "Erika Guevara-Rosas"],
    );
    run.code(0);
    assert_eq!(
        archive.read(SCALAR),
        "---\ntitle: A\ndate: 2026-01-02\nspeaker: Erika Guevara-Rosas\ntopics: [x]\n---\nBody.\n"
    );
    assert_eq!(
        archive.read(OTHER),
        "---\ntitle: B\ndate: 2026-01-07\nspeaker: \"Erika Guevara-Rosas\"\ntopics: [x]\n---\nBody.\n"
    );
    assert_eq!(
        archive.read("speakers.toml"),
        "[[person]]\nname = \"Erika Guevara-Rosas\"\naliases = [\"E. Guevara\"] # short\nroles = [{role = \"Director\", from = 2020-01-01}]\n"
    );
}

#[test]
fn speakers_merge_of_two_people_with_roles_is_refused() {
    let toml = "[[person]]\nname = \"Ann Lee\"\nroles = [{role = \"Director\", from = 2020-01-01}]\n\n\
                [[person]]\nname = \"Bob Day\"\nroles = [{role = \"Editor\", from = 2021-01-01}]\n";
    let archive = archive().file("speakers.toml", toml);
    let before = contents(&archive);
    let run = press(
        &archive,
        &["speakers", "merge", "Ann Lee", "--into", "Bob Day"],
    );
    run.code(2);
    assert_eq!(
        run.err(),
        "press: speakers merge refused: \"Bob Day\" and \"Ann Lee\" would become one [[person]] in speakers.toml, \
         and each has `roles`; merge their `roles` in speakers.toml by hand first; nothing written\n"
    );
    assert_eq!(contents(&archive), before);
}

#[test]
fn speakers_rename_dry_run_prints_the_diff_and_writes_nothing() {
    let archive = archive();
    let before = contents(&archive);
    let run = press(
        &archive,
        &["speakers", "rename", "Bob Day", "Robert Day", "--dry-run"],
    );
    run.code(0);
    assert_snapshot!(run.out(), @r#"
    --- a/statements/2026/2026-01-05-flow-list.md
    +++ b/statements/2026/2026-01-05-flow-list.md
    @@ -1,7 +1,7 @@
     ---
     title: Flow list
     date: 2026-01-05
    -speaker: [Bob Day, {name: Ann Lee, organization: Amnesty}]
    +speaker: [Robert Day, {name: Ann Lee, organization: Amnesty}]
     topics: [Policing]
     ---
     Body.
    --- a/statements/2026/2026-01-06-block-list.md
    +++ b/statements/2026/2026-01-06-block-list.md
    @@ -2,7 +2,7 @@
     title: Block list
     date: 2026-01-06
     speaker:
    -- Bob Day
    +- Robert Day
     - name: 'Ann  Lee'
       # since 2020
       role: Director
    --- a/statements/2026/2026-01-07-other.md
    +++ b/statements/2026/2026-01-07-other.md
    @@ -1,7 +1,7 @@
     ---
     title: Other
     date: 2026-01-07
    -speaker: {name: Bob Day}
    +speaker: {name: Robert Day}
     topics: [Policing]
     ---
     Body.
    --- /dev/null
    +++ b/speakers.toml
    @@ -0,0 +1,3 @@
    +[[person]]
    +name = "Robert Day"
    +aliases = ["Bob Day"]
    "#);
    assert_eq!(run.err(), "press: dry run: nothing written\n");
    assert_eq!(contents(&archive), before);
}

#[test]
fn speakers_rename_refuses_when_a_file_naming_them_has_errors() {
    let archive = archive().file(
        "statements/2026/2026-01-08-broken.md",
        "---\ntitle: Broken\ndate: 2026-13-08\nspeaker: Ann Lee\ntopics: [Policing]\n---\nBody.\n",
    );
    let before = contents(&archive);
    let run = press(&archive, &["speakers", "rename", "Ann Lee", "Ann O'Lee"]);
    run.code(1);
    assert_snapshot!(run.err(), @r"
    press: speakers rename refused: files with errors name these speakers; fix them first (press check); nothing written
      statements/2026/2026-01-08-broken.md
    ");
    assert_eq!(contents(&archive), before);
}

#[test]
fn speakers_rename_refuses_a_name_over_several_lines() {
    let archive = archive().file(
        "statements/2026/2026-01-08-folded.md",
        "---\ntitle: Folded\ndate: 2026-01-08\nspeaker:\n  name: Ann\n    Lee\ntopics: [Policing]\n---\nBody.\n",
    );
    let before = contents(&archive);
    let run = press(&archive, &["speakers", "rename", "Ann Lee", "Ann O'Lee"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: speakers rename refused: statements/2026/2026-01-08-folded.md: a `name` over several lines; \
         edit it by hand; nothing written\n"
    );
    assert_eq!(contents(&archive), before);
}

#[test]
fn speakers_rename_failing_part_way_names_the_files_changed_and_left() {
    let archive = archive();
    let before = contents(&archive);
    let mut command = archive.press();
    command
        .args(["speakers", "rename", "Ann Lee", "Ann O'Lee"])
        .env("PRESS_TEST_FAIL_WRITE", BLOCK_MAP);
    let run = run(command);
    run.code(2);
    assert_snapshot!(run.err(), @r"
    press: speakers rename failed: cannot write statements/2026/2026-01-04-block-map.md: injected failure (PRESS_TEST_FAIL_WRITE)
      already changed: statements/2026/2026-01-02-scalar.md, statements/2026/2026-01-03-flow-map.md
      not changed (as before): statements/2026/2026-01-04-block-map.md, statements/2026/2026-01-05-flow-list.md, statements/2026/2026-01-06-block-list.md, speakers.toml
    ");
    let after = contents(&archive);
    assert_ne!(after[SCALAR], before[SCALAR]);
    assert_ne!(after[FLOW_MAP], before[FLOW_MAP]);
    for unchanged in [BLOCK_MAP, FLOW_LIST, BLOCK_LIST, OTHER] {
        assert_eq!(after[unchanged], before[unchanged]);
    }
    assert!(!after.contains_key("speakers.toml"));
    assert_eq!(after.len(), before.len());
}

#[test]
fn speakers_rename_of_an_unknown_name_suggests_one() {
    let run = press(&archive(), &["speakers", "rename", "Bob Dey", "Robert Day"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "press: no speaker \"Bob Dey\"\n  help: did you mean \"Bob Day\"?\n"
    );
    let organization = archive().file(
        "statements/2026/2026-01-08-amnesty.md",
        "---\ntitle: Org\ndate: 2026-01-08\nspeaker: {organization: Amnesty}\ntopics: [Policing]\n---\nBody.\n",
    );
    let run = press(&organization, &["speakers", "rename", "amnesty", "AI"]);
    run.code(1);
    assert_eq!(
        run.err(),
        "press: no speaker \"amnesty\"\n  help: \"Amnesty\" speaks as an organization (without `name`); press speakers renames people only\n"
    );
}

/// Runs git in the archive, returning its standard output.
fn git(archive: &Archive, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .args([
            "-c",
            "core.autocrlf=false",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
        ])
        .args(args)
        .current_dir(archive.path())
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn speakers_rename_git_diff_shows_only_the_name_lines() {
    if !crate::export::tool("git") {
        return;
    }
    let archive = archive();
    git(&archive, &["init", "-q"]);
    git(&archive, &["add", "statements"]);
    git(&archive, &["commit", "-qm", "before"]);
    press(&archive, &["speakers", "rename", "Ann Lee", "Lee, Ann"]).code(0);
    assert_eq!(
        git(&archive, &["diff", "--numstat"]),
        "1\t1\tstatements/2026/2026-01-02-scalar.md\n\
         1\t1\tstatements/2026/2026-01-03-flow-map.md\n\
         1\t1\tstatements/2026/2026-01-04-block-map.md\n\
         1\t1\tstatements/2026/2026-01-05-flow-list.md\n\
         1\t1\tstatements/2026/2026-01-06-block-list.md\n"
    );
    // The changed lines (`lines` drops the CRLF file's `\r`): the names alone.
    let changed: Vec<String> = git(&archive, &["diff", "-U0"])
        .lines()
        .filter(|l| l.starts_with(['+', '-']) && !l.starts_with("+++") && !l.starts_with("---"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        changed,
        [
            "-speaker: Ann-Lee # hyphen",
            "+speaker: Lee, Ann # hyphen",
            "-speaker: {role: Director, name: 'ann lee'} # she",
            "+speaker: {role: Director, name: 'Lee, Ann'} # she",
            "-  name: \"ANN LEE\"   # loud",
            "+  name: \"Lee, Ann\"   # loud",
            "-speaker: [Bob Day, {name: Ann Lee, organization: Amnesty}]",
            "+speaker: [Bob Day, {name: \"Lee, Ann\", organization: Amnesty}]",
            "-- name: 'Ann  Lee'",
            "+- name: 'Lee, Ann'",
        ]
    );
}

#[test]
fn speakers_merge_hands_a_merged_persons_aliases_and_roles_on() {
    let archive = archive().file(
        "speakers.toml",
        "[[person]]\nname = \"Ann Lee\"\naliases = [\"A. Lee\"]\nroles = [{role = \"Director\", from = 2020-01-01}]\n\n\
         [[person]]\nname = \"Bob Day\" # editor\n",
    );
    press(
        &archive,
        &["speakers", "merge", "a lee", "--into", "Bob Day"],
    )
    .code(0);
    assert_eq!(
        archive.read("speakers.toml"),
        "\n[[person]]\nname = \"Bob Day\" # editor\nroles = [{role = \"Director\", from = 2020-01-01}]\n\
         aliases = [\"Ann Lee\", \"A. Lee\"]\n"
    );
    assert_eq!(
        archive.read(FLOW_MAP),
        "\u{feff}---\r\ntitle: \"Flow map\"\r\ndate: 2026-01-03\r\nspeaker: {role: Director, name: 'Bob Day'} # she\r\ntopics: [\"Policing\"]\r\n---\r\nBody.\r\n"
    );
}

#[test]
fn speakers_rename_refuses_a_directory_with_errors() {
    let archive = archive().file("speakers.toml", "[[person]]\nnam = \"Ann Lee\"\n");
    let before = contents(&archive);
    let run = press(&archive, &["speakers", "rename", "Ann Lee", "Ann O'Lee"]);
    run.code(1);
    assert_snapshot!(run.err(), @r"
    speakers.toml:2:1: error: unknown key `nam`
      help: did you mean `name`?
    press: speakers rename refused: speakers.toml has errors; fix them first; nothing written
    ");
    assert_eq!(contents(&archive), before);
}
