//! `press import`: statements as they were published (text, HTML, Markdown) into statement files.
//!
//! Each input is read and decoded like any statement file, converted from HTML when it is HTML
//! (by extension, `--html`, or a leading `<!DOCTYPE html>`/`<html>`), and handed to the pure
//! extraction in [`crate::import`]. Options override what was found. Then, per input:
//! - a record that lacks a title, speaker, date or topic is **refused**, with the option that
//!   supplies each missing field;
//! - a record whose `source`, or whose day and title, match a statement already in the archive
//!   (or one imported earlier in the same run) is **skipped** as a duplicate;
//! - otherwise its slug comes from the title, with `-2`, `-3`, … when taken, it is validated by
//!   writing and re-reading it ([`super::new::validated`]) and written with no-clobber semantics
//!   ([`archive::write_new`]), exactly as `press new` does.
//!
//! With `--feed`, each input is a news feed and each of its items is one input: its title, date,
//! link (`source`) and categories (topics, besides `--topic`) come from the feed, the rest from
//! its text ([`crate::import::feed`]). Importing the same feed twice adds nothing.
//!
//! With `--from jekyll|hugo`, each input is a site's folder and each post one input, mapped by
//! [`crate::import::site`] ([`site`] walks the folder and reports once per site).
//!
//! A `.md` input that already has front matter is taken as a statement file: mapped like a site's
//! post (so a press file maps onto itself, and a Jekyll or Hugo post is understood too),
//! validated, then written under the archive's naming convention.
//!
//! Exit: 0 when everything was imported or skipped, 1 when any input was refused, 2 when an
//! input could not be read (the other inputs are still imported).

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

mod explain;
mod site;
#[cfg(test)]
mod tests;

use site::resolve::Links;
use site::{Migration, SiteReport, post_statement, site_options};

use super::{Io, edit, load, new};
use crate::Exit;
use crate::archive::{self, Archive};
use crate::cli::{ImportArgs, SpeakerArg};
use crate::import::{self, Extracted, Options};
use crate::slug::{self, Slug};
use crate::statement::{self, Published, Speaker, Statement, Topic};

/// What one input gives: the extraction, and what its container (a feed item) adds.
struct Found {
    extracted: Extracted,
    published: Option<Published>,
    source: Option<String>,
    topics: Vec<String>,
}

/// A field the import had to guess, said on stderr as a located warning: the input's line
/// (when the field was read from one) and what was guessed and why.
struct Warning {
    line: Option<usize>,
    message: String,
}

/// Where the organisation that speaks comes from when no person is quoted and the text names
/// none: `--org` given alone, else `organization` in `press.toml`.
#[derive(Debug, Clone, Default)]
struct Organizations {
    given: Option<String>,
    configured: Option<String>,
}

/// An input's name, its record (or why there is none), the fields it guessed, and the site
/// and post it comes from.
type Candidate = (
    String,
    anyhow::Result<Statement>,
    Vec<Warning>,
    Option<(usize, usize)>,
);

/// A record with its place in the archive: name, path, record, the site and post it comes from.
type Placed = (String, String, Statement, Option<(usize, usize)>);

/// What happened to one input.
enum Outcome {
    /// Written (or printed, with `--dry-run`) at this path.
    Imported(String),
    /// Already in the archive at this path.
    Duplicate(String),
}

