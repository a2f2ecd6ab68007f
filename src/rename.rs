//! The edits of `press rename SLUG NEW-SLUG`, made on file texts without touching the disk: the
//! moved file's name, its `slug:` and `aliases:` values, links to it in other statements' bodies
//! (`../2019/2019-06-18-slug.md`), and `translation_of: SLUG` values. Each edit changes only the
//! value it names and leaves every other byte of the file as it was (line endings, a byte-order
//! mark, quoting and comments elsewhere); [`crate::commands`] checks each result by parsing it
//! again before anything is written.

use crate::links;
use crate::statement::parse;

/// The path a statement file moves to: the same folder and date prefix, the new slug
/// (`statements/2019/2019-06-18-old.md` → `statements/2019/2019-06-18-new.md`).
pub fn moved_path(path: &str, new: &str) -> String {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let dated = stem.len() > 11
        && stem.as_bytes()[10] == b'-'
        && stem[..10].bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let prefix = if dated { &stem[..11] } else { "" };
    if folder.is_empty() {
        format!("{prefix}{new}.md")
    } else {
        format!("{folder}/{prefix}{new}.md")
    }
}

/// The front-matter lines of `text` as (byte offset, line without its ending), the opening
/// `---` excluded, up to the closing one (returned last, as the offset where it starts).
pub(crate) fn front_lines(text: &str) -> Option<(Vec<(usize, &str)>, usize)> {
    let start = usize::from(text.starts_with('\u{feff}')) * 3;
    let mut offset = start;
    let mut lines = Vec::new();
    for (index, raw) in text[start..].split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if index == 0 {
            if line.trim_end() != "---" {
                return None;
            }
        } else if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((lines, offset));
        } else {
            lines.push((offset, line));
        }
        offset += raw.len();
    }
    None
}

/// The line ending `text` uses (`\r\n` when its first line has one).
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if at > 0 && text.as_bytes()[at - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// The top-level `key:` line: its offset and text, and where its value starts in the line.
pub(crate) fn key_line<'t>(
    lines: &[(usize, &'t str)],
    key: &str,
) -> Option<(usize, &'t str, usize)> {
    lines.iter().find_map(|&(offset, line)| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        let value = rest.trim_start_matches([' ', '\t']);
        Some((offset, line, line.len() - value.len()))
    })
}

/// The length of the one-line scalar at the start of `value` (quoted, or plain up to a
/// comment), or None when it is not one (a block scalar, a list, nothing).
pub(crate) fn scalar_len(value: &str) -> Option<usize> {
    match value.chars().next()? {
        '"' => {
            let mut escaped = false;
            for (i, c) in value.char_indices().skip(1) {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return Some(i + 1),
                    _ => escaped = false,
                }
            }
            None
        }
        '\'' => {
            let bytes = value.as_bytes();
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return Some(i + 1);
                }
                i += 1;
            }
            None
        }
        '|' | '>' | '[' | '{' | '#' | '&' | '*' | '!' => None,
        _ => {
            let end = value.find(" #").unwrap_or(value.len());
            Some(value[..end].trim_end().len())
        }
    }
}

/// `text` with the one-line value of the top-level `key` replaced by `"value"`; None when the
/// key is absent or its value is not a one-line scalar.
pub fn set_value(text: &str, key: &str, value: &str) -> Option<String> {
    let (lines, _) = front_lines(text)?;
    let (offset, line, at) = key_line(&lines, key)?;
    let len = scalar_len(&line[at..])?;
    let start = offset + at;
    Some(format!(
        "{}\"{value}\"{}",
        &text[..start],
        &text[start + len..]
    ))
}

/// `text` with `alias` added to its `aliases` (written as `"alias"`): into a one-line flow list,
/// after the last item of a block list, around a single path, or as a new `aliases:` line at the
/// end of the front matter. None when the value has another shape (a list over several lines).
pub fn add_alias(text: &str, alias: &str) -> Option<String> {
    let (lines, closing) = front_lines(text)?;
    let quoted = format!("\"{alias}\"");
    let Some((offset, line, at)) = key_line(&lines, "aliases") else {
        let eol = line_ending(text);
        return Some(format!(
            "{}aliases: [{quoted}]{eol}{}",
            &text[..closing],
            &text[closing..]
        ));
    };
    let value = &line[at..];
    let start = offset + at;
    if value.is_empty() || value.starts_with('#') {
        // A block list: items on the lines that follow, indented or starting with `-`.
        let index = lines.iter().position(|&(o, _)| o == offset)?;
        let items: Vec<&(usize, &str)> = lines[index + 1..]
            .iter()
            .take_while(|(_, l)| l.starts_with([' ', '\t', '-']) || l.trim().is_empty())
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        let first = items.first()?;
        let dash = first.1.find('-')?;
        if !first.1[..dash].trim().is_empty() {
            return None;
        }
        let last = items.last()?;
        let end = last.0 + last.1.len();
        let eol = line_ending(text);
        return Some(format!(
            "{}{eol}{}- {quoted}{}",
            &text[..end],
            &first.1[..dash],
            &text[end..]
        ));
    }
    if value.starts_with('[') {
        let code = value.split(" #").next().unwrap_or(value).trim_end();
        if !code.ends_with(']') {
            return None;
        }
        let close = start + code.len() - 1;
        let inside = code[1..code.len() - 1].trim();
        let separator = if inside.is_empty() { "" } else { ", " };
        let before = text[..close].trim_end_matches([' ', '\t']);
        return Some(format!("{before}{separator}{quoted}{}", &text[close..]));
    }
    let len = scalar_len(value)?;
    Some(format!(
        "{}[{}, {quoted}]{}",
        &text[..start],
        &value[..len],
        &text[start + len..]
    ))
}

