//! `press serve`: a local preview. Exports into a temporary folder, serves it on 127.0.0.1, and
//! exports again when a statement, template, asset or `press.toml` changes.
//!
//! The export is the real one (with `--keep-going`, so a statement being edited with an error in
//! it is reported and skipped instead of stopping the preview), so what is previewed is what
//! `press export` publishes. Only files inside the temporary folder are ever served.
//!
//! Ctrl-C (or SIGTERM, SIGHUP) stops it cleanly: the temporary folder is removed.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Context as _;
use notify::Watcher as _;

use super::{Io, Now, export};
use crate::Exit;
use crate::cli::{ExportArgs, ServeArgs};

/// How long to wait for more changes before exporting again.
const SETTLE: Duration = Duration::from_millis(200);

/// Runs `press serve` until the process is stopped by a signal; then it removes its folder.
pub(crate) fn run(
    args: &ServeArgs,
    root: &Path,
    now: Option<Now>,
    cache: bool,
    io: &mut Io<'_>,
) -> anyhow::Result<Exit> {
    let temp = tempfile::Builder::new()
        .prefix("press-serve-")
        .tempdir()
        .context("cannot create a temporary folder")?;
    let out = temp.path().join("site");
    // The loop below sees the flag within its poll interval and returns, dropping `temp`.
    let stop = Arc::new(AtomicBool::new(false));
    let stopper = Arc::clone(&stop);
    ctrlc::set_handler(move || stopper.store(true, Ordering::SeqCst))
        .context("cannot set up the Ctrl-C handler")?;
    let server = tiny_http::Server::http(("127.0.0.1", args.port))
        .map_err(|err| anyhow::anyhow!("cannot listen on 127.0.0.1:{}: {err}", args.port))?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(args.port, |addr| addr.port());
    let export_args = ExportArgs {
        out: Some(out.clone()),
        keep_going: true,
        base_url: Some(format!("http://127.0.0.1:{port}/")),
        ..ExportArgs::default()
    };
    let clock = || now.unwrap_or_else(|| chrono::Local::now().fixed_offset());
    export::export(&export_args, root, clock(), cache, io)?;

    let (changes, changed) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = changes.send(());
        }
    })
    .context("cannot watch the archive for changes")?;
    for name in ["statements", "templates", "assets", "press.toml"] {
        let path = root.join(name);
        if path.exists() {
            watcher
                .watch(&path, notify::RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    writeln!(
        io.err,
        "press: serving http://127.0.0.1:{port}/ (press Ctrl-C to stop)"
    )?;
    io.err.flush()?;
    loop {
        if stop.load(Ordering::SeqCst) {
            writeln!(io.err, "press: stopped")?;
            return Ok(Exit::Success);
        }
        if changed.try_recv().is_ok() {
            // Let a burst of saves settle, then export once.
            std::thread::sleep(SETTLE);
            while changed.try_recv().is_ok() {}
            if let Err(err) = export::export(&export_args, root, clock(), cache, io) {
                writeln!(
                    io.err,
                    "{}",
                    crate::diagnostic::error_text(&err, io.color_err)
                )?;
            }
            io.err.flush()?;
        }
        match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => respond(&out, request),
            Ok(None) => {}
            Err(err) => return Err(err).context("the preview server stopped"),
        }
    }
}

/// Answers one request with a file of the site, or the site's 404 page.
fn respond(site: &Path, request: tiny_http::Request) {
    let file = file_for(site, request.url());
    let response = match file.and_then(|path| std::fs::read(&path).ok().map(|b| (path, b))) {
        Some((path, bytes)) => tiny_http::Response::from_data(bytes)
            .with_header(content_type(&path))
            .with_status_code(200),
        None => {
            tiny_http::Response::from_data(std::fs::read(site.join("404.html")).unwrap_or_default())
                .with_header(content_type(Path::new("404.html")))
                .with_status_code(404)
        }
    };
    let _ = request.respond(response);
}

/// The file a URL path names inside `site` (folders mean their `index.html`); none for paths
/// that would leave it.
fn file_for(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut file = site.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` header for a file, by its extension.
fn content_type(path: &Path) -> tiny_http::Header {
    let kind = match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/feed+json; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    tiny_http::Header::from_bytes("Content-Type", kind).unwrap_or_else(|()| {
        tiny_http::Header::from_bytes("Content-Type", "text/plain")
            .unwrap_or_else(|()| unreachable!())
    })
}

#[cfg(test)]
mod tests {
    use anyhow::Result;

    use super::*;

    #[test]
    fn urls_stay_inside_the_site() -> Result<()> {
        let site = tempfile::tempdir()?;
        std::fs::create_dir_all(site.path().join("topics/a b"))?;
        std::fs::write(site.path().join("topics/a b/index.html"), "x")?;
        std::fs::write(site.path().join("index.html"), "x")?;
        assert_eq!(
            file_for(site.path(), "/"),
            Some(site.path().join("index.html"))
        );
        assert_eq!(
            file_for(site.path(), "/topics/a%20b/?q=1"),
            Some(site.path().join("topics/a b/index.html"))
        );
        assert_eq!(file_for(site.path(), "/../etc/passwd"), None);
        assert_eq!(file_for(site.path(), "/%2e%2e/etc/passwd"), None);
        assert_eq!(file_for(site.path(), "/missing.html"), None);
        Ok(())
    }
}
