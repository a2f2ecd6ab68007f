//! Writing `corrections` and `withdrawn` into a statement file's text without touching any other
//! byte: comments, quoting, key order and line endings stay as they were. Pure text in, text out
//! (the commands in `commands::correct` read, lock and write the file).
//!
//! The new lines go where the format's key order puts them: a correction at the end of the
//! `corrections` list, else as a new `corrections` key; the withdrawal as a new `withdrawn` key.
//! A new key follows the value of the last key (in file order) that the order puts before it.
//! `unwithdraw` removes exactly the lines `withdraw` added, so the two give back the file.

use std::fmt::Write as _;

use super::Amendment;
use super::parse::KEYS;
use crate::yaml::double_quoted;

/// Why a file's text cannot take the edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No front matter between `---` lines.
    NoFrontMatter,
    /// `withdraw` on a withdrawn statement.
    AlreadyWithdrawn,
    /// `withdraw --undo` on a statement that is not withdrawn.
    NotWithdrawn,
}

/// The text with `correction` appended to the `corrections` list (`existing` are the file's
/// corrections, used only when the list is written inline and must become a block).
pub fn add_correction(
    text: &str,
    existing: &[Amendment],
    correction: &Amendment,
) -> Result<String, Refusal> {
    let front = Front::read(text)?;
    let eol = front.eol;
    match front.key("corrections") {
        Some(key) if !front.inline_value(key) => {
            let indent = front.lines[key.line + 1..=key.end]
                .iter()
                .find_map(|l| {
                    let trimmed = l.trim_start_matches(' ');
                    (trimmed.starts_with("- ") || trimmed.trim_end() == "-")
                        .then(|| l.len() - trimmed.len())
                })
                .unwrap_or(2);
            let mut item = String::new();
            write_item(&mut item, indent, correction, eol);
            Ok(front.splice(key.end + 1, key.end + 1, &item))
        }
        Some(key) => {
            // `corrections: []` or a flow list: the key's lines become a block.
            let mut block = String::new();
            let all: Vec<&Amendment> = existing.iter().chain([correction]).collect();
            write_list(&mut block, &all, eol);
            Ok(front.splice(key.line, key.end + 1, &block))
        }
        None => {
            let mut block = String::new();
            write_list(&mut block, &[correction], eol);
            let at = front.insertion_line("corrections");
            Ok(front.splice(at, at, &block))
        }
    }
}

/// The text with `withdrawn` added.
pub fn withdraw(text: &str, withdrawal: &Amendment) -> Result<String, Refusal> {
    let front = Front::read(text)?;
    if front.key("withdrawn").is_some() {
        return Err(Refusal::AlreadyWithdrawn);
    }
    let mut block = String::new();
    write_withdrawn(&mut block, withdrawal, front.eol);
    let at = front.insertion_line("withdrawn");
    Ok(front.splice(at, at, &block))
}

/// The text without its `withdrawn` key and value.
pub fn unwithdraw(text: &str) -> Result<String, Refusal> {
    let front = Front::read(text)?;
    let key = front.key("withdrawn").ok_or(Refusal::NotWithdrawn)?;
    Ok(front.splice(key.line, key.end + 1, ""))
}

/// Appends `corrections` and `withdrawn` as `press` writes them (LF line endings), for
/// [`super::write::to_markdown`].
pub fn write_amendments(
    out: &mut String,
    corrections: &[Amendment],
    withdrawn: Option<&Amendment>,
) {
    if !corrections.is_empty() {
        write_list(out, &corrections.iter().collect::<Vec<_>>(), "\n");
    }
    if let Some(withdrawal) = withdrawn {
        write_withdrawn(out, withdrawal, "\n");
    }
}

fn write_list(out: &mut String, items: &[&Amendment], eol: &str) {
    let _ = write!(out, "corrections:{eol}");
    for item in items {
        write_item(out, 2, item, eol);
    }
}

fn write_item(out: &mut String, indent: usize, item: &Amendment, eol: &str) {
    let pad = " ".repeat(indent);
    let _ = write!(
        out,
        "{pad}- date: {}{eol}{pad}  note: {}{eol}",
        item.date.format("%Y-%m-%d"),
        double_quoted(&item.note)
    );
}

fn write_withdrawn(out: &mut String, item: &Amendment, eol: &str) {
    let _ = write!(
        out,
        "withdrawn:{eol}  date: {}{eol}  note: {}{eol}",
        item.date.format("%Y-%m-%d"),
        double_quoted(&item.note)
    );
}

/// A top-level key of the front matter: its line and the last line of its value (indices into
/// [`Front::lines`]).
#[derive(Debug, Clone, Copy)]
struct Key<'t> {
    name: &'t str,
    line: usize,
    end: usize,
}

