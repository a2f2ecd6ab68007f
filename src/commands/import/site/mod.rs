//! `press import --from jekyll|hugo`: a site's posts as statement records, migrated whole.
//!
//! The mapping of one post is the pure [`crate::import::site::read_post`]; this module finds the
//! site around the folder given ([`Site::find`]), walks its posts (skipping what is not one, with
//! the reason), gives translations their own slug, computes every post's old URLs, and fills in
//! what a post lacks from `--speaker` and `--topic`. Once every post has its place in the
//! archive, [`resolve`] rewrites the links of each (to other posts, to the site's files, which
//! it copies, and to the old site) and [`report`] tells the run's summary.

#[cfg(test)]
mod names_tests;
pub(super) mod report;
pub(super) mod resolve;
#[cfg(test)]
mod resolve_tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::cli::{ImportArgs, SiteGenerator, SpeakerArg};
use crate::import;
use crate::import::site::markup::{self, Context};
use crate::import::site::permalink::{self, PostFacts};
use crate::import::site::{self, Post, Site, SiteKind, SiteOptions, Target};
use crate::slug::{self, Slug};
use crate::statement::{Alias, Speaker, Statement, Topic};

pub(super) use report::SiteReport;

/// Folder names whose posts are the site's news, when a Hugo site's root is given (data: a new
/// name is a line). A site whose sections are named otherwise has all its sections read.
const NEWS_SECTIONS: &[&str] = &[
    "post",
    "posts",
    "blog",
    "news",
    "articles",
    "article",
    "press",
    "press-releases",
    "statements",
    "updates",
    "stories",
    "media",
];

/// Folders a walk never enters.
const NEVER: &[&str] = &[
    "_site",
    "node_modules",
    "vendor",
    "public",
    "resources",
    "_drafts",
];

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
        site: Site::default(),
    })
}

/// One post of a migrated site: where it was, and its URLs on the old site.
#[derive(Debug, Clone)]
pub(super) struct SitePost {
    /// The post's file.
    pub(super) file: PathBuf,
    /// Its folder's files are its own (a Hugo page bundle).
    pub(super) bundle: bool,
    /// Its permalink, a path from the site's root.
    pub(super) permalink: String,
    /// Every old URL (the permalink first), paths from the site's root.
    pub(super) aliases: Vec<String>,
    /// The names other posts link it by (`{% post_url %}`, `{% link %}`, `ref`).
    pub(super) names: Vec<String>,
    /// The post it translates (an index into the site's posts).
    pub(super) original: Option<usize>,
    /// Where it went: the archive path of its statement, once placed.
    pub(super) placed: Option<String>,
}

/// A site being migrated: its configuration, options and posts.
#[derive(Debug)]
pub(super) struct Migration {
    /// The site's configuration (with `--site-url`).
    pub(super) site: Site,
    /// How posts are read.
    pub(super) options: SiteOptions,
    /// The posts, in walk order.
    pub(super) posts: Vec<SitePost>,
}

/// A post read, before its place in the archive is known.
pub(super) struct Read {
    /// What to call it in messages.
    pub(super) name: String,
    /// The statement, or why there is none.
    pub(super) record: anyhow::Result<Statement>,
    /// Its index in [`Migration::posts`].
    pub(super) index: usize,
}

