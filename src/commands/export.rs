//! `press export`: the archive as a static website.
//!
//! The order matters for safety: check the output folder, load and check the archive, render
//! every file in memory, and only then write. A broken archive or a bad template therefore never
//! touches the published site. Writing compares each file with what is there and replaces only
//! files whose bytes changed, each atomically (a temporary file in the same folder, then a
//! rename), so an unchanged archive changes no byte and no modification time, and an I/O error
//! midway leaves every file either old or new. The files written are listed in a manifest inside
//! the output folder; the next export removes those it no longer produces, and nothing else.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, bail};

use super::{Io, Now, load};
use crate::Exit;
use crate::cli::ExportArgs;
use crate::config::Config;
use crate::query::Query;
use crate::render::html::{self, SiteInput, Theme};

/// The manifest of files `press export` wrote, inside the output folder.
pub(crate) const MANIFEST: &str = ".press-manifest";

/// First line of the manifest.
const MANIFEST_HEADER: &str =
    "# Files written by `press export`, one per line. It removes only files listed here.";

/// Runs `press export`.
pub(crate) fn run(
    args: &ExportArgs,
    root: &Path,
    now: Now,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    if args.init_theme {
        return init_theme(root, io);
    }
    export(args, root, now, io)
}

/// Exports the site as `args` say (also used by `press serve`, into its temporary folder).
pub(crate) fn export(
    args: &ExportArgs,
    root: &Path,
    now: Now,
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
    let previous = check_output(&out, root, args.force)?;

    let mut archive = load(root)?;
    archive.lint(now);
    let errors: Vec<_> = archive.errors().cloned().collect();
    if !errors.is_empty() {
        io.diagnostics(&errors)?;
        if !args.keep_going {
            writeln!(
                io.err,
                "press: export refused: {} errors in the archive; nothing written (fix them, or pass --keep-going to skip those files)",
                errors.len()
            )?;
            return Ok(Exit::Problems);
        }
    }
    let bad: HashSet<&str> = errors.iter().map(|d| d.path.as_str()).collect();
    let statements: Vec<_> = Query::all(now)
        .select(&archive.statements)
        .into_iter()
        .filter(|s| !bad.contains(s.path.as_str()))
        .collect();
    let theme = Theme::load(root)?;
    let input = SiteInput {
        root,
        config: &config,
        base_url: config.base_url(),
        statements,
    };
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(input.statements.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template("rendering {bar:40} {pos}/{len} statements")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let rendered = html::render_site(&input, &theme, &|| progress.inc(1));
    progress.finish_and_clear();
    let rendered = rendered?;
    for warning in &rendered.warnings {
        writeln!(io.err, "press: warning: {warning}")?;
    }
    let counts = write_site(&out, &rendered.files, &previous)?;
    writeln!(
        io.err,
        "press: exported {} statement{} to {}: {} files written, {} unchanged, {} removed in {:.2} s",
        input.statements.len(),
        if input.statements.len() == 1 { "" } else { "s" },
        out.display(),
        counts.written,
        counts.unchanged,
        counts.removed,
        started.elapsed().as_secs_f64()
    )?;
    Ok(if errors.is_empty() {
        Exit::Success
    } else {
        Exit::Problems
    })
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

/// An absolute path with symlinks resolved as far as the path exists, and `.`/`..` removed.
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let joined = cwd.join(path);
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve the longest existing ancestor, then add back what does not exist yet.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = parent.to_owned();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Refuses output folders that are not ours to write; returns the previous manifest's files.
fn check_output(out: &Path, root: &Path, force: bool) -> anyhow::Result<BTreeSet<String>> {
    let target = absolute(out)?;
    let root_abs = absolute(root)?;
    let cwd = absolute(Path::new("."))?;
    let shown = out.display();
    if target == cwd {
        bail!(
            "refusing to export into the current folder {shown}: pass --out with a folder of its own, such as site"
        );
    }
    if root_abs.starts_with(&target) {
        bail!(
            "refusing to export into {shown}: it holds the archive itself (statements/); pass --out with a folder of its own, such as site"
        );
    }
    if target.starts_with(root_abs.join("statements")) {
        bail!("refusing to export into {shown}: it is inside statements/");
    }
    if target.starts_with(root_abs.join("templates")) {
        bail!("refusing to export into {shown}: it is inside templates/");
    }
    if !target.exists() {
        return Ok(BTreeSet::new());
    }
    if !target.is_dir() {
        bail!("refusing to export into {shown}: it is not a folder");
    }
    let manifest = target.join(MANIFEST);
    match fs::read_to_string(&manifest) {
        Ok(text) => Ok(parse_manifest(&text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let empty = fs::read_dir(&target)
                .with_context(|| format!("cannot read {shown}"))?
                .next()
                .is_none();
            if !empty && !force {
                bail!(
                    "refusing to export into {shown}: the folder is not empty and press did not create it (no {MANIFEST}); pass --force to take it over (only files press writes are replaced)"
                );
            }
            Ok(BTreeSet::new())
        }
        Err(err) => Err(err).with_context(|| format!("cannot read {}", manifest.display())),
    }
}

/// The files a manifest lists, keeping only plain relative paths (a tampered manifest can never
/// point outside the output folder).
fn parse_manifest(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter(|line| is_plain_relative(line))
        .map(str::to_owned)
        .collect()
}

fn is_plain_relative(path: &str) -> bool {
    path != MANIFEST
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// What writing did.
#[derive(Debug, Default)]
struct Counts {
    written: usize,
    unchanged: usize,
    removed: usize,
}

/// Writes changed files atomically, removes files of the previous export no longer produced,
/// and writes the manifest.
fn write_site(
    out: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    previous: &BTreeSet<String>,
) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    for (path, bytes) in files {
        if !is_plain_relative(path) {
            bail!("internal error: refusing to write {path:?} outside the output folder");
        }
        let target = out.join(path);
        if same_bytes(&target, bytes) {
            counts.unchanged += 1;
            continue;
        }
        write_atomically(&target, bytes)?;
        counts.written += 1;
    }
    for old in previous.iter().filter(|p| !files.contains_key(*p)) {
        let target = out.join(old);
        match fs::remove_file(&target) {
            Ok(()) => counts.removed += 1,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(err).with_context(|| format!("cannot remove {}", target.display()));
            }
        }
        // Remove folders this left empty, up to the output folder.
        let mut dir = target.parent();
        while let Some(d) = dir {
            if d == out || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    let mut manifest = String::from(MANIFEST_HEADER);
    manifest.push('\n');
    for path in files.keys() {
        manifest.push_str(path);
        manifest.push('\n');
    }
    let manifest_path = out.join(MANIFEST);
    if !same_bytes(&manifest_path, manifest.as_bytes()) {
        write_atomically(&manifest_path, manifest.as_bytes())?;
    }
    Ok(counts)
}

/// Whether the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut file = tempfile::Builder::new()
        .prefix(".press-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    // No fsync per file: at thousands of files it costs minutes, and the rename already
    // guarantees that readers and a crashed export see either the old or the new file.
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(file.path(), fs::Permissions::from_mode(0o644))
            .with_context(|| format!("cannot set permissions of {}", path.display()))?;
    }
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_never_point_outside() {
        let parsed = parse_manifest(
            "# header\nindex.html\n../../etc/passwd\n/etc/passwd\na/./b\n.press-manifest\ntopics/x/index.html\n",
        );
        assert_eq!(
            parsed.into_iter().collect::<Vec<_>>(),
            ["index.html", "topics/x/index.html"]
        );
    }
}
