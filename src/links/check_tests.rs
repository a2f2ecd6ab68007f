//! What `press check` says about links, run in process ([`crate::commands::in_process`]):
//! whole diagnostics (line, column, message, help) for links to missing files, to files a
//! symbolic link leads out to, to what is not a regular file, and to statements missing, drafts
//! or embargoed; and the links found and resolved, one function at a time. What the CLI tests
//! of links check through the binary, so that the module's mutants are judged by the library's
//! tests alone.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::*;
use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};

/// A statement file's text: front matter (with `extra` lines) and `body`, which starts on
/// line 7 (8 with one extra line).
fn statement(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title:?}\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]\n{extra}---\n{body}"
    )
}

/// `press check`'s exit and standard error.
fn check(root: &Path) -> (Exit, String) {
    let Ran { exit, out, err } = press(root, &["check"]);
    assert_eq!(out, "");
    (exit, err)
}

const MISSING_HELP: &str = "put the file beside the statement or under assets/, or fix the link";

#[test]
fn a_link_to_a_missing_file_is_an_error_at_its_line_and_column() -> Result<()> {
    let body = "Café: [r](report.pdf) [ok](files/here.pdf)\n\nWith ![map](%6Dap.png?x=1#y), [top](#top), [q](?q=1), [web](//x.org/a.png), [s](https+x://y).\n\n<p>Raw é <img alt=\"x\" src=\"/assets/gone.png\"></p>\n";
    let root = archive(&[
        (
            "statements/2026/2026-01-27-a.md",
            &statement("A", "2026-01-27", "", body),
        ),
        ("statements/2026/files/here.pdf", "PDF"),
    ])?;
    assert_eq!(
        check(root.path()),
        (
            Exit::Problems,
            format!(
                "statements/2026/2026-01-27-a.md:7:7: error: link to a missing local file \"report.pdf\"\n  help: {MISSING_HELP}\n\
                 statements/2026/2026-01-27-a.md:9:6: error: link to a missing local file \"%6Dap.png?x=1#y\"\n  help: {MISSING_HELP}\n\
                 statements/2026/2026-01-27-a.md:11:28: error: link to a missing local file \"/assets/gone.png\"\n  help: {MISSING_HELP}\n\
                 checked 1 statement: 3 errors, 0 warnings\n"
            )
        )
    );
    fs::write(root.path().join("statements/2026/map.png"), "PNG")?;
    fs::create_dir_all(root.path().join("assets"))?;
    fs::write(root.path().join("assets/gone.png"), "PNG")?;
    fs::create_dir(root.path().join("statements/2026/report.pdf"))?;
    assert_eq!(
        check(root.path()),
        (
            Exit::Problems,
            format!(
                "statements/2026/2026-01-27-a.md:7:7: error: link to a missing local file \"report.pdf\"\n  help: {MISSING_HELP}\n\
                 checked 1 statement: 1 error, 0 warnings\n"
            )
        )
    );
    Ok(())
}

#[test]
fn a_link_in_the_background_is_located_at_its_key_or_its_line() -> Result<()> {
    let root = archive(&[
        (
            "statements/2026/2026-01-27-a.md",
            &statement(
                "A",
                "2026-01-27",
                "background:  \"See [x](x.pdf).\"\n",
                "Body.\n",
            ),
        ),
        (
            "statements/2026/2026-01-28-b.md",
            &statement(
                "B",
                "2026-01-28",
                "background: |\n  One.\n  Two [y](/y.pdf).\n",
                "Body.\n",
            ),
        ),
        (
            "statements/2026/2026-01-29-c.md",
            &statement(
                "C",
                "2026-01-29",
                "background: >\n  Three [z](/z.pdf).\n",
                "Body.\n",
            ),
        ),
    ])?;
    assert_eq!(
        check(root.path()),
        (
            Exit::Problems,
            format!(
                "statements/2026/2026-01-27-a.md:6:14: error: link to a missing local file \"x.pdf\"\n  help: {MISSING_HELP}\n\
                 statements/2026/2026-01-28-b.md:8:1: error: link to a missing local file \"/y.pdf\"\n  help: {MISSING_HELP}\n\
                 statements/2026/2026-01-29-c.md:7:1: error: link to a missing local file \"/z.pdf\"\n  help: {MISSING_HELP}\n\
                 checked 3 statements: 3 errors, 0 warnings\n"
            )
        )
    );
    Ok(())
}

