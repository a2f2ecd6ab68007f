//! Posts of an existing Jekyll or Hugo site, mapped onto statement fields.
//!
//! Pure: one post's file name and text in, a [`Post`] (or why it cannot be one) out; walking the
//! site and writing files is the command's job. Mapping (issue 5 §3):
//! - `title`; `date` in the forms real sites use (`2012-11-21 15:59:49 -0400`,
//!   `2015-06-29 1:00:19 -0400`, `2019-03-01 10:00:00 +00:00`, RFC 3339, date only); a time
//!   without an offset takes [`SiteOptions::offset`] (UTC unless `--tz` says otherwise), and a
//!   post without `date` takes the one in its Jekyll file name (`2012-11-21-slug.md`);
//! - `author`/`authors`/`speaker` → speakers; `tags`/`categories`/`topics` → topics;
//!   `description`/`summary` → summary; `published: false`/`draft: true` → draft;
//!   `location`, `background`, `source`, `lang` as they are;
//! - `slug` kept so old URLs map; one that breaks the slug rules is normalised and the original
//!   kept as `extra.original_slug`;
//! - every other key goes under `extra:` unchanged, or is dropped with `--drop-unknown`;
//!   `--map KEY=FIELD` sends a key elsewhere (a field, `extra.NAME`, or `drop`);
//! - a press statement file maps onto itself: `speaker`, `topics`, `embargo`, and its `extra:`
//!   keys kept as they are;
//! - YAML (`---`) and TOML (`+++`) front matter; a BOM, CRLF, tabs in the front matter's
//!   indentation and blank lines before the opening fence are tolerated;
//! - the body is kept as it is (empty bodies too); Liquid tags and Hugo shortcodes stay in it as
//!   text and are reported.

pub mod config;
pub mod dates;
pub mod front;
pub mod links;
#[cfg(test)]
mod links_tests;
pub mod markup;
pub mod permalink;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use config::Site;
pub use dates::parse_date;
pub use front::Removed;

use crate::slug::{self, Slug};
use crate::statement::parse::is_language_tag;
use crate::statement::{Published, Speaker};
use crate::yaml::Value;

/// The site generators whose posts can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteKind {
    /// Jekyll: `_posts/YYYY-MM-DD-slug.md`, YAML front matter.
    Jekyll,
    /// Hugo: `content/**.md`, YAML or TOML front matter.
    Hugo,
}

/// Where `--map KEY=FIELD` sends a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A front-matter field of the statement format (`title`, `speaker`, `topics`, …).
    Field(String),
    /// `extra.NAME`.
    Extra(String),
    /// Dropped.
    Drop,
}

/// The statement fields a key can be mapped to.
pub const FIELDS: &[&str] = &[
    "title",
    "date",
    "speaker",
    "topics",
    "location",
    "background",
    "contact",
    "source",
    "summary",
    "lang",
    "draft",
    "slug",
];

impl Target {
    /// Reads the FIELD of `--map KEY=FIELD`.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text == "drop" {
            Ok(Self::Drop)
        } else if let Some(name) = text.strip_prefix("extra.").filter(|n| !n.is_empty()) {
            Ok(Self::Extra(name.to_owned()))
        } else if FIELDS.contains(&text) {
            Ok(Self::Field(text.to_owned()))
        } else {
            Err(format!(
                "unknown target `{text}`: use one of {}, `extra.NAME` or `drop`",
                FIELDS.join(", ")
            ))
        }
    }
}

/// How posts are read.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// Which generator wrote the site.
    pub kind: SiteKind,
    /// The offset assumed for times written without one.
    pub offset: FixedOffset,
    /// Drop unknown keys instead of keeping them under `extra:`.
    pub drop_unknown: bool,
    /// `--map KEY=FIELD` rules.
    pub map: Vec<(String, Target)>,
    /// The site's configuration (its authors resolve handles).
    pub site: Site,
}

