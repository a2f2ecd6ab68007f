//! Fills a new database with statements: reading and plain-text conversion run in parallel, a
//! batch at a time, while the previous batch is inserted, so memory stays flat and bodies are
//! never all in memory.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;

use anyhow::Context as _;
use rayon::prelude::*;
use rusqlite::{Connection, Statement as Prepared, params};

use super::{SCHEMA, SCHEMA_VERSION, plain_text};
use crate::catalog::Catalog;
use crate::statement::{Speaker, Statement, Summary};

/// How many statements are read at once.
const BATCH: usize = 512;

/// How many rows of each kind a database received.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Statements.
    pub statements: usize,
    /// Distinct speakers (people).
    pub speakers: usize,
    /// Distinct organisations.
    pub organizations: usize,
    /// Distinct topics.
    pub topics: usize,
}

/// One statement ready to insert, with its plain texts.
struct Row {
    statement: Statement,
    body_text: String,
    background_text: Option<String>,
}

/// Writes a database of `selected` (newest first, as queries give them; ids are given oldest
/// first, from 1) into the new, empty file at `path`, reading each statement's file through
/// `catalog`. `meta` is added to the `meta` table. A file that no longer parses (it changed
/// since it was loaded) is an error.
pub fn write(
    path: &Path,
    catalog: &Catalog,
    selected: &[&Summary],
    meta: &[(&str, &str)],
) -> anyhow::Result<Counts> {
    let mut conn = Connection::open(path)
        .with_context(|| format!("cannot create the database {}", path.display()))?;
    // The file is a temporary one until it is complete: no journal, no syncs (the caller syncs
    // it once before renaming it into place).
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA page_size = 4096; PRAGMA cache_size = -16384; PRAGMA foreign_keys = ON;
         PRAGMA user_version = {SCHEMA_VERSION};"
    ))?;
    let tx = conn.transaction()?;
    tx.execute_batch(SCHEMA)
        .context("cannot create the schema")?;
    {
        let mut insert_meta = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
        let version = SCHEMA_VERSION.to_string();
        let generator = concat!("press ", env!("CARGO_PKG_VERSION"));
        for (key, value) in [
            ("schema_version", version.as_str()),
            ("generator", generator),
        ]
        .into_iter()
        .chain(meta.iter().copied())
        {
            insert_meta.execute(params![key, value])?;
        }
    }
    let counts = std::thread::scope(|scope| -> anyhow::Result<Counts> {
        let (sender, receiver) = mpsc::sync_channel::<anyhow::Result<Vec<Row>>>(2);
        scope.spawn(move || {
            let oldest_first: Vec<&Summary> = selected.iter().rev().copied().collect();
            for batch in oldest_first.chunks(BATCH) {
                let rows = read_batch(catalog, batch);
                let failed = rows.is_err();
                if sender.send(rows).is_err() || failed {
                    return;
                }
            }
        });
        let mut inserter = Inserter::new(&tx)?;
        for rows in receiver {
            for row in rows? {
                inserter.insert(&row)?;
            }
        }
        Ok(inserter.counts)
    })?;
    tx.commit()?;
    conn.close().map_err(|(_, err)| err)?;
    Ok(counts)
}

/// Reads a batch of statements in parallel, in order, with their plain texts.
fn read_batch(catalog: &Catalog, batch: &[&Summary]) -> anyhow::Result<Vec<Row>> {
    batch
        .par_iter()
        .map(|summary| {
            let statement = catalog
                .statement(summary)
                .map_err(|_| anyhow::anyhow!("{} changed while it was being read", summary.path))?;
            let body_text = plain_text(&statement.body);
            let background_text = statement.background.as_deref().map(plain_text);
            Ok(Row {
                statement,
                body_text,
                background_text,
            })
        })
        .collect()
}

/// The prepared statements of one database, and the ids given so far to speakers,
/// organisations and topics (by their grouping key).
struct Inserter<'c> {
    statement: Prepared<'c>,
    fts: Prepared<'c>,
    speaker: Prepared<'c>,
    organization: Prepared<'c>,
    topic: Prepared<'c>,
    statement_speaker: Prepared<'c>,
    statement_topic: Prepared<'c>,
    alias: Prepared<'c>,
    speakers: HashMap<String, i64>,
    organizations: HashMap<String, i64>,
    topics: HashMap<String, i64>,
    counts: Counts,
}

