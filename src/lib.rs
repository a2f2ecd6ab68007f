//! press

pub mod import;