impl Migration {
    /// Reads the site around `dir` and every post in it.
    pub(super) fn open(
        dir: &Path,
        name: &str,
        args: &ImportArgs,
        generator: SiteGenerator,
        speakers: &[SpeakerArg],
        report: &mut SiteReport,
    ) -> anyhow::Result<(Self, Vec<Read>)> {
        let mut options = site_options(args, generator)?;
        let mut site = Site::find(dir, options.kind);
        if let Some(url) = &args.site_url {
            site.set_url(url);
        }
        options.site = site.clone();
        let files = walk(dir, &site, options.kind, report)?;
        let mut migration = Self {
            site,
            options,
            posts: Vec::new(),
        };
        let mut read: Vec<(PathBuf, Option<Post>, anyhow::Result<Statement>)> = Vec::new();
        for file in files {
            let label = crate::archive::relative_path(dir, &file);
            let result = read_post_text(&file).and_then(|text| {
                let file_name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let post = site::read_post(file_name, &text, &migration.options)
                    .map_err(anyhow::Error::msg);
                match post {
                    Err(error) if error.to_string().starts_with("no front matter") => {
                        bail!("not a post: a file without front matter")
                    }
                    Ok(post) if post.headless => bail!("not a post: a headless bundle"),
                    other => other,
                }
            });
            let (post, statement) = match result {
                Ok(post) => {
                    report.add(&format!("{name}/{label}"), &post);
                    let statement = to_statement(&file, &post, args, speakers);
                    (Some(post), statement)
                }
                Err(error) => {
                    if let Some(reason) = error.to_string().strip_prefix("not a post: ") {
                        report.not_posts.add(reason, 1);
                        continue;
                    }
                    (None, Err(error))
                }
            };
            read.push((file, post, statement));
        }
        let languages = migration.languages(dir, &read);
        let mut out = Vec::new();
        for (index, ((file, read, result), lang)) in read.into_iter().zip(languages).enumerate() {
            let label = crate::archive::relative_path(dir, &file);
            let bundle = file
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s == "index" || s.starts_with("index."));
            let mut post = SitePost {
                file: file.clone(),
                bundle,
                permalink: String::new(),
                aliases: Vec::new(),
                names: names(dir, &file),
                original: None,
                placed: None,
            };
            // A refused post's permalink too: links to it go to its old URL.
            if let Some(read) = &read {
                post.permalink = migration.permalink(dir, &file, read);
                post.aliases = migration.aliases(&post.permalink, &read.old_urls);
            }
            let record = result.map(|mut statement| {
                // Known early, so that a post migrated before is recognised by them.
                statement.aliases = post
                    .aliases
                    .iter()
                    .filter_map(|a| Alias::parse(a).ok())
                    .collect();
                if let Some(lang) = &lang {
                    statement.lang.clone_from(lang);
                    statement.lang_given |= lang != "en";
                }
                if let Some(read) = &read {
                    statement.body = migration.translate(&statement.body, read, report);
                }
                statement
            });
            migration.posts.push(post);
            out.push(Read {
                name: format!("{name}/{label}"),
                record,
                index,
            });
        }
        migration.link_translations(&mut out);
        Ok((migration, out))
    }

    /// Every post's language: its `lang`, else its file name's (`x.es.md`), else its
    /// language folder's, else the site's default.
    fn languages(
        &self,
        dir: &Path,
        read: &[(PathBuf, Option<Post>, anyhow::Result<Statement>)],
    ) -> Vec<Option<String>> {
        read.iter()
            .map(|(file, post, _)| {
                let written = post.as_ref().and_then(|post| post.lang.clone());
                written
                    .or_else(|| file_lang(file))
                    .or_else(|| self.folder_lang(dir, file))
                    .or_else(|| self.site.default_lang.clone())
                    .filter(|l| crate::statement::parse::is_language_tag(l))
            })
            .collect()
    }

    /// The language of the folder a file is in (a `contentDir`, or `content/LANG/`).
    fn folder_lang(&self, dir: &Path, file: &Path) -> Option<String> {
        let root = self.site.root.as_deref().unwrap_or(dir);
        let relative = file.strip_prefix(root).ok()?;
        for language in &self.site.languages {
            if let Some(content) = &language.content_dir
                && relative.starts_with(content)
            {
                return Some(language.code.clone());
            }
        }
        let mut parts = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy());
        if parts.next()? == "content" {
            let code = parts.next()?.to_ascii_lowercase();
            if self.site.languages.iter().any(|l| l.code == code) {
                return Some(code);
            }
        }
        None
    }

    /// The post's path under its content folder, without language folder, language suffix and
    /// extension: what its translations share (`post/x`, `post/bundle`).
    fn translation_path(&self, dir: &Path, file: &Path) -> String {
        let root = self.site.root.as_deref().unwrap_or(dir);
        let mut relative = file.strip_prefix(root).unwrap_or(file).to_path_buf();
        for language in &self.site.languages {
            if let Some(content) = &language.content_dir
                && let Ok(rest) = relative.strip_prefix(content)
            {
                relative = rest.to_path_buf();
                break;
            }
        }
        if let Ok(rest) = relative.strip_prefix("content") {
            let mut parts = rest.components();
            let first = parts
                .next()
                .map(|c| c.as_os_str().to_string_lossy().to_ascii_lowercase());
            relative = if first.is_some_and(|f| self.site.languages.iter().any(|l| l.code == f)) {
                parts.as_path().to_path_buf()
            } else {
                rest.to_path_buf()
            };
        }
        let text = relative.to_string_lossy().replace('\\', "/");
        let text = text
            .rsplit_once('.')
            .map_or(text.as_str(), |(base, _)| base)
            .to_owned();
        let text = text
            .rsplit_once('.')
            .filter(|(_, l)| crate::statement::parse::is_language_tag(l))
            .map_or(text.clone(), |(base, _)| base.to_owned());
        text.strip_suffix("/index").unwrap_or(&text).to_owned()
    }

    /// Gives every translation `SLUG-LANG` and `translation_of: SLUG`; the original (the one
    /// in the site's default language, else the first) keeps its slug.
    fn link_translations(&mut self, read: &mut [Read]) {
        let default = self
            .site
            .default_lang
            .clone()
            .unwrap_or_else(|| "en".to_owned());
        let dir = self.site.root.clone().unwrap_or_default();
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, item) in read.iter().enumerate() {
            let Ok(statement) = &item.record else {
                continue;
            };
            let key = statement
                .extra
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("translationkey"))
                .and_then(|(_, v)| {
                    if let crate::yaml::Value::String(s) = v {
                        Some(format!("key:{s}"))
                    } else {
                        None
                    }
                })
                .unwrap_or_else(|| {
                    format!(
                        "path:{}",
                        self.translation_path(&dir, &self.posts[item.index].file)
                    )
                });
            groups.entry(key).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        for group in groups {
            let langs: Vec<String> = group
                .iter()
                .map(|&i| {
                    read[i]
                        .record
                        .as_ref()
                        .map(|s| s.lang.clone())
                        .unwrap_or_default()
                })
                .collect();
            let at = langs.iter().position(|l| *l == default).unwrap_or(0);
            let original = group[at];
            let Ok(base) = read[original].record.as_ref().map(|s| s.slug.clone()) else {
                continue;
            };
            let mut seen = vec![langs[at].clone()];
            for (&i, language) in group.iter().zip(&langs) {
                // One translation per language; a second stays a statement of its own.
                if i == original || seen.contains(language) {
                    continue;
                }
                seen.push(language.clone());
                let index = read[original].index;
                self.posts[read[i].index].original = Some(index);
                if let Ok(original) = &mut read[original].record {
                    original.lang_given = true;
                }
                if let Ok(statement) = &mut read[i].record {
                    statement.lang_given = true;
                    let suffix = slug::slugify(language);
                    statement.slug = Slug::parse(&format!("{base}-{suffix}"))
                        .unwrap_or_else(|| slug::slugify(&format!("{base}-{suffix}")));
                    statement.slug_given = true;
                }
            }
        }
    }

    /// The post's permalink from the site's rules.
    fn permalink(&self, dir: &Path, file: &Path, post: &Post) -> String {
        let root = self.site.root.as_deref().unwrap_or(dir);
        let relative = file.strip_prefix(root).unwrap_or(file);
        let mut folders: Vec<String> = relative
            .parent()
            .map(|p| {
                p.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let file_slug = site::file_name_slug(file).unwrap_or_default();
        let bundle = folders.last().is_some_and(|f| *f == file_slug)
            && file
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.starts_with("index"));
        if bundle {
            folders.pop();
        }
        let mut lang_prefix = String::new();
        let mut categories = Vec::new();
        let (section, sub_path) = match self.options.kind {
            SiteKind::Jekyll => {
                // Folders above `_posts/` are categories too.
                categories.extend(folders.iter().take_while(|f| *f != "_posts").cloned());
                categories.extend(post.categories.iter().cloned());
                (String::new(), String::new())
            }
            SiteKind::Hugo => {
                let mut rest: &[String] = &folders;
                if rest.first().is_some_and(|f| f == "content") {
                    rest = &rest[1..];
                }
                let folder_lang = self.folder_lang(dir, file);
                if let Some(first) = rest.first()
                    && folder_lang.as_deref() == Some(first.to_ascii_lowercase().as_str())
                {
                    rest = &rest[1..];
                }
                let lang = file_lang(file).or(folder_lang);
                for language in &self.site.languages {
                    if let Some(content) = &language.content_dir {
                        let depth = Path::new(content).components().count();
                        if relative.starts_with(content) && depth <= folders.len() {
                            rest = &folders[depth..];
                        }
                    }
                }
                if let Some(lang) = lang
                    && (Some(&lang) != self.site.default_lang.as_ref()
                        || self.site.default_in_subdir)
                    && (self.site.default_lang.is_some() || !self.site.languages.is_empty())
                {
                    lang_prefix = format!("/{lang}");
                }
                let section = rest.first().cloned().unwrap_or_default();
                let sub = rest.get(1..).map(|r| r.join("/")).unwrap_or_default();
                (section, sub)
            }
        };
        let facts = PostFacts {
            published: post.published,
            slug: post.written_slug.as_deref(),
            file_slug: &file_slug,
            title: post.title.as_deref().unwrap_or_default(),
            categories: &categories,
            section: &section,
            sub_path: &sub_path,
            lang_prefix: &lang_prefix,
        };
        permalink::permalink(&self.site, self.options.kind, &facts)
    }

    /// The permalink and the post's own old URLs, as paths from the site's root: absolute URLs
    /// on the site's address shortened, relative ones resolved against the permalink; one
    /// with `..`, a hidden segment, a query or a fragment dropped.
    fn aliases(&self, permalink: &str, old: &[String]) -> Vec<String> {
        let mut aliases = vec![permalink.to_owned()];
        for url in old {
            let Some(path) = resolve::site_path(&self.site, url, permalink) else {
                continue;
            };
            let usable = !path.contains(['?', '#'])
                && !path
                    .split('/')
                    .any(|s| s == ".." || s == "." || s.starts_with('.'));
            if usable && !aliases.contains(&path) {
                aliases.push(path);
            }
        }
        aliases
    }

    /// Sets a placed post's `aliases` (its old URLs, each claimed once: one another statement
    /// claims is dropped, with a note) and `translation_of` (its original's slug).
    pub(super) fn set_keys(
        &self,
        statement: &mut Statement,
        index: usize,
        claimed: &mut std::collections::HashSet<String>,
        archive: &crate::archive::Archive,
        report: &mut SiteReport,
    ) {
        let post = &self.posts[index];
        let mut aliases = Vec::new();
        for written in &post.aliases {
            let Ok(alias) = Alias::parse(written) else {
                report.notes.push(format!(
                    "{}: old URL {written} is not a path from the site's root: not recorded",
                    statement.path
                ));
                continue;
            };
            if !claimed.insert(alias.to_string()) {
                report.notes.push(format!(
                    "{}: old URL {written} is another statement's already: not recorded here",
                    statement.path
                ));
            } else {
                aliases.push(alias);
            }
        }
        let translation_of = post
            .original
            .and_then(|original| self.posts[original].placed.as_deref())
            .and_then(|path| archive.statements.iter().find(|s| s.path == path))
            .map(|s| s.slug.clone());
        statement.aliases = aliases;
        statement.translation_of = translation_of;
    }

    /// The body with its Liquid tags and shortcodes translated, counted in the report.
    fn translate(&self, body: &str, post: &Post, report: &mut SiteReport) -> String {
        let context = Context {
            url: self.site.url.as_deref(),
            base_path: &self.site.base_path,
            front: &post.front,
        };
        let translated = markup::translate(body, &context);
        for name in &translated.translated {
            report.translated.add(name, 1);
        }
        for name in &translated.left {
            report.left.add(name, 1);
        }
        translated.body
    }
}

