//! `press`: an archive for press statements.
//!
//! The library exists so that `main.rs` stays trivial and parsing gets unit tests; it is not a
//! promised public API. Dependencies point one way: `commands` → `cli`, `render`, `query`,
//! `archive` → `statement` → `diagnostic`, `yaml`, `slug`.

pub mod diagnostic;
pub mod slug;
pub mod statement;
pub mod yaml;
