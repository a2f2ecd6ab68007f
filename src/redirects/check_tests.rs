//! `check` on statements read from their files: each kind of collision an alias can make, as the
//! whole diagnostic `check` prints at the alias's line and column, and the aliases that share a
//! page or are another check's to report.

use anyhow::{Context as _, Result, bail};

use super::*;
use crate::statement::Statement;

/// An archive folder holding these statement files (a path under `statements/2019/`, and the
/// front-matter lines after the required ones, from line 6 on), and the statements parsed, in
/// the order given.
fn archive(files: &[(&str, &str)]) -> Result<(tempfile::TempDir, Vec<Statement>)> {
    let dir = tempfile::tempdir()?;
    let mut statements = Vec::new();
    for (path, extra) in files {
        let date = path
            .strip_prefix("statements/2019/")
            .and_then(|name| name.get(..10))
            .context("a statement path")?;
        let text = format!(
            "---\ntitle: \"T\"\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]\n{extra}\n---\nBody.\n"
        );
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().context("a folder")?)?;
        std::fs::write(&file, &text)?;
        match crate::statement::parse::parse(path, text.as_bytes()).statement {
            Some(statement) => statements.push(statement),
            None => bail!("{path} does not parse"),
        }
    }
    Ok((dir, statements))
}

/// What `check` prints for these statements.
fn printed(root: &Path, statements: &[Statement]) -> Vec<String> {
    check(root, statements)
        .iter()
        .map(ToString::to_string)
        .collect()
}

const X: &str = "statements/2019/2019-06-18-x.md";
const Y: &str = "statements/2019/2019-06-19-y.md";
const Z: &str = "statements/2019/2019-06-20-z.md";

#[test]
fn aliases_over_the_export_s_pages_a_statement_s_page_or_another_alias_s_are_errors() -> Result<()>
{
    // Given newest first, as the archive holds them: the later file by path is the one named.
    let (dir, statements) = archive(&[
        (
            Y,
            "aliases:\n  - \"/\"\n  - \"/feed.xml\"\n  - \"/topics/policing/\"\n  - \"/statements/2019/\"\n  - \"/search/\"\n  - \"/style.css\"\n  - \"/statements/2019/x/\"\n  - \"/News/X.html\"\n  - \"/news/x.html/a/\"\n  - \"/2019/a\"\n  - \"/statements/2019/old-y/\"",
        ),
        (X, "aliases: [\"/news/x.html\", \"/2019/a/\"]"),
    ])?;
    let own = "help: remove the alias: the export's own page stays at that address";
    let other = "help: an old address leads to one statement: remove one of the aliases";
    assert_eq!(
        printed(dir.path(), &statements),
        [
            format!(
                "{Y}:7:6: error: alias \"/\" would be written at index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:8:6: error: alias \"/feed.xml\" would be written at feed.xml/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:9:6: error: alias \"/topics/policing/\" would be written at topics/policing/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:10:6: error: alias \"/statements/2019/\" would be written at statements/2019/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:11:6: error: alias \"/search/\" would be written at search/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:12:6: error: alias \"/style.css\" would be written at style.css/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:13:6: error: alias \"/statements/2019/x/\" would be written at statements/2019/x/index.html, over the page of {X}\n  help: remove the alias: that address is a statement's own page"
            ),
            format!(
                "{Y}:14:6: error: alias \"/News/X.html\" would be written at News/X.html, over the page of alias \"/news/x.html\" of {X}\n  {other}"
            ),
            format!(
                "{Y}:15:6: error: alias \"/news/x.html/a/\" would be written at news/x.html/a/index.html, over the page of alias \"/news/x.html\" of {X}\n  {other}"
            ),
            format!(
                "{Y}:16:6: error: alias \"/2019/a\" would be written at 2019/a/index.html, over the page of alias \"/2019/a/\" of {X}\n  {other}"
            ),
        ]
    );
    Ok(())
}

#[test]
fn aliases_of_one_statement_share_a_page_and_others_collide_whatever_their_case() -> Result<()> {
    let (dir, statements) = archive(&[
        (X, "aliases: [\"/p/q.html/r/\", \"/old/x/\", \"/same/\"]"),
        (
            Y,
            "aliases: [\"/Statements/2019/X/\", \"/p/q.html\", \"/same/\"]",
        ),
        (
            Z,
            "aliases:\n  - \"/old/z/\"\n  - \"/old/z\"\n  - \"/P/Q.HTML/r/index.html\"",
        ),
    ])?;
    assert_eq!(
        printed(dir.path(), &statements),
        [
            format!(
                "{Y}:6:12: error: alias \"/Statements/2019/X/\" would be written at Statements/2019/X/index.html, over the page of {X}\n  help: remove the alias: that address is a statement's own page"
            ),
            format!(
                "{Y}:6:35: error: alias \"/p/q.html\" would be written at p/q.html, over the page of alias \"/p/q.html/r/\" of {X}\n  help: an old address leads to one statement: remove one of the aliases"
            ),
            format!(
                "{Z}:9:6: error: alias \"/P/Q.HTML/r/index.html\" would be written at P/Q.HTML/r/index.html, over the page of alias \"/p/q.html/r/\" of {X}\n  help: an old address leads to one statement: remove one of the aliases"
            ),
        ]
    );
    Ok(())
}

#[test]
fn an_alias_not_written_as_itself_is_placed_at_its_key_not_in_the_body() -> Result<()> {
    let (dir, statements) = archive(&[
        (X, "aliases: [\"/s\\u0065arch/\"]\n---\n/search/"),
        (Y, "aliases:\n  - \"/f\\u0065ed.xml\"\n---\n/feed.xml"),
    ])?;
    let own = "help: remove the alias: the export's own page stays at that address";
    assert_eq!(
        printed(dir.path(), &statements),
        [
            format!(
                "{X}:6:10: error: alias \"/search/\" would be written at search/index.html, over a page the export writes itself\n  {own}"
            ),
            format!(
                "{Y}:6:1: error: alias \"/feed.xml\" would be written at feed.xml/index.html, over a page the export writes itself\n  {own}"
            ),
        ]
    );
    Ok(())
}

/// A web server that folds case serves `/statements/2019/X/` from a statement's own page
/// folder: an alias that differs from a page only in case is refused as one over that page.
#[test]
fn an_alias_over_a_statement_s_page_in_other_case_is_an_error() -> Result<()> {
    let (dir, statements) = archive(&[(Y, "aliases: [\"/Statements/2019/X/\"]"), (X, "")])?;
    let found = printed(dir.path(), &statements);
    assert_eq!(
        found,
        [format!(
            "{Y}:6:12: error: alias \"/Statements/2019/X/\" would be written at Statements/2019/X/index.html, over the page of {X}\n  help: remove the alias: that address is a statement's own page"
        )]
    );
    Ok(())
}

/// An alias after another in a one-line list is placed at its column counted in characters:
/// the accented letters before it count one each.
#[test]
fn an_alias_in_a_list_is_placed_at_its_column_in_characters() -> Result<()> {
    let (dir, statements) = archive(&[(X, "aliases: [\"/\u{e9}t\u{e9}/a\", \"/feed.xml\"]")])?;
    assert_eq!(
        printed(dir.path(), &statements),
        [format!(
            "{X}:6:22: error: alias \"/feed.xml\" would be written at feed.xml/index.html, over a page the export writes itself\n  help: remove the alias: the export's own page stays at that address"
        )]
    );
    Ok(())
}
