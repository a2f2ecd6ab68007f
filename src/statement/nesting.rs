//! How deeply Markdown nests block quotes and list items, found line by line before any Markdown
//! parser sees the text (so a hostile file is refused in linear time).
//!
//! Only real nesting counts: the markers at the start of a line (`>`, `-`, `*`, `+`, `1.`) and
//! the indentation before a marker. The lines of a fenced code block (inside the containers it
//! opened in) and of a top-level indented code block are code, whatever they hold: R output
//! indented 90 columns in a fence is no level at all.

/// The first line (0-based index) nested deeper than `limit`, with its depth.
pub(super) fn deeper_than(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut fence: Option<Fence> = None;
    let mut indented_code = false;
    let mut previous_blank = true;
    let mut in_list = false;
    for (index, line) in text.split('\n').enumerate() {
        let blank = line.trim().is_empty();
        if let Some(open) = &fence {
            if continues(line, &open.shape) {
                if closes(line, open) {
                    fence = None;
                }
                previous_blank = blank;
                continue;
            }
            // The containers the fence opened in ended, and the fence with them.
            fence = None;
        }
        let indent = line.bytes().take_while(|&b| b == b' ').count();
        if indented_code {
            if blank || indent >= 4 {
                previous_blank = blank;
                continue;
            }
            indented_code = false;
        }
        if blank {
            previous_blank = true;
            continue;
        }
        if indent >= 4 && previous_blank && !in_list {
            indented_code = true;
            previous_blank = false;
            continue;
        }
        let prefix = prefix(line);
        if prefix.depth > limit {
            return Some((index, prefix.depth));
        }
        let rest = &line[prefix.width..];
        let ticks = rest.bytes().take_while(|&b| b == b'`').count();
        let tildes = rest.bytes().take_while(|&b| b == b'~').count();
        if ticks >= 3 || tildes >= 3 {
            let (mark, len) = if ticks >= 3 {
                (b'`', ticks)
            } else {
                (b'~', tildes)
            };
            fence = Some(Fence {
                mark,
                len,
                shape: line.as_bytes()[..prefix.width]
                    .iter()
                    .map(|&b| if b == b'>' { b'>' } else { b' ' })
                    .collect(),
            });
        }
        if prefix.lists > 0 {
            in_list = true;
        } else if previous_blank && indent == 0 && prefix.markers == 0 {
            in_list = false;
        }
        previous_blank = false;
    }
    None
}

/// An open fenced code block: its mark (`` ` `` or `~`), how many, and the container prefix it
/// opened in, as a shape (`>` for a quote marker, a space for every other column).
struct Fence {
    mark: u8,
    len: usize,
    shape: Vec<u8>,
}

/// The container markers at the start of a line.
struct Prefix {
    /// Nesting depth: markers, plus half the indentation before a marker.
    depth: usize,
    /// Block-quote and list markers.
    markers: usize,
    /// List markers.
    lists: usize,
    /// Bytes the prefix takes (markers, their spaces, the indentation before them).
    width: usize,
}

fn prefix(line: &str) -> Prefix {
    let bytes = line.as_bytes();
    let mut prefix = Prefix {
        depth: 0,
        markers: 0,
        lists: 0,
        width: 0,
    };
    let mut spaces = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' if prefix.markers == 0 => spaces += 1,
            b'\t' if prefix.markers == 0 => spaces += 4,
            b' ' | b'\t' => {}
            b'>' => prefix.markers += 1,
            b'-' | b'*' | b'+' if bytes.get(i + 1).is_none_or(|b| *b == b' ') => {
                prefix.markers += 1;
                prefix.lists += 1;
            }
            b'0'..=b'9' => {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if matches!(bytes.get(i + digits), Some(b'.' | b')'))
                    && bytes.get(i + digits + 1).is_none_or(|b| *b == b' ')
                {
                    prefix.markers += 1;
                    prefix.lists += 1;
                    i += digits;
                } else {
                    break;
                }
            }
            _ => break,
        }
        i += 1;
        prefix.width = i;
    }
    // Indentation is a level only before a marker (a nested list item); before text it is a
    // continuation or code.
    prefix.depth = prefix.markers + if prefix.markers > 0 { spaces / 2 } else { 0 };
    // Trailing spaces after the last marker belong to the prefix; indentation alone does not.
    if prefix.markers == 0 {
        prefix.width = 0;
    }
    prefix
}

