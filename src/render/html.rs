//! The static site's shared parts: the theme, the values templates see, and one page's render.
//!
//! Templates are minijinja with auto-escaping (HTML rules for `.html` and `.xml`), embedded in
//! the binary; a file of the same name in `<root>/templates/` replaces one. Every internal link
//! is relative and points at a file (`../topics/interpol/index.html`): each page gets `root`, the
//! way back to the site's top folder, and item URLs are paths from there. Only feeds, the
//! sitemap, canonical and OpenGraph URLs are absolute, and only when a base URL is set.
//!
//! [`super::site`] renders every page with the [`Site`] defined here. Rendering is pure apart
//! from reading templates and the local files statements link to, so the same archive gives the
//! same bytes.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hasher as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use anyhow::Context as _;
use chrono::{Datelike as _, NaiveDate};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::site::{Sink, SiteInput};
use super::{sanitize, search};
use crate::slug;
use crate::statement::{Header, Summary};

/// The default templates, rendered with minijinja (name, text).
pub const TEMPLATES: [(&str, &str); 12] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    (
        "statement.html",
        include_str!("../../templates/statement.html"),
    ),
    ("list.html", include_str!("../../templates/list.html")),
    ("quotes.html", include_str!("../../templates/quotes.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("years.html", include_str!("../../templates/years.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    (
        "corrections.html",
        include_str!("../../templates/corrections.html"),
    ),
];

/// The default static files, copied as they are (name, text).
pub const STATIC_FILES: [(&str, &str); 2] = [
    ("style.css", include_str!("../../templates/style.css")),
    ("search.js", include_str!("../../templates/search.js")),
];

/// The internal template that renders one card with the theme's `card` macro, once per
/// statement: list pages then paste the HTML ([`Site::cards_html`]).
const CARD_FRAGMENT: &str = "card-fragment.html";
const CARD_FRAGMENT_SOURCE: &str = "{% from \"macros.html\" import card %}\
    {% for statement in statements %}{{ card(statement, root) }}{{ separator }}{% endfor %}";

/// Ends each card in the HTML of several cards rendered at once ([`Site::cards_html`]); like
/// [`ROOT_MARK`], a control character text never brings.
const CARD_SEPARATOR: char = '\u{2}';

/// Stands for a page's `root` in card HTML rendered once for pages at every depth. Control
/// characters never reach the output from text (the formatter drops them, see
/// [`sanitize::xml_text`]), so this one marks only where `root` goes.
const ROOT_MARK: char = '\u{1}';

/// The templates and static files of a site: the defaults, with `<root>/templates/` overrides.
pub struct Theme {
    env: Environment<'static>,
    pub(crate) statics: Vec<(String, Vec<u8>)>,
    /// A hash of every template and static file's text.
    pub(crate) fingerprint: u64,
}

impl Theme {
    /// The default theme with any overrides found in `<root>/templates/`.
    pub fn load(root: &Path) -> anyhow::Result<Self> {
        let dir = root.join("templates");
        let read = |name: &str| -> anyhow::Result<Option<String>> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(text)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
            }
        };
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Chainable);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_formatter(|out, state, value| {
            // An absent value prints nothing (not `none`), so `{{ speaker.role }}` is safe to write.
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            if state.auto_escape() == AutoEscape::Html
                && !value.is_safe()
                && let Some(text) = value.as_str()
            {
                return write_escaped(out, &sanitize::xml_text(text))
                    .map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        let mut hasher = DefaultHasher::new();
        for (name, default) in TEMPLATES {
            match read(name)? {
                Some(text) => {
                    hasher.write(text.as_bytes());
                    env.add_template_owned(name, text).with_context(|| {
                        format!("cannot use the template {}", dir.join(name).display())
                    })?;
                }
                #[allow(clippy::expect_used)]
                None => {
                    hasher.write(default.as_bytes());
                    env.add_template(name, default)
                        .expect("embedded templates are valid");
                }
            }
            hasher.write_u8(0xff);
        }
        #[allow(clippy::expect_used)]
        env.add_template(CARD_FRAGMENT, CARD_FRAGMENT_SOURCE)
            .expect("the card fragment is valid");
        let mut statics = Vec::new();
        for (name, default) in STATIC_FILES {
            let text = read(name)?.unwrap_or_else(|| default.to_owned());
            hasher.write(text.as_bytes());
            hasher.write_u8(0xff);
            statics.push((name.to_owned(), text.into_bytes()));
        }
        Ok(Self {
            env,
            statics,
            fingerprint: hasher.finish(),
        })
    }

    fn render(&self, name: &str, context: impl Serialize) -> anyhow::Result<String> {
        let template = self.env.get_template(name)?;
        template
            .render(context)
            .with_context(|| format!("cannot render the template {name}"))
    }
}

/// Escapes text for HTML and XML: `&`, `<`, `>`, `"` and `'`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Writing into a String cannot fail.
    let _ = write_escaped(&mut out, text);
    out
}

