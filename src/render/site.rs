//! The whole site, streamed: pages are rendered in parallel and handed to a [`Sink`] one by one
//! as they are ready, so the rendered site is never all in memory (10,000 statements make some
//! 150 MB of HTML).
//!
//! Incremental export rests on fingerprints. Every page's fingerprint is a hash of everything it
//! is made from: the settings and the theme (the seed), then the page's own context, or for a
//! statement page the file's digest, its card and its neighbours. A sink that remembers the
//! previous export's fingerprints keeps a page whose fingerprint is unchanged without rendering
//! it; a page that looked up local files (a statement linking to an image) or other statements
//! (whose slug, date or draft state its links show) gets no fingerprint and is always rendered. Keeping is a shortcut only: the bytes are those a full render gives.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::Ordering;

use anyhow::Context as _;
use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

use super::alternates::{Alternate, alternates};
use super::html::{
    Card, CardSlot, FeedLink, Link, LocalFiles, Pager, Site, SiteView, Theme, fingerprint,
    page_path, root_of, span, statement_path,
};
use super::{chart, feed, search};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::page_texts::{PageText, PageTexts};
use crate::query::{self, Group, GroupBy};
use crate::slug;
use crate::statement::parse::{body, digest};
use crate::statement::{Header, Summary};

/// Where the files of a site go as they are rendered, from several threads at once.
pub trait Sink: Sync {
    /// Keeps the file at `path` as it is when the previous export made it from inputs with this
    /// fingerprint and it is unchanged since; returns whether it did.
    fn keep(&self, path: &str, fingerprint: u64) -> bool;
    /// Takes one rendered file; `fingerprint` (when some) names its inputs for the next export.
    fn put(&self, path: String, fingerprint: Option<u64>, bytes: Vec<u8>) -> anyhow::Result<()>;
    /// Takes one file too large to hold in memory (the bulk downloads): `make` writes it at the
    /// path it is given, a new file on the output's file system, which is compared with the
    /// file on disk a chunk at a time and renamed into place like a rendered one.
    fn put_made(
        &self,
        path: String,
        make: &mut dyn FnMut(&Path) -> anyhow::Result<()>,
    ) -> anyhow::Result<()>;
    /// [`Sink::keep`] for every file the previous export recorded under `folder` (all made
    /// from inputs with this fingerprint); false, keeping none, unless all are unchanged.
    fn keep_all(&self, folder: &str, fingerprint: u64) -> bool;
    /// Every path kept or put so far, sorted.
    fn paths(&self) -> Vec<String>;
}

/// What a site is made from.
pub struct SiteInput<'a> {
    /// The archive root (statement files are read from it while their pages render).
    pub root: &'a Path,
    /// `press.toml`.
    pub config: &'a Config,
    /// Base URL with a trailing `/`, when known (`--base-url` or `base_url`).
    pub base_url: Option<String>,
    /// The published originals, newest first: no drafts, nothing under embargo, no
    /// translations (lists, feeds and counts show originals only).
    pub statements: Vec<&'a Summary>,
    /// The published statements split into originals and translations, and grouped
    /// ([`crate::translations`]): translations get their own pages and search entries.
    pub families: crate::translations::Families<'a, Summary>,
    /// Every valid statement, published or not (what links between statements lead to).
    pub all: &'a [Summary],
    /// The instant embargoes are judged at.
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// Whether the site carries the bulk downloads under `data/` (linked from the home page).
    pub data: bool,
    /// The speaker directory (role histories, aliases and their redirects on speaker pages).
    pub directory: &'a crate::directory::Directory,
}

/// What rendering found besides the pages.
#[derive(Debug, Default)]
pub struct Findings {
    /// Things worth telling (a skipped sitemap).
    pub warnings: Vec<String>,
    /// Errors in statements that only rendering sees (links to missing local files); their
    /// pages are rendered without those links.
    pub errors: Vec<Diagnostic>,
    /// Warnings about links (to statements that are not published): their text is kept
    /// without the link.
    pub link_warnings: Vec<Diagnostic>,
}

