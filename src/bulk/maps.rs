//! Finding one field's value (a speaker's `name`) in a map written in front matter: on one line
//! in braces (`{name: Ann, role: "Director"}`), or as a block of `key: value` lines. Only a
//! one-line value is found; a value over several lines or with nested values is refused in
//! words, so that [`super::items`] never guesses at bytes it cannot read back.

use crate::rename::scalar_len;

/// A byte range of the text: where a value starts and ends.
pub(super) type Span = (usize, usize);

/// Whether a byte cannot start a one-line scalar (a nested value, an anchor, a block scalar).
fn nested(byte: u8) -> bool {
    matches!(
        byte,
        b'[' | b'{' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'?'
    )
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// The flow map at the start of `value` (which starts with `{`; `start` is its offset in the
/// text): its length in bytes, and the span of `field`'s value when it has that key.
pub(super) fn flow_map(
    value: &str,
    start: usize,
    field: &str,
) -> Result<(usize, Option<Span>), String> {
    let nested_map = || "a map with nested values (or over several lines)".to_owned();
    let bytes = value.as_bytes();
    let mut i = 1;
    let mut found = None;
    loop {
        i = skip_spaces(bytes, i);
        match bytes.get(i) {
            None => return Err(nested_map()),
            Some(b'}') => return Ok((i + 1, found)),
            _ => {}
        }
        let (key, key_len) = key_at(&value[i..]).ok_or_else(nested_map)?;
        i = skip_spaces(bytes, i + key_len);
        let rest = &value[i..];
        let len = match rest.as_bytes().first() {
            None => return Err(nested_map()),
            Some(b'"' | b'\'') => scalar_len(rest).ok_or_else(nested_map)?,
            Some(&b) if nested(b) => return Err(nested_map()),
            Some(b',' | b'}') => 0,
            Some(_) => {
                let end = rest.find([',', '}', '#']).ok_or_else(nested_map)?;
                rest[..end].trim_end().len()
            }
        };
        if key == field {
            if len == 0 {
                return Err(format!("a `{field}` without a value"));
            }
            found = Some((start + i, start + i + len));
        }
        i = skip_spaces(bytes, i + len);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => return Ok((i + 1, found)),
            _ => return Err(nested_map()),
        }
    }
}

