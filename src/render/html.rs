//! The static site: every page, feed and asset of `press export`, rendered in memory.
//!
//! Templates are minijinja with auto-escaping (HTML rules for `.html` and `.xml`), embedded in
//! the binary; a file of the same name in `<root>/templates/` replaces one. Every internal link
//! is relative and points at a file (`../topics/interpol/index.html`): each page gets `root`, the
//! way back to the site's top folder, and item URLs are paths from there. Only feeds, the
//! sitemap, canonical and OpenGraph URLs are absolute, and only when a base URL is set.
//!
//! Rendering is pure apart from reading templates and the local files statements link to; the
//! result is a sorted map from output path to bytes, so the same archive gives the same bytes.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;

use anyhow::Context as _;
use chrono::NaiveDate;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use pulldown_cmark::{Event, Parser, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

use super::{chart, feed, sanitize, search};
use crate::config::Config;
use crate::query::{self, Group, GroupBy};
use crate::slug;
use crate::statement::Statement;

/// The default templates, rendered with minijinja (name, text).
pub const TEMPLATES: [(&str, &str); 10] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    (
        "statement.html",
        include_str!("../../templates/statement.html"),
    ),
    ("list.html", include_str!("../../templates/list.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("years.html", include_str!("../../templates/years.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
];

/// The default static files, copied as they are (name, text).
pub const STATIC_FILES: [(&str, &str); 2] = [
    ("style.css", include_str!("../../templates/style.css")),
    ("search.js", include_str!("../../templates/search.js")),
];

/// The templates and static files of a site: the defaults, with `<root>/templates/` overrides.
pub struct Theme {
    env: Environment<'static>,
    statics: Vec<(String, Vec<u8>)>,
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
                return out
                    .write_str(&escape_html(&sanitize::xml_text(text)))
                    .map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        for (name, default) in TEMPLATES {
            match read(name)? {
                Some(text) => env.add_template_owned(name, text).with_context(|| {
                    format!("cannot use the template {}", dir.join(name).display())
                })?,
                #[allow(clippy::expect_used)]
                None => env
                    .add_template(name, default)
                    .expect("embedded templates are valid"),
            }
        }
        let mut statics = Vec::new();
        for (name, default) in STATIC_FILES {
            let text = read(name)?.unwrap_or_else(|| default.to_owned());
            statics.push((name.to_owned(), text.into_bytes()));
        }
        Ok(Self { env, statics })
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
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Rendered files: output path and bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The exported site: output paths (relative, with `/`) and their bytes, in order.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file of the site.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Things worth telling (a skipped sitemap).
    pub warnings: Vec<String>,
}

/// What a site is made from.
pub struct SiteInput<'a> {
    /// The archive root (for local files that statements link to).
    pub root: &'a Path,
    /// `press.toml`.
    pub config: &'a Config,
    /// Base URL with a trailing `/`, when known (`--base-url` or `base_url`).
    pub base_url: Option<String>,
    /// The published statements, newest first: no drafts, nothing under embargo.
    pub statements: Vec<&'a Statement>,
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
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

/// A speaker on a statement page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SpeakerView {
    pub(crate) name: String,
    url: Option<String>,
    role: Option<String>,
    organization: Option<String>,
}

/// One statement as lists show it.
#[derive(Debug, Clone, Serialize)]
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
}

/// Pagination links.
#[derive(Debug, Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<Link>,
}

/// A feed a page links to with `<link rel="alternate">`.
#[derive(Debug, Clone, Serialize)]
struct FeedLink {
    title: String,
    url: String,
    kind: &'static str,
}

/// What every page's template gets, plus its own values (`body`).
#[derive(Serialize)]
struct Page<'a, T: Serialize> {
    site: &'a SiteView,
    root: String,
    path: String,
    canonical: Option<String>,
    title: String,
    description: String,
    kind: &'static str,
    feeds: Vec<FeedLink>,
    #[serde(skip)]
    body: T,
}

/// Everything known while rendering.
pub(crate) struct Site<'a> {
    pub(crate) input: &'a SiteInput<'a>,
    pub(crate) view: SiteView,
    theme: &'a Theme,
    /// Display name of each topic slug (its most frequent spelling).
    pub(crate) topic_names: HashMap<String, String>,
    /// Last month shown on charts: the newest statement's.
    newest: Option<NaiveDate>,
}

