//! A post's text before its fields are read: control characters cleaned, front matter split
//! from the body, duplicate keys set apart, YAML or TOML parsed into a [`Value`].

use std::sync::LazyLock;

use regex::Regex;

use crate::import::regex;
use crate::yaml::{self, Value};

/// A control character removed from a post (or turned into a line break), with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The line it was on, counted in the text as read.
    pub line: usize,
    /// The character.
    pub character: char,
}

/// Characters that meant a line break: vertical tab, form feed, NEL, line and paragraph separators.
const LINE_BREAKS: &[char] = &['\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'];

/// Removes control characters other than tab and line feed (a carriage return before a line feed
/// goes silently, as CRLF is a line end), turning those that meant a line break into one.
pub fn clean_controls(text: &str) -> (String, Vec<Removed>) {
    let text = text.replace("\r\n", "\n");
    let mut removed = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut line = 1;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            out.push(c);
        } else if c == '\r' || LINE_BREAKS.contains(&c) {
            removed.push(Removed { line, character: c });
            out.push('\n');
        } else if c != '\t' && (c.is_control() || c == '\u{feff}') {
            // A BOM at the very start is a byte-order mark, not content worth reporting.
            if !(c == '\u{feff}' && out.is_empty()) {
                removed.push(Removed { line, character: c });
            }
        } else {
            out.push(c);
        }
    }
    (out, removed)
}

/// A top-level YAML key (`key:` at column 0) or TOML key (`key =` before any table).
static YAML_KEY: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"^(?P<key>[A-Za-z_][\w-]*|"[^"]+"|'[^']+')[ \t]*:(?:[ \t]|$)"#));
static TOML_KEY: LazyLock<Regex> =
    LazyLock::new(|| regex(r#"^(?P<key>[A-Za-z_][\w-]*|"[^"]+")[ \t]*="#));

/// Renames every top-level key written again later to `duplicate_KEY` (the later value wins,
/// as Jekyll and Hugo read it); returns the front matter and the keys renamed.
fn set_apart_duplicates(front: &str, toml: bool) -> (String, Vec<String>) {
    let pattern = if toml { &*TOML_KEY } else { &*YAML_KEY };
    let mut keys: Vec<(usize, String)> = Vec::new();
    for (n, line) in front.lines().enumerate() {
        if toml && line.trim_start().starts_with('[') {
            break;
        }
        if let Some(caps) = pattern.captures(line) {
            keys.push((n, caps["key"].trim_matches(['"', '\'']).to_owned()));
        }
    }
    let mut renamed = Vec::new();
    let mut earlier: Vec<usize> = Vec::new();
    for (i, (n, key)) in keys.iter().enumerate() {
        if keys[i + 1..].iter().any(|(_, later)| later == key) {
            earlier.push(*n);
            if !renamed.contains(key) {
                renamed.push(key.clone());
            }
        }
    }
    if earlier.is_empty() {
        return (front.to_owned(), renamed);
    }
    let mut count: Vec<(String, usize)> = Vec::new();
    let text = front
        .lines()
        .enumerate()
        .map(|(n, line)| {
            if !earlier.contains(&n) {
                return format!("{line}\n");
            }
            let Some(caps) = pattern.captures(line) else {
                return format!("{line}\n");
            };
            let key = caps["key"].trim_matches(['"', '\'']).to_owned();
            let seen = match count.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    count.push((key.clone(), 1));
                    1
                }
            };
            let name = if seen == 1 {
                format!("duplicate_{key}")
            } else {
                format!("duplicate_{key}_{seen}")
            };
            let end = caps.name("key").map_or(0, |m| m.end());
            format!("{name}{}\n", &line[end..])
        })
        .collect();
    (text, renamed)
}

/// Splits `---` YAML or `+++` TOML front matter from the body; also returns the keys written
/// twice (the earlier value set apart as `duplicate_KEY`).
pub fn split_front_matter(text: &str) -> Result<(Value, &str, Vec<String>), String> {
    let start = text.trim_start_matches(['\n', ' ', '\t']);
    let (fence, toml) = if start.starts_with("---\n") || start == "---" {
        ("---", false)
    } else if start.starts_with("+++\n") {
        ("+++", true)
    } else {
        return Err("no front matter: the file does not start with `---` or `+++`".to_owned());
    };
    let after = &start[fence.len()..];
    let after = after.strip_prefix('\n').unwrap_or(after);
    let (front, body) = match after.find(&format!("\n{fence}")) {
        _ if after.starts_with(fence) => ("", &after[fence.len()..]),
        Some(end) => {
            let rest = &after[end + 1 + fence.len()..];
            (&after[..end], rest.strip_prefix('\n').unwrap_or(rest))
        }
        None => return Err(format!("the front matter has no closing `{fence}`")),
    };
    if front.trim().is_empty() {
        return Ok((Value::Map(Vec::new()), body, Vec::new()));
    }
    let (front, duplicates) = set_apart_duplicates(front, toml);
    let value = if toml {
        let table: toml::Table = front.parse().map_err(|err: toml::de::Error| {
            format!("invalid TOML front matter: {}", err.message())
        })?;
        from_toml(toml::Value::Table(table))
    } else {
        // YAML forbids tabs in indentation; sites have them anyway.
        let front: String = front
            .lines()
            .map(|line| {
                let indent = line.len() - line.trim_start_matches('\t').len();
                format!("{}{}\n", "  ".repeat(indent), &line[indent..])
            })
            .collect();
        yaml::parse(&front)
            .or_else(|err| yaml::parse(&quote_plain_values(&front)).map_err(|_| err))
            .map_err(|err| {
                format!(
                    "invalid YAML front matter (line {}): {}",
                    err.line + 1,
                    err.message
                )
            })?
    };
    Ok((value, body, duplicates))
}

pub(super) fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(serde_json::Number::from(i)),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => {
            Value::Map(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
        }
    }
}

/// A top-level `key: value` whose plain value YAML cannot read as written (`title: Kenya: …`,
/// `title: @handle`, `title: 50% off`).
static PLAIN_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r#"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[^"'\[{|>&*!\s].*?)[ \t]*$"#)
});

/// Front matter with plain top-level values quoted, for a second try when sites wrote values
/// YAML refuses but Jekyll's readers forgave.
fn quote_plain_values(front: &str) -> String {
    front
        .lines()
        .map(|line| match PLAIN_VALUE.captures(line) {
            Some(caps)
                if caps["value"].contains(": ")
                    || caps["value"].contains(" #")
                    || caps["value"].starts_with(['@', '`', '%']) =>
            {
                format!(
                    "{}: {}\n",
                    &caps["key"],
                    yaml::double_quoted(&caps["value"])
                )
            }
            _ => format!("{line}\n"),
        })
        .collect()
}
