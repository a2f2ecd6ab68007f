//! `press cite SLUG…`, and the citation formats of `press list` (`bibtex`, `csl-json`, `ris`).

use std::collections::HashSet;
use std::path::Path;

use super::{Io, catalog, no_such_statement};
use crate::Exit;
use crate::catalog::Catalog;
use crate::cite::{self, Citation, Keys, Style};
use crate::cli::{CiteArgs, CiteFormat, ListFormat};
use crate::config::Config;
use crate::render::html::{pretty, statement_path};
use crate::statement::{Statement, Summary};

/// How many statements a list's citations are made from at once (their bodies give the
/// abstracts): memory stays flat however many match.
const BATCH: usize = 256;

/// Runs `press cite`.
pub(crate) fn run(
    args: &CiteArgs,
    root: &Path,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let catalog = catalog(root, cache, &[])?;
    io.skipped_files(&catalog.diagnostics)?;
    let mut chosen: Vec<&Summary> = Vec::new();
    let mut seen = HashSet::new();
    for slug in &args.slugs {
        let Some(summary) = catalog.find(slug) else {
            let slugs: Vec<&str> = catalog.summaries.iter().map(|s| s.slug.as_str()).collect();
            return no_such_statement(slug, &slugs, io);
        };
        if seen.insert(slug.as_str()) {
            chosen.push(summary);
        }
    }
    let config = Config::load(root)?;
    let citer = Citer::new(&catalog, &config);
    let citations = citer.cite(&catalog, &chosen)?;
    let text = match args.format {
        CiteFormat::Apa => styled(Style::Apa, &citations)?,
        CiteFormat::Chicago => styled(Style::Chicago, &citations)?,
        CiteFormat::Mla => styled(Style::Mla, &citations)?,
        CiteFormat::Bibtex => cite::to_bibtex(&citations)?,
        CiteFormat::Biblatex => cite::to_biblatex(&citations),
        CiteFormat::CslJson => cite::to_csl_json(&citations)?,
        CiteFormat::Ris => cite::to_ris(&citations),
    };
    io.out.write_all(text.as_bytes())?;
    Ok(Exit::Success)
}

/// Reference-list entries, one a line.
fn styled(style: Style, citations: &[Citation]) -> anyhow::Result<String> {
    Ok(style
        .render(citations)?
        .into_iter()
        .map(|entry| entry + "\n")
        .collect())
}

/// Writes the citations of `selected` for `press list --format bibtex|csl-json|ris`, a batch at
/// a time; false for a format that is not a citation format.
pub(crate) fn list(
    format: ListFormat,
    root: &Path,
    catalog: &Catalog,
    selected: &[&Summary],
    io: &mut Io<'_>,
) -> anyhow::Result<bool> {
    if !matches!(
        format,
        ListFormat::Bibtex | ListFormat::CslJson | ListFormat::Ris
    ) {
        return Ok(false);
    }
    let config = Config::load(root)?;
    let citer = Citer::new(catalog, &config);
    if format == ListFormat::CslJson {
        io.out.write_all(b"[")?;
    }
    for (n, batch) in selected.chunks(BATCH).enumerate() {
        let citations = citer.cite(catalog, batch)?;
        match format {
            ListFormat::Bibtex => io.out.write_all(cite::to_bibtex(&citations)?.as_bytes())?,
            ListFormat::Ris => io.out.write_all(cite::to_ris(&citations).as_bytes())?,
            _ => {
                for (i, citation) in citations.iter().enumerate() {
                    if n > 0 || i > 0 {
                        io.out.write_all(b",")?;
                    }
                    io.out.write_all(b"\n")?;
                    serde_json::to_writer(&mut *io.out, &cite::to_csl_value(citation))?;
                }
            }
        }
    }
    if format == ListFormat::CslJson {
        io.out.write_all(if selected.is_empty() {
            b"]\n"
        } else {
            b"\n]\n"
        })?;
    }
    Ok(true)
}

/// What citing a statement needs from the archive: every key, the base URL, the settings.
struct Citer<'c> {
    keys: Keys,
    config: &'c Config,
    base_url: Option<String>,
}

impl<'c> Citer<'c> {
    /// Keys from every statement of the catalog, drafts included.
    fn new(catalog: &Catalog, config: &'c Config) -> Self {
        Self {
            keys: Keys::new(&catalog.summaries, config.organization.as_deref()),
            config,
            base_url: config.base_url(),
        }
    }

    /// The citations of these statements, in order (their files are read for the abstracts).
    fn cite(&self, catalog: &Catalog, summaries: &[&Summary]) -> anyhow::Result<Vec<Citation>> {
        use rayon::prelude::*;
        summaries
            .par_iter()
            .map(|summary| {
                let statement = catalog.statement(summary).map_err(|_| {
                    anyhow::anyhow!("{} changed while it was being read", summary.path)
                })?;
                Ok(self.citation(&statement))
            })
            .collect()
    }

    fn citation(&self, statement: &Statement) -> Citation {
        let key = self
            .keys
            .get(&statement.slug)
            .unwrap_or_default()
            .to_owned();
        let url = match &self.base_url {
            Some(base) => Some(format!("{base}{}", pretty(&statement_path(statement)))),
            None => statement.source.clone(),
        };
        let abstract_text = Summary::excerpt_of(statement);
        Citation::new(
            statement,
            key,
            url,
            Some(&abstract_text),
            cite::Context::of(self.config),
        )
    }
}
