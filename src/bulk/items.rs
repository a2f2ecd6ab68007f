//! Byte-exact edits of the string values of one front-matter key (`topics`): an item of a flow
//! list on one line (`topics: [a, "b"]`), of a block list (`- a` lines), or a single scalar.
//! Each value is replaced in its own quoting style when that style can hold the new value
//! (plain, 'single' or "double"), else in double quotes as press writes them; an item can be
//! removed with its separator. Every other byte (comments, other keys, line endings, a
//! byte-order mark) stays as it was.

use crate::rename::{front_lines, key_line, scalar_len};
use crate::yaml::{self, Value};

/// What becomes of one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Left as it is.
    Keep,
    /// Written anew with this value.
    Replace(String),
    /// Taken out of its list (with its separator, or its whole line).
    Remove,
}

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

/// One value in the text: the bytes of the scalar, the bytes to drop to remove it, its
/// decoded value and its style.
#[derive(Debug)]
struct Item {
    scalar: (usize, usize),
    removal: Option<(usize, usize)>,
    value: String,
    style: Style,
    flow: bool,
}

/// `text` with the values of the top-level `key` edited as `fate` says of each (given its
/// decoded value, in file order); `Ok(None)` when nothing changes (or the key is absent), `Err`
/// (in words) when the value has a shape this cannot edit, such as a list over several lines.
pub fn edit_strings(
    text: &str,
    key: &str,
    mut fate: impl FnMut(&str) -> Fate,
) -> Result<Option<String>, String> {
    let Some(items) = items(text, key)? else {
        return Ok(None);
    };
    // Each item's new text (`None`: removed), and whether anything changes.
    let mut written: Vec<Option<String>> = Vec::with_capacity(items.len());
    let mut changed = false;
    for item in &items {
        let raw = &text[item.scalar.0..item.scalar.1];
        written.push(match fate(&item.value) {
            Fate::Keep => Some(raw.to_owned()),
            Fate::Replace(value) if value == item.value => Some(raw.to_owned()),
            Fate::Replace(value) => {
                changed = true;
                Some(write_as(&value, item.style, item.flow))
            }
            Fate::Remove => {
                changed = true;
                None
            }
        });
    }
    if !changed {
        return Ok(None);
    }
    if written.iter().all(Option::is_none) {
        return Err(format!("cannot remove every value of `{key}`"));
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let flow = items.iter().any(|i| i.flow);
    if flow && written.iter().any(Option::is_none) {
        // The items and the separators between them, rebuilt: a kept item is preceded by the
        // separator that preceded it (none for the first one kept).
        let mut rebuilt = String::new();
        for (index, (item, new)) in items.iter().zip(&written).enumerate() {
            let Some(new) = new else { continue };
            if !rebuilt.is_empty() {
                rebuilt.push_str(&text[items[index - 1].scalar.1..item.scalar.0]);
            }
            rebuilt.push_str(new);
        }
        let (first, last) = (&items[0], &items[items.len() - 1]);
        edits.push((first.scalar.0, last.scalar.1, rebuilt));
    } else {
        for (item, new) in items.iter().zip(written) {
            match new {
                Some(new) => edits.push((item.scalar.0, item.scalar.1, new)),
                None => {
                    let (start, end) = item
                        .removal
                        .ok_or_else(|| format!("cannot remove the only value of `{key}`"))?;
                    edits.push((start, end, String::new()));
                }
            }
        }
    }
    let mut out = text.to_owned();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, &new);
    }
    Ok(Some(out))
}

/// The values of `key` in `text`, or `None` when the key is absent.
fn items(text: &str, key: &str) -> Result<Option<Vec<Item>>, String> {
    let Some((lines, closing)) = front_lines(text) else {
        return Ok(None);
    };
    let Some((offset, line, at)) = key_line(&lines, key) else {
        return Ok(None);
    };
    let value = &line[at..];
    let start = offset + at;
    if value.is_empty() || value.starts_with('#') {
        let index = lines
            .iter()
            .position(|&(o, _)| o == offset)
            .ok_or("a key line outside the front matter")?;
        return block_items(&lines[index + 1..], closing).map(Some);
    }
    if value.starts_with('[') {
        return flow_items(value, start).map(Some);
    }
    let len = scalar_len(value).ok_or_else(|| format!("`{key}` is not a list or a string"))?;
    let raw = &value[..len];
    Ok(Some(vec![Item {
        scalar: (start, start + len),
        removal: None,
        value: decode(raw)?,
        style: style_of(raw),
        flow: false,
    }]))
}

/// The items of a block list: the lines after the key that are indented or start with `-`.
fn block_items(lines: &[(usize, &str)], closing: usize) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for (index, &(offset, line)) in lines.iter().enumerate() {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            if line.starts_with([' ', '\t']) || trimmed.is_empty() {
                continue;
            }
            break;
        }
        if !line.starts_with([' ', '\t', '-']) {
            break;
        }
        let rest = trimmed
            .strip_prefix('-')
            .filter(|r| r.starts_with([' ', '\t']))
            .ok_or("a list item over several lines")?;
        let value = rest.trim_start_matches([' ', '\t']);
        let at = offset + line.len() - value.len();
        let len = scalar_len(value).ok_or("a list item that is not a one-line string")?;
        let raw = &value[..len];
        let end = lines.get(index + 1).map_or(closing, |next| next.0);
        items.push(Item {
            scalar: (at, at + len),
            removal: Some((offset, end)),
            value: decode(raw)?,
            style: style_of(raw),
            flow: false,
        });
    }
    if items.len() == 1 {
        items[0].removal = None;
    }
    Ok(items)
}