/// Runs `press import`.
pub(crate) fn run(
    args: &ImportArgs,
    matches: &clap::ArgMatches,
    root: &Path,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let speakers = match matches.subcommand() {
        Some(("import", sub)) => args.speakers.in_order(sub).map_err(anyhow::Error::msg)?,
        _ => Vec::new(),
    };
    let organizations = Organizations {
        given: args
            .speakers
            .organization_alone()
            .map_err(anyhow::Error::msg)?
            .map(str::to_owned),
        configured: crate::config::Config::load(root)?.organization,
    };
    let date = args
        .date
        .as_deref()
        .map(|text| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .filter(|_| text.len() == 10)
                .with_context(|| format!("invalid --date {text:?}: use YYYY-MM-DD"))
        })
        .transpose()?;
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        bail!("standard input (`-`) can be read only once");
    }
    if args.explain {
        return explain::run(args, &speakers, date, &organizations, io);
    }
    // Held until the files are written: another `import` or `new` waits, then sees their slugs.
    let _lock = archive::WriteLock::acquire(root)?;
    let mut archive = load(root)?;
    // Names found are written as the speaker directory spells them (a bad one is left unused).
    let directory = match crate::directory::Directory::load(root)? {
        Ok(directory) => directory,
        Err(problems) => {
            io.skipped_files(&problems)?;
            crate::directory::Directory::default()
        }
    };
    let existing_aliases: HashSet<String> = archive
        .statements
        .iter()
        .flat_map(|s| s.aliases.iter().map(ToString::to_string))
        .collect();
    let mut taken: HashSet<Slug> = archive.statements.iter().map(|s| s.slug.clone()).collect();
    let (mut imported, mut skipped, mut refused, mut unreadable) = (0, 0, 0, 0);
    let mut exit = Exit::Success;
    // (name, record, the site and post it comes from)
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut migrations: Vec<Migration> = Vec::new();
    // One summary for every site and `.md` input (mapped like a site's posts).
    let mut summary = SiteReport::default();
    let file_options = site_options(args, crate::cli::SiteGenerator::Jekyll)?;
    for file in &args.files {
        let name = if file.as_os_str() == "-" {
            "<stdin>".to_owned()
        } else {
            file.display().to_string()
        };
        if let Some(generator) = args.from {
            if !file.is_dir() {
                writeln!(
                    io.err,
                    "{name}: error: not a folder (--from reads a site's folder)"
                )?;
                unreadable += 1;
                continue;
            }
            let (migration, posts) =
                Migration::open(file, &name, args, generator, &speakers, &mut summary)?;
            let base_url = crate::config::Config::load(root)
                .ok()
                .and_then(|config| config.base_url);
            if let (Some(old), Some(new)) = (&migration.site.url, &base_url)
                && old.trim_end_matches('/') == new.trim_end_matches('/')
            {
                writeln!(
                    io.err,
                    "warning: the old site's address {old} is the archive's own base_url: links to what the archive does not hold will break once the new site replaces the old (give the address the old site stays reachable at with --site-url URL)"
                )?;
            }
            let at = migrations.len();
            for post in posts {
                candidates.push((post.name, post.record, Vec::new(), Some((at, post.index))));
            }
            migrations.push(migration);
            continue;
        }
        let text = match new::read_text(file) {
            Ok(text) => text,
            Err(error) => {
                report(io, &name, "error", &error)?;
                unreadable += 1;
                continue;
            }
        };
        if args.feed {
            match import::feed::read_feed(text.as_bytes()) {
                Ok(items) => {
                    for (n, item) in items.into_iter().enumerate() {
                        let label = format!(
                            "{name}: item {} ({})",
                            n + 1,
                            item.title.as_deref().unwrap_or("untitled")
                        );
                        // The day written in the feed, never shifted to UTC: with the
                        // offset it was written with when known, else the day alone.
                        let published = item
                            .published_at()
                            .map(Published::Instant)
                            .or_else(|| item.day().map(Published::Date));
                        let found = Found {
                            published,
                            source: item.link,
                            topics: item.categories,
                            extracted: item.extracted,
                        };
                        let mut guessed = Vec::new();
                        let record = to_statement(
                            found,
                            args,
                            &speakers,
                            date,
                            &organizations,
                            &mut guessed,
                        );
                        candidates.push((label, record, guessed, None));
                    }
                }
                Err(reason) => {
                    candidates.push((name, Err(anyhow::anyhow!(reason)), Vec::new(), None));
                }
            }
        } else {
            let mut guessed = Vec::new();
            let given = (&speakers[..], date, &organizations);
            let files = (&mut summary, &file_options);
            let record = record(file, &text, args, given, files, &mut guessed);
            candidates.push((name, record, guessed, None));
        }
    }
    // First every record finds its place (so links between posts know where each went), then
    // the links of a site's posts are rewritten, then the files are written.
    let mut placed: Vec<Placed> = Vec::new();
    for (name, record, guessed, origin) in candidates {
        for warning in guessed {
            match warning.line {
                Some(line) => writeln!(io.err, "{name}:{line}:1: warning: {}", warning.message)?,
                None => writeln!(io.err, "{name}: warning: {}", warning.message)?,
            }
        }
        let statement = match record.and_then(|statement| new::validated(&statement)) {
            Ok(mut statement) => {
                directory.apply(std::iter::once(&mut statement.speakers));
                statement
            }
            Err(reason) => {
                report_refusal(io, &name, &reason, origin.is_some(), &mut summary)?;
                refused += 1;
                continue;
            }
        };
        match place(statement, &archive, &mut taken) {
            Ok((Outcome::Duplicate(existing), _)) => {
                writeln!(
                    io.err,
                    "{name}: skipped: already in the archive as {existing}"
                )?;
                if let Some((site, post)) = origin {
                    migrations[site].posts[post].placed = Some(existing);
                }
                skipped += 1;
            }
            Ok((Outcome::Imported(path), statement)) => {
                if let Some((site, post)) = origin {
                    migrations[site].posts[post].placed = Some(path.clone());
                }
                archive.statements.push(statement.clone());
                placed.push((name, path, statement, origin));
            }
            Err(reason) => {
                writeln!(io.err, "{name}: refused: {reason:#}")?;
                refused += 1;
            }
        }
    }
    let mut links: Vec<Links<'_>> = migrations
        .iter()
        .map(|migration| Links::new(migration, root, args.dry_run))
        .collect();
    // Old URLs already recorded before this run, and those claimed in it.
    let mut claimed: HashSet<String> = existing_aliases;
    for (name, path, mut statement, origin) in placed {
        if let Some((site, post)) = origin {
            links[site].rewrite(&mut statement, post, &mut summary);
            let migration = &migrations[site];
            migration.set_keys(&mut statement, post, &mut claimed, &archive, &mut summary);
            statement = match new::validated(&statement) {
                Ok(valid) => Statement {
                    path: path.clone(),
                    ..valid
                },
                Err(reason) => {
                    report_refusal(io, &name, &reason, true, &mut summary)?;
                    refused += 1;
                    continue;
                }
            };
        }
        if args.dry_run {
            writeln!(io.err, "{name}: would write {path}")?;
            write!(io.out, "{}", statement::write::to_markdown(&statement))?;
        } else {
            let written = archive::write_new(root, &statement)?;
            writeln!(io.out, "{written}")?;
            if args.review && edit::open_and_check(root, &written, io)? != Exit::Success {
                exit = Exit::Problems;
            }
        }
        imported += 1;
    }
    drop(links);
    let offset = file_options.offset.to_string();
    summary.print(io, &offset)?;
    if args.files.len() > 1 || args.feed || args.from.is_some() {
        let verb = if args.dry_run {
            "would import"
        } else {
            "imported"
        };
        writeln!(
            io.err,
            "{verb} {imported}, skipped {skipped} duplicates, refused {refused}, could not read {unreadable}"
        )?;
    }
    Ok(if unreadable > 0 {
        Exit::Usage
    } else if refused > 0 {
        Exit::Problems
    } else {
        exit
    })
}

