//! `check`'s warning about a translation older than its original's last correction: the
//! translation's own date counts as a change.

use crate::Exit;
use crate::commands::in_process::{archive, press};

const ORIGINAL: &str = "---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\ncorrections:\n  - date: 2026-02-03\n    note: \"The date was wrong.\"\n---\nBody.\n";

fn translation(day: &str) -> String {
    format!(
        "---\ntitle: T\ndate: {day}\nspeaker: A\ntopics: [t]\nlang: es\ntranslation_of: x\n---\nCuerpo.\n"
    )
}

#[test]
fn a_translation_published_after_the_last_correction_is_not_outdated() -> std::io::Result<()> {
    let root = archive(&[
        ("statements/2026/2026-01-27-x.md", ORIGINAL),
        (
            "statements/2026/2026-02-05-x-es.md",
            &translation("2026-02-05"),
        ),
    ])?;
    let ran = press(root.path(), &["check"]);
    assert_eq!(
        (ran.exit, ran.err.as_str()),
        (
            Exit::Success,
            "checked 2 statements: 0 errors, 0 warnings\n"
        )
    );
    // Published before the correction, it is outdated.
    let root = archive(&[
        ("statements/2026/2026-01-27-x.md", ORIGINAL),
        (
            "statements/2026/2026-02-01-x-es.md",
            &translation("2026-02-01"),
        ),
    ])?;
    let ran = press(root.path(), &["check"]);
    assert_eq!(
        (ran.exit, ran.err.as_str()),
        (
            Exit::Success,
            "statements/2026/2026-01-27-x.md:6:1: warning: corrected on 2026-02-03, after its \
             translation in \"es\" (statements/2026/2026-02-01-x-es.md) last changed on \
             2026-02-01\n  help: bring the translation up to date, then record it: press \
             correct x-es --note \"…\"\nchecked 2 statements: 0 errors, 1 warning\n"
        )
    );
    Ok(())
}
