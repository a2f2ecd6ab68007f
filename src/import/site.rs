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

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone as _};
use regex::Regex;

use super::regex;
use crate::slug::{self, Slug};
use crate::statement::{Published, Speaker};
use crate::yaml::{self, Value};

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
    /// `location`.
    pub location: Option<String>,
    /// `background`.
    pub background: Option<String>,
    /// `source`.
    pub source: Option<String>,
    /// `description` or `summary`.
    pub summary: Option<String>,
    /// `lang`.
    pub lang: Option<String>,
    /// `embargo` (RFC 3339).
    pub embargo: Option<DateTime<FixedOffset>>,
    /// `published: false` or `draft: true`.
    pub draft: bool,
    /// A valid slug (normalised when the post's was not).
    pub slug: Option<Slug>,
    /// Keys the format does not have (and `original_slug`), in file order.
    pub extra: Vec<(String, Value)>,
    /// The text after the front matter, unchanged (blank lines around it trimmed).
    pub body: String,
    /// A slug that broke the rules, as written (also under `extra.original_slug`).
    pub original_slug: Option<String>,
    /// Keys kept under `extra:` (for the report; `original_slug` not included).
    pub unknown_keys: Vec<String>,
    /// Keys dropped by `--drop-unknown` or `--map KEY=drop`.
    pub dropped_keys: Vec<String>,
    /// The date had a time but no offset, so [`SiteOptions::offset`] was assumed.
    pub assumed_offset: bool,
    /// The body holds Liquid tags or Hugo shortcodes (kept as text).
    pub template_tags: bool,
}

static FILE_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+?)(?:\.[A-Za-z]+)?$"));

static TEMPLATE_TAG: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\{%-?\s*\w[^%]*%\}|\{\{-?\s*[\w.|$ ]+?-?\}\}|\{\{[<%].*?[>%]\}\}"));

/// Reads one post: `file_name` is the file's own name (for the date and slug in it).
pub fn read_post(file_name: &str, text: &str, options: &SiteOptions) -> Result<Post, String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err("empty file: nothing to import".to_owned());
    }
    let (front, body) = split_front_matter(&text)?;
    let Value::Map(entries) = front else {
        return Err("the front matter is not a mapping of keys".to_owned());
    };
    let mut post = Post {
        body: body.trim_matches('\n').to_owned(),
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
            Target::Extra(_) if unknown && options.drop_unknown => post.dropped_keys.push(key),
            Target::Extra(name) => {
                if unknown {
                    post.unknown_keys.push(key);
                }
                post.extra.push((name, value));
            }
            Target::Field(field) => {
                if let Err(reason) = set_field(&mut post, &field, value, options) {
                    return Err(format!("`{key}`: {reason}"));
                }
            }
        }
    }
    if let Some(original) = &post.original_slug {
        post.extra
            .push(("original_slug".to_owned(), Value::String(original.clone())));
    }
    if post.published.is_none()
        && let Some(caps) = FILE_DATE.captures(file_name)
    {
        post.published = NaiveDate::parse_from_str(&caps["date"], "%Y-%m-%d")
            .ok()
            .map(Published::Date);
    }
    post.template_tags = TEMPLATE_TAG.is_match(&post.body);
    Ok(post)
}

/// The slug a site gave a post through its file name: Jekyll's `2012-11-21-stop-it.md` →
/// `stop-it`; Hugo's `stop-it.md`, or `stop-it/index.md` for a page bundle.
pub fn file_slug(path: &std::path::Path) -> Option<Slug> {
    let stem = path.file_stem()?.to_str()?;
    let name = if stem == "index" {
        path.parent()?.file_name()?.to_str()?
    } else {
        stem
    };
    let name = FILE_DATE
        .captures(name)
        .map_or(name, |caps| caps.name("slug").map_or(name, |m| m.as_str()));
    Some(slug::slugify(name))
}

/// Where a key goes when no `--map` says otherwise.
fn default_target(key: &str) -> Target {
    match key {
        "title" | "date" | "location" | "background" | "source" | "lang" | "slug" | "draft"
        | "embargo" => Target::Field(key.to_owned()),
        "author" | "authors" | "speaker" | "speakers" => Target::Field("speaker".to_owned()),
        "tags" | "categories" | "topics" => Target::Field("topics".to_owned()),
        "description" | "summary" => Target::Field("summary".to_owned()),
        "published" => Target::Field("published".to_owned()),
        other => Target::Extra(other.to_owned()),
    }
}