/// Prints why an input was refused; a site's post is counted by cause in the summary.
fn report_refusal(
    io: &mut Io<'_>,
    name: &str,
    reason: &anyhow::Error,
    site_post: bool,
    summary: &mut SiteReport,
) -> anyhow::Result<()> {
    if site_post {
        let text = match crate::diagnostic::located(reason) {
            Some(located) => located.message.clone(),
            None => format!("{reason:#}"),
        };
        let cause = text.split([':', ';']).next().unwrap_or(&text).trim();
        summary.refused.add(cause, 1);
    }
    report(io, name, "refused", reason)
}

/// Prints why the input `name` was not imported: `NAME: VERB: reason`, or the located diagnostic
/// alone (`path:line:col: error: …` with its `help:`) when the reason is one, since it names the
/// file and says what it is.
fn report(io: &mut Io<'_>, name: &str, verb: &str, error: &anyhow::Error) -> anyhow::Result<()> {
    match crate::diagnostic::located(error) {
        Some(located) => io.diagnostics([located]),
        None => Ok(writeln!(io.err, "{name}: {verb}: {error:#}")?),
    }
}

/// Gives the statement a free slug, or finds the statement it duplicates.
fn place(
    statement: Statement,
    archive: &Archive,
    taken: &mut HashSet<Slug>,
) -> anyhow::Result<(Outcome, Statement)> {
    // A migrated post is known by its permalink (its first old URL); other records by source, or day and title (in
    // one language: a translation may keep its original's title).
    if let Some(existing) = archive.statements.iter().find(|s| {
        (statement.source.is_some() && s.source == statement.source)
            || statement
                .aliases
                .first()
                .is_some_and(|a| s.aliases.contains(a))
            || ((s.aliases.is_empty() || statement.aliases.is_empty())
                && s.day() == statement.day()
                && s.title.trim() == statement.title.trim()
                && s.lang == statement.lang)
    }) {
        return Ok((Outcome::Duplicate(existing.path.clone()), statement));
    }
    let base = statement.slug.clone();
    let slug = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                base.with_suffix(n)
            }
        })
        .find(|slug| !taken.contains(slug))
        .context("no free slug")?;
    taken.insert(slug.clone());
    let statement = Statement { slug, ..statement };
    let path = statement.conventional_path();
    Ok((
        Outcome::Imported(path.clone()),
        Statement { path, ..statement },
    ))
}