/// Renders the whole site into `sink`. `texts`, when known, spare the statement pages a second
/// parse of each front matter ([`crate::page_texts`]); they are dropped once those pages are
/// done. `tick` is called once per statement page (progress).
pub fn render_site(
    input: &SiteInput<'_>,
    texts: Option<PageTexts>,
    theme: &Theme,
    sink: &dyn Sink,
    tick: &(dyn Fn() + Sync),
) -> anyhow::Result<Findings> {
    // Two passes over every statement, side by side.
    let (topics, name_keys) = rayon::join(
        || query::group(&input.statements, GroupBy::Topic),
        || {
            let mut keys = slug::Keys::default();
            for statement in &input.statements {
                for speaker in &statement.speakers {
                    keys.key(speaker.label());
                }
                if let Some(location) = &statement.location {
                    keys.key(location);
                }
            }
            keys
        },
    );
    let view = SiteView {
        title: input.config.title().to_owned(),
        description: input.config.description.clone(),
        language: input.config.language().to_owned(),
        organization: input.config.organization.clone(),
        base_url: input.base_url.clone(),
        generator: concat!("press ", env!("CARGO_PKG_VERSION")),
    };
    let seed = fingerprint(
        theme.fingerprint,
        &(&view, input.config.per_page(), env!("CARGO_PKG_VERSION")),
    )
    .unwrap_or_default();
    let site = Site {
        input,
        view,
        theme,
        topic_names: topics
            .iter()
            .map(|g| (g.slug.clone(), g.name.clone()))
            .collect(),
        name_keys,
        newest: input.statements.first().map(|s| s.day()),
        seed,
        errors: Mutex::new(Vec::new()),
        warnings: Mutex::new(Vec::new()),
        pages: std::sync::OnceLock::new(),
        cite_keys: crate::cite::Keys::new(input.all, input.config.organization.as_deref()),
    };
    let statements = &input.statements;
    let mut slots: Vec<CardSlot> = input
        .statements
        .par_iter()
        .map(|s| site.card_slot(s))
        .collect();
    (0..input.statements.len())
        .into_par_iter()
        .try_for_each(|index| {
            let around = |i: Option<usize>| i.and_then(|i| Some((*statements.get(i)?, &slots[i])));
            let result = statement_page(
                &site,
                (statements[index], &slots[index]),
                around(Some(index + 1)),
                around(index.checked_sub(1)),
                texts.as_ref(),
                sink,
            );
            tick();
            result
        })?;
    // Translations have pages of their own, outside the lists (no previous or next).
    let translated: Vec<CardSlot> = input
        .families
        .translations
        .par_iter()
        .map(|s| site.card_slot(s))
        .collect();
    (input.families.translations.par_iter().zip(&translated)).try_for_each(|(&s, slot)| {
        let result = statement_page(&site, (s, slot), None, None, texts.as_ref(), sink);
        tick();
        result
    })?;
    // Who said each quote, from the page texts before they go: for the speaker pages.
    let quotes = super::quotes::SpeakerQuotes::collect(&site, texts.as_ref())?;
    drop(texts);
    home(&site, &slots, sink)?;
    years(&site, &slots, sink)?;
    // Five passes over every statement, each on its own: side by side.
    let notes = super::topics::TopicNotes::load(input.root);
    let group = |by| query::group(&input.statements, by);
    let ((speakers, locations), (topic_members, (speaker_members, location_members))) = rayon::join(
        || rayon::join(|| group(GroupBy::Speaker), || group(GroupBy::Location)),
        || {
            rayon::join(
                || members(&site, GroupBy::Topic),
                || {
                    rayon::join(
                        || members(&site, GroupBy::Speaker),
                        || members(&site, GroupBy::Location),
                    )
                },
            )
        },
    );
    let topic_members = notes.widened(topic_members);
    let topics = notes.with_parents(topics, &topic_members, |i| input.statements[i].day());
    for (by, groups, members) in [
        (GroupBy::Topic, &topics, &topic_members),
        (GroupBy::Speaker, &speakers, &speaker_members),
        (GroupBy::Location, &locations, &location_members),
    ] {
        group_pages(&site, by, (groups, members, &notes), &slots, &quotes, sink)?;
    }
    // The lists are done: their card HTML is not needed again.
    for slot in &mut slots {
        slot.html.take();
    }
    let search_page = site.page(
        "search/index.html",
        "Search",
        "Search the statements",
        "search",
        Vec::new(),
        (),
    );
    site.emit(sink, "search.html", &search_page)?;
    // The search index is made from the cards alone (originals and translations, newest
    // first): kept whole when none changed.
    let searched = &input.families.shown;
    let search_inputs = fingerprint(
        site.seed,
        &searched
            .par_iter()
            .map(|s| site.card_slot(s).fingerprint)
            .collect::<Vec<_>>(),
    );
    if !search_inputs.is_some_and(|f| sink.keep_all(search::FOLDER, f)) {
        let doc = |index: usize| site.search_doc(searched[index]);
        search::index_files(searched.len(), &doc, &|path, bytes| {
            sink.put(path, search_inputs, bytes)
        })?;
    }
    feed::feeds(&site, &slots, &topics, &topic_members, sink)?;
    super::corrections::pages(&site, sink)?;
    let not_found = site.page("404.html", "Page not found", "", "error", Vec::new(), ());
    site.emit(sink, "404.html", &not_found)?;
    for (name, bytes) in &theme.statics {
        sink.put(name.clone(), None, bytes.clone())?;
    }
    let seed = site.seed;
    let mut errors = site.errors.into_inner().unwrap_or_default();
    crate::archive::sort_diagnostics(&mut errors);
    let mut link_warnings = site.warnings.into_inner().unwrap_or_default();
    crate::archive::sort_diagnostics(&mut link_warnings);
    let mut findings = Findings {
        warnings: Vec::new(),
        errors,
        link_warnings,
    };
    match &input.base_url {
        Some(base) => {
            let paths = sink.paths();
            sink.put(
                "sitemap.xml".to_owned(),
                None,
                feed::sitemap(base, paths.iter()),
            )?;
        }
        None => findings.warnings.push(
            "no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links".to_owned(),
        ),
    }
    // After the sitemap, which lists only the site's own pages.
    let mut moved = notes.redirects(&topics);
    moved.extend(super::speaker::redirects(input.directory, &speakers));
    super::redirect::redirects(input, seed, &moved, sink)?;
    Ok(findings)
}

