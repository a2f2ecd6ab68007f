//! `press init`: a new archive with `statements/`, `press.toml` and `.gitignore`; never
//! replaces a file, and completes an existing `.gitignore`.

use insta::assert_snapshot;

use crate::support::{press_in, run};

/// The `.gitignore` init writes in a folder without one.
const GITIGNORE: &str =
    "# The exported site, press's cache and database\n/site/\n/.press/\n/press.sqlite\n";

#[test]
fn init_creates_an_archive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = press_in(dir.path());
    command.args(["init", "news"]);
    let result = run(command);
    result.code(0);
    let root = dir.path().join("news");
    assert!(root.join("statements").is_dir());
    let toml = std::fs::read_to_string(root.join("press.toml")).expect("press.toml");
    // Commented defaults only: it parses, and sets nothing.
    let parsed: toml::Table = toml.parse().expect("valid TOML");
    assert!(parsed.is_empty(), "{parsed:?}");
    assert!(
        toml.contains(
            "\n# Absolute URL the site is published at; needed for feeds' permalinks and the sitemap.\n# base_url = \"https://example.org/press/\"\n"
        ),
        "{toml}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join(".gitignore")).expect(".gitignore"),
        GITIGNORE
    );
    assert_eq!(
        std::fs::read_dir(root.join("statements"))
            .expect("statements/")
            .count(),
        0,
        "statements/ is empty"
    );
    assert_eq!(result.out(), "");
    assert_eq!(
        result.err(),
        "press: archive ready in news; add a statement with `press new`\n"
    );
    // The new archive works at once.
    let mut check = press_in(&root);
    check.arg("check");
    let checked = run(check);
    checked.code(0);
    assert_eq!(
        checked.err(),
        "checked 0 statements: 0 errors, 0 warnings\n"
    );
}

#[test]
fn init_in_the_current_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = press_in(dir.path());
    command.arg("init");
    let result = run(command);
    result.code(0);
    assert_eq!(
        result.err(),
        "press: archive ready in .; add a statement with `press new`\n"
    );
    assert!(dir.path().join("statements").is_dir());
    let toml = std::fs::read_to_string(dir.path().join("press.toml")).expect("press.toml");
    assert!(
        toml.starts_with("# Settings of this press archive. Every key is optional.\n"),
        "{toml}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitignore")).expect(".gitignore"),
        GITIGNORE
    );
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("press.toml"), "title = \"Mine\"\n").expect("write");
    std::fs::write(dir.path().join(".gitignore"), "target/\n").expect("write");
    std::fs::create_dir_all(dir.path().join("statements/2026")).expect("mkdir");
    std::fs::write(dir.path().join("statements/2026/keep.md"), "kept").expect("write");
    let mut command = press_in(dir.path());
    command.arg("init");
    let result = run(command);
    result.code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("press.toml")).expect("read"),
        "title = \"Mine\"\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("statements/2026/keep.md")).expect("read"),
        "kept"
    );
    assert_eq!(
        result.err(),
        "press: kept the existing ./press.toml\n\
         press: added /site/, /.press/ and /press.sqlite to the existing ./.gitignore\n\
         press: archive ready in .; add a statement with `press new`\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitignore")).expect("read"),
        format!("target/\n{GITIGNORE}")
    );
}

/// An existing `.gitignore` keeps every line and gets the ones press needs appended, once.
#[test]
fn init_completes_an_existing_gitignore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gitignore = dir.path().join(".gitignore");
    std::fs::write(&gitignore, "target/\n*.log").expect("write");
    let mut command = press_in(dir.path());
    command.arg("init");
    let result = run(command);
    result.code(0);
    assert_snapshot!(result.err(), @r"
    press: added /site/, /.press/ and /press.sqlite to the existing ./.gitignore
    press: archive ready in .; add a statement with `press new`
    ");
    assert_snapshot!(std::fs::read_to_string(&gitignore).expect("read"), @r"
    target/
    *.log
    # The exported site, press's cache and database
    /site/
    /.press/
    /press.sqlite
    ");
    assert!(
        std::fs::read_dir(dir.path())
            .expect("read folder")
            .all(|e| !e
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")),
        "no temporary file left"
    );
    // Again: nothing to add, nothing changed.
    let mut command = press_in(dir.path());
    command.arg("init");
    let again = run(command);
    again.code(0);
    assert_eq!(
        again.err(),
        "press: kept the existing ./press.toml\n\
         press: kept the existing ./.gitignore\n\
         press: archive ready in .; add a statement with `press new`\n"
    );
    assert_eq!(
        std::fs::read_to_string(&gitignore).expect("read"),
        format!("target/\n*.log\n{GITIGNORE}")
    );
    // Only what is missing: a user's `site/` already ignores the site.
    std::fs::write(&gitignore, "site/\n").expect("write");
    let mut command = press_in(dir.path());
    command.arg("init");
    let result = run(command);
    result.code(0);
    assert_eq!(
        result.err(),
        "press: kept the existing ./press.toml\n\
         press: added /.press/ and /press.sqlite to the existing ./.gitignore\n\
         press: archive ready in .; add a statement with `press new`\n"
    );
    assert_eq!(
        std::fs::read_to_string(&gitignore).expect("read"),
        "site/\n# The exported site, press's cache and database\n/.press/\n/press.sqlite\n"
    );
}

/// A `.gitignore` that is a symbolic link (or anything but a regular file) is kept as it is,
/// never completed through the link, and init says what it should ignore.
#[cfg(unix)]
#[test]
fn init_keeps_a_gitignore_that_is_a_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = dir.path().join("dotfiles-gitignore");
    std::fs::write(&outside, "node_modules/\n").expect("write");
    let root = dir.path().join("news");
    std::fs::create_dir(&root).expect("mkdir");
    std::os::unix::fs::symlink(&outside, root.join(".gitignore")).expect("symlink");
    let mut command = press_in(dir.path());
    command.args(["init", "news"]);
    let result = run(command);
    result.code(0);
    assert_eq!(
        result.err(),
        "press: kept the existing news/.gitignore (not a regular file); it should ignore /site/, /.press/ and /press.sqlite\n\
         press: archive ready in news; add a statement with `press new`\n"
    );
    assert_eq!(
        std::fs::read_to_string(&outside).expect("read"),
        "node_modules/\n"
    );
    assert!(root.join(".gitignore").is_symlink());
}
