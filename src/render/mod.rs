//! Turning statements into output: JSON records, terminal text, and the static site. Never
//! depends on `cli`.

pub mod chart;
pub mod feed;
pub mod html;
pub mod markdown;
pub mod record;
pub mod sanitize;
pub mod search;
pub mod site;
mod structured;
pub mod terminal;
