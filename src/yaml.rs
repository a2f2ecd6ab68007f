//! The only module that knows the YAML library.
//!
//! serde_yaml is deprecated upstream, so everything else in `press` sees the project's own
//! [`Value`] tree: swapping in a fork such as serde_norway changes this file only.
//!
//! serde_yaml accepts more than the statement format allows, so [`parse`] first runs a cheap
//! lexical pass that refuses what must never reach it or never pass silently: anchors and aliases
//! (alias bombs), tags such as `!!python/object` (which serde_yaml would drop quietly), and flow
//! nesting deeper than [`MAX_FLOW_DEPTH`] (serde_yaml slows down quadratically on it).
//!
//! The writer half, [`write_string`] and friends, emits the subset that `press` writes: single-line
//! strings double-quoted (so `no`, `null`, `2026` and `Global: …` stay strings in any YAML reader)
//! and multi-line strings as literal blocks.

use std::fmt::Write as _;

/// Deepest `[`/`{` nesting accepted in front matter.
pub const MAX_FLOW_DEPTH: usize = 16;

/// A YAML value, as the statement format sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written.
    Number(serde_json::Number),
    /// A string scalar.
    String(String),
    /// A sequence.
    List(Vec<Value>),
    /// A mapping with string keys, in file order.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// A short name of the value's kind, for "expected X, found Y" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The value as it would read in a message (scalars only; collections by kind).
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".to_owned(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => crate::diagnostic::quote(s),
            Value::List(_) | Value::Map(_) => self.kind().to_owned(),
        }
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => n.serialize(serializer),
            Value::String(s) => serializer.serialize_str(s),
            Value::List(items) => items.serialize(serializer),
            Value::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// A YAML problem, located in the parsed text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Line in the parsed text.
    pub line: usize,
    /// Column in the parsed text, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

/// Parses one YAML document into a [`Value`], refusing anchors, aliases, tags and deep nesting.
pub fn parse(text: &str) -> Result<Value, YamlError> {
    guard(text)?;
    serde_yaml::from_str(text).map_err(|err| {
        let (line, column) = err.location().map_or((1, 1), |at| (at.line(), at.column()));
        let message = strip_position(&err.to_string());
        let help = message.starts_with("YAML tag").then(|| {
            "remove the tag; statement values are plain strings, lists and mappings".to_owned()
        });
        YamlError {
            line,
            column,
            message,
            help,
        }
    })
}

/// Drops serde_yaml's " at line L column C" (relative to the snippet) from a message.
fn strip_position(message: &str) -> String {
    let mut text = message.to_owned();
    while let Some(at) = text.find(" at line ") {
        let rest = &text[at + " at line ".len()..];
        let digits = rest.find(" column ").map(|i| &rest[..i]);
        if digits.is_some_and(|d| d.chars().all(|c| c.is_ascii_digit())) {
            let tail_start =
                at + " at line ".len() + rest.find(" column ").unwrap_or(0) + " column ".len();
            let tail = &text[tail_start..];
            let end = tail
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(tail.len());
            text.replace_range(at..tail_start + end, "");
        } else {
            break;
        }
    }
    text
}

/// Deserialises straight into [`Value`] (no intermediate tree): tags arrive as enums and are
/// refused, mapping keys must be scalars.
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v)
            .map_or_else(|| Value::String(v.to_string()), Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(String, Value)> =
            Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<Value>()? {
            let key = match key {
                Value::String(s) => s,
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                other => {
                    return Err(serde::de::Error::custom(format!(
                        "mapping keys must be text, found {}",
                        other.kind()
                    )));
                }
            };
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, _) = data.variant::<String>()?;
        Err(serde::de::Error::custom(format!(
            "YAML tag `!{tag}` is not allowed"
        )))
    }
}