/// What a statement's page shows besides its summary.
pub(crate) struct PageSource {
    pub(crate) body: String,
    /// File line where the body starts.
    pub(crate) body_line: usize,
    pub(crate) background: Option<String>,
    /// The contact block, plain text (escaped by the template).
    pub(crate) contact: Option<String>,
    pub(crate) source: Option<String>,
}

/// Reads a statement's file again to render its page: with its page texts (from the same
/// version of the file), only the body is taken from it; without, the file is parsed again.
/// Refuses a file that changed since the archive was loaded, so a page never mixes two versions.
pub(crate) fn load(
    root: &Path,
    summary: &Summary,
    text: Option<PageText<'_>>,
) -> anyhow::Result<PageSource> {
    let changed = || {
        anyhow::anyhow!(
            "{} changed while the site was being exported; run `press export` again",
            summary.path
        )
    };
    if let Some(text) = text.filter(|t| t.digest == summary.digest) {
        let path = root.join(&summary.path);
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if digest(&bytes) != summary.digest {
            return Err(changed());
        }
        let (body, body_line) = body(&summary.path, &bytes).ok_or_else(changed)?;
        return Ok(PageSource {
            body,
            body_line,
            background: text.background.map(str::to_owned),
            contact: text.contact.map(str::to_owned),
            source: text.source.map(str::to_owned),
        });
    }
    let parsed = crate::archive::read_and_parse(&root.join(&summary.path), &summary.path);
    match parsed.statement {
        Some(statement) if parsed.digest == summary.digest => Ok(PageSource {
            body: statement.body,
            body_line: statement.body_line,
            background: statement.background,
            contact: statement.contact,
            source: statement.source,
        }),
        _ => Err(changed()),
    }
}

/// A statement and the slot of its card.
type Slotted<'s> = (&'s Summary, &'s CardSlot);