fn set_field(
    post: &mut Post,
    field: &str,
    value: Value,
    options: &SiteOptions,
) -> Result<(), String> {
    match field {
        "title" => post.title = text(&value),
        "location" => post.location = text(&value),
        "background" => post.background = text(&value),
        "source" => post.source = text(&value),
        "lang" => post.lang = text(&value),
        "summary" => {
            if post.summary.is_none() {
                post.summary = text(&value);
            }
        }
        "date" => {
            if let Some(written) = text(&value) {
                let (published, assumed) = parse_date(&written, options.offset)
                    .ok_or_else(|| format!("cannot read the date {written:?}"))?;
                post.assumed_offset |= assumed;
                post.published = Some(published);
            }
        }
        "draft" => post.draft |= value == Value::Bool(true),
        "embargo" => {
            if let Some(written) = text(&value) {
                post.embargo =
                    Some(DateTime::parse_from_rfc3339(&written).map_err(|_| {
                        format!("cannot read the embargo {written:?}: use RFC 3339")
                    })?);
            }
        }
        "published" => post.draft |= value == Value::Bool(false),
        "speaker" => post.speakers.extend(speakers(&value)),
        "topics" => {
            for topic in strings(&value, options.kind) {
                if !post
                    .topics
                    .iter()
                    .any(|t| slug::key(t) == slug::key(&topic))
                {
                    post.topics.push(topic);
                }
            }
        }
        "slug" => {
            if let Some(written) = text(&value) {
                match Slug::parse(&written) {
                    Some(valid) => post.slug = Some(valid),
                    None => {
                        post.slug = Some(slug::slugify(&written));
                        post.original_slug = Some(written);
                    }
                }
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

/// `author: Name`, `authors: [A, B]`, `author: {name: …, role: …}`.
fn speakers(value: &Value) -> Vec<Speaker> {
    match value {
        Value::List(items) => items.iter().flat_map(speakers).collect(),
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
        other => text(other).map(Speaker::person).into_iter().collect(),
    }
}

/// Reads a post date; `true` when no offset was written and `offset` was assumed.
pub fn parse_date(text: &str, offset: FixedOffset) -> Option<(Published, bool)> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some((Published::Instant(at), false));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(text, format) {
            return Some((Published::Instant(at), false));
        }
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            let at = offset.from_local_datetime(&local).single()?;
            return Some((Published::Instant(at), true));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|day| (Published::Date(day), false))
}

/// Splits `---` YAML or `+++` TOML front matter from the body.
fn split_front_matter(text: &str) -> Result<(Value, &str), String> {
    let start = text.trim_start_matches(['\n', ' ', '\t']);
    let (fence, toml) = if start.starts_with("---\n") || start == "---" {
        ("---", false)
    } else if start.starts_with("+++\n") {
        ("+++", true)
    } else {
        return Err("no front matter: the file does not start with `---` or `+++`".to_owned());
    };
    let after = &start[fence.len()..];
    let after = after.strip_prefix('\n').unwrap_or(after);
    let (front, body) = match after.find(&format!("\n{fence}")) {
        _ if after.starts_with(fence) => ("", &after[fence.len()..]),
        Some(end) => {
            let rest = &after[end + 1 + fence.len()..];
            (&after[..end], rest.strip_prefix('\n').unwrap_or(rest))
        }
        None => return Err(format!("the front matter has no closing `{fence}`")),
    };
    if front.trim().is_empty() {
        return Ok((Value::Map(Vec::new()), body));
    }
    let value = if toml {
        let table: toml::Table = front.parse().map_err(|err: toml::de::Error| {
            format!("invalid TOML front matter: {}", err.message())
        })?;
        from_toml(toml::Value::Table(table))
    } else {
        // YAML forbids tabs in indentation; sites have them anyway.
        let front: String = front
            .lines()
            .map(|line| {
                let indent = line.len() - line.trim_start_matches('\t').len();
                format!("{}{}\n", "  ".repeat(indent), &line[indent..])
            })
            .collect();
        yaml::parse(&front).map_err(|err| {
            format!(
                "invalid YAML front matter (line {}): {}",
                err.line + 1,
                err.message
            )
        })?
    };
    Ok((value, body))
}

fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(serde_json::Number::from(i)),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => {
            Value::Map(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::{Context as _, Result};

    fn options(kind: SiteKind) -> Result<SiteOptions> {
        Ok(SiteOptions {
            kind,
            offset: FixedOffset::east_opt(0).context("UTC is a valid offset")?,
            drop_unknown: false,
            map: Vec::new(),
        })
    }

    /// `read_post`, its error message turned into an error `?` can pass on.
    fn read(file_name: &str, text: &str, options: &SiteOptions) -> Result<Post> {
        read_post(file_name, text, options).map_err(anyhow::Error::msg)
    }

    /// The message of the error `read_post` must give.
    fn read_error(file_name: &str, text: &str, options: &SiteOptions) -> Result<String> {
        read_post(file_name, text, options)
            .err()
            .with_context(|| format!("{text:?} is refused"))
    }

    fn instant(text: &str) -> Result<Published> {
        Ok(Published::Instant(DateTime::parse_from_rfc3339(text)?))
    }

    #[test]
    fn dates_in_the_forms_sites_use() -> Result<()> {
        let utc = FixedOffset::east_opt(0).context("UTC is a valid offset")?;
        let plus2 = FixedOffset::east_opt(7200).context("+02:00 is a valid offset")?;
        assert_eq!(
            parse_date("2012-11-21 15:59:49 -0400", utc),
            Some((instant("2012-11-21T15:59:49-04:00")?, false))
        );
        assert_eq!(
            parse_date("2015-06-29 1:00:19 -0400", utc),
            Some((instant("2015-06-29T01:00:19-04:00")?, false))
        );
        assert_eq!(
            parse_date("2019-03-01 10:00:00 +00:00", utc),
            Some((instant("2019-03-01T10:00:00+00:00")?, false))
        );
        assert_eq!(
            parse_date("2019-03-01T10:00:00Z", utc),
            Some((instant("2019-03-01T10:00:00Z")?, false))
        );
        assert_eq!(
            parse_date("2019-03-01 10:00:00", plus2),
            Some((instant("2019-03-01T10:00:00+02:00")?, true))
        );
        assert_eq!(
            parse_date("2019-03-01", utc),
            Some((
                Published::Date(NaiveDate::from_ymd_opt(2019, 3, 1).context("valid date")?),
                false
            ))
        );
        assert_eq!(parse_date("yesterday", utc), None);
        Ok(())
    }

    #[test]
    fn jekyll_post_with_quirks() -> Result<()> {
        let text = "\u{feff}\n\n---\r\ntitle: \"UK: Stop it\"\r\nauthor: Kate Allen\r\ntags: [Torture, torture, Rendition]\r\ncategories: press\r\ndescription: Short.\r\npublished: false\r\nlayout: post\r\nslug: Stop_It!\r\nredirect_from:\r\n\t- /old/\r\n---\r\n\r\nBody with {% include note.html %}.\r\n";
        let post = read("2012-11-21-stop-it.md", text, &options(SiteKind::Jekyll)?)?;
        assert_eq!(post.title.as_deref(), Some("UK: Stop it"));
        assert_eq!(post.speakers[0].name.as_deref(), Some("Kate Allen"));
        assert_eq!(post.topics, ["Torture", "Rendition", "press"]);
        assert_eq!(post.summary.as_deref(), Some("Short."));
        assert!(post.draft);
        assert_eq!(post.slug.as_ref().map(Slug::as_str), Some("stop-it"));
        assert_eq!(
            post.published,
            Some(Published::Date(
                NaiveDate::from_ymd_opt(2012, 11, 21).context("valid date")?
            ))
        );
        assert_eq!(post.unknown_keys, ["layout", "redirect_from"]);
        assert!(
            post.extra
                .iter()
                .any(|(k, v)| k == "original_slug" && *v == Value::String("Stop_It!".into()))
        );
        assert_eq!(post.body, "Body with {% include note.html %}.");
        assert!(post.template_tags);
        assert!(!post.assumed_offset);
        Ok(())
    }

    #[test]
    fn jekyll_splits_a_tag_string_at_blanks_hugo_does_not() -> Result<()> {
        let text = "---\ntitle: T\ntags: press torture\n---\n";
        let jekyll = read("x.md", text, &options(SiteKind::Jekyll)?)?;
        assert_eq!(jekyll.topics, ["press", "torture"]);
        let hugo = read("x.md", text, &options(SiteKind::Hugo)?)?;
        assert_eq!(hugo.topics, ["press torture"]);
        Ok(())
    }

    #[test]
    fn hugo_toml_post_with_map_and_drop() -> Result<()> {
        let text = "+++\ntitle = \"Global: Act\"\ndate = 2019-03-01T10:00:00+01:00\ndraft = true\nauthors = [\"Jane Roe\"]\nweight = 3\nregion = \"Europe\"\n+++\n{{< figure src=\"x.png\" >}}\n";
        let mut opts = options(SiteKind::Hugo)?;
        opts.map
            .push(("region".to_owned(), Target::Field("location".to_owned())));
        opts.drop_unknown = true;
        let post = read("act.md", text, &opts)?;
        assert_eq!(post.published, Some(instant("2019-03-01T10:00:00+01:00")?));
        assert!(post.draft);
        assert_eq!(post.location.as_deref(), Some("Europe"));
        assert_eq!(post.dropped_keys, ["weight"]);
        assert!(post.extra.is_empty());
        assert!(post.template_tags);
        Ok(())
    }

    #[test]
    fn empty_link_out_body_is_kept_and_bad_files_say_why() -> Result<()> {
        let hugo = options(SiteKind::Hugo)?;
        let post = read("x.md", "---\ntitle: T\n---\n", &hugo)?;
        assert_eq!(post.body, "");
        assert!(read_error("x.md", "", &hugo)?.contains("empty"));
        assert!(read_error("x.md", "Just text", &hugo)?.contains("no front matter"));
        assert!(read_error("x.md", "---\ntitle: [\n", &hugo)?.contains("closing"));
        assert!(read_error("x.md", "---\ndate: soon\n---\n", &hugo)?.contains("date"));
        Ok(())
    }

    #[test]
    fn map_targets() {
        assert_eq!(Target::parse("drop"), Ok(Target::Drop));
        assert_eq!(
            Target::parse("extra.weight"),
            Ok(Target::Extra("weight".into()))
        );
        assert_eq!(
            Target::parse("location"),
            Ok(Target::Field("location".into()))
        );
        assert!(Target::parse("nonsense").is_err());
    }
}
