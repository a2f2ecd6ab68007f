//! `press export --data`: the bulk downloads of a site, `data/press.sqlite` (the database of
//! [`super::build`]) and `data/statements.jsonl` (one record per line, as `press list --format
//! jsonl` prints them), both of the published statements and byte-for-byte deterministic.

use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::catalog::Catalog;
use crate::render::record::Record;
use crate::render::site::Sink;
use crate::statement::Summary;

/// Where the database goes in the site.
pub const DATABASE: &str = "data/press.sqlite";

/// Where the JSON Lines go in the site.
pub const JSON_LINES: &str = "data/statements.jsonl";

/// How many statements are read at once for the JSON Lines.
const BATCH: usize = 256;

/// Writes both files of `statements` (the published ones, newest first) into `sink`, each made
/// in a new file of the output's file system and streamed to it, so that memory stays bounded
/// at any size of archive.
pub fn data_files(
    catalog: &Catalog,
    statements: &[&Summary],
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let meta = [("drafts", "excluded"), ("embargoed", "excluded")];
    sink.put_made(DATABASE.to_owned(), &mut |path| {
        super::write(path, catalog, statements, &meta).map(drop)
    })?;
    sink.put_made(JSON_LINES.to_owned(), &mut |path| {
        json_lines(path, catalog, statements)
    })
}

/// Writes the JSON Lines at `path`, a batch of records at a time.
fn json_lines(path: &Path, catalog: &Catalog, statements: &[&Summary]) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for batch in statements.chunks(BATCH) {
        let records: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|summary| {
                let statement = catalog.statement(summary).map_err(|_| {
                    anyhow::anyhow!("{} changed while it was being read", summary.path)
                })?;
                let mut line = serde_json::to_vec(&Record::new(&statement, &catalog.directory))?;
                line.push(b'\n');
                Ok(line)
            })
            .collect::<anyhow::Result<_>>()?;
        for line in records {
            out.write_all(&line)?;
        }
    }
    out.into_inner()
        .map_err(|err| err.into_error())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