/// One post, mapped. Fields the post lacks are `None` or empty: the command fills them from
/// its options or refuses the post.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Post {
    /// `title`.
    pub title: Option<String>,
    /// `date`, else the file name's.
    pub published: Option<Published>,
    /// From `author`, `authors` or `speaker`.
    pub speakers: Vec<Speaker>,
    /// From `tags`, `categories` and `topics`, in that order, each once.
    pub topics: Vec<String>,
    /// `categories` alone (Jekyll's permalinks use them).
    pub categories: Vec<String>,
    /// `location`.
    pub location: Option<String>,
    /// `background`.
    pub background: Option<String>,
    /// `contact`.
    pub contact: Option<String>,
    /// `source`, when it is an http or https URL.
    pub source: Option<String>,
    /// `description`, `summary` or `excerpt`.
    pub summary: Option<String>,
    /// `lang`.
    pub lang: Option<String>,
    /// `embargo` (RFC 3339).
    pub embargo: Option<DateTime<FixedOffset>>,
    /// `published: false` or `draft: true`.
    pub draft: bool,
    /// A valid slug (normalised when the post's was not).
    pub slug: Option<Slug>,
    /// The `slug` as written (the old site's URLs use it).
    pub written_slug: Option<String>,
    /// Old URLs the post names: `url`, `permalink`, `aliases`, `redirect_from`, as written.
    pub old_urls: Vec<String>,
    /// Hugo's `translationKey` (or a `ref` that names the original).
    pub translation_key: Option<String>,
    /// Hugo's `headless: true`: a bundle that is not a page.
    pub headless: bool,
    /// Keys the format does not have (and `original_slug`), in file order.
    pub extra: Vec<(String, Value)>,
    /// The front matter as read (for `{{ page.KEY }}`).
    pub front: Vec<(String, Value)>,
    /// The text after the front matter, unchanged (blank lines around it trimmed).
    pub body: String,
    /// A slug that broke the rules, as written (also under `extra.original_slug`).
    pub original_slug: Option<String>,
    /// Keys kept under `extra:` (for the report; `original_slug` not included).
    pub unknown_keys: Vec<String>,
    /// Keys of the format whose value did not fit, kept under `extra:` (with why).
    pub misfits: Vec<String>,
    /// Keys written twice: the later value taken, the earlier kept as `extra.duplicate_KEY`.
    pub duplicates: Vec<String>,
    /// Control characters removed (or turned into line breaks).
    pub removed: Vec<Removed>,
    /// Keys dropped by `--drop-unknown` or `--map KEY=drop`.
    pub dropped_keys: Vec<String>,
    /// The date had a time but no offset, so [`SiteOptions::offset`] was assumed.
    pub assumed_offset: bool,
    /// No `title`: the file name's words were taken, as Jekyll does.
    pub title_from_file: bool,
}

/// Reads one post: `file_name` is the file's own name (for the date and slug in it).
pub fn read_post(file_name: &str, text: &str, options: &SiteOptions) -> Result<Post, String> {
    let (text, removed) = front::clean_controls(text);
    if text.trim().is_empty() {
        return Err("empty file: nothing to import".to_owned());
    }
    let (front, body, duplicates) = front::split_front_matter(&text)?;
    let Value::Map(entries) = front else {
        return Err("the front matter is not a mapping of keys".to_owned());
    };
    let mut post = Post {
        body: body.trim_matches('\n').to_owned(),
        front: entries.clone(),
        removed,
        duplicates,
        ..Post::default()
    };
    for (key, value) in entries {
        // A press statement file's own `extra:` keeps its keys as they are.
        if key == "extra"
            && let Value::Map(extra) = value
        {
            post.extra.extend(extra);
            continue;
        }
        let mapped = options
            .map
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone());
        let unknown = mapped.is_none() && matches!(default_target(&key), Target::Extra(_));
        let target = mapped.unwrap_or_else(|| default_target(&key));
        match target {
            Target::Drop => post.dropped_keys.push(key),
            Target::Extra(_) if key.starts_with("duplicate_") => post.extra.push((key, value)),
            Target::Extra(_) if unknown && options.drop_unknown => post.dropped_keys.push(key),
            Target::Extra(name) => {
                if unknown {
                    post.unknown_keys.push(key);
                }
                post.extra.push((name, value));
            }
            Target::Field(field) => {
                if let Err(reason) = set_field(&mut post, &field, &value, options) {
                    // A value that does not fit the format is kept, not refused.
                    post.misfits.push(format!("`{key}` ({reason})"));
                    post.extra.push((key, value));
                }
            }
        }
    }
    if let Some(original) = &post.original_slug {
        post.extra
            .push(("original_slug".to_owned(), Value::String(original.clone())));
    }
    if post.published.is_none()
        && let Some(published) = DATE_KEYS.iter().find_map(|key| {
            let (_, value) = post
                .extra
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))?;
            dates::parse_date(&self::text(value)?, options.offset)
        })
    {
        post.assumed_offset |= published.1;
        post.published = Some(published.0);
    }
    if post.title.is_none()
        && let Some(name) = file_name_slug(std::path::Path::new(file_name))
    {
        // As Jekyll does: the file name's words, the first capitalised.
        let words = name.replace(['-', '_'], " ");
        let mut chars = words.trim().chars();
        post.title = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect());
        post.title_from_file = post.title.is_some();
    }
    if post.published.is_none() {
        if let Some((day, _)) = dates::file_date(file_name) {
            post.published = Some(Published::Date(day));
        } else if let Some(Value::String(written)) =
            post.extra.iter().find(|(k, _)| k == "date").map(|(_, v)| v)
            && let Some(day) = leading_date(written)
        {
            // No date in the file name: the date the unreadable value starts with.
            post.published = Some(Published::Date(day));
        }
    }
    // An unreadable date that another date replaced is kept as `extra.original_date`.
    if post.published.is_some()
        && let Some(entry) = post.extra.iter_mut().find(|(k, _)| k == "date")
    {
        entry.0 = "original_date".to_owned();
    }
    Ok(post)
}

