//! What a site's configuration says about its posts: its address, permalink rules, languages
//! and authors.
//!
//! [`Site::find`] looks from the folder given (the root or a posts folder) upward for the
//! configuration: Jekyll's `_config.yml`/`_config.yaml`, Hugo's `hugo.toml`/`hugo.yaml`/
//! `config.toml`/`config.yaml`/`config/_default/`. Author data comes from `_authors/*.md` and
//! `_data/authors.yml` (Jekyll), `data/authors/*` and `content/authors/*/_index.md` (Hugo).
//! Unreadable configuration files are passed over (what they would say is then unknown).

use std::fs;
use std::path::{Path, PathBuf};

use super::SiteKind;
use super::front::split_front_matter;
use crate::statement::Speaker;
use crate::yaml::Value;

/// Configuration files that mark a site's root, per generator.
const JEKYLL_CONFIG: &[&str] = &["_config.yml", "_config.yaml"];
const HUGO_CONFIG: &[&str] = &["hugo.toml", "hugo.yaml", "config.toml", "config.yaml"];

/// A language of a Hugo site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The language code (`en`, `zh-cn`).
    pub code: String,
    /// Its content folder, relative to the root (`content/en`).
    pub content_dir: Option<String>,
}

/// A site, as its configuration describes it.
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// The folder holding the configuration, when one was found.
    pub root: Option<PathBuf>,
    /// `url` + `baseurl` (Jekyll) or `baseURL` (Hugo), without a trailing `/`.
    pub url: Option<String>,
    /// The path part of the address (`/blog`, or empty), stripped from old links.
    pub base_path: String,
    /// Jekyll's `permalink` (a pattern or a name: `pretty`, `date`, `none`, `ordinal`).
    pub permalink: Option<String>,
    /// Hugo's `[permalinks]`: section → pattern.
    pub permalinks: Vec<(String, String)>,
    /// Hugo's `uglyURLs`: everywhere (`""`) or per section.
    pub ugly: Vec<String>,
    /// The default language.
    pub default_lang: Option<String>,
    /// Hugo's `defaultContentLanguageInSubdir`.
    pub default_in_subdir: bool,
    /// Hugo's languages.
    pub languages: Vec<Language>,
    /// Author handle → speaker.
    pub authors: Vec<(String, Speaker)>,
}

impl Site {
    /// Reads the site around `dir` (its root or a folder inside it).
    pub fn find(dir: &Path, kind: SiteKind) -> Self {
        let mut at = Some(dir);
        while let Some(folder) = at {
            let marks: &[&str] = match kind {
                SiteKind::Jekyll => JEKYLL_CONFIG,
                SiteKind::Hugo => HUGO_CONFIG,
            };
            let found = marks.iter().any(|name| folder.join(name).is_file())
                || (kind == SiteKind::Hugo && folder.join("config/_default").is_dir());
            if found {
                let mut site = match kind {
                    SiteKind::Jekyll => Self::jekyll(folder),
                    SiteKind::Hugo => Self::hugo(folder),
                };
                site.root = Some(folder.to_owned());
                return site;
            }
            at = folder.parent();
        }
        Self::default()
    }

    /// Sets the site's address (`--site-url`), replacing the configuration's.
    pub fn set_url(&mut self, url: &str) {
        let url = url.trim().trim_end_matches('/');
        self.base_path = url
            .find("://")
            .and_then(|scheme| url[scheme + 3..].find('/').map(|p| &url[scheme + 3 + p..]))
            .unwrap_or("")
            .to_owned();
        self.url = Some(url.to_owned());
    }

