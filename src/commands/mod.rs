//! One module per subcommand. Commands are the only code that knows both the CLI and the domain,
//! and the only code that writes output, always through the [`Io`] handles they are given.

mod check;
mod cite;
mod correct;
mod db;
mod edit;
mod export;
mod generate;
mod groups;
mod import;
#[cfg(test)]
pub(crate) mod in_process;
mod init;
mod list;
mod new;
mod new_translation;
mod quotes;
mod rename;
mod rewrite;
mod serve;
mod show;
mod speakers;
mod topics;

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use clap::CommandFactory;

use crate::Exit;
use crate::archive::Archive;
use crate::catalog::{self, Catalog};
use crate::cli::{Cli, Command};
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::query::GroupBy;

/// Where a command writes, and how: data on `out`, diagnostics and talk on `err`.
pub(crate) struct Io<'a> {
    /// Standard output: data only.
    pub(crate) out: &'a mut dyn Write,
    /// Standard error: diagnostics, prompts, summaries.
    pub(crate) err: &'a mut dyn Write,
    /// Whether stdout is a terminal (tables are fitted, colour may be used).
    pub(crate) out_is_terminal: bool,
    /// Whether colour is allowed on stdout.
    pub(crate) color_out: bool,
    /// Whether colour is allowed on stderr.
    pub(crate) color_err: bool,
}

impl Io<'_> {
    /// The real process streams' terminal facts (colour only on a terminal, never with `NO_COLOR`).
    pub(crate) fn detect() -> (bool, bool, bool) {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let out_tty = std::io::stdout().is_terminal();
        let err_tty = std::io::stderr().is_terminal();
        (out_tty, out_tty && !no_color, err_tty && !no_color)
    }

    /// Prints diagnostics on stderr.
    pub(crate) fn diagnostics<'d>(
        &mut self,
        diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    ) -> anyhow::Result<()> {
        for d in diagnostics {
            writeln!(self.err, "{}", d.render(self.color_err))?;
        }
        Ok(())
    }

    /// Prints the archive's errors as warnings: the bad files are skipped, the good ones served.
    pub(crate) fn skipped_files(&mut self, diagnostics: &[Diagnostic]) -> anyhow::Result<()> {
        let warnings: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| Diagnostic {
                severity: Severity::Warning,
                ..d.clone()
            })
            .collect();
        self.diagnostics(&warnings)
    }

    /// The width to fit tables to: `COLUMNS` or the terminal's, only when stdout is a terminal.
    pub(crate) fn table_width(&self) -> Option<usize> {
        self.out_is_terminal.then(terminal_width)
    }
}

/// `COLUMNS` when set, else the terminal's width, else 80.
pub(crate) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(80)
}

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli, matches: &clap::ArgMatches, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let now = cli
        .now
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    let root = || find_root(cli.root.as_deref());
    let cache = !cli.no_cache;
    match &cli.command {
        Command::Init(args) => init::run(args, io),
        Command::New(args) => new::run(args, matches, &root()?, cli.now, io),
        Command::Edit(args) => edit::run(args, &root()?, io),
        Command::Rename(args) => rename::run(args, &root()?, io),
        Command::List(args) => list::run(args, &root()?, now, cache, io),
        Command::Show(args) => show::run(args, &root()?, cache, io),
        Command::Cite(args) => cite::run(args, &root()?, cache, io),
        Command::Check(args) => check::run(args, &root()?, now, io),
        Command::Import(args) => import::run(args, matches, &root()?, io),
        Command::Export(args) => export::run(args, &root()?, now, cache, io),
        Command::Serve(args) => serve::run(args, &root()?, cli.now, cache, io),
        Command::Correct(args) => correct::correct(args, &root()?, now, io),
        Command::Withdraw(args) => correct::withdraw(args, &root()?, now, io),
        Command::Db(args) => db::run(args, &root()?, now, cache, io),
        Command::Topics(args) => match &args.action {
            Some(action) => topics::change(action, &root()?, io),
            None => groups::topics(args, &root()?, now, cache, io),
        },
        Command::Speakers(args) => match &args.action {
            Some(action) => speakers::change(action, &root()?, io),
            None => groups::run(&args.list, GroupBy::Speaker, &root()?, now, cache, io),
        },
        Command::Locations(args) => groups::run(args, GroupBy::Location, &root()?, now, cache, io),
        Command::Quotes(args) => quotes::run(args, &root()?, now, cache, io),
        Command::Completions(args) => {
            // Into memory first: clap_complete panics when its writer fails (a closed pipe, a
            // full disk); the normal output path reports both as every other command does.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "press", &mut script);
            io.out
                .write_all(&script)
                .context("cannot write the completions")?;
            Ok(Exit::Success)
        }
        Command::Generate(args) => generate::run(args, io),
        Command::Man(args) => man(args.command.as_deref(), io),
    }
}

