//! `press correct` in process: which statement it finds, and what it says when it finds none.

use crate::Exit;
use crate::commands::in_process::{archive, press};

/// A file whose name gives `x` but whose `slug:` is another is not `x`, even when it has a
/// warning: `correct x` finds no such statement, and never says that file has errors.
#[test]
fn a_file_named_for_a_slug_with_only_warnings_is_not_reported_as_broken() -> std::io::Result<()> {
    let root = archive(&[(
        "statements/2026/2026-01-27-x.md",
        "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t, T]\nslug: other\n---\nBody.\n",
    )])?;
    let ran = press(root.path(), &["correct", "x", "--note", "Fixed."]);
    assert_eq!(
        (ran.exit, ran.out.as_str(), ran.err.as_str()),
        (
            Exit::Problems,
            "",
            "press: no statement with the slug \"x\"\n"
        )
    );
    Ok(())
}
