//! From file bytes to a [`Statement`], or to located diagnostics. Pure: no I/O.
//!
//! The steps, each of which can stop with an error at a known position:
//! 1. bytes: size limit, UTF-16, UTF-8 validity, NUL and control characters (the line of the
//!    first bad byte); a UTF-8 BOM is dropped and CRLF or lone CR become LF, so neither ever
//!    leaks into a value;
//! 2. split: the opening `---` on line 1, the closing `---` (or `...`), the front-matter limit;
//! 3. keys: a line scan of top-level keys gives each key's line, unknown keys (with "did you
//!    mean") and duplicate keys, which serde_yaml would report at the wrong place;
//! 4. YAML: [`crate::yaml::parse`], with its positions moved into file lines;
//! 5. values: every key checked at the value level (types, dates, URLs, language tags, slugs),
//!    all problems collected, each pointing at its key's line.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use super::{Published, Speaker, Statement, Topic};
use crate::diagnostic::{Diagnostic, did_you_mean, quote};
use crate::slug::{self, Slug};
use crate::yaml::{self, Value};

/// The bounds every statement file must keep, checked before any expensive step.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest statement file.
    pub file_bytes: usize,
    /// Largest front matter (it holds the background, so it is generous).
    pub front_matter_bytes: usize,
    /// Longest title, in characters.
    pub title_chars: usize,
    /// Most topics on one statement.
    pub topics: usize,
    /// Most speakers on one statement.
    pub speakers: usize,
    /// Deepest Markdown nesting of block quotes and lists.
    pub markdown_depth: usize,
}

/// The limits `press` enforces (documented in the README's "Limits and safety").
pub const LIMITS: Limits = Limits {
    file_bytes: 4 * 1024 * 1024,
    front_matter_bytes: 512 * 1024,
    title_chars: 500,
    topics: 100,
    speakers: 50,
    markdown_depth: 32,
};

/// The front-matter keys of the format, in the order `press` writes them.
pub const KEYS: &[&str] = &[
    "title",
    "date",
    "speaker",
    "topics",
    "location",
    "background",
    "contact",
    "source",
    "summary",
    "lang",
    "translation_of",
    "draft",
    "embargo",
    "slug",
    "aliases",
    "corrections",
    "withdrawn",
    "extra",
];

/// Keys every statement must have.
const REQUIRED: &[&str] = &["title", "date", "speaker", "topics"];

/// The outcome of parsing one file: the statement when it is valid, and every diagnostic
/// (errors, and warnings that do not stop it from being used).
#[derive(Debug, Default)]
pub struct Parsed {
    /// The statement, when the file has no errors.
    pub statement: Option<Statement>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// A hash of the file's bytes: equal digests mean an unchanged file (see [`digest`]).
    pub digest: u64,
}

/// Parses the file at `path` (relative to the archive root, for messages and the slug) from its
/// bytes.
pub fn parse(path: &str, bytes: &[u8]) -> Parsed {
    let mut parser = Parser {
        path,
        diagnostics: Vec::new(),
    };
    let statement = parser.statement(bytes);
    let mut diagnostics = parser.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column));
    let statement = statement.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Parsed {
        statement,
        diagnostics,
        digest: digest(bytes),
    }
}

/// The body of a statement file and the file line it starts on, as [`parse`] finds them,
/// without reading the front matter: for a file already known to be valid (export has checked
/// that its digest is the one it parsed). None when the file has no front matter to skip.
pub fn body(path: &str, bytes: &[u8]) -> Option<(String, usize)> {
    let text = decode(path, bytes).ok()?;
    let mut parser = Parser {
        path,
        diagnostics: Vec::new(),
    };
    let (_, body, line) = parser.split(&text)?;
    Some((body.to_owned(), line))
}

/// A 64-bit hash of a file's bytes (XXH3): export compares it with the one it recorded to know
/// that a statement is unchanged. Fast enough (tens of GB/s) to cost nothing beside parsing.
pub fn digest(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Decodes file bytes into text with LF line endings, or the error that names the first bad
/// byte. Shared with everything that reads statement-like files (import reads them too).
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > LIMITS.file_bytes {
        return Err(too_large(path, bytes.len() as u64));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(
            Diagnostic::error(path, 1, 1, "file is UTF-16 encoded, not UTF-8").with_help(
                "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
            ),
        );
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
            let byte = bytes[err.valid_up_to()];
            return Err(Diagnostic::error(
                path,
                line,
                column,
                format!("file is not valid UTF-8 (byte 0x{byte:02x})"),
            )
            .with_help("save the file as UTF-8"));
        }
    };
    if let Some(offset) = first_control_character(text) {
        let before = &text[..offset];
        let line = 1 + before.matches('\n').count();
        let column = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        let c = text[offset..].chars().next().unwrap_or('\0');
        let message = if c == '\0' {
            "file contains a NUL byte (is it a binary file?)".to_owned()
        } else {
            format!("file contains the control character U+{:04X}", c as u32)
        };
        return Err(Diagnostic::error(path, line, column, message)
            .with_help("remove the character; statement files are plain text"));
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

/// The file line and value column of the top-level front-matter `key` in decoded `text`, for
/// messages about a value that only the whole archive shows to be a problem (a future date, a
/// `source` used twice). `None` when the key is not there.
pub fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut lines = text.split('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for (line_no, line) in (2..).zip(lines) {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return None;
        }
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            let value = rest.trim_start();
            let column = if value.is_empty() || value.starts_with('#') {
                1
            } else {
                key.chars().count() + 2 + (rest.len() - value.len())
            };
            return Some((line_no, column));
        }
    }
    None
}