/// The page of a statement (with its neighbours in the lists, if any), and the local files it
/// links to.
fn statement_page(
    site: &Site<'_>,
    (summary, slot): Slotted<'_>,
    prev: Option<Slotted<'_>>,
    next: Option<Slotted<'_>>,
    texts: Option<&PageTexts>,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Body<'c> {
        statement: &'c Card,
        body_html: String,
        background_html: Option<String>,
        contact: Option<String>,
        source: Option<String>,
        prev: Option<Link>,
        next: Option<Link>,
        alternates: Vec<Alternate>,
        cite: super::structured::CiteView,
    }
    let path = &statement_path(summary);
    let alternates = alternates(site, summary);
    // The neighbours' links come from their cards.
    let around = |s: Option<Slotted<'_>>| s.map(|(_, slot)| slot.fingerprint);
    let cite_key = site.cite_keys.get(&summary.slug).unwrap_or_default();
    let inputs = fingerprint(
        site.seed,
        &(
            "statement.html",
            summary.digest,
            slot.fingerprint,
            around(prev),
            around(next),
            &alternates,
            cite_key,
        ),
    );
    let folder = path.trim_end_matches("index.html");
    let beside = super::structured::FILES.map(|name| format!("{folder}{name}"));
    if let Some(f) = inputs {
        // Each file asked (no short cut): a missing `cite.bib` alone renders the page again.
        let kept = [
            sink.keep(path, f),
            sink.keep(&beside[0], f),
            sink.keep(&beside[1], f),
        ];
        if kept.iter().all(|&k| k) {
            return Ok(());
        }
    }
    let card = &site.card(summary);
    let neighbour = |s: Option<Slotted<'_>>| {
        s.map(|(s, _)| Link {
            name: s.title.clone(),
            url: Some(statement_path(s)),
        })
    };
    let (prev, next) = (neighbour(prev), neighbour(next));
    let text = texts.and_then(|t| t.get(summary.id as usize));
    let statement = load(site.input.root, summary, text)?;
    let source = statement
        .source
        .as_deref()
        .and_then(super::sanitize::source_url);
    let (cite, cite_files) =
        super::structured::cite(site, summary, card, cite_key, source.as_deref())?;
    let local = LocalFiles::default();
    let body_html = site.content(&summary.path, &statement.body, path, &local);
    let background_html = statement
        .background
        .as_deref()
        .map(|b| site.content(&summary.path, b, path, &local));
    let body = Body {
        statement: card,
        body_html,
        background_html,
        contact: statement.contact.clone(),
        source,
        prev,
        next,
        alternates,
        cite,
    };
    let page = site.page(
        path,
        &summary.title,
        &card.summary,
        "statement",
        Vec::new(),
        body,
    );
    let bytes = site.render("statement.html", &page)?;
    // A page that looked up local files depends on more than its inputs: always rendered.
    let consulted = local.consulted.load(Ordering::Relaxed);
    if consulted {
        let problems = crate::links::problems(
            site.input.root,
            &summary.path,
            (&statement.body, statement.body_line),
            statement.background.as_deref(),
            site.pages(),
        );
        let (errors, warnings): (Vec<_>, Vec<_>) =
            problems.into_iter().partition(Diagnostic::is_error);
        for (found, into) in [(errors, &site.errors), (warnings, &site.warnings)] {
            if !found.is_empty()
                && let Ok(mut list) = into.lock()
            {
                list.extend(found);
            }
        }
    }
    sink.put(path.clone(), inputs.filter(|_| !consulted), bytes)?;
    for (file, bytes) in beside.into_iter().zip(cite_files) {
        sink.put(file, inputs, bytes)?;
    }
    for (relative, file) in local.files.into_inner().unwrap_or_default() {
        let bytes =
            std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        sink.put(relative, None, bytes)?;
    }
    Ok(())
}

/// Links to the pages of a list: the first, the last, and two either side of the current one,
/// with a gap (no URL) for what lies between.
fn pager_pages(base: &str, current: usize, total: usize) -> Vec<Link> {
    let near = |n: usize| n == 1 || n == total || n.abs_diff(current) <= 2;
    let mut pages = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        // A gap of one page shows that page instead.
        let shown = near(n) || (n > 1 && near(n - 1) && n < total && near(n + 1));
        if !shown {
            continue;
        }
        if n > last_shown + 1 {
            pages.push(Link {
                name: "…".to_owned(),
                url: None,
            });
        }
        pages.push(Link {
            name: n.to_string(),
            url: Some(page_path(base, n)),
        });
        last_shown = n;
    }
    pages
}

/// What a list page shows.
struct List<'l> {
    template: &'l str,
    /// Folder of the list (`""`, `topics/x/`).
    base: &'l str,
    title: &'l str,
    description: &'l str,
    kind: &'static str,
    feeds: Vec<FeedLink>,
    /// Values only the first page shows (`extra`).
    extra: Value,
    /// The first page's chart (`extra.chart`), as its monthly counts: the fingerprint covers
    /// the counts, and the SVG is drawn only when the page is rendered.
    chart: Option<Counts>,
    /// A speaker's quotes on the first page (`extra.quotes`, [`super::quotes`]): the
    /// fingerprint covers where they are, and their words are read only when it is rendered.
    quotes: Option<&'l super::quotes::Listed>,
}

/// Statements per month, oldest first ([`chart::monthly_counts`]).
type Counts = Vec<((i32, u32), usize)>;