/// The names other posts may link a post by: its file name with and without extension, its
/// path from the folder given, and a bundle's folder name.
fn names(dir: &Path, file: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let relative = crate::archive::relative_path(dir, file);
    let mut add = |name: &str| {
        let name = name.trim_start_matches('/').to_owned();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    };
    add(&relative);
    if let Some((base, _)) = relative.rsplit_once('.') {
        add(base);
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    add(name);
    if let Some(stem) = file.file_stem().and_then(|s| s.to_str()) {
        if stem == "index" || stem.starts_with("index.") {
            if let Some(folder) = file
                .parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
            {
                add(folder);
            }
        } else {
            add(stem);
        }
    }
    names
}

/// A language written in the file name: `x.es.md`, `index.es.md`.
fn file_lang(file: &Path) -> Option<String> {
    let stem = file.file_stem()?.to_str()?;
    let (_, lang) = stem.rsplit_once('.')?;
    (lang.len() <= 5 && crate::statement::parse::is_language_tag(lang))
        .then(|| lang.to_ascii_lowercase())
}

/// The post files of a site, sorted. From the root: Jekyll's `_posts/` folders (also under
/// category folders), Hugo's news sections under `content/` (all of `content/` when none is
/// named so). From any other folder: every post file under it. `_index.md`, headless bundles'
/// pages and a bundle's resource pages are skipped, counted in the report.
fn walk(
    dir: &Path,
    site: &Site,
    kind: SiteKind,
    report: &mut SiteReport,
) -> anyhow::Result<Vec<PathBuf>> {
    let at_root = site.root.as_deref() == Some(dir);
    let mut starts = Vec::new();
    if at_root && kind == SiteKind::Jekyll {
        starts.extend(folders_named(dir, "_posts"));
    } else if at_root {
        let content = dir.join("content");
        let mut news = Vec::new();
        let mut roots: Vec<PathBuf> = site
            .languages
            .iter()
            .filter_map(|l| l.content_dir.as_ref().map(|c| dir.join(c)))
            .filter(|p| p.is_dir())
            .collect();
        roots.push(content.clone());
        for language in &site.languages {
            roots.push(content.join(&language.code));
        }
        for root in &roots {
            for section in NEWS_SECTIONS {
                let folder = root.join(section);
                if folder.is_dir() && !news.contains(&folder) {
                    news.push(folder);
                }
            }
        }
        starts = if news.is_empty() { vec![content] } else { news };
    }
    if starts.is_empty() {
        starts.push(dir.to_owned());
    }
    let mut posts = Vec::new();
    let mut pending = starts;
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot read {}", folder.display()))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot read {}", folder.display()))?
                .path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || NEVER.contains(&name) {
                continue;
            }
            // Symbolic links are not followed: a site's tree, not what it points at.
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                pending.push(path);
            } else if meta.is_file()
                && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    ["md", "markdown", "mdown", "html"].contains(&e.to_ascii_lowercase().as_str())
                })
            {
                files.push(path);
            }
        }
        // A folder with `index.md` is a page bundle: its other pages are its resources.
        let bundle = files.iter().any(|f| {
            f.file_stem().and_then(|s| s.to_str()).is_some_and(|s| {
                s == "index" || (s.starts_with("index.") && file_lang(f).is_some())
            })
        });
        for file in files {
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if stem == "_index" || stem.starts_with("_index.") {
                report.not_posts.add("a section page (_index.md)", 1);
            } else if bundle
                && stem != "index"
                && !(stem.starts_with("index.") && file_lang(&file).is_some())
            {
                report.not_posts.add("a page bundle's resource", 1);
            } else {
                posts.push(file);
            }
        }
    }
    posts.sort();
    Ok(posts)
}

