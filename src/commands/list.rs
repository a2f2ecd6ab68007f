//! `press list`: filter, sort and print statements.

use std::path::Path;

use anyhow::Context as _;

use super::{Io, Now, load};
use crate::Exit;
use crate::cli::{ListArgs, ListFormat, SortKey};
use crate::query::{self, Edge, Query, Sort};
use crate::render::{record::Record, terminal};

/// Runs `press list`.
pub(crate) fn run(args: &ListArgs, root: &Path, now: Now, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let query = build_query(args, now)?;
    let archive = load(root)?;
    io.skipped_files(&archive)?;
    let selected = query.select(&archive.statements);
    if args.count {
        writeln!(io.out, "{}", selected.len())?;
        return Ok(Exit::Success);
    }
    match args.format {
        ListFormat::Table => {
            if !selected.is_empty() {
                io.out.write_all(
                    terminal::statements_table(&selected, io.table_width()).as_bytes(),
                )?;
            }
        }
        ListFormat::Json => {
            let records: Vec<Record<'_>> = selected.iter().map(|s| Record::new(s)).collect();
            serde_json::to_writer_pretty(&mut *io.out, &records)?;
            writeln!(io.out)?;
        }
        ListFormat::Jsonl => {
            for statement in &selected {
                serde_json::to_writer(&mut *io.out, &Record::new(statement))?;
                writeln!(io.out)?;
            }
        }
        ListFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *io.out);
            csv.write_record([
                "date", "slug", "title", "speakers", "topics", "location", "path",
            ])?;
            for s in &selected {
                let speakers: Vec<&str> = s.speakers.iter().map(|p| p.name.as_str()).collect();
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
    }
    Ok(Exit::Success)
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
    query.sort = match args.sort {
        SortKey::Date => Sort::Date,
        SortKey::Title => Sort::Title,
    };
    query.reverse = args.reverse;
    query.limit = args.limit;
    Ok(query)
}
