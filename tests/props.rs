//! Property tests (proptest, on stable): front matter that `press` writes re-parses to the same
//! record in `press` and in another YAML reader (yaml-rust2); slugs are always valid; the parser
//! and the Markdown renderer never panic; the fuzz target's seed corpus replays cleanly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use yaml_rust2::{Yaml, YamlLoader};

use press::slug::{self, Slug};
use press::statement::write::to_markdown;
use press::statement::{self, Published, Speaker, Statement, Topic};

const PATH: &str = "statements/2026/2026-01-27-x.md";

/// Pieces that YAML readers treat specially, quotes of every kind, whitespace and non-BMP text.
const NASTY: &[&str] = &[
    "no",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "2026",
    "1e3",
    "0x1F",
    "0o17",
    ".inf",
    ".nan",
    "2026-01-27",
    "12:30",
    ": ",
    ":",
    "#",
    " #",
    "---",
    "...",
    "- ",
    "? ",
    "&a",
    "*a",
    "!!str",
    "!tag",
    "%YAML",
    "@",
    "`",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    ",",
    "<<",
    "=",
    " ",
    "  ",
    "\t",
    "'",
    "\"",
    "''",
    "\\",
    "\\n",
    "‘",
    "’",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "＂",
    "𝄞",
    "😀",
    "🇹🇷",
    "👩🏽‍⚖️",
    "Zoë",
    "Türkiye",
    "Ł",
    "سارة",
    "中文",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200f}",
    "\u{202e}",
    "\u{fffd}",
];

/// One piece of text: a nasty piece, a plain word, or any printable characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
        1 => "[a-zA-Z0-9]{1,8}",
        1 => "\\PC{1,4}",
    ]
}

/// Single-line text made of pieces.
fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..6).prop_map(|pieces| pieces.concat())
}

/// Multi-line text: lines of pieces, some blank, some indented.
fn block() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![3 => line(), 1 => Just(String::new()), 1 => line().prop_map(|l| format!("  {l}"))],
        1..6,
    )
    .prop_map(|lines| lines.join("\n"))
}

/// What the parser keeps of a multi-line value: blank lines around it dropped, and (here) no
/// trailing whitespace at its end.
fn normalize_block(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let start = lines.iter().position(|l| !l.trim().is_empty());
    match start {
        Some(start) => lines[start..].join("\n").trim_end().to_owned(),
        None => String::new(),
    }
}