/// Paginated lists of the cards of the statements at `members` under `list.base`, rendered
/// in parallel.
fn paginated(
    site: &Site<'_>,
    list: &List<'_>,
    slots: &[CardSlot],
    members: &[usize],
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Body<'c> {
        cards: Vec<Value>,
        pager: &'c Pager,
        extra: &'c Value,
    }
    let per_page = site.input.config.per_page();
    let total = members.len().div_ceil(per_page).max(1);
    let none = Value::from(());
    (1..=total).into_par_iter().try_for_each(|page| {
        let chunk = members.chunks(per_page).nth(page - 1).unwrap_or_default();
        let pager = Pager {
            current: page,
            total,
            prev: (page > 1).then(|| page_path(list.base, page - 1)),
            next: (page < total).then(|| page_path(list.base, page + 1)),
            pages: pager_pages(list.base, page, total),
        };
        let title = if page == 1 {
            list.title.to_owned()
        } else {
            format!("{} (page {page} of {total})", list.title)
        };
        let (extra, chart) = if page == 1 {
            (&list.extra, list.chart.as_ref())
        } else {
            (&none, None)
        };
        let path = page_path(list.base, page);
        let root = root_of(&path);
        let mut page_view = site.page(
            &path,
            &title,
            list.description,
            list.kind,
            list.feeds.clone(),
            Body {
                cards: Vec::new(),
                pager: &pager,
                extra,
            },
        );
        let quotes = list.quotes.filter(|_| page == 1);
        let cards: Vec<u64> = chunk.iter().map(|&i| slots[i].fingerprint).collect();
        let quoted = quotes.map(|q| q.inputs(site));
        let fingerprint = site.fingerprint(
            list.template,
            &page_view,
            &(&pager, extra, cards, chart, quoted),
        );
        if fingerprint.is_some_and(|f| sink.keep(&path, f)) {
            return Ok(());
        }
        page_view.body.cards = site.cards_html(slots, chunk, &root)?;
        let mut more = Vec::new();
        if let Some(counts) = chart {
            let svg = Value::from_safe_string(chart::svg(counts));
            more.push(minijinja::context! { chart => svg });
        }
        if let Some(quotes) = quotes {
            more.push(minijinja::context! { quotes => quotes.view(site)? });
        }
        let with_more;
        if !more.is_empty() {
            more.push(extra.clone());
            with_more = minijinja::value::merge_maps(more);
            page_view.body.extra = &with_more;
        }
        site.put(sink, list.template, &page_view, fingerprint)
    })
}

/// The counts the chart over `days` shows, or none when there is nothing to chart.
fn chart(site: &Site<'_>, days: impl IntoIterator<Item = chrono::NaiveDate>) -> Option<Counts> {
    let end = site.newest?;
    Some(chart::monthly_counts(days, end))
}

/// The home page and its further pages, with the chart on the first.
fn home(site: &Site<'_>, slots: &[CardSlot], sink: &dyn Sink) -> anyhow::Result<()> {
    let all: Vec<usize> = (0..slots.len()).collect();
    let chart = chart(site, site.input.statements.iter().map(|s| s.day()));
    let description = site
        .view
        .description
        .clone()
        .unwrap_or_else(|| crate::diagnostic::count(slots.len(), "statement"));
    let list = List {
        template: "index.html",
        base: "",
        title: &site.view.title,
        description: &description,
        kind: "home",
        feeds: Vec::new(),
        extra: minijinja::context! { count => slots.len(), data => site.input.data },
        chart,
        quotes: None,
    };
    paginated(site, &list, slots, &all, sink)
}

/// `statements/index.html` (the years) and one page per year.
fn years(site: &Site<'_>, slots: &[CardSlot], sink: &dyn Sink) -> anyhow::Result<()> {
    let mut years: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, statement) in site.input.statements.iter().enumerate() {
        let year = statement.day().format("%Y").to_string();
        years.entry(year).or_default().push(index);
    }
    let list: Vec<Value> = years
        .iter()
        .rev()
        .map(|(year, cards)| {
            minijinja::context! { name => year, count => cards.len(), url => format!("statements/{year}/index.html") }
        })
        .collect();
    let index = site.page(
        "statements/index.html",
        "Statements by year",
        "Every year of the archive",
        "years",
        Vec::new(),
        minijinja::context! { years => list },
    );
    site.emit(sink, "years.html", &index)?;
    for (year, cards) in &years {
        let base = format!("statements/{year}/");
        let list = List {
            template: "list.html",
            base: &base,
            title: &format!("Statements of {year}"),
            description: &format!(
                "{} statement{} of {year}",
                cards.len(),
                if cards.len() == 1 { "" } else { "s" }
            ),
            kind: "year",
            feeds: Vec::new(),
            extra: minijinja::context! { name => year, count => cards.len() },
            chart: None,
            quotes: None,
        };
        paginated(site, &list, slots, cards, sink)?;
    }
    Ok(())
}