impl<'c> Inserter<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        Ok(Self {
            statement: conn.prepare(
                "INSERT INTO statements (id, slug, path, title, date, published, location, summary,
                   body_markdown, body_text, background_markdown, background_text, contact, source,
                   lang, translation_of, draft, embargo, extra)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18, ?19)",
            )?,
            fts: conn.prepare(
                "INSERT INTO statements_fts (rowid, title, body_text, background_text)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            speaker: conn.prepare("INSERT INTO speakers (id, slug, name) VALUES (?1, ?2, ?3)")?,
            organization: conn
                .prepare("INSERT INTO organizations (id, slug, name) VALUES (?1, ?2, ?3)")?,
            topic: conn.prepare("INSERT INTO topics (id, slug, name) VALUES (?1, ?2, ?3)")?,
            statement_speaker: conn.prepare(
                "INSERT INTO statement_speakers (statement_id, position, speaker_id, role,
                   organization_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            statement_topic: conn.prepare(
                "INSERT OR IGNORE INTO statement_topics (statement_id, topic_id, position, name)
                 VALUES (?1, ?2, ?3, ?4)",
            )?,
            alias: conn.prepare(
                "INSERT INTO aliases (statement_id, position, path) VALUES (?1, ?2, ?3)",
            )?,
            speakers: HashMap::new(),
            organizations: HashMap::new(),
            topics: HashMap::new(),
            counts: Counts::default(),
        })
    }

    /// Inserts one statement with its links, giving it the next id.
    fn insert(&mut self, row: &Row) -> anyhow::Result<()> {
        let s = &row.statement;
        self.counts.statements += 1;
        let id = i64::try_from(self.counts.statements)?;
        let embargo = s
            .embargo
            .map(|e| e.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        let extra: serde_json::Map<String, serde_json::Value> = s
            .extra
            .iter()
            .map(|(key, value)| Ok((key.clone(), serde_json::to_value(value)?)))
            .collect::<serde_json::Result<_>>()?;
        self.statement
            .execute(params![
                id,
                s.slug.as_str(),
                s.path,
                s.title,
                s.day().format("%Y-%m-%d").to_string(),
                s.published.to_string(),
                s.location,
                s.summary,
                s.body,
                row.body_text,
                s.background,
                row.background_text,
                s.contact,
                s.source,
                s.lang,
                s.translation_of.as_ref().map(|t| t.as_str()),
                s.draft,
                embargo,
                serde_json::Value::Object(extra).to_string(),
            ])
            .with_context(|| format!("cannot store {}", s.path))?;
        self.fts
            .execute(params![id, s.title, row.body_text, row.background_text])?;
        for (position, speaker) in (0_i64..).zip(&s.speakers) {
            self.insert_speaker(id, position, speaker)?;
        }
        for (position, topic) in (0_i64..).zip(&s.topics) {
            let topic_id = intern(
                &mut self.topics,
                &mut self.topic,
                &mut self.counts.topics,
                &topic.name,
            )?;
            self.statement_topic
                .execute(params![id, topic_id, position, topic.name])?;
        }
        for (position, alias) in (0_i64..).zip(&s.aliases) {
            self.alias.execute(params![id, position, alias.as_str()])?;
        }
        Ok(())
    }

    /// Links statement `id` to one of its speakers (and its organisation).
    fn insert_speaker(&mut self, id: i64, position: i64, speaker: &Speaker) -> anyhow::Result<()> {
        let speaker_id = match &speaker.name {
            Some(name) => Some(intern(
                &mut self.speakers,
                &mut self.speaker,
                &mut self.counts.speakers,
                name,
            )?),
            None => None,
        };
        let organization_id = match &speaker.organization {
            Some(name) => Some(intern(
                &mut self.organizations,
                &mut self.organization,
                &mut self.counts.organizations,
                name,
            )?),
            None => None,
        };
        self.statement_speaker.execute(params![
            id,
            position,
            speaker_id,
            speaker.role,
            organization_id
        ])?;
        Ok(())
    }
}

/// The id of the speaker, organisation or topic `name`, grouped by its slug as `press
/// speakers` and `press topics` group them (the first spelling met names it); a new one is
/// inserted with the next id. A name without letters or digits has no slug and stands alone.
fn intern(
    ids: &mut HashMap<String, i64>,
    insert: &mut Prepared<'_>,
    count: &mut usize,
    name: &str,
) -> anyhow::Result<i64> {
    let slug = crate::slug::key(name);
    let lookup = if slug.is_empty() {
        format!("\0{name}")
    } else {
        slug
    };
    if let Some(&id) = ids.get(&lookup) {
        return Ok(id);
    }
    *count += 1;
    let id = i64::try_from(*count)?;
    let slug = (!lookup.starts_with('\0')).then_some(lookup.as_str());
    insert.execute(params![id, slug, name])?;
    ids.insert(lookup, id);
    Ok(id)
}
