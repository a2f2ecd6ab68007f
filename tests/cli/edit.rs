//! `press edit SLUG` and `new --edit`: the editor from `$VISUAL`, else `$EDITOR` (run through the
//! shell, with the file as its argument), then a check of what it left.

use insta::assert_snapshot;

use crate::support::{Archive, press, run};

const SUDAN: &str = "statements/2025/2025-11-20-sudan-civilians-el-fasher.md";

/// `press` with these arguments and editor variables.
fn edit(archive: &Archive, args: &[&str], env: &[(&str, &str)]) -> crate::support::Run {
    let mut command = archive.press();
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    run(command)
}

#[test]
fn edit_opens_visual_then_checks() {
    let archive = Archive::basic();
    let original = archive.read(SUDAN);
    let result = edit(
        &archive,
        &["edit", "sudan-civilians-el-fasher"],
        &[
            ("VISUAL", "sed -i 's/must be protected/need protection/'"),
            ("EDITOR", "false"),
        ],
    );
    result.code(0);
    assert_eq!(result.err(), "");
    // The editor's change and nothing else: press does not rewrite the file after it.
    assert_eq!(
        archive.read(SUDAN),
        original.replace("must be protected", "need protection")
    );
    assert!(original.contains("title: \"Sudan: Civilians in El Fasher must be protected\""));
}

#[test]
fn edit_falls_back_to_editor() {
    let archive = Archive::basic();
    let original = archive.read(SUDAN);
    let result = edit(
        &archive,
        &["edit", "sudan-civilians-el-fasher"],
        &[
            ("VISUAL", " "),
            ("EDITOR", "sed -i 's/El Fasher/al-Fashir/g'"),
        ],
    );
    result.code(0);
    assert_eq!(result.err(), "");
    assert_eq!(
        archive.read(SUDAN),
        original.replace("El Fasher", "al-Fashir")
    );
    assert_ne!(archive.read(SUDAN), original);
}

#[test]
fn edit_reports_what_the_editor_broke() {
    let archive = Archive::basic();
    let result = edit(
        &archive,
        &["edit", "sudan-civilians-el-fasher"],
        &[("VISUAL", "sed -i 's/^date: .*/date: 2025-02-30/'")],
    );
    result.code(1);
    assert_eq!(
        result.err(),
        format!(
            "{SUDAN}:3:7: error: `date` is an impossible date: \"2025-02-30\"\n  help: check the day and month; write it as YYYY-MM-DD\npress: {SUDAN} has errors; run `press edit` again to fix them\n"
        )
    );
}

#[test]
fn edit_opens_a_file_with_errors_by_its_name() {
    let archive = Archive::invalid("bad-lang");
    const BAD: &str = "statements/2026/2026-01-27-bad-lang.md";
    let original = archive.read(BAD);
    let result = edit(
        &archive,
        &["edit", "bad-lang"],
        &[("VISUAL", "sed -i '/^lang:/d'")],
    );
    result.code(0);
    assert_eq!(result.err(), "");
    let without: String = original
        .split_inclusive('\n')
        .filter(|line| !line.starts_with("lang:"))
        .collect();
    assert_ne!(without, original, "the fixture has a `lang` line");
    assert_eq!(archive.read(BAD), without);
}

/// An unknown slug is what `show` makes of it: exit 1, with the nearest slugs suggested (a file
/// with errors among them), and no editor started.
#[test]
fn edit_unknown_slug_exits_1_with_suggestions_as_show_does() {
    let archive = Archive::basic().file(
        "statements/2026/2026-01-27-bad-lang.md",
        crate::support::invalid("bad-lang"),
    );
    let result = edit(
        &archive,
        &["edit", "turkiye-journalist-released"],
        &[("VISUAL", "false")],
    );
    result.code(1);
    assert_eq!(result.out(), "");
    assert_snapshot!(result.err(), @r#"
    press: no statement with the slug "turkiye-journalist-released"
      help: did you mean `turkiye-journalists-released`?
    "#);
    let shown = press(&archive, &["show", "turkiye-journalist-released"]);
    shown.code(1);
    assert!(
        shown.err().ends_with(&result.err()),
        "{}\n{}",
        shown.err(),
        result.err()
    );
    let result = edit(&archive, &["edit", "bad-lan"], &[("VISUAL", "false")]);
    result.code(1);
    assert_snapshot!(result.err(), @r#"
    press: no statement with the slug "bad-lan"
      help: did you mean `bad-lang`?
    "#);
    let result = edit(&archive, &["edit", "nope"], &[("VISUAL", "false")]);
    result.code(1);
    assert_snapshot!(result.err(), @r#"press: no statement with the slug "nope""#);
}

#[test]
fn edit_without_an_editor_or_with_a_failing_one_is_a_usage_error() {
    let archive = Archive::basic();
    let before = archive.read(SUDAN);
    let result = edit(&archive, &["edit", "sudan-civilians-el-fasher"], &[]);
    result.code(2);
    assert_eq!(
        result.err(),
        "press: error: no editor: set $VISUAL or $EDITOR (for example EDITOR=nano)\n"
    );
    let result = edit(
        &archive,
        &["edit", "sudan-civilians-el-fasher"],
        &[("VISUAL", "false")],
    );
    result.code(2);
    assert_eq!(
        result.err(),
        format!(
            "press: error: the editor \"false\" failed (exit status: 1); {SUDAN} is as the editor left it\n"
        )
    );
    assert_eq!(archive.read(SUDAN), before, "press itself writes nothing");
}

#[test]
fn new_edit_opens_the_new_file() {
    let archive = Archive::empty();
    let result = edit(
        &archive,
        &[
            "new",
            "--title",
            "Chile: X",
            "--speaker",
            "S",
            "--topic",
            "t",
            "--date",
            "2026-01-27",
            "--edit",
        ],
        &[("VISUAL", "printf 'Body from the editor.\\n' >>")],
    );
    result.code(0);
    assert_eq!(result.out(), "statements/2026/2026-01-27-chile-x.md\n");
    assert_eq!(result.err(), "");
    assert_eq!(
        archive.read("statements/2026/2026-01-27-chile-x.md"),
        "---\ntitle: \"Chile: X\"\ndate: 2026-01-27\nspeaker:\n  name: \"S\"\ntopics: [\"t\"]\n---\nBody from the editor.\n"
    );
}
