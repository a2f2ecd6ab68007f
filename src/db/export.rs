//! `press export --data`: the bulk downloads of a site, `data/press.sqlite` (the database of
//! [`super::build`]) and `data/statements.jsonl` (one record per line, as `press list --format
//! jsonl` prints them), both of the published statements and byte-for-byte deterministic.

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

/// Renders both files of `statements` (the published ones, newest first) into `sink`.
pub fn data_files(
    catalog: &Catalog,
    statements: &[&Summary],
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let path = scratch.path().join("press.sqlite");
    let meta = [("drafts", "excluded"), ("embargoed", "excluded")];
    super::write(&path, catalog, statements, &meta)?;
    sink.put(DATABASE.to_owned(), None, std::fs::read(&path)?)?;
    drop(scratch);

    let mut lines = Vec::new();
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
        lines.extend(records.concat());
    }
    sink.put(JSON_LINES.to_owned(), None, lines)
}
