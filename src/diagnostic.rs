//! Located messages about the contents of statement files.
//!
//! A [`Diagnostic`] is data, never a panic or a bare string: parsing returns them, `check` prints
//! them all, `list` and `show` print them as warnings and go on. It renders as one grep-able line
//! in compiler style, with an optional indented help line:
//!
//! ```text
//! statements/2026/2026-01-27-interpol.md:6:1: error: unknown key `titel`
//!   help: did you mean `title`?
//! ```
//!
//! Paths are relative to the archive root and use `/`; lines and columns are 1-based and counted in
//! the file (the opening `---` is line 1, a byte-order mark is not counted, columns count characters).

use std::borrow::Cow;
use std::fmt;

/// How bad a diagnostic is: errors make `check` fail, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is not a valid statement (or the archive is inconsistent).
    Error,
    /// Worth a look, but the statement is usable.
    Warning,
}

/// One message about one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Path relative to the archive root, with `/` separators.
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, naming the key and quoting the bad value.
    pub message: String,
    /// How to fix it, when a fix is known.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `line:column` of `path`.
    pub fn error(path: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, line, column, message)
    }

    /// A warning at `line:column` of `path`.
    pub fn warning(path: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, line, column, message)
    }

    fn new(
        severity: Severity,
        path: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.to_owned(),
            line: line.max(1),
            column: column.max(1),
            severity,
            message: message.into(),
            help: None,
        }
    }

    /// The same diagnostic with a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic, with the severity in colour when `color` is set.
    pub fn render(&self, color: bool) -> String {
        let (label, paint) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let label = if color {
            format!("{paint}{label}\x1b[0m")
        } else {
            label.to_owned()
        };
        // A file name can hold anything: it is shown escaped, like the quoted values.
        let mut text = format!(
            "{}:{}:{}: {label}: {}",
            escape_controls(&self.path),
            self.line,
            self.column,
            escape_controls(&self.message)
        );
        if let Some(help) = &self.help {
            let help = escape_controls(help);
            let help_label = if color {
                "\x1b[1;36mhelp\x1b[0m"
            } else {
                "help"
            };
            text.push_str(&format!("\n  {help_label}: {help}"));
        }
        text
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A located error can travel as an [`anyhow::Error`] (an input file `new` or `import` cannot
/// decode); [`located`] finds it again so that it is printed as itself, with no second prefix.
impl std::error::Error for Diagnostic {}

/// The diagnostic an error is, when it is one and nothing was added to it: printed as itself
/// (`path:line:col: error: …` and its `help:`), never after another `error:`.
pub fn located(error: &anyhow::Error) -> Option<&Diagnostic> {
    if error.chain().count() == 1 {
        error.downcast_ref::<Diagnostic>()
    } else {
        None
    }
}

/// How an error that ends a command is shown: a located one as itself (`path:line:col: error: …`
/// and its `help:`), any other as `press: error: …` with its chain, control characters escaped
/// (its paths can hold anything).
pub fn error_text(error: &anyhow::Error, color: bool) -> String {
    match located(error) {
        Some(located) => located.render(color),
        None => format!("press: error: {}", escape_controls(&format!("{error:#}"))),
    }
}

/// Longest value, in characters, that a diagnostic quotes before cutting it with `…`.
const QUOTE_LIMIT: usize = 60;

/// `n` and the noun, singular for one: "1 error", "3 errors".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Quotes a value for a message: double quotes, control characters and quotes escaped, long values
/// cut, so that nothing from a file reaches the terminal raw.
pub fn quote(value: &str) -> String {
    let mut out = String::from("\"");
    for (count, c) in value.chars().enumerate() {
        if count == QUOTE_LIMIT {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_escaped(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// `text` with control characters and invisible formatting characters escaped (`\n`,
/// `\u{001b}`), so that a file name or a message cannot move the cursor, colour the terminal or
/// break a diagnostic's line in two.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Pushes `c`, escaped when [`needs_escape`] says so.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
        c => out.push(c),
    }
}

/// Characters that reorder or hide text on a terminal (bidi controls, BOM).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The closest candidate to `unknown` within a small edit distance, for "did you mean" help.
pub fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    let limit = (unknown.chars().count() / 3).clamp(2, 4);
    candidates
        .into_iter()
        .map(|known| (strsim::damerau_levenshtein(&unknown, known), known))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_help() {
        let d = Diagnostic::error("statements/x.md", 6, 1, "unknown key `titel`")
            .with_help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "statements/x.md:6:1: error: unknown key `titel`\n  help: did you mean `title`?"
        );
    }

    #[test]
    fn quote_escapes_control_characters() {
        assert_eq!(quote("a\u{1b}[31m\"b"), "\"a\\u{001b}[31m\\\"b\"");
        assert_eq!(quote(&"x".repeat(70)).chars().count(), 63);
    }

    #[test]
    fn a_rendered_diagnostic_escapes_control_characters_in_its_path() {
        let d = Diagnostic::warning("statements/a\u{1b}[31mred\nfake.md", 1, 1, "bad name")
            .with_help("rename it from a\u{1b}[31mred\nfake.md");
        assert_eq!(
            d.to_string(),
            "statements/a\\u{001b}[31mred\\nfake.md:1:1: warning: bad name\n  \
             help: rename it from a\\u{001b}[31mred\\nfake.md"
        );
    }

    #[test]
    fn suggests_near_keys() {
        assert_eq!(did_you_mean("topic", ["title", "topics"]), Some("topics"));
        assert_eq!(did_you_mean("zzzzzz", ["title", "topics"]), None);
    }

    /// The nearest spelling wins whatever the order, case does not count, and a suggestion may
    /// be further off the longer the word: two edits up to eight letters, four from twelve.
    #[test]
    fn suggests_the_nearest_spelling_within_a_reach_that_grows_with_the_word() {
        assert_eq!(
            did_you_mean("speakr", ["speakers", "speaker"]),
            Some("speaker")
        );
        assert_eq!(did_you_mean("TITEL", ["title"]), Some("title"));
        assert_eq!(did_you_mean("tipocs", ["topics"]), Some("topics"));
        assert_eq!(did_you_mean("tipocx", ["topics"]), None);
        assert_eq!(
            did_you_mean("translatoinsxxx", ["translations"]),
            Some("translations")
        );
        assert_eq!(did_you_mean("translatoinsxxxx", ["translations"]), None);
    }
}
