//! The redirects of `aliases`: for each old address of a published statement, a small page at
//! that path (a canonical link, an immediate refresh and a visible link to the statement's
//! page, nothing else), and one `_redirects` file listing them all as Netlify and Cloudflare
//! Pages read it (`/old/path /statements/2019/slug/ 301`).
//!
//! The page is fixed rather than a theme template: a redirect has nothing for a theme to add,
//! and a template could drop the refresh. Its links are relative, so it works from `file://` as
//! every other page does; the canonical link is absolute when the site has a base URL. Where the
//! pages go is [`crate::statement::Alias::file`]; [`crate::redirects`] has refused any that would
//! replace one of the export's own pages or another alias's.

use std::collections::BTreeMap;

use chrono::Datelike as _;

use super::html::{escape_html, fingerprint, pretty, root_of, statement_path};
use super::sanitize::xml_text;
use super::site::{Sink, SiteInput};
use crate::statement::Header as _;

/// The file listing every redirect for hosts that read one.
pub(crate) const REDIRECTS: &str = "_redirects";

/// A redirect from an old topic or speaker address (a synonym in `topics.toml`, an alias in
/// `speakers.toml`): its page's file, its path (`/topics/x/`), the page it leads to and that
/// page's title.
pub(crate) struct Redirect {
    /// The redirect page's file (`topics/x/index.html`).
    pub(crate) file: String,
    /// The old path, as `_redirects` names it (`topics/x/`, without the leading `/`).
    pub(crate) from: String,
    /// The page led to (`topics/y/index.html`).
    pub(crate) to: String,
    /// The title of the page led to.
    pub(crate) title: String,
}

/// Writes the redirect page of every alias of a published statement and of every old topic
/// topic or speaker address in `moved` ([`super::topics`], [`super::speaker`]), and `_redirects` when there is any. `seed` is the
/// site's ([`super::html::Site::seed`]).
pub(crate) fn redirects(
    input: &SiteInput<'_>,
    seed: u64,
    moved: &[Redirect],
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let base = input.base_url.as_deref();
    // The base URL's path: `_redirects` rules are paths on the host.
    let prefix = base
        .and_then(|b| url::Url::parse(b).ok())
        .map_or_else(|| "/".to_owned(), |u| u.path().to_owned());
    let mut pages: BTreeMap<String, (&str, String)> = BTreeMap::new();
    let mut rules = Vec::new();
    for statement in &input.statements {
        let target = statement_path(*statement);
        for alias in &statement.aliases {
            rules.push(format!(
                "{prefix}{} {prefix}statements/{:04}/{}/ 301\n",
                &alias.as_str()[1..],
                statement.day().year(),
                statement.slug
            ));
            pages
                .entry(alias.file())
                .or_insert((&statement.title, target.clone()));
        }
    }
    for old in moved {
        rules.push(format!(
            "{prefix}{} {prefix}{} 301\n",
            old.from,
            pretty(&old.to)
        ));
        pages
            .entry(old.file.clone())
            .or_insert((old.title.as_str(), old.to.clone()));
    }
    if rules.is_empty() {
        return Ok(());
    }
    rules.sort_unstable();
    rules.dedup();
    sink.put(REDIRECTS.to_owned(), None, rules.concat().into_bytes())?;
    for (file, (title, target)) in pages {
        let canonical = match base {
            Some(base) => format!("{base}{}", pretty(&target)),
            None => format!("{}{target}", root_of(&file)),
        };
        let bytes = page(
            input.config.language(),
            title,
            &canonical,
            &format!("{}{target}", root_of(&file)),
        );
        let inputs = fingerprint(seed, &(&file, &bytes));
        if !inputs.is_some_and(|f| sink.keep(&file, f)) {
            sink.put(file, inputs, bytes.into_bytes())?;
        }
    }
    Ok(())
}

/// The redirect page: to `target` (relative), with `canonical`, titled with the statement's
/// title.
pub(crate) fn page(language: &str, title: &str, canonical: &str, target: &str) -> String {
    let title = escape_html(&xml_text(title));
    let (language, canonical, target) = (
        escape_html(language),
        escape_html(canonical),
        escape_html(target),
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n\
         <p><a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_page_is_a_link_and_nothing_else() {
        assert_eq!(
            page(
                "en",
                "A & <b>",
                "https://example.org/statements/2019/x/",
                "../../statements/2019/x/index.html"
            ),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>A &amp; &lt;b&gt;</title>\n\
             <link rel=\"canonical\" href=\"https://example.org/statements/2019/x/\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url=../../statements/2019/x/index.html\">\n\
             </head>\n<body>\n<p><a href=\"../../statements/2019/x/index.html\">A &amp; &lt;b&gt;</a></p>\n\
             </body>\n</html>\n"
        );
    }
}

#[cfg(test)]
mod write_tests;
