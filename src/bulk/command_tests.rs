//! `press topics rename|merge|normalize` and `press speakers rename|merge` run in process
//! ([`crate::commands::in_process`]): the files each leaves on disk byte for byte, its whole
//! output and exit, its refusals (nothing written), and [`super::write`] and
//! [`super::file::replace`] failing or moving a file. What tests/cli/bulk.rs and
//! tests/cli/speakers_rename.rs check through the binary, so that the bulk engine's mutants are
//! judged by the library's tests alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::Result;

use super::{Change, file, unified_diff, write};
use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};

const FLOW: &str = "statements/2026/2026-01-02-flow.md";
const BLOCK: &str = "statements/2026/2026-01-03-block.md";
const CRLF: &str = "statements/2026/2026-01-04-crlf.md";
const OTHER: &str = "statements/2026/2026-01-05-other.md";

/// Four statements naming "Community" in four spellings and styles: a flow list with single
/// quotes and a comment, a block list with comments and odd key order, a CRLF file with a
/// byte-order mark and double quotes, and one that names neither.
const TOPICS: [(&str, &str); 4] = [
    (
        FLOW,
        "---\ntitle: Flow\ndate: 2026-01-02\nspeaker: Ann\ntopics: ['community', Torture] # two\n---\nBody.\n",
    ),
    (
        BLOCK,
        "---\n# odd order\ntopics:\n  - Community   # first\n  # between\n  - torture\n  - Policing\ndate: 2026-01-03\ntitle: Block\nspeaker: Bob\n---\nBody.\n",
    ),
    (
        CRLF,
        "\u{feff}---\r\ntitle: \"CRLF\"\r\ndate: 2026-01-04\r\nspeaker: \"Cy\"\r\ntopics: [\"COMMUNITY\"]\r\n---\r\nBody.\r\n",
    ),
    (
        OTHER,
        "---\ntitle: Other\ndate: 2026-01-05\nspeaker: Di\ntopics: [Policing]\n---\nBody.\n",
    ),
];

/// Every file under `root` with its text (not press's cache, `.press/`).
fn contents(root: &Path) -> Result<BTreeMap<String, String>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, String>) -> Result<()> {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            let name = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            if name == ".press" {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, found)?;
            } else {
                found.insert(name, fs::read_to_string(&path)?);
            }
        }
        Ok(())
    }
    let mut found = BTreeMap::new();
    walk(root, root, &mut found)?;
    Ok(found)
}

/// `before` with the files `changed` names replaced by their new texts.
fn with(before: &BTreeMap<String, String>, changed: &[(&str, String)]) -> BTreeMap<String, String> {
    let mut after = before.clone();
    for (path, text) in changed {
        after.insert((*path).to_owned(), text.clone());
    }
    after
}

fn ran(exit: Exit, out: &str, err: &str) -> Ran {
    Ran {
        exit,
        out: out.to_owned(),
        err: err.to_owned(),
    }
}

#[test]
fn topics_rename_changes_every_spelling_and_nothing_else() -> Result<()> {
    let root = archive(&TOPICS)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(
            root.path(),
            &["topics", "rename", "community", "Communities: \"local\""]
        ),
        ran(
            Exit::Success,
            &format!("{FLOW}\n{BLOCK}\n{CRLF}\ntopics.toml\n"),
            "press: topics renamed; 4 files changed\n"
        )
    );
    let want = with(
        &before,
        &[
            (
                FLOW,
                before[FLOW].replace("'community'", "'Communities: \"local\"'"),
            ),
            (
                BLOCK,
                before[BLOCK].replace("- Community   #", "- \"Communities: \\\"local\\\"\"   #"),
            ),
            (
                CRLF,
                before[CRLF].replace("[\"COMMUNITY\"]", "[\"Communities: \\\"local\\\"\"]"),
            ),
            (
                "topics.toml",
                "[[topic]]\nname = 'Communities: \"local\"'\nsynonyms = [\"community\"]\n"
                    .to_owned(),
            ),
        ],
    );
    assert_eq!(contents(root.path())?, want);
    // Nothing left to rename: a second run changes nothing.
    assert_eq!(
        press(
            root.path(),
            &["topics", "rename", "community", "Communities: \"local\""]
        ),
        ran(Exit::Success, "", "press: nothing to change\n")
    );
    assert_eq!(contents(root.path())?, want);
    Ok(())
}

