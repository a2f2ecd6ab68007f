//! Turning statements into output: JSON records and terminal text. Never depends on `cli`.

pub mod markdown;
pub mod record;
pub mod terminal;