#[test]
fn links_to_statements_are_judged_by_what_they_lead_to() -> Result<()> {
    let body = "As [said](../2019/2019-06-18-a.md#quote), [same](2026-01-28-c.md), [draft](./2026-01-29-d.md),\n\
                [later](2026-01-30-e.md) and [gone](../2018/2018-01-01-gone.md); <a href='/statements/2019/2019-06-18-a.md'>a</a>.\n";
    let root = archive(&[
        (
            "statements/2019/2019-06-18-a.md",
            &statement("A", "2019-06-18", "", "A.\n"),
        ),
        (
            "statements/2026/2026-01-28-c.md",
            &statement("C", "2026-01-28", "", "C.\n"),
        ),
        (
            "statements/2026/2026-01-29-d.md",
            &statement("D", "2026-01-29", "draft: true\n", "D.\n"),
        ),
        (
            "statements/2026/2026-01-30-e.md",
            &statement("E", "2026-01-30", "embargo: 2026-07-01T00:00:00Z\n", "E.\n"),
        ),
        (
            "statements/2026/2026-02-01-b.md",
            &statement("B", "2026-02-01", "", body),
        ),
    ])?;
    assert_eq!(
        check(root.path()),
        (
            Exit::Problems,
            "statements/2026/2026-01-30-e.md:6:10: warning: under embargo until 2026-07-01T00:00:00+00:00\n\
             statements/2026/2026-02-01-b.md:7:68: warning: link to a draft statement \"./2026-01-29-d.md\" (statements/2026/2026-01-29-d.md): the export keeps the link's text without the link\n  \
             help: publish that statement, or remove the link\n\
             statements/2026/2026-02-01-b.md:8:1: warning: link to an embargoed statement \"2026-01-30-e.md\" (statements/2026/2026-01-30-e.md): the export keeps the link's text without the link\n  \
             help: publish that statement, or remove the link\n\
             statements/2026/2026-02-01-b.md:8:30: error: link to a missing statement \"../2018/2018-01-01-gone.md\": no valid statement file at statements/2018/2018-01-01-gone.md\n  \
             help: link to the statement's file by its relative path, e.g. ../2019/2019-06-18-slug.md, and fix that file if it has errors\n\
             checked 5 statements: 1 error, 3 warnings\n"
                .to_owned()
        )
    );
    Ok(())
}

