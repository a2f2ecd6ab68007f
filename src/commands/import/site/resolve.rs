//! The links of a migrated post, once every post has its place: to other posts (relative links
//! to their statement files), to the site's files (copied under the archive's `assets/`), and
//! to what the archive does not hold (absolute links on the old site's address).
//!
//! Copying is safe: only regular files inside the site's tree are read (a symbolic link that
//! leads out is not followed), and nothing in the archive is overwritten (a different file at
//! the path gets `-2`; an identical one is shared).

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{Migration, SiteReport};
use crate::import::site::Site;
use crate::import::site::links::{self, Place, Rewrite};
use crate::import::site::markup::POST_REF;
use crate::statement::Statement;

/// Folders of a site whose files posts link to and that are never pages.
const FILE_FOLDERS: &[&str] = &[
    "assets",
    "static",
    "images",
    "img",
    "files",
    "uploads",
    "wp-content",
    "downloads",
    "documents",
    "media",
    "pdf",
];

/// Extensions of pages: a link to one is a page of the old site, not a file.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "php", "asp", "aspx", "jsp", "shtml"];

/// The path from the site's root a link on a page at `permalink` names, when it names one on
/// the site: root-relative (the base path stripped), relative, or absolute on its address;
/// `.` and `..` resolved, as a browser does.
pub(super) fn site_path(site: &Site, url: &str, permalink: &str) -> Option<String> {
    let url = url.trim();
    let rest = if let Some((_, after)) = url.split_once("://") {
        let address = site.url.as_deref()?;
        let (_, home) = address.split_once("://")?;
        // Scheme and host in any case; the host ends at its path, query or fragment.
        let host = |text: &str| {
            let host = text.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.to_ascii_lowercase();
            host.trim_start_matches("www.").to_owned()
        };
        let http = url.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http"));
        if !http || host(after) != host(home) {
            return None;
        }
        // The path, query and fragment (`normalise` gives the leading `/` a bare query lacks).
        let path = &after[after.find(['/', '?', '#']).unwrap_or(after.len())..];
        // The site's address but not under its base path: another site on that host.
        if !under_base(site, path) {
            return None;
        }
        normalise(&strip_base(site, path))?
    } else if url.starts_with("//")
        || has_scheme(url)
        || url.starts_with(['#', '?'])
        || url.is_empty()
    {
        return None;
    } else if url.starts_with('/') {
        normalise(&strip_base(site, url))?
    } else {
        let folder = match permalink.rfind('/') {
            Some(at) => &permalink[..=at],
            None => "/",
        };
        normalise(&format!("{folder}{url}"))?
    };
    Some(rest)
}

