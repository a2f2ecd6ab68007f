//! The archive as a SQLite database: `press db` writes it at the archive root, `press export
//! --data` into the site (with the same records as JSON Lines).
//!
//! [`build::write`] fills a new database from statements in one transaction with prepared
//! statements; the schema is `schema.sql` (documented in docs/db.md). The same statements
//! always give the same bytes, so [`file::replace_if_changed`] can leave an unchanged database
//! untouched and two exports give identical files.

pub mod build;
pub mod export;
pub mod file;
mod plain;

pub use build::{Counts, write};
pub use plain::plain_text;

/// The schema every database starts from.
pub const SCHEMA: &str = include_str!("schema.sql");

/// The schema's version, in SQLite's `user_version` and the `meta` table.
pub const SCHEMA_VERSION: u32 = 1;