/// A one-line value as the parser keeps it, when it is usable.
fn one_line(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[derive(Debug, Clone)]
struct Input {
    title: String,
    speakers: Vec<(String, Option<String>, Option<String>)>,
    topics: Vec<String>,
    location: Option<String>,
    summary: Option<String>,
    background: Option<String>,
    contact: Option<String>,
    body: String,
}

fn input() -> impl Strategy<Value = Input> {
    (
        line(),
        prop::collection::vec(
            (line(), prop::option::of(line()), prop::option::of(line())),
            1..4,
        ),
        prop::collection::vec(line(), 1..5),
        prop::option::of(line()),
        prop::option::of(line()),
        prop::option::of(block()),
        prop::option::of(block()),
        block(),
    )
        .prop_map(
            |(title, speakers, topics, location, summary, background, contact, body)| Input {
                title,
                speakers,
                topics,
                location,
                summary,
                background,
                contact,
                body,
            },
        )
}

/// The statement `press new` would build from the input (an unusable title, name or topic
/// replaced by a plain one, so that no case is wasted).
fn build(input: &Input) -> Option<Statement> {
    let title = one_line(&input.title).unwrap_or_else(|| "T".to_owned());
    let speakers = input
        .speakers
        .iter()
        .map(|(name, role, organization)| {
            let organization = organization.as_deref().and_then(one_line);
            // An unusable name with an organisation: the organisation speaks.
            let name = one_line(name).or_else(|| organization.is_none().then(|| "S".to_owned()));
            Speaker {
                name,
                role: role.as_deref().and_then(one_line),
                organization,
            }
        })
        .collect();
    let mut topics = Topic::distinct(
        input
            .topics
            .iter()
            .filter_map(|t| one_line(t))
            .filter(|t| !slug::key(t).is_empty()),
    );
    if topics.is_empty() {
        topics.push(Topic::new("topic"));
    }
    Some(Statement {
        path: PATH.to_owned(),
        slug: Slug::parse("x").expect("valid"),
        slug_given: false,
        title,
        published: Published::Date(NaiveDate::from_ymd_opt(2026, 1, 27).expect("date")),
        speakers,
        topics,
        location: input.location.as_deref().and_then(one_line),
        background: input
            .background
            .as_deref()
            .map(normalize_block)
            .filter(|b| !b.is_empty()),
        contact: input
            .contact
            .as_deref()
            .map(normalize_block)
            .filter(|c| !c.is_empty()),
        body: normalize_block(&input.body),
        source: None,
        summary: input.summary.as_deref().and_then(one_line),
        lang: "en".to_owned(),
        lang_given: false,
        translation_of: None,
        draft: false,
        embargo: None,
        aliases: Vec::new(),
        corrections: Vec::new(),
        withdrawn: None,
        extra: Vec::new(),
        body_line: 1,
    })
}

/// Lines of the shapes that `import` reads at the ends of releases, and its datelines.
const RELEASE_LINES: &[&str] = &[
    "###",
    "# # #",
    "-ENDS-",
    "Background",
    "Notes to editors",
    "About Foo Watch",
    "Media contact:",
    "For further information, please contact:",
    "Contact: Jane Doe, +44 20 7946 0000",
    "Tel: +44 20 7946 0000",
    "jane@example.org",
    "GENEVA (29 December 2016) – UN experts said.",
    "NEW YORK, March 5, 2024 /PRNewswire/ -- Acme today said.",
    "5 February 2024",
    "Press release - 25 September, 2013",
    "The post X appeared first on Foo.",
];

/// One line of a release: a shape from [`RELEASE_LINES`], any text, or a blank line.
fn release_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => line(),
        2 => prop::sample::select(RELEASE_LINES).prop_map(str::to_owned),
        1 => Just(String::new()),
    ]
}

/// The front matter of a written file, between its `---` lines.
fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("opens with ---");
    let end = rest.find("\n---\n").expect("closes with ---");
    &rest[..=end]
}

