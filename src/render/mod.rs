//! Turning statements into output: JSON records, terminal text, and the static site. Never
//! depends on `cli`.

pub mod alternates;
pub mod chart;
pub mod corrections;
pub mod feed;
pub mod github;
pub mod html;
pub mod markdown;
pub mod notice;
mod quotes;
pub mod record;
pub mod redirect;
pub mod sanitize;
pub mod search;
pub mod site;
mod speaker;
mod structured;
pub mod terminal;
mod topics;
