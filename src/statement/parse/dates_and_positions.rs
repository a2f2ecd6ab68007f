//! The bytes, date and position code of the parser, checked by what `press check` prints: each
//! test gives a file's bytes and compares the whole diagnostics (`path:line:col: error: message`
//! and the help line), or the value a valid file gives.

use anyhow::{Context as _, Result};
use chrono::{DateTime, NaiveDate};

use super::*;

const PATH: &str = "statements/2026/2026-01-27-x.md";
const GOOD: &str = "---\ntitle: \"Global: X\"\ndate: 2026-01-27\nspeaker: \"Erika\"\ntopics: [\"Interpol\"]\n---\n\nBody.\n";

/// Every diagnostic for `bytes`, rendered as `press check` prints them.
fn diagnostics(bytes: &[u8]) -> Vec<String> {
    parse(PATH, bytes)
        .diagnostics
        .iter()
        .map(|d| d.render(false))
        .collect()
}

/// The diagnostics for the good statement with its `date` line replaced by `line`.
fn with_date(line: &str) -> Vec<String> {
    diagnostics(GOOD.replace("date: 2026-01-27", line).as_bytes())
}

/// The good statement with `line` added at the end of its front matter (line 6).
fn with_key(line: &str) -> String {
    GOOD.replace("---\n\n", &format!("{line}\n---\n\n"))
}

fn error(line: usize, column: usize, message: &str, help: &str) -> String {
    format!("{PATH}:{line}:{column}: error: {message}\n  help: {help}")
}

#[test]
fn a_file_at_the_size_limit_is_read_and_one_byte_more_is_refused() -> Result<()> {
    let mut text = GOOD.to_owned();
    text.push_str(&"x".repeat(LIMITS.file_bytes - text.len()));
    let s = parse(PATH, text.as_bytes())
        .statement
        .context("a file of exactly the limit parses")?;
    assert_eq!(
        s.body.len(),
        LIMITS.file_bytes - GOOD.len() + "Body.\n".len()
    );
    text.push('x');
    assert_eq!(
        diagnostics(text.as_bytes()),
        [error(
            1,
            1,
            "file is 4.0 MB, more than the 4.0 MB limit",
            "split the statement, or link large material instead of pasting it"
        )]
    );
    Ok(())
}

#[test]
fn either_utf16_byte_order_mark_is_named() {
    let expected = [error(
        1,
        1,
        "file is UTF-16 encoded, not UTF-8",
        "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
    )];
    for bom in [[0xff, 0xfe], [0xfe, 0xff]] {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(b"-\0-\0-\0");
        assert_eq!(diagnostics(&bytes), expected, "{bom:x?}");
    }
}

#[test]
fn a_bad_utf8_byte_is_located_in_characters() {
    let help = "save the file as UTF-8";
    assert_eq!(
        diagnostics(b"---\ntitle: \"caf\xc3\xa9 \xe2\x80\x94 \xff\"\n"),
        [error(2, 16, "file is not valid UTF-8 (byte 0xff)", help)]
    );
    assert_eq!(
        diagnostics(b"\xc3\xa9t\xc3\xa9\x80"),
        [error(1, 4, "file is not valid UTF-8 (byte 0x80)", help)]
    );
    assert_eq!(
        diagnostics(b"---\n\n\ntitle: \xfe"),
        [error(4, 8, "file is not valid UTF-8 (byte 0xfe)", help)]
    );
}

#[test]
fn a_control_character_is_located_in_characters() {
    let help = "remove the character; statement files are plain text";
    assert_eq!(
        diagnostics("---\ntitle: \"caf\u{e9} \u{2014} \u{1}\"\n".as_bytes()),
        [error(
            2,
            16,
            "file contains the control character U+0001",
            help
        )]
    );
    assert_eq!(
        diagnostics("\u{e9}\u{e9}\u{85}".as_bytes()),
        [error(
            1,
            3,
            "file contains the control character U+0085",
            help
        )]
    );
    assert_eq!(
        diagnostics(b"---\n\n\ntitle: \0"),
        [error(
            4,
            8,
            "file contains a NUL byte (is it a binary file?)",
            help
        )]
    );
}

#[test]
fn lone_carriage_returns_end_lines() -> Result<()> {
    let s = parse(PATH, GOOD.replace('\n', "\r").as_bytes())
        .statement
        .context("a file with CR line endings parses")?;
    assert_eq!((s.title.as_str(), s.body.as_str()), ("Global: X", "Body."));
    Ok(())
}

#[test]
fn two_control_characters_in_one_chunk_are_found() {
    assert_eq!(first_control_character("a\u{1}\u{2}"), Some(1));
    assert_eq!(first_control_character("\u{a0}\u{1b}"), Some(2));
    assert_eq!(first_control_character("\u{a0}\u{a0}"), None);
    // A chunk of DEL alone.
    assert_eq!(first_control_character("\u{7f}"), Some(0));
    let long = "a".repeat(40);
    assert_eq!(
        first_control_character(&format!("{long}\u{7f}\u{7f}")),
        Some(40)
    );
}

