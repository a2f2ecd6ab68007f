//! Integration tests: the real `press` binary on temporary archives.
//!
//! One test binary (faster to build and link than one per file), one module per verb.
#![allow(clippy::unwrap_used, clippy::expect_used)]

/// `aliases` and `translation_of`: their values, what `check` and `export` refuse across
/// statements, and the JSON that carries them.
mod aliases;
/// `press topics rename|merge|normalize`: byte-exact rewrites, topics.toml, dry runs, failures.
mod bulk;
/// The cache under `.press/`: changes seen at once, damage and read-only archives harmless,
/// the same answers with `--no-cache`.
mod cache;
/// `press check`: every diagnostic kind with its message, line and column; archive warnings.
mod check;
/// `press init --ci` workflows (validated by check-jsonschema) and `check --format github`.
mod ci;
/// `press cite` and `list --format bibtex|csl-json|ris`, and the citation data of exported
/// pages, read back by bibtexparser, citeproc-py and extruct.
mod cite;
/// Corrections and withdrawals: their keys, `press correct` and `press withdraw` byte for byte,
/// and `show`, `list` and `export` (notices, feeds, the corrections page).
mod corrections;
/// `press db`: the SQLite database read back with `sqlite3`, counts agreeing with `list`.
mod db;
/// The speaker directory (`speakers.toml`): located errors, aliases as one speaker everywhere,
/// near-duplicate warnings, strict mode, role histories, JSON, redirects from aliases.
mod directory;
/// `press edit` and `new --edit`: the editor round trip.
mod edit;
/// `press export` and `press serve`: pages, links, feeds, search, charts, safety, writes, browsers.
mod export;
/// Feeds: the newest fifty listed statements, relative links and ids without a base URL,
/// `date_modified` only for corrected statements.
mod feeds;
/// The generated archive of 10,000 statements: clean, and counts checked independently.
mod generated;
/// `press topics`, `speakers`, `locations`, plus `completions` and `man`.
mod groups;
/// Hostile input: what every command holds on any input, and writes that lose nothing.
mod hostile;
/// `press import --from jekyll|hugo`: sites migrated whole (links, files, markup, languages).
mod import;
/// `press import` of plain texts: the dateline's date in each abbreviated month, the title
/// under page labels.
mod import_text;
/// Incremental `press export`: after every kind of change, the same site as a fresh export,
/// unchanged files untouched, hand edits undone, failures harmless.
mod incremental;
/// `press init`: a new archive, never overwriting; an existing `.gitignore` completed.
mod init;
/// Links in bodies, as `check` and `export` both see them: between statements, in raw HTML,
/// e-mail autolinks; leftover template code; nesting inside code.
mod links;
/// `press list`: filters, sorting, formats, table width, closed pipes, root discovery.
mod list;
/// `press new`: options, prompts on a terminal, round trips, refusing a taken slug.
mod new;
/// `press quotes`: every quoted passage with the right speaker, filters and formats.
mod quotes;
/// Redirects from `aliases`: pages, `_redirects`, collisions, removal, the W3C checker.
mod redirects;
/// `press rename`: the file moved, links and translations rewritten, byte-exact elsewhere, failures.
mod rename;
/// `press show`: text, JSON and the stored Markdown; unknown slugs.
mod show;
/// An archive without press.toml: the default title, language and page size.
mod site_defaults;
/// `press import --from jekyll`: relative and `www.` links between posts reach their statements.
mod site_links;
/// `press speakers rename|merge`: every shape of `speaker` rewritten byte for byte, speakers.toml,
/// redirects from the old page, dry runs, refusals, failures.
mod speakers_rename;
/// The harness: temporary archives and a hermetic `press` command under a watchdog.
mod support;
/// Translations as one statement: pages in three languages (one right to left), lists of
/// originals, `list --lang`, `show --lang`, `new --translation-of`, validator and Chromium.
mod translations;
/// `topics.toml`: located errors, synonyms as one topic, `--tree`, parents, strict mode.
mod vocabulary;
