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
    // Where the old name is written in each link to the file: the last time in the text that
    // writes its destination (so not in a link text naming the file). Several reference links
    // share one definition, and definitions may come after the links: sorted, once each.
    let mut places: Vec<usize> = links::local_links(&body)
        .into_iter()
        .filter(|link| links::resolve_relative(path, &link.url).as_deref() == Some(old))
        .filter_map(|link| {
            let within = body[link.written.clone()].rfind(old_name)?;
            Some(raw(body_start + link.written.start + within))
        })
        .filter(|&at| text.get(at..at + old_name.len()) == Some(old_name))
        .collect();
    places.sort_unstable();
    places.dedup();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for &at in &places {
        out.push_str(&text[copied..at]);
        out.push_str(new_name);
        copied = at + old_name.len();
    }
    out.push_str(&text[copied..]);
    (out, places.len())
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
    fn only_a_whole_date_prefix_is_kept() {
        let moved = |path| moved_path(path, "new");
        assert_eq!(moved("2019-06-18-old.md"), "2019-06-18-new.md");
        assert_eq!(moved("2019-06-18-old"), "2019-06-18-new.md");
        assert_eq!(moved("a/2019-06-18-.md"), "a/new.md");
        assert_eq!(moved("a/2019-06-18-x.md"), "a/2019-06-18-new.md");
        assert_eq!(moved("a/2019-06-18x-old.md"), "a/new.md");
        assert_eq!(moved("a/2019x06-18-old.md"), "a/new.md");
        assert_eq!(moved("a/2019-06x18-old.md"), "a/new.md");
        assert_eq!(moved("a/2019-0a-18-old.md"), "a/new.md");
        assert_eq!(moved("a/20190-6-18-old.md"), "a/new.md");
    }

    #[test]
    fn front_matter_is_found_after_a_byte_order_mark_and_ends_at_dots() {
        let bom = format!("\u{feff}{FILE}");
        assert_eq!(
            set_value(&bom, "speaker", "N"),
            Some(bom.replace("speaker: \"S\"", "speaker: \"N\""))
        );
        let dots = "--- \nslug: a\n... \nslug: b\n";
        assert_eq!(
            set_value(dots, "slug", "c"),
            Some("--- \nslug: \"c\"\n... \nslug: b\n".to_owned())
        );
        assert_eq!(
            set_value("title: x\n---\nslug: a\n---\n", "slug", "c"),
            None
        );
        assert_eq!(set_value("---\nslug: a\n", "slug", "c"), None);
        assert_eq!(
            add_alias("---\ntitle: t\n---\n", "/n/"),
            Some("---\ntitle: t\naliases: [\"/n/\"]\n---\n".to_owned())
        );
    }

    #[test]
    fn only_the_key_itself_is_taken_and_its_scalar_ends_where_yaml_ends_it() {
        let front = |lines: &str| format!("---\n{lines}---\nBody.\n");
        let set = |lines: &str| set_value(&front(lines), "slug", "new");
        assert_eq!(
            set("slugs: a\nslug:b\nslug:\tx y # c\n"),
            Some(front("slugs: a\nslug:b\nslug:\t\"new\" # c\n"))
        );
        assert_eq!(
            set("slug: \"a\\\"b # c\" # d\n"),
            Some(front("slug: \"new\" # d\n"))
        );
        assert_eq!(
            set("slug: \"a\\\\\" # d\n"),
            Some(front("slug: \"new\" # d\n"))
        );
        assert_eq!(
            set("slug: 'it''s # x' # d\n"),
            Some(front("slug: \"new\" # d\n"))
        );
        assert_eq!(
            set("slug: 'abcd''e' #'x'\n"),
            Some(front("slug: \"new\" #'x'\n"))
        );
        assert_eq!(set("slug: x#y  \n"), Some(front("slug: \"new\"  \n")));
        assert_eq!(set("slug:\n"), None);
        for unsafe_value in [
            "|", ">-", "[a]", "{a: b}", "&a x", "*a", "!t x", "\"open", "'open",
        ] {
            assert_eq!(
                set(&format!("slug: {unsafe_value}\n")),
                None,
                "{unsafe_value}"
            );
        }
    }

    #[test]
    fn aliases_keep_their_comments_indentation_and_line_endings() {
        let add = |lines: &str| add_alias(&format!("---\n{lines}---\n"), "/n/");
        assert_eq!(
            add("aliases: # old\n\t- /a/\n\n\t- /b/\nlang: en\n"),
            Some(
                "---\naliases: # old\n\t- /a/\n\n\t- /b/\n\t- \"/n/\"\nlang: en\n---\n".to_owned()
            )
        );
        // The new item takes the first item's indentation, whatever the last line is.
        assert_eq!(
            add("aliases:\n  - /a/\n  # retired: /b/\nlang: en\n"),
            Some(
                "---\naliases:\n  - /a/\n  # retired: /b/\n  - \"/n/\"\nlang: en\n---\n".to_owned()
            )
        );
        assert_eq!(add("aliases:\n  /a/\n"), None);
        assert_eq!(add("aliases:\nlang: en\n"), None);
        assert_eq!(add("aliases: [/a/ # open\n"), None);
        assert_eq!(
            add("aliases: [ ]   # none\n"),
            Some("---\naliases: [\"/n/\"]   # none\n---\n".to_owned())
        );
        assert_eq!(
            add("aliases: [/a/ ]\n"),
            Some("---\naliases: [/a/, \"/n/\"]\n---\n".to_owned())
        );
        assert_eq!(
            add("aliases: '/a/' # one\n"),
            Some("---\naliases: ['/a/', \"/n/\"] # one\n---\n".to_owned())
        );
        assert_eq!(add("aliases: |\n  /a/\n"), None);
        let crlf = "---\r\naliases:\r\n  - /a/\r\n---\r\n";
        assert_eq!(
            add_alias(crlf, "/n/"),
            Some("---\r\naliases:\r\n  - /a/\r\n  - \"/n/\"\r\n---\r\n".to_owned())
        );
    }

    #[test]
    fn links_are_found_in_files_with_only_a_mark_or_only_crlf() {
        let old = "statements/2019/2019-06-18-old.md";
        let rewrite =
            |text: &str| rewrite_links("statements/2019/x.md", text, old, "2019-06-18-new.md");
        for text in [
            "\u{feff}---\ntitle: \"T\"\n---\n\nSee [a](2019-06-18-old.md).\n",
            "---\r\ntitle: \"T\"\r\n---\r\n\r\nSee [a](2019-06-18-old.md).\r\n",
            "---\ntitle: \"T\"\n---\nA\rB [a](2019-06-18-old.md).\n",
        ] {
            assert_eq!(
                rewrite(text),
                (text.replace("-old.md", "-new.md"), 1),
                "{text:?}"
            );
        }
        let twice = "---\ntitle: \"T\"\n---\n[2019-06-18-old.md](2019-06-18-old.md) \
                     [x](./2019-06-18-old.md) [y](../2019/2019-06-18-old.md)\n";
        assert_eq!(
            rewrite(twice),
            (
                "---\ntitle: \"T\"\n---\n[2019-06-18-old.md](2019-06-18-new.md) \
                 [x](./2019-06-18-new.md) [y](../2019/2019-06-18-new.md)\n"
                    .to_owned(),
                3
            )
        );
        let references = "---\ntitle: \"T\"\n---\n[a][r], [b][r], [2019-06-18-old.md][] and \
                          [c](2019-06-18-old.md \"t\").\n\n[r]: ./2019-06-18-old.md\n\
                          [2019-06-18-old.md]: <2019-06-18-old.md> 'x'\n";
        assert_eq!(
            rewrite(references),
            (
                "---\ntitle: \"T\"\n---\n[a][r], [b][r], [2019-06-18-old.md][] and \
                 [c](2019-06-18-new.md \"t\").\n\n[r]: ./2019-06-18-new.md\n\
                 [2019-06-18-old.md]: <2019-06-18-new.md> 'x'\n"
                    .to_owned(),
                3
            )
        );
        let html = "---\ntitle: \"T\"\n---\n<p><a href=\"2019-06-18-old.md\">2019-06-18-old.md</a> \
                    <img src='2019-06-18-old.md'></p>\n";
        assert_eq!(
            rewrite(html),
            (
                "---\ntitle: \"T\"\n---\n<p><a href=\"2019-06-18-new.md\">2019-06-18-old.md</a> \
                 <img src='2019-06-18-new.md'></p>\n"
                    .to_owned(),
                2
            )
        );
        let front_only = "---\ntitle: \"2019-06-18-old.md\"\n---\nNo link.\n";
        assert_eq!(rewrite(front_only), (front_only.to_owned(), 0));
        let unclosed = "---\ntitle: [2019-06-18-old.md](2019-06-18-old.md)\n";
        assert_eq!(rewrite(unclosed), (unclosed.to_owned(), 0));
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