/// The key at the start of `text` (`name:` or `"name":`, a flow map's or a block line's),
/// decoded, and how many bytes it and its colon take; `None` when `text` starts no key.
pub(super) fn key_at(text: &str) -> Option<(String, usize)> {
    let (key, len) = match text.as_bytes().first()? {
        b'"' | b'\'' => {
            let len = scalar_len(text)?;
            (super::scalar::decode(&text[..len]).ok()?, len)
        }
        &b if nested(b) || b == b'-' && text[1..].starts_with([' ', '\t']) => return None,
        _ => {
            let colon = text
                .match_indices(':')
                .map(|(at, _)| at)
                .find(|&at| text[at + 1..].is_empty() || text[at + 1..].starts_with([' ', '\t']))?;
            let key = text[..colon].trim_end();
            if key.contains([',', '{', '}', '[', ']', '#']) {
                return None;
            }
            (key.to_owned(), key.len())
        }
    };
    let after = skip_spaces(text.as_bytes(), len);
    let rest = text[after..].strip_prefix(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some((key, after + 1))
}

/// The span of `field`'s one-line value in a block map: `lines` are the map's lines (offset in
/// the text, line), its keys start at byte `indent` of each line (the first line's key may
/// follow a `- `). Lines indented deeper continue the key before them; blank and comment
/// lines are skipped.
pub(super) fn block_map(
    lines: &[(usize, &str)],
    indent: usize,
    field: &str,
) -> Result<Option<Span>, String> {
    let several = || format!("a `{field}` over several lines");
    let mut found = None;
    let mut in_field = false;
    for (index, &(offset, line)) in lines.iter().enumerate() {
        let at = if index == 0 {
            indent
        } else {
            line.len() - line.trim_start_matches(' ').len()
        };
        let content = line.get(at..).unwrap_or_default();
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        if at > indent {
            if in_field {
                return Err(several());
            }
            continue;
        }
        if at < indent || content.starts_with('\t') {
            return Err("a map that is not indented evenly".to_owned());
        }
        let (key, key_len) = key_at(content).ok_or("a map line that is not `key: value`")?;
        in_field = key == field;
        if !in_field {
            continue;
        }
        let value_at = skip_spaces(content.as_bytes(), key_len);
        let value = &content[value_at..];
        if value.is_empty() || value.starts_with('#') {
            return Err(several());
        }
        let len = scalar_len(value).ok_or_else(several)?;
        let begin = offset + at + value_at;
        found = Some((begin, begin + len));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flow_map_gives_the_span_of_its_name() {
        let text = "{role: \"A, B\", name: 'Ann' , organization: X} # c";
        let (len, span) = flow_map(text, 10, "name").expect("readable");
        assert_eq!(
            &text[..len],
            "{role: \"A, B\", name: 'Ann' , organization: X}"
        );
        let (s, e) = span.expect("has a name");
        assert_eq!(&text[s - 10..e - 10], "'Ann'");
        assert_eq!(
            flow_map("{organization: X}", 0, "name").expect("readable"),
            (17, None)
        );
        assert_eq!(
            flow_map("{name: Ann, role: [a]}", 0, "name")
                .err()
                .as_deref(),
            Some("a map with nested values (or over several lines)")
        );
        assert_eq!(
            flow_map("{name: Ann,", 0, "name").err().as_deref(),
            Some("a map with nested values (or over several lines)")
        );
    }

    #[test]
    fn a_block_map_gives_the_span_of_its_name() {
        let text = "- role: X\n  # c\n  name: \"Ann\" # c\n  organization: >\n    Y\n";
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            lines.push((offset, line.trim_end_matches('\n')));
            offset += line.len();
        }
        let (s, e) = block_map(&lines, 2, "name")
            .expect("readable")
            .expect("has a name");
        assert_eq!(&text[s..e], "\"Ann\"");
        let over = [(0, "name: Ann"), (10, "  Smith")];
        assert_eq!(
            block_map(&over, 0, "name"),
            Err("a `name` over several lines".to_owned())
        );
    }

    #[test]
    fn flow_maps_of_every_spacing_and_quoting() {
        let nested = || Err("a map with nested values (or over several lines)".to_owned());
        assert_eq!(flow_map("{name: Ann}", 5, "name"), Ok((11, Some((12, 15)))));
        assert_eq!(flow_map("{}", 0, "name"), Ok((2, None)));
        assert_eq!(
            flow_map("{ \"name\" :  'A''s' ,role: X }x", 0, "name"),
            Ok((29, Some((12, 18))))
        );
        assert_eq!(
            flow_map("{name: Ann, name: Bob}", 0, "name"),
            Ok((22, Some((18, 21))))
        );
        assert_eq!(
            flow_map("{role: , name: B}", 0, "name"),
            Ok((17, Some((15, 16))))
        );
        assert_eq!(
            flow_map("{name: }", 0, "name"),
            Err("a `name` without a value".to_owned())
        );
        assert_eq!(flow_map("{name: Ann # c}", 0, "name"), nested());
        assert_eq!(flow_map("{name: Ann", 0, "name"), nested());
        assert_eq!(flow_map("{name: \"Ann}", 0, "name"), nested());
        assert_eq!(flow_map("{name: *a}", 0, "name"), nested());
        assert_eq!(flow_map("{name: 'Ann' x}", 0, "name"), nested());
        assert_eq!(flow_map("{name", 0, "name"), nested());
        assert_eq!(flow_map("{name:", 0, "name"), nested());
        assert_eq!(flow_map("{ ", 0, "name"), nested());
    }

    #[test]
    fn block_maps_refuse_what_they_cannot_read_back() {
        let lines = |text: &'static str| {
            let mut offset = 0;
            text.split_inclusive('\n')
                .map(|line| {
                    let at = offset;
                    offset += line.len();
                    (at, line.trim_end_matches('\n'))
                })
                .collect::<Vec<_>>()
        };
        let read = |text: &'static str, indent| block_map(&lines(text), indent, "name");
        assert_eq!(read("name: Ann\nrole: >\n  long\n", 0), Ok(Some((6, 9))));
        assert_eq!(
            read("- name: Ann  # c\n\n  role: X\n", 2),
            Ok(Some((8, 11)))
        );
        assert_eq!(read("role: X\n", 0), Ok(None));
        let several = || Err("a `name` over several lines".to_owned());
        assert_eq!(read("name:\n  Ann\n", 0), several());
        assert_eq!(read("name: # c\n", 0), several());
        assert_eq!(read("name: |\n  Ann\n", 0), several());
        assert_eq!(read("name: \"Ann\n", 0), several());
        assert_eq!(
            read("  role: X\n name: Ann\n", 2),
            Err("a map that is not indented evenly".to_owned())
        );
        assert_eq!(
            read("role: X\n\tname: Ann\n", 0),
            Err("a map that is not indented evenly".to_owned())
        );
        assert_eq!(
            read("role: X\nAnn Smith\n", 0),
            Err("a map line that is not `key: value`".to_owned())
        );
    }

    #[test]
    fn keys_are_read_plain_or_quoted() {
        assert_eq!(key_at("name: x"), Some(("name".to_owned(), 5)));
        assert_eq!(key_at("\"name\" : x"), Some(("name".to_owned(), 8)));
        assert_eq!(key_at("name:"), Some(("name".to_owned(), 5)));
        assert_eq!(key_at("Ann Smith"), None);
        assert_eq!(key_at("http://x"), None);
        assert_eq!(key_at("- a: b"), None);
        assert_eq!(key_at("-\ta: b"), None);
        assert_eq!(key_at("-a: b"), Some(("-a".to_owned(), 3)));
        assert_eq!(key_at("'na''me':\tx"), Some(("na'me".to_owned(), 9)));
        assert_eq!(key_at("\"name\"x: y"), None);
        assert_eq!(key_at("\"name\":x"), None);
        assert_eq!(key_at("\"name"), None);
        assert_eq!(key_at("a:b: c"), Some(("a:b".to_owned(), 4)));
        assert_eq!(key_at("name :  x"), Some(("name".to_owned(), 6)));
        assert_eq!(key_at("a, b: c"), None);
        assert_eq!(key_at("[a]: c"), None);
        assert_eq!(key_at("a#b: c"), None);
    }
}
