//! `press new`: a new statement file from options, prompting on a terminal for what is missing.
//!
//! The record is built, written with [`crate::statement::write::to_markdown`], parsed back (so
//! anything invalid, such as a bad `--source`, is refused before a file exists), checked against
//! the archive's slugs, then written with no-clobber semantics by [`archive::write_new`].

use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

use super::{Io, edit, load, new_translation};
use crate::Exit;
use crate::archive;
use crate::cli::NewArgs;
use crate::slug::{self, Slug};
use crate::statement::{self, Published, Speaker, Statement, Topic};

/// Runs `press new`.
pub(crate) fn run(
    args: &NewArgs,
    matches: &clap::ArgMatches,
    root: &Path,
    now: Option<super::Now>,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let sub = matches.subcommand().map_or(matches, |(_, sub)| sub);
    let mut speakers: Vec<Speaker> = args
        .speakers
        .in_order(sub)
        .map_err(anyhow::Error::msg)?
        .into_iter()
        .map(|(name, role, organization)| Speaker {
            name: Some(name),
            role,
            organization,
        })
        .collect();
    // `--org ORG` alone: the organisation speaks.
    if let Some(org) = args
        .speakers
        .organization_alone()
        .map_err(anyhow::Error::msg)?
    {
        speakers.push(Speaker {
            name: None,
            role: None,
            organization: Some(org.to_owned()),
        });
    }
    let mut title = args.title.clone();
    let mut topics = args.topics.clone();
    // A translation starts from its original's speakers and topics (unless given).
    let language = match &args.translation_of {
        Some(_) => crate::config::Config::load(root)?.language().to_owned(),
        None => String::new(),
    };
    let before = args
        .translation_of
        .as_ref()
        .map(|_| load(root))
        .transpose()?;
    let lang = args.lang.as_deref().unwrap_or_default();
    let original = match (&before, &args.translation_of) {
        (Some(archive), Some(slug)) => {
            Some(new_translation::original(archive, slug, lang, &language)?)
        }
        _ => None,
    };
    if let Some(original) = original {
        if speakers.is_empty() {
            speakers.clone_from(&original.speakers);
        }
        if topics.is_empty() {
            topics = original.topics.iter().map(|t| t.name.clone()).collect();
        }
    }
    let interactive = std::io::stdin().is_terminal()
        && args.body_file.as_deref() != Some(Path::new("-"))
        && args.background_file.as_deref() != Some(Path::new("-"));
    if interactive {
        prompt_missing(&mut title, &mut speakers, &mut topics, io)?;
    }
    let missing: Vec<&str> = [
        (title.is_none(), "--title"),
        (speakers.is_empty(), "--speaker"),
        (topics.is_empty(), "--topic"),
    ]
    .into_iter()
    .filter(|(m, _)| *m)
    .map(|(_, f)| f)
    .collect();
    if !missing.is_empty() {
        bail!(
            "missing {}: pass them as options, or run on a terminal to be asked",
            missing.join(", ")
        );
    }
    let title = title.unwrap_or_default();
    let mut statement = build(args, title, speakers, &topics, now)?;
    if let Some(original) = original {
        let adopted = new_translation::adopt(
            statement,
            original,
            args.date.is_some(),
            args.location.is_some(),
        );
        statement = validated(&adopted)?;
    }
    // Held until the file is written: another `new` waits, then sees this slug taken.
    let lock = archive::WriteLock::acquire(root)?;
    let archive = load(root)?;
    if let Some(slug) = &args.translation_of {
        // Again under the lock: another translation into this language may have come since.
        new_translation::original(&archive, slug, lang, &language)?;
    }
    if let Some(existing) = archive.find(statement.slug.as_str()) {
        bail!(
            "the slug `{}` is taken by {}; choose another with --slug",
            statement.slug,
            existing.path
        );
    }
    let written = archive::write_new(root, &statement)?;
    // Not held while an editor is open.
    drop(lock);
    writeln!(io.out, "{written}")?;
    if args.edit {
        return edit::open_and_check(root, &written, io);
    }
    Ok(Exit::Success)
}

