//! The files [`redirects`] hands the export: each alias's page and the old topic and speaker
//! addresses' pages, with their relative and canonical links, and `_redirects`, with and without
//! a base URL (whole files).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Result, bail};

use super::*;
use crate::config::Config;
use crate::directory::Directory;
use crate::statement::Summary;
use crate::translations::Families;

/// A sink that keeps the pages named in `kept` and records every file put.
#[derive(Default)]
struct Recorder {
    kept: Vec<&'static str>,
    files: Mutex<BTreeMap<String, String>>,
}

impl Sink for Recorder {
    fn keep(&self, path: &str, _fingerprint: u64) -> bool {
        self.kept.contains(&path)
    }
    fn put(&self, path: String, _fingerprint: Option<u64>, bytes: Vec<u8>) -> Result<()> {
        let text = String::from_utf8(bytes)?;
        let mut files = self.files.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        if files.insert(path.clone(), text).is_some() {
            bail!("{path} put twice");
        }
        Ok(())
    }
    fn put_made(&self, path: String, _: &mut dyn FnMut(&Path) -> Result<()>) -> Result<()> {
        bail!("{path} made")
    }
    fn keep_all(&self, _folder: &str, _fingerprint: u64) -> bool {
        false
    }
    fn paths(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A published statement of 2019 with this slug and front-matter lines.
fn summary(id: u32, slug: &str, extra: &str) -> Result<Summary> {
    let path = format!("statements/2019/2019-06-18-{slug}.md");
    let text = format!(
        "---\ntitle: \"Chile: <X> & {slug}\"\ndate: 2019-06-18\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]\n{extra}\n---\nBody.\n"
    );
    match crate::statement::parse::parse(&path, text.as_bytes()).statement {
        Some(statement) => Ok(Summary::new(id, statement, 0)),
        None => bail!("{path} does not parse"),
    }
}

/// The files `redirects` puts for these statements and moved addresses, with this base URL,
/// the pages in `kept` kept.
fn written(
    all: &[Summary],
    base_url: Option<&str>,
    moved: &[Redirect],
    kept: Vec<&'static str>,
) -> Result<BTreeMap<String, String>> {
    let config = Config::default();
    let directory = Directory::default();
    let published: Vec<&Summary> = all.iter().collect();
    let input = SiteInput {
        root: Path::new("."),
        config: &config,
        base_url: base_url.map(str::to_owned),
        statements: published.clone(),
        families: Families::new(&published, "en"),
        all,
        now: chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00+00:00")?,
        data: false,
        directory: &directory,
    };
    let sink = Recorder {
        kept,
        ..Recorder::default()
    };
    redirects(&input, 7, moved, &sink)?;
    let files = sink
        .files
        .into_inner()
        .map_err(|_| anyhow::anyhow!("poisoned"))?;
    Ok(files)
}

/// The redirect page to `target` with `canonical`, for the statement with this slug.
fn page_to(slug: &str, canonical: &str, target: &str) -> String {
    page("en", &format!("Chile: <X> & {slug}"), canonical, target)
}

#[test]
fn each_alias_gets_a_page_relative_to_itself_and_a_line_in_redirects() -> Result<()> {
    let all = [
        summary(
            1,
            "x",
            r#"aliases: ["/2019/06/18/x/", "/news/x.html", "/old/x", "/caf%C3%A9/"]"#,
        )?,
        summary(2, "y", r#"aliases: ["/news/x.html", "/y/"]"#)?,
    ];
    let files = written(&all, None, &[], vec!["y/index.html"])?;
    let to_x = |up: &str| {
        let target = format!("{up}statements/2019/x/index.html");
        page_to("x", &target, &target)
    };
    let expected: BTreeMap<String, String> = [
        (
            "_redirects",
            "/2019/06/18/x/ /statements/2019/x/ 301\n\
             /caf%C3%A9/ /statements/2019/x/ 301\n\
             /news/x.html /statements/2019/x/ 301\n\
             /news/x.html /statements/2019/y/ 301\n\
             /old/x /statements/2019/x/ 301\n\
             /y/ /statements/2019/y/ 301\n"
                .to_owned(),
        ),
        ("2019/06/18/x/index.html", to_x("../../../../")),
        ("café/index.html", to_x("../")),
        // Two statements with one alias (an error `check` reports): the first one's page.
        ("news/x.html", to_x("../")),
        ("old/x/index.html", to_x("../../")),
    ]
    .into_iter()
    .map(|(file, text)| (file.to_owned(), text))
    .collect();
    assert_eq!(files, expected);
    Ok(())
}

#[test]
fn with_a_base_url_the_canonical_link_is_absolute_and_redirects_carry_its_path() -> Result<()> {
    let all = [summary(1, "x", r#"aliases: ["/news/x.html"]"#)?];
    let moved = [Redirect {
        file: "topics/old/index.html".to_owned(),
        from: "topics/old/".to_owned(),
        to: "topics/new/index.html".to_owned(),
        title: "New & <b>".to_owned(),
    }];
    let files = written(&all, Some("https://example.org/press/"), &moved, vec![])?;
    let expected: BTreeMap<String, String> = [
        (
            "_redirects",
            "/press/news/x.html /press/statements/2019/x/ 301\n\
             /press/topics/old/ /press/topics/new/ 301\n"
                .to_owned(),
        ),
        (
            "news/x.html",
            page_to(
                "x",
                "https://example.org/press/statements/2019/x/",
                "../statements/2019/x/index.html",
            ),
        ),
        (
            "topics/old/index.html",
            page(
                "en",
                "New & <b>",
                "https://example.org/press/topics/new/",
                "../../topics/new/index.html",
            ),
        ),
    ]
    .into_iter()
    .map(|(file, text)| (file.to_owned(), text))
    .collect();
    assert_eq!(files, expected);
    Ok(())
}

#[test]
fn without_aliases_or_moved_addresses_nothing_is_written() -> Result<()> {
    let all = [summary(1, "x", "")?];
    assert_eq!(written(&all, None, &[], vec![])?, BTreeMap::new());
    Ok(())
}