/// `export` finds the same problems as `check` (through [`problems`], as it renders each page)
/// and refuses to write a site with broken links, naming each.
#[test]
fn export_refuses_the_links_check_refuses_and_names_each() -> Result<()> {
    let body = "See [r](report.pdf), [d](2026-01-29-d.md) and [g](../2018/2018-01-01-gone.md).\n";
    let root = archive(&[
        (
            "statements/2026/2026-01-29-d.md",
            &statement("D", "2026-01-29", "draft: true\n", "D.\n"),
        ),
        (
            "statements/2026/2026-02-01-b.md",
            &statement("B", "2026-02-01", "", body),
        ),
    ])?;
    let out = root.path().join("site");
    let out_arg = out.to_string_lossy();
    let Ran {
        exit,
        out: stdout,
        err,
    } = press(
        root.path(),
        &["export", "--out", &out_arg, "--base-url", "https://x.org/"],
    );
    assert_eq!((exit, stdout.as_str()), (Exit::Problems, ""));
    assert_eq!(
        err,
        format!(
            "statements/2026/2026-02-01-b.md:7:22: warning: link to a draft statement \"2026-01-29-d.md\" (statements/2026/2026-01-29-d.md): the export keeps the link's text without the link\n  \
             help: publish that statement, or remove the link\n\
             statements/2026/2026-02-01-b.md:7:5: error: link to a missing local file \"report.pdf\"\n  help: {MISSING_HELP}\n\
             statements/2026/2026-02-01-b.md:7:47: error: link to a missing statement \"../2018/2018-01-01-gone.md\": no valid statement file at statements/2018/2018-01-01-gone.md\n  \
             help: link to the statement's file by its relative path, e.g. ../2019/2019-06-18-slug.md, and fix that file if it has errors\n\
             press: export refused: 2 errors in the archive; nothing written (fix them, or pass --keep-going to publish those pages without the broken links)\n"
        )
    );
    assert!(!out.exists(), "nothing written");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_archive_and_a_named_pipe_are_errors() -> Result<()> {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir()?;
    fs::write(outside.path().join("secret.txt"), "SECRET")?;
    let body = "[a](/assets/h.txt) [b](h2.txt) [c](/assets/out/secret.txt) [d](/assets/in.txt) [e](/assets/pipe.pdf)\n";
    let root = archive(&[
        (
            "statements/2026/2026-01-01-t.md",
            &statement("T", "2026-01-01", "", body),
        ),
        ("assets/real.txt", "PUBLIC"),
    ])?;
    let path = root.path();
    symlink(outside.path().join("secret.txt"), path.join("assets/h.txt"))?;
    symlink(
        outside.path().join("secret.txt"),
        path.join("statements/2026/h2.txt"),
    )?;
    symlink(outside.path(), path.join("assets/out"))?;
    symlink("real.txt", path.join("assets/in.txt"))?;
    let made = std::process::Command::new("mkfifo")
        .arg(path.join("assets/pipe.pdf"))
        .status()
        .is_ok_and(|s| s.success());
    let (exit, err) = check(path);
    assert_eq!(exit, Exit::Problems);
    let out_help =
        "help: copy the file beside the statement or under assets/ instead of linking to it";
    let mut want = format!(
        "statements/2026/2026-01-01-t.md:7:1: error: link to a file outside the archive \"/assets/h.txt\" (a symbolic link leads out)\n  {out_help}\n\
         statements/2026/2026-01-01-t.md:7:20: error: link to a file outside the archive \"h2.txt\" (a symbolic link leads out)\n  {out_help}\n\
         statements/2026/2026-01-01-t.md:7:32: error: link to a file outside the archive \"/assets/out/secret.txt\" (a symbolic link leads out)\n  {out_help}\n"
    );
    if made {
        want.push_str(
            "statements/2026/2026-01-01-t.md:7:80: error: link to a local file that is not a regular file \"/assets/pipe.pdf\" (a named pipe)\n  \
             help: link to a regular file beside the statement or under assets/\n",
        );
    } else {
        want.push_str(&format!(
            "statements/2026/2026-01-01-t.md:7:80: error: link to a missing local file \"/assets/pipe.pdf\"\n  help: {MISSING_HELP}\n"
        ));
    }
    want.push_str(
        "statements/2026/h2.txt:1:1: warning: skipped: symlink points outside statements/ and is not followed\n  \
         help: copy the file into statements/ instead of linking it\n\
         checked 1 statement: 4 errors, 1 warning\n",
    );
    assert_eq!(err, want);
    Ok(())
}

/// `statements/` may itself be a symbolic link: a file under its real folder is inside.
#[cfg(unix)]
#[test]
fn files_under_a_linked_statements_folder_are_inside() -> Result<()> {
    let real = tempfile::tempdir()?;
    fs::create_dir_all(real.path().join("2026"))?;
    fs::write(real.path().join("2026/x.pdf"), "PDF")?;
    let root = tempfile::tempdir()?;
    std::os::unix::fs::symlink(real.path(), root.path().join("statements"))?;
    let file = root.path().join("statements/2026/x.pdf");
    assert_eq!(
        inspect(root.path(), &file),
        Target::File {
            real: fs::canonicalize(&file)?,
            relative: "statements/2026/x.pdf".to_owned(),
        }
    );
    assert_eq!(
        inspect(root.path(), &root.path().join("statements/2026")),
        Target::Missing
    );
    Ok(())
}

#[test]
fn a_file_inside_is_found_by_its_real_path() -> Result<()> {
    let root = archive(&[("assets/img/a b.png", "PNG")])?;
    let file = resolve(
        root.path(),
        "statements/2026/x.md",
        "/assets/img/a%20b.png#x",
    )
    .unwrap_or_default();
    assert_eq!(
        inspect(root.path(), &file),
        Target::File {
            real: fs::canonicalize(&file)?,
            relative: "assets/img/a b.png".to_owned(),
        }
    );
    assert_eq!(
        inspect(root.path(), &root.path().join("assets/none.png")),
        Target::Missing
    );
    Ok(())
}

#[test]
fn only_links_without_a_scheme_are_local() {
    for url in [
        "a.png",
        " a.png ",
        "/assets/a.png",
        "../x.md",
        "a/b:c.png",
        "./c:d",
    ] {
        assert!(is_local(url), "{url}");
    }
    for url in [
        "",
        "  ",
        "#top",
        "?q=1",
        "//x.org/a.png",
        "https://x.org",
        "mailto:a@b.c",
        "a+b-c.d:x",
        "java\nscript:alert(1)",
        "javascript:alert(1)",
    ] {
        assert!(!is_local(url), "{url}");
    }
    assert!(!has_scheme(":x"));
    assert!(!has_scheme("a b:x"));
    assert!(has_scheme("A1+-.:x"));
}

#[test]
fn links_resolve_inside_the_root_only() {
    let resolve = |url| resolve_relative("statements/2026/x.md", url);
    assert_eq!(resolve("a.png"), Some("statements/2026/a.png".to_owned()));
    assert_eq!(
        resolve("%61%2Fb.png"),
        Some("statements/2026/a/b.png".to_owned())
    );
    assert_eq!(
        resolve("a.png?x#y"),
        Some("statements/2026/a.png".to_owned())
    );
    assert_eq!(resolve("../../a.png"), Some("a.png".to_owned()));
    assert_eq!(resolve("/./a//b/../c.png"), Some("a/c.png".to_owned()));
    assert_eq!(resolve("../../../a.png"), None);
    assert_eq!(resolve("%zz.png"), None);
    assert_eq!(resolve("a%2"), None);
    assert_eq!(resolve("%ff.png"), None);
    assert_eq!(resolve("../.."), None);
    assert_eq!(resolve_relative("x.md", "a.png"), Some("a.png".to_owned()));
    assert_eq!(
        resolve(root_file()),
        Some("statements/2026/2026-01-27-z.md".to_owned())
    );
    assert_eq!(
        super::resolve(Path::new("/r"), "statements/2026/x.md", "a.png"),
        Some(PathBuf::from("/r/statements/2026/a.png"))
    );
}

fn root_file() -> &'static str {
    "./2026-01-27-z.md"
}