/// The error for a file of `size` bytes, over [`Limits::file_bytes`]; loaders that stop reading
/// at the limit call it with the size on disk.
pub fn too_large(path: &str, size: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        1,
        1,
        format!(
            "file is {}, more than the {} limit",
            megabytes(size),
            megabytes(LIMITS.file_bytes as u64)
        ),
    )
    .with_help("split the statement, or link large material instead of pasting it")
}

/// Byte offset of the first control character other than tab, LF and CR (C0, DEL or C1), found
/// on bytes rather than characters because every statement goes through it.
fn first_control_character(text: &str) -> Option<usize> {
    const CHUNK: usize = 32;
    let bytes = text.as_bytes();
    let control_at = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    };
    // A byte that could start one, tested a chunk at a time without branching (so the loop
    // vectorises); only a chunk with such a byte is looked at closely.
    let may_start =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') | (b == 0x7f) | (b == 0xc2);
    bytes
        .chunks(CHUNK)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().fold(false, |any, &b| any | may_start(b)))
        .find_map(|(n, chunk)| (n * CHUNK..n * CHUNK + chunk.len()).find(|&i| control_at(i)))
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// A top-level key found by the line scan.
struct KeyLine {
    key: String,
    /// File line of the key.
    line: usize,
    /// Column where the value starts on that line (1 when it starts below).
    value_column: usize,
}