#[test]
fn topics_merge_keeps_one_of_two_merged_topics() -> Result<()> {
    let root = archive(&TOPICS)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(
            root.path(),
            &[
                "topics",
                "merge",
                "Community",
                "torture",
                "--into",
                "Rights"
            ]
        ),
        ran(
            Exit::Success,
            &format!("{FLOW}\n{BLOCK}\n{CRLF}\ntopics.toml\n"),
            "press: topics merged; 4 files changed\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        with(
            &before,
            &[
                (
                    FLOW,
                    before[FLOW].replace("['community', Torture]", "['Rights']"),
                ),
                (
                    BLOCK,
                    before[BLOCK]
                        .replace("- Community   #", "- Rights   #")
                        .replace("  - torture\n", ""),
                ),
                (CRLF, before[CRLF].replace("COMMUNITY", "Rights")),
                (
                    "topics.toml",
                    "[[topic]]\nname = \"Rights\"\nsynonyms = [\"Community\", \"torture\"]\n"
                        .to_owned(),
                ),
            ],
        )
    );
    Ok(())
}

#[test]
fn topics_rename_dry_run_prints_the_diff_and_writes_nothing() -> Result<()> {
    let root = archive(&TOPICS)?;
    let before = contents(root.path())?;
    let diff = "\
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
+name = \"Police\"
+synonyms = [\"policing\"]
";
    assert_eq!(
        press(
            root.path(),
            &["topics", "rename", "policing", "Police", "--dry-run"]
        ),
        ran(Exit::Success, diff, "press: dry run: nothing written\n")
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

#[test]
fn topics_normalize_rewrites_each_spelling_to_the_majority() -> Result<()> {
    let root = archive(&TOPICS)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["topics", "normalize"]),
        ran(
            Exit::Success,
            &format!("{FLOW}\n{BLOCK}\n"),
            "press: topics normalized; 2 files changed\n"
        )
    );
    let after = contents(root.path())?;
    assert_eq!(after[CRLF], before[CRLF]);
    assert_eq!(after[OTHER], before[OTHER]);
    assert_eq!(
        press(root.path(), &["check"]),
        ran(
            Exit::Success,
            "",
            "checked 4 statements: 0 errors, 0 warnings\n"
        )
    );
    Ok(())
}

#[test]
fn a_file_with_errors_that_names_the_topic_stops_the_command() -> Result<()> {
    let broken = "statements/2026/2026-01-06-broken.md";
    let mut files = TOPICS.to_vec();
    files.push((
        broken,
        "---\ntitle: Broken\ndate: 2026-13-06\nspeaker: Ed\ntopics: [community]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["topics", "rename", "community", "Local"]),
        ran(
            Exit::Problems,
            "",
            &format!(
                "press: topics rename refused: files with errors name these topics; fix them first (press check); nothing written\n  {broken}\n"
            )
        )
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

/// A file with errors whose topics the edit cannot read (text after the list) may name the
/// topic: it stops the command too.
#[test]
fn a_file_with_errors_the_edit_cannot_read_stops_the_command() -> Result<()> {
    let broken = "statements/2026/2026-01-06-broken.md";
    let mut files = TOPICS.to_vec();
    files.push((
        broken,
        "---\ntitle: Broken\ndate: 2026-01-06\nspeaker: Ed\ntopics: [Policing] oops\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["topics", "rename", "community", "Local"]),
        ran(
            Exit::Problems,
            "",
            &format!(
                "press: topics rename refused: files with errors name these topics; fix them first (press check); nothing written\n  {broken}\n"
            )
        )
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

/// A file with errors that does not name the topic, and one whose name gives a warning, do
/// not stop the rename: only the files naming it change.
#[test]
fn files_with_errors_or_warnings_elsewhere_do_not_stop_the_command() -> Result<()> {
    let broken = "statements/2026/2026-01-06-broken.md";
    let odd = "statements/2026/odd.md";
    let mut files = TOPICS.to_vec();
    files.push((
        broken,
        "---\ntitle: Broken\ndate: 2026-13-06\nspeaker: Ed\ntopics: [Policing]\n---\nBody.\n",
    ));
    files.push((
        odd,
        "---\ntitle: Odd\ndate: 2026-01-07\nspeaker: Flo\ntopics: [torture]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(
            root.path(),
            &["topics", "rename", "torture", "Ill-treatment"]
        ),
        ran(
            Exit::Success,
            &format!("{FLOW}\n{BLOCK}\n{odd}\ntopics.toml\n"),
            "press: topics renamed; 4 files changed\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        with(
            &before,
            &[
                (FLOW, before[FLOW].replace("Torture]", "Ill-treatment]")),
                (BLOCK, before[BLOCK].replace("- torture", "- Ill-treatment")),
                (odd, before[odd].replace("[torture]", "[Ill-treatment]")),
                (
                    "topics.toml",
                    "[[topic]]\nname = \"Ill-treatment\"\nsynonyms = [\"torture\"]\n".to_owned(),
                ),
            ],
        )
    );
    Ok(())
}

/// A value already spelt as the new name keeps its bytes (here an escape), and a repeat of a
/// topic the command does not concern stays: only the values renamed change.
#[test]
fn values_already_right_and_repeats_of_other_topics_stay_as_written() -> Result<()> {
    let twice = "statements/2026/2026-01-06-twice.md";
    let mut files = TOPICS.to_vec();
    files.push((
        twice,
        "---\ntitle: Twice\ndate: 2026-01-06\nspeaker: Ed\ntopics: [\"Polic\\u0069ng\", community, Torture, torture]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(
            root.path(),
            &["topics", "merge", "Community", "--into", "Policing"]
        ),
        ran(
            Exit::Success,
            &format!("{FLOW}\n{BLOCK}\n{CRLF}\n{twice}\ntopics.toml\n"),
            "press: topics merged; 5 files changed\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        with(
            &before,
            &[
                (FLOW, before[FLOW].replace("'community'", "'Policing'")),
                (
                    BLOCK,
                    before[BLOCK]
                        .replace("- Community   #", "- Policing   #")
                        .replace("  - Policing\n", ""),
                ),
                (CRLF, before[CRLF].replace("COMMUNITY", "Policing")),
                (twice, before[twice].replace(" community,", "")),
                (
                    "topics.toml",
                    "[[topic]]\nname = \"Policing\"\nsynonyms = [\"Community\"]\n".to_owned(),
                ),
            ],
        )
    );
    Ok(())
}

/// A statement whose topics the edit cannot find in its text (a quoted key) stops the command
/// rather than being left behind: nothing is written.
#[test]
fn topics_the_text_edit_cannot_find_stop_the_command() -> Result<()> {
    let quoted = "statements/2026/2026-01-06-quoted.md";
    let mut files = TOPICS.to_vec();
    files.push((
        quoted,
        "---\ntitle: Quoted\ndate: 2026-01-06\nspeaker: Ed\n\"topics\": [community]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["topics", "rename", "community", "Local"]),
        ran(
            Exit::Usage,
            "",
            &format!(
                "press: topics rename refused: cannot find the values to change in {quoted}; edit it by hand; nothing written\n"
            )
        )
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

const SCALAR: &str = "statements/2026/2026-01-02-scalar.md";
const FLOW_MAP: &str = "statements/2026/2026-01-03-flow-map.md";
const BLOCK_MAP: &str = "statements/2026/2026-01-04-block-map.md";
const FLOW_LIST: &str = "statements/2026/2026-01-05-flow-list.md";
const BLOCK_LIST: &str = "statements/2026/2026-01-06-block-list.md";
const BOB: &str = "statements/2026/2026-01-07-other.md";

/// Six statements, five naming "Ann Lee" in five spellings, one per shape of `speaker`: a
/// plain scalar; a flow map in a CRLF file with a byte-order mark; a block map with comments
/// and odd key order; a flow list beside another speaker; a block list of a scalar and a map.
const SPEAKERS: [(&str, &str); 6] = [
    (
        SCALAR,
        "---\ntitle: Scalar\ndate: 2026-01-02\nspeaker: Ann-Lee # hyphen\ntopics: [Policing]\n---\nBody.\n",
    ),
    (
        FLOW_MAP,
        "\u{feff}---\r\ntitle: \"Flow map\"\r\ndate: 2026-01-03\r\nspeaker: {role: Director, name: 'ann lee'} # she\r\ntopics: [\"Policing\"]\r\n---\r\nBody.\r\n",
    ),
    (
        BLOCK_MAP,
        "---\n# odd order\ntopics:\n  - Policing\nspeaker: # who\n  # the boss\n  organization: Amnesty\n  name: \"ANN LEE\"   # loud\n  role: Director\ndate: 2026-01-04\ntitle: Block map\n---\nBody.\n",
    ),
    (
        FLOW_LIST,
        "---\ntitle: Flow list\ndate: 2026-01-05\nspeaker: [Bob Day, {name: Ann Lee, organization: Amnesty}]\ntopics: [Policing]\n---\nBody.\n",
    ),
    (
        BLOCK_LIST,
        "---\ntitle: Block list\ndate: 2026-01-06\nspeaker:\n- Bob Day\n- name: 'Ann  Lee'\n  # since 2020\n  role: Director\ntopics: [Policing]\n---\nBody.\n",
    ),
    (
        BOB,
        "---\ntitle: Other\ndate: 2026-01-07\nspeaker: {name: Bob Day}\ntopics: [Policing]\n---\nBody.\n",
    ),
];

#[test]
fn speakers_rename_changes_every_shape_and_nothing_else() -> Result<()> {
    let root = archive(&SPEAKERS)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["speakers", "rename", "ann lee", "Ann O'Lee"]),
        ran(
            Exit::Success,
            &format!(
                "{SCALAR}\n{FLOW_MAP}\n{BLOCK_MAP}\n{FLOW_LIST}\n{BLOCK_LIST}\nspeakers.toml\n"
            ),
            "press: speakers renamed; 6 files changed\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        with(
            &before,
            &[
                (SCALAR, before[SCALAR].replace("Ann-Lee #", "Ann O'Lee #")),
                (
                    FLOW_MAP,
                    before[FLOW_MAP].replace("'ann lee'", "'Ann O''Lee'"),
                ),
                (
                    BLOCK_MAP,
                    before[BLOCK_MAP].replace("\"ANN LEE\"", "\"Ann O'Lee\""),
                ),
                (
                    FLOW_LIST,
                    before[FLOW_LIST].replace("name: Ann Lee,", "name: Ann O'Lee,"),
                ),
                (
                    BLOCK_LIST,
                    before[BLOCK_LIST].replace("'Ann  Lee'", "'Ann O''Lee'"),
                ),
                (
                    "speakers.toml",
                    "[[person]]\nname = \"Ann O'Lee\"\naliases = [\"Ann  Lee\"]\n".to_owned(),
                ),
            ],
        )
    );
    Ok(())
}

#[test]
fn speakers_merge_keeps_the_first_of_two_merged_speakers() -> Result<()> {
    let mut files = SPEAKERS.to_vec();
    files.push((
        "speakers.toml",
        "# people\n[[person]]\nname = \"Bob Day\" # the editor\naliases = [\"R. Day\"]\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(
            root.path(),
            &["speakers", "merge", "Ann Lee", "r day", "--into", "Bob Day"]
        ),
        ran(
            Exit::Success,
            &format!(
                "{SCALAR}\n{FLOW_MAP}\n{BLOCK_MAP}\n{FLOW_LIST}\n{BLOCK_LIST}\nspeakers.toml\n"
            ),
            "press: speakers merged; 6 files changed\n"
        )
    );
    assert_eq!(
        contents(root.path())?,
        with(
            &before,
            &[
                (SCALAR, before[SCALAR].replace("Ann-Lee #", "Bob Day #")),
                (
                    FLOW_MAP,
                    before[FLOW_MAP].replace("'ann lee'", "'Bob Day'"),
                ),
                (
                    BLOCK_MAP,
                    before[BLOCK_MAP].replace("\"ANN LEE\"", "\"Bob Day\""),
                ),
                (
                    FLOW_LIST,
                    before[FLOW_LIST].replace(
                        "[Bob Day, {name: Ann Lee, organization: Amnesty}]",
                        "[Bob Day]"
                    ),
                ),
                (
                    BLOCK_LIST,
                    before[BLOCK_LIST]
                        .replace("- name: 'Ann  Lee'\n  # since 2020\n  role: Director\n", ""),
                ),
                (
                    "speakers.toml",
                    "# people\n[[person]]\nname = \"Bob Day\" # the editor\naliases = [\"R. Day\", \"Ann  Lee\"]\n"
                        .to_owned(),
                ),
            ],
        )
    );
    Ok(())
}

#[test]
fn speakers_rename_refuses_a_name_over_several_lines() -> Result<()> {
    let folded = "statements/2026/2026-01-08-folded.md";
    let mut files = SPEAKERS.to_vec();
    files.push((
        folded,
        "---\ntitle: Folded\ndate: 2026-01-08\nspeaker:\n  name: Ann\n    Lee\ntopics: [Policing]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["speakers", "rename", "Ann Lee", "Ann O'Lee"]),
        ran(
            Exit::Usage,
            "",
            &format!(
                "press: speakers rename refused: {folded}: a `name` over several lines; edit it by hand; nothing written\n"
            )
        )
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

#[test]
fn speakers_rename_refuses_when_a_file_naming_them_has_errors() -> Result<()> {
    let broken = "statements/2026/2026-01-08-broken.md";
    let mut files = SPEAKERS.to_vec();
    files.push((
        broken,
        "---\ntitle: Broken\ndate: 2026-13-08\nspeaker: Ann Lee\ntopics: [Policing]\n---\nBody.\n",
    ));
    let root = archive(&files)?;
    let before = contents(root.path())?;
    assert_eq!(
        press(root.path(), &["speakers", "rename", "Ann Lee", "Ann O'Lee"]),
        ran(
            Exit::Problems,
            "",
            &format!(
                "press: speakers rename refused: files with errors name these speakers; fix them first (press check); nothing written\n  {broken}\n"
            )
        )
    );
    assert_eq!(contents(root.path())?, before);
    Ok(())
}

/// A change of `path` from `old` to `new`.
fn change(path: &str, old: Option<&str>, new: &str) -> Change {
    Change {
        path: path.to_owned(),
        old: old.map(str::to_owned),
        new: new.to_owned(),
        moved_to: None,
        what: Vec::new(),
    }
}

#[test]
fn a_write_failing_part_way_says_which_files_are_new_and_leaves_the_rest() -> Result<()> {
    let root = archive(&[("a.md", "a"), ("b.md", "b edited meanwhile"), ("c.md", "c")])?;
    let changes = [
        change("a.md", Some("a"), "A"),
        change("b.md", Some("b"), "B"),
        change("c.md", Some("c"), "C"),
        change("d.md", None, "D"),
    ];
    let failure = write(root.path(), &changes)
        .err()
        .ok_or(anyhow::anyhow!("no failure"))?;
    assert_eq!(
        format!("{:#}", failure.error),
        "b.md changed while press was editing it; it was not written"
    );
    assert_eq!(failure.done, ["a.md"]);
    assert_eq!(failure.left, ["b.md", "c.md", "d.md"]);
    let mut want = BTreeMap::new();
    for (path, text) in [("a.md", "A"), ("b.md", "b edited meanwhile"), ("c.md", "c")] {
        want.insert(path.to_owned(), text.to_owned());
    }
    assert_eq!(contents(root.path())?, want);
    // A new file is written where there was none, and refused where one has appeared since.
    write(root.path(), &changes[3..]).map_err(|f| f.error)?;
    assert_eq!(fs::read_to_string(root.path().join("d.md"))?, "D");
    let again = write(root.path(), &[change("d.md", None, "E")]).err();
    assert_eq!(
        again.map(|f| format!("{:#}", f.error)),
        Some("d.md changed while press was editing it; it was not written".to_owned())
    );
    assert_eq!(fs::read_to_string(root.path().join("d.md"))?, "D");
    Ok(())
}

#[test]
fn a_file_that_cannot_be_read_is_named() -> Result<()> {
    let root = archive(&[])?;
    fs::create_dir(root.path().join("x.md"))?;
    let error = file::replace(root.path(), "x.md", "x.md", Some(b"x"), b"y")
        .err()
        .map(|e| format!("{e:#}"));
    assert_eq!(
        error
            .as_deref()
            .and_then(|e| e.split_once(':'))
            .map(|(head, _)| head),
        Some("cannot read x.md")
    );
    Ok(())
}

#[test]
fn a_moved_file_goes_to_its_new_path_never_over_another_file() -> Result<()> {
    let root = archive(&[("old.md", "old"), ("taken.md", "someone else's")])?;
    let mut moved = change("old.md", Some("old"), "new");
    moved.moved_to = Some("new.md".to_owned());
    assert_eq!(moved.target(), "new.md");
    assert_eq!(moved.shown(), "old.md -> new.md");
    assert_eq!(
        unified_diff(&moved),
        "--- a/old.md\n+++ b/new.md\n@@ -1 +1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file\n"
    );
    write(root.path(), std::slice::from_ref(&moved)).map_err(|f| f.error)?;
    let mut want = BTreeMap::new();
    want.insert("new.md".to_owned(), "new".to_owned());
    want.insert("taken.md".to_owned(), "someone else's".to_owned());
    assert_eq!(contents(root.path())?, want);

    let mut onto = change("new.md", Some("new"), "newer");
    onto.moved_to = Some("taken.md".to_owned());
    let failure = write(root.path(), &[onto])
        .err()
        .ok_or(anyhow::anyhow!("no failure"))?;
    assert_eq!(failure.done, Vec::<String>::new());
    assert_eq!(failure.left, ["new.md"]);
    assert_eq!(contents(root.path())?, want);
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_rewritten_file_keeps_its_permissions() -> Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let root = archive(&[("a.md", "a")])?;
    let path = root.path().join("a.md");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
    file::replace(root.path(), "a.md", "a.md", Some(b"a"), b"b")?;
    assert_eq!(fs::read_to_string(&path)?, "b");
    assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o640);
    Ok(())
}