#[test]
fn key_positions_stop_at_the_front_matter_and_skip_spaces() {
    let text = "---\ndate:   2026-01-27\nsource:\t\thttps://example.org/\nspeaker: # below\n  Erika\n---\nlocation: Body\n";
    assert_eq!(key_position(text, "date"), Some((2, 9)));
    assert_eq!(key_position(text, "source"), Some((3, 10)));
    assert_eq!(key_position(text, "speaker"), Some((4, 1)));
    assert_eq!(key_position(text, "location"), None);
    assert_eq!(
        key_position(&text.replace("\n---\n", "\n...\n"), "location"),
        None
    );
    assert_eq!(key_position(&format!("\n{text}"), "date"), None);
    assert_eq!(key_position("---\ndates: x\ndate:x\n---\n", "date"), None);
}

#[test]
fn the_date_of_a_valid_file_is_the_one_written() -> Result<()> {
    let s = parse(PATH, GOOD.as_bytes())
        .statement
        .context("the statement parses")?;
    assert_eq!(
        s.published,
        Published::Date(NaiveDate::from_ymd_opt(2026, 1, 27).context("a date")?)
    );
    let text = GOOD.replace("2026-01-27", "2026-01-27T09:30:00+01:00");
    let s = parse(PATH, text.as_bytes())
        .statement
        .context("the statement parses")?;
    assert_eq!(
        s.published,
        Published::Instant(DateTime::parse_from_rfc3339("2026-01-27T09:30:00+01:00")?)
    );
    Ok(())
}

#[test]
fn each_bad_date_is_named_for_what_is_wrong() {
    let day = "write the date as YYYY-MM-DD, e.g. 2026-01-27";
    let cases = [
        ("date: ~", "`date` has no value".to_owned(), day),
        (
            "date: [2026]",
            "`date` must be a date like 2026-01-27, found a list".to_owned(),
            day,
        ),
        (
            "date: 2026-02-30",
            "`date` is an impossible date: \"2026-02-30\"".to_owned(),
            "check the day and month; write it as YYYY-MM-DD",
        ),
        (
            "date: 2026-02-30T09:30:00+01:00",
            "`date` is an impossible date: \"2026-02-30T09:30:00+01:00\"".to_owned(),
            "check the day and month; write it as YYYY-MM-DD",
        ),
        (
            "date: 2026-01-27 09:30",
            "`date` has a time but no UTC offset: \"2026-01-27 09:30\"".to_owned(),
            "add the offset, e.g. 2026-01-27T09:30:00+01:00, or give the day only",
        ),
    ];
    for (line, message, help) in cases {
        assert_eq!(with_date(line), [error(3, 7, &message, help)], "{line}");
    }
    for text in [
        "2026/01/27",
        "2026-01127",
        "2026101-27",
        "yesterday evening",
        "2026-01-27T25:00:00+01:00",
        "2026-01-27x09:30",
    ] {
        assert_eq!(
            with_date(&format!("date: \"{text}\"")),
            [error(
                3,
                7,
                &format!("`date` is not a date: \"{text}\""),
                day
            )],
            "{text}"
        );
    }
    assert!(matches!(parse_date("2026"), Err(DateProblem::Malformed)));
}

#[test]
fn a_missing_date_says_how_to_add_one() {
    let text = GOOD.replace("date: 2026-01-27\n", "");
    assert_eq!(
        diagnostics(text.as_bytes()),
        [error(
            1,
            1,
            "missing required key `date`",
            "add `date: 2026-01-27`"
        )]
    );
}

#[test]
fn an_embargo_is_a_date_time_with_its_offset() -> Result<()> {
    let text = with_key("embargo: 2026-01-27T09:00:00+01:00");
    let s = parse(PATH, text.as_bytes())
        .statement
        .context("the statement parses")?;
    assert_eq!(
        s.embargo,
        Some(DateTime::parse_from_rfc3339("2026-01-27T09:00:00+01:00")?)
    );
    let help = "write a date-time with its offset, e.g. 2026-01-27T09:00:00+01:00";
    assert_eq!(
        diagnostics(with_key("embargo: 2026-01-27T09:00:00").as_bytes()),
        [error(
            6,
            10,
            "`embargo` has no UTC offset: \"2026-01-27T09:00:00\"",
            help
        )]
    );
    assert_eq!(
        diagnostics(with_key("embargo: tomorrow").as_bytes()),
        [error(
            6,
            10,
            "`embargo` is not an RFC 3339 date-time: \"tomorrow\"",
            help
        )]
    );
    Ok(())
}
