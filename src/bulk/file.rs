//! Replacing one archive file atomically: the new text goes to a temporary file in the same
//! folder (with the old file's permissions), is flushed, then renamed over the old one, so the
//! file is always either old or new. Shared by every command that rewrites files in place
//! (`rename`, `correct`, `withdraw`, the bulk renames).

use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

/// Writes `new` at `target` (relative to `root`) in place of the file at `path`, whose text was
/// `old` (`None`: the file did not exist and must still not). The file must still hold what was
/// read. When `target` differs from `path` (a moved file), the new file is written beside the
/// old one, never over another file, before the old one is removed.
pub fn replace(
    root: &Path,
    path: &str,
    target: &str,
    old: Option<&[u8]>,
    new: &[u8],
) -> anyhow::Result<()> {
    let full_path = root.join(path);
    let now = match fs::read(&full_path) {
        Ok(now) => Some(now),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(|| format!("cannot read {path}")),
    };
    if now.as_deref() != old {
        anyhow::bail!("{path} changed while press was editing it; it was not written");
    }
    injected_failure(target)?;
    let full = root.join(target);
    let dir = full.parent().context("an archive file has a folder")?;
    let mut temp = tempfile::Builder::new()
        .prefix(".press-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write {target}"))?;
    temp.write_all(new)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {target}"))?;
    if let Ok(meta) = fs::metadata(&full_path) {
        let _ = fs::set_permissions(temp.path(), meta.permissions());
    }
    let persist_error = |err: tempfile::PersistError| {
        anyhow::Error::new(err.error).context(format!("cannot write {target}"))
    };
    if target != path || old.is_none() {
        temp.persist_noclobber(&full).map_err(persist_error)?;
        if target != path {
            fs::remove_file(&full_path).with_context(|| {
                format!("wrote {target} but cannot remove {path}; remove it by hand")
            })?;
        }
    } else {
        temp.persist(&full).map_err(persist_error)?;
    }
    Ok(())
}

/// In debug builds only, a failure at the file `PRESS_TEST_FAIL_WRITE` names (a path from the
/// root): the tests' way to stop a command part-way, which a read-only folder cannot do when
/// they run as root.
fn injected_failure(target: &str) -> anyhow::Result<()> {
    if cfg!(debug_assertions)
        && std::env::var_os("PRESS_TEST_FAIL_WRITE").is_some_and(|p| p == target)
    {
        anyhow::bail!("cannot write {target}: injected failure (PRESS_TEST_FAIL_WRITE)");
    }
    Ok(())
}