/// The lexical pass: refuses anchors, aliases, tags and deep flow nesting before serde_yaml runs.
///
/// It tracks quoted scalars (which may span lines), comments and block scalars (`|`, `>`), whose
/// content is text and is never scanned.
fn guard(text: &str) -> Result<(), YamlError> {
    // Fast path: nothing to refuse unless one of these characters occurs, or enough brackets to
    // nest too deep.
    let brackets = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if brackets <= MAX_FLOW_DEPTH && !text.contains(['&', '*', '!']) {
        return Ok(());
    }
    let mut quote: Option<char> = None;
    let mut depth = 0usize;
    // Indentation of the line that opened a block scalar; lines indented deeper are its content.
    let mut block_indent: Option<usize> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line_no = index + 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_indent {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_indent = None;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut token_start = quote.is_none();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                if q == '"' && c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    if q == '\'' && chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                }
                i += 1;
                continue;
            }
            let at = |message: String, help: &str| YamlError {
                line: line_no,
                column: i + 1,
                message,
                help: Some(help.to_owned()),
            };
            match c {
                ' ' | '\t' => {}
                '#' if i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '\t' => break,
                '"' | '\'' if token_start => {
                    quote = Some(c);
                    token_start = false;
                }
                '[' | '{' if token_start || depth > 0 => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(at(
                            format!(
                                "lists and mappings are nested more than {MAX_FLOW_DEPTH} deep"
                            ),
                            "flatten the value; statement values are never nested this deep",
                        ));
                    }
                    token_start = true;
                }
                ']' | '}' if depth > 0 => {
                    depth -= 1;
                    token_start = false;
                }
                ',' if depth > 0 => token_start = true,
                '-' | '?' if token_start && chars.get(i + 1).is_none_or(|n| *n == ' ') => {}
                ':' if chars.get(i + 1).is_none_or(|n| *n == ' ') || depth > 0 => {
                    token_start = true
                }
                '&' | '*' if token_start => {
                    let name: String = chars[i..]
                        .iter()
                        .take_while(|c| !c.is_whitespace() && !",[]{}".contains(**c))
                        .collect();
                    let what = if c == '&' { "anchor" } else { "alias" };
                    return Err(at(
                        format!("YAML {what} `{name}` is not allowed"),
                        "write the value out in full, or quote it if it is text",
                    ));
                }
                '!' if token_start => {
                    let name: String = chars[i..]
                        .iter()
                        .take_while(|c| !c.is_whitespace())
                        .collect();
                    return Err(at(
                        format!("YAML tag `{name}` is not allowed"),
                        "remove the tag, or quote the value if it is text",
                    ));
                }
                '|' | '>' if token_start && depth == 0 => {
                    block_indent = Some(indent);
                    break;
                }
                _ => token_start = false,
            }
            i += 1;
        }
    }
    Ok(())
}

/// Appends `key: "value"` or a literal block, at `indent` spaces, choosing the safe form.
pub fn write_string(out: &mut String, indent: usize, key: &str, value: &str) {
    if value.contains('\n') {
        write_block(out, indent, key, value);
    } else {
        let _ = writeln!(out, "{}{key}: {}", " ".repeat(indent), double_quoted(value));
    }
}

/// Appends `key: |` and the value as a literal block, even a single line (a block of lines such
/// as a contact reads as one), or `key: "…"` when a literal block would not keep the value.
pub fn write_block(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    if literal_block_is_safe(value) {
        let first_indented = value.lines().next().is_some_and(|l| l.starts_with(' '));
        let indicator = if first_indented { "2" } else { "" };
        let chomp = if value.ends_with('\n') { "+" } else { "-" };
        let _ = writeln!(out, "{pad}{key}: |{indicator}{chomp}");
        for line in value
            .split('\n')
            .take(value.split('\n').count() - usize::from(value.ends_with('\n')))
        {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}  {line}");
            }
        }
    } else {
        let _ = writeln!(out, "{pad}{key}: {}", double_quoted(value));
    }
}

/// Appends `key: ["a", "b"]` as a flow list of double-quoted strings.
pub fn write_string_list(out: &mut String, indent: usize, key: &str, values: &[&str]) {
    let items: Vec<String> = values.iter().map(|v| double_quoted(v)).collect();
    let _ = writeln!(out, "{}{key}: [{}]", " ".repeat(indent), items.join(", "));
}