pub(super) struct Parser<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Parser<'_> {
    pub(super) fn error(
        &mut self,
        line: usize,
        column: usize,
        message: impl Into<String>,
        help: &str,
    ) {
        let mut d = Diagnostic::error(self.path, line, column, message);
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diagnostics.push(d);
    }

    fn warning(&mut self, line: usize, column: usize, message: impl Into<String>, help: &str) {
        let mut d = Diagnostic::warning(self.path, line, column, message);
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diagnostics.push(d);
    }

    fn statement(&mut self, bytes: &[u8]) -> Option<Statement> {
        let text = match decode(self.path, bytes) {
            Ok(text) => text,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let (front, body, body_line) = self.split(&text)?;
        let keys = self.scan_keys(front);
        let fields = self.yaml(front, &keys)?;
        let mut statement = self.fields(fields, &keys)?;
        statement.body = body.to_owned();
        statement.body_line = body_line;
        self.check_body(&statement.body, body_line);
        if let Some(background) = &statement.background {
            let line = keys
                .iter()
                .find(|k| k.key == "background")
                .map_or(1, |k| k.line);
            self.check_markdown_depth(background, line, true);
        }
        self.check_file_name(&mut statement);
        Some(statement)
    }

    /// Splits the text into front matter and body; the body's blank lines around it trimmed.
    fn split<'t>(&mut self, text: &'t str) -> Option<(&'t str, &'t str, usize)> {
        if text.trim().is_empty() {
            self.error(
                1,
                1,
                "the file is empty",
                "a statement starts with front matter between `---` lines; see docs/format.md",
            );
            return None;
        }
        let Some(after_open) = text.strip_prefix("---").filter(|rest| {
            rest.starts_with('\n') || rest.trim_start_matches([' ', '\t']).starts_with('\n')
        }) else {
            self.error(
                1,
                1,
                "missing front matter: the file must start with a line `---`",
                "start the file with `---`, the keys title, date, speaker and topics, then another `---` line",
            );
            return None;
        };
        let front_start =
            text.len() - after_open.len() + after_open.find('\n').map_or(0, |i| i + 1);
        let mut offset = front_start;
        for (line, raw) in (2..).zip(text[front_start..].split_inclusive('\n')) {
            let trimmed = raw.trim_end();
            if trimmed == "---" || trimmed == "..." {
                let front = &text[front_start..offset];
                if front.len() > LIMITS.front_matter_bytes {
                    self.error(
                        2,
                        1,
                        format!(
                            "front matter is {} bytes, more than the {} KB limit",
                            front.len(),
                            LIMITS.front_matter_bytes / 1024
                        ),
                        "move long text from the front matter into the body",
                    );
                    return None;
                }
                let rest = &text[offset + raw.len()..];
                let (body, skipped) = trim_blank_lines(rest);
                // An empty body "starts" right after the closing line, however many blank lines follow.
                let skipped = if body.is_empty() { 0 } else { skipped };
                return Some((front, body, line + 1 + skipped));
            }
            offset += raw.len();
            if offset - front_start > LIMITS.front_matter_bytes {
                self.error(
                    2,
                    1,
                    format!(
                        "front matter is more than the {} KB limit (no closing `---` within it)",
                        LIMITS.front_matter_bytes / 1024
                    ),
                    "move long text from the front matter into the body, or close the front matter with `---`",
                );
                return None;
            }
        }
        self.error(
            1,
            1,
            "unclosed front matter: no closing `---` line",
            "end the front matter with a line `---` before the statement's text",
        );
        None
    }

    /// Scans top-level keys by line, reporting unknown and duplicate ones.
    fn scan_keys(&mut self, front: &str) -> Vec<KeyLine> {
        let mut keys: Vec<KeyLine> = Vec::new();
        for (index, line) in front.split('\n').enumerate() {
            let file_line = index + 2;
            let Some(first) = line.chars().next() else {
                continue;
            };
            if first.is_whitespace()
                || matches!(
                    first,
                    '#' | '-' | '[' | '{' | ']' | '}' | '\'' | '"' | '|' | '>'
                ) && !line.starts_with("\"")
            {
                continue;
            }
            let Some((raw_key, rest)) = line.split_once(':') else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
                continue;
            }
            let key = raw_key.trim().trim_matches('"').to_owned();
            let value_offset = rest.len() - rest.trim_start().len();
            let value_column = if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
                1
            } else {
                raw_key.chars().count() + 2 + value_offset
            };
            if let Some(first) = keys.iter().find(|k| k.key == key) {
                let first_line = first.line;
                self.error(
                    file_line,
                    1,
                    format!("duplicate key `{key}` (first on line {first_line})"),
                    "remove one of the two lines",
                );
            } else if !KEYS.contains(&key.as_str()) {
                let help = match did_you_mean(&key, KEYS.iter().copied()) {
                    Some(known) => format!("did you mean `{known}`?"),
                    None => format!(
                        "the keys are {}; keys from other systems go under `extra:`",
                        KEYS.join(", ")
                    ),
                };
                self.error(
                    file_line,
                    1,
                    format!("unknown key `{}`", escape_key(&key)),
                    &help,
                );
            }
            keys.push(KeyLine {
                key,
                line: file_line,
                value_column,
            });
        }
        keys
    }

    /// Parses the YAML into its top-level entries.
    fn yaml(&mut self, front: &str, keys: &[KeyLine]) -> Option<Vec<(String, Value)>> {
        if self
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("duplicate key"))
        {
            return None;
        }
        match yaml::parse(front) {
            Ok(Value::Map(entries)) => Some(entries),
            Ok(Value::Null) => Some(Vec::new()),
            Ok(other) => {
                self.error(
                    2,
                    1,
                    format!(
                        "front matter must be keys and values, found {}",
                        other.kind()
                    ),
                    "write one `key: value` per line",
                );
                None
            }
            Err(err) => {
                let (message, help) = match err.help {
                    Some(help) => (err.message, help),
                    None if err.message.contains("recursion limit exceeded") => (
                        "YAML is nested too deeply (more than 128 levels)".to_owned(),
                        "flatten the value; statement values are never nested this deep".to_owned(),
                    ),
                    None if err.message.contains("duplicate entry") || err.message.contains("duplicate key") => (
                        format!("invalid YAML: {}", err.message),
                        "remove one of the two entries".to_owned(),
                    ),
                    None => (
                        format!("invalid YAML: {}", err.message),
                        "check quoting and indentation here; a value containing `: ` or starting with a quote needs double quotes".to_owned(),
                    ),
                };
                // serde_yaml reports some errors (such as a tag) without a position: use the key line.
                let line = if err.line == 1 && err.column == 1 {
                    keys.first().map_or(2, |k| k.line)
                } else {
                    err.line + 1
                };
                self.error(line, err.column, message, &help);
                None
            }
        }
    }

    /// Checks every value and builds the statement; `None` when a required value is unusable.
    fn fields(&mut self, entries: Vec<(String, Value)>, keys: &[KeyLine]) -> Option<Statement> {
        let at = |key: &str| {
            keys.iter()
                .find(|k| k.key == key)
                .map_or((1, 1), |k| (k.line, k.value_column))
        };
        let mut title = None;
        let mut published = None;
        let mut speakers = None;
        let mut topics = None;
        let mut statement = Statement {
            path: self.path.to_owned(),
            slug: slug::slugify(""),
            slug_given: false,
            title: String::new(),
            published: Published::Date(NaiveDate::MIN),
            speakers: Vec::new(),
            topics: Vec::new(),
            location: None,
            background: None,
            contact: None,
            body: String::new(),
            source: None,
            summary: None,
            lang: "en".to_owned(),
            lang_given: false,
            translation_of: None,
            draft: false,
            embargo: None,
            aliases: Vec::new(),
            corrections: Vec::new(),
            withdrawn: None,
            extra: Vec::new(),
            body_line: 1,
        };
        for (key, value) in entries {
            let (line, column) = at(&key);
            // YAML escapes (`"\e"`, `"\0"`) put control characters into values that the byte
            // check never saw; they must not reach a terminal or a page.
            if let Some((text, c)) = control_character(&value) {
                self.error(
                    line,
                    column,
                    format!(
                        "`{}` contains the control character U+{:04X}: {}",
                        escape_key(&key),
                        c as u32,
                        quote(text)
                    ),
                    "remove it (a YAML escape such as \\e or \\0 in double quotes makes one)",
                );
                continue;
            }
            match key.as_str() {
                "title" => title = self.one_line(&key, value, line, column, LIMITS.title_chars),
                "date" => published = self.date(value, line, column),
                "speaker" => speakers = self.speakers(value, line, column),
                "topics" => topics = self.topics(value, line, column),
                "location" => statement.location = self.optional_line(&key, value, line, column),
                "background" => {
                    statement.background = self
                        .optional_text(&key, value, line, column)
                        .map(|t| trim_blank_lines(&t).0.to_owned())
                        .filter(|t| !t.is_empty());
                }
                "contact" => statement.contact = self.contact(value, line, column),
                "source" => statement.source = self.source(value, line, column),
                "summary" => {
                    statement.summary = self
                        .optional_text(&key, value, line, column)
                        .map(|t| t.trim().to_owned())
                        .filter(|t| !t.is_empty())
                }
                "lang" => {
                    if let Some(lang) = self.lang(value, line, column) {
                        statement.lang = lang;
                        statement.lang_given = true;
                    }
                }
                "translation_of" => {
                    statement.translation_of = self.translation_of(value, line, column);
                }
                "draft" => statement.draft = self.draft(value, line, column),
                "embargo" => statement.embargo = self.embargo(value, line, column),
                "slug" => {
                    if let Some(slug) = self.slug(value, line, column) {
                        statement.slug = slug;
                        statement.slug_given = true;
                    }
                }
                "aliases" => statement.aliases = self.aliases(value, line, column),
                "corrections" => statement.corrections = self.corrections(value, line, column),
                "withdrawn" => statement.withdrawn = self.withdrawn(value, line, column),
                "extra" => statement.extra = self.extra(value, line, column),
                _ => {} // reported by the key scan
            }
        }
        if statement.translation_of.is_some() && !statement.lang_given {
            let (line, column) = at("translation_of");
            self.error(
                line,
                column,
                "a translation needs `lang`: the language it is written in",
                "add `lang:` with its BCP 47 tag, e.g. lang: \"fr\"",
            );
        }
        let mut missing = false;
        for (key, present) in [
            ("title", title.is_some()),
            ("date", published.is_some()),
            ("speaker", speakers.is_some()),
            ("topics", topics.is_some()),
        ] {
            // A misspelt key (`topic`) already has its error with "did you mean `topics`?".
            let misspelt = |k: &KeyLine| {
                !KEYS.contains(&k.key.as_str())
                    && did_you_mean(&k.key, KEYS.iter().copied()) == Some(key)
            };
            if !present && !keys.iter().any(|k| k.key == key || misspelt(k)) {
                self.error(
                    1,
                    1,
                    format!("missing required key `{key}`"),
                    required_help(key),
                );
            }
            missing |= !present;
        }
        debug_assert!(REQUIRED.len() == 4);
        if missing {
            return None;
        }
        statement.title = title?;
        statement.published = published?;
        statement.speakers = speakers?;
        statement.topics = topics?;
        Some(statement)
    }

    fn string(&mut self, key: &str, value: Value, line: usize, column: usize) -> Option<String> {
        match value {
            Value::String(s) => Some(s),
            other => {
                self.error(
                    line,
                    column,
                    format!("`{key}` must be a string, found {}", other.describe_kind()),
                    "put the value in double quotes",
                );
                None
            }
        }
    }

    fn one_line(
        &mut self,
        key: &str,
        value: Value,
        line: usize,
        column: usize,
        max_chars: usize,
    ) -> Option<String> {
        let text = self.string(key, value, line, column)?;
        let text = text.trim();
        if text.is_empty() {
            self.error(
                line,
                column,
                format!("`{key}` is empty"),
                &format!("give the statement a {key}"),
            );
            return None;
        }
        if text.contains('\n') {
            self.error(
                line,
                column,
                format!("`{key}` must be one line, found {}", quote(text)),
                "join the lines into one",
            );
            return None;
        }
        if text.chars().count() > max_chars {
            self.error(
                line,
                column,
                format!(
                    "`{key}` is {} characters long, more than {max_chars}",
                    text.chars().count()
                ),
                "shorten it; long text belongs in `summary` or the body",
            );
            return None;
        }
        Some(text.to_owned())
    }

    fn optional_line(
        &mut self,
        key: &str,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<String> {
        if value == Value::Null {
            return None;
        }
        self.one_line(key, value, line, column, LIMITS.title_chars)
    }

    pub(super) fn optional_text(
        &mut self,
        key: &str,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<String> {
        if value == Value::Null {
            return None;
        }
        self.string(key, value, line, column)
    }

    /// `contact`: lines of text (press office, phone, e-mail) kept as written; empty is absent.
    fn contact(&mut self, value: Value, line: usize, column: usize) -> Option<String> {
        match value {
            Value::Null => None,
            Value::String(text) => {
                Some(trim_blank_lines(&text).0.trim_end().to_owned()).filter(|t| !t.is_empty())
            }
            other => {
                self.error(
                    line,
                    column,
                    format!("`contact` must be text, found {}", other.describe_kind()),
                    "write it as a block of lines: `contact: |`, then each line indented by two spaces",
                );
                None
            }
        }
    }

    fn date(&mut self, value: Value, line: usize, column: usize) -> Option<Published> {
        let text = match value {
            Value::String(s) => s,
            Value::Null => {
                self.error(
                    line,
                    column,
                    "`date` has no value",
                    "write the date as YYYY-MM-DD, e.g. 2026-01-27",
                );
                return None;
            }
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`date` must be a date like 2026-01-27, found {}",
                        other.describe_kind()
                    ),
                    "write the date as YYYY-MM-DD, e.g. 2026-01-27",
                );
                return None;
            }
        };
        match parse_date(text.trim()) {
            Ok(published) => Some(published),
            Err(problem) => {
                let (message, help) = match problem {
                    DateProblem::Impossible => (
                        format!("`date` is an impossible date: {}", quote(&text)),
                        "check the day and month; write it as YYYY-MM-DD",
                    ),
                    DateProblem::NoOffset => (
                        format!("`date` has a time but no UTC offset: {}", quote(&text)),
                        "add the offset, e.g. 2026-01-27T09:30:00+01:00, or give the day only",
                    ),
                    DateProblem::Malformed => (
                        format!("`date` is not a date: {}", quote(&text)),
                        "write the date as YYYY-MM-DD, e.g. 2026-01-27",
                    ),
                };
                self.error(line, column, message, help);
                None
            }
        }
    }

    /// Refuses an empty list or one longer than `limit` for a required list key; true when fine.
    #[allow(clippy::too_many_arguments)]
    fn list_size(
        &mut self,
        key: &str,
        noun: &str,
        len: usize,
        limit: usize,
        line: usize,
        column: usize,
        help: &str,
    ) -> bool {
        if len == 0 {
            self.error(
                line,
                column,
                format!("`{key}` is empty"),
                required_help(key),
            );
            false
        } else if len > limit {
            self.error(
                line,
                column,
                format!("`{key}` lists {len} {noun}, more than {limit}"),
                help,
            );
            false
        } else {
            true
        }
    }

    fn speakers(&mut self, value: Value, line: usize, column: usize) -> Option<Vec<Speaker>> {
        let items = match value {
            Value::List(items) => items,
            Value::Null => {
                self.error(
                    line,
                    column,
                    "`speaker` has no value",
                    required_help("speaker"),
                );
                return None;
            }
            single => vec![single],
        };
        if !self.list_size(
            "speaker",
            "speakers",
            items.len(),
            LIMITS.speakers,
            line,
            column,
            "keep the people actually quoted",
        ) {
            return None;
        }
        let mut speakers = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match self.speaker(item, line, column) {
                Some(speaker) => speakers.push(speaker),
                None => ok = false,
            }
        }
        ok.then_some(speakers)
    }

    fn speaker(&mut self, value: Value, line: usize, column: usize) -> Option<Speaker> {
        match value {
            Value::String(name) => {
                let name = self.one_line(
                    "speaker",
                    Value::String(name),
                    line,
                    column,
                    LIMITS.title_chars,
                )?;
                Some(Speaker::person(name))
            }
            Value::Map(entries) => {
                let mut speaker = Speaker {
                    name: None,
                    role: None,
                    organization: None,
                };
                let mut ok = true;
                for (key, value) in entries {
                    match key.as_str() {
                        "name" => match self.one_line(
                            "speaker.name",
                            value,
                            line,
                            column,
                            LIMITS.title_chars,
                        ) {
                            Some(name) => speaker.name = Some(name),
                            None => ok = false,
                        },
                        "role" => {
                            speaker.role = self.optional_line("speaker.role", value, line, column)
                        }
                        "organization" => {
                            speaker.organization =
                                self.optional_line("speaker.organization", value, line, column)
                        }
                        other => {
                            let fields = ["name", "role", "organization"];
                            let help = did_you_mean(other, fields).map_or_else(
                                || "a speaker has `name`, `role` and `organization`".to_owned(),
                                |k| format!("did you mean `{k}`?"),
                            );
                            self.error(
                                line,
                                column,
                                format!("unknown key `{}` in `speaker`", escape_key(other)),
                                &help,
                            );
                            ok = false;
                        }
                    }
                }
                if speaker.name.is_none() && speaker.organization.is_none() && ok {
                    self.error(
                        line,
                        column,
                        "a speaker has neither `name` nor `organization`",
                        "add `name: \"Full Name\"`, or `organization: \"Org\"` alone when the organisation speaks and no person is quoted",
                    );
                    return None;
                }
                ok.then_some(speaker)
            }
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`speaker` must be a name or a mapping with `name`, found {}",
                        other.describe_kind()
                    ),
                    required_help("speaker"),
                );
                None
            }
        }
    }

    fn topics(&mut self, value: Value, line: usize, column: usize) -> Option<Vec<Topic>> {
        let items = match value {
            Value::List(items) => items,
            Value::Null => {
                self.error(
                    line,
                    column,
                    "`topics` has no value",
                    required_help("topics"),
                );
                return None;
            }
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`topics` must be a list of strings, found {}",
                        other.describe_kind()
                    ),
                    "write topics: [\"Interpol\", \"red notices\"]",
                );
                return None;
            }
        };
        if !self.list_size(
            "topics",
            "topics",
            items.len(),
            LIMITS.topics,
            line,
            column,
            "keep the topics a reader would look for",
        ) {
            return None;
        }
        let mut topics = Vec::with_capacity(items.len());
        let mut ok = true;
        for (index, item) in items.into_iter().enumerate() {
            match item {
                Value::String(name) if !slug::key(&name).is_empty() && !name.contains('\n') => {
                    let topic = Topic::new(&name);
                    match topics.iter().find(|t: &&Topic| t.slug == topic.slug) {
                        // One topic, one tag: the repeat is dropped.
                        Some(first) => {
                            let also = if first.name == topic.name {
                                String::new()
                            } else {
                                format!(", first as {}", quote(&first.name))
                            };
                            self.warning(
                                line,
                                column,
                                format!("topic {} is listed twice{also}", quote(&topic.name)),
                                "remove the repeat",
                            );
                        }
                        None => topics.push(topic),
                    }
                }
                Value::String(name) => {
                    self.error(
                        line,
                        column,
                        format!(
                            "topic {} in `topics` has no letters or digits: {}",
                            index + 1,
                            quote(&name)
                        ),
                        "remove it or give it a name",
                    );
                    ok = false;
                }
                other => {
                    self.error(
                        line,
                        column,
                        format!(
                            "topic {} in `topics` must be a string, found {}",
                            index + 1,
                            other.describe_kind()
                        ),
                        "put each topic in double quotes, e.g. [\"2026\"]",
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(topics)
    }

    fn source(&mut self, value: Value, line: usize, column: usize) -> Option<String> {
        let text = self.optional_text("source", value, line, column)?;
        let text = text.trim();
        match url::Url::parse(text) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
                Some(text.to_owned())
            }
            _ => {
                self.error(
                    line,
                    column,
                    format!("`source` is not an absolute http(s) URL: {}", quote(text)),
                    "write the full address, e.g. https://example.org/news/statement",
                );
                None
            }
        }
    }

    fn lang(&mut self, value: Value, line: usize, column: usize) -> Option<String> {
        let text = self.optional_text("lang", value, line, column)?;
        let text = text.trim();
        if is_language_tag(text) {
            Some(text.to_owned())
        } else {
            self.error(
                line,
                column,
                format!("`lang` is not a BCP 47 language tag: {}", quote(text)),
                "use a tag such as en, fr, pt-BR, ar or zh-Hant",
            );
            None
        }
    }

    fn draft(&mut self, value: Value, line: usize, column: usize) -> bool {
        match value {
            Value::Bool(draft) => draft,
            Value::Null => false,
            other => {
                self.error(
                    line,
                    column,
                    format!(
                        "`draft` must be true or false, found {}",
                        other.describe_kind()
                    ),
                    "write `draft: true` or `draft: false`, without quotes",
                );
                false
            }
        }
    }

    fn embargo(
        &mut self,
        value: Value,
        line: usize,
        column: usize,
    ) -> Option<DateTime<FixedOffset>> {
        let text = self.optional_text("embargo", value, line, column)?;
        match DateTime::parse_from_rfc3339(text.trim()) {
            Ok(at) => Some(at),
            Err(_) => {
                let help = "write a date-time with its offset, e.g. 2026-01-27T09:00:00+01:00";
                if NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S").is_ok() {
                    self.error(
                        line,
                        column,
                        format!("`embargo` has no UTC offset: {}", quote(&text)),
                        help,
                    );
                } else {
                    self.error(
                        line,
                        column,
                        format!("`embargo` is not an RFC 3339 date-time: {}", quote(&text)),
                        help,
                    );
                }
                None
            }
        }
    }

    fn slug(&mut self, value: Value, line: usize, column: usize) -> Option<Slug> {
        let text = self.optional_text("slug", value, line, column)?;
        match Slug::parse(&text) {
            Some(slug) => Some(slug),
            None => {
                let suggestion = slug::slugify(&text);
                self.error(
                    line,
                    column,
                    format!("`slug` is not a valid slug: {}", quote(&text)),
                    &format!("use lowercase ASCII letters, digits and single hyphens, at most {} characters, e.g. \"{suggestion}\"", slug::MAX_LEN),
                );
                None
            }
        }
    }

    fn extra(&mut self, value: Value, line: usize, column: usize) -> Vec<(String, Value)> {
        match value {
            Value::Map(entries) => entries,
            Value::Null => Vec::new(),
            other => {
                self.error(
                    line,
                    column,
                    format!("`extra` must be a mapping, found {}", other.describe_kind()),
                    "write `extra:` and the keys indented below it",
                );
                Vec::new()
            }
        }
    }

    fn check_body(&mut self, body: &str, body_line: usize) {
        if body.trim().is_empty() {
            self.warning(
                body_line.saturating_sub(1),
                1,
                "the statement has no body text",
                "add the statement's text after the closing `---`",
            );
        }
        self.check_markdown_depth(body, body_line, false);
        for leftover in super::leftovers::leftovers(body) {
            let before = &body[..leftover.offset];
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            self.warning(
                body_line + before.matches('\n').count(),
                column,
                format!("leftover {} {}", leftover.kind, quote(&leftover.text)),
                "press renders no template code: write it as Markdown, or remove it; \
                 in a code span (`…`) it is shown as text",
            );
        }
    }

    /// Refuses Markdown nested deeper than the limit, before any Markdown parser sees it.
    fn check_markdown_depth(&mut self, text: &str, first_line: usize, in_front_matter: bool) {
        if let Some((index, depth)) = super::nesting::deeper_than(text, LIMITS.markdown_depth) {
            let line = if in_front_matter {
                first_line
            } else {
                first_line + index
            };
            self.error(
                line,
                1,
                format!(
                    "Markdown is nested {depth} levels deep, more than {}",
                    LIMITS.markdown_depth
                ),
                "flatten the block quotes or lists",
            );
        }
    }

    /// Derives the slug from the file name when not given, and warns about unconventional names.
    fn check_file_name(&mut self, statement: &mut Statement) {
        let file_name = self.path.rsplit('/').next().unwrap_or(self.path);
        let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
        let date_prefix = stem
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|_| stem.as_bytes().get(10) == Some(&b'-'));
        let rest = if date_prefix.is_some() {
            &stem[11..]
        } else {
            stem
        };
        if !statement.slug_given {
            statement.slug = Slug::parse(rest).unwrap_or_else(|| slug::slugify(rest));
        }
        // Where `press new` would have put it: the year's folder under statements/.
        let conventional = format!(
            "statements/{}/{}-{}.md",
            statement.day().format("%Y"),
            statement.day().format("%Y-%m-%d"),
            statement.slug
        );
        match date_prefix {
            Some(day) if day != statement.day() => self.warning(
                1,
                1,
                format!(
                    "the file name's date {} differs from `date` {}",
                    day.format("%Y-%m-%d"),
                    statement.published
                ),
                &format!("rename the file to {conventional}"),
            ),
            Some(_) if Slug::parse(rest).is_some() => {}
            _ => self.warning(
                1,
                1,
                "the file name is not of the form YYYY-MM-DD-slug.md",
                &format!("rename the file to {conventional}"),
            ),
        }
    }
}