/// For each group key (topic slug, speaker or location key), the indices of its statements,
/// newest first.
pub(crate) type Members = foldhash::HashMap<String, Vec<usize>>;

/// The [`Members`] of each group, in one pass over the statements.
pub(crate) fn members(site: &Site<'_>, by: GroupBy) -> Members {
    /// Adds statement `index` to the group `key` once (a statement's keys come one after the
    /// other), allocating a key only for a new group.
    fn add(members: &mut Members, key: &str, index: usize) {
        match members.get_mut(key) {
            Some(list) if list.last() == Some(&index) => {}
            Some(list) => list.push(index),
            None => {
                members.insert(key.to_owned(), vec![index]);
            }
        }
    }
    let mut members = Members::default();
    for (index, statement) in site.input.statements.iter().enumerate() {
        match by {
            GroupBy::Topic => {
                for topic in &statement.topics {
                    add(&mut members, topic.slug.as_str(), index);
                }
            }
            GroupBy::Speaker => {
                for speaker in &statement.speakers {
                    add(&mut members, &site.name_keys.known(speaker.label()), index);
                }
            }
            GroupBy::Location => {
                if let Some(location) = &statement.location {
                    add(&mut members, &site.name_keys.known(location), index);
                }
            }
        }
    }
    members
}

/// The index of topics, speakers or locations, and one paginated list per group.
fn group_pages(
    site: &Site<'_>,
    by: GroupBy,
    (groups, members_of, notes): (&[Group], &Members, &super::topics::TopicNotes),
    slots: &[CardSlot],
    quotes: &super::quotes::SpeakerQuotes,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let (folder, plural, kind) = match by {
        GroupBy::Topic => ("topics", "Topics", "topic"),
        GroupBy::Speaker => ("speakers", "Speakers", "speaker"),
        GroupBy::Location => ("locations", "Locations", "location"),
    };
    let max = groups.iter().map(|g| g.count).max().unwrap_or(1).max(1);
    let items: Vec<Value> = groups
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
    let index = site.page(
        &format!("{folder}/index.html"),
        plural,
        &crate::diagnostic::count(groups.len(), kind),
        kind,
        Vec::new(),
        minijinja::context! { groups => index_groups, by_count => items, cloud => by == GroupBy::Topic },
    );
    site.emit(sink, "groups.html", &index)?;
    let statements = &site.input.statements;
    groups.par_iter().try_for_each(|group| {
        let members: &[usize] = members_of.get(&group.slug).map_or(&[], Vec::as_slice);
        let chart = match by {
            GroupBy::Speaker => None,
            _ => chart(site, members.iter().map(|&i| statements[i].day())),
        };
        let base = format!("{folder}/{}/", group.slug);
        let feeds = if by == GroupBy::Topic {
            vec![FeedLink {
                title: format!("{}: {}", site.view.title, group.name),
                url: format!("{base}feed.xml"),
                kind: "application/atom+xml",
            }]
        } else {
            Vec::new()
        };
        let organization = match (by, members.first()) {
            (GroupBy::Speaker, Some(&first)) => statements[first]
                .speakers
                .iter()
                .find(|p| site.name_keys.known(p.label()) == group.slug.as_str())
                .and_then(|p| p.organization.clone()),
            _ => None,
        };
        let about = match by {
            GroupBy::Topic => notes.about(&group.slug),
            _ => (None, Vec::new()),
        };
        let list = List {
            template: "list.html",
            base: &base,
            title: &group.name,
            description: &span(group.count, group.first, group.last),
            kind,
            feeds,
            extra: minijinja::context! {
                description => about.0, includes => about.1,
                name => group.name, count => group.count, role => group.role,
                organization => organization,
                speaker => (by == GroupBy::Speaker).then(|| super::speaker::extra(site, group, members)),
                feed => (by == GroupBy::Topic).then(|| format!("{base}feed.xml")),
            },
            chart,
            quotes: (by == GroupBy::Speaker)
                .then(|| quotes.of(&group.slug))
                .flatten(),
        };
        paginated(site, &list, slots, members, sink)
    })
}

#[cfg(test)]
mod pages_tests;

#[cfg(test)]
mod tests;
