//! `press new` in process: what the file it writes holds.

use crate::Exit;
use crate::commands::in_process::{archive, press};

/// A background file holding only blank lines gives no `background:` key: the file written is
/// the same as without the option.
#[test]
fn a_blank_background_file_writes_no_background() -> std::io::Result<()> {
    let root = archive(&[("blank.md", "\n  \n\n")])?;
    let background = root.path().join("blank.md");
    let ran = press(
        root.path(),
        &[
            "new",
            "--title",
            "Sudan: aid blocked",
            "--speaker",
            "Ana Piquer",
            "--topic",
            "Sudan",
            "--date",
            "2026-02-14",
            "--background-file",
            &background.to_string_lossy(),
        ],
    );
    assert_eq!(
        (ran.exit, ran.out.as_str(), ran.err.as_str()),
        (
            Exit::Success,
            "statements/2026/2026-02-14-sudan-aid-blocked.md\n",
            ""
        )
    );
    let written = std::fs::read_to_string(
        root.path()
            .join("statements/2026/2026-02-14-sudan-aid-blocked.md"),
    )?;
    assert_eq!(
        written,
        "---\ntitle: \"Sudan: aid blocked\"\ndate: 2026-02-14\nspeaker:\n  name: \"Ana Piquer\"\ntopics: [\"Sudan\"]\n---\n"
    );
    Ok(())
}