/// The file cut into lines (each with its line ending), with the front matter's keys.
struct Front<'t> {
    lines: Vec<&'t str>,
    keys: Vec<Key<'t>>,
    /// Index of the closing `---` line.
    close: usize,
    eol: &'static str,
}

impl<'t> Front<'t> {
    fn read(text: &'t str) -> Result<Self, Refusal> {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let first = lines.first().ok_or(Refusal::NoFrontMatter)?;
        if first.trim_start_matches('\u{feff}').trim_end() != "---" {
            return Err(Refusal::NoFrontMatter);
        }
        let eol = if first.ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let close = (1..lines.len())
            .find(|&i| matches!(lines[i].trim_end(), "---" | "..."))
            .ok_or(Refusal::NoFrontMatter)?;
        let mut keys: Vec<Key> = Vec::new();
        for (index, line) in lines.iter().enumerate().take(close).skip(1) {
            if let Some(name) = key_of(line) {
                keys.push(Key {
                    name,
                    line: index,
                    end: index,
                });
            }
        }
        // A value ends before the next key, without the blank lines and column-0 comments that
        // lead to that key (a literal block that keeps its trailing blank lines keeps them).
        for k in 0..keys.len() {
            let next = keys.get(k + 1).map_or(close, |n| n.line);
            let keeps = keeps_trailing_lines(lines[keys[k].line]);
            let mut end = next - 1;
            while end > keys[k].line {
                let line = lines[end].trim_end();
                if line.starts_with('#') || (line.is_empty() && !keeps) {
                    end -= 1;
                } else {
                    break;
                }
            }
            keys[k].end = end;
        }
        Ok(Self {
            lines,
            keys,
            close,
            eol,
        })
    }

    fn key(&self, name: &str) -> Option<Key<'t>> {
        self.keys.iter().copied().find(|k| k.name == name)
    }

    /// Whether the key's value starts on its own line (`key: [..]`, `key: {..}`, `key: []`).
    fn inline_value(&self, key: Key<'_>) -> bool {
        let line = self.lines[key.line];
        let value = line.split_once(':').map_or("", |(_, v)| v).trim();
        !value.is_empty() && !value.starts_with('#')
    }

    /// The line before which a new `name` key goes: after the value of the last key in the file
    /// that the format's order puts before it, else before the closing `---`.
    fn insertion_line(&self, name: &str) -> usize {
        let rank = |key: &str| KEYS.iter().position(|k| *k == key).unwrap_or(usize::MAX);
        let own = rank(name);
        self.keys
            .iter()
            .filter(|k| rank(k.name) < own)
            .max_by_key(|k| k.line)
            .map_or(self.close, |k| k.end + 1)
    }

    /// The text with lines `from..to` replaced by `new`.
    fn splice(&self, from: usize, to: usize, new: &str) -> String {
        let mut out =
            String::with_capacity(self.lines.iter().map(|l| l.len()).sum::<usize>() + new.len());
        for line in &self.lines[..from] {
            out.push_str(line);
        }
        out.push_str(new);
        for line in &self.lines[to..] {
            out.push_str(line);
        }
        out
    }
}

/// The top-level key a front-matter line starts, when it starts one of the format's keys.
fn key_of(line: &str) -> Option<&str> {
    let (raw, rest) = line.split_once(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n'])) {
        return None;
    }
    let name = raw.trim_end();
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .or_else(|| name.strip_prefix('\'').and_then(|n| n.strip_suffix('\'')))
        .unwrap_or(name);
    KEYS.iter().copied().find(|k| *k == name)
}