/// Renders the whole site in memory. `tick` is called once per statement page (progress).
pub fn render_site(
    input: &SiteInput<'_>,
    theme: &Theme,
    tick: &(dyn Fn() + Sync),
) -> anyhow::Result<Rendered> {
    let topics = query::group(&input.statements, GroupBy::Topic);
    let site = Site {
        input,
        view: SiteView {
            title: input.config.title().to_owned(),
            description: input.config.description.clone(),
            language: input.config.language().to_owned(),
            organization: input.config.organization.clone(),
            base_url: input.base_url.clone(),
            generator: concat!("press ", env!("CARGO_PKG_VERSION")),
        },
        theme,
        topic_names: topics
            .iter()
            .map(|g| (g.slug.clone(), g.name.clone()))
            .collect(),
        newest: input.statements.first().map(|s| s.day()),
    };
    let mut rendered = Rendered::default();
    let pages: Vec<anyhow::Result<Files>> = (0..input.statements.len())
        .into_par_iter()
        .map(|index| {
            let result = site.statement_page(index);
            tick();
            result
        })
        .collect();
    for page in pages {
        rendered.files.extend(page?);
    }
    let cards: Vec<Card> = input.statements.iter().map(|s| site.card(s)).collect();
    rendered.files.extend(site.home(&cards)?);
    rendered.files.extend(site.years(&cards)?);
    let speakers = query::group(&input.statements, GroupBy::Speaker);
    let locations = query::group(&input.statements, GroupBy::Location);
    for (by, groups) in [
        (GroupBy::Topic, &topics),
        (GroupBy::Speaker, &speakers),
        (GroupBy::Location, &locations),
    ] {
        rendered.files.extend(site.group_pages(by, groups, &cards)?);
    }
    rendered.files.extend(site.search(&cards)?);
    rendered.files.extend(feed::feeds(&site, &cards, &topics)?);
    let not_found = site.page(
        "404.html",
        "404.html",
        "Page not found",
        "",
        "error",
        Vec::new(),
        (),
    )?;
    rendered.files.insert(not_found.0, not_found.1);
    for (name, bytes) in &theme.statics {
        rendered.files.insert(name.clone(), bytes.clone());
    }
    match &input.base_url {
        Some(base) => {
            let sitemap = feed::sitemap(base, rendered.files.keys());
            rendered.files.insert("sitemap.xml".to_owned(), sitemap);
        }
        None => rendered.warnings.push(
            "no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links".to_owned(),
        ),
    }
    Ok(rendered)
}

/// `../` once per folder of `path` (the way back to the site's top folder).
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The folder URL of a page path (`topics/x/index.html` → `topics/x/`).
pub(crate) fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// The path of a statement's page.
pub(crate) fn statement_path(statement: &Statement) -> String {
    format!(
        "statements/{}/{}/index.html",
        statement.day().format("%Y"),
        statement.slug
    )
}

/// `dir="rtl"` for right-to-left languages and scripts.
fn direction(lang: &str) -> Option<&'static str> {
    const RTL_LANGUAGES: [&str; 14] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi", "nqo",
    ];
    const RTL_SCRIPTS: [&str; 7] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
    let lower = lang.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    let rtl = RTL_LANGUAGES.contains(&primary) || parts.any(|p| RTL_SCRIPTS.contains(&p));
    rtl.then_some("rtl")
}