/// Builds the statement and validates it by writing and re-reading it, as it will be stored.
fn build(
    args: &NewArgs,
    title: String,
    speakers: Vec<Speaker>,
    topics: &[String],
    now: Option<super::Now>,
) -> anyhow::Result<Statement> {
    if args.body_file.as_deref() == Some(Path::new("-"))
        && args.background_file.as_deref() == Some(Path::new("-"))
    {
        bail!("only one of --body-file and --background-file can read standard input");
    }
    let day = match &args.date {
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .with_context(|| format!("invalid --date {text:?}: use YYYY-MM-DD"))?,
        None => now.map_or_else(|| chrono::Local::now().date_naive(), |n| n.date_naive()),
    };
    let slug = match &args.slug {
        Some(text) => Slug::parse(text).with_context(|| format!("invalid --slug {text:?}: use lowercase ASCII letters, digits and single hyphens, e.g. \"{}\"", slug::slugify(text)))?,
        None => slug::slugify(&title),
    };
    let embargo = args
        .embargo
        .as_deref()
        .map(|e| chrono::DateTime::parse_from_rfc3339(e).with_context(|| format!("invalid --embargo {e:?}: use RFC 3339 with an offset, e.g. 2026-01-27T09:00:00+01:00")))
        .transpose()?;
    let statement = Statement {
        path: String::new(),
        slug_given: args.slug.is_some(),
        slug,
        title,
        published: Published::Date(day),
        speakers,
        topics: Topic::distinct(topics),
        location: args.location.clone(),
        background: args
            .background_file
            .as_deref()
            .map(read_text)
            .transpose()?
            .filter(|t| !t.trim().is_empty()),
        contact: None,
        body: args
            .body_file
            .as_deref()
            .map(read_text)
            .transpose()?
            .unwrap_or_default(),
        source: args.source.clone(),
        summary: args.summary.clone(),
        lang: args.lang.clone().unwrap_or_else(|| "en".to_owned()),
        lang_given: args.lang.is_some(),
        translation_of: None,
        draft: args.draft,
        embargo,
        aliases: Vec::new(),
        corrections: Vec::new(),
        withdrawn: None,
        extra: Vec::new(),
        body_line: 1,
    };
    validated(&statement)
}

/// Writes the statement as it will be stored and parses it back: the valid record, or an error
/// listing every problem (`new` and `import` both refuse invalid records before a file exists).
pub(super) fn validated(statement: &Statement) -> anyhow::Result<Statement> {
    let path = statement.conventional_path();
    let parsed = statement::parse(&path, statement::write::to_markdown(statement).as_bytes());
    match parsed.statement {
        Some(valid) => Ok(valid),
        None => {
            let problems: Vec<String> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.clone())
                .collect();
            bail!(
                "the new statement would not be valid: {}",
                problems.join("; ")
            )
        }
    }
}

/// Reads a text option's file (`-` is stdin), as UTF-8 with LF line endings.
pub(super) fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let name = if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        PathBuf::from(path).display().to_string()
    };
    // The located diagnostic itself, so that it is printed as `path:line:col: error: …`.
    let text = statement::parse::decode(&name, &bytes).map_err(anyhow::Error::new)?;
    Ok(text.trim_matches('\n').to_owned())
}

/// Asks on the terminal for the title, speakers and topics not given as options.
fn prompt_missing(
    title: &mut Option<String>,
    speakers: &mut Vec<Speaker>,
    topics: &mut Vec<String>,
    io: &mut Io<'_>,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut ask = |question: &str, io: &mut Io<'_>| -> anyhow::Result<String> {
        write!(io.err, "{question}: ")?;
        io.err.flush()?;
        let line = lines
            .next()
            .context("no answer: standard input ended")?
            .context("cannot read the answer")?;
        Ok(line.trim().to_owned())
    };
    while title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        *title = Some(ask("Title", io)?);
    }
    if speakers.is_empty() {
        loop {
            let name = ask("Speaker name", io)?;
            if !name.is_empty() {
                let role = ask("Role (optional)", io)?;
                let organization = ask("Organization (optional)", io)?;
                speakers.push(Speaker {
                    name: Some(name),
                    role: Some(role).filter(|r| !r.is_empty()),
                    organization: Some(organization).filter(|o| !o.is_empty()),
                });
                break;
            }
        }
    }
    while topics.is_empty() {
        let answer = ask("Topics (comma-separated)", io)?;
        topics.extend(
            answer
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests;