/// Whether a key line opens a literal or folded block that keeps its trailing blank lines (`|+`).
fn keeps_trailing_lines(line: &str) -> bool {
    let value = line.split_once(':').map_or("", |(_, v)| v).trim();
    (value.starts_with('|') || value.starts_with('>')) && value.contains('+')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::amendment::day;

    fn note(date: &str, note: &str) -> Amendment {
        Amendment {
            date: day(date).expect("a day"),
            note: note.to_owned(),
        }
    }

    const ODD: &str = "\u{feff}---\r\n# kept\r\ntopics: ['a', \"b\"]\r\ntitle: 'It''s: x'\r\nextra:\r\n  k: 1\r\ndate: 2026-01-27 # day\r\nspeaker: A\r\n\r\n# before the end\r\n---\r\nBody\r\n";

    #[test]
    fn a_first_correction_is_a_new_key_after_its_predecessors() {
        let out = add_correction(ODD, &[], &note("2026-03-05", "Fixed \"x\"")).expect("edits");
        assert_eq!(
            out,
            "\u{feff}---\r\n# kept\r\ntopics: ['a', \"b\"]\r\ntitle: 'It''s: x'\r\nextra:\r\n  k: 1\r\ndate: 2026-01-27 # day\r\nspeaker: A\r\ncorrections:\r\n  - date: 2026-03-05\r\n    note: \"Fixed \\\"x\\\"\"\r\n\r\n# before the end\r\n---\r\nBody\r\n"
        );
    }

    #[test]
    fn a_later_correction_joins_the_list_at_its_indentation() {
        let text = "---\ntitle: x\ncorrections:\n- date: 2026-02-01\n  note: a # c\n\nwithdrawn: {date: 2026-04-01, note: b}\n---\n";
        let out = add_correction(text, &[], &note("2026-03-05", "n")).expect("edits");
        assert_eq!(
            out,
            "---\ntitle: x\ncorrections:\n- date: 2026-02-01\n  note: a # c\n- date: 2026-03-05\n  note: \"n\"\n\nwithdrawn: {date: 2026-04-01, note: b}\n---\n"
        );
    }

    #[test]
    fn an_inline_list_becomes_a_block() {
        let text = "---\ntitle: x\ncorrections: [{date: 2026-02-01, note: a}]\nextra: {}\n---\n";
        let out = add_correction(text, &[note("2026-02-01", "a")], &note("2026-03-05", "n"))
            .expect("edits");
        assert_eq!(
            out,
            "---\ntitle: x\ncorrections:\n  - date: 2026-02-01\n    note: \"a\"\n  - date: 2026-03-05\n    note: \"n\"\nextra: {}\n---\n"
        );
    }

    #[test]
    fn withdraw_and_undo_give_back_the_file() {
        let out = withdraw(ODD, &note("2026-03-05", "Wrong")).expect("edits");
        assert_eq!(
            out,
            "\u{feff}---\r\n# kept\r\ntopics: ['a', \"b\"]\r\ntitle: 'It''s: x'\r\nextra:\r\n  k: 1\r\ndate: 2026-01-27 # day\r\nspeaker: A\r\nwithdrawn:\r\n  date: 2026-03-05\r\n  note: \"Wrong\"\r\n\r\n# before the end\r\n---\r\nBody\r\n"
        );
        assert_eq!(
            withdraw(&out, &note("2026-03-06", "again")),
            Err(Refusal::AlreadyWithdrawn)
        );
        assert_eq!(unwithdraw(&out).as_deref(), Ok(ODD));
        assert_eq!(unwithdraw(ODD), Err(Refusal::NotWithdrawn));
    }

    #[test]
    fn a_block_that_keeps_its_blank_lines_keeps_them() {
        let text = "---\ntitle: x\naliases: [\"/a/\"]\nbackground: |+ # kept: blank\n  b\n\n---\n";
        let out = withdraw(text, &note("2026-03-05", "w")).expect("edits");
        assert_eq!(
            out,
            "---\ntitle: x\naliases: [\"/a/\"]\nbackground: |+ # kept: blank\n  b\n\nwithdrawn:\n  date: 2026-03-05\n  note: \"w\"\n---\n"
        );
    }

    #[test]
    fn items_after_a_comment_or_a_lone_dash_set_the_indentation() {
        let text = "---\ntitle: x\ntopics:\n    - a\ncorrections: # fixed: see notes\n-\n  date: 2026-02-01\n  note: a\n---\n";
        let out = add_correction(text, &[], &note("2026-03-05", "n")).expect("edits");
        assert_eq!(
            out,
            "---\ntitle: x\ntopics:\n    - a\ncorrections: # fixed: see notes\n-\n  date: 2026-02-01\n  note: a\n- date: 2026-03-05\n  note: \"n\"\n---\n"
        );
    }

    #[test]
    fn a_block_that_clips_its_blank_lines_ends_before_them() {
        let text = "---\ntitle: \"a+b\"\n\nbackground: |\n  b\n\n# c\nextra: {}\n---\n";
        let out = withdraw(text, &note("2026-03-05", "w")).expect("edits");
        assert_eq!(
            out,
            "---\ntitle: \"a+b\"\n\nbackground: |\n  b\nwithdrawn:\n  date: 2026-03-05\n  note: \"w\"\n\n# c\nextra: {}\n---\n"
        );
    }

    #[test]
    fn only_a_file_with_front_matter_takes_an_edit() {
        let w = note("2026-03-05", "w");
        for text in [
            "",
            "title: x\n---\n",
            "---\ntitle: x\n",
            "--- x\ntitle: x\n---\n",
        ] {
            assert_eq!(withdraw(text, &w), Err(Refusal::NoFrontMatter), "{text:?}");
            assert_eq!(
                add_correction(text, &[], &w),
                Err(Refusal::NoFrontMatter),
                "{text:?}"
            );
        }
        assert_eq!(
            withdraw("---\ntitle: x\n...\nBody\n", &w).as_deref(),
            Ok("---\ntitle: x\nwithdrawn:\n  date: 2026-03-05\n  note: \"w\"\n...\nBody\n")
        );
    }
}