/// Whether `path` (from the host's root) is under the site's base path (always, without one).
fn under_base(site: &Site, path: &str) -> bool {
    let base = site.base_path.trim_end_matches('/');
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

/// `path` from the host's root as a path from the site's root: its base path stripped (a path
/// outside the base path is taken as written: posts often forget it).
fn strip_base(site: &Site, path: &str) -> String {
    let base = site.base_path.trim_end_matches('/');
    match path.strip_prefix(base) {
        Some(rest)
            if !base.is_empty() && (rest.is_empty() || rest.starts_with(['/', '?', '#'])) =>
        {
            if rest.starts_with('/') {
                rest.to_owned()
            } else {
                format!("/{rest}")
            }
        }
        _ => path.to_owned(),
    }
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// `.` and `..` segments resolved; `..` at the root stays there, as browsers resolve it.
fn normalise(path: &str) -> Option<String> {
    let (path, tail) = match path.find(['?', '#']) {
        Some(at) => path.split_at(at),
        None => (path, ""),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let trailing = path.ends_with('/') && !parts.is_empty();
    Some(format!(
        "/{}{}{tail}",
        parts.join("/"),
        if trailing { "/" } else { "" }
    ))
}

/// The key two spellings of one page's URL share: no trailing `/`, `index.html` or `.html`
/// (callers decode `%XX` first).
fn page_key(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.trim_end_matches('/');
    path.strip_suffix(".html").unwrap_or(path).to_owned()
}

/// Where a post went, as a link.
enum Went {
    /// A statement of the archive, at this path.
    Statement(String),
    /// Refused: its old URL (a path from the site's root).
    Refused(String),
}

/// What the links of a site's posts resolve against.
pub(in crate::commands::import) struct Links<'a> {
    migration: &'a Migration,
    /// The archive's root.
    root: &'a Path,
    /// Page key → post index.
    pages: HashMap<String, usize>,
    /// Name → post index.
    names: HashMap<String, usize>,
    /// Source file → archive path (`assets/…`) already copied in this run.
    copied: HashMap<PathBuf, String>,
    /// Files reported missing.
    missing: Vec<String>,
    dry_run: bool,
}

impl<'a> Links<'a> {
    /// The index of a site's posts, by their old URLs and names.
    pub(in crate::commands::import) fn new(
        migration: &'a Migration,
        root: &'a Path,
        dry_run: bool,
    ) -> Self {
        let mut pages = HashMap::new();
        let mut names = HashMap::new();
        // Originals first: a name a translation shares (its bundle's) leads to the original.
        let mut order: Vec<usize> = (0..migration.posts.len()).collect();
        order.sort_by_key(|&i| migration.posts[i].original.is_some());
        for i in order {
            let post = &migration.posts[i];
            for alias in &post.aliases {
                pages.entry(page_key(&percent_decode(alias))).or_insert(i);
            }
            for name in &post.names {
                names.entry(name.clone()).or_insert(i);
            }
        }
        Self {
            migration,
            root,
            pages,
            names,
            copied: HashMap::new(),
            missing: Vec::new(),
            dry_run,
        }
    }

    /// Rewrites the links of the statement of post `index`.
    pub(in crate::commands::import) fn rewrite(
        &mut self,
        statement: &mut Statement,
        index: usize,
        report: &mut SiteReport,
    ) {
        // A bundle's files go under its original's slug, which its translations share.
        let original = self.migration.posts[index]
            .original
            .and_then(|o| self.migration.posts[o].placed.as_deref())
            .and_then(|path| path.rsplit('/').next())
            .and_then(|name| name.strip_suffix(".md"))
            .and_then(|name| name.get(11..));
        let slug = original.map_or_else(|| statement.slug.to_string(), str::to_owned);
        let folder = format!("{}/{slug}", statement.day().format("%Y"));
        statement.body = links::rewrite(&statement.body, |url, place| {
            self.decide(url, place, &folder, index, report)
        });
        if let Some(background) = &statement.background {
            statement.background = Some(links::rewrite(background, |url, place| {
                self.decide(url, place, &folder, index, report)
            }));
        }
    }

    fn went(&self, index: usize) -> Went {
        let post = &self.migration.posts[index];
        match &post.placed {
            Some(path) => Went::Statement(path.clone()),
            None => Went::Refused(post.permalink.clone()),
        }
    }

    /// The old site's absolute URL for a path from its root (`None` when its address is unknown).
    fn old_url(&self, path: &str) -> Option<String> {
        let site = self.migration.site.url.as_deref()?;
        Some(format!("{}{path}", site.trim_end_matches('/')))
    }

    fn to_old_site(&self, path: &str, kind: &str, report: &mut SiteReport) -> Rewrite {
        match self.old_url(path) {
            Some(url) => {
                report.links.add(kind, 1);
                Rewrite::Url(url)
            }
            None => {
                report.need_url += 1;
                Rewrite::Keep
            }
        }
    }

    fn to_post(&self, index: usize, tail: &str, report: &mut SiteReport) -> Rewrite {
        match self.went(index) {
            Went::Statement(path) => {
                report.links.add("to migrated posts", 1);
                let relative = path
                    .strip_prefix("statements/")
                    .map_or(path.clone(), |p| format!("../{p}"));
                Rewrite::Url(format!("{relative}{tail}"))
            }
            Went::Refused(permalink) => self.to_old_site(
                &format!("{permalink}{tail}"),
                "to refused posts (their old URL)",
                report,
            ),
        }
    }

    fn decide(
        &mut self,
        url: &str,
        place: Place,
        folder: &str,
        index: usize,
        report: &mut SiteReport,
    ) -> Rewrite {
        if let Some(written) = url.strip_prefix(POST_REF) {
            let (name, tail) = split_tail(written);
            let name = name.trim_start_matches('/');
            let found = self.names.get(name).or_else(|| {
                let stem = name.rsplit('/').next().unwrap_or(name);
                self.names.get(stem).or_else(|| {
                    self.names
                        .get(stem.rsplit_once('.').map_or(stem, |(b, _)| b))
                })
            });
            return match found {
                Some(&target) => self.to_post(target, tail, report),
                None => {
                    report
                        .links
                        .add("to posts the site does not hold (unlinked)", 1);
                    // The name as the post wrote it, never the marker the translation put.
                    Rewrite::UnlinkAs(written.to_owned())
                }
            };
        }
        if url.contains("{{") || url.contains("{%") {
            if place == Place::Markdown {
                report.links.add("holding a template tag (unlinked)", 1);
                return Rewrite::Unlink;
            }
            return Rewrite::Keep;
        }
        let post = &self.migration.posts[index];
        let Some(path) = site_path(&self.migration.site, url, &post.permalink) else {
            return Rewrite::Keep;
        };
        let (path_only, tail) = split_tail(&path);
        let decoded = percent_decode(path_only);
        if let Some(&target) = self.pages.get(&page_key(&decoded)) {
            return self.to_post(target, tail, report);
        }
        if let Some(file) = self.find_file(&decoded, index)
            && let Some(archived) = self.copy(&file, &decoded, folder, index, report)
        {
            report.links.add("to files copied into assets/", 1);
            return Rewrite::Url(format!("/{archived}{tail}"));
        }
        let last = decoded.rsplit('/').next().unwrap_or("");
        let extension = last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let is_file = extension
            .as_deref()
            .is_some_and(|e| !PAGE_EXTENSIONS.contains(&e))
            || decoded
                .trim_start_matches('/')
                .split('/')
                .next()
                .is_some_and(|f| FILE_FOLDERS.contains(&f));
        if is_file {
            if !self.missing.contains(&decoded) {
                self.missing.push(decoded.clone());
                if let Some(old) = self.old_url(path_only) {
                    report.notes.push(format!(
                        "{decoded}: not in the site's tree: linked on the old site as {old}"
                    ));
                }
            }
            return self.to_old_site(&path, "to files the tree lacks (on the old site)", report);
        }
        self.to_old_site(&path, "to other pages of the old site", report)
    }

    /// The site's file a path from the site's root names: a bundle's resource, a file of the
    /// tree at that path (Jekyll) or under `static/` (Hugo). Only a regular file inside the tree.
    fn find_file(&self, path: &str, index: usize) -> Option<PathBuf> {
        let post = &self.migration.posts[index];
        let relative = path.trim_start_matches('/');
        // `..` decoded from `%2E%2E`: never a way out of the site's tree or the archive's.
        if relative.split('/').any(|segment| segment == "..") {
            return None;
        }
        // A page's source (`about.md`, `about.html`) is a page of the old site, not a file.
        let extension = relative
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        if extension.as_deref().is_some_and(|e| {
            PAGE_EXTENSIONS.contains(&e) || ["md", "markdown", "textile", "liquid"].contains(&e)
        }) {
            return None;
        }
        let mut candidates = Vec::new();
        if post.bundle {
            let folder = post
                .permalink
                .rfind('/')
                .map_or("/", |at| &post.permalink[..=at]);
            let folder = folder.trim_end_matches(".html");
            if let Some(rest) = path
                .strip_prefix(folder)
                .or_else(|| path.strip_prefix(&format!("{}/", folder.trim_end_matches('/'))))
                && let Some(dir) = post.file.parent()
            {
                candidates.push((dir.to_path_buf(), dir.join(rest)));
            }
        }
        if let Some(root) = &self.migration.site.root {
            let first = relative.split('/').next().unwrap_or("");
            if !first.starts_with(['_', '.']) {
                candidates.push((root.clone(), root.join(relative)));
            }
            candidates.push((root.join("static"), root.join("static").join(relative)));
        }
        candidates
            .into_iter()
            .find_map(|(tree, file)| inside(&tree, &file))
    }

    /// Copies a file into the archive's `assets/` at the path the old site served it (a
    /// bundle's resource under `assets/YYYY/SLUG/`); returns its archive path.
    fn copy(
        &mut self,
        file: &Path,
        served: &str,
        folder: &str,
        index: usize,
        report: &mut SiteReport,
    ) -> Option<String> {
        if let Some(done) = self.copied.get(file) {
            return Some(done.clone());
        }
        let post = &self.migration.posts[index];
        // `file` is a real path: so must the bundle's folder be (the site may be reached through
        // a symbolic link, or named relative to the current folder).
        let bundle = post
            .file
            .parent()
            .filter(|_| post.bundle)
            .and_then(|dir| dir.canonicalize().ok())
            .filter(|dir| file.starts_with(dir));
        let relative = if let Some(dir) = bundle {
            let name = file
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            format!("{folder}/{name}")
        } else {
            let served = served.trim_start_matches('/');
            served.strip_prefix("assets/").unwrap_or(served).to_owned()
        };
        let bytes = fs::read(file).ok()?;
        let (stem, extension) = match relative.rsplit_once('.') {
            Some((stem, ext)) if !stem.ends_with('/') && !ext.contains('/') => {
                (stem.to_owned(), format!(".{ext}"))
            }
            _ => (relative.clone(), String::new()),
        };
        for n in 1..100 {
            let name = if n == 1 {
                relative.clone()
            } else {
                format!("{stem}-{n}{extension}")
            };
            let archived = format!("assets/{name}");
            let target = self.root.join(&archived);
            match fs::symlink_metadata(&target) {
                Ok(meta)
                    if meta.is_file()
                        && fs::read(&target).ok().as_deref() == Some(bytes.as_slice()) =>
                {
                    report.shared += 1;
                    self.copied.insert(file.to_path_buf(), archived.clone());
                    return Some(archived);
                }
                Ok(_) => continue,
                Err(_) => {}
            }
            if !self.dry_run && !write_new(self.root, &target, &bytes) {
                return None;
            }
            report.copied += 1;
            self.copied.insert(file.to_path_buf(), archived.clone());
            return Some(archived);
        }
        None
    }
}

/// Writes a new file inside the archive: its folders created, never through a symbolic link
/// that leads out, never over an existing file.
fn write_new(root: &Path, target: &Path, bytes: &[u8]) -> bool {
    let (Some(parent), Ok(real_root)) = (target.parent(), root.canonicalize()) else {
        return false;
    };
    let inside_root = |dir: &Path| {
        dir.canonicalize()
            .is_ok_and(|real| real.starts_with(&real_root))
    };
    // The nearest folder that exists is inside before any is made, and the new ones after.
    let existing = parent.ancestors().find(|dir| dir.exists());
    if !existing.is_some_and(inside_root)
        || fs::create_dir_all(parent).is_err()
        || !inside_root(parent)
    {
        return false;
    }
    let Ok(mut out) = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    else {
        return false;
    };
    out.write_all(bytes).is_ok()
}

/// The file, when it is a regular file whose real path is inside `tree`.
fn inside(tree: &Path, file: &Path) -> Option<PathBuf> {
    let real_tree = tree.canonicalize().ok()?;
    let real = file.canonicalize().ok()?;
    (real.starts_with(&real_tree) && fs::metadata(&real).ok()?.is_file()).then_some(real)
}

/// `path` and its `?query#fragment` tail.
fn split_tail(path: &str) -> (&str, &str) {
    match path.find(['?', '#']) {
        Some(at) => path.split_at(at),
        None => (path, ""),
    }
}

/// `%20` and the like decoded (kept as written when not UTF-8).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_owned(), String::from)
}