/// Appends `key: value` for a plain scalar that needs no quotes (dates, booleans).
pub fn write_plain(out: &mut String, indent: usize, key: &str, value: &str) {
    let _ = writeln!(out, "{}{key}: {value}", " ".repeat(indent));
}

/// Appends `key: value` for any value: strings as [`write_string`] does, everything else in JSON
/// flow style (JSON is YAML), so nested values from other systems survive unchanged.
pub fn write_value(out: &mut String, indent: usize, key: &str, value: &Value) {
    match value {
        Value::String(s) => write_string(out, indent, &yaml_key(key), s),
        other => {
            let json = serde_json::to_string(other).unwrap_or_else(|_| "null".to_owned());
            let _ = writeln!(out, "{}{}: {json}", " ".repeat(indent), yaml_key(key));
        }
    }
}

/// A mapping key, quoted unless it is a plain identifier.
fn yaml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !key.starts_with('-')
    {
        key.to_owned()
    } else {
        double_quoted(key)
    }
}

/// Whether a multi-line string survives a literal block unchanged: no characters YAML forbids
/// there, no trailing spaces a reader might strip, no leading blank line, and no line that would
/// be read as a less-indented continuation.
fn literal_block_is_safe(value: &str) -> bool {
    !value.starts_with('\n')
        && !value.ends_with("\n\n")
        && !value.chars().any(|c| {
            (c.is_control() && c != '\n')
                || c == '\u{feff}'
                || c == '\u{85}'
                || c == '\u{2028}'
                || c == '\u{2029}'
        })
        && value.lines().all(|line| line.trim_end() == line)
        && value
            .lines()
            .next()
            .is_some_and(|first| !first.trim().is_empty())
}

/// A YAML double-quoted scalar with every character that needs it escaped.
pub fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use anyhow::{Context as _, Result};

    use super::*;

    /// `parse`, its error turned into one `?` can pass on.
    fn read(text: &str) -> Result<Value> {
        parse(text).map_err(|e| anyhow::anyhow!("{e:?}"))
    }

    /// The message of the error `parse` must give.
    fn refusal(text: &str) -> Result<String> {
        Ok(parse(text).err().context("refused")?.message)
    }

    #[test]
    fn refuses_aliases_anchors_and_tags() -> Result<()> {
        assert_eq!(
            [
                refusal("a: &x [1]\nb: *x\n")?,
                refusal("a: !!python/object x\n")?,
                refusal(&format!("a: {}\n", "[".repeat(100_000)))?,
            ],
            [
                "YAML anchor `&x` is not allowed",
                "YAML tag `!!python/object` is not allowed",
                "lists and mappings are nested more than 16 deep",
            ]
        );
        Ok(())
    }

    #[test]
    fn text_with_symbols_is_fine() -> Result<()> {
        let v = read("a: Tom & Jerry *really*\nb: |\n  * item\n  &amp; !x\nc: \"*q\"\n")?;
        assert_eq!(
            v,
            Value::Map(vec![
                ("a".into(), Value::String("Tom & Jerry *really*".into())),
                ("b".into(), Value::String("* item\n&amp; !x\n".into())),
                ("c".into(), Value::String("*q".into())),
            ])
        );
        Ok(())
    }

    #[test]
    fn strips_relative_positions() {
        assert_eq!(
            strip_position(
                "did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 1 column 4"
            ),
            "did not find expected ',' or ']', while parsing a flow sequence"
        );
    }

    #[test]
    fn written_strings_read_back() -> Result<()> {
        for value in [
            "no",
            "null",
            "2026",
            "Global: x",
            " lead",
            "a\nb",
            "  a\n b\n",
            "tab\there",
            "quote \" and \\",
            "line\n\ntrail\n",
        ] {
            let mut out = String::new();
            write_string(&mut out, 0, "k", value);
            assert_eq!(
                read(&out)?,
                Value::Map(vec![("k".into(), Value::String(value.into()))]),
                "{out}"
            );
        }
        Ok(())
    }
}