/// Prints press(1), or the page of one command (press-list(1) for `list`), which press(1) names
/// under its commands.
fn man(command: Option<&str>, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    // Built, so that each command knows its full name ("press list") and page ("press-list").
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let names: Vec<&str> = cli
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(clap::Command::get_name)
                .collect();
            let Some(found) = cli.find_subcommand(name).filter(|_| names.contains(&name)) else {
                let hint = did_you_mean(name, names.iter().copied())
                    .map_or_else(String::new, |known| format!("did you mean `{known}`? "));
                anyhow::bail!(
                    "no command `{name}`: {hint}the commands are {}",
                    names.join(", ")
                );
            };
            found.clone()
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("press {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .context("cannot render the manual page")?;
    io.out
        .write_all(&roff)
        .context("cannot write the manual page")?;
    Ok(Exit::Success)
}

/// Reports on stderr that no statement has `slug` (`show`, `edit`), with a `help:` line naming
/// the nearest of `slugs` and up to four that contain it; a content problem (exit 1).
fn no_such_statement(slug: &str, slugs: &[&str], io: &mut Io<'_>) -> anyhow::Result<Exit> {
    writeln!(
        io.err,
        "press: no statement with the slug {}",
        crate::diagnostic::quote(slug)
    )?;
    let mut suggestions: Vec<&str> = did_you_mean(slug, slugs.iter().copied())
        .into_iter()
        .collect();
    let needle = crate::slug::key(slug);
    if !needle.is_empty() {
        let containing: Vec<&str> = slugs
            .iter()
            .copied()
            .filter(|s| s.contains(&needle) && !suggestions.contains(s))
            .take(4)
            .collect();
        suggestions.extend(containing);
    }
    if !suggestions.is_empty() {
        writeln!(
            io.err,
            "  help: did you mean {}?",
            suggestions
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(Exit::Problems)
}

/// The archive root: `--root`/`PRESS_ROOT`, else the nearest folder upward from here that holds
/// `statements/` or `press.toml`.
fn find_root(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    let is_archive =
        |dir: &Path| dir.join("statements").is_dir() || dir.join("press.toml").is_file();
    if let Some(dir) = explicit {
        if !dir.is_dir() {
            bail!("archive root {} is not a folder", dir.display());
        }
        if !is_archive(dir) {
            bail!(
                "{} is not an archive: it has no statements/ folder or press.toml (run `press init {}` to make one)",
                dir.display(),
                dir.display()
            );
        }
        return Ok(dir.to_owned());
    }
    let here = std::env::current_dir().context("cannot read the current folder")?;
    match here.ancestors().find(|dir| is_archive(dir)) {
        Some(dir) => Ok(dir.to_owned()),
        None => bail!(
            "no archive here: no statements/ folder or press.toml in {} or above it (run `press init`, or pass --root DIR)",
            here.display()
        ),
    }
}

/// Loads the archive, with the root in the error.
fn load(root: &Path) -> anyhow::Result<Archive> {
    Archive::load(root).with_context(|| format!("cannot load the archive at {}", root.display()))
}

/// Loads the archive's compact records (from the cache unless `cache` is false), answering the
/// text search `words` on the way, with the root in the error. The records are never freed
/// ([`ManuallyDrop`]): the process ends with the command and the system takes its memory back at
/// once, where freeing 100,000 records one by one would take tens of milliseconds.
fn catalog(root: &Path, cache: bool, words: &[String]) -> anyhow::Result<ManuallyDrop<Catalog>> {
    Catalog::load(
        root,
        catalog::Options {
            cache,
            words,
            excerpts: false,
            quotes: false,
        },
    )
    .map(ManuallyDrop::new)
    .with_context(|| format!("cannot load the archive at {}", root.display()))
}

/// The current time, for commands whose output depends on it.
type Now = DateTime<FixedOffset>;