/// Folders called `name` under `dir` (Jekyll's `_posts/` and `category/_posts/`).
fn folders_named(dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if !is_dir || NEVER.contains(&file_name.as_str()) || file_name.starts_with('.') {
                continue;
            }
            if file_name == name {
                found.push(path);
            } else if !file_name.starts_with('_') {
                pending.push(path);
            }
        }
    }
    found.sort();
    found
}

/// One post of a site as a statement record; `--speaker` and `--topic` fill in what the post
/// lacks.
fn to_statement(
    path: &Path,
    post: &Post,
    args: &ImportArgs,
    speakers: &[SpeakerArg],
) -> anyhow::Result<Statement> {
    let post = post.clone();
    let speakers: Vec<Speaker> = if post.speakers.is_empty() {
        super::given_speakers(speakers)
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
        .filter(|s| !s.as_str().is_empty())
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
        contact: post.contact,
        body: post.body,
        source: post.source,
        summary: post.summary,
        lang_given: post.lang.as_deref().is_some_and(|lang| lang != "en"),
        lang: post.lang.unwrap_or_else(|| "en".to_owned()),
        translation_of: None,
        draft: post.draft,
        embargo: post.embargo,
        aliases: Vec::new(),
        corrections: Vec::new(),
        withdrawn: None,
        extra: post.extra,
        body_line: 1,
    })
}

/// A `.md` input with front matter, read as a post of no particular site.
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
    to_statement(path, &post, args, speakers)
}

/// A post's text: UTF-8 as it is (control characters are the reader's to clean and report),
/// anything else decoded as statement files are, or refused with a located error.
fn read_post_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => super::new::read_text(path),
    }
}
