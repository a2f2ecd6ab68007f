//! An old URL of a statement (`aliases:`): a path from the site's root, such as
//! `/2019/06/18/slug/` or `/news/2014/slug.html`, that a migrated or renamed statement was
//! published at. Only the path is kept: redirects are written for it inside the export's folder,
//! so one that could leave it (`..`), hide in it (`.git`) or carry more than a path is refused.

use std::fmt;

/// A valid alias. Built only by [`Alias::parse`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Alias(String);

/// Why a text is not an alias; its [`fmt::Display`] says what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Empty, or not starting with `/`.
    NotRooted,
    /// A `..` segment.
    ParentSegment,
    /// A segment starting with `.` (other than `..`).
    HiddenSegment,
    /// A `?` query.
    Query,
    /// A `#` fragment.
    Fragment,
    /// Spaces, a backslash, or `//`: not one path.
    NotAPath,
}

impl Alias {
    /// Accepts `text` (trimmed) when it is a path from the site root without `..`, hidden
    /// segments, query or fragment.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let text = text.trim();
        let Some(rest) = text.strip_prefix('/') else {
            return Err(Problem::NotRooted);
        };
        if text.contains('?') {
            return Err(Problem::Query);
        }
        if text.contains('#') {
            return Err(Problem::Fragment);
        }
        if text.contains(|c: char| c.is_whitespace() || c == '\\') || text.contains("//") {
            return Err(Problem::NotAPath);
        }
        for segment in rest.split('/') {
            if segment == ".." || segment == "." {
                return Err(Problem::ParentSegment);
            }
            if segment.starts_with('.') {
                return Err(Problem::HiddenSegment);
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// The alias as written: `/2019/06/18/slug/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Alias {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotRooted => "does not start with `/`",
            Self::ParentSegment => "has a `.` or `..` segment",
            Self::HiddenSegment => "has a hidden segment (one starting with `.`)",
            Self::Query => "has a query (`?`)",
            Self::Fragment => "has a fragment (`#`)",
            Self::NotAPath => "has a space, a backslash or an empty segment",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_paths_from_the_root() {
        for ok in [
            "/2019/06/18/slug/",
            "/news/2014/slug.html",
            "/",
            "/a-b_c/~d/",
        ] {
            assert_eq!(Alias::parse(ok).map(|a| a.to_string()), Ok(ok.to_owned()));
        }
    }

    #[test]
    fn refuses_what_is_not_one_safe_path() {
        for (bad, problem) in [
            ("2019/slug/", Problem::NotRooted),
            ("", Problem::NotRooted),
            ("https://example.org/a/", Problem::NotRooted),
            ("/a/../b/", Problem::ParentSegment),
            ("/a/./b/", Problem::ParentSegment),
            ("/.git/config", Problem::HiddenSegment),
            ("/a/?p=12", Problem::Query),
            ("/a/#top", Problem::Fragment),
            ("/a//b/", Problem::NotAPath),
            ("/a\\..\\b", Problem::NotAPath),
            ("/a b/", Problem::NotAPath),
        ] {
            assert_eq!(Alias::parse(bad), Err(problem), "{bad}");
        }
    }
}
