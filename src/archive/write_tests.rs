//! How `new` and `import` write a statement file: at its conventional path, never over an
//! existing file, never through a symbolic link (files on disk and whole messages).

use std::path::Path;

use anyhow::{Context as _, Result};

use super::*;

/// A statement as press writes it (so the file written holds exactly this).
const TEXT: &str = "---\ntitle: \"Global: X\"\ndate: 2026-01-27\nspeaker:\n  name: \"Erika\"\ntopics: [\"Interpol\"]\n---\nBody.\n";

fn statement() -> Result<Statement> {
    statement::parse::parse("statements/2026/2026-01-27-x.md", TEXT.as_bytes())
        .statement
        .context("the statement parses")
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Result<Vec<String>> {
    let mut names = fs::read_dir(dir)?
        .map(|entry| Ok(entry?.file_name().to_string_lossy().into_owned()))
        .collect::<Result<Vec<_>>>()?;
    names.sort();
    Ok(names)
}

#[test]
fn a_new_statement_is_written_once_at_its_conventional_path() -> Result<()> {
    let root = tempfile::tempdir()?;
    let s = statement()?;
    let written = write_new(root.path(), &s)?;
    assert_eq!(written, "statements/2026/2026-01-27-x.md");
    let path = root.path().join(&written);
    assert_eq!(fs::read_to_string(&path)?, TEXT);
    fs::write(&path, "edited by hand")?;
    assert_eq!(
        write_new(root.path(), &s).map_err(|e| e.to_string()),
        Err(
            "statements/2026/2026-01-27-x.md already exists; press never replaces a statement file"
                .to_owned()
        )
    );
    assert_eq!(fs::read_to_string(&path)?, "edited by hand");
    assert_eq!(
        names(&root.path().join("statements/2026"))?,
        ["2026-01-27-x.md"]
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_below_statements_is_refused_and_statements_itself_may_be_one() -> Result<()> {
    let root = tempfile::tempdir()?;
    let elsewhere = tempfile::tempdir()?;
    fs::create_dir(root.path().join("statements"))?;
    std::os::unix::fs::symlink(elsewhere.path(), root.path().join("statements/2026"))?;
    let s = statement()?;
    assert_eq!(
        write_new(root.path(), &s).map_err(|e| e.to_string()),
        Err("refusing to write statements/2026/2026-01-27-x.md: the folder statements/2026 is a symbolic link; press only writes real files inside statements/ (replace the link with a folder)".to_owned())
    );
    assert_eq!(names(elsewhere.path())?, Vec::<String>::new());

    let root = tempfile::tempdir()?;
    std::os::unix::fs::symlink(elsewhere.path(), root.path().join("statements"))?;
    assert_eq!(
        write_new(root.path(), &s)?,
        "statements/2026/2026-01-27-x.md"
    );
    assert_eq!(
        fs::read_to_string(elsewhere.path().join("2026/2026-01-27-x.md"))?,
        TEXT
    );
    Ok(())
}