/// The first words of Markdown as plain text, cut at a word near `limit` characters.
pub(crate) fn excerpt(markdown: &str, limit: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) if !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
        if text.len() > limit * 4 {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > limit / 2 => &cut[..at],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// "3 statements, 1 May 2024 to 2 June 2026" (one date when they are the same).
fn span(count: usize, first: NaiveDate, last: NaiveDate) -> String {
    let plural = if count == 1 {
        "statement"
    } else {
        "statements"
    };
    if first == last {
        format!("{count} {plural}, {}", first.format("%-d %B %Y"))
    } else {
        format!(
            "{count} {plural}, {} to {}",
            first.format("%-d %B %Y"),
            last.format("%-d %B %Y")
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
fn page_path(base: &str, page: usize) -> String {
    if page <= 1 {
        format!("{base}index.html")
    } else {
        format!("{base}page/{page}/index.html")
    }
}

impl Site<'_> {
    /// Renders one page with the shared context.
    #[allow(clippy::too_many_arguments)]
    fn page<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        title: &str,
        description: &str,
        kind: &'static str,
        feeds: Vec<FeedLink>,
        body: T,
    ) -> anyhow::Result<(String, Vec<u8>)> {
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
        let page = Page {
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
        };
        let body = Value::from_serialize(&page.body);
        let context = if body.as_object().is_some() {
            minijinja::context! { ..Value::from_serialize(&page), ..body }
        } else {
            Value::from_serialize(&page)
        };
        let html = self.theme.render(template, context)?;
        Ok((path.to_owned(), html.into_bytes()))
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

    /// A statement as lists show it.
    pub(crate) fn card(&self, statement: &Statement) -> Card {
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
            date: statement.day().format("%Y-%m-%d").to_string(),
            date_display: statement.day().format("%-d %B %Y").to_string(),
            speakers: statement
                .speakers
                .iter()
                .map(|s| {
                    let key = slug::key(&s.name);
                    SpeakerView {
                        name: s.name.clone(),
                        url: (!key.is_empty()).then(|| format!("speakers/{key}/index.html")),
                        role: s.role.clone(),
                        organization: s.organization.clone(),
                    }
                })
                .collect(),
            location: statement.location.as_ref().map(|l| {
                let key = slug::key(l);
                Link {
                    name: l.clone(),
                    url: (!key.is_empty()).then(|| format!("locations/{key}/index.html")),
                }
            }),
            topics,
            summary: statement
                .summary
                .clone()
                .unwrap_or_else(|| excerpt(&statement.body, 240)),
            lang: statement.lang.clone(),
            dir: direction(&statement.lang),
        }
    }

    /// Renders Markdown of `statement` for its page at `page_path`, collecting local files.
    pub(crate) fn content(
        &self,
        statement: &Statement,
        markdown: &str,
        page_path: &str,
        assets: &Mutex<BTreeMap<String, std::path::PathBuf>>,
    ) -> String {
        let root = root_of(page_path);
        let rewrite = |url: &str| -> Option<String> {
            if url.starts_with('#') || url.starts_with('?') || url.starts_with("//") {
                return Some(url.to_owned());
            }
            let file = crate::links::resolve(self.input.root, &statement.path, url)?;
            let relative = crate::archive::relative_path(self.input.root, &file);
            let hidden = relative.split('/').any(|part| part.starts_with('.'));
            let statement_file = relative.starts_with("statements/") && relative.ends_with(".md");
            if hidden || statement_file || !file.is_file() {
                return None;
            }
            let suffix = url.find(['#', '?']).map_or("", |at| &url[at..]);
            if let Ok(mut assets) = assets.lock() {
                assets.insert(relative.clone(), file);
            }
            Some(format!("{root}{}{suffix}", encode_path(&relative)))
        };
        sanitize::markdown_to_html(markdown, &rewrite)
    }

    /// The page of the statement at `index`, and the local files it links to.
    fn statement_page(&self, index: usize) -> anyhow::Result<Files> {
        #[derive(Serialize)]
        struct Body {
            statement: Card,
            body_html: String,
            background_html: Option<String>,
            source: Option<String>,
            prev: Option<Link>,
            next: Option<Link>,
        }
        let statements = &self.input.statements;
        let statement = statements[index];
        let path = statement_path(statement);
        let assets = Mutex::new(BTreeMap::new());
        let body_html = self.content(statement, &statement.body, &path, &assets);
        let background_html = statement
            .background
            .as_deref()
            .map(|b| self.content(statement, b, &path, &assets));
        let neighbour = |s: &Statement| Link {
            name: s.title.clone(),
            url: Some(statement_path(s)),
        };
        let card = self.card(statement);
        let description = card.summary.clone();
        let body = Body {
            statement: card,
            body_html,
            background_html,
            source: statement.source.as_deref().and_then(sanitize::source_url),
            prev: statements.get(index + 1).map(|s| neighbour(s)),
            next: index
                .checked_sub(1)
                .and_then(|i| statements.get(i))
                .map(|s| neighbour(s)),
        };
        let mut files = vec![self.page(
            "statement.html",
            &path,
            &statement.title,
            &description,
            "statement",
            Vec::new(),
            body,
        )?];
        let assets = assets.into_inner().unwrap_or_default();
        for (relative, file) in assets {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            files.push((relative, bytes));
        }
        Ok(files)
    }

    /// The chart over `days`, or none when there is nothing to chart.
    fn chart(&self, days: impl IntoIterator<Item = NaiveDate>) -> Option<String> {
        let end = self.newest?;
        Some(chart::svg(&chart::monthly_counts(days, end)))
    }

    /// Paginated lists of cards under `base` (`""`, `topics/x/`).
    #[allow(clippy::too_many_arguments)]
    fn paginated(
        &self,
        template: &str,
        base: &str,
        title: &str,
        description: &str,
        kind: &'static str,
        feeds: Vec<FeedLink>,
        cards: &[&Card],
        extra: &minijinja::Value,
    ) -> anyhow::Result<Files> {
        #[derive(Serialize)]
        struct Body<'c> {
            statements: &'c [&'c Card],
            pager: Pager,
            extra: &'c minijinja::Value,
        }
        let per_page = self.input.config.per_page();
        let total = cards.len().div_ceil(per_page).max(1);
        let mut files = Vec::with_capacity(total);
        for page in 1..=total {
            let chunk = cards.chunks(per_page).nth(page - 1).unwrap_or_default();
            let pager = Pager {
                current: page,
                total,
                prev: (page > 1).then(|| page_path(base, page - 1)),
                next: (page < total).then(|| page_path(base, page + 1)),
                pages: (1..=total)
                    .map(|n| Link {
                        name: n.to_string(),
                        url: Some(page_path(base, n)),
                    })
                    .collect(),
            };
            let page_title = if page == 1 {
                title.to_owned()
            } else {
                format!("{title} (page {page} of {total})")
            };
            let extra = if page == 1 {
                extra.clone()
            } else {
                Value::from(())
            };
            files.push(self.page(
                template,
                &page_path(base, page),
                &page_title,
                description,
                kind,
                feeds.clone(),
                Body {
                    statements: chunk,
                    pager,
                    extra: &extra,
                },
            )?);
        }
        Ok(files)
    }

    /// The home page and its further pages, with the chart on the first.
    fn home(&self, cards: &[Card]) -> anyhow::Result<Files> {
        let refs: Vec<&Card> = cards.iter().collect();
        let chart = self.chart(self.input.statements.iter().map(|s| s.day()));
        let description = self
            .view
            .description
            .clone()
            .unwrap_or_else(|| format!("{} statements", cards.len()));
        self.paginated(
            "index.html",
            "",
            &self.view.title,
            &description,
            "home",
            Vec::new(),
            &refs,
            &minijinja::context! { chart => chart.map(Value::from_safe_string), count => cards.len() },
        )
    }

    /// `statements/index.html` (the years) and one page per year.
    fn years(&self, cards: &[Card]) -> anyhow::Result<Files> {
        let mut years: BTreeMap<String, Vec<&Card>> = BTreeMap::new();
        for card in cards {
            years
                .entry(card.date[..4].to_owned())
                .or_default()
                .push(card);
        }
        let list: Vec<minijinja::Value> = years
            .iter()
            .rev()
            .map(|(year, cards)| {
                minijinja::context! { name => year, count => cards.len(), url => format!("statements/{year}/index.html") }
            })
            .collect();
        let mut files = vec![self.page(
            "years.html",
            "statements/index.html",
            "Statements by year",
            "Every year of the archive",
            "years",
            Vec::new(),
            minijinja::context! { years => list },
        )?];
        for (year, cards) in &years {
            let base = format!("statements/{year}/");
            files.extend(self.paginated(
                "list.html",
                &base,
                &format!("Statements of {year}"),
                &format!(
                    "{} statement{} of {year}",
                    cards.len(),
                    if cards.len() == 1 { "" } else { "s" }
                ),
                "year",
                Vec::new(),
                cards,
                &minijinja::context! { name => year, count => cards.len() },
            )?);
        }
        Ok(files)
    }

    /// The index of topics, speakers or locations, and one paginated page per group.
    fn group_pages(&self, by: GroupBy, groups: &[Group], cards: &[Card]) -> anyhow::Result<Files> {
        let (folder, plural, kind) = match by {
            GroupBy::Topic => ("topics", "Topics", "topic"),
            GroupBy::Speaker => ("speakers", "Speakers", "speaker"),
            GroupBy::Location => ("locations", "Locations", "location"),
        };
        let max = groups.iter().map(|g| g.count).max().unwrap_or(1).max(1);
        let items: Vec<minijinja::Value> = groups
            .iter()
            .map(|g| {
                // Weight 1–5 on a log scale, for the topic cloud.
                let weight = 1 + ((g.count as f64).ln() / (max as f64).ln().max(1.0) * 4.0).round() as usize;
                minijinja::context! {
                    name => g.name, url => format!("{folder}/{}/index.html", g.slug), count => g.count,
                    first => g.first.format("%Y-%m-%d").to_string(), last => g.last.format("%Y-%m-%d").to_string(),
                    role => g.role, weight => weight.min(5),
                }
            })
            .collect();
        let mut index_groups = items.clone();
        // The list reads alphabetically; the cloud keeps the same order.
        index_groups.sort_by_cached_key(|v| {
            query::fold(
                v.get_attr("name")
                    .ok()
                    .and_then(|n| n.as_str().map(str::to_owned))
                    .unwrap_or_default()
                    .as_str(),
            )
        });
        let mut files = vec![self.page(
            "groups.html",
            &format!("{folder}/index.html"),
            plural,
            &format!("{} {}", groups.len(), plural.to_lowercase()),
            kind,
            Vec::new(),
            minijinja::context! { groups => index_groups, by_count => items, cloud => by == GroupBy::Topic },
        )?];
        // Members of each group, newest first, in one pass over the statements.
        let mut members_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, statement) in self.input.statements.iter().enumerate() {
            let mut keys: Vec<String> = match by {
                GroupBy::Topic => statement
                    .topics
                    .iter()
                    .map(|t| t.slug.as_str().to_owned())
                    .collect(),
                GroupBy::Speaker => statement
                    .speakers
                    .iter()
                    .map(|p| slug::key(&p.name))
                    .collect(),
                GroupBy::Location => statement.location.iter().map(|l| slug::key(l)).collect(),
            };
            keys.sort();
            keys.dedup();
            for key in keys {
                members_of.entry(key).or_default().push(index);
            }
        }
        let rendered: Vec<anyhow::Result<Files>> = groups
            .par_iter()
            .map(|group| {
                let members: &[usize] = members_of.get(&group.slug).map_or(&[], Vec::as_slice);
                let member_cards: Vec<&Card> = members.iter().map(|&i| &cards[i]).collect();
                let chart = match by {
                    GroupBy::Speaker => None,
                    _ => self.chart(members.iter().map(|&i| self.input.statements[i].day())),
                };
                let base = format!("{folder}/{}/", group.slug);
                let feeds = if by == GroupBy::Topic {
                    vec![FeedLink {
                        title: format!("{}: {}", self.view.title, group.name),
                        url: format!("{base}feed.xml"),
                        kind: "application/atom+xml",
                    }]
                } else {
                    Vec::new()
                };
                let organization = match by {
                    GroupBy::Speaker => self.input.statements
                        [members.first().copied().unwrap_or_default()]
                    .speakers
                    .iter()
                    .find(|p| slug::key(&p.name) == group.slug)
                    .and_then(|p| p.organization.clone()),
                    _ => None,
                };
                self.paginated(
                    "list.html",
                    &base,
                    &group.name,
                    &span(group.count, group.first, group.last),
                    kind,
                    feeds,
                    &member_cards,
                    &minijinja::context! {
                        name => group.name, count => group.count, role => group.role,
                        organization => organization,
                        chart => chart.map(Value::from_safe_string),
                        feed => (by == GroupBy::Topic).then(|| format!("{base}feed.xml")),
                    },
                )
            })
            .collect();
        for pages in rendered {
            files.extend(pages?);
        }
        Ok(files)
    }

    /// The search page and its index script.
    fn search(&self, cards: &[Card]) -> anyhow::Result<Files> {
        let page = self.page(
            "search.html",
            "search/index.html",
            "Search",
            "Search the statements",
            "search",
            Vec::new(),
            (),
        )?;
        let mut files = vec![page];
        files.extend(search::index_files(cards));
        Ok(files)
    }

    /// Renders the Atom template (used by [`feed`]).
    pub(crate) fn render_feed(&self, context: impl Serialize) -> anyhow::Result<Vec<u8>> {
        Ok(self.theme.render("feed.xml", context)?.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(
            excerpt("Hello *world*.\n\nMore text here.", 100),
            "Hello world. More text here."
        );
        assert_eq!(excerpt("one two three four", 10), "one two…");
    }

    #[test]
    fn right_to_left() {
        assert_eq!(direction("ar"), Some("rtl"));
        assert_eq!(direction("he-IL"), Some("rtl"));
        assert_eq!(direction("pa-Arab"), Some("rtl"));
        assert_eq!(direction("en"), None);
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
