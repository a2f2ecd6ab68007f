//! `press.toml`: the archive's settings. Every key is optional; an unknown key is an error
//! that names the file, so a misspelt setting is never silently ignored. A bad setting is a
//! [`Diagnostic`] at its line and column (`press.toml:1:1: error: unknown setting `titel``,
//! `help: did you mean `title`?`), printed as `check` prints a statement's.

use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, did_you_mean, quote};

/// The settings file, relative to the archive root (as diagnostics name it).
const FILE: &str = "press.toml";

/// The keys of `press.toml`.
const KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "organization",
    "per_page",
    "description",
];

/// How `press.toml`'s errors are told.
const TOML: TomlFile<'static> = TomlFile {
    name: FILE,
    noun: "setting",
    keys: KEYS,
    help: "see the README's settings table for each key and its type",
};

/// Statements per page when `per_page` is not set.
pub const DEFAULT_PER_PAGE: usize = 50;

/// The settings of one archive, from `<root>/press.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Site title, shown on every exported page.
    pub title: Option<String>,
    /// Absolute URL the site is published at (feeds' permalinks, sitemap, canonical links).
    pub base_url: Option<String>,
    /// Default language of the site (BCP 47).
    pub language: Option<String>,
    /// Organisation publishing the statements.
    pub organization: Option<String>,
    /// Statements per page on the home, topic, speaker and location pages.
    pub per_page: Option<usize>,
    /// One-line description for feeds and search engines.
    pub description: Option<String>,
}

impl Config {
    /// Reads `<root>/press.toml`; a missing file means every default.
    pub fn load(root: &Path) -> anyhow::Result<Self> {
        let path = root.join("press.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(err) => {
                return Err(err).with_context(|| format!("cannot read {}", path.display()));
            }
        };
        Ok(Self::parse(&text)?)
    }

    /// Parses the text of a `press.toml`; a bad setting is a located [`Diagnostic`].
    pub fn parse(text: &str) -> Result<Self, Diagnostic> {
        let config: Self = toml::from_str(text).map_err(|err| toml_error(&TOML, text, &err))?;
        let at = |key: &str, message: String, help: &str| {
            let (line, column) = key_position(text, key);
            Diagnostic::error(FILE, line, column, message).with_help(help)
        };
        if config.per_page == Some(0) {
            return Err(at(
                "per_page",
                "`per_page` must be at least 1".to_owned(),
                "write per_page = 50, or leave it out for the default",
            ));
        }
        if let Some(url) = &config.base_url {
            check_base_url(url).map_err(|err| {
                at(
                    "base_url",
                    format!("`base_url` {err}"),
                    "write the address the site is published at, e.g. https://example.org/press/",
                )
            })?;
        }
        if let Some(language) = &config.language
            && !crate::statement::parse::is_language_tag(language)
        {
            return Err(at(
                "language",
                format!(
                    "`language` is not a BCP 47 language tag: {}",
                    quote(language)
                ),
                "write a tag such as en, fr, ar or pt-BR",
            ));
        }
        Ok(config)
    }

    /// The site title (`Press statements` by default).
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or("Press statements")
    }

    /// The site language (`en` by default).
    pub fn language(&self) -> &str {
        self.language.as_deref().unwrap_or("en")
    }

    /// Statements per page.
    pub fn per_page(&self) -> usize {
        self.per_page.unwrap_or(DEFAULT_PER_PAGE).max(1)
    }

    /// The base URL with exactly one trailing `/`, when set.
    pub fn base_url(&self) -> Option<String> {
        self.base_url
            .as_deref()
            .map(|url| format!("{}/", url.trim_end_matches('/')))
    }
}

/// How a TOML file's error is told ([`toml_error`]).
pub(crate) struct TomlFile<'a> {
    /// The file's name, as diagnostics give it.
    pub name: &'a str,
    /// What it calls its keys: "setting", "key".
    pub noun: &'a str,
    /// Its keys, for "did you mean" when toml's message does not list those expected.
    pub keys: &'a [&'a str],
    /// Where its keys and their types are documented.
    pub help: &'a str,
}

