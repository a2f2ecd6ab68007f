//! A post's URL on the old site, computed from the site's permalink rules as Jekyll and Hugo
//! compute it: a path from the site's root (without its base path), such as
//! `/2019/06/18/slug/` or `/news/2014/slug.html`.

use chrono::Datelike as _;

use super::SiteKind;
use super::config::Site;
use crate::statement::Published;

/// Jekyll's named permalink styles.
const JEKYLL_STYLES: &[(&str, &str)] = &[
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    (
        "weekdate",
        "/:categories/:year/W:week/:short_day/:title:output_ext",
    ),
    ("none", "/:categories/:title:output_ext"),
];

/// What a permalink is made of.
#[derive(Debug, Clone, Default)]
pub struct PostFacts<'a> {
    /// When the post was published.
    pub published: Option<Published>,
    /// The front matter's `slug`, as written.
    pub slug: Option<&'a str>,
    /// The file's name without date and extension (a bundle's folder name).
    pub file_slug: &'a str,
    /// The title.
    pub title: &'a str,
    /// Jekyll's categories (front matter and folders).
    pub categories: &'a [String],
    /// Hugo's section (the first folder under the content folder) and the folders below it.
    pub section: &'a str,
    /// Hugo: the folders between the section and the file (or bundle), joined with `/`.
    pub sub_path: &'a str,
    /// Hugo: `/LANG` for a language other than the default one.
    pub lang_prefix: &'a str,
}

/// The post's URL path from the site's root.
pub fn permalink(site: &Site, kind: SiteKind, post: &PostFacts<'_>) -> String {
    let path = match kind {
        SiteKind::Jekyll => {
            let rule = site.permalink.as_deref().unwrap_or("date");
            let pattern = JEKYLL_STYLES
                .iter()
                .find(|(name, _)| *name == rule)
                .map_or(rule, |(_, pattern)| pattern);
            fill(pattern, post, kind)
        }
        SiteKind::Hugo => {
            let rule = site
                .permalinks
                .iter()
                .find(|(section, _)| section == post.section)
                .map(|(_, pattern)| pattern.as_str());
            let mut path = match rule {
                Some(pattern) => fill(pattern, post, kind),
                None => {
                    let last = post.slug.map_or_else(|| post.file_slug.to_owned(), urlize);
                    let parts = [post.section, post.sub_path, &last];
                    format!(
                        "/{}/",
                        parts
                            .iter()
                            .filter(|p| !p.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join("/")
                    )
                }
            };
            if site.ugly.iter().any(|s| s.is_empty() || s == post.section) && path.ends_with('/') {
                path.pop();
                path.push_str(".html");
            }
            format!("{}{path}", post.lang_prefix)
        }
    };
    tidy(&path)
}

/// One `/` between segments, a leading `/`.
fn tidy(path: &str) -> String {
    let mut out = String::from("/");
    for (n, part) in path.split('/').filter(|p| !p.is_empty()).enumerate() {
        if n > 0 {
            out.push('/');
        }
        out.push_str(part);
    }
    if path.ends_with('/') && out.len() > 1 {
        out.push('/');
    }
    out
}

/// Hugo's `urlize`: lower case, blanks to `-`, only letters, digits, `-`, `_`, `.` kept.
fn urlize(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
            out.push(c);
        } else if c.is_whitespace() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// Fills the placeholders of a permalink pattern (longest names first: `:i_month` before
/// `:month`).
fn fill(pattern: &str, post: &PostFacts<'_>, kind: SiteKind) -> String {
    let day = post.published.map(|p| p.day());
    let time = match post.published {
        Some(Published::Instant(at)) => Some(at.time()),
        _ => None,
    };
    let date = |format: &str| {
        day.map(|d| d.format(format).to_string())
            .unwrap_or_default()
    };
    let clock =
        |format: &str| time.map_or_else(|| "00".to_owned(), |t| t.format(format).to_string());
    let title = match kind {
        SiteKind::Jekyll => post.slug.unwrap_or(post.file_slug).replace(' ', "-"),
        SiteKind::Hugo => urlize(post.title),
    };
    let slug = match kind {
        SiteKind::Jekyll => post.slug.unwrap_or(post.file_slug).replace(' ', "-"),
        SiteKind::Hugo => post.slug.map_or_else(|| urlize(post.title), urlize),
    };
    let categories = post
        .categories
        .iter()
        .map(|c| c.to_lowercase().replace(' ', "-"))
        .collect::<Vec<_>>()
        .join("/");
    let values: Vec<(&str, String)> = vec![
        (
            ":slugorfilename",
            post.slug.map_or_else(|| post.file_slug.to_owned(), urlize),
        ),
        (":contentbasename", post.file_slug.to_owned()),
        (":output_ext", ".html".to_owned()),
        (":short_month", date("%b")),
        (":short_year", date("%y")),
        (":categories", categories),
        (":monthname", date("%B").to_lowercase()),
        (":short_day", date("%a")),
        (":filename", post.file_slug.to_owned()),
        (
            ":sections",
            [post.section, post.sub_path]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("/"),
        ),
        (":i_month", date("%-m")),
        (
            ":weekday",
            day.map(|d| d.weekday().num_days_from_sunday().to_string())
                .unwrap_or_default(),
        ),
        (":yearday", date("%-j")),
        (":section", post.section.to_owned()),
        (":i_day", date("%-d")),
        (":y_day", date("%j")),
        (":minute", clock("%M")),
        (":second", clock("%S")),
        (":month", date("%m")),
        (":title", title),
        (":week", date("%V")),
        (":hour", clock("%H")),
        (":year", date("%Y")),
        (":slug", slug),
        (
            ":path",
            [post.sub_path, post.file_slug]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("/"),
        ),
        (":name", post.file_slug.to_owned()),
        (":day", date("%d")),
    ];
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match values.iter().find(|(name, _)| {
            tail.starts_with(name)
                && !tail[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        }) {
            Some((name, value)) => {
                out.push_str(value);
                rest = &tail[name.len()..];
            }
            None => {
                out.push(':');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
