//! `press import --from jekyll|hugo`: the posts of a site folder as statement records.
//!
//! The mapping of one post is the pure [`crate::import::site::read_post`]; this module finds the
//! posts, fills in what a post lacks from `--speaker` and `--topic`, and gathers what is reported
//! once per site rather than per file (unknown keys with counts, template tags, assumed offsets,
//! normalised slugs).

use std::path::Path;

use anyhow::{Context as _, bail};

use super::Io;
use crate::cli::{ImportArgs, SiteGenerator, SpeakerArg};
use crate::import;
use crate::import::site::{self, Post, SiteKind, SiteOptions, Target};
use crate::slug;
use crate::statement::{Speaker, Statement, Topic};

/// The `--from` options as the site reader takes them.
pub(super) fn site_options(
    args: &ImportArgs,
    generator: SiteGenerator,
) -> anyhow::Result<SiteOptions> {
    let offset = match args.tz.as_deref() {
        None | Some("UTC" | "utc" | "Z") => chrono::FixedOffset::east_opt(0),
        Some(text) => chrono::DateTime::parse_from_str(
            &format!("2000-01-01 00:00 {text}"),
            "%Y-%m-%d %H:%M %z",
        )
        .ok()
        .map(|d| *d.offset()),
    }
    .with_context(|| {
        format!(
            "invalid --tz {:?}: use an offset such as +02:00 or -0400",
            args.tz.as_deref().unwrap_or("")
        )
    })?;
    let map = args
        .maps
        .iter()
        .map(|rule| {
            let (key, target) = rule
                .split_once('=')
                .with_context(|| format!("invalid --map {rule:?}: use KEY=FIELD"))?;
            let target = Target::parse(target.trim())
                .map_err(|reason| anyhow::anyhow!("invalid --map {rule:?}: {reason}"))?;
            Ok((key.trim().to_owned(), target))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(SiteOptions {
        kind: match generator {
            SiteGenerator::Jekyll => SiteKind::Jekyll,
            SiteGenerator::Hugo => SiteKind::Hugo,
        },
        offset,
        drop_unknown: args.drop_unknown,
        map,
    })
}

/// The post files of a site, sorted: Jekyll's `_posts/` (or the folder itself), Hugo's
/// `content/` (or the folder itself), without Hugo's `_index.md` section pages.
pub(super) fn site_posts(
    dir: &Path,
    generator: SiteGenerator,
) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let sub = match generator {
        SiteGenerator::Jekyll => "_posts",
        SiteGenerator::Hugo => "content",
    };
    let root = if dir.join(sub).is_dir() {
        dir.join(sub)
    } else {
        dir.to_owned()
    };
    let mut posts = Vec::new();
    let mut pending = vec![root];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot read {}", folder.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot read {}", folder.display()))?
                .path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if name != "_index.md"
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ["md", "markdown", "mdown", "html"].contains(&e))
            {
                posts.push(path);
            }
        }
    }
    posts.sort();
    Ok(posts)
}

/// What a site import tells once, not per file.
#[derive(Debug, Default)]
pub(super) struct SiteReport {
    /// Unknown keys kept under `extra:` (or dropped), with how many files had each.
    unknown: Vec<(String, usize)>,
    dropped: Vec<(String, usize)>,
    template_tags: Vec<String>,
    assumed_offset: usize,
    slugs: Vec<String>,
}

impl SiteReport {
    fn count(list: &mut Vec<(String, usize)>, key: &str) {
        match list.iter_mut().find(|(k, _)| k == key) {
            Some((_, n)) => *n += 1,
            None => list.push((key.to_owned(), 1)),
        }
    }

    pub(super) fn add(&mut self, file: &str, post: &Post) {
        for key in &post.unknown_keys {
            Self::count(&mut self.unknown, key);
        }
        for key in &post.dropped_keys {
            Self::count(&mut self.dropped, key);
        }
        if post.template_tags {
            self.template_tags.push(file.to_owned());
        }
        if post.assumed_offset {
            self.assumed_offset += 1;
        }
        if let (Some(original), Some(slug)) = (&post.original_slug, &post.slug) {
            self.slugs.push(format!("{file}: slug {original:?} normalised to `{slug}` (the original kept as extra.original_slug)"));
        }
    }

