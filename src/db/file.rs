//! How the database file is replaced: made in a temporary file beside it, compared with the file
//! already there, and renamed into place only when its bytes differ. A run that changes nothing
//! leaves the file (and its modification time) untouched; a failed run leaves the old file.

use std::fs::{self, File};
use std::io::{BufReader, Read as _};
use std::path::Path;

use anyhow::{Context as _, bail};

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What became of the file at the output path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// There was no file: it was written.
    Created,
    /// The file had other bytes: it was replaced.
    Replaced,
    /// The file had the same bytes: it was left as it was.
    Unchanged,
}

/// Refuses an output path that press must not replace: a folder, a link, a special file, or a
/// file that is not a SQLite database (it may be the user's own data).
pub fn check_target(out: &Path) -> anyhow::Result<()> {
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", out.display())),
    };
    if !meta.is_file() {
        bail!(
            "refusing to replace {}: it is not a regular file (choose another path with --out)",
            out.display()
        );
    }
    let mut header = [0u8; 16];
    let is_sqlite = File::open(out)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| &header == SQLITE_HEADER);
    if !is_sqlite && meta.len() > 0 {
        bail!(
            "refusing to replace {}: it is not a SQLite database (remove it, or choose another path with --out)",
            out.display()
        );
    }
    Ok(())
}

/// Makes the file at `out` with `make`, which writes it at the path it is given (a new, empty
/// temporary file in `out`'s folder), then moves it into place unless `out` already holds the
/// same bytes. The new file has the usual permissions of a new file (0666 less the umask), or
/// those of the file it replaces.
pub fn replace_if_changed<T>(
    out: &Path,
    make: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<(T, Outcome)> {
    check_target(out)?;
    let dir = match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".press-").suffix(".sqlite.tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let made = make(temp.path())?;
    let existed = out.exists();
    if existed && same_bytes(temp.path(), out)? {
        return Ok((made, Outcome::Unchanged));
    }
    if let Ok(meta) = fs::metadata(out) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .context("cannot set the temporary file's permissions")?;
    }
    temp.as_file()
        .sync_all()
        .context("cannot flush the temporary file")?;
    temp.persist(out)
        .map_err(|err| anyhow::Error::new(err.error))
        .with_context(|| format!("cannot write {}", out.display()))?;
    let outcome = if existed {
        Outcome::Replaced
    } else {
        Outcome::Created
    };
    Ok((made, outcome))
}

/// Whether two files hold the same bytes (read in step, stopping at the first difference).
pub fn same_bytes(a: &Path, b: &Path) -> anyhow::Result<bool> {
    let open =
        |path: &Path| File::open(path).with_context(|| format!("cannot read {}", path.display()));
    let (a, b) = (open(a)?, open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut a, mut b) = (BufReader::new(a), BufReader::new(b));
    let mut chunk_a = vec![0u8; 1 << 16];
    let mut chunk_b = vec![0u8; 1 << 16];
    loop {
        let n = read_full(&mut a, &mut chunk_a)?;
        let m = read_full(&mut b, &mut chunk_b)?;
        if chunk_a[..n] != chunk_b[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the file ends; returns how many bytes were read.
fn read_full(reader: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_leave_the_file_untouched_and_others_replace_it() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("x.sqlite");
        let write = |bytes: &'static [u8]| move |path: &Path| Ok(fs::write(path, bytes)?);
        let first = [SQLITE_HEADER.as_slice(), b"one"].concat().leak();
        let second = [SQLITE_HEADER.as_slice(), b"two"].concat().leak();
        assert_eq!(replace_if_changed(&out, write(first))?.1, Outcome::Created);
        assert_eq!(
            replace_if_changed(&out, write(first))?.1,
            Outcome::Unchanged
        );
        assert_eq!(
            replace_if_changed(&out, write(second))?.1,
            Outcome::Replaced
        );
        assert_eq!(fs::read(&out)?, second);
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("notes.txt");
        fs::write(&out, "my notes")?;
        let err = replace_if_changed(&out, |_| Ok(()))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                format!(
                    "refusing to replace {}: it is not a SQLite database (remove it, or choose another path with --out)",
                    out.display()
                )
                .as_str()
            )
        );
        assert_eq!(fs::read_to_string(&out)?, "my notes");
        Ok(())
    }
}
