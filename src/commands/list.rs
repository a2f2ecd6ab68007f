//! `press list`: filter, sort and print statements.

use std::path::Path;

use anyhow::Context as _;

use rayon::prelude::*;

use super::{Io, Now, catalog};
use crate::Exit;
use crate::catalog::Catalog;
use crate::cli::{ListArgs, ListFormat, SortKey};
use crate::query::{self, Edge, Languages, Query, Sort};
use crate::render::{record::Record, terminal};
use crate::statement::{Header, Statement, Summary};

/// How many files `--format json/jsonl` parses at once: bodies are read only for the selection,
/// a batch at a time, so memory stays flat however many statements match.
const BATCH: usize = 256;

/// Runs `press list`.
pub(crate) fn run(
    args: &ListArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let mut query = build_query(args, now)?;
    crate::vocabulary::widen(root, &mut query.topics, &mut query.narrower)?;
    if let Some(tag) = &args.lang {
        query.languages = Languages::In {
            tag: language_tag(tag)?,
            archive: crate::config::Config::load(root)?.language().to_owned(),
        };
    }
    let catalog = catalog(root, cache, &query.words)?;
    io.skipped_files(&catalog.diagnostics)?;
    if let Some(wanted) = &query.speaker {
        query.speaker_names = catalog.directory.names_with_alias_containing(wanted);
    }
    let selected = query.select_with(&catalog.summaries, |s| catalog.matches_text(s));
    if args.count {
        writeln!(io.out, "{}", selected.len())?;
        return Ok(Exit::Success);
    }
    if super::cite::list(args.format, root, &catalog, &selected, io)? {
        return Ok(Exit::Success);
    }
    match args.format {
        ListFormat::Table => {
            if !selected.is_empty() {
                let width = io.table_width();
                terminal::statements_table(&mut *io.out, &selected, width)?;
            }
        }
        ListFormat::Json => {
            use serde::ser::{SerializeSeq, Serializer as _};
            let mut json = serde_json::Serializer::pretty(&mut *io.out);
            let mut seq = json.serialize_seq(Some(selected.len()))?;
            for batch in selected.chunks(BATCH) {
                for statement in read_batch(&catalog, batch)? {
                    seq.serialize_element(&Record::new(&statement, &catalog.directory))?;
                }
            }
            seq.end()?;
            writeln!(io.out)?;
        }
        ListFormat::Jsonl => {
            for batch in selected.chunks(BATCH) {
                for statement in read_batch(&catalog, batch)? {
                    serde_json::to_writer(
                        &mut *io.out,
                        &Record::new(&statement, &catalog.directory),
                    )?;
                    writeln!(io.out)?;
                }
            }
        }
        ListFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *io.out);
            csv.write_record([
                "date", "slug", "title", "speakers", "topics", "location", "path",
            ])?;
            for s in &selected {
                let speakers: Vec<&str> = s.speakers.iter().map(|p| p.label()).collect();
                let topics: Vec<&str> = s.topics.iter().map(|t| t.name.as_str()).collect();
                let day = s.day().format("%Y-%m-%d").to_string();
                csv.write_record([
                    &day,
                    s.slug.as_str(),
                    &s.title,
                    &speakers.join("; "),
                    &topics.join("; "),
                    s.location.as_deref().unwrap_or(""),
                    &s.path,
                ])?;
            }
            csv.flush()?;
        }
        ListFormat::Paths => {
            for s in &selected {
                writeln!(io.out, "{}", s.path)?;
            }
        }
        // Written by `cite::list` above.
        ListFormat::Bibtex | ListFormat::CslJson | ListFormat::Ris => {}
    }
    Ok(Exit::Success)
}

/// Reads the full statements of a batch of summaries, in parallel, in order. A file that no
/// longer parses (it changed since it was listed) is an error.
fn read_batch(catalog: &Catalog, batch: &[&Summary]) -> anyhow::Result<Vec<Statement>> {
    batch
        .par_iter()
        .map(|summary| {
            catalog
                .statement(summary)
                .map_err(|_| anyhow::anyhow!("{} changed while it was being read", summary.path))
        })
        .collect()
}

/// A `--lang` value: a BCP 47 tag, else a usage error.
pub(super) fn language_tag(tag: &str) -> anyhow::Result<String> {
    if crate::statement::parse::is_language_tag(tag) {
        Ok(tag.to_owned())
    } else {
        anyhow::bail!("invalid --lang {tag:?}: give a BCP 47 language tag, e.g. es or pt-BR")
    }
}

/// Turns the command line into a [`Query`]; a malformed date is a usage error.
fn build_query(args: &ListArgs, now: Now) -> anyhow::Result<Query> {
    let mut query = Query::all(now);
    query.topics = args.topics.iter().map(|t| crate::slug::key(t)).collect();
    query.speaker = args.speaker.as_deref().map(query::fold);
    query.location = args.location.as_deref().map(crate::slug::key);
    query.since = args
        .since
        .as_deref()
        .map(|d| query::parse_bound(d, Edge::Start))
        .transpose()
        .map_err(anyhow::Error::msg)
        .context("invalid --since")?;
    query.until = args
        .until
        .as_deref()
        .map(|d| query::parse_bound(d, Edge::End))
        .transpose()
        .map_err(anyhow::Error::msg)
        .context("invalid --until")?;
    if let Some(year) = args.year {
        let (first, last) =
            query::year_bounds(year).with_context(|| format!("invalid --year {year}"))?;
        query.since = Some(query.since.map_or(first, |d| d.max(first)));
        query.until = Some(query.until.map_or(last, |d| d.min(last)));
    }
    if let Some(text) = &args.text {
        query = query.with_text(text);
    }
    query.drafts = args.drafts;
    query.include_embargoed = args.include_embargoed;
    query.corrected = args.corrected;
    query.withdrawn = args.withdrawn;
    query.sort = match args.sort {
        SortKey::Date => Sort::Date,
        SortKey::Title => Sort::Title,
    };
    query.reverse = args.reverse;
    query.limit = args.limit;
    Ok(query)
}
