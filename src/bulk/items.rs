//! Byte-exact edits of the string values of one front-matter key: the `topics` items, or the
//! `name` of each `speaker`. A value is an item of a flow list on one line (`topics: [a, "b"]`),
//! of a block list (`- a` lines), or a single scalar; with a field (`name`), an item may also be
//! a map, on one line in braces or as a block of lines ([`super::maps`]), whose field's value is
//! the one edited. Each value is replaced in its own quoting style when that style can hold the
//! new value (plain, 'single' or "double"), else in double quotes as press writes them; an item
//! can be removed with its separator (a map with all its keys). Every other byte (comments,
//! other keys, line endings, a byte-order mark) stays as it was.

use foldhash::HashMap;

use super::maps::{self, Span};
use super::scalar::{Style, decode, style_of, write_as};
use crate::rename::{front_lines, key_line, scalar_len};
use crate::slug;

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

/// One item in the text: the bytes of its value's scalar, of the whole item (a map's braces
/// and all), the bytes to drop to remove it from a block list, its decoded value (`None`: a map
/// without the field) and its style.
#[derive(Debug)]
struct Item {
    scalar: Span,
    whole: Span,
    removal: Option<Span>,
    value: Option<String>,
    style: Style,
    flow: bool,
}

impl Item {
    /// A one-line scalar item whose bytes are `raw`, at `start`.
    fn scalar(raw: &str, start: usize, flow: bool) -> Result<Self, String> {
        let span = (start, start + raw.len());
        Ok(Self {
            scalar: span,
            whole: span,
            removal: None,
            value: Some(decode(raw)?),
            style: style_of(raw),
            flow,
        })
    }

    /// A map item spanning `whole`, whose field's value is at `span` in `text` (if it has one).
    fn map(text: &str, whole: Span, span: Option<Span>, flow: bool) -> Result<Self, String> {
        match span {
            Some(span) => Ok(Self {
                whole,
                ..Self::scalar(&text[span.0..span.1], span.0, flow)?
            }),
            None => Ok(Self {
                scalar: whole,
                whole,
                removal: None,
                value: None,
                style: Style::Plain,
                flow,
            }),
        }
    }
}

