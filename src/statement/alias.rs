//! An old URL of a statement (`aliases:`): a path from the site's root, such as
//! `/2019/06/18/slug/` or `/news/2014/slug.html`, that a migrated or renamed statement was
//! published at. Only the path is kept: redirects are written for it inside the export's folder,
//! so one that could leave it (`..`), hide in it (`.git`) or carry more than a path is refused,
//! also when percent-encoded (`%2e%2e`, `%2F`), and so is one that no file system would take as a
//! file name (a control character, `:`, a segment over 255 bytes).

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
    /// A control character (NUL, a line break…), written or percent-encoded.
    Control,
    /// A percent-escape that is not UTF-8, or decodes to `/`, `\` or a `.`/`..` segment.
    Encoded,
    /// A character file systems refuse in a name (`:`, `*`, `"`, `<`, `>`, `|`).
    NotPortable,
    /// A segment longer than 255 bytes, or a path longer than 1024 bytes.
    TooLong,
}

/// The longest alias, and the longest segment (a file name on most file systems), in bytes.
const MAX_LEN: usize = 1024;
const MAX_SEGMENT: usize = 255;

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
        if text.chars().any(char::is_control) {
            return Err(Problem::Control);
        }
        if text.len() > MAX_LEN {
            return Err(Problem::TooLong);
        }
        for segment in rest.split('/') {
            if segment == ".." || segment == "." {
                return Err(Problem::ParentSegment);
            }
            if segment.starts_with('.') {
                return Err(Problem::HiddenSegment);
            }
            let decoded = decode(segment).ok_or(Problem::Encoded)?;
            if decoded.chars().any(char::is_control) {
                return Err(Problem::Control);
            }
            if decoded == "." || decoded == ".." || decoded.contains(['/', '\\']) {
                return Err(Problem::Encoded);
            }
            if decoded.starts_with('.') {
                return Err(Problem::HiddenSegment);
            }
            if decoded.contains([':', '*', '"', '<', '>', '|']) {
                return Err(Problem::NotPortable);
            }
            if decoded.len() > MAX_SEGMENT {
                return Err(Problem::TooLong);
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// The file its redirect page is written to, relative to the site's root, percent-escapes
    /// decoded (as a web server maps a URL to a file): `/a/b/` and `/a/b` → `a/b/index.html`,
    /// `/a/b.html` → `a/b.html`, `/` → `index.html`.
    pub fn file(&self) -> String {
        let rest = &self.0[1..];
        let decoded: Vec<String> = rest
            .split('/')
            .map(|s| decode(s).unwrap_or_default())
            .collect();
        let path = decoded.join("/");
        let last = decoded
            .last()
            .map_or("", String::as_str)
            .to_ascii_lowercase();
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else if last.ends_with(".html") || last.ends_with(".htm") {
            path
        } else {
            format!("{path}/index.html")
        }
    }

    /// The alias as written: `/2019/06/18/slug/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A segment with its percent-escapes decoded, when they make UTF-8.
fn decode(segment: &str) -> Option<String> {
    percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
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
            Self::Control => "has a control character",
            Self::Encoded => {
                "has a percent-escape that is not UTF-8 or stands for `/`, `\\` or a `.` segment"
            }
            Self::NotPortable => "has a character file names cannot hold (`:*\"<>|`)",
            Self::TooLong => "is too long (over 1024 bytes, or a segment over 255)",
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
            ("/a\0b/", Problem::Control),
            ("/a%00b/", Problem::Control),
            ("/a/%2e%2e/b/", Problem::Encoded),
            ("/a/%2E/b/", Problem::Encoded),
            ("/a%2Fb/", Problem::Encoded),
            ("/a%5Cb/", Problem::Encoded),
            ("/a%ff/", Problem::Encoded),
            ("/%2egit/", Problem::HiddenSegment),
            ("/C:/Windows/", Problem::NotPortable),
            ("/a%3Ab/", Problem::NotPortable),
        ] {
            assert_eq!(Alias::parse(bad), Err(problem), "{bad}");
        }
        let long = format!("/{}/", "a".repeat(256));
        assert_eq!(Alias::parse(&long), Err(Problem::TooLong));
        let deep = "/a".repeat(600);
        assert_eq!(Alias::parse(&deep), Err(Problem::TooLong));
        // At the limits, exactly: a 255-byte segment, a 1024-byte alias.
        let longest = format!("/{}/", "a".repeat(255));
        assert_eq!(Alias::parse(&longest).map(|a| a.to_string()), Ok(longest));
        let deepest = "/a".repeat(512);
        assert_eq!(Alias::parse(&deepest).map(|a| a.to_string()), Ok(deepest));
        assert_eq!(
            Alias::parse(&format!("{}b", "/a".repeat(512))),
            Err(Problem::TooLong)
        );
    }

    #[test]
    fn each_problem_says_what_is_wrong() {
        let said: Vec<String> = [
            Problem::NotRooted,
            Problem::ParentSegment,
            Problem::HiddenSegment,
            Problem::Query,
            Problem::Fragment,
            Problem::NotAPath,
            Problem::Control,
            Problem::Encoded,
            Problem::NotPortable,
            Problem::TooLong,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            said,
            [
                "does not start with `/`",
                "has a `.` or `..` segment",
                "has a hidden segment (one starting with `.`)",
                "has a query (`?`)",
                "has a fragment (`#`)",
                "has a space, a backslash or an empty segment",
                "has a control character",
                "has a percent-escape that is not UTF-8 or stands for `/`, `\\` or a `.` segment",
                "has a character file names cannot hold (`:*\"<>|`)",
                "is too long (over 1024 bytes, or a segment over 255)",
            ]
        );
    }

    #[test]
    fn files_are_paths_from_the_root() {
        for (alias, file) in [
            ("/", "index.html"),
            ("/a/b/", "a/b/index.html"),
            ("/a/b", "a/b/index.html"),
            ("/a/b.html", "a/b.html"),
            ("/a/B.HTM", "a/B.HTM"),
            ("/news/item.php", "news/item.php/index.html"),
            ("/caf%C3%A9/", "café/index.html"),
        ] {
            assert_eq!(Alias::parse(alias).map(|a| a.file()), Ok(file.to_owned()));
        }
    }
}
