//! A command run in the test process, without the binary: its exit, stdout and stderr, as a
//! user sees them. Unit tests use it to check what the CLI tests check (whole outputs, files on
//! disk), so that mutation testing can judge a module by the library's tests alone.

use std::path::Path;

use clap::{CommandFactory as _, FromArgMatches as _};

use super::Io;
use crate::Exit;
use crate::cli::Cli;

/// What a command did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Ran {
    /// Its exit.
    pub(crate) exit: Exit,
    /// Its standard output.
    pub(crate) out: String,
    /// Its standard error, with an error it returned printed as `press` prints it.
    pub(crate) err: String,
}

/// Runs `press --root ROOT ARGS…` as the CLI tests do: no colour, no terminal, the clock at
/// 2026-06-01T12:00:00Z. Arguments clap refuses end the test.
pub(crate) fn press(root: &Path, args: &[&str]) -> Ran {
    let root = root.to_string_lossy();
    let all = [
        "press",
        "--root",
        &root,
        "--now",
        "2026-06-01T12:00:00+00:00",
    ]
    .into_iter()
    .chain(args.iter().copied());
    let matches = Cli::command()
        .try_get_matches_from(all)
        .unwrap_or_else(|err| panic!("press {args:?}: {err}"));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| panic!("{err}"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        out_is_terminal: false,
        color_out: false,
        color_err: false,
    };
    let exit = super::run(cli, &matches, &mut io).unwrap_or_else(|error| {
        let text = crate::diagnostic::error_text(&error, false);
        let _ = writeln!(io.err, "{text}");
        Exit::Usage
    });
    Ran {
        exit,
        out: String::from_utf8_lossy(&out).into_owned(),
        err: String::from_utf8_lossy(&err).into_owned(),
    }
}

/// An archive in a temporary folder holding `files` (path, text), with its `statements/`.
pub(crate) fn archive(files: &[(&str, &str)]) -> std::io::Result<tempfile::TempDir> {
    let root = tempfile::tempdir()?;
    std::fs::create_dir(root.path().join("statements"))?;
    for (path, text) in files {
        let full = root.path().join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(full, text)?;
    }
    Ok(root)
}