/// The first string in `value` holding a control character other than newline and tab.
fn control_character(value: &Value) -> Option<(&str, char)> {
    match value {
        Value::String(text) => text
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\n' | '\t'))
            .map(|c| (text.as_str(), c)),
        Value::List(items) => items.iter().find_map(control_character),
        Value::Map(entries) => entries.iter().find_map(|(k, v)| {
            k.chars()
                .find(|&c| c.is_control() && !matches!(c, '\n' | '\t'))
                .map(|c| (k.as_str(), c))
                .or_else(|| control_character(v))
        }),
        _ => None,
    }
}

/// Why a date was refused.
enum DateProblem {
    Impossible,
    NoOffset,
    Malformed,
}

/// Parses `YYYY-MM-DD` strictly, or an RFC 3339 date-time that carries its offset.
fn parse_date(text: &str) -> Result<Published, DateProblem> {
    let b = text.as_bytes();
    let is_day = |b: &[u8]| {
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    };
    if is_day(b) {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Published::Date)
            .map_err(|_| DateProblem::Impossible);
    }
    if b.len() > 10 && is_day(&b[..10]) && matches!(b[10], b'T' | b't' | b' ') {
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(Published::Instant(at));
        }
        if NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").is_err() {
            return Err(DateProblem::Impossible);
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if NaiveDateTime::parse_from_str(text, format).is_ok() {
                return Err(DateProblem::NoOffset);
            }
        }
    }
    Err(DateProblem::Malformed)
}

