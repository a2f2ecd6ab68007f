//! The CI workflows `press init --ci` writes: check on every pull (merge) request, export and
//! deploy to Pages on every push to the main branch. press is installed with `cargo install
//! --git` from the repository named in press's own `Cargo.toml` (`repository`), through a
//! variable at the top of the workflow (`PRESS_REPOSITORY`) that the user may change.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// Where the archive is hosted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// GitHub Actions and GitHub Pages.
    Github,
    /// GitLab CI and GitLab Pages.
    Gitlab,
}

/// Where press is installed from: `repository` in press's `Cargo.toml`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

impl Host {
    /// The workflow file's path from the archive root.
    pub fn path(self) -> &'static str {
        match self {
            Self::Github => ".github/workflows/press.yml",
            Self::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The workflow's text.
    pub fn workflow(self) -> String {
        let template = match self {
            Self::Github => include_str!("github.yml"),
            Self::Gitlab => include_str!("gitlab.yml"),
        };
        template.replace("{{repository}}", REPOSITORY)
    }
}

/// Writes `host`'s workflow under the archive `root` and returns its path; an existing file
/// there is never replaced (an error naming it). The file appears whole or not at all: it is
/// written beside its place, then linked there only if nothing is there.
pub fn write(root: &Path, host: Host) -> anyhow::Result<PathBuf> {
    let path = root.join(host.path());
    refuse_existing(&path)?;
    let dir = path.parent().context("a workflow is in a folder")?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".press-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    temp.write_all(host.workflow().as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .context("cannot write the temporary file")?;
    temp.persist_noclobber(&path).map_err(|err| {
        if err.error.kind() == std::io::ErrorKind::AlreadyExists {
            existing(&path)
        } else {
            anyhow::Error::new(err.error).context(format!("cannot write {}", path.display()))
        }
    })?;
    Ok(path)
}

/// An error when something is at `path` already.
pub fn refuse_existing(path: &Path) -> anyhow::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(_) => Err(existing(path)),
        Err(_) => Ok(()),
    }
}

fn existing(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{} already exists: press never replaces a workflow; move it away to write press's, or add press's steps to it by hand",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_install_press_from_its_repository() {
        assert_eq!(REPOSITORY, "https://github.com/press-archive/press");
        for host in [Host::Github, Host::Gitlab] {
            let text = host.workflow();
            assert!(!text.contains("{{repository}}"), "{host:?}");
            let line = format!("  PRESS_REPOSITORY: \"{REPOSITORY}\"");
            assert_eq!(text.lines().filter(|l| *l == line).count(), 1, "{host:?}");
        }
    }
}