/// Whether `line` stays inside the containers of `shape` (a blank rest counts as inside).
fn continues(line: &str, shape: &[u8]) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut after_quote = false;
    for &s in shape {
        if bytes[i..].iter().all(u8::is_ascii_whitespace) {
            return true;
        }
        match s {
            b'>' => {
                while i < bytes.len() && bytes[i] == b' ' && !after_quote {
                    i += 1;
                }
                if bytes.get(i) != Some(&b'>') {
                    return false;
                }
                i += 1;
                after_quote = true;
            }
            _ => {
                if bytes.get(i) == Some(&b' ') {
                    i += 1;
                } else if !after_quote {
                    return false;
                }
                after_quote = false;
            }
        }
    }
    true
}

/// Whether `line` (inside the fence's containers) closes the fence.
fn closes(line: &str, fence: &Fence) -> bool {
    let rest = line.trim_start_matches(['>', ' ']);
    let run = rest.bytes().take_while(|&b| b == fence.mark).count();
    run >= fence.len && rest[run..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(text: &str) -> Option<(usize, usize)> {
        deeper_than(text, 2)
    }

    #[test]
    fn counts_markers_and_the_indentation_before_them() {
        assert_eq!(depth("> > > x"), Some((0, 3)));
        assert_eq!(depth("- - 1. x"), Some((0, 3)));
        assert_eq!(depth("2026 was"), None);
        assert_eq!(depth("- a\n  - b\n    - c"), Some((2, 3)));
        assert_eq!(deeper_than(&">".repeat(50_000), 32), Some((0, 50_000)));
    }

    #[test]
    fn code_is_no_level() {
        let fenced = format!(
            "Output:\n\n```\n{}> > > x\n- - - y\n```\n\nafter",
            " ".repeat(90)
        );
        assert_eq!(depth(&fenced), None);
        assert_eq!(depth("> ```\n> > > > x\n> ```"), None);
        assert_eq!(depth("Text.\n\n        > > > x\n\nmore"), None);
        assert_eq!(depth("~~~~\n```\n> > > x\n~~~~"), None);
    }

    #[test]
    fn a_fence_ends_with_its_container() {
        // The quote ends on the second line, and the fence with it: the list is real.
        assert_eq!(depth("> ```\n- - - x"), Some((1, 3)));
        assert_eq!(depth("```\n> > > x\n```\n> > > y"), Some((3, 3)));
    }

    #[test]
    fn plain_indentation_is_no_level() {
        assert_eq!(depth("- a\n\n        continued text"), None);
        assert_eq!(depth(&format!("{}x", " ".repeat(80))), None);
    }

    /// `1)` opens an ordered list as `1.` does: a body nested 33 lists deep with it is refused
    /// at its line, as one nested with `1.` is.
    #[test]
    fn a_list_numbered_with_a_parenthesis_is_a_level() {
        assert_eq!(depth("1) 2) 3) x"), Some((0, 3)));
        let body = format!("Intro.\n\n{}deep\n", "1) ".repeat(33));
        let text = format!("---\ntitle: T\ndate: 2026-01-27\nspeaker: A\ntopics: [t]\n---\n{body}");
        let parsed = crate::statement::parse("statements/2026/2026-01-27-x.md", text.as_bytes());
        let messages: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "statements/2026/2026-01-27-x.md:9:1: error: Markdown is nested 33 levels deep, more than 32\n  help: flatten the block quotes or lists"
            ]
        );
        assert!(parsed.statement.is_none());
    }
}