/// Whether `text` is a well-formed BCP 47 language tag.
pub(crate) fn is_language_tag(text: &str) -> bool {
    language_tags::LanguageTag::parse(text).is_ok_and(|tag| tag.validate().is_ok())
}

/// The help line for a missing or empty required key.
fn required_help(key: &str) -> &'static str {
    match key {
        "title" => "add `title: \"Country: What happened\"`",
        "date" => "add `date: 2026-01-27`",
        "speaker" => {
            "add `speaker: \"Full Name\"`, or a mapping with `name`, `role` and `organization`"
        }
        _ => "add `topics: [\"Topic\"]` with at least one topic",
    }
}

/// A key from a file, safe to show between backticks.
fn escape_key(key: &str) -> String {
    let quoted = quote(key);
    quoted[1..quoted.len() - 1].to_owned()
}

/// Drops blank lines at the start and end of `text`; returns the rest and how many lines were
/// dropped at the start.
fn trim_blank_lines(text: &str) -> (&str, usize) {
    let mut start = 0;
    let mut skipped = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            start += line.len();
            skipped += 1;
        } else {
            break;
        }
    }
    let rest = &text[start..];
    let end = rest.trim_end().len();
    // Keep trailing spaces of the last line's text, drop trailing blank lines.
    let end = rest[end..].find('\n').map_or(rest.len(), |i| end + i);
    (rest[..end].trim_end_matches('\n'), skipped)
}

