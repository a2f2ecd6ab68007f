//! `press.toml`: the archive's settings. Every key is optional; an unknown key is an error
//! that names the file, so a misspelt setting is never silently ignored.

use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

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
        Self::parse(&text).with_context(|| format!("invalid settings in {}", path.display()))
    }

    /// Parses the text of a `press.toml`.
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let config: Self = toml::from_str(text)
            .map_err(|err| anyhow::anyhow!("{}", err.to_string().trim_end().replace('\n', " ")))?;
        if config.per_page == Some(0) {
            anyhow::bail!("`per_page` must be at least 1");
        }
        if let Some(url) = &config.base_url {
            check_base_url(url).map_err(|err| anyhow::anyhow!("`base_url` {err}"))?;
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
        assert!(err.contains("titel"), "{err}");
        assert!(Config::parse("base_url = \"javascript:x\"").is_err());
        assert!(Config::parse("per_page = 0").is_err());
        Ok(())
    }

    #[test]
    fn a_base_url_has_no_query_or_fragment() {
        for url in [
            "https://example.org/press/?x=1#f",
            "https://example.org/press/?x=1",
            "https://example.org/press/#f",
            "https://example.org/press/?",
            "https://example.org/press/#",
        ] {
            assert!(check_base_url(url).is_err(), "{url}");
        }
        assert!(check_base_url("https://example.org/press/").is_ok());
        assert!(check_base_url("http://example.org").is_ok());
    }
}