/// `text` (the file at `path`) with every link in its body to the statement file `old` (a path
/// from the archive root) pointing at `new_name` (the file's new name, in the same folder), and
/// how many links changed. Links keep everything else they hold (`../2019/`, `#top`).
pub fn rewrite_links(path: &str, text: &str, old: &str, new_name: &str) -> (String, usize) {
    let old_name = old.rsplit('/').next().unwrap_or(old);
    if !text.contains(old_name) {
        return (text.to_owned(), 0);
    }
    let Some((body, _)) = parse::body(path, text.as_bytes()) else {
        return (text.to_owned(), 0);
    };
    let Ok(decoded) = parse::decode(path, text.as_bytes()) else {
        return (text.to_owned(), 0);
    };
    // The body is the decoded text's tail, less blank lines around it: its last occurrence.
    let Some(body_start) = decoded.rfind(&body) else {
        return (text.to_owned(), 0);
    };
    let raw = raw_offsets(text);
    let found = links::local_links(&body);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut count = 0;
    for (index, link) in found.iter().enumerate() {
        if links::resolve_relative(path, &link.url).as_deref() != Some(old) {
            continue;
        }
        // The old name, between this link's start and the next one's.
        let end = found.get(index + 1).map_or(body.len(), |next| next.offset);
        let Some(within) = body[link.offset..end].find(old_name) else {
            continue;
        };
        let at = raw(body_start + link.offset + within);
        if at < copied || text.get(at..at + old_name.len()) != Some(old_name) {
            continue;
        }
        out.push_str(&text[copied..at]);
        out.push_str(new_name);
        copied = at + old_name.len();
        count += 1;
    }
    out.push_str(&text[copied..]);
    (out, count)
}

/// Maps an offset in the decoded text ([`parse::decode`]: no byte-order mark, `\r\n` as `\n`)
/// to the same place in the file's text.
fn raw_offsets(text: &str) -> impl Fn(usize) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let map: Option<Vec<usize>> = (bom > 0 || text.contains('\r')).then(|| {
        let bytes = text.as_bytes();
        let mut map = Vec::with_capacity(bytes.len() + 1);
        for i in bom..bytes.len() {
            if !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                map.push(i);
            }
        }
        map.push(bytes.len());
        map
    });
    move |offset| match &map {
        Some(map) => map.get(offset).copied().unwrap_or(text.len()),
        None => offset,
    }
}

#[cfg(test)]
mod command_tests;

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str =
        "---\ntitle: \"T\" # kept\ndate: 2019-06-18\nspeaker: \"S\"\ntopics: [\"t\"]\n---\nBody.\n";

    #[test]
    fn files_keep_their_folder_and_date() {
        assert_eq!(
            moved_path("statements/2019/2019-06-18-old.md", "new"),
            "statements/2019/2019-06-18-new.md"
        );
        assert_eq!(
            moved_path("statements/2019/old.md", "new"),
            "statements/2019/new.md"
        );
    }

    #[test]
    fn values_change_alone() {
        let text = FILE.replace(
            "---\nBody",
            "slug: old-one # mine\ntranslation_of: 'o''k'\n---\nBody",
        );
        assert_eq!(
            set_value(&text, "slug", "new"),
            Some(text.replace("slug: old-one", "slug: \"new\""))
        );
        assert_eq!(
            set_value(&text, "translation_of", "x"),
            Some(text.replace("'o''k'", "\"x\""))
        );
        assert_eq!(set_value(FILE, "slug", "x"), None);
    }

    #[test]
    fn aliases_grow_in_every_shape() {
        let add = |front: &str| {
            add_alias(
                &FILE.replace("---\nBody", &format!("{front}---\nBody")),
                "/n/",
            )
            .map(|t| t[FILE.len() - "---\nBody.\n".len()..].to_owned())
        };
        assert_eq!(add(""), Some("aliases: [\"/n/\"]\n---\nBody.\n".to_owned()));
        assert_eq!(
            add("aliases: [\"/a/\"] # old\n"),
            Some("aliases: [\"/a/\", \"/n/\"] # old\n---\nBody.\n".to_owned())
        );
        assert_eq!(
            add("aliases: []\n"),
            Some("aliases: [\"/n/\"]\n---\nBody.\n".to_owned())
        );
        assert_eq!(
            add("aliases:\n  - /a/\n  - \"/b/\"\nlang: en\n"),
            Some("aliases:\n  - /a/\n  - \"/b/\"\n  - \"/n/\"\nlang: en\n---\nBody.\n".to_owned())
        );
        assert_eq!(
            add("aliases: /a/\n"),
            Some("aliases: [/a/, \"/n/\"]\n---\nBody.\n".to_owned())
        );
        assert_eq!(add("aliases: [\"/a/\",\n  \"/b/\"]\n"), None);
        let crlf = FILE.replace('\n', "\r\n");
        assert_eq!(
            add_alias(&crlf, "/n/"),
            Some(crlf.replace("---\r\nBody", "aliases: [\"/n/\"]\r\n---\r\nBody"))
        );
    }

    #[test]
    fn links_to_the_file_change_and_nothing_else() {
        let text = "\u{feff}---\r\ntitle: \"T\"\r\n---\r\nSee [a](../2019/2019-06-18-old.md#top), \
                    [b](2019-06-18-old.md), [c](../2019/2019-06-18-older.md) and \
                    <a href=\"../2019/2019-06-18-old.md\">d</a>.\r\n";
        let (new, count) = rewrite_links(
            "statements/2020/2020-01-01-x.md",
            text,
            "statements/2019/2019-06-18-old.md",
            "2019-06-18-new.md",
        );
        assert_eq!(count, 2);
        assert_eq!(
            new,
            text.replace("2019/2019-06-18-old.md", "2019/2019-06-18-new.md")
        );
    }
}