/// Keys that hold a post's date when `date` does not (read in this order; kept under `extra:`).
const DATE_KEYS: &[&str] = &[
    "publishDate",
    "pubDate",
    "published",
    "date_published",
    "created",
    "lastmod",
    "modified",
    "updated",
];

/// `2016-01-01` at the start of `text` (`2016-01-01 (optional)`).
fn leading_date(text: &str) -> Option<NaiveDate> {
    let head: String = text.trim().chars().take(10).collect();
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok()
}

/// The slug a site gave a post through its file name: Jekyll's `2012-11-21-stop-it.md` →
/// `stop-it`; Hugo's `stop-it.md`, or `stop-it/index.md` for a page bundle; a language
/// (`stop-it.es.md`, `index.es.md`) is not part of it.
pub fn file_slug(path: &std::path::Path) -> Option<Slug> {
    Some(slug::slugify(&file_name_slug(path)?))
}

/// The slug of [`file_slug`] as written (`Stop_It`, not normalised).
pub fn file_name_slug(path: &std::path::Path) -> Option<String> {
    let mut stem = path.file_stem()?.to_str()?;
    if let Some((base, lang)) = stem.rsplit_once('.')
        && lang.len() <= 5
        && is_language_tag(lang)
    {
        stem = base;
    }
    let name = if stem == "index" {
        path.parent()?.file_name()?.to_str()?
    } else {
        stem
    };
    Some(
        dates::file_date(name)
            .map_or(name, |(_, slug)| slug)
            .to_owned(),
    )
}

/// Where a key goes when no `--map` says otherwise.
fn default_target(key: &str) -> Target {
    match key {
        "title" | "date" | "location" | "background" | "contact" | "source" | "lang" | "slug"
        | "draft" | "embargo" | "headless" => Target::Field(key.to_owned()),
        "author" | "authors" | "speaker" | "speakers" => Target::Field("speaker".to_owned()),
        "tags" | "topics" => Target::Field("topics".to_owned()),
        "categories" | "category" => Target::Field("categories".to_owned()),
        "description" | "summary" | "excerpt" => Target::Field("summary".to_owned()),
        "published" => Target::Field("published".to_owned()),
        "url" | "permalink" | "aliases" | "redirect_from" => Target::Field("aliases".to_owned()),
        "translationKey" | "translationkey" => Target::Field("translation_key".to_owned()),
        other => Target::Extra(other.to_owned()),
    }
}