/// Writes `text` escaped for HTML and XML into `out`, a run of plain characters at a time.
fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[start..at])?;
        out.write_str(entity)?;
        start = at + 1;
    }
    out.write_str(&text[start..])
}

/// Site-wide values every template sees as `site`.
#[derive(Debug, Serialize)]
pub(crate) struct SiteView {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) language: String,
    pub(crate) organization: Option<String>,
    pub(crate) base_url: Option<String>,
    pub(crate) generator: &'static str,
}

/// A named link (`url` relative to the site's top folder; none when there is no page).
#[derive(Debug, Clone, Hash, Serialize)]
pub(crate) struct Link {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

/// A speaker on a statement page.
#[derive(Debug, Clone, Hash, Serialize)]
pub(crate) struct SpeakerView {
    pub(crate) name: String,
    url: Option<String>,
    role: Option<String>,
    organization: Option<String>,
}

/// One statement as lists show it.
#[derive(Debug, Clone, Hash, Serialize)]
pub(crate) struct Card {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) date: String,
    pub(crate) date_display: String,
    pub(crate) speakers: Vec<SpeakerView>,
    pub(crate) location: Option<Link>,
    pub(crate) topics: Vec<Link>,
    pub(crate) summary: String,
    pub(crate) lang: String,
    pub(crate) dir: Option<&'static str>,
    /// The withdrawal, then the corrections, newest first.
    pub(crate) notices: Vec<super::notice::Notice>,
    pub(crate) withdrawn: bool,
    /// `YYYY-MM-DD` of the last change on the record.
    pub(crate) modified: Option<String>,
}

/// What the site keeps of each statement's card while it renders: a hash of the card, and its
/// HTML once a list needed it. The card itself is made again from the summary when needed,
/// so 100,000 cards are never all in memory.
#[derive(Debug, Default)]
pub(crate) struct CardSlot {
    pub(crate) fingerprint: u64,
    /// The card's HTML with [`ROOT_MARK`] for the page's root ([`Site::cards_html`]).
    pub(crate) html: OnceLock<String>,
}

/// Pagination links.
#[derive(Debug, Serialize)]
pub(crate) struct Pager {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    /// The first and last pages and those around the current one; a gap has no URL.
    pub(crate) pages: Vec<Link>,
}

/// A feed a page links to with `<link rel="alternate">`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FeedLink {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) kind: &'static str,
}

/// What every page's template gets, plus its own values (`body`).
#[derive(Serialize)]
pub(crate) struct Page<'a, T: Serialize> {
    site: &'a SiteView,
    root: String,
    path: String,
    canonical: Option<String>,
    title: String,
    description: String,
    kind: &'static str,
    feeds: Vec<FeedLink>,
    #[serde(skip)]
    pub(crate) body: T,
}