/// What the options give besides the text: `--speaker`s, `--date`, and the organisations.
type Given<'a> = (&'a [SpeakerArg], Option<NaiveDate>, &'a Organizations);

/// The statement record for one input, or why there cannot be one; fields it guessed go to
/// `warnings`.
fn record(
    file: &Path,
    text: &str,
    args: &ImportArgs,
    (speakers, date, organizations): Given<'_>,
    files: (&mut SiteReport, &crate::import::site::SiteOptions),
    warnings: &mut Vec<Warning>,
) -> anyhow::Result<Statement> {
    match extraction(file, text, args) {
        Some(extracted) => {
            let found = Found {
                extracted,
                published: None,
                source: None,
                topics: Vec::new(),
            };
            to_statement(found, args, speakers, date, organizations, warnings)
        }
        None => {
            let (report, options) = files;
            post_statement(file, text, options, args, speakers, report)
        }
    }
}

/// The extraction of one input, or `None` for a statement file (a `.md` file with front
/// matter), which is mapped like a site's post instead.
fn extraction(file: &Path, text: &str, args: &ImportArgs) -> Option<Extracted> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let extension = extension.as_deref();
    let start = text.trim_start();
    if matches!(extension, Some("md" | "markdown"))
        && (start.starts_with("---\n") || start.starts_with("+++\n"))
    {
        return None;
    }
    let head = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    let html = matches!(extension, Some("html" | "htm"))
        || (file.as_os_str() == "-" && args.html)
        || head.starts_with("<!doctype html")
        || head.starts_with("<html");
    let markdown = html || matches!(extension, Some("md" | "markdown"));
    let text = if html {
        import::html_to_markdown(text)
    } else {
        text.to_owned()
    };
    // With --title, the text's first line is its title only when it says the same.
    let title_line = args.title.as_deref().is_none_or(|title| {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|first| first.trim().trim_start_matches('#').trim() == title.trim())
    });
    Some(import::extract_with(
        &text,
        Options {
            markdown,
            title_line,
        },
    ))
}