fn set_field(
    post: &mut Post,
    field: &str,
    value: &Value,
    options: &SiteOptions,
) -> Result<(), String> {
    match field {
        "title" => post.title = text(value),
        "location" => post.location = text(value),
        "background" => post.background = text(value),
        "contact" => post.contact = text(value),
        "source" => {
            if let Some(url) = text(value) {
                if !(url.starts_with("http://") || url.starts_with("https://"))
                    || url.contains(char::is_whitespace)
                {
                    return Err("not an http or https URL".to_owned());
                }
                post.source = Some(url);
            }
        }
        "lang" => {
            if let Some(lang) = text(value) {
                if !is_language_tag(&lang) {
                    return Err("not a BCP 47 language tag".to_owned());
                }
                post.lang = Some(lang);
            }
        }
        "summary" => {
            if post.summary.is_none() {
                post.summary =
                    text(value).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
        "date" => {
            if let Some(written) = text(value) {
                let (published, assumed) = dates::parse_date(&written, options.offset)
                    .ok_or_else(|| "a date neither Jekyll nor Hugo would read".to_owned())?;
                post.assumed_offset |= assumed;
                post.published = Some(published);
            }
        }
        "draft" => post.draft |= *value == Value::Bool(true),
        "headless" => post.headless |= *value == Value::Bool(true),
        "embargo" => {
            if let Some(written) = text(value) {
                post.embargo = Some(
                    DateTime::parse_from_rfc3339(&written)
                        .map_err(|_| "not an RFC 3339 date-time".to_owned())?,
                );
            }
        }
        "published" => match value {
            Value::Bool(published) => post.draft |= !published,
            // `published: 2019-01-01`: a date, kept under extra and read if `date` is missing.
            _ => return Err("not true or false".to_owned()),
        },
        "speaker" => post.speakers.extend(speakers(value, &options.site)),
        "topics" | "categories" => {
            for topic in strings(value, options.kind) {
                if !post
                    .topics
                    .iter()
                    .any(|t| slug::key(t) == slug::key(&topic))
                {
                    post.topics.push(topic.clone());
                }
                if field == "categories" {
                    post.categories.push(topic);
                }
            }
        }
        "aliases" => match value {
            Value::List(items) => post.old_urls.extend(items.iter().filter_map(text)),
            other => post.old_urls.extend(text(other)),
        },
        "translation_key" => post.translation_key = text(value),
        "slug" => {
            if let Some(written) = text(value) {
                match Slug::parse(&written) {
                    Some(valid) => post.slug = Some(valid),
                    None => {
                        post.slug = Some(slug::slugify(&written));
                        post.original_slug = Some(written.clone());
                    }
                }
                post.written_slug = Some(written);
            }
        }
        _ => return Err(format!("cannot map to `{field}`")),
    }
    Ok(())
}

/// A scalar as text (numbers too: `title: 2024`).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of strings, or one string: split at commas, and for Jekyll (which reads `tags: a b`
/// as two tags) at blanks.
fn strings(value: &Value, kind: SiteKind) -> Vec<String> {
    match value {
        Value::List(items) => items.iter().filter_map(text).collect(),
        Value::String(s) if s.contains(',') => s
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        Value::String(s) if kind == SiteKind::Jekyll => {
            s.split_whitespace().map(str::to_owned).collect()
        }
        other => text(other).into_iter().collect(),
    }
}

/// Words that join several names in one author string ("zzak and hone").
const NAME_JOINERS: &[&str] = &[" and ", " & ", " und ", " et ", " y "];

/// `author: Name`, `authors: [A, B]`, `author: {name: …, role: …}`, "Name, Role", "A and B",
/// handles the site's author data knows.
fn speakers(value: &Value, site: &Site) -> Vec<Speaker> {
    match value {
        Value::List(items) => items.iter().flat_map(|v| speakers(v, site)).collect(),
        Value::Map(entries) => {
            let get = |names: &[&str]| {
                entries
                    .iter()
                    .find(|(k, _)| names.contains(&k.as_str()))
                    .and_then(|(_, v)| text(v))
            };
            get(&["name", "display_name"])
                .map(|name| Speaker {
                    name: Some(name),
                    role: get(&["role", "title", "position"]),
                    organization: get(&["organization", "organisation", "org", "company"]),
                })
                .into_iter()
                .collect()
        }
        other => text(other)
            .map(|written| speakers_in(&written, site))
            .unwrap_or_default(),
    }
}

/// The speakers one author string names.
fn speakers_in(written: &str, site: &Site) -> Vec<Speaker> {
    if let Some(known) = site.author(written) {
        return vec![known.clone()];
    }
    let person = |name: &str, role: Option<String>| {
        site.author(name).cloned().unwrap_or_else(|| Speaker {
            name: Some(name.trim().to_owned()),
            role,
            organization: None,
        })
    };
    let joined = NAME_JOINERS.iter().find(|j| written.contains(**j));
    match (joined, written.split_once(',')) {
        // "A, B and C", "A and B": several people.
        (Some(joiner), _) => written
            .split(joiner)
            .flat_map(|part| part.split(','))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| person(n, None))
            .collect(),
        // "Name, Role".
        (None, Some((name, role))) if !name.trim().is_empty() => {
            let role = Some(role.trim().to_owned()).filter(|r| !r.is_empty());
            vec![person(name, role)]
        }
        _ => vec![person(written, None)],
    }
}

#[cfg(test)]
mod tests;
