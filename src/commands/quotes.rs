//! `press quotes`: the quoted passages of the selected statements, newest first, with who said
//! them (see [`crate::quotes`]). Who said what comes from the cache's page texts, so a warm run
//! reads only the files whose quotes it prints ([`crate::quotes::stored`]).

use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use super::{Io, Now};
use crate::Exit;
use crate::catalog::{self, Catalog};
use crate::cli::{QuotesArgs, QuotesFormat};
use crate::query::{self, Edge, Query, fold, starts_a_word};
use crate::quotes::{Attribution, Quote, Said, stored};
use crate::render::terminal;
use crate::statement::{Header as _, Summary};

/// One quote as `--format json` and `csv` give it.
#[derive(Debug, serde::Serialize)]
struct Record<'a> {
    speaker: Option<&'a str>,
    attributed: Option<Attribution>,
    text: &'a str,
    date: String,
    slug: &'a str,
    title: &'a str,
    path: &'a str,
    line: usize,
}

/// Runs `press quotes`.
pub(crate) fn run(
    args: &QuotesArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let query = build_query(args, now)?;
    // With who said each passage, in the page texts.
    let options = catalog::Options {
        cache,
        words: &query.words,
        excerpts: false,
        quotes: true,
    };
    // Left to the process's end, as the other commands leave theirs (see `commands::catalog`).
    let catalog = std::mem::ManuallyDrop::new(
        Catalog::load(root, options)
            .with_context(|| format!("cannot load the archive at {}", root.display()))?,
    );
    io.skipped_files(&catalog.diagnostics)?;
    let selected = query.select_with(&catalog.summaries, |s| catalog.matches_text(s));
    let speaker = args.speaker.as_deref().map(fold);
    let said_by = |said: &Said| {
        speaker.as_ref().is_none_or(|s| {
            said.speaker
                .as_deref()
                .is_some_and(|name| fold(name).contains(s.as_str()))
        })
    };
    let has_words = |quote: &Quote| {
        query.words.is_empty() || {
            let text = fold(&quote.text);
            query.words.iter().all(|w| starts_a_word(&text, w))
        }
    };
    let texts = catalog.texts.as_ref();
    let found: Vec<(&Summary, Vec<Quote>)> = selected
        .par_iter()
        .map(|summary| {
            let mut kept = stored::find(root, summary, texts, said_by)?;
            kept.retain(has_words);
            Ok((*summary, kept))
        })
        .collect::<anyhow::Result<_>>()?;
    let records = found.iter().flat_map(|(summary, quotes)| {
        quotes.iter().map(|quote| Record {
            speaker: quote.speaker.as_deref(),
            attributed: quote.attributed,
            text: &quote.text,
            date: summary.day().format("%Y-%m-%d").to_string(),
            slug: summary.slug.as_str(),
            title: &summary.title,
            path: &summary.path,
            line: quote.line,
        })
    });
    match args.format {
        QuotesFormat::Table => {
            let rows: Vec<Vec<String>> = records
                .map(|r| {
                    vec![
                        r.date,
                        r.speaker.unwrap_or("").to_owned(),
                        r.slug.to_owned(),
                        r.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                // The quote last: a column is padded to its widest cell, and a long quote
                // would pad every line of the table to its length.
                let header = ["date", "speaker", "statement", "quote"];
                let width = io.table_width();
                terminal::rows_table(&mut *io.out, &header, rows, width)?;
            }
        }
        QuotesFormat::Json => {
            let records: Vec<Record<'_>> = records.collect();
            serde_json::to_writer_pretty(&mut *io.out, &records)?;
            writeln!(io.out)?;
        }
        QuotesFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *io.out);
            csv.write_record([
                "date",
                "speaker",
                "attributed",
                "quote",
                "slug",
                "title",
                "path",
                "line",
            ])?;
            for r in records {
                csv.write_record([
                    r.date.as_str(),
                    r.speaker.unwrap_or(""),
                    r.attributed.map_or("", Attribution::as_str),
                    r.text,
                    r.slug,
                    r.title,
                    r.path,
                    &r.line.to_string(),
                ])?;
            }
            csv.flush()?;
        }
    }
    Ok(Exit::Success)
}

/// The statements to search: topics, dates and the words (through the word index), newest
/// first; a malformed date is a usage error.
fn build_query(args: &QuotesArgs, now: Now) -> anyhow::Result<Query> {
    let mut query = Query::all(now);
    query.topics = args.topics.iter().map(|t| crate::slug::key(t)).collect();
    let bound = |date: Option<&str>, edge, flag| {
        date.map(|d| query::parse_bound(d, edge))
            .transpose()
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("invalid {flag}"))
    };
    query.since = bound(args.since.as_deref(), Edge::Start, "--since")?;
    query.until = bound(args.until.as_deref(), Edge::End, "--until")?;
    if let Some(text) = &args.text {
        query = query.with_text(text);
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use crate::Exit;
    use crate::commands::in_process::{Ran, archive, press};

    #[test]
    fn a_quote_over_two_paragraphs_and_wrapped_lines_is_one_row_of_the_table() -> anyhow::Result<()>
    {
        let root = archive(&[(
            "statements/2026/2026-01-27-t.md",
            "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: [\"Jane Roe\", \"John Smith\"]\ntopics: [a]\n---\n\
             Reacting to the reports, Jane Roe, Director at Foo Watch, said:\n\n\
             “The reports are\ndeeply concerning.\n\n\
             “They must be investigated.”\n",
        )])?;
        assert_eq!(
            press(root.path(), &["quotes"]),
            Ran {
                exit: Exit::Success,
                out: "DATE        SPEAKER   STATEMENT  QUOTE\n\
                      2026-01-27  Jane Roe  t          The reports are deeply concerning. They must be investigated.\n"
                    .to_owned(),
                err: String::new(),
            }
        );
        Ok(())
    }
}