    pub(super) fn print(&self, io: &mut Io<'_>, options: &SiteOptions) -> anyhow::Result<()> {
        let counted = |list: &[(String, usize)]| {
            list.iter()
                .map(|(key, n)| format!("`{key}` ({n} {})", if *n == 1 { "file" } else { "files" }))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.unknown.is_empty() {
            writeln!(
                io.err,
                "kept under extra: {} (drop them with --drop-unknown, or send one elsewhere with --map KEY=FIELD)",
                counted(&self.unknown)
            )?;
        }
        if !self.dropped.is_empty() {
            writeln!(io.err, "dropped: {}", counted(&self.dropped))?;
        }
        for line in &self.slugs {
            writeln!(io.err, "{line}")?;
        }
        if self.assumed_offset > 0 {
            writeln!(
                io.err,
                "{} post dates have a time but no offset: assumed {} (set another with --tz)",
                self.assumed_offset, options.offset
            )?;
        }
        if !self.template_tags.is_empty() {
            let what = match options.kind {
                SiteKind::Jekyll => "Liquid tags",
                SiteKind::Hugo => "shortcodes or template tags",
            };
            writeln!(
                io.err,
                "{} left as text in the body of {} files: {}",
                what,
                self.template_tags.len(),
                self.template_tags.join(", ")
            )?;
        }
        Ok(())
    }
}

/// One post of a site as a statement record; `--speaker` and `--topic` fill in what the post
/// lacks.
pub(super) fn post_statement(
    path: &Path,
    text: &str,
    options: &SiteOptions,
    args: &ImportArgs,
    speakers: &[SpeakerArg],
    report: &mut SiteReport,
) -> anyhow::Result<Statement> {
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let post = site::read_post(file_name, text, options).map_err(anyhow::Error::msg)?;
    report.add(&path.display().to_string(), &post);
    let speakers: Vec<Speaker> = if post.speakers.is_empty() {
        speakers
            .iter()
            .map(|(name, role, organization)| Speaker {
                name: Some(name.clone()),
                role: role.clone(),
                organization: organization.clone(),
            })
            .collect()
    } else {
        post.speakers
    };
    let topics: Vec<&String> = if post.topics.is_empty() {
        args.topics.iter().collect()
    } else {
        post.topics.iter().collect()
    };
    let mut missing = Vec::new();
    if post.title.is_none() {
        missing.push("a title: the front matter has no `title` (send another key to it with --map KEY=title)");
    }
    if post.published.is_none() {
        missing.push("a date: no `date` and none in the file name");
    }
    if speakers.is_empty() {
        missing.push("a speaker: no `author` (give --speaker NAME for posts without one)");
    }
    if topics.is_empty() {
        missing
            .push("topics: no `tags` or `categories` (give --topic TOPIC for posts without them)");
    }
    let (Some(title), Some(published), true) = (post.title, post.published, missing.is_empty())
    else {
        bail!("missing {}", missing.join("; "));
    };
    let slug_given = post.slug.is_some();
    let slug = post
        .slug
        .or_else(|| site::file_slug(path))
        .unwrap_or_else(|| slug::slugify(&title));
    let location = post
        .location
        .or_else(|| args.location.clone())
        .or_else(|| import::title_location(&title));
    Ok(Statement {
        path: String::new(),
        slug,
        slug_given,
        title,
        published,
        speakers,
        topics: Topic::distinct(topics),
        location,
        background: post.background,
        contact: None,
        body: post.body,
        source: post.source,
        summary: post.summary,
        lang_given: post.lang.as_deref().is_some_and(|lang| lang != "en"),
        lang: post.lang.unwrap_or_else(|| "en".to_owned()),
        translation_of: None,
        draft: post.draft,
        embargo: post.embargo,
        aliases: Vec::new(),
        extra: post.extra,
        body_line: 1,
    })
}