    /// The speaker an author handle stands for, when the site's author data knows it.
    pub fn author(&self, handle: &str) -> Option<&Speaker> {
        let handle = handle.trim();
        self.authors
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(handle))
            .map(|(_, speaker)| speaker)
    }

    fn jekyll(root: &Path) -> Self {
        let config = JEKYLL_CONFIG
            .iter()
            .find_map(|name| read_value(&root.join(name)))
            .unwrap_or(Value::Null);
        let mut site = Self::default();
        if let Some(url) = get(&config, "url").and_then(text) {
            let base = get(&config, "baseurl").and_then(text).unwrap_or_default();
            site.set_url(&format!(
                "{}/{}",
                url.trim_end_matches('/'),
                base.trim_matches('/')
            ));
        } else if let Some(base) = get(&config, "baseurl").and_then(text) {
            site.base_path = format!("/{}", base.trim_matches('/'))
                .trim_end_matches('/')
                .to_owned();
        }
        site.permalink = get(&config, "permalink").and_then(text);
        site.default_lang = get(&config, "lang").and_then(text);
        // `_authors/HANDLE.md` (a collection) and `_data/authors.yml`.
        for page in files(&root.join("_authors")) {
            if let Some(front) = read_front(&page) {
                let handle = stem(&page);
                if let Some(speaker) = author_speaker(&front) {
                    if let Some(name) = get(&front, "name").and_then(text) {
                        site.authors.push((name, speaker.clone()));
                    }
                    site.authors.push((handle, speaker));
                }
            }
        }
        for name in ["authors.yml", "authors.yaml", "team.yml", "team.yaml"] {
            if let Some(data) = read_value(&root.join("_data").join(name)) {
                site.authors.extend(author_table(&data));
            }
        }
        site
    }

    fn hugo(root: &Path) -> Self {
        let mut configs: Vec<(String, Value)> = Vec::new();
        for name in HUGO_CONFIG {
            if let Some(value) = read_value(&root.join(name)) {
                configs.push((String::new(), value));
            }
        }
        let defaults = root.join("config/_default");
        for file in files(&defaults) {
            if let Some(value) = read_value(&file) {
                configs.push((stem(&file).to_ascii_lowercase(), value));
            }
        }
        let mut site = Self::default();
        for (name, config) in &configs {
            // `languages.es.toml` holds one language; `languages.toml` several; `hugo.toml`
            // may hold `[languages]`, `[permalinks]` and the rest.
            if let Some(code) = name.strip_prefix("languages.") {
                site.add_language(code, config);
                continue;
            }
            let config = match name.as_str() {
                "" | "hugo" | "config" => config.clone(),
                other => Value::Map(vec![(other.to_owned(), config.clone())]),
            };
            if let Some(url) = get(&config, "baseurl").and_then(text) {
                site.set_url(&url);
            }
            if let Some(Value::Map(rules)) = get(&config, "permalinks") {
                for (section, pattern) in rules {
                    match pattern {
                        // Hugo ≥ 0.112: `[permalinks.page] post = "…"`.
                        Value::Map(inner) if section == "page" => site.permalinks.extend(
                            inner
                                .iter()
                                .filter_map(|(s, p)| Some((s.clone(), text(p)?))),
                        ),
                        other => site
                            .permalinks
                            .extend(text(other).map(|p| (section.clone(), p))),
                    }
                }
            }
            match get(&config, "uglyurls") {
                Some(Value::Bool(true)) => site.ugly.push(String::new()),
                Some(Value::Map(sections)) => site.ugly.extend(
                    sections
                        .iter()
                        .filter(|(_, v)| *v == Value::Bool(true))
                        .map(|(s, _)| s.clone()),
                ),
                _ => {}
            }
            if let Some(lang) = get(&config, "defaultcontentlanguage").and_then(text) {
                site.default_lang = Some(lang);
            }
            if get(&config, "defaultcontentlanguageinsubdir") == Some(&Value::Bool(true)) {
                site.default_in_subdir = true;
            }
            if let Some(Value::Map(languages)) = get(&config, "languages") {
                for (code, language) in languages {
                    site.add_language(code, language);
                }
            }
        }
        // `data/authors/HANDLE.{toml,yaml,json}` and `content/authors/HANDLE/_index.md`.
        for file in files(&root.join("data/authors")) {
            if let Some(speaker) = read_value(&file).as_ref().and_then(author_speaker) {
                site.authors.push((stem(&file), speaker));
            }
        }
        if let Some(data) = ["yml", "yaml", "toml", "json"]
            .iter()
            .find_map(|ext| read_value(&root.join(format!("data/authors.{ext}"))))
        {
            site.authors.extend(author_table(&data));
        }
        for folder in files(&root.join("content/authors")) {
            if let Some(speaker) = read_front(&folder.join("_index.md"))
                .as_ref()
                .and_then(author_speaker)
            {
                site.authors.push((stem(&folder), speaker));
            }
        }
        site
    }

    fn add_language(&mut self, code: &str, config: &Value) {
        let code = code.to_ascii_lowercase();
        let content_dir = get(config, "contentdir").and_then(text);
        match self.languages.iter_mut().find(|l| l.code == code) {
            Some(known) => known.content_dir = known.content_dir.take().or(content_dir),
            None => self.languages.push(Language { code, content_dir }),
        }
    }
}

/// A key of a mapping, compared without case (Hugo's keys are case-insensitive).
fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

/// The entries of a folder, sorted (none when it cannot be read).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

/// A YAML, TOML or JSON file as a value (`None` when it cannot be read).
fn read_value(path: &Path) -> Option<Value> {
    let text = fs::read_to_string(path).ok()?;
    match path.extension()?.to_str()? {
        "toml" => text
            .parse::<toml::Table>()
            .ok()
            .map(|t| super::front::from_toml(toml::Value::Table(t))),
        "json" => serde_json::from_str(&text).ok(),
        // A site's own configuration may use anchors, which statement files may not.
        "yml" | "yaml" => serde_yaml::from_str(&text).ok(),
        _ => None,
    }
}

/// The front matter of a Markdown page.
fn read_front(path: &Path) -> Option<Value> {
    let text = fs::read_to_string(path).ok()?;
    split_front_matter(&text).ok().map(|(value, _, _)| value)
}

/// An author's name and role from their data: `full_name`/`display_name`/`name`/`title`, and
/// `role`/`position`/`job_title`.
fn author_speaker(data: &Value) -> Option<Speaker> {
    let first = |keys: &[&str]| keys.iter().find_map(|k| get(data, k).and_then(text));
    let name = first(&["full_name", "display_name", "name", "title"]).or_else(|| {
        let given = first(&["first_name", "given_name"])?;
        Some(match first(&["last_name", "family_name"]) {
            Some(family) => format!("{given} {family}"),
            None => given,
        })
    })?;
    Some(Speaker {
        name: Some(name),
        role: first(&["role", "position", "job_title", "jobtitle"]),
        organization: first(&["organization", "organisation", "company"]),
    })
}

/// `_data/authors.yml`: `handle: {name: …}` entries, or a list of `{id|handle|slug: …, name: …}`.
fn author_table(data: &Value) -> Vec<(String, Speaker)> {
    match data {
        Value::Map(entries) => entries
            .iter()
            .filter_map(|(handle, value)| Some((handle.clone(), author_speaker(value)?)))
            .collect(),
        Value::List(items) => items
            .iter()
            .filter_map(|item| {
                let handle = ["id", "handle", "slug", "key", "username"]
                    .iter()
                    .find_map(|k| get(item, k).and_then(text))?;
                Some((handle, author_speaker(item)?))
            })
            .collect(),
        _ => Vec::new(),
    }
}