/// Everything known while rendering.
pub(crate) struct Site<'a> {
    pub(crate) input: &'a SiteInput<'a>,
    pub(crate) view: SiteView,
    pub(crate) theme: &'a Theme,
    /// Display name of each topic slug (its most frequent spelling).
    pub(crate) topic_names: HashMap<String, String>,
    /// The key of every speaker's name and every location, made once for all the cards.
    pub(crate) name_keys: slug::Keys<'a>,
    /// Last month shown on charts: the newest statement's.
    pub(crate) newest: Option<NaiveDate>,
    /// A hash of the settings and the theme, the seed of every page's fingerprint.
    pub(crate) seed: u64,
    /// Errors found while rendering (links to local files that do not exist).
    pub(crate) errors: Mutex<Vec<crate::diagnostic::Diagnostic>>,
    /// Warnings found while rendering (links to statements that are not published).
    pub(crate) warnings: Mutex<Vec<crate::diagnostic::Diagnostic>>,
    /// Every statement's page by its file, made when a first link between statements needs it.
    pub(crate) pages: OnceLock<crate::links::Pages<'a>>,
    /// Every statement's citation key (drafts and embargoed ones take part).
    pub(crate) cite_keys: crate::cite::Keys,
}

/// A hash of `value` (as JSON) seeded with `seed`: equal fingerprints mean a page made from the
/// same inputs. None when the value cannot be serialised (then the page is always rendered).
pub(crate) fn fingerprint(seed: u64, value: &impl Serialize) -> Option<u64> {
    struct Writer(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for Writer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = Writer(xxhash_rust::xxh3::Xxh3::with_seed(seed));
    serde_json::to_writer(&mut writer, value).ok()?;
    Some(writer.0.digest())
}

/// Local files a statement's Markdown links to, found while rendering it.
#[derive(Debug, Default)]
pub(crate) struct LocalFiles {
    /// Output path (relative to the archive root) and real path, for each file to copy.
    pub(crate) files: Mutex<BTreeMap<String, PathBuf>>,
    /// Whether any link was looked up on disk (then the page depends on more than its file).
    pub(crate) consulted: AtomicBool,
}

/// `../` once per folder of `path` (the way back to the site's top folder).
pub(crate) fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The folder URL of a page path (`topics/x/index.html` → `topics/x/`).
pub(crate) fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// The path of a statement's page.
pub(crate) fn statement_path(statement: &impl Header) -> String {
    statement_page(statement.day().year(), statement.slug())
}

/// The path of the page of the statement with this year and slug.
pub(crate) fn statement_page(year: i32, slug: &slug::Slug) -> String {
    // Dates have four-digit years (the parser takes `YYYY-MM-DD` only): no need for strftime,
    // which costs more than the rest of this at 100,000 pages.
    format!("statements/{year:04}/{slug}/index.html")
}

/// A day as pages show it: `5 September 2015` (what strftime's `%-d %B %Y` gives, without
/// parsing a format for each of 100,000 cards).
pub(crate) fn display_date(day: NaiveDate) -> String {
    let month = super::chart::month_name(day.month());
    match day.year() {
        year @ 0..=9999 => format!("{} {month} {year:04}", day.day()),
        year => format!("{} {month} {year:+05}", day.day()),
    }
}

/// "3 statements, 1 May 2024 to 2 June 2026" (one date when they are the same).
pub(crate) fn span(count: usize, first: NaiveDate, last: NaiveDate) -> String {
    let plural = if count == 1 {
        "statement"
    } else {
        "statements"
    };
    if first == last {
        format!("{count} {plural}, {}", display_date(first))
    } else {
        format!(
            "{count} {plural}, {} to {}",
            display_date(first),
            display_date(last)
        )
    }
}

/// Percent-encodes a path for an `href`: everything but unreserved characters and `/`.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Splits `pages` of items into paths: `base` + `index.html`, then `base` + `page/N/index.html`.
pub(crate) fn page_path(base: &str, page: usize) -> String {
    if page <= 1 {
        format!("{base}index.html")
    } else {
        format!("{base}page/{page}/index.html")
    }
}

impl<'a> Site<'a> {
    /// The shared context of one page, around its own values (`body`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn page<T: Serialize>(
        &self,
        path: &str,
        title: &str,
        description: &str,
        kind: &'static str,
        feeds: Vec<FeedLink>,
        body: T,
    ) -> Page<'_, T> {
        let root = if path == "404.html" {
            self.input.base_url.clone().unwrap_or_default()
        } else {
            root_of(path)
        };
        let mut all_feeds = vec![
            FeedLink {
                title: format!("{} (Atom)", self.view.title),
                url: "feed.xml".to_owned(),
                kind: "application/atom+xml",
            },
            FeedLink {
                title: format!("{} (JSON Feed)", self.view.title),
                url: "feed.json".to_owned(),
                kind: "application/feed+json",
            },
        ];
        all_feeds.extend(feeds);
        Page {
            site: &self.view,
            root,
            path: path.to_owned(),
            canonical: self
                .input
                .base_url
                .as_ref()
                .map(|base| format!("{base}{}", pretty(path))),
            title: title.to_owned(),
            description: description.to_owned(),
            kind,
            feeds: all_feeds,
            body,
        }
    }

    /// Renders `page` with `template`.
    pub(crate) fn render<T: Serialize>(
        &self,
        template: &str,
        page: &Page<'_, T>,
    ) -> anyhow::Result<Vec<u8>> {
        let body = Value::from_serialize(&page.body);
        let context = if body.as_object().is_some() {
            minijinja::context! { ..Value::from_serialize(page), ..body }
        } else {
            Value::from_serialize(page)
        };
        Ok(self.theme.render(template, context)?.into_bytes())
    }

    /// Hands `page` to `sink`: kept when its fingerprint is the one recorded, else rendered.
    pub(crate) fn emit<T: Serialize>(
        &self,
        sink: &dyn Sink,
        template: &str,
        page: &Page<'_, T>,
    ) -> anyhow::Result<()> {
        let fingerprint = self.fingerprint(template, page, &page.body);
        if fingerprint.is_some_and(|f| sink.keep(&page.path, f)) {
            return Ok(());
        }
        self.put(sink, template, page, fingerprint)
    }

    /// The fingerprint of a page: the seed, the template, the shared context and `inputs`.
    pub(crate) fn fingerprint<T: Serialize>(
        &self,
        template: &str,
        page: &Page<'_, T>,
        inputs: &impl Serialize,
    ) -> Option<u64> {
        fingerprint(self.seed, &(template, page, inputs))
    }

    /// Renders `page` and hands it to `sink` with its fingerprint.
    pub(crate) fn put<T: Serialize>(
        &self,
        sink: &dyn Sink,
        template: &str,
        page: &Page<'_, T>,
        fingerprint: Option<u64>,
    ) -> anyhow::Result<()> {
        let bytes = self.render(template, page)?;
        sink.put(page.path.clone(), fingerprint, bytes)
    }

    /// The display name of a topic slug.
    fn topic_link(&self, slug: &str, written: &str) -> Link {
        Link {
            name: self
                .topic_names
                .get(slug)
                .cloned()
                .unwrap_or_else(|| written.to_owned()),
            url: Some(format!("topics/{slug}/index.html")),
        }
    }

    /// What the search index holds of a statement: its card's words and fields, without
    /// building the card.
    pub(crate) fn search_doc<'s>(&'s self, statement: &'s Summary) -> search::Doc<'s> {
        let mut slugs: Vec<&str> = Vec::new();
        let mut topics = Vec::new();
        for topic in &statement.topics {
            let slug = topic.slug.as_str();
            if !slugs.contains(&slug) {
                slugs.push(slug);
                topics.push(
                    self.topic_names
                        .get(slug)
                        .map_or(topic.name.as_str(), String::as_str),
                );
            }
        }
        search::Doc {
            title: &statement.title,
            day: statement.day(),
            slug: statement.slug.as_str(),
            speakers: statement.speakers.iter().map(|s| s.label()).collect(),
            topics,
            location: statement.location.as_deref(),
            summary: statement.excerpt.as_deref().unwrap_or_default(),
            lang: statement
                .translation_of
                .is_some()
                .then_some(statement.lang.as_str()),
        }
    }

    /// A statement as lists show it.
    pub(crate) fn card(&self, statement: &Summary) -> Card {
        // A statement without `lang` is in the site's language.
        let lang = crate::translations::language_of(statement, &self.view.language);
        let mut topics: Vec<Link> = Vec::new();
        for topic in &statement.topics {
            let link = self.topic_link(topic.slug.as_str(), &topic.name);
            if !topics.iter().any(|t| t.url == link.url) {
                topics.push(link);
            }
        }
        Card {
            title: statement.title.clone(),
            url: statement_path(statement),
            date: statement.day().to_string(),
            date_display: display_date(statement.day()),
            speakers: statement
                .speakers
                .iter()
                .map(|s| {
                    let key = self.name_keys.known(s.label());
                    SpeakerView {
                        name: s.label().to_owned(),
                        url: (!key.is_empty()).then(|| format!("speakers/{key}/index.html")),
                        role: s.role.clone(),
                        // An organisation that speaks is the name already.
                        organization: s.name.as_ref().and(s.organization.clone()),
                    }
                })
                .collect(),
            location: statement.location.as_ref().map(|l| {
                let key = self.name_keys.known(l);
                Link {
                    name: l.clone(),
                    url: (!key.is_empty()).then(|| format!("locations/{key}/index.html")),
                }
            }),
            topics,
            summary: statement.excerpt.clone().unwrap_or_default(),
            dir: crate::language::direction(lang),
            lang: lang.to_owned(),
            notices: super::notice::notices(statement),
            withdrawn: statement.withdrawn.is_some(),
            modified: statement
                .modified()
                .map(|d| d.format("%Y-%m-%d").to_string()),
        }
    }

    /// The slot of a statement's card: a hash of everything its card is made from (without
    /// building the card), no HTML yet.
    pub(crate) fn card_slot(&self, statement: &Summary) -> CardSlot {
        // The day and the texts' bytes one after the other, hashed at once (a streaming hasher
        // fed many small pieces costs more than the copy). Each text ends with a byte UTF-8
        // never holds; an absent one is another such byte, and so is the end of each list.
        let mut bytes: Vec<u8> = Vec::with_capacity(1024);
        bytes.extend_from_slice(&statement.day().num_days_from_ce().to_le_bytes());
        let mut text = |text: Option<&str>| match text {
            Some(text) => {
                bytes.extend_from_slice(text.as_bytes());
                bytes.push(0xff);
            }
            None => bytes.push(0xfe),
        };
        text(Some(&statement.title));
        text(Some(statement.slug.as_str()));
        for speaker in &statement.speakers {
            text(speaker.name.as_deref());
            text(speaker.role.as_deref());
            text(speaker.organization.as_deref());
        }
        text(None);
        text(statement.location.as_deref());
        for topic in &statement.topics {
            let slug = topic.slug.as_str();
            text(Some(slug));
            text(Some(self.topic_names.get(slug).unwrap_or(&topic.name)));
        }
        text(None);
        text(statement.excerpt.as_deref());
        text(statement.lang_given.then_some(statement.lang.as_str()));
        for amendment in statement.corrections.iter().chain(&statement.withdrawn) {
            text(Some(&amendment.date.to_string()));
            text(Some(&amendment.note));
        }
        text(statement.withdrawn.as_ref().map(|_| "withdrawn"));
        CardSlot {
            fingerprint: xxhash_rust::xxh3::xxh3_64(&bytes),
            html: OnceLock::new(),
        }
    }

    /// The HTML of the cards of the statements at `indices` on a page whose way back to the top
    /// folder is `root`: the theme's `card` macro, rendered once per card, and the cards not
    /// rendered yet in one go.
    pub(crate) fn cards_html(
        &self,
        slots: &[CardSlot],
        indices: &[usize],
        root: &str,
    ) -> anyhow::Result<Vec<Value>> {
        let missing: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&i| slots[i].html.get().is_none())
            .collect();
        if !missing.is_empty() {
            let context = minijinja::context! {
                site => &self.view,
                statements => missing.iter().map(|&i| self.card(self.input.statements[i])).collect::<Vec<_>>(),
                root => Value::from_safe_string(ROOT_MARK.to_string()),
                separator => Value::from_safe_string(CARD_SEPARATOR.to_string()),
            };
            let html = self.theme.render(CARD_FRAGMENT, context)?;
            let parts: Vec<&str> = html.split(CARD_SEPARATOR).collect();
            if parts.len() != missing.len() + 1 {
                anyhow::bail!(
                    "the theme's card macro writes the control character U+0002, which press reserves"
                );
            }
            for (&i, part) in missing.iter().zip(parts) {
                // Another thread may have rendered the same card meanwhile: same bytes.
                let _ = slots[i].html.set(part.to_owned());
            }
        }
        Ok(indices
            .iter()
            .map(|&i| {
                let html = slots[i].html.get().map_or("", String::as_str);
                Value::from_safe_string(html.replace(ROOT_MARK, root))
            })
            .collect())
    }

    /// Renders Markdown of the statement at `statement_file` for its page at `page_path`,
    /// collecting the local files it links to.
    pub(crate) fn content(
        &self,
        statement_file: &str,
        markdown: &str,
        page_path: &str,
        local: &LocalFiles,
    ) -> String {
        let root = root_of(page_path);
        let rewrite = |url: &str| -> Option<String> {
            if url.starts_with('#') || url.starts_with('?') || url.starts_with("//") {
                return Some(url.to_owned());
            }
            let relative = crate::links::resolve_relative(statement_file, url)?;
            let suffix = url.find(['#', '?']).map_or("", |at| &url[at..]);
            // Both kinds of link make the page depend on more than its own file (the state of
            // the statements or files it links to): it is always rendered.
            local.consulted.store(true, Ordering::Relaxed);
            if crate::links::is_statement_file(&relative) {
                // A link to an unpublished or missing statement keeps its text only.
                return match self.pages().get(&relative)? {
                    crate::links::Page::Published { year, slug } => {
                        Some(format!("{root}{}{suffix}", statement_page(year, slug)))
                    }
                    crate::links::Page::Hidden(_) => None,
                };
            }
            let file = self.input.root.join(&relative);
            // Only a regular file whose real path is inside the archive is copied, from that
            // path; and neither the link nor where it leads may be hidden or a statement.
            let crate::links::Target::File {
                real,
                relative: real_relative,
            } = crate::links::inspect(self.input.root, &file)
            else {
                return None;
            };
            let private = |relative: &str| {
                relative.split('/').any(|part| part.starts_with('.'))
                    || (relative.starts_with("statements/") && relative.ends_with(".md"))
            };
            if private(&relative) || private(&real_relative) {
                return None;
            }
            if let Ok(mut files) = local.files.lock() {
                files.insert(relative.clone(), real);
            }
            Some(format!("{root}{}{suffix}", encode_path(&relative)))
        };
        sanitize::markdown_to_html(markdown, &rewrite)
    }

    /// Every statement's page by its file (made on first use: an archive without links between
    /// statements never makes it).
    pub(crate) fn pages(&self) -> &crate::links::Pages<'a> {
        self.pages
            .get_or_init(|| crate::links::Pages::new(self.input.all, self.input.now))
    }

    /// Renders the Atom template (used by [`super::feed`]).
    pub(crate) fn render_feed(&self, context: impl Serialize) -> anyhow::Result<Vec<u8>> {
        Ok(self.theme.render("feed.xml", context)?.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    #[test]
    fn days_read_as_strftime_writes_them() -> Result<()> {
        let odd_years = [
            (0, 1, 1),
            (5, 3, 5),
            (999, 12, 31),
            (-44, 3, 15),
            (10000, 1, 1),
        ];
        let mut days: Vec<NaiveDate> = odd_years
            .iter()
            .map(|&(y, m, d)| {
                NaiveDate::from_ymd_opt(y, m, d).with_context(|| format!("{y}-{m}-{d} is a day"))
            })
            .collect::<Result<_>>()?;
        let mut day = NaiveDate::from_ymd_opt(1899, 12, 25).context("valid date")?;
        while day.year() < 2031 {
            days.push(day);
            day += chrono::TimeDelta::days(17);
        }
        for day in days {
            assert_eq!(display_date(day), day.format("%-d %B %Y").to_string());
            assert_eq!(day.to_string(), day.format("%Y-%m-%d").to_string());
        }
        Ok(())
    }

    #[test]
    fn roots_and_paths() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("statements/2026/x/index.html"), "../../../");
        assert_eq!(page_path("topics/a/", 2), "topics/a/page/2/index.html");
        assert_eq!(encode_path("assets/a b.png"), "assets/a%20b.png");
        assert_eq!(
            escape_html("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }
}
