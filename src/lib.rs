//! press

pub mod generate;
