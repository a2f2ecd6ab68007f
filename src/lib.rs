//! `press`: an archive for press statements.
//!
//! The library exists so that `main.rs` stays trivial and parsing gets unit tests; it is not a
//! promised public API. Dependencies point one way: `commands` → `cli`, `render`, `query`,
//! `archive` → `statement` → `diagnostic`, `yaml`, `slug`. Only `commands` write output.

pub mod archive;
pub mod bulk;
pub mod cache;
pub mod catalog;
pub mod ci;
pub mod cite;
pub mod cli;
mod commands;
pub mod config;
pub mod db;
pub mod diagnostic;
pub mod directory;
pub mod generate;
pub mod import;
pub mod index;
pub mod language;
pub mod links;
pub mod output;
pub mod page_texts;
pub mod query;
pub mod quotes;
pub mod redirects;
pub mod relations;
pub mod rename;
pub mod render;
pub mod slug;
pub mod statement;
pub mod translations;
pub mod vocabulary;
pub mod yaml;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

/// The exit codes of every command (the README and `--help` document the same table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: everything went fine (including "no match" for `list`).
    Success,
    /// 1: content problems: `check` found errors, `show` or `edit` found no match, an input was
    /// refused.
    Problems,
    /// 2: usage errors and refusals to touch files, I/O errors.
    Usage,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(match exit {
            Exit::Success => 0,
            Exit::Problems => 1,
            Exit::Usage => 2,
        })
    }
}

/// Runs `press` with these arguments on the process's standard streams. Errors are printed
/// here, once, as `press: error: …` with their chain; a closed stdout pipe ends quietly.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let matches = match cli::Cli::command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(2);
        }
    };
    let (out_is_terminal, color_out, color_err) = commands::Io::detect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let mut io = commands::Io {
        out: &mut out,
        err: &mut err,
        out_is_terminal,
        color_out,
        color_err,
    };
    let result = commands::run(cli, &matches, &mut io).and_then(|exit| {
        io.out.flush()?;
        Ok(exit)
    });
    match result {
        Ok(exit) => exit.into(),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            drop(out);
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                diagnostic::error_text(&error, color_err)
            );
            Exit::Usage.into()
        }
    }
}

/// Whether an error comes from writing to a closed pipe (`press list | head`).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    // serde_json and csv wrap the I/O error without exposing it as a source: ask them.
    let broken = std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == broken)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(broken))
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == broken))
    })
}