/// Maps what was found, and the options, onto a statement record. Options override the text;
/// a feed item's own date wins over `--date`, which then only fills in.
fn to_statement(
    found: Found,
    args: &ImportArgs,
    speakers: &[SpeakerArg],
    date: Option<NaiveDate>,
    organizations: &Organizations,
    warnings: &mut Vec<Warning>,
) -> anyhow::Result<Statement> {
    let Found {
        extracted,
        published,
        source,
        topics: found_topics,
    } = found;
    let title = args
        .title
        .clone()
        .or(extracted.title.clone())
        .filter(|t| !t.trim().is_empty());
    let speakers: Vec<Speaker> = if !speakers.is_empty() {
        given_speakers(speakers)
    } else if !extracted.speakers.is_empty() {
        for (speaker, origin) in extracted.speakers.iter().zip(&extracted.origins.speakers) {
            if let Some(guess) = &origin.guess {
                warnings.push(Warning {
                    line: Some(origin.attribution.line),
                    message: format!("speaker {}: {guess}", speaker.name),
                });
            }
        }
        extracted
            .speakers
            .into_iter()
            .map(|s| Speaker {
                name: Some(s.name),
                role: s.role,
                organization: s.organization,
            })
            .collect()
    } else {
        organization_speaker(&extracted, organizations, warnings)
            .into_iter()
            .collect()
    };
    let published = published
        .or(date.map(Published::Date))
        .or(extracted.date.map(Published::Date));
    let topics = Topic::distinct(args.topics.iter().chain(&found_topics));
    let mut missing = Vec::new();
    if title.is_none() {
        missing.push("a title (give --title TITLE)");
    }
    if speakers.is_empty() {
        missing.push(
            "a speaker: no attribution found and no organisation named (give --speaker NAME, with --role and --org; or --org ORG alone, or `organization` in press.toml, when the organisation speaks)",
        );
    }
    if published.is_none() {
        missing.push("a date: no dateline found (give --date YYYY-MM-DD)");
    }
    if topics.is_empty() {
        missing.push(
            "topics: they never come from the text (give --topic TOPIC, repeatable, or import a feed with categories)",
        );
    }
    if extracted.body.trim().is_empty() {
        missing.push("the statement text: nothing after the title");
    }
    let (Some(title), Some(published), true) = (title, published, missing.is_empty()) else {
        bail!("missing {}", missing.join("; "));
    };
    let location = args
        .location
        .clone()
        .or(extracted.location)
        .or_else(|| import::title_location(&title));
    Ok(Statement {
        path: String::new(),
        slug: slug::slugify(&title),
        slug_given: false,
        title,
        published,
        speakers,
        topics,
        location,
        background: extracted.background,
        contact: extracted.contact,
        body: extracted.body,
        source: args.source.clone().or(source),
        summary: None,
        lang: "en".to_owned(),
        lang_given: false,
        translation_of: None,
        draft: false,
        embargo: None,
        aliases: Vec::new(),
        corrections: Vec::new(),
        withdrawn: None,
        extra: Vec::new(),
        body_line: 1,
    })
}

/// With no person quoted, the organisation speaks: the one the text names as issuing the
/// statement, else `--org`, else `organization` in `press.toml`. A guess from the text or the
/// settings is said as a warning.
fn organization_speaker(
    extracted: &Extracted,
    organizations: &Organizations,
    warnings: &mut Vec<Warning>,
) -> Option<Speaker> {
    let organization = if let Some(org) = &organizations.given {
        org.clone()
    } else if let Some(org) = &extracted.organization {
        let line = extracted.origins.organization.as_ref().map(|o| o.line);
        warnings.push(Warning {
            line,
            message: format!(
                "speaker: no person is quoted, so {org}, which the text names as issuing the statement, is the speaker (give --speaker NAME if a person speaks)"
            ),
        });
        org.clone()
    } else {
        let org = organizations.configured.clone()?;
        warnings.push(Warning {
            line: None,
            message: format!(
                "speaker: no person is quoted and the text names no organisation, so {org} (`organization` in press.toml) is the speaker (give --org ORG or --speaker NAME)"
            ),
        });
        org
    };
    Some(Speaker {
        name: None,
        role: None,
        organization: Some(organization),
    })
}

/// The speakers `--speaker` (each with its `--role` and `--org`) gives.
fn given_speakers(speakers: &[SpeakerArg]) -> Vec<Speaker> {
    speakers
        .iter()
        .map(|(name, role, organization)| Speaker {
            name: Some(name.clone()),
            role: role.clone(),
            organization: organization.clone(),
        })
        .collect()
}
