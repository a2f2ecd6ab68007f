//! Fuzz target: statement parsing never panics, and a file is either a statement or has an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = press::statement::parse("statements/2026/2026-01-27-fuzz.md", bytes);
    assert!(parsed.statement.is_some() || parsed.diagnostics.iter().any(|d| d.is_error()));
});
