//! `check`'s warning about a date in the future: a statement dated today is not in the future,
//! one dated tomorrow is.

use crate::Exit;
use crate::commands::in_process::{archive, press};

fn dated(day: &str) -> String {
    format!("---\ntitle: T\ndate: {day}\nspeaker: A\ntopics: [t]\n---\nBody.\n")
}

#[test]
fn a_statement_dated_today_is_not_in_the_future() -> std::io::Result<()> {
    let root = archive(&[("statements/2026/2026-06-01-a.md", &dated("2026-06-01"))])?;
    let ran = press(root.path(), &["check", "--now", "2026-06-01T00:00:00Z"]);
    assert_eq!(
        (ran.exit, ran.err.as_str()),
        (Exit::Success, "checked 1 statement: 0 errors, 0 warnings\n")
    );
    let ran = press(root.path(), &["check", "--now", "2026-05-31T23:59:59Z"]);
    assert_eq!(
        (ran.exit, ran.err.as_str()),
        (
            Exit::Success,
            "statements/2026/2026-06-01-a.md:3:7: warning: `date` 2026-06-01 is in the future\n\
             checked 1 statement: 0 errors, 1 warning\n"
        )
    );
    Ok(())
}