/// The items of a flow list on one line (`value` starts with `[`; `start` is its offset).
fn flow_items(value: &str, start: usize) -> Result<Vec<Item>, String> {
    let several = || "a list over several lines (or with nested values)".to_owned();
    let bytes = value.as_bytes();
    let mut i = 1;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        match bytes.get(i) {
            None => return Err(several()),
            Some(b']') => break,
            _ => {}
        }
        let rest = &value[i..];
        let len = match rest.as_bytes()[0] {
            b'"' | b'\'' => scalar_len(rest).ok_or_else(several)?,
            b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' => return Err(several()),
            _ => {
                let end = rest.find([',', ']', '#']).ok_or_else(several)?;
                rest[..end].trim_end().len()
            }
        };
        spans.push((i, i + len));
        i += len;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b']') => break,
            _ => return Err(several()),
        }
    }
    spans
        .iter()
        .map(|&(s, e)| {
            let raw = &value[s..e];
            Ok(Item {
                scalar: (start + s, start + e),
                removal: None,
                value: decode(raw)?,
                style: style_of(raw),
                flow: true,
            })
        })
        .collect()
}

fn style_of(raw: &str) -> Style {
    match raw.as_bytes().first() {
        Some(b'\'') => Style::Single,
        Some(b'"') => Style::Double,
        _ => Style::Plain,
    }
}

/// The string a one-line scalar stands for.
fn decode(raw: &str) -> Result<String, String> {
    match style_of(raw) {
        Style::Plain => Ok(raw.to_owned()),
        Style::Single => Ok(raw[1..raw.len() - 1].replace("''", "'")),
        Style::Double => match yaml::parse(raw) {
            Ok(Value::String(s)) => Ok(s),
            _ => Err(format!("cannot read the value {raw}")),
        },
    }
}

/// `value` written in `style` when that style holds it exactly, else double-quoted.
fn write_as(value: &str, style: Style, flow: bool) -> String {
    match style {
        Style::Plain if plain_holds(value, flow) => value.to_owned(),
        Style::Single if !value.chars().any(char::is_control) => {
            format!("'{}'", value.replace('\'', "''"))
        }
        _ => yaml::double_quoted(value),
    }
}

/// Whether `value` written without quotes reads back as exactly that string (in a flow list
/// when `flow`).
fn plain_holds(value: &str, flow: bool) -> bool {
    if value.is_empty() || value.contains(['\n', '\r', '#']) {
        return false;
    }
    let (text, wrap) = if flow {
        (format!("[{value}]"), true)
    } else {
        (value.to_owned(), false)
    };
    match yaml::parse(&text) {
        Ok(Value::List(items)) if wrap => items == [Value::String(value.to_owned())],
        Ok(Value::String(s)) if !wrap => s == value,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename(text: &str, from: &str, to: &str) -> Option<String> {
        edit_strings(text, "topics", |v| {
            if v.eq_ignore_ascii_case(from) {
                Fate::Replace(to.to_owned())
            } else {
                Fate::Keep
            }
        })
        .expect("editable")
    }

    fn remove(text: &str, gone: &str) -> Option<String> {
        edit_strings(text, "topics", |v| {
            if v == gone { Fate::Remove } else { Fate::Keep }
        })
        .expect("editable")
    }

    #[test]
    fn flow_items_keep_their_quotes() {
        let text = "---\ntitle: x\ntopics: [a, 'b', \"c\"] # mine\n---\n";
        assert_eq!(
            rename(text, "b", "It's"),
            Some(text.replace("'b'", "'It''s'"))
        );
        assert_eq!(rename(text, "c", "D"), Some(text.replace("\"c\"", "\"D\"")));
        assert_eq!(rename(text, "a", "x y"), Some(text.replace("[a,", "[x y,")));
        assert_eq!(
            rename(text, "a", "x, y"),
            Some(text.replace("[a,", "[\"x, y\","))
        );
        assert_eq!(
            rename(text, "a", "true"),
            Some(text.replace("[a,", "[\"true\","))
        );
        assert_eq!(rename(text, "z", "y"), None);
    }

    #[test]
    fn flow_items_leave_with_their_separator() {
        let text = "---\ntopics: [a, 'b', \"c\"]\n---\n";
        assert_eq!(remove(text, "a"), Some(text.replace("a, ", "")));
        assert_eq!(remove(text, "b"), Some(text.replace("'b', ", "")));
        assert_eq!(remove(text, "c"), Some(text.replace(", \"c\"", "")));
        assert_eq!(
            edit_strings(text, "topics", |v| if v == "a" {
                Fate::Keep
            } else {
                Fate::Remove
            })
            .expect("editable"),
            Some(text.replace(", 'b', \"c\"", ""))
        );
        let one = "---\ntopics: [a]\n---\n";
        assert!(edit_strings(one, "topics", |_| Fate::Remove).is_err());
    }

    #[test]
    fn block_items_keep_comments_and_line_endings() {
        let text = "\u{feff}---\r\ntopics: # list\r\n  - a # one\r\n  # between\r\n  - 'b'\r\ntitle: x\r\n---\r\n";
        assert_eq!(
            rename(text, "a", "A b"),
            Some(text.replace("- a #", "- A b #"))
        );
        assert_eq!(remove(text, "a"), Some(text.replace("  - a # one\r\n", "")));
        assert_eq!(remove(text, "b"), Some(text.replace("  - 'b'\r\n", "")));
    }

    #[test]
    fn a_single_scalar_is_replaced() {
        let text = "---\ntopics: Torture # x\n---\n";
        assert_eq!(
            rename(text, "torture", "Ill-treatment: torture"),
            Some(text.replace("Torture", "\"Ill-treatment: torture\""))
        );
        let multi = "---\ntopics: [a,\n  b]\n---\n";
        assert!(edit_strings(multi, "topics", |_| Fate::Keep).is_err());
    }
}