/// `text` with the values of the top-level `key` (with `field`, the value of that key of each
/// map item) edited as `fate` says of each (given its decoded value, in file order);
/// `Ok(None)` when nothing changes (or the key is absent), `Err` (in words) when the value has
/// a shape this cannot edit, such as a list over several lines.
pub fn edit_values(
    text: &str,
    key: &str,
    field: Option<&str>,
    mut fate: impl FnMut(&str) -> Fate,
) -> Result<Option<String>, String> {
    let Some(items) = items(text, key, field)? else {
        return Ok(None);
    };
    // Each item's new scalar text (`None`: removed), and whether anything changes.
    let mut written: Vec<Option<String>> = Vec::with_capacity(items.len());
    let mut changed = false;
    for item in &items {
        let raw = &text[item.scalar.0..item.scalar.1];
        let Some(value) = &item.value else {
            written.push(Some(raw.to_owned()));
            continue;
        };
        written.push(match fate(value) {
            Fate::Keep => Some(raw.to_owned()),
            Fate::Replace(new) if new == *value => Some(raw.to_owned()),
            Fate::Replace(new) => {
                changed = true;
                Some(write_as(&new, item.style, item.flow))
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
    let flow_list = items.iter().all(|i| i.removal.is_none());
    if flow_list && written.iter().any(Option::is_none) {
        // A flow list's items and the separators between them, rebuilt: a kept item is
        // preceded by the separator that preceded it (none for the first one kept).
        let mut rebuilt = String::new();
        for (index, (item, new)) in items.iter().zip(&written).enumerate() {
            let Some(new) = new else { continue };
            if !rebuilt.is_empty() {
                rebuilt.push_str(&text[items[index - 1].whole.1..item.whole.0]);
            }
            rebuilt.push_str(&text[item.whole.0..item.scalar.0]);
            rebuilt.push_str(new);
            rebuilt.push_str(&text[item.scalar.1..item.whole.1]);
        }
        let (first, last) = (&items[0], &items[items.len() - 1]);
        edits.push((first.whole.0, last.whole.1, rebuilt));
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

/// A rename by slug, value after value of one statement: each old slug to its new name in
/// `mapping`. Each mapped value gets its new name, and a value that an earlier one already
/// names (after mapping) leaves, when either was mapped; other values stay. What `press topics
/// rename|merge|normalize` and `press speakers rename|merge` do to each statement.
pub struct Renaming<'a> {
    mapping: &'a HashMap<String, String>,
    /// Each slug named so far, and whether it was mapped.
    seen: HashMap<String, bool>,
}

impl<'a> Renaming<'a> {
    /// A rename of one statement's values.
    pub fn new(mapping: &'a HashMap<String, String>) -> Self {
        Self {
            mapping,
            seen: HashMap::default(),
        }
    }

    /// What becomes of the next value.
    pub fn fate(&mut self, value: &str) -> Fate {
        let (target, mapped) = match self.mapping.get(&slug::key(value)) {
            Some(name) => (name.as_str(), true),
            None => (value, false),
        };
        let key = slug::key(target);
        match self.seen.get(&key) {
            Some(&earlier) if mapped || earlier => Fate::Remove,
            Some(_) => Fate::Keep,
            None => {
                self.seen.insert(key, mapped);
                if mapped {
                    Fate::Replace(target.to_owned())
                } else {
                    Fate::Keep
                }
            }
        }
    }
}

/// `text` with the values of `key` (or of its maps' `field`) renamed as [`Renaming`] says.
pub fn map_values(
    text: &str,
    key: &str,
    field: Option<&str>,
    mapping: &HashMap<String, String>,
) -> Result<Option<String>, String> {
    let mut renaming = Renaming::new(mapping);
    edit_values(text, key, field, |value| renaming.fate(value))
}

/// The items of `key` in `text`, or `None` when the key is absent.
fn items(text: &str, key: &str, field: Option<&str>) -> Result<Option<Vec<Item>>, String> {
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
        return block_items(text, &lines[index + 1..], closing, key, field).map(Some);
    }
    if value.starts_with('[') {
        return flow_items(text, value, start, field).map(Some);
    }
    if let (Some(field), true) = (field, value.starts_with('{')) {
        let (len, span) = maps::flow_map(value, start, field)?;
        after_value(&value[len..])?;
        return Ok(Some(vec![Item::map(
            text,
            (start, start + len),
            span,
            true,
        )?]));
    }
    let len = scalar_len(value).ok_or_else(|| format!("`{key}` is not a list or a string"))?;
    Ok(Some(vec![Item::scalar(&value[..len], start, false)?]))
}

/// Requires nothing but spaces and a comment after a value on its line.
fn after_value(rest: &str) -> Result<(), String> {
    let rest = rest.trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with('#') {
        Ok(())
    } else {
        Err("a value followed by more text on its line".to_owned())
    }
}

/// How far `line` is indented (spaces).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing but spaces or a comment.
fn is_blank(line: &str) -> bool {
    let trimmed = line.trim_start_matches([' ', '\t']);
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// The items of a block value: the lines after the key that are indented or start with `-`,
/// either a list (`- ` items, each one line, or with a field a map over the lines indented
/// under it) or, with a field, one block map.
fn block_items(
    text: &str,
    lines: &[(usize, &str)],
    closing: usize,
    key: &str,
    field: Option<&str>,
) -> Result<Vec<Item>, String> {
    let end = lines
        .iter()
        .position(|&(_, line)| {
            let trimmed = line.trim_start_matches([' ', '\t']);
            !trimmed.is_empty() && !line.starts_with([' ', '\t', '-'])
        })
        .unwrap_or(lines.len());
    let block = &lines[..end];
    let next_offset = |index: usize| {
        block
            .get(index)
            .map_or_else(|| lines.get(end).map_or(closing, |l| l.0), |l| l.0)
    };
    let Some(first) = block.iter().position(|&(_, line)| !is_blank(line)) else {
        return Ok(Vec::new());
    };
    let dash = indent(block[first].1);
    if !is_dash(&block[first].1[dash..]) {
        let field = field.ok_or_else(|| format!("`{key}` is not a list or a string"))?;
        let map = &block[first..];
        let span = maps::block_map(map, dash, field)?;
        let whole = (map[0].0, next_offset(end));
        return Ok(vec![Item::map(text, whole, span, false)?]);
    }
    let mut items = Vec::new();
    let mut index = first;
    while index < block.len() {
        let (offset, line) = block[index];
        if is_blank(line) {
            index += 1;
            continue;
        }
        if indent(line) != dash || !is_dash(&line[dash..]) {
            return Err("a list item over several lines".to_owned());
        }
        // The item's lines: this one and those indented deeper (comments and blank lines
        // between them included, not after them).
        let mut last = index;
        for (next, &(_, more)) in block.iter().enumerate().skip(index + 1) {
            if is_blank(more) {
                continue;
            }
            if indent(more) <= dash {
                break;
            }
            last = next;
        }
        let item_lines = &block[index..=last];
        let rest = line[dash + 1..].trim_start_matches([' ', '\t']);
        let at = line.len() - rest.len();
        let whole = (offset, next_offset(last + 1));
        let mut item = match field {
            Some(field) if rest.is_empty() || rest.starts_with('#') => {
                let map = &item_lines[1..];
                let Some(start) = map.iter().position(|&(_, l)| !is_blank(l)) else {
                    return Err("a list item without a value".to_owned());
                };
                let span = maps::block_map(&map[start..], indent(map[start].1), field)?;
                Item::map(text, whole, span, false)?
            }
            Some(field) if rest.starts_with('{') => {
                let (len, span) = maps::flow_map(rest, offset + at, field)?;
                after_value(&rest[len..])?;
                if last > index {
                    return Err("a list item over several lines".to_owned());
                }
                Item::map(text, whole, span, true)?
            }
            Some(field) if maps::key_at(rest).is_some() => {
                let span = maps::block_map(item_lines, at, field)?;
                Item::map(text, whole, span, false)?
            }
            _ => {
                if last > index {
                    return Err("a list item over several lines".to_owned());
                }
                let len = scalar_len(rest).ok_or("a list item that is not a one-line string")?;
                Item::scalar(&rest[..len], offset + at, false)?
            }
        };
        item.removal = Some(whole);
        items.push(item);
        index = last + 1;
    }
    if items.len() == 1 {
        items[0].removal = None;
    }
    Ok(items)
}

/// Whether a line's content (after its indentation) is a `-` list item.
fn is_dash(content: &str) -> bool {
    content
        .strip_prefix('-')
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// The items of a flow list on one line (`value` starts with `[`; `start` is its offset): with a
/// field, maps in braces are items too.
fn flow_items(
    text: &str,
    value: &str,
    start: usize,
    field: Option<&str>,
) -> Result<Vec<Item>, String> {
    let several = || "a list over several lines (or with nested values)".to_owned();
    let bytes = value.as_bytes();
    let mut i = 1;
    let mut items = Vec::new();
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
        let len = match (rest.as_bytes()[0], field) {
            (b'"' | b'\'', _) => scalar_len(rest).ok_or_else(several)?,
            (b'{', Some(field)) => {
                let (len, span) = maps::flow_map(rest, start + i, field)?;
                let whole = (start + i, start + i + len);
                items.push(Item::map(text, whole, span, true)?);
                len
            }
            (b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>', _) => return Err(several()),
            _ => {
                let end = rest.find([',', ']', '#']).ok_or_else(several)?;
                rest[..end].trim_end().len()
            }
        };
        if !rest.starts_with('{') {
            items.push(Item::scalar(&rest[..len], start + i, true)?);
        }
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
    after_value(&value[i + 1..])?;
    Ok(items)
}

#[cfg(test)]
mod tests;