/// The diagnostic of a TOML error in `file`: at its place, on one line (toml puts a detail on a
/// second one: "invalid date-time\nvalue is out of range"), with "did you mean" for a misspelt
/// key, among those toml expected there ("…, expected one of `name`, `aliases`") or else the
/// file's.
pub(crate) fn toml_error(file: &TomlFile<'_>, text: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = err
        .span()
        .map_or((1, 1), |span| line_and_column(text, span.start));
    let message = err
        .message()
        .trim_end()
        .lines()
        .collect::<Vec<_>>()
        .join(": ");
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'));
    let TomlFile {
        name,
        noun,
        keys,
        help,
    } = *file;
    match unknown {
        Some((key, rest)) => {
            let mut expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
            if expected.is_empty() {
                expected = keys.to_vec();
            }
            let help = match did_you_mean(key, expected.iter().copied()) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("the {noun}s are {}", expected.join(", ")),
            };
            Diagnostic::error(name, line, column, format!("unknown {noun} `{key}`")).with_help(help)
        }
        None => Diagnostic::error(name, line, column, message.as_str()).with_help(help),
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text` (a TOML file's
/// error span, in `press.toml`, `topics.toml` and `speakers.toml`).
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the line setting `key` starts (`key = …`), else the top of the file.
fn key_position(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or((1, 1), |index| (index + 1, 1))
}

/// Accepts only absolute `http` and `https` URLs without a query or fragment as a base URL
/// (every URL of the site is the base URL followed by a path, which a `?` or `#` would swallow).
pub fn check_base_url(url: &str) -> anyhow::Result<()> {
    let parsed =
        url::Url::parse(url).map_err(|err| anyhow::anyhow!("{url:?} is not a URL: {err}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.cannot_be_a_base() {
        anyhow::bail!("{url:?} must be an absolute http or https URL");
    }
    let part = match (parsed.query(), parsed.fragment()) {
        (Some(_), Some(_)) => Some("a query (`?…`) and a fragment (`#…`)"),
        (Some(_), None) => Some("a query (`?…`)"),
        (None, Some(_)) => Some("a fragment (`#…`)"),
        (None, None) => None,
    };
    if let Some(part) = part {
        let mut bare = parsed.clone();
        bare.set_query(None);
        bare.set_fragment(None);
        anyhow::bail!(
            "{url:?} must not have {part}: pages' URLs are made by adding paths to it; use {:?}",
            bare.as_str()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use anyhow::Result;

    use super::*;

    #[test]
    fn every_key_is_optional() -> Result<()> {
        assert_eq!(Config::parse("")?, Config::default());
        let config = Config::parse("title = \"T\"\nper_page = 10\nbase_url = \"https://x.org/p\"")?;
        assert_eq!(config.per_page(), 10);
        assert_eq!(config.base_url().as_deref(), Some("https://x.org/p/"));
        Ok(())
    }

    #[test]
    fn unknown_keys_are_errors() -> Result<()> {
        let err = Config::parse("titel = \"T\"")
            .err()
            .context("an unknown key is refused")?
            .to_string();
        assert_eq!(
            err,
            "press.toml:1:1: error: unknown setting `titel`\n  help: did you mean `title`?"
        );
        let err = |text: &str| Config::parse(text).err().map(|e| e.to_string());
        assert_eq!(
            err("base_url = \"javascript:x\"").as_deref(),
            Some(
                "press.toml:1:1: error: `base_url` \"javascript:x\" must be an absolute http or https URL\n  \
                 help: write the address the site is published at, e.g. https://example.org/press/"
            )
        );
        assert_eq!(
            err("per_page = 0").as_deref(),
            Some(
                "press.toml:1:1: error: `per_page` must be at least 1\n  \
                 help: write per_page = 50, or leave it out for the default"
            )
        );
        Ok(())
    }

    #[test]
    fn bad_settings_are_located() -> Result<()> {
        let err = |text: &str| -> Result<String> {
            Ok(Config::parse(text)
                .err()
                .context("a bad setting is refused")?
                .to_string())
        };
        assert_eq!(
            err("title = \"T\"\nper_page = \"ten\"\n")?,
            "press.toml:2:12: error: invalid type: string \"ten\", expected usize\n  \
             help: see the README's settings table for each key and its type"
        );
        assert_eq!(
            err("# the site\nlanguage = \"xx yy\"\n")?,
            "press.toml:2:1: error: `language` is not a BCP 47 language tag: \"xx yy\"\n  \
             help: write a tag such as en, fr, ar or pt-BR"
        );
        assert_eq!(
            Config::parse("language = \"pt-BR\"")?.language.as_deref(),
            Some("pt-BR")
        );
        assert!(err("colour = 1")?.ends_with(&format!("the settings are {}", KEYS.join(", "))));
        // KEYS lists exactly the keys the settings accept.
        for key in KEYS {
            assert!(
                !err(&format!("{key} = []"))?.contains("unknown setting"),
                "{key}"
            );
        }
        Ok(())
    }

    #[test]
    fn a_base_url_has_no_query_or_fragment() {
        for (url, part) in [
            (
                "https://example.org/press/?x=1#f",
                "a query (`?…`) and a fragment (`#…`)",
            ),
            ("https://example.org/press/?x=1", "a query (`?…`)"),
            ("https://example.org/press/#f", "a fragment (`#…`)"),
            ("https://example.org/press/?", "a query (`?…`)"),
            ("https://example.org/press/#", "a fragment (`#…`)"),
        ] {
            assert_eq!(
                check_base_url(url).err().map(|e| e.to_string()),
                Some(format!(
                    "{url:?} must not have {part}: pages' URLs are made by adding paths to it; use \"https://example.org/press/\""
                )),
                "{url}"
            );
        }
        assert_eq!(
            check_base_url("ftp://example.org/")
                .err()
                .map(|e| e.to_string()),
            Some("\"ftp://example.org/\" must be an absolute http or https URL".to_owned())
        );
        assert!(check_base_url("https://example.org/press/").is_ok());
        assert!(check_base_url("http://example.org").is_ok());
    }

    /// A TOML error's column counts characters: the accented letters before it on its line
    /// move it one column each, not one per byte.
    #[test]
    fn an_error_column_counts_characters_not_bytes() -> Result<()> {
        let err = Config::parse("title = \"Zoë Ünal\" x\n")
            .err()
            .context("a bad setting is refused")?;
        assert_eq!((err.line, err.column), (1, 20), "{err}");
        Ok(())
    }

    /// A bad setting on an indented line is located at that line, as one at the margin is.
    #[test]
    fn an_indented_bad_setting_is_located_at_its_line() -> Result<()> {
        let err = Config::parse("title = \"T\"\n  per_page = 0\n")
            .err()
            .context("a bad setting is refused")?;
        assert_eq!(
            err.to_string(),
            "press.toml:2:1: error: `per_page` must be at least 1\n  \
             help: write per_page = 50, or leave it out for the default"
        );
        Ok(())
    }
}
