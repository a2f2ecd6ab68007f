//! Hostile input (issue 7): every file is untrusted. Each case says what `press` must do, and
//! asserts the exit code and the exact first line on stderr; every run goes through the
//! harness's watchdog (killed and failed after 60 s) and fails on a panic (exit 101) or a signal.
//!
//! The cases are grouped by the bullets of the issue: what every command holds (no panic,
//! located and escaped diagnostics), bounded cost, values serde_yaml would accept but the format
//! refuses, encodings, the walk, and writes that lose nothing.

use crate::support::{Archive, press};

/// The file most cases write.
const X: &str = "statements/2026/2026-01-27-x.md";

/// Valid front matter, for cases that break something else.
const FRONT: &str = "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]\n";

/// A statement whose front matter is [`FRONT`] plus `more`, with `body`.
fn with(more: &str, body: &str) -> Vec<u8> {
    format!("{FRONT}{more}---\n{body}").into_bytes()
}

/// A statement with these front-matter lines (all of them, between `---`) and a short body.
fn front(lines: &str) -> Vec<u8> {
    format!("---\n{lines}\n---\nBody.\n").into_bytes()
}

/// `X:line:col: error: message`.
fn error(line: usize, column: usize, message: &str) -> String {
    format!("{X}:{line}:{column}: error: {message}")
}

/// `X:line:col: warning: message` (how `list`, `show` and friends report a bad file).
fn warning(line: usize, column: usize, message: &str) -> String {
    format!("{X}:{line}:{column}: warning: {message}")
}

/// What a case puts in the archive.
enum Setup {
    /// A file with these bytes.
    File(String, Vec<u8>),
    /// A symbolic link at the path, pointing at the target (as written).
    Link(String, String),
    /// An empty file whose name is these bytes (not necessarily UTF-8).
    RawName(Vec<u8>),
}

/// One hostile case.
struct Case {
    /// Names the case in failure messages.
    name: &'static str,
    setup: Vec<Setup>,
    args: Vec<String>,
    /// Expected exit code.
    code: i32,
    /// Expected first line of stderr, exactly ("" when nothing is printed).
    first_line: String,
    /// Expected stdout, exactly, when given.
    out: Option<String>,
}

impl Case {
    /// `press check` on an archive holding `bytes` at [`X`]: exit 1, this first line.
    fn check(name: &'static str, bytes: impl Into<Vec<u8>>, first_line: String) -> Self {
        Self {
            name,
            setup: vec![Setup::File(X.to_owned(), bytes.into())],
            args: vec!["check".to_owned()],
            code: 1,
            first_line,
            out: None,
        }
    }

    /// A case with no files yet.
    fn new(name: &'static str) -> Self {
        Self {
            name,
            setup: Vec::new(),
            args: vec!["check".to_owned()],
            code: 1,
            first_line: String::new(),
            out: None,
        }
    }

    fn file(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.setup.push(Setup::File(path.to_owned(), bytes.into()));
        self
    }

    /// Adds a valid statement beside the hostile one.
    fn good(self) -> Self {
        self.file("statements/2026/2026-01-27-good.md", front_good())
    }

    fn link(mut self, path: &str, target: &str) -> Self {
        self.setup
            .push(Setup::Link(path.to_owned(), target.to_owned()));
        self
    }

    fn args(mut self, args: &[&str]) -> Self {
        self.args = args.iter().map(|&a| a.to_owned()).collect();
        self
    }

    fn expect(mut self, code: i32, first_line: impl Into<String>) -> Self {
        self.code = code;
        self.first_line = first_line.into();
        self
    }

    fn out(mut self, out: &str) -> Self {
        self.out = Some(out.to_owned());
        self
    }
}

fn front_good() -> Vec<u8> {
    front("title: \"Good\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]")
}