impl Value {
    /// "a number `2026`"-style description of a value's kind and content, for messages.
    pub(super) fn describe_kind(&self) -> String {
        match self {
            Value::String(s) => format!("the string {}", quote(s)),
            Value::Null => "nothing (null)".to_owned(),
            Value::List(_) | Value::Map(_) => self.kind().to_owned(),
            other => format!("{} `{}`", other.kind(), other.describe()),
        }
    }
}

#[cfg(test)]
mod dates_and_positions;

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    const GOOD: &str = "---\ntitle: \"Global: X\"\ndate: 2026-01-27\nspeaker:\n  name: \"Erika\"\n  role: \"Director\"\ntopics: [\"Interpol\", \"red notices\"]\n---\n\nBody “quoted”.\n\n";

    #[test]
    fn parses_a_good_statement() -> Result<()> {
        let parsed = parse("statements/2026/2026-01-27-x.md", GOOD.as_bytes());
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let s = parsed.statement.context("the statement parses")?;
        assert_eq!(s.title, "Global: X");
        assert_eq!(s.slug.as_str(), "x");
        assert_eq!(s.body, "Body “quoted”.");
        assert_eq!(s.body_line, 10);
        assert_eq!(s.speakers[0].role.as_deref(), Some("Director"));
        assert_eq!(s.topics[1].slug.as_str(), "red-notices");
        Ok(())
    }

    #[test]
    fn crlf_and_bom_never_leak() -> Result<()> {
        let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        let s = parse("statements/2026/2026-01-27-x.md", text.as_bytes())
            .statement
            .context("the statement parses")?;
        assert_eq!(s.title, "Global: X");
        assert!(!s.body.contains('\r'));
        Ok(())
    }

    #[test]
    fn dates() {
        assert!(matches!(parse_date("2026-01-27"), Ok(Published::Date(_))));
        assert!(matches!(
            parse_date("2026-01-27T09:30:00+01:00"),
            Ok(Published::Instant(_))
        ));
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(DateProblem::Impossible)
        ));
        assert!(matches!(
            parse_date("2026-01-27T09:30:00"),
            Err(DateProblem::NoOffset)
        ));
        assert!(matches!(
            parse_date("yesterday"),
            Err(DateProblem::Malformed)
        ));
        assert!(matches!(
            parse_date("2026-1-27"),
            Err(DateProblem::Malformed)
        ));
    }

    #[test]
    fn control_characters_from_yaml_escapes_are_refused() {
        let text = GOOD.replace("\"Global: X\"", "\"Global: \\e[31mX\"");
        let parsed = parse("statements/2026/2026-01-27-x.md", text.as_bytes());
        assert!(parsed.statement.is_none());
        assert_eq!(
            parsed.diagnostics[0].message,
            "`title` contains the control character U+001B: \"Global: \\u{001b}[31mX\""
        );
    }

    #[test]
    fn finds_key_positions() {
        assert_eq!(key_position(GOOD, "date"), Some((3, 7)));
        assert_eq!(key_position(GOOD, "speaker"), Some((4, 1)));
        assert_eq!(key_position(GOOD, "topics"), Some((7, 9)));
        assert_eq!(key_position(GOOD, "name"), None);
        assert_eq!(key_position(GOOD, "source"), None);
    }

    #[test]
    fn finds_control_characters_in_any_chunk() {
        assert_eq!(first_control_character("plain\ttext\r\n"), None);
        assert_eq!(first_control_character("caf\u{e9} \u{a0}\u{b0}"), None);
        let long = "a".repeat(31);
        assert_eq!(first_control_character(&format!("{long}\u{85}")), Some(31));
        assert_eq!(first_control_character(&format!("{long}b\u{1b}")), Some(32));
        assert_eq!(
            first_control_character(&format!("{long}{long}\u{7f}")),
            Some(62)
        );
        assert_eq!(first_control_character("\0"), Some(0));
    }

    #[test]
    fn an_organisation_may_speak_without_a_person_but_a_speaker_needs_one_of_them() -> Result<()> {
        let text = GOOD.replace(
            "  name: \"Erika\"\n  role: \"Director\"\n",
            "  organization: \"Department for Business and Trade\"\n",
        );
        let s = parse("statements/2026/2026-01-27-x.md", text.as_bytes())
            .statement
            .context("the statement parses")?;
        assert_eq!(s.speakers[0].name, None);
        assert_eq!(s.speakers[0].label(), "Department for Business and Trade");
        assert_eq!(
            crate::statement::write::to_markdown(&s).lines().nth(3),
            Some("speaker:")
        );
        assert!(
            crate::statement::write::to_markdown(&s).contains(
                "speaker:\n  organization: \"Department for Business and Trade\"\ntopics:"
            )
        );
        let text = GOOD.replace("  name: \"Erika\"\n", "");
        let parsed = parse("statements/2026/2026-01-27-x.md", text.as_bytes());
        assert!(parsed.statement.is_none());
        assert_eq!(
            parsed.diagnostics[0].message,
            "a speaker has neither `name` nor `organization`"
        );
        assert_eq!(
            parsed.diagnostics[0].help.as_deref(),
            Some(
                "add `name: \"Full Name\"`, or `organization: \"Org\"` alone when the organisation speaks and no person is quoted"
            )
        );
        Ok(())
    }

    #[test]
    fn trims_blank_lines() {
        assert_eq!(trim_blank_lines("\n\n  a\n\nb  \n\n"), ("  a\n\nb  ", 2));
    }
}

#[cfg(test)]
mod text_tests;