fn yaml_str<'a>(doc: &'a Yaml, key: &str) -> Option<&'a str> {
    doc[key].as_str()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// What `to_markdown` writes parses back to the same record, and writing that again gives the
    /// same text.
    #[test]
    fn written_front_matter_re_parses_to_the_same_record(input in input()) {
        let Some(built) = build(&input) else { return Ok(()) };
        let text = to_markdown(&built);
        let parsed = statement::parse(PATH, text.as_bytes());
        let errors: Vec<String> = parsed.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
        prop_assert!(errors.is_empty(), "{errors:?}\n{text}");
        let parsed = parsed.statement.expect("no errors");
        prop_assert_eq!(&parsed.title, &built.title, "{}", text);
        prop_assert_eq!(&parsed.speakers, &built.speakers, "{}", text);
        prop_assert_eq!(&parsed.topics, &built.topics, "{}", text);
        prop_assert_eq!(&parsed.location, &built.location, "{}", text);
        prop_assert_eq!(&parsed.summary, &built.summary, "{}", text);
        prop_assert_eq!(&parsed.background, &built.background, "{}", text);
        prop_assert_eq!(&parsed.contact, &built.contact, "{}", text);
        prop_assert_eq!(&parsed.body, &built.body, "{}", text);
        prop_assert_eq!(to_markdown(&parsed), text);
    }

    /// `import` keeps every line of its input in the body, the background or the contact.
    #[test]
    fn import_keeps_every_line(lines in prop::collection::vec(release_line(), 1..25)) {
        let text = format!("Title\n{}", lines.join("\n"));
        let got = press::import::extract(&text);
        let lost = press::import::accuracy::lost_lines(&text, &got);
        prop_assert!(lost.is_empty(), "lost {:?} of {:?}: {:?}", lost, text, got);
    }

    /// Another YAML reader reads the same values from what `press` writes.
    #[test]
    fn written_front_matter_reads_the_same_in_yaml_rust2(input in input()) {
        let Some(built) = build(&input) else { return Ok(()) };
        let text = to_markdown(&built);
        let docs = YamlLoader::load_from_str(front_matter(&text)).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        prop_assert_eq!(yaml_str(doc, "title"), Some(built.title.as_str()), "{}", text);
        prop_assert_eq!(yaml_str(doc, "location"), built.location.as_deref(), "{}", text);
        prop_assert_eq!(yaml_str(doc, "summary"), built.summary.as_deref(), "{}", text);
        prop_assert_eq!(yaml_str(doc, "background"), built.background.as_deref(), "{}", text);
        prop_assert_eq!(yaml_str(doc, "contact"), built.contact.as_deref(), "{}", text);
        let topics: Vec<Option<&str>> = doc["topics"].as_vec().expect("a list").iter().map(Yaml::as_str).collect();
        let expected: Vec<Option<&str>> = built.topics.iter().map(|t| Some(t.name.as_str())).collect();
        prop_assert_eq!(topics, expected, "{}", text);
        let speakers: Vec<&Yaml> = match &doc["speaker"] {
            Yaml::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        prop_assert_eq!(speakers.len(), built.speakers.len());
        for (yaml, speaker) in speakers.iter().zip(&built.speakers) {
            prop_assert_eq!(yaml["name"].as_str(), speaker.name.as_deref(), "{}", text);
            prop_assert_eq!(yaml["role"].as_str(), speaker.role.as_deref(), "{}", text);
            prop_assert_eq!(yaml["organization"].as_str(), speaker.organization.as_deref(), "{}", text);
        }
        prop_assert_eq!(yaml_str(doc, "date"), Some("2026-01-27"));
    }

    /// Any text gives a valid, non-empty ASCII slug of at most 80 characters.
    #[test]
    fn slugify_is_always_valid(text in prop_oneof![line(), "\\PC{0,300}", ".{0,100}"]) {
        let slug = slug::slugify(&text);
        let s = slug.as_str();
        prop_assert!(slug::is_valid(s), "{s:?} from {text:?}");
        prop_assert!(!s.is_empty() && s.len() <= slug::MAX_LEN && s.is_ascii());
        prop_assert_eq!(Slug::parse(s), Some(slug.clone()));
        // Slugifying a slug changes nothing.
        prop_assert_eq!(slug::slugify(s), slug);
    }

    /// The parser never panics on arbitrary bytes.
    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = statement::parse(PATH, &bytes);
    }

    /// Nor on front matter made of YAML's special pieces.
    #[test]
    fn parse_never_panics_on_yaml_pieces(front in prop::collection::vec(prop_oneof![piece(), Just("\n".to_owned()), Just("title: ".to_owned()), Just("topics: [".to_owned()), Just("speaker:\n  - name: ".to_owned())], 0..40), body in block()) {
        let text = format!("---\n{}\n---\n{body}", front.concat());
        let parsed = statement::parse(PATH, text.as_bytes());
        // A file is either a statement or has an error saying why not.
        prop_assert!(parsed.statement.is_some() || parsed.diagnostics.iter().any(|d| d.is_error()));
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1);
            prop_assert!(!d.message.chars().any(char::is_control), "{:?}", d.message);
        }
    }

    /// The terminal Markdown renderer never panics, and without colour writes no escape codes.
    #[test]
    fn markdown_renderer_never_panics(markdown in prop::collection::vec(prop_oneof![piece(), Just("\n".to_owned()), Just("> ".to_owned()), Just("- ".to_owned()), Just("**".to_owned()), Just("_".to_owned()), Just("[a](b)".to_owned()), Just("<b>".to_owned()), Just("\n\n".to_owned())], 0..60), width in 1usize..120) {
        let markdown = markdown.concat();
        let out = press::render::markdown::to_terminal(&markdown, width, false);
        prop_assert!(!out.contains('\u{1b}'), "{out:?}");
    }
}

/// The fuzz target's seed corpus (`fuzz/corpus/parse/`) replays on stable without a panic.
#[test]
fn fuzz_seed_corpus_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/parse");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/corpus/parse exists") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read a seed");
        let parsed = statement::parse(PATH, &bytes);
        assert!(
            parsed.statement.is_some() || parsed.diagnostics.iter().any(|d| d.is_error()),
            "{}",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 10, "only {count} seeds");
}
