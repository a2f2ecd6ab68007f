//! `press export`: the archive as a static website.
//!
//! The order matters for safety: check the output folder, load and check the archive (as
//! compact summaries, from the cache when it is fresh), then render the site into
//! [`crate::output::Output`], which stages changed files and moves them into place only once
//! everything rendered. A broken archive or a bad template therefore never touches the published
//! site, and an unchanged archive changes no byte and no modification time. Each statement's
//! file is read again while its page renders, so bodies are never all in memory; its front matter
//! is not parsed again when the catalog brought its page texts ([`crate::page_texts`]).

use std::collections::HashSet;
use std::fs;
use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::time::Instant;

use anyhow::Context as _;

use super::{Io, Now};
use crate::Exit;
use crate::catalog::{Catalog, Options};
use crate::cli::ExportArgs;
use crate::config::Config;
use crate::diagnostic::count;
use crate::output::Target;
use crate::query::{Languages, Query};
use crate::render::html::{self, Theme};
use crate::render::site::{SiteInput, render_site};
use crate::translations::Families;

/// Runs `press export`.
pub(crate) fn run(
    args: &ExportArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    if args.init_theme {
        return init_theme(root, io);
    }
    export(args, root, now, cache, io)
}

/// Exports the site as `args` say (also used by `press serve`, into its temporary folder),
/// loading the archive through its cache unless `cache` is false.
pub(crate) fn export(
    args: &ExportArgs,
    root: &Path,
    now: Now,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let started = Instant::now();
    let mut config = Config::load(root)?;
    if let Some(url) = &args.base_url {
        crate::config::check_base_url(url).context("invalid --base-url")?;
        config.base_url = Some(url.clone());
    }
    if let Some(per_page) = args.per_page {
        config.per_page = Some(per_page as usize);
    }
    let out = args.out.clone().unwrap_or_else(|| root.join("site"));
    let target = Target::check(&out, root, args.force)?;

    // The previous export's records are read while the archive loads.
    let (catalog, target) = std::thread::scope(|scope| {
        let records = scope.spawn(|| target.read_records());
        let options = Options {
            cache,
            words: &[],
            excerpts: true,
            // Who said each quote, for the speaker pages.
            quotes: true,
        };
        let catalog = Catalog::load(root, options);
        // A panic there is a bug: it goes on here, with its message.
        let target = records
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (catalog, target)
    });
    let mut catalog = catalog?;
    let related = crate::relations::check(root, &catalog.summaries, config.language());
    catalog.diagnostics.extend(related);
    crate::archive::sort_diagnostics(&mut catalog.diagnostics);
    let errors: Vec<_> = catalog.errors().cloned().collect();
    if !errors.is_empty() {
        io.diagnostics(&errors)?;
        if !args.keep_going {
            writeln!(
                io.err,
                "press: export refused: {} in the archive; nothing written (fix {}, or pass --keep-going to skip those files)",
                count(errors.len(), "error"),
                if errors.len() == 1 { "it" } else { "them" }
            )?;
            return Ok(Exit::Problems);
        }
    }
    let bad: HashSet<&str> = errors.iter().map(|d| d.path.as_str()).collect();
    let published: Vec<_> = Query {
        languages: Languages::All,
        ..Query::all(now)
    }
    .select_with(&catalog.summaries, |_| true)
    .into_iter()
    .filter(|s| !bad.contains(s.path.as_str()))
    .collect();
    let families = Families::new(&published, config.language());
    for orphan in &families.orphans {
        writeln!(
            io.err,
            "press: warning: {} not exported: its original {} is not published (a draft, under embargo or with errors)",
            orphan.path,
            orphan.translation_of.as_ref().map_or("", |s| s.as_str())
        )?;
    }
    let theme = Theme::load(root)?;
    let input = SiteInput {
        root,
        config: &config,
        base_url: config.base_url(),
        statements: families.originals.clone(),
        families,
        all: &catalog.summaries,
        now,
        data: args.data,
        directory: &catalog.directory,
    };
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(
            (input.statements.len() + input.families.translations.len()) as u64,
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template("rendering {bar:40} {pos}/{len} statements")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let output = target.open()?;
    let texts = catalog.texts.take();
    let findings = render_site(&input, texts, &theme, &output, &|| progress.inc(1));
    progress.finish_and_clear();
    let findings = findings?;
    for warning in &findings.warnings {
        writeln!(io.err, "press: warning: {warning}")?;
    }
    io.diagnostics(&findings.link_warnings)?;
    if !findings.errors.is_empty() {
        io.diagnostics(&findings.errors)?;
        if !args.keep_going {
            writeln!(
                io.err,
                "press: export refused: {} in the archive; nothing written (fix {}, or pass --keep-going to publish those pages without the broken links)",
                count(findings.errors.len(), "error"),
                if findings.errors.len() == 1 {
                    "it"
                } else {
                    "them"
                }
            )?;
            return Ok(Exit::Problems);
        }
    }
    if args.data {
        crate::db::export::data_files(&catalog, &input.statements, &output)?;
    }
    let counts = output.commit()?;
    writeln!(
        io.err,
        "press: exported {}{} to {}: {} written, {} unchanged, {} removed in {:.2} s",
        count(input.statements.len(), "statement"),
        match input.families.translations.len() {
            0 => String::new(),
            n => format!(" and {}", count(n, "translation")),
        },
        out.display(),
        count(counts.written, "file"),
        counts.unchanged,
        counts.removed,
        started.elapsed().as_secs_f64()
    )?;
    let exit = if errors.is_empty() && findings.errors.is_empty() {
        Exit::Success
    } else {
        Exit::Problems
    };
    // Freeing 100,000 summaries one by one takes tens of milliseconds: another thread does it
    // (cut short when the process ends; `serve` keeps running and lets it finish).
    drop(input);
    let _ = std::thread::Builder::new().spawn(move || drop(catalog));
    Ok(exit)
}

/// `--init-theme`: writes every default template and static file missing from
/// `<root>/templates/`, never replacing one.
fn init_theme(root: &Path, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    let dir = root.join("templates");
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = 0;
    for (name, text) in html::TEMPLATES.iter().chain(html::STATIC_FILES.iter()) {
        let path = dir.join(name);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                written += 1;
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                writeln!(io.err, "press: kept the existing templates/{name}")?;
            }
            Err(err) => {
                return Err(err).with_context(|| format!("cannot create {}", path.display()));
            }
        }
    }
    writeln!(
        io.err,
        "press: wrote {written} default theme files into {}; edit them and run `press export`",
        dir.display()
    )?;
    Ok(Exit::Success)
}