/// Runs every case in a fresh archive; reports every failing case at once.
fn run_cases(cases: Vec<Case>) {
    let mut failures = Vec::new();
    let total = cases.len();
    for case in cases {
        let archive = Archive::empty();
        for setup in &case.setup {
            match setup {
                Setup::File(path, bytes) => archive.write(path, bytes),
                Setup::Link(path, target) => {
                    let link = archive.path().join(path);
                    std::fs::create_dir_all(link.parent().expect("folder")).expect("mkdir");
                    std::os::unix::fs::symlink(target, &link).expect("symlink");
                }
                Setup::RawName(name) => {
                    use std::os::unix::ffi::OsStrExt;
                    let path = archive.path().join(std::ffi::OsStr::from_bytes(name));
                    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
                    std::fs::write(path, front_good()).expect("write");
                }
            }
        }
        let files_before = archive.files();
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let run = press(&archive, &args);
        let stderr = archive.clean(&run.stderr);
        let first = stderr.lines().next().unwrap_or_default();
        let stdout = archive.clean(&run.stdout);
        if run.code != Some(case.code) || first != case.first_line {
            failures.push(format!(
                "{}: expected exit {} and\n    {}\n  got exit {:?} and\n    {}\n  (stderr: {})",
                case.name, case.code, case.first_line, run.code, first, stderr
            ));
        } else if let Some(out) = &case.out
            && &stdout != out
        {
            failures.push(format!(
                "{}: expected stdout {out:?}, got {stdout:?}",
                case.name
            ));
        }
        // No command changes a file it was given, and a refused `new` leaves nothing behind.
        for setup in &case.setup {
            if let Setup::File(path, bytes) = setup
                && std::fs::read(archive.path().join(path)).ok().as_ref() != Some(bytes)
            {
                failures.push(format!("{}: {path} was changed", case.name));
            }
        }
        if run.code != Some(0) && archive.files() != files_before {
            failures.push(format!("{}: files changed by a refused command", case.name));
        }
        // Nothing from a file reaches the terminal raw.
        if stderr.chars().any(|c| c.is_control() && c != '\n') {
            failures.push(format!("{}: raw control character on stderr", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// No panic, exit codes as documented, and every diagnostic located, naming its key and quoting
/// the bad value escaped.
#[test]
fn hostile_every_command_locates_and_escapes() {
    run_cases(vec![
        // An ESC made by a YAML escape in the title is refused at the key, quoted escaped.
        Case::check(
            "escape sequence in title",
            front("title: \"Chile: \\e[31mred\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(2, 8, "`title` contains the control character U+001B: \"Chile: \\u{001b}[31mred\""),
        ),
        // A NUL made by `\0` in a speaker's name is refused at `speaker`.
        Case::check(
            "NUL escape in speaker",
            front("title: \"T\"\ndate: 2026-01-27\nspeaker:\n  name: \"S\\0\"\ntopics: [\"x\"]"),
            error(4, 1, "`speaker` contains the control character U+0000: \"S\\u{0000}\""),
        ),
        // A C1 control (NEL) in `extra`, which is never shown, is refused too.
        Case::check(
            "C1 control in extra",
            with("extra:\n  wp: [\"\\x85\"]\n", "Body.\n"),
            error(6, 1, "`extra` contains the control character U+0085: \"\\u{0085}\""),
        ),
        // A carriage return made by `\r` would leak into output: refused.
        Case::check(
            "CR escape in location",
            with("location: \"Chile\\r\"\n", "Body.\n"),
            error(6, 11, "`location` contains the control character U+000D: \"Chile\\r\""),
        ),
        // `list` serves the good file and reports the bad one as a warning, escaped.
        Case::check(
            "list warns escaped",
            front("title: \"\\e]0;pwned\\a\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            String::new(),
        )
        .good()
        .args(&["list", "--count"])
        .expect(
            0,
            warning(2, 8, "`title` contains the control character U+001B: \"\\u{001b}]0;pwned\\u{0007}\""),
        )
        .out("1\n"),
        // An unknown slug with an escape sequence is quoted escaped by `show`.
        Case::new("show quotes an escaped slug")
            .good()
            .args(&["show", "\u{1b}[2Jgood"])
            .expect(1, "press: no statement with the slug \"\\u{001b}[2Jgood\""),
        // A bidi override in a bad value is shown as an escape, not applied.
        Case::check(
            "bidi override in a bad URL",
            with("source: \"https://\u{202e}gpj.exe\"\n", "Body.\n"),
            error(6, 9, "`source` is not an absolute http(s) URL: \"https://\\u{202e}gpj.exe\""),
        ),
        // A long bad value is cut in the message.
        Case::check(
            "long bad value cut",
            with(&format!("lang: \"{}\"\n", "x".repeat(500)), "Body.\n"),
            error(
                6,
                7,
                &format!("`lang` is not a BCP 47 language tag: \"{}…\"", "x".repeat(60)),
            ),
        ),
        // Quotes and backslashes inside a bad value are escaped.
        Case::check(
            "quotes in a bad value",
            with("source: 'java\tscript:\"x\"\\'\n", "Body.\n"),
            error(6, 9, "`source` is not an absolute http(s) URL: \"java\\tscript:\\\"x\\\"\\\\\""),
        ),
        // An unknown key made of odd characters is named escaped.
        Case::check(
            "odd unknown key",
            with("\"ti`tle\": x\n", "Body.\n"),
            error(6, 1, "unknown key `ti`tle`"),
        ),
        // A bad clock is a usage error, exit 2.
        Case::new("bad --now")
            .good()
            .args(&["list", "--now", "yesterday"])
            .expect(
                2,
                "error: invalid value 'yesterday' for '--now <TIME>': premature end of input: use RFC 3339, e.g. 2026-01-27T09:00:00+01:00",
            ),
        // A negative limit is a usage error, exit 2.
        Case::new("negative --limit")
            .good()
            .args(&["list", "--limit", "-1"])
            .expect(2, "error: unexpected argument '-1' found"),
        // Every command on a broken file: `topics` serves the rest, exit 0.
        Case::check(
            "topics with a bad file",
            front("title: [\"T\"]\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            String::new(),
        )
        .good()
        .args(&["topics", "--format", "json"])
        .expect(0, warning(2, 8, "`title` must be a string, found a list")),
        // `show` of a good statement beside a bad one works, warning first.
        Case::check("show beside a bad file", b"\x00\x01".to_vec(), String::new())
            .good()
            .args(&["show", "good", "--format", "markdown"])
            .expect(0, warning(1, 1, "file contains a NUL byte (is it a binary file?)")),
    ]);
}

/// Bounded cost: limits enforced before the expensive step, with a clear error, never a hang.
#[test]
fn hostile_bounded_cost() {
    let ten_mb_body = with(
        "",
        &"word word word word word word word word word\n".repeat(230_000),
    );
    assert!(ten_mb_body.len() > 10_000_000);
    let deep_list = "- ".repeat(50_000) + "item\n";
    let deep_ordered = "1. ".repeat(50_000) + "item\n";
    let indented_list: String = (0..200)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    run_cases(vec![
        // A 10 MB body is refused by size before it is read.
        Case::check(
            "10 MB body",
            ten_mb_body.clone(),
            error(1, 1, "file is 9.9 MB, more than the 4.0 MB limit"),
        ),
        // The same file does not stop `list` from serving the others.
        Case::check("10 MB body beside a good file", ten_mb_body, String::new())
            .good()
            .args(&["list", "--count"])
            .expect(
                0,
                warning(1, 1, "file is 9.9 MB, more than the 4.0 MB limit"),
            )
            .out("1\n"),
        // 50,000 nested block quotes: refused at the line, before any Markdown parser.
        Case::check(
            "50,000 nested block quotes",
            with("", &(">".repeat(50_000) + " deep\n")),
            error(7, 1, "Markdown is nested 50000 levels deep, more than 32"),
        ),
        // 50,000 nested block quotes with spaces between the markers.
        Case::check(
            "50,000 spaced block quotes",
            with("", &format!("Intro.\n\n{} deep\n", "> ".repeat(50_000))),
            error(9, 1, "Markdown is nested 50000 levels deep, more than 32"),
        ),
        // 50,000 nested list items on one line.
        Case::check(
            "50,000 nested list items",
            with("", &deep_list),
            error(7, 1, "Markdown is nested 50000 levels deep, more than 32"),
        ),
        // 50,000 nested ordered list items.
        Case::check(
            "50,000 nested ordered items",
            with("", &deep_ordered),
            error(7, 1, "Markdown is nested 50000 levels deep, more than 32"),
        ),
        // List items nested by indentation, 200 levels.
        Case::check(
            "200 indented list levels",
            with("", &indented_list),
            error(39, 1, "Markdown is nested 33 levels deep, more than 32"),
        ),
        // Deep nesting in the background is refused at `background`.
        Case::check(
            "deep background",
            with(
                &format!("background: |\n  {}x\n", ">".repeat(50_000)),
                "Body.\n",
            ),
            error(6, 1, "Markdown is nested 50000 levels deep, more than 32"),
        ),
        // 100,000 nested `[` in front matter: refused by the lexical guard, not serde_yaml.
        Case::check(
            "100,000 nested [",
            front(&format!(
                "title: \"T\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: {}",
                "[".repeat(100_000)
            )),
            error(5, 25, "lists and mappings are nested more than 16 deep"),
        ),
        // 100,000 nested `{` under extra.
        Case::check(
            "100,000 nested {",
            with(&format!("extra: {}\n", "{a: ".repeat(100_000)), "Body.\n"),
            error(6, 72, "lists and mappings are nested more than 16 deep"),
        ),
        // 900 levels of nested block mappings: stopped by the YAML reader's recursion limit.
        Case::check(
            "900 nested block mappings",
            with(
                &format!(
                    "extra:\n{}",
                    (0..900)
                        .map(|i| format!("{}a:\n", " ".repeat(i + 1)))
                        .collect::<String>()
                ),
                "Body.\n",
            ),
            error(134, 129, "YAML is nested too deeply (more than 128 levels)"),
        ),
        // 900 levels of nested block sequences.
        Case::check(
            "900 nested block sequences",
            with(
                &format!(
                    "extra:\n  k:\n{}",
                    (0..900)
                        .map(|i| format!("  {}- \n", " ".repeat(i)))
                        .collect::<String>()
                ),
                "Body.\n",
            ),
            error(134, 129, "YAML is nested too deeply (more than 128 levels)"),
        ),
        // 50,000 block sequence markers on one line.
        Case::check(
            "50,000 dashes on one line",
            with(
                &format!("extra:\n  k: {}x\n", "- ".repeat(50_000)),
                "Body.\n",
            ),
            error(
                7,
                6,
                "invalid YAML: block sequence entries are not allowed in this context",
            ),
        ),
        // Front matter over 512 KB.
        Case::check(
            "front matter over the limit",
            with(
                &format!(
                    "background: |\n{}",
                    "  long line of background text\n".repeat(20_000)
                ),
                "Body.\n",
            ),
            error(
                2,
                1,
                "front matter is more than the 512 KB limit (no closing `---` within it)",
            ),
        ),
        // 101 topics.
        Case::check(
            "101 topics",
            front(&format!(
                "title: \"T\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [{}]",
                (0..101)
                    .map(|i| format!("\"t{i}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
            error(5, 9, "`topics` lists 101 topics, more than 100"),
        ),
        // 51 speakers.
        Case::check(
            "51 speakers",
            front(&format!(
                "title: \"T\"\ndate: 2026-01-27\nspeaker: [{}]\ntopics: [\"x\"]",
                (0..51)
                    .map(|i| format!("\"s{i}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
            error(4, 10, "`speaker` lists 51 speakers, more than 50"),
        ),
        // A 501-character title.
        Case::check(
            "501-character title",
            front(&format!(
                "title: \"{}\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]",
                "T".repeat(501)
            )),
            error(2, 8, "`title` is 501 characters long, more than 500"),
        ),
        // An 81-character slug.
        Case::check(
            "81-character slug",
            with(&format!("slug: \"{}\"\n", "a".repeat(81)), "Body.\n"),
            error(
                6,
                7,
                &format!("`slug` is not a valid slug: \"{}…\"", "a".repeat(60)),
            ),
        ),
        // A 3 MB body within the limits is served: a bounded result.
        Case::new("3 MB body served")
            .file(
                X,
                with(
                    "",
                    &"word word word word word word word word word\n".repeat(65_000),
                ),
            )
            .args(&["list", "--count"])
            .expect(0, "")
            .out("1\n"),
        // Pathological inline Markdown (200,000 emphasis markers, 50,000 open links, 50,000 open
        // HTML blocks) renders in bounded time.
        Case::new("pathological inline Markdown")
            .file(
                X,
                with(
                    "",
                    &format!(
                        "{}x{}\n\n{}\n\n{}\n",
                        "*".repeat(100_000),
                        "*".repeat(100_000),
                        "[a".repeat(50_000),
                        "<div>".repeat(50_000)
                    ),
                ),
            )
            .args(&["show", "x"])
            .expect(0, ""),
    ]);
}

/// What serde_yaml accepts but the format refuses: each a located diagnostic at its key.
#[test]
fn hostile_yaml_values() {
    let key = |rest: &str| front(&format!("title: \"T\"\ndate: 2026-01-27\n{rest}"));
    run_cases(vec![
        // `null`, a number and `~` are not topics (serde_yaml would coerce them to strings).
        Case::check(
            "topics null number tilde",
            key("speaker: \"S\"\ntopics: [null, 2026, ~]"),
            error(
                5,
                9,
                "topic 1 in `topics` must be a string, found nothing (null)",
            ),
        ),
        // `topics:` with no value.
        Case::check(
            "topics without a value",
            key("speaker: \"S\"\ntopics:"),
            error(5, 1, "`topics` has no value"),
        ),
        // An empty speaker list.
        Case::check(
            "speaker empty list",
            key("speaker: []\ntopics: [\"x\"]"),
            error(4, 10, "`speaker` is empty"),
        ),
        // A speaker mapping whose name is null.
        Case::check(
            "speaker name null",
            key("speaker: {name: ~}\ntopics: [\"x\"]"),
            error(
                4,
                10,
                "`speaker.name` must be a string, found nothing (null)",
            ),
        ),
        // `draft: yes` is YAML 1.1's boolean, not ours.
        Case::check(
            "draft yes",
            with("draft: yes\n", "Body.\n"),
            error(
                6,
                8,
                "`draft` must be true or false, found the string \"yes\"",
            ),
        ),
        // `draft: "false"` is a string.
        Case::check(
            "draft quoted false",
            with("draft: \"false\"\n", "Body.\n"),
            error(
                6,
                8,
                "`draft` must be true or false, found the string \"false\"",
            ),
        ),
        // `draft: 0` is a number.
        Case::check(
            "draft zero",
            with("draft: 0\n", "Body.\n"),
            error(6, 8, "`draft` must be true or false, found a number `0`"),
        ),
        // An impossible date is never rolled over.
        Case::check(
            "date 2026-02-30",
            front("title: \"T\"\ndate: 2026-02-30\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(3, 7, "`date` is an impossible date: \"2026-02-30\""),
        ),
        // Free text is not a date.
        Case::check(
            "date yesterday",
            front("title: \"T\"\ndate: yesterday\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(3, 7, "`date` is not a date: \"yesterday\""),
        ),
        // A date-time without its offset.
        Case::check(
            "date-time without offset",
            front("title: \"T\"\ndate: 2026-01-27 09:30\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(
                3,
                7,
                "`date` has a time but no UTC offset: \"2026-01-27 09:30\"",
            ),
        ),
        // A number is not a title.
        Case::check(
            "title number",
            front("title: 2026\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(2, 8, "`title` must be a string, found a number `2026`"),
        ),
        // A duplicate top-level key, which serde_yaml would report at the wrong place.
        Case::check(
            "duplicate key",
            with("title: \"Again\"\n", "Body.\n"),
            error(6, 1, "duplicate key `title` (first on line 2)"),
        ),
        // A duplicate key inside the speaker mapping.
        Case::check(
            "duplicate nested key",
            key("speaker:\n  name: \"A\"\n  name: \"B\"\ntopics: [\"x\"]"),
            error(5, 3, "invalid YAML: speaker: duplicate key `name`"),
        ),
        // An anchor, even a harmless one.
        Case::check(
            "anchor",
            with("extra:\n  a: &a [\"x\"]\n", "Body.\n"),
            error(7, 6, "YAML anchor `&a` is not allowed"),
        ),
        // An alias.
        Case::check(
            "alias",
            with("location: *somewhere\n", "Body.\n"),
            error(6, 11, "YAML alias `*somewhere` is not allowed"),
        ),
        // The billion-laughs alias bomb is refused before any expansion.
        Case::check(
            "alias bomb",
            with(
                &format!(
                    "extra:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n{}",
                    (b'b'..=b'i')
                        .map(|c| {
                            let prev = (c - 1) as char;
                            let c = c as char;
                            format!("  {c}: &{c} [{}]\n", vec![format!("*{prev}"); 9].join(","))
                        })
                        .collect::<String>()
                ),
                "Body.\n",
            ),
            error(7, 6, "YAML anchor `&a` is not allowed"),
        ),
        // A `!!python/object` tag.
        Case::check(
            "python object tag",
            with("extra: !!python/object:os.system {}\n", "Body.\n"),
            error(6, 8, "YAML tag `!!python/object:os.system` is not allowed"),
        ),
        // A `!!binary` tag.
        Case::check(
            "binary tag",
            with("summary: !!binary aGVsbG8=\n", "Body.\n"),
            error(6, 10, "YAML tag `!!binary` is not allowed"),
        ),
        // A `!!str` tag, which would turn a number into a title silently.
        Case::check(
            "str tag",
            front("title: !!str 2026\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(2, 8, "YAML tag `!!str` is not allowed"),
        ),
        // A merge key.
        Case::check(
            "merge key",
            with("<<: {lang: fr}\n", "Body.\n"),
            error(6, 1, "unknown key `<<`"),
        ),
        // A date where an embargo date-time is needed.
        Case::check(
            "embargo date only",
            with("embargo: 2026-06-10\n", "Body.\n"),
            error(
                6,
                10,
                "`embargo` is not an RFC 3339 date-time: \"2026-06-10\"",
            ),
        ),
        // A topic that is only punctuation has no slug.
        Case::check(
            "punctuation topic",
            key("speaker: \"S\"\ntopics: [\"—\"]"),
            error(5, 9, "topic 1 in `topics` has no letters or digits: \"—\""),
        ),
        // A front matter that is a list, not keys.
        Case::check(
            "front matter is a list",
            front("- title\n- date"),
            error(2, 1, "front matter must be keys and values, found a list"),
        ),
    ]);
}

/// Encodings: a BOM and CRLF are accepted and never leak; UTF-16, bad bytes, NUL and binary files
/// are errors naming the file and the line of the first bad byte; none stops the others.
#[test]
fn hostile_encodings() {
    let crlf = with("", "Line one.\n\nLine two.\n")
        .iter()
        .fold(Vec::new(), |mut v, &b| {
            if b == b'\n' {
                v.push(b'\r');
            }
            v.push(b);
            v
        });
    let mut bom_crlf = b"\xef\xbb\xbf".to_vec();
    bom_crlf.extend_from_slice(&crlf);
    let utf16le: Vec<u8> = "\u{feff}---\ntitle: \"T\"\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16be: Vec<u8> = "\u{feff}---\ntitle: \"T\"\n---\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let utf16_no_bom: Vec<u8> = "---\ntitle: \"T\"\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01".to_vec();
    let mut bad_body = with("", "First line.\nSecond line caf");
    bad_body.extend_from_slice(b"\xe9.\n");
    let mut bad_front = b"---\ntitle: \"Caf\xc3\xa9 \xff\"\n".to_vec();
    bad_front.extend_from_slice(b"date: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]\n---\nB\n");
    let mut overlong = with("", "Slash: ");
    overlong.extend_from_slice(b"\xc0\xaf\n");
    let mut surrogate = with("", "Half: ");
    surrogate.extend_from_slice(b"\xed\xa0\x80\n");
    run_cases(vec![
        // A UTF-8 BOM and CRLF endings are accepted.
        Case::new("BOM and CRLF accepted")
            .file(X, bom_crlf)
            .expect(0, "checked 1 statement: 0 errors, 0 warnings"),
        // Mixed endings (LF, CRLF, lone CR) are accepted.
        Case::new("mixed line endings accepted")
            .file(X, "---\r\ntitle: \"T\"\ndate: 2026-01-27\r\nspeaker: \"S\"\rtopics: [\"x\"]\n---\r\nBody.\r".as_bytes())
            .expect(0, "checked 1 statement: 0 errors, 0 warnings"),
        // Positions count from after the BOM, in characters.
        Case::check(
            "BOM does not shift columns",
            [b"\xef\xbb\xbf".as_slice(), &with("lang: \"\u{e9}\u{e9} x\"\n", "B\n")].concat(),
            error(6, 7, "`lang` is not a BCP 47 language tag: \"éé x\""),
        ),
        // UTF-16 little-endian with its BOM.
        Case::check("UTF-16 LE", utf16le, error(1, 1, "file is UTF-16 encoded, not UTF-8")),
        // UTF-16 big-endian with its BOM.
        Case::check("UTF-16 BE", utf16be, error(1, 1, "file is UTF-16 encoded, not UTF-8")),
        // UTF-16 without a BOM shows as NUL bytes.
        Case::check(
            "UTF-16 without BOM",
            utf16_no_bom,
            error(1, 2, "file contains a NUL byte (is it a binary file?)"),
        ),
        // A Latin-1 byte in the body: the line and column of the first bad byte.
        Case::check("Latin-1 in body", bad_body, error(8, 16, "file is not valid UTF-8 (byte 0xe9)")),
        // A bad byte in the front matter, after a good multi-byte character.
        Case::check("bad byte in front matter", bad_front, error(2, 14, "file is not valid UTF-8 (byte 0xff)")),
        // An overlong encoding of `/`.
        Case::check("overlong UTF-8", overlong, error(7, 8, "file is not valid UTF-8 (byte 0xc0)")),
        // An encoded UTF-16 surrogate.
        Case::check("encoded surrogate", surrogate, error(7, 7, "file is not valid UTF-8 (byte 0xed)")),
        // A NUL byte in the body.
        Case::check(
            "NUL in body",
            with("", "Body\0 text.\n"),
            error(7, 5, "file contains a NUL byte (is it a binary file?)"),
        ),
        // A PNG named .md.
        Case::check("PNG named .md", png.clone(), error(1, 1, "file is not valid UTF-8 (byte 0x89)")),
        // A raw ESC in the body.
        Case::check(
            "raw ESC in body",
            with("", "Text \u{1b}[31mred\n"),
            error(7, 6, "file contains the control character U+001B"),
        ),
        // A raw ESC in a title.
        Case::check(
            "raw ESC in title",
            front("title: \"A\u{1b}[2J\"\ndate: 2026-01-27\nspeaker: \"S\"\ntopics: [\"x\"]"),
            error(2, 10, "file contains the control character U+001B"),
        ),
        // A DEL character.
        Case::check(
            "DEL in body",
            with("", "Text \u{7f}\n"),
            error(7, 6, "file contains the control character U+007F"),
        ),
        // A binary file does not stop the others from loading.
        Case::new("binary beside a good file")
            .file(X, png)
            .good()
            .args(&["list", "--format", "paths"])
            .expect(0, warning(1, 1, "file is not valid UTF-8 (byte 0x89)"))
            .out("statements/2026/2026-01-27-good.md\n"),
    ]);
}

/// BOM, CRLF and mixed endings never leak `\r` or U+FEFF into any value, slug or output.
#[test]
fn hostile_bom_and_crlf_never_leak() {
    let text = "\u{feff}---\r\ntitle: \"Chile: CRLF\"\r\ndate: 2026-01-27\r\nspeaker:\r\n  name: \"Ana\"\r\n  role: \"R\"\rtopics: [\"a\", \"b\"]\r\nbackground: |\r\n  One.\r\n\r\n  Two.\r\n---\r\n\r\nBody one.\r\n\r\nBody two.\r\n";
    let archive = Archive::empty().file("statements/2026/2026-01-27-crlf.md", text);
    for args in [
        &["list", "--format", "json"][..],
        &["list", "--format", "csv"],
        &["list"],
        &["show", "crlf"],
        &["show", "crlf", "--format", "json"],
        &["topics", "--format", "json"],
        &["speakers"],
    ] {
        let run = press(&archive, args);
        run.code(0);
        assert_eq!(run.err(), "", "{args:?}");
        let out = run.out();
        assert!(
            !out.contains('\r') && !out.contains('\u{feff}'),
            "{args:?}: {out:?}"
        );
        assert!(
            !out.contains("\\r") && !out.contains("\\ufeff"),
            "{args:?}: {out:?}"
        );
    }
    let run = press(&archive, &["show", "crlf", "--format", "json"]);
    let record: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(record["title"], "Chile: CRLF");
    assert_eq!(record["slug"], "crlf");
    assert_eq!(record["background"], "One.\n\nTwo.");
    assert_eq!(record["body"], "Body one.\n\nBody two.");
    assert_eq!(record["speakers"][0]["role"], "R");
}

/// The walk: symlinks not followed out of `statements/`, loops and dangling links reported, hidden
/// and editor files skipped, other extensions skipped (`.markdown` with a warning), gitignored
/// statements still read.
#[test]
fn hostile_walk() {
    let good_only = "checked 1 statement: 0 errors, 0 warnings";
    let walk = |name| Case::new(name).good().args(&["check"]);
    run_cases(vec![
        // A symlink to a statement outside statements/ is not followed.
        walk("symlink out of statements")
            .file("outside/o.md", front_good())
            .link("statements/2026/2026-01-28-link.md", "../../outside/o.md")
            .expect(0, "statements/2026/2026-01-28-link.md:1:1: warning: skipped: symlink points outside statements/ and is not followed"),
        // A symlink to /etc/passwd is not read.
        walk("symlink to /etc/passwd")
            .link("statements/2026/2026-01-28-passwd.md", "/etc/passwd")
            .expect(0, "statements/2026/2026-01-28-passwd.md:1:1: warning: skipped: symlink points outside statements/ and is not followed"),
        // A symlinked folder pointing outside is not walked.
        walk("symlinked folder out")
            .file("outside/2026-01-28-o.md", front_good())
            .link("statements/ext", "../outside")
            .expect(0, "statements/ext:1:1: warning: skipped: symlink points outside statements/ and is not followed"),
        // A symlink loop is reported, not followed.
        walk("symlink loop")
            .link("statements/2026/loop", "..")
            .expect(0, "statements/2026/loop:1:1: warning: skipped: symlink loop (it points at a folder that contains it)"),
        // A link to itself.
        walk("self link")
            .link("statements/2026/2026-01-28-self.md", "2026-01-28-self.md")
            .expect(0, "statements/2026/2026-01-28-self.md:1:1: warning: skipped: dangling symlink (its target does not exist)"),
        // A dangling symlink is reported.
        walk("dangling symlink")
            .link("statements/2026/2026-01-28-gone.md", "nowhere.md")
            .expect(0, "statements/2026/2026-01-28-gone.md:1:1: warning: skipped: dangling symlink (its target does not exist)"),
        // A symlink to a statement inside statements/ is not read twice.
        walk("symlink inside")
            .link("statements/2026/2026-01-28-again.md", "2026-01-27-good.md")
            .expect(0, "statements/2026/2026-01-28-again.md:1:1: warning: skipped: symlinks are not followed (the file it points at is read in its own place)"),
        // A hidden file is skipped silently.
        walk("hidden file").file("statements/2026/.x.md", b"\xff".to_vec()).expect(0, good_only),
        // A hidden folder (such as .git) is skipped.
        walk("hidden folder").file("statements/.git/x.md", b"\xff".to_vec()).expect(0, good_only),
        // A vim swap file.
        walk("vim swap").file("statements/2026/.x.md.swp", b"\x00b0VIM".to_vec()).expect(0, good_only),
        // A vim swap file named without the dot.
        walk("vim swo").file("statements/2026/x.md.swo", b"\x00".to_vec()).expect(0, good_only),
        // An emacs lock file.
        walk("emacs lock").file("statements/2026/.#x.md", b"user@host.1234".to_vec()).expect(0, good_only),
        // An emacs auto-save file.
        walk("emacs autosave").file("statements/2026/#x.md#", b"\xff".to_vec()).expect(0, good_only),
        // A backup file `x.md~`.
        walk("tilde backup").file("statements/2026/x.md~", b"\xff".to_vec()).expect(0, good_only),
        // A `.bak` file.
        walk("bak backup").file("statements/2026/x.md.bak", b"\xff".to_vec()).expect(0, good_only),
        // A file that is not Markdown.
        walk("text file").file("statements/2026/notes.txt", b"\xff".to_vec()).expect(0, good_only),
        // An image beside the statements.
        walk("image").file("statements/2026/photo.png", b"\x89PNG".to_vec()).expect(0, good_only),
        // `.markdown` is skipped with a warning saying how to rename it.
        walk(".markdown warned")
            .file("statements/2026/2026-01-28-y.markdown", front_good())
            .expect(0, "statements/2026/2026-01-28-y.markdown:1:1: warning: skipped: statement files must end in `.md`"),
        // `.MD` likewise.
        walk(".MD warned")
            .file("statements/2026/2026-01-28-z.MD", front_good())
            .expect(0, "statements/2026/2026-01-28-z.MD:1:1: warning: skipped: statement files must end in `.md`"),
        // A folder named like a statement is walked, not read.
        walk("folder named .md").file("statements/2026/dir.md/2026-01-28-inner.md", front("title: \"In\"\ndate: 2026-01-28\nspeaker: \"S\"\ntopics: [\"x\"]")).expect(0, "checked 2 statements: 0 errors, 0 warnings"),
        // A gitignored statement is still read.
        Case::new("gitignored statement read")
            .file(".gitignore", "statements/\n*.md\n")
            .file("statements/.gitignore", "*\n")
            .file("statements/.ignore", "*\n")
            .good()
            .args(&["list", "--count"])
            .expect(0, "")
            .out("1\n"),
        // A file name that is not UTF-8 is reported, not fatal.
        walk("non-UTF-8 file name")
            .file_os()
            .expect(0, "statements/2026/2026-01-28-\u{fffd}.md:1:1: warning: skipped: the file name is not valid UTF-8"),
    ]);
}

impl Case {
    /// Adds a statement whose file name is not valid UTF-8.
    fn file_os(mut self) -> Self {
        self.setup.push(Setup::RawName(
            b"statements/2026/2026-01-28-\xff.md".to_vec(),
        ));
        self
    }
}

/// Writes that lose nothing: `new` gives safe slugs of at most 80 ASCII characters inside
/// statements/, and never replaces a file.
#[test]
fn hostile_new_titles_give_safe_slugs() {
    let long = "Word ".repeat(60);
    let titles: [(&str, &str, &str); 12] = [
        // Path traversal is only text.
        ("path traversal", "../../etc/passwd", "etc-passwd"),
        // An absolute path.
        ("absolute path", "/etc/shadow", "etc-shadow"),
        // Only dots.
        ("dots", "..", "statement"),
        // Emoji are transliterated by name.
        ("all emoji", "🎉🔥✊", "tada-fire-fist"),
        // Only characters without a transliteration: the fallback slug.
        ("no letters", "—·—", "statement"),
        // A Windows reserved name never stands alone as a file name.
        ("CON", "CON", "con"),
        // Another reserved name with an extension.
        ("NUL.txt", "NUL.txt", "nul-txt"),
        // A 300-character title is cut at a dash within 80.
        (
            "300 characters",
            long.trim_end(),
            "word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word",
        ),
        // One 300-letter word is cut hard at 80.
        ("one long word", &"a".repeat(300), &"a".repeat(80)),
        // Right-to-left text is transliterated.
        ("Arabic", "مصر: حرية", "msr-hry"),
        // A hidden-file title does not make a hidden file.
        ("hidden", ".hidden", "hidden"),
        // Shell metacharacters are only text.
        ("shell", "$(rm -rf ~); `x` | y > z", "rm-rf-x-y-z"),
    ];
    let mut failures = Vec::new();
    for (name, title, slug) in titles {
        let archive = Archive::empty();
        let run = press(
            &archive,
            &[
                "new",
                "--title",
                title,
                "--speaker",
                "S",
                "--topic",
                "x",
                "--date",
                "2026-01-27",
            ],
        );
        let expected = format!("statements/2026/2026-01-27-{slug}.md\n");
        if run.code != Some(0) || run.out() != expected || !run.err().is_empty() {
            failures.push(format!("{name}: {run:?}\n  expected {expected}"));
            continue;
        }
        assert!(
            slug.len() <= 80 && slug.is_ascii() && !slug.is_empty(),
            "{name}"
        );
        assert_eq!(
            archive.files(),
            [expected.trim_end()],
            "{name}: only that file"
        );
        press(&archive, &["check"]).code(0);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `new` refuses what it cannot write safely, with exit 2 and a clear first line, and leaves
/// every file as it was.
#[test]
fn hostile_new_refusals() {
    let base = |title: &str| -> Vec<String> {
        [
            "new",
            "--title",
            title,
            "--speaker",
            "S",
            "--topic",
            "x",
            "--date",
            "2026-01-27",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    };
    let with_args = |title: &str, extra: &[&str]| -> Vec<String> {
        let mut args = base(title);
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    };
    let existing = front_good();
    let cases: Vec<Case> = vec![
        // A --slug with a path in it is refused.
        Case::new("slug with path").args(&[]).expect(2, "press: error: invalid --slug \"../x\": use lowercase ASCII letters, digits and single hyphens, e.g. \"x\""),
        // An 81-character --slug is refused.
        Case::new("long slug").expect(2, format!("press: error: invalid --slug \"{}\": use lowercase ASCII letters, digits and single hyphens, e.g. \"{}\"", "a".repeat(81), "a".repeat(80))),
        // A title over 500 characters is refused before writing.
        Case::new("title too long").expect(2, "press: error: the new statement would not be valid: `title` is 501 characters long, more than 500"),
        // A title with a line break is refused.
        Case::new("title with newline").expect(2, "press: error: the new statement would not be valid: `title` must be one line, found \"a\\nb\""),
        // A title with an escape sequence is refused, quoted escaped.
        Case::new("title with ESC").expect(2, "press: error: the new statement would not be valid: `title` contains the control character U+001B: \"\\u{001b}[31mred\""),
        // The same title twice: the second is refused, the first file kept.
        Case::new("same title twice")
            .file("statements/2026/2026-01-27-good.md", existing.clone())
            .expect(2, "press: error: the slug `good` is taken by statements/2026/2026-01-27-good.md; choose another with --slug"),
        // A taken slug on another day is refused too.
        Case::new("taken slug another day")
            .file("statements/2025/2025-01-01-good.md", existing.clone())
            .expect(2, "press: error: the slug `good` is taken by statements/2025/2025-01-01-good.md; choose another with --slug"),
        // A file in the way that does not parse is never replaced.
        Case::new("broken file in the way")
            .file("statements/2026/2026-01-27-good.md", b"\xff".to_vec())
            .expect(2, "press: error: statements/2026/2026-01-27-good.md already exists; press never replaces a statement file"),
        // A body file that is not UTF-8 is refused.
        Case::new("body not UTF-8")
            .file("body.txt", b"caf\xe9".to_vec())
            .expect(2, "body.txt:1:4: error: file is not valid UTF-8 (byte 0xe9)"),
        // A body file with a NUL byte is refused.
        Case::new("body with NUL")
            .file("body.txt", b"a\0b".to_vec())
            .expect(2, "body.txt:1:2: error: file contains a NUL byte (is it a binary file?)"),
        // A missing body file is an I/O error, exit 2.
        Case::new("missing body file").expect(2, "press: error: cannot read missing.txt: No such file or directory (os error 2)"),
        // An impossible --date.
        Case::new("impossible date").expect(2, "press: error: invalid --date \"2026-02-30\": use YYYY-MM-DD"),
    ];
    let args: Vec<Vec<String>> = vec![
        with_args("T", &["--slug", "../x"]),
        with_args("T", &["--slug", &"a".repeat(81)]),
        base(&"T".repeat(501)),
        base("a\nb"),
        base("\u{1b}[31mred"),
        base("Good"),
        base("Good"),
        base("Good"),
        with_args("T", &["--body-file", "body.txt"]),
        with_args("T", &["--body-file", "body.txt"]),
        with_args("T", &["--body-file", "missing.txt"]),
        vec![
            "new",
            "--title",
            "T",
            "--speaker",
            "S",
            "--topic",
            "x",
            "--date",
            "2026-02-30",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect(),
    ];
    assert_eq!(cases.len(), args.len());
    let cases = cases
        .into_iter()
        .zip(args)
        .map(|(mut case, args)| {
            case.args = args;
            case
        })
        .collect();
    run_cases(cases);
}

/// Front matter that `press new` writes re-parses to the same values, whatever YAML makes of
/// them unquoted: checked through `show --format json` and read again with yaml-rust2.
#[test]
fn hostile_new_values_survive_yaml() {
    let values = [
        "no",
        "yes",
        "on",
        "off",
        "null",
        "~",
        "2026",
        "1e3",
        "true",
        "Global: x",
        "#hash",
        "- dash",
        "---",
        "'single'",
        "\"double\"",
        "a: b # c",
        "𝄞 non-BMP 😀",
        "tab\there",
        "[flow]",
        "{map: 1}",
        "&anchor *alias",
        "!!str tag",
        "% directive",
        "@at `tick`",
    ];
    let mut failures = Vec::new();
    for value in values {
        let archive = Archive::empty();
        let topic = format!("{value} topic");
        // `--key=value`, so that values starting with `-` stay values.
        let args: Vec<String> = [
            ("title", value),
            ("speaker", value),
            ("role", value),
            ("topic", topic.as_str()),
            ("location", value),
            ("summary", value),
            ("date", "2026-01-27"),
            ("slug", "v"),
        ]
        .iter()
        .map(|(key, value)| format!("--{key}={value}"))
        .collect();
        let mut all = vec!["new"];
        all.extend(args.iter().map(String::as_str));
        let run = press(&archive, &all);
        if run.code != Some(0) {
            failures.push(format!("{value:?}: new failed: {}", run.err()));
            continue;
        }
        let shown = press(&archive, &["show", "v", "--format", "json"]);
        let record: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
        let expected = serde_json::json!({
            "title": value, "speaker": value, "role": value, "topic": topic, "location": value,
            "summary": value,
        });
        let found = serde_json::json!({
            "title": record["title"], "speaker": record["speakers"][0]["name"],
            "role": record["speakers"][0]["role"], "topic": record["topics"][0],
            "location": record["location"], "summary": record["summary"],
        });
        if found != expected {
            failures.push(format!("{value:?}: press read back {found}"));
        }
        let text = archive.read("statements/2026/2026-01-27-v.md");
        let front = &text[4..text[4..].find("\n---\n").expect("closing line") + 5];
        let doc = &yaml_rust2::YamlLoader::load_from_str(front).expect("YAML")[0];
        let other = [
            doc["title"].as_str(),
            doc["speaker"]["name"].as_str(),
            doc["speaker"]["role"].as_str(),
            doc["location"].as_str(),
            doc["summary"].as_str(),
        ];
        if other != [Some(value); 5] || doc["topics"][0].as_str() != Some(topic.as_str()) {
            failures.push(format!("{value:?}: yaml-rust2 read {other:?}\n{front}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Makes a named pipe at `relative` in the archive (with `mkfifo`).
#[cfg(unix)]
fn mkfifo(archive: &Archive, relative: &str) {
    let path = archive.path().join(relative);
    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Issue: a named pipe (or a socket) named `*.md` under `statements/` made every command that
/// walks the archive wait forever reading it. The walk now skips what is not a regular file,
/// without opening it, with a located warning, and so does a link to one (export never opens it).
#[cfg(unix)]
#[test]
fn hostile_walk_never_opens_a_named_pipe_or_socket() {
    let archive = Archive::empty()
        .file("statements/2026/2026-01-27-good.md", front_good())
        .file(
            "statements/2026/2026-01-28-link.md",
            "---\ntitle: \"Link\"\ndate: 2026-01-28\nspeaker: \"S\"\ntopics: [\"x\"]\n---\n[pipe](/assets/pipe.pdf)\n",
        );
    mkfifo(&archive, "statements/2026/2026-01-01-fifo.md");
    mkfifo(&archive, "assets/pipe.pdf");
    let _socket = std::os::unix::net::UnixListener::bind(
        archive.path().join("statements/2026/2026-01-02-socket.md"),
    )
    .expect("bind a socket");

    let run = press(&archive, &["check"]);
    run.code(1);
    insta::assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-01-fifo.md:1:1: warning: skipped: not a regular file (a named pipe)
      help: statement files must be regular files; remove it or replace it with one
    statements/2026/2026-01-02-socket.md:1:1: warning: skipped: not a regular file (a socket)
      help: statement files must be regular files; remove it or replace it with one
    statements/2026/2026-01-28-link.md:7:1: error: link to a local file that is not a regular file "/assets/pipe.pdf" (a named pipe)
      help: link to a regular file beside the statement or under assets/
    checked 2 statements: 1 error, 2 warnings
    "#);

    // The watchdog fails a run that hangs.
    let export = "press: warning: no base URL (set base_url in press.toml or pass --base-url): sitemap.xml skipped, feeds use relative links\n\
         statements/2026/2026-01-28-link.md:7:1: error: link to a local file that is not a regular file \"/assets/pipe.pdf\" (a named pipe)\n  \
         help: link to a regular file beside the statement or under assets/\n\
         press: exported 2 statements to [ROOT]/site: 31 files written, 0 unchanged, 0 removed\n";
    for (args, code, err) in [
        (&["list"][..], 0, ""),
        (&["show", "good"], 0, ""),
        (&["topics"], 0, ""),
        // Not a statement file that can be edited: no such statement.
        (
            &["edit", "fifo"],
            1,
            "press: no statement with the slug \"fifo\"\n",
        ),
        (&["export", "--keep-going"], 1, export),
        (
            &[
                "new",
                "--title",
                "New",
                "--speaker",
                "S",
                "--topic",
                "x",
                "--date",
                "2026-02-01",
            ],
            0,
            "",
        ),
    ] {
        let run = press(&archive, args);
        run.code(code);
        assert_eq!(
            crate::support::timeless(&archive.clean(&run.stderr)),
            err,
            "{args:?}"
        );
    }
    assert!(
        archive
            .path()
            .join("site/statements/2026/link/index.html")
            .exists()
    );
    assert!(!archive.path().join("site/assets/pipe.pdf").exists());
}

/// An input file of `import` or `new` that is not UTF-8 is one located error, as `check` prints
/// it (`path:line:col: error: …` and its `help:`), never behind a second `error:` prefix.
#[test]
fn hostile_input_files_not_utf8_are_one_located_error() {
    let archive = Archive::empty()
        .file("bad.txt", b"Title line\n\nab\xffcd\n")
        .file(
            "site/_posts/2020-01-01-x.md",
            b"---\ntitle: x\ndate: 2020-01-01\n---\n\xff\n",
        );
    let bad = archive.path().join("bad.txt");
    let bad = bad.to_str().expect("UTF-8 temporary path");
    let run = press(
        &archive,
        &["import", bad, "--topic", "T", "--date", "2026-01-01"],
    );
    run.code(2);
    insta::assert_snapshot!(archive.clean(&run.stderr), @r"
    [ROOT]/bad.txt:3:3: error: file is not valid UTF-8 (byte 0xff)
      help: save the file as UTF-8
    ");
    let run = press(
        &archive,
        &[
            "import",
            "--from",
            "jekyll",
            "site",
            "--speaker",
            "S",
            "--topic",
            "T",
        ],
    );
    run.code(1);
    insta::assert_snapshot!(run.err(), @r"
    site/_posts/2020-01-01-x.md:5:1: error: file is not valid UTF-8 (byte 0xff)
      help: save the file as UTF-8
    refused: file is not valid UTF-8 (byte 0xff) (1 post)
    imported 0, skipped 0 duplicates, refused 1, could not read 0
    ");
    let new = ["new", "--title", "T", "--speaker", "S", "--topic", "T"];
    for option in ["--body-file", "--background-file"] {
        let mut args = new.to_vec();
        args.extend([option, "bad.txt"]);
        let run = press(&archive, &args);
        run.code(2);
        assert_eq!(
            run.err(),
            "bad.txt:3:3: error: file is not valid UTF-8 (byte 0xff)\n  help: save the file as UTF-8\n",
            "{option}"
        );
    }
    let mut command = archive.press();
    command.args(new).args(["--body-file", "-"]);
    let run = crate::support::run_with_input(command, Some(b"x\xff"));
    run.code(2);
    insta::assert_snapshot!(run.err(), @r"
    <stdin>:1:2: error: file is not valid UTF-8 (byte 0xff)
      help: save the file as UTF-8
    ");
    assert_eq!(archive.files(), ["bad.txt", "site/_posts/2020-01-01-x.md"]);
}

/// A control character in a path never reaches the terminal raw, in a diagnostic or in the final
/// error line.
#[test]
fn hostile_paths_with_control_characters_are_shown_escaped() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-01-a\u{1b}[31mred\nfake.md",
        "---\ntitle: \"T\"\ndate: 2026-01-01\nspeaker: \"X\"\ntopics: [\"a\"]\n---\nBody.\n",
    );
    let run = press(&archive, &["check"]);
    run.code(0);
    assert_eq!(
        run.err(),
        "statements/2026/2026-01-01-a\\u{001b}[31mred\\nfake.md:1:1: warning: the file name is not of the form YYYY-MM-DD-slug.md\n  \
         help: rename the file to statements/2026/2026-01-01-a-31mred-fake.md\n\
         checked 1 statement: 0 errors, 1 warning\n"
    );
    let run = press(&archive, &["--root", "missing\u{1b}[31m", "list"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: archive root missing\\u{001b}[31m is not a folder\n"
    );
}

/// Aliases (issue 15): whatever an alias holds, no redirect page is written outside the output
/// folder. Each hostile alias is an error at its line for `check`, and `export` refuses the
/// archive without writing anything.
#[test]
fn hostile_aliases_never_leave_the_output_folder() {
    let long = format!("/{}/", "a".repeat(300));
    let cases: Vec<(&'static str, String, String)> = vec![
        (
            "parent segments",
            "\"/../../etc/x/\"".to_owned(),
            "alias 1 has a `.` or `..` segment: \"/../../etc/x/\"".to_owned(),
        ),
        (
            "encoded parent segments",
            "\"/%2e%2e/%2E%2E/x/\"".to_owned(),
            "alias 1 has a percent-escape that is not UTF-8 or stands for `/`, `\\` or a `.` segment: \"/%2e%2e/%2E%2E/x/\"".to_owned(),
        ),
        (
            "encoded slash",
            "\"/a%2F..%2F..%2Fx\"".to_owned(),
            "alias 1 has a percent-escape that is not UTF-8 or stands for `/`, `\\` or a `.` segment: \"/a%2F..%2F..%2Fx\"".to_owned(),
        ),
        (
            "backslashes",
            "\"/..\\\\..\\\\x\"".to_owned(),
            "alias 1 has a space, a backslash or an empty segment: \"/..\\\\..\\\\x\"".to_owned(),
        ),
        (
            "windows absolute path",
            "\"C:\\\\Windows\\\\x\"".to_owned(),
            "alias 1 does not start with `/`: \"C:\\\\Windows\\\\x\"".to_owned(),
        ),
        (
            "windows drive after the slash",
            "\"/C:/Windows/x\"".to_owned(),
            "alias 1 has a character file names cannot hold (`:*\"<>|`): \"/C:/Windows/x\"".to_owned(),
        ),
        (
            "NUL",
            "\"/a\\0/x\"".to_owned(),
            "`aliases` contains the control character U+0000: \"/a\\u{0000}/x\"".to_owned(),
        ),
        (
            "encoded NUL",
            "\"/a%00/x\"".to_owned(),
            "alias 1 has a control character: \"/a%00/x\"".to_owned(),
        ),
        (
            "very long segment",
            format!("\"{long}\""),
            format!(
                "alias 1 is too long (over 1024 bytes, or a segment over 255): \"{}…\"",
                &long[..60]
            ),
        ),
        (
            "protocol-relative",
            "\"//evil.example/x\"".to_owned(),
            "alias 1 has a space, a backslash or an empty segment: \"//evil.example/x\"".to_owned(),
        ),
    ];
    let mut all = Vec::new();
    for (name, value, message) in cases {
        let bytes = with(&format!("aliases: [{value}]\n"), "Body.\n");
        all.push(Case::check(name, bytes.clone(), error(6, 10, &message)));
        all.push(
            Case::check(name, bytes, error(6, 10, &message)).args(&["export", "--out", "out"]),
        );
    }
    run_cases(all);
}