#[cfg(unix)]
#[test]
fn file_kinds_are_named() -> Result<()> {
    use std::os::unix::net::UnixListener;
    let dir = tempfile::tempdir()?;
    let socket = dir.path().join("s");
    let _listener = UnixListener::bind(&socket)?;
    assert_eq!(file_kind(&fs::metadata(&socket)?.file_type()), "a socket");
    assert_eq!(
        file_kind(&fs::metadata("/dev/null")?.file_type()),
        "a device"
    );
    assert_eq!(
        file_kind(&fs::metadata(dir.path())?.file_type()),
        "a folder"
    );
    let file = dir.path().join("f");
    fs::write(&file, "")?;
    assert_eq!(
        file_kind(&fs::metadata(&file)?.file_type()),
        "not a regular file"
    );
    assert_eq!(inspect(dir.path(), &socket), Target::Special("a socket"));
    Ok(())
}

#[test]
fn links_are_found_in_every_form_and_located() {
    let found = |text: &str| {
        local_links(text)
            .into_iter()
            .map(|l| (l.offset, l.url))
            .collect::<Vec<_>>()
    };
    let pair = |offset: usize, url: &str| (offset, url.to_owned());
    assert_eq!(found("no links [here] (a.png)"), []);
    assert_eq!(found("[a][r]\n\n[r]: a.png\n"), [pair(0, "a.png")]);
    assert_eq!(found("[r]\n\n[r]: b.png\n"), [pair(0, "b.png")]);
    assert_eq!(found("x ![i](i.png)"), [pair(2, "i.png")]);
    assert_eq!(found("<a.png> <mail@x.org>"), []);
    assert_eq!(
        found("é <img src=a.png> <A\thref = 'b.pdf'/> <img src=\"c&#46;png\" src=d.png>"),
        [
            pair(12, "a.png"),
            pair(30, "b.pdf"),
            pair(49, "c.png"),
            pair(64, "d.png"),
        ]
    );
    assert_eq!(
        found("<p><!-- <img src=a.png> --> <img/src=b.png> <1 src=c.png> <img src=d.png</p>\n"),
        [pair(37, "b.png"), pair(67, "d.png</p")]
    );
    assert_eq!(
        found("<div>\n<TEXTAREA><img src=a.png></textarea><img src=b.png alt>\n</div>\n"),
        [pair(51, "b.png")]
    );
    assert_eq!(
        found("<p>\n<!--\n<img src=a.png>\n-->\n<img src=b.png>\n</p>\n"),
        [pair(38, "b.png")]
    );
    assert_eq!(
        found("<div><img alt=\"x\"src=\"a.png\"> <img alt=''src=b.png></div>\n"),
        [pair(22, "a.png"), pair(45, "b.png")]
    );
    assert_eq!(found("<img src"), []);
    assert_eq!(found("<img src=>"), [] as [(usize, String); 0]);
}

/// Where each link's destination is written, which `rename` rewrites: the whole inline link or
/// image, the reference definition (not the `[text][label]` using it), the attribute value of
/// raw HTML, and the whole tag when the parser's text of the HTML is not the file's (inside a
/// block quote, where it drops the `> ` of each line).
#[test]
fn each_link_is_written_where_its_destination_is() {
    let written = |text: &str| {
        local_links(text)
            .into_iter()
            .map(|l| (l.offset, text[l.written].to_owned()))
            .collect::<Vec<_>>()
    };
    let pair = |offset: usize, text: &str| (offset, text.to_owned());
    assert_eq!(
        written("See [r](report.pdf)."),
        [pair(4, "[r](report.pdf)")]
    );
    assert_eq!(
        written("[a][r] and ![i](i.png)\n\n[r]: a.png \"T\"\n"),
        [pair(0, "[r]: a.png \"T\""), pair(11, "![i](i.png)")]
    );
    assert_eq!(
        written("é <img src=a.png> <img src=\"c&#46;png\">"),
        [pair(12, "a.png"), pair(29, "c&#46;png")]
    );
    assert_eq!(
        written("> x <a\n> href=\"b.pdf\">b</a>\n"),
        [pair(4, "<a\n> href=\"b.pdf\">")]
    );
}
