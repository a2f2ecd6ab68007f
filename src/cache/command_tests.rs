//! The cache as commands use it, in the process: an archive read from a warm cache gives what
//! a fresh read gives.

use crate::commands::in_process::{archive, press};

fn statement(title: &str, more: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2026-01-02\nspeaker: Ann\ntopics: [a]\n{more}---\nBody.\n")
}

/// Runs each command without the cache, then twice with it (writing it, then reading it), in
/// an archive of `files` old enough for the cache to trust them: the three agree.
fn same_with_a_warm_cache(files: &[(&str, &str)], commands: &[&[&str]]) -> anyhow::Result<()> {
    let dir = archive(files)?;
    // Files changed within the racy window are read again: let them age past it first.
    std::thread::sleep(super::RACY + std::time::Duration::from_millis(100));
    for &args in commands {
        let fresh = press(dir.path(), &[&["--no-cache"], args].concat());
        let cold = press(dir.path(), args);
        let warm = press(dir.path(), args);
        assert_eq!(cold, fresh, "{args:?}");
        assert_eq!(warm, fresh, "{args:?}");
    }
    Ok(())
}

/// A slug set in the front matter, unlike the end of the file's name, is the slug from the
/// cache too: `show` finds the statement by it.
#[test]
fn a_slug_of_the_front_matter_is_kept_by_the_cache() -> anyhow::Result<()> {
    same_with_a_warm_cache(
        &[(
            "statements/2026/2026-01-02-file-name.md",
            &statement("Own slug", "slug: custom\n"),
        )],
        &[
            &["list", "--format", "csv"],
            &["show", "custom", "--format", "json"],
        ],
    )
}

/// A published time keeps its offset through the cache: just after midnight at +02:00 is
/// still that day (not the day before, as with the offset's sign turned), in `list` and `show`.
#[test]
fn a_published_time_keeps_its_offset_through_the_cache() -> anyhow::Result<()> {
    let text = "---\ntitle: Late\ndate: 2026-01-02T00:30:00+02:00\nspeaker: Ann\ntopics: [a]\n---\nBody.\n";
    let dir = archive(&[("statements/2026/2026-01-02-late.md", text)])?;
    std::thread::sleep(super::RACY + std::time::Duration::from_millis(100));
    for args in [
        &["list", "--format", "csv"][..],
        &["show", "late", "--format", "json"],
    ] {
        let fresh = press(dir.path(), &[&["--no-cache"], args].concat());
        assert!(fresh.out.contains("2026-01-02"), "{}", fresh.out);
        assert_eq!(
            press(dir.path(), args),
            fresh,
            "{args:?}: writing the cache"
        );
        assert_eq!(press(dir.path(), args), fresh, "{args:?}: reading it");
    }
    Ok(())
}
